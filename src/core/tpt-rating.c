/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-rating"

#include "config.h"

#include "tpt-rating-private.h"
#include "tpt-enum-types.h"
#include "tpt-node-private.h"
#include "tpt-values.h"

/* How much one need matters to one persona and how well it is served. */
struct _TptRating
{
  TptNode     parent_instance;
};

G_DEFINE_FINAL_TYPE (TptRating, tpt_rating, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_PERSONA,
  PROP_NEED,
  PROP_IMPORTANCE,
  PROP_SATISFACTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tpt_rating_class_init (TptRatingClass *klass)
{
  TptNodeClass *node_class = TPT_NODE_CLASS (klass);

  properties[PROP_PERSONA] =
    g_param_spec_string ("persona", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NEED] =
    g_param_spec_string ("need", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_IMPORTANCE] =
    g_param_spec_int ("importance", NULL, NULL,
                      -1, 10, -1,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SATISFACTION] =
    g_param_spec_int ("satisfaction", NULL, NULL,
                      -1, 10, -1,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, NULL, N_PROPS, properties);
}

static void
tpt_rating_init (TptRating *self)
{
}

/**
 * tpt_rating_new:
 * @document: (nullable): the document it will belong to, which gives it an id
 *
 * Returns: (transfer full): a new rating, not yet in @document
 */
TptRating *
tpt_rating_new (TptDocument *document)
{
  return TPT_RATING (tpt_node_new_in (TPT_TYPE_RATING, document));
}

/**
 * tpt_rating_get_persona:
 * @self: a #TptRating
 *
 * Returns: (transfer none): the id of the persona
 */
const char *
tpt_rating_get_persona (TptRating *self)
{
  g_return_val_if_fail (TPT_IS_RATING (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_PERSONA);
}

/**
 * tpt_rating_get_need:
 * @self: a #TptRating
 *
 * Returns: (transfer none): the id of the need
 */
const char *
tpt_rating_get_need (TptRating *self)
{
  g_return_val_if_fail (TPT_IS_RATING (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_NEED);
}

/**
 * tpt_rating_get_importance:
 * @self: a #TptRating
 *
 * Returns:: 0 to 10, or -1 when unset
 */
int
tpt_rating_get_importance (TptRating *self)
{
  g_return_val_if_fail (TPT_IS_RATING (self), 0);

  return tpt_node_get_int_field (TPT_NODE (self), PROP_IMPORTANCE);
}

/**
 * tpt_rating_get_satisfaction:
 * @self: a #TptRating
 *
 * Returns:: 0 to 10, or -1 when unset
 */
int
tpt_rating_get_satisfaction (TptRating *self)
{
  g_return_val_if_fail (TPT_IS_RATING (self), 0);

  return tpt_node_get_int_field (TPT_NODE (self), PROP_SATISFACTION);
}

/**
 * tpt_rating_get_opportunity:
 * @self: a #TptRating
 *
 * The opportunity score of the need for the persona: importance +
 * max(importance − satisfaction, 0); see tpt_opportunity_score().
 *
 * Returns: 0 to 20, or -1 when it is unknown because importance or
 *   satisfaction is unset (show it as unknown, not as zero)
 */
int
tpt_rating_get_opportunity (TptRating *self)
{
  g_return_val_if_fail (TPT_IS_RATING (self), -1);

  return tpt_opportunity_score (tpt_rating_get_importance (self),
                                tpt_rating_get_satisfaction (self));
}

void
tpt_rating_set_persona (TptRating *self,
                        const char *persona)
{
  g_return_if_fail (TPT_IS_RATING (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_PERSONA, persona);
}

void
tpt_rating_set_need (TptRating *self,
                     const char *need)
{
  g_return_if_fail (TPT_IS_RATING (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_NEED, need);
}

void
tpt_rating_set_importance (TptRating *self,
                           int importance)
{
  g_return_if_fail (TPT_IS_RATING (self));

  tpt_node_set_int_field (TPT_NODE (self), PROP_IMPORTANCE, importance);
}

void
tpt_rating_set_satisfaction (TptRating *self,
                             int satisfaction)
{
  g_return_if_fail (TPT_IS_RATING (self));

  tpt_node_set_int_field (TPT_NODE (self), PROP_SATISFACTION, satisfaction);
}
