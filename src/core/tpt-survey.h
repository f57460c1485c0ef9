/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tpt-document.h"

G_BEGIN_DECLS

/**
 * TptSurveyScale:
 * @TPT_SURVEY_SCALE_0_10: answers from 0 to 10, as the matrix rates
 * @TPT_SURVEY_SCALE_1_5: answers from 1 to 5, mapped onto 0–10
 *
 * The scale a survey's answers are on.
 */
typedef enum
{
  TPT_SURVEY_SCALE_0_10,
  TPT_SURVEY_SCALE_1_5,
} TptSurveyScale;

/**
 * TptSurveyAggregate:
 * @TPT_SURVEY_MEAN: the mean answer, on 0–10, rounded
 * @TPT_SURVEY_TOP_TWO_BOX: the share of respondents giving one of the two
 *   highest answers (9–10, or 4–5), in tenths: 7 means 70 %
 *
 * How a cell's rating is made of its respondents' answers.
 */
typedef enum
{
  TPT_SURVEY_MEAN,
  TPT_SURVEY_TOP_TWO_BOX,
} TptSurveyAggregate;

#define TPT_TYPE_SURVEY (tpt_survey_get_type ())

G_DECLARE_FINAL_TYPE (TptSurvey, tpt_survey, TPT, SURVEY, GObject)

gboolean    tpt_survey_scale_from_name     (const char          *name,
                                            TptSurveyScale      *scale);
gboolean    tpt_survey_aggregate_from_name (const char          *name,
                                            TptSurveyAggregate  *aggregate);

TptSurvey  *tpt_survey_new_from_data       (TptDocument         *document,
                                            const char          *data,
                                            gsize                length,
                                            TptSurveyScale       scale,
                                            TptSurveyAggregate   aggregate,
                                            GError             **error);
TptSurvey  *tpt_survey_new_from_file       (TptDocument         *document,
                                            GFile               *file,
                                            TptSurveyScale       scale,
                                            TptSurveyAggregate   aggregate,
                                            GCancellable        *cancellable,
                                            GError             **error);

guint       tpt_survey_get_n_rows          (TptSurvey           *self);
guint       tpt_survey_get_n_used          (TptSurvey           *self);
guint       tpt_survey_get_n_rejected      (TptSurvey           *self);
GPtrArray  *tpt_survey_get_rejections      (TptSurvey           *self);
GPtrArray  *tpt_survey_get_ignored_columns (TptSurvey           *self);
guint       tpt_survey_get_n_cells         (TptSurvey           *self);
gboolean    tpt_survey_get_cell            (TptSurvey           *self,
                                            TptPersona          *persona,
                                            TptNeed             *need,
                                            int                 *importance,
                                            int                 *satisfaction);
char       *tpt_survey_summarize           (TptSurvey           *self);
void        tpt_survey_apply               (TptSurvey           *self);

G_END_DECLS
