/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "touchpoint"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "tpt-application.h"
#include "tpt-temp-file.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(TptApplication) app = NULL;
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = tpt_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  /* A save or export still writing in a worker thread when a signal
   * ended the application leaves no temporary file behind. */
  tpt_temp_file_remove_all ();
  return status;
}
