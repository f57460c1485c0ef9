/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-dialogs"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tpt-export-dialog.h"
#include "tpt-format.h"
#include "tpt-print.h"
#include "tpt-survey-dialog.h"
#include "tpt-text.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

/* The Export dialog, printing and Print Poster, on the example: previews
 * draw, options show where they apply, and what they write is a real PDF
 * or PNG with the expected pages; Import Survey shows what it will do
 * before it changes anything. */

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

/* What a command-line tool prints. */
static char *
run_tool (const char **argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH |
                               G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status,
                               &error));
  g_assert_no_error (error);
  return g_steal_pointer (&out);
}

/* The number of pages of a PDF, from pdfinfo. */
static int
pdf_pages (const char *path)
{
  g_autofree char *out = run_tool ((const char *[]) { "pdfinfo", path, NULL });
  const char *line = strstr (out, "Pages:");

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
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  TptExportOptions options;
  guint n_pages;

  gtk_window_present (GTK_WINDOW (dialog));

  /* The whole document as a PDF: the cover shows in the preview. */
  tpt_export_dialog_get_options (dialog, &options);
  g_assert_cmpint (options.format, ==, TPT_EXPORT_PDF);
  g_assert_null (options.artefact);
  tpt_export_dialog_draw_preview (dialog, cr, 400, 300);
  g_assert_cmpuint (distinct_pixels (surface), >, 10);
  summary = tpt_export_dialog_dup_summary (dialog);
  n_pages = tpt_export_dialog_get_n_pages (dialog);
  expected = g_strdup_printf ("%u pages", n_pages);
  /* With the journey numbers and the case for change. */
  g_assert_cmpuint (n_pages, >, 8);
  g_assert_nonnull (strstr (summary, expected));

  /* The preview pages through every page, to the last. */
  tpt_export_dialog_set_preview_page (dialog, n_pages - 1);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  tpt_export_dialog_draw_preview (dialog, cr, 400, 300);
  g_assert_cmpuint (distinct_pixels (surface), >, 10);

  /* What the preview showed is what is written. */
  g_assert_true (tpt_export_dialog_export_to (dialog, pdf_file, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (pdf), ==, (int) n_pages);

  /* Never over the document itself. */
  {
    g_autofree char *own = g_build_filename (scratch, "own.touchpoint", NULL);
    g_autoptr(GFile) own_file = g_file_new_for_path (own);
    TptExportDialog *other;

    g_assert_true (tpt_document_save_file (document, own_file, &error));
    other = tpt_export_dialog_new (NULL, document, NULL, own_file, TPT_EXPORT_DIALOG_EXPORT);
    g_assert_false (tpt_export_dialog_export_to (other, own_file, &error));
    g_assert_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION);
    g_clear_error (&error);
    gtk_window_destroy (GTK_WINDOW (other));
  }

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
  g_assert_cmpint (pdf_pages (pdf), ==, (int) tpt_export_dialog_get_n_pages (dialog));
  g_assert_cmpint (pdf_pages (pdf), >=, (int) slides->len);

  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The needs matrix exported as the window shows it: for the state and
 * persona chosen over it. */
static void
test_export_matrix_filter (void)
{
  g_autoptr(TptDocument) document = load_example ();
  TptExportDialog *dialog = tpt_export_dialog_new (NULL, document, NULL, NULL,
                                                   TPT_EXPORT_DIALOG_EXPORT);
  g_autofree char *pdf = g_build_filename (scratch, "matrix-future.pdf", NULL);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  TptCoverageFilter filter = {
    tpt_document_lookup_typed (document, "b2", TPT_TYPE_BLUEPRINT),
    tpt_document_lookup_typed (document, "p1", TPT_TYPE_PERSONA),
    NULL,
  };
  TptExportOptions options;

  gtk_window_present (GTK_WINDOW (dialog));
  tpt_export_dialog_set_filter (dialog, &filter);
  /* The whole document keeps its defaults. */
  tpt_export_dialog_get_options (dialog, &options);
  g_assert_null (options.blueprint);
  g_assert_true (tpt_export_dialog_set_content (dialog, "needs-matrix"));
  tpt_export_dialog_get_options (dialog, &options);
  g_assert_cmpstr (options.blueprint, ==, "b2");
  g_assert_cmpstr (options.persona, ==, "p1");
  g_assert_true (tpt_export_dialog_export_to (dialog, pdf_file, &error));
  g_assert_no_error (error);
  text = run_tool ((const char *[]) { "pdftotext", "-layout", pdf, "-", NULL });
  g_assert_nonnull (strstr (text, "Motor policy — future state, for Dana Ortiz"));
  g_assert_null (strstr (text, "Margaret Hale"));

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

  /* Print has the pages a PDF export on the same paper has. */
  {
    g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
    g_autoptr(TptExportPlan) plan = NULL;
    TptExportOptions options;

    tpt_export_options_init (&options);
    options.theme = TPT_THEME_PRINT;
    options.page_size = "A4";
    options.landscape = TRUE;
    plan = tpt_export_plan_new (document, PANGO_CONTEXT (context), &options, &error);
    g_assert_no_error (error);
    g_assert_cmpint (pdf_pages (pdf), ==, (int) tpt_export_plan_get_n_pages (plan));
    g_assert_cmpint (pdf_pages (pdf), >, 6);
  }

  /* On other paper, the plan is made for that paper. */
  {
    g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
    g_autoptr(GtkPaperSize) a3 = gtk_paper_size_new (GTK_PAPER_NAME_A3);
    TptExportPlan *plan;

    gtk_page_setup_set_paper_size (setup, a3);
    plan = tpt_print_operation_plan (operation, setup, &error);
    g_assert_no_error (error);
    g_assert_cmpfloat_with_epsilon (tpt_export_plan_get_page (plan, 0)->height,
                                    gtk_paper_size_get_height (a3, GTK_UNIT_POINTS), 0.5);
  }
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
  /* The sheets a poster export has, and its assembly page. */
  {
    g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
    g_autoptr(TptExportPlan) plan = NULL;
    TptExportOptions copy = options;

    copy.artefact = tpt_node_get_id (TPT_NODE (first_blueprint (document)));
    copy.theme = TPT_THEME_PRINT;
    plan = tpt_export_plan_new (document, PANGO_CONTEXT (context), &copy, &error);
    g_assert_no_error (error);
    g_assert_cmpint (pdf_pages (pdf), ==, (int) tpt_export_plan_get_n_pages (plan));
    g_assert_cmpuint (tpt_export_plan_get_poster (plan)->columns, ==, 3);
  }
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

static GFile *
scratch_file (const char *name,
              const char *contents)
{
  g_autofree char *path = g_build_filename (scratch, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return g_file_new_for_path (path);
}

/* The survey is read as the dialog opens: what it gives, or the row that
 * is wrong, shows before anything changes; Import is one undo step. */
static void
test_survey_dialog (void)
{
  g_autoptr(TptDocument) document = load_example ();
  TptHistory *history = tpt_document_get_history (document);
  g_autoptr(GFile) bad = scratch_file ("bad.csv", "persona,importance:n1\np1,5\np1,high\n");
  g_autoptr(GFile) good = scratch_file ("good.csv",
                                        "persona,importance:n1,satisfaction:n1\n"
                                        "Dana Ortiz,2,9\np1,4,9\nNobody,5,5\n");
  TptSurveyDialog *dialog = tpt_survey_dialog_new (NULL, document, bad);
  GtkWidget *import = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  TptPersona *dana = tpt_document_lookup_typed (document, "p1", TPT_TYPE_PERSONA);
  TptNeed *price = tpt_document_lookup_typed (document, "n1", TPT_TYPE_NEED);
  TptRating *rating;

  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_false (tpt_survey_dialog_can_import (dialog));
  g_assert_nonnull (strstr (tpt_survey_dialog_get_summary (dialog),
                            "Row 3: “high” in “importance:n1” is not a number"));
  g_assert_false (gtk_widget_get_sensitive (import));
  gtk_widget_activate (import);
  for (gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2; g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (tpt_history_get_can_undo (history));
  gtk_window_destroy (GTK_WINDOW (dialog));

  dialog = tpt_survey_dialog_new (NULL, document, good);
  import = gtk_window_get_default_widget (GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (tpt_survey_dialog_can_import (dialog));
  g_assert_nonnull (strstr (tpt_survey_dialog_get_summary (dialog),
                            "3 rows of answers: 2 used, 1 rejected."));
  g_assert_false (tpt_history_get_can_undo (history));
  g_assert_true (gtk_widget_get_sensitive (import));
  /* A button's activation clicks it a moment later, as a key press does. */
  g_assert_true (gtk_widget_activate (import));
  for (gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
       !tpt_history_get_can_undo (history) && g_get_monotonic_time () < end;)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (tpt_history_get_position (history), ==, 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Import Survey");
  rating = tpt_document_get_rating (document, dana, price);
  g_assert_cmpint (tpt_rating_get_importance (rating), ==, 3);
  g_assert_cmpint (tpt_rating_get_satisfaction (rating), ==, 9);

  /* Import closes the dialog, and it is freed. */
  for (guint i = 0; dialog != NULL && i < 1000; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (dialog);
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
  g_test_add_func ("/tpt/app/dialogs/export-matrix-filter", test_export_matrix_filter);
  g_test_add_func ("/tpt/app/dialogs/export-slides", test_export_slides);
  g_test_add_func ("/tpt/app/dialogs/print-document", test_print_document);
  g_test_add_func ("/tpt/app/dialogs/print-poster", test_print_poster);
  g_test_add_func ("/tpt/app/dialogs/survey", test_survey_dialog);

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
