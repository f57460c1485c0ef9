/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "tpt-application.h"

#include "tpt-test-probe.h"

#include "tpt-command-line.h"
#include "tpt-error.h"
#include "tpt-format.h"
#include "tpt-help.h"
#include "tpt-preferences-window.h"
#include "tpt-recovery.h"
#include "tpt-start-folder.h"
#include "tpt-window.h"

/* How many documents Open Recent lists. */
#define MAX_RECENT 10

struct _TptApplication
{
  AdwApplication  parent_instance;

  /* owned */
  GSettings      *settings;
  GMenu          *recent_menu;
  /* Files named on the command line of the first instance, opened at
   * activation. */
  GPtrArray      *pending_files;
  /* Recovery entries still to offer, one dialog at a time. */
  GPtrArray      *recovery;
  gboolean        recovery_offered;
  /* SIGTERM, SIGHUP and SIGINT. */
  guint           signal_sources[3];
};

G_DEFINE_FINAL_TYPE (TptApplication, tpt_application, ADW_TYPE_APPLICATION)

/* Runs before the application registers or opens a display, so --check and
 * --export work on a machine with no display at all. */
static int
tpt_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  TptApplication *self = TPT_APPLICATION (application);
  g_autofree const char **names = NULL;
  g_autoptr(GPtrArray) files = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  status = tpt_command_line_run (options);
  if (status >= 0)
    return status;

  /* The command line's options take the file names for themselves, so
   * GApplication never sees them: open them here, in the running instance
   * if there is one. */
  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &names) || names == NULL)
    return -1;

  files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_commandline_arg (names[i]));

  if (!g_application_register (application, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (g_application_get_is_remote (application))
    {
      g_application_open (application, (GFile **) files->pdata, (int) files->len, "");
      return 0;
    }

  self->pending_files = g_steal_pointer (&files);
  return -1;
}

static TptWindow *
find_window_for_file (TptApplication *self,
                      GFile          *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      GFile *shown;

      if (!TPT_IS_WINDOW (l->data))
        continue;
      shown = tpt_window_get_file (l->data);
      if (shown != NULL && g_file_equal (shown, file))
        return l->data;
    }

  return NULL;
}

static TptWindow *
active_document_window (TptApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  return TPT_IS_WINDOW (window) ? TPT_WINDOW (window) : NULL;
}

static void
show_error (TptApplication *self,
            const char     *heading,
            const char     *message)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  AdwMessageDialog *dialog;

  /* A file that fails to open at start-up still leaves a window to work
   * in, and the message belongs to it. */
  if (parent == NULL)
    {
      parent = GTK_WINDOW (tpt_window_new (GTK_APPLICATION (self), NULL, NULL));
      gtk_window_present (parent);
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * tpt_application_open_file:
 * @self: a #TptApplication
 * @file: a document to open
 *
 * Shows @file: presents the window that already has it, or reads it into
 * an untouched new window or a window of its own. A file that can't be read
 * gets a message and changes nothing.
 *
 * Returns: (transfer none) (nullable): the window showing @file
 */
static void
show_open_error (TptApplication *self,
                 GFile          *file,
                 const GError   *error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *heading = g_strdup_printf (_("Could Not Open “%s”"), name);
  g_autofree char *body = NULL;
  int line = tpt_error_get_line (error);

  /* As --check says it: where in the file the problem is. */
  if (line > 0)
    /* Translators: a line of the file, then what is wrong there. */
    body = g_strdup_printf (_("Line %d: %s"), line, error->message);
  show_error (self, heading, body != NULL ? body : error->message);
}

/* Puts a document just read from @file in a window. */
static TptWindow *
show_document (TptApplication *self,
               GFile          *file,
               TptDocument    *document)
{
  TptWindow *window;

  /* What a save of this file interrupted by a crash left beside it. */
  tpt_document_clean_stale_saves (file);

  window = active_document_window (self);
  if (window != NULL && tpt_window_is_pristine (window))
    tpt_window_replace_document (window, document, file);
  else
    window = tpt_window_new (GTK_APPLICATION (self), document, file);

  tpt_application_add_recent (self, file);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

TptWindow *
tpt_application_open_file (TptApplication *self,
                           GFile          *file)
{
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  TptWindow *window;

  g_return_val_if_fail (TPT_IS_APPLICATION (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  window = find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return window;
    }

  document = tpt_document_load_file (file, NULL, &error);
  if (document == NULL)
    {
      show_open_error (self, file, error);
      return NULL;
    }

  return show_document (self, file, document);
}

typedef struct
{
  TptApplication *self;
  GFile          *file;
} Opening;

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opening *opening = user_data;
  g_autoptr(TptApplication) self = opening->self;
  g_autoptr(GFile) file = opening->file;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  TptWindow *window;

  g_free (opening);
  g_application_release (G_APPLICATION (self));

  document = tpt_document_load_file_finish (result, &error);
  /* Opened twice while it was being read: the first one shows it. */
  window = find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }
  if (document == NULL)
    show_open_error (self, file, error);
  else
    show_document (self, file, document);
}

/**
 * tpt_application_open_file_async:
 * @self: a #TptApplication
 * @file: a document to open
 *
 * Shows @file as tpt_application_open_file() does, reading it in a worker
 * thread, so a big file or a slow shared drive leaves the windows working
 * meanwhile. For what the user opens from the Open dialog and Open Recent.
 */
void
tpt_application_open_file_async (TptApplication *self,
                                 GFile          *file)
{
  TptWindow *window;
  Opening *opening;

  g_return_if_fail (TPT_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  window = find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  opening = g_new0 (Opening, 1);
  opening->self = g_object_ref (self);
  opening->file = g_object_ref (file);
  /* Running on until it is shown, even with no window open. */
  g_application_hold (G_APPLICATION (self));
  tpt_document_load_file_async (file, NULL, opened_cb, opening);
}

static void tpt_application_open (GApplication  *application,
                                  GFile        **files,
                                  int            n_files,
                                  const char    *hint);

/* Crash recovery: what autosave kept of documents a crash left unsaved is
 * offered, one document at a time, when Touchpoint next starts. */

static void offer_next_recovery (TptApplication *self);

static void
recovery_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      TptApplication   *self)
{
  TptRecoveryEntry *entry = g_ptr_array_steal_index (self->recovery, 0);
  g_autoptr(TptRecoveryEntry) owned = entry;

  if (g_str_equal (response, "recover"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TptDocument) document = tpt_recovery_entry_load (entry, &error);

      if (document == NULL)
        {
          g_autofree char *heading = g_strdup_printf (_("Could Not Recover “%s”"), entry->title);

          show_error (self, heading, error->message);
        }
      else
        {
          g_autoptr(GFile) file = entry->uri != NULL ? g_file_new_for_uri (entry->uri) : NULL;
          TptWindow *window = file != NULL ? find_window_for_file (self, file) : NULL;

          /* The window that shows the file gets the work back, so there is
           * never a second, stale copy of it to save over the recovered
           * one; unless it has unsaved changes of its own. */
          if (window != NULL &&
              tpt_history_get_modified (tpt_document_get_history (tpt_window_get_document (window))))
            window = NULL;
          if (window == NULL)
            {
              window = active_document_window (self);
              if (window != NULL && !tpt_window_is_pristine (window))
                window = NULL;
            }

          if (window != NULL)
            tpt_window_replace_document (window, document, file);
          else
            window = tpt_window_new (GTK_APPLICATION (self), document, file);
          tpt_window_adopt_recovery (window, entry);
          gtk_window_present (GTK_WINDOW (window));
        }
    }
  else if (g_str_equal (response, "discard"))
    tpt_recovery_entry_discard (entry);
  /* “Not Now” keeps the copy for the next start. */

  offer_next_recovery (self);
}

static void
offer_next_recovery (TptApplication *self)
{
  TptRecoveryEntry *entry;
  g_autofree char *when = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GDateTime) local = NULL;
  GtkWindow *parent;
  AdwMessageDialog *dialog;

  if (self->recovery == NULL || self->recovery->len == 0)
    {
      g_clear_pointer (&self->recovery, g_ptr_array_unref);
      return;
    }

  entry = self->recovery->pdata[0];
  parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (parent == NULL)
    {
      parent = GTK_WINDOW (tpt_window_new (GTK_APPLICATION (self), NULL, NULL));
      gtk_window_present (parent);
    }

  local = g_date_time_to_local (entry->written);
  /* Translators: a date and time, see g_date_time_format(). */
  when = g_date_time_format (local, _("%e %B %Y at %H:%M"));
  body = g_strdup_printf (_("Touchpoint closed before the changes to “%s” were saved. "
                            "A copy made on %s holds them."), entry->title, g_strstrip (when));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Recover Unsaved Changes?"),
                                                       body));
  adw_message_dialog_add_responses (dialog,
                                    "later", _("_Not Now"),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "recover", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "recover");
  adw_message_dialog_set_close_response (dialog, "later");
  g_signal_connect_object (dialog, "response", G_CALLBACK (recovery_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * tpt_application_offer_recovery:
 * @self: a #TptApplication
 *
 * Offers to recover each document a crash left unsaved, one at a time.
 */
void
tpt_application_offer_recovery (TptApplication *self)
{
  g_return_if_fail (TPT_IS_APPLICATION (self));

  if (self->recovery != NULL)
    return;

  tpt_recovery_clean_stale (NULL);
  self->recovery = tpt_recovery_list (NULL);
  offer_next_recovery (self);
}

/* At the first window of a run, not at every activation. */
static void
offer_recovery_once (TptApplication *self)
{
  if (self->recovery_offered)
    return;

  self->recovery_offered = TRUE;
  tpt_application_offer_recovery (self);
}

static void
tpt_application_activate (GApplication *application)
{
  TptApplication *self = TPT_APPLICATION (application);
  GtkWindow *window;

  if (self->pending_files != NULL)
    {
      g_autoptr(GPtrArray) files = g_steal_pointer (&self->pending_files);

      tpt_application_open (application, (GFile **) files->pdata, (int) files->len, "");
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (tpt_window_new (GTK_APPLICATION (self), NULL, NULL));

  gtk_window_present (window);
  offer_recovery_once (self);
}

static void
tpt_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  TptApplication *self = TPT_APPLICATION (application);
  gboolean shown = FALSE;

  for (int i = 0; i < n_files; i++)
    shown |= tpt_application_open_file (self, files[i]) != NULL;

  /* Something must be on screen, or a failed open would leave nothing but
   * an error with no window behind it. */
  if (!shown && gtk_application_get_active_window (GTK_APPLICATION (self)) == NULL)
    tpt_application_activate (application);
  offer_recovery_once (self);
}

/* Recent documents: the application's own list, kept in GSettings. */

static void
rebuild_recent_menu (TptApplication *self)
{
  g_auto(GStrv) uris = g_settings_get_strv (self->settings, "recent-files");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; uris[i] != NULL && i < MAX_RECENT; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (uris[i]);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *basename = g_file_get_basename (file);
      g_autofree char *label = NULL;
      g_auto(GStrv) parts = NULL;

      if (g_file_is_native (file) && !g_file_query_exists (file, NULL))
        continue;

      /* Menus read an underscore as a mnemonic; file names mean it. */
      parts = g_strsplit (basename, "_", -1);
      label = g_strjoinv ("__", parts);
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target (item, "app.open-recent", "s", uris[i]);
      g_menu_append_item (self->recent_menu, item);
    }

  if (g_menu_model_get_n_items (G_MENU_MODEL (self->recent_menu)) == 0)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No Recent Documents"), "app.no-recent");

      g_menu_append_item (self->recent_menu, item);
    }
}

/**
 * tpt_application_add_recent:
 * @self: a #TptApplication
 * @file: a document just opened or saved
 *
 * Puts @file first in Open Recent.
 */
void
tpt_application_add_recent (TptApplication *self,
                            GFile          *file)
{
  g_auto(GStrv) uris = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) updated = NULL;
  g_autofree char *uri = NULL;
  guint n = 1;

  g_return_if_fail (TPT_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  uris = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, uri);
  for (guint i = 0; uris[i] != NULL && n < MAX_RECENT; i++)
    if (!g_str_equal (uris[i], uri))
      {
        g_strv_builder_add (builder, uris[i]);
        n++;
      }

  updated = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) updated);
}

/**
 * tpt_application_get_recent_menu:
 * @self: a #TptApplication
 *
 * Returns: (transfer none): the Open Recent menu, kept up to date
 */
GMenuModel *
tpt_application_get_recent_menu (TptApplication *self)
{
  g_return_val_if_fail (TPT_IS_APPLICATION (self), NULL);

  return G_MENU_MODEL (self->recent_menu);
}

/* Actions */

static void
new_action (GSimpleAction *action,
            GVariant      *parameter,
            gpointer       user_data)
{
  TptApplication *self = user_data;

  gtk_window_present (GTK_WINDOW (tpt_window_new (GTK_APPLICATION (self), NULL, NULL)));
}

static void
open_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  TptApplication  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          tpt_application_open_file_async (self, file);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TptApplication *self = user_data;
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autoptr(GFile) folder = NULL;
  GtkFileChooserNative *chooser;
  TptWindow *window;

  chooser = gtk_file_chooser_native_new (_("Open Document"),
                                         gtk_application_get_active_window (GTK_APPLICATION (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);

  gtk_file_filter_set_name (documents, _("Touchpoint Documents"));
  gtk_file_filter_add_mime_type (documents, "application/x-touchpoint");
  gtk_file_filter_add_suffix (documents, "touchpoint");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), documents);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), documents);

  /* Beside the document in front, which is likely where its neighbours are. */
  window = active_document_window (self);
  folder = tpt_start_folder_for (window != NULL ? tpt_window_get_file (window) : NULL);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);

  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_recent_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TptApplication *self = user_data;
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  tpt_application_open_file_async (self, file);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TptApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Each window asks about its own unsaved changes; the application ends
   * when the last one has closed. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  TptApplication *self = user_data;
  GtkWidget *window = tpt_preferences_window_new ();

  gtk_window_set_transient_for (GTK_WINDOW (window),
                                gtk_application_get_active_window (GTK_APPLICATION (self)));
  gtk_window_present (GTK_WINDOW (window));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TptApplication *self = user_data;

  tpt_help_show (gtk_application_get_active_window (GTK_APPLICATION (self)), NULL);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  TptApplication *self = user_data;
  static const char *developers[] = { "The Touchpoint developers", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Touchpoint"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Touchpoint developers"),
                         "developers", developers,
                         "comments", _("Map how a service is really delivered: service "
                                       "blueprints, personas and the needs they serve, in "
                                       "one document."),
                         "website", "https://github.com/touchpoint/touchpoint",
                         "issue-url", "https://github.com/touchpoint/touchpoint/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "copyright", "© 2026 The Touchpoint developers",
                         /* Translators: your names, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* Logging out, shutting down or Ctrl+C in a terminal: there is no time to
 * ask about unsaved changes, so each window's recovery copy is brought up
 * to date, and kept, before the application quits. */
static gboolean
quit_signal_cb (gpointer user_data)
{
  TptApplication *self = user_data;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (TPT_IS_WINDOW (l->data))
      tpt_window_flush_recovery (l->data);

  g_application_quit (G_APPLICATION (self));
  return G_SOURCE_CONTINUE;
}

static const GActionEntry app_entries[] = {
  { "new", new_action },
  { "open", open_action },
  { "open-recent", open_recent_action, "s" },
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "about", about_action },
};

static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.help", { "F1", NULL } },
  { "win.save", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  { "win.export", { "<Control>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.print-poster", { "<Control><Shift>p", NULL } },
  { "win.present", { "F5", NULL } },
  { "win.present-current", { "<Shift>F5", NULL } },
  { "win.rehearse", { "<Control><Shift>r", NULL } },
  { "win.show-outline", { "F9", NULL } },
  { "win.show-inspector", { "<Control>i", NULL } },
  { "win.add-slide", { "<Control><Shift>n", NULL } },
  { "view.zoom-in", { "<Control>plus", "<Control>equal", NULL } },
  { "view.zoom-out", { "<Control>minus", NULL } },
  { "view.zoom-reset", { "<Control>0", NULL } },
  { "view.zoom-fit", { "<Control>9", NULL } },
};

static void
tpt_application_startup (GApplication *application)
{
  TptApplication *self = TPT_APPLICATION (application);

  G_APPLICATION_CLASS (tpt_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_entries,
                                   G_N_ELEMENTS (app_entries), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action,
                                           accels[i].accels);

  self->signal_sources[0] = g_unix_signal_add (SIGTERM, quit_signal_cb, self);
  self->signal_sources[1] = g_unix_signal_add (SIGHUP, quit_signal_cb, self);
  self->signal_sources[2] = g_unix_signal_add (SIGINT, quit_signal_cb, self);

  self->settings = g_settings_new (APPLICATION_ID);
  self->recent_menu = g_menu_new ();
  g_signal_connect_object (self->settings, "changed::recent-files",
                           G_CALLBACK (rebuild_recent_menu), self, G_CONNECT_SWAPPED);
  rebuild_recent_menu (self);
  tpt_test_probe_install (GTK_APPLICATION (self));
}

/* Each window lets go of its file (the lock beside it); one with unsaved
 * changes keeps its recovery copy, as after a quit on a signal. */
static void
tpt_application_shutdown (GApplication *application)
{
  GtkApplication *self = GTK_APPLICATION (application);
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (self));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);

  G_APPLICATION_CLASS (tpt_application_parent_class)->shutdown (application);
}

static void
tpt_application_dispose (GObject *object)
{
  TptApplication *self = TPT_APPLICATION (object);

  for (guint i = 0; i < G_N_ELEMENTS (self->signal_sources); i++)
    g_clear_handle_id (&self->signal_sources[i], g_source_remove);
  g_clear_object (&self->settings);
  g_clear_object (&self->recent_menu);
  g_clear_pointer (&self->pending_files, g_ptr_array_unref);
  g_clear_pointer (&self->recovery, g_ptr_array_unref);

  G_OBJECT_CLASS (tpt_application_parent_class)->dispose (object);
}

static void
tpt_application_class_init (TptApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = tpt_application_dispose;

  app_class->handle_local_options = tpt_application_handle_local_options;
  app_class->startup = tpt_application_startup;
  app_class->shutdown = tpt_application_shutdown;
  app_class->activate = tpt_application_activate;
  app_class->open = tpt_application_open;
}

static void
tpt_application_init (TptApplication *self)
{
  tpt_command_line_add_options (G_APPLICATION (self));
}

TptApplication *
tpt_application_new (void)
{
  return g_object_new (TPT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/touchpoint/Touchpoint",
                       NULL);
}
