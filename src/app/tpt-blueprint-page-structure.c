/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tpt-blueprint-page-private.h"

#include "tpt-node-edits.h"

/* The blueprint's frame and what runs between cards: lanes, steps and
 * stages selected, added, renamed, moved and deleted by their headers;
 * flows drawn from a card's handle to another card; emotion curves set
 * point by point; a card's span stretched by its right edge. */

/* How close, in widget pixels, the pointer must be to a thin target (a
 * flow, a card's edge, its handle) to hit it. */
#define HIT_SLOP     5.0
#define HANDLE_SIZE  6.0

/* ------------------------------------------------------------------ */
/* Hit-testing                                                         */

/* Where @node is in one of the layout's arrays, whose elements hold their
 * node at @offset; −1 if it is not there. */
static int
index_in (GArray  *array,
          gsize    offset,
          TptNode *node)
{
  gsize size = g_array_get_element_size (array);

  for (guint i = 0; node != NULL && i < array->len; i++)
    if (G_STRUCT_MEMBER (TptNode *, array->data + i * size, offset) == node)
      return i;
  return -1;
}

int
tpt_blueprint_page_index_of_lane (TptBlueprintPage *self,
               TptNode            *node)
{
  return index_in (self->layout->lanes, G_STRUCT_OFFSET (TptLayoutLane, lane), node);
}

int
tpt_blueprint_page_index_of_step (TptBlueprintPage *self,
               TptNode            *node)
{
  return index_in (self->layout->steps, G_STRUCT_OFFSET (TptLayoutStep, step), node);
}

int
tpt_blueprint_page_index_of_stage (TptBlueprintPage *self,
                TptNode            *node)
{
  return index_in (self->layout->stages, G_STRUCT_OFFSET (TptLayoutStage, stage), node);
}

/**
 * tpt_blueprint_page_header_at:
 *
 * Returns: (nullable) (transfer none): the stage, step or lane whose header
 *   is at the point
 */
TptNode *
tpt_blueprint_page_header_at (TptBlueprintPage *self,
                      double              x,
                      double              y)
{
  if (self->layout == NULL)
    return NULL;

  for (guint i = 0; i < self->layout->stages->len; i++)
    {
      const TptLayoutStage *stage = &g_array_index (self->layout->stages, TptLayoutStage, i);

      if (tpt_rect_contains_point (&stage->rect, x, y))
        return TPT_NODE (stage->stage);
    }
  for (guint i = 0; i < tpt_blueprint_page_n_steps (self); i++)
    {
      const TptLayoutStep *step = &g_array_index (self->layout->steps, TptLayoutStep, i);

      if (tpt_rect_contains_point (&step->header, x, y))
        return tpt_blueprint_page_column_node (self, i);
    }
  for (guint i = 0; i < tpt_blueprint_page_n_lanes (self); i++)
    {
      const TptLayoutLane *lane = &g_array_index (self->layout->lanes, TptLayoutLane, i);

      if (tpt_rect_contains_point (&lane->header, x, y))
        return TPT_NODE (lane->lane);
    }

  return NULL;
}

gboolean
tpt_blueprint_page_header_rect (TptBlueprintPage *self,
                        TptNode            *node,
                        TptRect            *rect)
{
  int index;

  if (self->layout == NULL || node == NULL)
    return FALSE;

  if ((index = tpt_blueprint_page_index_of_lane (self, node)) >= 0)
    *rect = g_array_index (self->layout->lanes, TptLayoutLane, index).header;
  else if ((index = tpt_blueprint_page_index_of_step (self, node)) >= 0)
    *rect = g_array_index (self->layout->steps, TptLayoutStep, index).header;
  else if ((index = tpt_blueprint_page_index_of_stage (self, node)) >= 0)
    *rect = g_array_index (self->layout->stages, TptLayoutStage, index).rect;
  else
    return FALSE;
  return TRUE;
}

static double
distance_to_segment (double            x,
                     double            y,
                     const TptPoint   *a,
                     const TptPoint   *b)
{
  double dx = b->x - a->x, dy = b->y - a->y;
  double length2 = dx * dx + dy * dy;
  double t = length2 > 0 ? ((x - a->x) * dx + (y - a->y) * dy) / length2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (x - (a->x + t * dx), y - (a->y + t * dy));
}

/**
 * tpt_blueprint_page_flow_at:
 *
 * Returns: (nullable) (transfer none): the flow whose line passes by the point
 */
TptFlow *
tpt_blueprint_page_flow_at (TptBlueprintPage *self,
                    double              x,
                    double              y)
{
  double slop;

  if (self->layout == NULL)
    return NULL;

  slop = HIT_SLOP / tpt_canvas_get_zoom (TPT_CANVAS (self));
  for (guint i = 0; i < self->layout->flows->len; i++)
    {
      const TptLayoutFlow *flow = &g_array_index (self->layout->flows, TptLayoutFlow, i);

      for (guint k = 1; k < flow->points->len; k++)
        if (distance_to_segment (x, y, &g_array_index (flow->points, TptPoint, k - 1),
                                 &g_array_index (flow->points, TptPoint, k)) <= slop)
          return flow->flow;
    }

  return NULL;
}

static const TptLayoutFlow *
layout_flow (TptBlueprintPage *self,
             TptFlow            *flow)
{
  for (guint i = 0; self->layout != NULL && flow != NULL && i < self->layout->flows->len; i++)
    if (g_array_index (self->layout->flows, TptLayoutFlow, i).flow == flow)
      return &g_array_index (self->layout->flows, TptLayoutFlow, i);
  return NULL;
}

/* The handle to draw flows from sits on the right edge of the selected or
 * hovered card. */
gboolean
tpt_blueprint_page_handle_of (TptBlueprintPage *self,
           TptCard            *card,
           TptPoint           *centre)
{
  const TptLayoutCard *placed = tpt_blueprint_page_layout_card (self, card);

  if (placed == NULL)
    return FALSE;
  centre->x = tpt_rect_right (&placed->rect);
  centre->y = placed->rect.y + placed->rect.height / 2;
  return TRUE;
}

gboolean
tpt_blueprint_page_handle_hit (TptBlueprintPage *self,
                       double              x,
                       double              y,
                       TptCard           **card)
{
  TptCard *candidates[] = { tpt_blueprint_page_primary_card (self), self->hover };
  double slop = (HANDLE_SIZE + 2) / tpt_canvas_get_zoom (TPT_CANVAS (self));

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      TptPoint centre;

      if (candidates[i] != NULL && tpt_blueprint_page_handle_of (self, candidates[i], &centre) &&
          hypot (x - centre.x, y - centre.y) <= slop)
        {
          *card = candidates[i];
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
tpt_blueprint_page_span_edge_hit (TptBlueprintPage *self,
                          double              x,
                          double              y,
                          TptCard           **card)
{
  double slop;

  if (self->layout == NULL)
    return FALSE;

  slop = 3.0 / tpt_canvas_get_zoom (TPT_CANVAS (self));
  for (guint i = 0; i < self->layout->cards->len; i++)
    {
      const TptLayoutCard *placed = &g_array_index (self->layout->cards, TptLayoutCard, i);
      double right = tpt_rect_right (&placed->rect);

      gboolean has_handle = placed->card == tpt_blueprint_page_primary_card (self) ||
                            placed->card == self->hover;

      /* Where a card shows its flow handle, the middle of the edge is the
       * handle; the rest of the edge resizes. */
      if (fabs (x - right) <= slop && y >= placed->rect.y && y <= tpt_rect_bottom (&placed->rect) &&
          (!has_handle ||
           fabs (y - (placed->rect.y + placed->rect.height / 2)) >
             MIN (HANDLE_SIZE / tpt_canvas_get_zoom (TPT_CANVAS (self)), placed->rect.height / 4)))
        {
          *card = placed->card;
          return TRUE;
        }
    }
  return FALSE;
}

const TptLayoutEmotion *
tpt_blueprint_page_emotion_of_lane (TptBlueprintPage *self,
                            guint               lane)
{
  for (guint i = 0; self->layout != NULL && i < self->layout->emotions->len; i++)
    if (g_array_index (self->layout->emotions, TptLayoutEmotion, i).lane == lane)
      return &g_array_index (self->layout->emotions, TptLayoutEmotion, i);
  return NULL;
}

/* The −2…+2 scale spans the plot: a quarter of its height per point. */
int
tpt_blueprint_page_emotion_value_at (const TptLayoutEmotion *emotion,
                             double                  y)
{
  double value = (emotion->zero_y - y) / (emotion->plot.height / 4);

  return CLAMP ((int) lround (value), -2, 2);
}

/* ------------------------------------------------------------------ */
/* Adding, moving and setting                                          */

/* New structure is named at once, in place, as a new file is. */
static void
rename_when_laid_out (TptBlueprintPage *self,
                      TptNode            *node)
{
  g_set_object (&self->pending_rename, node);
  tpt_blueprint_page_select_header (self, node);
}

void
tpt_blueprint_page_add_lane (TptBlueprintPage *self,
                     gboolean            after)
{
  g_autoptr(TptLane) lane = tpt_lane_new (self->document);
  int index = tpt_blueprint_page_index_of_lane (self, self->header);
  guint position;

  if (index < 0)
    index = self->has_cursor ? (int) self->cursor_lane : (int) tpt_blueprint_page_n_lanes (self) - 1;
  position = index < 0 ? 0 : (guint) index + (after ? 1 : 0);

  /* A lane beside another is most often of its kind (a second backstage
   * team); the context menu changes it. */
  tpt_lane_set_kind (lane, index >= 0 ? tpt_lane_get_kind (tpt_blueprint_page_lane_object (self, index))
                                      : TPT_LANE_KIND_CUSTOMER);
  tpt_lane_set_title (lane, _("New Lane"));
  tpt_blueprint_insert_lane (self->blueprint, position, lane);
  rename_when_laid_out (self, TPT_NODE (lane));
}

void
tpt_blueprint_page_add_step (TptBlueprintPage *self,
                     gboolean            after)
{
  TptBlueprint *blueprint = self->blueprint;
  GListModel *stages = tpt_blueprint_get_stages (blueprint);
  g_autoptr(TptStep) step = tpt_step_new (self->document);
  g_autoptr(TptStage) stage = NULL;
  int index = tpt_blueprint_page_index_of_step (self, self->header);
  guint position = 0;

  if (index < 0 && tpt_blueprint_page_n_steps (self) > 0)
    index = self->has_cursor ? (int) self->cursor_step : (int) tpt_blueprint_page_n_steps (self) - 1;

  tpt_step_set_title (step, _("New Step"));
  tpt_document_begin (self->document, _("Add Step"));
  if (index >= 0 && tpt_blueprint_page_step_object (self, index) == NULL)
    {
      /* A collapsed stage: at its start or end. */
      TptNode *column = tpt_blueprint_page_column_node (self, index);

      stage = g_object_ref (TPT_STAGE (column));
      position = after ? g_list_model_get_n_items (tpt_stage_get_steps (stage)) : 0;
    }
  else if (index >= 0)
    {
      TptStep *reference = tpt_blueprint_page_step_object (self, index);
      GListModel *steps;
      guint n;

      stage = g_object_ref (tpt_blueprint_get_stage_of (blueprint, reference));
      steps = tpt_stage_get_steps (stage);
      n = g_list_model_get_n_items (steps);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TptStep) item = g_list_model_get_item (steps, i);

          if (item == reference)
            position = i + (after ? 1 : 0);
        }
    }
  else if (g_list_model_get_n_items (stages) > 0)
    stage = g_list_model_get_item (stages, 0);
  else
    {
      /* Steps live in stages: the first step brings the first stage. */
      stage = tpt_stage_new (self->document);
      tpt_stage_set_title (stage, _("New Stage"));
      tpt_blueprint_insert_stage (blueprint, 0, stage);
    }
  tpt_blueprint_insert_step (blueprint, stage, position, step);
  tpt_document_end (self->document);

  rename_when_laid_out (self, TPT_NODE (step));
}

void
tpt_blueprint_page_add_stage (TptBlueprintPage *self,
                      gboolean            after)
{
  TptBlueprint *blueprint = self->blueprint;
  g_autoptr(TptStage) stage = tpt_stage_new (self->document);
  g_autoptr(TptStep) step = tpt_step_new (self->document);
  TptNode *reference = self->header;
  int index;

  if (TPT_IS_STEP (reference))
    reference = TPT_NODE (tpt_blueprint_get_stage_of (blueprint, TPT_STEP (reference)));
  else if (!TPT_IS_STAGE (reference) && self->has_cursor && self->cursor_step < tpt_blueprint_page_n_steps (self))
    {
      reference = tpt_blueprint_page_column_node (self, self->cursor_step);
      if (TPT_IS_STEP (reference))
        reference = TPT_NODE (tpt_blueprint_get_stage_of (blueprint, TPT_STEP (reference)));
    }
  index = reference != NULL ? tpt_blueprint_page_index_of_stage (self, reference) : -1;
  if (index < 0)
    index = (int) self->layout->stages->len - 1;

  /* A stage shows as its steps: it comes with its first. */
  tpt_stage_set_title (stage, _("New Stage"));
  tpt_step_set_title (step, _("New Step"));
  tpt_document_begin (self->document, _("Add Stage"));
  tpt_blueprint_insert_stage (blueprint, index < 0 ? 0 : (guint) index + (after ? 1 : 0), stage);
  tpt_blueprint_insert_step (blueprint, stage, 0, step);
  tpt_document_end (self->document);

  rename_when_laid_out (self, TPT_NODE (stage));
}

/* Moves the step at @from to where the step at @to is now. */
static void
move_step_to (TptBlueprintPage *self,
              guint               from,
              guint               to)
{
  TptBlueprint *blueprint = self->blueprint;
  TptStep *step = tpt_blueprint_page_step_object (self, from);
  TptStep *target = tpt_blueprint_page_step_object (self, to);
  TptStage *stage;
  GListModel *steps;
  guint position = 0;

  /* A collapsed stage is moved as a stage, not into. */
  if (step == NULL || target == NULL)
    return;
  stage = tpt_blueprint_get_stage_of (blueprint, target);
  steps = tpt_stage_get_steps (stage);

  for (guint i = 0; i < g_list_model_get_n_items (steps); i++)
    {
      g_autoptr(TptStep) item = g_list_model_get_item (steps, i);

      if (item == target)
        position = i;
    }
  /* Positions count before the move: past the target when going right. */
  if (to > from)
    position++;
  tpt_blueprint_move_step (blueprint, step, stage, position);
}

/* Moves the selected lane, step or stage @delta places along. */
void
tpt_blueprint_page_move_header (TptBlueprintPage *self,
                        int                 delta)
{
  TptBlueprint *blueprint = self->blueprint;
  int index, target;

  if ((index = tpt_blueprint_page_index_of_lane (self, self->header)) >= 0)
    {
      target = index + delta;
      if (target >= 0 && target < (int) tpt_blueprint_page_n_lanes (self))
        tpt_blueprint_move_lane (blueprint, TPT_LANE (self->header),
                                 target > index ? target + 1 : target);
    }
  else if ((index = tpt_blueprint_page_index_of_step (self, self->header)) >= 0)
    {
      target = index + delta;
      if (target >= 0 && target < (int) tpt_blueprint_page_n_steps (self))
        move_step_to (self, index, target);
    }
  else if ((index = tpt_blueprint_page_index_of_stage (self, self->header)) >= 0)
    {
      target = index + delta;
      if (target >= 0 && target < (int) self->layout->stages->len)
        tpt_blueprint_move_stage (blueprint, TPT_STAGE (self->header),
                                  target > index ? target + 1 : target);
    }
}

/**
 * tpt_blueprint_page_move_header_to:
 * @self: a page
 * @node: a lane, step or stage of the blueprint
 * @target: the index, among its kind, of the one whose place it takes
 *
 * Drops a header dragged onto another's place; the node stays selected.
 */
void
tpt_blueprint_page_move_header_to (TptBlueprintPage *self,
                                   TptNode          *node,
                                   guint             target)
{
  int index;

  if ((index = tpt_blueprint_page_index_of_lane (self, node)) >= 0 && (guint) index != target)
    tpt_blueprint_move_lane (self->blueprint, TPT_LANE (node),
                             target > (guint) index ? target + 1 : target);
  else if ((index = tpt_blueprint_page_index_of_step (self, node)) >= 0 &&
           (guint) index != target)
    move_step_to (self, index, target);
  else if ((index = tpt_blueprint_page_index_of_stage (self, node)) >= 0 &&
           (guint) index != target)
    tpt_blueprint_move_stage (self->blueprint, TPT_STAGE (node),
                              target > (guint) index ? target + 1 : target);
}

void
tpt_blueprint_page_set_emotion (TptBlueprintPage *self,
                        guint               lane,
                        guint               step,
                        int                 value,
                        gboolean            clear)
{
  TptBlueprint *blueprint = self->blueprint;
  TptLane *lane_node = tpt_blueprint_page_lane_object (self, lane);
  TptStep *step_node = tpt_blueprint_page_step_object (self, step);
  int current;
  gboolean set;

  if (step_node == NULL)
    return;
  set = tpt_blueprint_get_emotion (blueprint, tpt_node_get_id (TPT_NODE (lane_node)),
                                   tpt_node_get_id (TPT_NODE (step_node)), &current);
  if (clear)
    {
      if (set)
        tpt_blueprint_clear_emotion (blueprint, lane_node, step_node);
    }
  else if (!set || current != CLAMP (value, -2, 2))
    tpt_blueprint_set_emotion (blueprint, lane_node, step_node, CLAMP (value, -2, 2));
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

static void
stroke_flow (cairo_t             *cr,
             const TptLayoutFlow *flow)
{
  for (guint k = 0; k < flow->points->len; k++)
    {
      const TptPoint *p = &g_array_index (flow->points, TptPoint, k);

      if (k == 0)
        cairo_move_to (cr, p->x, p->y);
      else
        cairo_line_to (cr, p->x, p->y);
    }
  cairo_stroke (cr);
}

void
tpt_blueprint_page_structure_draw (TptBlueprintPage *self,
                           cairo_t            *cr,
                           const GdkRGBA      *accent,
                           double              px)
{
  const TptLayoutFlow *flow = layout_flow (self, self->flow);
  TptCard *handle_card = tpt_blueprint_page_primary_card (self) != NULL ? tpt_blueprint_page_primary_card (self)
                                                                 : self->hover;
  TptPoint centre;
  TptRect rect;

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, accent);

  if (tpt_blueprint_page_header_rect (self, self->header, &rect))
    {
      cairo_set_line_width (cr, 2.5 * px);
      cairo_rectangle (cr, rect.x + px, rect.y + px, rect.width - 2 * px, rect.height - 2 * px);
      cairo_stroke (cr);
    }

  if (flow != NULL)
    {
      cairo_set_line_width (cr, 4 * px);
      cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.5);
      stroke_flow (cr, flow);
      gdk_cairo_set_source_rgba (cr, accent);
    }

  /* The handle to pull a flow out of a card. */
  if (self->dragging == 0 && !tpt_canvas_is_editing (TPT_CANVAS (self)) &&
      tpt_blueprint_page_handle_of (self, handle_card, &centre))
    {
      cairo_arc (cr, centre.x, centre.y, HANDLE_SIZE * px, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, accent);
      cairo_set_line_width (cr, 2 * px);
      cairo_stroke (cr);
    }

  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Keys                                                                */

/* Arrow keys among headers: along the row of step headers or stage
 * headers, down the column of lane headers, and back into the grid. */
void
tpt_blueprint_page_navigate_headers (TptBlueprintPage *self,
                                     int               dx,
                                     int               dy)
{
  int index;

  if ((index = tpt_blueprint_page_index_of_lane (self, self->header)) >= 0)
    {
      if (dx > 0 && tpt_blueprint_page_n_steps (self) > 0)
        {
          self->has_cursor = TRUE;
          self->cursor_lane = index;
          self->cursor_step = 0;
          tpt_blueprint_page_select_card (self, NULL);
        }
      else if (dy != 0 && index + dy >= 0 && index + dy < (int) tpt_blueprint_page_n_lanes (self))
        tpt_blueprint_page_select_header (self, TPT_NODE (tpt_blueprint_page_lane_object (self, index + dy)));
    }
  else if ((index = tpt_blueprint_page_index_of_step (self, self->header)) >= 0)
    {
      if (dy > 0 && tpt_blueprint_page_n_lanes (self) > 0)
        {
          self->has_cursor = TRUE;
          self->cursor_lane = 0;
          self->cursor_step = index;
          tpt_blueprint_page_select_card (self, NULL);
        }
      else if (dy < 0)
        tpt_blueprint_page_select_header (self, TPT_NODE (tpt_blueprint_get_stage_of (self->blueprint,
                                                                             TPT_STEP (self->header))));
      else if (dx != 0 && index + dx >= 0 && index + dx < (int) tpt_blueprint_page_n_steps (self))
        tpt_blueprint_page_select_header (self, tpt_blueprint_page_column_node (self, index + dx));
      else if (dx < 0 && tpt_blueprint_page_n_lanes (self) > 0)
        tpt_blueprint_page_select_header (self, TPT_NODE (tpt_blueprint_page_lane_object (self, 0)));
    }
  else if ((index = tpt_blueprint_page_index_of_stage (self, self->header)) >= 0)
    {
      const TptLayoutStage *stage = &g_array_index (self->layout->stages, TptLayoutStage, index);

      if (dy > 0)
        {
          for (guint i = 0; i < tpt_blueprint_page_n_steps (self); i++)
            if (g_array_index (self->layout->steps, TptLayoutStep, i).header.x >= stage->rect.x)
              {
                tpt_blueprint_page_select_header (self, tpt_blueprint_page_column_node (self, i));
                return;
              }
        }
      else if (dx != 0 && index + dx >= 0 && index + dx < (int) self->layout->stages->len)
        tpt_blueprint_page_select_header (self, TPT_NODE (g_array_index (self->layout->stages, TptLayoutStage,
                                                                 index + dx).stage));
    }
}

/**
 * tpt_blueprint_page_delete_node:
 * @self: a page
 * @node: a lane, step, stage or flow of the blueprint
 *
 * Deletes @node with what it holds, in one step, letting go of it first.
 */
void
tpt_blueprint_page_delete_node (TptBlueprintPage *self,
                                TptNode          *node)
{
  g_autoptr(TptNode) held = g_object_ref (node);

  tpt_blueprint_page_select_header (self, NULL);
  tpt_node_edits_delete (self->document, held);
}

/**
 * tpt_blueprint_page_emotion_key:
 * @self: a page
 * @delta: how far to move the point of the cursor's emotion cell
 * @clear: whether to take the point away instead
 *
 * Alt+Up/Down and +/− set an emotion point, Delete clears it; the first
 * press on an empty cell puts the point one step off the zero line.
 *
 * Returns: whether the cursor is on an emotion lane's cell, so the key
 *   was this
 */
gboolean
tpt_blueprint_page_emotion_key (TptBlueprintPage *self,
                                int               delta,
                                gboolean          clear)
{
  TptLane *lane;
  TptStep *step;
  int value = 0;
  gboolean set;

  if (self->selection->len > 0 || self->header != NULL || self->flow != NULL ||
      !self->has_cursor || self->cursor_lane >= tpt_blueprint_page_n_lanes (self) ||
      self->cursor_step >= tpt_blueprint_page_n_steps (self) ||
      tpt_blueprint_page_step_object (self, self->cursor_step) == NULL ||
      tpt_blueprint_page_emotion_of_lane (self, self->cursor_lane) == NULL)
    return FALSE;

  lane = tpt_blueprint_page_lane_object (self, self->cursor_lane);
  step = tpt_blueprint_page_step_object (self, self->cursor_step);
  set = tpt_blueprint_get_emotion (self->blueprint, tpt_node_get_id (TPT_NODE (lane)),
                                   tpt_node_get_id (TPT_NODE (step)), &value);
  if (clear)
    {
      if (set)
        tpt_blueprint_page_set_emotion (self, self->cursor_lane, self->cursor_step, 0, TRUE);
      return TRUE;
    }
  tpt_blueprint_page_set_emotion (self, self->cursor_lane, self->cursor_step,
                                  set ? value + delta : delta, FALSE);
  return TRUE;
}
