/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-drag-tool.h"

G_BEGIN_DECLS

#define TPT_TYPE_NEED_MOVE_TOOL (tpt_need_move_tool_get_type ())

G_DECLARE_FINAL_TYPE (TptNeedMoveTool, tpt_need_move_tool, TPT, NEED_MOVE_TOOL, TptDragTool)

TptTool *tpt_need_move_tool_new (void);

G_END_DECLS
