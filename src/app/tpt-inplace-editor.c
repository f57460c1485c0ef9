/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-inplace-editor"

#include "config.h"

#include "tpt-inplace-editor.h"

/* The one text editor that opens in place, over a card, a header, a
 * persona's field, a need's label or an outline row. It ends once, with
 * ::done saying how: Enter keeps, Escape drops, Tab keeps and moves on,
 * Shift+Enter is a new line where text may have several. Focus leaving it
 * keeps the text too, but only once the focus change is over (on idle):
 * whoever hosts the editor then takes it away, and taking a widget away
 * inside a focus change is what once made a double click hang the app. */

struct _TptInplaceEditor
{
  GtkTextView      parent_instance;

  GtkCssProvider  *css;
  guint            focus_idle;
  int              font_size;
  guint            multiline : 1;
  guint            finished : 1;
};

enum {
  DONE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TptInplaceEditor, tpt_inplace_editor, GTK_TYPE_TEXT_VIEW)

/**
 * tpt_inplace_editor_finish:
 * @self: an editor
 * @end: how it ends
 *
 * Ends the edit, unless it has ended already, emitting ::done.
 */
void
tpt_inplace_editor_finish (TptInplaceEditor *self,
                           TptEditorEnd      end)
{
  g_return_if_fail (TPT_IS_INPLACE_EDITOR (self));

  if (self->finished)
    return;

  self->finished = TRUE;
  g_clear_handle_id (&self->focus_idle, g_source_remove);
  g_signal_emit (self, signals[DONE], 0, end);
}

gboolean
tpt_inplace_editor_get_finished (TptInplaceEditor *self)
{
  g_return_val_if_fail (TPT_IS_INPLACE_EDITOR (self), TRUE);

  return self->finished;
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TptInplaceEditor      *self)
{
  gboolean shift = (state & GDK_SHIFT_MASK) != 0;

  state &= gtk_accelerator_get_default_mod_mask ();
  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (shift && self->multiline)
        return FALSE;
      tpt_inplace_editor_finish (self, TPT_EDITOR_END_COMMIT);
      return TRUE;

    case GDK_KEY_Escape:
      tpt_inplace_editor_finish (self, TPT_EDITOR_END_CANCEL);
      return TRUE;

    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if (state & (GDK_CONTROL_MASK | GDK_ALT_MASK))
        return FALSE;
      tpt_inplace_editor_finish (self, shift || keyval == GDK_KEY_ISO_Left_Tab
                                       ? TPT_EDITOR_END_PREVIOUS : TPT_EDITOR_END_NEXT);
      return TRUE;

    default:
      return FALSE;
    }
}

static gboolean
focus_idle_cb (gpointer user_data)
{
  TptInplaceEditor *self = user_data;

  self->focus_idle = 0;
  /* The focus may have come back, as when a popup of the text view's own
   * (its context menu, an input method) took it for a moment. */
  if (!gtk_widget_has_focus (GTK_WIDGET (self)))
    tpt_inplace_editor_finish (self, TPT_EDITOR_END_COMMIT);

  return G_SOURCE_REMOVE;
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                TptInplaceEditor        *self)
{
  if (!self->finished && self->focus_idle == 0)
    self->focus_idle = g_idle_add_full (G_PRIORITY_DEFAULT, focus_idle_cb, self, NULL);
}

/**
 * tpt_inplace_editor_dup_text:
 *
 * Returns: (transfer full): the text typed, without leading and trailing
 *   white space
 */
char *
tpt_inplace_editor_dup_text (TptInplaceEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (TPT_IS_INPLACE_EDITOR (self), NULL);

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strdup (g_strstrip (text));
}

/**
 * tpt_inplace_editor_set_font_size:
 * @self: an editor
 * @pixels: the type size, to match the text it stands over at the zoom
 */
void
tpt_inplace_editor_set_font_size (TptInplaceEditor *self,
                                  int               pixels)
{
  g_autofree char *css = NULL;

  g_return_if_fail (TPT_IS_INPLACE_EDITOR (self));

  if (pixels == self->font_size)
    return;

  self->font_size = pixels;
  css = g_strdup_printf ("textview.inplace-editor { font-size: %dpx; }", pixels);
  gtk_css_provider_load_from_data (self->css, css, -1);
}

/**
 * tpt_inplace_editor_select_all:
 *
 * Selects the whole text, so that typing replaces it, as when renaming.
 */
void
tpt_inplace_editor_select_all (TptInplaceEditor *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_if_fail (TPT_IS_INPLACE_EDITOR (self));

  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_select_range (buffer, &start, &end);
}

static void
tpt_inplace_editor_dispose (GObject *object)
{
  TptInplaceEditor *self = TPT_INPLACE_EDITOR (object);

  g_clear_handle_id (&self->focus_idle, g_source_remove);

  G_OBJECT_CLASS (tpt_inplace_editor_parent_class)->dispose (object);
}

static void
tpt_inplace_editor_finalize (GObject *object)
{
  TptInplaceEditor *self = TPT_INPLACE_EDITOR (object);

  g_clear_object (&self->css);

  G_OBJECT_CLASS (tpt_inplace_editor_parent_class)->finalize (object);
}

static void
tpt_inplace_editor_class_init (TptInplaceEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tpt_inplace_editor_dispose;
  object_class->finalize = tpt_inplace_editor_finalize;

  /**
   * TptInplaceEditor::done:
   * @end: a #TptEditorEnd: how the edit ended
   *
   * The edit is over; emitted once, never inside a focus change.
   */
  signals[DONE] =
    g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT);
}

static void
tpt_inplace_editor_init (TptInplaceEditor *self)
{
  GtkEventController *keys, *focus;

  self->css = gtk_css_provider_new ();
  gtk_widget_add_css_class (GTK_WIDGET (self), "inplace-editor");
  /* The old name, which the style sheet and themes know. */
  gtk_widget_add_css_class (GTK_WIDGET (self), "card-editor");
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (GTK_WIDGET (self)),
                                  GTK_STYLE_PROVIDER (self->css),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
G_GNUC_END_IGNORE_DEPRECATIONS
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self), FALSE);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), focus);
}

/**
 * tpt_inplace_editor_new:
 * @text: (nullable): the text to start from
 * @label: what a screen reader calls the field ("Card text")
 * @multiline: whether Shift+Enter starts a new line
 *
 * Returns: (transfer floating): a new editor, its cursor at the end
 */
GtkWidget *
tpt_inplace_editor_new (const char *text,
                        const char *label,
                        gboolean    multiline)
{
  TptInplaceEditor *self = g_object_new (TPT_TYPE_INPLACE_EDITOR, NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self));
  GtkTextIter end;

  self->multiline = multiline;
  if (text != NULL)
    gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  return GTK_WIDGET (self);
}
