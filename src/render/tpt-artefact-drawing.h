/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tpt-artefact.h"
#include "tpt-blueprint-layout.h"
#include "tpt-cover.h"
#include "tpt-coverage.h"
#include "tpt-diff.h"
#include "tpt-document.h"
#include "tpt-geometry.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

/**
 * TptDrawingPart:
 * @index: the part's number in its artefact, from 0
 * @count: how many parts the artefact was split into
 * @width: the part as tpt_artefact_drawing_render_part() draws it, in
 *   drawing points
 * @height: likewise
 * @scale: paper points per drawing point that the part was planned at
 * @first: the first row the part shows: a need, a row of persona cards, a
 *   contents entry, a lane
 * @end: the row after its last
 * @first_column: a blueprint part's first step
 * @end_column: the step after its last
 * @y0: a strip of a report: where the part starts in the whole drawing
 * @y1: where it ends
 * @flags: what else the part shows
 *
 * One page's worth of an artefact, as tpt_artefact_drawing_paginate()
 * splits it.
 */
typedef struct
{
  guint  index;
  guint  count;
  double width;
  double height;
  double scale;
  guint  first;
  guint  end;
  guint  first_column;
  guint  end_column;
  double y0;
  double y1;
  guint  flags;
} TptDrawingPart;

/**
 * TptDrawingPartFlags:
 * @TPT_PART_HEADING: a blueprint part is headed with its title and stages
 * @TPT_PART_LEGEND: a blueprint part shows the legend under its lanes
 */
typedef enum
{
  TPT_PART_HEADING = 1 << 0,
  TPT_PART_LEGEND  = 1 << 1,
} TptDrawingPartFlags;

/**
 * TptPageRequest:
 * @width: the paper inside its margins, in points; or with @fitted, the
 *   longest side a page may have
 * @height: likewise
 * @fitted: pages are sized to their parts, which are drawn at their own
 *   size and split only where they are longer than @width or @height
 * @min_text: on named paper, the smallest text size in points below which
 *   an artefact is split rather than shrunk
 * @body_text: @min_text is for the body text (a card's), not the
 *   smallest: slides, where captions may be smaller
 * @max_scale: the most an artefact is enlarged to fill the page
 *
 * What an artefact is paginated for.
 */
typedef struct
{
  double   width;
  double   height;
  gboolean fitted;
  double   min_text;
  gboolean body_text;
  double   max_scale;
} TptPageRequest;

/**
 * TptHitKind:
 * @TPT_HIT_LINK: a place that names a node (a card, a need) in a report
 * @TPT_HIT_MATRIX_CELL: a cell of the needs matrix: @index is the need,
 *   @sub the persona, @field the #TptMatrixCellKind
 * @TPT_HIT_PERSONA_PART: a part of a persona card: @index is the persona,
 *   @field the #TptPersonaField
 * @TPT_HIT_CARD: a blueprint card
 * @TPT_HIT_CONTENTS: a contents entry of the cover: @index is the entry
 */
typedef enum
{
  TPT_HIT_LINK,
  TPT_HIT_MATRIX_CELL,
  TPT_HIT_PERSONA_PART,
  TPT_HIT_CARD,
  TPT_HIT_CONTENTS,
} TptHitKind;

/**
 * TptHitRegion:
 * @kind: what is there
 * @rect: where, in the drawing's points
 * @node: (nullable): the node it stands for, borrowed from the document
 * @index: which need, persona or contents entry
 * @sub: which persona, for a matrix cell
 * @field: which part of a card or cell
 *
 * A place on a drawing that a view may take a click on, or an export may
 * turn into a link.
 */
typedef struct
{
  TptHitKind  kind;
  TptRect     rect;
  TptNode    *node;
  guint       index;
  guint       sub;
  guint       field;
} TptHitRegion;

/**
 * TptArtefactDrawing:
 * @kind: the artefact
 * @document: its document
 * @target: (nullable): its blueprint, stage or persona
 * @context: the Pango context it is measured with
 * @layout: (nullable): a blueprint's or a stage's layout
 * @bounds: the drawing at its own size, from (0, 0), in points
 * @ink: the part of @bounds that is drawn on, without the paper round it
 *
 * One artefact, measured and ready to draw anywhere: on the screen, on a
 * page, a poster sheet or a slide. What each kind does is in its row of
 * the renderer table (tpt-artefact-renderer.h).
 */
typedef struct _TptArtefactDrawing TptArtefactDrawing;

struct _TptArtefactDrawing
{
  TptArtefactKind     kind;
  TptDocument        *document;
  TptNode            *target;
  PangoContext       *context;
  TptBlueprintLayout *layout;
  TptRect             bounds;
  TptRect             ink;

  /*< private >*/
  gboolean            for_slide;
  TptRect             frame;
  double              card_width;
  gboolean            compact;
  GDateTime          *date;
  char               *title;
  TptCoverEntry      *entries;
  guint               n_entries;
  GStrv               notes;
  GArray             *breaks;
  double              smallest_text;
  TptCoverageFilter   filter;     /* its nodes and segment owned */
  TptDiff            *changes;    /* marked on a blueprint, for a review */
};

#define TPT_TYPE_ARTEFACT_DRAWING (tpt_artefact_drawing_get_type ())

GType               tpt_artefact_drawing_get_type       (void) G_GNUC_CONST;
TptArtefactDrawing *tpt_artefact_drawing_new            (TptArtefactKind     kind,
                                                         TptDocument        *document,
                                                         TptNode            *target,
                                                         PangoContext       *context);
TptArtefactDrawing *tpt_artefact_drawing_new_filtered   (TptArtefactKind     kind,
                                                         TptDocument        *document,
                                                         TptNode            *target,
                                                         PangoContext       *context,
                                                         const TptCoverageFilter *filter);
TptArtefactDrawing *tpt_artefact_drawing_new_for_slide  (TptArtefactKind     kind,
                                                         TptDocument        *document,
                                                         TptNode            *target,
                                                         PangoContext       *context,
                                                         const char         *title,
                                                         double              frame_width,
                                                         double              frame_height);
TptArtefactDrawing *tpt_artefact_drawing_ref            (TptArtefactDrawing *self);
void                tpt_artefact_drawing_unref          (TptArtefactDrawing *self);
void                tpt_artefact_drawing_set_date       (TptArtefactDrawing *self,
                                                         GDateTime          *date);
void                tpt_artefact_drawing_set_contents   (TptArtefactDrawing *self,
                                                         const TptCoverEntry *entries,
                                                         guint               n_entries,
                                                         const char * const *notes);
void                tpt_artefact_drawing_set_changes    (TptArtefactDrawing *self,
                                                         TptDiff            *changes);
void                tpt_artefact_drawing_render         (TptArtefactDrawing *self,
                                                         cairo_t            *cr,
                                                         const TptTheme     *theme);
void                tpt_artefact_drawing_paginate       (TptArtefactDrawing *self,
                                                         const TptPageRequest *request,
                                                         GArray             *parts);
void                tpt_artefact_drawing_render_part    (TptArtefactDrawing *self,
                                                         cairo_t            *cr,
                                                         const TptTheme     *theme,
                                                         const TptDrawingPart *part);
void                tpt_artefact_drawing_collect_regions (TptArtefactDrawing   *self,
                                                          const TptDrawingPart *part,
                                                          GArray               *regions);
double              tpt_artefact_drawing_get_smallest_text (TptArtefactDrawing *self);
gboolean            tpt_artefact_drawing_has_ink        (TptArtefactDrawing *self,
                                                         const TptTheme     *theme,
                                                         const TptRect      *area);
char               *tpt_artefact_drawing_dup_title      (TptArtefactDrawing *self);
char               *tpt_artefact_dup_title              (TptArtefactKind     kind,
                                                         TptDocument        *document,
                                                         TptNode            *target);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptArtefactDrawing, tpt_artefact_drawing_unref)

G_END_DECLS
