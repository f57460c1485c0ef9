/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-presenter-console"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-presenter-console.h"

#include "tpt-slide.h"
#include "tpt-slide-view.h"

/* What the presenter sees and the audience does not: the slide that is
 * up, the next one, the notes, the time gone, the time left of the
 * meeting's slot (amber for its last fifth, red for its last minutes) and
 * the clock. It shows on the laptop while the slides are on the
 * projector, in a window to rehearse, or full screen on a mirrored
 * display. It takes no keys itself: the window it is in passes them to
 * the presentation, so a clicker works whichever window has them. The
 * notes are a read-only text view, which lays out only what is in view,
 * so notes of any length stay readable and quick. */

#define TICK_MSEC 250
/* Longest line of notes laid out as one: a text view lays out a line at
 * a time, in time that grows faster than its length. */
#define NOTES_LINE_MAX 800

struct _TptPresenterConsole
{
  GtkWidget        parent_instance;

  /* template widgets */
  GtkWidget       *current_frame;
  GtkWidget       *next_frame;
  GtkLabel        *position;
  GtkLabel        *elapsed;
  GtkWidget       *left_box;
  GtkLabel        *left_caption;
  GtkLabel        *left;
  GtkLabel        *clock;
  GtkWidget       *restart_button;
  GtkTextView     *notes;
  GtkScrolledWindow *notes_scroller;

  /* owned */
  TptPresentation *presentation;
  GtkWidget       *current;
  GtkWidget       *next;

  guint            tick_id;
  int              notes_for;   /* the slide whose notes show, or −1 */
};

G_DEFINE_FINAL_TYPE (TptPresenterConsole, tpt_presenter_console, GTK_TYPE_WIDGET)

/**
 * tpt_presenter_format_duration:
 * @usec: a duration in microseconds; negative for time over
 *
 * Returns: (transfer full): "MM:SS", or "H:MM:SS" from an hour on, with a
 *   minus sign when negative
 */
char *
tpt_presenter_format_duration (gint64 usec)
{
  gboolean negative = usec < 0;
  gint64 seconds = (negative ? -usec : usec) / G_USEC_PER_SEC;

  if (seconds >= 3600)
    return g_strdup_printf ("%s%d:%02d:%02d", negative ? "−" : "", (int) (seconds / 3600),
                            (int) (seconds / 60 % 60), (int) (seconds % 60));
  return g_strdup_printf ("%s%02d:%02d", negative ? "−" : "", (int) (seconds / 60),
                          (int) (seconds % 60));
}

static void
set_label (GtkLabel   *label,
           const char *text)
{
  if (g_strcmp0 (gtk_label_get_label (label), text) != 0)
    gtk_label_set_label (label, text);
}

/**
 * tpt_presenter_console_update_timer:
 * @self: a console
 *
 * Shows the time now; the console does it by itself four times a second.
 */
void
tpt_presenter_console_update_timer (TptPresenterConsole *self)
{
  static const char *const levels[] = { NULL, NULL, "slot-amber", "slot-red", "slot-over" };
  g_autofree char *elapsed = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (now, "%H:%M");
  gint64 slot;
  TptTimerLevel level;

  g_return_if_fail (TPT_IS_PRESENTER_CONSOLE (self));

  elapsed = tpt_presenter_format_duration (tpt_presentation_get_elapsed (self->presentation));
  set_label (self->elapsed, elapsed);
  set_label (self->clock, clock);

  slot = tpt_presentation_get_slot (self->presentation);
  gtk_widget_set_visible (self->left_box, slot > 0);
  if (slot <= 0)
    return;

  level = tpt_presentation_get_timer_level (self->presentation);
  {
    gint64 remaining = tpt_presentation_get_remaining (self->presentation);
    /* Time left counts up to the next second, so the slot ends at 00:00. */
    g_autofree char *left = tpt_presenter_format_duration (
      remaining > 0 ? remaining + G_USEC_PER_SEC - 1 : remaining);
    g_autofree char *caption = NULL;

    if (level == TPT_TIMER_OVER)
      /* Translators: above the time by which a presentation overran its slot. */
      caption = g_strdup (_("Over Time"));
    else
      /* Translators: above the time left of the meeting's slot; %d is its length. */
      caption = g_strdup_printf (ngettext ("Left of %d Minute", "Left of %d Minutes",
                                           (int) (slot / (60 * G_USEC_PER_SEC))),
                                 (int) (slot / (60 * G_USEC_PER_SEC)));
    set_label (self->left_caption, caption);
    set_label (self->left, left);
  }
  for (guint i = 0; i < G_N_ELEMENTS (levels); i++)
    if (levels[i] != NULL)
      {
        if (i == level)
          gtk_widget_add_css_class (GTK_WIDGET (self->left), levels[i]);
        else
          gtk_widget_remove_css_class (GTK_WIDGET (self->left), levels[i]);
      }
}

static gboolean
tick_cb (gpointer user_data)
{
  tpt_presenter_console_update_timer (user_data);
  return G_SOURCE_CONTINUE;
}

/* @notes with a line break at a space near every NOTES_LINE_MAX
 * characters of a paragraph (or anywhere, in a run with no space), so that
 * notes of any length lay out quickly; what shows reads the same. */
static char *
notes_for_view (const char *notes)
{
  GString *out = g_string_sized_new (strlen (notes) + 16);
  gssize space = -1;   /* the last space on this line, in @out */
  glong run = 0;       /* characters on this line */

  for (const char *p = notes; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, c);
      if (c == '\n')
        {
          run = 0;
          space = -1;
          continue;
        }
      if (c == ' ')
        space = out->len - 1;
      if (++run < NOTES_LINE_MAX)
        continue;
      if (space >= 0)
        {
          out->str[space] = '\n';
          run = g_utf8_strlen (out->str + space + 1, -1);
        }
      else
        {
          g_string_append_c (out, '\n');
          run = 0;
        }
      space = -1;
    }
  return g_string_free (out, FALSE);
}

static void
update_notes (TptPresenterConsole *self)
{
  guint index = tpt_presentation_get_index (self->presentation);
  TptSlide *slide = tpt_presentation_get_slide (self->presentation, index);
  const char *notes = slide != NULL ? tpt_slide_get_notes (slide) : NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes);
  GtkAdjustment *scroll = gtk_scrolled_window_get_vadjustment (self->notes_scroller);

  if ((int) index == self->notes_for)
    return;
  self->notes_for = index;

  if (slide == NULL)
    gtk_text_buffer_set_text (buffer, _("There are no slides to show."), -1);
  else if (notes == NULL || *notes == '\0')
    gtk_text_buffer_set_text (buffer, _("No notes for this slide."), -1);
  else
    {
      g_autofree char *text = notes_for_view (notes);

      gtk_text_buffer_set_text (buffer, text, -1);
    }
  if (notes != NULL && *notes != '\0')
    gtk_widget_remove_css_class (GTK_WIDGET (self->notes), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->notes), "dim-label");
  /* A new slide's notes are read from their start. */
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_lower (scroll));
}

static void
presentation_changed_cb (TptPresenterConsole *self)
{
  guint index = tpt_presentation_get_index (self->presentation);
  guint n = tpt_presentation_get_n_slides (self->presentation);
  const char *typed = tpt_presentation_get_typed (self->presentation);
  g_autofree char *position = NULL;

  if (*typed != '\0')
    /* Translators: shown while a slide number is typed, to jump with Enter. */
    position = g_strdup_printf (_("Go to slide %s…"), typed);
  else if (n == 0)
    position = g_strdup (_("No slides"));
  else
    /* Translators: the slide shown and how many there are. */
    position = g_strdup_printf (_("Slide %u of %u"), index + 1, n);
  set_label (self->position, position);
  update_notes (self);
  tpt_presenter_console_update_timer (self);
}

/* Slides shown again after a document edit may have other notes. */
static void
document_changed_cb (TptPresenterConsole *self)
{
  self->notes_for = -1;
  update_notes (self);
}

static void
restart_cb (TptPresenterConsole *self)
{
  tpt_presentation_set_elapsed (self->presentation, 0);
}

static void
tpt_presenter_console_dispose (GObject *object)
{
  TptPresenterConsole *self = TPT_PRESENTER_CONSOLE (object);

  g_clear_handle_id (&self->tick_id, g_source_remove);
  if (self->presentation != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->presentation, self);
      g_signal_handlers_disconnect_by_data (
        tpt_document_get_history (tpt_presentation_get_document (self->presentation)), self);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), TPT_TYPE_PRESENTER_CONSOLE);
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  g_clear_object (&self->presentation);

  G_OBJECT_CLASS (tpt_presenter_console_parent_class)->dispose (object);
}

static void
tpt_presenter_console_class_init (TptPresenterConsoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tpt_presenter_console_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/tpt-presenter-console.ui");
  gtk_widget_class_bind_template_child (widget_class, TptPresenterConsole, current_frame);
  gtk_widget_class_bind_template_child (widget_class, TptPresenterConsole, next_frame);
  gtk_widget_class_bind_template_child (widget_class, TptPresenterConsole, position);
  gtk_widget_class_bind_template_child (widget_class, TptPresenterConsole, elapsed);
  gtk_widget_class_bind_template_child (widget_class, TptPresenterConsole, left_box);
  gtk_widget_class_bind_template_child (widget_class, TptPresenterConsole, left_caption);
  gtk_widget_class_bind_template_child (widget_class, TptPresenterConsole, left);
  gtk_widget_class_bind_template_child (widget_class, TptPresenterConsole, clock);
  gtk_widget_class_bind_template_child (widget_class, TptPresenterConsole, restart_button);
  gtk_widget_class_bind_template_child (widget_class, TptPresenterConsole, notes);
  gtk_widget_class_bind_template_child (widget_class, TptPresenterConsole, notes_scroller);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "presenterconsole");
}

static void
tpt_presenter_console_init (TptPresenterConsole *self)
{
  self->notes_for = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->restart_button, "clicked", G_CALLBACK (restart_cb), self);
}

/**
 * tpt_presenter_console_new:
 * @presentation: the presentation under way
 *
 * Returns: (transfer floating): a presenter console
 */
GtkWidget *
tpt_presenter_console_new (TptPresentation *presentation)
{
  TptPresenterConsole *self;

  g_return_val_if_fail (TPT_IS_PRESENTATION (presentation), NULL);

  self = g_object_new (TPT_TYPE_PRESENTER_CONSOLE, NULL);
  self->presentation = g_object_ref (presentation);
  self->current = tpt_slide_view_new (presentation, 0);
  self->next = tpt_slide_view_new (presentation, 1);
  gtk_aspect_frame_set_child (GTK_ASPECT_FRAME (self->current_frame), self->current);
  gtk_aspect_frame_set_child (GTK_ASPECT_FRAME (self->next_frame), self->next);
  g_signal_connect_object (presentation, "changed", G_CALLBACK (presentation_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (tpt_document_get_history (tpt_presentation_get_document (presentation)),
                           "notify::position", G_CALLBACK (document_changed_cb), self,
                           G_CONNECT_SWAPPED);
  presentation_changed_cb (self);
  self->tick_id = g_timeout_add (TICK_MSEC, tick_cb, self);
  return GTK_WIDGET (self);
}

/**
 * tpt_presenter_console_get_current_view:
 * @self: a console
 *
 * Returns: (transfer none): the #TptSlideView of the slide that is up
 */
GtkWidget *
tpt_presenter_console_get_current_view (TptPresenterConsole *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTER_CONSOLE (self), NULL);

  return self->current;
}

/**
 * tpt_presenter_console_get_next_view:
 * @self: a console
 *
 * Returns: (transfer none): the #TptSlideView of the next slide
 */
GtkWidget *
tpt_presenter_console_get_next_view (TptPresenterConsole *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTER_CONSOLE (self), NULL);

  return self->next;
}

/**
 * tpt_presenter_console_dup_notes:
 * @self: a console
 *
 * Returns: (transfer full): the notes shown
 */
char *
tpt_presenter_console_dup_notes (TptPresenterConsole *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (TPT_IS_PRESENTER_CONSOLE (self), NULL);

  buffer = gtk_text_view_get_buffer (self->notes);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}
