/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "tpt-format.h"

#include <sys/wait.h>

/* `touchpoint --diff`, `--merge`, `--check` and `--config-git` as a user
 * and git run them: exit statuses, messages, nothing written on bad input,
 * and a real repository in a temporary folder where `git merge` of two
 * branches goes through the installed merge driver and `git diff` and
 * `git log -p` read as designer sentences. */

typedef struct
{
  char  *dir;
  char  *binary;
  GStrv  env;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autoptr(GError) error = NULL;

  fixture->binary = g_build_filename (builddir != NULL ? builddir : ".", "..", "src",
                                      "touchpoint", NULL);
  fixture->dir = g_dir_make_tmp ("tpt-git-XXXXXX", &error);
  g_assert_no_error (error);

  /* Git as a new user has it: no system or user configuration but what a
   * test writes into the isolated home, and a name to commit with. */
  fixture->env = g_get_environ ();
  fixture->env = g_environ_setenv (fixture->env, "GIT_CONFIG_NOSYSTEM", "1", TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GIT_CEILING_DIRECTORIES", g_get_tmp_dir (),
                                   TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GIT_AUTHOR_NAME", "Dana", TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GIT_AUTHOR_EMAIL", "dana@example.com", TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GIT_COMMITTER_NAME", "Dana", TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GIT_COMMITTER_EMAIL", "dana@example.com",
                                   TRUE);
  fixture->env = g_environ_setenv (fixture->env, "GIT_PAGER", "cat", TRUE);
  /* GLib's isolated home is a folder only inside this process (HOME
   * itself says /dev/null, so that nothing writes there by mistake). */
  g_assert_cmpint (g_mkdir_with_parents (g_get_home_dir (), 0700), ==, 0);
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_config_dir (), 0700), ==, 0);
  fixture->env = g_environ_setenv (fixture->env, "HOME", g_get_home_dir (), TRUE);
  fixture->env = g_environ_setenv (fixture->env, "XDG_CONFIG_HOME", g_get_user_config_dir (),
                                   TRUE);
  fixture->env = g_environ_unsetenv (fixture->env, "GIT_DIR");
  fixture->env = g_environ_unsetenv (fixture->env, "GIT_WORK_TREE");
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
              !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->binary);
  g_strfreev (fixture->env);
}

static gboolean
have_binary (Fixture *fixture)
{
  if (!g_file_test (fixture->binary, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip_printf ("no touchpoint binary at %s", fixture->binary);
      return FALSE;
    }
  return TRUE;
}

static gboolean
have_git (void)
{
  g_autofree char *git = g_find_program_in_path ("git");

  if (git == NULL)
    {
      g_test_skip ("git is not installed");
      return FALSE;
    }
  return TRUE;
}

/* Runs @argv (NULL-terminated) in @cwd, or in the fixture's folder. */
static void
run_in (Fixture     *fixture,
        Run         *run,
        const char  *cwd,
        const char  *first,
        ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;
  int wait_status = 0;

  run_clear (run);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_strv_builder_add (builder, arg);
  va_end (args);
  argv = g_strv_builder_end (builder);

  g_spawn_sync (cwd != NULL ? cwd : fixture->dir, argv, fixture->env, G_SPAWN_SEARCH_PATH,
                NULL, NULL, &run->out, &run->err, &wait_status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (wait_status));
  run->status = WEXITSTATUS (wait_status);
}

#define TOUCHPOINT(fixture, run, ...) \
  run_in ((fixture), (run), NULL, (fixture)->binary, __VA_ARGS__, NULL)
#define GIT(fixture, run, repo, ...) \
  run_in ((fixture), (run), (repo), "git", __VA_ARGS__, NULL)

static char *
golden (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "golden", "diff", name, NULL);
}

static char *
contents_of (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

static char *
in_dir (Fixture    *fixture,
        const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static TptDocument *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static void
save (TptDocument *document,
      const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (tpt_document_save_file (document, file, &error));
  g_assert_no_error (error);
}

static TptCard *
card_of (TptDocument *document,
         const char  *id)
{
  TptCard *card = tpt_document_lookup_typed (document, id, TPT_TYPE_CARD);

  g_assert_nonnull (card);
  return card;
}

/* Edits the document at @path through the model and saves it. */
static void
set_card_text (const char *path,
               const char *id,
               const char *text)
{
  g_autoptr(TptDocument) document = load (path);

  tpt_document_begin (document, "Edit");
  tpt_card_set_text (card_of (document, id), text);
  tpt_document_end (document);
  save (document, path);
}

static void
set_card_kind (const char  *path,
               const char  *id,
               TptCardKind  kind)
{
  g_autoptr(TptDocument) document = load (path);

  tpt_document_begin (document, "Edit");
  tpt_card_set_kind (card_of (document, id), kind);
  tpt_document_end (document);
  save (document, path);
}

static void
add_card (const char *path,
          const char *text,
          const char *lane,
          const char *step)
{
  g_autoptr(TptDocument) document = load (path);
  TptBlueprint *blueprint = tpt_document_lookup_typed (document, "b1", TPT_TYPE_BLUEPRINT);
  g_autoptr(TptCard) card = tpt_card_new (document);

  tpt_document_begin (document, "Add");
  tpt_card_set_text (card, text);
  tpt_blueprint_add_card (blueprint, card,
                          tpt_document_lookup_typed (document, lane, TPT_TYPE_LANE),
                          tpt_document_lookup_typed (document, step, TPT_TYPE_STEP), 0);
  tpt_document_end (document);
  save (document, path);
}

static guint
count_cards_with_text (TptDocument *document,
                       const char  *text)
{
  TptBlueprint *blueprint = tpt_document_lookup_typed (document, "b1", TPT_TYPE_BLUEPRINT);
  GListModel *cards = tpt_blueprint_get_cards (blueprint);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (cards, i);

      n += g_strcmp0 (tpt_card_get_text (card), text) == 0;
    }
  return n;
}

static guint
count_lines (const char *text,
             const char *line)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    n += strcmp (lines[i], line) == 0;
  return n;
}

/* --diff ---------------------------------------------------------------------------------- */

static void
test_diff (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *old_path = golden ("old.touchpoint");
  g_autofree char *new_path = golden ("new.touchpoint");
  g_autofree char *text_path = golden ("expected.txt");
  g_autofree char *json_path = golden ("expected.json");
  g_autofree char *expected_text = contents_of (text_path);
  g_autofree char *expected_json = contents_of (json_path);
  g_autofree char *python = g_find_program_in_path ("python3");
  g_auto(Run) run = { 0 };

  if (!have_binary (fixture))
    return;

  TOUCHPOINT (fixture, &run, "--diff", old_path, new_path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, expected_text);
  g_assert_cmpstr (run.err, ==, "");

  TOUCHPOINT (fixture, &run, "--diff", "--format", "json", old_path, new_path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, expected_json);

  /* It is JSON a tool can read. */
  if (python != NULL)
    {
      g_auto(Run) parsed = { 0 };

      run_in (fixture, &parsed, NULL, python, "-c",
              "import json, sys; d = json.load (open (sys.argv[1])); "
              "print (len (d['changes']), d['equal'])", json_path, NULL);
      g_assert_cmpint (parsed.status, ==, 0);
      g_assert_cmpstr (parsed.out, ==, "19 False\n");
    }

  TOUCHPOINT (fixture, &run, "--diff", old_path, old_path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  TOUCHPOINT (fixture, &run, "--diff", "--format", "json", old_path, old_path);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"equal\": true"));

  TOUCHPOINT (fixture, &run, "--diff", "--format", "text", new_path, old_path);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.out, "kind fail point → action"));
}

/* Bad input ------------------------------------------------------------------------------ */

static const char broken_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<touchpoint format=\"1\">\n"
  "  <meta>\n"
  "    <title>Broken</title>\n"
  "  </meta>\n"
  "  <bogus/>\n"
  "</touchpoint>\n";

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *good = golden ("old.touchpoint");
  g_autofree char *broken = in_dir (fixture, "broken.touchpoint");
  g_autofree char *missing = in_dir (fixture, "missing.touchpoint");
  g_autofree char *out = in_dir (fixture, "out.touchpoint");
  g_autofree char *kept = in_dir (fixture, "kept.touchpoint");
  g_autofree char *kept_before = NULL;
  g_autofree char *kept_after = NULL;
  g_autofree char *broken_line = g_strdup_printf ("%s:6:", broken);
  g_auto(Run) run = { 0 };

  if (!have_binary (fixture))
    return;
  write_text (broken, broken_document);
  write_text (kept, "not a document, and it must stay so\n");
  kept_before = contents_of (kept);

  /* A missing or invalid file: its name (and line), status 2. */
  TOUCHPOINT (fixture, &run, "--diff", missing, good);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, missing));
  g_assert_cmpstr (run.out, ==, "");

  TOUCHPOINT (fixture, &run, "--diff", good, broken);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, broken_line));
  g_assert_nonnull (strstr (run.err, "bogus"));
  g_assert_cmpstr (run.out, ==, "");

  /* A merge with any side bad writes nothing. */
  for (guint i = 0; i < 3; i++)
    {
      const char *sides[3] = { good, good, good };

      sides[i] = i == 1 ? missing : broken;
      TOUCHPOINT (fixture, &run, "--merge", sides[0], sides[1], sides[2], "-o", out);
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, sides[i]));
      g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

      TOUCHPOINT (fixture, &run, "--merge", sides[0], sides[1], sides[2], "-o", kept);
      g_assert_cmpint (run.status, ==, 2);
      kept_after = (g_free (kept_after), contents_of (kept));
      g_assert_cmpstr (kept_after, ==, kept_before);
    }

  /* Wrong arguments. */
  TOUCHPOINT (fixture, &run, "--diff", good);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "--diff"));
  TOUCHPOINT (fixture, &run, "--diff", "--format", "xml", good, good);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "xml"));
  TOUCHPOINT (fixture, &run, "--merge", good, good, good);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_nonnull (strstr (run.err, "-o"));
  TOUCHPOINT (fixture, &run, "--merge", good, good, "-o", out);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  TOUCHPOINT (fixture, &run, "--diff", "--merge", good, good, good, "-o", out);
  g_assert_cmpint (run.status, ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  TOUCHPOINT (fixture, &run, "--format", "json", good);
  g_assert_cmpint (run.status, ==, 2);
  TOUCHPOINT (fixture, &run, "--check", "--diff", good, good);
  g_assert_cmpint (run.status, ==, 2);

  /* --config-git outside a repository says so and writes nothing. */
  if (have_git ())
    {
      g_autofree char *attributes = in_dir (fixture, ".gitattributes");

      TOUCHPOINT (fixture, &run, "--config-git");
      g_assert_cmpint (run.status, ==, 2);
      g_assert_nonnull (strstr (run.err, "git"));
      g_assert_false (g_file_test (attributes, G_FILE_TEST_EXISTS));
      TOUCHPOINT (fixture, &run, "--config-git", good);
      g_assert_cmpint (run.status, ==, 2);
    }
}

/* --merge and --check ------------------------------------------------------------------- */

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *source = golden ("old.touchpoint");
  g_autofree char *base = in_dir (fixture, "base.touchpoint");
  g_autofree char *ours = in_dir (fixture, "ours.touchpoint");
  g_autofree char *theirs = in_dir (fixture, "theirs.touchpoint");
  g_autofree char *out = in_dir (fixture, "out.touchpoint");
  g_autoptr(TptDocument) document = load (source);
  g_autoptr(TptDocument) merged = NULL;
  g_autofree char *written = NULL;
  g_auto(Run) run = { 0 };

  if (!have_binary (fixture))
    return;
  save (document, base);
  save (document, ours);
  save (document, theirs);
  set_card_text (ours, "c1", "Calls from the roadside");
  add_card (ours, "Sends photos", "l1", "t1");
  set_card_kind (theirs, "c2", TPT_CARD_KIND_FAIL);
  add_card (theirs, "Books a repair", "l2", "t3");

  /* Clean: status 0, a document with both sides' work. */
  TOUCHPOINT (fixture, &run, "--merge", base, ours, theirs, "-o", out);
  g_assert_cmpint (run.status, ==, 0);
  merged = load (out);
  g_assert_cmpstr (tpt_card_get_text (card_of (merged, "c1")), ==, "Calls from the roadside");
  g_assert_cmpint (tpt_card_get_kind (card_of (merged, "c2")), ==, TPT_CARD_KIND_FAIL);
  g_assert_cmpuint (count_cards_with_text (merged, "Sends photos"), ==, 1);
  g_assert_cmpuint (count_cards_with_text (merged, "Books a repair"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (merged)), ==, 0);
  g_clear_object (&merged);

  TOUCHPOINT (fixture, &run, "--check", out);
  g_assert_cmpint (run.status, ==, 0);

  /* Both changed one card's text: status 1, ours kept, the conflict in
   * the file, and --check reports it until it is resolved. */
  set_card_text (theirs, "c1", "Calls the insurer's app");
  TOUCHPOINT (fixture, &run, "--merge", base, ours, theirs, "-o", out);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "1 conflict"));
  g_assert_nonnull (strstr (run.err, "Calls the insurer's app"));
  merged = load (out);
  g_assert_cmpstr (tpt_card_get_text (card_of (merged, "c1")), ==, "Calls from the roadside");
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (merged)), ==, 1);
  written = contents_of (out);
  g_assert_nonnull (strstr (written, "<conflict kind=\"edit\" target=\"c1\" field=\"text\">"));

  TOUCHPOINT (fixture, &run, "--check", out);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "unresolved conflict"));
  g_assert_nonnull (strstr (run.out, "1 blueprint"));

  /* Resolved in the model and saved, the file checks again. */
  {
    g_autoptr(TptConflict) conflict =
      g_list_model_get_item (tpt_document_get_conflicts (merged), 0);
    g_autoptr(GError) error = NULL;

    g_assert_true (tpt_conflict_resolve (conflict, TPT_CONFLICT_CHOOSE_THEIRS, &error));
    g_assert_no_error (error);
    save (merged, out);
  }
  TOUCHPOINT (fixture, &run, "--check", out);
  g_assert_cmpint (run.status, ==, 0);
}

/* --config-git ------------------------------------------------------------------------- */

static void
test_config_git (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *repo = in_dir (fixture, "repo");
  g_autofree char *attributes = g_build_filename (repo, ".gitattributes", NULL);
  g_autofree char *global_attributes = g_build_filename (g_get_user_config_dir (), "git",
                                                         "attributes", NULL);
  g_autofree char *text = NULL;
  const char *line = "*.touchpoint merge=touchpoint diff=touchpoint";
  g_auto(Run) run = { 0 };

  if (!have_binary (fixture) || !have_git ())
    return;

  g_assert_cmpint (g_mkdir (repo, 0700), ==, 0);
  GIT (fixture, &run, repo, "init", "-q");
  g_assert_cmpint (run.status, ==, 0);
  /* What the user had stays, even without a last line end. */
  write_text (attributes, "*.png binary");

  for (guint i = 0; i < 2; i++)
    {
      run_in (fixture, &run, repo, fixture->binary, "--config-git", NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_nonnull (strstr (run.out, i == 0 ? "Added" : "already"));
    }
  text = contents_of (attributes);
  g_assert_cmpstr (text, ==, "*.png binary\n*.touchpoint merge=touchpoint diff=touchpoint\n");

  GIT (fixture, &run, repo, "config", "--local", "--get", "merge.touchpoint.driver");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, " --merge %O %A %B -o %A\n"));
  /* Not on PATH here: this very program, by its absolute path. */
  g_assert_nonnull (strstr (run.out, "/src/touchpoint"));
  GIT (fixture, &run, repo, "config", "--local", "--get", "diff.touchpoint.command");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, " --git-diff-driver\n"));
  GIT (fixture, &run, repo, "config", "--local", "--get", "diff.touchpoint.textconv");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, " --outline\n"));
  GIT (fixture, &run, repo, "config", "--local", "--get-all", "merge.touchpoint.driver");
  g_assert_cmpuint (count_lines (run.out, ""), ==, 1);
  GIT (fixture, &run, repo, "check-attr", "merge", "diff", "--", "claims.touchpoint");
  g_assert_nonnull (strstr (run.out, "claims.touchpoint: merge: touchpoint"));
  g_assert_nonnull (strstr (run.out, "claims.touchpoint: diff: touchpoint"));

  /* --global: the user's configuration and attributes file, in the
   * isolated home this test has. */
  g_assert_false (g_file_test (global_attributes, G_FILE_TEST_EXISTS));
  for (guint i = 0; i < 2; i++)
    {
      TOUCHPOINT (fixture, &run, "--config-git", "--global");
      if (run.status != 0)
        g_error ("--config-git --global failed: %s", run.err);
    }
  g_clear_pointer (&text, g_free);
  text = contents_of (global_attributes);
  g_assert_cmpuint (count_lines (text, line), ==, 1);
  GIT (fixture, &run, NULL, "config", "--global", "--get", "merge.touchpoint.driver");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_true (g_str_has_suffix (run.out, " --merge %O %A %B -o %A\n"));
}

/* A real repository ------------------------------------------------------------------- */

static void
git_ok (Fixture    *fixture,
        const char *repo,
        const char *first,
        ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list args;
  int wait_status = 0;

  g_strv_builder_add (builder, "git");
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_strv_builder_add (builder, arg);
  va_end (args);
  argv = g_strv_builder_end (builder);

  g_spawn_sync (repo, argv, fixture->env, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                &wait_status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (wait_status, NULL))
    g_error ("git %s failed: %s%s", first, out, err);
}

static void
test_repository (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *source = golden ("old.touchpoint");
  g_autofree char *repo = in_dir (fixture, "repo");
  g_autofree char *path = g_build_filename (repo, "claims.touchpoint", NULL);
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(TptDocument) merged = NULL;
  g_autofree char *written = NULL;
  g_auto(Run) run = { 0 };

  if (!have_binary (fixture) || !have_git ())
    return;

  g_assert_cmpint (g_mkdir (repo, 0700), ==, 0);
  git_ok (fixture, repo, "init", "-q", "-b", "main", NULL);
  run_in (fixture, &run, repo, fixture->binary, "--config-git", NULL);
  g_assert_cmpint (run.status, ==, 0);
  document = load (source);
  save (document, path);
  git_ok (fixture, repo, "add", ".", NULL);
  git_ok (fixture, repo, "commit", "-q", "-m", "Claims blueprint", NULL);

  /* Two designers on two branches edit the same blueprint: different
   * cards, different fields, and each adds a card (both get the same new
   * id, which the merge tells apart). */
  git_ok (fixture, repo, "checkout", "-q", "-b", "theirs", NULL);
  set_card_kind (path, "c2", TPT_CARD_KIND_FAIL);
  add_card (path, "Books a repair", "l2", "t3");
  git_ok (fixture, repo, "commit", "-q", "-a", "-m", "Fail point", NULL);

  git_ok (fixture, repo, "checkout", "-q", "main", NULL);
  set_card_text (path, "c1", "Calls from the roadside");
  set_card_text (path, "c2", "Agent cannot find the policy by plate number");
  add_card (path, "Sends photos", "l1", "t1");

  /* git diff reads as designer sentences, through the diff driver. */
  GIT (fixture, &run, repo, "diff");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "touchpoint diff a/claims.touchpoint b/claims.touchpoint\n"));
  g_assert_nonnull (strstr (run.out, "Blueprint “Claims — current state”:\n"));
  g_assert_nonnull (strstr (run.out, "text changed: “Calls the hotline” → “Calls from the "
                                     "roadside”"));
  g_assert_nonnull (strstr (run.out, "card “Sends photos” (Customer, Reports the accident): "
                                     "added"));
  g_assert_null (strstr (run.out, "<card"));
  git_ok (fixture, repo, "commit", "-q", "-a", "-m", "Roadside", NULL);

  /* git log -p reads the text conversion, a line per item. */
  GIT (fixture, &run, repo, "log", "-p", "-1", "--format=", "theirs");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Books a repair"));
  g_assert_null (strstr (run.out, "<card"));

  GIT (fixture, &run, repo, "merge", "--no-edit", "theirs");
  if (run.status != 0)
    g_error ("git merge failed: %s%s", run.out, run.err);
  merged = load (path);
  g_assert_cmpstr (tpt_card_get_text (card_of (merged, "c1")), ==, "Calls from the roadside");
  g_assert_cmpstr (tpt_card_get_text (card_of (merged, "c2")), ==,
                   "Agent cannot find the policy by plate number");
  g_assert_cmpint (tpt_card_get_kind (card_of (merged, "c2")), ==, TPT_CARD_KIND_FAIL);
  g_assert_cmpuint (count_cards_with_text (merged, "Books a repair"), ==, 1);
  g_assert_cmpuint (count_cards_with_text (merged, "Sends photos"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (merged)), ==, 0);
  g_clear_object (&merged);
  run_in (fixture, &run, repo, fixture->binary, "--check", "claims.touchpoint", NULL);
  g_assert_cmpint (run.status, ==, 0);

  GIT (fixture, &run, repo, "diff", "HEAD~1", "HEAD");
  g_assert_nonnull (strstr (run.out, "kind action → fail point"));

  /* Now both change one card's text: git stops with a conflict, and the
   * file holds it, loads, and --check says so. */
  git_ok (fixture, repo, "checkout", "-q", "theirs", NULL);
  set_card_text (path, "c3", "Waits two days for a call back");
  git_ok (fixture, repo, "commit", "-q", "-a", "-m", "Two days", NULL);
  git_ok (fixture, repo, "checkout", "-q", "main", NULL);
  set_card_text (path, "c3", "Waits for a text message");
  git_ok (fixture, repo, "commit", "-q", "-a", "-m", "Text message", NULL);

  GIT (fixture, &run, repo, "merge", "--no-edit", "theirs");
  g_assert_cmpint (run.status, !=, 0);
  g_assert_nonnull (strstr (run.out, "CONFLICT"));
  GIT (fixture, &run, repo, "status", "--porcelain");
  g_assert_nonnull (strstr (run.out, "UU claims.touchpoint"));

  written = contents_of (path);
  g_assert_null (strstr (written, "<<<<<<<"));
  g_assert_nonnull (strstr (written, "<conflict kind=\"edit\" target=\"c3\" field=\"text\">"));
  merged = load (path);
  g_assert_cmpstr (tpt_card_get_text (card_of (merged, "c3")), ==, "Waits for a text message");
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_conflicts (merged)), ==, 1);

  run_in (fixture, &run, repo, fixture->binary, "--check", "claims.touchpoint", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Waits two days for a call back"));

  /* git diff of the unmerged file compares the text conversions, where
   * the conflict is a line of its own. */
  GIT (fixture, &run, repo, "diff");
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Unresolved conflict: card “Waits for a text message”"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/tpt/git/diff", Fixture, NULL, fixture_set_up, test_diff, fixture_tear_down);
  g_test_add ("/tpt/git/bad-input", Fixture, NULL, fixture_set_up, test_bad_input,
              fixture_tear_down);
  g_test_add ("/tpt/git/merge", Fixture, NULL, fixture_set_up, test_merge, fixture_tear_down);
  g_test_add ("/tpt/git/config-git", Fixture, NULL, fixture_set_up, test_config_git,
              fixture_tear_down);
  g_test_add ("/tpt/git/repository", Fixture, NULL, fixture_set_up, test_repository,
              fixture_tear_down);

  return g_test_run ();
}
