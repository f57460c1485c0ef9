/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "tpt-diff.h"
#include "tpt-format.h"
#include "tpt-merge.h"
#include "tpt-serializer.h"

#include "test-utils.h"

/* The semantic diff against golden files, and the three-way merge case by
 * case: what it resolves on its own, what it records as a conflict, and
 * resolving a conflict as one undo step. tests/test-merge-random.c is the
 * property test; tests/test-git.c runs both from the command line and
 * under git. */

static GBytes *
read_golden (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", "diff", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static TptDocument *
load_golden (const char *name)
{
  g_autoptr(GBytes) bytes = read_golden (name);
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_bytes (bytes, &error);

  g_assert_no_error (error);
  return document;
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

static char *
text_of (TptDocument *document)
{
  g_autoptr(GBytes) bytes = tpt_document_serialize (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The app saves through the serializer, which keeps each item's text
 * until it changes: it must write the conflicts as they are now. */
static void
assert_serializer_agrees (TptDocument *document)
{
  TptSerializer *serializer = tpt_serializer_get_for_document (document);
  g_autoptr(GPtrArray) chunks = tpt_serializer_run (serializer);
  g_autoptr(GBytes) joined = tpt_serializer_join (chunks);
  g_autoptr(GBytes) bytes = tpt_document_serialize (document);

  g_assert_true (g_bytes_equal (joined, bytes));
}

/* Compares @actual with the golden file @name; TPT_UPDATE_GOLDEN=1
 * rewrites it (read the difference before committing it). */
static void
assert_golden (const char *name,
               const char *actual)
{
  g_autoptr(GBytes) expected = NULL;
  g_autofree char *expected_text = NULL;

  if (g_getenv ("TPT_UPDATE_GOLDEN") != NULL)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", "diff", name, NULL);
      g_autoptr(GError) error = NULL;

      g_file_set_contents (path, actual, -1, &error);
      g_assert_no_error (error);
    }
  expected = read_golden (name);
  expected_text = g_strndup (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  if (strcmp (expected_text, actual) != 0)
    {
      g_autofree char *where = tpt_test_first_difference (expected_text, actual);

      g_error ("the diff differs from golden/diff/%s: %s", name, where);
    }
}

#define CARD(document, id) (tpt_document_lookup_typed ((document), (id), TPT_TYPE_CARD))
#define BLUEPRINT(document) (tpt_document_lookup_typed ((document), "b1", TPT_TYPE_BLUEPRINT))

/* The conflict about @field of @target; the document keeps it. */
static TptConflict *
conflict_on (TptDocument *document,
             const char  *target,
             const char  *field)
{
  GListModel *conflicts = tpt_document_get_conflicts (document);

  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(TptConflict) conflict = g_list_model_get_item (conflicts, i);

      if (g_strcmp0 (tpt_conflict_get_target (conflict), target) == 0 &&
          g_strcmp0 (tpt_conflict_get_field (conflict), field) == 0)
        return conflict;
    }
  g_error ("no conflict about %s of %s", field != NULL ? field : "(all)", target);
}

/* Diff ---------------------------------------------------------------------------------- */

static gboolean
has_item (TptDiff       *diff,
          TptDiffAction  action,
          const char    *key)
{
  for (guint i = 0; i < tpt_diff_get_n_items (diff); i++)
    {
      const TptDiffItem *item = tpt_diff_get_item (diff, i);

      if (item->action == action && strcmp (item->key, key) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
assert_removed_added (TptDiff *diff,
                      TptDiff *back)
{
  guint removed = 0;

  for (guint i = 0; i < tpt_diff_get_n_items (diff); i++)
    {
      const TptDiffItem *item = tpt_diff_get_item (diff, i);

      if (item->action != TPT_DIFF_REMOVED)
        continue;
      removed++;
      if (!has_item (back, TPT_DIFF_ADDED, item->key))
        g_error ("%s %s removed one way, not added the other", item->kind, item->key);
    }
  g_assert_cmpuint (removed, >, 0);
}

static void
test_diff_golden (void)
{
  g_autoptr(TptDocument) old_document = load_golden ("old.touchpoint");
  g_autoptr(TptDocument) new_document = load_golden ("new.touchpoint");
  g_autoptr(TptDiff) diff = tpt_diff_new (old_document, new_document);
  g_autoptr(TptDiff) back = tpt_diff_new (new_document, old_document);
  g_autofree char *text = tpt_diff_to_text (diff);
  g_autofree char *json = tpt_diff_to_json (diff);

  g_assert_false (tpt_diff_is_empty (diff));
  assert_golden ("expected.txt", text);
  assert_golden ("expected.json", json);

  /* The designer's words, grouped by artefact. */
  g_assert_nonnull (strstr (text, "Blueprint “Claims — current state”:\n"));
  g_assert_nonnull (strstr (text, "kind action → fail point"));
  g_assert_nonnull (strstr (text, "moved from step 1 (Reports the accident) to step 2 (Waits)"));
  g_assert_nonnull (strstr (text, "rating Dana × “Know the status”: satisfaction 3 → 6"));

  /* The same as lines: a heading per artefact, a line per node. */
  {
    g_autoptr(GPtrArray) lines = tpt_diff_list_lines (diff);
    const TptDiffLine *first = g_ptr_array_index (lines, 0);
    const TptDiffLine *second = g_ptr_array_index (lines, 1);
    guint headings = 0;

    g_assert_true (first->heading);
    g_assert_cmpstr (first->text, ==, "Document:");
    g_assert_false (second->heading);
    g_assert_cmpstr (second->key, ==, "");
    for (guint i = 0; i < lines->len; i++)
      {
        const TptDiffLine *line = g_ptr_array_index (lines, i);

        headings += line->heading;
        if (g_strcmp0 (line->key, "c2") == 0)
          {
            g_assert_cmpint (line->action, ==, TPT_DIFF_CHANGED);
            g_assert_cmpstr (line->artefact, ==, "blueprint");
            g_assert_cmpstr (line->artefact_id, ==, "b1");
            g_assert_nonnull (strstr (line->text, "; kind action → fail point"));
          }
        if (g_strcmp0 (line->key, "c4") == 0)
          g_assert_cmpint (line->action, ==, TPT_DIFF_ADDED);
        /* Retitled, then moved: the line is a change. */
        if (g_strcmp0 (line->key, "sl2") == 0)
          g_assert_cmpint (line->action, ==, TPT_DIFF_CHANGED);
      }
    g_assert_cmpuint (headings, ==, 6);
  }

  /* What happened to a node, as a canvas asks while it draws. */
  {
    TptDiffAction action = TPT_DIFF_MOVED;

    g_assert_true (tpt_diff_lookup (diff, "c4", &action));
    g_assert_cmpint (action, ==, TPT_DIFF_ADDED);
    g_assert_true (tpt_diff_lookup (diff, "c3", &action));
    g_assert_cmpint (action, ==, TPT_DIFF_REMOVED);
    g_assert_true (tpt_diff_lookup (diff, "c2", &action));
    g_assert_cmpint (action, ==, TPT_DIFF_CHANGED);
    g_assert_true (tpt_diff_lookup (back, "c4", &action));
    g_assert_cmpint (action, ==, TPT_DIFF_REMOVED);
    g_assert_false (tpt_diff_lookup (diff, "l1", NULL));
    g_assert_false (tpt_diff_lookup (diff, "no such id", NULL));
  }

  /* The other way round, what was removed was added, and the other way.
   * (What goes with a removed node, its ratings and flows, is said once,
   * by the node's removal.) */
  assert_removed_added (diff, back);
  assert_removed_added (back, diff);
}

static void
test_diff_equal (void)
{
  g_autoptr(TptDocument) document = load_golden ("old.touchpoint");
  g_autoptr(TptDocument) copy = copy_of (document);
  g_autoptr(TptDiff) diff = tpt_diff_new (document, copy);
  g_autofree char *text = tpt_diff_to_text (diff);
  g_autofree char *json = tpt_diff_to_json (diff);

  g_assert_true (tpt_diff_is_empty (diff));
  g_assert_cmpuint (tpt_diff_get_n_items (diff), ==, 0);
  g_assert_cmpstr (text, ==, "");
  g_assert_nonnull (strstr (json, "\"equal\": true"));
}

/* The outline git log -p compares: a line per node with what it holds,
 * and nothing of what is left unset. */
static void
test_diff_outline (void)
{
  g_autoptr(TptDocument) document = load_golden ("old.touchpoint");
  g_autofree char *outline = NULL;

  tpt_document_begin (document, "Edit");
  tpt_card_set_target (CARD (document, "c1"), "3");
  tpt_card_set_direction (CARD (document, "c1"), TPT_DIRECTION_LOWER);
  tpt_document_end (document);
  outline = tpt_diff_outline (document);
  g_assert_nonnull (strstr (outline, "Blueprint “Claims — current state”: card in Customer, "
                                     "Reports the accident: text “Calls the hotline”; kind "
                                     "action; target “3”; direction lower\n"));
  g_assert_null (strstr (outline, " none"));
  g_assert_null (strstr (outline, "<card"));
}

/* Each kind of edit, made through the model, is one item naming it. */
static void
test_diff_edits (void)
{
  g_autoptr(TptDocument) old_document = load_golden ("old.touchpoint");
  g_autoptr(TptDocument) document = copy_of (old_document);
  TptBlueprint *blueprint = BLUEPRINT (document);
  g_autoptr(TptDiff) diff = NULL;
  g_autofree char *json = NULL;
  const TptDiffItem *item;

  tpt_document_begin (document, "Edit");
  tpt_blueprint_move_card (blueprint, CARD (document, "c3"),
                           tpt_document_lookup_typed (document, "l2", TPT_TYPE_LANE),
                           tpt_document_lookup_typed (document, "t3", TPT_TYPE_STEP), 0);
  tpt_document_end (document);

  diff = tpt_diff_new (old_document, document);
  g_assert_cmpuint (tpt_diff_get_n_items (diff), ==, 1);
  item = tpt_diff_get_item (diff, 0);
  g_assert_cmpint (item->action, ==, TPT_DIFF_CHANGED);
  g_assert_cmpstr (item->artefact, ==, "blueprint");
  g_assert_cmpstr (item->artefact_id, ==, "b1");
  g_assert_cmpstr (item->kind, ==, "card");
  g_assert_cmpstr (item->key, ==, "c3");
  g_assert_cmpstr (item->field, ==, "cell");
  g_assert_nonnull (strstr (item->text, "Waits"));
  g_assert_nonnull (strstr (item->text, "Gets paid"));
  g_clear_object (&diff);

  /* Text that JSON must escape. */
  tpt_document_begin (document, "Edit");
  tpt_card_set_text (CARD (document, "c1"), "Says \"stop\"\tthen\nwaits \\ \x01 done");
  tpt_document_end (document);
  diff = tpt_diff_new (old_document, document);
  json = tpt_diff_to_json (diff);
  g_assert_nonnull (strstr (json, "Says \\\"stop\\\"\\tthen\\nwaits \\\\ \\u0001 done"));
}

/* Merge --------------------------------------------------------------------------------- */

typedef struct
{
  TptDocument *base;
  TptDocument *ours;
  TptDocument *theirs;
} Sides;

static void
sides_set_up (Sides         *sides,
              gconstpointer  data)
{
  sides->base = load_golden ("old.touchpoint");
  sides->ours = copy_of (sides->base);
  sides->theirs = copy_of (sides->base);
}

static void
sides_tear_down (Sides         *sides,
                 gconstpointer  data)
{
  g_assert_finalize_object (sides->base);
  g_assert_finalize_object (sides->ours);
  g_assert_finalize_object (sides->theirs);
}

static TptDocument *
merge_ok (Sides         *sides,
          TptMergeStats *stats)
{
  g_autoptr(GError) error = NULL;
  TptDocument *merged = tpt_merge (sides->base, sides->ours, sides->theirs, stats, &error);

  g_assert_no_error (error);
  g_assert_nonnull (merged);
  tpt_test_check_integrity (merged);
  return merged;
}

static void
test_merge_unchanged (Sides         *sides,
                      gconstpointer  data)
{
  TptMergeStats stats;
  g_autoptr(TptDocument) merged = NULL;
  g_autofree char *base_text = text_of (sides->base);
  g_autofree char *merged_text = NULL;
  g_autofree char *theirs_text = NULL;

  merged = merge_ok (sides, &stats);
  merged_text = text_of (merged);
  g_assert_cmpstr (merged_text, ==, base_text);
  g_assert_cmpuint (stats.n_conflicts, ==, 0);
  g_clear_object (&merged);

  /* Only theirs changed: the merge is theirs, byte for byte. */
  tpt_document_begin (sides->theirs, "Edit");
  tpt_card_set_text (CARD (sides->theirs, "c1"), "Calls from the roadside");
  tpt_document_remove_need (sides->theirs,
                            tpt_document_lookup_typed (sides->theirs, "n2", TPT_TYPE_NEED));
  tpt_document_end (sides->theirs);
  merged = merge_ok (sides, &stats);
  merged_text = (g_free (merged_text), text_of (merged));
  theirs_text = text_of (sides->theirs);
  g_assert_cmpstr (merged_text, ==, theirs_text);
  g_assert_cmpuint (stats.n_conflicts, ==, 0);
}

/* Different nodes, different fields of one node, an edit and a move. */
static void
test_merge_independent (Sides         *sides,
                        gconstpointer  data)
{
  TptMergeStats stats;
  g_autoptr(TptDocument) merged = NULL;
  TptCard *card;

  tpt_document_begin (sides->ours, "Edit");
  tpt_card_set_text (CARD (sides->ours, "c2"), "Agent cannot find the policy by plate");
  tpt_card_set_owner (CARD (sides->ours, "c1"), "Driver");
  tpt_document_set_title (sides->ours, "Motor claims");
  tpt_document_end (sides->ours);

  tpt_document_begin (sides->theirs, "Edit");
  tpt_card_set_kind (CARD (sides->theirs, "c2"), TPT_CARD_KIND_FAIL);
  tpt_blueprint_move_card (BLUEPRINT (sides->theirs), CARD (sides->theirs, "c2"),
                           tpt_document_lookup_typed (sides->theirs, "l2", TPT_TYPE_LANE),
                           tpt_document_lookup_typed (sides->theirs, "t2", TPT_TYPE_STEP), 0);
  tpt_card_set_text (CARD (sides->theirs, "c3"), "Waits two days");
  tpt_document_set_author (sides->theirs, "Claims team");
  tpt_document_end (sides->theirs);

  merged = merge_ok (sides, &stats);
  g_assert_cmpuint (stats.n_conflicts, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (merged)), ==, 0);

  card = CARD (merged, "c2");
  g_assert_cmpstr (tpt_card_get_text (card), ==, "Agent cannot find the policy by plate");
  g_assert_cmpint (tpt_card_get_kind (card), ==, TPT_CARD_KIND_FAIL);
  g_assert_cmpstr (tpt_card_get_step (card), ==, "t2");
  g_assert_cmpstr (tpt_card_get_owner (CARD (merged, "c1")), ==, "Driver");
  g_assert_cmpstr (tpt_card_get_text (CARD (merged, "c3")), ==, "Waits two days");
  g_assert_cmpstr (tpt_document_get_title (merged), ==, "Motor claims");
  g_assert_cmpstr (tpt_document_get_author (merged), ==, "Claims team");
}

static TptCard *
add_card (TptDocument *document,
          const char  *text,
          const char  *lane,
          const char  *step)
{
  g_autoptr(TptCard) card = tpt_card_new (document);

  tpt_card_set_text (card, text);
  tpt_blueprint_add_card (BLUEPRINT (document), card,
                          tpt_document_lookup_typed (document, lane, TPT_TYPE_LANE),
                          tpt_document_lookup_typed (document, step, TPT_TYPE_STEP), 0);
  return card;
}

/* Both sides add a card and a flow to it; both get the next ids, so theirs
 * are renamed and their flow follows its card. */
static void
test_merge_colliding_additions (Sides         *sides,
                                gconstpointer  data)
{
  TptMergeStats stats;
  g_autoptr(TptDocument) merged = NULL;
  TptCard *ours_card, *theirs_card;
  TptFlow *ours_flow, *theirs_flow;
  g_autofree char *ours_id = NULL;
  g_autofree char *theirs_id = NULL;
  GListModel *flows;
  TptCard *merged_theirs = NULL;
  TptFlow *merged_theirs_flow = NULL;

  tpt_document_begin (sides->ours, "Edit");
  ours_card = add_card (sides->ours, "Sends photos", "l1", "t2");
  ours_flow = tpt_blueprint_add_flow (BLUEPRINT (sides->ours), CARD (sides->ours, "c1"),
                                      ours_card, TPT_ARROW_SINGLE);
  tpt_document_end (sides->ours);

  tpt_document_begin (sides->theirs, "Edit");
  theirs_card = add_card (sides->theirs, "Books a repair", "l2", "t3");
  theirs_flow = tpt_blueprint_add_flow (BLUEPRINT (sides->theirs), CARD (sides->theirs, "c2"),
                                        theirs_card, TPT_ARROW_DOUBLE);
  tpt_document_end (sides->theirs);

  ours_id = g_strdup (tpt_node_get_id (TPT_NODE (ours_card)));
  theirs_id = g_strdup (tpt_node_get_id (TPT_NODE (theirs_card)));
  g_assert_cmpstr (ours_id, ==, theirs_id);
  g_assert_cmpstr (tpt_node_get_id (TPT_NODE (ours_flow)), ==,
                   tpt_node_get_id (TPT_NODE (theirs_flow)));

  merged = merge_ok (sides, &stats);
  g_assert_cmpuint (stats.n_conflicts, ==, 0);
  g_assert_cmpuint (stats.n_renamed, >=, 2);

  /* Ours keep their ids. */
  g_assert_cmpstr (tpt_card_get_text (CARD (merged, ours_id)), ==, "Sends photos");

  /* Theirs under a fresh id, and their flow points at it. */
  for (guint i = 0; i < g_list_model_get_n_items (tpt_blueprint_get_cards (BLUEPRINT (merged)));
       i++)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (tpt_blueprint_get_cards (BLUEPRINT (merged)),
                                                       i);

      if (g_strcmp0 (tpt_card_get_text (card), "Books a repair") == 0)
        merged_theirs = card;
    }
  g_assert_nonnull (merged_theirs);
  g_assert_cmpstr (tpt_node_get_id (TPT_NODE (merged_theirs)), !=, ours_id);
  g_assert_cmpstr (tpt_card_get_lane (merged_theirs), ==, "l2");
  g_assert_cmpstr (tpt_card_get_step (merged_theirs), ==, "t3");

  flows = tpt_blueprint_get_flows (BLUEPRINT (merged));
  g_assert_cmpuint (g_list_model_get_n_items (flows), ==, 3);
  for (guint i = 0; i < g_list_model_get_n_items (flows); i++)
    {
      g_autoptr(TptFlow) flow = g_list_model_get_item (flows, i);

      if (g_strcmp0 (tpt_flow_get_to (flow), tpt_node_get_id (TPT_NODE (merged_theirs))) == 0)
        merged_theirs_flow = flow;
    }
  g_assert_nonnull (merged_theirs_flow);
  g_assert_cmpstr (tpt_flow_get_from (merged_theirs_flow), ==, "c2");
  g_assert_cmpint (tpt_flow_get_arrow (merged_theirs_flow), ==, TPT_ARROW_DOUBLE);
}

/* Both changed one field differently: ours stays, with a conflict that
 * holds all three values, saved in the file and read back. */
static void
test_merge_conflict (Sides         *sides,
                     gconstpointer  data)
{
  TptMergeStats stats;
  g_autoptr(TptDocument) merged = NULL;
  g_autoptr(TptDocument) again = NULL;
  g_autofree char *dir = g_dir_make_tmp ("tpt-merge-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "merged.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) resaved = NULL;
  g_autofree char *words = NULL;
  TptConflict *conflict;

  tpt_document_begin (sides->ours, "Edit");
  tpt_card_set_text (CARD (sides->ours, "c2"), "Ours");
  tpt_card_set_owner (CARD (sides->ours, "c1"), "Driver");
  tpt_document_end (sides->ours);
  tpt_document_begin (sides->theirs, "Edit");
  tpt_card_set_text (CARD (sides->theirs, "c2"), "Theirs");
  tpt_card_set_kind (CARD (sides->theirs, "c1"), TPT_CARD_KIND_DECISION);
  tpt_document_end (sides->theirs);

  merged = merge_ok (sides, &stats);
  g_assert_cmpuint (stats.n_conflicts, ==, 1);
  g_assert_cmpstr (tpt_card_get_text (CARD (merged, "c2")), ==, "Ours");
  /* What did not conflict merged all the same. */
  g_assert_cmpstr (tpt_card_get_owner (CARD (merged, "c1")), ==, "Driver");
  g_assert_cmpint (tpt_card_get_kind (CARD (merged, "c1")), ==, TPT_CARD_KIND_DECISION);

  conflict = conflict_on (merged, "c2", "text");
  g_assert_cmpint (tpt_conflict_get_kind (conflict), ==, TPT_CONFLICT_KIND_EDIT);
  g_assert_cmpstr (tpt_conflict_get_target (conflict), ==, "c2");
  g_assert_cmpstr (tpt_conflict_get_field (conflict), ==, "text");
  g_assert_cmpstr (tpt_conflict_get_base (conflict)[0], ==, "Agent cannot find the policy");
  g_assert_cmpstr (tpt_conflict_get_ours (conflict)[0], ==, "Ours");
  g_assert_cmpstr (tpt_conflict_get_theirs (conflict)[0], ==, "Theirs");
  g_assert_true (tpt_conflict_find_target (conflict, merged) ==
                 TPT_NODE (CARD (merged, "c2")));
  words = tpt_conflict_describe (conflict);
  g_assert_nonnull (strstr (words, "Ours"));
  g_assert_nonnull (strstr (words, "Theirs"));

  /* It is in the file, valid against the schema, and reads back as it was. */
  g_assert_true (tpt_document_save_file (merged, file, &error));
  g_assert_no_error (error);
  saved = tpt_document_serialize (merged);
  g_assert_nonnull (strstr (g_bytes_get_data (saved, NULL),
                            "  <conflicts>\n"
                            "    <conflict kind=\"edit\" target=\"c2\" field=\"text\">\n"));
  again = tpt_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (again)), ==, 1);
  resaved = tpt_document_serialize (again);
  g_assert_true (g_bytes_equal (saved, resaved));

  {
    const char *rng = g_getenv ("TPT_RNG");
    g_autofree char *xmllint = g_find_program_in_path ("xmllint");
    const char *argv[] = { xmllint, "--noout", "--nonet", "--relaxng", rng, path, NULL };
    g_autofree char *err = NULL;
    int status = 0;

    g_assert_nonnull (rng);
    if (xmllint != NULL)
      {
        g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                      &err, &status, &error);
        g_assert_no_error (error);
        if (!g_spawn_check_wait_status (status, NULL))
          g_error ("a merged file does not validate: %s", err);
      }
  }

  g_unlink (path);
  g_rmdir (dir);
}

/* Resolving is one undo step, and undo gives the conflict back exactly. */
static void
test_merge_resolve (Sides         *sides,
                    gconstpointer  data)
{
  TptMergeStats stats;
  g_autoptr(TptDocument) merged = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  TptHistory *history;
  g_autoptr(GError) error = NULL;
  guint position;

  tpt_document_begin (sides->ours, "Edit");
  tpt_card_set_text (CARD (sides->ours, "c2"), "Ours");
  tpt_card_set_kind (CARD (sides->ours, "c1"), TPT_CARD_KIND_WAIT);
  tpt_document_end (sides->ours);
  tpt_document_begin (sides->theirs, "Edit");
  tpt_card_set_text (CARD (sides->theirs, "c2"), "Theirs");
  tpt_card_set_kind (CARD (sides->theirs, "c1"), TPT_CARD_KIND_NOTE);
  tpt_document_end (sides->theirs);

  merged = merge_ok (sides, &stats);
  g_assert_cmpuint (stats.n_conflicts, ==, 2);
  history = tpt_document_get_history (merged);
  position = tpt_history_get_position (history);
  before = text_of (merged);
  g_assert_nonnull (strstr (before, "<conflicts>"));
  assert_serializer_agrees (merged);

  g_assert_true (tpt_conflict_resolve (conflict_on (merged, "c2", "text"),
                                       TPT_CONFLICT_CHOOSE_THEIRS, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (tpt_history_get_position (history), ==, position + 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Resolve Conflict");
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (merged)), ==, 1);
  after = text_of (merged);

  g_assert_true (tpt_history_undo (history));
  undone = text_of (merged);
  g_assert_cmpstr (undone, ==, before);
  g_assert_true (tpt_history_redo (history));
  redone = text_of (merged);
  g_assert_cmpstr (redone, ==, after);

  g_assert_cmpstr (tpt_card_get_text (CARD (merged, "c2")), ==, "Theirs");
  assert_serializer_agrees (merged);

  /* The other goes back to the base. */
  g_assert_true (tpt_conflict_resolve (conflict_on (merged, "c1", "kind"),
                                       TPT_CONFLICT_CHOOSE_BASE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (merged)), ==, 0);
  g_assert_cmpint (tpt_card_get_kind (CARD (merged, "c1")), ==, TPT_CARD_KIND_ACTION);
  g_assert_cmpstr (tpt_card_get_text (CARD (merged, "c2")), ==, "Theirs");
  assert_serializer_agrees (merged);
  g_assert_true (tpt_history_undo (history));
  assert_serializer_agrees (merged);
}

/* A metric's number and a step's time target are fields like the others:
 * the diff names them and the merge takes each side's. */
static void
test_merge_metric_fields (Sides         *sides,
                          gconstpointer  data)
{
  TptMergeStats stats;
  g_autoptr(TptDocument) merged = NULL;
  g_autoptr(TptDiff) diff = NULL;
  g_autofree char *text = NULL;
  TptStep *step;

  tpt_document_begin (sides->ours, "Edit");
  tpt_card_set_text (CARD (sides->ours, "c2"), "Ours");
  tpt_card_set_unit (CARD (sides->ours, "c1"), "calls");
  tpt_document_end (sides->ours);
  tpt_document_begin (sides->theirs, "Edit");
  tpt_card_set_target (CARD (sides->theirs, "c2"), "3");
  tpt_card_set_actual (CARD (sides->theirs, "c2"), "9");
  tpt_card_set_direction (CARD (sides->theirs, "c2"), TPT_DIRECTION_LOWER);
  tpt_card_set_source (CARD (sides->theirs, "c2"), TPT_VOICE_PROCESS);
  step = tpt_document_lookup_typed (sides->theirs, "t1", TPT_TYPE_STEP);
  tpt_step_set_target (step, "PT10M");
  tpt_document_end (sides->theirs);

  diff = tpt_diff_new (sides->base, sides->theirs);
  text = tpt_diff_to_text (diff);
  g_assert_nonnull (strstr (text, "target set to “3”"));
  g_assert_nonnull (strstr (text, "actual value set to “9”"));
  g_assert_nonnull (strstr (text, "direction"));
  g_assert_nonnull (strstr (text, "time target set to “PT10M”"));

  merged = merge_ok (sides, &stats);
  g_assert_cmpuint (stats.n_conflicts, ==, 0);
  g_assert_cmpstr (tpt_card_get_text (CARD (merged, "c2")), ==, "Ours");
  g_assert_cmpstr (tpt_card_get_target (CARD (merged, "c2")), ==, "3");
  g_assert_cmpstr (tpt_card_get_actual (CARD (merged, "c2")), ==, "9");
  g_assert_cmpint (tpt_card_get_direction (CARD (merged, "c2")), ==, TPT_DIRECTION_LOWER);
  g_assert_cmpint (tpt_card_get_source (CARD (merged, "c2")), ==, TPT_VOICE_PROCESS);
  g_assert_cmpstr (tpt_card_get_unit (CARD (merged, "c1")), ==, "calls");
  g_assert_cmpstr (tpt_step_get_target (tpt_document_lookup_typed (merged, "t1", TPT_TYPE_STEP)),
                   ==, "PT10M");
}

/* What a list of conflicts in the app shows, and settling them all at
 * once: one undo step, or nothing at all if one cannot be. */
static void
test_merge_resolve_all (Sides         *sides,
                        gconstpointer  data)
{
  TptMergeStats stats;
  g_autoptr(TptDocument) merged = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  g_autofree char *base = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  TptHistory *history;
  TptConflict *conflict;
  guint position;

  tpt_document_begin (sides->ours, "Edit");
  tpt_card_set_text (CARD (sides->ours, "c2"), "Ours");
  tpt_blueprint_move_card (BLUEPRINT (sides->ours), CARD (sides->ours, "c1"),
                           tpt_document_lookup_typed (sides->ours, "l1", TPT_TYPE_LANE),
                           tpt_document_lookup_typed (sides->ours, "t2", TPT_TYPE_STEP), 0);
  tpt_document_end (sides->ours);
  tpt_document_begin (sides->theirs, "Edit");
  tpt_card_set_text (CARD (sides->theirs, "c2"), "Theirs");
  tpt_blueprint_move_card (BLUEPRINT (sides->theirs), CARD (sides->theirs, "c1"),
                           tpt_document_lookup_typed (sides->theirs, "l1", TPT_TYPE_LANE),
                           tpt_document_lookup_typed (sides->theirs, "t3", TPT_TYPE_STEP), 0);
  tpt_document_end (sides->theirs);
  merged = merge_ok (sides, &stats);
  g_assert_cmpuint (stats.n_conflicts, ==, 2);
  history = tpt_document_get_history (merged);

  conflict = conflict_on (merged, "c2", "text");
  subject = tpt_conflict_describe_subject (conflict);
  g_assert_cmpstr (subject, ==, "card “Ours” (Call centre, Reports the accident): text");
  ours = tpt_conflict_describe_choice (conflict, TPT_CONFLICT_CHOOSE_OURS);
  theirs = tpt_conflict_describe_choice (conflict, TPT_CONFLICT_CHOOSE_THEIRS);
  base = tpt_conflict_describe_choice (conflict, TPT_CONFLICT_CHOOSE_BASE);
  g_assert_cmpstr (ours, ==, "“Ours”");
  g_assert_cmpstr (theirs, ==, "“Theirs”");
  g_assert_nonnull (strstr (base, "Agent cannot find the policy"));
  g_clear_pointer (&theirs, g_free);
  theirs = tpt_conflict_describe_choice (conflict_on (merged, "c1", "cell"),
                                         TPT_CONFLICT_CHOOSE_THEIRS);
  g_assert_nonnull (strstr (theirs, "Gets paid"));

  /* Their cell is gone: settling all their way changes nothing. */
  tpt_document_begin (merged, "Edit");
  tpt_blueprint_remove_step (BLUEPRINT (merged),
                             tpt_document_lookup_typed (merged, "t3", TPT_TYPE_STEP));
  tpt_document_end (merged);
  position = tpt_history_get_position (history);
  before = text_of (merged);
  g_assert_false (tpt_conflict_resolve_all (merged, TPT_CONFLICT_CHOOSE_THEIRS, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "card “"));
  g_clear_error (&error);
  after = text_of (merged);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (tpt_history_get_position (history), ==, position);
  g_assert_false (tpt_history_in_transaction (history));
  g_clear_pointer (&after, g_free);

  /* Ours, all at once: one step, undone exactly. */
  g_assert_true (tpt_conflict_resolve_all (merged, TPT_CONFLICT_CHOOSE_OURS, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (merged)), ==, 0);
  g_assert_cmpuint (tpt_history_get_position (history), ==, position + 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Resolve All Conflicts");
  g_assert_cmpstr (tpt_card_get_text (CARD (merged, "c2")), ==, "Ours");
  after = text_of (merged);
  g_assert_null (strstr (after, "<conflicts>"));
  g_assert_true (tpt_history_undo (history));
  undone = text_of (merged);
  g_assert_cmpstr (undone, ==, before);

  /* Nothing to resolve is no step at all. */
  g_assert_true (tpt_history_redo (history));
  g_assert_true (tpt_conflict_resolve_all (merged, TPT_CONFLICT_CHOOSE_THEIRS, &error));
  g_assert_cmpuint (tpt_history_get_position (history), ==, position + 1);
}

/* A deleted node's conflict offers deleting or keeping it. */
static void
test_merge_describe_delete (Sides         *sides,
                            gconstpointer  data)
{
  TptMergeStats stats;
  g_autoptr(TptDocument) merged = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *theirs = NULL;
  TptConflict *conflict;

  tpt_document_begin (sides->ours, "Edit");
  tpt_card_set_text (CARD (sides->ours, "c3"), "Waits all day");
  tpt_document_end (sides->ours);
  tpt_document_begin (sides->theirs, "Edit");
  tpt_blueprint_remove_card (BLUEPRINT (sides->theirs), CARD (sides->theirs, "c3"));
  tpt_document_end (sides->theirs);
  merged = merge_ok (sides, &stats);

  conflict = conflict_on (merged, "c3", "");
  subject = tpt_conflict_describe_subject (conflict);
  ours = tpt_conflict_describe_choice (conflict, TPT_CONFLICT_CHOOSE_OURS);
  theirs = tpt_conflict_describe_choice (conflict, TPT_CONFLICT_CHOOSE_THEIRS);
  g_assert_cmpstr (subject, ==, "card “Waits all day” (Customer, Waits)");
  g_assert_cmpstr (ours, ==, "Keep it");
  g_assert_cmpstr (theirs, ==, "Delete it");
}

/* One deleted a card the other edited: the card is kept with a conflict;
 * taking the deleting side deletes it, in one step. */
static void
test_merge_delete_edit (Sides         *sides,
                        gconstpointer  data)
{
  TptMergeStats stats;
  g_autoptr(TptDocument) merged = NULL;
  g_autoptr(GError) error = NULL;
  TptConflict *conflict;
  g_autofree char *before = NULL;
  g_autofree char *undone = NULL;

  tpt_document_begin (sides->ours, "Edit");
  tpt_card_set_text (CARD (sides->ours, "c3"), "Waits all day");
  tpt_document_end (sides->ours);
  tpt_document_begin (sides->theirs, "Edit");
  tpt_blueprint_remove_card (BLUEPRINT (sides->theirs), CARD (sides->theirs, "c3"));
  tpt_document_end (sides->theirs);

  merged = merge_ok (sides, &stats);
  g_assert_cmpuint (stats.n_conflicts, ==, 1);
  g_assert_nonnull (CARD (merged, "c3"));
  g_assert_cmpstr (tpt_card_get_text (CARD (merged, "c3")), ==, "Waits all day");
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (merged)), ==, 1);
  conflict = conflict_on (merged, "c3", "");
  g_assert_cmpint (tpt_conflict_get_kind (conflict), ==, TPT_CONFLICT_KIND_DELETED_BY_THEIRS);
  g_assert_cmpstr (tpt_conflict_get_target (conflict), ==, "c3");

  before = text_of (merged);
  g_assert_true (tpt_conflict_resolve (conflict, TPT_CONFLICT_CHOOSE_THEIRS, &error));
  g_assert_no_error (error);
  g_assert_null (CARD (merged, "c3"));
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (merged)), ==, 0);
  g_assert_true (tpt_history_undo (tpt_document_get_history (merged)));
  undone = text_of (merged);
  g_assert_cmpstr (undone, ==, before);

  /* Deleting the card by hand drops its conflict in the same step. */
  tpt_blueprint_remove_card (BLUEPRINT (merged), CARD (merged, "c3"));
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (merged)), ==, 0);
  g_assert_true (tpt_history_undo (tpt_document_get_history (merged)));
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (merged)), ==, 1);
}

/* A merge of merges keeps the conflicts the sides had. */
static void
test_merge_keeps_conflicts (Sides         *sides,
                            gconstpointer  data)
{
  TptMergeStats stats;
  g_autoptr(TptDocument) merged = NULL;
  g_autoptr(TptDocument) again = NULL;
  g_autoptr(TptDocument) previous = NULL;
  g_autoptr(GError) error = NULL;

  tpt_document_begin (sides->ours, "Edit");
  tpt_card_set_text (CARD (sides->ours, "c2"), "Ours");
  tpt_document_end (sides->ours);
  tpt_document_begin (sides->theirs, "Edit");
  tpt_card_set_text (CARD (sides->theirs, "c2"), "Theirs");
  tpt_document_end (sides->theirs);
  merged = merge_ok (sides, &stats);
  g_assert_cmpuint (stats.n_conflicts, ==, 1);

  /* The merged document is ours now, and theirs goes on from what was
   * merged, as the next git merge of the two branches sees them. */
  previous = copy_of (sides->theirs);
  tpt_document_begin (sides->theirs, "Edit");
  tpt_card_set_text (CARD (sides->theirs, "c1"), "Calls at once");
  tpt_document_end (sides->theirs);
  again = tpt_merge (previous, merged, sides->theirs, &stats, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stats.n_conflicts, ==, 0);
  g_assert_cmpuint (stats.n_kept_conflicts, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (again)), ==, 1);
  g_assert_cmpstr (tpt_card_get_text (CARD (again, "c1")), ==, "Calls at once");
  g_assert_cmpstr (tpt_card_get_text (CARD (again, "c2")), ==, "Ours");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/merge/diff/golden", test_diff_golden);
  g_test_add_func ("/tpt/merge/diff/equal", test_diff_equal);
  g_test_add_func ("/tpt/merge/diff/edits", test_diff_edits);
  g_test_add_func ("/tpt/merge/diff/outline", test_diff_outline);
  g_test_add ("/tpt/merge/three-way/unchanged", Sides, NULL, sides_set_up, test_merge_unchanged,
              sides_tear_down);
  g_test_add ("/tpt/merge/three-way/independent", Sides, NULL, sides_set_up, test_merge_independent,
              sides_tear_down);
  g_test_add ("/tpt/merge/three-way/colliding-additions", Sides, NULL, sides_set_up,
              test_merge_colliding_additions, sides_tear_down);
  g_test_add ("/tpt/merge/three-way/conflict", Sides, NULL, sides_set_up, test_merge_conflict,
              sides_tear_down);
  g_test_add ("/tpt/merge/three-way/resolve", Sides, NULL, sides_set_up, test_merge_resolve,
              sides_tear_down);
  g_test_add ("/tpt/merge/three-way/metric-fields", Sides, NULL, sides_set_up,
              test_merge_metric_fields, sides_tear_down);
  g_test_add ("/tpt/merge/three-way/resolve-all", Sides, NULL, sides_set_up,
              test_merge_resolve_all, sides_tear_down);
  g_test_add ("/tpt/merge/three-way/describe-delete", Sides, NULL, sides_set_up,
              test_merge_describe_delete, sides_tear_down);
  g_test_add ("/tpt/merge/three-way/delete-edit", Sides, NULL, sides_set_up, test_merge_delete_edit,
              sides_tear_down);
  g_test_add ("/tpt/merge/three-way/keeps-conflicts", Sides, NULL, sides_set_up,
              test_merge_keeps_conflicts, sides_tear_down);

  return g_test_run ();
}
