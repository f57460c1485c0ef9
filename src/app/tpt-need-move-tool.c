/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-need-move-tool"

#include "config.h"

#include "tpt-need-move-tool.h"

#include "tpt-matrix-page-private.h"

/* Moving a need up or down the matrix by dragging its label: a line
 * between rows shows where it will go, and the drop moves it in one
 * step, the cursor going with it. */

struct _TptNeedMoveTool
{
  TptDragTool parent_instance;

  guint       need;
  guint       drop_index;   /* as for tpt_document_move_need() */
  gboolean    drop_valid;
};

G_DEFINE_FINAL_TYPE (TptNeedMoveTool, tpt_need_move_tool, TPT_TYPE_DRAG_TOOL)

static TptMatrixPage *
page_of (TptNeedMoveTool *self)
{
  return TPT_MATRIX_PAGE (tpt_tool_get_canvas (TPT_TOOL (self)));
}

static gboolean
tpt_need_move_tool_accepts (TptDragTool     *tool,
                            double           x,
                            double           y,
                            guint            button,
                            GdkModifierType  state)
{
  TptMatrixPage *page = page_of (TPT_NEED_MOVE_TOOL (tool));

  return button == GDK_BUTTON_PRIMARY && !tpt_canvas_is_panning (TPT_CANVAS (page)) &&
         tpt_matrix_page_need_at (page, x, y, NULL);
}

static void
tpt_need_move_tool_begin (TptDragTool *tool,
                          double       x,
                          double       y)
{
  TptNeedMoveTool *self = TPT_NEED_MOVE_TOOL (tool);
  TptMatrixPage *page = page_of (self);

  self->drop_valid = FALSE;
  if (tpt_matrix_page_need_at (page, x, y, &self->need))
    tpt_matrix_page_move_to_need (page, self->need, TRUE);
}

/* Before the first row whose middle is below the pointer. */
static void
tpt_need_move_tool_update (TptDragTool *tool,
                           double       x,
                           double       y)
{
  TptNeedMoveTool *self = TPT_NEED_MOVE_TOOL (tool);
  TptMatrixPage *page = page_of (self);
  guint n = tpt_matrix_page_n_needs (page);
  guint index = n;

  for (guint i = 0; i < n; i++)
    {
      const TptMatrixCell *row = tpt_matrix_page_find (page, TPT_MATRIX_CELL_ROW, i, 0);

      if (row != NULL && y < row->rect.y + row->rect.height / 2)
        {
          index = i;
          break;
        }
    }
  self->drop_index = index;
  /* Just above or below itself leaves the need where it is. */
  self->drop_valid = index != self->need && index != self->need + 1;
}

static void
tpt_need_move_tool_end (TptDragTool *tool,
                        double       x,
                        double       y)
{
  TptNeedMoveTool *self = TPT_NEED_MOVE_TOOL (tool);

  tpt_need_move_tool_update (tool, x, y);
  if (self->drop_valid)
    tpt_matrix_page_move_need (page_of (self), self->need, self->drop_index);
  self->drop_valid = FALSE;
}

static void
tpt_need_move_tool_cancel (TptDragTool *tool)
{
  TPT_NEED_MOVE_TOOL (tool)->drop_valid = FALSE;
}

/* Where a dragged need would go: a line between rows. */
static void
tpt_need_move_tool_draw (TptTool *tool,
                         cairo_t *cr,
                         double   px)
{
  TptNeedMoveTool *self = TPT_NEED_MOVE_TOOL (tool);
  TptMatrixPage *page = page_of (self);
  guint n = tpt_matrix_page_n_needs (page);
  const TptMatrixCell *row;
  GdkRGBA accent;
  double y;

  if (!tpt_drag_tool_is_active (TPT_DRAG_TOOL (tool)) || !self->drop_valid || n == 0)
    return;

  row = tpt_matrix_page_find (page, TPT_MATRIX_CELL_ROW, MIN (self->drop_index, n - 1), 0);
  if (row == NULL)
    return;
  y = self->drop_index < n ? row->rect.y : row->rect.y + row->rect.height;

  tpt_canvas_get_accent (TPT_CANVAS (page), &accent);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_rectangle (cr, row->rect.x - 4 * px, y - 2 * px, row->rect.width + 8 * px, 4 * px);
  cairo_fill (cr);
  cairo_arc (cr, row->rect.x - 4 * px, y, 5 * px, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
tpt_need_move_tool_class_init (TptNeedMoveToolClass *klass)
{
  TptDragToolClass *drag_class = TPT_DRAG_TOOL_CLASS (klass);

  TPT_TOOL_CLASS (klass)->draw = tpt_need_move_tool_draw;
  drag_class->accepts = tpt_need_move_tool_accepts;
  drag_class->begin = tpt_need_move_tool_begin;
  drag_class->update = tpt_need_move_tool_update;
  drag_class->end = tpt_need_move_tool_end;
  drag_class->cancel = tpt_need_move_tool_cancel;
}

static void
tpt_need_move_tool_init (TptNeedMoveTool *self)
{
}

TptTool *
tpt_need_move_tool_new (void)
{
  return g_object_new (TPT_TYPE_NEED_MOVE_TOOL, NULL);
}
