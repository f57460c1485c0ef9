/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-blueprint-layout.h"
#include "tpt-canvas.h"

G_BEGIN_DECLS

#define TPT_TYPE_BLUEPRINT_PAGE (tpt_blueprint_page_get_type ())

G_DECLARE_FINAL_TYPE (TptBlueprintPage, tpt_blueprint_page, TPT, BLUEPRINT_PAGE, TptCanvas)

GtkWidget          *tpt_blueprint_page_new                 (void);
TptBlueprint       *tpt_blueprint_page_get_blueprint       (TptBlueprintPage *self);
void                tpt_blueprint_page_set_blueprint       (TptBlueprintPage *self,
                                                            TptBlueprint     *blueprint);
TptBlueprintLayout *tpt_blueprint_page_get_layout          (TptBlueprintPage *self);
void                tpt_blueprint_page_set_stage_collapsed (TptBlueprintPage *self,
                                                            TptStage         *stage,
                                                            gboolean          collapsed);
gboolean            tpt_blueprint_page_get_stage_collapsed (TptBlueprintPage *self,
                                                            TptStage         *stage);
gboolean            tpt_blueprint_page_get_cursor          (TptBlueprintPage *self,
                                                            guint            *lane,
                                                            guint            *step);
GPtrArray          *tpt_blueprint_page_get_cards           (TptBlueprintPage *self);
gboolean            tpt_blueprint_page_link_at             (TptBlueprintPage *self,
                                                            TptNode          *node,
                                                            double            x,
                                                            double            y);

G_END_DECLS
