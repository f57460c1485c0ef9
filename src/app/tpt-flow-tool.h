/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-drag-tool.h"

G_BEGIN_DECLS

#define TPT_TYPE_FLOW_TOOL (tpt_flow_tool_get_type ())

G_DECLARE_FINAL_TYPE (TptFlowTool, tpt_flow_tool, TPT, FLOW_TOOL, TptDragTool)

TptTool *tpt_flow_tool_new (void);

G_END_DECLS
