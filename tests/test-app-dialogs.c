/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-dialogs"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tpt-export-dialog.h"
#include "tpt-format.h"
#include "tpt-print.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

/* The Export dialog, printing and Print Poster, on the example: previews
 * draw, options show where they apply, and what they write is a real PDF
 * or PNG with the expected pages. */

static char *scratch;

static TptDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                            "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static TptBlueprint *
first_blueprint (TptDocument *document)
{
  g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (tpt_document_get_blueprints (document), 0);

  return blueprint;
}

/* The number of pages of a PDF, from pdfinfo. */
static int
pdf_pages (const char *path)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  const char *line;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

static guint
distinct_pixels (cairo_surface_t *surface)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data = cairo_image_surface_get_data (surface);

  cairo_surface_flush (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y += 2)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x += 2)
      g_hash_table_add (seen, GUINT_TO_POINTER (*(const guint32 *) (data + y * stride + x * 4)));
  return g_hash_table_size (seen);
}

static void
test_export_dialog (void)
{
  g_autoptr(TptDocument) document = load_example ();
  TptExportDialog *dialog = tpt_export_dialog_new (NULL, document, NULL, NULL,
                                                   TPT_EXPORT_DIALOG_EXPORT);
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  g_autofree char *pdf = g_build_filename (scratch, "whole.pdf", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  TptExportOptions options;

  gtk_window_present (GTK_WINDOW (dialog));

  /* The whole document as a PDF: the cover shows in the preview. */
  tpt_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, TPT_EXPORT_PDF);
  g_assert_null (options.artefact);
  tpt_export_dialog_draw_preview (dialog, cr, 400, 300);
  g_assert_cmpuint (distinct_pixels (surface), >, 10);
  summary = tpt_export_dialog_dup_summary (dialog);
  /* With the journey numbers and the case for change. */
  g_assert_nonnull (strstr (summary, "8 pages"));

  g_assert_true (tpt_export_dialog_export_to (dialog, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (pdf), ==, 8);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The slides, a 16:9 PDF page each; no other format takes them. */
static void
test_export_slides (void)
{
  g_autoptr(TptDocument) document = load_example ();
  TptExportDialog *dialog = tpt_export_dialog_new (NULL, document, NULL, NULL,
                                                   TPT_EXPORT_DIALOG_EXPORT);
  g_autoptr(GPtrArray) slides = tpt_slides_list_for_showing (document);
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 400, 300);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  g_autofree char *pdf = g_build_filename (scratch, "slides.pdf", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autofree char *summary = NULL;
  g_autofree char *expected = g_strdup_printf ("%u slides", slides->len);
  g_autoptr(GError) error = NULL;
  TptExportOptions options;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (tpt_export_dialog_set_content (dialog, "slides"));
  tpt_export_dialog_get_options (dialog, &options);
  g_assert_cmpstr (options.artefact, ==, "slides");
  g_assert_null (options.page_size);
  summary = tpt_export_dialog_dup_summary (dialog);
  g_assert_nonnull (strstr (summary, expected));
  tpt_export_dialog_draw_preview (dialog, cr, 400, 300);
  g_assert_cmpuint (distinct_pixels (surface), >, 10);

  tpt_export_dialog_set_format (dialog, TPT_EXPORT_SVG);
  g_clear_pointer (&summary, g_free);
  summary = tpt_export_dialog_dup_summary (dialog);
  g_assert_nonnull (strstr (summary, "PDF only"));

  tpt_export_dialog_set_format (dialog, TPT_EXPORT_PDF);
  g_assert_true (tpt_export_dialog_export_to (dialog, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (pdf), ==, (int) slides->len);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_export_blueprint (void)
{
  g_autoptr(TptDocument) document = load_example ();
  TptExportDialog *dialog = tpt_export_dialog_new (NULL, document, first_blueprint (document),
                                                   NULL, TPT_EXPORT_DIALOG_EXPORT);
  g_autofree char *png = g_build_filename (scratch, "blueprint.png", NULL);
  g_autoptr(GFile) png_file = g_file_new_for_path (png);
  g_autofree char *summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(cairo_surface_t) image = NULL;
  TptExportOptions options;

  gtk_window_present (GTK_WINDOW (dialog));

  /* A PNG of the blueprint, at the resolution chosen. */
  tpt_export_dialog_set_format (dialog, TPT_EXPORT_PNG);
  tpt_export_dialog_get_options (dialog, &options);
  g_assert_cmpstr (options.artefact, ==, tpt_node_get_id (TPT_NODE (first_blueprint (document))));
  summary = tpt_export_dialog_dup_summary (dialog);
  g_assert_true (g_str_has_prefix (summary, "An image of"));
  g_assert_true (tpt_export_dialog_export_to (dialog, png_file, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), >, 500);

  /* A poster: its caption counts the sheets. */
  tpt_export_dialog_set_format (dialog, TPT_EXPORT_PDF);
  tpt_export_dialog_set_poster (dialog, TRUE);
  g_clear_pointer (&summary, g_free);
  summary = tpt_export_dialog_dup_summary (dialog);
  g_assert_nonnull (strstr (summary, "sheets"));
  tpt_export_dialog_set_poster (dialog, FALSE);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_print_document (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GtkPrintOperation) operation = tpt_print_operation_new_for_document (document, NULL);
  g_autofree char *pdf = g_build_filename (scratch, "printed.pdf", NULL);
  g_autoptr(GError) error = NULL;

  /* Exporting through GTK's print machinery draws every page for real. */
  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                            &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (pdf), ==, 5);
}

static void
test_print_poster (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *pdf = g_build_filename (scratch, "poster.pdf", NULL);
  g_autoptr(GError) error = NULL;
  TptExportOptions options;

  tpt_export_options_init (&options);
  options.poster = "A4";
  options.landscape = TRUE;
  options.sheets_wide = 3;
  options.overlap_mm = 10;

  operation = tpt_print_operation_new_for_poster (document, first_blueprint (document), &options,
                                                  NULL, &error);
  g_assert_no_error (error);
  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL,
                                            &error), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  /* Three sheets wide, so a multiple of three, plus the assembly page. */
  g_assert_cmpint ((pdf_pages (pdf) - 1) % 3, ==, 0);
  g_assert_cmpint (pdf_pages (pdf), >=, 4);

  /* An impossible poster is refused with a reason. */
  g_clear_object (&operation);
  options.sheets_wide = 0;
  options.poster_scale = 100000;
  operation = tpt_print_operation_new_for_poster (document, first_blueprint (document), &options,
                                                  NULL, &error);
  g_assert_null (operation);
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Not isolated: GTK needs the system's icons and MIME database. */
  g_test_init (&argc, &argv, NULL);
  scratch = g_dir_make_tmp ("test-app-dialogs-XXXXXX", NULL);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/tpt/app/dialogs/export", test_export_dialog);
  g_test_add_func ("/tpt/app/dialogs/export-blueprint", test_export_blueprint);
  g_test_add_func ("/tpt/app/dialogs/export-slides", test_export_slides);
  g_test_add_func ("/tpt/app/dialogs/print-document", test_print_document);
  g_test_add_func ("/tpt/app/dialogs/print-poster", test_print_poster);

  status = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (scratch, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (scratch, name, NULL);

        g_remove (path);
      }
    g_rmdir (scratch);
  }
  g_free (scratch);
  return status;
}
