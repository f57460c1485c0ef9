/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tpt-geometry.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

/* Draws the artefact in its own units, at the zoom already set. */
typedef void (*TptTileDrawFunc) (cairo_t        *cr,
                                 const TptTheme *theme,
                                 gpointer        data);

typedef struct _TptTileCache TptTileCache;

TptTileCache *tpt_tile_cache_new             (void);
void          tpt_tile_cache_free            (TptTileCache          *cache);
void          tpt_tile_cache_invalidate      (TptTileCache          *cache);
void          tpt_tile_cache_invalidate_rect (TptTileCache          *cache,
                                              const TptRect         *rect);
void          tpt_tile_cache_snapshot        (TptTileCache          *cache,
                                              GtkSnapshot           *snapshot,
                                              const graphene_rect_t *page,
                                              const graphene_rect_t *view,
                                              double                 zoom,
                                              int                    scale_factor,
                                              const TptTheme        *theme,
                                              gboolean               software,
                                              TptTileDrawFunc        draw,
                                              gpointer               data);
guint         tpt_tile_cache_get_size        (TptTileCache          *cache);
guint         tpt_tile_cache_get_drawn       (TptTileCache          *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptTileCache, tpt_tile_cache_free)

G_END_DECLS
