/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-viewport"

#include "config.h"

#include <math.h>

#include "tpt-viewport.h"

/**
 * tpt_viewport_init:
 * @self: a viewport
 * @min_zoom: the least zoom
 * @max_zoom: the most zoom
 * @margin: room around the drawing, in widget pixels
 *
 * Starts a viewport at 100 % onto an empty drawing.
 */
void
tpt_viewport_init (TptViewport *self,
                   double       min_zoom,
                   double       max_zoom,
                   double       margin)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (min_zoom > 0 && min_zoom <= max_zoom);

  *self = (TptViewport) { .zoom = CLAMP (1.0, min_zoom, max_zoom), .min_zoom = min_zoom,
                          .max_zoom = max_zoom, .margin = margin };
}

/* One axis: where the drawing starts in the view. */
static double
axis_origin (double content,
             double view,
             double scroll,
             double margin)
{
  /* On whole pixels, so that tiles are never resampled. */
  return round (content + 2 * margin <= view ? (view - content) / 2 : margin - scroll);
}

/**
 * tpt_viewport_origin:
 * @self: a viewport
 * @x: (out): where the drawing's (0, 0) is in the view
 * @y: (out): the same, down
 */
void
tpt_viewport_origin (const TptViewport *self,
                     double            *x,
                     double            *y)
{
  g_return_if_fail (self != NULL);

  *x = axis_origin (self->content_width * self->zoom, self->view_width, self->scroll_x,
                    self->margin);
  *y = axis_origin (self->content_height * self->zoom, self->view_height, self->scroll_y,
                    self->margin);
}

void
tpt_viewport_to_content (const TptViewport *self,
                         double             x,
                         double             y,
                         double            *content_x,
                         double            *content_y)
{
  double x0, y0;

  g_return_if_fail (self != NULL);

  tpt_viewport_origin (self, &x0, &y0);
  *content_x = (x - x0) / self->zoom;
  *content_y = (y - y0) / self->zoom;
}

void
tpt_viewport_to_view (const TptViewport *self,
                      double             x,
                      double             y,
                      double            *view_x,
                      double            *view_y)
{
  double x0, y0;

  g_return_if_fail (self != NULL);

  tpt_viewport_origin (self, &x0, &y0);
  *view_x = x0 + x * self->zoom;
  *view_y = y0 + y * self->zoom;
}

/**
 * tpt_viewport_rect_to_view:
 * @self: a viewport
 * @rect: a part of the drawing
 *
 * Returns: where @rect is in the view
 */
TptRect
tpt_viewport_rect_to_view (const TptViewport *self,
                           const TptRect     *rect)
{
  TptRect r;

  g_return_val_if_fail (self != NULL, (TptRect) { 0 });
  g_return_val_if_fail (rect != NULL, (TptRect) { 0 });

  tpt_viewport_to_view (self, rect->x, rect->y, &r.x, &r.y);
  r.width = rect->width * self->zoom;
  r.height = rect->height * self->zoom;
  return r;
}

/**
 * tpt_viewport_scroll_size:
 * @self: a viewport
 * @width: (out): the scrollable width: the drawing and its margins, or the
 *   view when that is larger (an adjustment's upper bound)
 * @height: (out): the same, down
 */
void
tpt_viewport_scroll_size (const TptViewport *self,
                          double            *width,
                          double            *height)
{
  g_return_if_fail (self != NULL);

  *width = MAX (self->view_width, self->content_width * self->zoom + 2 * self->margin);
  *height = MAX (self->view_height, self->content_height * self->zoom + 2 * self->margin);
}

/**
 * tpt_viewport_clamp_scroll:
 * @self: a viewport
 *
 * Keeps the scroll offsets within the scrollable area.
 */
void
tpt_viewport_clamp_scroll (TptViewport *self)
{
  double width, height;

  g_return_if_fail (self != NULL);

  tpt_viewport_scroll_size (self, &width, &height);
  self->scroll_x = CLAMP (self->scroll_x, 0, MAX (0, width - self->view_width));
  self->scroll_y = CLAMP (self->scroll_y, 0, MAX (0, height - self->view_height));
}

/**
 * tpt_viewport_fit_zoom:
 * @self: a viewport
 *
 * Returns: the zoom at which the whole drawing and its margins fit the
 *   view, within the zoom's bounds; 1 while either has no size
 */
double
tpt_viewport_fit_zoom (const TptViewport *self)
{
  double zoom;

  g_return_val_if_fail (self != NULL, 1.0);

  if (self->content_width <= 0 || self->content_height <= 0 ||
      self->view_width <= 2 * self->margin || self->view_height <= 2 * self->margin)
    return CLAMP (1.0, self->min_zoom, self->max_zoom);

  zoom = MIN ((self->view_width - 2 * self->margin) / self->content_width,
              (self->view_height - 2 * self->margin) / self->content_height);
  return CLAMP (zoom, self->min_zoom, self->max_zoom);
}

/**
 * tpt_viewport_zoom_at:
 * @self: a viewport
 * @zoom: the new zoom, clamped to the bounds
 * @view_x: a point of the view that keeps showing the same point of the
 *   drawing, such as the pointer
 * @view_y: the point's y
 *
 * Returns: whether the zoom changed
 */
gboolean
tpt_viewport_zoom_at (TptViewport *self,
                      double       zoom,
                      double       view_x,
                      double       view_y)
{
  double cx, cy, x0, y0;

  g_return_val_if_fail (self != NULL, FALSE);

  zoom = CLAMP (zoom, self->min_zoom, self->max_zoom);
  if (zoom == self->zoom || !isfinite (zoom) || !isfinite (view_x) || !isfinite (view_y))
    return FALSE;

  /* The point under the anchor before, and where the new origin must be
   * for it to stay there; the scroll offsets follow from the origin. */
  tpt_viewport_to_content (self, view_x, view_y, &cx, &cy);
  self->zoom = zoom;
  x0 = view_x - cx * zoom;
  y0 = view_y - cy * zoom;
  self->scroll_x = self->margin - x0;
  self->scroll_y = self->margin - y0;
  tpt_viewport_clamp_scroll (self);
  return TRUE;
}

/* Scrolls one axis just enough to show [start, end] of the scrollable area. */
static double
scroll_axis (double value,
             double page,
             double margin,
             double start,
             double end)
{
  if (end - start > page - 2 * margin || start < value)
    return start;
  if (end > value + page)
    return end - page;
  return value;
}

/**
 * tpt_viewport_scroll_into_view:
 * @self: a viewport
 * @rect: a part of the drawing
 *
 * Scrolls as little as needed for @rect to be in sight, with the margin
 * around it, as keyboard navigation moves the selection off the screen.
 */
void
tpt_viewport_scroll_into_view (TptViewport   *self,
                               const TptRect *rect)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);

  /* In scroll offsets the drawing starts one margin in, so the rect and
   * a margin either side are [x·zoom, (x + width)·zoom + 2·margin]. */
  self->scroll_x = scroll_axis (self->scroll_x, self->view_width, self->margin,
                                rect->x * self->zoom,
                                (rect->x + rect->width) * self->zoom + 2 * self->margin);
  self->scroll_y = scroll_axis (self->scroll_y, self->view_height, self->margin,
                                rect->y * self->zoom,
                                (rect->y + rect->height) * self->zoom + 2 * self->margin);
  tpt_viewport_clamp_scroll (self);
}

/**
 * tpt_viewport_zoom_to_rect:
 * @self: a viewport
 * @rect: a part of the drawing
 * @most: the highest zoom to use
 *
 * Zooms so @rect fills the view, up to @most, and centres it, as a slide
 * that shows it is framed.
 */
void
tpt_viewport_zoom_to_rect (TptViewport   *self,
                           const TptRect *rect,
                           double         most)
{
  double zoom;

  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);

  if (self->view_width <= 2 * self->margin || self->view_height <= 2 * self->margin ||
      rect->width <= 0 || rect->height <= 0)
    return;

  zoom = MIN ((self->view_width - 2 * self->margin) / rect->width,
              (self->view_height - 2 * self->margin) / rect->height);
  self->zoom = CLAMP (MIN (zoom, most), self->min_zoom, self->max_zoom);
  self->scroll_x = self->margin - self->view_width / 2 + (rect->x + rect->width / 2) * self->zoom;
  self->scroll_y = self->margin - self->view_height / 2 +
                   (rect->y + rect->height / 2) * self->zoom;
  tpt_viewport_clamp_scroll (self);
}

/**
 * tpt_viewport_visible_content:
 * @self: a viewport
 * @rect: (out): the part of the drawing in view, in its units
 */
void
tpt_viewport_visible_content (const TptViewport *self,
                              TptRect           *rect)
{
  double x0, y0, x1, y1;

  g_return_if_fail (self != NULL);

  tpt_viewport_to_content (self, 0, 0, &x0, &y0);
  tpt_viewport_to_content (self, self->view_width, self->view_height, &x1, &y1);
  *rect = (TptRect) { x0, y0, x1 - x0, y1 - y0 };
}
