/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-photos"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "tpt-format.h"

/* Photos' memory: the peak resident memory of `touchpoint --export` of a
 * document with 20 personas, each with a photo of 10 megapixels (200
 * million together, the most a document may hold), and of one with 5
 * photos of 40 megapixels, the largest a photo may be. The target is
 * 300 MB at most. Prints figures; not a test.
 *
 *   _build/tests/bench-photos [--binary _build/src/touchpoint]
 *
 * The photos are smooth gradients, each its own colours, so they compress
 * well (the document stays under the file size cap) but decode to their
 * full size. */

static GBytes *
make_photo (int    width,
            int    height,
            guint  seed)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *pixels = gdk_pixbuf_get_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autofree char *buffer = NULL;
  gsize size = 0;
  g_autoptr(GError) error = NULL;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint8 *p = pixels + (gsize) y * stride + (gsize) x * 3;

        p[0] = (guint8) (x * 255 / width + seed * 37);
        p[1] = (guint8) (y * 255 / height + seed * 11);
        p[2] = (guint8) (seed * 53);
      }

  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", &error, "compression", "9",
                                  NULL))
    g_error ("%s", error->message);
  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

static char *
write_document (const char *dir,
                guint       n,
                int         width,
                int         height)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<touchpoint format=\"1\">\n  <meta>\n"
                               "    <title>Photos</title>\n  </meta>\n  <personas>\n");
  g_autofree char *name = g_strdup_printf ("photos-%u-%dx%d.touchpoint", n, width, height);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GBytes) photo = make_photo (width, height, i);
      g_autofree char *base64 = g_base64_encode (g_bytes_get_data (photo, NULL),
                                                 g_bytes_get_size (photo));

      g_string_append_printf (out, "    <persona id=\"p%u\" color=\"#3584e4\">\n"
                                   "      <name>Persona %u</name>\n"
                                   "      <photo type=\"image/png\">%s</photo>\n"
                                   "    </persona>\n", i + 1, i + 1, base64);
    }
  g_string_append (out, "  </personas>\n</touchpoint>\n");

  if (!g_file_set_contents (path, out->str, (gssize) out->len, &error))
    g_error ("%s", error->message);
  g_string_free (out, TRUE);
  return path;
}

/* Runs `touchpoint --export` and returns its peak resident memory. */
static void
measure (const char *binary,
         const char *input,
         const char *output,
         const char *what)
{
  const char *argv[] = { binary, "--export", output, input, NULL };
  g_autoptr(GError) error = NULL;
  struct rusage usage;
  gint64 start = g_get_monotonic_time ();
  GStatBuf st;
  int status;
  GPid pid;

  if (!g_spawn_async (NULL, (char **) argv, NULL,
                      G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid,
                      &error))
    g_error ("%s", error->message);
  if (wait4 (pid, &status, 0, &usage) < 0)
    g_error ("wait4 failed");

  g_stat (input, &st);
  printf ("%-34s file %5.1f MB   export %s in %6.1f s   peak RSS %6.1f MB\n", what,
          st.st_size / 1e6, WIFEXITED (status) && WEXITSTATUS (status) == 0 ? "ok" : "FAILED",
          (g_get_monotonic_time () - start) / 1e6, usage.ru_maxrss / 1024.0);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = g_dir_make_tmp ("bench-photos-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *twenty = NULL;
  g_autofree char *five = NULL;
  const char *binary = "_build/src/touchpoint";

  if (argc == 3 && g_str_equal (argv[1], "--binary"))
    binary = argv[2];

  /* 3650 × 2739 is just under 10 megapixels; 7300 × 5479, just under 40. */
  twenty = write_document (dir, 20, 3650, 2739);
  measure (binary, twenty, pdf, "20 photos of 10 megapixels");
  five = write_document (dir, 5, 7300, 5479);
  measure (binary, five, pdf, "5 photos of 40 megapixels");

  g_unlink (twenty);
  g_unlink (five);
  g_unlink (pdf);
  g_rmdir (dir);
  return 0;
}
