/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-region-capture"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-region-capture.h"

#include <math.h>

/* The tool that picks a region of the artefact view for a slide: once
 * begun, the next primary-button drag on the view draws a rubber band, and
 * its release reports the region in the drawing's coordinates. It sits in
 * front of the canvases' own gestures: its drag gesture runs in the capture
 * phase and claims the sequence only while the tool is active, so a drag
 * over a card selects a region instead of moving the card; and hovering
 * highlights nothing. A click without a drag, another button or Escape
 * leaves the mode without a region. */

/* A drag shorter than this, in pixels either way, is a click. */
#define CLICK_SLOP 4.0

struct _TptRegionCapture
{
  GObject             parent_instance;

  /* borrowed: the view owns us */
  TptArtefactView    *view;
  GtkGesture         *drag;
  GtkEventController *events;

  /* The band, in widget coordinates, while dragging. */
  double              x0, y0, x1, y1;
  guint               active : 1;
  guint               dragging : 1;
};

enum {
  PROP_0,
  PROP_ACTIVE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CAPTURED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TptRegionCapture, tpt_region_capture, G_TYPE_OBJECT)

static void
set_active (TptRegionCapture *self,
            gboolean          active)
{
  if (self->active == !!active)
    return;

  self->active = !!active;
  self->dragging = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->view), active ? "crosshair" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

static void
drag_begin_cb (GtkGestureDrag   *gesture,
               double            x,
               double            y,
               TptRegionCapture *self)
{
  if (!self->active)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  self->dragging = TRUE;
  self->x0 = self->x1 = x;
  self->y0 = self->y1 = y;
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
drag_update_cb (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                TptRegionCapture *self)
{
  if (!self->dragging)
    return;

  self->x1 = self->x0 + dx;
  self->y1 = self->y0 + dy;
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
drag_end_cb (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             TptRegionCapture *self)
{
  if (!self->dragging)
    return;

  tpt_region_capture_finish (self, self->x0, self->y0, self->x0 + dx, self->y0 + dy);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                TptRegionCapture *self)
{
  if (self->dragging)
    tpt_region_capture_cancel (self);
}

/* While active, the tool keeps the pointer and Escape to itself. */
static gboolean
event_cb (GtkEventControllerLegacy *controller,
          GdkEvent                 *event,
          TptRegionCapture         *self)
{
  if (!self->active)
    return FALSE;

  switch ((int) gdk_event_get_event_type (event))
    {
    case GDK_MOTION_NOTIFY:
      /* Motion in a drag is the gesture's; hover is nobody's. */
      if (self->dragging)
        return FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self->view), "crosshair");
      return TRUE;

    case GDK_BUTTON_PRESS:
      if (gdk_button_event_get_button (event) == GDK_BUTTON_PRIMARY)
        return FALSE;
      tpt_region_capture_cancel (self);
      return TRUE;

    case GDK_KEY_PRESS:
      if (gdk_key_event_get_keyval (event) != GDK_KEY_Escape)
        return FALSE;
      tpt_region_capture_cancel (self);
      return TRUE;

    default:
      return FALSE;
    }
}

static void
tpt_region_capture_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TptRegionCapture *self = TPT_REGION_CAPTURE (object);

  switch (prop_id)
    {
    case PROP_ACTIVE:
      g_value_set_boolean (value, tpt_region_capture_get_active (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_region_capture_class_init (TptRegionCaptureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tpt_region_capture_get_property;

  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TptRegionCapture::captured:
   * @self: the tool
   * @x: the region's left edge, in the drawing's coordinates
   * @y: its top edge
   * @width: its width, more than 0
   * @height: its height, more than 0
   *
   * A region was dragged out; the tool is no longer active.
   */
  signals[CAPTURED] =
    g_signal_new ("captured", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 4, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_DOUBLE);
}

static void
tpt_region_capture_init (TptRegionCapture *self)
{
}

/**
 * tpt_region_capture_new:
 * @view: the view to pick regions of; it owns the tool
 *
 * Returns: (transfer full): a tool, inactive, whose controllers are on @view
 */
TptRegionCapture *
tpt_region_capture_new (TptArtefactView *view)
{
  TptRegionCapture *self;

  g_return_val_if_fail (TPT_IS_ARTEFACT_VIEW (view), NULL);

  self = g_object_new (TPT_TYPE_REGION_CAPTURE, NULL);
  self->view = view;

  self->drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (self->drag), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (self->drag), GTK_PHASE_CAPTURE);
  g_signal_connect (self->drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (self->drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (self->drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  g_signal_connect (self->drag, "cancel", G_CALLBACK (drag_cancel_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (view), GTK_EVENT_CONTROLLER (self->drag));

  self->events = gtk_event_controller_legacy_new ();
  gtk_event_controller_set_propagation_phase (self->events, GTK_PHASE_CAPTURE);
  g_signal_connect (self->events, "event", G_CALLBACK (event_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (view), self->events);

  return self;
}

/**
 * tpt_region_capture_shutdown:
 * @self: a #TptRegionCapture
 *
 * Takes the tool's controllers off the view, as the view goes.
 */
void
tpt_region_capture_shutdown (TptRegionCapture *self)
{
  g_return_if_fail (TPT_IS_REGION_CAPTURE (self));

  if (self->view == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->drag, self);
  g_signal_handlers_disconnect_by_data (self->events, self);
  gtk_widget_remove_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (self->drag));
  gtk_widget_remove_controller (GTK_WIDGET (self->view), self->events);
  self->drag = NULL;
  self->events = NULL;
  self->view = NULL;
}

/**
 * tpt_region_capture_begin:
 * @self: a #TptRegionCapture
 *
 * Makes the next primary-button drag on the view pick a region. The view
 * takes the keyboard focus, for Escape.
 */
void
tpt_region_capture_begin (TptRegionCapture *self)
{
  g_return_if_fail (TPT_IS_REGION_CAPTURE (self));

  if (self->view == NULL)
    return;
  set_active (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/**
 * tpt_region_capture_cancel:
 * @self: a #TptRegionCapture
 *
 * Leaves the mode without a region.
 */
void
tpt_region_capture_cancel (TptRegionCapture *self)
{
  g_return_if_fail (TPT_IS_REGION_CAPTURE (self));

  if (self->view != NULL)
    set_active (self, FALSE);
}

gboolean
tpt_region_capture_get_active (TptRegionCapture *self)
{
  g_return_val_if_fail (TPT_IS_REGION_CAPTURE (self), FALSE);

  return self->active;
}

/**
 * tpt_region_capture_finish:
 * @self: an active #TptRegionCapture
 * @x0: where the drag started, in the view's widget coordinates
 * @y0: where the drag started
 * @x1: where it ended
 * @y1: where it ended
 *
 * Ends the mode as releasing a drag from (@x0, @y0) to (@x1, @y1) does:
 * the rectangle between them, cut to the drawing, is reported by
 * #TptRegionCapture::captured, unless it was a click or lies off the
 * drawing.
 *
 * Returns: whether a region was captured
 */
gboolean
tpt_region_capture_finish (TptRegionCapture *self,
                           double            x0,
                           double            y0,
                           double            x1,
                           double            y1)
{
  double ax, ay, bx, by, width, height;

  g_return_val_if_fail (TPT_IS_REGION_CAPTURE (self), FALSE);

  if (!self->active)
    return FALSE;
  set_active (self, FALSE);
  if (fabs (x1 - x0) < CLICK_SLOP && fabs (y1 - y0) < CLICK_SLOP)
    return FALSE;

  tpt_artefact_view_widget_to_content (self->view, MIN (x0, x1), MIN (y0, y1), &ax, &ay);
  tpt_artefact_view_widget_to_content (self->view, MAX (x0, x1), MAX (y0, y1), &bx, &by);
  tpt_artefact_view_get_content_size (self->view, &width, &height);
  ax = CLAMP (ax, 0, width);
  bx = CLAMP (bx, 0, width);
  ay = CLAMP (ay, 0, height);
  by = CLAMP (by, 0, height);
  /* A band wholly off the paper shows nothing. */
  if (bx - ax < 1 || by - ay < 1)
    {
      gtk_widget_error_bell (GTK_WIDGET (self->view));
      return FALSE;
    }

  g_signal_emit (self, signals[CAPTURED], 0, ax, ay, bx - ax, by - ay);
  return TRUE;
}

static void
append_band (TptRegionCapture *self,
             GtkSnapshot      *snapshot)
{
  graphene_rect_t band = GRAPHENE_RECT_INIT (MIN (self->x0, self->x1), MIN (self->y0, self->y1),
                                             fabs (self->x1 - self->x0),
                                             fabs (self->y1 - self->y0));
  graphene_rect_t page;
  GskRoundedRect outline;
  GdkRGBA accent, fill;
  const float widths[4] = { 2, 2, 2, 2 };
  GdkRGBA colors[4];
  double x0, y0, x1, y1, width, height;

  /* The band shows what the slide will: the part of it on the paper. */
  tpt_artefact_view_get_content_size (self->view, &width, &height);
  tpt_artefact_view_content_to_widget (self->view, 0, 0, &x0, &y0);
  tpt_artefact_view_content_to_widget (self->view, width, height, &x1, &y1);
  page = GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
  if (!graphene_rect_intersection (&band, &page, &band))
    return;

  tpt_artefact_view_get_accent (self->view, &accent);
  fill = accent;
  fill.alpha = 0.15;
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    colors[i] = accent;
  gtk_snapshot_append_color (snapshot, &fill, &band);
  gsk_rounded_rect_init_from_rect (&outline, &band, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* The hint, as an on-screen-display pill at the top of the view. */
static void
append_hint (TptRegionCapture *self,
             GtkSnapshot      *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (self->view);
  g_autoptr(PangoLayout) layout =
    gtk_widget_create_pango_layout (widget, _("Drag over the part to show; Esc cancels"));
  const GdkRGBA background = { 0, 0, 0, 0.75 };
  const GdkRGBA ink = { 1, 1, 1, 1 };
  int text_width, text_height;
  double pill_width, pill_height;
  GskRoundedRect pill;

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  pill_width = text_width + 32;
  pill_height = text_height + 16;
  gsk_rounded_rect_init_from_rect (&pill,
                                   &GRAPHENE_RECT_INIT ((gtk_widget_get_width (widget) -
                                                         pill_width) / 2,
                                                        12, pill_width, pill_height),
                                   pill_height / 2);
  gtk_snapshot_push_rounded_clip (snapshot, &pill);
  gtk_snapshot_append_color (snapshot, &background, &pill.bounds);
  gtk_snapshot_pop (snapshot);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (pill.bounds.origin.x + 16,
                                                          pill.bounds.origin.y + 8));
  gtk_snapshot_append_layout (snapshot, layout, &ink);
  gtk_snapshot_restore (snapshot);
}

/**
 * tpt_region_capture_snapshot:
 * @self: a #TptRegionCapture
 * @snapshot: the view's snapshot, in its widget coordinates
 *
 * Draws the band being dragged and the hint, over everything else.
 */
void
tpt_region_capture_snapshot (TptRegionCapture *self,
                             GtkSnapshot      *snapshot)
{
  g_return_if_fail (TPT_IS_REGION_CAPTURE (self));

  if (!self->active || self->view == NULL)
    return;
  if (self->dragging)
    append_band (self, snapshot);
  append_hint (self, snapshot);
}
