/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tpt-link.h"

static void
link_clear (gpointer data)
{
  g_clear_object (&((TptLink *) data)->node);
}

/**
 * tpt_link_array_new:
 *
 * Returns: (transfer full) (element-type TptLink): an empty array that
 *   lets go of its nodes when freed
 */
GArray *
tpt_link_array_new (void)
{
  GArray *links = g_array_new (FALSE, TRUE, sizeof (TptLink));

  g_array_set_clear_func (links, link_clear);
  return links;
}

void
tpt_link_add (GArray        *links,
              const TptRect *rect,
              TptNode       *node)
{
  TptLink link = { *rect, NULL };

  g_return_if_fail (links != NULL);
  g_return_if_fail (TPT_IS_NODE (node));

  link.node = g_object_ref (node);
  g_array_append_val (links, link);
}

/**
 * tpt_link_add_range:
 * @links: (element-type TptLink): where to add
 * @layout: a paragraph as drawn
 * @x: where its top left corner is drawn
 * @y: likewise
 * @start: the first byte of the text that names @node
 * @end: the byte after its last
 * @node: what it names
 *
 * Adds a link over the words @start to @end of @layout: one rectangle
 * per line they run over, so a name that wraps is a link on each line and
 * the words round it are not.
 */
void
tpt_link_add_range (GArray      *links,
                    PangoLayout *layout,
                    double       x,
                    double       y,
                    gsize        start,
                    gsize        end,
                    TptNode     *node)
{
  PangoLayoutIter *iter;

  g_return_if_fail (links != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));
  g_return_if_fail (TPT_IS_NODE (node));

  if (end <= start)
    return;
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      gsize line_start = line->start_index;
      gsize line_end = line_start + line->length;
      PangoRectangle logical;
      int *ranges = NULL;
      int n_ranges = 0;

      if (line_end <= start || line_start >= end)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      /* The ranges are from the layout's left edge, alignment included. */
      pango_layout_line_get_x_ranges (line, MAX (start, line_start), MIN (end, line_end),
                                      &ranges, &n_ranges);
      for (int i = 0; i < n_ranges; i++)
        {
          TptRect rect = { x + (double) ranges[2 * i] / PANGO_SCALE,
                           y + (double) logical.y / PANGO_SCALE,
                           (double) (ranges[2 * i + 1] - ranges[2 * i]) / PANGO_SCALE,
                           (double) logical.height / PANGO_SCALE };

          if (rect.width > 0)
            tpt_link_add (links, &rect, node);
        }
      g_free (ranges);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/**
 * tpt_link_at:
 *
 * Returns: (nullable): the link drawn at the point
 */
const TptLink *
tpt_link_at (GArray *links,
             double  x,
             double  y)
{
  g_return_val_if_fail (links != NULL, NULL);

  for (guint i = 0; i < links->len; i++)
    {
      const TptLink *link = &g_array_index (links, TptLink, i);

      if (tpt_rect_contains_point (&link->rect, x, y))
        return link;
    }
  return NULL;
}
