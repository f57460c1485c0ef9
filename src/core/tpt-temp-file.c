/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-temp-file"

#include "config.h"

#include "tpt-temp-file.h"

#include <glib/gstdio.h>
#include <pthread.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

/* The temporary files that saves and exports are writing, so that a
 * signal that ends the process (Ctrl+C, SIGTERM, SIGHUP) can remove them
 * before it does: a few fixed slots that a signal handler reads without
 * locks or allocation, filled in before a slot is marked in use and
 * marked free before it is cleared. */

#define N_SLOTS  16
#define PATH_MAX_LEN 4096

typedef struct
{
  volatile sig_atomic_t in_use;
  char                  path[PATH_MAX_LEN];
} Slot;

static Slot slots[N_SLOTS];
static GMutex lock;

/**
 * tpt_temp_file_track:
 * @path: a temporary file just created
 *
 * Remembers @path for tpt_temp_file_remove_all() until
 * tpt_temp_file_untrack(). A path too long to keep, or one more than the
 * slots hold, is not tracked: it is then only removed by the code that
 * made it.
 */
void
tpt_temp_file_track (const char *path)
{
  g_return_if_fail (path != NULL);

  if (strlen (path) >= PATH_MAX_LEN)
    return;

  g_mutex_lock (&lock);
  for (guint i = 0; i < N_SLOTS; i++)
    if (!slots[i].in_use)
      {
        strcpy (slots[i].path, path);
        slots[i].in_use = 1;
        break;
      }
  g_mutex_unlock (&lock);
}

/**
 * tpt_temp_file_untrack:
 * @path: a path given to tpt_temp_file_track()
 *
 * Forgets @path: it has been renamed into place or removed.
 */
void
tpt_temp_file_untrack (const char *path)
{
  g_return_if_fail (path != NULL);

  g_mutex_lock (&lock);
  for (guint i = 0; i < N_SLOTS; i++)
    if (slots[i].in_use && strcmp (slots[i].path, path) == 0)
      {
        slots[i].in_use = 0;
        break;
      }
  g_mutex_unlock (&lock);
}

/**
 * tpt_temp_file_remove_all:
 *
 * Removes every tracked temporary file. Only async-signal-safe calls are
 * made, so a signal handler may call it.
 */
void
tpt_temp_file_remove_all (void)
{
  for (guint i = 0; i < N_SLOTS; i++)
    if (slots[i].in_use)
      {
        unlink (slots[i].path);
        slots[i].in_use = 0;
      }
}

/**
 * tpt_temp_file_make:
 * @tmpl: a path ending in XXXXXX, changed to the file made
 * @flags: flags for open(), as g_mkstemp_full() takes them
 * @mode: the file's permissions
 *
 * Makes a temporary file with g_mkstemp_full() and tracks it, with the
 * signals that end a process held off meanwhile, so that no signal can
 * come between the file appearing and its being tracked.
 *
 * Returns: the file descriptor, or -1 with errno set
 */
int
tpt_temp_file_make (char *tmpl,
                    int   flags,
                    int   mode)
{
  sigset_t block, old;
  int fd, saved;

  g_return_val_if_fail (tmpl != NULL, -1);

  sigemptyset (&block);
  sigaddset (&block, SIGINT);
  sigaddset (&block, SIGTERM);
  sigaddset (&block, SIGHUP);
  pthread_sigmask (SIG_BLOCK, &block, &old);
  fd = g_mkstemp_full (tmpl, flags, mode);
  saved = errno;
  if (fd >= 0)
    tpt_temp_file_track (tmpl);
  pthread_sigmask (SIG_SETMASK, &old, NULL);
  errno = saved;
  return fd;
}
