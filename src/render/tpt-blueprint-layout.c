/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-layout"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-blueprint-layout-private.h"
#include "tpt-duration-label.h"
#include "tpt-kpi.h"
#include "tpt-kpi-label.h"
#include "tpt-notation.h"
#include "tpt-text.h"

#include <math.h>

G_DEFINE_BOXED_TYPE (TptBlueprintLayout, tpt_blueprint_layout,
                     tpt_blueprint_layout_ref, tpt_blueprint_layout_unref)

/* The working state of one layout run. */
typedef struct
{
  TptBlueprintLayout *self;
  TptDocument        *document;
  PangoContext       *context;
  TptTextCache       *cache;
  GHashTable         *collapsed;    /* stage ids shown as one column, or NULL */
  TptStage           *only_stage;   /* the one stage laid out, or NULL for all */
  GHashTable         *keep_lanes;   /* the lanes laid out, or NULL for all */
  GHashTable         *lane_index;   /* id → index + 1 */
  GHashTable         *step_index;   /* id → index + 1 */
  guint               n_columns;
  double              office_x;
  double              header_x;
  double              grid_x;
  gboolean            has_office;
  guint              *labels_in;    /* line labels per lane, drawn in its header */
} Builder;

static void
text_clear (TptLayoutText *text)
{
  g_clear_object (&text->layout);
}

static void
card_clear (gpointer data)
{
  TptLayoutCard *card = data;

  g_clear_object (&card->card);
  text_clear (&card->text);
  text_clear (&card->meta);
  text_clear (&card->kpi_word);
  text_clear (&card->kpi_detail);
}

static void
lane_clear (gpointer data)
{
  TptLayoutLane *lane = data;

  g_clear_object (&lane->lane);
  text_clear (&lane->title);
  text_clear (&lane->subtitle);
}

static void
step_clear (gpointer data)
{
  TptLayoutStep *step = data;

  g_clear_object (&step->step);
  g_clear_object (&step->collapsed);
  text_clear (&step->title);
  text_clear (&step->duration);
}

static void
stage_clear (gpointer data)
{
  TptLayoutStage *stage = data;

  g_clear_object (&stage->stage);
  text_clear (&stage->title);
}

static void
line_clear (gpointer data)
{
  text_clear (&((TptLayoutLine *) data)->label);
}

static void
office_clear (gpointer data)
{
  text_clear (&((TptLayoutOffice *) data)->label);
}

static void
flow_clear (gpointer data)
{
  TptLayoutFlow *flow = data;

  g_clear_object (&flow->flow);
  g_clear_pointer (&flow->points, g_array_unref);
}

static void
emotion_clear (gpointer data)
{
  TptLayoutEmotion *emotion = data;

  g_clear_pointer (&emotion->points, g_array_unref);
  g_clear_pointer (&emotion->controls, g_array_unref);
}

static void
legend_clear (gpointer data)
{
  text_clear (&((TptLayoutLegendItem *) data)->label);
}

static GArray *
array_new (gsize          element_size,
           GDestroyNotify clear)
{
  GArray *array = g_array_new (FALSE, TRUE, element_size);

  g_array_set_clear_func (array, clear);
  return array;
}

static void
layout_clear (TptBlueprintLayout *self)
{
  g_clear_object (&self->blueprint);
  text_clear (&self->title);
  text_clear (&self->subtitle);
  g_clear_pointer (&self->lanes, g_array_unref);
  g_clear_pointer (&self->stages, g_array_unref);
  g_clear_pointer (&self->steps, g_array_unref);
  g_clear_pointer (&self->cards, g_array_unref);
  g_clear_pointer (&self->flows, g_array_unref);
  g_clear_pointer (&self->lines, g_array_unref);
  g_clear_pointer (&self->offices, g_array_unref);
  g_clear_pointer (&self->emotions, g_array_unref);
  g_clear_pointer (&self->legend, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->badge_text); i++)
    g_clear_object (&self->badge_text[i]);
  for (guint i = 0; i < G_N_ELEMENTS (self->emotion_scale); i++)
    g_clear_object (&self->emotion_scale[i]);
}

TptBlueprintLayout *
tpt_blueprint_layout_ref (TptBlueprintLayout *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
tpt_blueprint_layout_unref (TptBlueprintLayout *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, (GDestroyNotify) layout_clear);
}

/* Lays @text out at @width and sets @out's size to what Pango measured, so
 * the box always holds the text whatever its script or length. */
static double
place_text (Builder       *b,
            TptLayoutText *out,
            TptTextStyle   style,
            const char    *text,
            double         x,
            double         y,
            double         width)
{
  double w, h;

  out->layout = tpt_text_cache_lookup (b->cache, style, text, width);
  tpt_text_layout_size (out->layout, &w, &h);
  out->rect = (TptRect) { x, y, width > 0 ? width : w, h };
  return h;
}

/* Where the lines go is decided by the order of the lane kinds: a line is
 * drawn on top of the first lane that steps past it, however many other
 * lanes (emotion, pain points…) sit in between. */
static int
lane_rank (TptLaneKind kind)
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

static guint
index_of (GHashTable *table,
          const char *id)
{
  return id != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (table, id)) : 0;
}

static void
collect_lanes_and_steps (Builder *b)
{
  TptBlueprintLayout *self = b->self;
  GListModel *lanes = tpt_blueprint_get_lanes (self->blueprint);
  GListModel *stages = tpt_blueprint_get_stages (self->blueprint);
  guint n_lanes = g_list_model_get_n_items (lanes);
  guint n_stages = g_list_model_get_n_items (stages);

  for (guint i = 0; i < n_lanes; i++)
    {
      TptLayoutLane lane = { 0 };
      TptLane *item = g_list_model_get_item (lanes, i);

      if (b->keep_lanes != NULL && !g_hash_table_contains (b->keep_lanes, item))
        {
          g_object_unref (item);
          continue;
        }
      lane.lane = item;
      lane.kind = tpt_lane_get_kind (lane.lane);
      lane.office = tpt_lane_get_office (lane.lane);
      b->has_office |= lane.office != TPT_OFFICE_NONE;
      g_hash_table_insert (b->lane_index, (gpointer) tpt_node_get_id (TPT_NODE (lane.lane)),
                           GUINT_TO_POINTER (self->lanes->len + 1));
      g_array_append_val (self->lanes, lane);
    }

  for (guint s = 0; s < n_stages; s++)
    {
      TptLayoutStage stage = { 0 };
      GListModel *steps;
      guint n_steps;

      stage.stage = g_list_model_get_item (stages, s);
      if (b->only_stage != NULL && stage.stage != b->only_stage)
        {
          g_object_unref (stage.stage);
          continue;
        }
      steps = tpt_stage_get_steps (stage.stage);
      n_steps = g_list_model_get_n_items (steps);
      /* A stage's columns; its rectangle is finished once x is known. */
      stage.rect.x = self->steps->len;
      stage.rect.width = n_steps;

      /* A collapsed stage is one column; its steps' cards, emotions and
       * flows are left out, as those of a missing step are. */
      if (n_steps > 0 && b->collapsed != NULL &&
          g_hash_table_contains (b->collapsed, tpt_node_get_id (TPT_NODE (stage.stage))))
        {
          TptLayoutStep column = { 0 };

          column.collapsed = g_object_ref (stage.stage);
          column.n_hidden = n_steps;
          stage.rect.width = 1;
          g_array_append_val (self->steps, column);
          g_array_append_val (self->stages, stage);
          continue;
        }

      for (guint i = 0; i < n_steps; i++)
        {
          TptLayoutStep step = { 0 };

          step.step = g_list_model_get_item (steps, i);
          g_hash_table_insert (b->step_index, (gpointer) tpt_node_get_id (TPT_NODE (step.step)),
                               GUINT_TO_POINTER (self->steps->len + 1));
          g_array_append_val (self->steps, step);
        }
      g_array_append_val (self->stages, stage);
    }

  b->n_columns = self->steps->len;
}

static double
layout_headers (Builder *b,
                double   y)
{
  TptBlueprintLayout *self = b->self;
  double stage_h = 0, step_h = 0;

  for (guint s = 0; s < self->stages->len; s++)
    {
      TptLayoutStage *stage = &g_array_index (self->stages, TptLayoutStage, s);
      double first = stage->rect.x, n = stage->rect.width;
      double h;

      stage->rect = (TptRect) { b->grid_x + first * TPT_LAYOUT_COLUMN_W, y,
                                n * TPT_LAYOUT_COLUMN_W, 0 };
      if (n == 0)
        continue;
      h = place_text (b, &stage->title, TPT_TEXT_SUBHEADING,
                      tpt_stage_get_title (stage->stage),
                      stage->rect.x + 10, y + 7, stage->rect.width - 20);
      stage_h = MAX (stage_h, h + 14);
    }
  stage_h = MAX (stage_h, 28);
  for (guint s = 0; s < self->stages->len; s++)
    g_array_index (self->stages, TptLayoutStage, s).rect.height = stage_h;
  y += stage_h;

  for (guint i = 0; i < self->steps->len; i++)
    {
      TptLayoutStep *step = &g_array_index (self->steps, TptLayoutStep, i);
      double x = b->grid_x + i * TPT_LAYOUT_COLUMN_W;
      double width = TPT_LAYOUT_COLUMN_W - 2 * TPT_LAYOUT_CELL_PAD;
      g_autofree char *hidden = step->collapsed != NULL
                                ? g_strdup_printf (ngettext ("%u step hidden", "%u steps hidden",
                                                             step->n_hidden), step->n_hidden)
                                : NULL;
      double h = place_text (b, &step->title, TPT_TEXT_HEADING,
                             hidden != NULL ? hidden : tpt_step_get_title (step->step),
                             x + TPT_LAYOUT_CELL_PAD, y + 8, width);
      g_autofree char *duration = step->step != NULL
                                  ? tpt_duration_label (tpt_step_get_duration (step->step))
                                  : NULL;
      g_autofree char *target = step->step != NULL ? tpt_kpi_label_step (step->step) : NULL;

      /* A service level goes after the duration, with how it stands. */
      if (target != NULL)
        {
          char *both = duration != NULL ? g_strdup_printf ("%s · %s", duration, target)
                                        : g_strdup (target);

          g_free (duration);
          duration = both;
        }

      if (duration != NULL)
        h += 3 + place_text (b, &step->duration, TPT_TEXT_SMALL, duration,
                             x + TPT_LAYOUT_CELL_PAD, y + 8 + h + 3, width);
      step->header = (TptRect) { x, y, TPT_LAYOUT_COLUMN_W, 0 };
      step_h = MAX (step_h, h + 16);
    }
  step_h = MAX (step_h, 32);
  for (guint i = 0; i < self->steps->len; i++)
    g_array_index (self->steps, TptLayoutStep, i).header.height = step_h;

  return y + step_h;
}

/* Plans which lines exist and under which lane, before heights are known,
 * because a line's label takes room in the header of the lane above it. */
static void
plan_lines (Builder *b)
{
  TptBlueprintLayout *self = b->self;
  gboolean drawn[TPT_N_LINES] = { FALSE, };
  int previous = 0;

  for (guint i = 0; i < self->lanes->len; i++)
    {
      int rank = lane_rank (g_array_index (self->lanes, TptLayoutLane, i).kind);

      if (rank == 0)
        continue;
      for (int line = previous; previous > 0 && line < rank; line++)
        {
          TptLayoutLine entry = { 0 };

          /* Line n lies between rank n and rank n + 1. */
          if (line < 1 || drawn[line - 1])
            continue;
          drawn[line - 1] = TRUE;
          entry.kind = (TptLineKind) (line - 1);
          entry.below_lane = i;
          b->labels_in[i - 1]++;
          g_array_append_val (self->lines, entry);
        }
      previous = rank;
    }
}

static int
compare_cards (gconstpointer a,
               gconstpointer b)
{
  const TptLayoutCard *x = a, *y = b;

  if (x->lane != y->lane)
    return x->lane < y->lane ? -1 : 1;
  if (x->step != y->step)
    return x->step < y->step ? -1 : 1;
  return 0;
}

static void
measure_card (Builder       *b,
              TptLayoutCard *card)
{
  const char *owner = tpt_card_get_owner (card->card);
  const char *channel = tpt_card_get_channel (card->card);
  gboolean badge = card->kind == TPT_CARD_KIND_FAIL || card->kind == TPT_CARD_KIND_WAIT;
  double width = card->span * TPT_LAYOUT_COLUMN_W - 2 * TPT_LAYOUT_CELL_PAD;
  double inner = width - TPT_LAYOUT_STRIPE - 2 * TPT_LAYOUT_CARD_PAD;
  double text_x = TPT_LAYOUT_STRIPE + TPT_LAYOUT_CARD_PAD;
  double h;

  /* Positions are relative to the card until the lane is placed. */
  h = place_text (b, &card->text, TPT_TEXT_BODY, tpt_card_get_text (card->card),
                  text_x, TPT_LAYOUT_CARD_PAD,
                  inner - (badge ? TPT_LAYOUT_BADGE + 4 : 0));
  if ((owner != NULL && *owner) || (channel != NULL && *channel))
    {
      g_autofree char *meta = NULL;

      if (owner != NULL && *owner && channel != NULL && *channel)
        meta = g_strdup_printf ("%s · %s", owner, channel);
      else
        meta = g_strdup (owner != NULL && *owner ? owner : channel);
      h += 4 + place_text (b, &card->meta, TPT_TEXT_SMALL, meta,
                           text_x, TPT_LAYOUT_CARD_PAD + h + 4, inner);
    }
  if (card->kind == TPT_CARD_KIND_METRIC)
    {
      g_autofree char *detail = tpt_kpi_label_card (card->card);

      if (detail != NULL)
        {
          const char *word = tpt_kpi_status_to_string (card->kpi_status);
          double y = TPT_LAYOUT_CARD_PAD + h + 5;
          double word_w, word_h, detail_x, detail_h;

          place_text (b, &card->kpi_word, TPT_TEXT_SMALL, word, text_x + 4, y + 1, -1);
          tpt_text_layout_size (card->kpi_word.layout, &word_w, &word_h);
          card->kpi_word.rect.width = word_w;
          card->kpi_pill = (TptRect) { text_x, y, word_w + 8, word_h + 2 };
          detail_x = text_x + card->kpi_pill.width + 5;
          detail_h = place_text (b, &card->kpi_detail, TPT_TEXT_SMALL, detail, detail_x, y + 1,
                                 MAX (inner - (detail_x - text_x), 20));
          h += 5 + MAX (card->kpi_pill.height, detail_h + 1);
        }
    }
  h = MAX (h + 2 * TPT_LAYOUT_CARD_PAD, TPT_LAYOUT_MIN_CARD_H);
  if (badge)
    {
      h = MAX (h, TPT_LAYOUT_BADGE + 2 * TPT_LAYOUT_CARD_PAD);
      card->badge = (TptRect) { width - TPT_LAYOUT_CARD_PAD - TPT_LAYOUT_BADGE + 2,
                                TPT_LAYOUT_CARD_PAD - 2, TPT_LAYOUT_BADGE, TPT_LAYOUT_BADGE };
    }
  card->rect = (TptRect) { 0, 0, width, h };

  /* A card written right to left is mirrored: its stripe on the right,
   * its badge on the left, its text starting from the right. */
  card->rtl = pango_layout_get_direction (card->text.layout, 0) == PANGO_DIRECTION_RTL;
  if (card->rtl)
    {
      card->text.rect.x -= TPT_LAYOUT_STRIPE - (badge ? TPT_LAYOUT_BADGE + 4 : 0);
      card->meta.rect.x -= TPT_LAYOUT_STRIPE;
      if (badge)
        card->badge.x = TPT_LAYOUT_CARD_PAD - 2;
    }
}

static void
offset_text (TptLayoutText *text,
             double         dx,
             double         dy)
{
  text->rect.x += dx;
  text->rect.y += dy;
}

static void
collect_cards (Builder *b)
{
  TptBlueprintLayout *self = b->self;
  GListModel *cards = tpt_blueprint_get_cards (self->blueprint);
  guint n = g_list_model_get_n_items (cards);

  for (guint i = 0; i < n; i++)
    {
      TptLayoutCard card = { 0 };
      g_autoptr(TptCard) item = g_list_model_get_item (cards, i);
      guint lane = index_of (b->lane_index, tpt_card_get_lane (item));
      guint step = index_of (b->step_index, tpt_card_get_step (item));

      /* The core keeps references whole; a card whose cell is gone (while
       * an edit is half done) is simply not drawn. */
      if (lane == 0 || step == 0)
        continue;
      card.card = g_steal_pointer (&item);
      card.kind = tpt_card_get_kind (card.card);
      card.kpi_status = tpt_kpi_card_status (card.card);
      card.lane = lane - 1;
      card.step = step - 1;
      card.span = CLAMP (tpt_card_get_span (card.card), 1, (int) (b->n_columns - card.step));
      measure_card (b, &card);
      g_array_append_val (self->cards, card);
    }

  /* Stable, so cards of one cell keep their order in the document. */
  g_array_sort (self->cards, compare_cards);
}

/* Stacks each lane's cards: a card goes below everything already placed in
 * any of the columns it spans, so no two cards can overlap. */
static double
layout_lanes (Builder *b,
              double   y)
{
  TptBlueprintLayout *self = b->self;
  g_autofree double *free_y = g_new0 (double, MAX (b->n_columns, 1));
  double grid_right = b->grid_x + b->n_columns * TPT_LAYOUT_COLUMN_W;
  guint next_card = 0;

  for (guint i = 0; i < self->lanes->len; i++)
    {
      TptLayoutLane *lane = &g_array_index (self->lanes, TptLayoutLane, i);
      double text_w = TPT_LAYOUT_HEADER_W - 20;
      double content = 0, header_h, height;
      guint first_card = next_card;
      g_autofree char *subtitle = NULL;
      const char *persona_id = tpt_lane_get_persona (lane->lane);
      TptPersona *persona = NULL;

      memset (free_y, 0, sizeof (double) * MAX (b->n_columns, 1));
      for (; next_card < self->cards->len; next_card++)
        {
          TptLayoutCard *card = &g_array_index (self->cards, TptLayoutCard, next_card);
          double top = 0;

          if (card->lane != i)
            break;
          for (guint c = card->step; c < card->step + card->span; c++)
            top = MAX (top, free_y[c]);
          card->rect.y = top;
          for (guint c = card->step; c < card->step + card->span; c++)
            free_y[c] = top + card->rect.height + TPT_LAYOUT_CARD_GAP;
          content = MAX (content, top + card->rect.height);
        }

      if (persona_id != NULL)
        persona = tpt_document_lookup_typed (b->document, persona_id, TPT_TYPE_PERSONA);
      if (persona != NULL)
        subtitle = g_strdup_printf ("%s · %s", tpt_notation_lane_kind (lane->kind),
                                    tpt_persona_get_name (persona));
      else if (g_strcmp0 (tpt_notation_lane_kind (lane->kind),
                          tpt_lane_get_title (lane->lane)) != 0)
        subtitle = g_strdup (tpt_notation_lane_kind (lane->kind));

      header_h = 10 + place_text (b, &lane->title, TPT_TEXT_HEADING,
                                  tpt_lane_get_title (lane->lane), b->header_x + 10, 10, text_w);
      if (subtitle != NULL)
        header_h += 2 + place_text (b, &lane->subtitle, TPT_TEXT_SMALL, subtitle,
                                    b->header_x + 10, header_h + 2, text_w);
      header_h += 10 + b->labels_in[i] * 13;

      height = MAX (content + 2 * TPT_LAYOUT_LANE_PAD, header_h);
      height = MAX (height, lane->kind == TPT_LANE_KIND_EMOTION ? TPT_LAYOUT_EMOTION_H
                                                                : TPT_LAYOUT_MIN_LANE_H);

      lane->rect = (TptRect) { b->header_x, y, grid_right - b->header_x, height };
      lane->header = (TptRect) { b->header_x, y, TPT_LAYOUT_HEADER_W, height };
      offset_text (&lane->title, 0, y);
      offset_text (&lane->subtitle, 0, y);

      for (guint k = first_card; k < next_card; k++)
        {
          TptLayoutCard *card = &g_array_index (self->cards, TptLayoutCard, k);
          double dx = b->grid_x + card->step * TPT_LAYOUT_COLUMN_W + TPT_LAYOUT_CELL_PAD;
          double dy = y + TPT_LAYOUT_LANE_PAD + card->rect.y;

          card->rect.x = dx;
          card->rect.y = dy;
          offset_text (&card->text, dx, dy);
          offset_text (&card->meta, dx, dy);
          offset_text (&card->kpi_word, dx, dy);
          offset_text (&card->kpi_detail, dx, dy);
          card->badge.x += dx;
          card->badge.y += dy;
          card->kpi_pill.x += dx;
          card->kpi_pill.y += dy;
        }

      y += height;
    }

  return y;
}

static void
layout_lines (Builder *b)
{
  TptBlueprintLayout *self = b->self;

  for (guint i = 0; i < self->lines->len; i++)
    {
      TptLayoutLine *line = &g_array_index (self->lines, TptLayoutLine, i);
      const TptLayoutLane *below = &g_array_index (self->lanes, TptLayoutLane, line->below_lane);
      const TptLayoutLane *above = &g_array_index (self->lanes, TptLayoutLane,
                                                   line->below_lane - 1);
      guint stacked = 0;
      double h;

      /* Labels of lines that share a boundary stack upwards. */
      for (guint j = i + 1; j < self->lines->len; j++)
        stacked += g_array_index (self->lines, TptLayoutLine, j).below_lane == line->below_lane;

      line->y = below->rect.y;
      line->x0 = below->rect.x;
      line->x1 = tpt_rect_right (&below->rect);
      line->label.layout = tpt_text_layout_new (b->context, TPT_TEXT_SMALL,
                                                tpt_notation_line (line->kind),
                                                TPT_LAYOUT_HEADER_W - 16);
      pango_layout_set_alignment (line->label.layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_ellipsize (line->label.layout, PANGO_ELLIPSIZE_END);
      tpt_text_layout_size (line->label.layout, NULL, &h);
      line->label.rect = (TptRect) { above->header.x + 8,
                                     line->y - 3 - 13 * (stacked + 1) + (13 - h),
                                     TPT_LAYOUT_HEADER_W - 16, h };
    }
}

static void
layout_offices (Builder *b)
{
  TptBlueprintLayout *self = b->self;

  for (guint i = 0; i < self->lanes->len;)
    {
      const TptLayoutLane *first = &g_array_index (self->lanes, TptLayoutLane, i);
      TptLayoutOffice office = { 0 };
      guint j = i + 1;
      double w, h;

      if (first->office == TPT_OFFICE_NONE)
        {
          i++;
          continue;
        }
      while (j < self->lanes->len &&
             g_array_index (self->lanes, TptLayoutLane, j).office == first->office)
        j++;

      office.office = first->office;
      office.rect = (TptRect) { b->office_x, first->rect.y, TPT_LAYOUT_OFFICE_W,
                                tpt_rect_bottom (&g_array_index (self->lanes, TptLayoutLane,
                                                                 j - 1).rect) - first->rect.y };
      /* Laid out along the band; the renderer turns it a quarter. */
      office.label.layout = tpt_text_layout_new (b->context, TPT_TEXT_SMALL,
                                                 tpt_notation_office (office.office),
                                                 office.rect.height - 8);
      pango_layout_set_alignment (office.label.layout, PANGO_ALIGN_CENTER);
      pango_layout_set_ellipsize (office.label.layout, PANGO_ELLIPSIZE_END);
      tpt_text_layout_size (office.label.layout, &w, &h);
      office.label.rect = (TptRect) { office.rect.x + (office.rect.width - h) / 2,
                                      tpt_rect_bottom (&office.rect) - 4,
                                      office.rect.height - 8, h };
      g_array_append_val (self->offices, office);
      i = j;
    }
}

static void
add_control (GArray  *controls,
             double   x,
             double   y,
             const TptRect *plot)
{
  TptPoint p = { x, CLAMP (y, plot->y, tpt_rect_bottom (plot)) };

  g_array_append_val (controls, p);
}

/* A Catmull-Rom spline through the values, as cubic Bézier controls, so
 * the curve passes through every rated step. Controls are kept inside the
 * plot so the curve never overshoots the scale. */
static void
layout_emotions (Builder *b)
{
  TptBlueprintLayout *self = b->self;
  GListModel *emotions = tpt_blueprint_get_emotions (self->blueprint);
  guint n = g_list_model_get_n_items (emotions);
  g_autofree int *values = g_new (int, MAX (b->n_columns, 1));

  for (guint i = 0; i < self->lanes->len; i++)
    {
      const TptLayoutLane *lane = &g_array_index (self->lanes, TptLayoutLane, i);
      TptLayoutEmotion emotion = { 0 };
      const char *lane_id = tpt_node_get_id (TPT_NODE (lane->lane));
      const char *persona_id = tpt_lane_get_persona (lane->lane);
      TptPersona *persona = NULL;
      GArray *pts;

      if (lane->kind != TPT_LANE_KIND_EMOTION)
        continue;

      for (guint c = 0; c < b->n_columns; c++)
        values[c] = G_MININT;
      for (guint k = 0; k < n; k++)
        {
          g_autoptr(TptEmotion) item = g_list_model_get_item (emotions, k);
          guint step;

          if (g_strcmp0 (tpt_emotion_get_lane (item), lane_id) != 0)
            continue;
          step = index_of (b->step_index, tpt_emotion_get_step (item));
          if (step > 0)
            values[step - 1] = CLAMP (tpt_emotion_get_value (item), -2, 2);
        }

      emotion.lane = i;
      emotion.plot = (TptRect) { b->grid_x, lane->rect.y + 14,
                                 b->n_columns * TPT_LAYOUT_COLUMN_W, lane->rect.height - 28 };
      emotion.zero_y = emotion.plot.y + emotion.plot.height / 2;
      emotion.color = tpt_theme_get (TPT_THEME_LIGHT)->emotion;
      if (persona_id != NULL)
        persona = tpt_document_lookup_typed (b->document, persona_id, TPT_TYPE_PERSONA);
      emotion.has_color = persona != NULL &&
                          tpt_color_parse (tpt_persona_get_color (persona), &emotion.color);
      emotion.points = pts = g_array_new (FALSE, FALSE, sizeof (TptPoint));
      emotion.controls = g_array_new (FALSE, FALSE, sizeof (TptPoint));

      for (guint c = 0; c < b->n_columns; c++)
        if (values[c] != G_MININT)
          {
            TptPoint p = { b->grid_x + (c + 0.5) * TPT_LAYOUT_COLUMN_W,
                           emotion.zero_y - values[c] * emotion.plot.height / 4 };

            g_array_append_val (pts, p);
          }

      for (guint k = 0; k + 1 < pts->len; k++)
        {
          TptPoint p0 = g_array_index (pts, TptPoint, k > 0 ? k - 1 : k);
          TptPoint p1 = g_array_index (pts, TptPoint, k);
          TptPoint p2 = g_array_index (pts, TptPoint, k + 1);
          TptPoint p3 = g_array_index (pts, TptPoint, MIN (k + 2, pts->len - 1));

          add_control (emotion.controls, p1.x + (p2.x - p0.x) / 6, p1.y + (p2.y - p0.y) / 6,
                       &emotion.plot);
          add_control (emotion.controls, p2.x - (p3.x - p1.x) / 6, p2.y - (p3.y - p1.y) / 6,
                       &emotion.plot);
        }

      g_array_append_val (self->emotions, emotion);
    }
}

static TptBlueprintLayout *layout_new (TptDocument  *document,
                                       TptBlueprint *blueprint,
                                       TptTextCache *cache,
                                       GHashTable   *collapsed,
                                       TptStage     *only_stage,
                                       GHashTable   *keep_lanes);

/**
 * tpt_blueprint_layout_new:
 * @document: the document holding @blueprint, for personas
 * @blueprint: the blueprint to lay out
 * @context: a context from tpt_text_context_new(), which measures text
 *
 * Lays @blueprint out: a pure function of the model and the fonts, so the
 * same blueprint always gives the same geometry, on screen and on paper.
 *
 * Returns: (transfer full): the layout
 */
TptBlueprintLayout *
tpt_blueprint_layout_new (TptDocument  *document,
                          TptBlueprint *blueprint,
                          PangoContext *context)
{
  g_autoptr(TptTextCache) cache = NULL;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  cache = tpt_text_cache_new (context);
  return tpt_blueprint_layout_new_cached (document, blueprint, cache);
}

/**
 * tpt_blueprint_layout_new_cached:
 * @document: the document holding @blueprint, for personas
 * @blueprint: the blueprint to lay out
 * @cache: the texts measured so far, with the context to measure more
 *
 * As tpt_blueprint_layout_new(), measuring each distinct text once: a
 * view that keeps @cache between edits re-measures only what changed.
 *
 * Returns: (transfer full): the layout
 */
TptBlueprintLayout *
tpt_blueprint_layout_new_cached (TptDocument  *document,
                                 TptBlueprint *blueprint,
                                 TptTextCache *cache)
{
  return tpt_blueprint_layout_new_full (document, blueprint, cache, NULL);
}

/**
 * tpt_blueprint_layout_new_full:
 * @document: the document holding @blueprint, for personas
 * @blueprint: the blueprint to lay out
 * @cache: the texts measured so far, with the context to measure more
 * @collapsed: (nullable) (element-type utf8 utf8): ids of stages to show
 *   collapsed, each as one column without its steps' cards
 *
 * As tpt_blueprint_layout_new_cached(), with some stages collapsed: a view
 * of the blueprint, never what is printed or exported.
 *
 * Returns: (transfer full): the layout
 */
TptBlueprintLayout *
tpt_blueprint_layout_new_full (TptDocument  *document,
                               TptBlueprint *blueprint,
                               TptTextCache *cache,
                               GHashTable   *collapsed)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TPT_IS_BLUEPRINT (blueprint), NULL);
  g_return_val_if_fail (cache != NULL, NULL);

  return layout_new (document, blueprint, cache, collapsed, NULL, NULL);
}

static TptBlueprintLayout *
layout_new (TptDocument  *document,
            TptBlueprint *blueprint,
            TptTextCache *cache,
            GHashTable   *collapsed,
            TptStage     *only_stage,
            GHashTable   *keep_lanes)
{
  PangoContext *context;
  g_autoptr(GHashTable) lane_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) step_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *labels_in = NULL;
  TptBlueprintLayout *self;
  Builder b = { 0 };
  double y, grid_right, width;

  context = tpt_text_cache_get_context (cache);
  self = g_rc_box_new0 (TptBlueprintLayout);
  self->blueprint = g_object_ref (blueprint);
  self->lanes = array_new (sizeof (TptLayoutLane), lane_clear);
  self->stages = array_new (sizeof (TptLayoutStage), stage_clear);
  self->steps = array_new (sizeof (TptLayoutStep), step_clear);
  self->cards = array_new (sizeof (TptLayoutCard), card_clear);
  self->flows = array_new (sizeof (TptLayoutFlow), flow_clear);
  self->lines = array_new (sizeof (TptLayoutLine), line_clear);
  self->offices = array_new (sizeof (TptLayoutOffice), office_clear);
  self->emotions = array_new (sizeof (TptLayoutEmotion), emotion_clear);
  self->legend = array_new (sizeof (TptLayoutLegendItem), legend_clear);

  b.self = self;
  b.document = document;
  b.context = context;
  b.cache = cache;
  b.collapsed = collapsed;
  b.only_stage = only_stage;
  b.keep_lanes = keep_lanes;
  b.lane_index = lane_index;
  b.step_index = step_index;

  collect_lanes_and_steps (&b);
  labels_in = b.labels_in = g_new0 (guint, MAX (self->lanes->len, 1));
  b.office_x = TPT_LAYOUT_MARGIN;
  b.header_x = TPT_LAYOUT_MARGIN + (b.has_office ? TPT_LAYOUT_OFFICE_W + TPT_LAYOUT_OFFICE_GAP : 0);
  b.grid_x = b.header_x + TPT_LAYOUT_HEADER_W;
  grid_right = b.grid_x + b.n_columns * TPT_LAYOUT_COLUMN_W;
  width = MAX (grid_right - b.header_x, 400);

  y = TPT_LAYOUT_MARGIN;
  y += place_text (&b, &self->title, TPT_TEXT_TITLE, tpt_blueprint_get_title (blueprint),
                   b.header_x, y, width);
  y += 2 + place_text (&b, &self->subtitle, TPT_TEXT_BODY,
                       tpt_blueprint_get_state (blueprint) == TPT_BLUEPRINT_STATE_FUTURE
                         ? _("Service blueprint · future state")
                         : _("Service blueprint · current state"),
                       b.header_x, y + 2, width);
  y += 16;

  y = layout_headers (&b, y);
  self->grid = (TptRect) { b.grid_x, y, grid_right - b.grid_x, 0 };
  plan_lines (&b);
  collect_cards (&b);
  y = layout_lanes (&b, y);
  self->grid.height = y - self->grid.y;

  for (guint i = 0; i < self->steps->len; i++)
    {
      TptLayoutStep *step = &g_array_index (self->steps, TptLayoutStep, i);

      step->column = (TptRect) { step->header.x, step->header.y, step->header.width,
                                 y - step->header.y };
    }

  layout_lines (&b);
  layout_offices (&b);
  layout_emotions (&b);
  tpt_blueprint_layout_route_flows (self);

  self->badge_text[0] = tpt_text_cache_lookup (cache, TPT_TEXT_BADGE, "F", -1);
  self->badge_text[1] = tpt_text_cache_lookup (cache, TPT_TEXT_BADGE, "W", -1);
  self->emotion_scale[0] = tpt_text_cache_lookup (cache, TPT_TEXT_SMALL, "+2", -1);
  self->emotion_scale[1] = tpt_text_cache_lookup (cache, TPT_TEXT_SMALL, "0", -1);
  self->emotion_scale[2] = tpt_text_cache_lookup (cache, TPT_TEXT_SMALL, "−2", -1);

  /* The legend wraps at a handout page's width, so it reads beside any
   * part of the blueprint. */
  y = tpt_blueprint_layout_add_legend (self, context, b.header_x,
                                       MIN (MAX (grid_right, b.header_x + 560),
                                            b.header_x + 760), y + 24);

  self->bounds = (TptRect) { 0, 0,
                             MAX (grid_right, tpt_rect_right (&self->legend_rect))
                               + TPT_LAYOUT_MARGIN,
                             y + TPT_LAYOUT_MARGIN };
  self->bounds.width = MAX (self->bounds.width, b.header_x + width + TPT_LAYOUT_MARGIN);

  return self;
}

/* The lanes with something in @stage: a card in one of its steps, or an
 * emotion point. */
static GHashTable *
lanes_used_in (TptDocument  *document,
               TptBlueprint *blueprint,
               TptStage     *stage)
{
  GHashTable *used = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) steps = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *stage_steps = tpt_stage_get_steps (stage);
  GListModel *cards = tpt_blueprint_get_cards (blueprint);
  GListModel *emotions = tpt_blueprint_get_emotions (blueprint);

  for (guint i = 0; i < g_list_model_get_n_items (stage_steps); i++)
    {
      g_autoptr(TptStep) step = g_list_model_get_item (stage_steps, i);

      g_hash_table_add (steps, (gpointer) tpt_node_get_id (TPT_NODE (step)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (cards, i);
      TptNode *lane = tpt_document_lookup (document, tpt_card_get_lane (card));

      if (lane != NULL && g_hash_table_contains (steps, tpt_card_get_step (card)))
        g_hash_table_add (used, lane);
    }
  for (guint i = 0; i < g_list_model_get_n_items (emotions); i++)
    {
      g_autoptr(TptEmotion) emotion = g_list_model_get_item (emotions, i);
      TptNode *lane = tpt_document_lookup (document, tpt_emotion_get_lane (emotion));

      if (lane != NULL && g_hash_table_contains (steps, tpt_emotion_get_step (emotion)))
        g_hash_table_add (used, lane);
    }

  return used;
}

/**
 * tpt_blueprint_layout_new_stage:
 * @document: the document holding @blueprint
 * @blueprint: the blueprint
 * @stage: one of its stages
 * @cache: the texts measured so far, with the context to measure more
 * @fold_empty: leave out the lanes with nothing in @stage
 *
 * Lays out @stage alone, as its slide shows it: its steps, and its lanes
 * (those with a card or an emotion point in it, with @fold_empty), with
 * the flows between the cards that are left. A stage with nothing in it
 * keeps all its lanes.
 *
 * Returns: (transfer full): the layout
 */
TptBlueprintLayout *
tpt_blueprint_layout_new_stage (TptDocument  *document,
                                TptBlueprint *blueprint,
                                TptStage     *stage,
                                TptTextCache *cache,
                                gboolean      fold_empty)
{
  g_autoptr(GHashTable) keep = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TPT_IS_BLUEPRINT (blueprint), NULL);
  g_return_val_if_fail (TPT_IS_STAGE (stage), NULL);
  g_return_val_if_fail (cache != NULL, NULL);

  if (fold_empty)
    keep = lanes_used_in (document, blueprint, stage);
  if (keep != NULL && g_hash_table_size (keep) == 0)
    g_clear_pointer (&keep, g_hash_table_unref);

  return layout_new (document, blueprint, cache, NULL, stage, keep);
}

/**
 * tpt_blueprint_layout_card_at:
 * @self: a layout
 * @x: a point, in layout coordinates
 * @y: a point, in layout coordinates
 *
 * Returns: (nullable) (transfer none): the card under the point
 */
const TptLayoutCard *
tpt_blueprint_layout_card_at (TptBlueprintLayout *self,
                              double              x,
                              double              y)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (self->cards, TptLayoutCard, i);

      if (tpt_rect_contains_point (&card->rect, x, y))
        return card;
    }

  return NULL;
}
