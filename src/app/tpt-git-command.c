/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-git-command"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "tpt-git-command.h"

#include "tpt-diff.h"
#include "tpt-format.h"
#include "tpt-merge.h"

#include <stdlib.h>

/* Exit statuses, as diff(1) and git's merge drivers have them. */
#define STATUS_SAME     0
#define STATUS_DIFFERS  1
#define STATUS_TROUBLE  2

/* What git is told to run, with the attribute that points *.touchpoint
 * files at it. */
#define GIT_DRIVER "touchpoint"
#define GIT_ATTRIBUTES "*.touchpoint merge=" GIT_DRIVER " diff=" GIT_DRIVER

void
tpt_git_command_add_options (GApplication *application)
{
  static const GOptionEntry entries[] = {
    { "diff", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Say what changed from OLD to NEW, grouped by artefact; exit 0 if nothing did, "
         "1 if something did, 2 on error"), NULL },
    /* --format, which --report shares, is registered with it
     * (tpt-report-command.c). */
    { "merge", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Merge what OURS and THEIRS changed in BASE into OUT; exit 0 if clean, 1 if "
         "conflicts are left to resolve in the app, 2 on error"), NULL },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Where --merge writes the merged document"), N_("OUT") },
    { "config-git", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Make git diff and merge *.touchpoint files with Touchpoint, in this repository"),
      NULL },
    { "global", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("With --config-git: for every repository of this user"), NULL },
    { "git-diff-driver", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
      N_("Called by git diff: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE"), NULL },
    { "outline", 0, 0, G_OPTION_ARG_NONE, NULL,
      N_("Print FILE as lines of text, a line per item, as git log -p compares it"), NULL },
    { "changes-since", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("With --export to .pdf: pages after the cover that say what changed since OLD, "
         "for a review"), N_("OLD") },
    { NULL }
  };

  g_application_add_main_option_entries (application, entries);
}

static const char * const command_options[] = {
  "diff", "merge", "config-git", "git-diff-driver", "outline",
};

gboolean
tpt_git_command_is_requested (GVariantDict *options)
{
  for (guint i = 0; i < G_N_ELEMENTS (command_options); i++)
    if (g_variant_dict_contains (options, command_options[i]))
      return TRUE;
  return FALSE;
}

static void
print_load_error (const char   *path,
                  const GError *error)
{
  int line = tpt_error_get_line (error);

  if (line > 0)
    g_printerr ("%s:%d: %s\n", path, line, error->message);
  else
    g_printerr ("%s: %s\n", path, error->message);
}

static TptDocument *
load (const char  *path,
      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);

  return tpt_document_load_file (file, NULL, error);
}

static guint
count (const char * const *files)
{
  return files != NULL ? g_strv_length ((char **)files) : 0;
}

/* --diff -------------------------------------------------------------------------------- */

static int
run_diff (const char * const *files,
          const char         *format)
{
  g_autoptr(TptDocument) old_document = NULL;
  g_autoptr(TptDocument) new_document = NULL;
  g_autoptr(TptDiff) diff = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean json;

  if (count (files) != 2)
    {
      g_printerr (_("touchpoint: --diff needs two files, OLD and NEW\n"));
      return STATUS_TROUBLE;
    }
  if (format != NULL && strcmp (format, "text") != 0 && strcmp (format, "json") != 0)
    {
      g_printerr (_("touchpoint: unknown --format “%s”; use text or json\n"), format);
      return STATUS_TROUBLE;
    }
  json = format != NULL && strcmp (format, "json") == 0;

  for (guint i = 0; i < 2; i++)
    {
      TptDocument *document = load (files[i], &error);

      if (document == NULL)
        {
          print_load_error (files[i], error);
          return STATUS_TROUBLE;
        }
      if (i == 0)
        old_document = document;
      else
        new_document = document;
    }

  diff = tpt_diff_new (old_document, new_document);
  text = json ? tpt_diff_to_json (diff) : tpt_diff_to_text (diff);
  g_print ("%s", text);

  return tpt_diff_is_empty (diff) ? STATUS_SAME : STATUS_DIFFERS;
}

/* What git calls: PATH OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE,
 * or only PATH for a file with unmerged changes. Git stops the whole diff
 * when this exits with anything but 0, so trouble with one file is said in
 * the output and the status stays 0. */
static int
run_git_diff_driver (const char * const *files)
{
  g_autoptr(TptDocument) old_document = NULL;
  g_autoptr(TptDocument) new_document = NULL;
  g_autoptr(TptDiff) diff = NULL;
  g_autofree char *text = NULL;
  guint n = count (files);

  if (n == 1)
    {
      g_print (_("touchpoint diff %s: the file has unmerged changes\n"), files[0]);
      return STATUS_SAME;
    }
  if (n != 7)
    {
      g_printerr (_("touchpoint: --git-diff-driver is for git, which gives it 7 arguments: PATH "
                    "OLD-FILE OLD-HEX OLD-MODE NEW-FILE NEW-HEX NEW-MODE\n"));
      return STATUS_TROUBLE;
    }

  g_print ("touchpoint diff a/%s b/%s\n", files[0], files[0]);

  for (guint i = 0; i < 2; i++)
    {
      const char *path = files[1 + 3 * i];
      g_autoptr(GError) error = NULL;
      TptDocument *document;

      /* An added or deleted file is compared with an empty document. */
      if (strcmp (path, "/dev/null") == 0)
        document = tpt_document_new ();
      else if ((document = load (path, &error)) == NULL)
        {
          int line = tpt_error_get_line (error);

          if (line > 0)
            g_print (_("The %s version of %s does not load (line %d): %s\n"),
                     i == 0 ? _("old") : _("new"), files[0], line, error->message);
          else
            g_print (_("The %s version of %s does not load: %s\n"),
                     i == 0 ? _("old") : _("new"), files[0], error->message);
          return STATUS_SAME;
        }
      if (i == 0)
        old_document = document;
      else
        new_document = document;
    }

  diff = tpt_diff_new (old_document, new_document);
  if (tpt_diff_is_empty (diff))
    {
      g_print (_("No changes to what the document holds\n"));
      return STATUS_SAME;
    }
  text = tpt_diff_to_text (diff);
  g_print ("%s", text);
  return STATUS_SAME;
}

static int
run_outline (const char * const *files)
{
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (count (files) != 1)
    {
      g_printerr (_("touchpoint: --outline needs one FILE\n"));
      return STATUS_TROUBLE;
    }

  document = load (files[0], &error);
  if (document == NULL)
    {
      print_load_error (files[0], error);
      return STATUS_TROUBLE;
    }

  text = tpt_diff_outline (document);
  g_print ("%s", text);
  return STATUS_SAME;
}

/* --merge ------------------------------------------------------------------------------- */

/**
 * tpt_git_command_report_conflicts:
 * @path: the file's name, for the messages
 * @document: a loaded document
 *
 * Prints each unresolved merge conflict of @document on stderr.
 *
 * Returns: how many there are
 */
guint
tpt_git_command_report_conflicts (const char  *path,
                                  TptDocument *document)
{
  GListModel *conflicts = tpt_document_get_conflicts (document);
  guint n = g_list_model_get_n_items (conflicts);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptConflict) conflict = g_list_model_get_item (conflicts, i);
      g_autofree char *words = tpt_conflict_describe (conflict);

      g_printerr (_("%s: unresolved conflict: %s\n"), path, words);
    }
  return n;
}

static int
run_merge (const char * const *files,
           const char         *out)
{
  TptDocument *sides[3] = { NULL, NULL, NULL };
  g_autoptr(TptDocument) merged = NULL;
  g_autoptr(GError) error = NULL;
  TptMergeStats stats;
  int status = STATUS_TROUBLE;

  if (count (files) != 3)
    {
      g_printerr (_("touchpoint: --merge needs three files, BASE OURS THEIRS, and -o OUT\n"));
      return STATUS_TROUBLE;
    }
  if (out == NULL)
    {
      g_printerr (_("touchpoint: --merge needs -o OUT, the file to write\n"));
      return STATUS_TROUBLE;
    }

  for (guint i = 0; i < 3; i++)
    if ((sides[i] = load (files[i], &error)) == NULL)
      {
        print_load_error (files[i], error);
        goto out;
      }

  merged = tpt_merge (sides[0], sides[1], sides[2], &stats, &error);
  if (merged == NULL)
    {
      g_printerr ("touchpoint: %s\n", error->message);
      goto out;
    }

  {
    g_autoptr(GFile) file = g_file_new_for_commandline_arg (out);

    if (!tpt_document_save_file (merged, file, &error))
      {
        g_printerr ("touchpoint: %s\n", error->message);
        goto out;
      }
  }

  if (stats.n_conflicts > 0)
    {
      g_printerr (ngettext ("touchpoint: merged %s with %u conflict to resolve in Touchpoint:\n",
                            "touchpoint: merged %s with %u conflicts to resolve in Touchpoint:\n",
                            stats.n_conflicts),
                  out, stats.n_conflicts);
      tpt_git_command_report_conflicts (out, merged);
      status = STATUS_DIFFERS;
    }
  else
    status = STATUS_SAME;

out:
  for (guint i = 0; i < 3; i++)
    g_clear_object (&sides[i]);
  return status;
}

/**
 * tpt_git_command_load_changes_since:
 * @options: the parsed options
 * @export_options: the export's options, to point at what is loaded
 * @since: (out): the older version, if --changes-since gave one
 * @since_name: (out): what the pages call it: its file name
 *
 * Loads the document --changes-since names; a missing or broken one gets
 * a message naming it (and its line).
 *
 * Returns: %FALSE if it did not load, and the export is to stop
 */
gboolean
tpt_git_command_load_changes_since (GVariantDict      *options,
                                    TptExportOptions  *export_options,
                                    TptDocument      **since,
                                    char             **since_name)
{
  const char *path = NULL;
  g_autoptr(GError) error = NULL;

  *since = NULL;
  *since_name = NULL;
  if (!g_variant_dict_lookup (options, "changes-since", "^&ay", &path))
    return TRUE;

  if ((*since = load (path, &error)) == NULL)
    {
      print_load_error (path, error);
      return FALSE;
    }
  *since_name = g_filename_display_basename (path);
  export_options->changes_since = *since;
  export_options->changes_since_name = *since_name;
  return TRUE;
}

/* --config-git -------------------------------------------------------------------------- */

static gboolean
run_git (const char * const  *argv,
         char               **standard_output,
         GError             **error)
{
  g_autofree char *standard_error = NULL;
  int wait_status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     standard_output, &standard_error, &wait_status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (wait_status, NULL))
    {
      g_strstrip (standard_error);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s",
                   standard_error[0] != '\0' ? standard_error : _("git failed"));
      return FALSE;
    }
  return TRUE;
}

/* How git is to call us: "touchpoint" when that is what PATH finds, so
 * that an installed app keeps working when it is upgraded; otherwise this
 * very program by its absolute path (a build tree, a copy elsewhere). */
static char *
own_command (void)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *found = g_find_program_in_path ("touchpoint");
  g_autofree char *found_real = found != NULL ? realpath (found, NULL) : NULL;

  if (self_path == NULL || (found_real != NULL && strcmp (found_real, self_path) == 0))
    return g_strdup ("touchpoint");
  return g_shell_quote (self_path);
}

static char *
expand_home (const char *path)
{
  if (path[0] == '~' && (path[1] == '/' || path[1] == '\0'))
    return g_build_filename (g_get_home_dir (), path + 1, NULL);
  return g_strdup (path);
}

/* Adds the line for *.touchpoint to an attributes file unless it has it. */
static gboolean
add_attributes (const char  *path,
                gboolean    *added,
                GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *dir = g_path_get_dirname (path);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) text = NULL;
  gsize length = 0;

  *added = FALSE;
  if (g_file_test (path, G_FILE_TEST_EXISTS) &&
      !g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  lines = g_strsplit (contents != NULL ? contents : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strcmp (g_strstrip (lines[i]), GIT_ATTRIBUTES) == 0)
      return TRUE;

  text = g_string_new (contents);
  if (text->len > 0 && text->str[text->len - 1] != '\n')
    g_string_append_c (text, '\n');
  g_string_append (text, GIT_ATTRIBUTES "\n");

  if (g_mkdir_with_parents (dir, 0777) != 0 ||
      !g_file_set_contents (path, text->str, (gssize)text->len, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the folder %s"),
                     dir);
      return FALSE;
    }

  *added = TRUE;
  return TRUE;
}

static int
run_config_git (gboolean global)
{
  g_autofree char *command = own_command ();
  g_autofree char *merge_driver = g_strdup_printf ("%s --merge %%O %%A %%B -o %%A", command);
  g_autofree char *diff_command = g_strdup_printf ("%s --git-diff-driver", command);
  g_autofree char *textconv = g_strdup_printf ("%s --outline", command);
  const char *scope = global ? "--global" : "--local";
  const char * const settings[][2] = {
    { "merge." GIT_DRIVER ".name", "Touchpoint document merge" },
    { "merge." GIT_DRIVER ".driver", merge_driver },
    { "diff." GIT_DRIVER ".command", diff_command },
    { "diff." GIT_DRIVER ".textconv", textconv },
  };
  g_autofree char *attributes = NULL;
  g_autoptr(GError) error = NULL;
  gboolean added;

  if (global)
    {
      g_autofree char *configured = NULL;
      const char *argv[] = { "git", "config", "--global", "--get", "core.attributesFile", NULL };

      /* Git's own default unless the user chose another file. */
      if (run_git (argv, &configured, NULL) && g_strstrip (configured)[0] != '\0')
        attributes = expand_home (configured);
      else
        attributes = g_build_filename (g_get_user_config_dir (), "git", "attributes", NULL);
    }
  else
    {
      g_autofree char *top = NULL;
      const char *argv[] = { "git", "rev-parse", "--show-toplevel", NULL };

      if (!run_git (argv, &top, &error))
        {
          g_printerr (_("touchpoint: --config-git works in a git repository (or give --global): "
                        "%s\n"), error->message);
          return STATUS_TROUBLE;
        }
      attributes = g_build_filename (g_strstrip (top), ".gitattributes", NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (settings); i++)
    {
      const char *argv[] = { "git", "config", scope, settings[i][0], settings[i][1], NULL };

      if (!run_git (argv, NULL, &error))
        {
          g_printerr (_("touchpoint: could not set %s in git's configuration: %s\n"),
                      settings[i][0], error->message);
          return STATUS_TROUBLE;
        }
    }

  if (!add_attributes (attributes, &added, &error))
    {
      g_printerr (_("touchpoint: could not write %s: %s\n"), attributes, error->message);
      return STATUS_TROUBLE;
    }

  g_print (global ? _("Git now diffs and merges Touchpoint documents with “%s”, in every "
                      "repository of yours.\n")
                  : _("Git now diffs and merges Touchpoint documents with “%s” in this "
                      "repository.\n"),
           command);
  if (added)
    g_print (_("Added “%s” to %s.\n"), GIT_ATTRIBUTES, attributes);
  else
    g_print (_("%s already says “%s”.\n"), attributes, GIT_ATTRIBUTES);
  return STATUS_SAME;
}

/**
 * tpt_git_command_run:
 * @options: the parsed options
 * @files: (nullable): the file arguments
 *
 * Returns: an exit status, or -1 if none of these commands was asked for
 */
int
tpt_git_command_run (GVariantDict       *options,
                     const char * const *files)
{
  const char *format = NULL;
  const char *out = NULL;
  guint asked = 0;

  for (guint i = 0; i < G_N_ELEMENTS (command_options); i++)
    asked += g_variant_dict_contains (options, command_options[i]);
  if (asked == 0)
    {
      if (g_variant_dict_contains (options, "format") ||
          g_variant_dict_contains (options, "output") ||
          g_variant_dict_contains (options, "global"))
        {
          g_printerr (_("touchpoint: --format goes with --diff, -o with --merge and --global "
                        "with --config-git\n"));
          return STATUS_TROUBLE;
        }
      return -1;
    }
  if (asked > 1)
    {
      g_printerr (_("touchpoint: use one of --diff, --merge, --config-git and --outline at "
                    "a time\n"));
      return STATUS_TROUBLE;
    }

  g_variant_dict_lookup (options, "format", "&s", &format);
  g_variant_dict_lookup (options, "output", "^&ay", &out);

  if (g_variant_dict_contains (options, "diff"))
    return run_diff (files, format);
  if (g_variant_dict_contains (options, "git-diff-driver"))
    return run_git_diff_driver (files);
  if (g_variant_dict_contains (options, "outline"))
    return run_outline (files);
  if (g_variant_dict_contains (options, "merge"))
    return run_merge (files, out);

  if (count (files) > 0)
    {
      g_printerr (_("touchpoint: --config-git takes no files\n"));
      return STATUS_TROUBLE;
    }
  return run_config_git (g_variant_dict_contains (options, "global"));
}
