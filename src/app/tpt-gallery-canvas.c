/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-gallery-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-gallery-canvas-private.h"

#include "tpt-node-edits.h"
#include "tpt-persona-fields.h"
#include "tpt-photo-import.h"
#include "tpt-text.h"
#include "tpt-window.h"

/* The persona gallery as an editing canvas. The view draws the cards
 * through the renderer; this knows where the renderer put each card and
 * field (tpt_persona_gallery_collect_parts()), turns clicks, drags and
 * keys into selections and model edits, one undo step per gesture, and
 * draws the selection and drag feedback over the cards. Fields are edited
 * in a popover pointing at the field; photos come from a file chooser or
 * are dropped onto a card. */

/* How far the pointer moves before a press on a card becomes a drag. */
#define DRAG_THRESHOLD 6.0

guint tpt_gallery_signals[TPT_GALLERY_N_SIGNALS];

G_DEFINE_FINAL_TYPE (TptGalleryCanvas, tpt_gallery_canvas, G_TYPE_OBJECT)

/* ------------------------------------------------------------------ */
/* Where things are                                                    */

guint
tpt_gallery_n_personas (TptGalleryCanvas *self)
{
  return self->document != NULL
         ? g_list_model_get_n_items (tpt_document_get_personas (self->document)) : 0;
}

int
tpt_gallery_index_of (TptGalleryCanvas *self,
                      TptPersona       *persona)
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

const TptPersonaPart *
tpt_gallery_find_part (TptGalleryCanvas *self,
                       guint             persona,
                       TptPersonaField   field)
{
  for (guint i = 0; self->parts != NULL && i < self->parts->len; i++)
    {
      const TptPersonaPart *part = &g_array_index (self->parts, TptPersonaPart, i);

      if (part->persona == persona && part->field == field)
        return part;
    }
  return NULL;
}

/* The innermost part under (x, y): a field, else its card. */
static const TptPersonaPart *
part_at (TptGalleryCanvas *self,
         double            x,
         double            y)
{
  const TptPersonaPart *found = NULL;

  for (guint i = 0; self->parts != NULL && i < self->parts->len; i++)
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
 * tpt_gallery_canvas_persona_at:
 * @self: a canvas
 * @x: a point, in the gallery's coordinates
 * @y: the point's y
 * @index: (out) (optional): the persona's position
 *
 * Returns: whether a persona card is at (@x, @y)
 */
gboolean
tpt_gallery_canvas_persona_at (TptGalleryCanvas *self,
                               double            x,
                               double            y,
                               guint            *index)
{
  const TptPersonaPart *part;

  g_return_val_if_fail (TPT_IS_GALLERY_CANVAS (self), FALSE);

  part = part_at (self, x, y);
  if (part != NULL && index != NULL)
    *index = part->persona;
  return part != NULL;
}

/* How many cards a row of the gallery holds: those level with the first. */
static guint
columns (TptGalleryCanvas *self)
{
  const TptPersonaPart *first = tpt_gallery_find_part (self, 0, TPT_PERSONA_FIELD_CARD);
  guint n = 0;

  for (guint i = 0; first != NULL && i < self->parts->len; i++)
    {
      const TptPersonaPart *part = &g_array_index (self->parts, TptPersonaPart, i);

      if (part->field == TPT_PERSONA_FIELD_CARD && part->rect.y == first->rect.y)
        n++;
    }
  return MAX (n, 1);
}

/* The slot a card dragged to (x, y) lands in: before the card whose left
 * half is under the pointer, or after it for its right half; in a row's
 * margin, at the row's end. */
static guint
drop_slot (TptGalleryCanvas *self,
           double            x,
           double            y)
{
  guint n = tpt_gallery_n_personas (self), best = n;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < n; i++)
    {
      const TptPersonaPart *card = tpt_gallery_find_part (self, i, TPT_PERSONA_FIELD_CARD);
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

/* ------------------------------------------------------------------ */
/* Selection                                                           */

static void
describe_selection (TptGalleryCanvas *self)
{
  g_autofree char *description = NULL;

  if (self->selected != NULL)
    {
      const char *role = tpt_persona_get_role (self->selected);

      description = role != NULL && *role
                    ? g_strdup_printf (_("Persona: %s, %s"), tpt_persona_get_name (self->selected), role)
                    : g_strdup_printf (_("Persona: %s"), tpt_persona_get_name (self->selected));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("Persona gallery"),
                                  -1);
}

void
tpt_gallery_set_selected (TptGalleryCanvas *self,
                          TptPersona       *persona,
                          gboolean          notify)
{
  const TptPersonaPart *card;

  if (!g_set_object (&self->selected, persona))
    return;

  card = tpt_gallery_find_part (self, tpt_gallery_index_of (self, persona), TPT_PERSONA_FIELD_CARD);
  if (card != NULL)
    tpt_artefact_view_scroll_to (self->view, &card->rect);
  describe_selection (self);
  tpt_gallery_update_actions (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  if (notify)
    g_signal_emit (self, tpt_gallery_signals[TPT_GALLERY_SELECTION_CHANGED], 0);
}

void
tpt_gallery_select_index (TptGalleryCanvas *self,
                          int               index)
{
  g_autoptr(TptPersona) persona = NULL;
  guint n = tpt_gallery_n_personas (self);

  if (n == 0)
    return;
  persona = g_list_model_get_item (tpt_document_get_personas (self->document),
                                   CLAMP (index, 0, (int) n - 1));
  tpt_gallery_set_selected (self, persona, TRUE);
}

/**
 * tpt_gallery_canvas_get_selected:
 * @self: a canvas
 *
 * Returns: (nullable) (transfer none): the persona selected
 */
TptPersona *
tpt_gallery_canvas_get_selected (TptGalleryCanvas *self)
{
  g_return_val_if_fail (TPT_IS_GALLERY_CANVAS (self), NULL);

  return self->selected;
}

/**
 * tpt_gallery_canvas_select:
 * @self: a canvas
 * @persona: (nullable): a persona to select, as chosen elsewhere
 */
void
tpt_gallery_canvas_select (TptGalleryCanvas *self,
                           TptPersona       *persona)
{
  g_return_if_fail (TPT_IS_GALLERY_CANVAS (self));

  tpt_gallery_set_selected (self, persona, FALSE);
}

/* ------------------------------------------------------------------ */
/* Gestures                                                            */

/**
 * tpt_gallery_canvas_click:
 * @self: a canvas
 * @x: where, in the gallery's coordinates
 * @y: the point's y
 * @n_press: 1 for a click, 2 for a double click
 *
 * A click selects the card under the pointer; a double click edits the
 * field under it, or chooses a photo on the avatar, or adds a persona on
 * empty paper.
 */
void
tpt_gallery_canvas_click (TptGalleryCanvas *self,
                          double            x,
                          double            y,
                          int               n_press)
{
  const TptPersonaPart *part;

  g_return_if_fail (TPT_IS_GALLERY_CANVAS (self));

  if (self->parts == NULL)
    return;

  part = part_at (self, x, y);
  if (part == NULL)
    {
      if (n_press == 2)
        tpt_gallery_add_persona (self, tpt_gallery_n_personas (self));
      return;
    }

  tpt_gallery_select_index (self, part->persona);
  if (n_press != 2)
    return;
  if (part->field == TPT_PERSONA_FIELD_AVATAR)
    tpt_photo_import_choose (GTK_WIDGET (self->view), self->document, self->selected, NULL, NULL);
  else
    tpt_gallery_canvas_edit (self, part->field == TPT_PERSONA_FIELD_CARD ? TPT_PERSONA_FIELD_NAME
                                                                          : part->field);
}

/**
 * tpt_gallery_canvas_drag_begin:
 * @self: a canvas
 * @x: where the press was, in the gallery's coordinates
 * @y: the point's y
 *
 * A press on a card that moves further than a few pixels drags it to
 * another place in the gallery.
 */
void
tpt_gallery_canvas_drag_begin (TptGalleryCanvas *self,
                               double            x,
                               double            y)
{
  guint index;

  g_return_if_fail (TPT_IS_GALLERY_CANVAS (self));

  self->pressed = tpt_gallery_canvas_persona_at (self, x, y, &index);
  self->dragging = FALSE;
  if (!self->pressed)
    return;
  self->drag_index = index;
  self->press_x = self->drag_x = x;
  self->press_y = self->drag_y = y;
}

void
tpt_gallery_canvas_drag_update (TptGalleryCanvas *self,
                                double            x,
                                double            y)
{
  g_return_if_fail (TPT_IS_GALLERY_CANVAS (self));

  if (!self->pressed)
    return;
  if (!self->dragging &&
      hypot (x - self->press_x, y - self->press_y) * tpt_artefact_view_get_zoom (self->view) < DRAG_THRESHOLD)
    return;

  self->dragging = TRUE;
  self->drag_x = x;
  self->drag_y = y;
  self->drop_index = drop_slot (self, x, y);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self->view), "grabbing");
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

void
tpt_gallery_canvas_drag_end (TptGalleryCanvas *self,
                             double            x,
                             double            y)
{
  g_autoptr(TptPersona) persona = NULL;
  guint to;

  g_return_if_fail (TPT_IS_GALLERY_CANVAS (self));

  if (!self->pressed)
    return;
  tpt_gallery_canvas_drag_update (self, x, y);
  self->pressed = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self->view), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  if (!self->dragging)
    return;
  self->dragging = FALSE;

  /* A slot after the card's own place counts the card itself. */
  to = self->drop_index > self->drag_index ? self->drop_index - 1 : self->drop_index;
  persona = g_list_model_get_item (tpt_document_get_personas (self->document), self->drag_index);
  if (persona == NULL)
    return;
  tpt_gallery_set_selected (self, persona, TRUE);
  tpt_gallery_move_selected (self, to);
}

/**
 * tpt_gallery_canvas_key:
 * @self: a canvas
 * @keyval: the key pressed
 * @state: the modifiers held
 *
 * Arrows, Home and End select; Alt+arrows move the persona; Enter or F2
 * renames; Insert adds; Ctrl+D duplicates; Delete deletes; Menu or
 * Shift+F10 opens the context menu.
 *
 * Returns: whether the key was used
 */
gboolean
tpt_gallery_canvas_key (TptGalleryCanvas *self,
                        guint             keyval,
                        GdkModifierType   state)
{
  int index, n, cols;
  gboolean alt;

  g_return_val_if_fail (TPT_IS_GALLERY_CANVAS (self), FALSE);

  if (self->parts == NULL)
    return FALSE;

  index = tpt_gallery_index_of (self, self->selected);
  n = tpt_gallery_n_personas (self);
  cols = columns (self);
  alt = (state & GDK_ALT_MASK) != 0;
  state &= GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_Right:
    case GDK_KEY_Up:
    case GDK_KEY_Down:
      {
        int step = keyval == GDK_KEY_Left ? -1 : keyval == GDK_KEY_Right ? 1
                   : keyval == GDK_KEY_Up ? -cols : cols;

        if (state & GDK_CONTROL_MASK)
          return FALSE;
        if (index < 0)
          {
            tpt_gallery_select_index (self, 0);
            return TRUE;
          }
        if (index + step < 0 || index + step >= n)
          return TRUE;
        if (alt)
          tpt_gallery_move_selected (self, index + step);
        else
          tpt_gallery_select_index (self, index + step);
        return TRUE;
      }

    case GDK_KEY_Home:
    case GDK_KEY_End:
      if (state != 0)
        return FALSE;
      tpt_gallery_select_index (self, keyval == GDK_KEY_Home ? 0 : n - 1);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      /* Tab walks the cards; past the last it leaves the gallery. */
      if (state & GDK_CONTROL_MASK)
        return FALSE;
      {
        int next = index + ((keyval == GDK_KEY_ISO_Left_Tab || (state & GDK_SHIFT_MASK)) ? -1 : 1);

        if (next < 0 || next >= n)
          return FALSE;
        tpt_gallery_select_index (self, next);
      }
      return TRUE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_F2:
      if (state != 0 || index < 0)
        return FALSE;
      tpt_gallery_canvas_edit (self, TPT_PERSONA_FIELD_NAME);
      return TRUE;

    case GDK_KEY_Insert:
    case GDK_KEY_KP_Insert:
      if (state != 0)
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self->view), "gallery.add", NULL);
      return TRUE;

    case GDK_KEY_d:
      if (state != GDK_CONTROL_MASK || index < 0)
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self->view), "gallery.duplicate", NULL);
      return TRUE;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
    case GDK_KEY_BackSpace:
      if (state != 0 || index < 0)
        return FALSE;
      tpt_gallery_delete_selected (self);
      return TRUE;

    case GDK_KEY_Menu:
    case GDK_KEY_F10:
      if (keyval == GDK_KEY_F10 && state != GDK_SHIFT_MASK)
        return FALSE;
      {
        const TptPersonaPart *card = tpt_gallery_find_part (self, MAX (index, 0), TPT_PERSONA_FIELD_CARD);

        if (card != NULL)
          tpt_gallery_popup_menu (self, card->rect.x + 16, card->rect.y + 16);
      }
      return TRUE;

    default:
      return FALSE;
    }
}

/* ------------------------------------------------------------------ */
/* The view's input, in widget coordinates                             */

static void
click_pressed_cb (GtkGestureClick  *gesture,
                  int               n_press,
                  double            wx,
                  double            wy,
                  TptGalleryCanvas *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  guint index;
  double x, y;

  if (self->parts == NULL || tpt_artefact_view_is_panning (self->view))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  tpt_artefact_view_widget_to_content (self->view, wx, wy, &x, &y);
  if (button == GDK_BUTTON_SECONDARY)
    {
      if (tpt_gallery_canvas_persona_at (self, x, y, &index))
        tpt_gallery_select_index (self, index);
      tpt_gallery_popup_menu (self, x, y);
    }
  else if (button == GDK_BUTTON_PRIMARY)
    tpt_gallery_canvas_click (self, x, y, n_press);
}

static void
drag_begin_cb (GtkGestureDrag   *gesture,
               double            wx,
               double            wy,
               TptGalleryCanvas *self)
{
  double x, y;

  tpt_artefact_view_widget_to_content (self->view, wx, wy, &x, &y);
  if (self->parts == NULL || tpt_artefact_view_is_panning (self->view) ||
      !tpt_gallery_canvas_persona_at (self, x, y, NULL))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  tpt_gallery_canvas_drag_begin (self, x, y);
}

static void
drag_update_cb (GtkGestureDrag   *gesture,
                double            dx,
                double            dy,
                TptGalleryCanvas *self)
{
  double x, y;

  tpt_artefact_view_drag_point (self->view, gesture, dx, dy, &x, &y);
  tpt_gallery_canvas_drag_update (self, x, y);
}

static void
drag_end_cb (GtkGestureDrag   *gesture,
             double            dx,
             double            dy,
             TptGalleryCanvas *self)
{
  double x, y;

  tpt_artefact_view_drag_point (self->view, gesture, dx, dy, &x, &y);
  tpt_gallery_canvas_drag_end (self, x, y);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                TptGalleryCanvas *self)
{
  self->pressed = self->dragging = FALSE;
  gtk_widget_set_cursor (GTK_WIDGET (self->view), NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    wx,
           double                    wy,
           TptGalleryCanvas         *self)
{
  guint index;
  int hover;
  double x, y;

  if (self->parts == NULL)
    return;
  tpt_artefact_view_widget_to_content (self->view, wx, wy, &x, &y);
  hover = tpt_gallery_canvas_persona_at (self, x, y, &index) ? (int) index : -1;
  if (hover != self->hover)
    {
      self->hover = hover;
      gtk_widget_queue_draw (GTK_WIDGET (self->view));
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TptGalleryCanvas      *self)
{
  return tpt_gallery_canvas_key (self, keyval, state);
}

/* Files dropped on a card are its photo. A Touchpoint document dropped
 * here is opened, as anywhere else in the window. */
static gboolean
is_document (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  return name != NULL && g_str_has_suffix (name, ".touchpoint");
}

static GdkDragAction
file_motion_cb (GtkDropTarget    *target,
                double            wx,
                double            wy,
                TptGalleryCanvas *self)
{
  guint index;
  int over = -1;
  double x, y;

  tpt_artefact_view_widget_to_content (self->view, wx, wy, &x, &y);
  if (tpt_gallery_canvas_persona_at (self, x, y, &index))
    over = (int) index;
  if (over != self->photo_drop)
    {
      self->photo_drop = over;
      gtk_widget_queue_draw (GTK_WIDGET (self->view));
    }
  return GDK_ACTION_COPY;
}

static void
file_leave_cb (GtkDropTarget    *target,
               TptGalleryCanvas *self)
{
  self->photo_drop = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static gboolean
file_accept_cb (GtkDropTarget    *target,
                GdkDrop          *drop,
                TptGalleryCanvas *self)
{
  return self->parts != NULL &&
         gdk_content_formats_contain_gtype (gdk_drop_get_formats (drop), GDK_TYPE_FILE_LIST);
}

static gboolean
file_drop_cb (GtkDropTarget    *target,
              const GValue     *value,
              double            wx,
              double            wy,
              TptGalleryCanvas *self)
{
  GSList *files = g_value_get_boxed (value);
  g_autoptr(GError) error = NULL;
  double x, y;

  self->photo_drop = -1;
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  if (files == NULL)
    return FALSE;

  if (is_document (files->data))
    {
      GApplication *application = g_application_get_default ();
      GFile *file = files->data;

      if (application != NULL)
        g_application_open (application, &file, 1, "");
      return TRUE;
    }

  tpt_artefact_view_widget_to_content (self->view, wx, wy, &x, &y);
  if (!tpt_gallery_canvas_drop_photo (self, files->data, x, y, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not use this photo: %s"),
                                                  error->message);

      tpt_gallery_show_toast (self, message, FALSE);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* Drawing, over the rendered gallery, in its coordinates              */

static void
outline_rect (cairo_t       *cr,
              const TptRect *r,
              double         grow,
              double         width)
{
  cairo_rectangle (cr, r->x - grow, r->y - grow, r->width + 2 * grow, r->height + 2 * grow);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
}

/**
 * tpt_gallery_canvas_draw:
 * @self: a canvas
 * @cr: drawing in the gallery's coordinates, scaled by @zoom
 * @zoom: the view's zoom, so lines keep their width on screen
 *
 * Draws the selection, the card under the pointer, and a dragged card
 * with the place it will land.
 */
void
tpt_gallery_canvas_draw (TptGalleryCanvas *self,
                         cairo_t          *cr,
                         double            zoom)
{
  const TptPersonaPart *card;
  GdkRGBA accent;
  double px = 1.0 / zoom;

  g_return_if_fail (TPT_IS_GALLERY_CANVAS (self));

  if (self->parts == NULL)
    return;

  tpt_artefact_view_get_accent (self->view, &accent);
  cairo_save (cr);

  card = tpt_gallery_find_part (self, self->hover, TPT_PERSONA_FIELD_CARD);
  if (card != NULL && !self->dragging)
    {
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.45);
      outline_rect (cr, &card->rect, 2 * px, px);
    }

  card = tpt_gallery_find_part (self, tpt_gallery_index_of (self, self->selected), TPT_PERSONA_FIELD_CARD);
  if (card != NULL)
    {
      gdk_cairo_set_source_rgba (cr, &accent);
      outline_rect (cr, &card->rect, 3 * px, 2.5 * px);
    }

  card = tpt_gallery_find_part (self, self->photo_drop, TPT_PERSONA_FIELD_CARD);
  if (card != NULL)
    {
      const TptPersonaPart *avatar = tpt_gallery_find_part (self, self->photo_drop, TPT_PERSONA_FIELD_AVATAR);
      static const double dash[] = { 6, 4 };

      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.12);
      cairo_rectangle (cr, card->rect.x, card->rect.y, card->rect.width, card->rect.height);
      cairo_fill (cr);
      gdk_cairo_set_source_rgba (cr, &accent);
      cairo_set_dash (cr, dash, 2, 0);
      outline_rect (cr, &card->rect, 3 * px, 2.5 * px);
      if (avatar != NULL)
        {
          cairo_new_path (cr);
          cairo_arc (cr, avatar->rect.x + avatar->rect.width / 2, avatar->rect.y + avatar->rect.height / 2,
                     avatar->rect.width / 2 + 3 * px, 0, 2 * G_PI);
          cairo_set_line_width (cr, 2.5 * px);
          cairo_stroke (cr);
        }
      cairo_set_dash (cr, NULL, 0, 0);
    }

  if (self->dragging)
    {
      const TptPersonaPart *dragged = tpt_gallery_find_part (self, self->drag_index,
                                                             TPT_PERSONA_FIELD_CARD);
      guint n = tpt_gallery_n_personas (self);
      const TptPersonaPart *slot = tpt_gallery_find_part (self, MIN (self->drop_index, n - 1),
                                                          TPT_PERSONA_FIELD_CARD);
      g_autoptr(TptPersona) persona =
        g_list_model_get_item (tpt_document_get_personas (self->document), self->drag_index);

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
          double x = self->drop_index >= n ? tpt_rect_right (&slot->rect) + 9 : slot->rect.x - 9;

          gdk_cairo_set_source_rgba (cr, &accent);
          cairo_rectangle (cr, x - 2 * px, slot->rect.y, 4 * px, slot->rect.height);
          cairo_fill (cr);
        }
      if (dragged != NULL && persona != NULL)
        {
          AdwStyleManager *style = adw_style_manager_get_default ();
          const TptTheme *theme = tpt_theme_get (adw_style_manager_get_dark (style) ? TPT_THEME_DARK
                                                                                    : TPT_THEME_LIGHT);

          /* The card itself follows the pointer, lifted on a shadow. */
          if (self->context == NULL)
            self->context = tpt_text_context_new ();
          cairo_save (cr);
          cairo_translate (cr, dragged->rect.x + self->drag_x - self->press_x,
                           dragged->rect.y + self->drag_y - self->press_y);
          cairo_set_source_rgba (cr, 0, 0, 0, 0.25);
          cairo_rectangle (cr, 4, 6, dragged->rect.width, dragged->rect.height);
          cairo_fill (cr);
          cairo_push_group (cr);
          tpt_color_set_source (cr, &theme->paper);
          cairo_paint (cr);
          tpt_persona_card_render (cr, self->context, persona, theme, dragged->rect.width);
          cairo_pop_group_to_source (cr);
          cairo_rectangle (cr, 0, 0, dragged->rect.width, dragged->rect.height);
          cairo_clip (cr);
          cairo_paint_with_alpha (cr, 0.92);
          cairo_restore (cr);
        }
    }

  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */
/* Life                                                                */

/**
 * tpt_gallery_canvas_set_parts:
 * @self: a canvas
 * @document: (nullable): the document drawn
 * @parts: (nullable) (element-type TptPersonaPart): where the view's
 *   gallery put each card and field, or %NULL when it shows something else
 */
void
tpt_gallery_canvas_set_parts (TptGalleryCanvas *self,
                              TptDocument      *document,
                              GArray           *parts)
{
  g_return_if_fail (TPT_IS_GALLERY_CANVAS (self));

  if (self->document != document)
    {
      tpt_gallery_close_editor (self);
      g_clear_object (&self->selected);
    }
  g_set_object (&self->document, document);
  g_clear_pointer (&self->parts, g_array_unref);
  if (parts != NULL && document != NULL)
    self->parts = g_array_ref (parts);

  /* A persona deleted or undone away is no longer selected. */
  if (self->selected != NULL && !tpt_node_is_attached (TPT_NODE (self->selected)))
    g_clear_object (&self->selected);
  if (self->parts == NULL)
    tpt_gallery_close_editor (self);
  if ((guint) MAX (self->hover, 0) >= tpt_gallery_n_personas (self))
    self->hover = -1;
  if (self->pressed && self->drag_index >= tpt_gallery_n_personas (self))
    self->pressed = self->dragging = FALSE;
  tpt_gallery_update_actions (self);
  if (self->editing != NULL)
    gtk_widget_queue_allocate (GTK_WIDGET (self->view));
}

/* The editor follows its field as the view scrolls and zooms. */
void
tpt_gallery_canvas_allocate (TptGalleryCanvas *self)
{
  g_return_if_fail (TPT_IS_GALLERY_CANVAS (self));

  if (self->editor != NULL && self->editing != NULL)
    {
      tpt_gallery_place_editor (self);
      gtk_popover_present (GTK_POPOVER (self->editor));
    }
}

/* Lets go of the view's children before it goes. */
void
tpt_gallery_canvas_shutdown (TptGalleryCanvas *self)
{
  g_return_if_fail (TPT_IS_GALLERY_CANVAS (self));

  if (self->editor != NULL)
    {
      self->editor_cancelled = TRUE;
      g_signal_handlers_disconnect_by_data (self->editor, self);
      gtk_widget_unparent (self->editor);
      g_clear_object (&self->editor);
    }
  g_clear_object (&self->editing);
}

static void
tpt_gallery_canvas_finalize (GObject *object)
{
  TptGalleryCanvas *self = TPT_GALLERY_CANVAS (object);

  g_clear_object (&self->document);
  g_clear_object (&self->selected);
  g_clear_object (&self->editing);
  g_clear_object (&self->actions);
  g_clear_pointer (&self->parts, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (tpt_gallery_canvas_parent_class)->finalize (object);
}

static void
tpt_gallery_canvas_class_init (TptGalleryCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tpt_gallery_canvas_finalize;

  /**
   * TptGalleryCanvas::selection-changed:
   *
   * The user selected another persona, or none.
   */
  tpt_gallery_signals[TPT_GALLERY_SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                  NULL, NULL, G_TYPE_NONE, 0);
}

static void
tpt_gallery_canvas_init (TptGalleryCanvas *self)
{
  self->hover = -1;
  self->photo_drop = -1;
  self->actions = g_simple_action_group_new ();
  tpt_gallery_add_actions (self);
}

/**
 * tpt_gallery_canvas_new:
 * @view: the view that draws the gallery, and owns the canvas
 *
 * Returns: (transfer full): a canvas taking @view's input on the gallery
 */
TptGalleryCanvas *
tpt_gallery_canvas_new (TptArtefactView *view)
{
  TptGalleryCanvas *self = g_object_new (TPT_TYPE_GALLERY_CANVAS, NULL);
  GtkWidget *widget = GTK_WIDGET (view);
  GtkGesture *click, *drag;
  GtkEventController *motion, *keys;
  GtkDropTarget *files;

  self->view = view;
  gtk_widget_insert_action_group (widget, "gallery", G_ACTION_GROUP (self->actions));

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect_object (click, "pressed", G_CALLBACK (click_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (click));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (drag_cancel_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_object (motion, "motion", G_CALLBACK (motion_cb), self, 0);
  gtk_widget_add_controller (widget, motion);

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, keys);

  files = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (files, "accept", G_CALLBACK (file_accept_cb), self, 0);
  g_signal_connect_object (files, "motion", G_CALLBACK (file_motion_cb), self, 0);
  g_signal_connect_object (files, "leave", G_CALLBACK (file_leave_cb), self, 0);
  g_signal_connect_object (files, "drop", G_CALLBACK (file_drop_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (files));

  tpt_gallery_update_actions (self);
  return self;
}
