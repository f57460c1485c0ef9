/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-cover"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-cover.h"
#include "tpt-text.h"

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
  tpt_color_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  return h;
}

static void cover_render (cairo_t             *cr,
                          PangoContext        *context,
                          TptDocument         *document,
                          const char          *title,
                          const TptTheme      *theme,
                          double               width,
                          double               height,
                          GDateTime           *date,
                          const TptCoverEntry *entries,
                          guint                n_entries);

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
 * and description, then the contents. (Contents lines are not links:
 * cairo 1.16's link tags to later pages write a damaged PDF.)
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
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  cover_render (cr, context, document, tpt_document_get_title (document), theme, width, height,
                date, entries, n_entries);
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

  cover_render (cr, context, document, title, theme, width, height, date, NULL, 0);
}

static void
cover_render (cairo_t             *cr,
              PangoContext        *context,
              TptDocument         *document,
              const char          *title,
              const TptTheme      *theme,
              double               width,
              double               height,
              GDateTime           *date,
              const TptCoverEntry *entries,
              guint                n_entries)
{
  double margin = MIN (width, height) / 10;
  double x = margin, y = margin, w = width - 2 * margin;
  /* The contents take at most half the page; a longer list ends with a
   * count of the rest, which the PDF outline still lists in full. */
  guint fit = (guint) MAX (((height - 2 * margin) / 2 - 40) / 16, 2);
  guint shown = n_entries <= fit ? n_entries : fit - 1;
  double contents_h = 40 + MIN (n_entries, fit) * 16;
  double limit = height - margin - contents_h;
  const char *author = tpt_document_get_author (document);
  const char *description = tpt_document_get_description (document);
  g_autofree char *day = g_date_time_format (date, "%-d %B %Y");

  cairo_save (cr);
  tpt_color_set_source (cr, &theme->paper);
  cairo_paint (cr);

  tpt_color_set_source (cr, &theme->stage_fill);
  cairo_rectangle (cr, 0, 0, width, margin * 0.45);
  cairo_fill (cr);

  y += show (cr, context, TPT_TEXT_COVER_TITLE,
             title != NULL && *title ? title : _("Untitled document"),
             &theme->ink, x, y, w, limit) + 12;
  if (author != NULL && *author)
    y += show (cr, context, TPT_TEXT_SUBHEADING, author, &theme->ink, x, y, w, limit) + 4;
  y += show (cr, context, TPT_TEXT_BODY, day, &theme->muted, x, y, w, limit) + 24;
  if (description != NULL && *description)
    y += show (cr, context, TPT_TEXT_BODY, description, &theme->ink, x, y, MIN (w, 440),
               limit) + 24;

  /* A cover on its own (an image of it, a printed first page) has no
   * pages to list. */
  if (n_entries == 0)
    {
      cairo_restore (cr);
      return;
    }

  y = MAX (y, height - margin - contents_h);
  tpt_color_set_source (cr, &theme->grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + w, y);
  cairo_stroke (cr);
  y += 10;
  y += show (cr, context, TPT_TEXT_HEADING, _("Contents"), &theme->ink, x, y, w, -1) + 8;

  for (guint i = 0; i < shown; i++)
    {
      g_autofree char *page = g_strdup_printf ("%d", entries[i].page);
      g_autoptr(PangoLayout) number = tpt_text_layout_new (context, TPT_TEXT_BODY, page, 40);
      double h;

      pango_layout_set_alignment (number, PANGO_ALIGN_RIGHT);
      h = show (cr, context, TPT_TEXT_BODY, entries[i].title, &theme->ink, x, y, w - 60, -1);
      cairo_move_to (cr, x + w - 40, y);
      pango_cairo_show_layout (cr, number);
      y += MAX (h, 12) + 4;
    }
  if (shown < n_entries)
    {
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "… and %u more",
                                                            "… and %u more",
                                                            n_entries - shown),
                                               n_entries - shown);

      show (cr, context, TPT_TEXT_BODY, more, &theme->muted, x, y, w - 60, -1);
    }

  cairo_restore (cr);
}
