/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-safe-replace"

#include "config.h"

#include <glib/gstdio.h>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tpt-error.h"
#include "tpt-format.h"
#include "tpt-safe-replace.h"

/* Saving over a file respects it: its mode, owner, group, links and the
 * link that names it are kept, a file the user may not change is refused,
 * a folder that is gone is said to be. The owner cases need two users: the
 * test, when run as root, becomes an unprivileged user in a subprocess
 * (uid and gid 65534, also in group TEAM_GID) and is skipped otherwise. */

#define UNPRIVILEGED 65534
#define TEAM_GID     100

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-safe-replace-XXXXXX", &error);

  g_assert_no_error (error);
  /* Open to the unprivileged user of the subprocesses. */
  g_assert_cmpint (g_chmod (dir, 0777), ==, 0);
  return dir;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) &&
          !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
write_text (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

static gboolean
replace (const char  *path,
         const char  *text,
         GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

  return tpt_safe_replace_contents (file, &bytes, 1, error);
}

static guint
count_entries (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

/* Becomes the unprivileged user, in the team's group. */
static void
drop_privileges (void)
{
  gid_t groups[] = { TEAM_GID };

  g_assert_cmpint (setgroups (1, groups), ==, 0);
  g_assert_cmpint (setgid (UNPRIVILEGED), ==, 0);
  g_assert_cmpint (setuid (UNPRIVILEGED), ==, 0);
}

static void
test_new_file (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "new.touchpoint", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  mode_t mask = umask (022);
  GStatBuf st;

  g_assert_true (replace (path, "new\n", &error));
  g_assert_no_error (error);
  umask (mask);

  text = read_text (path);
  g_assert_cmpstr (text, ==, "new\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0644);
  /* No temporary file is left behind. */
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

static void
test_keeps_mode (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "private.touchpoint", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  write_text (path, "old\n");
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  g_assert_true (replace (path, "new\n", &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_mode & 07777, ==, 0600);
  g_assert_cmpint (after.st_uid, ==, before.st_uid);
  g_assert_cmpint (after.st_gid, ==, before.st_gid);
  /* A new file took the old one's place, as a rename does. */
  g_assert_cmpint (after.st_ino, !=, before.st_ino);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "new\n");
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

static void
test_follows_symlink (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *real = g_build_filename (dir, "real.touchpoint", NULL);
  g_autofree char *link = g_build_filename (dir, "link.touchpoint", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  write_text (real, "old\n");
  g_assert_cmpint (symlink ("real.touchpoint", link), ==, 0);

  g_assert_true (replace (link, "new\n", &error));
  g_assert_no_error (error);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  text = read_text (real);
  g_assert_cmpstr (text, ==, "new\n");
  g_assert_cmpuint (count_entries (dir), ==, 2);

  remove_tree (dir);
}

static void
test_keeps_hard_links (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "a.touchpoint", NULL);
  g_autofree char *other = g_build_filename (dir, "b.touchpoint", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  write_text (path, "old and longer than the new\n");
  g_assert_cmpint (link (path, other), ==, 0);
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  g_assert_true (replace (path, "new\n", &error));
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);
  g_assert_cmpint (after.st_nlink, ==, 2);
  text = read_text (other);
  g_assert_cmpstr (text, ==, "new\n");
  g_assert_cmpuint (count_entries (dir), ==, 2);

  remove_tree (dir);
}

static void
test_folder_gone (void)
{
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "moved", "doc.touchpoint", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (replace (path, "new\n", &error));
  g_assert_error (error, TPT_ERROR, TPT_ERROR_FOLDER_GONE);
  g_assert_nonnull (strstr (error->message, "doc.touchpoint"));

  remove_tree (dir);
}

/* The cases that need the file to belong to someone else. */

static void
read_only_child (const char *path)
{
  g_autoptr(GError) error = NULL;

  drop_privileges ();
  g_assert_false (replace (path, "new\n", &error));
  g_assert_error (error, TPT_ERROR, TPT_ERROR_NOT_WRITABLE);
  g_assert_nonnull (strstr (error->message, "readonly.touchpoint"));
}

static void
test_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  if (g_test_subprocess ())
    {
      read_only_child (g_getenv ("TPT_TEST_PATH"));
      return;
    }
  if (geteuid () != 0)
    {
      g_test_skip ("needs root to act as another user");
      return;
    }

  /* A 0444 file in a folder anyone may write: replacing it by a rename
   * would work, and must not happen. */
  dir = make_dir ();
  path = g_build_filename (dir, "readonly.touchpoint", NULL);
  write_text (path, "old\n");
  g_assert_cmpint (chown (path, UNPRIVILEGED, UNPRIVILEGED), ==, 0);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  g_setenv ("TPT_TEST_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  text = read_text (path);
  g_assert_cmpstr (text, ==, "old\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0444);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

static void
team_file_child (const char *path)
{
  g_autoptr(GError) error = NULL;

  drop_privileges ();
  g_assert_true (replace (path, "teammate's version\n", &error));
  g_assert_no_error (error);
}

static void
test_team_file (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  GStatBuf st;

  if (g_test_subprocess ())
    {
      team_file_child (g_getenv ("TPT_TEST_PATH"));
      return;
    }
  if (geteuid () != 0)
    {
      g_test_skip ("needs root to act as another user");
      return;
    }

  /* root:users 0664, saved by a member of users: a new file would be the
   * teammate's, and the team would lose write access. */
  dir = make_dir ();
  path = g_build_filename (dir, "team.touchpoint", NULL);
  write_text (path, "old\n");
  g_assert_cmpint (chown (path, 0, TEAM_GID), ==, 0);
  g_assert_cmpint (g_chmod (path, 0664), ==, 0);

  g_setenv ("TPT_TEST_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  text = read_text (path);
  g_assert_cmpstr (text, ==, "teammate's version\n");
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_uid, ==, 0);
  g_assert_cmpint (st.st_gid, ==, TEAM_GID);
  g_assert_cmpint (st.st_mode & 07777, ==, 0664);
  g_assert_cmpuint (count_entries (dir), ==, 1);

  remove_tree (dir);
}

static void
own_group_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  GStatBuf before, after;

  drop_privileges ();
  g_assert_cmpint (g_stat (path, &before), ==, 0);
  g_assert_true (replace (path, "new\n", &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  /* The user's own file, in a group they are in: a rename keeps both. */
  g_assert_cmpint (after.st_ino, !=, before.st_ino);
  g_assert_cmpint (after.st_uid, ==, UNPRIVILEGED);
  g_assert_cmpint (after.st_gid, ==, TEAM_GID);
  g_assert_cmpint (after.st_mode & 07777, ==, 0640);
}

static void
test_own_file_team_group (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      own_group_child (g_getenv ("TPT_TEST_PATH"));
      return;
    }
  if (geteuid () != 0)
    {
      g_test_skip ("needs root to act as another user");
      return;
    }

  dir = make_dir ();
  path = g_build_filename (dir, "mine.touchpoint", NULL);
  write_text (path, "old\n");
  g_assert_cmpint (chown (path, UNPRIVILEGED, TEAM_GID), ==, 0);
  g_assert_cmpint (g_chmod (path, 0640), ==, 0);

  g_setenv ("TPT_TEST_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  remove_tree (dir);
}

static void
locked_folder_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  drop_privileges ();
  g_assert_true (replace (path, "new\n", &error));
  g_assert_no_error (error);
  text = read_text (path);
  g_assert_cmpstr (text, ==, "new\n");
}

static void
test_locked_folder (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *sub = NULL;
  g_autofree char *path = NULL;

  if (g_test_subprocess ())
    {
      locked_folder_child (g_getenv ("TPT_TEST_PATH"));
      return;
    }
  if (geteuid () != 0)
    {
      g_test_skip ("needs root to act as another user");
      return;
    }

  /* A file the user may write in a folder they may not: written in place. */
  dir = make_dir ();
  sub = g_build_filename (dir, "locked", NULL);
  g_assert_cmpint (g_mkdir (sub, 0755), ==, 0);
  path = g_build_filename (sub, "shared.touchpoint", NULL);
  write_text (path, "old\n");
  g_assert_cmpint (g_chmod (path, 0666), ==, 0);

  g_setenv ("TPT_TEST_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_cmpuint (count_entries (sub), ==, 1);

  remove_tree (dir);
}

/* The document's save goes the same way, and says why it can't. */
static void
document_read_only_child (const char *path)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  drop_privileges ();
  g_assert_false (tpt_document_save_file (document, file, &error));
  g_assert_error (error, TPT_ERROR, TPT_ERROR_NOT_WRITABLE);
}

static void
test_document_read_only (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  if (g_test_subprocess ())
    {
      document_read_only_child (g_getenv ("TPT_TEST_PATH"));
      return;
    }
  if (geteuid () != 0)
    {
      g_test_skip ("needs root to act as another user");
      return;
    }

  dir = make_dir ();
  path = g_build_filename (dir, "readonly.touchpoint", NULL);
  write_text (path, "old\n");
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);

  g_setenv ("TPT_TEST_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  text = read_text (path);
  g_assert_cmpstr (text, ==, "old\n");

  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/format/safe-replace/new-file", test_new_file);
  g_test_add_func ("/tpt/format/safe-replace/keeps-mode", test_keeps_mode);
  g_test_add_func ("/tpt/format/safe-replace/follows-symlink", test_follows_symlink);
  g_test_add_func ("/tpt/format/safe-replace/keeps-hard-links", test_keeps_hard_links);
  g_test_add_func ("/tpt/format/safe-replace/folder-gone", test_folder_gone);
  g_test_add_func ("/tpt/format/safe-replace/read-only", test_read_only);
  g_test_add_func ("/tpt/format/safe-replace/team-file", test_team_file);
  g_test_add_func ("/tpt/format/safe-replace/own-file-team-group", test_own_file_team_group);
  g_test_add_func ("/tpt/format/safe-replace/locked-folder", test_locked_folder);
  g_test_add_func ("/tpt/format/safe-replace/document-read-only", test_document_read_only);

  return g_test_run ();
}
