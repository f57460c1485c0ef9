/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-matrix-canvas"

#include "config.h"

#include "tpt-matrix-canvas-private.h"

/* The matrix canvas's input: keys, clicks and dragging row headers, as
 * the view's event controllers deliver them and as tests drive them. Keys
 * go to actions where the context menu offers the same
 * (tpt-matrix-canvas-actions.c). */

/* How soon a second digit must follow the first to make "10". */
#define SECOND_DIGIT_USEC (1200 * G_TIME_SPAN_MILLISECOND)

/* Sets the cursor's field to @value (−1 clears it), keeping the other. */
static void
rate (TptMatrixCanvas *self,
      int              value)
{
  g_autoptr(TptNeed) need = g_list_model_get_item (tpt_document_get_needs (self->document), self->need);
  g_autoptr(TptPersona) persona = g_list_model_get_item (tpt_document_get_personas (self->document),
                                                         self->persona);
  TptRating *rating;
  int importance = -1, satisfaction = -1;

  if (need == NULL || persona == NULL)
    return;

  rating = tpt_document_get_rating (self->document, persona, need);
  if (rating != NULL)
    {
      importance = tpt_rating_get_importance (rating);
      satisfaction = tpt_rating_get_satisfaction (rating);
    }
  value = value < 0 ? -1 : CLAMP (value, 0, 10);
  if (self->field == TPT_MATRIX_FIELD_IMPORTANCE)
    {
      if (importance == value)
        return;
      importance = value;
    }
  else
    {
      if (satisfaction == value)
        return;
      satisfaction = value;
    }
  tpt_document_set_rating (self->document, persona, need, importance, satisfaction);
}

static int
current_value (TptMatrixCanvas *self)
{
  g_autoptr(TptNeed) need = g_list_model_get_item (tpt_document_get_needs (self->document), self->need);
  g_autoptr(TptPersona) persona = g_list_model_get_item (tpt_document_get_personas (self->document),
                                                         self->persona);
  TptRating *rating = need != NULL && persona != NULL
                      ? tpt_document_get_rating (self->document, persona, need) : NULL;

  if (rating == NULL)
    return -1;
  return self->field == TPT_MATRIX_FIELD_IMPORTANCE ? tpt_rating_get_importance (rating)
                                                    : tpt_rating_get_satisfaction (rating);
}

static void
activate (TptMatrixCanvas *self,
          const char      *name,
          const char      *target)
{
  g_action_group_activate_action (G_ACTION_GROUP (self->actions), name,
                                  target != NULL ? g_variant_new_string (target) : NULL);
}

/* Keys that work on needs rather than ratings, with or without a cursor. */
static gboolean
need_key (TptMatrixCanvas *self,
          guint            keyval,
          gboolean         ctrl,
          gboolean         alt,
          gboolean         shift)
{
  gboolean up = keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up;
  gboolean down = keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down;

  if ((keyval == GDK_KEY_Insert || keyval == GDK_KEY_KP_Insert) && !ctrl && !alt)
    {
      activate (self, "add-need", shift ? "above" : "below");
      return TRUE;
    }
  /* As lanes are added on a blueprint: Ctrl+Shift and the arrow says where. */
  if (ctrl && shift && !alt && (up || down))
    {
      activate (self, "add-need", up ? "above" : "below");
      return TRUE;
    }
  if (alt && !ctrl && (up || down))
    {
      if (self->has_cursor)
        activate (self, "move-need", up ? "up" : "down");
      return self->has_cursor;
    }
  if (keyval == GDK_KEY_F2 && !ctrl && !alt && self->has_cursor)
    {
      activate (self, "rename-need", NULL);
      return TRUE;
    }
  if ((keyval == GDK_KEY_Menu && !ctrl && !alt) || (keyval == GDK_KEY_F10 && shift && !ctrl))
    {
      tpt_matrix_canvas_popup_menu_at_cursor (self);
      return TRUE;
    }
  return FALSE;
}

/* Keys on the row header, where the need itself is selected. */
static gboolean
header_key (TptMatrixCanvas *self,
            guint            keyval)
{
  switch (keyval)
    {
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
    case GDK_KEY_Tab: case GDK_KEY_KP_Tab:
      if (tpt_matrix_canvas_n_personas (self) == 0)
        return TRUE;
      self->persona = 0;
      self->field = TPT_MATRIX_FIELD_IMPORTANCE;
      tpt_matrix_canvas_move_to_need (self, self->need, FALSE);
      return TRUE;
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter: case GDK_KEY_ISO_Enter:
      activate (self, "rename-need", NULL);
      return TRUE;
    case GDK_KEY_Delete: case GDK_KEY_KP_Delete: case GDK_KEY_BackSpace:
      activate (self, "delete-need", NULL);
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * tpt_matrix_canvas_key:
 *
 * Returns: whether the key did something to the matrix
 */
gboolean
tpt_matrix_canvas_key (TptMatrixCanvas *self,
                       guint            keyval,
                       GdkModifierType  state)
{
  gboolean ctrl, alt, shift;
  int digit = -1;

  g_return_val_if_fail (TPT_IS_MATRIX_CANVAS (self), FALSE);

  if (self->document == NULL || self->cells == NULL)
    return FALSE;

  state &= gtk_accelerator_get_default_mod_mask ();
  ctrl = (state & GDK_CONTROL_MASK) != 0;
  alt = (state & GDK_ALT_MASK) != 0;
  shift = (state & GDK_SHIFT_MASK) != 0;

  if (need_key (self, keyval, ctrl, alt, shift))
    return TRUE;
  if (ctrl || alt || !tpt_matrix_canvas_has_rows (self))
    return FALSE;

  if (!self->has_cursor)
    {
      /* The first key only shows where typing goes. */
      self->persona = 0;
      self->field = TPT_MATRIX_FIELD_IMPORTANCE;
      tpt_matrix_canvas_move_to_need (self, 0, FALSE);
      return keyval != GDK_KEY_Escape;
    }

  switch (keyval)
    {
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      if (self->need > 0)
        self->need--;
      tpt_matrix_canvas_move_to_need (self, self->need, self->on_header);
      return TRUE;
    case GDK_KEY_Down: case GDK_KEY_KP_Down:
      if (self->need + 1 < tpt_matrix_canvas_n_needs (self))
        self->need++;
      tpt_matrix_canvas_move_to_need (self, self->need, self->on_header);
      return TRUE;
    case GDK_KEY_Escape:
      tpt_matrix_canvas_hide_cursor (self);
      return TRUE;
    default:
      break;
    }

  if (self->on_header)
    return header_key (self, keyval);

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      /* Left of the first rating is the need itself. */
      if (self->persona == 0)
        tpt_matrix_canvas_move_to_need (self, self->need, TRUE);
      else
        {
          self->persona--;
          tpt_matrix_canvas_moved (self);
        }
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      if (self->persona + 1 < tpt_matrix_canvas_n_personas (self))
        self->persona++;
      tpt_matrix_canvas_moved (self);
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter:
      if (self->need + 1 < tpt_matrix_canvas_n_needs (self))
        self->need++;
      tpt_matrix_canvas_moved (self);
      return TRUE;
    case GDK_KEY_Tab: case GDK_KEY_KP_Tab: case GDK_KEY_ISO_Left_Tab:
      self->field = self->field == TPT_MATRIX_FIELD_IMPORTANCE ? TPT_MATRIX_FIELD_SATISFACTION
                                                               : TPT_MATRIX_FIELD_IMPORTANCE;
      tpt_matrix_canvas_moved (self);
      return TRUE;
    case GDK_KEY_Delete: case GDK_KEY_KP_Delete: case GDK_KEY_BackSpace:
      rate (self, -1);
      self->last_digit = 0;
      return TRUE;
    case GDK_KEY_plus: case GDK_KEY_KP_Add: case GDK_KEY_equal:
      rate (self, MAX (current_value (self), -1) + 1);
      return TRUE;
    case GDK_KEY_minus: case GDK_KEY_KP_Subtract:
      if (current_value (self) > 0)
        rate (self, current_value (self) - 1);
      return TRUE;
    default:
      break;
    }

  if (keyval >= GDK_KEY_0 && keyval <= GDK_KEY_9)
    digit = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_0 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_0;
  if (digit < 0)
    return FALSE;

  /* "1" then "0" typed quickly in one cell is ten. */
  if (digit == 0 && self->last_digit != 0 &&
      g_get_monotonic_time () - self->last_digit < SECOND_DIGIT_USEC)
    {
      rate (self, 10);
      self->last_digit = 0;
      return TRUE;
    }
  rate (self, digit);
  self->last_digit = digit == 1 ? g_get_monotonic_time () : 0;
  return TRUE;
}

/**
 * tpt_matrix_canvas_need_at:
 * @x: where, in the matrix's coordinates
 * @y: where, in the matrix's coordinates
 * @need: (out) (optional): the index of the need named there
 *
 * Returns: whether (@x, @y) is on a need's row header
 */
gboolean
tpt_matrix_canvas_need_at (TptMatrixCanvas *self,
                           double           x,
                           double           y,
                           guint           *need)
{
  g_return_val_if_fail (TPT_IS_MATRIX_CANVAS (self), FALSE);

  if (!tpt_matrix_canvas_has_rows (self))
    return FALSE;
  for (guint i = 0; i < self->cells->len; i++)
    {
      const TptMatrixCell *cell = &g_array_index (self->cells, TptMatrixCell, i);

      if (cell->kind == TPT_MATRIX_CELL_NEED && tpt_rect_contains_point (&cell->rect, x, y))
        {
          if (need != NULL)
            *need = cell->need;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * tpt_matrix_canvas_click:
 * @x: where, in the matrix's coordinates
 * @y: where, in the matrix's coordinates
 * @n_press: 1 for a click, 2 for a double click
 *
 * A click on a need's row header selects the need, and a double click
 * renames it; a click on a rating cell takes the cursor there.
 *
 * Returns: whether the click landed on a row header or a rating cell
 */
gboolean
tpt_matrix_canvas_click (TptMatrixCanvas *self,
                         double           x,
                         double           y,
                         int              n_press)
{
  guint need;

  g_return_val_if_fail (TPT_IS_MATRIX_CANVAS (self), FALSE);

  if (tpt_matrix_canvas_need_at (self, x, y, &need))
    {
      tpt_matrix_canvas_move_to_need (self, need, TRUE);
      if (n_press == 2)
        activate (self, "rename-need", NULL);
      return TRUE;
    }

  for (guint i = 0; self->cells != NULL && i < self->cells->len; i++)
    {
      const TptMatrixCell *cell = &g_array_index (self->cells, TptMatrixCell, i);

      if (cell->kind == TPT_MATRIX_CELL_RATING && tpt_rect_contains_point (&cell->rect, x, y))
        {
          self->persona = cell->persona;
          /* The upper half of a cell holds the importance. */
          self->field = y < cell->rect.y + cell->rect.height / 2 ? TPT_MATRIX_FIELD_IMPORTANCE
                                                                  : TPT_MATRIX_FIELD_SATISFACTION;
          tpt_matrix_canvas_move_to_need (self, cell->need, FALSE);
          return TRUE;
        }
    }
  return FALSE;
}

/* Dragging a row header ------------------------------------------------------- */

/**
 * tpt_matrix_canvas_drag_begin:
 * @x: where, in the matrix's coordinates
 * @y: where, in the matrix's coordinates
 *
 * Starts moving a need by its row header.
 *
 * Returns: whether (@x, @y) is on a row header, which starts a drag
 */
gboolean
tpt_matrix_canvas_drag_begin (TptMatrixCanvas *self,
                              double           x,
                              double           y)
{
  guint need;

  g_return_val_if_fail (TPT_IS_MATRIX_CANVAS (self), FALSE);

  if (!tpt_matrix_canvas_need_at (self, x, y, &need))
    return FALSE;

  self->dragging = TRUE;
  self->drag_need = need;
  self->drop_valid = FALSE;
  tpt_matrix_canvas_move_to_need (self, need, TRUE);
  return TRUE;
}

void
tpt_matrix_canvas_drag_update (TptMatrixCanvas *self,
                               double           x,
                               double           y)
{
  guint n = tpt_matrix_canvas_n_needs (self);
  guint index = n;

  g_return_if_fail (TPT_IS_MATRIX_CANVAS (self));

  if (!self->dragging)
    return;

  /* Before the first row whose middle is below the pointer. */
  for (guint i = 0; i < n; i++)
    {
      const TptMatrixCell *row = tpt_matrix_canvas_find (self, TPT_MATRIX_CELL_ROW, i, 0);

      if (row != NULL && y < row->rect.y + row->rect.height / 2)
        {
          index = i;
          break;
        }
    }
  self->drop_index = index;
  /* Just above or below itself leaves the need where it is. */
  self->drop_valid = index != self->drag_need && index != self->drag_need + 1;
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

void
tpt_matrix_canvas_drag_end (TptMatrixCanvas *self,
                            double           x,
                            double           y)
{
  g_return_if_fail (TPT_IS_MATRIX_CANVAS (self));

  if (!self->dragging)
    return;

  tpt_matrix_canvas_drag_update (self, x, y);
  self->dragging = FALSE;
  if (self->drop_valid)
    tpt_matrix_canvas_move_need (self, self->drag_need, self->drop_index);
  self->drop_valid = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

/* The view's input ------------------------------------------------------------ */

static gboolean
shown (TptMatrixCanvas *self)
{
  return self->view != NULL &&
         tpt_artefact_view_get_artefact (self->view) == TPT_ARTEFACT_NEEDS_MATRIX &&
         self->cells != NULL;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TptMatrixCanvas       *self)
{
  if (!shown (self))
    return FALSE;
  return tpt_matrix_canvas_key (self, keyval, state);
}

/* The secondary button opens the context menu on what it was pressed on. */
static void
menu_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           wx,
                 double           wy,
                 TptMatrixCanvas *self)
{
  double x, y;

  if (!shown (self))
    return;

  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  tpt_artefact_view_widget_to_content (self->view, wx, wy, &x, &y);
  tpt_matrix_canvas_click (self, x, y, 1);
  tpt_matrix_canvas_popup_menu (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

static void
drag_point (TptMatrixCanvas *self,
            GtkGestureDrag  *gesture,
            double           dx,
            double           dy,
            double          *x,
            double          *y)
{
  double sx, sy;

  gtk_gesture_drag_get_start_point (gesture, &sx, &sy);
  tpt_artefact_view_widget_to_content (self->view, sx + dx, sy + dy, x, y);
}

static void
drag_begin_cb (GtkGestureDrag  *gesture,
               double           wx,
               double           wy,
               TptMatrixCanvas *self)
{
  double x, y;

  if (!shown (self) || tpt_artefact_view_is_panning (self->view))
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
      return;
    }
  tpt_artefact_view_widget_to_content (self->view, wx, wy, &x, &y);
  if (!tpt_matrix_canvas_drag_begin (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
drag_update_cb (GtkGestureDrag  *gesture,
                double           dx,
                double           dy,
                TptMatrixCanvas *self)
{
  double x, y;

  drag_point (self, gesture, dx, dy, &x, &y);
  tpt_matrix_canvas_drag_update (self, x, y);
}

static void
drag_end_cb (GtkGestureDrag  *gesture,
             double           dx,
             double           dy,
             TptMatrixCanvas *self)
{
  double x, y;

  drag_point (self, gesture, dx, dy, &x, &y);
  tpt_matrix_canvas_drag_end (self, x, y);
}

static void
drag_cancel_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                TptMatrixCanvas  *self)
{
  self->dragging = FALSE;
  if (self->view != NULL)
    gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

/* Listens to the view's keys, its secondary button for the context menu,
 * and its primary button for dragging row headers. */
void
tpt_matrix_canvas_add_controllers (TptMatrixCanvas *self)
{
  GtkWidget *widget = GTK_WIDGET (self->view);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *menu, *drag;

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, keys);

  menu = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (menu), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (menu, "pressed", G_CALLBACK (menu_pressed_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (menu));

  drag = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (drag), GDK_BUTTON_PRIMARY);
  g_signal_connect_object (drag, "drag-begin", G_CALLBACK (drag_begin_cb), self, 0);
  g_signal_connect_object (drag, "drag-update", G_CALLBACK (drag_update_cb), self, 0);
  g_signal_connect_object (drag, "drag-end", G_CALLBACK (drag_end_cb), self, 0);
  g_signal_connect_object (drag, "cancel", G_CALLBACK (drag_cancel_cb), self, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drag));
}
