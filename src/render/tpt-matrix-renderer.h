/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tpt-document.h"
#include "tpt-geometry.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

/* Opportunity scores from which a cell is highlighted (DESIGN.md). */
#define TPT_MATRIX_STRONG  12
#define TPT_MATRIX_EXTREME 15

void tpt_matrix_measure (PangoContext   *context,
                         TptDocument    *document,
                         double         *width,
                         double         *height);
void tpt_matrix_render  (cairo_t        *cr,
                         PangoContext   *context,
                         TptDocument    *document,
                         const TptTheme *theme);
void tpt_matrix_render_table (cairo_t        *cr,
                              PangoContext   *context,
                              TptDocument    *document,
                              const TptTheme *theme,
                              double         *width,
                              double         *height);

double tpt_matrix_paginate    (PangoContext   *context,
                              TptDocument    *document,
                              double          page_width,
                              double          page_height,
                              GArray         *breaks);
void   tpt_matrix_render_part (cairo_t        *cr,
                              PangoContext   *context,
                              TptDocument    *document,
                              const TptTheme *theme,
                              guint           first,
                              guint           end,
                              double         *height);

/* Where the rating of need @need (index) for persona @persona is drawn. */
typedef struct
{
  TptRect rect;
  guint   need;
  guint   persona;
} TptMatrixCell;

void   tpt_matrix_collect_links (PangoContext *context,
                                 TptDocument  *document,
                                 GArray       *links,
                                 GArray       *cells);

G_END_DECLS
