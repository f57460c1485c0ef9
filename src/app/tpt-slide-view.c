/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-slide-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tpt-slide-view.h"

#include "tpt-slide-renderer.h"
#include "tpt-text.h"
#include "tpt-theme.h"

/* One slide of a presentation, drawn by the slide renderer in the
 * projector theme: the audience's view, or the presenter console's
 * current and next slides (@offset 0 and 1).
 *
 * The slide is rendered once into an image at the widget's size and the
 * image is painted, so a slide change costs one render. Between two slides
 * of the same drawing (a blueprint, then one of its stages) the view pans
 * and zooms from one to the other; between others it cross-fades. Both
 * follow the desktop's animation setting: with animations off, slides just
 * change. On the audience's view, the wheel zooms about the pointer and a
 * drag pans, for questions; Z goes back to the slide. The pointer shows a
 * highlight while it moves and hides when still. */

#define TRANSITION_USEC      (450 * G_TIME_SPAN_MILLISECOND)
#define FADE_USEC            (250 * G_TIME_SPAN_MILLISECOND)
#define POINTER_IDLE_MSEC    2000
#define HIGHLIGHT_RADIUS     22.0
#define MAX_ZOOM             8.0

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

struct _TptSlideView
{
  GtkWidget        parent_instance;

  TptPresentation *presentation;
  PangoContext    *context;
  int              offset;
  gboolean         audience;

  /* The slide shown, rendered at the widget's size. */
  int              shown;          /* its index, or −1 */
  cairo_surface_t *image;
  int              image_width;
  int              image_height;

  /* The slide before, while the transition to this one runs. */
  int              previous;
  cairo_surface_t *previous_image;
  gint64           transition_start;
  gint64           transition_length;
  gboolean         camera;         /* pan and zoom, not only fade */
  TptRect          from_bounds;
  TptRect          to_bounds;
  guint            tick_id;

  /* Free zoom and pan, in widget pixels. */
  double           zoom;
  double           pan_x;
  double           pan_y;
  double           drag_pan_x;
  double           drag_pan_y;

  /* The pointer highlight. */
  double           pointer_x;
  double           pointer_y;
  gboolean         pointer_shown;
  guint            pointer_idle_id;
};

G_DEFINE_FINAL_TYPE (TptSlideView, tpt_slide_view, GTK_TYPE_WIDGET)

static int
wanted_index (TptSlideView *self)
{
  return (int) tpt_presentation_get_index (self->presentation) + self->offset;
}

static TptSlide *
slide_at (TptSlideView *self,
          int           index)
{
  return index >= 0 ? tpt_presentation_get_slide (self->presentation, index) : NULL;
}

/* The 16:9 frame, centred: the bands beside it stay black on a
 * projector of another shape. */
static void
clip_to_frame (cairo_t *cr,
               double   width,
               double   height)
{
  double scale = MIN (width / TPT_SLIDE_WIDTH, height / TPT_SLIDE_HEIGHT);
  double w = TPT_SLIDE_WIDTH * scale, h = TPT_SLIDE_HEIGHT * scale;

  cairo_rectangle (cr, round ((width - w) / 2), round ((height - h) / 2), round (w), round (h));
  cairo_clip (cr);
}

static cairo_surface_t *
render (TptSlideView *self,
        int           index,
        int           width,
        int           height)
{
  TptSlide *slide = slide_at (self, index);
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width * scale, height * scale);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_paint (cr);
  clip_to_frame (cr, width, height);
  if (slide != NULL)
    tpt_slide_render (cr, self->context, tpt_presentation_get_document (self->presentation), slide,
                      tpt_theme_get (TPT_THEME_PROJECTOR), width, height, index + 1,
                      tpt_presentation_get_n_slides (self->presentation));
  cairo_destroy (cr);
  return surface;
}

static gboolean
animations_enabled (TptSlideView *self)
{
  gboolean enabled = TRUE;

  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations", &enabled,
                NULL);
  return enabled;
}

static void
stop_transition (TptSlideView *self)
{
  if (self->tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
  self->tick_id = 0;
  g_clear_pointer (&self->previous_image, cairo_surface_destroy);
  self->previous = -1;
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  TptSlideView *self = TPT_SLIDE_VIEW (widget);

  gtk_widget_queue_draw (widget);
  if (gdk_frame_clock_get_frame_time (clock) - self->transition_start >= self->transition_length)
    {
      self->tick_id = 0;
      g_clear_pointer (&self->previous_image, cairo_surface_destroy);
      self->previous = -1;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Two slides of one drawing (the same blueprint, whole or a stage, or
 * the same persona) move from one to the other. */
static gboolean
same_drawing (TptSlideView *self,
              TptSlide     *a,
              TptSlide     *b)
{
  TptDocument *document = tpt_presentation_get_document (self->presentation);
  TptNode *ta = tpt_slide_get_target_node (a);
  TptNode *tb = tpt_slide_get_target_node (b);
  TptArtefactKind  ka = tpt_slide_get_artefact (a);
  TptArtefactKind  kb = tpt_slide_get_artefact (b);

  if (ka == TPT_ARTEFACT_STAGE && ta != NULL)
    ta = tpt_node_get_parent (ta);
  if (kb == TPT_ARTEFACT_STAGE && tb != NULL)
    tb = tpt_node_get_parent (tb);
  if (ka == TPT_ARTEFACT_STAGE)
    ka = TPT_ARTEFACT_BLUEPRINT;
  if (kb == TPT_ARTEFACT_STAGE)
    kb = TPT_ARTEFACT_BLUEPRINT;

  return ka == kb && ta == tb && ka != TPT_ARTEFACT_COVER &&
         tpt_slide_get_bounds (self->context, document, a, &self->from_bounds) &&
         tpt_slide_get_bounds (self->context, document, b, &self->to_bounds) &&
         self->from_bounds.width > 0 && self->to_bounds.width > 0;
}

static void
start_transition (TptSlideView *self,
                  int           from)
{
  TptSlide *a = slide_at (self, from);
  TptSlide *b = slide_at (self, wanted_index (self));

  stop_transition (self);
  if (self->image == NULL || a == NULL || b == NULL || !animations_enabled (self) ||
      !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->previous = from;
  self->previous_image = g_steal_pointer (&self->image);
  self->camera = same_drawing (self, a, b);
  self->transition_length = self->camera ? TRANSITION_USEC : FADE_USEC;
  self->transition_start = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), tick_cb, NULL, NULL);
}

static void
presentation_changed_cb (TptSlideView *self)
{
  int wanted = wanted_index (self);

  if (wanted != self->shown)
    {
      int from = self->shown;

      tpt_slide_view_reset_zoom (self);
      /* The next-slide preview just changes; the audience sees motion. */
      if (self->offset == 0 && from >= 0)
        start_transition (self, from);
      g_clear_pointer (&self->image, cairo_surface_destroy);
      self->shown = wanted;
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* An edit in the main window (while questions are taken) shows at once. */
static void
document_changed_cb (TptSlideView *self)
{
  g_clear_pointer (&self->image, cairo_surface_destroy);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static double
ease (double t)
{
  t = CLAMP (t, 0, 1);
  return 1 - pow (1 - t, 3);
}

/* Paints the content area of @image, which shows @bounds of the drawing,
 * as the camera looking at @camera sees it. */
static void
paint_through_camera (cairo_t         *cr,
                      cairo_surface_t *image,
                      const TptRect   *content,
                      const TptRect   *bounds,
                      const TptRect   *camera,
                      double           alpha)
{
  double k_image = MIN (content->width / bounds->width, content->height / bounds->height);
  double k_camera = MIN (content->width / camera->width, content->height / camera->height);
  double cx = content->x + content->width / 2, cy = content->y + content->height / 2;

  cairo_save (cr);
  cairo_rectangle (cr, content->x, content->y, content->width, content->height);
  cairo_clip (cr);
  /* Screen ← camera ← drawing ← image. */
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, k_camera, k_camera);
  cairo_translate (cr, bounds->x + bounds->width / 2 - (camera->x + camera->width / 2),
                   bounds->y + bounds->height / 2 - (camera->y + camera->height / 2));
  cairo_scale (cr, 1 / k_image, 1 / k_image);
  cairo_translate (cr, -cx, -cy);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint_with_alpha (cr, alpha);
  cairo_restore (cr);
}

static void
draw_transition (TptSlideView *self,
                 cairo_t      *cr,
                 int           width,
                 int           height)
{
  gint64 now = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  double t = ease ((double) (now - self->transition_start) / self->transition_length);
  TptSlide *slide = slide_at (self, self->shown);
  TptRect content;

  /* The frames (titles, slide numbers) cross-fade. */
  cairo_set_source_surface (cr, self->previous_image, 0, 0);
  cairo_paint_with_alpha (cr, 1 - t);
  cairo_set_source_surface (cr, self->image, 0, 0);
  cairo_paint_with_alpha (cr, t);
  if (!self->camera || slide == NULL)
    return;

  /* The drawing moves from one view of it to the other: the camera's
   * size changes geometrically, so the zoom feels even. */
  {
    TptRect camera;
    double w = exp (log (self->from_bounds.width) * (1 - t) + log (self->to_bounds.width) * t);
    double h = exp (log (self->from_bounds.height) * (1 - t) + log (self->to_bounds.height) * t);
    double x = (self->from_bounds.x + self->from_bounds.width / 2) * (1 - t) +
               (self->to_bounds.x + self->to_bounds.width / 2) * t;
    double y = (self->from_bounds.y + self->from_bounds.height / 2) * (1 - t) +
               (self->to_bounds.y + self->to_bounds.height / 2) * t;

    camera = (TptRect) { x - w / 2, y - h / 2, w, h };
    tpt_slide_get_content_rect (slide, width, height, &content);
    cairo_save (cr);
    cairo_rectangle (cr, content.x, content.y, content.width, content.height);
    cairo_clip (cr);
    cairo_set_source_rgb (cr, 1, 1, 1);
    cairo_paint (cr);
    cairo_restore (cr);
    paint_through_camera (cr, self->previous_image, &content, &self->from_bounds, &camera, 1 - t);
    paint_through_camera (cr, self->image, &content, &self->to_bounds, &camera, t);
  }
}

static void
draw_message (TptSlideView *self,
              GtkSnapshot  *snapshot,
              const char   *text,
              int           width,
              int           height)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((width - w) / 2.0, (height - h) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &(GdkRGBA) { 0.8, 0.8, 0.8, 1 });
  gtk_snapshot_restore (snapshot);
}

static void
tpt_slide_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  TptSlideView *self = TPT_SLIDE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  TptPresentationBlank blank = tpt_presentation_get_blank (self->presentation);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 1 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->audience && blank != TPT_PRESENTATION_BLANK_NONE)
    {
      if (blank == TPT_PRESENTATION_BLANK_WHITE)
        gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 },
                                   &GRAPHENE_RECT_INIT (0, 0, width, height));
      return;
    }

  if (slide_at (self, wanted_index (self)) == NULL)
    {
      /* Past the last slide, the console's preview says so; a document
       * with nothing to show says that. */
      if (tpt_presentation_get_n_slides (self->presentation) == 0)
        draw_message (self, snapshot,
                      self->offset > 0 ? "" : _("There is nothing to present yet. "
                                                "Press Esc and add a blueprint, a persona or a need."),
                      width, height);
      else
        draw_message (self, snapshot, self->offset > 0 ? _("End of the presentation") : "",
                      width, height);
      return;
    }

  if (self->image == NULL || self->image_width != width || self->image_height != height)
    {
      g_clear_pointer (&self->image, cairo_surface_destroy);
      self->image = render (self, self->shown = wanted_index (self), width, height);
      self->image_width = width;
      self->image_height = height;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->previous_image != NULL)
    draw_transition (self, cr, width, height);
  else if (self->zoom > 1.0)
    {
      /* Zoomed for a question: drawn anew, so type stays sharp. */
      cairo_save (cr);
      cairo_translate (cr, self->pan_x, self->pan_y);
      cairo_scale (cr, self->zoom, self->zoom);
      clip_to_frame (cr, width, height);
      tpt_slide_render (cr, self->context, tpt_presentation_get_document (self->presentation),
                        slide_at (self, self->shown), tpt_theme_get (TPT_THEME_PROJECTOR),
                        width, height, self->shown + 1,
                        tpt_presentation_get_n_slides (self->presentation));
      cairo_restore (cr);
    }
  else
    {
      cairo_set_source_surface (cr, self->image, 0, 0);
      cairo_paint (cr);
    }

  if (!self->audience && blank != TPT_PRESENTATION_BLANK_NONE && self->offset == 0)
    {
      /* The console shows the slide dimmed while the audience sees none. */
      cairo_set_source_rgba (cr, 0, 0, 0, 0.6);
      cairo_paint (cr);
    }

  if (self->audience && self->pointer_shown)
    {
      cairo_new_path (cr);
      cairo_identity_matrix (cr);
      cairo_arc (cr, self->pointer_x, self->pointer_y, HIGHLIGHT_RADIUS, 0, 2 * G_PI);
      cairo_set_source_rgba (cr, 1.0, 0.85, 0.0, 0.35);
      cairo_fill_preserve (cr);
      cairo_set_source_rgba (cr, 0.9, 0.25, 0.1, 0.9);
      cairo_set_line_width (cr, 3);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);

  if (!self->audience && blank != TPT_PRESENTATION_BLANK_NONE && self->offset == 0)
    draw_message (self, snapshot,
                  blank == TPT_PRESENTATION_BLANK_BLACK ? _("The screen is black. Press B to show the slide.")
                                                        : _("The screen is white. Press W to show the slide."),
                  width, height);
}

/* ------------------------------------------------------------------ */
/* Free zoom and the pointer, on the audience's view                   */

static void
clamp_pan (TptSlideView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  self->pan_x = CLAMP (self->pan_x, width - width * self->zoom, 0);
  self->pan_y = CLAMP (self->pan_y, height - height * self->zoom, 0);
}

/**
 * tpt_slide_view_zoom_at:
 * @self: a slide view
 * @factor: how much to zoom in (below 1, out)
 * @x: the point that stays put, in widget pixels
 * @y: the point's y
 *
 * Zooms into the slide for a question; never out past the whole slide.
 */
void
tpt_slide_view_zoom_at (TptSlideView *self,
                        double        factor,
                        double        x,
                        double        y)
{
  double zoom;

  g_return_if_fail (TPT_IS_SLIDE_VIEW (self));

  zoom = CLAMP (self->zoom * factor, 1.0, MAX_ZOOM);
  self->pan_x = x - (x - self->pan_x) * zoom / self->zoom;
  self->pan_y = y - (y - self->pan_y) * zoom / self->zoom;
  self->zoom = zoom;
  clamp_pan (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
tpt_slide_view_reset_zoom (TptSlideView *self)
{
  g_return_if_fail (TPT_IS_SLIDE_VIEW (self));

  self->zoom = 1.0;
  self->pan_x = self->pan_y = 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
tpt_slide_view_get_zoom (TptSlideView *self)
{
  g_return_val_if_fail (TPT_IS_SLIDE_VIEW (self), 1.0);

  return self->zoom;
}

gboolean
tpt_slide_view_is_animating (TptSlideView *self)
{
  g_return_val_if_fail (TPT_IS_SLIDE_VIEW (self), FALSE);

  return self->previous_image != NULL;
}

/**
 * tpt_slide_view_get_shown:
 * @self: a slide view
 *
 * Returns: the position of the slide it shows, or is about to show after
 *   the presentation moved on; past the end of the slides for none
 */
int
tpt_slide_view_get_shown (TptSlideView *self)
{
  g_return_val_if_fail (TPT_IS_SLIDE_VIEW (self), -1);

  return self->shown;
}

/**
 * tpt_slide_view_get_highlight:
 * @self: a slide view
 *
 * Returns: whether the pointer's highlight shows
 */
gboolean
tpt_slide_view_get_highlight (TptSlideView *self)
{
  g_return_val_if_fail (TPT_IS_SLIDE_VIEW (self), FALSE);

  return self->pointer_shown;
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TptSlideView             *self)
{
  if (!self->audience)
    return FALSE;
  tpt_slide_view_zoom_at (self, pow (1.2, -dy), self->pointer_x, self->pointer_y);
  return TRUE;
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               TptSlideView   *self)
{
  self->drag_pan_x = self->pan_x;
  self->drag_pan_y = self->pan_y;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                TptSlideView   *self)
{
  if (!self->audience || self->zoom <= 1.0)
    return;
  self->pan_x = self->drag_pan_x + dx;
  self->pan_y = self->drag_pan_y + dy;
  clamp_pan (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
pointer_idle_cb (gpointer user_data)
{
  TptSlideView *self = user_data;

  self->pointer_idle_id = 0;
  self->pointer_shown = FALSE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  gtk_widget_queue_draw (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TptSlideView             *self)
{
  /* Windows get a motion as they appear under a still pointer: only a
   * real move shows the highlight. */
  gboolean first = self->pointer_x < -50;

  if (fabs (x - self->pointer_x) < 1 && fabs (y - self->pointer_y) < 1)
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  if (!self->audience || first)
    return;

  self->pointer_shown = TRUE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
  g_clear_handle_id (&self->pointer_idle_id, g_source_remove);
  self->pointer_idle_id = g_timeout_add (POINTER_IDLE_MSEC, pointer_idle_cb, self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */

static void
tpt_slide_view_map (GtkWidget *widget)
{
  TptSlideView *self = TPT_SLIDE_VIEW (widget);

  GTK_WIDGET_CLASS (tpt_slide_view_parent_class)->map (widget);
  /* A still pointer is hidden from the start. */
  if (self->audience && self->pointer_idle_id == 0)
    self->pointer_idle_id = g_timeout_add (POINTER_IDLE_MSEC, pointer_idle_cb, self);
}

static void
tpt_slide_view_dispose (GObject *object)
{
  TptSlideView *self = TPT_SLIDE_VIEW (object);

  stop_transition (self);
  g_clear_handle_id (&self->pointer_idle_id, g_source_remove);
  if (self->presentation != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->presentation, self);
      g_signal_handlers_disconnect_by_data (
        tpt_document_get_history (tpt_presentation_get_document (self->presentation)), self);
    }
  g_clear_object (&self->presentation);
  g_clear_pointer (&self->image, cairo_surface_destroy);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (tpt_slide_view_parent_class)->dispose (object);
}

static void
tpt_slide_view_class_init (TptSlideViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tpt_slide_view_dispose;
  widget_class->snapshot = tpt_slide_view_snapshot;
  widget_class->map = tpt_slide_view_map;

  gtk_widget_class_set_css_name (widget_class, "slideview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tpt_slide_view_init (TptSlideView *self)
{
  GtkEventController *scroll, *motion;
  GtkGesture *drag;

  self->shown = -1;
  self->previous = -1;
  self->zoom = 1.0;
  self->pointer_x = self->pointer_y = -100;
  self->context = tpt_text_context_new ();

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  drag = gtk_gesture_drag_new ();
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);
}

/**
 * tpt_slide_view_new:
 * @presentation: the presentation to show
 * @offset: 0 for the slide that is up, 1 for the next one
 *
 * Returns: (transfer floating): a slide view
 */
GtkWidget *
tpt_slide_view_new (TptPresentation *presentation,
                    int              offset)
{
  TptSlideView *self;

  g_return_val_if_fail (TPT_IS_PRESENTATION (presentation), NULL);

  self = g_object_new (TPT_TYPE_SLIDE_VIEW, NULL);
  self->presentation = g_object_ref (presentation);
  self->offset = offset;
  self->shown = wanted_index (self);
  g_signal_connect_swapped (presentation, "changed", G_CALLBACK (presentation_changed_cb), self);
  g_signal_connect_swapped (tpt_document_get_history (tpt_presentation_get_document (presentation)),
                            "notify::position", G_CALLBACK (document_changed_cb), self);
  return GTK_WIDGET (self);
}

/**
 * tpt_slide_view_set_audience:
 * @self: a slide view
 * @audience: whether this is what the audience sees
 *
 * The audience's view blanks the screen for B and W, takes free zoom and
 * shows the pointer highlight; the console's views do not.
 */
void
tpt_slide_view_set_audience (TptSlideView *self,
                             gboolean      audience)
{
  g_return_if_fail (TPT_IS_SLIDE_VIEW (self));

  self->audience = audience;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}
