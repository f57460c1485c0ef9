/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-merge"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-merge.h"

#include "tpt-conflict-private.h"
#include "tpt-document-private.h"
#include "tpt-emotion-private.h"
#include "tpt-field.h"
#include "tpt-format.h"
#include "tpt-node-private.h"
#include "tpt-rating-private.h"
#include "tpt-snapshot.h"

/* A three-way merge of documents, by key (tpt-snapshot.h), as git's merge
 * drivers do it for text, but of what a designer edits.
 *
 * Every node is merged field by field (tpt-field.h): a field only one side
 * changed takes that side's value; one both changed alike takes it too; one
 * both changed differently keeps ours and records a conflict. A node one
 * side deleted goes, unless the other changed it: then it stays, as that
 * side has it, with a conflict. A node both added under one id is one node
 * if they agree, and otherwise theirs gets a fresh id and every reference on
 * their side follows.
 *
 * The merged tree must hold together: a node that stays needs its parent
 * and whatever its values refer to. A node one side deleted comes back when
 * the other side needs it (it added a card in a deleted lane, a flow to a
 * deleted card, rated a deleted persona), with a conflict; and with it come
 * the nodes deleting it took along (the lane's cards), so that choosing to
 * keep it keeps it whole.
 *
 * Each list is merged by order: the nodes whose place neither side changed
 * (outside a longest run that kept its order, tpt_snapshot_moved()) keep
 * it, then each side's moved and added nodes go after the node before them
 * on that side, ours first. A node both moved to different places stays
 * where we put it, with a conflict.
 *
 * The result is built as new nodes, written and read back, so that what is
 * returned is exactly what the file will hold and always loads. */

typedef enum
{
  SIDE_BASE,
  SIDE_OURS,
  SIDE_THEIRS,
  N_SIDES
} Side;

typedef enum
{
  PLACE_STABLE,
  PLACE_OURS,
  PLACE_THEIRS,
  PLACE_BOTH,
  PLACE_BASE,
} Placing;

typedef struct
{
  const char       *key;          /* borrowed from an item */
  GType             type;
  TptSnapshotItem  *items[N_SIDES];
  TptSnapshotItem  *src;          /* the one whose node is copied */
  const char      **values_data;  /* storage for values, one per field */
  const char *const **values;     /* merged, borrowed from the items */
  const char       *parent;
  guint             store;
  gboolean          kept;
  Placing           placing;
  gboolean          placed;
  char             *list;         /* the merged list it is in */
  TptNode          *node;         /* built */
} Entry;

typedef struct
{
  TptSnapshot   *snapshots[N_SIDES];
  GHashTable    *entries;       /* key → Entry */
  GPtrArray     *order;         /* Entry, owned */
  GPtrArray     *conflicts;     /* TptConflict, owned */
  GHashTable    *conflict_keys; /* "target partner field", owned */
  GHashTable    *renames;       /* their id → fresh id */
  GHashTable    *deps[N_SIDES]; /* key → GPtrArray of items that need it there */
  GQueue         worklist;      /* Entry */
  GHashTable    *lists;         /* list name → GPtrArray of Entry, merged order */
  GPtrArray     *owned;         /* GStrv values made by the merge itself */
  TptMergeStats *stats;
} Merge;

/* Keys and ids ---------------------------------------------------------------- */

static gboolean
split_id (const char  *id,
          char       **prefix,
          guint64     *number)
{
  gsize len = strlen (id);
  gsize digits = len;

  while (digits > 0 && g_ascii_isdigit (id[digits - 1]))
    digits--;
  if (digits == len || len - digits > 9)
    return FALSE;

  *prefix = g_strndup (id, digits);
  *number = g_ascii_strtoull (id + digits, NULL, 10);
  return TRUE;
}

static void
note_id (GHashTable *counters,
         const char *id)
{
  g_autofree char *prefix = NULL;
  guint64 number;

  if (id == NULL || !split_id (id, &prefix, &number))
    return;
  if (number > GPOINTER_TO_SIZE (g_hash_table_lookup (counters, prefix)))
    g_hash_table_insert (counters, g_steal_pointer (&prefix), GSIZE_TO_POINTER ((gsize)number));
}

static gboolean
has_own_id (TptSnapshotItem *item)
{
  return item->part1 == NULL && item->key[0] != '\0';
}

/* A fresh id like @id, above every id of its prefix on any side. */
static char *
fresh_id (GHashTable *counters,
          const char *id)
{
  g_autofree char *prefix = NULL;
  guint64 number;
  gsize counter;

  if (!split_id (id, &prefix, &number))
    prefix = g_strdup (id);

  counter = GPOINTER_TO_SIZE (g_hash_table_lookup (counters, prefix)) + 1;
  g_hash_table_insert (counters, g_strdup (prefix), GSIZE_TO_POINTER (counter));
  return g_strdup_printf ("%s%" G_GSIZE_FORMAT, prefix, counter);
}

/* Ids both sides added for different nodes: theirs get fresh ones. Renaming
 * one can make two others differ (a card in a lane both added), so this
 * goes on until nothing more needs renaming. */
static void
find_renames (Merge       *self,
              TptDocument *theirs)
{
  g_autoptr(GHashTable) counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean changed = TRUE;

  for (guint s = 0; s < N_SIDES; s++)
    if (self->snapshots[s] != NULL)
      for (guint i = 0; i < self->snapshots[s]->items->len; i++)
        note_id (counters, ((TptSnapshotItem *)g_ptr_array_index (self->snapshots[s]->items,
                                                                    i))->key);

  while (changed)
    {
      TptSnapshot *snapshot = self->snapshots[SIDE_THEIRS];

      changed = FALSE;
      for (guint i = 0; i < snapshot->items->len; i++)
        {
          TptSnapshotItem *t = g_ptr_array_index (snapshot->items, i);
          TptSnapshotItem *o = tpt_snapshot_lookup (self->snapshots[SIDE_OURS], t->key);
          TptSnapshotItem *b = tpt_snapshot_lookup (self->snapshots[SIDE_BASE], t->key);
          const char *id = tpt_node_get_id (t->node);

          if (!has_own_id (t) || o == NULL || (b != NULL && b->type == t->type) ||
              g_hash_table_contains (self->renames, id) || tpt_snapshot_item_equal (o, t))
            continue;

          g_hash_table_insert (self->renames, g_strdup (id), fresh_id (counters, id));
          changed = TRUE;
        }

      if (changed)
        {
          tpt_snapshot_free (self->snapshots[SIDE_THEIRS]);
          self->snapshots[SIDE_THEIRS] = tpt_snapshot_new (theirs, self->renames);
        }
    }

  self->stats->n_renamed = g_hash_table_size (self->renames);
}

/* Conflicts ------------------------------------------------------------------------ */

static void
target_of (Entry       *entry,
           const char **target,
           const char **partner)
{
  TptSnapshotItem *item = entry->src;

  *target = NULL;
  *partner = NULL;
  if (item->part1 != NULL)
    {
      *target = item->part1;
      *partner = item->part2;
    }
  else if (entry->key[0] != '\0')
    *target = entry->key;
}

static char *
conflict_key (const char *target,
              const char *partner,
              const char *field)
{
  return g_strdup_printf ("%s %s %s", target != NULL ? target : "", partner != NULL ? partner : "",
                          field != NULL ? field : "");
}

static const char * const *
values_of (Entry *entry,
           Side   side,
           guint  field)
{
  static const char * const empty[] = { NULL };
  TptSnapshotItem *item = entry->items[side];

  return item != NULL ? (const char * const *)item->values[field] : empty;
}

static void
add_conflict (Merge              *self,
              Entry              *entry,
              TptConflictKind     kind,
              const char         *field,
              const char * const *base,
              const char * const *ours,
              const char * const *theirs)
{
  g_autoptr(TptConflict) conflict = NULL;
  const char *target, *partner;
  char *key;

  target_of (entry, &target, &partner);
  key = conflict_key (target, partner, field);
  if (!g_hash_table_add (self->conflict_keys, key))
    return;

  conflict = tpt_conflict_new ();
  tpt_conflict_set_kind (conflict, kind);
  tpt_conflict_set_target (conflict, target, partner);
  tpt_conflict_set_field (conflict, field);
  if (kind == TPT_CONFLICT_KIND_EDIT)
    tpt_conflict_set_values (conflict, base, ours, theirs);
  g_ptr_array_add (self->conflicts, g_steal_pointer (&conflict));
  self->stats->n_conflicts++;
}

/* Entries ---------------------------------------------------------------------------- */

static void
entry_free (gpointer data)
{
  Entry *entry = data;

  g_free (entry->values_data);
  g_free (entry->list);
  g_clear_object (&entry->node);
  g_free (entry);
}

static Entry *
ensure_entry (Merge           *self,
              TptSnapshotItem *item)
{
  Entry *entry = g_hash_table_lookup (self->entries, item->key);

  if (entry == NULL)
    {
      entry = g_new0 (Entry, 1);
      entry->key = item->key;
      entry->type = item->type;
      g_hash_table_insert (self->entries, (gpointer)entry->key, entry);
      g_ptr_array_add (self->order, entry);
    }
  return entry;
}

static void
set_values_from (Entry           *entry,
                 TptSnapshotItem *item)
{
  for (guint i = 0; i < item->n_values; i++)
    entry->values[i] = (const char * const *)item->values[i];
  entry->src = item;
  entry->parent = item->parent;
  entry->store = item->store;
}

/* Whether @item differs from what the base had. */
static gboolean
changed_from_base (Entry           *entry,
                   TptSnapshotItem *item)
{
  return !tpt_snapshot_item_equal (item, entry->items[SIDE_BASE]);
}

static const char *
merge_strings (const char *base,
               const char *ours,
               const char *theirs,
               gboolean    has_base,
               gboolean   *conflict)
{
  *conflict = FALSE;
  if (g_strcmp0 (ours, theirs) == 0)
    return ours;
  if (has_base && g_strcmp0 (ours, base) == 0)
    return theirs;
  if (has_base && g_strcmp0 (theirs, base) == 0)
    return ours;
  *conflict = TRUE;
  return ours;
}

static void
merge_entry (Merge *self,
             Entry *entry)
{
  TptSnapshotItem *b, *o, *t;
  const TptField *fields;
  guint n_fields;

  /* An id that names a node of another kind on another side (a file edited
   * by hand) is another node: the base's is then as good as gone. */
  entry->src = entry->items[SIDE_OURS] != NULL ? entry->items[SIDE_OURS]
             : entry->items[SIDE_THEIRS] != NULL ? entry->items[SIDE_THEIRS]
             : entry->items[SIDE_BASE];
  entry->type = entry->src->type;
  for (guint s = 0; s < N_SIDES; s++)
    if (entry->items[s] != NULL && entry->items[s]->type != entry->type)
      entry->items[s] = NULL;

  b = entry->items[SIDE_BASE];
  o = entry->items[SIDE_OURS];
  t = entry->items[SIDE_THEIRS];

  fields = tpt_field_list (entry->type, &n_fields);
  entry->values_data = g_new0 (const char *, MAX (n_fields, 1));
  entry->values = (const char * const **)entry->values_data;
  set_values_from (entry, entry->src);

  if (o != NULL && t != NULL)
    {
      gboolean conflict;

      entry->kept = TRUE;
      for (guint i = 0; i < n_fields; i++)
        {
          const char * const *vb = values_of (entry, SIDE_BASE, i);
          const char * const *vo = values_of (entry, SIDE_OURS, i);
          const char * const *vt = values_of (entry, SIDE_THEIRS, i);

          if (tpt_field_items_equal (vo, vt))
            entry->values[i] = vo;
          else if (b != NULL && tpt_field_items_equal (vo, vb))
            entry->values[i] = vt;
          else if (b != NULL && tpt_field_items_equal (vt, vb))
            entry->values[i] = vo;
          else
            {
              entry->values[i] = vo;
              add_conflict (self, entry, TPT_CONFLICT_KIND_EDIT, fields[i].name, vb, vo, vt);
            }
        }

      entry->parent = merge_strings (b != NULL ? b->parent : NULL, o->parent, t->parent,
                                     b != NULL, &conflict);
      if (conflict)
        {
          const char *vb[] = { b != NULL ? b->parent : NULL, NULL };
          const char *vo[] = { o->parent, NULL };
          const char *vt[] = { t->parent, NULL };

          add_conflict (self, entry, TPT_CONFLICT_KIND_EDIT, TPT_CONFLICT_FIELD_STAGE,
                        vb, vo, vt);
        }
    }
  else if (b != NULL && o != NULL)
    {
      entry->kept = changed_from_base (entry, o);
      if (entry->kept)
        add_conflict (self, entry, TPT_CONFLICT_KIND_DELETED_BY_THEIRS, NULL, NULL, NULL, NULL);
    }
  else if (b != NULL && t != NULL)
    {
      entry->kept = changed_from_base (entry, t);
      if (entry->kept)
        add_conflict (self, entry, TPT_CONFLICT_KIND_DELETED_BY_OURS, NULL, NULL, NULL, NULL);
    }
  else
    entry->kept = o != NULL || t != NULL;
}

/* Dependencies ------------------------------------------------------------------------ */

typedef void (*NeedFunc) (Merge      *self,
                          const char *key,
                          gboolean    structural,
                          gpointer    user_data);

typedef struct
{
  Merge   *self;
  NeedFunc func;
  gpointer user_data;
  gboolean structural;
} NeedData;

static void
need_ref_cb (const char *id,
             GType       type,
             gpointer    user_data)
{
  NeedData *data = user_data;

  data->func (data->self, id, data->structural, data->user_data);
}

/* Calls @func with each key a node needs in the tree: its parent, what its
 * key is made of, and what its values refer to. "Structural" needs are
 * those whose deletion deletes the node too (a card's lane); the others
 * (a card's needs) only lose the reference. */
static void
foreach_need (Merge               *self,
              TptSnapshotItem     *item,
              const char * const **values,
              NeedFunc             func,
              gpointer             user_data)
{
  const TptField *fields;
  guint n_fields;

  if (item->parent != NULL && item->parent[0] != '\0')
    func (self, item->parent, TRUE, user_data);
  if (item->part1 != NULL)
    {
      func (self, item->part1, TRUE, user_data);
      func (self, item->part2, TRUE, user_data);
    }

  fields = tpt_field_list (item->type, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      NeedData data = { self, func, user_data, FALSE };

      data.structural = fields[i].shape == TPT_FIELD_CELL || fields[i].shape == TPT_FIELD_ENDS ||
                        fields[i].shape == TPT_FIELD_SHOWS;
      tpt_field_foreach_ref (&fields[i], values[i], need_ref_cb, &data);
    }
}

static void
add_dependent_cb (Merge      *self,
                  const char *key,
                  gboolean    structural,
                  gpointer    user_data)
{
  void **data = user_data;
  GHashTable *deps = data[0];
  TptSnapshotItem *item = data[1];
  GPtrArray *list;

  if (!structural)
    return;

  list = g_hash_table_lookup (deps, key);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (deps, (gpointer)key, list);
    }
  g_ptr_array_add (list, item);
}

/* What, on one side, goes when the node with a key goes. */
static GHashTable *
dependents (Merge *self,
            Side   side)
{
  if (self->deps[side] == NULL)
    {
      TptSnapshot *snapshot = self->snapshots[side];

      self->deps[side] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                (GDestroyNotify)g_ptr_array_unref);
      for (guint i = 0; i < snapshot->items->len; i++)
        {
          TptSnapshotItem *item = g_ptr_array_index (snapshot->items, i);
          void *data[] = { self->deps[side], item };

          foreach_need (self, item, (const char * const **)item->values, add_dependent_cb, data);
        }
    }
  return self->deps[side];
}

static void restore (Merge *self,
                     Entry *entry,
                     Side   side);

/* Brings back, from @side, what deleting @entry's node took along on the
 * other side. */
static void
restore_dependents (Merge *self,
                    Entry *entry,
                    Side   side)
{
  GPtrArray *list = g_hash_table_lookup (dependents (self, side), entry->key);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      TptSnapshotItem *item = g_ptr_array_index (list, i);
      Entry *dependent = g_hash_table_lookup (self->entries, item->key);

      if (dependent != NULL && !dependent->kept && dependent->items[side] == item)
        restore (self, dependent, side);
    }
}

static void
restore (Merge *self,
         Entry *entry,
         Side   side)
{
  if (entry->kept)
    return;

  entry->kept = TRUE;
  set_values_from (entry, entry->items[side]);
  self->stats->n_restored++;
  g_queue_push_tail (&self->worklist, entry);
  restore_dependents (self, entry, side);
}

static void
require_cb (Merge      *self,
            const char *key,
            gboolean    structural,
            gpointer    user_data)
{
  Entry *needed = g_hash_table_lookup (self->entries, key);
  Side side;

  if (needed == NULL || needed->kept)
    return;

  /* Deleted on one side; the side that still has it comes back with it. */
  if (needed->items[SIDE_OURS] != NULL)
    side = SIDE_OURS;
  else if (needed->items[SIDE_THEIRS] != NULL)
    side = SIDE_THEIRS;
  else
    side = SIDE_BASE;

  restore (self, needed, side);
  add_conflict (self, needed,
                needed->items[SIDE_OURS] == NULL ? TPT_CONFLICT_KIND_DELETED_BY_OURS
                                                 : TPT_CONFLICT_KIND_DELETED_BY_THEIRS,
                NULL, NULL, NULL, NULL);
}

static void
hold_together (Merge *self)
{
  /* A node kept because one side changed what the other deleted comes
   * back whole. */
  for (guint i = 0; i < self->order->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->order, i);

      if (!entry->kept)
        continue;
      if (entry->items[SIDE_BASE] != NULL && entry->items[SIDE_THEIRS] == NULL)
        restore_dependents (self, entry, SIDE_OURS);
      else if (entry->items[SIDE_BASE] != NULL && entry->items[SIDE_OURS] == NULL)
        restore_dependents (self, entry, SIDE_THEIRS);
    }

  for (guint i = 0; i < self->order->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->order, i);

      if (entry->kept)
        g_queue_push_tail (&self->worklist, entry);
    }

  while (!g_queue_is_empty (&self->worklist))
    {
      Entry *entry = g_queue_pop_head (&self->worklist);
      TptSnapshotItem item = *entry->src;

      /* The merged parent, which may not be the source's. */
      item.parent = (char *)entry->parent;
      foreach_need (self, &item, entry->values, require_cb, NULL);
    }
}

/* Order ------------------------------------------------------------------------------ */

static guint
placing_mask (Placing placing)
{
  return 1u << placing;
}

#define MASK(p) (1u << (p))

static gboolean
is_member (Entry      *entry,
           const char *list)
{
  return entry != NULL && entry->kept && g_strcmp0 (entry->list, list) == 0;
}

static gboolean
on_list (TptSnapshotItem *item,
         const char      *list)
{
  return item != NULL && g_strcmp0 (item->list, list) == 0;
}

/* Puts the members @side_list has in its order and that @place_mask says
 * this side places, each right after the node before it on that side. */
static void
place_pass (Merge      *self,
            GPtrArray  *seq,
            GPtrArray  *side_list,
            const char *list,
            guint       place_mask,
            guint       skip_mask)
{
  int last = -1;

  for (guint i = 0; side_list != NULL && i < side_list->len; i++)
    {
      TptSnapshotItem *item = g_ptr_array_index (side_list, i);
      Entry *entry = g_hash_table_lookup (self->entries, item->key);
      guint index;

      if (!is_member (entry, list))
        continue;

      if ((placing_mask (entry->placing) & place_mask) && !entry->placed)
        {
          guint position = (guint)(last + 1);

          /* After the other side's nodes placed there already: ours first. */
          while (position < seq->len &&
                 (placing_mask (((Entry *)g_ptr_array_index (seq, position))->placing) &
                  skip_mask))
            position++;
          g_ptr_array_insert (seq, (int)position, entry);
          entry->placed = TRUE;
          last = (int)position;
        }
      else if (entry->placed &&
               (entry->placing == PLACE_STABLE ||
                (placing_mask (entry->placing) & place_mask)) &&
               g_ptr_array_find (seq, entry, &index))
        last = (int)index;
    }
}

static gboolean
records_position (GType type)
{
  return type == TPT_TYPE_PERSONA || type == TPT_TYPE_NEED || type == TPT_TYPE_BLUEPRINT ||
         type == TPT_TYPE_LANE || type == TPT_TYPE_STAGE || type == TPT_TYPE_STEP ||
         type == TPT_TYPE_CARD || type == TPT_TYPE_SLIDE;
}

/* Cards are ordered within their cell; other nodes within their list. */
static gboolean
same_group (TptSnapshotItem *a,
            TptSnapshotItem *b)
{
  guint cell;

  if (a->type != TPT_TYPE_CARD)
    return TRUE;

  cell = tpt_field_index (TPT_TYPE_CARD, "cell");
  return tpt_field_items_equal ((const char * const *)a->values[cell],
                                (const char * const *)b->values[cell]);
}

/* The node before @item in its group on @list, or NULL for first; with
 * @stable_only the nearest one whose place neither side changed. With
 * @after, the one after instead. */
static const char *
neighbour (Merge           *self,
           GPtrArray       *list,
           TptSnapshotItem *item,
           gboolean         stable_only,
           gboolean         after)
{
  guint index;
  int step = after ? 1 : -1;

  if (list == NULL || !g_ptr_array_find (list, item, &index))
    return NULL;

  for (int i = (int)index + step; i >= 0 && i < (int)list->len; i += step)
    {
      TptSnapshotItem *other = g_ptr_array_index (list, i);
      Entry *entry = g_hash_table_lookup (self->entries, other->key);

      if (!same_group (item, other))
        continue;
      if (stable_only && (entry == NULL || !entry->kept || entry->placing != PLACE_STABLE))
        continue;
      return other->key;
    }
  return NULL;
}

static void
check_position (Merge      *self,
                Entry      *entry,
                GPtrArray  *lb,
                GPtrArray  *lo,
                GPtrArray  *lt)
{
  TptSnapshotItem *o = entry->items[SIDE_OURS];
  TptSnapshotItem *t = entry->items[SIDE_THEIRS];
  TptSnapshotItem *b = entry->items[SIDE_BASE];

  if (!records_position (entry->type) || !same_group (o, t))
    return;

  if (g_strcmp0 (neighbour (self, lo, o, TRUE, FALSE), neighbour (self, lt, t, TRUE, FALSE)) != 0 ||
      g_strcmp0 (neighbour (self, lo, o, TRUE, TRUE), neighbour (self, lt, t, TRUE, TRUE)) != 0)
    {
      const char *vb[] = { b != NULL ? neighbour (self, lb, b, FALSE, FALSE) : NULL, NULL };
      const char *vo[] = { neighbour (self, lo, o, FALSE, FALSE), NULL };
      const char *vt[] = { neighbour (self, lt, t, FALSE, FALSE), NULL };

      add_conflict (self, entry, TPT_CONFLICT_KIND_EDIT, TPT_CONFLICT_FIELD_POSITION,
                    vb, vo, vt);
    }
}

static GPtrArray *
merge_order (Merge      *self,
             const char *list,
             GPtrArray  *members)
{
  GPtrArray *lb = tpt_snapshot_get_list (self->snapshots[SIDE_BASE], list);
  GPtrArray *lo = tpt_snapshot_get_list (self->snapshots[SIDE_OURS], list);
  GPtrArray *lt = tpt_snapshot_get_list (self->snapshots[SIDE_THEIRS], list);
  g_autoptr(GHashTable) moved_ours = tpt_snapshot_moved (lb, lo);
  g_autoptr(GHashTable) moved_theirs = tpt_snapshot_moved (lb, lt);
  GPtrArray *seq = g_ptr_array_new ();

  for (guint i = 0; i < members->len; i++)
    {
      Entry *entry = g_ptr_array_index (members, i);
      gboolean in_o = on_list (entry->items[SIDE_OURS], list);
      gboolean in_t = on_list (entry->items[SIDE_THEIRS], list);

      entry->placed = FALSE;
      if (in_o && in_t)
        {
          gboolean mo = g_hash_table_contains (moved_ours, entry->key);
          gboolean mt = g_hash_table_contains (moved_theirs, entry->key);

          if (mo && mt)
            entry->placing = PLACE_BOTH;
          else if (mo)
            entry->placing = PLACE_OURS;
          else if (mt)
            entry->placing = PLACE_THEIRS;
          else
            entry->placing = PLACE_STABLE;
        }
      else if (in_o)
        entry->placing = PLACE_OURS;
      else if (in_t)
        entry->placing = PLACE_THEIRS;
      else
        entry->placing = PLACE_BASE;
    }

  for (guint i = 0; lb != NULL && i < lb->len; i++)
    {
      Entry *entry = g_hash_table_lookup (self->entries,
                                          ((TptSnapshotItem *)g_ptr_array_index (lb, i))->key);

      if (is_member (entry, list) && entry->placing == PLACE_STABLE)
        {
          g_ptr_array_add (seq, entry);
          entry->placed = TRUE;
        }
    }

  place_pass (self, seq, lo, list, MASK (PLACE_OURS) | MASK (PLACE_BOTH), 0);
  place_pass (self, seq, lt, list, MASK (PLACE_THEIRS), MASK (PLACE_OURS) | MASK (PLACE_BOTH));
  place_pass (self, seq, lb, list, MASK (PLACE_BASE),
              MASK (PLACE_OURS) | MASK (PLACE_BOTH) | MASK (PLACE_THEIRS));

  for (guint i = 0; i < members->len; i++)
    {
      Entry *entry = g_ptr_array_index (members, i);

      if (!entry->placed)
        {
          g_ptr_array_add (seq, entry);
          entry->placed = TRUE;
        }
      if (entry->placing == PLACE_BOTH)
        check_position (self, entry, lb, lo, lt);
    }

  return seq;
}

static void
merge_lists (Merge *self)
{
  g_autoptr(GHashTable) members = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < self->order->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->order, i);
      GPtrArray *list;

      if (!entry->kept || entry->parent == NULL)
        continue;

      entry->list = tpt_snapshot_list_name (entry->parent, entry->store);
      list = g_hash_table_lookup (members, entry->list);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (members, entry->list, list);
          g_ptr_array_add (names, entry->list);
        }
      g_ptr_array_add (list, entry);
    }

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = g_ptr_array_index (names, i);

      g_hash_table_insert (self->lists, g_strdup (name),
                           merge_order (self, name, g_hash_table_lookup (members, name)));
    }
}

/* Repairs ------------------------------------------------------------------------------ */

static GPtrArray *
merged_list (Merge      *self,
             const char *parent,
             guint       store)
{
  g_autofree char *name = tpt_snapshot_list_name (parent, store);

  return g_hash_table_lookup (self->lists, name);
}

/* A card may not span past the last step of its blueprint, which it can
 * when one side widened it and the other deleted or moved steps. */
static void
fit_spans (Merge *self)
{
  GPtrArray *blueprints = merged_list (self, "", 3);
  guint cell_field = tpt_field_index (TPT_TYPE_CARD, "cell");
  guint span_field = tpt_field_index (TPT_TYPE_CARD, "span");

  for (guint b = 0; blueprints != NULL && b < blueprints->len; b++)
    {
      Entry *blueprint = g_ptr_array_index (blueprints, b);
      GPtrArray *stages = merged_list (self, blueprint->key, 1);
      GPtrArray *cards = merged_list (self, blueprint->key, 2);
      g_autoptr(GHashTable) columns = g_hash_table_new (g_str_hash, g_str_equal);
      guint n_steps = 0;

      for (guint s = 0; stages != NULL && s < stages->len; s++)
        {
          GPtrArray *steps = merged_list (self, ((Entry *)g_ptr_array_index (stages, s))->key, 0);

          for (guint i = 0; steps != NULL && i < steps->len; i++)
            g_hash_table_insert (columns, (gpointer)((Entry *)g_ptr_array_index (steps, i))->key,
                                 GUINT_TO_POINTER (++n_steps));
        }

      for (guint c = 0; cards != NULL && c < cards->len; c++)
        {
          Entry *card = g_ptr_array_index (cards, c);
          const char * const *cell = card->values[cell_field];
          guint column = GPOINTER_TO_UINT (g_hash_table_lookup (columns, cell[1]));
          int span = atoi (card->values[span_field][0]);

          if (column > 0 && column - 1 + (guint)span > n_steps)
            {
              GStrv fit = g_new0 (char *, 2);

              fit[0] = g_strdup_printf ("%u", n_steps - (column - 1));
              g_ptr_array_add (self->owned, fit);
              add_conflict (self, card, TPT_CONFLICT_KIND_EDIT, "span",
                            values_of (card, SIDE_BASE, span_field),
                            values_of (card, SIDE_OURS, span_field),
                            values_of (card, SIDE_THEIRS, span_field));
              card->values[span_field] = (const char * const *)fit;
            }
        }
    }
}

/* Building ------------------------------------------------------------------------------ */

static gboolean
build_node (Merge        *self,
            Entry        *entry,
            TptDocument  *document,
            GError      **error)
{
  TptSnapshotItem *src = entry->src;
  const TptField *fields;
  guint n_fields;
  TptNode *node;

  if (TPT_IS_DOCUMENT (src->node))
    node = TPT_NODE (document);
  else
    {
      entry->node = tpt_node_new_in (entry->type, NULL);
      node = entry->node;
      if (has_own_id (src))
        tpt_node_set_id (node, entry->key);
      tpt_node_copy_fields (node, src->node);
      if (TPT_IS_RATING (node))
        {
          tpt_rating_set_persona (TPT_RATING (node), src->part1);
          tpt_rating_set_need (TPT_RATING (node), src->part2);
        }
      else if (TPT_IS_EMOTION (node))
        {
          tpt_emotion_set_lane (TPT_EMOTION (node), src->part1);
          tpt_emotion_set_step (TPT_EMOTION (node), src->part2);
        }
    }

  fields = tpt_field_list (entry->type, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      /* Photos are big, and copying the fields copied them. */
      if (fields[i].shape == TPT_FIELD_PHOTO &&
          tpt_field_items_equal (entry->values[i], (const char * const *)src->values[i]))
        continue;
      if (!tpt_field_set (node, &fields[i], entry->values[i], error))
        {
          g_prefix_error (error, "%s %s: ", tpt_field_kind_name (entry->type), entry->key);
          return FALSE;
        }
    }

  return TRUE;
}

static TptConflict *
copy_conflict (TptConflict *source,
               GHashTable  *renames)
{
  TptConflict *copy = tpt_conflict_new ();
  const char *target = tpt_conflict_get_target (source);
  const char *partner = tpt_conflict_get_partner (source);
  const char *to;

  tpt_node_copy_fields (TPT_NODE (copy), TPT_NODE (source));
  if (renames != NULL)
    {
      to = g_hash_table_lookup (renames, target);
      target = to != NULL ? to : target;
      to = g_hash_table_lookup (renames, partner);
      partner = to != NULL ? to : partner;
      tpt_conflict_set_target (copy, target, partner);
    }
  return copy;
}

/* The conflicts the sides already had and nobody resolved: ours, and those
 * theirs added since the base; a conflict that ours resolved stays so. */
static void
keep_old_conflicts (Merge       *self,
                    TptDocument *document,
                    TptDocument *sides[N_SIDES],
                    GPtrArray   *kept)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) in_base = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *base_conflicts = tpt_document_get_conflicts (sides[SIDE_BASE]);

  for (guint i = 0; i < g_list_model_get_n_items (base_conflicts); i++)
    {
      g_autoptr(TptConflict) conflict = g_list_model_get_item (base_conflicts, i);

      g_hash_table_add (in_base, conflict_key (tpt_conflict_get_target (conflict),
                                               tpt_conflict_get_partner (conflict),
                                               tpt_conflict_get_field (conflict)));
    }

  for (Side side = SIDE_OURS; side <= SIDE_THEIRS; side++)
    {
      GListModel *conflicts = tpt_document_get_conflicts (sides[side]);

      for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
        {
          g_autoptr(TptConflict) source = g_list_model_get_item (conflicts, i);
          g_autoptr(TptConflict) copy = copy_conflict (source, side == SIDE_THEIRS ? self->renames
                                                                                   : NULL);
          g_autofree char *key = conflict_key (tpt_conflict_get_target (copy),
                                               tpt_conflict_get_partner (copy),
                                               tpt_conflict_get_field (copy));

          /* Superseded by a new one, resolved on our side, about something
           * gone, or had by both. */
          if (g_hash_table_contains (self->conflict_keys, key) ||
              (side == SIDE_THEIRS && g_hash_table_contains (in_base, key)) ||
              tpt_conflict_lookup_target (document, tpt_conflict_get_target (copy),
                                          tpt_conflict_get_partner (copy)) == NULL ||
              !g_hash_table_add (seen, g_strdup (key)))
            continue;
          g_ptr_array_add (kept, g_steal_pointer (&copy));
        }
    }
}

static TptDocument *
build (Merge        *self,
       TptDocument  *sides[N_SIDES],
       GError      **error)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(GPtrArray) old_conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  TptDocument *result;
  GHashTableIter iter;
  gpointer key, value;
  GListStore *const *root_stores;
  guint n_root_stores;

  tpt_document_set_loading (document, TRUE);

  for (guint i = 0; i < self->order->len; i++)
    {
      Entry *entry = g_ptr_array_index (self->order, i);

      if (entry->kept && !build_node (self, entry, document, error))
        return NULL;
    }

  /* Children into their parents, the document's last, which attaches
   * everything below them. */
  for (int pass = 0; pass < 2; pass++)
    {
      g_hash_table_iter_init (&iter, self->lists);
      while (g_hash_table_iter_next (&iter, &key, &value))
        {
          GPtrArray *list = value;
          Entry *first = g_ptr_array_index (list, 0);
          gboolean in_root = first->parent[0] == '\0';
          TptNode *parent;
          GListStore *const *stores;
          guint n_stores;

          if (in_root != (pass == 1))
            continue;

          parent = in_root ? TPT_NODE (document)
                           : ((Entry *)g_hash_table_lookup (self->entries, first->parent))->node;
          g_assert (parent != NULL);
          stores = tpt_node_get_child_stores (parent, &n_stores);
          g_assert (first->store < n_stores);
          for (guint i = 0; i < list->len; i++)
            tpt_node_insert_child_raw (parent, stores[first->store], i,
                                       ((Entry *)g_ptr_array_index (list, i))->node);
        }
    }

  keep_old_conflicts (self, document, sides, old_conflicts);
  self->stats->n_kept_conflicts = old_conflicts->len;
  root_stores = tpt_node_get_child_stores (TPT_NODE (document), &n_root_stores);
  for (guint i = 0; i < old_conflicts->len; i++)
    tpt_node_insert_child_raw (TPT_NODE (document), root_stores[n_root_stores - 1], i,
                               g_ptr_array_index (old_conflicts, i));
  for (guint i = 0; i < self->conflicts->len; i++)
    tpt_node_insert_child_raw (TPT_NODE (document), root_stores[n_root_stores - 1],
                               old_conflicts->len + i, g_ptr_array_index (self->conflicts, i));

  tpt_document_set_loading (document, FALSE);

  /* What the file will hold, read back: the merge's promise is a document
   * that loads. */
  bytes = tpt_document_serialize (document);
  result = tpt_document_load_bytes (bytes, &local_error);
  if (result == NULL)
    {
      g_set_error (error, TPT_ERROR, TPT_ERROR_INVALID,
                   _("The merged document does not hold together (line %d: %s); this is a "
                     "bug in Touchpoint's merge"),
                   tpt_error_get_line (local_error), local_error->message);
      return NULL;
    }
  return result;
}

/**
 * tpt_merge:
 * @base: the document both sides started from
 * @ours: our side's version, whose values win a conflict
 * @theirs: their side's version
 * @stats: (out caller-allocates) (optional): what the merge did
 * @error: return location for a #TPT_ERROR
 *
 * Merges the changes @ours and @theirs made to @base (see the top of
 * tpt-merge.c). The three documents are not changed. The result records
 * what it could not decide as conflicts (tpt_document_get_conflicts()),
 * keeping our side's value in the document; it has a clean history and
 * holds together as any loaded file does.
 *
 * Returns: (transfer full) (nullable): the merged document, or %NULL with
 *   @error set if it could not be built, which is a bug
 */
TptDocument *
tpt_merge (TptDocument    *base,
           TptDocument    *ours,
           TptDocument    *theirs,
           TptMergeStats  *stats,
           GError        **error)
{
  TptDocument *sides[N_SIDES] = { base, ours, theirs };
  TptMergeStats local_stats = { 0 };
  Merge self = { { NULL } };
  TptDocument *result;

  g_return_val_if_fail (TPT_IS_DOCUMENT (base), NULL);
  g_return_val_if_fail (TPT_IS_DOCUMENT (ours), NULL);
  g_return_val_if_fail (TPT_IS_DOCUMENT (theirs), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self.stats = stats != NULL ? stats : &local_stats;
  memset (self.stats, 0, sizeof *self.stats);
  self.entries = g_hash_table_new (g_str_hash, g_str_equal);
  self.order = g_ptr_array_new_with_free_func (entry_free);
  self.conflicts = g_ptr_array_new_with_free_func (g_object_unref);
  self.conflict_keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.renames = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                      (GDestroyNotify)g_ptr_array_unref);
  self.owned = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  g_queue_init (&self.worklist);

  for (Side side = 0; side < N_SIDES; side++)
    self.snapshots[side] = tpt_snapshot_new (sides[side], NULL);
  find_renames (&self, theirs);

  /* Entries in ours's order, then what only theirs has, then the base's. */
  for (Side side = SIDE_OURS; side < N_SIDES + SIDE_OURS; side++)
    {
      Side s = side % N_SIDES;
      TptSnapshot *snapshot = self.snapshots[s];

      for (guint i = 0; i < snapshot->items->len; i++)
        {
          TptSnapshotItem *item = g_ptr_array_index (snapshot->items, i);

          ensure_entry (&self, item)->items[s] = item;
        }
    }

  for (guint i = 0; i < self.order->len; i++)
    merge_entry (&self, g_ptr_array_index (self.order, i));

  hold_together (&self);
  merge_lists (&self);
  fit_spans (&self);

  result = build (&self, sides, error);

  g_queue_clear (&self.worklist);
  g_ptr_array_unref (self.owned);
  g_hash_table_unref (self.lists);
  for (Side side = 0; side < N_SIDES; side++)
    g_clear_pointer (&self.deps[side], g_hash_table_unref);
  g_hash_table_unref (self.entries);
  g_ptr_array_unref (self.order);
  g_ptr_array_unref (self.conflicts);
  g_hash_table_unref (self.conflict_keys);
  g_hash_table_unref (self.renames);
  for (Side side = 0; side < N_SIDES; side++)
    tpt_snapshot_free (self.snapshots[side]);

  return result;
}
