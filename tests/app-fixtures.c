/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "app-fixtures.h"

/* Runs whatever the main loop has ready: idles, redraws, signals. */
void
app_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Iterates the main loop until @condition holds or @seconds pass. */
gboolean
app_wait_for (gboolean (*condition) (gpointer),
              gpointer   data,
              double     seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

/* The example document in the source tree; tests that save use a copy. */
GFile *
app_example_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                            "motor-insurance.touchpoint", NULL);

  return g_file_new_for_path (path);
}
