/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-blueprint-page-private.h"


/* Needs and personas dragged from the outline onto a card: the card then
 * serves the need, or concerns the persona. This is how a designer ties
 * back-office work to the outcomes it is for without leaving the
 * blueprint. */

/* @strv with @id added at the end, or NULL when it is there already. */
static GStrv
strv_with (const char * const *strv,
           const char         *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (strv != NULL && g_strv_contains (strv, id))
    return NULL;
  if (strv != NULL)
    g_strv_builder_addv (builder, (const char **) strv);
  g_strv_builder_add (builder, id);
  return g_strv_builder_end (builder);
}

/**
 * tpt_blueprint_page_link_at:
 * @self: a canvas
 * @node: a need or a persona of the canvas's document
 * @x: where it was dropped, in layout coordinates
 * @y: the point's y
 *
 * Links the card at (@x, @y) to @node, as one undo step: the card serves
 * the need, or concerns the persona. The card is selected.
 *
 * Returns: whether a card was there; it may have been linked already
 */
gboolean
tpt_blueprint_page_link_at (TptBlueprintPage *self,
                              TptNode            *node,
                              double              x,
                              double              y)
{
  TptCard *card;
  g_auto(GStrv) linked = NULL;
  const char *id;

  g_return_val_if_fail (TPT_IS_BLUEPRINT_PAGE (self), FALSE);
  g_return_val_if_fail (TPT_IS_NEED (node) || TPT_IS_PERSONA (node), FALSE);

  if (tpt_node_get_document (node) != self->document)
    return FALSE;
  card = tpt_blueprint_page_card_at (self, x, y);
  if (card == NULL)
    return FALSE;

  id = tpt_node_get_id (node);
  tpt_blueprint_page_select_card (self, card);
  if (TPT_IS_NEED (node))
    {
      linked = strv_with (tpt_card_get_serves (card), id);
      if (linked == NULL)
        return TRUE;
      tpt_document_begin (self->document, _("Link Need"));
      tpt_card_set_serves (card, (const char * const *) linked);
    }
  else
    {
      linked = strv_with (tpt_card_get_concerns (card), id);
      if (linked == NULL)
        return TRUE;
      tpt_document_begin (self->document, _("Link Persona"));
      tpt_card_set_concerns (card, (const char * const *) linked);
    }
  tpt_document_end (self->document);
  return TRUE;
}
