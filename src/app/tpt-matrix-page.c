/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-matrix-page"

#include "config.h"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tpt-matrix-page-private.h"

#include "tpt-link.h"
#include "tpt-need-move-tool.h"

/* Editing on the needs matrix, as in a spreadsheet: arrows move between
 * cells, digits type the importance or, after Tab, the satisfaction (0 to
 * 10; "1" then "0" quickly is 10), Delete clears, plus and minus step. Left
 * of the first rating is the need's row header, which selects the need
 * itself: there F2 renames it, Delete deletes it, Alt+Up and Alt+Down move
 * it, and its header can be dragged to another row. A key is one undo step.
 * The page draws the matrix as export does, the cursor over it, and knows
 * where the cells are from the renderer. This file holds the cursor, how it
 * follows the window's selection, and drawing; input is in
 * tpt-matrix-page-input.c, actions and the context menu in
 * tpt-matrix-page-actions.c. */

G_DEFINE_FINAL_TYPE (TptMatrixPage, tpt_matrix_page, TPT_TYPE_CANVAS)

/* Where @kind of need @need is drawn; @persona counts for ratings only. */
const TptMatrixCell *
tpt_matrix_page_find (TptMatrixPage   *self,
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
tpt_matrix_page_n_needs (TptMatrixPage *self)
{
  return self->document != NULL
         ? g_list_model_get_n_items (tpt_document_get_needs (self->document)) : 0;
}

guint
tpt_matrix_page_n_personas (TptMatrixPage *self)
{
  return self->document != NULL
         ? g_list_model_get_n_items (tpt_document_get_personas (self->document)) : 0;
}

/* The view shows a message instead of a matrix without needs or without
 * personas: then there are no rows to click, select or move, only room to
 * add a need. */
gboolean
tpt_matrix_page_has_rows (TptMatrixPage *self)
{
  return self->cells->len > 0 && tpt_matrix_page_n_needs (self) > 0 &&
         tpt_matrix_page_n_personas (self) > 0;
}

/* Where @item is in @model, or G_MAXUINT. */
guint
tpt_matrix_page_index_in (GListModel *model,
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

/* Keeps the need the cursor is on, and makes it the window's selection:
 * the outline and the inspector show it. With the cursor gone, the
 * selection is emptied if it was the matrix's. */
static void
sync_current (TptMatrixPage *self)
{
  g_autoptr(TptNeed) need = NULL;
  TptSelection *selection = tpt_canvas_get_selection (TPT_CANVAS (self));

  if (self->has_cursor && self->document != NULL)
    need = g_list_model_get_item (tpt_document_get_needs (self->document), self->need);

  g_set_object (&self->current, need);
  tpt_matrix_page_update_actions (self);
  if (self->following || selection == NULL)
    return;
  if (need != NULL)
    tpt_selection_select (selection, TPT_NODE (need));
  else if (TPT_IS_NEED (tpt_selection_get_primary (selection)) ||
           TPT_IS_RATING (tpt_selection_get_primary (selection)))
    tpt_selection_clear (selection);
}

/* Tells the window again which need is selected, after needs moved. */
void
tpt_matrix_page_announce (TptMatrixPage *self)
{
  sync_current (self);
}

static void
scroll_to_cursor (TptMatrixPage *self)
{
  const TptMatrixCell *cell;

  if (!self->has_cursor)
    return;
  cell = self->on_header
         ? tpt_matrix_page_find (self, TPT_MATRIX_CELL_NEED, self->need, 0)
         : tpt_matrix_page_find (self, TPT_MATRIX_CELL_RATING, self->need, self->persona);
  if (cell != NULL)
    tpt_canvas_scroll_to (TPT_CANVAS (self), &cell->rect);
}

void
tpt_matrix_page_moved (TptMatrixPage *self)
{
  self->last_digit = 0;
  /* The rows may be about to move (a need added, moved or deleted): look
   * again once they are laid out. */
  self->scroll_pending = TRUE;
  scroll_to_cursor (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  sync_current (self);
}

void
tpt_matrix_page_move_to_need (TptMatrixPage *self,
                                guint            need,
                                gboolean         on_header)
{
  g_assert (TPT_IS_MATRIX_PAGE (self));

  self->has_cursor = TRUE;
  self->need = need;
  /* Without personas there are no ratings to be on. */
  self->on_header = on_header || tpt_matrix_page_n_personas (self) == 0;
  if (!self->on_header)
    self->persona = MIN (self->persona, tpt_matrix_page_n_personas (self) - 1);
  tpt_matrix_page_moved (self);
}

void
tpt_matrix_page_hide_cursor (TptMatrixPage *self)
{
  self->has_cursor = FALSE;
  gtk_widget_queue_draw (GTK_WIDGET (self));
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
draw_row (TptMatrixPage *self,
          cairo_t         *cr,
          const GdkRGBA   *accent,
          double           px)
{
  const TptMatrixCell *row = tpt_matrix_page_find (self, TPT_MATRIX_CELL_ROW, self->need, 0);
  const TptMatrixCell *header = tpt_matrix_page_find (self, TPT_MATRIX_CELL_NEED, self->need, 0);

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

/* The rating cursor, with a tab that says which of the cell's two numbers
 * typing sets. */
static void
draw_cell (TptMatrixPage *self,
           cairo_t         *cr,
           const GdkRGBA   *accent,
           double           px)
{
  const TptMatrixCell *cell = tpt_matrix_page_find (self, TPT_MATRIX_CELL_RATING, self->need,
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

  label = gtk_widget_create_pango_layout (GTK_WIDGET (self),
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

static void
tpt_matrix_page_draw (TptCanvas      *canvas,
                      cairo_t        *cr,
                      const TptTheme *theme)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (canvas);

  tpt_matrix_render_filtered (cr, tpt_canvas_get_text_context (canvas), self->document, theme,
                              tpt_canvas_get_filter (canvas));
}

/* While comparing: each need and rating that changed. */
static void
mark_changes (TptMatrixPage *self,
              cairo_t       *cr)
{
  GListModel *needs, *personas;

  if (self->document == NULL)
    return;
  needs = tpt_document_get_needs (self->document);
  personas = tpt_document_get_personas (self->document);
  for (guint i = 0; self->cells != NULL && i < self->cells->len; i++)
    {
      const TptMatrixCell *cell = &g_array_index (self->cells, TptMatrixCell, i);
      g_autoptr(TptNode) need = g_list_model_get_item (needs, cell->need);
      g_autoptr(TptNode) persona = NULL;
      g_autofree char *key = NULL;

      if (need == NULL || cell->kind == TPT_MATRIX_CELL_ROW)
        continue;
      if (cell->kind == TPT_MATRIX_CELL_RATING)
        {
          persona = g_list_model_get_item (personas, cell->persona);
          if (persona == NULL)
            continue;
          /* A rating's key in a diff: its persona's id and its need's. */
          key = g_strdup_printf ("%s %s", tpt_node_get_id (persona), tpt_node_get_id (need));
        }
      tpt_canvas_mark_change (TPT_CANVAS (self), cr, &cell->rect,
                              key != NULL ? key : tpt_node_get_id (need));
    }
}

/* The cursor's row and cell over the matrix; a drag draws itself. */
static void
tpt_matrix_page_draw_overlay (TptCanvas *canvas,
                              cairo_t   *cr,
                              double     px)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (canvas);
  GdkRGBA accent;

  tpt_canvas_get_accent (canvas, &accent);
  if (tpt_canvas_get_changes (canvas) != NULL)
    mark_changes (self, cr);
  if (self->has_cursor && self->need < tpt_matrix_page_n_needs (self))
    {
      draw_row (self, cr, &accent, px);
      if (!self->on_header)
        draw_cell (self, cr, &accent, px);
    }
}

static gboolean
tpt_matrix_page_get_placeholder (TptCanvas   *canvas,
                                 const char **title,
                                 const char **body)
{
  if (tpt_matrix_page_has_rows (TPT_MATRIX_PAGE (canvas)))
    return FALSE;
  *title = _("No Needs Matrix Yet");
  *body = _("The matrix rates how much each need matters to each persona. "
            "Add personas and needs from the outline.");
  return TRUE;
}

/* ------------------------------------------------------------------------------ */
/* Following the document and the window                                          */

static void
tpt_matrix_page_relayout (TptCanvas *canvas,
                          double    *width,
                          double    *height)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (canvas);
  PangoContext *context = tpt_canvas_get_text_context (canvas);
  guint n, index;

  g_array_set_size (self->cells, 0);
  g_array_set_size (self->links, 0);
  if (self->document == NULL)
    return;

  tpt_matrix_measure_filtered (context, self->document, tpt_canvas_get_filter (canvas), width,
                               height);
  tpt_matrix_collect_links_filtered (context, self->document, tpt_canvas_get_filter (canvas),
                                     self->links, self->cells);

  n = tpt_matrix_page_n_needs (self);
  if (self->has_cursor)
    {
      index = tpt_matrix_page_index_in (tpt_document_get_needs (self->document), self->current);
      if (index != G_MAXUINT)
        self->need = index;
      else if (n > 0)
        {
          /* Gone: the row that took its place, or the last. */
          self->need = MIN (self->need, n - 1);
          self->on_header = TRUE;
        }
      if (!tpt_matrix_page_has_rows (self))
        self->has_cursor = FALSE;
      else
        self->persona = MIN (self->persona, tpt_matrix_page_n_personas (self) - 1);
      sync_current (self);
    }

  if (self->scroll_pending)
    {
      self->scroll_pending = FALSE;
      scroll_to_cursor (self);
    }
  if (tpt_canvas_is_editing (canvas) && self->renaming != NULL)
    {
      const TptMatrixCell *header;

      index = tpt_matrix_page_index_in (tpt_document_get_needs (self->document), self->renaming);
      header = tpt_matrix_page_find (self, TPT_MATRIX_CELL_NEED, index, 0);
      if (header != NULL)
        tpt_canvas_set_edit_rect (canvas, &header->rect);
      else
        tpt_canvas_end_edit (canvas, TPT_EDITOR_END_CANCEL);
    }
  if (self->pending_rename != NULL)
    {
      g_autoptr(TptNeed) need = g_steal_pointer (&self->pending_rename);

      if (tpt_matrix_page_index_in (tpt_document_get_needs (self->document), need) != G_MAXUINT)
        tpt_matrix_page_open_rename (self, need);
    }
  tpt_matrix_page_update_actions (self);
}

/* Follows the window's selection, as made in the outline: the cursor
 * goes to the need's row (keeping to the row header or a rating as it
 * was), or to the rating's cell, and the matrix scrolls there; anything
 * else hides the cursor. */
static void
tpt_matrix_page_selection_changed (TptCanvas *canvas)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (canvas);
  TptSelection *selection = tpt_canvas_get_selection (canvas);
  TptNode *node = selection != NULL ? tpt_selection_get_primary (selection) : NULL;
  TptNeed *need = NULL;
  guint index;

  if (TPT_IS_NEED (node))
    need = TPT_NEED (node);
  else if (TPT_IS_RATING (node) && self->document != NULL)
    need = tpt_document_lookup_typed (self->document, tpt_rating_get_need (TPT_RATING (node)),
                                      TPT_TYPE_NEED);

  index = tpt_matrix_page_has_rows (self)
          ? tpt_matrix_page_index_in (tpt_document_get_needs (self->document), need) : G_MAXUINT;
  self->following = TRUE;
  if (index == G_MAXUINT)
    {
      if (self->has_cursor)
        tpt_matrix_page_hide_cursor (self);
    }
  else if (TPT_IS_RATING (node))
    {
      TptPersona *persona = tpt_document_lookup_typed (self->document,
                                                       tpt_rating_get_persona (TPT_RATING (node)),
                                                       TPT_TYPE_PERSONA);
      guint p = tpt_matrix_page_index_in (tpt_document_get_personas (self->document), persona);

      if (p != G_MAXUINT)
        self->persona = p;
      tpt_matrix_page_move_to_need (self, index, FALSE);
    }
  else if (!self->has_cursor || need != self->current)
    tpt_matrix_page_move_to_need (self, index, self->has_cursor ? self->on_header : TRUE);
  self->following = FALSE;
}

static gboolean
tpt_matrix_page_locate (TptCanvas  *canvas,
                        TptNode    *node,
                        const char *part,
                        TptRect    *rect)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (canvas);
  const TptMatrixCell *cell = NULL;
  guint need, persona;

  if (self->document == NULL)
    return FALSE;
  if (TPT_IS_NEED (node))
    {
      need = tpt_matrix_page_index_in (tpt_document_get_needs (self->document), node);
      if (g_strcmp0 (part, "row") == 0)
        cell = tpt_matrix_page_find (self, TPT_MATRIX_CELL_ROW, need, 0);
      else if (part != NULL && g_str_has_prefix (part, "rating:"))
        {
          TptNode *p = tpt_document_lookup (self->document, part + strlen ("rating:"));

          persona = TPT_IS_PERSONA (p) ? tpt_matrix_page_index_in (tpt_document_get_personas (self->document), p)
                                       : G_MAXUINT;
          cell = tpt_matrix_page_find (self, TPT_MATRIX_CELL_RATING, need, persona);
        }
      else
        cell = tpt_matrix_page_find (self, TPT_MATRIX_CELL_NEED, need, 0);
    }
  else
    {
      /* A card the coverage column names. */
      for (guint i = 0; i < self->links->len; i++)
        if (g_array_index (self->links, TptLink, i).node == node)
          {
            *rect = g_array_index (self->links, TptLink, i).rect;
            return TRUE;
          }
    }
  if (cell == NULL)
    return FALSE;
  *rect = cell->rect;
  return TRUE;
}

static void
tpt_matrix_page_reset (TptCanvas *canvas)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (canvas);

  /* The cursor is the matrix's own: it goes with the document. */
  self->document = tpt_canvas_get_document (canvas);
  self->has_cursor = FALSE;
  g_clear_object (&self->current);
  g_clear_object (&self->pending_rename);
  g_clear_object (&self->renaming);
}

/**
 * tpt_matrix_page_get_selected_need:
 *
 * Returns: (transfer none) (nullable): the need the cursor is on, on its
 *   row header or on one of its ratings
 */
TptNeed *
tpt_matrix_page_get_selected_need (TptMatrixPage *self)
{
  g_return_val_if_fail (TPT_IS_MATRIX_PAGE (self), NULL);

  return self->has_cursor ? self->current : NULL;
}

/**
 * tpt_matrix_page_is_on_need:
 *
 * Returns: whether the cursor is on a need's row header, selecting the need
 *   itself rather than one of its ratings
 */
gboolean
tpt_matrix_page_is_on_need (TptMatrixPage *self)
{
  g_return_val_if_fail (TPT_IS_MATRIX_PAGE (self), FALSE);

  return self->has_cursor && self->on_header;
}

/**
 * tpt_matrix_page_get_cursor:
 * @need: (out) (optional): the cursor's need, an index
 * @persona: (out) (optional): its persona, an index; meaningless on a row
 *   header
 * @field: (out) (optional): which number of the rating typing sets
 *
 * Returns: whether the cursor shows
 */
gboolean
tpt_matrix_page_get_cursor (TptMatrixPage  *self,
                            guint          *need,
                            guint          *persona,
                            TptMatrixField *field)
{
  g_return_val_if_fail (TPT_IS_MATRIX_PAGE (self), FALSE);

  if (need != NULL)
    *need = self->need;
  if (persona != NULL)
    *persona = self->persona;
  if (field != NULL)
    *field = self->field;
  return self->has_cursor;
}

/* ------------------------------------------------------------------------------ */

static void
tpt_matrix_page_dispose (GObject *object)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (object);

  self->document = NULL;
  g_clear_object (&self->renaming);
  g_clear_object (&self->pending_rename);
  g_clear_object (&self->current);

  G_OBJECT_CLASS (tpt_matrix_page_parent_class)->dispose (object);
}

static void
tpt_matrix_page_finalize (GObject *object)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (object);

  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->links, g_array_unref);

  G_OBJECT_CLASS (tpt_matrix_page_parent_class)->finalize (object);
}

static void
tpt_matrix_page_class_init (TptMatrixPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TptCanvasClass *canvas_class = TPT_CANVAS_CLASS (klass);

  object_class->dispose = tpt_matrix_page_dispose;
  object_class->finalize = tpt_matrix_page_finalize;

  canvas_class->relayout = tpt_matrix_page_relayout;
  canvas_class->draw = tpt_matrix_page_draw;
  canvas_class->draw_overlay = tpt_matrix_page_draw_overlay;
  canvas_class->get_placeholder = tpt_matrix_page_get_placeholder;
  canvas_class->locate = tpt_matrix_page_locate;
  canvas_class->selection_changed = tpt_matrix_page_selection_changed;
  canvas_class->reset = tpt_matrix_page_reset;

  tpt_matrix_page_class_add_keys (widget_class);
  tpt_matrix_page_class_add_actions (widget_class);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tpt_matrix_page_init (TptMatrixPage *self)
{
  g_autoptr(TptTool) move = tpt_need_move_tool_new ();

  self->cells = g_array_new (FALSE, FALSE, sizeof (TptMatrixCell));
  self->links = tpt_link_array_new ();
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Needs matrix"), -1);
  tpt_canvas_add_tool (TPT_CANVAS (self), move);
}

GtkWidget *
tpt_matrix_page_new (void)
{
  return g_object_new (TPT_TYPE_MATRIX_PAGE, NULL);
}
