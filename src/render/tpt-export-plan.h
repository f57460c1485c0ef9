/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "tpt-artefact-drawing.h"
#include "tpt-export.h"
#include "tpt-pdf-amend.h"
#include "tpt-poster.h"

G_BEGIN_DECLS

/**
 * TptPlanPageKind:
 * @TPT_PLAN_PAGE_PART: a part of an artefact
 * @TPT_PLAN_PAGE_ASSEMBLY: a poster's assembly page
 * @TPT_PLAN_PAGE_SHEET: a poster's sheet
 * @TPT_PLAN_PAGE_SLIDE: a slide, or a part of one
 * @TPT_PLAN_PAGE_CHANGES: a part of the "Changes since …" pages; @part's
 *   @first and @end are its lines
 */
typedef enum
{
  TPT_PLAN_PAGE_PART,
  TPT_PLAN_PAGE_ASSEMBLY,
  TPT_PLAN_PAGE_SHEET,
  TPT_PLAN_PAGE_SLIDE,
  TPT_PLAN_PAGE_CHANGES,
} TptPlanPageKind;

/**
 * TptPlanPage:
 * @kind: what the page is
 * @drawing: the artefact on it, borrowed from the plan
 * @part: which part of it
 * @width: the page, in points
 * @height: likewise
 * @x: where the part's top left corner goes on the page
 * @y: likewise
 * @scale: page points per drawing point
 * @title: (nullable): the outline entry of the page, for the first page
 *   of each artefact
 * @row: a sheet's row; an assembly page's number
 * @column: a sheet's column
 * @slide: (nullable): a slide page's slide, borrowed
 * @slide_number: its number, from 1
 * @smallest_text: the smallest text on the page, in points as printed
 */
typedef struct
{
  TptPlanPageKind     kind;
  TptArtefactDrawing *drawing;
  TptDrawingPart      part;
  double              width;
  double              height;
  double              x;
  double              y;
  double              scale;
  char               *title;
  guint               row;
  guint               column;
  TptSlide           *slide;
  guint               slide_number;
  double              smallest_text;
} TptPlanPage;

typedef struct _TptExportPlan TptExportPlan;

TptExportPlan     *tpt_export_plan_new                (TptDocument            *document,
                                                       PangoContext           *context,
                                                       const TptExportOptions *options,
                                                       GError                **error);
void               tpt_export_plan_free               (TptExportPlan          *self);
guint              tpt_export_plan_get_n_pages        (TptExportPlan          *self);
const TptPlanPage *tpt_export_plan_get_page           (TptExportPlan          *self,
                                                       guint                   index);
void               tpt_export_plan_render_page        (TptExportPlan          *self,
                                                       guint                   index,
                                                       cairo_t                *cr,
                                                       const TptTheme         *theme);
void               tpt_export_plan_amend              (TptExportPlan          *self,
                                                       TptPdfAmend            *amend);
const char * const *tpt_export_plan_get_notes         (TptExportPlan          *self);
const char * const *tpt_export_plan_get_warnings      (TptExportPlan          *self);
double             tpt_export_plan_get_smallest_text  (TptExportPlan          *self);
const TptPosterPlan *tpt_export_plan_get_poster       (TptExportPlan          *self);
TptArtefactDrawing *tpt_export_plan_get_drawing       (TptExportPlan          *self);
char              *tpt_export_plan_dup_summary        (TptExportPlan          *self);
gboolean           tpt_export_plan_resolve            (TptDocument            *document,
                                                       const char             *name,
                                                       TptArtefactKind        *kind,
                                                       TptNode               **target,
                                                       GError                **error);
gboolean           tpt_export_plan_resolve_options    (TptDocument            *document,
                                                       const TptExportOptions *options,
                                                       TptArtefactKind        *kind,
                                                       TptNode               **target,
                                                       TptCoverageFilter      *filter,
                                                       GError                **error);
gboolean           tpt_export_options_get_paper       (const TptExportOptions *options,
                                                       gboolean                whole,
                                                       double                 *width,
                                                       double                 *height,
                                                       GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptExportPlan, tpt_export_plan_free)

G_END_DECLS
