/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-matrix-canvas"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "tpt-matrix-canvas.h"

#include "tpt-matrix-renderer.h"

/* Rating on the needs matrix, as in a spreadsheet: arrows move between
 * cells, digits type the importance or, after Tab, the satisfaction (0 to
 * 10; "1" then "0" quickly is 10), Delete clears, plus and minus step. A
 * key is one undo step. The view draws the matrix; this draws the cursor
 * over it and knows where the cells are from the renderer. */

/* How soon a second digit must follow the first to make "10". */
#define SECOND_DIGIT_USEC (1200 * G_TIME_SPAN_MILLISECOND)

struct _TptMatrixCanvas
{
  GObject          parent_instance;

  TptArtefactView *view;       /* unowned: the view owns us */
  TptDocument     *document;
  GArray          *cells;      /* TptMatrixCell, row by row */

  gboolean         has_cursor;
  guint            need;
  guint            persona;
  TptMatrixField   field;
  gint64           last_digit; /* when "1" was typed in this cell, or 0 */
};

G_DEFINE_FINAL_TYPE (TptMatrixCanvas, tpt_matrix_canvas, G_TYPE_OBJECT)

static const TptMatrixCell *
find_cell (TptMatrixCanvas *self,
           guint            need,
           guint            persona)
{
  for (guint i = 0; self->cells != NULL && i < self->cells->len; i++)
    {
      const TptMatrixCell *cell = &g_array_index (self->cells, TptMatrixCell, i);

      if (cell->kind == TPT_MATRIX_CELL_RATING && cell->need == need && cell->persona == persona)
        return cell;
    }
  return NULL;
}

static guint
n_needs (TptMatrixCanvas *self)
{
  return self->document != NULL ? g_list_model_get_n_items (tpt_document_get_needs (self->document)) : 0;
}

static guint
n_personas (TptMatrixCanvas *self)
{
  return self->document != NULL
         ? g_list_model_get_n_items (tpt_document_get_personas (self->document)) : 0;
}

static void
moved (TptMatrixCanvas *self)
{
  const TptMatrixCell *cell = find_cell (self, self->need, self->persona);

  self->last_digit = 0;
  if (cell != NULL)
    tpt_artefact_view_scroll_to (self->view, &cell->rect);
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
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
  int digit = -1;

  g_return_val_if_fail (TPT_IS_MATRIX_CANVAS (self), FALSE);

  if (self->cells == NULL || self->cells->len == 0 ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  if (!self->has_cursor)
    {
      /* The first key only shows where typing goes. */
      self->has_cursor = TRUE;
      self->need = self->persona = 0;
      self->field = TPT_MATRIX_FIELD_IMPORTANCE;
      moved (self);
      return keyval != GDK_KEY_Escape;
    }

  switch (keyval)
    {
    case GDK_KEY_Left: case GDK_KEY_KP_Left:
      if (self->persona > 0)
        self->persona--;
      moved (self);
      return TRUE;
    case GDK_KEY_Right: case GDK_KEY_KP_Right:
      if (self->persona + 1 < n_personas (self))
        self->persona++;
      moved (self);
      return TRUE;
    case GDK_KEY_Up: case GDK_KEY_KP_Up:
      if (self->need > 0)
        self->need--;
      moved (self);
      return TRUE;
    case GDK_KEY_Down: case GDK_KEY_KP_Down: case GDK_KEY_Return: case GDK_KEY_KP_Enter:
      if (self->need + 1 < n_needs (self))
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
    case GDK_KEY_Escape:
      self->has_cursor = FALSE;
      gtk_widget_queue_draw (GTK_WIDGET (self->view));
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
 * tpt_matrix_canvas_click:
 * @x: where, in the matrix's coordinates
 * @y: where, in the matrix's coordinates
 *
 * Returns: whether the click landed on a rating cell, which takes the
 *   cursor
 */
gboolean
tpt_matrix_canvas_click (TptMatrixCanvas *self,
                         double           x,
                         double           y)
{
  g_return_val_if_fail (TPT_IS_MATRIX_CANVAS (self), FALSE);

  for (guint i = 0; self->cells != NULL && i < self->cells->len; i++)
    {
      const TptMatrixCell *cell = &g_array_index (self->cells, TptMatrixCell, i);

      if (cell->kind == TPT_MATRIX_CELL_RATING && tpt_rect_contains_point (&cell->rect, x, y))
        {
          self->has_cursor = TRUE;
          self->need = cell->need;
          self->persona = cell->persona;
          /* The upper half of a cell holds the importance. */
          self->field = y < cell->rect.y + cell->rect.height / 2 ? TPT_MATRIX_FIELD_IMPORTANCE
                                                                  : TPT_MATRIX_FIELD_SATISFACTION;
          moved (self);
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * tpt_matrix_canvas_draw:
 * @cr: drawing in the matrix's coordinates, scaled by @zoom
 *
 * Draws the cursor cell, and says which of its two numbers typing sets.
 */
void
tpt_matrix_canvas_draw (TptMatrixCanvas *self,
                        cairo_t         *cr,
                        double           zoom)
{
  const TptMatrixCell *cell;
  g_autoptr(PangoLayout) label = NULL;
  PangoFontDescription *font;
  GdkRGBA accent;
  double px = 1.0 / zoom;
  int width, height;

  g_return_if_fail (TPT_IS_MATRIX_CANVAS (self));

  if (!self->has_cursor || (cell = find_cell (self, self->need, self->persona)) == NULL)
    return;

  tpt_artefact_view_get_accent (self->view, &accent);

  cairo_save (cr);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 3 * px);
  cairo_rectangle (cr, cell->rect.x + 1.5 * px, cell->rect.y + 1.5 * px,
                   cell->rect.width - 3 * px, cell->rect.height - 3 * px);
  cairo_stroke (cr);

  /* A tab above the cell names the number that typing sets. */
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
  cairo_restore (cr);
}

/**
 * tpt_matrix_canvas_set_cells:
 * @document: (nullable): the document shown
 * @cells: (nullable) (element-type TptMatrixCell): where the cells are
 *   drawn now, or %NULL when the view shows something else
 */
void
tpt_matrix_canvas_set_cells (TptMatrixCanvas *self,
                             TptDocument     *document,
                             GArray          *cells)
{
  g_return_if_fail (TPT_IS_MATRIX_CANVAS (self));

  if (document != self->document)
    self->has_cursor = FALSE;
  g_set_object (&self->document, document);
  g_clear_pointer (&self->cells, g_array_unref);
  if (cells != NULL)
    self->cells = g_array_ref (cells);

  /* Needs or personas may have gone. */
  if (self->has_cursor && (self->need >= n_needs (self) || self->persona >= n_personas (self)))
    self->has_cursor = FALSE;
}

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

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TptMatrixCanvas       *self)
{
  if (tpt_artefact_view_get_artefact (self->view) != TPT_ARTEFACT_NEEDS_MATRIX)
    return FALSE;
  return tpt_matrix_canvas_key (self, keyval, state);
}

static void
tpt_matrix_canvas_finalize (GObject *object)
{
  TptMatrixCanvas *self = TPT_MATRIX_CANVAS (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->cells, g_array_unref);

  G_OBJECT_CLASS (tpt_matrix_canvas_parent_class)->finalize (object);
}

static void
tpt_matrix_canvas_class_init (TptMatrixCanvasClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tpt_matrix_canvas_finalize;
}

static void
tpt_matrix_canvas_init (TptMatrixCanvas *self)
{
}

/**
 * tpt_matrix_canvas_new:
 * @view: the view that shows the matrix, which owns the canvas
 *
 * Returns: (transfer full): the canvas, listening to @view's keys
 */
TptMatrixCanvas *
tpt_matrix_canvas_new (TptArtefactView *view)
{
  TptMatrixCanvas *self = g_object_new (TPT_TYPE_MATRIX_CANVAS, NULL);
  GtkEventController *keys = gtk_event_controller_key_new ();

  self->view = view;
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (view), keys);
  return self;
}
