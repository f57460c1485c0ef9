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
 * (inside a longest run that kept its order, tpt_snapshot_moved()) keep
 * it, then each side's moved and added nodes go after the node before them
 * on that side; where both put nodes after the same one, theirs come first,
 * as if their edits had been made after ours. Then every two nodes keep
 * the order a side swapped them into, or else the base's (keep_pairs()).
 * A node both sides moved lands where these pairs put it, which is one
 * side's choice or between them; it records no conflict. Lists of texts
 * and ids (goals, the needs a card serves) merge as sets, ours then
 * theirs. A node both moved to different places stays
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

static const char *
key_before (TptSnapshot     *snapshot,
            TptSnapshotItem *item)
{
  GPtrArray *list = item->list != NULL ? tpt_snapshot_get_list (snapshot, item->list) : NULL;
  guint index;

  if (list == NULL || !g_ptr_array_find (list, item, &index) || index == 0)
    return NULL;
  return ((TptSnapshotItem *)g_ptr_array_index (list, index - 1))->key;
}

/* Both sides added a node under one id: the same node only if they agree
 * on everything, where it is included (a change both sides took from one
 * commit); two designers who each added an empty stage added two. */
static gboolean
same_addition (Merge           *self,
               TptSnapshotItem *o,
               TptSnapshotItem *t)
{
  return tpt_snapshot_item_equal (o, t) &&
         g_strcmp0 (key_before (self->snapshots[SIDE_OURS], o),
                    key_before (self->snapshots[SIDE_THEIRS], t)) == 0;
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
              g_hash_table_contains (self->renames, id) || same_addition (self, o, t))
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

/* Lists of texts and of ids (goals, the needs a card serves) are sets:
 * what either side added is in, what either removed is out, in our order
 * and then theirs. */
static const char * const *
merge_sets (Merge              *self,
            const char * const *base,
            const char * const *ours,
            const char * const *theirs)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv merged;

  for (guint i = 0; ours[i] != NULL; i++)
    if (g_strv_contains (theirs, ours[i]) || !g_strv_contains (base, ours[i]))
      g_strv_builder_add (builder, ours[i]);
  for (guint i = 0; theirs[i] != NULL; i++)
    if (!g_strv_contains (ours, theirs[i]) && !g_strv_contains (base, theirs[i]))
      g_strv_builder_add (builder, theirs[i]);

  merged = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  g_ptr_array_add (self->owned, merged);
  return (const char * const *)merged;
}

static gboolean
cleared_by_deletion (Merge              *self,
                     Side                side,
                     const char * const *base,
                     const char * const *value)
{
  return value[0] == NULL && base[0] != NULL &&
         tpt_snapshot_lookup (self->snapshots[SIDE_BASE], base[0]) != NULL &&
         tpt_snapshot_lookup (self->snapshots[side], base[0]) == NULL;
}

/* Whether @side changed @entry's node from the base: not counting what
 * deleting other nodes did to it on that side (a reference cleared, an id
 * taken out of a list). */
static gboolean
side_changed (Merge *self,
              Entry *entry,
              Side   side)
{
  TptSnapshotItem *item = entry->items[side];
  TptSnapshotItem *base = entry->items[SIDE_BASE];
  const TptField *fields;
  guint n_fields;

  if (g_strcmp0 (item->parent, base->parent) != 0)
    return TRUE;

  fields = tpt_field_list (entry->type, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const char * const *vb = (const char * const *)base->values[i];
      const char * const *vs = (const char * const *)item->values[i];

      if (tpt_field_items_equal (vb, vs))
        continue;
      if (fields[i].shape == TPT_FIELD_REF && cleared_by_deletion (self, side, vb, vs))
        continue;
      if (fields[i].shape == TPT_FIELD_REFS)
        {
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          g_auto(GStrv) kept = NULL;

          for (guint j = 0; vb[j] != NULL; j++)
            if (tpt_snapshot_lookup (self->snapshots[side], vb[j]) != NULL)
              g_strv_builder_add (builder, vb[j]);
          kept = g_strv_builder_end (builder);
          if (tpt_field_items_equal ((const char * const *)kept, vs))
            continue;
        }
      return TRUE;
    }
  return FALSE;
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
          else if (fields[i].shape == TPT_FIELD_TEXTS || fields[i].shape == TPT_FIELD_REFS)
            entry->values[i] = merge_sets (self, vb, vo, vt);
          else if (b != NULL && tpt_field_items_equal (vo, vb))
            entry->values[i] = vt;
          else if (b != NULL && tpt_field_items_equal (vt, vb))
            entry->values[i] = vo;
          /* A reference a side cleared because it deleted what it pointed
           * to gives way to the other side's edit of it. */
          else if (fields[i].shape == TPT_FIELD_REF && b != NULL &&
                   cleared_by_deletion (self, SIDE_THEIRS, vb, vt))
            entry->values[i] = vo;
          else if (fields[i].shape == TPT_FIELD_REF && b != NULL &&
                   cleared_by_deletion (self, SIDE_OURS, vb, vo))
            entry->values[i] = vt;
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
      entry->kept = side_changed (self, entry, SIDE_OURS);
      if (entry->kept)
        add_conflict (self, entry, TPT_CONFLICT_KIND_DELETED_BY_THEIRS, NULL, NULL, NULL, NULL);
    }
  else if (b != NULL && t != NULL)
    {
      entry->kept = side_changed (self, entry, SIDE_THEIRS);
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

/* Where @entry is in @seq, looked for from @from on first: walking a
 * side's list, the next placed node is usually just after the last, and
 * a search from the start for each would take quadratic time. */
static gboolean
find_from (GPtrArray *seq,
           Entry     *entry,
           guint      from,
           guint     *index)
{
  for (guint i = from; i < seq->len; i++)
    if (g_ptr_array_index (seq, i) == entry)
      {
        *index = i;
        return TRUE;
      }
  for (guint i = 0; i < MIN (from, seq->len); i++)
    if (g_ptr_array_index (seq, i) == entry)
      {
        *index = i;
        return TRUE;
      }
  return FALSE;
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
               find_from (seq, entry, (guint)(last + 1), &index))
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

/* A card's cell as a string, equal for equal cells (tpt_field_items_equal()). */
static char *
cell_key (TptSnapshotItem *card)
{
  const char * const *items = (const char * const *)card->values[tpt_field_index (TPT_TYPE_CARD,
                                                                                  "cell")];
  g_autoptr(GString) key = g_string_new (NULL);

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      /* Each item with its length, so that no two cells run together. */
      g_string_append_printf (key, "%zu:", strlen (items[i]));
      g_string_append (key, items[i]);
    }
  return g_string_free (g_steal_pointer (&key), FALSE);
}

/* The cards of @list by cell, each cell's in list order: one pass, so that
 * a blueprint of thousands of one-card cells is not scanned once a cell. */
static GHashTable *
cells_of (GPtrArray *list)
{
  GHashTable *cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                             (GDestroyNotify)g_ptr_array_unref);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      TptSnapshotItem *card = g_ptr_array_index (list, i);
      g_autofree char *key = cell_key (card);
      GPtrArray *members = g_hash_table_lookup (cells, key);

      if (members == NULL)
        {
          members = g_ptr_array_new ();
          g_hash_table_insert (cells, g_steal_pointer (&key), members);
        }
      g_ptr_array_add (members, card);
    }
  return cells;
}

/* Which nodes a side moved in a list (tpt_snapshot_moved()); for cards,
 * whose order only means something within a cell, which cards changed
 * place within their cell or came into it. */
static GHashTable *
moved_in_list (GPtrArray *base,
               GPtrArray *side)
{
  GHashTable *moved;
  g_autoptr(GHashTable) base_cells = NULL;
  g_autoptr(GHashTable) side_cells = NULL;
  g_autoptr(GPtrArray) nobody = NULL;
  GHashTableIter cells;
  gpointer key, value;

  if (side == NULL || side->len == 0 ||
      ((TptSnapshotItem *)g_ptr_array_index (side, 0))->type != TPT_TYPE_CARD)
    return tpt_snapshot_moved (base, side);

  moved = g_hash_table_new (g_str_hash, g_str_equal);
  base_cells = cells_of (base);
  side_cells = cells_of (side);
  nobody = g_ptr_array_new ();
  g_hash_table_iter_init (&cells, side_cells);
  while (g_hash_table_iter_next (&cells, &key, &value))
    {
      GPtrArray *from = g_hash_table_lookup (base_cells, key);
      g_autoptr(GHashTable) cell_moved = tpt_snapshot_moved (from != NULL ? from : nobody, value);
      GHashTableIter iter;
      gpointer card;

      g_hash_table_iter_init (&iter, cell_moved);
      while (g_hash_table_iter_next (&iter, &card, NULL))
        g_hash_table_add (moved, card);
    }
  return moved;
}

/* Lists longer than this keep the placing of merge_order() alone. */
#define MAX_PAIRS_LIST 400

/* Where on a side's version of @list each member is, or -1. */
static int *
places_on (Merge      *self,
           GPtrArray  *seq,
           Side        side,
           const char *list)
{
  GPtrArray *items = tpt_snapshot_get_list (self->snapshots[side], list);
  int *places = g_new (int, seq->len);
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);

  for (guint i = 0; items != NULL && i < items->len; i++)
    g_hash_table_insert (index, g_ptr_array_index (items, i), GUINT_TO_POINTER (i + 1));
  for (guint i = 0; i < seq->len; i++)
    {
      Entry *entry = g_ptr_array_index (seq, i);
      TptSnapshotItem *item = entry->items[side];

      places[i] = item != NULL ? (int)GPOINTER_TO_UINT (g_hash_table_lookup (index, item)) - 1
                               : -1;
    }
  return places;
}

/* Refines the order: every two nodes keep the order the base had them in,
 * unless a side swapped them, and then the swapped order; two nodes not
 * both in the base take the order of a side that has both. So that a move
 * whose run the longest-run guess got wrong still lands as it should, the
 * nodes are sorted by these pairs (cards only against those of their
 * cell), ties and whatever the pairs leave open in the order placed. */
static void
keep_pairs (Merge      *self,
            GPtrArray  *seq,
            const char *list)
{
  guint n = seq->len;
  g_autofree int *base = NULL;
  g_autofree int *ours = NULL;
  g_autofree int *theirs = NULL;
  g_autofree guint8 *before = NULL;   /* before[i * n + j]: i must come before j */
  g_autofree guint *needs = NULL;     /* how many must come before each */
  g_autofree gboolean *done = NULL;
  g_autoptr(GPtrArray) sorted = NULL;

  if (n < 2 || n > MAX_PAIRS_LIST)
    return;

  base = places_on (self, seq, SIDE_BASE, list);
  ours = places_on (self, seq, SIDE_OURS, list);
  theirs = places_on (self, seq, SIDE_THEIRS, list);
  before = g_new0 (guint8, (gsize)n * n);
  needs = g_new0 (guint, n);
  done = g_new0 (gboolean, n);

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        Entry *a = g_ptr_array_index (seq, i);
        Entry *b = g_ptr_array_index (seq, j);
        int order = 0;   /* 1: a first, -1: b first, 0: open */

        if (a->type == TPT_TYPE_CARD && !same_group (a->src, b->src) &&
            !tpt_field_items_equal (a->values[tpt_field_index (TPT_TYPE_CARD, "cell")],
                                    b->values[tpt_field_index (TPT_TYPE_CARD, "cell")]))
          continue;

        if (base[i] >= 0 && base[j] >= 0)
          {
            int was = base[i] < base[j] ? 1 : -1;
            gboolean ours_swapped = ours[i] >= 0 && ours[j] >= 0 &&
                                    (ours[i] < ours[j] ? 1 : -1) != was;
            gboolean theirs_swapped = theirs[i] >= 0 && theirs[j] >= 0 &&
                                      (theirs[i] < theirs[j] ? 1 : -1) != was;

            order = ours_swapped || theirs_swapped ? -was : was;
          }
        else if (ours[i] >= 0 && ours[j] >= 0 && theirs[i] >= 0 && theirs[j] >= 0)
          {
            int in_ours = ours[i] < ours[j] ? 1 : -1;
            int in_theirs = theirs[i] < theirs[j] ? 1 : -1;

            order = in_ours == in_theirs ? in_ours : 0;
          }
        else if (ours[i] >= 0 && ours[j] >= 0)
          order = ours[i] < ours[j] ? 1 : -1;
        else if (theirs[i] >= 0 && theirs[j] >= 0)
          order = theirs[i] < theirs[j] ? 1 : -1;

        if (order > 0)
          {
            before[i * n + j] = 1;
            needs[j]++;
          }
        else if (order < 0)
          {
            before[j * n + i] = 1;
            needs[i]++;
          }
      }

  /* The first node, in the placed order, that nothing left must precede;
   * if the pairs go round in a circle, the first node left. */
  sorted = g_ptr_array_new ();
  for (guint k = 0; k < n; k++)
    {
      guint pick = n;

      for (guint i = 0; i < n && pick == n; i++)
        if (!done[i] && needs[i] == 0)
          pick = i;
      for (guint i = 0; i < n && pick == n; i++)
        if (!done[i])
          pick = i;

      done[pick] = TRUE;
      g_ptr_array_add (sorted, g_ptr_array_index (seq, pick));
      for (guint j = 0; j < n; j++)
        if (before[pick * n + j] && needs[j] > 0)
          needs[j]--;
    }

  for (guint i = 0; i < n; i++)
    g_ptr_array_index (seq, i) = g_ptr_array_index (sorted, i);
}

static GPtrArray *
merge_order (Merge      *self,
             const char *list,
             GPtrArray  *members)
{
  GPtrArray *lb = tpt_snapshot_get_list (self->snapshots[SIDE_BASE], list);
  GPtrArray *lo = tpt_snapshot_get_list (self->snapshots[SIDE_OURS], list);
  GPtrArray *lt = tpt_snapshot_get_list (self->snapshots[SIDE_THEIRS], list);
  g_autoptr(GHashTable) moved_ours = moved_in_list (lb, lo);
  g_autoptr(GHashTable) moved_theirs = moved_in_list (lb, lt);
  GPtrArray *seq = g_ptr_array_new ();
  gboolean ordered;

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

  /* Where both sides put nodes after the same node, theirs come first, as
   * if their edits had been made after ours, one at a time; in lists whose
   * order means nothing (ratings, flows, emotion points), which both sides
   * only ever add to at the end, ours stay first. */
  ordered = members->len > 0 &&
            records_position (((Entry *)g_ptr_array_index (members, 0))->type);
  place_pass (self, seq, lo, list, MASK (PLACE_OURS) | MASK (PLACE_BOTH), 0);
  place_pass (self, seq, lt, list, MASK (PLACE_THEIRS),
              ordered ? 0 : MASK (PLACE_OURS) | MASK (PLACE_BOTH));
  place_pass (self, seq, lb, list, MASK (PLACE_BASE),
              ordered ? 0 : MASK (PLACE_OURS) | MASK (PLACE_BOTH) | MASK (PLACE_THEIRS));

  for (guint i = 0; i < members->len; i++)
    {
      Entry *entry = g_ptr_array_index (members, i);

      if (!entry->placed)
        {
          g_ptr_array_add (seq, entry);
          entry->placed = TRUE;
        }
    }

  if (ordered)
    keep_pairs (self, seq, list);
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
