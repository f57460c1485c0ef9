/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-artefact.h"
#include "tpt-enums.h"
#include "tpt-node.h"

G_BEGIN_DECLS

#define TPT_TYPE_SLIDE (tpt_slide_get_type ())

G_DECLARE_FINAL_TYPE (TptSlide, tpt_slide, TPT, SLIDE, TptNode)

/* A part of the artefact a slide shows, in the drawing's points. */
typedef struct
{
  double x;
  double y;
  double width;
  double height;
} TptSlideRegion;

/* The largest a region's coordinates may be, in points either way. */
#define TPT_SLIDE_MAX_COORDINATE 1000000.0

TptSlide         *tpt_slide_new             (TptDocument      *document,
                                             TptArtefactKind   artefact,
                                             TptNode          *target);
const char       *tpt_slide_get_title       (TptSlide         *self);
const char       *tpt_slide_get_notes       (TptSlide         *self);
TptArtefactKind   tpt_slide_get_artefact    (TptSlide         *self);
const char       *tpt_slide_get_target      (TptSlide         *self);
TptNode          *tpt_slide_get_target_node (TptSlide         *self);
gboolean          tpt_slide_get_region      (TptSlide         *self,
                                             double           *x,
                                             double           *y,
                                             double           *width,
                                             double           *height);

void              tpt_slide_set_title       (TptSlide         *self,
                                             const char       *title);
void              tpt_slide_set_notes       (TptSlide         *self,
                                             const char       *notes);
void              tpt_slide_set_artefact    (TptSlide         *self,
                                             TptArtefactKind   artefact,
                                             TptNode          *target);
void              tpt_slide_set_region      (TptSlide         *self,
                                             double            x,
                                             double            y,
                                             double            width,
                                             double            height);
void              tpt_slide_clear_region    (TptSlide         *self);

double            tpt_slide_round_coordinate     (double           value);

GPtrArray        *tpt_slides_new_default    (TptDocument      *document);
GPtrArray        *tpt_slides_list_for_showing (TptDocument    *document);

G_END_DECLS
