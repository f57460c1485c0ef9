/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-enums.h"
#include "tpt-node.h"

G_BEGIN_DECLS

#define TPT_TYPE_FACT (tpt_fact_get_type ())

G_DECLARE_FINAL_TYPE (TptFact, tpt_fact, TPT, FACT, TptNode)

TptFact    *tpt_fact_new       (TptDocument *document);
const char *tpt_fact_get_label (TptFact     *self);
const char *tpt_fact_get_value (TptFact     *self);
void        tpt_fact_set_label (TptFact     *self,
                                const char  *label);
void        tpt_fact_set_value (TptFact     *self,
                                const char  *value);

G_END_DECLS
