/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-artefact"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-artefact.h"

#include "tpt-blueprint.h"
#include "tpt-need.h"
#include "tpt-persona.h"
#include "tpt-rating.h"
#include "tpt-slide.h"
#include "tpt-stage.h"

#define PAGE     TPT_ARTEFACT_FLAG_PAGE
#define SLIDE    TPT_ARTEFACT_FLAG_SLIDE
#define DOCUMENT TPT_ARTEFACT_FLAG_DOCUMENT
#define REPORT   TPT_ARTEFACT_FLAG_REPORT

/* In the enum's order, which is checked at start-up of every table user
 * through tpt_artefact_kind_get_info(). */
static const TptArtefactInfo artefacts[TPT_ARTEFACT_N_KINDS] = {
  { TPT_ARTEFACT_COVER, "cover", N_("Cover"),
    TPT_ARTEFACT_COVER, PAGE | SLIDE | DOCUMENT },
  { TPT_ARTEFACT_BLUEPRINT, "blueprint", N_("Blueprint"),
    TPT_ARTEFACT_BLUEPRINT, PAGE | SLIDE | DOCUMENT },
  { TPT_ARTEFACT_STAGE, "stage", N_("Stage"),
    TPT_ARTEFACT_BLUEPRINT, SLIDE },
  { TPT_ARTEFACT_PERSONA, "persona", N_("Persona"),
    TPT_ARTEFACT_PERSONAS, SLIDE },
  { TPT_ARTEFACT_NEEDS_MATRIX, "needs-matrix", N_("Needs Matrix"),
    TPT_ARTEFACT_NEEDS_MATRIX, PAGE | SLIDE | DOCUMENT },
  { TPT_ARTEFACT_COVERAGE, "coverage", N_("Coverage"),
    TPT_ARTEFACT_COVERAGE, PAGE | SLIDE | DOCUMENT | REPORT },
  { TPT_ARTEFACT_PERSONAS, "personas", N_("Personas"),
    TPT_ARTEFACT_PERSONAS, PAGE | DOCUMENT },
  { TPT_ARTEFACT_JOURNEYS, "journeys", N_("Journey Numbers"),
    TPT_ARTEFACT_JOURNEYS, PAGE | DOCUMENT | REPORT },
  /* One page has the case of every future state; a slide of one shows
   * there. */
  { TPT_ARTEFACT_CASE_FOR_CHANGE, "case-for-change", N_("Case for Change"),
    TPT_ARTEFACT_CASE_FOR_CHANGE, PAGE | SLIDE | DOCUMENT | REPORT },
};

/**
 * tpt_artefact_kind_get_info:
 * @kind: an artefact
 *
 * Returns: (transfer none): its row of the artefact table
 */
const TptArtefactInfo *
tpt_artefact_kind_get_info (TptArtefactKind kind)
{
  g_return_val_if_fail ((guint) kind < TPT_ARTEFACT_N_KINDS, &artefacts[0]);
  g_assert (artefacts[kind].kind == kind);

  return &artefacts[kind];
}

/**
 * tpt_artefact_kind_get_name:
 * @kind: an artefact
 *
 * Returns: (transfer none): the word files and the command line use for it
 */
const char *
tpt_artefact_kind_get_name (TptArtefactKind kind)
{
  return tpt_artefact_kind_get_info (kind)->name;
}

/**
 * tpt_artefact_kind_get_title:
 * @kind: an artefact
 *
 * Returns: (transfer none): what the user calls it, translated
 */
const char *
tpt_artefact_kind_get_title (TptArtefactKind kind)
{
  return _(tpt_artefact_kind_get_info (kind)->title);
}

/**
 * tpt_artefact_kind_get_page:
 * @kind: an artefact
 *
 * Returns: the artefact whose page in the window shows @kind
 */
TptArtefactKind
tpt_artefact_kind_get_page (TptArtefactKind kind)
{
  return tpt_artefact_kind_get_info (kind)->page;
}

/**
 * tpt_artefact_kind_has_flags:
 * @kind: an artefact
 * @flags: where it might appear
 *
 * Returns: whether @kind appears in every place @flags names
 */
gboolean
tpt_artefact_kind_has_flags (TptArtefactKind  kind,
                             TptArtefactFlags flags)
{
  return (tpt_artefact_kind_get_info (kind)->flags & flags) == flags;
}

/**
 * tpt_artefact_kind_get_target_type:
 * @kind: an artefact
 *
 * Returns: the type of node an artefact of this kind is of (a slide's
 *   target): a blueprint, a stage or a persona, or the future state of a
 *   case for change; %G_TYPE_NONE for the document's own artefacts (the
 *   cover, the gallery, the needs matrix, the coverage report and the
 *   journey numbers)
 */
GType
tpt_artefact_kind_get_target_type (TptArtefactKind kind)
{
  switch (kind)
    {
    case TPT_ARTEFACT_BLUEPRINT:
    case TPT_ARTEFACT_CASE_FOR_CHANGE:
      return TPT_TYPE_BLUEPRINT;
    case TPT_ARTEFACT_STAGE:
      return TPT_TYPE_STAGE;
    case TPT_ARTEFACT_PERSONA:
      return TPT_TYPE_PERSONA;
    case TPT_ARTEFACT_COVER:
    case TPT_ARTEFACT_NEEDS_MATRIX:
    case TPT_ARTEFACT_COVERAGE:
    case TPT_ARTEFACT_PERSONAS:
    case TPT_ARTEFACT_JOURNEYS:
    default:
      return G_TYPE_NONE;
    }
}

/**
 * tpt_artefact_kind_from_name:
 * @name: a word such as "needs-matrix"
 * @kind: (out) (optional): the artefact it names
 *
 * Returns: whether @name names an artefact
 */
gboolean
tpt_artefact_kind_from_name (const char      *name,
                             TptArtefactKind *kind)
{
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (artefacts); i++)
    if (g_str_equal (artefacts[i].name, name))
      {
        if (kind != NULL)
          *kind = artefacts[i].kind;
        return TRUE;
      }

  return FALSE;
}

/* A slide is shown on the page of what it shows: a stage on its
 * blueprint, a report of a blueprint on the report's page; one whose
 * target has gone, on the cover. */
static TptArtefactKind
page_for_slide (TptSlide      *slide,
                TptBlueprint **blueprint)
{
  TptArtefactKind kind = tpt_slide_get_artefact (slide);
  TptNode *target = tpt_slide_get_target_node (slide);

  if (tpt_artefact_kind_get_target_type (kind) == G_TYPE_NONE)
    return tpt_artefact_kind_get_page (kind);
  if (target == NULL)
    return TPT_ARTEFACT_COVER;
  if (tpt_artefact_kind_has_flags (kind, TPT_ARTEFACT_FLAG_REPORT))
    return tpt_artefact_kind_get_page (kind);

  return tpt_artefact_kind_for_node (target, blueprint);
}

/**
 * tpt_artefact_kind_for_node:
 * @node: (nullable): any node of a document
 * @blueprint: (out) (optional) (transfer none): the blueprint @node belongs to
 *
 * Returns: the page that shows @node: its blueprint for a blueprint and
 *   everything in one, the gallery for personas and their facts, the matrix
 *   for needs and ratings, the cover for the document itself, and for a
 *   slide the page of what it shows (a stage's blueprint, a persona's
 *   gallery)
 */
TptArtefactKind
tpt_artefact_kind_for_node (TptNode       *node,
                            TptBlueprint **blueprint)
{
  if (blueprint != NULL)
    *blueprint = NULL;

  if (TPT_IS_SLIDE (node))
    return page_for_slide (TPT_SLIDE (node), blueprint);

  for (TptNode *n = node; n != NULL; n = tpt_node_get_parent (n))
    {
      if (TPT_IS_BLUEPRINT (n))
        {
          if (blueprint != NULL)
            *blueprint = TPT_BLUEPRINT (n);
          return TPT_ARTEFACT_BLUEPRINT;
        }
      if (TPT_IS_PERSONA (n))
        return TPT_ARTEFACT_PERSONAS;
      if (TPT_IS_NEED (n) || TPT_IS_RATING (n))
        return TPT_ARTEFACT_NEEDS_MATRIX;
    }

  return TPT_ARTEFACT_COVER;
}
