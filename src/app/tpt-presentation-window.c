/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-presentation-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-presentation-window.h"

#include "tpt-slide-renderer.h"
#include "tpt-slide-view.h"

/* Presenting: the audience's window, full screen on the chosen monitor
 * (the projector), and, when there is a second monitor, the presenter
 * console on the other one: the slide that is up, the next, the notes,
 * the time. Both take the same keys, so a clicker works whichever has the
 * keyboard, and closing either (Escape) ends the show. The screensaver is
 * held off until then. */

struct _TptPresentationWindow
{
  GtkWindow        parent_instance;

  TptPresentation *presentation;
  GtkWidget       *view;
  GtkWindow       *console;     /* (nullable) */
  guint            inhibit_cookie;

  /* The console's parts that change. */
  GtkWidget       *notes;
  GtkWidget       *position;
  GtkWidget       *elapsed;
  GtkWidget       *clock;
  guint            clock_id;
  gboolean         ending;
};

G_DEFINE_FINAL_TYPE (TptPresentationWindow, tpt_presentation_window, GTK_TYPE_WINDOW)

/* ------------------------------------------------------------------ */
/* Monitors                                                            */

/**
 * tpt_presentation_monitor_name:
 * @monitor: a monitor
 *
 * Returns: (transfer full): how the monitor is called in menus: its model
 *   and connector, e.g. "Epson EB-W49 (HDMI-1)"
 */
char *
tpt_presentation_monitor_name (GdkMonitor *monitor)
{
  const char *model = gdk_monitor_get_model (monitor);
  const char *connector = gdk_monitor_get_connector (monitor);

  if (model != NULL && connector != NULL)
    return g_strdup_printf ("%s (%s)", model, connector);
  if (connector != NULL)
    return g_strdup (connector);
  return g_strdup (model != NULL ? model : _("Monitor"));
}

/**
 * tpt_presentation_choose_monitor:
 * @parent: (nullable): the document's window
 * @wanted: (nullable): the connector chosen in Preferences, or empty for
 *   automatic
 * @console: (out) (optional) (nullable) (transfer none): the monitor for
 *   the presenter console, or %NULL when there is only one
 *
 * Automatic means the monitor the document's window is not on (the
 * projector, as laptops are set up), or the only one.
 *
 * Returns: (transfer none): the monitor to present on
 */
GdkMonitor *
tpt_presentation_choose_monitor (GtkWindow   *parent,
                                 const char  *wanted,
                                 GdkMonitor **console)
{
  GdkDisplay *display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent))
                                       : gdk_display_get_default ();
  GListModel *monitors = gdk_display_get_monitors (display);
  guint n = g_list_model_get_n_items (monitors);
  GdkMonitor *here = NULL, *audience = NULL, *other = NULL;
  GdkSurface *surface;

  if (console != NULL)
    *console = NULL;
  if (n == 0)
    return NULL;

  surface = parent != NULL && gtk_widget_get_realized (GTK_WIDGET (parent))
            ? gtk_native_get_surface (GTK_NATIVE (parent)) : NULL;
  if (surface != NULL)
    here = gdk_display_get_monitor_at_surface (display, surface);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (wanted != NULL && *wanted != '\0' &&
          g_strcmp0 (gdk_monitor_get_connector (monitor), wanted) == 0)
        audience = monitor;
      if (monitor != here && other == NULL)
        other = monitor;
    }
  if (here == NULL)
    {
      g_autoptr(GdkMonitor) first = g_list_model_get_item (monitors, 0);

      here = first;
    }
  if (audience == NULL)
    audience = n > 1 && other != NULL ? other : here;

  /* The console goes where the audience is not: on the laptop's screen. */
  if (console != NULL && n > 1)
    {
      for (guint i = 0; i < n && *console == NULL; i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

          if (monitor != audience)
            *console = monitor;
        }
      if (here != audience)
        *console = here;
    }
  return audience;
}

/* Full screen on @monitor; sized to it first, for window managers (or
 * none) that ignore the request. */
static void
fill_monitor (GtkWindow  *window,
              GdkMonitor *monitor)
{
  GdkRectangle geometry;

  if (monitor == NULL)
    {
      gtk_window_fullscreen (window);
      return;
    }
  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (window, geometry.width, geometry.height);
  gtk_window_fullscreen_on_monitor (window, monitor);
}

/* ------------------------------------------------------------------ */
/* Keys                                                                */

/**
 * tpt_presentation_window_key:
 * @self: a presentation window
 * @keyval: a key pressed in it or in its console
 * @state: the modifiers held
 *
 * The presentation's keys (tpt_presentation_key()), Escape to end, and
 * for questions: plus and minus zoom, Z goes back to the whole slide.
 *
 * Returns: whether the key was used
 */
gboolean
tpt_presentation_window_key (TptPresentationWindow *self,
                             guint                  keyval,
                             GdkModifierType        state)
{
  TptSlideView *view;

  g_return_val_if_fail (TPT_IS_PRESENTATION_WINDOW (self), FALSE);

  view = TPT_SLIDE_VIEW (self->view);
  switch (keyval)
    {
    case GDK_KEY_Escape:
      tpt_presentation_window_end (self);
      return TRUE;

    case GDK_KEY_plus:
    case GDK_KEY_equal:
    case GDK_KEY_KP_Add:
    case GDK_KEY_minus:
    case GDK_KEY_KP_Subtract:
      tpt_slide_view_zoom_at (view,
                              keyval == GDK_KEY_minus || keyval == GDK_KEY_KP_Subtract ? 1 / 1.25 : 1.25,
                              gtk_widget_get_width (self->view) / 2.0,
                              gtk_widget_get_height (self->view) / 2.0);
      return TRUE;

    case GDK_KEY_z:
    case GDK_KEY_Z:
      tpt_slide_view_reset_zoom (view);
      return TRUE;

    default:
      return tpt_presentation_key (self->presentation, keyval, state);
    }
}

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                TptPresentationWindow *self)
{
  return tpt_presentation_window_key (self, keyval, state);
}

static void
add_keys (TptPresentationWindow *self,
          GtkWidget             *window)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (window, keys);
}

/* ------------------------------------------------------------------ */
/* The presenter console                                               */

static char *
format_duration (gint64 usec)
{
  gint64 seconds = usec / G_USEC_PER_SEC;

  if (seconds >= 3600)
    return g_strdup_printf ("%d:%02d:%02d", (int) (seconds / 3600), (int) (seconds / 60 % 60),
                            (int) (seconds % 60));
  return g_strdup_printf ("%02d:%02d", (int) (seconds / 60), (int) (seconds % 60));
}

static gboolean
update_clock_cb (gpointer user_data)
{
  TptPresentationWindow *self = user_data;
  g_autofree char *elapsed = format_duration (tpt_presentation_get_elapsed (self->presentation));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *clock = g_date_time_format (now, "%H:%M");

  gtk_label_set_label (GTK_LABEL (self->elapsed), elapsed);
  gtk_label_set_label (GTK_LABEL (self->clock), clock);
  return G_SOURCE_CONTINUE;
}

static void
update_console (TptPresentationWindow *self)
{
  guint index = tpt_presentation_get_index (self->presentation);
  guint n = tpt_presentation_get_n_slides (self->presentation);
  TptSlide *slide = tpt_presentation_get_slide (self->presentation, index);
  const char *typed = tpt_presentation_get_typed (self->presentation);
  const char *notes = slide != NULL ? tpt_slide_get_notes (slide) : NULL;
  g_autofree char *position = NULL;

  if (self->console == NULL)
    return;

  if (*typed != '\0')
    /* Translators: shown while a slide number is typed, to jump with Enter. */
    position = g_strdup_printf (_("Go to slide %s…"), typed);
  else
    /* Translators: the slide shown and how many there are. */
    position = g_strdup_printf (_("Slide %u of %u"), index + 1, n);
  gtk_label_set_label (GTK_LABEL (self->position), position);
  gtk_label_set_label (GTK_LABEL (self->notes), notes != NULL && *notes != '\0' ? notes : _("No notes for this slide."));
  if (notes != NULL && *notes != '\0')
    gtk_widget_remove_css_class (self->notes, "dim-label");
  else
    gtk_widget_add_css_class (self->notes, "dim-label");
}

static gboolean
console_close_request_cb (TptPresentationWindow *self)
{
  /* Ending destroys the console with the audience's window. */
  tpt_presentation_window_end (self);
  return TRUE;
}

static GtkWidget *
caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static GtkWidget *
framed (GtkWidget *view)
{
  GtkWidget *frame = gtk_aspect_frame_new (0.5, 0, TPT_SLIDE_WIDTH / TPT_SLIDE_HEIGHT, FALSE);

  gtk_aspect_frame_set_child (GTK_ASPECT_FRAME (frame), view);
  return frame;
}

/**
 * tpt_presentation_window_show_console:
 * @self: a presentation window
 * @monitor: (nullable): where, full screen; %NULL for a window, to rehearse
 *
 * Shows the presenter console, if it is not shown yet.
 */
void
tpt_presentation_window_show_console (TptPresentationWindow *self,
                                      GdkMonitor            *monitor)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *main_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *right = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *current = tpt_slide_view_new (self->presentation, 0);
  GtkWidget *next = tpt_slide_view_new (self->presentation, 1);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *hint;

  g_return_if_fail (TPT_IS_PRESENTATION_WINDOW (self));

  if (self->console != NULL)
    return;

  gtk_window_set_title (GTK_WINDOW (window), _("Presenter Console"));
  gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (GTK_WINDOW (self)));
  gtk_widget_add_css_class (window, "presenter-console");
  gtk_widget_set_margin_start (main_box, 24);
  gtk_widget_set_margin_end (main_box, 24);
  gtk_widget_set_margin_top (main_box, 24);
  gtk_widget_set_margin_bottom (main_box, 24);

  gtk_widget_set_hexpand (left, TRUE);
  gtk_box_append (GTK_BOX (left), caption (_("Now")));
  gtk_widget_set_vexpand (current, TRUE);
  gtk_box_append (GTK_BOX (left), framed (current));

  self->position = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->position, "title-2");
  self->elapsed = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->elapsed, "title-2");
  gtk_widget_add_css_class (self->elapsed, "numeric");
  gtk_widget_set_tooltip_text (self->elapsed, _("Time since the presentation started"));
  self->clock = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->clock, "title-2");
  gtk_widget_add_css_class (self->clock, "numeric");
  gtk_widget_set_tooltip_text (self->clock, _("The time of day"));
  gtk_widget_set_hexpand (self->position, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->position), 0);
  gtk_box_append (GTK_BOX (bottom), self->position);
  gtk_box_append (GTK_BOX (bottom), self->elapsed);
  gtk_box_append (GTK_BOX (bottom), self->clock);
  gtk_box_append (GTK_BOX (left), bottom);

  gtk_widget_set_size_request (right, 420, -1);
  gtk_box_append (GTK_BOX (right), caption (_("Next")));
  gtk_widget_set_size_request (next, 400, 225);
  gtk_box_append (GTK_BOX (right), framed (next));
  gtk_box_append (GTK_BOX (right), caption (_("Notes")));
  self->notes = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->notes), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->notes), 0);
  gtk_label_set_yalign (GTK_LABEL (self->notes), 0);
  gtk_widget_add_css_class (self->notes, "title-3");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->notes);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (right), scroller);
  hint = gtk_label_new (_("Next: Page Down, Space, → · Back: Page Up, ← · "
                          "Number then Enter: go to · B black, W white · Esc ends"));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");
  gtk_box_append (GTK_BOX (right), hint);

  gtk_box_append (GTK_BOX (main_box), left);
  gtk_box_append (GTK_BOX (main_box), right);
  gtk_window_set_child (GTK_WINDOW (window), main_box);
  add_keys (self, window);
  g_signal_connect_object (window, "close-request", G_CALLBACK (console_close_request_cb), self,
                           G_CONNECT_SWAPPED);

  self->console = GTK_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->console);
  update_console (self);
  update_clock_cb (self);
  self->clock_id = g_timeout_add_seconds (1, update_clock_cb, self);

  if (monitor != NULL)
    fill_monitor (GTK_WINDOW (window), monitor);
  else
    gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_present (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------ */

static void
presentation_changed_cb (TptPresentationWindow *self)
{
  update_console (self);
}

/**
 * tpt_presentation_window_end:
 * @self: a presentation window
 *
 * Ends the presentation: both windows close and the screensaver may come
 * on again.
 */
void
tpt_presentation_window_end (TptPresentationWindow *self)
{
  g_return_if_fail (TPT_IS_PRESENTATION_WINDOW (self));

  if (self->ending)
    return;
  self->ending = TRUE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
tpt_presentation_window_close_request (GtkWindow *window)
{
  tpt_presentation_window_end (TPT_PRESENTATION_WINDOW (window));
  return FALSE;
}

static void
tpt_presentation_window_dispose (GObject *object)
{
  TptPresentationWindow *self = TPT_PRESENTATION_WINDOW (object);
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  self->ending = TRUE;
  g_clear_handle_id (&self->clock_id, g_source_remove);
  if (self->inhibit_cookie != 0 && application != NULL)
    gtk_application_uninhibit (application, self->inhibit_cookie);
  self->inhibit_cookie = 0;
  if (self->console != NULL)
    {
      GtkWindow *console = self->console;

      g_object_remove_weak_pointer (G_OBJECT (console), (gpointer *) &self->console);
      self->console = NULL;
      gtk_window_destroy (console);
    }
  if (self->presentation != NULL)
    g_signal_handlers_disconnect_by_data (self->presentation, self);
  g_clear_object (&self->presentation);

  G_OBJECT_CLASS (tpt_presentation_window_parent_class)->dispose (object);
}

static void
tpt_presentation_window_class_init (TptPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tpt_presentation_window_dispose;
  window_class->close_request = tpt_presentation_window_close_request;
}

static void
tpt_presentation_window_init (TptPresentationWindow *self)
{
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
  add_keys (self, GTK_WIDGET (self));
}

/**
 * tpt_presentation_window_start:
 * @parent: the document's window
 * @document: the document to present
 * @slides: (nullable) (element-type TptSlide): the slides, or %NULL for the
 *   document's own list or the default set
 * @first: the slide to start at
 *
 * Starts presenting @document full screen on the monitor chosen in
 * Preferences (see tpt_presentation_choose_monitor()), with the presenter
 * console on the other monitor when there is one.
 *
 * Returns: (transfer none): the audience's window; it is destroyed when
 *   the presentation ends
 */
TptPresentationWindow *
tpt_presentation_window_start (GtkWindow   *parent,
                               TptDocument *document,
                               GPtrArray   *slides,
                               guint        first)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *wanted = g_settings_get_string (settings, "presentation-monitor");
  TptPresentationWindow *self;
  GtkApplication *application;
  GdkMonitor *monitor, *console = NULL;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  self = g_object_new (TPT_TYPE_PRESENTATION_WINDOW, NULL);
  self->presentation = tpt_presentation_new (document, slides, first);
  g_signal_connect_swapped (self->presentation, "changed", G_CALLBACK (presentation_changed_cb),
                            self);
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));

  self->view = tpt_slide_view_new (self->presentation, 0);
  tpt_slide_view_set_audience (TPT_SLIDE_VIEW (self->view), TRUE);
  gtk_window_set_child (GTK_WINDOW (self), self->view);

  application = gtk_window_get_application (parent);
  if (application != NULL)
    {
      gtk_window_set_application (GTK_WINDOW (self), application);
      /* The projector must not go dark in the middle of a meeting. */
      self->inhibit_cookie = gtk_application_inhibit (application, GTK_WINDOW (self),
                                                      GTK_APPLICATION_INHIBIT_IDLE,
                                                      _("Presenting"));
    }

  monitor = tpt_presentation_choose_monitor (parent, wanted, &console);
  fill_monitor (GTK_WINDOW (self), monitor);
  gtk_window_present (GTK_WINDOW (self));

  if (console != NULL)
    tpt_presentation_window_show_console (self, console);

  return self;
}

/**
 * tpt_presentation_window_get_presentation:
 * @self: a presentation window
 *
 * Returns: (transfer none): what it presents
 */
TptPresentation *
tpt_presentation_window_get_presentation (TptPresentationWindow *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION_WINDOW (self), NULL);

  return self->presentation;
}

/**
 * tpt_presentation_window_get_view:
 * @self: a presentation window
 *
 * Returns: (transfer none): the audience's #TptSlideView
 */
GtkWidget *
tpt_presentation_window_get_view (TptPresentationWindow *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION_WINDOW (self), NULL);

  return self->view;
}

/**
 * tpt_presentation_window_get_console:
 * @self: a presentation window
 *
 * Returns: (nullable) (transfer none): the presenter console, when there
 *   is a second monitor for it
 */
GtkWindow *
tpt_presentation_window_get_console (TptPresentationWindow *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION_WINDOW (self), NULL);

  return self->console;
}
