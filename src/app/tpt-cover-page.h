/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-canvas.h"

G_BEGIN_DECLS

/* The cover is drawn on an A4 landscape page, as in an exported PDF. */
#define TPT_COVER_PAGE_WIDTH  (297 * 72.0 / 25.4)
#define TPT_COVER_PAGE_HEIGHT (210 * 72.0 / 25.4)

#define TPT_TYPE_COVER_PAGE (tpt_cover_page_get_type ())

G_DECLARE_FINAL_TYPE (TptCoverPage, tpt_cover_page, TPT, COVER_PAGE, TptCanvas)

GtkWidget *tpt_cover_page_new (void);

G_END_DECLS
