/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "tpt-artefact.h"
#include "tpt-document.h"
#include "tpt-geometry.h"

G_BEGIN_DECLS

#define TPT_ARTEFACT_VIEW_MIN_ZOOM 0.05
#define TPT_ARTEFACT_VIEW_MAX_ZOOM 8.0

#define TPT_TYPE_ARTEFACT_VIEW (tpt_artefact_view_get_type ())

G_DECLARE_FINAL_TYPE (TptArtefactView, tpt_artefact_view, TPT, ARTEFACT_VIEW, GtkWidget)

GtkWidget    *tpt_artefact_view_new          (void);
void          tpt_artefact_view_set_document (TptArtefactView *self,
                                              TptDocument     *document);
void          tpt_artefact_view_show_node    (TptArtefactView *self,
                                              TptNode         *node);
void          tpt_artefact_view_show         (TptArtefactView *self,
                                              TptArtefactKind  artefact,
                                              TptBlueprint    *blueprint);
TptArtefactKind tpt_artefact_view_get_artefact (TptArtefactView *self);
TptBlueprint *tpt_artefact_view_get_blueprint (TptArtefactView *self);
double        tpt_artefact_view_get_zoom     (TptArtefactView *self);
void          tpt_artefact_view_set_zoom     (TptArtefactView *self,
                                              double           zoom);
void          tpt_artefact_view_zoom_in      (TptArtefactView *self);
void          tpt_artefact_view_zoom_out     (TptArtefactView *self);
void          tpt_artefact_view_zoom_to_fit  (TptArtefactView *self);
void          tpt_artefact_view_get_content_size (TptArtefactView *self,
                                                  double          *width,
                                                  double          *height);

void          tpt_artefact_view_widget_to_content (TptArtefactView *self,
                                                   double           x,
                                                   double           y,
                                                   double          *content_x,
                                                   double          *content_y);
void          tpt_artefact_view_content_to_widget (TptArtefactView *self,
                                                   double           x,
                                                   double           y,
                                                   double          *widget_x,
                                                   double          *widget_y);
void          tpt_artefact_view_scroll_to    (TptArtefactView *self,
                                              const TptRect   *rect);
void          tpt_artefact_view_zoom_to_rect (TptArtefactView *self,
                                              const TptRect   *rect);
gboolean      tpt_artefact_view_is_panning   (TptArtefactView *self);
void          tpt_artefact_view_popup_menu   (TptArtefactView *self,
                                              GMenuModel      *model,
                                              double           x,
                                              double           y);
void          tpt_artefact_view_close_menu   (TptArtefactView *self);
void          tpt_artefact_view_drag_point   (TptArtefactView *self,
                                              GtkGestureDrag  *gesture,
                                              double           dx,
                                              double           dy,
                                              double          *x,
                                              double          *y);
void          tpt_artefact_view_get_accent   (TptArtefactView *self,
                                              GdkRGBA         *color);
void          tpt_artefact_view_set_stage_collapsed (TptArtefactView *self,
                                                     TptStage        *stage,
                                                     gboolean         collapsed);
gboolean      tpt_artefact_view_get_stage_collapsed (TptArtefactView *self,
                                                     TptStage        *stage);
struct _TptBlueprintCanvas *
              tpt_artefact_view_get_canvas   (TptArtefactView *self);
struct _TptMatrixCanvas *
              tpt_artefact_view_get_matrix_canvas (TptArtefactView *self);
struct _TptGalleryCanvas *
              tpt_artefact_view_get_gallery_canvas (TptArtefactView *self);
struct _TptRegionCapture *
              tpt_artefact_view_get_region_capture (TptArtefactView *self);
gboolean      tpt_artefact_view_activate_link_at (TptArtefactView *self,
                                                  double           x,
                                                  double           y);

G_END_DECLS
