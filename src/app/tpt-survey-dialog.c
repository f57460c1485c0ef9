/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-survey-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-survey-dialog.h"

#include "tpt-start-folder.h"
#include "tpt-survey.h"

/* Import Survey: the user picks a CSV of survey responses, then here the
 * scale its answers are on and how they make a rating. The survey is read
 * (by core, tpt-survey.c) as soon as the dialog opens and again on every
 * change of option, so what the import will do, or the row that stops it,
 * shows before anything changes; Import then applies it as one undo step
 * and the window's toast says what happened. */

struct _TptSurveyDialog
{
  AdwWindow             parent_instance;

  /* template children */
  GtkWidget            *import_button;
  AdwActionRow         *file_row;
  AdwComboRow          *scale_row;
  AdwComboRow          *aggregate_row;
  GtkLabel             *summary_label;

  /* owned */
  TptDocument          *document;
  GFile                *file;
  TptSurvey            *survey;       /* NULL when the file cannot be read */
  GtkFileChooserNative *chooser;      /* Choose Another… */
};

G_DEFINE_FINAL_TYPE (TptSurveyDialog, tpt_survey_dialog, ADW_TYPE_WINDOW)

static TptSurveyScale
selected_scale (TptSurveyDialog *self)
{
  return adw_combo_row_get_selected (self->scale_row) == 1 ? TPT_SURVEY_SCALE_1_5
                                                           : TPT_SURVEY_SCALE_0_10;
}

static TptSurveyAggregate
selected_aggregate (TptSurveyDialog *self)
{
  return adw_combo_row_get_selected (self->aggregate_row) == 1 ? TPT_SURVEY_TOP_TWO_BOX
                                                               : TPT_SURVEY_MEAN;
}

static void
show_summary (TptSurveyDialog *self,
              const char      *text,
              gboolean         problem)
{
  gtk_label_set_text (self->summary_label, text);
  if (problem)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
  gtk_widget_set_sensitive (self->import_button, !problem);
}

/* Reads the survey with the options shown; nothing in the document changes. */
static void
update (TptSurveyDialog *self)
{
  gboolean top_two = selected_aggregate (self) == TPT_SURVEY_TOP_TWO_BOX;
  gboolean five = selected_scale (self) == TPT_SURVEY_SCALE_1_5;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *text = NULL;

  /* The template sets the rows' models before it has bound them all. */
  if (self->aggregate_row == NULL || self->scale_row == NULL)
    return;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->aggregate_row),
                               !top_two ? _("The average answer, on the matrix’s 0–10 scale")
                               : five ? _("The share answering 4 or 5, in tenths: 7 is 70 %")
                                      : _("The share answering 9 or 10, in tenths: 7 is 70 %"));

  if (self->file == NULL)
    return;

  g_clear_object (&self->survey);
  self->survey = tpt_survey_new_from_file (self->document, self->file, selected_scale (self),
                                           selected_aggregate (self), NULL, &error);
  if (self->survey == NULL)
    {
      /* Translators: %s says what is wrong with the file and where, e.g.
       * “Row 4: “high” in “importance:n1” is not a number on the 0–10 scale”. */
      text = g_strdup_printf (_("This file cannot be imported, and nothing will change.\n%s"),
                              error->message);
      show_summary (self, text, TRUE);
      return;
    }

  summary = tpt_survey_summarize (self->survey);
  if (tpt_survey_get_n_cells (self->survey) == 0)
    {
      text = g_strdup_printf ("%s\n%s", summary,
                              _("No row rates a need of a persona of this document, so there "
                                "is nothing to import."));
      show_summary (self, text, TRUE);
      return;
    }
  text = g_strdup_printf ("%s\n%s", summary,
                          _("These ratings replace the ones in the needs matrix; the import "
                            "is one step to undo."));
  show_summary (self, text, FALSE);
}

static void
set_file (TptSurveyDialog *self,
          GFile           *file)
{
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *where = folder != NULL ? g_file_get_parse_name (folder) : NULL;

  g_set_object (&self->file, file);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), name);
  adw_action_row_set_subtitle (self->file_row, where != NULL ? where : "");
  update (self);
}

/* The toast: what happened, in a few words; the dialog showed the details. */
static char *
dup_toast_text (TptSurvey *survey)
{
  guint used = tpt_survey_get_n_used (survey);
  guint cells = tpt_survey_get_n_cells (survey);
  guint rejected = tpt_survey_get_n_rejected (survey);
  g_autofree char *responses = g_strdup_printf (ngettext ("Imported %u survey response",
                                                          "Imported %u survey responses",
                                                          used), used);
  g_autofree char *rated = g_strdup_printf (ngettext ("%u cell of the needs matrix rated",
                                                      "%u cells of the needs matrix rated",
                                                      cells), cells);
  g_autofree char *skipped = NULL;

  if (rejected == 0)
    /* Translators: “Imported 12 survey responses: 18 cells of the needs matrix rated”. */
    return g_strdup_printf (_("%s: %s"), responses, rated);

  skipped = g_strdup_printf (ngettext ("%u row rejected", "%u rows rejected", rejected),
                             rejected);
  /* Translators: “Imported 12 survey responses: 18 cells of the needs
   * matrix rated, 2 rows rejected”. */
  return g_strdup_printf (_("%s: %s, %s"), responses, rated, skipped);
}

static void
import_clicked_cb (TptSurveyDialog *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *message = NULL;

  if (!tpt_survey_dialog_can_import (self))
    return;

  message = dup_toast_text (self->survey);
  tpt_survey_apply (self->survey);
  /* Told through the window's toasts, never by calling it. */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.toast", "(sb)", message, TRUE);
  gtk_window_close (GTK_WINDOW (self));
}

/* Choosing the file */

static GtkFileChooserNative *
new_chooser (GtkWindow *parent,
             GFile     *folder)
{
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Choose a Survey"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (csv, _("CSV Files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), csv);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  return chooser;
}

static void
another_chosen_cb (GtkNativeDialog *chooser,
                   int              response,
                   TptSurveyDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        set_file (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_clicked_cb (TptSurveyDialog *self)
{
  g_autoptr(GFile) folder = self->file != NULL ? g_file_get_parent (self->file) : NULL;

  g_clear_object (&self->chooser);
  self->chooser = new_chooser (GTK_WINDOW (self), folder);
  g_signal_connect (self->chooser, "response", G_CALLBACK (another_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

typedef struct
{
  GtkWindow   *parent;
  TptDocument *document;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->parent);
  g_clear_object (&choice->document);
  g_free (choice);
}

static void
first_chosen_cb (GtkNativeDialog *chooser,
                 int              response,
                 Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gtk_window_present (GTK_WINDOW (tpt_survey_dialog_new (choice->parent, choice->document,
                                                               file)));
    }
  choice_free (choice);
  g_object_unref (chooser);
}

/**
 * tpt_survey_dialog_choose:
 * @parent: the document's window
 * @document: the document
 * @document_file: (nullable): the document's file, whose folder the
 *   chooser starts in
 *
 * Lets the user choose a CSV file of survey responses, then shows the
 * dialog for it.
 */
void
tpt_survey_dialog_choose (GtkWindow   *parent,
                          TptDocument *document,
                          GFile       *document_file)
{
  g_autoptr(GFile) folder = tpt_start_folder_for (document_file);
  GtkFileChooserNative *chooser;
  Choice *choice;

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  chooser = new_chooser (parent, folder);
  choice = g_new0 (Choice, 1);
  choice->parent = g_object_ref (parent);
  choice->document = g_object_ref (document);
  g_signal_connect (chooser, "response", G_CALLBACK (first_chosen_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Building */

static void
tpt_survey_dialog_dispose (GObject *object)
{
  TptSurveyDialog *self = TPT_SURVEY_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), TPT_TYPE_SURVEY_DIALOG);

  G_OBJECT_CLASS (tpt_survey_dialog_parent_class)->dispose (object);
}

static void
tpt_survey_dialog_finalize (GObject *object)
{
  TptSurveyDialog *self = TPT_SURVEY_DIALOG (object);

  g_clear_object (&self->survey);
  g_clear_object (&self->file);
  g_clear_object (&self->document);

  G_OBJECT_CLASS (tpt_survey_dialog_parent_class)->finalize (object);
}

static void
tpt_survey_dialog_class_init (TptSurveyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tpt_survey_dialog_dispose;
  object_class->finalize = tpt_survey_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/"
                                               "tpt-survey-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TptSurveyDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, TptSurveyDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, TptSurveyDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, TptSurveyDialog, aggregate_row);
  gtk_widget_class_bind_template_child (widget_class, TptSurveyDialog, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, update);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_close);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tpt_survey_dialog_init (TptSurveyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tpt_survey_dialog_new:
 * @parent: the document's window, whose toasts say what the import did
 * @document: the document to import into
 * @survey_file: the CSV file of survey responses
 *
 * Returns: (transfer none): a new dialog, not yet shown; it has read the
 *   file already
 */
TptSurveyDialog *
tpt_survey_dialog_new (GtkWindow   *parent,
                       TptDocument *document,
                       GFile       *survey_file)
{
  TptSurveyDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (survey_file), NULL);

  self = g_object_new (TPT_TYPE_SURVEY_DIALOG, "transient-for", parent,
                       "destroy-with-parent", TRUE, NULL);
  self->document = g_object_ref (document);
  set_file (self, survey_file);
  return self;
}

/**
 * tpt_survey_dialog_can_import:
 * @self: a #TptSurveyDialog
 *
 * Returns: whether the file, read with the options chosen, gives ratings
 *   to import
 */
gboolean
tpt_survey_dialog_can_import (TptSurveyDialog *self)
{
  g_return_val_if_fail (TPT_IS_SURVEY_DIALOG (self), FALSE);

  return self->survey != NULL && tpt_survey_get_n_cells (self->survey) > 0;
}

/**
 * tpt_survey_dialog_get_summary:
 * @self: a #TptSurveyDialog
 *
 * Returns: what the dialog says the import will do, or why it cannot
 */
const char *
tpt_survey_dialog_get_summary (TptSurveyDialog *self)
{
  g_return_val_if_fail (TPT_IS_SURVEY_DIALOG (self), NULL);

  return gtk_label_get_text (self->summary_label);
}
