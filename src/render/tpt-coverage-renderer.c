/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-coverage-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tpt-coverage-renderer.h"

#include "tpt-coverage.h"
#include "tpt-link.h"
#include "tpt-notation.h"
#include "tpt-text.h"

/* The coverage report: for each blueprint, which customer needs its work
 * serves and which it neglects, the backstage and support work that serves
 * no need, and for a future state what it changes against the state it is
 * based on. The page a steering committee reads next to the matrix. */

#define MARGIN  36.0
#define WIDTH   620.0
#define INDENT  14.0

/* One walk both measures (cr NULL) and draws, as the other renderers do. */
typedef struct
{
  cairo_t        *cr;
  PangoContext   *context;
  const TptTheme *theme;
  double          y;
  GArray         *links;    /* TptLink: where nodes are named, or NULL */
  GArray         *breaks;   /* double: the top of each line, or NULL */
  const TptCoverageFilter *filter;  /* its blueprint is the section's */
} Pen;

/* Writes @str below what came before, @indent in; moves the pen down.
 * With @node, the line links to it. */
static void
line_to (Pen            *pen,
         TptTextStyle    style,
         const char     *str,
         const TptColor *color,
         double          indent,
         double          space_after,
         TptNode        *node)
{
  double x = MARGIN + indent;
  g_autoptr(PangoLayout) layout = tpt_text_layout_new (pen->context, style, str,
                                                       WIDTH - MARGIN - x);
  double h;

  tpt_text_layout_size (layout, NULL, &h);
  if (pen->breaks != NULL)
    g_array_append_val (pen->breaks, pen->y);
  if (pen->cr != NULL)
    {
      tpt_color_set_source (pen->cr, color);
      cairo_move_to (pen->cr, x, pen->y);
      tpt_text_show (pen->cr, layout);
    }
  if (pen->links != NULL && node != NULL)
    tpt_link_add (pen->links, &(TptRect) { x, pen->y, WIDTH - MARGIN - x, h }, node);
  pen->y += h + space_after;
}

static void
line (Pen            *pen,
      TptTextStyle    style,
      const char     *str,
      const TptColor *color,
      double          indent,
      double          space_after)
{
  line_to (pen, style, str, color, indent, space_after, NULL);
}

/* A bullet per need: its title, and how much it matters at most. */
static void
need_lines (Pen         *pen,
            TptDocument *document,
            GPtrArray   *needs,
            const char  *none)
{
  if (needs->len == 0)
    {
      line (pen, TPT_TEXT_BODY, none, &pen->theme->muted, INDENT, 2);
      return;
    }

  for (guint i = 0; i < needs->len; i++)
    {
      TptNeed *need = g_ptr_array_index (needs, i);
      int importance = tpt_coverage_filter_need_importance (document, pen->filter, need);
      g_autofree char *text = NULL;
      gboolean important = importance >= TPT_COVERAGE_IMPORTANT;

      if (importance < 0)
        /* Translators: a need no persona has rated yet. */
        text = g_strdup_printf (_("• %s — not rated"), tpt_need_get_title (need));
      else
        /* Translators: a need, and the highest importance (0–10) any persona gives it. */
        text = g_strdup_printf (_("• %s — importance %d"), tpt_need_get_title (need), importance);
      /* Important needs stand out in bold as well as in colour, so the
       * print theme still shows them. */
      line_to (pen, important ? TPT_TEXT_HEADING : TPT_TEXT_BODY, text,
               important ? &pen->theme->warning : &pen->theme->ink, INDENT, 2, TPT_NODE (need));
    }
}

static TptBlueprint *
based_on (TptDocument  *document,
          TptBlueprint *blueprint)
{
  const char *id = tpt_blueprint_get_based_on (blueprint);

  return id != NULL ? tpt_document_lookup_typed (document, id, TPT_TYPE_BLUEPRINT) : NULL;
}

/* The needs of @filter that @a leaves unserved and @b serves (or, with
 * @both, that neither serves). */
static GPtrArray *
difference (GPtrArray *a,
            GPtrArray *b,
            gboolean   both)
{
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < a->len; i++)
    if (g_ptr_array_find (b, g_ptr_array_index (a, i), NULL) == both)
      g_ptr_array_add (result, g_ptr_array_index (a, i));
  return result;
}

static void
blueprint_section (Pen          *pen,
                   TptDocument  *document,
                   TptBlueprint *blueprint)
{
  const TptTheme *theme = pen->theme;
  TptCoverageFilter filter = { blueprint, pen->filter->persona, pen->filter->segment };
  const TptCoverageFilter *outer = pen->filter;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) unserved = NULL;
  g_autoptr(GPtrArray) important = NULL;
  g_autoptr(GPtrArray) idle = NULL;
  TptBlueprint *current = based_on (document, blueprint);
  guint n_needs;
  g_autofree char *served = NULL;
  g_autofree char *summary = NULL;
  const char *name = tpt_blueprint_get_title (blueprint);

  pen->filter = &filter;
  all = tpt_coverage_filter_needs (document, &filter);
  unserved = tpt_coverage_filter_unserved_needs (document, &filter, -1);
  important = tpt_coverage_filter_unserved_needs (document, &filter, TPT_COVERAGE_IMPORTANT);
  idle = tpt_coverage_filter_unlinked_back_cards (document, &filter);
  n_needs = all->len;

  line (pen, TPT_TEXT_SUBHEADING, name != NULL && *name ? name : _("Untitled blueprint"),
        &theme->ink, 0, 4);

  served = g_strdup_printf (ngettext ("%u of %u need served", "%u of %u needs served", n_needs),
                            n_needs - unserved->len, n_needs);
  /* Translators: the state, “N of M needs served”, then two counts. */
  summary = g_strdup_printf (_("%s · %s · %u important and unserved · %u backstage or support cards serve no need"),
                             tpt_blueprint_get_state (blueprint) == TPT_BLUEPRINT_STATE_FUTURE
                               ? _("Future state") : _("Current state"),
                             served, important->len, idle->len);
  line (pen, TPT_TEXT_BODY, summary, &theme->muted, 0, 8);

  line (pen, TPT_TEXT_HEADING, _("Needs no card serves"), &theme->ink, 0, 3);
  need_lines (pen, document, unserved, _("None: every need is served."));
  pen->y += 6;

  line (pen, TPT_TEXT_HEADING, _("Backstage and support work that serves no need"), &theme->ink, 0, 3);
  if (idle->len == 0)
    line (pen, TPT_TEXT_BODY, _("None: all of it serves a need."), &theme->muted, INDENT, 2);
  for (guint i = 0; i < idle->len; i++)
    {
      TptCard *card = g_ptr_array_index (idle, i);
      TptLane *lane = tpt_document_lookup_typed (document, tpt_card_get_lane (card), TPT_TYPE_LANE);
      g_autofree char *text = g_strdup_printf ("• %s (%s)", tpt_card_get_text (card),
                                               lane != NULL ? tpt_lane_get_title (lane) : "");

      line_to (pen, TPT_TEXT_BODY, text, &theme->ink, INDENT, 2, TPT_NODE (card));
    }

  if (current != NULL && current != blueprint)
    {
      g_autoptr(GPtrArray) closed = NULL;
      g_autoptr(GPtrArray) opened = NULL;
      g_autoptr(GPtrArray) remaining = NULL;
      g_autofree char *heading = NULL;

      TptCoverageFilter before = { current, filter.persona, filter.segment };
      g_autoptr(GPtrArray) was_unserved = tpt_coverage_filter_unserved_needs (document, &before,
                                                                              -1);

      closed = difference (was_unserved, unserved, FALSE);
      opened = difference (unserved, was_unserved, FALSE);
      remaining = difference (was_unserved, unserved, TRUE);
      /* Translators: %s is the title of the current-state blueprint. */
      heading = g_strdup_printf (_("Against “%s”"), tpt_blueprint_get_title (current));
      pen->y += 6;
      line (pen, TPT_TEXT_HEADING, heading, &theme->ink, 0, 3);
      line (pen, TPT_TEXT_SMALL, _("Gaps it closes"), &theme->muted, INDENT, 2);
      need_lines (pen, document, closed, _("None."));
      line (pen, TPT_TEXT_SMALL, _("Gaps it opens"), &theme->muted, INDENT, 2);
      need_lines (pen, document, opened, _("None."));
      line (pen, TPT_TEXT_SMALL, _("Gaps it leaves"), &theme->muted, INDENT, 2);
      need_lines (pen, document, remaining, _("None."));
    }

  pen->y += 18;
  pen->filter = outer;
}

static double
report (cairo_t                 *cr,
        PangoContext            *context,
        TptDocument             *document,
        const TptTheme          *theme,
        const TptCoverageFilter *filter,
        GArray                  *links,
        GArray                  *breaks)
{
  static const TptCoverageFilter everyone = { NULL, NULL, NULL };
  GListModel *blueprints = tpt_document_get_blueprints (document);
  Pen pen = { cr, context, theme, MARGIN, links, breaks, filter != NULL ? filter : &everyone };

  line (&pen, TPT_TEXT_TITLE, _("Coverage"), &theme->ink, 0, 4);
  line (&pen, TPT_TEXT_BODY,
        _("Which customer needs the work in each blueprint serves, and which it neglects; "
          "each state of a service counts only its own cards. "
          "Needs some persona rates important (7 or more out of 10) are in bold."),
        &theme->muted, 0, tpt_coverage_filter_is_set (filter) ? 4 : 18);
  if (tpt_coverage_filter_is_set (filter))
    {
      g_autofree char *only = NULL;

      if (filter->persona != NULL)
        /* Translators: the report is narrowed to one persona's needs. */
        only = g_strdup_printf (_("Only the needs %s rated, and the cards that concern them."),
                                tpt_persona_get_name (filter->persona));
      else
        /* Translators: the report is narrowed to one segment of personas. */
        only = g_strdup_printf (_("Only the needs the segment “%s” rated, and the cards that "
                                  "concern it."), filter->segment);
      line (&pen, TPT_TEXT_BODY, only, &theme->muted, 0, 18);
    }

  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);

      if (filter != NULL && filter->blueprint != NULL && filter->blueprint != blueprint)
        continue;
      blueprint_section (&pen, document, blueprint);
    }

  return ceil (pen.y - 18 + MARGIN);
}

/**
 * tpt_coverage_report_measure:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @width: (out): the report's width, in points
 * @height: (out): its height
 */
void
tpt_coverage_report_measure (PangoContext *context,
                             TptDocument  *document,
                             double       *width,
                             double       *height)
{
  tpt_coverage_report_measure_filtered (context, document, NULL, width, height);
}

/**
 * tpt_coverage_report_measure_filtered:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @filter: (nullable): one blueprint to report on (%NULL fields: every
 *   blueprint, each for its own cards), and the persona or segment whose
 *   needs count
 * @width: (out): the report's width, in points
 * @height: (out): its height
 */
void
tpt_coverage_report_measure_filtered (PangoContext            *context,
                                      TptDocument             *document,
                                      const TptCoverageFilter *filter,
                                      double                  *width,
                                      double                  *height)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  *width = WIDTH;
  *height = report (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT), filter, NULL,
                    NULL);
}

/**
 * tpt_coverage_report_render:
 * @cr: where to draw, with the report's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @theme: the colours
 *
 * Draws the coverage report at the size tpt_coverage_report_measure()
 * gives: a section per blueprint, each counting only its own cards. The
 * background is left to the caller.
 */
void
tpt_coverage_report_render (cairo_t        *cr,
                            PangoContext   *context,
                            TptDocument    *document,
                            const TptTheme *theme)
{
  tpt_coverage_report_render_filtered (cr, context, document, theme, NULL);
}

/**
 * tpt_coverage_report_render_filtered:
 * @cr: where to draw, with the report's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @theme: the colours
 * @filter: (nullable): as for tpt_coverage_report_measure_filtered()
 */
void
tpt_coverage_report_render_filtered (cairo_t                 *cr,
                                     PangoContext            *context,
                                     TptDocument             *document,
                                     const TptTheme          *theme,
                                     const TptCoverageFilter *filter)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  cairo_save (cr);
  report (cr, context, document, theme, filter, NULL, NULL);
  cairo_restore (cr);
}

/**
 * tpt_coverage_report_collect_links:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @links: (element-type TptLink): gets where the report names a need or a
 *   card
 */
void
tpt_coverage_report_collect_links (PangoContext *context,
                                   TptDocument  *document,
                                   GArray       *links)
{
  tpt_coverage_report_collect_links_filtered (context, document, NULL, links);
}

/**
 * tpt_coverage_report_collect_links_filtered:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @filter: (nullable): as for tpt_coverage_report_measure_filtered()
 * @links: (element-type TptLink): gets where the report names a need or a
 *   card
 */
void
tpt_coverage_report_collect_links_filtered (PangoContext            *context,
                                            TptDocument             *document,
                                            const TptCoverageFilter *filter,
                                            GArray                  *links)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));
  g_return_if_fail (links != NULL);

  /* The walk measures without drawing; positions are the same. */
  report (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT), filter, links, NULL);
}

/**
 * tpt_coverage_report_collect_breaks:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @filter: (nullable): as for tpt_coverage_report_measure_filtered()
 * @breaks: (element-type double): gets the top of each line of the
 *   report, where a page may end
 */
void
tpt_coverage_report_collect_breaks (PangoContext            *context,
                                    TptDocument             *document,
                                    const TptCoverageFilter *filter,
                                    GArray                  *breaks)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));
  g_return_if_fail (breaks != NULL);

  report (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT), filter, NULL, breaks);
}
