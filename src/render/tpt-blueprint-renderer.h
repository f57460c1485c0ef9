/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "tpt-blueprint-layout.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

void tpt_blueprint_render (cairo_t                  *cr,
                           const TptBlueprintLayout *layout,
                           const TptTheme           *theme);

G_END_DECLS
