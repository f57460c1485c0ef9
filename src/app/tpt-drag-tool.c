/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-drag-tool"

#include "config.h"

#include <math.h>

#include "tpt-drag-tool.h"

#include "tpt-canvas.h"

/* How far the pointer moves, in widget pixels, before a press is a drag
 * rather than a click. */
#define DRAG_THRESHOLD 4.0

typedef enum
{
  STATE_IDLE,
  STATE_PENDING,   /* accepted the press; not yet past the threshold */
  STATE_ACTIVE,    /* claimed: the drag is this tool's */
} State;

typedef struct
{
  State            state;
  gboolean         claim_at_press;
  guint            button;
  GdkModifierType  modifiers;
  double           start_x;    /* in the artefact's units */
  double           start_y;
  double           offset_x;   /* in widget pixels */
  double           offset_y;
} TptDragToolPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TptDragTool, tpt_drag_tool, TPT_TYPE_TOOL)

static void
point_of (TptDragTool    *self,
          GtkGestureDrag *gesture,
          double          dx,
          double          dy,
          double         *x,
          double         *y)
{
  double wx, wy;

  gtk_gesture_drag_get_start_point (gesture, &wx, &wy);
  tpt_canvas_to_content (tpt_tool_get_canvas (TPT_TOOL (self)), wx + dx, wy + dy, x, y);
}

static void
activate (TptDragTool    *self,
          GtkGestureDrag *gesture)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);

  priv->state = STATE_ACTIVE;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  TPT_DRAG_TOOL_GET_CLASS (self)->begin (self, priv->start_x, priv->start_y);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          wx,
               double          wy,
               TptDragTool    *self)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);
  TptCanvas *canvas = tpt_tool_get_canvas (TPT_TOOL (self));

  priv->button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  priv->modifiers = gtk_event_controller_get_current_event_state (controller) &
                    gtk_accelerator_get_default_mod_mask ();
  priv->offset_x = priv->offset_y = 0;
  tpt_canvas_to_content (canvas, wx, wy, &priv->start_x, &priv->start_y);

  if (canvas == NULL ||
      !TPT_DRAG_TOOL_GET_CLASS (self)->accepts (self, priv->start_x, priv->start_y,
                                                priv->button, priv->modifiers))
    {
      priv->state = STATE_IDLE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  priv->state = STATE_PENDING;
  if (priv->claim_at_press)
    activate (self, gesture);
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                TptDragTool    *self)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);
  double x, y;

  if (priv->state == STATE_IDLE)
    return;

  priv->offset_x = dx;
  priv->offset_y = dy;
  if (priv->state == STATE_PENDING)
    {
      if (hypot (dx, dy) < DRAG_THRESHOLD)
        return;
      activate (self, gesture);
      /* begin() may have found nothing to do after all. */
      if (priv->state != STATE_ACTIVE)
        return;
    }

  point_of (self, gesture, dx, dy, &x, &y);
  TPT_DRAG_TOOL_GET_CLASS (self)->update (self, x, y);
  gtk_widget_queue_draw (GTK_WIDGET (tpt_tool_get_canvas (TPT_TOOL (self))));
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             TptDragTool    *self)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);
  State state = priv->state;
  double x, y;

  priv->state = STATE_IDLE;
  if (state != STATE_ACTIVE)
    return;

  priv->offset_x = dx;
  priv->offset_y = dy;
  point_of (self, gesture, dx, dy, &x, &y);
  TPT_DRAG_TOOL_GET_CLASS (self)->end (self, x, y);
  gtk_widget_queue_draw (GTK_WIDGET (tpt_tool_get_canvas (TPT_TOOL (self))));
}

static void
cancel_cb (GtkGesture       *gesture,
           GdkEventSequence *sequence,
           TptDragTool      *self)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);
  State state = priv->state;

  priv->state = STATE_IDLE;
  if (state == STATE_ACTIVE)
    {
      TPT_DRAG_TOOL_GET_CLASS (self)->cancel (self);
      gtk_widget_queue_draw (GTK_WIDGET (tpt_tool_get_canvas (TPT_TOOL (self))));
    }
}

static GtkEventController *
tpt_drag_tool_create_controller (TptTool *tool)
{
  GtkGesture *drag = gtk_gesture_drag_new ();

  /* Every button: each tool says which presses are its own. */
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), tool, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), tool, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), tool, 0);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (cancel_cb), tool, 0);

  return GTK_EVENT_CONTROLLER (drag);
}

static void
tpt_drag_tool_reset (TptTool *tool)
{
  GtkEventController *controller = tpt_tool_get_controller (tool);

  /* Resetting the gesture cancels the drag, through cancel_cb. */
  if (controller != NULL)
    gtk_event_controller_reset (controller);
}

static gboolean
tpt_drag_tool_busy (TptTool *tool)
{
  return tpt_drag_tool_is_active (TPT_DRAG_TOOL (tool));
}

static void
tpt_drag_tool_real_nothing (TptDragTool *self)
{
}

static void
tpt_drag_tool_real_point (TptDragTool *self,
                          double       x,
                          double       y)
{
}

static void
tpt_drag_tool_class_init (TptDragToolClass *klass)
{
  TptToolClass *tool_class = TPT_TOOL_CLASS (klass);

  tool_class->create_controller = tpt_drag_tool_create_controller;
  tool_class->reset = tpt_drag_tool_reset;
  tool_class->busy = tpt_drag_tool_busy;

  klass->begin = tpt_drag_tool_real_point;
  klass->update = tpt_drag_tool_real_point;
  klass->end = tpt_drag_tool_real_point;
  klass->cancel = tpt_drag_tool_real_nothing;
}

static void
tpt_drag_tool_init (TptDragTool *self)
{
}

/**
 * tpt_drag_tool_set_claim_at_press:
 * @self: a drag tool
 * @claim: whether to take a press it accepts at once, before the pointer
 *   moves: for tools that own every such press (panning with the middle
 *   button, picking a region), so no click acts on it
 */
void
tpt_drag_tool_set_claim_at_press (TptDragTool *self,
                                  gboolean     claim)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);

  g_return_if_fail (TPT_IS_DRAG_TOOL (self));

  priv->claim_at_press = claim;
}

gboolean
tpt_drag_tool_is_active (TptDragTool *self)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);

  g_return_val_if_fail (TPT_IS_DRAG_TOOL (self), FALSE);

  return priv->state == STATE_ACTIVE;
}

/**
 * tpt_drag_tool_get_start:
 * @self: a drag tool
 * @x: (out): where the press was, in the artefact's units
 * @y: (out): the same, down
 */
void
tpt_drag_tool_get_start (TptDragTool *self,
                         double      *x,
                         double      *y)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);

  g_return_if_fail (TPT_IS_DRAG_TOOL (self));

  *x = priv->start_x;
  *y = priv->start_y;
}

/**
 * tpt_drag_tool_get_offset:
 * @self: a drag tool
 * @dx: (out): how far the pointer has gone, in widget pixels
 * @dy: (out): the same, down
 */
void
tpt_drag_tool_get_offset (TptDragTool *self,
                          double      *dx,
                          double      *dy)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);

  g_return_if_fail (TPT_IS_DRAG_TOOL (self));

  *dx = priv->offset_x;
  *dy = priv->offset_y;
}

GdkModifierType
tpt_drag_tool_get_state (TptDragTool *self)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);

  g_return_val_if_fail (TPT_IS_DRAG_TOOL (self), 0);

  return priv->modifiers;
}

guint
tpt_drag_tool_get_button (TptDragTool *self)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);

  g_return_val_if_fail (TPT_IS_DRAG_TOOL (self), 0);

  return priv->button;
}

/**
 * tpt_drag_tool_press:
 * @self: a drag tool
 * @x: where the press is, in the artefact's units
 * @y: the same, down
 * @button: the button
 * @state: the modifiers held
 *
 * Drives the tool's own steps as its gesture would, for tests and
 * benchmarks of its logic (real input goes through the gesture): a press
 * the tool takes is a drag begun at once, without the threshold.
 *
 * Returns: whether the tool took the press
 */
gboolean
tpt_drag_tool_press (TptDragTool     *self,
                     double           x,
                     double           y,
                     guint            button,
                     GdkModifierType  state)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);
  TptDragToolClass *klass = TPT_DRAG_TOOL_GET_CLASS (self);

  g_return_val_if_fail (TPT_IS_DRAG_TOOL (self), FALSE);
  g_return_val_if_fail (tpt_tool_get_canvas (TPT_TOOL (self)) != NULL, FALSE);

  priv->button = button;
  priv->modifiers = state;
  priv->start_x = x;
  priv->start_y = y;
  priv->offset_x = priv->offset_y = 0;
  if (!klass->accepts (self, x, y, button, state))
    return FALSE;
  priv->state = STATE_ACTIVE;
  klass->begin (self, x, y);
  return priv->state == STATE_ACTIVE;
}

/**
 * tpt_drag_tool_motion:
 * @self: a drag tool with a press it took
 * @x: where the pointer is, in the artefact's units
 * @y: the same, down
 */
void
tpt_drag_tool_motion (TptDragTool *self,
                      double       x,
                      double       y)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);
  TptCanvas *canvas = tpt_tool_get_canvas (TPT_TOOL (self));
  double wx0, wy0, wx1, wy1;

  g_return_if_fail (TPT_IS_DRAG_TOOL (self));

  if (priv->state != STATE_ACTIVE || canvas == NULL)
    return;
  tpt_canvas_to_view (canvas, priv->start_x, priv->start_y, &wx0, &wy0);
  tpt_canvas_to_view (canvas, x, y, &wx1, &wy1);
  priv->offset_x = wx1 - wx0;
  priv->offset_y = wy1 - wy0;
  TPT_DRAG_TOOL_GET_CLASS (self)->update (self, x, y);
  gtk_widget_queue_draw (GTK_WIDGET (canvas));
}

/**
 * tpt_drag_tool_release:
 * @self: a drag tool with a press it took
 * @x: where the pointer is let go, in the artefact's units
 * @y: the same, down
 */
void
tpt_drag_tool_release (TptDragTool *self,
                       double       x,
                       double       y)
{
  TptDragToolPrivate *priv = tpt_drag_tool_get_instance_private (self);

  g_return_if_fail (TPT_IS_DRAG_TOOL (self));

  if (priv->state != STATE_ACTIVE)
    return;
  tpt_drag_tool_motion (self, x, y);
  priv->state = STATE_IDLE;
  TPT_DRAG_TOOL_GET_CLASS (self)->end (self, x, y);
}

/**
 * tpt_drag_tool_run:
 * @self: a drag tool
 * @x0: where the press is, in the artefact's units
 * @y0: the same, down
 * @x1: where the pointer is let go
 * @y1: the same, down
 * @button: the button
 * @state: the modifiers held
 *
 * A whole drag, straight from one point to the other, through
 * tpt_drag_tool_press(), _motion() and _release().
 *
 * Returns: whether the tool took the drag
 */
gboolean
tpt_drag_tool_run (TptDragTool     *self,
                   double           x0,
                   double           y0,
                   double           x1,
                   double           y1,
                   guint            button,
                   GdkModifierType  state)
{
  if (!tpt_drag_tool_press (self, x0, y0, button, state))
    return FALSE;
  tpt_drag_tool_release (self, x1, y1);
  return TRUE;
}
