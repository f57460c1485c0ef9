/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-save"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "tpt-autosave.h"
#include "tpt-blueprint.h"
#include "tpt-card.h"
#include "tpt-format.h"
#include "tpt-serializer.h"

/* How long saving and autosaving keep the main loop from the user: the
 * longest gap between two turns of the main loop while a save or a
 * recovery copy of a big document is written, with and without someone
 * typing into a card meanwhile. Prints figures; not a test.
 *
 *   python3 ../shared/bench/gen_peers.py 1250 40 /tmp/big   # 50,000 cards
 *   _build/tests/bench-save /tmp/big.touchpoint
 *
 * A timer asks for a turn every millisecond; the gap between two of its
 * calls is how long something else held the loop. */

typedef struct
{
  gint64   last;
  gint64   longest;
  GArray  *gaps;
  gboolean done;
} Watch;

static gboolean
tick_cb (gpointer user_data)
{
  Watch *watch = user_data;
  gint64 now = g_get_monotonic_time ();

  if (watch->last > 0)
    {
      gint64 gap = now - watch->last;

      watch->longest = MAX (watch->longest, gap);
      g_array_append_val (watch->gaps, gap);
    }
  watch->last = now;
  return G_SOURCE_CONTINUE;
}

static void
watch_start (Watch *watch)
{
  *watch = (Watch) { 0 };
  watch->gaps = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static int
compare_gaps (gconstpointer a,
              gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
watch_report (Watch      *watch,
              const char *what,
              double      total_ms)
{
  gint64 p99 = 0;

  if (watch->gaps->len > 0)
    {
      g_array_sort (watch->gaps, compare_gaps);
      p99 = g_array_index (watch->gaps, gint64, watch->gaps->len * 99 / 100);
    }
  printf ("%-44s total %8.1f ms   longest main-loop stall %6.2f ms   p99 gap %5.2f ms\n",
          what, total_ms, watch->longest / 1000.0, p99 / 1000.0);
  g_array_unref (watch->gaps);
}

/* Types into the first card every @interval ms while the loop runs. */
typedef struct
{
  TptCard *card;
  guint    n;
} Typist;

static gboolean
type_cb (gpointer user_data)
{
  Typist *typist = user_data;
  TptDocument *document = tpt_node_get_document (TPT_NODE (typist->card));
  g_autofree char *text = g_strdup_printf ("%s%c", tpt_card_get_text (typist->card),
                                           'a' + (char) (typist->n++ % 26));

  tpt_history_begin_full (tpt_document_get_history (document), "Typing", TPT_TRANSACTION_MERGE);
  tpt_card_set_text (typist->card, text);
  tpt_history_end (tpt_document_get_history (document));
  return G_SOURCE_CONTINUE;
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Watch *watch = user_data;
  g_autoptr(GError) error = NULL;

  if (!tpt_document_save_finish (TPT_DOCUMENT (object), result, NULL, &error))
    g_error ("save failed: %s", error->message);
  watch->done = TRUE;
}

static void
written_cb (TptAutosave *autosave,
            Watch       *watch)
{
  watch->done = TRUE;
}

static void
run_until_done (Watch *watch)
{
  while (!watch->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
bench_save (TptDocument *document,
            GFile       *file,
            const char  *what,
            gboolean     typing)
{
  Watch watch;
  Typist typist = { 0 };
  guint tick, typer = 0;
  gint64 start;

  if (typing)
    {
      GListModel *blueprints = tpt_document_get_blueprints (document);
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, 0);

      typist.card = g_list_model_get_item (tpt_blueprint_get_cards (blueprint), 0);
      typer = g_timeout_add (50, type_cb, &typist);
    }

  watch_start (&watch);
  tick = g_timeout_add (1, tick_cb, &watch);
  start = g_get_monotonic_time ();
  tpt_document_save_async (document, file, NULL, NULL, saved_cb, &watch);
  run_until_done (&watch);
  watch_report (&watch, what, (g_get_monotonic_time () - start) / 1000.0);
  g_source_remove (tick);
  if (typer != 0)
    g_source_remove (typer);
  g_clear_object (&typist.card);
}

static void
bench_autosave (TptDocument *document,
                GFile       *directory,
                const char  *what,
                gboolean     typing)
{
  g_autoptr(TptAutosave) autosave = tpt_autosave_new (document, directory);
  GListModel *blueprints = tpt_document_get_blueprints (document);
  g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, 0);
  Typist typist = { 0 };
  Watch watch;
  guint tick, typer = 0;
  gint64 start;

  tpt_autosave_set_delay (autosave, 1);
  typist.card = g_list_model_get_item (tpt_blueprint_get_cards (blueprint), 1);
  g_signal_connect (autosave, "written", G_CALLBACK (written_cb), &watch);

  watch_start (&watch);
  tick = g_timeout_add (1, tick_cb, &watch);
  start = g_get_monotonic_time ();
  /* The first change sets it off; typing goes on while it writes. */
  type_cb (&typist);
  if (typing)
    typer = g_timeout_add (50, type_cb, &typist);
  run_until_done (&watch);
  watch_report (&watch, what, (g_get_monotonic_time () - start) / 1000.0);
  g_source_remove (tick);
  if (typer != 0)
    g_source_remove (typer);
  g_clear_object (&typist.card);
  tpt_autosave_discard (autosave);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) input = NULL;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("bench-save-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "saved.touchpoint", NULL);
  g_autofree char *recovery = g_build_filename (dir, "recovery", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) directory = g_file_new_for_path (recovery);
  gint64 start;

  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE.touchpoint\n", argv[0]);
      return 2;
    }

  input = g_file_new_for_commandline_arg (argv[1]);
  start = g_get_monotonic_time ();
  document = tpt_document_load_file (input, NULL, &error);
  if (document == NULL)
    g_error ("%s", error->message);
  printf ("%-44s total %8.1f ms\n", "load (for reference)",
          (g_get_monotonic_time () - start) / 1000.0);

  /* What a save held the loop for before: all of it. */
  start = g_get_monotonic_time ();
  if (!tpt_document_save_file (document, file, &error))
    g_error ("%s", error->message);
  printf ("%-44s total %8.1f ms   (all of it on the main loop)\n", "save, in one go",
          (g_get_monotonic_time () - start) / 1000.0);

  bench_save (document, file, "save, first (nothing kept yet)", FALSE);
  bench_save (document, file, "save again", FALSE);
  bench_save (document, file, "save while typing every 50 ms", TRUE);
  bench_autosave (document, directory, "autosave", FALSE);
  bench_autosave (document, directory, "autosave while typing every 50 ms", TRUE);
  printf ("serializer walks restarted: %u\n",
          tpt_serializer_get_n_restarts (tpt_serializer_get_for_document (document)));

  g_unlink (path);
  g_rmdir (recovery);
  g_rmdir (dir);
  return 0;
}
