/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "tpt-document.h"
#include "tpt-pages.h"
#include "tpt-selection.h"
#include "tpt-recovery.h"

G_BEGIN_DECLS

#define TPT_TYPE_WINDOW (tpt_window_get_type ())

G_DECLARE_FINAL_TYPE (TptWindow, tpt_window, TPT, WINDOW, AdwApplicationWindow)

TptWindow   *tpt_window_new              (GtkApplication *application,
                                          TptDocument    *document,
                                          GFile          *file);
TptDocument *tpt_window_get_document     (TptWindow      *self);
GFile       *tpt_window_get_file         (TptWindow      *self);
char        *tpt_window_dup_display_name (TptWindow      *self);
gboolean     tpt_window_is_pristine      (TptWindow      *self);
gboolean     tpt_window_save_to          (TptWindow      *self,
                                          GFile          *file,
                                          GError        **error);
gboolean     tpt_window_reload           (TptWindow      *self,
                                          GError        **error);
void         tpt_window_replace_document (TptWindow      *self,
                                          TptDocument    *document,
                                          GFile          *file);
void         tpt_window_adopt_recovery   (TptWindow        *self,
                                          TptRecoveryEntry *entry);
void         tpt_window_discard_recovery (TptWindow      *self);
void         tpt_window_flush_recovery   (TptWindow      *self);
void         tpt_window_select           (TptWindow      *self,
                                          TptNode        *node);
TptSelection *tpt_window_get_selection   (TptWindow      *self);
TptPages    *tpt_window_get_pages        (TptWindow      *self);
void         tpt_window_show_toast       (TptWindow      *self,
                                          const char     *title,
                                          gboolean        undoable);

G_END_DECLS
