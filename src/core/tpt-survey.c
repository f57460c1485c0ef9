/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-survey"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-survey.h"

#include "tpt-csv.h"
#include "tpt-node-private.h"

#include <string.h>

/* Survey responses in, needs-matrix ratings out. The CSV has one row per
 * respondent and a header row naming the columns:
 *
 *   persona  or  segment       who answered: a persona's id or name, or a
 *                              segment, whose every persona the answers
 *                              count for
 *   importance:NEED            the respondent's importance and satisfaction
 *   satisfaction:NEED          for a need, by its id or its title
 *
 * Other columns (a respondent number, a date) are left alone. An empty
 * answer is no answer. The answers of each persona and need make its
 * rating: their mean, or the share in the top two boxes. A row that names
 * no persona, or answers nothing, is rejected and counted; a file that is
 * not such a table (a missing column, a wrong number of fields, text where
 * an answer goes, an answer off the scale, 100 MB) is an error naming the
 * row, and nothing is imported. */

#define MAX_REJECTIONS_SHOWN 10

typedef struct
{
  TptPersona *persona;      /* owned */
  TptNeed    *need;         /* owned */
  int         importance;   /* -1 when nobody answered */
  int         satisfaction;
} Cell;

struct _TptSurvey
{
  GObject             parent_instance;

  TptDocument        *document;
  TptSurveyScale      scale;
  TptSurveyAggregate  aggregate;
  guint               n_rows;
  guint               n_used;
  guint               n_rejected;
  GPtrArray          *rejections;   /* char *: "Row 7: …" */
  GPtrArray          *ignored;      /* char *: column names */
  GArray             *cells;        /* Cell */
};

G_DEFINE_FINAL_TYPE (TptSurvey, tpt_survey, G_TYPE_OBJECT)

static void
cell_clear (gpointer data)
{
  Cell *cell = data;

  g_clear_object (&cell->persona);
  g_clear_object (&cell->need);
}

static void
tpt_survey_finalize (GObject *object)
{
  TptSurvey *self = TPT_SURVEY (object);

  g_clear_object (&self->document);
  g_clear_pointer (&self->rejections, g_ptr_array_unref);
  g_clear_pointer (&self->ignored, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_array_unref);

  G_OBJECT_CLASS (tpt_survey_parent_class)->finalize (object);
}

static void
tpt_survey_class_init (TptSurveyClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tpt_survey_finalize;
}

static void
tpt_survey_init (TptSurvey *self)
{
  self->rejections = g_ptr_array_new_with_free_func (g_free);
  self->ignored = g_ptr_array_new_with_free_func (g_free);
  self->cells = g_array_new (FALSE, TRUE, sizeof (Cell));
  g_array_set_clear_func (self->cells, cell_clear);
}

/**
 * tpt_survey_scale_from_name:
 * @name: "0-10" or "1-5"
 * @scale: (out): the scale
 *
 * Returns: %TRUE if @name is a scale
 */
gboolean
tpt_survey_scale_from_name (const char     *name,
                            TptSurveyScale *scale)
{
  g_return_val_if_fail (scale != NULL, FALSE);

  if (g_strcmp0 (name, "0-10") == 0)
    *scale = TPT_SURVEY_SCALE_0_10;
  else if (g_strcmp0 (name, "1-5") == 0)
    *scale = TPT_SURVEY_SCALE_1_5;
  else
    return FALSE;
  return TRUE;
}

/**
 * tpt_survey_aggregate_from_name:
 * @name: "mean" or "top2"
 * @aggregate: (out): the aggregation
 *
 * Returns: %TRUE if @name is an aggregation
 */
gboolean
tpt_survey_aggregate_from_name (const char         *name,
                                TptSurveyAggregate *aggregate)
{
  g_return_val_if_fail (aggregate != NULL, FALSE);

  if (g_strcmp0 (name, "mean") == 0)
    *aggregate = TPT_SURVEY_MEAN;
  else if (g_strcmp0 (name, "top2") == 0)
    *aggregate = TPT_SURVEY_TOP_TWO_BOX;
  else
    return FALSE;
  return TRUE;
}

/* A column of answers. */
typedef struct
{
  guint    column;
  TptNeed *need;          /* borrowed from the document */
  gboolean importance;
} Answers;

/* The sums of one persona's answers about one need. */
typedef struct
{
  double sum[2];
  guint  top[2];
  guint  n[2];
} Tally;

static char *
strip (const char *text)
{
  return g_strstrip (g_strdup (text));
}

static TptNeed *
find_need (TptDocument *document,
           const char  *name)
{
  GListModel *needs = tpt_document_get_needs (document);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  TptNeed *need = tpt_document_lookup_typed (document, name, TPT_TYPE_NEED);

  if (need != NULL)
    return need;
  for (guint i = 0; i < g_list_model_get_n_items (needs); i++)
    {
      g_autoptr(TptNeed) each = g_list_model_get_item (needs, i);
      g_autofree char *title = g_utf8_casefold (tpt_need_get_title (each), -1);

      if (g_str_equal (title, folded))
        return each;   /* the list holds it */
    }
  return NULL;
}

/* The personas a row's "persona" or "segment" names. */
static GPtrArray *
find_personas (TptDocument *document,
               const char  *name,
               gboolean     segment)
{
  GListModel *personas = tpt_document_get_personas (document);
  g_autofree char *folded = g_utf8_casefold (name, -1);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(TptPersona) persona = g_list_model_get_item (personas, i);
      g_autofree char *key = g_utf8_casefold (segment ? tpt_persona_get_segment (persona)
                                                      : tpt_persona_get_name (persona), -1);

      /* The document holds the persona; the array borrows it. */
      if (g_str_equal (key, folded) ||
          (!segment && g_strcmp0 (tpt_node_get_id (TPT_NODE (persona)), name) == 0))
        g_ptr_array_add (found, persona);
    }
  return found;
}

/* An answer: a number on the scale, with a point or, as spreadsheets in
 * many languages write it, a comma. */
static gboolean
parse_answer (const char *text,
              double     *value)
{
  g_autofree char *copy = g_strdup (text);
  char *end = NULL;
  char *comma = strchr (copy, ',');

  if (comma != NULL && strchr (comma + 1, ',') == NULL && strchr (copy, '.') == NULL)
    *comma = '.';
  for (const char *p = copy; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '.' && !(p == copy && *p == '-'))
      return FALSE;
  *value = g_ascii_strtod (copy, &end);
  /* Digits and one point only: nothing that is not finite gets here. */
  return end != copy && *end == '\0';
}

static int
aggregate_value (TptSurvey *self,
                 Tally     *tally,
                 guint      kind)
{
  double value;

  if (tally->n[kind] == 0)
    return -1;
  if (self->aggregate == TPT_SURVEY_TOP_TWO_BOX)
    value = 10.0 * tally->top[kind] / tally->n[kind];
  else
    value = tally->sum[kind] / tally->n[kind];
  /* Half up, without libm, which core does not link; value is at least 0. */
  return CLAMP ((int) (value + 0.5), 0, 10);
}

static gboolean
read_survey (TptSurvey  *self,
             GPtrArray  *rows,
             GError    **error)
{
  TptDocument *document = self->document;
  g_autoptr(GArray) answers = g_array_new (FALSE, FALSE, sizeof (Answers));
  g_autoptr(GHashTable) tallies = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                         g_free);
  GListModel *personas = tpt_document_get_personas (document);
  GListModel *needs = tpt_document_get_needs (document);
  guint n_needs = g_list_model_get_n_items (needs);
  TptCsvRow *head;
  int group = -1;
  gboolean segment = FALSE;
  double low = self->scale == TPT_SURVEY_SCALE_1_5 ? 1 : 0;
  double high = self->scale == TPT_SURVEY_SCALE_1_5 ? 5 : 10;
  const char *scale_name = self->scale == TPT_SURVEY_SCALE_1_5 ? "1–5" : "0–10";
  g_autoptr(GHashTable) persona_index = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) need_index = g_hash_table_new (NULL, NULL);

  /* Positions, counted from 1, so that a tally has a key per pair. */
  for (guint p = 0; p < g_list_model_get_n_items (personas); p++)
    {
      g_autoptr(TptPersona) persona = g_list_model_get_item (personas, p);

      g_hash_table_insert (persona_index, persona, GUINT_TO_POINTER (p + 1));
    }
  for (guint n = 0; n < n_needs; n++)
    {
      g_autoptr(TptNeed) need = g_list_model_get_item (needs, n);

      g_hash_table_insert (need_index, need, GUINT_TO_POINTER (n + 1));
    }

  if (rows->len == 0)
    {
      g_set_error_literal (error, TPT_ERROR, TPT_ERROR_INVALID,
                           _("The file is empty; a survey needs a header row and a row per "
                             "respondent"));
      return FALSE;
    }

  /* The header row. */
  head = g_ptr_array_index (rows, 0);
  for (guint c = 0; c < head->n_fields; c++)
    {
      g_autofree char *name = strip (head->fields[c]);
      g_autofree char *lower = g_ascii_strdown (name, -1);
      const char *colon = strchr (name, ':');

      if (g_str_equal (lower, "persona") || g_str_equal (lower, "segment"))
        {
          if (group >= 0)
            {
              GError *e = g_error_new (TPT_ERROR, TPT_ERROR_INVALID,
                                       _("Row 1: there is more than one “persona” or "
                                         "“segment” column"));

              tpt_error_set_line (e, head->line);
              g_propagate_error (error, e);
              return FALSE;
            }
          group = (int) c;
          segment = g_str_equal (lower, "segment");
        }
      else if (colon != NULL && (g_str_has_prefix (lower, "importance:") ||
                                 g_str_has_prefix (lower, "satisfaction:")))
        {
          g_autofree char *need_name = strip (colon + 1);
          Answers column = { c, find_need (document, need_name),
                             g_str_has_prefix (lower, "importance:") };

          if (column.need == NULL)
            {
              GError *e = g_error_new (TPT_ERROR, TPT_ERROR_INVALID,
                                       _("Row 1: column “%s” names no need of this document; "
                                         "use a need's id or its title"), name);

              tpt_error_set_line (e, head->line);
              g_propagate_error (error, e);
              return FALSE;
            }
          for (guint k = 0; k < answers->len; k++)
            {
              Answers *other = &g_array_index (answers, Answers, k);

              if (other->need == column.need && other->importance == column.importance)
                {
                  GError *e = g_error_new (TPT_ERROR, TPT_ERROR_INVALID,
                                           _("Row 1: two columns give the %s of “%s”"),
                                           column.importance ? _("importance")
                                                             : _("satisfaction"),
                                           tpt_need_get_title (column.need));

                  tpt_error_set_line (e, head->line);
                  g_propagate_error (error, e);
                  return FALSE;
                }
            }
          g_array_append_val (answers, column);
        }
      else
        g_ptr_array_add (self->ignored, g_steal_pointer (&name));
    }

  if (group < 0 || answers->len == 0)
    {
      GError *e = g_error_new_literal (TPT_ERROR, TPT_ERROR_INVALID,
                                       group < 0
                                       ? _("Row 1: there is no “persona” or “segment” column "
                                           "saying who answered")
                                       : _("Row 1: there is no answer column; name them "
                                           "“importance:NEED” and “satisfaction:NEED”"));

      tpt_error_set_line (e, head->line);
      g_propagate_error (error, e);
      return FALSE;
    }

  /* A row per respondent. */
  for (guint r = 1; r < rows->len; r++)
    {
      TptCsvRow *row = g_ptr_array_index (rows, r);
      g_autofree char *who = NULL;
      g_autoptr(GPtrArray) matched = NULL;
      g_autofree double *values = NULL;
      guint n_answers = 0;

      /* Blank lines are no respondents. */
      if (row->n_fields == 1 && row->fields[0][0] == '\0')
        continue;
      self->n_rows++;
      if (row->n_fields != head->n_fields)
        {
          GError *e = g_error_new (TPT_ERROR, TPT_ERROR_INVALID,
                                   _("Row %u has %u fields, but the header has %u"), r + 1,
                                   row->n_fields, head->n_fields);

          tpt_error_set_line (e, row->line);
          g_propagate_error (error, e);
          return FALSE;
        }

      values = g_new0 (double, answers->len);
      for (guint k = 0; k < answers->len; k++)
        {
          Answers *column = &g_array_index (answers, Answers, k);
          g_autofree char *text = strip (row->fields[column->column]);

          values[k] = -1;
          if (text[0] == '\0')
            continue;
          if (!parse_answer (text, &values[k]) || values[k] < low || values[k] > high)
            {
              g_autofree char *shown = g_utf8_make_valid (text, MIN (strlen (text), 40));
              g_autofree char *header = strip (head->fields[column->column]);
              GError *e = g_error_new (TPT_ERROR, TPT_ERROR_INVALID,
                                       /* Translators: a row, what it holds, the column, the
                                        * scale, e.g. "Row 4: “high” in “importance:n1” is not
                                        * a number from 0–10". */
                                       _("Row %u: “%s” in “%s” is not a number on the %s "
                                         "scale"),
                                       r + 1, shown, header, scale_name);

              tpt_error_set_line (e, row->line);
              g_propagate_error (error, e);
              return FALSE;
            }
          n_answers++;
        }

      who = strip (row->fields[group]);
      matched = who[0] != '\0' ? find_personas (document, who, segment) : g_ptr_array_new ();
      if (matched->len == 0 || n_answers == 0)
        {
          self->n_rejected++;
          if (who[0] == '\0')
            g_ptr_array_add (self->rejections,
                             g_strdup_printf (segment ? _("Row %u: no segment given")
                                                      : _("Row %u: no persona given"), r + 1));
          else if (matched->len == 0)
            g_ptr_array_add (self->rejections,
                             g_strdup_printf (segment
                                              ? _("Row %u: no persona is in the segment “%s”")
                                              : _("Row %u: there is no persona “%s”"),
                                              r + 1, who));
          else
            g_ptr_array_add (self->rejections,
                             g_strdup_printf (_("Row %u: no answers"), r + 1));
          continue;
        }

      self->n_used++;
      for (guint m = 0; m < matched->len; m++)
        {
          guint p = GPOINTER_TO_UINT (g_hash_table_lookup (persona_index,
                                                           g_ptr_array_index (matched, m))) - 1;

          for (guint k = 0; k < answers->len; k++)
            {
              Answers *column = &g_array_index (answers, Answers, k);
              guint n = GPOINTER_TO_UINT (g_hash_table_lookup (need_index, column->need)) - 1;
              gpointer key;
              Tally *tally;
              guint kind = column->importance ? 0 : 1;
              double mapped;

              if (values[k] < 0)
                continue;
              key = GUINT_TO_POINTER (p * n_needs + n + 1);
              tally = g_hash_table_lookup (tallies, key);
              if (tally == NULL)
                {
                  tally = g_new0 (Tally, 1);
                  g_hash_table_insert (tallies, key, tally);
                }
              mapped = self->scale == TPT_SURVEY_SCALE_1_5 ? (values[k] - 1) * 2.5 : values[k];
              tally->sum[kind] += mapped;
              tally->top[kind] += values[k] >= high - 1;
              tally->n[kind]++;
            }
        }
    }

  /* Cells in the matrix's order: persona by persona, need by need. */
  for (guint p = 0; p < g_list_model_get_n_items (personas); p++)
    for (guint n = 0; n < n_needs; n++)
      {
        Tally *tally = g_hash_table_lookup (tallies, GUINT_TO_POINTER (p * n_needs + n + 1));
        Cell cell;

        if (tally == NULL)
          continue;
        cell.persona = g_list_model_get_item (personas, p);
        cell.need = g_list_model_get_item (needs, n);
        cell.importance = aggregate_value (self, tally, 0);
        cell.satisfaction = aggregate_value (self, tally, 1);
        g_array_append_val (self->cells, cell);
      }

  return TRUE;
}

/**
 * tpt_survey_new_from_data:
 * @document: the document whose needs and personas the survey is about
 * @data: the CSV
 * @length: its length in bytes
 * @scale: the scale of the answers
 * @aggregate: how answers make a rating
 * @error: where to put an error naming the row
 *
 * Reads survey responses and computes the ratings they give, without
 * changing @document; tpt_survey_apply() does that.
 *
 * Returns: (transfer full) (nullable): the survey, or %NULL on error
 */
TptSurvey *
tpt_survey_new_from_data (TptDocument         *document,
                          const char          *data,
                          gsize                length,
                          TptSurveyScale       scale,
                          TptSurveyAggregate   aggregate,
                          GError             **error)
{
  g_autoptr(TptSurvey) self = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  rows = tpt_csv_parse (data, length, error);
  if (rows == NULL)
    return NULL;

  self = g_object_new (TPT_TYPE_SURVEY, NULL);
  self->document = g_object_ref (document);
  self->scale = scale;
  self->aggregate = aggregate;
  if (!read_survey (self, rows, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * tpt_survey_new_from_file:
 * @document: the document whose needs and personas the survey is about
 * @file: a CSV file, at most %TPT_CSV_MAX_BYTES
 * @scale: the scale of the answers
 * @aggregate: how answers make a rating
 * @cancellable: (nullable): a cancellable
 * @error: where to put an error naming the row
 *
 * As tpt_survey_new_from_data(), from a file; one too large is refused
 * before it is read.
 *
 * Returns: (transfer full) (nullable): the survey, or %NULL on error
 */
TptSurvey *
tpt_survey_new_from_file (TptDocument         *document,
                          GFile               *file,
                          TptSurveyScale       scale,
                          TptSurveyAggregate   aggregate,
                          GCancellable        *cancellable,
                          GError             **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local);
  if (info == NULL)
    {
      g_set_error (error, TPT_ERROR, TPT_ERROR_IO, _("Could not read the survey: %s"),
                   local->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error_literal (error, TPT_ERROR, TPT_ERROR_IO,
                           _("Could not read the survey: it is not a file"));
      return NULL;
    }
  if (g_file_info_get_size (info) > TPT_CSV_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *cap = g_format_size (TPT_CSV_MAX_BYTES);

      g_set_error (error, TPT_ERROR, TPT_ERROR_TOO_LARGE,
                   _("The file is %s; a CSV file can be at most %s"), size, cap);
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, &local))
    {
      g_set_error (error, TPT_ERROR, TPT_ERROR_IO, _("Could not read the survey: %s"),
                   local->message);
      return NULL;
    }

  return tpt_survey_new_from_data (document, contents, length, scale, aggregate, error);
}

/**
 * tpt_survey_get_n_rows:
 * @self: a #TptSurvey
 *
 * Returns: the rows of respondents, blank lines aside
 */
guint
tpt_survey_get_n_rows (TptSurvey *self)
{
  g_return_val_if_fail (TPT_IS_SURVEY (self), 0);

  return self->n_rows;
}

/**
 * tpt_survey_get_n_used:
 * @self: a #TptSurvey
 *
 * Returns: the rows whose answers count
 */
guint
tpt_survey_get_n_used (TptSurvey *self)
{
  g_return_val_if_fail (TPT_IS_SURVEY (self), 0);

  return self->n_used;
}

/**
 * tpt_survey_get_n_rejected:
 * @self: a #TptSurvey
 *
 * Returns: the rows left out: naming no persona, or answering nothing
 */
guint
tpt_survey_get_n_rejected (TptSurvey *self)
{
  g_return_val_if_fail (TPT_IS_SURVEY (self), 0);

  return self->n_rejected;
}

/**
 * tpt_survey_get_rejections:
 * @self: a #TptSurvey
 *
 * Returns: (transfer none) (element-type utf8): why each rejected row was,
 *   "Row 7: there is no persona “Bob”"
 */
GPtrArray *
tpt_survey_get_rejections (TptSurvey *self)
{
  g_return_val_if_fail (TPT_IS_SURVEY (self), NULL);

  return self->rejections;
}

/**
 * tpt_survey_get_ignored_columns:
 * @self: a #TptSurvey
 *
 * Returns: (transfer none) (element-type utf8): the columns that are
 *   neither who answered nor answers
 */
GPtrArray *
tpt_survey_get_ignored_columns (TptSurvey *self)
{
  g_return_val_if_fail (TPT_IS_SURVEY (self), NULL);

  return self->ignored;
}

/**
 * tpt_survey_get_n_cells:
 * @self: a #TptSurvey
 *
 * Returns: how many persona and need pairs the answers rate
 */
guint
tpt_survey_get_n_cells (TptSurvey *self)
{
  g_return_val_if_fail (TPT_IS_SURVEY (self), 0);

  return self->cells->len;
}

/**
 * tpt_survey_get_cell:
 * @self: a #TptSurvey
 * @persona: a persona
 * @need: a need
 * @importance: (out) (optional): the importance the answers give, 0–10,
 *   or -1 when nobody answered it
 * @satisfaction: (out) (optional): the satisfaction, likewise
 *
 * Returns: %TRUE if some respondent of @persona answered about @need
 */
gboolean
tpt_survey_get_cell (TptSurvey  *self,
                     TptPersona *persona,
                     TptNeed    *need,
                     int        *importance,
                     int        *satisfaction)
{
  g_return_val_if_fail (TPT_IS_SURVEY (self), FALSE);

  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = &g_array_index (self->cells, Cell, i);

      if (cell->persona != persona || cell->need != need)
        continue;
      if (importance != NULL)
        *importance = cell->importance;
      if (satisfaction != NULL)
        *satisfaction = cell->satisfaction;
      return TRUE;
    }
  return FALSE;
}

/**
 * tpt_survey_summarize:
 * @self: a #TptSurvey
 *
 * Returns: (transfer full): what the survey gives, in a few lines: rows
 *   used and rejected and why, ratings computed, columns ignored
 */
char *
tpt_survey_summarize (TptSurvey *self)
{
  GString *out;

  g_return_val_if_fail (TPT_IS_SURVEY (self), NULL);

  out = g_string_new (NULL);
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "%u row of answers: %u used, %u rejected.",
                                            "%u rows of answers: %u used, %u rejected.",
                                            self->n_rows),
                          self->n_rows, self->n_used, self->n_rejected);
  g_string_append_c (out, '\n');
  g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                            "%u rating computed, as the %s of answers on %s.",
                                            "%u ratings computed, as the %s of answers on %s.",
                                            self->cells->len),
                          self->cells->len,
                          self->aggregate == TPT_SURVEY_MEAN ? _("mean")
                                                             : _("top-two-box share"),
                          self->scale == TPT_SURVEY_SCALE_1_5 ? "1–5" : "0–10");
  for (guint i = 0; i < self->rejections->len && i < MAX_REJECTIONS_SHOWN; i++)
    g_string_append_printf (out, "\n%s", (char *) g_ptr_array_index (self->rejections, i));
  if (self->rejections->len > MAX_REJECTIONS_SHOWN)
    {
      guint rest = self->rejections->len - MAX_REJECTIONS_SHOWN;

      g_string_append_c (out, '\n');
      g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "… and %u more rejected row",
                                                "… and %u more rejected rows", rest), rest);
    }
  if (self->ignored->len > 0)
    {
      g_autoptr(GString) names = g_string_new (NULL);

      for (guint i = 0; i < self->ignored->len; i++)
        g_string_append_printf (names, "%s%s", i > 0 ? ", " : "",
                                (char *) g_ptr_array_index (self->ignored, i));
      g_string_append_c (out, '\n');
      /* Translators: the survey's columns that were not used, e.g. "respondent, date". */
      g_string_append_printf (out, _("Columns not used: %s."), names->str);
    }

  return g_string_free (out, FALSE);
}

/**
 * tpt_survey_apply:
 * @self: a #TptSurvey
 *
 * Sets the ratings the answers give in the document, as one undoable
 * step: each cell that someone answered takes the computed importance
 * and satisfaction; a value nobody answered is left as it was. Personas
 * and needs deleted since the survey was read are skipped.
 */
void
tpt_survey_apply (TptSurvey *self)
{
  g_return_if_fail (TPT_IS_SURVEY (self));

  if (self->cells->len == 0)
    return;

  tpt_document_begin (self->document, _("Import Survey"));
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = &g_array_index (self->cells, Cell, i);
      TptRating *rating;
      int importance = cell->importance;
      int satisfaction = cell->satisfaction;

      if (!tpt_node_is_attached (TPT_NODE (cell->persona)) ||
          !tpt_node_is_attached (TPT_NODE (cell->need)))
        continue;
      rating = tpt_document_get_rating (self->document, cell->persona, cell->need);
      if (importance < 0 && rating != NULL)
        importance = tpt_rating_get_importance (rating);
      if (satisfaction < 0 && rating != NULL)
        satisfaction = tpt_rating_get_satisfaction (rating);
      tpt_document_set_rating (self->document, cell->persona, cell->need, importance,
                               satisfaction);
    }
  tpt_document_end (self->document);
}
