/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tpt-blueprint-page-private.h"

#include "tpt-band-tool.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-card-move-tool.h"
#include "tpt-changes-overlay.h"
#include "tpt-emotion-tool.h"
#include "tpt-flow-tool.h"
#include "tpt-header-move-tool.h"
#include "tpt-link-tool.h"
#include "tpt-notation.h"
#include "tpt-span-tool.h"

/* The page of one blueprint: it lays the blueprint out through
 * src/render, draws it as export does, and turns presses, keys and the
 * drags of its tools into selections and edits of the document, each
 * gesture one labelled undo step. It hit-tests the very layout it drew.
 * What it selects is the window's selection, which the outline and the
 * inspector show too. */

G_DEFINE_FINAL_TYPE (TptBlueprintPage, tpt_blueprint_page, TPT_TYPE_CANVAS)

static TptSelection *
window_selection (TptBlueprintPage *self)
{
  return tpt_canvas_get_selection (TPT_CANVAS (self));
}

/* ------------------------------------------------------------------ */
/* Geometry                                                            */

const TptLayoutCard *
tpt_blueprint_page_layout_card (TptBlueprintPage *self,
             TptCard            *card)
{
  guint index;

  if (self->layout == NULL || card == NULL)
    return NULL;
  index = GPOINTER_TO_UINT (g_hash_table_lookup (self->card_index, card));
  return index > 0 ? &g_array_index (self->layout->cards, TptLayoutCard, index - 1) : NULL;
}

guint
tpt_blueprint_page_n_lanes (TptBlueprintPage *self)
{
  return self->layout != NULL ? self->layout->lanes->len : 0;
}

guint
tpt_blueprint_page_n_steps (TptBlueprintPage *self)
{
  return self->layout != NULL ? self->layout->steps->len : 0;
}

static const TptLayoutLane *
lane_at (TptBlueprintPage *self,
         guint               lane)
{
  return &g_array_index (self->layout->lanes, TptLayoutLane, lane);
}

static const TptLayoutStep *
step_at (TptBlueprintPage *self,
         guint               step)
{
  return &g_array_index (self->layout->steps, TptLayoutStep, step);
}

/* Emotion lanes hold a curve, not cards. */
gboolean
tpt_blueprint_page_lane_takes_cards (TptBlueprintPage *self,
                  guint               lane)
{
  return lane < tpt_blueprint_page_n_lanes (self) && lane_at (self, lane)->kind != TPT_LANE_KIND_EMOTION;
}

/* A cell takes cards if its lane does and its column is a step, not a
 * collapsed stage. */
gboolean
tpt_blueprint_page_cell_takes_cards (TptBlueprintPage *self,
                             guint               lane,
                             guint               step)
{
  return tpt_blueprint_page_lane_takes_cards (self, lane) && step < tpt_blueprint_page_n_steps (self) &&
         step_at (self, step)->step != NULL;
}

/* What a column's header selects: its step, or its collapsed stage. */
TptNode *
tpt_blueprint_page_column_node (TptBlueprintPage *self,
                        guint               column)
{
  const TptLayoutStep *step = step_at (self, column);

  return step->step != NULL ? TPT_NODE (step->step) : TPT_NODE (step->collapsed);
}

TptRect
tpt_blueprint_page_cell_rect (TptBlueprintPage *self,
           guint               lane,
           guint               step)
{
  const TptLayoutLane *l = lane_at (self, lane);
  const TptLayoutStep *s = step_at (self, step);

  return (TptRect) { s->column.x, l->rect.y, s->column.width, l->rect.height };
}

gboolean
tpt_blueprint_page_cell_at (TptBlueprintPage *self,
                            double            x,
                            double            y,
                            guint            *lane,
                            guint            *step)
{
  gboolean found_lane = FALSE, found_step = FALSE;

  if (self->layout == NULL)
    return FALSE;

  for (guint i = 0; i < tpt_blueprint_page_n_lanes (self) && !found_lane; i++)
    {
      const TptRect *r = &lane_at (self, i)->rect;

      if (y >= r->y && y < r->y + r->height)
        {
          *lane = i;
          found_lane = TRUE;
        }
    }
  for (guint i = 0; i < tpt_blueprint_page_n_steps (self) && !found_step; i++)
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
tpt_blueprint_page_cards_in_cell (TptBlueprintPage *self,
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
card_covering (TptBlueprintPage *self,
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
tpt_blueprint_page_lane_object (TptBlueprintPage *self,
             guint               lane)
{
  return lane_at (self, lane)->lane;
}

TptStep *
tpt_blueprint_page_step_object (TptBlueprintPage *self,
             guint               step)
{
  return step_at (self, step)->step;
}

/* ------------------------------------------------------------------ */
/* Selection                                                           */

/* What a screen reader says the page holds: the selection in words,
 * since the drawing itself is one image to it. */
static void
describe_selection (TptBlueprintPage *self)
{
  const TptLayoutCard *placed = tpt_blueprint_page_layout_card (self, tpt_blueprint_page_primary_card (self));
  g_autofree char *description = NULL;

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
                                   tpt_lane_get_title (tpt_blueprint_page_lane_object (self, placed->lane)),
                                   tpt_step_get_title (tpt_blueprint_page_step_object (self, placed->step)));
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

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
}

static void
set_cursor_to_card (TptBlueprintPage *self,
                    TptCard          *card)
{
  const TptLayoutCard *placed = tpt_blueprint_page_layout_card (self, card);

  if (placed == NULL)
    return;
  self->has_cursor = TRUE;
  self->cursor_lane = placed->lane;
  self->cursor_step = placed->step;
  tpt_canvas_scroll_to (TPT_CANVAS (self), &placed->rect);
}

/* A node of this page's blueprint, or NULL. */
static gboolean
is_ours (TptBlueprintPage *self,
         TptNode          *node)
{
  for (TptNode *n = node; n != NULL; n = tpt_node_get_parent (n))
    if (n == TPT_NODE (self->blueprint))
      return TRUE;
  return FALSE;
}

/* Shows a card or step chosen elsewhere even inside a collapsed stage. */
static void
open_stage_of (TptBlueprintPage *self,
               TptNode          *node)
{
  TptStep *step = NULL;
  TptStage *stage;

  if (TPT_IS_STEP (node))
    step = TPT_STEP (node);
  else if (TPT_IS_CARD (node))
    step = tpt_document_lookup_typed (self->document, tpt_card_get_step (TPT_CARD (node)),
                                      TPT_TYPE_STEP);
  stage = step != NULL ? tpt_blueprint_get_stage_of (self->blueprint, step) : NULL;
  if (stage != NULL && tpt_blueprint_page_get_stage_collapsed (self, stage))
    {
      tpt_blueprint_page_set_stage_collapsed (self, stage, FALSE);
      tpt_canvas_relayout_now (TPT_CANVAS (self));
    }
}

/* The window's selection changed, here or elsewhere: take what is this
 * blueprint's from it. */
static void
tpt_blueprint_page_selection_changed (TptCanvas *canvas)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (canvas);
  TptSelection *selection = window_selection (self);
  TptNode *primary = selection != NULL ? tpt_selection_get_primary (selection) : NULL;

  g_ptr_array_set_size (self->selection, 0);
  g_clear_object (&self->header);
  g_clear_object (&self->flow);

  if (primary != NULL && is_ours (self, primary))
    {
      GPtrArray *nodes = tpt_selection_get_nodes (selection);

      open_stage_of (self, primary);
      if (TPT_IS_LANE (primary) || TPT_IS_STEP (primary) || TPT_IS_STAGE (primary))
        self->header = g_object_ref (primary);
      else if (TPT_IS_FLOW (primary))
        self->flow = g_object_ref (TPT_FLOW (primary));
      else
        for (guint i = 0; i < nodes->len; i++)
          if (TPT_IS_CARD (g_ptr_array_index (nodes, i)) && is_ours (self, g_ptr_array_index (nodes, i)))
            g_ptr_array_add (self->selection, g_object_ref (g_ptr_array_index (nodes, i)));
      if (TPT_IS_CARD (primary))
        set_cursor_to_card (self, TPT_CARD (primary));
      else if (self->header != NULL)
        {
          TptRect rect;

          if (tpt_blueprint_page_header_rect (self, self->header, &rect))
            tpt_canvas_scroll_to (canvas, &rect);
        }
    }

  describe_selection (self);
  tpt_blueprint_page_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* The selection as it is to be: @nodes, or the blueprint itself when
 * nothing on it is selected, so the inspector shows the blueprint. */
static void
set_selection (TptBlueprintPage *self,
               TptNode * const  *nodes,
               guint             n_nodes)
{
  TptSelection *selection = window_selection (self);
  TptNode *blueprint = TPT_NODE (self->blueprint);

  if (selection == NULL || self->blueprint == NULL)
    return;
  if (n_nodes == 0)
    tpt_selection_set (selection, &blueprint, 1);
  else
    tpt_selection_set (selection, nodes, n_nodes);
  /* The selection may be the same, and emit nothing; the cursor moved. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Replaces the selection; the last card becomes the cursor's. */
void
tpt_blueprint_page_select_only (TptBlueprintPage *self,
                                TptCard * const  *cards,
                                guint             n_cards)
{
  if (n_cards > 0)
    set_cursor_to_card (self, cards[n_cards - 1]);
  set_selection (self, (TptNode * const *) cards, n_cards);
}

void
tpt_blueprint_page_select_card (TptBlueprintPage *self,
                                TptCard          *card)
{
  tpt_blueprint_page_select_only (self, &card, card != NULL ? 1 : 0);
}

/**
 * tpt_blueprint_page_select_header:
 * @self: a page
 * @node: (nullable): a lane, step or stage, or %NULL for none
 */
void
tpt_blueprint_page_select_header (TptBlueprintPage *self,
                                  TptNode          *node)
{
  int index;

  /* The keyboard carries on from the header: into its lane or step. */
  if (self->layout != NULL && (index = tpt_blueprint_page_index_of_lane (self, node)) >= 0)
    {
      self->cursor_lane = index;
      self->has_cursor = tpt_blueprint_page_n_steps (self) > 0;
      self->cursor_step = MIN (self->cursor_step, MAX (tpt_blueprint_page_n_steps (self), 1) - 1);
    }
  else if (self->layout != NULL && (index = tpt_blueprint_page_index_of_step (self, node)) >= 0)
    {
      self->cursor_step = index;
      self->has_cursor = tpt_blueprint_page_n_lanes (self) > 0;
      self->cursor_lane = MIN (self->cursor_lane, MAX (tpt_blueprint_page_n_lanes (self), 1) - 1);
    }
  set_selection (self, &node, node != NULL ? 1 : 0);
}

void
tpt_blueprint_page_select_flow (TptBlueprintPage *self,
                                TptFlow          *flow)
{
  TptNode *node = TPT_NODE (flow);

  set_selection (self, &node, flow != NULL ? 1 : 0);
}

static void
toggle_card (TptBlueprintPage *self,
             TptCard          *card)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_copy (self->selection, NULL, NULL);

  if (!g_ptr_array_remove (cards, card))
    {
      g_ptr_array_add (cards, card);
      set_cursor_to_card (self, card);
    }
  set_selection (self, (TptNode **) cards->pdata, cards->len);
}

static void
add_card_to_selection (TptBlueprintPage *self,
                       TptCard          *card)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_copy (self->selection, NULL, NULL);

  if (!g_ptr_array_find (cards, card, NULL))
    g_ptr_array_add (cards, card);
  set_cursor_to_card (self, card);
  set_selection (self, (TptNode **) cards->pdata, cards->len);
}

/* The selected cards in reading order: lane by lane, left to right. */
GPtrArray *
tpt_blueprint_page_selection_in_order (TptBlueprintPage *self)
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
tpt_blueprint_page_primary_card (TptBlueprintPage *self)
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
choose_card (TptBlueprintPage *self,
             TptCard            *card)
{
  if (!self->extending)
    tpt_blueprint_page_select_card (self, card);
  else if (card != NULL)
    add_card_to_selection (self, card);
  else
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
move_cursor_to_cell (TptBlueprintPage *self,
                     guint               lane,
                     guint               step,
                     gboolean            from_below)
{
  g_autoptr(GPtrArray) here = tpt_blueprint_page_cards_in_cell (self, lane, step, NULL);
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
      TptRect cell = tpt_blueprint_page_cell_rect (self, lane, step);

      choose_card (self, NULL);
      tpt_canvas_scroll_to (TPT_CANVAS (self), &cell);
    }
}

/* Arrows walk the grid: within a cell's stack first, then to the
 * neighbouring cell, which may be empty. */
static void
navigate (TptBlueprintPage *self,
          int                 dx,
          int                 dy)
{
  const TptLayoutCard *placed = tpt_blueprint_page_layout_card (self, tpt_blueprint_page_primary_card (self));
  int lane, step;

  if (tpt_blueprint_page_n_lanes (self) == 0 || tpt_blueprint_page_n_steps (self) == 0)
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
      g_autoptr(GPtrArray) here = tpt_blueprint_page_cards_in_cell (self, lane, step, NULL);
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
  if (lane < 0 && step >= 0 && step < (int) tpt_blueprint_page_n_steps (self))
    {
      tpt_blueprint_page_select_header (self, tpt_blueprint_page_column_node (self, step));
      return;
    }
  if (step < 0 && lane >= 0 && lane < (int) tpt_blueprint_page_n_lanes (self))
    {
      tpt_blueprint_page_select_header (self, TPT_NODE (tpt_blueprint_page_lane_object (self, lane)));
      return;
    }
  if (lane < 0 || lane >= (int) tpt_blueprint_page_n_lanes (self) || step < 0 || step >= (int) tpt_blueprint_page_n_steps (self))
    return;

  move_cursor_to_cell (self, lane, step, dy < 0);
}

/* Tab and Shift+Tab: every card in reading order, then round again. */
void
tpt_blueprint_page_walk (TptBlueprintPage *self,
                         int               direction)
{
  const TptLayoutCard *placed = tpt_blueprint_page_layout_card (self, tpt_blueprint_page_primary_card (self));
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
  tpt_blueprint_page_select_card (self, g_array_index (self->layout->cards, TptLayoutCard, next).card);
}

/**
 * tpt_blueprint_page_navigate:
 * @self: a page
 * @dx: the arrow's way across: -1, 0 or 1
 * @dy: the arrow's way down
 * @extend: whether Shift is held, adding the cards reached to the
 *   selection
 *
 * An arrow key: among the headers while one is selected, and in the grid
 * otherwise.
 */
void
tpt_blueprint_page_navigate (TptBlueprintPage *self,
                             int               dx,
                             int               dy,
                             gboolean          extend)
{
  if (self->header != NULL)
    {
      tpt_blueprint_page_navigate_headers (self, dx, dy);
      return;
    }

  self->extending = extend;
  navigate (self, dx, dy);
  self->extending = FALSE;
}

/* ------------------------------------------------------------------ */
/* Presses                                                             */

TptCard *
tpt_blueprint_page_card_at (TptBlueprintPage *self,
                            double            x,
                            double            y)
{
  const TptLayoutCard *card;

  if (self->layout == NULL)
    return NULL;
  card = tpt_blueprint_layout_card_at (self->layout, x, y);
  return card != NULL ? card->card : NULL;
}

/**
 * tpt_blueprint_page_hit:
 * @self: a page
 * @x: where a primary-button press is, in the layout's units
 * @y: the same, down
 * @state: the modifiers held
 *
 * Returns: what a drag from there takes hold of; one drag tool each
 */
TptBlueprintHit
tpt_blueprint_page_hit (TptBlueprintPage *self,
                        double            x,
                        double            y,
                        GdkModifierType   state)
{
  TptCard *card, *edge;
  guint lane, step;

  if (self->layout == NULL)
    return TPT_BLUEPRINT_HIT_NONE;

  card = tpt_blueprint_page_card_at (self, x, y);
  if (tpt_blueprint_page_handle_hit (self, x, y, &edge))
    return TPT_BLUEPRINT_HIT_HANDLE;
  if (tpt_blueprint_page_span_edge_hit (self, x, y, &edge))
    return TPT_BLUEPRINT_HIT_SPAN_EDGE;
  if (tpt_blueprint_page_header_at (self, x, y) != NULL)
    return TPT_BLUEPRINT_HIT_HEADER;
  if (card == NULL && tpt_blueprint_page_cell_at (self, x, y, &lane, &step) &&
      tpt_blueprint_page_emotion_of_lane (self, lane) != NULL &&
      !(state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK)))
    return TPT_BLUEPRINT_HIT_EMOTION;
  if (card != NULL && g_ptr_array_find (self->selection, card, NULL) &&
      !(state & GDK_CONTROL_MASK))
    return TPT_BLUEPRINT_HIT_CARD;
  if (card == NULL)
    return TPT_BLUEPRINT_HIT_PAPER;

  return TPT_BLUEPRINT_HIT_NONE;
}

/* A drag tool took hold: no flow handles over what it draws, and the
 * press is no click. */
void
tpt_blueprint_page_begin_drag (TptBlueprintPage *self)
{
  self->dragging++;
  self->pressed = NULL;
}

void
tpt_blueprint_page_end_drag (TptBlueprintPage *self)
{
  g_return_if_fail (self->dragging > 0);

  self->dragging--;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
press_primary (TptBlueprintPage *self,
               double            x,
               double            y,
               int               n_press,
               GdkModifierType   state)
{
  TptCard *card = tpt_blueprint_page_card_at (self, x, y);
  gboolean extend = (state & (GDK_CONTROL_MASK | GDK_SHIFT_MASK)) != 0;
  TptNode *header;
  TptFlow *flow;
  guint lane, step;

  self->pressed = NULL;

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
        tpt_blueprint_page_select_card (self, card);

      if (n_press == 2 && !extend)
        tpt_blueprint_page_open_editor (self, card, 0, 0);
      return;
    }

  if ((header = tpt_blueprint_page_header_at (self, x, y)) != NULL)
    {
      tpt_blueprint_page_select_header (self, header);
      if (n_press == 2)
        tpt_blueprint_page_open_header_editor (self, header);
      return;
    }
  if ((flow = tpt_blueprint_page_flow_at (self, x, y)) != NULL)
    {
      tpt_blueprint_page_select_flow (self, flow);
      return;
    }

  if (!extend)
    tpt_blueprint_page_select_card (self, NULL);
  if (tpt_blueprint_page_cell_at (self, x, y, &lane, &step))
    {
      self->has_cursor = TRUE;
      self->cursor_lane = lane;
      self->cursor_step = step;
      if (n_press == 2 && !extend)
        tpt_blueprint_page_open_editor (self, NULL, lane, step);
    }
  tpt_blueprint_page_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
tpt_blueprint_page_press (TptCanvas       *canvas,
                          double           x,
                          double           y,
                          int              n_press,
                          guint            button,
                          GdkModifierType  state)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (canvas);

  if (self->layout == NULL)
    return;

  if (button == GDK_BUTTON_SECONDARY)
    {
      TptCard *card = tpt_blueprint_page_card_at (self, x, y);

      if (card == NULL || !g_ptr_array_find (self->selection, card, NULL))
        press_primary (self, x, y, 1, 0);
      tpt_blueprint_page_popup_menu (self, x, y);
      return;
    }
  if (button == GDK_BUTTON_PRIMARY)
    press_primary (self, x, y, n_press, state);
}

static void
tpt_blueprint_page_release (TptCanvas       *canvas,
                            double           x,
                            double           y,
                            int              n_press,
                            guint            button,
                            GdkModifierType  state)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (canvas);
  TptCard *card = g_steal_pointer (&self->pressed);

  if (card != NULL && button == GDK_BUTTON_PRIMARY && g_ptr_array_find (self->selection, card, NULL))
    tpt_blueprint_page_select_card (self, card);
}

static void
tpt_blueprint_page_hover (TptCanvas *canvas,
                          double     x,
                          double     y,
                          gboolean   inside)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (canvas);
  TptCard *card = inside ? tpt_blueprint_page_card_at (self, x, y) : NULL;
  TptCard *edge;

  if (inside && self->layout != NULL && !tpt_canvas_is_panning (canvas) && self->dragging == 0)
    {
      if (tpt_blueprint_page_handle_hit (self, x, y, &edge))
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "crosshair");
      else if (tpt_blueprint_page_span_edge_hit (self, x, y, &edge))
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "col-resize");
      else
        gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
    }
  if (card != self->hover)
    {
      self->hover = card;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }

  /* At low zoom the text is too small to read: the tooltip has it all,
   * but never over an open menu. */
  if (card != NULL && tpt_canvas_get_zoom (canvas) < 0.75 && tpt_canvas_get_menu (canvas) == NULL)
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), tpt_card_get_text (card));
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
}

static gboolean
tpt_blueprint_page_primary_pans (TptCanvas *canvas,
                                 double     x,
                                 double     y)
{
  /* Every primary press on a blueprint selects or drags something;
   * panning is the middle button's, or Space's. */
  return FALSE;
}

/* ------------------------------------------------------------------ */
/* Drawing, over the rendered blueprint, in layout coordinates         */

void
tpt_blueprint_page_rounded_rect (cairo_t       *cr,
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

static void
tpt_blueprint_page_draw (TptCanvas      *canvas,
                         cairo_t        *cr,
                         const TptTheme *theme)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (canvas);

  if (self->layout != NULL)
    tpt_blueprint_render (cr, self->layout, theme);
}

/* The selection, the hovered card and the keyboard cursor over the
 * blueprint; what drags are doing the tools draw. */
static void
tpt_blueprint_page_draw_overlay (TptCanvas *canvas,
                                 cairo_t   *cr,
                                 double     px)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (canvas);
  gboolean focused = gtk_widget_has_focus (GTK_WIDGET (self));
  const TptLayoutCard *placed;
  GdkRGBA accent;

  if (self->layout == NULL)
    return;

  /* Drawn over the tiles, not into them: a comparison comes and goes
   * without the cards being drawn again. */
  if (tpt_canvas_get_changes (canvas) != NULL)
    tpt_canvas_add_marked (canvas, tpt_changes_overlay_render (cr, self->layout,
                                                               tpt_canvas_get_changes (canvas),
                                                               tpt_canvas_get_theme (canvas)));

  tpt_canvas_get_accent (canvas, &accent);

  placed = tpt_blueprint_page_layout_card (self, self->hover);
  if (placed != NULL && !g_ptr_array_find (self->selection, self->hover, NULL))
    {
      TptRect r = grow (&placed->rect, 1.5 * px);

      tpt_blueprint_page_rounded_rect (cr, &r, 5);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.45);
      cairo_set_line_width (cr, 1.5 * px);
      cairo_stroke (cr);
    }

  for (guint i = 0; i < self->selection->len; i++)
    {
      TptCard *card = g_ptr_array_index (self->selection, i);

      placed = tpt_blueprint_page_layout_card (self, card);
      if (placed != NULL)
        {
          TptRect r = grow (&placed->rect, 2.5 * px);

          tpt_blueprint_page_rounded_rect (cr, &r, 6);
          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_set_line_width (cr, (card == tpt_blueprint_page_primary_card (self) && focused
                                     ? 3 : 2) * px);
          cairo_stroke (cr);
        }
    }

  /* An empty cell that has the keyboard cursor. */
  if (self->selection->len == 0 && self->header == NULL && self->flow == NULL &&
      self->has_cursor && focused &&
      self->cursor_lane < tpt_blueprint_page_n_lanes (self) &&
      self->cursor_step < tpt_blueprint_page_n_steps (self))
    {
      TptRect cell = tpt_blueprint_page_cell_rect (self, self->cursor_lane, self->cursor_step);
      TptRect r = grow (&cell, -3 * px);
      double dash[] = { 4 * px, 3 * px };

      tpt_blueprint_page_rounded_rect (cr, &r, 4);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 2 * px);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  tpt_blueprint_page_structure_draw (self, cr, &accent, px);
}

static gboolean
tpt_blueprint_page_get_placeholder (TptCanvas   *canvas,
                                    const char **title,
                                    const char **body)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (canvas);

  if (self->layout == NULL || self->layout->lanes->len > 0 || self->layout->steps->len > 0)
    return FALSE;
  *title = _("An Empty Blueprint");
  *body = _("Add steps along the journey with Ctrl+Shift+Right and lanes for who acts "
            "with Ctrl+Shift+Down, or right-click for more.");
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Following the document                                              */

static gboolean
same_card (const TptLayoutCard *a,
           const TptLayoutCard *b)
{
  return a->kind == b->kind && a->span == b->span && a->lane == b->lane &&
         a->step == b->step && memcmp (&a->rect, &b->rect, sizeof a->rect) == 0 &&
         a->text.layout == b->text.layout && a->meta.layout == b->meta.layout &&
         memcmp (&a->badge, &b->badge, sizeof a->badge) == 0;
}

/* Whether two layouts of one blueprint have the same grid: lanes, steps,
 * stages and everything drawn outside the cards in the same places. The
 * text cache gives an unchanged text the very same Pango layout, so
 * comparing the pointers compares the texts. */
static gboolean
same_grid (const TptBlueprintLayout *a,
           const TptBlueprintLayout *b)
{
  if (a->blueprint != b->blueprint ||
      memcmp (&a->bounds, &b->bounds, sizeof a->bounds) != 0 ||
      memcmp (&a->grid, &b->grid, sizeof a->grid) != 0 ||
      a->title.layout != b->title.layout || a->subtitle.layout != b->subtitle.layout ||
      a->lanes->len != b->lanes->len || a->steps->len != b->steps->len ||
      a->stages->len != b->stages->len || a->emotions->len != b->emotions->len ||
      a->legend->len != b->legend->len || a->lines->len != b->lines->len ||
      a->offices->len != b->offices->len)
    return FALSE;

  for (guint i = 0; i < a->lanes->len; i++)
    {
      const TptLayoutLane *la = &g_array_index (a->lanes, TptLayoutLane, i);
      const TptLayoutLane *lb = &g_array_index (b->lanes, TptLayoutLane, i);

      if (la->lane != lb->lane || la->kind != lb->kind || la->office != lb->office ||
          memcmp (&la->rect, &lb->rect, sizeof la->rect) != 0 ||
          la->title.layout != lb->title.layout || la->subtitle.layout != lb->subtitle.layout)
        return FALSE;
    }
  for (guint i = 0; i < a->steps->len; i++)
    {
      const TptLayoutStep *sa = &g_array_index (a->steps, TptLayoutStep, i);
      const TptLayoutStep *sb = &g_array_index (b->steps, TptLayoutStep, i);

      if (sa->step != sb->step || sa->collapsed != sb->collapsed ||
          memcmp (&sa->column, &sb->column, sizeof sa->column) != 0 ||
          sa->title.layout != sb->title.layout || sa->duration.layout != sb->duration.layout)
        return FALSE;
    }
  for (guint i = 0; i < a->stages->len; i++)
    {
      const TptLayoutStage *ta = &g_array_index (a->stages, TptLayoutStage, i);
      const TptLayoutStage *tb = &g_array_index (b->stages, TptLayoutStage, i);

      if (ta->stage != tb->stage || memcmp (&ta->rect, &tb->rect, sizeof ta->rect) != 0 ||
          ta->title.layout != tb->title.layout)
        return FALSE;
    }
  for (guint i = 0; i < a->emotions->len; i++)
    {
      const TptLayoutEmotion *ea = &g_array_index (a->emotions, TptLayoutEmotion, i);
      const TptLayoutEmotion *eb = &g_array_index (b->emotions, TptLayoutEmotion, i);

      if (ea->points->len != eb->points->len ||
          memcmp (ea->points->data, eb->points->data, ea->points->len * sizeof (TptPoint)) != 0)
        return FALSE;
    }
  for (guint i = 0; i < a->legend->len; i++)
    if (g_array_index (a->legend, TptLayoutLegendItem, i).label.layout !=
        g_array_index (b->legend, TptLayoutLegendItem, i).label.layout)
      return FALSE;

  return TRUE;
}

/* Whether two flows are drawn alike: the same cards, arrow and path. */
static gboolean
same_flow (const TptLayoutFlow *a,
           const TptLayoutFlow *b)
{
  return a->flow == b->flow && a->arrow == b->arrow && a->points->len == b->points->len &&
         memcmp (a->points->data, b->points->data, a->points->len * sizeof (TptPoint)) == 0;
}

static TptRect
flow_bounds (const TptLayoutFlow *flow)
{
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;

  for (guint i = 0; i < flow->points->len; i++)
    {
      const TptPoint *p = &g_array_index (flow->points, TptPoint, i);

      x0 = MIN (x0, p->x);
      y0 = MIN (y0, p->y);
      x1 = MAX (x1, p->x);
      y1 = MAX (y1, p->y);
    }
  /* Arrow heads and line width reach a little beyond the path. */
  return flow->points->len > 0 ? (TptRect) { x0 - 8, y0 - 8, x1 - x0 + 16, y1 - y0 + 16 }
                               : (TptRect) { 0, 0, 0, 0 };
}

/* Redraws what differs between two layouts: with the same grid, only the
 * cards and flows that changed, came or went; otherwise everything. A
 * card's new text that keeps its lane's height so redraws one card. */
static void
invalidate_changes (TptBlueprintPage         *self,
                    const TptBlueprintLayout *old,
                    const TptBlueprintLayout *layout)
{
  TptCanvas *canvas = TPT_CANVAS (self);
  g_autoptr(GHashTable) before = NULL;
  GHashTableIter iter;
  gpointer value;

  if (old == NULL || !same_grid (old, layout))
    {
      tpt_canvas_invalidate (canvas, NULL);
      return;
    }

  /* An empty rectangle: the canvas knows the drawing was looked at. */
  tpt_canvas_invalidate (canvas, &(TptRect) { 0, 0, 0, 0 });

  before = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < old->cards->len; i++)
    g_hash_table_insert (before, g_array_index (old->cards, TptLayoutCard, i).card,
                         &g_array_index (old->cards, TptLayoutCard, i));
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const TptLayoutCard *b = &g_array_index (layout->cards, TptLayoutCard, i);
      const TptLayoutCard *a = g_hash_table_lookup (before, b->card);

      if (a != NULL)
        g_hash_table_remove (before, b->card);
      if (a != NULL && same_card (a, b))
        continue;
      if (a != NULL)
        tpt_canvas_invalidate (canvas, &a->rect);
      tpt_canvas_invalidate (canvas, &b->rect);
    }
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    tpt_canvas_invalidate (canvas, &((const TptLayoutCard *) value)->rect);

  /* Flows by their paths, old and new. */
  g_hash_table_remove_all (before);
  for (guint i = 0; i < old->flows->len; i++)
    g_hash_table_insert (before, g_array_index (old->flows, TptLayoutFlow, i).flow,
                         &g_array_index (old->flows, TptLayoutFlow, i));
  for (guint i = 0; i < layout->flows->len; i++)
    {
      const TptLayoutFlow *b = &g_array_index (layout->flows, TptLayoutFlow, i);
      const TptLayoutFlow *a = g_hash_table_lookup (before, b->flow);
      TptRect r;

      if (a != NULL)
        g_hash_table_remove (before, b->flow);
      if (a != NULL && same_flow (a, b))
        continue;
      if (a != NULL)
        {
          r = flow_bounds (a);
          tpt_canvas_invalidate (canvas, &r);
        }
      r = flow_bounds (b);
      tpt_canvas_invalidate (canvas, &r);
    }
  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      TptRect r = flow_bounds (value);

      tpt_canvas_invalidate (canvas, &r);
    }
}

/* Follows the new layout: cards that are gone leave the page's view of
 * the selection (the window's drops them as the history moves), and an
 * edit in progress moves with its card. */
static void
follow_layout (TptBlueprintPage *self)
{
  TptCanvas *canvas = TPT_CANVAS (self);

  g_hash_table_remove_all (self->card_index);
  for (guint i = 0; self->layout != NULL && i < self->layout->cards->len; i++)
    g_hash_table_insert (self->card_index,
                         g_array_index (self->layout->cards, TptLayoutCard, i).card,
                         GUINT_TO_POINTER (i + 1));

  for (guint i = self->selection->len; i-- > 0;)
    if (tpt_blueprint_page_layout_card (self, g_ptr_array_index (self->selection, i)) == NULL)
      g_ptr_array_remove_index (self->selection, i);
  if (tpt_blueprint_page_layout_card (self, self->hover) == NULL)
    self->hover = NULL;
  if (self->has_cursor &&
      (self->cursor_lane >= tpt_blueprint_page_n_lanes (self) ||
       self->cursor_step >= tpt_blueprint_page_n_steps (self)))
    self->has_cursor = FALSE;

  if (tpt_canvas_is_editing (canvas))
    {
      const TptLayoutCard *placed = tpt_blueprint_page_layout_card (self, self->editing);
      TptRect rect;

      if (self->editing_header != NULL)
        {
          if (tpt_blueprint_page_header_rect (self, self->editing_header, &rect))
            tpt_canvas_set_edit_rect (canvas, &rect);
          else
            tpt_canvas_end_edit (canvas, TPT_EDITOR_END_CANCEL);
        }
      else if (self->editing != NULL && placed == NULL)
        tpt_canvas_end_edit (canvas, TPT_EDITOR_END_CANCEL);
      else if (placed != NULL)
        tpt_canvas_set_edit_rect (canvas, &placed->rect);
      else if (!tpt_blueprint_page_cell_takes_cards (self, self->edit_lane, self->edit_step))
        tpt_canvas_end_edit (canvas, TPT_EDITOR_END_CANCEL);
    }

  describe_selection (self);
  tpt_blueprint_page_update_actions (self);

  if (self->pending_rename != NULL)
    {
      g_autoptr(TptNode) node = g_steal_pointer (&self->pending_rename);
      TptRect rect;

      if (tpt_blueprint_page_header_rect (self, node, &rect))
        {
          tpt_blueprint_page_select_header (self, node);
          tpt_blueprint_page_open_header_editor (self, node);
        }
    }
}

static void
tpt_blueprint_page_relayout (TptCanvas *canvas,
                             double    *width,
                             double    *height)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (canvas);
  g_autoptr(TptBlueprintLayout) old = g_steal_pointer (&self->layout);
  TptTextCache *cache = tpt_canvas_get_text_cache (canvas);

  if (self->blueprint != NULL && !tpt_node_is_attached (TPT_NODE (self->blueprint)))
    g_clear_object (&self->blueprint);

  if (self->document != NULL && self->blueprint != NULL)
    {
      /* The cache lives as long as the page: after an edit only the
       * changed texts are measured again, and keep their layouts. */
      self->layout = tpt_blueprint_layout_new_full (self->document, self->blueprint, cache,
                                                    self->collapsed);
      *width = self->layout->bounds.width;
      *height = self->layout->bounds.height;
      invalidate_changes (self, old, self->layout);
      /* Trimmed after comparing: the old layout's texts are still in use. */
      g_clear_pointer (&old, tpt_blueprint_layout_unref);
      tpt_text_cache_trim (cache);
    }

  follow_layout (self);
}

static gboolean
tpt_blueprint_page_locate (TptCanvas  *canvas,
                           TptNode    *node,
                           const char *part,
                           TptRect    *rect)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (canvas);
  const TptLayoutCard *placed;

  if (self->layout == NULL)
    return FALSE;

  if (TPT_IS_CARD (node) && (placed = tpt_blueprint_page_layout_card (self, TPT_CARD (node))))
    {
      TptPoint centre;

      if (g_strcmp0 (part, "handle") == 0)
        {
          if (!tpt_blueprint_page_handle_of (self, TPT_CARD (node), &centre))
            return FALSE;
          *rect = (TptRect) { centre.x - 2, centre.y - 2, 4, 4 };
        }
      else if (g_strcmp0 (part, "span-edge") == 0)
        *rect = (TptRect) { tpt_rect_right (&placed->rect) - 2, placed->rect.y + 4, 2,
                            placed->rect.height - 8 };
      else
        *rect = placed->rect;
      return TRUE;
    }
  if (TPT_IS_STAGE (node) && g_strcmp0 (part, "body") == 0)
    {
      for (guint i = 0; i < self->layout->stages->len; i++)
        {
          const TptLayoutStage *ls = &g_array_index (self->layout->stages, TptLayoutStage, i);

          if (ls->stage == TPT_STAGE (node))
            {
              *rect = (TptRect) { ls->rect.x, ls->rect.y, ls->rect.width,
                                  tpt_rect_bottom (&self->layout->grid) - ls->rect.y };
              return TRUE;
            }
        }
      return FALSE;
    }
  if (TPT_IS_LANE (node) || TPT_IS_STEP (node) || TPT_IS_STAGE (node))
    return tpt_blueprint_page_header_rect (self, node, rect);
  if (TPT_IS_BLUEPRINT (node) && TPT_BLUEPRINT (node) == self->blueprint)
    {
      *rect = self->layout->bounds;
      return TRUE;
    }

  return FALSE;
}

static void
tpt_blueprint_page_reset (TptCanvas *canvas)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (canvas);

  self->document = tpt_canvas_get_document (canvas);
  g_clear_object (&self->blueprint);
  g_hash_table_remove_all (self->collapsed);
  self->has_cursor = FALSE;
  self->hover = NULL;
  self->pressed = NULL;
  g_clear_object (&self->pending_rename);
}

/* ------------------------------------------------------------------ */

/**
 * tpt_blueprint_page_set_blueprint:
 * @self: a page
 * @blueprint: (nullable): the blueprint of the page's document to show
 */
void
tpt_blueprint_page_set_blueprint (TptBlueprintPage *self,
                                  TptBlueprint     *blueprint)
{
  g_return_if_fail (TPT_IS_BLUEPRINT_PAGE (self));
  g_return_if_fail (blueprint == NULL || TPT_IS_BLUEPRINT (blueprint));

  if (self->blueprint == blueprint)
    return;

  tpt_canvas_end_edit (TPT_CANVAS (self), TPT_EDITOR_END_COMMIT);
  tpt_canvas_close_menu (TPT_CANVAS (self));
  tpt_canvas_reset_tools (TPT_CANVAS (self));
  g_set_object (&self->blueprint, blueprint);
  g_hash_table_remove_all (self->collapsed);
  self->has_cursor = FALSE;
  self->hover = NULL;
  tpt_canvas_relayout_now (TPT_CANVAS (self));
  tpt_blueprint_page_selection_changed (TPT_CANVAS (self));
  tpt_canvas_zoom_to_fit (TPT_CANVAS (self));
}

/**
 * tpt_blueprint_page_get_blueprint:
 *
 * Returns: (nullable) (transfer none): the blueprint shown
 */
TptBlueprint *
tpt_blueprint_page_get_blueprint (TptBlueprintPage *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT_PAGE (self), NULL);

  return self->blueprint;
}

/**
 * tpt_blueprint_page_get_layout:
 *
 * Returns: (nullable) (transfer none): the layout drawn and hit-tested
 */
TptBlueprintLayout *
tpt_blueprint_page_get_layout (TptBlueprintPage *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT_PAGE (self), NULL);

  return self->layout;
}

/**
 * tpt_blueprint_page_set_stage_collapsed:
 * @self: a page
 * @stage: a stage of the blueprint shown
 * @collapsed: whether to show it as one column
 *
 * Collapses a stage on screen, to see the journey around it. It is the
 * page's, not the document's: printing and export show every step.
 */
void
tpt_blueprint_page_set_stage_collapsed (TptBlueprintPage *self,
                                        TptStage         *stage,
                                        gboolean          collapsed)
{
  const char *id;

  g_return_if_fail (TPT_IS_BLUEPRINT_PAGE (self));
  g_return_if_fail (TPT_IS_STAGE (stage));

  id = tpt_node_get_id (TPT_NODE (stage));
  if (collapsed == g_hash_table_contains (self->collapsed, id))
    return;
  if (collapsed)
    g_hash_table_add (self->collapsed, g_strdup (id));
  else
    g_hash_table_remove (self->collapsed, id);
  tpt_canvas_queue_relayout (TPT_CANVAS (self));
}

gboolean
tpt_blueprint_page_get_stage_collapsed (TptBlueprintPage *self,
                                        TptStage         *stage)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT_PAGE (self), FALSE);
  g_return_val_if_fail (TPT_IS_STAGE (stage), FALSE);

  return g_hash_table_contains (self->collapsed, tpt_node_get_id (TPT_NODE (stage)));
}

gboolean
tpt_blueprint_page_get_cursor (TptBlueprintPage *self,
                               guint            *lane,
                               guint            *step)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT_PAGE (self), FALSE);

  if (lane != NULL)
    *lane = self->cursor_lane;
  if (step != NULL)
    *step = self->cursor_step;
  return self->has_cursor;
}

/**
 * tpt_blueprint_page_get_cards:
 *
 * Returns: (transfer none) (element-type TptCard): the selected cards of
 *   this blueprint, the last chosen last
 */
GPtrArray *
tpt_blueprint_page_get_cards (TptBlueprintPage *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT_PAGE (self), NULL);

  return self->selection;
}

static void
tpt_blueprint_page_dispose (GObject *object)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (object);

  self->document = NULL;
  g_clear_object (&self->blueprint);
  g_clear_pointer (&self->layout, tpt_blueprint_layout_unref);
  g_clear_object (&self->header);
  g_clear_object (&self->flow);
  g_clear_object (&self->pending_rename);
  g_clear_object (&self->editing_header);
  g_clear_object (&self->editing);
  if (self->selection != NULL)
    g_ptr_array_set_size (self->selection, 0);

  G_OBJECT_CLASS (tpt_blueprint_page_parent_class)->dispose (object);
}

static void
tpt_blueprint_page_finalize (GObject *object)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (object);

  g_clear_pointer (&self->card_index, g_hash_table_unref);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->selection, g_ptr_array_unref);

  G_OBJECT_CLASS (tpt_blueprint_page_parent_class)->finalize (object);
}

static void
tpt_blueprint_page_class_init (TptBlueprintPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TptCanvasClass *canvas_class = TPT_CANVAS_CLASS (klass);

  object_class->dispose = tpt_blueprint_page_dispose;
  object_class->finalize = tpt_blueprint_page_finalize;

  canvas_class->relayout = tpt_blueprint_page_relayout;
  canvas_class->draw = tpt_blueprint_page_draw;
  canvas_class->draw_overlay = tpt_blueprint_page_draw_overlay;
  canvas_class->get_placeholder = tpt_blueprint_page_get_placeholder;
  canvas_class->locate = tpt_blueprint_page_locate;
  canvas_class->press = tpt_blueprint_page_press;
  canvas_class->release = tpt_blueprint_page_release;
  canvas_class->hover = tpt_blueprint_page_hover;
  canvas_class->primary_pans = tpt_blueprint_page_primary_pans;
  canvas_class->selection_changed = tpt_blueprint_page_selection_changed;
  canvas_class->reset = tpt_blueprint_page_reset;

  tpt_blueprint_page_class_add_actions (widget_class);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tpt_blueprint_page_init (TptBlueprintPage *self)
{
  TptCanvas *canvas = TPT_CANVAS (self);
  /* After the canvas's own (the region capture, clicks, panning and
   * zooming), the drags of a blueprint, each taking its own presses. */
  TptTool *tools[] = {
    tpt_flow_tool_new (), tpt_span_tool_new (), tpt_header_move_tool_new (),
    tpt_emotion_tool_new (), tpt_card_move_tool_new (), tpt_band_tool_new (),
    tpt_link_tool_new (),
  };

  self->selection = g_ptr_array_new_with_free_func (g_object_unref);
  self->card_index = g_hash_table_new (NULL, NULL);
  self->collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Blueprint"), -1);

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      tpt_canvas_add_tool (canvas, tools[i]);
      g_object_unref (tools[i]);
    }
}

GtkWidget *
tpt_blueprint_page_new (void)
{
  return g_object_new (TPT_TYPE_BLUEPRINT_PAGE, NULL);
}
