/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TPT_TYPE_PREFERENCES_WINDOW (tpt_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (TptPreferencesWindow, tpt_preferences_window, TPT, PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWidget *tpt_preferences_window_new (void);

G_END_DECLS
