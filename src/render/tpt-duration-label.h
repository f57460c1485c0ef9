/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *tpt_duration_label       (const char *duration);
char *tpt_duration_label_total (gint64      seconds);

G_END_DECLS
