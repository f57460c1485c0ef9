/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-drag-tool.h"

G_BEGIN_DECLS

#define TPT_TYPE_CARD_MOVE_TOOL (tpt_card_move_tool_get_type ())

G_DECLARE_FINAL_TYPE (TptCardMoveTool, tpt_card_move_tool, TPT, CARD_MOVE_TOOL, TptDragTool)

TptTool *tpt_card_move_tool_new (void);

G_END_DECLS
