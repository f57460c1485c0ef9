/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-changes-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-changes-panel.h"

#include "tpt-error.h"
#include "tpt-format.h"

/* Compare with…: what changed in the document since another version of it
 * (the file as last saved, or any other file), as the designer's sentences
 * `touchpoint --diff` prints, a heading per artefact and a row per node,
 * each marked + added, − removed, ~ changed or ↕ moved and coloured.
 * Activating a row asks the window to show the node ("show-node"). The
 * comparison follows the document's edits, a moment after each; its
 * TptDiff ("diff") is there for a canvas to colour what changed
 * (tpt_diff_lookup()). */
struct _TptChangesPanel
{
  GtkWidget             parent_instance;

  /* template widgets */
  GtkWidget            *box;
  GtkWidget            *saved_button;
  GtkWidget            *file_button;
  GtkLabel             *summary_label;
  GtkWidget            *stop_button;
  GtkLabel             *error_label;
  GtkListBox           *list;

  /* owned */
  TptDocument          *document;
  GFile                *file;
  TptDocument          *older;
  char                 *since;
  TptDiff              *diff;
  GPtrArray            *lines;      /* TptDiffLine, of @diff */
  GCancellable         *loading;
  GtkFileChooserNative *chooser;
  guint                 refresh_id;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_DIFF,
  PROP_SINCE,
  N_PROPS
};

enum {
  SHOW_NODE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TptChangesPanel, tpt_changes_panel, GTK_TYPE_WIDGET)

/* A list box of thousands of rows is slow to build; past this many the
 * rest is counted, and the canvases still colour all of them. */
#define MAX_ROWS 1000

/* How long after an edit the comparison is made again. */
#define REFRESH_DELAY_MS 300

#define LINE_KEY "tpt-line"

static void
show_error (TptChangesPanel *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static const char *
sign_of (TptDiffAction action)
{
  switch (action)
    {
    case TPT_DIFF_ADDED:   return "+";
    case TPT_DIFF_REMOVED: return "−";
    case TPT_DIFF_MOVED:   return "↕";
    case TPT_DIFF_CHANGED:
    default:               return "~";
    }
}

static const char *
style_of (TptDiffAction action)
{
  switch (action)
    {
    case TPT_DIFF_ADDED:   return "success";
    case TPT_DIFF_REMOVED: return "error";
    case TPT_DIFF_MOVED:   return "dim-label";
    case TPT_DIFF_CHANGED:
    default:               return NULL;
    }
}

static GtkWidget *
make_row (const TptDiffLine *line,
          guint              index)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label;

  if (line->heading)
    {
      label = gtk_label_new (line->text);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_top (label, 6);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
    }
  else
    {
      g_autofree char *text = g_strdup_printf ("%s %s", sign_of (line->action), line->text);
      const char *style = style_of (line->action);

      label = gtk_label_new (text);
      if (style != NULL)
        gtk_widget_add_css_class (label, style);
      g_object_set_data (G_OBJECT (row), LINE_KEY, GUINT_TO_POINTER (index + 1));
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  return row;
}

static void
clear_rows (TptChangesPanel *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
}

static void
refresh (TptChangesPanel *self)
{
  guint counts[TPT_DIFF_MOVED + 1] = { 0 };
  guint n_rows;
  g_autofree char *summary = NULL;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  clear_rows (self);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_object (&self->diff);

  gtk_widget_set_visible (self->stop_button, self->older != NULL);
  if (self->older == NULL || self->document == NULL)
    {
      gtk_label_set_text (self->summary_label, _("Not comparing with another version"));
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFF]);
      return;
    }

  self->diff = tpt_diff_new (self->older, self->document);
  self->lines = tpt_diff_list_lines (self->diff);
  for (guint i = 0; i < self->lines->len; i++)
    {
      const TptDiffLine *line = g_ptr_array_index (self->lines, i);

      if (!line->heading)
        counts[line->action]++;
    }

  n_rows = MIN (self->lines->len, MAX_ROWS);
  for (guint i = 0; i < n_rows; i++)
    gtk_list_box_append (self->list, make_row (g_ptr_array_index (self->lines, i), i));
  if (n_rows < self->lines->len)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("… and %u more line",
                                                         "… and %u more lines",
                                                         self->lines->len - n_rows),
                                               self->lines->len - n_rows);
      GtkWidget *row = gtk_list_box_row_new ();
      GtkWidget *label = gtk_label_new (more);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_list_box_append (self->list, row);
    }

  if (self->lines->len == 0)
    /* Translators: %s names the version compared with, e.g. “the saved
     * file” or “claims-v1.touchpoint”. */
    summary = g_strdup_printf (_("No changes since %s"), self->since);
  else
    /* Translators: the counts of changes since a version, e.g. "Since
     * v1.touchpoint: 3 added, 1 removed, 7 changed, 2 moved". */
    summary = g_strdup_printf (_("Since %s: %u added, %u removed, %u changed, %u moved"),
                               self->since, counts[TPT_DIFF_ADDED], counts[TPT_DIFF_REMOVED],
                               counts[TPT_DIFF_CHANGED], counts[TPT_DIFF_MOVED]);
  gtk_label_set_text (self->summary_label, summary);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFF]);
}

static gboolean
refresh_cb (gpointer user_data)
{
  TptChangesPanel *self = user_data;

  self->refresh_id = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
document_changed_cb (TptChangesPanel *self)
{
  if (self->older == NULL || self->refresh_id != 0)
    return;
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

/* The node a line is about, or the nearest thing to it still there. */
static TptNode *
node_of (TptChangesPanel   *self,
         const TptDiffLine *line)
{
  TptNode *node = NULL;

  if (line->key != NULL && line->key[0] != '\0')
    {
      /* A rating's key is its persona's and need's ids, an emotion
       * point's its lane's and step's: show the first. */
      g_autofree char *id = g_strdup (line->key);
      char *space = strchr (id, ' ');

      if (space != NULL)
        *space = '\0';
      node = tpt_document_lookup (self->document, id);
    }
  if (node == NULL && line->artefact_id != NULL)
    node = tpt_document_lookup (self->document, line->artefact_id);
  if (node == NULL)
    node = TPT_NODE (self->document);
  return node;
}

static void
row_activated_cb (TptChangesPanel *self,
                  GtkListBoxRow   *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), LINE_KEY));

  if (index == 0 || self->lines == NULL || index > self->lines->len || self->document == NULL)
    return;
  g_signal_emit (self, signals[SHOW_NODE], 0, node_of (self, g_ptr_array_index (self->lines,
                                                                                index - 1)));
}

/**
 * tpt_changes_panel_compare_with:
 * @self: a #TptChangesPanel
 * @older: another version of the document
 * @name: what to call it, e.g. its file name
 *
 * Shows what changed from @older to the document, and goes on doing so as
 * the document is edited.
 */
void
tpt_changes_panel_compare_with (TptChangesPanel *self,
                                TptDocument     *older,
                                const char      *name)
{
  g_return_if_fail (TPT_IS_CHANGES_PANEL (self));
  g_return_if_fail (TPT_IS_DOCUMENT (older));
  g_return_if_fail (name != NULL);

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  show_error (self, NULL);
  g_set_object (&self->older, older);
  g_free (self->since);
  self->since = g_strdup (name);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINCE]);
}

typedef struct
{
  TptChangesPanel *self;
  char            *name;
  char            *file_name;
} Load;

static void
load_free (Load *load)
{
  g_object_unref (load->self);
  g_free (load->name);
  g_free (load->file_name);
  g_free (load);
}

/* As --check says it: the file, and where in it the problem is. */
static char *
load_error_message (const char   *file_name,
                    const GError *error)
{
  int line = tpt_error_get_line (error);

  if (line > 0)
    /* Translators: a file that could not be compared with, the line of
     * it that is wrong, and what is wrong there. */
    return g_strdup_printf (_("Could not compare with “%s”: line %d: %s"), file_name, line,
                            error->message);
  /* Translators: a file that could not be compared with, and why. */
  return g_strdup_printf (_("Could not compare with “%s”: %s"), file_name, error->message);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Load *load = user_data;
  TptChangesPanel *self = load->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) older = tpt_document_load_file_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      load_free (load);
      return;
    }
  g_clear_object (&self->loading);
  if (older == NULL)
    {
      g_autofree char *message = load_error_message (load->file_name, error);

      show_error (self, message);
    }
  else
    tpt_changes_panel_compare_with (self, older, load->name);
  load_free (load);
}

/**
 * tpt_changes_panel_compare_with_file:
 * @self: a #TptChangesPanel
 * @file: another version of the document
 * @name: (nullable): what to call it; its file name if %NULL
 *
 * Reads @file without stopping the window, then compares with it as
 * tpt_changes_panel_compare_with() does. A file that does not load is
 * named, with its line, above the list; the comparison shown stays.
 */
void
tpt_changes_panel_compare_with_file (TptChangesPanel *self,
                                     GFile           *file,
                                     const char      *name)
{
  Load *load;

  g_return_if_fail (TPT_IS_CHANGES_PANEL (self));
  g_return_if_fail (G_IS_FILE (file));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  self->loading = g_cancellable_new ();
  show_error (self, NULL);

  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  {
    g_autofree char *path = g_file_get_path (file);

    load->file_name = path != NULL ? g_filename_display_basename (path) : g_file_get_uri (file);
  }
  load->name = g_strdup (name != NULL ? name : load->file_name);
  tpt_document_load_file_async (file, self->loading, loaded_cb, load);
}

/**
 * tpt_changes_panel_stop:
 * @self: a #TptChangesPanel
 *
 * Stops comparing: the list empties and the diff goes.
 */
void
tpt_changes_panel_stop (TptChangesPanel *self)
{
  g_return_if_fail (TPT_IS_CHANGES_PANEL (self));

  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  g_clear_object (&self->older);
  g_clear_pointer (&self->since, g_free);
  show_error (self, NULL);
  refresh (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINCE]);
}

static void
saved_clicked_cb (TptChangesPanel *self)
{
  if (self->file == NULL)
    {
      show_error (self, _("The document has not been saved yet, so there is no saved file to "
                          "compare with"));
      return;
    }
  tpt_changes_panel_compare_with_file (self, self->file, _("the saved file"));
}

static void
chooser_response_cb (TptChangesPanel      *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        tpt_changes_panel_compare_with_file (self, file, NULL);
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
file_clicked_cb (TptChangesPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Compare with"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Compare"),
                                               _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_set_name (documents, _("Touchpoint Documents"));
  gtk_file_filter_add_mime_type (documents, "application/x-touchpoint");
  gtk_file_filter_add_suffix (documents, "touchpoint");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), documents);
  if (self->file != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (self->file);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
stop_clicked_cb (TptChangesPanel *self)
{
  tpt_changes_panel_stop (self);
}

/**
 * tpt_changes_panel_set_document:
 * @self: a #TptChangesPanel
 * @document: (nullable): the document to compare
 * @file: (nullable): where it is saved, for Compare with Saved
 *
 * A new document stops the comparison; the same one with another file
 * (after Save As) keeps it.
 */
void
tpt_changes_panel_set_document (TptChangesPanel *self,
                                TptDocument     *document,
                                GFile           *file)
{
  g_return_if_fail (TPT_IS_CHANGES_PANEL (self));
  g_return_if_fail (document == NULL || TPT_IS_DOCUMENT (document));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  g_set_object (&self->file, file);
  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (tpt_document_get_history (self->document), self);
    }
  g_set_object (&self->document, document);
  /* Undo and redo move the history; typing that merges into the step
   * before only changes nodes. */
  if (document != NULL)
    {
      g_signal_connect_object (tpt_document_get_history (document), "notify::position",
                               G_CALLBACK (document_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "node-changed", G_CALLBACK (document_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "children-changed", G_CALLBACK (document_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  tpt_changes_panel_stop (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

TptDocument *
tpt_changes_panel_get_document (TptChangesPanel *self)
{
  g_return_val_if_fail (TPT_IS_CHANGES_PANEL (self), NULL);

  return self->document;
}

/**
 * tpt_changes_panel_get_diff:
 * @self: a #TptChangesPanel
 *
 * Returns: (nullable) (transfer none): what changed since the version
 *   compared with, or %NULL when not comparing; it is replaced (notify::diff)
 *   a moment after each edit
 */
TptDiff *
tpt_changes_panel_get_diff (TptChangesPanel *self)
{
  g_return_val_if_fail (TPT_IS_CHANGES_PANEL (self), NULL);

  return self->diff;
}

/**
 * tpt_changes_panel_get_older:
 * @self: a #TptChangesPanel
 *
 * Returns: (nullable) (transfer none): the version compared with, or %NULL
 */
TptDocument *
tpt_changes_panel_get_older (TptChangesPanel *self)
{
  g_return_val_if_fail (TPT_IS_CHANGES_PANEL (self), NULL);

  return self->older;
}

/**
 * tpt_changes_panel_get_since:
 * @self: a #TptChangesPanel
 *
 * Returns: (nullable): the name of the version compared with, e.g. for an
 *   export's "Changes since …" pages
 */
const char *
tpt_changes_panel_get_since (TptChangesPanel *self)
{
  g_return_val_if_fail (TPT_IS_CHANGES_PANEL (self), NULL);

  return self->since;
}

GtkListBox *
tpt_changes_panel_get_list (TptChangesPanel *self)
{
  g_return_val_if_fail (TPT_IS_CHANGES_PANEL (self), NULL);

  return self->list;
}

GtkWidget *
tpt_changes_panel_new (void)
{
  return g_object_new (TPT_TYPE_CHANGES_PANEL, NULL);
}

static void
tpt_changes_panel_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TptChangesPanel *self = TPT_CHANGES_PANEL (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_DIFF:
      g_value_set_object (value, self->diff);
      break;
    case PROP_SINCE:
      g_value_set_string (value, self->since);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_changes_panel_dispose (GObject *object)
{
  TptChangesPanel *self = TPT_CHANGES_PANEL (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_cancellable_cancel (self->loading);
  g_clear_object (&self->loading);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (tpt_document_get_history (self->document), self);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->file);
  g_clear_object (&self->older);
  g_clear_pointer (&self->since, g_free);
  g_clear_pointer (&self->lines, g_ptr_array_unref);
  g_clear_object (&self->diff);
  gtk_widget_dispose_template (GTK_WIDGET (self), TPT_TYPE_CHANGES_PANEL);

  G_OBJECT_CLASS (tpt_changes_panel_parent_class)->dispose (object);
}

static void
tpt_changes_panel_class_init (TptChangesPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tpt_changes_panel_get_property;
  object_class->dispose = tpt_changes_panel_dispose;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TPT_TYPE_DOCUMENT,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DIFF] =
    g_param_spec_object ("diff", NULL, NULL, TPT_TYPE_DIFF,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SINCE] =
    g_param_spec_string ("since", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TptChangesPanel::show-node:
   * @self: the panel
   * @node: what a change is about, or for a removed node its blueprint or
   *   the document
   *
   * The user activated a change: the window selects @node.
   */
  signals[SHOW_NODE] =
    g_signal_new ("show-node", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, TPT_TYPE_NODE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/"
                                               "tpt-changes-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, TptChangesPanel, box);
  gtk_widget_class_bind_template_child (widget_class, TptChangesPanel, saved_button);
  gtk_widget_class_bind_template_child (widget_class, TptChangesPanel, file_button);
  gtk_widget_class_bind_template_child (widget_class, TptChangesPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, TptChangesPanel, stop_button);
  gtk_widget_class_bind_template_child (widget_class, TptChangesPanel, error_label);
  gtk_widget_class_bind_template_child (widget_class, TptChangesPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, saved_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, file_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "changespanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
tpt_changes_panel_init (TptChangesPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  refresh (self);
}
