/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-node"

#include "config.h"

#include "tpt-document-private.h"
#include "tpt-history-private.h"
#include "tpt-node-private.h"

typedef struct
{
  char         *id;
  TptDocument  *document;   /* borrowed: valid while the document lives */
  TptNode      *parent;     /* borrowed: the parent holds us in a list */
  GValue       *fields;     /* indexed by prop_id; [0] is unused */
  TptNodeState  state;
} TptNodePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TptNode, tpt_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tpt_node_constructed (GObject *object)
{
  TptNode *self = TPT_NODE (object);
  TptNodePrivate *priv = tpt_node_get_instance_private (self);
  TptNodeClass *klass = TPT_NODE_GET_CLASS (self);

  G_OBJECT_CLASS (tpt_node_parent_class)->constructed (object);

  /* Fields are allocated here rather than in init, because only now does the
   * instance know its final class and so how many fields it has. */
  priv->fields = g_new0 (GValue, MAX (klass->n_fields, 1));
  for (guint i = 1; i < klass->n_fields; i++)
    {
      g_value_init (&priv->fields[i], klass->fields[i]->value_type);
      g_param_value_set_default (klass->fields[i], &priv->fields[i]);
    }
}

static void
tpt_node_finalize (GObject *object)
{
  TptNode *self = TPT_NODE (object);
  TptNodePrivate *priv = tpt_node_get_instance_private (self);
  TptNodeClass *klass = TPT_NODE_GET_CLASS (self);

  if (priv->fields != NULL)
    {
      for (guint i = 1; i < klass->n_fields; i++)
        g_value_unset (&priv->fields[i]);
      g_free (priv->fields);
    }
  g_clear_pointer (&priv->id, g_free);

  G_OBJECT_CLASS (tpt_node_parent_class)->finalize (object);
}

static void
tpt_node_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  TptNode *self = TPT_NODE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, tpt_node_get_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The get_property of every subclass: fields live in one array. */
static void
tpt_node_get_field_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  g_value_copy (tpt_node_get_field (TPT_NODE (object), prop_id), value);
}

static GListStore *const *
tpt_node_real_get_child_stores (TptNode *self,
                                guint   *n_stores)
{
  *n_stores = 0;
  return NULL;
}

static void
tpt_node_class_init (TptNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = tpt_node_constructed;
  object_class->finalize = tpt_node_finalize;
  object_class->get_property = tpt_node_get_property;

  klass->get_child_stores = tpt_node_real_get_child_stores;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tpt_node_init (TptNode *self)
{
}

/*
 * tpt_node_new_in:
 * @type: a final node type
 * @document: (nullable): the document the node is made for
 *
 * Makes a new node that is not yet in the tree. With a @document it gets a
 * fresh id from it, so that other new nodes can refer to it before it is
 * inserted (a copied blueprint's cards refer to its copied lanes).
 *
 * Returns: (transfer full): the node
 */
TptNode *
tpt_node_new_in (GType        type,
                 TptDocument *document)
{
  TptNode *self = g_object_new (type, NULL);
  TptNodePrivate *priv = tpt_node_get_instance_private (self);
  const char *prefix = TPT_NODE_GET_CLASS (self)->id_prefix;

  priv->document = document;
  if (document != NULL && prefix != NULL)
    priv->id = tpt_document_allocate_id (document, prefix);

  return self;
}

/*
 * tpt_node_class_install_fields:
 * @klass: the class of a final node type
 * @id_prefix: (nullable): the prefix of generated ids ("c" for cards), or
 *   %NULL for nodes that have no id
 * @n_fields: the length of @fields, including the unused [0]
 * @fields: the properties; they must be G_PARAM_READABLE only
 *
 * Installs the fields of a node type as read-only properties. Writes go
 * through tpt_node_set_field(), so GObject's generic setter cannot bypass the
 * history.
 */
void
tpt_node_class_install_fields (TptNodeClass  *klass,
                               const char    *id_prefix,
                               guint          n_fields,
                               GParamSpec   **fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  g_assert (n_fields > 0);

  for (guint i = 1; i < n_fields; i++)
    g_assert (!(fields[i]->flags & G_PARAM_WRITABLE));

  object_class->get_property = tpt_node_get_field_property;
  g_object_class_install_properties (object_class, n_fields, fields);

  klass->id_prefix = id_prefix;
  klass->fields = fields;
  klass->n_fields = n_fields;
}

/**
 * tpt_node_get_id:
 * @self: a #TptNode
 *
 * Returns: (nullable): the id, unique in the document
 */
const char *
tpt_node_get_id (TptNode *self)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);

  g_return_val_if_fail (TPT_IS_NODE (self), NULL);

  return priv->id;
}

void
tpt_node_set_id (TptNode    *self,
                 const char *id)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);

  g_return_if_fail (TPT_IS_NODE (self));
  g_return_if_fail (priv->state == TPT_NODE_NEW);

  g_free (priv->id);
  priv->id = g_strdup (id);
}

/**
 * tpt_node_get_parent:
 * @self: a #TptNode
 *
 * Returns: (nullable) (transfer none): the node whose list holds @self
 */
TptNode *
tpt_node_get_parent (TptNode *self)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);

  g_return_val_if_fail (TPT_IS_NODE (self), NULL);

  return priv->parent;
}

/**
 * tpt_node_get_document:
 * @self: a #TptNode
 *
 * Returns: (nullable) (transfer none): the document @self belongs to
 */
TptDocument *
tpt_node_get_document (TptNode *self)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);

  g_return_val_if_fail (TPT_IS_NODE (self), NULL);

  return priv->document;
}

/**
 * tpt_node_is_attached:
 * @self: a #TptNode
 *
 * Returns: %TRUE if @self is in its document's tree now
 */
gboolean
tpt_node_is_attached (TptNode *self)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);

  g_return_val_if_fail (TPT_IS_NODE (self), FALSE);

  return priv->state == TPT_NODE_ATTACHED;
}

void
tpt_node_set_document (TptNode     *self,
                       TptDocument *document)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);

  g_assert (TPT_IS_NODE (self));

  priv->document = document;
}

TptNodeState
tpt_node_get_state (TptNode *self)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);

  g_assert (TPT_IS_NODE (self));

  return priv->state;
}

void
tpt_node_set_state (TptNode      *self,
                    TptNodeState  state)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);

  g_assert (TPT_IS_NODE (self));

  priv->state = state;
}

GListStore *const *
tpt_node_get_child_stores (TptNode *self,
                           guint   *n_stores)
{
  g_assert (TPT_IS_NODE (self));

  return TPT_NODE_GET_CLASS (self)->get_child_stores (self, n_stores);
}

/* Calls @func on @self and then on every node below it, depth first, in
 * document order. */
void
tpt_node_foreach_descendant (TptNode     *self,
                             TptNodeFunc  func,
                             gpointer     user_data)
{
  GListStore *const *stores;
  guint n_stores;

  g_assert (TPT_IS_NODE (self));

  func (self, user_data);

  stores = tpt_node_get_child_stores (self, &n_stores);
  for (guint s = 0; s < n_stores; s++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (stores[s]));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TptNode) child = g_list_model_get_item (G_LIST_MODEL (stores[s]), i);

          tpt_node_foreach_descendant (child, func, user_data);
        }
    }
}

/* Fields ------------------------------------------------------------------ */

const GValue *
tpt_node_get_field (TptNode *self,
                    guint    prop_id)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);

  g_assert (TPT_IS_NODE (self));
  g_assert (prop_id > 0 && prop_id < TPT_NODE_GET_CLASS (self)->n_fields);

  return &priv->fields[prop_id];
}

/* Empty strings are stored as NULL, so that "" and "unset" are one state and
 * edits that only switch between them are not recorded. Readers get "". */
const char *
tpt_node_get_string_field (TptNode *self,
                           guint    prop_id)
{
  const char *str = g_value_get_string (tpt_node_get_field (self, prop_id));

  return str != NULL ? str : "";
}

int
tpt_node_get_int_field (TptNode *self,
                        guint    prop_id)
{
  return g_value_get_int (tpt_node_get_field (self, prop_id));
}

double
tpt_node_get_double_field (TptNode *self,
                           guint    prop_id)
{
  return g_value_get_double (tpt_node_get_field (self, prop_id));
}

int
tpt_node_get_enum_field (TptNode *self,
                         guint    prop_id)
{
  return g_value_get_enum (tpt_node_get_field (self, prop_id));
}

const char * const *
tpt_node_get_strv_field (TptNode *self,
                         guint    prop_id)
{
  static const char * const empty[] = { NULL };
  const char * const *strv = g_value_get_boxed (tpt_node_get_field (self, prop_id));

  return strv != NULL ? strv : empty;
}

GBytes *
tpt_node_get_bytes_field (TptNode *self,
                          guint    prop_id)
{
  return g_value_get_boxed (tpt_node_get_field (self, prop_id));
}

gboolean
tpt_strv_contains (const char * const *strv,
                   const char         *str)
{
  return strv != NULL && str != NULL && g_strv_contains (strv, str);
}

static gboolean
strv_equal (const char * const *a,
            const char * const *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_strv_equal ((const char **)a, (const char **)b);
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  GType type = G_VALUE_TYPE (a);

  g_assert (type == G_VALUE_TYPE (b));

  if (type == G_TYPE_STRING)
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  if (type == G_TYPE_STRV)
    return strv_equal (g_value_get_boxed (a), g_value_get_boxed (b));
  if (type == G_TYPE_BYTES)
    {
      GBytes *ba = g_value_get_boxed (a);
      GBytes *bb = g_value_get_boxed (b);

      if (ba == NULL || bb == NULL)
        return ba == bb;
      return g_bytes_equal (ba, bb);
    }
  if (type == G_TYPE_INT)
    return g_value_get_int (a) == g_value_get_int (b);
  if (type == G_TYPE_UINT)
    return g_value_get_uint (a) == g_value_get_uint (b);
  if (type == G_TYPE_BOOLEAN)
    return g_value_get_boolean (a) == g_value_get_boolean (b);
  if (type == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);
  if (G_TYPE_IS_ENUM (type))
    return g_value_get_enum (a) == g_value_get_enum (b);

  g_assert_not_reached ();
}

static void
normalize_value (GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *str = g_value_get_string (value);

      if (str != NULL && str[0] == '\0')
        g_value_set_string (value, NULL);
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      if (strv != NULL && strv[0] == NULL)
        g_value_set_boxed (value, NULL);
    }
  else if (type == G_TYPE_BYTES)
    {
      GBytes *bytes = g_value_get_boxed (value);

      if (bytes != NULL && g_bytes_get_size (bytes) == 0)
        g_value_set_boxed (value, NULL);
    }
}

/* Records @change where it belongs: nowhere for a node still being built,
 * the history for a node in a document, and nowhere at all (loudly) for a
 * node that was removed. Takes ownership of @change. */
static void
commit (TptNode   *self,
        TptChange *change)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);
  g_autoptr(TptChange) owned = change;

  switch (priv->state)
    {
    case TPT_NODE_NEW:
      tpt_change_apply (change);
      break;

    case TPT_NODE_ATTACHED:
      if (tpt_document_is_loading (priv->document))
        tpt_change_apply (change);
      else
        tpt_history_push (tpt_document_get_history (priv->document),
                          g_steal_pointer (&owned));
      break;

    case TPT_NODE_REMOVED:
      g_critical ("%s %s was removed from its document and cannot be edited",
                  G_OBJECT_TYPE_NAME (self), priv->id ? priv->id : "");
      break;

    default:
      g_assert_not_reached ();
    }
}

/*
 * tpt_node_set_field:
 * @self: a #TptNode
 * @prop_id: the field
 * @value: the new value, of the field's type
 *
 * Changes a field through the history. The value is validated against the
 * field's #GParamSpec first (numbers are clamped to their range), and nothing
 * is recorded if it does not change.
 */
void
tpt_node_set_field (TptNode      *self,
                    guint         prop_id,
                    const GValue *value)
{
  GParamSpec *pspec;
  const GValue *old_value;
  g_auto(GValue) new_value = G_VALUE_INIT;

  g_return_if_fail (TPT_IS_NODE (self));
  g_return_if_fail (prop_id > 0 && prop_id < TPT_NODE_GET_CLASS (self)->n_fields);

  pspec = TPT_NODE_GET_CLASS (self)->fields[prop_id];
  g_return_if_fail (G_VALUE_HOLDS (value, pspec->value_type));

  g_value_init (&new_value, pspec->value_type);
  g_value_copy (value, &new_value);
  g_param_value_validate (pspec, &new_value);
  normalize_value (&new_value);

  old_value = tpt_node_get_field (self, prop_id);
  if (values_equal (old_value, &new_value))
    return;

  /* Nothing is recorded for a node being built or loaded, so the record
   * of the change need not be made either: loading sets every field. */
  {
    TptNodePrivate *priv = tpt_node_get_instance_private (self);

    if (priv->state == TPT_NODE_NEW ||
        (priv->state == TPT_NODE_ATTACHED && tpt_document_is_loading (priv->document)))
      {
        tpt_node_set_field_raw (self, prop_id, &new_value);
        return;
      }
  }

  commit (self, tpt_field_change_new (self, prop_id, old_value, &new_value));
}

void
tpt_node_set_string_field (TptNode    *self,
                           guint       prop_id,
                           const char *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRING);
  g_value_set_string (&gvalue, value);
  tpt_node_set_field (self, prop_id, &gvalue);
}

void
tpt_node_set_int_field (TptNode *self,
                        guint    prop_id,
                        int      value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_INT);
  g_value_set_int (&gvalue, value);
  tpt_node_set_field (self, prop_id, &gvalue);
}

void
tpt_node_set_double_field (TptNode *self,
                           guint    prop_id,
                           double   value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_DOUBLE);
  g_value_set_double (&gvalue, value);
  tpt_node_set_field (self, prop_id, &gvalue);
}

void
tpt_node_set_enum_field (TptNode *self,
                         guint    prop_id,
                         int      value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, TPT_NODE_GET_CLASS (self)->fields[prop_id]->value_type);
  g_value_set_enum (&gvalue, value);
  tpt_node_set_field (self, prop_id, &gvalue);
}

void
tpt_node_set_strv_field (TptNode            *self,
                         guint               prop_id,
                         const char * const *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_STRV);
  g_value_set_boxed (&gvalue, value);
  tpt_node_set_field (self, prop_id, &gvalue);
}

void
tpt_node_set_bytes_field (TptNode *self,
                          guint    prop_id,
                          GBytes  *value)
{
  g_auto(GValue) gvalue = G_VALUE_INIT;

  g_value_init (&gvalue, G_TYPE_BYTES);
  g_value_set_boxed (&gvalue, value);
  tpt_node_set_field (self, prop_id, &gvalue);
}

/* Stores a value and tells observers. Only changes (and the loader, through
 * them) call this. */
void
tpt_node_set_field_raw (TptNode      *self,
                        guint         prop_id,
                        const GValue *value)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);
  GParamSpec *pspec;

  g_assert (TPT_IS_NODE (self));

  pspec = TPT_NODE_GET_CLASS (self)->fields[prop_id];
  g_value_copy (value, &priv->fields[prop_id]);

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
  if (priv->state == TPT_NODE_ATTACHED)
    tpt_document_emit_node_changed (priv->document, self, pspec);
}

/* Copies every field of @source, a node of the same type, into @self, which
 * must still be new; used when duplicating. */
void
tpt_node_copy_fields (TptNode *self,
                      TptNode *source)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);
  TptNodeClass *klass = TPT_NODE_GET_CLASS (self);

  g_assert (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (source));
  g_assert (priv->state == TPT_NODE_NEW);

  for (guint i = 1; i < klass->n_fields; i++)
    g_value_copy (tpt_node_get_field (source, i), &priv->fields[i]);
}

/* Children ---------------------------------------------------------------- */

static void
attach_cb (TptNode  *node,
           gpointer  user_data)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (node);
  TptDocument *document = user_data;

  priv->document = document;
  priv->state = TPT_NODE_ATTACHED;
  tpt_document_register_node (document, node);
}

static void
detach_cb (TptNode  *node,
           gpointer  user_data)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (node);

  tpt_document_unregister_node (priv->document, node);
  priv->state = TPT_NODE_REMOVED;
}

void
tpt_node_insert_child_raw (TptNode    *self,
                           GListStore *store,
                           guint       position,
                           TptNode    *child)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);
  TptNodePrivate *child_priv = tpt_node_get_instance_private (child);

  g_assert (TPT_IS_NODE (self));
  g_assert (TPT_IS_NODE (child));

  child_priv->parent = self;
  /* Register ids before the list says the child is there, so that a view
   * reacting to items-changed can already look it up. */
  if (priv->state == TPT_NODE_ATTACHED)
    tpt_node_foreach_descendant (child, attach_cb, priv->document);
  g_list_store_insert (store, position, child);
  if (priv->state == TPT_NODE_ATTACHED)
    tpt_document_emit_children_changed (priv->document, self);
}

void
tpt_node_remove_child_raw (TptNode    *self,
                           GListStore *store,
                           guint       position,
                           TptNode    *child)
{
  TptNodePrivate *priv = tpt_node_get_instance_private (self);
  TptNodePrivate *child_priv = tpt_node_get_instance_private (child);

  g_assert (TPT_IS_NODE (self));
  g_assert (g_list_model_get_item_type (G_LIST_MODEL (store)) != G_TYPE_INVALID);

  if (priv->state == TPT_NODE_ATTACHED)
    tpt_node_foreach_descendant (child, detach_cb, NULL);
  /* Before the store drops its reference, which may be the last one. */
  child_priv->parent = NULL;
  g_list_store_remove (store, position);
  if (priv->state == TPT_NODE_ATTACHED)
    tpt_document_emit_children_changed (priv->document, self);
}

/*
 * tpt_node_insert_child:
 * @self: the parent
 * @store: one of @self's child lists
 * @position: where, at most the list's length
 * @child: (transfer none): a new node, or one that was removed
 *
 * Puts @child into one of @self's lists, through the history.
 */
void
tpt_node_insert_child (TptNode    *self,
                       GListStore *store,
                       guint       position,
                       TptNode    *child)
{
  TptNodePrivate *child_priv = tpt_node_get_instance_private (child);

  g_return_if_fail (TPT_IS_NODE (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (TPT_IS_NODE (child));
  g_return_if_fail (child_priv->parent == NULL);
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (store)));

  commit (self, tpt_list_change_new (self, store, position, child, TRUE));
}

void
tpt_node_append_child (TptNode    *self,
                       GListStore *store,
                       TptNode    *child)
{
  tpt_node_insert_child (self, store, g_list_model_get_n_items (G_LIST_MODEL (store)), child);
}

/*
 * tpt_node_remove_child:
 * @self: the parent
 * @store: the list of @self that holds @child
 * @child: a child of @self
 *
 * Takes @child (with everything below it) out of the list, through the
 * history. References to it from elsewhere are the caller's to remove.
 */
void
tpt_node_remove_child (TptNode    *self,
                       GListStore *store,
                       TptNode    *child)
{
  guint position;

  g_return_if_fail (TPT_IS_NODE (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (TPT_IS_NODE (child));

  if (!g_list_store_find (store, child, &position))
    {
      g_critical ("%s is not in that list", G_OBJECT_TYPE_NAME (child));
      return;
    }

  commit (self, tpt_list_change_new (self, store, position, child, FALSE));
}

/*
 * tpt_node_remove_child_at:
 * @self: the parent
 * @store: one of @self's child lists
 * @position: where the child is
 *
 * Takes the child at @position out, through the history: for removing
 * many, where finding each by a search of the list would be quadratic.
 */
void
tpt_node_remove_child_at (TptNode    *self,
                          GListStore *store,
                          guint       position)
{
  g_autoptr(TptNode) child = NULL;

  g_return_if_fail (TPT_IS_NODE (self));
  g_return_if_fail (G_IS_LIST_STORE (store));

  child = g_list_model_get_item (G_LIST_MODEL (store), position);
  g_return_if_fail (child != NULL);
  commit (self, tpt_list_change_new (self, store, position, child, FALSE));
}

/*
 * tpt_node_move_child:
 * @self: the parent
 * @store: the list of @self that holds @child
 * @child: a child of @self
 * @position: its new position in the list as it is before the move
 *
 * Moves @child within the list, as a removal and an insertion, so that
 * @position counts positions in the list before @child leaves it; moving to
 * the position after @child's own leaves it where it is.
 */
void
tpt_node_move_child (TptNode    *self,
                     GListStore *store,
                     TptNode    *child,
                     guint       position)
{
  guint old_position;

  g_return_if_fail (TPT_IS_NODE (self));
  g_return_if_fail (G_IS_LIST_STORE (store));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (store)));

  if (!g_list_store_find (store, child, &old_position))
    {
      g_critical ("%s is not in that list", G_OBJECT_TYPE_NAME (child));
      return;
    }

  if (position == old_position || position == old_position + 1)
    return;

  tpt_node_remove_child (self, store, child);
  tpt_node_insert_child (self, store, position > old_position ? position - 1 : position, child);
}

/**
 * tpt_node_set_value:
 * @self: a #TptNode
 * @name: the name of one of the node's fields, e.g. "title"
 * @value: the new value, of the field's type or one that converts to it
 *
 * Changes a field by name, through the history as the typed setters do; for
 * editors that handle many kinds of node alike, like the inspector. Numbers
 * are clamped to the field's range. Must be called inside a transaction
 * when the node is in a document.
 *
 * Returns: %FALSE if @self has no field called @name or @value does not
 *   convert to the field's type
 */
gboolean
tpt_node_set_value (TptNode      *self,
                    const char   *name,
                    const GValue *value)
{
  g_auto(GValue) converted = G_VALUE_INIT;
  TptNodeClass *klass;
  GParamSpec *pspec;

  g_return_val_if_fail (TPT_IS_NODE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);
  g_return_val_if_fail (G_IS_VALUE (value), FALSE);

  klass = TPT_NODE_GET_CLASS (self);
  pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);
  if (pspec == NULL || pspec->param_id == 0 || pspec->param_id >= klass->n_fields ||
      klass->fields[pspec->param_id] != pspec)
    return FALSE;

  if (G_VALUE_TYPE (value) == pspec->value_type)
    {
      tpt_node_set_field (self, pspec->param_id, value);
      return TRUE;
    }

  g_value_init (&converted, pspec->value_type);
  if (!g_value_type_transformable (G_VALUE_TYPE (value), pspec->value_type) ||
      G_VALUE_HOLDS_BOOLEAN (value) || !g_value_transform (value, &converted))
    return FALSE;

  tpt_node_set_field (self, pspec->param_id, &converted);
  return TRUE;
}
