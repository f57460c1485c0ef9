/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tpt-document.h"
#include "tpt-persona.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

/* The width of a persona card in the gallery, in points. */
#define TPT_PERSONA_CARD_WIDTH 250.0

double tpt_persona_card_measure   (PangoContext   *context,
                                   TptPersona     *persona,
                                   double          width);
double tpt_persona_card_render    (cairo_t        *cr,
                                   PangoContext   *context,
                                   TptPersona     *persona,
                                   const TptTheme *theme,
                                   double          width);

void   tpt_persona_gallery_measure (PangoContext  *context,
                                    TptDocument   *document,
                                    double        *width,
                                    double        *height);
void   tpt_persona_gallery_render  (cairo_t        *cr,
                                    PangoContext   *context,
                                    TptDocument    *document,
                                    const TptTheme *theme);
double tpt_persona_gallery_paginate (PangoContext   *context,
                                     TptDocument    *document,
                                     double          page_width,
                                     double          page_height,
                                     GArray         *breaks);
void   tpt_persona_gallery_render_part (cairo_t        *cr,
                                        PangoContext   *context,
                                        TptDocument    *document,
                                        const TptTheme *theme,
                                        guint           first,
                                        guint           end,
                                        double         *height);

G_END_DECLS
