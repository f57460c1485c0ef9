/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-tool.h"

G_BEGIN_DECLS

#define TPT_TYPE_CLICK_TOOL (tpt_click_tool_get_type ())

G_DECLARE_FINAL_TYPE (TptClickTool, tpt_click_tool, TPT, CLICK_TOOL, TptTool)

TptTool *tpt_click_tool_new (void);

G_END_DECLS
