/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-file"

#include "config.h"

#include "app-fixtures.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "tpt-application.h"
#include "tpt-format.h"
#include "tpt-lock-file.h"
#include "tpt-photo.h"
#include "tpt-photo-import.h"
#include "tpt-window-private.h"

/* The window and the file it shows: a save never overwrites another
 * program's newer file unasked, a moved folder is followed and a deleted
 * one offers Save As, file names full of markup show as they are, the open
 * error names the line, and a second Touchpoint with the file open is
 * told so by the lock beside it. Under Xvfb, with fatal warnings, so a
 * name that breaks a toast's markup fails the test. */

static TptApplication *app;
static char *scratch;

static GFile *
example_copy (const char *folder,
              const char *name)
{
  g_autoptr(GFile) source = app_example_file ();
  g_autofree char *dir = g_build_filename (scratch, folder, NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  GFile *copy = g_file_new_for_path (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_copy (source, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  return copy;
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static void
close_all_windows (void)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (TPT_IS_WINDOW (l->data))
        tpt_window_discard_recovery (l->data);
      gtk_window_destroy (l->data);
    }
  app_iterate ();
}

static void
set_title (TptDocument *document,
           const char  *title)
{
  tpt_document_begin (document, "Edit Title");
  tpt_document_set_title (document, title);
  tpt_document_end (document);
}

static gboolean
saved_and_clean (gpointer data)
{
  TptWindow *window = data;

  return !window->saving &&
         !tpt_history_get_modified (tpt_document_get_history (tpt_window_get_document (window)));
}

static gboolean
bar_revealed (gpointer data)
{
  return gtk_info_bar_get_revealed (((TptWindow *) data)->changed_bar);
}

static char *
title_on_disk (GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = tpt_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return g_strdup (tpt_document_get_title (document));
}

/* As another program would: a new version of the file with @title. */
static void
write_their_version (GFile      *file,
                     const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) theirs = tpt_document_load_file (file, NULL, &error);
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  set_title (theirs, title);
  bytes = tpt_document_serialize (theirs);
  /* A different modification time, however fast the test runs. */
  g_usleep (20 * 1000);
  g_assert_true (g_file_replace_contents (file, g_bytes_get_data (bytes, NULL),
                                          g_bytes_get_size (bytes), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* Save when the file changed on disk asks Overwrite / Save As / Reload;
 * cancelling writes nothing. */
static void
test_external_change_prompt (void)
{
  g_autoptr(GFile) file = example_copy ("prompt", "prompt.touchpoint");
  TptWindow *window = tpt_application_open_file (app, file);
  g_autofree char *on_disk = NULL;
  AdwMessageDialog *dialog;

  set_title (tpt_window_get_document (window), "Mine");
  write_their_version (file, "Theirs");
  g_assert_true (app_wait_for (bar_revealed, window, 10.0));

  /* Cancel: theirs stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (app_wait_for (dialog_shown, NULL, 10.0));
  dialog = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "Changed by Another"));
  g_assert_true (adw_message_dialog_has_response (dialog, "overwrite"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  g_assert_true (adw_message_dialog_has_response (dialog, "reload"));
  adw_message_dialog_response (dialog, "cancel");
  app_iterate ();
  on_disk = title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Theirs");
  g_assert_true (tpt_history_get_modified (tpt_document_get_history (
                   tpt_window_get_document (window))));

  /* Overwrite: ours, and the window is clean. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (app_wait_for (dialog_shown, NULL, 10.0));
  adw_message_dialog_response (find_message_dialog (), "overwrite");
  g_assert_true (app_wait_for (saved_and_clean, window, 10.0));
  g_clear_pointer (&on_disk, g_free);
  on_disk = title_on_disk (file);
  g_assert_cmpstr (on_disk, ==, "Mine");

  /* Reload: theirs, and our change is gone. */
  set_title (tpt_window_get_document (window), "Mine again");
  write_their_version (file, "Theirs again");
  g_assert_true (app_wait_for (bar_revealed, window, 10.0));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (app_wait_for (dialog_shown, NULL, 10.0));
  adw_message_dialog_response (find_message_dialog (), "reload");
  app_iterate ();
  g_assert_cmpstr (tpt_document_get_title (tpt_window_get_document (window)), ==,
                   "Theirs again");

  close_all_windows ();
}

static gboolean
shows_title (gpointer data)
{
  TptWindow *window = data;

  return g_strcmp0 (tpt_document_get_title (tpt_window_get_document (window)),
                    "Changed elsewhere") == 0;
}

/* A window with nothing unsaved shows the newer file by itself. */
static void
test_clean_window_reloads (void)
{
  g_autoptr(GFile) file = example_copy ("reload", "reload.touchpoint");
  TptWindow *window = tpt_application_open_file (app, file);

  write_their_version (file, "Changed elsewhere");
  g_assert_true (app_wait_for (shows_title, window, 10.0));
  g_assert_false (gtk_info_bar_get_revealed (window->changed_bar));

  close_all_windows ();
}

/* A name that is markup, in the title, the toasts and the bars. */
static void
test_markup_in_file_name (void)
{
  g_autoptr(GFile) file = example_copy ("markup", "Q&A <draft>.touchpoint");
  TptWindow *window = tpt_application_open_file (app, file);

  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==,
                   "Q&A <draft>.touchpoint");
  set_title (tpt_window_get_document (window), "Edited");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (app_wait_for (saved_and_clean, window, 10.0));
  tpt_window_show_toast (window, "<b>unclosed & stray", FALSE);

  set_title (tpt_window_get_document (window), "Unsaved");
  write_their_version (file, "Theirs");
  g_assert_true (app_wait_for (bar_revealed, window, 10.0));
  g_assert_nonnull (strstr (gtk_label_get_label (window->changed_label),
                            "Q&A <draft>.touchpoint"));
  app_iterate ();

  close_all_windows ();
}

/* The folder is renamed while the document is open: Save follows it. */
static void
test_moved_folder (void)
{
  g_autoptr(GFile) file = example_copy ("before-move", "moving.touchpoint");
  g_autofree char *old_dir = g_build_filename (scratch, "before-move", NULL);
  g_autofree char *new_dir = g_build_filename (scratch, "after-move", NULL);
  g_autofree char *new_path = g_build_filename (new_dir, "moving.touchpoint", NULL);
  g_autoptr(GFile) moved = g_file_new_for_path (new_path);
  g_autofree char *on_disk = NULL;
  TptWindow *window = tpt_application_open_file (app, file);

  g_assert_cmpint (g_rename (old_dir, new_dir), ==, 0);
  set_title (tpt_window_get_document (window), "Saved after the move");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (app_wait_for (saved_and_clean, window, 10.0));
  g_assert_null (find_message_dialog ());

  g_assert_true (g_file_equal (tpt_window_get_file (window), moved));
  on_disk = title_on_disk (moved);
  g_assert_cmpstr (on_disk, ==, "Saved after the move");
  g_assert_false (g_file_test (old_dir, G_FILE_TEST_EXISTS));

  close_all_windows ();
}

/* The folder is deleted: Save says so and offers Save As. */
static void
test_deleted_folder (void)
{
  g_autoptr(GFile) file = example_copy ("doomed", "doomed.touchpoint");
  g_autofree char *dir = g_build_filename (scratch, "doomed", NULL);
  TptWindow *window = tpt_application_open_file (app, file);
  AdwMessageDialog *dialog;

  g_assert_cmpint (g_unlink (g_file_peek_path (file)), ==, 0);
  {
    g_autofree char *lock = g_build_filename (dir, ".~lock.doomed.touchpoint#", NULL);

    g_unlink (lock);
  }
  g_assert_cmpint (g_rmdir (dir), ==, 0);

  set_title (tpt_window_get_document (window), "Nowhere to go");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (app_wait_for (dialog_shown, NULL, 10.0));
  dialog = find_message_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "Save As"));
  g_assert_true (adw_message_dialog_has_response (dialog, "save-as"));
  adw_message_dialog_response (dialog, "close");
  app_iterate ();
  g_assert_true (tpt_history_get_modified (tpt_document_get_history (
                   tpt_window_get_document (window))));

  close_all_windows ();
}

/* The open error names the line, as --check does. */
static void
test_open_error_names_line (void)
{
  g_autofree char *path = g_build_filename (scratch, "broken.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path,
                                      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                      "<touchpoint format=\"1\">\n"
                                      "  <meta><title>Broken</title></meta>\n"
                                      "  <bogus/>\n"
                                      "</touchpoint>\n", -1, NULL));
  g_assert_null (tpt_application_open_file (app, file));
  app_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "Line 4: "));
  adw_message_dialog_response (dialog, "close");

  close_all_windows ();
}

static gboolean
lock_taken (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static gboolean
lock_bar_revealed (gpointer data)
{
  TptWindow *window = data;

  return window->lock_bar != NULL && gtk_info_bar_get_revealed (window->lock_bar);
}

/* Two instances: another Touchpoint process has the file open; this one is
 * told who, and takes the lock once the other has quit. */
static void
test_lock_two_instances (void)
{
  g_autoptr(GFile) file = example_copy ("shared", "shared.touchpoint");
  g_autofree char *lock_path = g_build_filename (scratch, "shared",
                                                 ".~lock.shared.touchpoint#", NULL);
  g_autofree char *binary = g_test_build_filename (G_TEST_BUILT, "..", "src", "touchpoint",
                                                   NULL);
  g_autofree char *state = g_build_filename (scratch, "other-state", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GSubprocess) other = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) lock = g_file_new_for_path (lock_path);
  g_autoptr(TptLockOwner) owner = NULL;
  g_autofree char *message = NULL;
  TptWindow *window;

  /* Its own state, and warnings that are not fatal to it. */
  g_subprocess_launcher_setenv (launcher, "XDG_STATE_HOME", state, TRUE);
  g_subprocess_launcher_setenv (launcher, "G_DEBUG", "", TRUE);
  other = g_subprocess_launcher_spawn (launcher, &error, binary, g_file_peek_path (file), NULL);
  g_assert_no_error (error);
  g_assert_true (app_wait_for (lock_taken, lock_path, 30.0));

  owner = tpt_lock_file_read_owner (lock);
  g_assert_nonnull (owner);
  g_assert_cmpint (owner->pid, ==, g_ascii_strtoll (g_subprocess_get_identifier (other),
                                                     NULL, 10));

  window = tpt_application_open_file (app, file);
  g_assert_true (app_wait_for (lock_bar_revealed, window, 5.0));
  message = g_strdup (gtk_label_get_label (window->lock_label));
  g_assert_nonnull (strstr (message, "shared.touchpoint"));
  g_assert_nonnull (strstr (message, g_get_host_name ()));
  g_assert_false (tpt_lock_file_is_held (window->lock));

  /* The other quits (here on SIGTERM): its lock goes; this window takes it
   * at its next save. */
  g_subprocess_send_signal (other, SIGTERM);
  g_assert_true (g_subprocess_wait (other, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (other));
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));

  set_title (tpt_window_get_document (window), "Mine now");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (app_wait_for (saved_and_clean, window, 10.0));
  g_assert_true (tpt_lock_file_is_held (window->lock));
  g_clear_pointer (&owner, tpt_lock_owner_free);
  owner = tpt_lock_file_read_owner (lock);
  g_assert_cmpint (owner->pid, ==, getpid ());

  close_all_windows ();
  /* Closing the window lets go of it. */
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
}

static GFile *
write_image (const char *name,
             int         width,
             int         height,
             gsize       keep)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autofree char *path = g_build_filename (scratch, name, NULL);
  g_autofree char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0xe01b24ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", NULL, NULL));
  g_assert_true (g_file_set_contents (path, buffer, keep > 0 ? (gssize) MIN (keep, size)
                                                             : (gssize) size, NULL));
  return g_file_new_for_path (path);
}

/* A photo is decoded whole before it is taken: one cut short is refused,
 * with a message, and the persona keeps what it had. So is one that would
 * take the document's photos past their cap together. */
static void
test_photo_import (void)
{
  g_autoptr(GFile) source = app_example_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = tpt_document_load_file (source, NULL, &error);
  g_autoptr(TptPersona) persona = NULL;
  g_autoptr(GFile) whole = write_image ("whole.png", 1600, 1200, 0);
  g_autoptr(GFile) cut = write_image ("cut.png", 1600, 1200, 600);
  GBytes *photo;
  guint32 width = 0, height = 0;

  g_assert_no_error (error);
  persona = g_list_model_get_item (tpt_document_get_personas (document), 0);
  photo = tpt_persona_get_photo (persona);

  g_assert_false (tpt_photo_import_file (document, persona, cut, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_nonnull (strstr (error->message, "damaged or incomplete"));
  g_assert_true (tpt_persona_get_photo (persona) == photo);
  g_clear_error (&error);

  g_assert_true (tpt_photo_import_file (document, persona, whole, &error));
  g_assert_no_error (error);
  photo = tpt_persona_get_photo (persona);
  g_assert_cmpint (tpt_photo_inspect (g_bytes_get_data (photo, NULL), g_bytes_get_size (photo),
                                      NULL, NULL, &width, &height), ==, TPT_PHOTO_OK);
  g_assert_cmpuint (MAX (width, height), ==, TPT_PHOTO_IMPORT_MAX_SIDE);

  /* Other personas' photos already at the cap: one more is too many. */
  {
    GListModel *personas = tpt_document_get_personas (document);
    guint8 header[8 + 8 + 13 + 4];
    g_autoptr(GBytes) png = g_file_load_bytes (whole, NULL, NULL, NULL);
    g_autoptr(GBytes) big = NULL;

    memcpy (header, g_bytes_get_data (png, NULL), sizeof header);
    /* 10000 × 4000: 40 million pixels, from the header. */
    header[16] = 0; header[17] = 0; header[18] = 0x27; header[19] = 0x10;
    header[20] = 0; header[21] = 0; header[22] = 0x0f; header[23] = 0xa0;
    big = g_bytes_new (header, sizeof header);

    /* The other personas lose theirs; five new ones have 40 each. */
    tpt_document_begin (document, "Photos");
    for (guint i = 1; i < g_list_model_get_n_items (personas); i++)
      {
        g_autoptr(TptPersona) other = g_list_model_get_item (personas, i);

        tpt_persona_set_photo (other, NULL, NULL);
      }
    for (guint i = 0; i < 5; i++)
      {
        g_autoptr(TptPersona) other = tpt_persona_new (document);

        tpt_persona_set_photo (other, big, TPT_PHOTO_TYPE_PNG);
        tpt_document_insert_persona (document, 0, other);
      }
    tpt_document_end (document);

    g_assert_false (tpt_photo_import_file (document, persona, whole, &error));
    g_assert_nonnull (strstr (error->message, "million pixels"));
  }
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Not isolated: GTK needs the system's icons and MIME database. */
  g_test_init (&argc, &argv, NULL);
  scratch = g_dir_make_tmp ("test-app-file-XXXXXX", NULL);
  {
    g_autofree char *state = g_build_filename (scratch, "state", NULL);

    g_setenv ("XDG_STATE_HOME", state, TRUE);
  }
  gtk_init ();
  adw_init ();
  app = tpt_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/tpt/app/file/external-change-prompt", test_external_change_prompt);
  g_test_add_func ("/tpt/app/file/clean-window-reloads", test_clean_window_reloads);
  g_test_add_func ("/tpt/app/file/markup-in-file-name", test_markup_in_file_name);
  g_test_add_func ("/tpt/app/file/moved-folder", test_moved_folder);
  g_test_add_func ("/tpt/app/file/deleted-folder", test_deleted_folder);
  g_test_add_func ("/tpt/app/file/open-error-names-line", test_open_error_names_line);
  g_test_add_func ("/tpt/app/file/lock-two-instances", test_lock_two_instances);
  g_test_add_func ("/tpt/app/file/photo-import", test_photo_import);

  status = g_test_run ();
  g_clear_object (&app);
  remove_tree (scratch);
  g_free (scratch);
  return status;
}
