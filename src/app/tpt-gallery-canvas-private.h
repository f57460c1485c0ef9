/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-gallery-canvas.h"

G_BEGIN_DECLS

/* Shared between the gallery canvas's files: gestures, selection and
 * drawing (tpt-gallery-canvas.c), edits, the field editor and actions
 * (tpt-gallery-canvas-edit.c). */

struct _TptGalleryCanvas
{
  GObject             parent_instance;

  TptArtefactView    *view;        /* unowned: the view owns us */
  TptDocument        *document;
  GArray             *parts;       /* TptPersonaPart, NULL unless shown */
  GSimpleActionGroup *actions;
  PangoContext       *context;     /* for the dragged card; made on the first drag */
  TptPersona         *selected;
  int                 hover;       /* a card's index, or −1 */
  int                 photo_drop;  /* the card a file is over, or −1 */

  /* A press on a card, and the drag it may become. */
  gboolean            pressed;
  gboolean            dragging;
  guint               drag_index;
  double              press_x, press_y;
  double              drag_x, drag_y;
  guint               drop_index;

  /* The field editor: a popover pointing at the field. */
  GtkWidget          *editor;
  GtkWidget          *editor_title;
  GtkWidget          *editor_text;
  TptPersona         *editing;
  TptPersonaField     editing_field;
  gboolean            editor_cancelled;
};

enum {
  TPT_GALLERY_SELECTION_CHANGED,
  TPT_GALLERY_N_SIGNALS
};

extern guint tpt_gallery_signals[TPT_GALLERY_N_SIGNALS];

guint                 tpt_gallery_n_personas      (TptGalleryCanvas *self);
int                   tpt_gallery_index_of        (TptGalleryCanvas *self,
                                                   TptPersona       *persona);
const TptPersonaPart *tpt_gallery_find_part       (TptGalleryCanvas *self,
                                                   guint             persona,
                                                   TptPersonaField   field);
void                  tpt_gallery_set_selected    (TptGalleryCanvas *self,
                                                   TptPersona       *persona,
                                                   gboolean          notify);
void                  tpt_gallery_select_index    (TptGalleryCanvas *self,
                                                   int               index);

void                  tpt_gallery_show_toast      (TptGalleryCanvas *self,
                                                   const char       *message,
                                                   gboolean          undoable);
void                  tpt_gallery_add_persona     (TptGalleryCanvas *self,
                                                   guint             position);
void                  tpt_gallery_delete_selected (TptGalleryCanvas *self);
void                  tpt_gallery_move_selected   (TptGalleryCanvas *self,
                                                   int               to);
void                  tpt_gallery_close_editor    (TptGalleryCanvas *self);
void                  tpt_gallery_place_editor    (TptGalleryCanvas *self);
void                  tpt_gallery_add_actions     (TptGalleryCanvas *self);
void                  tpt_gallery_update_actions  (TptGalleryCanvas *self);
void                  tpt_gallery_popup_menu      (TptGalleryCanvas *self,
                                                   double            x,
                                                   double            y);

G_END_DECLS
