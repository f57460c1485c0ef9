/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-recovery"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <errno.h>
#include <unistd.h>

#include "tpt-recovery.h"

#include "tpt-format.h"

/* The recovery directory holds, per autosaved document, a copy of it
 * (<id>.touchpoint), the journal of its undo history (<id>.history) and a
 * key file saying what it is (<id>.recovery): the title, the file it
 * belongs to, the process that wrote it, and the checksum of the copy the
 * journal goes with. An entry whose process still runs belongs to an open
 * window and is not offered. */

#define INFO_GROUP  "Recovery"
/* A file in the directory that is neither kind, older than this, is what a
 * write interrupted by a crash left behind. */
#define STALE_AGE_SECONDS 60

void
tpt_recovery_entry_free (TptRecoveryEntry *entry)
{
  if (entry == NULL)
    return;

  g_clear_object (&entry->document_file);
  g_clear_object (&entry->info_file);
  g_clear_object (&entry->history_file);
  g_clear_pointer (&entry->history_sum, g_free);
  g_clear_pointer (&entry->title, g_free);
  g_clear_pointer (&entry->uri, g_free);
  g_clear_pointer (&entry->written, g_date_time_unref);
  g_free (entry);
}

/**
 * tpt_recovery_get_directory:
 *
 * Returns: (transfer full): $XDG_STATE_HOME/touchpoint/recovery
 */
GFile *
tpt_recovery_get_directory (void)
{
  g_autofree char *path = g_build_filename (g_get_user_state_dir (), "touchpoint", "recovery",
                                            NULL);

  return g_file_new_for_path (path);
}

/* Whether the Touchpoint process that wrote an entry still runs: then the
 * document is open in one of its windows. A process of another program that
 * got the same id after a crash does not count. */
static gboolean
writer_is_alive (GKeyFile *info)
{
  g_autofree char *cmdline_path = NULL;
  g_autofree char *cmdline = NULL;
  g_autofree char *boot = NULL;
  g_autofree char *written_boot = NULL;
  gint64 pid = g_key_file_get_int64 (info, INFO_GROUP, "Pid", NULL);
  gsize length;

  if (pid <= 0)
    return FALSE;

  /* Process ids start over at each boot. */
  written_boot = g_key_file_get_string (info, INFO_GROUP, "Boot", NULL);
  if (g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot, NULL, NULL))
    {
      g_strstrip (boot);
      if (g_strcmp0 (boot, written_boot) != 0)
        return FALSE;
    }

  if (pid == getpid ())
    return TRUE;
  if (kill ((pid_t) pid, 0) != 0 && errno == ESRCH)
    return FALSE;

  cmdline_path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/cmdline", pid);
  if (!g_file_get_contents (cmdline_path, &cmdline, &length, NULL))
    return FALSE;

  /* The program name is the first NUL-terminated word. */
  {
    g_autofree char *program = g_path_get_basename (cmdline);
    g_autofree char *written_program = g_key_file_get_string (info, INFO_GROUP, "Program", NULL);

    return g_strcmp0 (program, written_program) == 0;
  }
}

static gint
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const TptRecoveryEntry *ea = *(const TptRecoveryEntry * const *) a;
  const TptRecoveryEntry *eb = *(const TptRecoveryEntry * const *) b;

  return g_date_time_compare (eb->written, ea->written);
}

/**
 * tpt_recovery_list:
 * @directory: (nullable): the recovery directory, or %NULL for the default
 *
 * Lists the documents left to recover, newest first. Entries that can't be
 * read, or whose copy is missing, are skipped; so are those of documents
 * open in a running Touchpoint.
 *
 * Returns: (transfer full) (element-type TptRecoveryEntry): the entries
 */
GPtrArray *
tpt_recovery_list (GFile *directory)
{
  g_autoptr(GFile) default_directory = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) tpt_recovery_entry_free);

  if (directory == NULL)
    directory = default_directory = tpt_recovery_get_directory ();

  children = g_file_enumerate_children (directory, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (children == NULL)
    return entries;

  while (TRUE)
    {
      g_autoptr(GKeyFile) info = g_key_file_new ();
      g_autoptr(TptRecoveryEntry) entry = NULL;
      g_autofree char *base = NULL;
      g_autofree char *document_name = NULL;
      g_autofree char *written = NULL;
      GFileInfo *file_info;
      GFile *child;
      const char *name;

      if (!g_file_enumerator_iterate (children, &file_info, &child, NULL, NULL) ||
          file_info == NULL)
        break;

      name = g_file_info_get_name (file_info);
      if (!g_str_has_suffix (name, ".recovery"))
        continue;

      if (!g_key_file_load_from_file (info, g_file_peek_path (child), G_KEY_FILE_NONE, NULL))
        {
          g_debug ("Skipping unreadable recovery entry %s", name);
          continue;
        }
      if (writer_is_alive (info))
        continue;

      base = g_strndup (name, strlen (name) - strlen (".recovery"));
      document_name = g_strconcat (base, ".touchpoint", NULL);

      entry = g_new0 (TptRecoveryEntry, 1);
      entry->info_file = g_object_ref (child);
      entry->document_file = g_file_get_child (directory, document_name);
      if (!g_file_query_exists (entry->document_file, NULL))
        continue;

      entry->title = g_key_file_get_string (info, INFO_GROUP, "Title", NULL);
      if (entry->title == NULL || *entry->title == '\0')
        {
          g_free (entry->title);
          entry->title = g_strdup (_("Untitled Document"));
        }
      entry->history_sum = g_key_file_get_string (info, INFO_GROUP, "HistoryFor", NULL);
      {
        g_autofree char *history = g_key_file_get_string (info, INFO_GROUP, "History", NULL);

        /* Only a name in the same directory. */
        if (history != NULL && strchr (history, '/') == NULL && history[0] != '.')
          entry->history_file = g_file_get_child (directory, history);
      }
      entry->uri = g_key_file_get_string (info, INFO_GROUP, "File", NULL);
      if (entry->uri != NULL && *entry->uri == '\0')
        g_clear_pointer (&entry->uri, g_free);
      written = g_key_file_get_string (info, INFO_GROUP, "Written", NULL);
      entry->written = written != NULL ? g_date_time_new_from_iso8601 (written, NULL) : NULL;
      if (entry->written == NULL)
        entry->written = g_date_time_new_from_unix_utc (0);

      g_ptr_array_add (entries, g_steal_pointer (&entry));
    }

  g_ptr_array_sort (entries, compare_newest_first);
  return entries;
}

/* Gives @document, read from @bytes, the history the entry's journal
 * holds; FALSE if there is none that fits, or it does not restore. */
static gboolean
restore_history (TptRecoveryEntry *entry,
                 TptDocument      *document,
                 GBytes           *bytes,
                 gboolean         *tried)
{
  g_autoptr(GBytes) journal_bytes = NULL;
  g_autoptr(GVariant) journal = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sum = NULL;

  if (entry->history_file == NULL || entry->history_sum == NULL)
    return FALSE;

  sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  if (!g_str_equal (sum, entry->history_sum))
    {
      g_debug ("The recovery journal is of another copy");
      return FALSE;
    }

  journal_bytes = g_file_load_bytes (entry->history_file, NULL, NULL, &error);
  if (journal_bytes == NULL)
    {
      g_debug ("No recovery journal: %s", error->message);
      return FALSE;
    }

  journal = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(uuua(suav))"),
                                                          journal_bytes, FALSE));
  *tried = TRUE;
  if (!tpt_history_restore_journal (tpt_document_get_history (document), document, journal,
                                    &error))
    {
      g_message ("The undo history of the recovered document is lost: %s", error->message);
      return FALSE;
    }

  return TRUE;
}

/**
 * tpt_recovery_entry_load:
 * @entry: an entry from tpt_recovery_list()
 * @error: return location for a #GError
 *
 * Reads the recovered document, with its undo history when the journal
 * beside it fits. Its history counts it as modified, since no file holds
 * it. The entry stays until discarded.
 *
 * Returns: (transfer full) (nullable): the document
 */
TptDocument *
tpt_recovery_entry_load (TptRecoveryEntry  *entry,
                         GError           **error)
{
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gboolean tried = FALSE;

  g_return_val_if_fail (entry != NULL, NULL);

  bytes = g_file_load_bytes (entry->document_file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;

  document = tpt_document_load_bytes (bytes, error);
  if (document == NULL)
    return NULL;

  /* A journal that does not restore may have changed the document on the
   * way: it is read again, without history. */
  if (!restore_history (entry, document, bytes, &tried) && tried)
    {
      g_clear_object (&document);
      document = tpt_document_load_bytes (bytes, error);
      if (document == NULL)
        return NULL;
    }

  tpt_history_mark_unsaved (tpt_document_get_history (document));
  return g_steal_pointer (&document);
}

/**
 * tpt_recovery_entry_discard:
 * @entry: an entry from tpt_recovery_list()
 *
 * Removes the recovery copy for good.
 */
void
tpt_recovery_entry_discard (TptRecoveryEntry *entry)
{
  g_return_if_fail (entry != NULL);

  /* The key file first: without it the copy is never offered again. */
  g_file_delete (entry->info_file, NULL, NULL);
  g_file_delete (entry->document_file, NULL, NULL);
  if (entry->history_file != NULL)
    g_file_delete (entry->history_file, NULL, NULL);
}

/**
 * tpt_recovery_clean_stale:
 * @directory: (nullable): the recovery directory, or %NULL for the default
 *
 * Removes what interrupted writes left in the directory, and copies whose
 * key file is gone.
 */
void
tpt_recovery_clean_stale (GFile *directory)
{
  g_autoptr(GFile) default_directory = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (directory == NULL)
    directory = default_directory = tpt_recovery_get_directory ();

  children = g_file_enumerate_children (directory,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children == NULL)
    return;

  while (TRUE)
    {
      GFileInfo *info;
      GFile *child;
      const char *name;
      guint64 modified;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;

      name = g_file_info_get_name (info);
      modified = g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED);
      if ((gint64) modified > now - STALE_AGE_SECONDS || g_str_has_suffix (name, ".recovery"))
        continue;

      if (g_str_has_suffix (name, ".touchpoint") || g_str_has_suffix (name, ".history"))
        {
          g_autofree char *base = g_strndup (name, strrchr (name, '.') - name);
          g_autofree char *info_name = g_strconcat (base, ".recovery", NULL);
          g_autoptr(GFile) info_file = g_file_get_child (directory, info_name);

          if (g_file_query_exists (info_file, NULL))
            continue;
        }

      g_debug ("Removing stale recovery file %s", name);
      g_file_delete (child, NULL, NULL);
    }
}
