/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-render-photos"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "render-fixtures.h"
#include "tpt-error.h"
#include "tpt-export.h"
#include "tpt-format.h"
#include "tpt-photo.h"

/* Photos in exports: embedded at print resolution, not at their full
 * size; one that can't be drawn is an export error, never a silent gap;
 * a document's photos are capped in pixels together, with a message that
 * names the photo. bench-photos measures the memory. */

static GBytes *
make_image (int         width,
            int         height,
            const char *format)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autofree char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3584e4ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, format, NULL, NULL));
  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

/* A PNG of a header only: sound as far as the reader looks. */
static GBytes *
png_header (guint32 width,
            guint32 height)
{
  g_autoptr(GBytes) real = make_image (16, 16, "png");
  guint8 *data = g_memdup2 (g_bytes_get_data (real, NULL), 8 + 8 + 13 + 4);

  data[16] = width >> 24; data[17] = width >> 16; data[18] = width >> 8; data[19] = width;
  data[20] = height >> 24; data[21] = height >> 16; data[22] = height >> 8; data[23] = height;
  return g_bytes_new_take (data, 8 + 8 + 13 + 4);
}

static char *
document_with_photos (GBytes     **photos,
                      guint        n,
                      const char  *type)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<touchpoint format=\"1\">\n  <meta>\n"
                               "    <title>Photos</title>\n  </meta>\n  <personas>\n");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *base64 = g_base64_encode (g_bytes_get_data (photos[i], NULL),
                                                 g_bytes_get_size (photos[i]));

      g_string_append_printf (out, "    <persona id=\"p%u\" color=\"#3584e4\">\n"
                                   "      <name>Persona %u</name>\n"
                                   "      <photo type=\"%s\">%s</photo>\n"
                                   "    </persona>\n", i + 1, i + 1, type, base64);
    }
  g_string_append (out, "  </personas>\n</touchpoint>\n");
  return g_string_free (out, FALSE);
}

static TptDocument *
load_text (const char  *text,
           GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return tpt_document_load_bytes (bytes, error);
}

static gboolean
export_pdf (TptDocument  *document,
            const char   *path,
            GError      **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  TptExportOptions options;

  tpt_export_options_init (&options);
  options.format = TPT_EXPORT_PDF;
  return tpt_export (document, file, &options, NULL, error);
}

static void
test_embedded_small (void)
{
  g_autoptr(GBytes) photo = make_image (2400, 1800, "png");
  g_autofree char *text = document_with_photos (&photo, 1, "image/png");
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-render-photos-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "personas.pdf", NULL);
  const char *argv[] = { "pdfimages", "-list", path, NULL };
  g_autofree char *listing = NULL;
  g_auto(GStrv) lines = NULL;
  guint images = 0;

  document = load_text (text, &error);
  g_assert_no_error (error);
  g_assert_true (export_pdf (document, path, &error));
  g_assert_no_error (error);

  listing = render_run_tool (argv);
  lines = g_strsplit (listing, "\n", -1);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit_set (g_strstrip (lines[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      for (guint f = 0; fields[f] != NULL; f++)
        if (fields[f][0] != '\0')
          g_ptr_array_add (words, fields[f]);
      if (words->len < 5)
        continue;
      /* page num type width height … */
      g_assert_cmpstr (words->pdata[2], ==, "image");
      g_assert_cmpint (atoi (words->pdata[3]), <=, 512);
      g_assert_cmpint (atoi (words->pdata[4]), <=, 512);
      g_assert_cmpint (atoi (words->pdata[3]), >=, 256);
      images++;
    }
  g_assert_cmpuint (images, >=, 1);

  g_unlink (path);
  g_rmdir (dir);
}

static void
check_damaged_fails (const char *format,
                     const char *type)
{
  g_autoptr(GBytes) whole = make_image (400, 300, format);
  g_autoptr(GBytes) cut = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) * 2 / 3);
  g_autofree char *text = document_with_photos (&cut, 1, type);
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-render-photos-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "personas.pdf", NULL);

  g_assert_true (tpt_photo_is_complete (g_bytes_get_data (whole, NULL),
                                        g_bytes_get_size (whole)));
  g_assert_false (tpt_photo_is_complete (g_bytes_get_data (cut, NULL), g_bytes_get_size (cut)));

  /* The reader looks at the header only, which is sound. */
  document = load_text (text, &error);
  g_assert_no_error (error);

  g_assert_false (export_pdf (document, path, &error));
  g_assert_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "Persona 1"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_rmdir (dir);
}

static void
test_damaged_png (void)
{
  check_damaged_fails ("png", "image/png");
}

static void
test_damaged_jpeg (void)
{
  check_damaged_fails ("jpeg", "image/jpeg");
}

/* Six photos of 36 megapixels each are too many together. */
static void
test_total_cap (void)
{
  GBytes *photos[6];
  g_autofree char *text = NULL;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (photos); i++)
    photos[i] = png_header (6000, 6000);

  text = document_with_photos (photos, 5, "image/png");
  document = load_text (text, &error);
  g_assert_no_error (error);
  g_clear_object (&document);
  g_clear_pointer (&text, g_free);

  text = document_with_photos (photos, 6, "image/png");
  document = load_text (text, &error);
  g_assert_null (document);
  g_assert_error (error, TPT_ERROR, TPT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "p6"));
  /* The line of the sixth photo. */
  g_assert_cmpint (tpt_error_get_line (error), ==, 6 + 5 * 4 + 3);

  for (guint i = 0; i < G_N_ELEMENTS (photos); i++)
    g_bytes_unref (photos[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/render/photos/embedded-small", test_embedded_small);
  g_test_add_func ("/tpt/render/photos/damaged-png", test_damaged_png);
  g_test_add_func ("/tpt/render/photos/damaged-jpeg", test_damaged_jpeg);
  g_test_add_func ("/tpt/render/photos/total-cap", test_total_cap);

  return g_test_run ();
}
