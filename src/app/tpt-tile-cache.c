/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-tile-cache"

#include "config.h"

#include <math.h>

#include "tpt-tile-cache.h"

/* The drawing of an artefact, cut into square tiles drawn once and kept as
 * image surfaces. Panning, and everything drawn over the artefact (the
 * selection, a drag), then only copies pixels: a tile is drawn again
 * when it first scrolls into view, or after the artefact, the zoom or the
 * colours changed, which is when the view invalidates the cache. */

/* In widget pixels. Big enough that a screen is a dozen tiles, small
 * enough that a scroll brings in little new drawing at a time. */
#define TILE_SIZE 512
/* Tiles kept beyond those in view, so that scrolling back is free. */
#define SPARE_TILES 24

struct _TptTileCache
{
  GHashTable     *tiles;         /* column << 16 | row → cairo_surface_t */
  double          zoom;
  int             scale_factor;
  const TptTheme *theme;
};

TptTileCache *
tpt_tile_cache_new (void)
{
  TptTileCache *cache = g_new0 (TptTileCache, 1);

  cache->tiles = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                        (GDestroyNotify) cairo_surface_destroy);
  return cache;
}

void
tpt_tile_cache_free (TptTileCache *cache)
{
  if (cache == NULL)
    return;

  g_hash_table_unref (cache->tiles);
  g_free (cache);
}

void
tpt_tile_cache_invalidate (TptTileCache *cache)
{
  g_return_if_fail (cache != NULL);

  g_hash_table_remove_all (cache->tiles);
}

guint
tpt_tile_cache_get_size (TptTileCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);

  return g_hash_table_size (cache->tiles);
}

static gpointer
tile_key (int column,
          int row)
{
  return GUINT_TO_POINTER (((guint) column << 16) | (guint) row);
}

/* Draws one tile: the paper, then the artefact clipped to the tile. */
static cairo_surface_t *
draw_tile (TptTileCache    *cache,
           int              column,
           int              row,
           double           width,
           double           height,
           TptTileDrawFunc  draw,
           gpointer         data)
{
  int scale = cache->scale_factor;
  int pixel_width = (int) ceil (width * scale);
  int pixel_height = (int) ceil (height * scale);
  cairo_surface_t *surface;
  cairo_t *cr;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  cairo_surface_set_device_scale (surface, scale, scale);
  cr = cairo_create (surface);

  tpt_color_set_source (cr, &cache->theme->paper);
  cairo_paint (cr);
  cairo_translate (cr, -column * TILE_SIZE, -row * TILE_SIZE);
  cairo_scale (cr, cache->zoom, cache->zoom);
  cairo_rectangle (cr, column * TILE_SIZE / cache->zoom, row * TILE_SIZE / cache->zoom,
                   width / cache->zoom, height / cache->zoom);
  cairo_clip (cr);
  draw (cr, cache->theme, data);
  cairo_destroy (cr);

  return surface;
}

/**
 * tpt_tile_cache_draw:
 * @cr: where to draw, in widget coordinates
 * @page: where the artefact's page is in the widget, its size at @zoom;
 *   its origin should fall on whole pixels, or the tiles are resampled
 * @view: the part of the widget to fill
 *
 * Paints the tiles that cover @view, drawing those it does not have. A
 * tile is an image surface that is never changed once drawn, so a cairo
 * render node can record it without copying it.
 */
void
tpt_tile_cache_draw (TptTileCache          *cache,
                     cairo_t               *cr,
                         const graphene_rect_t *page,
                         const graphene_rect_t *view,
                         double                 zoom,
                         int                    scale_factor,
                         const TptTheme        *theme,
                         TptTileDrawFunc        draw,
                         gpointer               data)
{
  int first_column, last_column, first_row, last_row;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (cache != NULL);

  if (zoom != cache->zoom || scale_factor != cache->scale_factor || theme != cache->theme)
    {
      tpt_tile_cache_invalidate (cache);
      cache->zoom = zoom;
      cache->scale_factor = scale_factor;
      cache->theme = theme;
    }

  if (page->size.width <= 0 || page->size.height <= 0)
    return;

  first_column = MAX (0, (int) floor ((view->origin.x - page->origin.x) / TILE_SIZE));
  last_column = MIN ((int) ceil (page->size.width / TILE_SIZE) - 1,
                     (int) floor ((view->origin.x + view->size.width - page->origin.x) / TILE_SIZE));
  first_row = MAX (0, (int) floor ((view->origin.y - page->origin.y) / TILE_SIZE));
  last_row = MIN ((int) ceil (page->size.height / TILE_SIZE) - 1,
                  (int) floor ((view->origin.y + view->size.height - page->origin.y) / TILE_SIZE));

  for (int row = first_row; row <= last_row; row++)
    for (int column = first_column; column <= last_column; column++)
      {
        double width = MIN (TILE_SIZE, page->size.width - column * TILE_SIZE);
        double height = MIN (TILE_SIZE, page->size.height - row * TILE_SIZE);
        cairo_surface_t *tile = g_hash_table_lookup (cache->tiles, tile_key (column, row));
        double x = page->origin.x + column * TILE_SIZE;
        double y = page->origin.y + row * TILE_SIZE;

        if (tile == NULL)
          {
            tile = draw_tile (cache, column, row, width, height, draw, data);
            g_hash_table_insert (cache->tiles, tile_key (column, row), tile);
          }
        cairo_set_source_surface (cr, tile, x, y);
        cairo_rectangle (cr, x, y, width, height);
        cairo_fill (cr);
      }

  /* Keep the cache to what is in view and a margin of spare tiles. */
  if (g_hash_table_size (cache->tiles) >
      (guint) ((last_column - first_column + 1) * (last_row - first_row + 1) + SPARE_TILES))
    {
      g_hash_table_iter_init (&iter, cache->tiles);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          int column = GPOINTER_TO_UINT (key) >> 16;
          int row = GPOINTER_TO_UINT (key) & 0xffff;

          if (column < first_column - 2 || column > last_column + 2 ||
              row < first_row - 2 || row > last_row + 2)
            g_hash_table_iter_remove (&iter);
        }
    }
}
