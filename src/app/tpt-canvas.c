/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "tpt-canvas.h"

#include "tpt-changes-overlay.h"

#include "tpt-click-tool.h"
#include "tpt-pan-tool.h"
#include "tpt-region-capture.h"
#include "tpt-tile-cache.h"
#include "tpt-zoom-tool.h"

/* The canvas is the part every page shares: it turns the viewport into
 * scrolling (GtkScrollable) and zooming, draws the page's artefact from
 * cached tiles with what the page draws over it, hosts the in-place
 * editor and the context menu, and owns the tools, each of which turns
 * one kind of input into gestures on the page. A page never reaches the
 * window: what it changes goes into the document and the selection, and
 * what it has to say goes up as actions (win.toast). */

/* Room around the drawing, in widget pixels. */
#define VIEW_MARGIN 24.0
#define ZOOM_STEP   1.25

typedef struct
{
  /* owned */
  TptDocument        *document;
  TptSelection       *selection;
  PangoContext       *context;
  TptTextCache       *text_cache;
  TptTileCache       *tiles;
  GPtrArray          *tools;         /* TptTool */
  TptTool            *capture;       /* the first of them */
  GtkAdjustment      *hadjustment;
  GtkAdjustment      *vadjustment;
  GtkWidget          *menu;          /* the open context menu */
  GtkWidget          *editor;        /* the open in-place editor */
  GtkWidget          *old_editor;    /* one that ended, to take away on idle */
  GtkWidget          *old_menu;

  TptViewport         viewport;

  /* Which state, persona or segment an analysis page is for; its
   * blueprint, persona and segment owned. */
  TptCoverageFilter   filter;

  /* While the window compares with another version: what changed, which
   * the page marks over what it draws, and how many it marked last. */
  TptDiff            *changes;
  guint               n_marked;

  /* The edit in progress. */
  TptRect             edit_rect;
  TptCanvasEditFunc   edit_done;
  gpointer            edit_data;
  GDestroyNotify      edit_destroy;

  /* Where the pointer was last seen over the canvas, for zooming about it:
   * scroll events do not say. */
  double              pointer_x;
  double              pointer_y;

  guint               relayout_id;
  guint               cleanup_id;
  guint               hscroll_policy : 1;
  guint               vscroll_policy : 1;
  guint               fit_pending : 1;
  guint               space_held : 1;
  guint               panning : 1;
  guint               configuring : 1;
  guint               invalidated : 1;
  guint               has_pointer : 1;
} TptCanvasPrivate;

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTION,
  PROP_ZOOM,
  N_PROPS,
  /* GtkScrollable */
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (TptCanvas, tpt_canvas, GTK_TYPE_WIDGET,
                                  G_ADD_PRIVATE (TptCanvas)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

#define PRIV(self) ((TptCanvasPrivate *) tpt_canvas_get_instance_private (TPT_CANVAS (self)))

/* ------------------------------------------------------------------ */
/* The viewport and the adjustments                                    */

/* Tells the scrolled window what the viewport now is. */
static void
configure_adjustments (TptCanvas *self)
{
  TptCanvasPrivate *priv = PRIV (self);
  TptViewport *vp = &priv->viewport;
  double width, height;

  tpt_viewport_clamp_scroll (vp);
  tpt_viewport_scroll_size (vp, &width, &height);

  priv->configuring = TRUE;
  if (priv->hadjustment != NULL)
    gtk_adjustment_configure (priv->hadjustment, vp->scroll_x, 0, width,
                              vp->view_width * 0.1, vp->view_width * 0.9, vp->view_width);
  if (priv->vadjustment != NULL)
    gtk_adjustment_configure (priv->vadjustment, vp->scroll_y, 0, height,
                              vp->view_height * 0.1, vp->view_height * 0.9, vp->view_height);
  priv->configuring = FALSE;

  /* The in-place editor and the menu move with the drawing. */
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
adjustment_value_changed_cb (TptCanvas *self)
{
  TptCanvasPrivate *priv = PRIV (self);

  if (priv->configuring)
    return;
  priv->viewport.scroll_x = priv->hadjustment != NULL
                            ? gtk_adjustment_get_value (priv->hadjustment) : 0;
  priv->viewport.scroll_y = priv->vadjustment != NULL
                            ? gtk_adjustment_get_value (priv->vadjustment) : 0;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
set_adjustment (TptCanvas      *self,
                GtkAdjustment **slot,
                GtkAdjustment  *adjustment)
{
  if (*slot == adjustment && adjustment != NULL)
    return;

  if (*slot != NULL)
    g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  g_set_object (slot, adjustment);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_changed_cb), self, G_CONNECT_SWAPPED);
  configure_adjustments (self);
}

static void
zoom_changed (TptCanvas *self)
{
  configure_adjustments (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/**
 * tpt_canvas_get_viewport:
 *
 * Returns: (transfer none): what part of the artefact is shown, at what zoom
 */
const TptViewport *
tpt_canvas_get_viewport (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), NULL);

  return &PRIV (self)->viewport;
}

void
tpt_canvas_to_content (TptCanvas *self,
                       double     x,
                       double     y,
                       double    *content_x,
                       double    *content_y)
{
  g_return_if_fail (TPT_IS_CANVAS (self));

  tpt_viewport_to_content (&PRIV (self)->viewport, x, y, content_x, content_y);
}

void
tpt_canvas_to_view (TptCanvas *self,
                    double     x,
                    double     y,
                    double    *view_x,
                    double    *view_y)
{
  g_return_if_fail (TPT_IS_CANVAS (self));

  tpt_viewport_to_view (&PRIV (self)->viewport, x, y, view_x, view_y);
}

void
tpt_canvas_get_content_size (TptCanvas *self,
                             double    *width,
                             double    *height)
{
  TptCanvasPrivate *priv;

  g_return_if_fail (TPT_IS_CANVAS (self));

  priv = PRIV (self);
  if (width != NULL)
    *width = priv->viewport.content_width;
  if (height != NULL)
    *height = priv->viewport.content_height;
}

double
tpt_canvas_get_zoom (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), 1.0);

  return PRIV (self)->viewport.zoom;
}

/**
 * tpt_canvas_zoom_at:
 * @self: a canvas
 * @zoom: the new zoom
 * @view_x: the point of the widget that keeps showing the same place of
 *   the drawing, such as the pointer
 * @view_y: the point's y
 */
void
tpt_canvas_zoom_at (TptCanvas *self,
                    double     zoom,
                    double     view_x,
                    double     view_y)
{
  g_return_if_fail (TPT_IS_CANVAS (self));

  if (tpt_viewport_zoom_at (&PRIV (self)->viewport, zoom, view_x, view_y))
    zoom_changed (self);
}

/**
 * tpt_canvas_set_zoom:
 *
 * Zooms about the middle of the view, as the zoom buttons do.
 */
void
tpt_canvas_set_zoom (TptCanvas *self,
                     double     zoom)
{
  TptViewport *vp;

  g_return_if_fail (TPT_IS_CANVAS (self));

  vp = &PRIV (self)->viewport;
  tpt_canvas_zoom_at (self, zoom, vp->view_width / 2, vp->view_height / 2);
}

void
tpt_canvas_zoom_in (TptCanvas *self)
{
  tpt_canvas_set_zoom (self, tpt_canvas_get_zoom (self) * ZOOM_STEP);
}

void
tpt_canvas_zoom_out (TptCanvas *self)
{
  tpt_canvas_set_zoom (self, tpt_canvas_get_zoom (self) / ZOOM_STEP);
}

/**
 * tpt_canvas_zoom_to_fit:
 *
 * Zooms so the whole artefact is visible, never beyond 100 %, from its
 * start. Before the canvas has a size, this happens at its first
 * allocation.
 */
void
tpt_canvas_zoom_to_fit (TptCanvas *self)
{
  TptCanvasPrivate *priv;

  g_return_if_fail (TPT_IS_CANVAS (self));

  priv = PRIV (self);
  if (priv->viewport.view_width <= 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      priv->fit_pending = TRUE;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  priv->fit_pending = FALSE;
  priv->viewport.zoom = MIN (1.0, tpt_viewport_fit_zoom (&priv->viewport));
  priv->viewport.zoom = CLAMP (priv->viewport.zoom, TPT_CANVAS_MIN_ZOOM, TPT_CANVAS_MAX_ZOOM);
  priv->viewport.scroll_x = priv->viewport.scroll_y = 0;
  zoom_changed (self);
}

/**
 * tpt_canvas_zoom_to_rect:
 * @self: a canvas
 * @rect: a part of the artefact
 *
 * Zooms so @rect fills the view, up to 400 %, and centres it.
 */
void
tpt_canvas_zoom_to_rect (TptCanvas     *self,
                         const TptRect *rect)
{
  g_return_if_fail (TPT_IS_CANVAS (self));
  g_return_if_fail (rect != NULL);

  PRIV (self)->fit_pending = FALSE;
  tpt_viewport_zoom_to_rect (&PRIV (self)->viewport, rect, 4.0);
  zoom_changed (self);
}

/**
 * tpt_canvas_scroll_to:
 * @self: a canvas
 * @rect: a part of the artefact
 *
 * Scrolls as little as needed for @rect to be in sight.
 */
void
tpt_canvas_scroll_to (TptCanvas     *self,
                      const TptRect *rect)
{
  g_return_if_fail (TPT_IS_CANVAS (self));
  g_return_if_fail (rect != NULL);

  tpt_viewport_scroll_into_view (&PRIV (self)->viewport, rect);
  configure_adjustments (self);
}

/**
 * tpt_canvas_scroll_by:
 * @self: a canvas
 * @dx: widget pixels to scroll right
 * @dy: widget pixels to scroll down
 */
void
tpt_canvas_scroll_by (TptCanvas *self,
                      double     dx,
                      double     dy)
{
  TptViewport *vp;

  g_return_if_fail (TPT_IS_CANVAS (self));

  vp = &PRIV (self)->viewport;
  tpt_canvas_set_scroll (self, vp->scroll_x + dx, vp->scroll_y + dy);
}

void
tpt_canvas_get_scroll (TptCanvas *self,
                       double    *x,
                       double    *y)
{
  g_return_if_fail (TPT_IS_CANVAS (self));

  *x = PRIV (self)->viewport.scroll_x;
  *y = PRIV (self)->viewport.scroll_y;
}

void
tpt_canvas_set_scroll (TptCanvas *self,
                       double     x,
                       double     y)
{
  TptViewport *vp;

  g_return_if_fail (TPT_IS_CANVAS (self));

  vp = &PRIV (self)->viewport;
  vp->scroll_x = x;
  vp->scroll_y = y;
  configure_adjustments (self);
}

/* ------------------------------------------------------------------ */
/* Laying out and drawing                                              */

/**
 * tpt_canvas_invalidate:
 * @self: a canvas
 * @rect: (nullable): the part of the artefact that changed, in its units,
 *   or %NULL for all of it
 *
 * Redraws that part from the page's draw(): the tiles that show it are
 * drawn again, the others kept.
 */
void
tpt_canvas_invalidate (TptCanvas     *self,
                       const TptRect *rect)
{
  TptCanvasPrivate *priv;

  g_return_if_fail (TPT_IS_CANVAS (self));

  priv = PRIV (self);
  priv->invalidated = TRUE;
  if (rect != NULL)
    tpt_tile_cache_invalidate_rect (priv->tiles, rect);
  else
    tpt_tile_cache_invalidate (priv->tiles);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tpt_canvas_relayout_now:
 *
 * Lays the page out at once, for the document as it is now.
 */
void
tpt_canvas_relayout_now (TptCanvas *self)
{
  TptCanvasPrivate *priv;
  double width = 0, height = 0;

  g_return_if_fail (TPT_IS_CANVAS (self));

  priv = PRIV (self);
  g_clear_handle_id (&priv->relayout_id, g_source_remove);

  priv->invalidated = FALSE;
  if (priv->document != NULL && TPT_CANVAS_GET_CLASS (self)->relayout != NULL)
    TPT_CANVAS_GET_CLASS (self)->relayout (self, &width, &height);
  if (!priv->invalidated || width != priv->viewport.content_width ||
      height != priv->viewport.content_height)
    tpt_tile_cache_invalidate (priv->tiles);
  priv->viewport.content_width = width;
  priv->viewport.content_height = height;

  configure_adjustments (self);
}

static gboolean
relayout_cb (gpointer user_data)
{
  TptCanvas *self = user_data;

  PRIV (self)->relayout_id = 0;
  tpt_canvas_relayout_now (self);

  return G_SOURCE_REMOVE;
}

/**
 * tpt_canvas_queue_relayout:
 *
 * Lays the page out once the changes under way are all made: a gesture
 * is a transaction of many changes, and one layout follows the last.
 */
void
tpt_canvas_queue_relayout (TptCanvas *self)
{
  TptCanvasPrivate *priv;

  g_return_if_fail (TPT_IS_CANVAS (self));

  priv = PRIV (self);
  if (priv->relayout_id == 0)
    priv->relayout_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 15, relayout_cb, self, NULL);
}

/**
 * tpt_canvas_get_theme:
 *
 * Returns: (transfer none): the colours the artefact is drawn in on
 *   screen, light or dark as the desktop is
 */
const TptTheme *
tpt_canvas_get_theme (TptCanvas *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  return tpt_theme_get (adw_style_manager_get_dark (manager) ? TPT_THEME_DARK
                                                              : TPT_THEME_LIGHT);
}

/**
 * tpt_canvas_set_changes:
 * @self: a canvas
 * @changes: (nullable): what changed since the version the window compares
 *   with; %NULL when it compares with none
 *
 * The page marks what changed over what it draws, as a review PDF does.
 */
void
tpt_canvas_set_changes (TptCanvas *self,
                        TptDiff   *changes)
{
  g_return_if_fail (TPT_IS_CANVAS (self));
  g_return_if_fail (changes == NULL || TPT_IS_DIFF (changes));

  if (g_set_object (&PRIV (self)->changes, changes))
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tpt_canvas_get_changes:
 * @self: a canvas
 *
 * Returns: (nullable) (transfer none): what a page's draw_overlay marks
 */
TptDiff *
tpt_canvas_get_changes (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), NULL);

  return PRIV (self)->changes;
}

/**
 * tpt_canvas_mark_change:
 * @self: a canvas, in its draw_overlay
 * @cr: the overlay's context
 * @rect: where the node is, in the artefact's units
 * @key: its key in the changes (tpt_changes_overlay_mark_key())
 *
 * Marks the node if it changed.
 */
void
tpt_canvas_mark_change (TptCanvas     *self,
                        cairo_t       *cr,
                        const TptRect *rect,
                        const char    *key)
{
  TptCanvasPrivate *priv = PRIV (self);

  g_return_if_fail (TPT_IS_CANVAS (self));

  if (priv->changes != NULL &&
      tpt_changes_overlay_mark_key (cr, rect, priv->changes, key, tpt_canvas_get_theme (self)))
    priv->n_marked++;
}

/**
 * tpt_canvas_add_marked:
 * @self: a canvas, in its draw_overlay
 * @n: how many changed nodes it marked itself
 */
void
tpt_canvas_add_marked (TptCanvas *self,
                       guint      n)
{
  g_return_if_fail (TPT_IS_CANVAS (self));

  PRIV (self)->n_marked += n;
}

/**
 * tpt_canvas_get_n_marked:
 * @self: a canvas
 *
 * Returns: how many changed nodes the last frame marked
 */
guint
tpt_canvas_get_n_marked (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), 0);

  return PRIV (self)->n_marked;
}

/**
 * tpt_canvas_set_filter:
 * @self: a canvas
 * @filter: (nullable): the state whose cards count as serving needs, and
 *   the persona or segment to show; %NULL for the defaults
 *
 * Sets what an analysis page (the needs matrix, coverage) is for, and
 * lays it out again; other pages keep it and draw as before.
 */
void
tpt_canvas_set_filter (TptCanvas               *self,
                       const TptCoverageFilter *filter)
{
  TptCanvasPrivate *priv;
  TptCoverageFilter none = { NULL, NULL, NULL };

  g_return_if_fail (TPT_IS_CANVAS (self));

  priv = PRIV (self);
  if (filter == NULL)
    filter = &none;
  if (filter->blueprint == priv->filter.blueprint && filter->persona == priv->filter.persona &&
      g_strcmp0 (filter->segment, priv->filter.segment) == 0)
    return;
  g_set_object (&priv->filter.blueprint, filter->blueprint);
  g_set_object (&priv->filter.persona, filter->persona);
  g_free ((char *) priv->filter.segment);
  priv->filter.segment = g_strdup (filter->segment);
  tpt_canvas_queue_relayout (self);
}

/**
 * tpt_canvas_get_filter:
 * @self: a canvas
 *
 * Returns: (transfer none): what an analysis page is for; its members
 *   %NULL for the defaults
 */
const TptCoverageFilter *
tpt_canvas_get_filter (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), NULL);

  return &PRIV (self)->filter;
}

/**
 * tpt_canvas_get_accent:
 * @self: a canvas
 * @color: (out): the colour selection and cursors are marked in
 *
 * libadwaita's accent colour, so marks follow light, dark and high
 * contrast; GNOME blue where a theme has none.
 */
void
tpt_canvas_get_accent (TptCanvas *self,
                       GdkRGBA   *color)
{
  GtkStyleContext *context;

  g_return_if_fail (TPT_IS_CANVAS (self));

  context = gtk_widget_get_style_context (GTK_WIDGET (self));
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (!gtk_style_context_lookup_color (context, "accent_color", color))
    gdk_rgba_parse (color, "#3584e4");
G_GNUC_END_IGNORE_DEPRECATIONS
}

static void
draw_tile_cb (cairo_t        *cr,
              const TptTheme *theme,
              gpointer        data)
{
  TptCanvas *self = data;

  TPT_CANVAS_GET_CLASS (self)->draw (self, cr, theme);
}

static void
snapshot_placeholder (TptCanvas   *self,
                      GtkSnapshot *snapshot,
                      const char  *title,
                      const char  *body)
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

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &color);
G_GNUC_END_IGNORE_DEPRECATIONS
  color.alpha *= 0.55;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (24, (height - text_height) / 2.0));
  gtk_snapshot_append_layout (snapshot, layout, &color);
  gtk_snapshot_restore (snapshot);
}

static gboolean
renders_in_software (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GskRenderer *renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  return renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer);
}

static void
tpt_canvas_snapshot (GtkWidget   *widget,
                     GtkSnapshot *snapshot)
{
  TptCanvas *self = TPT_CANVAS (widget);
  TptCanvasPrivate *priv = PRIV (self);
  TptViewport *vp = &priv->viewport;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  const char *title = NULL, *body = NULL;
  double x0, y0, page_width, page_height;
  cairo_t *cr;

  if (priv->document == NULL || width <= 0 || height <= 0)
    return;

  if (TPT_CANVAS_GET_CLASS (self)->get_placeholder != NULL &&
      TPT_CANVAS_GET_CLASS (self)->get_placeholder (self, &title, &body))
    {
      snapshot_placeholder (self, snapshot, title, body);
    }
  else
    {
      page_width = vp->content_width * vp->zoom;
      page_height = vp->content_height * vp->zoom;
      tpt_viewport_origin (vp, &x0, &y0);

      /* The paper, with a soft shadow so it reads as a page in light and
       * dark, as native nodes; the artefact as texture tiles. */
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 0.12 },
                                 &GRAPHENE_RECT_INIT (x0 + 1, y0 + 2, page_width, page_height));
      tpt_tile_cache_snapshot (priv->tiles, snapshot,
                               &GRAPHENE_RECT_INIT (x0, y0, page_width, page_height),
                               &GRAPHENE_RECT_INIT (0, 0, width, height), vp->zoom,
                               gtk_widget_get_scale_factor (widget), tpt_canvas_get_theme (self),
                               renders_in_software (widget), draw_tile_cb, self);
    }

  /* Then what the page and its tools draw over it, which changes with
   * every gesture, in the artefact's units. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  tpt_viewport_origin (vp, &x0, &y0);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, vp->zoom, vp->zoom);
  priv->n_marked = 0;
  if (title == NULL && TPT_CANVAS_GET_CLASS (self)->draw_overlay != NULL)
    {
      cairo_save (cr);
      TPT_CANVAS_GET_CLASS (self)->draw_overlay (self, cr, 1.0 / vp->zoom);
      cairo_restore (cr);
    }
  for (guint i = 0; i < priv->tools->len; i++)
    {
      cairo_save (cr);
      tpt_tool_draw (g_ptr_array_index (priv->tools, i), cr, 1.0 / vp->zoom);
      cairo_restore (cr);
    }
  cairo_destroy (cr);
  for (guint i = 0; i < priv->tools->len; i++)
    tpt_tool_snapshot (g_ptr_array_index (priv->tools, i), snapshot);

  if (priv->editor != NULL)
    gtk_widget_snapshot_child (widget, priv->editor, snapshot);
  if (priv->menu != NULL)
    gtk_widget_snapshot_child (widget, priv->menu, snapshot);
}

static void
allocate_editor (TptCanvas *self)
{
  TptCanvasPrivate *priv = PRIV (self);
  double zoom = priv->viewport.zoom;
  TptRect r = tpt_viewport_rect_to_view (&priv->viewport, &priv->edit_rect);
  int width, min_height, natural;

  /* The text as big as the artefact's, within what reads comfortably. */
  tpt_inplace_editor_set_font_size (TPT_INPLACE_EDITOR (priv->editor),
                                    (int) CLAMP (9 * zoom, 12, 36));
  width = (int) MAX (r.width, 180);
  gtk_widget_measure (priv->editor, GTK_ORIENTATION_VERTICAL, width, &min_height, &natural,
                      NULL, NULL);
  gtk_widget_size_allocate (priv->editor,
                            &(GtkAllocation) { (int) r.x, (int) r.y, width,
                                               MAX ((int) r.height, MAX (natural, 36)) }, -1);
}

static void
tpt_canvas_size_allocate (GtkWidget *widget,
                          int        width,
                          int        height,
                          int        baseline)
{
  TptCanvas *self = TPT_CANVAS (widget);
  TptCanvasPrivate *priv = PRIV (self);

  priv->viewport.view_width = width;
  priv->viewport.view_height = height;
  if (priv->fit_pending && width > 0 && height > 0)
    {
      priv->fit_pending = FALSE;
      priv->viewport.zoom = MIN (1.0, tpt_viewport_fit_zoom (&priv->viewport));
      priv->viewport.scroll_x = priv->viewport.scroll_y = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
    }
  configure_adjustments (self);

  if (priv->editor != NULL)
    allocate_editor (self);
  if (priv->menu != NULL)
    gtk_popover_present (GTK_POPOVER (priv->menu));
}

static void
tpt_canvas_measure (GtkWidget      *widget,
                    GtkOrientation  orientation,
                    int             for_size,
                    int            *minimum,
                    int            *natural,
                    int            *minimum_baseline,
                    int            *natural_baseline)
{
  /* The canvas scrolls what does not fit: it asks only for room to show
   * something, so the window can be small. */
  *minimum = 120;
  *natural = 600;
}

/* ------------------------------------------------------------------ */
/* Tools and pointer                                                   */

/**
 * tpt_canvas_add_tool:
 * @self: a canvas
 * @tool: (transfer none): a tool, which the canvas keeps
 *
 * Puts @tool's controller on the canvas; tools are asked for presses in
 * the order they are added.
 */
void
tpt_canvas_add_tool (TptCanvas *self,
                     TptTool   *tool)
{
  g_return_if_fail (TPT_IS_CANVAS (self));
  g_return_if_fail (TPT_IS_TOOL (tool));

  g_ptr_array_add (PRIV (self)->tools, g_object_ref (tool));
  tpt_tool_attach (tool, self);
}

/**
 * tpt_canvas_get_tools:
 *
 * Returns: (transfer none) (element-type TptTool): the tools, in the order
 *   they are asked for presses
 */
GPtrArray *
tpt_canvas_get_tools (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), NULL);

  return PRIV (self)->tools;
}

/**
 * tpt_canvas_get_region_capture:
 *
 * Returns: (transfer none): the tool that picks a region of the page for a
 *   slide
 */
TptRegionCapture *
tpt_canvas_get_region_capture (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), NULL);

  return TPT_REGION_CAPTURE (PRIV (self)->capture);
}

/**
 * tpt_canvas_reset_tools:
 *
 * Stops every gesture under way, as Escape or another document does.
 */
void
tpt_canvas_reset_tools (TptCanvas *self)
{
  TptCanvasPrivate *priv;

  g_return_if_fail (TPT_IS_CANVAS (self));

  priv = PRIV (self);
  for (guint i = 0; i < priv->tools->len; i++)
    tpt_tool_reset (g_ptr_array_index (priv->tools, i));
}

/**
 * tpt_canvas_cancel_tools:
 *
 * Stops the gesture under way, as Escape does.
 *
 * Returns: whether a tool was doing something
 */
gboolean
tpt_canvas_cancel_tools (TptCanvas *self)
{
  TptCanvasPrivate *priv;
  gboolean busy = FALSE;

  g_return_val_if_fail (TPT_IS_CANVAS (self), FALSE);

  priv = PRIV (self);
  for (guint i = 0; i < priv->tools->len; i++)
    if (tpt_tool_is_busy (g_ptr_array_index (priv->tools, i)))
      {
        busy = TRUE;
        tpt_tool_reset (g_ptr_array_index (priv->tools, i));
      }
  return busy;
}

static gboolean
tools_busy (TptCanvas *self)
{
  TptCanvasPrivate *priv = PRIV (self);

  for (guint i = 0; i < priv->tools->len; i++)
    if (tpt_tool_is_busy (g_ptr_array_index (priv->tools, i)))
      return TRUE;
  return FALSE;
}

/**
 * tpt_canvas_is_panning:
 *
 * Returns: whether the view is being panned, or Space is held to pan, so
 *   presses move the view rather than the artefact
 */
gboolean
tpt_canvas_is_panning (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), FALSE);

  return PRIV (self)->panning || PRIV (self)->space_held;
}

void
tpt_canvas_set_panning (TptCanvas *self,
                        gboolean   panning)
{
  TptCanvasPrivate *priv;

  g_return_if_fail (TPT_IS_CANVAS (self));

  priv = PRIV (self);
  priv->panning = panning;
  if (panning)
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
  else
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self), priv->space_held ? "grab" : NULL);
}

/**
 * tpt_canvas_primary_pans:
 * @self: a canvas
 * @x: where a primary-button press is, in the artefact's units
 * @y: the same, down
 *
 * Returns: whether a drag from there pans the view: on the page's empty
 *   paper, and anywhere with Space held
 */
gboolean
tpt_canvas_primary_pans (TptCanvas *self,
                         double     x,
                         double     y)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), FALSE);

  if (PRIV (self)->space_held)
    return TRUE;
  return TPT_CANVAS_GET_CLASS (self)->primary_pans == NULL ||
         TPT_CANVAS_GET_CLASS (self)->primary_pans (self, x, y);
}

void
tpt_canvas_press (TptCanvas       *self,
                  double           x,
                  double           y,
                  int              n_press,
                  guint            button,
                  GdkModifierType  state)
{
  g_return_if_fail (TPT_IS_CANVAS (self));

  if (TPT_CANVAS_GET_CLASS (self)->press != NULL)
    TPT_CANVAS_GET_CLASS (self)->press (self, x, y, n_press, button, state);
}

void
tpt_canvas_release (TptCanvas       *self,
                    double           x,
                    double           y,
                    int              n_press,
                    guint            button,
                    GdkModifierType  state)
{
  g_return_if_fail (TPT_IS_CANVAS (self));

  if (TPT_CANVAS_GET_CLASS (self)->release != NULL)
    TPT_CANVAS_GET_CLASS (self)->release (self, x, y, n_press, button, state);
}

/**
 * tpt_canvas_get_pointer:
 * @self: a canvas
 * @x: (out): where the pointer is, in widget coordinates; the middle of
 *   the canvas when it is elsewhere
 * @y: (out): the same, down
 *
 * Returns: whether the pointer is over the canvas
 */
gboolean
tpt_canvas_get_pointer (TptCanvas *self,
                        double    *x,
                        double    *y)
{
  TptCanvasPrivate *priv;

  g_return_val_if_fail (TPT_IS_CANVAS (self), FALSE);

  priv = PRIV (self);
  *x = priv->has_pointer ? priv->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  *y = priv->has_pointer ? priv->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  return priv->has_pointer;
}

/**
 * tpt_canvas_locate:
 * @self: a canvas
 * @node: a node of the document
 * @part: (nullable): a part of it the page knows, such as "handle"
 * @rect: (out): where it is drawn, in the artefact's units
 *
 * Returns: whether the page shows @node
 */
gboolean
tpt_canvas_locate (TptCanvas  *self,
                   TptNode    *node,
                   const char *part,
                   TptRect    *rect)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), FALSE);
  g_return_val_if_fail (TPT_IS_NODE (node), FALSE);

  return TPT_CANVAS_GET_CLASS (self)->locate != NULL &&
         TPT_CANVAS_GET_CLASS (self)->locate (self, node, part, rect);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    wx,
           double                    wy,
           TptCanvas                *self)
{
  TptCanvasPrivate *priv = PRIV (self);
  double x, y;

  priv->pointer_x = wx;
  priv->pointer_y = wy;
  priv->has_pointer = TRUE;
  if (TPT_CANVAS_GET_CLASS (self)->hover == NULL || priv->document == NULL ||
      tools_busy (self))
    return;
  tpt_canvas_to_content (self, wx, wy, &x, &y);
  TPT_CANVAS_GET_CLASS (self)->hover (self, x, y, TRUE);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TptCanvas                *self)
{
  PRIV (self)->has_pointer = FALSE;
  if (TPT_CANVAS_GET_CLASS (self)->hover != NULL)
    TPT_CANVAS_GET_CLASS (self)->hover (self, 0, 0, FALSE);
}

/* Escape stops a gesture under way before the page sees the key. */
static gboolean
escape_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   TptCanvas             *self)
{
  return keyval == GDK_KEY_Escape && tpt_canvas_cancel_tools (self);
}

/* Space held makes the primary button pan, as in drawing programs. */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TptCanvas             *self)
{
  TptCanvasPrivate *priv = PRIV (self);

  if (keyval != GDK_KEY_space || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (!priv->space_held)
    {
      priv->space_held = TRUE;
      if (!priv->panning)
        gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grab");
    }
  return TRUE;
}

static void
key_released_cb (GtkEventControllerKey *controller,
                 guint                  keyval,
                 guint                  keycode,
                 GdkModifierType        state,
                 TptCanvas             *self)
{
  TptCanvasPrivate *priv = PRIV (self);

  if (keyval != GDK_KEY_space)
    return;
  priv->space_held = FALSE;
  if (!priv->panning)
    gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                TptCanvas               *self)
{
  TptCanvasPrivate *priv = PRIV (self);

  /* A Space released elsewhere is never seen here. */
  priv->space_held = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------ */
/* The in-place editor and the context menu                            */

/* Children that ended are taken away once the events and focus changes
 * that ended them are over. */
static gboolean
cleanup_cb (gpointer user_data)
{
  TptCanvas *self = user_data;
  TptCanvasPrivate *priv = PRIV (self);

  priv->cleanup_id = 0;
  if (priv->old_editor != NULL)
    {
      gtk_widget_unparent (priv->old_editor);
      g_clear_object (&priv->old_editor);
    }
  if (priv->old_menu != NULL)
    {
      gtk_widget_unparent (priv->old_menu);
      g_clear_object (&priv->old_menu);
      /* The keyboard comes back to the page the menu was opened on, not
       * to whatever GTK finds next. */
      if (priv->editor == NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
        gtk_widget_grab_focus (GTK_WIDGET (self));
    }

  return G_SOURCE_REMOVE;
}

static void
queue_cleanup (TptCanvas *self)
{
  TptCanvasPrivate *priv = PRIV (self);

  if (priv->cleanup_id == 0)
    priv->cleanup_id = g_idle_add_full (G_PRIORITY_DEFAULT, cleanup_cb, self, NULL);
}

static void
editor_done_cb (TptInplaceEditor *editor,
                TptEditorEnd      end,
                TptCanvas        *self)
{
  TptCanvasPrivate *priv = PRIV (self);
  g_autofree char *text = tpt_inplace_editor_dup_text (editor);
  TptCanvasEditFunc done = priv->edit_done;
  gpointer data = priv->edit_data;
  GDestroyNotify destroy = priv->edit_destroy;
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (editor));

  if (GTK_WIDGET (editor) != priv->editor)
    return;

  /* The editor is hidden at once and taken away on idle; the canvas gets
   * the keyboard back if the editor had it. */
  if (priv->old_editor != NULL)
    gtk_widget_unparent (priv->old_editor);
  g_clear_object (&priv->old_editor);
  priv->old_editor = g_steal_pointer (&priv->editor);
  g_signal_handlers_disconnect_by_func (editor, editor_done_cb, self);
  gtk_widget_set_visible (priv->old_editor, FALSE);
  queue_cleanup (self);
  priv->edit_done = NULL;
  priv->edit_data = NULL;
  priv->edit_destroy = NULL;
  if (had_focus || end != TPT_EDITOR_END_COMMIT)
    gtk_widget_grab_focus (GTK_WIDGET (self));

  if (done != NULL)
    done (self, text, end, data);
  if (destroy != NULL)
    destroy (data);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tpt_canvas_edit:
 * @self: a canvas
 * @rect: where to edit, in the artefact's units
 * @text: (nullable): the text to start from
 * @label: what a screen reader calls the field
 * @multiline: whether Shift+Enter starts a new line
 * @select_all: whether typing replaces the text, as when renaming
 * @done: (scope notified): keeps or drops the edit when it ends
 * @data: for @done
 * @destroy: (nullable): frees @data
 *
 * Opens the in-place editor over @rect, ending any edit open before.
 */
void
tpt_canvas_edit (TptCanvas         *self,
                 const TptRect     *rect,
                 const char        *text,
                 const char        *label,
                 gboolean           multiline,
                 gboolean           select_all,
                 TptCanvasEditFunc  done,
                 gpointer           data,
                 GDestroyNotify     destroy)
{
  TptCanvasPrivate *priv;

  g_return_if_fail (TPT_IS_CANVAS (self));
  g_return_if_fail (rect != NULL);

  priv = PRIV (self);
  if (priv->editor != NULL)
    tpt_canvas_end_edit (self, TPT_EDITOR_END_COMMIT);

  priv->edit_rect = *rect;
  priv->edit_done = done;
  priv->edit_data = data;
  priv->edit_destroy = destroy;
  priv->editor = g_object_ref_sink (tpt_inplace_editor_new (text, label, multiline));
  g_signal_connect (priv->editor, "done", G_CALLBACK (editor_done_cb), self);
  gtk_widget_set_parent (priv->editor, GTK_WIDGET (self));
  if (select_all)
    tpt_inplace_editor_select_all (TPT_INPLACE_EDITOR (priv->editor));

  tpt_canvas_scroll_to (self, rect);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  gtk_widget_grab_focus (priv->editor);
}

gboolean
tpt_canvas_is_editing (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), FALSE);

  return PRIV (self)->editor != NULL;
}

/**
 * tpt_canvas_get_editor:
 *
 * Returns: (nullable) (transfer none): the editor of the edit under way
 */
GtkWidget *
tpt_canvas_get_editor (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), NULL);

  return PRIV (self)->editor;
}

/**
 * tpt_canvas_set_edit_rect:
 *
 * Moves the edit under way with what it edits, after a new layout.
 */
void
tpt_canvas_set_edit_rect (TptCanvas     *self,
                          const TptRect *rect)
{
  g_return_if_fail (TPT_IS_CANVAS (self));
  g_return_if_fail (rect != NULL);

  PRIV (self)->edit_rect = *rect;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/**
 * tpt_canvas_end_edit:
 * @self: a canvas
 * @end: keep or drop what was typed
 *
 * Ends the edit under way, if any, as the editor's own keys would.
 */
void
tpt_canvas_end_edit (TptCanvas    *self,
                     TptEditorEnd  end)
{
  g_return_if_fail (TPT_IS_CANVAS (self));

  if (PRIV (self)->editor != NULL)
    tpt_inplace_editor_finish (TPT_INPLACE_EDITOR (PRIV (self)->editor), end);
}

static void
menu_closed_cb (TptCanvas *self)
{
  TptCanvasPrivate *priv = PRIV (self);

  if (priv->menu == NULL)
    return;

  /* The chosen item's action runs after "closed": the menu stays in the
   * widget tree, where the page's actions are found, until then. */
  if (priv->old_menu != NULL)
    gtk_widget_unparent (priv->old_menu);
  g_clear_object (&priv->old_menu);
  priv->old_menu = g_steal_pointer (&priv->menu);
  queue_cleanup (self);
}

/**
 * tpt_canvas_popup_menu:
 * @self: a canvas
 * @model: the menu, whose items name the page's actions
 * @x: where, in the artefact's units
 * @y: the same, down
 *
 * Opens a context menu over the drawing, in place of any open one.
 */
void
tpt_canvas_popup_menu (TptCanvas  *self,
                       GMenuModel *model,
                       double      x,
                       double      y)
{
  TptCanvasPrivate *priv;
  double wx, wy;

  g_return_if_fail (TPT_IS_CANVAS (self));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  priv = PRIV (self);
  if (priv->menu != NULL)
    {
      GtkWidget *menu = priv->menu;

      menu_closed_cb (self);
      g_signal_handlers_disconnect_by_func (menu, menu_closed_cb, self);
      gtk_popover_popdown (GTK_POPOVER (menu));
    }

  tpt_canvas_to_view (self, x, y, &wx, &wy);
  wx = CLAMP (wx, 0, MAX (0, gtk_widget_get_width (GTK_WIDGET (self)) - 1));
  wy = CLAMP (wy, 0, MAX (0, gtk_widget_get_height (GTK_WIDGET (self)) - 1));
  priv->menu = g_object_ref_sink (gtk_popover_menu_new_from_model (model));
  gtk_widget_set_parent (priv->menu, GTK_WIDGET (self));
  gtk_popover_set_has_arrow (GTK_POPOVER (priv->menu), FALSE);
  gtk_widget_set_halign (priv->menu, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (priv->menu),
                               &(GdkRectangle) { (int) wx, (int) wy, 1, 1 });
  g_signal_connect_swapped (priv->menu, "closed", G_CALLBACK (menu_closed_cb), self);
  /* No tooltip over an open menu. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
  gtk_popover_popup (GTK_POPOVER (priv->menu));
}

void
tpt_canvas_close_menu (TptCanvas *self)
{
  g_return_if_fail (TPT_IS_CANVAS (self));

  if (PRIV (self)->menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (PRIV (self)->menu));
}

/**
 * tpt_canvas_get_menu:
 *
 * Returns: (nullable) (transfer none): the context menu, while it is open
 */
GtkWidget *
tpt_canvas_get_menu (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), NULL);

  return PRIV (self)->menu;
}

/**
 * tpt_canvas_toast:
 * @self: a canvas
 * @title: what happened, as plain text
 * @undoable: whether to offer Undo
 *
 * Tells the user through the window's toasts (the win.toast action).
 */
void
tpt_canvas_toast (TptCanvas  *self,
                  const char *title,
                  gboolean    undoable)
{
  g_return_if_fail (TPT_IS_CANVAS (self));
  g_return_if_fail (title != NULL);

  gtk_widget_activate_action (GTK_WIDGET (self), "win.toast", "(sb)", title, undoable);
}

/* ------------------------------------------------------------------ */
/* The document and the selection                                      */

static void
node_changed_cb (TptCanvas *self)
{
  tpt_canvas_queue_relayout (self);
}

static void
history_position_cb (TptCanvas *self)
{
  tpt_canvas_queue_relayout (self);
}

TptDocument *
tpt_canvas_get_document (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), NULL);

  return PRIV (self)->document;
}

/**
 * tpt_canvas_set_document:
 * @self: a canvas
 * @document: (nullable): the document to show the page's artefact of
 */
void
tpt_canvas_set_document (TptCanvas   *self,
                         TptDocument *document)
{
  TptCanvasPrivate *priv;

  g_return_if_fail (TPT_IS_CANVAS (self));
  g_return_if_fail (document == NULL || TPT_IS_DOCUMENT (document));

  priv = PRIV (self);
  if (priv->document == document)
    return;

  tpt_canvas_end_edit (self, TPT_EDITOR_END_CANCEL);
  tpt_canvas_close_menu (self);
  tpt_canvas_reset_tools (self);
  if (priv->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (priv->document, self);
      g_signal_handlers_disconnect_by_data (tpt_document_get_history (priv->document), self);
    }
  g_set_object (&priv->document, document);
  if (TPT_CANVAS_GET_CLASS (self)->reset != NULL)
    TPT_CANVAS_GET_CLASS (self)->reset (self);
  if (document != NULL)
    {
      g_signal_connect_object (document, "node-changed", G_CALLBACK (node_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (tpt_document_get_history (document), "notify::position",
                               G_CALLBACK (history_position_cb), self, G_CONNECT_SWAPPED);
    }

  priv->fit_pending = TRUE;
  tpt_canvas_relayout_now (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

TptSelection *
tpt_canvas_get_selection (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), NULL);

  return PRIV (self)->selection;
}

static void
selection_changed_cb (TptCanvas *self)
{
  if (TPT_CANVAS_GET_CLASS (self)->selection_changed != NULL)
    TPT_CANVAS_GET_CLASS (self)->selection_changed (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * tpt_canvas_set_selection:
 * @self: a canvas
 * @selection: the window's selection, which the page shows and changes
 */
void
tpt_canvas_set_selection (TptCanvas    *self,
                          TptSelection *selection)
{
  TptCanvasPrivate *priv;

  g_return_if_fail (TPT_IS_CANVAS (self));
  g_return_if_fail (selection == NULL || TPT_IS_SELECTION (selection));

  priv = PRIV (self);
  if (priv->selection == selection)
    return;

  if (priv->selection != NULL)
    g_signal_handlers_disconnect_by_data (priv->selection, self);
  g_set_object (&priv->selection, selection);
  if (selection != NULL)
    g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb), self,
                             G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

/**
 * tpt_canvas_get_text_context:
 *
 * Returns: (transfer none): the Pango context the page measures text with,
 *   the same as export's
 */
PangoContext *
tpt_canvas_get_text_context (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), NULL);

  return PRIV (self)->context;
}

/**
 * tpt_canvas_get_text_cache:
 *
 * Returns: (transfer none): the measured texts, kept across layouts so an
 *   edit measures only what changed
 */
TptTextCache *
tpt_canvas_get_text_cache (TptCanvas *self)
{
  g_return_val_if_fail (TPT_IS_CANVAS (self), NULL);

  return PRIV (self)->text_cache;
}

/* ------------------------------------------------------------------ */

static void
tpt_canvas_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TptCanvas *self = TPT_CANVAS (object);
  TptCanvasPrivate *priv = PRIV (self);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, priv->document);
      break;
    case PROP_SELECTION:
      g_value_set_object (value, priv->selection);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, priv->viewport.zoom);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, priv->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, priv->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, priv->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, priv->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_canvas_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TptCanvas *self = TPT_CANVAS (object);
  TptCanvasPrivate *priv = PRIV (self);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tpt_canvas_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTION:
      tpt_canvas_set_selection (self, g_value_get_object (value));
      break;
    case PROP_ZOOM:
      tpt_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &priv->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &priv->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      priv->hscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_VSCROLL_POLICY:
      priv->vscroll_policy = g_value_get_enum (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_canvas_dispose (GObject *object)
{
  TptCanvas *self = TPT_CANVAS (object);
  TptCanvasPrivate *priv = PRIV (self);

  g_clear_handle_id (&priv->relayout_id, g_source_remove);
  g_clear_handle_id (&priv->cleanup_id, g_source_remove);
  if (priv->editor != NULL)
    {
      g_signal_handlers_disconnect_by_func (priv->editor, editor_done_cb, self);
      gtk_widget_unparent (priv->editor);
      g_clear_object (&priv->editor);
    }
  if (priv->edit_destroy != NULL)
    priv->edit_destroy (priv->edit_data);
  priv->edit_destroy = NULL;
  priv->edit_done = NULL;
  if (priv->menu != NULL)
    {
      g_signal_handlers_disconnect_by_func (priv->menu, menu_closed_cb, self);
      gtk_widget_unparent (priv->menu);
      g_clear_object (&priv->menu);
    }
  cleanup_cb (self);

  for (guint i = 0; i < priv->tools->len; i++)
    tpt_tool_attach (g_ptr_array_index (priv->tools, i), NULL);
  g_ptr_array_set_size (priv->tools, 0);
  priv->capture = NULL;

  if (priv->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (priv->document, self);
      g_signal_handlers_disconnect_by_data (tpt_document_get_history (priv->document), self);
    }
  g_clear_object (&priv->document);
  if (priv->selection != NULL)
    g_signal_handlers_disconnect_by_data (priv->selection, self);
  g_clear_object (&priv->selection);
  if (priv->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (priv->hadjustment, adjustment_value_changed_cb, self);
  if (priv->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (priv->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&priv->hadjustment);
  g_clear_object (&priv->vadjustment);

  G_OBJECT_CLASS (tpt_canvas_parent_class)->dispose (object);
}

static void
tpt_canvas_finalize (GObject *object)
{
  TptCanvasPrivate *priv = PRIV (object);

  g_clear_pointer (&priv->tools, g_ptr_array_unref);
  g_clear_object (&priv->filter.blueprint);
  g_clear_object (&priv->filter.persona);
  g_clear_pointer ((char **) &priv->filter.segment, g_free);
  g_clear_object (&priv->changes);
  g_clear_pointer (&priv->text_cache, tpt_text_cache_free);
  g_clear_pointer (&priv->tiles, tpt_tile_cache_free);
  g_clear_object (&priv->context);

  G_OBJECT_CLASS (tpt_canvas_parent_class)->finalize (object);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptCanvas *self = TPT_CANVAS (widget);

  if (g_str_equal (action_name, "canvas.zoom-in"))
    tpt_canvas_zoom_in (self);
  else if (g_str_equal (action_name, "canvas.zoom-out"))
    tpt_canvas_zoom_out (self);
  else if (g_str_equal (action_name, "canvas.zoom-reset"))
    tpt_canvas_set_zoom (self, 1.0);
  else
    tpt_canvas_zoom_to_fit (self);
}

static void
tpt_canvas_class_init (TptCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tpt_canvas_dispose;
  object_class->finalize = tpt_canvas_finalize;
  object_class->get_property = tpt_canvas_get_property;
  object_class->set_property = tpt_canvas_set_property;

  widget_class->snapshot = tpt_canvas_snapshot;
  widget_class->size_allocate = tpt_canvas_size_allocate;
  widget_class->measure = tpt_canvas_measure;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TPT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_object ("selection", NULL, NULL, TPT_TYPE_SELECTION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, TPT_CANVAS_MIN_ZOOM, TPT_CANVAS_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_install_action (widget_class, "canvas.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-reset", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "canvas.zoom-fit", NULL, zoom_action);

  gtk_widget_class_set_css_name (widget_class, "canvas");
}

static void
add_new_tool (TptCanvas *self,
              TptTool   *tool)
{
  tpt_canvas_add_tool (self, tool);
  g_object_unref (tool);
}

static void
tpt_canvas_init (TptCanvas *self)
{
  TptCanvasPrivate *priv = PRIV (self);
  GtkEventController *motion, *keys, *escape, *focus;

  tpt_viewport_init (&priv->viewport, TPT_CANVAS_MIN_ZOOM, TPT_CANVAS_MAX_ZOOM, VIEW_MARGIN);
  priv->context = tpt_text_context_new ();
  priv->text_cache = tpt_text_cache_new (priv->context);
  priv->tiles = tpt_tile_cache_new ();
  priv->tools = g_ptr_array_new_with_free_func (g_object_unref);
  priv->fit_pending = TRUE;

  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "artefact-view");

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  g_signal_connect (keys, "key-released", G_CALLBACK (key_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  escape = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (escape, GTK_PHASE_CAPTURE);
  g_signal_connect (escape, "key-pressed", G_CALLBACK (escape_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), escape);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);

  set_adjustment (self, &priv->hadjustment, NULL);
  set_adjustment (self, &priv->vadjustment, NULL);

  /* The tools every page has. The region capture first: while it is
   * active it takes every press. Then the click tool, so that a press
   * selects before any of the page's drag tools asks whether the press is
   * its own: pressing a card and dragging moves it. */
  priv->capture = tpt_region_capture_new ();
  tpt_canvas_add_tool (self, priv->capture);
  g_object_unref (priv->capture);
  add_new_tool (self, tpt_click_tool_new ());
  add_new_tool (self, tpt_pan_tool_new ());
  add_new_tool (self, tpt_zoom_tool_new ());
  add_new_tool (self, tpt_pinch_tool_new ());
}
