/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TPT_TYPE_APPLICATION (tpt_application_get_type ())

G_DECLARE_FINAL_TYPE (TptApplication, tpt_application, TPT, APPLICATION, AdwApplication)

TptApplication *tpt_application_new (void);

G_END_DECLS
