/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-drag-tool.h"

G_BEGIN_DECLS

#define TPT_TYPE_BAND_TOOL (tpt_band_tool_get_type ())

G_DECLARE_FINAL_TYPE (TptBandTool, tpt_band_tool, TPT, BAND_TOOL, TptDragTool)

TptTool *tpt_band_tool_new (void);

G_END_DECLS
