/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tpt-types.h"

G_BEGIN_DECLS

/* A change is the smallest reversible record of an edit. The history applies a
 * change when it is pushed, and applies or reverts it on redo and undo, so the
 * code that does an edit is the code that redoes it: they cannot drift apart.
 *
 * Two kinds cover the whole model: a field of a node takes a new value, or a
 * child node enters or leaves one of its parent's lists. Everything else (a
 * move, a cascading delete) is a sequence of these inside one transaction. */

typedef struct _TptChange TptChange;

typedef struct
{
  const char *name;
  void      (*apply)  (TptChange *change);
  void      (*revert) (TptChange *change);
  /* Folds @next into @change if both edit the same thing, e.g. two keystrokes
   * in one text field; returns FALSE if they cannot be folded. May be NULL. */
  gboolean  (*merge)  (TptChange *change,
                       TptChange *next);
  void      (*free)   (TptChange *change);
} TptChangeClass;

struct _TptChange
{
  const TptChangeClass *klass;
};

void       tpt_change_apply        (TptChange    *change);
void       tpt_change_revert       (TptChange    *change);
gboolean   tpt_change_merge        (TptChange    *change,
                                    TptChange    *next);
void       tpt_change_free         (TptChange    *change);
TptNode   *tpt_change_get_subject  (TptChange    *change);

TptChange *tpt_field_change_new    (TptNode      *node,
                                    guint         prop_id,
                                    const GValue *old_value,
                                    const GValue *new_value);
TptChange *tpt_list_change_new     (TptNode      *owner,
                                    GListStore   *store,
                                    guint         position,
                                    TptNode      *child,
                                    gboolean      insert);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptChange, tpt_change_free)

G_END_DECLS
