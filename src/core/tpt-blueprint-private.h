/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-blueprint.h"

G_BEGIN_DECLS

/* Setters of references and of fields that only the model may change. */

void tpt_blueprint_set_based_on (TptBlueprint *self,
                                 const char   *based_on);

TptBlueprint *tpt_blueprint_copy (TptBlueprint *self,
                                  TptDocument  *document);

G_END_DECLS
