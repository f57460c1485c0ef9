/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-export.h"
#include "tpt-blueprint-layout.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-case-renderer.h"
#include "tpt-changes-overlay.h"
#include "tpt-changes-renderer.h"
#include "tpt-cover.h"
#include "tpt-coverage-renderer.h"
#include "tpt-journey-renderer.h"
#include "tpt-matrix-renderer.h"
#include "tpt-persona-renderer.h"
#include "tpt-page-size.h"
#include "tpt-poster.h"
#include "tpt-error.h"
#include "tpt-safe-replace.h"
#include "tpt-slide-renderer.h"
#include "tpt-text.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <cairo-svg.h>
#include <math.h>

G_DEFINE_QUARK (tpt-export-error-quark, tpt_export_error)

/* Margin around content scaled onto a named paper size: 10 mm. */
#define PAGE_MARGIN (10 * 72.0 / 25.4)

/* Cover pages of documents exported with fitted pages are A4 landscape. */
#define COVER_WIDTH  (297 * 72.0 / 25.4)
#define COVER_HEIGHT (210 * 72.0 / 25.4)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

/* Cairo writes through this into the output stream, keeping the first
 * error so that the message says what actually went wrong. */
typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
} Sink;

static cairo_status_t
sink_write_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;

  if (sink->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;
  if (!g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable,
                                  &sink->error))
    return CAIRO_STATUS_WRITE_ERROR;
  return CAIRO_STATUS_SUCCESS;
}

void
tpt_export_options_init (TptExportOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (TptExportOptions) {
    .format = TPT_EXPORT_PDF,
    .dpi = 96,
    .theme = TPT_THEME_LIGHT,
    .overlap_mm = 10,
  };
}

/**
 * tpt_export_format_for_path:
 * @path: a file name
 * @format: (out): the format its extension names
 *
 * Returns: %TRUE for ".pdf", ".svg" and ".png", in any case
 */
gboolean
tpt_export_format_for_path (const char      *path,
                            TptExportFormat *format)
{
  static const struct { const char *ext; TptExportFormat format; } formats[] = {
    { ".pdf", TPT_EXPORT_PDF }, { ".svg", TPT_EXPORT_SVG }, { ".png", TPT_EXPORT_PNG },
  };
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  dot = strrchr (path, '.');
  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (dot, formats[i].ext) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

/* The blueprints to export: the one named, or all of them. */
static GPtrArray *
select_blueprints (TptDocument             *document,
                   const TptExportOptions  *options,
                   GError                 **error)
{
  g_autoptr(GPtrArray) blueprints = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *all = tpt_document_get_blueprints (document);
  guint n = g_list_model_get_n_items (all);

  if (options->artefact != NULL)
    {
      TptNode *node = tpt_document_lookup (document, options->artefact);

      if (node == NULL)
        {
          g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                       _("The document has no artefact “%s”; name a blueprint or a persona by "
                       "its id, or cover, personas, needs-matrix or coverage"), options->artefact);
          return NULL;
        }
      if (!TPT_IS_BLUEPRINT (node))
        {
          g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                       _("“%s” is not an artefact; name a blueprint or a persona by its id, "
                         "or cover, personas, needs-matrix or coverage"),
                       options->artefact);
          return NULL;
        }
      g_ptr_array_add (blueprints, g_object_ref (node));
      return g_steal_pointer (&blueprints);
    }

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (blueprints, g_list_model_get_item (all, i));

  if ((options->format != TPT_EXPORT_PDF || options->poster != NULL) && blueprints->len != 1)
    {
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; i < blueprints->len; i++)
        g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                                tpt_node_get_id (g_ptr_array_index (blueprints, i)));
      if (blueprints->len == 0)
        g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                             _("The document has no blueprint to export"));
      else
        g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                     _("An image or poster holds one artefact; choose one of %s, or "
                       "cover, personas, needs-matrix, coverage or a persona’s id, with --artefact"),
                     ids->str);
      return NULL;
    }

  return g_steal_pointer (&blueprints);
}

static gboolean
check_options (const TptExportOptions  *options,
               double                  *page_width,
               double                  *page_height,
               GError                 **error)
{
  *page_width = *page_height = 0;

  if (options->changes_since != NULL &&
      (options->format != TPT_EXPORT_PDF || options->artefact != NULL || options->poster != NULL))
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("The pages of changes go in a PDF of the whole document; export "
                             "it to a .pdf file, without an artefact or poster"));
      return FALSE;
    }

  if (options->poster != NULL)
    {
      if (options->format != TPT_EXPORT_PDF)
        {
          g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                               _("A poster is a PDF; export it to a .pdf file"));
          return FALSE;
        }
      if (options->page_size != NULL)
        {
          g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                               _("A poster has its own paper size; leave out the page size"));
          return FALSE;
        }
      if (!tpt_page_size_lookup (options->poster, page_width, page_height))
        {
          g_autofree char *known = tpt_page_size_list ();

          g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                       _("Unknown paper size “%s”; known sizes are %s"), options->poster, known);
          return FALSE;
        }
      if (options->landscape)
        {
          double w = *page_width;

          *page_width = *page_height;
          *page_height = w;
        }
      return TRUE;
    }

  if (options->poster_scale > 0 || options->sheets_wide > 0)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("A scale or a number of sheets applies to a poster only"));
      return FALSE;
    }

  if (options->page_size != NULL)
    {
      if (options->format != TPT_EXPORT_PDF)
        {
          g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                               _("A page size applies to PDF only"));
          return FALSE;
        }
      if (!tpt_page_size_lookup (options->page_size, page_width, page_height))
        {
          g_autofree char *known = tpt_page_size_list ();

          g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                       _("Unknown page size “%s”; known sizes are %s"),
                       options->page_size, known);
          return FALSE;
        }
      if (options->landscape)
        {
          double w = *page_width;

          *page_width = *page_height;
          *page_height = w;
        }
    }
  else if (options->landscape)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("Landscape applies to a named page or poster size"));
      return FALSE;
    }

  if (options->format == TPT_EXPORT_PNG &&
      !(options->dpi >= TPT_EXPORT_MIN_DPI && options->dpi <= TPT_EXPORT_MAX_DPI))
    {
      g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                   _("The resolution must be between %d and %d dpi"),
                   TPT_EXPORT_MIN_DPI, TPT_EXPORT_MAX_DPI);
      return FALSE;
    }

  return TRUE;
}

/* Acrobat and other readers refuse pages over 200 inches a side, so a
 * fitted page of a very long blueprint is scaled down to that. */
#define MAX_PAGE_SIDE (200 * 72.0)

static double
fitted_scale (const TptBlueprintLayout *layout)
{
  return MIN (1.0, MAX_PAGE_SIDE / MAX (layout->bounds.width, layout->bounds.height));
}

/* Draws @layout on the current page: at its own size on a fitted page, or
 * scaled to fit inside the margins of a named one and centred. */
static void
draw_page (cairo_t                  *cr,
           const TptBlueprintLayout *layout,
           const TptTheme           *theme,
           double                    page_width,
           double                    page_height,
           TptDiff                  *changes)
{
  cairo_save (cr);
  /* The whole page, rounding strip included, is paper. */
  tpt_color_set_source (cr, &theme->paper);
  cairo_paint (cr);
  if (page_width <= 0)
    cairo_scale (cr, fitted_scale (layout), fitted_scale (layout));
  else
    {
      double scale = MIN ((page_width - 2 * PAGE_MARGIN) / layout->bounds.width,
                          (page_height - 2 * PAGE_MARGIN) / layout->bounds.height);

      cairo_translate (cr, (page_width - layout->bounds.width * scale) / 2,
                       (page_height - layout->bounds.height * scale) / 2);
      cairo_scale (cr, scale, scale);
    }
  tpt_blueprint_render (cr, layout, theme);
  /* In a review, what changed is marked where it is. */
  if (changes != NULL)
    tpt_changes_overlay_render (cr, layout, changes, theme);
  cairo_restore (cr);
}

/* A page drawn by one of the document-wide renderers (the persona gallery,
 * the needs matrix), which draw at their natural size from the origin. */
typedef void (*PageRenderFunc) (cairo_t        *cr,
                                PangoContext   *context,
                                TptDocument    *document,
                                const TptTheme *theme);

/* One page of a gallery or matrix split over pages of a named size. */
typedef void (*PartRenderFunc) (cairo_t        *cr,
                                PangoContext   *context,
                                TptDocument    *document,
                                const TptTheme *theme,
                                guint           first,
                                guint           end,
                                double         *height);

typedef double (*PaginateFunc) (PangoContext *context,
                                TptDocument  *document,
                                double        page_width,
                                double        page_height,
                                GArray       *breaks);

typedef struct
{
  const char     *title;    /* NULL on a page that continues the one before */
  PageRenderFunc  render;   /* NULL for a part of a split artefact */
  PartRenderFunc  render_part;
  double          width;
  double          height;
  guint           first;    /* the part's rows */
  guint           end;
  double          scale;
  TptBlueprint   *future;   /* a case for change's; borrowed from the document */
  TptDiff        *diff;     /* for a "Changes since …" page, drawn from this */
  const char     *since;
} DocumentPage;

/* The case for change of the future state on the page. */
static void
render_case_page (cairo_t            *cr,
                  PangoContext       *context,
                  TptDocument        *document,
                  const TptTheme     *theme,
                  const DocumentPage *page)
{
  tpt_case_for_change_render (cr, context, document, page->future, theme);
}

/* Sizes the current page for @page as blueprints are sized: fitted to the
 * content (at most MAX_PAGE_SIDE a side), or the named size with the
 * content scaled into its margins and centred; then draws it. */
static void
draw_document_page (cairo_t            *cr,
                    cairo_surface_t    *surface,
                    PangoContext       *context,
                    TptDocument        *document,
                    const TptTheme     *theme,
                    const DocumentPage *page,
                    double              page_width,
                    double              page_height)
{
  double scale;

  /* What changed since an older version, over as many pages as it takes
   * on paper of a given size, or on one fitted page. */
  if (page->diff != NULL)
    {
      scale = page_width > 0 ? page->scale : MIN (1.0, MAX_PAGE_SIDE / page->height);
      cairo_pdf_surface_set_size (surface, page_width > 0 ? page_width : page->width * scale,
                                  page_width > 0 ? page_height : ceil (page->height * scale));
      cairo_save (cr);
      tpt_color_set_source (cr, &theme->paper);
      cairo_paint (cr);
      if (page_width > 0)
        cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
      cairo_scale (cr, scale, scale);
      tpt_changes_report_render_part (cr, context, page->diff, page->since, theme, page->first,
                                      page->end);
      cairo_restore (cr);
      return;
    }

  /* A part of a long gallery or matrix: at the scale of the whole, from
   * the top. */
  if (page->render == NULL && page->future == NULL)
    {
      cairo_pdf_surface_set_size (surface, page_width, page_height);
      cairo_save (cr);
      tpt_color_set_source (cr, &theme->paper);
      cairo_paint (cr);
      cairo_translate (cr, PAGE_MARGIN, PAGE_MARGIN);
      cairo_scale (cr, page->scale, page->scale);
      page->render_part (cr, context, document, theme, page->first, page->end, NULL);
      cairo_restore (cr);
      return;
    }

  if (page_width > 0)
    {
      cairo_pdf_surface_set_size (surface, page_width, page_height);
      scale = MIN ((page_width - 2 * PAGE_MARGIN) / page->width,
                   (page_height - 2 * PAGE_MARGIN) / page->height);
    }
  else
    {
      scale = MIN (1.0, MAX_PAGE_SIDE / MAX (page->width, page->height));
      cairo_pdf_surface_set_size (surface, ceil (page->width * scale),
                                  ceil (page->height * scale));
    }

  cairo_save (cr);
  tpt_color_set_source (cr, &theme->paper);
  cairo_paint (cr);
  if (page_width > 0)
    cairo_translate (cr, (page_width - page->width * scale) / 2,
                     (page_height - page->height * scale) / 2);
  cairo_scale (cr, scale, scale);
  if (page->future != NULL)
    render_case_page (cr, context, document, theme, page);
  else
    page->render (cr, context, document, theme);
  cairo_restore (cr);
}

/* Adds @page, or on paper of a given size, when it is too long for one
 * sheet, its parts: they go on over more pages, rows whole, at one scale. */
static void
append_document_page (GArray             *pages,
                      const DocumentPage *page,
                      PaginateFunc        paginate,
                      PartRenderFunc      render_part,
                      PangoContext       *context,
                      TptDocument        *document,
                      double              page_width,
                      double              page_height)
{
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  double scale = 1;

  if (page_width > 0)
    scale = paginate (context, document, page_width - 2 * PAGE_MARGIN,
                      page_height - 2 * PAGE_MARGIN, breaks);
  if (breaks->len <= 1)
    {
      g_array_append_val (pages, *page);
      return;
    }

  for (guint i = 0; i < breaks->len; i++)
    {
      DocumentPage part = { i == 0 ? page->title : NULL, NULL, render_part,
                            page->width, 0, g_array_index (breaks, guint, i),
                            i + 1 < breaks->len ? g_array_index (breaks, guint, i + 1)
                                                : G_MAXUINT,
                            scale, NULL };

      g_array_append_val (pages, part);
    }
}

static gboolean
surface_ok (cairo_surface_t  *surface,
            Sink             *sink,
            GError          **error)
{
  cairo_status_t status = cairo_surface_status (surface);
  const char *failure = tpt_persona_render_get_failure (surface);

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  /* A photo that could not be decoded is not left out silently. */
  if (failure != NULL)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_FAILED, failure);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_FAILED,
                   _("Drawing failed: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/**
 * tpt_export_count_analysis_pages:
 * @document: a document
 *
 * Returns: how many pages of analysis a whole-document PDF has after
 *   coverage: the journey numbers when a blueprint has steps, and a case
 *   for change per future state based on another blueprint
 */
guint
tpt_export_count_analysis_pages (TptDocument *document)
{
  GListModel *blueprints;
  g_autoptr(GPtrArray) futures = NULL;
  gboolean steps = FALSE;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), 0);

  blueprints = tpt_document_get_blueprints (document);
  for (guint i = 0; i < g_list_model_get_n_items (blueprints) && !steps; i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);
      g_autoptr(GPtrArray) list = tpt_blueprint_list_steps (blueprint);

      steps = list->len > 0;
    }
  futures = tpt_case_for_change_list_futures (document);
  return (steps ? 1 : 0) + futures->len;
}

/* Whether any blueprint has a step, so its journey has numbers. */
static gboolean
has_steps (GPtrArray *layouts)
{
  for (guint i = 0; i < layouts->len; i++)
    if (((TptBlueprintLayout *) g_ptr_array_index (layouts, i))->steps->len > 0)
      return TRUE;
  return FALSE;
}

static gboolean
write_pdf (TptDocument             *document,
           GPtrArray               *layouts,
           const TptExportOptions  *options,
           PangoContext            *context,
           double                   page_width,
           double                   page_height,
           Sink                    *sink,
           GError                 **error)
{
  const TptTheme *theme = tpt_theme_get (options->theme);
  /* A cover and contents when the whole document is exported, and then
   * the persona gallery and the needs matrix when there is something to
   * show in them. */
  gboolean cover = options->artefact == NULL;
  guint n_personas = g_list_model_get_n_items (tpt_document_get_personas (document));
  guint n_needs = g_list_model_get_n_items (tpt_document_get_needs (document));
  g_autoptr(GArray) page_array = g_array_new (FALSE, TRUE, sizeof (DocumentPage));
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  DocumentPage *pages;
  guint n_pages = 0;
  guint n_titled = 0;
  guint n_entries;
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  g_autofree TptCoverEntry *entries = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  const char *title = tpt_document_get_title (document);
  const char *author = tpt_document_get_author (document);
  g_autoptr(TptDiff) changes = NULL;
  g_autofree char *changes_title = NULL;

  /* For a review: what changed since the version the stakeholders saw,
   * first after the cover. */
  if (cover && options->changes_since != NULL)
    {
      g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));
      DocumentPage page = { NULL, NULL, NULL, 0, 0, 0, G_MAXUINT, 1, NULL, NULL,
                            options->changes_since_name };

      changes = tpt_diff_new (options->changes_since, document);
      page.diff = changes;
      /* Translators: the contents entry of the pages that list what
       * changed; %s names the older version. */
      changes_title = g_strdup_printf (_("Changes since %s"), options->changes_since_name);
      tpt_changes_report_measure (context, changes, page.since, &page.width, &page.height);
      if (page_width > 0)
        page.scale = tpt_changes_report_paginate (context, changes, page.since,
                                                  page_width - 2 * PAGE_MARGIN,
                                                  page_height - 2 * PAGE_MARGIN, breaks);
      else
        g_array_append_val (breaks, page.first);
      for (guint i = 0; i < breaks->len; i++)
        {
          page.title = i == 0 ? changes_title : NULL;
          page.first = g_array_index (breaks, guint, i);
          page.end = i + 1 < breaks->len ? g_array_index (breaks, guint, i + 1) : G_MAXUINT;
          g_array_append_val (page_array, page);
        }
    }

  if (cover && n_personas > 0)
    {
      DocumentPage page = { _("Personas"), tpt_persona_gallery_render, NULL, 0, 0, 0, 0, 1 };

      tpt_persona_gallery_measure (context, document, &page.width, &page.height);
      append_document_page (page_array, &page, tpt_persona_gallery_paginate,
                            tpt_persona_gallery_render_part, context, document,
                            page_width, page_height);
    }
  if (cover && n_personas > 0 && n_needs > 0)
    {
      DocumentPage page = { _("Needs matrix"), tpt_matrix_render, NULL, 0, 0, 0, 0, 1 };

      tpt_matrix_measure (context, document, &page.width, &page.height);
      append_document_page (page_array, &page, tpt_matrix_paginate, tpt_matrix_render_part,
                            context, document, page_width, page_height);
    }
  /* Coverage needs needs, and blueprints whose work may serve them. */
  if (cover && n_needs > 0 && layouts->len > 0)
    {
      DocumentPage page = { _("Coverage"), tpt_coverage_report_render, NULL, 0, 0, 0, 0, 1 };

      tpt_coverage_report_measure (context, document, &page.width, &page.height);
      g_array_append_val (page_array, page);
    }
  /* Then the numbers of each journey, and the case for each future state
   * based on another. */
  if (cover && has_steps (layouts))
    {
      DocumentPage page = { _("Journey numbers"), tpt_journey_report_render, NULL, 0, 0, 0, 0, 1 };

      tpt_journey_report_measure (context, document, &page.width, &page.height);
      g_array_append_val (page_array, page);
    }
  if (cover)
    {
      g_autoptr(GPtrArray) futures = tpt_case_for_change_list_futures (document);

      for (guint i = 0; i < futures->len; i++)
        {
          DocumentPage page = { _("The case for change"), NULL, NULL, 0, 0, 0, 0, 1,
                                g_ptr_array_index (futures, i) };

          /* Several futures: each entry names its own. */
          if (futures->len > 1)
            {
              /* Translators: a contents entry; %s is a future state's title. */
              char *entry = g_strdup_printf (_("The case for change: %s"),
                                             tpt_blueprint_get_title (page.future));

              g_ptr_array_add (titles, entry);
              page.title = entry;
            }
          tpt_case_for_change_measure (context, document, page.future, &page.width,
                                       &page.height);
          g_array_append_val (page_array, page);
        }
    }
  pages = (DocumentPage *) (gpointer) page_array->data;
  n_pages = page_array->len;

  /* Contents list the artefacts, not the pages a matrix continues on. */
  for (guint i = 0; i < n_pages; i++)
    n_titled += pages[i].title != NULL;
  n_entries = n_titled + layouts->len;
  entries = g_new0 (TptCoverEntry, MAX (n_entries, 1));
  for (guint i = 0, e = 0; i < n_pages; i++)
    if (pages[i].title != NULL)
      {
        entries[e].title = pages[i].title;
        entries[e].page = (int) i + 2;
        e++;
      }
  for (guint i = 0; i < layouts->len; i++)
    {
      const TptBlueprintLayout *layout = g_ptr_array_index (layouts, i);
      const char *title_i = tpt_blueprint_get_title (layout->blueprint);
      TptCoverEntry *entry = &entries[n_titled + i];

      entry->title = title_i != NULL && *title_i ? title_i : _("Untitled blueprint");
      entry->page = (int) (n_pages + i) + (cover ? 2 : 1);
    }

  surface = cairo_pdf_surface_create_for_stream (sink_write_cb, sink, 595, 842);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  if (title != NULL && *title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL && *author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Touchpoint " PACKAGE_VERSION);
  cr = cairo_create (surface);

  if (cover)
    {
      double w = page_width > 0 ? page_width : COVER_WIDTH;
      double h = page_width > 0 ? page_height : COVER_HEIGHT;

      cairo_pdf_surface_set_size (surface, w, h);
      tpt_cover_render (cr, context, document, theme, w, h,
                        options->date != NULL ? options->date : now, entries, n_entries);
      cairo_show_page (cr);
    }

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *link = g_strdup_printf ("page=%u", i + 2);

      draw_document_page (cr, surface, context, document, theme, &pages[i], page_width,
                          page_height);
      if (pages[i].title != NULL)
        cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, pages[i].title, link, 0);
      cairo_show_page (cr);

      if (g_cancellable_set_error_if_cancelled (sink->cancellable, error))
        return FALSE;
    }

  for (guint i = 0; i < layouts->len; i++)
    {
      const TptBlueprintLayout *layout = g_ptr_array_index (layouts, i);
      const TptCoverEntry *entry = &entries[n_titled + i];
      g_autofree char *link = g_strdup_printf ("page=%d", entry->page);

      if (page_width > 0)
        cairo_pdf_surface_set_size (surface, page_width, page_height);
      else
        cairo_pdf_surface_set_size (surface, ceil (layout->bounds.width * fitted_scale (layout)),
                                    ceil (layout->bounds.height * fitted_scale (layout)));
      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                     entry->title,
                                     link, 0);
      draw_page (cr, layout, theme, page_width, page_height, changes);
      cairo_show_page (cr);

      if (g_cancellable_set_error_if_cancelled (sink->cancellable, error))
        return FALSE;
    }

  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_finish (surface);
  return surface_ok (surface, sink, error);
}

/* A wall poster: the assembly overview, then the sheets row by row. */
static gboolean
write_poster (const TptBlueprintLayout  *layout,
              const TptExportOptions    *options,
              PangoContext              *context,
              const TptPosterPlan       *plan,
              Sink                      *sink,
              GError                   **error)
{
  const TptTheme *theme = tpt_theme_get (options->theme);
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  const char *title = tpt_blueprint_get_title (layout->blueprint);

  surface = cairo_pdf_surface_create_for_stream (sink_write_cb, sink, plan->sheet_width,
                                                 plan->sheet_height);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  if (title != NULL && *title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Touchpoint " PACKAGE_VERSION);
  cr = cairo_create (surface);

  cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, _("Assembly"), "page=1", 0);
  tpt_poster_render_overview (cr, context, layout, theme, plan);
  cairo_show_page (cr);

  for (guint r = 0; r < plan->rows; r++)
    for (guint c = 0; c < plan->columns; c++)
      {
        g_autofree char *label = tpt_poster_tile_label (r, c);
        g_autofree char *link = g_strdup_printf ("page=%u", 2 + r * plan->columns + c);

        cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, label, link, 0);
        tpt_poster_render_sheet (cr, context, layout, theme, plan, r, c);
        cairo_show_page (cr);
        if (g_cancellable_set_error_if_cancelled (sink->cancellable, error))
          return FALSE;
      }

  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_finish (surface);
  return surface_ok (surface, sink, error);
}

/* One artefact drawn alone, as an image or a single page: a blueprint,
 * the cover, the persona gallery, one persona's card or the needs matrix. */
typedef enum
{
  ARTEFACT_BLUEPRINT,
  ARTEFACT_COVER,
  ARTEFACT_PERSONAS,
  ARTEFACT_PERSONA,
  ARTEFACT_MATRIX,
  ARTEFACT_COVERAGE,
  ARTEFACT_SLIDES,      /* the slide list, a page a slide (PDF only) */
  ARTEFACT_JOURNEYS,
  ARTEFACT_CASE,
} ArtefactKind;

typedef struct
{
  ArtefactKind              kind;
  const TptBlueprintLayout *layout;
  TptDocument              *document;
  TptPersona               *persona;
  PangoContext             *context;
  double                    width;
  double                    height;
  /* The needs matrix's and coverage's blueprint, or the case's future. */
  TptCoverageFilter         filter;
} Artefact;

/* The fixed names --artefact takes besides the ids of blueprints and
 * personas. */
#define ARTEFACT_NAME_COVER    "cover"
#define ARTEFACT_NAME_PERSONAS "personas"
#define ARTEFACT_NAME_MATRIX   "needs-matrix"
#define ARTEFACT_NAME_COVERAGE "coverage"
#define ARTEFACT_NAME_SLIDES   "slides"
#define ARTEFACT_NAME_JOURNEYS "journeys"
#define ARTEFACT_NAME_CASE     "case-for-change"

/* The paper round a persona's card drawn alone, so its edge shows. */
#define PERSONA_MARGIN 12.0

static void
artefact_init (Artefact           *artefact,
               ArtefactKind        kind,
               TptDocument        *document,
               TptPersona         *persona,
               PangoContext       *context)
{
  TptCoverageFilter filter = artefact->filter;

  *artefact = (Artefact) { kind, NULL, document, persona, context, 0, 0, filter };

  switch (kind)
    {
    case ARTEFACT_COVER:
      artefact->width = COVER_WIDTH;
      artefact->height = COVER_HEIGHT;
      break;
    case ARTEFACT_PERSONAS:
      tpt_persona_gallery_measure (context, document, &artefact->width, &artefact->height);
      break;
    case ARTEFACT_PERSONA:
      artefact->width = TPT_PERSONA_CARD_WIDTH + 2 * PERSONA_MARGIN;
      artefact->height = tpt_persona_card_measure (context, persona, TPT_PERSONA_CARD_WIDTH) +
                         2 * PERSONA_MARGIN;
      break;
    case ARTEFACT_MATRIX:
      tpt_matrix_measure_filtered (context, document, &artefact->filter, &artefact->width,
                                   &artefact->height);
      break;
    case ARTEFACT_COVERAGE:
      tpt_coverage_report_measure_filtered (context, document, &artefact->filter,
                                            &artefact->width, &artefact->height);
      break;
    case ARTEFACT_JOURNEYS:
      tpt_journey_report_measure (context, document, &artefact->width, &artefact->height);
      break;
    case ARTEFACT_CASE:
      tpt_case_for_change_measure (context, document, artefact->filter.blueprint,
                                   &artefact->width, &artefact->height);
      break;
    case ARTEFACT_BLUEPRINT:
    default:
      break;
    }
}

static void
artefact_init_blueprint (Artefact                 *artefact,
                         const TptBlueprintLayout *layout)
{
  *artefact = (Artefact) { ARTEFACT_BLUEPRINT, layout, NULL, NULL, NULL,
                           layout->bounds.width, layout->bounds.height, { 0 } };
}

static void
artefact_draw (const Artefact *artefact,
               cairo_t        *cr,
               const TptTheme *theme)
{
  g_autoptr(GDateTime) now = NULL;

  switch (artefact->kind)
    {
    case ARTEFACT_BLUEPRINT:
      tpt_blueprint_render (cr, artefact->layout, theme);
      break;
    case ARTEFACT_COVER:
      now = g_date_time_new_now_local ();
      tpt_cover_render (cr, artefact->context, artefact->document, theme, artefact->width,
                        artefact->height, now, NULL, 0);
      break;
    case ARTEFACT_PERSONAS:
      tpt_persona_gallery_render (cr, artefact->context, artefact->document, theme);
      break;
    case ARTEFACT_PERSONA:
      cairo_save (cr);
      cairo_translate (cr, PERSONA_MARGIN, PERSONA_MARGIN);
      tpt_persona_card_render (cr, artefact->context, artefact->persona, theme,
                               TPT_PERSONA_CARD_WIDTH);
      cairo_restore (cr);
      break;
    case ARTEFACT_COVERAGE:
      tpt_coverage_report_render_filtered (cr, artefact->context, artefact->document, theme,
                                           &artefact->filter);
      break;
    case ARTEFACT_JOURNEYS:
      tpt_journey_report_render (cr, artefact->context, artefact->document, theme);
      break;
    case ARTEFACT_CASE:
      tpt_case_for_change_render (cr, artefact->context, artefact->document,
                                  artefact->filter.blueprint, theme);
      break;
    case ARTEFACT_MATRIX:
    default:
      tpt_matrix_render_filtered (cr, artefact->context, artefact->document, theme,
                                  &artefact->filter);
      break;
    }
}

/* An artefact named by --artefact other than a blueprint: the cover, the
 * persona gallery, the needs matrix, or one persona's card by its id. */
static gboolean
resolve_other (TptDocument  *document,
               const char   *name,
               PangoContext *context,
               Artefact     *artefact)
{
  TptNode *node;

  if (g_str_equal (name, ARTEFACT_NAME_JOURNEYS))
    artefact_init (artefact, ARTEFACT_JOURNEYS, document, NULL, context);
  else if (g_str_equal (name, ARTEFACT_NAME_CASE))
    artefact_init (artefact, ARTEFACT_CASE, document, NULL, context);
  else if (g_str_equal (name, ARTEFACT_NAME_COVER))
    artefact_init (artefact, ARTEFACT_COVER, document, NULL, context);
  else if (g_str_equal (name, ARTEFACT_NAME_PERSONAS))
    artefact_init (artefact, ARTEFACT_PERSONAS, document, NULL, context);
  else if (g_str_equal (name, ARTEFACT_NAME_MATRIX))
    artefact_init (artefact, ARTEFACT_MATRIX, document, NULL, context);
  else if (g_str_equal (name, ARTEFACT_NAME_COVERAGE))
    artefact_init (artefact, ARTEFACT_COVERAGE, document, NULL, context);
  else if (TPT_IS_PERSONA (node = tpt_document_lookup (document, name)))
    artefact_init (artefact, ARTEFACT_PERSONA, document, TPT_PERSONA (node), context);
  else
    return FALSE;

  return TRUE;
}

static gboolean
write_svg (const Artefact            *artefact,
           const TptExportOptions    *options,
           Sink                      *sink,
           GError                   **error)
{
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;

  surface = cairo_svg_surface_create_for_stream (sink_write_cb, sink,
                                                 ceil (artefact->width),
                                                 ceil (artefact->height));
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  cr = cairo_create (surface);
  tpt_color_set_source (cr, &tpt_theme_get (options->theme)->paper);
  cairo_paint (cr);
  artefact_draw (artefact, cr, tpt_theme_get (options->theme));
  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_finish (surface);
  return surface_ok (surface, sink, error);
}

static gboolean
write_png (const Artefact            *artefact,
           const TptExportOptions    *options,
           Sink                      *sink,
           GError                   **error)
{
  double scale = options->dpi / 72.0;
  double width = ceil (artefact->width * scale);
  double height = ceil (artefact->height * scale);
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  cairo_status_t status;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  tpt_color_set_source (cr, &tpt_theme_get (options->theme)->paper);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  artefact_draw (artefact, cr, tpt_theme_get (options->theme));
  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_flush (surface);
  if (!surface_ok (surface, sink, error))
    return FALSE;

  status = cairo_surface_write_to_png_stream (surface, sink_write_cb, sink);
  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_FAILED,
                   _("Writing the image failed: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_image_size (const Artefact            *artefact,
                  const TptExportOptions    *options,
                  GError                   **error)
{
  double scale = options->dpi / 72.0;
  double width = ceil (artefact->width * scale);
  double height = ceil (artefact->height * scale);
  double fits = options->dpi * MIN (32767 / width,
                                    MIN (sqrt (TPT_EXPORT_MAX_PIXELS / (width * height)),
                                         32767 / height));

  if (options->format != TPT_EXPORT_PNG || fits >= options->dpi)
    return TRUE;

  g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_TOO_LARGE,
               _("At %g dpi the image would be %.0f × %.0f pixels, too large; "
                 "%d dpi or less fits"),
               options->dpi, width, height, MAX ((int) floor (fits), 1));
  return FALSE;
}

/* One artefact on one PDF page: fitted to it, or on the named page with
 * the artefact scaled into its margins and centred. */
static gboolean
write_single_pdf (const Artefact          *artefact,
                  const TptExportOptions  *options,
                  double                   page_width,
                  double                   page_height,
                  Sink                    *sink,
                  GError                 **error)
{
  const TptTheme *theme = tpt_theme_get (options->theme);
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  const char *title = artefact->document != NULL ? tpt_document_get_title (artefact->document)
                                                 : NULL;
  double width = page_width > 0 ? page_width : ceil (artefact->width);
  double height = page_width > 0 ? page_height : ceil (artefact->height);

  surface = cairo_pdf_surface_create_for_stream (sink_write_cb, sink, width, height);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  if (title != NULL && *title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Touchpoint " PACKAGE_VERSION);
  cr = cairo_create (surface);
  tpt_color_set_source (cr, &theme->paper);
  cairo_paint (cr);
  if (page_width > 0)
    {
      double scale = MIN ((page_width - 2 * PAGE_MARGIN) / artefact->width,
                          (page_height - 2 * PAGE_MARGIN) / artefact->height);

      cairo_translate (cr, (page_width - artefact->width * scale) / 2,
                       (page_height - artefact->height * scale) / 2);
      cairo_scale (cr, scale, scale);
    }
  artefact_draw (artefact, cr, theme);
  cairo_show_page (cr);
  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_finish (surface);
  return surface_ok (surface, sink, error);
}

/* The slides, a 16:9 page each: the document's slide list, or the
 * default presentation while it has none. */
static gboolean
write_slides_pdf (TptDocument             *document,
                  const TptExportOptions  *options,
                  PangoContext            *context,
                  Sink                    *sink,
                  GError                 **error)
{
  const TptTheme *theme = tpt_theme_get (options->theme);
  g_autoptr(GPtrArray) slides = tpt_slides_list_for_showing (document);
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  const char *title = tpt_document_get_title (document);
  const char *author = tpt_document_get_author (document);

  surface = cairo_pdf_surface_create_for_stream (sink_write_cb, sink, TPT_SLIDE_WIDTH,
                                                 TPT_SLIDE_HEIGHT);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  if (title != NULL && *title)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  if (author != NULL && *author)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Touchpoint " PACKAGE_VERSION);
  cr = cairo_create (surface);

  for (guint i = 0; i < slides->len; i++)
    {
      TptSlide *slide = g_ptr_array_index (slides, i);
      g_autofree char *label = tpt_slide_dup_display_title (document, slide);
      g_autofree char *link = g_strdup_printf ("page=%u", i + 1);

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT,
                                     label[0] != '\0' ? label : " ", link, 0);
      tpt_slide_render_full (cr, context, document, slide, theme, TPT_SLIDE_WIDTH,
                             TPT_SLIDE_HEIGHT, i + 1, slides->len, options->date);
      cairo_show_page (cr);

      if (g_cancellable_set_error_if_cancelled (sink->cancellable, error))
        return FALSE;
    }

  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_finish (surface);
  return surface_ok (surface, sink, error);
}

static gboolean
export_blueprints (TptDocument             *document,
                   GFile                   *file,
                   GPtrArray               *blueprints,
                   const Artefact          *other,
                   const TptExportOptions  *options,
                   PangoContext            *context,
                   double                   page_width,
                   double                   page_height,
                   GCancellable            *cancellable,
                   GError                 **error)
{
  g_autoptr(GPtrArray) layouts = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) tmp = NULL;
  g_autoptr(TptSafeReplace) replace = NULL;
  g_autoptr(GError) local_error = NULL;
  Sink sink = { 0 };
  TptPosterPlan plan = { 0 };
  Artefact first = { 0 };
  gboolean ok = FALSE;

  layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) tpt_blueprint_layout_unref);
  for (guint i = 0; blueprints != NULL && i < blueprints->len; i++)
    g_ptr_array_add (layouts, tpt_blueprint_layout_new (document,
                                                        g_ptr_array_index (blueprints, i),
                                                        context));
  if (other != NULL)
    first = *other;
  else if (layouts->len > 0)
    artefact_init_blueprint (&first, g_ptr_array_index (layouts, 0));
  if ((other != NULL || layouts->len > 0) && !check_image_size (&first, options, error))
    return FALSE;
  if (options->poster != NULL &&
      !tpt_poster_plan (&((TptBlueprintLayout *) g_ptr_array_index (layouts, 0))->bounds,
                        page_width, page_height, options->poster_scale, options->sheets_wide,
                        options->overlap_mm, &plan, error))
    return FALSE;
  plan.no_marks = options->no_marks;

  /* The data goes to a temporary file beside @file that takes its place
   * only when complete, keeping its mode and owner and following a link
   * (tpt-safe-replace.c): GIO's own replace writes a new file in place,
   * which a failure would leave half written. */
  if (!g_file_is_native (file))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Can only export to a local file"));
      return FALSE;
    }
  replace = tpt_safe_replace_new (file, &local_error);
  if (replace == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (file);

      int code = local_error->code == TPT_ERROR_NOT_WRITABLE ? G_IO_ERROR_PERMISSION_DENIED :
                 local_error->code == TPT_ERROR_FOLDER_GONE ? G_IO_ERROR_NOT_FOUND :
                 G_IO_ERROR_FAILED;

      g_set_error (error, G_IO_ERROR, code, _("Could not write “%s”: %s"), display,
                   local_error->message);
      return FALSE;
    }
  tmp = tpt_safe_replace_get_temp (replace);

  stream = g_file_append_to (tmp, G_FILE_CREATE_NONE, cancellable, error);
  if (stream != NULL)
    {
      sink.stream = G_OUTPUT_STREAM (stream);
      sink.cancellable = cancellable;

      switch (options->format)
        {
        case TPT_EXPORT_PDF:
          if (other != NULL && other->kind == ARTEFACT_SLIDES)
            ok = write_slides_pdf (document, options, context, &sink, error);
          else if (other != NULL)
            ok = write_single_pdf (&first, options, page_width, page_height, &sink, error);
          else if (options->poster != NULL)
            ok = write_poster (g_ptr_array_index (layouts, 0), options, context, &plan, &sink,
                               error);
          else
            ok = write_pdf (document, layouts, options, context, page_width, page_height,
                            &sink, error);
          break;
        case TPT_EXPORT_SVG:
          ok = write_svg (&first, options, &sink, error);
          break;
        case TPT_EXPORT_PNG:
        default:
          ok = write_png (&first, options, &sink, error);
          break;
        }

      if (ok)
        ok = g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
      else
        g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
    }

  if (ok && !tpt_safe_replace_commit (replace, &local_error))
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), display,
                   local_error->message);
      ok = FALSE;
    }

  return ok;
}

/* Whether a persona of @document is in @segment. */
static gboolean
has_segment (TptDocument *document,
             const char  *segment)
{
  GListModel *personas = tpt_document_get_personas (document);

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(TptPersona) persona = g_list_model_get_item (personas, i);

      if (g_strcmp0 (tpt_persona_get_segment (persona), segment) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Checks --persona and --segment against --artefact and finds what they
 * name into @filter. */
static gboolean
resolve_persona_options (TptDocument             *document,
                         const TptExportOptions  *options,
                         TptCoverageFilter       *filter,
                         GError                 **error)
{
  if (options->persona == NULL && options->segment == NULL)
    return TRUE;

  if (g_strcmp0 (options->artefact, ARTEFACT_NAME_MATRIX) != 0 &&
      g_strcmp0 (options->artefact, ARTEFACT_NAME_COVERAGE) != 0)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("A persona or a segment can be chosen for the needs matrix and "
                             "coverage; add --artefact needs-matrix or coverage"));
      return FALSE;
    }
  if (options->persona != NULL && options->segment != NULL)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("Choose a persona or a segment, not both"));
      return FALSE;
    }

  if (options->persona != NULL)
    {
      filter->persona = tpt_document_lookup_typed (document, options->persona,
                                                   TPT_TYPE_PERSONA);
      if (filter->persona == NULL)
        {
          g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                       _("“%s” is not the id of a persona in this document"),
                       options->persona);
          return FALSE;
        }
    }
  else
    {
      if (options->segment[0] == '\0' || !has_segment (document, options->segment))
        {
          g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                       _("No persona in this document is in the segment “%s”"),
                       options->segment);
          return FALSE;
        }
      filter->segment = options->segment;
    }
  return TRUE;
}

/* Checks --blueprint against --artefact and finds the blueprint it
 * names, or the default one, into @other's filter; then --persona and
 * --segment. */
static gboolean
resolve_blueprint_option (TptDocument             *document,
                          const TptExportOptions  *options,
                          Artefact                *other,
                          GError                 **error)
{
  gboolean is_case = g_strcmp0 (options->artefact, ARTEFACT_NAME_CASE) == 0;
  TptBlueprint *blueprint = NULL;

  *other = (Artefact) { 0 };
  if (options->blueprint != NULL &&
      g_strcmp0 (options->artefact, ARTEFACT_NAME_MATRIX) != 0 &&
      g_strcmp0 (options->artefact, ARTEFACT_NAME_COVERAGE) != 0 && !is_case)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("A blueprint can be chosen for the needs matrix, coverage and the "
                             "case for change; add --artefact needs-matrix, coverage or "
                             "case-for-change"));
      return FALSE;
    }

  if (options->blueprint != NULL)
    {
      blueprint = tpt_document_lookup_typed (document, options->blueprint, TPT_TYPE_BLUEPRINT);
      if (blueprint == NULL)
        {
          g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                       _("“%s” is not the id of a blueprint in this document"),
                       options->blueprint);
          return FALSE;
        }
    }

  if (is_case)
    {
      if (blueprint == NULL)
        {
          g_autoptr(GPtrArray) futures = tpt_case_for_change_list_futures (document);

          blueprint = futures->len > 0 ? g_ptr_array_index (futures, 0) : NULL;
        }
      if (blueprint == NULL || tpt_case_for_change_based_on (document, blueprint) == NULL)
        {
          g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                               blueprint == NULL
                               ? _("There is no case for change: no future state is based on "
                                   "another blueprint")
                               : _("There is no case for change for that blueprint: it is not "
                                   "a future state based on another blueprint"));
          return FALSE;
        }
    }

  other->filter.blueprint = blueprint;
  return resolve_persona_options (document, options, &other->filter, error);
}

/**
 * tpt_export:
 * @document: the document
 * @file: where to write
 * @options: what to write
 * @cancellable: (nullable): a cancellable
 * @error: the place for an error
 *
 * Exports @document, or the artefact @options names, to @file, which must
 * be local. Everything that can be checked is checked before anything is
 * written; the data goes to a temporary file beside @file that replaces it
 * only once complete, so a failure leaves @file as it was, or absent.
 *
 * Returns: %TRUE on success
 */
gboolean
tpt_export (TptDocument             *document,
            GFile                   *file,
            const TptExportOptions  *options,
            GCancellable            *cancellable,
            GError                 **error)
{
  g_autoptr(GPtrArray) blueprints = NULL;
  PangoContext *context;
  Artefact other;
  double page_width, page_height;
  gboolean ok;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->changes_since == NULL ||
                        (TPT_IS_DOCUMENT (options->changes_since) &&
                         options->changes_since_name != NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_options (options, &page_width, &page_height, error) ||
      !resolve_blueprint_option (document, options, &other, error))
    return FALSE;

  if (g_strcmp0 (options->artefact, ARTEFACT_NAME_SLIDES) == 0)
    {
      Artefact slides = { ARTEFACT_SLIDES, NULL, document, NULL, NULL,
                          TPT_SLIDE_WIDTH, TPT_SLIDE_HEIGHT };

      if (options->format != TPT_EXPORT_PDF)
        {
          g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                               _("Slides export to PDF, a page a slide; export them to a "
                                 ".pdf file"));
          return FALSE;
        }
      if (options->page_size != NULL || options->poster != NULL || options->landscape)
        {
          g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                               _("Slides have their own 16:9 pages; leave out the page size, "
                                 "poster and landscape"));
          return FALSE;
        }

      context = tpt_text_context_new ();
      slides.context = context;
      ok = export_blueprints (document, file, NULL, &slides, options, context, 0, 0,
                              cancellable, error);
      g_object_unref (context);
      return ok;
    }

  context = tpt_text_context_new ();
  if (options->artefact != NULL && resolve_other (document, options->artefact, context, &other))
    {
      if (options->poster != NULL)
        {
          g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                               _("A poster shows a blueprint; choose one with --artefact"));
          g_object_unref (context);
          return FALSE;
        }
      ok = export_blueprints (document, file, NULL, &other, options, context, page_width,
                              page_height, cancellable, error);
      g_object_unref (context);
      return ok;
    }

  blueprints = select_blueprints (document, options, error);
  if (blueprints == NULL)
    {
      g_object_unref (context);
      return FALSE;
    }

  ok = export_blueprints (document, file, blueprints, NULL, options, context, page_width,
                          page_height, cancellable, error);
  g_object_unref (context);

  return ok;
}
