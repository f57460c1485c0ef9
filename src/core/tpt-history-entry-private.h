/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-change-private.h"
#include "tpt-history-entry.h"

G_BEGIN_DECLS

typedef enum
{
  TPT_HISTORY_ENTRY_MERGEABLE = 1 << 0,
} TptHistoryEntryFlags;

TptHistoryEntry *tpt_history_entry_new         (const char      *label,
                                                TptHistoryEntryFlags flags);
TptHistoryEntryFlags tpt_history_entry_get_flags (TptHistoryEntry *self);
void             tpt_history_entry_add         (TptHistoryEntry *self,
                                                TptChange       *change);
TptChange       *tpt_history_entry_get_change  (TptHistoryEntry *self,
                                                guint            index);
gboolean         tpt_history_entry_try_merge   (TptHistoryEntry *self,
                                                TptHistoryEntry *next);
void             tpt_history_entry_apply       (TptHistoryEntry *self);
void             tpt_history_entry_add_record  (TptHistoryEntry *self,
                                                GVariant        *record);
GVariant        *tpt_history_entry_get_journal (TptHistoryEntry *self);
void             tpt_history_entry_set_records (TptHistoryEntry *self,
                                                GPtrArray       *records);
void             tpt_history_entry_revert      (TptHistoryEntry *self);

G_END_DECLS
