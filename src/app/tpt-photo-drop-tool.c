/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-photo-drop-tool"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-photo-drop-tool.h"

#include "tpt-gallery-page-private.h"

/* Files dropped on a persona's card are its photo: the card they are over
 * is marked, and the drop checks and embeds the image in one step, or
 * says why not. A Touchpoint document dropped here is opened, as
 * anywhere else in the window. */

struct _TptPhotoDropTool
{
  TptTool parent_instance;
};

G_DEFINE_FINAL_TYPE (TptPhotoDropTool, tpt_photo_drop_tool, TPT_TYPE_TOOL)

static TptGalleryPage *
page_of (TptPhotoDropTool *self)
{
  return TPT_GALLERY_PAGE (tpt_tool_get_canvas (TPT_TOOL (self)));
}

static gboolean
is_document (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".touchpoint");
}

static void
set_drop (TptGalleryPage *page,
          int             over)
{
  if (over != page->photo_drop)
    {
      page->photo_drop = over;
      gtk_widget_queue_draw (GTK_WIDGET (page));
    }
}

static GdkDragAction
motion_cb (GtkDropTarget    *target,
           double            wx,
           double            wy,
           TptPhotoDropTool *self)
{
  TptGalleryPage *page = page_of (self);
  guint index;
  double x, y;

  tpt_canvas_to_content (TPT_CANVAS (page), wx, wy, &x, &y);
  set_drop (page, tpt_gallery_page_persona_at (page, x, y, &index) ? (int) index : -1);
  return GDK_ACTION_COPY;
}

static void
leave_cb (GtkDropTarget    *target,
          TptPhotoDropTool *self)
{
  set_drop (page_of (self), -1);
}

static gboolean
accept_cb (GtkDropTarget    *target,
           GdkDrop          *drop,
           TptPhotoDropTool *self)
{
  return tpt_canvas_get_document (TPT_CANVAS (page_of (self))) != NULL &&
         gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), GDK_TYPE_FILE_LIST);
}

static gboolean
drop_cb (GtkDropTarget    *target,
         const GValue     *value,
         double            wx,
         double            wy,
         TptPhotoDropTool *self)
{
  TptGalleryPage *page = page_of (self);
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GError) error = NULL;
  double x, y;

  set_drop (page, -1);
  if (files == NULL)
    return FALSE;

  if (is_document (files->data))
    {
      GApplication *application = g_application_get_default ();
      GFile *file = files->data;

      if (application != NULL)
        g_application_open (application, &file, 1, "");
      return TRUE;
    }

  tpt_canvas_to_content (TPT_CANVAS (page), wx, wy, &x, &y);
  if (!tpt_gallery_page_drop_photo (page, files->data, x, y, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not use this photo: %s"),
                                                  error->message);

      tpt_canvas_toast (TPT_CANVAS (page), message, FALSE);
      return FALSE;
    }
  return TRUE;
}

/* The card a photo would go to, and its avatar, dashed. */
static void
tpt_photo_drop_tool_draw (TptTool *tool,
                          cairo_t *cr,
                          double   px)
{
  TptGalleryPage *page = page_of (TPT_PHOTO_DROP_TOOL (tool));
  const TptPersonaPart *card = tpt_gallery_page_find_part (page, page->photo_drop,
                                                           TPT_PERSONA_FIELD_CARD);
  const TptPersonaPart *avatar = tpt_gallery_page_find_part (page, page->photo_drop,
                                                             TPT_PERSONA_FIELD_AVATAR);
  static const double dash[] = { 6, 4 };
  GdkRGBA accent;

  if (page->photo_drop < 0 || card == NULL)
    return;

  tpt_canvas_get_accent (TPT_CANVAS (page), &accent);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.12);
  cairo_rectangle (cr, card->rect.x, card->rect.y, card->rect.width, card->rect.height);
  cairo_fill (cr);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_dash (cr, dash, 2, 0);
  tpt_gallery_page_outline_rect (cr, &card->rect, 3 * px, 2.5 * px);
  if (avatar != NULL)
    {
      cairo_new_path (cr);
      cairo_arc (cr, avatar->rect.x + avatar->rect.width / 2,
                 avatar->rect.y + avatar->rect.height / 2, avatar->rect.width / 2 + 3 * px,
                 0, 2 * G_PI);
      cairo_set_line_width (cr, 2.5 * px);
      cairo_stroke (cr);
    }
}

static GtkEventController *
tpt_photo_drop_tool_create_controller (TptTool *tool)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (target, "accept", G_CALLBACK (accept_cb), tool, 0);
  g_signal_connect_object (target, "motion", G_CALLBACK (motion_cb), tool, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (leave_cb), tool, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), tool, 0);
  return GTK_EVENT_CONTROLLER (target);
}

static void
tpt_photo_drop_tool_class_init (TptPhotoDropToolClass *klass)
{
  TPT_TOOL_CLASS (klass)->create_controller = tpt_photo_drop_tool_create_controller;
  TPT_TOOL_CLASS (klass)->draw = tpt_photo_drop_tool_draw;
}

static void
tpt_photo_drop_tool_init (TptPhotoDropTool *self)
{
}

TptTool *
tpt_photo_drop_tool_new (void)
{
  return g_object_new (TPT_TYPE_PHOTO_DROP_TOOL, NULL);
}
