/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-svg-writer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-svg-writer.h"
#include "tpt-blueprint-layout-private.h"
#include "tpt-notation.h"
#include "tpt-text.h"

#include <cairo-svg.h>
#include <math.h>
#include <pango/pangocairo.h>

/* SVG that drawing programs can work with: text as <text> in a named
 * font, not glyph outlines, so it stays editable, searchable and light
 * (cairo's SVG surface writes every glyph as a path). A blueprint is
 * written element by element, a <g id> for each lane, stage, step, card
 * and flow; the other artefacts are drawn by cairo with their text taken
 * out and written as text on top. */

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

typedef struct
{
  GString    *out;
  GHashTable *missing;
} Svg;

static void
num (GString *out,
     double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", fabs (value) < 0.005 ? 0 : value);
  /* 12.50 → 12.5, 3.00 → 3 */
  if (strchr (buffer, '.') != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }
  g_string_append (out, buffer);
}

static void
attr_num (GString    *out,
          const char *name,
          double      value)
{
  g_string_append_printf (out, " %s=\"", name);
  num (out, value);
  g_string_append_c (out, '"');
}

static void
color (GString        *out,
       const char     *name,
       const TptColor *c)
{
  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", name,
                          (guint) lround (CLAMP (c->red, 0, 1) * 255),
                          (guint) lround (CLAMP (c->green, 0, 1) * 255),
                          (guint) lround (CLAMP (c->blue, 0, 1) * 255));
}

static void
escaped (GString    *out,
         const char *text,
         gssize      length)
{
  g_autofree char *valid = g_utf8_make_valid (text, length);
  g_autofree char *markup = g_markup_escape_text (valid, -1);

  g_string_append (out, markup);
}

static void
id_attr (GString    *out,
         const char *prefix,
         TptNode    *node)
{
  g_string_append_printf (out, " id=\"%s-", prefix);
  escaped (out, tpt_node_get_id (node), -1);
  g_string_append_c (out, '"');
}

/* The families a layout asks for and the one fontconfig found, so that a
 * reader without the first has the next. */
static char *
font_family (PangoLayout *layout)
{
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  const char *asked = desc != NULL ? pango_font_description_get_family (desc) : NULL;
  g_autoptr(GString) families = g_string_new (NULL);
  PangoLayoutLine *line = pango_layout_get_line_readonly (layout, 0);

  if (asked != NULL)
    {
      g_auto(GStrv) names = g_strsplit (asked, ",", -1);

      for (guint i = 0; names[i] != NULL; i++)
        {
          const char *name = g_strstrip (names[i]);

          if (g_ascii_strcasecmp (name, "Sans") == 0)
            continue;
          g_string_append_printf (families, "%s'%s'", families->len > 0 ? ", " : "", name);
        }
    }
  if (line != NULL && line->runs != NULL)
    {
      PangoLayoutRun *run = line->runs->data;
      PangoFontDescription *used = pango_font_describe (run->item->analysis.font);
      const char *family = pango_font_description_get_family (used);

      if (family != NULL && strstr (families->str, family) == NULL)
        g_string_append_printf (families, "%s'%s'", families->len > 0 ? ", " : "", family);
      pango_font_description_free (used);
    }
  g_string_append_printf (families, "%ssans-serif", families->len > 0 ? ", " : "");
  return g_strdup (families->str);
}

/* A single ellipsized line's text as shown: the longest start that fits
 * with "…". */
static char *
ellipsized_text (PangoLayout *layout,
                 const char  *text,
                 int          length)
{
  g_autoptr(PangoLayout) probe = pango_layout_copy (layout);
  int width = pango_layout_get_width (layout);
  const char *end = text + length;

  pango_layout_set_ellipsize (probe, PANGO_ELLIPSIZE_NONE);
  pango_layout_set_width (probe, -1);
  while (end > text)
    {
      g_autofree char *candidate = NULL;
      int w;

      end = g_utf8_find_prev_char (text, end);
      if (end == NULL)
        break;
      candidate = g_strdup_printf ("%.*s…", (int) (end - text), text);
      pango_layout_set_text (probe, candidate, -1);
      pango_layout_get_size (probe, &w, NULL);
      if (w <= width)
        return g_steal_pointer (&candidate);
    }
  return g_strdup ("…");
}

/* Writes @layout as a <text> with a <tspan> a line, its top left corner
 * at (@x, @y), in @fill; @transform rotates or scales it. */
static void
text (Svg            *svg,
      PangoLayout    *layout,
      double          x,
      double          y,
      const TptColor *fill,
      double          alpha,
      const char     *transform)
{
  const char *all = pango_layout_get_text (layout);
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  g_autofree char *family = NULL;
  PangoLayoutIter *iter;
  GString *out = svg->out;

  if (all == NULL || *all == '\0')
    return;
  if (svg->missing != NULL)
    tpt_text_collect_missing (layout, svg->missing);

  family = font_family (layout);
  g_string_append (out, "<text");
  if (transform != NULL)
    g_string_append_printf (out, " transform=\"%s\"", transform);
  g_string_append_printf (out, " font-family=\"%s\"", family);
  if (desc != NULL)
    {
      attr_num (out, "font-size", (double) pango_font_description_get_size (desc) / PANGO_SCALE);
      if (pango_font_description_get_weight (desc) >= PANGO_WEIGHT_BOLD)
        g_string_append (out, " font-weight=\"bold\"");
      if (pango_font_description_get_style (desc) == PANGO_STYLE_ITALIC)
        g_string_append (out, " font-style=\"italic\"");
    }
  color (out, "fill", fill);
  if (alpha < 1)
    attr_num (out, "fill-opacity", alpha);
  if (pango_layout_get_direction (layout, 0) == PANGO_DIRECTION_RTL)
    g_string_append (out, " direction=\"rtl\"");
  g_string_append_c (out, '>');

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      const char *start = all + line->start_index;
      int length = line->length;
      gboolean rtl = line->resolved_dir == PANGO_DIRECTION_RTL;

      /* Line breaks are not drawn. */
      while (length > 0 && (start[length - 1] == '\n' || start[length - 1] == '\r'))
        length--;
      if (length == 0)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      g_string_append (out, "<tspan");
      attr_num (out, "x", x + (double) (rtl ? logical.x + logical.width : logical.x) / PANGO_SCALE);
      attr_num (out, "y", y + baseline);
      if (rtl)
        g_string_append (out, " text-anchor=\"end\"");
      g_string_append_c (out, '>');
      if (pango_layout_is_ellipsized (layout) && pango_layout_get_line_count (layout) == 1)
        {
          g_autofree char *shown = ellipsized_text (layout, start, length);

          escaped (out, shown, -1);
        }
      else
        escaped (out, start, length);
      g_string_append (out, "</tspan>");
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_string_append (out, "</text>\n");
}

static void
layout_text (Svg                 *svg,
             const TptLayoutText *t,
             const TptColor      *fill)
{
  if (t->layout != NULL)
    text (svg, t->layout, t->rect.x, t->rect.y, fill, 1, NULL);
}

static void
rect (GString        *out,
      const TptRect  *r,
      double          radius,
      const TptColor *fill,
      const TptColor *stroke,
      double          stroke_width,
      const char     *dash)
{
  g_string_append (out, "<rect");
  attr_num (out, "x", r->x);
  attr_num (out, "y", r->y);
  attr_num (out, "width", MAX (r->width, 0));
  attr_num (out, "height", MAX (r->height, 0));
  if (radius > 0)
    attr_num (out, "rx", MIN (radius, MIN (r->width, r->height) / 2));
  if (fill != NULL)
    color (out, "fill", fill);
  else
    g_string_append (out, " fill=\"none\"");
  if (stroke != NULL)
    {
      color (out, "stroke", stroke);
      attr_num (out, "stroke-width", stroke_width);
      if (dash != NULL)
        g_string_append_printf (out, " stroke-dasharray=\"%s\"", dash);
    }
  g_string_append (out, "/>\n");
}

static void
line_path (GString        *out,
           double          x0,
           double          y0,
           double          x1,
           double          y1,
           const TptColor *stroke,
           double          width,
           const char     *extra)
{
  g_string_append (out, "<path d=\"M");
  num (out, x0);
  g_string_append_c (out, ' ');
  num (out, y0);
  g_string_append (out, " L");
  num (out, x1);
  g_string_append_c (out, ' ');
  num (out, y1);
  g_string_append_c (out, '"');
  color (out, "stroke", stroke);
  attr_num (out, "stroke-width", width);
  if (extra != NULL)
    g_string_append_printf (out, " %s", extra);
  g_string_append (out, "/>\n");
}

static const char *
line_dash (TptLineKind kind)
{
  return kind == TPT_LINE_INTERACTION ? ""
       : kind == TPT_LINE_VISIBILITY ? "stroke-dasharray=\"7 3.5\""
       : "stroke-dasharray=\"0.1 3.2\" stroke-linecap=\"round\"";
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
card_box (GString        *out,
          const TptTheme *theme,
          TptCardKind     kind,
          const TptRect  *r,
          gboolean        rtl)
{
  gboolean strong = kind == TPT_CARD_KIND_FAIL || kind == TPT_CARD_KIND_PAIN;
  double radius = MIN (TPT_LAYOUT_CORNER, r->height / 2);
  TptRect stripe = { rtl ? tpt_rect_right (r) - TPT_LAYOUT_STRIPE : r->x, r->y + radius,
                     TPT_LAYOUT_STRIPE, r->height - 2 * radius };

  rect (out, r, TPT_LAYOUT_CORNER, &theme->card_fill[kind],
        strong ? &theme->card_accent[kind] : &theme->card_border,
        strong && theme->kind == TPT_THEME_PRINT ? 1.6 : 0.8,
        kind == TPT_CARD_KIND_NOTE ? "3 2" : NULL);
  rect (out, &stripe, 0, &theme->card_accent[kind], NULL, 0, NULL);
}

static void
badge (Svg                      *svg,
       const TptBlueprintLayout *layout,
       const TptTheme           *theme,
       TptCardKind               kind,
       const TptRect            *b)
{
  gboolean fail = kind == TPT_CARD_KIND_FAIL;
  PangoLayout *letter = layout->badge_text[fail ? 0 : 1];
  double w, h;

  g_string_append (svg->out, "<circle");
  attr_num (svg->out, "cx", b->x + b->width / 2);
  attr_num (svg->out, "cy", b->y + b->height / 2);
  attr_num (svg->out, "r", b->width / 2);
  color (svg->out, "fill", fail ? &theme->badge_fail : &theme->badge_wait);
  color (svg->out, "stroke", fail ? &theme->badge_fail_ink : &theme->badge_wait_ink);
  g_string_append (svg->out, " stroke-width=\"0.8\"/>\n");
  tpt_text_layout_size (letter, &w, &h);
  text (svg, letter, b->x + (b->width - w) / 2, b->y + (b->height - h) / 2,
        fail ? &theme->badge_fail_ink : &theme->badge_wait_ink, 1, NULL);
}

static void
arrow_head (GString        *out,
            const TptPoint *from,
            const TptPoint *tip)
{
  double dx = tip->x - from->x, dy = tip->y - from->y;
  double len = hypot (dx, dy), ux, uy;

  if (len < 1e-6)
    return;
  ux = dx / len;
  uy = dy / len;
  g_string_append (out, " M");
  num (out, tip->x);
  g_string_append_c (out, ' ');
  num (out, tip->y);
  g_string_append (out, " L");
  num (out, tip->x - 8 * ux + 3.6 * uy);
  g_string_append_c (out, ' ');
  num (out, tip->y - 8 * uy - 3.6 * ux);
  g_string_append (out, " L");
  num (out, tip->x - 8 * ux - 3.6 * uy);
  g_string_append_c (out, ' ');
  num (out, tip->y - 8 * uy + 3.6 * ux);
  g_string_append (out, " Z");
}

static void
polyline (GString        *out,
          const TptPoint *pts,
          guint           n,
          TptArrow        arrow,
          const TptColor *ink)
{
  if (n < 2)
    return;
  g_string_append (out, "<path d=\"");
  for (guint k = 0; k < n; k++)
    {
      g_string_append (out, k == 0 ? "M" : " L");
      num (out, pts[k].x);
      g_string_append_c (out, ' ');
      num (out, pts[k].y);
    }
  g_string_append_c (out, '"');
  color (out, "stroke", ink);
  g_string_append (out, " stroke-width=\"1.1\" stroke-linejoin=\"round\" fill=\"none\"/>\n");
  g_string_append (out, "<path d=\"");
  arrow_head (out, &pts[n - 2], &pts[n - 1]);
  if (arrow == TPT_ARROW_DOUBLE)
    arrow_head (out, &pts[1], &pts[0]);
  g_string_append_c (out, '"');
  color (out, "fill", ink);
  g_string_append (out, "/>\n");
}

static void
write_blueprint (Svg                      *svg,
                 const TptBlueprintLayout *layout,
                 const TptTheme           *theme)
{
  GString *out = svg->out;

  rect (out, &layout->bounds, 0, &theme->paper, NULL, 0, NULL);
  g_string_append (out, "<g id=\"heading\">\n");
  layout_text (svg, &layout->title, &theme->ink);
  layout_text (svg, &layout->subtitle, &theme->muted);
  g_string_append (out, "</g>\n<g id=\"stages\">\n");
  for (guint i = 0; i < layout->stages->len; i++)
    {
      const TptLayoutStage *stage = &g_array_index (layout->stages, TptLayoutStage, i);

      if (stage->rect.width <= 0)
        continue;
      g_string_append (out, "<g");
      id_attr (out, "stage", TPT_NODE (stage->stage));
      g_string_append (out, ">\n");
      rect (out, &stage->rect, 0, &theme->stage_fill, NULL, 0, NULL);
      line_path (out, stage->rect.x, stage->rect.y, stage->rect.x, tpt_rect_bottom (&stage->rect),
                 &theme->paper, 2, NULL);
      layout_text (svg, &stage->title, &theme->stage_ink);
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n<g id=\"steps\">\n");
  for (guint i = 0; i < layout->steps->len; i++)
    {
      const TptLayoutStep *step = &g_array_index (layout->steps, TptLayoutStep, i);

      g_string_append (out, "<g");
      if (step->step != NULL)
        id_attr (out, "step", TPT_NODE (step->step));
      g_string_append (out, ">\n");
      rect (out, &step->header, 0, &theme->header_fill, NULL, 0, NULL);
      layout_text (svg, &step->title, &theme->ink);
      layout_text (svg, &step->duration, &theme->muted);
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n<g id=\"lanes\">\n");
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const TptLayoutLane *lane = &g_array_index (layout->lanes, TptLayoutLane, i);

      g_string_append (out, "<g");
      id_attr (out, "lane", TPT_NODE (lane->lane));
      g_string_append (out, ">\n");
      rect (out, &lane->rect, 0, &theme->lane_fill[lane->kind], NULL, 0, NULL);
      layout_text (svg, &lane->title, &theme->ink);
      layout_text (svg, &lane->subtitle, &theme->muted);
      line_path (out, lane->rect.x, tpt_rect_bottom (&lane->rect), tpt_rect_right (&lane->rect),
                 tpt_rect_bottom (&lane->rect), &theme->grid, 1, NULL);
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n<g id=\"grid\">\n");
  for (guint i = 1; i < layout->steps->len; i++)
    {
      const TptLayoutStep *step = &g_array_index (layout->steps, TptLayoutStep, i);

      line_path (out, step->column.x, step->header.y, step->column.x,
                 tpt_rect_bottom (&step->column), &theme->grid, 0.6, NULL);
    }
  if (layout->lanes->len > 0)
    line_path (out, layout->grid.x, layout->grid.y, layout->grid.x,
               tpt_rect_bottom (&layout->grid), &theme->grid, 1, NULL);
  g_string_append (out, "</g>\n<g id=\"offices\">\n");
  for (guint i = 0; i < layout->offices->len; i++)
    {
      const TptLayoutOffice *office = &g_array_index (layout->offices, TptLayoutOffice, i);
      g_autoptr(GString) turn = g_string_new ("translate(");

      rect (out, &office->rect, 3, &theme->office_fill[office->office], NULL, 0, NULL);
      num (turn, office->label.rect.x);
      g_string_append_c (turn, ' ');
      num (turn, office->label.rect.y);
      g_string_append (turn, ") rotate(-90)");
      text (svg, office->label.layout, 0, 0, &theme->office_ink, 1, turn->str);
    }
  g_string_append (out, "</g>\n<g id=\"emotions\">\n");
  for (guint i = 0; i < layout->emotions->len; i++)
    {
      const TptLayoutEmotion *emotion = &g_array_index (layout->emotions, TptLayoutEmotion, i);
      const TptLayoutLane *lane = &g_array_index (layout->lanes, TptLayoutLane, emotion->lane);
      const TptColor *ink = emotion->has_color && theme->kind != TPT_THEME_PRINT
                            ? &emotion->color : &theme->emotion;
      const TptPoint *pts = (const TptPoint *) (gpointer) emotion->points->data;
      const TptPoint *ctl = (const TptPoint *) (gpointer) emotion->controls->data;
      double ys[3] = { emotion->plot.y, emotion->zero_y, tpt_rect_bottom (&emotion->plot) };

      g_string_append (out, "<g");
      id_attr (out, "emotion", TPT_NODE (lane->lane));
      g_string_append (out, ">\n");
      line_path (out, emotion->plot.x + 20, emotion->zero_y, tpt_rect_right (&emotion->plot),
                 emotion->zero_y, &theme->emotion_zero, 0.8, "stroke-dasharray=\"3 3\"");
      for (guint k = 0; k < G_N_ELEMENTS (ys); k++)
        {
          double h;

          tpt_text_layout_size (layout->emotion_scale[k], NULL, &h);
          text (svg, layout->emotion_scale[k], emotion->plot.x + 4,
                CLAMP (ys[k] - h / 2, emotion->plot.y - 6, tpt_rect_bottom (&emotion->plot) + 6 - h),
                &theme->muted, 1, NULL);
        }
      if (emotion->points->len > 0)
        {
          g_string_append (out, "<path d=\"M");
          num (out, pts[0].x);
          g_string_append_c (out, ' ');
          num (out, pts[0].y);
          for (guint k = 1; k < emotion->points->len; k++)
            {
              g_string_append (out, " C");
              num (out, ctl[2 * k - 2].x);
              g_string_append_c (out, ' ');
              num (out, ctl[2 * k - 2].y);
              g_string_append_c (out, ' ');
              num (out, ctl[2 * k - 1].x);
              g_string_append_c (out, ' ');
              num (out, ctl[2 * k - 1].y);
              g_string_append_c (out, ' ');
              num (out, pts[k].x);
              g_string_append_c (out, ' ');
              num (out, pts[k].y);
            }
          g_string_append_c (out, '"');
          color (out, "stroke", ink);
          g_string_append (out, " stroke-width=\"2.5\" stroke-linejoin=\"round\" fill=\"none\"/>\n");
          for (guint k = 0; k < emotion->points->len; k++)
            {
              g_string_append (out, "<circle");
              attr_num (out, "cx", pts[k].x);
              attr_num (out, "cy", pts[k].y);
              g_string_append (out, " r=\"4\"");
              color (out, "fill", ink);
              color (out, "stroke", &theme->paper);
              g_string_append (out, " stroke-width=\"1.5\"/>\n");
            }
        }
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n<g id=\"lines\">\n");
  for (guint i = 0; i < layout->lines->len; i++)
    {
      const TptLayoutLine *line = &g_array_index (layout->lines, TptLayoutLine, i);
      static const char * const names[] = { "interaction", "visibility", "internal" };

      g_string_append_printf (out, "<g id=\"line-%s\">\n", names[MIN (line->kind, 2)]);
      line_path (out, line->x0, line->y, line->x1, line->y, line_color (theme, line->kind),
                 line->kind == TPT_LINE_INTERNAL ? 2.0 : 1.6, line_dash (line->kind));
      layout_text (svg, &line->label, line_color (theme, line->kind));
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n<g id=\"cards\">\n");
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, i);

      g_string_append (out, "<g");
      id_attr (out, "card", TPT_NODE (card->card));
      g_string_append (out, ">\n");
      card_box (out, theme, card->kind, &card->rect, card->rtl);
      layout_text (svg, &card->text, &theme->card_ink);
      layout_text (svg, &card->meta, &theme->card_muted);
      if (card->badge.width > 0)
        badge (svg, layout, theme, card->kind, &card->badge);
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n<g id=\"flows\">\n");
  for (guint i = 0; i < layout->flows->len; i++)
    {
      const TptLayoutFlow *flow = &g_array_index (layout->flows, TptLayoutFlow, i);

      g_string_append (out, "<g");
      id_attr (out, "flow", TPT_NODE (flow->flow));
      g_string_append (out, ">\n");
      polyline (out, (const TptPoint *) (gpointer) flow->points->data, flow->points->len,
                flow->arrow, &theme->flow);
      g_string_append (out, "</g>\n");
    }
  g_string_append (out, "</g>\n<g id=\"legend\">\n");
  for (guint i = 0; i < layout->legend->len; i++)
    {
      const TptLayoutLegendItem *item = &g_array_index (layout->legend, TptLayoutLegendItem, i);
      const TptRect *s = &item->swatch;
      double cy = s->y + s->height / 2;

      switch (item->kind)
        {
        case TPT_LEGEND_CARD:
          card_box (out, theme, item->value, s, FALSE);
          if (item->value == TPT_CARD_KIND_FAIL || item->value == TPT_CARD_KIND_WAIT)
            badge (svg, layout, theme, item->value,
                   &(TptRect) { s->x + s->width - 12, s->y + 1, 12, 12 });
          break;
        case TPT_LEGEND_FLOW:
          polyline (out, (TptPoint[]) { { s->x + 1, cy }, { s->x + s->width - 1, cy } }, 2,
                    item->value, &theme->flow);
          break;
        case TPT_LEGEND_LINE:
          line_path (out, s->x, cy, s->x + s->width, cy, line_color (theme, item->value),
                     item->value == TPT_LINE_INTERNAL ? 2.0 : 1.6, line_dash (item->value));
          break;
        case TPT_LEGEND_NOTE:
          layout_text (svg, &item->label, &theme->muted);
          continue;
        case TPT_LEGEND_EMOTION:
        default:
          g_string_append (out, "<path d=\"M");
          num (out, s->x);
          g_string_append_c (out, ' ');
          num (out, cy + 4);
          g_string_append (out, " C");
          num (out, s->x + s->width / 3);
          g_string_append_c (out, ' ');
          num (out, cy - 10);
          g_string_append_c (out, ' ');
          num (out, s->x + 2 * s->width / 3);
          g_string_append_c (out, ' ');
          num (out, cy + 10);
          g_string_append_c (out, ' ');
          num (out, s->x + s->width);
          g_string_append_c (out, ' ');
          num (out, cy - 4);
          g_string_append_c (out, '"');
          color (out, "stroke", &theme->emotion);
          g_string_append (out, " stroke-width=\"2.2\" fill=\"none\"/>\n");
          break;
        }
      layout_text (svg, &item->label, &theme->ink);
    }
  g_string_append (out, "</g>\n");
}

/* Text the other artefacts draw, taken from cairo and written as text. */
static void
text_sink_cb (cairo_t     *cr,
              PangoLayout *layout,
              gpointer     data)
{
  Svg *svg = data;
  cairo_matrix_t m;
  double x = 0, y = 0, r = 0, g = 0, b = 0, a = 1;
  g_autoptr(GString) transform = g_string_new ("matrix(");
  TptColor fill;

  cairo_get_current_point (cr, &x, &y);
  cairo_get_matrix (cr, &m);
  cairo_pattern_get_rgba (cairo_get_source (cr), &r, &g, &b, &a);
  fill = (TptColor) { r, g, b };
  num (transform, m.xx);
  g_string_append_c (transform, ' ');
  num (transform, m.yx);
  g_string_append_c (transform, ' ');
  num (transform, m.xy);
  g_string_append_c (transform, ' ');
  num (transform, m.yy);
  g_string_append_c (transform, ' ');
  num (transform, m.x0);
  g_string_append_c (transform, ' ');
  num (transform, m.y0);
  g_string_append_c (transform, ')');
  text (svg, layout, x, y, &fill, a, transform->str);
}

static cairo_status_t
buffer_write_cb (void                *closure,
                 const unsigned char *data,
                 unsigned int         length)
{
  g_string_append_len (closure, (const char *) data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Cairo draws everything but the text, which goes on top as text. */
static gboolean
write_drawn (Svg                 *svg,
             TptArtefactDrawing  *drawing,
             const TptTheme      *theme,
             const char          *title)
{
  g_autoptr(GString) shapes = g_string_new (NULL);
  g_autoptr(GString) texts = g_string_new (NULL);
  Svg text_svg = { texts, svg->missing };
  const char *open, *close;

  {
    g_autoptr(cairo_surface_t) surface =
      cairo_svg_surface_create_for_stream (buffer_write_cb, shapes, ceil (drawing->bounds.width),
                                           ceil (drawing->bounds.height));
    g_autoptr(cairo_t) cr = NULL;

    cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
    cr = cairo_create (surface);
    tpt_text_set_sink (cr, text_sink_cb, &text_svg);
    tpt_color_set_source (cr, &theme->paper);
    cairo_paint (cr);
    tpt_artefact_drawing_render (drawing, cr, theme);
    g_clear_pointer (&cr, cairo_destroy);
    cairo_surface_finish (surface);
    if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
      return FALSE;
  }

  open = strstr (shapes->str, "<svg");
  open = open != NULL ? strchr (open, '>') : NULL;
  close = g_strrstr (shapes->str, "</svg>");
  if (open == NULL || close == NULL || close < open)
    return FALSE;
  g_string_append_len (svg->out, shapes->str, open + 1 - shapes->str);
  g_string_append (svg->out, "\n<title>");
  escaped (svg->out, title, -1);
  g_string_append (svg->out, "</title>\n");
  g_string_append_len (svg->out, open + 1, close - open - 1);
  g_string_append (svg->out, "<g id=\"text\">\n");
  g_string_append_len (svg->out, texts->str, texts->len);
  g_string_append (svg->out, "</g>\n</svg>\n");
  return TRUE;
}

/**
 * tpt_svg_write:
 * @drawing: the artefact
 * @theme: the colours
 * @stream: where to write
 * @missing: (nullable): gets the characters no installed font can draw
 * @cancellable: (nullable): a cancellable
 * @error: the place for an error
 *
 * Writes @drawing as SVG at its own size in points, with a <title>, its
 * text as <text> and <tspan> elements in a named font, and for a
 * blueprint a <g> with an id for each stage, step, lane, card and flow
 * ("card-c12").
 *
 * Returns: %TRUE on success
 */
gboolean
tpt_svg_write (TptArtefactDrawing  *drawing,
               const TptTheme      *theme,
               GOutputStream       *stream,
               GHashTable          *missing,
               GCancellable        *cancellable,
               GError             **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = NULL;
  Svg svg = { out, missing };

  g_return_val_if_fail (drawing != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  title = tpt_artefact_drawing_dup_title (drawing);
  if (drawing->kind == TPT_ARTEFACT_BLUEPRINT && drawing->layout != NULL)
    {
      const TptRect *b = &drawing->layout->bounds;

      g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
      g_string_append_printf (out, " width=\"%dpt\" height=\"%dpt\" viewBox=\"0 0 %d %d\">\n",
                              (int) ceil (b->width), (int) ceil (b->height),
                              (int) ceil (b->width), (int) ceil (b->height));
      g_string_append (out, "<title>");
      escaped (out, title, -1);
      g_string_append (out, "</title>\n");
      write_blueprint (&svg, drawing->layout, theme);
      g_string_append (out, "</svg>\n");
    }
  else if (!write_drawn (&svg, drawing, theme, title))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Drawing the SVG failed"));
      return FALSE;
    }

  return g_output_stream_write_all (stream, out->str, out->len, NULL, cancellable, error);
}
