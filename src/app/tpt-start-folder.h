/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where file choosers (Open, Save As, Export, the print dialog's Print to
 * File) start: beside the document, not in the working directory. */

GFile *tpt_start_folder_for             (GFile      *document_file);
char  *tpt_start_folder_dup_output_name (GFile      *document_file,
                                         const char *title,
                                         const char *extension);

G_END_DECLS
