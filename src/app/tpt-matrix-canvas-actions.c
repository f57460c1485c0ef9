/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-matrix-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-matrix-canvas-private.h"

#include "tpt-need-order.h"
#include "tpt-node-edits.h"
#include "tpt-window.h"

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
cursor_need (TptMatrixCanvas *self)
{
  return tpt_matrix_canvas_get_selected_need (self);
}

static void
show_toast (TptMatrixCanvas *self,
            const char      *message,
            gboolean         undoable)
{
  GtkRoot *root = self->view != NULL ? gtk_widget_get_root (GTK_WIDGET (self->view)) : NULL;

  if (TPT_IS_WINDOW (root))
    tpt_window_show_toast (TPT_WINDOW (root), message, undoable);
}

/* Moves need @need (an index) to @position, counted as in
 * tpt_document_move_need(): in the list before the need leaves it. The
 * cursor goes with it. */
void
tpt_matrix_canvas_move_need (TptMatrixCanvas *self,
                             guint            need,
                             guint            position)
{
  g_autoptr(TptNeed) moving = g_list_model_get_item (tpt_document_get_needs (self->document), need);

  if (moving == NULL)
    return;
  tpt_document_move_need (self->document, moving, position);
  tpt_matrix_canvas_move_to_need (self, position > need ? position - 1 : position,
                                  self->on_header);
  tpt_matrix_canvas_announce (self);
}

static void
add_need (TptMatrixCanvas *self,
          gboolean         above)
{
  g_autoptr(TptNeed) need = tpt_need_new (self->document);
  guint n = tpt_matrix_canvas_n_needs (self);
  guint position = n;

  if (self->has_cursor && self->need < n)
    position = above ? self->need : self->need + 1;

  tpt_need_set_title (need, _("New Need"));
  tpt_document_begin (self->document, _("Add Need"));
  tpt_document_insert_need (self->document, position, need);
  tpt_document_end (self->document);

  tpt_matrix_canvas_move_to_need (self, position, TRUE);
  /* A new thing is named next, as in the outline; the popover points at
   * the need's row, which is there once the matrix is laid out again. */
  g_set_object (&self->pending_rename, need);
}

static void
delete_need (TptMatrixCanvas *self)
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
  if (tpt_matrix_canvas_n_needs (self) > 0)
    tpt_matrix_canvas_move_to_need (self, MIN (index, tpt_matrix_canvas_n_needs (self) - 1), TRUE);
  else
    tpt_matrix_canvas_select_node (self, NULL);
  show_toast (self, message, TRUE);
}

static void
sort_needs (TptMatrixCanvas *self,
            const char      *nick)
{
  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    if (g_str_equal (nick, orders[i].nick))
      {
        if (tpt_need_order_apply (self->document, orders[i].order))
          {
            /* Stay with the need, wherever it went. */
            guint index = tpt_matrix_canvas_index_in (tpt_document_get_needs (self->document),
                                                      self->current);

            if (self->has_cursor && index != G_MAXUINT)
              tpt_matrix_canvas_move_to_need (self, index, self->on_header);
            tpt_matrix_canvas_announce (self);
          }
        else
          show_toast (self, _("The needs are in that order already"), FALSE);
        return;
      }
}

static void
need_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TptMatrixCanvas *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  const char *where = parameter != NULL ? g_variant_get_string (parameter, NULL) : "";
  TptNeed *need = cursor_need (self);

  if (self->document == NULL)
    return;

  if (g_str_equal (name, "add-need"))
    add_need (self, g_str_equal (where, "above"));
  else if (g_str_equal (name, "sort-needs"))
    sort_needs (self, where);
  else if (need == NULL)
    return;
  else if (g_str_equal (name, "rename-need"))
    tpt_matrix_canvas_open_rename (self, need);
  else if (g_str_equal (name, "delete-need"))
    delete_need (self);
  else if (g_str_equal (name, "clear-rating"))
    tpt_matrix_canvas_key (self, GDK_KEY_Delete, 0);
  else if (g_str_equal (name, "move-need"))
    {
      gboolean up = g_str_equal (where, "up");

      if ((up && self->need == 0) || (!up && self->need + 1 >= tpt_matrix_canvas_n_needs (self)))
        {
          if (self->view != NULL)
            gtk_widget_error_bell (GTK_WIDGET (self->view));
          return;
        }
      /* Down past the next need is to the position after it. */
      tpt_matrix_canvas_move_need (self, self->need, up ? self->need - 1 : self->need + 2);
    }
}

static const GActionEntry action_entries[] = {
  { "add-need", need_action, "s" },
  { "rename-need", need_action },
  { "move-need", need_action, "s" },
  { "delete-need", need_action },
  { "clear-rating", need_action },
  { "sort-needs", need_action, "s" },
};

void
tpt_matrix_canvas_add_actions (TptMatrixCanvas *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
}

static void
enable (TptMatrixCanvas *self,
        const char      *name,
        gboolean         enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
tpt_matrix_canvas_update_actions (TptMatrixCanvas *self)
{
  gboolean shown = self->document != NULL && self->cells != NULL;
  gboolean need = shown && cursor_need (self) != NULL;

  enable (self, "add-need", shown);
  enable (self, "rename-need", need);
  enable (self, "move-need", need && tpt_matrix_canvas_n_needs (self) > 1);
  enable (self, "delete-need", need);
  enable (self, "clear-rating", need && !self->on_header);
  enable (self, "sort-needs", shown && tpt_matrix_canvas_n_needs (self) > 1);
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
context_menu_model (TptMatrixCanvas *self)
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
      if (!self->on_header)
        append_item (edit, _("_Clear Rating"), "matrix.clear-rating", "Delete");
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

void
tpt_matrix_canvas_menu_closed_cb (TptMatrixCanvas *self)
{
  GtkWidget *menu = g_steal_pointer (&self->menu);

  if (menu != NULL)
    {
      gtk_widget_unparent (menu);
      g_object_unref (menu);
    }
}

/* Pops the menu up at a point in the matrix's coordinates. */
void
tpt_matrix_canvas_popup_menu (TptMatrixCanvas *self,
                              double           x,
                              double           y)
{
  g_autoptr(GMenuModel) model = NULL;
  double wx, wy;

  if (self->view == NULL || self->document == NULL)
    return;
  if (self->menu != NULL)
    tpt_matrix_canvas_menu_closed_cb (self);

  model = context_menu_model (self);
  tpt_artefact_view_content_to_widget (self->view, x, y, &wx, &wy);
  self->menu = g_object_ref_sink (gtk_popover_menu_new_from_model (model));
  gtk_widget_set_parent (self->menu, GTK_WIDGET (self->view));
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
  gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu),
                               &(GdkRectangle) { (int) wx, (int) wy, 1, 1 });
  g_signal_connect_swapped (self->menu, "closed", G_CALLBACK (tpt_matrix_canvas_menu_closed_cb),
                            self);
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

/* For the Menu key: at the cursor, or at the top of the matrix. */
void
tpt_matrix_canvas_popup_menu_at_cursor (TptMatrixCanvas *self)
{
  const TptMatrixCell *cell = NULL;

  if (self->has_cursor)
    cell = self->on_header
           ? tpt_matrix_canvas_find (self, TPT_MATRIX_CELL_NEED, self->need, 0)
           : tpt_matrix_canvas_find (self, TPT_MATRIX_CELL_RATING, self->need, self->persona);
  if (cell == NULL)
    cell = tpt_matrix_canvas_find (self, TPT_MATRIX_CELL_NEED, 0, 0);
  if (cell != NULL)
    tpt_matrix_canvas_popup_menu (self, cell->rect.x + 8, cell->rect.y + 8);
  else
    tpt_matrix_canvas_popup_menu (self, 48, 48);
}

/* Renaming --------------------------------------------------------------------- */

/* Renaming happens in a popover under the need's row header, as in the
 * outline: one undo step when the name changed, none otherwise. */
static void
rename_activate_cb (TptMatrixCanvas *self)
{
  g_autoptr(TptNeed) need = g_steal_pointer (&self->renaming);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->rename_entry));

  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
  if (need == NULL || self->document == NULL || !tpt_node_is_attached (TPT_NODE (need)))
    return;
  if (g_strcmp0 (tpt_need_get_title (need), text) != 0)
    tpt_node_edits_set_name (self->document, TPT_NODE (need), text);
}

static void
rename_closed_cb (TptMatrixCanvas *self)
{
  g_clear_object (&self->renaming);
  /* Back to the matrix, where the keys were. */
  if (self->view != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

void
tpt_matrix_canvas_setup_rename (TptMatrixCanvas *self)
{
  self->rename_entry = gtk_entry_new ();
  gtk_widget_set_size_request (self->rename_entry, 260, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Need"), -1);
  g_signal_connect_swapped (self->rename_entry, "activate", G_CALLBACK (rename_activate_cb), self);
  self->rename_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->rename_popover), self->rename_entry);
  gtk_popover_set_position (GTK_POPOVER (self->rename_popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->rename_popover, GTK_WIDGET (self->view));
  g_signal_connect_swapped (self->rename_popover, "closed", G_CALLBACK (rename_closed_cb), self);
}

void
tpt_matrix_canvas_open_rename (TptMatrixCanvas *self,
                               TptNeed         *need)
{
  guint index;
  const TptMatrixCell *header;
  GdkRectangle rect = { 24, 24, 1, 1 };
  double zoom, x, y;

  if (self->view == NULL || self->rename_popover == NULL || self->document == NULL ||
      (index = tpt_matrix_canvas_index_in (tpt_document_get_needs (self->document),
                                           need)) == G_MAXUINT)
    return;

  /* Under the need's title, at the top of its header. */
  header = tpt_matrix_canvas_find (self, TPT_MATRIX_CELL_NEED, index, 0);
  if (header != NULL)
    {
      zoom = tpt_artefact_view_get_zoom (self->view);
      tpt_artefact_view_content_to_widget (self->view, header->rect.x, header->rect.y, &x, &y);
      rect = (GdkRectangle) { (int) x, (int) y, (int) (header->rect.width * zoom),
                              (int) MIN (header->rect.height * zoom, 28 * zoom) };
    }

  g_set_object (&self->renaming, need);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry),
                         tpt_need_get_title (need) != NULL ? tpt_need_get_title (need) : "");
  gtk_popover_set_pointing_to (GTK_POPOVER (self->rename_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (self->rename_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->rename_entry), 0, -1);
}
