/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The headless half of the command line: what runs in
 * GApplication::handle-local-options, before GTK opens a display. */

void tpt_command_line_add_options (GApplication *application);
int  tpt_command_line_run         (GVariantDict *options);

G_END_DECLS
