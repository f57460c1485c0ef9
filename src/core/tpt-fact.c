/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-fact"

#include "config.h"

#include "tpt-fact.h"
#include "tpt-enum-types.h"
#include "tpt-node-private.h"

/* One labelled fact about a persona, such as Age: 42. */
struct _TptFact
{
  TptNode     parent_instance;
};

G_DEFINE_FINAL_TYPE (TptFact, tpt_fact, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tpt_fact_class_init (TptFactClass *klass)
{
  TptNodeClass *node_class = TPT_NODE_CLASS (klass);

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VALUE] =
    g_param_spec_string ("value", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, NULL, N_PROPS, properties);
}

static void
tpt_fact_init (TptFact *self)
{
}

/**
 * tpt_fact_new:
 * @document: (nullable): the document it will belong to, which gives it an id
 *
 * Returns: (transfer full): a new fact, not yet in @document
 */
TptFact *
tpt_fact_new (TptDocument *document)
{
  return TPT_FACT (tpt_node_new_in (TPT_TYPE_FACT, document));
}

/**
 * tpt_fact_get_label:
 * @self: a #TptFact
 *
 * Returns: (transfer none): what the fact is, e.g. "Age"
 */
const char *
tpt_fact_get_label (TptFact *self)
{
  g_return_val_if_fail (TPT_IS_FACT (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_LABEL);
}

/**
 * tpt_fact_get_value:
 * @self: a #TptFact
 *
 * Returns: (transfer none): the fact, e.g. "42"
 */
const char *
tpt_fact_get_value (TptFact *self)
{
  g_return_val_if_fail (TPT_IS_FACT (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_VALUE);
}

void
tpt_fact_set_label (TptFact *self,
                    const char *label)
{
  g_return_if_fail (TPT_IS_FACT (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_LABEL, label);
}

void
tpt_fact_set_value (TptFact *self,
                    const char *value)
{
  g_return_if_fail (TPT_IS_FACT (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_VALUE, value);
}
