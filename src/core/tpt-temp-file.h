/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void tpt_temp_file_track      (const char *path);
void tpt_temp_file_untrack    (const char *path);
void tpt_temp_file_remove_all (void);

G_END_DECLS
