/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-canvas.h"
#include "tpt-persona-renderer.h"

G_BEGIN_DECLS

#define TPT_TYPE_GALLERY_PAGE (tpt_gallery_page_get_type ())

G_DECLARE_FINAL_TYPE (TptGalleryPage, tpt_gallery_page, TPT, GALLERY_PAGE, TptCanvas)

GtkWidget  *tpt_gallery_page_new          (void);
TptPersona *tpt_gallery_page_get_selected (TptGalleryPage  *self);
gboolean    tpt_gallery_page_persona_at   (TptGalleryPage  *self,
                                           double           x,
                                           double           y,
                                           guint           *index);
void        tpt_gallery_page_edit         (TptGalleryPage  *self,
                                           TptPersonaField  field);
gboolean    tpt_gallery_page_drop_photo   (TptGalleryPage  *self,
                                           GFile           *file,
                                           double           x,
                                           double           y,
                                           GError         **error);

G_END_DECLS
