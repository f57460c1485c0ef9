/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

/* The paper round a persona's card in the card's own drawing, in points,
 * which a persona slide's region is in: the format's contract
 * (data/touchpoint.rng), as a single card exports and a slide draws it. */
#define TPT_SLIDE_CARD_PAPER 12.0

/* Building the slide list, each edit one labelled undo step: shared by the
 * outline, the window's slide actions and the region capture, so the same
 * edit reads the same in the undo menu wherever it was made. */

guint     tpt_slide_edits_add_defaults (TptDocument      *document,
                                        guint             position);
TptSlide *tpt_slide_edits_add          (TptDocument      *document,
                                        guint             position,
                                        TptArtefactKind   artefact,
                                        TptNode          *target,
                                        const char       *title,
                                        const TptSlideRegion *region);
TptSlide *tpt_slide_edits_duplicate    (TptDocument      *document,
                                        TptSlide         *slide);
char     *tpt_slide_edits_describe     (TptSlide         *slide);
guint     tpt_slide_edits_position_after (TptDocument    *document,
                                          TptNode        *selected);

G_END_DECLS
