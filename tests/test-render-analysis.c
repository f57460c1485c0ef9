/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-render-analysis"

#include "config.h"

#include <glib/gstdio.h>

#include "render-fixtures.h"
#include "tpt-blueprint-layout.h"
#include "tpt-case-renderer.h"
#include "tpt-export.h"
#include "tpt-artefact-drawing.h"
#include "tpt-export-plan.h"
#include "tpt-format.h"
#include "tpt-journey-renderer.h"
#include "tpt-link.h"
#include "tpt-matrix-renderer.h"
#include "tpt-slide-renderer.h"
#include "tpt-text.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

/* The analysis as it is drawn: the needs matrix per state (another state's
 * card is never shown serving a need), metric status on cards, the journey
 * numbers page and the case for change, as PDF pages and a slide, read
 * back as text. */

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

/* Exports with @options to a temporary PDF and returns its text, squeezed
 * of white space, or NULL without pdftotext. */
static char *
export_text (TptDocument            *document,
             const TptExportOptions *options,
             guint                  *n_pages)
{
  g_autofree char *dir = g_dir_make_tmp ("tpt-analysis-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  g_assert_true (tpt_export (document, file, options, NULL, &error));
  g_assert_no_error (error);
  info = render_run_tool ((const char *[]) { "pdfinfo", path, NULL });
  if (n_pages != NULL && info != NULL)
    {
      const char *line = strstr (info, "Pages:");

      g_assert_nonnull (line);
      *n_pages = (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
    }
  text = render_run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  g_unlink (path);
  g_rmdir (dir);
  return text != NULL ? render_squeeze (text) : NULL;
}

static gboolean
contains (const char *squeezed,
          const char *text)
{
  g_autofree char *wanted = render_squeeze (text);

  return strstr (squeezed, wanted) != NULL;
}

static const char *
card_text (TptDocument *document,
           const char  *id)
{
  return tpt_card_get_text (tpt_document_lookup_typed (document, id, TPT_TYPE_CARD));
}

/* The example's central finding: by default the matrix shows the current
 * state, where nothing tells a customer about their claim; the future
 * state's tracker cards appear only when the future state is chosen. */
static void
test_matrix_per_state (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GObject) context_object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (context_object);
  TptBlueprint *current = tpt_document_lookup_typed (document, "b1", TPT_TYPE_BLUEPRINT);
  TptBlueprint *future = tpt_document_lookup_typed (document, "b2", TPT_TYPE_BLUEPRINT);
  g_autoptr(GArray) links = tpt_link_array_new ();
  TptCoverageFilter filter = { future, NULL, NULL };
  TptExportOptions options;
  g_autofree char *text = NULL;
  g_autofree char *future_text = NULL;
  guint n_cards = 0;

  /* Every card the matrix names is a card of the current state. */
  tpt_matrix_collect_links (context, document, links, NULL);
  for (guint i = 0; i < links->len; i++)
    {
      TptNode *node = g_array_index (links, TptLink, i).node;

      if (!TPT_IS_CARD (node))
        continue;
      n_cards++;
      g_assert_true (tpt_node_get_parent (node) == TPT_NODE (current));
    }
  g_assert_cmpuint (n_cards, >, 10);

  g_array_set_size (links, 0);
  n_cards = 0;
  tpt_matrix_collect_links_filtered (context, document, &filter, links, NULL);
  for (guint i = 0; i < links->len; i++)
    {
      TptNode *node = g_array_index (links, TptLink, i).node;

      if (!TPT_IS_CARD (node))
        continue;
      n_cards++;
      g_assert_true (tpt_node_get_parent (node) == TPT_NODE (future));
    }
  g_assert_cmpuint (n_cards, >, 10);

  tpt_export_options_init (&options);
  options.artefact = "needs-matrix";
  text = export_text (document, &options, NULL);
  if (text == NULL)
    return;
  g_assert_true (contains (text, "Served by cards in Motor policy — current state"));
  g_assert_true (contains (text, "Know my claim's status without calling"));
  g_assert_true (contains (text, "Not served by any card"));
  /* The future state's claim tracker (c114) serves the need there only. */
  g_assert_false (contains (text, card_text (document, "c114")));
  g_assert_true (contains (text, "Motor policy — current state: backstage and support work"));

  options.blueprint = "b2";
  future_text = export_text (document, &options, NULL);
  g_assert_true (contains (future_text, "Served by cards in Motor policy — future state"));
  g_assert_true (contains (future_text, card_text (document, "c114")));
  g_assert_false (contains (future_text, card_text (document, "c38")));
}

/* With a persona the matrix shows that persona's column only, and cells
 * keep the document's persona index. */
static void
test_matrix_persona (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GObject) context_object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (context_object);
  TptPersona *margaret = tpt_document_lookup_typed (document, "p2", TPT_TYPE_PERSONA);
  TptCoverageFilter filter = { NULL, margaret, NULL };
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (TptMatrixCell));
  double all_w, all_h, one_w, one_h;
  guint ratings = 0;

  tpt_matrix_measure (context, document, &all_w, &all_h);
  tpt_matrix_measure_filtered (context, document, &filter, &one_w, &one_h);
  g_assert_cmpfloat (one_w, <, all_w);

  tpt_matrix_collect_links_filtered (context, document, &filter, NULL, cells);
  for (guint i = 0; i < cells->len; i++)
    {
      const TptMatrixCell *cell = &g_array_index (cells, TptMatrixCell, i);

      if (cell->kind != TPT_MATRIX_CELL_RATING)
        continue;
      ratings++;
      g_assert_cmpuint (cell->persona, ==, 1);
    }
  g_assert_cmpuint (ratings, ==, 10);

  /* A segment nobody is in leaves no row. */
  g_array_set_size (cells, 0);
  filter.persona = NULL;
  filter.segment = "Nobody";
  tpt_matrix_collect_links_filtered (context, document, &filter, NULL, cells);
  g_assert_cmpuint (cells->len, ==, 0);
}

/* A metric card with a target shows its status; other cards don't. */
static void
test_metric_status_on_cards (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GObject) context_object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (context_object);
  TptBlueprint *current = tpt_document_lookup_typed (document, "b1", TPT_TYPE_BLUEPRINT);
  g_autoptr(TptBlueprintLayout) layout = tpt_blueprint_layout_new (document, current, context);
  TptExportOptions options;
  g_autofree char *text = NULL;
  guint n_status = 0;

  for (guint i = 0; i < layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, i);
      const char *id = tpt_node_get_id (TPT_NODE (card->card));

      if (card->kpi_word.layout == NULL)
        {
          g_assert_true (card->kind != TPT_CARD_KIND_METRIC ||
                         (!tpt_card_get_target_value (card->card, NULL) &&
                          !tpt_card_get_actual_value (card->card, NULL)));
          continue;
        }
      n_status++;
      g_assert_cmpint (card->kind, ==, TPT_CARD_KIND_METRIC);
      /* The pill is inside the card, below its text. */
      g_assert_cmpfloat (card->kpi_pill.y, >=, card->text.rect.y + card->text.rect.height);
      g_assert_cmpfloat (card->kpi_pill.y + card->kpi_pill.height, <=,
                         card->rect.y + card->rect.height);
      if (g_str_equal (id, "c12"))
        g_assert_cmpint (card->kpi_status, ==, TPT_KPI_MISSED);
      if (g_str_equal (id, "c36"))
        g_assert_cmpint (card->kpi_status, ==, TPT_KPI_UNKNOWN);
    }
  g_assert_cmpuint (n_status, ==, 6);

  tpt_export_options_init (&options);
  options.artefact = "b1";
  options.theme = TPT_THEME_PRINT;
  text = export_text (document, &options, NULL);
  if (text == NULL)
    return;
  g_assert_true (contains (text, "Missed"));
  g_assert_true (contains (text, "38% · target ≤ 15%"));
  g_assert_true (contains (text, "45 min · target 20 min: missed"));
}

/* The whole document has the journey numbers and the case for change,
 * after coverage, in plain sentences. */
static void
test_document_pages (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 14, 12, 0, 0);
  TptExportOptions options;
  g_autofree char *text = NULL;
  g_autofree char *journey_page = NULL;
  const char *coverage, *journeys, *change, *blueprint;
  guint n_pages = 0;

  tpt_export_options_init (&options);
  options.date = date;
  text = export_text (document, &options, &n_pages);
  if (text == NULL)
    return;
  /* As the export plan has them on A4 landscape: the cover, personas,
   * matrix, coverage, journey numbers, case for change, then the
   * blueprints by stage. */
  g_assert_cmpuint (n_pages, ==, render_plan_pages (document, &options));
  g_assert_cmpuint (n_pages, >, 8);

  coverage = strstr (text, "Gapsitcloses");
  journeys = strstr (text, "JourneyNumbers");          /* in the contents */
  g_assert_nonnull (coverage);
  g_assert_nonnull (journeys);
  journeys = strstr (journeys + 1, "Journeynumbers");   /* the page's title */
  g_assert_nonnull (journeys);
  change = strstr (journeys, "Thecaseforchange");
  g_assert_nonnull (change);
  blueprint = strstr (change, "Physicalevidence");
  g_assert_nonnull (blueprint);
  g_assert_true (coverage < journeys);

  g_assert_true (contains (journeys, "End to end: at least 67 days 3 h (1 step unknown) over 14 "
                                     "steps"));
  g_assert_true (contains (journeys, "The customer waits 45 days 1 h, at 8 wait points"));
  /* The pill says missed; the line says by how much, once. */
  g_assert_true (contains (journeys, "Reports the accident — 45 min · target ≤ 20 min"));
  journey_page = g_strndup (journeys, change - journeys);
  g_assert_false (contains (journey_page, "20 min: missed"));
  g_assert_true (contains (journeys, "depends on: Policy administration system issues the "
                                     "policy number (Policy admin (legacy))"));
  g_assert_true (contains (change, "The journey takes 43 days end to end instead of 67 days "
                                   "3 h: 24 days 2 h faster."));
  g_assert_true (contains (change, "It serves 1 need nothing serves today: “Know my claim's "
                                   "status without calling”."));
  g_assert_true (contains (change, "It opens no new gap."));
  g_assert_true (contains (change, "Work changes hands 16 times instead of 15: 1 handoff more."));
}

static void
test_case_for_change_sentences (void)
{
  g_autoptr(TptDocument) document = load_example ();
  TptBlueprint *future = tpt_document_lookup_typed (document, "b2", TPT_TYPE_BLUEPRINT);
  g_autoptr(TptCaseForChange) change = tpt_case_for_change_new (document, future);
  g_autoptr(GPtrArray) sentences = tpt_case_for_change_sentences (change);
  g_autofree char *all = NULL;

  g_ptr_array_add (sentences, NULL);
  all = g_strjoinv ("\n", (char **) sentences->pdata);
  g_assert_cmpstr (all, ==,
                   "The journey takes 43 days end to end instead of 67 days 3 h: 24 days 2 h "
                   "faster.\n"
                   "Customers wait 11 days, at 2 wait points, instead of 45 days 1 h at 8.\n"
                   "1 step has no duration yet, so these times count only the steps that have "
                   "one.\n"
                   "Work changes hands 16 times instead of 15: 1 handoff more.\n"
                   "The service can break at 2 points instead of 7; the customer meets 1 of "
                   "them instead of 3.\n"
                   "It serves 1 need nothing serves today: “Know my claim's status without "
                   "calling”.\n"
                   "It opens no new gap.\n"
                   "Metrics and service levels: 3 of 10 meet their target (7 not measured yet), "
                   "against 0 of 7 today.");
}

/* One default slide per future state based on another: 16:9, its words
 * on it; and --artefact case-for-change in every theme. */
static void
test_case_for_change_slide (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GObject) context_object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (context_object);
  g_autoptr(GPtrArray) slides = tpt_slides_new_default (document);
  TptSlide *slide = g_ptr_array_index (slides, slides->len - 1);
  g_autoptr(cairo_surface_t) surface = NULL;
  static const TptThemeKind themes[] = {
    TPT_THEME_LIGHT, TPT_THEME_DARK, TPT_THEME_PRINT, TPT_THEME_PROJECTOR,
  };
  cairo_t *cr;

  g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_CASE_FOR_CHANGE);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 480, 270);
  cr = cairo_create (surface);
  tpt_slide_render (cr, context, document, slide, tpt_theme_get (TPT_THEME_PROJECTOR), 480, 270,
                    slides->len, slides->len);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);

  for (guint i = 0; i < G_N_ELEMENTS (themes); i++)
    {
      TptExportOptions options;
      g_autofree char *text = NULL;
      guint n_pages = 0;

      tpt_export_options_init (&options);
      options.artefact = "case-for-change";
      options.theme = themes[i];
      text = export_text (document, &options, &n_pages);
      if (text == NULL)
        continue;
      g_assert_cmpuint (n_pages, ==, 1);
      g_assert_true (contains (text, "faster end to end"));
      g_assert_true (contains (text, "Motor policy — future state, against Motor policy — "
                                     "current state"));
    }
}

/* --blueprint that names no blueprint, or applies to nothing, and a case
 * for change of a current state are refused, and nothing is written. */
static void
test_bad_options (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("tpt-analysis-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  static const struct
  {
    const char *artefact;
    const char *blueprint;
    const char *persona;
    const char *segment;
    int         code;
  } cases[] = {
    { "needs-matrix", "b9", NULL, NULL, TPT_EXPORT_ERROR_BAD_OPTION },
    { "needs-matrix", "p1", NULL, NULL, TPT_EXPORT_ERROR_BAD_OPTION },
    { NULL, "b1", NULL, NULL, TPT_EXPORT_ERROR_BAD_OPTION },
    { "b1", "b1", NULL, NULL, TPT_EXPORT_ERROR_BAD_OPTION },
    { "case-for-change", "b1", NULL, NULL, TPT_EXPORT_ERROR_NO_ARTEFACT },
    { "coverage", NULL, "b1", NULL, TPT_EXPORT_ERROR_BAD_OPTION },
    { "coverage", NULL, NULL, "Nobody in particular", TPT_EXPORT_ERROR_BAD_OPTION },
    { "coverage", NULL, NULL, "", TPT_EXPORT_ERROR_BAD_OPTION },
    { "coverage", NULL, "p1", "Reassurance seeker", TPT_EXPORT_ERROR_BAD_OPTION },
    { "journeys", NULL, "p1", NULL, TPT_EXPORT_ERROR_BAD_OPTION },
    { NULL, NULL, NULL, "Reassurance seeker", TPT_EXPORT_ERROR_BAD_OPTION },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      TptExportOptions options;

      tpt_export_options_init (&options);
      options.artefact = cases[i].artefact;
      options.blueprint = cases[i].blueprint;
      options.persona = cases[i].persona;
      options.segment = cases[i].segment;
      g_assert_false (tpt_export (document, file, &options, NULL, &error));
      g_assert_error (error, TPT_EXPORT_ERROR, cases[i].code);
      g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
    }
  g_rmdir (dir);
}

/* --persona and --segment narrow the exported matrix and coverage: one
 * persona's column, or a segment's needs, said in the heading. */
static void
test_export_persona_segment (void)
{
  g_autoptr(TptDocument) document = load_example ();
  TptExportOptions options;
  g_autofree char *matrix = NULL;
  g_autofree char *coverage = NULL;

  tpt_export_options_init (&options);
  options.artefact = "needs-matrix";
  options.persona = "p1";
  matrix = export_text (document, &options, NULL);
  if (matrix == NULL)
    return;
  g_assert_true (contains (matrix, "Coverage for Motor policy — current state, for Dana Ortiz"));
  g_assert_false (contains (matrix, "Margaret Hale"));

  tpt_export_options_init (&options);
  options.artefact = "coverage";
  options.blueprint = "b2";
  options.segment = "Reassurance seeker";
  coverage = export_text (document, &options, NULL);
  g_assert_nonnull (coverage);
  g_assert_true (contains (coverage, "Only the needs the segment “Reassurance seeker” rated"));
  g_assert_true (contains (coverage, "Motor policy — future state"));
}

/* The export plan, which Print and the Export dialog draw too, has the
 * analysis after coverage and before the blueprints, and narrows a poster
 * of the matrix to the state chosen. */
static void
test_plan (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GObject) context_object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (context_object);
  g_autoptr(TptExportPlan) plan = NULL;
  g_autoptr(GError) error = NULL;
  TptExportOptions options;
  g_autofree char *poster = NULL;
  int coverage = -1, journeys = -1, change = -1, blueprint = -1;

  tpt_export_options_init (&options);
  plan = tpt_export_plan_new (document, context, &options, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tpt_export_plan_get_n_pages (plan); i++)
    {
      const TptPlanPage *page = tpt_export_plan_get_page (plan, i);
      TptArtefactKind kind = page->drawing->kind;

      if (kind == TPT_ARTEFACT_COVERAGE && coverage < 0)
        coverage = (int) i;
      else if (kind == TPT_ARTEFACT_JOURNEYS && journeys < 0)
        journeys = (int) i;
      else if (kind == TPT_ARTEFACT_CASE_FOR_CHANGE && change < 0)
        {
          change = (int) i;
          g_assert_true (page->drawing->target == tpt_document_lookup (document, "b2"));
        }
      else if (kind == TPT_ARTEFACT_BLUEPRINT && blueprint < 0)
        blueprint = (int) i;
    }
  g_assert_cmpint (coverage, >, 0);
  g_assert_cmpint (journeys, >, coverage);
  g_assert_cmpint (change, >, journeys);
  g_assert_cmpint (blueprint, >, change);

  /* The matrix's state, chosen for a poster of it. */
  tpt_export_options_init (&options);
  options.artefact = "needs-matrix";
  options.blueprint = "b2";
  options.poster = "A4";
  poster = export_text (document, &options, NULL);
  if (poster == NULL)
    return;
  g_assert_true (contains (poster, "Served by cards in Motor policy — future state"));
}

/* The region of @regions for @id, or NULL. */
static const TptHitRegion *
find_link (GArray     *regions,
           const char *id)
{
  for (guint i = 0; i < regions->len; i++)
    {
      const TptHitRegion *region = &g_array_index (regions, TptHitRegion, i);

      if (region->kind == TPT_HIT_LINK && region->node != NULL &&
          g_strcmp0 (tpt_node_get_id (region->node), id) == 0)
        return region;
    }
  return NULL;
}

static gboolean
rects_meet (const TptRect *a,
            const TptRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The journey numbers name their blueprints, stages, fail points, the
 * cards those depend on and the metrics, each where its words are drawn:
 * on the drawing, with ink under it, and each name its own link, not the
 * line it is in. */
static void
test_journey_links (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GObject) context_object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (context_object);
  g_autoptr(TptArtefactDrawing) drawing =
    tpt_artefact_drawing_new (TPT_ARTEFACT_JOURNEYS, document, NULL, context);
  g_autoptr(GArray) regions = g_array_new (FALSE, FALSE, sizeof (TptHitRegion));
  const TptTheme *theme = tpt_theme_get (TPT_THEME_LIGHT);
  static const char *named[] = {
    "b1", "b2", "c31", "c11", "c15", "c9", "c73", "c142",
  };
  const TptHitRegion *fail, *first, *second;
  TptBlueprint *blueprint = tpt_document_lookup_typed (document, "b1", TPT_TYPE_BLUEPRINT);
  g_autoptr(TptStage) stage = g_list_model_get_item (tpt_blueprint_get_stages (blueprint), 0);

  tpt_artefact_drawing_collect_regions (drawing, NULL, regions);
  g_assert_cmpuint (regions->len, >, 20);
  for (guint i = 0; i < G_N_ELEMENTS (named); i++)
    {
      const TptHitRegion *region = find_link (regions, named[i]);

      g_assert_nonnull (region);
      g_assert_cmpfloat (region->rect.x, >=, 0);
      g_assert_cmpfloat (region->rect.y, >=, 0);
      g_assert_cmpfloat (region->rect.x + region->rect.width, <=, drawing->bounds.width);
      g_assert_cmpfloat (region->rect.y + region->rect.height, <=, drawing->bounds.height);
      g_assert_true (tpt_artefact_drawing_has_ink (drawing, theme, &region->rect));
    }
  g_assert_nonnull (find_link (regions, tpt_node_get_id (TPT_NODE (stage))));

  /* c31 depends on c11 and c15, named in its line, each apart. */
  fail = find_link (regions, "c31");
  first = find_link (regions, "c11");
  second = find_link (regions, "c15");
  g_assert_false (rects_meet (&fail->rect, &first->rect));
  g_assert_false (rects_meet (&first->rect, &second->rect));
  g_assert_cmpfloat (first->rect.y, >=, fail->rect.y);
  g_assert_cmpfloat (first->rect.width, <, drawing->bounds.width / 2);

  /* Every metric card with a target, and step with a time target, is a
   * link. */
  for (guint i = 0; i < g_list_model_get_n_items (tpt_stage_get_steps (stage)); i++)
    {
      g_autoptr(TptStep) step = g_list_model_get_item (tpt_stage_get_steps (stage), i);

      if (tpt_step_get_target (step)[0] != '\0')
        g_assert_nonnull (find_link (regions, tpt_node_get_id (TPT_NODE (step))));
    }
  for (guint i = 0; i < g_list_model_get_n_items (tpt_blueprint_get_cards (blueprint)); i++)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (tpt_blueprint_get_cards (blueprint), i);

      if (tpt_card_get_kind (card) == TPT_CARD_KIND_METRIC &&
          tpt_card_get_target_value (card, NULL))
        g_assert_nonnull (find_link (regions, tpt_node_get_id (TPT_NODE (card))));
    }
}

/* Split over pages, each link is on the strip it is drawn on, in the
 * strip's own coordinates. */
static void
test_journey_links_in_parts (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GObject) context_object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (context_object);
  g_autoptr(TptArtefactDrawing) drawing =
    tpt_artefact_drawing_new (TPT_ARTEFACT_JOURNEYS, document, NULL, context);
  g_autoptr(GArray) whole = g_array_new (FALSE, FALSE, sizeof (TptHitRegion));
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (TptDrawingPart));
  /* A4 landscape, inside its margins. */
  TptPageRequest request = { 842 - 72, 595 - 72, FALSE, 7, FALSE, 1 };
  guint found = 0;

  tpt_artefact_drawing_collect_regions (drawing, NULL, whole);
  tpt_artefact_drawing_paginate (drawing, &request, parts);
  g_assert_cmpuint (parts->len, >, 1);
  for (guint p = 0; p < parts->len; p++)
    {
      const TptDrawingPart *part = &g_array_index (parts, TptDrawingPart, p);
      g_autoptr(GArray) regions = g_array_new (FALSE, FALSE, sizeof (TptHitRegion));

      tpt_artefact_drawing_collect_regions (drawing, part, regions);
      for (guint i = 0; i < regions->len; i++)
        {
          const TptHitRegion *region = &g_array_index (regions, TptHitRegion, i);

          g_assert_cmpfloat (region->rect.y, >=, 0);
          g_assert_cmpfloat (region->rect.y + region->rect.height, <=, part->height + 0.5);
        }
      found += regions->len;
    }
  g_assert_cmpuint (found, ==, whole->len);
}

/* The case for change names the two blueprints it compares and the needs
 * its sentences quote. */
static void
test_case_links (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GObject) context_object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (context_object);
  TptBlueprint *future = tpt_document_lookup_typed (document, "b2", TPT_TYPE_BLUEPRINT);
  g_autoptr(TptArtefactDrawing) drawing =
    tpt_artefact_drawing_new (TPT_ARTEFACT_CASE_FOR_CHANGE, document, TPT_NODE (future),
                              context);
  g_autoptr(GArray) regions = g_array_new (FALSE, FALSE, sizeof (TptHitRegion));
  const TptHitRegion *b1, *b2, *need;

  tpt_artefact_drawing_collect_regions (drawing, NULL, regions);
  b1 = find_link (regions, "b1");
  b2 = find_link (regions, "b2");
  need = find_link (regions, "n5");
  g_assert_nonnull (b1);
  g_assert_nonnull (b2);
  g_assert_nonnull (need);
  g_assert_false (rects_meet (&b1->rect, &b2->rect));
  g_assert_cmpfloat (need->rect.y, >, b1->rect.y);
  g_assert_true (tpt_artefact_drawing_has_ink (drawing, tpt_theme_get (TPT_THEME_LIGHT),
                                               &need->rect));
}

/* A document without a future state has no case for change, and says so
 * when one is asked for. */
static void
test_no_case (void)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  g_autoptr(GObject) context_object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (context_object);
  TptBlueprint *first = g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  double w = 0, h = 0;

  tpt_case_for_change_measure (context, document, first, &w, &h);
  g_assert_cmpfloat (w, >, 0);
  g_assert_cmpfloat (h, >, 0);
  tpt_journey_report_measure (context, document, &w, &h);
  g_assert_cmpfloat (h, >, 100);
  g_object_unref (first);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/render/analysis/matrix/per-state", test_matrix_per_state);
  g_test_add_func ("/tpt/render/analysis/matrix/persona", test_matrix_persona);
  g_test_add_func ("/tpt/render/analysis/metric-status", test_metric_status_on_cards);
  g_test_add_func ("/tpt/render/analysis/document-pages", test_document_pages);
  g_test_add_func ("/tpt/render/analysis/plan", test_plan);
  g_test_add_func ("/tpt/render/analysis/export-persona-segment", test_export_persona_segment);
  g_test_add_func ("/tpt/render/analysis/case/sentences", test_case_for_change_sentences);
  g_test_add_func ("/tpt/render/analysis/case/slide", test_case_for_change_slide);
  g_test_add_func ("/tpt/render/analysis/bad-options", test_bad_options);
  g_test_add_func ("/tpt/render/analysis/no-case", test_no_case);
  g_test_add_func ("/tpt/render/analysis/journey/links", test_journey_links);
  g_test_add_func ("/tpt/render/analysis/journey/links-in-parts", test_journey_links_in_parts);
  g_test_add_func ("/tpt/render/analysis/case/links", test_case_links);

  return g_test_run ();
}
