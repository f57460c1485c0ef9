/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "tpt-artefact-view.h"
#include "tpt-blueprint-layout.h"
#include "tpt-document.h"

G_BEGIN_DECLS

#define TPT_TYPE_BLUEPRINT_CANVAS (tpt_blueprint_canvas_get_type ())

G_DECLARE_FINAL_TYPE (TptBlueprintCanvas, tpt_blueprint_canvas, TPT, BLUEPRINT_CANVAS, GObject)

TptBlueprintCanvas *tpt_blueprint_canvas_new          (TptArtefactView    *view);
void                tpt_blueprint_canvas_set_layout   (TptBlueprintCanvas *self,
                                                       TptDocument        *document,
                                                       TptBlueprintLayout *layout);
void                tpt_blueprint_canvas_draw         (TptBlueprintCanvas *self,
                                                       cairo_t            *cr,
                                                       double              zoom);
void                tpt_blueprint_canvas_allocate     (TptBlueprintCanvas *self);
void                tpt_blueprint_canvas_snapshot_children (TptBlueprintCanvas *self,
                                                            GtkSnapshot        *snapshot);
void                tpt_blueprint_canvas_shutdown     (TptBlueprintCanvas *self);

GPtrArray          *tpt_blueprint_canvas_get_selection (TptBlueprintCanvas *self);
TptNode            *tpt_blueprint_canvas_get_selected_node (TptBlueprintCanvas *self);
void                tpt_blueprint_canvas_select_node  (TptBlueprintCanvas *self,
                                                       TptNode            *node);
void                tpt_blueprint_canvas_select_cards (TptBlueprintCanvas *self,
                                                       TptCard * const    *cards,
                                                       guint               n_cards);
gboolean            tpt_blueprint_canvas_get_cursor   (TptBlueprintCanvas *self,
                                                       guint              *lane,
                                                       guint              *step);
gboolean            tpt_blueprint_canvas_is_editing   (TptBlueprintCanvas *self);
GtkWidget          *tpt_blueprint_canvas_get_editor   (TptBlueprintCanvas *self);

/* Gestures, as the view's input turns into them, and as tests drive them:
 * points are in layout coordinates. */
void                tpt_blueprint_canvas_click        (TptBlueprintCanvas *self,
                                                       double              x,
                                                       double              y,
                                                       int                 n_press,
                                                       GdkModifierType     state);
void                tpt_blueprint_canvas_drag_begin   (TptBlueprintCanvas *self,
                                                       double              x,
                                                       double              y,
                                                       GdkModifierType     state);
void                tpt_blueprint_canvas_drag_update  (TptBlueprintCanvas *self,
                                                       double              x,
                                                       double              y);
void                tpt_blueprint_canvas_drag_end     (TptBlueprintCanvas *self,
                                                       double              x,
                                                       double              y);
gboolean            tpt_blueprint_canvas_key          (TptBlueprintCanvas *self,
                                                       guint               keyval,
                                                       GdkModifierType     state);
gboolean            tpt_blueprint_canvas_link_at      (TptBlueprintCanvas *self,
                                                       TptNode            *node,
                                                       double              x,
                                                       double              y);

G_END_DECLS
