/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "tpt-blueprint-layout.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

/**
 * TptPosterPlan:
 * @sheet_width: the paper, in points
 * @sheet_height: the paper, in points
 * @margin: the border of each sheet kept for marks and labels, in points
 * @overlap: how much of the drawing two neighbouring sheets share, in
 *   points on paper
 * @scale: paper points per layout point
 * @columns: sheets across
 * @rows: sheets down
 *
 * How one blueprint is tiled over sheets of paper for a wall.
 */
typedef struct
{
  double sheet_width;
  double sheet_height;
  double margin;
  double overlap;
  double scale;
  guint  columns;
  guint  rows;
  /* Leaves out the crop marks and overlap ticks, for sheets that are hung
   * edge to edge rather than trimmed. */
  gboolean no_marks;
} TptPosterPlan;

#define TPT_POSTER_MAX_SHEETS 500

gboolean tpt_poster_plan           (const TptRect            *bounds,
                                    double                    sheet_width,
                                    double                    sheet_height,
                                    double                    scale_percent,
                                    guint                     sheets_wide,
                                    double                    overlap_mm,
                                    TptPosterPlan            *plan,
                                    GError                  **error);
TptRect  tpt_poster_tile           (const TptPosterPlan      *plan,
                                    guint                     row,
                                    guint                     column);
char    *tpt_poster_tile_label     (guint                     row,
                                    guint                     column);
void     tpt_poster_render_sheet   (cairo_t                  *cr,
                                    PangoContext             *context,
                                    const TptBlueprintLayout *layout,
                                    const TptTheme           *theme,
                                    const TptPosterPlan      *plan,
                                    guint                     row,
                                    guint                     column);
void     tpt_poster_render_overview (cairo_t                  *cr,
                                     PangoContext             *context,
                                     const TptBlueprintLayout *layout,
                                     const TptTheme           *theme,
                                     const TptPosterPlan      *plan);

G_END_DECLS
