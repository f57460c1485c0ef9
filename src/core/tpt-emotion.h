/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-enums.h"
#include "tpt-node.h"

G_BEGIN_DECLS

#define TPT_TYPE_EMOTION (tpt_emotion_get_type ())

G_DECLARE_FINAL_TYPE (TptEmotion, tpt_emotion, TPT, EMOTION, TptNode)

TptEmotion *tpt_emotion_new      (TptDocument *document);
const char *tpt_emotion_get_lane (TptEmotion  *self);
const char *tpt_emotion_get_step (TptEmotion  *self);
int         tpt_emotion_get_value (TptEmotion  *self);

G_END_DECLS
