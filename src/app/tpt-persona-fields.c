/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-persona-fields"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-persona-fields.h"

#include "tpt-fact.h"
#include "tpt-node-edits.h"

/* The order Tab walks the fields in: the card's, top to bottom. */
static const struct
{
  TptPersonaField field;
  const char     *property;
  const char     *label;
} fields[] = {
  { TPT_PERSONA_FIELD_NAME, "name", N_("Name") },
  { TPT_PERSONA_FIELD_ROLE, "role", N_("Role") },
  { TPT_PERSONA_FIELD_SEGMENT, "segment", N_("Segment") },
  { TPT_PERSONA_FIELD_QUOTE, "quote", N_("Quote") },
  { TPT_PERSONA_FIELD_GOALS, "goals", N_("Goals") },
  { TPT_PERSONA_FIELD_FRUSTRATIONS, "frustrations", N_("Frustrations") },
  { TPT_PERSONA_FIELD_BEHAVIOURS, "behaviours", N_("Behaviours") },
  { TPT_PERSONA_FIELD_CHANNELS, "channels", N_("Channels") },
  { TPT_PERSONA_FIELD_FACTS, NULL, N_("Facts") },
};

static int
find (TptPersonaField field)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].field == field)
      return (int) i;
  return -1;
}

/**
 * tpt_persona_field_is_text:
 * @field: a part of a persona card
 *
 * Returns: whether @field is edited as text (the card and avatar are not)
 */
gboolean
tpt_persona_field_is_text (TptPersonaField field)
{
  return find (field) >= 0;
}

/**
 * tpt_persona_field_is_multiline:
 * @field: a text field
 *
 * Returns: whether @field takes several lines: the quote, lists and facts
 */
gboolean
tpt_persona_field_is_multiline (TptPersonaField field)
{
  return field != TPT_PERSONA_FIELD_NAME && field != TPT_PERSONA_FIELD_ROLE &&
         field != TPT_PERSONA_FIELD_SEGMENT;
}

/**
 * tpt_persona_field_label:
 * @field: a text field
 *
 * Returns: the field's name, translated
 */
const char *
tpt_persona_field_label (TptPersonaField field)
{
  int i = find (field);

  return i >= 0 ? _(fields[i].label) : "";
}

/**
 * tpt_persona_field_next:
 * @field: a text field
 * @direction: 1 for the next field, −1 for the previous
 *
 * Returns: the field Tab (or Shift+Tab) goes to, round the card
 */
TptPersonaField
tpt_persona_field_next (TptPersonaField field,
                        int             direction)
{
  int n = G_N_ELEMENTS (fields);
  int i = find (field);

  if (i < 0)
    return fields[0].field;
  return fields[((i + direction) % n + n) % n].field;
}

/**
 * tpt_persona_field_get:
 * @persona: a persona
 * @field: a text field
 *
 * Returns: (transfer full): the field as one text to edit
 */
char *
tpt_persona_field_get (TptPersona      *persona,
                       TptPersonaField  field)
{
  int i = find (field);

  g_return_val_if_fail (TPT_IS_PERSONA (persona), NULL);

  if (i < 0)
    return g_strdup ("");

  if (field == TPT_PERSONA_FIELD_FACTS)
    {
      GListModel *facts = tpt_persona_get_facts (persona);
      GString *text = g_string_new (NULL);

      for (guint f = 0; f < g_list_model_get_n_items (facts); f++)
        {
          g_autoptr(TptFact) fact = g_list_model_get_item (facts, f);

          if (f > 0)
            g_string_append_c (text, '\n');
          g_string_append_printf (text, "%s: %s",
                                  tpt_fact_get_label (fact) ? tpt_fact_get_label (fact) : "",
                                  tpt_fact_get_value (fact) ? tpt_fact_get_value (fact) : "");
        }
      return g_string_free (text, FALSE);
    }

  if (field >= TPT_PERSONA_FIELD_GOALS)
    {
      g_auto(GStrv) items = NULL;

      g_object_get (persona, fields[i].property, &items, NULL);
      return items != NULL ? g_strjoinv ("\n", items) : g_strdup ("");
    }

  {
    g_autofree char *value = NULL;

    g_object_get (persona, fields[i].property, &value, NULL);
    return value != NULL ? g_steal_pointer (&value) : g_strdup ("");
  }
}

/* Lines of @text, each stripped, without the empty ones. */
static GStrv
lines (const char *text)
{
  g_auto(GStrv) split = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; split[i] != NULL; i++)
    {
      g_strstrip (split[i]);
      if (*split[i] != '\0')
        g_strv_builder_add (builder, split[i]);
    }
  return g_strv_builder_end (builder);
}

static void
set_facts (TptDocument *document,
           TptPersona  *persona,
           const char  *text)
{
  g_auto(GStrv) items = lines (text);
  GListModel *facts = tpt_persona_get_facts (persona);
  guint n_old = g_list_model_get_n_items (facts);
  guint n_new = g_strv_length (items);

  /* Facts keep their ids where they stay: the first lines change the
   * first facts, then facts are added or the rest removed. */
  for (guint i = 0; i < n_new; i++)
    {
      g_autofree char *label = NULL;
      const char *colon = strchr (items[i], ':');
      const char *value = "";
      g_autoptr(TptFact) fact = NULL;

      if (colon != NULL)
        {
          label = g_strstrip (g_strndup (items[i], colon - items[i]));
          value = colon + 1;
          while (g_ascii_isspace (*value))
            value++;
        }
      else
        label = g_strdup (items[i]);

      if (i < n_old)
        fact = g_list_model_get_item (facts, i);
      else
        {
          fact = tpt_fact_new (document);
          tpt_persona_insert_fact (persona, i, fact);
        }
      if (g_strcmp0 (tpt_fact_get_label (fact), label) != 0)
        tpt_fact_set_label (fact, label);
      if (g_strcmp0 (tpt_fact_get_value (fact), value) != 0)
        tpt_fact_set_value (fact, value);
    }
  while (g_list_model_get_n_items (facts) > n_new)
    {
      g_autoptr(TptFact) fact = g_list_model_get_item (facts, n_new);

      tpt_persona_remove_fact (persona, fact);
    }
}

/**
 * tpt_persona_field_set:
 * @document: the document of @persona
 * @persona: a persona
 * @field: a text field
 * @text: the field as edited
 *
 * Sets the field from @text as one undo step ("Edit Goals"), or does
 * nothing when it is unchanged. A name is never emptied.
 *
 * Returns: whether the document changed
 */
gboolean
tpt_persona_field_set (TptDocument     *document,
                       TptPersona      *persona,
                       TptPersonaField  field,
                       const char      *text)
{
  g_autofree char *current = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *label = NULL;
  int i = find (field);

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (TPT_IS_PERSONA (persona), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (i < 0 || !tpt_node_is_attached (TPT_NODE (persona)))
    return FALSE;

  stripped = g_strstrip (g_strdup (text));
  current = tpt_persona_field_get (persona, field);
  if (g_str_equal (current, stripped))
    return FALSE;

  if (field == TPT_PERSONA_FIELD_NAME)
    {
      if (*stripped == '\0')
        return FALSE;
      tpt_node_edits_set_name (document, TPT_NODE (persona), stripped);
      return TRUE;
    }

  /* Translators: an undo label; %s is the field, e.g. “Edit Owner”. */
  label = g_strdup_printf (_("Edit %s"), _(fields[i].label));
  tpt_document_begin (document, label);
  if (field == TPT_PERSONA_FIELD_FACTS)
    set_facts (document, persona, stripped);
  else
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if (field >= TPT_PERSONA_FIELD_GOALS)
        {
          g_value_init (&value, G_TYPE_STRV);
          g_value_take_boxed (&value, lines (stripped));
        }
      else
        {
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, stripped);
        }
      tpt_node_set_value (TPT_NODE (persona), fields[i].property, &value);
    }
  tpt_document_end (document);

  return TRUE;
}
