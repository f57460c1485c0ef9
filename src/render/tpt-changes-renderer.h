/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tpt-diff.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

void   tpt_changes_report_measure     (PangoContext   *context,
                                       TptDiff        *diff,
                                       const char     *since,
                                       double         *width,
                                       double         *height);
void   tpt_changes_report_render      (cairo_t        *cr,
                                       PangoContext   *context,
                                       TptDiff        *diff,
                                       const char     *since,
                                       const TptTheme *theme);
double tpt_changes_report_paginate    (PangoContext   *context,
                                       TptDiff        *diff,
                                       const char     *since,
                                       double          page_width,
                                       double          page_height,
                                       GArray         *breaks);
void   tpt_changes_report_render_part (cairo_t        *cr,
                                       PangoContext   *context,
                                       TptDiff        *diff,
                                       const char     *since,
                                       const TptTheme *theme,
                                       guint           first,
                                       guint           end);

G_END_DECLS
