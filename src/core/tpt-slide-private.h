/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-slide.h"

G_BEGIN_DECLS

/* For the reader, which resolves ids only once the whole file is read. */
void tpt_slide_set_reference (TptSlide         *self,
                              TptArtefactKind   artefact,
                              const char       *target);

G_END_DECLS
