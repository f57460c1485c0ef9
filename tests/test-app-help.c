/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-help"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "app-fixtures.h"
#include "tpt-help.h"
#include "tpt-window.h"

/* Help, F1 and the primary menu's Help item: yelp when a help browser and
 * the installed pages are there, the HTML copy when not, the online copy
 * when neither.
 *
 * What GIO finds as the help browser depends on the desktop files under the
 * data directories, which GLib reads once per process; so each case runs in
 * a child process started with data directories made for it. */

static TptApplication *app;

/* A folder of the test's own, removed at the end. */
static char *scratch;

static char *
scratch_path (const char *first,
              ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, scratch);
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);

  return g_build_filenamev ((char **) parts->pdata);
}

static void
write_file (const char *path,
            const char *contents,
            int         mode)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, mode), ==, 0);
}

/* Data directories that hold nothing but what a case puts there: no help
 * browser, no help pages, no mimeapps.list choosing one. */
static void
use_empty_data_dirs (const char *name)
{
  g_autofree char *home = scratch_path (name, "data", NULL);
  g_autofree char *dirs = scratch_path (name, "system-data", NULL);
  g_autofree char *config = scratch_path (name, "config", NULL);
  g_autofree char *config_dirs = scratch_path (name, "system-config", NULL);

  g_assert_cmpint (g_mkdir_with_parents (home, 0755), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (dirs, 0755), ==, 0);
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_DATA_DIRS", dirs, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CONFIG_DIRS", config_dirs, TRUE);
}

static void
run_child (void)
{
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A help browser that notes the URI it was asked to show, and the index page
 * yelp would find for help:touchpoint. */
static char *
install_fake_yelp (const char *name)
{
  g_autofree char *launched = scratch_path (name, "launched", NULL);
  g_autofree char *script = scratch_path (name, "fake-yelp", NULL);
  g_autofree char *desktop = scratch_path (name, "data", "applications", "fake-yelp.desktop",
                                           NULL);
  g_autofree char *page = scratch_path (name, "data", "help", "C", "touchpoint", "index.page",
                                        NULL);
  g_autofree char *script_text = NULL;
  g_autofree char *desktop_text = NULL;

  script_text = g_strdup_printf ("#!/bin/sh\nprintf '%%s\\n' \"$1\" > '%s.part'\n"
                                 "mv '%s.part' '%s'\n", launched, launched, launched);
  write_file (script, script_text, 0755);
  desktop_text = g_strdup_printf ("[Desktop Entry]\nType=Application\nName=Fake Help\n"
                                  "Exec=%s %%u\nMimeType=x-scheme-handler/help;\n", script);
  write_file (desktop, desktop_text, 0644);
  /* GIO finds handlers through the index update-desktop-database writes. */
  {
    g_autofree char *cache = scratch_path (name, "data", "applications", "mimeinfo.cache",
                                           NULL);

    write_file (cache, "[MIME Cache]\nx-scheme-handler/help=fake-yelp.desktop;\n", 0644);
  }
  write_file (page, "<page xmlns=\"http://projectmallard.org/1.0/\" id=\"index\"/>\n", 0644);

  return g_steal_pointer (&launched);
}

static gboolean
file_exists_cb (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

/* With a help browser and the pages installed, Help asks for help:touchpoint,
 * and the app action, F1's, launches the browser with it. */
static void
test_yelp (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *launched = g_build_filename (g_getenv ("XDG_DATA_HOME"), "..",
                                                    "launched", NULL);
      g_autofree char *uri = tpt_help_dup_uri (NULL);
      g_autofree char *page = tpt_help_dup_uri ("presenting");
      g_autofree char *contents = NULL;

      g_assert_cmpstr (uri, ==, "help:touchpoint");
      g_assert_cmpstr (page, ==, "help:touchpoint/presenting");

      g_action_group_activate_action (G_ACTION_GROUP (app), "help", NULL);
      g_assert_true (app_wait_for (file_exists_cb, launched, 20));
      g_assert_true (g_file_get_contents (launched, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "help:touchpoint\n");
      return;
    }

  use_empty_data_dirs ("yelp");
  g_free (install_fake_yelp ("yelp"));
  run_child ();
}

/* A help browser but no installed pages (an uninstalled build) is no use:
 * the HTML copy is shown instead. */
static void
test_yelp_without_pages (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *uri = tpt_help_dup_uri (NULL);

      g_assert_true (g_str_has_prefix (uri, "file://"));
      return;
    }

  use_empty_data_dirs ("no-pages");
  g_free (install_fake_yelp ("no-pages"));
  {
    g_autofree char *index = scratch_path ("no-pages", "data", "help", "C", "touchpoint",
                                           "index.page", NULL);

    g_assert_cmpint (g_remove (index), ==, 0);
  }
  run_child ();
}

/* No help browser: the HTML copy, a page per Mallard page, each a real
 * page with the title it has in help/C. */
static void
test_html (void)
{
  const struct {
    const char *page;
    const char *title;
  } pages[] = {
    { NULL, "Touchpoint Help" },
    { "window", "The Touchpoint window" },
    { "blueprints", "Draw a service blueprint" },
    { "personas", "Persona cards" },
    { "needs-matrix", "The needs matrix" },
    { "coverage", "Coverage" },
    { "analysis", "Journey numbers and the case for change" },
    { "presenting", "Present" },
    { "files", "Save, export and print" },
    { "command-line", "The command line" },
  };

  if (g_test_subprocess ())
    {
      for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
        {
          g_autofree char *uri = tpt_help_dup_uri (pages[i].page);
          g_autofree char *path = g_filename_from_uri (uri, NULL, NULL);
          g_autofree char *contents = NULL;
          g_autofree char *title = g_strdup_printf ("<title>%s</title>", pages[i].title);

          g_assert_nonnull (path);
          g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
          g_assert_nonnull (strstr (contents, title));
        }
      return;
    }

  {
    g_autofree char *index = g_build_filename (g_getenv ("TPT_HELP_DIR"), "index.html", NULL);

    if (!g_file_test (index, G_FILE_TEST_EXISTS))
      {
        g_test_skip ("No HTML help in the build (yelp-build missing)");
        return;
      }
  }
  use_empty_data_dirs ("html");
  run_child ();
}

/* Neither: the online copy. */
static void
test_online (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *uri = tpt_help_dup_uri (NULL);

      g_assert_cmpstr (uri, ==, TPT_HELP_ONLINE_URI);
      return;
    }

  use_empty_data_dirs ("online");
  {
    g_autofree char *nowhere = scratch_path ("online", "no-html", NULL);

    g_setenv ("TPT_HELP_DIR", nowhere, TRUE);
    run_child ();
  }
}

/* Depth first over a widget tree: the first widget for which @match holds. */
static GtkWidget *
find_widget (GtkWidget *root,
             gboolean (*match) (GtkWidget *widget))
{
  if (match (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, match);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_primary_menu_button (GtkWidget *widget)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

static gboolean
is_f1_shortcut (GtkWidget *widget)
{
  g_autofree char *accelerator = NULL;

  if (!GTK_IS_SHORTCUTS_SHORTCUT (widget))
    return FALSE;
  g_object_get (widget, "accelerator", &accelerator, NULL);
  return g_strcmp0 (accelerator, "F1") == 0;
}

/* Whether @model, or a section or submenu of it, has an item for @action. */
static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuLinkIter) links = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;

      links = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_next (links))
        {
          g_autoptr(GMenuModel) link = g_menu_link_iter_get_value (links);

          if (menu_has_action (link, action))
            return TRUE;
        }
    }
  return FALSE;
}

/* The ways in: app.help, F1, the primary menu, the shortcuts window. */
static void
test_entry_points (void)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                "app.help");
  TptWindow *window = tpt_window_new (GTK_APPLICATION (app), NULL, NULL);
  GtkWidget *menu_button;
  GtkShortcutsWindow *overlay;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "help"));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "help"));
  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));

  gtk_window_present (GTK_WINDOW (window));
  app_iterate ();
  menu_button = find_widget (GTK_WIDGET (window), is_primary_menu_button);
  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)),
                                  "app.help"));

  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);
  g_assert_nonnull (find_widget (GTK_WIDGET (overlay), is_f1_shortcut));

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
  int status;

  app = app_test_init (&argc, &argv);
  scratch = g_dir_make_tmp ("test-app-help-XXXXXX", NULL);
  g_assert_nonnull (scratch);

  g_test_add_func ("/tpt/app/help/entry-points", test_entry_points);
  g_test_add_func ("/tpt/app/help/yelp", test_yelp);
  g_test_add_func ("/tpt/app/help/yelp-without-pages", test_yelp_without_pages);
  g_test_add_func ("/tpt/app/help/html", test_html);
  g_test_add_func ("/tpt/app/help/online", test_online);

  status = g_test_run ();

  /* A child process has a scratch folder of its own, left to its parent. */
  if (!g_test_subprocess ())
    remove_tree (scratch);
  else
    g_rmdir (scratch);
  g_free (scratch);
  g_clear_object (&app);
  return status;
}
