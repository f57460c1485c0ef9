/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-case-for-change"

#include "config.h"

#include "tpt-case-for-change.h"

#include "tpt-coverage.h"

G_DEFINE_BOXED_TYPE (TptCaseForChange, tpt_case_for_change, tpt_case_for_change_ref,
                     tpt_case_for_change_unref)

/**
 * tpt_case_for_change_based_on:
 * @document: a #TptDocument
 * @future: one of its blueprints
 *
 * Returns: (transfer none) (nullable): the blueprint @future is based on,
 *   when @future is a future state and that blueprint is another one of
 *   @document; otherwise %NULL, and there is no case for change to make
 */
TptBlueprint *
tpt_case_for_change_based_on (TptDocument  *document,
                              TptBlueprint *future)
{
  TptBlueprint *current;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TPT_IS_BLUEPRINT (future), NULL);

  if (tpt_blueprint_get_state (future) != TPT_BLUEPRINT_STATE_FUTURE)
    return NULL;
  current = tpt_document_lookup_typed (document, tpt_blueprint_get_based_on (future),
                                       TPT_TYPE_BLUEPRINT);
  return current != future ? current : NULL;
}

/**
 * tpt_case_for_change_list_futures:
 * @document: a #TptDocument
 *
 * Returns: (transfer container) (element-type TptBlueprint): the future
 *   states that have a case for change, in document order
 */
GPtrArray *
tpt_case_for_change_list_futures (TptDocument *document)
{
  GListModel *blueprints;
  GPtrArray *futures;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  blueprints = tpt_document_get_blueprints (document);
  futures = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);

      /* The document holds the blueprint; the array borrows it. */
      if (tpt_case_for_change_based_on (document, blueprint) != NULL)
        g_ptr_array_add (futures, blueprint);
    }

  return futures;
}

static GPtrArray *
ref_needs (GPtrArray *needs)
{
  GPtrArray *owned = g_ptr_array_new_full (needs->len, g_object_unref);

  for (guint i = 0; i < needs->len; i++)
    g_ptr_array_add (owned, g_object_ref (g_ptr_array_index (needs, i)));
  g_ptr_array_unref (needs);
  return owned;
}

/**
 * tpt_case_for_change_new:
 * @document: a #TptDocument
 * @future: a future state of @document, based on another blueprint
 *
 * Compares @future with the blueprint it is based on.
 *
 * Returns: (transfer full) (nullable): the comparison, or %NULL when
 *   @future is no future state based on another blueprint
 */
TptCaseForChange *
tpt_case_for_change_new (TptDocument  *document,
                         TptBlueprint *future)
{
  TptCaseForChange *self;
  TptBlueprint *current;
  GPtrArray *closed, *opened, *remaining;
  int met_before, met_after;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TPT_IS_BLUEPRINT (future), NULL);

  current = tpt_case_for_change_based_on (document, future);
  if (current == NULL)
    return NULL;

  self = g_new0 (TptCaseForChange, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->current = g_object_ref (current);
  self->future = g_object_ref (future);
  self->before = tpt_journey_new (document, current);
  self->after = tpt_journey_new (document, future);

  tpt_coverage_compare (document, current, future, &closed, &opened, &remaining);
  self->closed = ref_needs (closed);
  self->opened = ref_needs (opened);
  self->remaining = ref_needs (remaining);

  self->time_saved = self->before->time.known_seconds - self->after->time.known_seconds;
  self->time_exact = self->before->time.n_unknown == 0 && self->after->time.n_unknown == 0;
  self->waiting_saved = self->before->waiting.known_seconds -
                        self->after->waiting.known_seconds;
  self->waiting_exact = self->before->waiting.n_unknown == 0 &&
                        self->after->waiting.n_unknown == 0;
  self->wait_points_removed = (int) self->before->n_wait_points -
                              (int) self->after->n_wait_points;
  self->handoffs_removed = (int) self->before->handoffs->len - (int) self->after->handoffs->len;
  self->bounces_removed = (int) self->before->bounces->len - (int) self->after->bounces->len;
  self->fail_points_removed = (int) self->before->n_fail_points -
                              (int) self->after->n_fail_points;
  self->customer_facing_fail_points_removed =
    (int) tpt_journey_count_customer_facing_fail_points (self->before) -
    (int) tpt_journey_count_customer_facing_fail_points (self->after);
  met_before = (int) self->before->n_met;
  met_after = (int) self->after->n_met;
  self->metrics_met_gained = met_after - met_before;

  return self;
}

/**
 * tpt_case_for_change_ref:
 * @self: a #TptCaseForChange
 *
 * Returns: (transfer full): @self
 */
TptCaseForChange *
tpt_case_for_change_ref (TptCaseForChange *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * tpt_case_for_change_unref:
 * @self: (transfer full): a #TptCaseForChange
 */
void
tpt_case_for_change_unref (TptCaseForChange *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->before, tpt_journey_unref);
  g_clear_pointer (&self->after, tpt_journey_unref);
  g_clear_pointer (&self->closed, g_ptr_array_unref);
  g_clear_pointer (&self->opened, g_ptr_array_unref);
  g_clear_pointer (&self->remaining, g_ptr_array_unref);
  g_clear_object (&self->current);
  g_clear_object (&self->future);
  g_free (self);
}
