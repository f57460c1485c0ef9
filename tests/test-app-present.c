/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-present"

#include "config.h"

#include <adwaita.h>

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

static TptPresentationWindow *
start (Fixture    *fixture,
       const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  app_iterate ();
  fixture->show = find_show ();
  g_assert_nonnull (fixture->show);
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

  g_assert_cmpint (width, >, 0);
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

  return g_test_run ();
}
