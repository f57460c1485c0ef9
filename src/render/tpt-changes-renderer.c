/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-changes-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tpt-changes-renderer.h"

#include "tpt-paginate.h"
#include "tpt-text.h"

/* The "Changes since …" page of a stakeholder review: what a TptDiff says
 * changed, in the designer's sentences git diff prints, a heading per
 * artefact and a line per node. Each line starts with a sign (+ added,
 * − removed, ~ changed, ↕ moved) as well as a colour, so that the page
 * still reads printed in grey. A long list goes on over pages. */

#define MARGIN  36.0
#define WIDTH   620.0
#define INDENT  22.0
#define SIGN    14.0

typedef struct
{
  TptTextStyle    style;
  char           *text;
  const char     *sign;     /* before the text, or NULL */
  const TptColor *color;
  double          indent;
  double          space_before;
} Row;

typedef struct
{
  PangoContext   *context;
  const TptTheme *theme;
  GArray         *rows;     /* Row */
} Report;

static void
row_clear (gpointer data)
{
  Row *row = data;

  g_free (row->text);
}

static void
add_row (Report         *report,
         TptTextStyle    style,
         char           *text,
         const char     *sign,
         const TptColor *color,
         double          indent,
         double          space_before)
{
  Row row = { style, text, sign, color, indent, space_before };

  g_array_append_val (report->rows, row);
}

static const char *
sign_of (TptDiffAction action)
{
  switch (action)
    {
    case TPT_DIFF_ADDED:   return "+";
    case TPT_DIFF_REMOVED: return "−";
    case TPT_DIFF_MOVED:   return "↕";
    case TPT_DIFF_CHANGED:
    default:               return "~";
    }
}

static const TptColor *
color_of (const TptTheme *theme,
          TptDiffAction   action)
{
  switch (action)
    {
    case TPT_DIFF_ADDED:   return &theme->card_accent[TPT_CARD_KIND_OPPORTUNITY];
    case TPT_DIFF_REMOVED: return &theme->warning;
    case TPT_DIFF_MOVED:   return &theme->muted;
    case TPT_DIFF_CHANGED:
    default:               return &theme->ink;
    }
}

/* Row 0 is the title and the counts; then a row per line of the diff. */
static void
report_init (Report         *report,
             PangoContext   *context,
             TptDiff        *diff,
             const char     *since,
             const TptTheme *theme)
{
  g_autoptr(GPtrArray) lines = tpt_diff_list_lines (diff);
  guint counts[TPT_DIFF_MOVED + 1] = { 0 };
  g_autofree char *title = NULL;
  g_autofree char *added = NULL;
  g_autofree char *removed = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *moved = NULL;

  report->context = context;
  report->theme = theme;
  report->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (report->rows, row_clear);

  for (guint i = 0; i < lines->len; i++)
    {
      const TptDiffLine *line = g_ptr_array_index (lines, i);

      if (!line->heading)
        counts[line->action]++;
    }

  /* Translators: the title of an exported page listing what changed in a
   * document since another version of it; %s names that version, e.g.
   * “claims-v1.touchpoint” or “the saved file”. */
  title = g_strdup_printf (_("Changes since %s"), since);
  added = g_strdup_printf (ngettext ("%u added", "%u added", counts[TPT_DIFF_ADDED]),
                           counts[TPT_DIFF_ADDED]);
  removed = g_strdup_printf (ngettext ("%u removed", "%u removed", counts[TPT_DIFF_REMOVED]),
                             counts[TPT_DIFF_REMOVED]);
  changed = g_strdup_printf (ngettext ("%u changed", "%u changed", counts[TPT_DIFF_CHANGED]),
                             counts[TPT_DIFF_CHANGED]);
  moved = g_strdup_printf (ngettext ("%u moved", "%u moved", counts[TPT_DIFF_MOVED]),
                           counts[TPT_DIFF_MOVED]);
  add_row (report, TPT_TEXT_TITLE, g_steal_pointer (&title), NULL, &theme->ink, 0, 0);
  if (lines->len == 0)
    add_row (report, TPT_TEXT_BODY, g_strdup (_("Nothing changed.")), NULL, &theme->muted, 0, 4);
  else
    /* Translators: the counts of changes under the title, e.g. "3 added ·
     * 1 removed · 7 changed · 2 moved", and what the signs before each
     * line mean. */
    add_row (report, TPT_TEXT_BODY,
             g_strdup_printf (_("%s · %s · %s · %s. A line per item: + added, − removed, "
                                "~ changed, ↕ moved."), added, removed, changed, moved),
             NULL, &theme->muted, 0, 4);

  for (guint i = 0; i < lines->len; i++)
    {
      const TptDiffLine *line = g_ptr_array_index (lines, i);

      if (line->heading)
        add_row (report, TPT_TEXT_HEADING, g_strdup (line->text), NULL, &theme->ink, 0,
                 i == 0 ? 18 : 12);
      else
        add_row (report, TPT_TEXT_BODY, g_strdup (line->text), sign_of (line->action),
                 color_of (theme, line->action), INDENT, 3);
    }
}

static void
report_clear (Report *report)
{
  g_clear_pointer (&report->rows, g_array_unref);
}

/* Draws (cr non-NULL) or measures rows @first up to @end from the top of
 * a page; returns the height they take with the margins. */
static double
rows (Report  *report,
      cairo_t *cr,
      guint    first,
      guint    end)
{
  double y = MARGIN;

  end = MIN (end, report->rows->len);
  for (guint i = first; i < end; i++)
    {
      const Row *row = &g_array_index (report->rows, Row, i);
      double x = MARGIN + row->indent;
      g_autoptr(PangoLayout) layout = tpt_text_layout_new (report->context, row->style, row->text,
                                                           WIDTH - MARGIN - x);
      double h;

      /* A page starts with its first row, not with the space before it. */
      if (i > first)
        y += row->space_before;
      tpt_text_layout_size (layout, NULL, &h);
      if (cr != NULL)
        {
          tpt_color_set_source (cr, row->color);
          if (row->sign != NULL)
            {
              g_autoptr(PangoLayout) sign = tpt_text_layout_new (report->context,
                                                                 TPT_TEXT_HEADING, row->sign,
                                                                 SIGN);

              cairo_move_to (cr, x - SIGN - 2, y);
              pango_cairo_show_layout (cr, sign);
            }
          cairo_move_to (cr, x, y);
          pango_cairo_show_layout (cr, layout);
        }
      y += h;
    }
  return ceil (y + MARGIN);
}

/**
 * tpt_changes_report_measure:
 * @context: a context from tpt_text_context_new()
 * @diff: what changed, from the older version to the document
 * @since: the older version's name, e.g. a file name or a date
 * @width: (out): the page's width, in points
 * @height: (out): its height, all on one page
 */
void
tpt_changes_report_measure (PangoContext *context,
                            TptDiff      *diff,
                            const char   *since,
                            double       *width,
                            double       *height)
{
  Report report;

  g_return_if_fail (TPT_IS_DIFF (diff));
  g_return_if_fail (since != NULL);

  report_init (&report, context, diff, since, tpt_theme_get (TPT_THEME_LIGHT));
  *width = WIDTH;
  *height = rows (&report, NULL, 0, G_MAXUINT);
  report_clear (&report);
}

/**
 * tpt_changes_report_render:
 * @cr: where to draw, with the page's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @diff: what changed
 * @since: the older version's name
 * @theme: the colours
 *
 * Draws the whole list at the size tpt_changes_report_measure() gives.
 * The background is left to the caller.
 */
void
tpt_changes_report_render (cairo_t        *cr,
                           PangoContext   *context,
                           TptDiff        *diff,
                           const char     *since,
                           const TptTheme *theme)
{
  g_return_if_fail (cr != NULL);

  tpt_changes_report_render_part (cr, context, diff, since, theme, 0, G_MAXUINT);
}

typedef struct
{
  Report *report;
} Part;

static double
part_height (guint    first,
             guint    end,
             gpointer data)
{
  Part *part = data;

  return rows (part->report, NULL, first, end);
}

/**
 * tpt_changes_report_paginate:
 * @context: a context from tpt_text_context_new()
 * @diff: what changed
 * @since: the older version's name
 * @page_width: the width to fill, in points; the list is scaled down to
 *   it if wider, never up
 * @page_height: the height of a page, in points
 * @breaks: (element-type guint): gets the first row of each page
 *
 * Splits the list over pages between its lines; the title is on the
 * first.
 *
 * Returns: the scale the pages are drawn at
 */
double
tpt_changes_report_paginate (PangoContext *context,
                             TptDiff      *diff,
                             const char   *since,
                             double        page_width,
                             double        page_height,
                             GArray       *breaks)
{
  Report report;
  Part part = { &report };
  double scale;

  g_return_val_if_fail (TPT_IS_DIFF (diff), 1.0);
  g_return_val_if_fail (since != NULL, 1.0);
  g_return_val_if_fail (breaks != NULL, 1.0);

  report_init (&report, context, diff, since, tpt_theme_get (TPT_THEME_LIGHT));
  scale = MIN (1.0, page_width / WIDTH);
  /* The title and the counts stay together. */
  tpt_paginate_rows (report.rows->len, page_height / scale, part_height, &part, breaks);
  if (breaks->len > 1 && g_array_index (breaks, guint, 1) == 1)
    g_array_remove_index (breaks, 1);
  /* Nor does a heading end a page without a line of its own. */
  for (guint k = 1; k < breaks->len; k++)
    {
      guint *start = &g_array_index (breaks, guint, k);
      const Row *last = &g_array_index (report.rows, Row, *start - 1);

      if (last->style == TPT_TEXT_HEADING && *start - 1 > g_array_index (breaks, guint, k - 1))
        (*start)--;
    }
  report_clear (&report);
  return scale;
}

/**
 * tpt_changes_report_render_part:
 * @cr: where to draw, with the page's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @diff: what changed
 * @since: the older version's name
 * @theme: the colours
 * @first: the first row, from tpt_changes_report_paginate()
 * @end: the row after the last, or %G_MAXUINT
 *
 * Draws one page of the list.
 */
void
tpt_changes_report_render_part (cairo_t        *cr,
                                PangoContext   *context,
                                TptDiff        *diff,
                                const char     *since,
                                const TptTheme *theme,
                                guint           first,
                                guint           end)
{
  Report report;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPT_IS_DIFF (diff));
  g_return_if_fail (since != NULL);

  report_init (&report, context, diff, since, theme);
  cairo_save (cr);
  rows (&report, cr, first, end);
  cairo_restore (cr);
  report_clear (&report);
}
