/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tpt-document.h"
#include "tpt-persona.h"

G_BEGIN_DECLS

/* Photos from files, for the inspector and the persona gallery: checked,
 * scaled down and embedded as one undo step, or refused with a message. */

/* The longest side an embedded photo keeps, in pixels. */
#define TPT_PHOTO_IMPORT_MAX_SIDE 800

gboolean tpt_photo_import_file   (TptDocument  *document,
                                  TptPersona   *persona,
                                  GFile        *file,
                                  GError      **error);
void     tpt_photo_import_choose (GtkWidget    *parent,
                                  TptDocument  *document,
                                  TptPersona   *persona,
                                  GCallback     done,
                                  gpointer      user_data);
void     tpt_photo_import_remove (TptDocument  *document,
                                  TptPersona   *persona);

G_END_DECLS
