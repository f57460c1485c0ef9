/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The user's help: the Mallard pages in help/C, read in the desktop's help
 * browser (yelp) when there is one and the pages are installed where it looks,
 * or else the HTML copy built from them, in the web browser. */

/* Where the online copy is, for a build with neither. */
#define TPT_HELP_ONLINE_URI "https://github.com/touchpoint/touchpoint#the-application"

char *tpt_help_dup_uri (const char *page);
void  tpt_help_show    (GtkWindow  *parent,
                        const char *page);

G_END_DECLS
