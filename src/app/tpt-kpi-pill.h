/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tpt-document.h"

G_BEGIN_DECLS

#define TPT_TYPE_KPI_PILL (tpt_kpi_pill_get_type ())

G_DECLARE_FINAL_TYPE (TptKpiPill, tpt_kpi_pill, TPT, KPI_PILL, GtkWidget)

GtkWidget    *tpt_kpi_pill_new        (TptNode    *node);
TptNode      *tpt_kpi_pill_get_node   (TptKpiPill *self);
TptKpiStatus  tpt_kpi_pill_get_status (TptKpiPill *self);
const char   *tpt_kpi_pill_get_text   (TptKpiPill *self);

G_END_DECLS
