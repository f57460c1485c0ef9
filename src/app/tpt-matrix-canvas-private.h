/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "tpt-matrix-canvas.h"

#include "tpt-matrix-renderer.h"

G_BEGIN_DECLS

/* The canvas's state, shared by the files that make it up: the cursor,
 * following the window, and drawing (tpt-matrix-canvas.c); keys, clicks
 * and dragging (-input.c); and the actions on needs, the context menu and
 * the rename popover (-actions.c). */

struct _TptMatrixCanvas
{
  GObject             parent_instance;

  TptArtefactView    *view;         /* unowned: the view owns us */
  TptDocument        *document;
  GArray             *cells;        /* TptMatrixCell, row by row */
  GSimpleActionGroup *actions;

  /* The cursor: a rating cell, or the row header of need @need, which
   * selects the need as a whole. */
  gboolean            has_cursor;
  gboolean            on_header;
  guint               need;
  guint               persona;
  TptMatrixField      field;
  gint64              last_digit;   /* when "1" was typed in this cell, or 0 */
  /* The need the cursor is on, so it stays on it as rows move. */
  TptNeed            *current;
  /* Whether to scroll to the cursor once the matrix is laid out again. */
  gboolean            scroll_pending;

  /* A row header dragged to reorder the needs. */
  gboolean            dragging;
  guint               drag_need;
  guint               drop_index;   /* where it would go, as for tpt_document_move_need() */
  gboolean            drop_valid;

  GtkWidget          *menu;
  GtkWidget          *rename_popover;
  GtkWidget          *rename_entry;
  TptNeed            *renaming;
  /* A need just added, to rename once it is laid out. */
  TptNeed            *pending_rename;

  /* Set while following a selection made elsewhere, which must not be
   * echoed back. */
  gboolean            following;
};

const TptMatrixCell *tpt_matrix_canvas_find         (TptMatrixCanvas   *self,
                                                     TptMatrixCellKind  kind,
                                                     guint              need,
                                                     guint              persona);
guint                tpt_matrix_canvas_index_in     (GListModel        *model,
                                                     gpointer           item);
guint                tpt_matrix_canvas_n_needs      (TptMatrixCanvas   *self);
guint                tpt_matrix_canvas_n_personas   (TptMatrixCanvas   *self);
gboolean             tpt_matrix_canvas_has_rows     (TptMatrixCanvas   *self);
void                 tpt_matrix_canvas_moved        (TptMatrixCanvas   *self);
void                 tpt_matrix_canvas_hide_cursor  (TptMatrixCanvas   *self);
void                 tpt_matrix_canvas_add_controllers (TptMatrixCanvas *self);
void                 tpt_matrix_canvas_move_to_need (TptMatrixCanvas   *self,
                                                     guint              need,
                                                     gboolean           on_header);
void                 tpt_matrix_canvas_announce     (TptMatrixCanvas   *self);
void                 tpt_matrix_canvas_add_actions  (TptMatrixCanvas   *self);
void                 tpt_matrix_canvas_update_actions (TptMatrixCanvas *self);
void                 tpt_matrix_canvas_popup_menu   (TptMatrixCanvas   *self,
                                                     double             x,
                                                     double             y);
void                 tpt_matrix_canvas_popup_menu_at_cursor (TptMatrixCanvas *self);
void                 tpt_matrix_canvas_menu_closed_cb (TptMatrixCanvas *self);
void                 tpt_matrix_canvas_open_rename  (TptMatrixCanvas   *self,
                                                     TptNeed           *need);
void                 tpt_matrix_canvas_setup_rename (TptMatrixCanvas   *self);
void                 tpt_matrix_canvas_move_need    (TptMatrixCanvas   *self,
                                                     guint              need,
                                                     guint              position);

G_END_DECLS
