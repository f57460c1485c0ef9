/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-canvas"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-blueprint-canvas-private.h"

#include "tpt-node-edits.h"

/* ------------------------------------------------------------------ */
/* In-place editing                                                    */

static void
close_editor (TptBlueprintCanvas *self)
{
  GtkWidget *editor = g_steal_pointer (&self->editor);

  if (editor == NULL)
    return;

  g_clear_object (&self->editing);
  g_clear_object (&self->editing_header);
  gtk_widget_unparent (editor);
  g_object_unref (editor);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  gtk_widget_queue_draw (GTK_WIDGET (self->view));
}

static char *
editor_text (TptBlueprintCanvas *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strdup (g_strstrip (text));
}

void
tpt_canvas_commit_editor (TptBlueprintCanvas *self)
{
  g_autofree char *text = NULL;

  if (self->editor == NULL)
    return;

  text = editor_text (self);
  if (self->editing_header != NULL)
    {
      const char *current = NULL;

      if (TPT_IS_LANE (self->editing_header))
        current = tpt_lane_get_title (TPT_LANE (self->editing_header));
      else if (TPT_IS_STEP (self->editing_header))
        current = tpt_step_get_title (TPT_STEP (self->editing_header));
      else if (TPT_IS_STAGE (self->editing_header))
        current = tpt_stage_get_title (TPT_STAGE (self->editing_header));
      if (tpt_node_is_attached (self->editing_header) && *text != '\0' &&
          g_strcmp0 (text, current) != 0)
        tpt_node_edits_set_name (self->document, self->editing_header, text);
    }
  else if (self->editing != NULL)
    {
      if (tpt_node_is_attached (TPT_NODE (self->editing)) &&
          g_strcmp0 (text, tpt_card_get_text (self->editing)) != 0)
        {
          tpt_document_begin (self->document, _("Edit Card Text"));
          tpt_card_set_text (self->editing, text);
          tpt_document_end (self->document);
        }
    }
  else if (*text != '\0' && tpt_canvas_cell_takes_cards (self, self->edit_lane, self->edit_step))
    {
      /* The card comes into being with its text: one step to undo. */
      g_autoptr(TptCard) card = tpt_card_new (self->document);

      tpt_card_set_text (card, text);
      tpt_document_begin (self->document, _("Add Card"));
      tpt_blueprint_add_card (tpt_canvas_blueprint (self), card, tpt_canvas_lane_object (self, self->edit_lane),
                              tpt_canvas_step_object (self, self->edit_step), G_MAXUINT);
      tpt_document_end (self->document);
      g_ptr_array_set_size (self->selection, 0);
      g_ptr_array_add (self->selection, g_object_ref (card));
      tpt_canvas_selection_changed (self);
    }

  close_editor (self);
}

void
tpt_canvas_cancel_editor (TptBlueprintCanvas *self)
{
  close_editor (self);
}

static gboolean
editor_key_cb (GtkEventControllerKey *controller,
               guint                  keyval,
               guint                  keycode,
               GdkModifierType        state,
               TptBlueprintCanvas    *self)
{
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* Shift+Enter is a new line in the card; titles are one line. */
      if ((state & GDK_SHIFT_MASK) && self->editing_header == NULL)
        return FALSE;
      tpt_canvas_commit_editor (self);
      return TRUE;
    case GDK_KEY_Escape:
      tpt_canvas_cancel_editor (self);
      return TRUE;
    default:
      return FALSE;
    }
}

static void
editor_focus_leave_cb (GtkEventControllerFocus *controller,
                       TptBlueprintCanvas      *self)
{
  /* Clicking elsewhere keeps what was typed, as a sticky note would. */
  if (self->editor != NULL)
    tpt_canvas_commit_editor (self);
}

/* Puts a text view over self->edit_rect, holding @text. */
static void
create_editor (TptBlueprintCanvas *self,
               const char         *text,
               const char         *label,
               gboolean            select_all)
{
  GtkEventController *keys, *focus;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  self->editor = g_object_ref_sink (gtk_text_view_new ());
  gtk_widget_add_css_class (self->editor, "card-editor");
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (self->editor),
                                  GTK_STYLE_PROVIDER (self->editor_css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->editor), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->editor), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->editor),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->editor));
  if (text != NULL)
    gtk_text_buffer_set_text (buffer, text, -1);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (editor_key_cb), self);
  gtk_widget_add_controller (self->editor, keys);
  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (editor_focus_leave_cb), self);
  gtk_widget_add_controller (self->editor, focus);

  gtk_widget_set_parent (self->editor, GTK_WIDGET (self->view));
  tpt_artefact_view_scroll_to (self->view, &self->edit_rect);
  gtk_widget_queue_allocate (GTK_WIDGET (self->view));
  gtk_widget_grab_focus (self->editor);
  /* A name is typed over, as when renaming a file; a card's text goes
   * on where it ends. */
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, select_all ? &start : &end, &end);
}


/* Opens the editor over @card, or for a new card at the end of a cell. */
void
tpt_canvas_open_editor (TptBlueprintCanvas *self,
                        TptCard            *card,
                        guint               lane,
                        guint               step)
{
  const TptLayoutCard *placed = tpt_canvas_layout_card (self, card);

  if (self->editor != NULL)
    tpt_canvas_commit_editor (self);
  if (self->layout == NULL)
    return;

  if (placed != NULL)
    {
      self->edit_rect = placed->rect;
      self->edit_lane = placed->lane;
      self->edit_step = placed->step;
    }
  else
    {
      g_autoptr(GPtrArray) here = NULL;
      TptRect cell;
      double y;

      if (!tpt_canvas_cell_takes_cards (self, lane, step))
        return;
      cell = tpt_canvas_cell_rect (self, lane, step);
      here = tpt_canvas_cards_in_cell (self, lane, step, NULL);
      y = here->len > 0
          ? tpt_rect_bottom (&((const TptLayoutCard *) g_ptr_array_index (here, here->len - 1))->rect) + 6
          : cell.y + 6;
      self->edit_rect = (TptRect) { cell.x + 6, MIN (y, tpt_rect_bottom (&cell) - 30),
                                    cell.width - 12, 44 };
      self->edit_lane = lane;
      self->edit_step = step;
    }

  g_set_object (&self->editing, card);
  create_editor (self, card != NULL ? tpt_card_get_text (card) : NULL,
                 card != NULL ? _("Card text") : _("New card text"), FALSE);
}

/* Opens the editor over a lane's, step's or stage's header to rename it. */
void
tpt_canvas_open_header_editor (TptBlueprintCanvas *self,
                               TptNode            *node)
{
  const char *title = NULL;

  if (self->editor != NULL)
    tpt_canvas_commit_editor (self);
  if (!tpt_canvas_header_rect (self, node, &self->edit_rect))
    return;

  if (TPT_IS_LANE (node))
    title = tpt_lane_get_title (TPT_LANE (node));
  else if (TPT_IS_STEP (node))
    title = tpt_step_get_title (TPT_STEP (node));
  else if (TPT_IS_STAGE (node))
    title = tpt_stage_get_title (TPT_STAGE (node));
  g_set_object (&self->editing_header, node);
  create_editor (self, title, tpt_node_edits_rename_label (node), TRUE);
}

void
tpt_canvas_edit_selection_or_cell (TptBlueprintCanvas *self)
{
  TptCard *card = tpt_canvas_primary_card (self);

  if (card != NULL && tpt_canvas_layout_card (self, card) != NULL)
    tpt_canvas_open_editor (self, card, 0, 0);
  else if (self->has_cursor)
    tpt_canvas_open_editor (self, NULL, self->cursor_lane, self->cursor_step);
}

