/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-window-private.h"

#include "tpt-application.h"
#include "tpt-export-dialog.h"
#include "tpt-presentation-window.h"
#include "tpt-slide.h"
#include "tpt-print.h"

/* Closing */

static void
remember_window_state (TptWindow *self)
{
  int width, height;

  if (gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_boolean (self->settings, "window-maximized", TRUE);
      return;
    }

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized", FALSE);
  if (width >= 360 && height >= 294)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
close_confirmed_cb (gpointer user_data)
{
  TptWindow *self = user_data;

  self->closing_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));

  return G_SOURCE_REMOVE;
}

/* Closes once the message dialog that asked has finished: closing its
 * parent from inside its response would destroy it mid-signal. */
static void
close_confirmed (TptWindow *self)
{
  g_idle_add_full (G_PRIORITY_HIGH_IDLE, close_confirmed_cb, g_object_ref (self),
                   g_object_unref);
}

static void
saved_then_close (TptWindow *self,
                  gboolean   saved)
{
  if (saved)
    close_confirmed (self);
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     TptWindow        *self)
{
  if (g_str_equal (response, "save"))
    tpt_window_save (self, FALSE, saved_then_close);
  else if (g_str_equal (response, "discard"))
    {
      tpt_window_discard_recovery (self);
      close_confirmed (self);
    }
}

gboolean
tpt_window_close_request_cb (GtkWindow *window)
{
  TptWindow *self = TPT_WINDOW (window);
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (self->closing_confirmed ||
      !tpt_history_get_modified (tpt_document_get_history (self->document)))
    {
      remember_window_state (self);
      return FALSE;
    }

  name = tpt_window_dup_display_name (self);
  body = g_strdup_printf (_("“%s” has unsaved changes. Changes which are not saved "
                            "will be permanently lost."), name);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* The actions */


static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptWindow *self = TPT_WINDOW (widget);
  TptHistory *history = tpt_document_get_history (self->document);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  /* Never in the middle of someone's gesture. */
  if (tpt_history_in_transaction (history))
    return;

  /* In a text field, Ctrl+Z undoes that field's typing and nothing else:
   * the document's steps are out of sight from there, and one undone
   * unseen, then the field's text committed over Redo, loses work. The
   * application's accelerators see the key before the field does. */
  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    if ((GTK_IS_TEXT (w) && gtk_editable_get_editable (GTK_EDITABLE (w))) ||
        (GTK_IS_TEXT_VIEW (w) && gtk_text_view_get_editable (GTK_TEXT_VIEW (w))))
      {
        gtk_widget_activate_action (w, g_str_equal (action_name, "win.undo") ? "text.undo"
                                                                             : "text.redo",
                                    NULL);
        return;
      }

  if (g_str_equal (action_name, "win.undo"))
    tpt_history_undo (history);
  else
    tpt_history_redo (history);
}

static void
exported_cb (TptWindow       *self,
             GFile           *file,
             TptExportDialog *dialog)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);

  tpt_window_show_toast (self, message, FALSE);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TptWindow *self = TPT_WINDOW (widget);
  gboolean poster = g_str_equal (action_name, "win.print-poster");
  TptBlueprint *blueprint = tpt_pages_get_blueprint (self->pages);
  TptExportDialog *dialog;

  if (poster && g_list_model_get_n_items (tpt_document_get_blueprints (self->document)) == 0)
    {
      tpt_window_show_toast (self, _("A poster shows a blueprint; add one first"), FALSE);
      return;
    }

  dialog = tpt_export_dialog_new (GTK_WINDOW (self), self->document, blueprint, self->file,
                                  poster ? TPT_EXPORT_DIALOG_PRINT_POSTER
                                         : TPT_EXPORT_DIALOG_EXPORT);
  {
    TptCoverageFilter filter;

    /* The matrix and coverage as the window shows them. */
    tpt_filter_bar_get_filter (self->filter_bar, &filter);
    tpt_export_dialog_set_filter (dialog, &filter);
  }
  /* Comparing with another version: offer its changes for a review. */
  tpt_export_dialog_set_changes_since (dialog, tpt_changes_panel_get_older (self->changes_panel),
                                       tpt_changes_panel_get_since (self->changes_panel));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The first slide that shows what the window shows: the selected node's
 * slide, or the artefact's. */
static guint
current_slide (TptWindow *self,
               GPtrArray *slides)
{
  TptNode *node = tpt_selection_get_primary (self->selection);
  TptArtefactKind  wanted;

  /* A slide selected in the Slides list is where the show starts. */
  if (TPT_IS_SLIDE (node))
    for (guint i = 0; i < slides->len; i++)
      if (g_ptr_array_index (slides, i) == (gpointer) node)
        return i;
  if (node != NULL && !TPT_IS_DOCUMENT (node))
    return tpt_presentation_find_slide_for (self->document, slides, node);

  switch (tpt_pages_get_visible_kind (self->pages))
    {
    case TPT_ARTEFACT_NEEDS_MATRIX:
      wanted = TPT_ARTEFACT_NEEDS_MATRIX;
      break;
    case TPT_ARTEFACT_COVERAGE:
      wanted = TPT_ARTEFACT_COVERAGE;
      break;
    case TPT_ARTEFACT_PERSONAS:
      wanted = TPT_ARTEFACT_PERSONA;
      break;
    case TPT_ARTEFACT_BLUEPRINT:
      return tpt_presentation_find_slide_for (self->document, slides,
                                              TPT_NODE (tpt_pages_get_blueprint (self->pages)));
    case TPT_ARTEFACT_COVER:
    default:
      return 0;
    }
  for (guint i = 0; i < slides->len; i++)
    if (tpt_slide_get_artefact (g_ptr_array_index (slides, i)) == wanted)
      return i;
  return 0;
}

static void
present_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TptWindow *self = TPT_WINDOW (widget);
  gboolean from_current = g_str_equal (action_name, "win.present-current");
  gboolean rehearse = g_str_equal (action_name, "win.rehearse");
  g_autoptr(GPtrArray) slides = NULL;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  /* One show at a time: F5 again brings the running one forward. */
  for (GList *l = application != NULL ? gtk_application_get_windows (application) : NULL;
       l != NULL; l = l->next)
    if (TPT_IS_PRESENTATION_WINDOW (l->data))
      {
        gtk_window_present (l->data);
        return;
      }

  /* The slides are listed once: a default set made twice would be two
   * sets of new slides. */
  slides = tpt_slides_list_for_showing (self->document);
  (rehearse ? tpt_presentation_window_rehearse : tpt_presentation_window_start) (
    GTK_WINDOW (self), self->document, slides, from_current ? current_slide (self, slides) : 0);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TptWindow *self = TPT_WINDOW (widget);

  tpt_print_document (GTK_WINDOW (self), self->document, self->file);
}



static void
zoom_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  TptWindow *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));

  if (g_str_equal (name, "zoom-in"))
    tpt_canvas_zoom_in (tpt_pages_get_visible_page (self->pages));
  else if (g_str_equal (name, "zoom-out"))
    tpt_canvas_zoom_out (tpt_pages_get_visible_page (self->pages));
  else if (g_str_equal (name, "zoom-reset"))
    tpt_canvas_set_zoom (tpt_pages_get_visible_page (self->pages), 1.0);
  else
    tpt_canvas_zoom_to_fit (tpt_pages_get_visible_page (self->pages));
}

static const GActionEntry view_entries[] = {
  { "zoom-in", zoom_action },
  { "zoom-out", zoom_action },
  { "zoom-reset", zoom_action },
  { "zoom-fit", zoom_action },
};

static void
pane_visible_changed_cb (TptWindow *self)
{
  gtk_toggle_button_set_active (self->sidebar_button,
                                gtk_widget_get_visible (self->outline_box));
  gtk_toggle_button_set_active (self->inspector_button,
                                gtk_widget_get_visible (self->side_box));
}

static void
toggle_pane_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TptWindow *self = TPT_WINDOW (widget);
  GtkWidget *pane = g_str_equal (action_name, "win.show-outline") ? self->outline_box
                                                                   : self->side_box;

  gtk_widget_set_visible (pane, !gtk_widget_get_visible (pane));
}

/**
 * tpt_window_actions_update:
 * @self: a #TptWindow
 *
 * Brings the actions' enabled state and labels in line with the document.
 */
void
tpt_window_actions_update (TptWindow *self)
{
  TptHistory *history = tpt_document_get_history (self->document);
  const char *undo = tpt_history_get_undo_label (history);
  const char *redo = tpt_history_get_redo_label (history);
  g_autofree char *undo_menu = NULL;
  g_autofree char *redo_menu = NULL;
  g_autofree char *undo_tip = NULL;
  g_autofree char *redo_tip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 tpt_history_get_can_undo (history));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 tpt_history_get_can_redo (history));

  /* “Undo Move Card”: the history's labels are already translated. */
  g_menu_remove_all (self->undo_section);
  /* Translators: a menu item; %s is what the step did, e.g. “Move Card”. */
  undo_menu = undo != NULL ? g_strdup_printf (_("_Undo %s"), undo) : g_strdup (_("_Undo"));
  /* Translators: a menu item; %s is what the step did, e.g. “Move Card”. */
  redo_menu = redo != NULL ? g_strdup_printf (_("_Redo %s"), redo) : g_strdup (_("_Redo"));
  g_menu_append (self->undo_section, undo_menu, "win.undo");
  g_menu_append (self->undo_section, redo_menu, "win.redo");

  /* Translators: a tooltip; %s is what the step did, e.g. “Move Card”. */
  undo_tip = undo != NULL ? g_strdup_printf (_("Undo %s"), undo) : g_strdup (_("Undo"));
  /* Translators: a tooltip; %s is what the step did, e.g. “Move Card”. */
  redo_tip = redo != NULL ? g_strdup_printf (_("Redo %s"), redo) : g_strdup (_("Redo"));

  gtk_widget_set_tooltip_text (self->undo_button, undo_tip);
  gtk_widget_set_tooltip_text (self->redo_button, redo_tip);
}

void
tpt_window_actions_init (TptWindow *self)
{
  g_autoptr(GSimpleActionGroup) view_group = g_simple_action_group_new ();
  GtkApplication *application;

  g_action_map_add_action_entries (G_ACTION_MAP (view_group), view_entries,
                                   G_N_ELEMENTS (view_entries), self);
  gtk_widget_insert_action_group (GTK_WIDGET (self), "view", G_ACTION_GROUP (view_group));

  g_signal_connect_object (self->outline_box, "notify::visible",
                           G_CALLBACK (pane_visible_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->side_box, "notify::visible",
                           G_CALLBACK (pane_visible_changed_cb), self, G_CONNECT_SWAPPED);
  pane_visible_changed_cb (self);
  tpt_window_slides_init (self);

  application = GTK_APPLICATION (g_application_get_default ());
  if (TPT_IS_APPLICATION (application))
    g_menu_append_section (self->recent_submenu, NULL,
                           tpt_application_get_recent_menu (TPT_APPLICATION (application)));
}

/* Sorting the needs is the matrix's: this shows the matrix and lets it
 * sort, so the window's sort menu and the matrix's context menu do the
 * same. */
static void
sort_needs_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TptWindow *self = TPT_WINDOW (widget);

  if (tpt_pages_get_visible_kind (self->pages) != TPT_ARTEFACT_NEEDS_MATRIX)
    tpt_outline_select_group (self->outline, TPT_OUTLINE_GROUP_NEEDS);
  tpt_pages_show (self->pages, TPT_ARTEFACT_NEEDS_MATRIX, NULL);
  gtk_widget_activate_action_variant (GTK_WIDGET (tpt_pages_get_page (self->pages,
                                                                     TPT_ARTEFACT_NEEDS_MATRIX)),
                                      "matrix.sort-needs", parameter);
}

/* F6 and Shift+F6: from pane to pane, as in GNOME's file managers and
 * editors — the outline, the page, the inspector — skipping the hidden.
 * Ctrl+Tab, GTK's own way out of a widget that uses Tab, also works. */
static void
focus_pane_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TptWindow *self = TPT_WINDOW (widget);
  GtkWidget *panes[] = {
    GTK_WIDGET (self->outline),
    GTK_WIDGET (tpt_pages_get_visible_page (self->pages)),
    GTK_WIDGET (self->inspector),
  };
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int step = g_str_equal (action_name, "win.focus-next-pane") ? 1 : -1;
  int current = -1;

  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    if (focus != NULL && panes[i] != NULL &&
        (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      current = (int) i;
  /* From anywhere else (the header bar, a toast), F6 goes to the page. */
  if (current < 0)
    current = step > 0 ? 0 : 2;

  for (guint tries = 1; tries <= G_N_ELEMENTS (panes); tries++)
    {
      int n = G_N_ELEMENTS (panes);
      GtkWidget *pane = panes[((current + step * (int) tries) % n + n) % n];

      if (pane == NULL || !gtk_widget_is_drawable (pane))
        continue;
      if (gtk_widget_grab_focus (pane) || gtk_widget_child_focus (pane, GTK_DIR_TAB_FORWARD))
        return;
    }
  gtk_widget_error_bell (widget);
}

/* F6 before the panes see it: GtkPaned binds F6 to its own cycle, which
 * stops at whatever child widget comes next rather than at a pane. */
void
tpt_window_add_pane_keys (TptWindow *self)
{
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, 0),
                      gtk_named_action_new ("win.focus-next-pane")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
    gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F6, GDK_SHIFT_MASK),
                      gtk_named_action_new ("win.focus-previous-pane")));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/* Pages, panels and dialogs tell the user things through this action,
 * never by calling the window. */
static void
toast_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  const char *title;
  gboolean undoable;

  g_variant_get (parameter, "(&sb)", &title, &undoable);
  tpt_window_show_toast (TPT_WINDOW (widget), title, undoable);
}

void
tpt_window_class_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.toast", "(sb)", toast_action);
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print-poster", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.present-current", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.rehearse", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "win.show-outline", NULL, toggle_pane_action);
  gtk_widget_class_install_action (widget_class, "win.show-inspector", NULL, toggle_pane_action);
  gtk_widget_class_install_action (widget_class, "win.sort-needs", "s", sort_needs_action);
  gtk_widget_class_install_action (widget_class, "win.focus-next-pane", NULL, focus_pane_action);
  gtk_widget_class_install_action (widget_class, "win.focus-previous-pane", NULL,
                                   focus_pane_action);

  tpt_window_slides_class_init (widget_class);
  tpt_window_file_class_init (widget_class);
  tpt_window_data_class_init (widget_class);
}
