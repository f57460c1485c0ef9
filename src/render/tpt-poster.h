/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "tpt-artefact-drawing.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

#define TPT_POSTER_MAX_SHEETS 500

/**
 * TptPosterPlan:
 * @sheet_width: the paper, in points
 * @sheet_height: the paper, in points
 * @margin: the border of each sheet kept for marks and labels, in points
 * @overlap: how much of the drawing two neighbouring sheets share, in
 *   points on paper
 * @scale: paper points per drawing point
 * @columns: sheets across
 * @rows: sheets down
 * @area: the part of the drawing that is tiled: what is drawn on, without
 *   the paper round it, in drawing points
 * @no_marks: leaves out the crop marks and overlap ticks, for sheets that
 *   are hung edge to edge rather than trimmed
 * @blank: for each sheet, row by row, whether it has nothing of its own to
 *   print (only paper, or only what its neighbours' overlap repeats) and
 *   is left out
 * @n_blank: how many are
 *
 * How one artefact is tiled over sheets of paper for a wall.
 */
typedef struct
{
  double   sheet_width;
  double   sheet_height;
  double   margin;
  double   overlap;
  double   scale;
  guint    columns;
  guint    rows;
  TptRect  area;
  gboolean no_marks;
  gboolean blank[TPT_POSTER_MAX_SHEETS];
  guint    n_blank;
} TptPosterPlan;

/**
 * TptPosterSize:
 * @scale_percent: the print scale, or 0
 * @sheets_wide: how many sheets the poster spans across, or 0
 * @width_mm: the finished width of the poster, in millimetres, or 0
 * @overlap_mm: the strip two neighbouring sheets share, in millimetres
 *
 * How big a poster is to be: by one of a scale, a number of sheets across
 * and a finished width (100 % when none is given), as PosteRazor sizes.
 */
typedef struct
{
  double scale_percent;
  guint  sheets_wide;
  double width_mm;
  double overlap_mm;
} TptPosterSize;

gboolean tpt_poster_plan              (const TptRect       *area,
                                       double               sheet_width,
                                       double               sheet_height,
                                       const TptPosterSize *size,
                                       TptPosterPlan       *plan,
                                       GError             **error);
void     tpt_poster_find_blank        (TptPosterPlan       *plan,
                                       TptArtefactDrawing  *drawing,
                                       const TptTheme      *theme);
TptRect  tpt_poster_tile              (const TptPosterPlan *plan,
                                       guint                row,
                                       guint                column);
gboolean tpt_poster_is_blank          (const TptPosterPlan *plan,
                                       guint                row,
                                       guint                column);
guint    tpt_poster_count_printed     (const TptPosterPlan *plan);
void     tpt_poster_get_finished_size (const TptPosterPlan *plan,
                                       double              *width_mm,
                                       double              *height_mm);
TptRect  tpt_poster_get_trim_box      (const TptPosterPlan *plan);
char    *tpt_poster_tile_label        (guint                row,
                                       guint                column);
gboolean tpt_poster_parse_sheets      (const TptPosterPlan *plan,
                                       const char          *list,
                                       GArray              *sheets,
                                       GError             **error);
guint    tpt_poster_count_assembly_pages (const TptPosterPlan *plan);
void     tpt_poster_render_sheet      (cairo_t             *cr,
                                       PangoContext        *context,
                                       TptArtefactDrawing  *drawing,
                                       const TptTheme      *theme,
                                       const TptPosterPlan *plan,
                                       guint                row,
                                       guint                column,
                                       const char          *stamp);
void     tpt_poster_render_assembly   (cairo_t             *cr,
                                       PangoContext        *context,
                                       TptArtefactDrawing  *drawing,
                                       const TptTheme      *theme,
                                       const TptPosterPlan *plan,
                                       guint                page,
                                       double               smallest_text,
                                       const char          *stamp);

G_END_DECLS
