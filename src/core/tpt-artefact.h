/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tpt-enums.h"
#include "tpt-types.h"

G_BEGIN_DECLS

/**
 * TptArtefactFlags:
 * @TPT_ARTEFACT_FLAG_PAGE: the window has a page of its own for it
 * @TPT_ARTEFACT_FLAG_SLIDE: a slide may show it
 * @TPT_ARTEFACT_FLAG_DOCUMENT: the whole-document export and print have it
 * @TPT_ARTEFACT_FLAG_REPORT: a report the rest of the document makes, with
 *   no node of its own: the outline has a row for its page
 *
 * Where an artefact appears.
 */
typedef enum
{
  TPT_ARTEFACT_FLAG_PAGE     = 1 << 0,
  TPT_ARTEFACT_FLAG_SLIDE    = 1 << 1,
  TPT_ARTEFACT_FLAG_DOCUMENT = 1 << 2,
  TPT_ARTEFACT_FLAG_REPORT   = 1 << 3,
} TptArtefactFlags;

/**
 * TptArtefactInfo:
 * @kind: the artefact
 * @name: the word files and the command line use for it ("needs-matrix")
 * @title: what the user calls it, untranslated (see
 *   tpt_artefact_kind_get_title())
 * @page: the artefact whose page shows it: a stage is shown on its
 *   blueprint, a persona on the gallery, the rest on their own
 * @flags: where it appears
 *
 * One row of the artefact table: every place that lists, chooses or names
 * artefacts (the window, export, print, slides, the command line) reads
 * it, so adding a kind is adding a row.
 */
typedef struct
{
  TptArtefactKind   kind;
  const char       *name;
  const char       *title;
  TptArtefactKind   page;
  TptArtefactFlags  flags;
} TptArtefactInfo;

#define TPT_ARTEFACT_N_KINDS (TPT_ARTEFACT_CASE_FOR_CHANGE + 1)

const TptArtefactInfo *tpt_artefact_kind_get_info        (TptArtefactKind   kind);
const char            *tpt_artefact_kind_get_name        (TptArtefactKind   kind);
const char            *tpt_artefact_kind_get_title       (TptArtefactKind   kind);
TptArtefactKind        tpt_artefact_kind_get_page        (TptArtefactKind   kind);
gboolean               tpt_artefact_kind_has_flags       (TptArtefactKind   kind,
                                                          TptArtefactFlags  flags);
GType                  tpt_artefact_kind_get_target_type (TptArtefactKind   kind);
gboolean               tpt_artefact_kind_from_name       (const char       *name,
                                                          TptArtefactKind  *kind);
TptArtefactKind        tpt_artefact_kind_for_node        (TptNode          *node,
                                                          TptBlueprint    **blueprint);

G_END_DECLS
