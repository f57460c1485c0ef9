/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the history's journal, read back from a recovery
 * copy's <id>.history: any bytes must either restore an undo history that
 * undoes and redoes cleanly, or be refused, leaving the document to be
 * read again; never a crash, a hang, a leak or a warning. The document is
 * the example; the seeds are journals of edits to it. */
#include "config.h"

#include "tpt-format.h"
#include "tpt-history.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static GBytes *example;

static void
fail_on_warning (const char     *log_domain,
                 GLogLevelFlags  log_level,
                 const char     *message,
                 gpointer        user_data)
{
  if (log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR))
    {
      fprintf (stderr, "%s: %s\n", log_domain, message);
      abort ();
    }
}

static void
load_example (void)
{
  const char *root = g_getenv ("TPT_SOURCE_ROOT");
  g_autofree char *path = g_build_filename (root != NULL ? root : ".", "data", "examples",
                                            "motor-insurance.touchpoint", NULL);
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      fprintf (stderr, "set TPT_SOURCE_ROOT: %s\n", error->message);
      abort ();
    }
  example = g_bytes_new_take (contents, length);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GVariant) journal = NULL;
  TptHistory *history;

  if (example == NULL)
    {
      g_log_set_default_handler (fail_on_warning, NULL);
      load_example ();
    }

  document = tpt_document_load_bytes (example, NULL);
  history = tpt_document_get_history (document);
  bytes = g_bytes_new (data, size);
  journal = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(uuua(suav))"),
                                                          bytes, FALSE));

  if (tpt_history_restore_journal (history, document, journal, NULL))
    {
      g_autoptr(GBytes) before = tpt_document_serialize (document);
      g_autoptr(GBytes) after = NULL;
      guint position = tpt_history_get_position (history);

      /* A history that restored must undo and redo to where it was. */
      while (tpt_history_undo (history))
        ;
      while (tpt_history_redo (history))
        ;
      tpt_history_jump (history, position);
      after = tpt_document_serialize (document);
      if (!g_bytes_equal (before, after))
        abort ();
    }

  return 0;
}
