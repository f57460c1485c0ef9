/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TPT_TYPE_HISTORY_ROW (tpt_history_row_get_type ())

G_DECLARE_FINAL_TYPE (TptHistoryRow, tpt_history_row, TPT, HISTORY_ROW, GtkListBoxRow)

GtkWidget *tpt_history_row_new       (const char    *label,
                                      const char    *subject,
                                      const char    *tooltip);
void       tpt_history_row_set_marks (TptHistoryRow *self,
                                      gboolean       current,
                                      gboolean       saved);

G_END_DECLS
