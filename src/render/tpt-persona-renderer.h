/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tpt-document.h"
#include "tpt-geometry.h"
#include "tpt-persona.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

const char *tpt_persona_render_get_failure (cairo_surface_t *surface);

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

/**
 * TptPersonaField:
 * @TPT_PERSONA_FIELD_CARD: the whole card
 * @TPT_PERSONA_FIELD_AVATAR: the photo or initials
 * @TPT_PERSONA_FIELD_NAME: the name
 * @TPT_PERSONA_FIELD_ROLE: the role
 * @TPT_PERSONA_FIELD_SEGMENT: the segment line
 * @TPT_PERSONA_FIELD_QUOTE: the quote
 * @TPT_PERSONA_FIELD_GOALS: the goals, with their heading
 * @TPT_PERSONA_FIELD_FRUSTRATIONS: the frustrations
 * @TPT_PERSONA_FIELD_BEHAVIOURS: the behaviours
 * @TPT_PERSONA_FIELD_CHANNELS: the preferred channels
 * @TPT_PERSONA_FIELD_FACTS: the facts
 *
 * A part of a persona card.
 */
typedef enum
{
  TPT_PERSONA_FIELD_CARD,
  TPT_PERSONA_FIELD_AVATAR,
  TPT_PERSONA_FIELD_NAME,
  TPT_PERSONA_FIELD_ROLE,
  TPT_PERSONA_FIELD_SEGMENT,
  TPT_PERSONA_FIELD_QUOTE,
  TPT_PERSONA_FIELD_GOALS,
  TPT_PERSONA_FIELD_FRUSTRATIONS,
  TPT_PERSONA_FIELD_BEHAVIOURS,
  TPT_PERSONA_FIELD_CHANNELS,
  TPT_PERSONA_FIELD_FACTS,
} TptPersonaField;

/* Where a part of persona number @persona is drawn in the gallery. */
typedef struct
{
  TptRect         rect;
  guint           persona;
  TptPersonaField field;
} TptPersonaPart;

void   tpt_persona_gallery_measure_part (PangoContext *context,
                                         TptDocument  *document,
                                         guint         first,
                                         guint         end,
                                         double       *width,
                                         double       *height);
void   tpt_persona_gallery_collect_parts (PangoContext *context,
                                          TptDocument  *document,
                                          GArray       *parts);

G_END_DECLS
