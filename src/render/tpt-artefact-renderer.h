/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-artefact-drawing.h"

G_BEGIN_DECLS

/**
 * TptArtefactRenderer:
 * @kind: the artefact the row is for
 * @document_order: where the artefact comes in a whole-document export or
 *   print (lower first); 0 for artefacts that are not in one
 * @prepare: measures the drawing: sets its bounds and ink, and makes its
 *   layout
 * @render: draws the whole drawing at its own size from the origin; the
 *   paper under it is the caller's
 * @paginate: (nullable): splits the drawing into parts for pages; %NULL
 *   draws it whole on one page, scaled to fit
 * @render_part: (nullable): draws one part at its own size from the
 *   origin; needed with @paginate
 * @collect_regions: (nullable): notes where the drawing (or one part of
 *   it, if a part is given) names nodes, for views to hit-test and
 *   exports to link
 * @list_targets: (nullable): adds the nodes (or %NULL, for an artefact of
 *   the whole document) that a whole-document export shows an artefact of
 *   this kind for, in order; nothing when the document has nothing to show
 *   in one
 *
 * One row of the renderer table: how one kind of artefact (a row of the
 * artefact table in core) is measured, drawn, split over pages and
 * hit-tested. The screen, export, print, posters and slides all draw
 * through it, so a new kind of artefact is a row here and one in core.
 */
typedef struct
{
  TptArtefactKind kind;
  guint           document_order;
  void          (*prepare)         (TptArtefactDrawing   *drawing);
  void          (*render)          (TptArtefactDrawing   *drawing,
                                    cairo_t              *cr,
                                    const TptTheme       *theme);
  void          (*paginate)        (TptArtefactDrawing   *drawing,
                                    const TptPageRequest *request,
                                    GArray               *parts);
  void          (*render_part)     (TptArtefactDrawing   *drawing,
                                    cairo_t              *cr,
                                    const TptTheme       *theme,
                                    const TptDrawingPart *part);
  void          (*collect_regions) (TptArtefactDrawing   *drawing,
                                    const TptDrawingPart *part,
                                    GArray               *regions);
  void          (*list_targets)    (TptDocument          *document,
                                    GPtrArray            *targets);
} TptArtefactRenderer;

const TptArtefactRenderer *tpt_artefact_renderer_get           (TptArtefactKind kind);
GArray                    *tpt_artefact_renderer_document_kinds (void);

G_END_DECLS
