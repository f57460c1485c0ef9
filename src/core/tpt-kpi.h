/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

/* How metrics and service levels stand against their targets. A number
 * meets its target when it is on the better side of it or equal to it; it
 * is at risk when it is on the worse side by at most
 * %TPT_KPI_AT_RISK_MARGIN of the target's size (so a target of 0 has no
 * margin); it misses it beyond that. It is unknown without a target, an
 * actual value or a direction. A step's time target is met when the step
 * takes at most that long: lower is better. */

/**
 * TPT_KPI_AT_RISK_MARGIN:
 *
 * How far past its target, as a share of the target, a number is at risk
 * rather than missed: a tenth.
 */
#define TPT_KPI_AT_RISK_MARGIN 0.1

TptKpiStatus  tpt_kpi_status            (double        target,
                                         double        actual,
                                         TptDirection  direction);
TptKpiStatus  tpt_kpi_card_status       (TptCard      *card);
TptKpiStatus  tpt_kpi_step_status       (TptStep      *step);
const char   *tpt_kpi_status_to_nick    (TptKpiStatus  status);
const char   *tpt_kpi_status_to_string  (TptKpiStatus  status);

G_END_DECLS
