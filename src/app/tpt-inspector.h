/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "tpt-document.h"

G_BEGIN_DECLS

#define TPT_TYPE_INSPECTOR (tpt_inspector_get_type ())

G_DECLARE_FINAL_TYPE (TptInspector, tpt_inspector, TPT, INSPECTOR, GtkWidget)

GtkWidget   *tpt_inspector_new          (void);
void         tpt_inspector_set_document (TptInspector *self,
                                         TptDocument  *document);
TptNode     *tpt_inspector_get_node     (TptInspector *self);
void         tpt_inspector_set_node     (TptInspector *self,
                                         TptNode      *node);
GtkWidget   *tpt_inspector_get_editor   (TptInspector *self,
                                         const char   *field);
gboolean     tpt_inspector_commit_text  (TptInspector *self,
                                         const char   *field,
                                         const char   *text,
                                         GError      **error);
gboolean     tpt_inspector_set_photo_from_file (TptInspector  *self,
                                                GFile         *file,
                                                GError       **error);
void         tpt_inspector_add_fact     (TptInspector *self);

G_END_DECLS
