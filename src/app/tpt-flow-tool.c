/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-flow-tool"

#include "config.h"

#include "tpt-flow-tool.h"

#include "tpt-blueprint-page-private.h"

/* Drawing a flow from a card's handle to another card: a dashed line
 * follows the pointer, the card it would go to is marked, and dropping
 * on it adds the flow in one step. */

struct _TptFlowTool
{
  TptDragTool  parent_instance;

  TptCard     *from;
  TptCard     *to;          /* the card under the pointer, if another */
  double       x;
  double       y;
};

G_DEFINE_FINAL_TYPE (TptFlowTool, tpt_flow_tool, TPT_TYPE_DRAG_TOOL)

static TptBlueprintPage *
page_of (TptFlowTool *self)
{
  return TPT_BLUEPRINT_PAGE (tpt_tool_get_canvas (TPT_TOOL (self)));
}

static gboolean
tpt_flow_tool_accepts (TptDragTool     *tool,
                       double           x,
                       double           y,
                       guint            button,
                       GdkModifierType  state)
{
  TptBlueprintPage *page = page_of (TPT_FLOW_TOOL (tool));

  return button == GDK_BUTTON_PRIMARY && !tpt_canvas_is_panning (TPT_CANVAS (page)) &&
         tpt_blueprint_page_hit (page, x, y, state) == TPT_BLUEPRINT_HIT_HANDLE;
}

static void
tpt_flow_tool_begin (TptDragTool *tool,
                     double       x,
                     double       y)
{
  TptFlowTool *self = TPT_FLOW_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  TptCard *card = NULL;

  if (!tpt_blueprint_page_handle_hit (page, x, y, &card))
    return;
  g_set_object (&self->from, card);
  self->to = NULL;
  self->x = x;
  self->y = y;
  tpt_blueprint_page_begin_drag (page);
}

static void
tpt_flow_tool_update (TptDragTool *tool,
                      double       x,
                      double       y)
{
  TptFlowTool *self = TPT_FLOW_TOOL (tool);
  TptCard *card = tpt_blueprint_page_card_at (page_of (self), x, y);

  self->x = x;
  self->y = y;
  self->to = card != self->from ? card : NULL;
}

static void
tpt_flow_tool_end (TptDragTool *tool,
                   double       x,
                   double       y)
{
  TptFlowTool *self = TPT_FLOW_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  g_autoptr(TptCard) from = g_steal_pointer (&self->from);

  if (from == NULL)
    return;
  tpt_flow_tool_update (tool, x, y);
  tpt_blueprint_page_end_drag (page);
  if (self->to != NULL && tpt_node_is_attached (TPT_NODE (from)))
    tpt_blueprint_add_flow (page->blueprint, from, self->to, TPT_ARROW_SINGLE);
  self->to = NULL;
}

static void
tpt_flow_tool_cancel (TptDragTool *tool)
{
  TptFlowTool *self = TPT_FLOW_TOOL (tool);

  if (self->from != NULL)
    tpt_blueprint_page_end_drag (page_of (self));
  g_clear_object (&self->from);
  self->to = NULL;
}

static void
tpt_flow_tool_draw (TptTool *tool,
                    cairo_t *cr,
                    double   px)
{
  TptFlowTool *self = TPT_FLOW_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  const TptLayoutCard *target = tpt_blueprint_page_layout_card (page, self->to);
  double dash[] = { 5 * px, 3 * px };
  TptPoint centre;
  GdkRGBA accent;

  if (!tpt_drag_tool_is_active (TPT_DRAG_TOOL (tool)) || self->from == NULL ||
      !tpt_blueprint_page_handle_of (page, self->from, &centre))
    return;

  tpt_canvas_get_accent (TPT_CANVAS (page), &accent);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2 * px);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_move_to (cr, centre.x, centre.y);
  cairo_line_to (cr, self->x, self->y);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
  if (target != NULL)
    {
      const TptRect *r = &target->rect;

      cairo_set_line_width (cr, 3 * px);
      cairo_rectangle (cr, r->x - 2 * px, r->y - 2 * px, r->width + 4 * px, r->height + 4 * px);
      cairo_stroke (cr);
    }
}

static void
tpt_flow_tool_dispose (GObject *object)
{
  g_clear_object (&TPT_FLOW_TOOL (object)->from);

  G_OBJECT_CLASS (tpt_flow_tool_parent_class)->dispose (object);
}

static void
tpt_flow_tool_class_init (TptFlowToolClass *klass)
{
  TptDragToolClass *drag_class = TPT_DRAG_TOOL_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tpt_flow_tool_dispose;
  TPT_TOOL_CLASS (klass)->draw = tpt_flow_tool_draw;
  drag_class->accepts = tpt_flow_tool_accepts;
  drag_class->begin = tpt_flow_tool_begin;
  drag_class->update = tpt_flow_tool_update;
  drag_class->end = tpt_flow_tool_end;
  drag_class->cancel = tpt_flow_tool_cancel;
}

static void
tpt_flow_tool_init (TptFlowTool *self)
{
}

TptTool *
tpt_flow_tool_new (void)
{
  return g_object_new (TPT_TYPE_FLOW_TOOL, NULL);
}
