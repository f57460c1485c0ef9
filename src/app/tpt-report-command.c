/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-report-command"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-report-command.h"

#include "tpt-csv.h"
#include "tpt-format.h"
#include "tpt-report.h"
#include "tpt-survey.h"

#include <stdio.h>

/* The analysis half of the command line, headless like the rest of it:
 *
 *   touchpoint --report [--format text|json] FILE…
 *   touchpoint --export OUT.csv --artefact cards|needs|ratings FILE
 *   touchpoint --import-survey SURVEY.csv --survey-scale 0-10|1-5
 *              [--aggregate mean|top2] [--export OUT.touchpoint] FILE
 *
 * An import without --export only says what it would do. */

void
tpt_report_command_add_options (GApplication *application)
{
  static const GOptionEntry entries[] = {
    { "report", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print each FILE’s journey numbers, metrics, coverage and case for change, and exit"),
      NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Format of --report: text or json (default text)"), N_("FORMAT") },
    { "blueprint", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --artefact needs-matrix, coverage or case-for-change: the blueprint it is "
         "for, by its ID"),
      N_("ID") },
    { "persona", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --artefact needs-matrix or coverage: only this persona’s needs and cards, by "
         "its ID"),
      N_("ID") },
    { "segment", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("With --artefact needs-matrix or coverage: only the needs and cards of this "
         "segment’s personas"),
      N_("NAME") },
    { "import-survey", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Compute FILE’s ratings from a CSV of survey responses; save them with --export "
         "OUT.touchpoint"),
      N_("CSV") },
    { "survey-scale", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Scale of the survey’s answers: 0-10 or 1-5"), N_("SCALE") },
    { "aggregate", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("How answers make a rating: mean or top2, the share in the top two boxes "
         "(default mean)"),
      N_("HOW") },
    { NULL }
  };

  g_application_add_main_option_entries (application, entries);
}

static void
print_error (const char   *path,
             const GError *error)
{
  int line = tpt_error_get_line (error);

  if (line > 0)
    g_printerr ("%s:%d: %s\n", path, line, error->message);
  else
    g_printerr ("%s: %s\n", path, error->message);
}

static int
run_report (const char * const *files,
            const char         *format)
{
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean json;
  int status = EXIT_SUCCESS;

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("touchpoint: --report needs at least one FILE\n"));
      return 2;
    }
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "json"))
    {
      g_printerr (_("touchpoint: unknown --format “%s”; use text or json\n"), format);
      return 2;
    }
  json = g_strcmp0 (format, "json") == 0;

  if (json)
    g_string_append_printf (out, "{\"format\":%d,\"files\":[", TPT_REPORT_FORMAT);
  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(TptDocument) document = tpt_document_load_file (file, NULL, &error);

      if (json && i > 0)
        g_string_append_c (out, ',');
      if (document == NULL)
        {
          status = EXIT_FAILURE;
          print_error (files[i], error);
          if (json)
            tpt_report_append_json_error (out, files[i], error);
          continue;
        }
      if (json)
        tpt_report_append_json (out, document, files[i]);
      else
        {
          if (i > 0)
            g_string_append_c (out, '\n');
          tpt_report_append_text (out, document, files[i]);
        }
    }
  if (json)
    g_string_append (out, "]}\n");

  /* The report is UTF-8 whatever the locale; g_print would convert it. */
  fwrite (out->str, 1, out->len, stdout);
  fflush (stdout);
  return status;
}

static int
run_csv_export (const char          *out,
                const char * const  *files,
                GVariantDict        *options)
{
  static const char * const drawing[] = {
    "page-size", "landscape", "dpi", "theme", "poster", "scale", "sheets-wide", "overlap",
    "blueprint", "persona", "segment",
  };
  g_autoptr(GFile) in_file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const char *artefact = NULL;
  TptCsvTable table;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("touchpoint: --export OUT needs exactly one FILE to export\n"));
      return 2;
    }
  for (guint i = 0; i < G_N_ELEMENTS (drawing); i++)
    if (g_variant_dict_contains (options, drawing[i]))
      {
        g_printerr (_("touchpoint: --%s does not apply to a .csv export\n"), drawing[i]);
        return 2;
      }
  g_variant_dict_lookup (options, "artefact", "&s", &artefact);
  if (!tpt_csv_table_from_name (artefact, &table))
    {
      g_printerr (_("touchpoint: a .csv export needs --artefact cards, needs or ratings\n"));
      return 2;
    }

  in_file = g_file_new_for_commandline_arg (files[0]);
  document = tpt_document_load_file (in_file, NULL, &error);
  if (document == NULL)
    {
      print_error (files[0], error);
      return EXIT_FAILURE;
    }

  out_file = g_file_new_for_commandline_arg (out);
  if (!tpt_csv_export_file (document, table, out_file, &error))
    {
      g_printerr ("%s: %s\n", out, error->message);
      return EXIT_FAILURE;
    }

  g_print (_("Exported %s to %s\n"), files[0], out);
  return EXIT_SUCCESS;
}

static int
run_import_survey (const char          *survey_path,
                   const char          *out,
                   const char * const  *files,
                   GVariantDict        *options)
{
  g_autoptr(GFile) in_file = NULL;
  g_autoptr(GFile) survey_file = NULL;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(TptSurvey) survey = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  const char *scale_name = NULL;
  const char *aggregate_name = NULL;
  TptSurveyScale scale;
  TptSurveyAggregate aggregate = TPT_SURVEY_MEAN;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("touchpoint: --import-survey needs exactly one FILE to rate\n"));
      return 2;
    }
  g_variant_dict_lookup (options, "survey-scale", "&s", &scale_name);
  g_variant_dict_lookup (options, "aggregate", "&s", &aggregate_name);
  if (!tpt_survey_scale_from_name (scale_name, &scale))
    {
      g_printerr (_("touchpoint: --import-survey needs --survey-scale 0-10 or 1-5, the scale "
                    "the answers are on\n"));
      return 2;
    }
  if (aggregate_name != NULL && !tpt_survey_aggregate_from_name (aggregate_name, &aggregate))
    {
      g_printerr (_("touchpoint: unknown --aggregate “%s”; use mean or top2\n"), aggregate_name);
      return 2;
    }
  if (out != NULL && !g_str_has_suffix (out, ".touchpoint"))
    {
      g_printerr (_("touchpoint: the survey’s ratings are saved in a document; export to "
                    "OUT.touchpoint\n"));
      return 2;
    }

  in_file = g_file_new_for_commandline_arg (files[0]);
  document = tpt_document_load_file (in_file, NULL, &error);
  if (document == NULL)
    {
      print_error (files[0], error);
      return EXIT_FAILURE;
    }

  survey_file = g_file_new_for_commandline_arg (survey_path);
  survey = tpt_survey_new_from_file (document, survey_file, scale, aggregate, NULL, &error);
  if (survey == NULL)
    {
      print_error (survey_path, error);
      return EXIT_FAILURE;
    }

  summary = tpt_survey_summarize (survey);
  g_print ("%s\n", summary);
  if (out == NULL)
    {
      g_print (_("Nothing saved: add --export OUT.touchpoint to save the ratings.\n"));
      return EXIT_SUCCESS;
    }

  tpt_survey_apply (survey);
  {
    g_autoptr(GFile) out_file = g_file_new_for_commandline_arg (out);

    if (!tpt_document_save_file (document, out_file, &error))
      {
        g_printerr ("%s: %s\n", out, error->message);
        return EXIT_FAILURE;
      }
  }
  g_print (_("Saved the ratings in %s\n"), out);
  return EXIT_SUCCESS;
}

/*
 * tpt_report_command_run:
 * @options: the parsed options
 *
 * Returns: an exit status, or -1 when none of the options is this file's
 *   and the rest of the command line goes on
 */
int
tpt_report_command_run (GVariantDict *options)
{
  g_autofree const char **files = NULL;
  const char *out = NULL;
  const char *survey = NULL;
  const char *format = NULL;
  gboolean report = FALSE;
  gboolean check = FALSE;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "report", "b", &report);
  g_variant_dict_lookup (options, "check", "b", &check);
  g_variant_dict_lookup (options, "export", "^&ay", &out);
  g_variant_dict_lookup (options, "import-survey", "^&ay", &survey);
  g_variant_dict_lookup (options, "format", "&s", &format);

  if ((report && (check || out != NULL || survey != NULL)) || (survey != NULL && check))
    {
      g_printerr (_("touchpoint: --report, --import-survey and --check each run alone\n"));
      return 2;
    }
  if (format != NULL && !report)
    {
      g_printerr (_("touchpoint: --format applies to --report\n"));
      return 2;
    }
  if (!survey && (g_variant_dict_contains (options, "survey-scale") ||
                  g_variant_dict_contains (options, "aggregate")))
    {
      g_printerr (_("touchpoint: --survey-scale and --aggregate need --import-survey\n"));
      return 2;
    }

  if (report)
    return run_report (files, format);
  if (survey != NULL)
    return run_import_survey (survey, out, files, options);
  if (out != NULL && g_str_has_suffix (out, ".csv"))
    return run_csv_export (out, files, options);

  return -1;
}
