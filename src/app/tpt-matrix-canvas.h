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
void             tpt_matrix_canvas_allocate   (TptMatrixCanvas *self);
void             tpt_matrix_canvas_shutdown   (TptMatrixCanvas *self);

gboolean         tpt_matrix_canvas_get_cursor (TptMatrixCanvas *self,
                                               guint           *need,
                                               guint           *persona,
                                               TptMatrixField  *field);
gboolean         tpt_matrix_canvas_is_on_need (TptMatrixCanvas *self);
TptNeed         *tpt_matrix_canvas_get_selected_need (TptMatrixCanvas *self);
void             tpt_matrix_canvas_select_node (TptMatrixCanvas *self,
                                                TptNode         *node);
GtkWidget       *tpt_matrix_canvas_get_editor (TptMatrixCanvas *self);

/* Gestures, as the view's input turns into them, and as tests drive them:
 * points are in the matrix's coordinates. */
gboolean         tpt_matrix_canvas_click      (TptMatrixCanvas *self,
                                               double           x,
                                               double           y,
                                               int              n_press);
gboolean         tpt_matrix_canvas_key        (TptMatrixCanvas *self,
                                               guint            keyval,
                                               GdkModifierType  state);
gboolean         tpt_matrix_canvas_drag_begin (TptMatrixCanvas *self,
                                               double           x,
                                               double           y);
void             tpt_matrix_canvas_drag_update (TptMatrixCanvas *self,
                                                double           x,
                                                double           y);
void             tpt_matrix_canvas_drag_end   (TptMatrixCanvas *self,
                                               double           x,
                                               double           y);
gboolean         tpt_matrix_canvas_need_at    (TptMatrixCanvas *self,
                                               double           x,
                                               double           y,
                                               guint           *need);

G_END_DECLS
