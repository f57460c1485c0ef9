/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-artefact-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "tpt-artefact-view.h"

#include "tpt-blueprint-canvas.h"
#include "tpt-blueprint-layout.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-cover.h"
#include "tpt-link.h"
#include "tpt-coverage-renderer.h"
#include "tpt-matrix-canvas.h"
#include "tpt-matrix-renderer.h"
#include "tpt-persona-renderer.h"
#include "tpt-gallery-canvas.h"
#include "tpt-region-capture.h"
#include "tpt-slide-edits.h"
#include "tpt-text.h"
#include "tpt-theme.h"
#include "tpt-tile-cache.h"

/* The view of one artefact in the centre of the window: it draws what
 * src/render draws for export, zoomed and scrolled, and only the part that
 * is visible. Editing is delegated artefact by artefact: a blueprint to
 * TptBlueprintCanvas, which hit-tests the layout drawn here. */

/* The cover is drawn on an A4 landscape page, as in an exported PDF. */
#define COVER_WIDTH  (297 * 72.0 / 25.4)
#define COVER_HEIGHT (210 * 72.0 / 25.4)
/* Room around the drawing, in widget pixels. */
#define VIEW_MARGIN 24.0
#define ZOOM_STEP   1.25

struct _TptArtefactView
{
  GtkWidget           parent_instance;

  /* owned */
  TptDocument        *document;
  TptBlueprint       *blueprint;
  TptBlueprintLayout *layout;
  PangoContext       *context;
  TptTextCache       *text_cache;
  TptTileCache       *tiles;
  GHashTable         *collapsed;      /* ids of stages shown collapsed */
  GArray             *links;          /* TptLink: cards and needs named on a report */
  GArray             *cells;          /* TptMatrixCell: where ratings are, on the matrix */
  TptMatrixCanvas    *matrix_canvas;
  GArray             *parts;          /* TptPersonaPart: cards and fields, in the gallery */
  TptGalleryCanvas   *gallery_canvas;
  GtkWidget          *menu;           /* the context menu a canvas opened */
  TptBlueprintCanvas *canvas;
  TptRegionCapture   *capture;
  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;

  TptArtefactKind         artefact;
  double              zoom;
  double              content_width;
  double              content_height;
  /* Where a middle or primary drag started, in adjustment values. */
  double              drag_start_x;
  double              drag_start_y;
  guint               relayout_id;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;
  guint               fit_pending : 1;
  guint               space_held : 1;
  guint               panning : 1;
};

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_ARTEFACT_TITLE,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE_LINK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (TptArtefactView, tpt_artefact_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static const TptTheme *
current_theme (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  return tpt_theme_get (adw_style_manager_get_dark (manager) ? TPT_THEME_DARK
                                                              : TPT_THEME_LIGHT);
}

static void
measure_content (TptArtefactView *self)
{
  double width = 0, height = 0;

  g_clear_pointer (&self->layout, tpt_blueprint_layout_unref);
  g_array_set_size (self->links, 0);
  g_array_set_size (self->cells, 0);

  if (self->document == NULL)
    {
      self->content_width = self->content_height = 0;
      return;
    }

  switch (self->artefact)
    {
    case TPT_ARTEFACT_BLUEPRINT:
      /* The cache lives as long as the view: after an edit only the
       * changed texts are measured again. */
      self->layout = tpt_blueprint_layout_new_full (self->document, self->blueprint,
                                                    self->text_cache, self->collapsed);
      tpt_text_cache_trim (self->text_cache);
      width = self->layout->bounds.width;
      height = self->layout->bounds.height;
      break;

    case TPT_ARTEFACT_PERSONAS:
      tpt_persona_gallery_measure (self->context, self->document, &width, &height);
      tpt_persona_gallery_collect_parts (self->context, self->document, self->parts);
      break;

    case TPT_ARTEFACT_NEEDS_MATRIX:
      tpt_matrix_measure (self->context, self->document, &width, &height);
      tpt_matrix_collect_links (self->context, self->document, self->links, self->cells);
      break;

    case TPT_ARTEFACT_COVERAGE:
      tpt_coverage_report_measure (self->context, self->document, &width, &height);
      tpt_coverage_report_collect_links (self->context, self->document, self->links);
      break;

    case TPT_ARTEFACT_COVER:
    default:
      width = COVER_WIDTH;
      height = COVER_HEIGHT;
      break;
    }

  self->content_width = width;
  self->content_height = height;
}

/* Sets one adjustment for a view of @view_size pixels onto @content_size
 * pixels of drawing, keeping @anchor (a position in the view) over the same
 * point of the drawing when the zoom changed from @old_zoom. */
static void
configure_adjustment (GtkAdjustment *adjustment,
                      double         view_size,
                      double         content_size,
                      double         anchor,
                      double         zoom_ratio)
{
  double upper = MAX (view_size, content_size + 2 * VIEW_MARGIN);
  double value = gtk_adjustment_get_value (adjustment);

  value = (value + anchor) * zoom_ratio - anchor;
  value = CLAMP (value, 0, upper - view_size);
  gtk_adjustment_configure (adjustment, value, 0, upper,
                            view_size * 0.1, view_size * 0.9, view_size);
}

static void
update_adjustments (TptArtefactView *self,
                    double           anchor_x,
                    double           anchor_y,
                    double           zoom_ratio)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->hadjustment != NULL)
    configure_adjustment (self->hadjustment, width, self->content_width * self->zoom,
                          anchor_x, zoom_ratio);
  if (self->vadjustment != NULL)
    configure_adjustment (self->vadjustment, height, self->content_height * self->zoom,
                          anchor_y, zoom_ratio);
}

static void
set_zoom_anchored (TptArtefactView *self,
                   double           zoom,
                   double           anchor_x,
                   double           anchor_y)
{
  double ratio;

  zoom = CLAMP (zoom, TPT_ARTEFACT_VIEW_MIN_ZOOM, TPT_ARTEFACT_VIEW_MAX_ZOOM);
  if (zoom == self->zoom)
    return;

  ratio = zoom / self->zoom;
  self->zoom = zoom;
  update_adjustments (self, anchor_x, anchor_y, ratio);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static double
fit_zoom (TptArtefactView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->content_width <= 0 || self->content_height <= 0 || width <= 0 || height <= 0)
    return 1.0;

  return MIN ((width - 2 * VIEW_MARGIN) / self->content_width,
              (height - 2 * VIEW_MARGIN) / self->content_height);
}

static void
relayout (TptArtefactView *self)
{
  measure_content (self);
  tpt_tile_cache_invalidate (self->tiles);
  update_adjustments (self, 0, 0, 1.0);
  if (self->canvas != NULL)
    tpt_blueprint_canvas_set_layout (self->canvas, self->document, self->layout);
  if (self->matrix_canvas != NULL)
    tpt_matrix_canvas_set_cells (self->matrix_canvas, self->document,
                                 self->artefact == TPT_ARTEFACT_NEEDS_MATRIX ? self->cells : NULL);
  if (self->gallery_canvas != NULL)
    tpt_gallery_canvas_set_parts (self->gallery_canvas, self->document,
                                  self->artefact == TPT_ARTEFACT_PERSONAS ? self->parts : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
relayout_cb (gpointer user_data)
{
  TptArtefactView *self = user_data;

  self->relayout_id = 0;
  relayout (self);

  return G_SOURCE_REMOVE;
}

/* Many changes arrive per gesture (a transaction of several changes); lay
 * out once, after the last of them. */
static void
queue_relayout (TptArtefactView *self)
{
  if (self->relayout_id == 0)
    self->relayout_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, relayout_cb, self, NULL);
}

static void
node_changed_cb (TptArtefactView *self,
                 TptNode         *node,
                 GParamSpec      *pspec)
{
  queue_relayout (self);
}

static void
history_position_cb (TptArtefactView *self)
{
  /* The shown blueprint may have been removed (a deletion, or an undo of
   * its creation); the cover is always there. */
  if (self->blueprint != NULL && !tpt_node_is_attached (TPT_NODE (self->blueprint)))
    {
      g_clear_object (&self->blueprint);
      self->artefact = TPT_ARTEFACT_COVER;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTEFACT_TITLE]);
    }
  queue_relayout (self);
}

static void
draw_message (TptArtefactView *self,
              GtkSnapshot     *snapshot,
              const char      *title,
              const char      *body)
{
  g_autofree char *markup = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  int text_width, text_height;
  GdkRGBA color;

  markup = g_markup_printf_escaped ("<span size='x-large' weight='bold'>%s</span>\n%s",
                                    title, body);
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), NULL);
  pango_layout_set_markup (layout, markup, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  pango_layout_set_width (layout, MAX (100, width - 48) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (layout, &text_width, &text_height);

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
  color.alpha *= 0.55;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (24, (height - text_height) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static gboolean
artefact_is_empty (TptArtefactView *self,
                   const char     **title,
                   const char     **body)
{
  switch (self->artefact)
    {
    case TPT_ARTEFACT_PERSONAS:
      if (g_list_model_get_n_items (tpt_document_get_personas (self->document)) > 0)
        return FALSE;
      *title = _("No Personas");
      *body = _("Add a persona from the outline to describe who the service is for.");
      return TRUE;

    case TPT_ARTEFACT_NEEDS_MATRIX:
      if (g_list_model_get_n_items (tpt_document_get_needs (self->document)) > 0 &&
          g_list_model_get_n_items (tpt_document_get_personas (self->document)) > 0)
        return FALSE;
      *title = _("No Needs Matrix Yet");
      *body = _("The matrix rates how much each need matters to each persona. "
                "Add personas and needs from the outline.");
      return TRUE;

    case TPT_ARTEFACT_COVERAGE:
      if (g_list_model_get_n_items (tpt_document_get_needs (self->document)) > 0 &&
          g_list_model_get_n_items (tpt_document_get_blueprints (self->document)) > 0)
        return FALSE;
      *title = _("No Coverage Yet");
      *body = _("Coverage shows which customer needs the work in each blueprint serves. "
                "Add needs from the outline, and link cards to them in the inspector.");
      return TRUE;

    case TPT_ARTEFACT_BLUEPRINT:
      if (self->layout == NULL || self->layout->lanes->len > 0 || self->layout->steps->len > 0)
        return FALSE;
      *title = _("An Empty Blueprint");
      *body = _("Add steps along the journey with Ctrl+Shift+Right and lanes for who acts "
                "with Ctrl+Shift+Down, or right-click for more.");
      return TRUE;

    case TPT_ARTEFACT_COVER:
    default:
      return FALSE;
    }
}

static void
draw_cover (TptArtefactView *self,
            cairo_t         *cr,
            const TptTheme  *theme)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (TptCoverEntry));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GListModel *blueprints = tpt_document_get_blueprints (self->document);
  guint n = g_list_model_get_n_items (blueprints);
  int page = 2;

  guint n_personas = g_list_model_get_n_items (tpt_document_get_personas (self->document));
  guint n_needs = g_list_model_get_n_items (tpt_document_get_needs (self->document));

  /* The contents of the exported PDF, in its order. */
  if (n_personas > 0)
    {
      TptCoverEntry entry = { _("Personas"), page++ };

      g_array_append_val (entries, entry);
      if (n_needs > 0)
        {
          TptCoverEntry matrix = { _("Needs Matrix"), page++ };

          g_array_append_val (entries, matrix);
        }
    }
  if (n_needs > 0 && n > 0)
    {
      TptCoverEntry coverage = { _("Coverage"), page++ };

      g_array_append_val (entries, coverage);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);
      TptCoverEntry entry = { tpt_blueprint_get_title (blueprint), page++ };

      g_array_append_val (entries, entry);
    }

  tpt_cover_render (cr, self->context, self->document, theme, COVER_WIDTH, COVER_HEIGHT,
                    now, (const TptCoverEntry *) (gpointer) entries->data, entries->len);
}

/* Where the drawing's origin is in the widget: centred when it is smaller
 * than the view, scrolled otherwise. */
static void
content_origin (TptArtefactView *self,
                double          *x0,
                double          *y0)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double page_width = self->content_width * self->zoom;
  double page_height = self->content_height * self->zoom;

  /* On whole pixels, so the drawing's tiles are never resampled. */
  *x0 = round (page_width + 2 * VIEW_MARGIN <= width
               ? (width - page_width) / 2
               : VIEW_MARGIN - gtk_adjustment_get_value (self->hadjustment));
  *y0 = round (page_height + 2 * VIEW_MARGIN <= height
               ? (height - page_height) / 2
               : VIEW_MARGIN - gtk_adjustment_get_value (self->vadjustment));
}

/* Draws the artefact shown, in its own coordinates: for the tile cache. */
static void
draw_artefact (cairo_t        *cr,
               const TptTheme *theme,
               gpointer        data)
{
  TptArtefactView *self = data;

  switch (self->artefact)
    {
    case TPT_ARTEFACT_BLUEPRINT:
      if (self->layout != NULL)
        tpt_blueprint_render (cr, self->layout, theme);
      break;
    case TPT_ARTEFACT_PERSONAS:
      tpt_persona_gallery_render (cr, self->context, self->document, theme);
      break;
    case TPT_ARTEFACT_NEEDS_MATRIX:
      tpt_matrix_render (cr, self->context, self->document, theme);
      break;
    case TPT_ARTEFACT_COVERAGE:
      tpt_coverage_report_render (cr, self->context, self->document, theme);
      break;
    case TPT_ARTEFACT_COVER:
    default:
      draw_cover (self, cr, theme);
      break;
    }
}

static void
tpt_artefact_view_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  TptArtefactView *self = TPT_ARTEFACT_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const TptTheme *theme = current_theme ();
  const char *title, *body;
  double x0, y0, page_width, page_height;
  cairo_t *cr;

  if (self->document == NULL || width <= 0 || height <= 0)
    return;

  if (artefact_is_empty (self, &title, &body))
    {
      draw_message (self, snapshot, title, body);
      tpt_region_capture_snapshot (self->capture, snapshot);
      return;
    }

  page_width = self->content_width * self->zoom;
  page_height = self->content_height * self->zoom;
  content_origin (self, &x0, &y0);

  /* The paper, with a soft shadow so it reads as a page in light and dark;
   * then the artefact from the tile cache; then what the canvas draws
   * over it, which changes with every gesture. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_rgba (cr, 0, 0, 0, 0.12);
  cairo_rectangle (cr, x0 + 1, y0 + 2, page_width, page_height);
  cairo_fill (cr);
  tpt_tile_cache_draw (self->tiles, cr, &GRAPHENE_RECT_INIT (x0, y0, page_width, page_height),
                       &GRAPHENE_RECT_INIT (0, 0, width, height), self->zoom,
                       gtk_widget_get_scale_factor (widget), theme, draw_artefact, self);

  if ((self->artefact == TPT_ARTEFACT_BLUEPRINT && self->layout != NULL) ||
      self->artefact == TPT_ARTEFACT_NEEDS_MATRIX || self->artefact == TPT_ARTEFACT_PERSONAS)
    {
      cairo_rectangle (cr, x0, y0, page_width, page_height);
      cairo_clip (cr);
      cairo_translate (cr, x0, y0);
      cairo_scale (cr, self->zoom, self->zoom);
      if (self->artefact == TPT_ARTEFACT_BLUEPRINT)
        tpt_blueprint_canvas_draw (self->canvas, cr, self->zoom);
      else if (self->artefact == TPT_ARTEFACT_PERSONAS)
        tpt_gallery_canvas_draw (self->gallery_canvas, cr, self->zoom);
      else
        tpt_matrix_canvas_draw (self->matrix_canvas, cr, self->zoom);
    }
  cairo_destroy (cr);

  tpt_blueprint_canvas_snapshot_children (self->canvas, snapshot);
  tpt_region_capture_snapshot (self->capture, snapshot);
}

static void
tpt_artefact_view_size_allocate (GtkWidget *widget,
                                 int        width,
                                 int        height,
                                 int        baseline)
{
  TptArtefactView *self = TPT_ARTEFACT_VIEW (widget);

  if (self->fit_pending && width > 0 && height > 0)
    {
      self->fit_pending = FALSE;
      self->zoom = MIN (1.0, fit_zoom (self));
      self->zoom = CLAMP (self->zoom, TPT_ARTEFACT_VIEW_MIN_ZOOM, TPT_ARTEFACT_VIEW_MAX_ZOOM);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  update_adjustments (self, 0, 0, 1.0);
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
  tpt_blueprint_canvas_allocate (self->canvas);
  tpt_gallery_canvas_allocate (self->gallery_canvas);
  tpt_matrix_canvas_allocate (self->matrix_canvas);
}

static void
tpt_artefact_view_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  *minimum = 120;
  *natural = 600;
}

static void
adjustment_value_changed_cb (TptArtefactView *self)
{
  /* The in-place editor moves with the drawing. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (TptArtefactView  *self,
                GtkAdjustment   **slot,
                GtkAdjustment    *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_changed_cb), self,
                           G_CONNECT_SWAPPED);
  update_adjustments (self, 0, 0, 1.0);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           TptArtefactView          *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double x = 0, y = 0;
  GdkEvent *event;

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;

  /* Zoom about the pointer, so the point under it stays put. */
  event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
  if (event != NULL)
    {
      gdk_event_get_position (event, &x, &y);
      gtk_widget_translate_coordinates (GTK_WIDGET (gtk_widget_get_native (GTK_WIDGET (self))),
                                        GTK_WIDGET (self), x, y, &x, &y);
    }
  set_zoom_anchored (self, self->zoom * pow (ZOOM_STEP, -dy), x, y);

  return TRUE;
}

static void
zoom_gesture_cb (GtkGestureZoom  *gesture,
                 double           scale,
                 TptArtefactView *self)
{
  double x, y;
  double start = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (gesture), "start-zoom")) / 1000.0;

  gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y);
  set_zoom_anchored (self, start * scale, x, y);
}

static void
zoom_begin_cb (GtkGesture       *gesture,
               GdkEventSequence *sequence,
               TptArtefactView  *self)
{
  g_object_set_data (G_OBJECT (gesture), "start-zoom",
                     GUINT_TO_POINTER ((guint) (self->zoom * 1000)));
}

static void
drag_begin_cb (GtkGestureDrag  *gesture,
               double           x,
               double           y,
               TptArtefactView *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  double cx, cy;

  /* On a blueprint the primary button selects and moves cards, on the
   * gallery it moves persona cards, and on the matrix it moves a need by
   * its row header; the middle button pans, and so does the primary one
   * with Space held, as in drawing programs. Elsewhere, and on the empty
   * paper of the gallery and the matrix, any button pans. */
  tpt_artefact_view_widget_to_content (self, x, y, &cx, &cy);
  if (button == GDK_BUTTON_SECONDARY ||
      (button == GDK_BUTTON_PRIMARY && self->artefact == TPT_ARTEFACT_BLUEPRINT &&
       !self->space_held) ||
      (button == GDK_BUTTON_PRIMARY && self->artefact == TPT_ARTEFACT_PERSONAS &&
       !self->space_held && tpt_gallery_canvas_persona_at (self->gallery_canvas, cx, cy, NULL)) ||
      (button == GDK_BUTTON_PRIMARY && self->artefact == TPT_ARTEFACT_NEEDS_MATRIX &&
       !self->space_held && tpt_matrix_canvas_need_at (self->matrix_canvas, cx, cy, NULL)))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }

  self->panning = TRUE;
  self->drag_start_x = gtk_adjustment_get_value (self->hadjustment);
  self->drag_start_y = gtk_adjustment_get_value (self->vadjustment);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
}

static void
drag_update_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                TptArtefactView *self)
{
  gtk_adjustment_set_value (self->hadjustment, self->drag_start_x - dx);
  gtk_adjustment_set_value (self->vadjustment, self->drag_start_y - dy);
}

static void
drag_end_cb (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             TptArtefactView *self)
{
  self->panning = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static const TptLink *
link_at (TptArtefactView *self,
         double           wx,
         double           wy)
{
  double x, y;

  if (self->links->len == 0)
    return NULL;
  tpt_artefact_view_widget_to_content (self, wx, wy, &x, &y);
  return tpt_link_at (self->links, x, y);
}

/* A click (not a drag) on a card or need named on a report goes there. */
static void
link_released_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           wx,
                  double           wy,
                  TptArtefactView *self)
{
  const TptLink *link = link_at (self, wx, wy);

  /* A click on the drawing gives it the keyboard, as on any canvas. */
  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (link != NULL && n_press == 1)
    {
      g_autoptr(TptNode) node = g_object_ref (link->node);

      if (tpt_node_is_attached (node))
        g_signal_emit (self, signals[ACTIVATE_LINK], 0, node);
    }
  else if (self->artefact == TPT_ARTEFACT_NEEDS_MATRIX)
    {
      /* A click moved too far to be one is a pan, and never gets here. */
      double x, y;

      tpt_artefact_view_widget_to_content (self, wx, wy, &x, &y);
      tpt_matrix_canvas_click (self->matrix_canvas, x, y, n_press);
    }
}

static void
link_motion_cb (GtkEventControllerMotion *controller,
                double                    wx,
                double                    wy,
                TptArtefactView          *self)
{
  const char *name;
  double x, y;

  if (self->artefact == TPT_ARTEFACT_BLUEPRINT || self->panning)
    return;
  name = link_at (self, wx, wy) != NULL ? "pointer" : NULL;
  /* A need's label on the matrix can be dragged to move the need. */
  tpt_artefact_view_widget_to_content (self, wx, wy, &x, &y);
  if (name == NULL && self->artefact == TPT_ARTEFACT_NEEDS_MATRIX &&
      tpt_matrix_canvas_need_at (self->matrix_canvas, x, y, NULL))
    name = "grab";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

static gboolean
space_pressed_cb (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  TptArtefactView       *self)
{
  if (keyval != GDK_KEY_space || self->space_held)
    return keyval == GDK_KEY_space;
  self->space_held = TRUE;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
  return TRUE;
}

static void
space_released_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TptArtefactView       *self)
{
  if (keyval != GDK_KEY_space)
    return;
  self->space_held = FALSE;
  if (!self->panning)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
tpt_artefact_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TptArtefactView *self = TPT_ARTEFACT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_ARTEFACT_TITLE:
      if (self->artefact == TPT_ARTEFACT_BLUEPRINT && self->blueprint != NULL)
        g_value_set_string (value, tpt_blueprint_get_title (self->blueprint));
      else
        g_value_set_string (value, tpt_artefact_kind_get_title (self->artefact));
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_artefact_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TptArtefactView *self = TPT_ARTEFACT_VIEW (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      tpt_artefact_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      self->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      self->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
menu_closed_cb (TptArtefactView *self)
{
  GtkWidget *menu = g_steal_pointer (&self->menu);

  if (menu != NULL)
    {
      gtk_widget_unparent (menu);
      g_object_unref (menu);
    }
}

/**
 * tpt_artefact_view_popup_menu:
 * @self: a #TptArtefactView
 * @model: the menu
 * @x: where, in the artefact's coordinates
 * @y: the point's y
 *
 * Opens a canvas's context menu over the drawing, in place of any open
 * one; it goes when closed.
 */
void
tpt_artefact_view_popup_menu (TptArtefactView *self,
                              GMenuModel      *model,
                              double           x,
                              double           y)
{
  double wx, wy;

  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  menu_closed_cb (self);
  tpt_artefact_view_content_to_widget (self, x, y, &wx, &wy);
  self->menu = g_object_ref_sink (gtk_popover_menu_new_from_model (model));
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle) { (int) wx, (int) wy, 1, 1 });
  /* Closing comes after the chosen action has run. */
  g_signal_connect_swapped (self->menu, "closed", G_CALLBACK (menu_closed_cb), self);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/**
 * tpt_artefact_view_close_menu:
 * @self: a #TptArtefactView
 *
 * Closes the context menu, if one is open.
 */
void
tpt_artefact_view_close_menu (TptArtefactView *self)
{
  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));

  if (self->menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->menu));
}

/**
 * tpt_artefact_view_drag_point:
 * @self: a #TptArtefactView
 * @gesture: a drag on the view
 * @dx: how far it has gone, as the gesture reports
 * @dy: the same, down
 * @x: (out): where the pointer is, in the artefact's coordinates
 * @y: (out): the point's y
 */
void
tpt_artefact_view_drag_point (TptArtefactView *self,
                              GtkGestureDrag  *gesture,
                              double           dx,
                              double           dy,
                              double          *x,
                              double          *y)
{
  double wx, wy;

  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));

  gtk_gesture_drag_get_start_point (gesture, &wx, &wy);
  tpt_artefact_view_widget_to_content (self, wx + dx, wy + dy, x, y);
}

static void
tpt_artefact_view_dispose (GObject *object)
{
  TptArtefactView *self = TPT_ARTEFACT_VIEW (object);

  tpt_artefact_view_set_document (self, NULL);
  g_clear_handle_id (&self->relayout_id, g_source_remove);
  if (self->canvas != NULL)
    tpt_blueprint_canvas_shutdown (self->canvas);
  g_clear_object (&self->canvas);
  if (self->menu != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->menu, self);
      menu_closed_cb (self);
    }
  if (self->gallery_canvas != NULL)
    tpt_gallery_canvas_shutdown (self->gallery_canvas);
  g_clear_object (&self->gallery_canvas);
  if (self->capture != NULL)
    tpt_region_capture_shutdown (self->capture);
  g_clear_object (&self->capture);
  g_clear_pointer (&self->parts, g_array_unref);
  g_clear_pointer (&self->text_cache, tpt_text_cache_free);
  g_clear_pointer (&self->tiles, tpt_tile_cache_free);
  g_clear_pointer (&self->collapsed, g_hash_table_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);
  if (self->matrix_canvas != NULL)
    tpt_matrix_canvas_shutdown (self->matrix_canvas);
  g_clear_object (&self->matrix_canvas);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (tpt_artefact_view_parent_class)->dispose (object);
}

static void
tpt_artefact_view_class_init (TptArtefactViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tpt_artefact_view_dispose;
  object_class->get_property = tpt_artefact_view_get_property;
  object_class->set_property = tpt_artefact_view_set_property;

  widget_class->snapshot = tpt_artefact_view_snapshot;
  widget_class->size_allocate = tpt_artefact_view_size_allocate;
  widget_class->measure = tpt_artefact_view_measure;

  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL,
                         TPT_ARTEFACT_VIEW_MIN_ZOOM, TPT_ARTEFACT_VIEW_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ARTEFACT_TITLE] =
    g_param_spec_string ("artefact-title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TptArtefactView::activate-link:
   * @node: the card or need clicked on a report
   *
   * The window shows @node where it lives: a card on its blueprint.
   */
  signals[ACTIVATE_LINK] =
    g_signal_new ("activate-link", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, TPT_TYPE_NODE);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "artefactview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tpt_artefact_view_init (TptArtefactView *self)
{
  GtkEventController *scroll, *keys, *link_motion;
  GtkGesture *zoom, *drag, *links;

  self->zoom = 1.0;
  self->context = tpt_text_context_new ();
  self->text_cache = tpt_text_cache_new (self->context);
  self->tiles = tpt_tile_cache_new ();
  self->collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->links = tpt_link_array_new ();
  self->cells = g_array_new (FALSE, FALSE, sizeof (TptMatrixCell));
  self->parts = g_array_new (FALSE, FALSE, sizeof (TptPersonaPart));
  self->artefact = TPT_ARTEFACT_COVER;
  self->fit_pending = TRUE;

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "artefact-view");

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect (scroll, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);

  zoom = gtk_gesture_zoom_new ();
  g_signal_connect (zoom, "begin", G_CALLBACK (zoom_begin_cb), self);
  g_signal_connect (zoom, "scale-changed", G_CALLBACK (zoom_gesture_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (zoom));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), 0);
  g_signal_connect (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (drag, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (drag, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drag));

  links = gtk_gesture_click_new ();
  g_signal_connect (links, "released", G_CALLBACK (link_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (links));
  link_motion = gtk_event_controller_motion_new ();
  g_signal_connect (link_motion, "motion", G_CALLBACK (link_motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), link_motion);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (space_pressed_cb), self);
  g_signal_connect (keys, "key-released", G_CALLBACK (space_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  self->canvas = tpt_blueprint_canvas_new (self);
  self->matrix_canvas = tpt_matrix_canvas_new (self);
  self->gallery_canvas = tpt_gallery_canvas_new (self);
  self->capture = tpt_region_capture_new (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  self->hadjustment = NULL;
  self->vadjustment = NULL;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
}

GtkWidget *
tpt_artefact_view_new (void)
{
  return g_object_new (TPT_TYPE_ARTEFACT_VIEW, NULL);
}

void
tpt_artefact_view_set_document (TptArtefactView *self,
                                TptDocument     *document)
{
  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));
  g_return_if_fail (document == NULL || TPT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (tpt_document_get_history (self->document), self);
    }

  g_clear_object (&self->blueprint);
  g_set_object (&self->document, document);
  self->artefact = TPT_ARTEFACT_COVER;
  if (self->collapsed != NULL)
    g_hash_table_remove_all (self->collapsed);

  if (document != NULL)
    {
      g_signal_connect_swapped (document, "node-changed", G_CALLBACK (node_changed_cb), self);
      g_signal_connect_swapped (tpt_document_get_history (document), "notify::position",
                                G_CALLBACK (history_position_cb), self);
    }

  self->fit_pending = TRUE;
  relayout (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTEFACT_TITLE]);
}

/* Where @slide's stage or persona card is drawn in the view, if it has one. */
static gboolean
slide_target_rect (TptArtefactView *self,
                   TptSlide        *slide,
                   TptRect         *rect)
{
  TptNode *target = tpt_slide_get_target_node (slide);

  if (TPT_IS_STAGE (target) && self->layout != NULL)
    for (guint i = 0; i < self->layout->stages->len; i++)
      {
        const TptLayoutStage *ls = &g_array_index (self->layout->stages, TptLayoutStage, i);

        if (ls->stage != TPT_STAGE (target))
          continue;
        *rect = (TptRect) { ls->rect.x, ls->rect.y, ls->rect.width,
                            tpt_rect_bottom (&self->layout->grid) - ls->rect.y };
        return TRUE;
      }

  if (TPT_IS_PERSONA (target) && self->artefact == TPT_ARTEFACT_PERSONAS)
    {
      GListModel *personas = tpt_document_get_personas (self->document);

      for (guint i = 0; i < self->parts->len; i++)
        {
          const TptPersonaPart *part = &g_array_index (self->parts, TptPersonaPart, i);
          g_autoptr(TptPersona) persona = g_list_model_get_item (personas, part->persona);

          if (part->field == TPT_PERSONA_FIELD_CARD && persona == TPT_PERSONA (target))
            {
              *rect = part->rect;
              return TRUE;
            }
        }
    }

  return FALSE;
}

/* Shows what @slide shows as it will be presented: its region, its stage
 * or persona card, or the whole artefact. */
static void
frame_slide (TptArtefactView *self,
             TptSlide        *slide)
{
  TptRect rect, card;

  /* An edit just before may have queued a layout; frame the current one. */
  if (self->relayout_id != 0)
    {
      g_clear_handle_id (&self->relayout_id, g_source_remove);
      relayout (self);
    }

  /* A cover slide is laid out afresh for the slide: its region, if any,
   * is not on the page drawn here. */
  if (tpt_slide_get_artefact (slide) == TPT_ARTEFACT_COVER)
    {
      tpt_artefact_view_zoom_to_fit (self);
      return;
    }

  /* A persona's region is in the drawing of its card alone. */
  if (tpt_slide_get_artefact (slide) == TPT_ARTEFACT_PERSONA &&
      slide_target_rect (self, slide, &card))
    {
      if (tpt_slide_get_region (slide, &rect.x, &rect.y, &rect.width, &rect.height))
        {
          rect.x += card.x - TPT_SLIDE_CARD_PAPER;
          rect.y += card.y - TPT_SLIDE_CARD_PAPER;
        }
      else
        rect = card;
      tpt_artefact_view_zoom_to_rect (self, &rect);
    }
  else if (tpt_slide_get_region (slide, &rect.x, &rect.y, &rect.width, &rect.height) ||
           slide_target_rect (self, slide, &rect))
    tpt_artefact_view_zoom_to_rect (self, &rect);
  else
    tpt_artefact_view_zoom_to_fit (self);
}

/**
 * tpt_artefact_view_show_node:
 * @self: a #TptArtefactView
 * @node: (nullable): a node of the document
 *
 * Shows the artefact @node belongs to (see tpt_artefact_kind_for_node()). A
 * different artefact starts at a zoom that fits it.
 */
void
tpt_artefact_view_show_node (TptArtefactView *self,
                             TptNode         *node)
{
  TptBlueprint *blueprint;
  TptArtefactKind artefact;

  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));

  artefact = tpt_artefact_kind_for_node (node, &blueprint);
  tpt_artefact_view_show (self, artefact, blueprint);

  /* A slide selects nothing on the canvas, which would take the selection
   * from it: it frames what it shows. */
  if (TPT_IS_SLIDE (node))
    {
      frame_slide (self, TPT_SLIDE (node));
      return;
    }

  /* What is chosen elsewhere is shown, even inside a collapsed stage. */
  if (blueprint != NULL && (TPT_IS_STEP (node) || TPT_IS_CARD (node)))
    {
      TptStep *step = TPT_IS_STEP (node)
                      ? TPT_STEP (node)
                      : tpt_document_lookup_typed (self->document, tpt_card_get_step (TPT_CARD (node)),
                                                   TPT_TYPE_STEP);
      TptStage *stage = step != NULL ? tpt_blueprint_get_stage_of (blueprint, step) : NULL;

      if (stage != NULL && tpt_artefact_view_get_stage_collapsed (self, stage))
        {
          tpt_artefact_view_set_stage_collapsed (self, stage, FALSE);
          relayout (self);
        }
    }
  if (artefact == TPT_ARTEFACT_BLUEPRINT)
    tpt_blueprint_canvas_select_node (self->canvas, node);
  else if (artefact == TPT_ARTEFACT_PERSONAS)
    tpt_gallery_canvas_select (self->gallery_canvas, TPT_IS_PERSONA (node) ? TPT_PERSONA (node) : NULL);
  else if (artefact == TPT_ARTEFACT_NEEDS_MATRIX)
    tpt_matrix_canvas_select_node (self->matrix_canvas, node);
}

/**
 * tpt_artefact_view_show:
 * @self: a #TptArtefactView
 * @artefact: what to show
 * @blueprint: (nullable): the blueprint, for %TPT_ARTEFACT_BLUEPRINT
 */
void
tpt_artefact_view_show (TptArtefactView *self,
                        TptArtefactKind      artefact,
                        TptBlueprint    *blueprint)
{
  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));
  g_return_if_fail (artefact != TPT_ARTEFACT_BLUEPRINT || TPT_IS_BLUEPRINT (blueprint));

  if (artefact != TPT_ARTEFACT_BLUEPRINT)
    blueprint = NULL;
  if (artefact == self->artefact && blueprint == self->blueprint)
    return;

  self->artefact = artefact;
  g_set_object (&self->blueprint, blueprint);
  relayout (self);
  tpt_artefact_view_zoom_to_fit (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARTEFACT_TITLE]);
}

TptArtefactKind
tpt_artefact_view_get_artefact (TptArtefactView *self)
{
  g_return_val_if_fail (TPT_IS_ARTEFACT_VIEW (self), TPT_ARTEFACT_COVER);

  return self->artefact;
}

TptBlueprint *
tpt_artefact_view_get_blueprint (TptArtefactView *self)
{
  g_return_val_if_fail (TPT_IS_ARTEFACT_VIEW (self), NULL);

  return self->blueprint;
}

double
tpt_artefact_view_get_zoom (TptArtefactView *self)
{
  g_return_val_if_fail (TPT_IS_ARTEFACT_VIEW (self), 1.0);

  return self->zoom;
}

void
tpt_artefact_view_set_zoom (TptArtefactView *self,
                            double           zoom)
{
  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));

  set_zoom_anchored (self, zoom, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                     gtk_widget_get_height (GTK_WIDGET (self)) / 2.0);
}

void
tpt_artefact_view_zoom_in (TptArtefactView *self)
{
  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));

  tpt_artefact_view_set_zoom (self, self->zoom * ZOOM_STEP);
}

void
tpt_artefact_view_zoom_out (TptArtefactView *self)
{
  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));

  tpt_artefact_view_set_zoom (self, self->zoom / ZOOM_STEP);
}

/**
 * tpt_artefact_view_zoom_to_fit:
 * @self: a #TptArtefactView
 *
 * Zooms so the whole artefact is visible, never beyond 100 %. Before the
 * view has a size, this happens at its first allocation.
 */
void
tpt_artefact_view_zoom_to_fit (TptArtefactView *self)
{
  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));

  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      self->fit_pending = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  set_zoom_anchored (self, MIN (1.0, fit_zoom (self)), 0, 0);
  gtk_adjustment_set_value (self->hadjustment, 0);
  gtk_adjustment_set_value (self->vadjustment, 0);
}

/**
 * tpt_artefact_view_widget_to_content:
 * @self: a view
 * @x: a point in the widget
 * @y: a point in the widget
 * @content_x: (out): the same point in the drawing's coordinates
 * @content_y: (out): the same point in the drawing's coordinates
 */
void
tpt_artefact_view_widget_to_content (TptArtefactView *self,
                                     double           x,
                                     double           y,
                                     double          *content_x,
                                     double          *content_y)
{
  double x0, y0;

  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));

  content_origin (self, &x0, &y0);
  *content_x = (x - x0) / self->zoom;
  *content_y = (y - y0) / self->zoom;
}

void
tpt_artefact_view_content_to_widget (TptArtefactView *self,
                                     double           x,
                                     double           y,
                                     double          *widget_x,
                                     double          *widget_y)
{
  double x0, y0;

  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));

  content_origin (self, &x0, &y0);
  *widget_x = x0 + x * self->zoom;
  *widget_y = y0 + y * self->zoom;
}

/* Scrolls one axis just enough to show [start, end] of the drawing. */
static void
scroll_axis (GtkAdjustment *adjustment,
             double         start,
             double         end)
{
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (end - start > page - 2 * VIEW_MARGIN || start < value)
    gtk_adjustment_set_value (adjustment, start);
  else if (end > value + page)
    gtk_adjustment_set_value (adjustment, end - page);
}

/**
 * tpt_artefact_view_scroll_to:
 * @self: a view
 * @rect: a part of the drawing, in its coordinates
 *
 * Scrolls as little as needed for @rect to be in sight, as keyboard
 * navigation moves the selection off the screen.
 */
void
tpt_artefact_view_scroll_to (TptArtefactView *self,
                             const TptRect   *rect)
{
  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));
  g_return_if_fail (rect != NULL);

  /* In adjustment values, the drawing starts VIEW_MARGIN in. */
  scroll_axis (self->hadjustment, rect->x * self->zoom,
               rect->x * self->zoom + rect->width * self->zoom + 2 * VIEW_MARGIN);
  scroll_axis (self->vadjustment, rect->y * self->zoom,
               rect->y * self->zoom + rect->height * self->zoom + 2 * VIEW_MARGIN);
}

/**
 * tpt_artefact_view_zoom_to_rect:
 * @self: a view
 * @rect: a part of the drawing, in its coordinates
 *
 * Zooms so @rect fills the view, up to 400 %, and centres it, as a slide
 * that shows it is framed.
 */
void
tpt_artefact_view_zoom_to_rect (TptArtefactView *self,
                                const TptRect   *rect)
{
  int width, height;
  double zoom;

  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));
  g_return_if_fail (rect != NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (width <= 2 * VIEW_MARGIN || height <= 2 * VIEW_MARGIN ||
      rect->width <= 0 || rect->height <= 0)
    return;

  zoom = MIN ((width - 2 * VIEW_MARGIN) / rect->width, (height - 2 * VIEW_MARGIN) / rect->height);
  set_zoom_anchored (self, MIN (zoom, 4.0), 0, 0);
  /* In adjustment values, the drawing starts VIEW_MARGIN in. */
  gtk_adjustment_set_value (self->hadjustment, VIEW_MARGIN - width / 2.0 +
                            (rect->x + rect->width / 2) * self->zoom);
  gtk_adjustment_set_value (self->vadjustment, VIEW_MARGIN - height / 2.0 +
                            (rect->y + rect->height / 2) * self->zoom);
}

/**
 * tpt_artefact_view_is_panning:
 *
 * Returns: whether a drag is panning the view, or Space is held to start one
 */
gboolean
tpt_artefact_view_is_panning (TptArtefactView *self)
{
  g_return_val_if_fail (TPT_IS_ARTEFACT_VIEW (self), FALSE);

  return self->panning || self->space_held;
}

/**
 * tpt_artefact_view_set_stage_collapsed:
 * @self: a view
 * @stage: a stage of the blueprint shown
 * @collapsed: whether to show it as one column
 *
 * Collapses a stage on screen, to see the journey around it. It is the
 * view's, not the document's: printing and export show every step.
 */
void
tpt_artefact_view_set_stage_collapsed (TptArtefactView *self,
                                       TptStage        *stage,
                                       gboolean         collapsed)
{
  const char *id;

  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));
  g_return_if_fail (TPT_IS_STAGE (stage));

  id = tpt_node_get_id (TPT_NODE (stage));
  if (collapsed == g_hash_table_contains (self->collapsed, id))
    return;
  if (collapsed)
    g_hash_table_add (self->collapsed, g_strdup (id));
  else
    g_hash_table_remove (self->collapsed, id);
  queue_relayout (self);
}

gboolean
tpt_artefact_view_get_stage_collapsed (TptArtefactView *self,
                                       TptStage        *stage)
{
  g_return_val_if_fail (TPT_IS_ARTEFACT_VIEW (self), FALSE);
  g_return_val_if_fail (TPT_IS_STAGE (stage), FALSE);

  return g_hash_table_contains (self->collapsed, tpt_node_get_id (TPT_NODE (stage)));
}

/**
 * tpt_artefact_view_activate_link_at:
 * @self: a view
 * @x: a point in the artefact's coordinates
 * @y: a point in the artefact's coordinates
 *
 * Follows the link drawn at the point, as a click there does.
 *
 * Returns: whether there was a link
 */
gboolean
tpt_artefact_view_activate_link_at (TptArtefactView *self,
                                    double           x,
                                    double           y)
{
  const TptLink *link;
  g_autoptr(TptNode) node = NULL;

  g_return_val_if_fail (TPT_IS_ARTEFACT_VIEW (self), FALSE);

  link = tpt_link_at (self->links, x, y);
  if (link == NULL || !tpt_node_is_attached (link->node))
    return FALSE;
  node = g_object_ref (link->node);
  g_signal_emit (self, signals[ACTIVATE_LINK], 0, node);
  return TRUE;
}

/**
 * tpt_artefact_view_get_accent:
 * @self: a view
 * @color: (out): the colour the canvases mark selection and cursors in
 *
 * libadwaita's accent colour, so marks follow light, dark and high
 * contrast; GNOME blue where a theme has none.
 */
void
tpt_artefact_view_get_accent (TptArtefactView *self,
                              GdkRGBA         *color)
{
  GtkStyleContext *context;

  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));

  context = gtk_widget_get_style_context (GTK_WIDGET (self));
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, "accent_color", color))
    gdk_rgba_parse (color, "#3584e4");
G_GNUC_END_IGNORE_DEPRECATIONS
}

/**
 * tpt_artefact_view_get_matrix_canvas:
 *
 * Returns: (transfer none): what edits ratings on the needs matrix
 */
TptMatrixCanvas *
tpt_artefact_view_get_matrix_canvas (TptArtefactView *self)
{
  g_return_val_if_fail (TPT_IS_ARTEFACT_VIEW (self), NULL);

  return self->matrix_canvas;
}

/**
 * tpt_artefact_view_get_gallery_canvas:
 * @self: a #TptArtefactView
 *
 * Returns: (transfer none): what edits the persona gallery
 */
TptGalleryCanvas *
tpt_artefact_view_get_gallery_canvas (TptArtefactView *self)
{
  g_return_val_if_fail (TPT_IS_ARTEFACT_VIEW (self), NULL);

  return self->gallery_canvas;
}

/**
 * tpt_artefact_view_get_region_capture:
 * @self: a #TptArtefactView
 *
 * Returns: (transfer none): the tool that picks a region for a slide
 */
TptRegionCapture *
tpt_artefact_view_get_region_capture (TptArtefactView *self)
{
  g_return_val_if_fail (TPT_IS_ARTEFACT_VIEW (self), NULL);

  return self->capture;
}

/**
 * tpt_artefact_view_get_canvas:
 *
 * Returns: (transfer none): what edits blueprints in this view
 */
TptBlueprintCanvas *
tpt_artefact_view_get_canvas (TptArtefactView *self)
{
  g_return_val_if_fail (TPT_IS_ARTEFACT_VIEW (self), NULL);

  return self->canvas;
}

void
tpt_artefact_view_get_content_size (TptArtefactView *self,
                                    double          *width,
                                    double          *height)
{
  g_return_if_fail (TPT_IS_ARTEFACT_VIEW (self));

  if (width != NULL)
    *width = self->content_width;
  if (height != NULL)
    *height = self->content_height;
}
