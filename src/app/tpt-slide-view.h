/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tpt-presentation.h"

G_BEGIN_DECLS

#define TPT_TYPE_SLIDE_VIEW (tpt_slide_view_get_type ())

G_DECLARE_FINAL_TYPE (TptSlideView, tpt_slide_view, TPT, SLIDE_VIEW, GtkWidget)

GtkWidget *tpt_slide_view_new            (TptPresentation *presentation,
                                          int              offset);
void       tpt_slide_view_set_audience   (TptSlideView    *self,
                                          gboolean         audience);
double     tpt_slide_view_get_zoom       (TptSlideView    *self);
void       tpt_slide_view_zoom_at        (TptSlideView    *self,
                                          double           factor,
                                          double           x,
                                          double           y);
void       tpt_slide_view_reset_zoom     (TptSlideView    *self);
gboolean   tpt_slide_view_is_animating   (TptSlideView    *self);
int        tpt_slide_view_get_shown      (TptSlideView    *self);
gboolean   tpt_slide_view_get_highlight  (TptSlideView    *self);

G_END_DECLS
