/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tpt-print.h"

#include "tpt-export-plan.h"
#include "tpt-page-size.h"
#include "tpt-start-folder.h"
#include "tpt-text.h"

/* Printing is exporting to paper: the same plan (tpt-export-plan.c) as a
 * PDF export, made for the paper chosen in the print dialog once it is
 * known (in ::begin-print), so Print and Export have the same pages in the
 * same order, split the same way; and Print Poster is the Export dialog's
 * wall poster on whatever paper the printer has. Pages are drawn on the
 * whole sheet with the plan's own margins. */

typedef struct
{
  TptDocument      *document;
  PangoContext     *context;
  TptExportOptions  options;
  char             *artefact;
  char             *poster;
  char             *sheets;
  TptExportPlan    *plan;
  GError           *error;
} PrintJob;

/* The print settings of this run, so the next print starts from them. */
static GtkPrintSettings *last_settings;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->document);
  g_clear_object (&job->context);
  g_clear_pointer (&job->plan, tpt_export_plan_free);
  g_clear_error (&job->error);
  g_free (job->artefact);
  g_free (job->poster);
  g_free (job->sheets);
  g_free (job);
}

static PrintJob *
job_of (GtkPrintOperation *operation)
{
  return g_object_get_data (G_OBJECT (operation), "tpt-print-job");
}

/**
 * tpt_print_operation_plan:
 * @operation: an operation from this file
 * @setup: the page setup to plan for
 * @error: the place for an error
 *
 * Plans the pages for the paper of @setup, as ::begin-print does once the
 * print dialog has chosen it.
 *
 * Returns: (transfer none) (nullable): the plan, owned by @operation
 */
TptExportPlan *
tpt_print_operation_plan (GtkPrintOperation  *operation,
                          GtkPageSetup       *setup,
                          GError            **error)
{
  PrintJob *job = job_of (operation);
  TptExportOptions options;

  g_return_val_if_fail (job != NULL, NULL);
  g_return_val_if_fail (GTK_IS_PAGE_SETUP (setup), NULL);

  options = job->options;
  /* In the page's orientation already. */
  options.paper_width = gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS);
  options.paper_height = gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS);
  options.landscape = FALSE;
  options.page_size = NULL;

  g_clear_pointer (&job->plan, tpt_export_plan_free);
  job->plan = tpt_export_plan_new (job->document, job->context, &options, error);
  return job->plan;
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *print_context,
                gpointer           user_data)
{
  PrintJob *job = job_of (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (print_context);

  g_clear_error (&job->error);
  if (tpt_print_operation_plan (operation, setup, &job->error) == NULL)
    {
      /* Nothing prints; ::done reports why. */
      gtk_print_operation_set_n_pages (operation, 1);
      gtk_print_operation_cancel (operation);
      return;
    }
  gtk_print_operation_set_n_pages (operation, (int) tpt_export_plan_get_n_pages (job->plan));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *print_context,
              int                page_nr,
              gpointer           user_data)
{
  PrintJob *job = job_of (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (print_context);
  double width = gtk_print_context_get_width (print_context);
  double height = gtk_print_context_get_height (print_context);
  const TptPlanPage *page;
  double scale;

  if (job->plan == NULL || page_nr < 0 ||
      (guint) page_nr >= tpt_export_plan_get_n_pages (job->plan))
    return;

  /* The plan is for this paper; a printer that reports a slightly
   * different sheet gets the page fitted, never enlarged. */
  page = tpt_export_plan_get_page (job->plan, (guint) page_nr);
  scale = MIN (1.0, MIN (width / page->width, height / page->height));
  cairo_save (cr);
  cairo_scale (cr, scale, scale);
  tpt_export_plan_render_page (job->plan, (guint) page_nr, cr, tpt_theme_get (job->options.theme));
  cairo_restore (cr);
}

static void
show_error (GtkWindow  *parent,
            const char *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Print"), message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 user_data)
{
  GtkWindow *parent = user_data;
  PrintJob *job = job_of (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  if (job != NULL && job->error != NULL)
    show_error (parent, job->error->message);
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_error (parent, error != NULL ? error->message : NULL);
    }
}

static GtkPrintOperation *
new_operation (TptDocument            *document,
               const TptExportOptions *options)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  const char *title = tpt_document_get_title (document);
  PrintJob *job = g_new0 (PrintJob, 1);

  job->document = g_object_ref (document);
  job->context = tpt_text_context_new ();
  job->options = *options;
  job->artefact = g_strdup (options->artefact);
  job->poster = g_strdup (options->poster);
  job->sheets = g_strdup (options->sheets);
  job->options.artefact = job->artefact;
  job->options.poster = job->poster;
  job->options.sheets = job->sheets;
  job->options.format = TPT_EXPORT_PDF;
  job->options.date = NULL;
  g_object_set_data_full (G_OBJECT (operation), "tpt-print-job", job,
                          (GDestroyNotify) print_job_free);

  gtk_print_operation_set_job_name (operation, title != NULL && *title != '\0'
                                               ? title : _("Untitled Document"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, 1);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), NULL);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), NULL);

  return operation;
}

static void
set_default_paper (GtkPrintOperation *operation,
                   const char        *name,
                   gboolean           landscape)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  double width, height;

  if (name != NULL && tpt_page_size_lookup (name, &width, &height))
    {
      g_autoptr(GtkPaperSize) paper = gtk_paper_size_new_custom (name, name, width, height,
                                                                 GTK_UNIT_POINTS);

      gtk_page_setup_set_paper_size (setup, paper);
    }
  gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                   : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
}

/* Print to File offers a PDF named after the document, beside it, rather
 * than output.pdf in the working directory. The settings may be the last
 * print's, shared with other operations, so they are copied. */
static void
set_output_file (GtkPrintOperation *operation,
                 GFile             *document_file,
                 const char        *name)
{
  GtkPrintSettings *current = gtk_print_operation_get_print_settings (operation);
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GFile) folder = tpt_start_folder_for (document_file);
  g_autoptr(GFile) output = g_file_get_child_for_display_name (folder, name, NULL);
  g_autofree char *uri = NULL;

  if (output == NULL)
    return;

  settings = current != NULL ? gtk_print_settings_copy (current) : gtk_print_settings_new ();
  uri = g_file_get_uri (output);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_URI, uri);
  gtk_print_settings_set (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT, "pdf");
  gtk_print_operation_set_print_settings (operation, settings);
}

/**
 * tpt_print_operation_new_for_document:
 * @document: the document to print
 * @document_file: (nullable): the document's file, for Print to File's
 *   folder and name
 *
 * Returns: (transfer full): an operation printing the whole document as
 *   a PDF export has it, on the paper the print dialog chooses (A4
 *   landscape to start with)
 */
GtkPrintOperation *
tpt_print_operation_new_for_document (TptDocument *document,
                                      GFile       *document_file)
{
  TptExportOptions options;
  GtkPrintOperation *operation;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (document_file == NULL || G_IS_FILE (document_file), NULL);

  tpt_export_options_init (&options);
  options.theme = TPT_THEME_PRINT;
  operation = new_operation (document, &options);
  if (last_settings == NULL)
    set_default_paper (operation, "A4", TRUE);

  name = tpt_start_folder_dup_output_name (document_file, tpt_document_get_title (document),
                                           ".pdf");
  set_output_file (operation, document_file, name);
  return operation;
}

/**
 * tpt_print_operation_new_for_poster:
 * @document: the document
 * @blueprint: (nullable): the blueprint to tile, or %NULL for the
 *   artefact @options names
 * @options: the poster, as the Print Poster dialog chose it: paper,
 *   landscape, scale or sheets wide or width, overlap, marks
 * @document_file: (nullable): the document's file, for Print to File's
 *   folder and name
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): an operation printing the assembly
 *   page and then each sheet, on the poster's paper unless the print
 *   dialog chooses another
 */
GtkPrintOperation *
tpt_print_operation_new_for_poster (TptDocument             *document,
                                    TptBlueprint            *blueprint,
                                    const TptExportOptions  *options,
                                    GFile                   *document_file,
                                    GError                 **error)
{
  g_autoptr(GObject) context = NULL;
  g_autoptr(TptExportPlan) check = NULL;
  TptExportOptions poster;
  GtkPrintOperation *operation;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (options != NULL && options->poster != NULL, NULL);

  poster = *options;
  poster.format = TPT_EXPORT_PDF;
  if (blueprint != NULL)
    poster.artefact = tpt_node_get_id (TPT_NODE (blueprint));

  /* Options that make no poster say so now, not after the dialog. */
  context = G_OBJECT (tpt_text_context_new ());
  check = tpt_export_plan_new (document, PANGO_CONTEXT (context), &poster, error);
  if (check == NULL)
    return NULL;

  operation = new_operation (document, &poster);
  set_default_paper (operation, options->poster, options->landscape);

  /* Named as Export names an artefact: “document — blueprint.pdf”. */
  if (tpt_export_plan_get_drawing (check) != NULL)
    what = tpt_artefact_drawing_dup_title (tpt_export_plan_get_drawing (check));
  base = tpt_start_folder_dup_output_name (document_file, tpt_document_get_title (document), "");
  name = what != NULL ? g_strdup_printf ("%s — %s.pdf", base, what)
                      : g_strdup_printf ("%s.pdf", base);
  g_strdelimit (name, "/\\", '-');
  set_output_file (operation, document_file, name);
  return operation;
}

static void
run (GtkPrintOperation *operation,
     GtkWindow         *parent)
{
  /* Results and errors arrive in ::done, however the dialog ran. */
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), parent);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
}

/**
 * tpt_print_document:
 * @parent: the document's window
 * @document: the document
 * @document_file: (nullable): the document's file
 *
 * Shows the print dialog for the whole document.
 */
void
tpt_print_document (GtkWindow   *parent,
                    TptDocument *document,
                    GFile       *document_file)
{
  g_autoptr(GtkPrintOperation) operation = tpt_print_operation_new_for_document (document,
                                                                                 document_file);

  run (operation, parent);
}

/**
 * tpt_print_poster:
 * @parent: the document's window
 * @document: the document
 * @blueprint: (nullable): the blueprint, or %NULL for the artefact
 *   @options names
 * @options: the poster chosen in the Print Poster dialog
 * @document_file: (nullable): the document's file
 *
 * Shows the print dialog for a wall poster.
 */
void
tpt_print_poster (GtkWindow              *parent,
                  TptDocument            *document,
                  TptBlueprint           *blueprint,
                  const TptExportOptions *options,
                  GFile                  *document_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;

  operation = tpt_print_operation_new_for_poster (document, blueprint, options, document_file,
                                                  &error);
  if (operation == NULL)
    {
      show_error (parent, error->message);
      return;
    }

  run (operation, parent);
}
