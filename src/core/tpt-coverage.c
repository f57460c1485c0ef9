/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-coverage"

#include "config.h"

#include <glib/gi18n-lib.h>

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

/* Per state and per persona ------------------------------------------------ */

/**
 * tpt_coverage_default_blueprint:
 * @document: a #TptDocument
 *
 * The blueprint coverage is shown for when nobody chose one: the current
 * state of the first service, that is, the first blueprint whose state is
 * current, or the first blueprint when none is.
 *
 * Returns: (transfer none) (nullable): that blueprint, or %NULL when the
 *   document has none
 */
TptBlueprint *
tpt_coverage_default_blueprint (TptDocument *document)
{
  GListModel *blueprints;
  guint n;
  TptBlueprint *first = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  blueprints = tpt_document_get_blueprints (document);
  n = g_list_model_get_n_items (blueprints);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);

      /* The list holds the blueprint; the pointer borrows it. */
      if (first == NULL)
        first = blueprint;
      if (tpt_blueprint_get_state (blueprint) == TPT_BLUEPRINT_STATE_CURRENT)
        return blueprint;
    }

  return first;
}

/**
 * tpt_coverage_filter_get_blueprint:
 * @document: a #TptDocument
 * @filter: (nullable): a filter
 *
 * Returns: (transfer none) (nullable): the blueprint @filter chose, or the
 *   default one
 */
TptBlueprint *
tpt_coverage_filter_get_blueprint (TptDocument             *document,
                                   const TptCoverageFilter *filter)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  if (filter != NULL && filter->blueprint != NULL)
    return filter->blueprint;
  return tpt_coverage_default_blueprint (document);
}

/**
 * tpt_coverage_filter_is_set:
 * @filter: (nullable): a filter
 *
 * Returns: %TRUE if @filter narrows coverage to a persona or a segment
 */
gboolean
tpt_coverage_filter_is_set (const TptCoverageFilter *filter)
{
  return filter != NULL && (filter->persona != NULL ||
                            (filter->segment != NULL && filter->segment[0] != '\0'));
}

/**
 * tpt_coverage_filter_has_persona:
 * @document: a #TptDocument
 * @filter: (nullable): a filter
 * @persona: a persona of @document
 *
 * Returns: %TRUE if @persona is one @filter looks at
 */
gboolean
tpt_coverage_filter_has_persona (TptDocument             *document,
                                 const TptCoverageFilter *filter,
                                 TptPersona              *persona)
{
  g_return_val_if_fail (TPT_IS_PERSONA (persona), FALSE);

  if (filter == NULL)
    return TRUE;
  if (filter->persona != NULL && filter->persona != persona)
    return FALSE;
  if (filter->segment != NULL && filter->segment[0] != '\0' &&
      g_strcmp0 (tpt_persona_get_segment (persona), filter->segment) != 0)
    return FALSE;
  return TRUE;
}

static gboolean
persona_id_matches (TptDocument             *document,
                    const TptCoverageFilter *filter,
                    const char              *id)
{
  TptPersona *persona = tpt_document_lookup_typed (document, id, TPT_TYPE_PERSONA);

  return persona != NULL && tpt_coverage_filter_has_persona (document, filter, persona);
}

/**
 * tpt_coverage_filter_has_need:
 * @document: a #TptDocument
 * @filter: (nullable): a filter
 * @need: a need of @document
 *
 * Returns: %TRUE if @need is one of @filter's: every need without a
 *   persona or segment, otherwise those its personas rated
 */
gboolean
tpt_coverage_filter_has_need (TptDocument             *document,
                              const TptCoverageFilter *filter,
                              TptNeed                 *need)
{
  GListModel *ratings;
  const char *id;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (TPT_IS_NEED (need), FALSE);

  if (!tpt_coverage_filter_is_set (filter))
    return TRUE;

  ratings = tpt_document_get_ratings (document);
  id = tpt_node_get_id (TPT_NODE (need));
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(TptRating) rating = g_list_model_get_item (ratings, i);

      if (g_strcmp0 (tpt_rating_get_need (rating), id) == 0 &&
          persona_id_matches (document, filter, tpt_rating_get_persona (rating)))
        return TRUE;
    }

  return FALSE;
}

/**
 * tpt_coverage_filter_has_card:
 * @document: a #TptDocument
 * @filter: (nullable): a filter
 * @card: a card of @document
 *
 * Returns: %TRUE if @card is in @filter's blueprint and, with a persona or
 *   segment, concerns one of its personas or no persona in particular
 */
gboolean
tpt_coverage_filter_has_card (TptDocument             *document,
                              const TptCoverageFilter *filter,
                              TptCard                 *card)
{
  const char * const *concerns;
  gboolean any = FALSE;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (TPT_IS_CARD (card), FALSE);

  if (tpt_node_get_parent (TPT_NODE (card)) !=
      TPT_NODE (tpt_coverage_filter_get_blueprint (document, filter)))
    return FALSE;
  if (!tpt_coverage_filter_is_set (filter))
    return TRUE;

  concerns = tpt_card_get_concerns (card);
  for (guint i = 0; concerns[i] != NULL; i++)
    {
      if (tpt_document_lookup_typed (document, concerns[i], TPT_TYPE_PERSONA) == NULL)
        continue;
      any = TRUE;
      if (persona_id_matches (document, filter, concerns[i]))
        return TRUE;
    }

  /* A card that concerns nobody in particular serves everyone. */
  return !any;
}

/**
 * tpt_coverage_filter_describe:
 * @document: a #TptDocument
 * @filter: (nullable): a filter
 *
 * Returns: (transfer full): what @filter looks at, in words: the
 *   blueprint's title, then the persona or the segment, e.g. "Motor
 *   policy — current state, for Dana Ortiz"; "" without blueprints
 */
char *
tpt_coverage_filter_describe (TptDocument             *document,
                              const TptCoverageFilter *filter)
{
  TptBlueprint *blueprint;
  const char *title;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  blueprint = tpt_coverage_filter_get_blueprint (document, filter);
  if (blueprint == NULL)
    return g_strdup ("");
  title = tpt_blueprint_get_title (blueprint);
  if (title[0] == '\0')
    title = _("Untitled blueprint");

  if (filter != NULL && filter->persona != NULL)
    /* Translators: coverage shown for a blueprint (its title), for one persona (a name). */
    return g_strdup_printf (_("%s, for %s"), title, tpt_persona_get_name (filter->persona));
  if (filter != NULL && filter->segment != NULL && filter->segment[0] != '\0')
    /* Translators: coverage shown for a blueprint (its title), for a segment of personas. */
    return g_strdup_printf (_("%s, for the segment “%s”"), title, filter->segment);
  return g_strdup (title);
}

/**
 * tpt_coverage_filter_needs:
 * @document: a #TptDocument
 * @filter: (nullable): a filter
 *
 * Returns: (transfer container) (element-type TptNeed): @filter's needs, in
 *   document order
 */
GPtrArray *
tpt_coverage_filter_needs (TptDocument             *document,
                           const TptCoverageFilter *filter)
{
  GListModel *needs;
  GPtrArray *result;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  needs = tpt_document_get_needs (document);
  result = g_ptr_array_new ();
  for (guint i = 0; i < g_list_model_get_n_items (needs); i++)
    {
      g_autoptr(TptNeed) need = g_list_model_get_item (needs, i);

      /* The list of needs holds the need; the array borrows it. */
      if (tpt_coverage_filter_has_need (document, filter, need))
        g_ptr_array_add (result, need);
    }

  return result;
}

/**
 * tpt_coverage_filter_cards_serving:
 * @document: a #TptDocument
 * @filter: (nullable): a filter
 * @need: a need of @document
 *
 * Returns: (transfer container) (element-type TptCard): the cards of
 *   @filter's blueprint that serve @need, and that @filter keeps, in
 *   document order; never a card of another blueprint
 */
GPtrArray *
tpt_coverage_filter_cards_serving (TptDocument             *document,
                                   const TptCoverageFilter *filter,
                                   TptNeed                 *need)
{
  TptBlueprint *blueprint;
  GPtrArray *cards;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TPT_IS_NEED (need), NULL);

  blueprint = tpt_coverage_filter_get_blueprint (document, filter);
  if (blueprint == NULL)
    return g_ptr_array_new ();

  cards = tpt_coverage_cards_serving (document, blueprint, need);
  for (guint i = cards->len; i > 0; i--)
    if (!tpt_coverage_filter_has_card (document, filter, g_ptr_array_index (cards, i - 1)))
      g_ptr_array_remove_index (cards, i - 1);

  return cards;
}

/**
 * tpt_coverage_filter_need_importance:
 * @document: a #TptDocument
 * @filter: (nullable): a filter
 * @need: a need of @document
 *
 * Returns: the highest importance @filter's personas give @need, 0 to 10,
 *   or −1 when none of them rated it
 */
int
tpt_coverage_filter_need_importance (TptDocument             *document,
                                     const TptCoverageFilter *filter,
                                     TptNeed                 *need)
{
  GListModel *ratings;
  const char *id;
  int best = -1;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), -1);
  g_return_val_if_fail (TPT_IS_NEED (need), -1);

  if (!tpt_coverage_filter_is_set (filter))
    return tpt_coverage_need_importance (document, need);

  ratings = tpt_document_get_ratings (document);
  id = tpt_node_get_id (TPT_NODE (need));
  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(TptRating) rating = g_list_model_get_item (ratings, i);

      if (g_strcmp0 (tpt_rating_get_need (rating), id) == 0 &&
          persona_id_matches (document, filter, tpt_rating_get_persona (rating)))
        best = MAX (best, tpt_rating_get_importance (rating));
    }

  return best;
}

/**
 * tpt_coverage_filter_unserved_needs:
 * @document: a #TptDocument
 * @filter: (nullable): a filter
 * @threshold: -1 for every unserved need, or the least importance, 0 to
 *   10, that makes an unserved need count
 *
 * Returns: (transfer container) (element-type TptNeed): @filter's needs
 *   that no card of its blueprint (that it keeps) serves, in document
 *   order
 */
GPtrArray *
tpt_coverage_filter_unserved_needs (TptDocument             *document,
                                    const TptCoverageFilter *filter,
                                    int                      threshold)
{
  g_autoptr(GPtrArray) needs = NULL;
  GPtrArray *result;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (threshold >= -1 && threshold <= 10, NULL);

  needs = tpt_coverage_filter_needs (document, filter);
  result = g_ptr_array_new ();
  for (guint i = 0; i < needs->len; i++)
    {
      TptNeed *need = g_ptr_array_index (needs, i);
      g_autoptr(GPtrArray) cards = tpt_coverage_filter_cards_serving (document, filter, need);

      if (cards->len > 0)
        continue;
      if (threshold >= 0 &&
          tpt_coverage_filter_need_importance (document, filter, need) < threshold)
        continue;
      g_ptr_array_add (result, need);
    }

  return result;
}

/**
 * tpt_coverage_filter_unlinked_back_cards:
 * @document: a #TptDocument
 * @filter: (nullable): a filter
 *
 * Returns: (transfer container) (element-type TptCard): the backstage and
 *   support cards of @filter's blueprint that serve no need, in document
 *   order; a persona or segment does not change them
 */
GPtrArray *
tpt_coverage_filter_unlinked_back_cards (TptDocument             *document,
                                         const TptCoverageFilter *filter)
{
  TptBlueprint *blueprint;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  blueprint = tpt_coverage_filter_get_blueprint (document, filter);
  if (blueprint == NULL)
    return g_ptr_array_new ();
  return tpt_coverage_unlinked_back_cards (document, blueprint);
}
