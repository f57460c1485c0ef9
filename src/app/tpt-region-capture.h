/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-drag-tool.h"

G_BEGIN_DECLS

#define TPT_TYPE_REGION_CAPTURE (tpt_region_capture_get_type ())

G_DECLARE_FINAL_TYPE (TptRegionCapture, tpt_region_capture, TPT, REGION_CAPTURE, TptDragTool)

TptTool          *tpt_region_capture_new        (void);
void              tpt_region_capture_begin      (TptRegionCapture *self);
void              tpt_region_capture_cancel     (TptRegionCapture *self);
gboolean          tpt_region_capture_get_active (TptRegionCapture *self);
gboolean          tpt_region_capture_finish     (TptRegionCapture *self,
                                                 double            x0,
                                                 double            y0,
                                                 double            x1,
                                                 double            y1);

G_END_DECLS
