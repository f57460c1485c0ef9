/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-need"

#include "config.h"

#include "tpt-need.h"
#include "tpt-enum-types.h"
#include "tpt-node-private.h"

/* An outcome a customer wants, phrased as they would. */
struct _TptNeed
{
  TptNode     parent_instance;
};

G_DEFINE_FINAL_TYPE (TptNeed, tpt_need, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tpt_need_class_init (TptNeedClass *klass)
{
  TptNodeClass *node_class = TPT_NODE_CLASS (klass);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, "n", N_PROPS, properties);
}

static void
tpt_need_init (TptNeed *self)
{
}

/**
 * tpt_need_new:
 * @document: (nullable): the document it will belong to, which gives it an id
 *
 * Returns: (transfer full): a new need, not yet in @document
 */
TptNeed *
tpt_need_new (TptDocument *document)
{
  return TPT_NEED (tpt_node_new_in (TPT_TYPE_NEED, document));
}

/**
 * tpt_need_get_title:
 * @self: a #TptNeed
 *
 * Returns: (transfer none): the need, e.g. "Know my claim's status without calling"
 */
const char *
tpt_need_get_title (TptNeed *self)
{
  g_return_val_if_fail (TPT_IS_NEED (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_TITLE);
}

/**
 * tpt_need_get_description:
 * @self: a #TptNeed
 *
 * Returns: (transfer none): more about the need
 */
const char *
tpt_need_get_description (TptNeed *self)
{
  g_return_val_if_fail (TPT_IS_NEED (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_DESCRIPTION);
}

void
tpt_need_set_title (TptNeed *self,
                    const char *title)
{
  g_return_if_fail (TPT_IS_NEED (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_TITLE, title);
}

void
tpt_need_set_description (TptNeed *self,
                          const char *description)
{
  g_return_if_fail (TPT_IS_NEED (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_DESCRIPTION, description);
}
