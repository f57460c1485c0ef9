/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-values"

#include "config.h"

#include "tpt-values.h"

/* Reads one "<digits><designator>" group of an ISO 8601 duration. */
static gboolean
read_group (const char **p,
            guint64     *number,
            char        *designator)
{
  const char *s = *p;
  guint64 n = 0;
  guint digits = 0;

  while (g_ascii_isdigit (*s))
    {
      if (++digits > 9)
        return FALSE;
      n = n * 10 + (guint64)(*s - '0');
      s++;
    }
  if (digits == 0 || *s == '\0')
    return FALSE;

  *number = n;
  *designator = *s;
  *p = s + 1;
  return TRUE;
}

/**
 * tpt_duration_parse:
 * @text: an ISO 8601 duration such as "PT15M", "P2D" or "P1DT2H30M"
 * @seconds: (out) (optional): the length in seconds, taking a month as 30
 *   days and a year as 365
 *
 * Only whole numbers are accepted; weeks ("P2W") stand alone, as the
 * standard says.
 *
 * Returns: %TRUE if @text is a duration
 */
gboolean
tpt_duration_parse (const char *text,
                    gint64     *seconds)
{
  static const struct { char designator; gint64 seconds; } date_units[] = {
    { 'Y', 365 * 86400 }, { 'M', 30 * 86400 }, { 'W', 7 * 86400 }, { 'D', 86400 },
  };
  static const struct { char designator; gint64 seconds; } time_units[] = {
    { 'H', 3600 }, { 'M', 60 }, { 'S', 1 },
  };
  const char *p = text;
  gint64 total = 0;
  guint next = 0;
  guint groups = 0;
  gboolean weeks = FALSE;

  if (text == NULL || *p++ != 'P')
    return FALSE;

  while (*p != '\0' && *p != 'T')
    {
      guint64 n;
      char d;

      if (!read_group (&p, &n, &d))
        return FALSE;
      while (next < G_N_ELEMENTS (date_units) && date_units[next].designator != d)
        next++;
      if (next == G_N_ELEMENTS (date_units))
        return FALSE;
      weeks |= d == 'W';
      total += (gint64)n * date_units[next++].seconds;
      groups++;
    }

  if (*p == 'T')
    {
      guint time_groups = 0;

      p++;
      next = 0;
      while (*p != '\0')
        {
          guint64 n;
          char d;

          if (!read_group (&p, &n, &d))
            return FALSE;
          while (next < G_N_ELEMENTS (time_units) && time_units[next].designator != d)
            next++;
          if (next == G_N_ELEMENTS (time_units))
            return FALSE;
          total += (gint64)n * time_units[next++].seconds;
          time_groups++;
        }
      if (time_groups == 0)
        return FALSE;
      groups += time_groups;
    }

  if (groups == 0 || (weeks && groups != 1))
    return FALSE;

  if (seconds != NULL)
    *seconds = total;
  return TRUE;
}

/**
 * tpt_duration_format:
 * @seconds: a length of time, at least 0
 *
 * Returns: (transfer full): the shortest ISO 8601 duration for @seconds in
 *   days, hours, minutes and seconds, e.g. "P1DT2H"
 */
char *
tpt_duration_format (gint64 seconds)
{
  GString *str = g_string_new ("P");
  gint64 days = seconds / 86400;
  gint64 hours = seconds % 86400 / 3600;
  gint64 minutes = seconds % 3600 / 60;
  gint64 secs = seconds % 60;

  g_return_val_if_fail (seconds >= 0, g_string_free (str, TRUE));

  if (days > 0)
    g_string_append_printf (str, "%" G_GINT64_FORMAT "D", days);
  if (hours > 0 || minutes > 0 || secs > 0 || days == 0)
    {
      g_string_append_c (str, 'T');
      if (hours > 0)
        g_string_append_printf (str, "%" G_GINT64_FORMAT "H", hours);
      if (minutes > 0)
        g_string_append_printf (str, "%" G_GINT64_FORMAT "M", minutes);
      if (secs > 0 || (hours == 0 && minutes == 0))
        g_string_append_printf (str, "%" G_GINT64_FORMAT "S", secs);
    }

  return g_string_free (str, FALSE);
}

/**
 * tpt_color_is_valid:
 * @text: a colour
 *
 * Returns: %TRUE if @text is "#" and six hexadecimal digits
 */
gboolean
tpt_color_is_valid (const char *text)
{
  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;

  for (guint i = 1; i < 7; i++)
    if (!g_ascii_isxdigit (text[i]))
      return FALSE;

  return TRUE;
}

/**
 * tpt_id_is_valid:
 * @text: an id
 *
 * Ids are ASCII names (a letter or underscore, then letters, digits, "_",
 * "-" or "."), at most 64 bytes, so they can be listed space-separated and
 * used as XML names.
 *
 * Returns: %TRUE if @text can be an id
 */
gboolean
tpt_id_is_valid (const char *text)
{
  gsize len;

  if (text == NULL || !(g_ascii_isalpha (text[0]) || text[0] == '_'))
    return FALSE;

  len = strlen (text);
  if (len > 64)
    return FALSE;

  for (gsize i = 1; i < len; i++)
    if (!(g_ascii_isalnum (text[i]) || text[i] == '_' || text[i] == '-' || text[i] == '.'))
      return FALSE;

  return TRUE;
}

/**
 * tpt_opportunity_score:
 * @importance: 0 to 10, or -1 when unset
 * @satisfaction: 0 to 10, or -1 when unset
 *
 * The outcome-driven innovation score: importance + max(importance −
 * satisfaction, 0). 10 or more is worth a look, 12 strong, 15 extreme.
 *
 * Returns: the score, 0 to 20, or -1 when it is unknown because either
 *   rating is unset
 */
int
tpt_opportunity_score (int importance,
                       int satisfaction)
{
  if (importance < 0 || satisfaction < 0)
    return -1;

  return importance + MAX (importance - satisfaction, 0);
}
