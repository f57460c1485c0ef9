/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-kpi-label"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-kpi-label.h"

#include "tpt-duration-label.h"
#include "tpt-kpi.h"
#include "tpt-values.h"

/* How metrics and their targets are said on cards, pages and in reports. */

/**
 * tpt_kpi_label_value:
 * @number: a number as a card holds it
 * @unit: (nullable): its unit
 *
 * Returns: (transfer full): @number with its unit: "38%" (a percent sign
 *   or other symbol follows the number), "9 working days"
 */
char *
tpt_kpi_label_value (const char *number,
                     const char *unit)
{
  g_return_val_if_fail (number != NULL, NULL);

  if (unit == NULL || unit[0] == '\0')
    return g_strdup (number);
  if (g_str_equal (unit, "%") || g_str_equal (unit, "‰"))
    return g_strconcat (number, unit, NULL);
  /* Translators: a number and its unit, e.g. "9 working days". */
  return g_strdup_printf (_("%s %s"), number, unit);
}

/**
 * tpt_kpi_label_card:
 * @card: a card
 *
 * Returns: (transfer full) (nullable): what a metric card measures and
 *   aims for, e.g. "38% · target ≤ 15%", "target ≥ 80%"; %NULL when it has
 *   neither a target nor an actual value
 */
char *
tpt_kpi_label_card (TptCard *card)
{
  const char *target = tpt_card_get_target (card);
  const char *actual = tpt_card_get_actual (card);
  const char *unit = tpt_card_get_unit (card);
  g_autofree char *target_text = NULL;
  g_autofree char *actual_text = NULL;
  g_autofree char *aim = NULL;

  g_return_val_if_fail (TPT_IS_CARD (card), NULL);

  if (tpt_card_get_actual_value (card, NULL))
    actual_text = tpt_kpi_label_value (actual, unit);
  if (tpt_card_get_target_value (card, NULL))
    {
      target_text = tpt_kpi_label_value (target, unit);
      switch (tpt_card_get_direction (card))
        {
        case TPT_DIRECTION_LOWER:
          /* Translators: a metric's target where less is better. */
          aim = g_strdup_printf (_("target ≤ %s"), target_text);
          break;
        case TPT_DIRECTION_HIGHER:
          /* Translators: a metric's target where more is better. */
          aim = g_strdup_printf (_("target ≥ %s"), target_text);
          break;
        case TPT_DIRECTION_NONE:
        default:
          /* Translators: a metric's target, whether more or less is better unsaid. */
          aim = g_strdup_printf (_("target %s"), target_text);
          break;
        }
    }

  if (actual_text != NULL && aim != NULL)
    /* Translators: a metric's value, then its target, e.g. "38% · target ≤ 15%". */
    return g_strdup_printf (_("%s · %s"), actual_text, aim);
  if (aim != NULL)
    return g_steal_pointer (&aim);
  return g_steal_pointer (&actual_text);
}

/**
 * tpt_kpi_label_step:
 * @step: a step
 *
 * Returns: (transfer full) (nullable): a step's time target and how it
 *   stands, e.g. "target 20 min: missed"; %NULL without a target
 */
char *
tpt_kpi_label_step (TptStep *step)
{
  g_autofree char *target = NULL;
  g_autofree char *word = NULL;
  TptKpiStatus status;

  g_return_val_if_fail (TPT_IS_STEP (step), NULL);

  target = tpt_duration_label (tpt_step_get_target (step));
  if (target == NULL)
    return NULL;

  status = tpt_kpi_step_status (step);
  if (status == TPT_KPI_UNKNOWN)
    /* Translators: a step's time target, e.g. "target 20 min". */
    return g_strdup_printf (_("target %s"), target);
  word = g_utf8_strdown (tpt_kpi_status_to_string (status), -1);
  /* Translators: a step's time target and whether its duration meets it,
   * e.g. "target 20 min: missed". */
  return g_strdup_printf (_("target %s: %s"), target, word);
}

/**
 * tpt_kpi_label_step_detail:
 * @step: a step
 *
 * Returns: (transfer full) (nullable): a step's duration against its time
 *   target, for a list where the status has a column of its own:
 *   "45 min · target ≤ 20 min", "no duration · target ≤ 3 days"; %NULL
 *   without a target
 */
char *
tpt_kpi_label_step_detail (TptStep *step)
{
  g_autofree char *limit = NULL;
  g_autofree char *target = NULL;
  g_autofree char *duration = NULL;
  gint64 seconds;

  g_return_val_if_fail (TPT_IS_STEP (step), NULL);

  limit = tpt_duration_label (tpt_step_get_target (step));
  if (limit == NULL)
    return NULL;
  /* Translators: a metric's target where less is better. */
  target = g_strdup_printf (_("target ≤ %s"), limit);
  if (tpt_duration_parse (tpt_step_get_duration (step), &seconds))
    duration = tpt_kpi_label_seconds (seconds);
  else
    duration = g_strdup (_("no duration"));
  /* Translators: a step's duration and its time target, e.g. "45 min · target ≤ 20 min". */
  return g_strdup_printf (_("%s · %s"), duration, target);
}

/**
 * tpt_kpi_label_seconds:
 * @seconds: a length of time, at least 0
 *
 * Returns: (transfer full): @seconds said as tpt_duration_label_total()
 *   says sums of durations, in days at most, e.g. "67 days 3 h"
 */
char *
tpt_kpi_label_seconds (gint64 seconds)
{
  return tpt_duration_label_total (seconds);
}
