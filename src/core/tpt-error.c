/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-error"

#include "config.h"

#include "tpt-error.h"

/* TptError is an extended GError (GLib 2.68), so that the line a load error
 * is about travels with the error through g_propagate_error() and
 * g_error_copy() without being pasted into the message. */

typedef struct
{
  int line;
} TptErrorPrivate;

static void
tpt_error_private_init (TptErrorPrivate *priv)
{
  priv->line = 0;
}

static void
tpt_error_private_copy (const TptErrorPrivate *src,
                        TptErrorPrivate       *dest)
{
  dest->line = src->line;
}

static void
tpt_error_private_clear (TptErrorPrivate *priv)
{
}

/* The generated wrappers pass on the result of a getter that returns NULL
 * for a foreign domain, which they never see; GCC cannot know that. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
G_DEFINE_EXTENDED_ERROR (TptError, tpt_error)
#pragma GCC diagnostic pop

/**
 * tpt_error_get_line:
 * @error: a #GError
 *
 * Returns: the line of the file that @error is about, counting from 1, or 0
 *   if it is not about a line (or is not a #TPT_ERROR)
 */
int
tpt_error_get_line (const GError *error)
{
  TptErrorPrivate *priv;

  g_return_val_if_fail (error != NULL, 0);

  /* The generated getter complains about other domains; they have no line. */
  if (error->domain != TPT_ERROR)
    return 0;

  priv = tpt_error_get_private (error);
  return priv != NULL ? priv->line : 0;
}

/**
 * tpt_error_set_line:
 * @error: a #TPT_ERROR
 * @line: the line it is about, or 0
 *
 * Attaches a line to @error.
 */
void
tpt_error_set_line (GError *error,
                    int     line)
{
  TptErrorPrivate *priv;

  g_return_if_fail (error != NULL);
  g_return_if_fail (error->domain == TPT_ERROR);

  priv = tpt_error_get_private (error);
  if (priv != NULL)
    priv->line = MAX (line, 0);
}
