/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-shortcuts"

#include "config.h"

#include <adwaita.h>

#include "app-fixtures.h"
#include "tpt-application.h"
#include "tpt-pages.h"
#include "tpt-window-private.h"

/* The Keyboard Shortcuts window against the key tables it describes: each
 * page's group lists every key the page binds, and lists no key the page
 * does not bind; the other groups list only keys that the application,
 * the window or GTK itself handle. So the window cannot drift from the
 * keys, in either direction. */

static TptApplication *app;

/* Keys that work on a page but are not page bindings: the in-place
 * editor's (Return and Shift+Return finish or break a line), the pan
 * tool's (Space held while dragging), and the context menu keys, which
 * GTK's popover handling and the page's key controller share. */
static const char * const not_bindings[] = {
  "space", "<Shift>Return", "Menu", "<Shift>F10", NULL,
};

/* A key as the tables store it, for comparing: lower case, no keypad. */
static char *
normalize (guint           keyval,
           GdkModifierType state)
{
  guint lower = gdk_keyval_to_lower (keyval);

  if (lower == GDK_KEY_ISO_Left_Tab)
    lower = GDK_KEY_Tab;
  /* = is + without Shift on most keyboards: bound as a twin, shown once. */
  if (lower == GDK_KEY_equal)
    lower = GDK_KEY_plus;
  return gtk_accelerator_name (lower, state & gtk_accelerator_get_default_mod_mask ());
}

static gboolean
is_keypad (guint keyval)
{
  const char *name = gdk_keyval_name (keyval);

  return name != NULL && (g_str_has_prefix (name, "KP_") || g_str_has_prefix (name, "ISO_"));
}

/* Every key @widget's class binds to an action, normalized. */
static GHashTable *
page_bindings (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) ||
              is_keypad (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger))))
            continue;
          g_hash_table_add (keys, normalize (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)),
                                             gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger))));
        }
    }
  return keys;
}

/* The keys one GtkShortcutsShortcut shows: "a b", and ranges "1...8". */
static GPtrArray *
listed_keys (const char *accelerator)
{
  g_auto(GStrv) parts = g_strsplit (accelerator, " ", -1);
  GPtrArray *keys = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_auto(GStrv) range = g_strsplit (parts[i], "...", 2);
      guint first, last;
      GdkModifierType state;

      if (*parts[i] == '\0')
        continue;
      g_assert_true (gtk_accelerator_parse (range[0], &first, &state));
      last = first;
      if (range[1] != NULL)
        g_assert_true (gtk_accelerator_parse (range[1], &last, NULL));
      g_assert_cmpuint (first, <=, last);
      for (guint key = first; key <= last; key++)
        g_ptr_array_add (keys, normalize (key, state));
    }
  return keys;
}

/* The listed keys of the group titled @title, in the window @overlay. */
static GHashTable *
group_keys (GtkWidget  *widget,
            const char *title,
            GHashTable *keys)
{
  if (GTK_IS_SHORTCUTS_GROUP (widget))
    {
      g_autofree char *group_title = NULL;

      g_object_get (widget, "title", &group_title, NULL);
      if (g_strcmp0 (group_title, title) != 0)
        return keys;
    }
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget) && gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_GROUP) != NULL)
    {
      g_autofree char *group_title = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (gtk_widget_get_ancestor (widget, GTK_TYPE_SHORTCUTS_GROUP), "title",
                    &group_title, NULL);
      g_object_get (widget, "accelerator", &accelerator, NULL);
      if (g_strcmp0 (group_title, title) == 0 && accelerator != NULL)
        {
          g_autoptr(GPtrArray) listed = listed_keys (accelerator);

          for (guint i = 0; i < listed->len; i++)
            g_hash_table_add (keys, g_strdup (listed->pdata[i]));
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    group_keys (child, title, keys);
  return keys;
}

static void
check_page (GtkShortcutsWindow *overlay,
            GtkWidget          *page,
            const char * const *groups)
{
  g_autoptr(GHashTable) bound = page_bindings (page);
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) wrong = g_string_new (NULL);
  GHashTableIter iter;
  const char *key;

  for (guint i = 0; groups[i] != NULL; i++)
    group_keys (GTK_WIDGET (overlay), groups[i], listed);
  g_assert_cmpuint (g_hash_table_size (listed), >, 3);

  /* Listed, so bound. */
  g_hash_table_iter_init (&iter, listed);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_strv_contains (not_bindings, key) && !g_hash_table_contains (bound, key))
      g_string_append_printf (wrong, "The Keyboard Shortcuts window lists %s under “%s”, "
                              "which %s does not bind\n", key, groups[0],
                              G_OBJECT_TYPE_NAME (page));

  /* Bound, so listed. */
  g_hash_table_iter_init (&iter, bound);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_hash_table_contains (listed, key))
      g_string_append_printf (wrong, "%s binds %s, which the Keyboard Shortcuts window "
                              "does not list under “%s”\n", G_OBJECT_TYPE_NAME (page), key,
                              groups[0]);
  if (wrong->len > 0)
    g_error ("%s", wrong->str);
}

static void
test_pages_match (void)
{
  g_autoptr(GFile) file = app_example_file ();
  TptWindow *window = tpt_application_open_file (app, file);
  GtkShortcutsWindow *overlay;
  static const char * const blueprint[] = { "Blueprint Cards", "Blueprint Structure", NULL };
  static const char * const gallery[] = { "Persona Gallery", NULL };
  static const char * const matrix[] = { "Needs Matrix", NULL };
  static const char * const reports[] = { "Reports", NULL };

  g_assert_nonnull (window);
  gtk_window_present (GTK_WINDOW (window));
  app_iterate ();
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);

  check_page (overlay, GTK_WIDGET (tpt_pages_get_page (window->pages, TPT_ARTEFACT_BLUEPRINT)),
              blueprint);
  check_page (overlay, GTK_WIDGET (tpt_pages_get_page (window->pages, TPT_ARTEFACT_PERSONAS)),
              gallery);
  check_page (overlay, GTK_WIDGET (tpt_pages_get_page (window->pages, TPT_ARTEFACT_NEEDS_MATRIX)),
              matrix);
  /* Every report's page has the keys of the coverage report's. */
  for (guint k = 0; k < TPT_ARTEFACT_N_KINDS; k++)
    if (tpt_artefact_kind_has_flags (k, TPT_ARTEFACT_FLAG_PAGE | TPT_ARTEFACT_FLAG_REPORT))
      check_page (overlay, GTK_WIDGET (tpt_pages_get_page (window->pages, k)), reports);

  tpt_history_mark_saved (tpt_document_get_history (tpt_window_get_document (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  app_iterate ();
}

/* The window's own groups: each key is an application accelerator, or
 * one of the few the window and GTK handle themselves. */
static void
test_window_keys (void)
{
  TptWindow *window = tpt_window_new (GTK_APPLICATION (app), NULL, NULL);
  static const char * const groups[] = {
    "Documents", "Editing", "Moving Around", "Zoom", "Application", NULL,
  };
  /* F6 is the window's capture-phase key; Ctrl+Tab is GtkWindow's. */
  static const char * const own[] = {
    "F6", "<Shift>F6", "<Control>Tab", "<Shift><Control>Tab", NULL,
  };
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));

  for (guint i = 0; groups[i] != NULL; i++)
    {
      g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      GHashTableIter iter;
      const char *key;

      group_keys (GTK_WIDGET (overlay), groups[i], listed);
      g_assert_cmpuint (g_hash_table_size (listed), >, 0);
      g_hash_table_iter_init (&iter, listed);
      while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
        {
          g_auto(GStrv) actions = gtk_application_get_actions_for_accel (GTK_APPLICATION (app), key);

          if (g_strv_length (actions) == 0 && !g_strv_contains (own, key))
            g_error ("The Keyboard Shortcuts window lists %s under “%s”, which nothing handles",
                     key, groups[i]);
        }
    }
  gtk_window_destroy (GTK_WINDOW (window));
  app_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = app_test_init (&argc, &argv);
  g_test_add_func ("/tpt/app/shortcuts/pages-match", test_pages_match);
  g_test_add_func ("/tpt/app/shortcuts/window-keys", test_window_keys);
  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
