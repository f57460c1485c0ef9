/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-change-private.h"
#include "tpt-node.h"

G_BEGIN_DECLS

/* The pieces of a journal record (tpt-history-journal.c), for
 * tpt_journal_record_change() in tpt-change.c. */

GVariant *tpt_journal_node_ref      (TptNode      *node);
GVariant *tpt_journal_node_snapshot (TptNode      *node);
GVariant *tpt_journal_value         (const GValue *value);

GVariant *tpt_journal_record_change (TptChange    *change);
GVariant *tpt_journal_merge_records (GVariant     *first,
                                     GVariant     *next);

TptDocument *tpt_journal_clone_document (TptDocument *document);

G_END_DECLS
