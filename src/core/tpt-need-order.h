/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

/**
 * TptNeedOrder:
 * @TPT_NEED_ORDER_IMPORTANCE: the most important first, by the highest
 *   importance any persona gives the need; unrated needs last
 * @TPT_NEED_ORDER_OPPORTUNITY: the biggest opportunity first, by the
 *   highest opportunity score across personas; needs whose score is
 *   unknown (no satisfaction rated) last
 * @TPT_NEED_ORDER_COVERAGE: the gaps first: the needs served by the fewest
 *   cards, across all blueprints; among equals, the more important first
 *
 * The orders the needs matrix can be sorted in. Needs that tie keep the
 * order they had.
 */
typedef enum
{
  TPT_NEED_ORDER_IMPORTANCE,
  TPT_NEED_ORDER_OPPORTUNITY,
  TPT_NEED_ORDER_COVERAGE,
} TptNeedOrder;

int         tpt_need_order_opportunity (TptDocument  *document,
                                        TptNeed      *need);
GPtrArray  *tpt_need_order_sorted      (TptDocument  *document,
                                        TptNeedOrder  order);
const char *tpt_need_order_label       (TptNeedOrder  order);
gboolean    tpt_need_order_apply       (TptDocument  *document,
                                        TptNeedOrder  order);

G_END_DECLS
