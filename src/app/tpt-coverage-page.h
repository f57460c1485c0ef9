/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-canvas.h"

G_BEGIN_DECLS

#define TPT_TYPE_COVERAGE_PAGE (tpt_coverage_page_get_type ())

G_DECLARE_FINAL_TYPE (TptCoveragePage, tpt_coverage_page, TPT, COVERAGE_PAGE, TptCanvas)

GtkWidget *tpt_coverage_page_new (void);

G_END_DECLS
