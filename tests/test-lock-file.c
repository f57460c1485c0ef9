/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-lock-file"

#include "config.h"

#include <glib/gstdio.h>
#include <unistd.h>

#include "tpt-lock-file.h"

/* The lock beside an open document: taken by the first Touchpoint, seen by
 * the second (another process here, or a lock from another machine),
 * taken over when stale, and removed only by its holder. */

static char *dir;

static GFile *
document_file (void)
{
  g_autofree char *path = g_build_filename (dir, "Q&A <draft>.touchpoint", NULL);

  return g_file_new_for_path (path);
}

static char *
lock_path (void)
{
  return g_build_filename (dir, ".~lock.Q&A <draft>.touchpoint#", NULL);
}

static void
write_lock (const char *host,
            gint64      pid,
            GDateTime  *time)
{
  g_autofree char *path = lock_path ();
  g_autofree char *stamp = g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *line = g_strdup_printf ("Dana Ortiz\\, Claims,dana,%s,%" G_GINT64_FORMAT
                                           ",%s,boot;\n", host, pid, stamp);

  g_assert_true (g_file_set_contents (path, line, -1, NULL));
}

static void
test_acquire_and_release (void)
{
  g_autoptr(GFile) document = document_file ();
  g_autoptr(TptLockFile) lock = tpt_lock_file_new (document);
  g_autofree char *path = lock_path ();
  g_autoptr(TptLockOwner) owner = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (tpt_lock_file_acquire (lock));
  g_assert_true (tpt_lock_file_is_held (lock));
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  owner = tpt_lock_file_read_owner (file);
  g_assert_nonnull (owner);
  g_assert_cmpint (owner->pid, ==, getpid ());
  g_assert_cmpstr (owner->host, ==, g_get_host_name ());
  g_assert_cmpstr (owner->login, ==, g_get_user_name ());
  g_assert_nonnull (owner->time);
  g_assert_false (tpt_lock_owner_is_stale (owner));
  g_assert_true (tpt_lock_file_renew (lock));

  tpt_lock_file_release (lock);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* A second process sees the first one's lock and leaves it alone. */
static void
test_other_process (void)
{
  g_autoptr(GFile) document = document_file ();
  g_autoptr(TptLockFile) lock = tpt_lock_file_new (document);
  g_autofree char *path = lock_path ();

  if (g_test_subprocess ())
    {
      g_autoptr(TptLockFile) second = tpt_lock_file_new (document);
      const TptLockOwner *other;

      g_assert_false (tpt_lock_file_acquire (second));
      g_assert_false (tpt_lock_file_is_held (second));
      other = tpt_lock_file_get_other (second);
      g_assert_nonnull (other);
      g_assert_cmpint (other->pid, ==, getppid ());
      g_assert_cmpstr (other->host, ==, g_get_host_name ());
      /* Giving up a lock one doesn't hold leaves it be. */
      tpt_lock_file_release (second);
      g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
      return;
    }

  g_assert_true (tpt_lock_file_acquire (lock));
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  tpt_lock_file_release (lock);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Left by a crash here: the process is gone, so the lock is stale. */
static void
test_stale_here (void)
{
  g_autoptr(GFile) document = document_file ();
  g_autoptr(TptLockFile) lock = tpt_lock_file_new (document);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GSubprocess) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = lock_path ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(TptLockOwner) owner = NULL;
  gint64 pid;

  gone = g_subprocess_new (G_SUBPROCESS_FLAGS_NONE, &error, "true", NULL);
  g_assert_no_error (error);
  pid = g_ascii_strtoll (g_subprocess_get_identifier (gone), NULL, 10);
  g_assert_true (g_subprocess_wait (gone, NULL, &error));

  write_lock (g_get_host_name (), pid, now);
  g_assert_true (tpt_lock_file_acquire (lock));
  owner = tpt_lock_file_read_owner (file);
  g_assert_cmpint (owner->pid, ==, getpid ());
  tpt_lock_file_release (lock);
}

/* Another machine's lock: fresh, it is respected; unrenewed for hours, it
 * is stale. */
static void
test_other_host (void)
{
  g_autoptr(GFile) document = document_file ();
  g_autoptr(TptLockFile) lock = tpt_lock_file_new (document);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) old = g_date_time_add_hours (now, -3);
  g_autofree char *path = lock_path ();
  const TptLockOwner *other;

  write_lock ("laptop-elsewhere", 4242, now);
  g_assert_false (tpt_lock_file_acquire (lock));
  other = tpt_lock_file_get_other (lock);
  g_assert_cmpstr (other->host, ==, "laptop-elsewhere");
  g_assert_cmpstr (other->name, ==, "Dana Ortiz, Claims");
  g_assert_cmpstr (other->login, ==, "dana");
  g_assert_cmpint (other->pid, ==, 4242);
  tpt_lock_file_release (lock);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  write_lock ("laptop-elsewhere", 4242, old);
  g_assert_true (tpt_lock_file_acquire (lock));
  g_assert_null (tpt_lock_file_get_other (lock));
  tpt_lock_file_release (lock);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Where no lock can be written, the document has none. */
static void
test_unwritable_folder (void)
{
  g_autoptr(GFile) document = g_file_new_for_path ("/proc/no-such-folder/doc.touchpoint");
  g_autoptr(TptLockFile) lock = tpt_lock_file_new (document);

  g_assert_true (tpt_lock_file_acquire (lock));
  g_assert_false (tpt_lock_file_is_held (lock));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* A subprocess works in its parent's folder. */
  if (g_getenv ("TPT_TEST_LOCK_DIR") != NULL)
    dir = g_strdup (g_getenv ("TPT_TEST_LOCK_DIR"));
  else
    dir = g_dir_make_tmp ("test-lock-file-XXXXXX", NULL);
  g_assert_nonnull (dir);
  g_setenv ("TPT_TEST_LOCK_DIR", dir, TRUE);

  g_test_add_func ("/tpt/format/lock/acquire-and-release", test_acquire_and_release);
  g_test_add_func ("/tpt/format/lock/other-process", test_other_process);
  g_test_add_func ("/tpt/format/lock/stale-here", test_stale_here);
  g_test_add_func ("/tpt/format/lock/other-host", test_other_host);
  g_test_add_func ("/tpt/format/lock/unwritable-folder", test_unwritable_folder);

  status = g_test_run ();
  g_rmdir (dir);
  g_free (dir);
  return status;
}
