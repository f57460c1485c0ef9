/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-slide-edits"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-slide-edits.h"

static guint
index_of (GListModel *model,
          gpointer    item)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }
  return G_MAXUINT;
}

/**
 * tpt_slide_edits_position_after:
 * @document: a document
 * @selected: (nullable): what is selected
 *
 * Returns: where a new slide goes: after @selected when it is a slide of
 *   @document, else at the end of the list
 */
guint
tpt_slide_edits_position_after (TptDocument *document,
                                TptNode     *selected)
{
  GListModel *slides;
  guint index;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), 0);

  slides = tpt_document_get_slides (document);
  if (TPT_IS_SLIDE (selected) && (index = index_of (slides, selected)) != G_MAXUINT)
    return index + 1;
  return g_list_model_get_n_items (slides);
}

/**
 * tpt_slide_edits_add_defaults:
 * @document: a document
 * @position: where in the slide list
 *
 * Inserts the slides the document would be presented with by default (see
 * tpt_slides_new_default()) as one undo step, "Add Default Slides", so a
 * list can start from them and be edited.
 *
 * Returns: how many slides were added
 */
guint
tpt_slide_edits_add_defaults (TptDocument *document,
                              guint        position)
{
  g_autoptr(GPtrArray) slides = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), 0);

  slides = tpt_slides_new_default (document);
  position = MIN (position, g_list_model_get_n_items (tpt_document_get_slides (document)));
  tpt_document_begin (document, _("Add Default Slides"));
  for (guint i = 0; i < slides->len; i++)
    tpt_document_insert_slide (document, position + i, slides->pdata[i]);
  tpt_document_end (document);

  return slides->len;
}

/**
 * tpt_slide_edits_add:
 * @document: a document
 * @position: where in the slide list
 * @artefact: what the slide shows
 * @target: (nullable): the blueprint, stage or persona, as @artefact needs
 * @title: the slide's title
 * @region: (nullable): the part of the artefact's drawing it shows, in
 *   points; %NULL for all of it
 *
 * Adds a slide as one undo step, "Add Slide".
 *
 * Returns: (transfer none): the slide
 */
TptSlide *
tpt_slide_edits_add (TptDocument      *document,
                     guint             position,
                     TptArtefactKind   artefact,
                     TptNode          *target,
                     const char       *title,
                     const TptSlideRegion *region)
{
  g_autoptr(TptSlide) slide = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (target == NULL || TPT_IS_NODE (target), NULL);

  slide = tpt_slide_new (document, artefact, target);
  g_return_val_if_fail (slide != NULL, NULL);
  tpt_slide_set_title (slide, title);
  if (region != NULL)
    tpt_slide_set_region (slide, region->x, region->y, region->width, region->height);

  position = MIN (position, g_list_model_get_n_items (tpt_document_get_slides (document)));
  tpt_document_begin (document, _("Add Slide"));
  tpt_document_insert_slide (document, position, slide);
  tpt_document_end (document);

  return slide;
}

/**
 * tpt_slide_edits_duplicate:
 * @document: the document of @slide
 * @slide: a slide of @document
 *
 * Inserts a copy of @slide, region and notes included, after it, as one
 * undo step.
 *
 * Returns: (transfer none) (nullable): the copy, or %NULL if what @slide
 *   shows is gone
 */
TptSlide *
tpt_slide_edits_duplicate (TptDocument *document,
                           TptSlide    *slide)
{
  TptArtefactKind  artefact;
  TptNode *target;
  g_autoptr(TptSlide) copy = NULL;
  g_autofree char *title = NULL;
  double x, y, width, height;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TPT_IS_SLIDE (slide), NULL);

  artefact = tpt_slide_get_artefact (slide);
  target = tpt_slide_get_target_node (slide);
  if (tpt_artefact_kind_get_target_type (artefact) != G_TYPE_NONE && target == NULL)
    return NULL;

  copy = tpt_slide_new (document, artefact, target);
  /* An untitled slide shows its artefact's name; so does its copy. */
  if (tpt_slide_get_title (slide)[0] != '\0')
    /* Translators: the title of a copy; %s is the original's title. */
    title = g_strdup_printf (_("%s (copy)"), tpt_slide_get_title (slide));
  tpt_slide_set_title (copy, title);
  tpt_slide_set_notes (copy, tpt_slide_get_notes (slide));
  if (tpt_slide_get_region (slide, &x, &y, &width, &height))
    tpt_slide_set_region (copy, x, y, width, height);

  tpt_document_begin (document, _("Duplicate Slide"));
  tpt_document_insert_slide (document, tpt_slide_edits_position_after (document, TPT_NODE (slide)),
                             copy);
  tpt_document_end (document);

  return copy;
}

/**
 * tpt_slide_edits_describe:
 * @slide: a slide
 *
 * Returns: (transfer full): what @slide shows, for a designer: “Stage:
 *   Claim, in Claims — current state”, “Needs Matrix”; “Missing” if its
 *   target is gone
 */
char *
tpt_slide_edits_describe (TptSlide *slide)
{
  TptNode *target;
  g_autofree char *name = NULL;

  g_return_val_if_fail (TPT_IS_SLIDE (slide), NULL);

  target = tpt_slide_get_target_node (slide);
  if (target != NULL)
    g_object_get (target, TPT_IS_PERSONA (target) ? "name" : "title", &name, NULL);

  switch (tpt_slide_get_artefact (slide))
    {
    case TPT_ARTEFACT_COVER:
      return g_strdup (_("Cover"));
    case TPT_ARTEFACT_NEEDS_MATRIX:
      return g_strdup (_("Needs Matrix"));
    case TPT_ARTEFACT_COVERAGE:
      return g_strdup (_("Coverage"));
    case TPT_ARTEFACT_BLUEPRINT:
      /* Translators: what a slide shows; %s is the blueprint's title. */
      return name != NULL ? g_strdup_printf (_("Blueprint: %s"), name) : g_strdup (_("Missing"));
    case TPT_ARTEFACT_STAGE:
      /* Blueprints often share their stages' names, a future state its
       * current state's: the blueprint tells them apart. */
      if (name != NULL && TPT_IS_BLUEPRINT (tpt_node_get_parent (target)))
        /* Translators: what a slide shows; the stage's title, then its blueprint's. */
        return g_strdup_printf (_("Stage: %s, in %s"), name,
                                tpt_blueprint_get_title (TPT_BLUEPRINT (
                                  tpt_node_get_parent (target))));
      /* Translators: what a slide shows; %s is the stage's title. */
      return name != NULL ? g_strdup_printf (_("Stage: %s"), name) : g_strdup (_("Missing"));
    case TPT_ARTEFACT_PERSONA:
      /* Translators: what a slide shows; %s is the persona's name. */
      return name != NULL ? g_strdup_printf (_("Persona: %s"), name) : g_strdup (_("Missing"));
    default:
      return g_strdup (_("Missing"));
    }
}
