/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-flow.h"

G_BEGIN_DECLS

/* Setters of references and of fields that only the model may change. */

void tpt_flow_set_from (TptFlow    *self,
                        const char *from_);
void tpt_flow_set_to   (TptFlow    *self,
                        const char *to);

G_END_DECLS
