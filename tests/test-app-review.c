/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-review"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "tpt-export-dialog.h"
#include "tpt-format.h"
#include "tpt-merge.h"
#include "tpt-window-private.h"

#include "app-fixtures.h"

/* The window's Review page: a merged document's conflicts, each with both
 * values and where it is, settled from a button as one undoable step; and
 * Compare with…, a row per change that selects the node it is about. */

static TptApplication *app;
static char *scratch;

static TptDocument *
load_golden (const char *name)
{
  g_autofree char *path = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "tests", "golden",
                                            "diff", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static TptDocument *
copy_of (TptDocument *document)
{
  g_autoptr(GBytes) bytes = tpt_document_serialize (document);
  g_autoptr(GError) error = NULL;
  TptDocument *copy = tpt_document_load_bytes (bytes, &error);

  g_assert_no_error (error);
  return copy;
}

static TptCard *
card (TptDocument *document,
      const char  *id)
{
  return tpt_document_lookup_typed (document, id, TPT_TYPE_CARD);
}

static void
set_text (TptDocument *document,
          const char  *id,
          const char  *text)
{
  tpt_document_begin (document, "Edit");
  tpt_card_set_text (card (document, id), text);
  tpt_document_end (document);
}

/* Both sides changed the texts of c1 and c3 differently. */
static TptDocument *
merged_with_conflicts (void)
{
  g_autoptr(TptDocument) base = load_golden ("old.touchpoint");
  g_autoptr(TptDocument) ours = copy_of (base);
  g_autoptr(TptDocument) theirs = copy_of (base);
  g_autoptr(GError) error = NULL;
  TptMergeStats stats;
  TptDocument *merged;

  set_text (ours, "c1", "Calls from the roadside");
  set_text (theirs, "c1", "Calls the broker");
  set_text (ours, "c3", "Waits for a text message");
  set_text (theirs, "c3", "Waits two days");
  merged = tpt_merge (base, ours, theirs, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_conflicts, ==, 2);
  return merged;
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

static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
n_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

static GtkWidget *
row (GtkListBox *list,
     guint       index)
{
  GtkListBoxRow *found = gtk_list_box_get_row_at_index (list, (int) index);

  g_assert_nonnull (found);
  return GTK_WIDGET (found);
}

static void
close_window (TptWindow *window)
{
  tpt_history_mark_saved (tpt_document_get_history (tpt_window_get_document (window)));
  gtk_window_destroy (GTK_WINDOW (window));
  app_iterate ();
}

static void
test_conflicts (void)
{
  g_autoptr(TptDocument) merged = merged_with_conflicts ();
  TptWindow *window = tpt_window_new (GTK_APPLICATION (app), merged, NULL);
  TptHistory *history = tpt_document_get_history (merged);
  GListModel *conflicts = tpt_document_get_conflicts (merged);
  GtkListBox *list;
  GtkWidget *first;
  g_autofree char *original = app_document_bytes (merged);

  gtk_window_present (GTK_WINDOW (window));
  app_wait_frames (window, 2);

  /* The conflicts are what the window shows first. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->side_stack), ==, "review");
  list = tpt_conflicts_panel_get_list (window->conflicts_panel);
  g_assert_cmpuint (n_rows (list), ==, 2);
  g_assert_nonnull (find_label (GTK_WIDGET (window->conflicts_panel),
                                "2 merge conflicts to settle"));

  /* Where it is, and both values. */
  first = row (list, 0);
  g_assert_nonnull (find_label (first, "card “Calls from the roadside” (Customer, Reports the "
                                       "accident): text"));
  g_assert_nonnull (find_label (first, "“Calls from the roadside”"));
  g_assert_nonnull (find_label (first, "“Calls the broker”"));
  g_assert_nonnull (find_label (first, "“Calls the hotline”"));

  /* "Show Where It Is" selects the card. */
  {
    GtkWidget *show = gtk_widget_get_last_child (gtk_widget_get_first_child (
                        gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (first))));

    g_assert_true (GTK_IS_BUTTON (show));
    g_signal_emit_by_name (show, "clicked");
    g_assert_true (tpt_selection_get_primary (window->selection) ==
                   TPT_NODE (card (merged, "c1")));
  }

  /* Take Theirs: one undo step, the row goes. */
  g_signal_emit_by_name (find_button (first, "Take Theirs"), "clicked");
  app_iterate ();
  g_assert_cmpstr (tpt_card_get_text (card (merged, "c1")), ==, "Calls the broker");
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 1);
  g_assert_cmpuint (n_rows (list), ==, 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Resolve Conflict");
  g_assert_nonnull (find_label (GTK_WIDGET (window->conflicts_panel),
                                "1 merge conflict to settle"));

  /* Undo brings it back, as it was. */
  g_assert_true (tpt_history_undo (history));
  app_iterate ();
  g_assert_cmpuint (n_rows (list), ==, 2);
  {
    g_autofree char *now = app_document_bytes (merged);

    g_assert_cmpstr (now, ==, original);
  }

  /* Keep All Ours: every one at once, one step. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (window->conflicts_panel), "Keep All Ours"),
                         "clicked");
  app_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (conflicts), ==, 0);
  g_assert_cmpuint (n_rows (list), ==, 0);
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Resolve All Conflicts");
  g_assert_nonnull (find_label (GTK_WIDGET (window->conflicts_panel), "No merge conflicts"));
  g_assert_false (gtk_widget_is_visible (find_button (GTK_WIDGET (window->conflicts_panel),
                                                       "Keep All Ours")));
  g_assert_cmpstr (tpt_card_get_text (card (merged, "c3")), ==, "Waits for a text message");
  app_undo_all_and_compare (merged, original);

  close_window (window);
}

static void
diff_cb (GObject    *object,
         GParamSpec *pspec,
         gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static gboolean
counted (gpointer data)
{
  return *(guint *) data > 0;
}

static void
test_compare (void)
{
  g_autoptr(TptDocument) older = load_golden ("old.touchpoint");
  g_autoptr(TptDocument) document = copy_of (older);
  g_autofree char *path = g_build_filename (scratch, "v1.touchpoint", NULL);
  g_autofree char *broken = g_build_filename (scratch, "broken.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  TptWindow *window;
  TptChangesPanel *panel;
  GtkListBox *list;
  g_autoptr(GError) error = NULL;
  TptDiffAction action;
  guint notified = 0;
  guint found = G_MAXUINT;

  /* Saved before the window watches it, which would reload it. */
  g_assert_true (tpt_document_save_file (older, file, &error));
  g_assert_no_error (error);
  window = tpt_window_new (GTK_APPLICATION (app), document, file);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (tpt_window_get_document (window) == document);
  app_wait_frames (window, 2);
  panel = window->changes_panel;
  list = tpt_changes_panel_get_list (panel);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->side_stack), !=, "review");
  g_assert_null (tpt_changes_panel_get_diff (panel));
  g_signal_connect (panel, "notify::diff", G_CALLBACK (diff_cb), &notified);

  /* Compare with Saved: nothing changed yet. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (panel), "Compare with Saved"), "clicked");
  g_assert_true (app_wait_for (counted, &notified, 10));
  g_assert_nonnull (tpt_changes_panel_get_diff (panel));
  g_assert_cmpuint (n_rows (list), ==, 0);
  g_assert_nonnull (find_label (GTK_WIDGET (panel), "No changes since the saved file"));

  /* An edit shows a moment later, as a row that selects the card. */
  notified = 0;
  set_text (document, "c2", "Agent cannot find the policy by plate");
  g_assert_true (app_wait_for (counted, &notified, 10));
  g_assert_nonnull (find_label (GTK_WIDGET (panel),
                                "Since the saved file: 0 added, 0 removed, 1 changed, 0 moved"));
  g_assert_true (tpt_diff_lookup (tpt_changes_panel_get_diff (panel), "c2", &action));
  g_assert_cmpint (action, ==, TPT_DIFF_CHANGED);
  g_assert_cmpuint (n_rows (list), ==, 2);
  g_assert_false (gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row (list, 0))));
  g_assert_nonnull (find_label (row (list, 1), "~ card “Agent cannot find the policy by plate”"));
  g_signal_emit_by_name (list, "row-activated", row (list, 1));
  g_assert_true (tpt_selection_get_primary (window->selection) == TPT_NODE (card (document, "c2")));

  /* A removed card's row shows its blueprint. */
  notified = 0;
  tpt_document_begin (document, "Remove");
  tpt_blueprint_remove_card (tpt_document_lookup_typed (document, "b1", TPT_TYPE_BLUEPRINT),
                             card (document, "c3"));
  tpt_document_end (document);
  g_assert_true (app_wait_for (counted, &notified, 10));
  for (guint i = 0; i < n_rows (list); i++)
    if (find_label (row (list, i), "− card “Waits for a call back”") != NULL)
      found = i;
  g_assert_cmpuint (found, !=, G_MAXUINT);
  g_signal_emit_by_name (list, "row-activated", row (list, found));
  g_assert_true (tpt_selection_get_primary (window->selection) ==
                 tpt_document_lookup (document, "b1"));

  /* A file that does not load: named, and the comparison stays. */
  g_assert_true (g_file_set_contents (broken, "<touchpoint format=\"1\">\n<oops/>\n", -1,
                                      &error));
  tpt_changes_panel_compare_with_file (panel, broken_file, NULL);
  {
    GtkWidget *message = NULL;

    for (guint i = 0; i < 200 && message == NULL; i++)
      {
        app_iterate ();
        message = find_label (GTK_WIDGET (panel),
                              "Could not compare with “broken.touchpoint”: line 2: ");
        if (message != NULL && !gtk_widget_get_visible (message))
          message = NULL;
        g_usleep (10000);
      }
    g_assert_nonnull (message);
  }
  g_assert_nonnull (tpt_changes_panel_get_diff (panel));
  g_assert_cmpstr (tpt_changes_panel_get_since (panel), ==, "the saved file");

  /* Export offers the changes for a review, for the whole document. */
  {
    g_autofree char *pdf = g_build_filename (scratch, "review.pdf", NULL);
    g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf);
    g_autoptr(GList) toplevels = NULL;
    g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
    TptExportDialog *dialog = NULL;
    TptExportOptions options;

    /* From the cover, so that the dialog starts with the whole document. */
    tpt_selection_select (window->selection, TPT_NODE (document));
    app_iterate ();
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL));
    app_iterate ();
    toplevels = gtk_window_list_toplevels ();
    for (GList *l = toplevels; l != NULL; l = l->next)
      if (TPT_IS_EXPORT_DIALOG (l->data))
        dialog = l->data;
    g_assert_nonnull (dialog);
    tpt_export_dialog_set_format (dialog, TPT_EXPORT_PDF);
    tpt_export_dialog_get_options (dialog, &options);
    g_assert_true (options.changes_since == tpt_changes_panel_get_older (panel));
    g_assert_cmpstr (options.changes_since_name, ==, "the saved file");
    g_assert_true (tpt_export_dialog_export_to (dialog, pdf_file, &error));
    g_assert_no_error (error);
    if (pdftotext != NULL)
      {
        const char *argv[] = { "pdftotext", "-f", "2", "-l", "2", pdf, "-", NULL };
        g_autofree char *text = NULL;

        g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                     &text, NULL, NULL, &error));
        g_assert_nonnull (strstr (text, "Changes since the saved file"));
        g_assert_nonnull (strstr (text, "Agent cannot find the policy by plate"));
      }
    /* Not for one blueprint. */
    g_assert_true (tpt_export_dialog_set_content (dialog, "b1"));
    tpt_export_dialog_get_options (dialog, &options);
    g_assert_null (options.changes_since);
    gtk_window_destroy (GTK_WINDOW (dialog));
    g_unlink (pdf);
  }

  g_assert_true (tpt_window_get_document (window) == document);

  /* Stop Comparing. */
  tpt_changes_panel_stop (panel);
  g_assert_null (tpt_changes_panel_get_diff (panel));
  g_assert_cmpuint (n_rows (list), ==, 0);

  close_window (window);
  g_unlink (path);
  g_unlink (broken);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  app = app_test_init (&argc, &argv);
  scratch = g_dir_make_tmp ("test-app-review-XXXXXX", NULL);

  g_test_add_func ("/tpt/app/review/conflicts", test_conflicts);
  g_test_add_func ("/tpt/app/review/compare", test_compare);

  status = g_test_run ();
  g_rmdir (scratch);
  g_free (scratch);
  g_clear_object (&app);
  return status;
}
