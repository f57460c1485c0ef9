/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-canvas.h"

G_BEGIN_DECLS

typedef enum
{
  TPT_MATRIX_FIELD_IMPORTANCE,
  TPT_MATRIX_FIELD_SATISFACTION,
} TptMatrixField;

#define TPT_TYPE_MATRIX_PAGE (tpt_matrix_page_get_type ())

G_DECLARE_FINAL_TYPE (TptMatrixPage, tpt_matrix_page, TPT, MATRIX_PAGE, TptCanvas)

GtkWidget *tpt_matrix_page_new               (void);
gboolean   tpt_matrix_page_get_cursor        (TptMatrixPage  *self,
                                              guint          *need,
                                              guint          *persona,
                                              TptMatrixField *field);
gboolean   tpt_matrix_page_is_on_need        (TptMatrixPage  *self);
TptNeed   *tpt_matrix_page_get_selected_need (TptMatrixPage  *self);
gboolean   tpt_matrix_page_need_at           (TptMatrixPage  *self,
                                              double          x,
                                              double          y,
                                              guint          *need);

G_END_DECLS
