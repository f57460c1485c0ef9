/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-enums.h"
#include "tpt-node.h"

G_BEGIN_DECLS

#define TPT_TYPE_PERSONA (tpt_persona_get_type ())

G_DECLARE_FINAL_TYPE (TptPersona, tpt_persona, TPT, PERSONA, TptNode)

TptPersona         *tpt_persona_new              (TptDocument        *document);
const char         *tpt_persona_get_name         (TptPersona         *self);
const char         *tpt_persona_get_role         (TptPersona         *self);
const char         *tpt_persona_get_segment      (TptPersona         *self);
const char         *tpt_persona_get_quote        (TptPersona         *self);
const char         *tpt_persona_get_color        (TptPersona         *self);
GBytes             *tpt_persona_get_photo        (TptPersona         *self);
const char         *tpt_persona_get_photo_type   (TptPersona         *self);
const char * const *tpt_persona_get_goals        (TptPersona         *self);
const char * const *tpt_persona_get_frustrations (TptPersona         *self);
const char * const *tpt_persona_get_behaviours   (TptPersona         *self);
const char * const *tpt_persona_get_channels     (TptPersona         *self);
void                tpt_persona_set_name         (TptPersona         *self,
                                                  const char         *name);
void                tpt_persona_set_role         (TptPersona         *self,
                                                  const char         *role);
void                tpt_persona_set_segment      (TptPersona         *self,
                                                  const char         *segment);
void                tpt_persona_set_quote        (TptPersona         *self,
                                                  const char         *quote);
void                tpt_persona_set_goals        (TptPersona         *self,
                                                  const char * const *goals);
void                tpt_persona_set_frustrations (TptPersona         *self,
                                                  const char * const *frustrations);
void                tpt_persona_set_behaviours   (TptPersona         *self,
                                                  const char * const *behaviours);
void                tpt_persona_set_channels     (TptPersona         *self,
                                                  const char * const *channels);
GListModel         *tpt_persona_get_facts        (TptPersona         *self);

void tpt_persona_set_color      (TptPersona *self,
                                 const char *color);
void tpt_persona_set_photo      (TptPersona *self,
                                 GBytes     *photo,
                                 const char *mime_type);

void tpt_persona_insert_fact    (TptPersona *self,
                                 guint       position,
                                 TptFact    *fact);
void tpt_persona_remove_fact    (TptPersona *self,
                                 TptFact    *fact);
void tpt_persona_move_fact      (TptPersona *self,
                                 TptFact    *fact,
                                 guint       position);

G_END_DECLS
