/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-slides"

#include "config.h"

#include "test-utils.h"
#include "tpt-format.h"

/* The slide list: the model, its undo, what deleting a slide's target does
 * to it, the default presentation, and its part of the file format. */

static char *
example_path (void)
{
  const char *root = g_getenv ("TPT_SOURCE_ROOT");

  g_assert_nonnull (root);
  return g_build_filename (root, "data", "examples", "motor-insurance.touchpoint", NULL);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static TptDocument *
load_bytes (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_bytes (bytes, &error);

  g_assert_no_error (error);
  return document;
}

static TptDocument *
load_path (const char *path)
{
  g_autoptr(GBytes) bytes = read_file (path);

  return load_bytes (bytes);
}

static TptDocument *
load_golden (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", "slides.touchpoint", NULL);

  return load_path (path);
}

static void
assert_bytes_equal (GBytes *a,
                    GBytes *b)
{
  if (!g_bytes_equal (a, b))
    {
      g_autofree char *sa = g_strndup (g_bytes_get_data (a, NULL), g_bytes_get_size (a));
      g_autofree char *sb = g_strndup (g_bytes_get_data (b, NULL), g_bytes_get_size (b));
      g_autofree char *where = tpt_test_first_difference (sa, sb);

      g_error ("The bytes differ: %s", where);
    }
}

static TptSlide *
slide_at (TptDocument *document,
          guint        position)
{
  TptSlide *slide = g_list_model_get_item (tpt_document_get_slides (document), position);

  /* The list holds it; tests only borrow it. */
  g_object_unref (slide);
  return slide;
}

static char *
slide_ids (TptDocument *document)
{
  GListModel *slides = tpt_document_get_slides (document);
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (slides); i++)
    g_string_append_printf (ids, "%s%s", i > 0 ? " " : "",
                            tpt_node_get_id (TPT_NODE (slide_at (document, i))));
  return g_string_free (g_steal_pointer (&ids), FALSE);
}

static void
assert_slide_ids (TptDocument *document,
                  const char  *expected)
{
  g_autofree char *ids = slide_ids (document);

  g_assert_cmpstr (ids, ==, expected);
}

/* Format ----------------------------------------------------------------------- */

/* The golden file has a slide of every artefact, notes on several lines,
 * an untitled slide and a region; it reads and writes back byte for byte. */
static void
test_golden (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", "slides.touchpoint", NULL);
  g_autoptr(GBytes) original = read_file (path);
  g_autoptr(TptDocument) document = load_bytes (original);
  g_autoptr(GBytes) written = tpt_document_serialize (document);
  TptSlide *slide;
  double x, y, w, h;

  assert_bytes_equal (original, written);
  tpt_test_check_integrity (document);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_slides (document)), ==, 6);

  slide = slide_at (document, 0);
  g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_COVER);
  g_assert_cmpstr (tpt_slide_get_notes (slide), ==,
                   "Welcome everyone.\nAsk who has filed a claim & how it went.");
  g_assert_null (tpt_slide_get_target_node (slide));
  g_assert_false (tpt_slide_get_region (slide, NULL, NULL, NULL, NULL));

  slide = slide_at (document, 2);
  g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_STAGE);
  g_assert_true (tpt_slide_get_target_node (slide) == tpt_document_lookup (document, "s1"));
  g_assert_true (tpt_slide_get_region (slide, &x, &y, &w, &h));
  g_assert_cmpfloat (x, ==, -12.5);
  g_assert_cmpfloat (y, ==, 40);
  g_assert_cmpfloat (w, ==, 480);
  g_assert_cmpfloat (h, ==, 270.25);

  slide = slide_at (document, 3);
  g_assert_true (TPT_IS_PERSONA (tpt_slide_get_target_node (slide)));
  g_assert_cmpstr (tpt_slide_get_title (slide), ==, "");

  g_assert_false (tpt_history_get_can_undo (tpt_document_get_history (document)));
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Slides made through the API, with awkward numbers and text, go through
 * save and load and save unchanged; a document without slides writes no
 * <slides> at all, so files from before slides keep their bytes. */
static void
test_round_trip (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(TptDocument) document = load_path (path);
  g_autoptr(GPtrArray) slides = tpt_slides_new_default (document);
  g_autoptr(GBytes) before = tpt_document_serialize (document);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(TptDocument) again = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *dump_again = NULL;
  TptSlide *slide;

  g_assert_null (g_strstr_len (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                               "<slides"));

  for (guint i = 0; i < slides->len; i++)
    tpt_document_insert_slide (document, i, g_ptr_array_index (slides, i));

  slide = slide_at (document, 1);
  /* 0.1 + 0.2 is not 0.3 in binary; hundredths are what is kept. */
  tpt_slide_set_region (slide, 0.1 + 0.2, -7.005, 1234.5678, 1e-2);
  tpt_slide_set_notes (slide, "First line\n  indented <b>&amp;</b> \"quoted\"\r\nlast\ttab");
  tpt_slide_set_title (slide, "Ünïcode — 見る");
  tpt_slide_set_region (slide_at (document, 2), 2e6, -0.004, 0.006, 999999.996);

  first = tpt_document_serialize (document);
  again = load_bytes (first);
  second = tpt_document_serialize (again);
  assert_bytes_equal (first, second);

  dump = tpt_test_dump (document, FALSE);
  dump_again = tpt_test_dump (again, FALSE);
  g_assert_cmpstr (dump, ==, dump_again);
  tpt_test_check_integrity (again);

  g_assert_nonnull (g_strstr_len (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                  "x=\"0.3\" y=\"-7.01\" width=\"1234.57\" height=\"0.01\""));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (first, NULL), g_bytes_get_size (first),
                                  "x=\"1000000\" y=\"0\" width=\"0.01\" height=\"1000000\""));

  g_assert_finalize_object (g_steal_pointer (&again));
  g_assert_finalize_object (g_steal_pointer (&document));
}

typedef struct
{
  const char *name;
  const char *find;
  const char *replace;
  int         code;
  int         line;
  const char *message;
} BadCase;

/* Each case is one edit of the golden file; lines are the golden file's. */
static const BadCase bad_cases[] = {
  { "dangling-target", "target=\"b1\"", "target=\"b9\"", TPT_ERROR_BROKEN_REFERENCE, 43,
    "Slide “sl2” refers to blueprint “b9”, which does not exist" },
  { "wrong-type", "target=\"s1\"", "target=\"c1\"", TPT_ERROR_BROKEN_REFERENCE, 46,
    "Slide “sl3” refers to stage “c1”, but “c1” is not a stage" },
  { "persona-is-a-need", "target=\"p1\"", "target=\"n1\"", TPT_ERROR_BROKEN_REFERENCE, 50,
    "but “n1” is not a persona" },
  { "missing-target", " target=\"p1\"", "", TPT_ERROR_INVALID, 50,
    "Element <slide> has no “target” attribute" },
  { "target-on-cover", "artefact=\"cover\"", "artefact=\"cover\" target=\"b1\"",
    TPT_ERROR_INVALID, 38, "Slide “sl1” shows the cover, which takes no “target” attribute" },
  { "unknown-artefact", "artefact=\"coverage\"", "artefact=\"journey\"", TPT_ERROR_INVALID, 56,
    "“journey” is not a valid “artefact” for <slide>" },
  { "bad-id", "id=\"sl4\"", "id=\"4th slide\"", TPT_ERROR_INVALID, 50, "is not a valid id" },
  { "duplicate-id", "id=\"sl4\"", "id=\"p1\"", TPT_ERROR_DUPLICATE_ID, 50,
    "The id “p1” is used twice" },
  { "exponent", "width=\"480\"", "width=\"4.8e2\"", TPT_ERROR_INVALID, 46,
    "The “width” of <slide> must be a number of points" },
  { "nan", "x=\"-12.5\"", "x=\"nan\"", TPT_ERROR_INVALID, 46, "The “x” of <slide> must be a number" },
  { "infinity", "y=\"40\"", "y=\"inf\"", TPT_ERROR_INVALID, 46, "The “y” of <slide> must be a number" },
  { "three-decimals", "x=\"-12.5\"", "x=\"-12.505\"", TPT_ERROR_INVALID, 46, "at most two decimals" },
  { "trailing-dot", "y=\"40\"", "y=\"40.\"", TPT_ERROR_INVALID, 46, "at most two decimals" },
  { "zero-width", "width=\"480\"", "width=\"0\"", TPT_ERROR_INVALID, 46,
    "The “width” of <slide> must be more than 0" },
  { "negative-height", "height=\"270.25\"", "height=\"-1\"", TPT_ERROR_INVALID, 46,
    "The “height” of <slide> must be more than 0" },
  { "far-away", "x=\"-12.5\"", "x=\"-1000000.01\"", TPT_ERROR_INVALID, 46,
    "The “x” of <slide> must be from -1000000 to 1000000" },
  { "too-many-digits", "x=\"-12.5\"", "x=\"12345678\"", TPT_ERROR_INVALID, 46,
    "must be a number of points" },
  { "part-of-region", " width=\"480\" height=\"270.25\"", "", TPT_ERROR_INVALID, 46,
    "Slide “sl3” has part of a region" },
  { "unknown-attribute", "artefact=\"coverage\"", "artefact=\"coverage\" zoom=\"2\"",
    TPT_ERROR_INVALID, 56, "unknown attribute “zoom”" },
  { "missing-title", "      <title>Coverage</title>\n", "", TPT_ERROR_INVALID, 56,
    "Element <slide> has no <title>" },
  { "notes-before-title", "      <title>Where reporting breaks</title>\n      <notes>Point at the wait.</notes>",
    "      <notes>Point at the wait.</notes>\n      <title>Where reporting breaks</title>",
    TPT_ERROR_INVALID, 48, "Element <title> is out of order in <slide>" },
  { "slides-before-blueprint", "  <blueprint id=\"b1\"", "  <slides/>\n  <blueprint id=\"b1\"",
    TPT_ERROR_INVALID, 20, "Element <blueprint> is out of order" },
  { "two-slide-lists", "  </slides>\n", "  </slides>\n  <slides/>\n", TPT_ERROR_INVALID, 60,
    "may have only one <slides>" },
};

static void
test_refused (gconstpointer data)
{
  const BadCase *c = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", "slides.touchpoint", NULL);
  g_autofree char *golden = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  TptDocument *document;

  g_assert_true (g_file_get_contents (path, &golden, NULL, NULL));
  text = g_string_new (golden);
  g_assert_cmpuint (g_string_replace (text, c->find, c->replace, 1), ==, 1);
  bytes = g_bytes_new (text->str, text->len);

  document = tpt_document_load_bytes (bytes, &error);
  g_assert_null (document);
  g_assert_error (error, TPT_ERROR, c->code);
  if (tpt_error_get_line (error) != c->line || strstr (error->message, c->message) == NULL)
    g_error ("%s: expected line %d with “%s”, got line %d: %s", c->name, c->line, c->message,
             tpt_error_get_line (error), error->message);
}

/* Model and history -------------------------------------------------------------- */

/* Every edit of the slide list is one labelled undo step, and undo and redo
 * restore the document exactly: the very same slide objects, ids and order. */
static void
test_history (void)
{
  g_autoptr(TptDocument) document = load_golden ();
  TptHistory *history = tpt_document_get_history (document);
  TptBlueprint *blueprint = tpt_document_lookup_typed (document, "b1", TPT_TYPE_BLUEPRINT);
  g_autoptr(TptSlide) fresh = tpt_slide_new (document, TPT_ARTEFACT_BLUEPRINT,
                                             TPT_NODE (blueprint));
  static const char * const labels[] = {
    "Add Slide", "Move Slide", "Rename Slide", "Edit Slide Notes", "Crop Slide",
    "Show Whole Artefact", "Change Slide Artefact", "Delete Slide",
  };
  GPtrArray *dumps = g_ptr_array_new_with_free_func (g_free);
  TptSlide *slide;
  double x, y, w, h;
  guint steps;

  g_ptr_array_add (dumps, tpt_test_dump (document, TRUE));

  tpt_document_insert_slide (document, 1, fresh);
  g_assert_cmpstr (tpt_node_get_id (TPT_NODE (fresh)), ==, "sl7");
  g_ptr_array_add (dumps, tpt_test_dump (document, TRUE));

  tpt_document_move_slide (document, fresh, 6);
  assert_slide_ids (document, "sl1 sl2 sl3 sl4 sl5 sl7 sl6");
  g_ptr_array_add (dumps, tpt_test_dump (document, TRUE));

  tpt_slide_set_title (fresh, "The whole picture");
  g_ptr_array_add (dumps, tpt_test_dump (document, TRUE));
  tpt_slide_set_notes (fresh, "Start on the left.\nEnd on the right.");
  g_ptr_array_add (dumps, tpt_test_dump (document, TRUE));
  tpt_slide_set_region (fresh, 10, 20, 300, 200);
  g_ptr_array_add (dumps, tpt_test_dump (document, TRUE));

  slide = slide_at (document, 2);
  g_assert_true (tpt_slide_get_region (slide, NULL, NULL, NULL, NULL));
  tpt_slide_clear_region (slide);
  g_assert_false (tpt_slide_get_region (slide, NULL, NULL, NULL, NULL));
  g_ptr_array_add (dumps, tpt_test_dump (document, TRUE));

  tpt_slide_set_artefact (slide, TPT_ARTEFACT_NEEDS_MATRIX, NULL);
  g_assert_cmpstr (tpt_slide_get_target (slide), ==, "");
  g_ptr_array_add (dumps, tpt_test_dump (document, TRUE));

  tpt_document_remove_slide (document, slide_at (document, 0));
  assert_slide_ids (document, "sl2 sl3 sl4 sl5 sl7 sl6");
  g_ptr_array_add (dumps, tpt_test_dump (document, TRUE));

  steps = dumps->len - 1;
  g_assert_cmpuint (tpt_history_get_position (history), ==, steps);
  g_assert_cmpuint (G_N_ELEMENTS (labels), ==, steps);

  /* Setting what is already set records nothing. */
  tpt_slide_set_region (fresh, 10.001, 20, 300, 200);
  tpt_slide_set_title (fresh, "The whole picture");
  g_assert_cmpuint (tpt_history_get_position (history), ==, steps);

  for (guint i = steps; i > 0; i--)
    {
      g_autofree char *dump = NULL;

      g_assert_cmpstr (tpt_history_get_undo_label (history), ==, labels[i - 1]);
      g_assert_true (tpt_history_undo (history));
      dump = tpt_test_dump (document, TRUE);
      g_assert_cmpstr (dump, ==, g_ptr_array_index (dumps, i - 1));
      tpt_test_check_integrity (document);
    }
  g_assert_false (tpt_history_get_modified (history));

  for (guint i = 1; i <= steps; i++)
    {
      g_autofree char *dump = NULL;

      g_assert_true (tpt_history_redo (history));
      dump = tpt_test_dump (document, TRUE);
      g_assert_cmpstr (dump, ==, g_ptr_array_index (dumps, i));
    }

  g_assert_true (tpt_slide_get_region (fresh, &x, &y, &w, &h));
  g_assert_cmpfloat (x, ==, 10);
  g_assert_cmpfloat (h, ==, 200);

  g_ptr_array_unref (dumps);
  g_clear_object (&fresh);
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Typing notes, each keystroke in a merging transaction as editors do,
 * is one undo step; the next slide's notes are another. */
static void
test_typing (void)
{
  g_autoptr(TptDocument) document = load_golden ();
  TptHistory *history = tpt_document_get_history (document);
  TptSlide *first = slide_at (document, 0);
  TptSlide *second = slide_at (document, 1);
  const char *typed[] = { "H", "He", "Hel", "Hell", "Hello" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      tpt_history_begin_full (history, "Edit Slide Notes", TPT_TRANSACTION_MERGE);
      tpt_slide_set_notes (first, typed[i]);
      tpt_history_end (history);
    }
  tpt_history_begin_full (history, "Edit Slide Notes", TPT_TRANSACTION_MERGE);
  tpt_slide_set_notes (second, "Other");
  tpt_history_end (history);

  g_assert_cmpuint (tpt_history_get_position (history), ==, 2);
  g_assert_true (tpt_history_undo (history));
  g_assert_true (tpt_history_undo (history));
  g_assert_cmpstr (tpt_slide_get_notes (first), ==,
                   "Welcome everyone.\nAsk who has filed a claim & how it went.");
  g_assert_cmpstr (tpt_slide_get_notes (second), ==, "");
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Deleting what slides show takes the slides along in the same undo step,
 * so no slide ever points at nothing, and undo brings them back in place. */
static void
test_cascade (void)
{
  g_autoptr(TptDocument) document = load_golden ();
  TptHistory *history = tpt_document_get_history (document);
  g_autofree char *original = tpt_test_dump (document, TRUE);
  g_autofree char *dump = NULL;
  TptBlueprint *blueprint = tpt_document_lookup_typed (document, "b1", TPT_TYPE_BLUEPRINT);
  TptStage *stage = tpt_document_lookup_typed (document, "s1", TPT_TYPE_STAGE);
  TptPersona *persona = tpt_document_lookup_typed (document, "p1", TPT_TYPE_PERSONA);
  TptNeed *need = tpt_document_lookup_typed (document, "n1", TPT_TYPE_NEED);

  tpt_document_remove_persona (document, persona);
  assert_slide_ids (document, "sl1 sl2 sl3 sl5 sl6");
  tpt_test_check_integrity (document);
  g_assert_true (tpt_history_undo (history));
  dump = tpt_test_dump (document, TRUE);
  g_assert_cmpstr (dump, ==, original);
  g_clear_pointer (&dump, g_free);

  tpt_blueprint_remove_stage (blueprint, stage);
  assert_slide_ids (document, "sl1 sl2 sl4 sl5 sl6");
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Delete Stage");
  tpt_test_check_integrity (document);
  g_assert_true (tpt_history_undo (history));
  dump = tpt_test_dump (document, TRUE);
  g_assert_cmpstr (dump, ==, original);
  g_clear_pointer (&dump, g_free);

  /* The blueprint takes the slides of its stages along. */
  tpt_document_remove_blueprint (document, blueprint);
  assert_slide_ids (document, "sl1 sl4 sl5 sl6");
  tpt_test_check_integrity (document);
  g_assert_true (tpt_history_undo (history));
  dump = tpt_test_dump (document, TRUE);
  g_assert_cmpstr (dump, ==, original);
  g_clear_pointer (&dump, g_free);

  /* A need is shown by no slide of its own: the matrix stays. */
  tpt_document_remove_need (document, need);
  assert_slide_ids (document, "sl1 sl2 sl3 sl4 sl5 sl6");
  g_assert_true (tpt_history_undo (history));

  g_assert_false (tpt_history_get_modified (history));
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* The default presentation of the example: the cover, each blueprint and
 * then its stages, each persona, the matrix, coverage and the case for
 * change; titled after what they show, with no region, and not in the
 * document. */
static void
test_default (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(TptDocument) document = load_path (path);
  g_autoptr(GPtrArray) slides = tpt_slides_new_default (document);
  GListModel *blueprints = tpt_document_get_blueprints (document);
  GListModel *personas = tpt_document_get_personas (document);
  guint i = 0;
  TptSlide *slide;

  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_slides (document)), ==, 0);

  slide = g_ptr_array_index (slides, i++);
  g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_COVER);
  g_assert_cmpstr (tpt_slide_get_title (slide), ==, tpt_document_get_title (document));

  g_assert_cmpuint (g_list_model_get_n_items (blueprints), >, 0);
  for (guint b = 0; b < g_list_model_get_n_items (blueprints); b++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, b);
      GListModel *stages = tpt_blueprint_get_stages (blueprint);

      slide = g_ptr_array_index (slides, i++);
      g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_BLUEPRINT);
      g_assert_true (tpt_slide_get_target_node (slide) == TPT_NODE (blueprint));
      g_assert_cmpstr (tpt_slide_get_title (slide), ==, tpt_blueprint_get_title (blueprint));

      g_assert_cmpuint (g_list_model_get_n_items (stages), >, 0);
      for (guint s = 0; s < g_list_model_get_n_items (stages); s++)
        {
          g_autoptr(TptStage) stage = g_list_model_get_item (stages, s);

          slide = g_ptr_array_index (slides, i++);
          g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_STAGE);
          g_assert_true (tpt_slide_get_target_node (slide) == TPT_NODE (stage));
          g_assert_cmpstr (tpt_slide_get_title (slide), ==, tpt_stage_get_title (stage));
        }
    }

  for (guint p = 0; p < g_list_model_get_n_items (personas); p++)
    {
      g_autoptr(TptPersona) persona = g_list_model_get_item (personas, p);

      slide = g_ptr_array_index (slides, i++);
      g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_PERSONA);
      g_assert_cmpstr (tpt_slide_get_title (slide), ==, tpt_persona_get_name (persona));
    }

  slide = g_ptr_array_index (slides, i++);
  g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_NEEDS_MATRIX);
  slide = g_ptr_array_index (slides, i++);
  g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_COVERAGE);
  /* The future state is based on the current one: its case for change. */
  slide = g_ptr_array_index (slides, i++);
  g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_CASE_FOR_CHANGE);
  g_assert_cmpstr (tpt_slide_get_target (slide), ==, "b2");
  g_assert_cmpuint (i, ==, slides->len);

  for (i = 0; i < slides->len; i++)
    {
      slide = g_ptr_array_index (slides, i);
      g_assert_false (tpt_node_is_attached (TPT_NODE (slide)));
      g_assert_false (tpt_slide_get_region (slide, NULL, NULL, NULL, NULL));
    }

  g_assert_false (tpt_history_get_can_undo (tpt_document_get_history (document)));
  g_clear_pointer (&slides, g_ptr_array_unref);
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* No needs: no matrix and no coverage; an empty document: the cover alone. */
static void
test_default_sparse (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(GPtrArray) slides = tpt_slides_new_default (document);
  g_autoptr(TptPersona) persona = tpt_persona_new (document);
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (document);

  g_assert_cmpuint (slides->len, ==, 1);
  g_assert_cmpstr (tpt_slide_get_title (g_ptr_array_index (slides, 0)), ==, "Cover");
  g_clear_pointer (&slides, g_ptr_array_unref);

  tpt_document_insert_persona (document, 0, persona);
  tpt_document_insert_blueprint (document, 0, blueprint);
  slides = tpt_slides_new_default (document);
  g_assert_cmpuint (slides->len, ==, 3);
  g_assert_cmpint (tpt_slide_get_artefact (g_ptr_array_index (slides, 1)), ==,
                   TPT_ARTEFACT_BLUEPRINT);
  g_assert_cmpint (tpt_slide_get_artefact (g_ptr_array_index (slides, 2)), ==,
                   TPT_ARTEFACT_PERSONA);

  g_clear_pointer (&slides, g_ptr_array_unref);
  g_clear_object (&persona);
  g_clear_object (&blueprint);
  g_assert_finalize_object (g_steal_pointer (&document));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/slides/format/golden", test_golden);
  g_test_add_func ("/tpt/slides/format/round-trip", test_round_trip);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/tpt/slides/format/refused/%s",
                                               bad_cases[i].name);

      g_test_add_data_func (name, &bad_cases[i], test_refused);
    }
  g_test_add_func ("/tpt/slides/history", test_history);
  g_test_add_func ("/tpt/slides/typing", test_typing);
  g_test_add_func ("/tpt/slides/cascade", test_cascade);
  g_test_add_func ("/tpt/slides/default", test_default);
  g_test_add_func ("/tpt/slides/default-sparse", test_default_sparse);

  return g_test_run ();
}
