/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include <adwaita.h>

#include "tpt-document.h"

G_BEGIN_DECLS

#define TPT_TYPE_SURVEY_DIALOG (tpt_survey_dialog_get_type ())

G_DECLARE_FINAL_TYPE (TptSurveyDialog, tpt_survey_dialog, TPT, SURVEY_DIALOG, AdwWindow)

TptSurveyDialog *tpt_survey_dialog_new        (GtkWindow       *parent,
                                               TptDocument     *document,
                                               GFile           *survey_file);
void             tpt_survey_dialog_choose     (GtkWindow       *parent,
                                               TptDocument     *document,
                                               GFile           *document_file);
gboolean         tpt_survey_dialog_can_import (TptSurveyDialog *self);
const char      *tpt_survey_dialog_get_summary (TptSurveyDialog *self);

G_END_DECLS
