/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-print"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tpt-print.h"

#include "tpt-blueprint-layout.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-cover.h"
#include "tpt-matrix-renderer.h"
#include "tpt-page-size.h"
#include "tpt-persona-renderer.h"
#include "tpt-poster.h"
#include "tpt-start-folder.h"
#include "tpt-text.h"

/* Printing, with the same renderers as export: the whole document (cover,
 * each blueprint, the persona gallery, the needs matrix), each page scaled
 * to fit the paper in the print theme; or one blueprint as a wall poster. */

typedef enum
{
  PAGE_COVER,
  PAGE_BLUEPRINT,
  PAGE_PERSONAS,
  PAGE_MATRIX,
} PageKind;

typedef struct
{
  PageKind      kind;
  TptBlueprint *blueprint;
} Page;

typedef struct
{
  TptDocument        *document;
  PangoContext       *context;
  GArray             *pages;
  TptBlueprintLayout *poster_layout;
  TptPosterPlan       plan;
} PrintJob;

/* The print settings of this run, so the next print starts from them. */
static GtkPrintSettings *last_settings;

static void
print_job_free (PrintJob *job)
{
  g_clear_object (&job->document);
  g_clear_object (&job->context);
  if (job->pages != NULL)
    {
      for (guint i = 0; i < job->pages->len; i++)
        g_clear_object (&g_array_index (job->pages, Page, i).blueprint);
      g_array_unref (job->pages);
    }
  g_clear_pointer (&job->poster_layout, tpt_blueprint_layout_unref);
  g_free (job);
}

static void
draw_fitted (cairo_t *cr,
             double   width,
             double   height,
             double   content_width,
             double   content_height)
{
  double scale = MIN (width / MAX (content_width, 1), height / MAX (content_height, 1));

  cairo_translate (cr, (width - content_width * scale) / 2, (height - content_height * scale) / 2);
  cairo_scale (cr, scale, scale);
}

static void
draw_document_page_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *print_context,
                       int                page_nr,
                       PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (print_context);
  double width = gtk_print_context_get_width (print_context);
  double height = gtk_print_context_get_height (print_context);
  const TptTheme *theme = tpt_theme_get (TPT_THEME_PRINT);
  Page *page = &g_array_index (job->pages, Page, page_nr);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  cairo_save (cr);
  switch (page->kind)
    {
    case PAGE_COVER:
      tpt_cover_render (cr, job->context, job->document, theme, width, height, now, NULL, 0);
      break;

    case PAGE_BLUEPRINT:
      {
        g_autoptr(TptBlueprintLayout) layout = tpt_blueprint_layout_new (job->document,
                                                                          page->blueprint,
                                                                          job->context);

        draw_fitted (cr, width, height, layout->bounds.width, layout->bounds.height);
        tpt_blueprint_render (cr, layout, theme);
      }
      break;

    case PAGE_PERSONAS:
      {
        double w, h;

        tpt_persona_gallery_measure (job->context, job->document, &w, &h);
        draw_fitted (cr, width, height, w, h);
        tpt_persona_gallery_render (cr, job->context, job->document, theme);
      }
      break;

    case PAGE_MATRIX:
    default:
      {
        double w, h;

        tpt_matrix_measure (job->context, job->document, &w, &h);
        draw_fitted (cr, width, height, w, h);
        tpt_matrix_render (cr, job->context, job->document, theme);
      }
      break;
    }
  cairo_restore (cr);
}

static void
remember_settings_cb (GtkPrintOperation       *operation,
                      GtkPrintOperationResult  result,
                      gpointer                 user_data)
{
  GtkWindow *parent = user_data;

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    g_set_object (&last_settings, gtk_print_operation_get_print_settings (operation));
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      AdwMessageDialog *dialog;

      gtk_print_operation_get_error (operation, &error);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Print"),
                                                           error != NULL ? error->message : NULL));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static GtkPrintOperation *
new_operation (TptDocument *document,
               PrintJob    *job)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  const char *title = tpt_document_get_title (document);

  job->document = g_object_ref (document);
  job->context = tpt_text_context_new ();
  g_object_set_data_full (G_OBJECT (operation), "tpt-print-job", job,
                          (GDestroyNotify) print_job_free);

  gtk_print_operation_set_job_name (operation, title != NULL && *title != '\0' ? title
                                                                              : _("Untitled Document"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  if (last_settings != NULL)
    gtk_print_operation_set_print_settings (operation, last_settings);

  return operation;
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
 * Returns: (transfer full): an operation printing the cover, each
 *   blueprint, the persona gallery and the needs matrix, a page each
 */
GtkPrintOperation *
tpt_print_operation_new_for_document (TptDocument *document,
                                      GFile       *document_file)
{
  PrintJob *job;
  GListModel *blueprints;
  GtkPrintOperation *operation;
  Page page = { PAGE_COVER, NULL };
  g_autofree char *name = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (document_file == NULL || G_IS_FILE (document_file), NULL);

  job = g_new0 (PrintJob, 1);
  blueprints = tpt_document_get_blueprints (document);

  job->pages = g_array_new (FALSE, TRUE, sizeof (Page));
  g_array_append_val (job->pages, page);
  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    {
      Page bp = { PAGE_BLUEPRINT, g_list_model_get_item (blueprints, i) };

      g_array_append_val (job->pages, bp);
    }
  if (g_list_model_get_n_items (tpt_document_get_personas (document)) > 0)
    {
      Page personas = { PAGE_PERSONAS, NULL };

      g_array_append_val (job->pages, personas);
      if (g_list_model_get_n_items (tpt_document_get_needs (document)) > 0)
        {
          Page matrix = { PAGE_MATRIX, NULL };

          g_array_append_val (job->pages, matrix);
        }
    }

  operation = new_operation (document, job);
  gtk_print_operation_set_n_pages (operation, (int) job->pages->len);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_document_page_cb), job);

  /* Blueprints are wide: landscape unless the user says otherwise. */
  if (last_settings == NULL)
    {
      g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();

      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
      gtk_print_operation_set_default_page_setup (operation, setup);
    }

  name = tpt_start_folder_dup_output_name (document_file, tpt_document_get_title (document),
                                           ".pdf");
  set_output_file (operation, document_file, name);

  return operation;
}

static void
draw_poster_page_cb (GtkPrintOperation *operation,
                     GtkPrintContext   *print_context,
                     int                page_nr,
                     PrintJob          *job)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (print_context);
  const TptTheme *theme = tpt_theme_get (TPT_THEME_PRINT);

  cairo_save (cr);
  if (page_nr == 0)
    tpt_poster_render_overview (cr, job->context, job->poster_layout, theme, &job->plan);
  else
    tpt_poster_render_sheet (cr, job->context, job->poster_layout, theme, &job->plan,
                             (guint) (page_nr - 1) / job->plan.columns,
                             (guint) (page_nr - 1) % job->plan.columns);
  cairo_restore (cr);
}

/**
 * tpt_print_operation_new_for_poster:
 * @document: the document
 * @blueprint: the blueprint to tile
 * @options: the poster options: paper, landscape, scale or sheets wide,
 *   overlap
 * @document_file: (nullable): the document's file, for Print to File's
 *   folder and name
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): an operation printing the assembly
 *   page and then each sheet, on paper of the poster's size
 */
GtkPrintOperation *
tpt_print_operation_new_for_poster (TptDocument             *document,
                                    TptBlueprint            *blueprint,
                                    const TptExportOptions  *options,
                                    GFile                   *document_file,
                                    GError                 **error)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  GtkPrintOperation *operation;
  PrintJob *job;
  double width, height;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TPT_IS_BLUEPRINT (blueprint), NULL);
  g_return_val_if_fail (options != NULL && options->poster != NULL, NULL);

  if (!tpt_page_size_lookup (options->poster, &width, &height))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Unknown paper size “%s”"), options->poster);
      return NULL;
    }

  job = g_new0 (PrintJob, 1);
  operation = new_operation (document, job);
  job->poster_layout = tpt_blueprint_layout_new (document, blueprint, job->context);
  if (!tpt_poster_plan (&job->poster_layout->bounds,
                        options->landscape ? height : width, options->landscape ? width : height,
                        options->poster_scale, options->sheets_wide, options->overlap_mm,
                        &job->plan, error))
    {
      g_object_unref (operation);
      return NULL;
    }
  job->plan.no_marks = options->no_marks;

  /* The sheets are drawn for the whole paper, margins and marks included. */
  paper = gtk_paper_size_new_custom (options->poster, options->poster, width, height,
                                     GTK_UNIT_POINTS);
  gtk_page_setup_set_paper_size (setup, paper);
  gtk_page_setup_set_orientation (setup, options->landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                            : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_n_pages (operation, (int) (1 + job->plan.rows * job->plan.columns));
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_poster_page_cb), job);

  /* Named as Export names a blueprint: “document — blueprint.pdf”. */
  base = tpt_start_folder_dup_output_name (document_file, tpt_document_get_title (document), "");
  name = g_strdup_printf ("%s — %s.pdf", base, tpt_blueprint_get_title (blueprint));
  g_strdelimit (name, "/\\", '-');
  set_output_file (operation, document_file, name);

  return operation;
}

static void
run (GtkPrintOperation *operation,
     GtkWindow         *parent)
{
  /* Results and errors arrive in ::done, however the dialog ran. */
  g_signal_connect (operation, "done", G_CALLBACK (remember_settings_cb), parent);
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
 * @blueprint: the blueprint
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
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Could Not Print"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  run (operation, parent);
}
