/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-temp-file"

#include "config.h"

#include "tpt-temp-file.h"

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
