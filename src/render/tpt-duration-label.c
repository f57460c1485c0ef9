/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-duration-label"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-duration-label.h"
#include "tpt-values.h"

static void
append_unit (GString *label,
             guint    unit,
             int      n)
{
  if (label->len > 0)
    g_string_append_c (label, ' ');

  /* Literal format strings, one per unit, so translators see each plural
   * and the compiler checks each format. */
  switch (unit)
    {
    case 0:
      g_string_append_printf (label, g_dngettext (GETTEXT_PACKAGE, "%d week", "%d weeks", n), n);
      break;
    case 1:
      g_string_append_printf (label, g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", n), n);
      break;
    case 2:
      g_string_append_printf (label, _("%d h"), n);
      break;
    case 3:
      g_string_append_printf (label, _("%d min"), n);
      break;
    default:
      g_string_append_printf (label, _("%d s"), n);
      break;
    }
}

/* The two largest units of @seconds; weeks only when @weeks and the
 * length is whole weeks. */
static char *
label_seconds (gint64   seconds,
               gboolean weeks)
{
  static const gint64 units[] = { 7 * 86400, 86400, 3600, 60, 1 };
  GString *label;
  guint parts = 0;

  if (seconds == 0)
    return g_strdup (_("no time"));

  label = g_string_new (NULL);
  for (guint i = weeks ? 0 : 1; i < G_N_ELEMENTS (units) && parts < 2; i++)
    {
      gint64 n = seconds / units[i];

      /* Weeks only when the duration is whole weeks: "10 days" reads
       * better than "1 week 3 days". */
      if (n == 0 || (i == 0 && seconds % units[i] != 0))
        {
          if (parts > 0)
            break;
          continue;
        }
      seconds -= n * units[i];
      append_unit (label, i, (int) MIN (n, G_MAXINT));
      parts++;
    }

  return g_string_free (label, FALSE);
}

/**
 * tpt_duration_label:
 * @duration: (nullable): an ISO 8601 duration, as steps store them
 *
 * Says a duration the way people write it on a wall: "15 min", "2 days",
 * "1 h 30 min". Only the two largest units are kept, because a step that
 * takes "3 days 2 h 5 min 10 s" is read as "3 days 2 h".
 *
 * Returns: (transfer full) (nullable): the label, or %NULL if @duration is
 *   unset or not a duration
 */
char *
tpt_duration_label (const char *duration)
{
  gint64 seconds;

  if (duration == NULL || !tpt_duration_parse (duration, &seconds))
    return NULL;

  return label_seconds (seconds, TRUE);
}

/**
 * tpt_duration_label_total:
 * @seconds: a sum of durations, at least 0
 *
 * Says a sum of durations as tpt_duration_label() says one, but in days
 * at most, so that totals set side by side read alike: "35 days" and
 * "35 days 45 min", never "5 weeks" beside "35 days".
 *
 * Returns: (transfer full): the label
 */
char *
tpt_duration_label_total (gint64 seconds)
{
  return label_seconds (MAX (seconds, 0), FALSE);
}
