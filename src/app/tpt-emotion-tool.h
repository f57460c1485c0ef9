/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-drag-tool.h"

G_BEGIN_DECLS

#define TPT_TYPE_EMOTION_TOOL (tpt_emotion_tool_get_type ())

G_DECLARE_FINAL_TYPE (TptEmotionTool, tpt_emotion_tool, TPT, EMOTION_TOOL, TptDragTool)

TptTool *tpt_emotion_tool_new (void);

G_END_DECLS
