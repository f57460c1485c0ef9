/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"
#include "tpt-persona-renderer.h"

G_BEGIN_DECLS

/* A persona's text fields as the gallery edits them in place: each as one
 * text, lists one item per line and facts as "Label: value" lines. */

const char     *tpt_persona_field_label   (TptPersonaField  field);
gboolean        tpt_persona_field_is_text (TptPersonaField  field);
gboolean        tpt_persona_field_is_multiline (TptPersonaField field);
TptPersonaField tpt_persona_field_next    (TptPersonaField  field,
                                           int              direction);
char           *tpt_persona_field_get     (TptPersona      *persona,
                                           TptPersonaField  field);
gboolean        tpt_persona_field_set     (TptDocument     *document,
                                           TptPersona      *persona,
                                           TptPersonaField  field,
                                           const char      *text);

G_END_DECLS
