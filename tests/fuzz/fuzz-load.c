/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for the .touchpoint loader: any bytes must either load
 * into a document that serialises and loads again identically, or fail with
 * a TPT_ERROR, never crash, hang or leak. */
#include "config.h"

#include "tpt-format.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

static void
silence_log (const char     *log_domain,
             GLogLevelFlags  log_level,
             const char     *message,
             gpointer        user_data)
{
  /* A critical or warning means the loader let something through that the
   * model refused: that is a finding. */
  if (log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING | G_LOG_LEVEL_ERROR))
    {
      fprintf (stderr, "%s: %s\n", log_domain, message);
      abort ();
    }
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static gboolean initialized;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = NULL;

  if (!initialized)
    {
      g_log_set_default_handler (silence_log, NULL);
      initialized = TRUE;
    }

  bytes = g_bytes_new (data, size);
  document = tpt_document_load_bytes (bytes, &error);

  if (document == NULL)
    {
      g_assert (error != NULL);
      g_assert (error->domain == TPT_ERROR);
      return 0;
    }

  /* What loaded must write and read back to the same bytes. */
  {
    g_autoptr(GBytes) saved = tpt_document_serialize (document);
    g_autoptr(GError) again_error = NULL;
    g_autoptr(TptDocument) again = tpt_document_load_bytes (saved, &again_error);
    g_autoptr(GBytes) saved_again = NULL;

    if (again == NULL)
      {
        fprintf (stderr, "re-load failed: %s\n", again_error->message);
        abort ();
      }
    saved_again = tpt_document_serialize (again);
    if (!g_bytes_equal (saved, saved_again))
      abort ();
  }

  return 0;
}
