/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "tpt-artefact-view.h"
#include "tpt-document.h"
#include "tpt-persona-renderer.h"

G_BEGIN_DECLS

#define TPT_TYPE_GALLERY_CANVAS (tpt_gallery_canvas_get_type ())

G_DECLARE_FINAL_TYPE (TptGalleryCanvas, tpt_gallery_canvas, TPT, GALLERY_CANVAS, GObject)

TptGalleryCanvas *tpt_gallery_canvas_new          (TptArtefactView  *view);
void              tpt_gallery_canvas_set_parts    (TptGalleryCanvas *self,
                                                   TptDocument      *document,
                                                   GArray           *parts);
void              tpt_gallery_canvas_draw         (TptGalleryCanvas *self,
                                                   cairo_t          *cr,
                                                   double            zoom);
void              tpt_gallery_canvas_allocate     (TptGalleryCanvas *self);
void              tpt_gallery_canvas_shutdown     (TptGalleryCanvas *self);

TptPersona       *tpt_gallery_canvas_get_selected (TptGalleryCanvas *self);
void              tpt_gallery_canvas_select       (TptGalleryCanvas *self,
                                                   TptPersona       *persona);
gboolean          tpt_gallery_canvas_persona_at   (TptGalleryCanvas *self,
                                                   double            x,
                                                   double            y,
                                                   guint            *index);

/* Gestures, as the view's input turns into them and as tests drive them:
 * points are in the gallery's coordinates. */
void              tpt_gallery_canvas_click        (TptGalleryCanvas *self,
                                                   double            x,
                                                   double            y,
                                                   int               n_press);
void              tpt_gallery_canvas_drag_begin   (TptGalleryCanvas *self,
                                                   double            x,
                                                   double            y);
void              tpt_gallery_canvas_drag_update  (TptGalleryCanvas *self,
                                                   double            x,
                                                   double            y);
void              tpt_gallery_canvas_drag_end     (TptGalleryCanvas *self,
                                                   double            x,
                                                   double            y);
gboolean          tpt_gallery_canvas_key          (TptGalleryCanvas *self,
                                                   guint             keyval,
                                                   GdkModifierType   state);
gboolean          tpt_gallery_canvas_drop_photo   (TptGalleryCanvas *self,
                                                   GFile            *file,
                                                   double            x,
                                                   double            y,
                                                   GError          **error);

void              tpt_gallery_canvas_edit         (TptGalleryCanvas *self,
                                                   TptPersonaField   field);
GtkWidget        *tpt_gallery_canvas_get_editor   (TptGalleryCanvas *self);

G_END_DECLS
