/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-help"

#include "config.h"

#include "tpt-help.h"

#include <string.h>

/* The name yelp knows the pages by: help:touchpoint is
 * $XDG_DATA_DIRS/help/C/touchpoint/index.page (meson's gnome.yelp). */
#define HELP_ID "touchpoint"

/* Whether yelp would find the pages: it looks under help/ in every data
 * directory, the user's first. An uninstalled build has none there. */
static gboolean
mallard_installed (void)
{
  const char * const *dirs = g_get_system_data_dirs ();
  g_autofree char *user = g_build_filename (g_get_user_data_dir (), "help", "C", HELP_ID,
                                            "index.page", NULL);

  if (g_file_test (user, G_FILE_TEST_EXISTS))
    return TRUE;

  for (guint i = 0; dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], "help", "C", HELP_ID, "index.page",
                                                NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return TRUE;
    }

  return FALSE;
}

/* The HTML copy: installed under PKGDATADIR/help, or where TPT_HELP_DIR says
 * (the build tree, for uninstalled runs and tests). */
static char *
dup_html_dir (void)
{
  const char *dir = g_getenv ("TPT_HELP_DIR");

  if (dir != NULL && *dir != '\0')
    return g_strdup (dir);

  return g_build_filename (PKGDATADIR, "help", NULL);
}

/**
 * tpt_help_dup_uri:
 * @page: (nullable): a page id of help/C (`blueprints`, `presenting`…), or
 *   %NULL for the index
 *
 * Says where the help is to be read: `help:touchpoint[/PAGE]` when a help
 * browser handles `help:` and the pages are installed; otherwise the
 * `file://` URI of the HTML copy if it is installed; otherwise the online
 * copy.
 *
 * Returns: (transfer full): a URI for gtk_show_uri()
 */
char *
tpt_help_dup_uri (const char *page)
{
  g_autoptr(GAppInfo) browser = g_app_info_get_default_for_uri_scheme ("help");
  g_autofree char *html_dir = NULL;
  g_autofree char *html = NULL;

  g_return_val_if_fail (page == NULL || (*page != '\0' && strchr (page, '/') == NULL), NULL);

  if (browser != NULL && mallard_installed ())
    return page != NULL ? g_strconcat ("help:" HELP_ID "/", page, NULL)
                        : g_strdup ("help:" HELP_ID);

  html_dir = dup_html_dir ();
  {
    g_autofree char *name = g_strconcat (page != NULL ? page : "index", ".html", NULL);

    html = g_build_filename (html_dir, name, NULL);
  }
  if (g_file_test (html, G_FILE_TEST_IS_REGULAR))
    return g_filename_to_uri (html, NULL, NULL);

  return g_strdup (TPT_HELP_ONLINE_URI);
}

/**
 * tpt_help_show:
 * @parent: (nullable): the window the help is for
 * @page: (nullable): a page id of help/C, or %NULL for the index
 *
 * Opens the help, in whatever tpt_help_dup_uri() chose.
 */
void
tpt_help_show (GtkWindow  *parent,
               const char *page)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  uri = tpt_help_dup_uri (page);
  g_debug ("Showing the help at %s", uri);
  gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
}
