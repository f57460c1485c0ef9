/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-conflict.h"

G_BEGIN_DECLS

/* Setters for the merge and the reader, which build conflicts before they
 * are in a document. */
void     tpt_conflict_set_kind            (TptConflict        *self,
                                           TptConflictKind     kind);
void     tpt_conflict_set_target          (TptConflict        *self,
                                           const char         *target,
                                           const char         *partner);
void     tpt_conflict_set_field           (TptConflict        *self,
                                           const char         *field);
void     tpt_conflict_set_values          (TptConflict        *self,
                                           const char * const *base,
                                           const char * const *ours,
                                           const char * const *theirs);

TptNode *tpt_conflict_lookup_target       (TptDocument        *document,
                                           const char         *target,
                                           const char         *partner);
void     tpt_document_drop_stale_conflicts (TptDocument       *document);

G_END_DECLS
