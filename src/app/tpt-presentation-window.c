/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-presentation-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-presentation-window.h"

#include "tpt-presenter-console.h"
#include "tpt-slide-renderer.h"
#include "tpt-slide-view.h"

/* Presenting: the audience's window, full screen on the chosen monitor
 * (the projector), and, when there is a second monitor, the presenter
 * console (tpt-presenter-console.c) full screen on the other one. Both
 * take the same keys, so a clicker works whichever has the keyboard, and
 * closing either (Escape) ends the show. With one monitor the window shows
 * the slides, or the console when Preferences say so (a mirrored display
 * where the presenter needs the notes); to rehearse, it is a window
 * holding the console. A monitor plugged in or out during the show moves
 * the slides and the console without ending it. The screensaver is held
 * off until the end, and the pointer hides on the slides when still. */

typedef enum
{
  CONTENT_SLIDES,
  CONTENT_CONSOLE,
} Content;

struct _TptPresentationWindow
{
  GtkWindow        parent_instance;

  /* owned */
  TptPresentation *presentation;
  GtkWidget       *view;          /* the audience's slide view, shown or not */
  GtkWidget       *own_console;   /* (nullable) the console shown in this window */
  GListModel      *monitors;      /* the display's, or a test's */
  GdkMonitor      *audience_monitor;
  GdkMonitor      *console_monitor;
  GSettings       *settings;

  /* borrowed, weak */
  GtkWindow       *parent_window;
  GtkWindow       *console;       /* (nullable) the console's own window */

  guint            inhibit_cookie;
  gboolean         rehearsal;
  gboolean         starting;
  gboolean         ending;
};

G_DEFINE_FINAL_TYPE (TptPresentationWindow, tpt_presentation_window, GTK_TYPE_WINDOW)

static void arrange (TptPresentationWindow *self);

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
 * tpt_presentation_choose_monitor_in:
 * @monitors: (element-type GdkMonitor): the monitors connected
 * @here: (nullable): the monitor the document's window is on
 * @wanted: (nullable): the connector chosen in Preferences, or empty for
 *   automatic
 * @console: (out) (optional) (nullable) (transfer none): the monitor for
 *   the presenter console, or %NULL when there is only one
 *
 * Automatic means the monitor the document's window is not on (the
 * projector, as laptops are set up), or the only one. A window on no
 * monitor of @monitors (its own was unplugged) counts as on the first.
 *
 * Returns: (nullable) (transfer none): the monitor to present on, %NULL
 *   when there is none
 */
GdkMonitor *
tpt_presentation_choose_monitor_in (GListModel  *monitors,
                                    GdkMonitor  *here,
                                    const char  *wanted,
                                    GdkMonitor **console)
{
  guint n = g_list_model_get_n_items (monitors);
  GdkMonitor *audience = NULL, *other = NULL, *first;
  gboolean listed = FALSE;

  if (console != NULL)
    *console = NULL;
  if (n == 0)
    return NULL;

  /* The list holds the monitors; borrowing from it is safe meanwhile. */
  first = g_list_model_get_item (monitors, 0);
  g_object_unref (first);
  for (guint i = 0; i < n; i++)
    {
      GdkMonitor *monitor = g_list_model_get_item (monitors, i);

      g_object_unref (monitor);
      if (monitor == here)
        listed = TRUE;
      if (wanted != NULL && *wanted != '\0' && audience == NULL &&
          g_strcmp0 (gdk_monitor_get_connector (monitor), wanted) == 0)
        audience = monitor;
    }
  if (!listed)
    here = first;
  for (guint i = 0; i < n && other == NULL; i++)
    {
      GdkMonitor *monitor = g_list_model_get_item (monitors, i);

      g_object_unref (monitor);
      if (monitor != here)
        other = monitor;
    }
  if (audience == NULL)
    audience = other != NULL ? other : here;

  /* The console goes where the audience is not: on the laptop's screen. */
  if (console != NULL && n > 1)
    {
      if (here != audience)
        *console = here;
      else
        for (guint i = 0; i < n && *console == NULL; i++)
          {
            GdkMonitor *monitor = g_list_model_get_item (monitors, i);

            g_object_unref (monitor);
            if (monitor != audience)
              *console = monitor;
          }
    }
  return audience;
}

static GdkMonitor *
monitor_of (GtkWindow *window)
{
  GdkSurface *surface;

  if (window == NULL || !gtk_widget_get_realized (GTK_WIDGET (window)))
    return NULL;
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  return surface != NULL
         ? gdk_display_get_monitor_at_surface (gtk_widget_get_display (GTK_WIDGET (window)), surface)
         : NULL;
}

/**
 * tpt_presentation_choose_monitor:
 * @parent: (nullable): the document's window
 * @wanted: (nullable): the connector chosen in Preferences, or empty for
 *   automatic
 * @console: (out) (optional) (nullable) (transfer none): the monitor for
 *   the presenter console, or %NULL when there is only one
 *
 * tpt_presentation_choose_monitor_in() for the display's monitors.
 *
 * Returns: (nullable) (transfer none): the monitor to present on
 */
GdkMonitor *
tpt_presentation_choose_monitor (GtkWindow   *parent,
                                 const char  *wanted,
                                 GdkMonitor **console)
{
  GdkDisplay *display = parent != NULL ? gtk_widget_get_display (GTK_WIDGET (parent))
                                       : gdk_display_get_default ();

  return tpt_presentation_choose_monitor_in (gdk_display_get_monitors (display), monitor_of (parent),
                                             wanted, console);
}

/**
 * tpt_presentation_window_get_monitor:
 * @self: a presentation window
 * @console: whether the console's monitor is wanted
 *
 * Returns: (nullable) (transfer none): the monitor the slides (or the
 *   console) were put on; %NULL for a window
 */
GdkMonitor *
tpt_presentation_window_get_monitor (TptPresentationWindow *self,
                                     gboolean               console)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION_WINDOW (self), NULL);

  return console ? self->console_monitor : self->audience_monitor;
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

  /* Before any widget in the window: a clicker's keys are the show's. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed_cb), self, 0);
  gtk_widget_add_controller (window, keys);
}

/* ------------------------------------------------------------------ */
/* The presenter console                                               */

static gboolean
console_close_request_cb (TptPresentationWindow *self)
{
  /* Ending destroys the console with the audience's window. */
  tpt_presentation_window_end (self);
  return TRUE;
}

static void
close_console_window (TptPresentationWindow *self)
{
  GtkWindow *console = self->console;

  g_clear_object (&self->console_monitor);
  if (console == NULL)
    return;
  g_object_remove_weak_pointer (G_OBJECT (console), (gpointer *) &self->console);
  self->console = NULL;
  gtk_window_destroy (console);
}

/**
 * tpt_presentation_window_show_console:
 * @self: a presentation window
 * @monitor: (nullable): where, full screen; %NULL for a window
 *
 * Shows the presenter console in a window of its own, or moves it to
 * @monitor.
 */
void
tpt_presentation_window_show_console (TptPresentationWindow *self,
                                      GdkMonitor            *monitor)
{
  GtkWidget *window;

  g_return_if_fail (TPT_IS_PRESENTATION_WINDOW (self));

  if (self->console != NULL)
    {
      if (monitor != NULL && monitor != self->console_monitor)
        {
          g_set_object (&self->console_monitor, monitor);
          fill_monitor (self->console, monitor);
        }
      return;
    }

  window = gtk_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Presenter Console"));
  gtk_window_set_application (GTK_WINDOW (window), gtk_window_get_application (GTK_WINDOW (self)));
  gtk_widget_add_css_class (window, "presenter-console");
  gtk_window_set_child (GTK_WINDOW (window), tpt_presenter_console_new (self->presentation));
  add_keys (self, window);
  g_signal_connect_object (window, "close-request", G_CALLBACK (console_close_request_cb), self,
                           G_CONNECT_SWAPPED);

  self->console = GTK_WINDOW (window);
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &self->console);
  g_set_object (&self->console_monitor, monitor);
  if (monitor != NULL)
    fill_monitor (GTK_WINDOW (window), monitor);
  else
    gtk_window_set_default_size (GTK_WINDOW (window), 1200, 700);
  gtk_window_present (GTK_WINDOW (window));
}

/* What this window shows: the slides, or the console (to rehearse, or on
 * a mirrored display). */
static void
set_content (TptPresentationWindow *self,
             Content                content)
{
  if (content == CONTENT_CONSOLE)
    {
      if (self->own_console != NULL)
        return;
      self->own_console = g_object_ref_sink (tpt_presenter_console_new (self->presentation));
      gtk_window_set_child (GTK_WINDOW (self), self->own_console);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presentation");
      gtk_widget_add_css_class (GTK_WIDGET (self), "presenter-console");
    }
  else
    {
      if (gtk_window_get_child (GTK_WINDOW (self)) == self->view)
        return;
      gtk_window_set_child (GTK_WINDOW (self), self->view);
      g_clear_object (&self->own_console);
      gtk_widget_remove_css_class (GTK_WIDGET (self), "presenter-console");
      gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
    }
}

/* Puts the slides and the console where the monitors connected now and
 * Preferences say: at the start, and again whenever a monitor comes or
 * goes, so that unplugging the projector moves the slides to the laptop
 * instead of ending the show. */
static void
arrange (TptPresentationWindow *self)
{
  g_autofree char *wanted = NULL;
  g_autofree char *one = NULL;
  GdkMonitor *audience, *console = NULL;

  if (self->rehearsal || self->ending)
    return;

  wanted = g_settings_get_string (self->settings, "presentation-monitor");
  one = g_settings_get_string (self->settings, "presentation-one-monitor");
  audience = tpt_presentation_choose_monitor_in (self->monitors, monitor_of (self->parent_window),
                                                 wanted, &console);
  /* While the show runs, the slides stay put unless their monitor went
   * or they had to share the window's (a projector plugged in again), and
   * the console follows: moving the document's window does not move the
   * show. */
  if (self->audience_monitor != NULL && audience != self->audience_monitor && console != NULL &&
      self->audience_monitor != monitor_of (self->parent_window))
    {
      for (guint i = 0; i < g_list_model_get_n_items (self->monitors); i++)
        {
          g_autoptr(GdkMonitor) monitor = g_list_model_get_item (self->monitors, i);

          if (monitor == self->audience_monitor && (wanted == NULL || *wanted == '\0'))
            {
              audience = monitor;
              if (console == audience)
                {
                  console = NULL;
                  for (guint j = 0; j < g_list_model_get_n_items (self->monitors) && console == NULL; j++)
                    {
                      g_autoptr(GdkMonitor) c = g_list_model_get_item (self->monitors, j);

                      if (c != audience)
                        console = c;
                    }
                }
              break;
            }
        }
    }

  set_content (self, console == NULL && g_strcmp0 (one, "console") == 0 ? CONTENT_CONSOLE
                                                                          : CONTENT_SLIDES);
  if (audience == NULL || audience != self->audience_monitor)
    {
      g_set_object (&self->audience_monitor, audience);
      fill_monitor (GTK_WINDOW (self), audience);
    }
  if (self->starting)
    return;
  if (console != NULL)
    tpt_presentation_window_show_console (self, console);
  else
    close_console_window (self);
}

static void
monitors_changed_cb (TptPresentationWindow *self)
{
  arrange (self);
}

/**
 * tpt_presentation_window_set_monitors:
 * @self: a presentation window
 * @monitors: (element-type GdkMonitor): the monitors to present on
 *
 * For tests: the show follows @monitors, as it follows the display's,
 * since a test cannot unplug a monitor.
 */
void
tpt_presentation_window_set_monitors (TptPresentationWindow *self,
                                      GListModel            *monitors)
{
  g_return_if_fail (TPT_IS_PRESENTATION_WINDOW (self));
  g_return_if_fail (G_IS_LIST_MODEL (monitors));

  if (self->monitors != NULL)
    g_signal_handlers_disconnect_by_func (self->monitors, monitors_changed_cb, self);
  g_set_object (&self->monitors, monitors);
  g_signal_connect_object (monitors, "items-changed", G_CALLBACK (monitors_changed_cb), self,
                           G_CONNECT_SWAPPED);
  arrange (self);
}

/* ------------------------------------------------------------------ */

static void
slot_changed_cb (TptPresentationWindow *self)
{
  tpt_presentation_set_slot (self->presentation,
                             (gint64) g_settings_get_uint (self->settings, "presentation-slot") *
                             60 * G_USEC_PER_SEC);
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
release_inhibit (TptPresentationWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->inhibit_cookie != 0 && application != NULL)
    gtk_application_uninhibit (application, self->inhibit_cookie);
  self->inhibit_cookie = 0;
}

static void
tpt_presentation_window_unrealize (GtkWidget *widget)
{
  /* On Wayland the inhibitor belongs to the surface going now. */
  release_inhibit (TPT_PRESENTATION_WINDOW (widget));
  GTK_WIDGET_CLASS (tpt_presentation_window_parent_class)->unrealize (widget);
}

static void
tpt_presentation_window_dispose (GObject *object)
{
  TptPresentationWindow *self = TPT_PRESENTATION_WINDOW (object);

  self->ending = TRUE;
  release_inhibit (self);
  close_console_window (self);
  if (self->monitors != NULL)
    g_signal_handlers_disconnect_by_func (self->monitors, monitors_changed_cb, self);
  g_clear_object (&self->monitors);
  g_clear_object (&self->audience_monitor);
  if (self->parent_window != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent_window), (gpointer *) &self->parent_window);
  self->parent_window = NULL;
  if (self->presentation != NULL)
    g_signal_handlers_disconnect_by_data (self->presentation, self);
  g_clear_object (&self->own_console);
  g_clear_object (&self->view);
  g_clear_object (&self->settings);
  g_clear_object (&self->presentation);

  G_OBJECT_CLASS (tpt_presentation_window_parent_class)->dispose (object);
}

static void
tpt_presentation_window_class_init (TptPresentationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tpt_presentation_window_dispose;
  widget_class->unrealize = tpt_presentation_window_unrealize;
  window_class->close_request = tpt_presentation_window_close_request;
}

static void
tpt_presentation_window_init (TptPresentationWindow *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  add_keys (self, GTK_WIDGET (self));
}

static TptPresentationWindow *
create (GtkWindow   *parent,
        TptDocument *document,
        GPtrArray   *slides,
        guint        first,
        gboolean     rehearsal)
{
  TptPresentationWindow *self = g_object_new (TPT_TYPE_PRESENTATION_WINDOW, NULL);
  GtkApplication *application = gtk_window_get_application (parent);

  self->rehearsal = rehearsal;
  self->parent_window = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent_window);
  self->presentation = tpt_presentation_new (document, slides, first);
  slot_changed_cb (self);
  g_signal_connect_object (self->settings, "changed::presentation-slot",
                           G_CALLBACK (slot_changed_cb), self, G_CONNECT_SWAPPED);

  self->view = g_object_ref_sink (tpt_slide_view_new (self->presentation, 0));
  tpt_slide_view_set_audience (TPT_SLIDE_VIEW (self->view), TRUE);
  if (application != NULL)
    gtk_window_set_application (GTK_WINDOW (self), application);
  return self;
}

/* The projector must not go dark in the middle of a meeting. On Wayland
 * the inhibitor is on the window's surface, so this comes after it is
 * shown. */
static void
inhibit (TptPresentationWindow *self)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (application != NULL && self->inhibit_cookie == 0)
    self->inhibit_cookie = gtk_application_inhibit (application, GTK_WINDOW (self),
                                                    GTK_APPLICATION_INHIBIT_IDLE,
                                                    _("Presenting"));
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
  TptPresentationWindow *self;
  GdkDisplay *display;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  self = create (parent, document, slides, first, FALSE);
  gtk_window_set_title (GTK_WINDOW (self), _("Presentation"));
  gtk_window_set_decorated (GTK_WINDOW (self), FALSE);
  gtk_widget_add_css_class (GTK_WIDGET (self), "presentation");
  g_signal_connect_object (self->settings, "changed::presentation-monitor",
                           G_CALLBACK (arrange), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::presentation-one-monitor",
                           G_CALLBACK (arrange), self, G_CONNECT_SWAPPED);

  display = gtk_widget_get_display (GTK_WIDGET (parent));
  self->monitors = g_object_ref (gdk_display_get_monitors (display));
  g_signal_connect_object (self->monitors, "items-changed", G_CALLBACK (monitors_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* The audience's window first, so the console comes up with the keys. */
  self->starting = TRUE;
  arrange (self);
  gtk_window_present (GTK_WINDOW (self));
  inhibit (self);
  self->starting = FALSE;
  arrange (self);
  return self;
}

/**
 * tpt_presentation_window_rehearse:
 * @parent: the document's window
 * @document: the document to present
 * @slides: (nullable) (element-type TptSlide): the slides, or %NULL for the
 *   document's own list or the default set
 * @first: the slide to start at
 *
 * Starts a rehearsal: the presenter console in a window, with the slide,
 * the next one, the notes and the timer, on whatever monitor there is.
 * The keys are a show's; Escape ends it.
 *
 * Returns: (transfer none): the rehearsal's window
 */
TptPresentationWindow *
tpt_presentation_window_rehearse (GtkWindow   *parent,
                                  TptDocument *document,
                                  GPtrArray   *slides,
                                  guint        first)
{
  TptPresentationWindow *self;
  int width = 1200, height = 700;
  GdkMonitor *monitor;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  self = create (parent, document, slides, first, TRUE);
  /* Translators: the title of the window to rehearse a presentation in. */
  gtk_window_set_title (GTK_WINDOW (self), _("Rehearsal"));
  gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  set_content (self, CONTENT_CONSOLE);
  monitor = monitor_of (parent);
  if (monitor != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      width = MIN (width, geometry.width * 9 / 10);
      height = MIN (height, geometry.height * 9 / 10);
    }
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);
  gtk_window_present (GTK_WINDOW (self));
  inhibit (self);
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
 * Returns: (transfer none): the audience's #TptSlideView (not shown while
 *   the window shows the console)
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
 * Returns: (nullable) (transfer none): the window the presenter console is
 *   in: its own, on the second monitor, or this one, to rehearse or on a
 *   mirrored display; %NULL when there is none
 */
GtkWindow *
tpt_presentation_window_get_console (TptPresentationWindow *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION_WINDOW (self), NULL);

  if (self->own_console != NULL)
    return GTK_WINDOW (self);
  return self->console;
}

/**
 * tpt_presentation_window_get_console_widget:
 * @self: a presentation window
 *
 * Returns: (nullable) (transfer none): the #TptPresenterConsole shown, if any
 */
GtkWidget *
tpt_presentation_window_get_console_widget (TptPresentationWindow *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION_WINDOW (self), NULL);

  if (self->own_console != NULL)
    return self->own_console;
  return self->console != NULL ? gtk_window_get_child (self->console) : NULL;
}

/**
 * tpt_presentation_window_is_rehearsal:
 * @self: a presentation window
 *
 * Returns: whether this is a rehearsal, in a window
 */
gboolean
tpt_presentation_window_is_rehearsal (TptPresentationWindow *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION_WINDOW (self), FALSE);

  return self->rehearsal;
}

/**
 * tpt_presentation_window_is_inhibiting:
 * @self: a presentation window
 *
 * Returns: whether the screensaver is being held off
 */
gboolean
tpt_presentation_window_is_inhibiting (TptPresentationWindow *self)
{
  g_return_val_if_fail (TPT_IS_PRESENTATION_WINDOW (self), FALSE);

  return self->inhibit_cookie != 0;
}
