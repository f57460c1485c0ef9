/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-header-move-tool"

#include "config.h"

#include "tpt-header-move-tool.h"

#include "tpt-blueprint-page-private.h"

/* Reordering lanes, steps and stages by dragging their headers: the place
 * it would take is shaded, and the drop moves it there in one step. */

struct _TptHeaderMoveTool
{
  TptDragTool  parent_instance;

  TptNode     *header;
  guint        target;
  gboolean     target_valid;
};

G_DEFINE_FINAL_TYPE (TptHeaderMoveTool, tpt_header_move_tool, TPT_TYPE_DRAG_TOOL)

static TptBlueprintPage *
page_of (TptHeaderMoveTool *self)
{
  return TPT_BLUEPRINT_PAGE (tpt_tool_get_canvas (TPT_TOOL (self)));
}

static gboolean
tpt_header_move_tool_accepts (TptDragTool     *tool,
                              double           x,
                              double           y,
                              guint            button,
                              GdkModifierType  state)
{
  TptBlueprintPage *page = page_of (TPT_HEADER_MOVE_TOOL (tool));

  return button == GDK_BUTTON_PRIMARY && !tpt_canvas_is_panning (TPT_CANVAS (page)) &&
         tpt_blueprint_page_hit (page, x, y, state) == TPT_BLUEPRINT_HIT_HEADER;
}

static void
tpt_header_move_tool_begin (TptDragTool *tool,
                            double       x,
                            double       y)
{
  TptHeaderMoveTool *self = TPT_HEADER_MOVE_TOOL (tool);
  TptBlueprintPage *page = page_of (self);

  g_set_object (&self->header, tpt_blueprint_page_header_at (page, x, y));
  self->target_valid = FALSE;
  if (self->header != NULL)
    tpt_blueprint_page_begin_drag (page);
}

/* The lane under the pointer for a lane; the step or stage for those. */
static void
tpt_header_move_tool_update (TptDragTool *tool,
                             double       x,
                             double       y)
{
  TptHeaderMoveTool *self = TPT_HEADER_MOVE_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  TptBlueprintLayout *layout = page->layout;

  self->target_valid = FALSE;
  if (self->header == NULL || layout == NULL)
    return;

  if (tpt_blueprint_page_index_of_lane (page, self->header) >= 0)
    {
      for (guint i = 0; i < layout->lanes->len; i++)
        {
          const TptRect *r = &g_array_index (layout->lanes, TptLayoutLane, i).rect;

          if (y >= r->y && y < tpt_rect_bottom (r))
            {
              self->target = i;
              self->target_valid = TRUE;
            }
        }
    }
  else if (tpt_blueprint_page_index_of_step (page, self->header) >= 0)
    {
      for (guint i = 0; i < layout->steps->len; i++)
        {
          const TptRect *r = &g_array_index (layout->steps, TptLayoutStep, i).column;

          if (x >= r->x && x < tpt_rect_right (r))
            {
              self->target = i;
              self->target_valid = TRUE;
            }
        }
    }
  else if (tpt_blueprint_page_index_of_stage (page, self->header) >= 0)
    {
      for (guint i = 0; i < layout->stages->len; i++)
        {
          const TptRect *r = &g_array_index (layout->stages, TptLayoutStage, i).rect;

          if (x >= r->x && x < tpt_rect_right (r))
            {
              self->target = i;
              self->target_valid = TRUE;
            }
        }
    }
}

static void
tpt_header_move_tool_end (TptDragTool *tool,
                          double       x,
                          double       y)
{
  TptHeaderMoveTool *self = TPT_HEADER_MOVE_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  g_autoptr(TptNode) header = NULL;

  if (self->header == NULL)
    return;
  tpt_header_move_tool_update (tool, x, y);
  header = g_steal_pointer (&self->header);
  tpt_blueprint_page_end_drag (page);
  if (self->target_valid && tpt_node_is_attached (header))
    {
      tpt_blueprint_page_select_header (page, header);
      tpt_blueprint_page_move_header_to (page, header, self->target);
    }
  self->target_valid = FALSE;
}

static void
tpt_header_move_tool_cancel (TptDragTool *tool)
{
  TptHeaderMoveTool *self = TPT_HEADER_MOVE_TOOL (tool);

  if (self->header != NULL)
    tpt_blueprint_page_end_drag (page_of (self));
  g_clear_object (&self->header);
  self->target_valid = FALSE;
}

static void
tpt_header_move_tool_draw (TptTool *tool,
                           cairo_t *cr,
                           double   px)
{
  TptHeaderMoveTool *self = TPT_HEADER_MOVE_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  TptRect rect;
  GdkRGBA accent;

  if (!tpt_drag_tool_is_active (TPT_DRAG_TOOL (tool)) || !self->target_valid ||
      self->header == NULL || page->layout == NULL)
    return;

  if (tpt_blueprint_page_index_of_lane (page, self->header) >= 0)
    rect = g_array_index (page->layout->lanes, TptLayoutLane, self->target).rect;
  else if (tpt_blueprint_page_index_of_step (page, self->header) >= 0)
    rect = g_array_index (page->layout->steps, TptLayoutStep, self->target).column;
  else
    rect = g_array_index (page->layout->stages, TptLayoutStage, self->target).rect;

  tpt_canvas_get_accent (TPT_CANVAS (page), &accent);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.2);
  cairo_rectangle (cr, rect.x, rect.y, rect.width, rect.height);
  cairo_fill (cr);
}

static void
tpt_header_move_tool_dispose (GObject *object)
{
  g_clear_object (&TPT_HEADER_MOVE_TOOL (object)->header);

  G_OBJECT_CLASS (tpt_header_move_tool_parent_class)->dispose (object);
}

static void
tpt_header_move_tool_class_init (TptHeaderMoveToolClass *klass)
{
  TptDragToolClass *drag_class = TPT_DRAG_TOOL_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tpt_header_move_tool_dispose;
  TPT_TOOL_CLASS (klass)->draw = tpt_header_move_tool_draw;
  drag_class->accepts = tpt_header_move_tool_accepts;
  drag_class->begin = tpt_header_move_tool_begin;
  drag_class->update = tpt_header_move_tool_update;
  drag_class->end = tpt_header_move_tool_end;
  drag_class->cancel = tpt_header_move_tool_cancel;
}

static void
tpt_header_move_tool_init (TptHeaderMoveTool *self)
{
}

TptTool *
tpt_header_move_tool_new (void)
{
  return g_object_new (TPT_TYPE_HEADER_MOVE_TOOL, NULL);
}
