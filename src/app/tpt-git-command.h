/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tpt-document.h"
#include "tpt-export.h"

G_BEGIN_DECLS

/* The command line for teams that keep documents in git: --diff, --merge,
 * --config-git, and what git calls (--git-diff-driver, --outline). Like
 * the rest of the command line it runs in handle-local-options, before any
 * display is opened. */

void  tpt_git_command_add_options      (GApplication       *application);
int   tpt_git_command_run              (GVariantDict       *options,
                                        const char * const *files);
gboolean tpt_git_command_is_requested  (GVariantDict       *options);
guint tpt_git_command_report_conflicts (const char         *path,
                                        TptDocument        *document);
gboolean tpt_git_command_load_changes_since (GVariantDict     *options,
                                             TptExportOptions *export_options,
                                             TptDocument     **since,
                                             char            **since_name);

G_END_DECLS
