/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

#define TPT_TYPE_JOURNEY (tpt_journey_get_type ())

/**
 * TptJourneyTime:
 * @known_seconds: the sum of the durations that are known
 * @n_steps: how many steps were added up
 * @n_unknown: how many of them have no duration: counted, never taken as
 *   zero, so @known_seconds is a lower bound while this is not 0
 *
 * A length of time made of steps.
 */
typedef struct
{
  gint64 known_seconds;
  guint  n_steps;
  guint  n_unknown;
} TptJourneyTime;

/**
 * TptJourneyStage:
 * @stage: (nullable): the stage
 * @first_step: the index of its first step among the blueprint's steps
 * @time: how long its steps take end to end
 * @waiting: how long the customer waits in it: its steps with a wait point
 * @n_wait_points: wait points that start in it
 * @n_fail_points: fail points that start in it
 * @n_handoffs: handoffs whose flow starts in it
 * @n_bounces: bounces whose flow starts in it
 * @n_metrics: metric cards with a target in it
 * @n_met: of those, how many meet their target
 *
 * The numbers of one stage.
 */
typedef struct
{
  TptStage       *stage;
  guint           first_step;
  TptJourneyTime  time;
  TptJourneyTime  waiting;
  guint           n_wait_points;
  guint           n_fail_points;
  guint           n_handoffs;
  guint           n_bounces;
  guint           n_metrics;
  guint           n_met;
} TptJourneyStage;

/**
 * TptJourneyHandoff:
 * @flow: the flow
 * @from: the card work leaves
 * @to: the card it goes to
 * @stage: the index of the stage @from starts in, or -1
 * @owner_changes: both cards have an owner, and they differ
 * @lane_changes: the cards are in different lanes
 * @office_changes: both lanes are in an office (front, middle, back), and
 *   they differ
 *
 * A flow that hands work from one owner, lane or office to another.
 */
typedef struct
{
  TptFlow  *flow;
  TptCard  *from;
  TptCard  *to;
  int       stage;
  gboolean  owner_changes;
  gboolean  lane_changes;
  gboolean  office_changes;
} TptJourneyHandoff;

/**
 * TptJourneyBounce:
 * @flow: the flow that brings work back
 * @stage: the index of the stage the flow starts in, or -1
 * @team: the team work comes back to: an owner, or the title of the lane
 *   of cards without one
 * @via: the team it comes back from
 *
 * Work returning to a team it left before.
 */
typedef struct
{
  TptFlow *flow;
  int      stage;
  char    *team;
  char    *via;
} TptJourneyBounce;

/**
 * TptJourneyFailPoint:
 * @card: the fail point
 * @stage: the index of the stage it starts in, or -1
 * @customer_facing: it is in a customer or frontstage lane
 * @upstream: (element-type TptCard): for a customer-facing fail point,
 *   the backstage and support cards it depends on, upstream of it along
 *   flows (a double arrow both ways), in document order; empty otherwise
 * @owners: (element-type utf8): the owners of @upstream, each once, in the
 *   order they first appear
 *
 * Where the service can break, and who is accountable for what feeds it.
 */
typedef struct
{
  TptCard   *card;
  int        stage;
  gboolean   customer_facing;
  GPtrArray *upstream;
  GPtrArray *owners;
} TptJourneyFailPoint;

/**
 * TptJourneyWork:
 * @name: (nullable): the owner or office; %NULL for staff work nobody owns
 * @office: the office, for rows by office
 * @n_cards: how many cards
 * @n_steps: how many steps those cards touch (a card spanning three steps
 *   touches three)
 *
 * How much of a blueprint's work is one owner's or one office's.
 */
typedef struct
{
  char      *name;
  TptOffice  office;
  guint      n_cards;
  guint      n_steps;
} TptJourneyWork;

/**
 * TptJourneyMetric:
 * @card: (nullable): a metric card, or %NULL for a step's time target
 * @step: the step of the card, or the step with the time target
 * @status: how it stands against its target
 *
 * A metric card or a step's service level.
 */
typedef struct
{
  TptCard      *card;
  TptStep      *step;
  TptKpiStatus  status;
} TptJourneyMetric;

/**
 * TptJourney:
 * @blueprint: the blueprint
 * @n_steps: its steps
 * @time: end to end: the sum of every step's duration, the columns being
 *   the customer's journey from left to right
 * @waiting: the customer's waiting: the steps with a wait point (any
 *   lane's), each counted once, the customer waiting through the step
 * @n_wait_points: wait point cards
 * @n_fail_points: fail point cards
 * @stages: (element-type TptJourneyStage): stage by stage
 * @handoffs: (element-type TptJourneyHandoff): in the order of the flows
 * @n_office_handoffs: handoffs between offices
 * @n_owner_handoffs: handoffs between owners
 * @bounces: (element-type TptJourneyBounce): in the order of the flows
 * @bounces_exact: %FALSE if the flows were too tangled to follow every
 *   path, and @bounces may miss some
 * @fail_points: (element-type TptJourneyFailPoint): in document order
 * @owners: (element-type TptJourneyWork): work by owner, most cards first
 *   (then by name); unowned staff work, if any, last with a %NULL name
 * @offices: (element-type TptJourneyWork): front, middle and back office
 * @metrics: (element-type TptJourneyMetric): the metric cards with a
 *   target, in document order, then the steps with a time target
 * @n_met: @metrics that meet their target
 * @n_at_risk: that are at risk
 * @n_missed: that miss it
 *
 * The numbers of one blueprint's journey, computed from the model so the
 * command line, the app and exports agree. It is a snapshot: it borrows
 * the model's objects, and must be computed again after an edit.
 *
 * Handoffs are flows between cards of different lanes, or of different
 * owners. A bounce is a flow into a team (an owner, or the lane of cards
 * without one; customer and evidence lanes are no team) that work already
 * passed through on its way there: the flow paths are followed from the
 * cards no flow leads to (and, for loops nothing leads into, from their
 * first card), without visiting a card twice, so a loop counts once.
 * Double arrows are followed from their start only for bounces, and both
 * ways for what a fail point depends on.
 */
typedef struct
{
  /*< private >*/
  gatomicrefcount  ref_count;

  /*< public >*/
  TptBlueprint    *blueprint;
  guint            n_steps;
  TptJourneyTime   time;
  TptJourneyTime   waiting;
  guint            n_wait_points;
  guint            n_fail_points;
  GArray          *stages;
  GArray          *handoffs;
  guint            n_office_handoffs;
  guint            n_owner_handoffs;
  GArray          *bounces;
  gboolean         bounces_exact;
  GArray          *fail_points;
  GArray          *owners;
  GArray          *offices;
  GArray          *metrics;
  guint            n_met;
  guint            n_at_risk;
  guint            n_missed;
} TptJourney;

GType       tpt_journey_get_type  (void) G_GNUC_CONST;
TptJourney *tpt_journey_new       (TptDocument  *document,
                                   TptBlueprint *blueprint);
TptJourney *tpt_journey_ref       (TptJourney   *self);
void        tpt_journey_unref     (TptJourney   *self);
guint       tpt_journey_count_customer_facing_fail_points (TptJourney *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptJourney, tpt_journey_unref)

G_END_DECLS
