/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-zoom-tool"

#include "config.h"

#include <math.h>

#include "tpt-zoom-tool.h"

#include "tpt-canvas.h"

/* Zooming about the pointer: Ctrl and the wheel (TptZoomTool), and two
 * fingers on a touchpad or screen (TptPinchTool). The point under the
 * pointer, or between the fingers, stays where it is. Without Ctrl the
 * wheel is the scrolled window's, and scrolls. */

#define WHEEL_STEP 1.25

struct _TptZoomTool
{
  TptTool parent_instance;
};

G_DEFINE_FINAL_TYPE (TptZoomTool, tpt_zoom_tool, TPT_TYPE_TOOL)

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TptZoomTool              *self)
{
  TptCanvas *canvas = tpt_tool_get_canvas (TPT_TOOL (self));
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x, y;

  if (canvas == NULL || !(state & GDK_CONTROL_MASK) || dy == 0)
    return FALSE;

  /* A scroll event gives no position of its own: the pointer is where
   * the canvas last saw it move. */
  tpt_canvas_get_pointer (canvas, &x, &y);
  tpt_canvas_zoom_at (canvas, tpt_canvas_get_zoom (canvas) * pow (WHEEL_STEP, -dy), x, y);

  return TRUE;
}

static GtkEventController *
tpt_zoom_tool_create_controller (TptTool *tool)
{
  GtkEventController *scroll;

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL |
                                            GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scroll_cb), tool, 0);
  return scroll;
}

static void
tpt_zoom_tool_class_init (TptZoomToolClass *klass)
{
  TPT_TOOL_CLASS (klass)->create_controller = tpt_zoom_tool_create_controller;
}

static void
tpt_zoom_tool_init (TptZoomTool *self)
{
}

TptTool *
tpt_zoom_tool_new (void)
{
  return g_object_new (TPT_TYPE_ZOOM_TOOL, NULL);
}

struct _TptPinchTool
{
  TptTool parent_instance;

  double  start_zoom;
};

G_DEFINE_FINAL_TYPE (TptPinchTool, tpt_pinch_tool, TPT_TYPE_TOOL)

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                TptPinchTool     *self)
{
  TptCanvas *canvas = tpt_tool_get_canvas (TPT_TOOL (self));

  self->start_zoom = canvas != NULL ? tpt_canvas_get_zoom (canvas) : 1.0;
}

static void
pinch_scale_cb (GtkGestureZoom *gesture,
                double          scale,
                TptPinchTool   *self)
{
  TptCanvas *canvas = tpt_tool_get_canvas (TPT_TOOL (self));
  double x, y;

  if (canvas == NULL || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  tpt_canvas_zoom_at (canvas, self->start_zoom * scale, x, y);
}

static GtkEventController *
tpt_pinch_tool_create_controller (TptTool *tool)
{
  GtkGesture *zoom = gtk_gesture_zoom_new ();

  g_signal_connect_object (zoom, "begin", G_CALLBACK (pinch_begin_cb), tool, 0);
  g_signal_connect_object (zoom, "scale-changed", G_CALLBACK (pinch_scale_cb), tool, 0);
  return GTK_EVENT_CONTROLLER (zoom);
}

static void
tpt_pinch_tool_class_init (TptPinchToolClass *klass)
{
  TPT_TOOL_CLASS (klass)->create_controller = tpt_pinch_tool_create_controller;
}

static void
tpt_pinch_tool_init (TptPinchTool *self)
{
  self->start_zoom = 1.0;
}

TptTool *
tpt_pinch_tool_new (void)
{
  return g_object_new (TPT_TYPE_PINCH_TOOL, NULL);
}
