/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TPT_ERROR (tpt_error_quark ())

/**
 * TptError:
 * @TPT_ERROR_TOO_LARGE: the file is over a size, depth, count or photo cap
 * @TPT_ERROR_MALFORMED: the XML is not well formed, or not valid UTF-8
 * @TPT_ERROR_FORBIDDEN: the file uses a DTD, entities or XInclude
 * @TPT_ERROR_NOT_TOUCHPOINT: the root is not a Touchpoint document
 * @TPT_ERROR_NEWER_FORMAT: the file was written by a newer Touchpoint
 * @TPT_ERROR_INVALID: an element, attribute or value is not allowed
 * @TPT_ERROR_DUPLICATE_ID: two items share an id
 * @TPT_ERROR_BROKEN_REFERENCE: an id points at nothing, or at the wrong thing
 * @TPT_ERROR_BAD_PHOTO: a photo is not a PNG or JPEG image
 * @TPT_ERROR_IO: reading or writing the file failed
 * @TPT_ERROR_NOT_WRITABLE: the file to save over may not be changed by the
 *   user (its permissions, or a read-only disk)
 * @TPT_ERROR_CHANGED_ON_DISK: another program changed the file since it was
 *   read or last saved, so saving would overwrite that work
 * @TPT_ERROR_FOLDER_GONE: the folder the file was in was moved or deleted
 *
 * Errors from loading, saving and checking documents.
 *
 * A #TPT_ERROR is an extended #GError: besides its message, it may carry the
 * line of the file it is about; see tpt_error_get_line(). The message never
 * includes the line, so that callers can present it as they like
 * ("FILE:LINE: message" on the command line).
 */
typedef enum
{
  TPT_ERROR_TOO_LARGE,
  TPT_ERROR_MALFORMED,
  TPT_ERROR_FORBIDDEN,
  TPT_ERROR_NOT_TOUCHPOINT,
  TPT_ERROR_NEWER_FORMAT,
  TPT_ERROR_INVALID,
  TPT_ERROR_DUPLICATE_ID,
  TPT_ERROR_BROKEN_REFERENCE,
  TPT_ERROR_BAD_PHOTO,
  TPT_ERROR_IO,
  TPT_ERROR_NOT_WRITABLE,
  TPT_ERROR_CHANGED_ON_DISK,
  TPT_ERROR_FOLDER_GONE,
} TptError;

GQuark tpt_error_quark    (void);

int    tpt_error_get_line (const GError *error);
void   tpt_error_set_line (GError       *error,
                           int           line);

G_END_DECLS
