/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-journey.h"

G_BEGIN_DECLS

#define TPT_TYPE_CASE_FOR_CHANGE (tpt_case_for_change_get_type ())

/**
 * TptCaseForChange:
 * @current: the blueprint of the service as it is (the one @future is
 *   based on)
 * @future: the blueprint of the service as it is meant to be
 * @before: @current's numbers
 * @after: @future's numbers
 * @closed: (element-type TptNeed): needs @current leaves unserved and
 *   @future serves: newly served
 * @opened: (element-type TptNeed): needs @current serves and @future
 *   leaves unserved: new gaps
 * @remaining: (element-type TptNeed): needs neither serves
 * @time_saved: end-to-end time saved, in seconds (negative when the future
 *   takes longer), from the known durations
 * @time_exact: both journeys' durations are all known, so @time_saved is
 *   exact
 * @waiting_saved: the customer's waiting time saved, in seconds
 * @waiting_exact: both waits' durations are all known
 * @wait_points_removed: wait points removed (negative: added)
 * @handoffs_removed: handoffs removed
 * @bounces_removed: bounces removed
 * @fail_points_removed: fail points removed
 * @customer_facing_fail_points_removed: of those, in customer and
 *   frontstage lanes
 * @metrics_met_gained: metrics that meet their target, more than before
 *
 * What a future state changes against the state it is based on: the
 * deltas of every number of its journey and of its coverage, for a
 * steering committee. A snapshot, like #TptJourney.
 */
typedef struct
{
  /*< private >*/
  gatomicrefcount  ref_count;

  /*< public >*/
  TptBlueprint    *current;
  TptBlueprint    *future;
  TptJourney      *before;
  TptJourney      *after;
  GPtrArray       *closed;
  GPtrArray       *opened;
  GPtrArray       *remaining;
  gint64           time_saved;
  gboolean         time_exact;
  gint64           waiting_saved;
  gboolean         waiting_exact;
  int              wait_points_removed;
  int              handoffs_removed;
  int              bounces_removed;
  int              fail_points_removed;
  int              customer_facing_fail_points_removed;
  int              metrics_met_gained;
} TptCaseForChange;

GType             tpt_case_for_change_get_type (void) G_GNUC_CONST;
TptBlueprint     *tpt_case_for_change_based_on (TptDocument      *document,
                                                TptBlueprint     *future);
GPtrArray        *tpt_case_for_change_list_futures (TptDocument  *document);
TptCaseForChange *tpt_case_for_change_new      (TptDocument      *document,
                                                TptBlueprint     *future);
TptCaseForChange *tpt_case_for_change_ref      (TptCaseForChange *self);
void              tpt_case_for_change_unref    (TptCaseForChange *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptCaseForChange, tpt_case_for_change_unref)

G_END_DECLS
