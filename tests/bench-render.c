/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-render: how fast blueprints are laid out, drawn and exported.
 *
 *   bench-render [--binary PATH] [--raw PATH] [FILE.touchpoint]
 *
 * Exports the 5,000-card synthetic blueprint (FILE, or one generated with
 * ../shared/bench/gen_peers.py 250 20) to PDF, and draws it into a
 * 1920×1080 PNG at zoom-to-fit, and times each beside the bare cairo +
 * Pango program ../shared/bench/raw_cairo_limit.c drawing the same cards,
 * texts and lines (built from there unless --raw names a binary). Whole
 * processes are timed in turn (A B A B …) and the medians of 5 compared, as
 * the target (≤ 1.5× the bare program) is stated; the in-process phases
 * (load, layout, drawing) are printed too, to show where the time goes.
 *
 * Not a test: it prints one JSON object and never fails on the figures. */
#define G_LOG_DOMAIN "bench-render"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "tpt-blueprint-layout.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-export.h"
#include "tpt-format.h"
#include "tpt-text.h"

#define RUNS 5

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Runs a whole process and returns its wall time in milliseconds. */
static double
time_process (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  double start = now_ms ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s", argv[0], error->message);

  return now_ms () - start;
}

static char *
build_raw (const char *tmpdir)
{
  g_autofree char *source = g_build_filename (g_getenv ("TPT_BENCH_DIR") != NULL
                                                ? g_getenv ("TPT_BENCH_DIR")
                                                : "/work/shared/bench",
                                              "raw_cairo_limit.c", NULL);
  g_autofree char *binary = g_build_filename (tmpdir, "raw", NULL);
  g_autofree char *command = g_strdup_printf ("sh -c 'cc -O2 \"%s\" -o \"%s\" "
                                              "$(pkg-config --cflags --libs pangocairo "
                                              "cairo-pdf cairo-svg) -lm'", source, binary);
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_command_line_sync (command, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("could not build %s: %s", source, error->message);

  return g_steal_pointer (&binary);
}

static char *
generate_peers (const char *tmpdir)
{
  g_autofree char *script = g_build_filename (g_getenv ("TPT_BENCH_DIR") != NULL
                                                ? g_getenv ("TPT_BENCH_DIR")
                                                : "/work/shared/bench",
                                              "gen_peers.py", NULL);
  g_autofree char *prefix = g_build_filename (tmpdir, "peers", NULL);
  const char *argv[] = { "python3", script, "250", "20", prefix, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("could not run %s: %s", script, error->message);

  return g_strconcat (prefix, ".touchpoint", NULL);
}

/* Draws the whole blueprint scaled to fit a 1920×1080 image, the way a
 * canvas at zoom-to-fit does, and writes it out. */
static void
fit_png (TptBlueprintLayout *layout,
         const char         *path)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  double zoom = MIN (1920 / layout->bounds.width, 1080 / layout->bounds.height);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, zoom, zoom);
  tpt_blueprint_render (cr, layout, tpt_theme_get (TPT_THEME_LIGHT));
  cairo_destroy (cr);
  cairo_surface_write_to_png (surface, path);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *binary = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *fit = NULL;
  const char *built_raw = NULL;
  g_autofree char *input = NULL;
  g_autofree char *tmpdir = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *raw_pdf = NULL;
  g_autofree char *png = NULL;
  g_autofree char *raw_png = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new ("[FILE.touchpoint]");
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(TptBlueprint) blueprint = NULL;
  g_autoptr(GFile) file = NULL;
  PangoContext *pango = NULL;
  GOptionEntry entries[] = {
    { "binary", 0, 0, G_OPTION_ARG_FILENAME, &binary, "The touchpoint binary", "PATH" },
    { "raw", 0, 0, G_OPTION_ARG_FILENAME, &raw, "A built raw_cairo_limit", "PATH" },
    { "fit-png", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &fit,
      "Only draw FILE fitted into a 1920×1080 OUT, as one timed process", "OUT" },
    { NULL }
  };
  double t_pdf[RUNS], t_raw_pdf[RUNS], t_png[RUNS], t_raw_png[RUNS];
  double t_load[RUNS], t_layout[RUNS], t_draw_pdf[RUNS], t_draw_png[RUNS];
  guint n_cards = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  /* The child process that the PNG timing runs. */
  if (fit != NULL && argc > 1)
    {
      g_autoptr(TptBlueprintLayout) layout = NULL;

      file = g_file_new_for_path (argv[1]);
      document = tpt_document_load_file (file, NULL, &error);
      g_assert_no_error (error);
      blueprint = g_list_model_get_item (tpt_document_get_blueprints (document), 0);
      pango = tpt_text_context_new ();
      layout = tpt_blueprint_layout_new (document, blueprint, pango);
      fit_png (layout, fit);
      g_object_unref (pango);
      return 0;
    }

  tmpdir = g_dir_make_tmp ("bench-render-XXXXXX", &error);
  g_assert_no_error (error);
  if (binary == NULL)
    {
      g_autofree char *dir = g_path_get_dirname (argv[0]);

      binary = g_build_filename (dir, "..", "src", "touchpoint", NULL);
    }
  if (raw == NULL)
    built_raw = raw = build_raw (tmpdir);
  input = argc > 1 ? g_strdup (argv[1]) : generate_peers (tmpdir);
  pdf = g_build_filename (tmpdir, "out.pdf", NULL);
  raw_pdf = g_build_filename (tmpdir, "raw.pdf", NULL);
  png = g_build_filename (tmpdir, "out.png", NULL);
  raw_png = g_build_filename (tmpdir, "raw.png", NULL);

  /* Whole processes, in turn, so that noise on a shared machine falls on
   * both sides alike. */
  for (guint r = 0; r < RUNS; r++)
    {
      t_raw_pdf[r] = time_process ((const char *[]) { raw, "250", "20", "pdf", raw_pdf, NULL });
      t_pdf[r] = time_process ((const char *[]) { binary, "--export", pdf, input, NULL });
    }

  /* In process: where the time goes. */
  file = g_file_new_for_path (input);
  pango = tpt_text_context_new ();
  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(TptBlueprintLayout) layout = NULL;
      g_autoptr(GFile) out = g_file_new_for_path (pdf);
      TptExportOptions options;
      double start = now_ms ();

      g_clear_object (&document);
      g_clear_object (&blueprint);
      document = tpt_document_load_file (file, NULL, &error);
      g_assert_no_error (error);
      t_load[r] = now_ms () - start;

      blueprint = g_list_model_get_item (tpt_document_get_blueprints (document), 0);
      n_cards = g_list_model_get_n_items (tpt_blueprint_get_cards (blueprint));
      start = now_ms ();
      layout = tpt_blueprint_layout_new (document, blueprint, pango);
      t_layout[r] = now_ms () - start;

      start = now_ms ();
      fit_png (layout, png);
      t_draw_png[r] = now_ms () - start;

      tpt_export_options_init (&options);
      start = now_ms ();
      tpt_export (document, out, &options, NULL, &error);
      g_assert_no_error (error);
      t_draw_pdf[r] = now_ms () - start;

    }

  for (guint r = 0; r < RUNS; r++)
    {
      t_raw_png[r] = time_process ((const char *[]) { raw, "250", "20", "png", raw_png,
                                                      "1920", "1080", NULL });
      t_png[r] = time_process ((const char *[]) { argv[0], "--fit-png", png, input, NULL });
    }

  {
    double pdf_ms = median (t_pdf, RUNS), raw_pdf_ms = median (t_raw_pdf, RUNS);
    double png_ms = median (t_png, RUNS), raw_png_ms = median (t_raw_png, RUNS);

    printf ("{\n"
            "  \"cards\": %u,\n"
            "  \"pdf_export_process_ms\": %.1f,\n"
            "  \"raw_cairo_pdf_process_ms\": %.1f,\n"
            "  \"pdf_ratio\": %.2f,\n"
            "  \"png_fit_1920x1080_process_ms\": %.1f,\n"
            "  \"raw_cairo_png_fit_process_ms\": %.1f,\n"
            "  \"png_fit_ratio\": %.2f,\n"
            "  \"phases_ms\": { \"load\": %.1f, \"layout\": %.1f, \"export_pdf\": %.1f, "
            "\"draw_png_fit\": %.1f }\n"
            "}\n",
            n_cards, pdf_ms, raw_pdf_ms, pdf_ms / raw_pdf_ms, png_ms, raw_png_ms,
            png_ms / raw_png_ms, median (t_load, RUNS), median (t_layout, RUNS),
            median (t_draw_pdf, RUNS), median (t_draw_png, RUNS));
  }

  g_object_unref (pango);
  for (const char * const *p = (const char * const[]) { pdf, raw_pdf, png, raw_png, NULL };
       *p != NULL; p++)
    g_unlink (*p);
  if (built_raw != NULL)
    g_unlink (built_raw);
  if (argc <= 1)
    {
      g_unlink (input);
      for (const char * const *ext = (const char * const[]) { ".dia", ".svg", NULL };
           *ext != NULL; ext++)
        {
          g_autofree char *other = g_strdup (input);

          strcpy (other + strlen (other) - strlen (".touchpoint"), *ext);
          g_unlink (other);
        }
    }
  g_rmdir (tmpdir);

  return 0;
}
