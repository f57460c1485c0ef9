/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-poster"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-poster.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-export.h"
#include "tpt-text.h"

#include <math.h>
#include <pango/pangocairo.h>

#define MM (72.0 / 25.4)

/* Each sheet keeps 12 mm of white round the drawing: room for the crop
 * marks, the overlap ticks and the tile labels, and more than most office
 * printers' unprintable border. */
#define SHEET_MARGIN (12 * MM)

/**
 * tpt_poster_plan:
 * @bounds: the drawing, in layout points
 * @sheet_width: the paper, in points
 * @sheet_height: the paper, in points
 * @scale_percent: the print scale, or 0 for 100% unless @sheets_wide is set
 * @sheets_wide: how many sheets the drawing spans across, or 0
 * @overlap_mm: the strip two neighbouring sheets share, in millimetres
 * @plan: (out): the plan
 * @error: the place for an error
 *
 * Returns: %TRUE if the options make a poster of a sensible number of
 *   sheets
 */
gboolean
tpt_poster_plan (const TptRect  *bounds,
                 double          sheet_width,
                 double          sheet_height,
                 double          scale_percent,
                 guint           sheets_wide,
                 double          overlap_mm,
                 TptPosterPlan  *plan,
                 GError        **error)
{
  double content_w = sheet_width - 2 * SHEET_MARGIN;
  double content_h = sheet_height - 2 * SHEET_MARGIN;
  double overlap = overlap_mm * MM;

  g_return_val_if_fail (bounds != NULL && plan != NULL, FALSE);

  if (scale_percent > 0 && sheets_wide > 0)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("Give a poster either a scale or a number of sheets across, "
                             "not both"));
      return FALSE;
    }
  if (scale_percent < 0 || scale_percent > 1000)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("The poster scale must be more than 0% and at most 1000%"));
      return FALSE;
    }
  if (!(overlap >= 0 && overlap <= MIN (content_w, content_h) / 2))
    {
      g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                   _("The overlap must be between 0 and %.0f mm on this paper"),
                   floor (MIN (content_w, content_h) / 2 / MM));
      return FALSE;
    }

  plan->sheet_width = sheet_width;
  plan->sheet_height = sheet_height;
  plan->margin = SHEET_MARGIN;
  plan->overlap = overlap;
  plan->no_marks = FALSE;
  if (sheets_wide > 0)
    plan->scale = (sheets_wide * (content_w - overlap) + overlap) / bounds->width;
  else
    plan->scale = (scale_percent > 0 ? scale_percent : 100) / 100;

  /* Each further sheet adds its width less the overlap. */
  plan->columns = MAX (1, (guint) ceil ((bounds->width * plan->scale - overlap)
                                        / (content_w - overlap) - 1e-9));
  plan->rows = MAX (1, (guint) ceil ((bounds->height * plan->scale - overlap)
                                     / (content_h - overlap) - 1e-9));

  if ((double) plan->columns * plan->rows > TPT_POSTER_MAX_SHEETS)
    {
      g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_TOO_LARGE,
                   _("The poster would take %u × %u sheets; at most %d are allowed — "
                     "choose a smaller scale or larger paper"),
                   plan->columns, plan->rows, TPT_POSTER_MAX_SHEETS);
      return FALSE;
    }

  return TRUE;
}

/**
 * tpt_poster_tile:
 * @plan: a plan
 * @row: from 0
 * @column: from 0
 *
 * Returns: the part of the drawing, in layout points, that the sheet shows
 */
TptRect
tpt_poster_tile (const TptPosterPlan *plan,
                 guint                row,
                 guint                column)
{
  double content_w = plan->sheet_width - 2 * plan->margin;
  double content_h = plan->sheet_height - 2 * plan->margin;

  return (TptRect) {
    column * (content_w - plan->overlap) / plan->scale,
    row * (content_h - plan->overlap) / plan->scale,
    content_w / plan->scale,
    content_h / plan->scale,
  };
}

/**
 * tpt_poster_tile_label:
 * @row: from 0
 * @column: from 0
 *
 * Returns: (transfer full): the name written on the sheet: a row letter
 *   and a column number, as on a map ("B3"; after Z come AA, AB…)
 */
char *
tpt_poster_tile_label (guint row,
                       guint column)
{
  char letters[8];
  guint n = 0;

  for (guint r = row + 1; r > 0 && n < sizeof letters; r = (r - 1) / 26)
    letters[n++] = (char) ('A' + (r - 1) % 26);

  {
    GString *label = g_string_new (NULL);

    while (n > 0)
      g_string_append_c (label, letters[--n]);
    g_string_append_printf (label, "%u", column + 1);
    return g_string_free (label, FALSE);
  }
}

static const char *
title_of (const TptBlueprintLayout *layout)
{
  const char *title = tpt_blueprint_get_title (layout->blueprint);

  return title != NULL ? title : "";
}

static void
show_text (cairo_t        *cr,
           PangoContext   *context,
           TptTextStyle    style,
           const char     *text,
           const TptColor *color,
           double          x,
           double          y,
           PangoAlignment  alignment,
           double          width)
{
  g_autoptr(PangoLayout) layout = tpt_text_layout_new (context, style, text, width);

  pango_layout_set_alignment (layout, alignment);
  tpt_color_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Crop marks at the corners of the drawing, and ticks in the margin where
 * a neighbour's overlap begins: trim one sheet at its crop marks and lay
 * it over the next up to the ticks. */
static void
draw_marks (cairo_t             *cr,
            const TptPosterPlan *plan,
            guint                row,
            guint                column)
{
  double m = plan->margin;
  double x0 = m, y0 = m, x1 = plan->sheet_width - m, y1 = plan->sheet_height - m;
  double xs[2] = { x0, x1 }, ys[2] = { y0, y1 };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  for (guint i = 0; i < 2; i++)
    for (guint j = 0; j < 2; j++)
      {
        double dx = i == 0 ? -1 : 1, dy = j == 0 ? -1 : 1;

        cairo_move_to (cr, xs[i] + dx * 2 * MM, ys[j]);
        cairo_line_to (cr, xs[i] + dx * (m / 2 - 1 * MM), ys[j]);
        cairo_move_to (cr, xs[i], ys[j] + dy * 2 * MM);
        cairo_line_to (cr, xs[i], ys[j] + dy * (m / 2 - 1 * MM));
      }
  cairo_stroke (cr);

  if (plan->overlap > 0)
    {
      static const double dashed[] = { 2, 2 };
      /* In the inner half of the margin; the outer half holds labels. */
      double near = 2 * MM, far = m / 2 - 1 * MM;

      cairo_set_dash (cr, dashed, G_N_ELEMENTS (dashed), 0);

      if (column > 0)
        {
          cairo_move_to (cr, x0 + plan->overlap, y0 - near);
          cairo_line_to (cr, x0 + plan->overlap, y0 - far);
          cairo_move_to (cr, x0 + plan->overlap, y1 + near);
          cairo_line_to (cr, x0 + plan->overlap, y1 + far);
        }
      if (column + 1 < plan->columns)
        {
          cairo_move_to (cr, x1 - plan->overlap, y0 - near);
          cairo_line_to (cr, x1 - plan->overlap, y0 - far);
          cairo_move_to (cr, x1 - plan->overlap, y1 + near);
          cairo_line_to (cr, x1 - plan->overlap, y1 + far);
        }
      if (row > 0)
        {
          cairo_move_to (cr, x0 - near, y0 + plan->overlap);
          cairo_line_to (cr, x0 - far, y0 + plan->overlap);
          cairo_move_to (cr, x1 + near, y0 + plan->overlap);
          cairo_line_to (cr, x1 + far, y0 + plan->overlap);
        }
      if (row + 1 < plan->rows)
        {
          cairo_move_to (cr, x0 - near, y1 - plan->overlap);
          cairo_line_to (cr, x0 - far, y1 - plan->overlap);
          cairo_move_to (cr, x1 + near, y1 - plan->overlap);
          cairo_line_to (cr, x1 + far, y1 - plan->overlap);
        }
      cairo_stroke (cr);
    }
  cairo_restore (cr);
}

/**
 * tpt_poster_render_sheet:
 * @cr: a page of the sheet's size
 * @context: a context from tpt_text_context_new()
 * @layout: the blueprint
 * @theme: the colours
 * @plan: the plan
 * @row: from 0
 * @column: from 0
 *
 * Draws one sheet: its part of the blueprint, its marks, its label, and
 * the labels of the sheets that go beside it.
 */
void
tpt_poster_render_sheet (cairo_t                  *cr,
                         PangoContext             *context,
                         const TptBlueprintLayout *layout,
                         const TptTheme           *theme,
                         const TptPosterPlan      *plan,
                         guint                     row,
                         guint                     column)
{
  static const TptColor black = { 0, 0, 0 };
  static const TptColor grey = { 0.35, 0.35, 0.35 };
  TptRect tile = tpt_poster_tile (plan, row, column);
  double m = plan->margin, w = plan->sheet_width, h = plan->sheet_height;
  g_autofree char *label = tpt_poster_tile_label (row, column);
  g_autofree char *caption = NULL;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  cairo_rectangle (cr, m, m, w - 2 * m, h - 2 * m);
  cairo_clip (cr);
  tpt_color_set_source (cr, &theme->paper);
  cairo_paint (cr);
  cairo_translate (cr, m, m);
  cairo_scale (cr, plan->scale, plan->scale);
  cairo_translate (cr, -tile.x, -tile.y);
  tpt_blueprint_render (cr, layout, theme);
  cairo_restore (cr);

  if (!plan->no_marks)
    draw_marks (cr, plan, row, column);

  /* The sheet's own label, and where its neighbours go. */
  caption = g_strdup_printf (_("%s · sheet %u of %u (%u × %u) · %.0f%%"),
                             title_of (layout),
                             row * plan->columns + column + 1, plan->columns * plan->rows,
                             plan->columns, plan->rows, plan->scale * 100);
  show_text (cr, context, TPT_TEXT_HEADING, label, &black, m, 1.5 * MM, PANGO_ALIGN_LEFT, -1);
  show_text (cr, context, TPT_TEXT_SMALL, caption, &grey, m + 12 * MM, 2 * MM,
             PANGO_ALIGN_LEFT, w / 2);
  if (column + 1 < plan->columns)
    {
      g_autofree char *next = tpt_poster_tile_label (row, column + 1);
      g_autofree char *text = g_strdup_printf ("%s →", next);

      show_text (cr, context, TPT_TEXT_SMALL, text, &grey, w - m - 30 * MM, h - m / 2 + 0.5 * MM,
                 PANGO_ALIGN_RIGHT, 30 * MM);
    }
  if (row + 1 < plan->rows)
    {
      g_autofree char *next = tpt_poster_tile_label (row + 1, column);
      g_autofree char *text = g_strdup_printf ("%s ↓", next);

      show_text (cr, context, TPT_TEXT_SMALL, text, &grey, w / 2 - 15 * MM, h - m / 2 + 0.5 * MM,
                 PANGO_ALIGN_CENTER, 30 * MM);
    }
}

/**
 * tpt_poster_render_overview:
 * @cr: a page of the sheet's size
 * @context: a context from tpt_text_context_new()
 * @layout: the blueprint
 * @theme: the colours
 * @plan: the plan
 *
 * Draws the assembly page: the whole blueprint with the sheets laid over
 * it, each with its label, so the wall can be put together.
 */
void
tpt_poster_render_overview (cairo_t                  *cr,
                            PangoContext             *context,
                            const TptBlueprintLayout *layout,
                            const TptTheme           *theme,
                            const TptPosterPlan      *plan)
{
  static const TptColor black = { 0, 0, 0 };
  double m = plan->margin, w = plan->sheet_width, h = plan->sheet_height;
  double top = m + 14 * MM;
  double total_w = layout->bounds.width, total_h = layout->bounds.height;
  double fit = MIN ((w - 2 * m) / total_w, (h - top - m) / total_h);
  g_autofree char *title = g_strdup_printf (_("Assembly: %u × %u sheets at %.0f%%, "
                                              "overlap %.0f mm"),
                                            plan->columns, plan->rows, plan->scale * 100,
                                            plan->overlap / MM);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  show_text (cr, context, TPT_TEXT_SUBHEADING,
             title_of (layout), &black, m, m,
             PANGO_ALIGN_LEFT, w - 2 * m);
  show_text (cr, context, TPT_TEXT_BODY, title, &black, m, m + 6 * MM, PANGO_ALIGN_LEFT,
             w - 2 * m);

  cairo_translate (cr, m, top);
  cairo_scale (cr, fit, fit);
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, total_w, total_h);
  cairo_clip (cr);
  tpt_blueprint_render (cr, layout, theme);
  cairo_restore (cr);

  for (guint r = 0; r < plan->rows; r++)
    for (guint c = 0; c < plan->columns; c++)
      {
        TptRect tile = tpt_poster_tile (plan, r, c);
        g_autofree char *label = tpt_poster_tile_label (r, c);
        g_autoptr(PangoLayout) text = tpt_text_layout_new (context, TPT_TEXT_TITLE, label, -1);
        double tw, th, size = MIN (tile.width, tile.height) / 4;

        cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.8);
        cairo_set_line_width (cr, 1.5 / fit);
        cairo_rectangle (cr, tile.x, tile.y, tile.width, tile.height);
        cairo_stroke (cr);

        /* The label, large enough to read at the overview's scale. */
        tpt_text_layout_size (text, &tw, &th);
        cairo_save (cr);
        cairo_translate (cr, tile.x + tile.width / 2, tile.y + tile.height / 2);
        cairo_scale (cr, size / th, size / th);
        cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
        cairo_rectangle (cr, -tw / 2 - 4, -th / 2 - 2, tw + 8, th + 4);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, 0, 0, 0);
        cairo_move_to (cr, -tw / 2, -th / 2);
        pango_cairo_show_layout (cr, text);
        cairo_restore (cr);
      }
  cairo_restore (cr);
}
