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
