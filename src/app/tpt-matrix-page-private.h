/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-matrix-page.h"

#include "tpt-matrix-renderer.h"

G_BEGIN_DECLS

/* The page's state, shared by the files that make it up: the cursor,
 * following the window's selection, and drawing (tpt-matrix-page.c);
 * keys and clicks (-input.c); the actions on needs, the context menu and
 * renaming (-actions.c); and dragging a need by its label
 * (tpt-need-move-tool.c). */

struct _TptMatrixPage
{
  TptCanvas           parent_instance;

  /* owned */
  GArray             *cells;        /* TptMatrixCell, row by row */
  GArray             *links;        /* TptLink: the cards named as serving needs */
  /* The need the cursor is on, so it stays on it as rows move. */
  TptNeed            *current;
  TptNeed            *renaming;
  /* A need just added, to rename once it is laid out. */
  TptNeed            *pending_rename;

  /* borrowed: the canvas's */
  TptDocument        *document;

  /* The cursor: a rating cell, or the row header of need @need, which
   * selects the need as a whole. */
  gboolean            has_cursor;
  gboolean            on_header;
  guint               need;
  guint               persona;
  TptMatrixField      field;
  gint64              last_digit;   /* when "1" was typed in this cell, or 0 */
  /* Whether to scroll to the cursor once the matrix is laid out again. */
  gboolean            scroll_pending;
  /* Set while the cursor follows the window's selection, which must not
   * be echoed back. */
  gboolean            following;
};

const TptMatrixCell *tpt_matrix_page_find           (TptMatrixPage     *self,
                                                     TptMatrixCellKind  kind,
                                                     guint              need,
                                                     guint              persona);
guint                tpt_matrix_page_index_in       (GListModel        *model,
                                                     gpointer           item);
guint                tpt_matrix_page_n_needs        (TptMatrixPage     *self);
guint                tpt_matrix_page_n_personas     (TptMatrixPage     *self);
gboolean             tpt_matrix_page_has_rows       (TptMatrixPage     *self);
void                 tpt_matrix_page_moved          (TptMatrixPage     *self);
void                 tpt_matrix_page_hide_cursor    (TptMatrixPage     *self);
void                 tpt_matrix_page_move_to_need   (TptMatrixPage     *self,
                                                     guint              need,
                                                     gboolean           on_header);
void                 tpt_matrix_page_announce       (TptMatrixPage     *self);
void                 tpt_matrix_page_click          (TptMatrixPage     *self,
                                                     double             x,
                                                     double             y,
                                                     int                n_press);
void                 tpt_matrix_page_class_add_keys (GtkWidgetClass    *widget_class);
void                 tpt_matrix_page_class_add_actions (GtkWidgetClass *widget_class);
void                 tpt_matrix_page_update_actions (TptMatrixPage     *self);
void                 tpt_matrix_page_popup_menu     (TptMatrixPage     *self,
                                                     double             x,
                                                     double             y);
void                 tpt_matrix_page_popup_menu_at_cursor (TptMatrixPage *self);
void                 tpt_matrix_page_open_rename    (TptMatrixPage     *self,
                                                     TptNeed           *need);
void                 tpt_matrix_page_move_need      (TptMatrixPage     *self,
                                                     guint              need,
                                                     guint              position);

G_END_DECLS
