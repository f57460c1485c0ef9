/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-persona.h"

G_BEGIN_DECLS

/* Setters of references and of fields that only the model may change. */

void tpt_persona_set_photo_type (TptPersona *self,
                                 const char *photo_type);

G_END_DECLS
