/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tpt-document.h"
#include "tpt-geometry.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

/* A slide's frame, 16:9, in points; exports use it as the page size. A
 * slide drawn at any other size is scaled from it, letterboxed when the
 * aspect differs, so type keeps its proportion to the frame. */
#define TPT_SLIDE_WIDTH  960.0
#define TPT_SLIDE_HEIGHT 540.0

void      tpt_slide_render              (cairo_t        *cr,
                                         PangoContext   *context,
                                         TptDocument    *document,
                                         TptSlide       *slide,
                                         const TptTheme *theme,
                                         double          width,
                                         double          height,
                                         guint           number,
                                         guint           total);
void      tpt_slide_render_full         (cairo_t        *cr,
                                         PangoContext   *context,
                                         TptDocument    *document,
                                         TptSlide       *slide,
                                         const TptTheme *theme,
                                         double          width,
                                         double          height,
                                         guint           number,
                                         guint           total,
                                         GDateTime      *date);
guint     tpt_slide_count_parts         (PangoContext   *context,
                                         TptDocument    *document,
                                         TptSlide       *slide);
void      tpt_slide_render_part         (cairo_t        *cr,
                                         PangoContext   *context,
                                         TptDocument    *document,
                                         TptSlide       *slide,
                                         const TptTheme *theme,
                                         double          width,
                                         double          height,
                                         guint           part,
                                         guint           number,
                                         guint           total,
                                         GDateTime      *date);
gboolean  tpt_slide_get_bounds          (PangoContext   *context,
                                         TptDocument    *document,
                                         TptSlide       *slide,
                                         TptRect        *bounds);
void      tpt_slide_get_content_rect    (TptSlide       *slide,
                                         double          width,
                                         double          height,
                                         TptRect        *rect);
char     *tpt_slide_dup_display_title   (TptDocument    *document,
                                         TptSlide       *slide);

G_END_DECLS
