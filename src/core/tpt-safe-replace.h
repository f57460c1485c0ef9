/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * TptSafeReplace:
 *
 * Replaces a file as a careful editor does: the new contents go to a
 * temporary file first, which takes the old file's place only when it is
 * complete and on disk. The old file's owner, group and mode are kept;
 * where they can't be (another user's file in a team folder) or the file
 * has hard links, the finished data is copied into the old file in place,
 * as g_file_replace() does, so the file keeps its owner and its links. A
 * symbolic link is followed, so the link stays a link. A file the user may
 * not change is refused before anything is written. The file and its
 * folder are flushed to disk before success is reported.
 *
 * Every step may run in a worker thread.
 */
typedef struct _TptSafeReplace TptSafeReplace;

TptSafeReplace *tpt_safe_replace_new          (GFile           *target,
                                               GError         **error);
GFile          *tpt_safe_replace_get_temp     (TptSafeReplace  *self);
GFile          *tpt_safe_replace_get_target   (TptSafeReplace  *self);
gboolean        tpt_safe_replace_write        (TptSafeReplace  *self,
                                               const void      *data,
                                               gsize            size,
                                               GError         **error);
gboolean        tpt_safe_replace_commit       (TptSafeReplace  *self,
                                               GError         **error);
gboolean        tpt_safe_replace_get_in_place (TptSafeReplace  *self);
void            tpt_safe_replace_free         (TptSafeReplace  *self);

gboolean        tpt_safe_replace_contents     (GFile           *target,
                                               GBytes * const  *chunks,
                                               guint            n_chunks,
                                               GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptSafeReplace, tpt_safe_replace_free)

G_END_DECLS
