/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tpt-types.h"

G_BEGIN_DECLS

#define TPT_TYPE_HISTORY_ENTRY (tpt_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (TptHistoryEntry, tpt_history_entry, TPT, HISTORY_ENTRY, GObject)

const char *tpt_history_entry_get_label     (TptHistoryEntry *self);
guint       tpt_history_entry_get_n_changes (TptHistoryEntry *self);
char       *tpt_history_entry_dup_subject   (TptHistoryEntry *self);

G_END_DECLS
