/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-band-tool"

#include "config.h"

#include <math.h>

#include "tpt-band-tool.h"

#include "tpt-blueprint-page-private.h"

/* Selecting with a rubber band from the paper between cards: every card
 * the band touches, added to what was selected when Shift or Ctrl is
 * held. */

struct _TptBandTool
{
  TptDragTool  parent_instance;

  GPtrArray   *base;        /* the selection a Shift/Ctrl band adds to */
  double       x0;
  double       y0;
  double       x;
  double       y;
};

G_DEFINE_FINAL_TYPE (TptBandTool, tpt_band_tool, TPT_TYPE_DRAG_TOOL)

static TptBlueprintPage *
page_of (TptBandTool *self)
{
  return TPT_BLUEPRINT_PAGE (tpt_tool_get_canvas (TPT_TOOL (self)));
}

static TptRect
band (TptBandTool *self)
{
  return (TptRect) { MIN (self->x0, self->x), MIN (self->y0, self->y),
                     fabs (self->x - self->x0), fabs (self->y - self->y0) };
}

static gboolean
tpt_band_tool_accepts (TptDragTool     *tool,
                       double           x,
                       double           y,
                       guint            button,
                       GdkModifierType  state)
{
  TptBlueprintPage *page = page_of (TPT_BAND_TOOL (tool));

  return button == GDK_BUTTON_PRIMARY && !tpt_canvas_is_panning (TPT_CANVAS (page)) &&
         tpt_blueprint_page_hit (page, x, y, state) == TPT_BLUEPRINT_HIT_PAPER;
}

static void
tpt_band_tool_begin (TptDragTool *tool,
                     double       x,
                     double       y)
{
  TptBandTool *self = TPT_BAND_TOOL (tool);
  TptBlueprintPage *page = page_of (self);

  self->x0 = self->x = x;
  self->y0 = self->y = y;
  g_clear_pointer (&self->base, g_ptr_array_unref);
  if (tpt_drag_tool_get_state (tool) & (GDK_SHIFT_MASK | GDK_CONTROL_MASK))
    {
      self->base = g_ptr_array_copy (page->selection, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);
      g_ptr_array_set_free_func (self->base, g_object_unref);
    }
  tpt_blueprint_page_begin_drag (page);
}

static void
tpt_band_tool_update (TptDragTool *tool,
                      double       x,
                      double       y)
{
  TptBandTool *self = TPT_BAND_TOOL (tool);
  TptBlueprintPage *page = page_of (self);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  TptRect r;

  self->x = x;
  self->y = y;
  if (page->layout == NULL)
    return;

  r = band (self);
  if (self->base != NULL)
    g_ptr_array_extend (cards, self->base, NULL, NULL);
  for (guint i = 0; i < page->layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (page->layout->cards, TptLayoutCard, i);

      if (tpt_rect_intersects (&card->rect, &r) && !g_ptr_array_find (cards, card->card, NULL))
        g_ptr_array_add (cards, card->card);
    }
  tpt_blueprint_page_select_only (page, (TptCard **) cards->pdata, cards->len);
}

static void
finish (TptBandTool *self)
{
  g_clear_pointer (&self->base, g_ptr_array_unref);
  tpt_blueprint_page_end_drag (page_of (self));
}

static void
tpt_band_tool_end (TptDragTool *tool,
                   double       x,
                   double       y)
{
  tpt_band_tool_update (tool, x, y);
  finish (TPT_BAND_TOOL (tool));
}

static void
tpt_band_tool_cancel (TptDragTool *tool)
{
  finish (TPT_BAND_TOOL (tool));
}

static void
tpt_band_tool_draw (TptTool *tool,
                    cairo_t *cr,
                    double   px)
{
  TptBandTool *self = TPT_BAND_TOOL (tool);
  GdkRGBA accent;
  TptRect r;

  if (!tpt_drag_tool_is_active (TPT_DRAG_TOOL (tool)))
    return;

  tpt_canvas_get_accent (tpt_tool_get_canvas (tool), &accent);
  r = band (self);
  cairo_rectangle (cr, r.x, r.y, r.width, r.height);
  cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.12);
  cairo_fill_preserve (cr);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, px);
  cairo_stroke (cr);
}

static void
tpt_band_tool_finalize (GObject *object)
{
  g_clear_pointer (&TPT_BAND_TOOL (object)->base, g_ptr_array_unref);

  G_OBJECT_CLASS (tpt_band_tool_parent_class)->finalize (object);
}

static void
tpt_band_tool_class_init (TptBandToolClass *klass)
{
  TptDragToolClass *drag_class = TPT_DRAG_TOOL_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = tpt_band_tool_finalize;
  TPT_TOOL_CLASS (klass)->draw = tpt_band_tool_draw;
  drag_class->accepts = tpt_band_tool_accepts;
  drag_class->begin = tpt_band_tool_begin;
  drag_class->update = tpt_band_tool_update;
  drag_class->end = tpt_band_tool_end;
  drag_class->cancel = tpt_band_tool_cancel;
}

static void
tpt_band_tool_init (TptBandTool *self)
{
}

TptTool *
tpt_band_tool_new (void)
{
  return g_object_new (TPT_TYPE_BAND_TOOL, NULL);
}
