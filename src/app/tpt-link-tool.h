/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-tool.h"

G_BEGIN_DECLS

#define TPT_TYPE_LINK_TOOL (tpt_link_tool_get_type ())

G_DECLARE_FINAL_TYPE (TptLinkTool, tpt_link_tool, TPT, LINK_TOOL, TptTool)

TptTool *tpt_link_tool_new (void);

G_END_DECLS
