/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-tool.h"

G_BEGIN_DECLS

#define TPT_TYPE_PHOTO_DROP_TOOL (tpt_photo_drop_tool_get_type ())

G_DECLARE_FINAL_TYPE (TptPhotoDropTool, tpt_photo_drop_tool, TPT, PHOTO_DROP_TOOL, TptTool)

TptTool *tpt_photo_drop_tool_new (void);

G_END_DECLS
