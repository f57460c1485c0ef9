/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "tpt-artefact.h"
#include "tpt-document.h"

G_BEGIN_DECLS

#define TPT_TYPE_OUTLINE (tpt_outline_get_type ())

G_DECLARE_FINAL_TYPE (TptOutline, tpt_outline, TPT, OUTLINE, GtkWidget)

/**
 * TptOutlineGroup:
 * @TPT_OUTLINE_GROUP_NONE: the selection is a node
 * @TPT_OUTLINE_GROUP_PERSONAS: the "Personas" row: the persona gallery
 * @TPT_OUTLINE_GROUP_NEEDS: the "Needs" row: the needs matrix
 * @TPT_OUTLINE_GROUP_COVERAGE: the "Coverage" row: the coverage report
 * @TPT_OUTLINE_GROUP_SLIDES: the "Slides" row over the slide list
 * @TPT_OUTLINE_GROUP_REPORT: the row of another report of the artefact
 *   table (see tpt_outline_get_selected_page())
 */
typedef enum
{
  TPT_OUTLINE_GROUP_NONE,
  TPT_OUTLINE_GROUP_PERSONAS,
  TPT_OUTLINE_GROUP_NEEDS,
  TPT_OUTLINE_GROUP_COVERAGE,
  TPT_OUTLINE_GROUP_SLIDES,
  TPT_OUTLINE_GROUP_REPORT,
} TptOutlineGroup;

GtkWidget       *tpt_outline_new            (void);
TptDocument     *tpt_outline_get_document   (TptOutline  *self);
void             tpt_outline_set_document   (TptOutline  *self,
                                             TptDocument *document);
TptNode         *tpt_outline_get_selected   (TptOutline  *self);
TptOutlineGroup  tpt_outline_get_selected_group (TptOutline *self);
void             tpt_outline_set_selected   (TptOutline  *self,
                                             TptNode     *node);
void             tpt_outline_select_group   (TptOutline      *self,
                                             TptOutlineGroup  group);
void             tpt_outline_select_page    (TptOutline      *self,
                                             TptArtefactKind  kind);
gboolean         tpt_outline_get_selected_page (TptOutline      *self,
                                                TptArtefactKind *kind);
GListModel      *tpt_outline_get_rows       (TptOutline  *self);
gboolean         tpt_outline_rename_selected (TptOutline *self,
                                              const char *name);

G_END_DECLS
