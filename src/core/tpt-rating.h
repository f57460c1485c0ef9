/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-enums.h"
#include "tpt-node.h"

G_BEGIN_DECLS

#define TPT_TYPE_RATING (tpt_rating_get_type ())

G_DECLARE_FINAL_TYPE (TptRating, tpt_rating, TPT, RATING, TptNode)

TptRating  *tpt_rating_new             (TptDocument *document);
const char *tpt_rating_get_persona     (TptRating   *self);
const char *tpt_rating_get_need        (TptRating   *self);
int         tpt_rating_get_importance  (TptRating   *self);
int         tpt_rating_get_satisfaction (TptRating   *self);
void        tpt_rating_set_importance  (TptRating   *self,
                                        int          importance);
void        tpt_rating_set_satisfaction (TptRating   *self,
                                         int          satisfaction);
int         tpt_rating_get_opportunity (TptRating   *self);

G_END_DECLS
