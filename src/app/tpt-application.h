/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define TPT_TYPE_APPLICATION (tpt_application_get_type ())

G_DECLARE_FINAL_TYPE (TptApplication, tpt_application, TPT, APPLICATION, AdwApplication)

typedef struct _TptWindow TptWindow;

TptApplication *tpt_application_new              (void);
TptWindow      *tpt_application_open_file        (TptApplication *self,
                                                  GFile          *file);
void            tpt_application_open_file_async  (TptApplication *self,
                                                  GFile          *file);
void            tpt_application_add_recent       (TptApplication *self,
                                                  GFile          *file);
GMenuModel     *tpt_application_get_recent_menu  (TptApplication *self);
void            tpt_application_offer_recovery   (TptApplication *self);

G_END_DECLS
