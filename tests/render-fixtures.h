/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"
#include "tpt-export.h"

G_BEGIN_DECLS

TptDocument *render_fixture_claims (void);
TptDocument *render_fixture_random (guint32  seed,
                                    gboolean spans);
char        *render_run_tool       (const char * const *argv);
char        *render_squeeze        (const char         *text);
double       render_pdf_smallest_font (const char      *path,
                                       guint            first,
                                       guint            last);
guint        render_pdf_pages      (const char         *path);
guint        render_plan_pages     (TptDocument        *document,
                                    const TptExportOptions *options);

G_END_DECLS
