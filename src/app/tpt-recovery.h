/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "tpt-document.h"

G_BEGIN_DECLS

/**
 * TptRecoveryEntry:
 * @document_file: the recovery copy of the document
 * @info_file: its key file
 * @title: what the document was called
 * @uri: (nullable): the file the document was saved as, if it had one
 * @written: when the copy was written
 * @history_file: (nullable): the journal of its undo history
 * @history_sum: (nullable): the checksum of the copy the journal goes with
 *
 * A document some Touchpoint process autosaved and never saved or
 * discarded: what is left after a crash.
 */
typedef struct
{
  GFile     *document_file;
  GFile     *info_file;
  char      *title;
  char      *uri;
  GDateTime *written;
  GFile     *history_file;
  char      *history_sum;
} TptRecoveryEntry;

void         tpt_recovery_entry_free     (TptRecoveryEntry  *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptRecoveryEntry, tpt_recovery_entry_free)

GFile       *tpt_recovery_get_directory  (void);
GPtrArray   *tpt_recovery_list           (GFile             *directory);
TptDocument *tpt_recovery_entry_load     (TptRecoveryEntry  *entry,
                                          GError           **error);
void         tpt_recovery_entry_discard  (TptRecoveryEntry  *entry);
void         tpt_recovery_clean_stale    (GFile             *directory);

G_END_DECLS
