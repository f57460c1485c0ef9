/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-click-tool"

#include "config.h"

#include "tpt-click-tool.h"

#include "tpt-canvas.h"

/* Clicks of any button, single or double, handed to the page as presses
 * and releases in the artefact's units; the page selects, opens the
 * editor or the context menu. A drag that a drag tool claims takes the
 * press away from this one, and no release follows. While Space is held
 * or the view pans, presses are the pan tool's. */

struct _TptClickTool
{
  TptTool parent_instance;
};

G_DEFINE_FINAL_TYPE (TptClickTool, tpt_click_tool, TPT_TYPE_TOOL)

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           wx,
            double           wy,
            TptClickTool    *self)
{
  TptCanvas *canvas = tpt_tool_get_canvas (TPT_TOOL (self));
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (controller) &
                          gtk_accelerator_get_default_mod_mask ();
  double x, y;

  if (canvas == NULL || tpt_canvas_get_document (canvas) == NULL ||
      (button != GDK_BUTTON_SECONDARY && tpt_canvas_is_panning (canvas)) ||
      button == GDK_BUTTON_MIDDLE)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  /* A click on the drawing gives it the keyboard, as on any canvas; an
   * edit under way is kept first, outside any focus change of its own. */
  if (tpt_canvas_is_editing (canvas))
    tpt_canvas_end_edit (canvas, TPT_EDITOR_END_COMMIT);
  if (!gtk_widget_has_focus (GTK_WIDGET (canvas)))
    gtk_widget_grab_focus (GTK_WIDGET (canvas));

  tpt_canvas_to_content (canvas, wx, wy, &x, &y);
  tpt_canvas_press (canvas, x, y, n_press, button, state);
}

static void
released_cb (GtkGestureClick *gesture,
             int              n_press,
             double           wx,
             double           wy,
             TptClickTool    *self)
{
  TptCanvas *canvas = tpt_tool_get_canvas (TPT_TOOL (self));
  GtkEventController *controller = GTK_EVENT_CONTROLLER (gesture);
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  GdkModifierType state = gtk_event_controller_get_current_event_state (controller) &
                          gtk_accelerator_get_default_mod_mask ();
  double x, y;

  if (canvas == NULL)
    return;
  tpt_canvas_to_content (canvas, wx, wy, &x, &y);
  tpt_canvas_release (canvas, x, y, n_press, button, state);
}

static GtkEventController *
tpt_click_tool_create_controller (TptTool *tool)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (pressed_cb), tool, 0);
  g_signal_connect_object (click, "released", G_CALLBACK (released_cb), tool, 0);

  return GTK_EVENT_CONTROLLER (click);
}

static void
tpt_click_tool_class_init (TptClickToolClass *klass)
{
  TptToolClass *tool_class = TPT_TOOL_CLASS (klass);

  tool_class->create_controller = tpt_click_tool_create_controller;
}

static void
tpt_click_tool_init (TptClickTool *self)
{
}

TptTool *
tpt_click_tool_new (void)
{
  return g_object_new (TPT_TYPE_CLICK_TOOL, NULL);
}
