/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

TptDocument *render_fixture_claims (void);
TptDocument *render_fixture_random (guint32  seed,
                                    gboolean spans);
char        *render_run_tool       (const char * const *argv);
char        *render_squeeze        (const char         *text);

G_END_DECLS
