/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Plain geometry in points (1/72 inch), y growing downwards, shared by the
 * layouts, the renderers, export and hit-testing in the app. */

typedef struct
{
  double x;
  double y;
} TptPoint;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} TptRect;

static inline double
tpt_rect_right (const TptRect *rect)
{
  return rect->x + rect->width;
}

static inline double
tpt_rect_bottom (const TptRect *rect)
{
  return rect->y + rect->height;
}

static inline gboolean
tpt_rect_intersects (const TptRect *a,
                     const TptRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static inline gboolean
tpt_rect_contains_point (const TptRect *rect,
                         double         x,
                         double         y)
{
  return x >= rect->x && x <= rect->x + rect->width &&
         y >= rect->y && y <= rect->y + rect->height;
}

G_END_DECLS
