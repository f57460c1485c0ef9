/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <gtk/gtk.h>

#include "tpt-document.h"
#include "tpt-export.h"
#include "tpt-export-plan.h"

G_BEGIN_DECLS

GtkPrintOperation *tpt_print_operation_new_for_document (TptDocument            *document,
                                                         GFile                  *document_file);
GtkPrintOperation *tpt_print_operation_new_for_poster   (TptDocument            *document,
                                                         TptBlueprint           *blueprint,
                                                         const TptExportOptions *options,
                                                         GFile                  *document_file,
                                                         GError                **error);
TptExportPlan     *tpt_print_operation_plan             (GtkPrintOperation      *operation,
                                                         GtkPageSetup           *setup,
                                                         GError                **error);
void               tpt_print_document                   (GtkWindow              *parent,
                                                         TptDocument            *document,
                                                         GFile                  *document_file);
void               tpt_print_poster                     (GtkWindow              *parent,
                                                         TptDocument            *document,
                                                         TptBlueprint           *blueprint,
                                                         const TptExportOptions *options,
                                                         GFile                  *document_file);

G_END_DECLS
