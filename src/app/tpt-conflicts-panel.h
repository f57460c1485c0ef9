/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tpt-document.h"

G_BEGIN_DECLS

#define TPT_TYPE_CONFLICTS_PANEL (tpt_conflicts_panel_get_type ())

G_DECLARE_FINAL_TYPE (TptConflictsPanel, tpt_conflicts_panel, TPT, CONFLICTS_PANEL, GtkWidget)

GtkWidget   *tpt_conflicts_panel_new          (void);
TptDocument *tpt_conflicts_panel_get_document (TptConflictsPanel *self);
void         tpt_conflicts_panel_set_document (TptConflictsPanel *self,
                                               TptDocument       *document);
GtkListBox  *tpt_conflicts_panel_get_list     (TptConflictsPanel *self);

G_END_DECLS
