/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-artefact-renderer"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-artefact-renderer.h"
#include "tpt-blueprint-layout-private.h"
#include "tpt-blueprint-pages.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-case-for-change.h"
#include "tpt-case-renderer.h"
#include "tpt-changes-overlay.h"
#include "tpt-cover.h"
#include "tpt-coverage-renderer.h"
#include "tpt-journey-renderer.h"
#include "tpt-link.h"
#include "tpt-matrix-renderer.h"
#include "tpt-persona-renderer.h"
#include "tpt-text.h"

#include <math.h>

/* The renderer table: for each kind of artefact in core's artefact table,
 * how it is measured, drawn, split over pages and hit-tested. */

/* A document's cover, exported on its own or with fitted pages: A4
 * landscape. */
#define COVER_WIDTH  (297 * 72.0 / 25.4)
#define COVER_HEIGHT (210 * 72.0 / 25.4)

/* A cover slide is drawn this much smaller than its frame and enlarged, so
 * its type is projector-sized. */
#define COVER_ZOOM 1.6

/* The paper round a persona's card drawn alone, so its edge shows. */
#define PERSONA_MARGIN 12.0

/* Continued strips of a report start this far down their page. */
#define STRIP_TOP 24.0

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

/* Parts ------------------------------------------------------------------ */

static double
fit_scale (const TptPageRequest *request,
           double                width,
           double                height)
{
  double scale = MIN (request->width / MAX (width, 1), request->height / MAX (height, 1));

  if (request->fitted)
    return MIN (1.0, scale);
  return MIN (scale, request->max_scale > 0 ? request->max_scale : G_MAXDOUBLE);
}

static void
add_whole (TptArtefactDrawing   *drawing,
           const TptPageRequest *request,
           GArray               *parts)
{
  TptDrawingPart part = { 0, 1, drawing->bounds.width, drawing->bounds.height, 1 };

  part.scale = fit_scale (request, part.width, part.height);
  g_array_append_val (parts, part);
}

static void
number_parts (GArray *parts,
              guint   start)
{
  for (guint i = start; i < parts->len; i++)
    {
      TptDrawingPart *part = &g_array_index (parts, TptDrawingPart, i);

      part->index = i - start;
      part->count = parts->len - start;
    }
}

/* The size of text that decides whether an artefact is split. */
static double
deciding_text (TptArtefactDrawing   *drawing,
               const TptPageRequest *request)
{
  return request->body_text ? tpt_text_style_get_size (TPT_TEXT_BODY)
                            : tpt_artefact_drawing_get_smallest_text (drawing);
}

/* The scale an artefact split over pages is drawn at: its own size on
 * paper (or less, to fit the width), and on slides the least that keeps
 * its body text at the size asked for. */
static double
split_scale (TptArtefactDrawing   *drawing,
             const TptPageRequest *request)
{
  if (request->fitted || !request->body_text)
    return 1.0;
  return request->min_text / tpt_text_style_get_size (TPT_TEXT_BODY);
}

/* The places a report names nodes, as regions a view can take a click
 * on; for a strip of it (see strips_paginate()), those on the strip, where
 * the strip draws them. */
static void
add_link_regions (GArray               *links,
                  const TptDrawingPart *part,
                  GArray               *regions)
{
  gboolean strip = part != NULL && part->first == 1;
  double top = strip && part->index > 0 ? STRIP_TOP : 0;

  for (guint i = 0; i < links->len; i++)
    {
      const TptLink *link = &g_array_index (links, TptLink, i);
      TptHitRegion region = { TPT_HIT_LINK, link->rect, link->node };

      if (strip)
        {
          if (link->rect.y < part->y0 || link->rect.y + link->rect.height > part->y1)
            continue;
          region.rect.y += top - part->y0;
        }
      g_array_append_val (regions, region);
    }
}

/* Cover ------------------------------------------------------------------ */

static void
cover_prepare (TptArtefactDrawing *drawing)
{
  if (drawing->for_slide)
    drawing->bounds = (TptRect) { 0, 0, drawing->frame.width / COVER_ZOOM,
                                  drawing->frame.height / COVER_ZOOM };
  else
    drawing->bounds = (TptRect) { 0, 0, COVER_WIDTH, COVER_HEIGHT };
  drawing->ink = drawing->bounds;
}

static void
cover_draw (TptArtefactDrawing *drawing,
            cairo_t            *cr,
            const TptTheme     *theme,
            double              width,
            double              height,
            guint               first,
            guint               end,
            GArray             *rects)
{
  g_autoptr(GDateTime) now = drawing->date == NULL ? g_date_time_new_now_local () : NULL;

  tpt_cover_render_contents (cr, drawing->context, drawing->document, drawing->title, theme,
                             width, height, drawing->date != NULL ? drawing->date : now,
                             drawing->entries, first, MIN (end, drawing->n_entries),
                             (const char * const *) drawing->notes, rects);
}

static void
cover_render (TptArtefactDrawing *drawing,
              cairo_t            *cr,
              const TptTheme     *theme)
{
  guint fit = drawing->n_entries > 0
              ? tpt_cover_contents_fit (drawing->context, drawing->document, drawing->bounds.width,
                                        drawing->bounds.height,
                                        (const char * const *) drawing->notes, TRUE)
              : 0;

  cover_draw (drawing, cr, theme, drawing->bounds.width, drawing->bounds.height, 0, fit, NULL);
}

/* The cover takes the whole page it is given; its contents go on over
 * more pages when they are long. */
static void
cover_paginate (TptArtefactDrawing   *drawing,
                const TptPageRequest *request,
                GArray               *parts)
{
  double width = request->fitted ? COVER_WIDTH : request->width;
  double height = request->fitted ? COVER_HEIGHT : request->height;
  guint start = parts->len;
  guint first = 0;

  do
    {
      TptDrawingPart part = { 0, 1, width, height, 1 };
      guint fit = tpt_cover_contents_fit (drawing->context, drawing->document, width, height,
                                          (const char * const *) drawing->notes, first == 0);

      part.first = first;
      part.end = MIN (first + fit, drawing->n_entries);
      g_array_append_val (parts, part);
      first = part.end;
    }
  while (first < drawing->n_entries);
  number_parts (parts, start);
}

static void
cover_render_part (TptArtefactDrawing   *drawing,
                   cairo_t              *cr,
                   const TptTheme       *theme,
                   const TptDrawingPart *part)
{
  cover_draw (drawing, cr, theme, part->width, part->height, part->first, part->end, NULL);
}

static void
cover_collect_regions (TptArtefactDrawing   *drawing,
                       const TptDrawingPart *part,
                       GArray               *regions)
{
  g_autoptr(cairo_surface_t) surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR,
                                                                       NULL);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  g_autoptr(GArray) rects = g_array_new (FALSE, FALSE, sizeof (TptRect));
  TptDrawingPart whole = { 0, 1, drawing->bounds.width, drawing->bounds.height, 1 };

  if (part == NULL)
    {
      whole.end = tpt_cover_contents_fit (drawing->context, drawing->document,
                                          drawing->bounds.width, drawing->bounds.height,
                                          (const char * const *) drawing->notes, TRUE);
      part = &whole;
    }
  cover_draw (drawing, cr, tpt_theme_get (TPT_THEME_LIGHT), part->width, part->height,
              part->first, part->end, rects);
  for (guint i = 0; i < rects->len; i++)
    {
      TptHitRegion region = { TPT_HIT_CONTENTS, g_array_index (rects, TptRect, i), NULL,
                              part->first + i };

      g_array_append_val (regions, region);
    }
}

static void
cover_list (TptDocument *document,
            GPtrArray   *targets)
{
  g_ptr_array_add (targets, NULL);
}

/* Blueprint -------------------------------------------------------------- */

static void
blueprint_prepare (TptArtefactDrawing *drawing)
{
  drawing->layout = tpt_blueprint_layout_new (drawing->document, TPT_BLUEPRINT (drawing->target),
                                              drawing->context);
  drawing->bounds = drawing->layout->bounds;
  drawing->ink = tpt_blueprint_pages_get_ink (drawing->layout);
  /* An overview slide shows the stages, steps and lanes, not the title
   * and legend its band and the room replace. */
  if (drawing->for_slide)
    drawing->ink = tpt_blueprint_pages_get_body (drawing->layout);
}

/* A slide of a whole blueprint is its overview: too small to read the
 * cards, so their text is shown as bars, and each stage is named across
 * its columns in type the room can read. */
static void
overview_render (TptArtefactDrawing *drawing,
                 cairo_t            *cr,
                 const TptTheme     *theme)
{
  const TptBlueprintLayout *layout = drawing->layout;
  double scale = MIN (3.0, MIN (drawing->frame.width / drawing->ink.width,
                                drawing->frame.height / drawing->ink.height));

  cairo_save (cr);
  tpt_text_set_greeked (cr, TRUE);
  tpt_blueprint_render (cr, layout, theme);
  tpt_text_set_greeked (cr, FALSE);
  for (guint i = 0; i < layout->stages->len; i++)
    {
      const TptLayoutStage *stage = &g_array_index (layout->stages, TptLayoutStage, i);
      g_autoptr(PangoLayout) label = NULL;
      double w, h;

      if (stage->rect.width <= 0)
        continue;
      label = tpt_text_layout_new (drawing->context, TPT_TEXT_SUBHEADING,
                                   tpt_stage_get_title (stage->stage), -1);
      tpt_text_layout_size (label, &w, &h);
      cairo_save (cr);
      cairo_rectangle (cr, stage->rect.x, stage->rect.y, stage->rect.width, stage->rect.height);
      cairo_clip (cr);
      tpt_color_set_source (cr, &theme->stage_fill);
      cairo_paint (cr);
      /* 11 points of the frame: 22 pixels on a 1920-pixel slide. */
      cairo_translate (cr, stage->rect.x + 4, stage->rect.y);
      cairo_scale (cr, 1 / scale, 1 / scale);
      tpt_color_set_source (cr, &theme->stage_ink);
      cairo_move_to (cr, 0, 0);
      tpt_text_show (cr, label);
      cairo_restore (cr);
    }
  cairo_restore (cr);
}

static void
blueprint_render (TptArtefactDrawing *drawing,
                  cairo_t            *cr,
                  const TptTheme     *theme)
{
  if (drawing->for_slide)
    overview_render (drawing, cr, theme);
  else
    {
      tpt_blueprint_render (cr, drawing->layout, theme);
      if (drawing->changes != NULL)
        tpt_changes_overlay_render (cr, drawing->layout, drawing->changes, theme);
    }
}

/* On named paper, a blueprint that fits at a readable size is one page;
 * one that does not is split by stage (and by lanes, if too tall) at a
 * size that reads, never shrunk below it. Fitted pages are the drawing's
 * own size, split only where a page would pass the longest side readers
 * allow. */
static void
blueprint_paginate (TptArtefactDrawing   *drawing,
                    const TptPageRequest *request,
                    GArray               *parts)
{
  const TptBlueprintLayout *layout = drawing->layout;
  double smallest = deciding_text (drawing, request);
  double fit = fit_scale (request, layout->bounds.width, layout->bounds.height);
  double scale;
  guint start = parts->len;

  if (drawing->for_slide ||
      (request->fitted && fit >= 1.0) ||
      (!request->fitted && smallest * fit >= request->min_text))
    {
      add_whole (drawing, request, parts);
      return;
    }

  if (request->fitted)
    scale = 1.0;
  else
    scale = MIN (1.0, MAX (request->min_text, 6.0) / smallest);
  tpt_blueprint_pages_split (layout, request->width / scale, request->height / scale,
                             TPT_PART_HEADING | TPT_PART_LEGEND, parts);
  for (guint i = start; i < parts->len; i++)
    {
      TptDrawingPart *part = &g_array_index (parts, TptDrawingPart, i);

      part->scale = MIN (scale, fit_scale (request, part->width, part->height));
    }
}

static void
blueprint_render_part (TptArtefactDrawing   *drawing,
                       cairo_t              *cr,
                       const TptTheme       *theme,
                       const TptDrawingPart *part)
{
  tpt_blueprint_pages_render_part (cr, drawing->context, drawing->layout, theme,
                                   drawing->changes, part);
}

static void
blueprint_collect_regions (TptArtefactDrawing   *drawing,
                           const TptDrawingPart *part,
                           GArray               *regions)
{
  for (guint i = 0; i < drawing->layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (drawing->layout->cards, TptLayoutCard, i);
      TptHitRegion region = { TPT_HIT_CARD, card->rect, TPT_NODE (card->card), i };

      g_array_append_val (regions, region);
    }
}

static void
blueprint_list (TptDocument *document,
                GPtrArray   *targets)
{
  GListModel *blueprints = tpt_document_get_blueprints (document);

  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);

      g_ptr_array_add (targets, blueprint);
    }
}

/* Stage ------------------------------------------------------------------ */

/* A stage is laid out alone (on a slide, without its empty lanes) and
 * drawn as one part: its headers, its lane headers and its cells. */
static void
stage_prepare (TptArtefactDrawing *drawing)
{
  g_autoptr(TptTextCache) cache = tpt_text_cache_new (drawing->context);
  TptNode *blueprint = tpt_node_get_parent (drawing->target);
  g_autoptr(GArray) parts = g_array_new (FALSE, TRUE, sizeof (TptDrawingPart));

  g_return_if_fail (TPT_IS_BLUEPRINT (blueprint));

  drawing->layout = tpt_blueprint_layout_new_stage (drawing->document, TPT_BLUEPRINT (blueprint),
                                                    TPT_STAGE (drawing->target), cache,
                                                    drawing->for_slide);
  tpt_blueprint_pages_split (drawing->layout, G_MAXDOUBLE / 4, G_MAXDOUBLE / 4, 0, parts);
  drawing->bounds = (TptRect) { 0, 0, g_array_index (parts, TptDrawingPart, 0).width,
                                g_array_index (parts, TptDrawingPart, 0).height };
  drawing->ink = drawing->bounds;
}

static void
stage_render (TptArtefactDrawing *drawing,
              cairo_t            *cr,
              const TptTheme     *theme)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, TRUE, sizeof (TptDrawingPart));

  tpt_blueprint_pages_split (drawing->layout, G_MAXDOUBLE / 4, G_MAXDOUBLE / 4, 0, parts);
  tpt_blueprint_pages_render_part (cr, drawing->context, drawing->layout, theme,
                                   drawing->changes, &g_array_index (parts, TptDrawingPart, 0));
}

/* Too tall to read whole, a stage goes over several parts, lanes in
 * groups, each with the stage's headers. */
static void
stage_paginate (TptArtefactDrawing   *drawing,
                const TptPageRequest *request,
                GArray               *parts)
{
  double smallest = deciding_text (drawing, request);
  double fit = fit_scale (request, drawing->bounds.width, drawing->bounds.height);
  gboolean whole = request->fitted ? fit >= 1.0 : smallest * fit >= request->min_text;
  double scale = request->fitted ? 1.0 : MIN (1.0, request->min_text / smallest);
  double room_w = whole ? G_MAXDOUBLE / 4 : request->width / scale;
  double room_h = whole ? G_MAXDOUBLE / 4 : request->height / scale;
  guint start = parts->len;

  tpt_blueprint_pages_split (drawing->layout, room_w, room_h, 0, parts);
  for (guint i = start; i < parts->len; i++)
    {
      TptDrawingPart *part = &g_array_index (parts, TptDrawingPart, i);

      part->scale = fit_scale (request, part->width, part->height);
    }
}

/* Persona ---------------------------------------------------------------- */

/* A card is tall and a slide is wide: of a few widths, the one that lets
 * the card be drawn largest. */
static void
persona_prepare (TptArtefactDrawing *drawing)
{
  static const double widths[] = { TPT_PERSONA_CARD_WIDTH, 320, 400, 480, 560, 640, 720, 800 };
  TptPersona *persona = TPT_PERSONA (drawing->target);
  double best = 0;

  drawing->card_width = TPT_PERSONA_CARD_WIDTH;
  for (guint i = 0; i < (drawing->for_slide ? G_N_ELEMENTS (widths) : 1); i++)
    {
      double w = widths[i] + 2 * PERSONA_MARGIN;
      double h = tpt_persona_card_measure (drawing->context, persona, widths[i]) +
                 2 * PERSONA_MARGIN;
      double scale = drawing->for_slide ? MIN (drawing->frame.width / w,
                                               drawing->frame.height / h) : 1;

      if (scale > best)
        {
          best = scale;
          drawing->card_width = widths[i];
          drawing->bounds = (TptRect) { 0, 0, w, h };
        }
    }
  drawing->ink = (TptRect) { PERSONA_MARGIN - 1, PERSONA_MARGIN - 1,
                             drawing->bounds.width - 2 * PERSONA_MARGIN + 2,
                             drawing->bounds.height - 2 * PERSONA_MARGIN + 2 };
}

static void
persona_render (TptArtefactDrawing *drawing,
                cairo_t            *cr,
                const TptTheme     *theme)
{
  cairo_save (cr);
  cairo_translate (cr, PERSONA_MARGIN, PERSONA_MARGIN);
  tpt_persona_card_render (cr, drawing->context, TPT_PERSONA (drawing->target), theme,
                           drawing->card_width);
  cairo_restore (cr);
}

/* Needs matrix ----------------------------------------------------------- */

static void
matrix_prepare (TptArtefactDrawing *drawing)
{
  double w, h;

  /* On a slide, the table alone: the coverage slide shows the rest. */
  drawing->compact = drawing->for_slide;
  tpt_matrix_measure_part (drawing->context, drawing->document, &drawing->filter,
                           drawing->compact, 0, G_MAXUINT, &w, &h);
  drawing->bounds = (TptRect) { 0, 0, w, h };
  drawing->ink = (TptRect) { 34, 34, w - 68, h - 68 };
}

static void
matrix_render (TptArtefactDrawing *drawing,
               cairo_t            *cr,
               const TptTheme     *theme)
{
  tpt_matrix_render_part_full (cr, drawing->context, drawing->document, theme, &drawing->filter,
                               drawing->compact, 0, G_MAXUINT);
}

/* Needs whole, a page at a time, under the header row each page repeats. */
static void
matrix_paginate (TptArtefactDrawing   *drawing,
                 const TptPageRequest *request,
                 GArray               *parts)
{
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  double fit = fit_scale (request, drawing->bounds.width, drawing->bounds.height);
  double scale;
  guint start = parts->len;

  if (deciding_text (drawing, request) * fit >= request->min_text)
    {
      add_whole (drawing, request, parts);
      return;
    }

  scale = tpt_matrix_paginate_full (drawing->context, drawing->document, &drawing->filter,
                                    drawing->compact, split_scale (drawing, request),
                                    request->width, request->height, breaks);
  for (guint i = 0; i < breaks->len; i++)
    {
      TptDrawingPart part = { 0 };

      part.first = g_array_index (breaks, guint, i);
      part.end = i + 1 < breaks->len ? g_array_index (breaks, guint, i + 1) : G_MAXUINT;
      tpt_matrix_measure_part (drawing->context, drawing->document, &drawing->filter,
                               drawing->compact, part.first, part.end, &part.width,
                               &part.height);
      part.scale = MIN (scale, fit_scale (request, part.width, part.height));
      g_array_append_val (parts, part);
    }
  number_parts (parts, start);
}

static void
matrix_render_part (TptArtefactDrawing   *drawing,
                    cairo_t              *cr,
                    const TptTheme       *theme,
                    const TptDrawingPart *part)
{
  if (part->count <= 1 && part->end == 0)
    matrix_render (drawing, cr, theme);
  else
    tpt_matrix_render_part_full (cr, drawing->context, drawing->document, theme,
                                 &drawing->filter, drawing->compact, part->first, part->end);
}

static void
matrix_collect_regions (TptArtefactDrawing   *drawing,
                        const TptDrawingPart *part,
                        GArray               *regions)
{
  g_autoptr(GArray) links = tpt_link_array_new ();
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (TptMatrixCell));

  tpt_matrix_collect_links_filtered (drawing->context, drawing->document, &drawing->filter, links,
                                     cells);
  for (guint i = 0; i < links->len; i++)
    {
      const TptLink *link = &g_array_index (links, TptLink, i);
      TptHitRegion region = { TPT_HIT_LINK, link->rect, link->node };

      g_array_append_val (regions, region);
    }
  for (guint i = 0; i < cells->len; i++)
    {
      const TptMatrixCell *cell = &g_array_index (cells, TptMatrixCell, i);
      TptHitRegion region = { TPT_HIT_MATRIX_CELL, cell->rect, NULL, cell->need, cell->persona,
                              cell->kind };

      g_array_append_val (regions, region);
    }
}

static void
matrix_list (TptDocument *document,
             GPtrArray   *targets)
{
  if (g_list_model_get_n_items (tpt_document_get_personas (document)) > 0 &&
      g_list_model_get_n_items (tpt_document_get_needs (document)) > 0)
    g_ptr_array_add (targets, NULL);
}

/* Coverage --------------------------------------------------------------- */

static void
coverage_prepare (TptArtefactDrawing *drawing)
{
  double w, h;

  tpt_coverage_report_measure_filtered (drawing->context, drawing->document, &drawing->filter,
                                        &w, &h);
  drawing->bounds = (TptRect) { 0, 0, w, h };
  drawing->ink = (TptRect) { 34, 34, w - 68, h - 68 };
  drawing->breaks = g_array_new (FALSE, FALSE, sizeof (double));
  tpt_coverage_report_collect_breaks (drawing->context, drawing->document, &drawing->filter,
                                      drawing->breaks);
}

static void
coverage_render (TptArtefactDrawing *drawing,
                 cairo_t            *cr,
                 const TptTheme     *theme)
{
  tpt_coverage_report_render_filtered (cr, drawing->context, drawing->document, theme,
                                       &drawing->filter);
}

/* Cuts the drawing into strips at most @room long, each ending at a break
 * where one is in reach; returns how many. */
static guint
add_strips (TptArtefactDrawing *drawing,
            double              room,
            double              scale,
            GArray             *parts)
{
  guint start = parts->len;
  double y0 = 0;

  while (y0 < drawing->bounds.height - 1)
    {
      TptDrawingPart part = { 0 };
      double y1 = drawing->bounds.height;

      if (y0 + room < drawing->bounds.height)
        {
          y1 = y0 + room;
          for (guint i = drawing->breaks->len; i > 0; i--)
            {
              double b = g_array_index (drawing->breaks, double, i - 1);

              if (b <= y0 + room && b > y0 + 1)
                {
                  y1 = b;
                  break;
                }
            }
        }
      part.y0 = y0;
      part.y1 = y1;
      part.width = drawing->bounds.width;
      part.height = y1 - y0 + (parts->len > start ? STRIP_TOP : 0);
      part.scale = scale;
      part.first = 1;
      g_array_append_val (parts, part);
      y0 = y1;
    }
  return parts->len - start;
}

/* A report runs on over as many pages as it needs, broken between its
 * lines (the drawing's breaks). */
static void
strips_paginate (TptArtefactDrawing   *drawing,
                 const TptPageRequest *request,
                 GArray               *parts)
{
  double fit = fit_scale (request, drawing->bounds.width, drawing->bounds.height);
  double scale = MIN (request->width / drawing->bounds.width, split_scale (drawing, request));
  double room, even;
  guint start = parts->len, n;

  if (deciding_text (drawing, request) * fit >= request->min_text &&
      (!request->fitted || fit >= 1.0))
    {
      add_whole (drawing, request, parts);
      return;
    }

  /* As many strips as the report needs, of about even length, unless
   * evening them out takes another page. */
  room = request->height / scale - STRIP_TOP;
  n = (guint) ceil (drawing->bounds.height / room);
  even = MIN (room, drawing->bounds.height / MAX (n, 1) * 1.15);
  if (add_strips (drawing, even, scale, parts) > n)
    {
      g_array_set_size (parts, start);
      add_strips (drawing, room, scale, parts);
    }
  number_parts (parts, start);
}

static void
strips_render_part (TptArtefactDrawing   *drawing,
                    cairo_t              *cr,
                    const TptTheme       *theme,
                    const TptDrawingPart *part)
{
  const TptArtefactRenderer *renderer = tpt_artefact_renderer_get (drawing->kind);
  double top = part->index > 0 ? STRIP_TOP : 0;

  if (part->first == 0)
    {
      renderer->render (drawing, cr, theme);
      return;
    }
  cairo_save (cr);
  cairo_rectangle (cr, 0, top, part->width, part->y1 - part->y0);
  cairo_clip (cr);
  cairo_translate (cr, 0, top - part->y0);
  renderer->render (drawing, cr, theme);
  cairo_restore (cr);
}

static void
coverage_collect_regions (TptArtefactDrawing   *drawing,
                          const TptDrawingPart *part,
                          GArray               *regions)
{
  g_autoptr(GArray) links = tpt_link_array_new ();

  tpt_coverage_report_collect_links_filtered (drawing->context, drawing->document,
                                              &drawing->filter, links);
  add_link_regions (links, part, regions);
}

static void
coverage_list (TptDocument *document,
               GPtrArray   *targets)
{
  if (g_list_model_get_n_items (tpt_document_get_needs (document)) > 0 &&
      g_list_model_get_n_items (tpt_document_get_blueprints (document)) > 0)
    g_ptr_array_add (targets, NULL);
}

/* Journey numbers -------------------------------------------------------- */

static void
journeys_prepare (TptArtefactDrawing *drawing)
{
  double w, h;

  tpt_journey_report_measure (drawing->context, drawing->document, &w, &h);
  drawing->bounds = (TptRect) { 0, 0, w, h };
  drawing->ink = (TptRect) { 34, 34, w - 68, h - 68 };
  drawing->breaks = g_array_new (FALSE, FALSE, sizeof (double));
  tpt_journey_report_collect_breaks (drawing->context, drawing->document, drawing->breaks);
}

static void
journeys_render (TptArtefactDrawing *drawing,
                 cairo_t            *cr,
                 const TptTheme     *theme)
{
  tpt_journey_report_render (cr, drawing->context, drawing->document, theme);
}

static void
journeys_collect_regions (TptArtefactDrawing   *drawing,
                          const TptDrawingPart *part,
                          GArray               *regions)
{
  g_autoptr(GArray) links = tpt_link_array_new ();

  tpt_journey_report_collect_links (drawing->context, drawing->document, links);
  add_link_regions (links, part, regions);
}

/* When a blueprint has steps, so its journey has numbers. */
static void
journeys_list (TptDocument *document,
               GPtrArray   *targets)
{
  GListModel *blueprints = tpt_document_get_blueprints (document);

  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);
      g_autoptr(GPtrArray) steps = tpt_blueprint_list_steps (blueprint);

      if (steps->len > 0)
        {
          g_ptr_array_add (targets, NULL);
          return;
        }
    }
}

/* The case for change ------------------------------------------------------ */

static void
case_prepare (TptArtefactDrawing *drawing)
{
  double w, h;

  tpt_case_for_change_measure (drawing->context, drawing->document,
                               TPT_BLUEPRINT (drawing->target), &w, &h);
  drawing->bounds = (TptRect) { 0, 0, w, h };
  drawing->ink = (TptRect) { 24, 24, w - 48, h - 48 };
}

static void
case_render (TptArtefactDrawing *drawing,
             cairo_t            *cr,
             const TptTheme     *theme)
{
  tpt_case_for_change_render (cr, drawing->context, drawing->document,
                              TPT_BLUEPRINT (drawing->target), theme);
}

static void
case_collect_regions (TptArtefactDrawing   *drawing,
                      const TptDrawingPart *part,
                      GArray               *regions)
{
  g_autoptr(GArray) links = tpt_link_array_new ();

  tpt_case_for_change_collect_links (drawing->context, drawing->document,
                                     TPT_BLUEPRINT (drawing->target), links);
  add_link_regions (links, part, regions);
}

/* Each future state based on another blueprint. */
static void
case_list (TptDocument *document,
           GPtrArray   *targets)
{
  g_autoptr(GPtrArray) futures = tpt_case_for_change_list_futures (document);

  for (guint i = 0; i < futures->len; i++)
    g_ptr_array_add (targets, g_ptr_array_index (futures, i));
}

/* Persona gallery -------------------------------------------------------- */

static void
gallery_prepare (TptArtefactDrawing *drawing)
{
  double w, h;

  tpt_persona_gallery_measure (drawing->context, drawing->document, &w, &h);
  drawing->bounds = (TptRect) { 0, 0, w, h };
  drawing->ink = (TptRect) { 34, 34, w - 68, h - 68 };
}

static void
gallery_render (TptArtefactDrawing *drawing,
                cairo_t            *cr,
                const TptTheme     *theme)
{
  tpt_persona_gallery_render (cr, drawing->context, drawing->document, theme);
}

static void
gallery_paginate (TptArtefactDrawing   *drawing,
                  const TptPageRequest *request,
                  GArray               *parts)
{
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  double fit = fit_scale (request, drawing->bounds.width, drawing->bounds.height);
  double scale;
  guint start = parts->len;

  if (deciding_text (drawing, request) * fit >= request->min_text)
    {
      add_whole (drawing, request, parts);
      return;
    }

  scale = tpt_persona_gallery_paginate (drawing->context, drawing->document, request->width,
                                        request->height, breaks);
  for (guint i = 0; i < breaks->len; i++)
    {
      TptDrawingPart part = { 0 };

      part.first = g_array_index (breaks, guint, i);
      part.end = i + 1 < breaks->len ? g_array_index (breaks, guint, i + 1) : G_MAXUINT;
      tpt_persona_gallery_measure_part (drawing->context, drawing->document, part.first,
                                        part.end, &part.width, &part.height);
      part.scale = MIN (scale, fit_scale (request, part.width, part.height));
      g_array_append_val (parts, part);
    }
  number_parts (parts, start);
}

static void
gallery_render_part (TptArtefactDrawing   *drawing,
                     cairo_t              *cr,
                     const TptTheme       *theme,
                     const TptDrawingPart *part)
{
  if (part->count <= 1 && part->end == 0)
    gallery_render (drawing, cr, theme);
  else
    tpt_persona_gallery_render_part (cr, drawing->context, drawing->document, theme, part->first,
                                     part->end, NULL);
}

static void
gallery_collect_regions (TptArtefactDrawing   *drawing,
                         const TptDrawingPart *part,
                         GArray               *regions)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (TptPersonaPart));

  tpt_persona_gallery_collect_parts (drawing->context, drawing->document, parts);
  for (guint i = 0; i < parts->len; i++)
    {
      const TptPersonaPart *p = &g_array_index (parts, TptPersonaPart, i);
      TptHitRegion region = { TPT_HIT_PERSONA_PART, p->rect, NULL, p->persona, 0, p->field };

      g_array_append_val (regions, region);
    }
}

static void
gallery_list (TptDocument *document,
              GPtrArray   *targets)
{
  if (g_list_model_get_n_items (tpt_document_get_personas (document)) > 0)
    g_ptr_array_add (targets, NULL);
}

/* The table ---------------------------------------------------------------- */

/* In the order of TptArtefactKind; whole-document exports and prints put
 * their pages in @document_order: the cover, the personas, the matrix,
 * coverage, the journey numbers, the case for each future state, the
 * blueprints (the numbers leave room between). */
static const TptArtefactRenderer renderers[TPT_ARTEFACT_N_KINDS] = {
  { TPT_ARTEFACT_COVER, 10, cover_prepare, cover_render, cover_paginate, cover_render_part,
    cover_collect_regions, cover_list },
  { TPT_ARTEFACT_BLUEPRINT, 90, blueprint_prepare, blueprint_render, blueprint_paginate,
    blueprint_render_part, blueprint_collect_regions, blueprint_list },
  { TPT_ARTEFACT_STAGE, 0, stage_prepare, stage_render, stage_paginate, blueprint_render_part,
    blueprint_collect_regions, NULL },
  { TPT_ARTEFACT_PERSONA, 0, persona_prepare, persona_render, NULL, NULL, NULL, NULL },
  { TPT_ARTEFACT_NEEDS_MATRIX, 30, matrix_prepare, matrix_render, matrix_paginate,
    matrix_render_part, matrix_collect_regions, matrix_list },
  { TPT_ARTEFACT_COVERAGE, 40, coverage_prepare, coverage_render, strips_paginate,
    strips_render_part, coverage_collect_regions, coverage_list },
  { TPT_ARTEFACT_PERSONAS, 20, gallery_prepare, gallery_render, gallery_paginate,
    gallery_render_part, gallery_collect_regions, gallery_list },
  { TPT_ARTEFACT_JOURNEYS, 50, journeys_prepare, journeys_render, strips_paginate,
    strips_render_part, journeys_collect_regions, journeys_list },
  { TPT_ARTEFACT_CASE_FOR_CHANGE, 60, case_prepare, case_render, NULL, NULL,
    case_collect_regions, case_list },
};

/**
 * tpt_artefact_renderer_get:
 * @kind: an artefact
 *
 * Returns: (transfer none): its row of the renderer table
 */
const TptArtefactRenderer *
tpt_artefact_renderer_get (TptArtefactKind kind)
{
  g_return_val_if_fail ((guint) kind < TPT_ARTEFACT_N_KINDS, &renderers[0]);
  g_assert (renderers[kind].kind == kind);

  return &renderers[kind];
}

static int
compare_order (gconstpointer a,
               gconstpointer b)
{
  guint x = tpt_artefact_renderer_get (*(const TptArtefactKind *) a)->document_order;
  guint y = tpt_artefact_renderer_get (*(const TptArtefactKind *) b)->document_order;

  return (x > y) - (x < y);
}

/**
 * tpt_artefact_renderer_document_kinds:
 *
 * Returns: (transfer full) (element-type TptArtefactKind): the kinds a
 *   whole-document export or print has pages for, in the order it has
 *   them: those the artefact table marks %TPT_ARTEFACT_FLAG_DOCUMENT
 */
GArray *
tpt_artefact_renderer_document_kinds (void)
{
  GArray *kinds = g_array_new (FALSE, FALSE, sizeof (TptArtefactKind));

  for (guint k = 0; k < TPT_ARTEFACT_N_KINDS; k++)
    {
      TptArtefactKind kind = k;

      if (tpt_artefact_kind_has_flags (kind, TPT_ARTEFACT_FLAG_DOCUMENT))
        {
          g_assert (renderers[kind].document_order > 0 && renderers[kind].list_targets != NULL);
          g_array_append_val (kinds, kind);
        }
    }
  g_array_sort (kinds, compare_order);
  return kinds;
}
