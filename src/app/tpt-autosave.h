/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gio/gio.h>

#include "tpt-document.h"
#include "tpt-recovery.h"

G_BEGIN_DECLS

#define TPT_TYPE_AUTOSAVE (tpt_autosave_get_type ())

G_DECLARE_FINAL_TYPE (TptAutosave, tpt_autosave, TPT, AUTOSAVE, GObject)

TptAutosave *tpt_autosave_new         (TptDocument      *document,
                                       GFile            *directory);
guint        tpt_autosave_get_delay   (TptAutosave      *self);
void         tpt_autosave_set_delay   (TptAutosave      *self,
                                       guint             seconds);
void         tpt_autosave_set_file    (TptAutosave      *self,
                                       GFile            *file);
void         tpt_autosave_adopt       (TptAutosave      *self,
                                       TptRecoveryEntry *entry);
gboolean     tpt_autosave_flush       (TptAutosave      *self,
                                       GError          **error);
GFile       *tpt_autosave_get_copy    (TptAutosave      *self);
void         tpt_autosave_saved       (TptAutosave      *self);
void         tpt_autosave_discard     (TptAutosave      *self);

G_END_DECLS
