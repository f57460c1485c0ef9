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
 * the cells are from the renderer. This file holds the cursor, how it
 * follows the window's selection, and drawing; input is in
 * tpt-matrix-canvas-input.c, actions and the context menu in
 * tpt-matrix-canvas-actions.c. */

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

guint
tpt_matrix_canvas_n_personas (TptMatrixCanvas *self)
{
  return self->document != NULL
         ? g_list_model_get_n_items (tpt_document_get_personas (self->document)) : 0;
}

/* The view shows a message instead of a matrix without needs or without
 * personas: then there are no rows to click, select or move, only room to
 * add a need. */
gboolean
tpt_matrix_canvas_has_rows (TptMatrixCanvas *self)
{
  return self->cells != NULL && tpt_matrix_canvas_n_needs (self) > 0 &&
         tpt_matrix_canvas_n_personas (self) > 0;
}

/* Where @item is in @model, or G_MAXUINT. */
guint
tpt_matrix_canvas_index_in (GListModel *model,
                            gpointer    item)
{
  for (guint i = 0; item != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }
  return G_MAXUINT;
}

static guint
index_of_need (TptMatrixCanvas *self,
               TptNeed         *need)
{
  if (self->document == NULL)
    return G_MAXUINT;
  return tpt_matrix_canvas_index_in (tpt_document_get_needs (self->document), need);
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

void
tpt_matrix_canvas_moved (TptMatrixCanvas *self)
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
  self->on_header = on_header || tpt_matrix_canvas_n_personas (self) == 0;
  if (!self->on_header)
    self->persona = MIN (self->persona, tpt_matrix_canvas_n_personas (self) - 1);
  tpt_matrix_canvas_moved (self);
}

void
tpt_matrix_canvas_hide_cursor (TptMatrixCanvas *self)
{
  self->has_cursor = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
  sync_current (self);
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

  /* Light enough that the heat of the ratings still reads through. */
  set_source_alpha (cr, accent, 0.10);
  cairo_rectangle (cr, row->rect.x, row->rect.y, row->rect.width, row->rect.height);
  cairo_fill (cr);
  set_source_alpha (cr, accent, self->on_header ? 0.24 : 0.14);
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
  /* The dark style's accent is light: dark text on it, as GTK does. */
  if (0.2126 * accent->red + 0.7152 * accent->green + 0.0722 * accent->blue > 0.5)
    cairo_set_source_rgba (cr, 0, 0, 0, 0.8);
  else
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
      if (!tpt_matrix_canvas_has_rows (self))
        self->has_cursor = FALSE;
      else
        self->persona = MIN (self->persona, tpt_matrix_canvas_n_personas (self) - 1);
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

  index = tpt_matrix_canvas_has_rows (self) ? index_of_need (self, need) : G_MAXUINT;
  self->following = TRUE;
  if (index == G_MAXUINT)
    {
      if (self->has_cursor)
        tpt_matrix_canvas_hide_cursor (self);
    }
  else if (TPT_IS_RATING (node))
    {
      TptPersona *persona = tpt_document_lookup_typed (self->document,
                                                       tpt_rating_get_persona (TPT_RATING (node)),
                                                       TPT_TYPE_PERSONA);
      guint p = tpt_matrix_canvas_index_in (tpt_document_get_personas (self->document), persona);

      if (p != G_MAXUINT)
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

  self->view = view;
  gtk_widget_insert_action_group (widget, "matrix", G_ACTION_GROUP (self->actions));

  tpt_matrix_canvas_add_controllers (self);
  tpt_matrix_canvas_setup_rename (self);
  tpt_matrix_canvas_update_actions (self);
  return self;
}
