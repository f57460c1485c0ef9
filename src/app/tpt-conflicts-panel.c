/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-conflicts-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-conflicts-panel.h"

#include "tpt-conflict.h"

/* The merge conflicts of a document, as `touchpoint --merge` (git's merge
 * driver) recorded them: a row each, saying where it is (the node and the
 * field) and both sides' values, and the value both started from, each
 * with a button that settles the conflict that way as one undoable step
 * (tpt_conflict_resolve()). "Show" asks the window to select the node.
 * The rows follow the document's list of conflicts, so an undo brings a
 * resolved one back. */
struct _TptConflictsPanel
{
  GtkWidget    parent_instance;

  /* template widgets */
  GtkWidget   *box;
  GtkLabel    *summary_label;
  GtkWidget   *all_box;
  GtkWidget   *all_ours_button;
  GtkWidget   *all_theirs_button;
  GtkLabel    *error_label;
  GtkWidget   *scroller;
  GtkListBox  *list;

  /* owned */
  TptDocument *document;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  N_PROPS
};

enum {
  SHOW_NODE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TptConflictsPanel, tpt_conflicts_panel, GTK_TYPE_WIDGET)

#define CONFLICT_KEY "tpt-conflict"
#define CHOICE_KEY   "tpt-choice"

static void
show_error (TptConflictsPanel *self,
            const GError      *error)
{
  gtk_label_set_text (self->error_label, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
}

static void
update_summary (TptConflictsPanel *self)
{
  guint n = 0;
  g_autofree char *text = NULL;

  if (self->document != NULL)
    n = g_list_model_get_n_items (tpt_document_get_conflicts (self->document));

  if (n == 0)
    text = g_strdup (_("No merge conflicts"));
  else
    text = g_strdup_printf (ngettext ("%u merge conflict to settle",
                                      "%u merge conflicts to settle", n), n);
  gtk_label_set_text (self->summary_label, text);
  gtk_widget_set_visible (self->all_box, n > 0);
  gtk_widget_set_visible (self->scroller, n > 0);
}

static void
choose_clicked_cb (TptConflictsPanel *self,
                   GtkButton         *button)
{
  TptConflict *conflict = g_object_get_data (G_OBJECT (button), CONFLICT_KEY);
  TptConflictChoice choice = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), CHOICE_KEY));
  g_autoptr(GError) error = NULL;

  /* Not while another edit is open, and not twice. */
  if (self->document == NULL || conflict == NULL ||
      tpt_history_in_transaction (tpt_document_get_history (self->document)) ||
      tpt_node_get_document (TPT_NODE (conflict)) != self->document)
    return;

  if (!tpt_conflict_resolve (conflict, choice, &error))
    show_error (self, error);
}

static void
show_clicked_cb (TptConflictsPanel *self,
                 GtkButton         *button)
{
  TptConflict *conflict = g_object_get_data (G_OBJECT (button), CONFLICT_KEY);
  TptNode *target;

  if (self->document == NULL || conflict == NULL)
    return;
  target = tpt_conflict_find_target (conflict, self->document);
  if (target != NULL)
    g_signal_emit (self, signals[SHOW_NODE], 0, target);
}

static void
all_clicked_cb (TptConflictsPanel *self,
                GtkButton         *button)
{
  TptConflictChoice choice = GTK_WIDGET (button) == self->all_theirs_button
                             ? TPT_CONFLICT_CHOOSE_THEIRS : TPT_CONFLICT_CHOOSE_OURS;
  g_autoptr(GError) error = NULL;

  if (self->document == NULL ||
      tpt_history_in_transaction (tpt_document_get_history (self->document)))
    return;

  if (!tpt_conflict_resolve_all (self->document, choice, &error))
    show_error (self, error);
}

/* One side: its name, its value, and the button that takes it. */
static void
add_side (TptConflictsPanel *self,
          GtkGrid           *grid,
          int                row,
          TptConflict       *conflict,
          TptConflictChoice  choice,
          const char        *side,
          const char        *take)
{
  g_autofree char *value = tpt_conflict_describe_choice (conflict, choice);
  g_autofree char *tooltip = NULL;
  GtkWidget *name = gtk_label_new (side);
  GtkWidget *text = gtk_label_new (value);
  GtkWidget *button = gtk_button_new_with_label (take);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_valign (name, GTK_ALIGN_START);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 24);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  /* Translators: the tooltip of a button that settles a merge conflict:
   * "Take Theirs: “Calls the hotline”". */
  tooltip = g_strdup_printf (_("%s: %s"), take, value);
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), CONFLICT_KEY, g_object_ref (conflict),
                          g_object_unref);
  g_object_set_data (G_OBJECT (button), CHOICE_KEY, GINT_TO_POINTER (choice));
  g_signal_connect_object (button, "clicked", G_CALLBACK (choose_clicked_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_grid_attach (grid, name, 0, row, 1, 1);
  gtk_grid_attach (grid, text, 1, row, 1, 1);
  gtk_grid_attach (grid, button, 2, row, 1, 1);
}

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  TptConflictsPanel *self = user_data;
  TptConflict *conflict = item;
  g_autofree char *subject = tpt_conflict_describe_subject (conflict);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *head = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (subject);
  GtkWidget *show = gtk_button_new_from_icon_name ("find-location-symbolic");
  GtkWidget *grid = gtk_grid_new ();
  gboolean edit = tpt_conflict_get_kind (conflict) == TPT_CONFLICT_KIND_EDIT;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_valign (show, GTK_ALIGN_START);
  gtk_widget_add_css_class (show, "flat");
  gtk_widget_set_tooltip_text (show, _("Show Where It Is"));
  g_object_set_data_full (G_OBJECT (show), CONFLICT_KEY, g_object_ref (conflict),
                          g_object_unref);
  g_signal_connect_object (show, "clicked", G_CALLBACK (show_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (head), title);
  gtk_box_append (GTK_BOX (head), show);

  gtk_grid_set_column_spacing (GTK_GRID (grid), 8);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  /* Translators: the sides of a merge conflict: ours is the branch merged
   * into, theirs the branch merged. */
  add_side (self, GTK_GRID (grid), 0, conflict, TPT_CONFLICT_CHOOSE_OURS, _("Ours"),
            _("Keep Ours"));
  add_side (self, GTK_GRID (grid), 1, conflict, TPT_CONFLICT_CHOOSE_THEIRS, _("Theirs"),
            _("Take Theirs"));
  /* For a deletion, the base keeps the node as it is, as ours or theirs
   * does: no third choice. */
  if (edit)
    add_side (self, GTK_GRID (grid), 2, conflict, TPT_CONFLICT_CHOOSE_BASE, _("Base"),
              _("Use Base"));

  gtk_box_append (GTK_BOX (box), head);
  gtk_box_append (GTK_BOX (box), grid);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, subject,
                                  -1);
  return row;
}

static void
conflicts_changed_cb (TptConflictsPanel *self)
{
  update_summary (self);
  show_error (self, NULL);
}

/**
 * tpt_conflicts_panel_set_document:
 * @self: a #TptConflictsPanel
 * @document: (nullable): the document whose conflicts to list
 */
void
tpt_conflicts_panel_set_document (TptConflictsPanel *self,
                                  TptDocument       *document)
{
  g_return_if_fail (TPT_IS_CONFLICTS_PANEL (self));
  g_return_if_fail (document == NULL || TPT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (tpt_document_get_conflicts (self->document), self);
  g_set_object (&self->document, document);

  gtk_list_box_bind_model (self->list,
                           document != NULL ? tpt_document_get_conflicts (document) : NULL,
                           document != NULL ? create_row_cb : NULL, self, NULL);
  if (document != NULL)
    g_signal_connect_object (tpt_document_get_conflicts (document), "items-changed",
                             G_CALLBACK (conflicts_changed_cb), self, G_CONNECT_SWAPPED);
  conflicts_changed_cb (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

TptDocument *
tpt_conflicts_panel_get_document (TptConflictsPanel *self)
{
  g_return_val_if_fail (TPT_IS_CONFLICTS_PANEL (self), NULL);

  return self->document;
}

/**
 * tpt_conflicts_panel_get_list:
 * @self: a #TptConflictsPanel
 *
 * Returns: (transfer none): the list of conflicts, a row each
 */
GtkListBox *
tpt_conflicts_panel_get_list (TptConflictsPanel *self)
{
  g_return_val_if_fail (TPT_IS_CONFLICTS_PANEL (self), NULL);

  return self->list;
}

GtkWidget *
tpt_conflicts_panel_new (void)
{
  return g_object_new (TPT_TYPE_CONFLICTS_PANEL, NULL);
}

static void
tpt_conflicts_panel_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TptConflictsPanel *self = TPT_CONFLICTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_conflicts_panel_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TptConflictsPanel *self = TPT_CONFLICTS_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      tpt_conflicts_panel_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_conflicts_panel_dispose (GObject *object)
{
  TptConflictsPanel *self = TPT_CONFLICTS_PANEL (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->document);
  gtk_widget_dispose_template (GTK_WIDGET (self), TPT_TYPE_CONFLICTS_PANEL);

  G_OBJECT_CLASS (tpt_conflicts_panel_parent_class)->dispose (object);
}

static void
tpt_conflicts_panel_class_init (TptConflictsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tpt_conflicts_panel_get_property;
  object_class->set_property = tpt_conflicts_panel_set_property;
  object_class->dispose = tpt_conflicts_panel_dispose;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TPT_TYPE_DOCUMENT,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TptConflictsPanel::show-node:
   * @self: the panel
   * @node: the node a conflict is about
   *
   * The user asked to see where a conflict is: the window selects @node.
   */
  signals[SHOW_NODE] =
    g_signal_new ("show-node", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, TPT_TYPE_NODE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/"
                                               "tpt-conflicts-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TptConflictsPanel, box);
  gtk_widget_class_bind_template_child (widget_class, TptConflictsPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TptConflictsPanel, all_box);
  gtk_widget_class_bind_template_child (widget_class, TptConflictsPanel, all_ours_button);
  gtk_widget_class_bind_template_child (widget_class, TptConflictsPanel, all_theirs_button);
  gtk_widget_class_bind_template_child (widget_class, TptConflictsPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, TptConflictsPanel, scroller);
  gtk_widget_class_bind_template_child (widget_class, TptConflictsPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, all_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "conflictspanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tpt_conflicts_panel_init (TptConflictsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_summary (self);
}
