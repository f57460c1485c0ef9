/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-persona-move-tool"

#include "config.h"

#include <math.h>

#include "tpt-persona-move-tool.h"

#include "tpt-gallery-page-private.h"

/* Reordering personas by dragging their cards: the card itself follows
 * the pointer, lifted on a shadow, its place shows empty, a bar shows
 * where it will land, and the drop moves it in one step. */

struct _TptPersonaMoveTool
{
  TptDragTool parent_instance;

  guint       index;        /* the card dragged */
  guint       slot;         /* where it lands: before the card at slot */
  double      x0;
  double      y0;
  double      x;
  double      y;
};

G_DEFINE_FINAL_TYPE (TptPersonaMoveTool, tpt_persona_move_tool, TPT_TYPE_DRAG_TOOL)

static TptGalleryPage *
page_of (TptPersonaMoveTool *self)
{
  return TPT_GALLERY_PAGE (tpt_tool_get_canvas (TPT_TOOL (self)));
}

/* The slot a card dragged to (x, y) lands in: before the card whose left
 * half is under the pointer, or after it for its right half; in a row's
 * margin, at the row's end. */
static guint
drop_slot (TptGalleryPage *page,
           double          x,
           double          y)
{
  guint n = tpt_gallery_page_n_personas (page), best = n;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      const TptPersonaPart *card = tpt_gallery_page_find_part (page, i, TPT_PERSONA_FIELD_CARD);
      double cx, cy, distance;

      if (card == NULL)
        continue;
      cx = card->rect.x + card->rect.width / 2;
      cy = CLAMP (y, card->rect.y, tpt_rect_bottom (&card->rect));
      distance = hypot (x - cx, y - cy);
      if (distance < best_distance)
        {
          best_distance = distance;
          best = x < cx ? i : i + 1;
        }
    }
  return best;
}

static gboolean
tpt_persona_move_tool_accepts (TptDragTool     *tool,
                               double           x,
                               double           y,
                               guint            button,
                               GdkModifierType  state)
{
  TptGalleryPage *page = page_of (TPT_PERSONA_MOVE_TOOL (tool));

  return button == GDK_BUTTON_PRIMARY && !tpt_canvas_is_panning (TPT_CANVAS (page)) &&
         tpt_gallery_page_persona_at (page, x, y, NULL);
}

static void
tpt_persona_move_tool_begin (TptDragTool *tool,
                             double       x,
                             double       y)
{
  TptPersonaMoveTool *self = TPT_PERSONA_MOVE_TOOL (tool);
  TptGalleryPage *page = page_of (self);

  if (!tpt_gallery_page_persona_at (page, x, y, &self->index))
    return;
  page->lifted = self->index;
  self->x0 = self->x = x;
  self->y0 = self->y = y;
  self->slot = drop_slot (page, x, y);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (page), "grabbing");
}

static void
tpt_persona_move_tool_update (TptDragTool *tool,
                              double       x,
                              double       y)
{
  TptPersonaMoveTool *self = TPT_PERSONA_MOVE_TOOL (tool);

  self->x = x;
  self->y = y;
  self->slot = drop_slot (page_of (self), x, y);
}

static void
stop (TptPersonaMoveTool *self)
{
  TptGalleryPage *page = page_of (self);

  page->lifted = -1;
  gtk_widget_set_cursor (GTK_WIDGET (page), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (page));
}

static void
tpt_persona_move_tool_end (TptDragTool *tool,
                           double       x,
                           double       y)
{
  TptPersonaMoveTool *self = TPT_PERSONA_MOVE_TOOL (tool);
  TptGalleryPage *page = page_of (self);
  g_autoptr(TptPersona) persona = NULL;
  guint to;

  if (page->lifted < 0)
    return;
  tpt_persona_move_tool_update (tool, x, y);
  stop (self);

  /* A slot after the card's own place counts the card itself. */
  to = self->slot > self->index ? self->slot - 1 : self->slot;
  persona = tpt_gallery_page_dup_persona (page, self->index);
  if (persona == NULL)
    return;
  tpt_gallery_page_select (page, persona);
  tpt_gallery_page_move_selected (page, to);
}

static void
tpt_persona_move_tool_cancel (TptDragTool *tool)
{
  stop (TPT_PERSONA_MOVE_TOOL (tool));
}

static void
tpt_persona_move_tool_draw (TptTool *tool,
                            cairo_t *cr,
                            double   px)
{
  TptPersonaMoveTool *self = TPT_PERSONA_MOVE_TOOL (tool);
  TptGalleryPage *page = page_of (self);
  TptCanvas *canvas = TPT_CANVAS (page);
  const TptPersonaPart *dragged, *slot;
  g_autoptr(TptPersona) persona = NULL;
  const TptTheme *theme;
  GdkRGBA accent;
  guint n;

  if (page->lifted < 0 || !tpt_drag_tool_is_active (TPT_DRAG_TOOL (tool)))
    return;

  n = tpt_gallery_page_n_personas (page);
  dragged = tpt_gallery_page_find_part (page, self->index, TPT_PERSONA_FIELD_CARD);
  slot = n > 0 ? tpt_gallery_page_find_part (page, MIN (self->slot, n - 1), TPT_PERSONA_FIELD_CARD)
               : NULL;
  persona = tpt_gallery_page_dup_persona (page, self->index);
  tpt_canvas_get_accent (canvas, &accent);

  if (dragged != NULL)
    {
      /* Its place shows empty while the card is lifted. */
      cairo_set_source_rgba (cr, 0.5, 0.5, 0.5, 0.25);
      cairo_rectangle (cr, dragged->rect.x, dragged->rect.y, dragged->rect.width,
                       dragged->rect.height);
      cairo_fill (cr);
    }
  if (slot != NULL)
    {
      double x = self->slot >= n ? tpt_rect_right (&slot->rect) + 9 : slot->rect.x - 9;

      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_rectangle (cr, x - 2 * px, slot->rect.y, 4 * px, slot->rect.height);
      cairo_fill (cr);
    }
  if (dragged == NULL || persona == NULL)
    return;

  /* The card itself follows the pointer, lifted on a shadow. */
  theme = tpt_canvas_get_theme (canvas);
  cairo_translate (cr, dragged->rect.x + self->x - self->x0, dragged->rect.y + self->y - self->y0);
  cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
  cairo_rectangle (cr, 4, 6, dragged->rect.width, dragged->rect.height);
  cairo_fill (cr);
  cairo_push_group (cr);
  tpt_color_set_source (cr, &theme->paper);
  cairo_paint (cr);
  tpt_persona_card_render (cr, tpt_canvas_get_text_context (canvas), persona, theme,
                           dragged->rect.width);
  cairo_pop_group_to_source (cr);
  cairo_rectangle (cr, 0, 0, dragged->rect.width, dragged->rect.height);
  cairo_clip (cr);
  cairo_paint_with_alpha (cr, 0.92);
}

static void
tpt_persona_move_tool_class_init (TptPersonaMoveToolClass *klass)
{
  TptDragToolClass *drag_class = TPT_DRAG_TOOL_CLASS (klass);

  TPT_TOOL_CLASS (klass)->draw = tpt_persona_move_tool_draw;
  drag_class->accepts = tpt_persona_move_tool_accepts;
  drag_class->begin = tpt_persona_move_tool_begin;
  drag_class->update = tpt_persona_move_tool_update;
  drag_class->end = tpt_persona_move_tool_end;
  drag_class->cancel = tpt_persona_move_tool_cancel;
}

static void
tpt_persona_move_tool_init (TptPersonaMoveTool *self)
{
}

TptTool *
tpt_persona_move_tool_new (void)
{
  return g_object_new (TPT_TYPE_PERSONA_MOVE_TOOL, NULL);
}
