/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

/* Helpers shared by the core tests. */

char     *tpt_test_dump               (TptDocument *document,
                                       gboolean     identity);
void      tpt_test_check_integrity    (TptDocument *document);
void      tpt_test_set_context        (const char  *context);
char     *tpt_test_first_difference   (const char  *a,
                                       const char  *b);

/* Records a GListModel's items-changed as "(position,removed,added)". */
typedef struct
{
  GListModel *model;
  GString    *log;
  gulong      handler;
} TptTestListLog;

void      tpt_test_list_log_start     (TptTestListLog *self,
                                       GListModel     *model);
char     *tpt_test_list_log_take      (TptTestListLog *self);
void      tpt_test_list_log_stop      (TptTestListLog *self);

G_END_DECLS
