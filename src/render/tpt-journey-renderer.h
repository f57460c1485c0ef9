/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tpt-document.h"
#include "tpt-journey.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

char *tpt_journey_time_text      (const TptJourneyTime *time);
char *tpt_journey_team_text      (const char           *team);

void  tpt_journey_report_measure (PangoContext         *context,
                                  TptDocument          *document,
                                  double               *width,
                                  double               *height);
void  tpt_journey_report_collect_breaks (PangoContext *context,
                                        TptDocument  *document,
                                        GArray       *breaks);
void  tpt_journey_report_collect_links (PangoContext *context,
                                        TptDocument  *document,
                                        GArray       *links);
void  tpt_journey_report_render  (cairo_t              *cr,
                                  PangoContext         *context,
                                  TptDocument          *document,
                                  const TptTheme       *theme);

G_END_DECLS
