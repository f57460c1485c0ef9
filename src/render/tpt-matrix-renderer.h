/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tpt-coverage.h"
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
double tpt_matrix_paginate_full (PangoContext            *context,
                                 TptDocument             *document,
                                 const TptCoverageFilter *filter,
                                 gboolean                 compact,
                                 double                   max_scale,
                                 double                   page_width,
                                 double                   page_height,
                                 GArray                  *breaks);
void   tpt_matrix_measure_part  (PangoContext            *context,
                                 TptDocument             *document,
                                 const TptCoverageFilter *filter,
                                 gboolean                 compact,
                                 guint                    first,
                                 guint                    end,
                                 double                  *width,
                                 double                  *height);
void   tpt_matrix_render_part_full (cairo_t                 *cr,
                                    PangoContext            *context,
                                    TptDocument             *document,
                                    const TptTheme          *theme,
                                    const TptCoverageFilter *filter,
                                    gboolean                 compact,
                                    guint                    first,
                                    guint                    end);
void   tpt_matrix_render_part (cairo_t        *cr,
                              PangoContext   *context,
                              TptDocument    *document,
                              const TptTheme *theme,
                              guint           first,
                              guint           end,
                              double         *height);

/**
 * TptMatrixCellKind:
 * @TPT_MATRIX_CELL_RATING: a rating cell: the need's rating by a persona
 * @TPT_MATRIX_CELL_NEED: the row header, where the need itself is named
 *   (its title and description)
 * @TPT_MATRIX_CELL_ROW: the whole row of a need, across the table
 */
typedef enum
{
  TPT_MATRIX_CELL_RATING,
  TPT_MATRIX_CELL_NEED,
  TPT_MATRIX_CELL_ROW,
} TptMatrixCellKind;

/* Where something of need @need (an index) is drawn: its rating for
 * persona @persona (an index), its row header or its whole row; @persona
 * is 0 but for ratings. */
typedef struct
{
  TptRect           rect;
  guint             need;
  guint             persona;
  TptMatrixCellKind kind;
} TptMatrixCell;

void   tpt_matrix_collect_links (PangoContext *context,
                                 TptDocument  *document,
                                 GArray       *links,
                                 GArray       *cells);

/* The same, for one blueprint's coverage and one persona or segment. */
void   tpt_matrix_measure_filtered       (PangoContext            *context,
                                          TptDocument             *document,
                                          const TptCoverageFilter *filter,
                                          double                  *width,
                                          double                  *height);
void   tpt_matrix_render_filtered        (cairo_t                 *cr,
                                          PangoContext            *context,
                                          TptDocument             *document,
                                          const TptTheme          *theme,
                                          const TptCoverageFilter *filter);
void   tpt_matrix_render_table_filtered  (cairo_t                 *cr,
                                          PangoContext            *context,
                                          TptDocument             *document,
                                          const TptTheme          *theme,
                                          const TptCoverageFilter *filter,
                                          double                  *width,
                                          double                  *height);
double tpt_matrix_paginate_filtered      (PangoContext            *context,
                                          TptDocument             *document,
                                          const TptCoverageFilter *filter,
                                          double                   page_width,
                                          double                   page_height,
                                          GArray                  *breaks);
void   tpt_matrix_render_part_filtered   (cairo_t                 *cr,
                                          PangoContext            *context,
                                          TptDocument             *document,
                                          const TptTheme          *theme,
                                          const TptCoverageFilter *filter,
                                          guint                    first,
                                          guint                    end,
                                          double                  *height);
void   tpt_matrix_collect_links_filtered (PangoContext            *context,
                                          TptDocument             *document,
                                          const TptCoverageFilter *filter,
                                          GArray                  *links,
                                          GArray                  *cells);

G_END_DECLS
