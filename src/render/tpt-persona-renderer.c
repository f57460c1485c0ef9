/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-persona-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-persona-renderer.h"

#include "tpt-paginate.h"
#include "tpt-fact.h"
#include "tpt-photo.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include "tpt-text.h"

#include <math.h>
#include <pango/pangocairo.h>

#define PAD        14.0
#define AVATAR     56.0
#define BULLET     11.0
#define GAP        18.0
#define MARGIN     36.0
#define COLUMNS    3
/* A card this wide sets its lists in two columns. */
#define TWO_COLUMNS_FROM 520.0
#define COLUMN_GAP 18.0

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)

/* Measuring and drawing share one walk down the card: with no cairo_t it
 * only measures, so the height a card reports is the height it draws. */
typedef struct
{
  cairo_t        *cr;
  PangoContext   *context;
  const TptTheme *theme;
  double          y;
  GArray         *parts;   /* TptPersonaPart, card-relative, or NULL */
  gboolean        rtl;     /* the card is laid out right to left */
} Pen;

/* Notes where a field of the card was drawn, for an editing canvas. */
static void
add_part (Pen             *pen,
          TptPersonaField  field,
          double           x,
          double           y,
          double           width,
          double           height)
{
  TptPersonaPart part = { { x, y, width, height }, 0, field };

  if (pen->parts != NULL)
    g_array_append_val (pen->parts, part);
}

static double
text (Pen            *pen,
      TptTextStyle    style,
      const char     *str,
      gboolean        italic,
      const TptColor *color,
      double          x,
      double          y,
      double          width)
{
  g_autoptr(PangoLayout) layout = tpt_text_layout_new (pen->context, style, str, width);
  double h;

  if (italic)
    {
      PangoFontDescription *desc =
        pango_font_description_copy (pango_layout_get_font_description (layout));

      pango_font_description_set_style (desc, PANGO_STYLE_ITALIC);
      pango_layout_set_font_description (layout, desc);
      pango_font_description_free (desc);
    }
  /* On a card written right to left, left-to-right text (a heading in
   * the user's language) lines up on the right too. */
  if (pen->rtl && pango_layout_get_direction (layout, 0) != PANGO_DIRECTION_RTL)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  tpt_text_layout_size (layout, NULL, &h);
  if (pen->cr != NULL)
    {
      tpt_color_set_source (pen->cr, color);
      cairo_move_to (pen->cr, x, y);
      tpt_text_show (pen->cr, layout);
    }
  return h;
}

static void
persona_color (TptPersona     *persona,
               const TptTheme *theme,
               TptColor       *color)
{
  if (!tpt_color_parse (tpt_persona_get_color (persona), color))
    *color = theme->muted;
}

/* Initials of the first and last words of @name, upper-cased. */
static char *
initials (const char *name)
{
  g_auto(GStrv) words = g_strsplit_set (name != NULL ? name : "", " \t\n", -1);
  GString *out = g_string_new (NULL);
  const char *first = NULL, *last = NULL;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      {
        if (first == NULL)
          first = words[i];
        last = words[i];
      }
  if (first != NULL)
    g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (first)));
  if (last != NULL && last != first)
    g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (last)));
  if (out->len == 0)
    g_string_append (out, "?");
  return g_string_free (out, FALSE);
}

/* Photos. An avatar is AVATAR points across: drawn at 600 dpi it needs
 * about 470 pixels, so a photo is decoded no larger than PHOTO_SIDE a side
 * (gdk-pixbuf decodes a JPEG at that size straight away, and scales a PNG
 * as soon as it is read) and that is what a PDF embeds. Photos are decoded
 * one at a time, when drawn; the last few are kept, for a canvas that
 * draws the same cards again and again. (A thread that has gone may leave
 * a few behind, until they are pushed out.) */
#define PHOTO_SIDE      512
#define PHOTO_CACHE_MAX 16

/* A surface used as a source is not for two threads at once (a PDF
 * attaches snapshots to it), so each thread has its own. */
typedef struct
{
  GBytes          *photo;
  cairo_surface_t *surface;
  GThread         *thread;
} CachedPhoto;

static GMutex photo_lock;
static GQueue photo_cache = G_QUEUE_INIT;   /* CachedPhoto, most recent first */
static const cairo_user_data_key_t photo_failure_key;

static void
photo_size_prepared_cb (GdkPixbufLoader *loader,
                        int              width,
                        int              height,
                        gpointer         user_data)
{
  double scale = (double) PHOTO_SIDE / MAX (width, height);

  if (scale < 1)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)),
                                MAX (1, (int) (height * scale)));
}

/* Decodes a whole PNG or JPEG, turned upright by its EXIF orientation, into
 * a cairo surface; NULL if any of it can't be read. */
static cairo_surface_t *
decode_photo (const guint8 *data,
              gsize         size,
              const char   *type)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GdkPixbuf) upright = NULL;
  cairo_surface_t *surface;
  const guint8 *pixels;
  guint8 *out;
  int width, height, stride, out_stride, channels;
  gboolean alpha;

  loader = gdk_pixbuf_loader_new_with_type (g_strcmp0 (type, TPT_PHOTO_TYPE_JPEG) == 0 ?
                                            "jpeg" : "png", NULL);
  if (loader == NULL)
    return NULL;
  g_signal_connect (loader, "size-prepared", G_CALLBACK (photo_size_prepared_cb), NULL);
  if (!gdk_pixbuf_loader_write (loader, data, size, NULL))
    {
      gdk_pixbuf_loader_close (loader, NULL);
      return NULL;
    }
  if (!gdk_pixbuf_loader_close (loader, NULL) || gdk_pixbuf_loader_get_pixbuf (loader) == NULL)
    return NULL;

  upright = gdk_pixbuf_apply_embedded_orientation (gdk_pixbuf_loader_get_pixbuf (loader));
  width = gdk_pixbuf_get_width (upright);
  height = gdk_pixbuf_get_height (upright);
  stride = gdk_pixbuf_get_rowstride (upright);
  channels = gdk_pixbuf_get_n_channels (upright);
  alpha = gdk_pixbuf_get_has_alpha (upright);
  pixels = gdk_pixbuf_read_pixels (upright);
  if (channels < 3 || gdk_pixbuf_get_bits_per_sample (upright) != 8)
    return NULL;

  surface = cairo_image_surface_create (alpha ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24,
                                        width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }
  cairo_surface_flush (surface);
  out = cairo_image_surface_get_data (surface);
  out_stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *row = pixels + (gsize) y * stride;
      guint32 *dest = (guint32 *) (gpointer) (out + (gsize) y * out_stride);

      for (int x = 0; x < width; x++)
        {
          const guint8 *p = row + x * channels;
          guint32 a = alpha ? p[3] : 0xff;

          /* Cairo's pixels are premultiplied. */
          dest[x] = a << 24 | (guint32) (p[0] * a / 255) << 16 |
                    (guint32) (p[1] * a / 255) << 8 | (guint32) (p[2] * a / 255);
        }
    }
  cairo_surface_mark_dirty (surface);

  return surface;
}

/* The persona's photo as a surface; NULL if it has none, or if it can't be
 * decoded (then @failed says so). The core has already checked the header
 * and capped the pixel count. */
static cairo_surface_t *
photo_surface (TptPersona *persona,
               gboolean   *failed)
{
  GBytes *photo = tpt_persona_get_photo (persona);
  const char *type = tpt_persona_get_photo_type (persona);
  cairo_surface_t *surface = NULL;
  const guint8 *data;
  gsize size;

  *failed = FALSE;
  if (photo == NULL || g_bytes_get_size (photo) == 0)
    return NULL;

  {
    G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&photo_lock);

    for (GList *l = photo_cache.head; l != NULL; l = l->next)
      {
        CachedPhoto *cached = l->data;

        if (cached->thread == g_thread_self () && g_bytes_equal (cached->photo, photo))
          {
            g_queue_unlink (&photo_cache, l);
            g_queue_push_head_link (&photo_cache, l);
            return cairo_surface_reference (cached->surface);
          }
      }
  }

  data = g_bytes_get_data (photo, &size);
  if (type[0] == '\0')
    type = tpt_photo_sniff_type (data, size);
  if (tpt_photo_inspect (data, size, type, NULL, NULL, NULL) == TPT_PHOTO_OK &&
      tpt_photo_is_complete (data, size))
    surface = decode_photo (data, size, type);
  if (surface == NULL)
    {
      *failed = TRUE;
      return NULL;
    }

  {
    G_GNUC_UNUSED g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&photo_lock);
    CachedPhoto *cached = g_new0 (CachedPhoto, 1);

    cached->photo = g_bytes_ref (photo);
    cached->surface = cairo_surface_reference (surface);
    cached->thread = g_thread_self ();
    g_queue_push_head (&photo_cache, cached);
    while (photo_cache.length > PHOTO_CACHE_MAX)
      {
        CachedPhoto *old = g_queue_pop_tail (&photo_cache);

        g_bytes_unref (old->photo);
        cairo_surface_destroy (old->surface);
        g_free (old);
      }
  }

  return surface;
}

/**
 * tpt_persona_render_get_failure:
 * @surface: a surface persona cards were drawn on
 *
 * A photo that can't be decoded is drawn as the initials; on an export
 * that is an error, not a silent gap, so the first such failure is noted
 * on the surface drawn on.
 *
 * Returns: (nullable): what went wrong, or %NULL
 */
const char *
tpt_persona_render_get_failure (cairo_surface_t *surface)
{
  g_return_val_if_fail (surface != NULL, NULL);

  return cairo_surface_get_user_data (surface, &photo_failure_key);
}

static void
note_failure (cairo_t    *cr,
              TptPersona *persona)
{
  cairo_surface_t *target = cairo_get_target (cr);
  const char *name = tpt_persona_get_name (persona);

  if (cairo_surface_get_user_data (target, &photo_failure_key) != NULL)
    return;
  cairo_surface_set_user_data (target, &photo_failure_key,
                               g_strdup_printf (_("The photo of “%s” could not be drawn: it is "
                                                  "damaged or too large"),
                                                name[0] != '\0' ? name :
                                                tpt_node_get_id (TPT_NODE (persona))),
                               g_free);
}

static void
draw_avatar (cairo_t        *cr,
             PangoContext   *context,
             TptPersona     *persona,
             const TptTheme *theme,
             double          x,
             double          y)
{
  gboolean failed;
  g_autoptr(cairo_surface_t) photo = photo_surface (persona, &failed);
  double r = AVATAR / 2;
  TptColor color;

  if (failed)
    note_failure (cr, persona);

  persona_color (persona, theme, &color);
  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x + r, y + r, r, 0, 2 * G_PI);
  if (photo != NULL)
    {
      double pw = cairo_image_surface_get_width (photo);
      double ph = cairo_image_surface_get_height (photo);
      double scale = AVATAR / MIN (pw, ph);

      cairo_clip (cr);
      cairo_translate (cr, x + r - pw * scale / 2, y + r - ph * scale / 2);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, photo, 0, 0);
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
      cairo_paint (cr);
    }
  else
    {
      g_autofree char *letters = initials (tpt_persona_get_name (persona));
      g_autoptr(PangoLayout) layout = tpt_text_layout_new (context, TPT_TEXT_TITLE, letters, -1);
      /* Relative luminance decides the ink, so initials read on any colour
       * and on a greyscale printer. */
      double lum = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue;
      double w, h;

      tpt_color_set_source (cr, &color);
      cairo_fill (cr);
      tpt_text_layout_size (layout, &w, &h);
      if (lum > 0.55)
        cairo_set_source_rgb (cr, 0, 0, 0);
      else
        cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_move_to (cr, x + r - w / 2, y + r - h / 2);
      tpt_text_show (cr, layout);
    }
  cairo_restore (cr);

  cairo_save (cr);
  cairo_new_path (cr);
  cairo_arc (cr, x + r, y + r, r, 0, 2 * G_PI);
  cairo_set_line_width (cr, 1);
  tpt_color_set_source (cr, &theme->card_border);
  cairo_stroke (cr);
  cairo_restore (cr);
}

/* Bullets go at the start of each line: on the right of a card written
 * right to left. */
static void
bullets (Pen                *pen,
         TptPersonaField     field,
         const char         *heading,
         const char * const *items,
         double              x,
         double              w,
         gboolean            rtl)
{
  double top;

  if (items == NULL || items[0] == NULL)
    return;

  pen->y += 10;
  top = pen->y;
  pen->y += text (pen, TPT_TEXT_HEADING, heading, FALSE, &pen->theme->ink, x, pen->y, w) + 3;
  for (guint i = 0; items[i] != NULL; i++)
    {
      text (pen, TPT_TEXT_BODY, "•", FALSE, &pen->theme->muted, rtl ? x + w - BULLET : x,
            pen->y, BULLET);
      pen->y += text (pen, TPT_TEXT_BODY, items[i], FALSE, &pen->theme->ink,
                      rtl ? x : x + BULLET, pen->y, w - BULLET) + 2;
    }
  add_part (pen, field, x, top, w, pen->y - top);
}

/* Whether the persona is written right to left: its name, or failing
 * that its role or quote, in a right-to-left script. */
static gboolean
is_rtl (PangoContext *context,
        TptPersona   *persona)
{
  const char *texts[] = { tpt_persona_get_name (persona), tpt_persona_get_role (persona),
                          tpt_persona_get_quote (persona) };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(PangoLayout) layout = NULL;

      if (texts[i] == NULL || *texts[i] == '\0')
        continue;
      layout = tpt_text_layout_new (context, TPT_TEXT_BODY, texts[i], -1);
      return pango_layout_get_direction (layout, 0) == PANGO_DIRECTION_RTL;
    }
  return FALSE;
}

static double
card (cairo_t        *cr,
      PangoContext   *context,
      TptPersona     *persona,
      const TptTheme *theme,
      double          width,
      GArray         *parts)
{
  gboolean rtl = is_rtl (context, persona);
  Pen pen = { cr, context, theme, PAD + 4, parts, rtl };
  double x = PAD, w = width - 2 * PAD;
  /* Right to left, the avatar is on the right and the text beside it. */
  double ax = rtl ? width - PAD - AVATAR : x;
  double tx = rtl ? x : x + AVATAR + 12, tw = w - AVATAR - 12;
  const char *name = tpt_persona_get_name (persona);
  const char *role = tpt_persona_get_role (persona);
  const char *segment = tpt_persona_get_segment (persona);
  const char *quote = tpt_persona_get_quote (persona);
  GListModel *facts = tpt_persona_get_facts (persona);
  guint n_facts = g_list_model_get_n_items (facts);
  double head_y = pen.y, quote_y, line_h, facts_y;

  /* The body is drawn over the card's background, so the background comes
   * first: measure once, then paint, then draw. */
  if (cr != NULL)
    {
      double height = card (NULL, context, persona, theme, width, NULL);
      TptColor color;

      persona_color (persona, theme, &color);
      cairo_save (cr);
      cairo_new_path (cr);
      cairo_rectangle (cr, 0.5, 0.5, width - 1, height - 1);
      tpt_color_set_source (cr, &theme->paper);
      cairo_fill_preserve (cr);
      tpt_color_set_source (cr, &theme->card_border);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);
      tpt_color_set_source (cr, &color);
      cairo_rectangle (cr, 0, 0, width, 4);
      cairo_fill (cr);
      cairo_restore (cr);
      draw_avatar (cr, context, persona, theme, ax, head_y);
    }

  add_part (&pen, TPT_PERSONA_FIELD_CARD, 0, 0, width, 0);
  add_part (&pen, TPT_PERSONA_FIELD_AVATAR, ax, head_y, AVATAR, AVATAR);
  line_h = text (&pen, TPT_TEXT_SUBHEADING,
                 name != NULL && *name ? name : _("Unnamed persona"), FALSE, &theme->ink,
                 tx, pen.y, tw);
  add_part (&pen, TPT_PERSONA_FIELD_NAME, tx, pen.y, tw, line_h);
  pen.y += line_h + 2;
  if (role != NULL && *role)
    {
      line_h = text (&pen, TPT_TEXT_BODY, role, FALSE, &theme->ink, tx, pen.y, tw);
      add_part (&pen, TPT_PERSONA_FIELD_ROLE, tx, pen.y, tw, line_h);
      pen.y += line_h + 2;
    }
  if (segment != NULL && *segment)
    {
      g_autofree char *line = g_strdup_printf (_("Segment: %s"), segment);

      line_h = text (&pen, TPT_TEXT_SMALL, line, FALSE, &theme->muted, tx, pen.y, tw);
      add_part (&pen, TPT_PERSONA_FIELD_SEGMENT, tx, pen.y, tw, line_h);
      pen.y += line_h + 2;
    }
  pen.y = MAX (pen.y, head_y + AVATAR);

  if (quote != NULL && *quote)
    {
      g_autofree char *quoted = g_strdup_printf (_("“%s”"), quote);
      TptColor color;

      pen.y += 10;
      quote_y = pen.y;
      /* The bar runs down the side the quote starts from. */
      pen.y += text (&pen, TPT_TEXT_BODY, quoted, TRUE, &theme->ink, rtl ? x : x + 10, pen.y,
                     w - 10);
      add_part (&pen, TPT_PERSONA_FIELD_QUOTE, x, quote_y, w, pen.y - quote_y);
      if (cr != NULL)
        {
          persona_color (persona, theme, &color);
          tpt_color_set_source (cr, &color);
          cairo_rectangle (cr, rtl ? x + w - 3 : x, quote_y, 3, pen.y - quote_y);
          cairo_fill (cr);
        }
    }

  /* A wide card (on a slide) sets its lists in two columns, goals and
   * frustrations beside behaviours, channels and facts, so it is not
   * taller than it need be; right to left, the first column is on the
   * right. */
  {
    gboolean two = width >= TWO_COLUMNS_FROM;
    double cw = two ? (w - COLUMN_GAP) / 2 : w;
    double first_x = two && rtl ? x + cw + COLUMN_GAP : x;
    double second_x = two ? (rtl ? x : x + cw + COLUMN_GAP) : x;
    double top = pen.y, first_bottom;

    bullets (&pen, TPT_PERSONA_FIELD_GOALS, _("Goals"), tpt_persona_get_goals (persona), first_x,
             cw, rtl);
    bullets (&pen, TPT_PERSONA_FIELD_FRUSTRATIONS, _("Frustrations"),
             tpt_persona_get_frustrations (persona), first_x, cw, rtl);
    first_bottom = pen.y;
    if (two)
      pen.y = top;
    bullets (&pen, TPT_PERSONA_FIELD_BEHAVIOURS, _("Behaviours"),
             tpt_persona_get_behaviours (persona), second_x, cw, rtl);
    bullets (&pen, TPT_PERSONA_FIELD_CHANNELS, _("Channels"),
             tpt_persona_get_channels (persona), second_x, cw, rtl);

    if (n_facts > 0)
      {
        pen.y += 10;
        facts_y = pen.y;
        pen.y += text (&pen, TPT_TEXT_HEADING, _("Facts"), FALSE, &theme->ink, second_x, pen.y,
                       cw) + 3;
        for (guint i = 0; i < n_facts; i++)
          {
            g_autoptr(TptFact) fact = g_list_model_get_item (facts, i);
            const char *label = tpt_fact_get_label (fact);
            const char *value = tpt_fact_get_value (fact);
            g_autofree char *line = g_strdup_printf (_("%s: %s"),
                                                     label != NULL ? label : "",
                                                     value != NULL ? value : "");

            pen.y += text (&pen, TPT_TEXT_BODY, line, FALSE, &theme->ink, second_x, pen.y,
                           cw) + 2;
          }
        add_part (&pen, TPT_PERSONA_FIELD_FACTS, second_x, facts_y, cw, pen.y - facts_y);
      }
    pen.y = MAX (pen.y, first_bottom);
  }

  /* The card's own entry, first, is as tall as the card. */
  if (parts != NULL && parts->len > 0)
    g_array_index (parts, TptPersonaPart, 0).rect.height = ceil (pen.y + PAD);
  return ceil (pen.y + PAD);
}

/**
 * tpt_persona_card_measure:
 * @context: a context from tpt_text_context_new()
 * @persona: the persona
 * @width: the card's width, in points
 *
 * Returns: the height tpt_persona_card_render() draws at @width
 */
double
tpt_persona_card_measure (PangoContext *context,
                          TptPersona   *persona,
                          double        width)
{
  g_return_val_if_fail (TPT_IS_PERSONA (persona), 0);

  return card (NULL, context, persona, tpt_theme_get (TPT_THEME_LIGHT), width, NULL);
}

/**
 * tpt_persona_card_render:
 * @cr: where to draw, with the card's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @persona: the persona
 * @theme: the colours
 * @width: the card's width, in points
 *
 * Draws a persona card: the avatar (the PNG or JPEG photo, or initials on
 * the persona's colour), name, role, segment,
 * quote, then goals, frustrations, behaviours, channels and facts. Every
 * text wraps at @width, so the card grows with its content.
 *
 * Returns: the card's height, in points
 */
double
tpt_persona_card_render (cairo_t        *cr,
                         PangoContext   *context,
                         TptPersona     *persona,
                         const TptTheme *theme,
                         double          width)
{
  double h;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (TPT_IS_PERSONA (persona), 0);

  cairo_save (cr);
  h = card (cr, context, persona, theme, width, NULL);
  cairo_restore (cr);
  return h;
}

/* The gallery: a title, then the cards in rows of COLUMNS, each row as tall
 * as its tallest card. Rows @first up to @end are drawn, under a title
 * that says when they continue the gallery. With @cr NULL it only
 * measures. */
static void
gallery (cairo_t        *cr,
         PangoContext   *context,
         TptDocument    *document,
         const TptTheme *theme,
         guint           first,
         guint           end,
         double         *width,
         double         *height,
         GArray         *parts)
{
  GListModel *personas = tpt_document_get_personas (document);
  guint n = g_list_model_get_n_items (personas);
  guint columns = CLAMP (n, 1, COLUMNS);
  double w = 2 * MARGIN + columns * TPT_PERSONA_CARD_WIDTH + (columns - 1) * GAP;
  Pen pen = { cr, context, theme, MARGIN };

  pen.y += text (&pen, TPT_TEXT_TITLE, first == 0 ? _("Personas") : _("Personas (continued)"),
                 FALSE, &theme->ink, MARGIN, pen.y, w - 2 * MARGIN) + 16;

  for (guint row = first; row < end && row * columns < n; row++)
    {
      double row_h = 0;

      for (guint c = 0; c < columns && row * columns + c < n; c++)
        {
          g_autoptr(TptPersona) persona = g_list_model_get_item (personas, row * columns + c);
          double x = MARGIN + c * (TPT_PERSONA_CARD_WIDTH + GAP);
          double h;

          if (cr != NULL)
            {
              cairo_save (cr);
              cairo_translate (cr, x, pen.y);
              h = tpt_persona_card_render (cr, context, persona, theme, TPT_PERSONA_CARD_WIDTH);
              cairo_restore (cr);
            }
          else if (parts != NULL)
            {
              g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (TptPersonaPart));

              h = card (NULL, context, persona, theme, TPT_PERSONA_CARD_WIDTH, own);
              for (guint i = 0; i < own->len; i++)
                {
                  TptPersonaPart part = g_array_index (own, TptPersonaPart, i);

                  part.rect.x += x;
                  part.rect.y += pen.y;
                  part.persona = row * columns + c;
                  g_array_append_val (parts, part);
                }
            }
          else
            h = tpt_persona_card_measure (context, persona, TPT_PERSONA_CARD_WIDTH);
          row_h = MAX (row_h, h);
        }
      pen.y += row_h + GAP;
    }

  if (width != NULL)
    *width = ceil (w);
  if (height != NULL)
    *height = ceil (pen.y - GAP + MARGIN);
}

/**
 * tpt_persona_gallery_measure:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @width: (out): the gallery's width, in points
 * @height: (out): its height
 */
void
tpt_persona_gallery_measure (PangoContext *context,
                             TptDocument  *document,
                             double       *width,
                             double       *height)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  gallery (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT), 0, G_MAXUINT,
           width, height, NULL);
}

/**
 * tpt_persona_gallery_render:
 * @cr: where to draw, with the gallery's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @theme: the colours
 *
 * Draws every persona of @document as a card, in rows, at the size
 * tpt_persona_gallery_measure() gives. The background is left to the caller.
 */
void
tpt_persona_gallery_render (cairo_t        *cr,
                            PangoContext   *context,
                            TptDocument    *document,
                            const TptTheme *theme)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  cairo_save (cr);
  gallery (cr, context, document, theme, 0, G_MAXUINT, NULL, NULL, NULL);
  cairo_restore (cr);
}

/**
 * tpt_persona_gallery_paginate:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @page_width: the width to fill, in points; the gallery is scaled down to
 *   it if wider, never up
 * @page_height: the height of a page, in points
 * @breaks: (element-type guint): gets the first row of cards on each page
 *
 * Splits the gallery over pages of a named size, as tpt_matrix_paginate()
 * does the matrix: cards are never cut, and a row taller than a page gets
 * a page of its own.
 *
 * Returns: the scale the pages are drawn at
 */
typedef struct
{
  PangoContext *context;
  TptDocument  *document;
} GalleryPart;

static double
gallery_part_height (guint    first,
                     guint    end,
                     gpointer data)
{
  GalleryPart *part = data;
  double height;

  gallery (NULL, part->context, part->document, tpt_theme_get (TPT_THEME_LIGHT), first, end,
           NULL, &height, NULL);
  return height;
}

double
tpt_persona_gallery_paginate (PangoContext *context,
                              TptDocument  *document,
                              double        page_width,
                              double        page_height,
                              GArray       *breaks)
{
  guint n = g_list_model_get_n_items (tpt_document_get_personas (document));
  GalleryPart part = { context, document };
  double width, height, scale;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), 1.0);
  g_return_val_if_fail (breaks != NULL, 1.0);

  gallery (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT), 0, G_MAXUINT, &width, &height,
           NULL);
  scale = MIN (1.0, page_width / width);
  tpt_paginate_rows ((n + COLUMNS - 1) / COLUMNS, page_height / scale, gallery_part_height,
                     &part, breaks);

  return scale;
}

/**
 * tpt_persona_gallery_render_part:
 * @cr: where to draw, with the part's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @theme: the colours
 * @first: the first row of cards to draw
 * @end: the row after the last to draw
 * @height: (out) (optional): the part's height
 *
 * Draws one page of a gallery split by tpt_persona_gallery_paginate().
 */
void
tpt_persona_gallery_render_part (cairo_t        *cr,
                                 PangoContext   *context,
                                 TptDocument    *document,
                                 const TptTheme *theme,
                                 guint           first,
                                 guint           end,
                                 double         *height)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  cairo_save (cr);
  gallery (cr, context, document, theme, first, end, NULL, height, NULL);
  cairo_restore (cr);
}

/**
 * tpt_persona_gallery_collect_parts:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @parts: (element-type TptPersonaPart): gets, for each persona in order,
 *   its whole card (%TPT_PERSONA_FIELD_CARD) and then each field drawn on
 *   it, in the gallery's coordinates
 *
 * Says where tpt_persona_gallery_render() draws what, so an editing canvas
 * can hit-test the same drawing. Fields that are empty are not drawn and
 * so not reported.
 */
void
tpt_persona_gallery_collect_parts (PangoContext *context,
                                   TptDocument  *document,
                                   GArray       *parts)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));
  g_return_if_fail (parts != NULL);

  g_array_set_size (parts, 0);
  gallery (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT), 0, G_MAXUINT, NULL, NULL,
           parts);
}

/**
 * tpt_persona_gallery_measure_part:
 * @context: a context from tpt_text_context_new()
 * @document: the document
 * @first: the first row of cards
 * @end: the row after the last
 * @width: (out) (optional): the part's width
 * @height: (out) (optional): its height
 */
void
tpt_persona_gallery_measure_part (PangoContext *context,
                                  TptDocument  *document,
                                  guint         first,
                                  guint         end,
                                  double       *width,
                                  double       *height)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  gallery (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT), first, end, width, height,
           NULL);
}
