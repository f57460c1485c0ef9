/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-outline"

#include "config.h"

#include "tpt-outline-row.h"

/* One row of the outline, from its template: what the outline's list
 * factory puts in each tree expander, and fills in as rows are bound. */

struct _TptOutlineRow
{
  GtkWidget  parent_instance;

  GtkImage  *icon;
  GtkLabel  *label;
  GtkLabel  *detail;
};

G_DEFINE_FINAL_TYPE (TptOutlineRow, tpt_outline_row, GTK_TYPE_WIDGET)

static void
tpt_outline_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), TPT_TYPE_OUTLINE_ROW);

  G_OBJECT_CLASS (tpt_outline_row_parent_class)->dispose (object);
}

static void
tpt_outline_row_class_init (TptOutlineRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tpt_outline_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tpt-outline-row.ui");
  gtk_widget_class_bind_template_child (widget_class, TptOutlineRow, icon);
  gtk_widget_class_bind_template_child (widget_class, TptOutlineRow, label);
  gtk_widget_class_bind_template_child (widget_class, TptOutlineRow, detail);
}

static void
tpt_outline_row_init (TptOutlineRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
tpt_outline_row_new (void)
{
  return g_object_new (TPT_TYPE_OUTLINE_ROW, NULL);
}

/**
 * tpt_outline_row_get_label:
 *
 * Returns: (transfer none): the label of the row's name, which the outline
 *   binds to the node's name
 */
GtkLabel *
tpt_outline_row_get_label (TptOutlineRow *self)
{
  g_return_val_if_fail (TPT_IS_OUTLINE_ROW (self), NULL);

  return self->label;
}

void
tpt_outline_row_set_icon (TptOutlineRow *self,
                          const char    *icon_name)
{
  g_return_if_fail (TPT_IS_OUTLINE_ROW (self));

  gtk_image_set_from_icon_name (self->icon, icon_name);
}

void
tpt_outline_row_set_detail (TptOutlineRow *self,
                            const char    *detail)
{
  g_return_if_fail (TPT_IS_OUTLINE_ROW (self));

  gtk_label_set_label (self->detail, detail);
}
