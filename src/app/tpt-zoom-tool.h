/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-tool.h"

G_BEGIN_DECLS

#define TPT_TYPE_ZOOM_TOOL (tpt_zoom_tool_get_type ())

G_DECLARE_FINAL_TYPE (TptZoomTool, tpt_zoom_tool, TPT, ZOOM_TOOL, TptTool)

TptTool *tpt_zoom_tool_new (void);

#define TPT_TYPE_PINCH_TOOL (tpt_pinch_tool_get_type ())

G_DECLARE_FINAL_TYPE (TptPinchTool, tpt_pinch_tool, TPT, PINCH_TOOL, TptTool)

TptTool *tpt_pinch_tool_new (void);

G_END_DECLS
