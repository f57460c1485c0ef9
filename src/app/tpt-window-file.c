/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-window-private.h"

#include "tpt-application.h"
#include "tpt-format.h"
#include "tpt-start-folder.h"

/* The window's file on disk: watching it for other programs' changes,
 * reading it again, saving to it (asking where first when needed) and the
 * recovery copy that stands in for it until then. */

static void
remember_disk_state (TptWindow *self)
{
  g_autoptr(GFileInfo) info = NULL;

  g_clear_pointer (&self->disk_etag, g_free);
  if (self->file == NULL)
    return;

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info != NULL)
    self->disk_etag = g_strdup (g_file_info_get_etag (info));
}

static void
file_changed_cb (TptWindow         *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  const char *etag;
  gboolean deleted;

  switch ((int) event)
    {
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
    case G_FILE_MONITOR_EVENT_RENAMED:
      break;
    default:
      return;
    }

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  deleted = info == NULL;
  etag = info != NULL ? g_file_info_get_etag (info) : NULL;

  /* Our own saves change the etag too, but we record it right after. */
  if (!deleted && g_strcmp0 (etag, self->disk_etag) == 0)
    return;

  name = tpt_window_dup_display_name (self);
  if (deleted)
    message = g_strdup_printf (_("“%s” was deleted or moved by another program. "
                                 "Save the document to keep it."), name);
  else if (tpt_history_get_modified (tpt_document_get_history (self->document)))
    message = g_strdup_printf (_("“%s” was changed by another program. Reloading it "
                                 "discards your unsaved changes."), name);
  else
    message = g_strdup_printf (_("“%s” was changed by another program."), name);

  gtk_label_set_label (self->changed_label, message);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", !deleted);
  gtk_info_bar_set_revealed (self->changed_bar, TRUE);
}

/**
 * tpt_window_watch_file:
 * @self: a #TptWindow
 *
 * Starts watching the document's file for changes made by other programs,
 * taking its current state as the one we know.
 */
void
tpt_window_watch_file (TptWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
  remember_disk_state (self);
  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (file_changed_cb), self);
}

/**
 * tpt_window_reload:
 * @self: a #TptWindow
 * @error: return location for a #GError
 *
 * Reads the document's file again, dropping the changes and the history of
 * the open document. On failure nothing changes.
 *
 * Returns: %TRUE if the file was read
 */
gboolean
tpt_window_reload (TptWindow  *self,
                   GError    **error)
{
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (TPT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (self->file != NULL, FALSE);

  file = g_object_ref (self->file);
  document = tpt_document_load_file (file, NULL, error);
  if (document == NULL)
    return FALSE;

  tpt_window_replace_document (self, document, file);
  return TRUE;
}

/**
 * tpt_window_save_to:
 * @self: a #TptWindow
 * @file: where to save
 * @error: return location for a #GError
 *
 * Saves the document to @file atomically; from then on the window's file
 * is @file.
 *
 * Returns: %TRUE if it was saved
 */
gboolean
tpt_window_save_to (TptWindow  *self,
                    GFile      *file,
                    GError    **error)
{
  g_return_val_if_fail (TPT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  /* Stop watching while we write, so our own change isn't reported. */
  if (self->monitor != NULL)
    g_signal_handlers_block_by_func (self->monitor, file_changed_cb, self);

  if (!tpt_document_save_file (self->document, file, error))
    {
      if (self->monitor != NULL)
        g_signal_handlers_unblock_by_func (self->monitor, file_changed_cb, self);
      return FALSE;
    }

  if (self->monitor != NULL)
    g_signal_handlers_unblock_by_func (self->monitor, file_changed_cb, self);

  tpt_autosave_set_file (self->autosave, file);
  tpt_autosave_saved (self->autosave);

  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      tpt_window_set_file (self, file);
      tpt_window_watch_file (self);
    }
  else
    {
      remember_disk_state (self);
      gtk_info_bar_set_revealed (self->changed_bar, FALSE);
    }

  tpt_window_update_title (self);
  return TRUE;
}

/**
 * tpt_window_adopt_recovery:
 * @self: a #TptWindow
 * @entry: the recovery entry the window's document was restored from
 *
 * Keeps the recovery copy until the restored document is saved or its
 * changes are discarded.
 */
void
tpt_window_adopt_recovery (TptWindow        *self,
                           TptRecoveryEntry *entry)
{
  g_return_if_fail (TPT_IS_WINDOW (self));
  g_return_if_fail (entry != NULL);

  tpt_autosave_adopt (self->autosave, entry);
  tpt_window_update_title (self);
}

/**
 * tpt_window_discard_recovery:
 * @self: a #TptWindow
 *
 * The user chose to lose the unsaved changes: the recovery copy goes.
 */
void
tpt_window_discard_recovery (TptWindow *self)
{
  g_return_if_fail (TPT_IS_WINDOW (self));

  tpt_autosave_discard (self->autosave);
}

/* Saving */

typedef struct
{
  TptWindow          *self;
  TptWindowSavedFunc  done;
} SaveRequest;

static void
finish_save (TptWindow          *self,
             GFile              *file,
             TptWindowSavedFunc  done)
{
  g_autoptr(GError) error = NULL;

  if (!tpt_window_save_to (self, file, &error))
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                           _("Could Not Save the Document"),
                                                           error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      if (done != NULL)
        done (self, FALSE);
      return;
    }
  else
    {
      g_autofree char *name = tpt_window_dup_display_name (self);
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);
      GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

      tpt_window_show_toast (self, message, FALSE);
      if (TPT_IS_APPLICATION (application))
        tpt_application_add_recent (TPT_APPLICATION (application), file);
    }

  if (done != NULL)
    done (self, TRUE);
}

/* A name typed without an extension gets ours, so the file manager knows
 * the file; any other extension is the user's choice and is kept. */
static GFile *
with_extension (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autoptr(GFile) parent = NULL;
  g_autofree char *named = NULL;

  if (basename == NULL || strchr (basename, '.') != NULL)
    return g_object_ref (file);

  parent = g_file_get_parent (file);
  if (parent == NULL)
    return g_object_ref (file);

  named = g_strconcat (basename, ".touchpoint", NULL);
  return g_file_get_child (parent, named);
}

static void
save_chooser_response_cb (GtkNativeDialog *chooser,
                          int              response,
                          gpointer         user_data)
{
  SaveRequest *request = user_data;
  TptWindow *self = request->self;
  TptWindowSavedFunc done = request->done;

  g_free (request);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) file = with_extension (chosen);

      finish_save (self, file, done);
    }
  else if (done != NULL)
    done (self, FALSE);

  if (self->chooser == GTK_FILE_CHOOSER_NATIVE (chooser))
    g_clear_object (&self->chooser);
  g_object_unref (self);
}

static GtkFileFilter *
touchpoint_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Touchpoint Documents"));
  gtk_file_filter_add_mime_type (filter, "application/x-touchpoint");
  gtk_file_filter_add_suffix (filter, "touchpoint");

  return filter;
}

/**
 * tpt_window_save:
 * @self: a #TptWindow
 * @save_as: whether to ask for a file even if the document has one
 * @done: (nullable): called when the save finished, failed or was cancelled
 *
 * Saves the document, asking where first when it has no file or @save_as.
 */
void
tpt_window_save (TptWindow          *self,
                 gboolean            save_as,
                 TptWindowSavedFunc  done)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;
  SaveRequest *request;

  if (!save_as && self->file != NULL)
    {
      finish_save (self, self->file, done);
      return;
    }

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  self->chooser = gtk_file_chooser_native_new (_("Save Document"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  filter = touchpoint_filter ();
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  if (self->file != NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), self->file, NULL);
  else
    {
      g_autofree char *display = tpt_window_dup_display_name (self);

      g_autoptr(GFile) folder = tpt_start_folder_for (NULL);

      name = g_strconcat (display, ".touchpoint", NULL);
      g_strdelimit (name, "/\\", '-');
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }

  request = g_new0 (SaveRequest, 1);
  request->self = g_object_ref (self);
  request->done = done;
  g_signal_connect (self->chooser, "response", G_CALLBACK (save_chooser_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  tpt_window_save (TPT_WINDOW (widget), g_str_equal (action_name, "win.save-as"), NULL);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TptWindow *self = TPT_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
  if (!tpt_window_reload (self, &error))
    tpt_window_show_toast (self, error->message, FALSE);
}

static void
keep_changes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TptWindow *self = TPT_WINDOW (widget);

  gtk_info_bar_set_revealed (self->changed_bar, FALSE);
}

void
tpt_window_file_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.keep-changes", NULL, keep_changes_action);
}
