/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "app-fixtures.h"

#include <adwaita.h>

#include "tpt-format.h"

/* Runs whatever the main loop has ready: idles, redraws, signals. */
void
app_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Iterates the main loop until @condition holds or @seconds pass. */
gboolean
app_wait_for (gboolean (*condition) (gpointer),
              gpointer   data,
              double     seconds)
{
  gint64 end = g_get_monotonic_time () + (gint64) (seconds * G_USEC_PER_SEC);

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

/* The example document in the source tree; tests that save use a copy. */
GFile *
app_example_file (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                            "motor-insurance.touchpoint", NULL);

  return g_file_new_for_path (path);
}

/* Starts a test program of suite app: GTK and libadwaita, a state folder
 * of its own (so no recovery copy of a real session is offered), and the
 * application, registered but not unique, so tests run side by side. */
TptApplication *
app_test_init (int    *argc,
               char ***argv)
{
  g_autofree char *scratch = NULL;
  TptApplication *app;

  g_test_init (argc, argv, NULL);
  scratch = g_dir_make_tmp ("touchpoint-app-test-XXXXXX", NULL);
  g_assert_nonnull (scratch);
  g_setenv ("XDG_STATE_HOME", scratch, TRUE);
  gtk_init ();
  adw_init ();

  app = tpt_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));
  return app;
}

/* The document as it would be saved, as a string to compare. */
char *
app_document_bytes (TptDocument *document)
{
  g_autoptr(GBytes) bytes = tpt_document_serialize (document);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Undoes every step, then checks the document is byte for byte what it
 * was before the test. */
void
app_undo_all_and_compare (TptDocument *document,
                          const char  *original)
{
  TptHistory *history = tpt_document_get_history (document);
  g_autofree char *bytes = NULL;

  while (tpt_history_get_can_undo (history))
    tpt_history_undo (history);
  app_iterate ();
  bytes = app_document_bytes (document);
  g_assert_cmpstr (bytes, ==, original);
}
