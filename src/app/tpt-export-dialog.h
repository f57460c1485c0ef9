/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "tpt-coverage.h"
#include "tpt-document.h"
#include "tpt-export.h"

G_BEGIN_DECLS

/**
 * TptExportDialogMode:
 * @TPT_EXPORT_DIALOG_EXPORT: export to a file, in any format
 * @TPT_EXPORT_DIALOG_PRINT_POSTER: lay out a wall poster, then print it
 */
typedef enum
{
  TPT_EXPORT_DIALOG_EXPORT,
  TPT_EXPORT_DIALOG_PRINT_POSTER,
} TptExportDialogMode;

#define TPT_TYPE_EXPORT_DIALOG (tpt_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TptExportDialog, tpt_export_dialog, TPT, EXPORT_DIALOG, AdwWindow)

TptExportDialog *tpt_export_dialog_new          (GtkWindow           *parent,
                                                 TptDocument         *document,
                                                 TptBlueprint        *blueprint,
                                                 GFile               *document_file,
                                                 TptExportDialogMode  mode);
void             tpt_export_dialog_get_options  (TptExportDialog     *self,
                                                 TptExportOptions    *options);
char            *tpt_export_dialog_dup_summary  (TptExportDialog     *self);
void             tpt_export_dialog_set_format   (TptExportDialog     *self,
                                                 TptExportFormat      format);
gboolean         tpt_export_dialog_set_content  (TptExportDialog     *self,
                                                 const char          *artefact);
void             tpt_export_dialog_set_poster   (TptExportDialog     *self,
                                                 gboolean             poster);
gboolean         tpt_export_dialog_export_to    (TptExportDialog     *self,
                                                 GFile               *file,
                                                 GError             **error);
guint            tpt_export_dialog_get_n_pages  (TptExportDialog     *self);
void             tpt_export_dialog_set_preview_page (TptExportDialog *self,
                                                     guint            page);
void             tpt_export_dialog_set_filter   (TptExportDialog     *self,
                                                 const TptCoverageFilter *filter);
void             tpt_export_dialog_set_changes_since (TptExportDialog *self,
                                                      TptDocument     *older,
                                                      const char      *name);
void             tpt_export_dialog_draw_preview (TptExportDialog     *self,
                                                 cairo_t             *cr,
                                                 int                  width,
                                                 int                  height);

G_END_DECLS
