/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-region-capture"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tpt-region-capture.h"

#include "tpt-canvas.h"

/* The tool that picks a region of the page for a slide: once begun, it
 * takes every press until a band has been dragged out (::captured) or
 * it is cancelled by Escape, a click, or another button. While active, a
 * hint at the top of the page says what to do. */

/* A drag shorter than this, in pixels either way, is a click. */
#define CLICK_SLOP 4.0

struct _TptRegionCapture
{
  TptDragTool parent_instance;

  /* The band, in widget coordinates, while dragging. */
  double      x0, y0, x1, y1;
  guint       active : 1;
  guint       dragging : 1;
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

G_DEFINE_FINAL_TYPE (TptRegionCapture, tpt_region_capture, TPT_TYPE_DRAG_TOOL)

static void
set_active (TptRegionCapture *self,
            gboolean          active)
{
  TptCanvas *canvas = tpt_tool_get_canvas (TPT_TOOL (self));

  if (self->active == !!active)
    return;

  self->active = !!active;
  self->dragging = FALSE;
  if (canvas != NULL)
    {
      gtk_widget_set_cursor_from_name (GTK_WIDGET (canvas), active ? "crosshair" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (canvas));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/* While active, every press is the tool's: the primary button's for the
 * band, any other cancels. */
static gboolean
tpt_region_capture_accepts (TptDragTool     *tool,
                            double           x,
                            double           y,
                            guint            button,
                            GdkModifierType  state)
{
  TptRegionCapture *self = TPT_REGION_CAPTURE (tool);

  tpt_drag_tool_set_claim_at_press (tool, TRUE);
  return self->active;
}

static void
tpt_region_capture_begin_drag (TptDragTool *tool,
                               double       x,
                               double       y)
{
  TptRegionCapture *self = TPT_REGION_CAPTURE (tool);
  TptCanvas *canvas = tpt_tool_get_canvas (TPT_TOOL (self));

  if (tpt_drag_tool_get_button (tool) != GDK_BUTTON_PRIMARY)
    {
      set_active (self, FALSE);
      return;
    }
  self->dragging = TRUE;
  tpt_canvas_to_view (canvas, x, y, &self->x0, &self->y0);
  self->x1 = self->x0;
  self->y1 = self->y0;
}

static void
tpt_region_capture_update (TptDragTool *tool,
                           double       x,
                           double       y)
{
  TptRegionCapture *self = TPT_REGION_CAPTURE (tool);
  double dx, dy;

  if (!self->dragging)
    return;
  tpt_drag_tool_get_offset (tool, &dx, &dy);
  self->x1 = self->x0 + dx;
  self->y1 = self->y0 + dy;
}

static void
tpt_region_capture_end (TptDragTool *tool,
                        double       x,
                        double       y)
{
  TptRegionCapture *self = TPT_REGION_CAPTURE (tool);
  double dx, dy;

  if (!self->dragging)
    return;
  tpt_drag_tool_get_offset (tool, &dx, &dy);
  tpt_region_capture_finish (self, self->x0, self->y0, self->x0 + dx, self->y0 + dy);
}

static void
tpt_region_capture_cancel_drag (TptDragTool *tool)
{
  TptRegionCapture *self = TPT_REGION_CAPTURE (tool);

  if (self->dragging)
    set_active (self, FALSE);
}

static gboolean
tpt_region_capture_busy (TptTool *tool)
{
  return TPT_REGION_CAPTURE (tool)->active;
}

static void
tpt_region_capture_reset (TptTool *tool)
{
  TPT_TOOL_CLASS (tpt_region_capture_parent_class)->reset (tool);
  set_active (TPT_REGION_CAPTURE (tool), FALSE);
}

static void
append_band (TptRegionCapture *self,
             TptCanvas        *canvas,
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
  tpt_canvas_get_content_size (canvas, &width, &height);
  tpt_canvas_to_view (canvas, 0, 0, &x0, &y0);
  tpt_canvas_to_view (canvas, width, height, &x1, &y1);
  page = GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
  if (!graphene_rect_intersection (&band, &page, &band))
    return;

  tpt_canvas_get_accent (canvas, &accent);
  fill = accent;
  fill.alpha = 0.15;
  for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
    colors[i] = accent;
  gtk_snapshot_append_color (snapshot, &fill, &band);
  gsk_rounded_rect_init_from_rect (&outline, &band, 0);
  gtk_snapshot_append_border (snapshot, &outline, widths, colors);
}

/* The hint, as an on-screen-display pill at the top of the page. */
static void
append_hint (TptCanvas   *canvas,
             GtkSnapshot *snapshot)
{
  GtkWidget *widget = GTK_WIDGET (canvas);
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

static void
tpt_region_capture_snapshot (TptTool     *tool,
                             GtkSnapshot *snapshot)
{
  TptRegionCapture *self = TPT_REGION_CAPTURE (tool);
  TptCanvas *canvas = tpt_tool_get_canvas (tool);

  if (!self->active || canvas == NULL)
    return;
  if (self->dragging)
    append_band (self, canvas, snapshot);
  append_hint (canvas, snapshot);
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
  TptToolClass *tool_class = TPT_TOOL_CLASS (klass);
  TptDragToolClass *drag_class = TPT_DRAG_TOOL_CLASS (klass);

  object_class->get_property = tpt_region_capture_get_property;
  tool_class->snapshot = tpt_region_capture_snapshot;
  tool_class->busy = tpt_region_capture_busy;
  tool_class->reset = tpt_region_capture_reset;
  drag_class->accepts = tpt_region_capture_accepts;
  drag_class->begin = tpt_region_capture_begin_drag;
  drag_class->update = tpt_region_capture_update;
  drag_class->end = tpt_region_capture_end;
  drag_class->cancel = tpt_region_capture_cancel_drag;

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

TptTool *
tpt_region_capture_new (void)
{
  return g_object_new (TPT_TYPE_REGION_CAPTURE, NULL);
}

/**
 * tpt_region_capture_begin:
 * @self: the tool
 *
 * Starts picking a region; the page gets the keyboard, for Escape.
 */
void
tpt_region_capture_begin (TptRegionCapture *self)
{
  TptCanvas *canvas;

  g_return_if_fail (TPT_IS_REGION_CAPTURE (self));

  canvas = tpt_tool_get_canvas (TPT_TOOL (self));
  if (canvas == NULL)
    return;
  set_active (self, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (canvas));
}

void
tpt_region_capture_cancel (TptRegionCapture *self)
{
  g_return_if_fail (TPT_IS_REGION_CAPTURE (self));

  tpt_tool_reset (TPT_TOOL (self));
}

gboolean
tpt_region_capture_get_active (TptRegionCapture *self)
{
  g_return_val_if_fail (TPT_IS_REGION_CAPTURE (self), FALSE);

  return self->active;
}

/**
 * tpt_region_capture_finish:
 * @self: the tool
 * @x0: where the band started, in widget coordinates
 * @y0: the same, down
 * @x1: where it ended
 * @y1: the same, down
 *
 * Ends the capture with a band, as letting go of a drag does: a band too
 * small to be one, or off the paper, captures nothing.
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
  TptCanvas *canvas;
  double ax, ay, bx, by, width, height;

  g_return_val_if_fail (TPT_IS_REGION_CAPTURE (self), FALSE);

  canvas = tpt_tool_get_canvas (TPT_TOOL (self));
  if (!self->active || canvas == NULL)
    return FALSE;
  set_active (self, FALSE);
  if (fabs (x1 - x0) < CLICK_SLOP && fabs (y1 - y0) < CLICK_SLOP)
    return FALSE;

  tpt_canvas_to_content (canvas, MIN (x0, x1), MIN (y0, y1), &ax, &ay);
  tpt_canvas_to_content (canvas, MAX (x0, x1), MAX (y0, y1), &bx, &by);
  tpt_canvas_get_content_size (canvas, &width, &height);
  ax = CLAMP (ax, 0, width);
  bx = CLAMP (bx, 0, width);
  ay = CLAMP (ay, 0, height);
  by = CLAMP (by, 0, height);
  /* A band wholly off the paper shows nothing. */
  if (bx - ax < 1 || by - ay < 1)
    {
      gtk_widget_error_bell (GTK_WIDGET (canvas));
      return FALSE;
    }

  g_signal_emit (self, signals[CAPTURED], 0, ax, ay, bx - ax, by - ay);
  return TRUE;
}
