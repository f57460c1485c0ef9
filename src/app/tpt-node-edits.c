/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-node-edits"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-node-edits.h"

/**
 * tpt_node_edits_rename_label:
 * @node: a node
 *
 * Returns: what renaming @node is called in the undo menu
 */
const char *
tpt_node_edits_rename_label (TptNode *node)
{
  if (TPT_IS_DOCUMENT (node))
    return _("Rename Document");
  if (TPT_IS_BLUEPRINT (node))
    return _("Rename Blueprint");
  if (TPT_IS_STAGE (node))
    return _("Rename Stage");
  if (TPT_IS_STEP (node))
    return _("Rename Step");
  if (TPT_IS_LANE (node))
    return _("Rename Lane");
  if (TPT_IS_CARD (node))
    return _("Edit Card Text");
  if (TPT_IS_PERSONA (node))
    return _("Rename Persona");
  if (TPT_IS_SLIDE (node))
    return _("Rename Slide");
  return _("Rename Need");
}

/**
 * tpt_node_edits_set_name:
 * @document: the document of @node
 * @node: a node with a name: its title, or a card's text
 * @name: the new name
 *
 * Renames @node in one undo step; none when the name is unchanged.
 */
void
tpt_node_edits_set_name (TptDocument *document,
                         TptNode     *node,
                         const char  *name)
{
  g_return_if_fail (TPT_IS_DOCUMENT (document));
  g_return_if_fail (TPT_IS_NODE (node));

  tpt_document_begin (document, tpt_node_edits_rename_label (node));
  if (TPT_IS_DOCUMENT (node))
    tpt_document_set_title (TPT_DOCUMENT (node), name);
  else if (TPT_IS_BLUEPRINT (node))
    tpt_blueprint_set_title (TPT_BLUEPRINT (node), name);
  else if (TPT_IS_STAGE (node))
    tpt_stage_set_title (TPT_STAGE (node), name);
  else if (TPT_IS_STEP (node))
    tpt_step_set_title (TPT_STEP (node), name);
  else if (TPT_IS_LANE (node))
    tpt_lane_set_title (TPT_LANE (node), name);
  else if (TPT_IS_CARD (node))
    tpt_card_set_text (TPT_CARD (node), name);
  else if (TPT_IS_PERSONA (node))
    tpt_persona_set_name (TPT_PERSONA (node), name);
  else if (TPT_IS_NEED (node))
    tpt_need_set_title (TPT_NEED (node), name);
  else if (TPT_IS_SLIDE (node))
    tpt_slide_set_title (TPT_SLIDE (node), name);
  tpt_document_end (document);
}

/**
 * tpt_node_edits_delete_label:
 * @node: a node
 *
 * Returns: what deleting @node is called in the undo menu
 */
const char *
tpt_node_edits_delete_label (TptNode *node)
{
  if (TPT_IS_CARD (node))
    return _("Delete Card");
  if (TPT_IS_BLUEPRINT (node))
    return _("Delete Blueprint");
  if (TPT_IS_STAGE (node))
    return _("Delete Stage");
  if (TPT_IS_STEP (node))
    return _("Delete Step");
  if (TPT_IS_LANE (node))
    return _("Delete Lane");
  if (TPT_IS_FLOW (node))
    return _("Delete Flow");
  if (TPT_IS_PERSONA (node))
    return _("Delete Persona");
  if (TPT_IS_SLIDE (node))
    return _("Delete Slide");
  return _("Delete Need");
}

/**
 * tpt_node_edits_delete:
 * @document: the document of @node
 * @node: a node other than the document
 *
 * Deletes @node with everything that hangs on it (a lane its cards, a
 * step the cards that start there…) in one undo step.
 */
void
tpt_node_edits_delete (TptDocument *document,
                       TptNode     *node)
{
  TptNode *parent;

  g_return_if_fail (TPT_IS_DOCUMENT (document));
  g_return_if_fail (TPT_IS_NODE (node));

  parent = tpt_node_get_parent (node);
  tpt_document_begin (document, tpt_node_edits_delete_label (node));
  if (TPT_IS_BLUEPRINT (node))
    tpt_document_remove_blueprint (document, TPT_BLUEPRINT (node));
  else if (TPT_IS_PERSONA (node))
    tpt_document_remove_persona (document, TPT_PERSONA (node));
  else if (TPT_IS_NEED (node))
    tpt_document_remove_need (document, TPT_NEED (node));
  else if (TPT_IS_SLIDE (node))
    tpt_document_remove_slide (document, TPT_SLIDE (node));
  else if (TPT_IS_STAGE (node))
    tpt_blueprint_remove_stage (TPT_BLUEPRINT (parent), TPT_STAGE (node));
  else if (TPT_IS_LANE (node))
    tpt_blueprint_remove_lane (TPT_BLUEPRINT (parent), TPT_LANE (node));
  else if (TPT_IS_STEP (node))
    tpt_blueprint_remove_step (TPT_BLUEPRINT (tpt_node_get_parent (parent)), TPT_STEP (node));
  else if (TPT_IS_CARD (node))
    tpt_blueprint_remove_card (TPT_BLUEPRINT (parent), TPT_CARD (node));
  else if (TPT_IS_FLOW (node))
    tpt_blueprint_remove_flow (TPT_BLUEPRINT (parent), TPT_FLOW (node));
  tpt_document_end (document);
}

static void
copy_strv (TptPersona          *to,
           void               (*set) (TptPersona *, const char * const *),
           const char * const  *value)
{
  if (value != NULL)
    set (to, value);
}

static TptPersona *
copy_persona (TptDocument *document,
              TptPersona  *persona)
{
  TptPersona *copy = tpt_persona_new (document);
  GListModel *facts = tpt_persona_get_facts (persona);
  g_autofree char *name = g_strdup_printf (_("%s (copy)"), tpt_persona_get_name (persona));

  tpt_persona_set_name (copy, name);
  tpt_persona_set_role (copy, tpt_persona_get_role (persona));
  tpt_persona_set_segment (copy, tpt_persona_get_segment (persona));
  tpt_persona_set_quote (copy, tpt_persona_get_quote (persona));
  tpt_persona_set_color (copy, tpt_persona_get_color (persona));
  copy_strv (copy, tpt_persona_set_goals, tpt_persona_get_goals (persona));
  copy_strv (copy, tpt_persona_set_frustrations, tpt_persona_get_frustrations (persona));
  copy_strv (copy, tpt_persona_set_behaviours, tpt_persona_get_behaviours (persona));
  copy_strv (copy, tpt_persona_set_channels, tpt_persona_get_channels (persona));
  if (tpt_persona_get_photo (persona) != NULL)
    tpt_persona_set_photo (copy, tpt_persona_get_photo (persona),
                           tpt_persona_get_photo_type (persona));
  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(TptFact) fact = g_list_model_get_item (facts, i);
      g_autoptr(TptFact) fact_copy = tpt_fact_new (document);

      tpt_fact_set_label (fact_copy, tpt_fact_get_label (fact));
      tpt_fact_set_value (fact_copy, tpt_fact_get_value (fact));
      tpt_persona_insert_fact (copy, i, fact_copy);
    }

  return copy;
}

/**
 * tpt_node_edits_duplicate_persona:
 * @document: the document of @persona
 * @persona: a persona
 *
 * Inserts a copy of @persona, facts and photo included, after it, as one
 * undo step.
 *
 * Returns: (transfer none): the copy
 */
TptPersona *
tpt_node_edits_duplicate_persona (TptDocument *document,
                                  TptPersona  *persona)
{
  GListModel *personas;
  g_autoptr(TptPersona) copy = NULL;
  guint position = 0;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TPT_IS_PERSONA (persona), NULL);

  personas = tpt_document_get_personas (document);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(TptPersona) item = g_list_model_get_item (personas, i);

      if (item == persona)
        position = i + 1;
    }

  copy = copy_persona (document, persona);
  tpt_document_begin (document, _("Duplicate Persona"));
  tpt_document_insert_persona (document, position, copy);
  tpt_document_end (document);
  return copy;
}

/* GNOME's palette, in an order where neighbours differ: a new persona
 * takes the first no other persona has, so cards, curves and the matrix
 * tell them apart from the start. */
static const char *const persona_palette[] = {
  "#3584e4", "#2ec27e", "#e66100", "#9141ac", "#f5c211",
  "#e01b24", "#986a44", "#1c71d8", "#26a269", "#c64600",
  "#613583", "#e5a50a", "#a51d2d", "#63452c", "#77767b",
};

static const char *
unused_color (TptDocument *document)
{
  GListModel *personas = tpt_document_get_personas (document);
  guint n = g_list_model_get_n_items (personas);

  for (guint c = 0; c < G_N_ELEMENTS (persona_palette); c++)
    {
      gboolean used = FALSE;

      for (guint i = 0; i < n && !used; i++)
        {
          g_autoptr(TptPersona) other = g_list_model_get_item (personas, i);

          used = g_ascii_strcasecmp (tpt_persona_get_color (other), persona_palette[c]) == 0;
        }
      if (!used)
        return persona_palette[c];
    }
  /* Every colour taken: go round again, in order. */
  return persona_palette[n % G_N_ELEMENTS (persona_palette)];
}

/**
 * tpt_node_edits_add_persona:
 * @document: the document
 * @position: where in the document's personas
 *
 * Adds a persona called "New Persona", in a colour no other persona has,
 * as one undo step.
 *
 * Returns: (transfer none): the persona
 */
TptPersona *
tpt_node_edits_add_persona (TptDocument *document,
                            guint        position)
{
  g_autoptr(TptPersona) persona = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  persona = tpt_persona_new (document);
  tpt_persona_set_name (persona, _("New Persona"));
  tpt_persona_set_color (persona, unused_color (document));
  position = MIN (position, g_list_model_get_n_items (tpt_document_get_personas (document)));
  tpt_document_begin (document, _("Add Persona"));
  tpt_document_insert_persona (document, position, persona);
  tpt_document_end (document);
  return persona;
}
