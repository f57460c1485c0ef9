/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-history"

#include "config.h"

#include "tpt-history-row.h"

/* A row of the Undo History panel, from its template. */

struct _TptHistoryRow
{
  GtkListBoxRow  parent_instance;

  GtkImage      *current;
  GtkLabel      *label;
  GtkLabel      *subject;
  GtkImage      *saved;
};

G_DEFINE_FINAL_TYPE (TptHistoryRow, tpt_history_row, GTK_TYPE_LIST_BOX_ROW)

static void
tpt_history_row_class_init (TptHistoryRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tpt-history-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TptHistoryRow, current);
  gtk_widget_class_bind_template_child (widget_class, TptHistoryRow, label);
  gtk_widget_class_bind_template_child (widget_class, TptHistoryRow, subject);
  gtk_widget_class_bind_template_child (widget_class, TptHistoryRow, saved);
}

static void
tpt_history_row_init (TptHistoryRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tpt_history_row_new:
 * @label: the step's label
 * @subject: (nullable): what it was done to
 * @tooltip: (nullable): more about it
 *
 * Returns: (transfer floating): a row
 */
GtkWidget *
tpt_history_row_new (const char *label,
                     const char *subject,
                     const char *tooltip)
{
  TptHistoryRow *self = g_object_new (TPT_TYPE_HISTORY_ROW, NULL);
  g_autofree char *accessible = subject != NULL ? g_strdup_printf ("%s: %s", label, subject)
                                                : g_strdup (label);

  gtk_label_set_label (self->label, label);
  gtk_label_set_label (self->subject, subject);
  gtk_widget_set_visible (GTK_WIDGET (self->subject), subject != NULL);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
  return GTK_WIDGET (self);
}

/* @current: the document is in this step's state now; @saved: the file
 * on disk holds this step's state, so undoing to it is undoing to the file. */
void
tpt_history_row_set_marks (TptHistoryRow *self,
                           gboolean       current,
                           gboolean       saved)
{
  g_return_if_fail (TPT_IS_HISTORY_ROW (self));

  gtk_widget_set_opacity (GTK_WIDGET (self->current), current ? 1.0 : 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->saved), saved);
}
