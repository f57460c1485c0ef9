/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean     tpt_page_size_lookup (const char *name,
                                   double     *width,
                                   double     *height);
char        *tpt_page_size_list   (void);

G_END_DECLS
