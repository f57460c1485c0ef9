/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-lock-file"

#include "config.h"

#include "tpt-lock-file.h"

#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

/* A lock file beside an open document, as LibreOffice leaves one: for
 * “Plan.touchpoint”, “.~lock.Plan.touchpoint#”, holding one line of
 * comma-separated fields (backslash escapes a comma, a semicolon or a
 * backslash in them), ended by a semicolon:
 *
 *   Full Name,login,host,pid,2026-01-31T09:30:00Z,boot-id;
 *
 * It tells another Touchpoint, on this machine or another one sharing the
 * folder, who has the document open. A lock is stale, and taken over, when
 * it was written on this machine by a process that no longer runs (or in
 * an earlier boot), or when nobody renewed it for an hour: the holder
 * renews it every ten minutes. Where no lock can be written (a read-only
 * folder) the document simply has none. */

struct _TptLockFile
{
  GObject       parent_instance;

  /* owned */
  GFile        *document;
  GFile        *lock;
  TptLockOwner *other;

  guint         renew_id;
  guint         held : 1;
};

G_DEFINE_FINAL_TYPE (TptLockFile, tpt_lock_file, G_TYPE_OBJECT)

void
tpt_lock_owner_free (TptLockOwner *owner)
{
  if (owner == NULL)
    return;

  g_free (owner->name);
  g_free (owner->login);
  g_free (owner->host);
  g_clear_pointer (&owner->time, g_date_time_unref);
  g_free (owner);
}

static char *
dup_boot_id (void)
{
  char *boot = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot, NULL, NULL))
    return g_strdup ("");
  return g_strstrip (boot);
}

static void
append_field (GString    *line,
              const char *value)
{
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == ',' || *p == ';' || *p == '\\')
        g_string_append_c (line, '\\');
      /* One line, whatever a name holds. */
      g_string_append_c (line, *p == '\n' || *p == '\r' ? ' ' : *p);
    }
}

static char *
our_line (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *time = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *pid = g_strdup_printf ("%d", (int) getpid ());
  g_autofree char *boot = dup_boot_id ();
  const char *real_name = g_get_real_name ();

  append_field (line, real_name != NULL && g_strcmp0 (real_name, "Unknown") != 0 ?
                      real_name : g_get_user_name ());
  g_string_append_c (line, ',');
  append_field (line, g_get_user_name ());
  g_string_append_c (line, ',');
  append_field (line, g_get_host_name ());
  g_string_append_c (line, ',');
  append_field (line, pid);
  g_string_append_c (line, ',');
  append_field (line, time);
  g_string_append_c (line, ',');
  append_field (line, boot);
  g_string_append (line, ";\n");

  return g_string_free (g_steal_pointer (&line), FALSE);
}

static GPtrArray *
split_fields (const char *text,
              gsize       length)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '\\' && i + 1 < length)
        {
          g_string_append_c (field, text[++i]);
          continue;
        }
      if (c == ',' || c == ';')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
          if (c == ';')
            break;
          continue;
        }
      if (c == '\n' || c == '\r')
        break;
      g_string_append_c (field, c);
    }

  return fields;
}

/**
 * tpt_lock_file_read_owner:
 * @lock: a lock file
 *
 * Returns: (transfer full) (nullable): who holds @lock, or %NULL if there
 *   is no lock or it can't be read
 */
TptLockOwner *
tpt_lock_file_read_owner (GFile *lock)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autofree char *contents = NULL;
  TptLockOwner *owner;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (lock), NULL);

  if (!g_file_load_contents (lock, NULL, &contents, &length, NULL, NULL))
    return NULL;
  if (length > 4096)
    length = 4096;
  if (!g_utf8_validate_len (contents, length, NULL))
    return NULL;

  fields = split_fields (contents, length);
  owner = g_new0 (TptLockOwner, 1);
  owner->name = g_strdup (fields->len > 0 ? (char *) fields->pdata[0] : "");
  owner->login = g_strdup (fields->len > 1 ? (char *) fields->pdata[1] : "");
  owner->host = g_strdup (fields->len > 2 ? (char *) fields->pdata[2] : "");
  owner->pid = fields->len > 3 ? g_ascii_strtoll (fields->pdata[3], NULL, 10) : 0;
  if (fields->len > 4)
    {
      g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

      owner->time = g_date_time_new_from_iso8601 (fields->pdata[4], utc);
    }
  /* The boot is only compared, not kept. */
  if (fields->len > 5 && g_strcmp0 (owner->host, g_get_host_name ()) == 0)
    {
      g_autofree char *boot = dup_boot_id ();

      if (boot[0] != '\0' && g_strcmp0 (boot, fields->pdata[5]) != 0)
        owner->pid = -1;
    }

  return owner;
}

/**
 * tpt_lock_owner_is_stale:
 * @owner: who holds a lock
 *
 * Returns: whether the lock is left over: written on this machine by a
 *   process that is gone, or not renewed for %TPT_LOCK_STALE_SECONDS
 */
gboolean
tpt_lock_owner_is_stale (const TptLockOwner *owner)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  g_return_val_if_fail (owner != NULL, TRUE);

  if (owner->time == NULL ||
      g_date_time_difference (now, owner->time) >
      (GTimeSpan) TPT_LOCK_STALE_SECONDS * G_TIME_SPAN_SECOND)
    return TRUE;

  if (g_strcmp0 (owner->host, g_get_host_name ()) == 0)
    {
      /* Written in an earlier boot, or by a process that has ended. */
      if (owner->pid <= 0)
        return TRUE;
      if (kill ((pid_t) owner->pid, 0) != 0 && errno == ESRCH)
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_ours (const TptLockOwner *owner)
{
  return owner != NULL && owner->pid == getpid () &&
         g_strcmp0 (owner->host, g_get_host_name ()) == 0 &&
         g_strcmp0 (owner->login, g_get_user_name ()) == 0;
}

/* Writes @line to a new file at @path, failing if it exists. */
static gboolean
write_exclusive (const char *path,
                 const char *line)
{
  gsize length = strlen (line);
  gssize written;
  int fd;

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    return FALSE;

  written = write (fd, line, length);
  close (fd);
  if (written != (gssize) length)
    {
      g_unlink (path);
      return FALSE;
    }
  return TRUE;
}

/* The lock appears whole or not at all: written beside it under a name of
 * its own, then linked into place, which fails if another took the lock
 * first. Another instance starting at the same moment never reads an
 * empty lock, which it would take for a stale one. Where the file system
 * has no hard links (some network shares), the lock is created directly. */
static gboolean
create_lock (TptLockFile *self)
{
  g_autofree char *line = our_line ();
  const char *path = g_file_peek_path (self->lock);
  g_autofree char *temporary = g_strdup_printf ("%s.%d.%u", path, (int) getpid (),
                                                g_random_int ());
  gboolean linked;
  int saved_errno;

  if (!write_exclusive (temporary, line))
    return write_exclusive (path, line);

  linked = link (temporary, path) == 0;
  saved_errno = errno;
  g_unlink (temporary);
  if (linked)
    return TRUE;
  if (saved_errno == EEXIST)
    return FALSE;
  return write_exclusive (path, line);
}

static gboolean
renew_cb (gpointer user_data)
{
  tpt_lock_file_renew (user_data);
  return G_SOURCE_CONTINUE;
}

static void
tpt_lock_file_dispose (GObject *object)
{
  TptLockFile *self = TPT_LOCK_FILE (object);

  tpt_lock_file_release (self);
  g_clear_object (&self->document);
  g_clear_object (&self->lock);
  g_clear_pointer (&self->other, tpt_lock_owner_free);

  G_OBJECT_CLASS (tpt_lock_file_parent_class)->dispose (object);
}

static void
tpt_lock_file_class_init (TptLockFileClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tpt_lock_file_dispose;
}

static void
tpt_lock_file_init (TptLockFile *self)
{
}

/**
 * tpt_lock_file_new:
 * @document: a document's file
 *
 * Returns: (transfer full): the lock of @document, not acquired yet
 */
TptLockFile *
tpt_lock_file_new (GFile *document)
{
  TptLockFile *self;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (G_IS_FILE (document), NULL);

  self = g_object_new (TPT_TYPE_LOCK_FILE, NULL);
  self->document = g_object_ref (document);
  parent = g_file_get_parent (document);
  basename = g_file_get_basename (document);
  name = g_strconcat (".~lock.", basename, "#", NULL);
  self->lock = parent != NULL ? g_file_get_child (parent, name) : g_file_new_for_path (name);

  return self;
}

/**
 * tpt_lock_file_get_file:
 * @self: a #TptLockFile
 *
 * Returns: (transfer none): the lock file
 */
GFile *
tpt_lock_file_get_file (TptLockFile *self)
{
  g_return_val_if_fail (TPT_IS_LOCK_FILE (self), NULL);

  return self->lock;
}

/**
 * tpt_lock_file_acquire:
 * @self: a #TptLockFile
 *
 * Takes the lock if nobody else holds it, replacing a stale one. If
 * someone does, tpt_lock_file_get_other() says who, and the lock is left
 * to them. A lock that can't be written (a read-only or remote folder) is
 * no error: the document just has none.
 *
 * Returns: %FALSE if another Touchpoint holds the lock
 */
gboolean
tpt_lock_file_acquire (TptLockFile *self)
{
  g_return_val_if_fail (TPT_IS_LOCK_FILE (self), FALSE);

  g_clear_pointer (&self->other, tpt_lock_owner_free);
  if (self->held)
    return TRUE;
  if (g_file_peek_path (self->lock) == NULL)
    return TRUE;

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(TptLockOwner) owner = NULL;

      if (create_lock (self))
        {
          self->held = TRUE;
          self->renew_id = g_timeout_add_seconds (TPT_LOCK_RENEW_SECONDS, renew_cb, self);
          return TRUE;
        }
      if (errno != EEXIST)
        return TRUE;

      owner = tpt_lock_file_read_owner (self->lock);
      if (owner != NULL && is_ours (owner))
        {
          /* Ours, from another window of this process. */
          self->other = g_steal_pointer (&owner);
          return FALSE;
        }
      if (owner != NULL && !tpt_lock_owner_is_stale (owner))
        {
          self->other = g_steal_pointer (&owner);
          return FALSE;
        }

      g_debug ("Replacing the stale lock %s", g_file_peek_path (self->lock));
      g_unlink (g_file_peek_path (self->lock));
    }

  return TRUE;
}

/**
 * tpt_lock_file_is_held:
 * @self: a #TptLockFile
 *
 * Returns: whether this process holds the lock
 */
gboolean
tpt_lock_file_is_held (TptLockFile *self)
{
  g_return_val_if_fail (TPT_IS_LOCK_FILE (self), FALSE);

  return self->held;
}

/**
 * tpt_lock_file_get_other:
 * @self: a #TptLockFile
 *
 * Returns: (nullable) (transfer none): who held the lock when
 *   tpt_lock_file_acquire() last failed
 */
const TptLockOwner *
tpt_lock_file_get_other (TptLockFile *self)
{
  g_return_val_if_fail (TPT_IS_LOCK_FILE (self), NULL);

  return self->other;
}

/**
 * tpt_lock_file_renew:
 * @self: a #TptLockFile
 *
 * Writes the time in the lock again, so others know it is not stale;
 * gives it up if someone else took it over meanwhile.
 *
 * Returns: whether the lock is still held
 */
gboolean
tpt_lock_file_renew (TptLockFile *self)
{
  g_autoptr(TptLockOwner) owner = NULL;
  g_autofree char *line = NULL;

  g_return_val_if_fail (TPT_IS_LOCK_FILE (self), FALSE);

  if (!self->held)
    return FALSE;

  owner = tpt_lock_file_read_owner (self->lock);
  if (!is_ours (owner))
    {
      self->held = FALSE;
      g_clear_handle_id (&self->renew_id, g_source_remove);
      return FALSE;
    }

  line = our_line ();
  g_file_set_contents (g_file_peek_path (self->lock), line, -1, NULL);
  return TRUE;
}

/**
 * tpt_lock_file_release:
 * @self: a #TptLockFile
 *
 * Removes the lock, if this process holds it.
 */
void
tpt_lock_file_release (TptLockFile *self)
{
  g_autoptr(TptLockOwner) owner = NULL;

  g_return_if_fail (TPT_IS_LOCK_FILE (self));

  g_clear_handle_id (&self->renew_id, g_source_remove);
  if (!self->held)
    return;

  self->held = FALSE;
  owner = tpt_lock_file_read_owner (self->lock);
  if (is_ours (owner))
    g_unlink (g_file_peek_path (self->lock));
}
