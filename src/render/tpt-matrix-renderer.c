/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-matrix-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-matrix-renderer.h"

#include "tpt-link.h"
#include "tpt-paginate.h"
#include "tpt-card.h"
#include "tpt-coverage.h"
#include "tpt-lane.h"
#include "tpt-need.h"
#include "tpt-notation.h"
#include "tpt-persona.h"
#include "tpt-rating.h"
#include "tpt-text.h"

#include <math.h>
#include <pango/pangocairo.h>

#define MARGIN      36.0
#define NEED_W      210.0
#define CELL_W      92.0
#define COVER_W     290.0
#define CELL_MIN_H  50.0
#define PAD         6.0

/* As in the persona renderer: one walk both measures (cr NULL) and draws. */
typedef struct
{
  cairo_t        *cr;
  PangoContext   *context;
  const TptTheme *theme;
  GArray         *links;    /* TptLink: where cards are named, or NULL */
  GArray         *cells;    /* TptMatrixCell: where ratings go, or NULL */
  const TptCoverageFilter *filter;  /* the blueprint, persona or segment shown */
} Pen;

/* Shows @str at (@x, @y) wrapped to @width, or on one line ended with an
 * ellipsis when @one_line; returns its height. */
static double
text (Pen            *pen,
      TptTextStyle    style,
      const char     *str,
      const TptColor *color,
      double          x,
      double          y,
      double          width,
      gboolean        one_line,
      PangoAlignment  align)
{
  g_autoptr(PangoLayout) layout = tpt_text_layout_new (pen->context, style, str, width);
  double h;

  if (one_line)
    {
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -1);
    }
  pango_layout_set_alignment (layout, align);
  tpt_text_layout_size (layout, NULL, &h);
  if (pen->cr != NULL)
    {
      tpt_color_set_source (pen->cr, color);
      cairo_move_to (pen->cr, x, y);
      tpt_text_show (pen->cr, layout);
    }
  return h;
}

static void
fill_rect (cairo_t        *cr,
           const TptColor *color,
           double          alpha,
           double          x,
           double          y,
           double          w,
           double          h)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
  cairo_rectangle (cr, x, y, w, h);
  cairo_fill (cr);
}

/* Highlighted cells carry a frame whose weight, not hue, says how strong
 * the opportunity is, so greyscale prints keep the difference. */
static void
frame (cairo_t        *cr,
       const TptTheme *theme,
       int             opportunity,
       double          x,
       double          y,
       double          w,
       double          h)
{
  double lw;

  if (opportunity >= TPT_MATRIX_EXTREME)
    lw = 3.5;
  else if (opportunity >= TPT_MATRIX_STRONG)
    lw = 1.5;
  else
    return;

  cairo_save (cr);
  tpt_color_set_source (cr, &theme->ink);
  cairo_set_line_width (cr, lw);
  cairo_rectangle (cr, x + 2 + lw / 2, y + 2 + lw / 2, w - 4 - lw, h - 4 - lw);
  if (opportunity < TPT_MATRIX_EXTREME)
    {
      static const double dash[] = { 4, 2 };

      cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static char *
number (int value)
{
  /* An unset rating or an unknown score is "–", never 0. */
  return value >= 0 ? g_strdup_printf ("%d", value) : g_strdup ("–");
}

/* One cell's text: the opportunity score large, importance and
 * satisfaction small below it. */
static double
cell (Pen       *pen,
      TptRating *rating,
      double     x,
      double     y,
      double     w)
{
  const TptTheme *theme = pen->theme;
  int importance = rating != NULL ? tpt_rating_get_importance (rating) : -1;
  int satisfaction = rating != NULL ? tpt_rating_get_satisfaction (rating) : -1;
  int opportunity = rating != NULL ? tpt_rating_get_opportunity (rating) : -1;
  g_autofree char *score = number (opportunity);
  g_autofree char *imp = number (importance);
  g_autofree char *sat = number (satisfaction);
  /* Translators: I is importance, S satisfaction, each 0–10 or – unset. */
  g_autofree char *line = g_strdup_printf (_("I %s · S %s"), imp, sat);
  double h;

  if (rating == NULL)
    return text (pen, TPT_TEXT_SMALL, _("not rated"), &theme->muted, x, y, w, TRUE,
                 PANGO_ALIGN_CENTER);

  h = text (pen, opportunity >= TPT_MATRIX_STRONG ? TPT_TEXT_TITLE : TPT_TEXT_SUBHEADING,
            score, &theme->ink, x, y, w, TRUE, PANGO_ALIGN_CENTER);
  h += text (pen, TPT_TEXT_SMALL, line, &theme->ink, x, y + h, w, TRUE, PANGO_ALIGN_CENTER);
  return h;
}

typedef struct
{
  TptLaneKind kind;
  TptOffice   office;
  GPtrArray  *cards;
} Group;

static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *ga = a, *gb = b;

  if (ga->kind != gb->kind)
    return (int) ga->kind - (int) gb->kind;
  return (int) ga->office - (int) gb->office;
}

/* The cards of the chosen blueprint that serve @need, grouped by lane kind
 * and office; or the warning that none does. Cards of other blueprints,
 * another state of the service, never count. */
static double
coverage (Pen         *pen,
          TptDocument *document,
          TptNeed     *need,
          double       x,
          double       y,
          double       w)
{
  const TptTheme *theme = pen->theme;
  g_autoptr(GPtrArray) cards = tpt_coverage_filter_cards_serving (document, pen->filter, need);
  g_autoptr(GArray) groups = g_array_new (FALSE, TRUE, sizeof (Group));
  double top = y;
  guint shown = 0;

  if (cards->len == 0)
    {
      int most = tpt_coverage_filter_need_importance (document, pen->filter, need);

      y += text (pen, TPT_TEXT_HEADING, _("Not served by any card"), &theme->warning,
                 x, y, w, FALSE, PANGO_ALIGN_LEFT);
      if (most >= TPT_COVERAGE_IMPORTANT)
        {
          g_autofree char *line = g_strdup_printf (_("Important: rated %d of 10"), most);

          y += 2 + text (pen, TPT_TEXT_SMALL, line, &theme->warning, x, y + 2, w, FALSE,
                         PANGO_ALIGN_LEFT);
        }
      return y - top;
    }

  for (guint i = 0; i < cards->len; i++)
    {
      TptCard *card = g_ptr_array_index (cards, i);
      TptLane *lane = tpt_document_lookup_typed (document, tpt_card_get_lane (card),
                                                 TPT_TYPE_LANE);
      TptLaneKind kind = lane != NULL ? tpt_lane_get_kind (lane) : TPT_LANE_KIND_CUSTOM;
      TptOffice office = lane != NULL ? tpt_lane_get_office (lane) : TPT_OFFICE_NONE;
      Group *group = NULL;

      for (guint g = 0; g < groups->len && group == NULL; g++)
        if (g_array_index (groups, Group, g).kind == kind &&
            g_array_index (groups, Group, g).office == office)
          group = &g_array_index (groups, Group, g);
      if (group == NULL)
        {
          Group fresh = { kind, office, g_ptr_array_new () };

          g_array_append_val (groups, fresh);
          group = &g_array_index (groups, Group, groups->len - 1);
        }
      g_ptr_array_add (group->cards, card);
    }
  g_array_sort (groups, compare_groups);

  for (guint g = 0; g < groups->len; g++)
    {
      Group *group = &g_array_index (groups, Group, g);
      g_autofree char *label = NULL;

      /* Every card is listed: a long list makes a tall row, which the
       * matrix's pages make room for. */
        {
          if (group->office != TPT_OFFICE_NONE)
            label = g_strdup_printf ("%s · %s", tpt_notation_lane_kind (group->kind),
                                     tpt_notation_office (group->office));
          else
            label = g_strdup (tpt_notation_lane_kind (group->kind));
          y += text (pen, TPT_TEXT_SMALL, label, &theme->muted, x, y, w, TRUE,
                     PANGO_ALIGN_LEFT) + 1;
          for (guint i = 0; i < group->cards->len; i++, shown++)
            {
              TptCard *card = g_ptr_array_index (group->cards, i);

              double h;

              text (pen, TPT_TEXT_BODY, "•", &theme->muted, x, y, 10, TRUE, PANGO_ALIGN_LEFT);
              h = text (pen, TPT_TEXT_BODY, tpt_card_get_text (card), &theme->ink, x + 10, y,
                        w - 10, TRUE, PANGO_ALIGN_LEFT);
              if (pen->links != NULL)
                tpt_link_add (pen->links, &(TptRect) { x, y, w, h }, TPT_NODE (card));
              y += h + 1;
            }
          y += 3;
        }
      g_ptr_array_unref (group->cards);
    }
  g_assert (shown == cards->len);

  return y - top;
}

static gboolean
served (Pen         *pen,
        TptDocument *document,
        TptNeed     *need)
{
  g_autoptr(GPtrArray) cards = tpt_coverage_filter_cards_serving (document, pen->filter, need);

  return cards->len > 0;
}

/* Faint diagonal lines behind a need that nothing serves: a pattern, so
 * the flag still shows where the warning colour prints as grey. */
static void
hatch (cairo_t        *cr,
       const TptColor *color,
       double          x,
       double          y,
       double          w,
       double          h)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, y, w, h);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.18);
  cairo_set_line_width (cr, 1);
  for (double d = -h; d < w; d += 8)
    {
      cairo_move_to (cr, x + d, y + h);
      cairo_line_to (cr, x + d + h, y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
legend (Pen    *pen,
        double  x,
        double  y,
        double  width,
        double *height)
{
  double x0 = x;
  const TptTheme *theme = pen->theme;
  static const int samples[] = { 0, 5, 10 };
  double h = 28;

  text (pen, TPT_TEXT_SMALL, _("Importance"), &theme->ink, x, y + 8, 70, TRUE, PANGO_ALIGN_LEFT);
  x += 70;
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autofree char *n = g_strdup_printf ("%d", samples[i]);

      if (pen->cr != NULL)
        {
          fill_rect (pen->cr, &theme->paper, 1, x, y, 28, h);
          fill_rect (pen->cr, &theme->heat, theme->heat_max * samples[i] / 10.0, x, y, 28, h);
          cairo_rectangle (pen->cr, x + 0.5, y + 0.5, 27, h - 1);
          tpt_color_set_source (pen->cr, &theme->grid);
          cairo_set_line_width (pen->cr, 1);
          cairo_stroke (pen->cr);
        }
      text (pen, TPT_TEXT_SMALL, n, &theme->ink, x, y + 8, 28, TRUE, PANGO_ALIGN_CENTER);
      x += 28;
    }
  x += 24;

  for (guint i = 0; i < 2; i++)
    {
      int score = i == 0 ? TPT_MATRIX_STRONG : TPT_MATRIX_EXTREME;
      g_autofree char *label = g_strdup_printf (i == 0 ? _("Opportunity ≥ %d: strong")
                                                       : _("Opportunity ≥ %d: extreme"),
                                                score);

      if (pen->cr != NULL)
        frame (pen->cr, theme, score, x, y, 36, h);
      x += 42;
      text (pen, TPT_TEXT_SMALL, label, &theme->ink, x, y + 8, 130, TRUE, PANGO_ALIGN_LEFT);
      x += 140;
    }
  *height = h + 6 + text (pen, TPT_TEXT_SMALL,
                         _("Large number: the opportunity, importance + max(importance − "
                           "satisfaction, 0). Small: I importance and S satisfaction, 0–10. "
                           "– is unknown or unset."),
                         &theme->muted, x0, y + h + 6, width, FALSE, PANGO_ALIGN_LEFT);
}

/* Draws (or with @cr %NULL measures) the needs from @first up to @end:
 * the title and legend on the first part, the header row on every part,
 * the work that serves no need after the last. */
static void
matrix (cairo_t                 *cr,
        PangoContext            *context,
        TptDocument             *document,
        const TptTheme          *theme,
        const TptCoverageFilter *filter,
        guint                    first,
        guint                    end,
        double                  *width,
        double                  *height,
        GArray                  *links,
        GArray                  *cells,
        gboolean                 compact)
{
  Pen pen = { cr, context, theme, links, cells, filter };
  Pen measure = { NULL, context, theme, NULL, NULL, filter };
  GListModel *all_personas = tpt_document_get_personas (document);
  GListModel *needs = tpt_document_get_needs (document);
  /* The columns: the personas the filter keeps, each with its index in
   * the document, which is what cells report. */
  g_autoptr(GPtrArray) personas = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) persona_index = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_personas;
  guint n_needs = g_list_model_get_n_items (needs);
  TptBlueprint *blueprint = tpt_coverage_filter_get_blueprint (document, filter);
  g_autofree char *scope = tpt_coverage_filter_describe (document, filter);
  g_autofree char *cover_title = NULL;
  /* Compact, for a slide: no coverage column and no list of work that
   * serves no need, which the coverage report shows on a slide of its own. */
  double cover_w = compact ? 0 : COVER_W;
  double table_w;
  double w;
  double x0 = MARGIN, y = MARGIN, header_h = 0, legend_h, top;
  double cover_x;
  g_autoptr(GPtrArray) unlinked = tpt_coverage_filter_unlinked_back_cards (document, filter);

  for (guint p = 0; p < g_list_model_get_n_items (all_personas); p++)
    {
      TptPersona *persona = g_list_model_get_item (all_personas, p);

      if (tpt_coverage_filter_has_persona (document, filter, persona))
        {
          g_ptr_array_add (personas, persona);
          g_array_append_val (persona_index, p);
        }
      else
        g_object_unref (persona);
    }
  n_personas = personas->len;
  table_w = NEED_W + n_personas * CELL_W + cover_w;
  w = MAX (2 * MARGIN + table_w, 2 * MARGIN + (compact ? 0 : 760));
  cover_x = x0 + NEED_W + n_personas * CELL_W;
  if (blueprint != NULL)
    /* Translators: the head of the matrix's coverage column; %s is a
     * blueprint's title, e.g. "Served by cards in Claims — current state". */
    cover_title = g_strdup_printf (_("Served by cards in %s"), scope);
  else
    cover_title = g_strdup (_("Served by cards"));

  end = MIN (end, n_needs);
  if (first == 0)
    {
      y += text (&pen, TPT_TEXT_TITLE, _("Needs matrix"), &theme->ink, x0, y, w - 2 * MARGIN,
                 FALSE, PANGO_ALIGN_LEFT) + 4;
      if (tpt_coverage_filter_is_set (filter) || (!compact && blueprint != NULL))
        {
          g_autofree char *line = NULL;

          if (compact && filter->persona != NULL)
            /* Translators: the matrix shows one persona's ratings; %s is the name. */
            line = g_strdup_printf (_("For %s"), tpt_persona_get_name (filter->persona));
          else if (compact)
            /* Translators: the matrix shows one segment's ratings. */
            line = g_strdup_printf (_("For the segment “%s”"), filter->segment);
          else
            /* Translators: %s names the blueprint (and persona or segment) the
             * coverage column is for. */
            line = g_strdup_printf (_("Coverage for %s"), scope);
          y += text (&pen, TPT_TEXT_BODY, line, &theme->muted, x0, y, w - 2 * MARGIN, FALSE,
                     PANGO_ALIGN_LEFT);
        }
      y += 8;
      legend (&pen, x0, y, w - 2 * MARGIN, &legend_h);
      y += legend_h + 16;
    }
  else
    y += text (&pen, TPT_TEXT_TITLE, _("Needs matrix (continued)"), &theme->ink, x0, y,
               w - 2 * MARGIN, FALSE, PANGO_ALIGN_LEFT) + 12;

  /* The header row: personas, each over its colour. */
  header_h = text (&measure, TPT_TEXT_HEADING, _("Need"), &theme->ink, 0, 0, NEED_W, FALSE,
                   PANGO_ALIGN_LEFT);
  if (!compact)
    header_h = MAX (header_h, text (&measure, TPT_TEXT_HEADING, cover_title, &theme->ink, 0, 0,
                                    COVER_W - 2 * PAD, FALSE, PANGO_ALIGN_LEFT));
  for (guint p = 0; p < n_personas; p++)
    {
      TptPersona *persona = g_ptr_array_index (personas, p);

      header_h = MAX (header_h, text (&measure, TPT_TEXT_HEADING, tpt_persona_get_name (persona),
                                      &theme->ink, 0, 0, CELL_W - 2 * PAD, FALSE,
                                      PANGO_ALIGN_CENTER));
    }
  header_h += 2 * PAD + 4;
  if (cr != NULL)
    {
      fill_rect (cr, &theme->header_fill, 1, x0, y, table_w, header_h);
      text (&pen, TPT_TEXT_HEADING, _("Need"), &theme->ink, x0 + PAD, y + PAD, NEED_W - 2 * PAD,
            FALSE, PANGO_ALIGN_LEFT);
      if (!compact)
        text (&pen, TPT_TEXT_HEADING, cover_title, &theme->ink, cover_x + PAD, y + PAD,
              COVER_W - 2 * PAD, FALSE, PANGO_ALIGN_LEFT);
      for (guint p = 0; p < n_personas; p++)
        {
          TptPersona *persona = g_ptr_array_index (personas, p);
          double cx = x0 + NEED_W + p * CELL_W;
          TptColor color;

          text (&pen, TPT_TEXT_HEADING, tpt_persona_get_name (persona), &theme->ink, cx + PAD,
                y + PAD, CELL_W - 2 * PAD, FALSE, PANGO_ALIGN_CENTER);
          if (!tpt_color_parse (tpt_persona_get_color (persona), &color))
            color = theme->muted;
          fill_rect (cr, &color, 1, cx + PAD, y + header_h - 5, CELL_W - 2 * PAD, 3);
        }
    }
  top = y;
  y += header_h;

  for (guint i = first; i < end; i++)
    {
      g_autoptr(TptNeed) need = g_list_model_get_item (needs, i);
      const char *title = tpt_need_get_title (need);
      const char *description = tpt_need_get_description (need);
      double need_h, cover_h, row_h, cells_h = 0;

      if (!tpt_coverage_filter_has_need (document, filter, need))
        continue;
      if (title == NULL || *title == '\0')
        title = _("Untitled need");
      need_h = text (&measure, TPT_TEXT_HEADING, title, &theme->ink, 0, 0, NEED_W - 2 * PAD,
                     FALSE, PANGO_ALIGN_LEFT);
      if (description != NULL && *description)
        need_h += 2 + text (&measure, TPT_TEXT_SMALL, description, &theme->muted, 0, 0,
                            NEED_W - 2 * PAD, FALSE, PANGO_ALIGN_LEFT);
      cover_h = compact ? 0 : coverage (&measure, document, need, 0, 0, COVER_W - 2 * PAD);
      for (guint p = 0; p < n_personas; p++)
        {
          TptPersona *persona = g_ptr_array_index (personas, p);
          TptRating *rating = tpt_document_get_rating (document, persona, need);

          cells_h = MAX (cells_h, cell (&measure, rating, 0, 0, CELL_W - 2 * PAD));
        }
      row_h = ceil (MAX (MAX (need_h, cover_h), MAX (cells_h, CELL_MIN_H - 2 * PAD)) + 2 * PAD);

      if (cr != NULL)
        {
          double ty;

          ty = y + PAD;
          ty += text (&pen, TPT_TEXT_HEADING, title, &theme->ink, x0 + PAD, ty, NEED_W - 2 * PAD,
                      FALSE, PANGO_ALIGN_LEFT) + 2;
          if (description != NULL && *description)
            text (&pen, TPT_TEXT_SMALL, description, &theme->muted, x0 + PAD, ty,
                  NEED_W - 2 * PAD, FALSE, PANGO_ALIGN_LEFT);

          for (guint p = 0; p < n_personas; p++)
            {
              TptPersona *persona = g_ptr_array_index (personas, p);
              TptRating *rating = tpt_document_get_rating (document, persona, need);
              double cx = x0 + NEED_W + p * CELL_W;
              double ch;

              if (rating != NULL && tpt_rating_get_importance (rating) >= 0)
                fill_rect (cr, &theme->heat,
                           theme->heat_max * tpt_rating_get_importance (rating) / 10.0,
                           cx, y, CELL_W, row_h);
              ch = cell (&measure, rating, 0, 0, CELL_W - 2 * PAD);
              cell (&pen, rating, cx + PAD, y + (row_h - ch) / 2, CELL_W - 2 * PAD);
              if (pen.cells != NULL)
                {
                  TptMatrixCell place = { { cx, y, CELL_W, row_h }, i,
                                          g_array_index (persona_index, guint, p),
                                          TPT_MATRIX_CELL_RATING };

                  g_array_append_val (pen.cells, place);
                }
              if (rating != NULL)
                frame (cr, theme, tpt_rating_get_opportunity (rating), cx, y, CELL_W, row_h);
            }
          if (pen.cells != NULL)
            {
              TptMatrixCell header = { { x0, y, NEED_W, row_h }, i, 0, TPT_MATRIX_CELL_NEED };
              TptMatrixCell row = { { x0, y, table_w, row_h }, i, 0, TPT_MATRIX_CELL_ROW };

              g_array_append_val (pen.cells, header);
              g_array_append_val (pen.cells, row);
            }
          if (!compact && !served (&pen, document, need))
            hatch (cr, &theme->warning, cover_x, y, COVER_W, row_h);
          if (!compact)
            coverage (&pen, document, need, cover_x + PAD, y + PAD, COVER_W - 2 * PAD);

          tpt_color_set_source (cr, &theme->grid);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, x0, y + 0.5);
          cairo_line_to (cr, x0 + table_w, y + 0.5);
          cairo_stroke (cr);
        }
      y += row_h;
    }

  if (cr != NULL)
    {
      tpt_color_set_source (cr, &theme->grid);
      cairo_set_line_width (cr, 1);
      for (guint p = 0; p <= n_personas; p++)
        {
          cairo_move_to (cr, x0 + NEED_W + p * CELL_W + 0.5, top);
          cairo_line_to (cr, x0 + NEED_W + p * CELL_W + 0.5, y);
        }
      cairo_rectangle (cr, x0 + 0.5, top + 0.5, table_w - 1, y - top - 1);
      cairo_stroke (cr);
    }

  if (end < n_needs || compact)
    goto done;

  /* Work behind the line of visibility that serves no need. */
  y += 24;
  {
    g_autofree char *heading = NULL;

    if (blueprint != NULL)
      /* Translators: %s is a blueprint's title. */
      heading = g_strdup_printf (_("%s: backstage and support work that serves no need"),
                                 tpt_blueprint_get_title (blueprint));
    else
      heading = g_strdup (_("Backstage and support work that serves no need"));
    y += text (&pen, TPT_TEXT_SUBHEADING, heading, &theme->ink, x0, y, w - 2 * MARGIN, FALSE,
               PANGO_ALIGN_LEFT) + 6;
  }
  if (unlinked->len == 0)
    y += text (&pen, TPT_TEXT_BODY, _("Every backstage and support card serves a need."),
               &theme->muted, x0, y, w - 2 * MARGIN, FALSE, PANGO_ALIGN_LEFT);
  for (guint i = 0; i < unlinked->len; i++)
    {
      TptCard *card = g_ptr_array_index (unlinked, i);
      TptLane *lane = tpt_document_lookup_typed (document, tpt_card_get_lane (card),
                                                 TPT_TYPE_LANE);
      const char *lane_title = lane != NULL ? tpt_lane_get_title (lane) : NULL;
      g_autofree char *line = NULL;

      if (lane_title != NULL && *lane_title)
        line = g_strdup_printf ("%s — %s", tpt_card_get_text (card), lane_title);
      else
        line = g_strdup (tpt_card_get_text (card));
      text (&pen, TPT_TEXT_BODY, "•", &theme->muted, x0, y, 10, TRUE, PANGO_ALIGN_LEFT);
      y += text (&pen, TPT_TEXT_BODY, line, &theme->ink, x0 + 10, y, MIN (w - 2 * MARGIN, 600),
                 TRUE, PANGO_ALIGN_LEFT) + 2;
    }

done:
  if (width != NULL)
    *width = ceil (w);
  if (height != NULL)
    *height = ceil (y + MARGIN);
}

/**
 * tpt_matrix_measure:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @width: (out): the matrix's width, in points
 * @height: (out): its height
 *
 * Measures the matrix as tpt_matrix_render() draws it: coverage for the
 * default blueprint (tpt_coverage_default_blueprint()), every persona.
 */
void
tpt_matrix_measure (PangoContext *context,
                    TptDocument  *document,
                    double       *width,
                    double       *height)
{
  tpt_matrix_measure_filtered (context, document, NULL, width, height);
}

/**
 * tpt_matrix_measure_filtered:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @filter: (nullable): the blueprint whose cards the coverage column
 *   lists, and the persona or segment whose columns and needs are shown;
 *   %NULL for the default blueprint and everyone
 * @width: (out): the matrix's width, in points
 * @height: (out): its height
 */
void
tpt_matrix_measure_filtered (PangoContext            *context,
                             TptDocument             *document,
                             const TptCoverageFilter *filter,
                             double                  *width,
                             double                  *height)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  matrix (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT), filter, 0, G_MAXUINT,
          width, height, NULL, NULL, FALSE);
}

typedef struct
{
  PangoContext            *context;
  TptDocument             *document;
  const TptCoverageFilter *filter;
  gboolean                 compact;
} MatrixPart;

static double
matrix_part_height (guint    first,
                    guint    end,
                    gpointer data)
{
  MatrixPart *part = data;
  double height;

  matrix (NULL, part->context, part->document, tpt_theme_get (TPT_THEME_LIGHT), part->filter,
          first, end, NULL, &height, NULL, NULL, part->compact);
  return height;
}

/**
 * tpt_matrix_paginate:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @page_width: the width to fill, in points; the matrix is scaled down to
 *   it if wider, never up
 * @page_height: the height of a page, in points
 * @breaks: (element-type guint): gets the index of the first need on each
 *   page
 *
 * Splits the matrix over pages: rows are never cut, and each page repeats
 * the header row. A row taller than a page gets a page of its own.
 *
 * Returns: the scale the pages are drawn at
 */
double
tpt_matrix_paginate (PangoContext *context,
                     TptDocument  *document,
                     double        page_width,
                     double        page_height,
                     GArray       *breaks)
{
  return tpt_matrix_paginate_full (context, document, NULL, FALSE, 1.0, page_width, page_height,
                                   breaks);
}

/**
 * tpt_matrix_paginate_filtered:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @filter: (nullable): what the matrix is for, as in
 *   tpt_matrix_measure_filtered()
 * @page_width: the width to fill, in points
 * @page_height: the height of a page, in points
 * @breaks: (element-type guint): gets the index of the first need on each
 *   page
 *
 * Returns: the scale the pages are drawn at
 */
double
tpt_matrix_paginate_filtered (PangoContext            *context,
                              TptDocument             *document,
                              const TptCoverageFilter *filter,
                              double                   page_width,
                              double                   page_height,
                              GArray                  *breaks)
{
  return tpt_matrix_paginate_full (context, document, filter, FALSE, 1.0, page_width,
                                   page_height, breaks);
}

/**
 * tpt_matrix_paginate_full:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @filter: (nullable): what the matrix is for, as in
 *   tpt_matrix_measure_filtered()
 * @compact: the table alone, as tpt_matrix_render_table() draws it
 * @max_scale: the largest scale to draw at
 * @page_width: the width to fill, in points
 * @page_height: the height of a page, in points
 * @breaks: (element-type guint): gets the index of the first need on each
 *   page
 *
 * As tpt_matrix_paginate(), for the compact table of a slide too, and
 * enlarging up to @max_scale where the table is narrower than the page.
 *
 * Returns: the scale the pages are drawn at
 */
double
tpt_matrix_paginate_full (PangoContext            *context,
                          TptDocument             *document,
                          const TptCoverageFilter *filter,
                          gboolean                 compact,
                          double                   max_scale,
                          double                   page_width,
                          double                   page_height,
                          GArray                  *breaks)
{
  guint n = g_list_model_get_n_items (tpt_document_get_needs (document));
  MatrixPart part = { context, document, filter, compact };
  double width, height, scale;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), 1.0);
  g_return_val_if_fail (breaks != NULL, 1.0);

  matrix (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT), filter, 0, G_MAXUINT,
          &width, &height, NULL, NULL, compact);
  scale = MIN (max_scale, page_width / width);
  tpt_paginate_rows (n, page_height / scale, matrix_part_height, &part, breaks);

  return scale;
}

/**
 * tpt_matrix_measure_part:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @filter: (nullable): what the matrix is for
 * @compact: the table alone
 * @first: the first need
 * @end: the need after the last
 * @width: (out) (optional): the part's width
 * @height: (out) (optional): its height
 */
void
tpt_matrix_measure_part (PangoContext            *context,
                         TptDocument             *document,
                         const TptCoverageFilter *filter,
                         gboolean                 compact,
                         guint                    first,
                         guint                    end,
                         double                  *width,
                         double                  *height)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  matrix (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT), filter, first, end, width,
          height, NULL, NULL, compact);
}

/**
 * tpt_matrix_render_part_full:
 * @cr: where to draw, with the part's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @theme: the colours
 * @filter: (nullable): what the matrix is for
 * @compact: the table alone
 * @first: the first need to draw
 * @end: the need after the last
 *
 * Draws one part of a matrix split by tpt_matrix_paginate_full().
 */
void
tpt_matrix_render_part_full (cairo_t                 *cr,
                             PangoContext            *context,
                             TptDocument             *document,
                             const TptTheme          *theme,
                             const TptCoverageFilter *filter,
                             gboolean                 compact,
                             guint                    first,
                             guint                    end)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  cairo_save (cr);
  matrix (cr, context, document, theme, filter, first, end, NULL, NULL, NULL, NULL, compact);
  cairo_restore (cr);
}

/**
 * tpt_matrix_render_part:
 * @cr: where to draw, with the part's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @theme: the colours
 * @first: the first need to draw
 * @end: the need after the last to draw
 * @height: (out) (optional): the part's height
 *
 * Draws one page of a matrix split by tpt_matrix_paginate().
 */
void
tpt_matrix_render_part (cairo_t        *cr,
                        PangoContext   *context,
                        TptDocument    *document,
                        const TptTheme *theme,
                        guint           first,
                        guint           end,
                        double         *height)
{
  tpt_matrix_render_part_filtered (cr, context, document, theme, NULL, first, end, height);
}

/**
 * tpt_matrix_render_part_filtered:
 * @cr: where to draw, with the part's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @theme: the colours
 * @filter: (nullable): what the matrix is for
 * @first: the first need to draw
 * @end: the need after the last to draw
 * @height: (out) (optional): the part's height
 *
 * Draws one page of a matrix split by tpt_matrix_paginate_filtered().
 */
void
tpt_matrix_render_part_filtered (cairo_t                 *cr,
                                 PangoContext            *context,
                                 TptDocument             *document,
                                 const TptTheme          *theme,
                                 const TptCoverageFilter *filter,
                                 guint                    first,
                                 guint                    end,
                                 double                  *height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  cairo_save (cr);
  matrix (cr, context, document, theme, filter, first, end, NULL, height, NULL, NULL, FALSE);
  cairo_restore (cr);
}

/**
 * tpt_matrix_render:
 * @cr: where to draw, with the matrix's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @theme: the colours
 *
 * Draws the needs matrix: needs as rows, personas as columns, each cell a
 * heat of importance with the opportunity score (large) and importance and
 * satisfaction (small), an unknown value as "–"; cells scoring at least
 * %TPT_MATRIX_STRONG framed, and at least %TPT_MATRIX_EXTREME framed
 * heavier; a coverage column listing the cards of one blueprint that serve
 * each need, by lane kind and office, or flagging that none does; and
 * below, that blueprint's backstage and support cards that serve no need.
 * The blueprint is the default one, the current state of the first
 * service (tpt_coverage_default_blueprint()), and its title heads the
 * column, so no card of another state ever seems to serve a need in this
 * one. Meaning is carried by numbers and line weight, never by hue alone.
 * The background is left to the caller.
 */
void
tpt_matrix_render (cairo_t        *cr,
                   PangoContext   *context,
                   TptDocument    *document,
                   const TptTheme *theme)
{
  tpt_matrix_render_filtered (cr, context, document, theme, NULL);
}

/**
 * tpt_matrix_render_filtered:
 * @cr: where to draw, with the matrix's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @theme: the colours
 * @filter: (nullable): the blueprint whose cards the coverage column lists
 *   (%NULL fields: the default one), and the persona or segment whose
 *   columns and needs are shown (%NULL: everyone)
 *
 * Draws the needs matrix as tpt_matrix_render() does, for @filter.
 */
void
tpt_matrix_render_filtered (cairo_t                 *cr,
                            PangoContext            *context,
                            TptDocument             *document,
                            const TptTheme          *theme,
                            const TptCoverageFilter *filter)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  cairo_save (cr);
  matrix (cr, context, document, theme, filter, 0, G_MAXUINT, NULL, NULL, NULL, NULL, FALSE);
  cairo_restore (cr);
}

/**
 * tpt_matrix_collect_links:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @links: (element-type TptLink) (nullable): gets where the matrix names a
 *   card
 * @cells: (element-type TptMatrixCell) (nullable): gets where each rating
 *   cell, each need's row header and each need's row is, row by row
 *
 * Finds the cards named in the coverage column, the rating cells and the
 * needs' rows, where tpt_matrix_render() draws them, so a view can take a
 * click on a card to that card, select a need by its row header, and edit
 * ratings in place.
 */
void
tpt_matrix_collect_links (PangoContext *context,
                          TptDocument  *document,
                          GArray       *links,
                          GArray       *cells)
{
  tpt_matrix_collect_links_filtered (context, document, NULL, links, cells);
}

/**
 * tpt_matrix_collect_links_filtered:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @filter: (nullable): what the matrix is for
 * @links: (element-type TptLink) (nullable): gets where the matrix names a
 *   card
 * @cells: (element-type TptMatrixCell) (nullable): gets where each rating
 *   cell, each need's row header and each need's row is; need and persona
 *   indices are in the document's lists, whatever @filter leaves out
 *
 * As tpt_matrix_collect_links(), where tpt_matrix_render_filtered() draws.
 */
void
tpt_matrix_collect_links_filtered (PangoContext            *context,
                                   TptDocument             *document,
                                   const TptCoverageFilter *filter,
                                   GArray                  *links,
                                   GArray                  *cells)
{
  cairo_surface_t *surface;
  cairo_t *cr;

  g_return_if_fail (TPT_IS_DOCUMENT (document));

  /* Drawn where nothing is kept: the positions come from the one walk
   * that draws. */
  surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (surface);
  matrix (cr, context, document, tpt_theme_get (TPT_THEME_LIGHT), filter, 0, G_MAXUINT, NULL,
          NULL, links, cells, FALSE);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/**
 * tpt_matrix_render_table:
 * @cr: (nullable): where to draw, with the matrix's top left corner at the
 *   origin, or %NULL only to measure
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @theme: the colours
 * @width: (out) (optional): the table's width, in points
 * @height: (out) (optional): its height
 *
 * Draws the needs matrix as tpt_matrix_render() does, but only needs and
 * ratings: without the column of cards that serve each need and the list
 * of work that serves no need below, which make it too tall for a slide
 * and which the coverage report shows on a slide of its own.
 */
void
tpt_matrix_render_table (cairo_t        *cr,
                         PangoContext   *context,
                         TptDocument    *document,
                         const TptTheme *theme,
                         double         *width,
                         double         *height)
{
  tpt_matrix_render_table_filtered (cr, context, document, theme, NULL, width, height);
}

/**
 * tpt_matrix_render_table_filtered:
 * @cr: (nullable): where to draw, or %NULL only to measure
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @theme: the colours
 * @filter: (nullable): the persona or segment whose columns and needs are
 *   shown
 * @width: (out) (optional): the table's width, in points
 * @height: (out) (optional): its height
 */
void
tpt_matrix_render_table_filtered (cairo_t                 *cr,
                                  PangoContext            *context,
                                  TptDocument             *document,
                                  const TptTheme          *theme,
                                  const TptCoverageFilter *filter,
                                  double                  *width,
                                  double                  *height)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  if (cr != NULL)
    cairo_save (cr);
  matrix (cr, context, document, theme, filter, 0, G_MAXUINT, width, height, NULL, NULL, TRUE);
  if (cr != NULL)
    cairo_restore (cr);
}
