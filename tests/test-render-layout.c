/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Blueprint layout invariants, on a hand-made blueprint and on seeded random
 * ones: no card overlaps another, every text fits its box as Pango measures
 * it, flows run orthogonally from card edge to card edge (and around other
 * cards), the three lines sit between the right lanes, and the same input
 * always gives the same geometry. */
#define G_LOG_DOMAIN "test-render-layout"

#include "config.h"

#include "render-fixtures.h"
#include "tpt-blueprint-layout.h"
#include "tpt-duration-label.h"
#include "tpt-format.h"
#include "tpt-page-size.h"
#include "tpt-text.h"

#include <math.h>

#define EPSILON 0.01

static gboolean
inside (const TptRect *inner,
        const TptRect *outer)
{
  return inner->x >= outer->x - EPSILON && inner->y >= outer->y - EPSILON &&
         tpt_rect_right (inner) <= tpt_rect_right (outer) + EPSILON &&
         tpt_rect_bottom (inner) <= tpt_rect_bottom (outer) + EPSILON;
}

/* Measures the text again with a fresh context, as an independent check
 * that the layout's box holds it. */
static void
assert_text_fits (PangoContext        *context,
                  const TptLayoutText *text,
                  const TptRect       *box)
{
  PangoRectangle logical;
  g_autoptr(PangoLayout) fresh = NULL;

  if (text->layout == NULL)
    return;

  g_assert_true (inside (&text->rect, box));

  pango_layout_get_extents (text->layout, NULL, &logical);
  g_assert_cmpfloat (logical.x / (double) PANGO_SCALE, >=, -EPSILON);
  g_assert_cmpfloat ((logical.x + logical.width) / (double) PANGO_SCALE, <=,
                     text->rect.width + EPSILON);
  g_assert_cmpfloat ((logical.y + logical.height) / (double) PANGO_SCALE, <=,
                     text->rect.height + EPSILON);

  fresh = pango_layout_new (context);
  pango_layout_set_font_description (fresh, pango_layout_get_font_description (text->layout));
  pango_layout_set_wrap (fresh, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (fresh, pango_layout_get_width (text->layout));
  pango_layout_set_ellipsize (fresh, pango_layout_get_ellipsize (text->layout));
  pango_layout_set_text (fresh, pango_layout_get_text (text->layout), -1);
  pango_layout_get_extents (fresh, NULL, &logical);
  g_assert_cmpfloat ((logical.y + logical.height) / (double) PANGO_SCALE, <=,
                     text->rect.height + EPSILON);
}

static gboolean
on_edge (const TptRect  *rect,
         const TptPoint *p)
{
  gboolean within_x = p->x >= rect->x - EPSILON && p->x <= tpt_rect_right (rect) + EPSILON;
  gboolean within_y = p->y >= rect->y - EPSILON && p->y <= tpt_rect_bottom (rect) + EPSILON;

  return (within_y && (fabs (p->x - rect->x) < EPSILON ||
                       fabs (p->x - tpt_rect_right (rect)) < EPSILON)) ||
         (within_x && (fabs (p->y - rect->y) < EPSILON ||
                       fabs (p->y - tpt_rect_bottom (rect)) < EPSILON));
}

static int
rank (TptLaneKind kind)
{
  switch (kind)
    {
    case TPT_LANE_KIND_CUSTOMER: return 1;
    case TPT_LANE_KIND_FRONTSTAGE: return 2;
    case TPT_LANE_KIND_BACKSTAGE: return 3;
    case TPT_LANE_KIND_SUPPORT: return 4;
    default: return 0;
    }
}

static void
check_cards (TptBlueprintLayout *layout,
             PangoContext       *context)
{
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, i);
      const TptLayoutLane *lane = &g_array_index (layout->lanes, TptLayoutLane, card->lane);
      const TptLayoutStep *first = &g_array_index (layout->steps, TptLayoutStep, card->step);
      const TptLayoutStep *last = &g_array_index (layout->steps, TptLayoutStep,
                                                  card->step + card->span - 1);

      g_assert_true (inside (&card->rect, &lane->rect));
      g_assert_cmpfloat (card->rect.x, >=, first->column.x);
      g_assert_cmpfloat (tpt_rect_right (&card->rect), <=, tpt_rect_right (&last->column));
      g_assert_true (inside (&card->rect, &layout->bounds));

      assert_text_fits (context, &card->text, &card->rect);
      assert_text_fits (context, &card->meta, &card->rect);
      if (card->meta.layout != NULL)
        g_assert_cmpfloat (tpt_rect_bottom (&card->text.rect), <=, card->meta.rect.y);
      if (card->kind == TPT_CARD_KIND_FAIL || card->kind == TPT_CARD_KIND_WAIT)
        {
          g_assert_cmpfloat (card->badge.width, >, 0);
          g_assert_true (inside (&card->badge, &card->rect));
          g_assert_false (tpt_rect_intersects (&card->badge, &card->text.rect));
        }
      else
        g_assert_cmpfloat (card->badge.width, ==, 0);

      for (guint j = i + 1; j < layout->cards->len; j++)
        {
          const TptLayoutCard *other = &g_array_index (layout->cards, TptLayoutCard, j);

          g_assert_false (tpt_rect_intersects (&card->rect, &other->rect));
        }
    }
}

static void
check_flows (TptBlueprintLayout *layout,
             gboolean            avoid_cards)
{
  for (guint i = 0; i < layout->flows->len; i++)
    {
      const TptLayoutFlow *flow = &g_array_index (layout->flows, TptLayoutFlow, i);
      const TptLayoutCard *from = &g_array_index (layout->cards, TptLayoutCard, flow->from);
      const TptLayoutCard *to = &g_array_index (layout->cards, TptLayoutCard, flow->to);
      const TptPoint *pts = (const TptPoint *) (gpointer) flow->points->data;
      guint n = flow->points->len;

      g_assert_cmpstr (tpt_flow_get_from (flow->flow), ==,
                       tpt_node_get_id (TPT_NODE (from->card)));
      g_assert_cmpstr (tpt_flow_get_to (flow->flow), ==, tpt_node_get_id (TPT_NODE (to->card)));
      g_assert_cmpuint (n, >=, 2);
      g_assert_true (on_edge (&from->rect, &pts[0]));
      g_assert_true (on_edge (&to->rect, &pts[n - 1]));

      for (guint k = 0; k + 1 < n; k++)
        {
          TptRect seg = { MIN (pts[k].x, pts[k + 1].x), MIN (pts[k].y, pts[k + 1].y),
                          fabs (pts[k + 1].x - pts[k].x), fabs (pts[k + 1].y - pts[k].y) };

          /* Orthogonal: each segment is horizontal or vertical. */
          g_assert_true (seg.width < EPSILON || seg.height < EPSILON);
          g_assert_true (inside (&seg, &layout->bounds));

          if (!avoid_cards)
            continue;
          for (guint c = 0; c < layout->cards->len; c++)
            {
              const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, c);
              TptRect interior = { card->rect.x + 0.5, card->rect.y + 0.5,
                                   card->rect.width - 1, card->rect.height - 1 };

              if (c == flow->from || c == flow->to)
                continue;
              seg.width = MAX (seg.width, 0.01);
              seg.height = MAX (seg.height, 0.01);
              g_assert_false (tpt_rect_intersects (&seg, &interior));
            }
        }
    }
}

static void
check_lines (TptBlueprintLayout *layout)
{
  for (guint i = 0; i < layout->lines->len; i++)
    {
      const TptLayoutLine *line = &g_array_index (layout->lines, TptLayoutLine, i);
      const TptLayoutLane *below = &g_array_index (layout->lanes, TptLayoutLane, line->below_lane);
      int above_rank = 0;

      g_assert_cmpuint (line->below_lane, >, 0);
      g_assert_cmpfloat (fabs (line->y - below->rect.y), <, EPSILON);
      for (guint k = line->below_lane; k-- > 0 && above_rank == 0;)
        above_rank = rank (g_array_index (layout->lanes, TptLayoutLane, k).kind);

      /* Line n (0: interaction) separates rank n + 1 above from n + 2 below. */
      g_assert_cmpint (above_rank, >=, 1);
      g_assert_cmpint (above_rank, <=, (int) line->kind + 1);
      g_assert_cmpint (rank (below->kind), >=, (int) line->kind + 2);

      for (guint j = 0; j < i; j++)
        g_assert_cmpint (g_array_index (layout->lines, TptLayoutLine, j).kind, !=, line->kind);
      assert_text_fits (pango_layout_get_context (line->label.layout), &line->label,
                        &g_array_index (layout->lanes, TptLayoutLane, line->below_lane - 1).header);
    }
}

static void
check_layout (TptBlueprintLayout *layout,
              PangoContext       *context,
              gboolean            avoid_cards)
{
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const TptLayoutLane *lane = &g_array_index (layout->lanes, TptLayoutLane, i);

      if (i > 0)
        g_assert_cmpfloat (lane->rect.y, ==,
                           tpt_rect_bottom (&g_array_index (layout->lanes, TptLayoutLane,
                                                            i - 1).rect));
      assert_text_fits (context, &lane->title, &lane->header);
      assert_text_fits (context, &lane->subtitle, &lane->header);
      if (lane->subtitle.layout != NULL)
        g_assert_cmpfloat (tpt_rect_bottom (&lane->title.rect), <=, lane->subtitle.rect.y);
    }

  for (guint i = 0; i < layout->steps->len; i++)
    {
      const TptLayoutStep *step = &g_array_index (layout->steps, TptLayoutStep, i);

      assert_text_fits (context, &step->title, &step->header);
      assert_text_fits (context, &step->duration, &step->header);
    }

  for (guint i = 0; i < layout->emotions->len; i++)
    {
      const TptLayoutEmotion *emotion = &g_array_index (layout->emotions, TptLayoutEmotion, i);

      g_assert_cmpuint (emotion->controls->len, ==, emotion->points->len > 0
                                                     ? 2 * (emotion->points->len - 1) : 0);
      for (guint k = 0; k < emotion->points->len; k++)
        g_assert_true (tpt_rect_contains_point (&emotion->plot,
                                                g_array_index (emotion->points, TptPoint, k).x,
                                                g_array_index (emotion->points, TptPoint, k).y));
    }

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const TptLayoutLegendItem *item = &g_array_index (layout->legend, TptLayoutLegendItem, i);

      g_assert_true (inside (&item->swatch, &layout->bounds));
      g_assert_true (inside (&item->label.rect, &layout->bounds));
    }

  check_cards (layout, context);
  check_flows (layout, avoid_cards);
  check_lines (layout);
}

static void
assert_same_text (const TptLayoutText *a,
                  const TptLayoutText *b)
{
  g_assert_true (memcmp (&a->rect, &b->rect, sizeof (TptRect)) == 0);
  g_assert_cmpstr (a->layout ? pango_layout_get_text (a->layout) : NULL, ==,
                   b->layout ? pango_layout_get_text (b->layout) : NULL);
}

static void
assert_same_layout (TptBlueprintLayout *a,
                    TptBlueprintLayout *b)
{
  g_assert_true (memcmp (&a->bounds, &b->bounds, sizeof (TptRect)) == 0);
  g_assert_cmpuint (a->cards->len, ==, b->cards->len);
  g_assert_cmpuint (a->flows->len, ==, b->flows->len);
  g_assert_cmpuint (a->lines->len, ==, b->lines->len);
  for (guint i = 0; i < a->cards->len; i++)
    {
      const TptLayoutCard *x = &g_array_index (a->cards, TptLayoutCard, i);
      const TptLayoutCard *y = &g_array_index (b->cards, TptLayoutCard, i);

      g_assert_cmpstr (tpt_node_get_id (TPT_NODE (x->card)), ==,
                       tpt_node_get_id (TPT_NODE (y->card)));
      g_assert_true (memcmp (&x->rect, &y->rect, sizeof (TptRect)) == 0);
      assert_same_text (&x->text, &y->text);
      assert_same_text (&x->meta, &y->meta);
    }
  for (guint i = 0; i < a->flows->len; i++)
    {
      GArray *x = g_array_index (a->flows, TptLayoutFlow, i).points;
      GArray *y = g_array_index (b->flows, TptLayoutFlow, i).points;

      g_assert_cmpmem (x->data, x->len * sizeof (TptPoint), y->data, y->len * sizeof (TptPoint));
    }
  for (guint i = 0; i < a->lines->len; i++)
    g_assert_cmpfloat (g_array_index (a->lines, TptLayoutLine, i).y, ==,
                       g_array_index (b->lines, TptLayoutLine, i).y);
}

static void
check_document (TptDocument *document,
                gboolean     avoid_cards)
{
  GListModel *blueprints = tpt_document_get_blueprints (document);
  PangoContext *context = tpt_text_context_new ();

  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);
      g_autoptr(TptBlueprintLayout) layout = tpt_blueprint_layout_new (document, blueprint,
                                                                       context);
      g_autoptr(TptBlueprintLayout) again = NULL;
      PangoContext *other = tpt_text_context_new ();
      guint n_cards = g_list_model_get_n_items (tpt_blueprint_get_cards (blueprint));

      g_assert_cmpuint (layout->cards->len, ==, n_cards);
      g_assert_cmpuint (layout->flows->len, ==,
                        g_list_model_get_n_items (tpt_blueprint_get_flows (blueprint)));
      check_layout (layout, context, avoid_cards);

      /* Deterministic, even with a context of its own. */
      again = tpt_blueprint_layout_new (document, blueprint, other);
      assert_same_layout (layout, again);
      g_object_unref (other);
    }

  g_object_unref (context);
}

static void
test_claims (void)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  g_autoptr(TptBlueprint) blueprint =
    g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  PangoContext *context = tpt_text_context_new ();
  g_autoptr(TptBlueprintLayout) layout = tpt_blueprint_layout_new (document, blueprint, context);
  static const struct { TptLineKind kind; guint below; } lines[] = {
    { TPT_LINE_INTERACTION, 2 }, { TPT_LINE_VISIBILITY, 3 }, { TPT_LINE_INTERNAL, 4 },
  };

  check_document (document, FALSE);

  g_assert_cmpuint (layout->lanes->len, ==, 7);
  g_assert_cmpuint (layout->steps->len, ==, 6);
  g_assert_cmpuint (layout->lines->len, ==, G_N_ELEMENTS (lines));
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      const TptLayoutLine *line = &g_array_index (layout->lines, TptLayoutLine, i);

      g_assert_cmpint (line->kind, ==, lines[i].kind);
      g_assert_cmpuint (line->below_lane, ==, lines[i].below);
    }

  /* Front, middle and back office, each one band. */
  g_assert_cmpuint (layout->offices->len, ==, 3);
  g_assert_cmpuint (layout->emotions->len, ==, 1);
  g_assert_cmpuint (g_array_index (layout->emotions, TptLayoutEmotion, 0).points->len, ==, 6);
  g_assert_true (g_array_index (layout->emotions, TptLayoutEmotion, 0).has_color);
  g_assert_cmpstr (pango_layout_get_text (g_array_index (layout->steps, TptLayoutStep,
                                                         2).duration.layout), ==, "2 days");

  /* Hit-testing finds the card under a point and nothing between cards. */
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, i);

      g_assert_true (tpt_blueprint_layout_card_at (layout, card->rect.x + card->rect.width / 2,
                                                   card->rect.y + card->rect.height / 2) == card);
    }
  g_assert_null (tpt_blueprint_layout_card_at (layout, 1, 1));

  g_object_unref (context);
}

static void
test_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                            "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = tpt_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_blueprints (document)), >, 0);
  check_document (document, TRUE);
}

static void
test_random (gconstpointer data)
{
  gboolean spans = GPOINTER_TO_INT (data);

  for (guint32 seed = 1; seed <= 80; seed++)
    {
      g_autoptr(TptDocument) document = render_fixture_random (seed, spans);

      if (g_test_verbose ())
        g_test_message ("seed %u", seed);
      /* Without spanning cards, flows find their way around every card. */
      check_document (document, !spans);
    }
}

/* A cache kept across layouts gives the same geometry as fresh
 * measuring, shares the layouts of equal texts, and after a trim holds only
 * what the last layout used. */
static void
test_text_cache (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                            "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TptDocument) document = tpt_document_load_file (file, NULL, NULL);
  g_autoptr(TptBlueprint) blueprint = NULL;
  g_autoptr(GObject) object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (object);
  g_autoptr(TptTextCache) cache = tpt_text_cache_new (context);
  g_autoptr(TptBlueprintLayout) fresh = NULL;
  g_autoptr(TptBlueprintLayout) cached = NULL;
  g_autoptr(TptBlueprintLayout) again = NULL;
  g_autoptr(PangoLayout) a = NULL;
  g_autoptr(PangoLayout) b = NULL;
  g_autoptr(TptCard) card = NULL;
  guint size;

  g_assert_nonnull (document);
  blueprint = g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  fresh = tpt_blueprint_layout_new (document, blueprint, context);
  cached = tpt_blueprint_layout_new_cached (document, blueprint, cache);
  g_assert_cmpuint (fresh->cards->len, ==, cached->cards->len);
  for (guint i = 0; i < fresh->cards->len; i++)
    {
      const TptLayoutCard *x = &g_array_index (fresh->cards, TptLayoutCard, i);
      const TptLayoutCard *y = &g_array_index (cached->cards, TptLayoutCard, i);

      g_assert_true (x->card == y->card);
      g_assert_cmpmem (&x->rect, sizeof x->rect, &y->rect, sizeof y->rect);
      g_assert_cmpmem (&x->text.rect, sizeof x->text.rect, &y->text.rect, sizeof y->text.rect);
    }

  a = tpt_text_cache_lookup (cache, TPT_TEXT_BODY, "Same text", 100);
  b = tpt_text_cache_lookup (cache, TPT_TEXT_BODY, "Same text", 100);
  g_assert_true (a == b);
  g_clear_object (&b);
  b = tpt_text_cache_lookup (cache, TPT_TEXT_BODY, "Same text", 120);
  g_assert_true (a != b);
  g_clear_object (&b);
  b = tpt_text_cache_lookup (cache, TPT_TEXT_SMALL, "Same text", 100);
  g_assert_true (a != b);

  /* The lookups above are not part of the next layout: trimmed away. */
  tpt_text_cache_trim (cache);
  size = tpt_text_cache_get_size (cache);
  card = g_object_ref (g_array_index (cached->cards, TptLayoutCard, 0).card);
  tpt_document_begin (document, "Edit Card");
  tpt_card_set_text (card, "A text no card had before");
  tpt_document_end (document);
  again = tpt_blueprint_layout_new_cached (document, blueprint, cache);
  tpt_text_cache_trim (cache);
  g_assert_cmpuint (tpt_text_cache_get_size (cache), <=, size);
  g_assert_cmpuint (tpt_text_cache_get_size (cache), >, 0);
  g_assert_cmpstr (pango_layout_get_text (g_array_index (again->cards, TptLayoutCard, 0).text.layout),
                   ==, "A text no card had before");
}

/* A collapsed stage is one column: its steps and their cards are left
 * out, and the rest of the drawing keeps its invariants. */
static void
test_collapsed_stage (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                            "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TptDocument) document = tpt_document_load_file (file, NULL, NULL);
  g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  g_autoptr(TptStage) stage = g_list_model_get_item (tpt_blueprint_get_stages (blueprint), 1);
  g_autoptr(GObject) object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (object);
  g_autoptr(TptTextCache) cache = tpt_text_cache_new (context);
  g_autoptr(GHashTable) collapsed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(TptBlueprintLayout) full = tpt_blueprint_layout_new (document, blueprint, context);
  g_autoptr(TptBlueprintLayout) layout = NULL;
  guint n_hidden = g_list_model_get_n_items (tpt_stage_get_steps (stage));
  guint n_cards_hidden = 0;
  const TptLayoutStep *column = NULL;
  g_autofree char *title = NULL;

  g_assert_cmpuint (n_hidden, >, 1);
  g_hash_table_add (collapsed, (gpointer) tpt_node_get_id (TPT_NODE (stage)));
  layout = tpt_blueprint_layout_new_full (document, blueprint, cache, collapsed);

  g_assert_cmpuint (layout->steps->len, ==, full->steps->len - n_hidden + 1);
  for (guint i = 0; i < layout->steps->len; i++)
    if (g_array_index (layout->steps, TptLayoutStep, i).collapsed == stage)
      column = &g_array_index (layout->steps, TptLayoutStep, i);
  g_assert_nonnull (column);
  g_assert_null (column->step);
  g_assert_cmpuint (column->n_hidden, ==, n_hidden);
  title = g_strdup_printf ("%u steps hidden", n_hidden);
  g_assert_cmpstr (pango_layout_get_text (column->title.layout), ==, title);

  for (guint i = 0; i < full->cards->len; i++)
    {
      TptCard *card = g_array_index (full->cards, TptLayoutCard, i).card;
      TptStep *step = tpt_document_lookup_typed (document, tpt_card_get_step (card), TPT_TYPE_STEP);

      n_cards_hidden += tpt_blueprint_get_stage_of (blueprint, step) == stage;
    }
  g_assert_cmpuint (n_cards_hidden, >, 0);
  g_assert_cmpuint (layout->cards->len, ==, full->cards->len - n_cards_hidden);
  g_assert_cmpfloat (layout->bounds.width, <, full->bounds.width);
  check_layout (layout, context, FALSE);
}

static void
test_empty (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (document);
  PangoContext *context = tpt_text_context_new ();
  g_autoptr(TptBlueprintLayout) layout = NULL;

  tpt_document_insert_blueprint (document, 0, blueprint);
  layout = tpt_blueprint_layout_new (document, blueprint, context);
  g_assert_cmpuint (layout->cards->len, ==, 0);
  g_assert_cmpfloat (layout->bounds.width, >, 0);
  g_assert_cmpfloat (layout->bounds.height, >, 0);
  check_layout (layout, context, TRUE);
  g_object_unref (context);
}

static void
test_duration_label (void)
{
  static const struct { const char *iso; const char *label; } cases[] = {
    { "PT15M", "15 min" }, { "P2D", "2 days" }, { "P1D", "1 day" }, { "PT1H30M", "1 h 30 min" },
    { "P1DT2H5M", "1 day 2 h" }, { "P2W", "2 weeks" }, { "P10D", "10 days" },
    { "PT45S", "45 s" }, { "PT0S", "no time" }, { "nonsense", NULL }, { NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = tpt_duration_label (cases[i].iso);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
}

static void
test_page_sizes (void)
{
  double w, h;

  g_assert_true (tpt_page_size_lookup ("A4", &w, &h));
  g_assert_cmpfloat_with_epsilon (w, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (h, 841.89, 0.01);
  g_assert_true (tpt_page_size_lookup ("arch e", &w, &h));
  g_assert_cmpfloat (w, ==, 36 * 72);
  g_assert_true (tpt_page_size_lookup ("ARCH-C", &w, &h));
  g_assert_true (tpt_page_size_lookup ("letter", &w, &h));
  g_assert_cmpfloat (h, ==, 11 * 72);
  g_assert_false (tpt_page_size_lookup ("A5", &w, &h));
  g_assert_false (tpt_page_size_lookup ("", &w, &h));
  g_assert_false (tpt_page_size_lookup ("A", &w, &h));
  g_assert_false (tpt_page_size_lookup ("A44", &w, &h));
}

/* A card spanning several steps covers the gutters between them; a flow
 * whose obvious routes it blocks goes round it, through the free gutter
 * beyond it and along a lane's top, rather than through it. */
static void
test_flow_around_span (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (document);
  g_autoptr(TptStage) stage = tpt_stage_new (document);
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autoptr(TptBlueprintLayout) layout = NULL;
  TptStep *steps[5];
  TptLane *lanes[3];
  TptCard *a, *span, *b;
  static const TptLaneKind kinds[] = { TPT_LANE_KIND_CUSTOMER, TPT_LANE_KIND_FRONTSTAGE,
                                       TPT_LANE_KIND_BACKSTAGE };

  tpt_blueprint_insert_stage (blueprint, 0, stage);
  for (guint i = 0; i < 5; i++)
    {
      steps[i] = tpt_step_new (document);
      tpt_step_set_title (steps[i], "Step");
      tpt_blueprint_insert_step (blueprint, stage, i, steps[i]);
    }
  for (guint i = 0; i < 3; i++)
    {
      lanes[i] = tpt_lane_new (document);
      tpt_lane_set_title (lanes[i], "Lane");
      tpt_lane_set_kind (lanes[i], kinds[i]);
      tpt_blueprint_insert_lane (blueprint, i, lanes[i]);
    }
  a = tpt_card_new (document);
  span = tpt_card_new (document);
  b = tpt_card_new (document);
  tpt_card_set_text (a, "Calls the claims line");
  tpt_card_set_text (span, "Claims handler works the file over three steps");
  tpt_card_set_span (span, 3);
  tpt_card_set_text (b, "Assessor visits");
  tpt_blueprint_add_card (blueprint, a, lanes[0], steps[1], 0);
  tpt_blueprint_add_card (blueprint, span, lanes[1], steps[1], 0);
  tpt_blueprint_add_card (blueprint, b, lanes[2], steps[2], 0);
  tpt_blueprint_add_flow (blueprint, a, b, TPT_ARROW_SINGLE);
  tpt_document_insert_blueprint (document, 0, blueprint);

  layout = tpt_blueprint_layout_new (document, blueprint, PANGO_CONTEXT (context));
  g_assert_cmpuint (layout->flows->len, ==, 1);
  check_flows (layout, TRUE);

  for (guint i = 0; i < 5; i++)
    g_object_unref (steps[i]);
  for (guint i = 0; i < 3; i++)
    g_object_unref (lanes[i]);
  g_object_unref (a);
  g_object_unref (span);
  g_object_unref (b);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/render/layout/claims", test_claims);
  g_test_add_func ("/tpt/render/layout/example", test_example);
  g_test_add_data_func ("/tpt/render/layout/random", GINT_TO_POINTER (FALSE), test_random);
  g_test_add_data_func ("/tpt/render/layout/random-spans", GINT_TO_POINTER (TRUE), test_random);
  g_test_add_func ("/tpt/render/layout/empty", test_empty);
  g_test_add_func ("/tpt/render/layout/text-cache", test_text_cache);
  g_test_add_func ("/tpt/render/layout/collapsed-stage", test_collapsed_stage);
  g_test_add_func ("/tpt/render/layout/flow-around-span", test_flow_around_span);
  g_test_add_func ("/tpt/render/duration-label", test_duration_label);
  g_test_add_func ("/tpt/render/page-sizes", test_page_sizes);

  return g_test_run ();
}
