/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tpt-diff.h"
#include "tpt-document.h"

G_BEGIN_DECLS

#define TPT_TYPE_CHANGES_PANEL (tpt_changes_panel_get_type ())

G_DECLARE_FINAL_TYPE (TptChangesPanel, tpt_changes_panel, TPT, CHANGES_PANEL, GtkWidget)

GtkWidget   *tpt_changes_panel_new               (void);
void         tpt_changes_panel_set_document      (TptChangesPanel *self,
                                                  TptDocument     *document,
                                                  GFile           *file);
TptDocument *tpt_changes_panel_get_document      (TptChangesPanel *self);
void         tpt_changes_panel_compare_with      (TptChangesPanel *self,
                                                  TptDocument     *older,
                                                  const char      *name);
void         tpt_changes_panel_compare_with_file (TptChangesPanel *self,
                                                  GFile           *file,
                                                  const char      *name);
void         tpt_changes_panel_stop              (TptChangesPanel *self);
TptDiff     *tpt_changes_panel_get_diff          (TptChangesPanel *self);
TptDocument *tpt_changes_panel_get_older         (TptChangesPanel *self);
const char  *tpt_changes_panel_get_since         (TptChangesPanel *self);
GtkListBox  *tpt_changes_panel_get_list          (TptChangesPanel *self);

G_END_DECLS
