/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include "tpt-format.h"
#include "tpt-photo.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

/* The .touchpoint reader and writer: canonical output, round trips, the
 * RELAX NG schema, escaping, what is left out, and saving that fails without
 * harm. The hostile files are in test-corpus. */

/* A real 1 × 1 RGBA PNG. */
static const guint8 tiny_png[] = {
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48,
  0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00,
  0x00, 0x1f, 0x15, 0xc4, 0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78,
  0x9c, 0x63, 0x30, 0x6d, 0x79, 0xf2, 0x1f, 0x00, 0x05, 0x2c, 0x02, 0x9d, 0xcf, 0x43,
  0xe9, 0xb4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
};

/* The start of a baseline JPEG: SOI, JFIF APP0, SOF0 for 640 × 480. */
static const guint8 jpeg_header[] = {
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
  0x00, 0x01, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x0b, 0x08, 0x01, 0xe0, 0x02, 0x80, 0x01, 0x01,
  0x11, 0x00, 0xff, 0xd9,
};

/* Helpers ------------------------------------------------------------------- */

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
load (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

static TptDocument *
load_example (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GBytes) bytes = read_file (path);

  return load (bytes);
}

static char *
make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-format-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
write_file (const char *path,
            GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error);
  g_assert_no_error (error);
}

/* Checks @path against data/touchpoint.rng with xmllint. */
static void
assert_valid_rng (const char *path)
{
  const char *rng = g_getenv ("TPT_RNG");
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { NULL, "--noout", "--nonet", "--relaxng", rng, path, NULL };

  g_assert_nonnull (rng);
  if (xmllint == NULL)
    {
      g_test_message ("xmllint is not installed; %s is not checked against the schema", path);
      return;
    }
  argv[0] = xmllint;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s does not validate against %s:\n%s", path, rng, err);
}

static void
assert_bytes_equal (GBytes *expected,
                    GBytes *actual)
{
  if (!g_bytes_equal (expected, actual))
    {
      /* Say where, so a failure can be read without a debugger. */
      gsize n1, n2, i = 0;
      const char *a = g_bytes_get_data (expected, &n1);
      const char *b = g_bytes_get_data (actual, &n2);
      int line = 1;

      while (i < n1 && i < n2 && a[i] == b[i])
        if (a[i++] == '\n')
          line++;
      g_error ("outputs differ at byte %" G_GSIZE_FORMAT " (line %d): expected “%.60s”, got “%.60s”",
               i, line, i < n1 ? a + i : "", i < n2 ? b + i : "");
    }
}

static GBytes *
bytes_from_string (const char *text)
{
  return g_bytes_new (text, strlen (text));
}

/* The example ---------------------------------------------------------------- */

static void
test_example_canonical (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GBytes) original = read_file (path);
  g_autoptr(TptDocument) document = load (original);
  g_autoptr(GBytes) written = tpt_document_serialize (document);

  assert_bytes_equal (original, written);
  assert_valid_rng (path);

  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_example_history_clean (void)
{
  g_autoptr(TptDocument) document = load_example ();
  TptHistory *history = tpt_document_get_history (document);

  g_assert_false (tpt_history_get_modified (history));
  g_assert_false (tpt_history_get_can_undo (history));
  g_assert_false (tpt_history_get_can_redo (history));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (history)), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&document));
}

/* The reader puts every value where it belongs, not only back into a file. */
static void
test_example_contents (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(TptPersona) dana = g_list_model_get_item (tpt_document_get_personas (document), 0);
  g_autoptr(TptFact) age = g_list_model_get_item (tpt_persona_get_facts (dana), 0);
  g_autoptr(TptRating) rating = g_list_model_get_item (tpt_document_get_ratings (document), 0);
  TptBlueprint *future;
  TptLane *lane;
  TptCard *card;
  TptStep *step;
  int value = 99;

  g_assert_cmpstr (tpt_document_get_title (document), ==, "Motor insurance — policy to claim");
  g_assert_cmpstr (tpt_document_get_author (document), ==,
                   "Northgate Mutual — Customer Experience & Service Design");
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_personas (document)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_needs (document)), ==, 10);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_blueprints (document)), ==, 2);

  g_assert_cmpstr (tpt_node_get_id (TPT_NODE (dana)), ==, "p1");
  g_assert_cmpstr (tpt_persona_get_name (dana), ==, "Dana Ortiz");
  g_assert_cmpstr (tpt_persona_get_color (dana), ==, "#3584e4");
  g_assert_cmpuint (g_strv_length ((GStrv)tpt_persona_get_goals (dana)), ==, 3);
  g_assert_cmpstr (tpt_persona_get_channels (dana)[0], ==, "Mobile app");
  g_assert_cmpstr (tpt_fact_get_label (age), ==, "Age");
  g_assert_cmpstr (tpt_fact_get_value (age), ==, "42");

  g_assert_cmpstr (tpt_rating_get_persona (rating), ==, "p1");
  g_assert_cmpstr (tpt_rating_get_need (rating), ==, "n1");
  g_assert_cmpint (tpt_rating_get_importance (rating), ==, 6);
  g_assert_cmpint (tpt_rating_get_satisfaction (rating), ==, 5);

  future = tpt_document_lookup_typed (document, "b2", TPT_TYPE_BLUEPRINT);
  g_assert_nonnull (future);
  g_assert_cmpint (tpt_blueprint_get_state (future), ==, TPT_BLUEPRINT_STATE_FUTURE);
  g_assert_cmpstr (tpt_blueprint_get_based_on (future), ==, "b1");

  lane = tpt_document_lookup_typed (document, "l3", TPT_TYPE_LANE);
  g_assert_cmpint (tpt_lane_get_kind (lane), ==, TPT_LANE_KIND_FRONTSTAGE);
  g_assert_cmpint (tpt_lane_get_office (lane), ==, TPT_OFFICE_FRONT);
  lane = tpt_document_lookup_typed (document, "l6", TPT_TYPE_LANE);
  g_assert_cmpint (tpt_lane_get_office (lane), ==, TPT_OFFICE_NONE);
  g_assert_cmpstr (tpt_lane_get_persona (lane), ==, "p1");

  card = tpt_document_lookup_typed (document, "c42", TPT_TYPE_CARD);
  g_assert_cmpint (tpt_card_get_span (card), ==, 2);
  g_assert_cmpint (tpt_card_get_kind (card), ==, TPT_CARD_KIND_PAIN);
  card = tpt_document_lookup_typed (document, "c8", TPT_TYPE_CARD);
  g_assert_cmpstr (tpt_card_get_owner (card), ==, "Digital sales");
  g_assert_cmpstr (tpt_card_get_channel (card), ==, "web");
  g_assert_cmpstr (tpt_card_get_serves (card)[0], ==, "n1");
  g_assert_cmpstr (tpt_card_get_serves (card)[1], ==, "n2");
  g_assert_null (tpt_card_get_serves (card)[2]);
  g_assert_cmpint (tpt_card_get_span (card), ==, 1);

  step = tpt_document_lookup_typed (document, "t1", TPT_TYPE_STEP);
  g_assert_cmpstr (tpt_step_get_duration (step), ==, "PT20M");
  g_assert_true (TPT_IS_STAGE (tpt_node_get_parent (TPT_NODE (step))));

  future = tpt_document_lookup_typed (document, "b1", TPT_TYPE_BLUEPRINT);
  g_assert_true (tpt_blueprint_get_emotion (future, "l6", "t1", &value));
  g_assert_cmpint (value, >=, -2);
  g_assert_cmpint (value, <=, 2);

  g_clear_object (&dana);
  g_clear_object (&age);
  g_clear_object (&rating);
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_example_file_round_trip (void)
{
  g_autofree char *path = example_path ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *first_path = g_build_filename (dir, "first.touchpoint", NULL);
  g_autofree char *second_path = g_build_filename (dir, "second.touchpoint", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (path);
  g_autoptr(GFile) first = g_file_new_for_path (first_path);
  g_autoptr(GFile) second = g_file_new_for_path (second_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(TptDocument) again = NULL;
  g_autoptr(GBytes) original = read_file (path);
  g_autoptr(GBytes) first_bytes = NULL;
  g_autoptr(GBytes) second_bytes = NULL;

  document = tpt_document_load_file (source, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tpt_document_save_file (document, first, &error));
  g_assert_no_error (error);

  again = tpt_document_load_file (first, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (tpt_document_save_file (again, second, &error));
  g_assert_no_error (error);

  first_bytes = read_file (first_path);
  second_bytes = read_file (second_path);
  assert_bytes_equal (original, first_bytes);
  assert_bytes_equal (first_bytes, second_bytes);
  assert_valid_rng (second_path);

  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&again));
  remove_dir (dir);
}

/* Undoing an edit made after loading gives the loaded bytes back, and a new
 * node never takes an id the file used. */
static void
test_example_edit_after_load (void)
{
  g_autofree char *path = example_path ();
  g_autoptr(GBytes) original = read_file (path);
  g_autoptr(TptDocument) document = load (original);
  TptHistory *history = tpt_document_get_history (document);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(TptCard) card = tpt_card_new (document);
  g_autoptr(TptPersona) persona = tpt_persona_new (document);

  g_assert_null (tpt_document_lookup (document, tpt_node_get_id (TPT_NODE (card))));
  g_assert_null (tpt_document_lookup (document, tpt_node_get_id (TPT_NODE (persona))));

  tpt_document_begin (document, "Rename");
  tpt_document_set_title (document, "Something else");
  tpt_document_end (document);
  g_assert_true (tpt_history_get_modified (history));

  g_assert_true (tpt_history_undo (history));
  g_assert_false (tpt_history_get_modified (history));

  written = tpt_document_serialize (document);
  assert_bytes_equal (original, written);

  g_clear_object (&card);
  g_clear_object (&persona);
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Golden files ------------------------------------------------------------------ */

static void
test_golden_minimal (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", "minimal.touchpoint", NULL);
  g_autoptr(GBytes) original = read_file (path);
  g_autoptr(TptDocument) document = load (original);
  g_autoptr(GBytes) written = tpt_document_serialize (document);

  assert_bytes_equal (original, written);
  assert_valid_rng (path);
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Metrics and time targets are additions to format 1: set through the
 * model, they are written in a fixed form (tests/golden/metrics.touchpoint),
 * valid against the schema, read back to the same bytes and the same model,
 * and undone back to the file they were added to. */
static void
test_golden_metrics (void)
{
  g_autofree char *minimal_path = g_test_build_filename (G_TEST_DIST, "golden",
                                                         "minimal.touchpoint", NULL);
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "golden", "metrics.touchpoint",
                                                   NULL);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "metrics.touchpoint", NULL);
  g_autoptr(GBytes) minimal = read_file (minimal_path);
  g_autoptr(TptDocument) document = load (minimal);
  g_autoptr(TptDocument) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) golden_bytes = NULL;
  g_autoptr(GBytes) written_again = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(TptSlide) slide = NULL;
  TptHistory *history = tpt_document_get_history (document);
  TptCard *card = tpt_document_lookup_typed (document, "c1", TPT_TYPE_CARD);
  TptCard *wait = tpt_document_lookup_typed (document, "c2", TPT_TYPE_CARD);
  TptStep *step = tpt_document_lookup_typed (document, "t1", TPT_TYPE_STEP);
  TptBlueprint *blueprint = tpt_document_lookup_typed (document, "b1", TPT_TYPE_BLUEPRINT);
  double value = 0;

  tpt_document_begin (document, "Change Kind");
  tpt_card_set_kind (card, TPT_CARD_KIND_METRIC);
  tpt_document_end (document);
  tpt_card_set_target (card, "15");
  tpt_card_set_actual (card, "-2.50");
  tpt_card_set_unit (card, "% & \"calls\"");
  tpt_card_set_direction (card, TPT_DIRECTION_LOWER);
  tpt_card_set_source (card, TPT_VOICE_CUSTOMER);
  tpt_card_set_source (wait, TPT_VOICE_PROCESS);
  tpt_step_set_target (step, "PT10M");
  slide = tpt_slide_new (document, TPT_ARTEFACT_CASE_FOR_CHANGE, TPT_NODE (blueprint));
  tpt_document_insert_slide (document, 0, slide);

  /* Each setter was one step of its own (the kind is the card's own). */
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Add Slide");
  g_assert_true (tpt_card_get_actual_value (card, &value));
  g_assert_cmpfloat (value, ==, -2.5);
  g_assert_false (tpt_card_get_target_value (wait, NULL));

  written = tpt_document_serialize (document);
  if (g_getenv ("TPT_UPDATE_GOLDEN") != NULL)
    write_file (golden, written);
  golden_bytes = read_file (golden);
  assert_bytes_equal (golden_bytes, written);
  write_file (path, written);
  assert_valid_rng (path);

  again = load (written);
  written_again = tpt_document_serialize (again);
  assert_bytes_equal (written, written_again);
  card = tpt_document_lookup_typed (again, "c1", TPT_TYPE_CARD);
  g_assert_cmpstr (tpt_card_get_target (card), ==, "15");
  g_assert_cmpstr (tpt_card_get_actual (card), ==, "-2.50");
  g_assert_cmpstr (tpt_card_get_unit (card), ==, "% & \"calls\"");
  g_assert_cmpint (tpt_card_get_direction (card), ==, TPT_DIRECTION_LOWER);
  g_assert_cmpint (tpt_card_get_source (card), ==, TPT_VOICE_CUSTOMER);
  g_assert_cmpstr (tpt_step_get_target (tpt_document_lookup_typed (again, "t1", TPT_TYPE_STEP)),
                   ==, "PT10M");

  while (tpt_history_undo (history))
    ;
  undone = tpt_document_serialize (document);
  assert_bytes_equal (minimal, undone);

  g_clear_object (&slide);
  g_assert_finalize_object (g_steal_pointer (&again));
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Readers accept any white space, comments, CDATA, a byte order mark and
 * CRLF line ends; what they read is the same document. */
static void
test_reader_leniency (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", "minimal.touchpoint", NULL);
  g_autoptr(GBytes) canonical = read_file (path);
  g_autoptr(GString) messy = g_string_new ("\xef\xbb\xbf");
  g_autoptr(GBytes) messy_bytes = NULL;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GBytes) written = NULL;
  const char *p = g_bytes_get_data (canonical, NULL);

  /* The same file with CRLF, an extra indent, a comment after every line and
   * the card text as CDATA. */
  for (; *p != '\0'; p++)
    {
      if (*p == '\n')
        g_string_append (messy, "\r\n\t <!-- x -->");
      else
        g_string_append_c (messy, *p);
    }
  g_string_replace (messy, "<text>Calls</text>", "<text><![CDATA[Calls]]></text>", 1);
  g_string_replace (messy, "<rating persona=\"p1\"", "<rating\r\n  persona = 'p1'", 1);
  g_string_replace (messy, "?>", "?>\n<?editor cursor=\"12\"?>", 1);

  messy_bytes = g_string_free_to_bytes (g_steal_pointer (&messy));
  document = load (messy_bytes);
  written = tpt_document_serialize (document);
  assert_bytes_equal (canonical, written);
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* Escaping and what XML cannot carry -------------------------------------------- */

static void
test_escaping (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(TptPersona) persona = tpt_persona_new (document);
  g_autoptr(TptFact) fact = tpt_fact_new (document);
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (document);
  g_autoptr(TptLane) lane = tpt_lane_new (document);
  g_autoptr(TptStage) stage = tpt_stage_new (document);
  g_autoptr(TptStep) step = tpt_step_new (document);
  g_autoptr(TptCard) card = tpt_card_new (document);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(TptDocument) again = NULL;
  g_autoptr(GBytes) written_again = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "escaping.touchpoint", NULL);
  g_autofree char *golden = g_test_build_filename (G_TEST_DIST, "golden", "escaping.touchpoint",
                                                   NULL);
  g_autoptr(GBytes) golden_bytes = NULL;
  const char *text;
  TptCard *card_again;
  TptPersona *persona_again;
  g_autoptr(TptFact) fact_again = NULL;

  tpt_document_begin (document, "Build");
  tpt_document_set_title (document, "Fish & chips <“quoted”> 'single' \"double\"");
  tpt_document_set_description (document, "Line one\nLine two\r\nTab\there  ");
  tpt_persona_set_name (persona, "Bell\x07" "e\x01 with a \xef\xbf\xbe non-character");
  tpt_persona_set_quote (persona, "Bad \xff byte, then ]]> and </quote>");
  tpt_fact_set_label (fact, "Tab\there & \"there\"\nnext line\rreturn");
  tpt_fact_set_value (fact, "  spaced  ");
  tpt_persona_insert_fact (persona, 0, fact);
  tpt_document_insert_persona (document, 0, persona);
  tpt_blueprint_set_title (blueprint, "Ünïcødé — 日本語 — 🙂");
  tpt_document_insert_blueprint (document, 0, blueprint);
  tpt_lane_set_title (lane, "<lane>");
  tpt_blueprint_insert_lane (blueprint, 0, lane);
  tpt_stage_set_title (stage, "");
  tpt_blueprint_insert_stage (blueprint, 0, stage);
  tpt_step_set_title (step, "&amp; stays literal");
  tpt_blueprint_insert_step (blueprint, stage, 0, step);
  tpt_card_set_owner (card, "O'Brien & \"Sons\" <Ltd>");
  tpt_card_set_channel (card, " leading and trailing ");
  tpt_card_set_text (card, "");
  tpt_blueprint_add_card (blueprint, card, lane, step, 0);
  tpt_document_end (document);

  written = tpt_document_serialize (document);
  text = g_bytes_get_data (written, NULL);

  g_assert_true (g_utf8_validate_len (text, g_bytes_get_size (written), NULL));
  g_assert_nonnull (strstr (text, "<title>Fish &amp; chips &lt;“quoted”&gt; 'single' \"double\""
                                  "</title>"));
  g_assert_nonnull (strstr (text, "<description>Line one\nLine two&#13;\nTab\there  </description>"));
  g_assert_nonnull (strstr (text, "<name>Belle with a  non-character</name>"));
  g_assert_nonnull (strstr (text, "<quote>Bad \xef\xbf\xbd byte, then ]]&gt; and &lt;/quote&gt;</quote>"));
  g_assert_nonnull (strstr (text, "label=\"Tab&#9;here &amp; &quot;there&quot;&#10;next line&#13;return\""));
  g_assert_nonnull (strstr (text, "owner=\"O'Brien &amp; &quot;Sons&quot; &lt;Ltd&gt;\""));
  g_assert_nonnull (strstr (text, "<title>&amp;amp; stays literal</title>"));
  g_assert_nonnull (strstr (text, "<title></title>"));
  g_assert_nonnull (strstr (text, "<text></text>"));

  /* The canonical form of this document is fixed. TPT_UPDATE_GOLDEN=1
   * rewrites the file; read the difference before committing it. */
  if (g_getenv ("TPT_UPDATE_GOLDEN") != NULL)
    write_file (golden, written);
  golden_bytes = read_file (golden);
  assert_bytes_equal (golden_bytes, written);

  write_file (path, written);
  assert_valid_rng (path);

  /* Reading gives back everything XML can carry. */
  again = load (written);
  g_assert_cmpstr (tpt_document_get_title (again), ==, tpt_document_get_title (document));
  g_assert_cmpstr (tpt_document_get_description (again), ==,
                   "Line one\nLine two\r\nTab\there  ");
  persona_again = g_list_model_get_item (tpt_document_get_personas (again), 0);
  g_object_unref (persona_again);
  g_assert_cmpstr (tpt_persona_get_name (persona_again), ==, "Belle with a  non-character");
  g_assert_cmpstr (tpt_persona_get_quote (persona_again), ==,
                   "Bad \xef\xbf\xbd byte, then ]]> and </quote>");
  fact_again = g_list_model_get_item (tpt_persona_get_facts (persona_again), 0);
  g_assert_cmpstr (tpt_fact_get_label (fact_again), ==, tpt_fact_get_label (fact));
  g_assert_cmpstr (tpt_fact_get_value (fact_again), ==, "  spaced  ");
  card_again = tpt_document_lookup_typed (again, tpt_node_get_id (TPT_NODE (card)), TPT_TYPE_CARD);
  g_assert_cmpstr (tpt_card_get_owner (card_again), ==, tpt_card_get_owner (card));
  g_assert_cmpstr (tpt_card_get_channel (card_again), ==, " leading and trailing ");

  written_again = tpt_document_serialize (again);
  assert_bytes_equal (written, written_again);

  g_clear_object (&fact_again);
  g_clear_object (&persona);
  g_clear_object (&fact);
  g_clear_object (&blueprint);
  g_clear_object (&lane);
  g_clear_object (&stage);
  g_clear_object (&step);
  g_clear_object (&card);
  g_assert_finalize_object (g_steal_pointer (&document));
  g_assert_finalize_object (g_steal_pointer (&again));
  remove_dir (dir);
}

/* Empty optional things are left out; required ones are written empty. */
static void
test_omissions (void)
{
  static const char expected[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<touchpoint format=\"1\">\n"
    "  <meta>\n"
    "    <title></title>\n"
    "  </meta>\n"
    "  <blueprint id=\"b1\" state=\"current\">\n"
    "    <title></title>\n"
    "    <lane id=\"l1\" kind=\"custom\"><title></title></lane>\n"
    "    <stage id=\"s1\">\n"
    "      <title></title>\n"
    "      <step id=\"t1\"><title></title></step>\n"
    "    </stage>\n"
    "    <card id=\"c1\" lane=\"l1\" step=\"t1\" kind=\"action\">\n"
    "      <text></text>\n"
    "    </card>\n"
    "  </blueprint>\n"
    "</touchpoint>\n";
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (document);
  g_autoptr(TptLane) lane = tpt_lane_new (document);
  g_autoptr(TptStage) stage = tpt_stage_new (document);
  g_autoptr(TptStep) step = tpt_step_new (document);
  g_autoptr(TptCard) card = tpt_card_new (document);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) expected_bytes = bytes_from_string (expected);
  g_autoptr(TptDocument) again = NULL;

  tpt_document_begin (document, "Build");
  tpt_document_insert_blueprint (document, 0, blueprint);
  tpt_blueprint_insert_lane (blueprint, 0, lane);
  tpt_blueprint_insert_stage (blueprint, 0, stage);
  tpt_blueprint_insert_step (blueprint, stage, 0, step);
  tpt_card_set_owner (card, "");
  tpt_card_set_serves (card, (const char * const[]) { NULL });
  tpt_blueprint_add_card (blueprint, card, lane, step, 0);
  tpt_document_end (document);

  written = tpt_document_serialize (document);
  assert_bytes_equal (expected_bytes, written);

  again = load (written);
  g_assert_finalize_object (g_steal_pointer (&again));

  g_clear_object (&blueprint);
  g_clear_object (&lane);
  g_clear_object (&stage);
  g_clear_object (&step);
  g_clear_object (&card);
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_unset_ratings (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(TptPersona) persona = tpt_persona_new (document);
  g_autoptr(TptNeed) need = tpt_need_new (document);
  g_autoptr(TptNeed) other = tpt_need_new (document);
  g_autoptr(GBytes) written = NULL;
  g_autoptr(TptDocument) again = NULL;
  TptRating *rating;
  const char *text;

  tpt_document_begin (document, "Build");
  tpt_document_insert_persona (document, 0, persona);
  tpt_document_insert_need (document, 0, need);
  tpt_document_insert_need (document, 1, other);
  tpt_document_set_rating (document, persona, need, 7, -1);
  tpt_document_set_rating (document, persona, other, -1, 0);
  tpt_document_end (document);

  written = tpt_document_serialize (document);
  text = g_bytes_get_data (written, NULL);
  g_assert_nonnull (strstr (text, "<rating persona=\"p1\" need=\"n1\" importance=\"7\"/>\n"));
  g_assert_nonnull (strstr (text, "<rating persona=\"p1\" need=\"n2\" satisfaction=\"0\"/>\n"));

  again = load (written);
  rating = tpt_document_get_rating (again,
                                    tpt_document_lookup_typed (again, "p1", TPT_TYPE_PERSONA),
                                    tpt_document_lookup_typed (again, "n1", TPT_TYPE_NEED));
  g_assert_cmpint (tpt_rating_get_importance (rating), ==, 7);
  g_assert_cmpint (tpt_rating_get_satisfaction (rating), ==, -1);

  g_clear_object (&persona);
  g_clear_object (&need);
  g_clear_object (&other);
  g_assert_finalize_object (g_steal_pointer (&again));
  g_assert_finalize_object (g_steal_pointer (&document));
}

/* A large document -------------------------------------------------------------- */

#define N_STEPS 50
#define N_LANES 10
#define CARDS_PER_CELL 10

/* About 5,000 cards with everything the format has, built through the
 * model's API as the application would. */
static TptDocument *
build_large (void)
{
  static const TptLaneKind kinds[] = {
    TPT_LANE_KIND_EVIDENCE, TPT_LANE_KIND_CUSTOMER, TPT_LANE_KIND_FRONTSTAGE,
    TPT_LANE_KIND_BACKSTAGE, TPT_LANE_KIND_SUPPORT, TPT_LANE_KIND_PAIN,
    TPT_LANE_KIND_OPPORTUNITY, TPT_LANE_KIND_METRIC, TPT_LANE_KIND_POLICY,
    TPT_LANE_KIND_EMOTION,
  };
  TptDocument *document = tpt_document_new ();
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autoptr(GBytes) jpeg = g_bytes_new_static (jpeg_header, sizeof jpeg_header);
  g_autoptr(GPtrArray) personas = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) needs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) lanes = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) steps = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (document);
  TptBlueprint *future;
  TptStage *stage = NULL;
  TptCard *previous = NULL;

  tpt_document_begin (document, "Build");
  tpt_document_set_title (document, "Large & generated");
  tpt_document_set_author (document, "test-format");
  tpt_document_set_description (document, "Many cards,\nmany lines.");

  for (guint i = 0; i < 3; i++)
    {
      TptPersona *persona = tpt_persona_new (document);
      g_autofree char *name = g_strdup_printf ("Persona %u", i);
      const char *goals[] = { "Goal one", "Goal <two>", NULL };
      const char *channels[] = { "Phone", NULL };

      tpt_persona_set_name (persona, name);
      tpt_persona_set_role (persona, "Role");
      tpt_persona_set_segment (persona, i == 0 ? "" : "Segment");
      tpt_persona_set_quote (persona, "“A quote”");
      tpt_persona_set_color (persona, i == 1 ? "#E66100" : "#3584e4");
      tpt_persona_set_goals (persona, goals);
      tpt_persona_set_frustrations (persona, goals);
      tpt_persona_set_behaviours (persona, i == 2 ? NULL : goals);
      tpt_persona_set_channels (persona, channels);
      if (i == 0)
        tpt_persona_set_photo (persona, png, "image/png");
      else if (i == 1)
        tpt_persona_set_photo (persona, jpeg, "image/jpeg");
      for (guint f = 0; f < 3; f++)
        {
          TptFact *fact = tpt_fact_new (document);
          g_autofree char *label = g_strdup_printf ("Fact %u", f);

          tpt_fact_set_label (fact, label);
          tpt_fact_set_value (fact, f == 1 ? "" : "value");
          tpt_persona_insert_fact (persona, f, fact);
          g_object_unref (fact);
        }
      tpt_document_insert_persona (document, i, persona);
      g_ptr_array_add (personas, persona);
    }

  for (guint i = 0; i < 20; i++)
    {
      TptNeed *need = tpt_need_new (document);
      g_autofree char *title = g_strdup_printf ("Need %u", i);

      tpt_need_set_title (need, title);
      tpt_need_set_description (need, i % 2 ? "Described" : NULL);
      tpt_document_insert_need (document, i, need);
      g_ptr_array_add (needs, need);
      for (guint p = 0; p < personas->len; p++)
        if ((i + p) % 3 != 0)
          tpt_document_set_rating (document, g_ptr_array_index (personas, p), need,
                                   (int)((i + p) % 11), i % 4 == 0 ? -1 : (int)(i % 11));
    }

  tpt_blueprint_set_title (blueprint, "Current");
  tpt_document_insert_blueprint (document, 0, blueprint);

  for (guint i = 0; i < N_LANES; i++)
    {
      TptLane *lane = tpt_lane_new (document);
      g_autofree char *title = g_strdup_printf ("Lane %u", i);

      tpt_lane_set_title (lane, title);
      tpt_lane_set_kind (lane, kinds[i]);
      tpt_lane_set_office (lane, (TptOffice)(i % 4));
      if (kinds[i] == TPT_LANE_KIND_EMOTION)
        tpt_lane_set_persona (lane, tpt_node_get_id (g_ptr_array_index (personas, 0)));
      tpt_blueprint_insert_lane (blueprint, i, lane);
      g_ptr_array_add (lanes, lane);
    }

  for (guint i = 0; i < N_STEPS; i++)
    {
      TptStep *step = tpt_step_new (document);
      g_autofree char *title = g_strdup_printf ("Step %u", i);

      if (i % 10 == 0)
        {
          g_autofree char *stage_title = g_strdup_printf ("Stage %u", i / 10);

          stage = tpt_stage_new (document);
          tpt_stage_set_title (stage, stage_title);
          tpt_blueprint_insert_stage (blueprint, i / 10, stage);
          g_object_unref (stage);
        }
      tpt_step_set_title (step, title);
      tpt_step_set_duration (step, i % 3 == 0 ? NULL : (i % 3 == 1 ? "PT15M" : "P2DT3H"));
      tpt_blueprint_insert_step (blueprint, stage, i % 10, step);
      g_ptr_array_add (steps, step);

      tpt_blueprint_set_emotion (blueprint, g_ptr_array_index (lanes, N_LANES - 1), step,
                                 (int)(i % 5) - 2);
    }

  for (guint s = 0; s < N_STEPS; s++)
    for (guint l = 0; l < N_LANES - 1; l++)
      for (guint k = 0; k < CARDS_PER_CELL; k++)
        {
          g_autoptr(TptCard) card = tpt_card_new (document);
          g_autofree char *text = g_strdup_printf ("Card %u/%u/%u & more", s, l, k);
          TptNeed *need = g_ptr_array_index (needs, (s + k) % needs->len);
          const char *serves[] = { tpt_node_get_id (TPT_NODE (need)), NULL };
          const char *concerns[] = { tpt_node_get_id (g_ptr_array_index (personas, k % 3)), NULL };

          tpt_card_set_text (card, text);
          tpt_card_set_kind (card, (TptCardKind)((s + l + k) % 8));
          if (k == 0 && s + 3 < N_STEPS)
            tpt_card_set_span (card, 3);
          if (k % 2 == 0)
            tpt_card_set_owner (card, "Claims team");
          if (k % 3 == 0)
            tpt_card_set_channel (card, "phone");
          if (l >= 2)
            tpt_card_set_serves (card, serves);
          if (k % 4 == 0)
            tpt_card_set_concerns (card, concerns);
          tpt_blueprint_add_card (blueprint, card, g_ptr_array_index (lanes, l),
                                  g_ptr_array_index (steps, s), k);
          if (previous != NULL && k % 5 == 1)
            tpt_blueprint_add_flow (blueprint, previous, card,
                                    k % 2 ? TPT_ARROW_SINGLE : TPT_ARROW_DOUBLE);
          previous = card;
        }

  tpt_document_end (document);

  /* A future state, copied the way the application does it. */
  future = tpt_document_duplicate_as_future (document, blueprint);
  g_assert_nonnull (future);

  return document;
}

static void
test_large_round_trip (void)
{
  g_autoptr(TptDocument) document = build_large ();
  g_autoptr(TptDocument) again = NULL;
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) written_again = NULL;
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "large.touchpoint", NULL);
  g_autofree char *summary = NULL;
  g_autofree char *summary_again = NULL;
  g_autoptr(TptPersona) persona = NULL;
  gint64 start;
  gint64 serialize_time;
  gint64 load_time;
  guint n_cards;
  g_autoptr(TptBlueprint) blueprint = NULL;

  start = g_get_monotonic_time ();
  written = tpt_document_serialize (document);
  serialize_time = g_get_monotonic_time () - start;

  write_file (path, written);
  assert_valid_rng (path);

  start = g_get_monotonic_time ();
  again = load (written);
  load_time = g_get_monotonic_time () - start;

  blueprint = g_list_model_get_item (tpt_document_get_blueprints (again), 0);
  n_cards = g_list_model_get_n_items (tpt_blueprint_get_cards (blueprint));
  g_assert_cmpuint (n_cards, ==, N_STEPS * (N_LANES - 1) * CARDS_PER_CELL);
  g_test_message ("%u cards per blueprint, %" G_GSIZE_FORMAT " bytes: "
                  "serialized in %.1f ms, loaded in %.1f ms",
                  n_cards, g_bytes_get_size (written), serialize_time / 1000.0, load_time / 1000.0);
  g_assert_cmpint (serialize_time, <, load_time);

  written_again = tpt_document_serialize (again);
  assert_bytes_equal (written, written_again);

  summary = tpt_document_summarize (document);
  summary_again = tpt_document_summarize (again);
  g_assert_cmpstr (summary, ==, summary_again);

  persona = g_list_model_get_item (tpt_document_get_personas (again), 0);
  g_assert_cmpmem (g_bytes_get_data (tpt_persona_get_photo (persona), NULL),
                   g_bytes_get_size (tpt_persona_get_photo (persona)),
                   tiny_png, sizeof tiny_png);
  g_assert_cmpstr (tpt_persona_get_photo_type (persona), ==, "image/png");
  g_assert_false (tpt_history_get_modified (tpt_document_get_history (again)));

  g_clear_object (&persona);
  g_clear_object (&blueprint);
  g_assert_finalize_object (g_steal_pointer (&again));
  g_assert_finalize_object (g_steal_pointer (&document));
  remove_dir (dir);
}

/* Saving -------------------------------------------------------------------- */

static void
edit_title (TptDocument *document,
            const char  *title)
{
  tpt_document_begin (document, "Rename");
  tpt_document_set_title (document, title);
  tpt_document_end (document);
}

static void
test_save_marks_saved (void)
{
  g_autoptr(TptDocument) document = load_example ();
  TptHistory *history = tpt_document_get_history (document);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "saved.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  edit_title (document, "Edited");
  g_assert_true (tpt_history_get_modified (history));

  g_assert_true (tpt_document_save_file (document, file, &error));
  g_assert_no_error (error);
  g_assert_false (tpt_history_get_modified (history));
  /* Undo is still there, and undoing makes the document differ from the
   * file again. */
  g_assert_true (tpt_history_get_can_undo (history));
  tpt_history_undo (history);
  g_assert_true (tpt_history_get_modified (history));

  g_assert_finalize_object (g_steal_pointer (&document));
  remove_dir (dir);
}

/* A folder that is a file cannot be written into, even by root. */
static void
test_save_into_file_fails (void)
{
  g_autoptr(TptDocument) document = load_example ();
  TptHistory *history = tpt_document_get_history (document);
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *not_a_dir = g_build_filename (dir, "plain-file", NULL);
  g_autofree char *path = g_build_filename (not_a_dir, "saved.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) contents = bytes_from_string ("I am a file, not a folder\n");
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;

  write_file (not_a_dir, contents);
  edit_title (document, "Edited");

  g_assert_false (tpt_document_save_file (document, file, &error));
  g_assert_error (error, TPT_ERROR, TPT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_cmpint (tpt_error_get_line (error), ==, 0);

  /* Nothing was marked saved, and the file in the way is untouched. */
  g_assert_true (tpt_history_get_modified (tpt_document_get_history (document)));
  g_assert_true (tpt_history_get_can_undo (history));
  after = read_file (not_a_dir);
  assert_bytes_equal (contents, after);

  g_assert_finalize_object (g_steal_pointer (&document));
  remove_dir (dir);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* A write that fails half-way (here: over the file size limit, which binds
 * root too) must leave the old file whole and the document unsaved. */
static void
test_save_failure_keeps_original (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
      g_test_trap_assert_passed ();
      return;
    }

  {
    g_autoptr(TptDocument) document = load_example ();
    g_autoptr(GFile) file = NULL;
    g_autoptr(GBytes) original = bytes_from_string ("<?xml version=\"1.0\"?>\n<old/>\n");
    g_autoptr(GBytes) after = NULL;
    g_autoptr(GError) error = NULL;
    struct rlimit limit;

    dir = make_temp_dir ();
    path = g_build_filename (dir, "precious.touchpoint", NULL);
    file = g_file_new_for_path (path);
    write_file (path, original);
    edit_title (document, "Edited");

    /* The example is some 46 kB; let files grow to 4 kB only. */
    signal (SIGXFSZ, SIG_IGN);
    g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &limit), ==, 0);
    limit.rlim_cur = 4096;
    g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

    g_assert_false (tpt_document_save_file (document, file, &error));
    g_assert_error (error, TPT_ERROR, TPT_ERROR_IO);
    g_assert_nonnull (strstr (error->message, path));

    g_assert_true (tpt_history_get_modified (tpt_document_get_history (document)));
    after = read_file (path);
    assert_bytes_equal (original, after);
    /* No temporary file was left behind. */
    g_assert_cmpuint (count_entries (dir), ==, 1);

    g_assert_finalize_object (g_steal_pointer (&document));
    remove_dir (dir);
  }
}

static void
set_age (const char *path,
         gint64      seconds)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_attribute_uint64 (file, G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                              (guint64) (g_get_real_time () / G_USEC_PER_SEC - seconds),
                                              G_FILE_QUERY_INFO_NONE, NULL, NULL));
}

/* What a save interrupted by a crash leaves is removed when the document is
 * next opened; everything else is left alone, saves still running too. */
static void
test_clean_stale_saves (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "plan.touchpoint", NULL);
  g_autofree char *stale = g_build_filename (dir, ".plan.touchpoint.tpt-save-a1B2c3", NULL);
  g_autofree char *running = g_build_filename (dir, ".plan.touchpoint.tpt-save-Zz9yY8", NULL);
  g_autofree char *backup = g_build_filename (dir, "plan.touchpoint.backup", NULL);
  g_autofree char *other = g_build_filename (dir, ".other.touchpoint.tpt-save-a1B2c3", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) junk = bytes_from_string ("<half");
  g_autoptr(GError) error = NULL;

  g_assert_true (tpt_document_save_file (document, file, &error));
  g_assert_no_error (error);
  /* A save leaves nothing beside its file. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  write_file (stale, junk);
  write_file (running, junk);
  write_file (backup, junk);
  write_file (other, junk);
  set_age (stale, 3600);
  set_age (backup, 3600);
  set_age (other, 3600);

  tpt_document_clean_stale_saves (file);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (running, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_finalize_object (g_steal_pointer (&document));
  remove_dir (dir);
}

static void
test_save_keeps_link_and_mode (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *target = g_build_filename (dir, "target.touchpoint", NULL);
  g_autofree char *link = g_build_filename (dir, "link.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (link);
  g_autoptr(GBytes) old = bytes_from_string ("old\n");
  g_autoptr(GBytes) written = NULL;
  g_autoptr(GBytes) expected = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  write_file (target, old);
  g_assert_cmpint (g_chmod (target, 0600), ==, 0);
  g_assert_cmpint (symlink ("target.touchpoint", link), ==, 0);

  g_assert_true (tpt_document_save_file (document, file, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  written = read_file (target);
  expected = tpt_document_serialize (document);
  assert_bytes_equal (expected, written);
  g_assert_cmpint (g_stat (target, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_finalize_object (g_steal_pointer (&document));
  remove_dir (dir);
}

/* Loading files ------------------------------------------------------------------ */

static void
test_load_file_errors (void)
{
  g_autofree char *dir = make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "missing.touchpoint", NULL);
  g_autoptr(GFile) missing_file = g_file_new_for_path (missing);
  g_autoptr(GFile) dir_file = g_file_new_for_path (dir);
  g_autoptr(GError) error = NULL;

  g_assert_null (tpt_document_load_file (missing_file, NULL, &error));
  g_assert_error (error, TPT_ERROR, TPT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  g_assert_null (tpt_document_load_file (dir_file, NULL, &error));
  g_assert_error (error, TPT_ERROR, TPT_ERROR_IO);
  g_assert_nonnull (strstr (error->message, dir));
  g_clear_error (&error);

  remove_dir (dir);
}

static void
test_error_line (void)
{
  g_autoptr(GBytes) bytes = bytes_from_string ("<?xml version=\"1.0\"?>\n\n<nope/>\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) copy = NULL;
  g_autoptr(GError) other = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, "other");
  g_autoptr(GError) plain = g_error_new_literal (TPT_ERROR, TPT_ERROR_IO, "plain");

  g_assert_null (tpt_document_load_bytes (bytes, &error));
  g_assert_error (error, TPT_ERROR, TPT_ERROR_NOT_TOUCHPOINT);
  g_assert_cmpint (tpt_error_get_line (error), ==, 3);

  copy = g_error_copy (error);
  g_assert_cmpint (tpt_error_get_line (copy), ==, 3);
  g_assert_cmpint (tpt_error_get_line (other), ==, 0);
  g_assert_cmpint (tpt_error_get_line (plain), ==, 0);
  tpt_error_set_line (plain, 12);
  g_assert_cmpint (tpt_error_get_line (plain), ==, 12);
}

/* Photos --------------------------------------------------------------------- */

static void
test_photo_check (void)
{
  g_autoptr(GBytes) png = g_bytes_new_static (tiny_png, sizeof tiny_png);
  g_autoptr(GBytes) jpeg = g_bytes_new_static (jpeg_header, sizeof jpeg_header);
  g_autoptr(GBytes) text = bytes_from_string ("GIF89a, or so it says");
  g_autoptr(GBytes) short_png = g_bytes_new_static (tiny_png, 24);
  g_autoptr(GError) error = NULL;
  guint32 width = 0;
  guint32 height = 0;

  g_assert_true (tpt_photo_check (png, "image/png", &error));
  g_assert_no_error (error);
  g_assert_true (tpt_photo_check (png, NULL, &error));
  g_assert_true (tpt_photo_check (jpeg, "image/jpeg", &error));
  g_assert_no_error (error);

  g_assert_cmpint (tpt_photo_inspect (jpeg_header, sizeof jpeg_header, NULL, NULL, &width, &height),
                   ==, TPT_PHOTO_OK);
  g_assert_cmpuint (width, ==, 640);
  g_assert_cmpuint (height, ==, 480);
  g_assert_cmpstr (tpt_photo_sniff_type (tiny_png, sizeof tiny_png), ==, "image/png");
  g_assert_null (tpt_photo_sniff_type (tiny_png, 4));

  g_assert_false (tpt_photo_check (png, "image/jpeg", &error));
  g_assert_error (error, TPT_ERROR, TPT_ERROR_BAD_PHOTO);
  g_clear_error (&error);
  g_assert_false (tpt_photo_check (text, NULL, &error));
  g_assert_error (error, TPT_ERROR, TPT_ERROR_BAD_PHOTO);
  g_clear_error (&error);
  g_assert_false (tpt_photo_check (short_png, "image/png", &error));
  g_assert_error (error, TPT_ERROR, TPT_ERROR_BAD_PHOTO);
  g_clear_error (&error);
  g_assert_false (tpt_photo_check (png, "image/webp", &error));
  g_assert_error (error, TPT_ERROR, TPT_ERROR_BAD_PHOTO);
  g_clear_error (&error);

  /* Every truncation of a valid header is refused, without reading past
   * the end (the sanitizers check that). */
  for (gsize n = 0; n < sizeof jpeg_header - 2; n++)
    {
      g_autofree guint8 *copy = g_memdup2 (jpeg_header, n);

      g_assert_cmpint (tpt_photo_inspect (copy, n, NULL, NULL, NULL, NULL), !=, TPT_PHOTO_OK);
    }
  for (gsize n = 0; n < 33; n++)
    {
      g_autofree guint8 *copy = g_memdup2 (tiny_png, n);

      g_assert_cmpint (tpt_photo_inspect (copy, n, NULL, NULL, NULL, NULL), !=, TPT_PHOTO_OK);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/format/example/canonical", test_example_canonical);
  g_test_add_func ("/tpt/format/example/history-clean", test_example_history_clean);
  g_test_add_func ("/tpt/format/example/contents", test_example_contents);
  g_test_add_func ("/tpt/format/example/file-round-trip", test_example_file_round_trip);
  g_test_add_func ("/tpt/format/example/edit-after-load", test_example_edit_after_load);
  g_test_add_func ("/tpt/format/golden/minimal", test_golden_minimal);
  g_test_add_func ("/tpt/format/golden/metrics", test_golden_metrics);
  g_test_add_func ("/tpt/format/reader/leniency", test_reader_leniency);
  g_test_add_func ("/tpt/format/writer/escaping", test_escaping);
  g_test_add_func ("/tpt/format/writer/omissions", test_omissions);
  g_test_add_func ("/tpt/format/writer/unset-ratings", test_unset_ratings);
  g_test_add_func ("/tpt/format/large/round-trip", test_large_round_trip);
  g_test_add_func ("/tpt/format/save/marks-saved", test_save_marks_saved);
  g_test_add_func ("/tpt/format/save/into-file-fails", test_save_into_file_fails);
  g_test_add_func ("/tpt/format/save/failure-keeps-original", test_save_failure_keeps_original);
  g_test_add_func ("/tpt/format/save/keeps-link-and-mode", test_save_keeps_link_and_mode);
  g_test_add_func ("/tpt/format/save/clean-stale", test_clean_stale_saves);
  g_test_add_func ("/tpt/format/load-file/errors", test_load_file_errors);
  g_test_add_func ("/tpt/format/error-line", test_error_line);
  g_test_add_func ("/tpt/format/photo/check", test_photo_check);

  return g_test_run ();
}
