/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-canvas.h"

G_BEGIN_DECLS

#define TPT_TYPE_PAGES (tpt_pages_get_type ())

G_DECLARE_FINAL_TYPE (TptPages, tpt_pages, TPT, PAGES, GtkWidget)

GtkWidget       *tpt_pages_new               (void);
void             tpt_pages_set_document      (TptPages        *self,
                                              TptDocument     *document);
void             tpt_pages_set_selection     (TptPages        *self,
                                              TptSelection    *selection);
void             tpt_pages_show              (TptPages        *self,
                                              TptArtefactKind  kind,
                                              TptBlueprint    *blueprint);
TptArtefactKind  tpt_pages_get_visible_kind  (TptPages        *self);
TptCanvas       *tpt_pages_get_visible_page  (TptPages        *self);
TptCanvas       *tpt_pages_get_page          (TptPages        *self,
                                              TptArtefactKind  kind);
TptBlueprint    *tpt_pages_get_blueprint     (TptPages        *self);
const char      *tpt_pages_get_title         (TptPages        *self);
void             tpt_pages_frame_slide       (TptPages        *self,
                                              TptSlide        *slide);

G_END_DECLS
