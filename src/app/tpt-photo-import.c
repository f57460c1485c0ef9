/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-photo-import"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-photo-import.h"

#include "tpt-format.h"
#include "tpt-photo.h"

/* Decodes the whole image: one whose header is sound but whose data is
 * cut short or damaged is refused here, not found blank later. */
static GdkPixbuf *
decode_whole (GBytes      *bytes,
              const char  *type,
              GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  GdkPixbuf *pixbuf;

  loader = gdk_pixbuf_loader_new_with_type (g_strcmp0 (type, TPT_PHOTO_TYPE_JPEG) == 0 ?
                                            "jpeg" : "png", &local_error);
  if (loader != NULL &&
      gdk_pixbuf_loader_write_bytes (loader, bytes, &local_error) &&
      gdk_pixbuf_loader_close (loader, &local_error) &&
      (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) != NULL)
    return g_object_ref (pixbuf);

  if (loader != NULL)
    gdk_pixbuf_loader_close (loader, NULL);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("The image is damaged or incomplete (%s)."),
               local_error != NULL ? local_error->message : _("no picture in it"));
  return NULL;
}

/* Larger photos are worth nothing in a persona card and make documents
 * slow to open: they are scaled so the longest side is MAX_SIDE. */
static GBytes *
scale_down (GBytes      *bytes,
            GdkPixbuf   *pixbuf,
            const char **type)
{
  g_autoptr(GdkPixbuf) oriented = NULL;
  g_autoptr(GdkPixbuf) scaled = NULL;
  g_autofree char *buffer = NULL;
  gsize size = 0;
  gboolean alpha;
  double scale;
  int width, height;

  if (MAX (gdk_pixbuf_get_width (pixbuf), gdk_pixbuf_get_height (pixbuf)) <=
      TPT_PHOTO_IMPORT_MAX_SIDE)
    return g_bytes_ref (bytes);

  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  width = gdk_pixbuf_get_width (oriented);
  height = gdk_pixbuf_get_height (oriented);
  scale = (double) TPT_PHOTO_IMPORT_MAX_SIDE / MAX (width, height);
  scaled = gdk_pixbuf_scale_simple (oriented, MAX (1, (int) (width * scale)),
                                    MAX (1, (int) (height * scale)), GDK_INTERP_BILINEAR);
  if (scaled == NULL)
    return g_bytes_ref (bytes);

  alpha = gdk_pixbuf_get_has_alpha (scaled);
  if (!gdk_pixbuf_save_to_buffer (scaled, &buffer, &size, alpha ? "png" : "jpeg", NULL,
                                  alpha ? NULL : "quality", alpha ? NULL : "88", NULL))
    return g_bytes_ref (bytes);

  *type = alpha ? TPT_PHOTO_TYPE_PNG : TPT_PHOTO_TYPE_JPEG;
  return g_bytes_new_take (g_steal_pointer (&buffer), size);
}

/* The pixels of every photo of @document but @persona's, from their
 * headers. */
static guint64
other_photo_pixels (TptDocument *document,
                    TptPersona  *persona)
{
  GListModel *personas = tpt_document_get_personas (document);
  guint64 total = 0;

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(TptPersona) other = g_list_model_get_item (personas, i);
      GBytes *photo = tpt_persona_get_photo (other);
      guint32 width = 0, height = 0;
      gsize size;
      const guint8 *data;

      if (other == persona || photo == NULL)
        continue;
      data = g_bytes_get_data (photo, &size);
      if (tpt_photo_inspect (data, size, NULL, NULL, &width, &height) == TPT_PHOTO_OK)
        total += (guint64) width * height;
    }

  return total;
}

/**
 * tpt_photo_import_file:
 * @document: the document
 * @persona: a persona of @document
 * @file: an image file
 * @error: return location for a #GError
 *
 * Embeds @file as the persona's photo, scaled down when it is large, as one
 * undo step. A file that is not a sound PNG or JPEG, or is too large, is
 * refused with a message and changes nothing: only the header is read
 * before the checks pass, so no hostile image reaches a decoder; then the
 * whole image is decoded, so a damaged or cut-short one is refused too.
 *
 * Returns: whether the photo was set
 */
gboolean
tpt_photo_import_file (TptDocument  *document,
                       TptPersona   *persona,
                       GFile        *file,
                       GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) embedded = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  guint32 width = 0, height = 0;
  const char *type;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (TPT_IS_PERSONA (persona), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_size (info) > 4 * TPT_MAX_PHOTO_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The image is too large. Choose one under %d MB."),
                   4 * TPT_MAX_PHOTO_BYTES / (1024 * 1024));
      return FALSE;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return FALSE;

  type = tpt_photo_sniff_type (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (type == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("This file is not a PNG or JPEG image."));
      return FALSE;
    }
  if (!tpt_photo_check (bytes, type, error))
    return FALSE;

  if (!tpt_photo_is_complete (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The image is damaged or incomplete: part of the file is missing."));
      return FALSE;
    }
  pixbuf = decode_whole (bytes, type, error);
  if (pixbuf == NULL)
    return FALSE;

  embedded = scale_down (bytes, pixbuf, &type);
  tpt_photo_inspect (g_bytes_get_data (embedded, NULL), g_bytes_get_size (embedded), type,
                     NULL, &width, &height);
  if (other_photo_pixels (document, persona) + (guint64) width * height >
      TPT_MAX_TOTAL_PHOTO_PIXELS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The document’s photos would have more than %d million pixels together. "
                     "Make some of them smaller first."),
                   TPT_MAX_TOTAL_PHOTO_PIXELS / 1000000);
      return FALSE;
    }
  if (g_bytes_get_size (embedded) > TPT_MAX_PHOTO_BYTES)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The image is too large. Choose one under %d MB."),
                   TPT_MAX_PHOTO_BYTES / (1024 * 1024));
      return FALSE;
    }

  tpt_document_begin (document, _("Change Photo"));
  tpt_persona_set_photo (persona, embedded, type);
  tpt_document_end (document);

  return TRUE;
}

/**
 * tpt_photo_import_remove:
 * @document: the document
 * @persona: a persona of @document with a photo
 *
 * Removes the persona's photo, as one undo step; the card shows initials.
 */
void
tpt_photo_import_remove (TptDocument *document,
                         TptPersona  *persona)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));
  g_return_if_fail (TPT_IS_PERSONA (persona));

  if (tpt_persona_get_photo (persona) == NULL)
    return;
  tpt_document_begin (document, _("Remove Photo"));
  tpt_persona_set_photo (persona, NULL, NULL);
  tpt_document_end (document);
}

typedef struct
{
  GtkWidget   *parent;
  TptDocument *document;
  TptPersona  *persona;
  GCallback    done;
  gpointer     user_data;
} Choice;

static void
choice_free (Choice *choice)
{
  g_clear_object (&choice->parent);
  g_clear_object (&choice->document);
  g_clear_object (&choice->persona);
  g_free (choice);
}

static void
chosen_cb (GtkNativeDialog *chooser,
           int              response,
           Choice          *choice)
{
  if (response == GTK_RESPONSE_ACCEPT && tpt_node_is_attached (TPT_NODE (choice->persona)))
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GError) error = NULL;

      if (!tpt_photo_import_file (choice->document, choice->persona, file, &error))
        {
          g_autofree char *message = g_strdup_printf (_("Could not use this photo: %s"),
                                                      error->message);
          /* Told through the window's toasts, never by calling it. */
          gtk_widget_activate_action (choice->parent, "win.toast", "(sb)", message, FALSE);
        }
      else if (choice->done != NULL)
        ((void (*) (gpointer)) choice->done) (choice->user_data);
    }

  choice_free (choice);
  g_object_unref (chooser);
}

/**
 * tpt_photo_import_choose:
 * @parent: the widget asking, whose window the chooser is modal to
 * @document: the document
 * @persona: a persona of @document
 * @done: (nullable): called with @user_data once a photo is set
 * @user_data: for @done
 *
 * Lets the user choose a PNG or JPEG image and embeds it as
 * tpt_photo_import_file() does; a refused file shows a toast saying why.
 */
void
tpt_photo_import_choose (GtkWidget   *parent,
                         TptDocument *document,
                         TptPersona  *persona,
                         GCallback    done,
                         gpointer     user_data)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkFileChooserNative *chooser;
  Choice *choice;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (TPT_IS_PERSONA (persona));

  gtk_file_filter_set_name (filter, _("PNG and JPEG Images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/jpeg");

  chooser = gtk_file_chooser_native_new (_("Choose a Photo"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  choice = g_new0 (Choice, 1);
  choice->parent = g_object_ref (parent);
  choice->document = g_object_ref (document);
  choice->persona = g_object_ref (persona);
  choice->done = done;
  choice->user_data = user_data;
  g_signal_connect (chooser, "response", G_CALLBACK (chosen_cb), choice);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
