/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-report"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-report.h"

#include "tpt-case-renderer.h"
#include "tpt-coverage.h"
#include "tpt-enum-types.h"
#include "tpt-journey-renderer.h"
#include "tpt-kpi.h"
#include "tpt-kpi-label.h"
#include "tpt-values.h"

/* The numbers of `touchpoint --report`: each blueprint's journey, its
 * metrics and coverage, and each case for change, as text for people and
 * as JSON for pipelines (data/touchpoint-report.schema.json). Both come
 * from the same TptJourney and TptCaseForChange as the PDF and the app. */

/* JSON ------------------------------------------------------------------------ */

/**
 * tpt_json_append_string:
 * @out: where to write
 * @text: (nullable): UTF-8 text; %NULL writes null
 *
 * Writes @text as a JSON string: quotes, backslashes and control
 * characters escaped, bytes that are not UTF-8 replaced.
 */
void
tpt_json_append_string (GString    *out,
                        const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  valid = g_utf8_make_valid (text, -1);
  g_string_append_c (out, '"');
  for (const unsigned char *p = (const unsigned char *) valid; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          if (*p < 0x20 || *p == 0x7f)
            g_string_append_printf (out, "\\u%04x", *p);
          else
            g_string_append_c (out, (char) *p);
        }
    }
  g_string_append_c (out, '"');
}

/* Writes "key": for the members of an object, with the comma before all
 * but the first; @first is the object's own flag. */
static void
key (GString    *out,
     gboolean   *first,
     const char *name)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  tpt_json_append_string (out, name);
  g_string_append_c (out, ':');
}

static void
member_string (GString    *out,
               gboolean   *first,
               const char *name,
               const char *value)
{
  key (out, first, name);
  tpt_json_append_string (out, value);
}

static void
member_nonempty (GString    *out,
                 gboolean   *first,
                 const char *name,
                 const char *value)
{
  member_string (out, first, name, value != NULL && value[0] != '\0' ? value : NULL);
}

static void
member_int (GString    *out,
            gboolean   *first,
            const char *name,
            gint64      value)
{
  key (out, first, name);
  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

static void
member_bool (GString    *out,
             gboolean   *first,
             const char *name,
             gboolean    value)
{
  key (out, first, name);
  g_string_append (out, value ? "true" : "false");
}

static void
member_number (GString    *out,
               gboolean   *first,
               const char *name,
               const char *number)
{
  double value;

  key (out, first, name);
  /* Documents hold numbers in a form JSON reads as it is. */
  if (tpt_number_parse (number, &value))
    g_string_append (out, number);
  else
    g_string_append (out, "null");
}

static void
json_time (GString              *out,
           gboolean             *first,
           const char           *name,
           const TptJourneyTime *time)
{
  gboolean inner = TRUE;

  key (out, first, name);
  g_string_append_c (out, '{');
  member_int (out, &inner, "known_seconds", time->known_seconds);
  member_int (out, &inner, "steps", time->n_steps);
  member_int (out, &inner, "unknown_steps", time->n_unknown);
  member_bool (out, &inner, "complete", time->n_unknown == 0);
  g_string_append_c (out, '}');
}

static void
json_ids (GString    *out,
          gboolean   *first,
          const char *name,
          GPtrArray  *nodes)
{
  key (out, first, name);
  g_string_append_c (out, '[');
  for (guint i = 0; i < nodes->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      tpt_json_append_string (out, tpt_node_get_id (g_ptr_array_index (nodes, i)));
    }
  g_string_append_c (out, ']');
}

static const char *
stage_id (TptJourney *journey,
          int         stage)
{
  if (stage < 0)
    return NULL;
  return tpt_node_get_id (TPT_NODE (g_array_index (journey->stages, TptJourneyStage,
                                                   stage).stage));
}

static const char *
nick_or_null (GType type,
              int   value,
              int   none)
{
  return value == none ? NULL : tpt_enum_to_nick (type, value);
}

static void
json_journey (GString    *out,
              gboolean   *first,
              TptJourney *journey)
{
  gboolean inner;

  json_time (out, first, "time", &journey->time);
  json_time (out, first, "waiting", &journey->waiting);
  member_int (out, first, "wait_points", journey->n_wait_points);
  member_int (out, first, "fail_points", journey->n_fail_points);
  member_int (out, first, "customer_facing_fail_points",
              tpt_journey_count_customer_facing_fail_points (journey));

  key (out, first, "handoffs");
  inner = TRUE;
  g_string_append_c (out, '{');
  member_int (out, &inner, "total", journey->handoffs->len);
  member_int (out, &inner, "between_offices", journey->n_office_handoffs);
  member_int (out, &inner, "between_owners", journey->n_owner_handoffs);
  g_string_append_c (out, '}');

  key (out, first, "bounces");
  g_string_append_c (out, '[');
  for (guint i = 0; i < journey->bounces->len; i++)
    {
      const TptJourneyBounce *bounce = &g_array_index (journey->bounces, TptJourneyBounce, i);

      inner = TRUE;
      g_string_append (out, i > 0 ? ",{" : "{");
      member_string (out, &inner, "flow", tpt_node_get_id (TPT_NODE (bounce->flow)));
      member_string (out, &inner, "stage", stage_id (journey, bounce->stage));
      member_string (out, &inner, "team", bounce->team);
      member_string (out, &inner, "via", bounce->via);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  member_bool (out, first, "bounces_exact", journey->bounces_exact);

  key (out, first, "stages");
  g_string_append_c (out, '[');
  for (guint i = 0; i < journey->stages->len; i++)
    {
      const TptJourneyStage *stage = &g_array_index (journey->stages, TptJourneyStage, i);

      inner = TRUE;
      g_string_append (out, i > 0 ? ",{" : "{");
      member_string (out, &inner, "id", tpt_node_get_id (TPT_NODE (stage->stage)));
      member_string (out, &inner, "title", tpt_stage_get_title (stage->stage));
      json_time (out, &inner, "time", &stage->time);
      json_time (out, &inner, "waiting", &stage->waiting);
      member_int (out, &inner, "wait_points", stage->n_wait_points);
      member_int (out, &inner, "fail_points", stage->n_fail_points);
      member_int (out, &inner, "handoffs", stage->n_handoffs);
      member_int (out, &inner, "bounces", stage->n_bounces);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  key (out, first, "fail_point_list");
  g_string_append_c (out, '[');
  for (guint i = 0; i < journey->fail_points->len; i++)
    {
      const TptJourneyFailPoint *point = &g_array_index (journey->fail_points,
                                                         TptJourneyFailPoint, i);

      inner = TRUE;
      g_string_append (out, i > 0 ? ",{" : "{");
      member_string (out, &inner, "card", tpt_node_get_id (TPT_NODE (point->card)));
      member_string (out, &inner, "text", tpt_card_get_text (point->card));
      member_nonempty (out, &inner, "owner", tpt_card_get_owner (point->card));
      member_string (out, &inner, "stage", stage_id (journey, point->stage));
      member_bool (out, &inner, "customer_facing", point->customer_facing);
      key (out, &inner, "upstream");
      g_string_append_c (out, '[');
      for (guint k = 0; k < point->upstream->len; k++)
        {
          TptCard *card = g_ptr_array_index (point->upstream, k);
          gboolean up = TRUE;

          g_string_append (out, k > 0 ? ",{" : "{");
          member_string (out, &up, "card", tpt_node_get_id (TPT_NODE (card)));
          member_string (out, &up, "text", tpt_card_get_text (card));
          member_nonempty (out, &up, "owner", tpt_card_get_owner (card));
          g_string_append_c (out, '}');
        }
      g_string_append_c (out, ']');
      key (out, &inner, "owners");
      g_string_append_c (out, '[');
      for (guint k = 0; k < point->owners->len; k++)
        {
          if (k > 0)
            g_string_append_c (out, ',');
          tpt_json_append_string (out, g_ptr_array_index (point->owners, k));
        }
      g_string_append (out, "]}");
    }
  g_string_append_c (out, ']');

  key (out, first, "metrics");
  g_string_append_c (out, '[');
  for (guint i = 0; i < journey->metrics->len; i++)
    {
      const TptJourneyMetric *metric = &g_array_index (journey->metrics, TptJourneyMetric, i);

      inner = TRUE;
      g_string_append (out, i > 0 ? ",{" : "{");
      member_string (out, &inner, "card",
                     metric->card != NULL ? tpt_node_get_id (TPT_NODE (metric->card)) : NULL);
      member_string (out, &inner, "step", tpt_node_get_id (TPT_NODE (metric->step)));
      if (metric->card != NULL)
        {
          member_string (out, &inner, "text", tpt_card_get_text (metric->card));
          member_number (out, &inner, "target", tpt_card_get_target (metric->card));
          member_number (out, &inner, "actual", tpt_card_get_actual (metric->card));
          member_nonempty (out, &inner, "unit", tpt_card_get_unit (metric->card));
          member_string (out, &inner, "direction",
                         nick_or_null (TPT_TYPE_DIRECTION, tpt_card_get_direction (metric->card),
                                       TPT_DIRECTION_NONE));
          member_string (out, &inner, "source",
                         nick_or_null (TPT_TYPE_VOICE, tpt_card_get_source (metric->card),
                                       TPT_VOICE_NONE));
        }
      else
        {
          gint64 target = 0, actual = 0;
          gboolean has_actual = tpt_duration_parse (tpt_step_get_duration (metric->step),
                                                    &actual);

          tpt_duration_parse (tpt_step_get_target (metric->step), &target);
          member_string (out, &inner, "text", tpt_step_get_title (metric->step));
          member_int (out, &inner, "target", target);
          key (out, &inner, "actual");
          if (has_actual)
            g_string_append_printf (out, "%" G_GINT64_FORMAT, actual);
          else
            g_string_append (out, "null");
          member_string (out, &inner, "unit", "seconds");
          member_string (out, &inner, "direction", "lower");
          member_string (out, &inner, "source", "process");
        }
      member_string (out, &inner, "status", tpt_kpi_status_to_nick (metric->status));
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  key (out, first, "work");
  inner = TRUE;
  g_string_append_c (out, '{');
  key (out, &inner, "owners");
  g_string_append_c (out, '[');
  for (guint i = 0; i < journey->owners->len; i++)
    {
      const TptJourneyWork *row = &g_array_index (journey->owners, TptJourneyWork, i);
      gboolean w = TRUE;

      g_string_append (out, i > 0 ? ",{" : "{");
      member_string (out, &w, "owner", row->name);
      member_int (out, &w, "cards", row->n_cards);
      member_int (out, &w, "steps", row->n_steps);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "],");
  inner = TRUE;
  key (out, &inner, "offices");
  g_string_append_c (out, '[');
  for (guint i = 0; i < journey->offices->len; i++)
    {
      const TptJourneyWork *row = &g_array_index (journey->offices, TptJourneyWork, i);
      gboolean w = TRUE;

      g_string_append (out, i > 0 ? ",{" : "{");
      member_string (out, &w, "office", tpt_enum_to_nick (TPT_TYPE_OFFICE, row->office));
      member_int (out, &w, "cards", row->n_cards);
      member_int (out, &w, "steps", row->n_steps);
      g_string_append_c (out, '}');
    }
  g_string_append (out, "]}");
}

static void
json_coverage (GString      *out,
               gboolean     *first,
               TptDocument  *document,
               TptBlueprint *blueprint)
{
  TptCoverageFilter filter = { blueprint, NULL, NULL };
  g_autoptr(GPtrArray) needs = tpt_coverage_filter_needs (document, &filter);
  g_autoptr(GPtrArray) unserved = tpt_coverage_filter_unserved_needs (document, &filter, -1);
  g_autoptr(GPtrArray) important = tpt_coverage_filter_unserved_needs (document, &filter,
                                                                       TPT_COVERAGE_IMPORTANT);
  g_autoptr(GPtrArray) idle = tpt_coverage_filter_unlinked_back_cards (document, &filter);
  gboolean inner = TRUE;

  key (out, first, "coverage");
  g_string_append_c (out, '{');
  member_int (out, &inner, "needs", needs->len);
  member_int (out, &inner, "served", needs->len - unserved->len);
  json_ids (out, &inner, "unserved", unserved);
  json_ids (out, &inner, "important_unserved", important);
  json_ids (out, &inner, "unlinked_back_cards", idle);
  g_string_append_c (out, '}');
}

static void
json_case (GString          *out,
           TptCaseForChange *change)
{
  g_autoptr(GPtrArray) sentences = tpt_case_for_change_sentences (change);
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  member_string (out, &first, "future", tpt_node_get_id (TPT_NODE (change->future)));
  member_string (out, &first, "current", tpt_node_get_id (TPT_NODE (change->current)));
  member_int (out, &first, "time_saved_seconds", change->time_saved);
  member_bool (out, &first, "time_exact", change->time_exact);
  member_int (out, &first, "waiting_saved_seconds", change->waiting_saved);
  member_bool (out, &first, "waiting_exact", change->waiting_exact);
  member_int (out, &first, "wait_points_removed", change->wait_points_removed);
  member_int (out, &first, "handoffs_removed", change->handoffs_removed);
  member_int (out, &first, "bounces_removed", change->bounces_removed);
  member_int (out, &first, "fail_points_removed", change->fail_points_removed);
  member_int (out, &first, "customer_facing_fail_points_removed",
              change->customer_facing_fail_points_removed);
  member_int (out, &first, "metrics_met_gained", change->metrics_met_gained);
  json_ids (out, &first, "needs_newly_served", change->closed);
  json_ids (out, &first, "new_gaps", change->opened);
  json_ids (out, &first, "gaps_remaining", change->remaining);
  key (out, &first, "sentences");
  g_string_append_c (out, '[');
  for (guint i = 0; i < sentences->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      tpt_json_append_string (out, g_ptr_array_index (sentences, i));
    }
  g_string_append (out, "]}");
}

/**
 * tpt_report_append_json:
 * @out: where to write
 * @document: a document
 * @name: the file it was read from, as the user named it
 *
 * Writes one file's report as a JSON object, on one line: its blueprints'
 * journey numbers, metrics and coverage, and its cases for change.
 */
void
tpt_report_append_json (GString     *out,
                        TptDocument *document,
                        const char  *name)
{
  GListModel *blueprints;
  g_autoptr(GPtrArray) futures = NULL;
  gboolean first = TRUE;

  g_return_if_fail (out != NULL);
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  blueprints = tpt_document_get_blueprints (document);
  g_string_append_c (out, '{');
  member_string (out, &first, "file", name);
  member_string (out, &first, "title", tpt_document_get_title (document));
  key (out, &first, "blueprints");
  g_string_append_c (out, '[');
  for (guint b = 0; b < g_list_model_get_n_items (blueprints); b++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, b);
      g_autoptr(TptJourney) journey = tpt_journey_new (document, blueprint);
      gboolean inner = TRUE;

      g_string_append (out, b > 0 ? ",{" : "{");
      member_string (out, &inner, "id", tpt_node_get_id (TPT_NODE (blueprint)));
      member_string (out, &inner, "title", tpt_blueprint_get_title (blueprint));
      member_string (out, &inner, "state",
                     tpt_enum_to_nick (TPT_TYPE_BLUEPRINT_STATE,
                                       tpt_blueprint_get_state (blueprint)));
      member_nonempty (out, &inner, "based_on", tpt_blueprint_get_based_on (blueprint));
      member_int (out, &inner, "steps", journey->n_steps);
      json_journey (out, &inner, journey);
      json_coverage (out, &inner, document, blueprint);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  futures = tpt_case_for_change_list_futures (document);
  key (out, &first, "cases_for_change");
  g_string_append_c (out, '[');
  for (guint i = 0; i < futures->len; i++)
    {
      g_autoptr(TptCaseForChange) change = tpt_case_for_change_new (document,
                                                                    g_ptr_array_index (futures,
                                                                                       i));

      if (i > 0)
        g_string_append_c (out, ',');
      json_case (out, change);
    }
  g_string_append (out, "]}");
}

/**
 * tpt_report_append_json_error:
 * @out: where to write
 * @name: the file, as the user named it
 * @error: why it could not be read
 *
 * Writes the report of a file that could not be read: its name and the
 * error, with its line when it has one.
 */
void
tpt_report_append_json_error (GString      *out,
                              const char   *name,
                              const GError *error)
{
  gboolean first = TRUE;
  gboolean inner = TRUE;
  int line;

  g_return_if_fail (out != NULL);
  g_return_if_fail (error != NULL);

  line = tpt_error_get_line (error);
  g_string_append_c (out, '{');
  member_string (out, &first, "file", name);
  key (out, &first, "error");
  g_string_append_c (out, '{');
  member_string (out, &inner, "message", error->message);
  key (out, &inner, "line");
  if (line > 0)
    g_string_append_printf (out, "%d", line);
  else
    g_string_append (out, "null");
  g_string_append (out, "}}");
}

/* Text ------------------------------------------------------------------------ */

static void
text_journey (GString      *out,
              TptDocument  *document,
              TptBlueprint *blueprint)
{
  g_autoptr(TptJourney) journey = tpt_journey_new (document, blueprint);
  TptCoverageFilter filter = { blueprint, NULL, NULL };
  g_autoptr(GPtrArray) needs = tpt_coverage_filter_needs (document, &filter);
  g_autoptr(GPtrArray) unserved = tpt_coverage_filter_unserved_needs (document, &filter, -1);
  g_autoptr(GPtrArray) idle = tpt_coverage_filter_unlinked_back_cards (document, &filter);
  g_autofree char *time = tpt_journey_time_text (&journey->time);
  g_autofree char *waiting = tpt_journey_time_text (&journey->waiting);
  const char *title = tpt_blueprint_get_title (blueprint);

  g_string_append_printf (out, "\n%s (%s, %s)\n", title[0] != '\0' ? title
                                                                  : _("Untitled blueprint"),
                          tpt_node_get_id (TPT_NODE (blueprint)),
                          tpt_blueprint_get_state (blueprint) == TPT_BLUEPRINT_STATE_FUTURE
                          ? _("future state") : _("current state"));
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "  End to end: %s, over %u step\n",
                                            "  End to end: %s, over %u steps\n",
                                            journey->n_steps),
                          time, journey->n_steps);
  if (journey->n_wait_points > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "  Customer waits: %s, at %u wait point\n",
                                              "  Customer waits: %s, at %u wait points\n",
                                              journey->n_wait_points),
                            waiting, journey->n_wait_points);
  else
    g_string_append (out, _("  Customer waits: never; there is no wait point\n"));
  g_string_append_printf (out, _("  Handoffs: %u (%u between offices, %u between owners)\n"),
                          journey->handoffs->len, journey->n_office_handoffs,
                          journey->n_owner_handoffs);
  g_string_append_printf (out, _("  Bounces: %u%s\n"), journey->bounces->len,
                          journey->bounces_exact ? "" : _(" (flows too tangled to follow all)"));
  for (guint i = 0; i < journey->bounces->len; i++)
    {
      const TptJourneyBounce *bounce = &g_array_index (journey->bounces, TptJourneyBounce, i);
      g_autofree char *via = tpt_journey_team_text (bounce->via);

      /* Translators: a bounce: the flow's id, the team work returns to, the one it leaves. */
      g_string_append_printf (out, _("    %s: back to %s from %s\n"),
                              tpt_node_get_id (TPT_NODE (bounce->flow)), bounce->team, via);
    }
  g_string_append_printf (out, _("  Fail points: %u, %u in customer or frontstage lanes\n"),
                          journey->n_fail_points,
                          tpt_journey_count_customer_facing_fail_points (journey));

  g_string_append (out, _("  By stage:\n"));
  for (guint i = 0; i < journey->stages->len; i++)
    {
      const TptJourneyStage *stage = &g_array_index (journey->stages, TptJourneyStage, i);
      g_autofree char *stage_time = tpt_journey_time_text (&stage->time);
      g_autofree char *stage_wait = stage->waiting.n_steps > 0
                                    ? tpt_journey_time_text (&stage->waiting) : g_strdup ("–");

      /* Translators: a stage's numbers, keep the words short. */
      g_string_append_printf (out, _("    %-10s %s; waits %s (%u); fails %u; handoffs %u; "
                                     "bounces %u\n"),
                              tpt_stage_get_title (stage->stage), stage_time, stage_wait,
                              stage->n_wait_points, stage->n_fail_points, stage->n_handoffs,
                              stage->n_bounces);
    }

  g_string_append (out, _("  Customer-facing fail points and what they depend on:\n"));
  for (guint i = 0; i < journey->fail_points->len; i++)
    {
      const TptJourneyFailPoint *point = &g_array_index (journey->fail_points,
                                                         TptJourneyFailPoint, i);

      if (!point->customer_facing)
        continue;
      g_string_append_printf (out, "    %s %s\n", tpt_node_get_id (TPT_NODE (point->card)),
                              tpt_card_get_text (point->card));
      if (point->upstream->len == 0)
        g_string_append (out, _("      no backstage or support card leads to it\n"));
      for (guint k = 0; k < point->upstream->len; k++)
        {
          TptCard *card = g_ptr_array_index (point->upstream, k);
          const char *owner = tpt_card_get_owner (card);

          g_string_append_printf (out, _("      ← %s %s (%s)\n"),
                                  tpt_node_get_id (TPT_NODE (card)), tpt_card_get_text (card),
                                  owner[0] != '\0' ? owner : _("no owner"));
        }
    }

  if (journey->metrics->len > 0)
    {
      g_string_append_printf (out, _("  Metrics and service levels: %u met, %u at risk, "
                                     "%u missed, %u unknown\n"),
                              journey->n_met, journey->n_at_risk, journey->n_missed,
                              journey->metrics->len - journey->n_met - journey->n_at_risk -
                              journey->n_missed);
      for (guint i = 0; i < journey->metrics->len; i++)
        {
          const TptJourneyMetric *metric = &g_array_index (journey->metrics, TptJourneyMetric, i);
          g_autofree char *detail = metric->card != NULL ? tpt_kpi_label_card (metric->card)
                                                         : tpt_kpi_label_step_detail (metric->step);
          const char *what = metric->card != NULL ? tpt_card_get_text (metric->card)
                                                  : tpt_step_get_title (metric->step);

          g_string_append_printf (out, "    %-8s %s — %s\n",
                                  tpt_kpi_status_to_string (metric->status), what,
                                  detail != NULL ? detail : "");
        }
    }

  g_string_append (out, _("  Work by owner (cards/steps):"));
  for (guint i = 0; i < journey->owners->len; i++)
    {
      const TptJourneyWork *row = &g_array_index (journey->owners, TptJourneyWork, i);

      g_string_append_printf (out, "%s %s %u/%u", i > 0 ? ";" : "",
                              row->name != NULL ? row->name : _("no owner"), row->n_cards,
                              row->n_steps);
    }
  g_string_append_c (out, '\n');
  g_string_append (out, _("  Work by office (cards/steps):"));
  for (guint i = 0; i < journey->offices->len; i++)
    {
      const TptJourneyWork *row = &g_array_index (journey->offices, TptJourneyWork, i);

      g_string_append_printf (out, "%s %s %u/%u", i > 0 ? ";" : "",
                              tpt_enum_to_nick (TPT_TYPE_OFFICE, row->office), row->n_cards,
                              row->n_steps);
    }
  g_string_append_c (out, '\n');

  g_string_append_printf (out, _("  Coverage: %u of %u needs served by its own cards"),
                          needs->len - unserved->len, needs->len);
  for (guint i = 0; i < unserved->len; i++)
    {
      TptNeed *need = g_ptr_array_index (unserved, i);

      g_string_append_printf (out, i == 0 ? _("; unserved: %s “%s” (importance %d)")
                                          : _(", %s “%s” (importance %d)"),
                              tpt_node_get_id (TPT_NODE (need)), tpt_need_get_title (need),
                              tpt_coverage_need_importance (document, need));
    }
  if (idle->len > 0)
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                              "; %u backstage or support card serves no need\n",
                                              "; %u backstage or support cards serve no need\n",
                                              idle->len),
                            idle->len);
  else
    g_string_append (out, _("; every backstage and support card serves a need\n"));
}

/**
 * tpt_report_append_text:
 * @out: where to write
 * @document: a document
 * @name: the file it was read from, as the user named it
 *
 * Writes one file's report for people to read: each blueprint's journey
 * numbers, metrics, work and coverage, then each case for change in
 * sentences.
 */
void
tpt_report_append_text (GString     *out,
                        TptDocument *document,
                        const char  *name)
{
  GListModel *blueprints;
  g_autoptr(GPtrArray) futures = NULL;
  const char *title;

  g_return_if_fail (out != NULL);
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  title = tpt_document_get_title (document);
  g_string_append_printf (out, "%s: %s\n", name, title[0] != '\0' ? title
                                                                 : _("Untitled document"));
  blueprints = tpt_document_get_blueprints (document);
  for (guint b = 0; b < g_list_model_get_n_items (blueprints); b++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, b);

      text_journey (out, document, blueprint);
    }

  futures = tpt_case_for_change_list_futures (document);
  for (guint i = 0; i < futures->len; i++)
    {
      g_autoptr(TptCaseForChange) change = tpt_case_for_change_new (document,
                                                                    g_ptr_array_index (futures,
                                                                                       i));
      g_autoptr(GPtrArray) sentences = tpt_case_for_change_sentences (change);

      /* Translators: the future state's title, then the current state's. */
      g_string_append_printf (out, _("\nThe case for change: %s, against %s\n"),
                              tpt_blueprint_get_title (change->future),
                              tpt_blueprint_get_title (change->current));
      for (guint k = 0; k < sentences->len; k++)
        g_string_append_printf (out, "  • %s\n", (char *) g_ptr_array_index (sentences, k));
    }
}
