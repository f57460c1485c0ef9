/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The height of rows @first up to @end of something split over pages,
 * with whatever each page repeats (a title, a header row). */
typedef double (*TptPartHeightFunc) (guint    first,
                                     guint    end,
                                     gpointer data);

void tpt_paginate_rows (guint              n_rows,
                        double             available,
                        TptPartHeightFunc  height_of,
                        gpointer           data,
                        GArray            *breaks);

G_END_DECLS
