/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-blueprint.h"
#include "tpt-card.h"
#include "tpt-conflict.h"
#include "tpt-emotion.h"
#include "tpt-enums.h"
#include "tpt-error.h"
#include "tpt-fact.h"
#include "tpt-flow.h"
#include "tpt-history.h"
#include "tpt-history-entry.h"
#include "tpt-lane.h"
#include "tpt-need.h"
#include "tpt-node.h"
#include "tpt-persona.h"
#include "tpt-rating.h"
#include "tpt-slide.h"
#include "tpt-stage.h"
#include "tpt-step.h"

G_BEGIN_DECLS

#define TPT_TYPE_DOCUMENT (tpt_document_get_type ())

G_DECLARE_FINAL_TYPE (TptDocument, tpt_document, TPT, DOCUMENT, TptNode)

TptDocument  *tpt_document_new                 (void);
TptHistory   *tpt_document_get_history         (TptDocument   *self);

void          tpt_document_begin               (TptDocument   *self,
                                                const char    *label);
void          tpt_document_end                 (TptDocument   *self);

const char   *tpt_document_get_title           (TptDocument   *self);
void          tpt_document_set_title           (TptDocument   *self,
                                                const char    *title);
const char   *tpt_document_get_author          (TptDocument   *self);
void          tpt_document_set_author          (TptDocument   *self,
                                                const char    *author);
const char   *tpt_document_get_description     (TptDocument   *self);
void          tpt_document_set_description     (TptDocument   *self,
                                                const char    *description);

GListModel   *tpt_document_get_personas        (TptDocument   *self);
GListModel   *tpt_document_get_needs           (TptDocument   *self);
GListModel   *tpt_document_get_ratings         (TptDocument   *self);
GListModel   *tpt_document_get_blueprints      (TptDocument   *self);
GListModel   *tpt_document_get_slides          (TptDocument   *self);
GListModel   *tpt_document_get_conflicts       (TptDocument   *self);

TptNode      *tpt_document_lookup              (TptDocument   *self,
                                                const char    *id);
gpointer      tpt_document_lookup_typed        (TptDocument   *self,
                                                const char    *id,
                                                GType          type);

void          tpt_document_insert_persona      (TptDocument   *self,
                                                guint          position,
                                                TptPersona    *persona);
void          tpt_document_remove_persona      (TptDocument   *self,
                                                TptPersona    *persona);
void          tpt_document_move_persona        (TptDocument   *self,
                                                TptPersona    *persona,
                                                guint          position);

void          tpt_document_insert_need         (TptDocument   *self,
                                                guint          position,
                                                TptNeed       *need);
void          tpt_document_remove_need         (TptDocument   *self,
                                                TptNeed       *need);
void          tpt_document_move_need           (TptDocument   *self,
                                                TptNeed       *need,
                                                guint          position);

TptRating    *tpt_document_get_rating          (TptDocument   *self,
                                                TptPersona    *persona,
                                                TptNeed       *need);
void          tpt_document_set_rating          (TptDocument   *self,
                                                TptPersona    *persona,
                                                TptNeed       *need,
                                                int            importance,
                                                int            satisfaction);

void          tpt_document_insert_blueprint    (TptDocument   *self,
                                                guint          position,
                                                TptBlueprint  *blueprint);
void          tpt_document_remove_blueprint    (TptDocument   *self,
                                                TptBlueprint  *blueprint);
void          tpt_document_move_blueprint      (TptDocument   *self,
                                                TptBlueprint  *blueprint,
                                                guint          position);
TptBlueprint *tpt_document_duplicate_as_future (TptDocument   *self,
                                                TptBlueprint  *blueprint);

TptBlueprint *tpt_document_duplicate_blueprint (TptDocument   *self,
                                                TptBlueprint  *blueprint);

void          tpt_document_insert_slide        (TptDocument   *self,
                                                guint          position,
                                                TptSlide      *slide);
void          tpt_document_remove_slide        (TptDocument   *self,
                                                TptSlide      *slide);
void          tpt_document_move_slide          (TptDocument   *self,
                                                TptSlide      *slide,
                                                guint          position);
char         *tpt_document_summarize           (TptDocument   *self);

G_END_DECLS
