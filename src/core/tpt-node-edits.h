/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

/* Renaming and deleting any node of a document, each one labelled undo
 * step: shared by the outline and the canvases, so the same edit reads the
 * same in the undo menu wherever it was made. */

const char *tpt_node_edits_rename_label (TptNode     *node);
void        tpt_node_edits_set_name     (TptDocument *document,
                                         TptNode     *node,
                                         const char  *name);
const char *tpt_node_edits_delete_label (TptNode     *node);
void        tpt_node_edits_delete       (TptDocument *document,
                                         TptNode     *node);

TptPersona *tpt_node_edits_add_persona       (TptDocument *document,
                                              guint        position);
TptPersona *tpt_node_edits_duplicate_persona (TptDocument *document,
                                              TptPersona  *persona);

G_END_DECLS
