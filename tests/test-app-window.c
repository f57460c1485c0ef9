/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-window"

#include "config.h"

#include "app-fixtures.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tpt-application.h"
#include "tpt-format.h"
#include "tpt-window-private.h"

/* The document window: opening, editing through actions, undo and redo,
 * saving and reloading, a file changed on disk, and the unsaved-changes
 * flow. Runs under Xvfb (the test command starts it). */

static TptApplication *app;
/* The test's own scratch directory. */
static char *scratch;

/* A copy of the example in the test's own temporary directory, so tests
 * may save over it. */
static GFile *
example_copy (const char *name)
{
  g_autoptr(GFile) source = app_example_file ();
  g_autofree char *path = g_build_filename (scratch, name, NULL);
  GFile *copy = g_file_new_for_path (path);

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

static void
close_all_windows (void)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
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

static void
test_open (void)
{
  g_autoptr(GFile) file = app_example_file ();
  TptWindow *window;
  TptWindow *again;
  g_auto(GStrv) recent = NULL;
  g_autofree char *uri = g_file_get_uri (file);

  window = tpt_application_open_file (app, file);
  g_assert_nonnull (window);
  app_iterate ();

  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==,
                   "motor-insurance.touchpoint");
  g_assert_cmpuint (g_list_model_get_n_items (
                      tpt_document_get_blueprints (tpt_window_get_document (window))), ==, 2);
  g_assert_false (gtk_widget_get_sensitive (window->undo_button));

  /* Opening it again shows the same window. */
  again = tpt_application_open_file (app, file);
  g_assert_true (again == window);
  g_assert_cmpuint (g_list_length (gtk_application_get_windows (GTK_APPLICATION (app))), ==, 1);

  /* And it heads Open Recent. */
  recent = g_settings_get_strv (window->settings, "recent-files");
  g_assert_cmpstr (recent[0], ==, uri);
  g_assert_cmpint (g_menu_model_get_n_items (tpt_application_get_recent_menu (app)), >=, 1);

  close_all_windows ();
}

static void
test_open_bad_file (void)
{
  g_autofree char *path = g_build_filename (scratch, "bogus.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  AdwMessageDialog *dialog;

  g_assert_true (g_file_set_contents (path, "<touchpoint version='1'><oops", -1, NULL));

  g_assert_null (tpt_application_open_file (app, file));
  app_iterate ();

  /* Nothing shows the file; an empty window is there to work in. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (TPT_IS_WINDOW (l->data))
      {
        g_assert_null (tpt_window_get_file (l->data));
        g_assert_true (tpt_window_is_pristine (l->data));
      }

  /* The user is told why. */
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), "bogus.touchpoint"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  close_all_windows ();
}

static void
test_undo_redo (void)
{
  g_autoptr(GFile) file = app_example_file ();
  TptWindow *window = tpt_application_open_file (app, file);
  TptDocument *document = tpt_window_get_document (window);
  g_autofree char *original = g_strdup (tpt_document_get_title (document));
  const char *tooltip;

  set_title (document, "Claims, redesigned");
  app_iterate ();

  /* The modified mark, and labelled undo. */
  g_assert_true (g_str_has_prefix (adw_window_title_get_title (window->window_title), "•"));
  g_assert_true (gtk_widget_get_sensitive (window->undo_button));
  tooltip = gtk_widget_get_tooltip_text (window->undo_button);
  g_assert_cmpstr (tooltip, ==, "Undo Edit Title");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  app_iterate ();
  g_assert_cmpstr (tpt_document_get_title (document), ==, original);
  g_assert_false (g_str_has_prefix (adw_window_title_get_title (window->window_title), "•"));
  g_assert_true (gtk_widget_get_sensitive (window->redo_button));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  app_iterate ();
  g_assert_cmpstr (tpt_document_get_title (document), ==, "Claims, redesigned");

  /* Undo back to the saved point makes the document clean, so closing
   * asks nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  app_iterate ();
  g_assert_null (window);
}

static gboolean
bar_revealed (gpointer data)
{
  TptWindow *window = data;

  return gtk_info_bar_get_revealed (window->changed_bar);
}

static gboolean
saved_and_clean (gpointer data)
{
  TptWindow *window = data;

  return !window->saving &&
         !tpt_history_get_modified (tpt_document_get_history (tpt_window_get_document (window)));
}

static gboolean
shows_their_title (gpointer data)
{
  TptWindow *window = data;

  return g_strcmp0 (tpt_document_get_title (tpt_window_get_document (window)),
                    "Their title") == 0;
}

/* Writes the saved file back with another title, as another program. */
static void
change_on_disk (GFile      *file,
                GBytes     *saved,
                const char *title)
{
  g_autoptr(TptDocument) other = NULL;
  g_autoptr(GBytes) other_bytes = NULL;
  g_autoptr(GError) error = NULL;

  other = tpt_document_load_bytes (saved, &error);
  g_assert_no_error (error);
  tpt_document_begin (other, "Edit Title");
  tpt_document_set_title (other, title);
  tpt_document_end (other);
  other_bytes = tpt_document_serialize (other);
  g_assert_true (g_file_replace_contents (file, g_bytes_get_data (other_bytes, NULL),
                                          g_bytes_get_size (other_bytes), NULL, FALSE,
                                          G_FILE_CREATE_NONE, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_save_and_reload (void)
{
  g_autoptr(GFile) file = example_copy ("save-reload.touchpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) expected = NULL;
  TptWindow *window = tpt_application_open_file (app, file);
  TptDocument *document = tpt_window_get_document (window);

  set_title (document, "Saved title");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
  g_assert_true (app_wait_for (saved_and_clean, window, 10.0));

  /* What is on disk is the document, and the window is clean. */
  saved = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  expected = tpt_document_serialize (document);
  g_assert_true (g_bytes_equal (saved, expected));
  g_assert_false (tpt_history_get_modified (tpt_document_get_history (document)));
  g_assert_false (g_str_has_prefix (adw_window_title_get_title (window->window_title), "•"));

  /* Our own save is not someone else's change. */
  g_assert_false (app_wait_for (bar_revealed, window, 1.0));
  g_assert_true (tpt_window_get_document (window) == document);

  /* Someone else changes the file: a window with nothing unsaved shows
   * their version by itself. */
  change_on_disk (file, saved, "Their title");
  g_assert_true (app_wait_for (shows_their_title, window, 10.0));
  g_assert_false (gtk_info_bar_get_revealed (window->changed_bar));
  g_assert_false (gtk_widget_get_sensitive (window->undo_button));

  /* With unsaved changes, it only offers to reload, which shows theirs. */
  set_title (tpt_window_get_document (window), "Mine, unsaved");
  change_on_disk (file, saved, "Their title");
  g_assert_true (app_wait_for (bar_revealed, window, 10.0));
  g_assert_cmpstr (tpt_document_get_title (tpt_window_get_document (window)), ==,
                   "Mine, unsaved");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.reload", NULL);
  app_iterate ();
  g_assert_false (gtk_info_bar_get_revealed (window->changed_bar));
  g_assert_cmpstr (tpt_document_get_title (tpt_window_get_document (window)), ==, "Their title");
  g_assert_false (gtk_widget_get_sensitive (window->undo_button));

  close_all_windows ();
}

static gboolean
window_gone (gpointer data)
{
  return *(TptWindow **) data == NULL;
}

static void
test_unsaved_changes (void)
{
  g_autoptr(GFile) file = example_copy ("unsaved.touchpoint");
  g_autoptr(TptDocument) reread = NULL;
  g_autoptr(GError) error = NULL;
  TptWindow *window = tpt_application_open_file (app, file);
  TptDocument *document = tpt_window_get_document (window);
  AdwMessageDialog *dialog;

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);

  /* Cancel keeps the window and the changes. */
  set_title (document, "Unsaved title");
  gtk_window_close (GTK_WINDOW (window));
  app_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "unsaved.touchpoint"));
  adw_message_dialog_response (dialog, "cancel");
  app_iterate ();
  g_assert_nonnull (window);
  g_assert_cmpstr (tpt_document_get_title (document), ==, "Unsaved title");

  /* Save writes the file and closes. */
  gtk_window_close (GTK_WINDOW (window));
  app_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  /* The save does not stop the window; it closes once it is done. */
  g_assert_true (app_wait_for (window_gone, &window, 10.0));
  reread = tpt_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tpt_document_get_title (reread), ==, "Unsaved title");

  /* Discard closes without writing. */
  window = tpt_application_open_file (app, file);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  set_title (tpt_window_get_document (window), "Discarded title");
  gtk_window_close (GTK_WINDOW (window));
  app_iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  app_iterate ();
  g_assert_null (window);
  g_clear_object (&reread);
  reread = tpt_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tpt_document_get_title (reread), ==, "Unsaved title");
}

static void
test_new_window_title (void)
{
  TptWindow *window = tpt_window_new (GTK_APPLICATION (app), NULL, NULL);
  TptDocument *document = tpt_window_get_document (window);

  gtk_window_present (GTK_WINDOW (window));
  app_iterate ();
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "Untitled Document");
  g_assert_true (tpt_window_is_pristine (window));

  /* An unnamed document goes by its title. */
  set_title (document, "Onboarding");
  app_iterate ();
  g_assert_cmpstr (adw_window_title_get_title (window->window_title), ==, "• Onboarding");
  g_assert_false (tpt_window_is_pristine (window));

  close_all_windows ();
}

static void
test_history_panel (void)
{
  TptWindow *window = tpt_window_new (GTK_APPLICATION (app), NULL, NULL);
  TptDocument *document = tpt_window_get_document (window);
  TptHistory *history = tpt_document_get_history (document);
  GtkListBox *list = tpt_history_panel_get_list (window->history_panel);
  GtkListBoxRow *row;

  gtk_window_present (GTK_WINDOW (window));
  set_title (document, "One");
  set_title (document, "Two");
  set_title (document, "Three");
  app_iterate ();

  /* A row per step, labelled, the last one marked current. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 2));
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2)),
                                           "history-current"));

  /* Activating the first step goes back to just after it. */
  row = gtk_list_box_get_row_at_index (list, 0);
  g_signal_emit_by_name (list, "row-activated", row);
  app_iterate ();
  g_assert_cmpuint (tpt_history_get_position (history), ==, 1);
  g_assert_cmpstr (tpt_document_get_title (document), ==, "One");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "history-current"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 2)),
                                           "dim-label"));

  /* Redo moves the mark; the original document is a row too. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  app_iterate ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (list, 1)),
                                           "history-current"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (row), "history-current"));

  /* A new step drops the redo tail from the list. */
  set_title (document, "Four");
  app_iterate ();
  g_assert_null (gtk_list_box_get_row_at_index (list, 3));
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 2));

  tpt_history_jump (history, 0);
  app_iterate ();
  g_assert_cmpstr (tpt_document_get_title (document), ==, "");

  close_all_windows ();
}

static GObject *
row_item (TptOutline *outline,
          guint       position)
{
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (tpt_outline_get_rows (outline), position);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static guint
count_rows_of_type (TptOutline *outline,
                    GType       type)
{
  GListModel *rows = tpt_outline_get_rows (outline);
  guint count = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GObject) item = row_item (outline, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (item, type))
        count++;
    }
  return count;
}

static void
test_outline (void)
{
  g_autoptr(GFile) file = app_example_file ();
  TptWindow *window = tpt_application_open_file (app, file);
  TptDocument *document = tpt_window_get_document (window);
  TptHistory *history = tpt_document_get_history (document);
  TptOutline *outline = window->outline;
  g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  g_autoptr(TptStage) stage = g_list_model_get_item (tpt_blueprint_get_stages (blueprint), 0);
  g_autoptr(TptStep) step = g_list_model_get_item (tpt_stage_get_steps (stage), 0);
  g_autoptr(TptCard) card = g_list_model_get_item (tpt_blueprint_get_cards (blueprint), 0);
  GListModel *personas = tpt_document_get_personas (document);
  guint n_personas = g_list_model_get_n_items (personas);
  guint entries;
  g_autoptr(GObject) first = NULL;

  app_iterate ();

  /* The document, its two blueprints, the Personas, Needs, Coverage,
   * Journey Numbers, Case for Change and Slides rows. */
  first = row_item (outline, 0);
  g_assert_true (first == G_OBJECT (document));
  g_assert_cmpuint (g_list_model_get_n_items (tpt_outline_get_rows (outline)), ==, 9);
  g_assert_cmpuint (count_rows_of_type (outline, TPT_TYPE_BLUEPRINT), ==, 2);

  /* Selecting a card expands its blueprint and lane and shows the blueprint. */
  tpt_window_select (window, TPT_NODE (card));
  app_iterate ();
  g_assert_true (tpt_outline_get_selected (outline) == TPT_NODE (card));
  g_assert_cmpuint (count_rows_of_type (outline, TPT_TYPE_LANE), ==,
                    g_list_model_get_n_items (tpt_blueprint_get_lanes (blueprint)));
  g_assert_cmpuint (count_rows_of_type (outline, TPT_TYPE_STAGE), ==,
                    g_list_model_get_n_items (tpt_blueprint_get_stages (blueprint)));
  g_assert_cmpint (tpt_pages_get_visible_kind (window->pages), ==, TPT_ARTEFACT_BLUEPRINT);
  g_assert_true (tpt_pages_get_blueprint (window->pages) == blueprint);

  /* Model edits from elsewhere show up: a step deleted, then undone. */
  tpt_window_select (window, TPT_NODE (step));
  app_iterate ();
  {
    guint steps = count_rows_of_type (outline, TPT_TYPE_STEP);

    tpt_document_begin (document, "Delete Step");
    tpt_blueprint_remove_step (blueprint, step);
    tpt_document_end (document);
    app_iterate ();
    g_assert_cmpuint (count_rows_of_type (outline, TPT_TYPE_STEP), ==, steps - 1);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    app_iterate ();
    g_assert_cmpuint (count_rows_of_type (outline, TPT_TYPE_STEP), ==, steps);
  }

  /* Actions: each is one undo step. */
  tpt_outline_select_group (outline, TPT_OUTLINE_GROUP_PERSONAS);
  app_iterate ();
  g_assert_cmpint (tpt_pages_get_visible_kind (window->pages), ==, TPT_ARTEFACT_PERSONAS);
  entries = tpt_history_get_position (history);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (outline), "outline.add-persona", NULL));
  app_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, n_personas + 1);
  g_assert_cmpuint (tpt_history_get_position (history), ==, entries + 1);
  g_assert_true (TPT_IS_PERSONA (tpt_outline_get_selected (outline)));

  g_assert_true (tpt_outline_rename_selected (outline, "Priya, fleet manager"));
  g_assert_false (tpt_outline_rename_selected (outline, "Priya, fleet manager"));
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Rename Persona");
  g_assert_cmpstr (tpt_persona_get_name (TPT_PERSONA (tpt_outline_get_selected (outline))), ==,
                   "Priya, fleet manager");

  entries = tpt_history_get_position (history);
  gtk_widget_activate_action (GTK_WIDGET (outline), "outline.move-up", NULL);
  app_iterate ();
  {
    g_autoptr(TptPersona) moved = g_list_model_get_item (personas, n_personas - 1);

    g_assert_cmpstr (tpt_persona_get_name (moved), ==, "Priya, fleet manager");
    g_assert_true (TPT_NODE (moved) == tpt_outline_get_selected (outline));
  }
  /* And back down, to the end. */
  gtk_widget_activate_action (GTK_WIDGET (outline), "outline.move-down", NULL);
  app_iterate ();
  {
    g_autoptr(TptPersona) moved = g_list_model_get_item (personas, n_personas);

    g_assert_cmpstr (tpt_persona_get_name (moved), ==, "Priya, fleet manager");
    g_assert_true (TPT_NODE (moved) == tpt_outline_get_selected (outline));
  }

  gtk_widget_activate_action (GTK_WIDGET (outline), "outline.delete", NULL);
  app_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (personas), ==, n_personas);
  g_assert_cmpuint (tpt_history_get_position (history), ==, entries + 3);

  /* A new blueprint comes with the standard lanes, in one step. */
  entries = tpt_history_get_position (history);
  gtk_widget_activate_action (GTK_WIDGET (outline), "outline.add-blueprint", NULL);
  app_iterate ();
  g_assert_cmpuint (tpt_history_get_position (history), ==, entries + 1);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_blueprints (document)), ==, 3);
  {
    TptBlueprint *added = TPT_BLUEPRINT (tpt_outline_get_selected (outline));

    g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_lanes (added)), ==, 5);
    g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_stages (added)), ==, 1);
  }

  /* Duplicating the first blueprint as its future state. */
  tpt_window_select (window, TPT_NODE (blueprint));
  gtk_widget_activate_action (GTK_WIDGET (outline), "outline.duplicate-as-future", NULL);
  app_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_blueprints (document)), ==, 4);
  g_assert_cmpint (tpt_blueprint_get_state (TPT_BLUEPRINT (tpt_outline_get_selected (outline))),
                   ==, TPT_BLUEPRINT_STATE_FUTURE);

  /* Undo all of it: the outline is back to five rows at the top. */
  tpt_history_jump (history, 0);
  app_iterate ();
  tpt_window_select (window, TPT_NODE (document));
  g_assert_cmpuint (count_rows_of_type (outline, TPT_TYPE_BLUEPRINT), ==, 2);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  app_iterate ();
  g_assert_null (window);
}

static char *
text_of_view (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
test_inspector (void)
{
  g_autoptr(GFile) file = app_example_file ();
  TptWindow *window = tpt_application_open_file (app, file);
  TptDocument *document = tpt_window_get_document (window);
  TptHistory *history = tpt_document_get_history (document);
  TptInspector *inspector = window->inspector;
  g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  g_autoptr(TptCard) card = g_list_model_get_item (tpt_blueprint_get_cards (blueprint), 3);
  g_autoptr(TptLane) lane = g_list_model_get_item (tpt_blueprint_get_lanes (blueprint), 1);
  g_autoptr(TptStage) stage = g_list_model_get_item (tpt_blueprint_get_stages (blueprint), 0);
  g_autoptr(TptStep) step = g_list_model_get_item (tpt_stage_get_steps (stage), 0);
  g_autoptr(TptPersona) persona = g_list_model_get_item (tpt_document_get_personas (document), 0);
  g_autofree char *original = g_strdup (tpt_card_get_text (card));
  g_autofree char *shown = NULL;
  g_autofree char *bogus_path = g_build_filename (scratch, "photo.png", NULL);
  g_autoptr(GFile) bogus = g_file_new_for_path (bogus_path);
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;
  guint position;

  /* Nothing selected: the document's own fields. */
  app_iterate ();
  g_assert_true (tpt_inspector_get_node (inspector) == TPT_NODE (document));
  g_assert_nonnull (tpt_inspector_get_editor (inspector, "author"));

  /* A card: its text is edited in one labelled step; undo shows it back. */
  tpt_window_select (window, TPT_NODE (card));
  app_iterate ();
  g_assert_true (tpt_inspector_get_node (inspector) == TPT_NODE (card));
  editor = tpt_inspector_get_editor (inspector, "text");
  g_assert_true (GTK_IS_TEXT_VIEW (editor));
  shown = text_of_view (editor);
  g_assert_cmpstr (shown, ==, original);
  position = tpt_history_get_position (history);
  g_assert_true (tpt_inspector_commit_text (inspector, "text", "Calls the broker", NULL));
  g_assert_cmpstr (tpt_card_get_text (card), ==, "Calls the broker");
  g_assert_cmpuint (tpt_history_get_position (history), ==, position + 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Edit Card Text");
  /* The same text again is no step. */
  g_assert_true (tpt_inspector_commit_text (inspector, "text", "Calls the broker", NULL));
  g_assert_cmpuint (tpt_history_get_position (history), ==, position + 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  app_iterate ();
  g_assert_cmpstr (tpt_card_get_text (card), ==, original);
  g_clear_pointer (&shown, g_free);
  shown = text_of_view (tpt_inspector_get_editor (inspector, "text"));
  g_assert_cmpstr (shown, ==, original);

  /* A lane's kind, from its drop-down. */
  tpt_window_select (window, TPT_NODE (lane));
  app_iterate ();
  editor = tpt_inspector_get_editor (inspector, "kind");
  g_assert_true (ADW_IS_COMBO_ROW (editor));
  adw_combo_row_set_selected (ADW_COMBO_ROW (editor), TPT_LANE_KIND_POLICY);
  g_assert_cmpint (tpt_lane_get_kind (lane), ==, TPT_LANE_KIND_POLICY);
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Change Lane Kind");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  app_iterate ();

  /* A step's duration: friendly words are understood, nonsense refused. */
  tpt_window_select (window, TPT_NODE (step));
  app_iterate ();
  position = tpt_history_get_position (history);
  g_assert_false (tpt_inspector_commit_text (inspector, "duration", "soonish", &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (tpt_history_get_position (history), ==, position);
  g_clear_error (&error);
  g_assert_true (tpt_inspector_commit_text (inspector, "duration", "45 min", NULL));
  g_assert_cmpstr (tpt_step_get_duration (step), ==, "PT45M");

  /* A persona's photo: a file that is no image is refused. */
  tpt_window_select (window, TPT_NODE (persona));
  app_iterate ();
  g_assert_true (g_file_set_contents (bogus_path, "\x89PNG\r\n\x1a\n but not really", -1, NULL));
  position = tpt_history_get_position (history);
  g_assert_false (tpt_inspector_set_photo_from_file (inspector, bogus, &error));
  g_assert_nonnull (error);
  g_assert_cmpuint (tpt_history_get_position (history), ==, position);
  g_clear_error (&error);

  /* Its list fields take one item per line. */
  g_assert_true (tpt_inspector_commit_text (inspector, "goals", "Fix the car\n\n  Keep the no-claims bonus ", NULL));
  g_assert_cmpuint (g_strv_length ((GStrv) tpt_persona_get_goals (persona)), ==, 2);
  g_assert_cmpstr (tpt_persona_get_goals (persona)[1], ==, "Keep the no-claims bonus");

  /* Facts are added in one step, and undo takes them away again. */
  {
    guint facts = g_list_model_get_n_items (tpt_persona_get_facts (persona));

    tpt_inspector_add_fact (inspector);
    g_assert_cmpuint (g_list_model_get_n_items (tpt_persona_get_facts (persona)), ==, facts + 1);
    g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Add Fact");
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    app_iterate ();
    g_assert_cmpuint (g_list_model_get_n_items (tpt_persona_get_facts (persona)), ==, facts);
  }

  /* The inspected node goes away: back to the document. */
  tpt_document_begin (document, "Delete Persona");
  tpt_document_remove_persona (document, persona);
  tpt_document_end (document);
  app_iterate ();
  g_assert_true (tpt_inspector_get_node (inspector) == TPT_NODE (document));

  tpt_history_jump (history, 0);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.close", NULL);
  app_iterate ();
  g_assert_null (window);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Not isolated: GTK needs the system's icon theme and MIME database. The
   * settings live in memory (GSETTINGS_BACKEND=memory) and files in a
   * scratch directory of our own, so nothing of the user's is touched. */
  g_test_init (&argc, &argv, NULL);
  scratch = g_dir_make_tmp ("test-app-window-XXXXXX", NULL);
  g_assert_nonnull (scratch);
  /* Recovery copies go to the scratch directory too. */
  g_setenv ("XDG_STATE_HOME", scratch, TRUE);
  gtk_init ();
  adw_init ();

  app = tpt_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/tpt/app/window/open", test_open);
  g_test_add_func ("/tpt/app/window/open-bad-file", test_open_bad_file);
  g_test_add_func ("/tpt/app/window/new-window-title", test_new_window_title);
  g_test_add_func ("/tpt/app/window/undo-redo", test_undo_redo);
  g_test_add_func ("/tpt/app/window/save-and-reload", test_save_and_reload);
  g_test_add_func ("/tpt/app/window/unsaved-changes", test_unsaved_changes);
  g_test_add_func ("/tpt/app/window/history-panel", test_history_panel);
  g_test_add_func ("/tpt/app/window/outline", test_outline);
  g_test_add_func ("/tpt/app/window/inspector", test_inspector);

  status = g_test_run ();

  close_all_windows ();
  g_clear_object (&app);
  {
    g_autoptr(GFile) dir = g_file_new_for_path (scratch);
    g_autoptr(GFileEnumerator) children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                    G_FILE_QUERY_INFO_NONE, NULL, NULL);
    GFileInfo *info;
    GFile *child;

    /* Recovery copies live two levels down. */
    g_autofree char *recovery = g_build_filename (scratch, "touchpoint", "recovery", NULL);
    g_autoptr(GDir) copies = g_dir_open (recovery, 0, NULL);
    const char *name;

    while (copies != NULL && (name = g_dir_read_name (copies)) != NULL)
      {
        g_autofree char *path = g_build_filename (recovery, name, NULL);

        g_remove (path);
      }
    g_rmdir (recovery);
    {
      g_autofree char *parent = g_build_filename (scratch, "touchpoint", NULL);

      g_rmdir (parent);
    }
    while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) &&
           info != NULL)
      g_file_delete (child, NULL, NULL);
    g_file_delete (dir, NULL, NULL);
  }
  g_free (scratch);
  return status;
}
