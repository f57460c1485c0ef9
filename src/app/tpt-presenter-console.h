/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tpt-presentation.h"

G_BEGIN_DECLS

#define TPT_TYPE_PRESENTER_CONSOLE (tpt_presenter_console_get_type ())

G_DECLARE_FINAL_TYPE (TptPresenterConsole, tpt_presenter_console, TPT, PRESENTER_CONSOLE, GtkWidget)

GtkWidget *tpt_presenter_console_new              (TptPresentation     *presentation);
GtkWidget *tpt_presenter_console_get_current_view (TptPresenterConsole *self);
GtkWidget *tpt_presenter_console_get_next_view    (TptPresenterConsole *self);
char      *tpt_presenter_console_dup_notes        (TptPresenterConsole *self);
void       tpt_presenter_console_update_timer     (TptPresenterConsole *self);

char      *tpt_presenter_format_duration          (gint64               usec);

G_END_DECLS
