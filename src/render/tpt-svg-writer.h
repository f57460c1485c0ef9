/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tpt-artefact-drawing.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

gboolean tpt_svg_write (TptArtefactDrawing  *drawing,
                        const TptTheme      *theme,
                        GOutputStream       *stream,
                        GHashTable          *missing,
                        GCancellable        *cancellable,
                        GError             **error);

G_END_DECLS
