/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-canvas: how long the blueprint canvas takes to draw a frame.
 *
 *   bench-canvas [FILE.touchpoint]
 *
 * Opens the 5,000-card synthetic blueprint (FILE, or one generated with
 * ../shared/bench/gen_peers.py 250 20) in a real window, and times with the
 * window's frame clock: the first frame after opening, then frames at 100%
 * zoom while panning (the horizontal adjustment moves 37 px a frame) and
 * while dragging a card about. A frame is timed from the clock's
 * before-paint to its after-paint, so it holds the tick that moved things,
 * the layout and the drawing; the time spent waiting for the next frame is
 * left out. The targets are ≤ 8 ms a frame and ≤ 300 ms to the first frame.
 *
 * Run it under Xvfb with GSK_RENDERER=cairo, as the app tests are (see the
 * registration in tests/meson.build). Not a test: it prints one JSON object
 * and never fails on the figures. */
#define G_LOG_DOMAIN "bench-canvas"

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>

#include "app-fixtures.h"
#include "tpt-application.h"
#include "tpt-blueprint-page.h"
#include "tpt-card-move-tool.h"
#include "tpt-blueprint-layout.h"
#include "tpt-format.h"
#include "tpt-text.h"
#include "tpt-window-private.h"

#define WINDOW_WIDTH  1600
#define WINDOW_HEIGHT 1000
#define FRAMES        240
#define PAN_STEP      37.0
/* Long enough for a frame clock that stalls to be a bug, not noise. */
#define PHASE_TIMEOUT_SECONDS 120

typedef enum
{
  PHASE_IDLE,
  PHASE_PAN,
  PHASE_DRAG,
} Phase;

typedef struct
{
  TptPages           *pages;
  TptDragTool        *move;
  TptBlueprintPage *canvas;
  GtkAdjustment      *hadjustment;
  Phase               phase;
  guint               tick;
  double              drag_x, drag_y;   /* where the drag started */
  gint64              frame_start;
  gboolean            moved;            /* this frame's tick moved something */
  guint               n_painted;        /* after-paints so far */
  gint64              first_paint;      /* when the first after-paint ended */
  GArray             *samples;          /* ms, one a frame that moved something */
} Bench;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Sorts @samples; prints their median, 95th percentile and maximum. */
static char *
summary_json (GArray *samples)
{
  double *values = (double *) (gpointer) samples->data;
  guint n = samples->len;
  guint p95 = (guint) ceil (0.95 * n) - 1;

  g_assert_cmpuint (n, >, 0);
  qsort (values, n, sizeof (double), compare_doubles);

  return g_strdup_printf ("{ \"frames\": %u, \"median_ms\": %.2f, \"p95_ms\": %.2f, "
                          "\"max_ms\": %.2f }",
                          n, values[n / 2], values[p95], values[n - 1]);
}

static char *
generate_peers (const char *tmpdir)
{
  g_autofree char *dir = NULL;
  g_autofree char *script = NULL;
  g_autofree char *prefix = g_build_filename (tmpdir, "peers", NULL);
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "python3", NULL, "250", "20", prefix, NULL };
  int status;

  /* As bench-render finds it, or beside the source tree the tests know. */
  if (g_getenv ("TPT_BENCH_DIR") != NULL)
    dir = g_strdup (g_getenv ("TPT_BENCH_DIR"));
  else if (g_getenv ("TPT_SOURCE_ROOT") != NULL)
    dir = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "..", "shared", "bench", NULL);
  else
    dir = g_strdup ("/work/shared/bench");
  script = g_build_filename (dir, "gen_peers.py", NULL);
  argv[1] = script;

  if (!g_spawn_sync (NULL, (char **) argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("could not run %s: %s", script, error->message);

  return g_strconcat (prefix, ".touchpoint", NULL);
}

static void
remove_peers (const char *input)
{
  g_autofree char *prefix = g_strndup (input, strlen (input) - strlen (".touchpoint"));

  for (const char * const *ext = (const char * const[]) { ".touchpoint", ".dia", ".svg", NULL };
       *ext != NULL; ext++)
    {
      g_autofree char *path = g_strconcat (prefix, *ext, NULL);

      g_unlink (path);
    }
}

static void
before_paint_cb (GdkFrameClock *clock,
                 Bench         *bench)
{
  bench->frame_start = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                Bench         *bench)
{
  gint64 now = g_get_monotonic_time ();

  if (bench->n_painted++ == 0)
    bench->first_paint = now;

  /* Only frames that the tick changed count: the others drew nothing new. */
  if (bench->phase != PHASE_IDLE && bench->moved)
    {
      double ms = (now - bench->frame_start) / 1000.0;

      g_array_append_val (bench->samples, ms);
      bench->moved = FALSE;
      if (bench->samples->len == FRAMES)
        bench->phase = PHASE_IDLE;
    }
}

/* Runs in the frame clock's update phase, before that frame's layout and
 * paint, as a gesture's motion would. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *clock,
         gpointer       user_data)
{
  Bench *bench = user_data;
  double t;

  switch (bench->phase)
    {
    case PHASE_PAN:
      {
        double value = gtk_adjustment_get_value (bench->hadjustment) + PAN_STEP;
        double last = gtk_adjustment_get_upper (bench->hadjustment) -
                      gtk_adjustment_get_page_size (bench->hadjustment);

        gtk_adjustment_set_value (bench->hadjustment,
                                  value > last ? gtk_adjustment_get_lower (bench->hadjustment)
                                               : value);
      }
      break;

    case PHASE_DRAG:
      /* Wander around the start, never back onto it, so the drag never
       * falls under the threshold and each frame moves the ghost. */
      t = ++bench->tick * 2 * G_PI;
      tpt_drag_tool_motion (bench->move, bench->drag_x + 20 + 260 * sin (t / 120),
                            bench->drag_y + 20 + 180 * sin (t / 90));
      break;

    case PHASE_IDLE:
    default:
      return G_SOURCE_REMOVE;
    }

  bench->moved = TRUE;
  return G_SOURCE_CONTINUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("the frame clock stalled");
  return G_SOURCE_REMOVE;
}

static void
wait_for_painted (Bench *bench,
                  guint  n_painted)
{
  guint id = g_timeout_add_seconds (PHASE_TIMEOUT_SECONDS, timeout_cb, NULL);

  while (bench->n_painted < n_painted)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);
}

/* Runs @phase for FRAMES frames and returns their summary. */
static char *
run_phase (Bench *bench,
           Phase  phase)
{
  guint id = g_timeout_add_seconds (PHASE_TIMEOUT_SECONDS, timeout_cb, NULL);

  g_array_set_size (bench->samples, 0);
  bench->tick = 0;
  bench->moved = FALSE;
  bench->phase = phase;
  gtk_widget_add_tick_callback (GTK_WIDGET (bench->canvas), tick_cb, bench, NULL);
  while (bench->phase != PHASE_IDLE)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (id);

  return summary_json (bench->samples);
}

/* The card nearest the middle of the view, as laid out at the moment. */
static const TptLayoutCard *
card_in_view (TptCanvas          *view,
              TptBlueprintLayout *layout)
{
  const TptLayoutCard *best = NULL;
  double best_distance = G_MAXDOUBLE;
  double x, y;

  tpt_canvas_to_content (view, gtk_widget_get_width (GTK_WIDGET (view)) / 2.0,
                         gtk_widget_get_height (GTK_WIDGET (view)) / 2.0, &x, &y);
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, i);
      double distance = hypot (card->rect.x + card->rect.width / 2 - x,
                               card->rect.y + card->rect.height / 2 - y);

      if (distance < best_distance)
        {
          best = card;
          best_distance = distance;
        }
    }

  g_assert_nonnull (best);
  return best;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *input = NULL;
  g_autofree char *pan = NULL;
  g_autofree char *drag = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(TptBlueprint) blueprint = NULL;
  g_autoptr(TptBlueprintLayout) layout = NULL;
  PangoContext *context;
  TptApplication *app;
  TptDocument *document;
  TptHistory *history;
  TptWindow *window;
  GdkFrameClock *clock;
  const TptLayoutCard *card;
  Bench bench = { 0 };
  double first_frame_ms, first_zoom;
  guint n_cards, position;
  gint64 start;

  /* Never the user's settings or state: the window size below is set in
   * memory, and autosave writes under a directory of our own. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  tmpdir = g_dir_make_tmp ("bench-canvas-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_STATE_HOME", tmpdir, TRUE);

  gtk_init ();
  adw_init ();

  input = argc > 1 ? g_strdup (argv[1]) : generate_peers (tmpdir);
  file = g_file_new_for_path (input);

  app = tpt_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("could not register: %s", error->message);

  /* The window takes its size from the settings when it is made. */
  settings = g_settings_new (APPLICATION_ID);
  g_settings_set_int (settings, "window-width", WINDOW_WIDTH);
  g_settings_set_int (settings, "window-height", WINDOW_HEIGHT);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  /* Opening, as the user sees it: reading the file, the window, and the
   * blueprint at the zoom a newly shown blueprint gets, up to the end of the
   * first frame drawn. */
  start = g_get_monotonic_time ();
  window = tpt_application_open_file (app, file);
  if (window == NULL)
    g_error ("could not open %s", input);
  document = tpt_window_get_document (window);
  blueprint = g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  tpt_window_select (window, TPT_NODE (blueprint));

  /* Presenting realized the window, so it has its clock; nothing has been
   * drawn yet, as the main loop has not run. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_assert_nonnull (clock);
  g_signal_connect (clock, "before-paint", G_CALLBACK (before_paint_cb), &bench);
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &bench);
  wait_for_painted (&bench, 1);
  first_frame_ms = (bench.first_paint - start) / 1000.0;

  bench.pages = tpt_window_get_pages (window);
  bench.canvas = TPT_BLUEPRINT_PAGE (tpt_pages_get_page (bench.pages, TPT_ARTEFACT_BLUEPRINT));
  for (guint i = 0; i < tpt_canvas_get_tools (TPT_CANVAS (bench.canvas))->len; i++)
    if (TPT_IS_CARD_MOVE_TOOL (g_ptr_array_index (tpt_canvas_get_tools (TPT_CANVAS (bench.canvas)), i)))
      bench.move = g_ptr_array_index (tpt_canvas_get_tools (TPT_CANVAS (bench.canvas)), i);
  g_assert_nonnull (bench.move);
  bench.samples = g_array_new (FALSE, FALSE, sizeof (double));
  g_object_get (bench.canvas, "hadjustment", &bench.hadjustment, NULL);
  first_zoom = tpt_canvas_get_zoom (TPT_CANVAS (bench.canvas));
  n_cards = g_list_model_get_n_items (tpt_blueprint_get_cards (blueprint));
  history = tpt_document_get_history (document);
  position = tpt_history_get_position (history);

  /* Let whatever the first frame set off settle before timing. */
  tpt_canvas_set_zoom (TPT_CANVAS (bench.canvas), 1.0);
  gtk_widget_queue_draw (GTK_WIDGET (bench.canvas));
  wait_for_painted (&bench, bench.n_painted + 1);
  app_iterate ();

  pan = run_phase (&bench, PHASE_PAN);

  /* A card where the pan left the view, laid out as the view lays it out,
   * selected and then dragged from its middle. */
  context = tpt_text_context_new ();
  layout = tpt_blueprint_layout_new (document, blueprint, context);
  card = card_in_view (TPT_CANVAS (bench.canvas), layout);
  bench.drag_x = card->rect.x + card->rect.width / 2;
  bench.drag_y = card->rect.y + card->rect.height / 2;
  app_click (bench.canvas, bench.drag_x, bench.drag_y, 1, 0);
  g_assert_cmpuint (tpt_blueprint_page_get_cards (bench.canvas)->len, ==, 1);
  g_assert_true (g_ptr_array_index (tpt_blueprint_page_get_cards (bench.canvas), 0) ==
                 card->card);
  app_iterate ();
  g_assert_true (tpt_drag_tool_press (bench.move, bench.drag_x, bench.drag_y,
                                      GDK_BUTTON_PRIMARY, 0));
  drag = run_phase (&bench, PHASE_DRAG);
  /* Dropped off the drawing, the drag changes nothing. */
  tpt_drag_tool_release (bench.move, -100, -100);
  app_iterate ();
  g_assert_cmpuint (tpt_history_get_position (history), ==, position);

  printf ("{\n"
          "  \"cards\": %u,\n"
          "  \"renderer\": \"%s\",\n"
          "  \"window\": [%d, %d],\n"
          "  \"view\": [%d, %d],\n"
          "  \"first_frame_ms\": %.1f,\n"
          "  \"first_frame_zoom\": %.3f,\n"
          "  \"zoom\": %.2f,\n"
          "  \"pan_step_px\": %.0f,\n"
          "  \"pan\": %s,\n"
          "  \"drag\": %s,\n"
          "  \"targets_ms\": { \"frame\": 8, \"first_frame\": 300 }\n"
          "}\n",
          n_cards,
          g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "default",
          gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)),
          gtk_widget_get_width (GTK_WIDGET (bench.canvas)),
          gtk_widget_get_height (GTK_WIDGET (bench.canvas)),
          first_frame_ms, first_zoom, tpt_canvas_get_zoom (TPT_CANVAS (bench.canvas)), PAN_STEP,
          pan, drag);

  /* Leave without the unsaved-changes question. */
  g_signal_handlers_disconnect_by_data (clock, &bench);
  tpt_history_mark_saved (history);
  gtk_window_destroy (GTK_WINDOW (window));
  app_iterate ();
  g_object_unref (bench.hadjustment);
  g_array_unref (bench.samples);
  g_object_unref (context);
  g_object_unref (app);

  if (argc <= 1)
    remove_peers (input);
  g_rmdir (tmpdir);

  return 0;
}
