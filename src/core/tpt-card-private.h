/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-card.h"

G_BEGIN_DECLS

/* Setters of references and of fields that only the model may change. */

void tpt_card_set_lane     (TptCard            *self,
                            const char         *lane);
void tpt_card_set_step     (TptCard            *self,
                            const char         *step);

G_END_DECLS
