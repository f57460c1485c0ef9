/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Persona photos are PNG or JPEG images stored in the document. These checks
 * read only the image's header, so that nothing hands a hostile image to a
 * decoder: the magic must match the declared MIME type and the header must
 * give a size of at most TPT_MAX_PHOTO_PIXELS. */

/**
 * TptPhotoProblem:
 * @TPT_PHOTO_OK: the header is fine
 * @TPT_PHOTO_NOT_AN_IMAGE: neither a PNG nor a JPEG
 * @TPT_PHOTO_DAMAGED: PNG or JPEG magic, but the header is truncated or
 *   inconsistent
 * @TPT_PHOTO_WRONG_TYPE: the image is not of the declared MIME type
 * @TPT_PHOTO_UNKNOWN_TYPE: the declared MIME type is neither image/png nor
 *   image/jpeg
 * @TPT_PHOTO_TOO_MANY_PIXELS: the header gives more than
 *   TPT_MAX_PHOTO_PIXELS pixels
 *
 * What tpt_photo_inspect() found.
 */
typedef enum
{
  TPT_PHOTO_OK,
  TPT_PHOTO_NOT_AN_IMAGE,
  TPT_PHOTO_DAMAGED,
  TPT_PHOTO_WRONG_TYPE,
  TPT_PHOTO_UNKNOWN_TYPE,
  TPT_PHOTO_TOO_MANY_PIXELS,
} TptPhotoProblem;

#define TPT_PHOTO_TYPE_PNG  "image/png"
#define TPT_PHOTO_TYPE_JPEG "image/jpeg"

const char      *tpt_photo_sniff_type (const guint8  *data,
                                       gsize          size);
TptPhotoProblem  tpt_photo_inspect    (const guint8  *data,
                                       gsize          size,
                                       const char    *mime_type,
                                       const char   **actual_type,
                                       guint32       *width,
                                       guint32       *height);
gboolean         tpt_photo_is_complete (const guint8 *data,
                                        gsize         size);
gboolean         tpt_photo_check      (GBytes        *photo,
                                       const char    *mime_type,
                                       GError       **error);

G_END_DECLS
