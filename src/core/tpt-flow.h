/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-enums.h"
#include "tpt-node.h"

G_BEGIN_DECLS

#define TPT_TYPE_FLOW (tpt_flow_get_type ())

G_DECLARE_FINAL_TYPE (TptFlow, tpt_flow, TPT, FLOW, TptNode)

TptFlow    *tpt_flow_new      (TptDocument *document);
const char *tpt_flow_get_from (TptFlow     *self);
const char *tpt_flow_get_to   (TptFlow     *self);
TptArrow    tpt_flow_get_arrow (TptFlow     *self);
void        tpt_flow_set_arrow (TptFlow     *self,
                                TptArrow     arrow);

G_END_DECLS
