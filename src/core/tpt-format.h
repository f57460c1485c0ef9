/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tpt-document.h"

G_BEGIN_DECLS

/* The .touchpoint file format (DESIGN.md, "File format contract";
 * data/touchpoint.rng is its schema).
 *
 * Loading is strict and safe: any error gives a #TPT_ERROR whose message is
 * a sentence for a designer and whose line, if it is about one, comes from
 * tpt_error_get_line() (tpt-error.h). No DTD, entity, XInclude or network
 * access is ever processed; the caps below bound the work. A loaded document
 * has a clean history.
 *
 * Serialising is canonical: the same document always gives the same bytes,
 * and a file written by tpt_document_serialize() loads and writes back byte
 * for byte. Saving is atomic and marks the history saved only on success.
 *
 * The caps: a file of at most TPT_MAX_FILE_SIZE bytes, elements nested at
 * most TPT_MAX_DEPTH deep (the format itself needs 5), at most
 * TPT_MAX_ELEMENTS elements, photos of at most TPT_MAX_PHOTO_BYTES bytes
 * whose header gives at most TPT_MAX_PHOTO_PIXELS pixels (tpt-photo.h), and
 * TPT_MAX_TOTAL_PHOTO_PIXELS for all the photos of a document together:
 * each is decoded to be drawn, and a small file of flat 40-megapixel PNGs
 * would otherwise take gigabytes. */

#define TPT_FORMAT_VERSION        1
#define TPT_MAX_FILE_SIZE         (64 * 1024 * 1024)
#define TPT_MAX_DEPTH             32
#define TPT_MAX_ELEMENTS          2000000
#define TPT_MAX_PHOTO_BYTES       (8 * 1024 * 1024)
#define TPT_MAX_PHOTO_PIXELS      (40 * 1000 * 1000)
#define TPT_MAX_TOTAL_PHOTO_PIXELS (200 * 1000 * 1000)

TptDocument *tpt_document_load_bytes (GBytes        *bytes,
                                      GError       **error);
TptDocument *tpt_document_load_file  (GFile         *file,
                                      GCancellable  *cancellable,
                                      GError       **error);
void         tpt_document_load_file_async  (GFile               *file,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
TptDocument *tpt_document_load_file_finish (GAsyncResult        *result,
                                            GError             **error);
GBytes      *tpt_document_serialize  (TptDocument   *self);
gboolean     tpt_document_save_file  (TptDocument   *self,
                                      GFile         *file,
                                      GError       **error);

void         tpt_document_save_async (TptDocument         *self,
                                      GFile               *file,
                                      const char          *expected_etag,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data);
gboolean     tpt_document_save_finish (TptDocument        *self,
                                       GAsyncResult       *result,
                                       char              **etag,
                                       GError            **error);

void         tpt_document_clean_stale_saves (GFile  *file);

/* Also in tpt-error.h, with tpt_error_set_line(). */
int          tpt_error_get_line      (const GError  *error);

G_END_DECLS
