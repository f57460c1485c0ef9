/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-preferences-window.h"

/* The few settings a designer may want to change; everything else Touchpoint
 * remembers by itself (window size, recent files, export choices). */
struct _TptPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  GtkSpinButton        *autosave_spin;
  GtkSpinButton        *history_spin;

  /* owned */
  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (TptPreferencesWindow, tpt_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
tpt_preferences_window_dispose (GObject *object)
{
  TptPreferencesWindow *self = TPT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TPT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tpt_preferences_window_parent_class)->dispose (object);
}

static void
tpt_preferences_window_class_init (TptPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tpt_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tpt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TptPreferencesWindow, autosave_spin);
  gtk_widget_class_bind_template_child (widget_class, TptPreferencesWindow, history_spin);
}

static void
tpt_preferences_window_init (TptPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  g_settings_bind (self->settings, "autosave-delay",
                   gtk_spin_button_get_adjustment (self->autosave_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "history-size",
                   gtk_spin_button_get_adjustment (self->history_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
}

GtkWidget *
tpt_preferences_window_new (void)
{
  return g_object_new (TPT_TYPE_PREFERENCES_WINDOW, NULL);
}
