/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-blueprint-canvas-private.h"

#include "tpt-window.h"

/* Needs and personas dragged from the outline onto a card: the card then
 * serves the need, or concerns the persona. This is how a designer ties
 * back-office work to the outcomes it is for without leaving the
 * blueprint. */

static TptCard *
card_at (TptBlueprintCanvas *self,
         double              x,
         double              y)
{
  const TptLayoutCard *placed = self->layout != NULL
                                ? tpt_blueprint_layout_card_at (self->layout, x, y) : NULL;

  return placed != NULL ? placed->card : NULL;
}

/* @strv with @id added at the end, or NULL when it is there already. */
static GStrv
strv_with (const char * const *strv,
           const char         *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (strv != NULL && g_strv_contains (strv, id))
    return NULL;
  if (strv != NULL)
    g_strv_builder_addv (builder, (const char **) strv);
  g_strv_builder_add (builder, id);
  return g_strv_builder_end (builder);
}

/**
 * tpt_blueprint_canvas_link_at:
 * @self: a canvas
 * @node: a need or a persona of the canvas's document
 * @x: where it was dropped, in layout coordinates
 * @y: the point's y
 *
 * Links the card at (@x, @y) to @node, as one undo step: the card serves
 * the need, or concerns the persona. The card is selected.
 *
 * Returns: whether a card was there; it may have been linked already
 */
gboolean
tpt_blueprint_canvas_link_at (TptBlueprintCanvas *self,
                              TptNode            *node,
                              double              x,
                              double              y)
{
  TptCard *card;
  g_auto(GStrv) linked = NULL;
  const char *id;

  g_return_val_if_fail (TPT_IS_BLUEPRINT_CANVAS (self), FALSE);
  g_return_val_if_fail (TPT_IS_NEED (node) || TPT_IS_PERSONA (node), FALSE);

  if (tpt_node_get_document (node) != self->document)
    return FALSE;
  card = card_at (self, x, y);
  if (card == NULL)
    return FALSE;

  id = tpt_node_get_id (node);
  tpt_canvas_select_only (self, &card, 1);
  if (TPT_IS_NEED (node))
    {
      linked = strv_with (tpt_card_get_serves (card), id);
      if (linked == NULL)
        return TRUE;
      tpt_document_begin (self->document, _("Link Need"));
      tpt_card_set_serves (card, (const char * const *) linked);
    }
  else
    {
      linked = strv_with (tpt_card_get_concerns (card), id);
      if (linked == NULL)
        return TRUE;
      tpt_document_begin (self->document, _("Link Persona"));
      tpt_card_set_concerns (card, (const char * const *) linked);
    }
  tpt_document_end (self->document);
  return TRUE;
}

static GdkDragAction
link_motion_cb (GtkDropTarget      *target,
                double              wx,
                double              wy,
                TptBlueprintCanvas *self)
{
  TptCard *card;
  double x, y;

  tpt_artefact_view_widget_to_content (self->view, wx, wy, &x, &y);
  card = card_at (self, x, y);
  /* The card the need would go to shows as under the pointer. */
  if (card != self->hover)
    {
      self->hover = card;
      gtk_widget_queue_draw (GTK_WIDGET (self->view));
    }
  return card != NULL ? GDK_ACTION_COPY : 0;
}

static void
link_leave_cb (GtkDropTarget      *target,
               TptBlueprintCanvas *self)
{
  self->hover = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static gboolean
link_drop_cb (GtkDropTarget      *target,
              const GValue       *value,
              double              wx,
              double              wy,
              TptBlueprintCanvas *self)
{
  TptNode *node = g_value_get_object (value);
  double x, y;

  if (!TPT_IS_NEED (node) && !TPT_IS_PERSONA (node))
    return FALSE;
  tpt_artefact_view_widget_to_content (self->view, wx, wy, &x, &y);
  return tpt_blueprint_canvas_link_at (self, node, x, y);
}

void
tpt_canvas_add_link_target (TptBlueprintCanvas *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { TPT_TYPE_NEED, TPT_TYPE_PERSONA };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "motion", G_CALLBACK (link_motion_cb), self, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (link_leave_cb), self, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (link_drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->view), GTK_EVENT_CONTROLLER (target));
}
