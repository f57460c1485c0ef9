/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "tpt-artefact-view.h"
#include "tpt-document.h"

G_BEGIN_DECLS

/**
 * TptMatrixField:
 * @TPT_MATRIX_FIELD_IMPORTANCE: how much the need matters to the persona
 * @TPT_MATRIX_FIELD_SATISFACTION: how well it is served today
 */
typedef enum
{
  TPT_MATRIX_FIELD_IMPORTANCE,
  TPT_MATRIX_FIELD_SATISFACTION,
} TptMatrixField;

#define TPT_TYPE_MATRIX_CANVAS (tpt_matrix_canvas_get_type ())

G_DECLARE_FINAL_TYPE (TptMatrixCanvas, tpt_matrix_canvas, TPT, MATRIX_CANVAS, GObject)

TptMatrixCanvas *tpt_matrix_canvas_new        (TptArtefactView *view);
void             tpt_matrix_canvas_set_cells  (TptMatrixCanvas *self,
                                               TptDocument     *document,
                                               GArray          *cells);
void             tpt_matrix_canvas_draw       (TptMatrixCanvas *self,
                                               cairo_t         *cr,
                                               double           zoom);
gboolean         tpt_matrix_canvas_click      (TptMatrixCanvas *self,
                                               double           x,
                                               double           y);
gboolean         tpt_matrix_canvas_key        (TptMatrixCanvas *self,
                                               guint            keyval,
                                               GdkModifierType  state);
gboolean         tpt_matrix_canvas_get_cursor (TptMatrixCanvas *self,
                                               guint           *need,
                                               guint           *persona,
                                               TptMatrixField  *field);

G_END_DECLS
