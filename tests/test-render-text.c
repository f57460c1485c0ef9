/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-render-text"

#include "config.h"

#include "tpt-text.h"

/* Hostile text is tamed before it is laid out: ordinary text is left as it
 * is, a run with nowhere to break gets zero-width spaces, and no more than
 * a box can show is laid out, then an ellipsis. bench-text times it. */

#define ZWSP "\xe2\x80\x8b"

static void
test_ordinary_text (void)
{
  static const char *texts[] = {
    "", "Calls the hotline from the roadside",
    "https://claims.example.com/status?policy=123456",
    "line one\nline two", "日本語のテキストはどこでも改行できます", "🚗 café naïve",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_assert_null (tpt_text_tame (texts[i], TRUE));
      g_assert_null (tpt_text_tame (texts[i], FALSE));
    }
}

/* Counts characters between zero-width spaces. */
static guint
longest_run (const char *text)
{
  guint longest = 0, run = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_utf8_get_char (p) == 0x200B)
        run = 0;
      else
        {
          run++;
          longest = MAX (longest, run);
        }
    }
  return longest;
}

static void
test_unbreakable_run (void)
{
  g_autofree char *hash = g_strnfill (1000, 'f');
  g_autofree char *tamed = tpt_text_tame (hash, TRUE);
  g_autofree char *plain = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_nonnull (tamed);
  g_assert_cmpuint (longest_run (tamed), <=, 32);
  /* Nothing but the breaks was added or lost. */
  parts = g_strsplit (tamed, ZWSP, -1);
  plain = g_strjoinv ("", parts);
  g_assert_cmpstr (plain, ==, hash);

  /* One line needs no breaks, only a cap. */
  {
    g_autofree char *line = tpt_text_tame (hash, FALSE);

    g_assert_nonnull (line);
    g_assert_null (strstr (line, ZWSP));
  }
}

static void
test_marks_stay_whole (void)
{
  /* "e" and a combining acute, 100 times: a break never parts them. */
  GString *text = g_string_new (NULL);
  g_autofree char *tamed = NULL;

  for (guint i = 0; i < 100; i++)
    g_string_append (text, "e\xcc\x81");
  tamed = tpt_text_tame (text->str, TRUE);
  g_assert_nonnull (tamed);
  g_assert_null (strstr (tamed, ZWSP "\xcc\x81"));
  g_string_free (text, TRUE);
}

static void
test_cap (void)
{
  g_autofree char *long_words = NULL;
  g_autofree char *tamed = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *tamed_lines = NULL;
  GString *words = g_string_new (NULL);

  while (words->len < 200000)
    g_string_append (words, "claim policy waits ");
  long_words = g_string_free (words, FALSE);

  tamed = tpt_text_tame (long_words, TRUE);
  g_assert_cmpuint (g_utf8_strlen (tamed, -1), ==, 2001);
  g_assert_true (g_str_has_suffix (tamed, "…"));
  g_assert_cmpint (strncmp (long_words, tamed, strlen (tamed) - strlen ("…")), ==, 0);

  title = tpt_text_tame (long_words, FALSE);
  g_assert_cmpuint (g_utf8_strlen (title, -1), ==, 301);

  for (guint i = 0; i < 1000; i++)
    g_string_append (lines, "a\n");
  tamed_lines = tpt_text_tame (lines->str, TRUE);
  g_assert_nonnull (tamed_lines);
  g_assert_cmpuint (strlen (tamed_lines) - strlen ("…"), <, 200);
}

/* A layout of 200,000 unbreakable characters has what a box can show. */
static void
test_layout (void)
{
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autofree char *blob = g_strnfill (200000, '7');
  g_autoptr(PangoLayout) layout = NULL;
  gint64 start = g_get_monotonic_time ();
  double width, height;

  layout = tpt_text_layout_new (PANGO_CONTEXT (context), TPT_TEXT_BODY, blob, 140);
  tpt_text_layout_size (layout, &width, &height);
  g_assert_cmpfloat (width, <=, 141);
  g_assert_cmpint (pango_layout_get_line_count (layout), <, 200);
  g_assert_true (g_str_has_suffix (pango_layout_get_text (layout), "…"));
  g_test_message ("laid out in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/render/text/ordinary", test_ordinary_text);
  g_test_add_func ("/tpt/render/text/unbreakable-run", test_unbreakable_run);
  g_test_add_func ("/tpt/render/text/marks-stay-whole", test_marks_stay_whole);
  g_test_add_func ("/tpt/render/text/cap", test_cap);
  g_test_add_func ("/tpt/render/text/layout", test_layout);

  return g_test_run ();
}
