/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "tpt-paginate.h"

/**
 * tpt_paginate_rows:
 * @n_rows: how many rows there are
 * @available: the height of a page
 * @height_of: measures a run of rows as one page shows them
 * @data: for @height_of
 * @breaks: (element-type guint): gets the first row of each page
 *
 * Fills each page with as many whole rows as fit; a row taller than a page
 * gets a page of its own. Shared by the persona gallery and the needs
 * matrix, which split the same way.
 */
void
tpt_paginate_rows (guint              n_rows,
                   double             available,
                   TptPartHeightFunc  height_of,
                   gpointer           data,
                   GArray            *breaks)
{
  guint start = 0;

  g_return_if_fail (height_of != NULL);
  g_return_if_fail (breaks != NULL);

  do
    {
      guint end = start + 1;

      while (end < n_rows && height_of (start, end + 1, data) <= available)
        end++;
      g_array_append_val (breaks, start);
      start = end;
    }
  while (start < n_rows);
}
