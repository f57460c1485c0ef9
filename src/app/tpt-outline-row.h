/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TPT_TYPE_OUTLINE_ROW (tpt_outline_row_get_type ())

G_DECLARE_FINAL_TYPE (TptOutlineRow, tpt_outline_row, TPT, OUTLINE_ROW, GtkWidget)

GtkWidget *tpt_outline_row_new        (void);
GtkLabel  *tpt_outline_row_get_label  (TptOutlineRow *self);
void       tpt_outline_row_set_icon   (TptOutlineRow *self,
                                       const char    *icon_name);
void       tpt_outline_row_set_detail (TptOutlineRow *self,
                                       const char    *detail);

G_END_DECLS
