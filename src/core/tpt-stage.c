/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-stage"

#include "config.h"

#include "tpt-stage.h"
#include "tpt-step.h"
#include "tpt-enum-types.h"
#include "tpt-node-private.h"

/* A group of steps, such as Buy, Use or Claim. */
struct _TptStage
{
  TptNode     parent_instance;

  GListStore *steps;
};

G_DEFINE_FINAL_TYPE (TptStage, tpt_stage, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListStore *const *
tpt_stage_get_child_stores (TptNode *node,
                            guint   *n_stores)
{
  TptStage *self = TPT_STAGE (node);

  *n_stores = 1;
  return &self->steps;
}

static void
tpt_stage_dispose (GObject *object)
{
  TptStage *self = (TptStage *)object;

  g_clear_object (&self->steps);

  G_OBJECT_CLASS (tpt_stage_parent_class)->dispose (object);
}

static void
tpt_stage_class_init (TptStageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TptNodeClass *node_class = TPT_NODE_CLASS (klass);

  object_class->dispose = tpt_stage_dispose;
  node_class->get_child_stores = tpt_stage_get_child_stores;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, "s", N_PROPS, properties);
}

static void
tpt_stage_init (TptStage *self)
{
  self->steps = g_list_store_new (TPT_TYPE_STEP);
}

/**
 * tpt_stage_new:
 * @document: (nullable): the document it will belong to, which gives it an id
 *
 * Returns: (transfer full): a new stage, not yet in @document
 */
TptStage *
tpt_stage_new (TptDocument *document)
{
  return TPT_STAGE (tpt_node_new_in (TPT_TYPE_STAGE, document));
}

/**
 * tpt_stage_get_title:
 * @self: a #TptStage
 *
 * Returns: (transfer none): the stage's title
 */
const char *
tpt_stage_get_title (TptStage *self)
{
  g_return_val_if_fail (TPT_IS_STAGE (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_TITLE);
}

void
tpt_stage_set_title (TptStage *self,
                     const char *title)
{
  g_return_if_fail (TPT_IS_STAGE (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_TITLE, title);
}

/**
 * tpt_stage_get_steps:
 * @self: a #TptStage
 *
 * Returns: (transfer none): a #GListModel of #TptStep
 */
GListModel *
tpt_stage_get_steps (TptStage *self)
{
  g_return_val_if_fail (TPT_IS_STAGE (self), NULL);

  return G_LIST_MODEL (self->steps);
}
