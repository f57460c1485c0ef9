/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "tpt-geometry.h"
#include "tpt-node.h"

G_BEGIN_DECLS

/**
 * TptLink:
 * @rect: where the link is drawn, in the artefact's coordinates
 * @node: what it names: a card, a need… (a reference is held)
 *
 * A place on a drawn report that stands for a node of the document, so a
 * view can take a click there to that node.
 */
typedef struct
{
  TptRect  rect;
  TptNode *node;
} TptLink;

GArray        *tpt_link_array_new (void);
void           tpt_link_add       (GArray        *links,
                                   const TptRect *rect,
                                   TptNode       *node);
void           tpt_link_add_range (GArray        *links,
                                   PangoLayout   *layout,
                                   double         x,
                                   double         y,
                                   gsize          start,
                                   gsize          end,
                                   TptNode       *node);
const TptLink *tpt_link_at        (GArray        *links,
                                   double         x,
                                   double         y);

G_END_DECLS
