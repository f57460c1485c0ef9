/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-canvas.h"

G_BEGIN_DECLS

#define TPT_TYPE_REPORT_PAGE (tpt_report_page_get_type ())

G_DECLARE_FINAL_TYPE (TptReportPage, tpt_report_page, TPT, REPORT_PAGE, TptCanvas)

GtkWidget       *tpt_report_page_new      (TptArtefactKind  kind);
TptArtefactKind  tpt_report_page_get_kind (TptReportPage   *self);

G_END_DECLS
