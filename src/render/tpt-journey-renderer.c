/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-journey-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tpt-journey-renderer.h"

#include "tpt-kpi.h"
#include "tpt-kpi-label.h"
#include "tpt-link.h"
#include "tpt-text.h"
#include "tpt-values.h"

/* The journey numbers of each blueprint on one page: how long it takes end
 * to end and where the customer waits, how often work changes hands and
 * comes back, where it fails and who owns what the failure depends on,
 * how the metrics stand, and who does the work. Computed by TptJourney.
 * Every blueprint, stage, card and step it names is a link. */

#define MARGIN   36.0
#define WIDTH    760.0
#define INDENT   14.0
#define ROW_PAD  3.0

typedef struct
{
  cairo_t        *cr;
  PangoContext   *context;
  const TptTheme *theme;
  double          y;
  GArray         *breaks;   /* double: the top of each line, or NULL */
  GArray         *links;    /* TptLink: where nodes are named, or NULL */
  gboolean        keep;     /* what comes next stays with what came before */
} Pen;

/* Where a node is named in a line of text: its bytes. */
typedef struct
{
  gsize    start;
  gsize    end;
  TptNode *node;
} Span;

static GArray *
span_array_new (void)
{
  return g_array_new (FALSE, FALSE, sizeof (Span));
}

/* Notes that @node is named by @piece in @text, where it first comes at
 * or after byte @from. */
static void
add_span (GArray     *spans,
          const char *text,
          const char *piece,
          gsize       from,
          TptNode    *node)
{
  const char *at = piece[0] != '\0' ? strstr (text + from, piece) : NULL;
  Span span;

  if (at == NULL)
    return;
  span.start = at - text;
  span.end = span.start + strlen (piece);
  span.node = node;
  g_array_append_val (spans, span);
}

/* Notes that a page may end above what is written next, unless it is to
 * stay with what came before: the first line under a heading. */
static void
mark_break (Pen *pen)
{
  if (pen->breaks != NULL && !pen->keep)
    g_array_append_val (pen->breaks, pen->y);
  pen->keep = FALSE;
}

/* Writes @str at (@x, @y) and returns its height; each of @spans (if
 * any) is a link. */
static double
text_at (Pen            *pen,
         TptTextStyle    style,
         const char     *str,
         const TptColor *color,
         double          x,
         double          y,
         double          width,
         PangoAlignment  align,
         GArray         *spans)
{
  g_autoptr(PangoLayout) layout = tpt_text_layout_new (pen->context, style, str, width);
  double h;

  pango_layout_set_alignment (layout, align);
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

static void
line_with_links (Pen            *pen,
                 TptTextStyle    style,
                 const char     *str,
                 const TptColor *color,
                 double          indent,
                 double          space_after,
                 GArray         *spans)
{
  mark_break (pen);
  pen->y += text_at (pen, style, str, color, MARGIN + indent, pen->y,
                     WIDTH - 2 * MARGIN - indent, PANGO_ALIGN_LEFT, spans) + space_after;
  pen->keep = style != TPT_TEXT_BODY && style != TPT_TEXT_SMALL;
}

static void
line (Pen            *pen,
      TptTextStyle    style,
      const char     *str,
      const TptColor *color,
      double          indent,
      double          space_after)
{
  line_with_links (pen, style, str, color, indent, space_after, NULL);
}

/**
 * tpt_journey_time_text:
 * @time: a length of time made of steps
 *
 * Returns: (transfer full): @time in words: "67 days 3 h", or with steps
 *   of unknown duration "at least 67 days 3 h (1 step unknown)", or
 *   "unknown" when no step has a duration
 */
char *
tpt_journey_time_text (const TptJourneyTime *time)
{
  g_autofree char *known = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  if (time->n_steps == 0)
    return g_strdup (_("no time"));
  if (time->n_unknown == time->n_steps)
    return g_strdup (_("unknown"));

  known = tpt_kpi_label_seconds (time->known_seconds);
  if (time->n_unknown == 0)
    return g_steal_pointer (&known);
  /* Translators: a sum of step durations, some of which are not known, e.g.
   * "at least 67 days 3 h (1 step unknown)". */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "at least %s (%u step unknown)",
                                       "at least %s (%u steps unknown)", time->n_unknown),
                          known, time->n_unknown);
}

/**
 * tpt_journey_team_text:
 * @team: (nullable): a team, as a bounce names it
 *
 * Returns: (transfer full): @team, or "the customer" for %NULL
 */
char *
tpt_journey_team_text (const char *team)
{
  return g_strdup (team != NULL ? team : _("the customer"));
}

/* A row of the stage table; its first cell names @node, if given. */
static double
table_row (Pen            *pen,
           const char    **cells,
           guint           n_cells,
           const double   *widths,
           TptTextStyle    style,
           const TptColor *color,
           gboolean        shade,
           TptNode        *node)
{
  g_autoptr(GArray) spans = span_array_new ();

  double x = MARGIN + INDENT, h = 0;

  mark_break (pen);
  for (guint i = 0; i < n_cells; i++)
    {
      g_autoptr(PangoLayout) layout = tpt_text_layout_new (pen->context, style, cells[i],
                                                           widths[i] - 6);
      double ch;

      tpt_text_layout_size (layout, NULL, &ch);
      h = MAX (h, ch);
    }
  h += 2 * ROW_PAD;

  if (pen->cr != NULL && shade)
    {
      tpt_color_set_source (pen->cr, &pen->theme->header_fill);
      cairo_rectangle (pen->cr, x, pen->y, WIDTH - 2 * MARGIN - INDENT, h);
      cairo_fill (pen->cr);
    }
  if (node != NULL)
    add_span (spans, cells[0], cells[0], 0, node);
  for (guint i = 0; i < n_cells; i++)
    {
      text_at (pen, style, cells[i], color, x + 3, pen->y + ROW_PAD, widths[i] - 6,
               i == 0 ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT, i == 0 ? spans : NULL);
      x += widths[i];
    }
  if (pen->cr != NULL)
    {
      tpt_color_set_source (pen->cr, &pen->theme->grid);
      cairo_set_line_width (pen->cr, 0.6);
      cairo_move_to (pen->cr, MARGIN + INDENT, pen->y + h);
      cairo_line_to (pen->cr, WIDTH - MARGIN, pen->y + h);
      cairo_stroke (pen->cr);
    }
  pen->y += h;
  return h;
}

static void
stage_table (Pen        *pen,
             TptJourney *journey)
{
  static const double widths[] = { 154, 150, 150, 52, 52, 60, 56 };
  const char *head[] = {
    _("Stage"), _("End to end"), _("Customer waits"), _("Waits"), _("Fails"),
    _("Handoffs"), _("Bounces"),
  };

  table_row (pen, head, G_N_ELEMENTS (head), widths, TPT_TEXT_SMALL, &pen->theme->ink, TRUE,
             NULL);
  for (guint i = 0; i < journey->stages->len; i++)
    {
      const TptJourneyStage *stage = &g_array_index (journey->stages, TptJourneyStage, i);
      const char *title = tpt_stage_get_title (stage->stage);
      g_autofree char *time = tpt_journey_time_text (&stage->time);
      g_autofree char *waiting = stage->waiting.n_steps > 0
                                 ? tpt_journey_time_text (&stage->waiting) : g_strdup ("–");
      g_autofree char *waits = g_strdup_printf ("%u", stage->n_wait_points);
      g_autofree char *fails = g_strdup_printf ("%u", stage->n_fail_points);
      g_autofree char *handoffs = g_strdup_printf ("%u", stage->n_handoffs);
      g_autofree char *bounces = g_strdup_printf ("%u", stage->n_bounces);
      const char *cells[] = {
        title[0] != '\0' ? title : _("Untitled stage"), time, waiting, waits, fails, handoffs,
        bounces,
      };

      table_row (pen, cells, G_N_ELEMENTS (cells), widths, TPT_TEXT_SMALL, &pen->theme->ink,
                 FALSE, TPT_NODE (stage->stage));
    }
}

static char *
card_text (TptCard *card)
{
  const char *text = tpt_card_get_text (card);

  return g_strdup (text[0] != '\0' ? text : _("Untitled card"));
}

static void
fail_points (Pen        *pen,
             TptJourney *journey)
{
  guint shown = 0;

  line (pen, TPT_TEXT_HEADING, _("Fail points the customer meets, and what they depend on"),
        &pen->theme->ink, 0, 3);
  for (guint i = 0; i < journey->fail_points->len; i++)
    {
      const TptJourneyFailPoint *point = &g_array_index (journey->fail_points,
                                                         TptJourneyFailPoint, i);
      g_autofree char *what = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GString) upstream = g_string_new (NULL);
      g_autoptr(GArray) ups = span_array_new ();
      g_autoptr(GArray) spans = span_array_new ();
      const char *list;

      if (!point->customer_facing)
        continue;
      shown++;
      what = card_text (point->card);
      for (guint k = 0; k < point->upstream->len; k++)
        {
          TptCard *card = g_ptr_array_index (point->upstream, k);
          g_autofree char *up = card_text (card);
          g_autofree char *entry = NULL;
          const char *owner = tpt_card_get_owner (card);
          gsize at;

          if (upstream->len > 0)
            g_string_append (upstream, "; ");
          if (owner[0] != '\0')
            /* Translators: a card and its owner, in a list of what a fail point depends on. */
            entry = g_strdup_printf (_("%s (%s)"), up, owner);
          else
            /* Translators: a card nobody owns, in a list of what a fail point depends on. */
            entry = g_strdup_printf (_("%s (no owner)"), up);
          at = upstream->len;
          g_string_append (upstream, entry);
          add_span (ups, upstream->str, up, at, TPT_NODE (card));
        }
      if (upstream->len > 0)
        /* Translators: a fail point, then the backstage cards it depends on. */
        text = g_strdup_printf (_("• %s — depends on: %s"), what, upstream->str);
      else
        /* Translators: a fail point no backstage or support card leads to. */
        text = g_strdup_printf (_("• %s — no backstage or support card leads to it"), what);
      /* The fail point where it first comes, the cards it depends on where
       * the list of them is. */
      add_span (spans, text, what, 0, TPT_NODE (point->card));
      list = upstream->len > 0 ? strstr (text, upstream->str) : NULL;
      for (guint k = 0; list != NULL && k < ups->len; k++)
        {
          Span span = g_array_index (ups, Span, k);

          span.start += list - text;
          span.end += list - text;
          g_array_append_val (spans, span);
        }
      line_with_links (pen, TPT_TEXT_BODY, text, &pen->theme->ink, INDENT, 2, spans);
    }
  if (shown == 0)
    line (pen, TPT_TEXT_BODY, _("None."), &pen->theme->muted, INDENT, 2);
}

static void
metrics (Pen        *pen,
         TptJourney *journey)
{
  if (journey->metrics->len == 0)
    return;

  pen->y += 6;
  line (pen, TPT_TEXT_HEADING, _("Metrics and service levels"), &pen->theme->ink, 0, 3);
  for (guint i = 0; i < journey->metrics->len; i++)
    {
      const TptJourneyMetric *metric = &g_array_index (journey->metrics, TptJourneyMetric, i);
      const char *word = tpt_kpi_status_to_string (metric->status);
      g_autofree char *what = NULL;
      g_autofree char *detail = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GArray) spans = span_array_new ();
      double pill_w, pill_h, x = MARGIN + INDENT;
      g_autoptr(PangoLayout) layout = tpt_text_layout_new (pen->context, TPT_TEXT_SMALL, word, -1);

      if (metric->card != NULL)
        {
          what = card_text (metric->card);
          detail = tpt_kpi_label_card (metric->card);
        }
      else
        {
          what = g_strdup (tpt_step_get_title (metric->step));
          detail = tpt_kpi_label_step_detail (metric->step);
        }
      /* Translators: a metric and its value against its target. */
      text = g_strdup_printf (_("%s — %s"), what, detail != NULL ? detail : "");
      add_span (spans, text, what, 0, metric->card != NULL ? TPT_NODE (metric->card)
                                                           : TPT_NODE (metric->step));

      /* The status as on the card: its word in a pill. */
      mark_break (pen);
      tpt_text_layout_size (layout, &pill_w, &pill_h);
      if (pen->cr != NULL)
        {
          double r = (pill_h + 2) / 2;

          cairo_new_sub_path (pen->cr);
          cairo_arc (pen->cr, x + r, pen->y + r, r, G_PI / 2, 3 * G_PI / 2);
          cairo_arc (pen->cr, x + pill_w + 8 - r, pen->y + r, r, -G_PI / 2, G_PI / 2);
          cairo_close_path (pen->cr);
          tpt_color_set_source (pen->cr, &pen->theme->kpi_fill[metric->status]);
          cairo_fill_preserve (pen->cr);
          tpt_color_set_source (pen->cr, &pen->theme->ink);
          cairo_set_line_width (pen->cr, 0.6);
          cairo_stroke (pen->cr);
          tpt_color_set_source (pen->cr, &pen->theme->kpi_ink[metric->status]);
          cairo_move_to (pen->cr, x + 4, pen->y + 1);
          pango_cairo_show_layout (pen->cr, layout);
        }
      pen->y += MAX (pill_h + 2, text_at (pen, TPT_TEXT_BODY, text, &pen->theme->ink,
                                          x + pill_w + 14, pen->y,
                                          WIDTH - MARGIN - (x + pill_w + 14),
                                          PANGO_ALIGN_LEFT, spans)) + 3;
    }
}

static void
work (Pen        *pen,
      TptJourney *journey)
{
  g_autoptr(GString) owners = g_string_new (NULL);
  g_autoptr(GString) offices = g_string_new (NULL);

  for (guint i = 0; i < journey->owners->len; i++)
    {
      const TptJourneyWork *row = &g_array_index (journey->owners, TptJourneyWork, i);

      if (owners->len > 0)
        g_string_append (owners, " · ");
      /* Translators: an owner's share of the work: cards and steps touched. */
      g_string_append_printf (owners, _("%s %u/%u"),
                              row->name != NULL ? row->name : _("no owner"), row->n_cards,
                              row->n_steps);
    }
  for (guint i = 0; i < journey->offices->len; i++)
    {
      const TptJourneyWork *row = &g_array_index (journey->offices, TptJourneyWork, i);
      static const char *names[] = { NULL, N_("Front office"), N_("Middle office"),
                                     N_("Back office") };

      if (offices->len > 0)
        g_string_append (offices, " · ");
      g_string_append_printf (offices, _("%s %u/%u"), _(names[row->office]), row->n_cards,
                              row->n_steps);
    }

  pen->y += 6;
  line (pen, TPT_TEXT_HEADING, _("Work by owner and office (cards/steps touched)"),
        &pen->theme->ink, 0, 3);
  line (pen, TPT_TEXT_SMALL, owners->len > 0 ? owners->str : _("No card has an owner."),
        &pen->theme->ink, INDENT, 3);
  /* The offices stay with the owners they sum up. */
  pen->keep = TRUE;
  line (pen, TPT_TEXT_SMALL, offices->str, &pen->theme->muted, INDENT, 2);
}

static void
blueprint_section (Pen          *pen,
                   TptDocument  *document,
                   TptBlueprint *blueprint)
{
  g_autoptr(TptJourney) journey = tpt_journey_new (document, blueprint);
  const TptTheme *theme = pen->theme;
  const char *title = tpt_blueprint_get_title (blueprint);
  g_autofree char *time = tpt_journey_time_text (&journey->time);
  g_autofree char *waiting = tpt_journey_time_text (&journey->waiting);
  g_autofree char *ends = NULL;
  g_autofree char *waits = NULL;
  g_autofree char *hands = NULL;
  g_autofree char *fails = NULL;
  g_autofree char *bounces = NULL;
  g_autoptr(GArray) spans = span_array_new ();
  const char *heading = title[0] != '\0' ? title : _("Untitled blueprint");

  add_span (spans, heading, heading, 0, TPT_NODE (blueprint));
  line_with_links (pen, TPT_TEXT_SUBHEADING, heading, &theme->ink, 0, 4, spans);

  /* Translators: the end-to-end time of a journey, e.g. "End to end: 67 days 3 h over 14 steps". */
  ends = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "End to end: %s over %u step",
                                       "End to end: %s over %u steps", journey->n_steps),
                          time, journey->n_steps);
  line (pen, TPT_TEXT_BODY, ends, &theme->ink, 0, 2);
  if (journey->n_wait_points > 0)
    /* Translators: how long the customer waits, and at how many wait points. */
    waits = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "The customer waits %s, at %u wait point",
                                          "The customer waits %s, at %u wait points",
                                          journey->n_wait_points),
                             waiting, journey->n_wait_points);
  else
    waits = g_strdup (_("The customer never waits: there is no wait point."));
  line (pen, TPT_TEXT_BODY, waits, &theme->ink, 0, 2);
  /* Translators: handoffs, and how many of them cross offices and owners. */
  hands = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u handoff (%u between offices, %u between owners)",
                                        "%u handoffs (%u between offices, %u between owners)",
                                        journey->handoffs->len),
                           journey->handoffs->len, journey->n_office_handoffs,
                           journey->n_owner_handoffs);
  if (journey->bounces->len == 0)
    bounces = g_strdup (_("no work comes back to a team it left"));
  else
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < journey->bounces->len; i++)
        {
          const TptJourneyBounce *bounce = &g_array_index (journey->bounces, TptJourneyBounce, i);
          g_autofree char *via = tpt_journey_team_text (bounce->via);

          if (list->len > 0)
            g_string_append (list, ", ");
          /* Translators: work returns to a team (first) from another (second). */
          g_string_append_printf (list, _("to %s from %s"), bounce->team, via);
        }
      /* Translators: how often work comes back to a team it left, then where. */
      bounces = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u bounce: %s",
                                              "%u bounces: %s", journey->bounces->len),
                                 journey->bounces->len, list->str);
    }
  {
    g_autofree char *both = g_strdup_printf ("%s; %s", hands, bounces);

    line (pen, TPT_TEXT_BODY, both, &theme->ink, 0, 2);
  }
  /* Translators: fail points, and how many the customer meets. */
  fails = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "%u fail point, %u of them in customer or "
                                        "frontstage lanes",
                                        "%u fail points, %u of them in customer or "
                                        "frontstage lanes",
                                        journey->n_fail_points),
                           journey->n_fail_points,
                           tpt_journey_count_customer_facing_fail_points (journey));
  line (pen, TPT_TEXT_BODY, fails, &theme->ink, 0, 8);

  stage_table (pen, journey);
  pen->y += 8;
  fail_points (pen, journey);
  metrics (pen, journey);
  work (pen, journey);
  pen->y += 22;
}

static double
report (cairo_t        *cr,
        PangoContext   *context,
        TptDocument    *document,
        const TptTheme *theme,
        GArray         *breaks,
        GArray         *links)
{
  GListModel *blueprints = tpt_document_get_blueprints (document);
  Pen pen = { cr, context, theme, MARGIN, breaks, links };

  line (&pen, TPT_TEXT_TITLE, _("Journey numbers"), &pen.theme->ink, 0, 4);
  line (&pen, TPT_TEXT_BODY,
        _("From the blueprints themselves: step durations (a step without one is counted as "
          "unknown, never as no time), wait and fail points, and the flows between cards. A "
          "handoff is a flow to another lane or owner; a bounce, work coming back to a team "
          "it left."),
        &theme->muted, 0, 18);

  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);

      blueprint_section (&pen, document, blueprint);
    }

  return ceil (pen.y - 22 + MARGIN);
}

/**
 * tpt_journey_report_measure:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @width: (out): the report's width, in points
 * @height: (out): its height
 */
void
tpt_journey_report_measure (PangoContext *context,
                            TptDocument  *document,
                            double       *width,
                            double       *height)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  *width = WIDTH;
  *height = report (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT), NULL, NULL);
}

/**
 * tpt_journey_report_collect_breaks:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @breaks: (element-type double): gets the top of each line and table row
 *   of the report, where a page may end
 */
void
tpt_journey_report_collect_breaks (PangoContext *context,
                                   TptDocument  *document,
                                   GArray       *breaks)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));
  g_return_if_fail (breaks != NULL);

  report (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT), breaks, NULL);
}

/**
 * tpt_journey_report_collect_links:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @links: (element-type TptLink): gets where the report names a node: each
 *   blueprint's title, each stage in its table, each fail point and the
 *   cards it depends on, each metric card and step with a time target
 */
void
tpt_journey_report_collect_links (PangoContext *context,
                                  TptDocument  *document,
                                  GArray       *links)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));
  g_return_if_fail (links != NULL);

  report (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT), NULL, links);
}

/**
 * tpt_journey_report_render:
 * @cr: where to draw, with the report's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @theme: the colours
 *
 * Draws every blueprint's journey numbers at the size
 * tpt_journey_report_measure() gives. The background is left to the
 * caller.
 */
void
tpt_journey_report_render (cairo_t        *cr,
                           PangoContext   *context,
                           TptDocument    *document,
                           const TptTheme *theme)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  cairo_save (cr);
  report (cr, context, document, theme, NULL, NULL);
  cairo_restore (cr);
}
