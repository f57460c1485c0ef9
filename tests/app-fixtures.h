/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tpt-application.h"
#include "tpt-document.h"

G_BEGIN_DECLS

/* Helpers shared by the tests of suite app, which run under Xvfb. */

void      app_iterate       (void);
gboolean  app_wait_for      (gboolean (*condition) (gpointer),
                             gpointer   data,
                             double     seconds);
GFile    *app_example_file  (void);

TptApplication *app_test_init            (int          *argc,
                                          char       ***argv);
char           *app_document_bytes       (TptDocument  *document);
void            app_undo_all_and_compare (TptDocument  *document,
                                          const char   *original);

G_END_DECLS
