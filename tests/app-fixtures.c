/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "app-fixtures.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tpt-format.h"

/* Runs whatever the main loop has ready: idles, redraws, signals. */
void
app_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Iterates the main loop until @condition holds or @seconds pass. */
gboolean
app_wait_for (gboolean (*condition) (gpointer),
              gpointer   data,
              double     seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
count_frame_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint *frames = data;

  (*frames)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
frames_done (gpointer data)
{
  guint *frames = data;

  return frames[0] >= frames[1];
}

/* Iterates until @widget's frame clock has ticked @n times, so a page just
 * shown has been measured, allocated and fitted: app_iterate() alone runs
 * only what is ready, and on a loaded machine the next frame may not be. */
void
app_wait_frames (gpointer widget,
                 guint    n)
{
  guint frames[2] = { 0, n };
  guint id;

  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (widget)));
  id = gtk_widget_add_tick_callback (GTK_WIDGET (widget), count_frame_cb, frames, NULL);
  g_assert_true (app_wait_for (frames_done, frames, 10));
  gtk_widget_remove_tick_callback (GTK_WIDGET (widget), id);
  app_iterate ();
}

static char *scratch_dir;

/* A copy of the example document, in this test program's own folder.
 * Never the file in the source tree: a window takes a lock beside its
 * file, and another test program with the same file open would see that
 * lock and show its bar, moving the page under the test's coordinates. */
GFile *
app_example_file (void)
{
  g_autofree char *source = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                              "motor-insurance.touchpoint", NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  if (scratch_dir == NULL)
    scratch_dir = g_dir_make_tmp ("touchpoint-app-test-XXXXXX", NULL);
  g_assert_nonnull (scratch_dir);
  path = g_build_filename (scratch_dir, "motor-insurance.touchpoint", NULL);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_file_get_contents (source, &contents, &length, &error);
      g_assert_no_error (error);
      g_file_set_contents (path, contents, length, &error);
      g_assert_no_error (error);
    }
  return g_file_new_for_path (path);
}

/* Starts a test program of suite app: GTK and libadwaita, a state folder
 * of its own (so no recovery copy of a real session is offered), and the
 * application, registered but not unique, so tests run side by side. */
TptApplication *
app_test_init (int    *argc,
               char ***argv)
{
  g_autofree char *scratch = NULL;
  TptApplication *app;

  g_test_init (argc, argv, NULL);
  scratch = g_dir_make_tmp ("touchpoint-app-test-XXXXXX", NULL);
  g_assert_nonnull (scratch);
  g_setenv ("XDG_STATE_HOME", scratch, TRUE);
  scratch_dir = g_build_filename (scratch, "documents", NULL);
  g_assert_cmpint (g_mkdir (scratch_dir, 0700), ==, 0);
  gtk_init ();
  adw_init ();

  app = tpt_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return app;
}

/* The document as it would be saved, as a string to compare. */
char *
app_document_bytes (TptDocument *document)
{
  g_autoptr(GBytes) bytes = tpt_document_serialize (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Undoes every step, then checks the document is byte for byte what it
 * was before the test. */
void
app_undo_all_and_compare (TptDocument *document,
                          const char  *original)
{
  TptHistory *history = tpt_document_get_history (document);
  g_autofree char *bytes = NULL;

  while (tpt_history_get_can_undo (history))
    tpt_history_undo (history);
  app_iterate ();
  bytes = app_document_bytes (document);
  g_assert_cmpstr (bytes, ==, original);
}

/* A key as the page's key bindings see it: the action bound to @keyval
 * with @state is activated on @widget. For tests of what keys do; the
 * keys themselves are tested with real input in tests/input. */
gboolean
app_key (gpointer        widget,
         guint           keyval,
         GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (widget));
  /* As GtkKeyvalTrigger stores them: lower case, and Shift+Tab as Tab. */
  guint lower = keyval == GDK_KEY_ISO_Left_Tab ? GDK_KEY_Tab : gdk_keyval_to_lower (keyval);

  state &= gtk_accelerator_get_default_mod_mask ();
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);

          if (!GTK_IS_KEYVAL_TRIGGER (trigger) || !GTK_IS_NAMED_ACTION (action))
            continue;
          if (gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) != lower ||
              gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) != state)
            continue;
          /* As the shortcut controller does: a disabled action lets the
           * key go on. */
          return gtk_shortcut_action_activate (action, GTK_SHORTCUT_ACTION_EXCLUSIVE,
                                               GTK_WIDGET (widget),
                                               gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}

/* A click of the primary button at a point of the page's artefact, as
 * the click tool hands it on. */
void
app_click (gpointer        canvas,
           double          x,
           double          y,
           int             n_press,
           GdkModifierType state)
{
  for (int i = 1; i <= n_press; i++)
    {
      tpt_canvas_press (TPT_CANVAS (canvas), x, y, i, GDK_BUTTON_PRIMARY, state);
      tpt_canvas_release (TPT_CANVAS (canvas), x, y, i, GDK_BUTTON_PRIMARY, state);
    }
  app_iterate ();
}

/* A drag of the primary button from one point of the page's artefact to
 * another, through the press and then the first drag tool that takes it,
 * as their gestures would. Returns whether a tool took it. */
gboolean
app_drag (gpointer        canvas,
          double          x0,
          double          y0,
          double          x1,
          double          y1,
          GdkModifierType state)
{
  GPtrArray *tools = tpt_canvas_get_tools (TPT_CANVAS (canvas));

  tpt_canvas_press (TPT_CANVAS (canvas), x0, y0, 1, GDK_BUTTON_PRIMARY, state);
  for (guint i = 0; i < tools->len; i++)
    {
      TptTool *tool = g_ptr_array_index (tools, i);

      if (TPT_IS_DRAG_TOOL (tool) &&
          tpt_drag_tool_run (TPT_DRAG_TOOL (tool), x0, y0, x1, y1, GDK_BUTTON_PRIMARY, state))
        {
          app_iterate ();
          return TRUE;
        }
    }
  tpt_canvas_release (TPT_CANVAS (canvas), x0, y0, 1, GDK_BUTTON_PRIMARY, state);
  app_iterate ();
  return FALSE;
}

/* Ends the in-place edit on @canvas with @text typed, as Enter does. */
void
app_finish_edit (gpointer    canvas,
                 const char *text,
                 int         end)
{
  GtkWidget *editor = tpt_canvas_get_editor (TPT_CANVAS (canvas));

  g_assert_nonnull (editor);
  if (text != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text, -1);
  tpt_inplace_editor_finish (TPT_INPLACE_EDITOR (editor), end);
  app_iterate ();
}
