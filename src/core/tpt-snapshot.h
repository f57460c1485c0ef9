/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"
#include "tpt-field.h"

G_BEGIN_DECLS

/* A document flattened for comparing and merging: every node (but facts,
 * which are a field of their persona, and conflicts) by its key, with where
 * it is and its field values (tpt-field.h).
 *
 * A node's key is its id; a rating's is its persona's and its need's ids, an
 * emotion point's its lane's and its step's, with a space between (ids hold
 * no spaces); the document's is "". A list is named by its parent's key and
 * the number of the parent's child store: "/3" for the blueprints, "b1/2"
 * for the cards of b1, "s1/0" for the steps of stage s1. */

typedef struct
{
  char        *key;
  TptNode     *node;        /* borrowed from the snapshot's document */
  GType        type;
  char        *parent;      /* key of the parent; NULL for the document */
  guint        store;       /* which child store of the parent */
  guint        index;       /* position in it */
  char        *list;        /* the list's name, "parent/store" */
  char        *blueprint;   /* key of the blueprint it is in, or NULL */
  char        *part1;       /* rating: persona; emotion: lane */
  char        *part2;       /* rating: need; emotion: step */
  GStrv       *values;      /* one per field of its type */
  guint        n_values;
} TptSnapshotItem;

typedef struct
{
  TptDocument *document;    /* owned */
  GPtrArray   *items;       /* owned TptSnapshotItem, in document order */
  GHashTable  *by_key;      /* key → TptSnapshotItem */
  GHashTable  *lists;       /* list name → GPtrArray of TptSnapshotItem, in order */
} TptSnapshot;

TptSnapshot     *tpt_snapshot_new         (TptDocument        *document,
                                           GHashTable         *renames);
void             tpt_snapshot_free        (TptSnapshot        *self);
TptSnapshotItem *tpt_snapshot_lookup      (TptSnapshot        *self,
                                           const char         *key);
GPtrArray       *tpt_snapshot_get_list    (TptSnapshot        *self,
                                           const char         *list);
char            *tpt_snapshot_list_name   (const char         *parent,
                                           guint               store);
gboolean         tpt_snapshot_item_equal  (TptSnapshotItem    *a,
                                           TptSnapshotItem    *b);

GHashTable      *tpt_snapshot_moved       (GPtrArray          *from,
                                           GPtrArray          *to);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptSnapshot, tpt_snapshot_free)

G_END_DECLS
