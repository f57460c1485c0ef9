/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-enums.h"
#include "tpt-node.h"

G_BEGIN_DECLS

#define TPT_TYPE_STAGE (tpt_stage_get_type ())

G_DECLARE_FINAL_TYPE (TptStage, tpt_stage, TPT, STAGE, TptNode)

TptStage   *tpt_stage_new       (TptDocument *document);
const char *tpt_stage_get_title (TptStage    *self);
void        tpt_stage_set_title (TptStage    *self,
                                 const char  *title);
GListModel *tpt_stage_get_steps (TptStage    *self);

G_END_DECLS
