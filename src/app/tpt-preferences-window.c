/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-preferences-window.h"

#include "tpt-presentation-window.h"

/* The few settings a designer may want to change; everything else Touchpoint
 * remembers by itself (window size, recent files, export choices). */
struct _TptPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* template widgets */
  GtkSpinButton        *autosave_spin;
  GtkSpinButton        *history_spin;
  AdwComboRow          *monitor_row;
  AdwComboRow          *one_monitor_row;
  GtkSpinButton        *slot_spin;

  /* owned */
  GSettings            *settings;
  GPtrArray            *connectors;   /* the row's choices; "" is automatic */
};

G_DEFINE_FINAL_TYPE (TptPreferencesWindow, tpt_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
tpt_preferences_window_dispose (GObject *object)
{
  TptPreferencesWindow *self = TPT_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), TPT_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->connectors, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, TptPreferencesWindow, monitor_row);
  gtk_widget_class_bind_template_child (widget_class, TptPreferencesWindow, one_monitor_row);
  gtk_widget_class_bind_template_child (widget_class, TptPreferencesWindow, slot_spin);
}

static void
monitor_selected_cb (TptPreferencesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->monitor_row);

  if (selected < self->connectors->len)
    g_settings_set_string (self->settings, "presentation-monitor",
                           g_ptr_array_index (self->connectors, selected));
}

/* The monitors connected now, and Automatic. A monitor chosen before but
 * not connected now stays chosen, and is listed so it shows. */
static void
fill_monitors (TptPreferencesWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *wanted = g_settings_get_string (self->settings, "presentation-monitor");
  GListModel *monitors = gdk_display_get_monitors (gdk_display_get_default ());
  guint selected = 0;

  self->connectors = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (names, _("Automatic"));
  g_ptr_array_add (self->connectors, g_strdup (""));
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      g_autofree char *name = tpt_presentation_monitor_name (monitor);
      const char *connector = gdk_monitor_get_connector (monitor);

      if (connector == NULL)
        continue;
      if (g_str_equal (connector, wanted))
        selected = self->connectors->len;
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->connectors, g_strdup (connector));
    }
  if (*wanted != '\0' && selected == 0)
    {
      /* Translators: a monitor chosen for presenting, now unplugged. */
      g_autofree char *name = g_strdup_printf (_("%s (not connected)"), wanted);

      selected = self->connectors->len;
      gtk_string_list_append (names, name);
      g_ptr_array_add (self->connectors, g_strdup (wanted));
    }

  adw_combo_row_set_model (self->monitor_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->monitor_row, selected);
  g_signal_connect_swapped (self->monitor_row, "notify::selected",
                            G_CALLBACK (monitor_selected_cb), self);
}

/* The one-monitor row lists the setting's choices in this order. */
static const char *const one_monitor_choices[] = { "slides", "console" };

static gboolean
one_monitor_get_mapping (GValue   *value,
                         GVariant *variant,
                         gpointer  user_data)
{
  const char *choice = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (one_monitor_choices); i++)
    if (g_str_equal (choice, one_monitor_choices[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
one_monitor_set_mapping (const GValue       *value,
                         const GVariantType *type,
                         gpointer            user_data)
{
  guint selected = g_value_get_uint (value);

  if (selected >= G_N_ELEMENTS (one_monitor_choices))
    return NULL;
  return g_variant_new_string (one_monitor_choices[selected]);
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
  g_settings_bind (self->settings, "presentation-slot",
                   gtk_spin_button_get_adjustment (self->slot_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (self->settings, "presentation-one-monitor",
                                self->one_monitor_row, "selected", G_SETTINGS_BIND_DEFAULT,
                                one_monitor_get_mapping, one_monitor_set_mapping, NULL, NULL);
  fill_monitors (self);
}

GtkWidget *
tpt_preferences_window_new (void)
{
  return g_object_new (TPT_TYPE_PREFERENCES_WINDOW, NULL);
}
