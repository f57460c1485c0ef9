/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-rating.h"

G_BEGIN_DECLS

/* Setters of references and of fields that only the model may change. */

void tpt_rating_set_persona (TptRating  *self,
                             const char *persona);
void tpt_rating_set_need    (TptRating  *self,
                             const char *need);

G_END_DECLS
