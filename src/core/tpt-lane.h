/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-enums.h"
#include "tpt-node.h"

G_BEGIN_DECLS

#define TPT_TYPE_LANE (tpt_lane_get_type ())

G_DECLARE_FINAL_TYPE (TptLane, tpt_lane, TPT, LANE, TptNode)

TptLane     *tpt_lane_new         (TptDocument *document);
const char  *tpt_lane_get_title   (TptLane     *self);
TptLaneKind  tpt_lane_get_kind    (TptLane     *self);
TptOffice    tpt_lane_get_office  (TptLane     *self);
const char  *tpt_lane_get_persona (TptLane     *self);
void         tpt_lane_set_title   (TptLane     *self,
                                   const char  *title);
void         tpt_lane_set_kind    (TptLane     *self,
                                   TptLaneKind  kind);
void         tpt_lane_set_office  (TptLane     *self,
                                   TptOffice    office);

void tpt_lane_set_persona (TptLane    *self,
                           const char *persona);

G_END_DECLS
