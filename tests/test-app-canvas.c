/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-canvas"

#include "config.h"

#include <adwaita.h>

#include "app-fixtures.h"
#include "tpt-application.h"
#include "tpt-blueprint-page.h"
#include "tpt-coverage-renderer.h"
#include "tpt-format.h"
#include "tpt-link.h"
#include "tpt-matrix-page.h"
#include "tpt-matrix-renderer.h"
#include "tpt-fragment.h"
#include "tpt-text.h"
#include "tpt-window-private.h"

/* The blueprint canvas: selecting, keys, dragging, in-place editing, kinds
 * and the clipboard, driven through the canvas's gestures and actions, with
 * the model checked after each, and undo checked against saved bytes. */

static TptApplication *app;

typedef struct
{
  TptWindow          *window;
  TptDocument        *document;
  TptBlueprint       *blueprint;
  TptBlueprintPage *canvas;
  TptBlueprintLayout *layout;     /* as the view laid it out */
  PangoContext       *context;
  char               *original;   /* the document's bytes before the test */
} Fixture;

/* Lays the blueprint out as the view does, for the places to click. */
static void
relayout (Fixture *fixture)
{
  app_iterate ();
  g_clear_pointer (&fixture->layout, tpt_blueprint_layout_unref);
  fixture->layout = tpt_blueprint_layout_new (fixture->document, fixture->blueprint,
                                              fixture->context);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = app_example_file ();

  fixture->window = tpt_application_open_file (app, file);
  g_assert_nonnull (fixture->window);
  fixture->document = g_object_ref (tpt_window_get_document (fixture->window));
  fixture->blueprint = g_list_model_get_item (tpt_document_get_blueprints (fixture->document), 0);
  fixture->canvas = TPT_BLUEPRINT_PAGE (tpt_pages_get_page (fixture->window->pages, TPT_ARTEFACT_BLUEPRINT));
  fixture->context = tpt_text_context_new ();
  gtk_window_present (GTK_WINDOW (fixture->window));
  tpt_window_select (fixture->window, TPT_NODE (fixture->blueprint));
  relayout (fixture);
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
  g_clear_pointer (&fixture->layout, tpt_blueprint_layout_unref);
  g_clear_object (&fixture->blueprint);
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->context);
  g_clear_pointer (&fixture->original, g_free);
}

static const TptLayoutCard *
nth_card (Fixture *fixture,
          guint    n)
{
  g_assert_cmpuint (n, <, fixture->layout->cards->len);
  return &g_array_index (fixture->layout->cards, TptLayoutCard, n);
}

static void
click_card (Fixture         *fixture,
            guint            n,
            GdkModifierType  state)
{
  const TptLayoutCard *card = nth_card (fixture, n);

  app_click (fixture->canvas, card->rect.x + card->rect.width / 2,
                              card->rect.y + card->rect.height / 2, 1, state);
}

static GPtrArray *
selection (Fixture *fixture)
{
  return tpt_blueprint_page_get_cards (fixture->canvas);
}

static guint
history_length (Fixture *fixture)
{
  return tpt_history_get_position (tpt_document_get_history (fixture->document));
}

/* A cell with no card, in a lane that takes cards. */
static gboolean
find_empty_cell (Fixture *fixture,
                 guint   *lane,
                 guint   *step)
{
  for (guint l = 0; l < fixture->layout->lanes->len; l++)
    {
      const TptLayoutLane *placed = &g_array_index (fixture->layout->lanes, TptLayoutLane, l);

      if (placed->kind == TPT_LANE_KIND_EMOTION)
        continue;
      for (guint s = 0; s < fixture->layout->steps->len; s++)
        {
          gboolean used = FALSE;

          for (guint i = 0; i < fixture->layout->cards->len && !used; i++)
            {
              const TptLayoutCard *card = nth_card (fixture, i);

              used = card->lane == l && s >= card->step && s < card->step + card->span;
            }
          if (!used)
            {
              *lane = l;
              *step = s;
              return TRUE;
            }
        }
    }
  return FALSE;
}

static void
cell_centre (Fixture *fixture,
             guint    lane,
             guint    step,
             double  *x,
             double  *y)
{
  const TptLayoutLane *l = &g_array_index (fixture->layout->lanes, TptLayoutLane, lane);
  const TptLayoutStep *s = &g_array_index (fixture->layout->steps, TptLayoutStep, step);

  *x = s->column.x + s->column.width / 2;
  *y = l->rect.y + l->rect.height / 2;
}

static void
undo_all_and_compare (Fixture *fixture)
{
  app_undo_all_and_compare (fixture->document, fixture->original);
}

static void
test_select (Fixture       *fixture,
             gconstpointer  data)
{
  const TptLayoutCard *first = nth_card (fixture, 0);
  const TptLayoutCard *second = nth_card (fixture, 1);
  guint lane, step;
  double x, y;

  click_card (fixture, 0, 0);
  g_assert_cmpuint (selection (fixture)->len, ==, 1);
  g_assert_true (g_ptr_array_index (selection (fixture), 0) == first->card);
  /* The outline, and so the inspector, follow. */
  g_assert_true (tpt_outline_get_selected (fixture->window->outline) == TPT_NODE (first->card));

  click_card (fixture, 1, GDK_SHIFT_MASK);
  g_assert_cmpuint (selection (fixture)->len, ==, 2);
  click_card (fixture, 0, GDK_CONTROL_MASK);
  g_assert_cmpuint (selection (fixture)->len, ==, 1);
  g_assert_true (g_ptr_array_index (selection (fixture), 0) == second->card);

  /* The outline choosing a card selects it on the canvas. */
  tpt_outline_set_selected (fixture->window->outline, TPT_NODE (first->card));
  app_iterate ();
  g_assert_cmpuint (selection (fixture)->len, ==, 1);
  g_assert_true (g_ptr_array_index (selection (fixture), 0) == first->card);

  /* An empty cell clears the selection and takes the cursor. */
  g_assert_true (find_empty_cell (fixture, &lane, &step));
  cell_centre (fixture, lane, step, &x, &y);
  app_click (fixture->canvas, x, y, 1, 0);
  g_assert_cmpuint (selection (fixture)->len, ==, 0);
  {
    guint cursor_lane, cursor_step;

    g_assert_true (tpt_blueprint_page_get_cursor (fixture->canvas, &cursor_lane, &cursor_step));
    g_assert_cmpuint (cursor_lane, ==, lane);
    g_assert_cmpuint (cursor_step, ==, step);
  }

  /* A rubber band from an empty place over the first two cards. */
  app_drag (fixture->canvas, first->rect.x - 4, first->rect.y - 4, tpt_rect_right (&second->rect) - 2, first->rect.y + 2, 0);
  g_assert_true (g_ptr_array_find (selection (fixture), first->card, NULL));
  g_assert_cmpuint (history_length (fixture), ==, 0);
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  TptHistory *history = tpt_document_get_history (fixture->document);
  const TptLayoutCard *first = nth_card (fixture, 0);
  g_autoptr(TptCard) deleted = NULL;
  guint n_cards = g_list_model_get_n_items (tpt_blueprint_get_cards (fixture->blueprint));

  /* Tab walks the cards in reading order, and round. */
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Tab, 0));
  g_assert_true (g_ptr_array_index (selection (fixture), 0) == first->card);
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Tab, 0));
  g_assert_true (g_ptr_array_index (selection (fixture), 0) == nth_card (fixture, 1)->card);
  g_assert_true (app_key (fixture->canvas, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (g_ptr_array_index (selection (fixture), 0) == first->card);
  g_assert_true (app_key (fixture->canvas, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (g_ptr_array_index (selection (fixture), 0) ==
                 nth_card (fixture, fixture->layout->cards->len - 1)->card);

  /* Right moves to the next step of the same lane. */
  click_card (fixture, 0, 0);
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Right, 0));
  {
    guint lane, step;

    g_assert_true (tpt_blueprint_page_get_cursor (fixture->canvas, &lane, &step));
    g_assert_cmpuint (lane, ==, first->lane);
    g_assert_cmpuint (step, ==, first->step + first->span);
  }

  /* Shift+Right adds the next card to the selection; f joins the two
   * with a flow, and ] stretches them over one more step. */
  {
    guint with_neighbour = G_MAXUINT;

    /* A card with another starting in the next cell to its right. */
    for (guint i = 0; i < fixture->layout->cards->len && with_neighbour == G_MAXUINT; i++)
      for (guint k = 0; k < fixture->layout->cards->len; k++)
        if (nth_card (fixture, k)->lane == nth_card (fixture, i)->lane &&
            nth_card (fixture, k)->step == nth_card (fixture, i)->step + nth_card (fixture, i)->span &&
            nth_card (fixture, i)->step + nth_card (fixture, i)->span < fixture->layout->steps->len)
          with_neighbour = i;
    g_assert_cmpuint (with_neighbour, !=, G_MAXUINT);
    click_card (fixture, with_neighbour, 0);
  }
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Right, GDK_SHIFT_MASK));
  g_assert_cmpuint (selection (fixture)->len, ==, 2);
  {
    guint flows = g_list_model_get_n_items (tpt_blueprint_get_flows (fixture->blueprint));

    g_assert_true (app_key (fixture->canvas, GDK_KEY_f, 0));
    g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_flows (fixture->blueprint)), ==,
                      flows + 1);
    g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Add Flow");
    tpt_history_undo (history);
    app_iterate ();
  }
  click_card (fixture, 0, 0);
  g_assert_true (app_key (fixture->canvas, GDK_KEY_bracketright, 0));
  g_assert_cmpint (tpt_card_get_span (first->card), ==, first->span + 1);
  tpt_history_undo (history);
  relayout (fixture);
  first = nth_card (fixture, 0);

  /* Digits set the kind: one undo step. */
  click_card (fixture, 0, 0);
  g_assert_true (app_key (fixture->canvas, GDK_KEY_3, 0));
  g_assert_cmpint (tpt_card_get_kind (first->card), ==, TPT_CARD_KIND_FAIL);
  g_assert_cmpuint (history_length (fixture), ==, 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Change Card Kind");

  /* Delete removes the selection in one step. */
  deleted = g_object_ref (first->card);
  click_card (fixture, 1, GDK_SHIFT_MASK);
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Delete, 0));
  g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_cards (fixture->blueprint)), ==,
                    n_cards - 2);
  g_assert_false (tpt_node_is_attached (TPT_NODE (deleted)));
  g_assert_cmpuint (history_length (fixture), ==, 2);
  g_assert_cmpuint (selection (fixture)->len, ==, 0);
  app_iterate ();

  /* Alt+Right moves the card itself to the next step. */
  relayout (fixture);
  click_card (fixture, 0, 0);
  {
    TptCard *card = nth_card (fixture, 0)->card;
    int step = tpt_blueprint_get_step_index (fixture->blueprint, tpt_card_get_step (card));

    g_assert_true (app_key (fixture->canvas, GDK_KEY_Right, GDK_ALT_MASK));
    g_assert_cmpint (tpt_blueprint_get_step_index (fixture->blueprint, tpt_card_get_step (card)),
                     ==, step + 1);
    g_assert_cmpuint (history_length (fixture), ==, 3);
  }

  undo_all_and_compare (fixture);
}

static void
test_drag (Fixture       *fixture,
           gconstpointer  data)
{
  const TptLayoutCard *card = nth_card (fixture, 0);
  TptCard *moved = card->card;
  guint lane, step;
  double x, y;
  const TptLayoutLane *target_lane;
  const TptLayoutStep *target_step;

  g_assert_true (find_empty_cell (fixture, &lane, &step));
  target_lane = &g_array_index (fixture->layout->lanes, TptLayoutLane, lane);
  target_step = &g_array_index (fixture->layout->steps, TptLayoutStep, step);
  cell_centre (fixture, lane, step, &x, &y);

  click_card (fixture, 0, 0);
  g_assert_cmpuint (history_length (fixture), ==, 0);
  app_drag (fixture->canvas, card->rect.x + 10, card->rect.y + 10, x, y, 0);

  g_assert_cmpstr (tpt_card_get_lane (moved), ==, tpt_node_get_id (TPT_NODE (target_lane->lane)));
  g_assert_cmpstr (tpt_card_get_step (moved), ==, tpt_node_get_id (TPT_NODE (target_step->step)));
  /* One gesture, one undo step. */
  g_assert_cmpuint (history_length (fixture), ==, 1);
  g_assert_cmpstr (tpt_history_get_undo_label (tpt_document_get_history (fixture->document)), ==,
                   "Move Card");

  /* Dropped outside any cell: nothing happens. */
  relayout (fixture);
  card = nth_card (fixture, 0);
  click_card (fixture, 0, 0);
  app_drag (fixture->canvas, card->rect.x + 10, card->rect.y + 10, -100, -100, 0);
  g_assert_cmpuint (history_length (fixture), ==, 1);

  undo_all_and_compare (fixture);
}

static void
type_into_editor (Fixture    *fixture,
                  const char *text)
{
  GtkWidget *editor = tpt_canvas_get_editor ((TptCanvas *) fixture->canvas);

  g_assert_nonnull (editor);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text, -1);
}

/* Presses a key in the editor, as its own key handler sees it. */
static gboolean
editor_key (Fixture         *fixture,
            guint            keyval,
            GdkModifierType  state)
{
  GtkWidget *editor = tpt_canvas_get_editor ((TptCanvas *) fixture->canvas);
  g_autoptr(GListModel) controllers = NULL;
  gboolean handled = FALSE;

  g_assert_nonnull (editor);
  controllers = gtk_widget_observe_controllers (editor);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          return handled;
        }
    }
  g_assert_not_reached ();
}

static void
test_edit_in_place (Fixture       *fixture,
                    gconstpointer  data)
{
  TptCard *card = nth_card (fixture, 0)->card;
  guint n_cards = g_list_model_get_n_items (tpt_blueprint_get_cards (fixture->blueprint));
  guint lane, step;
  double x, y;

  /* Enter edits the selected card; Escape leaves it as it was. */
  click_card (fixture, 0, 0);
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Return, 0));
  g_assert_true (tpt_canvas_is_editing ((TptCanvas *) fixture->canvas));
  type_into_editor (fixture, "Kept until undone");
  /* Shift+Enter is a new line, not the end of the edit. */
  g_assert_false (editor_key (fixture, GDK_KEY_Return, GDK_SHIFT_MASK));
  g_assert_true (editor_key (fixture, GDK_KEY_Return, 0));
  g_assert_false (tpt_canvas_is_editing ((TptCanvas *) fixture->canvas));
  g_assert_cmpuint (history_length (fixture), ==, 1);
  g_assert_cmpstr (tpt_card_get_text (card), ==, "Kept until undone");
  tpt_history_undo (tpt_document_get_history (fixture->document));

  click_card (fixture, 0, 0);
  g_assert_true (app_key (fixture->canvas, GDK_KEY_F2, 0));
  type_into_editor (fixture, "Cancelled text");
  g_assert_true (editor_key (fixture, GDK_KEY_Escape, 0));
  g_assert_false (tpt_canvas_is_editing ((TptCanvas *) fixture->canvas));
  g_assert_cmpuint (history_length (fixture), ==, 0);
  g_assert_cmpstr (tpt_card_get_text (card), !=, "Cancelled text");

  /* A double click on an empty cell writes a new card: one step. */
  g_assert_true (find_empty_cell (fixture, &lane, &step));
  cell_centre (fixture, lane, step, &x, &y);
  app_click (fixture->canvas, x, y, 1, 0);
  app_click (fixture->canvas, x, y, 2, 0);
  g_assert_true (tpt_canvas_is_editing ((TptCanvas *) fixture->canvas));
  type_into_editor (fixture, "Sends a reminder\nby text");
  /* While the editor is open the canvas leaves keys to it: its Delete
   * deletes nothing. */
  app_key (fixture->canvas, GDK_KEY_Delete, 0);
  g_assert_cmpuint (history_length (fixture), ==, 0);
  g_assert_true (editor_key (fixture, GDK_KEY_KP_Enter, 0));
  g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_cards (fixture->blueprint)), ==,
                    n_cards + 1);
  g_assert_cmpuint (history_length (fixture), ==, 1);
  g_assert_cmpstr (tpt_history_get_undo_label (tpt_document_get_history (fixture->document)), ==,
                   "Add Card");
  g_assert_cmpuint (selection (fixture)->len, ==, 1);
  g_assert_cmpstr (tpt_card_get_text (g_ptr_array_index (selection (fixture), 0)), ==,
                   "Sends a reminder\nby text");

  undo_all_and_compare (fixture);
}

static gboolean
cards_grew (gpointer data)
{
  gpointer *args = data;

  return g_list_model_get_n_items (tpt_blueprint_get_cards (args[0])) > GPOINTER_TO_UINT (args[1]);
}

/* Copy in one window, paste in another: the cards arrive with their text
 * and kind, through the clipboard's fragment. */
static void
test_clipboard (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TptDocument) other = tpt_document_new ();
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (other);
  g_autoptr(TptLane) lane = tpt_lane_new (other);
  g_autoptr(TptStage) stage = tpt_stage_new (other);
  g_autoptr(TptStep) step = tpt_step_new (other);
  TptWindow *second;
  TptBlueprintPage *canvas;
  const TptLayoutCard *first = nth_card (fixture, 0);
  const TptLayoutCard *another = nth_card (fixture, 3);
  gpointer args[2];
  GListModel *cards;
  g_autoptr(TptCard) pasted = NULL;

  tpt_document_begin (other, "Set Up");
  tpt_document_insert_blueprint (other, 0, blueprint);
  tpt_blueprint_insert_lane (blueprint, 0, lane);
  tpt_blueprint_insert_stage (blueprint, 0, stage);
  tpt_blueprint_insert_step (blueprint, stage, 0, step);
  tpt_document_end (other);

  second = tpt_window_new (GTK_APPLICATION (app), other, NULL);
  gtk_window_present (GTK_WINDOW (second));
  tpt_window_select (second, TPT_NODE (blueprint));
  app_iterate ();
  canvas = TPT_BLUEPRINT_PAGE (tpt_pages_get_page (second->pages, TPT_ARTEFACT_BLUEPRINT));

  click_card (fixture, 0, 0);
  click_card (fixture, 3, GDK_SHIFT_MASK);
  gtk_widget_activate_action (GTK_WIDGET (tpt_pages_get_visible_page (fixture->window->pages)), "blueprint.copy", NULL);
  g_assert_cmpuint (history_length (fixture), ==, 0);

  /* Paste into the other document's only cell. */
  g_assert_true (app_key (canvas, GDK_KEY_Right, 0));
  gtk_widget_activate_action (GTK_WIDGET (tpt_pages_get_visible_page (second->pages)), "blueprint.paste", NULL);
  args[0] = blueprint;
  args[1] = GUINT_TO_POINTER (0);
  g_assert_true (app_wait_for (cards_grew, args, 5));
  cards = tpt_blueprint_get_cards (blueprint);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 2);
  pasted = g_list_model_get_item (cards, 0);
  g_assert_cmpstr (tpt_card_get_text (pasted), ==, tpt_card_get_text (first->card));
  g_assert_cmpint (tpt_card_get_kind (pasted), ==, tpt_card_get_kind (first->card));
  g_clear_object (&pasted);
  pasted = g_list_model_get_item (cards, 1);
  g_assert_cmpstr (tpt_card_get_text (pasted), ==, tpt_card_get_text (another->card));
  g_assert_cmpstr (tpt_history_get_undo_label (tpt_document_get_history (other)), ==,
                   "Paste Cards");
  g_assert_cmpuint (tpt_blueprint_page_get_cards (canvas)->len, ==, 2);

  /* Plain text from another program: one card per line. */
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (tpt_pages_get_visible_page (second->pages))),
                          "Checks the form\n\n  Calls back  \n");
  gtk_widget_activate_action (GTK_WIDGET (tpt_pages_get_visible_page (second->pages)), "blueprint.paste", NULL);
  args[1] = GUINT_TO_POINTER (2);
  g_assert_true (app_wait_for (cards_grew, args, 5));
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 4);
  g_clear_object (&pasted);
  pasted = g_list_model_get_item (cards, 3);
  g_assert_cmpstr (tpt_card_get_text (pasted), ==, "Calls back");

  /* Cut takes the cards away in one step, and undo brings them back. */
  app_iterate ();
  gtk_widget_activate_action (GTK_WIDGET (tpt_pages_get_visible_page (second->pages)), "blueprint.cut", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 2);
  g_assert_cmpstr (tpt_history_get_undo_label (tpt_document_get_history (other)), ==,
                   "Cut Cards");
  tpt_history_undo (tpt_document_get_history (other));
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 4);

  tpt_history_mark_saved (tpt_document_get_history (other));
  gtk_window_destroy (GTK_WINDOW (second));
  app_iterate ();
}

/* Random canvas gestures, then undo all: the original bytes. */
static void
test_random_then_undo (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  static const guint keys[] = { GDK_KEY_Tab, GDK_KEY_Right, GDK_KEY_Down, GDK_KEY_Up,
                                GDK_KEY_Left, GDK_KEY_1, GDK_KEY_3, GDK_KEY_8, GDK_KEY_Delete };

  guint laid_out_at = G_MAXUINT;

  for (guint i = 0; i < 60; i++)
    {
      guint what = g_rand_int_range (rand, 0, 4);

      /* Lay out again only after an edit: selecting changes nothing. */
      if (history_length (fixture) != laid_out_at)
        {
          relayout (fixture);
          laid_out_at = history_length (fixture);
        }
      if (fixture->layout->cards->len == 0)
        break;
      if (what == 0)
        {
          guint key = keys[g_rand_int_range (rand, 0, G_N_ELEMENTS (keys))];

          app_key (fixture->canvas, key, 0);
        }
      else if (what == 1)
        app_key (fixture->canvas,
                                  g_rand_boolean (rand) ? GDK_KEY_Right : GDK_KEY_Down,
                                  GDK_ALT_MASK);
      else if (what == 2)
        click_card (fixture, g_rand_int_range (rand, 0, fixture->layout->cards->len),
                    g_rand_boolean (rand) ? GDK_SHIFT_MASK : 0);
      else
        {
          const TptLayoutCard *card = nth_card (fixture, g_rand_int_range (rand, 0, fixture->layout->cards->len));
          const TptLayoutCard *onto = nth_card (fixture, g_rand_int_range (rand, 0, fixture->layout->cards->len));
          guint before = history_length (fixture);

          click_card (fixture, card - nth_card (fixture, 0), 0);
          app_drag (fixture->canvas, card->rect.x + 5, card->rect.y + 5, onto->rect.x + 5, onto->rect.y + 2, 0);
          g_assert_cmpuint (history_length (fixture), <=, before + 1);
        }
    }

  g_assert_cmpuint (history_length (fixture), >, 3);
  undo_all_and_compare (fixture);
}

static void
activate (Fixture    *fixture,
          const char *action,
          const char *target)
{
  gtk_widget_activate_action (GTK_WIDGET (tpt_pages_get_visible_page (fixture->window->pages)), action,
                              target != NULL ? "s" : NULL, target);
  relayout (fixture);
}

/* Types a name into the editor that a new lane, step or stage opens. */
static void
name_new_header (Fixture    *fixture,
                 const char *name)
{
  g_assert_true (tpt_canvas_is_editing ((TptCanvas *) fixture->canvas));
  type_into_editor (fixture, name);
  g_assert_true (editor_key (fixture, GDK_KEY_Return, 0));
  relayout (fixture);
}

/* A blueprint built from nothing with the keyboard and the canvas's
 * actions alone: stages, steps, lanes with their kinds, cards, a flow. */
static void
test_build_from_empty (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(TptBlueprint) empty = tpt_blueprint_new (fixture->document);
  TptHistory *history = tpt_document_get_history (fixture->document);
  GListModel *lanes, *cards;
  g_autoptr(TptLane) lane = NULL;
  g_autoptr(TptCard) first = NULL;
  g_autoptr(TptCard) second = NULL;
  guint blueprints = g_list_model_get_n_items (tpt_document_get_blueprints (fixture->document));

  tpt_blueprint_set_title (empty, "Built on the canvas");
  tpt_document_begin (fixture->document, "Add Blueprint");
  tpt_document_insert_blueprint (fixture->document, blueprints, empty);
  tpt_document_end (fixture->document);
  g_set_object (&fixture->blueprint, empty);
  tpt_window_select (fixture->window, TPT_NODE (empty));
  relayout (fixture);
  g_assert_cmpuint (fixture->layout->lanes->len, ==, 0);

  /* A step brings its stage; both are named in place. */
  activate (fixture, "blueprint.add-step", "after");
  name_new_header (fixture, "Reports the accident");
  g_assert_cmpuint (fixture->layout->steps->len, ==, 1);
  g_assert_cmpuint (fixture->layout->stages->len, ==, 1);
  g_assert_cmpstr (tpt_step_get_title (g_array_index (fixture->layout->steps, TptLayoutStep, 0).step),
                   ==, "Reports the accident");
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Rename Step");

  /* Insert on a selected step header adds the next one after it. */
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Insert, 0));
  relayout (fixture);
  name_new_header (fixture, "Claim is assessed");
  g_assert_cmpuint (fixture->layout->steps->len, ==, 2);
  g_assert_cmpstr (tpt_step_get_title (g_array_index (fixture->layout->steps, TptLayoutStep, 1).step),
                   ==, "Claim is assessed");

  activate (fixture, "blueprint.add-lane", "after");
  name_new_header (fixture, "Driver");
  activate (fixture, "blueprint.set-lane-kind", "customer");
  activate (fixture, "blueprint.add-lane", "after");
  name_new_header (fixture, "Claims handler");
  activate (fixture, "blueprint.set-lane-kind", "frontstage");
  activate (fixture, "blueprint.set-office", "front");
  lanes = tpt_blueprint_get_lanes (empty);
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 2);
  lane = g_list_model_get_item (lanes, 1);
  g_assert_cmpstr (tpt_lane_get_title (lane), ==, "Claims handler");
  g_assert_cmpint (tpt_lane_get_kind (lane), ==, TPT_LANE_KIND_FRONTSTAGE);
  g_assert_cmpint (tpt_lane_get_office (lane), ==, TPT_OFFICE_FRONT);

  /* Alt+Up moves the selected lane above the other. */
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Up, GDK_ALT_MASK));
  relayout (fixture);
  g_clear_object (&lane);
  lane = g_list_model_get_item (lanes, 0);
  g_assert_cmpstr (tpt_lane_get_title (lane), ==, "Claims handler");
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Move Lane");
  tpt_history_undo (history);
  relayout (fixture);

  /* Right from the lane header goes into the grid; Enter writes a card. */
  tpt_window_select (fixture->window, TPT_NODE (g_array_index (fixture->layout->lanes,
                                                                              TptLayoutLane, 0).lane));
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Right, 0));
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Return, 0));
  type_into_editor (fixture, "Calls the claims line");
  g_assert_true (editor_key (fixture, GDK_KEY_Return, 0));
  relayout (fixture);
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Down, 0));
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Return, 0));
  type_into_editor (fixture, "Takes the first notice of loss");
  g_assert_true (editor_key (fixture, GDK_KEY_Return, 0));
  relayout (fixture);
  cards = tpt_blueprint_get_cards (empty);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 2);

  /* A flow drawn from the first card's handle to the second. */
  first = g_object_ref (nth_card (fixture, 0)->card);
  second = g_object_ref (nth_card (fixture, 1)->card);
  click_card (fixture, 0, 0);
  {
    const TptLayoutCard *from = nth_card (fixture, 0);
    const TptLayoutCard *to = nth_card (fixture, 1);
    double hx = tpt_rect_right (&from->rect), hy = from->rect.y + from->rect.height / 2;

    app_drag (fixture->canvas, hx, hy, to->rect.x + 10, to->rect.y + 10, 0);
  }
  g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_flows (empty)), ==, 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Add Flow");
  {
    g_autoptr(TptFlow) flow = g_list_model_get_item (tpt_blueprint_get_flows (empty), 0);

    g_assert_cmpstr (tpt_flow_get_from (flow), ==, tpt_node_get_id (TPT_NODE (first)));
    g_assert_cmpstr (tpt_flow_get_to (flow), ==, tpt_node_get_id (TPT_NODE (second)));
    relayout (fixture);
    tpt_window_select (fixture->window, TPT_NODE (flow));
    g_assert_true (tpt_selection_get_primary (tpt_window_get_selection (fixture->window)) == TPT_NODE (flow));
    g_assert_true (app_key (fixture->canvas, GDK_KEY_a, 0));
    g_assert_cmpint (tpt_flow_get_arrow (flow), ==, TPT_ARROW_DOUBLE);
    g_assert_true (app_key (fixture->canvas, GDK_KEY_Delete, 0));
    g_assert_false (tpt_node_is_attached (TPT_NODE (flow)));
  }

  /* Deleting a lane by its header takes its cards, in one step. */
  relayout (fixture);
  tpt_window_select (fixture->window, TPT_NODE (g_array_index (fixture->layout->lanes,
                                                                              TptLayoutLane, 0).lane));
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Delete, 0));
  g_assert_cmpuint (g_list_model_get_n_items (lanes), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (cards), ==, 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Delete Lane");

  undo_all_and_compare (fixture);
}

/* Emotion points set by keys and by dragging on the curve; a card's span
 * stretched by its right edge. */
static void
test_emotion_and_span (Fixture       *fixture,
                       gconstpointer  data)
{
  TptHistory *history = tpt_document_get_history (fixture->document);
  const TptLayoutEmotion *emotion;
  const TptLayoutCard *card = NULL;
  const TptLayoutStep *step;
  g_autoptr(TptLane) lane = NULL;
  g_autoptr(TptStep) first_step = NULL;
  const char *lane_id, *step_id;
  double x, y, zero_y;
  int value;

  g_assert_cmpuint (fixture->layout->emotions->len, >, 0);
  emotion = &g_array_index (fixture->layout->emotions, TptLayoutEmotion, 0);
  lane = g_object_ref (g_array_index (fixture->layout->lanes, TptLayoutLane, emotion->lane).lane);
  step = &g_array_index (fixture->layout->steps, TptLayoutStep, 0);
  first_step = g_object_ref (step->step);
  lane_id = tpt_node_get_id (TPT_NODE (lane));
  step_id = tpt_node_get_id (TPT_NODE (first_step));
  zero_y = emotion->zero_y;

  /* Dragging on the curve sets the point where it is let go: +2 at the
   * top of the plot. */
  x = step->column.x + step->column.width / 2;
  app_drag (fixture->canvas, x, emotion->zero_y, x, emotion->plot.y + 1, 0);
  g_assert_true (tpt_blueprint_get_emotion (fixture->blueprint, lane_id, step_id, &value));
  g_assert_cmpint (value, ==, 2);
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Set Emotion");

  /* Keys on the cell: down one, then cleared. */
  relayout (fixture);
  app_click (fixture->canvas, x, zero_y, 1, 0);
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Down, GDK_ALT_MASK));
  g_assert_true (tpt_blueprint_get_emotion (fixture->blueprint, lane_id, step_id, &value));
  g_assert_cmpint (value, ==, 1);
  g_assert_true (app_key (fixture->canvas, GDK_KEY_Delete, 0));
  g_assert_false (tpt_blueprint_get_emotion (fixture->blueprint, lane_id, step_id, &value));
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Clear Emotion");

  /* A card one step wide, with room to its right, stretched over two by
   * its edge, at a zoom where the edge is apart from the flow handle. */
  tpt_canvas_set_zoom (TPT_CANVAS (fixture->canvas), 1.0);
  relayout (fixture);
  for (guint i = 0; i < fixture->layout->cards->len && card == NULL; i++)
    if (nth_card (fixture, i)->span == 1 && nth_card (fixture, i)->step + 1 < fixture->layout->steps->len)
      card = nth_card (fixture, i);
  g_assert_nonnull (card);
  {
    const TptLayoutStep *next = &g_array_index (fixture->layout->steps, TptLayoutStep, card->step + 1);
    double edge = tpt_rect_right (&card->rect);

    y = card->rect.y + 3;
    app_drag (fixture->canvas, edge, y, next->column.x + next->column.width / 2, y, 0);
    g_assert_cmpint (tpt_card_get_span (card->card), ==, 2);
    g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Change Card Span");
  }

  undo_all_and_compare (fixture);
}

/* Steps and lanes dragged by their headers: one step each. */
static void
test_drag_headers (Fixture       *fixture,
                   gconstpointer  data)
{
  TptHistory *history = tpt_document_get_history (fixture->document);
  const TptLayoutStep *first = &g_array_index (fixture->layout->steps, TptLayoutStep, 0);
  const TptLayoutStep *third = &g_array_index (fixture->layout->steps, TptLayoutStep, 2);
  const TptLayoutLane *lane = &g_array_index (fixture->layout->lanes, TptLayoutLane, 1);
  const TptLayoutLane *below = &g_array_index (fixture->layout->lanes, TptLayoutLane, 3);
  TptStep *moved_step = first->step;
  TptLane *moved_lane = lane->lane;
  g_autoptr(GPtrArray) steps = NULL;

  app_drag (fixture->canvas, first->header.x + 5, first->header.y + 5, third->column.x + 5, first->header.y + 5, 0);
  steps = tpt_blueprint_list_steps (fixture->blueprint);
  g_assert_true (g_ptr_array_index (steps, 2) == moved_step);
  g_assert_cmpuint (history_length (fixture), ==, 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Move Step");

  relayout (fixture);
  lane = &g_array_index (fixture->layout->lanes, TptLayoutLane, 1);
  below = &g_array_index (fixture->layout->lanes, TptLayoutLane, 3);
  app_drag (fixture->canvas, lane->header.x + 5, lane->header.y + 5, lane->header.x + 5, below->rect.y + 5, 0);
  {
    g_autoptr(TptLane) third_lane = g_list_model_get_item (tpt_blueprint_get_lanes (fixture->blueprint), 3);

    g_assert_true (third_lane == moved_lane);
  }
  g_assert_cmpuint (history_length (fixture), ==, 2);

  undo_all_and_compare (fixture);
}

/* Collapsing a stage is the view's: the drawing narrows, the document
 * does not change, and choosing a step inside it opens it again. */
static void
test_collapse_stage (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(TptStage) stage = g_list_model_get_item (tpt_blueprint_get_stages (fixture->blueprint), 1);
  g_autoptr(TptStep) step = g_list_model_get_item (tpt_stage_get_steps (stage), 0);
  TptPages *view = fixture->window->pages;
  double wide, narrow;

  app_iterate ();
  tpt_canvas_get_content_size (tpt_pages_get_visible_page (view), &wide, NULL);
  tpt_window_select (fixture->window, TPT_NODE (stage));
  g_assert_true (app_key (fixture->canvas, GDK_KEY_minus, 0));
  app_iterate ();
  g_assert_true (tpt_blueprint_page_get_stage_collapsed (fixture->canvas, stage));
  tpt_canvas_get_content_size (tpt_pages_get_visible_page (view), &narrow, NULL);
  g_assert_cmpfloat (narrow, <, wide);
  g_assert_cmpuint (history_length (fixture), ==, 0);

  /* No card can go into the collapsed column. */
  g_assert_true (tpt_selection_get_primary (tpt_window_get_selection (fixture->window)) == TPT_NODE (stage));

  tpt_window_select (fixture->window, TPT_NODE (step));
  app_iterate ();
  g_assert_false (tpt_blueprint_page_get_stage_collapsed (fixture->canvas, stage));
  tpt_canvas_get_content_size (tpt_pages_get_visible_page (view), &narrow, NULL);
  g_assert_cmpfloat (narrow, ==, wide);
  g_assert_true (tpt_selection_get_primary (tpt_window_get_selection (fixture->window)) == TPT_NODE (step));
}

/* A card named in the needs matrix's coverage column, or in the coverage
 * report, is a link: following it shows the card selected on its
 * blueprint. */
static void
test_matrix_link (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GArray) links = tpt_link_array_new ();
  TptPages *view = fixture->window->pages;
  const TptLink *link = NULL;
  TptBlueprint *shown = NULL;

  tpt_outline_select_group (fixture->window->outline, TPT_OUTLINE_GROUP_NEEDS);
  app_iterate ();
  g_assert_cmpint (tpt_pages_get_visible_kind (view), ==, TPT_ARTEFACT_NEEDS_MATRIX);

  tpt_matrix_collect_links (fixture->context, fixture->document, links, NULL);
  for (guint i = 0; i < links->len && link == NULL; i++)
    if (TPT_IS_CARD (g_array_index (links, TptLink, i).node))
      link = &g_array_index (links, TptLink, i);
  g_assert_nonnull (link);

  app_click (tpt_pages_get_visible_page (view), link->rect.x + 5, link->rect.y + 3, 1, 0);
  app_iterate ();
  g_assert_cmpint (tpt_pages_get_visible_kind (view), ==, TPT_ARTEFACT_BLUEPRINT);
  tpt_artefact_kind_for_node (link->node, &shown);
  g_assert_true (tpt_pages_get_blueprint (view) == shown);
  g_assert_true (tpt_selection_get_primary (tpt_window_get_selection (fixture->window)) == link->node);
  g_assert_true (tpt_outline_get_selected (fixture->window->outline) == link->node);
  /* Nothing but the view changed. */
  g_assert_cmpuint (history_length (fixture), ==, 0);

  /* The coverage report links the needs no card serves. */
  g_array_set_size (links, 0);
  tpt_outline_select_group (fixture->window->outline, TPT_OUTLINE_GROUP_COVERAGE);
  app_iterate ();
  g_assert_cmpint (tpt_pages_get_visible_kind (view), ==, TPT_ARTEFACT_COVERAGE);
  tpt_coverage_report_collect_links (fixture->context, fixture->document, links);
  link = NULL;
  for (guint i = 0; i < links->len && link == NULL; i++)
    if (TPT_IS_NEED (g_array_index (links, TptLink, i).node))
      link = &g_array_index (links, TptLink, i);
  g_assert_nonnull (link);
  app_click (tpt_pages_get_visible_page (view), link->rect.x + 5, link->rect.y + 3, 1, 0);
  app_iterate ();
  g_assert_true (tpt_outline_get_selected (fixture->window->outline) == link->node);
  g_assert_cmpint (tpt_pages_get_visible_kind (view), ==, TPT_ARTEFACT_NEEDS_MATRIX);
  /* A click off the report is no link. */
  app_click (tpt_pages_get_visible_page (view), -50, -50, 1, 0);
  g_assert_cmpint (tpt_pages_get_visible_kind (view), ==, TPT_ARTEFACT_NEEDS_MATRIX);
}

/* Rating on the matrix like a spreadsheet: arrows, digits, Tab to the
 * satisfaction, "1" "0" for ten, Delete; each key one undo step. */
static void
test_matrix_keys (Fixture       *fixture,
                  gconstpointer  data)
{
  TptPages *view = fixture->window->pages;
  TptMatrixPage *matrix = TPT_MATRIX_PAGE (tpt_pages_get_page (view, TPT_ARTEFACT_NEEDS_MATRIX));
  TptHistory *history = tpt_document_get_history (fixture->document);
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (TptMatrixCell));
  g_autoptr(TptNeed) need = g_list_model_get_item (tpt_document_get_needs (fixture->document), 1);
  g_autoptr(TptPersona) persona = g_list_model_get_item (tpt_document_get_personas (fixture->document), 1);
  const TptMatrixCell *cell = NULL;
  TptRating *rating;
  TptMatrixField field;
  guint n, p;

  tpt_outline_select_group (fixture->window->outline, TPT_OUTLINE_GROUP_NEEDS);
  app_iterate ();

  /* The first key shows the cursor; then Down and Right reach (1, 1). */
  g_assert_true (app_key (matrix, GDK_KEY_Down, 0));
  g_assert_true (tpt_matrix_page_get_cursor (matrix, &n, &p, &field));
  g_assert_cmpuint (n, ==, 0);
  g_assert_true (app_key (matrix, GDK_KEY_Down, 0));
  g_assert_true (app_key (matrix, GDK_KEY_Right, 0));
  g_assert_true (tpt_matrix_page_get_cursor (matrix, &n, &p, &field));
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (p, ==, 1);
  g_assert_cmpint (field, ==, TPT_MATRIX_FIELD_IMPORTANCE);

  g_assert_true (app_key (matrix, GDK_KEY_4, 0));
  rating = tpt_document_get_rating (fixture->document, persona, need);
  g_assert_nonnull (rating);
  g_assert_cmpint (tpt_rating_get_importance (rating), ==, 4);
  g_assert_cmpuint (history_length (fixture), ==, 1);

  g_assert_true (app_key (matrix, GDK_KEY_Tab, 0));
  g_assert_true (app_key (matrix, GDK_KEY_1, 0));
  g_assert_true (app_key (matrix, GDK_KEY_0, 0));
  rating = tpt_document_get_rating (fixture->document, persona, need);
  g_assert_cmpint (tpt_rating_get_satisfaction (rating), ==, 10);
  g_assert_cmpint (tpt_rating_get_importance (rating), ==, 4);
  g_assert_true (app_key (matrix, GDK_KEY_minus, 0));
  g_assert_cmpint (tpt_rating_get_satisfaction (tpt_document_get_rating (fixture->document, persona, need)),
                   ==, 9);
  g_assert_true (app_key (matrix, GDK_KEY_Delete, 0));
  rating = tpt_document_get_rating (fixture->document, persona, need);
  g_assert_true (rating == NULL || tpt_rating_get_satisfaction (rating) == -1);
  g_assert_cmpstr (tpt_history_get_undo_label (history), !=, NULL);

  /* A click on a cell's lower half takes the cursor to its satisfaction. */
  app_iterate ();
  tpt_matrix_collect_links (fixture->context, fixture->document, NULL, cells);
  for (guint i = 0; i < cells->len && cell == NULL; i++)
    if (g_array_index (cells, TptMatrixCell, i).need == 2 &&
        g_array_index (cells, TptMatrixCell, i).persona == 0 &&
        g_array_index (cells, TptMatrixCell, i).kind == TPT_MATRIX_CELL_RATING)
      cell = &g_array_index (cells, TptMatrixCell, i);
  if (cell == NULL)
    g_error ("no cell for need 2 and persona 0");
  app_click (matrix, cell->rect.x + 4,
                                          cell->rect.y + cell->rect.height - 4, 1, 0);
  g_assert_true (tpt_matrix_page_get_cursor (matrix, &n, &p, &field));
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (p, ==, 0);
  g_assert_cmpint (field, ==, TPT_MATRIX_FIELD_SATISFACTION);

  undo_all_and_compare (fixture);
}

/* A need or persona dragged from the outline onto a card links them. */
static void
test_link_drop (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(TptNeed) need = g_list_model_get_item (tpt_document_get_needs (fixture->document), 0);
  g_autoptr(TptPersona) persona =
    g_list_model_get_item (tpt_document_get_personas (fixture->document), 0);
  const TptLayoutCard *placed = NULL;
  const char *need_id = tpt_node_get_id (TPT_NODE (need));
  guint before = history_length (fixture);
  double x, y;

  /* A card that does not serve the need yet. */
  for (guint i = 0; i < fixture->layout->cards->len && placed == NULL; i++)
    {
      const TptLayoutCard *candidate = nth_card (fixture, i);
      const char * const *serves = tpt_card_get_serves (candidate->card);

      if (serves == NULL || !g_strv_contains (serves, need_id))
        placed = candidate;
    }
  g_assert_nonnull (placed);
  x = placed->rect.x + placed->rect.width / 2;
  y = placed->rect.y + placed->rect.height / 2;

  g_assert_true (tpt_blueprint_page_link_at (fixture->canvas, TPT_NODE (need), x, y));
  g_assert_true (g_strv_contains (tpt_card_get_serves (placed->card), need_id));
  g_assert_cmpuint (history_length (fixture), ==, before + 1);
  g_assert_cmpstr (tpt_history_get_undo_label (tpt_document_get_history (fixture->document)), ==,
                   "Link Need");
  g_assert_true (tpt_selection_get_primary (tpt_window_get_selection (fixture->window)) == TPT_NODE (placed->card));

  /* Dropped again, nothing changes. */
  g_assert_true (tpt_blueprint_page_link_at (fixture->canvas, TPT_NODE (need), x, y));
  g_assert_cmpuint (history_length (fixture), ==, before + 1);

  g_assert_true (tpt_blueprint_page_link_at (fixture->canvas, TPT_NODE (persona), x, y));
  g_assert_true (g_strv_contains (tpt_card_get_concerns (placed->card),
                                  tpt_node_get_id (TPT_NODE (persona))));

  /* Off the cards, the drop is refused. */
  g_assert_false (tpt_blueprint_page_link_at (fixture->canvas, TPT_NODE (need), -100, -100));

  while (tpt_history_undo (tpt_document_get_history (fixture->document)))
    ;
  {
    g_autofree char *bytes = app_document_bytes (fixture->document);

    g_assert_cmpstr (bytes, ==, fixture->original);
  }
}

int
main (int   argc,
      char *argv[])
{
  app = app_test_init (&argc, &argv);

  g_test_add ("/tpt/app/canvas/select", Fixture, NULL, fixture_setup, test_select,
              fixture_teardown);
  g_test_add ("/tpt/app/canvas/keys", Fixture, NULL, fixture_setup, test_keys,
              fixture_teardown);
  g_test_add ("/tpt/app/canvas/drag", Fixture, NULL, fixture_setup, test_drag,
              fixture_teardown);
  g_test_add ("/tpt/app/canvas/edit-in-place", Fixture, NULL, fixture_setup,
              test_edit_in_place, fixture_teardown);
  g_test_add ("/tpt/app/canvas/clipboard", Fixture, NULL, fixture_setup, test_clipboard,
              fixture_teardown);
  g_test_add ("/tpt/app/canvas/build-from-empty", Fixture, NULL, fixture_setup,
              test_build_from_empty, fixture_teardown);
  g_test_add ("/tpt/app/canvas/emotion-and-span", Fixture, NULL, fixture_setup,
              test_emotion_and_span, fixture_teardown);
  g_test_add ("/tpt/app/canvas/drag-headers", Fixture, NULL, fixture_setup,
              test_drag_headers, fixture_teardown);
  g_test_add ("/tpt/app/canvas/collapse-stage", Fixture, NULL, fixture_setup,
              test_collapse_stage, fixture_teardown);
  g_test_add ("/tpt/app/canvas/matrix-link", Fixture, NULL, fixture_setup, test_matrix_link,
              fixture_teardown);
  g_test_add ("/tpt/app/canvas/matrix-keys", Fixture, NULL, fixture_setup, test_matrix_keys,
              fixture_teardown);
  g_test_add ("/tpt/app/canvas/link-drop", Fixture, NULL, fixture_setup, test_link_drop,
              fixture_teardown);
  g_test_add ("/tpt/app/canvas/random-then-undo", Fixture, NULL, fixture_setup,
              test_random_then_undo, fixture_teardown);

  return g_test_run ();
}
