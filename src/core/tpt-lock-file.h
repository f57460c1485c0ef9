/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define TPT_TYPE_LOCK_FILE (tpt_lock_file_get_type ())

G_DECLARE_FINAL_TYPE (TptLockFile, tpt_lock_file, TPT, LOCK_FILE, GObject)

/**
 * TptLockOwner:
 * @name: the user's full name, or their login name
 * @login: their login name
 * @host: the machine's name
 * @pid: the process
 * @time: (nullable): when the lock was taken or last renewed
 *
 * Who holds a document's lock file.
 */
typedef struct
{
  char      *name;
  char      *login;
  char      *host;
  gint64     pid;
  GDateTime *time;
} TptLockOwner;

void          tpt_lock_owner_free        (TptLockOwner *owner);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptLockOwner, tpt_lock_owner_free)

/* A lock nobody renewed for this long is left over from a crash. */
#define TPT_LOCK_STALE_SECONDS (60 * 60)
/* How often a lock held is renewed. */
#define TPT_LOCK_RENEW_SECONDS (10 * 60)

TptLockFile        *tpt_lock_file_new          (GFile        *document);
GFile              *tpt_lock_file_get_file     (TptLockFile  *self);
gboolean            tpt_lock_file_acquire      (TptLockFile  *self);
gboolean            tpt_lock_file_is_held      (TptLockFile  *self);
const TptLockOwner *tpt_lock_file_get_other    (TptLockFile  *self);
void                tpt_lock_file_release      (TptLockFile  *self);
gboolean            tpt_lock_file_renew        (TptLockFile  *self);

TptLockOwner       *tpt_lock_file_read_owner   (GFile        *lock);
gboolean            tpt_lock_owner_is_stale    (const TptLockOwner *owner);

G_END_DECLS
