/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-emotion"

#include "config.h"

#include "tpt-emotion-private.h"
#include "tpt-enum-types.h"
#include "tpt-node-private.h"

/* How a persona feels at one step, on an emotion lane. */
struct _TptEmotion
{
  TptNode     parent_instance;
};

G_DEFINE_FINAL_TYPE (TptEmotion, tpt_emotion, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_LANE,
  PROP_STEP,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tpt_emotion_class_init (TptEmotionClass *klass)
{
  TptNodeClass *node_class = TPT_NODE_CLASS (klass);

  properties[PROP_LANE] =
    g_param_spec_string ("lane", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STEP] =
    g_param_spec_string ("step", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL,
                      -2, 2, 0,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, NULL, N_PROPS, properties);
}

static void
tpt_emotion_init (TptEmotion *self)
{
}

/**
 * tpt_emotion_new:
 * @document: (nullable): the document it will belong to, which gives it an id
 *
 * Returns: (transfer full): a new emotion, not yet in @document
 */
TptEmotion *
tpt_emotion_new (TptDocument *document)
{
  return TPT_EMOTION (tpt_node_new_in (TPT_TYPE_EMOTION, document));
}

/**
 * tpt_emotion_get_lane:
 * @self: a #TptEmotion
 *
 * Returns: (transfer none): the id of the emotion lane
 */
const char *
tpt_emotion_get_lane (TptEmotion *self)
{
  g_return_val_if_fail (TPT_IS_EMOTION (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_LANE);
}

/**
 * tpt_emotion_get_step:
 * @self: a #TptEmotion
 *
 * Returns: (transfer none): the id of the step
 */
const char *
tpt_emotion_get_step (TptEmotion *self)
{
  g_return_val_if_fail (TPT_IS_EMOTION (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_STEP);
}

/**
 * tpt_emotion_get_value:
 * @self: a #TptEmotion
 *
 * Returns:: -2 (awful) to +2 (delighted)
 */
int
tpt_emotion_get_value (TptEmotion *self)
{
  g_return_val_if_fail (TPT_IS_EMOTION (self), 0);

  return tpt_node_get_int_field (TPT_NODE (self), PROP_VALUE);
}

void
tpt_emotion_set_lane (TptEmotion *self,
                      const char *lane)
{
  g_return_if_fail (TPT_IS_EMOTION (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_LANE, lane);
}

void
tpt_emotion_set_step (TptEmotion *self,
                      const char *step)
{
  g_return_if_fail (TPT_IS_EMOTION (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_STEP, step);
}

void
tpt_emotion_set_value (TptEmotion *self,
                       int value)
{
  g_return_if_fail (TPT_IS_EMOTION (self));

  tpt_node_set_int_field (TPT_NODE (self), PROP_VALUE, value);
}
