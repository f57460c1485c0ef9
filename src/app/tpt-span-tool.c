/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-span-tool"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-span-tool.h"

#include "tpt-blueprint-page-private.h"

/* Stretching a card over more or fewer steps by its right edge: the
 * outline shows the span it will have, the drop sets it in one step. */

struct _TptSpanTool
{
  TptDragTool  parent_instance;

  TptCard     *card;
  guint        span;
};

G_DEFINE_FINAL_TYPE (TptSpanTool, tpt_span_tool, TPT_TYPE_DRAG_TOOL)

static TptBlueprintPage *
page_of (TptSpanTool *self)
{
  return TPT_BLUEPRINT_PAGE (tpt_tool_get_canvas (TPT_TOOL (self)));
}

static gboolean
tpt_span_tool_accepts (TptDragTool     *tool,
                       double           x,
                       double           y,
                       guint            button,
                       GdkModifierType  state)
{
  TptBlueprintPage *page = page_of (TPT_SPAN_TOOL (tool));

  return button == GDK_BUTTON_PRIMARY && !tpt_canvas_is_panning (TPT_CANVAS (page)) &&
         tpt_blueprint_page_hit (page, x, y, state) == TPT_BLUEPRINT_HIT_SPAN_EDGE;
}

static void
tpt_span_tool_begin (TptDragTool *tool,
                     double       x,
                     double       y)
{
  TptSpanTool *self = TPT_SPAN_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  TptCard *card = NULL;

  if (!tpt_blueprint_page_span_edge_hit (page, x, y, &card))
    return;
  g_set_object (&self->card, card);
  self->span = tpt_card_get_span (card);
  tpt_blueprint_page_begin_drag (page);
}

static void
tpt_span_tool_update (TptDragTool *tool,
                      double       x,
                      double       y)
{
  TptSpanTool *self = TPT_SPAN_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  const TptLayoutCard *placed = tpt_blueprint_page_layout_card (page, self->card);
  int last;

  if (placed == NULL)
    return;
  last = placed->step;
  for (guint i = 0; i < tpt_blueprint_page_n_steps (page); i++)
    if (x >= g_array_index (page->layout->steps, TptLayoutStep, i).column.x)
      last = i;
  self->span = (guint) MAX (last - (int) placed->step + 1, 1);
}

static void
tpt_span_tool_end (TptDragTool *tool,
                   double       x,
                   double       y)
{
  TptSpanTool *self = TPT_SPAN_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  g_autoptr(TptCard) card = g_steal_pointer (&self->card);

  if (card == NULL)
    return;
  tpt_span_tool_update (tool, x, y);
  tpt_blueprint_page_end_drag (page);
  if (tpt_node_is_attached (TPT_NODE (card)) && (int) self->span != tpt_card_get_span (card))
    {
      tpt_document_begin (page->document, _("Change Card Span"));
      tpt_card_set_span (card, self->span);
      tpt_document_end (page->document);
    }
}

static void
tpt_span_tool_cancel (TptDragTool *tool)
{
  TptSpanTool *self = TPT_SPAN_TOOL (tool);

  if (self->card != NULL)
    tpt_blueprint_page_end_drag (page_of (self));
  g_clear_object (&self->card);
}

static void
tpt_span_tool_draw (TptTool *tool,
                    cairo_t *cr,
                    double   px)
{
  TptSpanTool *self = TPT_SPAN_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  const TptLayoutCard *placed = tpt_blueprint_page_layout_card (page, self->card);
  const TptLayoutStep *last;
  double pad, right;
  double dash[] = { 4 * px, 3 * px };
  GdkRGBA accent;

  if (!tpt_drag_tool_is_active (TPT_DRAG_TOOL (tool)) || placed == NULL ||
      placed->step + self->span > tpt_blueprint_page_n_steps (page))
    return;

  last = &g_array_index (page->layout->steps, TptLayoutStep, placed->step + self->span - 1);
  /* The card keeps the padding it has in its first column. */
  pad = placed->rect.x - g_array_index (page->layout->steps, TptLayoutStep, placed->step).column.x;
  right = tpt_rect_right (&last->column) - pad;
  tpt_canvas_get_accent (TPT_CANVAS (page), &accent);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2 * px);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_rectangle (cr, placed->rect.x, placed->rect.y, right - placed->rect.x, placed->rect.height);
  cairo_stroke (cr);
}

static void
tpt_span_tool_dispose (GObject *object)
{
  g_clear_object (&TPT_SPAN_TOOL (object)->card);

  G_OBJECT_CLASS (tpt_span_tool_parent_class)->dispose (object);
}

static void
tpt_span_tool_class_init (TptSpanToolClass *klass)
{
  TptDragToolClass *drag_class = TPT_DRAG_TOOL_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tpt_span_tool_dispose;
  TPT_TOOL_CLASS (klass)->draw = tpt_span_tool_draw;
  drag_class->accepts = tpt_span_tool_accepts;
  drag_class->begin = tpt_span_tool_begin;
  drag_class->update = tpt_span_tool_update;
  drag_class->end = tpt_span_tool_end;
  drag_class->cancel = tpt_span_tool_cancel;
}

static void
tpt_span_tool_init (TptSpanTool *self)
{
}

TptTool *
tpt_span_tool_new (void)
{
  return g_object_new (TPT_TYPE_SPAN_TOOL, NULL);
}
