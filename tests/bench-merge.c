/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-merge: how long the semantic diff and the three-way merge take.
 *
 *   bench-merge [--binary PATH] FILE.touchpoint
 *
 * Takes FILE as the base, makes two sides of it through the model API as
 * two designers would on two branches (ours: 1 % of the cards' texts and
 * 20 cards moved; theirs: 1 % of the cards' kinds, 20 cards added and 10
 * texts ours changed too, the conflicts), and prints one JSON object: the
 * diff of base and ours (median of 5, with its text), the merge (median
 * of 5), the conflicts it recorded, and whether the result reloads. With
 * --binary it also times `touchpoint --diff` and `--merge` on the files,
 * load and save included, as git runs them.
 *
 * Not a test: it prints figures and never fails on them. */
#define G_LOG_DOMAIN "bench-merge"

#include "config.h"

#include <stdio.h>

#include <glib/gstdio.h>

#include "tpt-diff.h"
#include "tpt-document.h"
#include "tpt-format.h"
#include "tpt-merge.h"

#define RUNS 5

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

static TptDocument *
copy_of (TptDocument *document)
{
  g_autoptr(GBytes) bytes = tpt_document_serialize (document);
  g_autoptr(GError) error = NULL;
  TptDocument *copy = tpt_document_load_bytes (bytes, &error);

  g_assert_no_error (error);
  return copy;
}

static TptBlueprint *
first_blueprint (TptDocument *document)
{
  g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (tpt_document_get_blueprints (document),
                                                             0);

  return blueprint;
}

static TptCard *
card_at (TptBlueprint *blueprint,
         guint         index)
{
  g_autoptr(TptCard) card = g_list_model_get_item (tpt_blueprint_get_cards (blueprint), index);

  return card;
}

static void
edit_ours (TptDocument *document)
{
  TptBlueprint *blueprint = first_blueprint (document);
  guint n = g_list_model_get_n_items (tpt_blueprint_get_cards (blueprint));
  GListModel *lanes = tpt_blueprint_get_lanes (blueprint);

  tpt_document_begin (document, "Ours");
  for (guint i = 0; i < n; i += 100)
    {
      g_autofree char *text = g_strdup_printf ("Ours %u", i);

      tpt_card_set_text (card_at (blueprint, i), text);
    }
  for (guint i = 0; i < 20 && i * 37 + 11 < n; i++)
    {
      TptCard *card = card_at (blueprint, i * 37 + 11);
      g_autoptr(TptLane) lane = g_list_model_get_item (lanes, i % g_list_model_get_n_items (lanes));
      TptStep *step = tpt_document_lookup_typed (document, tpt_card_get_step (card),
                                                 TPT_TYPE_STEP);

      tpt_blueprint_move_card (blueprint, card, lane, step, 0);
    }
  tpt_document_end (document);
}

static void
edit_theirs (TptDocument *document)
{
  TptBlueprint *blueprint = first_blueprint (document);
  guint n = g_list_model_get_n_items (tpt_blueprint_get_cards (blueprint));
  TptCard *model = card_at (blueprint, 0);

  tpt_document_begin (document, "Theirs");
  for (guint i = 50; i < n; i += 100)
    tpt_card_set_kind (card_at (blueprint, i), TPT_CARD_KIND_FAIL);
  for (guint i = 0; i < 10 && i * 100 < n; i++)
    tpt_card_set_text (card_at (blueprint, i * 100), "Theirs");
  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(TptCard) card = tpt_card_new (document);

      tpt_card_set_text (card, "Added on their side");
      tpt_blueprint_add_card (blueprint, card,
                              tpt_document_lookup_typed (document, tpt_card_get_lane (model),
                                                         TPT_TYPE_LANE),
                              tpt_document_lookup_typed (document, tpt_card_get_step (model),
                                                         TPT_TYPE_STEP), 0);
    }
  tpt_document_end (document);
}

static char *
save_temp (TptDocument *document,
           const char  *dir,
           const char  *name)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  tpt_document_save_file (document, file, &error);
  g_assert_no_error (error);
  return path;
}

static double
time_command (const char * const *argv,
              int                *exit_status)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL,
                G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL,
                NULL, &status, &error);
  g_assert_no_error (error);
  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *binary = NULL;
  GOptionEntry entries[] = {
    { "binary", 0, 0, G_OPTION_ARG_FILENAME, &binary, "touchpoint to time", "PATH" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("FILE.touchpoint");
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TptDocument) base = NULL;
  g_autoptr(TptDocument) ours = NULL;
  g_autoptr(TptDocument) theirs = NULL;
  double diff_ms[RUNS], text_ms[RUNS], merge_ms[RUNS];
  guint n_items = 0, n_cards, n_conflicts = 0;
  gsize text_size = 0;
  gboolean reloads = FALSE;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: bench-merge [--binary PATH] FILE.touchpoint\n");
      return 2;
    }

  file = g_file_new_for_commandline_arg (argv[1]);
  base = tpt_document_load_file (file, NULL, &error);
  if (base == NULL)
    {
      g_printerr ("%s: %s\n", argv[1], error->message);
      return 2;
    }
  n_cards = g_list_model_get_n_items (tpt_blueprint_get_cards (first_blueprint (base)));
  ours = copy_of (base);
  theirs = copy_of (base);
  edit_ours (ours);
  edit_theirs (theirs);

  for (guint run = 0; run < RUNS; run++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(TptDiff) diff = tpt_diff_new (base, ours);
      g_autofree char *text = NULL;
      g_autoptr(TptDocument) merged = NULL;
      TptMergeStats stats;

      diff_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      start = g_get_monotonic_time ();
      text = tpt_diff_to_text (diff);
      text_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      n_items = tpt_diff_get_n_items (diff);
      text_size = strlen (text);

      start = g_get_monotonic_time ();
      merged = tpt_merge (base, ours, theirs, &stats, &error);
      merge_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_no_error (error);
      n_conflicts = stats.n_conflicts;
      if (run == 0)
        {
          g_autoptr(TptDocument) again = copy_of (merged);

          reloads = g_list_model_get_n_items (tpt_document_get_conflicts (again)) == n_conflicts;
        }
    }

  g_print ("{\n  \"file\": \"%s\",\n  \"cards\": %u,\n", argv[1], n_cards);
  g_print ("  \"diff_ms\": %.1f,\n  \"diff_text_ms\": %.1f,\n  \"diff_items\": %u,\n"
           "  \"diff_text_bytes\": %" G_GSIZE_FORMAT ",\n",
           median (diff_ms, RUNS), median (text_ms, RUNS), n_items, text_size);
  g_print ("  \"merge_ms\": %.1f,\n  \"merge_conflicts\": %u,\n  \"merged_reloads\": %s",
           median (merge_ms, RUNS), n_conflicts, reloads ? "true" : "false");

  if (binary != NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("bench-merge-XXXXXX", NULL);
      g_autofree char *base_path = save_temp (base, dir, "base.touchpoint");
      g_autofree char *ours_path = save_temp (ours, dir, "ours.touchpoint");
      g_autofree char *theirs_path = save_temp (theirs, dir, "theirs.touchpoint");
      g_autofree char *out_path = g_build_filename (dir, "out.touchpoint", NULL);
      const char *diff_argv[] = { binary, "--diff", base_path, ours_path, NULL };
      const char *merge_argv[] = { binary, "--merge", base_path, ours_path, theirs_path, "-o",
                                   out_path, NULL };
      int diff_status, merge_status;
      double cli_diff = time_command (diff_argv, &diff_status);
      double cli_merge = time_command (merge_argv, &merge_status);

      g_print (",\n  \"cli_diff_ms\": %.0f,\n  \"cli_diff_status\": %d,\n"
               "  \"cli_merge_ms\": %.0f,\n  \"cli_merge_status\": %d",
               cli_diff, diff_status, cli_merge, merge_status);
      g_unlink (base_path);
      g_unlink (ours_path);
      g_unlink (theirs_path);
      g_unlink (out_path);
      g_rmdir (dir);
    }
  g_print ("\n}\n");

  return 0;
}
