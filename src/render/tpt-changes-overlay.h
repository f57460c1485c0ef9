/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "tpt-blueprint-layout.h"
#include "tpt-diff.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

guint    tpt_changes_overlay_render   (cairo_t                  *cr,
                                      const TptBlueprintLayout *layout,
                                      TptDiff                  *diff,
                                      const TptTheme           *theme);
gboolean tpt_changes_overlay_mark_key (cairo_t                  *cr,
                                      const TptRect            *rect,
                                      TptDiff                  *diff,
                                      const char               *key,
                                      const TptTheme           *theme);

G_END_DECLS
