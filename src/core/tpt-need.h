/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-enums.h"
#include "tpt-node.h"

G_BEGIN_DECLS

#define TPT_TYPE_NEED (tpt_need_get_type ())

G_DECLARE_FINAL_TYPE (TptNeed, tpt_need, TPT, NEED, TptNode)

TptNeed    *tpt_need_new             (TptDocument *document);
const char *tpt_need_get_title       (TptNeed     *self);
const char *tpt_need_get_description (TptNeed     *self);
void        tpt_need_set_title       (TptNeed     *self,
                                      const char  *title);
void        tpt_need_set_description (TptNeed     *self,
                                      const char  *description);

G_END_DECLS
