/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-slides"

#include "config.h"

#include <stdio.h>
#include <pango/pangocairo.h>

#include "tpt-format.h"
#include "tpt-slide-renderer.h"
#include "tpt-text.h"
#include "tpt-theme.h"

/* What a slide change costs the presenter: the slide view renders the new
 * slide once, at the projector's size, into an image. This renders every
 * slide of a document (its own list, or the default set) at 1920×1080 in
 * the projector theme, a few times, and prints the median and slowest.
 *
 * Run: _build/tests/bench-slides [FILE.touchpoint]   (default: the example) */

#define RUNS 5

static int
compare (const void *a,
         const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = argc > 1 ? g_strdup (argv[1])
                                   : g_build_filename (SOURCE_ROOT, "data", "examples",
                                                       "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = tpt_document_load_file (file, NULL, &error);
  PangoContext *context;
  g_autoptr(GPtrArray) slides = NULL;
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  double slowest_slide = 0, total = 0;
  guint slowest = 0;

  if (document == NULL)
    {
      g_printerr ("%s: %s\n", path, error->message);
      return 1;
    }

  context = tpt_text_context_new ();
  slides = tpt_slides_list_for_showing (document);
  for (guint i = 0; i < slides->len; i++)
    {
      double runs[RUNS];

      for (guint r = 0; r < RUNS; r++)
        {
          cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1920, 1080);
          cairo_t *cr = cairo_create (surface);
          gint64 start = g_get_monotonic_time ();

          tpt_slide_render (cr, context, document, g_ptr_array_index (slides, i),
                            tpt_theme_get (TPT_THEME_PROJECTOR), 1920, 1080, i + 1, slides->len);
          cairo_surface_flush (surface);
          runs[r] = (g_get_monotonic_time () - start) / 1000.0;
          cairo_destroy (cr);
          cairo_surface_destroy (surface);
        }
      qsort (runs, RUNS, sizeof (double), compare);
      g_array_append_val (times, runs[RUNS / 2]);
      total += runs[RUNS / 2];
      if (runs[RUNS / 2] > slowest_slide)
        {
          slowest_slide = runs[RUNS / 2];
          slowest = i;
        }
    }
  g_array_sort (times, compare);

  printf ("{\n"
          "  \"slides\": %u,\n"
          "  \"render_1920x1080_median_ms\": %.1f,\n"
          "  \"render_1920x1080_slowest_ms\": %.1f,\n"
          "  \"slowest_slide\": %u,\n"
          "  \"all_slides_ms\": %.1f\n"
          "}\n",
          slides->len, times->len > 0 ? g_array_index (times, double, times->len / 2) : 0.0,
          slowest_slide, slowest + 1, total);
  g_object_unref (context);
  return 0;
}
