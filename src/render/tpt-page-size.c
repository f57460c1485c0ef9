/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-page-size"

#include "config.h"

#include "tpt-page-size.h"

#define MM(v) ((v) * 72.0 / 25.4)
#define IN(v) ((v) * 72.0)

/* Portrait sizes in points: the ISO A series that workshops print on, the
 * US office sizes, and the ANSI architectural sheets that plotters take. */
static const struct
{
  const char *name;
  double      width;
  double      height;
} sizes[] = {
  { "A4", MM (210), MM (297) },
  { "A3", MM (297), MM (420) },
  { "A2", MM (420), MM (594) },
  { "A1", MM (594), MM (841) },
  { "A0", MM (841), MM (1189) },
  { "Letter", IN (8.5), IN (11) },
  { "Legal", IN (8.5), IN (14) },
  { "Tabloid", IN (11), IN (17) },
  { "ARCH-C", IN (18), IN (24) },
  { "ARCH-D", IN (24), IN (36) },
  { "ARCH-E", IN (36), IN (48) },
};

/* "ARCH E", "arch-e" and "archE" all name the same sheet. */
static gboolean
names_match (const char *a,
             const char *b)
{
  while (*a != '\0' || *b != '\0')
    {
      while (*a == ' ' || *a == '-' || *a == '_')
        a++;
      while (*b == ' ' || *b == '-' || *b == '_')
        b++;
      if (g_ascii_tolower (*a) != g_ascii_tolower (*b))
        return FALSE;
      if (*a == '\0')
        return TRUE;
      a++;
      b++;
    }

  return TRUE;
}

/**
 * tpt_page_size_lookup:
 * @name: a paper size: A4…A0, Letter, Legal, Tabloid, ARCH-C…ARCH-E
 * @width: (out): its portrait width in points
 * @height: (out): its portrait height in points
 *
 * Returns: %TRUE if @name is a known size; case, spaces and dashes are
 *   ignored
 */
gboolean
tpt_page_size_lookup (const char *name,
                      double     *width,
                      double     *height)
{
  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (sizes); i++)
    if (names_match (name, sizes[i].name))
      {
        *width = sizes[i].width;
        *height = sizes[i].height;
        return TRUE;
      }

  return FALSE;
}

/**
 * tpt_page_size_list:
 *
 * Returns: (transfer full): the known names, comma separated, for messages
 */
char *
tpt_page_size_list (void)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    g_string_append_printf (list, "%s%s", i > 0 ? ", " : "", sizes[i].name);

  return g_string_free (list, FALSE);
}
