/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-matrix-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tpt-matrix-page-private.h"

#include "tpt-need-order.h"
#include "tpt-node-edits.h"

/* The needs on the matrix: adding, renaming, moving, deleting and sorting
 * them, as matrix.* actions shared by the keys, the context menu and the
 * window; each one labelled undo step. */

static const struct
{
  TptNeedOrder  order;
  const char   *nick;
  const char   *label;
} orders[] = {
  { TPT_NEED_ORDER_IMPORTANCE, "importance", N_("By _Importance") },
  { TPT_NEED_ORDER_OPPORTUNITY, "opportunity", N_("By _Opportunity") },
  { TPT_NEED_ORDER_COVERAGE, "coverage", N_("By _Coverage, Gaps First") },
};

static TptNeed *
cursor_need (TptMatrixPage *self)
{
  return tpt_matrix_page_get_selected_need (self);
}

static void
show_toast (TptMatrixPage *self,
            const char    *message,
            gboolean       undoable)
{
  tpt_canvas_toast (TPT_CANVAS (self), message, undoable);
}

/* Moves need @need (an index) to @position, counted as in
 * tpt_document_move_need(): in the list before the need leaves it. The
 * cursor goes with it. */
void
tpt_matrix_page_move_need (TptMatrixPage *self,
                             guint            need,
                             guint            position)
{
  g_autoptr(TptNeed) moving = g_list_model_get_item (tpt_document_get_needs (self->document), need);

  if (moving == NULL)
    return;
  tpt_document_move_need (self->document, moving, position);
  tpt_matrix_page_move_to_need (self, position > need ? position - 1 : position,
                                  self->on_header);
  tpt_matrix_page_announce (self);
}

static void
add_need (TptMatrixPage *self,
          gboolean         above)
{
  g_autoptr(TptNeed) need = tpt_need_new (self->document);
  guint n = tpt_matrix_page_n_needs (self);
  guint position = n;

  if (self->has_cursor && self->need < n)
    position = above ? self->need : self->need + 1;

  tpt_need_set_title (need, _("New Need"));
  tpt_document_begin (self->document, _("Add Need"));
  tpt_document_insert_need (self->document, position, need);
  tpt_document_end (self->document);

  tpt_matrix_page_move_to_need (self, position, TRUE);
  /* A new thing is named next, as in the outline; the popover points at
   * the need's row, which is there once the matrix is laid out again. */
  g_set_object (&self->pending_rename, need);
}

static void
delete_need (TptMatrixPage *self)
{
  g_autoptr(TptNeed) need = NULL;
  g_autofree char *message = NULL;
  const char *title;
  guint index = self->need;

  if (cursor_need (self) == NULL)
    return;

  need = g_object_ref (cursor_need (self));
  title = tpt_need_get_title (need);
  /* The same words as the outline's, for the same deed. */
  message = g_strdup_printf (_("“%s” deleted"), title != NULL && *title ? title : _("Untitled Need"));
  tpt_node_edits_delete (self->document, TPT_NODE (need));

  /* The cursor stays in place: on the row that took the deleted one's. */
  if (tpt_matrix_page_n_needs (self) > 0)
    tpt_matrix_page_move_to_need (self, MIN (index, tpt_matrix_page_n_needs (self) - 1), TRUE);
  else
    tpt_matrix_page_hide_cursor (self);
  show_toast (self, message, TRUE);
}

static void
sort_needs (TptMatrixPage *self,
            const char      *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    if (g_str_equal (nick, orders[i].nick))
      {
        if (tpt_need_order_apply (self->document, orders[i].order))
          {
            /* Stay with the need, wherever it went. */
            guint index = tpt_matrix_page_index_in (tpt_document_get_needs (self->document),
                                                      self->current);

            if (self->has_cursor && index != G_MAXUINT)
              tpt_matrix_page_move_to_need (self, index, self->on_header);
            tpt_matrix_page_announce (self);
          }
        else
          show_toast (self, _("The needs are in that order already"), FALSE);
        return;
      }
}

static void
need_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (widget);
  const char *name = action_name + strlen ("matrix.");
  const char *where = parameter != NULL ? g_variant_get_string (parameter, NULL) : "";
  TptNeed *need = cursor_need (self);

  if (self->document == NULL || tpt_canvas_is_editing (TPT_CANVAS (self)))
    return;

  if (g_str_equal (name, "add-need"))
    add_need (self, g_str_equal (where, "above"));
  else if (g_str_equal (name, "sort-needs"))
    sort_needs (self, where);
  else if (need == NULL)
    return;
  else if (g_str_equal (name, "rename-need"))
    tpt_matrix_page_open_rename (self, need);
  else if (g_str_equal (name, "delete-need"))
    delete_need (self);
  else if (g_str_equal (name, "clear-rating"))
    gtk_widget_activate_action (widget, "matrix.clear", NULL);
  else if (g_str_equal (name, "move-need"))
    {
      gboolean up = g_str_equal (where, "up");

      if ((up && self->need == 0) || (!up && self->need + 1 >= tpt_matrix_page_n_needs (self)))
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          return;
        }
      /* Down past the next need is to the position after it. */
      tpt_matrix_page_move_need (self, self->need, up ? self->need - 1 : self->need + 2);
    }
}

static const char * const rating_keys[] = {
  "cursor", "next-field", "enter", "clear", "step", "digit",
};

static void
update_enabled (TptMatrixPage *self,
                const char    *name,
                gboolean       enabled)
{
  g_autofree char *full = g_strconcat ("matrix.", name, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), full, enabled);
}

void
tpt_matrix_page_update_actions (TptMatrixPage *self)
{
  gboolean shown = self->document != NULL && tpt_matrix_page_n_needs (self) > 0;
  gboolean need = shown && cursor_need (self) != NULL;

  update_enabled (self, "add-need", self->document != NULL);
  update_enabled (self, "rename-need", need);
  update_enabled (self, "move-need", need && tpt_matrix_page_n_needs (self) > 1);
  update_enabled (self, "delete-need", need);
  update_enabled (self, "clear-rating", need && !self->on_header);
  update_enabled (self, "sort-needs", shown && tpt_matrix_page_n_needs (self) > 1);
  /* The rating keys, where there are ratings to be on. */
  for (guint i = 0; i < G_N_ELEMENTS (rating_keys); i++)
    update_enabled (self, rating_keys[i], tpt_matrix_page_has_rows (self));
}

/* The context menu ------------------------------------------------------------- */

/* A menu item that shows the key that does the same. */
static void
append_item (GMenu      *menu,
             const char *label,
             const char *detailed_action,
             const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, detailed_action);

  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

static GMenuModel *
sort_menu (void)
{
  GMenu *menu = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_(orders[i].label), NULL);

      g_menu_item_set_action_and_target (item, "matrix.sort-needs", "s", orders[i].nick);
      g_menu_append_item (menu, item);
    }
  return G_MENU_MODEL (menu);
}

static GMenuModel *
context_menu_model (TptMatrixPage *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) sort = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  g_autoptr(GMenuModel) orders_menu = sort_menu ();

  if (cursor_need (self) != NULL)
    {
      append_item (edit, _("_Rename Need"), "matrix.rename-need", "F2");
      /* Delete clears the one value the cursor is on; the item says which. */
      if (!self->on_header)
        append_item (edit, self->field == TPT_MATRIX_FIELD_IMPORTANCE ? _("_Clear Importance")
                                                                      : _("_Clear Satisfaction"),
                     "matrix.clear-rating", "Delete");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
      append_item (add, _("Add Need _Above"), "matrix.add-need::above", "<Control><Shift>Up");
      append_item (add, _("Add Need _Below"), "matrix.add-need::below", "Insert");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (add));
      append_item (move, _("Move _Up"), "matrix.move-need::up", "<Alt>Up");
      append_item (move, _("Move Do_wn"), "matrix.move-need::down", "<Alt>Down");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (move));
      /* On a rating, Delete clears it; the need goes from its header. */
      append_item (remove, _("_Delete Need"), "matrix.delete-need",
                   self->on_header ? "Delete" : NULL);
    }
  else
    {
      append_item (add, _("_Add Need"), "matrix.add-need::below", "Insert");
      g_menu_append_section (menu, NULL, G_MENU_MODEL (add));
    }
  g_menu_append_submenu (sort, _("_Sort Needs"), orders_menu);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (sort));
  if (g_menu_model_get_n_items (G_MENU_MODEL (remove)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (menu);
}

/* Pops the menu up at a point in the matrix's coordinates. */
void
tpt_matrix_page_popup_menu (TptMatrixPage *self,
                              double           x,
                              double           y)
{
  g_autoptr(GMenuModel) model = NULL;

  if (self->document == NULL)
    return;
  model = context_menu_model (self);
  tpt_canvas_popup_menu (TPT_CANVAS (self), model, x, y);
}

/* For the Menu key: at the cursor, or at the top of the matrix. */
void
tpt_matrix_page_popup_menu_at_cursor (TptMatrixPage *self)
{
  const TptMatrixCell *cell = NULL;

  if (self->has_cursor)
    cell = self->on_header
           ? tpt_matrix_page_find (self, TPT_MATRIX_CELL_NEED, self->need, 0)
           : tpt_matrix_page_find (self, TPT_MATRIX_CELL_RATING, self->need, self->persona);
  if (cell == NULL)
    cell = tpt_matrix_page_find (self, TPT_MATRIX_CELL_NEED, 0, 0);
  if (cell != NULL)
    tpt_matrix_page_popup_menu (self, cell->rect.x + 8, cell->rect.y + 8);
  else
    tpt_matrix_page_popup_menu (self, 48, 48);
}

/* Renaming --------------------------------------------------------------------- */

/* A need is renamed in place, over its label, as in the outline: one undo
 * step when the name changed, none otherwise. */
static void
rename_done (TptCanvas    *canvas,
             const char   *text,
             TptEditorEnd  end,
             gpointer      data)
{
  TptMatrixPage *self = TPT_MATRIX_PAGE (canvas);
  g_autoptr(TptNeed) need = g_steal_pointer (&self->renaming);

  if (end == TPT_EDITOR_END_CANCEL || need == NULL || self->document == NULL ||
      !tpt_node_is_attached (TPT_NODE (need)) || *text == '\0')
    return;
  if (g_strcmp0 (tpt_need_get_title (need), text) != 0)
    tpt_node_edits_set_name (self->document, TPT_NODE (need), text);
}

void
tpt_matrix_page_open_rename (TptMatrixPage *self,
                             TptNeed       *need)
{
  const TptMatrixCell *header;
  guint index;

  if (self->document == NULL ||
      (index = tpt_matrix_page_index_in (tpt_document_get_needs (self->document),
                                         need)) == G_MAXUINT ||
      (header = tpt_matrix_page_find (self, TPT_MATRIX_CELL_NEED, index, 0)) == NULL)
    return;

  tpt_canvas_end_edit (TPT_CANVAS (self), TPT_EDITOR_END_COMMIT);
  g_set_object (&self->renaming, need);
  tpt_canvas_edit (TPT_CANVAS (self), &header->rect, tpt_need_get_title (need), _("Need"),
                   FALSE, TRUE, rename_done, NULL, NULL);
}

/* ------------------------------------------------------------------ */

/**
 * tpt_matrix_page_class_add_actions:
 * @widget_class: the page's class
 *
 * The actions on needs, shared by the context menu, the window's sort
 * button and the keys bound to them here.
 */
void
tpt_matrix_page_class_add_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "matrix.add-need", "s", need_action);
  gtk_widget_class_install_action (widget_class, "matrix.rename-need", NULL, need_action);
  gtk_widget_class_install_action (widget_class, "matrix.move-need", "s", need_action);
  gtk_widget_class_install_action (widget_class, "matrix.delete-need", NULL, need_action);
  gtk_widget_class_install_action (widget_class, "matrix.clear-rating", NULL, need_action);
  gtk_widget_class_install_action (widget_class, "matrix.sort-needs", "s", need_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0,
                                       "matrix.add-need", "s", "below");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, 0,
                                       "matrix.add-need", "s", "below");
  /* As lanes are added on a blueprint: Ctrl+Shift and the arrow says where. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "matrix.add-need", "s", "above");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "matrix.add-need", "s", "below");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "matrix.move-need", "s", "up");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "matrix.move-need", "s", "down");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "matrix.rename-need", NULL);
}
