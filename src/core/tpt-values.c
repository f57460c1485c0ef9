/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-values"

#include "config.h"

#include "tpt-values.h"

#include <math.h>
#include <string.h>

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

/* The words a person may write after a number for a length of time, in
 * English and in German, the languages the interface speaks. A night is a
 * day: a stay or a wait of "2 nights" is two days long. */
static const struct { const char *unit; gint64 seconds; } duration_words[] = {
  { "s", 1 }, { "sec", 1 }, { "secs", 1 }, { "second", 1 }, { "seconds", 1 },
  { "m", 60 }, { "min", 60 }, { "mins", 60 }, { "minute", 60 }, { "minutes", 60 },
  { "h", 3600 }, { "hr", 3600 }, { "hrs", 3600 }, { "hour", 3600 }, { "hours", 3600 },
  { "d", 86400 }, { "day", 86400 }, { "days", 86400 },
  { "night", 86400 }, { "nights", 86400 },
  { "w", 604800 }, { "wk", 604800 }, { "week", 604800 }, { "weeks", 604800 },
  { "sek", 1 }, { "sekunde", 1 }, { "sekunden", 1 }, { "minuten", 60 },
  { "std", 3600 }, { "stunde", 3600 }, { "stunden", 3600 },
  { "t", 86400 }, { "tag", 86400 }, { "tage", 86400 }, { "tagen", 86400 },
  { "nacht", 86400 }, { "n\xc3\xa4" "chte", 86400 }, { "n\xc3\xa4" "chten", 86400 },
  { "woche", 604800 }, { "wochen", 604800 },
};

/**
 * tpt_duration_parse_text:
 * @text: (nullable): what a person typed: "15 min", "2 hours", "3 days",
 *   "2 nights", "1 week", "45 s", or ISO 8601 ("PT15M"); empty for no
 *   duration
 * @iso: (out) (transfer full): the duration as documents store it, ISO
 *   8601, or "" for none
 *
 * Reads a length of time written the way people write one. A number
 * (possibly with a decimal point, "1.5 h") and a unit, in English or
 * German; a night counts as a day. Negative lengths are refused.
 *
 * Returns: whether @text is a duration
 */
gboolean
tpt_duration_parse_text (const char  *text,
                         char       **iso)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *unit = NULL;
  gint64 seconds;
  char *end;
  double number;

  g_return_val_if_fail (iso != NULL, FALSE);

  *iso = NULL;
  if (*copy == '\0')
    {
      *iso = g_strdup ("");
      return TRUE;
    }

  if (tpt_duration_parse (copy, &seconds))
    {
      *iso = g_steal_pointer (&copy);
      return TRUE;
    }

  if (!g_utf8_validate (copy, -1, NULL) || !(g_ascii_isdigit (copy[0]) || copy[0] == '.'))
    return FALSE;
  number = g_ascii_strtod (copy, &end);
  if (end == copy || !(number >= 0) || number > 1e7)
    return FALSE;
  /* Plain decimals only, not the hexadecimal or exponents strtod reads. */
  for (const char *p = copy; p < end; p++)
    if (!g_ascii_isdigit (*p) && *p != '.')
      return FALSE;
  while (g_ascii_isspace (*end))
    end++;

  unit = g_utf8_casefold (end, -1);
  for (guint i = 0; i < G_N_ELEMENTS (duration_words); i++)
    if (strcmp (unit, duration_words[i].unit) == 0)
      {
        *iso = tpt_duration_format ((gint64) (number * duration_words[i].seconds + 0.5));
        return *iso != NULL;
      }

  return FALSE;
}

/**
 * tpt_number_parse:
 * @text: (nullable): a number as a document holds it
 * @value: (out) (optional): the number
 *
 * The form documents hold numbers in, and the only one: an optional minus
 * sign, digits, and optionally a point and more digits ("15", "-2.5",
 * "0.75"), at most %TPT_NUMBER_MAX_LENGTH bytes. No exponents, no
 * thousands separators, no infinities: what is written is what a
 * spreadsheet reads back.
 *
 * Returns: %TRUE if @text is such a number
 */
gboolean
tpt_number_parse (const char *text,
                  double     *value)
{
  const char *p = text;
  guint digits = 0;

  if (text == NULL || strlen (text) > TPT_NUMBER_MAX_LENGTH)
    return FALSE;

  if (*p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits++;
  if (digits == 0)
    return FALSE;
  if (*p == '.')
    {
      guint fraction = 0;

      for (p++; g_ascii_isdigit (*p); p++)
        fraction++;
      if (fraction == 0)
        return FALSE;
    }
  if (*p != '\0')
    return FALSE;

  if (value != NULL)
    *value = g_ascii_strtod (text, NULL);
  return TRUE;
}

/**
 * tpt_number_format:
 * @value: a finite number
 *
 * Returns: (transfer full) (nullable): @value in the form
 *   tpt_number_parse() reads, with up to six decimals and no trailing
 *   zeros ("15", "2.5"), or %NULL if it is not finite or too large to
 *   write that way
 */
char *
tpt_number_format (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE + 64];
  char *dot;
  gsize len;

  if (!isfinite (value) || value >= 1e15 || value <= -1e15)
    return NULL;

  g_ascii_formatd (buffer, sizeof buffer, "%.6f", value);
  dot = strchr (buffer, '.');
  if (dot != NULL)
    {
      len = strlen (buffer);
      while (len > 0 && buffer[len - 1] == '0')
        buffer[--len] = '\0';
      if (buffer[len - 1] == '.')
        buffer[--len] = '\0';
    }
  if (strcmp (buffer, "-0") == 0)
    strcpy (buffer, "0");

  return tpt_number_parse (buffer, NULL) ? g_strdup (buffer) : NULL;
}

/**
 * tpt_unit_is_valid:
 * @text: (nullable): a unit, e.g. "%", "days" or "calls per claim"
 *
 * Returns: %TRUE if @text is UTF-8 of at most %TPT_UNIT_MAX_LENGTH
 *   characters, none of them a control character
 */
gboolean
tpt_unit_is_valid (const char *text)
{
  glong length;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return FALSE;

  length = g_utf8_strlen (text, -1);
  if (length > TPT_UNIT_MAX_LENGTH)
    return FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_iscntrl (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}
