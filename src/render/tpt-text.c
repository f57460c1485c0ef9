/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-text"

#include "config.h"

#include "tpt-text.h"

#include <pango/pangocairo.h>
#include <string.h>

/* Cantarell is GNOME's UI face; where it is missing fontconfig falls back
 * to the Sans alias, so export works on any headless machine. */
static const char * const fonts[TPT_N_TEXT_STYLES] = {
  [TPT_TEXT_BODY] = "Cantarell, Sans 9",
  [TPT_TEXT_SMALL] = "Cantarell, Sans 7.5",
  [TPT_TEXT_HEADING] = "Cantarell, Sans Bold 9.5",
  [TPT_TEXT_SUBHEADING] = "Cantarell, Sans Bold 11",
  [TPT_TEXT_TITLE] = "Cantarell, Sans Bold 18",
  [TPT_TEXT_BADGE] = "Cantarell, Sans Bold 8",
  [TPT_TEXT_COVER_TITLE] = "Cantarell, Sans Bold 32",
};

/**
 * tpt_text_context_new:
 *
 * Makes a Pango context that measures text the same way on every surface
 * and at every zoom: 72 dpi so that one unit is one point, no hinting and
 * unrounded glyph positions. A layout measured with it is drawn unchanged
 * on the screen, into a PDF or into an image, so text never outgrows the
 * box it was measured for.
 *
 * Returns: (transfer full): a new context
 */
PangoContext *
tpt_text_context_new (void)
{
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  PangoContext *context = pango_font_map_create_context (font_map);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  pango_context_set_round_glyph_positions (context, FALSE);
  cairo_font_options_destroy (options);

  return context;
}

/* Hostile text. Pango lays a run with no break opportunity out in time
 * that grows with the square of its length (a pasted hash of 40,000
 * characters took seconds), and a box grows with its text, so a pasted
 * blob would freeze the window. What is laid out is therefore tamed first:
 * no more than a box can usefully show, then an ellipsis; and in a run of
 * TAME_RUN characters with nowhere to break, a zero-width space, which
 * gives Pango a place to break without showing anything. Text that needs
 * neither is laid out as it is. */
#define TAME_WRAPPED_CHARS  2000
#define TAME_WRAPPED_LINES  100
#define TAME_LINE_CHARS     300
#define TAME_RUN            32

static gboolean
is_break_opportunity (gunichar c)
{
  switch (g_unichar_break_type (c))
    {
    case G_UNICODE_BREAK_MANDATORY:
    case G_UNICODE_BREAK_CARRIAGE_RETURN:
    case G_UNICODE_BREAK_LINE_FEED:
    case G_UNICODE_BREAK_NEXT_LINE:
    case G_UNICODE_BREAK_SPACE:
    case G_UNICODE_BREAK_ZERO_WIDTH_SPACE:
    case G_UNICODE_BREAK_BEFORE_AND_AFTER:
    case G_UNICODE_BREAK_AFTER:
    case G_UNICODE_BREAK_BEFORE:
    case G_UNICODE_BREAK_HYPHEN:
    case G_UNICODE_BREAK_IDEOGRAPHIC:
    case G_UNICODE_BREAK_SYMBOL:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Whether a break may go before @c without splitting a character that is
 * drawn as one: not before a combining mark, a joiner or a variation. */
static gboolean
may_break_before (gunichar c)
{
  return !g_unichar_ismark (c) && c != 0x200D && !(c >= 0xFE00 && c <= 0xFE0F) &&
         g_unichar_break_type (c) != G_UNICODE_BREAK_COMBINING_MARK &&
         g_unichar_break_type (c) != G_UNICODE_BREAK_ZERO_WIDTH_JOINER;
}

/**
 * tpt_text_tame:
 * @text: UTF-8 text
 * @wrapped: whether it is wrapped to a width, or is one line
 *
 * Makes @text safe to lay out quickly: at most what a box can show (2,000
 * characters or 100 lines wrapped, 300 characters on one line) and then an
 * ellipsis, and a zero-width space in every run of 32 characters that
 * offers no break. For the app's labels too, which Pango lays out alike.
 *
 * Returns: (transfer full) (nullable): the tamed text, or %NULL if @text
 *   needs no taming
 */
char *
tpt_text_tame (const char *text,
               gboolean    wrapped)
{
  guint max_chars = wrapped ? TAME_WRAPPED_CHARS : TAME_LINE_CHARS;
  guint chars = 0, lines = 0, run = 0;
  gboolean tame = FALSE;
  const char *p;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  /* Most text needs nothing. */
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (++chars > max_chars || (c == '\n' && ++lines >= TAME_WRAPPED_LINES))
        {
          tame = TRUE;
          break;
        }
      run = is_break_opportunity (c) ? 0 : run + 1;
      if (wrapped && run > TAME_RUN)
        {
          tame = TRUE;
          break;
        }
    }
  if (!tame)
    return NULL;

  out = g_string_sized_new (MIN (strlen (text), max_chars * 4 + 64));
  chars = lines = run = 0;
  for (p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (chars == max_chars || (c == '\n' && lines + 1 >= TAME_WRAPPED_LINES))
        {
          g_string_append (out, "…");
          break;
        }
      chars++;
      lines += c == '\n';

      if (is_break_opportunity (c))
        run = 0;
      else if (wrapped && run >= TAME_RUN && may_break_before (c))
        {
          g_string_append_unichar (out, 0x200B);
          run = 1;
        }
      else
        run++;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/**
 * tpt_text_style_get_size:
 * @style: a type size
 *
 * Returns: its size in points, as drawn at scale 1
 */
double
tpt_text_style_get_size (TptTextStyle style)
{
  static const double sizes[TPT_N_TEXT_STYLES] = {
    [TPT_TEXT_BODY] = 9,
    [TPT_TEXT_SMALL] = 7.5,
    [TPT_TEXT_HEADING] = 9.5,
    [TPT_TEXT_SUBHEADING] = 11,
    [TPT_TEXT_TITLE] = 18,
    [TPT_TEXT_BADGE] = 8,
    [TPT_TEXT_COVER_TITLE] = 32,
  };

  g_return_val_if_fail (style < TPT_N_TEXT_STYLES, 9);

  return sizes[style];
}

/* What tpt_text_show() does on one cairo_t besides drawing glyphs. */
typedef struct
{
  gboolean     greeked;
  TptTextSink  sink;
  gpointer     sink_data;
  GHashTable  *missing;
} Hooks;

static const cairo_user_data_key_t hooks_key;

static Hooks *
ensure_hooks (cairo_t *cr)
{
  Hooks *hooks = cairo_get_user_data (cr, &hooks_key);

  if (hooks == NULL)
    {
      hooks = g_new0 (Hooks, 1);
      cairo_set_user_data (cr, &hooks_key, hooks, g_free);
    }
  return hooks;
}

/**
 * tpt_text_set_greeked:
 * @cr: a context
 * @greeked: whether text drawn with tpt_text_show() on @cr is drawn as
 *   grey bars, one a line, instead of glyphs: for an overview whose text
 *   could not be read anyway
 */
void
tpt_text_set_greeked (cairo_t  *cr,
                      gboolean  greeked)
{
  g_return_if_fail (cr != NULL);

  ensure_hooks (cr)->greeked = greeked;
}

/**
 * tpt_text_set_sink:
 * @cr: a context
 * @sink: (nullable): what takes the text shown on @cr instead of drawing it
 * @data: for @sink
 */
void
tpt_text_set_sink (cairo_t     *cr,
                   TptTextSink  sink,
                   gpointer     data)
{
  Hooks *hooks;

  g_return_if_fail (cr != NULL);

  hooks = ensure_hooks (cr);
  hooks->sink = sink;
  hooks->sink_data = data;
}

/**
 * tpt_text_set_missing:
 * @cr: a context
 * @missing: (nullable) (element-type guint guint): a set that gets every
 *   character shown on @cr that no installed font can draw, as
 *   GUINT_TO_POINTER (character)
 */
void
tpt_text_set_missing (cairo_t    *cr,
                      GHashTable *missing)
{
  g_return_if_fail (cr != NULL);

  ensure_hooks (cr)->missing = missing;
}

/**
 * tpt_text_collect_missing:
 * @layout: a layout
 * @missing: (element-type guint guint): gets the characters of @layout
 *   that no installed font has, which Pango draws as boxes of hex digits
 *
 * Returns: whether there were any
 */
gboolean
tpt_text_collect_missing (PangoLayout *layout,
                          GHashTable  *missing)
{
  PangoLayoutIter *iter;
  gboolean any = FALSE;

  g_return_val_if_fail (PANGO_IS_LAYOUT (layout), FALSE);

  if (pango_layout_get_unknown_glyphs_count (layout) == 0)
    return FALSE;

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);

      if (run == NULL)
        continue;
      for (int i = 0; i < run->glyphs->num_glyphs; i++)
        {
          PangoGlyph glyph = run->glyphs->glyphs[i].glyph;

          if ((glyph & PANGO_GLYPH_UNKNOWN_FLAG) && glyph != PANGO_GLYPH_EMPTY)
            {
              gunichar ch = glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;

              /* Line ends and other controls have no glyph on purpose. */
              if (ch >= 0x20 && !g_unichar_iscntrl (ch))
                {
                  if (missing != NULL)
                    g_hash_table_add (missing, GUINT_TO_POINTER (ch));
                  any = TRUE;
                }
            }
        }
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);

  return any;
}

static void
greek (cairo_t     *cr,
       PangoLayout *layout)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  cairo_pattern_t *source = cairo_get_source (cr);
  double r = 0.5, g = 0.5, b = 0.5, a = 1, x, y;

  cairo_get_current_point (cr, &x, &y);
  cairo_pattern_get_rgba (source, &r, &g, &b, &a);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_set_source_rgba (cr, r, g, b, a * 0.35);
  do
    {
      PangoRectangle logical;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      if (logical.width > 0)
        cairo_rectangle (cr, x + (double) logical.x / PANGO_SCALE,
                         y + (double) logical.y / PANGO_SCALE + logical.height * 0.25 / PANGO_SCALE,
                         (double) logical.width / PANGO_SCALE,
                         logical.height * 0.5 / PANGO_SCALE);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  cairo_fill (cr);
  cairo_restore (cr);
}

/**
 * tpt_text_show:
 * @cr: where to draw, with the current point where the layout's top left
 *   corner goes
 * @layout: the text
 *
 * Draws @layout, as pango_cairo_show_layout() does, unless @cr was set to
 * greek text or to hand it to a sink; notes the characters no font can
 * draw if @cr was asked to.
 */
void
tpt_text_show (cairo_t     *cr,
               PangoLayout *layout)
{
  Hooks *hooks;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_LAYOUT (layout));

  hooks = cairo_get_user_data (cr, &hooks_key);
  if (hooks != NULL && hooks->missing != NULL)
    tpt_text_collect_missing (layout, hooks->missing);
  if (hooks != NULL && hooks->greeked)
    greek (cr, layout);
  else if (hooks != NULL && hooks->sink != NULL)
    hooks->sink (cr, layout, hooks->sink_data);
  else
    pango_cairo_show_layout (cr, layout);
}

/**
 * tpt_text_layout_new:
 * @context: a context from tpt_text_context_new()
 * @style: the type size
 * @text: (nullable): UTF-8 text, in any script
 * @width: the width to wrap at, in points, or -1 not to wrap
 *
 * Returns: (transfer full): a layout that wraps between words, or inside a
 *   word too long for a line, and takes its direction from its text; of
 *   as much of @text as a box can show (tpt_text_tame())
 */
PangoLayout *
tpt_text_layout_new (PangoContext *context,
                     TptTextStyle  style,
                     const char   *text,
                     double        width)
{
  static PangoFontDescription *descriptions[TPT_N_TEXT_STYLES];
  g_autofree char *tamed = NULL;
  PangoLayout *layout;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (style < TPT_N_TEXT_STYLES, NULL);

  if (g_once_init_enter (&descriptions[style]))
    g_once_init_leave (&descriptions[style],
                       pango_font_description_from_string (fonts[style]));

  layout = pango_layout_new (context);
  pango_layout_set_font_description (layout, descriptions[style]);
  pango_layout_set_auto_dir (layout, TRUE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  if (text == NULL)
    text = "";
  tamed = tpt_text_tame (text, width > 0);
  pango_layout_set_text (layout, tamed != NULL ? tamed : text, -1);

  return layout;
}

/**
 * tpt_text_layout_size:
 * @layout: a layout
 * @width: (out) (optional): its logical width in points
 * @height: (out) (optional): its logical height in points
 */
void
tpt_text_layout_size (PangoLayout *layout,
                      double      *width,
                      double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) (logical.x + logical.width) / PANGO_SCALE;
  if (height != NULL)
    *height = (double) (logical.y + logical.height) / PANGO_SCALE;
}

typedef struct
{
  char         *text;
  TptTextStyle  style;
  gint64        width;        /* in Pango units, -1 not to wrap */
  guint         hash;
} CacheKey;

typedef struct
{
  CacheKey     key;
  PangoLayout *layout;
  guint        generation;    /* of the last lookup that used it */
} CacheEntry;

struct _TptTextCache
{
  PangoContext *context;
  GHashTable   *entries;      /* CacheKey* → CacheEntry*, key inside entry */
  guint         generation;
};

static guint
cache_key_hash (gconstpointer data)
{
  return ((const CacheKey *) data)->hash;
}

static gboolean
cache_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const CacheKey *x = a, *y = b;

  return x->hash == y->hash && x->style == y->style && x->width == y->width &&
         strcmp (x->text, y->text) == 0;
}

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_free (entry->key.text);
  g_clear_object (&entry->layout);
  g_free (entry);
}

/**
 * tpt_text_cache_new:
 * @context: the context every layout of the cache is measured with
 *
 * Returns: (transfer full): an empty cache
 */
TptTextCache *
tpt_text_cache_new (PangoContext *context)
{
  TptTextCache *cache;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);

  cache = g_new0 (TptTextCache, 1);
  cache->context = g_object_ref (context);
  cache->entries = g_hash_table_new_full (cache_key_hash, cache_key_equal,
                                          NULL, cache_entry_free);
  return cache;
}

void
tpt_text_cache_free (TptTextCache *cache)
{
  if (cache == NULL)
    return;

  g_hash_table_unref (cache->entries);
  g_object_unref (cache->context);
  g_free (cache);
}

/**
 * tpt_text_cache_get_context:
 *
 * Returns: (transfer none): the context the cache measures with
 */
PangoContext *
tpt_text_cache_get_context (TptTextCache *cache)
{
  g_return_val_if_fail (cache != NULL, NULL);

  return cache->context;
}

/**
 * tpt_text_cache_lookup:
 * @cache: a cache
 * @style: the type size
 * @text: (nullable): UTF-8 text
 * @width: the width to wrap at, in points, or -1 not to wrap
 *
 * Finds the layout of @text, laying it out as tpt_text_layout_new() does
 * the first time it is asked for.
 *
 * Returns: (transfer full): a shared layout, not to be changed
 */
PangoLayout *
tpt_text_cache_lookup (TptTextCache *cache,
                       TptTextStyle  style,
                       const char   *text,
                       double        width)
{
  CacheKey key;
  CacheEntry *entry;

  g_return_val_if_fail (cache != NULL, NULL);

  key.text = (char *) (text != NULL ? text : "");
  key.style = style;
  key.width = width > 0 ? (gint64) (width * PANGO_SCALE) : -1;
  key.hash = g_str_hash (key.text) ^ ((guint) key.width * 31u) ^ ((guint) style << 24);

  entry = g_hash_table_lookup (cache->entries, &key);
  if (entry == NULL)
    {
      entry = g_new0 (CacheEntry, 1);
      entry->key = key;
      entry->key.text = g_strdup (key.text);
      entry->layout = tpt_text_layout_new (cache->context, style, key.text, width);
      /* Measure now, so that a layout shared between threads later is
       * only ever read. */
      pango_layout_get_extents (entry->layout, NULL, NULL);
      g_hash_table_add (cache->entries, entry);
    }
  entry->generation = cache->generation;

  return g_object_ref (entry->layout);
}

/**
 * tpt_text_cache_trim:
 * @cache: a cache
 *
 * Forgets the texts that no lookup asked for since the previous trim, so a
 * cache kept across edits holds what the drawing uses and little more.
 */
void
tpt_text_cache_trim (TptTextCache *cache)
{
  GHashTableIter iter;
  CacheEntry *entry;

  g_return_if_fail (cache != NULL);

  g_hash_table_iter_init (&iter, cache->entries);
  while (g_hash_table_iter_next (&iter, (gpointer *) &entry, NULL))
    if (entry->generation != cache->generation)
      g_hash_table_iter_remove (&iter);
  cache->generation++;
}

guint
tpt_text_cache_get_size (TptTextCache *cache)
{
  g_return_val_if_fail (cache != NULL, 0);

  return g_hash_table_size (cache->entries);
}
