/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-present"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "app-fixtures.h"
#include "tpt-application.h"
#include "tpt-presentation-window.h"
#include "tpt-presenter-console.h"
#include "tpt-slide-view.h"
#include "tpt-window-private.h"

/* Presenting: the keys a clicker sends move through the slides, B, W and
 * "." blank the screen, digits and Enter jump, Shift+F5 starts at what
 * the window shows, the presenter console follows, Escape ends; checked
 * in the presentation and in the pixels the audience sees. */

static TptApplication *app;

typedef struct
{
  TptWindow             *window;
  TptDocument           *document;
  TptPresentationWindow *show;
} Fixture;

static TptPresentationWindow *
find_show (void)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (TPT_IS_PRESENTATION_WINDOW (l->data))
      return l->data;
  return NULL;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = app_example_file ();

  fixture->window = tpt_application_open_file (app, file);
  g_assert_nonnull (fixture->window);
  fixture->document = g_object_ref (tpt_window_get_document (fixture->window));
  gtk_window_present (GTK_WINDOW (fixture->window));
  app_iterate ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  if (find_show () != NULL)
    tpt_presentation_window_end (find_show ());
  app_iterate ();
  tpt_history_mark_saved (tpt_document_get_history (fixture->document));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  app_iterate ();
  g_clear_object (&fixture->document);
}

static gboolean
allocated (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* On Wayland a window is mapped when the compositor says so. */
static void
wait_shown (gpointer widget)
{
  g_assert_true (app_wait_for (allocated, widget, 5));
}

static TptPresentationWindow *
start (Fixture    *fixture,
       const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  app_iterate ();
  fixture->show = find_show ();
  g_assert_nonnull (fixture->show);
  wait_shown (fixture->show);
  return fixture->show;
}

static TptPresentation *
presentation (Fixture *fixture)
{
  return tpt_presentation_window_get_presentation (fixture->show);
}

static void
key (Fixture *fixture,
     guint    keyval)
{
  g_assert_true (tpt_presentation_window_key (fixture->show, keyval, 0));
  app_iterate ();
}

static guint
index_now (Fixture *fixture)
{
  return tpt_presentation_get_index (presentation (fixture));
}

/* The colour the audience sees in the middle of the screen. */
static guint32
centre_pixel (Fixture *fixture)
{
  GtkWidget *view = tpt_presentation_window_get_view (fixture->show);
  int width = gtk_widget_get_width (view), height = gtk_widget_get_height (view);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *pixels = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (fixture->show));

  wait_shown (view);
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  /* What the view draws now, as its next frame would show it. */
  GTK_WIDGET_GET_CLASS (view)->snapshot (view, snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pixels = g_malloc ((gsize) width * height * 4);
  gdk_texture_download (texture, pixels, width * 4);
  return *(guint32 *) (gpointer) (pixels + ((gsize) (height / 2) * width + width / 2) * 4) & 0xffffff;
}

static void
test_keys (Fixture       *fixture,
           gconstpointer  data)
{
  guint n;

  start (fixture, "win.present");
  /* F5 again keeps the one show. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.present", NULL));
  app_iterate ();
  g_assert_true (find_show () == fixture->show);
  n = tpt_presentation_get_n_slides (presentation (fixture));
  /* The example's default set: cover, two blueprints with their stages,
   * three personas, the matrix and coverage. */
  g_assert_cmpuint (n, >, 10);
  g_assert_cmpuint (index_now (fixture), ==, 0);

  /* What clickers send, forwards and back. */
  key (fixture, GDK_KEY_Page_Down);
  g_assert_cmpuint (index_now (fixture), ==, 1);
  key (fixture, GDK_KEY_space);
  key (fixture, GDK_KEY_Right);
  key (fixture, GDK_KEY_Down);
  key (fixture, GDK_KEY_Return);
  key (fixture, GDK_KEY_n);
  g_assert_cmpuint (index_now (fixture), ==, 6);
  key (fixture, GDK_KEY_Page_Up);
  key (fixture, GDK_KEY_BackSpace);
  key (fixture, GDK_KEY_Left);
  key (fixture, GDK_KEY_Up);
  key (fixture, GDK_KEY_p);
  g_assert_cmpuint (index_now (fixture), ==, 1);

  key (fixture, GDK_KEY_End);
  g_assert_cmpuint (index_now (fixture), ==, n - 1);
  key (fixture, GDK_KEY_Page_Down);
  g_assert_cmpuint (index_now (fixture), ==, n - 1);
  key (fixture, GDK_KEY_Home);
  g_assert_cmpuint (index_now (fixture), ==, 0);
  key (fixture, GDK_KEY_Page_Up);
  g_assert_cmpuint (index_now (fixture), ==, 0);

  /* A number and Enter jump; a number past the end is forgotten. */
  key (fixture, GDK_KEY_1);
  key (fixture, GDK_KEY_0);
  g_assert_cmpstr (tpt_presentation_get_typed (presentation (fixture)), ==, "10");
  key (fixture, GDK_KEY_Return);
  g_assert_cmpuint (index_now (fixture), ==, 9);
  g_assert_cmpstr (tpt_presentation_get_typed (presentation (fixture)), ==, "");
  key (fixture, GDK_KEY_9);
  key (fixture, GDK_KEY_9);
  key (fixture, GDK_KEY_KP_Enter);
  g_assert_cmpuint (index_now (fixture), ==, 9);
  key (fixture, GDK_KEY_KP_3);
  key (fixture, GDK_KEY_Return);
  g_assert_cmpuint (index_now (fixture), ==, 2);

  /* Next or Previous drops the digits typed, at either end too. */
  key (fixture, GDK_KEY_End);
  key (fixture, GDK_KEY_4);
  key (fixture, GDK_KEY_Page_Down);
  g_assert_cmpuint (index_now (fixture), ==, n - 1);
  g_assert_cmpstr (tpt_presentation_get_typed (presentation (fixture)), ==, "");
  key (fixture, GDK_KEY_Home);
  key (fixture, GDK_KEY_4);
  key (fixture, GDK_KEY_Page_Up);
  g_assert_cmpstr (tpt_presentation_get_typed (presentation (fixture)), ==, "");
  key (fixture, GDK_KEY_BackSpace);
  g_assert_cmpuint (index_now (fixture), ==, 0);

  /* Keys nobody gave a meaning pass through. */
  g_assert_false (tpt_presentation_window_key (fixture->show, GDK_KEY_q, 0));

  /* Escape ends the show. */
  key (fixture, GDK_KEY_Escape);
  g_assert_null (find_show ());
}

static void
test_blank (Fixture       *fixture,
            gconstpointer  data)
{
  start (fixture, "win.present");
  key (fixture, GDK_KEY_Page_Down);

  key (fixture, GDK_KEY_b);
  g_assert_cmpint (tpt_presentation_get_blank (presentation (fixture)), ==, TPT_PRESENTATION_BLANK_BLACK);
  g_assert_cmphex (centre_pixel (fixture), ==, 0x000000);
  key (fixture, GDK_KEY_b);
  g_assert_cmpint (tpt_presentation_get_blank (presentation (fixture)), ==, TPT_PRESENTATION_BLANK_NONE);

  key (fixture, GDK_KEY_w);
  g_assert_cmpint (tpt_presentation_get_blank (presentation (fixture)), ==, TPT_PRESENTATION_BLANK_WHITE);
  g_assert_cmphex (centre_pixel (fixture), ==, 0xffffff);

  /* From white, "." goes black; the next key brings the same slide back. */
  key (fixture, GDK_KEY_period);
  g_assert_cmpint (tpt_presentation_get_blank (presentation (fixture)), ==, TPT_PRESENTATION_BLANK_BLACK);
  key (fixture, GDK_KEY_Page_Down);
  g_assert_cmpint (tpt_presentation_get_blank (presentation (fixture)), ==, TPT_PRESENTATION_BLANK_NONE);
  g_assert_cmpuint (index_now (fixture), ==, 1);
  /* The slide shows again: the middle of a blueprint slide is not black. */
  g_assert_cmphex (centre_pixel (fixture), !=, 0x000000);
}

/* Shift+F5 starts at the slide of what the window shows. */
static void
test_from_current (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(TptPersona) persona = g_list_model_get_item (tpt_document_get_personas (fixture->document), 1);
  TptSlide *slide;

  tpt_window_select (fixture->window, TPT_NODE (persona));
  app_iterate ();
  start (fixture, "win.present-current");
  slide = tpt_presentation_get_slide (presentation (fixture), index_now (fixture));
  g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_PERSONA);
  g_assert_true (tpt_slide_get_target_node (slide) == TPT_NODE (persona));
}

/* The console shows the slide that is up, the next and the notes, and
 * takes the same keys. */
static void
test_console (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) slides = tpt_slides_new_default (fixture->document);
  GtkWindow *console;
  TptSlide *second;

  /* The document's own list, with notes, is what is shown. */
  tpt_document_begin (fixture->document, "Add Slides");
  for (guint i = 0; i < 3; i++)
    tpt_document_insert_slide (fixture->document, i, g_ptr_array_index (slides, i));
  tpt_document_end (fixture->document);
  second = g_list_model_get_item (tpt_document_get_slides (fixture->document), 1);
  g_object_unref (second);
  tpt_document_begin (fixture->document, "Edit Notes");
  tpt_slide_set_notes (second, "Ask who owns the legacy policy system.");
  tpt_document_end (fixture->document);

  start (fixture, "win.present");
  g_assert_cmpuint (tpt_presentation_get_n_slides (presentation (fixture)), ==, 3);
  tpt_presentation_window_show_console (fixture->show, NULL);
  app_iterate ();
  console = tpt_presentation_window_get_console (fixture->show);
  g_assert_nonnull (console);

  key (fixture, GDK_KEY_Page_Down);
  {
    g_autofree char *notes =
      tpt_presenter_console_dup_notes (TPT_PRESENTER_CONSOLE (gtk_window_get_child (console)));

    g_assert_cmpstr (notes, ==, "Ask who owns the legacy policy system.");
  }

  /* Closing the console ends the presentation. */
  gtk_window_close (console);
  app_iterate ();
  g_assert_null (find_show ());
}

/* With animations off (reduced motion), slides change at once. */
static void
test_reduced_motion (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *view;

  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);
  start (fixture, "win.present");
  view = tpt_presentation_window_get_view (fixture->show);
  app_iterate ();
  g_assert_true (tpt_presentation_window_key (fixture->show, GDK_KEY_Page_Down, 0));
  g_assert_true (tpt_slide_view_is_animating (TPT_SLIDE_VIEW (view)));

  g_object_set (settings, "gtk-enable-animations", FALSE, NULL);
  app_iterate ();
  g_assert_true (tpt_presentation_window_key (fixture->show, GDK_KEY_Page_Down, 0));
  g_assert_false (tpt_slide_view_is_animating (TPT_SLIDE_VIEW (view)));
  g_object_set (settings, "gtk-enable-animations", TRUE, NULL);

  /* Zooming for a question, and Z goes back to the slide. */
  tpt_slide_view_zoom_at (TPT_SLIDE_VIEW (view), 2.0, 100, 100);
  g_assert_cmpfloat (tpt_slide_view_get_zoom (TPT_SLIDE_VIEW (view)), ==, 2.0);
  key (fixture, GDK_KEY_z);
  g_assert_cmpfloat (tpt_slide_view_get_zoom (TPT_SLIDE_VIEW (view)), ==, 1.0);
  tpt_slide_view_zoom_at (TPT_SLIDE_VIEW (view), 0.25, 100, 100);
  g_assert_cmpfloat (tpt_slide_view_get_zoom (TPT_SLIDE_VIEW (view)), ==, 1.0);
}

/* The slot timer: plenty, amber for the last fifth, red for the last
 * fifteenth, over; and the console's label says so in its colour. */
static void
test_timer (Fixture       *fixture,
            gconstpointer  data)
{
  const gint64 minute = 60 * G_USEC_PER_SEC;
  static const struct { gint64 elapsed_s; TptTimerLevel level; const char *left; } table[] = {
    { 0, TPT_TIMER_OK, "15:00" },
    { 11 * 60 + 59, TPT_TIMER_OK, "03:01" },
    { 12 * 60, TPT_TIMER_AMBER, "03:00" },
    { 13 * 60 + 59, TPT_TIMER_AMBER, "01:01" },
    { 14 * 60, TPT_TIMER_RED, "01:00" },
    { 15 * 60 + 5, TPT_TIMER_OVER, "−00:05" },
  };
  static const char *const classes[] = { NULL, NULL, "slot-amber", "slot-red", "slot-over" };
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  TptPresenterConsole *console;
  GtkWidget *left;

  g_assert_cmpint (tpt_presentation_timer_level (0, 100 * minute), ==, TPT_TIMER_NONE);
  g_assert_cmpint (tpt_presentation_timer_level (15 * minute, 0), ==, TPT_TIMER_OK);

  g_settings_set_uint (settings, "presentation-slot", 15);
  start (fixture, "win.present");
  tpt_presentation_window_show_console (fixture->show, NULL);
  app_iterate ();
  console = TPT_PRESENTER_CONSOLE (tpt_presentation_window_get_console_widget (fixture->show));
  g_assert_nonnull (console);
  g_assert_cmpint (tpt_presentation_get_slot (presentation (fixture)), ==, 15 * minute);
  left = NULL;
  for (GtkWidget *w = GTK_WIDGET (console); w != NULL && left == NULL;)
    {
      if (g_strcmp0 (gtk_widget_get_name (w), "left") == 0)
        left = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = w == GTK_WIDGET (console) ? NULL : gtk_widget_get_parent (w);
          if (w != NULL && w != GTK_WIDGET (console))
            w = gtk_widget_get_next_sibling (w);
          else
            w = NULL;
        }
    }
  g_assert_nonnull (left);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (left)));

  for (guint i = 0; i < G_N_ELEMENTS (table); i++)
    {
      /* A quarter second in hand, so the test's own time does not count. */
      tpt_presentation_set_elapsed (presentation (fixture),
                                    table[i].elapsed_s * G_USEC_PER_SEC + G_USEC_PER_SEC / 4);
      tpt_presenter_console_update_timer (console);
      g_assert_cmpint (tpt_presentation_get_timer_level (presentation (fixture)), ==,
                       table[i].level);
      g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (left)), ==, table[i].left);
      for (guint c = 0; c < G_N_ELEMENTS (classes); c++)
        if (classes[c] != NULL)
          g_assert_true (gtk_widget_has_css_class (left, classes[c]) == (c == table[i].level));
    }

  /* No slot, no time left. */
  g_settings_set_uint (settings, "presentation-slot", 0);
  tpt_presenter_console_update_timer (console);
  g_assert_false (gtk_widget_get_visible (gtk_widget_get_parent (left)));
}

/* The monitors the show follows, as a test can change them: taking away
 * the slides' monitor moves them to what is left, the show goes on, and a
 * monitor coming back brings the console back. Under weston there are two
 * real monitors; under Xvfb one, which can go and come back. */
static void
test_monitors (Fixture       *fixture,
               gconstpointer  data)
{
  GListModel *display = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GListStore) store = g_list_store_new (GDK_TYPE_MONITOR);
  guint n = g_list_model_get_n_items (display);
  GdkMonitor *audience, *remaining;
  guint position;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (display, i);

      g_list_store_append (store, monitor);
    }
  start (fixture, "win.present");
  tpt_presentation_window_set_monitors (fixture->show, G_LIST_MODEL (store));
  app_iterate ();
  audience = tpt_presentation_window_get_monitor (fixture->show, FALSE);
  g_assert_nonnull (audience);
  if (n >= 2)
    {
      g_assert_nonnull (tpt_presentation_window_get_console (fixture->show));
      g_assert_true (tpt_presentation_window_get_monitor (fixture->show, TRUE) != audience);
    }

  /* The projector is unplugged. */
  g_assert_true (g_list_store_find (store, audience, &position));
  g_object_ref (audience);
  g_list_store_remove (store, position);
  app_iterate ();
  g_assert_true (find_show () == fixture->show);
  remaining = tpt_presentation_window_get_monitor (fixture->show, FALSE);
  g_assert_true (remaining != audience);
  g_assert_null (tpt_presentation_window_get_console (fixture->show));
  g_assert_null (tpt_presentation_window_get_monitor (fixture->show, TRUE));
  if (n >= 2)
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (fixture->show));
      gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

      /* The compositor moves the window there. */
      g_assert_nonnull (remaining);
      while (gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface), surface)
             != remaining && g_get_monotonic_time () < deadline)
        g_main_context_iteration (NULL, FALSE);
      g_assert_true (gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                         surface) == remaining);
    }
  /* Keys still drive the show. */
  key (fixture, GDK_KEY_Page_Down);
  g_assert_cmpuint (index_now (fixture), ==, 1);

  /* And plugged in again. */
  g_list_store_append (store, audience);
  app_iterate ();
  g_assert_true (find_show () == fixture->show);
  if (n >= 2)
    {
      g_assert_true (tpt_presentation_window_get_monitor (fixture->show, FALSE) == audience);
      g_assert_nonnull (tpt_presentation_window_get_console (fixture->show));
    }
  else
    g_assert_true (tpt_presentation_window_get_monitor (fixture->show, FALSE) == audience);
  g_object_unref (audience);
}

/* With one monitor and the console chosen for it (a mirrored projector),
 * the show's window shows the console, with the notes. */
static void
test_one_monitor_console (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  GListModel *display = gdk_display_get_monitors (gdk_display_get_default ());
  g_autoptr(GListStore) store = g_list_store_new (GDK_TYPE_MONITOR);
  g_autoptr(GdkMonitor) first = g_list_model_get_item (display, 0);
  GtkWidget *console;

  g_list_store_append (store, first);
  g_settings_set_string (settings, "presentation-one-monitor", "console");
  start (fixture, "win.present");
  tpt_presentation_window_set_monitors (fixture->show, G_LIST_MODEL (store));
  app_iterate ();
  g_assert_true (tpt_presentation_window_get_console (fixture->show) == GTK_WINDOW (fixture->show));
  console = tpt_presentation_window_get_console_widget (fixture->show);
  g_assert_true (TPT_IS_PRESENTER_CONSOLE (console));
  g_assert_true (gtk_widget_get_mapped (console));
  g_assert_false (gtk_widget_get_mapped (tpt_presentation_window_get_view (fixture->show)));
  key (fixture, GDK_KEY_space);
  g_assert_cmpint (tpt_slide_view_get_shown (
    TPT_SLIDE_VIEW (tpt_presenter_console_get_current_view (TPT_PRESENTER_CONSOLE (console)))),
    ==, 1);

  /* Back to the slides, while the show runs. */
  g_settings_set_string (settings, "presentation-one-monitor", "slides");
  app_iterate ();
  g_assert_true (gtk_widget_get_mapped (tpt_presentation_window_get_view (fixture->show)));
  g_assert_null (tpt_presentation_window_get_console_widget (fixture->show));
}

/* Rehearsing: the console in a window, not full screen, keys as in a
 * show, Escape ends it. */
static void
test_rehearse (Fixture       *fixture,
               gconstpointer  data)
{
  GtkWidget *console;

  start (fixture, "win.rehearse");
  g_assert_true (tpt_presentation_window_is_rehearsal (fixture->show));
  g_assert_false (gtk_window_is_fullscreen (GTK_WINDOW (fixture->show)));
  console = tpt_presentation_window_get_console_widget (fixture->show);
  g_assert_true (gtk_widget_get_mapped (console));
  key (fixture, GDK_KEY_End);
  g_assert_cmpint (tpt_slide_view_get_shown (
    TPT_SLIDE_VIEW (tpt_presenter_console_get_next_view (TPT_PRESENTER_CONSOLE (console)))),
    ==, (int) tpt_presentation_get_n_slides (presentation (fixture)));
  key (fixture, GDK_KEY_Escape);
  g_assert_null (find_show ());
}

/* Bad input: a slide whose blueprint is deleted during the show, a show
 * of no slides, notes of 100,000 characters: a message or a readable
 * console, never a crash or a warning. */
static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) long_notes = g_string_new (NULL);
  TptBlueprint *blueprint;
  TptPresenterConsole *console;
  g_autofree char *notes = NULL;
  TptSlide *slide;

  /* The slide of a blueprint that goes. */
  start (fixture, "win.present");
  tpt_presentation_window_show_console (fixture->show, NULL);
  key (fixture, GDK_KEY_Page_Down);
  slide = tpt_presentation_get_slide (presentation (fixture), 1);
  blueprint = TPT_BLUEPRINT (tpt_slide_get_target_node (slide));
  g_assert_nonnull (blueprint);
  tpt_document_remove_blueprint (fixture->document, blueprint);
  app_iterate ();
  g_assert_null (tpt_slide_get_target_node (slide));
  centre_pixel (fixture);
  key (fixture, GDK_KEY_Page_Down);
  key (fixture, GDK_KEY_Page_Up);
  tpt_history_undo (tpt_document_get_history (fixture->document));
  app_iterate ();
  tpt_presentation_window_end (fixture->show);
  app_iterate ();

  /* Nothing to show. */
  fixture->show = tpt_presentation_window_start (GTK_WINDOW (fixture->window), fixture->document,
                                                 none, 0);
  tpt_presentation_window_show_console (fixture->show, NULL);
  app_iterate ();
  g_assert_cmpuint (tpt_presentation_get_n_slides (presentation (fixture)), ==, 0);
  for (guint i = 0; i < 6; i++)
    {
      const guint keys[] = { GDK_KEY_Page_Down, GDK_KEY_End, GDK_KEY_Home, GDK_KEY_5,
                             GDK_KEY_Return, GDK_KEY_b };

      key (fixture, keys[i]);
    }
  centre_pixel (fixture);
  console = TPT_PRESENTER_CONSOLE (tpt_presentation_window_get_console_widget (fixture->show));
  notes = tpt_presenter_console_dup_notes (console);
  g_assert_cmpstr (notes, ==, "There are no slides to show.");
  g_clear_pointer (&notes, g_free);
  tpt_presentation_window_end (fixture->show);
  app_iterate ();

  /* Notes of 100,000 characters, laid out in the console: words, and
   * one unbreakable run (a pasted hash), each up within a moment. */
  {
    g_autoptr(GPtrArray) slides = tpt_slides_new_default (fixture->document);
    const char *const units[] = { "Read this slowly. ", "x" };

    tpt_document_begin (fixture->document, "Add Slide");
    tpt_document_insert_slide (fixture->document, 0, g_ptr_array_index (slides, 0));
    tpt_document_end (fixture->document);
    start (fixture, "win.present");
    tpt_presentation_window_show_console (fixture->show, NULL);
    app_iterate ();
    console = TPT_PRESENTER_CONSOLE (tpt_presentation_window_get_console_widget (fixture->show));
    for (guint u = 0; u < G_N_ELEMENTS (units); u++)
      {
        gint64 start_time;

        g_string_truncate (long_notes, 0);
        while (long_notes->len < 100000)
          g_string_append (long_notes, units[u]);
        g_string_truncate (long_notes, 100000);
        start_time = g_get_monotonic_time ();
        tpt_document_begin (fixture->document, "Edit Notes");
        tpt_slide_set_notes (g_ptr_array_index (slides, 0), long_notes->str);
        tpt_document_end (fixture->document);
        app_iterate ();
        app_wait_frames (tpt_presentation_window_get_console (fixture->show), 2);
        notes = tpt_presenter_console_dup_notes (console);
        /* All of it, broken into lines of a length a view lays out fast. */
        g_assert_cmpuint (strlen (notes), >=, 100000);
        g_assert_cmpuint (strlen (notes), <, 100400);
        g_assert_true (strncmp (notes, long_notes->str, 200) == 0);
        g_clear_pointer (&notes, g_free);
        g_test_message ("100,000 characters of notes (%s) shown in %.0f ms",
                        u == 0 ? "words" : "one run", (g_get_monotonic_time () - start_time) / 1000.0);
      }
  }
}

int
main (int   argc,
      char *argv[])
{
  app = app_test_init (&argc, &argv);

  g_test_add ("/tpt/app/present/keys", Fixture, NULL, fixture_setup, test_keys, fixture_teardown);
  g_test_add ("/tpt/app/present/blank", Fixture, NULL, fixture_setup, test_blank, fixture_teardown);
  g_test_add ("/tpt/app/present/from-current", Fixture, NULL, fixture_setup, test_from_current,
              fixture_teardown);
  g_test_add ("/tpt/app/present/console", Fixture, NULL, fixture_setup, test_console,
              fixture_teardown);
  g_test_add ("/tpt/app/present/reduced-motion", Fixture, NULL, fixture_setup,
              test_reduced_motion, fixture_teardown);

  g_test_add ("/tpt/app/present/timer", Fixture, NULL, fixture_setup, test_timer,
              fixture_teardown);
  g_test_add ("/tpt/app/present/monitors", Fixture, NULL, fixture_setup, test_monitors,
              fixture_teardown);
  g_test_add ("/tpt/app/present/one-monitor-console", Fixture, NULL, fixture_setup,
              test_one_monitor_console, fixture_teardown);
  g_test_add ("/tpt/app/present/rehearse", Fixture, NULL, fixture_setup, test_rehearse,
              fixture_teardown);
  g_test_add ("/tpt/app/present/bad-input", Fixture, NULL, fixture_setup, test_bad_input,
              fixture_teardown);

  return g_test_run ();
}
