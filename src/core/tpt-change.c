/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-change"

#include "config.h"

#include "tpt-change-private.h"
#include "tpt-document.h"
#include "tpt-history-journal-private.h"
#include "tpt-node-private.h"

/* The document owns its history, which owns the changes; a change that held a
 * reference on the document would keep it alive for ever. So changes hold
 * every node except the document, which outlives its history anyway. */
static TptNode *
hold_node (TptNode *node)
{
  return TPT_IS_DOCUMENT (node) ? node : g_object_ref (node);
}

static void
release_node (TptNode *node)
{
  if (!TPT_IS_DOCUMENT (node))
    g_object_unref (node);
}

void
tpt_change_apply (TptChange *change)
{
  change->klass->apply (change);
}

void
tpt_change_revert (TptChange *change)
{
  change->klass->revert (change);
}

gboolean
tpt_change_merge (TptChange *change,
                  TptChange *next)
{
  if (change->klass != next->klass || change->klass->merge == NULL)
    return FALSE;

  return change->klass->merge (change, next);
}

void
tpt_change_free (TptChange *change)
{
  if (change != NULL)
    change->klass->free (change);
}

/* A field takes a new value ----------------------------------------------- */

typedef struct
{
  TptChange  parent;
  TptNode   *node;
  guint      prop_id;
  GValue     old_value;
  GValue     new_value;
} FieldChange;

static void
field_change_apply (TptChange *change)
{
  FieldChange *self = (FieldChange *)change;

  tpt_node_set_field_raw (self->node, self->prop_id, &self->new_value);
}

static void
field_change_revert (TptChange *change)
{
  FieldChange *self = (FieldChange *)change;

  tpt_node_set_field_raw (self->node, self->prop_id, &self->old_value);
}

static gboolean
field_change_merge (TptChange *change,
                    TptChange *next)
{
  FieldChange *self = (FieldChange *)change;
  FieldChange *other = (FieldChange *)next;

  if (self->node != other->node || self->prop_id != other->prop_id)
    return FALSE;

  g_value_copy (&other->new_value, &self->new_value);
  return TRUE;
}

static void
field_change_free (TptChange *change)
{
  FieldChange *self = (FieldChange *)change;

  g_value_unset (&self->old_value);
  g_value_unset (&self->new_value);
  release_node (self->node);
  g_free (self);
}

static const TptChangeClass field_change_class = {
  .name = "field",
  .apply = field_change_apply,
  .revert = field_change_revert,
  .merge = field_change_merge,
  .free = field_change_free,
};

TptChange *
tpt_field_change_new (TptNode      *node,
                      guint         prop_id,
                      const GValue *old_value,
                      const GValue *new_value)
{
  FieldChange *self = g_new0 (FieldChange, 1);

  self->parent.klass = &field_change_class;
  self->node = hold_node (node);
  self->prop_id = prop_id;
  g_value_init (&self->old_value, G_VALUE_TYPE (old_value));
  g_value_copy (old_value, &self->old_value);
  g_value_init (&self->new_value, G_VALUE_TYPE (new_value));
  g_value_copy (new_value, &self->new_value);

  return &self->parent;
}

/* A child enters or leaves a list ----------------------------------------- */

typedef struct
{
  TptChange   parent;
  TptNode    *owner;
  GListStore *store;
  TptNode    *child;
  guint       position;
  gboolean    insert;
} ListChange;

static void
list_change_do (ListChange *self,
                gboolean    insert)
{
  if (insert)
    tpt_node_insert_child_raw (self->owner, self->store, self->position, self->child);
  else
    tpt_node_remove_child_raw (self->owner, self->store, self->position, self->child);
}

static void
list_change_apply (TptChange *change)
{
  ListChange *self = (ListChange *)change;

  list_change_do (self, self->insert);
}

static void
list_change_revert (TptChange *change)
{
  ListChange *self = (ListChange *)change;

  list_change_do (self, !self->insert);
}

static void
list_change_free (TptChange *change)
{
  ListChange *self = (ListChange *)change;

  /* The owner holds the store; the change holds both, and never the other
   * way round, so there is no cycle. */
  g_clear_object (&self->child);
  g_clear_object (&self->store);
  release_node (self->owner);
  g_free (self);
}

static const TptChangeClass list_change_class = {
  .name = "list",
  .apply = list_change_apply,
  .revert = list_change_revert,
  .merge = NULL,
  .free = list_change_free,
};

TptChange *
tpt_list_change_new (TptNode    *owner,
                     GListStore *store,
                     guint       position,
                     TptNode    *child,
                     gboolean    insert)
{
  ListChange *self = g_new0 (ListChange, 1);

  self->parent.klass = &list_change_class;
  self->owner = hold_node (owner);
  self->store = g_object_ref (store);
  self->child = g_object_ref (child);
  self->position = position;
  self->insert = insert;

  return &self->parent;
}

/* The journal's record of a change ---------------------------------------- */

/*
 * tpt_journal_record_change:
 * @change: a change about to be applied
 *
 * Describes @change so that it can be made again on another copy of the
 * document: the nodes by where they are now, a child that enters a list
 * as it is now. See tpt-history-journal.c.
 *
 * Returns: (transfer floating): the record
 */
GVariant *
tpt_journal_record_change (TptChange *change)
{
  if (change->klass == &field_change_class)
    {
      FieldChange *self = (FieldChange *)change;
      GParamSpec *pspec = TPT_NODE_GET_CLASS (self->node)->fields[self->prop_id];

      return g_variant_new ("(y@(sa(uu))svv)", 'f', tpt_journal_node_ref (self->node),
                            g_param_spec_get_name (pspec),
                            tpt_journal_value (&self->old_value),
                            tpt_journal_value (&self->new_value));
    }
  else
    {
      ListChange *self = (ListChange *)change;
      GListStore *const *stores;
      guint n_stores, index = 0;

      stores = tpt_node_get_child_stores (self->owner, &n_stores);
      while (index < n_stores && stores[index] != self->store)
        index++;
      g_assert (index < n_stores);

      return g_variant_new ("(y@(sa(uu))uubv)", 'l', tpt_journal_node_ref (self->owner),
                            (guint32) index, (guint32) self->position, self->insert,
                            tpt_journal_node_snapshot (self->child));
    }
}
