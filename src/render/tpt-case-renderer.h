/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tpt-case-for-change.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

GPtrArray *tpt_case_for_change_sentences (TptCaseForChange *change);

void       tpt_case_for_change_measure   (PangoContext     *context,
                                          TptDocument      *document,
                                          TptBlueprint     *future,
                                          double           *width,
                                          double           *height);
void       tpt_case_for_change_collect_links (PangoContext *context,
                                              TptDocument  *document,
                                              TptBlueprint *future,
                                              GArray       *links);
void       tpt_case_for_change_render    (cairo_t          *cr,
                                          PangoContext     *context,
                                          TptDocument      *document,
                                          TptBlueprint     *future,
                                          const TptTheme   *theme);

G_END_DECLS
