/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-card"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-card-private.h"
#include "tpt-document.h"
#include "tpt-enum-types.h"
#include "tpt-node-private.h"
#include "tpt-values.h"

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
  PROP_TARGET,
  PROP_ACTUAL,
  PROP_UNIT,
  PROP_DIRECTION,
  PROP_SOURCE,
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

  /* What a metric card measures. Numbers are kept as the text the file
   * holds (tpt_number_parse()), so that a file reads and writes back to
   * the same bytes; tpt_card_get_target_value() reads them as numbers. */
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ACTUAL] =
    g_param_spec_string ("actual", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL,
                       TPT_TYPE_DIRECTION, TPT_DIRECTION_NONE,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SOURCE] =
    g_param_spec_enum ("source", NULL, NULL,
                       TPT_TYPE_VOICE, TPT_VOICE_NONE,
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

/* Metrics ------------------------------------------------------------------ */

/* Each metric setter is one labelled step of its own, or part of the
 * caller's when one is open (transactions nest). */
static void
begin (TptCard    *self,
       const char *label)
{
  TptDocument *document = tpt_node_get_document (TPT_NODE (self));

  if (document != NULL && tpt_node_is_attached (TPT_NODE (self)))
    tpt_document_begin (document, label);
}

static void
end (TptCard *self)
{
  TptDocument *document = tpt_node_get_document (TPT_NODE (self));

  if (document != NULL && tpt_node_is_attached (TPT_NODE (self)))
    tpt_document_end (document);
}

static gboolean
number_value (const char *text,
              double     *value)
{
  double number;

  if (!tpt_number_parse (text, &number))
    return FALSE;
  if (value != NULL)
    *value = number;
  return TRUE;
}

/**
 * tpt_card_get_target:
 * @self: a #TptCard
 *
 * Returns: (transfer none): the number a metric aims for, as the file
 *   holds it (e.g. "15"), or "" when it has no target
 */
const char *
tpt_card_get_target (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_TARGET);
}

/**
 * tpt_card_get_target_value:
 * @self: a #TptCard
 * @value: (out) (optional): the target
 *
 * Returns: %TRUE if the card has a target
 */
gboolean
tpt_card_get_target_value (TptCard *self,
                           double  *value)
{
  g_return_val_if_fail (TPT_IS_CARD (self), FALSE);

  return number_value (tpt_card_get_target (self), value);
}

/**
 * tpt_card_set_target:
 * @self: a #TptCard
 * @target: (nullable): a number in the form tpt_number_parse() reads, or
 *   %NULL or "" for none
 *
 * Sets the number a metric aims for, as one undoable step. Anything that
 * is not such a number is refused.
 */
void
tpt_card_set_target (TptCard    *self,
                     const char *target)
{
  g_return_if_fail (TPT_IS_CARD (self));
  g_return_if_fail (target == NULL || *target == '\0' || tpt_number_parse (target, NULL));

  begin (self, _("Change Target"));
  tpt_node_set_string_field (TPT_NODE (self), PROP_TARGET, target);
  end (self);
}

/**
 * tpt_card_get_actual:
 * @self: a #TptCard
 *
 * Returns: (transfer none): the number a metric measures now, as the
 *   file holds it, or "" when it is not known
 */
const char *
tpt_card_get_actual (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_ACTUAL);
}

/**
 * tpt_card_get_actual_value:
 * @self: a #TptCard
 * @value: (out) (optional): the actual value
 *
 * Returns: %TRUE if the card has an actual value
 */
gboolean
tpt_card_get_actual_value (TptCard *self,
                           double  *value)
{
  g_return_val_if_fail (TPT_IS_CARD (self), FALSE);

  return number_value (tpt_card_get_actual (self), value);
}

/**
 * tpt_card_set_actual:
 * @self: a #TptCard
 * @actual: (nullable): a number in the form tpt_number_parse() reads, or
 *   %NULL or "" when it is not known
 *
 * Sets what a metric measures now, as one undoable step.
 */
void
tpt_card_set_actual (TptCard    *self,
                     const char *actual)
{
  g_return_if_fail (TPT_IS_CARD (self));
  g_return_if_fail (actual == NULL || *actual == '\0' || tpt_number_parse (actual, NULL));

  begin (self, _("Change Actual Value"));
  tpt_node_set_string_field (TPT_NODE (self), PROP_ACTUAL, actual);
  end (self);
}

/**
 * tpt_card_get_unit:
 * @self: a #TptCard
 *
 * Returns: (transfer none): what a metric counts in, e.g. "%" or "days",
 *   or "" when not said
 */
const char *
tpt_card_get_unit (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_UNIT);
}

/**
 * tpt_card_set_unit:
 * @self: a #TptCard
 * @unit: (nullable): at most %TPT_UNIT_MAX_LENGTH characters, no control
 *   characters; %NULL or "" for none
 *
 * Sets what a metric counts in, as one undoable step.
 */
void
tpt_card_set_unit (TptCard    *self,
                   const char *unit)
{
  g_return_if_fail (TPT_IS_CARD (self));
  g_return_if_fail (unit == NULL || tpt_unit_is_valid (unit));

  begin (self, _("Change Unit"));
  tpt_node_set_string_field (TPT_NODE (self), PROP_UNIT, unit);
  end (self);
}

/**
 * tpt_card_get_direction:
 * @self: a #TptCard
 *
 * Returns: whether more or less of a metric is better, or
 *   %TPT_DIRECTION_NONE when that is not said
 */
TptDirection
tpt_card_get_direction (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), TPT_DIRECTION_NONE);

  return (TptDirection) tpt_node_get_enum_field (TPT_NODE (self), PROP_DIRECTION);
}

/**
 * tpt_card_set_direction:
 * @self: a #TptCard
 * @direction: whether more or less is better
 *
 * Sets which way a metric improves, as one undoable step.
 */
void
tpt_card_set_direction (TptCard      *self,
                        TptDirection  direction)
{
  g_return_if_fail (TPT_IS_CARD (self));
  g_return_if_fail (direction >= TPT_DIRECTION_NONE && direction <= TPT_DIRECTION_LOWER);

  begin (self, _("Change Direction"));
  tpt_node_set_enum_field (TPT_NODE (self), PROP_DIRECTION, direction);
  end (self);
}

/**
 * tpt_card_get_source:
 * @self: a #TptCard
 *
 * Returns: whose voice a metric is, or %TPT_VOICE_NONE when not said
 */
TptVoice
tpt_card_get_source (TptCard *self)
{
  g_return_val_if_fail (TPT_IS_CARD (self), TPT_VOICE_NONE);

  return (TptVoice) tpt_node_get_enum_field (TPT_NODE (self), PROP_SOURCE);
}

/**
 * tpt_card_set_source:
 * @self: a #TptCard
 * @source: the voice of the customer, of the employee or of the process
 *
 * Sets whose voice a metric is, as one undoable step.
 */
void
tpt_card_set_source (TptCard  *self,
                     TptVoice  source)
{
  g_return_if_fail (TPT_IS_CARD (self));
  g_return_if_fail (source >= TPT_VOICE_NONE && source <= TPT_VOICE_PROCESS);

  begin (self, _("Change Source"));
  tpt_node_set_enum_field (TPT_NODE (self), PROP_SOURCE, source);
  end (self);
}
