/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tpt-document.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

/* One line of the table of contents: an artefact and its page. */
typedef struct
{
  const char *title;
  int         page;
} TptCoverEntry;

void tpt_cover_render (cairo_t             *cr,
                       PangoContext        *context,
                       TptDocument         *document,
                       const TptTheme      *theme,
                       double               width,
                       double               height,
                       GDateTime           *date,
                       const TptCoverEntry *entries,
                       guint                n_entries);
void tpt_cover_render_titled (cairo_t        *cr,
                              PangoContext   *context,
                              TptDocument    *document,
                              const char     *title,
                              const TptTheme *theme,
                              double          width,
                              double          height,
                              GDateTime      *date);

guint tpt_cover_contents_fit    (PangoContext        *context,
                                TptDocument         *document,
                                double               width,
                                double               height,
                                const char * const  *notes,
                                gboolean             first_page);
void  tpt_cover_render_contents (cairo_t             *cr,
                                 PangoContext        *context,
                                 TptDocument         *document,
                                 const char          *title,
                                 const TptTheme      *theme,
                                 double               width,
                                 double               height,
                                 GDateTime           *date,
                                 const TptCoverEntry *entries,
                                 guint                first,
                                 guint                end,
                                 const char * const  *notes,
                                 GArray              *rects);

G_END_DECLS
