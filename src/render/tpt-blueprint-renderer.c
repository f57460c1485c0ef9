/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-renderer"

#include "config.h"

#include "tpt-blueprint-renderer.h"
#include "tpt-blueprint-layout-private.h"
#include "tpt-text.h"

#include <math.h>
#include <pango/pangocairo.h>

static void
rounded_rect (cairo_t       *cr,
              const TptRect *rect,
              double         radius)
{
  double x = rect->x, y = rect->y, w = rect->width, h = rect->height;

  radius = MIN (radius, MIN (w, h) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + w - radius, y + h - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + h - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
fill_rect (cairo_t        *cr,
           const TptRect  *rect,
           const TptColor *color)
{
  tpt_color_set_source (cr, color);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_fill (cr);
}

/* Below this size on the device, in pixels, body text is drawn as grey
 * bars ("greeked"): glyphs a pixel high cannot be read, and rasterising
 * thousands of them is most of the cost of a zoomed-out canvas. */
#define GREEK_BELOW_PX 3.5
#define BODY_SIZE_PT   9.0

static gboolean
text_is_legible (cairo_t *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));
  double dx = BODY_SIZE_PT, dy = 0;

  /* Files keep their text, whatever the scale: it stays searchable and
   * the reader may zoom in. */
  if (type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_SVG ||
      type == CAIRO_SURFACE_TYPE_PS)
    return TRUE;

  cairo_user_to_device_distance (cr, &dx, &dy);
  return hypot (dx, dy) >= GREEK_BELOW_PX;
}

static void
draw_text (cairo_t             *cr,
           const TptLayoutText *text,
           const TptColor      *color)
{
  if (text->layout == NULL)
    return;
  tpt_color_set_source (cr, color);
  cairo_move_to (cr, text->rect.x, text->rect.y);
  tpt_text_show (cr, text->layout);
}

/* Text only where the clip lets it show: a page of a blueprint split over
 * many draws the whole drawing through its clip, and text out of sight
 * still costs its glyphs. */
static void
draw_text_in (cairo_t             *cr,
              const TptLayoutText *text,
              const TptColor      *color,
              const TptRect       *clip)
{
  if (text->layout != NULL && tpt_rect_intersects (&text->rect, clip))
    draw_text (cr, text, color);
}

static void
greek_text (cairo_t             *cr,
            const TptLayoutText *text,
            const TptColor      *color)
{
  int lines;
  double line_h;

  if (text->layout == NULL || text->rect.height <= 0)
    return;
  lines = MAX (pango_layout_get_line_count (text->layout), 1);
  line_h = text->rect.height / lines;
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.35);
  for (int i = 0; i < lines; i++)
    cairo_rectangle (cr, text->rect.x, text->rect.y + i * line_h + line_h * 0.25,
                     text->rect.width * (i + 1 < lines ? 1.0 : 0.6), line_h * 0.5);
  cairo_fill (cr);
}

static void
hline (cairo_t *cr,
       double   x0,
       double   x1,
       double   y)
{
  cairo_move_to (cr, x0, y);
  cairo_line_to (cr, x1, y);
}

static void
vline (cairo_t *cr,
       double   x,
       double   y0,
       double   y1)
{
  cairo_move_to (cr, x, y0);
  cairo_line_to (cr, x, y1);
}

/* The three lines differ in dash as well as colour, so they stay apart in
 * greyscale. */
static void
set_line_style (cairo_t        *cr,
                const TptTheme *theme,
                TptLineKind     kind)
{
  static const double dashed[] = { 7, 3.5 };
  static const double dotted[] = { 0.1, 3.2 };

  cairo_set_line_width (cr, 1.6);
  switch (kind)
    {
    case TPT_LINE_INTERACTION:
      tpt_color_set_source (cr, &theme->line_interaction);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      break;
    case TPT_LINE_VISIBILITY:
      tpt_color_set_source (cr, &theme->line_visibility);
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      break;
    case TPT_LINE_INTERNAL:
    case TPT_N_LINES:
    default:
      tpt_color_set_source (cr, &theme->line_internal);
      cairo_set_line_width (cr, 2.0);
      cairo_set_dash (cr, dotted, G_N_ELEMENTS (dotted), 0);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      break;
    }
}

static const TptColor *
line_color (const TptTheme *theme,
            TptLineKind     kind)
{
  return kind == TPT_LINE_INTERACTION ? &theme->line_interaction
       : kind == TPT_LINE_VISIBILITY ? &theme->line_visibility
       : &theme->line_internal;
}

static void
draw_headers (cairo_t                  *cr,
              const TptBlueprintLayout *layout,
              const TptTheme           *theme,
              const TptRect            *clip)
{
  for (guint i = 0; i < layout->stages->len; i++)
    {
      const TptLayoutStage *stage = &g_array_index (layout->stages, TptLayoutStage, i);

      if (stage->rect.width <= 0 || !tpt_rect_intersects (&stage->rect, clip))
        continue;
      fill_rect (cr, &stage->rect, &theme->stage_fill);
      draw_text_in (cr, &stage->title, &theme->stage_ink, clip);
      /* A hairline of paper between stages. */
      tpt_color_set_source (cr, &theme->paper);
      cairo_set_line_width (cr, 2);
      vline (cr, stage->rect.x, stage->rect.y, tpt_rect_bottom (&stage->rect));
      cairo_stroke (cr);
    }

  for (guint i = 0; i < layout->steps->len; i++)
    {
      const TptLayoutStep *step = &g_array_index (layout->steps, TptLayoutStep, i);

      if (!tpt_rect_intersects (&step->header, clip))
        continue;
      fill_rect (cr, &step->header, &theme->header_fill);
      draw_text_in (cr, &step->title, &theme->ink, clip);
      draw_text_in (cr, &step->duration, &theme->muted, clip);
    }
}

static void
draw_lanes (cairo_t                  *cr,
            const TptBlueprintLayout *layout,
            const TptTheme           *theme,
            const TptRect            *clip)
{
  const TptRect *grid = &layout->grid;

  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const TptLayoutLane *lane = &g_array_index (layout->lanes, TptLayoutLane, i);

      if (!tpt_rect_intersects (&lane->rect, clip))
        continue;
      fill_rect (cr, &lane->rect, &theme->lane_fill[lane->kind]);
      draw_text_in (cr, &lane->title, &theme->ink, clip);
      draw_text_in (cr, &lane->subtitle, &theme->muted, clip);
    }

  /* A collapsed stage's column is shaded: there is more there than is
   * shown. */
  for (guint i = 0; i < layout->steps->len; i++)
    {
      const TptLayoutStep *step = &g_array_index (layout->steps, TptLayoutStep, i);
      TptRect below = { step->column.x, grid->y, step->column.width, grid->height };

      if (step->collapsed != NULL && tpt_rect_intersects (&below, clip))
        {
          cairo_save (cr);
          tpt_color_set_source (cr, &theme->header_fill);
          cairo_rectangle (cr, below.x, below.y, below.width, below.height);
          cairo_clip (cr);
          cairo_paint_with_alpha (cr, 0.7);
          cairo_restore (cr);
        }
    }

  /* The grid: hairlines between steps, firmer ones between stages and
   * lanes and along the header column. */
  tpt_color_set_source (cr, &theme->grid);
  cairo_set_line_width (cr, 0.6);
  for (guint i = 1; i < layout->steps->len; i++)
    {
      const TptLayoutStep *step = &g_array_index (layout->steps, TptLayoutStep, i);

      if (step->column.x >= clip->x && step->column.x <= tpt_rect_right (clip))
        vline (cr, step->column.x, step->header.y, tpt_rect_bottom (&step->column));
    }
  cairo_stroke (cr);

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const TptLayoutLane *lane = &g_array_index (layout->lanes, TptLayoutLane, i);
      double y = tpt_rect_bottom (&lane->rect);

      if (y >= clip->y - 1 && y <= tpt_rect_bottom (clip) + 1)
        hline (cr, MAX (lane->rect.x, clip->x - 1),
               MIN (tpt_rect_right (&lane->rect), tpt_rect_right (clip) + 1), y);
    }
  if (layout->lanes->len > 0)
    vline (cr, grid->x, grid->y, tpt_rect_bottom (grid));
  cairo_stroke (cr);
}

static void
draw_offices (cairo_t                  *cr,
              const TptBlueprintLayout *layout,
              const TptTheme           *theme,
              const TptRect            *clip)
{
  for (guint i = 0; i < layout->offices->len; i++)
    {
      const TptLayoutOffice *office = &g_array_index (layout->offices, TptLayoutOffice, i);

      if (!tpt_rect_intersects (&office->rect, clip))
        continue;
      tpt_color_set_source (cr, &theme->office_fill[office->office]);
      rounded_rect (cr, &office->rect, 3);
      cairo_fill (cr);

      /* Read from bottom to top, as spines and vertical labels are. */
      cairo_save (cr);
      cairo_translate (cr, office->label.rect.x, office->label.rect.y);
      cairo_rotate (cr, -G_PI / 2);
      tpt_color_set_source (cr, &theme->office_ink);
      cairo_move_to (cr, 0, 0);
      tpt_text_show (cr, office->label.layout);
      cairo_restore (cr);
    }
}

static void
draw_lines (cairo_t                  *cr,
            const TptBlueprintLayout *layout,
            const TptTheme           *theme,
            const TptRect            *clip)
{
  for (guint i = 0; i < layout->lines->len; i++)
    {
      const TptLayoutLine *line = &g_array_index (layout->lines, TptLayoutLine, i);

      if (line->y >= clip->y - 2 && line->y <= tpt_rect_bottom (clip) + 2)
        {
          /* Dashes keep their phase: the line starts where it starts. */
          cairo_save (cr);
          set_line_style (cr, theme, line->kind);
          hline (cr, line->x0, line->x1, line->y);
          cairo_stroke (cr);
          cairo_restore (cr);
        }
      draw_text_in (cr, &line->label, line_color (theme, line->kind), clip);
    }
}

static void
draw_emotions (cairo_t                  *cr,
               const TptBlueprintLayout *layout,
               const TptTheme           *theme,
               const TptRect            *clip)
{
  static const double dashed[] = { 3, 3 };

  for (guint i = 0; i < layout->emotions->len; i++)
    {
      const TptLayoutEmotion *emotion = &g_array_index (layout->emotions, TptLayoutEmotion, i);
      const TptColor *color = emotion->has_color && theme->kind != TPT_THEME_PRINT
                              ? &emotion->color : &theme->emotion;
      const TptPoint *pts = (const TptPoint *) (gpointer) emotion->points->data;
      const TptPoint *ctl = (const TptPoint *) (gpointer) emotion->controls->data;
      double ys[3] = { emotion->plot.y, emotion->zero_y, tpt_rect_bottom (&emotion->plot) };

      if (!tpt_rect_intersects (&emotion->plot, clip))
        continue;

      cairo_save (cr);
      tpt_color_set_source (cr, &theme->emotion_zero);
      cairo_set_line_width (cr, 0.8);
      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
      hline (cr, emotion->plot.x + 20, tpt_rect_right (&emotion->plot), emotion->zero_y);
      cairo_stroke (cr);
      cairo_restore (cr);

      for (guint k = 0; k < G_N_ELEMENTS (ys); k++)
        {
          double h;

          tpt_text_layout_size (layout->emotion_scale[k], NULL, &h);
          tpt_color_set_source (cr, &theme->muted);
          cairo_move_to (cr, emotion->plot.x + 4, CLAMP (ys[k] - h / 2, emotion->plot.y - 6,
                                                         tpt_rect_bottom (&emotion->plot) + 6 - h));
          tpt_text_show (cr, layout->emotion_scale[k]);
        }

      if (emotion->points->len == 0)
        continue;
      cairo_move_to (cr, pts[0].x, pts[0].y);
      for (guint k = 1; k < emotion->points->len; k++)
        cairo_curve_to (cr, ctl[2 * k - 2].x, ctl[2 * k - 2].y, ctl[2 * k - 1].x,
                        ctl[2 * k - 1].y, pts[k].x, pts[k].y);
      tpt_color_set_source (cr, color);
      cairo_set_line_width (cr, 2.5);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke (cr);

      for (guint k = 0; k < emotion->points->len; k++)
        {
          cairo_new_sub_path (cr);
          cairo_arc (cr, pts[k].x, pts[k].y, 4, 0, 2 * G_PI);
          tpt_color_set_source (cr, color);
          cairo_fill_preserve (cr);
          tpt_color_set_source (cr, &theme->paper);
          cairo_set_line_width (cr, 1.5);
          cairo_stroke (cr);
        }
    }
}

static void
draw_badge (cairo_t                  *cr,
            const TptBlueprintLayout *layout,
            const TptTheme           *theme,
            TptCardKind               kind,
            const TptRect            *badge)
{
  gboolean fail = kind == TPT_CARD_KIND_FAIL;
  PangoLayout *letter = layout->badge_text[fail ? 0 : 1];
  double w, h;

  cairo_new_sub_path (cr);
  cairo_arc (cr, badge->x + badge->width / 2, badge->y + badge->height / 2,
             badge->width / 2, 0, 2 * G_PI);
  tpt_color_set_source (cr, fail ? &theme->badge_fail : &theme->badge_wait);
  cairo_fill_preserve (cr);
  tpt_color_set_source (cr, fail ? &theme->badge_fail_ink : &theme->badge_wait_ink);
  cairo_set_line_width (cr, 0.8);
  cairo_stroke (cr);

  tpt_text_layout_size (letter, &w, &h);
  cairo_move_to (cr, badge->x + (badge->width - w) / 2, badge->y + (badge->height - h) / 2);
  tpt_text_show (cr, letter);
}

/* The accent stripe down a card's left edge stops short of the rounded
 * corners, so it is one rectangle rather than a clip to the card, which in
 * PDF output would cost a clip group per card. */
static void
stripe_path (cairo_t       *cr,
             const TptRect *rect,
             gboolean       rtl)
{
  double r = MIN (TPT_LAYOUT_CORNER, rect->height / 2);

  cairo_rectangle (cr, rtl ? tpt_rect_right (rect) - TPT_LAYOUT_STRIPE : rect->x, rect->y + r,
                   TPT_LAYOUT_STRIPE, rect->height - 2 * r);
}

/* A card: a rounded box in its kind's fill, an accent stripe down its left
 * edge, a dashed border for notes, a heavier one for fail and pain points,
 * and (drawn by the caller) a lettered badge for fail and wait points. */
static void
draw_card_box (cairo_t        *cr,
               const TptTheme *theme,
               TptCardKind     kind,
               const TptRect  *rect)
{
  static const double dashed[] = { 3, 2 };
  gboolean strong = kind == TPT_CARD_KIND_FAIL || kind == TPT_CARD_KIND_PAIN;

  rounded_rect (cr, rect, TPT_LAYOUT_CORNER);
  tpt_color_set_source (cr, &theme->card_fill[kind]);
  cairo_fill_preserve (cr);

  if (kind == TPT_CARD_KIND_NOTE)
    cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);
  cairo_set_line_width (cr, strong && theme->kind == TPT_THEME_PRINT ? 1.6 : 0.8);
  tpt_color_set_source (cr, strong ? &theme->card_accent[kind] : &theme->card_border);
  cairo_stroke (cr);
  if (kind == TPT_CARD_KIND_NOTE)
    cairo_set_dash (cr, NULL, 0, 0);

  stripe_path (cr, rect, FALSE);
  tpt_color_set_source (cr, &theme->card_accent[kind]);
  cairo_fill (cr);
}

/* Cards are drawn kind by kind, each kind's boxes, borders and stripes as
 * one path each, then all texts: cards never overlap, so the picture is the
 * same as card by card, but a PDF of thousands of cards holds a few dozen
 * fill and stroke operations instead of tens of thousands. */
static void
draw_cards (cairo_t                  *cr,
            const TptBlueprintLayout *layout,
            const TptTheme           *theme,
            const TptRect            *clip)
{
  static const double dashed[] = { 3, 2 };
  void (*text) (cairo_t *, const TptLayoutText *, const TptColor *) =
    text_is_legible (cr) ? draw_text : greek_text;
  g_autofree guint8 *visible = g_new0 (guint8, MAX (layout->cards->len, 1));
  guint kinds_seen = 0;

  for (guint i = 0; i < layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, i);

      visible[i] = tpt_rect_intersects (&card->rect, clip);
      kinds_seen |= visible[i] << card->kind;
    }

  cairo_save (cr);
  for (guint kind = 0; kind < TPT_N_CARD_KINDS; kind++)
    {
      gboolean strong = kind == TPT_CARD_KIND_FAIL || kind == TPT_CARD_KIND_PAIN;

      if (!(kinds_seen & (1u << kind)))
        continue;

      for (guint i = 0; i < layout->cards->len; i++)
        {
          const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, i);

          if (visible[i] && card->kind == kind)
            rounded_rect (cr, &card->rect, TPT_LAYOUT_CORNER);
        }
      tpt_color_set_source (cr, &theme->card_fill[kind]);
      cairo_fill_preserve (cr);
      cairo_set_dash (cr, dashed, kind == TPT_CARD_KIND_NOTE ? G_N_ELEMENTS (dashed) : 0, 0);
      cairo_set_line_width (cr, strong && theme->kind == TPT_THEME_PRINT ? 1.6 : 0.8);
      tpt_color_set_source (cr, strong ? &theme->card_accent[kind] : &theme->card_border);
      cairo_stroke (cr);

      for (guint i = 0; i < layout->cards->len; i++)
        {
          const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, i);

          if (visible[i] && card->kind == kind)
            stripe_path (cr, &card->rect, card->rtl);
        }
      tpt_color_set_source (cr, &theme->card_accent[kind]);
      cairo_fill (cr);
    }
  cairo_restore (cr);

  for (guint i = 0; i < layout->cards->len; i++)
    if (visible[i])
      text (cr, &g_array_index (layout->cards, TptLayoutCard, i).text, &theme->card_ink);
  for (guint i = 0; i < layout->cards->len; i++)
    if (visible[i])
      text (cr, &g_array_index (layout->cards, TptLayoutCard, i).meta, &theme->card_muted);

  for (guint i = 0; i < layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, i);

      if (visible[i] && card->badge.width > 0)
        draw_badge (cr, layout, theme, card->kind, &card->badge);
    }

  /* A metric's status: its word in a pill of the status's colour, outlined
   * so that a white pill still shows on paper. */
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, i);

      if (!visible[i] || card->kpi_word.layout == NULL)
        continue;
      rounded_rect (cr, &card->kpi_pill, card->kpi_pill.height / 2);
      tpt_color_set_source (cr, &theme->kpi_fill[card->kpi_status]);
      cairo_fill_preserve (cr);
      cairo_set_line_width (cr, 0.6);
      tpt_color_set_source (cr, card->kpi_status == TPT_KPI_UNKNOWN ? &theme->card_border
                                                                     : &theme->card_ink);
      cairo_stroke (cr);
      text (cr, &card->kpi_word, &theme->kpi_ink[card->kpi_status]);
      text (cr, &card->kpi_detail, &theme->card_muted);
    }
}

static void
arrow_path (cairo_t        *cr,
            const TptPoint *from,
            const TptPoint *tip)
{
  double dx = tip->x - from->x, dy = tip->y - from->y;
  double len = hypot (dx, dy);
  double ux, uy;

  if (len < 1e-6)
    return;
  ux = dx / len;
  uy = dy / len;
  cairo_move_to (cr, tip->x, tip->y);
  cairo_line_to (cr, tip->x - 8 * ux + 3.6 * uy, tip->y - 8 * uy - 3.6 * ux);
  cairo_line_to (cr, tip->x - 8 * ux - 3.6 * uy, tip->y - 8 * uy + 3.6 * ux);
  cairo_close_path (cr);
}

static void
polyline_path (cairo_t        *cr,
               const TptPoint *pts,
               guint           n)
{
  cairo_move_to (cr, pts[0].x, pts[0].y);
  for (guint k = 1; k < n; k++)
    cairo_line_to (cr, pts[k].x, pts[k].y);
}

static void
arrows_path (cairo_t        *cr,
             const TptPoint *pts,
             guint           n,
             TptArrow        arrow)
{
  arrow_path (cr, &pts[n - 2], &pts[n - 1]);
  if (arrow == TPT_ARROW_DOUBLE)
    arrow_path (cr, &pts[1], &pts[0]);
}

static void
draw_polyline (cairo_t        *cr,
               const TptPoint *pts,
               guint           n,
               TptArrow        arrow)
{
  if (n < 2)
    return;
  polyline_path (cr, pts, n);
  cairo_stroke (cr);
  arrows_path (cr, pts, n, arrow);
  cairo_fill (cr);
}

static gboolean
flow_visible (const TptLayoutFlow *flow,
              const TptRect       *clip)
{
  const TptPoint *pts = (const TptPoint *) (gpointer) flow->points->data;
  double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
  TptRect box;

  if (flow->points->len < 2)
    return FALSE;
  for (guint k = 0; k < flow->points->len; k++)
    {
      x0 = MIN (x0, pts[k].x);
      y0 = MIN (y0, pts[k].y);
      x1 = MAX (x1, pts[k].x);
      y1 = MAX (y1, pts[k].y);
    }
  box = (TptRect) { x0 - 8, y0 - 8, x1 - x0 + 16, y1 - y0 + 16 };
  return tpt_rect_intersects (&box, clip);
}

/* All lines in one stroke and all heads in one fill, for the same reason
 * as the cards. */
static void
draw_flows (cairo_t                  *cr,
            const TptBlueprintLayout *layout,
            const TptTheme           *theme,
            const TptRect            *clip)
{
  tpt_color_set_source (cr, &theme->flow);
  cairo_set_line_width (cr, 1.1);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < layout->flows->len; i++)
    {
      const TptLayoutFlow *flow = &g_array_index (layout->flows, TptLayoutFlow, i);

      if (flow_visible (flow, clip))
        polyline_path (cr, (const TptPoint *) (gpointer) flow->points->data, flow->points->len);
    }
  cairo_stroke (cr);

  for (guint i = 0; i < layout->flows->len; i++)
    {
      const TptLayoutFlow *flow = &g_array_index (layout->flows, TptLayoutFlow, i);

      if (flow_visible (flow, clip))
        arrows_path (cr, (const TptPoint *) (gpointer) flow->points->data, flow->points->len,
                     flow->arrow);
    }
  cairo_fill (cr);
}

static void
draw_legend (cairo_t                  *cr,
             const TptBlueprintLayout *layout,
             const TptTheme           *theme,
             const TptRect            *clip)
{
  TptRect all = { layout->legend_rect.x - 4, layout->legend_rect.y - 4,
                  layout->legend_rect.width + 8, layout->legend_rect.height + 8 };

  if (!tpt_rect_intersects (&all, clip))
    return;

  for (guint i = 0; i < layout->legend->len; i++)
    {
      const TptLayoutLegendItem *item = &g_array_index (layout->legend, TptLayoutLegendItem, i);
      const TptRect *s = &item->swatch;
      double cy = s->y + s->height / 2;

      switch (item->kind)
        {
        case TPT_LEGEND_CARD:
          draw_card_box (cr, theme, item->value, s);
          if (item->value == TPT_CARD_KIND_FAIL || item->value == TPT_CARD_KIND_WAIT)
            {
              TptRect badge = { s->x + s->width - 12, s->y + 1, 12, 12 };

              draw_badge (cr, layout, theme, item->value, &badge);
            }
          break;

        case TPT_LEGEND_FLOW:
          {
            TptPoint pts[2] = { { s->x + 1, cy }, { s->x + s->width - 1, cy } };

            tpt_color_set_source (cr, &theme->flow);
            cairo_set_line_width (cr, 1.1);
            draw_polyline (cr, pts, 2, item->value);
          }
          break;

        case TPT_LEGEND_LINE:
          cairo_save (cr);
          set_line_style (cr, theme, item->value);
          hline (cr, s->x, s->x + s->width, cy);
          cairo_stroke (cr);
          cairo_restore (cr);
          break;

        case TPT_LEGEND_NOTE:
          tpt_color_set_source (cr, &theme->muted);
          cairo_move_to (cr, item->label.rect.x, item->label.rect.y);
          tpt_text_show (cr, item->label.layout);
          continue;

        case TPT_LEGEND_EMOTION:
        default:
          tpt_color_set_source (cr, &theme->emotion);
          cairo_set_line_width (cr, 2.2);
          cairo_move_to (cr, s->x, cy + 4);
          cairo_curve_to (cr, s->x + s->width / 3, cy - 10, s->x + 2 * s->width / 3, cy + 10,
                          s->x + s->width, cy - 4);
          cairo_stroke (cr);
          break;
        }

      draw_text (cr, &item->label, &theme->ink);
    }
}

/**
 * tpt_blueprint_render:
 * @cr: where to draw, in layout coordinates (points)
 * @layout: the geometry to draw
 * @theme: the colours
 *
 * Draws @layout. Only what intersects the clip of @cr is drawn, so a canvas
 * that clips to its visible area pays for what is visible.
 */
void
tpt_blueprint_render (cairo_t                  *cr,
                      const TptBlueprintLayout *layout,
                      const TptTheme           *theme)
{
  double x1, y1, x2, y2;
  TptRect clip;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (theme != NULL);

  cairo_clip_extents (cr, &x1, &y1, &x2, &y2);
  clip = (TptRect) { x1, y1, x2 - x1, y2 - y1 };

  cairo_save (cr);
  if (!tpt_theme_get_no_paper (cr))
    fill_rect (cr, &layout->bounds, &theme->paper);
  draw_text_in (cr, &layout->title, &theme->ink, &clip);
  draw_text_in (cr, &layout->subtitle, &theme->muted, &clip);
  draw_headers (cr, layout, theme, &clip);
  draw_lanes (cr, layout, theme, &clip);
  draw_offices (cr, layout, theme, &clip);
  draw_emotions (cr, layout, theme, &clip);
  draw_lines (cr, layout, theme, &clip);
  draw_cards (cr, layout, theme, &clip);
  draw_flows (cr, layout, theme, &clip);
  draw_legend (cr, layout, theme, &clip);
  cairo_restore (cr);
}
