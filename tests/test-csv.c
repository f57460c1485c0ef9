/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include <glib/gstdio.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "tpt-csv.h"
#include "tpt-format.h"
#include "tpt-survey.h"

/* CSV in and out: RFC 4180 parsing (quotes, line breaks in fields, CRLF,
 * byte order marks), strict errors naming the row, the size cap; cards,
 * needs and ratings out for spreadsheets; and survey responses in as
 * ratings, one undo step, with what was used and rejected. */

static TptDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                            "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static GPtrArray *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = tpt_csv_parse (text, strlen (text), &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

/* The rows as "a|b;c|d", to compare in one go. */
static char *
flatten (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < rows->len; r++)
    {
      TptCsvRow *row = g_ptr_array_index (rows, r);

      if (r > 0)
        g_string_append_c (out, ';');
      for (guint f = 0; f < row->n_fields; f++)
        g_string_append_printf (out, "%s%s", f > 0 ? "|" : "", row->fields[f]);
    }
  return g_string_free (out, FALSE);
}

static void
test_parse (void)
{
  static const struct { const char *csv; const char *rows; } cases[] = {
    { "a,b,c\r\n1,2,3\r\n", "a|b|c;1|2|3" },
    { "a,b,c\n1,2,3", "a|b|c;1|2|3" },
    { "a,b\r1,2\r", "a|b;1|2" },
    { "\xef\xbb\xbf" "name,x\n\"Ortiz, Dana\",1\n", "name|x;Ortiz, Dana|1" },
    { "q\n\"she said \"\"no\"\"\"\n", "q;she said \"no\"" },
    { "q,r\n\"two\r\nlines\",x\n", "q|r;two\r\nlines|x" },
    { "a,b,\n,,\n", "a|b|;||" },
    { "a,b\n\n1,2\n", "a|b;;1|2" },
    { "a;b;c\n1,5;2;3\n", "a|b|c;1,5|2|3" },
    { "a\tb\n1\t2\n", "a|b;1|2" },
    { "\"\"\n", "" },
    { "Ünïcode,日本\n", "Ünïcode|日本" },
  };
  static const struct { const char *csv; int row; int line; const char *message; } bad[] = {
    { "a,b\n1,\"open\n2,3\n", 2, 2, "Row 2: a quoted field is never closed" },
    { "a,b\n1,x\"y\n", 2, 2, "Row 2: field 2 has a quote but does not start with one" },
    { "a\n\"q\"x\n", 2, 2, "Row 2: there is text after the closing quote of field 1" },
    { "a\n\"multi\nline\"\n\xff\n", 3, 4, "Row 3: field 1 is not UTF-8 text" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) rows = parse (cases[i].csv);
      g_autofree char *flat = flatten (rows);

      g_test_message ("case %u", i);
      g_assert_cmpstr (flat, ==, cases[i].rows);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) rows = tpt_csv_parse (bad[i].csv, strlen (bad[i].csv), &error);

      g_test_message ("bad %u", i);
      g_assert_null (rows);
      g_assert_error (error, TPT_ERROR, TPT_ERROR_INVALID);
      g_assert_true (g_str_has_prefix (error->message, bad[i].message));
      g_assert_cmpint (tpt_error_get_line (error), ==, bad[i].line);
    }

  /* A NUL, and a row of too many fields. */
  {
    static const char nul[] = "a,b\n1,x\0y\n";
    g_autoptr(GError) error = NULL;
    g_autoptr(GString) wide = g_string_new ("a");
    g_autoptr(GPtrArray) rows = tpt_csv_parse (nul, sizeof nul - 1, &error);

    g_assert_null (rows);
    g_assert_error (error, TPT_ERROR, TPT_ERROR_INVALID);
    g_clear_error (&error);
    for (guint i = 0; i < TPT_CSV_MAX_FIELDS + 1; i++)
      g_string_append (wide, ",a");
    rows = tpt_csv_parse (wide->str, wide->len, &error);
    g_assert_null (rows);
    g_assert_error (error, TPT_ERROR, TPT_ERROR_INVALID);
  }
}

/* Lines count from where each row starts, past fields with line breaks. */
static void
test_parse_lines (void)
{
  g_autoptr(GPtrArray) rows = parse ("h\n\"a\nb\nc\"\nd\r\ne\n");
  int lines[] = { 1, 2, 5, 6 };

  g_assert_cmpuint (rows->len, ==, 4);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpint (((TptCsvRow *) g_ptr_array_index (rows, i))->line, ==, lines[i]);
}

/* Written fields read back as they were; formulas stay text. */
static void
test_write (void)
{
  const char *fields[] = {
    "plain", "with, comma", "with \"quotes\"", "two\nlines", "=SUM(A1)", "+1", "-x", "-2.5",
    "@user", "", NULL, " padded ",
  };
  const char *expected[] = {
    "plain", "with, comma", "with \"quotes\"", "two\nlines", "'=SUM(A1)", "'+1", "'-x", "-2.5",
    "'@user", "", "", " padded ",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) rows = NULL;
  TptCsvRow *row;

  tpt_csv_append_row (out, fields, G_N_ELEMENTS (fields));
  g_assert_true (g_str_has_suffix (out->str, "\r\n"));
  rows = parse (out->str);
  g_assert_cmpuint (rows->len, ==, 1);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->n_fields, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (row->fields[i], ==, expected[i]);
}

static GPtrArray *
export_rows (TptDocument *document,
             TptCsvTable  table)
{
  g_autoptr(GBytes) bytes = tpt_csv_export (document, table);
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = tpt_csv_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   &error);

  g_assert_no_error (error);
  return rows;
}

static const char *
field (GPtrArray  *rows,
       guint       r,
       const char *column)
{
  TptCsvRow *head = g_ptr_array_index (rows, 0);
  TptCsvRow *row = g_ptr_array_index (rows, r);

  for (guint i = 0; i < head->n_fields; i++)
    if (g_str_equal (head->fields[i], column))
      return row->fields[i];
  g_error ("no column %s", column);
}

static void
test_export (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GPtrArray) cards = export_rows (document, TPT_CSV_CARDS);
  g_autoptr(GPtrArray) needs = export_rows (document, TPT_CSV_NEEDS);
  g_autoptr(GPtrArray) ratings = export_rows (document, TPT_CSV_RATINGS);
  TptCsvTable table;
  gboolean found = FALSE;

  g_assert_cmpuint (cards->len, ==, 1 + 151);
  g_assert_cmpuint (needs->len, ==, 1 + 10);
  g_assert_cmpuint (ratings->len, ==, 1 + 30);

  /* The mobile checkout metric, with its status. */
  for (guint r = 1; r < cards->len; r++)
    if (g_str_equal (field (cards, r, "card"), "c12"))
      {
        found = TRUE;
        g_assert_cmpstr (field (cards, r, "blueprint"), ==, "b1");
        g_assert_cmpstr (field (cards, r, "state"), ==, "current");
        g_assert_cmpstr (field (cards, r, "stage"), ==, "Buy");
        g_assert_cmpstr (field (cards, r, "lane_kind"), ==, "metric");
        g_assert_cmpstr (field (cards, r, "target"), ==, "15");
        g_assert_cmpstr (field (cards, r, "actual"), ==, "38");
        g_assert_cmpstr (field (cards, r, "unit"), ==, "%");
        g_assert_cmpstr (field (cards, r, "direction"), ==, "lower");
        g_assert_cmpstr (field (cards, r, "status"), ==, "missed");
      }
  g_assert_true (found);
  g_assert_cmpstr (field (cards, 3, "serves_titles"), ==, "Get an accurate price in minutes");

  /* Needs: served in each state, by its own cards. */
  g_assert_cmpstr (field (needs, 5, "need"), ==, "n5");
  g_assert_cmpstr (field (needs, 5, "highest_importance"), ==, "10");
  g_assert_cmpstr (field (needs, 5, "cards_in_b1"), ==, "0");
  g_assert_cmpstr (field (needs, 5, "cards_in_b2"), ==, "4");

  /* Unknown is empty, never 0. */
  g_assert_cmpstr (field (ratings, 13, "need"), ==, "n3");
  g_assert_cmpstr (field (ratings, 13, "persona_name"), ==, "Margaret Hale");
  g_assert_cmpstr (field (ratings, 13, "satisfaction"), ==, "");
  g_assert_cmpstr (field (ratings, 13, "opportunity"), ==, "");
  g_assert_cmpstr (field (ratings, 1, "opportunity"), ==, "7");

  g_assert_true (tpt_csv_table_from_name ("ratings", &table));
  g_assert_cmpint (table, ==, TPT_CSV_RATINGS);
  g_assert_false (tpt_csv_table_from_name ("slides", &table));
}

/* Past a file size limit, as on a full disk: an error, the old file
 * whole, a new one never made, and no temporary file left. */
static void
test_export_write_error (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TptDocument) document = load_example ();
      g_autofree char *dir = g_dir_make_tmp ("tpt-csv-XXXXXX", NULL);
      g_autofree char *old_path = g_build_filename (dir, "old.csv", NULL);
      g_autofree char *new_path = g_build_filename (dir, "new.csv", NULL);
      g_autoptr(GFile) old_file = g_file_new_for_path (old_path);
      g_autoptr(GFile) new_file = g_file_new_for_path (new_path);
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) listing = NULL;
      g_autofree char *contents = NULL;
      struct rlimit limit = { 1024, 1024 };
      guint n_files = 0;

      g_assert_true (g_file_set_contents (old_path, "the old file\n", -1, NULL));
      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);

      g_assert_false (tpt_csv_export_file (document, TPT_CSV_RATINGS, old_file, &error));
      g_assert_error (error, TPT_ERROR, TPT_ERROR_IO);
      g_assert_nonnull (strstr (error->message, "Could not write the CSV file"));
      g_clear_error (&error);
      g_assert_false (tpt_csv_export_file (document, TPT_CSV_CARDS, new_file, &error));
      g_assert_nonnull (error);

      g_assert_true (g_file_get_contents (old_path, &contents, NULL, NULL));
      g_assert_cmpstr (contents, ==, "the old file\n");
      g_assert_false (g_file_test (new_path, G_FILE_TEST_EXISTS));
      listing = g_dir_open (dir, 0, NULL);
      while (g_dir_read_name (listing) != NULL)
        n_files++;
      g_assert_cmpuint (n_files, ==, 1);

      g_unlink (old_path);
      g_rmdir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* Survey responses ----------------------------------------------------------- */

static TptSurvey *
read_survey (TptDocument        *document,
             const char         *csv,
             TptSurveyScale      scale,
             TptSurveyAggregate  aggregate)
{
  g_autoptr(GError) error = NULL;
  TptSurvey *survey = tpt_survey_new_from_data (document, csv, strlen (csv), scale, aggregate,
                                                &error);

  g_assert_no_error (error);
  return survey;
}

static void
assert_cell (TptSurvey   *survey,
             TptDocument *document,
             const char  *persona,
             const char  *need,
             int          importance,
             int          satisfaction)
{
  int i = -2, s = -2;

  g_assert_true (tpt_survey_get_cell (survey,
                                      tpt_document_lookup_typed (document, persona,
                                                                 TPT_TYPE_PERSONA),
                                      tpt_document_lookup_typed (document, need, TPT_TYPE_NEED),
                                      &i, &s));
  g_assert_cmpint (i, ==, importance);
  g_assert_cmpint (s, ==, satisfaction);
}

static const char survey_csv[] =
  "respondent,persona,importance:n5,satisfaction:n5,Importance: Get paid fairly and fast\r\n"
  "1,Dana Ortiz,10,2,8\r\n"
  "2,p1,9,3,\r\n"
  "3,dana ortiz,7,1,6\r\n"
  "4,Margaret Hale,8,,10\r\n"
  "5,Bob,9,9,9\r\n"
  "6,p3,,,\r\n"
  "7,,5,5,5\r\n"
  "\r\n";

static void
test_survey_mean (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(TptSurvey) survey = read_survey (document, survey_csv, TPT_SURVEY_SCALE_0_10,
                                             TPT_SURVEY_MEAN);
  g_autofree char *summary = tpt_survey_summarize (survey);

  g_test_message ("%s", summary);
  g_assert_cmpuint (tpt_survey_get_n_rows (survey), ==, 7);
  g_assert_cmpuint (tpt_survey_get_n_used (survey), ==, 4);
  g_assert_cmpuint (tpt_survey_get_n_rejected (survey), ==, 3);
  g_assert_cmpuint (tpt_survey_get_rejections (survey)->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (tpt_survey_get_rejections (survey), 0), ==,
                   "Row 6: there is no persona “Bob”");
  g_assert_cmpstr (g_ptr_array_index (tpt_survey_get_rejections (survey), 1), ==,
                   "Row 7: no answers");
  g_assert_cmpstr (g_ptr_array_index (tpt_survey_get_rejections (survey), 2), ==,
                   "Row 8: no persona given");
  g_assert_cmpuint (tpt_survey_get_ignored_columns (survey)->len, ==, 1);
  g_assert_nonnull (strstr (summary, "7 rows of answers: 4 used, 3 rejected."));
  g_assert_nonnull (strstr (summary, "Columns not used: respondent."));

  /* Dana: (10 + 9 + 7) / 3 = 8.67 → 9; (2 + 3 + 1) / 3 = 2; (8 + 6) / 2 = 7.
   * Margaret answered no satisfaction of n5. */
  g_assert_cmpuint (tpt_survey_get_n_cells (survey), ==, 4);
  assert_cell (survey, document, "p1", "n5", 9, 2);
  assert_cell (survey, document, "p1", "n7", 7, -1);
  assert_cell (survey, document, "p2", "n5", 8, -1);
  assert_cell (survey, document, "p2", "n7", 10, -1);
}

static void
test_survey_top_two (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(TptSurvey) top = read_survey (document, survey_csv, TPT_SURVEY_SCALE_0_10,
                                          TPT_SURVEY_TOP_TWO_BOX);
  g_autoptr(TptSurvey) five = NULL;

  /* Dana's n5 importance: 10 and 9 of 10, 9, 7 are top-two: 2/3 → 7. */
  assert_cell (top, document, "p1", "n5", 7, 0);
  assert_cell (top, document, "p2", "n7", 10, -1);

  /* On 1–5, a segment: Kofi's ("Price-driven digital native"). Means of
   * 5, 4, 2 → (4 + 3 + 1) × 2.5 / 3 = 6.67 → 7; top two: 4 and 5 → 2/3. */
  five = read_survey (document,
                      "segment;importance:n1\n"
                      "Price-driven digital native;5\n"
                      "price-driven digital native;4\n"
                      "Price-driven digital native;2\n",
                      TPT_SURVEY_SCALE_1_5, TPT_SURVEY_MEAN);
  assert_cell (five, document, "p3", "n1", 7, -1);
  g_assert_cmpuint (tpt_survey_get_n_cells (five), ==, 1);
}

/* Malformed files are errors that name the row, and change nothing. */
static void
test_survey_errors (void)
{
  static const struct { const char *csv; int line; const char *message; } cases[] = {
    { "persona,importance:n5\nDana Ortiz,high\n", 2,
      "Row 2: “high” in “importance:n5” is not a number on the 0–10 scale" },
    { "persona,importance:n5\nDana Ortiz,11\n", 2,
      "Row 2: “11” in “importance:n5” is not a number on the 0–10 scale" },
    { "persona,importance:n5\nDana Ortiz,-1\n", 2, "is not a number on the 0–10 scale" },
    { "persona,importance:n5\nDana Ortiz,8\nDana Ortiz,8,9\n", 3,
      "Row 3 has 3 fields, but the header has 2" },
    { "who,importance:n5\nDana Ortiz,8\n", 1,
      "Row 1: there is no “persona” or “segment” column" },
    { "persona,segment,importance:n5\n", 1, "Row 1: there is more than one" },
    { "persona,notes\nDana Ortiz,x\n", 1, "Row 1: there is no answer column" },
    { "persona,importance:n99\n", 1, "Row 1: column “importance:n99” names no need" },
    { "persona,importance:n5,importance:Know my claim's status without calling\n", 1,
      "Row 1: two columns give the importance of “Know my claim's status without calling”" },
    { "", 0, "The file is empty" },
    { "persona,importance:n5\n\"Dana,8\n", 2, "Row 2: a quoted field is never closed" },
  };
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GBytes) before = tpt_document_serialize (document);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(TptSurvey) survey = tpt_survey_new_from_data (document, cases[i].csv,
                                                              strlen (cases[i].csv),
                                                              TPT_SURVEY_SCALE_0_10,
                                                              TPT_SURVEY_MEAN, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(none)");
      g_assert_null (survey);
      g_assert_nonnull (error);
      g_assert_nonnull (strstr (error->message, cases[i].message));
      g_assert_cmpint (tpt_error_get_line (error), ==, cases[i].line);
    }

  {
    g_autoptr(GBytes) after = tpt_document_serialize (document);

    g_assert_true (g_bytes_equal (before, after));
    g_assert_false (tpt_history_get_can_undo (tpt_document_get_history (document)));
  }
}

/* 100 MB is refused before it is read. */
static void
test_survey_too_large (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autofree char *dir = g_dir_make_tmp ("tpt-csv-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TptSurvey) survey = NULL;
  int fd = g_open (path, O_WRONLY | O_CREAT, 0600);

  g_assert_cmpint (fd, >=, 0);
  /* Sparse: no disk is filled. */
  g_assert_cmpint (ftruncate (fd, 100 * 1000 * 1000), ==, 0);
  close (fd);

  survey = tpt_survey_new_from_file (document, file, TPT_SURVEY_SCALE_0_10, TPT_SURVEY_MEAN,
                                     NULL, &error);
  g_assert_null (survey);
  g_assert_error (error, TPT_ERROR, TPT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "100.0"));
  g_assert_nonnull (strstr (error->message, "at most 21.0"));
  g_clear_error (&error);

  /* The parser has the same cap, whoever calls it. */
  g_assert_null (tpt_csv_parse ("", TPT_CSV_MAX_BYTES + 1, &error));
  g_assert_error (error, TPT_ERROR, TPT_ERROR_TOO_LARGE);

  g_unlink (path);
  g_rmdir (dir);
}

/* Applying is one undo step; undo gives back the document's bytes. */
static void
test_survey_apply (void)
{
  g_autoptr(TptDocument) document = load_example ();
  TptHistory *history = tpt_document_get_history (document);
  g_autoptr(GBytes) before = tpt_document_serialize (document);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GBytes) undone = NULL;
  g_autoptr(TptSurvey) survey = read_survey (document, survey_csv, TPT_SURVEY_SCALE_0_10,
                                             TPT_SURVEY_MEAN);
  TptPersona *dana = tpt_document_lookup_typed (document, "p1", TPT_TYPE_PERSONA);
  TptPersona *margaret = tpt_document_lookup_typed (document, "p2", TPT_TYPE_PERSONA);
  TptNeed *status = tpt_document_lookup_typed (document, "n5", TPT_TYPE_NEED);
  TptRating *rating;

  /* Reading changed nothing. */
  g_assert_false (tpt_history_get_can_undo (history));

  tpt_survey_apply (survey);
  g_assert_cmpstr (tpt_history_get_undo_label (history), ==, "Import Survey");
  rating = tpt_document_get_rating (document, dana, status);
  g_assert_cmpint (tpt_rating_get_importance (rating), ==, 9);
  g_assert_cmpint (tpt_rating_get_satisfaction (rating), ==, 2);
  /* Margaret's satisfaction was not asked: it stays 3. */
  rating = tpt_document_get_rating (document, margaret, status);
  g_assert_cmpint (tpt_rating_get_importance (rating), ==, 8);
  g_assert_cmpint (tpt_rating_get_satisfaction (rating), ==, 3);
  after = tpt_document_serialize (document);
  g_assert_false (g_bytes_equal (before, after));

  g_assert_true (tpt_history_undo (history));
  g_assert_false (tpt_history_get_can_undo (history));
  undone = tpt_document_serialize (document);
  g_assert_true (g_bytes_equal (before, undone));
  g_assert_true (tpt_history_redo (history));
  g_clear_pointer (&undone, g_bytes_unref);
  undone = tpt_document_serialize (document);
  g_assert_true (g_bytes_equal (after, undone));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/csv/parse", test_parse);
  g_test_add_func ("/tpt/csv/parse-lines", test_parse_lines);
  g_test_add_func ("/tpt/csv/write", test_write);
  g_test_add_func ("/tpt/csv/export", test_export);
  g_test_add_func ("/tpt/csv/export-write-error", test_export_write_error);
  g_test_add_func ("/tpt/csv/survey/mean", test_survey_mean);
  g_test_add_func ("/tpt/csv/survey/top-two", test_survey_top_two);
  g_test_add_func ("/tpt/csv/survey/errors", test_survey_errors);
  g_test_add_func ("/tpt/csv/survey/too-large", test_survey_too_large);
  g_test_add_func ("/tpt/csv/survey/apply", test_survey_apply);

  return g_test_run ();
}
