/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-matrix-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "tpt-matrix-canvas-private.h"

/* Editing on the needs matrix, as in a spreadsheet: arrows move between
 * cells, digits type the importance or, after Tab, the satisfaction (0 to
 * 10; "1" then "0" quickly is 10), Delete clears, plus and minus step. Left
 * of the first rating is the need's row header, which selects the need
 * itself: there F2 renames it, Delete deletes it, Alt+Up and Alt+Down move
 * it, and its header can be dragged to another row. A key is one undo step.
 * The view draws the matrix; this draws the cursor over it and knows where
 * the cells are from the renderer. Actions and the context menu are in
 * tpt-matrix-canvas-actions.c. */

/* How soon a second digit must follow the first to make "10". */
#define SECOND_DIGIT_USEC (1200 * G_TIME_SPAN_MILLISECOND)

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TptMatrixCanvas, tpt_matrix_canvas, G_TYPE_OBJECT)

/* Where @kind of need @need is drawn; @persona counts for ratings only. */
const TptMatrixCell *
tpt_matrix_canvas_find (TptMatrixCanvas   *self,
                        TptMatrixCellKind  kind,
                        guint              need,
                        guint              persona)
{
  for (guint i = 0; self->cells != NULL && i < self->cells->len; i++)
    {
      const TptMatrixCell *cell = &g_array_index (self->cells, TptMatrixCell, i);

      if (cell->kind == kind && cell->need == need &&
          (kind != TPT_MATRIX_CELL_RATING || cell->persona == persona))
        return cell;
    }
  return NULL;
}

guint
tpt_matrix_canvas_n_needs (TptMatrixCanvas *self)
{
  return self->document != NULL
         ? g_list_model_get_n_items (tpt_document_get_needs (self->document)) : 0;
}

static guint
n_personas (TptMatrixCanvas *self)
{
  return self->document != NULL
         ? g_list_model_get_n_items (tpt_document_get_personas (self->document)) : 0;
}

static guint
index_of_need (TptMatrixCanvas *self,
               TptNeed         *need)
{
  guint position;

  if (self->document == NULL || need == NULL ||
      !g_list_store_find (G_LIST_STORE (tpt_document_get_needs (self->document)), need,
                          &position))
    return G_MAXUINT;
  return position;
}

/* Keeps the need the cursor is on, and tells the window when that is a
 * different one; moving between the ratings of one need changes nothing
 * for the window. */
static void
sync_current (TptMatrixCanvas *self)
{
  g_autoptr(TptNeed) need = NULL;

  if (self->has_cursor && self->document != NULL)
    need = g_list_model_get_item (tpt_document_get_needs (self->document), self->need);

  if (need == self->current)
    {
      tpt_matrix_canvas_update_actions (self);
      return;
    }
  g_set_object (&self->current, need);
  tpt_matrix_canvas_update_actions (self);
  if (!self->following)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

/* Tells the window again which need is selected: moving needs in the
 * document takes the outline's row away from under its selection. */
void
tpt_matrix_canvas_announce (TptMatrixCanvas *self)
{
  if (!self->following)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
scroll_to_cursor (TptMatrixCanvas *self)
{
  const TptMatrixCell *cell;

  if (!self->has_cursor)
    return;
  cell = self->on_header
         ? tpt_matrix_canvas_find (self, TPT_MATRIX_CELL_NEED, self->need, 0)
         : tpt_matrix_canvas_find (self, TPT_MATRIX_CELL_RATING, self->need, self->persona);
  if (cell != NULL)
    tpt_artefact_view_scroll_to (self->view, &cell->rect);
}

static void
moved (TptMatrixCanvas *self)
{
  self->last_digit = 0;
  /* The rows may be about to move (a need added, moved or deleted): look
   * again once they are laid out. */
  self->scroll_pending = TRUE;
  scroll_to_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  sync_current (self);
}

void
tpt_matrix_canvas_move_to_need (TptMatrixCanvas *self,
                                guint            need,
                                gboolean         on_header)
{
  g_assert (TPT_IS_MATRIX_CANVAS (self));

  self->has_cursor = TRUE;
  self->need = need;
  /* Without personas there are no ratings to be on. */
  self->on_header = on_header || n_personas (self) == 0;
  if (!self->on_header)
    self->persona = MIN (self->persona, n_personas (self) - 1);
  moved (self);
}

static void
hide_cursor (TptMatrixCanvas *self)
{
  self->has_cursor = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  sync_current (self);
}

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
      if (n_personas (self) == 0)
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
  if (ctrl || alt || tpt_matrix_canvas_n_needs (self) == 0)
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
      hide_cursor (self);
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
          moved (self);
        }
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      if (self->persona + 1 < n_personas (self))
        self->persona++;
      moved (self);
      return TRUE;
    case GDK_KEY_Return: case GDK_KEY_KP_Enter:
      if (self->need + 1 < tpt_matrix_canvas_n_needs (self))
        self->need++;
      moved (self);
      return TRUE;
    case GDK_KEY_Tab: case GDK_KEY_KP_Tab: case GDK_KEY_ISO_Left_Tab:
      self->field = self->field == TPT_MATRIX_FIELD_IMPORTANCE ? TPT_MATRIX_FIELD_SATISFACTION
                                                               : TPT_MATRIX_FIELD_IMPORTANCE;
      moved (self);
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

  for (guint i = 0; self->cells != NULL && i < self->cells->len; i++)
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

/* Drawing ------------------------------------------------------------------------ */

static void
set_source_alpha (cairo_t       *cr,
                  const GdkRGBA *color,
                  double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, alpha);
}

/* The selected need's row: tinted across the table, with a bar at its
 * start; its header framed when the need itself is selected. */
static void
draw_row (TptMatrixCanvas *self,
          cairo_t         *cr,
          const GdkRGBA   *accent,
          double           px)
{
  const TptMatrixCell *row = tpt_matrix_canvas_find (self, TPT_MATRIX_CELL_ROW, self->need, 0);
  const TptMatrixCell *header = tpt_matrix_canvas_find (self, TPT_MATRIX_CELL_NEED, self->need, 0);

  if (row == NULL || header == NULL)
    return;

  set_source_alpha (cr, accent, 0.08);
  cairo_rectangle (cr, row->rect.x, row->rect.y, row->rect.width, row->rect.height);
  cairo_fill (cr);
  set_source_alpha (cr, accent, self->on_header ? 0.18 : 0.10);
  cairo_rectangle (cr, header->rect.x, header->rect.y, header->rect.width, header->rect.height);
  cairo_fill (cr);

  gdk_cairo_set_source_rgba (cr, accent);
  cairo_rectangle (cr, header->rect.x, header->rect.y, 4 * px, header->rect.height);
  cairo_fill (cr);
  if (self->on_header)
    {
      cairo_set_line_width (cr, 3 * px);
      cairo_rectangle (cr, header->rect.x + 1.5 * px, header->rect.y + 1.5 * px,
                       header->rect.width - 3 * px, header->rect.height - 3 * px);
      cairo_stroke (cr);
    }
}

/* Where a dragged need would go: a line between rows. */
static void
draw_drop (TptMatrixCanvas *self,
           cairo_t         *cr,
           const GdkRGBA   *accent,
           double           px)
{
  guint n = tpt_matrix_canvas_n_needs (self);
  const TptMatrixCell *row;
  double y;

  if (!self->dragging || !self->drop_valid || n == 0)
    return;

  if (self->drop_index < n)
    {
      row = tpt_matrix_canvas_find (self, TPT_MATRIX_CELL_ROW, self->drop_index, 0);
      y = row != NULL ? row->rect.y : 0;
    }
  else
    {
      row = tpt_matrix_canvas_find (self, TPT_MATRIX_CELL_ROW, n - 1, 0);
      y = row != NULL ? row->rect.y + row->rect.height : 0;
    }
  if (row == NULL)
    return;

  gdk_cairo_set_source_rgba (cr, accent);
  cairo_rectangle (cr, row->rect.x - 4 * px, y - 2 * px, row->rect.width + 8 * px, 4 * px);
  cairo_fill (cr);
  cairo_arc (cr, row->rect.x - 4 * px, y, 5 * px, 0, 2 * G_PI);
  cairo_fill (cr);
}

/* The rating cursor, with a tab that says which of the cell's two numbers
 * typing sets. */
static void
draw_cell (TptMatrixCanvas *self,
           cairo_t         *cr,
           const GdkRGBA   *accent,
           double           px)
{
  const TptMatrixCell *cell = tpt_matrix_canvas_find (self, TPT_MATRIX_CELL_RATING, self->need,
                                                      self->persona);
  g_autoptr(PangoLayout) label = NULL;
  PangoFontDescription *font;
  int width, height;

  if (cell == NULL)
    return;

  gdk_cairo_set_source_rgba (cr, accent);
  cairo_set_line_width (cr, 3 * px);
  cairo_rectangle (cr, cell->rect.x + 1.5 * px, cell->rect.y + 1.5 * px,
                   cell->rect.width - 3 * px, cell->rect.height - 3 * px);
  cairo_stroke (cr);

  label = gtk_widget_create_pango_layout (GTK_WIDGET (self->view),
                                          self->field == TPT_MATRIX_FIELD_IMPORTANCE
                                          ? _("Importance") : _("Satisfaction"));
  font = pango_font_description_from_string ("Sans Bold 8");
  pango_font_description_set_absolute_size (font, 9 * px * PANGO_SCALE);
  pango_layout_set_font_description (label, font);
  pango_font_description_free (font);
  pango_layout_get_size (label, &width, &height);
  cairo_rectangle (cr, cell->rect.x, cell->rect.y - (double) height / PANGO_SCALE - 4 * px,
                   (double) width / PANGO_SCALE + 8 * px, (double) height / PANGO_SCALE + 4 * px);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_move_to (cr, cell->rect.x + 4 * px, cell->rect.y - (double) height / PANGO_SCALE - 2 * px);
  pango_cairo_show_layout (cr, label);
}

/**
 * tpt_matrix_canvas_draw:
 * @cr: drawing in the matrix's coordinates, scaled by @zoom
 *
 * Draws the selected need's row, the rating cursor, and where a dragged
 * need would go.
 */
void
tpt_matrix_canvas_draw (TptMatrixCanvas *self,
                        cairo_t         *cr,
                        double           zoom)
{
  GdkRGBA accent;
  double px = 1.0 / zoom;

  g_return_if_fail (TPT_IS_MATRIX_CANVAS (self));

  tpt_artefact_view_get_accent (self->view, &accent);
  cairo_save (cr);
  if (self->has_cursor && self->need < tpt_matrix_canvas_n_needs (self))
    {
      draw_row (self, cr, &accent, px);
      if (!self->on_header)
        draw_cell (self, cr, &accent, px);
    }
  draw_drop (self, cr, &accent, px);
  cairo_restore (cr);
}

/* Following the document and the window ------------------------------------------ */

/**
 * tpt_matrix_canvas_set_cells:
 * @document: (nullable): the document shown
 * @cells: (nullable) (element-type TptMatrixCell): where the cells are
 *   drawn now, or %NULL when the view shows something else
 *
 * Called each time the matrix is laid out: the cursor stays on its need
 * wherever that row went, or on the row that took the place of a need
 * that went away.
 */
void
tpt_matrix_canvas_set_cells (TptMatrixCanvas *self,
                             TptDocument     *document,
                             GArray          *cells)
{
  guint n, index;

  g_return_if_fail (TPT_IS_MATRIX_CANVAS (self));

  if (document != self->document || cells == NULL)
    {
      /* The cursor is the matrix's own: it goes with the matrix, and the
       * window's selection has moved on by then. */
      self->has_cursor = FALSE;
      self->dragging = FALSE;
      g_clear_object (&self->current);
      g_clear_object (&self->pending_rename);
      if (self->rename_popover != NULL)
        gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
    }
  g_set_object (&self->document, document);
  g_clear_pointer (&self->cells, g_array_unref);
  if (cells != NULL)
    self->cells = g_array_ref (cells);

  n = tpt_matrix_canvas_n_needs (self);
  if (self->has_cursor)
    {
      index = index_of_need (self, self->current);
      if (index != G_MAXUINT)
        self->need = index;
      else if (n > 0)
        {
          /* Gone: the row that took its place, or the last. */
          self->need = MIN (self->need, n - 1);
          self->on_header = TRUE;
        }
      else
        self->has_cursor = FALSE;
      if (n_personas (self) == 0)
        self->on_header = TRUE;
      else
        self->persona = MIN (self->persona, n_personas (self) - 1);
      sync_current (self);
    }

  if (self->scroll_pending && self->cells != NULL)
    {
      self->scroll_pending = FALSE;
      scroll_to_cursor (self);
    }
  if (self->pending_rename != NULL && self->cells != NULL)
    {
      g_autoptr(TptNeed) need = g_steal_pointer (&self->pending_rename);

      if (index_of_need (self, need) != G_MAXUINT)
        tpt_matrix_canvas_open_rename (self, need);
    }
  tpt_matrix_canvas_update_actions (self);
}

/**
 * tpt_matrix_canvas_select_node:
 * @node: (nullable): a need, or a rating, chosen elsewhere; anything else
 *   hides the cursor
 *
 * Follows a selection made elsewhere, as in the outline: the cursor goes
 * to the need's row (keeping to the row header or a rating as it was), or
 * to the rating's cell, and the matrix scrolls there.
 */
void
tpt_matrix_canvas_select_node (TptMatrixCanvas *self,
                               TptNode         *node)
{
  TptNeed *need = NULL;
  guint index;

  g_return_if_fail (TPT_IS_MATRIX_CANVAS (self));
  g_return_if_fail (node == NULL || TPT_IS_NODE (node));

  if (TPT_IS_NEED (node))
    need = TPT_NEED (node);
  else if (TPT_IS_RATING (node) && self->document != NULL)
    need = tpt_document_lookup_typed (self->document, tpt_rating_get_need (TPT_RATING (node)),
                                      TPT_TYPE_NEED);

  index = index_of_need (self, need);
  self->following = TRUE;
  if (index == G_MAXUINT)
    {
      if (self->has_cursor)
        hide_cursor (self);
    }
  else if (TPT_IS_RATING (node))
    {
      TptPersona *persona = tpt_document_lookup_typed (self->document,
                                                       tpt_rating_get_persona (TPT_RATING (node)),
                                                       TPT_TYPE_PERSONA);
      guint p;

      if (persona != NULL &&
          g_list_store_find (G_LIST_STORE (tpt_document_get_personas (self->document)), persona, &p))
        self->persona = p;
      tpt_matrix_canvas_move_to_need (self, index, FALSE);
    }
  else if (!self->has_cursor || need != self->current)
    tpt_matrix_canvas_move_to_need (self, index, self->has_cursor ? self->on_header : TRUE);
  self->following = FALSE;
}

/**
 * tpt_matrix_canvas_get_selected_need:
 *
 * Returns: (transfer none) (nullable): the need the cursor is on, on its
 *   row header or on one of its ratings
 */
TptNeed *
tpt_matrix_canvas_get_selected_need (TptMatrixCanvas *self)
{
  g_return_val_if_fail (TPT_IS_MATRIX_CANVAS (self), NULL);

  return self->has_cursor ? self->current : NULL;
}

/**
 * tpt_matrix_canvas_is_on_need:
 *
 * Returns: whether the cursor is on a need's row header, selecting the need
 *   itself rather than one of its ratings
 */
gboolean
tpt_matrix_canvas_is_on_need (TptMatrixCanvas *self)
{
  g_return_val_if_fail (TPT_IS_MATRIX_CANVAS (self), FALSE);

  return self->has_cursor && self->on_header;
}

/**
 * tpt_matrix_canvas_get_cursor:
 * @need: (out) (optional): the cursor's need, an index
 * @persona: (out) (optional): its persona, an index; meaningless on a row
 *   header
 * @field: (out) (optional): which number of the rating typing sets
 *
 * Returns: whether the cursor shows
 */
gboolean
tpt_matrix_canvas_get_cursor (TptMatrixCanvas *self,
                              guint           *need,
                              guint           *persona,
                              TptMatrixField  *field)
{
  g_return_val_if_fail (TPT_IS_MATRIX_CANVAS (self), FALSE);

  if (need != NULL)
    *need = self->need;
  if (persona != NULL)
    *persona = self->persona;
  if (field != NULL)
    *field = self->field;
  return self->has_cursor;
}

/**
 * tpt_matrix_canvas_get_editor:
 *
 * Returns: (transfer none) (nullable): the entry a need is being renamed
 *   in, while it is
 */
GtkWidget *
tpt_matrix_canvas_get_editor (TptMatrixCanvas *self)
{
  g_return_val_if_fail (TPT_IS_MATRIX_CANVAS (self), NULL);

  return self->renaming != NULL ? self->rename_entry : NULL;
}

/**
 * tpt_matrix_canvas_allocate:
 *
 * Places the popovers; the view calls it as it is allocated.
 */
void
tpt_matrix_canvas_allocate (TptMatrixCanvas *self)
{
  g_return_if_fail (TPT_IS_MATRIX_CANVAS (self));

  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
  if (self->rename_popover != NULL && gtk_widget_get_visible (self->rename_popover))
    gtk_popover_present (GTK_POPOVER (self->rename_popover));
}

/**
 * tpt_matrix_canvas_shutdown:
 *
 * Lets go of the view's children; the view calls it as it is disposed.
 */
void
tpt_matrix_canvas_shutdown (TptMatrixCanvas *self)
{
  g_return_if_fail (TPT_IS_MATRIX_CANVAS (self));

  tpt_matrix_canvas_menu_closed_cb (self);
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  self->rename_entry = NULL;
  g_clear_object (&self->renaming);
  self->view = NULL;
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

/* ------------------------------------------------------------------------------ */

static void
tpt_matrix_canvas_finalize (GObject *object)
{
  TptMatrixCanvas *self = TPT_MATRIX_CANVAS (object);

  g_clear_object (&self->menu);
  g_clear_object (&self->renaming);
  g_clear_object (&self->pending_rename);
  g_clear_object (&self->current);
  g_clear_object (&self->actions);
  g_clear_object (&self->document);
  g_clear_pointer (&self->cells, g_array_unref);

  G_OBJECT_CLASS (tpt_matrix_canvas_parent_class)->finalize (object);
}

static void
tpt_matrix_canvas_class_init (TptMatrixCanvasClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tpt_matrix_canvas_finalize;

  /**
   * TptMatrixCanvas::selection-changed:
   *
   * The cursor went to another need, or away; see
   * tpt_matrix_canvas_get_selected_need().
   */
  signals[SELECTION_CHANGED] =
    g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tpt_matrix_canvas_init (TptMatrixCanvas *self)
{
  self->actions = g_simple_action_group_new ();
  tpt_matrix_canvas_add_actions (self);
}

/**
 * tpt_matrix_canvas_new:
 * @view: the view that shows the matrix, which owns the canvas
 *
 * Returns: (transfer full): the canvas, listening to @view's input
 */
TptMatrixCanvas *
tpt_matrix_canvas_new (TptArtefactView *view)
{
  TptMatrixCanvas *self = g_object_new (TPT_TYPE_MATRIX_CANVAS, NULL);
  GtkWidget *widget = GTK_WIDGET (view);
  GtkEventController *keys = gtk_event_controller_key_new ();
  GtkGesture *menu, *drag;

  self->view = view;
  gtk_widget_insert_action_group (widget, "matrix", G_ACTION_GROUP (self->actions));

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

  tpt_matrix_canvas_setup_rename (self);
  tpt_matrix_canvas_update_actions (self);
  return self;
}
