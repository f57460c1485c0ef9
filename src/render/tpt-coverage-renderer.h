/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tpt-coverage.h"
#include "tpt-document.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

void tpt_coverage_report_measure (PangoContext   *context,
                                  TptDocument    *document,
                                  double         *width,
                                  double         *height);
void tpt_coverage_report_render  (cairo_t        *cr,
                                  PangoContext   *context,
                                  TptDocument    *document,
                                  const TptTheme *theme);

void tpt_coverage_report_collect_links (PangoContext   *context,
                                        TptDocument    *document,
                                        GArray         *links);

void tpt_coverage_report_measure_filtered       (PangoContext            *context,
                                                 TptDocument             *document,
                                                 const TptCoverageFilter *filter,
                                                 double                  *width,
                                                 double                  *height);
void tpt_coverage_report_render_filtered        (cairo_t                 *cr,
                                                 PangoContext            *context,
                                                 TptDocument             *document,
                                                 const TptTheme          *theme,
                                                 const TptCoverageFilter *filter);
void tpt_coverage_report_collect_links_filtered (PangoContext            *context,
                                                 TptDocument             *document,
                                                 const TptCoverageFilter *filter,
                                                 GArray                  *links);
void tpt_coverage_report_collect_breaks          (PangoContext            *context,
                                                 TptDocument             *document,
                                                 const TptCoverageFilter *filter,
                                                 GArray                  *breaks);

G_END_DECLS
