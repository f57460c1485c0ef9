/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-kpi"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-kpi.h"

#include "tpt-enum-types.h"
#include "tpt-values.h"

#include <math.h>

/**
 * tpt_kpi_status:
 * @target: the number aimed for
 * @actual: the number measured
 * @direction: whether more or less is better
 *
 * Returns: where @actual stands against @target; see the description of
 *   this file for the rules
 */
TptKpiStatus
tpt_kpi_status (double       target,
                double       actual,
                TptDirection direction)
{
  double shortfall;

  if (!isfinite (target) || !isfinite (actual))
    return TPT_KPI_UNKNOWN;

  switch (direction)
    {
    case TPT_DIRECTION_HIGHER:
      shortfall = target - actual;
      break;
    case TPT_DIRECTION_LOWER:
      shortfall = actual - target;
      break;
    case TPT_DIRECTION_NONE:
    default:
      return TPT_KPI_UNKNOWN;
    }

  if (shortfall <= 0)
    return TPT_KPI_MET;
  /* A hair of slack, so that 110 against 100 is at risk whatever the
   * rounding of a tenth of 100. */
  if (shortfall <= TPT_KPI_AT_RISK_MARGIN * ABS (target) * (1 + 1e-9))
    return TPT_KPI_AT_RISK;
  return TPT_KPI_MISSED;
}

/**
 * tpt_kpi_card_status:
 * @card: a card
 *
 * Returns: how a metric card stands against its target; unknown for a
 *   card that is not a metric, or lacks a target, an actual value or a
 *   direction
 */
TptKpiStatus
tpt_kpi_card_status (TptCard *card)
{
  double target, actual;

  g_return_val_if_fail (TPT_IS_CARD (card), TPT_KPI_UNKNOWN);

  if (tpt_card_get_kind (card) != TPT_CARD_KIND_METRIC ||
      !tpt_card_get_target_value (card, &target) ||
      !tpt_card_get_actual_value (card, &actual))
    return TPT_KPI_UNKNOWN;

  return tpt_kpi_status (target, actual, tpt_card_get_direction (card));
}

/**
 * tpt_kpi_step_status:
 * @step: a step
 *
 * Returns: how a step's duration stands against its time target; unknown
 *   without either
 */
TptKpiStatus
tpt_kpi_step_status (TptStep *step)
{
  gint64 target, duration;

  g_return_val_if_fail (TPT_IS_STEP (step), TPT_KPI_UNKNOWN);

  if (!tpt_duration_parse (tpt_step_get_target (step), &target) ||
      !tpt_duration_parse (tpt_step_get_duration (step), &duration))
    return TPT_KPI_UNKNOWN;

  return tpt_kpi_status ((double) target, (double) duration, TPT_DIRECTION_LOWER);
}

/**
 * tpt_kpi_status_to_nick:
 * @status: a status
 *
 * Returns: the word for @status in reports and JSON: "met", "at-risk",
 *   "missed" or "unknown"
 */
const char *
tpt_kpi_status_to_nick (TptKpiStatus status)
{
  return tpt_enum_to_nick (TPT_TYPE_KPI_STATUS, status);
}

/**
 * tpt_kpi_status_to_string:
 * @status: a status
 *
 * Returns: @status in words, translated: "Met", "At risk", "Missed",
 *   "Unknown"
 */
const char *
tpt_kpi_status_to_string (TptKpiStatus status)
{
  switch (status)
    {
    case TPT_KPI_MET:
      /* Translators: a metric meets its target. */
      return _("Met");
    case TPT_KPI_AT_RISK:
      /* Translators: a metric is just past its target (within a tenth). */
      return _("At risk");
    case TPT_KPI_MISSED:
      /* Translators: a metric misses its target. */
      return _("Missed");
    case TPT_KPI_UNKNOWN:
    default:
      /* Translators: a metric's status is unknown: no target or value. */
      return _("Unknown");
    }
}
