/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-gallery-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-gallery-canvas-private.h"

#include "tpt-node-edits.h"
#include "tpt-persona-fields.h"
#include "tpt-photo-import.h"
#include "tpt-window.h"

/* The persona gallery's edits: adding, deleting and moving personas, the
 * field editor, and the actions the keys and context menu share. */

/* ------------------------------------------------------------------ */
/* Edits                                                               */

void
tpt_gallery_show_toast (TptGalleryCanvas *self,
                        const char       *message,
                        gboolean          undoable)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->view));

  if (TPT_IS_WINDOW (root))
    tpt_window_show_toast (TPT_WINDOW (root), message, undoable);
}

void
tpt_gallery_add_persona (TptGalleryCanvas *self,
                         guint             position)
{
  TptPersona *persona = tpt_node_edits_add_persona (self->document, position);

  tpt_gallery_set_selected (self, persona, TRUE);
  /* A new persona is named next, as a new card is written. */
  tpt_gallery_canvas_edit (self, TPT_PERSONA_FIELD_NAME);
}

void
tpt_gallery_delete_selected (TptGalleryCanvas *self)
{
  g_autoptr(TptPersona) persona = NULL;
  g_autofree char *message = NULL;
  int index = tpt_gallery_index_of (self, self->selected);

  if (index < 0)
    return;

  persona = g_object_ref (self->selected);
  message = g_strdup_printf (_("“%s” deleted"), tpt_persona_get_name (persona));
  tpt_node_edits_delete (self->document, TPT_NODE (persona));
  g_clear_object (&self->selected);
  /* The card that took its place is selected next, as in a list. */
  if (tpt_gallery_n_personas (self) > 0)
    tpt_gallery_select_index (self, MIN (index, (int) tpt_gallery_n_personas (self) - 1));
  else
    g_signal_emit (self, tpt_gallery_signals[TPT_GALLERY_SELECTION_CHANGED], 0);
  tpt_gallery_show_toast (self, message, TRUE);
}

void
tpt_gallery_move_selected (TptGalleryCanvas *self,
                           int               to)
{
  int from = tpt_gallery_index_of (self, self->selected);
  int n = tpt_gallery_n_personas (self);

  if (from < 0 || to < 0 || to >= n || to == from)
    return;
  /* The model counts positions in the list as it is before the move. */
  tpt_document_begin (self->document, _("Move Persona"));
  tpt_document_move_persona (self->document, self->selected, to > from ? to + 1 : to);
  tpt_document_end (self->document);
}

/**
 * tpt_gallery_canvas_drop_photo:
 * @self: a canvas
 * @file: an image file dropped on the gallery
 * @x: where, in the gallery's coordinates
 * @y: the point's y
 * @error: return location for a #GError
 *
 * Sets the photo of the persona whose card is at (@x, @y), as
 * tpt_photo_import_file() does.
 *
 * Returns: whether the photo was set
 */
gboolean
tpt_gallery_canvas_drop_photo (TptGalleryCanvas *self,
                               GFile            *file,
                               double            x,
                               double            y,
                               GError          **error)
{
  g_autoptr(TptPersona) persona = NULL;
  guint index;

  g_return_val_if_fail (TPT_IS_GALLERY_CANVAS (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!tpt_gallery_canvas_persona_at (self, x, y, &index))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Drop the photo onto a persona’s card."));
      return FALSE;
    }
  persona = g_list_model_get_item (tpt_document_get_personas (self->document), index);
  if (!tpt_photo_import_file (self->document, persona, file, error))
    return FALSE;
  tpt_gallery_set_selected (self, persona, TRUE);
  return TRUE;
}

/* ------------------------------------------------------------------ */
/* The field editor                                                    */

static char *
editor_text (TptGalleryCanvas *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor_text));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
commit_editor (TptGalleryCanvas *self)
{
  g_autofree char *text = NULL;

  if (self->editing == NULL || self->editor_cancelled)
    return;
  text = editor_text (self);
  tpt_persona_field_set (self->document, self->editing, self->editing_field, text);
}

void
tpt_gallery_close_editor (TptGalleryCanvas *self)
{
  if (self->editor != NULL && gtk_widget_get_visible (self->editor))
    gtk_popover_popdown (GTK_POPOVER (self->editor));
}

static void
editor_closed_cb (TptGalleryCanvas *self)
{
  commit_editor (self);
  g_clear_object (&self->editing);
  /* Once the popover has gone, the gallery has the keyboard again. */
  if (gtk_widget_get_root (GTK_WIDGET (self->view)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

/* Points the editor at its field, or at the top of the card when the
 * field is empty and so not drawn. */
void
tpt_gallery_place_editor (TptGalleryCanvas *self)
{
  int index = tpt_gallery_index_of (self, self->editing);
  const TptPersonaPart *part = tpt_gallery_find_part (self, index, self->editing_field);
  TptRect rect;
  double x0, y0, x1, y1;

  if (part == NULL)
    part = tpt_gallery_find_part (self, index, TPT_PERSONA_FIELD_NAME);
  if (part == NULL)
    return;

  rect = part->rect;
  tpt_artefact_view_content_to_widget (self->view, rect.x, rect.y, &x0, &y0);
  tpt_artefact_view_content_to_widget (self->view, tpt_rect_right (&rect), tpt_rect_bottom (&rect),
                                       &x1, &y1);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->editor),
                               &(GdkRectangle) { (int) x0, (int) y0, MAX (1, (int) (x1 - x0)),
                                                 MAX (1, (int) (y1 - y0)) });
}

static void
open_field (TptGalleryCanvas *self,
            TptPersonaField   field)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor_text));
  g_autofree char *text = tpt_persona_field_get (self->editing, field);
  GtkTextIter start, end;

  self->editing_field = field;
  self->editor_cancelled = FALSE;
  gtk_label_set_text (GTK_LABEL (self->editor_title), tpt_persona_field_label (field));
  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
  gtk_widget_set_size_request (self->editor_text, 280,
                               tpt_persona_field_is_multiline (field) ? 120 : -1);
  tpt_gallery_place_editor (self);
}

static gboolean
editor_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               TptGalleryCanvas      *self)
{
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
      if (state & GDK_SHIFT_MASK)
        return FALSE;
      tpt_gallery_close_editor (self);
      return TRUE;

    case GDK_KEY_Escape:
      self->editor_cancelled = TRUE;
      tpt_gallery_close_editor (self);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      /* On to the next field of the same card, as in a form. */
      commit_editor (self);
      if (self->editing != NULL && tpt_node_is_attached (TPT_NODE (self->editing)))
        open_field (self, tpt_persona_field_next (self->editing_field,
                                                  keyval == GDK_KEY_Tab && !(state & GDK_SHIFT_MASK)
                                                  ? 1 : -1));
      return TRUE;

    default:
      return FALSE;
    }
}

static void
ensure_editor (TptGalleryCanvas *self)
{
  GtkWidget *box, *scroller, *hint;
  GtkEventController *keys;

  if (self->editor != NULL)
    return;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->editor_title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->editor_title, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->editor_title), 0);
  gtk_box_append (GTK_BOX (box), self->editor_title);

  self->editor_text = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor_text), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->editor_text), FALSE);
  gtk_widget_add_css_class (self->editor_text, "inline");
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->editor_text);
  gtk_widget_add_css_class (scroller, "card");
  gtk_box_append (GTK_BOX (box), scroller);

  hint = gtk_label_new (_("Enter keeps, Shift+Enter starts a new line, Tab goes to the next field"));
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (hint), 36);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_box_append (GTK_BOX (box), hint);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (editor_key_cb), self);
  gtk_widget_add_controller (self->editor_text, keys);

  self->editor = g_object_ref_sink (gtk_popover_new ());
  gtk_popover_set_child (GTK_POPOVER (self->editor), box);
  gtk_popover_set_position (GTK_POPOVER (self->editor), GTK_POS_BOTTOM);
  gtk_widget_set_parent (self->editor, GTK_WIDGET (self->view));
  g_signal_connect_swapped (self->editor, "closed", G_CALLBACK (editor_closed_cb), self);
}

/**
 * tpt_gallery_canvas_edit:
 * @self: a canvas
 * @field: the text field of the selected persona to edit
 *
 * Opens the field editor on the selected persona. Enter keeps the text,
 * Escape drops it, Tab keeps it and goes on to the next field, and so does
 * clicking away.
 */
void
tpt_gallery_canvas_edit (TptGalleryCanvas *self,
                         TptPersonaField   field)
{
  g_return_if_fail (TPT_IS_GALLERY_CANVAS (self));

  if (self->selected == NULL || !tpt_persona_field_is_text (field))
    return;

  ensure_editor (self);
  /* Another field opened from the menu keeps the one being edited. */
  commit_editor (self);
  g_set_object (&self->editing, self->selected);
  open_field (self, field);
  gtk_popover_popup (GTK_POPOVER (self->editor));
  gtk_widget_grab_focus (self->editor_text);
}

/**
 * tpt_gallery_canvas_get_editor:
 * @self: a canvas
 *
 * Returns: (nullable) (transfer none): the field editor's text view while
 *   a field is being edited
 */
GtkWidget *
tpt_gallery_canvas_get_editor (TptGalleryCanvas *self)
{
  g_return_val_if_fail (TPT_IS_GALLERY_CANVAS (self), NULL);

  return self->editing != NULL ? self->editor_text : NULL;
}

/* ------------------------------------------------------------------ */
/* Actions and the context menu                                        */

static void
colour_chosen_cb (GtkDialog *dialog,
                  int        response,
                  gpointer   user_data)
{
  TptDocument *document = g_object_get_data (G_OBJECT (dialog), "tpt-document");
  TptPersona *persona = g_object_get_data (G_OBJECT (dialog), "tpt-persona");

  if (response == GTK_RESPONSE_OK && tpt_node_is_attached (TPT_NODE (persona)))
    {
      GdkRGBA rgba;
      g_autofree char *text = NULL;
      g_autofree char *label = NULL;

      gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
      text = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                              (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
      if (g_strcmp0 (text, tpt_persona_get_color (persona)) != 0)
        {
          /* The inspector's label for the same edit. */
          label = g_strdup_printf (_("Edit %s"), _("Colour"));
          tpt_document_begin (document, label);
          tpt_persona_set_color (persona, text);
          tpt_document_end (document);
        }
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The persona's colour marks its card, its curve on emotion lanes and its
 * column in the matrix. */
static void
choose_colour (TptGalleryCanvas *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->view));
  GtkWidget *dialog = gtk_color_chooser_dialog_new (_("Persona Colour"),
                                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  const char *current = tpt_persona_get_color (self->selected);
  GdkRGBA rgba;

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (dialog), FALSE);
  if (current != NULL && gdk_rgba_parse (&rgba, current))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &rgba);
  g_object_set_data_full (G_OBJECT (dialog), "tpt-document", g_object_ref (self->document),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (dialog), "tpt-persona", g_object_ref (self->selected),
                          g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (colour_chosen_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
gallery_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  TptGalleryCanvas *self = user_data;
  const char *name = g_action_get_name (G_ACTION (action));
  int index = tpt_gallery_index_of (self, self->selected);

  if (self->parts == NULL)
    return;

  if (g_str_equal (name, "add"))
    tpt_gallery_add_persona (self, index >= 0 ? (guint) index + 1 : tpt_gallery_n_personas (self));
  else if (index < 0)
    return;
  else if (g_str_equal (name, "duplicate"))
    tpt_gallery_set_selected (self, tpt_node_edits_duplicate_persona (self->document, self->selected), TRUE);
  else if (g_str_equal (name, "delete"))
    tpt_gallery_delete_selected (self);
  else if (g_str_equal (name, "edit"))
    tpt_gallery_canvas_edit (self, TPT_PERSONA_FIELD_NAME);
  else if (g_str_equal (name, "edit-field"))
    tpt_gallery_canvas_edit (self, g_variant_get_int32 (parameter));
  else if (g_str_equal (name, "move-earlier"))
    tpt_gallery_move_selected (self, index - 1);
  else if (g_str_equal (name, "move-later"))
    tpt_gallery_move_selected (self, index + 1);
  else if (g_str_equal (name, "choose-photo"))
    tpt_photo_import_choose (GTK_WIDGET (self->view), self->document, self->selected, NULL, NULL);
  else if (g_str_equal (name, "remove-photo"))
    tpt_photo_import_remove (self->document, self->selected);
  else if (g_str_equal (name, "choose-colour"))
    choose_colour (self);
}

static const GActionEntry action_entries[] = {
  { "add", gallery_action },
  { "duplicate", gallery_action },
  { "delete", gallery_action },
  { "edit", gallery_action },
  { "edit-field", gallery_action, "i" },
  { "move-earlier", gallery_action },
  { "move-later", gallery_action },
  { "choose-photo", gallery_action },
  { "remove-photo", gallery_action },
  { "choose-colour", gallery_action },
};

void
tpt_gallery_add_actions (TptGalleryCanvas *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self->actions), action_entries,
                                   G_N_ELEMENTS (action_entries), self);
}

static void
enable (TptGalleryCanvas *self,
        const char       *name,
        gboolean          enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self->actions), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

void
tpt_gallery_update_actions (TptGalleryCanvas *self)
{
  int index = tpt_gallery_index_of (self, self->selected);
  gboolean shown = self->parts != NULL;
  gboolean any = shown && index >= 0;

  enable (self, "add", shown);
  enable (self, "duplicate", any);
  enable (self, "delete", any);
  enable (self, "edit", any);
  enable (self, "edit-field", any);
  enable (self, "choose-photo", any);
  enable (self, "choose-colour", any);
  enable (self, "remove-photo", any && tpt_persona_get_photo (self->selected) != NULL);
  enable (self, "move-earlier", any && index > 0);
  enable (self, "move-later", any && index + 1 < (int) tpt_gallery_n_personas (self));
}

static void
append (GMenu      *menu,
        const char *label,
        const char *action,
        const char *accel)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, action);

  if (accel != NULL)
    g_menu_item_set_attribute (item, "accel", "s", accel);
  g_menu_append_item (menu, item);
}

static GMenuModel *
context_menu_model (TptGalleryCanvas *self)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) fields = g_menu_new ();
  g_autoptr(GMenu) photo = g_menu_new ();
  g_autoptr(GMenu) order = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();

  append (add, _("_Add Persona"), "gallery.add", "Insert");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));
  if (self->selected == NULL)
    return G_MENU_MODEL (menu);

  append (edit, _("_Rename"), "gallery.edit", "F2");
  for (TptPersonaField f = TPT_PERSONA_FIELD_ROLE; f <= TPT_PERSONA_FIELD_FACTS; f++)
    {
      g_autofree char *detailed = g_strdup_printf ("gallery.edit-field(%d)", f);
      /* Translators: a context menu item; %s is a persona's field, e.g. “Goals”. */
      g_autofree char *label = g_strdup_printf (_("Edit %s…"), tpt_persona_field_label (f));

      append (fields, label, detailed, NULL);
    }
  g_menu_append_submenu (edit, _("_Edit Field"), G_MENU_MODEL (fields));
  append (edit, _("D_uplicate"), "gallery.duplicate", "<Control>d");
  append (edit, _("_Delete"), "gallery.delete", "Delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));

  append (photo, _("Choose _Photo…"), "gallery.choose-photo", NULL);
  append (photo, _("Remove P_hoto"), "gallery.remove-photo", NULL);
  append (photo, _("C_olour…"), "gallery.choose-colour", NULL);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (photo));

  append (order, _("Move Ear_lier"), "gallery.move-earlier", "<Alt>Left");
  append (order, _("Move La_ter"), "gallery.move-later", "<Alt>Right");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (order));

  return G_MENU_MODEL (menu);
}

void
tpt_gallery_popup_menu (TptGalleryCanvas *self,
                        double            x,
                        double            y)
{
  g_autoptr(GMenuModel) model = context_menu_model (self);

  tpt_artefact_view_popup_menu (self->view, model, x, y);
}

