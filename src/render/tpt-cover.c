/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-cover"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-cover.h"
#include "tpt-geometry.h"
#include "tpt-text.h"

#include <math.h>
#include <pango/pangocairo.h>

/* Shows @text at (@x, @y) wrapped to @width and returns its height; drawn
 * only if it ends above @limit, so a long description cannot run off the
 * page or into the contents. */
static double
show (cairo_t        *cr,
      PangoContext   *context,
      TptTextStyle    style,
      const char     *text,
      const TptColor *color,
      double          x,
      double          y,
      double          width,
      double          limit)
{
  g_autoptr(PangoLayout) layout = tpt_text_layout_new (context, style, text, width);
  double h;

  if (limit > y)
    pango_layout_set_height (layout, (int) ((limit - y) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  tpt_text_layout_size (layout, NULL, &h);
  if (cr != NULL)
    {
      tpt_color_set_source (cr, color);
      cairo_move_to (cr, x, y);
      tpt_text_show (cr, layout);
    }
  return h;
}

/* One line of the contents, and the room it takes. */
#define ENTRY_STEP 16.0
#define CONTENTS_HEAD 40.0

typedef struct
{
  cairo_t        *cr;
  PangoContext   *context;
  TptDocument    *document;
  const char     *title;
  const TptTheme *theme;
  double          width;
  double          height;
  GDateTime      *date;
  const char * const *notes;
} Cover;

/* The title block: title, author, date, description and notes, from the
 * top margin; returns where it ends. With @cover->cr NULL, measures. */
static double
title_block (const Cover *cover,
             double       limit)
{
  cairo_t *cr = cover->cr;
  const TptTheme *theme = cover->theme;
  PangoContext *context = cover->context;
  double margin = MIN (cover->width, cover->height) / 10;
  double x = margin, y = margin, w = cover->width - 2 * margin;
  const char *author = tpt_document_get_author (cover->document);
  const char *description = tpt_document_get_description (cover->document);
  g_autofree char *day = g_date_time_format (cover->date, "%-d %B %Y");

  if (cr != NULL)
    {
      tpt_color_set_source (cr, &theme->stage_fill);
      cairo_rectangle (cr, 0, 0, cover->width, margin * 0.45);
      cairo_fill (cr);
    }

  y += show (cr, context, TPT_TEXT_COVER_TITLE,
             cover->title != NULL && *cover->title ? cover->title : _("Untitled document"),
             &theme->ink, x, y, w, limit) + 12;
  if (author != NULL && *author)
    y += show (cr, context, TPT_TEXT_SUBHEADING, author, &theme->ink, x, y, w, limit) + 4;
  y += show (cr, context, TPT_TEXT_BODY, day, &theme->muted, x, y, w, limit) + 24;
  if (description != NULL && *description)
    y += show (cr, context, TPT_TEXT_BODY, description, &theme->ink, x, y, MIN (w, 440),
               limit) + 24;
  for (guint i = 0; cover->notes != NULL && cover->notes[i] != NULL; i++)
    y += show (cr, context, TPT_TEXT_BODY, cover->notes[i], &theme->muted, x, y, MIN (w, 520),
               limit) + 6;
  return y;
}

/**
 * tpt_cover_contents_fit:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @width: the page width, in points
 * @height: the page height
 * @notes: (nullable) (array zero-terminated=1): lines the cover adds under
 *   the description, such as how the document was split for its paper
 * @first_page: the cover itself, rather than a page the contents
 *   continue on
 *
 * Returns: how many contents entries fit on the page, at least one
 */
guint
tpt_cover_contents_fit (PangoContext       *context,
                        TptDocument        *document,
                        double              width,
                        double              height,
                        const char * const *notes,
                        gboolean            first_page)
{
  Cover cover = { NULL, context, document, tpt_document_get_title (document),
                  tpt_theme_get (TPT_THEME_LIGHT), width, height, NULL, notes };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  double margin = MIN (width, height) / 10;
  double top = margin;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), 1);

  cover.date = now;
  if (first_page)
    top = title_block (&cover, -1);
  return (guint) MAX (1, floor ((height - margin - top - CONTENTS_HEAD) / ENTRY_STEP));
}

/**
 * tpt_cover_render_contents:
 * @cr: where to draw, with the page's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @title: (nullable): the title to show, or %NULL for the document's
 * @theme: the colours
 * @width: the page width, in points
 * @height: the page height
 * @date: the date to print
 * @entries: (array length=end): the contents
 * @first: the first entry on this page; 0 on the cover itself
 * @end: the entry after the last on this page
 * @notes: (nullable) (array zero-terminated=1): lines under the
 *   description
 * @rects: (nullable) (element-type TptRect): gets where each entry from
 *   @first is drawn, so an export can make it a link
 *
 * Draws the cover, with the contents from @first up to @end at its foot;
 * or, for @first > 0, a page the contents continue on.
 */
void
tpt_cover_render_contents (cairo_t             *cr,
                           PangoContext        *context,
                           TptDocument         *document,
                           const char          *title,
                           const TptTheme      *theme,
                           double               width,
                           double               height,
                           GDateTime           *date,
                           const TptCoverEntry *entries,
                           guint                first,
                           guint                end,
                           const char * const  *notes,
                           GArray              *rects)
{
  Cover cover = { cr, context, document,
                  title != NULL ? title : tpt_document_get_title (document),
                  theme, width, height, date, notes };
  double margin = MIN (width, height) / 10;
  double x = margin, y = margin, w = width - 2 * margin;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  cairo_save (cr);
  if (!tpt_theme_get_no_paper (cr))
    {
      tpt_color_set_source (cr, &theme->paper);
      cairo_paint (cr);
    }

  if (first == 0)
    {
      /* The contents sit at the foot; the title block may not run into
       * them. */
      double contents_h = end > 0 ? CONTENTS_HEAD + end * ENTRY_STEP : 0;

      y = title_block (&cover, height - margin - contents_h);
      if (end == 0)
        {
          cairo_restore (cr);
          return;
        }
      y = MAX (y, height - margin - contents_h);
    }

  tpt_color_set_source (cr, &theme->grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + w, y);
  cairo_stroke (cr);
  y += 10;
  y += show (cr, context, TPT_TEXT_HEADING,
             first == 0 ? _("Contents") : _("Contents (continued)"), &theme->ink, x, y, w, -1);
  y = MAX (y, 0) + 8;

  for (guint i = first; i < end; i++)
    {
      g_autofree char *page = g_strdup_printf ("%d", entries[i].page);
      g_autoptr(PangoLayout) number = tpt_text_layout_new (context, TPT_TEXT_BODY, page, 40);
      g_autoptr(PangoLayout) line = tpt_text_layout_new (context, TPT_TEXT_BODY, entries[i].title,
                                                         w - 60);

      pango_layout_set_ellipsize (line, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (line, -1);
      pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
      tpt_color_set_source (cr, &theme->ink);
      cairo_move_to (cr, x, y);
      tpt_text_show (cr, line);
      cairo_move_to (cr, x + w - 40, y);
      tpt_text_show (cr, number);
      if (rects != NULL)
        {
          TptRect rect = { x, y - 2, w, ENTRY_STEP };

          g_array_append_val (rects, rect);
        }
      y += ENTRY_STEP;
    }

  cairo_restore (cr);
}

/**
 * tpt_cover_render:
 * @cr: where to draw
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @theme: the colours
 * @width: the page width, in points
 * @height: the page height, in points
 * @date: the date to print
 * @entries: (array length=n_entries): the contents
 * @n_entries: how many
 *
 * Draws the cover page of an exported document: its title, author, date
 * and description, then as much of the contents as fits.
 */
void
tpt_cover_render (cairo_t             *cr,
                  PangoContext        *context,
                  TptDocument         *document,
                  const TptTheme      *theme,
                  double               width,
                  double               height,
                  GDateTime           *date,
                  const TptCoverEntry *entries,
                  guint                n_entries)
{
  guint fit;

  g_return_if_fail (TPT_IS_DOCUMENT (document));

  fit = tpt_cover_contents_fit (context, document, width, height, NULL, TRUE);
  tpt_cover_render_contents (cr, context, document, NULL, theme, width, height, date, entries,
                             0, MIN (fit, n_entries), NULL, NULL);
}

/**
 * tpt_cover_render_titled:
 * @cr: where to draw
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @title: the title to show instead of the document's, such as a cover
 *   slide's own
 * @theme: the colours
 * @width: the page width, in points
 * @height: the page height, in points
 * @date: the date to print
 *
 * Draws a cover as tpt_cover_render() does, with another title and no
 * contents.
 */
void
tpt_cover_render_titled (cairo_t        *cr,
                         PangoContext   *context,
                         TptDocument    *document,
                         const char     *title,
                         const TptTheme *theme,
                         double          width,
                         double          height,
                         GDateTime      *date)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  tpt_cover_render_contents (cr, context, document, title, theme, width, height, date, NULL, 0,
                             0, NULL, NULL);
}
