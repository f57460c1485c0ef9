/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-selection"

#include "config.h"

#include "tpt-selection.h"

#include "tpt-history.h"

/* What is selected in a window: one or more nodes of its document, the
 * last chosen being the primary one, which the inspector shows. The
 * outline, the pages and the inspector all observe this one object and
 * change it; none of them keeps a selection of its own. Nodes that leave
 * the document (deleted, or undone) leave the selection as the history
 * moves, so that nobody acts on what is no longer there. */

struct _TptSelection
{
  GObject      parent_instance;

  TptDocument *document;
  GPtrArray   *nodes;        /* TptNode, the primary last */
};

enum {
  PROP_0,
  PROP_PRIMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TptSelection, tpt_selection, G_TYPE_OBJECT)

static void
emit_changed (TptSelection *self,
              TptNode      *old_primary)
{
  g_signal_emit (self, signals[CHANGED], 0);
  if (old_primary != tpt_selection_get_primary (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIMARY]);
}

/* Drops what has left the document, once a change is complete: a node
 * moved within the document is detached only inside its transaction. */
static void
prune (TptSelection *self)
{
  g_autoptr(TptNode) old_primary = NULL;
  gboolean pruned = FALSE;

  if (self->nodes->len > 0)
    old_primary = g_object_ref (g_ptr_array_index (self->nodes, self->nodes->len - 1));

  for (guint i = self->nodes->len; i-- > 0;)
    {
      TptNode *node = g_ptr_array_index (self->nodes, i);

      if (!tpt_node_is_attached (node) && !TPT_IS_DOCUMENT (node))
        {
          g_ptr_array_remove_index (self->nodes, i);
          pruned = TRUE;
        }
    }

  if (pruned)
    emit_changed (self, old_primary);
}

static void
history_position_cb (TptSelection *self)
{
  prune (self);
}

/**
 * tpt_selection_set_document:
 * @self: a selection
 * @document: (nullable): the document its nodes are of
 *
 * Follows @document, clearing the selection.
 */
void
tpt_selection_set_document (TptSelection *self,
                            TptDocument  *document)
{
  g_return_if_fail (TPT_IS_SELECTION (self));
  g_return_if_fail (document == NULL || TPT_IS_DOCUMENT (document));

  if (document == self->document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (tpt_document_get_history (self->document), self);
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (tpt_document_get_history (document), "notify::position",
                             G_CALLBACK (history_position_cb), self, G_CONNECT_SWAPPED);
  tpt_selection_clear (self);
}

/**
 * tpt_selection_get_document:
 *
 * Returns: (nullable) (transfer none): the document followed
 */
TptDocument *
tpt_selection_get_document (TptSelection *self)
{
  g_return_val_if_fail (TPT_IS_SELECTION (self), NULL);

  return self->document;
}

/**
 * tpt_selection_get_primary:
 *
 * Returns: (nullable) (transfer none): the node chosen last
 */
TptNode *
tpt_selection_get_primary (TptSelection *self)
{
  g_return_val_if_fail (TPT_IS_SELECTION (self), NULL);

  return self->nodes->len > 0 ? g_ptr_array_index (self->nodes, self->nodes->len - 1) : NULL;
}

/**
 * tpt_selection_get_nodes:
 *
 * Returns: (transfer none) (element-type TptNode): the selected nodes, in
 *   the order they were chosen
 */
GPtrArray *
tpt_selection_get_nodes (TptSelection *self)
{
  g_return_val_if_fail (TPT_IS_SELECTION (self), NULL);

  return self->nodes;
}

guint
tpt_selection_get_n_nodes (TptSelection *self)
{
  g_return_val_if_fail (TPT_IS_SELECTION (self), 0);

  return self->nodes->len;
}

gboolean
tpt_selection_contains (TptSelection *self,
                        TptNode      *node)
{
  g_return_val_if_fail (TPT_IS_SELECTION (self), FALSE);

  return node != NULL && g_ptr_array_find (self->nodes, node, NULL);
}

/**
 * tpt_selection_set:
 * @self: a selection
 * @nodes: (array length=n_nodes): what to select, the primary last
 * @n_nodes: how many
 *
 * Replaces the selection; nothing is emitted when it is the same.
 */
void
tpt_selection_set (TptSelection    *self,
                   TptNode * const *nodes,
                   guint            n_nodes)
{
  g_autoptr(TptNode) old_primary = NULL;
  gboolean same;

  g_return_if_fail (TPT_IS_SELECTION (self));
  g_return_if_fail (nodes != NULL || n_nodes == 0);

  same = n_nodes == self->nodes->len;
  for (guint i = 0; same && i < n_nodes; i++)
    same = g_ptr_array_index (self->nodes, i) == nodes[i];
  if (same)
    return;

  if (self->nodes->len > 0)
    old_primary = g_object_ref (tpt_selection_get_primary (self));
  g_ptr_array_set_size (self->nodes, 0);
  for (guint i = 0; i < n_nodes; i++)
    {
      g_return_if_fail (TPT_IS_NODE (nodes[i]));
      if (!g_ptr_array_find (self->nodes, nodes[i], NULL))
        g_ptr_array_add (self->nodes, g_object_ref (nodes[i]));
    }
  emit_changed (self, old_primary);
}

/**
 * tpt_selection_select:
 * @self: a selection
 * @node: (nullable): the node to select alone, or %NULL for nothing
 */
void
tpt_selection_select (TptSelection *self,
                      TptNode      *node)
{
  g_return_if_fail (TPT_IS_SELECTION (self));
  g_return_if_fail (node == NULL || TPT_IS_NODE (node));

  tpt_selection_set (self, &node, node != NULL ? 1 : 0);
}

/**
 * tpt_selection_add:
 * @self: a selection
 * @node: a node to add, which becomes the primary one
 */
void
tpt_selection_add (TptSelection *self,
                   TptNode      *node)
{
  g_autoptr(GPtrArray) nodes = NULL;

  g_return_if_fail (TPT_IS_SELECTION (self));
  g_return_if_fail (TPT_IS_NODE (node));

  nodes = g_ptr_array_copy (self->nodes, NULL, NULL);
  g_ptr_array_remove (nodes, node);
  g_ptr_array_add (nodes, node);
  tpt_selection_set (self, (TptNode **) nodes->pdata, nodes->len);
}

/**
 * tpt_selection_toggle:
 * @self: a selection
 * @node: a node to add, or to take out when it is selected
 */
void
tpt_selection_toggle (TptSelection *self,
                      TptNode      *node)
{
  g_autoptr(GPtrArray) nodes = NULL;

  g_return_if_fail (TPT_IS_SELECTION (self));
  g_return_if_fail (TPT_IS_NODE (node));

  if (!tpt_selection_contains (self, node))
    {
      tpt_selection_add (self, node);
      return;
    }
  nodes = g_ptr_array_copy (self->nodes, NULL, NULL);
  g_ptr_array_remove (nodes, node);
  tpt_selection_set (self, (TptNode **) nodes->pdata, nodes->len);
}

void
tpt_selection_clear (TptSelection *self)
{
  g_return_if_fail (TPT_IS_SELECTION (self));

  tpt_selection_set (self, NULL, 0);
}

static void
tpt_selection_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TptSelection *self = TPT_SELECTION (object);

  switch (prop_id)
    {
    case PROP_PRIMARY:
      g_value_set_object (value, tpt_selection_get_primary (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_selection_dispose (GObject *object)
{
  TptSelection *self = TPT_SELECTION (object);

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (tpt_document_get_history (self->document), self);
  g_clear_object (&self->document);
  g_ptr_array_set_size (self->nodes, 0);

  G_OBJECT_CLASS (tpt_selection_parent_class)->dispose (object);
}

static void
tpt_selection_finalize (GObject *object)
{
  TptSelection *self = TPT_SELECTION (object);

  g_ptr_array_unref (self->nodes);

  G_OBJECT_CLASS (tpt_selection_parent_class)->finalize (object);
}

static void
tpt_selection_class_init (TptSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tpt_selection_dispose;
  object_class->finalize = tpt_selection_finalize;
  object_class->get_property = tpt_selection_get_property;

  properties[PROP_PRIMARY] =
    g_param_spec_object ("primary", NULL, NULL, TPT_TYPE_NODE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TptSelection::changed:
   *
   * The selected nodes changed, by a gesture anywhere in the window or
   * because nodes left the document.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
tpt_selection_init (TptSelection *self)
{
  self->nodes = g_ptr_array_new_with_free_func (g_object_unref);
}

TptSelection *
tpt_selection_new (void)
{
  return g_object_new (TPT_TYPE_SELECTION, NULL);
}
