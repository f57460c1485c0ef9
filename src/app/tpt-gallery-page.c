/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-gallery-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tpt-gallery-page-private.h"

#include "tpt-persona-move-tool.h"
#include "tpt-photo-drop-tool.h"

/* The persona gallery as a page: it draws the cards as export does, knows
 * where the renderer put each card and field, and turns presses, keys and
 * its tools' drags into selections and edits. Fields are written in place,
 * over the field; photos come from a file chooser or are dropped onto a
 * card. The persona selected is the window's selection. */

G_DEFINE_FINAL_TYPE (TptGalleryPage, tpt_gallery_page, TPT_TYPE_CANVAS)

/* ------------------------------------------------------------------ */
/* Where things are                                                    */

guint
tpt_gallery_page_n_personas (TptGalleryPage *self)
{
  return self->document != NULL
         ? g_list_model_get_n_items (tpt_document_get_personas (self->document)) : 0;
}

int
tpt_gallery_page_index_of (TptGalleryPage *self,
                           TptPersona     *persona)
{
  GListModel *personas;

  if (persona == NULL || self->document == NULL)
    return -1;
  personas = tpt_document_get_personas (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(TptPersona) item = g_list_model_get_item (personas, i);

      if (item == persona)
        return (int) i;
    }
  return -1;
}

/**
 * tpt_gallery_page_dup_persona:
 *
 * Returns: (nullable) (transfer full): the persona at @index
 */
TptPersona *
tpt_gallery_page_dup_persona (TptGalleryPage *self,
                              guint           index)
{
  if (self->document == NULL || index >= tpt_gallery_page_n_personas (self))
    return NULL;
  return g_list_model_get_item (tpt_document_get_personas (self->document), index);
}

const TptPersonaPart *
tpt_gallery_page_find_part (TptGalleryPage  *self,
                            guint            persona,
                            TptPersonaField  field)
{
  for (guint i = 0; i < self->parts->len; i++)
    {
      const TptPersonaPart *part = &g_array_index (self->parts, TptPersonaPart, i);

      if (part->persona == persona && part->field == field)
        return part;
    }
  return NULL;
}

/* The innermost part under (x, y): a field, else its card. */
const TptPersonaPart *
tpt_gallery_page_part_at (TptGalleryPage *self,
                          double          x,
                          double          y)
{
  const TptPersonaPart *found = NULL;

  for (guint i = 0; i < self->parts->len; i++)
    {
      const TptPersonaPart *part = &g_array_index (self->parts, TptPersonaPart, i);

      if (!tpt_rect_contains_point (&part->rect, x, y))
        continue;
      if (found == NULL || part->persona != found->persona || part->field != TPT_PERSONA_FIELD_CARD)
        found = part;
    }
  return found;
}

/**
 * tpt_gallery_page_persona_at:
 * @self: a page
 * @x: a point, in the gallery's units
 * @y: the point's y
 * @index: (out) (optional): the persona's position
 *
 * Returns: whether a persona card is at (@x, @y)
 */
gboolean
tpt_gallery_page_persona_at (TptGalleryPage *self,
                             double          x,
                             double          y,
                             guint          *index)
{
  const TptPersonaPart *part;

  g_return_val_if_fail (TPT_IS_GALLERY_PAGE (self), FALSE);

  part = tpt_gallery_page_part_at (self, x, y);
  if (part != NULL && index != NULL)
    *index = part->persona;
  return part != NULL;
}

/* How many cards a row of the gallery holds: those level with the first. */
guint
tpt_gallery_page_columns (TptGalleryPage *self)
{
  const TptPersonaPart *first = tpt_gallery_page_find_part (self, 0, TPT_PERSONA_FIELD_CARD);
  guint n = 0;

  for (guint i = 0; first != NULL && i < self->parts->len; i++)
    {
      const TptPersonaPart *part = &g_array_index (self->parts, TptPersonaPart, i);

      if (part->field == TPT_PERSONA_FIELD_CARD && part->rect.y == first->rect.y)
        n++;
    }
  return MAX (n, 1);
}

/* ------------------------------------------------------------------ */
/* Selection                                                           */

static void
describe_selection (TptGalleryPage *self)
{
  g_autofree char *description = NULL;

  if (self->selected != NULL)
    {
      const char *role = tpt_persona_get_role (self->selected);

      description = role != NULL && *role
                    ? g_strdup_printf (_("Persona: %s, %s"), tpt_persona_get_name (self->selected), role)
                    : g_strdup_printf (_("Persona: %s"), tpt_persona_get_name (self->selected));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("Persona gallery"), -1);
}

static void
tpt_gallery_page_selection_changed (TptCanvas *canvas)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (canvas);
  TptSelection *selection = tpt_canvas_get_selection (canvas);
  TptNode *node = selection != NULL ? tpt_selection_get_primary (selection) : NULL;
  const TptPersonaPart *card;

  /* A persona's fact selected in the outline selects its persona. */
  while (node != NULL && !TPT_IS_PERSONA (node))
    node = tpt_node_get_parent (node);
  g_set_object (&self->selected, TPT_PERSONA (node));

  card = tpt_gallery_page_find_part (self, tpt_gallery_page_index_of (self, self->selected),
                                     TPT_PERSONA_FIELD_CARD);
  if (card != NULL)
    tpt_canvas_scroll_to (canvas, &card->rect);
  describe_selection (self);
  tpt_gallery_page_update_actions (self);
}

/**
 * tpt_gallery_page_select:
 * @self: a page
 * @persona: (nullable): the persona to select, or %NULL for none
 */
void
tpt_gallery_page_select (TptGalleryPage *self,
                         TptPersona     *persona)
{
  TptSelection *selection = tpt_canvas_get_selection (TPT_CANVAS (self));

  if (selection != NULL)
    tpt_selection_select (selection, TPT_NODE (persona));
}

void
tpt_gallery_page_select_index (TptGalleryPage *self,
                               int             index)
{
  g_autoptr(TptPersona) persona = NULL;
  guint n = tpt_gallery_page_n_personas (self);

  if (n == 0)
    return;
  persona = tpt_gallery_page_dup_persona (self, CLAMP (index, 0, (int) n - 1));
  tpt_gallery_page_select (self, persona);
}

/**
 * tpt_gallery_page_get_selected:
 *
 * Returns: (nullable) (transfer none): the persona selected
 */
TptPersona *
tpt_gallery_page_get_selected (TptGalleryPage *self)
{
  g_return_val_if_fail (TPT_IS_GALLERY_PAGE (self), NULL);

  return self->selected;
}

/* ------------------------------------------------------------------ */
/* Presses                                                             */

/* A click selects the card under the pointer; a double click edits the
 * field under it, or chooses a photo on the avatar, or adds a persona on
 * empty paper. The secondary button opens the context menu. */
static void
tpt_gallery_page_press (TptCanvas       *canvas,
                        double           x,
                        double           y,
                        int              n_press,
                        guint            button,
                        GdkModifierType  state)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (canvas);
  const TptPersonaPart *part = tpt_gallery_page_part_at (self, x, y);

  if (button == GDK_BUTTON_SECONDARY)
    {
      if (part != NULL)
        tpt_gallery_page_select_index (self, part->persona);
      tpt_gallery_page_popup_menu (self, x, y);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;

  if (part == NULL)
    {
      if (n_press == 2)
        tpt_gallery_page_add_persona (self, tpt_gallery_page_n_personas (self));
      else
        tpt_gallery_page_select (self, NULL);
      return;
    }

  tpt_gallery_page_select_index (self, part->persona);
  if (n_press != 2)
    return;
  if (part->field == TPT_PERSONA_FIELD_AVATAR)
    tpt_gallery_page_choose_photo (self);
  else
    tpt_gallery_page_edit (self, part->field == TPT_PERSONA_FIELD_CARD ? TPT_PERSONA_FIELD_NAME
                                                                        : part->field);
}

static void
tpt_gallery_page_hover (TptCanvas *canvas,
                        double     x,
                        double     y,
                        gboolean   inside)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (canvas);
  guint index;
  int hover = inside && tpt_gallery_page_persona_at (self, x, y, &index) ? (int) index : -1;

  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

/* Cards are dragged to reorder them; the paper around them pans. */
static gboolean
tpt_gallery_page_primary_pans (TptCanvas *canvas,
                               double     x,
                               double     y)
{
  return !tpt_gallery_page_persona_at (TPT_GALLERY_PAGE (canvas), x, y, NULL);
}

/* ------------------------------------------------------------------ */
/* Drawing, over the rendered gallery, in its units                    */

void
tpt_gallery_page_outline_rect (cairo_t       *cr,
                               const TptRect *r,
                               double         grow,
                               double         width)
{
  cairo_rectangle (cr, r->x - grow, r->y - grow, r->width + 2 * grow, r->height + 2 * grow);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

static void
tpt_gallery_page_draw (TptCanvas      *canvas,
                       cairo_t        *cr,
                       const TptTheme *theme)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (canvas);

  tpt_persona_gallery_render (cr, tpt_canvas_get_text_context (canvas), self->document, theme);
}

/* The selection and the card under the pointer; what drags and drops are
 * doing their tools draw. */
static void
tpt_gallery_page_draw_overlay (TptCanvas *canvas,
                               cairo_t   *cr,
                               double     px)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (canvas);
  const TptPersonaPart *card;
  GdkRGBA accent;

  tpt_canvas_get_accent (canvas, &accent);

  /* While comparing: each persona that changed. */
  for (guint i = 0; tpt_canvas_get_changes (canvas) != NULL &&
                    i < tpt_gallery_page_n_personas (self); i++)
    {
      g_autoptr(TptPersona) persona = tpt_gallery_page_dup_persona (self, i);

      card = tpt_gallery_page_find_part (self, i, TPT_PERSONA_FIELD_CARD);
      if (card != NULL)
        tpt_canvas_mark_change (canvas, cr, &card->rect, tpt_node_get_id (TPT_NODE (persona)));
    }

  card = tpt_gallery_page_find_part (self, self->hover, TPT_PERSONA_FIELD_CARD);
  if (card != NULL && self->lifted < 0)
    {
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.45);
      tpt_gallery_page_outline_rect (cr, &card->rect, 2 * px, px);
    }

  card = tpt_gallery_page_find_part (self, tpt_gallery_page_index_of (self, self->selected),
                                     TPT_PERSONA_FIELD_CARD);
  if (card != NULL)
    {
      gdk_cairo_set_source_rgba (cr, &accent);
      tpt_gallery_page_outline_rect (cr, &card->rect,
                                     3 * px, (gtk_widget_has_focus (GTK_WIDGET (self)) ? 3 : 2) * px);
    }
}

static gboolean
tpt_gallery_page_get_placeholder (TptCanvas   *canvas,
                                  const char **title,
                                  const char **body)
{
  if (tpt_gallery_page_n_personas (TPT_GALLERY_PAGE (canvas)) > 0)
    return FALSE;
  *title = _("No Personas");
  *body = _("Add a persona with Insert, a double click or from the outline, to describe who "
            "the service is for.");
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Following the document                                              */

static void
tpt_gallery_page_relayout (TptCanvas *canvas,
                           double    *width,
                           double    *height)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (canvas);
  PangoContext *context = tpt_canvas_get_text_context (canvas);
  guint n;

  g_array_set_size (self->parts, 0);
  if (self->document == NULL)
    return;

  tpt_persona_gallery_measure (context, self->document, width, height);
  tpt_persona_gallery_collect_parts (context, self->document, self->parts);

  n = tpt_gallery_page_n_personas (self);
  if ((guint) MAX (self->hover, 0) >= n)
    self->hover = -1;
  if (self->photo_drop >= (int) n)
    self->photo_drop = -1;

  /* The field being written follows its place as the cards move. */
  if (tpt_canvas_is_editing (canvas))
    {
      const TptPersonaPart *part;
      int index = tpt_gallery_page_index_of (self, self->editing);

      part = tpt_gallery_page_find_part (self, index, self->editing_field);
      if (part == NULL)
        part = tpt_gallery_page_find_part (self, index, TPT_PERSONA_FIELD_NAME);
      if (part != NULL)
        tpt_canvas_set_edit_rect (canvas, &part->rect);
      else
        tpt_canvas_end_edit (canvas, TPT_EDITOR_END_CANCEL);
    }
  describe_selection (self);
  tpt_gallery_page_update_actions (self);
}

static gboolean
tpt_gallery_page_locate (TptCanvas  *canvas,
                         TptNode    *node,
                         const char *part_name,
                         TptRect    *rect)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (canvas);
  const TptPersonaPart *part;
  TptPersonaField field = TPT_PERSONA_FIELD_CARD;
  int index;
  static const char * const names[] = {
    [TPT_PERSONA_FIELD_CARD] = "card", [TPT_PERSONA_FIELD_AVATAR] = "avatar",
    [TPT_PERSONA_FIELD_NAME] = "name", [TPT_PERSONA_FIELD_ROLE] = "role",
    [TPT_PERSONA_FIELD_SEGMENT] = "segment", [TPT_PERSONA_FIELD_QUOTE] = "quote",
    [TPT_PERSONA_FIELD_GOALS] = "goals", [TPT_PERSONA_FIELD_FRUSTRATIONS] = "frustrations",
    [TPT_PERSONA_FIELD_BEHAVIOURS] = "behaviours", [TPT_PERSONA_FIELD_CHANNELS] = "channels",
    [TPT_PERSONA_FIELD_FACTS] = "facts",
  };

  for (guint f = 0; part_name != NULL && f < G_N_ELEMENTS (names); f++)
    if (names[f] != NULL && g_str_equal (names[f], part_name))
      field = f;
  if (!TPT_IS_PERSONA (node))
    return FALSE;
  index = tpt_gallery_page_index_of (self, TPT_PERSONA (node));
  part = tpt_gallery_page_find_part (self, index, field);
  if (part == NULL)
    return FALSE;
  *rect = part->rect;
  return TRUE;
}

static void
tpt_gallery_page_reset (TptCanvas *canvas)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (canvas);

  self->document = tpt_canvas_get_document (canvas);
  g_clear_object (&self->selected);
  g_clear_object (&self->editing);
  self->hover = self->photo_drop = self->lifted = -1;
}

static void
tpt_gallery_page_dispose (GObject *object)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (object);

  self->document = NULL;
  g_clear_object (&self->selected);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (tpt_gallery_page_parent_class)->dispose (object);
}

static void
tpt_gallery_page_finalize (GObject *object)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (object);

  g_clear_pointer (&self->parts, g_array_unref);

  G_OBJECT_CLASS (tpt_gallery_page_parent_class)->finalize (object);
}

static void
tpt_gallery_page_class_init (TptGalleryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TptCanvasClass *canvas_class = TPT_CANVAS_CLASS (klass);

  object_class->dispose = tpt_gallery_page_dispose;
  object_class->finalize = tpt_gallery_page_finalize;

  canvas_class->relayout = tpt_gallery_page_relayout;
  canvas_class->draw = tpt_gallery_page_draw;
  canvas_class->draw_overlay = tpt_gallery_page_draw_overlay;
  canvas_class->get_placeholder = tpt_gallery_page_get_placeholder;
  canvas_class->locate = tpt_gallery_page_locate;
  canvas_class->press = tpt_gallery_page_press;
  canvas_class->hover = tpt_gallery_page_hover;
  canvas_class->primary_pans = tpt_gallery_page_primary_pans;
  canvas_class->selection_changed = tpt_gallery_page_selection_changed;
  canvas_class->reset = tpt_gallery_page_reset;

  tpt_gallery_page_class_add_actions (widget_class);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tpt_gallery_page_init (TptGalleryPage *self)
{
  TptTool *tools[] = { tpt_persona_move_tool_new (), tpt_photo_drop_tool_new () };

  self->parts = g_array_new (FALSE, FALSE, sizeof (TptPersonaPart));
  self->hover = self->photo_drop = self->lifted = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Personas"), -1);

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      tpt_canvas_add_tool (TPT_CANVAS (self), tools[i]);
      g_object_unref (tools[i]);
    }
}

GtkWidget *
tpt_gallery_page_new (void)
{
  return g_object_new (TPT_TYPE_GALLERY_PAGE, NULL);
}
