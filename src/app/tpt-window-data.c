/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-window-private.h"

#include "tpt-csv.h"
#include "tpt-start-folder.h"
#include "tpt-survey-dialog.h"

/* Survey data in, tables out: Import Survey… and Export Data as CSV, the
 * window's way to what `--import-survey` and a .csv `--export` do. The
 * work is core's (tpt-survey.c, tpt-csv.c); this only asks for files. */

static void
import_survey_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TptWindow *self = TPT_WINDOW (widget);

  tpt_survey_dialog_choose (GTK_WINDOW (self), self->document, self->file);
}

typedef struct
{
  TptWindow   *window;
  TptCsvTable  table;
} Export;

static void
export_free (Export *export)
{
  g_clear_object (&export->window);
  g_free (export);
}

static void
show_export_error (TptWindow    *self,
                   const GError *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Export the Data"),
                                                       error->message));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Could Not Export the Data"));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  Export          *export)
{
  TptWindow *self = export->window;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      /* Written whole or not at all: on a full disk the old file stays. */
      if (file != NULL && !tpt_csv_export_file (self->document, export->table, file, &error))
        show_export_error (self, error);
      else if (file != NULL)
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

          tpt_window_show_toast (self, message, FALSE);
        }
    }
  export_free (export);
  g_object_unref (chooser);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TptWindow *self = TPT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = tpt_start_folder_for (self->file);
  g_autofree char *name = NULL;
  g_autofree char *suffix = NULL;
  const char *title;
  GtkFileChooserNative *chooser;
  Export *export;
  TptCsvTable table;

  if (!tpt_csv_table_from_name (g_variant_get_string (parameter, NULL), &table))
    return;

  switch (table)
    {
    case TPT_CSV_CARDS:
      title = _("Export Cards as CSV");
      /* Translators: ends the file name a CSV of the cards is saved as,
       * e.g. “claims cards.csv”. */
      suffix = g_strdup_printf (" %s.csv", _("cards"));
      break;
    case TPT_CSV_NEEDS:
      title = _("Export Needs as CSV");
      /* Translators: ends the file name a CSV of the needs is saved as. */
      suffix = g_strdup_printf (" %s.csv", _("needs"));
      break;
    case TPT_CSV_RATINGS:
    default:
      title = _("Export Ratings as CSV");
      /* Translators: ends the file name a CSV of the ratings is saved as. */
      suffix = g_strdup_printf (" %s.csv", _("ratings"));
      break;
    }
  name = tpt_start_folder_dup_output_name (self->file, tpt_document_get_title (self->document),
                                           suffix);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  export = g_new0 (Export, 1);
  export->window = g_object_ref (self);
  export->table = table;
  g_signal_connect (chooser, "response", G_CALLBACK (export_chosen_cb), export);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
tpt_window_data_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import-survey", NULL,
                                   import_survey_action);
  gtk_widget_class_install_action (widget_class, "win.export-csv", "s", export_csv_action);
}
