/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-window-private.h"
#include "tpt-blueprint-page.h"


G_DEFINE_FINAL_TYPE (TptWindow, tpt_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * tpt_window_dup_display_name:
 * @self: a #TptWindow
 *
 * Returns: (transfer full): what the user calls the document: its file's
 *   name, or for a document never saved its title or “Untitled Document”
 */
char *
tpt_window_dup_display_name (TptWindow *self)
{
  const char *title;

  g_return_val_if_fail (TPT_IS_WINDOW (self), NULL);

  if (self->file != NULL)
    {
      g_autoptr(GFileInfo) info = NULL;

      info = g_file_query_info (self->file, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                                G_FILE_QUERY_INFO_NONE, NULL, NULL);
      if (info != NULL)
        return g_strdup (g_file_info_get_display_name (info));
      return g_file_get_basename (self->file);
    }

  title = tpt_document_get_title (self->document);
  if (title != NULL && *title != '\0')
    return g_strdup (title);

  return g_strdup (_("Untitled Document"));
}

static char *
dup_folder_name (GFile *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);
  g_autofree char *path = NULL;
  const char *home = g_get_home_dir ();

  if (parent == NULL)
    return NULL;

  path = g_file_get_parse_name (parent);
  if (g_file_is_native (parent) && g_str_has_prefix (path, home) &&
      (path[strlen (home)] == '/' || path[strlen (home)] == '\0'))
    return g_strconcat ("~", path + strlen (home), NULL);

  return g_steal_pointer (&path);
}

void
tpt_window_update_title (TptWindow *self)
{
  g_autofree char *name = tpt_window_dup_display_name (self);
  g_autofree char *title = NULL;
  g_autofree char *window_title = NULL;
  gboolean modified = tpt_history_get_modified (tpt_document_get_history (self->document));

  /* The modified mark leads, so it survives ellipsizing of long names. */
  title = modified ? g_strdup_printf ("• %s", name) : g_strdup (name);
  adw_window_title_set_title (self->window_title, title);

  if (self->file != NULL)
    {
      g_autofree char *folder = dup_folder_name (self->file);

      adw_window_title_set_subtitle (self->window_title, folder != NULL ? folder : "");
    }
  else
    adw_window_title_set_subtitle (self->window_title, _("Not Saved"));

  /* What the shell's window list and the Alt+Tab switcher show. */
  window_title = g_strdup_printf (_("%s — Touchpoint"), title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
}

static void
history_changed_cb (TptWindow *self)
{
  TptNode *node = self->selection != NULL ? tpt_selection_get_primary (self->selection) : NULL;

  tpt_window_update_title (self);
  tpt_window_actions_update (self);
  /* The outline rebuilds rows that moved: it selects the moved node again,
   * which stays the window's selection. */
  if (node != NULL && !TPT_IS_FLOW (node) && self->outline != NULL &&
      (tpt_node_is_attached (node) || TPT_IS_DOCUMENT (node)) &&
      tpt_outline_get_selected (self->outline) != node)
    tpt_outline_set_selected (self->outline, node);
}

static void
document_node_changed_cb (TptWindow  *self,
                          TptNode    *node,
                          GParamSpec *pspec)
{
  /* An untitled document is called by its title, which may have changed. */
  if (self->file == NULL && TPT_IS_DOCUMENT (node))
    tpt_window_update_title (self);
}

void
tpt_window_set_file (TptWindow *self,
          GFile     *file)
{
  if (g_set_object (&self->file, file))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  /* Compare with Saved compares with this file. */
  if (self->changes_panel != NULL && self->document != NULL)
    tpt_changes_panel_set_document (self->changes_panel, self->document, self->file);
}

/**
 * tpt_window_replace_document:
 * @self: a #TptWindow
 * @document: the document to show from now on
 * @file: (nullable): the file it was read from
 *
 * Makes the window show @document, as when the file was reloaded.
 */
void
tpt_window_replace_document (TptWindow   *self,
                             TptDocument *document,
                             GFile       *file)
{
  g_return_if_fail (TPT_IS_WINDOW (self));
  g_return_if_fail (TPT_IS_DOCUMENT (document));

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (tpt_document_get_history (self->document), self);
    }

  g_set_object (&self->document, document);
  tpt_window_set_file (self, file);

  /* The old document's recovery copy goes with it: this is only called for
   * a new window or to reload, which drops the unsaved changes. */
  if (self->autosave != NULL)
    tpt_autosave_discard (self->autosave);
  g_clear_object (&self->autosave);
  self->autosave = tpt_autosave_new (document, NULL);
  tpt_autosave_set_file (self->autosave, file);
  g_settings_bind (self->settings, "autosave-delay", self->autosave, "delay",
                   G_SETTINGS_BIND_GET);

  tpt_history_set_max_entries (tpt_document_get_history (document),
                               g_settings_get_uint (self->settings, "history-size"));
  g_signal_connect_swapped (tpt_document_get_history (document), "notify::position",
                            G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (tpt_document_get_history (document), "notify::modified",
                            G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (tpt_document_get_history (document), "notify::undo-label",
                            G_CALLBACK (history_changed_cb), self);
  g_signal_connect_swapped (document, "node-changed",
                            G_CALLBACK (document_node_changed_cb), self);

  tpt_selection_set_document (self->selection, document);
  tpt_pages_set_document (self->pages, document);
  tpt_filter_bar_set_document (self->filter_bar, document);
  tpt_history_panel_set_history (self->history_panel, tpt_document_get_history (document));
  tpt_conflicts_panel_set_document (self->conflicts_panel, document);
  tpt_changes_panel_set_document (self->changes_panel, document, file);
  /* A merge left conflicts: show them first. */
  if (g_list_model_get_n_items (tpt_document_get_conflicts (document)) > 0)
    gtk_stack_set_visible_child_name (self->side_stack, "review");
  tpt_inspector_set_document (self->inspector, document);
  tpt_outline_set_document (self->outline, document);
  tpt_selection_select (self->selection, TPT_NODE (document));

  tpt_window_watch_file (self);
  tpt_window_update_title (self);
  tpt_window_actions_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/**
 * tpt_window_is_pristine:
 * @self: a #TptWindow
 *
 * Returns: whether the window shows a new document nobody has touched, which
 *   a document opened next may take the place of
 */
gboolean
tpt_window_is_pristine (TptWindow *self)
{
  TptHistory *history;

  g_return_val_if_fail (TPT_IS_WINDOW (self), FALSE);

  history = tpt_document_get_history (self->document);
  return self->file == NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (history)) == 0 &&
         !tpt_history_get_modified (history);
}

/**
 * tpt_window_select:
 * @self: a #TptWindow
 * @node: (nullable): a node of the window's document
 *
 * Selects @node everywhere in the window, and shows its artefact.
 */
void
tpt_window_select (TptWindow *self,
                   TptNode   *node)
{
  g_return_if_fail (TPT_IS_WINDOW (self));
  g_return_if_fail (node == NULL || TPT_IS_NODE (node));

  tpt_selection_select (self->selection, node);
}

/**
 * tpt_window_get_selection:
 *
 * Returns: (transfer none): what is selected in the window, which the
 *   outline, the pages and the inspector all show
 */
TptSelection *
tpt_window_get_selection (TptWindow *self)
{
  g_return_val_if_fail (TPT_IS_WINDOW (self), NULL);

  return self->selection;
}

/**
 * tpt_window_get_pages:
 *
 * Returns: (transfer none): the pages, one per artefact, in the centre
 */
TptPages *
tpt_window_get_pages (TptWindow *self)
{
  g_return_val_if_fail (TPT_IS_WINDOW (self), NULL);

  return self->pages;
}

/* The outline is a view of the selection too: a row chosen there is the
 * window's selection, and a group row shows its page with nothing
 * selected on it. */
static void
outline_selection_cb (TptWindow *self)
{
  TptNode *node = tpt_outline_get_selected (self->outline);
  TptArtefactKind kind;

  if (tpt_outline_get_selected_page (self->outline, &kind))
    {
      tpt_selection_clear (self->selection);
      tpt_pages_show (self->pages, kind, NULL);
    }
  /* Nothing chosen in the outline (a row going away) keeps the
   * selection; a row chosen is the selection. */
  else if (node != NULL && !tpt_selection_contains (self->selection, node))
    tpt_selection_select (self->selection, node);
  tpt_inspector_set_node (self->inspector, tpt_selection_get_primary (self->selection));
}

/* The selection changed, anywhere: the outline and the inspector show
 * its primary node. */
static void
selection_changed_cb (TptWindow *self)
{
  TptNode *node = tpt_selection_get_primary (self->selection);

  if (self->outline == NULL)
    return;

  /* Flows have no row in the outline; the inspector shows them still. */
  if (node != NULL && !TPT_IS_FLOW (node) && node != tpt_outline_get_selected (self->outline))
    tpt_outline_set_selected (self->outline, node);
  else if (node == NULL && !TPT_IS_DOCUMENT (tpt_outline_get_selected (self->outline)) &&
           tpt_outline_get_selected_group (self->outline) == TPT_OUTLINE_GROUP_NONE)
    {
      /* Nothing selected on a page: the outline shows the page's row. */
      tpt_outline_select_page (self->outline, tpt_pages_get_visible_kind (self->pages));
    }
  tpt_inspector_set_node (self->inspector, node);
}

/* Sorting needs is offered beside the zoom while the matrix shows, and
 * the state and persona the analysis is for over it and coverage. */
static void
visible_page_cb (TptWindow *self)
{
  TptArtefactKind kind = tpt_pages_get_visible_kind (self->pages);

  gtk_widget_set_visible (self->sort_button, kind == TPT_ARTEFACT_NEEDS_MATRIX);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_bar),
                          kind == TPT_ARTEFACT_NEEDS_MATRIX || kind == TPT_ARTEFACT_COVERAGE);
}

/* Every page gets the choice; those that analyse follow it. */
static void
filter_changed_cb (TptWindow *self)
{
  TptCoverageFilter filter;

  tpt_filter_bar_get_filter (self->filter_bar, &filter);
  for (guint kind = 0; kind < TPT_ARTEFACT_N_KINDS; kind++)
    if (tpt_pages_get_page (self->pages, kind) != NULL)
      tpt_canvas_set_filter (tpt_pages_get_page (self->pages, kind), &filter);
}

static void
outline_toast_cb (TptWindow  *self,
                  const char *title,
                  gboolean    undoable)
{
  tpt_window_show_toast (self, title, undoable);
}

/**
 * tpt_window_show_toast:
 * @self: a #TptWindow
 * @title: what happened, as plain text
 * @undoable: whether to offer an Undo button
 */
void
tpt_window_show_toast (TptWindow  *self,
                       const char *title,
                       gboolean    undoable)
{
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  g_return_if_fail (TPT_IS_WINDOW (self));

  /* A toast's title is markup; file names and pasted text are not. */
  escaped = g_markup_escape_text (title, -1);
  toast = adw_toast_new (escaped);
  if (undoable)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
drop_files (TptWindow *self,
            GSList    *files)
{
  g_autoptr(GPtrArray) array = g_ptr_array_new ();
  GApplication *application = G_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));

  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (array, l->data);

  if (application != NULL && array->len > 0)
    g_application_open (application, (GFile **) array->pdata, (int) array->len, "");
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         TptWindow     *self)
{
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  drop_files (self, g_value_get_boxed (value));
  return TRUE;
}

static void
zoom_changed_cb (TptWindow *self)
{
  TptCanvas *page = tpt_pages_get_visible_page (self->pages);
  g_autofree char *label = g_strdup_printf ("%.0f %%", 100 * tpt_canvas_get_zoom (page));

  gtk_menu_button_set_label (self->zoom_button, label);
}

static void
tpt_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TptWindow *self = TPT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_window_dispose (GObject *object)
{
  TptWindow *self = TPT_WINDOW (object);

  tpt_window_file_dispose (self);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (tpt_document_get_history (self->document), self);
    }
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);

  /* The panels go with the template: nothing may tell them of the
   * selection after this. */
  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->page_signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), TPT_TYPE_WINDOW);

  g_clear_object (&self->autosave);
  g_clear_object (&self->selection);
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (tpt_window_parent_class)->dispose (object);
}

static void
tpt_window_class_init (TptWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tpt_window_dispose;
  object_class->get_property = tpt_window_get_property;
  window_class->close_request = tpt_window_close_request_cb;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TPT_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (TPT_TYPE_PAGES);
  g_type_ensure (TPT_TYPE_FILTER_BAR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tpt-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TptWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, inspector_button);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, redo_button);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, changed_bar);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, changed_label);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, sort_button);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, outer_paned);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, inner_paned);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, outline_box);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, side_box);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, inspector_box);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, history_box);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, review_box);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, pages);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, undo_section);
  gtk_widget_class_bind_template_child (widget_class, TptWindow, recent_submenu);

  tpt_window_class_install_actions (widget_class);
}

/* A conflict or a change asks to be seen. */
static void
show_node_cb (TptWindow *self,
              TptNode   *node)
{
  tpt_selection_select (self->selection, node);
}

/* While comparing, every page marks what changed where it is. */
static void
diff_changed_cb (TptWindow *self)
{
  for (guint kind = 0; kind < TPT_ARTEFACT_N_KINDS; kind++)
    {
      TptCanvas *page = tpt_pages_get_page (self->pages, kind);

      if (page != NULL)
        tpt_canvas_set_changes (page, tpt_changes_panel_get_diff (self->changes_panel));
    }
}

static void
tpt_window_init (TptWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->folder_fd = -1;
  tpt_window_add_pane_keys (self);

  self->settings = g_settings_new (APPLICATION_ID);
  if (g_strcmp0 (PROFILE, "development") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  self->outline = TPT_OUTLINE (tpt_outline_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->outline), TRUE);
  gtk_box_append (GTK_BOX (self->outline_box), GTK_WIDGET (self->outline));
  g_signal_connect_object (self->outline, "notify::selected",
                           G_CALLBACK (outline_selection_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->outline, "toast", G_CALLBACK (outline_toast_cb), self,
                           G_CONNECT_SWAPPED);

  /* One selection for the window, which every part shows; the window
   * follows whichever page is visible for its zoom. */
  self->selection = tpt_selection_new ();
  tpt_pages_set_selection (self->pages, self->selection);
  g_signal_connect_object (self->selection, "changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  self->page_signals = g_signal_group_new (TPT_TYPE_CANVAS);
  g_signal_group_connect_object (self->page_signals, "notify::zoom",
                                 G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);
  g_object_bind_property (self->pages, "visible-page", self->page_signals, "target",
                          G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->pages, "notify::visible-page",
                           G_CALLBACK (visible_page_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_bar, "changed", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pages, "notify::visible-page",
                           G_CALLBACK (zoom_changed_cb), self, G_CONNECT_SWAPPED);

  self->inspector = TPT_INSPECTOR (tpt_inspector_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->inspector), TRUE);
  gtk_box_append (GTK_BOX (self->inspector_box), GTK_WIDGET (self->inspector));
  g_signal_connect_object (self->inspector, "toast", G_CALLBACK (outline_toast_cb), self,
                           G_CONNECT_SWAPPED);

  self->history_panel = TPT_HISTORY_PANEL (tpt_history_panel_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->history_panel), TRUE);
  gtk_box_append (GTK_BOX (self->history_box), GTK_WIDGET (self->history_panel));

  /* Merge conflicts and Compare with…, on the Review page. */
  self->conflicts_panel = TPT_CONFLICTS_PANEL (tpt_conflicts_panel_new ());
  gtk_box_append (GTK_BOX (self->review_box), GTK_WIDGET (self->conflicts_panel));
  g_signal_connect_object (self->conflicts_panel, "show-node", G_CALLBACK (show_node_cb), self,
                           G_CONNECT_SWAPPED);
  self->changes_panel = TPT_CHANGES_PANEL (tpt_changes_panel_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->changes_panel), TRUE);
  gtk_box_append (GTK_BOX (self->review_box), GTK_WIDGET (self->changes_panel));
  g_signal_connect_object (self->changes_panel, "show-node", G_CALLBACK (show_node_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->changes_panel, "notify::diff", G_CALLBACK (diff_changed_cb),
                           self, G_CONNECT_SWAPPED);

  tpt_window_actions_init (self);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  zoom_changed_cb (self);
}

/**
 * tpt_window_new:
 * @application: the application
 * @document: (nullable): the document to show, or %NULL for a new one
 * @file: (nullable): the file @document was read from
 *
 * Returns: (transfer full): a new window for @document
 */
TptWindow *
tpt_window_new (GtkApplication *application,
                TptDocument    *document,
                GFile          *file)
{
  g_autoptr(TptDocument) fresh = NULL;
  TptWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (document == NULL || TPT_IS_DOCUMENT (document), NULL);

  if (document == NULL)
    document = fresh = tpt_document_new ();

  self = g_object_new (TPT_TYPE_WINDOW, "application", application, NULL);
  tpt_window_replace_document (self, document, file);

  return self;
}

TptDocument *
tpt_window_get_document (TptWindow *self)
{
  g_return_val_if_fail (TPT_IS_WINDOW (self), NULL);

  return self->document;
}

GFile *
tpt_window_get_file (TptWindow *self)
{
  g_return_val_if_fail (TPT_IS_WINDOW (self), NULL);

  return self->file;
}
