/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the renderers: any bytes that load into a document
 * must lay out and draw every artefact (each blueprint, the persona
 * gallery with its photos, the needs matrix, coverage, the cover) without
 * a crash, a hang, a leak or a warning; text of any kind goes through
 * tpt_text_tame() as the drawing does. Bytes that don't load are the
 * loader's fuzzer's business. */
#include "config.h"

#include "tpt-blueprint-layout.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-coverage-renderer.h"
#include "tpt-format.h"
#include "tpt-matrix-renderer.h"
#include "tpt-persona-renderer.h"
#include "tpt-text.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
fail_on_warning (const char     *log_domain,
                 GLogLevelFlags  log_level,
                 const char     *message,
                 gpointer        user_data)
{
  if (log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR))
    {
      fprintf (stderr, "%s: %s\n", log_domain, message);
      abort ();
    }
}

/* Draws at a small size: the work is in the layout and the decoding, not
 * in the pixels. */
static void
draw (cairo_surface_t *surface,
      double           width,
      double           height,
      void           (*func) (cairo_t *cr, gpointer data),
      gpointer         data)
{
  cairo_t *cr = cairo_create (surface);

  if (width > 0 && height > 0)
    cairo_scale (cr, 128 / MAX (width, 1.0), 128 / MAX (height, 1.0));
  func (cr, data);
  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      fprintf (stderr, "drawing failed: %s\n", cairo_status_to_string (cairo_status (cr)));
      abort ();
    }
  cairo_destroy (cr);
}

typedef struct
{
  PangoContext             *context;
  TptDocument              *document;
  const TptBlueprintLayout *layout;
  const TptTheme           *theme;
} Job;

static void
draw_blueprint (cairo_t *cr,
                gpointer data)
{
  Job *job = data;

  tpt_blueprint_render (cr, job->layout, job->theme);
}

static void
draw_gallery (cairo_t *cr,
              gpointer data)
{
  Job *job = data;

  tpt_persona_gallery_render (cr, job->context, job->document, job->theme);
}

static void
draw_matrix (cairo_t *cr,
             gpointer data)
{
  Job *job = data;

  tpt_matrix_render (cr, job->context, job->document, job->theme);
}

static void
draw_coverage (cairo_t *cr,
               gpointer data)
{
  Job *job = data;

  tpt_coverage_report_render (cr, job->context, job->document, job->theme);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static PangoContext *context;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TptDocument) document = NULL;
  cairo_surface_t *surface;
  GListModel *blueprints;
  Job job;
  double width, height;

  if (context == NULL)
    {
      g_log_set_default_handler (fail_on_warning, NULL);
      context = tpt_text_context_new ();
    }

  /* The raw bytes as text, if they are any. */
  if (g_utf8_validate_len ((const char *) data, size, NULL))
    {
      g_autofree char *text = g_strndup ((const char *) data, size);
      g_autofree char *wrapped = tpt_text_tame (text, TRUE);
      g_autofree char *line = tpt_text_tame (text, FALSE);
      g_autoptr(PangoLayout) layout = tpt_text_layout_new (context, TPT_TEXT_BODY, text, 120);

      pango_layout_get_extents (layout, NULL, NULL);
    }

  bytes = g_bytes_new (data, size);
  document = tpt_document_load_bytes (bytes, NULL);
  if (document == NULL)
    return 0;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 128, 128);
  job = (Job) { context, document, NULL, tpt_theme_get (TPT_THEME_LIGHT) };

  blueprints = tpt_document_get_blueprints (document);
  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);
      g_autoptr(TptBlueprintLayout) layout = tpt_blueprint_layout_new (document, blueprint,
                                                                       context);

      job.layout = layout;
      draw (surface, layout->bounds.width, layout->bounds.height, draw_blueprint, &job);
    }

  tpt_persona_gallery_measure (context, document, &width, &height);
  draw (surface, width, height, draw_gallery, &job);
  tpt_matrix_measure (context, document, &width, &height);
  draw (surface, width, height, draw_matrix, &job);
  tpt_coverage_report_measure (context, document, &width, &height);
  draw (surface, width, height, draw_coverage, &job);

  cairo_surface_destroy (surface);
  return 0;
}
