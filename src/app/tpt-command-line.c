/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-command-line"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-command-line.h"
#include "tpt-export.h"
#include "tpt-format.h"
#include "tpt-git-command.h"
#include "tpt-report-command.h"

#include <math.h>

void
tpt_command_line_add_options (GApplication *application)
{
  static const GOptionEntry entries[] = {
    { "check", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Check each FILE, print a summary or the first error, and exit"), NULL },
    { "export", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Export FILE to OUT; the format comes from OUT’s extension "
         "(.pdf .svg .png .touchpoint)"),
      N_("OUT") },
    { "artefact", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Export one artefact: a blueprint or a persona by its ID, or cover, personas, "
         "needs-matrix or coverage (for .svg and .png, needed when there are several "
         "blueprints); or slides, the presentation on 16:9 pages (.pdf only)"),
      N_("ID") },
    { "page-size", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("PDF paper size: A4, A3, A2, A1, A0, Letter, Legal, Tabloid, ARCH-C, ARCH-D, "
         "ARCH-E; content is scaled to fit (default: each page fits its content)"),
      N_("NAME") },
    { "landscape", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Turn the --page-size or --poster paper to landscape"), NULL },
    { "poster", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Tile one blueprint over sheets of this paper size for a wall (.pdf): an "
         "assembly page, then labelled sheets with crop and overlap marks"),
      N_("NAME") },
    { "scale", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Print scale of a --poster, in percent (default 100)"), N_("PERCENT") },
    { "sheets-wide", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Scale a --poster to span N sheets across, instead of --scale"), N_("N") },
    { "overlap", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Strip that neighbouring --poster sheets share, in millimetres (default 10)"),
      N_("MM") },
    { "dpi", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Resolution of a .png export, 10 to 1200 (default 96)"), N_("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Colours of a .pdf, .svg or .png export: light, dark, print or projector "
         "(default light)"),
      N_("NAME") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, NULL, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_application_add_main_option_entries (application, entries);
  tpt_git_command_add_options (application);
  tpt_report_command_add_options (application);
  g_application_set_option_context_summary (application,
                                            _("Touchpoint — service blueprints, personas and needs"));
}

/* Prints "FILE:LINE: message", the form editors and compilers use, so that
 * a designer's editor can jump to the problem. */
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
run_check (const char * const *files)
{
  int status = EXIT_SUCCESS;

  if (files == NULL || files[0] == NULL)
    {
      g_printerr (_("touchpoint: --check needs at least one FILE\n"));
      return 2;
    }

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (files[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(TptDocument) document = tpt_document_load_file (file, NULL, &error);

      if (document == NULL)
        {
          print_error (files[i], error);
          status = EXIT_FAILURE;
        }
      else
        {
          g_autofree char *summary = tpt_document_summarize (document);

          g_print ("%s: %s\n", files[i], summary);
          /* A merge's conflicts are left to settle: the file is not done. */
          if (tpt_git_command_report_conflicts (files[i], document) > 0)
            status = EXIT_FAILURE;
        }
    }

  return status;
}

/* Reads a number option; a bad one gets a message naming it. */
static gboolean
parse_number (GVariantDict *options,
              const char   *name,
              double        min,
              double        max,
              double       *value)
{
  const char *text = NULL;
  char *end = NULL;
  double number;

  if (!g_variant_dict_lookup (options, name, "&s", &text))
    return TRUE;

  number = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !(number >= min && number <= max))
    {
      g_printerr (_("touchpoint: --%s must be a number from %g to %g, not “%s”\n"),
                  name, min, max, text);
      return FALSE;
    }

  *value = number;
  return TRUE;
}

static gboolean
parse_poster_options (GVariantDict     *options,
                      TptExportOptions *export_options)
{
  double sheets = 0;

  g_variant_dict_lookup (options, "poster", "&s", &export_options->poster);
  if (export_options->poster == NULL &&
      (g_variant_dict_contains (options, "scale") ||
       g_variant_dict_contains (options, "sheets-wide") ||
       g_variant_dict_contains (options, "overlap")))
    {
      g_printerr (_("touchpoint: --scale, --sheets-wide and --overlap need --poster\n"));
      return FALSE;
    }

  if (!parse_number (options, "scale", 1, 1000, &export_options->poster_scale) ||
      !parse_number (options, "sheets-wide", 1, 100, &sheets) ||
      !parse_number (options, "overlap", 0, 100, &export_options->overlap_mm))
    return FALSE;
  if (sheets != floor (sheets))
    {
      g_printerr (_("touchpoint: --sheets-wide must be a whole number\n"));
      return FALSE;
    }
  export_options->sheets_wide = (guint) sheets;

  return TRUE;
}

/* Reads the drawing options into @export_options; a bad value gets a
 * message and FALSE, and the caller exits with status 2. */
static gboolean
parse_render_options (GVariantDict     *options,
                      TptExportOptions *export_options)
{
  const char *dpi = NULL;
  const char *theme = NULL;

  g_variant_dict_lookup (options, "artefact", "&s", &export_options->artefact);
  g_variant_dict_lookup (options, "blueprint", "&s", &export_options->blueprint);
  g_variant_dict_lookup (options, "persona", "&s", &export_options->persona);
  g_variant_dict_lookup (options, "segment", "&s", &export_options->segment);
  g_variant_dict_lookup (options, "page-size", "&s", &export_options->page_size);
  g_variant_dict_lookup (options, "landscape", "b", &export_options->landscape);
  g_variant_dict_lookup (options, "theme", "&s", &theme);
  g_variant_dict_lookup (options, "dpi", "&s", &dpi);

  if (theme != NULL && !tpt_theme_kind_from_name (theme, &export_options->theme))
    {
      g_printerr (_("touchpoint: unknown theme “%s”; use light, dark, print or projector\n"),
                  theme);
      return FALSE;
    }

  if (!parse_poster_options (options, export_options))
    return FALSE;

  if (dpi != NULL)
    {
      guint64 value;

      if (export_options->format != TPT_EXPORT_PNG)
        {
          g_printerr (_("touchpoint: --dpi applies to .png exports only\n"));
          return FALSE;
        }
      if (!g_ascii_string_to_unsigned (dpi, 10, TPT_EXPORT_MIN_DPI, TPT_EXPORT_MAX_DPI,
                                       &value, NULL))
        {
          g_printerr (_("touchpoint: --dpi must be a whole number from %d to %d, not “%s”\n"),
                      TPT_EXPORT_MIN_DPI, TPT_EXPORT_MAX_DPI, dpi);
          return FALSE;
        }
      export_options->dpi = (double) value;
    }

  return TRUE;
}

static gboolean
has_render_options (GVariantDict *options)
{
  static const char * const names[] = {
    "artefact", "page-size", "landscape", "dpi", "theme", "poster", "scale", "sheets-wide",
    "overlap", "blueprint", "persona", "segment", "changes-since",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_variant_dict_contains (options, names[i]))
      return TRUE;

  return FALSE;
}

static int
run_export (const char          *out,
            const char * const  *files,
            GVariantDict        *options)
{
  g_autoptr(GFile) in_file = NULL;
  g_autoptr(GFile) out_file = NULL;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(TptDocument) since = NULL;
  g_autofree char *since_name = NULL;
  g_autoptr(GError) error = NULL;
  TptExportOptions export_options;
  gboolean drawing;

  if (files == NULL || files[0] == NULL || files[1] != NULL)
    {
      g_printerr (_("touchpoint: --export OUT needs exactly one FILE to export\n"));
      return 2;
    }

  tpt_export_options_init (&export_options);
  drawing = tpt_export_format_for_path (out, &export_options.format);
  if (!drawing && !g_str_has_suffix (out, ".touchpoint"))
    {
      g_autofree char *base = g_path_get_basename (out);
      const char *dot = strrchr (base, '.');

      g_printerr (_("touchpoint: cannot export to “%s”: unknown format “%s” "
                    "(use .pdf, .svg, .png or .touchpoint)\n"),
                  out, dot != NULL ? dot : base);
      return 2;
    }
  if (!drawing && has_render_options (options))
    {
      g_printerr (_("touchpoint: drawing options (--artefact, --page-size, --poster, --dpi, "
                    "--theme…) apply to .pdf, .svg and .png exports\n"));
      return 2;
    }
  if (drawing && !parse_render_options (options, &export_options))
    return 2;
  if (drawing &&
      !tpt_git_command_load_changes_since (options, &export_options, &since, &since_name))
    return 2;

  in_file = g_file_new_for_commandline_arg (files[0]);
  document = tpt_document_load_file (in_file, NULL, &error);
  if (document == NULL)
    {
      print_error (files[0], error);
      return EXIT_FAILURE;
    }

  /* Both ways of writing put the data in a temporary file and rename it
   * over OUT, so OUT is either untouched or complete. */
  out_file = g_file_new_for_commandline_arg (out);
  if (drawing)
    {
      if (!tpt_export (document, out_file, &export_options, NULL, &error))
        {
          /* Options that do not fit the document are usage errors. */
          gboolean usage = g_error_matches (error, TPT_EXPORT_ERROR,
                                            TPT_EXPORT_ERROR_BAD_OPTION) ||
                           g_error_matches (error, TPT_EXPORT_ERROR,
                                            TPT_EXPORT_ERROR_NO_ARTEFACT) ||
                           g_error_matches (error, TPT_EXPORT_ERROR,
                                            TPT_EXPORT_ERROR_TOO_LARGE);

          g_printerr ("touchpoint: %s: %s\n", out, error->message);
          return usage ? 2 : EXIT_FAILURE;
        }
    }
  else if (!tpt_document_save_file (document, out_file, &error))
    {
      g_printerr ("%s: %s\n", out, error->message);
      return EXIT_FAILURE;
    }

  g_print (_("Exported %s to %s\n"), files[0], out);
  return EXIT_SUCCESS;
}

/*
 * tpt_command_line_run:
 * @options: the parsed options
 *
 * Returns: an exit status, or -1 if no headless option was given and the
 *   application should go on to open its windows
 */
int
tpt_command_line_run (GVariantDict *options)
{
  g_autofree const char **files = NULL;
  const char *out = NULL;
  gboolean check = FALSE;

  int status = tpt_report_command_run (options);

  /* --report, survey import and .csv exports. */
  if (status >= 0)
    return status;

  g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &files);
  g_variant_dict_lookup (options, "check", "b", &check);
  g_variant_dict_lookup (options, "export", "^&ay", &out);

  if (check && out != NULL)
    {
      g_printerr (_("touchpoint: --check and --export cannot be used together\n"));
      return 2;
    }

  if ((check || out != NULL) && tpt_git_command_is_requested (options))
    {
      g_printerr (_("touchpoint: --check and --export go alone, without --diff, --merge, "
                    "--config-git or --outline\n"));
      return 2;
    }

  /* --diff, --merge, --config-git and --outline. */
  status = tpt_git_command_run (options, files);
  if (status >= 0)
    return status;

  if (out == NULL && has_render_options (options))
    {
      g_printerr (_("touchpoint: drawing options (--artefact, --page-size, --poster, --dpi, "
                    "--theme…) need --export\n"));
      return 2;
    }

  if (check)
    return run_check (files);
  if (out != NULL)
    return run_export (out, files, options);

  return -1;
}
