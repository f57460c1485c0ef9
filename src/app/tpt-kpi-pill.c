/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-kpi-pill"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-kpi-pill.h"

#include "tpt-kpi.h"

/* How a metric card or a step's time target stands, as a pill: its word
 * (Met, At risk, Missed, Unknown) on libadwaita's success, warning or
 * error colour, so it reads without the colour too. It follows its node:
 * an edit anywhere, typing in the inspector included, shows at once. The
 * status is core's (tpt-kpi.h), never worked out here. */

struct _TptKpiPill
{
  GtkWidget     parent_instance;

  GtkWidget    *label;
  TptNode      *node;
  TptKpiStatus  status;
};

G_DEFINE_FINAL_TYPE (TptKpiPill, tpt_kpi_pill, GTK_TYPE_WIDGET)

/* The style class of each status, in the enum's order. */
static const char * const classes[] = { "unknown", "met", "at-risk", "missed" };

static void
update (TptKpiPill *self)
{
  TptKpiStatus status = TPT_KPI_UNKNOWN;
  g_autofree char *description = NULL;

  if (TPT_IS_CARD (self->node))
    status = tpt_kpi_card_status (TPT_CARD (self->node));
  else if (TPT_IS_STEP (self->node))
    status = tpt_kpi_step_status (TPT_STEP (self->node));

  gtk_widget_remove_css_class (GTK_WIDGET (self), classes[self->status]);
  self->status = status;
  gtk_widget_add_css_class (GTK_WIDGET (self), classes[status]);
  gtk_label_set_text (GTK_LABEL (self->label), tpt_kpi_status_to_string (status));

  /* Translators: read out for the status pill, e.g. "Status: Missed". */
  description = g_strdup_printf (_("Status: %s"), tpt_kpi_status_to_string (status));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
}

static void
tpt_kpi_pill_dispose (GObject *object)
{
  TptKpiPill *self = TPT_KPI_PILL (object);

  g_clear_object (&self->node);
  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (tpt_kpi_pill_parent_class)->dispose (object);
}

static void
tpt_kpi_pill_class_init (TptKpiPillClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tpt_kpi_pill_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "kpipill");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
tpt_kpi_pill_init (TptKpiPill *self)
{
  self->label = gtk_label_new (NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  self->status = TPT_KPI_UNKNOWN;
  gtk_widget_add_css_class (GTK_WIDGET (self), classes[TPT_KPI_UNKNOWN]);
}

/**
 * tpt_kpi_pill_new:
 * @node: a card or a step
 *
 * Returns: (transfer floating): a pill that shows how @node stands
 *   against its target, for as long as it lives
 */
GtkWidget *
tpt_kpi_pill_new (TptNode *node)
{
  TptKpiPill *self;

  g_return_val_if_fail (TPT_IS_CARD (node) || TPT_IS_STEP (node), NULL);

  self = g_object_new (TPT_TYPE_KPI_PILL, NULL);
  self->node = g_object_ref (node);
  g_signal_connect_object (node, "notify", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  return GTK_WIDGET (self);
}

/**
 * tpt_kpi_pill_get_node:
 *
 * Returns: (transfer none): the card or step it shows
 */
TptNode *
tpt_kpi_pill_get_node (TptKpiPill *self)
{
  g_return_val_if_fail (TPT_IS_KPI_PILL (self), NULL);

  return self->node;
}

TptKpiStatus
tpt_kpi_pill_get_status (TptKpiPill *self)
{
  g_return_val_if_fail (TPT_IS_KPI_PILL (self), TPT_KPI_UNKNOWN);

  return self->status;
}

/**
 * tpt_kpi_pill_get_text:
 *
 * Returns: (transfer none): the word it shows
 */
const char *
tpt_kpi_pill_get_text (TptKpiPill *self)
{
  g_return_val_if_fail (TPT_IS_KPI_PILL (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}
