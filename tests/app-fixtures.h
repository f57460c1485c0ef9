/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Helpers shared by the tests of suite app, which run under Xvfb. */

void      app_iterate       (void);
gboolean  app_wait_for      (gboolean (*condition) (gpointer),
                             gpointer   data,
                             double     seconds);
GFile    *app_example_file  (void);

G_END_DECLS
