/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* --report, CSV export and survey import: headless, run from
 * GApplication::handle-local-options through tpt-command-line.c. */

void tpt_report_command_add_options (GApplication *application);
int  tpt_report_command_run         (GVariantDict *options);

G_END_DECLS
