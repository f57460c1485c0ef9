/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-snapshot"

#include "config.h"

#include "tpt-snapshot.h"

#include "tpt-node-private.h"

static void
item_free (gpointer data)
{
  TptSnapshotItem *item = data;

  g_free (item->key);
  g_free (item->parent);
  g_free (item->list);
  g_free (item->blueprint);
  g_free (item->part1);
  g_free (item->part2);
  for (guint i = 0; i < item->n_values; i++)
    g_strfreev (item->values[i]);
  g_free (item->values);
  g_free (item);
}

static char *
renamed (GHashTable *renames,
         const char *id)
{
  const char *to = renames != NULL && id != NULL ? g_hash_table_lookup (renames, id) : NULL;

  return g_strdup (to != NULL ? to : id);
}

/* Renames the ids in a value of @field. */
static void
rename_items (const TptField *field,
              GStrv           items,
              GHashTable     *renames)
{
  guint first = 0;

  switch (field->shape)
    {
    case TPT_FIELD_REF:
    case TPT_FIELD_REFS:
    case TPT_FIELD_CELL:
    case TPT_FIELD_ENDS:
      break;
    case TPT_FIELD_SHOWS:
      first = 1;
      break;
    default:
      return;
    }

  for (guint i = first; items[i] != NULL; i++)
    {
      char *to = renamed (renames, items[i]);

      g_free (items[i]);
      items[i] = to;
    }
}

char *
tpt_snapshot_list_name (const char *parent,
                        guint       store)
{
  return g_strdup_printf ("%s/%u", parent, store);
}

typedef struct
{
  TptSnapshot *self;
  GHashTable  *renames;
} Walk;

static void
walk (Walk       *walk_data,
      TptNode    *node,
      const char *parent,
      guint       store,
      guint       index,
      const char *blueprint)
{
  TptSnapshot *self = walk_data->self;
  GHashTable *renames = walk_data->renames;
  TptSnapshotItem *item;
  const TptField *fields;
  guint n_fields;
  GListStore *const *stores;
  guint n_stores;

  /* Facts are their persona's field; conflicts are merged apart. */
  if (TPT_IS_FACT (node) || TPT_IS_CONFLICT (node))
    return;

  item = g_new0 (TptSnapshotItem, 1);
  item->node = node;
  item->type = G_OBJECT_TYPE (node);
  item->parent = renamed (renames, parent);
  item->store = store;
  item->index = index;
  item->blueprint = renamed (renames, blueprint);

  if (TPT_IS_DOCUMENT (node))
    item->key = g_strdup ("");
  else if (TPT_IS_RATING (node))
    {
      item->part1 = renamed (renames, tpt_rating_get_persona (TPT_RATING (node)));
      item->part2 = renamed (renames, tpt_rating_get_need (TPT_RATING (node)));
    }
  else if (TPT_IS_EMOTION (node))
    {
      item->part1 = renamed (renames, tpt_emotion_get_lane (TPT_EMOTION (node)));
      item->part2 = renamed (renames, tpt_emotion_get_step (TPT_EMOTION (node)));
    }
  else
    item->key = renamed (renames, tpt_node_get_id (node));

  if (item->key == NULL)
    item->key = g_strconcat (item->part1, " ", item->part2, NULL);
  if (parent != NULL)
    item->list = tpt_snapshot_list_name (item->parent, store);

  fields = tpt_field_list (item->type, &n_fields);
  item->n_values = n_fields;
  item->values = g_new0 (GStrv, MAX (n_fields, 1));
  for (guint i = 0; i < n_fields; i++)
    {
      item->values[i] = tpt_field_get (node, &fields[i]);
      rename_items (&fields[i], item->values[i], renames);
    }

  g_ptr_array_add (self->items, item);
  g_hash_table_insert (self->by_key, item->key, item);
  if (item->list != NULL)
    {
      GPtrArray *list = g_hash_table_lookup (self->lists, item->list);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (self->lists, g_strdup (item->list), list);
        }
      g_ptr_array_add (list, item);
    }

  if (TPT_IS_BLUEPRINT (node))
    blueprint = tpt_node_get_id (node);

  stores = tpt_node_get_child_stores (node, &n_stores);
  for (guint s = 0; s < n_stores; s++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (stores[s]));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TptNode) child = g_list_model_get_item (G_LIST_MODEL (stores[s]), i);

          walk (walk_data, child, item->key, s, i, blueprint);
        }
    }
}

/**
 * tpt_snapshot_new:
 * @document: a document
 * @renames: (nullable): ids to read as others (old id → new id)
 *
 * Returns: (transfer full): the snapshot, which keeps @document alive
 */
TptSnapshot *
tpt_snapshot_new (TptDocument *document,
                  GHashTable  *renames)
{
  TptSnapshot *self = g_new0 (TptSnapshot, 1);
  Walk walk_data = { self, renames };

  self->document = g_object_ref (document);
  self->items = g_ptr_array_new_with_free_func (item_free);
  self->by_key = g_hash_table_new (g_str_hash, g_str_equal);
  self->lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify)g_ptr_array_unref);

  walk (&walk_data, TPT_NODE (document), NULL, 0, 0, NULL);

  return self;
}

void
tpt_snapshot_free (TptSnapshot *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->lists);
  g_hash_table_unref (self->by_key);
  g_ptr_array_unref (self->items);
  g_object_unref (self->document);
  g_free (self);
}

TptSnapshotItem *
tpt_snapshot_lookup (TptSnapshot *self,
                     const char  *key)
{
  return key != NULL ? g_hash_table_lookup (self->by_key, key) : NULL;
}

/**
 * tpt_snapshot_get_list:
 * @self: a snapshot
 * @list: a list's name
 *
 * Returns: (transfer none) (nullable): the items of the list, in order, or
 *   %NULL for an empty one
 */
GPtrArray *
tpt_snapshot_get_list (TptSnapshot *self,
                       const char  *list)
{
  return g_hash_table_lookup (self->lists, list);
}

/* Whether two items of one key hold the same values in the same place of
 * the tree (their positions in the list aside). */
gboolean
tpt_snapshot_item_equal (TptSnapshotItem *a,
                         TptSnapshotItem *b)
{
  if (a->type != b->type || g_strcmp0 (a->parent, b->parent) != 0 || a->store != b->store)
    return FALSE;

  for (guint i = 0; i < a->n_values; i++)
    if (!tpt_field_items_equal ((const char * const *)a->values[i],
                                (const char * const *)b->values[i]))
      return FALSE;
  return TRUE;
}

/**
 * tpt_snapshot_moved:
 * @from: (nullable): items of a list before
 * @to: (nullable): items of the list after
 *
 * Finds which items of @to changed place: those outside a longest run that
 * kept its order from @from (so that inserting one item does not count as
 * moving all after it), and those @from did not have.
 *
 * Returns: (transfer container): the set of their keys
 */
GHashTable *
tpt_snapshot_moved (GPtrArray *from,
                    GPtrArray *to)
{
  GHashTable *moved = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) positions = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree int *tails = NULL;      /* index in @to of the end of a run of each length */
  g_autofree int *previous = NULL;   /* index in @to of the item before, in its run */
  g_autofree int *at = NULL;         /* position in @from of each item of @to, or -1 */
  guint n_to = to != NULL ? to->len : 0;
  int length = 0;

  if (n_to == 0)
    return moved;

  for (guint i = 0; from != NULL && i < from->len; i++)
    g_hash_table_insert (positions, ((TptSnapshotItem *)g_ptr_array_index (from, i))->key,
                         GUINT_TO_POINTER (i + 1));

  tails = g_new (int, n_to);
  previous = g_new (int, n_to);
  at = g_new (int, n_to);

  for (guint i = 0; i < n_to; i++)
    {
      TptSnapshotItem *item = g_ptr_array_index (to, i);
      guint position = GPOINTER_TO_UINT (g_hash_table_lookup (positions, item->key));
      int low = 0, high = length;

      at[i] = (int)position - 1;
      previous[i] = -1;
      if (at[i] < 0)
        continue;

      /* Patience sorting: the longest increasing run of positions. */
      while (low < high)
        {
          int middle = (low + high) / 2;

          if (at[tails[middle]] < at[i])
            low = middle + 1;
          else
            high = middle;
        }
      previous[i] = low > 0 ? tails[low - 1] : -1;
      tails[low] = (int)i;
      if (low == length)
        length++;
    }

  {
    g_autofree gboolean *kept = g_new0 (gboolean, n_to);

    for (int i = length > 0 ? tails[length - 1] : -1; i >= 0; i = previous[i])
      kept[i] = TRUE;

    for (guint i = 0; i < n_to; i++)
      if (!kept[i])
        g_hash_table_add (moved, ((TptSnapshotItem *)g_ptr_array_index (to, i))->key);
  }

  return moved;
}
