/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-case-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tpt-case-renderer.h"

#include "tpt-journey-renderer.h"
#include "tpt-kpi-label.h"
#include "tpt-link.h"
#include "tpt-text.h"

/* The case for change: what a future state does better (or worse) than
 * the state it is based on, in six numbers and a few plain sentences, on
 * one page a steering committee reads in a minute. The same drawing is a
 * PDF page and a slide, so it is laid out wide. The two blueprints and
 * every need it names are links. */

#define MARGIN   36.0
#define WIDTH    800.0
#define TILE_GAP 12.0
#define TILE_H   78.0
#define N_TILE_COLUMNS 3

typedef struct
{
  cairo_t        *cr;
  PangoContext   *context;
  const TptTheme *theme;
  double          y;
  GArray         *links;    /* TptLink: where nodes are named, or NULL */
} Pen;

/* Where a node is named in a line of text: its bytes. */
typedef struct
{
  gsize    start;
  gsize    end;
  TptNode *node;
} Span;

/* Notes that @node is named by @piece in @text, where it first comes
 * outside the spans noted before. */
static void
add_span (GArray     *spans,
          const char *text,
          const char *piece,
          TptNode    *node)
{
  gsize length = strlen (piece);
  const char *at = text;

  while (length > 0 && (at = strstr (at, piece)) != NULL)
    {
      Span span = { at - text, at - text + length, node };
      gboolean taken = FALSE;

      for (guint i = 0; i < spans->len && !taken; i++)
        taken = span.start < g_array_index (spans, Span, i).end &&
                g_array_index (spans, Span, i).start < span.end;
      if (!taken)
        {
          g_array_append_val (spans, span);
          return;
        }
      at += length;
    }
}

/* Writes @str at (@x, @y) and returns its height; each of @spans (if
 * any) is a link. */
static double
text_with_links (Pen            *pen,
                 TptTextStyle    style,
                 const char     *str,
                 const TptColor *color,
                 double          x,
                 double          y,
                 double          width,
                 GArray         *spans)
{
  g_autoptr(PangoLayout) layout = tpt_text_layout_new (pen->context, style, str, width);
  double h;

  tpt_text_layout_size (layout, NULL, &h);
  for (guint i = 0; pen->links != NULL && spans != NULL && i < spans->len; i++)
    {
      const Span *span = &g_array_index (spans, Span, i);

      tpt_link_add_range (pen->links, layout, x, y, span->start, span->end, span->node);
    }
  if (pen->cr != NULL)
    {
      tpt_color_set_source (pen->cr, color);
      cairo_move_to (pen->cr, x, y);
      pango_cairo_show_layout (pen->cr, layout);
    }
  return h;
}

static double
text_at (Pen            *pen,
         TptTextStyle    style,
         const char     *str,
         const TptColor *color,
         double          x,
         double          y,
         double          width)
{
  return text_with_links (pen, style, str, color, x, y, width, NULL);
}

/* A need's title as the sentences quote it. */
static char *
quoted_title (TptNeed *need)
{
  /* Translators: a need's title quoted in a sentence. */
  return g_strdup_printf (_("“%s”"), tpt_need_get_title (need));
}

static char *
quoted_titles (GPtrArray *needs)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < needs->len; i++)
    {
      g_autofree char *quoted = quoted_title (g_ptr_array_index (needs, i));

      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append (list, quoted);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/**
 * tpt_case_for_change_sentences:
 * @change: a case for change
 *
 * The case in plain sentences, one per number: time, waiting, handoffs
 * and bounces, fail points, needs served and gaps, metrics.
 *
 * Returns: (transfer container) (element-type utf8): the sentences
 */
GPtrArray *
tpt_case_for_change_sentences (TptCaseForChange *change)
{
  GPtrArray *sentences = g_ptr_array_new_with_free_func (g_free);
  TptJourney *before, *after;
  g_autofree char *time_after = NULL;
  g_autofree char *time_before = NULL;
  g_autofree char *delta = NULL;
  char *sentence;

  g_return_val_if_fail (change != NULL, sentences);

  before = change->before;
  after = change->after;

  /* Time end to end. */
  /* The known durations, said once why they are only those. */
  time_after = tpt_kpi_label_seconds (after->time.known_seconds);
  time_before = tpt_kpi_label_seconds (before->time.known_seconds);
  delta = tpt_kpi_label_seconds (ABS (change->time_saved));
  if (change->time_saved > 0)
    /* Translators: the future journey's time, today's, and the difference. */
    sentence = g_strdup_printf (_("The journey takes %s end to end instead of %s: %s faster."),
                                time_after, time_before, delta);
  else if (change->time_saved < 0)
    sentence = g_strdup_printf (_("The journey takes %s end to end instead of %s: %s slower."),
                                time_after, time_before, delta);
  else
    sentence = g_strdup_printf (_("The journey takes %s end to end, as long as today."),
                                time_after);
  g_ptr_array_add (sentences, sentence);
  /* Waiting. */
  {
    g_autofree char *wait_after = tpt_kpi_label_seconds (after->waiting.known_seconds);
    g_autofree char *wait_before = tpt_kpi_label_seconds (before->waiting.known_seconds);
    g_autofree char *points_after = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "%u wait point",
                                                                  "%u wait points",
                                                                  after->n_wait_points),
                                                     after->n_wait_points);

    if (after->n_wait_points == 0)
      sentence = g_strdup_printf (_("Customers no longer wait; today they wait %s."),
                                  wait_before);
    else
      /* Translators: future waiting time, number of wait points, today's waiting time and
       * number of wait points, e.g. "Customers wait 11 days, at 2 wait points, instead of 45
       * days at 8." */
      sentence = g_strdup_printf (_("Customers wait %s, at %s, instead of %s at %u."),
                                  wait_after, points_after, wait_before, before->n_wait_points);
    g_ptr_array_add (sentences, sentence);
  }

  if (!change->time_exact || !change->waiting_exact)
    {
      guint unknown = MAX (before->time.n_unknown, after->time.n_unknown);

      g_ptr_array_add (sentences,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u step has no duration yet, so these "
                                                     "times count only the steps that have one.",
                                                     "%u steps have no duration yet, so these "
                                                     "times count only the steps that have one.",
                                                     unknown), unknown));
    }

  /* Handoffs and bounces. */
  {
    int removed = change->handoffs_removed;
    guint n = after->handoffs->len;

    if (removed > 0)
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Work changes hands %u times instead of %u: "
                                               "%d handoff fewer.",
                                               "Work changes hands %u times instead of %u: "
                                               "%d handoffs fewer.", removed),
                                  n, before->handoffs->len, removed);
    else if (removed < 0)
      sentence = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "Work changes hands %u times instead of %u: "
                                               "%d handoff more.",
                                               "Work changes hands %u times instead of %u: "
                                               "%d handoffs more.", -removed),
                                  n, before->handoffs->len, -removed);
    else
      sentence = g_strdup_printf (_("Work changes hands %u times, as today."), n);
    g_ptr_array_add (sentences, sentence);

    if (before->bounces->len > 0 || after->bounces->len > 0)
      g_ptr_array_add (sentences,
                       g_strdup_printf (_("Work comes back to a team it had left %u times "
                                          "instead of %u."),
                                        after->bounces->len, before->bounces->len));
  }

  /* Fail points. */
  {
    guint facing_after = tpt_journey_count_customer_facing_fail_points (after);
    guint facing_before = tpt_journey_count_customer_facing_fail_points (before);

    /* Translators: fail points in the future state and today, then how many the
     * customer meets in each. */
    sentence = g_strdup_printf (_("The service can break at %u points instead of %u; the "
                                  "customer meets %u of them instead of %u."),
                                after->n_fail_points, before->n_fail_points, facing_after,
                                facing_before);
    g_ptr_array_add (sentences, sentence);
  }

  /* Needs. */
  if (change->closed->len > 0)
    {
      g_autofree char *titles = quoted_titles (change->closed);

      g_ptr_array_add (sentences,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "It serves %u need nothing serves today: %s.",
                                                     "It serves %u needs nothing serves today: %s.",
                                                     change->closed->len),
                                        change->closed->len, titles));
    }
  else
    g_ptr_array_add (sentences, g_strdup (_("It serves no need that is unserved today.")));
  if (change->opened->len > 0)
    {
      g_autofree char *titles = quoted_titles (change->opened);

      g_ptr_array_add (sentences,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "It opens %u new gap, a need served today "
                                                     "that it leaves unserved: %s.",
                                                     "It opens %u new gaps, needs served today "
                                                     "that it leaves unserved: %s.",
                                                     change->opened->len),
                                        change->opened->len, titles));
    }
  else
    g_ptr_array_add (sentences, g_strdup (_("It opens no new gap.")));
  if (change->remaining->len > 0)
    {
      g_autofree char *titles = quoted_titles (change->remaining);

      g_ptr_array_add (sentences,
                       g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%u need stays unserved: %s.",
                                                     "%u needs stay unserved: %s.",
                                                     change->remaining->len),
                                        change->remaining->len, titles));
    }

  /* Metrics. */
  if (before->metrics->len > 0 || after->metrics->len > 0)
    {
      guint unknown_after = after->metrics->len - after->n_met - after->n_at_risk -
                            after->n_missed;

      /* Translators: metrics meeting their target in the future state, out of how many,
       * then how many are not measured yet, then the same today. */
      sentence = g_strdup_printf (_("Metrics and service levels: %u of %u meet their target "
                                    "(%u not measured yet), against %u of %u today."),
                                  after->n_met, after->metrics->len, unknown_after,
                                  before->n_met, before->metrics->len);
      g_ptr_array_add (sentences, sentence);
    }

  return sentences;
}

typedef struct
{
  char *number;
  char *label;
  int   better;   /* 1 better, -1 worse, 0 the same */
} Tile;

static void
tile_clear (gpointer data)
{
  Tile *tile = data;

  g_free (tile->number);
  g_free (tile->label);
}

static void
add_tile (GArray     *tiles,
          char       *number,
          char       *label,
          int         better)
{
  Tile tile = { number, label, better };

  g_array_append_val (tiles, tile);
}

/* The six numbers, each said as what changes. */
static GArray *
make_tiles (TptCaseForChange *change)
{
  GArray *tiles = g_array_new (FALSE, TRUE, sizeof (Tile));
  gint64 saved = change->time_saved;
  gint64 waited = change->waiting_saved;
  int n;

  g_array_set_clear_func (tiles, tile_clear);

  add_tile (tiles, tpt_kpi_label_seconds (ABS (saved)),
            g_strdup (saved > 0 ? _("faster end to end") : saved < 0 ? _("slower end to end")
                                                                     : _("end to end, as today")),
            saved > 0 ? 1 : saved < 0 ? -1 : 0);
  add_tile (tiles, tpt_kpi_label_seconds (ABS (waited)),
            g_strdup (waited > 0 ? _("less waiting") : waited < 0 ? _("more waiting")
                                                                  : _("waiting, as today")),
            waited > 0 ? 1 : waited < 0 ? -1 : 0);
  n = change->wait_points_removed;
  add_tile (tiles, g_strdup_printf ("%d", ABS (n)),
            g_strdup (n > 0 ? g_dngettext (GETTEXT_PACKAGE, "wait point removed",
                                           "wait points removed", n)
                      : n < 0 ? g_dngettext (GETTEXT_PACKAGE, "wait point added",
                                             "wait points added", -n)
                              : _("wait points removed")),
            n > 0 ? 1 : n < 0 ? -1 : 0);
  n = change->handoffs_removed;
  add_tile (tiles, g_strdup_printf ("%d", ABS (n)),
            g_strdup (n > 0 ? g_dngettext (GETTEXT_PACKAGE, "handoff removed",
                                           "handoffs removed", n)
                      : n < 0 ? g_dngettext (GETTEXT_PACKAGE, "handoff added",
                                             "handoffs added", -n)
                              : _("handoffs removed")),
            n > 0 ? 1 : n < 0 ? -1 : 0);
  n = change->fail_points_removed;
  add_tile (tiles, g_strdup_printf ("%d", ABS (n)),
            g_strdup (n > 0 ? g_dngettext (GETTEXT_PACKAGE, "fail point removed",
                                           "fail points removed", n)
                      : n < 0 ? g_dngettext (GETTEXT_PACKAGE, "fail point added",
                                             "fail points added", -n)
                              : _("fail points removed")),
            n > 0 ? 1 : n < 0 ? -1 : 0);
  /* Translators: the tile's number is how many needs; a new gap is a need served
   * today that the future state leaves unserved. */
  add_tile (tiles, g_strdup_printf ("%u", change->closed->len),
            change->opened->len > 0
            ? g_strdup_printf (change->closed->len == 1
                               ? g_dngettext (GETTEXT_PACKAGE,
                                              "need newly served, %u new gap",
                                              "need newly served, %u new gaps",
                                              change->opened->len)
                               : g_dngettext (GETTEXT_PACKAGE,
                                              "needs newly served, %u new gap",
                                              "needs newly served, %u new gaps",
                                              change->opened->len),
                               change->opened->len)
            : g_strdup (g_dngettext (GETTEXT_PACKAGE, "need newly served, no new gap",
                                     "needs newly served, no new gap", change->closed->len)),
            change->opened->len > change->closed->len ? -1 : change->closed->len > 0 ? 1 : 0);

  return tiles;
}

/* Notes where @text names the needs of @needs. */
static void
add_need_spans (GArray     *spans,
                const char *text,
                GPtrArray  *needs)
{
  for (guint i = 0; i < needs->len; i++)
    {
      g_autofree char *quoted = quoted_title (g_ptr_array_index (needs, i));

      add_span (spans, text, quoted, g_ptr_array_index (needs, i));
    }
}

static double
page (cairo_t          *cr,
      PangoContext     *context,
      TptDocument      *document,
      TptBlueprint     *future,
      const TptTheme   *theme,
      GArray           *links)
{
  g_autoptr(TptCaseForChange) change = tpt_case_for_change_new (document, future);
  Pen pen = { cr, context, theme, MARGIN, links };
  double inner = WIDTH - 2 * MARGIN;
  double tile_w = (inner - (N_TILE_COLUMNS - 1) * TILE_GAP) / N_TILE_COLUMNS;
  g_autoptr(GArray) tiles = NULL;
  g_autoptr(GPtrArray) sentences = NULL;
  g_autofree char *against = NULL;
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));

  pen.y += text_at (&pen, TPT_TEXT_TITLE, _("The case for change"), &theme->ink, MARGIN, pen.y,
                    inner) + 4;
  if (change == NULL)
    {
      pen.y += text_at (&pen, TPT_TEXT_BODY,
                        _("This blueprint is not a future state based on another one, so there "
                          "is nothing to compare it with."),
                        &theme->muted, MARGIN, pen.y, inner);
      return ceil (pen.y + MARGIN);
    }

  /* Translators: the future state's title, then the current state's. */
  against = g_strdup_printf (_("%s, against %s"), tpt_blueprint_get_title (change->future),
                             tpt_blueprint_get_title (change->current));
  add_span (spans, against, tpt_blueprint_get_title (change->future), TPT_NODE (change->future));
  add_span (spans, against, tpt_blueprint_get_title (change->current),
            TPT_NODE (change->current));
  pen.y += text_with_links (&pen, TPT_TEXT_BODY, against, &theme->muted, MARGIN, pen.y, inner,
                            spans) + 14;

  tiles = make_tiles (change);
  for (guint i = 0; i < tiles->len; i++)
    {
      const Tile *tile = &g_array_index (tiles, Tile, i);
      double x = MARGIN + (i % N_TILE_COLUMNS) * (tile_w + TILE_GAP);
      double y = pen.y + (i / N_TILE_COLUMNS) * (TILE_H + TILE_GAP);
      /* Better and worse show as a heavier or a dashed frame, and in the
       * words, not only in colour. */
      const TptColor *accent = tile->better > 0 ? &theme->kpi_fill[TPT_KPI_MET]
                             : tile->better < 0 ? &theme->kpi_fill[TPT_KPI_MISSED]
                             : &theme->grid;
      double number_h;

      if (cr != NULL)
        {
          static const double dash[] = { 4, 3 };

          tpt_color_set_source (cr, &theme->header_fill);
          cairo_rectangle (cr, x, y, tile_w, TILE_H);
          cairo_fill (cr);
          tpt_color_set_source (cr, accent);
          cairo_rectangle (cr, x, y, 6, TILE_H);
          cairo_fill (cr);
          tpt_color_set_source (cr, &theme->ink);
          cairo_set_line_width (cr, tile->better > 0 ? 1.6 : 0.8);
          if (tile->better < 0)
            cairo_set_dash (cr, dash, G_N_ELEMENTS (dash), 0);
          cairo_rectangle (cr, x + 0.5, y + 0.5, tile_w - 1, TILE_H - 1);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      number_h = text_at (&pen, TPT_TEXT_TITLE, tile->number, &theme->ink, x + 16, y + 10,
                          tile_w - 24);
      text_at (&pen, TPT_TEXT_BODY, tile->label, &theme->muted, x + 16, y + 12 + number_h,
               tile_w - 24);
    }
  pen.y += ((tiles->len + N_TILE_COLUMNS - 1) / N_TILE_COLUMNS) * (TILE_H + TILE_GAP) + 8;

  sentences = tpt_case_for_change_sentences (change);
  for (guint i = 0; i < sentences->len; i++)
    {
      g_autofree char *bullet = g_strdup_printf ("• %s", (char *) g_ptr_array_index (sentences,
                                                                                    i));

      g_array_set_size (spans, 0);
      add_need_spans (spans, bullet, change->closed);
      add_need_spans (spans, bullet, change->opened);
      add_need_spans (spans, bullet, change->remaining);
      pen.y += text_with_links (&pen, TPT_TEXT_BODY, bullet, &theme->ink, MARGIN, pen.y, inner,
                                spans) + 4;
    }

  return ceil (pen.y - 4 + MARGIN);
}

/**
 * tpt_case_for_change_measure:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @future: a future state based on another blueprint
 * @width: (out): the page's width, in points
 * @height: (out): its height
 */
void
tpt_case_for_change_measure (PangoContext *context,
                             TptDocument  *document,
                             TptBlueprint *future,
                             double       *width,
                             double       *height)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));
  g_return_if_fail (TPT_IS_BLUEPRINT (future));

  *width = WIDTH;
  *height = page (NULL, context, document, future, tpt_theme_get (TPT_THEME_LIGHT), NULL);
}

/**
 * tpt_case_for_change_collect_links:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @future: a future state based on another blueprint
 * @links: (element-type TptLink): gets where the page names a node: the
 *   two blueprints it compares, and each need its sentences name
 */
void
tpt_case_for_change_collect_links (PangoContext *context,
                                   TptDocument  *document,
                                   TptBlueprint *future,
                                   GArray       *links)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));
  g_return_if_fail (TPT_IS_BLUEPRINT (future));
  g_return_if_fail (links != NULL);

  page (NULL, context, document, future, tpt_theme_get (TPT_THEME_LIGHT), links);
}

/**
 * tpt_case_for_change_render:
 * @cr: where to draw, with the page's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @future: a future state based on another blueprint
 * @theme: the colours
 *
 * Draws the case for change of @future against the blueprint it is based
 * on: six numbers (time, waiting, wait points, handoffs, fail points,
 * needs) and the sentences of tpt_case_for_change_sentences(). A blueprint
 * with nothing to compare with gets a line that says so. The background
 * is left to the caller.
 */
void
tpt_case_for_change_render (cairo_t        *cr,
                            PangoContext   *context,
                            TptDocument    *document,
                            TptBlueprint   *future,
                            const TptTheme *theme)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPT_IS_DOCUMENT (document));
  g_return_if_fail (TPT_IS_BLUEPRINT (future));

  cairo_save (cr);
  page (cr, context, document, future, theme, NULL);
  cairo_restore (cr);
}
