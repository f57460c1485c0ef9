/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-history-entry-private.h"
#include "tpt-history-journal-private.h"
#include "tpt-history-private.h"

#include "tpt-blueprint.h"
#include "tpt-card.h"
#include "tpt-document.h"
#include "tpt-emotion.h"
#include "tpt-error.h"
#include "tpt-fact.h"
#include "tpt-flow.h"
#include "tpt-format.h"
#include "tpt-lane.h"
#include "tpt-need.h"
#include "tpt-node-private.h"
#include "tpt-persona.h"
#include "tpt-rating.h"
#include "tpt-slide.h"
#include "tpt-stage.h"
#include "tpt-step.h"

/* The history's journal: the undo history written out, so that a recovery
 * copy of a document comes back with its Undo and Redo.
 *
 * A change in memory points at node objects, which mean nothing in another
 * process. So each change is also described, as it is pushed, by a record
 * that names nodes by where they are at that moment: by id, or for nodes
 * without one (ratings, facts, emotions) by the nearest node with an id and
 * the list positions below it. A child entering or leaving a list is
 * recorded whole, as it is then. The records of one entry never change
 * (only a merge of typing replaces the new value), so a journal is a list
 * of entries that are written once and kept.
 *
 * A journal goes with the document as it is at its position. To restore it
 * the document is walked back to the start of the history by undoing each
 * record, from the last applied to the first, and forward again making a
 * real change of each record, which builds the entries as the history
 * holds them. Each record is made or undone against exactly the state it
 * was recorded in, so every reference resolves. The redo tail is made and
 * undone again, and the document must then be byte for byte what it was:
 * if anything does not fit, the restore fails and the caller reads the
 * document again without its history.
 *
 * The format: "(uuua(suav))", the journal version, the number of entries
 * applied (the position), the number of entries, and each entry's label,
 * flags and records. A record is either
 *   "(y(sa(uu))svv)": 'f', the node, the field, its old and new value, or
 *   "(y(sa(uu))uubv)": 'l', the owner, which of its lists, the position,
 *     whether the child enters (or leaves) it, and the child.
 * A node reference is "(sa(uu))": an id ("" for the document) and the path
 * of (list, position) pairs from it. A child is "(ssa{sv}aav)": its type,
 * its id ("" for none), its fields and the children of each of its lists. */

#define JOURNAL_VERSION 1
#define JOURNAL_TYPE    "(uuua(suav))"
#define REF_TYPE        "(sa(uu))"
#define FIELD_TYPE      "(y(sa(uu))svv)"
#define LIST_TYPE       "(y(sa(uu))uubv)"
#define NODE_TYPE       "(ssa{sv}aav)"
/* Deeper than the format allows (TPT_MAX_DEPTH), so never a real child. */
#define MAX_NODE_DEPTH  16

/* Writing --------------------------------------------------------------- */

/* Which of @parent's lists holds @node, and where. */
static void
locate_child (TptNode *parent,
              TptNode *node,
              guint   *store_index,
              guint   *position)
{
  GListStore *const *stores;
  guint n_stores;

  stores = tpt_node_get_child_stores (parent, &n_stores);
  for (guint s = 0; s < n_stores; s++)
    if (g_type_is_a (G_OBJECT_TYPE (node), g_list_model_get_item_type (G_LIST_MODEL (stores[s]))) &&
        g_list_store_find (stores[s], node, position))
      {
        *store_index = s;
        return;
      }

  g_assert_not_reached ();
}

GVariant *
tpt_journal_node_ref (TptNode *node)
{
  GVariantBuilder path;
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (guint) * 2);

  while (!TPT_IS_DOCUMENT (node) && tpt_node_get_id (node) == NULL)
    {
      TptNode *parent = tpt_node_get_parent (node);
      guint step[2];

      g_assert (parent != NULL);
      locate_child (parent, node, &step[0], &step[1]);
      g_array_prepend_vals (steps, step, 1);
      node = parent;
    }

  g_variant_builder_init (&path, G_VARIANT_TYPE ("a(uu)"));
  for (guint i = 0; i < steps->len; i++)
    {
      const guint *step = &g_array_index (steps, guint, i * 2);

      g_variant_builder_add (&path, "(uu)", step[0], step[1]);
    }

  return g_variant_new ("(sa(uu))", TPT_IS_DOCUMENT (node) ? "" : tpt_node_get_id (node),
                        &path);
}

GVariant *
tpt_journal_value (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_variant_new_maybe (G_VARIANT_TYPE_STRING,
                                g_value_get_string (value) != NULL ?
                                g_variant_new_string (g_value_get_string (value)) : NULL);
  if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      return g_variant_new_maybe (G_VARIANT_TYPE_STRING_ARRAY,
                                  strv != NULL ? g_variant_new_strv (strv, -1) : NULL);
    }
  if (type == G_TYPE_BYTES)
    {
      GBytes *bytes = g_value_get_boxed (value);

      return g_variant_new_maybe (G_VARIANT_TYPE_BYTESTRING,
                                  bytes != NULL ?
                                  g_variant_new_from_bytes (G_VARIANT_TYPE_BYTESTRING, bytes,
                                                            TRUE) : NULL);
    }
  if (type == G_TYPE_INT)
    return g_variant_new_int32 (g_value_get_int (value));
  if (type == G_TYPE_UINT)
    return g_variant_new_uint32 (g_value_get_uint (value));
  if (type == G_TYPE_BOOLEAN)
    return g_variant_new_boolean (g_value_get_boolean (value));
  if (type == G_TYPE_DOUBLE)
    return g_variant_new_double (g_value_get_double (value));
  if (G_TYPE_IS_ENUM (type))
    return g_variant_new_int32 (g_value_get_enum (value));

  g_assert_not_reached ();
}

GVariant *
tpt_journal_node_snapshot (TptNode *node)
{
  TptNodeClass *klass = TPT_NODE_GET_CLASS (node);
  GListStore *const *stores;
  GVariantBuilder fields;
  GVariantBuilder children;
  guint n_stores;
  const char *id = tpt_node_get_id (node);

  g_variant_builder_init (&fields, G_VARIANT_TYPE ("a{sv}"));
  for (guint i = 1; i < klass->n_fields; i++)
    g_variant_builder_add (&fields, "{sv}", g_param_spec_get_name (klass->fields[i]),
                           tpt_journal_value (tpt_node_get_field (node, i)));

  g_variant_builder_init (&children, G_VARIANT_TYPE ("aav"));
  stores = tpt_node_get_child_stores (node, &n_stores);
  for (guint s = 0; s < n_stores; s++)
    {
      GListModel *model = G_LIST_MODEL (stores[s]);
      guint n = g_list_model_get_n_items (model);

      g_variant_builder_open (&children, G_VARIANT_TYPE ("av"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TptNode) child = g_list_model_get_item (model, i);

          g_variant_builder_add (&children, "v", tpt_journal_node_snapshot (child));
        }
      g_variant_builder_close (&children);
    }

  return g_variant_new ("(ssa{sv}aav)", G_OBJECT_TYPE_NAME (node), id != NULL ? id : "",
                        &fields, &children);
}

/* A typing run: the first record's node, field and old value, the next
 * one's new value. */
GVariant *
tpt_journal_merge_records (GVariant *first,
                           GVariant *next)
{
  g_autoptr(GVariant) ref = NULL;
  g_autoptr(GVariant) old_value = NULL;
  g_autoptr(GVariant) new_value = NULL;
  const char *field;
  guchar tag;

  g_assert (g_variant_is_of_type (first, G_VARIANT_TYPE (FIELD_TYPE)));
  g_assert (g_variant_is_of_type (next, G_VARIANT_TYPE (FIELD_TYPE)));

  g_variant_get (first, "(y@(sa(uu))&svv)", &tag, &ref, &field, &old_value, NULL);
  g_variant_get_child (next, 4, "v", &new_value);

  return g_variant_ref_sink (g_variant_new ("(y@(sa(uu))svv)", tag, ref, field, old_value,
                                            new_value));
}

/**
 * tpt_history_dup_journal:
 * @self: a #TptHistory
 *
 * Writes the history out, for a recovery copy of the document as it is
 * now; see tpt_history_restore_journal(). Only the entries since the
 * journal was turned on are in it, and none if that was after the
 * position. Cheap: the entries are written once and shared. The result is
 * immutable, so it may be serialized in another thread.
 *
 * Returns: (transfer full): the journal
 */
GVariant *
tpt_history_dup_journal (TptHistory *self)
{
  GPtrArray *entries;
  g_autofree GVariant **items = NULL;
  guint position, first, n;

  g_return_val_if_fail (TPT_IS_HISTORY (self), NULL);

  entries = tpt_history_peek_entries (self);
  position = tpt_history_get_position (self);

  /* The journaled entries at the end; those before can't be told. */
  first = entries->len;
  while (first > 0 && tpt_history_entry_get_journal (g_ptr_array_index (entries, first - 1)))
    first--;
  if (first > position)
    first = position = entries->len;

  n = entries->len - first;
  items = g_new (GVariant *, n + 1);
  for (guint i = 0; i < n; i++)
    items[i] = tpt_history_entry_get_journal (g_ptr_array_index (entries, first + i));

  return g_variant_ref_sink (g_variant_new ("(uuu@a(suav))", JOURNAL_VERSION,
                                            position - first, n,
                                            g_variant_new_array (G_VARIANT_TYPE ("(suav)"),
                                                                 items, n)));
}

/* Reading --------------------------------------------------------------- */

static GType
node_type_from_name (const char *name)
{
  static GType (*const types[]) (void) = {
    tpt_blueprint_get_type, tpt_card_get_type, tpt_emotion_get_type, tpt_fact_get_type,
    tpt_flow_get_type, tpt_lane_get_type, tpt_need_get_type, tpt_persona_get_type,
    tpt_rating_get_type, tpt_slide_get_type, tpt_stage_get_type, tpt_step_get_type,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GType type = types[i] ();

      if (g_str_equal (g_type_name (type), name))
        return type;
    }

  return G_TYPE_INVALID;
}

static TptNode *
resolve (TptDocument *document,
         GVariant    *ref)
{
  g_autoptr(GVariantIter) path = NULL;
  const char *id;
  TptNode *node;
  guint s, p;

  g_variant_get (ref, "(&sa(uu))", &id, &path);
  node = id[0] == '\0' ? TPT_NODE (document) : tpt_document_lookup (document, id);

  while (node != NULL && g_variant_iter_next (path, "(uu)", &s, &p))
    {
      GListStore *const *stores;
      guint n_stores;
      g_autoptr(TptNode) child = NULL;

      stores = tpt_node_get_child_stores (node, &n_stores);
      if (s >= n_stores || p >= g_list_model_get_n_items (G_LIST_MODEL (stores[s])))
        return NULL;
      child = g_list_model_get_item (G_LIST_MODEL (stores[s]), p);
      /* The list holds it. */
      node = child;
    }

  return node;
}

/* The field @name of @node, if it has one. */
static guint
find_field (TptNode    *node,
            const char *name)
{
  TptNodeClass *klass = TPT_NODE_GET_CLASS (node);

  for (guint i = 1; i < klass->n_fields; i++)
    if (g_str_equal (g_param_spec_get_name (klass->fields[i]), name))
      return i;

  return 0;
}

static gboolean value_from_variant_unchecked (GVariant *variant,
                                              GType     type,
                                              GValue   *value);

/* A value the field may hold: of its type, and within its range, so no
 * state a journal leads to is one the model could not reach. */
static gboolean
value_from_variant (GVariant   *variant,
                    GParamSpec *pspec,
                    GValue     *value)
{
  return value_from_variant_unchecked (variant, pspec->value_type, value) &&
         !g_param_value_validate (pspec, value);
}

static gboolean
value_from_variant_unchecked (GVariant *variant,
                              GType     type,
                              GValue   *value)
{
  g_value_init (value, type);

  if (type == G_TYPE_STRING || type == G_TYPE_STRV || type == G_TYPE_BYTES)
    {
      const GVariantType *inner = type == G_TYPE_STRING ? G_VARIANT_TYPE_STRING :
                                  type == G_TYPE_STRV ? G_VARIANT_TYPE_STRING_ARRAY :
                                  G_VARIANT_TYPE_BYTESTRING;
      g_autoptr(GVariantType) maybe = g_variant_type_new_maybe (inner);
      g_autoptr(GVariant) child = NULL;

      if (!g_variant_is_of_type (variant, maybe))
        return FALSE;
      child = g_variant_get_maybe (variant);
      if (child == NULL)
        return TRUE;
      if (type == G_TYPE_STRING)
        g_value_set_string (value, g_variant_get_string (child, NULL));
      else if (type == G_TYPE_STRV)
        g_value_take_boxed (value, g_variant_dup_strv (child, NULL));
      else
        g_value_take_boxed (value, g_variant_get_data_as_bytes (child));
      return TRUE;
    }
  if (type == G_TYPE_INT || G_TYPE_IS_ENUM (type))
    {
      if (!g_variant_is_of_type (variant, G_VARIANT_TYPE_INT32))
        return FALSE;
      if (type == G_TYPE_INT)
        g_value_set_int (value, g_variant_get_int32 (variant));
      else
        {
          g_autoptr(GEnumClass) klass = g_type_class_ref (type);

          if (g_enum_get_value (klass, g_variant_get_int32 (variant)) == NULL)
            return FALSE;
          g_value_set_enum (value, g_variant_get_int32 (variant));
        }
      return TRUE;
    }
  if (type == G_TYPE_UINT && g_variant_is_of_type (variant, G_VARIANT_TYPE_UINT32))
    {
      g_value_set_uint (value, g_variant_get_uint32 (variant));
      return TRUE;
    }
  if (type == G_TYPE_BOOLEAN && g_variant_is_of_type (variant, G_VARIANT_TYPE_BOOLEAN))
    {
      g_value_set_boolean (value, g_variant_get_boolean (variant));
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE && g_variant_is_of_type (variant, G_VARIANT_TYPE_DOUBLE))
    {
      g_value_set_double (value, g_variant_get_double (variant));
      return TRUE;
    }

  return FALSE;
}

/* A new node, not in any document yet, as a record saw it. */
static TptNode *
build_node (GVariant *snapshot,
            guint     depth)
{
  g_autoptr(TptNode) node = NULL;
  g_autoptr(GVariantIter) fields = NULL;
  g_autoptr(GVariantIter) children = NULL;
  GListStore *const *stores;
  GVariantIter *list;
  GVariant *value;
  const char *type_name, *id, *name;
  guint n_stores, s = 0;
  GType type;

  if (depth > MAX_NODE_DEPTH || !g_variant_is_of_type (snapshot, G_VARIANT_TYPE (NODE_TYPE)))
    return NULL;

  g_variant_get (snapshot, "(&s&sa{sv}aav)", &type_name, &id, &fields, &children);
  type = node_type_from_name (type_name);
  if (type == G_TYPE_INVALID)
    return NULL;

  node = tpt_node_new_in (type, NULL);
  if (id[0] != '\0')
    tpt_node_set_id (node, id);

  while (g_variant_iter_next (fields, "{&sv}", &name, &value))
    {
      g_autoptr(GVariant) owned = value;
      g_auto(GValue) gvalue = G_VALUE_INIT;
      guint field = find_field (node, name);

      if (field == 0 ||
          !value_from_variant (value, TPT_NODE_GET_CLASS (node)->fields[field], &gvalue))
        return NULL;
      tpt_node_set_field_raw (node, field, &gvalue);
    }

  stores = tpt_node_get_child_stores (node, &n_stores);
  while (g_variant_iter_next (children, "av", &list))
    {
      g_autoptr(GVariantIter) owned = list;
      GVariant *child_snapshot;
      guint position = 0;

      if (s >= n_stores)
        return NULL;
      while (g_variant_iter_next (list, "v", &child_snapshot))
        {
          g_autoptr(GVariant) owned_child = child_snapshot;
          g_autoptr(TptNode) child = build_node (child_snapshot, depth + 1);

          if (child == NULL ||
              !g_type_is_a (G_OBJECT_TYPE (child),
                            g_list_model_get_item_type (G_LIST_MODEL (stores[s]))))
            return NULL;
          tpt_node_insert_child_raw (node, stores[s], position++, child);
        }
      s++;
    }

  return g_steal_pointer (&node);
}

/* The child a record says is at @position of @store: the same type and id. */
static TptNode *
child_at (GListStore *store,
          guint       position,
          GVariant   *snapshot)
{
  g_autoptr(TptNode) child = NULL;
  const char *type_name, *id;

  if (position >= g_list_model_get_n_items (G_LIST_MODEL (store)) ||
      !g_variant_is_of_type (snapshot, G_VARIANT_TYPE (NODE_TYPE)))
    return NULL;

  child = g_list_model_get_item (G_LIST_MODEL (store), position);
  g_variant_get (snapshot, "(&s&sa{sv}aav)", &type_name, &id, NULL, NULL);
  if (!g_str_equal (G_OBJECT_TYPE_NAME (child), type_name) ||
      g_strcmp0 (tpt_node_get_id (child), id[0] != '\0' ? id : NULL) != 0)
    return NULL;

  /* The list holds it. */
  return child;
}

typedef struct
{
  guchar      tag;
  TptNode    *node;       /* the node, or the owner of the list */
  guint       field;
  GValue      old_value;
  GValue      new_value;
  GListStore *store;
  guint       position;
  gboolean    insert;
  GVariant   *child;      /* the child's snapshot */
} Record;

static void
record_clear (Record *record)
{
  if (G_IS_VALUE (&record->old_value))
    g_value_unset (&record->old_value);
  if (G_IS_VALUE (&record->new_value))
    g_value_unset (&record->new_value);
  g_clear_pointer (&record->child, g_variant_unref);
}

/* Reads @variant against the document as it is now. */
static gboolean
parse_record (TptDocument *document,
              GVariant    *variant,
              Record      *record)
{
  g_autoptr(GVariant) ref = NULL;

  *record = (Record) { 0 };

  if (g_variant_is_of_type (variant, G_VARIANT_TYPE (FIELD_TYPE)))
    {
      g_autoptr(GVariant) old_value = NULL;
      g_autoptr(GVariant) new_value = NULL;
      const char *name;
      GParamSpec *pspec;

      g_variant_get (variant, "(y@(sa(uu))&svv)", &record->tag, &ref, &name, &old_value,
                     &new_value);
      record->node = resolve (document, ref);
      if (record->tag != 'f' || record->node == NULL)
        return FALSE;
      record->field = find_field (record->node, name);
      if (record->field == 0)
        return FALSE;
      pspec = TPT_NODE_GET_CLASS (record->node)->fields[record->field];
      return value_from_variant (old_value, pspec, &record->old_value) &&
             value_from_variant (new_value, pspec, &record->new_value);
    }

  if (g_variant_is_of_type (variant, G_VARIANT_TYPE (LIST_TYPE)))
    {
      GListStore *const *stores;
      guint n_stores, store;

      g_variant_get (variant, "(y@(sa(uu))uubv)", &record->tag, &ref, &store,
                     &record->position, &record->insert, &record->child);
      record->node = resolve (document, ref);
      if (record->tag != 'l' || record->node == NULL)
        return FALSE;
      stores = tpt_node_get_child_stores (record->node, &n_stores);
      if (store >= n_stores)
        return FALSE;
      record->store = stores[store];
      return TRUE;
    }

  return FALSE;
}

/* Undoes one record, without a history: the document goes back to the
 * state the record was made in. */
static gboolean
undo_record (TptDocument *document,
             GVariant    *variant)
{
  Record record;
  gboolean ok = FALSE;

  if (!parse_record (document, variant, &record))
    goto out;

  if (record.tag == 'f')
    tpt_node_set_field_raw (record.node, record.field, &record.old_value);
  else if (record.insert)
    {
      TptNode *child = child_at (record.store, record.position, record.child);

      if (child == NULL)
        goto out;
      tpt_node_remove_child_raw (record.node, record.store, record.position, child);
    }
  else
    {
      g_autoptr(TptNode) child = build_node (record.child, 0);

      if (child == NULL ||
          record.position > g_list_model_get_n_items (G_LIST_MODEL (record.store)) ||
          !g_type_is_a (G_OBJECT_TYPE (child),
                        g_list_model_get_item_type (G_LIST_MODEL (record.store))))
        goto out;
      tpt_node_insert_child_raw (record.node, record.store, record.position, child);
    }
  ok = TRUE;

out:
  record_clear (&record);
  return ok;
}

/* Makes one record again as a change, which it applies. */
static TptChange *
redo_record (TptDocument *document,
             GVariant    *variant)
{
  TptChange *change = NULL;
  Record record;

  if (!parse_record (document, variant, &record))
    goto out;

  if (record.tag == 'f')
    change = tpt_field_change_new (record.node, record.field, &record.old_value,
                                   &record.new_value);
  else if (record.insert)
    {
      g_autoptr(TptNode) child = build_node (record.child, 0);

      if (child == NULL ||
          record.position > g_list_model_get_n_items (G_LIST_MODEL (record.store)) ||
          !g_type_is_a (G_OBJECT_TYPE (child),
                        g_list_model_get_item_type (G_LIST_MODEL (record.store))))
        goto out;
      change = tpt_list_change_new (record.node, record.store, record.position, child, TRUE);
    }
  else
    {
      TptNode *child = child_at (record.store, record.position, record.child);

      if (child == NULL)
        goto out;
      change = tpt_list_change_new (record.node, record.store, record.position, child, FALSE);
    }
  tpt_change_apply (change);

out:
  record_clear (&record);
  return change;
}

/*
 * tpt_journal_clone_document:
 * @document: a document
 *
 * Copies @document node for node as the journal records nodes, with a
 * clean history: what the reader would give back from its file, even for
 * states the strict reader refuses (the random edits of the tests reach
 * some). For tests of the journal.
 *
 * Returns: (transfer full): the copy
 */
TptDocument *
tpt_journal_clone_document (TptDocument *document)
{
  TptDocument *copy = tpt_document_new ();
  TptNodeClass *klass = TPT_NODE_GET_CLASS (document);
  GListStore *const *from;
  GListStore *const *to;
  guint n_stores;

  for (guint i = 1; i < klass->n_fields; i++)
    tpt_node_set_field_raw (TPT_NODE (copy), i, tpt_node_get_field (TPT_NODE (document), i));

  from = tpt_node_get_child_stores (TPT_NODE (document), &n_stores);
  to = tpt_node_get_child_stores (TPT_NODE (copy), &n_stores);
  for (guint s = 0; s < n_stores; s++)
    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (from[s])); i++)
      {
        g_autoptr(TptNode) node = g_list_model_get_item (G_LIST_MODEL (from[s]), i);
        g_autoptr(GVariant) snapshot = g_variant_ref_sink (tpt_journal_node_snapshot (node));
        g_autoptr(TptNode) child = build_node (snapshot, 0);

        g_assert (child != NULL);
        tpt_node_insert_child_raw (TPT_NODE (copy), to[s], i, child);
      }

  return copy;
}

static gboolean
journal_fails (GError **error)
{
  g_set_error_literal (error, TPT_ERROR, TPT_ERROR_INVALID,
                       _("The undo history of the recovered document could not be read"));
  return FALSE;
}

/**
 * tpt_history_restore_journal:
 * @self: the history of @document, empty
 * @document: a document as it was when @journal was written, just read
 * @journal: a journal from tpt_history_dup_journal()
 * @error: return location for a #TPT_ERROR
 *
 * Gives @document back the history @journal holds, its position and redo
 * tail included; no state is marked saved. On failure @document may have
 * been changed and must be read again.
 *
 * Returns: %TRUE if the history was restored
 */
gboolean
tpt_history_restore_journal (TptHistory   *self,
                             TptDocument  *document,
                             GVariant     *journal,
                             GError      **error)
{
  g_autoptr(GVariant) entries = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GPtrArray) rebuilt = NULL;
  guint version, position, n;

  g_return_val_if_fail (TPT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (tpt_document_get_history (document) == self, FALSE);
  g_return_val_if_fail (g_list_model_get_n_items (G_LIST_MODEL (self)) == 0, FALSE);
  g_return_val_if_fail (journal != NULL, FALSE);

  if (!g_variant_is_of_type (journal, G_VARIANT_TYPE (JOURNAL_TYPE)))
    return journal_fails (error);
  g_variant_get (journal, "(uuu@a(suav))", &version, &position, &n, &entries);
  if (version != JOURNAL_VERSION || n != g_variant_n_children (entries) || position > n)
    return journal_fails (error);
  if (n == 0)
    return TRUE;

  before = tpt_document_serialize (document);

  /* Back to the start of the history. */
  for (guint i = position; i > 0; i--)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (entries, i - 1);
      g_autoptr(GVariant) records = g_variant_get_child_value (entry, 2);

      for (gsize r = g_variant_n_children (records); r > 0; r--)
        {
          g_autoptr(GVariant) boxed = g_variant_get_child_value (records, r - 1);
          g_autoptr(GVariant) record = g_variant_get_variant (boxed);

          if (!undo_record (document, record))
            return journal_fails (error);
        }
    }

  /* Forward through every entry, making each as the history holds it. */
  rebuilt = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GVariant) entry = g_variant_get_child_value (entries, i);
      g_autoptr(GVariant) records = NULL;
      g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
      const char *label;
      guint32 flags;
      TptHistoryEntry *history_entry;

      g_variant_get (entry, "(&su@av)", &label, &flags, &records);
      history_entry = tpt_history_entry_new (label, flags & TPT_HISTORY_ENTRY_MERGEABLE);
      g_ptr_array_add (rebuilt, history_entry);

      for (gsize r = 0; r < g_variant_n_children (records); r++)
        {
          g_autoptr(GVariant) boxed = g_variant_get_child_value (records, r);
          g_autoptr(GVariant) record = g_variant_get_variant (boxed);
          TptChange *change = redo_record (document, record);

          if (change == NULL)
            return journal_fails (error);
          tpt_history_entry_add (history_entry, change);
          g_ptr_array_add (kept, g_steal_pointer (&record));
        }
      tpt_history_entry_set_records (history_entry, kept);
    }

  /* And back to where the history was. */
  for (guint i = n; i > position; i--)
    tpt_history_entry_revert (g_ptr_array_index (rebuilt, i - 1));

  after = tpt_document_serialize (document);
  if (!g_bytes_equal (before, after))
    return journal_fails (error);

  tpt_history_install (self, rebuilt, position);
  return TRUE;
}
