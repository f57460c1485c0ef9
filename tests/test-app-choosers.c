/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-choosers"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "app-fixtures.h"
#include "tpt-export-dialog.h"
#include "tpt-format.h"
#include "tpt-print.h"
#include "tpt-start-folder.h"
#include "tpt-window.h"

/* File choosers start beside the document, not in the working directory:
 * Open, Save As, Export and the print dialog's Print to File. Each chooser
 * is opened the way the user opens it and read where GTK shows it (without
 * portals, GtkFileChooserNative shows a GtkFileChooserDialog). */

static TptApplication *app;
static char *scratch;

/* The example, copied into a folder of its own that is no one's working
 * directory. */
static GFile *
workshop_file (void)
{
  g_autofree char *dir = g_build_filename (scratch, "Workshop", NULL);
  g_autofree char *path = g_build_filename (dir, "claims.touchpoint", NULL);
  g_autoptr(GFile) example = app_example_file ();
  GFile *file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_copy (example, file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return file;
}

static TptDocument *
load (GFile *file)
{
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static GtkFileChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
        return GTK_FILE_CHOOSER (window);
    }
  return NULL;
}

static gboolean
chooser_shown_cb (gpointer data)
{
  return find_chooser () != NULL;
}

/* The chooser reads a folder's details before it shows it, so its
 * current folder is set a moment after it appears. */
static gboolean
chooser_has_folder_cb (gpointer data)
{
  g_autoptr(GFile) current = gtk_file_chooser_get_current_folder (data);

  return current != NULL;
}

static gboolean
chooser_has_name_cb (gpointer data)
{
  g_autofree char *name = gtk_file_chooser_get_current_name (data);

  return name != NULL && *name != '\0';
}

static gboolean
chooser_gone_cb (gpointer data)
{
  return find_chooser () == NULL;
}

/* Waits for the chooser, checks where it starts and what it proposes, and
 * cancels it. */
static void
assert_chooser (GFile      *folder,
                const char *name)
{
  GtkFileChooser *chooser;
  g_autoptr(GFile) current = NULL;

  g_assert_true (app_wait_for (chooser_shown_cb, NULL, 10));
  chooser = find_chooser ();
  g_assert_true (app_wait_for (chooser_has_folder_cb, chooser, 10));
  current = gtk_file_chooser_get_current_folder (chooser);
  g_assert_nonnull (current);
  if (!g_file_equal (current, folder))
    g_error ("The chooser starts in %s, not in %s", g_file_peek_path (current),
             g_file_peek_path (folder));
  if (name != NULL)
    {
      g_autofree char *proposed = NULL;

      app_wait_for (chooser_has_name_cb, chooser, 5);
      proposed = gtk_file_chooser_get_current_name (chooser);

      g_assert_cmpstr (proposed, ==, name);
    }

  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  g_assert_true (app_wait_for (chooser_gone_cb, NULL, 10));
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_export (void)
{
  g_autoptr(GFile) file = workshop_file ();
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(TptDocument) document = load (file);
  TptExportDialog *dialog = tpt_export_dialog_new (NULL, document, NULL, file,
                                                   TPT_EXPORT_DIALOG_EXPORT);
  GtkWidget *button;

  gtk_window_present (GTK_WINDOW (dialog));
  app_iterate ();
  button = find_button (GTK_WIDGET (dialog), "_Export…");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  assert_chooser (folder, "claims.pdf");

  gtk_window_destroy (GTK_WINDOW (dialog));
  app_iterate ();
}

static char *
output_uri (GtkPrintOperation *operation)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (operation);

  g_assert_nonnull (settings);
  g_assert_cmpstr (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_FILE_FORMAT), ==,
                   "pdf");
  return g_strdup (gtk_print_settings_get (settings, GTK_PRINT_SETTINGS_OUTPUT_URI));
}

static void
test_print_to_file (void)
{
  g_autoptr(GFile) file = workshop_file ();
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(TptDocument) document = load (file);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPrintOperation) poster = NULL;
  g_autoptr(GtkPrintOperation) untitled = NULL;
  g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (tpt_document_get_blueprints (document),
                                                             0);
  g_autoptr(GFile) expected = g_file_get_child (folder, "claims.pdf");
  g_autoptr(GFile) documents = tpt_start_folder_for (NULL);
  g_autofree char *expected_uri = g_file_get_uri (expected);
  g_autofree char *uri = NULL;
  g_autofree char *poster_uri = NULL;
  g_autofree char *poster_name = NULL;
  g_autofree char *untitled_uri = NULL;
  g_autoptr(GError) error = NULL;
  TptExportOptions options;

  operation = tpt_print_operation_new_for_document (document, file);
  uri = output_uri (operation);
  g_assert_cmpstr (uri, ==, expected_uri);

  tpt_export_options_init (&options);
  options.poster = "A4";
  options.sheets_wide = 2;
  poster = tpt_print_operation_new_for_poster (document, blueprint, &options, file, &error);
  g_assert_no_error (error);
  poster_uri = output_uri (poster);
  poster_name = g_strdup_printf ("claims — %s.pdf", tpt_blueprint_get_title (blueprint));
  {
    g_autoptr(GFile) output = g_file_new_for_uri (poster_uri);
    g_autoptr(GFile) parent = g_file_get_parent (output);
    g_autofree char *basename = g_file_get_basename (output);

    g_assert_true (g_file_equal (parent, folder));
    g_assert_cmpstr (basename, ==, poster_name);
  }

  /* A document never saved is printed to its title, in Documents. */
  {
    g_autoptr(TptDocument) fresh = tpt_document_new ();
    g_autoptr(GFile) output = NULL;
    g_autoptr(GFile) parent = NULL;
    g_autofree char *basename = NULL;

    tpt_history_begin (tpt_document_get_history (fresh), "Title");
    tpt_document_set_title (fresh, "Hotel stay / check-in");
    tpt_history_end (tpt_document_get_history (fresh));
    untitled = tpt_print_operation_new_for_document (fresh, NULL);
    untitled_uri = output_uri (untitled);
    output = g_file_new_for_uri (untitled_uri);
    parent = g_file_get_parent (output);
    basename = g_file_get_basename (output);
    g_assert_true (g_file_equal (parent, documents));
    g_assert_cmpstr (basename, ==, "Hotel stay - check-in.pdf");
  }
}

static void
test_save_as (void)
{
  g_autoptr(GFile) file = workshop_file ();
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(TptDocument) document = load (file);
  g_autofree char *documents_path = g_build_filename (scratch, "My Documents", NULL);
  g_autoptr(GFile) documents = g_file_new_for_path (documents_path);
  TptWindow *saved = tpt_window_new (GTK_APPLICATION (app), document, file);
  TptWindow *untitled = NULL;

  gtk_window_present (GTK_WINDOW (saved));
  gtk_widget_activate_action (GTK_WIDGET (saved), "win.save-as", NULL);
  assert_chooser (folder, "claims.touchpoint");

  /* Never saved: the Documents folder (user-dirs.dirs, written by main). */
  untitled = tpt_window_new (GTK_APPLICATION (app), NULL, NULL);
  gtk_window_present (GTK_WINDOW (untitled));
  gtk_widget_activate_action (GTK_WIDGET (untitled), "win.save-as", NULL);
  assert_chooser (documents, NULL);

  gtk_window_destroy (GTK_WINDOW (untitled));
  gtk_window_destroy (GTK_WINDOW (saved));
  app_iterate ();
}

static void
test_open (void)
{
  g_autoptr(GFile) file = workshop_file ();
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autoptr(TptDocument) document = load (file);
  TptWindow *window = tpt_window_new (GTK_APPLICATION (app), document, file);

  gtk_window_present (GTK_WINDOW (window));
  app_iterate ();
  g_assert_true (gtk_application_get_active_window (GTK_APPLICATION (app)) ==
                 GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "open", NULL);
  assert_chooser (folder, NULL);

  gtk_window_destroy (GTK_WINDOW (window));
  app_iterate ();
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_remove (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *config = NULL;
  g_autofree char *documents = NULL;
  g_autofree char *user_dirs = NULL;
  g_autofree char *user_dirs_text = NULL;
  int status;

  /* A Documents folder of the test's own, named in the user-dirs.dirs GLib
   * reads at its first use, after this. */
  scratch = g_dir_make_tmp ("test-app-choosers-XXXXXX", NULL);
  g_assert_nonnull (scratch);
  config = g_build_filename (scratch, "config", NULL);
  documents = g_build_filename (scratch, "My Documents", NULL);
  user_dirs = g_build_filename (config, "user-dirs.dirs", NULL);
  g_assert_cmpint (g_mkdir_with_parents (config, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (documents, 0755), ==, 0);
  user_dirs_text = g_strdup_printf ("XDG_DOCUMENTS_DIR=\"%s\"\n", documents);
  g_assert_true (g_file_set_contents (user_dirs, user_dirs_text, -1, NULL));
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);

  app = app_test_init (&argc, &argv);

  g_test_add_func ("/tpt/app/choosers/export", test_export);
  g_test_add_func ("/tpt/app/choosers/print-to-file", test_print_to_file);
  g_test_add_func ("/tpt/app/choosers/save-as", test_save_as);
  g_test_add_func ("/tpt/app/choosers/open", test_open);

  status = g_test_run ();

  g_clear_object (&app);
  remove_tree (scratch);
  g_free (scratch);
  return status;
}
