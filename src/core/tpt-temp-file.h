/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void tpt_temp_file_track      (const char *path);
void tpt_temp_file_untrack    (const char *path);
void tpt_temp_file_remove_all (void);
int  tpt_temp_file_make       (char       *tmpl,
                               int         flags,
                               int         mode);

G_END_DECLS
