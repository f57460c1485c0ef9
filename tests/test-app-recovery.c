/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-recovery"

#include "config.h"

#include "app-fixtures.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <signal.h>

#include "tpt-application.h"
#include "tpt-autosave.h"
#include "tpt-format.h"
#include "tpt-recovery.h"
#include "tpt-window-private.h"

/* Autosave and crash recovery: a copy is written a few seconds after a
 * change and only while there are unsaved changes; a process killed with
 * SIGKILL leaves its copy, which the next start offers and restores. */

static char *state_dir;
static TptApplication *app;
static char *recovery_dir;

static void
wait_seconds (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
}

static TptDocument *
load_example (GFile **file_out)
{
  g_autofree char *path = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                            "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  if (file_out != NULL)
    *file_out = g_steal_pointer (&file);
  return document;
}

static void
set_title (TptDocument *document,
           const char  *title)
{
  tpt_document_begin (document, "Edit Title");
  tpt_document_set_title (document, title);
  tpt_document_end (document);
}

static void
empty_directory (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
}

static void
test_autosave_writes_after_delay (void)
{
  g_autoptr(GFile) directory = g_file_new_for_path (recovery_dir);
  g_autoptr(TptDocument) document = load_example (NULL);
  g_autoptr(TptAutosave) autosave = tpt_autosave_new (document, directory);
  g_autoptr(GFile) copy = tpt_autosave_get_copy (autosave);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) expected = NULL;

  tpt_autosave_set_delay (autosave, 1);

  /* Unmodified: nothing to write. */
  wait_seconds (1.3);
  g_assert_false (g_file_query_exists (copy, NULL));

  /* A change is written after the delay, not before. */
  set_title (document, "Autosaved");
  wait_seconds (0.3);
  g_assert_false (g_file_query_exists (copy, NULL));
  wait_seconds (1.2);
  g_assert_true (g_file_query_exists (copy, NULL));
  written = g_file_load_bytes (copy, NULL, NULL, NULL);
  expected = tpt_document_serialize (document);
  g_assert_true (g_bytes_equal (written, expected));

  /* Our own, open document is not offered. */
  entries = tpt_recovery_list (directory);
  g_assert_cmpuint (entries->len, ==, 0);

  /* Undo back to the saved state removes it. */
  g_assert_true (tpt_history_undo (tpt_document_get_history (document)));
  app_iterate ();
  g_assert_false (g_file_query_exists (copy, NULL));

  /* Saved, and discarded, remove it too. */
  set_title (document, "Again");
  g_assert_true (tpt_autosave_flush (autosave, NULL));
  g_assert_true (g_file_query_exists (copy, NULL));
  /* As a save does. */
  tpt_history_mark_saved (tpt_document_get_history (document));
  tpt_autosave_saved (autosave);
  g_assert_false (g_file_query_exists (copy, NULL));
  set_title (document, "And again");
  g_assert_true (tpt_autosave_flush (autosave, NULL));
  tpt_autosave_discard (autosave);
  g_assert_false (g_file_query_exists (copy, NULL));

  empty_directory (recovery_dir);
}

static void
test_list_skips_bad_entries (void)
{
  g_autoptr(GFile) directory = g_file_new_for_path (recovery_dir);
  g_autofree char *bad_info = g_build_filename (recovery_dir, "bad.recovery", NULL);
  g_autofree char *orphan_info = g_build_filename (recovery_dir, "orphan.recovery", NULL);
  g_autofree char *junk_info = g_build_filename (recovery_dir, "junk.recovery", NULL);
  g_autofree char *junk = g_build_filename (recovery_dir, "junk.touchpoint", NULL);
  g_autoptr(GPtrArray) entries = NULL;

  g_assert_cmpint (g_mkdir_with_parents (recovery_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (bad_info, "\x01\x02 not a key file [", -1, NULL));
  g_assert_true (g_file_set_contents (orphan_info, "[Recovery]\nTitle=Orphan\n", -1, NULL));
  g_assert_true (g_file_set_contents (junk_info, "[Recovery]\nTitle=Junk\nPid=1\nBoot=x\n", -1,
                                      NULL));
  g_assert_true (g_file_set_contents (junk, "<touchpoint version='1'><oops", -1, NULL));

  /* Unreadable or copy-less entries are not offered; a copy that doesn't
   * load is, and says why at restore time. */
  entries = tpt_recovery_list (directory);
  g_assert_cmpuint (entries->len, ==, 1);
  {
    TptRecoveryEntry *entry = entries->pdata[0];
    g_autoptr(GError) error = NULL;
    g_autoptr(TptDocument) document = tpt_recovery_entry_load (entry, &error);

    g_assert_cmpstr (entry->title, ==, "Junk");
    g_assert_null (document);
    g_assert_nonnull (error);
    tpt_recovery_entry_discard (entry);
  }
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = tpt_recovery_list (directory);
  g_assert_cmpuint (entries->len, ==, 0);

  empty_directory (recovery_dir);
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

/* The whole story: a process with unsaved changes is killed; the next start
 * offers the document, restores the edit, and the copy stays until the
 * restored document is saved. */
static void
test_crash_and_recover (void)
{
  g_autoptr(GFile) directory = g_file_new_for_path (recovery_dir);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  g_autofree char *child_path = g_test_build_filename (G_TEST_BUILT, "recovery-child", NULL);
  g_autofree char *saved_path = g_build_filename (state_dir, "recovered.touchpoint", NULL);
  g_autoptr(GFile) saved = g_file_new_for_path (saved_path);
  AdwMessageDialog *dialog;
  TptWindow *window;

  g_subprocess_launcher_setenv (launcher, "TPT_TEST_RECOVERY_DIR", recovery_dir, TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, child_path, "Edited before the crash",
                                       NULL);
  g_assert_no_error (error);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (child));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");

  /* While it runs, its document is open, not lost. */
  entries = tpt_recovery_list (directory);
  g_assert_cmpuint (entries->len, ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);

  kill (atoi (g_subprocess_get_identifier (child)), SIGKILL);
  g_subprocess_wait (child, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_subprocess_get_if_exited (child));

  entries = tpt_recovery_list (directory);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpstr (((TptRecoveryEntry *) entries->pdata[0])->title, ==,
                   "motor-insurance.touchpoint");
  g_assert_nonnull (((TptRecoveryEntry *) entries->pdata[0])->uri);
  g_clear_pointer (&entries, g_ptr_array_unref);

  /* The next start offers it; Recover opens it, modified. */
  tpt_application_offer_recovery (app);
  app_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "motor-insurance.touchpoint"));
  adw_message_dialog_response (dialog, "recover");
  app_iterate ();

  window = TPT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_nonnull (window);
  g_assert_cmpstr (tpt_document_get_title (tpt_window_get_document (window)), ==,
                   "Edited before the crash");

  /* With its undo history: the three edits, to undo and redo. */
  {
    TptDocument *document = tpt_window_get_document (window);
    TptHistory *history = tpt_document_get_history (document);
    g_autoptr(TptDocument) original = load_example (NULL);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 3);
    g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Edit Title");
    g_assert_true (tpt_history_undo (history));
    g_assert_true (tpt_history_undo (history));
    g_assert_true (tpt_history_undo (history));
    g_assert_false (tpt_history_get_can_undo (history));
    g_assert_cmpstr (tpt_document_get_title (document), ==, tpt_document_get_title (original));
    g_assert_cmpstr (tpt_document_get_author (document), ==, tpt_document_get_author (original));
    /* Still modified: no file holds the recovered work. */
    g_assert_true (tpt_history_get_modified (history));
    tpt_history_jump (history, 3);
    g_assert_cmpstr (tpt_document_get_title (document), ==, "Edited before the crash");
    g_assert_cmpstr (tpt_document_get_description (document), ==,
                     "Description before the crash");
  }
  g_assert_true (tpt_history_get_modified (tpt_document_get_history (tpt_window_get_document (window))));
  g_assert_true (g_str_has_prefix (adw_window_title_get_title (window->window_title), "•"));

  /* The copy stays (now this process's) until the document is saved. */
  {
    g_autoptr(GFile) copy = tpt_autosave_get_copy (window->autosave);

    g_assert_true (g_file_query_exists (copy, NULL));
    g_assert_true (tpt_window_save_to (window, saved, &error));
    g_assert_no_error (error);
    g_assert_false (g_file_query_exists (copy, NULL));
  }

  gtk_window_destroy (GTK_WINDOW (window));
  app_iterate ();
  empty_directory (recovery_dir);
  g_unlink (saved_path);
}

/* Discard removes the copy for good; Not Now keeps it for next time. */
static void
test_discard_and_later (void)
{
  g_autoptr(GFile) directory = g_file_new_for_path (recovery_dir);
  g_autoptr(GPtrArray) entries = NULL;

  for (guint round = 0; round < 2; round++)
    {
      g_autoptr(TptDocument) document = load_example (NULL);
      g_autoptr(TptAutosave) autosave = tpt_autosave_new (document, directory);
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autoptr(GFile) copy = tpt_autosave_get_copy (autosave);
      g_autofree char *copy_path = g_file_get_path (copy);
      g_autofree char *base = g_strndup (copy_path, strlen (copy_path) - strlen (".touchpoint"));
      g_autofree char *info_path = g_strconcat (base, ".recovery", NULL);
      AdwMessageDialog *dialog;

      set_title (document, "Left behind");
      g_assert_true (tpt_autosave_flush (autosave, NULL));
      /* Pretend its process died: another boot wrote it. */
      g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
      g_key_file_set_string (info, "Recovery", "Boot", "another-boot");
      g_assert_true (g_key_file_save_to_file (info, info_path, NULL));

      tpt_application_offer_recovery (app);
      app_iterate ();
      dialog = find_message_dialog ();
      g_assert_nonnull (dialog);
      adw_message_dialog_response (dialog, round == 0 ? "later" : "discard");
      app_iterate ();

      g_clear_pointer (&entries, g_ptr_array_unref);
      entries = tpt_recovery_list (directory);
      /* Round 0 kept its copy; round 1 discarded its own and is next
       * offered round 0's, which it discards too. */
      g_assert_cmpuint (entries->len, ==, 1);
      if (round == 1)
        {
          dialog = find_message_dialog ();
          g_assert_nonnull (dialog);
          adw_message_dialog_response (dialog, "discard");
          app_iterate ();
          g_clear_pointer (&entries, g_ptr_array_unref);
          entries = tpt_recovery_list (directory);
          g_assert_cmpuint (entries->len, ==, 0);
        }

      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL;
           l = gtk_application_get_windows (GTK_APPLICATION (app)))
        gtk_window_destroy (l->data);
      app_iterate ();
      /* Keep the copy: the autosave object no longer owns it. */
      g_object_run_dispose (G_OBJECT (autosave));
    }
}

/* How long writing a copy may take once it is due. The example writes in
 * milliseconds, but under AddressSanitizer, on a machine busy with other
 * tests, a write has taken over a second. */
#if defined(__SANITIZE_ADDRESS__)
#define WRITE_GRACE_MS 3000
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WRITE_GRACE_MS 3000
#endif
#endif
#ifndef WRITE_GRACE_MS
#define WRITE_GRACE_MS 300
#endif

/* The copy is written at most the delay after the first change it lacks,
 * however often the user edits: edits every 0.3 s, a delay of 1 s, and at
 * every moment the copy holds every edit older than the delay and the time
 * a write takes. */
static void
test_bounded_while_editing (void)
{
  g_autoptr(GFile) directory = g_file_new_for_path (recovery_dir);
  g_autoptr(TptDocument) document = load_example (NULL);
  g_autoptr(TptAutosave) autosave = tpt_autosave_new (document, directory);
  g_autoptr(GFile) copy = tpt_autosave_get_copy (autosave);
  gint64 edited[12];
  gint64 start = g_get_monotonic_time ();
  guint n_edits = 0;
  guint n_checks = 0;
  guint copies = 0;

  tpt_autosave_set_delay (autosave, 1);
  g_signal_connect_swapped (autosave, "written", G_CALLBACK (g_atomic_int_inc), &copies);

  while (g_get_monotonic_time () - start < (gint64) (4200 + WRITE_GRACE_MS) * 1000)
    {
      gint64 now = g_get_monotonic_time ();
      g_autoptr(TptDocument) written = NULL;

      if (n_edits < G_N_ELEMENTS (edited) && now - start >= (gint64) n_edits * 300 * 1000)
        {
          g_autofree char *title = g_strdup_printf ("Edit %u", n_edits);

          set_title (document, title);
          edited[n_edits++] = now;
        }

      g_main_context_iteration (NULL, FALSE);
      g_usleep (10 * 1000);

      /* Every edit made more than a second ago is in the copy. */
      written = g_file_query_exists (copy, NULL) ? tpt_document_load_file (copy, NULL, NULL)
                                                 : NULL;
      now = g_get_monotonic_time ();
      for (guint i = 0; i < n_edits; i++)
        if (now - edited[i] > (gint64) (1000 + WRITE_GRACE_MS) * 1000)
          {
            const char *title = written != NULL ? tpt_document_get_title (written) : "";
            guint held = g_str_has_prefix (title, "Edit ") ?
                         (guint) g_ascii_strtoull (title + 5, NULL, 10) : 0;

            g_assert_nonnull (written);
            g_assert_cmpuint (held, >=, i);
            n_checks++;
          }
    }

  g_assert_cmpuint (n_checks, >, 100);
  /* Not one copy at the end, but one about every second. */
  g_assert_cmpuint (copies, >=, 3);

  tpt_autosave_discard (autosave);
  empty_directory (recovery_dir);
}

/* After a crash, Recover puts the work into the window that already shows
 * the file, rather than a second window whose stale copy could be saved
 * over it. */
static void
test_recover_into_open_window (void)
{
  g_autoptr(GFile) directory = g_file_new_for_path (recovery_dir);
  g_autoptr(GFile) source = NULL;
  g_autoptr(TptDocument) document = load_example (&source);
  g_autofree char *path = g_build_filename (state_dir, "open.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TptAutosave) autosave = NULL;
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autofree char *info_path = NULL;
  AdwMessageDialog *dialog;
  TptWindow *window;

  g_assert_true (g_file_copy (source, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));

  /* What a crashed Touchpoint left of this file. */
  autosave = tpt_autosave_new (document, directory);
  tpt_autosave_set_file (autosave, file);
  set_title (document, "Recovered work");
  g_assert_true (tpt_autosave_flush (autosave, NULL));
  {
    g_autoptr(GFile) copy = tpt_autosave_get_copy (autosave);
    g_autofree char *copy_path = g_file_get_path (copy);
    g_autofree char *base = g_strndup (copy_path, strlen (copy_path) - strlen (".touchpoint"));

    info_path = g_strconcat (base, ".recovery", NULL);
  }
  g_assert_true (g_key_file_load_from_file (info, info_path, G_KEY_FILE_NONE, NULL));
  g_key_file_set_string (info, "Recovery", "Boot", "another-boot");
  g_assert_true (g_key_file_save_to_file (info, info_path, NULL));
  g_object_run_dispose (G_OBJECT (autosave));

  /* The next start opens the file, then offers the copy. */
  window = tpt_application_open_file (app, file);
  g_assert_nonnull (window);
  tpt_application_offer_recovery (app);
  app_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "recover");
  app_iterate ();

  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);
  g_assert_cmpstr (tpt_document_get_title (tpt_window_get_document (window)), ==,
                   "Recovered work");
  g_assert_true (g_file_equal (tpt_window_get_file (window), file));
  g_assert_true (tpt_history_get_modified (tpt_document_get_history (
                   tpt_window_get_document (window))));

  tpt_window_discard_recovery (window);
  gtk_window_destroy (GTK_WINDOW (window));
  app_iterate ();
  empty_directory (recovery_dir);
  g_unlink (path);
}

/* SIGTERM (logging out) writes the copy at once, before quitting. */
static void
test_sigterm_flushes (void)
{
  g_autoptr(GFile) source = app_example_file ();
  g_autofree char *path = g_build_filename (state_dir, "sigterm.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TptDocument) recovered = NULL;
  g_autoptr(GError) error = NULL;
  TptWindow *window;

  g_assert_true (g_file_copy (source, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
  window = tpt_application_open_file (app, file);
  set_title (tpt_window_get_document (window), "Unsaved at logout");

  raise (SIGTERM);
  app_iterate ();

  /* Written now, not five seconds later; offered once this process is
   * gone (here: as if another boot had written it). */
  {
    g_autoptr(GFile) copy = tpt_autosave_get_copy (window->autosave);

    recovered = tpt_document_load_file (copy, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (tpt_document_get_title (recovered), ==, "Unsaved at logout");
  }

  tpt_window_discard_recovery (window);
  gtk_window_destroy (GTK_WINDOW (window));
  app_iterate ();
  empty_directory (recovery_dir);
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Not isolated: GTK needs the system's icons and MIME database. The state
   * directory, where recovery copies go, is the test's own. */
  g_test_init (&argc, &argv, NULL);
  state_dir = g_dir_make_tmp ("test-app-recovery-XXXXXX", NULL);
  g_setenv ("XDG_STATE_HOME", state_dir, TRUE);
  recovery_dir = g_build_filename (state_dir, "touchpoint", "recovery", NULL);
  gtk_init ();
  adw_init ();
  app = tpt_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/tpt/app/recovery/autosave", test_autosave_writes_after_delay);
  g_test_add_func ("/tpt/app/recovery/bad-entries", test_list_skips_bad_entries);
  g_test_add_func ("/tpt/app/recovery/crash-and-recover", test_crash_and_recover);
  g_test_add_func ("/tpt/app/recovery/discard-and-later", test_discard_and_later);
  g_test_add_func ("/tpt/app/recovery/bounded-while-editing", test_bounded_while_editing);
  g_test_add_func ("/tpt/app/recovery/recover-into-open-window", test_recover_into_open_window);
  /* Last: it asks the application to quit. */
  g_test_add_func ("/tpt/app/recovery/sigterm-flushes", test_sigterm_flushes);

  status = g_test_run ();
  g_clear_object (&app);

  empty_directory (recovery_dir);
  g_rmdir (recovery_dir);
  {
    g_autofree char *touchpoint = g_build_filename (state_dir, "touchpoint", NULL);

    g_rmdir (touchpoint);
  }
  g_rmdir (state_dir);
  g_free (recovery_dir);
  g_free (state_dir);
  return status;
}
