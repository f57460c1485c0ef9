/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-outline"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-outline.h"
#include "tpt-outline-row.h"

#include "tpt-node-edits.h"
#include "tpt-slide-edits.h"

/* The document outline: the document itself (its cover), each blueprint
 * with its stages and steps and its lanes and their cards, then a Personas
 * row over the personas, a Needs row over the needs, a row for each report
 * of the artefact table (Coverage, Journey Numbers, Case for Change) and a
 * Slides row over the slide list a presentation is made of. It is a tree of the
 * model's own list models, so it follows every change, undo included; it is
 * also how keyboard and screen-reader users reach what the canvases draw.
 *
 * Cards sit under their lane, not their step: a lane is who does the work,
 * and a designer reading down a lane reads one actor's part of the story. */

/* A row that stands for a group of nodes rather than one node. */
#define TPT_TYPE_OUTLINE_HEADING (tpt_outline_heading_get_type ())
G_DECLARE_FINAL_TYPE (TptOutlineHeading, tpt_outline_heading, TPT, OUTLINE_HEADING, GObject)

struct _TptOutlineHeading
{
  GObject         parent_instance;
  TptOutlineGroup group;
  TptArtefactKind page;       /* the page it shows, if it has one */
  gboolean        has_page;
};

G_DEFINE_FINAL_TYPE (TptOutlineHeading, tpt_outline_heading, G_TYPE_OBJECT)

static void
tpt_outline_heading_class_init (TptOutlineHeadingClass *klass)
{
}

static void
tpt_outline_heading_init (TptOutlineHeading *self)
{
}

static TptOutlineHeading *
tpt_outline_heading_new (TptOutlineGroup group,
                         TptArtefactKind page,
                         gboolean        has_page)
{
  TptOutlineHeading *self = g_object_new (TPT_TYPE_OUTLINE_HEADING, NULL);

  self->group = group;
  self->page = page;
  self->has_page = has_page;
  return self;
}

struct _TptOutline
{
  GtkWidget           parent_instance;

  /* children */
  GtkWidget          *box;
  GtkListView        *list_view;
  GtkWidget          *context_menu;
  GtkWidget          *rename_popover;
  GtkWidget          *rename_entry;

  /* owned */
  TptDocument        *document;
  TptNode            *renaming;
  GtkTreeListModel   *tree;
  GtkSingleSelection *selection;
  TptOutlineHeading  *personas_heading;
  TptOutlineHeading  *needs_heading;
  TptOutlineHeading  *coverage_heading;
  TptOutlineHeading  *slides_heading;
  /* TptOutlineHeading: a row per report, coverage's among them */
  GPtrArray          *report_headings;
  /* The card filters of the lanes shown, to re-run when a card moves. */
  GPtrArray          *lane_filters;
  /* node → its row's label, while the row is on screen */
  GHashTable         *labels;
  guint               rename_tick_id;
  guint               rename_ticks;
  /* flags */
  guint               rename_deferred : 1;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TptOutline, tpt_outline, GTK_TYPE_WIDGET)

/* What rows show */

static const char *
name_property (gpointer item)
{
  if (TPT_IS_CARD (item))
    return "text";
  if (TPT_IS_PERSONA (item))
    return "name";
  return "title";
}

static const char *
kind_name (gpointer item)
{
  if (TPT_IS_DOCUMENT (item))
    return _("Document");
  if (TPT_IS_BLUEPRINT (item))
    return _("Blueprint");
  if (TPT_IS_STAGE (item))
    return _("Stage");
  if (TPT_IS_STEP (item))
    return _("Step");
  if (TPT_IS_LANE (item))
    return _("Lane");
  if (TPT_IS_CARD (item))
    return _("Card");
  if (TPT_IS_PERSONA (item))
    return _("Persona");
  if (TPT_IS_NEED (item))
    return _("Need");
  if (TPT_IS_SLIDE (item))
    return _("Slide");
  return "";
}

static const char *
untitled_name (gpointer item)
{
  if (TPT_IS_DOCUMENT (item))
    return _("Untitled Document");
  if (TPT_IS_BLUEPRINT (item))
    return _("Untitled Blueprint");
  if (TPT_IS_STAGE (item))
    return _("Untitled Stage");
  if (TPT_IS_STEP (item))
    return _("Untitled Step");
  if (TPT_IS_LANE (item))
    return _("Untitled Lane");
  if (TPT_IS_CARD (item))
    return _("Empty Card");
  if (TPT_IS_PERSONA (item))
    return _("Unnamed Persona");
  if (TPT_IS_NEED (item))
    return _("Untitled Need");
  return "";
}

static const char *
icon_name (gpointer item)
{
  if (TPT_IS_OUTLINE_HEADING (item))
    switch (TPT_OUTLINE_HEADING (item)->group)
      {
      case TPT_OUTLINE_GROUP_PERSONAS:
        return "tpt-persona-symbolic";
      case TPT_OUTLINE_GROUP_COVERAGE:
        return "object-select-symbolic";
      case TPT_OUTLINE_GROUP_REPORT:
        /* The time a journey takes; the two states a case compares. */
        return TPT_OUTLINE_HEADING (item)->page == TPT_ARTEFACT_JOURNEYS
               ? "document-open-recent-symbolic" : "view-dual-symbolic";
      case TPT_OUTLINE_GROUP_SLIDES:
        return "tpt-present-symbolic";
      case TPT_OUTLINE_GROUP_NEEDS:
      case TPT_OUTLINE_GROUP_NONE:
      default:
        return "tpt-needs-matrix-symbolic";
      }
  if (TPT_IS_DOCUMENT (item))
    return "document-properties-symbolic";
  if (TPT_IS_BLUEPRINT (item))
    return "tpt-blueprint-symbolic";
  if (TPT_IS_STAGE (item))
    return "view-list-symbolic";
  if (TPT_IS_STEP (item))
    return "tpt-step-symbolic";
  if (TPT_IS_LANE (item))
    return "tpt-lane-symbolic";
  if (TPT_IS_CARD (item))
    switch (tpt_card_get_kind (item))
      {
      case TPT_CARD_KIND_FAIL:
        return "tpt-fail-point-symbolic";
      case TPT_CARD_KIND_WAIT:
        return "tpt-wait-point-symbolic";
      default:
        return "tpt-card-symbolic";
      }
  if (TPT_IS_PERSONA (item))
    return "tpt-persona-symbolic";
  if (TPT_IS_NEED (item))
    return "emblem-favorite-symbolic";
  if (TPT_IS_SLIDE (item))
    return "x-office-presentation-symbolic";
  return NULL;
}

static char *
dup_display_name (gpointer item)
{
  g_autofree char *value = NULL;

  if (TPT_IS_OUTLINE_HEADING (item))
    switch (TPT_OUTLINE_HEADING (item)->group)
      {
      case TPT_OUTLINE_GROUP_PERSONAS:
        return g_strdup (_("Personas"));
      case TPT_OUTLINE_GROUP_COVERAGE:
        return g_strdup (_("Coverage"));
      case TPT_OUTLINE_GROUP_REPORT:
        return g_strdup (tpt_artefact_kind_get_title (TPT_OUTLINE_HEADING (item)->page));
      case TPT_OUTLINE_GROUP_SLIDES:
        return g_strdup (_("Slides"));
      case TPT_OUTLINE_GROUP_NEEDS:
      case TPT_OUTLINE_GROUP_NONE:
      default:
        return g_strdup (_("Needs"));
      }

  g_object_get (item, name_property (item), &value, NULL);
  /* An untitled slide is shown with its artefact's name, as presented. */
  if ((value == NULL || *value == '\0') && TPT_IS_SLIDE (item))
    return tpt_slide_edits_describe (item);
  if (value == NULL || *value == '\0')
    return g_strdup (untitled_name (item));

  /* A card's text may run over several lines; a row shows one. */
  g_strdelimit (value, "\n\r\t", ' ');
  return g_steal_pointer (&value);
}

static gboolean
display_name_transform (GBinding     *binding,
                        const GValue *from,
                        GValue       *to,
                        gpointer      user_data)
{
  /* @user_data is the source: the binding lives no longer than it. */
  g_value_take_string (to, dup_display_name (user_data));
  return TRUE;
}

/* The tree */

static gboolean
card_in_lane (gpointer item,
              gpointer user_data)
{
  return g_strcmp0 (tpt_card_get_lane (item), user_data) == 0;
}

static void
lane_filter_gone_cb (gpointer  data,
                     GObject  *where_the_object_was)
{
  TptOutline *self = data;

  g_ptr_array_remove_fast (self->lane_filters, where_the_object_was);
}

static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  TptOutline *self = user_data;

  if (TPT_IS_BLUEPRINT (item))
    {
      g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);

      g_list_store_append (parts, tpt_blueprint_get_stages (item));
      g_list_store_append (parts, tpt_blueprint_get_lanes (item));
      return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
    }

  if (TPT_IS_STAGE (item))
    return g_object_ref (tpt_stage_get_steps (item));

  if (TPT_IS_LANE (item))
    {
      TptNode *blueprint = tpt_node_get_parent (item);
      GtkCustomFilter *filter;

      if (!TPT_IS_BLUEPRINT (blueprint))
        return NULL;

      filter = gtk_custom_filter_new (card_in_lane, g_strdup (tpt_node_get_id (item)), g_free);
      g_ptr_array_add (self->lane_filters, filter);
      g_object_weak_ref (G_OBJECT (filter), lane_filter_gone_cb, self);
      return G_LIST_MODEL (gtk_filter_list_model_new (
        g_object_ref (tpt_blueprint_get_cards (TPT_BLUEPRINT (blueprint))),
        GTK_FILTER (filter)));
    }

  /* A report's row has no children: it is the report. */
  if (TPT_IS_OUTLINE_HEADING (item))
    switch (TPT_OUTLINE_HEADING (item)->group)
      {
      case TPT_OUTLINE_GROUP_PERSONAS:
        return g_object_ref (tpt_document_get_personas (self->document));
      case TPT_OUTLINE_GROUP_NEEDS:
        return g_object_ref (tpt_document_get_needs (self->document));
      case TPT_OUTLINE_GROUP_SLIDES:
        return g_object_ref (tpt_document_get_slides (self->document));
      case TPT_OUTLINE_GROUP_COVERAGE:
      case TPT_OUTLINE_GROUP_REPORT:
      case TPT_OUTLINE_GROUP_NONE:
      default:
        return NULL;
      }

  return NULL;
}

static gpointer
selected_item (TptOutline *self)
{
  GtkTreeListRow *row;

  if (self->selection == NULL)
    return NULL;

  row = gtk_single_selection_get_selected_item (self->selection);
  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static guint
find_row (TptOutline *self,
          gpointer    item)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, i);
      g_autoptr(GObject) row_item = gtk_tree_list_row_get_item (row);

      if (row_item == item)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The node's context in the tree: the rows to expand to reach it. */
static void
collect_ancestors (TptOutline *self,
                   TptNode    *node,
                   GPtrArray  *chain)
{
  TptNode *parent = tpt_node_get_parent (node);

  if (TPT_IS_CARD (node))
    {
      TptNode *lane = tpt_document_lookup (self->document, tpt_card_get_lane (TPT_CARD (node)));

      g_ptr_array_add (chain, parent);
      if (lane != NULL)
        g_ptr_array_add (chain, lane);
    }
  else if (TPT_IS_STEP (node))
    {
      g_ptr_array_add (chain, tpt_node_get_parent (parent));
      g_ptr_array_add (chain, parent);
    }
  else if (TPT_IS_STAGE (node) || TPT_IS_LANE (node))
    g_ptr_array_add (chain, parent);
  else if (TPT_IS_PERSONA (node))
    g_ptr_array_add (chain, self->personas_heading);
  else if (TPT_IS_NEED (node))
    g_ptr_array_add (chain, self->needs_heading);
  else if (TPT_IS_SLIDE (node))
    g_ptr_array_add (chain, self->slides_heading);
}

static void
select_item (TptOutline *self,
             gpointer    item)
{
  guint position = find_row (self, item);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return;
    }

  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/**
 * tpt_outline_set_selected:
 * @self: a #TptOutline
 * @node: (nullable): a node of the document
 *
 * Selects the row of @node, expanding the rows above it. A node with no row
 * of its own (a fact, a rating, a flow) selects the row it belongs to.
 */
void
tpt_outline_set_selected (TptOutline *self,
                          TptNode    *node)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();

  g_return_if_fail (TPT_IS_OUTLINE (self));
  g_return_if_fail (node == NULL || TPT_IS_NODE (node));

  if (self->document == NULL)
    return;

  if (node == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return;
    }

  if (TPT_IS_RATING (node))
    {
      tpt_outline_select_group (self, TPT_OUTLINE_GROUP_NEEDS);
      return;
    }
  while (node != NULL && !TPT_IS_DOCUMENT (node) && !TPT_IS_BLUEPRINT (node) &&
         !TPT_IS_STAGE (node) && !TPT_IS_STEP (node) && !TPT_IS_LANE (node) &&
         !TPT_IS_CARD (node) && !TPT_IS_PERSONA (node) && !TPT_IS_NEED (node) &&
         !TPT_IS_SLIDE (node))
    node = tpt_node_get_parent (node);
  if (node == NULL || node == selected_item (self))
    return;

  collect_ancestors (self, node, chain);
  for (guint i = 0; i < chain->len; i++)
    {
      guint position = find_row (self, chain->pdata[i]);
      g_autoptr(GtkTreeListRow) row = NULL;

      if (position == GTK_INVALID_LIST_POSITION)
        break;
      row = gtk_tree_list_model_get_row (self->tree, position);
      gtk_tree_list_row_set_expanded (row, TRUE);
    }

  select_item (self, node);
}

void
tpt_outline_select_group (TptOutline      *self,
                          TptOutlineGroup  group)
{
  g_return_if_fail (TPT_IS_OUTLINE (self));

  if (self->document == NULL)
    return;
  if (group == TPT_OUTLINE_GROUP_PERSONAS)
    select_item (self, self->personas_heading);
  else if (group == TPT_OUTLINE_GROUP_NEEDS)
    select_item (self, self->needs_heading);
  else if (group == TPT_OUTLINE_GROUP_COVERAGE)
    select_item (self, self->coverage_heading);
  else if (group == TPT_OUTLINE_GROUP_SLIDES)
    select_item (self, self->slides_heading);
}

/**
 * tpt_outline_select_page:
 * @self: a #TptOutline
 * @kind: an artefact with a page of its own
 *
 * Selects the row that shows the page of @kind: the Personas row, the
 * Needs row, a report's row. Nothing changes for a page without a row of
 * its own (the cover, a blueprint).
 */
void
tpt_outline_select_page (TptOutline      *self,
                         TptArtefactKind  kind)
{
  TptOutlineHeading *headings[] = { self->personas_heading, self->needs_heading };

  g_return_if_fail (TPT_IS_OUTLINE (self));

  if (self->document == NULL)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (headings); i++)
    if (headings[i]->page == kind)
      select_item (self, headings[i]);
  for (guint i = 0; i < self->report_headings->len; i++)
    if (TPT_OUTLINE_HEADING (self->report_headings->pdata[i])->page == kind)
      select_item (self, self->report_headings->pdata[i]);
}

/**
 * tpt_outline_get_selected_page:
 * @self: a #TptOutline
 * @kind: (out) (optional): the page the selected row shows
 *
 * Returns: whether the selected row stands for a page rather than a node:
 *   the Personas or Needs row, or a report's
 */
gboolean
tpt_outline_get_selected_page (TptOutline      *self,
                               TptArtefactKind *kind)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (TPT_IS_OUTLINE (self), FALSE);

  item = selected_item (self);
  if (!TPT_IS_OUTLINE_HEADING (item) || !TPT_OUTLINE_HEADING (item)->has_page)
    return FALSE;
  if (kind != NULL)
    *kind = TPT_OUTLINE_HEADING (item)->page;
  return TRUE;
}

/**
 * tpt_outline_get_selected:
 * @self: a #TptOutline
 *
 * Returns: (transfer none) (nullable): the selected node, or %NULL when
 *   nothing or a group row is selected
 */
TptNode *
tpt_outline_get_selected (TptOutline *self)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (TPT_IS_OUTLINE (self), NULL);

  item = selected_item (self);
  return TPT_IS_NODE (item) ? TPT_NODE (item) : NULL;
}

TptOutlineGroup
tpt_outline_get_selected_group (TptOutline *self)
{
  g_autoptr(GObject) item = NULL;

  g_return_val_if_fail (TPT_IS_OUTLINE (self), TPT_OUTLINE_GROUP_NONE);

  item = selected_item (self);
  return TPT_IS_OUTLINE_HEADING (item) ? TPT_OUTLINE_HEADING (item)->group
                                       : TPT_OUTLINE_GROUP_NONE;
}

/**
 * tpt_outline_get_rows:
 * @self: a #TptOutline
 *
 * Returns: (transfer none) (nullable): the visible rows, as #GtkTreeListRow
 */
GListModel *
tpt_outline_get_rows (TptOutline *self)
{
  g_return_val_if_fail (TPT_IS_OUTLINE (self), NULL);

  return self->tree != NULL ? G_LIST_MODEL (self->tree) : NULL;
}

/* Editing */

static void
update_actions (TptOutline *self)
{
  g_autoptr(GObject) item = selected_item (self);
  gboolean is_node = TPT_IS_NODE (item) && !TPT_IS_DOCUMENT (item);
  gboolean movable = TPT_IS_BLUEPRINT (item) || TPT_IS_PERSONA (item) || TPT_IS_NEED (item) ||
                     TPT_IS_STAGE (item) || TPT_IS_STEP (item) || TPT_IS_LANE (item) ||
                     TPT_IS_SLIDE (item);
  gboolean in_blueprint = TPT_IS_BLUEPRINT (item) || TPT_IS_STAGE (item) ||
                          TPT_IS_STEP (item) || TPT_IS_LANE (item) || TPT_IS_CARD (item);
  gboolean has_document = self->document != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.add-blueprint", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.add-persona", has_document);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.add-need", has_document);
  /* The default set is a start for a list of one's own, not an addition
   * to one: offered while there is none. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.add-default-slides",
                                 has_document &&
                                 g_list_model_get_n_items (
                                   tpt_document_get_slides (self->document)) == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.add-stage", in_blueprint);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.add-step", in_blueprint);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.add-lane", in_blueprint);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.rename", TPT_IS_NODE (item));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.delete", is_node);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.duplicate",
                                 TPT_IS_BLUEPRINT (item) || TPT_IS_PERSONA (item) ||
                                 TPT_IS_NEED (item) || TPT_IS_SLIDE (item));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.duplicate-as-future",
                                 TPT_IS_BLUEPRINT (item));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.move-up", movable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "outline.move-down", movable);
}

static void
selection_changed_cb (TptOutline *self)
{
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

/**
 * tpt_outline_rename_selected:
 * @self: a #TptOutline
 * @name: the new name
 *
 * Renames the selected node as editing its row does: one undoable step, and
 * none when the name is unchanged.
 *
 * Returns: whether the node was renamed
 */
gboolean
tpt_outline_rename_selected (TptOutline *self,
                             const char *name)
{
  TptNode *node;
  g_autofree char *current = NULL;

  g_return_val_if_fail (TPT_IS_OUTLINE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  node = tpt_outline_get_selected (self);
  if (node == NULL || !tpt_node_is_attached (node))
    return FALSE;

  g_object_get (node, name_property (node), &current, NULL);
  if (g_strcmp0 (current != NULL ? current : "", name) == 0)
    return FALSE;

  tpt_node_edits_set_name (self->document, node, name);
  return TRUE;
}

/* Renaming happens in a popover over the row rather than in the row: rows
 * are recycled as the list scrolls and changes, and an editor inside one
 * would vanish with it. */
static void
rename_activate_cb (TptOutline *self)
{
  g_autoptr(TptNode) node = g_steal_pointer (&self->renaming);
  g_autofree char *current = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->rename_entry));

  gtk_popover_popdown (GTK_POPOVER (self->rename_popover));
  if (node == NULL || !tpt_node_is_attached (node) || self->document == NULL)
    return;

  g_object_get (node, name_property (node), &current, NULL);
  if (g_strcmp0 (current != NULL ? current : "", text) != 0)
    tpt_node_edits_set_name (self->document, node, text);
}

static void
rename_closed_cb (TptOutline *self)
{
  g_clear_object (&self->renaming);
}

/* Where the selected row's name is, once it is on screen. */
static gboolean
selected_label_bounds (TptOutline      *self,
                       graphene_rect_t *bounds)
{
  TptNode *node = tpt_outline_get_selected (self);
  GtkWidget *label = node != NULL ? g_hash_table_lookup (self->labels, node) : NULL;

  return label != NULL && gtk_widget_get_mapped (label) &&
         gtk_widget_compute_bounds (label, GTK_WIDGET (self), bounds) &&
         bounds->size.width > 0;
}

/* A row just added is on screen a frame or two later, once the list is
 * laid out: the editor waits for it, so as to open over it. */
static gboolean
rename_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  TptOutline *self = TPT_OUTLINE (widget);
  graphene_rect_t bounds;

  if (!selected_label_bounds (self, &bounds) && ++self->rename_ticks < 10)
    return G_SOURCE_CONTINUE;

  self->rename_tick_id = 0;
  self->rename_deferred = TRUE;
  gtk_widget_activate_action (widget, "outline.rename", NULL);
  self->rename_deferred = FALSE;
  return G_SOURCE_REMOVE;
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TptOutline *self = TPT_OUTLINE (widget);
  TptNode *node = tpt_outline_get_selected (self);
  g_autofree char *current = NULL;
  graphene_rect_t bounds;
  GdkRectangle rect = { 24, 24, 1, 1 };

  if (node == NULL)
    return;

  if (selected_label_bounds (self, &bounds))
    rect = (GdkRectangle) { (int) bounds.origin.x, (int) bounds.origin.y,
                            (int) bounds.size.width, (int) bounds.size.height };
  else if (!self->rename_deferred && gtk_widget_get_mapped (widget))
    {
      if (self->rename_tick_id == 0)
        {
          self->rename_ticks = 0;
          self->rename_tick_id = gtk_widget_add_tick_callback (widget, rename_tick_cb, NULL, NULL);
        }
      return;
    }

  g_object_get (node, name_property (node), &current, NULL);
  g_set_object (&self->renaming, node);
  gtk_editable_set_text (GTK_EDITABLE (self->rename_entry), current != NULL ? current : "");
  gtk_popover_set_pointing_to (GTK_POPOVER (self->rename_popover), &rect);
  gtk_popover_popup (GTK_POPOVER (self->rename_popover));
  gtk_widget_grab_focus (self->rename_entry);
  gtk_editable_select_region (GTK_EDITABLE (self->rename_entry), 0, -1);
}

static GListModel *
sibling_model (TptNode *node)
{
  TptNode *parent = tpt_node_get_parent (node);

  if (TPT_IS_BLUEPRINT (node))
    return tpt_document_get_blueprints (TPT_DOCUMENT (parent));
  if (TPT_IS_PERSONA (node))
    return tpt_document_get_personas (TPT_DOCUMENT (parent));
  if (TPT_IS_NEED (node))
    return tpt_document_get_needs (TPT_DOCUMENT (parent));
  if (TPT_IS_SLIDE (node))
    return tpt_document_get_slides (TPT_DOCUMENT (parent));
  if (TPT_IS_STAGE (node))
    return tpt_blueprint_get_stages (TPT_BLUEPRINT (parent));
  if (TPT_IS_LANE (node))
    return tpt_blueprint_get_lanes (TPT_BLUEPRINT (parent));
  if (TPT_IS_STEP (node))
    return tpt_stage_get_steps (TPT_STAGE (parent));
  return NULL;
}

static guint
index_of (GListModel *model,
          gpointer    item)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptOutline *self = TPT_OUTLINE (widget);
  TptNode *node = tpt_outline_get_selected (self);
  gboolean up = g_str_equal (action_name, "outline.move-up");
  GListModel *siblings;
  guint index, target;

  if (node == NULL || (siblings = sibling_model (node)) == NULL)
    return;

  index = index_of (siblings, node);
  if (index == GTK_INVALID_LIST_POSITION ||
      (up && index == 0) || (!up && index + 1 >= g_list_model_get_n_items (siblings)))
    {
      gtk_widget_error_bell (widget);
      return;
    }
  /* Positions count the list as it is before the move. */
  target = up ? index - 1 : index + 2;

  /* Each move is one step under the model's own label ("Move Persona"),
   * the label the same move has when dragged on the page. */
  if (TPT_IS_BLUEPRINT (node))
    tpt_document_move_blueprint (self->document, TPT_BLUEPRINT (node), target);
  else if (TPT_IS_PERSONA (node))
    tpt_document_move_persona (self->document, TPT_PERSONA (node), target);
  else if (TPT_IS_NEED (node))
    tpt_document_move_need (self->document, TPT_NEED (node), target);
  else if (TPT_IS_SLIDE (node))
    tpt_document_move_slide (self->document, TPT_SLIDE (node), target);
  else if (TPT_IS_STAGE (node))
    tpt_blueprint_move_stage (TPT_BLUEPRINT (tpt_node_get_parent (node)), TPT_STAGE (node), target);
  else if (TPT_IS_LANE (node))
    tpt_blueprint_move_lane (TPT_BLUEPRINT (tpt_node_get_parent (node)), TPT_LANE (node), target);
  else if (TPT_IS_STEP (node))
    {
      TptStage *stage = TPT_STAGE (tpt_node_get_parent (node));

      tpt_blueprint_move_step (TPT_BLUEPRINT (tpt_node_get_parent (TPT_NODE (stage))),
                               TPT_STEP (node), stage, target);
    }

  tpt_outline_set_selected (self, NULL);
  tpt_outline_set_selected (self, node);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TptOutline *self = TPT_OUTLINE (widget);
  g_autoptr(TptNode) node = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  guint position = gtk_single_selection_get_selected (self->selection);

  if (tpt_outline_get_selected (self) == NULL || TPT_IS_DOCUMENT (tpt_outline_get_selected (self)))
    return;

  node = g_object_ref (tpt_outline_get_selected (self));
  name = dup_display_name (node);

  tpt_node_edits_delete (self->document, node);

  /* Keep the place in the list: the row that took its place, or the one
   * before at the end. */
  if (position != GTK_INVALID_LIST_POSITION)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));

      if (n > 0)
        gtk_single_selection_set_selected (self->selection, MIN (position, n - 1));
    }

  message = g_strdup_printf (_("“%s” deleted"), name);
  g_signal_emit (self, signals[TOAST], 0, message, TRUE);
}

static TptBlueprint *
starter_blueprint (TptDocument *document)
{
  static const struct {
    const char  *title;
    TptLaneKind  kind;
    TptOffice    office;
  } lanes[] = {
    { N_("Physical evidence"), TPT_LANE_KIND_EVIDENCE, TPT_OFFICE_NONE },
    { N_("Customer actions"), TPT_LANE_KIND_CUSTOMER, TPT_OFFICE_NONE },
    { N_("Frontstage actions"), TPT_LANE_KIND_FRONTSTAGE, TPT_OFFICE_FRONT },
    { N_("Backstage actions"), TPT_LANE_KIND_BACKSTAGE, TPT_OFFICE_MIDDLE },
    { N_("Support processes"), TPT_LANE_KIND_SUPPORT, TPT_OFFICE_BACK },
  };
  TptBlueprint *blueprint = tpt_blueprint_new (document);
  g_autoptr(TptStage) stage = tpt_stage_new (document);

  /* What every service blueprint starts from: one stage of three steps over
   * the standard lanes, so the line of interaction, the line of visibility
   * and the line of internal interaction are there from the start. */
  tpt_blueprint_set_title (blueprint, _("New Blueprint"));
  tpt_stage_set_title (stage, _("Stage 1"));
  tpt_blueprint_insert_stage (blueprint, 0, stage);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(TptStep) step = tpt_step_new (document);
      g_autofree char *title = g_strdup_printf (_("Step %u"), i + 1);

      tpt_step_set_title (step, title);
      tpt_blueprint_insert_step (blueprint, stage, i, step);
    }
  for (guint i = 0; i < G_N_ELEMENTS (lanes); i++)
    {
      g_autoptr(TptLane) lane = tpt_lane_new (document);

      tpt_lane_set_title (lane, _(lanes[i].title));
      tpt_lane_set_kind (lane, lanes[i].kind);
      tpt_lane_set_office (lane, lanes[i].office);
      tpt_blueprint_insert_lane (blueprint, i, lane);
    }

  return blueprint;
}

/* Where a new node goes: after the selected one of its kind, else last. */
static guint
insert_position (TptOutline *self,
                 GListModel *siblings,
                 GType       type)
{
  g_autoptr(GObject) item = selected_item (self);
  guint index;

  if (item != NULL && G_TYPE_CHECK_INSTANCE_TYPE (item, type) &&
      (index = index_of (siblings, item)) != GTK_INVALID_LIST_POSITION)
    return index + 1;

  return g_list_model_get_n_items (siblings);
}

static TptBlueprint *
selected_blueprint (TptOutline *self)
{
  for (TptNode *node = tpt_outline_get_selected (self); node != NULL;
       node = tpt_node_get_parent (node))
    if (TPT_IS_BLUEPRINT (node))
      return TPT_BLUEPRINT (node);
  return NULL;
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TptOutline *self = TPT_OUTLINE (widget);
  g_autoptr(TptNode) added = NULL;
  TptBlueprint *blueprint = selected_blueprint (self);
  TptNode *selected = tpt_outline_get_selected (self);

  if (self->document == NULL)
    return;

  if (g_str_equal (action_name, "outline.add-blueprint"))
    {
      GListModel *blueprints = tpt_document_get_blueprints (self->document);
      guint position = insert_position (self, blueprints, TPT_TYPE_BLUEPRINT);

      added = TPT_NODE (starter_blueprint (self->document));
      tpt_document_begin (self->document, _("Add Blueprint"));
      tpt_document_insert_blueprint (self->document, position, TPT_BLUEPRINT (added));
      tpt_document_end (self->document);
    }
  else if (g_str_equal (action_name, "outline.add-persona"))
    {
      GListModel *personas = tpt_document_get_personas (self->document);
      guint position = insert_position (self, personas, TPT_TYPE_PERSONA);

      added = g_object_ref (TPT_NODE (tpt_node_edits_add_persona (self->document, position)));
    }
  else if (g_str_equal (action_name, "outline.add-need"))
    {
      GListModel *needs = tpt_document_get_needs (self->document);
      guint position = insert_position (self, needs, TPT_TYPE_NEED);

      added = TPT_NODE (tpt_need_new (self->document));
      tpt_need_set_title (TPT_NEED (added), _("New Need"));
      tpt_document_begin (self->document, _("Add Need"));
      tpt_document_insert_need (self->document, position, TPT_NEED (added));
      tpt_document_end (self->document);
    }
  else if (g_str_equal (action_name, "outline.add-default-slides"))
    {
      GListModel *slides = tpt_document_get_slides (self->document);
      guint position = insert_position (self, slides, TPT_TYPE_SLIDE);

      /* The first is selected, to be seen; no renaming: they are named. */
      if (tpt_slide_edits_add_defaults (self->document, position) > 0)
        {
          g_autoptr(TptNode) first = g_list_model_get_item (slides, position);

          tpt_outline_set_selected (self, first);
        }
      return;
    }
  else if (blueprint != NULL && g_str_equal (action_name, "outline.add-stage"))
    {
      GListModel *stages = tpt_blueprint_get_stages (blueprint);

      added = TPT_NODE (tpt_stage_new (self->document));
      tpt_stage_set_title (TPT_STAGE (added), _("New Stage"));
      tpt_document_begin (self->document, _("Add Stage"));
      tpt_blueprint_insert_stage (blueprint, insert_position (self, stages, TPT_TYPE_STAGE),
                                  TPT_STAGE (added));
      tpt_document_end (self->document);
    }
  else if (blueprint != NULL && g_str_equal (action_name, "outline.add-lane"))
    {
      GListModel *lanes = tpt_blueprint_get_lanes (blueprint);

      added = TPT_NODE (tpt_lane_new (self->document));
      tpt_lane_set_title (TPT_LANE (added), _("New Lane"));
      tpt_lane_set_kind (TPT_LANE (added), TPT_LANE_KIND_CUSTOM);
      tpt_document_begin (self->document, _("Add Lane"));
      tpt_blueprint_insert_lane (blueprint, insert_position (self, lanes, TPT_TYPE_LANE),
                                 TPT_LANE (added));
      tpt_document_end (self->document);
    }
  else if (blueprint != NULL && g_str_equal (action_name, "outline.add-step"))
    {
      g_autoptr(TptStage) stage = NULL;
      guint position;

      /* Into the selected stage (after the selected step), else the last. */
      if (TPT_IS_STEP (selected))
        stage = g_object_ref (TPT_STAGE (tpt_node_get_parent (selected)));
      else if (TPT_IS_STAGE (selected))
        stage = g_object_ref (TPT_STAGE (selected));
      else
        {
          GListModel *stages = tpt_blueprint_get_stages (blueprint);
          guint n = g_list_model_get_n_items (stages);

          if (n == 0)
            {
              stage = tpt_stage_new (self->document);
              tpt_stage_set_title (stage, _("New Stage"));
            }
          else
            stage = g_list_model_get_item (stages, n - 1);
        }

      position = insert_position (self, tpt_stage_get_steps (stage), TPT_TYPE_STEP);
      added = TPT_NODE (tpt_step_new (self->document));
      tpt_step_set_title (TPT_STEP (added), _("New Step"));
      tpt_document_begin (self->document, _("Add Step"));
      if (!tpt_node_is_attached (TPT_NODE (stage)))
        tpt_blueprint_insert_stage (blueprint, 0, stage);
      tpt_blueprint_insert_step (blueprint, stage, position, TPT_STEP (added));
      tpt_document_end (self->document);
    }

  if (added != NULL)
    {
      tpt_outline_set_selected (self, added);
      /* A new thing is named next, as in a file manager. */
      gtk_widget_activate_action (widget, "outline.rename", NULL);
    }
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TptOutline *self = TPT_OUTLINE (widget);
  TptNode *node = tpt_outline_get_selected (self);
  TptNode *copy = NULL;
  g_autoptr(TptNode) owned = NULL;

  if (TPT_IS_BLUEPRINT (node))
    {
      if (g_str_equal (action_name, "outline.duplicate-as-future"))
        copy = TPT_NODE (tpt_document_duplicate_as_future (self->document, TPT_BLUEPRINT (node)));
      else
        copy = TPT_NODE (tpt_document_duplicate_blueprint (self->document, TPT_BLUEPRINT (node)));
    }
  else if (TPT_IS_PERSONA (node))
    {
      copy = TPT_NODE (tpt_node_edits_duplicate_persona (self->document, TPT_PERSONA (node)));
    }
  else if (TPT_IS_NEED (node))
    {
      GListModel *needs = tpt_document_get_needs (self->document);
      g_autofree char *title = g_strdup_printf (_("%s (copy)"), tpt_need_get_title (TPT_NEED (node)));

      copy = owned = TPT_NODE (tpt_need_new (self->document));
      tpt_need_set_title (TPT_NEED (copy), title);
      tpt_need_set_description (TPT_NEED (copy), tpt_need_get_description (TPT_NEED (node)));
      tpt_document_begin (self->document, _("Duplicate Need"));
      tpt_document_insert_need (self->document, index_of (needs, node) + 1, TPT_NEED (copy));
      tpt_document_end (self->document);
    }
  else if (TPT_IS_SLIDE (node))
    {
      copy = TPT_NODE (tpt_slide_edits_duplicate (self->document, TPT_SLIDE (node)));
    }

  if (copy != NULL)
    tpt_outline_set_selected (self, copy);
}

/* Rows */

static void
show_context_menu (TptOutline *self,
                   double      x,
                   double      y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
row_pressed_cb (GtkGestureClick *gesture,
                int              n_press,
                double           x,
                double           y,
                TptOutline      *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkListItem *item = g_object_get_data (G_OBJECT (row), "tpt-list-item");
  double ox, oy;

  if (item == NULL)
    return;

  gtk_single_selection_set_selected (self->selection, gtk_list_item_get_position (item));
  gtk_widget_translate_coordinates (row, GTK_WIDGET (self), x, y, &ox, &oy);
  show_context_menu (self, ox, oy);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Needs and personas can be dragged onto a card on the blueprint, which
 * then serves the need or concerns the persona; slides onto other slides,
 * to reorder the slide list. */
static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 TptOutline    *self)
{
  GtkWidget *expander = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GtkListItem *item = g_object_get_data (G_OBJECT (expander), "tpt-list-item");
  GtkTreeListRow *row = item != NULL ? gtk_list_item_get_item (item) : NULL;
  g_autoptr(GObject) node = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (!TPT_IS_NEED (node) && !TPT_IS_PERSONA (node) && !TPT_IS_SLIDE (node))
    return NULL;
  return gdk_content_provider_new_typed (G_OBJECT_TYPE (node), node);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               TptOutline    *self)
{
  GtkWidget *expander = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (expander);

  gtk_drag_source_set_icon (source, icon, 16, 12);
}

/* A slide dropped on the upper half of a slide's row goes before it, on
 * the lower half after it, and on the Slides row first. */
static gboolean
slide_drop_cb (GtkDropTarget *target,
               const GValue  *value,
               double         x,
               double         y,
               TptOutline    *self)
{
  GtkWidget *expander = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GtkListItem *item = g_object_get_data (G_OBJECT (expander), "tpt-list-item");
  GtkTreeListRow *row = item != NULL ? gtk_list_item_get_item (item) : NULL;
  g_autoptr(GObject) onto = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
  TptSlide *slide = g_value_get_object (value);
  GListModel *slides;
  guint from, position;

  if (self->document == NULL || !TPT_IS_SLIDE (slide))
    return FALSE;
  slides = tpt_document_get_slides (self->document);
  from = index_of (slides, slide);
  if (from == GTK_INVALID_LIST_POSITION)
    return FALSE;

  if (TPT_IS_SLIDE (onto))
    {
      position = index_of (slides, onto);
      if (position == GTK_INVALID_LIST_POSITION)
        return FALSE;
      if (y > gtk_widget_get_height (expander) / 2.0)
        position++;
    }
  else if (onto == G_OBJECT (self->slides_heading))
    position = 0;
  else
    return FALSE;

  /* Positions count the list as it is before the move: dropped just
   * before or after itself, it stays. */
  if (position != from && position != from + 1)
    tpt_document_move_slide (self->document, slide, position);
  tpt_outline_set_selected (self, NULL);
  tpt_outline_set_selected (self, TPT_NODE (slide));
  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              TptOutline               *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkDragSource *source;
  GtkDropTarget *drop;

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), tpt_outline_row_new ());
  gtk_list_item_set_child (item, expander);

  g_object_set_data (G_OBJECT (expander), "tpt-list-item", item);
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (row_pressed_cb), self);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (click));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (source));

  drop = gtk_drop_target_new (TPT_TYPE_SLIDE, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (slide_drop_cb), self);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drop));
}

static void
update_row_detail (TptOutlineRow *row,
                   gpointer       item)
{
  if (TPT_IS_BLUEPRINT (item) && tpt_blueprint_get_state (item) == TPT_BLUEPRINT_STATE_FUTURE)
    tpt_outline_row_set_detail (row, _("future"));
  else if (TPT_IS_SLIDE (item) && tpt_slide_get_region (item, NULL, NULL, NULL, NULL))
    /* Translators: beside a slide in the outline: it shows part of its artefact. */
    tpt_outline_row_set_detail (row, _("region"));
  else
    tpt_outline_row_set_detail (row, NULL);
}

static TptOutlineRow *
row_of (GtkWidget *expander)
{
  return TPT_OUTLINE_ROW (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));
}

static void
update_row_accessible (GtkWidget *expander,
                       gpointer   item)
{
  g_autofree char *name = dup_display_name (item);
  g_autofree char *text = NULL;

  if (TPT_IS_CARD (item) && tpt_card_get_kind (item) == TPT_CARD_KIND_FAIL)
    /* Translators: how a screen reader reads a card that is a fail point. */
    text = g_strdup_printf (_("Card: %s, fail point"), name);
  else if (TPT_IS_CARD (item) && tpt_card_get_kind (item) == TPT_CARD_KIND_WAIT)
    /* Translators: how a screen reader reads a card that is a wait point. */
    text = g_strdup_printf (_("Card: %s, wait point"), name);
  else if (TPT_IS_NODE (item))
    /* Translators: how a screen reader reads a row: its kind, then its name. */
    text = g_strdup_printf (_("%s: %s"), kind_name (item), name);
  else
    text = g_steal_pointer (&name);

  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
}

static void
item_changed_cb (GtkWidget  *expander,
                 GParamSpec *pspec,
                 GObject    *item)
{
  TptOutlineRow *row = row_of (expander);

  tpt_outline_row_set_icon (row, icon_name (item));
  update_row_detail (row, item);
  update_row_accessible (expander, item);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             TptOutline               *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *label = GTK_WIDGET (tpt_outline_row_get_label (row_of (expander)));
  GObject *item = gtk_tree_list_row_get_item (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);

  /* A row whose item went away in the same batch of changes (a card
   * deleted as its lane is undone) is bound once more before it goes. */
  if (item == NULL)
    return;

  if (TPT_IS_NODE (item))
    {
      GBinding *binding = g_object_bind_property_full (item, name_property (item), label, "label",
                                                       G_BINDING_SYNC_CREATE,
                                                       display_name_transform, NULL,
                                                       item, NULL);

      g_object_set_data (G_OBJECT (list_item), "tpt-binding", binding);
      g_hash_table_insert (self->labels, item, label);
      g_signal_connect_object (item, "notify", G_CALLBACK (item_changed_cb), expander,
                               G_CONNECT_SWAPPED);
    }
  else
    {
      g_autofree char *name = dup_display_name (item);

      gtk_label_set_label (GTK_LABEL (label), name);
    }

  item_changed_cb (expander, NULL, item);
  g_object_unref (item);
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               TptOutline               *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkWidget *label = GTK_WIDGET (tpt_outline_row_get_label (row_of (expander)));
  GBinding *binding = g_object_get_data (G_OBJECT (list_item), "tpt-binding");
  g_autoptr(GObject) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

  if (binding != NULL)
    g_binding_unbind (binding);
  g_object_set_data (G_OBJECT (list_item), "tpt-binding", NULL);

  if (item != NULL)
    {
      if (g_hash_table_lookup (self->labels, item) == label)
        g_hash_table_remove (self->labels, item);
      g_signal_handlers_disconnect_by_func (item, item_changed_cb, expander);
    }
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), NULL);
}

static void
card_moved_cb (TptOutline *self,
               TptNode    *node,
               GParamSpec *pspec)
{
  if (!TPT_IS_CARD (node) || !g_str_equal (pspec->name, "lane"))
    return;

  for (guint i = 0; i < self->lane_filters->len; i++)
    gtk_filter_changed (self->lane_filters->pdata[i], GTK_FILTER_CHANGE_DIFFERENT);
}

static void
clear_model (TptOutline *self)
{
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_hash_table_remove_all (self->labels);
  for (guint i = 0; i < self->lane_filters->len; i++)
    g_object_weak_unref (self->lane_filters->pdata[i], lane_filter_gone_cb, self);
  g_ptr_array_set_size (self->lane_filters, 0);
}

/**
 * tpt_outline_set_document:
 * @self: a #TptOutline
 * @document: (nullable): the document to outline
 */
void
tpt_outline_set_document (TptOutline  *self,
                          TptDocument *document)
{
  g_autoptr(GListStore) top = NULL;
  g_autoptr(GListStore) head = NULL;
  g_autoptr(GListStore) tail = NULL;

  g_return_if_fail (TPT_IS_OUTLINE (self));
  g_return_if_fail (document == NULL || TPT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_func (tpt_document_get_slides (self->document),
                                            update_actions, self);
    }
  clear_model (self);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      top = g_list_store_new (G_TYPE_LIST_MODEL);
      head = g_list_store_new (G_TYPE_OBJECT);
      tail = g_list_store_new (G_TYPE_OBJECT);

      g_list_store_append (head, document);
      g_list_store_append (tail, self->personas_heading);
      g_list_store_append (tail, self->needs_heading);
      for (guint i = 0; i < self->report_headings->len; i++)
        g_list_store_append (tail, self->report_headings->pdata[i]);
      g_list_store_append (tail, self->slides_heading);
      g_list_store_append (top, head);
      g_list_store_append (top, tpt_document_get_blueprints (document));
      g_list_store_append (top, tail);

      self->tree = gtk_tree_list_model_new (G_LIST_MODEL (gtk_flatten_list_model_new (
                                              G_LIST_MODEL (g_steal_pointer (&top)))),
                                            FALSE, FALSE, create_children_cb, self, NULL);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree)));
      gtk_single_selection_set_autoselect (self->selection, FALSE);
      gtk_single_selection_set_can_unselect (self->selection, TRUE);
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_swapped (self->selection, "notify::selected-item",
                                G_CALLBACK (selection_changed_cb), self);
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
      g_signal_connect_swapped (document, "node-changed", G_CALLBACK (card_moved_cb), self);
      g_signal_connect_object (tpt_document_get_slides (document), "items-changed",
                               G_CALLBACK (update_actions), self, G_CONNECT_SWAPPED);
    }

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

TptDocument *
tpt_outline_get_document (TptOutline *self)
{
  g_return_val_if_fail (TPT_IS_OUTLINE (self), NULL);

  return self->document;
}

static void
context_menu_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  TptOutline *self = TPT_OUTLINE (widget);

  show_context_menu (self, 24, 24);
}

/* The window's actions are reached from here too: the outline is in it. */
static void
append_slide_items (GMenu *menu)
{
  g_menu_append (menu, _("New Slide from Re_gion…"), "win.add-slide");
  g_menu_append (menu, _("New Slide of _Whole View"), "win.add-slide-whole");
  g_menu_append (menu, _("_Add Default Slides"), "outline.add-default-slides");
}

static GMenuModel *
build_menu (void)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) move = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();
  g_autoptr(GMenu) slides = g_menu_new ();

  g_menu_append (add, _("New _Blueprint"), "outline.add-blueprint");
  g_menu_append (add, _("New _Stage"), "outline.add-stage");
  g_menu_append (add, _("New S_tep"), "outline.add-step");
  g_menu_append (add, _("New _Lane"), "outline.add-lane");
  g_menu_append (add, _("New _Persona"), "outline.add-persona");
  g_menu_append (add, _("New _Need"), "outline.add-need");
  g_menu_append (edit, _("_Rename"), "outline.rename");
  g_menu_append (edit, _("_Duplicate"), "outline.duplicate");
  g_menu_append (edit, _("Duplicate as _Future State"), "outline.duplicate-as-future");
  g_menu_append (move, _("Move _Up"), "outline.move-up");
  g_menu_append (move, _("Move Do_wn"), "outline.move-down");
  g_menu_append (remove, _("_Delete"), "outline.delete");
  append_slide_items (slides);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (slides));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (move));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));

  return G_MENU_MODEL (menu);
}

/* Enter or a double click on a row renames it, as in Files. */
static void
list_activate_cb (TptOutline *self,
                  guint       position)
{
  gtk_single_selection_set_selected (self->selection, position);
  if (tpt_outline_get_selected (self) != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "outline.rename", NULL);
  else
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree, position);

      if (row != NULL)
        gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
    }
}

static void
tpt_outline_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TptOutline *self = TPT_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SELECTED:
      g_value_set_object (value, tpt_outline_get_selected (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_outline_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TptOutline *self = TPT_OUTLINE (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tpt_outline_set_document (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      tpt_outline_set_selected (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_outline_dispose (GObject *object)
{
  TptOutline *self = TPT_OUTLINE (object);

  tpt_outline_set_document (self, NULL);
  if (self->rename_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->rename_tick_id);
  self->rename_tick_id = 0;
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  g_clear_pointer (&self->rename_popover, gtk_widget_unparent);
  g_clear_object (&self->renaming);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->personas_heading);
  g_clear_object (&self->needs_heading);
  g_clear_object (&self->coverage_heading);
  g_clear_object (&self->slides_heading);
  g_clear_pointer (&self->report_headings, g_ptr_array_unref);

  G_OBJECT_CLASS (tpt_outline_parent_class)->dispose (object);
}

static void
tpt_outline_finalize (GObject *object)
{
  TptOutline *self = TPT_OUTLINE (object);

  g_clear_pointer (&self->lane_filters, g_ptr_array_unref);
  g_clear_pointer (&self->labels, g_hash_table_unref);

  G_OBJECT_CLASS (tpt_outline_parent_class)->finalize (object);
}

/* The row widget showing list position @position, if it is on screen. */
static GtkWidget *
find_row_widget (GtkWidget *widget,
                 guint      position)
{
  GtkListItem *item = g_object_get_data (G_OBJECT (widget), "tpt-list-item");

  if (item != NULL && gtk_list_item_get_position (item) == position)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_widget (child, position);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Coming to the outline (F6, a click on its pane) puts the focus on the
 * selected row, where the arrows then go on from, not on the first
 * button of its header. */
static gboolean
tpt_outline_grab_focus (GtkWidget *widget)
{
  TptOutline *self = TPT_OUTLINE (widget);
  guint position = self->selection != NULL ? gtk_single_selection_get_selected (self->selection)
                                           : GTK_INVALID_LIST_POSITION;
  GtkWidget *row = position != GTK_INVALID_LIST_POSITION
                   ? find_row_widget (GTK_WIDGET (self->list_view), position) : NULL;

  /* The list item widget around our row is the one that takes focus. */
  for (GtkWidget *w = row; w != NULL && w != GTK_WIDGET (self->list_view);
       w = gtk_widget_get_parent (w))
    if (gtk_widget_get_focusable (w) && gtk_widget_grab_focus (w))
      return TRUE;
  return gtk_widget_grab_focus (GTK_WIDGET (self->list_view)) ||
         gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
}

static void
tpt_outline_class_init (TptOutlineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tpt_outline_dispose;
  object_class->finalize = tpt_outline_finalize;
  object_class->get_property = tpt_outline_get_property;
  object_class->set_property = tpt_outline_set_property;
  widget_class->grab_focus = tpt_outline_grab_focus;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TPT_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_object ("selected", NULL, NULL, TPT_TYPE_NODE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TptOutline::toast:
   * @self: the outline
   * @title: what happened, e.g. “Claims” deleted
   * @undoable: whether the window should offer Undo
   */
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_install_action (widget_class, "outline.add-blueprint", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "outline.add-stage", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "outline.add-step", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "outline.add-lane", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "outline.add-persona", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "outline.add-need", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "outline.add-default-slides", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "outline.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "outline.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "outline.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "outline.duplicate-as-future", NULL,
                                   duplicate_action);
  gtk_widget_class_install_action (widget_class, "outline.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "outline.move-down", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "outline.context-menu", NULL,
                                   context_menu_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "outline.rename", NULL);
  /* Menus show the key bound last: the keypad's first, so "Delete" shows. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "outline.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "outline.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK,
                                       "outline.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK,
                                       "outline.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "outline.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "outline.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "outline.context-menu", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "outline");
}

static void
tpt_outline_init (TptOutline *self)
{
  g_autoptr(GMenuModel) menu = build_menu ();
  g_autoptr(GMenu) add_menu = g_menu_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (_("Outline"));
  GtkWidget *add = gtk_menu_button_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->lane_filters = g_ptr_array_new ();
  self->labels = g_hash_table_new (NULL, NULL);
  self->personas_heading = tpt_outline_heading_new (TPT_OUTLINE_GROUP_PERSONAS,
                                                    TPT_ARTEFACT_PERSONAS, TRUE);
  self->needs_heading = tpt_outline_heading_new (TPT_OUTLINE_GROUP_NEEDS,
                                                 TPT_ARTEFACT_NEEDS_MATRIX, TRUE);
  self->coverage_heading = tpt_outline_heading_new (TPT_OUTLINE_GROUP_COVERAGE,
                                                    TPT_ARTEFACT_COVERAGE, TRUE);
  self->slides_heading = tpt_outline_heading_new (TPT_OUTLINE_GROUP_SLIDES,
                                                  TPT_ARTEFACT_COVER, FALSE);
  /* A row for each report the artefact table has, in its order. */
  self->report_headings = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < TPT_ARTEFACT_N_KINDS; i++)
    if (i == TPT_ARTEFACT_COVERAGE)
      g_ptr_array_add (self->report_headings, g_object_ref (self->coverage_heading));
    else if (tpt_artefact_kind_has_flags (i, TPT_ARTEFACT_FLAG_PAGE | TPT_ARTEFACT_FLAG_REPORT))
      g_ptr_array_add (self->report_headings,
                       tpt_outline_heading_new (TPT_OUTLINE_GROUP_REPORT, i, TRUE));

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  /* Nothing of the outline reaches over the page beside it. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  /* A heading with the Add menu, as in Files' and Builder's sidebars. */
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_set_hexpand (title, TRUE);
  g_menu_append (add_menu, _("New _Blueprint"), "outline.add-blueprint");
  g_menu_append (add_menu, _("New _Persona"), "outline.add-persona");
  g_menu_append (add_menu, _("New _Need"), "outline.add-need");
  {
    g_autoptr(GMenu) slides = g_menu_new ();

    append_slide_items (slides);
    g_menu_append_section (add_menu, NULL, G_MENU_MODEL (slides));
  }
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (add), "list-add-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (add), G_MENU_MODEL (add_menu));
  gtk_widget_set_tooltip_text (add, _("Add"));
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 6);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_bottom (header, 6);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), add);
  gtk_box_append (GTK_BOX (self->box), header);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Document outline"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->list_view));
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (self->box), scroller);

  g_signal_connect_swapped (self->list_view, "activate", G_CALLBACK (list_activate_cb), self);

  self->rename_entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (self->rename_entry), FALSE);
  gtk_widget_set_size_request (self->rename_entry, 220, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rename_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New name"), -1);
  g_signal_connect_swapped (self->rename_entry, "activate", G_CALLBACK (rename_activate_cb), self);
  self->rename_popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (self->rename_popover), self->rename_entry);
  gtk_popover_set_position (GTK_POPOVER (self->rename_popover), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->rename_popover, GTK_WIDGET (self));
  g_signal_connect_swapped (self->rename_popover, "closed", G_CALLBACK (rename_closed_cb), self);

  self->context_menu = gtk_popover_menu_new_from_model (menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));

  update_actions (self);
}

GtkWidget *
tpt_outline_new (void)
{
  return g_object_new (TPT_TYPE_OUTLINE, NULL);
}
