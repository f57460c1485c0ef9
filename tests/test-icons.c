/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-icons"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <string.h>

/* Every icon under icons/ loads with gdk-pixbuf, as GTK's icon theme and the
 * About window load it, at each size it is drawn at once installed. The
 * icons are found by walking the directory, so a new icon is tested without
 * being listed here.
 *
 * gdk-pixbuf picks a loader by sniffing the first bytes of the file for the
 * image/svg+xml magic, which wants `<svg` within the first 256 bytes: a long
 * comment before the element makes the icon unreadable, though every XML
 * tool reads it. */

/* The sizes GNOME draws a full-colour application icon at (the About window
 * asks for 128 px, at scale 2 on HiDPI screens), and a symbolic icon at
 * (16 px at scales 1 to 4, and larger in empty states). */
static const int scalable_sizes[] = { 16, 24, 32, 48, 64, 128, 256, 512 };
static const int symbolic_sizes[] = { 16, 32, 48, 64, 128 };

/* How far into a file gdk-pixbuf's sniffing looks for `<svg`
 * (shared-mime-info's magic for image/svg+xml). */
#define SVG_MAGIC_RANGE 256

static void
collect_icons (GFile     *dir,
               GPtrArray *icons)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);

  while ((info = g_file_enumerator_next_file (children, NULL, &error)) != NULL)
    {
      g_autoptr(GFileInfo) owned = info;
      g_autoptr(GFile) child = g_file_get_child (dir, g_file_info_get_name (info));

      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
        collect_icons (child, icons);
      else if (g_str_has_suffix (g_file_info_get_name (info), ".svg"))
        g_ptr_array_add (icons, g_file_get_path (child));
    }
  g_assert_no_error (error);
}

static GPtrArray *
all_icons (void)
{
  g_autofree char *root = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "icons", NULL);
  g_autoptr(GFile) dir = g_file_new_for_path (root);
  GPtrArray *icons = g_ptr_array_new_with_free_func (g_free);

  collect_icons (dir, icons);
  return icons;
}

/* Whether any pixel of @pixbuf is not fully transparent. */
static gboolean
has_ink (GdkPixbuf *pixbuf)
{
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);

  if (!gdk_pixbuf_get_has_alpha (pixbuf))
    return TRUE;

  for (int y = 0; y < gdk_pixbuf_get_height (pixbuf); y++)
    for (int x = 0; x < gdk_pixbuf_get_width (pixbuf); x++)
      if (pixels[y * stride + x * channels + 3] != 0)
        return TRUE;
  return FALSE;
}

/* The suite finds at least the icons the application cannot do without, so
 * a wrong TPT_SOURCE_ROOT cannot pass by testing nothing. */
static void
test_icons_found (void)
{
  g_autoptr(GPtrArray) icons = all_icons ();
  const char *needed[] = {
    "io.github.touchpoint.Touchpoint.svg",
    "io.github.touchpoint.Touchpoint-symbolic.svg",
    "application-x-touchpoint.svg",
  };

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; j < icons->len && !found; j++)
        found = g_str_has_suffix (icons->pdata[j], needed[i]);
      g_assert_true (found);
    }
}

static void
test_icon_loads (gconstpointer data)
{
  const char *path = data;
  g_autofree char *contents = NULL;
  g_autofree char *head = NULL;
  g_autofree char *format_name = NULL;
  const int *sizes;
  guint n_sizes;
  gsize length;
  g_autoptr(GError) error = NULL;
  GdkPixbufFormat *format;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);

  /* The cause named, not just the symptom below. */
  head = g_strndup (contents, MIN (length, SVG_MAGIC_RANGE));
  if (strstr (head, "<svg") == NULL)
    {
      g_test_message ("%s: <svg> starts after byte %d, so gdk-pixbuf does not recognise it; "
                      "move the comments inside the element", path, SVG_MAGIC_RANGE);
      g_test_fail ();
      return;
    }

  format = gdk_pixbuf_get_file_info (path, NULL, NULL);
  g_assert_nonnull (format);
  format_name = gdk_pixbuf_format_get_name (format);
  g_assert_cmpstr (format_name, ==, "svg");

  if (strstr (path, "/symbolic/") != NULL)
    {
      sizes = symbolic_sizes;
      n_sizes = G_N_ELEMENTS (symbolic_sizes);
    }
  else
    {
      sizes = scalable_sizes;
      n_sizes = G_N_ELEMENTS (scalable_sizes);
    }

  for (guint i = 0; i < n_sizes; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GInputStream) stream = NULL;
      g_autoptr(GdkPixbuf) from_file = NULL;
      g_autoptr(GdkPixbuf) from_stream = NULL;

      /* From the file, as the About window's image does… */
      from_file = gdk_pixbuf_new_from_file_at_size (path, sizes[i], sizes[i], &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (from_file), ==, sizes[i]);
      g_assert_cmpint (gdk_pixbuf_get_height (from_file), ==, sizes[i]);
      g_assert_true (has_ink (from_file));

      /* …and from a stream with no name to go by, as GTK's icon theme does. */
      stream = G_INPUT_STREAM (g_file_read (file, NULL, &error));
      g_assert_no_error (error);
      from_stream = gdk_pixbuf_new_from_stream_at_scale (stream, sizes[i], sizes[i], TRUE,
                                                         NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (gdk_pixbuf_get_width (from_stream), ==, sizes[i]);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) icons = NULL;

  /* Not G_TEST_OPTION_ISOLATE_DIRS: gdk-pixbuf recognises a file through the
   * shared-mime-info database in XDG_DATA_DIRS, which isolation would hide.
   * Nothing here writes a file. */
  g_test_init (&argc, &argv, NULL);

  icons = all_icons ();
  g_test_add_func ("/tpt/data/icons/found", test_icons_found);
  for (guint i = 0; i < icons->len; i++)
    {
      g_autofree char *name = g_path_get_basename (icons->pdata[i]);
      g_autofree char *test_path = g_strconcat ("/tpt/data/icons/load/", name, NULL);

      g_test_add_data_func (test_path, icons->pdata[i], test_icon_loads);
    }

  return g_test_run ();
}
