/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tpt-blueprint-canvas-private.h"

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

static int
index_of_lane (TptBlueprintCanvas *self,
               TptNode            *node)
{
  return index_in (self->layout->lanes, G_STRUCT_OFFSET (TptLayoutLane, lane), node);
}

static int
index_of_step (TptBlueprintCanvas *self,
               TptNode            *node)
{
  return index_in (self->layout->steps, G_STRUCT_OFFSET (TptLayoutStep, step), node);
}

static int
index_of_stage (TptBlueprintCanvas *self,
                TptNode            *node)
{
  return index_in (self->layout->stages, G_STRUCT_OFFSET (TptLayoutStage, stage), node);
}

/**
 * tpt_canvas_header_at:
 *
 * Returns: (nullable) (transfer none): the stage, step or lane whose header
 *   is at the point
 */
TptNode *
tpt_canvas_header_at (TptBlueprintCanvas *self,
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
  for (guint i = 0; i < tpt_canvas_n_steps (self); i++)
    {
      const TptLayoutStep *step = &g_array_index (self->layout->steps, TptLayoutStep, i);

      if (tpt_rect_contains_point (&step->header, x, y))
        return tpt_canvas_column_node (self, i);
    }
  for (guint i = 0; i < tpt_canvas_n_lanes (self); i++)
    {
      const TptLayoutLane *lane = &g_array_index (self->layout->lanes, TptLayoutLane, i);

      if (tpt_rect_contains_point (&lane->header, x, y))
        return TPT_NODE (lane->lane);
    }

  return NULL;
}

gboolean
tpt_canvas_header_rect (TptBlueprintCanvas *self,
                        TptNode            *node,
                        TptRect            *rect)
{
  int index;

  if (self->layout == NULL || node == NULL)
    return FALSE;

  if ((index = index_of_lane (self, node)) >= 0)
    *rect = g_array_index (self->layout->lanes, TptLayoutLane, index).header;
  else if ((index = index_of_step (self, node)) >= 0)
    *rect = g_array_index (self->layout->steps, TptLayoutStep, index).header;
  else if ((index = index_of_stage (self, node)) >= 0)
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
 * tpt_canvas_flow_at:
 *
 * Returns: (nullable) (transfer none): the flow whose line passes by the point
 */
TptFlow *
tpt_canvas_flow_at (TptBlueprintCanvas *self,
                    double              x,
                    double              y)
{
  double slop;

  if (self->layout == NULL)
    return NULL;

  slop = HIT_SLOP / tpt_artefact_view_get_zoom (self->view);
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
layout_flow (TptBlueprintCanvas *self,
             TptFlow            *flow)
{
  for (guint i = 0; self->layout != NULL && flow != NULL && i < self->layout->flows->len; i++)
    if (g_array_index (self->layout->flows, TptLayoutFlow, i).flow == flow)
      return &g_array_index (self->layout->flows, TptLayoutFlow, i);
  return NULL;
}

/* The handle to draw flows from sits on the right edge of the selected or
 * hovered card. */
static gboolean
handle_of (TptBlueprintCanvas *self,
           TptCard            *card,
           TptPoint           *centre)
{
  const TptLayoutCard *placed = tpt_canvas_layout_card (self, card);

  if (placed == NULL)
    return FALSE;
  centre->x = tpt_rect_right (&placed->rect);
  centre->y = placed->rect.y + placed->rect.height / 2;
  return TRUE;
}

gboolean
tpt_canvas_handle_hit (TptBlueprintCanvas *self,
                       double              x,
                       double              y,
                       TptCard           **card)
{
  TptCard *candidates[] = { tpt_canvas_primary_card (self), self->hover };
  double slop = (HANDLE_SIZE + 2) / tpt_artefact_view_get_zoom (self->view);

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    {
      TptPoint centre;

      if (candidates[i] != NULL && handle_of (self, candidates[i], &centre) &&
          hypot (x - centre.x, y - centre.y) <= slop)
        {
          *card = candidates[i];
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
tpt_canvas_span_edge_hit (TptBlueprintCanvas *self,
                          double              x,
                          double              y,
                          TptCard           **card)
{
  double slop;

  if (self->layout == NULL)
    return FALSE;

  slop = 3.0 / tpt_artefact_view_get_zoom (self->view);
  for (guint i = 0; i < self->layout->cards->len; i++)
    {
      const TptLayoutCard *placed = &g_array_index (self->layout->cards, TptLayoutCard, i);
      double right = tpt_rect_right (&placed->rect);

      gboolean has_handle = placed->card == tpt_canvas_primary_card (self) ||
                            placed->card == self->hover;

      /* Where a card shows its flow handle, the middle of the edge is the
       * handle; the rest of the edge resizes. */
      if (fabs (x - right) <= slop && y >= placed->rect.y && y <= tpt_rect_bottom (&placed->rect) &&
          (!has_handle ||
           fabs (y - (placed->rect.y + placed->rect.height / 2)) >
             MIN (HANDLE_SIZE / tpt_artefact_view_get_zoom (self->view), placed->rect.height / 4)))
        {
          *card = placed->card;
          return TRUE;
        }
    }
  return FALSE;
}

const TptLayoutEmotion *
tpt_canvas_emotion_of_lane (TptBlueprintCanvas *self,
                            guint               lane)
{
  for (guint i = 0; self->layout != NULL && i < self->layout->emotions->len; i++)
    if (g_array_index (self->layout->emotions, TptLayoutEmotion, i).lane == lane)
      return &g_array_index (self->layout->emotions, TptLayoutEmotion, i);
  return NULL;
}

/* The −2…+2 scale spans the plot: a quarter of its height per point. */
int
tpt_canvas_emotion_value_at (const TptLayoutEmotion *emotion,
                             double                  y)
{
  double value = (emotion->zero_y - y) / (emotion->plot.height / 4);

  return CLAMP ((int) lround (value), -2, 2);
}

/* ------------------------------------------------------------------ */
/* Selecting headers and flows                                         */

void
tpt_canvas_clear_selection (TptBlueprintCanvas *self)
{
  g_ptr_array_set_size (self->selection, 0);
  g_clear_object (&self->header);
  g_clear_object (&self->flow);
}

void
tpt_canvas_select_header (TptBlueprintCanvas *self,
                          TptNode            *node)
{
  TptRect rect;
  int index;

  if (self->header == node && self->selection->len == 0 && self->flow == NULL)
    return;

  tpt_canvas_clear_selection (self);
  self->header = node != NULL ? g_object_ref (node) : NULL;
  if (tpt_canvas_header_rect (self, node, &rect))
    tpt_artefact_view_scroll_to (self->view, &rect);

  /* The keyboard carries on from the header: into its lane or step. */
  if (self->layout != NULL && (index = index_of_lane (self, node)) >= 0)
    {
      self->cursor_lane = index;
      self->has_cursor = tpt_canvas_n_steps (self) > 0;
      self->cursor_step = MIN (self->cursor_step, MAX (tpt_canvas_n_steps (self), 1) - 1);
    }
  else if (self->layout != NULL && (index = index_of_step (self, node)) >= 0)
    {
      self->cursor_step = index;
      self->has_cursor = tpt_canvas_n_lanes (self) > 0;
      self->cursor_lane = MIN (self->cursor_lane, MAX (tpt_canvas_n_lanes (self), 1) - 1);
    }
  tpt_canvas_selection_changed (self);
}

void
tpt_canvas_select_flow (TptBlueprintCanvas *self,
                        TptFlow            *flow)
{
  if (self->flow == flow && self->selection->len == 0 && self->header == NULL)
    return;

  tpt_canvas_clear_selection (self);
  self->flow = flow != NULL ? g_object_ref (flow) : NULL;
  tpt_canvas_selection_changed (self);
}

/* ------------------------------------------------------------------ */
/* Adding, moving and setting                                          */

/* New structure is named at once, in place, as a new file is. */
static void
rename_when_laid_out (TptBlueprintCanvas *self,
                      TptNode            *node)
{
  g_set_object (&self->pending_rename, node);
  tpt_canvas_select_header (self, node);
}

void
tpt_canvas_add_lane (TptBlueprintCanvas *self,
                     gboolean            after)
{
  g_autoptr(TptLane) lane = tpt_lane_new (self->document);
  int index = index_of_lane (self, self->header);
  guint position;

  if (index < 0)
    index = self->has_cursor ? (int) self->cursor_lane : (int) tpt_canvas_n_lanes (self) - 1;
  position = index < 0 ? 0 : (guint) index + (after ? 1 : 0);

  /* A lane beside another is most often of its kind (a second backstage
   * team); the context menu changes it. */
  tpt_lane_set_kind (lane, index >= 0 ? tpt_lane_get_kind (tpt_canvas_lane_object (self, index))
                                      : TPT_LANE_KIND_CUSTOMER);
  tpt_lane_set_title (lane, _("New Lane"));
  tpt_blueprint_insert_lane (tpt_canvas_blueprint (self), position, lane);
  rename_when_laid_out (self, TPT_NODE (lane));
}

void
tpt_canvas_add_step (TptBlueprintCanvas *self,
                     gboolean            after)
{
  TptBlueprint *blueprint = tpt_canvas_blueprint (self);
  GListModel *stages = tpt_blueprint_get_stages (blueprint);
  g_autoptr(TptStep) step = tpt_step_new (self->document);
  g_autoptr(TptStage) stage = NULL;
  int index = index_of_step (self, self->header);
  guint position = 0;

  if (index < 0 && tpt_canvas_n_steps (self) > 0)
    index = self->has_cursor ? (int) self->cursor_step : (int) tpt_canvas_n_steps (self) - 1;

  tpt_step_set_title (step, _("New Step"));
  tpt_document_begin (self->document, _("Add Step"));
  if (index >= 0 && tpt_canvas_step_object (self, index) == NULL)
    {
      /* A collapsed stage: at its start or end. */
      TptNode *column = tpt_canvas_column_node (self, index);

      stage = g_object_ref (TPT_STAGE (column));
      position = after ? g_list_model_get_n_items (tpt_stage_get_steps (stage)) : 0;
    }
  else if (index >= 0)
    {
      TptStep *reference = tpt_canvas_step_object (self, index);
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
tpt_canvas_add_stage (TptBlueprintCanvas *self,
                      gboolean            after)
{
  TptBlueprint *blueprint = tpt_canvas_blueprint (self);
  g_autoptr(TptStage) stage = tpt_stage_new (self->document);
  g_autoptr(TptStep) step = tpt_step_new (self->document);
  TptNode *reference = self->header;
  int index;

  if (TPT_IS_STEP (reference))
    reference = TPT_NODE (tpt_blueprint_get_stage_of (blueprint, TPT_STEP (reference)));
  else if (!TPT_IS_STAGE (reference) && self->has_cursor && self->cursor_step < tpt_canvas_n_steps (self))
    {
      reference = tpt_canvas_column_node (self, self->cursor_step);
      if (TPT_IS_STEP (reference))
        reference = TPT_NODE (tpt_blueprint_get_stage_of (blueprint, TPT_STEP (reference)));
    }
  index = reference != NULL ? index_of_stage (self, reference) : -1;
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
move_step_to (TptBlueprintCanvas *self,
              guint               from,
              guint               to)
{
  TptBlueprint *blueprint = tpt_canvas_blueprint (self);
  TptStep *step = tpt_canvas_step_object (self, from);
  TptStep *target = tpt_canvas_step_object (self, to);
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
tpt_canvas_move_header (TptBlueprintCanvas *self,
                        int                 delta)
{
  TptBlueprint *blueprint = tpt_canvas_blueprint (self);
  int index, target;

  if ((index = index_of_lane (self, self->header)) >= 0)
    {
      target = index + delta;
      if (target >= 0 && target < (int) tpt_canvas_n_lanes (self))
        tpt_blueprint_move_lane (blueprint, TPT_LANE (self->header),
                                 target > index ? target + 1 : target);
    }
  else if ((index = index_of_step (self, self->header)) >= 0)
    {
      target = index + delta;
      if (target >= 0 && target < (int) tpt_canvas_n_steps (self))
        move_step_to (self, index, target);
    }
  else if ((index = index_of_stage (self, self->header)) >= 0)
    {
      target = index + delta;
      if (target >= 0 && target < (int) self->layout->stages->len)
        tpt_blueprint_move_stage (blueprint, TPT_STAGE (self->header),
                                  target > index ? target + 1 : target);
    }
}

void
tpt_canvas_set_emotion (TptBlueprintCanvas *self,
                        guint               lane,
                        guint               step,
                        int                 value,
                        gboolean            clear)
{
  TptBlueprint *blueprint = tpt_canvas_blueprint (self);
  TptLane *lane_node = tpt_canvas_lane_object (self, lane);
  TptStep *step_node = tpt_canvas_step_object (self, step);
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
/* Dragging                                                            */

void
tpt_canvas_structure_drag_update (TptBlueprintCanvas *self)
{
  double x = self->drag_x, y = self->drag_y;
  int index;

  switch (self->drag_mode)
    {
    case DRAG_HEADER:
      self->drag_target_valid = FALSE;
      if ((index = index_of_lane (self, self->drag_header)) >= 0)
        {
          for (guint i = 0; i < tpt_canvas_n_lanes (self); i++)
            {
              const TptRect *r = &g_array_index (self->layout->lanes, TptLayoutLane, i).rect;

              if (y >= r->y && y < tpt_rect_bottom (r))
                {
                  self->drag_target = i;
                  self->drag_target_valid = TRUE;
                }
            }
        }
      else if ((index = index_of_step (self, self->drag_header)) >= 0)
        {
          for (guint i = 0; i < tpt_canvas_n_steps (self); i++)
            {
              const TptRect *r = &g_array_index (self->layout->steps, TptLayoutStep, i).column;

              if (x >= r->x && x < tpt_rect_right (r))
                {
                  self->drag_target = i;
                  self->drag_target_valid = TRUE;
                }
            }
        }
      else if ((index = index_of_stage (self, self->drag_header)) >= 0)
        {
          for (guint i = 0; i < self->layout->stages->len; i++)
            {
              const TptRect *r = &g_array_index (self->layout->stages, TptLayoutStage, i).rect;

              if (x >= r->x && x < tpt_rect_right (r))
                {
                  self->drag_target = i;
                  self->drag_target_valid = TRUE;
                }
            }
        }
      break;

    case DRAG_FLOW:
      {
        const TptLayoutCard *target = tpt_blueprint_layout_card_at (self->layout, x, y);

        self->drag_target_valid = target != NULL && target->card != self->drag_card;
        if (self->drag_target_valid)
          self->drag_target = target - &g_array_index (self->layout->cards, TptLayoutCard, 0);
      }
      break;

    case DRAG_SPAN:
      {
        const TptLayoutCard *placed = tpt_canvas_layout_card (self, self->drag_card);
        int last = placed != NULL ? (int) placed->step : 0;

        for (guint i = 0; i < tpt_canvas_n_steps (self); i++)
          if (x >= g_array_index (self->layout->steps, TptLayoutStep, i).column.x)
            last = i;
        self->drag_span = placed != NULL ? (guint) MAX (last - (int) placed->step + 1, 1) : 1;
      }
      break;

    case DRAG_EMOTION:
      {
        const TptLayoutEmotion *emotion = tpt_canvas_emotion_of_lane (self, self->drag_lane);

        if (emotion != NULL)
          self->drag_value = tpt_canvas_emotion_value_at (emotion, y);
      }
      break;

    case DRAG_NONE:
    case DRAG_PENDING:
    case DRAG_MOVE:
    case DRAG_BAND:
    default:
      break;
    }
}

void
tpt_canvas_structure_drag_end (TptBlueprintCanvas *self)
{
  TptBlueprint *blueprint = tpt_canvas_blueprint (self);
  int index;

  switch (self->drag_mode)
    {
    case DRAG_HEADER:
      if (!self->drag_target_valid)
        break;
      g_set_object (&self->header, self->drag_header);
      if ((index = index_of_lane (self, self->drag_header)) >= 0 && (guint) index != self->drag_target)
        tpt_blueprint_move_lane (blueprint, TPT_LANE (self->drag_header),
                                 self->drag_target > (guint) index ? self->drag_target + 1
                                                                   : self->drag_target);
      else if ((index = index_of_step (self, self->drag_header)) >= 0 && (guint) index != self->drag_target)
        move_step_to (self, index, self->drag_target);
      else if ((index = index_of_stage (self, self->drag_header)) >= 0 && (guint) index != self->drag_target)
        tpt_blueprint_move_stage (blueprint, TPT_STAGE (self->drag_header),
                                  self->drag_target > (guint) index ? self->drag_target + 1
                                                                    : self->drag_target);
      break;

    case DRAG_FLOW:
      if (self->drag_target_valid)
        {
          TptCard *to = g_array_index (self->layout->cards, TptLayoutCard, self->drag_target).card;

          tpt_blueprint_add_flow (blueprint, self->drag_card, to, TPT_ARROW_SINGLE);
        }
      break;

    case DRAG_SPAN:
      if (self->drag_card != NULL && (int) self->drag_span != tpt_card_get_span (self->drag_card))
        {
          tpt_document_begin (self->document, _("Change Card Span"));
          tpt_card_set_span (self->drag_card, self->drag_span);
          tpt_document_end (self->document);
        }
      break;

    case DRAG_EMOTION:
      tpt_canvas_set_emotion (self, self->drag_lane, self->drag_step, self->drag_value, FALSE);
      break;

    case DRAG_NONE:
    case DRAG_PENDING:
    case DRAG_MOVE:
    case DRAG_BAND:
    default:
      break;
    }
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
tpt_canvas_structure_draw (TptBlueprintCanvas *self,
                           cairo_t            *cr,
                           const GdkRGBA      *accent,
                           double              px)
{
  const TptLayoutFlow *flow = layout_flow (self, self->flow);
  TptCard *handle_card = tpt_canvas_primary_card (self) != NULL ? tpt_canvas_primary_card (self)
                                                                 : self->hover;
  TptPoint centre;
  TptRect rect;

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, accent);

  if (tpt_canvas_header_rect (self, self->header, &rect))
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
  if (self->drag_mode == DRAG_NONE && self->editor == NULL && handle_of (self, handle_card, &centre))
    {
      cairo_arc (cr, centre.x, centre.y, HANDLE_SIZE * px, 0, 2 * G_PI);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, accent);
      cairo_set_line_width (cr, 2 * px);
      cairo_stroke (cr);
    }

  switch (self->drag_mode)
    {
    case DRAG_HEADER:
      if (self->drag_target_valid)
        {
          int index;

          cairo_set_source_rgba (cr, accent->red, accent->green, accent->blue, 0.2);
          if ((index = index_of_lane (self, self->drag_header)) >= 0)
            rect = g_array_index (self->layout->lanes, TptLayoutLane, self->drag_target).rect;
          else if ((index = index_of_step (self, self->drag_header)) >= 0)
            rect = g_array_index (self->layout->steps, TptLayoutStep, self->drag_target).column;
          else
            rect = g_array_index (self->layout->stages, TptLayoutStage, self->drag_target).rect;
          cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
          cairo_fill (cr);
        }
      break;

    case DRAG_FLOW:
      if (handle_of (self, self->drag_card, &centre))
        {
          double dash[] = { 5 * px, 3 * px };

          cairo_set_line_width (cr, 2 * px);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_move_to (cr, centre.x, centre.y);
          cairo_line_to (cr, self->drag_x, self->drag_y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      if (self->drag_target_valid)
        {
          rect = g_array_index (self->layout->cards, TptLayoutCard, self->drag_target).rect;
          cairo_set_line_width (cr, 3 * px);
          cairo_rectangle (cr, rect.x - 2 * px, rect.y - 2 * px, rect.width + 4 * px, rect.height + 4 * px);
          cairo_stroke (cr);
        }
      break;

    case DRAG_SPAN:
      {
        const TptLayoutCard *placed = tpt_canvas_layout_card (self, self->drag_card);

        if (placed != NULL && placed->step + self->drag_span <= tpt_canvas_n_steps (self))
          {
            const TptLayoutStep *last = &g_array_index (self->layout->steps, TptLayoutStep,
                                                        placed->step + self->drag_span - 1);
            /* The card keeps the padding it has in its first column. */
            double pad = placed->rect.x - g_array_index (self->layout->steps, TptLayoutStep,
                                                         placed->step).column.x;
            double right = tpt_rect_right (&last->column) - pad;
            double dash[] = { 4 * px, 3 * px };

            cairo_set_line_width (cr, 2 * px);
            cairo_set_dash (cr, dash, 2, 0);
            cairo_rectangle (cr, placed->rect.x, placed->rect.y, right - placed->rect.x,
                             placed->rect.height);
            cairo_stroke (cr);
            cairo_set_dash (cr, NULL, 0, 0);
          }
      }
      break;

    case DRAG_EMOTION:
      {
        const TptLayoutEmotion *emotion = tpt_canvas_emotion_of_lane (self, self->drag_lane);

        if (emotion != NULL && self->drag_step < tpt_canvas_n_steps (self))
          {
            const TptRect *column = &g_array_index (self->layout->steps, TptLayoutStep,
                                                    self->drag_step).column;

            cairo_arc (cr, column->x + column->width / 2,
                       emotion->zero_y - self->drag_value * emotion->plot.height / 4,
                       5 * px, 0, 2 * G_PI);
            cairo_fill (cr);
          }
      }
      break;

    case DRAG_NONE:
    case DRAG_PENDING:
    case DRAG_MOVE:
    case DRAG_BAND:
    default:
      break;
    }

  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Keys                                                                */

/* Arrow keys among headers: along the row of step headers or stage
 * headers, down the column of lane headers, and back into the grid. */
static void
navigate_headers (TptBlueprintCanvas *self,
                  int                 dx,
                  int                 dy)
{
  int index;

  if ((index = index_of_lane (self, self->header)) >= 0)
    {
      if (dx > 0 && tpt_canvas_n_steps (self) > 0)
        {
          self->has_cursor = TRUE;
          self->cursor_lane = index;
          self->cursor_step = 0;
          tpt_canvas_select_card (self, NULL);
        }
      else if (dy != 0 && index + dy >= 0 && index + dy < (int) tpt_canvas_n_lanes (self))
        tpt_canvas_select_header (self, TPT_NODE (tpt_canvas_lane_object (self, index + dy)));
    }
  else if ((index = index_of_step (self, self->header)) >= 0)
    {
      if (dy > 0 && tpt_canvas_n_lanes (self) > 0)
        {
          self->has_cursor = TRUE;
          self->cursor_lane = 0;
          self->cursor_step = index;
          tpt_canvas_select_card (self, NULL);
        }
      else if (dy < 0)
        tpt_canvas_select_header (self, TPT_NODE (tpt_blueprint_get_stage_of (tpt_canvas_blueprint (self),
                                                                             TPT_STEP (self->header))));
      else if (dx != 0 && index + dx >= 0 && index + dx < (int) tpt_canvas_n_steps (self))
        tpt_canvas_select_header (self, tpt_canvas_column_node (self, index + dx));
      else if (dx < 0 && tpt_canvas_n_lanes (self) > 0)
        tpt_canvas_select_header (self, TPT_NODE (tpt_canvas_lane_object (self, 0)));
    }
  else if ((index = index_of_stage (self, self->header)) >= 0)
    {
      const TptLayoutStage *stage = &g_array_index (self->layout->stages, TptLayoutStage, index);

      if (dy > 0)
        {
          for (guint i = 0; i < tpt_canvas_n_steps (self); i++)
            if (g_array_index (self->layout->steps, TptLayoutStep, i).header.x >= stage->rect.x)
              {
                tpt_canvas_select_header (self, tpt_canvas_column_node (self, i));
                return;
              }
        }
      else if (dx != 0 && index + dx >= 0 && index + dx < (int) self->layout->stages->len)
        tpt_canvas_select_header (self, TPT_NODE (g_array_index (self->layout->stages, TptLayoutStage,
                                                                 index + dx).stage));
    }
}

/**
 * tpt_canvas_structure_key:
 * @alt: whether Alt is held
 *
 * Keys for a selected header or flow, and for the points of an emotion
 * curve when the cursor is in an emotion lane.
 *
 * Returns: whether the key was used
 */
gboolean
tpt_canvas_structure_key (TptBlueprintCanvas *self,
                          guint               keyval,
                          gboolean            alt)
{
  int dx = (keyval == GDK_KEY_Right || keyval == GDK_KEY_KP_Right) -
           (keyval == GDK_KEY_Left || keyval == GDK_KEY_KP_Left);
  int dy = (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) -
           (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up);

  if (self->header != NULL)
    {
      if (dx != 0 || dy != 0)
        {
          if (!alt)
            navigate_headers (self, dx, dy);
          else if (TPT_IS_LANE (self->header))
            tpt_canvas_move_header (self, dy);
          else
            tpt_canvas_move_header (self, dx);
          return TRUE;
        }
      switch (keyval)
        {
        case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter: case GDK_KEY_F2:
          tpt_canvas_open_header_editor (self, self->header);
          return TRUE;
        case GDK_KEY_Delete: case GDK_KEY_KP_Delete: case GDK_KEY_BackSpace:
          {
            g_autoptr(TptNode) node = g_object_ref (self->header);

            tpt_canvas_select_header (self, NULL);
            tpt_node_edits_delete (self->document, node);
          }
          return TRUE;
        case GDK_KEY_Insert: case GDK_KEY_KP_Insert:
          if (TPT_IS_LANE (self->header))
            tpt_canvas_add_lane (self, TRUE);
          else if (TPT_IS_STEP (self->header))
            tpt_canvas_add_step (self, TRUE);
          else
            tpt_canvas_add_stage (self, TRUE);
          return TRUE;
        case GDK_KEY_Escape:
          tpt_canvas_select_header (self, NULL);
          return TRUE;
        case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
        case GDK_KEY_plus: case GDK_KEY_KP_Add:
          /* As in a tree: minus collapses a stage, plus expands it. */
          if (!TPT_IS_STAGE (self->header))
            return FALSE;
          tpt_artefact_view_set_stage_collapsed (self->view, TPT_STAGE (self->header),
                                                 keyval == GDK_KEY_minus ||
                                                 keyval == GDK_KEY_KP_Subtract);
          return TRUE;
        default:
          return FALSE;
        }
    }

  if (self->flow != NULL)
    {
      switch (keyval)
        {
        case GDK_KEY_Delete: case GDK_KEY_KP_Delete: case GDK_KEY_BackSpace:
          {
            g_autoptr(TptFlow) flow = g_object_ref (self->flow);

            tpt_canvas_select_flow (self, NULL);
            tpt_node_edits_delete (self->document, TPT_NODE (flow));
          }
          return TRUE;
        case GDK_KEY_a: case GDK_KEY_A:
          g_action_group_activate_action (G_ACTION_GROUP (self->actions), "toggle-arrow", NULL);
          return TRUE;
        case GDK_KEY_Escape:
          tpt_canvas_select_flow (self, NULL);
          return TRUE;
        default:
          return FALSE;
        }
    }

  /* An emotion lane's cell: Alt+Up/Down or +/− set the point, Delete
   * clears it. */
  if (self->selection->len == 0 && self->has_cursor &&
      self->cursor_lane < tpt_canvas_n_lanes (self) && self->cursor_step < tpt_canvas_n_steps (self) &&
      tpt_canvas_step_object (self, self->cursor_step) != NULL &&
      tpt_canvas_emotion_of_lane (self, self->cursor_lane) != NULL)
    {
      TptLane *lane = tpt_canvas_lane_object (self, self->cursor_lane);
      TptStep *step = tpt_canvas_step_object (self, self->cursor_step);
      int value = 0, delta = 0;
      gboolean set = tpt_blueprint_get_emotion (tpt_canvas_blueprint (self),
                                                tpt_node_get_id (TPT_NODE (lane)),
                                                tpt_node_get_id (TPT_NODE (step)), &value);

      if ((alt && dy != 0))
        delta = -dy;
      else if (keyval == GDK_KEY_plus || keyval == GDK_KEY_KP_Add || keyval == GDK_KEY_equal)
        delta = 1;
      else if (keyval == GDK_KEY_minus || keyval == GDK_KEY_KP_Subtract)
        delta = -1;
      else if ((keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete || keyval == GDK_KEY_BackSpace) && set)
        {
          tpt_canvas_set_emotion (self, self->cursor_lane, self->cursor_step, 0, TRUE);
          return TRUE;
        }
      else
        return FALSE;

      /* A first press puts the point on the zero line. */
      tpt_canvas_set_emotion (self, self->cursor_lane, self->cursor_step,
                              set ? value + delta : 0, FALSE);
      return TRUE;
    }

  return FALSE;
}
