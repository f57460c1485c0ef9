/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Documents for the render tests, built through the model API: a hand-made
 * claims blueprint, and seeded random ones that mix scripts, long words,
 * spanning cards, offices and emotion lanes. */
#define G_LOG_DOMAIN "render-fixtures"

#include "config.h"

#include "render-fixtures.h"
#include "tpt-export-plan.h"
#include "tpt-text.h"

#include <stdlib.h>
#include <string.h>

static const char *texts[] = {
  "Calls the hotline from the roadside",
  "Agent cannot find the policy by plate number",
  "Waits on hold",
  "Checks cover",
  "Books a courtesy van through the hire partner's portal, then phones the depot to confirm",
  "Donaudampfschiffahrtsgesellschaftskapitänsmützenabzeichenhersteller",
  "يتصل العميل بمركز الاتصال للإبلاغ عن الحادث",
  "הלקוח מדווח על התאונה באפליקציה",
  "顧客は事故をアプリで報告し、写真を添付します",
  "고객이 앱에서 사고를 신고합니다",
  "Sends photos 📷 of the damage",
  "",
  "A very long card that keeps going: the assessor reviews the engineer's report, "
  "compares it with the repair estimate from the approved garage, checks the policy "
  "excess and any endorsements, and then writes to the customer with a decision and "
  "the next steps, which often takes several days because the report arrives by post.",
};

static TptLane *
add_lane (TptDocument  *document,
          TptBlueprint *blueprint,
          const char   *title,
          TptLaneKind   kind,
          TptOffice     office)
{
  g_autoptr(TptLane) lane = tpt_lane_new (document);
  GListModel *lanes = tpt_blueprint_get_lanes (blueprint);

  tpt_lane_set_title (lane, title);
  tpt_lane_set_kind (lane, kind);
  tpt_lane_set_office (lane, office);
  tpt_blueprint_insert_lane (blueprint, g_list_model_get_n_items (lanes), lane);
  return lane;
}

static TptStep *
add_step (TptDocument  *document,
          TptBlueprint *blueprint,
          TptStage     *stage,
          const char   *title,
          const char   *duration)
{
  g_autoptr(TptStep) step = tpt_step_new (document);

  tpt_step_set_title (step, title);
  if (duration != NULL)
    tpt_step_set_duration (step, duration);
  tpt_blueprint_insert_step (blueprint, stage,
                             g_list_model_get_n_items (tpt_stage_get_steps (stage)), step);
  return step;
}

static TptStage *
add_stage (TptDocument  *document,
           TptBlueprint *blueprint,
           const char   *title)
{
  g_autoptr(TptStage) stage = tpt_stage_new (document);
  GListModel *stages = tpt_blueprint_get_stages (blueprint);

  tpt_stage_set_title (stage, title);
  tpt_blueprint_insert_stage (blueprint, g_list_model_get_n_items (stages), stage);
  return stage;
}

static TptCard *
add_card (TptDocument  *document,
          TptBlueprint *blueprint,
          TptLane      *lane,
          TptStep      *step,
          TptCardKind   kind,
          const char   *text,
          const char   *owner,
          const char   *channel,
          int           span)
{
  g_autoptr(TptCard) card = tpt_card_new (document);

  tpt_card_set_kind (card, kind);
  tpt_card_set_text (card, text);
  if (owner != NULL)
    tpt_card_set_owner (card, owner);
  if (channel != NULL)
    tpt_card_set_channel (card, channel);
  tpt_card_set_span (card, span);
  tpt_blueprint_add_card (blueprint, card, lane, step, G_MAXUINT);
  return card;
}

TptDocument *
render_fixture_claims (void)
{
  TptDocument *document = tpt_document_new ();
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (document);
  g_autoptr(TptPersona) persona = tpt_persona_new (document);
  TptLane *evidence, *customer, *front, *back, *support, *emotion, *pain;
  TptStage *report, *assess, *repair;
  TptStep *t1, *t2, *t3, *t4, *t5, *t6;
  TptCard *c1, *c2, *c3, *c4, *c5, *c6, *c7, *c8, *c9;

  tpt_document_begin (document, "Build");
  tpt_document_set_title (document, "Motor claims");
  tpt_document_set_author (document, "Service design team");
  tpt_document_set_description (document, "How a motor claim is reported, assessed and repaired.");
  tpt_persona_set_name (persona, "Dana Ortiz");
  tpt_persona_set_color (persona, "#3584e4");
  tpt_document_insert_persona (document, 0, persona);

  tpt_blueprint_set_title (blueprint, "Claims — current state");
  tpt_document_insert_blueprint (document, 0, blueprint);

  evidence = add_lane (document, blueprint, "Physical evidence", TPT_LANE_KIND_EVIDENCE,
                       TPT_OFFICE_NONE);
  customer = add_lane (document, blueprint, "Customer", TPT_LANE_KIND_CUSTOMER, TPT_OFFICE_NONE);
  front = add_lane (document, blueprint, "Call centre", TPT_LANE_KIND_FRONTSTAGE,
                    TPT_OFFICE_FRONT);
  back = add_lane (document, blueprint, "Claims handling", TPT_LANE_KIND_BACKSTAGE,
                   TPT_OFFICE_MIDDLE);
  support = add_lane (document, blueprint, "Systems", TPT_LANE_KIND_SUPPORT, TPT_OFFICE_BACK);
  emotion = add_lane (document, blueprint, "How Dana feels", TPT_LANE_KIND_EMOTION,
                      TPT_OFFICE_NONE);
  tpt_lane_set_persona (emotion, tpt_node_get_id (TPT_NODE (persona)));
  pain = add_lane (document, blueprint, "Pain points", TPT_LANE_KIND_PAIN, TPT_OFFICE_NONE);

  report = add_stage (document, blueprint, "Report");
  assess = add_stage (document, blueprint, "Assess");
  repair = add_stage (document, blueprint, "Repair");
  t1 = add_step (document, blueprint, report, "Reports the accident", "PT15M");
  t2 = add_step (document, blueprint, report, "Sends photos", "PT2H");
  t3 = add_step (document, blueprint, assess, "Engineer inspects the car", "P2D");
  t4 = add_step (document, blueprint, assess, "Claim decision", "P1DT4H");
  t5 = add_step (document, blueprint, repair, "Car repaired", "P2W");
  t6 = add_step (document, blueprint, repair, "Collects the car", NULL);

  add_card (document, blueprint, evidence, t1, TPT_CARD_KIND_ACTION,
            "Hotline number on the windscreen sticker", NULL, NULL, 1);
  add_card (document, blueprint, evidence, t3, TPT_CARD_KIND_ACTION,
            "Inspection appointment text message", NULL, "SMS", 1);
  c1 = add_card (document, blueprint, customer, t1, TPT_CARD_KIND_ACTION,
                 "Calls the hotline from the roadside", NULL, "phone", 1);
  c2 = add_card (document, blueprint, customer, t2, TPT_CARD_KIND_ACTION,
                 "Uploads photos of the damage", NULL, "app", 1);
  add_card (document, blueprint, customer, t2, TPT_CARD_KIND_WAIT,
            "Waits for someone to call back", NULL, NULL, 1);
  c3 = add_card (document, blueprint, customer, t5, TPT_CARD_KIND_WAIT,
                 "Waits two weeks without a van, losing jobs every day", NULL, NULL, 2);
  c4 = add_card (document, blueprint, front, t1, TPT_CARD_KIND_FAIL,
                 "Agent cannot find the policy by plate number", "Call centre", "phone", 1);
  c5 = add_card (document, blueprint, front, t1, TPT_CARD_KIND_ACTION,
                 "Takes the details of the accident", "Call centre", "phone", 1);
  add_card (document, blueprint, front, t4, TPT_CARD_KIND_DECISION,
            "Covered?", "Claims handler", NULL, 1);
  c6 = add_card (document, blueprint, back, t2, TPT_CARD_KIND_ACTION,
                 "Opens the claim and assigns an engineer", "Claims handling", NULL, 1);
  c7 = add_card (document, blueprint, back, t3, TPT_CARD_KIND_ACTION,
                 "Engineer writes the report", "Engineers", NULL, 1);
  c8 = add_card (document, blueprint, back, t4, TPT_CARD_KIND_NOTE,
                 "Reports arrive by post, scanned on Mondays", NULL, NULL, 1);
  c9 = add_card (document, blueprint, support, t1, TPT_CARD_KIND_ACTION,
                 "Policy system (mainframe, batch overnight)", "IT", NULL, 3);
  add_card (document, blueprint, support, t5, TPT_CARD_KIND_METRIC,
            "Average repair time 16 days", NULL, NULL, 1);
  add_card (document, blueprint, pain, t2, TPT_CARD_KIND_PAIN,
            "Nobody calls back the same day", NULL, NULL, 1);
  add_card (document, blueprint, pain, t5, TPT_CARD_KIND_OPPORTUNITY,
            "Offer a courtesy van for business customers", NULL, NULL, 2);

  tpt_blueprint_add_flow (blueprint, c1, c4, TPT_ARROW_SINGLE);
  tpt_blueprint_add_flow (blueprint, c1, c2, TPT_ARROW_SINGLE);
  tpt_blueprint_add_flow (blueprint, c4, c9, TPT_ARROW_DOUBLE);
  tpt_blueprint_add_flow (blueprint, c5, c6, TPT_ARROW_SINGLE);
  tpt_blueprint_add_flow (blueprint, c6, c7, TPT_ARROW_SINGLE);
  tpt_blueprint_add_flow (blueprint, c7, c8, TPT_ARROW_SINGLE);
  tpt_blueprint_add_flow (blueprint, c2, c6, TPT_ARROW_SINGLE);
  tpt_blueprint_add_flow (blueprint, c8, c3, TPT_ARROW_SINGLE);

  tpt_blueprint_set_emotion (blueprint, emotion, t1, -1);
  tpt_blueprint_set_emotion (blueprint, emotion, t2, -2);
  tpt_blueprint_set_emotion (blueprint, emotion, t3, 0);
  tpt_blueprint_set_emotion (blueprint, emotion, t4, 1);
  tpt_blueprint_set_emotion (blueprint, emotion, t5, -2);
  tpt_blueprint_set_emotion (blueprint, emotion, t6, 2);

  tpt_document_duplicate_as_future (document, blueprint);
  tpt_document_end (document);

  return document;
}

TptDocument *
render_fixture_random (guint32  seed,
                       gboolean spans)
{
  static const TptLaneKind kinds[] = {
    TPT_LANE_KIND_EVIDENCE, TPT_LANE_KIND_CUSTOMER, TPT_LANE_KIND_CUSTOMER,
    TPT_LANE_KIND_FRONTSTAGE, TPT_LANE_KIND_BACKSTAGE, TPT_LANE_KIND_SUPPORT,
    TPT_LANE_KIND_EMOTION, TPT_LANE_KIND_PAIN, TPT_LANE_KIND_OPPORTUNITY,
    TPT_LANE_KIND_METRIC, TPT_LANE_KIND_POLICY, TPT_LANE_KIND_CUSTOM,
  };
  static const char *durations[] = { NULL, "PT15M", "PT1H30M", "P2D", "P1W", "PT45S", "P1DT2H" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  TptDocument *document = tpt_document_new ();
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (document);
  g_autoptr(GPtrArray) lanes = g_ptr_array_new ();
  g_autoptr(GPtrArray) steps = g_ptr_array_new ();
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  guint n_lanes = g_rand_int_range (rand, 1, 9);
  guint n_stages = g_rand_int_range (rand, 1, 4);
  guint n_cards;

  tpt_document_begin (document, "Build");
  tpt_document_set_title (document, "Random");
  tpt_blueprint_set_title (blueprint, texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))]);
  tpt_document_insert_blueprint (document, 0, blueprint);

  for (guint i = 0; i < n_lanes; i++)
    {
      TptLaneKind kind = kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (kinds))];
      TptOffice office = (TptOffice) g_rand_int_range (rand, 0, 6);

      if (office > TPT_OFFICE_BACK)
        office = TPT_OFFICE_NONE;
      g_ptr_array_add (lanes, add_lane (document, blueprint,
                                        texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))],
                                        kind, office));
    }

  for (guint s = 0; s < n_stages; s++)
    {
      TptStage *stage = add_stage (document, blueprint, texts[g_rand_int_range (rand, 0, 5)]);
      guint n_steps = g_rand_int_range (rand, 1, 5);

      for (guint i = 0; i < n_steps; i++)
        g_ptr_array_add (steps, add_step (document, blueprint, stage,
                                          texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))],
                                          durations[g_rand_int_range (rand, 0,
                                                                      G_N_ELEMENTS (durations))]));
    }

  n_cards = g_rand_int_range (rand, 0, lanes->len * steps->len * 2 + 1);
  for (guint i = 0; i < n_cards; i++)
    {
      TptLane *lane = g_ptr_array_index (lanes, g_rand_int_range (rand, 0, lanes->len));
      guint step = g_rand_int_range (rand, 0, steps->len);
      int span = spans ? g_rand_int_range (rand, 1, 4) : 1;

      g_ptr_array_add (cards, add_card (document, blueprint, lane,
                                        g_ptr_array_index (steps, step),
                                        g_rand_int_range (rand, 0, TPT_CARD_KIND_OPPORTUNITY + 1),
                                        texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))],
                                        g_rand_boolean (rand) ? "Claims team" : NULL,
                                        g_rand_boolean (rand) ? "phone" : NULL,
                                        span));
    }

  for (guint i = 0; cards->len > 1 && i < cards->len; i++)
    {
      TptCard *from = g_ptr_array_index (cards, g_rand_int_range (rand, 0, cards->len));
      TptCard *to = g_ptr_array_index (cards, g_rand_int_range (rand, 0, cards->len));

      if (from != to)
        tpt_blueprint_add_flow (blueprint, from, to,
                                g_rand_boolean (rand) ? TPT_ARROW_SINGLE : TPT_ARROW_DOUBLE);
    }

  for (guint i = 0; i < lanes->len; i++)
    if (tpt_lane_get_kind (g_ptr_array_index (lanes, i)) == TPT_LANE_KIND_EMOTION)
      for (guint k = 0; k < steps->len; k++)
        if (g_rand_int_range (rand, 0, 4) > 0)
          tpt_blueprint_set_emotion (blueprint, g_ptr_array_index (lanes, i),
                                     g_ptr_array_index (steps, k), g_rand_int_range (rand, -2, 3));

  tpt_document_end (document);
  return document;
}

/* Runs a tool and returns what it printed, or NULL (and skips the test)
 * when the tool is not installed. */
char *
render_run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = g_find_program_in_path (argv[0]);
  char *out = NULL;
  int status;

  if (found == NULL)
    {
      g_test_skip_printf ("%s is not installed (build-aux/install-deps)", argv[0]);
      return NULL;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

/* Text without white space or hyphens, so that line breaks and the hyphens
 * Pango adds inside broken words do not hide a match. */
char *
render_squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != '-' && c != 0x2010)
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* The smallest font size on pages @first to @last (from 1; 0 for the
 * last page) of a PDF, in points as printed, as MuPDF reads it. Skips the
 * test and returns G_MAXDOUBLE if mutool is not installed. */
double
render_pdf_smallest_font (const char *path,
                          guint       first,
                          guint       last)
{
  g_autofree char *range = last > 0 ? g_strdup_printf ("%u-%u", first, last)
                                    : g_strdup_printf ("%u-N", first);
  g_autofree char *stext = render_run_tool ((const char *[]) { "mutool", "draw", "-F", "stext",
                                                               "-o", "-", path, range, NULL });
  double smallest = G_MAXDOUBLE;

  if (stext == NULL)
    return G_MAXDOUBLE;
  for (const char *p = stext; (p = strstr (p, " size=\"")) != NULL; p += 7)
    smallest = MIN (smallest, g_ascii_strtod (p + 7, NULL));
  return smallest;
}

/* How many pages a PDF has, from pdfinfo; 0 if it is not installed. */
guint
render_pdf_pages (const char *path)
{
  g_autofree char *info = render_run_tool ((const char *[]) { "pdfinfo", path, NULL });
  const char *line = info != NULL ? strstr (info, "Pages:") : NULL;

  return line != NULL ? (guint) strtoul (line + strlen ("Pages:"), NULL, 10) : 0;
}

/* How many pages the export plan of @options has for @document. */
guint
render_plan_pages (TptDocument            *document,
                   const TptExportOptions *options)
{
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autoptr(GError) error = NULL;
  g_autoptr(TptExportPlan) plan = tpt_export_plan_new (document, PANGO_CONTEXT (context),
                                                       options, &error);

  g_assert_no_error (error);
  return tpt_export_plan_get_n_pages (plan);
}
