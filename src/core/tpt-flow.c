/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-flow"

#include "config.h"

#include "tpt-flow-private.h"
#include "tpt-enum-types.h"
#include "tpt-node-private.h"

/* An arrow from one card to another. */
struct _TptFlow
{
  TptNode     parent_instance;
};

G_DEFINE_FINAL_TYPE (TptFlow, tpt_flow, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_FROM,
  PROP_TO,
  PROP_ARROW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tpt_flow_class_init (TptFlowClass *klass)
{
  TptNodeClass *node_class = TPT_NODE_CLASS (klass);

  properties[PROP_FROM] =
    g_param_spec_string ("from", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TO] =
    g_param_spec_string ("to", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ARROW] =
    g_param_spec_enum ("arrow", NULL, NULL,
                       TPT_TYPE_ARROW, TPT_ARROW_SINGLE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, "f", N_PROPS, properties);
}

static void
tpt_flow_init (TptFlow *self)
{
}

/**
 * tpt_flow_new:
 * @document: (nullable): the document it will belong to, which gives it an id
 *
 * Returns: (transfer full): a new flow, not yet in @document
 */
TptFlow *
tpt_flow_new (TptDocument *document)
{
  return TPT_FLOW (tpt_node_new_in (TPT_TYPE_FLOW, document));
}

/**
 * tpt_flow_get_from:
 * @self: a #TptFlow
 *
 * Returns: (transfer none): the id of the card it starts at
 */
const char *
tpt_flow_get_from (TptFlow *self)
{
  g_return_val_if_fail (TPT_IS_FLOW (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_FROM);
}

/**
 * tpt_flow_get_to:
 * @self: a #TptFlow
 *
 * Returns: (transfer none): the id of the card it ends at
 */
const char *
tpt_flow_get_to (TptFlow *self)
{
  g_return_val_if_fail (TPT_IS_FLOW (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_TO);
}

/**
 * tpt_flow_get_arrow:
 * @self: a #TptFlow
 *
 * Returns:: single or double
 */
TptArrow
tpt_flow_get_arrow (TptFlow *self)
{
  g_return_val_if_fail (TPT_IS_FLOW (self), 0);

  return (TptArrow)tpt_node_get_enum_field (TPT_NODE (self), PROP_ARROW);
}

void
tpt_flow_set_from (TptFlow *self,
                   const char *from_)
{
  g_return_if_fail (TPT_IS_FLOW (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_FROM, from_);
}

void
tpt_flow_set_to (TptFlow *self,
                 const char *to)
{
  g_return_if_fail (TPT_IS_FLOW (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_TO, to);
}

void
tpt_flow_set_arrow (TptFlow *self,
                    TptArrow arrow)
{
  g_return_if_fail (TPT_IS_FLOW (self));

  tpt_node_set_enum_field (TPT_NODE (self), PROP_ARROW, arrow);
}
