/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-enums"

#include "config.h"

#include "tpt-enums.h"
#include "tpt-enum-types.h"

/**
 * tpt_enum_to_nick:
 * @enum_type: a #GEnum type
 * @value: a value of it
 *
 * Returns: (transfer none) (nullable): the nick, as the file format writes it
 */
const char *
tpt_enum_to_nick (GType enum_type,
                  int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

/**
 * tpt_enum_from_nick:
 * @enum_type: a #GEnum type
 * @nick: the word as written in a file
 * @value: (out): where to store the value
 *
 * Returns: %TRUE if @nick names a value of @enum_type
 */
gboolean
tpt_enum_from_nick (GType       enum_type,
                    const char *nick,
                    int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev;

  g_return_val_if_fail (nick != NULL, FALSE);

  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;
  if (value != NULL)
    *value = ev->value;
  return TRUE;
}
