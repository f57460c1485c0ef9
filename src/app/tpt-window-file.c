/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-window"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tpt-window-private.h"

#include "tpt-application.h"
#include "tpt-error.h"
#include "tpt-format.h"
#include "tpt-start-folder.h"

/* The window's file on disk: watching it for other programs' changes,
 * reading it again, saving to it (asking where first when needed) and the
 * recovery copy that stands in for it until then.
 *
 * A save never overwrites another program's newer file unasked: it fails
 * when the file's entity tag is not the one last read or written, and the
 * user chooses Overwrite, Save As or Reload. A window with no unsaved
 * changes just reads the newer file. The lock beside the file warns when
 * another Touchpoint has it open. The folder is held open, so when it is
 * renamed or moved the window follows it; when it is gone, Save offers
 * Save As. */

/* A save that takes longer than this says so in the title, in ms. */
#define SAVING_NOTICE_DELAY 300

static void save_with_etag (TptWindow *self,
                            GFile     *file,
                            gboolean   check_etag);

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

/* Holds the file's folder open: its descriptor names the folder wherever
 * it is moved to on the same disk. */
static void
remember_folder (TptWindow *self)
{
  g_autoptr(GFile) parent = NULL;

  if (self->folder_fd >= 0)
    close (self->folder_fd);
  self->folder_fd = -1;

  if (self->file == NULL || !g_file_is_native (self->file))
    return;
  parent = g_file_get_parent (self->file);
  if (parent != NULL && g_file_peek_path (parent) != NULL)
    self->folder_fd = open (g_file_peek_path (parent), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

/* Where the file's folder is now, if it was renamed or moved since it was
 * opened; NULL if it is where it was, or is gone. */
static GFile *
find_moved_file (TptWindow *self)
{
  g_autoptr(GFile) parent = NULL;
  g_autofree char *link = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *basename = NULL;
  GStatBuf there, held;

  if (self->folder_fd < 0 || self->file == NULL)
    return NULL;

  parent = g_file_get_parent (self->file);
  if (fstat (self->folder_fd, &held) != 0)
    return NULL;
  if (g_stat (g_file_peek_path (parent), &there) == 0 &&
      there.st_dev == held.st_dev && there.st_ino == held.st_ino)
    return NULL;

  /* The descriptor knows the folder's path now; a deleted one ends in
   * " (deleted)" and does not exist. */
  link = g_strdup_printf ("/proc/self/fd/%d", self->folder_fd);
  folder = g_file_read_link (link, NULL);
  if (folder == NULL || g_stat (folder, &there) != 0 ||
      there.st_dev != held.st_dev || there.st_ino != held.st_ino)
    return NULL;

  basename = g_file_get_basename (self->file);
  return g_file_new_build_filename (folder, basename, NULL);
}

/* Follows the document to where its folder went, if it moved. */
static gboolean
follow_moved_folder (TptWindow *self)
{
  g_autoptr(GFile) moved = find_moved_file (self);
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (moved == NULL)
    return FALSE;

  tpt_window_set_file (self, moved);
  tpt_autosave_set_file (self->autosave, moved);
  tpt_window_watch_file (self);
  tpt_window_update_title (self);

  name = g_file_get_parse_name (moved);
  message = g_strdup_printf (_("The document’s folder moved; it is now %s"), name);
  tpt_window_show_toast (self, message, FALSE);
  return TRUE;
}

static void
lock_bar_response_cb (GtkInfoBar *bar,
                      int         response)
{
  gtk_info_bar_set_revealed (bar, FALSE);
}

/* Says who else has the document open, from their lock. */
static void
show_lock_owner (TptWindow          *self,
                 const TptLockOwner *owner)
{
  g_autofree char *name = tpt_window_dup_display_name (self);
  g_autofree char *message = NULL;
  g_autofree char *when = NULL;

  if (self->lock_bar == NULL)
    {
      GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (self->changed_bar));

      self->lock_bar = GTK_INFO_BAR (gtk_info_bar_new ());
      gtk_info_bar_set_message_type (self->lock_bar, GTK_MESSAGE_WARNING);
      gtk_info_bar_set_show_close_button (self->lock_bar, TRUE);
      gtk_info_bar_set_revealed (self->lock_bar, FALSE);
      self->lock_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_label_set_wrap (self->lock_label, TRUE);
      gtk_label_set_xalign (self->lock_label, 0);
      gtk_widget_set_hexpand (GTK_WIDGET (self->lock_label), TRUE);
      gtk_info_bar_add_child (self->lock_bar, GTK_WIDGET (self->lock_label));
      g_signal_connect (self->lock_bar, "response", G_CALLBACK (lock_bar_response_cb), NULL);
      gtk_widget_insert_after (GTK_WIDGET (self->lock_bar), parent,
                               GTK_WIDGET (self->changed_bar));
    }

  if (owner->time != NULL)
    {
      g_autoptr(GDateTime) local = g_date_time_to_local (owner->time);

      when = g_date_time_format (local, "%H:%M");
    }

  if (owner->name[0] != '\0' && owner->host[0] != '\0' && when != NULL)
    /* Translators: a file name, a person's name, a computer's name, a time. */
    message = g_strdup_printf (_("“%s” is also open in Touchpoint by %s on %s, since %s. "
                                 "If you both save, one of you overwrites the other’s "
                                 "changes."), name, owner->name, owner->host, when);
  else
    message = g_strdup_printf (_("“%s” is also open in another Touchpoint. If you both "
                                 "save, one of you overwrites the other’s changes."), name);

  gtk_label_set_label (self->lock_label, message);
  gtk_info_bar_set_revealed (self->lock_bar, TRUE);
}

/* Takes the file's lock, or says who holds it. */
static void
take_lock (TptWindow *self)
{
  g_autoptr(GFile) locked = NULL;

  if (self->lock != NULL)
    {
      locked = g_object_ref (tpt_lock_file_get_file (self->lock));
      tpt_lock_file_release (self->lock);
      g_clear_object (&self->lock);
    }
  if (self->lock_bar != NULL)
    gtk_info_bar_set_revealed (self->lock_bar, FALSE);

  if (self->file == NULL || !g_file_is_native (self->file))
    return;

  self->lock = tpt_lock_file_new (self->file);
  if (!tpt_lock_file_acquire (self->lock))
    show_lock_owner (self, tpt_lock_file_get_other (self->lock));
}

static void show_changed_bar (TptWindow *self,
                              gboolean   deleted);

typedef struct
{
  TptWindow *self;
  GFile     *file;
  char      *etag;
} ReloadJob;

/* Another program's newer file, read for a window with nothing unsaved. */
static void
reloaded_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ReloadJob *job = user_data;
  g_autoptr(TptWindow) self = job->self;
  g_autoptr(GFile) file = job->file;
  g_autofree char *etag = job->etag;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  g_free (job);
  document = tpt_document_load_file_finish (result, &error);

  /* The window went, or moved on: another file, or edits of its own. */
  if (self->document == NULL || self->file == NULL || !g_file_equal (self->file, file))
    return;
  if (tpt_history_get_modified (tpt_document_get_history (self->document)) || document == NULL)
    {
      /* Theirs does not load (yet: it may be half written): say so. */
      show_changed_bar (self, FALSE);
      return;
    }

  tpt_window_replace_document (self, document, file);
  {
    g_autofree char *name = tpt_window_dup_display_name (self);
    g_autofree char *message = g_strdup_printf (_("Reloaded “%s”, changed by another program"),
                                                name);

    tpt_window_show_toast (self, message, FALSE);
  }
}

static void
file_changed_cb (TptWindow         *self,
                 GFile             *file,
                 GFile             *other_file,
                 GFileMonitorEvent  event,
                 GFileMonitor      *monitor)
{
  g_autoptr(GFileInfo) info = NULL;
  const char *etag;
  gboolean deleted;
  gboolean modified;

  switch ((int) event)
    {
    case G_FILE_MONITOR_EVENT_RENAMED:
    case G_FILE_MONITOR_EVENT_MOVED_OUT:
      /* Renamed or moved by the file manager: the document goes with it.
       * Another file renamed onto ours is a change, as a safe save by
       * another program makes it. */
      if (other_file != NULL && g_file_equal (file, self->file) &&
          !g_file_equal (other_file, self->file) && g_file_query_exists (other_file, NULL))
        {
          g_autofree char *parse_name = g_file_get_parse_name (other_file);
          g_autofree char *moved = NULL;

          tpt_window_set_file (self, other_file);
          tpt_autosave_set_file (self->autosave, other_file);
          tpt_window_watch_file (self);
          tpt_window_update_title (self);
          moved = g_strdup_printf (_("The document was moved; it is now %s"), parse_name);
          tpt_window_show_toast (self, moved, FALSE);
          return;
        }
      break;
    case G_FILE_MONITOR_EVENT_CHANGES_DONE_HINT:
    case G_FILE_MONITOR_EVENT_CREATED:
    case G_FILE_MONITOR_EVENT_DELETED:
    case G_FILE_MONITOR_EVENT_MOVED_IN:
      break;
    default:
      return;
    }

  /* Our own save is noticed once it is done, and then recorded. */
  if (self->saving)
    return;

  info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  deleted = info == NULL;
  etag = info != NULL ? g_file_info_get_etag (info) : NULL;

  if (!deleted && g_strcmp0 (etag, self->disk_etag) == 0)
    return;

  modified = tpt_history_get_modified (tpt_document_get_history (self->document));

  /* Nothing here to lose: show theirs, read without stopping the window. */
  if (!deleted && !modified)
    {
      ReloadJob *job = g_new0 (ReloadJob, 1);

      job->self = g_object_ref (self);
      job->file = g_object_ref (self->file);
      job->etag = g_strdup (etag);
      tpt_document_load_file_async (self->file, NULL, reloaded_cb, job);
      return;
    }

  show_changed_bar (self, deleted);
}

static void
show_changed_bar (TptWindow *self,
                  gboolean   deleted)
{
  g_autofree char *name = tpt_window_dup_display_name (self);
  g_autofree char *message = NULL;
  gboolean modified = tpt_history_get_modified (tpt_document_get_history (self->document));

  if (deleted)
    message = g_strdup_printf (_("“%s” was deleted or moved by another program. "
                                 "Save the document to keep it."), name);
  else if (modified)
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
 * taking its current state as the one we know, and takes its lock.
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
  remember_folder (self);
  take_lock (self);
  if (self->file == NULL)
    return;

  self->monitor = g_file_monitor_file (self->file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_swapped (self->monitor, "changed", G_CALLBACK (file_changed_cb), self);
}

/**
 * tpt_window_file_dispose:
 * @self: a #TptWindow
 *
 * Lets go of the file: its monitor, its folder and its lock.
 */
void
tpt_window_file_dispose (TptWindow *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  if (self->lock != NULL)
    tpt_lock_file_release (self->lock);
  g_clear_object (&self->lock);
  if (self->folder_fd >= 0)
    close (self->folder_fd);
  self->folder_fd = -1;
  g_clear_handle_id (&self->saving_id, g_source_remove);
  g_clear_pointer (&self->waiting_saves, g_ptr_array_unref);
  g_clear_pointer (&self->disk_etag, g_free);
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

  follow_moved_folder (self);
  file = g_object_ref (self->file);
  document = tpt_document_load_file (file, NULL, error);
  if (document == NULL)
    return FALSE;

  tpt_window_replace_document (self, document, file);
  return TRUE;
}

/* After the document was written to @file. */
static void
saved_to (TptWindow  *self,
          GFile      *file,
          const char *etag)
{
  tpt_autosave_set_file (self->autosave, file);
  tpt_autosave_saved (self->autosave);

  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      tpt_window_set_file (self, file);
      tpt_window_watch_file (self);
    }
  else
    {
      g_free (self->disk_etag);
      self->disk_etag = g_strdup (etag);
      gtk_info_bar_set_revealed (self->changed_bar, FALSE);
      /* Whoever held the lock may have closed the document since. */
      if (self->lock != NULL && !tpt_lock_file_is_held (self->lock))
        take_lock (self);
    }

  tpt_window_update_title (self);
}

/**
 * tpt_window_save_to:
 * @self: a #TptWindow
 * @file: where to save
 * @error: return location for a #GError
 *
 * Saves the document to @file at once, safely; from then on the window's
 * file is @file. The user's saves go through tpt_window_save(), which
 * does not stop the window.
 *
 * Returns: %TRUE if it was saved
 */
gboolean
tpt_window_save_to (TptWindow  *self,
                    GFile      *file,
                    GError    **error)
{
  g_autofree char *etag = NULL;

  g_return_val_if_fail (TPT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  self->saving = TRUE;
  if (!tpt_document_save_file (self->document, file, error))
    {
      self->saving = FALSE;
      return FALSE;
    }
  self->saving = FALSE;

  {
    g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                   G_FILE_QUERY_INFO_NONE, NULL, NULL);

    if (info != NULL)
      etag = g_strdup (g_file_info_get_etag (info));
  }
  saved_to (self, file, etag);
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

/**
 * tpt_window_flush_recovery:
 * @self: a #TptWindow
 *
 * Brings the recovery copy up to date now, as before quitting on a signal.
 */
void
tpt_window_flush_recovery (TptWindow *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TPT_IS_WINDOW (self));

  if (self->autosave != NULL && !tpt_autosave_flush (self->autosave, &error))
    g_message ("Could not write the recovery copy: %s", error->message);
}

/* Saving */

/* Someone waiting for the save under way: the window owns the list, so a
 * request does not hold the window. */
typedef struct
{
  TptWindowSavedFunc  done;
} SaveRequest;

/* Tells everyone waiting for the save under way how it went. */
static void
finish_waiting (TptWindow *self,
                gboolean   saved)
{
  g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting_saves);

  for (guint i = 0; waiting != NULL && i < waiting->len; i++)
    {
      SaveRequest *request = g_ptr_array_index (waiting, i);

      if (request->done != NULL)
        request->done (self, saved);
    }
}

static void
wait_for_save (TptWindow          *self,
               TptWindowSavedFunc  done)
{
  SaveRequest *request = g_new0 (SaveRequest, 1);

  request->done = done;
  if (self->waiting_saves == NULL)
    self->waiting_saves = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->waiting_saves, request);
}

static gboolean
saving_notice_cb (gpointer user_data)
{
  TptWindow *self = user_data;

  self->saving_id = 0;
  adw_window_title_set_subtitle (self->window_title, _("Saving…"));
  return G_SOURCE_REMOVE;
}

static void
changed_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TptWindow        *self)
{
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "overwrite"))
    {
      save_with_etag (self, self->file, FALSE);
      return;
    }
  if (g_str_equal (response, "save-as"))
    {
      g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting_saves);

      /* Whoever waited for this save waits for the one Save As makes. */
      tpt_window_save (self, TRUE, NULL);
      if (waiting != NULL)
        for (guint i = 0; i < waiting->len; i++)
          wait_for_save (self, ((SaveRequest *) g_ptr_array_index (waiting, i))->done);
      return;
    }
  if (g_str_equal (response, "reload"))
    {
      if (!tpt_window_reload (self, &error))
        tpt_window_show_toast (self, error->message, FALSE);
    }

  finish_waiting (self, FALSE);
}

/* Another program changed the file since we read or wrote it. */
static void
ask_about_newer_file (TptWindow *self)
{
  g_autofree char *name = tpt_window_dup_display_name (self);
  g_autofree char *heading = g_strdup_printf (_("“%s” Was Changed by Another Program"), name);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                       _("Saving now replaces their version "
                                                         "with yours. Reloading shows theirs "
                                                         "and discards your unsaved changes.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "reload", _("_Reload"),
                                    "save-as", _("Save _As…"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "reload", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "save-as");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (changed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
failed_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    TptWindow        *self)
{
  if (g_str_equal (response, "save-as"))
    {
      g_autoptr(GPtrArray) waiting = g_steal_pointer (&self->waiting_saves);

      tpt_window_save (self, TRUE, NULL);
      if (waiting != NULL)
        for (guint i = 0; i < waiting->len; i++)
          wait_for_save (self, ((SaveRequest *) g_ptr_array_index (waiting, i))->done);
      return;
    }

  finish_waiting (self, FALSE);
}

static void
show_save_error (TptWindow    *self,
                 const GError *error)
{
  gboolean offer_save_as = g_error_matches (error, TPT_ERROR, TPT_ERROR_NOT_WRITABLE) ||
                           g_error_matches (error, TPT_ERROR, TPT_ERROR_FOLDER_GONE);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (offer_save_as)
    body = g_strdup_printf (_("%s. Save a copy somewhere else with Save As."), error->message);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Save the Document"),
                                                       body != NULL ? body : error->message));
  adw_message_dialog_add_response (dialog, "close", offer_save_as ? _("_Cancel") : _("_Close"));
  if (offer_save_as)
    {
      adw_message_dialog_add_response (dialog, "save-as", _("Save _As…"));
      adw_message_dialog_set_response_appearance (dialog, "save-as", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "save-as");
    }
  adw_message_dialog_set_close_response (dialog, "close");
  g_signal_connect_object (dialog, "response", G_CALLBACK (failed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  TptWindow *self;
  GFile     *file;
} SaveJob;

static void
save_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  SaveJob *job = user_data;
  TptWindow *self = job->self;
  g_autoptr(GFile) file = job->file;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  gboolean saved;

  g_free (job);
  saved = tpt_document_save_finish (TPT_DOCUMENT (object), result, &etag, &error);

  /* The window may have been given another document meanwhile. */
  if (TPT_DOCUMENT (object) != self->document)
    {
      self->saving = FALSE;
      finish_waiting (self, FALSE);
      g_object_unref (self);
      return;
    }

  self->saving = FALSE;
  g_clear_handle_id (&self->saving_id, g_source_remove);
  tpt_window_update_title (self);

  if (!saved)
    {
      self->save_again = FALSE;
      if (g_error_matches (error, TPT_ERROR, TPT_ERROR_CHANGED_ON_DISK))
        ask_about_newer_file (self);
      else
        show_save_error (self, error);
      g_object_unref (self);
      return;
    }

  saved_to (self, file, etag);

  /* Saved again while this save was under way: that one writes what was
   * edited meanwhile, and those waiting hear when it is done. */
  if (self->save_again)
    {
      self->save_again = FALSE;
      if (tpt_history_get_modified (tpt_document_get_history (self->document)))
        {
          save_with_etag (self, self->file, TRUE);
          g_object_unref (self);
          return;
        }
    }

  {
    g_autofree char *name = tpt_window_dup_display_name (self);
    g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);
    GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

    tpt_window_show_toast (self, message, FALSE);
    if (TPT_IS_APPLICATION (application))
      tpt_application_add_recent (TPT_APPLICATION (application), file);
  }

  finish_waiting (self, TRUE);
  g_object_unref (self);
}

/* Writes the document to @file without stopping the window; with
 * @check_etag, not over a file another program changed since. */
static void
save_with_etag (TptWindow *self,
                GFile     *file,
                gboolean   check_etag)
{
  SaveJob *job;
  gboolean same = self->file != NULL && g_file_equal (self->file, file);

  /* A folder renamed under the document: save where it went. */
  if (same && follow_moved_folder (self))
    file = self->file;

  job = g_new0 (SaveJob, 1);
  job->self = g_object_ref (self);
  job->file = g_object_ref (file);
  self->saving = TRUE;
  g_clear_handle_id (&self->saving_id, g_source_remove);
  self->saving_id = g_timeout_add (SAVING_NOTICE_DELAY, saving_notice_cb, self);
  tpt_document_save_async (self->document, file,
                           check_etag && same && self->disk_etag != NULL ? self->disk_etag : NULL,
                           NULL, save_done_cb, job);
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
  TptWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GFile) file = with_extension (chosen);

      /* The chooser asked before replacing a file. */
      save_with_etag (self, file, FALSE);
    }
  else
    finish_waiting (self, FALSE);

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
 * The document is written without stopping the window (the title says
 * “Saving…” when that takes a while); another program's newer file is not
 * overwritten unasked, and a file that can't be written offers Save As.
 */
void
tpt_window_save (TptWindow          *self,
                 gboolean            save_as,
                 TptWindowSavedFunc  done)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *name = NULL;

  /* One save at a time; a second one follows the first. */
  if (self->saving && !save_as)
    {
      self->save_again = TRUE;
      wait_for_save (self, done);
      return;
    }

  wait_for_save (self, done);

  if (!save_as && self->file != NULL)
    {
      save_with_etag (self, self->file, TRUE);
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

  if (self->file != NULL && find_moved_file (self) == NULL)
    gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), self->file, NULL);
  else
    {
      g_autofree char *display = tpt_window_dup_display_name (self);

      g_autoptr(GFile) folder = tpt_start_folder_for (NULL);

      name = g_str_has_suffix (display, ".touchpoint") ? g_strdup (display) :
             g_strconcat (display, ".touchpoint", NULL);
      g_strdelimit (name, "/\\", '-');
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
    }

  g_signal_connect (self->chooser, "response", G_CALLBACK (save_chooser_response_cb),
                    g_object_ref (self));
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
