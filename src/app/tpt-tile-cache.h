/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tpt-theme.h"

G_BEGIN_DECLS

/* Draws the artefact in its own coordinates, at the zoom already set. */
typedef void (*TptTileDrawFunc) (cairo_t        *cr,
                                 const TptTheme *theme,
                                 gpointer        data);

typedef struct _TptTileCache TptTileCache;

TptTileCache *tpt_tile_cache_new        (void);
void          tpt_tile_cache_free       (TptTileCache    *cache);
void          tpt_tile_cache_invalidate (TptTileCache    *cache);
void          tpt_tile_cache_draw       (TptTileCache    *cache,
                                         cairo_t         *cr,
                                         const graphene_rect_t *page,
                                         const graphene_rect_t *view,
                                         double           zoom,
                                         int              scale_factor,
                                         const TptTheme  *theme,
                                         TptTileDrawFunc  draw,
                                         gpointer         data);
guint         tpt_tile_cache_get_size   (TptTileCache    *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptTileCache, tpt_tile_cache_free)

G_END_DECLS
