/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-change-private.h"
#include "tpt-history.h"

G_BEGIN_DECLS

void       tpt_history_push          (TptHistory *self,
                                      TptChange  *change);
GPtrArray *tpt_history_peek_entries  (TptHistory *self);
void       tpt_history_install       (TptHistory *self,
                                      GPtrArray  *entries,
                                      guint       position);

G_END_DECLS
