/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-drag-tool.h"

G_BEGIN_DECLS

#define TPT_TYPE_PAN_TOOL (tpt_pan_tool_get_type ())

G_DECLARE_FINAL_TYPE (TptPanTool, tpt_pan_tool, TPT, PAN_TOOL, TptDragTool)

TptTool *tpt_pan_tool_new (void);

G_END_DECLS
