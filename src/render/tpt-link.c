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
