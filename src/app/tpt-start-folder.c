/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-start-folder"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-start-folder.h"

#include <string.h>

/**
 * tpt_start_folder_for:
 * @document_file: (nullable): the document's file, if it has one
 *
 * The folder a file chooser for the document opens in: the document's own
 * folder; for a document never saved, the user's Documents folder, or the
 * home folder where there is none. A program started from a terminal or the
 * shell has its working directory somewhere of no interest to the user.
 *
 * Returns: (transfer full): a folder
 */
GFile *
tpt_start_folder_for (GFile *document_file)
{
  const char *documents;

  g_return_val_if_fail (document_file == NULL || G_IS_FILE (document_file), NULL);

  if (document_file != NULL)
    {
      g_autoptr(GFile) parent = g_file_get_parent (document_file);

      if (parent != NULL)
        return g_steal_pointer (&parent);
    }

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);

  return g_file_new_for_path (g_get_home_dir ());
}

/**
 * tpt_start_folder_dup_output_name:
 * @document_file: (nullable): the document's file, if it has one
 * @title: (nullable): the document's title, for a document never saved
 * @extension: what to end the name with, such as ".pdf"
 *
 * The name a file made from the document starts with: the document's file
 * name with @extension for its own, or else its title, with no folder
 * separators in it.
 *
 * Returns: (transfer full): a file name
 */
char *
tpt_start_folder_dup_output_name (GFile      *document_file,
                                  const char *title,
                                  const char *extension)
{
  g_autofree char *base = NULL;
  char *name;

  g_return_val_if_fail (extension != NULL, NULL);

  if (document_file != NULL)
    {
      char *dot;

      base = g_file_get_basename (document_file);
      dot = base != NULL ? strrchr (base, '.') : NULL;
      if (dot != NULL && dot != base)
        *dot = '\0';
    }
  if (base == NULL || *base == '\0')
    {
      g_free (base);
      base = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Document"));
    }

  name = g_strconcat (base, extension, NULL);
  g_strdelimit (name, "/\\", '-');
  return name;
}
