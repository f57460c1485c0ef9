/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

/**
 * TptMergeStats:
 * @n_conflicts: conflicts this merge recorded
 * @n_kept_conflicts: unresolved conflicts the sides already had, kept
 * @n_renamed: nodes both sides added under one id, renamed on their side
 * @n_restored: nodes one side deleted that came back because the other
 *   changed them, added something in them or refers to them
 *
 * What a merge did, for its report.
 */
typedef struct
{
  guint n_conflicts;
  guint n_kept_conflicts;
  guint n_renamed;
  guint n_restored;
} TptMergeStats;

TptDocument *tpt_merge (TptDocument    *base,
                        TptDocument    *ours,
                        TptDocument    *theirs,
                        TptMergeStats  *stats,
                        GError        **error);

G_END_DECLS
