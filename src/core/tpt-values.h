/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Checks and conversions for the values a document holds as text, shared by
 * the setters (which refuse bad values) and the reader (which reports them). */

gboolean tpt_duration_parse    (const char *text,
                                gint64     *seconds);
char    *tpt_duration_format   (gint64      seconds);
gboolean tpt_color_is_valid    (const char *text);
gboolean tpt_id_is_valid       (const char *text);
int      tpt_opportunity_score (int         importance,
                                int         satisfaction);

G_END_DECLS
