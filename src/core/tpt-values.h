/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks and conversions for the values a document holds as text, shared by
 * the setters (which refuse bad values) and the reader (which reports them). */

gboolean tpt_duration_parse    (const char *text,
                                gint64     *seconds);
char    *tpt_duration_format   (gint64      seconds);
gboolean tpt_duration_parse_text (const char  *text,
                                  char       **iso);
gboolean tpt_color_is_valid    (const char *text);
gboolean tpt_id_is_valid       (const char *text);
int      tpt_opportunity_score (int         importance,
                                int         satisfaction);

/**
 * TPT_NUMBER_MAX_LENGTH:
 *
 * The longest a number a document holds as text may be, in bytes.
 */
#define TPT_NUMBER_MAX_LENGTH 24

/**
 * TPT_UNIT_MAX_LENGTH:
 *
 * The most characters a metric's unit may have: "%", "days", "calls per
 * claim" fit; a paragraph does not.
 */
#define TPT_UNIT_MAX_LENGTH 32

gboolean tpt_number_parse      (const char *text,
                                double     *value);
char    *tpt_number_format     (double      value);
gboolean tpt_unit_is_valid     (const char *text);

G_END_DECLS
