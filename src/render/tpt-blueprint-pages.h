/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "tpt-artefact-drawing.h"
#include "tpt-blueprint-layout.h"

G_BEGIN_DECLS

TptRect  tpt_blueprint_pages_get_ink      (const TptBlueprintLayout *layout);
TptRect  tpt_blueprint_pages_get_body     (const TptBlueprintLayout *layout);
double   tpt_blueprint_pages_smallest_text (const TptBlueprintLayout *layout);
void     tpt_blueprint_pages_split        (const TptBlueprintLayout *layout,
                                           double                    width,
                                           double                    height,
                                           guint                     flags,
                                           GArray                   *parts);
void     tpt_blueprint_pages_render_part  (cairo_t                  *cr,
                                           PangoContext             *context,
                                           const TptBlueprintLayout *layout,
                                           const TptTheme           *theme,
                                           TptDiff                  *changes,
                                           const TptDrawingPart     *part);
char    *tpt_blueprint_pages_dup_part_title (const TptBlueprintLayout *layout,
                                             const TptDrawingPart     *part);

G_END_DECLS
