/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-pan-tool"

#include "config.h"

#include "tpt-pan-tool.h"

#include "tpt-canvas.h"

/* Drags the view about: the middle button anywhere, the primary button
 * with Space held or on paper where nothing can be dragged. The middle
 * button and Space take the press at once, so nothing is selected; on
 * empty paper the press waits for the pointer to move, so a click there
 * still clicks. */

struct _TptPanTool
{
  TptDragTool parent_instance;

  double      start_x;    /* the scroll offsets when the drag started */
  double      start_y;
};

G_DEFINE_FINAL_TYPE (TptPanTool, tpt_pan_tool, TPT_TYPE_DRAG_TOOL)

static gboolean
tpt_pan_tool_accepts (TptDragTool     *tool,
                      double           x,
                      double           y,
                      guint            button,
                      GdkModifierType  state)
{
  TptCanvas *canvas = tpt_tool_get_canvas (TPT_TOOL (tool));
  gboolean at_once = button == GDK_BUTTON_MIDDLE ||
                     (button == GDK_BUTTON_PRIMARY && tpt_canvas_is_panning (canvas));

  tpt_drag_tool_set_claim_at_press (tool, at_once);
  return at_once ||
         (button == GDK_BUTTON_PRIMARY && state == 0 && tpt_canvas_primary_pans (canvas, x, y));
}

static void
tpt_pan_tool_begin (TptDragTool *tool,
                    double       x,
                    double       y)
{
  TptPanTool *self = TPT_PAN_TOOL (tool);
  TptCanvas *canvas = tpt_tool_get_canvas (TPT_TOOL (tool));

  tpt_canvas_get_scroll (canvas, &self->start_x, &self->start_y);
  tpt_canvas_set_panning (canvas, TRUE);
}

static void
tpt_pan_tool_update (TptDragTool *tool,
                     double       x,
                     double       y)
{
  TptPanTool *self = TPT_PAN_TOOL (tool);
  double dx, dy;

  /* In widget pixels: the drawing follows the pointer. */
  tpt_drag_tool_get_offset (tool, &dx, &dy);
  tpt_canvas_set_scroll (tpt_tool_get_canvas (TPT_TOOL (tool)), self->start_x - dx,
                         self->start_y - dy);
}

static void
tpt_pan_tool_end (TptDragTool *tool,
                  double       x,
                  double       y)
{
  tpt_pan_tool_update (tool, x, y);
  tpt_canvas_set_panning (tpt_tool_get_canvas (TPT_TOOL (tool)), FALSE);
}

static void
tpt_pan_tool_cancel (TptDragTool *tool)
{
  TptCanvas *canvas = tpt_tool_get_canvas (TPT_TOOL (tool));

  if (canvas != NULL)
    tpt_canvas_set_panning (canvas, FALSE);
}

static void
tpt_pan_tool_class_init (TptPanToolClass *klass)
{
  TptDragToolClass *drag_class = TPT_DRAG_TOOL_CLASS (klass);

  drag_class->accepts = tpt_pan_tool_accepts;
  drag_class->begin = tpt_pan_tool_begin;
  drag_class->update = tpt_pan_tool_update;
  drag_class->end = tpt_pan_tool_end;
  drag_class->cancel = tpt_pan_tool_cancel;
}

static void
tpt_pan_tool_init (TptPanTool *self)
{
}

TptTool *
tpt_pan_tool_new (void)
{
  return g_object_new (TPT_TYPE_PAN_TOOL, NULL);
}
