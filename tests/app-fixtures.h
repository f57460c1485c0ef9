/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tpt-application.h"
#include "tpt-document.h"
#include "tpt-canvas.h"
#include "tpt-drag-tool.h"

G_BEGIN_DECLS

/* Helpers shared by the tests of suite app, which run under Xvfb. */

void      app_iterate       (void);
gboolean  app_wait_for      (gboolean (*condition) (gpointer),
                             gpointer   data,
                             double     seconds);
void      app_wait_frames   (gpointer   widget,
                             guint      n);
GFile    *app_example_file  (void);

TptApplication *app_test_init            (int          *argc,
                                          char       ***argv);
char           *app_document_bytes       (TptDocument  *document);
void            app_undo_all_and_compare (TptDocument  *document,
                                          const char   *original);

gboolean        app_key                  (gpointer      widget,
                                          guint         keyval,
                                          GdkModifierType state);
void            app_click                (gpointer      canvas,
                                          double        x,
                                          double        y,
                                          int           n_press,
                                          GdkModifierType state);
gboolean        app_drag                 (gpointer      canvas,
                                          double        x0,
                                          double        y0,
                                          double        x1,
                                          double        y1,
                                          GdkModifierType state);
void            app_finish_edit          (gpointer      canvas,
                                          const char   *text,
                                          int           end);

G_END_DECLS
