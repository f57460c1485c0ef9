/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-enums.h"
#include "tpt-node.h"

G_BEGIN_DECLS

#define TPT_TYPE_CARD (tpt_card_get_type ())

G_DECLARE_FINAL_TYPE (TptCard, tpt_card, TPT, CARD, TptNode)

TptCard            *tpt_card_new          (TptDocument *document);
const char         *tpt_card_get_lane     (TptCard     *self);
const char         *tpt_card_get_step     (TptCard     *self);
TptCardKind         tpt_card_get_kind     (TptCard     *self);
int                 tpt_card_get_span     (TptCard     *self);
const char         *tpt_card_get_text     (TptCard     *self);
const char         *tpt_card_get_owner    (TptCard     *self);
const char         *tpt_card_get_channel  (TptCard     *self);
const char * const *tpt_card_get_serves   (TptCard     *self);
const char * const *tpt_card_get_concerns (TptCard     *self);
void                tpt_card_set_kind     (TptCard     *self,
                                           TptCardKind  kind);
void                tpt_card_set_text     (TptCard     *self,
                                           const char  *text);
void                tpt_card_set_owner    (TptCard     *self,
                                           const char  *owner);
void                tpt_card_set_channel  (TptCard     *self,
                                           const char  *channel);

void tpt_card_set_span     (TptCard            *self,
                            int                 span);
void tpt_card_set_serves   (TptCard            *self,
                            const char * const *serves);
void tpt_card_set_concerns (TptCard            *self,
                            const char * const *concerns);

const char   *tpt_card_get_target       (TptCard      *self);
gboolean      tpt_card_get_target_value (TptCard      *self,
                                         double       *value);
void          tpt_card_set_target       (TptCard      *self,
                                         const char   *target);
const char   *tpt_card_get_actual       (TptCard      *self);
gboolean      tpt_card_get_actual_value (TptCard      *self,
                                         double       *value);
void          tpt_card_set_actual       (TptCard      *self,
                                         const char   *actual);
const char   *tpt_card_get_unit         (TptCard      *self);
void          tpt_card_set_unit         (TptCard      *self,
                                         const char   *unit);
TptDirection  tpt_card_get_direction    (TptCard      *self);
void          tpt_card_set_direction    (TptCard      *self,
                                         TptDirection  direction);
TptVoice      tpt_card_get_source       (TptCard      *self);
void          tpt_card_set_source       (TptCard      *self,
                                         TptVoice      source);

G_END_DECLS
