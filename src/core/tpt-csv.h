/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

/**
 * TPT_CSV_MAX_BYTES:
 *
 * The largest CSV file read: 20 MiB, far more than a survey of a hundred
 * thousand respondents.
 */
#define TPT_CSV_MAX_BYTES (20 * 1024 * 1024)

/**
 * TPT_CSV_MAX_FIELDS:
 *
 * The most fields a CSV row may have.
 */
#define TPT_CSV_MAX_FIELDS 4096

/**
 * TptCsvRow:
 * @fields: (array zero-terminated=1): the fields, unquoted
 * @n_fields: how many
 * @line: the line of the file the row starts on, from 1
 *
 * One record of a CSV file.
 */
typedef struct
{
  char  **fields;
  guint   n_fields;
  int     line;
} TptCsvRow;

/**
 * TptCsvTable:
 * @TPT_CSV_CARDS: every card of every blueprint, with its place and metric
 * @TPT_CSV_NEEDS: every need, its importance and the cards serving it in
 *   each blueprint
 * @TPT_CSV_RATINGS: every rating of the needs matrix, with its opportunity
 *
 * What tpt_csv_export() writes.
 */
typedef enum
{
  TPT_CSV_CARDS,
  TPT_CSV_NEEDS,
  TPT_CSV_RATINGS,
} TptCsvTable;

GPtrArray *tpt_csv_parse              (const char   *data,
                                       gsize         length,
                                       GError      **error);
void       tpt_csv_append_row         (GString      *out,
                                       const char  *const *fields,
                                       guint         n_fields);
gboolean   tpt_csv_table_from_name    (const char   *name,
                                       TptCsvTable  *table);
GBytes    *tpt_csv_export             (TptDocument  *document,
                                       TptCsvTable   table);
gboolean   tpt_csv_export_file        (TptDocument  *document,
                                       TptCsvTable   table,
                                       GFile        *file,
                                       GError      **error);

G_END_DECLS
