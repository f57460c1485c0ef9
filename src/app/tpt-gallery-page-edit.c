/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-gallery-page"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "tpt-gallery-page-private.h"

#include "tpt-node-edits.h"
#include "tpt-persona-fields.h"
#include "tpt-photo-import.h"

/* The persona gallery's edits: adding, deleting and moving personas,
 * writing fields in place, and the actions the keys and context menu
 * share. */

/* ------------------------------------------------------------------ */
/* Edits                                                               */

void
tpt_gallery_page_add_persona (TptGalleryPage *self,
                              guint           position)
{
  TptPersona *persona = tpt_node_edits_add_persona (self->document, position);

  tpt_gallery_page_select (self, persona);
  /* A new persona is named next, as a new card is written: on its card,
   * so it is laid out at once and scrolled to. */
  tpt_canvas_relayout_now (TPT_CANVAS (self));
  tpt_gallery_page_edit (self, TPT_PERSONA_FIELD_NAME);
}

void
tpt_gallery_page_delete_selected (TptGalleryPage *self)
{
  g_autoptr(TptPersona) persona = NULL;
  g_autofree char *message = NULL;
  int index = tpt_gallery_page_index_of (self, self->selected);

  if (index < 0)
    return;

  persona = g_object_ref (self->selected);
  message = g_strdup_printf (_("“%s” deleted"), tpt_persona_get_name (persona));
  tpt_node_edits_delete (self->document, TPT_NODE (persona));
  /* The card that took its place is selected next, as in a list. */
  if (tpt_gallery_page_n_personas (self) > 0)
    tpt_gallery_page_select_index (self, MIN (index, (int) tpt_gallery_page_n_personas (self) - 1));
  else
    tpt_gallery_page_select (self, NULL);
  tpt_canvas_toast (TPT_CANVAS (self), message, TRUE);
}

void
tpt_gallery_page_move_selected (TptGalleryPage *self,
                                int             to)
{
  g_autoptr(TptPersona) persona = self->selected != NULL ? g_object_ref (self->selected) : NULL;
  int from = tpt_gallery_page_index_of (self, persona);
  int n = tpt_gallery_page_n_personas (self);

  if (from < 0 || to < 0 || to >= n || to == from)
    return;
  /* The model counts positions in the list as it is before the move; the
   * label is the outline's for the same move. */
  tpt_document_begin (self->document, to < from ? _("Move Up") : _("Move Down"));
  tpt_document_move_persona (self->document, persona, to > from ? to + 1 : to);
  tpt_document_end (self->document);
  /* The persona moved stays selected and shown. */
  tpt_gallery_page_select (self, persona);
}

/**
 * tpt_gallery_page_drop_photo:
 * @self: a page
 * @file: an image file dropped on the gallery
 * @x: where, in the gallery's units
 * @y: the point's y
 * @error: return location for a #GError
 *
 * Sets the photo of the persona whose card is at (@x, @y), as
 * tpt_photo_import_file() does.
 *
 * Returns: whether the photo was set
 */
gboolean
tpt_gallery_page_drop_photo (TptGalleryPage *self,
                             GFile          *file,
                             double          x,
                             double          y,
                             GError        **error)
{
  g_autoptr(TptPersona) persona = NULL;
  guint index;

  g_return_val_if_fail (TPT_IS_GALLERY_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!tpt_gallery_page_persona_at (self, x, y, &index))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Drop the photo onto a persona’s card."));
      return FALSE;
    }
  persona = tpt_gallery_page_dup_persona (self, index);
  if (persona == NULL || !tpt_photo_import_file (self->document, persona, file, error))
    return FALSE;
  tpt_gallery_page_select (self, persona);
  return TRUE;
}

void
tpt_gallery_page_choose_photo (TptGalleryPage *self)
{
  if (self->selected != NULL)
    tpt_photo_import_choose (GTK_WIDGET (self), self->document, self->selected, NULL, NULL);
}

/* ------------------------------------------------------------------ */
/* Writing a field in place                                            */

static void
field_done (TptCanvas    *canvas,
            const char   *text,
            TptEditorEnd  end,
            gpointer      data)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (canvas);
  g_autoptr(TptPersona) persona = g_steal_pointer (&self->editing);
  TptPersonaField field = self->editing_field;

  if (end == TPT_EDITOR_END_CANCEL || persona == NULL || !tpt_node_is_attached (TPT_NODE (persona)))
    return;

  tpt_persona_field_set (self->document, persona, field, text);
  /* Tab goes on to the next field of the same card, as in a form. */
  if (end == TPT_EDITOR_END_NEXT || end == TPT_EDITOR_END_PREVIOUS)
    {
      tpt_gallery_page_select (self, persona);
      tpt_canvas_relayout_now (canvas);
      tpt_gallery_page_edit (self, tpt_persona_field_next (field,
                                                           end == TPT_EDITOR_END_NEXT ? 1 : -1));
    }
}

/**
 * tpt_gallery_page_edit:
 * @self: a page
 * @field: the text field of the selected persona to write
 *
 * Opens the in-place editor over the field of the selected persona (over
 * its name when the field is empty, and so not drawn). Enter keeps the
 * text, Escape drops it, Tab keeps it and goes on to the next field, and
 * so does clicking away; lists are a line an item, facts "Label: value".
 */
void
tpt_gallery_page_edit (TptGalleryPage  *self,
                       TptPersonaField  field)
{
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  const TptPersonaPart *part;
  int index;

  g_return_if_fail (TPT_IS_GALLERY_PAGE (self));

  if (self->selected == NULL || !tpt_persona_field_is_text (field))
    return;

  tpt_canvas_end_edit (TPT_CANVAS (self), TPT_EDITOR_END_COMMIT);
  index = tpt_gallery_page_index_of (self, self->selected);
  part = tpt_gallery_page_find_part (self, index, field);
  if (part == NULL)
    part = tpt_gallery_page_find_part (self, index, TPT_PERSONA_FIELD_NAME);
  if (part == NULL)
    return;

  g_set_object (&self->editing, self->selected);
  self->editing_field = field;
  text = tpt_persona_field_get (self->selected, field);
  /* Translators: what a screen reader calls the field being written:
   * the field's name and the persona's, e.g. “Goals of Dana Ortiz”. */
  label = g_strdup_printf (_("%s of %s"), tpt_persona_field_label (field),
                           tpt_persona_get_name (self->selected));
  tpt_canvas_edit (TPT_CANVAS (self), &part->rect, text, label,
                   tpt_persona_field_is_multiline (field), TRUE, field_done, NULL, NULL);
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
choose_colour (TptGalleryPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
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
gallery_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (widget);
  const char *name = action_name + strlen ("gallery.");
  int index = tpt_gallery_page_index_of (self, self->selected);

  /* While a field is written, keys are the editor's; only opening another
   * field (from the menu) keeps the one being written and goes on. */
  if (self->document == NULL ||
      (tpt_canvas_is_editing (TPT_CANVAS (self)) && !g_str_has_prefix (name, "edit")))
    return;

  if (g_str_equal (name, "add"))
    tpt_gallery_page_add_persona (self, index >= 0 ? (guint) index + 1
                                                   : tpt_gallery_page_n_personas (self));
  else if (index < 0)
    return;
  else if (g_str_equal (name, "duplicate"))
    tpt_gallery_page_select (self, tpt_node_edits_duplicate_persona (self->document,
                                                                     self->selected));
  else if (g_str_equal (name, "delete"))
    tpt_gallery_page_delete_selected (self);
  else if (g_str_equal (name, "edit"))
    tpt_gallery_page_edit (self, TPT_PERSONA_FIELD_NAME);
  else if (g_str_equal (name, "edit-field"))
    tpt_gallery_page_edit (self, g_variant_get_int32 (parameter));
  else if (g_str_equal (name, "move-earlier"))
    tpt_gallery_page_move_selected (self, index - 1);
  else if (g_str_equal (name, "move-later"))
    tpt_gallery_page_move_selected (self, index + 1);
  else if (g_str_equal (name, "choose-photo"))
    tpt_gallery_page_choose_photo (self);
  else if (g_str_equal (name, "remove-photo"))
    tpt_photo_import_remove (self->document, self->selected);
  else if (g_str_equal (name, "choose-colour"))
    choose_colour (self);
}

/* Arrows walk the cards (Up and Down by a row), Alt+arrows move the
 * persona there; Home, End and Tab walk them too. */
static void
cursor_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (widget);
  int index = tpt_gallery_page_index_of (self, self->selected);
  int n = tpt_gallery_page_n_personas (self);
  int cols = tpt_gallery_page_columns (self);
  int dx, dy, step;

  if (n == 0 || tpt_canvas_is_editing (TPT_CANVAS (self)))
    return;
  g_variant_get (parameter, "(ii)", &dx, &dy);
  step = dx + dy * cols;
  if (index < 0)
    tpt_gallery_page_select_index (self, 0);
  else if (index + step >= 0 && index + step < n)
    {
      if (g_str_equal (action_name, "gallery.move"))
        tpt_gallery_page_move_selected (self, index + step);
      else
        tpt_gallery_page_select_index (self, index + step);
    }
}

static void
ends_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (widget);
  int n = tpt_gallery_page_n_personas (self);

  if (n > 0 && !tpt_canvas_is_editing (TPT_CANVAS (self)))
    tpt_gallery_page_select_index (self, g_variant_get_int32 (parameter) < 0 ? 0 : n - 1);
}

static void
menu_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptGalleryPage *self = TPT_GALLERY_PAGE (widget);
  int index = tpt_gallery_page_index_of (self, self->selected);
  const TptPersonaPart *card = tpt_gallery_page_find_part (self, MAX (index, 0),
                                                           TPT_PERSONA_FIELD_CARD);

  if (tpt_canvas_is_editing (TPT_CANVAS (self)))
    return;
  if (card != NULL)
    tpt_gallery_page_popup_menu (self, card->rect.x + 16, card->rect.y + 16);
  else
    tpt_gallery_page_popup_menu (self, 16, 16);
}

static void
update_enabled (TptGalleryPage *self,
                const char     *name,
                gboolean        enabled)
{
  g_autofree char *full = g_strconcat ("gallery.", name, NULL);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), full, enabled);
}

void
tpt_gallery_page_update_actions (TptGalleryPage *self)
{
  int index = tpt_gallery_page_index_of (self, self->selected);
  gboolean shown = self->document != NULL;
  gboolean any = shown && index >= 0;

  update_enabled (self, "add", shown);
  update_enabled (self, "duplicate", any);
  update_enabled (self, "delete", any);
  update_enabled (self, "edit", any);
  update_enabled (self, "edit-field", any);
  update_enabled (self, "choose-photo", any);
  update_enabled (self, "choose-colour", any);
  update_enabled (self, "remove-photo", any && tpt_persona_get_photo (self->selected) != NULL);
  update_enabled (self, "move-earlier", any && index > 0);
  update_enabled (self, "move-later", any && index + 1 < (int) tpt_gallery_page_n_personas (self));
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
context_menu_model (TptGalleryPage *self)
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
tpt_gallery_page_popup_menu (TptGalleryPage *self,
                             double          x,
                             double          y)
{
  g_autoptr(GMenuModel) model = context_menu_model (self);

  tpt_canvas_popup_menu (TPT_CANVAS (self), model, x, y);
}

/**
 * tpt_gallery_page_class_add_actions:
 * @widget_class: the page's class
 *
 * The page's actions and its keys as bindings to them, which the context
 * menu and the Keyboard Shortcuts window share.
 */
void
tpt_gallery_page_class_add_actions (GtkWidgetClass *widget_class)
{
  static const char * const actions[] = {
    "add", "duplicate", "delete", "edit", "move-earlier", "move-later", "choose-photo",
    "remove-photo", "choose-colour",
  };
  static const struct { guint key, pad; int dx, dy; } arrows[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    {
      g_autofree char *name = g_strconcat ("gallery.", actions[i], NULL);

      gtk_widget_class_install_action (widget_class, name, NULL, gallery_action);
    }
  gtk_widget_class_install_action (widget_class, "gallery.edit-field", "i", gallery_action);
  gtk_widget_class_install_action (widget_class, "gallery.cursor", "(ii)", cursor_action);
  gtk_widget_class_install_action (widget_class, "gallery.move", "(ii)", cursor_action);
  gtk_widget_class_install_action (widget_class, "gallery.ends", "i", ends_action);
  gtk_widget_class_install_action (widget_class, "gallery.menu", NULL, menu_action);

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_class_add_binding_action (widget_class, arrows[i].key, 0, "gallery.cursor",
                                           "(ii)", arrows[i].dx, arrows[i].dy);
      gtk_widget_class_add_binding_action (widget_class, arrows[i].pad, 0, "gallery.cursor",
                                           "(ii)", arrows[i].dx, arrows[i].dy);
      gtk_widget_class_add_binding_action (widget_class, arrows[i].key, GDK_ALT_MASK,
                                           "gallery.move", "(ii)", arrows[i].dx, arrows[i].dy);
    }
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "gallery.ends", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "gallery.ends", "i", 1);
  /* Tab walks the cards like Right; Ctrl+Tab leaves the page. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "gallery.cursor",
                                       "(ii)", 1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK,
                                       "gallery.cursor", "(ii)", -1, 0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "gallery.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "gallery.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "gallery.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Insert, 0, "gallery.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Insert, 0, "gallery.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK,
                                       "gallery.duplicate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "gallery.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "gallery.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_BackSpace, 0, "gallery.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "gallery.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "gallery.menu", NULL);
}
