/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-export-plan"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-export-plan.h"
#include "tpt-artefact-renderer.h"
#include "tpt-case-for-change.h"
#include "tpt-changes-renderer.h"
#include "tpt-page-size.h"
#include "tpt-slide-renderer.h"
#include "tpt-text.h"

#include <math.h>
#include <pango/pangocairo.h>

/* The pages of an export, in order, worked out once and drawn by
 * whatever writes them: the PDF writer, the Export dialog's preview,
 * Print and Print Poster all go through a plan, so what is printed is
 * what is exported. A whole document is its cover (with contents), then
 * each artefact the renderer table lists for it, in the table's order,
 * each split over as many pages as it needs to stay readable; one
 * artefact is its pages alone; a poster is its assembly page and sheets;
 * slides are a page a slide, or a page a part of a slide. */

#define MM (72.0 / 25.4)

/* Margin round content on named paper: 10 mm. */
#define PAGE_MARGIN (10 * MM)

/* Acrobat and other readers refuse pages over 200 inches a side. */
#define MAX_PAGE_SIDE (200 * 72.0)

/* Below this size, in points, a poster's text is hard to read. */
#define POSTER_WARN_TEXT 6.0

struct _TptExportPlan
{
  TptDocument   *document;
  PangoContext  *context;
  GPtrArray     *drawings;      /* TptArtefactDrawing, owned */
  GArray        *pages;         /* TptPlanPage */
  GPtrArray     *notes;         /* char*, NULL-terminated on demand */
  GPtrArray     *warnings;
  GPtrArray     *slides;        /* TptSlide, for slide pages */
  GArray        *links;         /* TptPdfLink */
  gboolean       poster;
  TptPosterPlan  poster_plan;
  char          *stamp;
  GDateTime     *date;
  double         paper_width;   /* 0 for fitted pages */
  double         paper_height;
  TptDiff       *changes;       /* for "Changes since …" pages, and marks */
  char          *since;         /* what those pages call the older version */
};

/* Notes and warnings are kept NULL-terminated. */
static void
add_line (GPtrArray *lines,
          char      *line)
{
  if (lines->len > 0 && g_ptr_array_index (lines, lines->len - 1) == NULL)
    g_ptr_array_set_size (lines, lines->len - 1);
  g_ptr_array_add (lines, line);
  g_ptr_array_add (lines, NULL);
}

static const char * const *
terminated (GPtrArray *lines)
{
  if (lines->len == 0)
    g_ptr_array_add (lines, NULL);
  return (const char * const *) lines->pdata;
}

static void
page_clear (gpointer data)
{
  g_clear_pointer (&((TptPlanPage *) data)->title, g_free);
}

void
tpt_export_plan_free (TptExportPlan *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->document);
  g_clear_object (&self->context);
  g_clear_pointer (&self->drawings, g_ptr_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->stamp, g_free);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_object (&self->changes);
  g_clear_pointer (&self->since, g_free);
  g_free (self);
}

static gboolean
lookup_paper (const char  *name,
              gboolean     landscape,
              double      *width,
              double      *height,
              const char  *what,
              GError     **error)
{
  if (!tpt_page_size_lookup (name, width, height))
    {
      g_autofree char *known = tpt_page_size_list ();

      /* Translators: the first %s is "page size" or "paper size". */
      g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                   _("Unknown %s “%s”; known sizes are %s"), what, name, known);
      return FALSE;
    }
  if (landscape)
    {
      double w = *width;

      *width = *height;
      *height = w;
    }
  return TRUE;
}

/**
 * tpt_export_options_get_paper:
 * @options: export options
 * @whole: whether the whole document is exported
 * @width: (out): the paper in points, or 0 for pages fitted to content
 * @height: (out): likewise
 * @error: the place for an error
 *
 * The paper the options choose: given outright (printing), the poster's,
 * the page size named, or for the whole document A4 landscape, so it
 * prints on one paper size; one artefact's page fits it.
 *
 * Returns: whether the options name a paper there is
 */
gboolean
tpt_export_options_get_paper (const TptExportOptions *options,
                              gboolean                whole,
                              double                 *width,
                              double                 *height,
                              GError                **error)
{
  *width = *height = 0;

  if (options->paper_width > 0 && options->paper_height > 0)
    {
      *width = options->paper_width;
      *height = options->paper_height;
      return TRUE;
    }
  if (options->poster != NULL)
    return lookup_paper (options->poster, options->landscape, width, height, _("paper size"),
                         error);
  if (options->page_size != NULL && g_ascii_strcasecmp (options->page_size, "fit") != 0)
    return lookup_paper (options->page_size, options->landscape, width, height, _("page size"),
                         error);
  if (options->landscape && options->page_size == NULL && whole)
    return lookup_paper ("A4", TRUE, width, height, _("page size"), error);
  if (options->landscape)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("Landscape applies to a named page or poster size"));
      return FALSE;
    }
  if (options->page_size == NULL && whole)
    return lookup_paper ("A4", TRUE, width, height, _("page size"), error);
  return TRUE;
}

/**
 * tpt_export_plan_resolve:
 * @document: a document
 * @name: what `--artefact` names: a blueprint, stage or persona by its id,
 *   or an artefact of the whole document by its name ("needs-matrix")
 * @kind: (out): the artefact
 * @target: (out) (transfer none): its node, or %NULL
 * @error: the place for an error
 *
 * Returns: whether @name names an artefact of @document
 */
gboolean
tpt_export_plan_resolve (TptDocument      *document,
                         const char       *name,
                         TptArtefactKind  *kind,
                         TptNode         **target,
                         GError          **error)
{
  TptNode *node;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  *target = NULL;
  /* The case for change is named, its future state chosen apart. */
  if (tpt_artefact_kind_from_name (name, kind) &&
      (tpt_artefact_kind_get_target_type (*kind) == G_TYPE_NONE ||
       *kind == TPT_ARTEFACT_CASE_FOR_CHANGE))
    return TRUE;

  node = tpt_document_lookup (document, name);
  if (TPT_IS_BLUEPRINT (node) || TPT_IS_STAGE (node) || TPT_IS_PERSONA (node))
    {
      *kind = tpt_artefact_kind_for_node (node, NULL);
      if (TPT_IS_STAGE (node))
        *kind = TPT_ARTEFACT_STAGE;
      else if (TPT_IS_PERSONA (node))
        *kind = TPT_ARTEFACT_PERSONA;
      *target = node;
      return TRUE;
    }

  if (node != NULL)
    g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                 _("“%s” is not an artefact; name a blueprint, a stage or a persona by its id, "
                   "or cover, personas, needs-matrix, coverage, journeys or case-for-change"),
                 name);
  else
    g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                 _("The document has no artefact “%s”; name a blueprint, a stage or a persona "
                   "by its id, or cover, personas, needs-matrix, coverage, journeys or "
                   "case-for-change"), name);
  return FALSE;
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

/* Checks --persona and --segment against the artefact and finds what they
 * name into @filter. */
static gboolean
resolve_persona_options (TptDocument             *document,
                         const TptExportOptions  *options,
                         gboolean                 narrows,
                         TptCoverageFilter       *filter,
                         GError                 **error)
{
  if (options->persona == NULL && options->segment == NULL)
    return TRUE;

  if (!narrows)
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

/**
 * tpt_export_plan_resolve_options:
 * @document: a document
 * @options: what to export
 * @kind: (out): the artefact `--artefact` names; left alone without one
 * @target: (out) (transfer none): its node, or %NULL; left alone without
 *   an artefact
 * @filter: (out): the blueprint, persona or segment `--blueprint`,
 *   `--persona` and `--segment` choose, borrowed from @document
 *
 * Finds the artefact the options name and what they narrow it to: the
 * state whose cards the needs matrix and coverage count (the default one
 * unless chosen), the persona or segment whose needs they show, and the
 * future state a case for change is for (the first one based on another
 * unless chosen). Options that apply to nothing exported are refused.
 *
 * Returns: whether the options name an artefact and choices there are
 */
gboolean
tpt_export_plan_resolve_options (TptDocument             *document,
                                 const TptExportOptions  *options,
                                 TptArtefactKind         *kind,
                                 TptNode                **target,
                                 TptCoverageFilter       *filter,
                                 GError                 **error)
{
  TptArtefactKind named = TPT_ARTEFACT_COVER;
  TptNode *node = NULL;
  gboolean is_case, narrows;
  TptBlueprint *blueprint = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  *filter = (TptCoverageFilter) { NULL, NULL, NULL };
  if (options->artefact != NULL && g_strcmp0 (options->artefact, "slides") != 0 &&
      !tpt_export_plan_resolve (document, options->artefact, &named, &node, error))
    return FALSE;

  is_case = options->artefact != NULL && named == TPT_ARTEFACT_CASE_FOR_CHANGE;
  narrows = options->artefact != NULL && node == NULL &&
            (named == TPT_ARTEFACT_NEEDS_MATRIX || named == TPT_ARTEFACT_COVERAGE);
  if (options->blueprint != NULL && !narrows && !is_case)
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
      node = TPT_NODE (blueprint);
    }
  else
    filter->blueprint = blueprint;

  if (!resolve_persona_options (document, options, narrows, filter, error))
    return FALSE;
  if (options->artefact != NULL && g_strcmp0 (options->artefact, "slides") != 0)
    {
      *kind = named;
      *target = node;
    }
  return TRUE;
}

static TptArtefactDrawing *
add_drawing (TptExportPlan      *self,
             TptArtefactDrawing *drawing)
{
  tpt_artefact_drawing_set_date (drawing, self->date);
  g_ptr_array_add (self->drawings, drawing);
  return drawing;
}

/* Lays @drawing's parts out on pages: fitted to each part, or on the
 * paper inside its margins, a single part centred and the parts of a
 * split artefact from the top. Returns how many pages it took. */
static guint
add_parts (TptExportPlan      *self,
           TptArtefactDrawing *drawing,
           double              min_text,
           gboolean            whole_page)
{
  gboolean fitted = self->paper_width <= 0;
  double margin = fitted || whole_page ? 0 : PAGE_MARGIN;
  TptPageRequest request = {
    fitted ? MAX_PAGE_SIDE : self->paper_width - 2 * margin,
    fitted ? MAX_PAGE_SIDE : self->paper_height - 2 * margin,
    fitted, min_text, FALSE, G_MAXDOUBLE,
  };
  g_autoptr(GArray) parts = g_array_new (FALSE, TRUE, sizeof (TptDrawingPart));
  double smallest = tpt_artefact_drawing_get_smallest_text (drawing);

  tpt_artefact_drawing_paginate (drawing, &request, parts);
  for (guint i = 0; i < parts->len; i++)
    {
      TptPlanPage page = { TPT_PLAN_PAGE_PART, drawing };

      page.part = g_array_index (parts, TptDrawingPart, i);
      page.scale = page.part.scale;
      if (fitted)
        {
          page.width = ceil (page.part.width * page.scale);
          page.height = ceil (page.part.height * page.scale);
        }
      else
        {
          page.width = self->paper_width;
          page.height = self->paper_height;
          page.x = (page.width - page.part.width * page.scale) / 2;
          page.y = parts->len > 1 ? margin
                                  : (page.height - page.part.height * page.scale) / 2;
        }
      page.smallest_text = smallest * page.scale;
      if (i == 0)
        page.title = tpt_artefact_drawing_dup_title (drawing);
      g_array_append_val (self->pages, page);
    }

  /* Say so when an artefact was split rather than shrunk. */
  if (parts->len > 1 && drawing->kind != TPT_ARTEFACT_COVER)
    {
      g_autofree char *title = tpt_artefact_drawing_dup_title (drawing);
      const TptDrawingPart *first = &g_array_index (parts, TptDrawingPart, 0);

      if (drawing->kind == TPT_ARTEFACT_BLUEPRINT)
        add_line (self->notes,
                         g_strdup_printf (ngettext ("“%s” is split over %u page by stage, its "
                                                    "lane headers repeated, so that its text "
                                                    "prints at %.1f pt or larger",
                                                    "“%s” is split over %u pages by stage, its "
                                                    "lane headers repeated, so that its text "
                                                    "prints at %.1f pt or larger", parts->len),
                                          title, parts->len, smallest * first->scale));
      else
        add_line (self->notes,
                         g_strdup_printf (ngettext ("“%s” goes on over %u page",
                                                    "“%s” goes on over %u pages", parts->len),
                                          title, parts->len));
    }
  return parts->len;
}

/* The "Changes since …" pages: on one fitted page, or over as many sheets
 * of the paper as they take, lines whole, at one scale. */
static void
add_changes_pages (TptExportPlan *self)
{
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  TptPlanPage page = { TPT_PLAN_PAGE_CHANGES };
  double width, height, scale;
  guint zero = 0;

  tpt_changes_report_measure (self->context, self->changes, self->since, &width, &height);
  if (self->paper_width > 0)
    scale = tpt_changes_report_paginate (self->context, self->changes, self->since,
                                         self->paper_width - 2 * PAGE_MARGIN,
                                         self->paper_height - 2 * PAGE_MARGIN, breaks);
  else
    {
      scale = MIN (1.0, MAX_PAGE_SIDE / MAX (width, height));
      g_array_append_val (breaks, zero);
    }

  page.scale = scale;
  page.smallest_text = tpt_text_style_get_size (TPT_TEXT_BODY) * scale;
  page.width = self->paper_width > 0 ? self->paper_width : ceil (width * scale);
  page.height = self->paper_width > 0 ? self->paper_height : ceil (height * scale);
  page.x = page.y = self->paper_width > 0 ? PAGE_MARGIN : 0;
  page.part.count = breaks->len;
  for (guint i = 0; i < breaks->len; i++)
    {
      page.part.index = i;
      page.part.first = g_array_index (breaks, guint, i);
      page.part.end = i + 1 < breaks->len ? g_array_index (breaks, guint, i + 1) : G_MAXUINT;
      /* Translators: the contents entry of the pages that list what
       * changed; %s names the older version. */
      page.title = i == 0 ? g_strdup_printf (_("Changes since %s"), self->since) : NULL;
      g_array_append_val (self->pages, page);
    }
}

static gboolean
plan_document (TptExportPlan           *self,
               const TptExportOptions  *options,
               GError                 **error)
{
  g_autoptr(GArray) kinds = tpt_artefact_renderer_document_kinds ();
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (TptCoverEntry));
  g_autoptr(GArray) first_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) cover_pages = g_array_new (FALSE, TRUE, sizeof (TptPlanPage));
  double min_text = options->min_text > 0 ? options->min_text : TPT_EXPORT_MIN_TEXT;
  TptArtefactDrawing *cover = NULL;
  guint n_cover;

  g_array_set_clear_func (cover_pages, page_clear);

  /* For a review: what changed since the version the stakeholders saw,
   * first after the cover, and marked on the blueprints. */
  if (self->changes != NULL)
    {
      guint start = self->pages->len;

      add_changes_pages (self);
      g_array_append_val (first_pages, start);
    }

  for (guint k = 0; k < kinds->len; k++)
    {
      TptArtefactKind kind = g_array_index (kinds, TptArtefactKind, k);
      g_autoptr(GPtrArray) targets = g_ptr_array_new ();

      if (kind == TPT_ARTEFACT_COVER)
        continue;
      tpt_artefact_renderer_get (kind)->list_targets (self->document, targets);
      for (guint t = 0; t < targets->len; t++)
        {
          TptArtefactDrawing *drawing =
            add_drawing (self, tpt_artefact_drawing_new (kind, self->document,
                                                         g_ptr_array_index (targets, t),
                                                         self->context));
          guint start = self->pages->len;

          tpt_artefact_drawing_set_changes (drawing, self->changes);

          add_parts (self, drawing, min_text, FALSE);
          g_array_append_val (first_pages, start);
        }
    }

  /* The cover, with the contents: an entry for each artefact's first
   * page, numbered once the cover knows how many pages it takes. */
  for (guint i = 0; i < first_pages->len; i++)
    {
      TptCoverEntry entry = { g_array_index (self->pages, TptPlanPage,
                                             g_array_index (first_pages, guint, i)).title, 0 };

      g_array_append_val (entries, entry);
    }
  if (self->notes->len > 0 && self->paper_width > 0)
    add_line (self->notes, g_strdup (_("Print at actual size; for a wall, print a blueprint "
                                       "as a poster instead.")));
  cover = add_drawing (self, tpt_artefact_drawing_new (TPT_ARTEFACT_COVER, self->document, NULL,
                                                       self->context));
  tpt_artefact_drawing_set_contents (cover, (TptCoverEntry *) (gpointer) entries->data,
                                     entries->len, terminated (self->notes));

  /* The cover is a whole page of its own; move it to the front. */
  {
    guint before = self->pages->len;

    add_parts (self, cover, min_text, TRUE);
    n_cover = self->pages->len - before;
    g_array_append_vals (cover_pages, &g_array_index (self->pages, TptPlanPage, before),
                         n_cover);
    g_array_set_clear_func (self->pages, NULL);
    g_array_remove_range (self->pages, before, n_cover);
    g_array_set_clear_func (self->pages, page_clear);
    g_array_prepend_vals (self->pages, cover_pages->data, n_cover);
    g_array_set_clear_func (cover_pages, NULL);
  }
  for (guint i = 0; i < n_cover; i++)
    {
      TptPlanPage *page = &g_array_index (self->pages, TptPlanPage, i);

      page->width = self->paper_width > 0 ? self->paper_width : page->part.width;
      page->height = self->paper_width > 0 ? self->paper_height : page->part.height;
      page->x = page->y = 0;
      page->scale = 1;
    }

  for (guint i = 0; i < cover->n_entries; i++)
    cover->entries[i].page = (int) (n_cover + g_array_index (first_pages, guint, i) + 1);

  /* The contents are links, added after cairo has written the file. */
  for (guint p = 0; p < n_cover; p++)
    {
      const TptPlanPage *page = &g_array_index (self->pages, TptPlanPage, p);
      g_autoptr(GArray) regions = g_array_new (FALSE, FALSE, sizeof (TptHitRegion));

      tpt_artefact_drawing_collect_regions (cover, &page->part, regions);
      for (guint i = 0; i < regions->len; i++)
        {
          const TptHitRegion *region = &g_array_index (regions, TptHitRegion, i);
          TptPdfLink link = { p, region->rect, n_cover + g_array_index (first_pages, guint,
                                                                         region->index) };

          if (region->kind == TPT_HIT_CONTENTS && region->index < first_pages->len)
            g_array_append_val (self->links, link);
        }
    }

  return TRUE;
}

static gboolean
plan_poster (TptExportPlan           *self,
             TptArtefactDrawing      *drawing,
             const TptExportOptions  *options,
             GError                 **error)
{
  const TptTheme *theme = tpt_theme_get (options->theme);
  TptPosterSize size = { options->poster_scale, options->sheets_wide, options->poster_width_mm,
                         options->overlap_mm };
  TptPosterPlan *plan = &self->poster_plan;
  g_autoptr(GArray) sheets = g_array_new (FALSE, FALSE, sizeof (guint));
  double smallest, width_mm, height_mm;
  g_autofree char *title = tpt_artefact_drawing_dup_title (drawing);

  if (!tpt_poster_plan (&drawing->ink, self->paper_width, self->paper_height, &size, plan, error))
    return FALSE;
  plan->no_marks = options->no_marks;
  tpt_poster_find_blank (plan, drawing, theme);
  if (tpt_poster_count_printed (plan) == 0)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                           _("There is nothing to print on the poster"));
      return FALSE;
    }
  if (options->sheets != NULL && !tpt_poster_parse_sheets (plan, options->sheets, sheets, error))
    return FALSE;

  smallest = tpt_artefact_drawing_get_smallest_text (drawing) * plan->scale;
  tpt_poster_get_finished_size (plan, &width_mm, &height_mm);

  if (options->sheets == NULL)
    for (guint i = 0; i < tpt_poster_count_assembly_pages (plan); i++)
      {
        TptPlanPage page = { TPT_PLAN_PAGE_ASSEMBLY, drawing };

        page.width = self->paper_width;
        page.height = self->paper_height;
        page.row = i;
        page.scale = 1;
        page.smallest_text = smallest;
        page.title = i == 0 ? g_strdup (_("Assembly")) : NULL;
        g_array_append_val (self->pages, page);
      }
  for (guint r = 0; r < plan->rows; r++)
    for (guint c = 0; c < plan->columns; c++)
      {
        TptPlanPage page = { TPT_PLAN_PAGE_SHEET, drawing };
        gboolean chosen = sheets->len == 0;

        for (guint i = 0; i < sheets->len && !chosen; i++)
          chosen = g_array_index (sheets, guint, i) == r * plan->columns + c;
        if (tpt_poster_is_blank (plan, r, c) || !chosen)
          continue;
        page.width = self->paper_width;
        page.height = self->paper_height;
        page.row = r;
        page.column = c;
        page.scale = plan->scale;
        page.smallest_text = smallest;
        page.title = tpt_poster_tile_label (r, c);
        g_array_append_val (self->pages, page);
      }

  add_line (self->notes,
                   g_strdup_printf (_("Poster of “%s”: %u × %u sheets, %u printed and %u blank "
                                      "left out, at %.0f%%; finished size %.0f × %.0f mm; "
                                      "smallest text %.1f pt"),
                                    title, plan->columns, plan->rows,
                                    tpt_poster_count_printed (plan), plan->n_blank,
                                    plan->scale * 100, width_mm, height_mm, smallest));
  if (smallest < POSTER_WARN_TEXT)
    add_line (self->warnings,
                     g_strdup_printf (_("the poster’s smallest text prints at %.1f pt, hard to "
                                        "read below %.0f pt; choose a larger scale or paper"),
                                      smallest, POSTER_WARN_TEXT));
  self->poster = TRUE;
  return TRUE;
}

static void
plan_slides (TptExportPlan *self)
{
  self->slides = tpt_slides_list_for_showing (self->document);
  for (guint i = 0; i < self->slides->len; i++)
    {
      TptSlide *slide = g_ptr_array_index (self->slides, i);
      guint n = tpt_slide_count_parts (self->context, self->document, slide);

      for (guint p = 0; p < n; p++)
        {
          TptPlanPage page = { TPT_PLAN_PAGE_SLIDE };
          g_autofree char *label = tpt_slide_dup_display_title (self->document, slide);

          page.slide = slide;
          page.slide_number = i + 1;
          page.part.index = p;
          page.part.count = n;
          page.width = TPT_SLIDE_WIDTH;
          page.height = TPT_SLIDE_HEIGHT;
          page.scale = 1;
          if (p == 0)
            page.title = g_strdup (label[0] != '\0' ? label : " ");
          g_array_append_val (self->pages, page);
        }
    }
}

typedef struct
{
  double smallest;
  double card;
} Sizes;

static void
sizes_sink_cb (cairo_t     *cr,
               PangoLayout *layout,
               gpointer     data)
{
  Sizes *sizes = data;
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  cairo_matrix_t m;
  double natural, size;

  if (desc == NULL || pango_layout_get_character_count (layout) == 0)
    return;
  cairo_get_matrix (cr, &m);
  natural = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
  size = natural * sqrt (fabs (m.xx * m.yy - m.xy * m.yx));
  sizes->smallest = MIN (sizes->smallest, size);
  /* A card's text, a need's, a persona's lists: the body size. */
  if (fabs (natural - tpt_text_style_get_size (TPT_TEXT_BODY)) < 0.01)
    sizes->card = MIN (sizes->card, size);
}

/* The smallest text of each slide page, as drawn on the 960-point frame,
 * and the smallest card text: what the export says about each slide. */
static void
measure_slides (TptExportPlan *self)
{
  for (guint i = 0; i < self->pages->len; i++)
    {
      TptPlanPage *page = &g_array_index (self->pages, TptPlanPage, i);
      cairo_rectangle_t extents = { 0, 0, TPT_SLIDE_WIDTH, TPT_SLIDE_HEIGHT };
      cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR, &extents);
      cairo_t *cr = cairo_create (surface);
      Sizes sizes = { G_MAXDOUBLE, G_MAXDOUBLE };
      g_autofree char *label = tpt_slide_dup_display_title (self->document, page->slide);
      g_autofree char *number = NULL;

      tpt_text_set_sink (cr, sizes_sink_cb, &sizes);
      tpt_export_plan_render_page (self, i, cr, tpt_theme_get (TPT_THEME_PROJECTOR));
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
      page->smallest_text = sizes.smallest;

      /* Pixels on a 1920 × 1080 screen are twice the frame's points. */
      number = page->part.count > 1
               ? g_strdup_printf ("%u.%u", page->slide_number, page->part.index + 1)
               : g_strdup_printf ("%u", page->slide_number);
      if (sizes.card < G_MAXDOUBLE)
        add_line (self->notes,
                  g_strdup_printf (_("Slide %s “%s”: card text %.0f px, smallest text %.0f px "
                                     "at 1920 × 1080"),
                                   number, label, 2 * sizes.card, 2 * sizes.smallest));
      else
        add_line (self->notes,
                  g_strdup_printf (_("Slide %s “%s”: no card text; smallest text %.0f px at "
                                     "1920 × 1080"), number, label, 2 * sizes.smallest));
    }
}

/**
 * tpt_export_plan_new:
 * @document: the document
 * @context: a context from tpt_text_context_new()
 * @options: what to export; its format is taken as PDF
 * @error: the place for an error
 *
 * Plans the pages of a PDF export or a print: the whole document, one
 * artefact, a poster of one, or the slides. Options that do not fit the
 * document are reported before anything is drawn.
 *
 * Returns: (transfer full) (nullable): the plan
 */
TptExportPlan *
tpt_export_plan_new (TptDocument             *document,
                     PangoContext            *context,
                     const TptExportOptions  *options,
                     GError                 **error)
{
  g_autoptr(TptExportPlan) self = g_new0 (TptExportPlan, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  gboolean slides = g_strcmp0 (options->artefact, "slides") == 0;
  gboolean whole = options->artefact == NULL;
  g_autofree char *day = NULL;
  TptCoverageFilter filter = { NULL, NULL, NULL };

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (options != NULL, NULL);

  self->document = g_object_ref (document);
  self->context = g_object_ref (context);
  self->drawings = g_ptr_array_new_with_free_func ((GDestroyNotify) tpt_artefact_drawing_unref);
  self->pages = g_array_new (FALSE, TRUE, sizeof (TptPlanPage));
  g_array_set_clear_func (self->pages, page_clear);
  self->notes = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func (g_free);
  self->links = g_array_new (FALSE, FALSE, sizeof (TptPdfLink));
  self->date = g_date_time_ref (options->date != NULL ? options->date : now);
  day = g_date_time_format (self->date, "%Y-%m-%d");
  self->stamp = g_strdup_printf ("Touchpoint %s · %s", PACKAGE_VERSION, day);

  if (options->poster == NULL && options->paper_width <= 0 &&
      (options->poster_scale > 0 || options->sheets_wide > 0 || options->poster_width_mm > 0 ||
       options->sheets != NULL))
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("A scale, a width, a number of sheets or a choice of sheets "
                             "applies to a poster only"));
      return NULL;
    }

  /* --blueprint, --persona and --segment apply to one artefact. */
  if ((whole || slides) &&
      !tpt_export_plan_resolve_options (document, options, NULL, NULL, &filter, error))
    return NULL;

  if (slides)
    {
      if (options->page_size != NULL || options->poster != NULL || options->landscape)
        {
          g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                               _("Slides have their own 16:9 pages; leave out the page size, "
                                 "poster and landscape"));
          return NULL;
        }
      plan_slides (self);
      measure_slides (self);
      return g_steal_pointer (&self);
    }

  if (options->poster != NULL && options->page_size != NULL)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("A poster has its own paper size; leave out the page size"));
      return NULL;
    }
  if (!tpt_export_options_get_paper (options, whole && options->poster == NULL,
                                     &self->paper_width, &self->paper_height, error))
    return NULL;

  if (options->changes_since != NULL && (!whole || options->poster != NULL))
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("The pages of changes go in a PDF of the whole document; export "
                             "it to a .pdf file, without an artefact or poster"));
      return NULL;
    }

  if (whole && options->poster == NULL)
    {
      if (options->changes_since != NULL)
        {
          self->changes = tpt_diff_new (options->changes_since, document);
          self->since = g_strdup (options->changes_since_name);
        }
      if (!plan_document (self, options, error))
        return NULL;
    }
  else
    {
      TptArtefactKind kind = TPT_ARTEFACT_BLUEPRINT;
      TptNode *target = NULL;
      TptArtefactDrawing *drawing;

      if (options->artefact != NULL)
        {
          if (!tpt_export_plan_resolve_options (document, options, &kind, &target, &filter,
                                                error))
            return NULL;
        }
      else
        {
          /* A poster of the whole document is a poster of its only
           * blueprint. */
          GListModel *blueprints = tpt_document_get_blueprints (document);

          if (g_list_model_get_n_items (blueprints) != 1)
            {
              g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                                   _("A poster shows one artefact; choose it with --artefact"));
              return NULL;
            }
          target = g_list_model_get_item (blueprints, 0);
          g_object_unref (target);
        }
      if (options->poster != NULL && kind == TPT_ARTEFACT_COVER)
        {
          g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                               _("A poster shows a blueprint, the needs matrix, coverage, the "
                                 "personas or one persona, not the cover"));
          return NULL;
        }
      drawing = add_drawing (self, tpt_artefact_drawing_new_filtered (kind, document, target,
                                                                      context, &filter));
      if (options->poster != NULL)
        {
          if (!plan_poster (self, drawing, options, error))
            return NULL;
        }
      else
        add_parts (self, drawing, options->min_text > 0 ? options->min_text : TPT_EXPORT_MIN_TEXT,
                   kind == TPT_ARTEFACT_COVER);
    }

  return g_steal_pointer (&self);
}

guint
tpt_export_plan_get_n_pages (TptExportPlan *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->pages->len;
}

const TptPlanPage *
tpt_export_plan_get_page (TptExportPlan *self,
                          guint          index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->pages->len, NULL);
  return &g_array_index (self->pages, TptPlanPage, index);
}

/**
 * tpt_export_plan_render_page:
 * @self: a plan
 * @index: a page, from 0
 * @cr: where to draw, with the page's top left corner at the origin, in
 *   points
 * @theme: the colours
 *
 * Draws the page, paper included.
 */
void
tpt_export_plan_render_page (TptExportPlan  *self,
                             guint           index,
                             cairo_t        *cr,
                             const TptTheme *theme)
{
  const TptPlanPage *page;

  g_return_if_fail (self != NULL);
  g_return_if_fail (index < self->pages->len);

  page = &g_array_index (self->pages, TptPlanPage, index);
  cairo_save (cr);
  switch (page->kind)
    {
    case TPT_PLAN_PAGE_ASSEMBLY:
      tpt_poster_render_assembly (cr, self->context, page->drawing, theme, &self->poster_plan,
                                  page->row, page->smallest_text, self->stamp);
      break;
    case TPT_PLAN_PAGE_SHEET:
      tpt_poster_render_sheet (cr, self->context, page->drawing, theme, &self->poster_plan,
                               page->row, page->column, self->stamp);
      break;
    case TPT_PLAN_PAGE_SLIDE:
      tpt_slide_render_part (cr, self->context, self->document, page->slide, theme, page->width,
                             page->height, page->part.index, page->slide_number,
                             self->slides->len, self->date);
      break;
    case TPT_PLAN_PAGE_CHANGES:
      tpt_color_set_source (cr, &theme->paper);
      cairo_paint (cr);
      cairo_translate (cr, page->x, page->y);
      cairo_scale (cr, page->scale, page->scale);
      tpt_changes_report_render_part (cr, self->context, self->changes, self->since, theme,
                                      page->part.first, page->part.end);
      break;
    case TPT_PLAN_PAGE_PART:
    default:
      tpt_color_set_source (cr, &theme->paper);
      cairo_paint (cr);
      cairo_translate (cr, page->x, page->y);
      cairo_scale (cr, page->scale, page->scale);
      tpt_artefact_drawing_render_part (page->drawing, cr, theme, &page->part);
      break;
    }
  cairo_restore (cr);
}

/**
 * tpt_export_plan_amend:
 * @self: a plan
 * @amend: gets what cairo cannot write: the links of the contents, and a
 *   poster's trim boxes and its request to print at actual size
 */
void
tpt_export_plan_amend (TptExportPlan *self,
                       TptPdfAmend   *amend)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (amend != NULL);

  for (guint i = 0; i < self->links->len; i++)
    {
      const TptPdfLink *link = &g_array_index (self->links, TptPdfLink, i);

      tpt_pdf_amend_add_link (amend, link->page, &link->rect, link->target);
    }
  if (!self->poster)
    return;
  tpt_pdf_amend_set_no_print_scaling (amend);
  for (guint i = 0; i < self->pages->len; i++)
    if (g_array_index (self->pages, TptPlanPage, i).kind == TPT_PLAN_PAGE_SHEET)
      {
        TptRect trim = tpt_poster_get_trim_box (&self->poster_plan);

        tpt_pdf_amend_set_trim_box (amend, i, &trim);
      }
}

/**
 * tpt_export_plan_get_notes:
 * @self: a plan
 *
 * Returns: (transfer none) (array zero-terminated=1): what the plan did
 *   that the user should know
 */
const char * const *
tpt_export_plan_get_notes (TptExportPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return terminated (self->notes);
}

/**
 * tpt_export_plan_get_warnings:
 * @self: a plan
 *
 * Returns: (transfer none) (array zero-terminated=1): what may go wrong
 *   with the result
 */
const char * const *
tpt_export_plan_get_warnings (TptExportPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return terminated (self->warnings);
}

/**
 * tpt_export_plan_get_smallest_text:
 * @self: a plan
 *
 * Returns: the smallest text of all its pages, in points as printed
 */
double
tpt_export_plan_get_smallest_text (TptExportPlan *self)
{
  double smallest = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->pages->len; i++)
    smallest = MIN (smallest, g_array_index (self->pages, TptPlanPage, i).smallest_text);
  return smallest;
}

/**
 * tpt_export_plan_get_poster:
 * @self: a plan
 *
 * Returns: (nullable): the poster's plan, or %NULL if it is no poster
 */
const TptPosterPlan *
tpt_export_plan_get_poster (TptExportPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->poster ? &self->poster_plan : NULL;
}

/**
 * tpt_export_plan_get_drawing:
 * @self: a plan
 *
 * Returns: (nullable) (transfer none): the artefact of a plan of one
 */
TptArtefactDrawing *
tpt_export_plan_get_drawing (TptExportPlan *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->drawings->len == 1 ? g_ptr_array_index (self->drawings, 0) : NULL;
}

/**
 * tpt_export_plan_dup_summary:
 * @self: a plan
 *
 * Returns: (transfer full): how many pages of what paper the plan makes,
 *   as the Export dialog and the command line say it
 */
char *
tpt_export_plan_dup_summary (TptExportPlan *self)
{
  g_autofree char *paper = NULL;
  guint n = self->pages->len;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->poster)
    {
      double w, h;

      tpt_poster_get_finished_size (&self->poster_plan, &w, &h);
      /* Translators: a poster: "12 sheets (4 × 3) of 297 × 210 mm, 1000 × 600 mm finished". */
      return g_strdup_printf (ngettext ("%u sheet (%u × %u) of %.0f × %.0f mm and an assembly "
                                        "page; %.0f × %.0f mm finished, smallest text %.1f pt",
                                        "%u sheets (%u × %u) of %.0f × %.0f mm and an assembly "
                                        "page; %.0f × %.0f mm finished, smallest text %.1f pt",
                                        tpt_poster_count_printed (&self->poster_plan)),
                              tpt_poster_count_printed (&self->poster_plan),
                              self->poster_plan.columns, self->poster_plan.rows,
                              self->paper_width / MM, self->paper_height / MM, w, h,
                              tpt_export_plan_get_smallest_text (self));
    }
  if (self->slides != NULL)
    return g_strdup_printf (ngettext ("%u page, a slide or part of one, each 16:9",
                                      "%u pages, a slide or part of one each, 16:9", n), n);
  if (self->paper_width > 0)
    paper = g_strdup_printf (_("%.0f × %.0f mm"), self->paper_width / MM,
                             self->paper_height / MM);
  else
    paper = g_strdup (_("each fitted to its content"));
  return g_strdup_printf (ngettext ("%u page, %s; smallest text %.1f pt",
                                    "%u pages, %s; smallest text %.1f pt", n),
                          n, paper, tpt_export_plan_get_smallest_text (self));
}
