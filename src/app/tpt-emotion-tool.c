/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-emotion-tool"

#include "config.h"

#include "tpt-emotion-tool.h"

#include "tpt-blueprint-page-private.h"

/* Setting a step's emotion by dragging its point up or down the emotion
 * lane's scale: the point follows the pointer, whole steps from −2 to +2,
 * and the drop sets it in one step. */

struct _TptEmotionTool
{
  TptDragTool parent_instance;

  guint       lane;
  guint       step;
  int         value;
  gboolean    active;
};

G_DEFINE_FINAL_TYPE (TptEmotionTool, tpt_emotion_tool, TPT_TYPE_DRAG_TOOL)

static TptBlueprintPage *
page_of (TptEmotionTool *self)
{
  return TPT_BLUEPRINT_PAGE (tpt_tool_get_canvas (TPT_TOOL (self)));
}

static gboolean
tpt_emotion_tool_accepts (TptDragTool     *tool,
                          double           x,
                          double           y,
                          guint            button,
                          GdkModifierType  state)
{
  TptBlueprintPage *page = page_of (TPT_EMOTION_TOOL (tool));

  return button == GDK_BUTTON_PRIMARY && !tpt_canvas_is_panning (TPT_CANVAS (page)) &&
         tpt_blueprint_page_hit (page, x, y, state) == TPT_BLUEPRINT_HIT_EMOTION;
}

static void
tpt_emotion_tool_update (TptDragTool *tool,
                         double       x,
                         double       y)
{
  TptEmotionTool *self = TPT_EMOTION_TOOL (tool);
  const TptLayoutEmotion *emotion = tpt_blueprint_page_emotion_of_lane (page_of (self), self->lane);

  if (emotion != NULL)
    self->value = tpt_blueprint_page_emotion_value_at (emotion, y);
}

static void
tpt_emotion_tool_begin (TptDragTool *tool,
                        double       x,
                        double       y)
{
  TptEmotionTool *self = TPT_EMOTION_TOOL (tool);
  TptBlueprintPage *page = page_of (self);

  self->active = tpt_blueprint_page_cell_at (page, x, y, &self->lane, &self->step) &&
                 tpt_blueprint_page_step_object (page, self->step) != NULL;
  if (!self->active)
    return;
  tpt_emotion_tool_update (tool, x, y);
  tpt_blueprint_page_begin_drag (page);
}

static void
tpt_emotion_tool_end (TptDragTool *tool,
                      double       x,
                      double       y)
{
  TptEmotionTool *self = TPT_EMOTION_TOOL (tool);
  TptBlueprintPage *page = page_of (self);

  if (!self->active)
    return;
  self->active = FALSE;
  tpt_emotion_tool_update (tool, x, y);
  tpt_blueprint_page_end_drag (page);
  if (self->lane < tpt_blueprint_page_n_lanes (page) &&
      self->step < tpt_blueprint_page_n_steps (page))
    tpt_blueprint_page_set_emotion (page, self->lane, self->step, self->value, FALSE);
}

static void
tpt_emotion_tool_cancel (TptDragTool *tool)
{
  TptEmotionTool *self = TPT_EMOTION_TOOL (tool);

  if (self->active)
    tpt_blueprint_page_end_drag (page_of (self));
  self->active = FALSE;
}

static void
tpt_emotion_tool_draw (TptTool *tool,
                       cairo_t *cr,
                       double   px)
{
  TptEmotionTool *self = TPT_EMOTION_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  const TptLayoutEmotion *emotion;
  const TptRect *column;
  GdkRGBA accent;

  if (!self->active || self->step >= tpt_blueprint_page_n_steps (page) ||
      (emotion = tpt_blueprint_page_emotion_of_lane (page, self->lane)) == NULL)
    return;

  column = &g_array_index (page->layout->steps, TptLayoutStep, self->step).column;
  tpt_canvas_get_accent (TPT_CANVAS (page), &accent);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_arc (cr, column->x + column->width / 2,
             emotion->zero_y - self->value * emotion->plot.height / 4, 5 * px, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
tpt_emotion_tool_class_init (TptEmotionToolClass *klass)
{
  TptDragToolClass *drag_class = TPT_DRAG_TOOL_CLASS (klass);

  TPT_TOOL_CLASS (klass)->draw = tpt_emotion_tool_draw;
  drag_class->accepts = tpt_emotion_tool_accepts;
  drag_class->begin = tpt_emotion_tool_begin;
  drag_class->update = tpt_emotion_tool_update;
  drag_class->end = tpt_emotion_tool_end;
  drag_class->cancel = tpt_emotion_tool_cancel;
}

static void
tpt_emotion_tool_init (TptEmotionTool *self)
{
}

TptTool *
tpt_emotion_tool_new (void)
{
  return g_object_new (TPT_TYPE_EMOTION_TOOL, NULL);
}
