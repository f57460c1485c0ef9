/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-photo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-photo.h"

#include "tpt-error.h"
#include "tpt-format.h"

/* Only headers are read here, with every offset checked against the size,
 * because the bytes come straight from a file anyone may have written. */

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

static guint16
read_be16 (const guint8 *p)
{
  return (guint16)((p[0] << 8) | p[1]);
}

/**
 * tpt_photo_sniff_type:
 * @data: (array length=size): the image
 * @size: its length in bytes
 *
 * Returns: (nullable): "image/png" or "image/jpeg" if @data starts like
 *   one, otherwise %NULL
 */
const char *
tpt_photo_sniff_type (const guint8 *data,
                      gsize         size)
{
  g_return_val_if_fail (data != NULL || size == 0, NULL);

  if (size >= sizeof png_signature && memcmp (data, png_signature, sizeof png_signature) == 0)
    return TPT_PHOTO_TYPE_PNG;
  if (size >= 3 && data[0] == 0xff && data[1] == 0xd8 && data[2] == 0xff)
    return TPT_PHOTO_TYPE_JPEG;
  return NULL;
}

/* The first chunk of a PNG must be IHDR: width, height, bit depth, colour
 * type, compression, filter and interlace method, 13 bytes. */
static gboolean
png_size (const guint8 *data,
          gsize         size,
          guint32      *width,
          guint32      *height)
{
  static const struct { guint8 color_type; guint8 depths; } allowed[] = {
    /* Bit depths as a mask of 1, 2, 4, 8, 16. */
    { 0, 0x1f }, { 2, 0x18 }, { 3, 0x0f }, { 4, 0x18 }, { 6, 0x18 },
  };
  const guint8 *ihdr;
  guint depth_bit;
  gboolean ok = FALSE;

  if (size < 8 + 8 + 13 + 4)
    return FALSE;

  ihdr = data + 8;
  if (read_be32 (ihdr) != 13 || memcmp (ihdr + 4, "IHDR", 4) != 0)
    return FALSE;

  *width = read_be32 (ihdr + 8);
  *height = read_be32 (ihdr + 12);
  if (*width == 0 || *height == 0 || *width > G_MAXINT32 || *height > G_MAXINT32)
    return FALSE;

  switch (ihdr[16])
    {
    case 1: depth_bit = 0x01; break;
    case 2: depth_bit = 0x02; break;
    case 4: depth_bit = 0x04; break;
    case 8: depth_bit = 0x08; break;
    case 16: depth_bit = 0x10; break;
    default: return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    if (allowed[i].color_type == ihdr[17])
      ok = (allowed[i].depths & depth_bit) != 0;

  /* Compression and filter method 0, interlace 0 or 1. */
  return ok && ihdr[18] == 0 && ihdr[19] == 0 && ihdr[20] <= 1;
}

/* Walks the JPEG markers up to the first start-of-frame, which holds the
 * size. */
static gboolean
jpeg_size (const guint8 *data,
           gsize         size,
           guint32      *width,
           guint32      *height)
{
  gsize pos = 2;

  while (pos < size)
    {
      guint8 marker;
      guint16 length;

      if (data[pos] != 0xff)
        return FALSE;
      /* Any number of 0xff fill bytes may precede a marker. */
      while (pos < size && data[pos] == 0xff)
        pos++;
      if (pos >= size)
        return FALSE;
      marker = data[pos++];

      /* Markers without a segment. */
      if (marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        continue;
      /* Another start of image, the end of the image or the scan data
       * before any frame header: there is no size to find. */
      if (marker == 0x00 || marker == 0xd8 || marker == 0xd9 || marker == 0xda)
        return FALSE;

      if (pos + 2 > size)
        return FALSE;
      length = read_be16 (data + pos);
      if (length < 2 || pos + length > size)
        return FALSE;

      /* SOF0 to SOF15, except DHT (c4), JPG (c8) and DAC (cc). */
      if (marker >= 0xc0 && marker <= 0xcf &&
          marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (length < 8)
            return FALSE;
          *height = read_be16 (data + pos + 3);
          *width = read_be16 (data + pos + 5);
          /* A height of 0 is legal (it comes later, in a DNL segment), but
           * then the size cannot be checked up front, so it is refused. */
          return *width > 0 && *height > 0;
        }

      pos += length;
    }

  return FALSE;
}

/**
 * tpt_photo_inspect:
 * @data: (array length=size): the image
 * @size: its length in bytes
 * @mime_type: (nullable): the type it is said to have, or %NULL to accept
 *   either
 * @actual_type: (out) (optional) (nullable): the type the magic says
 * @width: (out) (optional): the width in pixels, from the header
 * @height: (out) (optional): the height in pixels, from the header
 *
 * Checks the header of a photo without decoding it.
 *
 * Returns: what is wrong with it, or %TPT_PHOTO_OK
 */
TptPhotoProblem
tpt_photo_inspect (const guint8  *data,
                   gsize          size,
                   const char    *mime_type,
                   const char   **actual_type,
                   guint32       *width,
                   guint32       *height)
{
  const char *type;
  guint32 w = 0;
  guint32 h = 0;
  gboolean ok;

  g_return_val_if_fail (data != NULL || size == 0, TPT_PHOTO_NOT_AN_IMAGE);

  type = tpt_photo_sniff_type (data, size);
  if (actual_type != NULL)
    *actual_type = type;

  if (mime_type != NULL &&
      g_strcmp0 (mime_type, TPT_PHOTO_TYPE_PNG) != 0 &&
      g_strcmp0 (mime_type, TPT_PHOTO_TYPE_JPEG) != 0)
    return TPT_PHOTO_UNKNOWN_TYPE;
  if (type == NULL)
    return TPT_PHOTO_NOT_AN_IMAGE;
  if (mime_type != NULL && g_strcmp0 (mime_type, type) != 0)
    return TPT_PHOTO_WRONG_TYPE;

  if (strcmp (type, TPT_PHOTO_TYPE_PNG) == 0)
    ok = png_size (data, size, &w, &h);
  else
    ok = jpeg_size (data, size, &w, &h);
  if (!ok)
    return TPT_PHOTO_DAMAGED;

  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;

  if ((guint64)w * (guint64)h > TPT_MAX_PHOTO_PIXELS)
    return TPT_PHOTO_TOO_MANY_PIXELS;

  return TPT_PHOTO_OK;
}

/* The CRC of PNG chunks (ISO 3309), as the PNG specification gives it. */
static guint32
png_crc (const guint8 *data,
         gsize         size)
{
  static guint32 table[256];
  static gsize ready = 0;
  guint32 crc = 0xffffffffu;

  if (g_once_init_enter (&ready))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&ready, 1);
    }

  for (gsize i = 0; i < size; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

/* Every chunk whole, with its checksum right, up to IEND. */
static gboolean
png_complete (const guint8 *data,
              gsize         size)
{
  gsize pos = 8;
  gboolean seen_data = FALSE;

  while (pos + 12 <= size)
    {
      guint32 length = read_be32 (data + pos);
      const guint8 *type = data + pos + 4;

      if (length > size - pos - 12)
        return FALSE;
      if (png_crc (type, (gsize) length + 4) != read_be32 (data + pos + 8 + length))
        return FALSE;
      seen_data |= memcmp (type, "IDAT", 4) == 0;
      if (memcmp (type, "IEND", 4) == 0)
        return seen_data;
      pos += (gsize) length + 12;
    }

  return FALSE;
}

/* The entropy-coded data after the first scan ends in an end-of-image
 * marker: a file cut short has none. */
static gboolean
jpeg_complete (const guint8 *data,
               gsize         size)
{
  gboolean in_scan = FALSE;

  for (gsize i = 2; i + 1 < size; i++)
    {
      if (data[i] != 0xff)
        continue;
      if (data[i + 1] == 0xda)
        in_scan = TRUE;
      else if (data[i + 1] == 0xd9 && in_scan)
        return TRUE;
    }

  return FALSE;
}

/**
 * tpt_photo_is_complete:
 * @data: (array length=size): a PNG or JPEG image whose header
 *   tpt_photo_inspect() found sound
 * @size: its length in bytes
 *
 * Checks that the whole image is there, without decoding it: every chunk
 * of a PNG whole and with its checksum right, up to its end chunk; a JPEG
 * scan ended by its end-of-image marker. An image cut short by a failed
 * copy has a sound header and decodes to a blank.
 *
 * Returns: %TRUE if nothing is missing
 */
gboolean
tpt_photo_is_complete (const guint8 *data,
                       gsize         size)
{
  const char *type = tpt_photo_sniff_type (data, size);

  if (g_strcmp0 (type, TPT_PHOTO_TYPE_PNG) == 0)
    return png_complete (data, size);
  if (g_strcmp0 (type, TPT_PHOTO_TYPE_JPEG) == 0)
    return jpeg_complete (data, size);
  return FALSE;
}

/**
 * tpt_photo_check:
 * @photo: the image
 * @mime_type: (nullable): the type it is said to have, or %NULL for either
 * @error: return location for a #TPT_ERROR
 *
 * Checks that @photo can be a persona's photo: at most
 * TPT_MAX_PHOTO_BYTES long, a PNG or JPEG of the declared type, with a
 * header that gives at most TPT_MAX_PHOTO_PIXELS pixels. Nothing is decoded.
 *
 * Returns: %TRUE if it can
 */
gboolean
tpt_photo_check (GBytes      *photo,
                 const char  *mime_type,
                 GError     **error)
{
  const guint8 *data;
  gsize size;
  const char *actual = NULL;
  guint32 width = 0;
  guint32 height = 0;

  g_return_val_if_fail (photo != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  data = g_bytes_get_data (photo, &size);
  if (size > TPT_MAX_PHOTO_BYTES)
    {
      g_set_error (error, TPT_ERROR, TPT_ERROR_TOO_LARGE,
                   _("The photo is larger than %d MB"), TPT_MAX_PHOTO_BYTES / (1024 * 1024));
      return FALSE;
    }

  switch (tpt_photo_inspect (data, size, mime_type, &actual, &width, &height))
    {
    case TPT_PHOTO_OK:
      return TRUE;

    case TPT_PHOTO_NOT_AN_IMAGE:
      g_set_error_literal (error, TPT_ERROR, TPT_ERROR_BAD_PHOTO,
                           _("The photo is not a PNG or JPEG image"));
      return FALSE;

    case TPT_PHOTO_DAMAGED:
      g_set_error_literal (error, TPT_ERROR, TPT_ERROR_BAD_PHOTO,
                           _("The photo is damaged: its image header cannot be read"));
      return FALSE;

    case TPT_PHOTO_WRONG_TYPE:
      g_set_error (error, TPT_ERROR, TPT_ERROR_BAD_PHOTO,
                   _("The photo is marked as “%s” but is a %s image"),
                   mime_type, g_strcmp0 (actual, TPT_PHOTO_TYPE_PNG) == 0 ? "PNG" : "JPEG");
      return FALSE;

    case TPT_PHOTO_UNKNOWN_TYPE:
      g_set_error (error, TPT_ERROR, TPT_ERROR_BAD_PHOTO,
                   _("The photo type “%s” is not supported; use image/png or image/jpeg"),
                   mime_type);
      return FALSE;

    case TPT_PHOTO_TOO_MANY_PIXELS:
      g_set_error (error, TPT_ERROR, TPT_ERROR_BAD_PHOTO,
                   _("The photo is %u × %u pixels; photos may have at most %d million pixels"),
                   width, height, TPT_MAX_PHOTO_PIXELS / 1000000);
      return FALSE;

    default:
      g_assert_not_reached ();
    }
}
