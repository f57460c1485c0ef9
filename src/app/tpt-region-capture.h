/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tpt-artefact-view.h"

G_BEGIN_DECLS

#define TPT_TYPE_REGION_CAPTURE (tpt_region_capture_get_type ())

G_DECLARE_FINAL_TYPE (TptRegionCapture, tpt_region_capture, TPT, REGION_CAPTURE, GObject)

TptRegionCapture *tpt_region_capture_new        (TptArtefactView  *view);
void              tpt_region_capture_shutdown   (TptRegionCapture *self);
void              tpt_region_capture_begin      (TptRegionCapture *self);
void              tpt_region_capture_cancel     (TptRegionCapture *self);
gboolean          tpt_region_capture_get_active (TptRegionCapture *self);
gboolean          tpt_region_capture_finish     (TptRegionCapture *self,
                                                 double            x0,
                                                 double            y0,
                                                 double            x1,
                                                 double            y1);
void              tpt_region_capture_snapshot   (TptRegionCapture *self,
                                                 GtkSnapshot      *snapshot);

G_END_DECLS
