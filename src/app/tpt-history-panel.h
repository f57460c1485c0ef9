/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "tpt-history.h"

G_BEGIN_DECLS

#define TPT_TYPE_HISTORY_PANEL (tpt_history_panel_get_type ())

G_DECLARE_FINAL_TYPE (TptHistoryPanel, tpt_history_panel, TPT, HISTORY_PANEL, GtkWidget)

GtkWidget  *tpt_history_panel_new         (void);
TptHistory *tpt_history_panel_get_history (TptHistoryPanel *self);
void        tpt_history_panel_set_history (TptHistoryPanel *self,
                                           TptHistory      *history);
GtkListBox *tpt_history_panel_get_list    (TptHistoryPanel *self);

G_END_DECLS
