/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-enums.h"
#include "tpt-node.h"

G_BEGIN_DECLS

#define TPT_TYPE_CONFLICT (tpt_conflict_get_type ())

G_DECLARE_FINAL_TYPE (TptConflict, tpt_conflict, TPT, CONFLICT, TptNode)

/**
 * TptConflictChoice:
 * @TPT_CONFLICT_CHOOSE_OURS: keep what our side did
 * @TPT_CONFLICT_CHOOSE_THEIRS: take what their side did
 * @TPT_CONFLICT_CHOOSE_BASE: go back to what both started from
 *
 * How tpt_conflict_resolve() settles a conflict. For a node one side
 * deleted and the other changed, the merge kept the node: the deleting
 * side's choice deletes it, the other two keep it as it is.
 */
typedef enum
{
  TPT_CONFLICT_CHOOSE_OURS,
  TPT_CONFLICT_CHOOSE_THEIRS,
  TPT_CONFLICT_CHOOSE_BASE,
} TptConflictChoice;

/* The pseudo-fields of conflicts about where a node is rather than what it
 * holds: its place in its list (its value the id of the node before it, or
 * nothing for first) and a step's stage. */
#define TPT_CONFLICT_FIELD_POSITION "position"
#define TPT_CONFLICT_FIELD_STAGE    "stage"

TptConflict        *tpt_conflict_new              (void);
TptConflictKind     tpt_conflict_get_kind         (TptConflict        *self);
const char         *tpt_conflict_get_target       (TptConflict        *self);
const char         *tpt_conflict_get_partner      (TptConflict        *self);
const char         *tpt_conflict_get_field        (TptConflict        *self);
const char * const *tpt_conflict_get_base         (TptConflict        *self);
const char * const *tpt_conflict_get_ours         (TptConflict        *self);
const char * const *tpt_conflict_get_theirs       (TptConflict        *self);

TptNode            *tpt_conflict_find_target      (TptConflict        *self,
                                                   TptDocument        *document);
char               *tpt_conflict_describe         (TptConflict        *self);
char               *tpt_conflict_describe_subject (TptConflict        *self);
char               *tpt_conflict_describe_choice  (TptConflict        *self,
                                                   TptConflictChoice   choice);
gboolean            tpt_conflict_resolve          (TptConflict        *self,
                                                   TptConflictChoice   choice,
                                                   GError            **error);
gboolean            tpt_conflict_resolve_all      (TptDocument        *document,
                                                   TptConflictChoice   choice,
                                                   GError            **error);

G_END_DECLS
