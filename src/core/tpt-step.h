/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-enums.h"
#include "tpt-node.h"

G_BEGIN_DECLS

#define TPT_TYPE_STEP (tpt_step_get_type ())

G_DECLARE_FINAL_TYPE (TptStep, tpt_step, TPT, STEP, TptNode)

TptStep    *tpt_step_new          (TptDocument *document);
const char *tpt_step_get_title    (TptStep     *self);
const char *tpt_step_get_duration (TptStep     *self);
void        tpt_step_set_title    (TptStep     *self,
                                   const char  *title);

void tpt_step_set_duration (TptStep    *self,
                            const char *duration);

const char *tpt_step_get_target   (TptStep     *self);
void        tpt_step_set_target   (TptStep     *self,
                                   const char  *target);

G_END_DECLS
