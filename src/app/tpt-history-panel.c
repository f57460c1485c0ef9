/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-history-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-history-panel.h"

#include "tpt-history-entry.h"
#include "tpt-history-row.h"

/* The Undo History panel: every transaction by its label, oldest first,
 * under a row for the document as it was opened. The current point is
 * marked, the steps that redo would bring back are dimmed, and activating a
 * row takes the document to just after that step. */
struct _TptHistoryPanel
{
  GtkWidget   parent_instance;

  /* children */
  GtkWidget  *scroller;
  GtkListBox *origin_list;
  GtkListBox *list;

  /* owned */
  TptHistory *history;
};

enum {
  PROP_0,
  PROP_HISTORY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TptHistoryPanel, tpt_history_panel, GTK_TYPE_WIDGET)

/* Shows where a row stands relative to the current position: @index is the
 * history position the row stands for (0 for the original document). */
static void
style_row (GtkWidget *row,
           guint      index,
           guint      position,
           int        saved)
{
  tpt_history_row_set_marks (TPT_HISTORY_ROW (row), index == position,
                             saved >= 0 && index == (guint) saved);
  if (index == position)
    {
      gtk_widget_add_css_class (row, "history-current");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "history-current");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_SELECTED, FALSE, -1);
    }

  if (index > position)
    gtk_widget_add_css_class (row, "dim-label");
  else
    gtk_widget_remove_css_class (row, "dim-label");
}

static void
update_marks (TptHistoryPanel *self)
{
  guint position = self->history != NULL ? tpt_history_get_position (self->history) : 0;
  int saved = self->history != NULL ? tpt_history_get_saved_position (self->history) : -1;
  GtkListBoxRow *row;
  GtkListBoxRow *current = NULL;

  style_row (GTK_WIDGET (gtk_list_box_get_row_at_index (self->origin_list, 0)), 0, position,
             saved);
  for (guint i = 0; (row = gtk_list_box_get_row_at_index (self->list, (int) i)) != NULL; i++)
    {
      style_row (GTK_WIDGET (row), i + 1, position, saved);
      if (i + 1 == position)
        current = row;
    }

  /* Keep the current step in view, as the newest one usually is. */
  if (current != NULL)
    {
      graphene_rect_t bounds;
      GtkAdjustment *adjustment =
        gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scroller));

      if (gtk_widget_compute_bounds (GTK_WIDGET (current), self->scroller, &bounds))
        {
          double value = gtk_adjustment_get_value (adjustment);
          double page = gtk_adjustment_get_page_size (adjustment);

          if (bounds.origin.y < 0)
            gtk_adjustment_set_value (adjustment, value + bounds.origin.y);
          else if (bounds.origin.y + bounds.size.height > page)
            gtk_adjustment_set_value (adjustment,
                                      value + bounds.origin.y + bounds.size.height - page);
        }
    }
}

static GtkWidget *
create_entry_row_cb (gpointer item,
                     gpointer user_data)
{
  TptHistoryEntry *entry = item;
  guint n = tpt_history_entry_get_n_changes (entry);
  g_autofree char *tooltip = g_strdup_printf (ngettext ("%u change", "%u changes", n), n);
  g_autofree char *subject = tpt_history_entry_dup_subject (entry);

  return tpt_history_row_new (tpt_history_entry_get_label (entry), subject, tooltip);
}

static void
row_activated_cb (TptHistoryPanel *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  guint position;

  if (self->history == NULL || tpt_history_in_transaction (self->history))
    return;

  position = list == self->origin_list ? 0 : (guint) gtk_list_box_row_get_index (row) + 1;
  tpt_history_jump (self->history, position);
}

static void
items_changed_cb (TptHistoryPanel *self)
{
  /* After the list box has made its rows for the change. */
  update_marks (self);
}

static void
tpt_history_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TptHistoryPanel *self = TPT_HISTORY_PANEL (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_history_panel_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TptHistoryPanel *self = TPT_HISTORY_PANEL (object);

  switch (prop_id)
    {
    case PROP_HISTORY:
      tpt_history_panel_set_history (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_history_panel_dispose (GObject *object)
{
  TptHistoryPanel *self = TPT_HISTORY_PANEL (object);

  tpt_history_panel_set_history (self, NULL);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (tpt_history_panel_parent_class)->dispose (object);
}

static void
tpt_history_panel_class_init (TptHistoryPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tpt_history_panel_dispose;
  object_class->get_property = tpt_history_panel_get_property;
  object_class->set_property = tpt_history_panel_set_property;

  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, TPT_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "historypanel");
}

static void
tpt_history_panel_init (TptHistoryPanel *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->origin_list = GTK_LIST_BOX (gtk_list_box_new ());
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->origin_list, GTK_SELECTION_NONE);
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->origin_list), "navigation-sidebar");
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Undo history"), -1);
  gtk_list_box_append (self->origin_list,
                       tpt_history_row_new (_("Original Document"), NULL,
                                 _("The document as it was opened or created")));
  g_signal_connect_swapped (self->origin_list, "row-activated", G_CALLBACK (row_activated_cb), self);
  g_signal_connect_swapped (self->list, "row-activated", G_CALLBACK (row_activated_cb), self);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->origin_list));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), box);
  update_marks (self);
}

GtkWidget *
tpt_history_panel_new (void)
{
  return g_object_new (TPT_TYPE_HISTORY_PANEL, NULL);
}

TptHistory *
tpt_history_panel_get_history (TptHistoryPanel *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY_PANEL (self), NULL);

  return self->history;
}

/**
 * tpt_history_panel_set_history:
 * @self: a #TptHistoryPanel
 * @history: (nullable): the history to show
 */
void
tpt_history_panel_set_history (TptHistoryPanel *self,
                               TptHistory      *history)
{
  g_return_if_fail (TPT_IS_HISTORY_PANEL (self));
  g_return_if_fail (history == NULL || TPT_IS_HISTORY (history));

  if (self->history == history)
    return;

  if (self->history != NULL)
    g_signal_handlers_disconnect_by_data (self->history, self);
  g_set_object (&self->history, history);

  gtk_list_box_bind_model (self->list, G_LIST_MODEL (history), create_entry_row_cb, NULL, NULL);
  if (history != NULL)
    {
      g_signal_connect_swapped (history, "notify::position", G_CALLBACK (update_marks), self);
      g_signal_connect_swapped (history, "notify::modified", G_CALLBACK (update_marks), self);
      g_signal_connect_swapped (history, "items-changed", G_CALLBACK (items_changed_cb), self);
    }
  update_marks (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

/**
 * tpt_history_panel_get_list:
 * @self: a #TptHistoryPanel
 *
 * Returns: (transfer none): the list of steps, one row per transaction
 */
GtkListBox *
tpt_history_panel_get_list (TptHistoryPanel *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY_PANEL (self), NULL);

  return self->list;
}
