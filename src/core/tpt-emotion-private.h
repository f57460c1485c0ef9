/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-emotion.h"

G_BEGIN_DECLS

/* Setters of references and of fields that only the model may change. */

void tpt_emotion_set_lane  (TptEmotion *self,
                            const char *lane);
void tpt_emotion_set_step  (TptEmotion *self,
                            const char *step);
void tpt_emotion_set_value (TptEmotion *self,
                            int         value);

G_END_DECLS
