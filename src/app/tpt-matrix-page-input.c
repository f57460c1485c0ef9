/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-matrix-page"

#include "config.h"

#include "tpt-matrix-page-private.h"

#include "tpt-link.h"

/* The matrix page's input, as in a spreadsheet: arrows move between
 * cells, digits rate, Tab switches between the two numbers of a cell; a
 * click on a need's label selects the need, on a cell puts the cursor
 * there, on a card named as serving a need shows the card. The keys are
 * bindings to the page's actions. */

/* How soon a second digit must follow the first to make "10". */
#define SECOND_DIGIT_USEC (1200 * G_TIME_SPAN_MILLISECOND)

/* Sets the cursor's field to @value (−1 clears it), keeping the other. */
static void
rate (TptMatrixPage *self,
      int            value)
{
  g_autoptr(TptNeed) need = g_list_model_get_item (tpt_document_get_needs (self->document),
                                                   self->need);
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
current_value (TptMatrixPage *self)
{
  g_autoptr(TptNeed) need = g_list_model_get_item (tpt_document_get_needs (self->document),
                                                   self->need);
  g_autoptr(TptPersona) persona = g_list_model_get_item (tpt_document_get_personas (self->document),
                                                         self->persona);
  TptRating *rating = need != NULL && persona != NULL
                      ? tpt_document_get_rating (self->document, persona, need) : NULL;

  if (rating == NULL)
    return -1;
  return self->field == TPT_MATRIX_FIELD_IMPORTANCE ? tpt_rating_get_importance (rating)
                                                    : tpt_rating_get_satisfaction (rating);
}

/* Whether a key on the ratings can act: the matrix has rows, no edit is
 * under way, and the cursor shows; the first such key only shows the
 * cursor, so one sees where typing goes. */
static gboolean
ready (TptMatrixPage *self)
{
  if (self->document == NULL || !tpt_matrix_page_has_rows (self) ||
      tpt_canvas_is_editing (TPT_CANVAS (self)))
    return FALSE;
  if (!self->has_cursor)
    {
      self->persona = 0;
      self->field = TPT_MATRIX_FIELD_IMPORTANCE;
      tpt_matrix_page_move_to_need (self, 0, FALSE);
      return FALSE;
    }
  return TRUE;
}

/* The next need (@dir 1) or the one before (−1) that the matrix shows, a
 * persona or segment shown alone hiding the others' needs; @from when
 * there is none. */
static guint
shown_need (TptMatrixPage *self,
            guint          from,
            int            dir)
{
  for (int n = (int) from + dir; n >= 0 && (guint) n < tpt_matrix_page_n_needs (self); n += dir)
    if (tpt_matrix_page_find (self, TPT_MATRIX_CELL_NEED, n, 0) != NULL)
      return n;
  return from;
}

/* The same for the personas of the cursor's need: their columns. */
static guint
shown_persona (TptMatrixPage *self,
               int            from,
               int            dir)
{
  for (int p = from + dir; p >= 0 && (guint) p < tpt_matrix_page_n_personas (self); p += dir)
    if (tpt_matrix_page_find (self, TPT_MATRIX_CELL_RATING, self->need, p) != NULL)
      return p;
  return MAX (from, 0);
}

static void
cursor_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (widget);
  int dx, dy;

  if (!ready (self))
    return;
  g_variant_get (parameter, "(ii)", &dx, &dy);

  if (dy != 0)
    {
      self->need = shown_need (self, self->need, dy < 0 ? -1 : 1);
      tpt_matrix_page_move_to_need (self, self->need, self->on_header);
    }
  else if (self->on_header)
    {
      /* Right of a need's label is its first rating. */
      if (dx > 0)
        {
          self->persona = shown_persona (self, -1, 1);
          self->field = TPT_MATRIX_FIELD_IMPORTANCE;
          tpt_matrix_page_move_to_need (self, self->need, FALSE);
        }
    }
  else if (dx < 0 && shown_persona (self, self->persona, -1) == self->persona)
    /* Left of the first rating is the need itself. */
    tpt_matrix_page_move_to_need (self, self->need, TRUE);
  else
    {
      self->persona = shown_persona (self, self->persona, dx < 0 ? -1 : 1);
      tpt_matrix_page_moved (self);
    }
}

/* Tab: between a cell's two numbers; from a need's label, into its row. */
static void
field_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (widget);

  if (!ready (self))
    return;
  if (self->on_header)
    {
      cursor_action (widget, action_name, g_variant_new ("(ii)", 1, 0));
      return;
    }
  self->field = self->field == TPT_MATRIX_FIELD_IMPORTANCE ? TPT_MATRIX_FIELD_SATISFACTION
                                                           : TPT_MATRIX_FIELD_IMPORTANCE;
  tpt_matrix_page_moved (self);
}

/* Enter: renames a need on its label, goes down a row on the ratings. */
static void
enter_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (widget);

  if (!ready (self))
    return;
  if (self->on_header)
    {
      gtk_widget_activate_action (widget, "matrix.rename-need", NULL);
      return;
    }
  self->need = shown_need (self, self->need, 1);
  tpt_matrix_page_moved (self);
}

/* Delete: the need on its label, the rating on a cell. */
static void
clear_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (widget);

  if (!ready (self))
    return;
  if (self->on_header)
    gtk_widget_activate_action (widget, "matrix.delete-need", NULL);
  else
    {
      rate (self, -1);
      self->last_digit = 0;
    }
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (widget);
  int delta = g_variant_get_int32 (parameter);

  if (!ready (self) || self->on_header)
    return;
  if (delta > 0)
    rate (self, MAX (current_value (self), -1) + 1);
  else if (current_value (self) > 0)
    rate (self, current_value (self) - 1);
}

static void
digit_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (widget);
  int digit = g_variant_get_int32 (parameter);

  if (!ready (self) || self->on_header)
    return;

  /* "1" then "0" typed quickly in one cell is ten. */
  if (digit == 0 && self->last_digit != 0 &&
      g_get_monotonic_time () - self->last_digit < SECOND_DIGIT_USEC)
    {
      rate (self, 10);
      self->last_digit = 0;
      return;
    }
  rate (self, digit);
  self->last_digit = digit == 1 ? g_get_monotonic_time () : 0;
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (widget);

  if (self->has_cursor)
    tpt_matrix_page_hide_cursor (self);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (widget);

  if (self->document != NULL && !tpt_canvas_is_editing (TPT_CANVAS (self)))
    tpt_matrix_page_popup_menu_at_cursor (self);
}

/**
 * tpt_matrix_page_need_at:
 * @x: where, in the matrix's units
 * @y: where, in the matrix's units
 * @need: (out) (optional): the index of the need named there
 *
 * Returns: whether (@x, @y) is on a need's row header
 */
gboolean
tpt_matrix_page_need_at (TptMatrixPage *self,
                         double         x,
                         double         y,
                         guint         *need)
{
  g_return_val_if_fail (TPT_IS_MATRIX_PAGE (self), FALSE);

  if (!tpt_matrix_page_has_rows (self))
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

/* A click on a need's row header selects the need, and a double click
 * renames it; a click on a rating cell takes the cursor there, to the
 * number in the half clicked. */
void
tpt_matrix_page_click (TptMatrixPage *self,
                       double         x,
                       double         y,
                       int            n_press)
{
  guint need;

  if (tpt_matrix_page_need_at (self, x, y, &need))
    {
      tpt_matrix_page_move_to_need (self, need, TRUE);
      if (n_press == 2)
        gtk_widget_activate_action (GTK_WIDGET (self), "matrix.rename-need", NULL);
      return;
    }

  for (guint i = 0; i < self->cells->len; i++)
    {
      const TptMatrixCell *cell = &g_array_index (self->cells, TptMatrixCell, i);

      if (cell->kind == TPT_MATRIX_CELL_RATING && tpt_rect_contains_point (&cell->rect, x, y))
        {
          self->persona = cell->persona;
          /* The upper half of a cell holds the importance. */
          self->field = y < cell->rect.y + cell->rect.height / 2 ? TPT_MATRIX_FIELD_IMPORTANCE
                                                                  : TPT_MATRIX_FIELD_SATISFACTION;
          tpt_matrix_page_move_to_need (self, cell->need, FALSE);
          return;
        }
    }
}

static void
tpt_matrix_page_press (TptCanvas       *canvas,
                       double           x,
                       double           y,
                       int              n_press,
                       guint            button,
                       GdkModifierType  state)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (canvas);
  const TptLink *link = tpt_link_at (self->links, x, y);

  if (button == GDK_BUTTON_SECONDARY)
    {
      tpt_matrix_page_click (self, x, y, 1);
      tpt_matrix_page_popup_menu (self, x, y);
      return;
    }
  if (button != GDK_BUTTON_PRIMARY)
    return;

  /* A card named as serving a need is a link: the window shows it on its
   * blueprint, as it shows whatever is selected. */
  if (link != NULL && n_press == 1 && tpt_node_is_attached (link->node))
    {
      tpt_selection_select (tpt_canvas_get_selection (canvas), link->node);
      return;
    }
  tpt_matrix_page_click (self, x, y, n_press);
}

static void
tpt_matrix_page_hover (TptCanvas *canvas,
                       double     x,
                       double     y,
                       gboolean   inside)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (canvas);
  const char *name = NULL;

  if (!inside || tpt_canvas_is_panning (canvas))
    return;
  if (tpt_link_at (self->links, x, y) != NULL)
    name = "pointer";
  else if (tpt_matrix_page_need_at (self, x, y, NULL))
    /* A need's label can be dragged to move the need. */
    name = "grab";
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), name);
}

/* Needs are dragged by their labels; the rest of the paper pans. */
static gboolean
tpt_matrix_page_primary_pans (TptCanvas *canvas,
                              double     x,
                              double     y)
{
  return !tpt_matrix_page_need_at (TPT_MATRIX_PAGE (canvas), x, y, NULL);
}

/**
 * tpt_matrix_page_class_add_keys:
 * @widget_class: the page's class
 *
 * The rating keys, as bindings to the page's actions; the keys for needs
 * are in tpt_matrix_page_class_add_actions().
 */
void
tpt_matrix_page_class_add_keys (GtkWidgetClass *widget_class)
{
  TptCanvasClass *canvas_class = TPT_CANVAS_CLASS (widget_class);
  static const struct { guint key, pad; int dx, dy; } arrows[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1 },
  };

  canvas_class->press = tpt_matrix_page_press;
  canvas_class->hover = tpt_matrix_page_hover;
  canvas_class->primary_pans = tpt_matrix_page_primary_pans;

  gtk_widget_class_install_action (widget_class, "matrix.cursor", "(ii)", cursor_action);
  gtk_widget_class_install_action (widget_class, "matrix.next-field", NULL, field_action);
  gtk_widget_class_install_action (widget_class, "matrix.enter", NULL, enter_action);
  gtk_widget_class_install_action (widget_class, "matrix.clear", NULL, clear_action);
  gtk_widget_class_install_action (widget_class, "matrix.step", "i", step_action);
  gtk_widget_class_install_action (widget_class, "matrix.digit", "i", digit_action);
  gtk_widget_class_install_action (widget_class, "matrix.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "matrix.menu", NULL, menu_action);

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, arrows[i].key, 0, "matrix.cursor",
                                           "(ii)", arrows[i].dx, arrows[i].dy);
      gtk_widget_class_add_binding_action (widget_class, arrows[i].pad, 0, "matrix.cursor",
                                           "(ii)", arrows[i].dx, arrows[i].dy);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "matrix.next-field", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Tab, 0, "matrix.next-field", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK,
                                       "matrix.next-field", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "matrix.enter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "matrix.enter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "matrix.enter", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "matrix.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "matrix.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "matrix.clear", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "matrix.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "matrix.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "matrix.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "matrix.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0,
                                       "matrix.step", "i", -1);
  for (int digit = 0; digit <= 9; digit++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + digit, 0,
                                           "matrix.digit", "i", digit);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + digit, 0,
                                           "matrix.digit", "i", digit);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "matrix.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "matrix.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "matrix.menu", NULL);
}
