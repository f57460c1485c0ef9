/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tpt-blueprint-page-private.h"

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

/* The properties the stateful items of the context menu show and set, as
 * property actions: the primary card's kind, the selected lane's kind and
 * office, whether the selected flow points both ways, and whether the
 * selected stage is collapsed. */
enum {
  PROP_0,
  PROP_CARD_KIND,
  PROP_LANE_KIND,
  PROP_OFFICE,
  PROP_TWO_WAY,
  PROP_STAGE_COLLAPSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_lane_enum (TptBlueprintPage *self,
               GType             type,
               const char       *nick)
{
  TptLane *lane = TPT_IS_LANE (self->header) ? TPT_LANE (self->header) : NULL;
  int value;

  if (lane == NULL || nick == NULL || !tpt_enum_from_nick (type, nick, &value))
    return;

  if (type == TPT_TYPE_LANE_KIND && tpt_lane_get_kind (lane) != (TptLaneKind) value)
    {
      tpt_document_begin (self->document, _("Change Lane Kind"));
      tpt_lane_set_kind (lane, value);
      tpt_document_end (self->document);
    }
  else if (type == TPT_TYPE_OFFICE && tpt_lane_get_office (lane) != (TptOffice) value)
    {
      tpt_document_begin (self->document, _("Change Office"));
      tpt_lane_set_office (lane, value);
      tpt_document_end (self->document);
    }
}

static void
set_two_way (TptBlueprintPage *self,
             gboolean          two_way)
{
  if (self->flow == NULL || (tpt_flow_get_arrow (self->flow) == TPT_ARROW_DOUBLE) == two_way)
    return;

  tpt_document_begin (self->document, _("Change Arrow"));
  tpt_flow_set_arrow (self->flow, two_way ? TPT_ARROW_DOUBLE : TPT_ARROW_SINGLE);
  tpt_document_end (self->document);
}

static void
tpt_blueprint_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (object);
  TptCard *card = tpt_blueprint_page_primary_card (self);
  TptLane *lane = TPT_IS_LANE (self->header) ? TPT_LANE (self->header) : NULL;

  switch (prop_id)
    {
    case PROP_CARD_KIND:
      g_value_set_string (value, tpt_enum_to_nick (TPT_TYPE_CARD_KIND,
                                                   card != NULL ? tpt_card_get_kind (card)
                                                                : TPT_CARD_KIND_ACTION));
      break;
    case PROP_LANE_KIND:
      g_value_set_string (value, tpt_enum_to_nick (TPT_TYPE_LANE_KIND,
                                                   lane != NULL ? tpt_lane_get_kind (lane)
                                                                : TPT_LANE_KIND_CUSTOMER));
      break;
    case PROP_OFFICE:
      g_value_set_string (value, tpt_enum_to_nick (TPT_TYPE_OFFICE,
                                                   lane != NULL ? tpt_lane_get_office (lane)
                                                                : TPT_OFFICE_NONE));
      break;
    case PROP_TWO_WAY:
      g_value_set_boolean (value, self->flow != NULL &&
                                  tpt_flow_get_arrow (self->flow) == TPT_ARROW_DOUBLE);
      break;
    case PROP_STAGE_COLLAPSED:
      g_value_set_boolean (value, TPT_IS_STAGE (self->header) &&
                                  tpt_blueprint_page_get_stage_collapsed (self,
                                                                          TPT_STAGE (self->header)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_blueprint_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (object);
  int kind;

  switch (prop_id)
    {
    case PROP_CARD_KIND:
      if (g_value_get_string (value) != NULL &&
          tpt_enum_from_nick (TPT_TYPE_CARD_KIND, g_value_get_string (value), &kind))
        tpt_blueprint_page_set_kind (self, kind);
      break;
    case PROP_LANE_KIND:
      set_lane_enum (self, TPT_TYPE_LANE_KIND, g_value_get_string (value));
      break;
    case PROP_OFFICE:
      set_lane_enum (self, TPT_TYPE_OFFICE, g_value_get_string (value));
      break;
    case PROP_TWO_WAY:
      set_two_way (self, g_value_get_boolean (value));
      break;
    case PROP_STAGE_COLLAPSED:
      if (TPT_IS_STAGE (self->header))
        tpt_blueprint_page_set_stage_collapsed (self, TPT_STAGE (self->header),
                                                g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_object_notify_by_pspec (object, pspec);
}

/* Card actions: on the selected cards, or at the cursor. */
static void
card_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (widget);
  const char *name = action_name + strlen ("blueprint.");

  if (self->layout == NULL || tpt_canvas_is_editing (TPT_CANVAS (self)))
    return;

  if (g_str_equal (name, "add-card"))
    {
      guint lane, step, index;

      if (tpt_blueprint_page_insertion_point (self, &lane, &step, &index))
        tpt_blueprint_page_open_editor (self, NULL, lane, step);
    }
  else if (g_str_equal (name, "edit"))
    tpt_blueprint_page_edit_selection_or_cell (self);
  else if (g_str_equal (name, "delete"))
    tpt_blueprint_page_delete_selection (self, FALSE);
  else if (g_str_equal (name, "duplicate"))
    tpt_blueprint_page_duplicate_selection (self);
  else if (g_str_equal (name, "copy"))
    tpt_blueprint_page_copy_selection (self);
  else if (g_str_equal (name, "cut"))
    {
      tpt_blueprint_page_copy_selection (self);
      tpt_blueprint_page_delete_selection (self, TRUE);
    }
  else if (g_str_equal (name, "paste"))
    tpt_blueprint_page_paste (self);
  else if (g_str_equal (name, "select-all"))
    {
      g_autoptr(GPtrArray) all = g_ptr_array_new ();

      for (guint i = 0; i < self->layout->cards->len; i++)
        g_ptr_array_add (all, g_array_index (self->layout->cards, TptLayoutCard, i).card);
      tpt_blueprint_page_select_only (self, (TptCard **) all->pdata, all->len);
    }
  else if (g_str_equal (name, "move"))
    {
      const char *where = g_variant_get_string (parameter, NULL);

      tpt_blueprint_page_nudge_selection (self,
                                          g_str_equal (where, "right") - g_str_equal (where, "left"),
                                          g_str_equal (where, "down") - g_str_equal (where, "up"));
    }
  else if (g_str_equal (name, "connect") && self->selection->len == 2)
    tpt_blueprint_add_flow (self->blueprint, g_ptr_array_index (self->selection, 0),
                            g_ptr_array_index (self->selection, 1), TPT_ARROW_SINGLE);
}

/* Lanes, steps, stages and flows: the selected header or flow, or the
 * cursor's lane and step. */
static void
structure_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (widget);
  const char *name = action_name + strlen ("blueprint.");
  gboolean after = parameter == NULL || !g_str_equal (g_variant_get_string (parameter, NULL),
                                                      "before");

  if (self->layout == NULL || tpt_canvas_is_editing (TPT_CANVAS (self)))
    return;

  if (g_str_equal (name, "add-lane"))
    tpt_blueprint_page_add_lane (self, after);
  else if (g_str_equal (name, "add-step"))
    tpt_blueprint_page_add_step (self, after);
  else if (g_str_equal (name, "add-stage"))
    tpt_blueprint_page_add_stage (self, after);
  else if (g_str_equal (name, "rename") && self->header != NULL)
    tpt_blueprint_page_open_header_editor (self, self->header);
  else if (g_str_equal (name, "delete-structure") && self->header != NULL)
    tpt_blueprint_page_delete_node (self, self->header);
  else if (g_str_equal (name, "delete-flow") && self->flow != NULL)
    tpt_blueprint_page_delete_node (self, TPT_NODE (self->flow));
}

/* ------------------------------------------------------------------ */
/* Keys: what each does depends on what is selected                    */

static void
cursor_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (widget);
  int dx, dy;

  if (self->layout == NULL || tpt_canvas_is_editing (TPT_CANVAS (self)))
    return;
  g_variant_get (parameter, "(ii)", &dx, &dy);
  tpt_blueprint_page_navigate (self, dx, dy, g_str_equal (action_name, "blueprint.extend-cursor"));
}

/* Alt+arrows: the keyboard's drag, of a header, an emotion point or the
 * selected cards. */
static void
nudge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (widget);
  int dx, dy;

  if (self->layout == NULL || tpt_canvas_is_editing (TPT_CANVAS (self)))
    return;
  g_variant_get (parameter, "(ii)", &dx, &dy);
  if (self->header != NULL)
    tpt_blueprint_page_move_header (self, TPT_IS_LANE (self->header) ? dy : dx);
  else if (dy != 0 && tpt_blueprint_page_emotion_key (self, -dy, FALSE))
    return;
  else
    tpt_blueprint_page_nudge_selection (self, dx, dy);
}

static void
walk_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (widget);

  if (self->layout != NULL && !tpt_canvas_is_editing (TPT_CANVAS (self)))
    tpt_blueprint_page_walk (self, g_variant_get_int32 (parameter));
}

static void
delete_selected_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (widget);

  if (self->layout == NULL || tpt_canvas_is_editing (TPT_CANVAS (self)))
    return;
  if (self->header != NULL)
    tpt_blueprint_page_delete_node (self, self->header);
  else if (self->flow != NULL)
    tpt_blueprint_page_delete_node (self, TPT_NODE (self->flow));
  else if (!tpt_blueprint_page_emotion_key (self, 0, TRUE))
    tpt_blueprint_page_delete_selection (self, FALSE);
}

static void
insert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (widget);

  if (self->layout == NULL || tpt_canvas_is_editing (TPT_CANVAS (self)))
    return;
  if (TPT_IS_LANE (self->header))
    tpt_blueprint_page_add_lane (self, TRUE);
  else if (TPT_IS_STEP (self->header))
    tpt_blueprint_page_add_step (self, TRUE);
  else if (TPT_IS_STAGE (self->header))
    tpt_blueprint_page_add_stage (self, TRUE);
  else
    card_action (widget, "blueprint.add-card", NULL);
}

/* Plus and minus: a stage opens and closes, as in a tree; in an emotion
 * lane's cell, the point goes up and down. */
static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (widget);
  int delta = g_variant_get_int32 (parameter);

  if (self->layout == NULL || tpt_canvas_is_editing (TPT_CANVAS (self)))
    return;
  if (TPT_IS_STAGE (self->header))
    tpt_blueprint_page_set_stage_collapsed (self, TPT_STAGE (self->header), delta < 0);
  else
    tpt_blueprint_page_emotion_key (self, delta, FALSE);
}

static void
span_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (widget);

  if (self->layout != NULL && !tpt_canvas_is_editing (TPT_CANVAS (self)))
    tpt_blueprint_page_change_span (self, g_variant_get_int32 (parameter));
}

static void
escape_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (widget);

  if (self->dragging > 0)
    tpt_canvas_reset_tools (TPT_CANVAS (self));
  else
    tpt_blueprint_page_select_card (self, NULL);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (widget);

  if (self->layout != NULL && !tpt_canvas_is_editing (TPT_CANVAS (self)))
    tpt_blueprint_page_popup_menu_at_selection (self);
}

static void
update_enabled (TptBlueprintPage *self,
                const char       *name,
                gboolean          enabled)
{
  g_autofree char *full = g_strconcat ("blueprint.", name, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), full, enabled);
}

void
tpt_blueprint_page_update_actions (TptBlueprintPage *self)
{
  gboolean selected = self->selection->len > 0;
  gboolean has_layout = self->layout != NULL;
  gboolean grid = has_layout && tpt_blueprint_page_n_lanes (self) > 0 &&
                  tpt_blueprint_page_n_steps (self) > 0;
  gboolean lane = TPT_IS_LANE (self->header);
  static const char * const need_selection[] = { "delete", "duplicate", "copy", "cut",
                                                 "set-kind", "move", "span" };

  for (guint i = 0; i < G_N_ELEMENTS (need_selection); i++)
    update_enabled (self, need_selection[i], selected && has_layout);
  update_enabled (self, "edit", has_layout && (selected || self->has_cursor || self->header != NULL));
  update_enabled (self, "add-card", grid);
  update_enabled (self, "paste", grid);
  update_enabled (self, "select-all", has_layout);
  update_enabled (self, "add-lane", has_layout);
  update_enabled (self, "add-step", has_layout);
  update_enabled (self, "add-stage", has_layout);
  update_enabled (self, "rename", has_layout && self->header != NULL);
  update_enabled (self, "delete-structure", has_layout && self->header != NULL);
  update_enabled (self, "set-lane-kind", has_layout && lane);
  update_enabled (self, "set-office", has_layout && lane);
  update_enabled (self, "toggle-arrow", has_layout && self->flow != NULL);
  update_enabled (self, "delete-flow", has_layout && self->flow != NULL);
  update_enabled (self, "collapse-stage", has_layout && TPT_IS_STAGE (self->header));
  update_enabled (self, "connect", has_layout && self->selection->len == 2);

  /* The menu's radio and check items follow the selection. */
  for (guint i = PROP_CARD_KIND; i < N_PROPS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
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
context_menu_model (TptBlueprintPage *self)
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

      append_item (edit, _("_Rename"), "blueprint.rename", "F2");
      append_section (menu, edit);
      append_choices (kind, "blueprint.set-lane-kind", TPT_TYPE_LANE_KIND, TPT_N_LANE_KINDS,
                      lane_kind_label);
      g_menu_append_submenu (menu, _("_Kind"), G_MENU_MODEL (kind));
      append_choices (office, "blueprint.set-office", TPT_TYPE_OFFICE, TPT_OFFICE_BACK + 1,
                      office_label);
      g_menu_append_submenu (menu, _("_Office"), G_MENU_MODEL (office));
      append_item (add, _("Add Lane _Above"), "blueprint.add-lane::before", "<Control><Shift>Up");
      append_item (add, _("Add Lane _Below"), "blueprint.add-lane::after", "<Control><Shift>Down");
      append_section (menu, add);
      append_item (remove, _("_Delete Lane"), "blueprint.delete-structure", "Delete");
    }
  else if (TPT_IS_STEP (self->header))
    {
      append_item (edit, _("_Rename"), "blueprint.rename", "F2");
      append_section (menu, edit);
      append_item (add, _("Add Step _Before"), "blueprint.add-step::before", "<Control><Shift>Left");
      append_item (add, _("Add Step _After"), "blueprint.add-step::after", "<Control><Shift>Right");
      g_menu_append (add, _("Add _Stage After"), "blueprint.add-stage::after");
      append_section (menu, add);
      append_item (remove, _("_Delete Step"), "blueprint.delete-structure", "Delete");
    }
  else if (TPT_IS_STAGE (self->header))
    {
      append_item (edit, _("_Rename"), "blueprint.rename", "F2");
      append_section (menu, edit);
      append_item (edit, _("_Collapsed"), "blueprint.collapse-stage", "minus");
      g_menu_append (add, _("Add Stage _Before"), "blueprint.add-stage::before");
      g_menu_append (add, _("Add Stage _After"), "blueprint.add-stage::after");
      append_section (menu, add);
      append_item (remove, _("_Delete Stage"), "blueprint.delete-structure", "Delete");
    }
  else if (self->flow != NULL)
    {
      append_item (edit, _("_Two-Way Arrow"), "blueprint.toggle-arrow", "a");
      append_section (menu, edit);
      append_item (remove, _("_Delete Flow"), "blueprint.delete-flow", "Delete");
    }
  else if (self->selection->len > 0)
    {
      append_item (edit, _("_Edit Text"), "blueprint.edit", "Return");
      append_item (edit, _("_Add Card After"), "blueprint.add-card", "Insert");
      if (self->selection->len == 2)
        append_item (edit, _("Connect With a _Flow"), "blueprint.connect", "f");
      append_section (menu, edit);
      for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
        {
          g_autoptr(GMenuItem) item = g_menu_item_new (tpt_notation_card_kind (kinds[i].kind), NULL);
          g_autofree char *accel = g_strdup_printf ("%u", i + 1);

          g_menu_item_set_action_and_target (item, "blueprint.set-kind", "s", kinds[i].nick);
          g_menu_item_set_attribute (item, "accel", "s", accel);
          g_menu_append_item (kind, item);
        }
      g_menu_append_submenu (menu, _("_Kind"), G_MENU_MODEL (kind));
      append_item (clipboard, _("Cu_t"), "blueprint.cut", "<Control>x");
      append_item (clipboard, _("_Copy"), "blueprint.copy", "<Control>c");
      append_item (clipboard, _("_Paste"), "blueprint.paste", "<Control>v");
      append_item (clipboard, _("D_uplicate"), "blueprint.duplicate", "<Control>d");
      append_section (menu, clipboard);
      append_item (remove, _("_Delete"), "blueprint.delete", "Delete");
    }
  else
    {
      if (tpt_blueprint_page_n_lanes (self) > 0 && tpt_blueprint_page_n_steps (self) > 0)
        {
          append_item (edit, _("_Add Card"), "blueprint.add-card", "Insert");
          append_item (edit, _("_Paste"), "blueprint.paste", "<Control>v");
          append_item (edit, _("Select _All"), "blueprint.select-all", "<Control>a");
          append_section (menu, edit);
        }
      append_item (add, _("Add _Lane"), "blueprint.add-lane::after", "<Control><Shift>Down");
      append_item (add, _("Add _Step"), "blueprint.add-step::after", "<Control><Shift>Right");
      g_menu_append (add, _("Add S_tage"), "blueprint.add-stage::after");
      append_section (menu, add);
    }
  append_section (menu, remove);

  return G_MENU_MODEL (menu);
}

/* Pops the menu up at a point in layout coordinates. */
void
tpt_blueprint_page_popup_menu (TptBlueprintPage *self,
                       double              x,
                       double              y)
{
  g_autoptr(GMenuModel) model = context_menu_model (self);

  tpt_canvas_popup_menu (TPT_CANVAS (self), model, x, y);
}

void
tpt_blueprint_page_popup_menu_at_selection (TptBlueprintPage *self)
{
  const TptLayoutCard *placed = tpt_blueprint_page_layout_card (self, tpt_blueprint_page_primary_card (self));

  if (placed != NULL)
    tpt_blueprint_page_popup_menu (self, placed->rect.x + 8, tpt_rect_bottom (&placed->rect));
  else if (self->has_cursor && self->cursor_lane < tpt_blueprint_page_n_lanes (self) && self->cursor_step < tpt_blueprint_page_n_steps (self))
    {
      TptRect cell = tpt_blueprint_page_cell_rect (self, self->cursor_lane, self->cursor_step);

      tpt_blueprint_page_popup_menu (self, cell.x + 8, cell.y + 8);
    }
}



/* ------------------------------------------------------------------ */
/* The table of actions and keys                                        */

static void
add_arrow_bindings (GtkWidgetClass  *widget_class,
                    GdkModifierType  mods,
                    const char      *action)
{
  static const struct { guint key, pad; int dx, dy; } arrows[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, arrows[i].key, mods, action, "(ii)",
                                           arrows[i].dx, arrows[i].dy);
      gtk_widget_class_add_binding_action (widget_class, arrows[i].pad, mods, action, "(ii)",
                                           arrows[i].dx, arrows[i].dy);
    }
}

/**
 * tpt_blueprint_page_class_add_actions:
 * @widget_class: the page's class
 *
 * Installs the page's actions, the properties its stateful actions show,
 * and its keys as bindings to those actions: the one table that the
 * context menu, the keys and the Keyboard Shortcuts window share.
 */
void
tpt_blueprint_page_class_add_actions (GtkWidgetClass *widget_class)
{
  GObjectClass *object_class = G_OBJECT_CLASS (widget_class);
  static const char * const card_actions[] = {
    "add-card", "edit", "delete", "duplicate", "copy", "cut", "paste", "select-all", "connect",
  };
  static const char * const structure_actions[] = {
    "rename", "delete-structure", "delete-flow",
  };

  object_class->get_property = tpt_blueprint_page_get_property;
  object_class->set_property = tpt_blueprint_page_set_property;

  properties[PROP_CARD_KIND] =
    g_param_spec_string ("card-kind", NULL, NULL, "action",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANE_KIND] =
    g_param_spec_string ("lane-kind", NULL, NULL, "customer",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_OFFICE] =
    g_param_spec_string ("office", NULL, NULL, "none",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TWO_WAY] =
    g_param_spec_boolean ("two-way", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE_COLLAPSED] =
    g_param_spec_boolean ("stage-collapsed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  for (guint i = 0; i < G_N_ELEMENTS (card_actions); i++)
    {
      g_autofree char *name = g_strconcat ("blueprint.", card_actions[i], NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, card_action);
    }
  gtk_widget_class_install_action (widget_class, "blueprint.move", "s", card_action);
  for (guint i = 0; i < G_N_ELEMENTS (structure_actions); i++)
    {
      g_autofree char *name = g_strconcat ("blueprint.", structure_actions[i], NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, structure_action);
    }
  gtk_widget_class_install_action (widget_class, "blueprint.add-lane", "s", structure_action);
  gtk_widget_class_install_action (widget_class, "blueprint.add-step", "s", structure_action);
  gtk_widget_class_install_action (widget_class, "blueprint.add-stage", "s", structure_action);
  gtk_widget_class_install_property_action (widget_class, "blueprint.set-kind", "card-kind");
  gtk_widget_class_install_property_action (widget_class, "blueprint.set-lane-kind", "lane-kind");
  gtk_widget_class_install_property_action (widget_class, "blueprint.set-office", "office");
  gtk_widget_class_install_property_action (widget_class, "blueprint.toggle-arrow", "two-way");
  gtk_widget_class_install_property_action (widget_class, "blueprint.collapse-stage",
                                            "stage-collapsed");
  gtk_widget_class_install_action (widget_class, "blueprint.cursor", "(ii)", cursor_action);
  gtk_widget_class_install_action (widget_class, "blueprint.extend-cursor", "(ii)", cursor_action);
  gtk_widget_class_install_action (widget_class, "blueprint.nudge", "(ii)", nudge_action);
  gtk_widget_class_install_action (widget_class, "blueprint.walk", "i", walk_action);
  gtk_widget_class_install_action (widget_class, "blueprint.delete-selected", NULL,
                                   delete_selected_action);
  gtk_widget_class_install_action (widget_class, "blueprint.insert", NULL, insert_action);
  gtk_widget_class_install_action (widget_class, "blueprint.step", "i", step_action);
  gtk_widget_class_install_action (widget_class, "blueprint.span", "i", span_action);
  gtk_widget_class_install_action (widget_class, "blueprint.escape", NULL, escape_action);
  gtk_widget_class_install_action (widget_class, "blueprint.menu", NULL, menu_action);

  add_arrow_bindings (widget_class, 0, "blueprint.cursor");
  add_arrow_bindings (widget_class, GDK_SHIFT_MASK, "blueprint.extend-cursor");
  add_arrow_bindings (widget_class, GDK_ALT_MASK, "blueprint.nudge");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "blueprint.add-step", "s", "after");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "blueprint.add-step", "s", "before");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "blueprint.add-lane", "s", "after");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "blueprint.add-lane", "s", "before");

  /* Tab walks the cards; Ctrl+Tab leaves the canvas, as in every GTK
   * widget that uses Tab. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "blueprint.walk", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Tab, 0, "blueprint.walk", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK,
                                       "blueprint.walk", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK,
                                       "blueprint.walk", "i", -1);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "blueprint.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "blueprint.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Enter, 0, "blueprint.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "blueprint.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "blueprint.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0,
                                       "blueprint.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0,
                                       "blueprint.delete-selected", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "blueprint.insert", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, 0, "blueprint.insert", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "blueprint.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "blueprint.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "blueprint.step", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "blueprint.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0,
                                       "blueprint.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketright, 0,
                                       "blueprint.span", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_bracketleft, 0,
                                       "blueprint.span", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "blueprint.connect", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, 0, "blueprint.toggle-arrow", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "blueprint.escape", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "blueprint.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "blueprint.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, GDK_CONTROL_MASK,
                                       "blueprint.select-all", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK,
                                       "blueprint.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_x, GDK_CONTROL_MASK,
                                       "blueprint.cut", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, GDK_CONTROL_MASK,
                                       "blueprint.paste", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "blueprint.duplicate", NULL);

  /* The digits 1 to 8, on the main keys or the keypad, set the kinds in
   * the order the context menu lists them. */
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, kinds[i].key, 0,
                                           "blueprint.set-kind", "s", kinds[i].nick);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1 + (kinds[i].key - GDK_KEY_1),
                                           0, "blueprint.set-kind", "s", kinds[i].nick);
    }
}
