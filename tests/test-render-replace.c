/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-render-replace"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>

#include "render-fixtures.h"
#include "tpt-export.h"

/* An export over an existing file keeps what the user set on it: its mode,
 * and the symbolic link that names it. */

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("test-render-replace-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
export_pdf (TptDocument *document,
            const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptExportOptions options;

  tpt_export_options_init (&options);
  options.format = TPT_EXPORT_PDF;
  g_assert_true (tpt_export (document, file, &options, NULL, &error));
  g_assert_no_error (error);
}

static gboolean
is_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 5 &&
         memcmp (contents, "%PDF-", 5) == 0;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_unlink (child);
    }
  g_rmdir (path);
}

static void
test_keeps_mode (void)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "private.pdf", NULL);
  GStatBuf st;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  export_pdf (document, path);

  g_assert_true (is_pdf (path));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 07777, ==, 0600);

  remove_dir (dir);
}

static void
test_follows_symlink (void)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  g_autofree char *dir = make_dir ();
  g_autofree char *real = g_build_filename (dir, "real.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autoptr(GDir) listing = NULL;
  guint n = 0;

  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (symlink ("real.pdf", link), ==, 0);

  export_pdf (document, link);

  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (is_pdf (real));
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 2);

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/render/replace/keeps-mode", test_keeps_mode);
  g_test_add_func ("/tpt/render/replace/follows-symlink", test_follows_symlink);

  return g_test_run ();
}
