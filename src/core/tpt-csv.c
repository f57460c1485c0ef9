/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-csv"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-csv.h"

#include "tpt-coverage.h"
#include "tpt-enum-types.h"
#include "tpt-kpi.h"
#include "tpt-node-private.h"
#include "tpt-safe-replace.h"

#include <string.h>

/* Comma-separated values, as RFC 4180 has them and spreadsheets write
 * them: fields in double quotes may hold the separator, line breaks and
 * quotes (doubled); records end in CRLF, LF or CR; a UTF-8 byte order mark
 * is skipped. Spreadsheets set to a language that writes decimal commas
 * separate fields with semicolons instead, which the first record shows.
 * Reading is strict: a stray quote, a quote left open, text that is not
 * UTF-8 or a NUL is an error naming the row, and nothing is returned. */

static void
row_free (gpointer data)
{
  TptCsvRow *row = data;

  g_strfreev (row->fields);
  g_free (row);
}

static GError *
row_error (int         row,
           int         line,
           const char *format,
           ...) G_GNUC_PRINTF (3, 4);

static GError *
row_error (int         row,
           int         line,
           const char *format,
           ...)
{
  g_autofree char *what = NULL;
  GError *error;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: a CSV row's number, then what is wrong with it. */
  error = g_error_new (TPT_ERROR, TPT_ERROR_INVALID, _("Row %d: %s"), row, what);
  tpt_error_set_line (error, line);
  return error;
}

/* The separator: the one of comma, semicolon and tab the first record
 * (outside quotes) has most of; a comma when it has none. */
static char
guess_separator (const char *p,
                 const char *end)
{
  guint commas = 0, semicolons = 0, tabs = 0;
  gboolean quoted = FALSE;

  for (; p < end; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (quoted)
        continue;
      else if (*p == '\n' || *p == '\r')
        break;
      else if (*p == ',')
        commas++;
      else if (*p == ';')
        semicolons++;
      else if (*p == '\t')
        tabs++;
    }

  if (semicolons > commas && semicolons >= tabs)
    return ';';
  if (tabs > commas && tabs > semicolons)
    return '\t';
  return ',';
}

/**
 * tpt_csv_parse:
 * @data: the file's contents
 * @length: their length in bytes, at most %TPT_CSV_MAX_BYTES
 * @error: where to put an error naming the row (and its line, see
 *   tpt_error_get_line())
 *
 * Returns: (transfer container) (element-type TptCsvRow) (nullable): the
 *   records, or %NULL on error
 */
GPtrArray *
tpt_csv_parse (const char  *data,
               gsize        length,
               GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = data;
  const char *end = data + length;
  int line = 1;
  int row_line = 1;
  char separator;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (length > TPT_CSV_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *cap = g_format_size (TPT_CSV_MAX_BYTES);

      g_set_error (error, TPT_ERROR, TPT_ERROR_TOO_LARGE,
                   _("The file is %s; a CSV file can be at most %s"), size, cap);
      return NULL;
    }

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  separator = guess_separator (p, end);

  while (p < end)
    {
      gboolean quoted = FALSE;
      int field_line = line;
      gboolean end_of_row = FALSE;

      g_string_truncate (field, 0);
      if (*p == '"')
        {
          quoted = TRUE;
          p++;
          for (;;)
            {
              if (p >= end)
                {
                  g_propagate_error (error, row_error (rows->len + 1, field_line,
                                                       _("a quoted field is never closed")));
                  return NULL;
                }
              if (*p == '"')
                {
                  if (p + 1 < end && p[1] == '"')
                    {
                      g_string_append_c (field, '"');
                      p += 2;
                      continue;
                    }
                  p++;
                  break;
                }
              if (*p == '\n' || (*p == '\r' && (p + 1 >= end || p[1] != '\n')))
                line++;
              g_string_append_c (field, *p++);
            }
        }

      /* Unquoted text, or what follows the closing quote. */
      while (p < end && *p != separator && *p != '\n' && *p != '\r')
        {
          if (quoted || *p == '"')
            {
              g_propagate_error (error,
                                 row_error (rows->len + 1, line,
                                            quoted
                                            ? _("there is text after the closing quote of "
                                                "field %u")
                                            : _("field %u has a quote but does not start with "
                                                "one"),
                                            fields->len + 1));
              return NULL;
            }
          g_string_append_c (field, *p++);
        }

      if (memchr (field->str, '\0', field->len) != NULL)
        {
          g_propagate_error (error, row_error (rows->len + 1, line,
                                               _("field %u holds a NUL character"),
                                               fields->len + 1));
          return NULL;
        }
      if (!g_utf8_validate_len (field->str, field->len, NULL))
        {
          g_propagate_error (error, row_error (rows->len + 1, line,
                                               _("field %u is not UTF-8 text; save the file "
                                                 "as CSV UTF-8"), fields->len + 1));
          return NULL;
        }
      if (fields->len >= TPT_CSV_MAX_FIELDS)
        {
          g_propagate_error (error, row_error (rows->len + 1, line,
                                               _("it has more than %d fields"),
                                               TPT_CSV_MAX_FIELDS));
          return NULL;
        }
      g_ptr_array_add (fields, g_strndup (field->str, field->len));

      if (p >= end)
        end_of_row = TRUE;
      else if (*p == separator)
        {
          p++;
          /* A separator at the very end still ends a last, empty field. */
          if (p >= end)
            g_ptr_array_add (fields, g_strdup (""));
          end_of_row = p >= end;
        }
      else
        {
          if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          p++;
          line++;
          end_of_row = TRUE;
        }

      if (end_of_row)
        {
          TptCsvRow *row = g_new0 (TptCsvRow, 1);

          row->n_fields = fields->len;
          row->line = row_line;
          g_ptr_array_add (fields, NULL);
          row->fields = (char **) g_ptr_array_steal (fields, NULL);
          g_ptr_array_add (rows, row);
          fields = g_ptr_array_new_with_free_func (g_free);
          row_line = line;
        }
    }

  return g_steal_pointer (&rows);
}

/* Spreadsheets run a field that starts with one of these as a formula;
 * text from a document is kept text with a leading apostrophe. */
static gboolean
looks_like_formula (const char *text)
{
  return text[0] == '=' || text[0] == '+' || text[0] == '@' || text[0] == '\t' ||
         text[0] == '\r' || (text[0] == '-' && !g_ascii_isdigit (text[1]) && text[1] != '.');
}

static void
append_field (GString    *out,
              const char *text,
              gboolean    is_text)
{
  gboolean quote;

  if (text == NULL)
    text = "";
  quote = strpbrk (text, ",;\"\r\n\t") != NULL || (is_text && looks_like_formula (text)) ||
          (text[0] == ' ' || (text[0] != '\0' && text[strlen (text) - 1] == ' '));
  if (!quote)
    {
      g_string_append (out, text);
      return;
    }

  g_string_append_c (out, '"');
  if (is_text && looks_like_formula (text))
    g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/**
 * tpt_csv_append_row:
 * @out: where to write
 * @fields: (array length=n_fields): the fields; %NULL ones are empty
 * @n_fields: how many
 *
 * Writes one record, comma-separated and ended in CRLF, quoting the fields
 * that need it. Fields that would start a spreadsheet formula ("=", "+",
 * "@", "-" not before a number) get a leading apostrophe.
 */
void
tpt_csv_append_row (GString           *out,
                    const char *const *fields,
                    guint              n_fields)
{
  g_return_if_fail (out != NULL);

  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      append_field (out, fields[i], TRUE);
    }
  g_string_append (out, "\r\n");
}

/**
 * tpt_csv_table_from_name:
 * @name: "cards", "needs" or "ratings"
 * @table: (out): the table
 *
 * Returns: %TRUE if @name is a table tpt_csv_export() writes
 */
gboolean
tpt_csv_table_from_name (const char  *name,
                         TptCsvTable *table)
{
  static const char * const names[] = { "cards", "needs", "ratings" };

  g_return_val_if_fail (table != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (names); i++)
    if (g_str_equal (name, names[i]))
      {
        *table = (TptCsvTable) i;
        return TRUE;
      }
  return FALSE;
}

static char *
join_ids (const char * const *ids)
{
  return g_strjoinv (" ", (char **) ids);
}

static char *
join_titles (TptDocument        *document,
             const char * const *ids,
             gboolean            personas)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      TptNode *node = tpt_document_lookup (document, ids[i]);

      if (node == NULL)
        continue;
      if (out->len > 0)
        g_string_append (out, "; ");
      g_string_append (out, personas && TPT_IS_PERSONA (node)
                            ? tpt_persona_get_name (TPT_PERSONA (node))
                            : TPT_IS_NEED (node) ? tpt_need_get_title (TPT_NEED (node)) : "");
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
nick_or_empty (GType type,
               int   value,
               int   none)
{
  return value == none ? "" : tpt_enum_to_nick (type, value);
}

static void
export_cards (TptDocument *document,
              GString     *out)
{
  static const char * const head[] = {
    "blueprint", "blueprint_title", "state", "stage", "step", "step_title", "lane",
    "lane_title", "lane_kind", "office", "card", "kind", "text", "owner", "channel", "span",
    "serves", "serves_titles", "concerns", "concerns_names", "target", "actual", "unit",
    "direction", "source", "status",
  };
  GListModel *blueprints = tpt_document_get_blueprints (document);

  tpt_csv_append_row (out, head, G_N_ELEMENTS (head));
  for (guint b = 0; b < g_list_model_get_n_items (blueprints); b++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, b);
      GListModel *cards = tpt_blueprint_get_cards (blueprint);

      for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
        {
          g_autoptr(TptCard) card = g_list_model_get_item (cards, i);
          TptLane *lane = tpt_document_lookup_typed (document, tpt_card_get_lane (card),
                                                     TPT_TYPE_LANE);
          TptStep *step = tpt_document_lookup_typed (document, tpt_card_get_step (card),
                                                     TPT_TYPE_STEP);
          TptStage *stage = step != NULL ? tpt_blueprint_get_stage_of (blueprint, step) : NULL;
          g_autofree char *span = g_strdup_printf ("%d", tpt_card_get_span (card));
          g_autofree char *serves = join_ids (tpt_card_get_serves (card));
          g_autofree char *serves_titles = join_titles (document, tpt_card_get_serves (card),
                                                        FALSE);
          g_autofree char *concerns = join_ids (tpt_card_get_concerns (card));
          g_autofree char *concerns_names = join_titles (document, tpt_card_get_concerns (card),
                                                         TRUE);
          gboolean metric = tpt_card_get_kind (card) == TPT_CARD_KIND_METRIC;
          const char *row[] = {
            tpt_node_get_id (TPT_NODE (blueprint)), tpt_blueprint_get_title (blueprint),
            tpt_enum_to_nick (TPT_TYPE_BLUEPRINT_STATE, tpt_blueprint_get_state (blueprint)),
            stage != NULL ? tpt_stage_get_title (stage) : "",
            tpt_card_get_step (card), step != NULL ? tpt_step_get_title (step) : "",
            tpt_card_get_lane (card), lane != NULL ? tpt_lane_get_title (lane) : "",
            lane != NULL ? tpt_enum_to_nick (TPT_TYPE_LANE_KIND, tpt_lane_get_kind (lane)) : "",
            lane != NULL ? nick_or_empty (TPT_TYPE_OFFICE, tpt_lane_get_office (lane),
                                          TPT_OFFICE_NONE) : "",
            tpt_node_get_id (TPT_NODE (card)),
            tpt_enum_to_nick (TPT_TYPE_CARD_KIND, tpt_card_get_kind (card)),
            tpt_card_get_text (card), tpt_card_get_owner (card), tpt_card_get_channel (card),
            span, serves, serves_titles, concerns, concerns_names,
            tpt_card_get_target (card), tpt_card_get_actual (card), tpt_card_get_unit (card),
            nick_or_empty (TPT_TYPE_DIRECTION, tpt_card_get_direction (card),
                           TPT_DIRECTION_NONE),
            nick_or_empty (TPT_TYPE_VOICE, tpt_card_get_source (card), TPT_VOICE_NONE),
            metric ? tpt_kpi_status_to_nick (tpt_kpi_card_status (card)) : "",
          };

          tpt_csv_append_row (out, row, G_N_ELEMENTS (row));
        }
    }
}

static void
export_needs (TptDocument *document,
              GString     *out)
{
  GListModel *needs = tpt_document_get_needs (document);
  GListModel *blueprints = tpt_document_get_blueprints (document);
  guint n_blueprints = g_list_model_get_n_items (blueprints);
  g_autoptr(GPtrArray) head = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (head, g_strdup ("need"));
  g_ptr_array_add (head, g_strdup ("title"));
  g_ptr_array_add (head, g_strdup ("description"));
  g_ptr_array_add (head, g_strdup ("highest_importance"));
  /* A column per blueprint: how many of its cards serve the need. */
  for (guint b = 0; b < n_blueprints; b++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, b);

      g_ptr_array_add (head, g_strdup_printf ("cards_in_%s",
                                              tpt_node_get_id (TPT_NODE (blueprint))));
    }
  tpt_csv_append_row (out, (const char * const *) head->pdata, head->len);

  for (guint i = 0; i < g_list_model_get_n_items (needs); i++)
    {
      g_autoptr(TptNeed) need = g_list_model_get_item (needs, i);
      g_autoptr(GPtrArray) row = g_ptr_array_new_with_free_func (g_free);
      int importance = tpt_coverage_need_importance (document, need);

      g_ptr_array_add (row, g_strdup (tpt_node_get_id (TPT_NODE (need))));
      g_ptr_array_add (row, g_strdup (tpt_need_get_title (need)));
      g_ptr_array_add (row, g_strdup (tpt_need_get_description (need)));
      g_ptr_array_add (row, importance >= 0 ? g_strdup_printf ("%d", importance) : g_strdup (""));
      for (guint b = 0; b < n_blueprints; b++)
        {
          g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, b);
          g_autoptr(GPtrArray) cards = tpt_coverage_cards_serving (document, blueprint, need);

          g_ptr_array_add (row, g_strdup_printf ("%u", cards->len));
        }
      tpt_csv_append_row (out, (const char * const *) row->pdata, row->len);
    }
}

static char *
score (int value)
{
  return value >= 0 ? g_strdup_printf ("%d", value) : g_strdup ("");
}

static void
export_ratings (TptDocument *document,
                GString     *out)
{
  static const char * const head[] = {
    "persona", "persona_name", "segment", "need", "need_title", "importance", "satisfaction",
    "opportunity",
  };
  GListModel *ratings = tpt_document_get_ratings (document);

  tpt_csv_append_row (out, head, G_N_ELEMENTS (head));
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(TptRating) rating = g_list_model_get_item (ratings, i);
      TptPersona *persona = tpt_document_lookup_typed (document, tpt_rating_get_persona (rating),
                                                       TPT_TYPE_PERSONA);
      TptNeed *need = tpt_document_lookup_typed (document, tpt_rating_get_need (rating),
                                                 TPT_TYPE_NEED);
      g_autofree char *importance = score (tpt_rating_get_importance (rating));
      g_autofree char *satisfaction = score (tpt_rating_get_satisfaction (rating));
      g_autofree char *opportunity = score (tpt_rating_get_opportunity (rating));
      const char *row[] = {
        tpt_rating_get_persona (rating), persona != NULL ? tpt_persona_get_name (persona) : "",
        persona != NULL ? tpt_persona_get_segment (persona) : "",
        tpt_rating_get_need (rating), need != NULL ? tpt_need_get_title (need) : "",
        importance, satisfaction, opportunity,
      };

      tpt_csv_append_row (out, row, G_N_ELEMENTS (row));
    }
}

/**
 * tpt_csv_export:
 * @document: a document
 * @table: which table
 *
 * Writes @table as CSV for spreadsheets: UTF-8, a header row of plain
 * column names, comma-separated, CRLF line ends. Unset numbers are empty
 * fields, never 0.
 *
 * Returns: (transfer full): the CSV
 */
GBytes *
tpt_csv_export (TptDocument *document,
                TptCsvTable  table)
{
  GString *out;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  out = g_string_new (NULL);
  switch (table)
    {
    case TPT_CSV_CARDS:
      export_cards (document, out);
      break;
    case TPT_CSV_NEEDS:
      export_needs (document, out);
      break;
    case TPT_CSV_RATINGS:
    default:
      export_ratings (document, out);
      break;
    }

  return g_string_free_to_bytes (out);
}

/**
 * tpt_csv_export_file:
 * @document: a document
 * @table: which table
 * @file: where to write
 * @error: the place for an error
 *
 * Writes tpt_csv_export() to @file atomically: the old file stays whole
 * if writing fails.
 *
 * Returns: %TRUE on success
 */
gboolean
tpt_csv_export_file (TptDocument  *document,
                     TptCsvTable   table,
                     GFile        *file,
                     GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  bytes = tpt_csv_export (document, table);
  /* Not g_file_replace_contents(): after a failed write (a full disk) it
   * still renames the partial file over the old one. */
  if (!tpt_safe_replace_contents (file, &bytes, 1, &local))
    {
      g_set_error (error, TPT_ERROR, TPT_ERROR_IO, _("Could not write the CSV file: %s"),
                   local->message);
      return FALSE;
    }
  return TRUE;
}
