/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-drag-tool.h"

G_BEGIN_DECLS

#define TPT_TYPE_SPAN_TOOL (tpt_span_tool_get_type ())

G_DECLARE_FINAL_TYPE (TptSpanTool, tpt_span_tool, TPT, SPAN_TOOL, TptDragTool)

TptTool *tpt_span_tool_new (void);

G_END_DECLS
