/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "recovery-child"

#include "config.h"

#include <stdio.h>

#include "tpt-autosave.h"
#include "tpt-format.h"

/* The process test-app-recovery kills: it opens the example, edits it three
 * times (author, description, then the title argv[1]), lets autosave write
 * a recovery copy into $TPT_TEST_RECOVERY_DIR, says "ready" and waits to
 * be killed with SIGKILL, as a crash would end it. */

static void
written_cb (TptAutosave *autosave)
{
  g_print ("ready\n");
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                            "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) directory = g_file_new_for_path (g_getenv ("TPT_TEST_RECOVERY_DIR"));
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(TptAutosave) autosave = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);

  g_set_prgname ("recovery-child");

  document = tpt_document_load_file (file, NULL, &error);
  g_assert_no_error (error);

  autosave = tpt_autosave_new (document, directory);
  tpt_autosave_set_file (autosave, file);
  tpt_autosave_set_delay (autosave, 1);
  g_signal_connect (autosave, "written", G_CALLBACK (written_cb), NULL);

  tpt_document_begin (document, "Edit Author");
  tpt_document_set_author (document, "Author before the crash");
  tpt_document_end (document);
  tpt_document_begin (document, "Edit Description");
  tpt_document_set_description (document, "Description before the crash");
  tpt_document_end (document);
  tpt_document_begin (document, "Edit Title");
  tpt_document_set_title (document, argc > 1 ? argv[1] : "Edited before the crash");
  tpt_document_end (document);

  g_main_loop_run (loop);
  return 0;
}
