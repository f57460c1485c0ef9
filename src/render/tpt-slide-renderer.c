/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-slide-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-slide-renderer.h"
#include "tpt-blueprint-layout.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-case-renderer.h"
#include "tpt-cover.h"
#include "tpt-coverage-renderer.h"
#include "tpt-matrix-renderer.h"
#include "tpt-persona-renderer.h"
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

/* The cover is drawn on a page this much smaller than the frame and then
 * enlarged, so its type is projector-sized. */
#define COVER_ZOOM    1.6

/* The paper round a persona's card, as in exports of one card. */
#define PERSONA_MARGIN 12.0

/* What a slide shows, in the coordinates of its artefact's drawing. */
typedef struct
{
  TptArtefactKind     artefact;
  TptDocument        *document;
  PangoContext       *context;
  TptBlueprintLayout *layout;      /* owned; blueprints and stages */
  TptPersona         *persona;
  double              card_width;  /* persona cards */
  TptRect             bounds;      /* the rectangle shown */
  TptRect             headers;     /* a stage's lane headers, drawn beside it */
  double              max_zoom;
  char               *title;       /* owned; the cover's */
  GDateTime          *date;        /* borrowed; the cover's, or NULL for today */
  gboolean            compact;     /* the needs matrix without its coverage */
  TptBlueprint       *future;      /* borrowed; a case for change's */
} Source;

static void
source_clear (Source *source)
{
  g_clear_pointer (&source->layout, tpt_blueprint_layout_unref);
  g_clear_pointer (&source->title, g_free);
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

/* A blueprint without its title, subtitle and legend, which a slide's
 * title band and the audience's attention replace: the stage headers down
 * to the last lane, office bands and lane headers included. */
static TptRect
blueprint_body (const TptBlueprintLayout *layout)
{
  double top = layout->grid.y;
  double left = layout->grid.x;
  double right = tpt_rect_right (&layout->grid);
  double bottom = tpt_rect_bottom (&layout->grid);

  for (guint i = 0; i < layout->stages->len; i++)
    top = MIN (top, g_array_index (layout->stages, TptLayoutStage, i).rect.y);
  for (guint i = 0; i < layout->steps->len; i++)
    top = MIN (top, g_array_index (layout->steps, TptLayoutStep, i).header.y);
  for (guint i = 0; i < layout->lanes->len; i++)
    left = MIN (left, g_array_index (layout->lanes, TptLayoutLane, i).header.x);
  for (guint i = 0; i < layout->offices->len; i++)
    left = MIN (left, g_array_index (layout->offices, TptLayoutOffice, i).rect.x);

  /* A little paper round it, so the outer lines are not cut. */
  return (TptRect) { left - 6, top - 6, right - left + 12, bottom - top + 12 };
}

/* A stage is its columns; the lane headers, from the left of the body to
 * the grid, are drawn beside them so the rows stay named. */
static void
stage_source (Source   *source,
              TptStage *stage)
{
  const TptBlueprintLayout *layout = source->layout;
  TptRect body = blueprint_body (layout);

  source->bounds = body;
  for (guint i = 0; i < layout->stages->len; i++)
    {
      const TptLayoutStage *ls = &g_array_index (layout->stages, TptLayoutStage, i);

      /* A stage without steps has no columns: its slide shows the body. */
      if (ls->stage != stage || ls->rect.width <= 0)
        continue;

      source->headers = (TptRect) { body.x, body.y, layout->grid.x - body.x, body.height };
      /* Half a point more takes in the grid line on the right, but not the
       * next stage's header; the last stage takes the body's padding. */
      source->bounds = (TptRect) { ls->rect.x, body.y, ls->rect.width + 0.5, body.height };
      if (i + 1 == layout->stages->len)
        source->bounds.width = tpt_rect_right (&body) - ls->rect.x;
      break;
    }
}

/* A card is tall and a slide is wide: of a few widths, the one that lets
 * the card be drawn largest. */
static void
persona_source (Source        *source,
                const TptRect *content)
{
  static const double widths[] = { TPT_PERSONA_CARD_WIDTH, 320, 400, 480, 560 };
  double best = 0;

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      double w = widths[i] + 2 * PERSONA_MARGIN;
      double h = tpt_persona_card_measure (source->context, source->persona, widths[i]) +
                 2 * PERSONA_MARGIN;
      double scale = MIN (content->width / w, content->height / h);

      if (scale > best)
        {
          best = scale;
          source->card_width = widths[i];
          source->bounds = (TptRect) { 0, 0, w, h };
        }
    }
}

/* Works out what @slide shows; %FALSE if its target is gone. */
static gboolean
source_init (Source       *source,
             PangoContext *context,
             TptDocument  *document,
             TptSlide     *slide)
{
  TptNode *target = NULL;
  TptRect content;
  double w = 0, h = 0;
  double x, y, rw, rh;
  gboolean region;

  *source = (Source) { tpt_slide_get_artefact (slide), document, context };
  source->max_zoom = MAX_ZOOM;
  region = tpt_slide_get_region (slide, &x, &y, &rw, &rh);
  frame_content (source->artefact == TPT_ARTEFACT_COVER, &content);

  if (tpt_artefact_kind_get_target_type (source->artefact) != G_TYPE_NONE)
    {
      target = tpt_document_lookup_typed (document, tpt_slide_get_target (slide),
                                          tpt_artefact_kind_get_target_type (source->artefact));
      if (target == NULL)
        return FALSE;
    }

  switch (source->artefact)
    {
    case TPT_ARTEFACT_COVER:
      /* The slide's own title, if it has one, is the cover's. */
      source->title = tpt_slide_dup_display_title (document, slide);
      source->bounds = (TptRect) { 0, 0, TPT_SLIDE_WIDTH / COVER_ZOOM,
                                   TPT_SLIDE_HEIGHT / COVER_ZOOM };
      break;
    case TPT_ARTEFACT_BLUEPRINT:
      source->layout = tpt_blueprint_layout_new (document, TPT_BLUEPRINT (target), context);
      source->bounds = blueprint_body (source->layout);
      break;
    case TPT_ARTEFACT_STAGE:
      {
        TptNode *blueprint = tpt_node_get_parent (target);

        if (!TPT_IS_BLUEPRINT (blueprint))
          return FALSE;
        source->layout = tpt_blueprint_layout_new (document, TPT_BLUEPRINT (blueprint), context);
        stage_source (source, TPT_STAGE (target));
      }
      break;
    case TPT_ARTEFACT_PERSONA:
      /* A region is drawn on the card as a single card exports, so that
       * its coordinates mean the same everywhere; a whole card is laid out
       * as wide as suits the slide. */
      source->persona = TPT_PERSONA (target);
      source->card_width = TPT_PERSONA_CARD_WIDTH;
      if (!region)
        persona_source (source, &content);
      break;
    case TPT_ARTEFACT_NEEDS_MATRIX:
      /* Likewise a region is on the matrix as the canvas shows it; the
       * whole matrix leaves out its coverage column, which makes it too
       * tall for a slide and which the coverage slide shows. */
      source->compact = !region;
      if (source->compact)
        tpt_matrix_render_table (NULL, context, document, tpt_theme_get (TPT_THEME_LIGHT),
                                 &w, &h);
      else
        tpt_matrix_measure (context, document, &w, &h);
      source->bounds = (TptRect) { 0, 0, w, h };
      break;
    case TPT_ARTEFACT_COVERAGE:
      tpt_coverage_report_measure (context, document, &w, &h);
      source->bounds = (TptRect) { 0, 0, w, h };
      break;
    case TPT_ARTEFACT_CASE_FOR_CHANGE:
      source->future = TPT_BLUEPRINT (target);
      tpt_case_for_change_measure (context, document, source->future, &w, &h);
      source->bounds = (TptRect) { 0, 0, w, h };
      break;
    default:
      g_assert_not_reached ();
    }

  /* A saved region replaces all that; it is in the artefact's drawing (a
   * stage's, its blueprint's), and shows neither more nor less. */
  if (region)
    {
      source->bounds = (TptRect) { x, y, rw, rh };
      source->headers = (TptRect) { 0 };
      source->max_zoom = MAX_REGION_ZOOM;
    }

  return source->bounds.width > 0 && source->bounds.height > 0;
}

/* Draws the whole artefact at its own size; the caller clips. */
static void
source_draw (const Source   *source,
             cairo_t        *cr,
             const TptTheme *theme)
{
  g_autoptr(GDateTime) now = NULL;

  switch (source->artefact)
    {
    case TPT_ARTEFACT_COVER:
      if (source->date == NULL)
        now = g_date_time_new_now_local ();
      tpt_cover_render_titled (cr, source->context, source->document, source->title, theme,
                               TPT_SLIDE_WIDTH / COVER_ZOOM, TPT_SLIDE_HEIGHT / COVER_ZOOM,
                               source->date != NULL ? source->date : now);
      break;
    case TPT_ARTEFACT_BLUEPRINT:
    case TPT_ARTEFACT_STAGE:
      tpt_blueprint_render (cr, source->layout, theme);
      break;
    case TPT_ARTEFACT_PERSONA:
      cairo_translate (cr, PERSONA_MARGIN, PERSONA_MARGIN);
      tpt_persona_card_render (cr, source->context, source->persona, theme, source->card_width);
      break;
    case TPT_ARTEFACT_NEEDS_MATRIX:
      if (source->compact)
        tpt_matrix_render_table (cr, source->context, source->document, theme, NULL, NULL);
      else
        tpt_matrix_render (cr, source->context, source->document, theme);
      break;
    case TPT_ARTEFACT_COVERAGE:
      tpt_coverage_report_render (cr, source->context, source->document, theme);
      break;
    case TPT_ARTEFACT_CASE_FOR_CHANGE:
      tpt_case_for_change_render (cr, source->context, source->document, source->future, theme);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Draws @part of the artefact at (@x, 0) of the current space. */
static void
draw_part (const Source   *source,
           cairo_t        *cr,
           const TptTheme *theme,
           const TptRect  *part,
           double          x)
{
  cairo_save (cr);
  cairo_rectangle (cr, x, 0, part->width, part->height);
  cairo_clip (cr);
  tpt_color_set_source (cr, &theme->paper);
  cairo_paint (cr);
  cairo_translate (cr, x - part->x, -part->y);
  source_draw (source, cr, theme);
  cairo_restore (cr);
}

/* Fits the artefact into @content, centred, and draws it. */
static void
draw_source (const Source   *source,
             cairo_t        *cr,
             const TptTheme *theme,
             const TptRect  *content)
{
  double w = source->headers.width + source->bounds.width;
  double h = source->bounds.height;
  double scale = MIN (source->max_zoom, MIN (content->width / w, content->height / h));

  cairo_save (cr);
  cairo_translate (cr, content->x + (content->width - w * scale) / 2,
                   content->y + (content->height - h * scale) / 2);
  cairo_scale (cr, scale, scale);
  if (source->headers.width > 0)
    draw_part (source, cr, theme, &source->headers, 0);
  draw_part (source, cr, theme, &source->bounds, source->headers.width);
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
  pango_cairo_show_layout (cr, layout);
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
  pango_cairo_show_layout (cr, layout);
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
  pango_cairo_show_layout (cr, layout);
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

  target = tpt_document_lookup (document, tpt_slide_get_target (slide));
  switch (tpt_slide_get_artefact (slide))
    {
    case TPT_ARTEFACT_COVER:
      title = tpt_document_get_title (document);
      return g_strdup (title[0] != '\0' ? title : _("Untitled document"));
    case TPT_ARTEFACT_BLUEPRINT:
      if (TPT_IS_BLUEPRINT (target))
        return g_strdup (tpt_blueprint_get_title (TPT_BLUEPRINT (target)));
      break;
    case TPT_ARTEFACT_STAGE:
      if (TPT_IS_STAGE (target))
        return g_strdup (tpt_stage_get_title (TPT_STAGE (target)));
      break;
    case TPT_ARTEFACT_PERSONA:
      if (TPT_IS_PERSONA (target))
        return g_strdup (tpt_persona_get_name (TPT_PERSONA (target)));
      break;
    case TPT_ARTEFACT_NEEDS_MATRIX:
      return g_strdup (_("Needs Matrix"));
    case TPT_ARTEFACT_COVERAGE:
      return g_strdup (_("Coverage"));
    case TPT_ARTEFACT_CASE_FOR_CHANGE:
      return g_strdup (_("The Case for Change"));
    default:
      break;
    }

  return g_strdup ("");
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
  gboolean ok;

  g_return_val_if_fail (PANGO_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (TPT_IS_SLIDE (slide), FALSE);
  g_return_val_if_fail (bounds != NULL, FALSE);

  ok = source_init (&source, context, document, slide);
  *bounds = ok ? source.bounds : (TptRect) { 0 };
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

  if (source_init (&source, context, document, slide))
    {
      source.date = date;
      draw_source (&source, cr, theme, &content);
    }
  else
    draw_missing (cr, context, theme, &content);
  source_clear (&source);

  if (!cover)
    {
      title = tpt_slide_dup_display_title (document, slide);
      draw_title (cr, context, title, theme);
    }
  if (total > 0)
    draw_number (cr, context, theme, cover, number, total);

  cairo_restore (cr);
}
