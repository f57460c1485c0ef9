/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-slide-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-slide-renderer.h"
#include "tpt-artefact-drawing.h"
#include "tpt-blueprint-layout.h"
#include "tpt-blueprint-pages.h"
#include "tpt-text.h"

#include <math.h>
#include <pango/pangocairo.h>

/* A slide: a title band in large type across the top, with "number /
 * total" small at its right end, and the artefact (or the region of it the
 * slide saves) scaled to fit the rest and centred. Blueprints are tall and
 * slides are wide, so every point of height goes to the artefact. Everything is laid out in
 * the TPT_SLIDE_WIDTH × TPT_SLIDE_HEIGHT frame and scaled to the size
 * asked for, so a slide looks the same in a PDF, on a projector and in a
 * thumbnail. The cover is the exception: it is a title page, so it fills
 * the frame with no band. */

#define BAND_H        72.0     /* the title band */
#define SIDE          24.0     /* the artefact's margin left and right */
#define GAP           12.0     /* between the band and the artefact, and below it */
#define TITLE_X       36.0
#define NUMBER_SIZE   14.0
#define NUMBER_W      120.0    /* room for "999 / 999" at the band's end */
/* An artefact smaller than the frame is enlarged, but not so far that a
 * single card fills a wall; a region the user drew round a detail, further. */
#define MAX_ZOOM      3.0
#define MAX_REGION_ZOOM 8.0

/* A card's text is at least this size in the frame: 18 pixels on a
 * 1920-pixel-wide slide. An artefact that would show it smaller is split
 * over several views of the slide. */
#define SLIDE_CARD_TEXT 9.0

/* What a slide shows: the artefact drawn as slides draw it, and the
 * rectangle of that drawing (or the part of it) on the slide. */
typedef struct
{
  TptArtefactDrawing *drawing;     /* owned */
  GArray             *parts;       /* TptDrawingPart; NULL for a region */
  TptRect             bounds;      /* a region, or the whole drawing's */
  double              max_zoom;
} Source;

static void
source_clear (Source *source)
{
  g_clear_pointer (&source->drawing, tpt_artefact_drawing_unref);
  g_clear_pointer (&source->parts, g_array_unref);
}

static void
frame_content (gboolean  cover,
               TptRect  *rect)
{
  if (cover)
    *rect = (TptRect) { 0, 0, TPT_SLIDE_WIDTH, TPT_SLIDE_HEIGHT };
  else
    *rect = (TptRect) { SIDE, BAND_H + GAP, TPT_SLIDE_WIDTH - 2 * SIDE,
                        TPT_SLIDE_HEIGHT - BAND_H - 2 * GAP };
}

/* The node a slide shows, or NULL if it is gone. */
static gboolean
slide_target (TptDocument  *document,
              TptSlide     *slide,
              TptNode     **target)
{
  TptArtefactKind kind = tpt_slide_get_artefact (slide);
  GType type = tpt_artefact_kind_get_target_type (kind);

  *target = NULL;
  if (type == G_TYPE_NONE)
    return TRUE;
  *target = tpt_document_lookup_typed (document, tpt_slide_get_target (slide), type);
  if (*target != NULL && kind == TPT_ARTEFACT_STAGE &&
      !TPT_IS_BLUEPRINT (tpt_node_get_parent (*target)))
    *target = NULL;
  return *target != NULL;
}

/* Works out what @slide shows; %FALSE if its target is gone. A slide
 * that saves a region shows it on the artefact as the app draws it (a
 * stage's on its blueprint, a persona's on its card as a card exports);
 * one that does not is drawn as slides draw it, in parts if it is too big
 * to read whole. */
static gboolean
source_init (Source       *source,
             PangoContext *context,
             TptDocument  *document,
             TptSlide     *slide,
             GDateTime    *date)
{
  TptArtefactKind kind = tpt_slide_get_artefact (slide);
  TptNode *target = NULL;
  TptRect content;
  double x, y, rw, rh;
  gboolean region;

  *source = (Source) { NULL, NULL, { 0 }, MAX_ZOOM };
  region = tpt_slide_get_region (slide, &x, &y, &rw, &rh);
  frame_content (kind == TPT_ARTEFACT_COVER, &content);

  if (!slide_target (document, slide, &target))
    return FALSE;

  if (region)
    {
      if (kind == TPT_ARTEFACT_STAGE)
        {
          kind = TPT_ARTEFACT_BLUEPRINT;
          target = tpt_node_get_parent (target);
        }
      if (kind == TPT_ARTEFACT_COVER)
        source->drawing = tpt_artefact_drawing_new_for_slide (kind, document, NULL, context,
                                                              NULL, content.width,
                                                              content.height);
      else
        source->drawing = tpt_artefact_drawing_new (kind, document, target, context);
      source->bounds = (TptRect) { x, y, rw, rh };
      source->max_zoom = MAX_REGION_ZOOM;
    }
  else
    {
      g_autofree char *title = kind == TPT_ARTEFACT_COVER
                               ? tpt_slide_dup_display_title (document, slide) : NULL;
      TptPageRequest request = { content.width, content.height, FALSE, SLIDE_CARD_TEXT, TRUE,
                                 MAX_ZOOM };

      source->drawing = tpt_artefact_drawing_new_for_slide (kind, document, target, context,
                                                            title, content.width,
                                                            content.height);
      source->bounds = kind == TPT_ARTEFACT_BLUEPRINT ? source->drawing->ink
                                                      : source->drawing->bounds;
      source->parts = g_array_new (FALSE, TRUE, sizeof (TptDrawingPart));
      if (kind == TPT_ARTEFACT_BLUEPRINT || kind == TPT_ARTEFACT_COVER)
        {
          TptDrawingPart whole = { 0, 1, source->bounds.width, source->bounds.height, 1 };

          g_array_append_val (source->parts, whole);
        }
      else
        tpt_artefact_drawing_paginate (source->drawing, &request, source->parts);
    }
  tpt_artefact_drawing_set_date (source->drawing, date);

  return source->bounds.width > 0 && source->bounds.height > 0;
}

/* Fits @part of the artefact (the whole, with @part NULL) into @content,
 * centred, and draws it. */
static void
draw_source (const Source         *source,
             cairo_t              *cr,
             const TptTheme       *theme,
             const TptRect        *content,
             const TptDrawingPart *part)
{
  TptArtefactKind kind = source->drawing->kind;
  gboolean whole_drawing = part == NULL || kind == TPT_ARTEFACT_BLUEPRINT ||
                           kind == TPT_ARTEFACT_COVER || source->parts == NULL;
  TptRect shown = whole_drawing ? source->bounds
                                : (TptRect) { 0, 0, part->width, part->height };
  double scale = MIN (source->max_zoom, MIN (content->width / shown.width,
                                             content->height / shown.height));

  cairo_save (cr);
  cairo_translate (cr, content->x + (content->width - shown.width * scale) / 2,
                   content->y + (content->height - shown.height * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, shown.width, shown.height);
  cairo_clip (cr);
  tpt_color_set_source (cr, &theme->paper);
  cairo_paint (cr);
  if (whole_drawing)
    {
      cairo_translate (cr, -shown.x, -shown.y);
      tpt_artefact_drawing_render (source->drawing, cr, theme);
    }
  else
    tpt_artefact_drawing_render_part (source->drawing, cr, theme, part);
  cairo_restore (cr);
}

/* A layout of @text at @size points, at most @lines lines of @width. */
static PangoLayout *
sized_layout (PangoContext *context,
              const char   *text,
              double        size,
              gboolean      bold,
              double        width,
              int           lines)
{
  PangoLayout *layout = tpt_text_layout_new (context, TPT_TEXT_BODY, text, width);
  PangoFontDescription *desc =
    pango_font_description_copy (pango_layout_get_font_description (layout));

  pango_font_description_set_size (desc, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (desc, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_height (layout, -lines);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

/* The title in the largest of a few sizes at which it fits the band's
 * width on one line; a long one at the smallest size on two lines, and
 * cut short with an ellipsis if even those are not enough. */
static void
draw_title (cairo_t        *cr,
            PangoContext   *context,
            const char     *title,
            const TptTheme *theme)
{
  static const double sizes[] = { 32, 28, 24, 20 };
  guint last = G_N_ELEMENTS (sizes) - 1;
  double width = TPT_SLIDE_WIDTH - 2 * TITLE_X - NUMBER_W;
  g_autoptr(PangoLayout) layout = NULL;
  double h;

  tpt_color_set_source (cr, &theme->stage_fill);
  cairo_rectangle (cr, 0, 0, TPT_SLIDE_WIDTH, BAND_H);
  cairo_fill (cr);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_clear_object (&layout);
      layout = sized_layout (context, title, sizes[i], TRUE, width, i == last ? 2 : 1);
      if (!pango_layout_is_ellipsized (layout))
        break;
    }

  tpt_text_layout_size (layout, NULL, &h);
  tpt_color_set_source (cr, &theme->stage_ink);
  cairo_move_to (cr, TITLE_X, (BAND_H - h) / 2);
  tpt_text_show (cr, layout);
}

/* On the band, at its right end; on the cover, in the bottom corner. */
static void
draw_number (cairo_t        *cr,
             PangoContext   *context,
             const TptTheme *theme,
             gboolean        cover,
             guint           number,
             guint           total)
{
  /* Translators: the number of a slide and how many there are, e.g.
   * "3 / 12", in the corner of each slide. */
  g_autofree char *text = g_strdup_printf (_("%u / %u"), number, total);
  g_autoptr(PangoLayout) layout = sized_layout (context, text, NUMBER_SIZE, FALSE, NUMBER_W, 1);
  double h;

  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  tpt_text_layout_size (layout, NULL, &h);
  tpt_color_set_source (cr, cover ? &theme->muted : &theme->stage_ink);
  cairo_move_to (cr, TPT_SLIDE_WIDTH - TITLE_X - NUMBER_W,
                 cover ? TPT_SLIDE_HEIGHT - GAP - h - 8 : (BAND_H - h) / 2);
  tpt_text_show (cr, layout);
}

static void
draw_missing (cairo_t        *cr,
              PangoContext   *context,
              const TptTheme *theme,
              const TptRect  *content)
{
  g_autoptr(PangoLayout) layout =
    sized_layout (context, _("What this slide showed is no longer in the document"), 18, FALSE,
                  content->width, 2);
  double h;

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  tpt_text_layout_size (layout, NULL, &h);
  tpt_color_set_source (cr, &theme->muted);
  cairo_move_to (cr, content->x, content->y + (content->height - h) / 2);
  tpt_text_show (cr, layout);
}

/**
 * tpt_slide_dup_display_title:
 * @document: the document of @slide
 * @slide: a slide
 *
 * Returns: (transfer full): the slide's title, or when it has none, the
 *   name of what it shows
 */
char *
tpt_slide_dup_display_title (TptDocument *document,
                             TptSlide    *slide)
{
  const char *title;
  TptNode *target;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TPT_IS_SLIDE (slide), NULL);

  title = tpt_slide_get_title (slide);
  if (title[0] != '\0')
    return g_strdup (title);

  /* A slide whose target is gone has no name to take. */
  if (!slide_target (document, slide, &target))
    return g_strdup ("");
  return tpt_artefact_dup_title (tpt_slide_get_artefact (slide), document, target);
}

/**
 * tpt_slide_get_bounds:
 * @context: a context from tpt_text_context_new()
 * @document: the document of @slide
 * @slide: a slide
 * @bounds: (out): the rectangle of the artefact's drawing that the slide
 *   shows, in its points: the saved region, or all of the artefact. For a
 *   blueprint that is its stages, steps and lanes (not its title and
 *   legend), for a stage its columns in its blueprint's drawing (the lane
 *   headers drawn beside them are not part of it)
 *
 * Lets a presenter animate from one slide's view of a drawing to the next.
 *
 * Regions are in the drawings the app shows: a blueprint's layout (for
 * its stages too), the needs matrix as tpt_matrix_render() draws it, the
 * coverage report, and a persona's card as a single card exports
 * (%TPT_PERSONA_CARD_WIDTH wide, 12 points of paper round it); the cover's
 * is the slide's own cover page, 600 × 337.5 points. A slide of a whole
 * persona or of the whole matrix is laid out to suit the slide instead (a
 * wider card, the matrix without its coverage column), and its bounds are
 * in that drawing.
 *
 * Returns: %FALSE if what the slide shows is no longer in @document
 */
gboolean
tpt_slide_get_bounds (PangoContext *context,
                      TptDocument  *document,
                      TptSlide     *slide,
                      TptRect      *bounds)
{
  Source source;
  TptNode *target;
  double x, y, w, h;
  gboolean ok;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (TPT_IS_SLIDE (slide), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  *bounds = (TptRect) { 0 };
  if (!slide_target (document, slide, &target))
    return FALSE;
  if (tpt_slide_get_region (slide, &x, &y, &w, &h))
    {
      *bounds = (TptRect) { x, y, w, h };
      return w > 0 && h > 0;
    }

  /* A stage's place in its blueprint's drawing, so a presenter can move
   * from the whole blueprint to it. */
  if (tpt_slide_get_artefact (slide) == TPT_ARTEFACT_STAGE)
    {
      g_autoptr(TptBlueprintLayout) layout =
        tpt_blueprint_layout_new (document, TPT_BLUEPRINT (tpt_node_get_parent (target)), context);
      TptRect body = tpt_blueprint_pages_get_body (layout);

      *bounds = body;
      for (guint i = 0; i < layout->stages->len; i++)
        {
          const TptLayoutStage *ls = &g_array_index (layout->stages, TptLayoutStage, i);

          if (ls->stage != TPT_STAGE (target) || ls->rect.width <= 0)
            continue;
          /* Half a point more takes in the grid line on the right; the
           * last stage takes the body's padding. */
          *bounds = (TptRect) { ls->rect.x, body.y, ls->rect.width + 0.5, body.height };
          if (i + 1 == layout->stages->len)
            bounds->width = tpt_rect_right (&body) - ls->rect.x;
        }
      return TRUE;
    }

  ok = source_init (&source, context, document, slide, NULL);
  if (ok)
    *bounds = source.bounds;
  source_clear (&source);
  return ok;
}

/**
 * tpt_slide_get_content_rect:
 * @slide: a slide
 * @width: the width the slide is drawn at
 * @height: the height
 * @rect: (out): where on it the artefact is fitted, below the title band
 *   and above the number (all of it for the cover)
 */
void
tpt_slide_get_content_rect (TptSlide *slide,
                            double    width,
                            double    height,
                            TptRect  *rect)
{
  double scale;

  g_return_if_fail (TPT_IS_SLIDE (slide));
  g_return_if_fail (rect != NULL);

  scale = MIN (width / TPT_SLIDE_WIDTH, height / TPT_SLIDE_HEIGHT);
  frame_content (tpt_slide_get_artefact (slide) == TPT_ARTEFACT_COVER, rect);
  rect->x = (width - TPT_SLIDE_WIDTH * scale) / 2 + rect->x * scale;
  rect->y = (height - TPT_SLIDE_HEIGHT * scale) / 2 + rect->y * scale;
  rect->width *= scale;
  rect->height *= scale;
}

/**
 * tpt_slide_render:
 * @cr: where to draw, with the slide's top left corner at the origin
 * @context: a context from tpt_text_context_new()
 * @document: the document of @slide
 * @slide: the slide, in @document's list or made by
 *   tpt_slides_new_default()
 * @theme: the colours; %TPT_THEME_PROJECTOR is made for this
 * @width: the width to draw at, in the units of @cr
 * @height: the height; a frame that is not 16:9 is letterboxed in paper
 * @number: the slide's number, from 1
 * @total: how many slides there are
 *
 * Draws one slide: its title in large type on a band across the top (the
 * artefact's own name if the slide has no title), the artefact or the
 * region of it the slide saves scaled to fit the rest and centred, and
 * "@number / @total" small at the right end of the band (in the bottom
 * right corner of the cover). A stage shows its
 * columns of the blueprint with the lane headers beside them; a persona
 * its card, enlarged. The cover is a title page with no band.
 */
void
tpt_slide_render (cairo_t        *cr,
                  PangoContext   *context,
                  TptDocument    *document,
                  TptSlide       *slide,
                  const TptTheme *theme,
                  double          width,
                  double          height,
                  guint           number,
                  guint           total)
{
  tpt_slide_render_full (cr, context, document, slide, theme, width, height, number, total,
                         NULL);
}

/**
 * tpt_slide_render_full:
 * @cr: where to draw
 * @context: a context from tpt_text_context_new()
 * @document: the document of @slide
 * @slide: the slide
 * @theme: the colours
 * @width: the width to draw at
 * @height: the height
 * @number: the slide's number, from 1
 * @total: how many slides there are
 * @date: (nullable): the date a cover shows; %NULL for today
 *
 * Draws one slide as tpt_slide_render() does, with the cover's date given,
 * as exports give it.
 */
void
tpt_slide_render_full (cairo_t        *cr,
                       PangoContext   *context,
                       TptDocument    *document,
                       TptSlide       *slide,
                       const TptTheme *theme,
                       double          width,
                       double          height,
                       guint           number,
                       guint           total,
                       GDateTime      *date)
{
  tpt_slide_render_part (cr, context, document, slide, theme, width, height, G_MAXUINT, number,
                         total, date);
}

/**
 * tpt_slide_count_parts:
 * @context: a context from tpt_text_context_new()
 * @document: the document of @slide
 * @slide: a slide
 *
 * A slide whose artefact would show its cards' text smaller than 18
 * pixels on a 1920-pixel-wide screen, drawn whole, is shown in parts: a
 * tall stage a few lanes at a time, a long matrix a few needs at a time.
 *
 * Returns: how many parts the slide is shown in, at least one
 */
guint
tpt_slide_count_parts (PangoContext *context,
                       TptDocument  *document,
                       TptSlide     *slide)
{
  Source source;
  guint n = 1;

  g_return_val_if_fail (TPT_IS_SLIDE (slide), 1);

  if (source_init (&source, context, document, slide, NULL) && source.parts != NULL)
    n = MAX (source.parts->len, 1);
  source_clear (&source);
  return n;
}

/**
 * tpt_slide_render_part:
 * @cr: where to draw
 * @context: a context from tpt_text_context_new()
 * @document: the document of @slide
 * @slide: the slide
 * @theme: the colours
 * @width: the width to draw at
 * @height: the height
 * @part: which part, from 0 (see tpt_slide_count_parts()); %G_MAXUINT for
 *   the whole artefact fitted, as tpt_slide_render() draws it
 * @number: the slide's number, from 1
 * @total: how many slides there are
 * @date: (nullable): the date a cover shows; %NULL for today
 *
 * Draws one part of a slide, with "(2/3)" after its title.
 */
void
tpt_slide_render_part (cairo_t        *cr,
                       PangoContext   *context,
                       TptDocument    *document,
                       TptSlide       *slide,
                       const TptTheme *theme,
                       double          width,
                       double          height,
                       guint           part,
                       guint           number,
                       guint           total,
                       GDateTime      *date)
{
  gboolean cover;
  g_autofree char *title = NULL;
  double scale;
  TptRect content;
  Source source;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (PANGO_IS_CONTEXT (context));
  g_return_if_fail (TPT_IS_DOCUMENT (document));
  g_return_if_fail (TPT_IS_SLIDE (slide));
  g_return_if_fail (theme != NULL);

  cover = tpt_slide_get_artefact (slide) == TPT_ARTEFACT_COVER;
  scale = MIN (width / TPT_SLIDE_WIDTH, height / TPT_SLIDE_HEIGHT);
  frame_content (cover, &content);

  cairo_save (cr);
  tpt_color_set_source (cr, &theme->paper);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);
  cairo_translate (cr, (width - TPT_SLIDE_WIDTH * scale) / 2,
                   (height - TPT_SLIDE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, TPT_SLIDE_WIDTH, TPT_SLIDE_HEIGHT);
  cairo_clip (cr);

  title = tpt_slide_dup_display_title (document, slide);
  if (source_init (&source, context, document, slide, date))
    {
      const TptDrawingPart *shown = NULL;

      if (source.parts != NULL && part < source.parts->len)
        shown = &g_array_index (source.parts, TptDrawingPart, part);
      if (shown != NULL && shown->count > 1)
        {
          /* Translators: a slide's title and which of its parts this is, "Claim (2/3)". */
          char *numbered = g_strdup_printf (_("%s (%u/%u)"), title, shown->index + 1,
                                            shown->count);

          g_free (title);
          title = numbered;
        }
      draw_source (&source, cr, theme, &content, shown);
    }
  else
    draw_missing (cr, context, theme, &content);
  source_clear (&source);

  if (!cover)
    draw_title (cr, context, title, theme);
  if (total > 0)
    draw_number (cr, context, theme, cover, number, total);

  cairo_restore (cr);
}
