/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-matrix"

#include "config.h"

#include <adwaita.h>

#include "app-fixtures.h"
#include "tpt-application.h"
#include "tpt-format.h"
#include "tpt-matrix-page.h"
#include "tpt-matrix-renderer.h"
#include "tpt-need-order.h"
#include "tpt-text.h"
#include "tpt-window-private.h"

/* The needs matrix as a canvas for needs: selecting a need by its row
 * header, and the cursor and the window's selection following each other;
 * adding, renaming, moving, deleting and sorting needs, each one undo step,
 * driven through the canvas's keys, gestures and actions on the example
 * document, and undone back to its bytes. */

static TptApplication *app;

typedef struct
{
  TptWindow       *window;
  TptDocument     *document;
  TptMatrixPage *matrix;
  PangoContext    *context;
  GArray          *cells;      /* TptMatrixCell, as the view lays them out */
  char            *original;   /* the document's bytes before the test */
} Fixture;

/* Lets the view lay the matrix out again, and finds the cells as it does. */
static void
relayout (Fixture *fixture)
{
  app_iterate ();
  g_array_set_size (fixture->cells, 0);
  tpt_matrix_collect_links (fixture->context, fixture->document, NULL, fixture->cells);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = app_example_file ();

  fixture->window = tpt_application_open_file (app, file);
  g_assert_nonnull (fixture->window);
  fixture->document = g_object_ref (tpt_window_get_document (fixture->window));
  fixture->matrix = TPT_MATRIX_PAGE (tpt_pages_get_page (fixture->window->pages, TPT_ARTEFACT_NEEDS_MATRIX));
  fixture->context = tpt_text_context_new ();
  fixture->cells = g_array_new (FALSE, FALSE, sizeof (TptMatrixCell));
  gtk_window_present (GTK_WINDOW (fixture->window));
  tpt_outline_select_group (fixture->window->outline, TPT_OUTLINE_GROUP_NEEDS);
  relayout (fixture);
  g_assert_cmpint (tpt_pages_get_visible_kind (fixture->window->pages), ==,
                   TPT_ARTEFACT_NEEDS_MATRIX);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_needs (fixture->document)), >=, 4);
  fixture->original = app_document_bytes (fixture->document);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Leave without the unsaved-changes question. */
  tpt_history_mark_saved (tpt_document_get_history (fixture->document));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  app_iterate ();
  g_clear_pointer (&fixture->cells, g_array_unref);
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->context);
  g_clear_pointer (&fixture->original, g_free);
}

static TptHistory *
history (Fixture *fixture)
{
  return tpt_document_get_history (fixture->document);
}

static TptNeed *
need_at (Fixture *fixture,
         guint    index)
{
  TptNeed *need = g_list_model_get_item (tpt_document_get_needs (fixture->document), index);

  g_assert_nonnull (need);
  /* The document's list holds it for as long as the test looks. */
  g_object_unref (need);
  return need;
}

static guint
n_needs (Fixture *fixture)
{
  return g_list_model_get_n_items (tpt_document_get_needs (fixture->document));
}

static const TptMatrixCell *
find (Fixture           *fixture,
      TptMatrixCellKind  kind,
      guint              need)
{
  for (guint i = 0; i < fixture->cells->len; i++)
    {
      const TptMatrixCell *cell = &g_array_index (fixture->cells, TptMatrixCell, i);

      if (cell->kind == kind && cell->need == need)
        return cell;
    }
  g_error ("nothing of kind %d for need %u on the matrix", kind, need);
  return NULL;
}

/* Clicks the middle of need @index's row header. */
static void
click_header (Fixture *fixture,
              guint    index,
              int      n_press)
{
  const TptMatrixCell *header = find (fixture, TPT_MATRIX_CELL_NEED, index);

  app_click (fixture->matrix, header->rect.x + header->rect.width / 2,
                                          header->rect.y + header->rect.height / 2, n_press, 0);
}

static gboolean
key (Fixture         *fixture,
     guint            keyval,
     GdkModifierType  state)
{
  return app_key (fixture->matrix, keyval, state);
}

static guint
cursor_need (Fixture *fixture)
{
  guint need = G_MAXUINT;

  g_assert_true (tpt_matrix_page_get_cursor (fixture->matrix, &need, NULL, NULL));
  return need;
}

static TptNode *
outline_selected (Fixture *fixture)
{
  return tpt_outline_get_selected (fixture->window->outline);
}

static void
undo_all_and_compare (Fixture *fixture)
{
  app_undo_all_and_compare (fixture->document, fixture->original);
}

static gboolean
editor_open_cb (gpointer data)
{
  Fixture *fixture = data;
  GtkWidget *editor = tpt_canvas_get_editor ((TptCanvas *) fixture->matrix);

  return editor != NULL && gtk_widget_get_mapped (editor);
}

/* Types @name into the open rename popover and presses Enter. */
static void
type_name (Fixture    *fixture,
           const char *name)
{
  GtkWidget *editor;

  g_assert_true (app_wait_for (editor_open_cb, fixture, 10));
  editor = tpt_canvas_get_editor ((TptCanvas *) fixture->matrix);
  g_assert_true (gtk_widget_has_focus (editor) || gtk_widget_is_focus (editor) ||
                 gtk_widget_get_focus_child (editor) != NULL);
  app_finish_edit (fixture->matrix, name, TPT_EDITOR_END_COMMIT);
  g_assert_null (tpt_canvas_get_editor ((TptCanvas *) fixture->matrix));
}

/* The subtitle of the inspector's row titled @title, or NULL. */
static const char *
inspector_row_subtitle (GtkWidget  *widget,
                        const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return adw_action_row_get_subtitle (ADW_ACTION_ROW (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *found = inspector_row_subtitle (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A click on a need's label selects the need: the cursor goes to its row
 * header, and the window selects it, so the outline and the inspector
 * show it. Nothing in the document changes. */
static void
test_click_label (Fixture       *fixture,
                  gconstpointer  data)
{
  TptNeed *need = need_at (fixture, 2);

  g_assert_null (tpt_matrix_page_get_selected_need (fixture->matrix));
  click_header (fixture, 2, 1);
  app_iterate ();
  g_assert_true (tpt_matrix_page_get_selected_need (fixture->matrix) == need);
  g_assert_true (tpt_matrix_page_is_on_need (fixture->matrix));
  g_assert_cmpuint (cursor_need (fixture), ==, 2);
  g_assert_true (outline_selected (fixture) == TPT_NODE (need));
  g_assert_true (tpt_inspector_get_node (fixture->window->inspector) == TPT_NODE (need));
  g_assert_cmpint (tpt_pages_get_visible_kind (fixture->window->pages), ==,
                   TPT_ARTEFACT_NEEDS_MATRIX);

  /* A row header, unlike a rating, is not a place to pan from. */
  g_assert_true (tpt_matrix_page_need_at (fixture->matrix,
                                            find (fixture, TPT_MATRIX_CELL_NEED, 0)->rect.x + 3,
                                            find (fixture, TPT_MATRIX_CELL_NEED, 0)->rect.y + 3,
                                            NULL));
  g_assert_false (tpt_matrix_page_need_at (fixture->matrix,
                                             find (fixture, TPT_MATRIX_CELL_RATING, 0)->rect.x + 3,
                                             find (fixture, TPT_MATRIX_CELL_RATING, 0)->rect.y + 3,
                                             NULL));
  g_assert_cmpuint (tpt_history_get_position (history (fixture)), ==, 0);
}

/* The matrix cursor and the window's selection follow each other. */
static void
test_cursor_sync (Fixture       *fixture,
                  gconstpointer  data)
{
  g_assert_true (key (fixture, GDK_KEY_Down, 0));
  app_iterate ();
  g_assert_cmpuint (cursor_need (fixture), ==, 0);
  g_assert_false (tpt_matrix_page_is_on_need (fixture->matrix));
  g_assert_true (outline_selected (fixture) == TPT_NODE (need_at (fixture, 0)));

  /* Moving the rating cursor selects that need: the inspector shows it. */
  g_assert_true (key (fixture, GDK_KEY_Down, 0));
  g_assert_true (key (fixture, GDK_KEY_Right, 0));
  app_iterate ();
  g_assert_true (outline_selected (fixture) == TPT_NODE (need_at (fixture, 1)));
  g_assert_true (tpt_inspector_get_node (fixture->window->inspector) == TPT_NODE (need_at (fixture, 1)));
  /* With its ratings, which follow what is typed on the matrix. */
  {
    g_autoptr(TptPersona) persona = g_list_model_get_item (tpt_document_get_personas (fixture->document), 1);
    const char *subtitle;

    g_assert_true (key (fixture, GDK_KEY_4, 0));
    g_assert_true (key (fixture, GDK_KEY_Tab, 0));
    g_assert_true (key (fixture, GDK_KEY_2, 0));
    app_iterate ();
    subtitle = inspector_row_subtitle (GTK_WIDGET (fixture->window->inspector),
                                       tpt_persona_get_name (persona));
    g_assert_cmpstr (subtitle, ==, "Importance 4 · Satisfaction 2");
    g_assert_true (key (fixture, GDK_KEY_Tab, 0));
    g_assert_true (tpt_history_undo (history (fixture)));
    g_assert_true (tpt_history_undo (history (fixture)));
  }

  /* Left of the first rating is the need's row header. */
  g_assert_true (key (fixture, GDK_KEY_Left, 0));
  g_assert_true (key (fixture, GDK_KEY_Left, 0));
  g_assert_true (tpt_matrix_page_is_on_need (fixture->matrix));
  g_assert_true (key (fixture, GDK_KEY_Right, 0));
  g_assert_false (tpt_matrix_page_is_on_need (fixture->matrix));

  /* Selecting a need in the outline moves the cursor to its row. */
  tpt_outline_set_selected (fixture->window->outline, TPT_NODE (need_at (fixture, 3)));
  app_iterate ();
  g_assert_cmpuint (cursor_need (fixture), ==, 3);
  g_assert_true (tpt_matrix_page_get_selected_need (fixture->matrix) == need_at (fixture, 3));

  /* So does tpt_window_select(), from a link or a search. */
  tpt_window_select (fixture->window, TPT_NODE (need_at (fixture, 2)));
  app_iterate ();
  g_assert_cmpuint (cursor_need (fixture), ==, 2);
  g_assert_true (outline_selected (fixture) == TPT_NODE (need_at (fixture, 2)));

  /* The group selects no row; Escape on the matrix selects the group. */
  tpt_outline_select_group (fixture->window->outline, TPT_OUTLINE_GROUP_NEEDS);
  app_iterate ();
  g_assert_null (tpt_matrix_page_get_selected_need (fixture->matrix));
  g_assert_true (key (fixture, GDK_KEY_Down, 0));
  app_iterate ();
  g_assert_true (outline_selected (fixture) == TPT_NODE (need_at (fixture, 0)));
  g_assert_true (key (fixture, GDK_KEY_Escape, 0));
  app_iterate ();
  g_assert_null (tpt_matrix_page_get_selected_need (fixture->matrix));
  g_assert_null (outline_selected (fixture));
  g_assert_cmpint (tpt_outline_get_selected_group (fixture->window->outline), ==,
                   TPT_OUTLINE_GROUP_NEEDS);
  g_assert_cmpuint (tpt_history_get_position (history (fixture)), ==, 0);
}

/* Insert adds a need below the selected one and opens its name editor:
 * typing a name and Enter names it. Two undo steps, as in the outline. */
static void
test_add_with_insert (Fixture       *fixture,
                      gconstpointer  data)
{
  guint n = n_needs (fixture);
  TptNeed *added;

  click_header (fixture, 1, 1);
  g_assert_true (key (fixture, GDK_KEY_Insert, 0));
  g_assert_cmpuint (n_needs (fixture), ==, n + 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Add Need");
  added = need_at (fixture, 2);
  g_assert_cmpstr (tpt_need_get_title (added), ==, "New Need");
  g_assert_true (tpt_matrix_page_get_selected_need (fixture->matrix) == added);
  g_assert_true (tpt_matrix_page_is_on_need (fixture->matrix));

  relayout (fixture);
  type_name (fixture, "Reach a person at night");
  g_assert_cmpstr (tpt_need_get_title (added), ==, "Reach a person at night");
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Rename Need");
  g_assert_cmpuint (tpt_history_get_position (history (fixture)), ==, 2);
  g_assert_true (outline_selected (fixture) == TPT_NODE (added));

  /* Ctrl+Shift+Up adds one above, from the context menu's action too. */
  g_assert_true (key (fixture, GDK_KEY_Up, GDK_CONTROL_MASK | GDK_SHIFT_MASK));
  g_assert_cmpuint (n_needs (fixture), ==, n + 2);
  g_assert_true (need_at (fixture, 3) == added);
  g_assert_cmpuint (cursor_need (fixture), ==, 2);
  relayout (fixture);
  g_assert_true (app_wait_for (editor_open_cb, fixture, 10));
  /* Escape leaves the new need with the name it came with. */
  app_finish_edit (fixture->matrix, NULL, TPT_EDITOR_END_CANCEL);
  g_assert_null (tpt_canvas_get_editor ((TptCanvas *) fixture->matrix));
  g_assert_cmpstr (tpt_need_get_title (need_at (fixture, 2)), ==, "New Need");

  undo_all_and_compare (fixture);
}

/* F2 and a double click on the label rename; the same name changes
 * nothing. */
static void
test_rename (Fixture       *fixture,
             gconstpointer  data)
{
  TptNeed *need = need_at (fixture, 0);
  g_autofree char *title = g_strdup (tpt_need_get_title (need));

  g_assert_true (key (fixture, GDK_KEY_Down, 0));
  g_assert_true (key (fixture, GDK_KEY_F2, 0));
  g_assert_true (app_wait_for (editor_open_cb, fixture, 10));
  {
    g_autofree char *text =
      tpt_inplace_editor_dup_text (TPT_INPLACE_EDITOR (tpt_canvas_get_editor ((TptCanvas *) fixture->matrix)));

    g_assert_cmpstr (text, ==, title);
  }
  type_name (fixture, title);
  g_assert_cmpuint (tpt_history_get_position (history (fixture)), ==, 0);

  click_header (fixture, 0, 2);
  type_name (fixture, "Know where my claim is");
  g_assert_cmpstr (tpt_need_get_title (need), ==, "Know where my claim is");
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Rename Need");
  g_assert_cmpuint (tpt_history_get_position (history (fixture)), ==, 1);

  undo_all_and_compare (fixture);
}

/* Alt+Down and Alt+Up move the selected need, a dragged row header moves
 * it too; the cursor stays with it, and each is one step. */
static void
test_reorder (Fixture       *fixture,
              gconstpointer  data)
{
  TptNeed *first = need_at (fixture, 0);
  TptNeed *third = need_at (fixture, 2);
  const TptMatrixCell *row;

  click_header (fixture, 0, 1);
  g_assert_true (key (fixture, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_true (need_at (fixture, 1) == first);
  g_assert_cmpuint (cursor_need (fixture), ==, 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Move Need");
  g_assert_cmpuint (tpt_history_get_position (history (fixture)), ==, 1);
  g_assert_true (key (fixture, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_true (need_at (fixture, 2) == first);
  g_assert_true (key (fixture, GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_true (need_at (fixture, 1) == first);
  g_assert_cmpuint (tpt_history_get_position (history (fixture)), ==, 3);
  app_iterate ();
  g_assert_true (outline_selected (fixture) == TPT_NODE (first));

  /* At the top, Alt+Up does nothing. */
  g_assert_true (key (fixture, GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_true (key (fixture, GDK_KEY_Up, GDK_ALT_MASK));
  g_assert_true (need_at (fixture, 0) == first);
  g_assert_cmpuint (tpt_history_get_position (history (fixture)), ==, 4);

  /* Drag the third need's header below the fourth row's middle. */
  relayout (fixture);
  row = find (fixture, TPT_MATRIX_CELL_NEED, 2);
  {
    const TptMatrixCell *below = find (fixture, TPT_MATRIX_CELL_ROW, 3);

    g_assert_true (app_drag (fixture->matrix, row->rect.x + 10, row->rect.y + 10,
                             below->rect.x + 10, below->rect.y + below->rect.height * 3 / 4, 0));
  }
  g_assert_true (need_at (fixture, 3) == third);
  g_assert_cmpuint (cursor_need (fixture), ==, 3);
  g_assert_cmpuint (tpt_history_get_position (history (fixture)), ==, 5);

  /* A drag that ends where it started changes nothing. */
  relayout (fixture);
  row = find (fixture, TPT_MATRIX_CELL_NEED, 1);
  g_assert_true (app_drag (fixture->matrix, row->rect.x + 10, row->rect.y + 10,
                           row->rect.x + 10, row->rect.y + 12, 0));
  g_assert_cmpuint (tpt_history_get_position (history (fixture)), ==, 5);
  /* A drag from a rating is not one of a need. */
  row = find (fixture, TPT_MATRIX_CELL_RATING, 1);
  g_assert_false (tpt_matrix_page_need_at (fixture->matrix, row->rect.x + 10, row->rect.y + 10,
                                          NULL));

  undo_all_and_compare (fixture);
}

/* Delete on a selected need deletes it, with its ratings; undo, which
 * the toast offers, brings it all back. Delete on a rating only clears
 * the rating. */
static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  guint n = n_needs (fixture);
  TptNeed *next = need_at (fixture, 2);
  g_autofree char *id = g_strdup (tpt_node_get_id (TPT_NODE (need_at (fixture, 1))));
  g_autofree char *bytes = NULL;

  click_header (fixture, 1, 1);
  g_assert_true (key (fixture, GDK_KEY_Delete, 0));
  g_assert_cmpuint (n_needs (fixture), ==, n - 1);
  g_assert_null (tpt_document_lookup (fixture->document, id));
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Delete Need");
  g_assert_cmpuint (tpt_history_get_position (history (fixture)), ==, 1);
  /* The cursor is on the row that took its place. */
  relayout (fixture);
  g_assert_cmpuint (cursor_need (fixture), ==, 1);
  g_assert_true (tpt_matrix_page_get_selected_need (fixture->matrix) == next);
  g_assert_true (outline_selected (fixture) == TPT_NODE (next));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL));
  app_iterate ();
  g_assert_cmpuint (n_needs (fixture), ==, n);
  g_assert_nonnull (tpt_document_lookup (fixture->document, id));
  bytes = app_document_bytes (fixture->document);
  g_assert_cmpstr (bytes, ==, fixture->original);

  /* On a rating, Delete clears the rating and the need stays. */
  relayout (fixture);
  click_header (fixture, 0, 1);
  g_assert_true (key (fixture, GDK_KEY_Right, 0));
  g_assert_true (key (fixture, GDK_KEY_5, 0));
  g_assert_true (key (fixture, GDK_KEY_Delete, 0));
  g_assert_cmpuint (n_needs (fixture), ==, n);

  undo_all_and_compare (fixture);
}

static void
sort_and_check (Fixture      *fixture,
                const char   *nick,
                TptNeedOrder  order,
                const char   *label)
{
  g_autoptr(GPtrArray) expected = tpt_need_order_sorted (fixture->document, order);
  guint position = tpt_history_get_position (history (fixture));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tpt_pages_get_visible_page (fixture->window->pages)),
                                             "matrix.sort-needs", "s", nick));
  g_assert_cmpuint (tpt_history_get_position (history (fixture)), ==, position + 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, label);
  for (guint i = 0; i < expected->len; i++)
    g_assert_true (need_at (fixture, i) == g_ptr_array_index (expected, i));
}

/* Sorting is one undo step, in the order the core works out; and that
 * order is right: opportunities never rise down the list, unknown last. */
static void
test_sort (Fixture       *fixture,
           gconstpointer  data)
{
  TptNeed *selected;
  int last = G_MAXINT;
  gboolean unknown = FALSE;

  click_header (fixture, 0, 1);
  selected = need_at (fixture, 0);
  sort_and_check (fixture, "opportunity", TPT_NEED_ORDER_OPPORTUNITY, "Sort Needs by Opportunity");
  for (guint i = 0; i < n_needs (fixture); i++)
    {
      int score = tpt_need_order_opportunity (fixture->document, need_at (fixture, i));

      if (score < 0)
        unknown = TRUE;
      else
        {
          g_assert_false (unknown);
          g_assert_cmpint (score, <=, last);
          last = score;
        }
    }
  /* The cursor stays with the need it was on. */
  relayout (fixture);
  g_assert_true (tpt_matrix_page_get_selected_need (fixture->matrix) == selected);

  /* Once is enough: sorting again changes nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tpt_pages_get_visible_page (fixture->window->pages)),
                                             "matrix.sort-needs", "s", "opportunity"));
  g_assert_cmpuint (tpt_history_get_position (history (fixture)), ==, 1);

  sort_and_check (fixture, "coverage", TPT_NEED_ORDER_COVERAGE, "Sort Needs by Coverage");
  sort_and_check (fixture, "importance", TPT_NEED_ORDER_IMPORTANCE, "Sort Needs by Importance");

  /* The window's sort menu does the same. */
  g_assert_true (tpt_history_undo (history (fixture)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sort-needs", "s",
                                             "importance"));
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Sort Needs by Importance");

  undo_all_and_compare (fixture);
}

/* Without personas the view shows a message, not a matrix: nothing there
 * to select, but Insert still adds a need. */
static void
test_no_personas (Fixture       *fixture,
                  gconstpointer  data)
{
  GListModel *personas = tpt_document_get_personas (fixture->document);
  const TptMatrixCell *header;
  guint n = n_needs (fixture);

  tpt_document_begin (fixture->document, "Delete Personas");
  while (g_list_model_get_n_items (personas) > 0)
    {
      g_autoptr(TptPersona) persona = g_list_model_get_item (personas, 0);

      tpt_document_remove_persona (fixture->document, persona);
    }
  tpt_document_end (fixture->document);
  relayout (fixture);

  header = find (fixture, TPT_MATRIX_CELL_NEED, 0);
  g_assert_false (tpt_matrix_page_need_at (fixture->matrix, header->rect.x + 5, header->rect.y + 5, NULL));
  g_assert_false (key (fixture, GDK_KEY_Down, 0));
  tpt_outline_set_selected (fixture->window->outline, TPT_NODE (need_at (fixture, 0)));
  app_iterate ();
  g_assert_null (tpt_matrix_page_get_selected_need (fixture->matrix));

  g_assert_true (key (fixture, GDK_KEY_Insert, 0));
  g_assert_cmpuint (n_needs (fixture), ==, n + 1);
  relayout (fixture);
  g_assert_true (app_wait_for (editor_open_cb, fixture, 10));
  type_name (fixture, "Pay by card");
  g_assert_cmpstr (tpt_need_get_title (need_at (fixture, n)), ==, "Pay by card");

  undo_all_and_compare (fixture);
}

int
main (int   argc,
      char *argv[])
{
  app = app_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/tpt/app/matrix/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("click-label", test_click_label);
  ADD ("cursor-sync", test_cursor_sync);
  ADD ("add-with-insert", test_add_with_insert);
  ADD ("rename", test_rename);
  ADD ("reorder", test_reorder);
  ADD ("delete-and-undo", test_delete_and_undo);
  ADD ("sort", test_sort);
  ADD ("no-personas", test_no_personas);

  return g_test_run ();
}
