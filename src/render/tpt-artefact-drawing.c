/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-artefact-drawing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-artefact-drawing.h"
#include "tpt-artefact-renderer.h"
#include "tpt-blueprint-pages.h"
#include "tpt-text.h"

#include <math.h>
#include <pango/pangocairo.h>

G_DEFINE_BOXED_TYPE (TptArtefactDrawing, tpt_artefact_drawing,
                     tpt_artefact_drawing_ref, tpt_artefact_drawing_unref)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

static void
drawing_clear (TptArtefactDrawing *self)
{
  g_clear_object (&self->document);
  g_clear_object (&self->target);
  g_clear_object (&self->context);
  g_clear_pointer (&self->layout, tpt_blueprint_layout_unref);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->title, g_free);
  for (guint i = 0; i < self->n_entries; i++)
    g_free ((char *) self->entries[i].title);
  g_clear_pointer (&self->entries, g_free);
  g_clear_pointer (&self->notes, g_strfreev);
  g_clear_pointer (&self->breaks, g_array_unref);
  g_clear_object (&self->filter.blueprint);
  g_clear_object (&self->filter.persona);
  g_clear_pointer ((char **) &self->filter.segment, g_free);
  g_clear_object (&self->changes);
}

static TptArtefactDrawing *
drawing_new (TptArtefactKind          kind,
             TptDocument             *document,
             TptNode                 *target,
             PangoContext            *context,
             gboolean                 for_slide,
             const char              *title,
             double                   frame_width,
             double                   frame_height,
             const TptCoverageFilter *filter)
{
  TptArtefactDrawing *self;
  GType type = tpt_artefact_kind_get_target_type (kind);

  g_return_val_if_fail ((guint) kind < TPT_ARTEFACT_N_KINDS, NULL);
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (type == G_TYPE_NONE ? target == NULL
                                            : G_TYPE_CHECK_INSTANCE_TYPE (target, type), NULL);

  self = g_rc_box_new0 (TptArtefactDrawing);
  self->kind = kind;
  self->document = g_object_ref (document);
  self->target = target != NULL ? g_object_ref (target) : NULL;
  self->context = g_object_ref (context);
  self->for_slide = for_slide;
  self->frame = (TptRect) { 0, 0, frame_width, frame_height };
  self->title = g_strdup (title);
  self->smallest_text = -1;
  if (filter != NULL)
    {
      self->filter.blueprint = filter->blueprint != NULL ? g_object_ref (filter->blueprint)
                                                         : NULL;
      self->filter.persona = filter->persona != NULL ? g_object_ref (filter->persona) : NULL;
      self->filter.segment = g_strdup (filter->segment);
    }
  tpt_artefact_renderer_get (kind)->prepare (self);

  return self;
}

/**
 * tpt_artefact_drawing_new:
 * @kind: the artefact
 * @document: its document
 * @target: (nullable): its blueprint, stage or persona, as
 *   tpt_artefact_kind_get_target_type() says; %NULL for the others
 * @context: a context from tpt_text_context_new()
 *
 * Measures an artefact as pages and the screen show it.
 *
 * Returns: (transfer full): the drawing
 */
TptArtefactDrawing *
tpt_artefact_drawing_new (TptArtefactKind  kind,
                          TptDocument     *document,
                          TptNode         *target,
                          PangoContext    *context)
{
  return drawing_new (kind, document, target, context, FALSE, NULL, 0, 0, NULL);
}

/**
 * tpt_artefact_drawing_new_filtered:
 * @kind: the artefact
 * @document: its document
 * @target: (nullable): its blueprint, stage or persona
 * @context: a context from tpt_text_context_new()
 * @filter: (nullable): for the needs matrix and coverage, the blueprint
 *   whose cards count and the persona or segment whose needs are shown;
 *   copied
 *
 * Measures an artefact as tpt_artefact_drawing_new() does, narrowed to
 * @filter.
 *
 * Returns: (transfer full): the drawing
 */
TptArtefactDrawing *
tpt_artefact_drawing_new_filtered (TptArtefactKind          kind,
                                   TptDocument             *document,
                                   TptNode                 *target,
                                   PangoContext            *context,
                                   const TptCoverageFilter *filter)
{
  return drawing_new (kind, document, target, context, FALSE, NULL, 0, 0, filter);
}

/**
 * tpt_artefact_drawing_new_for_slide:
 * @kind: the artefact
 * @document: its document
 * @target: (nullable): its blueprint, stage or persona
 * @context: a context from tpt_text_context_new()
 * @title: (nullable): a cover's title, instead of the document's
 * @frame_width: the room on the slide, in the slide's points
 * @frame_height: likewise
 *
 * Measures an artefact as a slide shows it: a blueprint as an overview, a
 * stage alone without its empty lanes, a persona's card as wide as suits
 * the frame, the needs matrix without its coverage column.
 *
 * Returns: (transfer full): the drawing
 */
TptArtefactDrawing *
tpt_artefact_drawing_new_for_slide (TptArtefactKind  kind,
                                    TptDocument     *document,
                                    TptNode         *target,
                                    PangoContext    *context,
                                    const char      *title,
                                    double           frame_width,
                                    double           frame_height)
{
  return drawing_new (kind, document, target, context, TRUE, title, frame_width, frame_height,
                      NULL);
}

TptArtefactDrawing *
tpt_artefact_drawing_ref (TptArtefactDrawing *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_rc_box_acquire (self);
}

void
tpt_artefact_drawing_unref (TptArtefactDrawing *self)
{
  g_return_if_fail (self != NULL);

  g_rc_box_release_full (self, (GDestroyNotify) drawing_clear);
}

/**
 * tpt_artefact_drawing_set_date:
 * @self: a drawing
 * @date: (nullable): the date a cover shows; %NULL for the day it is drawn
 */
void
tpt_artefact_drawing_set_date (TptArtefactDrawing *self,
                               GDateTime          *date)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->date, g_date_time_unref);
  self->date = date != NULL ? g_date_time_ref (date) : NULL;
}

/**
 * tpt_artefact_drawing_set_changes:
 * @self: a drawing
 * @changes: (nullable): what changed since an older version; a blueprint
 *   or stage then marks it where it is drawn, for a review
 */
void
tpt_artefact_drawing_set_changes (TptArtefactDrawing *self,
                                  TptDiff            *changes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (changes == NULL || TPT_IS_DIFF (changes));

  g_set_object (&self->changes, changes);
}

/**
 * tpt_artefact_drawing_set_contents:
 * @self: a cover's drawing
 * @entries: (array length=n_entries): the contents
 * @n_entries: how many
 * @notes: (nullable) (array zero-terminated=1): lines the cover adds, such
 *   as how pages were split for their paper
 *
 * Copies the contents a cover lists.
 */
void
tpt_artefact_drawing_set_contents (TptArtefactDrawing  *self,
                                   const TptCoverEntry *entries,
                                   guint                n_entries,
                                   const char * const  *notes)
{
  g_return_if_fail (self != NULL);

  for (guint i = 0; i < self->n_entries; i++)
    g_free ((char *) self->entries[i].title);
  g_clear_pointer (&self->entries, g_free);
  self->entries = g_new0 (TptCoverEntry, MAX (n_entries, 1));
  for (guint i = 0; i < n_entries; i++)
    {
      self->entries[i].title = g_strdup (entries[i].title);
      self->entries[i].page = entries[i].page;
    }
  self->n_entries = n_entries;
  g_clear_pointer (&self->notes, g_strfreev);
  self->notes = g_strdupv ((char **) notes);
}

/**
 * tpt_artefact_drawing_render:
 * @self: a drawing
 * @cr: where to draw, with the drawing's top left corner at the origin, in
 *   its points
 * @theme: the colours
 *
 * Draws the whole artefact at its own size. The paper under it is left to
 * the caller; only what intersects the clip of @cr need be drawn.
 */
void
tpt_artefact_drawing_render (TptArtefactDrawing *self,
                             cairo_t            *cr,
                             const TptTheme     *theme)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (theme != NULL);

  cairo_save (cr);
  tpt_artefact_renderer_get (self->kind)->render (self, cr, theme);
  cairo_restore (cr);
}

/**
 * tpt_artefact_drawing_paginate:
 * @self: a drawing
 * @request: the pages
 * @parts: (element-type TptDrawingPart): gets the parts, in reading order
 *
 * Splits the artefact into parts that fit the pages @request describes at
 * a size that reads: rows whole, blueprints by stage with their headers
 * repeated, reports between lines. An artefact that fits is one part,
 * scaled to fit.
 */
void
tpt_artefact_drawing_paginate (TptArtefactDrawing   *self,
                               const TptPageRequest *request,
                               GArray               *parts)
{
  const TptArtefactRenderer *renderer;

  g_return_if_fail (self != NULL);
  g_return_if_fail (request != NULL && request->width > 0 && request->height > 0);
  g_return_if_fail (parts != NULL);

  renderer = tpt_artefact_renderer_get (self->kind);
  if (renderer->paginate != NULL)
    {
      renderer->paginate (self, request, parts);
      return;
    }

  {
    TptDrawingPart part = { 0, 1, self->bounds.width, self->bounds.height, 1 };
    double fit = MIN (request->width / MAX (part.width, 1), request->height / MAX (part.height, 1));

    part.scale = request->fitted ? MIN (1.0, fit)
                                 : MIN (fit, request->max_scale > 0 ? request->max_scale : fit);
    g_array_append_val (parts, part);
  }
}

/**
 * tpt_artefact_drawing_render_part:
 * @self: a drawing
 * @cr: where to draw, with the part's top left corner at the origin
 * @theme: the colours
 * @part: a part from tpt_artefact_drawing_paginate()
 *
 * Draws one part at its own size (scaling is the caller's), paper
 * included where the part repeats pieces of the drawing.
 */
void
tpt_artefact_drawing_render_part (TptArtefactDrawing   *self,
                                  cairo_t              *cr,
                                  const TptTheme       *theme,
                                  const TptDrawingPart *part)
{
  const TptArtefactRenderer *renderer;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (part != NULL);

  renderer = tpt_artefact_renderer_get (self->kind);
  cairo_save (cr);
  if (renderer->render_part != NULL)
    renderer->render_part (self, cr, theme, part);
  else
    renderer->render (self, cr, theme);
  cairo_restore (cr);
}

/**
 * tpt_artefact_drawing_collect_regions:
 * @self: a drawing
 * @part: (nullable): a part, for regions in its coordinates; %NULL for the
 *   whole drawing's
 * @regions: (element-type TptHitRegion): gets where the drawing shows
 *   cards, links, cells, fields of persona cards and contents entries
 */
void
tpt_artefact_drawing_collect_regions (TptArtefactDrawing   *self,
                                      const TptDrawingPart *part,
                                      GArray               *regions)
{
  const TptArtefactRenderer *renderer;

  g_return_if_fail (self != NULL);
  g_return_if_fail (regions != NULL);

  renderer = tpt_artefact_renderer_get (self->kind);
  if (renderer->collect_regions != NULL)
    renderer->collect_regions (self, part, regions);
}

typedef struct
{
  double smallest;
} Smallest;

static void
smallest_sink_cb (cairo_t     *cr,
                  PangoLayout *layout,
                  gpointer     data)
{
  Smallest *smallest = data;
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  cairo_matrix_t m;
  double size;

  if (desc == NULL || pango_layout_get_character_count (layout) == 0)
    return;
  cairo_get_matrix (cr, &m);
  size = (double) pango_font_description_get_size (desc) / PANGO_SCALE *
         sqrt (fabs (m.xx * m.yy - m.xy * m.yx));
  smallest->smallest = MIN (smallest->smallest, size);
}

/* The size in points of the smallest text the drawing shows, measured as
 * it is drawn (its own scales included), or G_MAXDOUBLE for none. */
static double
find_smallest (TptArtefactDrawing *self)
{
  cairo_rectangle_t extents = { 0, 0, self->bounds.width, self->bounds.height };
  g_autoptr(cairo_surface_t) surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR,
                                                                       &extents);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  Smallest smallest = { G_MAXDOUBLE };

  tpt_text_set_sink (cr, smallest_sink_cb, &smallest);
  tpt_artefact_renderer_get (self->kind)->render (self, cr, tpt_theme_get (TPT_THEME_LIGHT));
  return smallest.smallest;
}

/**
 * tpt_artefact_drawing_get_smallest_text:
 * @self: a drawing
 *
 * Returns: the size in points of the smallest text the drawing shows at
 *   its own size
 */
double
tpt_artefact_drawing_get_smallest_text (TptArtefactDrawing *self)
{
  g_return_val_if_fail (self != NULL, 0);

  if (self->smallest_text < 0)
    {
      if (self->layout != NULL && !self->for_slide)
        self->smallest_text = tpt_blueprint_pages_smallest_text (self->layout);
      else
        self->smallest_text = find_smallest (self);
      if (self->smallest_text == G_MAXDOUBLE)
        self->smallest_text = tpt_text_style_get_size (TPT_TEXT_BODY);
    }
  return self->smallest_text;
}

/**
 * tpt_artefact_drawing_has_ink:
 * @self: a drawing
 * @theme: the colours it is drawn in
 * @area: a rectangle of the drawing, in its points
 *
 * Draws @area small and looks for anything on it besides paper: what a
 * poster uses to leave out sheets that would print blank.
 *
 * Returns: whether anything is drawn in @area
 */
gboolean
tpt_artefact_drawing_has_ink (TptArtefactDrawing *self,
                              const TptTheme     *theme,
                              const TptRect      *area)
{
  /* A point in four is enough to see a hairline or a letter. */
  double scale = MIN (0.5, 256.0 / MAX (area->width, area->height));
  int w = MAX (1, (int) ceil (area->width * scale));
  int h = MAX (1, (int) ceil (area->height * scale));
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  guint32 paper;
  const guint8 *data;
  int stride;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (area != NULL, FALSE);

  if (area->width <= 0 || area->height <= 0)
    return FALSE;

  tpt_color_set_source (cr, &theme->paper);
  cairo_paint (cr);
  cairo_surface_flush (surface);
  paper = *(const guint32 *) (gconstpointer) cairo_image_surface_get_data (surface) & 0xffffff;

  cairo_scale (cr, scale, scale);
  cairo_translate (cr, -area->x, -area->y);
  tpt_artefact_drawing_render (self, cr, theme);
  cairo_destroy (g_steal_pointer (&cr));
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < h; y++)
    {
      const guint32 *row = (const guint32 *) (gconstpointer) (data + (gsize) y * stride);

      for (int x = 0; x < w; x++)
        {
          guint32 p = row[x] & 0xffffff;
          int dr = (int) ((p >> 16) & 0xff) - (int) ((paper >> 16) & 0xff);
          int dg = (int) ((p >> 8) & 0xff) - (int) ((paper >> 8) & 0xff);
          int db = (int) (p & 0xff) - (int) (paper & 0xff);

          if (ABS (dr) + ABS (dg) + ABS (db) > 12)
            return TRUE;
        }
    }
  return FALSE;
}

/**
 * tpt_artefact_dup_title:
 * @kind: an artefact
 * @document: its document
 * @target: (nullable): its blueprint, stage or persona
 *
 * Returns: (transfer full): what contents, outlines and slides call the
 *   artefact: a blueprint's or a stage's title, a persona's name, the
 *   document's title for its cover, or the artefact's own name
 */
char *
tpt_artefact_dup_title (TptArtefactKind  kind,
                        TptDocument     *document,
                        TptNode         *target)
{
  const char *title = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  if (kind == TPT_ARTEFACT_CASE_FOR_CHANGE && TPT_IS_BLUEPRINT (target))
    /* Translators: a slide's title; %s is a future state's. */
    return g_strdup_printf (_("The Case for Change: %s"),
                            tpt_blueprint_get_title (TPT_BLUEPRINT (target)));
  if (TPT_IS_BLUEPRINT (target))
    title = tpt_blueprint_get_title (TPT_BLUEPRINT (target));
  else if (TPT_IS_STAGE (target))
    title = tpt_stage_get_title (TPT_STAGE (target));
  else if (TPT_IS_PERSONA (target))
    title = tpt_persona_get_name (TPT_PERSONA (target));
  else if (kind == TPT_ARTEFACT_COVER)
    return g_strdup (*tpt_document_get_title (document) != '\0' ? tpt_document_get_title (document)
                                                                  : _("Untitled document"));
  else
    return g_strdup (tpt_artefact_kind_get_title (kind));

  if (title != NULL && *title != '\0')
    return g_strdup (title);
  if (TPT_IS_BLUEPRINT (target))
    return g_strdup (_("Untitled blueprint"));
  return g_strdup (tpt_artefact_kind_get_title (kind));
}

/**
 * tpt_artefact_drawing_dup_title:
 * @self: a drawing
 *
 * Returns: (transfer full): what contents and outlines call the artefact,
 *   see tpt_artefact_dup_title()
 */
char *
tpt_artefact_drawing_dup_title (TptArtefactDrawing *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->kind == TPT_ARTEFACT_COVER)
    return g_strdup (tpt_artefact_kind_get_title (TPT_ARTEFACT_COVER));
  return tpt_artefact_dup_title (self->kind, self->document, self->target);
}
