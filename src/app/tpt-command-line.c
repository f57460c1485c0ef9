/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-command-line"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-command-line.h"
#include "tpt-export.h"
#include "tpt-format.h"
#include "tpt-git-command.h"
#include "tpt-report-command.h"
#include "tpt-temp-file.h"

#include <glib/gstdio.h>
#include <math.h>
#include <signal.h>

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
         "ARCH-E, or fit for pages sized to their content; what would print below 5 pt is "
         "split over pages (default: A4 landscape for the whole document, fit for one "
         "artefact)"),
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
    { "poster-width", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Scale a --poster to a finished width, such as 2000mm, 150cm or 2m, instead of "
         "--scale"), N_("WIDTH") },
    { "overlap", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Strip that neighbouring --poster sheets share, in millimetres (default 10)"),
      N_("MM") },
    { "sheets", 0, 0, G_OPTION_ARG_STRING, NULL,
      N_("Print only these sheets of a --poster, such as B2,C3 (to reprint them)"),
      N_("LIST") },
    { "no-marks", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Leave the crop marks and overlap ticks off --poster sheets"), NULL },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Leave the background of a .png export transparent"), NULL },
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

/* A length with its unit, such as 2000mm, 150cm or 2m, in millimetres. */
static gboolean
parse_length (GVariantDict *options,
              const char   *name,
              double       *mm)
{
  static const struct { const char *unit; double mm; } units[] = {
    { "mm", 1 }, { "cm", 10 }, { "m", 1000 }, { "in", 25.4 },
  };
  const char *text = NULL;
  char *end = NULL;
  double number;

  if (!g_variant_dict_lookup (options, name, "&s", &text))
    return TRUE;

  number = g_ascii_strtod (text, &end);
  for (guint i = 0; end != text && i < G_N_ELEMENTS (units); i++)
    if (g_ascii_strcasecmp (g_strstrip (end), units[i].unit) == 0 && number > 0 &&
        number * units[i].mm <= 100000)
      {
        *mm = number * units[i].mm;
        return TRUE;
      }

  g_printerr (_("touchpoint: --%s must be a length up to 100 m with its unit, such as "
                "2000mm, 150cm or 2m, not “%s”\n"), name, text);
  return FALSE;
}

static gboolean
parse_poster_options (GVariantDict     *options,
                      TptExportOptions *export_options)
{
  static const char * const poster_only[] = {
    "scale", "sheets-wide", "poster-width", "overlap", "sheets", "no-marks",
  };
  double sheets = 0;
  guint sizes = 0;

  g_variant_dict_lookup (options, "poster", "&s", &export_options->poster);
  for (guint i = 0; export_options->poster == NULL && i < G_N_ELEMENTS (poster_only); i++)
    if (g_variant_dict_contains (options, poster_only[i]))
      {
        g_printerr (_("touchpoint: --%s needs --poster\n"), poster_only[i]);
        return FALSE;
      }
  for (guint i = 0; i < 3; i++)
    sizes += g_variant_dict_contains (options, poster_only[i]);
  if (sizes > 1)
    {
      g_printerr (_("touchpoint: give a poster one of --scale, --sheets-wide and "
                    "--poster-width\n"));
      return FALSE;
    }

  g_variant_dict_lookup (options, "sheets", "&s", &export_options->sheets);
  g_variant_dict_lookup (options, "no-marks", "b", &export_options->no_marks);
  if (!parse_number (options, "scale", 1, 1000, &export_options->poster_scale) ||
      !parse_number (options, "sheets-wide", 1, 100, &sheets) ||
      !parse_length (options, "poster-width", &export_options->poster_width_mm) ||
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
  g_variant_dict_lookup (options, "transparent", "b", &export_options->transparent);
  if (export_options->transparent && export_options->format != TPT_EXPORT_PNG)
    {
      g_printerr (_("touchpoint: --transparent applies to .png exports only\n"));
      return FALSE;
    }

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
    "overlap", "poster-width", "sheets", "no-marks", "transparent", "blueprint", "persona",
    "segment", "changes-since",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_variant_dict_contains (options, names[i]))
      return TRUE;

  return FALSE;
}

/* A signal that ends the process first removes the temporary file an
 * export is writing, then ends it as it would have. */
static void
cleanup_and_die (int signum)
{
  tpt_temp_file_remove_all ();
  signal (signum, SIG_DFL);
  raise (signum);
}

static void
install_signal_handlers (void)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  struct sigaction action = { 0 };

  action.sa_handler = cleanup_and_die;
  sigemptyset (&action.sa_mask);
  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    sigaction (signals[i], &action, NULL);
  /* Past a file size limit (ulimit -f) a write should fail, and say so,
   * rather than kill the process. */
  signal (SIGXFSZ, SIG_IGN);
}

static gboolean
same_file (GFile *a,
           GFile *b)
{
  g_autofree char *pa = g_file_get_path (a);
  g_autofree char *pb = g_file_get_path (b);
  GStatBuf sa, sb;

  return pa != NULL && pb != NULL && g_stat (pa, &sa) == 0 && g_stat (pb, &sb) == 0 &&
         sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* What rewriting @file in canonical form loses: the comments and
 * processing instructions it has, which the reader skips. */
static char *
describe_dropped (GFile *file)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  guint comments = 0, instructions = 0;
  const char *p;

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, NULL))
    return NULL;
  for (p = data; (p = strstr (p, "<!--")) != NULL; p += 4)
    comments++;
  for (p = data; (p = strstr (p, "<?")) != NULL; p += 2)
    if (!g_str_has_prefix (p, "<?xml "))
      instructions++;

  if (comments == 0 && instructions == 0)
    return g_strdup (_("Rewrote the document in place in Touchpoint’s canonical form (it had "
                       "no comments or processing instructions to drop)"));
  /* Translators: the counts are of XML comments and processing instructions. */
  return g_strdup_printf (_("Rewrote the document in place in Touchpoint’s canonical form, "
                            "which drops what the format does not keep: %u comments and %u "
                            "processing instructions are gone"), comments, instructions);
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
  TptExportResult result = { 0 };
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
  out_file = g_file_new_for_commandline_arg (out);

  /* A drawing written over the document would lose it. */
  if (!tpt_export_check_target (in_file, out_file, !drawing, &error))
    {
      g_printerr ("touchpoint: %s: %s\n", out, error->message);
      return 2;
    }

  document = tpt_document_load_file (in_file, NULL, &error);
  if (document == NULL)
    {
      print_error (files[0], error);
      return EXIT_FAILURE;
    }

  install_signal_handlers ();

  /* Both ways of writing put the data in a temporary file and rename it
   * over OUT, so OUT is either untouched or complete. */
  if (drawing)
    {
      if (!tpt_export_full (document, out_file, &export_options, &result, NULL, &error))
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
  else
    {
      g_autofree char *dropped = same_file (in_file, out_file) ? describe_dropped (in_file)
                                                              : NULL;

      if (!tpt_document_save_file (document, out_file, &error))
        {
          g_printerr ("touchpoint: %s: %s\n", out, error->message);
          return EXIT_FAILURE;
        }
      if (dropped != NULL)
        g_print ("%s\n", dropped);
    }

  g_print (_("Exported %s to %s\n"), files[0], out);
  for (guint i = 0; result.notes != NULL && result.notes[i] != NULL; i++)
    g_print ("  %s\n", result.notes[i]);
  if (drawing && export_options.format == TPT_EXPORT_PDF)
    g_print (ngettext ("  %u page; smallest text %.1f pt\n", "  %u pages; smallest text %.1f pt\n",
                       result.n_pages), result.n_pages, result.smallest_text);
  for (guint i = 0; result.warnings != NULL && result.warnings[i] != NULL; i++)
    g_printerr (_("touchpoint: warning: %s\n"), result.warnings[i]);
  tpt_export_result_clear (&result);
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
