/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tpt-blueprint-canvas-private.h"

#include "tpt-notation.h"


/* The editing half of the artefact view when it shows a blueprint: the
 * view scrolls, zooms and draws through src/render; this object turns
 * clicks, drags and keys into selections and into edits of the document,
 * each user gesture one labelled undo step. It works on the view's layout,
 * so what can be hit is exactly what was drawn. Every gesture is also a
 * public function taking layout coordinates, which is how tests drive it. */

/* How far the pointer moves, in widget pixels, before a press becomes a
 * drag. */
#define DRAG_THRESHOLD 4.0

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TptBlueprintCanvas, tpt_blueprint_canvas, G_TYPE_OBJECT)


/* ------------------------------------------------------------------ */
/* Geometry                                                            */

const TptLayoutCard *
tpt_canvas_layout_card (TptBlueprintCanvas *self,
             TptCard            *card)
{
  guint index;

  if (self->layout == NULL || card == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->card_index, card));
  return index > 0 ? &g_array_index (self->layout->cards, TptLayoutCard, index - 1) : NULL;
}

guint
tpt_canvas_n_lanes (TptBlueprintCanvas *self)
{
  return self->layout != NULL ? self->layout->lanes->len : 0;
}

guint
tpt_canvas_n_steps (TptBlueprintCanvas *self)
{
  return self->layout != NULL ? self->layout->steps->len : 0;
}

static const TptLayoutLane *
lane_at (TptBlueprintCanvas *self,
         guint               lane)
{
  return &g_array_index (self->layout->lanes, TptLayoutLane, lane);
}

static const TptLayoutStep *
step_at (TptBlueprintCanvas *self,
         guint               step)
{
  return &g_array_index (self->layout->steps, TptLayoutStep, step);
}

/* Emotion lanes hold a curve, not cards. */
gboolean
tpt_canvas_lane_takes_cards (TptBlueprintCanvas *self,
                  guint               lane)
{
  return lane < tpt_canvas_n_lanes (self) && lane_at (self, lane)->kind != TPT_LANE_KIND_EMOTION;
}

/* A cell takes cards if its lane does and its column is a step, not a
 * collapsed stage. */
gboolean
tpt_canvas_cell_takes_cards (TptBlueprintCanvas *self,
                             guint               lane,
                             guint               step)
{
  return tpt_canvas_lane_takes_cards (self, lane) && step < tpt_canvas_n_steps (self) &&
         step_at (self, step)->step != NULL;
}

/* What a column's header selects: its step, or its collapsed stage. */
TptNode *
tpt_canvas_column_node (TptBlueprintCanvas *self,
                        guint               column)
{
  const TptLayoutStep *step = step_at (self, column);

  return step->step != NULL ? TPT_NODE (step->step) : TPT_NODE (step->collapsed);
}

TptRect
tpt_canvas_cell_rect (TptBlueprintCanvas *self,
           guint               lane,
           guint               step)
{
  const TptLayoutLane *l = lane_at (self, lane);
  const TptLayoutStep *s = step_at (self, step);

  return (TptRect) { s->column.x, l->rect.y, s->column.width, l->rect.height };
}

static gboolean
cell_at (TptBlueprintCanvas *self,
         double              x,
         double              y,
         guint              *lane,
         guint              *step)
{
  gboolean found_lane = FALSE, found_step = FALSE;

  if (self->layout == NULL)
    return FALSE;

  for (guint i = 0; i < tpt_canvas_n_lanes (self) && !found_lane; i++)
    {
      const TptRect *r = &lane_at (self, i)->rect;

      if (y >= r->y && y < r->y + r->height)
        {
          *lane = i;
          found_lane = TRUE;
        }
    }
  for (guint i = 0; i < tpt_canvas_n_steps (self) && !found_step; i++)
    {
      const TptRect *r = &step_at (self, i)->column;

      if (x >= r->x && x < r->x + r->width)
        {
          *step = i;
          found_step = TRUE;
        }
    }

  return found_lane && found_step;
}

/* The cards that start in a cell, top to bottom, leaving out @skip's. */
GPtrArray *
tpt_canvas_cards_in_cell (TptBlueprintCanvas *self,
               guint               lane,
               guint               step,
               GPtrArray          *skip)
{
  GPtrArray *cards = g_ptr_array_new ();

  for (guint i = 0; self->layout != NULL && i < self->layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (self->layout->cards, TptLayoutCard, i);

      if (card->lane == lane && card->step == step &&
          (skip == NULL || !g_ptr_array_find (skip, card->card, NULL)))
        g_ptr_array_add (cards, (gpointer) card);
    }

  return cards;
}

/* A card that covers the cell, whether it starts there or spans into it. */
static const TptLayoutCard *
card_covering (TptBlueprintCanvas *self,
               guint               lane,
               guint               step)
{
  for (guint i = 0; self->layout != NULL && i < self->layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (self->layout->cards, TptLayoutCard, i);

      if (card->lane == lane && step >= card->step && step < card->step + card->span)
        return card;
    }

  return NULL;
}

TptLane *
tpt_canvas_lane_object (TptBlueprintCanvas *self,
             guint               lane)
{
  return lane_at (self, lane)->lane;
}

TptStep *
tpt_canvas_step_object (TptBlueprintCanvas *self,
             guint               step)
{
  return step_at (self, step)->step;
}

/* ------------------------------------------------------------------ */
/* Selection                                                           */

/* What a screen reader says the canvas holds: the selection in words,
 * since the drawing itself is one image to it. */
static void
describe_selection (TptBlueprintCanvas *self)
{
  const TptLayoutCard *placed = tpt_canvas_layout_card (self, tpt_canvas_primary_card (self));
  g_autofree char *description = NULL;

  if (self->view == NULL)
    return;

  if (placed != NULL && self->selection->len > 1)
    /* Translators: the first %u is how many cards are selected. */
    description = g_strdup_printf (ngettext ("%u card selected", "%u cards selected",
                                             self->selection->len),
                                   self->selection->len);
  else if (placed != NULL)
    /* Translators: a card's kind, its text, its lane and its step. */
    description = g_strdup_printf (_("%s: %s. Lane %s, step %s"),
                                   tpt_notation_card_kind (placed->kind),
                                   tpt_card_get_text (placed->card),
                                   tpt_lane_get_title (tpt_canvas_lane_object (self, placed->lane)),
                                   tpt_step_get_title (tpt_canvas_step_object (self, placed->step)));
  else if (TPT_IS_LANE (self->header))
    description = g_strdup_printf (_("Lane %s"), tpt_lane_get_title (TPT_LANE (self->header)));
  else if (TPT_IS_STEP (self->header))
    description = g_strdup_printf (_("Step %s"), tpt_step_get_title (TPT_STEP (self->header)));
  else if (TPT_IS_STAGE (self->header))
    description = g_strdup_printf (_("Stage %s"), tpt_stage_get_title (TPT_STAGE (self->header)));
  else if (self->flow != NULL)
    description = g_strdup (_("A flow between two cards"));
  else
    description = g_strdup (_("Nothing selected"));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

void
tpt_canvas_selection_changed (TptBlueprintCanvas *self)
{
  describe_selection (self);
  tpt_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  if (!self->following)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
set_cursor_to_card (TptBlueprintCanvas *self,
                    TptCard            *card)
{
  const TptLayoutCard *placed = tpt_canvas_layout_card (self, card);

  if (placed == NULL)
    return;
  self->has_cursor = TRUE;
  self->cursor_lane = placed->lane;
  self->cursor_step = placed->step;
  tpt_artefact_view_scroll_to (self->view, &placed->rect);
}

/* Replaces the selection; the last card becomes the cursor's. */
void
tpt_canvas_select_only (TptBlueprintCanvas *self,
             TptCard * const    *cards,
             guint               n_cards)
{
  gboolean same = n_cards == self->selection->len && self->header == NULL && self->flow == NULL;

  for (guint i = 0; same && i < n_cards; i++)
    same = g_ptr_array_index (self->selection, i) == cards[i];
  if (n_cards > 0)
    set_cursor_to_card (self, cards[n_cards - 1]);
  if (same)
    {
      gtk_widget_queue_draw (GTK_WIDGET (self->view));
      return;
    }

  tpt_canvas_clear_selection (self);
  for (guint i = 0; i < n_cards; i++)
    g_ptr_array_add (self->selection, g_object_ref (cards[i]));
  tpt_canvas_selection_changed (self);
}

void
tpt_canvas_select_card (TptBlueprintCanvas *self,
             TptCard            *card)
{
  if (card != NULL)
    tpt_canvas_select_only (self, &card, 1);
  else
    tpt_canvas_select_only (self, NULL, 0);
}

static void
toggle_card (TptBlueprintCanvas *self,
             TptCard            *card)
{
  guint index;

  g_clear_object (&self->header);
  g_clear_object (&self->flow);
  if (g_ptr_array_find (self->selection, card, &index))
    g_ptr_array_remove_index (self->selection, index);
  else
    {
      g_ptr_array_add (self->selection, g_object_ref (card));
      set_cursor_to_card (self, card);
    }
  tpt_canvas_selection_changed (self);
}

static void
add_card_to_selection (TptBlueprintCanvas *self,
                       TptCard            *card)
{
  if (!g_ptr_array_find (self->selection, card, NULL) || self->header != NULL || self->flow != NULL)
    {
      g_clear_object (&self->header);
      g_clear_object (&self->flow);
      if (!g_ptr_array_find (self->selection, card, NULL))
        g_ptr_array_add (self->selection, g_object_ref (card));
      tpt_canvas_selection_changed (self);
    }
  set_cursor_to_card (self, card);
}

/* The selected cards in reading order: lane by lane, left to right. */
GPtrArray *
tpt_canvas_selection_in_order (TptBlueprintCanvas *self)
{
  GPtrArray *cards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->layout != NULL && i < self->layout->cards->len; i++)
    {
      TptCard *card = g_array_index (self->layout->cards, TptLayoutCard, i).card;

      if (g_ptr_array_find (self->selection, card, NULL))
        g_ptr_array_add (cards, g_object_ref (card));
    }

  return cards;
}

TptCard *
tpt_canvas_primary_card (TptBlueprintCanvas *self)
{
  return self->selection->len > 0
         ? g_ptr_array_index (self->selection, self->selection->len - 1)
         : NULL;
}

/* ------------------------------------------------------------------ */
/* Keyboard navigation                                                 */

/* Where the keyboard lands: the card becomes the selection, or joins it
 * while Shift is held; an empty cell keeps a selection being extended. */
static void
choose_card (TptBlueprintCanvas *self,
             TptCard            *card)
{
  if (!self->extending)
    tpt_canvas_select_card (self, card);
  else if (card != NULL)
    add_card_to_selection (self, card);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
move_cursor_to_cell (TptBlueprintCanvas *self,
                     guint               lane,
                     guint               step,
                     gboolean            from_below)
{
  g_autoptr(GPtrArray) here = tpt_canvas_cards_in_cell (self, lane, step, NULL);
  const TptLayoutCard *target = NULL;

  if (here->len > 0)
    target = g_ptr_array_index (here, from_below ? here->len - 1 : 0);
  else
    target = card_covering (self, lane, step);

  self->has_cursor = TRUE;
  self->cursor_lane = lane;
  self->cursor_step = step;
  if (target != NULL)
    choose_card (self, target->card);
  else
    {
      TptRect cell = tpt_canvas_cell_rect (self, lane, step);

      choose_card (self, NULL);
      tpt_artefact_view_scroll_to (self->view, &cell);
    }
}

/* Arrows walk the grid: within a cell's stack first, then to the
 * neighbouring cell, which may be empty. */
static void
navigate (TptBlueprintCanvas *self,
          int                 dx,
          int                 dy)
{
  const TptLayoutCard *placed = tpt_canvas_layout_card (self, tpt_canvas_primary_card (self));
  int lane, step;

  if (tpt_canvas_n_lanes (self) == 0 || tpt_canvas_n_steps (self) == 0)
    return;

  if (placed == NULL && !self->has_cursor)
    {
      move_cursor_to_cell (self, 0, 0, FALSE);
      return;
    }

  lane = placed != NULL ? (int) placed->lane : (int) self->cursor_lane;
  step = placed != NULL ? (int) placed->step : (int) self->cursor_step;

  if (dy != 0 && placed != NULL)
    {
      g_autoptr(GPtrArray) here = tpt_canvas_cards_in_cell (self, lane, step, NULL);
      guint position = 0;

      g_ptr_array_find (here, placed, &position);
      if ((dy < 0 && position > 0) || (dy > 0 && position + 1 < here->len))
        {
          const TptLayoutCard *next = g_ptr_array_index (here, position + dy);

          choose_card (self, next->card);
          return;
        }
    }

  if (dx > 0 && placed != NULL)
    step = placed->step + placed->span;
  else
    step += dx;
  lane += dy;
  /* Past the top of the grid is the step's header, past its left edge the
   * lane's. */
  if (lane < 0 && step >= 0 && step < (int) tpt_canvas_n_steps (self))
    {
      tpt_canvas_select_header (self, tpt_canvas_column_node (self, step));
      return;
    }
  if (step < 0 && lane >= 0 && lane < (int) tpt_canvas_n_lanes (self))
    {
      tpt_canvas_select_header (self, TPT_NODE (tpt_canvas_lane_object (self, lane)));
      return;
    }
  if (lane < 0 || lane >= (int) tpt_canvas_n_lanes (self) || step < 0 || step >= (int) tpt_canvas_n_steps (self))
    return;

  move_cursor_to_cell (self, lane, step, dy < 0);
}

/* Tab and Shift+Tab: every card in reading order, then round again. */
static void
walk (TptBlueprintCanvas *self,
      int                 direction)
{
  const TptLayoutCard *placed = tpt_canvas_layout_card (self, tpt_canvas_primary_card (self));
  guint n = self->layout != NULL ? self->layout->cards->len : 0;
  guint next;

  if (n == 0)
    return;

  if (placed == NULL)
    next = direction > 0 ? 0 : n - 1;
  else
    {
      guint index = placed - &g_array_index (self->layout->cards, TptLayoutCard, 0);

      next = (index + n + direction) % n;
    }
  tpt_canvas_select_card (self, g_array_index (self->layout->cards, TptLayoutCard, next).card);
}

/* ------------------------------------------------------------------ */
/* Gestures                                                            */

static TptCard *
card_at (TptBlueprintCanvas *self,
         double              x,
         double              y)
{
  const TptLayoutCard *card;

  if (self->layout == NULL)
    return NULL;
  card = tpt_blueprint_layout_card_at (self->layout, x, y);
  return card != NULL ? card->card : NULL;
}

static void
press (TptBlueprintCanvas *self,
       double              x,
       double              y,
       int                 n_press,
       GdkModifierType     state)
{
  TptCard *card = card_at (self, x, y);
  gboolean extend = (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0;
  guint lane, step;

  self->pressed = NULL;
  if (self->editor != NULL)
    tpt_canvas_commit_editor (self);

  if (card != NULL)
    {
      if (state & GDK_CONTROL_MASK)
        toggle_card (self, card);
      else if (state & GDK_SHIFT_MASK)
        add_card_to_selection (self, card);
      else if (g_ptr_array_find (self->selection, card, NULL))
        {
          /* Pressing a selected card may start dragging them all; a plain
           * click without a drag selects just this one on release. */
          self->pressed = card;
          set_cursor_to_card (self, card);
        }
      else
        tpt_canvas_select_card (self, card);

      if (n_press == 2 && !extend)
        tpt_canvas_open_editor (self, card, 0, 0);
      return;
    }

  {
    TptNode *header = tpt_canvas_header_at (self, x, y);
    TptFlow *flow = header == NULL ? tpt_canvas_flow_at (self, x, y) : NULL;

    if (header != NULL)
      {
        tpt_canvas_select_header (self, header);
        if (n_press == 2)
          tpt_canvas_open_header_editor (self, header);
        return;
      }
    if (flow != NULL)
      {
        tpt_canvas_select_flow (self, flow);
        return;
      }
  }

  if (!extend)
    tpt_canvas_select_card (self, NULL);
  if (cell_at (self, x, y, &lane, &step))
    {
      self->has_cursor = TRUE;
      self->cursor_lane = lane;
      self->cursor_step = step;
      if (n_press == 2 && !extend)
        tpt_canvas_open_editor (self, NULL, lane, step);
    }
  tpt_canvas_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
release (TptBlueprintCanvas *self)
{
  TptCard *card = g_steal_pointer (&self->pressed);

  if (card != NULL && self->drag_mode != DRAG_MOVE)
    tpt_canvas_select_card (self, card);
}

/**
 * tpt_blueprint_canvas_click:
 * @self: a canvas
 * @x: where, in layout coordinates
 * @y: where, in layout coordinates
 * @n_press: 1 for a click, 2 for a double click
 * @state: the modifiers held: Shift or Ctrl add to the selection
 *
 * A click of the primary button: selects, or with a double click edits a
 * card's text or starts a new card in an empty place.
 */
void
tpt_blueprint_canvas_click (TptBlueprintCanvas *self,
                            double              x,
                            double              y,
                            int                 n_press,
                            GdkModifierType     state)
{
  g_return_if_fail (TPT_IS_BLUEPRINT_CANVAS (self));

  press (self, x, y, n_press, state);
  release (self);
}

void
tpt_blueprint_canvas_drag_begin (TptBlueprintCanvas *self,
                                 double              x,
                                 double              y,
                                 GdkModifierType     state)
{
  g_return_if_fail (TPT_IS_BLUEPRINT_CANVAS (self));

  self->drag_mode = DRAG_PENDING;
  self->drag_state = state;
  self->drag_x0 = self->drag_x = x;
  self->drag_y0 = self->drag_y = y;
  self->drop_valid = FALSE;
}

static void
update_drop (TptBlueprintCanvas *self)
{
  g_autoptr(GPtrArray) others = NULL;
  guint lane, step, index = 0;
  TptRect cell;

  self->drop_valid = cell_at (self, self->drag_x, self->drag_y, &lane, &step) &&
                     tpt_canvas_cell_takes_cards (self, lane, step);
  if (!self->drop_valid)
    return;

  /* The place among the cell's other cards is where the pointer is
   * against their middles. */
  others = tpt_canvas_cards_in_cell (self, lane, step, self->selection);
  while (index < others->len)
    {
      const TptLayoutCard *card = g_ptr_array_index (others, index);

      if (self->drag_y < card->rect.y + card->rect.height / 2)
        break;
      index++;
    }

  cell = tpt_canvas_cell_rect (self, lane, step);
  self->drop_lane = lane;
  self->drop_step = step;
  self->drop_index = index;
  if (index < others->len)
    self->drop_y = ((const TptLayoutCard *) g_ptr_array_index (others, index))->rect.y - 4;
  else if (others->len > 0)
    self->drop_y = tpt_rect_bottom (&((const TptLayoutCard *) g_ptr_array_index (others, others->len - 1))->rect) + 4;
  else
    self->drop_y = cell.y + 6;
}

static void
update_band (TptBlueprintCanvas *self)
{
  TptRect band = { MIN (self->drag_x0, self->drag_x), MIN (self->drag_y0, self->drag_y),
                   fabs (self->drag_x - self->drag_x0), fabs (self->drag_y - self->drag_y0) };
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  if (self->band_base != NULL)
    g_ptr_array_extend (cards, self->band_base, NULL, NULL);
  for (guint i = 0; i < self->layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (self->layout->cards, TptLayoutCard, i);

      if (tpt_rect_intersects (&card->rect, &band) && !g_ptr_array_find (cards, card->card, NULL))
        g_ptr_array_add (cards, card->card);
    }
  tpt_canvas_select_only (self, (TptCard **) cards->pdata, cards->len);
}

void
tpt_blueprint_canvas_drag_update (TptBlueprintCanvas *self,
                                  double              x,
                                  double              y)
{
  double zoom;

  g_return_if_fail (TPT_IS_BLUEPRINT_CANVAS (self));

  if (self->drag_mode == DRAG_NONE || self->layout == NULL)
    return;

  self->drag_x = x;
  self->drag_y = y;
  zoom = tpt_artefact_view_get_zoom (self->view);

  if (self->drag_mode == DRAG_PENDING)
    {
      TptCard *card = card_at (self, self->drag_x0, self->drag_y0);
      TptCard *edge_card = NULL;
      TptNode *header;
      guint lane, step;

      if (hypot (x - self->drag_x0, y - self->drag_y0) * zoom < DRAG_THRESHOLD)
        return;
      if (tpt_canvas_handle_hit (self, self->drag_x0, self->drag_y0, &edge_card))
        {
          self->drag_mode = DRAG_FLOW;
          g_set_object (&self->drag_card, edge_card);
        }
      else if (tpt_canvas_span_edge_hit (self, self->drag_x0, self->drag_y0, &edge_card))
        {
          self->drag_mode = DRAG_SPAN;
          g_set_object (&self->drag_card, edge_card);
        }
      else if ((header = tpt_canvas_header_at (self, self->drag_x0, self->drag_y0)) != NULL)
        {
          self->drag_mode = DRAG_HEADER;
          g_set_object (&self->drag_header, header);
        }
      else if (card == NULL && cell_at (self, self->drag_x0, self->drag_y0, &lane, &step) &&
               tpt_canvas_emotion_of_lane (self, lane) != NULL &&
               !(self->drag_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)))
        {
          self->drag_mode = DRAG_EMOTION;
          self->drag_lane = lane;
          self->drag_step = step;
        }
      else if (card != NULL && g_ptr_array_find (self->selection, card, NULL) &&
          !(self->drag_state & GDK_CONTROL_MASK))
        self->drag_mode = DRAG_MOVE;
      else if (card == NULL)
        {
          self->drag_mode = DRAG_BAND;
          if (self->drag_state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
            self->band_base = g_ptr_array_copy (self->selection, NULL, NULL);
        }
      else
        {
          self->drag_mode = DRAG_NONE;
          return;
        }
    }

  if (self->drag_mode == DRAG_MOVE)
    update_drop (self);
  else if (self->drag_mode == DRAG_BAND)
    update_band (self);
  else
    tpt_canvas_structure_drag_update (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
stop_drag (TptBlueprintCanvas *self)
{
  self->drag_mode = DRAG_NONE;
  self->drop_valid = FALSE;
  self->drag_target_valid = FALSE;
  self->pressed = NULL;
  g_clear_object (&self->drag_card);
  g_clear_object (&self->drag_header);
  g_clear_pointer (&self->band_base, g_ptr_array_unref);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

/**
 * tpt_blueprint_canvas_drag_end:
 *
 * Ends a drag: dropping cards moves them, all in one undo step.
 */
void
tpt_blueprint_canvas_drag_end (TptBlueprintCanvas *self,
                               double              x,
                               double              y)
{
  g_return_if_fail (TPT_IS_BLUEPRINT_CANVAS (self));

  tpt_blueprint_canvas_drag_update (self, x, y);
  if (self->drag_mode == DRAG_MOVE && self->drop_valid)
    tpt_canvas_move_selection_to (self, self->drop_lane, self->drop_step, self->drop_index);
  else if (self->drag_mode != DRAG_BAND && self->drag_mode != DRAG_PENDING)
    tpt_canvas_structure_drag_end (self);
  stop_drag (self);
}

/**
 * tpt_blueprint_canvas_key:
 * @self: a canvas
 * @keyval: the key pressed
 * @state: the modifiers held
 *
 * Returns: whether the key did something on the canvas
 */
gboolean
tpt_blueprint_canvas_key (TptBlueprintCanvas *self,
                          guint               keyval,
                          GdkModifierType     state)
{
  GActionGroup *actions;
  gboolean ctrl, alt, shift;

  g_return_val_if_fail (TPT_IS_BLUEPRINT_CANVAS (self), FALSE);

  if (self->layout == NULL || self->editor != NULL)
    return FALSE;

  actions = G_ACTION_GROUP (self->actions);
  state &= gtk_accelerator_get_default_mod_mask ();
  ctrl = (state & GDK_CONTROL_MASK) != 0;
  alt = (state & GDK_ALT_MASK) != 0;
  shift = (state & GDK_SHIFT_MASK) != 0;

  if (!ctrl && tpt_canvas_structure_key (self, keyval, alt))
    return TRUE;

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      {
        int dx = (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right) -
                 (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left);
        int dy = (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) -
                 (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up);

        /* Ctrl+Shift+arrows grow the grid: a step to the left or right of
         * the cursor's, a lane above or below. */
        if (ctrl && shift && !alt)
          {
            if (dx != 0)
              tpt_canvas_add_step (self, dx > 0);
            else
              tpt_canvas_add_lane (self, dy > 0);
            return TRUE;
          }
        if (ctrl)
          return FALSE;
        if (alt)
          tpt_canvas_nudge_selection (self, dx, dy);
        else
          {
            self->extending = shift;
            navigate (self, dx, dy);
            self->extending = FALSE;
          }
        return TRUE;
      }

    case GDK_KEY_Tab: case GDK_KEY_KP_Tab: case GDK_KEY_ISO_Left_Tab:
      /* Ctrl+Tab leaves the canvas, as in every GTK widget that uses Tab. */
      if (ctrl || alt)
        return FALSE;
      walk (self, shift || keyval == GDK_KEY_ISO_Left_Tab ? -1 : 1);
      return TRUE;

    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter: case GDK_KEY_F2:
      if (ctrl || alt)
        return FALSE;
      tpt_canvas_edit_selection_or_cell (self);
      return TRUE;

    case GDK_KEY_f: case GDK_KEY_F:
      /* Two cards chosen in turn: a flow from the first to the second. */
      if (ctrl || alt || self->selection->len != 2)
        return FALSE;
      g_action_group_activate_action (actions, "connect", NULL);
      return TRUE;

    case GDK_KEY_bracketleft: case GDK_KEY_bracketright:
      if (ctrl || alt || self->selection->len == 0)
        return FALSE;
      tpt_canvas_change_span (self, keyval == GDK_KEY_bracketright ? 1 : -1);
      return TRUE;

    case GDK_KEY_Insert: case GDK_KEY_KP_Insert:
      g_action_group_activate_action (actions, "add-card", NULL);
      return TRUE;

    case GDK_KEY_Delete: case GDK_KEY_KP_Delete: case GDK_KEY_BackSpace:
      if (self->selection->len == 0)
        return FALSE;
      tpt_canvas_delete_selection (self, FALSE);
      return TRUE;

    case GDK_KEY_Escape:
      if (self->drag_mode != DRAG_NONE)
        stop_drag (self);
      else if (self->selection->len > 0)
        tpt_canvas_select_card (self, NULL);
      else
        return FALSE;
      return TRUE;

    case GDK_KEY_Menu:
      tpt_canvas_popup_menu_at_selection (self);
      return TRUE;
    case GDK_KEY_F10:
      if (!shift)
        return FALSE;
      tpt_canvas_popup_menu_at_selection (self);
      return TRUE;

    default:
      break;
    }

  if (ctrl && !alt)
    {
      const char *name = NULL;

      switch (gdk_keyval_to_lower (keyval))
        {
        case GDK_KEY_a: name = "select-all"; break;
        case GDK_KEY_c: name = "copy"; break;
        case GDK_KEY_x: name = "cut"; break;
        case GDK_KEY_v: name = "paste"; break;
        case GDK_KEY_d: name = "duplicate"; break;
        default: return FALSE;
        }
      g_action_group_activate_action (actions, name, NULL);
      return TRUE;
    }

  if (!ctrl && !alt && self->selection->len > 0)
    {
      TptCardKind kind;

      if (tpt_canvas_kind_for_key (keyval, &kind))
        {
          tpt_canvas_set_kind (self, kind);
          return TRUE;
        }
    }

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* The view's input, in widget coordinates                             */

static void
click_pressed_cb (GtkGestureClick    *gesture,
                  int                 n_press,
                  double              wx,
                  double              wy,
                  TptBlueprintCanvas *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));
  double x, y;

  if (self->layout == NULL)
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  tpt_artefact_view_widget_to_content (self->view, wx, wy, &x, &y);

  if (button == GDK_BUTTON_SECONDARY)
    {
      TptCard *card = card_at (self, x, y);

      if (card == NULL || !g_ptr_array_find (self->selection, card, NULL))
        press (self, x, y, 1, 0);
      tpt_canvas_popup_menu (self, x, y);
      return;
    }
  if (button == GDK_BUTTON_PRIMARY && !tpt_artefact_view_is_panning (self->view))
    press (self, x, y, n_press, state);
}

static void
click_released_cb (GtkGestureClick    *gesture,
                   int                 n_press,
                   double              wx,
                   double              wy,
                   TptBlueprintCanvas *self)
{
  release (self);
}

static void
drag_begin_cb (GtkGestureDrag     *gesture,
               double              wx,
               double              wy,
               TptBlueprintCanvas *self)
{
  double x, y;

  if (self->layout == NULL || tpt_artefact_view_is_panning (self->view))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  tpt_artefact_view_widget_to_content (self->view, wx, wy, &x, &y);
  tpt_blueprint_canvas_drag_begin (self, x, y,
                                   gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture)));
}

static void
drag_update_cb (GtkGestureDrag     *gesture,
                double              dx,
                double              dy,
                TptBlueprintCanvas *self)
{
  double x, y;

  tpt_artefact_view_drag_point (self->view, gesture, dx, dy, &x, &y);
  tpt_blueprint_canvas_drag_update (self, x, y);
}

static void
drag_end_cb (GtkGestureDrag     *gesture,
             double              dx,
             double              dy,
             TptBlueprintCanvas *self)
{
  double x, y;

  tpt_artefact_view_drag_point (self->view, gesture, dx, dy, &x, &y);
  tpt_blueprint_canvas_drag_end (self, x, y);
}

static void
drag_cancel_cb (GtkGesture         *gesture,
                GdkEventSequence   *sequence,
                TptBlueprintCanvas *self)
{
  stop_drag (self);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    wx,
           double                    wy,
           TptBlueprintCanvas       *self)
{
  const TptLayoutCard *placed;
  TptCard *card;
  double x, y;

  if (self->layout == NULL)
    return;

  tpt_artefact_view_widget_to_content (self->view, wx, wy, &x, &y);
  card = card_at (self, x, y);
  if (!tpt_artefact_view_is_panning (self->view))
    {
      TptCard *edge;

      if (tpt_canvas_handle_hit (self, x, y, &edge))
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self->view), "crosshair");
      else if (tpt_canvas_span_edge_hit (self, x, y, &edge))
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self->view), "col-resize");
      else
        gtk_widget_set_cursor (GTK_WIDGET (self->view), NULL);
    }
  if (card != self->hover)
    {
      self->hover = card;
      gtk_widget_queue_draw (GTK_WIDGET (self->view));
    }

  /* At low zoom the text is too small to read: the tooltip has it all. */
  placed = tpt_canvas_layout_card (self, card);
  if (placed != NULL && tpt_artefact_view_get_zoom (self->view) < 0.75)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->view), tpt_card_get_text (card));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->view), NULL);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TptBlueprintCanvas       *self)
{
  if (self->hover != NULL)
    {
      self->hover = NULL;
      gtk_widget_queue_draw (GTK_WIDGET (self->view));
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TptBlueprintCanvas    *self)
{
  return tpt_blueprint_canvas_key (self, keyval, state);
}

/* ------------------------------------------------------------------ */
/* Drawing, over the rendered blueprint, in layout coordinates         */

static void
rounded_rect (cairo_t       *cr,
              const TptRect *r,
              double         radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static TptRect
grow (const TptRect *r,
      double         by)
{
  return (TptRect) { r->x - by, r->y - by, r->width + 2 * by, r->height + 2 * by };
}

/**
 * tpt_blueprint_canvas_draw:
 * @self: a canvas
 * @cr: drawing in layout coordinates, scaled by @zoom
 * @zoom: the view's zoom, so lines keep their width on screen
 *
 * Draws the selection, the hovered card, the keyboard cursor and what a
 * drag is doing over the blueprint the view has just drawn.
 */
void
tpt_blueprint_canvas_draw (TptBlueprintCanvas *self,
                           cairo_t            *cr,
                           double              zoom)
{
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (self->view));
  const TptLayoutCard *placed;
  GdkRGBA accent;
  double px = 1.0 / zoom;

  g_return_if_fail (TPT_IS_BLUEPRINT_CANVAS (self));

  if (self->layout == NULL)
    return;

  tpt_artefact_view_get_accent (self->view, &accent);
  cairo_save (cr);

  placed = tpt_canvas_layout_card (self, self->hover);
  if (placed != NULL && !g_ptr_array_find (self->selection, self->hover, NULL))
    {
      TptRect r = grow (&placed->rect, 1.5 * px);

      rounded_rect (cr, &r, 5);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.45);
      cairo_set_line_width (cr, 1.5 * px);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < self->selection->len; i++)
    {
      TptCard *card = g_ptr_array_index (self->selection, i);

      placed = tpt_canvas_layout_card (self, card);
      if (placed != NULL)
        {
          TptRect r = grow (&placed->rect, 2.5 * px);

          rounded_rect (cr, &r, 6);
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_set_line_width (cr, (card == tpt_canvas_primary_card (self) && focused ? 3 : 2) * px);
          cairo_stroke (cr);
        }
    }

  /* An empty cell that has the keyboard cursor. */
  if (self->selection->len == 0 && self->header == NULL && self->flow == NULL &&
      self->has_cursor && focused &&
      self->cursor_lane < tpt_canvas_n_lanes (self) && self->cursor_step < tpt_canvas_n_steps (self))
    {
      TptRect cell = tpt_canvas_cell_rect (self, self->cursor_lane, self->cursor_step);
      TptRect r = grow (&cell, -3 * px);
      double dash[] = { 4 * px, 3 * px };

      rounded_rect (cr, &r, 4);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2 * px);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (self->drag_mode == DRAG_MOVE)
    {
      /* The cards follow the pointer as outlines; a bar shows where they
       * will land. */
      for (guint i = 0; i < self->selection->len; i++)
        {
          placed = tpt_canvas_layout_card (self, g_ptr_array_index (self->selection, i));
          if (placed != NULL)
            {
              TptRect r = placed->rect;

              r.x += self->drag_x - self->drag_x0;
              r.y += self->drag_y - self->drag_y0;
              rounded_rect (cr, &r, 5);
              cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.15);
              cairo_fill_preserve (cr);
              gdk_cairo_set_source_rgba (cr, &accent);
              cairo_set_line_width (cr, 1.5 * px);
              cairo_stroke (cr);
            }
        }
      if (self->drop_valid)
        {
          TptRect cell = tpt_canvas_cell_rect (self, self->drop_lane, self->drop_step);

          cairo_rectangle (cr, cell.x, cell.y, cell.width, cell.height);
          cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.08);
          cairo_fill (cr);
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_rectangle (cr, cell.x + 6, self->drop_y - 1.5 * px, cell.width - 12, 3 * px);
          cairo_fill (cr);
        }
    }

  tpt_canvas_structure_draw (self, cr, &accent, px);

  if (self->drag_mode == DRAG_BAND)
    {
      cairo_rectangle (cr, MIN (self->drag_x0, self->drag_x), MIN (self->drag_y0, self->drag_y),
                       fabs (self->drag_x - self->drag_x0), fabs (self->drag_y - self->drag_y0));
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.12);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, px);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Following the document                                              */

static void
reset (TptBlueprintCanvas *self)
{
  tpt_canvas_cancel_editor (self);
  tpt_artefact_view_close_menu (self->view);
  stop_drag (self);
  self->has_cursor = FALSE;
  self->hover = NULL;
  g_clear_object (&self->pending_rename);
  if (self->selection->len > 0 || self->header != NULL || self->flow != NULL)
    {
      tpt_canvas_clear_selection (self);
      tpt_canvas_selection_changed (self);
    }
}

/**
 * tpt_blueprint_canvas_set_layout:
 * @self: a canvas
 * @document: (nullable): the document shown
 * @layout: (nullable): the blueprint just laid out, or %NULL when the view
 *   shows another artefact
 *
 * Follows a new layout: cards that are gone leave the selection, and an
 * edit in progress moves with its card.
 */
void
tpt_blueprint_canvas_set_layout (TptBlueprintCanvas *self,
                                 TptDocument        *document,
                                 TptBlueprintLayout *layout)
{
  gboolean pruned = FALSE;

  g_return_if_fail (TPT_IS_BLUEPRINT_CANVAS (self));

  if (document != self->document || layout == NULL ||
      (self->layout != NULL && self->layout->blueprint != layout->blueprint))
    reset (self);
  g_set_object (&self->document, document);

  g_clear_pointer (&self->layout, tpt_blueprint_layout_unref);
  g_hash_table_remove_all (self->card_index);
  if (layout == NULL)
    {
      tpt_canvas_update_actions (self);
      return;
    }

  self->layout = tpt_blueprint_layout_ref (layout);
  for (guint i = 0; i < layout->cards->len; i++)
    g_hash_table_insert (self->card_index, g_array_index (layout->cards, TptLayoutCard, i).card,
                         GUINT_TO_POINTER (i + 1));

  for (guint i = self->selection->len; i-- > 0;)
    if (tpt_canvas_layout_card (self, g_ptr_array_index (self->selection, i)) == NULL)
      {
        g_ptr_array_remove_index (self->selection, i);
        pruned = TRUE;
      }
  if (tpt_canvas_layout_card (self, self->hover) == NULL)
    self->hover = NULL;
  if (self->has_cursor &&
      (self->cursor_lane >= tpt_canvas_n_lanes (self) || self->cursor_step >= tpt_canvas_n_steps (self)))
    self->has_cursor = FALSE;

  if (self->editor != NULL)
    {
      const TptLayoutCard *placed = tpt_canvas_layout_card (self, self->editing);

      if (self->editing != NULL && placed == NULL)
        tpt_canvas_cancel_editor (self);
      else if (placed != NULL)
        self->edit_rect = placed->rect;
      else if (!tpt_canvas_cell_takes_cards (self, self->edit_lane, self->edit_step))
        tpt_canvas_cancel_editor (self);
      gtk_widget_queue_allocate (GTK_WIDGET (self->view));
    }

  if (pruned)
    tpt_canvas_selection_changed (self);
  else
    tpt_canvas_update_actions (self);

  if (self->pending_rename != NULL)
    {
      g_autoptr(TptNode) node = g_steal_pointer (&self->pending_rename);
      TptRect rect;

      if (tpt_canvas_header_rect (self, node, &rect))
        {
          tpt_canvas_select_header (self, node);
          tpt_canvas_open_header_editor (self, node);
        }
    }
}

/**
 * tpt_blueprint_canvas_allocate:
 *
 * Places the text editor over its card and the context menu at its point;
 * the view calls this whenever it is allocated or scrolled.
 */
void
tpt_blueprint_canvas_allocate (TptBlueprintCanvas *self)
{
  g_return_if_fail (TPT_IS_BLUEPRINT_CANVAS (self));

  if (self->editor != NULL)
    {
      double zoom = tpt_artefact_view_get_zoom (self->view);
      double x, y;
      int min_height, natural;
      int width;
      g_autofree char *css = NULL;

      /* The text as big as the card's, within what reads comfortably. */
      css = g_strdup_printf ("textview.card-editor { font-size: %dpx; }",
                             (int) CLAMP (9 * zoom, 12, 36));
      gtk_css_provider_load_from_data (self->editor_css, css, -1);

      tpt_artefact_view_content_to_widget (self->view, self->edit_rect.x, self->edit_rect.y,
                                           &x, &y);
      width = (int) MAX (self->edit_rect.width * zoom, 180);
      gtk_widget_measure (self->editor, GTK_ORIENTATION_VERTICAL, width,
                          &min_height, &natural, NULL, NULL);
      gtk_widget_size_allocate (self->editor,
                                &(GtkAllocation) { (int) x, (int) y, width,
                                                   MAX ((int) (self->edit_rect.height * zoom),
                                                        MAX (natural, 48)) },
                                -1);
    }
}

void
tpt_blueprint_canvas_snapshot_children (TptBlueprintCanvas *self,
                                        GtkSnapshot        *snapshot)
{
  g_return_if_fail (TPT_IS_BLUEPRINT_CANVAS (self));

  if (self->editor != NULL)
    gtk_widget_snapshot_child (GTK_WIDGET (self->view), self->editor, snapshot);
}

/**
 * tpt_blueprint_canvas_shutdown:
 *
 * Lets go of the view's children; the view calls it as it is disposed.
 */
void
tpt_blueprint_canvas_shutdown (TptBlueprintCanvas *self)
{
  g_return_if_fail (TPT_IS_BLUEPRINT_CANVAS (self));

  if (self->editor != NULL)
    {
      gtk_widget_unparent (self->editor);
      g_clear_object (&self->editor);
    }
  g_clear_object (&self->editing);
  self->view = NULL;
}

/**
 * tpt_blueprint_canvas_get_selection:
 *
 * Returns: (transfer none) (element-type TptCard): the selected cards, the
 *   last chosen last
 */
GPtrArray *
tpt_blueprint_canvas_get_selection (TptBlueprintCanvas *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT_CANVAS (self), NULL);

  return self->selection;
}

/**
 * tpt_blueprint_canvas_get_selected_node:
 *
 * Returns: (nullable) (transfer none): what the inspector should show: the
 *   selected header or flow, or the card chosen last
 */
TptNode *
tpt_blueprint_canvas_get_selected_node (TptBlueprintCanvas *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT_CANVAS (self), NULL);

  if (self->header != NULL)
    return self->header;
  if (self->flow != NULL)
    return TPT_NODE (self->flow);
  return (TptNode *) tpt_canvas_primary_card (self);
}

/**
 * tpt_blueprint_canvas_select_node:
 * @self: a canvas
 * @node: (nullable): a node chosen elsewhere, in the outline
 *
 * Selects @node if it is a card of the blueprint; a card already in a
 * larger selection keeps that selection.
 */
void
tpt_blueprint_canvas_select_node (TptBlueprintCanvas *self,
                                  TptNode            *node)
{
  g_return_if_fail (TPT_IS_BLUEPRINT_CANVAS (self));

  self->following = TRUE;
  if (TPT_IS_LANE (node) || TPT_IS_STEP (node) || TPT_IS_STAGE (node))
    tpt_canvas_select_header (self, node);
  else if (TPT_IS_FLOW (node))
    tpt_canvas_select_flow (self, TPT_FLOW (node));
  else if (!TPT_IS_CARD (node))
    {
      if (node != NULL && (self->selection->len > 0 || self->header != NULL || self->flow != NULL))
        tpt_canvas_select_card (self, NULL);
    }
  else if (!g_ptr_array_find (self->selection, node, NULL))
    tpt_canvas_select_card (self, TPT_CARD (node));
  self->following = FALSE;
}

void
tpt_blueprint_canvas_select_cards (TptBlueprintCanvas *self,
                                   TptCard * const    *cards,
                                   guint               n_cards)
{
  g_return_if_fail (TPT_IS_BLUEPRINT_CANVAS (self));

  tpt_canvas_select_only (self, cards, n_cards);
}

gboolean
tpt_blueprint_canvas_get_cursor (TptBlueprintCanvas *self,
                                 guint              *lane,
                                 guint              *step)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT_CANVAS (self), FALSE);

  if (lane != NULL)
    *lane = self->cursor_lane;
  if (step != NULL)
    *step = self->cursor_step;
  return self->has_cursor;
}

gboolean
tpt_blueprint_canvas_is_editing (TptBlueprintCanvas *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT_CANVAS (self), FALSE);

  return self->editor != NULL;
}

/**
 * tpt_blueprint_canvas_get_editor:
 *
 * Returns: (nullable) (transfer none): the text view of an edit in progress
 */
GtkWidget *
tpt_blueprint_canvas_get_editor (TptBlueprintCanvas *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT_CANVAS (self), NULL);

  return self->editor;
}

/* ------------------------------------------------------------------ */

static void
tpt_blueprint_canvas_finalize (GObject *object)
{
  TptBlueprintCanvas *self = TPT_BLUEPRINT_CANVAS (object);

  g_clear_object (&self->editor);
  g_clear_object (&self->editor_css);
  g_clear_object (&self->header);
  g_clear_object (&self->flow);
  g_clear_object (&self->drag_card);
  g_clear_object (&self->drag_header);
  g_clear_object (&self->pending_rename);
  g_clear_object (&self->editing_header);
  g_clear_object (&self->editing);
  g_clear_object (&self->document);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->layout, tpt_blueprint_layout_unref);
  g_clear_pointer (&self->card_index, g_hash_table_unref);
  g_clear_pointer (&self->selection, g_ptr_array_unref);
  g_clear_pointer (&self->band_base, g_ptr_array_unref);

  G_OBJECT_CLASS (tpt_blueprint_canvas_parent_class)->finalize (object);
}

static void
tpt_blueprint_canvas_class_init (TptBlueprintCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tpt_blueprint_canvas_finalize;

  /**
   * TptBlueprintCanvas::selection-changed:
   *
   * The selected cards changed, by a gesture or because cards went away.
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tpt_blueprint_canvas_init (TptBlueprintCanvas *self)
{
  self->selection = g_ptr_array_new_with_free_func (g_object_unref);
  self->card_index = g_hash_table_new (NULL, NULL);
  self->actions = g_simple_action_group_new ();
  self->editor_css = gtk_css_provider_new ();
  tpt_canvas_add_actions (self);
}

/**
 * tpt_blueprint_canvas_new:
 * @view: the view to edit blueprints in, which owns the canvas
 *
 * Returns: (transfer full): the canvas, listening to @view's input
 */
TptBlueprintCanvas *
tpt_blueprint_canvas_new (TptArtefactView *view)
{
  TptBlueprintCanvas *self = g_object_new (TPT_TYPE_BLUEPRINT_CANVAS, NULL);
  GtkWidget *widget = GTK_WIDGET (view);
  GtkGesture *click, *drag;
  GtkEventController *motion, *keys;

  self->view = view;
  gtk_widget_insert_action_group (widget, "canvas", G_ACTION_GROUP (self->actions));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_pressed_cb), self, 0);
  g_signal_connect_object (click, "released", G_CALLBACK (click_released_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (drag_cancel_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, 0);
  g_signal_connect_object (motion, "leave", G_CALLBACK (leave_cb), self, 0);
  gtk_widget_add_controller (widget, motion);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, keys);

  tpt_canvas_add_link_target (self);
  tpt_canvas_update_actions (self);
  return self;
}
