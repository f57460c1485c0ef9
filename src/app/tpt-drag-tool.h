/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-tool.h"

G_BEGIN_DECLS

#define TPT_TYPE_DRAG_TOOL (tpt_drag_tool_get_type ())

G_DECLARE_DERIVABLE_TYPE (TptDragTool, tpt_drag_tool, TPT, DRAG_TOOL, TptTool)

/**
 * TptDragToolClass:
 * @accepts: at the press, whether it is this tool's, from where it is (in
 *   the artefact's units), the button and the modifiers; a tool that says
 *   no lets go of the press at once
 * @begin: the pointer went far enough for a drag, which the tool now
 *   owns; (@x, @y) is where it was pressed
 * @update: the pointer moved to (@x, @y)
 * @end: the button was let go at (@x, @y)
 * @cancel: the drag was taken away (Escape, a grab, another document)
 *
 * A tool that drags: the press, the threshold, claiming, and the pointer
 * in the artefact's units are done once here.
 */
struct _TptDragToolClass
{
  TptToolClass parent_class;

  gboolean (*accepts) (TptDragTool     *self,
                       double           x,
                       double           y,
                       guint            button,
                       GdkModifierType  state);
  void     (*begin)   (TptDragTool     *self,
                       double           x,
                       double           y);
  void     (*update)  (TptDragTool     *self,
                       double           x,
                       double           y);
  void     (*end)     (TptDragTool     *self,
                       double           x,
                       double           y);
  void     (*cancel)  (TptDragTool     *self);
};

void            tpt_drag_tool_set_claim_at_press (TptDragTool *self,
                                                  gboolean     claim);
gboolean        tpt_drag_tool_is_active          (TptDragTool *self);
void            tpt_drag_tool_get_start          (TptDragTool *self,
                                                  double      *x,
                                                  double      *y);
void            tpt_drag_tool_get_offset         (TptDragTool *self,
                                                  double      *dx,
                                                  double      *dy);
GdkModifierType tpt_drag_tool_get_state          (TptDragTool *self);
guint           tpt_drag_tool_get_button         (TptDragTool *self);
gboolean        tpt_drag_tool_press              (TptDragTool     *self,
                                                  double           x,
                                                  double           y,
                                                  guint            button,
                                                  GdkModifierType  state);
void            tpt_drag_tool_motion             (TptDragTool     *self,
                                                  double           x,
                                                  double           y);
void            tpt_drag_tool_release            (TptDragTool     *self,
                                                  double           x,
                                                  double           y);
gboolean        tpt_drag_tool_run                (TptDragTool     *self,
                                                  double           x0,
                                                  double           y0,
                                                  double           x1,
                                                  double           y1,
                                                  guint            button,
                                                  GdkModifierType  state);

G_END_DECLS
