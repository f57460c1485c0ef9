/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-blueprint-canvas-private.h"

#include "tpt-enum-types.h"
#include "tpt-node-edits.h"
#include "tpt-notation.h"

/* ------------------------------------------------------------------ */
/* Actions, shared by keys, the context menu and the shortcuts window  */

static const struct
{
  TptCardKind kind;
  guint       key;
  const char *nick;
} kinds[] = {
  { TPT_CARD_KIND_ACTION, GDK_KEY_1, "action" },
  { TPT_CARD_KIND_DECISION, GDK_KEY_2, "decision" },
  { TPT_CARD_KIND_FAIL, GDK_KEY_3, "fail" },
  { TPT_CARD_KIND_WAIT, GDK_KEY_4, "wait" },
  { TPT_CARD_KIND_NOTE, GDK_KEY_5, "note" },
  { TPT_CARD_KIND_METRIC, GDK_KEY_6, "metric" },
  { TPT_CARD_KIND_PAIN, GDK_KEY_7, "pain" },
  { TPT_CARD_KIND_OPPORTUNITY, GDK_KEY_8, "opportunity" },
};

static void
card_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TptBlueprintCanvas *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (self->layout == NULL)
    return;

  if (g_str_equal (name, "add-card"))
    {
      guint lane, step, index;

      if (tpt_canvas_insertion_point (self, &lane, &step, &index))
        tpt_canvas_open_editor (self, NULL, lane, step);
    }
  else if (g_str_equal (name, "edit"))
    tpt_canvas_edit_selection_or_cell (self);
  else if (g_str_equal (name, "delete"))
    tpt_canvas_delete_selection (self, FALSE);
  else if (g_str_equal (name, "duplicate"))
    tpt_canvas_duplicate_selection (self);
  else if (g_str_equal (name, "copy"))
    tpt_canvas_copy_selection (self);
  else if (g_str_equal (name, "cut"))
    {
      tpt_canvas_copy_selection (self);
      tpt_canvas_delete_selection (self, TRUE);
    }
  else if (g_str_equal (name, "paste"))
    tpt_canvas_paste (self);
  else if (g_str_equal (name, "select-all"))
    {
      g_autoptr(GPtrArray) all = g_ptr_array_new ();

      for (guint i = 0; i < self->layout->cards->len; i++)
        g_ptr_array_add (all, g_array_index (self->layout->cards, TptLayoutCard, i).card);
      tpt_canvas_select_only (self, (TptCard **) all->pdata, all->len);
    }
  else if (g_str_equal (name, "set-kind"))
    {
      int kind;

      if (tpt_enum_from_nick (TPT_TYPE_CARD_KIND, g_variant_get_string (parameter, NULL), &kind))
        tpt_canvas_set_kind (self, kind);
    }
  else if (g_str_equal (name, "move"))
    {
      const char *where = g_variant_get_string (parameter, NULL);

      tpt_canvas_nudge_selection (self, g_str_equal (where, "right") - g_str_equal (where, "left"),
                       g_str_equal (where, "down") - g_str_equal (where, "up"));
    }
}

/* Lanes, steps, stages and flows: the selected header or flow, or the
 * cursor's lane and step. */
static void
structure_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  TptBlueprintCanvas *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  const char *where = parameter != NULL && g_variant_is_of_type (parameter, G_VARIANT_TYPE_STRING)
                      ? g_variant_get_string (parameter, NULL) : "";
  int value;

  if (self->layout == NULL)
    return;

  if (g_str_equal (name, "add-lane"))
    tpt_canvas_add_lane (self, !g_str_equal (where, "before"));
  else if (g_str_equal (name, "add-step"))
    tpt_canvas_add_step (self, !g_str_equal (where, "before"));
  else if (g_str_equal (name, "add-stage"))
    tpt_canvas_add_stage (self, !g_str_equal (where, "before"));
  else if (g_str_equal (name, "rename") && self->header != NULL)
    tpt_canvas_open_header_editor (self, self->header);
  else if (g_str_equal (name, "delete-structure") && self->header != NULL)
    {
      g_autoptr(TptNode) node = g_object_ref (self->header);

      tpt_canvas_select_header (self, NULL);
      tpt_node_edits_delete (self->document, node);
    }
  else if (g_str_equal (name, "set-lane-kind") && TPT_IS_LANE (self->header) &&
           tpt_enum_from_nick (TPT_TYPE_LANE_KIND, where, &value) &&
           tpt_lane_get_kind (TPT_LANE (self->header)) != (TptLaneKind) value)
    {
      tpt_document_begin (self->document, _("Change Lane Kind"));
      tpt_lane_set_kind (TPT_LANE (self->header), value);
      tpt_document_end (self->document);
    }
  else if (g_str_equal (name, "set-office") && TPT_IS_LANE (self->header) &&
           tpt_enum_from_nick (TPT_TYPE_OFFICE, where, &value) &&
           tpt_lane_get_office (TPT_LANE (self->header)) != (TptOffice) value)
    {
      tpt_document_begin (self->document, _("Change Office"));
      tpt_lane_set_office (TPT_LANE (self->header), value);
      tpt_document_end (self->document);
    }
  else if (g_str_equal (name, "toggle-arrow") && self->flow != NULL)
    {
      tpt_document_begin (self->document, _("Change Arrow"));
      tpt_flow_set_arrow (self->flow, tpt_flow_get_arrow (self->flow) == TPT_ARROW_SINGLE
                                      ? TPT_ARROW_DOUBLE : TPT_ARROW_SINGLE);
      tpt_document_end (self->document);
    }
  else if (g_str_equal (name, "connect") && self->selection->len == 2)
    tpt_blueprint_add_flow (tpt_canvas_blueprint (self), g_ptr_array_index (self->selection, 0),
                            g_ptr_array_index (self->selection, 1), TPT_ARROW_SINGLE);
  else if (g_str_equal (name, "collapse-stage") && TPT_IS_STAGE (self->header))
    {
      TptStage *stage = TPT_STAGE (self->header);

      tpt_artefact_view_set_stage_collapsed (self->view, stage,
                                             !tpt_artefact_view_get_stage_collapsed (self->view, stage));
    }
  else if (g_str_equal (name, "delete-flow") && self->flow != NULL)
    {
      g_autoptr(TptFlow) flow = g_object_ref (self->flow);

      tpt_canvas_select_flow (self, NULL);
      tpt_node_edits_delete (self->document, TPT_NODE (flow));
    }

  tpt_canvas_update_actions (self);
}

static const GActionEntry action_entries[] = {
  { "add-card", card_action },
  { "edit", card_action },
  { "delete", card_action },
  { "duplicate", card_action },
  { "copy", card_action },
  { "cut", card_action },
  { "paste", card_action },
  { "select-all", card_action },
  { "set-kind", card_action, "s", "'action'" },
  { "move", card_action, "s" },
  { "add-lane", structure_action, "s" },
  { "add-step", structure_action, "s" },
  { "add-stage", structure_action, "s" },
  { "rename", structure_action },
  { "delete-structure", structure_action },
  { "set-lane-kind", structure_action, "s", "'customer'" },
  { "set-office", structure_action, "s", "'none'" },
  { "toggle-arrow", structure_action, NULL, "false" },
  { "delete-flow", structure_action },
  { "collapse-stage", structure_action, NULL, "false" },
  { "connect", structure_action },
};

static void
enable (TptBlueprintCanvas *self,
        const char         *name,
        gboolean            enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

static void
set_state (TptBlueprintCanvas *self,
           const char         *name,
           GVariant           *state)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_state (G_SIMPLE_ACTION (action), state);
}

void
tpt_canvas_update_actions (TptBlueprintCanvas *self)
{
  gboolean selected = self->selection->len > 0;
  gboolean has_layout = self->layout != NULL;
  TptCard *card = tpt_canvas_primary_card (self);
  gboolean lane = TPT_IS_LANE (self->header);
  static const char * const need_selection[] = { "delete", "duplicate", "copy", "cut",
                                                 "set-kind", "move" };

  for (guint i = 0; i < G_N_ELEMENTS (need_selection); i++)
    enable (self, need_selection[i], selected && has_layout);
  enable (self, "edit", has_layout && (selected || self->has_cursor));
  enable (self, "add-card", has_layout);
  enable (self, "paste", has_layout);
  enable (self, "select-all", has_layout);
  enable (self, "add-lane", has_layout);
  enable (self, "add-step", has_layout);
  enable (self, "add-stage", has_layout);
  enable (self, "rename", has_layout && self->header != NULL);
  enable (self, "delete-structure", has_layout && self->header != NULL);
  enable (self, "set-lane-kind", has_layout && lane);
  enable (self, "set-office", has_layout && lane);
  enable (self, "toggle-arrow", has_layout && self->flow != NULL);
  enable (self, "delete-flow", has_layout && self->flow != NULL);
  enable (self, "collapse-stage", has_layout && TPT_IS_STAGE (self->header));
  enable (self, "connect", has_layout && self->selection->len == 2);
  if (TPT_IS_STAGE (self->header))
    set_state (self, "collapse-stage",
               g_variant_new_boolean (tpt_artefact_view_get_stage_collapsed (self->view,
                                                                             TPT_STAGE (self->header))));

  if (card != NULL)
    set_state (self, "set-kind",
               g_variant_new_string (tpt_enum_to_nick (TPT_TYPE_CARD_KIND, tpt_card_get_kind (card))));
  if (lane)
    {
      set_state (self, "set-lane-kind",
                 g_variant_new_string (tpt_enum_to_nick (TPT_TYPE_LANE_KIND,
                                                         tpt_lane_get_kind (TPT_LANE (self->header)))));
      set_state (self, "set-office",
                 g_variant_new_string (tpt_enum_to_nick (TPT_TYPE_OFFICE,
                                                         tpt_lane_get_office (TPT_LANE (self->header)))));
    }
  if (self->flow != NULL)
    set_state (self, "toggle-arrow",
               g_variant_new_boolean (tpt_flow_get_arrow (self->flow) == TPT_ARROW_DOUBLE));
}

static void
append_choices (GMenu       *menu,
                const char  *action,
                GType        enum_type,
                int          n_values,
                const char *(*label) (int value))
{
  for (int i = 0; i < n_values; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (label (i), NULL);

      g_menu_item_set_action_and_target (item, action, "s", tpt_enum_to_nick (enum_type, i));
      g_menu_append_item (menu, item);
    }
}

static const char *
lane_kind_label (int value)
{
  return tpt_notation_lane_kind (value);
}

static const char *
office_label (int value)
{
  return value == TPT_OFFICE_NONE ? _("No Office") : tpt_notation_office (value);
}

/* A menu item that shows the key that does the same. */
static void
append_item (GMenu      *menu,
             const char *label,
             const char *detailed_action,
             const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, detailed_action);

  g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

static void
append_section (GMenu      *menu,
                GMenu      *section)
{
  if (g_menu_model_get_n_items (G_MENU_MODEL (section)) > 0)
    g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
}

static GMenuModel *
context_menu_model (TptBlueprintCanvas *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) kind = g_menu_new ();
  g_autoptr(GMenu) clipboard = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();

  if (TPT_IS_LANE (self->header))
    {
      g_autoptr(GMenu) office = g_menu_new ();

      append_item (edit, _("_Rename"), "canvas.rename", "F2");
      append_section (menu, edit);
      append_choices (kind, "canvas.set-lane-kind", TPT_TYPE_LANE_KIND, TPT_N_LANE_KINDS,
                      lane_kind_label);
      g_menu_append_submenu (menu, _("_Kind"), G_MENU_MODEL (kind));
      append_choices (office, "canvas.set-office", TPT_TYPE_OFFICE, TPT_OFFICE_BACK + 1,
                      office_label);
      g_menu_append_submenu (menu, _("_Office"), G_MENU_MODEL (office));
      append_item (add, _("Add Lane _Above"), "canvas.add-lane::before", "<Control><Shift>Up");
      append_item (add, _("Add Lane _Below"), "canvas.add-lane::after", "<Control><Shift>Down");
      append_section (menu, add);
      append_item (remove, _("_Delete Lane"), "canvas.delete-structure", "Delete");
    }
  else if (TPT_IS_STEP (self->header))
    {
      append_item (edit, _("_Rename"), "canvas.rename", "F2");
      append_section (menu, edit);
      append_item (add, _("Add Step _Before"), "canvas.add-step::before", "<Control><Shift>Left");
      append_item (add, _("Add Step _After"), "canvas.add-step::after", "<Control><Shift>Right");
      g_menu_append (add, _("Add _Stage After"), "canvas.add-stage::after");
      append_section (menu, add);
      append_item (remove, _("_Delete Step"), "canvas.delete-structure", "Delete");
    }
  else if (TPT_IS_STAGE (self->header))
    {
      append_item (edit, _("_Rename"), "canvas.rename", "F2");
      append_section (menu, edit);
      append_item (edit, _("_Collapsed"), "canvas.collapse-stage", "minus");
      g_menu_append (add, _("Add Stage _Before"), "canvas.add-stage::before");
      g_menu_append (add, _("Add Stage _After"), "canvas.add-stage::after");
      append_section (menu, add);
      append_item (remove, _("_Delete Stage"), "canvas.delete-structure", "Delete");
    }
  else if (self->flow != NULL)
    {
      append_item (edit, _("_Two-Way Arrow"), "canvas.toggle-arrow", "a");
      append_section (menu, edit);
      append_item (remove, _("_Delete Flow"), "canvas.delete-flow", "Delete");
    }
  else if (self->selection->len > 0)
    {
      append_item (edit, _("_Edit Text"), "canvas.edit", "Return");
      append_item (edit, _("_Add Card After"), "canvas.add-card", "Insert");
      if (self->selection->len == 2)
        append_item (edit, _("Connect With a _Flow"), "canvas.connect", "f");
      append_section (menu, edit);
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (tpt_notation_card_kind (kinds[i].kind), NULL);
          g_autofree char *accel = g_strdup_printf ("%u", i + 1);

          g_menu_item_set_action_and_target (item, "canvas.set-kind", "s", kinds[i].nick);
          g_menu_item_set_attribute (item, "accel", "s", accel);
          g_menu_append_item (kind, item);
        }
      g_menu_append_submenu (menu, _("_Kind"), G_MENU_MODEL (kind));
      append_item (clipboard, _("Cu_t"), "canvas.cut", "<Control>x");
      append_item (clipboard, _("_Copy"), "canvas.copy", "<Control>c");
      append_item (clipboard, _("_Paste"), "canvas.paste", "<Control>v");
      append_item (clipboard, _("D_uplicate"), "canvas.duplicate", "<Control>d");
      append_section (menu, clipboard);
      append_item (remove, _("_Delete"), "canvas.delete", "Delete");
    }
  else
    {
      if (tpt_canvas_n_lanes (self) > 0 && tpt_canvas_n_steps (self) > 0)
        {
          append_item (edit, _("_Add Card"), "canvas.add-card", "Insert");
          append_item (edit, _("_Paste"), "canvas.paste", "<Control>v");
          append_item (edit, _("Select _All"), "canvas.select-all", "<Control>a");
          append_section (menu, edit);
        }
      append_item (add, _("Add _Lane"), "canvas.add-lane::after", "<Control><Shift>Down");
      append_item (add, _("Add _Step"), "canvas.add-step::after", "<Control><Shift>Right");
      g_menu_append (add, _("Add S_tage"), "canvas.add-stage::after");
      append_section (menu, add);
    }
  append_section (menu, remove);

  return G_MENU_MODEL (menu);
}

/* Pops the menu up at a point in layout coordinates. */
void
tpt_canvas_popup_menu (TptBlueprintCanvas *self,
                       double              x,
                       double              y)
{
  g_autoptr(GMenuModel) model = context_menu_model (self);

  tpt_artefact_view_popup_menu (self->view, model, x, y);
}

void
tpt_canvas_popup_menu_at_selection (TptBlueprintCanvas *self)
{
  const TptLayoutCard *placed = tpt_canvas_layout_card (self, tpt_canvas_primary_card (self));

  if (placed != NULL)
    tpt_canvas_popup_menu (self, placed->rect.x + 8, tpt_rect_bottom (&placed->rect));
  else if (self->has_cursor && self->cursor_lane < tpt_canvas_n_lanes (self) && self->cursor_step < tpt_canvas_n_steps (self))
    {
      TptRect cell = tpt_canvas_cell_rect (self, self->cursor_lane, self->cursor_step);

      tpt_canvas_popup_menu (self, cell.x + 8, cell.y + 8);
    }
}


void
tpt_canvas_add_actions (TptBlueprintCanvas *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
}

/* The digits 1 to 8, on the main keys or the keypad, set the kinds in the
 * order the context menu lists them. */
gboolean
tpt_canvas_kind_for_key (guint        keyval,
                         TptCardKind *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (keyval == kinds[i].key || keyval == GDK_KEY_KP_1 + (kinds[i].key - GDK_KEY_1))
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}
