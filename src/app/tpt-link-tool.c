/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-link-tool"

#include "config.h"

#include "tpt-link-tool.h"

#include "tpt-blueprint-page-private.h"

/* Needs and personas dragged from the outline onto a card of the
 * blueprint: the card under the pointer shows as hovered, and the drop
 * links it, serving the need or concerning the persona, in one step. */

struct _TptLinkTool
{
  TptTool parent_instance;
};

G_DEFINE_FINAL_TYPE (TptLinkTool, tpt_link_tool, TPT_TYPE_TOOL)

static TptBlueprintPage *
page_of (TptLinkTool *self)
{
  return TPT_BLUEPRINT_PAGE (tpt_tool_get_canvas (TPT_TOOL (self)));
}

static GdkDragAction
motion_cb (GtkDropTarget *target,
           double         wx,
           double         wy,
           TptLinkTool   *self)
{
  TptBlueprintPage *page = page_of (self);
  TptCard *card;
  double x, y;

  tpt_canvas_to_content (TPT_CANVAS (page), wx, wy, &x, &y);
  card = tpt_blueprint_page_card_at (page, x, y);
  if (card != page->hover)
    {
      page->hover = card;
      gtk_widget_queue_draw (GTK_WIDGET (page));
    }
  return card != NULL ? GDK_ACTION_COPY : 0;
}

static void
leave_cb (GtkDropTarget *target,
          TptLinkTool   *self)
{
  TptBlueprintPage *page = page_of (self);

  page->hover = NULL;
  gtk_widget_queue_draw (GTK_WIDGET (page));
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         wx,
         double         wy,
         TptLinkTool   *self)
{
  TptBlueprintPage *page = page_of (self);
  TptNode *node = g_value_get_object (value);
  double x, y;

  if (!TPT_IS_NEED (node) && !TPT_IS_PERSONA (node))
    return FALSE;
  tpt_canvas_to_content (TPT_CANVAS (page), wx, wy, &x, &y);
  return tpt_blueprint_page_link_at (page, node, x, y);
}

static GtkEventController *
tpt_link_tool_create_controller (TptTool *tool)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType types[] = { TPT_TYPE_NEED, TPT_TYPE_PERSONA };

  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "motion", G_CALLBACK (motion_cb), tool, 0);
  g_signal_connect_object (target, "leave", G_CALLBACK (leave_cb), tool, 0);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), tool, 0);
  return GTK_EVENT_CONTROLLER (target);
}

static void
tpt_link_tool_class_init (TptLinkToolClass *klass)
{
  TPT_TOOL_CLASS (klass)->create_controller = tpt_link_tool_create_controller;
}

static void
tpt_link_tool_init (TptLinkTool *self)
{
}

TptTool *
tpt_link_tool_new (void)
{
  return g_object_new (TPT_TYPE_LINK_TOOL, NULL);
}
