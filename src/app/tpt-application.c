/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-application"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-application.h"
#include "tpt-command-line.h"

struct _TptApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (TptApplication, tpt_application, ADW_TYPE_APPLICATION)

/* Runs before the application registers or opens a display, so --check and
 * --export work on a machine with no display at all. */
static int
tpt_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  return tpt_command_line_run (options);
}

/* The document window comes with the application issue; until then the
 * binary is the headless tool and says so instead of showing nothing. */
static void
tpt_application_activate (GApplication *application)
{
  g_printerr (_("This build of Touchpoint has no window yet. Use "
                "“touchpoint --check FILE” or “touchpoint --export OUT FILE”.\n"));
}

static void
tpt_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  tpt_application_activate (application);
}

static void
tpt_application_class_init (TptApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = tpt_application_handle_local_options;
  app_class->activate = tpt_application_activate;
  app_class->open = tpt_application_open;
}

static void
tpt_application_init (TptApplication *self)
{
  tpt_command_line_add_options (G_APPLICATION (self));
}

TptApplication *
tpt_application_new (void)
{
  return g_object_new (TPT_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_NON_UNIQUE,
                       "resource-base-path", "/io/github/touchpoint/Touchpoint",
                       NULL);
}
