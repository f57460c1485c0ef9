/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-analysis"

#include "config.h"

#include "tpt-case-for-change.h"
#include "tpt-coverage.h"
#include "tpt-format.h"
#include "tpt-journey.h"
#include "tpt-kpi.h"
#include "tpt-values.h"

#include "test-utils.h"

/* The numbers a steering committee reads: journey time and waits, handoffs
 * and bounces, fail points and what they depend on, work per owner and
 * office, metrics against their targets, coverage per state and persona,
 * and the case for change. Known answers on hand-built blueprints (loops
 * in flows, missing durations, cards nobody owns) and on the example. */

/* Building ------------------------------------------------------------------ */

static TptLane *
add_lane (TptBlueprint *blueprint,
          TptLaneKind   kind,
          TptOffice     office,
          const char   *title)
{
  g_autoptr(TptLane) lane = tpt_lane_new (tpt_node_get_document (TPT_NODE (blueprint)));

  tpt_lane_set_kind (lane, kind);
  tpt_lane_set_office (lane, office);
  tpt_lane_set_title (lane, title);
  tpt_blueprint_insert_lane (blueprint, g_list_model_get_n_items (tpt_blueprint_get_lanes (
                                                                    blueprint)), lane);
  return lane;
}

static TptStage *
add_stage (TptBlueprint *blueprint,
           const char   *title)
{
  g_autoptr(TptStage) stage = tpt_stage_new (tpt_node_get_document (TPT_NODE (blueprint)));

  tpt_stage_set_title (stage, title);
  tpt_blueprint_insert_stage (blueprint,
                              g_list_model_get_n_items (tpt_blueprint_get_stages (blueprint)),
                              stage);
  return stage;
}

static TptStep *
add_step (TptBlueprint *blueprint,
          TptStage     *stage,
          const char   *title,
          const char   *duration)
{
  g_autoptr(TptStep) step = tpt_step_new (tpt_node_get_document (TPT_NODE (blueprint)));

  tpt_step_set_title (step, title);
  tpt_step_set_duration (step, duration);
  tpt_blueprint_insert_step (blueprint, stage,
                             g_list_model_get_n_items (tpt_stage_get_steps (stage)), step);
  return step;
}

static TptCard *
add_card (TptBlueprint *blueprint,
          TptLane      *lane,
          TptStep      *step,
          TptCardKind   kind,
          const char   *owner,
          const char   *text)
{
  g_autoptr(TptCard) card = tpt_card_new (tpt_node_get_document (TPT_NODE (blueprint)));

  tpt_card_set_kind (card, kind);
  tpt_card_set_owner (card, owner);
  tpt_card_set_text (card, text);
  tpt_blueprint_add_card (blueprint, card, lane, step, G_MAXUINT);
  return card;
}

static TptFlow *
flow (TptBlueprint *blueprint,
      TptCard      *from,
      TptCard      *to)
{
  return tpt_blueprint_add_flow (blueprint, from, to, TPT_ARROW_SINGLE);
}

static TptBlueprint *
add_blueprint (TptDocument       *document,
               const char        *title,
               TptBlueprintState  state)
{
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (document);

  tpt_blueprint_set_title (blueprint, title);
  tpt_blueprint_set_state (blueprint, state);
  tpt_document_insert_blueprint (document,
                                 g_list_model_get_n_items (tpt_document_get_blueprints (document)),
                                 blueprint);
  return blueprint;
}

static TptDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                            "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Every number of a journey as text, to compare before and after edits. */
static char *
describe (TptJourney *journey)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "time %" G_GINT64_FORMAT "+%u/%u wait %" G_GINT64_FORMAT
                          "+%u/%u waits %u fails %u handoffs %u (office %u owner %u) bounces",
                          journey->time.known_seconds, journey->time.n_unknown,
                          journey->time.n_steps, journey->waiting.known_seconds,
                          journey->waiting.n_unknown, journey->waiting.n_steps,
                          journey->n_wait_points, journey->n_fail_points,
                          journey->handoffs->len, journey->n_office_handoffs,
                          journey->n_owner_handoffs);
  for (guint i = 0; i < journey->bounces->len; i++)
    {
      TptJourneyBounce *bounce = &g_array_index (journey->bounces, TptJourneyBounce, i);

      g_string_append_printf (out, " %s<-%s", bounce->team, bounce->via ? bounce->via : "-");
    }
  g_string_append (out, "\nstages");
  for (guint i = 0; i < journey->stages->len; i++)
    {
      TptJourneyStage *stage = &g_array_index (journey->stages, TptJourneyStage, i);

      g_string_append_printf (out, " [%s %" G_GINT64_FORMAT "+%u w%" G_GINT64_FORMAT
                              " W%u F%u H%u B%u M%u/%u]",
                              tpt_stage_get_title (stage->stage), stage->time.known_seconds,
                              stage->time.n_unknown, stage->waiting.known_seconds,
                              stage->n_wait_points, stage->n_fail_points, stage->n_handoffs,
                              stage->n_bounces, stage->n_met, stage->n_metrics);
    }
  g_string_append (out, "\nfails");
  for (guint i = 0; i < journey->fail_points->len; i++)
    {
      TptJourneyFailPoint *point = &g_array_index (journey->fail_points, TptJourneyFailPoint, i);

      g_string_append_printf (out, " [%s%s:", tpt_card_get_text (point->card),
                              point->customer_facing ? "*" : "");
      for (guint k = 0; k < point->upstream->len; k++)
        g_string_append_printf (out, " %s", tpt_card_get_text (g_ptr_array_index (point->upstream,
                                                                                   k)));
      g_string_append (out, " /");
      for (guint k = 0; k < point->owners->len; k++)
        g_string_append_printf (out, " %s", (char *) g_ptr_array_index (point->owners, k));
      g_string_append (out, "]");
    }
  g_string_append (out, "\nowners");
  for (guint i = 0; i < journey->owners->len; i++)
    {
      TptJourneyWork *work = &g_array_index (journey->owners, TptJourneyWork, i);

      g_string_append_printf (out, " %s:%u/%u", work->name ? work->name : "-", work->n_cards,
                              work->n_steps);
    }
  g_string_append (out, "\noffices");
  for (guint i = 0; i < journey->offices->len; i++)
    {
      TptJourneyWork *work = &g_array_index (journey->offices, TptJourneyWork, i);

      g_string_append_printf (out, " %u/%u", work->n_cards, work->n_steps);
    }
  g_string_append_printf (out, "\nmetrics met %u at-risk %u missed %u of %u", journey->n_met,
                          journey->n_at_risk, journey->n_missed, journey->metrics->len);
  return g_string_free (out, FALSE);
}

static char *
describe_blueprint (TptDocument  *document,
                    TptBlueprint *blueprint)
{
  g_autoptr(TptJourney) journey = tpt_journey_new (document, blueprint);

  return describe (journey);
}

/* Values ------------------------------------------------------------------- */

static void
test_duration_text (void)
{
  static const struct { const char *text; const char *iso; } cases[] = {
    { "15 min", "PT15M" }, { "2 hours", "PT2H" }, { "3 days", "P3D" },
    { "1 night", "P1D" }, { "2 nights", "P2D" }, { "2 NIGHTS", "P2D" },
    { "1.5 h", "PT1H30M" }, { "1 week", "P7D" }, { "45 s", "PT45S" },
    { "PT15M", "PT15M" }, { "  P2D ", "P2D" }, { "", "" },
    { "3 Nächte", "P3D" }, { "2 Tage", "P2D" }, { ".5 d", "PT12H" },
  };
  static const char * const refused[] = {
    "P-1D", "-1 day", "-PT5M", "fortnight", "0x10 min", "1e3 min", "inf h", "nan days",
    "3 lightyears", "PT", "P", "15", "\xff min",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *iso = NULL;

      g_assert_true (tpt_duration_parse_text (cases[i].text, &iso));
      g_assert_cmpstr (iso, ==, cases[i].iso);
    }
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autofree char *iso = NULL;

      g_test_message ("refused %u", i);
      g_assert_false (tpt_duration_parse_text (refused[i], &iso));
      g_assert_null (iso);
    }
  g_assert_false (tpt_duration_parse ("P-1D", NULL));
}

static void
test_numbers (void)
{
  static const char * const good[] = { "0", "15", "-2.5", "0.75", "100.00", "-0" };
  static const char * const bad[] = {
    "", "1e3", "1,5", "+1", ".5", "5.", "1 000", "inf", "nan", "0x10", "--1",
    "1234567890123456789012345",
  };
  double value;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (tpt_number_parse (good[i], NULL));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (tpt_number_parse (bad[i], NULL));
  g_assert_false (tpt_number_parse (NULL, NULL));
  g_assert_true (tpt_number_parse ("-2.5", &value));
  g_assert_cmpfloat (value, ==, -2.5);

  {
    g_autofree char *a = tpt_number_format (2.5);
    g_autofree char *b = tpt_number_format (15);
    g_autofree char *c = tpt_number_format (-0.0000001);
    g_autofree char *d = tpt_number_format (1.0 / 3);

    g_assert_cmpstr (a, ==, "2.5");
    g_assert_cmpstr (b, ==, "15");
    g_assert_cmpstr (c, ==, "0");
    g_assert_cmpstr (d, ==, "0.333333");
    g_assert_null (tpt_number_format (1e300));
  }

  g_assert_true (tpt_unit_is_valid ("%"));
  g_assert_true (tpt_unit_is_valid ("calls per claim"));
  g_assert_true (tpt_unit_is_valid ("Tage über Ziel"));
  g_assert_false (tpt_unit_is_valid ("two\nlines"));
  g_assert_false (tpt_unit_is_valid ("123456789012345678901234567890123"));
  g_assert_false (tpt_unit_is_valid ("\xff"));
}

/* KPIs ---------------------------------------------------------------------- */

static void
test_kpi_status (void)
{
  static const struct
  {
    double target, actual;
    TptDirection direction;
    TptKpiStatus status;
  } cases[] = {
    { 15, 38, TPT_DIRECTION_LOWER, TPT_KPI_MISSED },
    { 15, 15, TPT_DIRECTION_LOWER, TPT_KPI_MET },
    { 15, 10, TPT_DIRECTION_LOWER, TPT_KPI_MET },
    { 100, 110, TPT_DIRECTION_LOWER, TPT_KPI_AT_RISK },
    { 100, 110.01, TPT_DIRECTION_LOWER, TPT_KPI_MISSED },
    { 80, 72, TPT_DIRECTION_HIGHER, TPT_KPI_AT_RISK },
    { 80, 71, TPT_DIRECTION_HIGHER, TPT_KPI_MISSED },
    { 80, 81, TPT_DIRECTION_HIGHER, TPT_KPI_MET },
    { 0, 0, TPT_DIRECTION_LOWER, TPT_KPI_MET },
    { 0, 0.001, TPT_DIRECTION_LOWER, TPT_KPI_MISSED },
    { -10, -10.5, TPT_DIRECTION_HIGHER, TPT_KPI_AT_RISK },
    { 15, 38, TPT_DIRECTION_NONE, TPT_KPI_UNKNOWN },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("case %u", i);
      g_assert_cmpint (tpt_kpi_status (cases[i].target, cases[i].actual, cases[i].direction), ==,
                       cases[i].status);
    }
  g_assert_cmpstr (tpt_kpi_status_to_nick (TPT_KPI_AT_RISK), ==, "at-risk");
  g_assert_cmpstr (tpt_kpi_status_to_nick (TPT_KPI_UNKNOWN), ==, "unknown");
}

static void
test_kpi_cards (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  TptHistory *history = tpt_document_get_history (document);
  TptBlueprint *blueprint;
  TptLane *metrics;
  TptStep *step;
  TptCard *card;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  tpt_document_begin (document, "Build");
  blueprint = add_blueprint (document, "Claims", TPT_BLUEPRINT_STATE_CURRENT);
  metrics = add_lane (blueprint, TPT_LANE_KIND_METRIC, TPT_OFFICE_NONE, "Metrics");
  step = add_step (blueprint, add_stage (blueprint, "Claim"), "Assessed", "P10D");
  card = add_card (blueprint, metrics, step, TPT_CARD_KIND_METRIC, NULL, "Time to inspection");
  tpt_document_end (document);

  g_assert_cmpint (tpt_kpi_card_status (card), ==, TPT_KPI_UNKNOWN);
  g_assert_cmpint (tpt_kpi_step_status (step), ==, TPT_KPI_UNKNOWN);
  before = describe_blueprint (document, blueprint);

  /* Each edit is one undo step of its own. */
  tpt_card_set_target (card, "3");
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Change Target");
  tpt_card_set_actual (card, "9");
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Change Actual Value");
  g_assert_cmpint (tpt_kpi_card_status (card), ==, TPT_KPI_UNKNOWN);
  tpt_card_set_direction (card, TPT_DIRECTION_LOWER);
  g_assert_cmpint (tpt_kpi_card_status (card), ==, TPT_KPI_MISSED);
  tpt_card_set_unit (card, "working days");
  tpt_card_set_source (card, TPT_VOICE_PROCESS);
  tpt_step_set_target (step, "P10D");
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Change Time Target");
  g_assert_cmpint (tpt_kpi_step_status (step), ==, TPT_KPI_MET);
  tpt_card_set_actual (card, "3.3");
  g_assert_cmpint (tpt_kpi_card_status (card), ==, TPT_KPI_AT_RISK);
  after = describe_blueprint (document, blueprint);
  g_assert_nonnull (strstr (after, "metrics met 1 at-risk 1 missed 0 of 2"));

  /* Not a metric: no status, but nothing is lost. */
  tpt_document_begin (document, "Change Kind");
  tpt_card_set_kind (card, TPT_CARD_KIND_NOTE);
  tpt_document_end (document);
  g_assert_cmpint (tpt_kpi_card_status (card), ==, TPT_KPI_UNKNOWN);
  g_assert_cmpstr (tpt_card_get_target (card), ==, "3");

  for (guint i = 0; i < 8; i++)
    g_assert_true (tpt_history_undo (history));
  undone = describe_blueprint (document, blueprint);
  g_assert_cmpstr (undone, ==, before);
  g_assert_cmpstr (tpt_card_get_target (card), ==, "");
  g_assert_cmpstr (tpt_step_get_target (step), ==, "");
  for (guint i = 0; i < 7; i++)
    g_assert_true (tpt_history_redo (history));
  redone = describe_blueprint (document, blueprint);
  g_assert_cmpstr (redone, ==, after);

  /* Bad values are refused and change nothing. */
  if (g_test_undefined ())
    {
      g_test_expect_message ("tpt-card", G_LOG_LEVEL_CRITICAL, "*tpt_number_parse*");
      tpt_card_set_target (card, "fifteen");
      g_test_assert_expected_messages ();
      g_test_expect_message ("tpt-card", G_LOG_LEVEL_CRITICAL, "*tpt_unit_is_valid*");
      tpt_card_set_unit (card, "a unit far, far longer than any unit should be");
      g_test_assert_expected_messages ();
      g_test_expect_message ("tpt-step", G_LOG_LEVEL_CRITICAL, "*tpt_duration_parse*");
      tpt_step_set_target (step, "P-1D");
      g_test_assert_expected_messages ();
      g_assert_cmpstr (tpt_card_get_target (card), ==, "3");
    }

  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Journeys on hand-built blueprints ------------------------------------------- */

typedef struct
{
  TptDocument  *document;
  TptBlueprint *blueprint;
  TptLane      *customer, *front, *back, *support;
  TptStage     *report, *settle;
  TptStep      *t1, *t2, *t3, *t4;
} Journey;

static void
journey_setup (Journey       *j,
               gconstpointer  data)
{
  j->document = tpt_document_new ();
  tpt_document_begin (j->document, "Build");
  j->blueprint = add_blueprint (j->document, "Claims", TPT_BLUEPRINT_STATE_CURRENT);
  j->customer = add_lane (j->blueprint, TPT_LANE_KIND_CUSTOMER, TPT_OFFICE_NONE, "Customer");
  j->front = add_lane (j->blueprint, TPT_LANE_KIND_FRONTSTAGE, TPT_OFFICE_FRONT, "Agents");
  j->back = add_lane (j->blueprint, TPT_LANE_KIND_BACKSTAGE, TPT_OFFICE_MIDDLE, "Handling");
  j->support = add_lane (j->blueprint, TPT_LANE_KIND_SUPPORT, TPT_OFFICE_BACK, "Systems");
  j->report = add_stage (j->blueprint, "Report");
  j->settle = add_stage (j->blueprint, "Settle");
  j->t1 = add_step (j->blueprint, j->report, "Calls", "PT15M");
  j->t2 = add_step (j->blueprint, j->report, "Waits", NULL);
  j->t3 = add_step (j->blueprint, j->settle, "Assessed", "P2D");
  j->t4 = add_step (j->blueprint, j->settle, "Paid", "P1D");
  tpt_document_end (j->document);
}

static void
journey_teardown (Journey       *j,
                  gconstpointer  data)
{
  g_assert_finalize_object (j->document);
}

/* Unknown durations are counted, never added as zero; a wait point spanning
 * steps waits through each, a step with two waits is waited through once. */
static void
test_journey_time (Journey       *j,
                   gconstpointer  data)
{
  g_autoptr(TptJourney) empty = tpt_journey_new (j->document, j->blueprint);
  g_autoptr(TptJourney) journey = NULL;
  TptJourneyStage *report, *settle;
  TptCard *wait;

  g_assert_cmpint (empty->time.known_seconds, ==, 15 * 60 + 3 * 86400);
  g_assert_cmpuint (empty->time.n_unknown, ==, 1);
  g_assert_cmpuint (empty->time.n_steps, ==, 4);
  g_assert_cmpuint (empty->waiting.n_steps, ==, 0);
  g_assert_cmpuint (empty->n_wait_points, ==, 0);

  tpt_document_begin (j->document, "Waits");
  wait = add_card (j->blueprint, j->customer, j->t2, TPT_CARD_KIND_WAIT, NULL, "On hold");
  tpt_card_set_span (wait, 2);
  add_card (j->blueprint, j->back, j->t3, TPT_CARD_KIND_WAIT, "Handling", "Inbox");
  add_card (j->blueprint, j->front, j->t1, TPT_CARD_KIND_FAIL, "Agents", "No policy found");
  tpt_document_end (j->document);

  journey = tpt_journey_new (j->document, j->blueprint);
  g_assert_cmpuint (journey->n_wait_points, ==, 2);
  g_assert_cmpuint (journey->waiting.n_steps, ==, 2);
  g_assert_cmpuint (journey->waiting.n_unknown, ==, 1);
  g_assert_cmpint (journey->waiting.known_seconds, ==, 2 * 86400);
  g_assert_cmpuint (journey->n_fail_points, ==, 1);

  report = &g_array_index (journey->stages, TptJourneyStage, 0);
  settle = &g_array_index (journey->stages, TptJourneyStage, 1);
  g_assert_cmpint (report->time.known_seconds, ==, 15 * 60);
  g_assert_cmpuint (report->time.n_unknown, ==, 1);
  g_assert_cmpuint (report->n_wait_points, ==, 1);
  g_assert_cmpuint (report->n_fail_points, ==, 1);
  g_assert_cmpuint (report->waiting.n_unknown, ==, 1);
  g_assert_cmpint (settle->time.known_seconds, ==, 3 * 86400);
  g_assert_cmpuint (settle->n_wait_points, ==, 1);
  g_assert_cmpint (settle->waiting.known_seconds, ==, 2 * 86400);
  g_assert_cmpuint (settle->first_step, ==, 2);
}

/* Handoffs: a change of lane, or of owner when both have one; offices when
 * both lanes have one. Cards without an owner don't make an owner change. */
static void
test_journey_handoffs (Journey       *j,
                       gconstpointer  data)
{
  g_autoptr(TptJourney) journey = NULL;
  TptCard *call, *agent, *agent2, *handler, *system, *nobody;
  TptJourneyHandoff *h;

  tpt_document_begin (j->document, "Flows");
  call = add_card (j->blueprint, j->customer, j->t1, TPT_CARD_KIND_ACTION, NULL, "Calls");
  agent = add_card (j->blueprint, j->front, j->t1, TPT_CARD_KIND_ACTION, "Agents", "Answers");
  agent2 = add_card (j->blueprint, j->front, j->t1, TPT_CARD_KIND_ACTION, "Supervisors",
                     "Escalates");
  handler = add_card (j->blueprint, j->back, j->t3, TPT_CARD_KIND_ACTION, NULL, "Handles");
  nobody = add_card (j->blueprint, j->back, j->t3, TPT_CARD_KIND_ACTION, NULL, "Checks");
  system = add_card (j->blueprint, j->support, j->t4, TPT_CARD_KIND_ACTION, "IT", "Pays");
  flow (j->blueprint, call, agent);      /* lane */
  flow (j->blueprint, agent, agent2);    /* owner, same lane */
  flow (j->blueprint, agent2, handler);  /* lane and office, owner unknown */
  flow (j->blueprint, handler, nobody);  /* nothing changes */
  tpt_blueprint_add_flow (j->blueprint, nobody, system, TPT_ARROW_DOUBLE);
  tpt_document_end (j->document);

  journey = tpt_journey_new (j->document, j->blueprint);
  g_assert_cmpuint (journey->handoffs->len, ==, 4);
  g_assert_cmpuint (journey->n_owner_handoffs, ==, 1);
  g_assert_cmpuint (journey->n_office_handoffs, ==, 2);
  h = &g_array_index (journey->handoffs, TptJourneyHandoff, 0);
  g_assert_true (h->from == call && h->to == agent);
  g_assert_true (h->lane_changes && !h->owner_changes && !h->office_changes);
  h = &g_array_index (journey->handoffs, TptJourneyHandoff, 1);
  g_assert_true (!h->lane_changes && h->owner_changes);
  h = &g_array_index (journey->handoffs, TptJourneyHandoff, 2);
  g_assert_true (h->lane_changes && !h->owner_changes && h->office_changes);
  g_assert_cmpint (h->stage, ==, 0);
  h = &g_array_index (journey->handoffs, TptJourneyHandoff, 3);
  g_assert_true (h->from == nobody && h->to == system && h->office_changes);
  g_assert_cmpint (h->stage, ==, 1);
  g_assert_cmpuint (g_array_index (journey->stages, TptJourneyStage, 0).n_handoffs, ==, 3);
  g_assert_cmpuint (g_array_index (journey->stages, TptJourneyStage, 1).n_handoffs, ==, 1);
  g_assert_cmpuint (journey->bounces->len, ==, 0);
}

/* Bounces: work coming back to a team it left. A loop nothing leads into
 * counts once; a path A → B → A → B twice; going back to the customer is
 * no bounce; a team of cards without an owner is their lane. */
static void
test_journey_bounces (Journey       *j,
                      gconstpointer  data)
{
  g_autoptr(TptJourney) loop = NULL;
  g_autoptr(TptJourney) chain = NULL;
  TptCard *a1, *b1, *a2, *b2, *call, *answer, *again, *lane1, *lane2, *lane3;
  TptJourneyBounce *bounce;

  /* A loop between two teams, entered nowhere: one bounce, back to the
   * first card's team. */
  tpt_document_begin (j->document, "Loop");
  a1 = add_card (j->blueprint, j->back, j->t3, TPT_CARD_KIND_ACTION, "Claims", "Asks");
  b1 = add_card (j->blueprint, j->back, j->t3, TPT_CARD_KIND_ACTION, "Engineers", "Inspects");
  flow (j->blueprint, a1, b1);
  flow (j->blueprint, b1, a1);
  tpt_document_end (j->document);

  loop = tpt_journey_new (j->document, j->blueprint);
  g_assert_true (loop->bounces_exact);
  g_assert_cmpuint (loop->bounces->len, ==, 1);
  bounce = &g_array_index (loop->bounces, TptJourneyBounce, 0);
  g_assert_cmpstr (bounce->team, ==, "Claims");
  g_assert_cmpstr (bounce->via, ==, "Engineers");
  g_assert_cmpstr (tpt_flow_get_from (bounce->flow), ==, tpt_node_get_id (TPT_NODE (b1)));

  /* A chain A → B → A → B, and the customer in between two agents'
   * cards; then three cards without owners in one lane and another. */
  tpt_document_begin (j->document, "Chain");
  a2 = add_card (j->blueprint, j->back, j->t4, TPT_CARD_KIND_ACTION, "Claims", "Decides");
  b2 = add_card (j->blueprint, j->back, j->t4, TPT_CARD_KIND_ACTION, "Engineers", "Re-checks");
  flow (j->blueprint, b1, a2);
  flow (j->blueprint, a2, b2);
  answer = add_card (j->blueprint, j->front, j->t1, TPT_CARD_KIND_ACTION, "Agents", "Asks");
  call = add_card (j->blueprint, j->customer, j->t1, TPT_CARD_KIND_ACTION, NULL, "Answers");
  again = add_card (j->blueprint, j->front, j->t2, TPT_CARD_KIND_ACTION, "Agents", "Logs");
  flow (j->blueprint, answer, call);
  flow (j->blueprint, call, again);
  lane1 = add_card (j->blueprint, j->support, j->t1, TPT_CARD_KIND_ACTION, NULL, "Queue");
  lane2 = add_card (j->blueprint, j->front, j->t2, TPT_CARD_KIND_ACTION, NULL, "Triage");
  lane3 = add_card (j->blueprint, j->support, j->t2, TPT_CARD_KIND_ACTION, NULL, "Requeue");
  flow (j->blueprint, lane1, lane2);
  flow (j->blueprint, lane2, lane3);
  tpt_document_end (j->document);

  chain = tpt_journey_new (j->document, j->blueprint);
  {
    g_autofree char *text = describe (chain);

    g_test_message ("%s", text);
    /* The loop's return, then A again (from the first B) and B again
     * (from the second A), back to the agents from the customer, and the
     * systems lane from the agents lane. */
    g_assert_nonnull (strstr (text, "bounces Claims<-Engineers Claims<-Engineers "
                                    "Engineers<-Claims Agents<-- Systems<-Agents\n"));
  }
  g_assert_cmpuint (g_array_index (chain->stages, TptJourneyStage, 0).n_bounces, ==, 2);
  g_assert_cmpuint (g_array_index (chain->stages, TptJourneyStage, 1).n_bounces, ==, 3);
}

/* Flows so tangled that their paths are too many to follow (a ladder of
 * sixty cards, each leading to the next two: a Fibonacci number of paths)
 * are searched no further, and say so; the rest is still counted. */
static void
test_journey_tangle (Journey       *j,
                     gconstpointer  data)
{
  g_autoptr(TptJourney) journey = NULL;
  TptCard *cards[60];

  tpt_document_begin (j->document, "Ladder");
  for (guint i = 0; i < G_N_ELEMENTS (cards); i++)
    cards[i] = add_card (j->blueprint, j->back, j->t3, TPT_CARD_KIND_ACTION,
                         i % 2 ? "Claims" : "Engineers", "Rung");
  for (guint i = 0; i + 1 < G_N_ELEMENTS (cards); i++)
    {
      flow (j->blueprint, cards[i], cards[i + 1]);
      if (i + 2 < G_N_ELEMENTS (cards))
        flow (j->blueprint, cards[i], cards[i + 2]);
    }
  tpt_document_end (j->document);

  journey = tpt_journey_new (j->document, j->blueprint);
  g_assert_false (journey->bounces_exact);
  g_assert_cmpuint (journey->bounces->len, >, 0);
  g_assert_cmpuint (journey->handoffs->len, ==, 59);
}

/* A customer-facing fail point depends on the backstage and support cards
 * upstream of it, however far and however the flows loop; double arrows
 * lead both ways; a backstage fail point has no such list. */
static void
test_journey_fail_points (Journey       *j,
                          gconstpointer  data)
{
  g_autoptr(TptJourney) journey = NULL;
  TptCard *fail, *agent, *handler, *system, *batch, *partner, *back_fail, *after;
  TptJourneyFailPoint *point;

  tpt_document_begin (j->document, "Fail points");
  agent = add_card (j->blueprint, j->front, j->t1, TPT_CARD_KIND_ACTION, "Agents", "Looks up");
  fail = add_card (j->blueprint, j->front, j->t2, TPT_CARD_KIND_FAIL, "Agents", "Not found");
  handler = add_card (j->blueprint, j->back, j->t1, TPT_CARD_KIND_ACTION, NULL, "Updates");
  system = add_card (j->blueprint, j->support, j->t1, TPT_CARD_KIND_ACTION, "IT", "Stores");
  batch = add_card (j->blueprint, j->support, j->t2, TPT_CARD_KIND_ACTION, "IT", "Batch");
  partner = add_card (j->blueprint, j->support, j->t3, TPT_CARD_KIND_ACTION, "Partner", "Syncs");
  back_fail = add_card (j->blueprint, j->back, j->t3, TPT_CARD_KIND_FAIL, "Handling", "Backlog");
  after = add_card (j->blueprint, j->back, j->t4, TPT_CARD_KIND_ACTION, "Handling", "Pays");
  flow (j->blueprint, agent, fail);
  flow (j->blueprint, handler, agent);
  flow (j->blueprint, system, handler);
  flow (j->blueprint, handler, system);           /* a loop */
  tpt_blueprint_add_flow (j->blueprint, agent, batch, TPT_ARROW_DOUBLE);
  flow (j->blueprint, batch, partner);            /* downstream of the double arrow */
  flow (j->blueprint, partner, back_fail);
  flow (j->blueprint, fail, after);               /* downstream: not a cause */
  tpt_document_end (j->document);

  journey = tpt_journey_new (j->document, j->blueprint);
  g_assert_cmpuint (journey->fail_points->len, ==, 2);
  g_assert_cmpuint (tpt_journey_count_customer_facing_fail_points (journey), ==, 1);
  point = &g_array_index (journey->fail_points, TptJourneyFailPoint, 0);
  g_assert_true (point->card == fail);
  g_assert_true (point->customer_facing);
  g_assert_cmpuint (point->upstream->len, ==, 3);
  g_assert_true (g_ptr_array_index (point->upstream, 0) == handler);
  g_assert_true (g_ptr_array_index (point->upstream, 1) == system);
  g_assert_true (g_ptr_array_index (point->upstream, 2) == batch);
  g_assert_cmpuint (point->owners->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (point->owners, 0), ==, "IT");
  point = &g_array_index (journey->fail_points, TptJourneyFailPoint, 1);
  g_assert_true (point->card == back_fail);
  g_assert_false (point->customer_facing);
  g_assert_cmpuint (point->upstream->len, ==, 0);
}

/* Work per owner counts cards and the steps they touch; staff work nobody
 * owns is a row of its own, the customer's actions are nobody's work. */
static void
test_journey_work (Journey       *j,
                   gconstpointer  data)
{
  g_autoptr(TptJourney) journey = NULL;
  g_autofree char *text = NULL;
  TptCard *wide;

  tpt_document_begin (j->document, "Work");
  add_card (j->blueprint, j->customer, j->t1, TPT_CARD_KIND_ACTION, NULL, "Calls");
  add_card (j->blueprint, j->front, j->t1, TPT_CARD_KIND_ACTION, "Agents", "Answers");
  add_card (j->blueprint, j->front, j->t1, TPT_CARD_KIND_FAIL, "Agents", "Drops");
  wide = add_card (j->blueprint, j->back, j->t2, TPT_CARD_KIND_ACTION, "Handling", "Works");
  tpt_card_set_span (wide, 3);
  add_card (j->blueprint, j->back, j->t3, TPT_CARD_KIND_ACTION, NULL, "Unowned");
  add_card (j->blueprint, j->support, j->t4, TPT_CARD_KIND_ACTION, NULL, "Unowned too");
  add_card (j->blueprint, j->support, j->t4, TPT_CARD_KIND_ACTION, "Agents", "Also agents");
  tpt_document_end (j->document);

  journey = tpt_journey_new (j->document, j->blueprint);
  text = describe (journey);
  g_assert_nonnull (strstr (text, "\nowners Agents:3/2 Handling:1/3 -:2/2\n"));
  g_assert_nonnull (strstr (text, "\noffices 2/1 2/3 2/1\n"));
}

/* Undo and redo bring every number back. */
static void
test_journey_undo (Journey       *j,
                   gconstpointer  data)
{
  TptHistory *history = tpt_document_get_history (j->document);
  g_autofree char *before = describe_blueprint (j->document, j->blueprint);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  guint position = tpt_history_get_position (history);
  TptCard *a, *b, *c;

  tpt_document_begin (j->document, "Cards");
  a = add_card (j->blueprint, j->front, j->t1, TPT_CARD_KIND_FAIL, "Agents", "Fails");
  b = add_card (j->blueprint, j->back, j->t2, TPT_CARD_KIND_WAIT, "Claims", "Waits");
  c = add_card (j->blueprint, j->support, j->t3, TPT_CARD_KIND_METRIC, "IT", "Uptime");
  tpt_document_end (j->document);
  flow (j->blueprint, b, a);
  flow (j->blueprint, c, b);
  flow (j->blueprint, a, c);
  tpt_document_begin (j->document, "Edits");
  tpt_step_set_duration (j->t2, "PT1H");
  tpt_card_set_owner (b, "Agents");
  tpt_card_set_span (b, 2);
  tpt_document_end (j->document);
  tpt_card_set_target (c, "99.9");
  tpt_card_set_actual (c, "99.5");
  tpt_card_set_direction (c, TPT_DIRECTION_HIGHER);
  tpt_step_set_target (j->t1, "PT10M");
  after = describe_blueprint (j->document, j->blueprint);
  g_assert_cmpstr (before, !=, after);

  tpt_history_jump (history, position);
  undone = describe_blueprint (j->document, j->blueprint);
  g_assert_cmpstr (undone, ==, before);
  while (tpt_history_redo (history))
    ;
  redone = describe_blueprint (j->document, j->blueprint);
  g_assert_cmpstr (redone, ==, after);
}

/* The example ----------------------------------------------------------------- */

static void
test_example_journeys (void)
{
  g_autoptr(TptDocument) document = load_example ();
  TptBlueprint *current = tpt_document_lookup_typed (document, "b1", TPT_TYPE_BLUEPRINT);
  TptBlueprint *future = tpt_document_lookup_typed (document, "b2", TPT_TYPE_BLUEPRINT);
  g_autoptr(TptJourney) before = tpt_journey_new (document, current);
  g_autoptr(TptJourney) after = tpt_journey_new (document, future);
  g_autoptr(TptCaseForChange) change = tpt_case_for_change_new (document, future);
  TptJourneyFailPoint *fnol = NULL;
  TptJourneyStage *claim;

  /* 20 + 15 min + 1 day, 5 + 30 min, 45 min + 10 + 19 + 6 days, 21 days +
   * 40 min, 30 min + 10 days; "Pays monthly" has no duration. */
  g_assert_cmpint (before->time.known_seconds, ==, 67 * 86400 + (20 + 15 + 5 + 30 + 45 + 40 +
                                                                  30) * 60);
  g_assert_cmpuint (before->time.n_unknown, ==, 1);
  g_assert_cmpuint (before->n_steps, ==, 14);
  g_assert_cmpuint (before->n_wait_points, ==, 8);
  /* Waits at Buys, Changes, Assessed, Repaired, Settled (the parts wait
   * spans two steps), Accepts, Refund. */
  g_assert_cmpuint (before->waiting.n_steps, ==, 7);
  g_assert_cmpint (before->waiting.known_seconds, ==, (10 + 19 + 6 + 10) * 86400 +
                                                      (15 + 30 + 40) * 60);
  g_assert_cmpuint (before->n_fail_points, ==, 7);
  g_assert_cmpuint (before->handoffs->len, ==, 15);
  g_assert_cmpuint (before->bounces->len, ==, 0);
  g_assert_true (before->bounces_exact);

  claim = &g_array_index (before->stages, TptJourneyStage, 2);
  g_assert_cmpstr (tpt_stage_get_title (claim->stage), ==, "Claim");
  g_assert_cmpint (claim->time.known_seconds, ==, 35 * 86400 + 45 * 60);
  g_assert_cmpuint (claim->n_fail_points, ==, 3);
  g_assert_cmpuint (claim->n_wait_points, ==, 4);

  for (guint i = 0; i < before->fail_points->len; i++)
    if (g_str_equal (tpt_node_get_id (TPT_NODE (g_array_index (before->fail_points,
                                                               TptJourneyFailPoint, i).card)),
                     "c31"))
      fnol = &g_array_index (before->fail_points, TptJourneyFailPoint, i);
  g_assert_nonnull (fnol);
  g_assert_true (fnol->customer_facing);
  g_assert_cmpuint (fnol->upstream->len, ==, 2);
  g_assert_cmpstr (tpt_node_get_id (g_ptr_array_index (fnol->upstream, 0)), ==, "c11");
  g_assert_cmpstr (tpt_node_get_id (g_ptr_array_index (fnol->upstream, 1)), ==, "c15");
  g_assert_cmpuint (fnol->owners->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fnol->owners, 0), ==, "Policy admin (legacy)");

  /* Metrics: five with targets in the current state, all missed; its two
   * time targets (first notice, assessment) missed too. */
  g_assert_cmpuint (before->metrics->len, ==, 7);
  g_assert_cmpuint (before->n_missed, ==, 7);
  g_assert_cmpuint (after->metrics->len, ==, 10);
  g_assert_cmpuint (after->n_met, ==, 3);
  g_assert_cmpuint (after->n_missed, ==, 0);

  g_assert_cmpuint (g_array_index (before->owners, TptJourneyWork, 0).n_cards, ==, 5);
  g_assert_cmpstr (g_array_index (before->owners, TptJourneyWork, 0).name, ==, "Claims handling");

  g_assert_nonnull (change);
  g_assert_true (change->current == current && change->future == future);
  g_assert_cmpint (change->time_saved, ==, before->time.known_seconds -
                                           after->time.known_seconds);
  g_assert_false (change->time_exact);
  g_assert_cmpint (change->wait_points_removed, ==, 6);
  g_assert_cmpint (change->fail_points_removed, ==, 5);
  g_assert_cmpint (change->customer_facing_fail_points_removed, ==, 2);
  g_assert_cmpint (change->handoffs_removed, ==, -1);
  g_assert_cmpint (change->metrics_met_gained, ==, 3);
  g_assert_cmpuint (change->closed->len, ==, 1);
  g_assert_cmpstr (tpt_need_get_title (g_ptr_array_index (change->closed, 0)), ==,
                   "Know my claim's status without calling");
  g_assert_cmpuint (change->opened->len, ==, 0);

  /* No case for the current state, nor for a future based on nothing. */
  g_assert_null (tpt_case_for_change_new (document, current));
  {
    g_autoptr(GPtrArray) futures = tpt_case_for_change_list_futures (document);

    g_assert_cmpuint (futures->len, ==, 1);
    g_assert_true (g_ptr_array_index (futures, 0) == future);
  }
}

/* Coverage per state ------------------------------------------------------------ */

static char *
ids_of (GPtrArray *nodes)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < nodes->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "",
                            tpt_node_get_id (g_ptr_array_index (nodes, i)));
  return g_string_free (out, FALSE);
}

#define ASSERT_IDS(call, expected) \
  G_STMT_START { \
    g_autoptr(GPtrArray) nodes_ = (call); \
    g_autofree char *text_ = ids_of (nodes_); \
    g_assert_cmpstr (text_, ==, (expected)); \
  } G_STMT_END

/* The example's central finding: today nothing tells a customer where
 * their claim is. Across both states four future cards serve that need;
 * for the current state, which coverage shows by default, none does. */
static void
test_coverage_per_state (void)
{
  g_autoptr(TptDocument) document = load_example ();
  TptBlueprint *current = tpt_document_lookup_typed (document, "b1", TPT_TYPE_BLUEPRINT);
  TptBlueprint *future = tpt_document_lookup_typed (document, "b2", TPT_TYPE_BLUEPRINT);
  TptNeed *status = tpt_document_lookup_typed (document, "n5", TPT_TYPE_NEED);
  TptPersona *margaret = tpt_document_lookup_typed (document, "p2", TPT_TYPE_PERSONA);
  TptCoverageFilter filter = { 0 };
  g_autofree char *description = NULL;

  g_assert_true (tpt_coverage_default_blueprint (document) == current);
  g_assert_true (tpt_coverage_filter_get_blueprint (document, NULL) == current);
  ASSERT_IDS (tpt_coverage_cards_serving (document, NULL, status), "c110 c114 c117 c124");
  ASSERT_IDS (tpt_coverage_filter_cards_serving (document, NULL, status), "");
  ASSERT_IDS (tpt_coverage_filter_unserved_needs (document, NULL, TPT_COVERAGE_IMPORTANT),
              "n5");
  filter.blueprint = future;
  ASSERT_IDS (tpt_coverage_filter_cards_serving (document, &filter, status),
              "c110 c114 c117 c124");
  ASSERT_IDS (tpt_coverage_filter_unserved_needs (document, &filter, -1), "");

  /* Every card counted is in the chosen blueprint. */
  for (guint i = 0; i < g_list_model_get_n_items (tpt_document_get_needs (document)); i++)
    {
      g_autoptr(TptNeed) need = g_list_model_get_item (tpt_document_get_needs (document), i);
      g_autoptr(GPtrArray) cards = tpt_coverage_filter_cards_serving (document, NULL, need);

      for (guint k = 0; k < cards->len; k++)
        g_assert_true (tpt_node_get_parent (g_ptr_array_index (cards, k)) ==
                       TPT_NODE (current));
    }

  /* For Margaret: the cards that concern her or nobody in particular.
   * "Welcome call" (c92) concerns her; "Adds the certificate to the wallet"
   * (c91) her and Dana; c113 (the tracker's SMS) only Dana and Kofi. */
  filter.persona = margaret;
  g_assert_true (tpt_coverage_filter_is_set (&filter));
  {
    TptCard *c113 = tpt_document_lookup_typed (document, "c113", TPT_TYPE_CARD);
    TptCard *c92 = tpt_document_lookup_typed (document, "c92", TPT_TYPE_CARD);
    TptCard *c110 = tpt_document_lookup_typed (document, "c110", TPT_TYPE_CARD);
    TptCard *c2 = tpt_document_lookup_typed (document, "c2", TPT_TYPE_CARD);

    g_assert_false (tpt_coverage_filter_has_card (document, &filter, c113));
    g_assert_true (tpt_coverage_filter_has_card (document, &filter, c92));
    g_assert_true (tpt_coverage_filter_has_card (document, &filter, c110));
    g_assert_false (tpt_coverage_filter_has_card (document, &filter, c2));
  }
  g_assert_cmpint (tpt_coverage_filter_need_importance (document, &filter, status), ==, 8);
  g_assert_cmpint (tpt_coverage_need_importance (document, status), ==, 10);
  description = tpt_coverage_filter_describe (document, &filter);
  g_assert_cmpstr (description, ==, "Motor policy — future state, for Margaret Hale");

  /* A segment nobody is in has no needs. */
  filter.persona = NULL;
  filter.segment = "Nobody";
  ASSERT_IDS (tpt_coverage_filter_needs (document, &filter), "");
  filter.segment = "Reassurance seeker";
  ASSERT_IDS (tpt_coverage_filter_needs (document, &filter), "n1 n2 n3 n4 n5 n6 n7 n8 n9 n10");
}

/* Without a current state the first blueprint is the default; without
 * blueprints there is none and nothing is served. */
static void
test_coverage_default (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(TptNeed) need = tpt_need_new (document);
  TptBlueprint *first, *second;

  g_assert_null (tpt_coverage_default_blueprint (document));
  tpt_document_insert_need (document, 0, need);
  ASSERT_IDS (tpt_coverage_filter_cards_serving (document, NULL, need), "");
  ASSERT_IDS (tpt_coverage_filter_unlinked_back_cards (document, NULL), "");

  tpt_document_begin (document, "Build");
  first = add_blueprint (document, "Future A", TPT_BLUEPRINT_STATE_FUTURE);
  second = add_blueprint (document, "Future B", TPT_BLUEPRINT_STATE_FUTURE);
  tpt_document_end (document);
  g_assert_true (tpt_coverage_default_blueprint (document) == first);
  tpt_document_begin (document, "State");
  tpt_blueprint_set_state (second, TPT_BLUEPRINT_STATE_CURRENT);
  tpt_document_end (document);
  g_assert_true (tpt_coverage_default_blueprint (document) == second);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/analysis/values/duration-text", test_duration_text);
  g_test_add_func ("/tpt/analysis/values/numbers", test_numbers);
  g_test_add_func ("/tpt/analysis/kpi/status", test_kpi_status);
  g_test_add_func ("/tpt/analysis/kpi/cards", test_kpi_cards);
  g_test_add ("/tpt/analysis/journey/time", Journey, NULL, journey_setup, test_journey_time,
              journey_teardown);
  g_test_add ("/tpt/analysis/journey/handoffs", Journey, NULL, journey_setup,
              test_journey_handoffs, journey_teardown);
  g_test_add ("/tpt/analysis/journey/bounces", Journey, NULL, journey_setup,
              test_journey_bounces, journey_teardown);
  g_test_add ("/tpt/analysis/journey/tangle", Journey, NULL, journey_setup,
              test_journey_tangle, journey_teardown);
  g_test_add ("/tpt/analysis/journey/fail-points", Journey, NULL, journey_setup,
              test_journey_fail_points, journey_teardown);
  g_test_add ("/tpt/analysis/journey/work", Journey, NULL, journey_setup, test_journey_work,
              journey_teardown);
  g_test_add ("/tpt/analysis/journey/undo", Journey, NULL, journey_setup, test_journey_undo,
              journey_teardown);
  g_test_add_func ("/tpt/analysis/example/journeys", test_example_journeys);
  g_test_add_func ("/tpt/analysis/coverage/per-state", test_coverage_per_state);
  g_test_add_func ("/tpt/analysis/coverage/default", test_coverage_default);

  return g_test_run ();
}
