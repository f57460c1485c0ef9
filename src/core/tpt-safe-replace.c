/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-safe-replace"

#include "config.h"

#include "tpt-safe-replace.h"

#include "tpt-error.h"
#include "tpt-temp-file.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* The temporary file beside the target is hidden and named so that one
 * left by a crash is recognised and cleaned up (see
 * tpt_document_clean_stale_saves()): “.NAME.tpt-save-XXXXXX”. */
#define SAVE_INFIX ".tpt-save-"
/* How many symbolic links in a row are followed before giving up. */
#define MAX_LINKS 40
/* Writes smaller than this are gathered, so that a file written in many
 * small pieces takes few system calls. */
#define PENDING_SIZE (256 * 1024)

struct _TptSafeReplace
{
  /* owned */
  GFile      *target;
  char       *path;        /* the real file, links followed; NULL if not local */
  char       *display;     /* the name the user knows, for messages */
  char       *temp_path;
  GByteArray *buffer;      /* what is written, for a file that is not local */
  GByteArray *pending;     /* small writes, gathered into big ones */
  GStatBuf    old;         /* the file replaced, when @exists */

  int         fd;          /* the temporary file */
  guint       exists : 1;
  guint       in_place : 1;
  guint       committed : 1;
};

/* Follows symbolic links to the file they name, even one that does not
 * exist yet (a link to where the file is to be created). */
static char *
resolve_target (const char *path)
{
  g_autofree char *current = NULL;
  char *real = realpath (path, NULL);

  if (real != NULL)
    return real;

  current = g_strdup (path);
  for (guint i = 0; i < MAX_LINKS; i++)
    {
      g_autofree char *link = NULL;
      g_autofree char *dir = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0 || !S_ISLNK (st.st_mode))
        break;
      link = g_file_read_link (current, NULL);
      if (link == NULL)
        break;
      if (g_path_is_absolute (link))
        {
          g_free (current);
          current = g_steal_pointer (&link);
          continue;
        }
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_build_filename (dir, link, NULL);
    }

  return g_steal_pointer (&current);
}

static void
set_errno_error (GError     **error,
                 int          saved_errno,
                 const char  *display)
{
  int code;

  switch (saved_errno)
    {
    case EACCES:
    case EPERM:
    case EROFS:
      code = TPT_ERROR_NOT_WRITABLE;
      break;
    case ENOENT:
      code = TPT_ERROR_FOLDER_GONE;
      break;
    default:
      code = TPT_ERROR_IO;
      break;
    }

  if (code == TPT_ERROR_NOT_WRITABLE)
    g_set_error (error, TPT_ERROR, code,
                 _("You don’t have permission to change “%s”: it is read-only for you"),
                 display);
  else if (code == TPT_ERROR_FOLDER_GONE)
    g_set_error (error, TPT_ERROR, code,
                 _("The folder for “%s” is not there; it may have been moved or deleted"),
                 display);
  else
    g_set_error (error, TPT_ERROR, code, "%s", g_strerror (saved_errno));
}

static gboolean
write_all (int          fd,
           const void  *data,
           gsize        size,
           int         *saved_errno)
{
  const char *p = data;

  while (size > 0)
    {
      gssize n = write (fd, p, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          *saved_errno = errno;
          return FALSE;
        }
      if (n == 0)
        {
          *saved_errno = ENOSPC;
          return FALSE;
        }
      p += n;
      size -= (gsize) n;
    }

  return TRUE;
}

static int
fsync_retry (int fd)
{
  int res;

  do
    res = fsync (fd);
  while (res != 0 && errno == EINTR);

  return res;
}

/* A rename is only durable once the folder holding it is. Some file
 * systems can't flush a folder; that is no reason to fail the save. */
static void
fsync_folder (const char *dir)
{
  int fd = open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

  if (fd < 0)
    return;
  if (fsync_retry (fd) != 0 && errno != EINVAL && errno != EROFS)
    g_debug ("Could not flush %s: %s", dir, g_strerror (errno));
  close (fd);
}

/* Whether the new file can take the old one's owner and group: anyone may
 * keep their own, and give a file to a group they are in, but only root
 * may give it to someone else. */
static gboolean
take_owner (int             fd,
            const GStatBuf *old)
{
  GStatBuf st;

  if (fstat (fd, &st) != 0)
    return FALSE;
  if (st.st_uid == old->st_uid && st.st_gid == old->st_gid)
    return TRUE;
  if (fchown (fd, old->st_uid, old->st_gid) != 0)
    return FALSE;
  return fstat (fd, &st) == 0 && st.st_uid == old->st_uid && st.st_gid == old->st_gid;
}

static int
make_temp (TptSafeReplace *self,
           const char     *dir)
{
  g_autofree char *base = g_path_get_basename (self->path);

  g_clear_pointer (&self->temp_path, g_free);
  self->temp_path = g_strdup_printf ("%s/.%s" SAVE_INFIX "XXXXXX", dir, base);
  /* Tracked, so that a signal ending the process removes it
   * (tpt_temp_file_remove_all()). */
  return tpt_temp_file_make (self->temp_path, O_RDWR | O_CLOEXEC, 0600);
}

/**
 * tpt_safe_replace_new:
 * @target: the file to write
 * @error: return location for a #TPT_ERROR
 *
 * Gets ready to replace @target: checks that the user may change it (or
 * create it), and opens the temporary file the new contents go to. Nothing
 * is changed until tpt_safe_replace_commit().
 *
 * Errors: %TPT_ERROR_NOT_WRITABLE when the file, or the folder of a new
 * file, is read-only for the user; %TPT_ERROR_FOLDER_GONE when the folder
 * does not exist; otherwise %TPT_ERROR_IO.
 *
 * Returns: (transfer full) (nullable): the replacement under way
 */
TptSafeReplace *
tpt_safe_replace_new (GFile   *target,
                      GError **error)
{
  g_autoptr(TptSafeReplace) self = NULL;
  g_autofree char *dir = NULL;
  const char *path;
  mode_t mode;

  g_return_val_if_fail (G_IS_FILE (target), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (TptSafeReplace, 1);
  self->fd = -1;
  self->target = g_object_ref (target);
  self->display = g_file_get_parse_name (target);

  path = g_file_peek_path (target);
  if (path == NULL)
    {
      /* Not a local file: GIO's own replace does what the backend can. */
      self->buffer = g_byte_array_new ();
      return g_steal_pointer (&self);
    }

  self->path = resolve_target (path);
  dir = g_path_get_dirname (self->path);

  if (g_stat (self->path, &self->old) == 0)
    {
      self->exists = TRUE;
      if (!S_ISREG (self->old.st_mode))
        {
          g_set_error (error, TPT_ERROR, TPT_ERROR_IO, _("“%s” is not a regular file"),
                       self->display);
          return NULL;
        }
      if (access (self->path, W_OK) != 0)
        {
          set_errno_error (error, errno, self->display);
          return NULL;
        }
      /* Replacing the file would split it from its other names. */
      self->in_place = self->old.st_nlink > 1;
    }
  else if (errno == ENOENT)
    {
      GStatBuf st;

      if (g_stat (dir, &st) != 0 || !S_ISDIR (st.st_mode))
        {
          set_errno_error (error, ENOENT, self->display);
          return NULL;
        }
      if (access (dir, W_OK) != 0)
        {
          g_autofree char *folder = g_filename_display_name (dir);

          g_set_error (error, TPT_ERROR, TPT_ERROR_NOT_WRITABLE,
                       _("You don’t have permission to create files in the folder “%s”"),
                       folder);
          return NULL;
        }
    }
  else
    {
      set_errno_error (error, errno, self->display);
      return NULL;
    }

  if (self->exists)
    mode = self->old.st_mode & 07777;
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      mode = 0666 & ~mask;
    }

  self->fd = make_temp (self, dir);
  if (self->fd < 0 && self->exists)
    {
      /* A file the user may write in a folder they may not: the new
       * contents are put together elsewhere and copied in. */
      self->in_place = TRUE;
      self->fd = make_temp (self, g_get_tmp_dir ());
    }
  if (self->fd < 0)
    {
      set_errno_error (error, errno, self->display);
      return NULL;
    }

  if (self->exists && !self->in_place && !take_owner (self->fd, &self->old))
    self->in_place = TRUE;
  /* After fchown(), which may clear the set-id bits. */
  if (!self->in_place && fchmod (self->fd, mode) != 0)
    self->in_place = self->exists;

  return g_steal_pointer (&self);
}

/**
 * tpt_safe_replace_get_temp:
 * @self: a #TptSafeReplace
 *
 * Returns: (transfer full) (nullable): the temporary file the new contents
 *   may be written to by other means (a cairo surface), or %NULL for a file
 *   that is not local
 */
GFile *
tpt_safe_replace_get_temp (TptSafeReplace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->temp_path != NULL ? g_file_new_for_path (self->temp_path) : NULL;
}

/**
 * tpt_safe_replace_get_target:
 * @self: a #TptSafeReplace
 *
 * Returns: (transfer full): the file that will be replaced, symbolic
 *   links followed
 */
GFile *
tpt_safe_replace_get_target (TptSafeReplace *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->path != NULL ? g_file_new_for_path (self->path) : g_object_ref (self->target);
}

/**
 * tpt_safe_replace_get_in_place:
 * @self: a #TptSafeReplace
 *
 * Returns: whether the commit will copy the data into the old file rather
 *   than rename the new one over it, to keep its owner, group or hard links
 */
gboolean
tpt_safe_replace_get_in_place (TptSafeReplace *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->in_place;
}

static gboolean
flush_pending (TptSafeReplace *self,
               int            *saved_errno)
{
  if (self->pending == NULL || self->pending->len == 0)
    return TRUE;
  if (!write_all (self->fd, self->pending->data, self->pending->len, saved_errno))
    return FALSE;
  g_byte_array_set_size (self->pending, 0);
  return TRUE;
}

/**
 * tpt_safe_replace_write:
 * @self: a #TptSafeReplace
 * @data: (array length=size): bytes
 * @size: how many
 * @error: return location for a #TPT_ERROR
 *
 * Appends @data to the new contents.
 *
 * Returns: %FALSE if they could not be written (a full disk)
 */
gboolean
tpt_safe_replace_write (TptSafeReplace  *self,
                        const void      *data,
                        gsize            size,
                        GError         **error)
{
  int saved_errno = 0;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (self->buffer != NULL)
    {
      g_byte_array_append (self->buffer, data, (guint) size);
      return TRUE;
    }

  if (self->pending == NULL)
    self->pending = g_byte_array_sized_new (PENDING_SIZE);
  if (size < PENDING_SIZE)
    {
      g_byte_array_append (self->pending, data, (guint) size);
      if (self->pending->len < PENDING_SIZE)
        return TRUE;
      data = NULL;
      size = 0;
    }

  if (!flush_pending (self, &saved_errno) ||
      (size > 0 && !write_all (self->fd, data, size, &saved_errno)))
    {
      g_set_error (error, TPT_ERROR, TPT_ERROR_IO, "%s", g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/* Copies the finished temporary file into the old one. Only here can a
 * crash leave a mixture, so everything that can fail before is done
 * before: the data is complete and on disk in the temporary file. */
static gboolean
copy_in_place (TptSafeReplace  *self,
               GError         **error)
{
  char buffer[64 * 1024];
  int saved_errno = 0;
  off_t total = 0;
  int out;

  out = open (self->path, O_WRONLY | O_CLOEXEC);
  if (out < 0)
    {
      set_errno_error (error, errno, self->display);
      return FALSE;
    }

  if (lseek (self->fd, 0, SEEK_SET) != 0)
    {
      saved_errno = errno;
      goto fail;
    }

  while (TRUE)
    {
      gssize n = read (self->fd, buffer, sizeof buffer);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved_errno = errno;
          goto fail;
        }
      if (n == 0)
        break;
      if (!write_all (out, buffer, (gsize) n, &saved_errno))
        goto fail;
      total += n;
    }

  if (ftruncate (out, total) != 0 || fsync_retry (out) != 0)
    {
      saved_errno = errno;
      goto fail;
    }

  if (close (out) != 0)
    {
      saved_errno = errno;
      out = -1;
      goto fail;
    }
  return TRUE;

fail:
  if (out >= 0)
    close (out);
  g_set_error (error, TPT_ERROR, TPT_ERROR_IO, "%s", g_strerror (saved_errno));
  return FALSE;
}

/**
 * tpt_safe_replace_commit:
 * @self: a #TptSafeReplace
 * @error: return location for a #TPT_ERROR
 *
 * Puts the new contents in place of the old and flushes the file and its
 * folder to disk. On failure the old file is as it was.
 *
 * Returns: %TRUE once the file holds the new contents
 */
gboolean
tpt_safe_replace_commit (TptSafeReplace  *self,
                         GError         **error)
{
  g_autofree char *dir = NULL;
  int saved_errno;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (!self->committed, FALSE);

  if (self->buffer != NULL)
    {
      g_autoptr(GError) local_error = NULL;

      if (!g_file_replace_contents (self->target, (const char *) self->buffer->data,
                                    self->buffer->len, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                    NULL, &local_error))
        {
          int code = g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ?
                     TPT_ERROR_NOT_WRITABLE : TPT_ERROR_IO;

          g_set_error (error, TPT_ERROR, code, "%s", local_error->message);
          return FALSE;
        }
      self->committed = TRUE;
      return TRUE;
    }

  if (!flush_pending (self, &saved_errno))
    {
      g_set_error (error, TPT_ERROR, TPT_ERROR_IO, "%s", g_strerror (saved_errno));
      return FALSE;
    }

  if (fsync_retry (self->fd) != 0)
    {
      g_set_error (error, TPT_ERROR, TPT_ERROR_IO, "%s", g_strerror (errno));
      return FALSE;
    }

  dir = g_path_get_dirname (self->path);

  if (self->in_place)
    {
      if (!copy_in_place (self, error))
        return FALSE;
      g_unlink (self->temp_path);
    }
  else
    {
      if (close (self->fd) != 0)
        {
          saved_errno = errno;
          self->fd = -1;
          g_set_error (error, TPT_ERROR, TPT_ERROR_IO, "%s", g_strerror (saved_errno));
          return FALSE;
        }
      self->fd = -1;
      if (g_rename (self->temp_path, self->path) != 0)
        {
          set_errno_error (error, errno, self->display);
          return FALSE;
        }
      tpt_temp_file_untrack (self->temp_path);
    }

  fsync_folder (dir);
  self->committed = TRUE;
  return TRUE;
}

/**
 * tpt_safe_replace_free:
 * @self: (nullable): a #TptSafeReplace
 *
 * Ends the replacement; if it was not committed, the temporary file goes
 * and the old file stays as it was.
 */
void
tpt_safe_replace_free (TptSafeReplace *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (self->temp_path != NULL && (!self->committed || self->in_place))
    g_unlink (self->temp_path);
  if (self->temp_path != NULL)
    tpt_temp_file_untrack (self->temp_path);

  g_clear_object (&self->target);
  g_clear_pointer (&self->buffer, g_byte_array_unref);
  g_clear_pointer (&self->pending, g_byte_array_unref);
  g_free (self->path);
  g_free (self->display);
  g_free (self->temp_path);
  g_free (self);
}

/**
 * tpt_safe_replace_contents:
 * @target: the file to write
 * @chunks: (array length=n_chunks): the new contents, in pieces
 * @n_chunks: how many
 * @error: return location for a #TPT_ERROR
 *
 * Replaces @target with the pieces of @chunks one after the other, as
 * #TptSafeReplace does.
 *
 * Returns: %TRUE once @target holds them
 */
gboolean
tpt_safe_replace_contents (GFile           *target,
                           GBytes * const  *chunks,
                           guint            n_chunks,
                           GError         **error)
{
  g_autoptr(TptSafeReplace) replace = NULL;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  replace = tpt_safe_replace_new (target, error);
  if (replace == NULL)
    return FALSE;

  for (guint i = 0; i < n_chunks; i++)
    {
      gsize size;
      const void *data = g_bytes_get_data (chunks[i], &size);

      if (size > 0 && !tpt_safe_replace_write (replace, data, size, error))
        return FALSE;
    }

  return tpt_safe_replace_commit (replace, error);
}
