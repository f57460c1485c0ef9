/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

/**
 * TPT_REPORT_FORMAT:
 *
 * The version of the JSON report's structure (data/touchpoint-report.schema.json).
 * Fields may be added within a version; none is removed or changes meaning.
 */
#define TPT_REPORT_FORMAT 1

void tpt_report_append_text (GString     *out,
                             TptDocument *document,
                             const char  *name);
void tpt_report_append_json (GString     *out,
                             TptDocument *document,
                             const char  *name);
void tpt_report_append_json_error (GString      *out,
                                   const char   *name,
                                   const GError *error);
void tpt_json_append_string (GString     *out,
                             const char  *text);

G_END_DECLS
