/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-card"

#include "config.h"

#include "tpt-card-private.h"
#include "tpt-enum-types.h"
#include "tpt-node-private.h"

/* One item in a lane at a step. */
struct _TptCard
{
  TptNode     parent_instance;
};

G_DEFINE_FINAL_TYPE (TptCard, tpt_card, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_LANE,
  PROP_STEP,
  PROP_KIND,
  PROP_SPAN,
  PROP_TEXT,
  PROP_OWNER,
  PROP_CHANNEL,
  PROP_SERVES,
  PROP_CONCERNS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tpt_card_class_init (TptCardClass *klass)
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
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       TPT_TYPE_CARD_KIND, TPT_CARD_KIND_ACTION,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SPAN] =
    g_param_spec_int ("span", NULL, NULL,
                      1, 10000, 1,
                      (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANNEL] =
    g_param_spec_string ("channel", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SERVES] =
    g_param_spec_boxed ("serves", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONCERNS] =
    g_param_spec_boxed ("concerns", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, "c", N_PROPS, properties);
}

static void
tpt_card_init (TptCard *self)
{
}

/**
 * tpt_card_new:
 * @document: (nullable): the document it will belong to, which gives it an id
 *
 * Returns: (transfer full): a new card, not yet in @document
 */
TptCard *
tpt_card_new (TptDocument *document)
{
  return TPT_CARD (tpt_node_new_in (TPT_TYPE_CARD, document));
}

/**
 * tpt_card_get_lane:
 * @self: a #TptCard
 *
 * Returns: (transfer none): the id of its lane
 */
const char *
tpt_card_get_lane (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_LANE);
}

/**
 * tpt_card_get_step:
 * @self: a #TptCard
 *
 * Returns: (transfer none): the id of its first step
 */
const char *
tpt_card_get_step (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_STEP);
}

/**
 * tpt_card_get_kind:
 * @self: a #TptCard
 *
 * Returns:: what kind of card it is
 */
TptCardKind
tpt_card_get_kind (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), 0);

  return (TptCardKind)tpt_node_get_enum_field (TPT_NODE (self), PROP_KIND);
}

/**
 * tpt_card_get_span:
 * @self: a #TptCard
 *
 * Returns:: how many steps it spans
 */
int
tpt_card_get_span (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), 0);

  return tpt_node_get_int_field (TPT_NODE (self), PROP_SPAN);
}

/**
 * tpt_card_get_text:
 * @self: a #TptCard
 *
 * Returns: (transfer none): what it says
 */
const char *
tpt_card_get_text (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_TEXT);
}

/**
 * tpt_card_get_owner:
 * @self: a #TptCard
 *
 * Returns: (transfer none): the team or role that owns it
 */
const char *
tpt_card_get_owner (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_OWNER);
}

/**
 * tpt_card_get_channel:
 * @self: a #TptCard
 *
 * Returns: (transfer none): the channel, e.g. phone
 */
const char *
tpt_card_get_channel (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_CHANNEL);
}

/**
 * tpt_card_get_serves:
 * @self: a #TptCard
 *
 * Returns: (transfer none): the ids of the needs it serves
 */
const char * const *
tpt_card_get_serves (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), NULL);

  return tpt_node_get_strv_field (TPT_NODE (self), PROP_SERVES);
}

/**
 * tpt_card_get_concerns:
 * @self: a #TptCard
 *
 * Returns: (transfer none): the ids of the personas it concerns
 */
const char * const *
tpt_card_get_concerns (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), NULL);

  return tpt_node_get_strv_field (TPT_NODE (self), PROP_CONCERNS);
}

void
tpt_card_set_lane (TptCard *self,
                   const char *lane)
{
  g_return_if_fail (TPT_IS_CARD (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_LANE, lane);
}

void
tpt_card_set_step (TptCard *self,
                   const char *step)
{
  g_return_if_fail (TPT_IS_CARD (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_STEP, step);
}

void
tpt_card_set_kind (TptCard *self,
                   TptCardKind kind)
{
  g_return_if_fail (TPT_IS_CARD (self));

  tpt_node_set_enum_field (TPT_NODE (self), PROP_KIND, kind);
}

/**
 * tpt_card_set_span:
 * @self: a #TptCard
 * @span: how many steps the card covers, at least 1
 *
 * Sets how many steps the card spans, starting at its step.
 */
void
tpt_card_set_span (TptCard *self,
                   int      span)
{
  g_return_if_fail (TPT_IS_CARD (self));
  g_return_if_fail (span >= 1);

  tpt_node_set_int_field (TPT_NODE (self), PROP_SPAN, span);
}

void
tpt_card_set_text (TptCard *self,
                   const char *text)
{
  g_return_if_fail (TPT_IS_CARD (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_TEXT, text);
}

void
tpt_card_set_owner (TptCard *self,
                    const char *owner)
{
  g_return_if_fail (TPT_IS_CARD (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_OWNER, owner);
}

void
tpt_card_set_channel (TptCard *self,
                      const char *channel)
{
  g_return_if_fail (TPT_IS_CARD (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_CHANNEL, channel);
}

void
tpt_card_set_serves (TptCard *self,
                     const char *const *serves)
{
  g_return_if_fail (TPT_IS_CARD (self));

  tpt_node_set_strv_field (TPT_NODE (self), PROP_SERVES, serves);
}

void
tpt_card_set_concerns (TptCard *self,
                       const char *const *concerns)
{
  g_return_if_fail (TPT_IS_CARD (self));

  tpt_node_set_strv_field (TPT_NODE (self), PROP_CONCERNS, concerns);
}
