/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-pages"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-blueprint-pages.h"
#include "tpt-blueprint-layout-private.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-changes-overlay.h"
#include "tpt-text.h"

#include <math.h>

/* A blueprint too big for a page at a readable size goes over several:
 * its columns grouped by stage (a stage wider than a page by steps), its
 * lanes grouped when it is too tall, and each page repeats the stage and
 * step headers above its columns and the lane headers beside its lanes, so
 * every page of a handout reads on its own. Pages are pieces of the one
 * layout drawn through clips, so they look exactly like the whole. */

#define TITLE_H   26.0     /* the page's own title line */
#define LEGEND_GAP 14.0

static double
text_size (PangoLayout *layout)
{
  const PangoFontDescription *desc;

  if (layout == NULL)
    return G_MAXDOUBLE;
  desc = pango_layout_get_font_description (layout);
  if (desc == NULL || pango_layout_get_character_count (layout) == 0)
    return G_MAXDOUBLE;
  return (double) pango_font_description_get_size (desc) / PANGO_SCALE;
}

/**
 * tpt_blueprint_pages_smallest_text:
 * @layout: a layout
 *
 * Returns: the size in points of the smallest text @layout draws at its
 *   own size
 */
double
tpt_blueprint_pages_smallest_text (const TptBlueprintLayout *layout)
{
  double smallest = text_size (layout->title.layout);

  g_return_val_if_fail (layout != NULL, 0);

  smallest = MIN (smallest, text_size (layout->subtitle.layout));
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, i);

      smallest = MIN (smallest, MIN (text_size (card->text.layout), text_size (card->meta.layout)));
      if (card->badge.width > 0)
        smallest = MIN (smallest, text_size (layout->badge_text[0]));
    }
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const TptLayoutLane *lane = &g_array_index (layout->lanes, TptLayoutLane, i);

      smallest = MIN (smallest, MIN (text_size (lane->title.layout),
                                     text_size (lane->subtitle.layout)));
    }
  for (guint i = 0; i < layout->steps->len; i++)
    {
      const TptLayoutStep *step = &g_array_index (layout->steps, TptLayoutStep, i);

      smallest = MIN (smallest, MIN (text_size (step->title.layout),
                                     text_size (step->duration.layout)));
    }
  for (guint i = 0; i < layout->lines->len; i++)
    smallest = MIN (smallest, text_size (g_array_index (layout->lines, TptLayoutLine,
                                                        i).label.layout));
  for (guint i = 0; i < layout->offices->len; i++)
    smallest = MIN (smallest, text_size (g_array_index (layout->offices, TptLayoutOffice,
                                                        i).label.layout));
  for (guint i = 0; i < layout->legend->len; i++)
    smallest = MIN (smallest, text_size (g_array_index (layout->legend, TptLayoutLegendItem,
                                                        i).label.layout));
  if (layout->emotions->len > 0)
    smallest = MIN (smallest, text_size (layout->emotion_scale[0]));

  return smallest == G_MAXDOUBLE ? tpt_text_style_get_size (TPT_TEXT_BODY) : smallest;
}

/* Where the lane headers (and office bands) start, and where the stage
 * headers start. */
static double
body_left (const TptBlueprintLayout *layout)
{
  double left = layout->grid.x;

  for (guint i = 0; i < layout->lanes->len; i++)
    left = MIN (left, g_array_index (layout->lanes, TptLayoutLane, i).header.x);
  for (guint i = 0; i < layout->offices->len; i++)
    left = MIN (left, g_array_index (layout->offices, TptLayoutOffice, i).rect.x);
  return left;
}

static double
heads_top (const TptBlueprintLayout *layout)
{
  double top = layout->grid.y;

  for (guint i = 0; i < layout->stages->len; i++)
    {
      const TptLayoutStage *stage = &g_array_index (layout->stages, TptLayoutStage, i);

      if (stage->rect.width > 0)
        top = MIN (top, stage->rect.y);
    }
  for (guint i = 0; i < layout->steps->len; i++)
    top = MIN (top, g_array_index (layout->steps, TptLayoutStep, i).header.y);
  return top;
}

/**
 * tpt_blueprint_pages_get_ink:
 * @layout: a layout
 *
 * Returns: the part of @layout's bounds that is drawn on: its title, its
 *   headers, lanes and legend, without the margin of paper round them
 */
TptRect
tpt_blueprint_pages_get_ink (const TptBlueprintLayout *layout)
{
  double x0 = body_left (layout), y0 = layout->title.rect.y;
  double x1 = tpt_rect_right (&layout->grid), y1 = tpt_rect_bottom (&layout->grid);

  g_return_val_if_fail (layout != NULL, (TptRect) { 0 });

  x0 = MIN (x0, layout->title.rect.x);
  x1 = MAX (x1, tpt_rect_right (&layout->title.rect));
  x1 = MAX (x1, tpt_rect_right (&layout->subtitle.rect));
  if (layout->legend->len > 0)
    {
      x1 = MAX (x1, tpt_rect_right (&layout->legend_rect));
      y1 = MAX (y1, tpt_rect_bottom (&layout->legend_rect));
    }
  /* Lines and strokes reach a little past the boxes they border. */
  return (TptRect) { x0 - 2, y0 - 2, x1 - x0 + 4, y1 - y0 + 4 };
}

/**
 * tpt_blueprint_pages_get_body:
 * @layout: a layout
 *
 * Returns: the stage and step headers down to the last lane, office bands
 *   and lane headers included, with a little paper round them: the
 *   blueprint without its title and legend
 */
TptRect
tpt_blueprint_pages_get_body (const TptBlueprintLayout *layout)
{
  double left = body_left (layout), top = heads_top (layout);
  double right = tpt_rect_right (&layout->grid), bottom = tpt_rect_bottom (&layout->grid);

  g_return_val_if_fail (layout != NULL, (TptRect) { 0 });

  return (TptRect) { left - 6, top - 6, right - left + 12, bottom - top + 12 };
}

static double
column_x (const TptBlueprintLayout *layout,
          guint                     column)
{
  if (column < layout->steps->len)
    return g_array_index (layout->steps, TptLayoutStep, column).header.x;
  return tpt_rect_right (&layout->grid);
}

static double
lane_y (const TptBlueprintLayout *layout,
        guint                     lane)
{
  if (lane < layout->lanes->len)
    return g_array_index (layout->lanes, TptLayoutLane, lane).rect.y;
  return tpt_rect_bottom (&layout->grid);
}

static double
legend_height (const TptBlueprintLayout *layout)
{
  return layout->legend->len > 0 ? layout->legend_rect.height + LEGEND_GAP + 4 : 0;
}

static void
add_group (GArray *groups,
           guint   first,
           guint   end)
{
  guint pair[2] = { first, end };

  if (end > first)
    g_array_append_vals (groups, pair, 2);
}

/* Whole stages while they fit across, a stage wider than a page in runs
 * of steps. */
static void
column_groups (const TptBlueprintLayout *layout,
               double                    available,
               GArray                   *groups)
{
  guint per_page = MAX (1, (guint) floor ((available + 0.01) / TPT_LAYOUT_COLUMN_W));
  guint first = 0, end = 0;

  for (guint s = 0; s < layout->stages->len; s++)
    {
      const TptLayoutStage *stage = &g_array_index (layout->stages, TptLayoutStage, s);
      guint s0, s1;

      if (stage->rect.width <= 0)
        continue;
      s0 = (guint) lround ((stage->rect.x - layout->grid.x) / TPT_LAYOUT_COLUMN_W);
      s1 = s0 + (guint) lround (stage->rect.width / TPT_LAYOUT_COLUMN_W);
      if (end > first && (end - first) + (s1 - s0) <= per_page && s0 == end)
        {
          end = s1;
          continue;
        }
      add_group (groups, first, end);
      for (first = s0; first + per_page < s1; first += per_page)
        add_group (groups, first, first + per_page);
      end = s1;
    }
  add_group (groups, first, end);
}

/* Lanes in as few groups as fit @available, as even as they can be, so
 * that the last page is not one lane alone. */
static void
lane_groups (const TptBlueprintLayout *layout,
             double                    available,
             GArray                   *groups)
{
  guint n = 0, first = 0;
  double target;

  /* How many groups the lanes need, filling each. */
  while (first < layout->lanes->len)
    {
      guint end = first + 1;

      while (end < layout->lanes->len && lane_y (layout, end + 1) - lane_y (layout, first)
                                         <= available)
        end++;
      n++;
      first = end;
    }

  /* Then as many groups of about an nth each. */
  target = (lane_y (layout, layout->lanes->len) - lane_y (layout, 0)) / MAX (n, 1);
  first = 0;
  while (first < layout->lanes->len)
    {
      guint end = first + 1;

      while (end < layout->lanes->len &&
             lane_y (layout, end + 1) - lane_y (layout, first) <= available &&
             lane_y (layout, end) - lane_y (layout, first) < target * 0.9)
        end++;
      add_group (groups, first, end);
      first = end;
    }
}

/**
 * tpt_blueprint_pages_split:
 * @layout: a layout
 * @width: the room on a page, in layout points
 * @height: likewise
 * @flags: the #TptDrawingPartFlags of every part: a heading, a legend
 * @parts: (element-type TptDrawingPart): gets the parts, stage by stage
 *   and top to bottom, with their sizes; scales are left to the caller
 *
 * Splits @layout into parts that each fit @width × @height where they can:
 * columns grouped by stage, lanes in groups that fit. A lane taller than a
 * page, or a step wider than one, makes a part larger than the page.
 */
void
tpt_blueprint_pages_split (const TptBlueprintLayout *layout,
                           double                    width,
                           double                    height,
                           guint                     flags,
                           GArray                   *parts)
{
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) lanes = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean legend = (flags & TPT_PART_LEGEND) != 0 && layout->legend->len > 0;
  double th = (flags & TPT_PART_HEADING) ? TITLE_H : 0;
  double lw, hh, lh;
  guint start = parts->len;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (parts != NULL);

  lw = layout->grid.x - body_left (layout);
  hh = layout->grid.y - heads_top (layout);
  lh = legend ? legend_height (layout) : 0;

  /* Nothing to split: the whole drawing is one part. */
  if (layout->steps->len == 0 || layout->lanes->len == 0)
    {
      TptDrawingPart part = { 0 };

      part.width = layout->bounds.width;
      part.height = layout->bounds.height;
      part.scale = 1;
      g_array_append_val (parts, part);
      g_array_index (parts, TptDrawingPart, parts->len - 1).count = 1;
      return;
    }

  column_groups (layout, width - lw - 2, columns);
  lane_groups (layout, height - th - hh - lh - 2, lanes);

  for (guint c = 0; c + 1 < columns->len; c += 2)
    for (guint l = 0; l + 1 < lanes->len; l += 2)
      {
        TptDrawingPart part = { 0 };

        part.first_column = g_array_index (columns, guint, c);
        part.end_column = g_array_index (columns, guint, c + 1);
        part.first = g_array_index (lanes, guint, l);
        part.end = g_array_index (lanes, guint, l + 1);
        part.width = lw + column_x (layout, part.end_column) -
                     column_x (layout, part.first_column) + 2;
        part.height = th + hh + lane_y (layout, part.end) - lane_y (layout, part.first) + lh + 2;
        part.width = MAX (part.width, legend ? layout->legend_rect.width + 8 : 0);
        part.flags = flags & (legend ? (TPT_PART_LEGEND | TPT_PART_HEADING) : TPT_PART_HEADING);
        part.scale = 1;
        g_array_append_val (parts, part);
      }

  for (guint i = start; i < parts->len; i++)
    {
      g_array_index (parts, TptDrawingPart, i).index = i - start;
      g_array_index (parts, TptDrawingPart, i).count = parts->len - start;
    }
}

/* Draws the piece @src of the layout at (@x, @y), what changed marked. */
static void
piece (cairo_t                  *cr,
       const TptBlueprintLayout *layout,
       const TptTheme           *theme,
       TptDiff                  *changes,
       const TptRect            *src,
       double                    x,
       double                    y)
{
  if (src->width <= 0 || src->height <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, x, y, src->width, src->height);
  cairo_clip (cr);
  cairo_translate (cr, x - src->x, y - src->y);
  tpt_blueprint_render (cr, layout, theme);
  if (changes != NULL)
    tpt_changes_overlay_render (cr, layout, changes, theme);
  cairo_restore (cr);
}

/**
 * tpt_blueprint_pages_dup_part_title:
 * @layout: a layout
 * @part: one of its parts
 *
 * Returns: (transfer full): what the part's page is headed with: the
 *   blueprint's title and the stages the part shows
 */
char *
tpt_blueprint_pages_dup_part_title (const TptBlueprintLayout *layout,
                                    const TptDrawingPart     *part)
{
  const char *title = tpt_blueprint_get_title (layout->blueprint);
  g_autoptr(GString) stages = g_string_new (NULL);
  double x0 = column_x (layout, part->first_column), x1 = column_x (layout, part->end_column);

  for (guint s = 0; s < layout->stages->len; s++)
    {
      const TptLayoutStage *stage = &g_array_index (layout->stages, TptLayoutStage, s);

      if (stage->rect.width > 0 && stage->rect.x < x1 - 1 && tpt_rect_right (&stage->rect) > x0 + 1)
        g_string_append_printf (stages, "%s%s", stages->len > 0 ? ", " : "",
                                tpt_stage_get_title (stage->stage));
    }

  if (title == NULL || *title == '\0')
    title = _("Untitled blueprint");
  if (stages->len == 0)
    return g_strdup (title);
  /* Translators: a handout page's heading: the blueprint, then the stages on the page. */
  return g_strdup_printf (_("%s — %s"), title, stages->str);
}

/**
 * tpt_blueprint_pages_render_part:
 * @cr: where to draw, with the part's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @layout: the layout
 * @theme: the colours
 * @changes: (nullable): what changed since an older version, marked where
 *   it is
 * @part: a part from tpt_blueprint_pages_split()
 *
 * Draws the part: a heading naming the blueprint, its stages and the
 * part's number, the stage and step headers of its columns, the lane
 * headers of its lanes, its cells, and the legend if the part has one.
 */
void
tpt_blueprint_pages_render_part (cairo_t                  *cr,
                                 PangoContext             *context,
                                 const TptBlueprintLayout *layout,
                                 const TptTheme           *theme,
                                 TptDiff                  *changes,
                                 const TptDrawingPart     *part)
{
  double left, top, lw, hh, bw, bh, ly, th;
  g_autofree char *title = NULL;
  g_autofree char *number = NULL;
  g_autoptr(PangoLayout) heading = NULL;
  g_autoptr(PangoLayout) count = NULL;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (layout != NULL);
  g_return_if_fail (part != NULL);

  if (part->end_column == 0 && part->end == 0)
    {
      tpt_blueprint_render (cr, layout, theme);
      if (changes != NULL)
        tpt_changes_overlay_render (cr, layout, changes, theme);
      return;
    }

  left = body_left (layout);
  top = heads_top (layout);
  lw = layout->grid.x - left;
  hh = layout->grid.y - top;
  bw = column_x (layout, part->end_column) - column_x (layout, part->first_column) + 1;
  ly = lane_y (layout, part->first);
  bh = lane_y (layout, part->end) - ly + 1;
  th = (part->flags & TPT_PART_HEADING) ? TITLE_H : 0;

  cairo_save (cr);
  tpt_color_set_source (cr, &theme->paper);
  cairo_rectangle (cr, 0, 0, part->width, part->height);
  cairo_fill (cr);

  if (th > 0)
    {
      title = tpt_blueprint_pages_dup_part_title (layout, part);
      heading = tpt_text_layout_new (context, TPT_TEXT_SUBHEADING, title, MAX (part->width - 60, 40));
      pango_layout_set_ellipsize (heading, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (heading, -1);
      tpt_color_set_source (cr, &theme->ink);
      cairo_move_to (cr, 0, 2);
      tpt_text_show (cr, heading);
      if (part->count > 1)
        {
          /* Translators: the number of a page of a blueprint split over several, "2 / 9". */
          number = g_strdup_printf (_("%u / %u"), part->index + 1, part->count);
          count = tpt_text_layout_new (context, TPT_TEXT_BODY, number, 56);
          pango_layout_set_alignment (count, PANGO_ALIGN_RIGHT);
          tpt_color_set_source (cr, &theme->muted);
          cairo_move_to (cr, part->width - 58, 4);
          tpt_text_show (cr, count);
        }
    }

  piece (cr, layout, theme, changes, &(TptRect) { left, top, lw, hh }, 0, th);
  piece (cr, layout, theme, changes,
         &(TptRect) { column_x (layout, part->first_column), top, bw, hh }, lw, th);
  piece (cr, layout, theme, changes, &(TptRect) { left, ly, lw, bh }, 0, th + hh);
  piece (cr, layout, theme, changes,
         &(TptRect) { column_x (layout, part->first_column), ly, bw, bh }, lw, th + hh);
  if ((part->flags & TPT_PART_LEGEND) && layout->legend->len > 0)
    piece (cr, layout, theme, NULL,
           &(TptRect) { layout->legend_rect.x - 2, layout->legend_rect.y - 2,
                        layout->legend_rect.width + 4, layout->legend_rect.height + 4 },
           0, th + hh + bh + LEGEND_GAP - 2);
  cairo_restore (cr);
}
