/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-step"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-document.h"
#include "tpt-step-private.h"
#include "tpt-enum-types.h"
#include "tpt-node-private.h"
#include "tpt-values.h"

/* A column of a blueprint. */
struct _TptStep
{
  TptNode     parent_instance;
};

G_DEFINE_FINAL_TYPE (TptStep, tpt_step, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DURATION,
  PROP_TARGET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tpt_step_class_init (TptStepClass *klass)
{
  TptNodeClass *node_class = TPT_NODE_CLASS (klass);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DURATION] =
    g_param_spec_string ("duration", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, "t", N_PROPS, properties);
}

static void
tpt_step_init (TptStep *self)
{
}

/**
 * tpt_step_new:
 * @document: (nullable): the document it will belong to, which gives it an id
 *
 * Returns: (transfer full): a new step, not yet in @document
 */
TptStep *
tpt_step_new (TptDocument *document)
{
  return TPT_STEP (tpt_node_new_in (TPT_TYPE_STEP, document));
}

/**
 * tpt_step_get_title:
 * @self: a #TptStep
 *
 * Returns: (transfer none): the step's title
 */
const char *
tpt_step_get_title (TptStep *self)
{
  g_return_val_if_fail (TPT_IS_STEP (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_TITLE);
}

/**
 * tpt_step_get_duration:
 * @self: a #TptStep
 *
 * Returns: (transfer none): how long it takes, as an ISO 8601 duration
 */
const char *
tpt_step_get_duration (TptStep *self)
{
  g_return_val_if_fail (TPT_IS_STEP (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_DURATION);
}

void
tpt_step_set_title (TptStep *self,
                    const char *title)
{
  g_return_if_fail (TPT_IS_STEP (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_TITLE, title);
}

/**
 * tpt_step_set_duration:
 * @self: a #TptStep
 * @duration: (nullable): an ISO 8601 duration such as "PT15M", or %NULL or
 *   "" for none
 *
 * Sets how long the step takes. Anything that is not a duration is refused.
 */
void
tpt_step_set_duration (TptStep    *self,
                       const char *duration)
{
  g_return_if_fail (TPT_IS_STEP (self));
  g_return_if_fail (duration == NULL || duration[0] == '\0' ||
                    tpt_duration_parse (duration, NULL));

  tpt_node_set_string_field (TPT_NODE (self), PROP_DURATION, duration);
}

/**
 * tpt_step_get_target:
 * @self: a #TptStep
 *
 * Returns: (transfer none): the time the step should take at most, its
 *   service level, as an ISO 8601 duration, or "" for none
 */
const char *
tpt_step_get_target (TptStep *self)
{
  g_return_val_if_fail (TPT_IS_STEP (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_TARGET);
}

/**
 * tpt_step_set_target:
 * @self: a #TptStep
 * @target: (nullable): an ISO 8601 duration such as "PT10M", or %NULL or
 *   "" for none
 *
 * Sets the time the step should take at most, as one undoable step.
 * Anything that is not a duration is refused.
 */
void
tpt_step_set_target (TptStep    *self,
                     const char *target)
{
  TptDocument *document;
  gboolean recorded;

  g_return_if_fail (TPT_IS_STEP (self));
  g_return_if_fail (target == NULL || target[0] == '\0' || tpt_duration_parse (target, NULL));

  document = tpt_node_get_document (TPT_NODE (self));
  recorded = document != NULL && tpt_node_is_attached (TPT_NODE (self));
  if (recorded)
    tpt_document_begin (document, _("Change Time Target"));
  tpt_node_set_string_field (TPT_NODE (self), PROP_TARGET, target);
  if (recorded)
    tpt_document_end (document);
}
