/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-blueprint-layout.h"

G_BEGIN_DECLS

/* The measures of a blueprint drawing, in points. Cards sit CELL_PAD in
 * from their column's edges and LANE_PAD in from their lane's, so a free
 * gutter of 2 × CELL_PAD runs between columns and one of 2 × LANE_PAD
 * between lanes; the flow router draws through those gutters. */
#define TPT_LAYOUT_MARGIN      28.0
#define TPT_LAYOUT_OFFICE_W    22.0
#define TPT_LAYOUT_OFFICE_GAP  6.0
#define TPT_LAYOUT_HEADER_W    136.0
#define TPT_LAYOUT_COLUMN_W    176.0
#define TPT_LAYOUT_CELL_PAD    9.0
#define TPT_LAYOUT_LANE_PAD    10.0
#define TPT_LAYOUT_CARD_GAP    8.0
#define TPT_LAYOUT_CARD_PAD    7.0
#define TPT_LAYOUT_STRIPE      4.0
#define TPT_LAYOUT_BADGE       15.0
#define TPT_LAYOUT_MIN_CARD_H  34.0
#define TPT_LAYOUT_MIN_LANE_H  64.0
#define TPT_LAYOUT_EMOTION_H   112.0
#define TPT_LAYOUT_CORNER      5.0

void   tpt_blueprint_layout_route_flows (TptBlueprintLayout *self);
double tpt_blueprint_layout_add_legend  (TptBlueprintLayout *self,
                                         PangoContext       *context,
                                         double              x0,
                                         double              right,
                                         double              y);

G_END_DECLS
