/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-corpus"

#include "config.h"

#include "tpt-format.h"

#include <glib/gstdio.h>
#include <unistd.h>

/* Hostile and broken files must fail with the right TptError, at the right
 * line, with a clear message, and never crash, leak, log a warning or let
 * libxml2 print anything. tests/corpus/MANIFEST lists the expectations;
 * tests/corpus/make-corpus.py writes the files. Larger cases are generated
 * in memory here. Every file in tests/fuzz-findings/ is replayed. */

static const char * const code_names[] = {
  [TPT_ERROR_TOO_LARGE] = "TOO_LARGE",
  [TPT_ERROR_MALFORMED] = "MALFORMED",
  [TPT_ERROR_FORBIDDEN] = "FORBIDDEN",
  [TPT_ERROR_NOT_TOUCHPOINT] = "NOT_TOUCHPOINT",
  [TPT_ERROR_NEWER_FORMAT] = "NEWER_FORMAT",
  [TPT_ERROR_INVALID] = "INVALID",
  [TPT_ERROR_DUPLICATE_ID] = "DUPLICATE_ID",
  [TPT_ERROR_BROKEN_REFERENCE] = "BROKEN_REFERENCE",
  [TPT_ERROR_BAD_PHOTO] = "BAD_PHOTO",
  [TPT_ERROR_IO] = "IO",
};

typedef struct
{
  char *file;
  int   code;
  int   line;
  char *message;
} Case;

static void
case_free (gpointer data)
{
  Case *c = data;

  g_free (c->file);
  g_free (c->message);
  g_free (c);
}

static int
code_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (code_names); i++)
    if (g_strcmp0 (code_names[i], name) == 0)
      return (int)i;

  g_error ("MANIFEST: unknown error code %s", name);
}

static GPtrArray *
read_manifest (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", "MANIFEST", NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *cases = g_ptr_array_new_with_free_func (case_free);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      Case *c;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;

      fields = g_strsplit (lines[i], " ", 4);
      g_assert_cmpuint (g_strv_length (fields), ==, 4);

      c = g_new0 (Case, 1);
      c->file = g_strdup (fields[0]);
      c->code = code_from_name (fields[1]);
      c->line = atoi (fields[2]);
      c->message = g_strdup (fields[3]);
      g_ptr_array_add (cases, c);
    }

  return cases;
}

static GBytes *
read_corpus_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
assert_fails (GBytes     *bytes,
              int         code,
              int         line,
              const char *message)
{
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_bytes (bytes, &error);

  g_assert_null (document);
  g_assert_nonnull (error);
  if (error->domain != TPT_ERROR || error->code != code ||
      tpt_error_get_line (error) != line || strstr (error->message, message) == NULL)
    g_error ("expected %s at line %d containing “%s”,\n"
             "     got %s at line %d: “%s”",
             code_names[code], line, message,
             error->domain == TPT_ERROR && error->code >= 0 &&
             error->code < (int)G_N_ELEMENTS (code_names) ? code_names[error->code] : "?",
             tpt_error_get_line (error), error->message);

  /* The message is a sentence for a person; its line travels separately
   * (libxml2's own descriptions, quoted for malformed XML, may name lines). */
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (code != TPT_ERROR_MALFORMED)
  {
    g_autofree char *own_line = g_strdup_printf ("line %d", line);

    g_assert_null (strstr (error->message, own_line));
  }
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GBytes) bytes = read_corpus_file (c->file);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "corpus", c->file, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptDocument *document;

  assert_fails (bytes, c->code, c->line, c->message);

  /* Loading the file gives the same error. */
  document = tpt_document_load_file (file, NULL, &error);
  g_assert_null (document);
  g_assert_error (error, TPT_ERROR, c->code);
  g_assert_cmpint (tpt_error_get_line (error), ==, c->line);
}

/* libxml2 must report to us, never on stderr. */
static void
test_silent (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GPtrArray) cases = read_manifest ();

      for (guint i = 0; i < cases->len; i++)
        {
          Case *c = g_ptr_array_index (cases, i);
          g_autoptr(GBytes) bytes = read_corpus_file (c->file);
          g_autoptr(GError) error = NULL;

          g_assert_null (tpt_document_load_bytes (bytes, &error));
          g_assert_nonnull (error);
        }
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("");
}

static GBytes *
persona_with (const char *inside,
              guint       repeat)
{
  GString *str = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<touchpoint format=\"1\">\n"
                               "  <meta>\n"
                               "    <title>Big</title>\n"
                               "  </meta>\n"
                               "  <personas>\n"
                               "    <persona id=\"p1\" color=\"#3584e4\">\n"
                               "      <name>Dana</name>\n"
                               "      ");

  for (guint i = 0; i < repeat; i++)
    g_string_append (str, inside);
  g_string_append (str, "\n    </persona>\n  </personas>\n</touchpoint>\n");

  return g_string_free_to_bytes (str);
}

static void
test_too_many_elements (void)
{
  /* Six elements before the goals, so this is one over the cap. */
  g_autoptr(GBytes) bytes = persona_with ("<goal/>", TPT_MAX_ELEMENTS - 5);

  g_assert_cmpuint (g_bytes_get_size (bytes), <, TPT_MAX_FILE_SIZE);
  assert_fails (bytes, TPT_ERROR_TOO_LARGE, 9, "more than 2000000 elements");
}

static void
test_too_large (void)
{
  gsize size = TPT_MAX_FILE_SIZE + 1;
  char *data = g_malloc (size);
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int fd;

  memset (data, ' ', size);
  bytes = g_bytes_new_take (data, size);
  assert_fails (bytes, TPT_ERROR_TOO_LARGE, 0, "larger than 64 MB");

  /* A file is refused by its size before it is read: a sparse one does. */
  fd = g_file_open_tmp ("large-XXXXXX.touchpoint", &path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ftruncate (fd, (off_t)TPT_MAX_FILE_SIZE + 1), ==, 0);
  close (fd);

  file = g_file_new_for_path (path);
  g_assert_null (tpt_document_load_file (file, NULL, &error));
  g_assert_error (error, TPT_ERROR, TPT_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, path));
  g_unlink (path);
}

/* A base64 photo of @size bytes that starts with a valid 1 × 1 PNG header. */
static char *
photo_element (gsize size)
{
  static const guint8 header[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d,
    0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01,
    0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4, 0x89,
  };
  g_autofree guint8 *data = g_malloc0 (size);
  g_autofree char *encoded = NULL;

  memcpy (data, header, sizeof header);
  encoded = g_base64_encode (data, size);
  return g_strdup_printf ("<photo type=\"image/png\">%s</photo>", encoded);
}

static void
test_photo_size (void)
{
  g_autofree char *over = photo_element (TPT_MAX_PHOTO_BYTES + 1);
  g_autofree char *under = photo_element (TPT_MAX_PHOTO_BYTES);
  g_autoptr(GBytes) over_bytes = persona_with (over, 1);
  g_autoptr(GBytes) under_bytes = persona_with (under, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(TptPersona) persona = NULL;

  assert_fails (over_bytes, TPT_ERROR_TOO_LARGE, 9, "larger than 8 MB");

  /* At the cap it loads: libxml2's own limit on text nodes must not bite. */
  document = tpt_document_load_bytes (under_bytes, &error);
  g_assert_no_error (error);
  persona = g_list_model_get_item (tpt_document_get_personas (document), 0);
  g_assert_cmpuint (g_bytes_get_size (tpt_persona_get_photo (persona)), ==, TPT_MAX_PHOTO_BYTES);
  g_clear_object (&persona);
  g_assert_finalize_object (g_steal_pointer (&document));
}

static void
test_billion_laughs_is_fast (void)
{
  g_autoptr(GBytes) bytes = read_corpus_file ("billion-laughs.touchpoint");
  g_autoptr(GTimer) timer = g_timer_new ();

  for (guint i = 0; i < 100; i++)
    assert_fails (bytes, TPT_ERROR_FORBIDDEN, 2, "Document type declarations");

  /* Refused before parsing, so a hundred tries take no time at all; the
   * bound only catches an entity expansion that ran. */
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 20.0);
}

/* libxml2 2.9 checks attributes for duplicates in quadratic time; a tag
 * with 200,000 attributes (2.4 MB) would take minutes there. */
static void
test_many_attributes_is_fast (void)
{
  g_autoptr(GString) str = g_string_new ("<?xml version=\"1.0\"?>\n<touchpoint format=\"1\"");
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(GBytes) bytes = NULL;

  for (guint i = 0; i < 200000; i++)
    g_string_append_printf (str, " a%u=\"\"", i);
  g_string_append (str, "><meta><title/></meta></touchpoint>\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&str));

  /* A guard against quadratic time, not a speed target: the bound is far
   * above what a loaded machine under AddressSanitizer takes, and far
   * below the minutes the quadratic check would. */
  g_timer_start (timer);
  assert_fails (bytes, TPT_ERROR_INVALID, 2, "Element <touchpoint> has more than 32 attributes");
  g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 30.0);
}

/* libxml2 2.9's push parser (the one xmlTextReader uses) rescans a tag,
 * comment or CDATA section from its start for every chunk it is given: 8 MB
 * of one of them took minutes. The reader must stay linear. */
static void
test_long_constructs_are_fast (void)
{
  static const struct { const char *before; char filler; const char *after; int code; } cases[] = {
    { "<", 'a', "/>", TPT_ERROR_NOT_TOUCHPOINT },
    { "<touchpoint format=\"1\" x=\"", 'v', "\"/>", TPT_ERROR_INVALID },
    { "<touchpoint format=\"1\"><meta><title><!--", '-', "--></title></meta></touchpoint>",
      TPT_ERROR_MALFORMED },
    { "<touchpoint format=\"1\"><meta><title><!-- ", 'c', " --></title></meta></touchpoint>", -1 },
    { "<touchpoint format=\"1\"><meta><title><![CDATA[", 'd', "]]></title></meta></touchpoint>",
      -1 },
    { "<touchpoint format=\"1\"><meta><title><?pi ", 'p', "?></title></meta></touchpoint>", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) str = g_string_new ("<?xml version=\"1.0\"?>\n");
      g_autoptr(GTimer) timer = g_timer_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(TptDocument) document = NULL;
      gsize len;

      g_string_append (str, cases[i].before);
      len = str->len;
      g_string_set_size (str, len + 8 * 1024 * 1024);
      memset (str->str + len, cases[i].filler, 8 * 1024 * 1024);
      g_string_append (str, cases[i].after);
      bytes = g_string_free_to_bytes (g_steal_pointer (&str));

      /* As above: a guard against quadratic time, with room for a slow
       * sanitizer build. */
      g_timer_start (timer);
      document = tpt_document_load_bytes (bytes, &error);
      if (cases[i].code < 0)
        g_assert_no_error (error);
      else
        g_assert_error (error, TPT_ERROR, cases[i].code);
      g_test_message ("case %u: %.2f s", i, g_timer_elapsed (timer, NULL));
      g_assert_cmpfloat (g_timer_elapsed (timer, NULL), <, 30.0);
    }
}

/* What loads must write and read back to the same bytes; what does not load
 * must fail with a TptError. */
static gboolean
check_loads_or_fails (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = tpt_document_load_bytes (bytes, &error);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(TptDocument) again = NULL;
  g_autoptr(GBytes) saved_again = NULL;

  if (document == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == TPT_ERROR);
      return FALSE;
    }

  saved = tpt_document_serialize (document);
  again = tpt_document_load_bytes (saved, &error);
  g_assert_no_error (error);
  saved_again = tpt_document_serialize (again);
  g_assert_true (g_bytes_equal (saved, saved_again));
  return TRUE;
}

static GBytes *
read_example (void)
{
  const char *root = g_getenv ("TPT_SOURCE_ROOT");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_nonnull (root);
  path = g_build_filename (root, "data", "examples", "motor-insurance.touchpoint", NULL);
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static void
test_truncations (void)
{
  g_autoptr(GBytes) example = read_example ();
  gsize size = g_bytes_get_size (example);

  for (gsize cut = 0; cut < size; cut += 211)
    {
      g_autoptr(GBytes) prefix = g_bytes_new_from_bytes (example, 0, cut);
      g_autoptr(GError) error = NULL;
      TptDocument *document = tpt_document_load_bytes (prefix, &error);

      g_assert_null (document);
      g_assert_true (error->domain == TPT_ERROR);
    }
}

static void
test_mutations (void)
{
  static const char alphabet[] = "<>&;\"'=/ \n#-_\xc3\xff" "abcdefnpxyz0123456789";
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "golden", "minimal.touchpoint", NULL);
  g_autofree char *base = NULL;
  gsize length = 0;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240611);
  g_autoptr(GError) error = NULL;
  guint loaded = 0;

  g_file_get_contents (path, &base, &length, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GString) mutant = g_string_new_len (base, length);
      guint edits = g_rand_int_range (rand, 1, 4);
      g_autoptr(GBytes) bytes = NULL;

      for (guint e = 0; e < edits; e++)
        {
          guint pos = g_rand_int_range (rand, 0, mutant->len);
          char c = alphabet[g_rand_int_range (rand, 0, sizeof alphabet - 1)];

          switch (g_rand_int_range (rand, 0, 3))
            {
            case 0:
              mutant->str[pos] = c;
              break;
            case 1:
              {
                gsize count = (gsize)g_rand_int_range (rand, 1, 8);

                g_string_erase (mutant, pos, MIN (count, mutant->len - pos));
              }
              break;
            default:
              g_string_insert_c (mutant, pos, c);
              break;
            }
        }

      bytes = g_bytes_new (mutant->str, mutant->len);
      loaded += check_loads_or_fails (bytes);
    }

  /* Some mutants must be documents still, or the round trip went untried. */
  g_test_message ("%u of 2000 mutants loaded", loaded);
  g_assert_cmpuint (loaded, >, 40);
}

static void
test_fuzz_findings (void)
{
  g_autofree char *dir_path = g_test_build_filename (G_TEST_DIST, "fuzz-findings", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  guint n = 0;

  dir = g_dir_open (dir_path, 0, &error);
  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir_path, name, NULL);
      g_autoptr(GBytes) bytes = NULL;
      char *contents = NULL;
      gsize length = 0;

      if (g_str_equal (name, "README.md"))
        continue;

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      bytes = g_bytes_new_take (contents, length);
      check_loads_or_fails (bytes);
      n++;
    }

  g_test_message ("replayed %u fuzz findings", n);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) cases = NULL;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  cases = read_manifest ();
  g_assert_cmpuint (cases->len, >=, 40);

  for (guint i = 0; i < cases->len; i++)
    {
      Case *c = g_ptr_array_index (cases, i);
      g_autofree char *test_path = g_strdup_printf ("/tpt/corpus/file/%s", c->file);

      g_test_add_data_func (test_path, c, test_case);
    }

  g_test_add_func ("/tpt/corpus/silent", test_silent);
  g_test_add_func ("/tpt/corpus/too-many-elements", test_too_many_elements);
  g_test_add_func ("/tpt/corpus/too-large", test_too_large);
  g_test_add_func ("/tpt/corpus/photo-size", test_photo_size);
  g_test_add_func ("/tpt/corpus/billion-laughs-is-fast", test_billion_laughs_is_fast);
  g_test_add_func ("/tpt/corpus/many-attributes-is-fast", test_many_attributes_is_fast);
  g_test_add_func ("/tpt/corpus/long-constructs-are-fast", test_long_constructs_are_fast);
  g_test_add_func ("/tpt/corpus/truncations", test_truncations);
  g_test_add_func ("/tpt/corpus/mutations", test_mutations);
  g_test_add_func ("/tpt/corpus/fuzz-findings", test_fuzz_findings);

  return g_test_run ();
}
