/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-lane"

#include "config.h"

#include "tpt-lane-private.h"
#include "tpt-enum-types.h"
#include "tpt-node-private.h"

/* A row of a blueprint. */
struct _TptLane
{
  TptNode     parent_instance;
};

G_DEFINE_FINAL_TYPE (TptLane, tpt_lane, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_KIND,
  PROP_OFFICE,
  PROP_PERSONA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tpt_lane_class_init (TptLaneClass *klass)
{
  TptNodeClass *node_class = TPT_NODE_CLASS (klass);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       TPT_TYPE_LANE_KIND, TPT_LANE_KIND_CUSTOM,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_OFFICE] =
    g_param_spec_enum ("office", NULL, NULL,
                       TPT_TYPE_OFFICE, TPT_OFFICE_NONE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PERSONA] =
    g_param_spec_string ("persona", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, "l", N_PROPS, properties);
}

static void
tpt_lane_init (TptLane *self)
{
}

/**
 * tpt_lane_new:
 * @document: (nullable): the document it will belong to, which gives it an id
 *
 * Returns: (transfer full): a new lane, not yet in @document
 */
TptLane *
tpt_lane_new (TptDocument *document)
{
  return TPT_LANE (tpt_node_new_in (TPT_TYPE_LANE, document));
}

/**
 * tpt_lane_get_title:
 * @self: a #TptLane
 *
 * Returns: (transfer none): the lane's title
 */
const char *
tpt_lane_get_title (TptLane *self)
{
  g_return_val_if_fail (TPT_IS_LANE (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_TITLE);
}

/**
 * tpt_lane_get_kind:
 * @self: a #TptLane
 *
 * Returns:: what the lane holds
 */
TptLaneKind
tpt_lane_get_kind (TptLane *self)
{
  g_return_val_if_fail (TPT_IS_LANE (self), 0);

  return (TptLaneKind)tpt_node_get_enum_field (TPT_NODE (self), PROP_KIND);
}

/**
 * tpt_lane_get_office:
 * @self: a #TptLane
 *
 * Returns:: front, middle or back office, or none
 */
TptOffice
tpt_lane_get_office (TptLane *self)
{
  g_return_val_if_fail (TPT_IS_LANE (self), 0);

  return (TptOffice)tpt_node_get_enum_field (TPT_NODE (self), PROP_OFFICE);
}

/**
 * tpt_lane_get_persona:
 * @self: a #TptLane
 *
 * Returns: (transfer none): the id of the persona an emotion lane follows
 */
const char *
tpt_lane_get_persona (TptLane *self)
{
  g_return_val_if_fail (TPT_IS_LANE (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_PERSONA);
}

void
tpt_lane_set_title (TptLane *self,
                    const char *title)
{
  g_return_if_fail (TPT_IS_LANE (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_TITLE, title);
}

void
tpt_lane_set_kind (TptLane *self,
                   TptLaneKind kind)
{
  g_return_if_fail (TPT_IS_LANE (self));

  tpt_node_set_enum_field (TPT_NODE (self), PROP_KIND, kind);
}

void
tpt_lane_set_office (TptLane *self,
                     TptOffice office)
{
  g_return_if_fail (TPT_IS_LANE (self));

  tpt_node_set_enum_field (TPT_NODE (self), PROP_OFFICE, office);
}

void
tpt_lane_set_persona (TptLane *self,
                      const char *persona)
{
  g_return_if_fail (TPT_IS_LANE (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_PERSONA, persona);
}
