/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-poster"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-poster.h"
#include "tpt-export.h"
#include "tpt-text.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

/* A wall poster, sized as PosteRazor sizes one: by scale, by sheets
 * across or by finished width. What is tiled is the drawn area, not the
 * paper round it, and a sheet with nothing of its own on it (paper, or
 * only what a neighbour's overlap repeats) is left out, so every sheet
 * printed is needed on the wall. Each sheet carries its label, its
 * neighbours', crop marks, overlap ticks, a 100 mm bar to check the print
 * scale, and the date; the assembly page maps the whole grid. */

#define MM (72.0 / 25.4)

/* Each sheet keeps 12 mm of white round the drawing: room for the marks,
 * the labels and the bar, and more than most office printers' unprintable
 * border. */
#define SHEET_MARGIN (12 * MM)

/* The assembly page keeps this much for its text above the map. */
#define ASSEMBLY_TEXT_H (52 * MM)
/* A sheet on the map is at least this wide, so its label reads. */
#define ASSEMBLY_MIN_CELL (9 * MM)

/**
 * tpt_poster_plan:
 * @area: the drawn area of the artefact, in its points
 * @sheet_width: the paper, in points
 * @sheet_height: the paper, in points
 * @size: how big the poster is to be
 * @plan: (out): the plan, with no sheet blank yet (see
 *   tpt_poster_find_blank())
 * @error: the place for an error
 *
 * Returns: %TRUE if @size makes a poster of a sensible number of sheets
 */
gboolean
tpt_poster_plan (const TptRect       *area,
                 double               sheet_width,
                 double               sheet_height,
                 const TptPosterSize *size,
                 TptPosterPlan       *plan,
                 GError             **error)
{
  double content_w = sheet_width - 2 * SHEET_MARGIN;
  double content_h = sheet_height - 2 * SHEET_MARGIN;
  double overlap = size->overlap_mm * MM;
  guint given = (size->scale_percent > 0) + (size->sheets_wide > 0) + (size->width_mm > 0);

  g_return_val_if_fail (area != NULL && size != NULL && plan != NULL, FALSE);

  if (given > 1)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("Give a poster one of a scale, a number of sheets across or a "
                             "finished width, not several"));
      return FALSE;
    }
  if (size->scale_percent < 0 || size->scale_percent > 1000)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("The poster scale must be more than 0% and at most 1000%"));
      return FALSE;
    }
  if (size->width_mm < 0 || size->width_mm > 100000)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("The poster width must be more than 0 and at most 100 m"));
      return FALSE;
    }
  if (content_w <= 0 || content_h <= 0 || area->width <= 0 || area->height <= 0)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("The paper is too small for a poster"));
      return FALSE;
    }
  if (!(overlap >= 0 && overlap <= MIN (content_w, content_h) / 2))
    {
      g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                   _("The overlap must be between 0 and %.0f mm on this paper"),
                   floor (MIN (content_w, content_h) / 2 / MM));
      return FALSE;
    }

  memset (plan, 0, sizeof *plan);
  plan->sheet_width = sheet_width;
  plan->sheet_height = sheet_height;
  plan->margin = SHEET_MARGIN;
  plan->overlap = overlap;
  plan->area = *area;
  if (size->sheets_wide > 0)
    plan->scale = (size->sheets_wide * (content_w - overlap) + overlap) / area->width;
  else if (size->width_mm > 0)
    plan->scale = size->width_mm * MM / area->width;
  else
    plan->scale = (size->scale_percent > 0 ? size->scale_percent : 100) / 100;

  /* Each further sheet adds its width less the overlap. */
  plan->columns = (guint) MAX (1, ceil ((area->width * plan->scale - overlap)
                                        / (content_w - overlap) - 1e-9));
  plan->rows = (guint) MAX (1, ceil ((area->height * plan->scale - overlap)
                                     / (content_h - overlap) - 1e-9));
  if (size->sheets_wide > 0)
    plan->columns = MIN (plan->columns, size->sheets_wide);

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
 * Returns: the part of the drawing, in its points, that the sheet shows
 */
TptRect
tpt_poster_tile (const TptPosterPlan *plan,
                 guint                row,
                 guint                column)
{
  double content_w = plan->sheet_width - 2 * plan->margin;
  double content_h = plan->sheet_height - 2 * plan->margin;

  return (TptRect) {
    plan->area.x + column * (content_w - plan->overlap) / plan->scale,
    plan->area.y + row * (content_h - plan->overlap) / plan->scale,
    content_w / plan->scale,
    content_h / plan->scale,
  };
}

/**
 * tpt_poster_find_blank:
 * @plan: a plan
 * @drawing: what it tiles
 * @theme: the colours it is printed in
 *
 * Marks the sheets that have nothing of their own to print: whose part of
 * the drawing, less the strips its neighbours' overlap repeats, is bare
 * paper. They are left out of the poster.
 */
void
tpt_poster_find_blank (TptPosterPlan      *plan,
                       TptArtefactDrawing *drawing,
                       const TptTheme     *theme)
{
  /* A sliver thinner than 2 mm past the overlap is not worth a sheet. */
  double strip = (plan->overlap + 2 * MM) / plan->scale;

  g_return_if_fail (plan != NULL);
  g_return_if_fail (drawing != NULL);

  plan->n_blank = 0;
  for (guint r = 0; r < plan->rows; r++)
    for (guint c = 0; c < plan->columns; c++)
      {
        TptRect tile = tpt_poster_tile (plan, r, c);
        double x0 = tile.x + (c > 0 ? strip : 0);
        double y0 = tile.y + (r > 0 ? strip : 0);
        double x1 = tpt_rect_right (&tile) - (c + 1 < plan->columns ? strip : 0);
        double y1 = tpt_rect_bottom (&tile) - (r + 1 < plan->rows ? strip : 0);
        TptRect own;
        gboolean blank;

        x1 = MIN (x1, tpt_rect_right (&plan->area));
        y1 = MIN (y1, tpt_rect_bottom (&plan->area));
        own = (TptRect) { x0, y0, x1 - x0, y1 - y0 };
        blank = own.width <= 0.5 || own.height <= 0.5 ||
                !tpt_artefact_drawing_has_ink (drawing, theme, &own);
        plan->blank[r * plan->columns + c] = blank;
        plan->n_blank += blank;
      }
}

gboolean
tpt_poster_is_blank (const TptPosterPlan *plan,
                     guint                row,
                     guint                column)
{
  g_return_val_if_fail (plan != NULL, FALSE);
  g_return_val_if_fail (row < plan->rows && column < plan->columns, FALSE);

  return plan->blank[row * plan->columns + column];
}

guint
tpt_poster_count_printed (const TptPosterPlan *plan)
{
  g_return_val_if_fail (plan != NULL, 0);

  return plan->rows * plan->columns - plan->n_blank;
}

/**
 * tpt_poster_get_finished_size:
 * @plan: a plan
 * @width_mm: (out): the finished poster's width, in millimetres
 * @height_mm: (out): its height
 */
void
tpt_poster_get_finished_size (const TptPosterPlan *plan,
                              double              *width_mm,
                              double              *height_mm)
{
  g_return_if_fail (plan != NULL);

  *width_mm = plan->area.width * plan->scale / MM;
  *height_mm = plan->area.height * plan->scale / MM;
}

/**
 * tpt_poster_get_trim_box:
 * @plan: a plan
 *
 * Returns: the part of each sheet the drawing is on, in points from its
 *   top left corner: what is left when it is trimmed at its crop marks
 */
TptRect
tpt_poster_get_trim_box (const TptPosterPlan *plan)
{
  return (TptRect) { plan->margin, plan->margin, plan->sheet_width - 2 * plan->margin,
                     plan->sheet_height - 2 * plan->margin };
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
  GString *label = g_string_new (NULL);

  for (guint r = row + 1; r > 0 && n < sizeof letters; r = (r - 1) / 26)
    letters[n++] = (char) ('A' + (r - 1) % 26);
  while (n > 0)
    g_string_append_c (label, letters[--n]);
  g_string_append_printf (label, "%u", column + 1);
  return g_string_free (label, FALSE);
}

/**
 * tpt_poster_parse_sheets:
 * @plan: a plan
 * @list: sheet labels separated by commas, such as "B2,C3"
 * @sheets: (element-type guint): gets each sheet's index, row by row
 * @error: the place for an error
 *
 * Returns: whether every label names a sheet of the poster that is printed
 */
gboolean
tpt_poster_parse_sheets (const TptPosterPlan *plan,
                         const char          *list,
                         GArray              *sheets,
                         GError             **error)
{
  g_auto(GStrv) labels = g_strsplit (list, ",", -1);

  g_return_val_if_fail (plan != NULL && list != NULL && sheets != NULL, FALSE);

  for (guint i = 0; labels[i] != NULL; i++)
    {
      const char *label = g_strstrip (labels[i]);
      gboolean found = FALSE;

      if (*label == '\0')
        continue;
      for (guint r = 0; r < plan->rows && !found; r++)
        for (guint c = 0; c < plan->columns && !found; c++)
          {
            g_autofree char *name = tpt_poster_tile_label (r, c);

            if (g_ascii_strcasecmp (name, label) == 0)
              {
                guint index = r * plan->columns + c;

                if (plan->blank[index])
                  {
                    g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                                 _("Sheet %s is blank and is not printed"), name);
                    return FALSE;
                  }
                g_array_append_val (sheets, index);
                found = TRUE;
              }
          }
      if (!found)
        {
          g_autofree char *last = tpt_poster_tile_label (plan->rows - 1, plan->columns - 1);

          g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                       _("The poster has no sheet “%s”; its sheets go from A1 to %s"), label,
                       last);
          return FALSE;
        }
    }
  if (sheets->len == 0)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("Name the sheets to print, such as B2,C3"));
      return FALSE;
    }
  return TRUE;
}

static double
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
  double h;

  pango_layout_set_alignment (layout, alignment);
  tpt_text_layout_size (layout, NULL, &h);
  if (cr != NULL)
    {
      tpt_color_set_source (cr, color);
      cairo_move_to (cr, x, y);
      tpt_text_show (cr, layout);
    }
  return h;
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

/* A bar exactly 100 mm long with a tick every 10 mm: printed at any other
 * length, the printer scaled the sheet and the poster will not join. */
static void
draw_calibration_bar (cairo_t      *cr,
                      PangoContext *context,
                      double        x,
                      double        y)
{
  static const TptColor black = { 0, 0, 0 };

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + 100 * MM, y);
  for (guint i = 0; i <= 10; i++)
    {
      cairo_move_to (cr, x + i * 10 * MM, y);
      cairo_line_to (cr, x + i * 10 * MM, y - (i % 5 == 0 ? 2.2 : 1.2) * MM);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
  show_text (cr, context, TPT_TEXT_SMALL,
             _("100 mm — if this bar is not 100 mm long, print at actual size (no scaling)"),
             &black, x, y - 5.2 * MM, PANGO_ALIGN_LEFT, 100 * MM);
}

/**
 * tpt_poster_render_sheet:
 * @cr: a page of the sheet's size
 * @context: a context from tpt_text_context_new()
 * @drawing: what the poster shows
 * @theme: the colours
 * @plan: the plan
 * @row: from 0
 * @column: from 0
 * @stamp: (nullable): the date or version printed on every sheet
 *
 * Draws one sheet: its part of the drawing, its marks, its label, the
 * labels of the sheets that go beside it, the 100 mm bar and the stamp.
 */
void
tpt_poster_render_sheet (cairo_t             *cr,
                         PangoContext        *context,
                         TptArtefactDrawing  *drawing,
                         const TptTheme      *theme,
                         const TptPosterPlan *plan,
                         guint                row,
                         guint                column,
                         const char          *stamp)
{
  static const TptColor black = { 0, 0, 0 };
  static const TptColor grey = { 0.35, 0.35, 0.35 };
  TptRect tile = tpt_poster_tile (plan, row, column);
  double m = plan->margin, w = plan->sheet_width, h = plan->sheet_height;
  g_autofree char *label = tpt_poster_tile_label (row, column);
  g_autofree char *title = tpt_artefact_drawing_dup_title (drawing);
  g_autofree char *caption = NULL;
  g_autoptr(GString) next = g_string_new (NULL);

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
  tpt_artefact_drawing_render (drawing, cr, theme);
  cairo_restore (cr);

  if (!plan->no_marks)
    draw_marks (cr, plan, row, column);

  /* The sheet's own label and what it is; where its neighbours go; the
   * bar that checks the print scale. */
  caption = g_strdup_printf (_("%s · sheet %s of %u × %u · %.0f%%%s%s"), title, label,
                             plan->columns, plan->rows, plan->scale * 100,
                             stamp != NULL ? " · " : "", stamp != NULL ? stamp : "");
  show_text (cr, context, TPT_TEXT_HEADING, label, &black, m, 1.5 * MM, PANGO_ALIGN_LEFT, -1);
  show_text (cr, context, TPT_TEXT_SMALL, caption, &grey, m + 12 * MM, 2 * MM,
             PANGO_ALIGN_LEFT, w - 2 * m - 12 * MM);
  if (row + 1 < plan->rows)
    {
      g_autofree char *below = tpt_poster_tile_label (row + 1, column);

      g_string_append_printf (next, "%s ↓", below);
    }
  if (column + 1 < plan->columns)
    {
      g_autofree char *right = tpt_poster_tile_label (row, column + 1);

      g_string_append_printf (next, "%s%s →", next->len > 0 ? "   " : "", right);
    }
  if (next->len > 0)
    show_text (cr, context, TPT_TEXT_HEADING, next->str, &grey, w - m - 50 * MM,
               h - m + 3 * MM, PANGO_ALIGN_RIGHT, 50 * MM);
  draw_calibration_bar (cr, context, m, h - 2.5 * MM);
}

/* How many columns of sheets one assembly page maps, so that each reads. */
/* How many columns of sheets one assembly page maps, so that each reads,
 * and whether the map is turned a quarter to fit the page better. */
static guint
columns_per_page (const TptPosterPlan *plan,
                  gboolean            *rotate)
{
  double room_w = plan->sheet_width - 2 * plan->margin;
  double room_h = plan->sheet_height - 2 * plan->margin - ASSEMBLY_TEXT_H;
  double step_w = plan->sheet_width - 2 * plan->margin - plan->overlap;
  double step_h = plan->sheet_height - 2 * plan->margin - plan->overlap;
  guint best = 0;
  double best_fit = 0;

  *rotate = FALSE;
  for (guint turn = 0; turn < 2; turn++)
    {
      double across = turn ? room_h : room_w, down = turn ? room_w : room_h;

      for (guint n = plan->columns; n >= 1; n--)
        {
          double fit = MIN (across / (n * step_w + plan->overlap),
                            down / (plan->rows * step_h + plan->overlap));

          if (step_w * fit >= ASSEMBLY_MIN_CELL || n == 1)
            {
              if (n > best || (n == best && fit > best_fit))
                {
                  best = n;
                  best_fit = fit;
                  *rotate = turn;
                }
              break;
            }
        }
    }
  return MAX (best, 1);
}

/**
 * tpt_poster_count_assembly_pages:
 * @plan: a plan
 *
 * Returns: how many pages the map of the sheets takes: one, unless the
 *   poster is so long that its sheets would be too small to label on one
 */
guint
tpt_poster_count_assembly_pages (const TptPosterPlan *plan)
{
  gboolean rotate;
  guint per_page;

  g_return_val_if_fail (plan != NULL, 1);

  per_page = columns_per_page (plan, &rotate);
  return (plan->columns + per_page - 1) / per_page;
}

static void
hatch (cairo_t       *cr,
       const TptRect *rect,
       double         step)
{
  cairo_save (cr);
  cairo_rectangle (cr, rect->x, rect->y, rect->width, rect->height);
  cairo_clip (cr);
  for (double d = -rect->height; d < rect->width; d += step)
    {
      cairo_move_to (cr, rect->x + d, tpt_rect_bottom (rect));
      cairo_line_to (cr, rect->x + d + rect->height, rect->y);
    }
  cairo_restore (cr);
}

/**
 * tpt_poster_render_assembly:
 * @cr: a page of the sheet's size
 * @context: a context from tpt_text_context_new()
 * @drawing: what the poster shows
 * @theme: the colours
 * @plan: the plan, with its blank sheets found
 * @page: which assembly page, from 0 (see
 *   tpt_poster_count_assembly_pages())
 * @smallest_text: the smallest text on the poster, in points as printed
 * @stamp: (nullable): the date or version
 *
 * Draws an assembly page: the poster's size, its smallest text (with a
 * warning when it is too small to read), what the marks mean, and a map
 * of the whole grid of sheets over a miniature of the drawing, each sheet
 * labelled and the blank ones that are not printed crossed out.
 */
void
tpt_poster_render_assembly (cairo_t             *cr,
                            PangoContext        *context,
                            TptArtefactDrawing  *drawing,
                            const TptTheme      *theme,
                            const TptPosterPlan *plan,
                            guint                page,
                            double               smallest_text,
                            const char          *stamp)
{
  static const TptColor black = { 0, 0, 0 };
  static const TptColor warning = { 0.75, 0.11, 0.16 };
  double m = plan->margin, w = plan->sheet_width, h = plan->sheet_height;
  double step_w = w - 2 * m - plan->overlap, step_h = h - 2 * m - plan->overlap;
  double width_mm, height_mm, y = m, fit, grid_w, grid_h, room_w, room_h;
  g_autofree char *title = tpt_artefact_drawing_dup_title (drawing);
  g_autofree char *heading = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *figures = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  guint n_pages = tpt_poster_count_assembly_pages (plan);
  guint c0, c1, per_page;
  gboolean rotate;

  g_return_if_fail (cr != NULL && drawing != NULL && plan != NULL);

  per_page = columns_per_page (plan, &rotate);
  c0 = page * per_page;
  c1 = MIN (c0 + per_page, plan->columns);
  tpt_poster_get_finished_size (plan, &width_mm, &height_mm);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);

  first = tpt_poster_tile_label (0, c0);
  last = tpt_poster_tile_label (plan->rows - 1, c1 - 1);
  if (n_pages > 1)
    /* Translators: the heading of one of several assembly pages: the
     * artefact, then the first and last sheet it maps. */
    heading = g_strdup_printf (_("Assembly of %s — sheets %s to %s (%u of %u)"), title, first,
                               last, page + 1, n_pages);
  else
    heading = g_strdup_printf (_("Assembly of %s"), title);
  y += show_text (cr, context, TPT_TEXT_SUBHEADING, heading, &black, m, y, PANGO_ALIGN_LEFT,
                  w - 2 * m) + 4;
  summary = g_strdup_printf (ngettext ("%u × %u sheets at %.0f%%, overlap %.0f mm: %u sheet "
                                       "printed, %u blank ones left out (hatched)",
                                       "%u × %u sheets at %.0f%%, overlap %.0f mm: %u sheets "
                                       "printed, %u blank ones left out (hatched)",
                                       tpt_poster_count_printed (plan)),
                             plan->columns, plan->rows, plan->scale * 100, plan->overlap / MM,
                             tpt_poster_count_printed (plan), plan->n_blank);
  y += show_text (cr, context, TPT_TEXT_BODY, summary, &black, m, y, PANGO_ALIGN_LEFT,
                  w - 2 * m) + 2;
  figures = g_strdup_printf (_("Finished size %.0f × %.0f mm · smallest text %.1f pt%s%s"),
                             width_mm, height_mm, smallest_text, stamp != NULL ? " · " : "",
                             stamp != NULL ? stamp : "");
  y += show_text (cr, context, TPT_TEXT_BODY, figures, &black, m, y, PANGO_ALIGN_LEFT,
                  w - 2 * m) + 2;
  if (smallest_text < 6)
    y += show_text (cr, context, TPT_TEXT_HEADING,
                    _("Warning: text below 6 pt is hard to read on a wall; choose a larger "
                      "scale or paper"), &warning, m, y, PANGO_ALIGN_LEFT, w - 2 * m) + 2;
  show_text (cr, context, TPT_TEXT_SMALL,
             _("Print every sheet at actual size (no “fit to page”): the bar at the foot of "
               "each sheet is 100 mm long when it is. Corner lines are crop marks: trim each "
               "sheet along them on the sides that meet a neighbour. Dashed ticks mark the "
               "glue strip: lay the next sheet (its label is printed beside the arrow) over "
               "this one up to the ticks, and glue or tape along the strip."),
             &black, m, y + 2, PANGO_ALIGN_LEFT, w - 2 * m);

  /* The map, fitted to the grid of sheets, not to the drawing. */
  room_w = w - 2 * m;
  room_h = h - 2 * m - ASSEMBLY_TEXT_H;
  grid_w = (c1 - c0) * step_w + plan->overlap;
  grid_h = plan->rows * step_h + plan->overlap;
  fit = rotate ? MIN (room_h / grid_w, room_w / grid_h) : MIN (room_w / grid_w, room_h / grid_h);

  cairo_translate (cr, m, m + ASSEMBLY_TEXT_H);
  if (rotate)
    {
      cairo_translate (cr, 0, grid_w * fit);
      cairo_rotate (cr, -G_PI / 2);
    }
  cairo_scale (cr, fit, fit);

  /* The drawing, in sheet points on paper. */
  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, MIN (grid_w, plan->area.width * plan->scale - c0 * step_w),
                   MIN (grid_h, plan->area.height * plan->scale));
  cairo_clip (cr);
  cairo_scale (cr, plan->scale, plan->scale);
  cairo_translate (cr, -(plan->area.x + c0 * step_w / plan->scale), -plan->area.y);
  tpt_artefact_drawing_render (drawing, cr, theme);
  cairo_restore (cr);

  for (guint r = 0; r < plan->rows; r++)
    for (guint c = c0; c < c1; c++)
      {
        TptRect sheet = { (c - c0) * step_w, r * step_h, step_w + plan->overlap,
                          step_h + plan->overlap };
        g_autofree char *label = tpt_poster_tile_label (r, c);
        g_autoptr(PangoLayout) text = tpt_text_layout_new (context, TPT_TEXT_TITLE, label, -1);
        double tw, th, size = MIN (MIN (sheet.width, sheet.height) / 3, 14 / fit);

        cairo_set_line_width (cr, 1.2 / fit);
        if (tpt_poster_is_blank (plan, r, c))
          {
            cairo_set_source_rgba (cr, 0.4, 0.4, 0.4, 0.5);
            hatch (cr, &sheet, 6 / fit);
            cairo_stroke (cr);
          }
        cairo_set_source_rgba (cr, 0.1, 0.1, 0.1, 0.85);
        cairo_rectangle (cr, sheet.x, sheet.y, sheet.width, sheet.height);
        cairo_stroke (cr);

        /* The label, at least 3 mm high on the page. */
        tpt_text_layout_size (text, &tw, &th);
        cairo_save (cr);
        cairo_translate (cr, sheet.x + sheet.width / 2, sheet.y + sheet.height / 2);
        if (rotate)
          cairo_rotate (cr, G_PI / 2);
        cairo_scale (cr, size / th, size / th);
        cairo_set_source_rgba (cr, 1, 1, 1, 0.85);
        cairo_rectangle (cr, -tw / 2 - 4, -th / 2 - 2, tw + 8, th + 4);
        cairo_fill (cr);
        cairo_set_source_rgb (cr, 0, 0, 0);
        cairo_move_to (cr, -tw / 2, -th / 2);
        tpt_text_show (cr, text);
        cairo_restore (cr);
      }
  cairo_restore (cr);
}
