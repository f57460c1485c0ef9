/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-core: how fast and how big the document model is.
 *
 *   bench-core [--xmllint] [--check-binary PATH] [FILE.touchpoint…]
 *
 * Builds documents of 400, 5,000 and 50,000 cards (with flows, emotions,
 * personas and needs) through the model API and prints one JSON object:
 * load and save times (median of 5), one undo and one redo of a big
 * transaction (deleting the busiest lane) and of a small one (one text edit),
 * memory per card, and memory for 10,000 recorded changes. With
 * --check-binary it also times `touchpoint --check` against `xmllint --noout`
 * on the same 5,000-card file, alternating the two, which is how the target
 * (≤ 3× xmllint) is stated. Extra FILE arguments (e.g. from
 * ../shared/bench/gen_peers.py) are loaded and timed too.
 *
 * Not a test: it prints figures and never fails on them. */
#define G_LOG_DOMAIN "bench-core"

#include "config.h"

#include <malloc.h>
#include <stdio.h>

#include <glib/gstdio.h>

#include "tpt-document.h"
#include "tpt-format.h"

#define RUNS 5

static const char *words[] = {
  "verify", "claim", "policy", "number", "call", "centre", "agent", "checks",
  "coverage", "sends", "letter", "updates", "CRM", "record", "customer", "repair",
};

static gsize
heap_in_use (void)
{
  struct mallinfo2 info;

  malloc_trim (0);
  info = mallinfo2 ();
  return info.uordblks + info.hblkhd;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

static char *
card_text (guint i,
           guint j)
{
  GString *str = g_string_new (NULL);

  for (guint k = 0; k < 8; k++)
    g_string_append_printf (str, "%s%s", k ? " " : "",
                            words[(i * 7 + j * 3 + k) % G_N_ELEMENTS (words)]);
  return g_string_free (str, FALSE);
}

/* A blueprint of @steps × @lanes cards, built the way the app builds one:
 * through the API, inside transactions, so the history is exercised too. */
static TptDocument *
build_document (guint steps,
                guint lanes)
{
  static const TptLaneKind kinds[] = {
    TPT_LANE_KIND_EVIDENCE, TPT_LANE_KIND_CUSTOMER, TPT_LANE_KIND_FRONTSTAGE,
    TPT_LANE_KIND_BACKSTAGE, TPT_LANE_KIND_SUPPORT,
  };
  TptDocument *document = tpt_document_new ();
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (document);
  g_autoptr(GPtrArray) lane_list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) step_list = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) needs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TptPersona) persona = tpt_persona_new (document);
  TptStage *stage = NULL;

  tpt_document_begin (document, "Build");

  tpt_document_set_title (document, "Benchmark");
  tpt_persona_set_name (persona, "Dana Ortiz");
  tpt_document_insert_persona (document, 0, persona);
  for (guint n = 0; n < 10; n++)
    {
      TptNeed *need = tpt_need_new (document);
      g_autofree char *title = g_strdup_printf ("Need %u", n + 1);

      tpt_need_set_title (need, title);
      tpt_document_insert_need (document, n, need);
      tpt_document_set_rating (document, persona, need, n, 10 - n);
      g_ptr_array_add (needs, need);
    }

  tpt_blueprint_set_title (blueprint, "Synthetic");
  tpt_document_insert_blueprint (document, 0, blueprint);

  for (guint j = 0; j < lanes; j++)
    {
      TptLane *lane = tpt_lane_new (document);
      g_autofree char *title = g_strdup_printf ("Lane %u", j + 1);

      tpt_lane_set_title (lane, title);
      tpt_lane_set_kind (lane, kinds[MIN (j * G_N_ELEMENTS (kinds) / lanes, G_N_ELEMENTS (kinds) - 1)]);
      tpt_blueprint_insert_lane (blueprint, j, lane);
      g_ptr_array_add (lane_list, lane);
    }

  for (guint i = 0; i < steps; i++)
    {
      TptStep *step = tpt_step_new (document);
      g_autofree char *title = g_strdup_printf ("Step %u", i + 1);

      if (i % 10 == 0)
        {
          g_autofree char *stage_title = g_strdup_printf ("Stage %u", i / 10 + 1);

          g_clear_object (&stage);
          stage = tpt_stage_new (document);
          tpt_stage_set_title (stage, stage_title);
          tpt_blueprint_insert_stage (blueprint, i / 10, stage);
        }
      tpt_step_set_title (step, title);
      tpt_step_set_duration (step, "PT15M");
      tpt_blueprint_insert_step (blueprint, stage, i % 10, step);
      g_ptr_array_add (step_list, step);
    }
  g_clear_object (&stage);

  for (guint j = 0; j < lanes; j++)
    {
      TptCard *previous = NULL;

      for (guint i = 0; i < steps; i++)
        {
          g_autoptr(TptCard) card = tpt_card_new (document);
          g_autofree char *text = card_text (i, j);
          TptNeed *need = g_ptr_array_index (needs, (i + j) % needs->len);
          const char *serves[] = { tpt_node_get_id (TPT_NODE (need)), NULL };

          tpt_card_set_text (card, text);
          tpt_card_set_owner (card, "Claims team");
          if ((i + j) % 3 == 0)
            tpt_card_set_serves (card, serves);
          tpt_blueprint_add_card (blueprint, card,
                                  g_ptr_array_index (lane_list, j),
                                  g_ptr_array_index (step_list, i),
                                  G_MAXUINT);
          if (previous != NULL)
            tpt_blueprint_add_flow (blueprint, previous, card, TPT_ARROW_SINGLE);
          previous = card;
        }
    }

  tpt_document_end (document);
  tpt_history_clear (tpt_document_get_history (document));

  return document;
}

static double
time_load (GBytes      *bytes,
           TptDocument **out)
{
  double times[RUNS];

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(TptDocument) document = tpt_document_load_bytes (bytes, &error);

      times[r] = (g_get_monotonic_time () - start) / 1000.0;
      if (document == NULL)
        g_error ("load failed: %s", error->message);
      if (r == RUNS - 1 && out != NULL)
        *out = g_steal_pointer (&document);
    }

  return median (times, RUNS);
}

static double
time_save (TptDocument *document,
           const char  *path)
{
  double times[RUNS];
  g_autoptr(GFile) file = g_file_new_for_path (path);

  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      if (!tpt_document_save_file (document, file, &error))
        g_error ("save failed: %s", error->message);
      times[r] = (g_get_monotonic_time () - start) / 1000.0;
    }

  return median (times, RUNS);
}

static TptLane *
busiest_lane (TptBlueprint *blueprint)
{
  GListModel *lanes = tpt_blueprint_get_lanes (blueprint);
  g_autoptr(TptLane) lane = g_list_model_get_item (lanes, g_list_model_get_n_items (lanes) / 2);

  return lane;
}

/* Times one undo and one redo of deleting a lane with all its cards and
 * flows, then of a one-field edit. */
static void
time_undo (TptDocument *document,
           double      *big_undo,
           double      *big_redo,
           double      *small_undo,
           double      *small_redo,
           guint       *big_changes)
{
  TptHistory *history = tpt_document_get_history (document);
  g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  TptLane *lane = busiest_lane (blueprint);
  g_autoptr(TptCard) card = g_list_model_get_item (tpt_blueprint_get_cards (blueprint), 0);
  g_autoptr(TptHistoryEntry) entry = NULL;
  gint64 start;

  tpt_blueprint_remove_lane (blueprint, lane);
  entry = g_list_model_get_item (G_LIST_MODEL (history), tpt_history_get_position (history) - 1);
  *big_changes = tpt_history_entry_get_n_changes (entry);

  start = g_get_monotonic_time ();
  tpt_history_undo (history);
  *big_undo = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  tpt_history_redo (history);
  *big_redo = (g_get_monotonic_time () - start) / 1000.0;

  tpt_document_begin (document, "Edit Text");
  tpt_card_set_text (card, "A different text");
  tpt_document_end (document);

  start = g_get_monotonic_time ();
  tpt_history_undo (history);
  *small_undo = (g_get_monotonic_time () - start) / 1000.0;

  start = g_get_monotonic_time ();
  tpt_history_redo (history);
  *small_redo = (g_get_monotonic_time () - start) / 1000.0;
}

/* Heap growth for 10,000 recorded one-field changes, each its own entry. */
static double
changes_memory (TptDocument *document)
{
  TptHistory *history = tpt_document_get_history (document);
  g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  GListModel *cards = tpt_blueprint_get_cards (blueprint);
  guint n_cards = g_list_model_get_n_items (cards);
  gsize before;

  tpt_history_set_max_entries (history, 20000);
  before = heap_in_use ();
  for (guint i = 0; i < 10000; i++)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (cards, i % n_cards);
      g_autofree char *text = g_strdup_printf ("Edited text number %u of the benchmark", i);

      tpt_document_begin (document, "Edit Text");
      tpt_card_set_text (card, text);
      tpt_document_end (document);
    }

  return (double)(heap_in_use () - before) / (1024.0 * 1024.0);
}

static double
time_command (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  if (!g_spawn_sync (NULL, (char **)argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed", argv[0]);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
bench_size (GString    *json,
            guint       steps,
            guint       lanes,
            const char *check_binary,
            const char *tmpdir)
{
  g_autoptr(TptDocument) built = NULL;
  g_autoptr(TptDocument) loaded = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = g_strdup_printf ("%s/bench-%u.touchpoint", tmpdir, steps * lanes);
  gsize before, after;
  double load_ms, save_ms, big_undo, big_redo, small_undo, small_redo, changes_mb;
  guint big_changes;

  before = heap_in_use ();
  built = build_document (steps, lanes);
  after = heap_in_use ();

  bytes = tpt_document_serialize (built);
  load_ms = time_load (bytes, &loaded);
  save_ms = time_save (loaded, path);
  time_undo (loaded, &big_undo, &big_redo, &small_undo, &small_redo, &big_changes);
  changes_mb = changes_memory (loaded);

  g_string_append_printf (json,
                          "    \"%u\": {\n"
                          "      \"file_bytes\": %" G_GSIZE_FORMAT ",\n"
                          "      \"load_ms\": %.2f,\n"
                          "      \"save_ms\": %.2f,\n"
                          "      \"big_transaction_changes\": %u,\n"
                          "      \"big_undo_ms\": %.3f,\n"
                          "      \"big_redo_ms\": %.3f,\n"
                          "      \"small_undo_ms\": %.4f,\n"
                          "      \"small_redo_ms\": %.4f,\n"
                          "      \"bytes_per_card\": %.0f,\n"
                          "      \"mb_for_10000_changes\": %.2f",
                          steps * lanes, g_bytes_get_size (bytes), load_ms, save_ms,
                          big_changes, big_undo, big_redo, small_undo, small_redo,
                          (double)(after - before) / (steps * lanes), changes_mb);

  if (check_binary != NULL && steps * lanes == 5000)
    {
      double check[RUNS], lint[RUNS];
      const char *check_argv[] = { check_binary, "--check", path, NULL };
      const char *lint_argv[] = { "xmllint", "--noout", path, NULL };

      /* Alternate the two so that load on a shared machine hits both alike. */
      for (guint r = 0; r < RUNS; r++)
        {
          check[r] = time_command (check_argv);
          lint[r] = time_command (lint_argv);
        }
      g_string_append_printf (json,
                              ",\n      \"check_ms\": %.1f,\n"
                              "      \"xmllint_ms\": %.1f,\n"
                              "      \"check_vs_xmllint\": %.2f",
                              median (check, RUNS), median (lint, RUNS),
                              median (check, RUNS) / median (lint, RUNS));
    }

  g_string_append (json, "\n    }");
  g_unlink (path);
}

int
main (int   argc,
      char *argv[])
{
  static const struct { guint steps, lanes; } sizes[] = {
    { 50, 8 }, { 250, 20 }, { 1000, 50 },
  };
  g_autofree char *check_binary = NULL;
  g_auto(GStrv) files = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) json = g_string_new ("{\n  \"sizes\": {\n");
  g_autofree char *tmpdir = NULL;
  const GOptionEntry entries[] = {
    { "check-binary", 0, 0, G_OPTION_ARG_FILENAME, &check_binary,
      "Time PATH --check against xmllint --noout", "PATH" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new ("[FILE…] — benchmark the document model");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-core: %s\n", error->message);
      return 2;
    }

  tmpdir = g_dir_make_tmp ("bench-core-XXXXXX", &error);
  if (tmpdir == NULL)
    g_error ("%s", error->message);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      if (s > 0)
        g_string_append (json, ",\n");
      bench_size (json, sizes[s].steps, sizes[s].lanes, check_binary, tmpdir);
      g_printerr ("bench-core: %u cards done\n", sizes[s].steps * sizes[s].lanes);
    }
  g_string_append (json, "\n  }");

  if (files != NULL && files[0] != NULL)
    {
      g_string_append (json, ",\n  \"files\": {\n");
      for (guint i = 0; files[i] != NULL; i++)
        {
          g_autoptr(GBytes) bytes = NULL;
          g_autofree char *contents = NULL;
          gsize length;

          if (!g_file_get_contents (files[i], &contents, &length, &error))
            g_error ("%s", error->message);
          bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
          g_string_append_printf (json, "%s    \"%s\": { \"load_ms\": %.2f }",
                                  i ? ",\n" : "", files[i], time_load (bytes, NULL));
        }
      g_string_append (json, "\n  }");
    }

  g_string_append (json, "\n}\n");
  fputs (json->str, stdout);
  g_rmdir (tmpdir);
  return 0;
}
