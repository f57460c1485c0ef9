/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tpt-coverage.h"
#include "tpt-document.h"

G_BEGIN_DECLS

#define TPT_TYPE_FILTER_BAR (tpt_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (TptFilterBar, tpt_filter_bar, TPT, FILTER_BAR, GtkWidget)

GtkWidget *tpt_filter_bar_new          (void);
void       tpt_filter_bar_set_document (TptFilterBar      *self,
                                        TptDocument       *document);
void       tpt_filter_bar_get_filter   (TptFilterBar      *self,
                                        TptCoverageFilter *filter);

G_END_DECLS
