/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-enums.h"
#include "tpt-node.h"

G_BEGIN_DECLS

#define TPT_TYPE_BLUEPRINT (tpt_blueprint_get_type ())

G_DECLARE_FINAL_TYPE (TptBlueprint, tpt_blueprint, TPT, BLUEPRINT, TptNode)

TptBlueprint      *tpt_blueprint_new          (TptDocument       *document);
const char        *tpt_blueprint_get_title    (TptBlueprint      *self);
TptBlueprintState  tpt_blueprint_get_state    (TptBlueprint      *self);
const char        *tpt_blueprint_get_based_on (TptBlueprint      *self);
void               tpt_blueprint_set_title    (TptBlueprint      *self,
                                               const char        *title);
void               tpt_blueprint_set_state    (TptBlueprint      *self,
                                               TptBlueprintState  state);
GListModel        *tpt_blueprint_get_lanes    (TptBlueprint      *self);
GListModel        *tpt_blueprint_get_stages   (TptBlueprint      *self);
GListModel        *tpt_blueprint_get_cards    (TptBlueprint      *self);
GListModel        *tpt_blueprint_get_flows    (TptBlueprint      *self);
GListModel        *tpt_blueprint_get_emotions (TptBlueprint      *self);

void          tpt_blueprint_insert_lane      (TptBlueprint *self,
                                              guint         position,
                                              TptLane      *lane);
void          tpt_blueprint_remove_lane      (TptBlueprint *self,
                                              TptLane      *lane);
void          tpt_blueprint_move_lane        (TptBlueprint *self,
                                              TptLane      *lane,
                                              guint         position);

void          tpt_blueprint_insert_stage     (TptBlueprint *self,
                                              guint         position,
                                              TptStage     *stage);
void          tpt_blueprint_remove_stage     (TptBlueprint *self,
                                              TptStage     *stage);
void          tpt_blueprint_move_stage       (TptBlueprint *self,
                                              TptStage     *stage,
                                              guint         position);

void          tpt_blueprint_insert_step      (TptBlueprint *self,
                                              TptStage     *stage,
                                              guint         position,
                                              TptStep      *step);
void          tpt_blueprint_remove_step      (TptBlueprint *self,
                                              TptStep      *step);
void          tpt_blueprint_move_step        (TptBlueprint *self,
                                              TptStep      *step,
                                              TptStage     *stage,
                                              guint         position);
GPtrArray    *tpt_blueprint_list_steps       (TptBlueprint *self);
int           tpt_blueprint_get_step_index   (TptBlueprint *self,
                                              const char   *step_id);
TptStage     *tpt_blueprint_get_stage_of     (TptBlueprint *self,
                                              TptStep      *step);

void          tpt_blueprint_add_card         (TptBlueprint *self,
                                              TptCard      *card,
                                              TptLane      *lane,
                                              TptStep      *step,
                                              guint         index_in_cell);
void          tpt_blueprint_move_card        (TptBlueprint *self,
                                              TptCard      *card,
                                              TptLane      *lane,
                                              TptStep      *step,
                                              guint         index_in_cell);
void          tpt_blueprint_remove_cards     (TptBlueprint *self,
                                              GPtrArray    *cards);
void          tpt_blueprint_remove_card      (TptBlueprint *self,
                                              TptCard      *card);
GPtrArray    *tpt_blueprint_list_cards_in    (TptBlueprint *self,
                                              const char   *lane_id,
                                              const char   *step_id);

TptFlow      *tpt_blueprint_add_flow         (TptBlueprint *self,
                                              TptCard      *from,
                                              TptCard      *to,
                                              TptArrow      arrow);
void          tpt_blueprint_remove_flow      (TptBlueprint *self,
                                              TptFlow      *flow);

gboolean      tpt_blueprint_get_emotion      (TptBlueprint *self,
                                              const char   *lane_id,
                                              const char   *step_id,
                                              int          *value);
void          tpt_blueprint_set_emotion      (TptBlueprint *self,
                                              TptLane      *lane,
                                              TptStep      *step,
                                              int           value);
void          tpt_blueprint_clear_emotion    (TptBlueprint *self,
                                              TptLane      *lane,
                                              TptStep      *step);

G_END_DECLS
