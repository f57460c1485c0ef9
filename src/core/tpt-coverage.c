/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-coverage"

#include "config.h"

#include "tpt-coverage.h"

#include "tpt-node-private.h"

/* Calls @func on every card of @blueprint, or of every blueprint of
 * @document when @blueprint is %NULL, in document order. */
typedef void (*CardFunc) (TptCard  *card,
                          gpointer  user_data);

static void
foreach_card (TptDocument  *document,
              TptBlueprint *blueprint,
              CardFunc      func,
              gpointer      user_data)
{
  GListModel *blueprints = tpt_document_get_blueprints (document);
  guint n_blueprints = blueprint != NULL ? 1 : g_list_model_get_n_items (blueprints);

  for (guint b = 0; b < n_blueprints; b++)
    {
      g_autoptr(TptBlueprint) each = blueprint != NULL ? g_object_ref (blueprint)
                                                       : g_list_model_get_item (blueprints, b);
      GListModel *cards = tpt_blueprint_get_cards (each);
      guint n_cards = g_list_model_get_n_items (cards);

      for (guint i = 0; i < n_cards; i++)
        {
          g_autoptr(TptCard) card = g_list_model_get_item (cards, i);

          func (card, user_data);
        }
    }
}

/* Whether @card serves at least one need that is in @document: a reference
 * to a need that is gone serves nothing. */
static gboolean
serves_any_need (TptDocument *document,
                 TptCard     *card)
{
  const char * const *serves = tpt_card_get_serves (card);

  for (guint i = 0; serves[i] != NULL; i++)
    if (tpt_document_lookup_typed (document, serves[i], TPT_TYPE_NEED) != NULL)
      return TRUE;

  return FALSE;
}

typedef struct
{
  const char *need_id;
  GPtrArray  *cards;
} ServingData;

static void
collect_serving_cb (TptCard  *card,
                    gpointer  user_data)
{
  ServingData *data = user_data;

  if (tpt_strv_contains (tpt_card_get_serves (card), data->need_id))
    g_ptr_array_add (data->cards, card);
}

/**
 * tpt_coverage_cards_serving:
 * @document: a #TptDocument
 * @blueprint: (nullable): one of its blueprints, or %NULL for all of them
 * @need: a need of @document
 *
 * Returns: (transfer container) (element-type TptCard): the cards that serve
 *   @need, in document order
 */
GPtrArray *
tpt_coverage_cards_serving (TptDocument  *document,
                            TptBlueprint *blueprint,
                            TptNeed      *need)
{
  ServingData data;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (blueprint == NULL || TPT_IS_BLUEPRINT (blueprint), NULL);
  g_return_val_if_fail (TPT_IS_NEED (need), NULL);

  data.need_id = tpt_node_get_id (TPT_NODE (need));
  data.cards = g_ptr_array_new ();

  if (data.need_id != NULL)
    foreach_card (document, blueprint, collect_serving_cb, &data);

  return data.cards;
}

static void
mark_served_cb (TptCard  *card,
                gpointer  user_data)
{
  GHashTable *served = user_data;
  const char * const *serves = tpt_card_get_serves (card);

  for (guint i = 0; serves[i] != NULL; i++)
    g_hash_table_add (served, (gpointer)serves[i]);
}

/* The needs of @document that no card (of @blueprint) serves and, when
 * @threshold is at least 0, that some persona rates at least that
 * important. One pass over the cards, not one per need. */
static GPtrArray *
unserved_needs (TptDocument  *document,
                TptBlueprint *blueprint,
                int           threshold)
{
  g_autoptr(GHashTable) served = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) important = NULL;
  GListModel *needs = tpt_document_get_needs (document);
  guint n_needs = g_list_model_get_n_items (needs);
  GPtrArray *result = g_ptr_array_new ();

  foreach_card (document, blueprint, mark_served_cb, served);

  if (threshold >= 0)
    {
      GListModel *ratings = tpt_document_get_ratings (document);
      guint n_ratings = g_list_model_get_n_items (ratings);

      important = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < n_ratings; i++)
        {
          g_autoptr(TptRating) rating = g_list_model_get_item (ratings, i);

          if (tpt_rating_get_importance (rating) >= threshold)
            g_hash_table_add (important, (gpointer)tpt_rating_get_need (rating));
        }
    }

  for (guint i = 0; i < n_needs; i++)
    {
      g_autoptr(TptNeed) need = g_list_model_get_item (needs, i);
      const char *id = tpt_node_get_id (TPT_NODE (need));

      if (id == NULL || g_hash_table_contains (served, id))
        continue;
      if (important != NULL && !g_hash_table_contains (important, id))
        continue;

      /* The list of needs holds the need; the array borrows it. */
      g_ptr_array_add (result, need);
    }

  return result;
}

/**
 * tpt_coverage_unserved_needs:
 * @document: a #TptDocument
 * @blueprint: (nullable): one of its blueprints, or %NULL for all of them
 *
 * Returns: (transfer container) (element-type TptNeed): the needs that no
 *   card serves, in document order
 */
GPtrArray *
tpt_coverage_unserved_needs (TptDocument  *document,
                             TptBlueprint *blueprint)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (blueprint == NULL || TPT_IS_BLUEPRINT (blueprint), NULL);

  return unserved_needs (document, blueprint, -1);
}

/**
 * tpt_coverage_important_unserved_needs:
 * @document: a #TptDocument
 * @blueprint: (nullable): one of its blueprints, or %NULL for all of them
 * @threshold: the least importance, 0 to 10, that makes a need important;
 *   %TPT_COVERAGE_IMPORTANT is the usual one
 *
 * Returns: (transfer container) (element-type TptNeed): the needs that some
 *   persona rates at least @threshold important but that no card serves, in
 *   document order
 */
GPtrArray *
tpt_coverage_important_unserved_needs (TptDocument  *document,
                                       TptBlueprint *blueprint,
                                       int           threshold)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (blueprint == NULL || TPT_IS_BLUEPRINT (blueprint), NULL);
  g_return_val_if_fail (threshold >= 0 && threshold <= 10, NULL);

  return unserved_needs (document, blueprint, threshold);
}

typedef struct
{
  TptDocument *document;
  GPtrArray   *cards;
} UnlinkedData;

static void
collect_unlinked_cb (TptCard  *card,
                     gpointer  user_data)
{
  UnlinkedData *data = user_data;
  TptLane *lane = tpt_document_lookup_typed (data->document, tpt_card_get_lane (card),
                                             TPT_TYPE_LANE);
  TptLaneKind kind;

  if (lane == NULL)
    return;

  kind = tpt_lane_get_kind (lane);
  if ((kind == TPT_LANE_KIND_BACKSTAGE || kind == TPT_LANE_KIND_SUPPORT) &&
      !serves_any_need (data->document, card))
    g_ptr_array_add (data->cards, card);
}

/**
 * tpt_coverage_unlinked_back_cards:
 * @document: a #TptDocument
 * @blueprint: (nullable): one of its blueprints, or %NULL for all of them
 *
 * Returns: (transfer container) (element-type TptCard): the cards in
 *   backstage and support lanes that serve no need, in document order
 */
GPtrArray *
tpt_coverage_unlinked_back_cards (TptDocument  *document,
                                  TptBlueprint *blueprint)
{
  UnlinkedData data;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (blueprint == NULL || TPT_IS_BLUEPRINT (blueprint), NULL);

  data.document = document;
  data.cards = g_ptr_array_new ();
  foreach_card (document, blueprint, collect_unlinked_cb, &data);

  return data.cards;
}

/**
 * tpt_coverage_need_importance:
 * @document: a #TptDocument
 * @need: one of its needs
 *
 * Returns: the highest importance any persona gives @need, 0 to 10, or −1
 *   when no persona has rated it
 */
int
tpt_coverage_need_importance (TptDocument *document,
                              TptNeed     *need)
{
  GListModel *ratings;
  const char *id;
  int best = -1;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), -1);
  g_return_val_if_fail (TPT_IS_NEED (need), -1);

  ratings = tpt_document_get_ratings (document);
  id = tpt_node_get_id (TPT_NODE (need));
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(TptRating) rating = g_list_model_get_item (ratings, i);

      if (g_strcmp0 (tpt_rating_get_need (rating), id) == 0)
        best = MAX (best, tpt_rating_get_importance (rating));
    }

  return best;
}

/**
 * tpt_coverage_compare:
 * @document: a #TptDocument
 * @current: the blueprint of the service as it is
 * @future: the blueprint of the service as it is meant to be
 * @closed: (out) (transfer container) (element-type TptNeed): the needs
 *   @current leaves unserved and @future serves
 * @opened: (out) (transfer container) (element-type TptNeed): the needs
 *   @current serves and @future leaves unserved
 * @remaining: (out) (transfer container) (element-type TptNeed): the needs
 *   neither serves
 *
 * What a future state does for the customer: the gaps it closes, the ones
 * it opens, and those it leaves. Each list is in document order.
 */
void
tpt_coverage_compare (TptDocument   *document,
                      TptBlueprint  *current,
                      TptBlueprint  *future,
                      GPtrArray    **closed,
                      GPtrArray    **opened,
                      GPtrArray    **remaining)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  GListModel *needs;

  g_return_if_fail (TPT_IS_DOCUMENT (document));
  g_return_if_fail (TPT_IS_BLUEPRINT (current));
  g_return_if_fail (TPT_IS_BLUEPRINT (future));
  g_return_if_fail (closed != NULL && opened != NULL && remaining != NULL);

  before = unserved_needs (document, current, -1);
  after = unserved_needs (document, future, -1);
  *closed = g_ptr_array_new ();
  *opened = g_ptr_array_new ();
  *remaining = g_ptr_array_new ();

  needs = tpt_document_get_needs (document);
  for (guint i = 0; i < g_list_model_get_n_items (needs); i++)
    {
      g_autoptr(TptNeed) need = g_list_model_get_item (needs, i);
      gboolean was_unserved = g_ptr_array_find (before, need, NULL);
      gboolean is_unserved = g_ptr_array_find (after, need, NULL);

      /* The list of needs holds the need; the arrays borrow it. */
      if (was_unserved && is_unserved)
        g_ptr_array_add (*remaining, need);
      else if (was_unserved)
        g_ptr_array_add (*closed, need);
      else if (is_unserved)
        g_ptr_array_add (*opened, need);
    }
}
