/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tpt-types.h"

G_BEGIN_DECLS

#define TPT_TYPE_HISTORY (tpt_history_get_type ())

G_DECLARE_FINAL_TYPE (TptHistory, tpt_history, TPT, HISTORY, GObject)

/**
 * TptTransactionFlags:
 * @TPT_TRANSACTION_NONE: an ordinary transaction
 * @TPT_TRANSACTION_MERGE: typing: folds into the previous transaction if that
 *   was a mergeable edit of the same field with the same label
 */
typedef enum
{
  TPT_TRANSACTION_NONE  = 0,
  TPT_TRANSACTION_MERGE = 1 << 0,
} TptTransactionFlags;

#define TPT_HISTORY_DEFAULT_MAX_ENTRIES 1000

TptHistory *tpt_history_new                (void);

void        tpt_history_begin              (TptHistory          *self,
                                            const char          *label);
void        tpt_history_begin_full         (TptHistory          *self,
                                            const char          *label,
                                            TptTransactionFlags  flags);
void        tpt_history_end                (TptHistory          *self);
void        tpt_history_cancel             (TptHistory          *self);
gboolean    tpt_history_in_transaction     (TptHistory          *self);
gboolean    tpt_history_is_applying        (TptHistory          *self);

gboolean    tpt_history_undo               (TptHistory          *self);
gboolean    tpt_history_redo               (TptHistory          *self);
gboolean    tpt_history_get_can_undo       (TptHistory          *self);
gboolean    tpt_history_get_can_redo       (TptHistory          *self);
const char *tpt_history_get_undo_label     (TptHistory          *self);
const char *tpt_history_get_redo_label     (TptHistory          *self);

guint       tpt_history_get_position       (TptHistory          *self);
void        tpt_history_jump               (TptHistory          *self,
                                            guint                position);
void        tpt_history_break_merge        (TptHistory          *self);

gboolean    tpt_history_get_modified       (TptHistory          *self);
void        tpt_history_mark_saved         (TptHistory          *self);
void        tpt_history_mark_unsaved       (TptHistory          *self);

typedef struct _TptHistoryMark TptHistoryMark;

TptHistoryMark *tpt_history_get_mark       (TptHistory          *self);
void        tpt_history_mark_saved_at      (TptHistory          *self,
                                            TptHistoryMark      *mark);
void        tpt_history_mark_free          (TptHistoryMark      *mark);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptHistoryMark, tpt_history_mark_free)

void        tpt_history_set_journaling     (TptHistory          *self,
                                            gboolean             journaling);
gboolean    tpt_history_get_journaling     (TptHistory          *self);
GVariant   *tpt_history_dup_journal        (TptHistory          *self);
gboolean    tpt_history_restore_journal    (TptHistory          *self,
                                            TptDocument         *document,
                                            GVariant            *journal,
                                            GError             **error);

guint       tpt_history_get_max_entries    (TptHistory          *self);
void        tpt_history_set_max_entries    (TptHistory          *self,
                                            guint                max_entries);
void        tpt_history_clear              (TptHistory          *self);

G_END_DECLS
