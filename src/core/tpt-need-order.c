/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-need-order"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-need-order.h"

#include "tpt-coverage.h"
#include "tpt-node-private.h"

/* Sorting the needs of a document, as a designer reorders the rows of the
 * needs matrix to read it: the pure ordering, and its one-step application
 * through the history. */

/* A need with the figures it sorts by, worked out once per sort. */
typedef struct
{
  TptNeed *need;
  int      first;   /* larger sorts earlier */
  int      second;  /* larger sorts earlier, among equal firsts */
  guint    index;   /* where it was, so ties keep their order */
} Key;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const Key *ka = a, *kb = b;

  if (ka->first != kb->first)
    return ka->first > kb->first ? -1 : 1;
  if (ka->second != kb->second)
    return ka->second > kb->second ? -1 : 1;
  return ka->index < kb->index ? -1 : (ka->index > kb->index);
}

/**
 * tpt_need_order_opportunity:
 * @document: a #TptDocument
 * @need: one of its needs
 *
 * The need's opportunity for the persona it matters most to: the highest
 * opportunity score (DESIGN.md) among its ratings whose score is known.
 *
 * Returns: 0 to 20, or −1 when no rating of @need has a known score
 */
int
tpt_need_order_opportunity (TptDocument *document,
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
        best = MAX (best, tpt_rating_get_opportunity (rating));
    }

  return best;
}

/**
 * tpt_need_order_sorted:
 * @document: a #TptDocument
 * @order: how to order its needs
 *
 * Works out the order without changing the document.
 *
 * Returns: (transfer full) (element-type TptNeed): all the needs of
 *   @document in @order; needs that tie keep their document order
 */
GPtrArray *
tpt_need_order_sorted (TptDocument  *document,
                       TptNeedOrder  order)
{
  GListModel *needs;
  guint n;
  g_autoptr(GArray) keys = NULL;
  GPtrArray *sorted;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (order <= TPT_NEED_ORDER_COVERAGE, NULL);

  needs = tpt_document_get_needs (document);
  n = g_list_model_get_n_items (needs);
  keys = g_array_sized_new (FALSE, TRUE, sizeof (Key), n);
  for (guint i = 0; i < n; i++)
    {
      Key key = { g_list_model_get_item (needs, i), 0, 0, i };

      switch (order)
        {
        case TPT_NEED_ORDER_IMPORTANCE:
          /* Unrated is −1, below every importance. */
          key.first = tpt_coverage_need_importance (document, key.need);
          break;
        case TPT_NEED_ORDER_OPPORTUNITY:
          /* Unknown is −1, after every known score, never read as zero. */
          key.first = tpt_need_order_opportunity (document, key.need);
          break;
        case TPT_NEED_ORDER_COVERAGE:
        default:
          {
            g_autoptr(GPtrArray) cards = tpt_coverage_cards_serving (document, NULL, key.need);

            /* Fewest cards first: a gap nothing serves leads, and the more
             * important of two equal gaps comes first. */
            key.first = -(int) cards->len;
            key.second = tpt_coverage_need_importance (document, key.need);
          }
          break;
        }
      g_array_append_val (keys, key);
    }

  g_array_sort (keys, compare_keys);
  sorted = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (sorted, g_array_index (keys, Key, i).need);

  return sorted;
}

/**
 * tpt_need_order_label:
 * @order: an order
 *
 * Returns: what sorting the needs in @order is called in the undo menu
 */
const char *
tpt_need_order_label (TptNeedOrder order)
{
  switch (order)
    {
    case TPT_NEED_ORDER_IMPORTANCE:
      return _("Sort Needs by Importance");
    case TPT_NEED_ORDER_OPPORTUNITY:
      return _("Sort Needs by Opportunity");
    case TPT_NEED_ORDER_COVERAGE:
    default:
      return _("Sort Needs by Coverage");
    }
}

/**
 * tpt_need_order_apply:
 * @document: a #TptDocument
 * @order: how to order its needs
 *
 * Reorders the needs of @document as tpt_need_order_sorted() says, in one
 * undo step labelled by tpt_need_order_label(); none when they are in that
 * order already.
 *
 * Returns: whether any need moved
 */
gboolean
tpt_need_order_apply (TptDocument  *document,
                      TptNeedOrder  order)
{
  g_autoptr(GPtrArray) sorted = NULL;
  GListModel *needs;
  gboolean moved = FALSE;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (order <= TPT_NEED_ORDER_COVERAGE, FALSE);

  sorted = tpt_need_order_sorted (document, order);
  needs = tpt_document_get_needs (document);

  tpt_document_begin (document, tpt_need_order_label (order));
  /* The first i needs are in place; bring the next one up behind them.
   * Each move is recorded, and all fold into the one step. */
  for (guint i = 0; i < sorted->len; i++)
    {
      g_autoptr(TptNeed) here = g_list_model_get_item (needs, i);

      if (here != g_ptr_array_index (sorted, i))
        {
          tpt_document_move_need (document, g_ptr_array_index (sorted, i), i);
          moved = TRUE;
        }
    }
  tpt_document_end (document);

  return moved;
}
