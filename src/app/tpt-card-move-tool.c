/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-card-move-tool"

#include "config.h"

#include "tpt-card-move-tool.h"

#include "tpt-blueprint-page-private.h"

/* Dragging the selected cards to another cell, or to another place in
 * their own: the cards follow the pointer as outlines, a bar shows where
 * they will land, and the drop is one undo step. */

struct _TptCardMoveTool
{
  TptDragTool parent_instance;

  double      x0;           /* the press, in the layout's units */
  double      y0;
  double      x;            /* the pointer */
  double      y;
  gboolean    drop_valid;
  guint       drop_lane;
  guint       drop_step;
  guint       drop_index;
  double      drop_y;
};

G_DEFINE_FINAL_TYPE (TptCardMoveTool, tpt_card_move_tool, TPT_TYPE_DRAG_TOOL)

static TptBlueprintPage *
page_of (TptCardMoveTool *self)
{
  return TPT_BLUEPRINT_PAGE (tpt_tool_get_canvas (TPT_TOOL (self)));
}

static gboolean
tpt_card_move_tool_accepts (TptDragTool     *tool,
                            double           x,
                            double           y,
                            guint            button,
                            GdkModifierType  state)
{
  TptBlueprintPage *page = page_of (TPT_CARD_MOVE_TOOL (tool));

  return button == GDK_BUTTON_PRIMARY && !tpt_canvas_is_panning (TPT_CANVAS (page)) &&
         tpt_blueprint_page_hit (page, x, y, state) == TPT_BLUEPRINT_HIT_CARD;
}

static void
tpt_card_move_tool_begin (TptDragTool *tool,
                          double       x,
                          double       y)
{
  TptCardMoveTool *self = TPT_CARD_MOVE_TOOL (tool);

  self->x0 = self->x = x;
  self->y0 = self->y = y;
  self->drop_valid = FALSE;
  tpt_blueprint_page_begin_drag (page_of (self));
}

/* The place among the cell's other cards is where the pointer is against
 * their middles. */
static void
tpt_card_move_tool_update (TptDragTool *tool,
                           double       x,
                           double       y)
{
  TptCardMoveTool *self = TPT_CARD_MOVE_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  g_autoptr(GPtrArray) others = NULL;
  guint lane, step, index = 0;
  TptRect cell;

  self->x = x;
  self->y = y;
  self->drop_valid = tpt_blueprint_page_cell_at (page, x, y, &lane, &step) &&
                     tpt_blueprint_page_cell_takes_cards (page, lane, step);
  if (!self->drop_valid)
    return;

  others = tpt_blueprint_page_cards_in_cell (page, lane, step, page->selection);
  while (index < others->len)
    {
      const TptLayoutCard *card = g_ptr_array_index (others, index);

      if (y < card->rect.y + card->rect.height / 2)
        break;
      index++;
    }

  cell = tpt_blueprint_page_cell_rect (page, lane, step);
  self->drop_lane = lane;
  self->drop_step = step;
  self->drop_index = index;
  if (index < others->len)
    self->drop_y = ((const TptLayoutCard *) g_ptr_array_index (others, index))->rect.y - 4;
  else if (others->len > 0)
    self->drop_y = tpt_rect_bottom (&((const TptLayoutCard *)
                                      g_ptr_array_index (others, others->len - 1))->rect) + 4;
  else
    self->drop_y = cell.y + 6;
}

static void
tpt_card_move_tool_end (TptDragTool *tool,
                        double       x,
                        double       y)
{
  TptCardMoveTool *self = TPT_CARD_MOVE_TOOL (tool);
  TptBlueprintPage *page = page_of (self);

  tpt_card_move_tool_update (tool, x, y);
  tpt_blueprint_page_end_drag (page);
  if (self->drop_valid)
    tpt_blueprint_page_move_selection_to (page, self->drop_lane, self->drop_step,
                                          self->drop_index);
  self->drop_valid = FALSE;
}

static void
tpt_card_move_tool_cancel (TptDragTool *tool)
{
  TptCardMoveTool *self = TPT_CARD_MOVE_TOOL (tool);

  self->drop_valid = FALSE;
  tpt_blueprint_page_end_drag (page_of (self));
}

static void
tpt_card_move_tool_draw (TptTool *tool,
                         cairo_t *cr,
                         double   px)
{
  TptCardMoveTool *self = TPT_CARD_MOVE_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  GdkRGBA accent;

  if (!tpt_drag_tool_is_active (TPT_DRAG_TOOL (tool)))
    return;

  tpt_canvas_get_accent (TPT_CANVAS (page), &accent);
  for (guint i = 0; i < page->selection->len; i++)
    {
      const TptLayoutCard *placed = tpt_blueprint_page_layout_card (page,
                                                                    g_ptr_array_index (page->selection, i));
      TptRect r;

      if (placed == NULL)
        continue;
      r = placed->rect;
      r.x += self->x - self->x0;
      r.y += self->y - self->y0;
      tpt_blueprint_page_rounded_rect (cr, &r, 5);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.15);
      cairo_fill_preserve (cr);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_line_width (cr, 1.5 * px);
      cairo_stroke (cr);
    }
  if (self->drop_valid)
    {
      TptRect cell = tpt_blueprint_page_cell_rect (page, self->drop_lane, self->drop_step);

      cairo_rectangle (cr, cell.x, cell.y, cell.width, cell.height);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.08);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_rectangle (cr, cell.x + 6, self->drop_y - 1.5 * px, cell.width - 12, 3 * px);
      cairo_fill (cr);
    }
}

static void
tpt_card_move_tool_class_init (TptCardMoveToolClass *klass)
{
  TptDragToolClass *drag_class = TPT_DRAG_TOOL_CLASS (klass);

  TPT_TOOL_CLASS (klass)->draw = tpt_card_move_tool_draw;
  drag_class->accepts = tpt_card_move_tool_accepts;
  drag_class->begin = tpt_card_move_tool_begin;
  drag_class->update = tpt_card_move_tool_update;
  drag_class->end = tpt_card_move_tool_end;
  drag_class->cancel = tpt_card_move_tool_cancel;
}

static void
tpt_card_move_tool_init (TptCardMoveTool *self)
{
}

TptTool *
tpt_card_move_tool_new (void)
{
  return g_object_new (TPT_TYPE_CARD_MOVE_TOOL, NULL);
}
