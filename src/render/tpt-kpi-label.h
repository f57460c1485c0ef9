/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

char *tpt_kpi_label_value       (const char *number,
                                 const char *unit);
char *tpt_kpi_label_card        (TptCard    *card);
char *tpt_kpi_label_step        (TptStep    *step);
char *tpt_kpi_label_step_detail (TptStep    *step);
char *tpt_kpi_label_seconds     (gint64      seconds);

G_END_DECLS
