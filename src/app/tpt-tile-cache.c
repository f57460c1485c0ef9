/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-tile-cache"

#include "config.h"

#include <math.h>

#include "tpt-tile-cache.h"

/* The drawing of an artefact, cut into square tiles drawn once with cairo
 * and kept as textures, so that scrolling and redrawing the selection over
 * them only places texture nodes. A change to part of the drawing throws
 * away the tiles it touches, not the others. */

/* In widget pixels. Big enough that a screen is a dozen tiles, small
 * enough that drawing a new one while scrolling fits in a frame. */
#define TILE_SIZE 512
/* Tiles kept beyond those in view, so that scrolling back is free. */
#define SPARE_TILES 24

struct _TptTileCache
{
  GHashTable     *tiles;         /* column << 16 | row → GdkTexture */
  double          zoom;
  int             scale_factor;
  const TptTheme *theme;
  guint           drawn;         /* tiles drawn since the cache was made */
};

TptTileCache *
tpt_tile_cache_new (void)
{
  TptTileCache *cache = g_new0 (TptTileCache, 1);

  cache->tiles = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
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

/**
 * tpt_tile_cache_invalidate:
 * @cache: a tile cache
 *
 * Throws away every tile: the whole drawing changed.
 */
void
tpt_tile_cache_invalidate (TptTileCache *cache)
{
  g_return_if_fail (cache != NULL);

  g_hash_table_remove_all (cache->tiles);
}

/**
 * tpt_tile_cache_invalidate_rect:
 * @cache: a tile cache
 * @rect: a part of the drawing that changed, in its units
 *
 * Throws away the tiles that show any of @rect.
 */
void
tpt_tile_cache_invalidate_rect (TptTileCache  *cache,
                                const TptRect *rect)
{
  GHashTableIter iter;
  gpointer key;
  double x0, y0, x1, y1;

  g_return_if_fail (cache != NULL);
  g_return_if_fail (rect != NULL);

  if (cache->zoom <= 0)
    return;

  /* A pixel more each way, for antialiasing that spills over. */
  x0 = floor ((rect->x * cache->zoom - 2) / TILE_SIZE);
  y0 = floor ((rect->y * cache->zoom - 2) / TILE_SIZE);
  x1 = floor ((tpt_rect_right (rect) * cache->zoom + 2) / TILE_SIZE);
  y1 = floor ((tpt_rect_bottom (rect) * cache->zoom + 2) / TILE_SIZE);

  g_hash_table_iter_init (&iter, cache->tiles);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      int column = GPOINTER_TO_UINT (key) >> 16;
      int row = GPOINTER_TO_UINT (key) & 0xffff;

      if (column >= x0 && column <= x1 && row >= y0 && row <= y1)
        g_hash_table_iter_remove (&iter);
    }
}

guint
tpt_tile_cache_get_size (TptTileCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);

  return g_hash_table_size (cache->tiles);
}

/**
 * tpt_tile_cache_get_drawn:
 *
 * Returns: how many tiles have been drawn, for tests and benchmarks of
 *   how much a change redraws
 */
guint
tpt_tile_cache_get_drawn (TptTileCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);

  return cache->drawn;
}

static gpointer
tile_key (int column,
          int row)
{
  return GUINT_TO_POINTER (((guint) column << 16) | (guint) row);
}

/* Draws one tile: the paper, then the artefact clipped to the tile. */
static GdkTexture *
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
  g_autoptr(GBytes) bytes = NULL;
  GdkTexture *texture;
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
  cairo_surface_flush (surface);

  /* cairo's ARGB32 is GDK's default memory format on this machine's byte
   * order; the bytes keep the surface alive for the texture. */
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) *
                                      pixel_height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (pixel_width, pixel_height, GDK_MEMORY_DEFAULT, bytes,
                                    cairo_image_surface_get_stride (surface));
  /* The surface too, for software rendering (see tpt_tile_cache_snapshot()). */
  g_object_set_data_full (G_OBJECT (texture), "tpt-tile-surface",
                          cairo_surface_reference (surface),
                          (GDestroyNotify) cairo_surface_destroy);
  cache->drawn++;
  return texture;
}

/**
 * tpt_tile_cache_snapshot:
 * @cache: a tile cache
 * @snapshot: where to place the tiles
 * @page: where the drawing is, in widget pixels
 * @view: the part of the widget that is visible
 * @zoom: the drawing's zoom
 * @scale_factor: the display's pixels per widget pixel
 * @theme: the colours
 * @software: whether the window renders with cairo: then tiles are placed
 *   as their cairo surfaces, since GTK 4.8's cairo renderer converts a
 *   texture node's pixels afresh every frame (a quarter of a millisecond a
 *   tile, through floats) where painting the surface is a plain copy; with
 *   a GPU renderer a texture is uploaded once and kept
 * @draw: draws the artefact, for tiles not yet drawn
 * @data: for @draw
 *
 * Places the visible tiles, drawing those it does not have.
 */
void
tpt_tile_cache_snapshot (TptTileCache          *cache,
                         GtkSnapshot           *snapshot,
                         const graphene_rect_t *page,
                         const graphene_rect_t *view,
                         double                 zoom,
                         int                    scale_factor,
                         const TptTheme        *theme,
                         gboolean               software,
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
        GdkTexture *tile = g_hash_table_lookup (cache->tiles, tile_key (column, row));

        if (tile == NULL)
          {
            tile = draw_tile (cache, column, row, width, height, draw, data);
            g_hash_table_insert (cache->tiles, tile_key (column, row), tile);
          }
        {
          graphene_rect_t bounds = GRAPHENE_RECT_INIT (page->origin.x + column * TILE_SIZE,
                                                       page->origin.y + row * TILE_SIZE,
                                                       width, height);

          if (software)
            {
              cairo_surface_t *surface = g_object_get_data (G_OBJECT (tile), "tpt-tile-surface");
              cairo_t *cr = gtk_snapshot_append_cairo (snapshot, &bounds);

              cairo_set_source_surface (cr, surface, bounds.origin.x, bounds.origin.y);
              cairo_paint (cr);
              cairo_destroy (cr);
            }
          else
            gtk_snapshot_append_texture (snapshot, tile, &bounds);
        }
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
