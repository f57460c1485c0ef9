/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tpt-geometry.h"

G_BEGIN_DECLS

/**
 * TptViewport:
 * @zoom: widget pixels per unit of the drawing
 * @min_zoom: the least @zoom may be
 * @max_zoom: the most @zoom may be
 * @margin: room around the drawing, in widget pixels
 * @content_width: the drawing's size, in its own units
 * @content_height: the drawing's size, in its own units
 * @view_width: the widget's size
 * @view_height: the widget's size
 * @scroll_x: how far the view is scrolled, in widget pixels from the
 *   scrollable area's start (the value of a horizontal #GtkAdjustment)
 * @scroll_y: the same, down
 *
 * What part of a drawing a widget shows, and at what zoom: the one place
 * that converts between the widget's pixels and the drawing's units, fits,
 * zooms about a point and scrolls a part of the drawing into view. The
 * canvases and the slide view keep one each; it knows no widget.
 *
 * A drawing smaller than the view (margins included) is centred; a larger
 * one starts @margin in and scrolls.
 */
typedef struct
{
  double zoom;
  double min_zoom;
  double max_zoom;
  double margin;
  double content_width;
  double content_height;
  double view_width;
  double view_height;
  double scroll_x;
  double scroll_y;
} TptViewport;

void     tpt_viewport_init              (TptViewport       *self,
                                         double             min_zoom,
                                         double             max_zoom,
                                         double             margin);
void     tpt_viewport_origin            (const TptViewport *self,
                                         double            *x,
                                         double            *y);
void     tpt_viewport_to_content        (const TptViewport *self,
                                         double             x,
                                         double             y,
                                         double            *content_x,
                                         double            *content_y);
void     tpt_viewport_to_view           (const TptViewport *self,
                                         double             x,
                                         double             y,
                                         double            *view_x,
                                         double            *view_y);
TptRect  tpt_viewport_rect_to_view      (const TptViewport *self,
                                         const TptRect     *rect);
void     tpt_viewport_scroll_size       (const TptViewport *self,
                                         double            *width,
                                         double            *height);
void     tpt_viewport_clamp_scroll      (TptViewport       *self);
double   tpt_viewport_fit_zoom          (const TptViewport *self);
gboolean tpt_viewport_zoom_at           (TptViewport       *self,
                                         double             zoom,
                                         double             view_x,
                                         double             view_y);
void     tpt_viewport_scroll_into_view  (TptViewport       *self,
                                         const TptRect     *rect);
void     tpt_viewport_zoom_to_rect      (TptViewport       *self,
                                         const TptRect     *rect,
                                         double             most);
void     tpt_viewport_visible_content   (const TptViewport *self,
                                         TptRect           *rect);

G_END_DECLS
