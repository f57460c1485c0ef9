/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-gallery-page.h"

G_BEGIN_DECLS

/* Shared between the gallery page's files: selection, presses and drawing
 * (tpt-gallery-page.c), edits, the field editor, actions and keys
 * (tpt-gallery-page-edit.c), and its tools (tpt-persona-move-tool.c,
 * tpt-photo-drop-tool.c). */

struct _TptGalleryPage
{
  TptCanvas           parent_instance;

  /* owned */
  GArray             *parts;       /* TptPersonaPart: where each card and field is */
  TptPersona         *selected;    /* the window selection's persona, if any */
  TptPersona         *editing;

  /* borrowed: the canvas's */
  TptDocument        *document;

  int                 hover;       /* a card's index, or −1 */
  int                 photo_drop;  /* the card a file is over, or −1 */
  int                 lifted;      /* the card being dragged, or −1 */
  TptPersonaField     editing_field;
};

guint                 tpt_gallery_page_n_personas     (TptGalleryPage   *self);
int                   tpt_gallery_page_index_of       (TptGalleryPage   *self,
                                                       TptPersona       *persona);
TptPersona           *tpt_gallery_page_dup_persona    (TptGalleryPage   *self,
                                                       guint             index);
const TptPersonaPart *tpt_gallery_page_find_part      (TptGalleryPage   *self,
                                                       guint             persona,
                                                       TptPersonaField   field);
const TptPersonaPart *tpt_gallery_page_part_at        (TptGalleryPage   *self,
                                                       double            x,
                                                       double            y);
guint                 tpt_gallery_page_columns        (TptGalleryPage   *self);
void                  tpt_gallery_page_select         (TptGalleryPage   *self,
                                                       TptPersona       *persona);
void                  tpt_gallery_page_select_index   (TptGalleryPage   *self,
                                                       int               index);
void                  tpt_gallery_page_outline_rect   (cairo_t          *cr,
                                                       const TptRect    *r,
                                                       double            grow,
                                                       double            width);

void                  tpt_gallery_page_add_persona    (TptGalleryPage   *self,
                                                       guint             position);
void                  tpt_gallery_page_delete_selected (TptGalleryPage  *self);
void                  tpt_gallery_page_move_selected  (TptGalleryPage   *self,
                                                       int               to);
void                  tpt_gallery_page_class_add_actions (GtkWidgetClass *widget_class);
void                  tpt_gallery_page_update_actions (TptGalleryPage   *self);
void                  tpt_gallery_page_popup_menu     (TptGalleryPage   *self,
                                                       double            x,
                                                       double            y);
void                  tpt_gallery_page_choose_photo   (TptGalleryPage   *self);

G_END_DECLS
