/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tpt-presentation.h"

G_BEGIN_DECLS

#define TPT_TYPE_PRESENTATION_WINDOW (tpt_presentation_window_get_type ())

G_DECLARE_FINAL_TYPE (TptPresentationWindow, tpt_presentation_window, TPT, PRESENTATION_WINDOW,
                      GtkWindow)

TptPresentationWindow *tpt_presentation_window_start      (GtkWindow             *parent,
                                                           TptDocument           *document,
                                                           GPtrArray             *slides,
                                                           guint                  first);
TptPresentation       *tpt_presentation_window_get_presentation (TptPresentationWindow *self);
GtkWidget             *tpt_presentation_window_get_view   (TptPresentationWindow *self);
GtkWindow             *tpt_presentation_window_get_console (TptPresentationWindow *self);
gboolean               tpt_presentation_window_key        (TptPresentationWindow *self,
                                                           guint                  keyval,
                                                           GdkModifierType        state);
void                   tpt_presentation_window_show_console (TptPresentationWindow *self,
                                                             GdkMonitor            *monitor);
void                   tpt_presentation_window_end        (TptPresentationWindow *self);

TptPresentationWindow *tpt_presentation_window_rehearse   (GtkWindow             *parent,
                                                           TptDocument           *document,
                                                           GPtrArray             *slides,
                                                           guint                  first);
GtkWidget             *tpt_presentation_window_get_console_widget (TptPresentationWindow *self);
GdkMonitor            *tpt_presentation_window_get_monitor (TptPresentationWindow *self,
                                                            gboolean               console);
gboolean               tpt_presentation_window_is_rehearsal (TptPresentationWindow *self);
gboolean               tpt_presentation_window_is_inhibiting (TptPresentationWindow *self);
void                   tpt_presentation_window_set_monitors (TptPresentationWindow *self,
                                                             GListModel            *monitors);

GdkMonitor            *tpt_presentation_choose_monitor_in (GListModel            *monitors,
                                                           GdkMonitor            *here,
                                                           const char            *wanted,
                                                           GdkMonitor           **console);
GdkMonitor            *tpt_presentation_choose_monitor    (GtkWindow             *parent,
                                                           const char            *wanted,
                                                           GdkMonitor           **console);
char                  *tpt_presentation_monitor_name      (GdkMonitor            *monitor);

G_END_DECLS
