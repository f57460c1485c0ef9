/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-screenshot"

#include "config.h"

#include <adwaita.h>

#include "app-fixtures.h"
#include "tpt-application.h"
#include "tpt-window-private.h"

/* Renders the example's current state blueprint in a 1280 × 800 window, in
 * light and dark, and checks the blueprint is drawn. The pictures land in the
 * build directory; the store screenshots in data/screenshots/ are taken from
 * the real application by build-aux/make-screenshots. */

#define WIDTH  1280
#define HEIGHT 800

static TptApplication *app;

static void
wait_frames (double seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }
}

static GdkTexture *
render_window (GtkWidget *window)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  return gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                      &GRAPHENE_RECT_INIT (0, 0, width, height));
}

/* How many distinct grey levels a rectangle of @texture shows: a drawn
 * blueprint has many, an empty view one or two. */
static guint
count_levels (GdkTexture *texture,
              int         x0,
              int         y0,
              int         width,
              int         height)
{
  int stride = gdk_texture_get_width (texture) * 4;
  g_autofree guchar *data = g_malloc ((gsize) stride * gdk_texture_get_height (texture));
  gboolean seen[256] = { FALSE };
  guint levels = 0;

  gdk_texture_download (texture, data, stride);
  for (int y = y0; y < y0 + height; y++)
    for (int x = x0; x < x0 + width; x++)
      {
        const guchar *p = data + (gsize) y * stride + (gsize) x * 4;
        guint grey = (p[0] + p[1] + p[2]) / 3;

        if (!seen[grey])
          {
            seen[grey] = TRUE;
            levels++;
          }
      }
  return levels;
}

static void
take_screenshot (gboolean dark)
{
  g_autoptr(GFile) file = app_example_file ();
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *out = NULL;
  g_autoptr(TptBlueprint) blueprint = NULL;
  g_autoptr(TptCard) card = NULL;
  TptWindow *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                           : ADW_COLOR_SCHEME_FORCE_LIGHT);

  window = tpt_application_open_file (app, file);
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), WIDTH, HEIGHT);
  gtk_window_present (GTK_WINDOW (window));

  blueprint = g_list_model_get_item (tpt_document_get_blueprints (tpt_window_get_document (window)), 0);
  /* A card selected: the outline opens on it and the inspector shows it. */
  card = g_list_model_get_item (tpt_blueprint_get_cards (blueprint), 9);
  tpt_window_select (window, TPT_NODE (card));
  wait_frames (1.0);
  /* Close enough to read the cards, as a designer works. */
  tpt_canvas_set_zoom (tpt_pages_get_visible_page (window->pages), 0.6);
  gtk_adjustment_set_value (gtk_scrollable_get_hadjustment (GTK_SCROLLABLE (tpt_pages_get_visible_page (window->pages))), 0);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (tpt_pages_get_visible_page (window->pages))), 0);
  wait_frames (0.5);

  texture = render_window (GTK_WIDGET (window));
  g_assert_cmpint (gdk_texture_get_width (texture), >=, WIDTH - 20);
  g_assert_cmpint (gdk_texture_get_height (texture), >=, HEIGHT - 20);
  /* The blueprint is drawn in the centre. */
  g_assert_cmpuint (count_levels (texture, WIDTH / 2 - 100, HEIGHT / 2 - 100, 200, 200), >, 8);

  out = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), dark ? "window-dark.png" : "window.png",
                          NULL);
  g_assert_true (gdk_texture_save_to_png (texture, out));
  g_test_message ("screenshot: %s", out);

  gtk_window_destroy (GTK_WINDOW (window));
  wait_frames (0.1);
}

static void
test_light (void)
{
  take_screenshot (FALSE);
}

static void
test_dark (void)
{
  take_screenshot (TRUE);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Not isolated: the icon theme lives in the system's data directories.
   * The settings are in memory (GSETTINGS_BACKEND=memory), so nothing of
   * the user's is touched. */
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();

  app = tpt_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/tpt/app/screenshot/light", test_light);
  g_test_add_func ("/tpt/app/screenshot/dark", test_dark);

  status = g_test_run ();
  g_clear_object (&app);

  return status;
}
