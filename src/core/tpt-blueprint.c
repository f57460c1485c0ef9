/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-blueprint-private.h"
#include "tpt-card-private.h"
#include "tpt-document-private.h"
#include "tpt-emotion-private.h"
#include "tpt-flow-private.h"
#include "tpt-lane.h"
#include "tpt-stage.h"
#include "tpt-card.h"
#include "tpt-flow.h"
#include "tpt-emotion.h"
#include "tpt-enum-types.h"
#include "tpt-node-private.h"

/* A service blueprint: steps across, lanes down, cards in the cells. */
struct _TptBlueprint
{
  TptNode     parent_instance;

  GListStore *lanes;
  GListStore *stages;
  GListStore *cards;
  GListStore *flows;
  GListStore *emotions;
};

G_DEFINE_FINAL_TYPE (TptBlueprint, tpt_blueprint, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_STATE,
  PROP_BASED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListStore *const *
tpt_blueprint_get_child_stores (TptNode *node,
                                guint   *n_stores)
{
  TptBlueprint *self = TPT_BLUEPRINT (node);

  *n_stores = 5;
  return &self->lanes;
}

static void
tpt_blueprint_dispose (GObject *object)
{
  TptBlueprint *self = (TptBlueprint *)object;

  g_clear_object (&self->lanes);
  g_clear_object (&self->stages);
  g_clear_object (&self->cards);
  g_clear_object (&self->flows);
  g_clear_object (&self->emotions);

  G_OBJECT_CLASS (tpt_blueprint_parent_class)->dispose (object);
}

static void
tpt_blueprint_class_init (TptBlueprintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TptNodeClass *node_class = TPT_NODE_CLASS (klass);

  object_class->dispose = tpt_blueprint_dispose;
  node_class->get_child_stores = tpt_blueprint_get_child_stores;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       TPT_TYPE_BLUEPRINT_STATE, TPT_BLUEPRINT_STATE_CURRENT,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_BASED_ON] =
    g_param_spec_string ("based-on", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, "b", N_PROPS, properties);
}

static void
tpt_blueprint_init (TptBlueprint *self)
{
  self->lanes = g_list_store_new (TPT_TYPE_LANE);
  self->stages = g_list_store_new (TPT_TYPE_STAGE);
  self->cards = g_list_store_new (TPT_TYPE_CARD);
  self->flows = g_list_store_new (TPT_TYPE_FLOW);
  self->emotions = g_list_store_new (TPT_TYPE_EMOTION);
}

/**
 * tpt_blueprint_new:
 * @document: (nullable): the document it will belong to, which gives it an id
 *
 * Returns: (transfer full): a new blueprint, not yet in @document
 */
TptBlueprint *
tpt_blueprint_new (TptDocument *document)
{
  return TPT_BLUEPRINT (tpt_node_new_in (TPT_TYPE_BLUEPRINT, document));
}

/**
 * tpt_blueprint_get_title:
 * @self: a #TptBlueprint
 *
 * Returns: (transfer none): the blueprint's title
 */
const char *
tpt_blueprint_get_title (TptBlueprint *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_TITLE);
}

/**
 * tpt_blueprint_get_state:
 * @self: a #TptBlueprint
 *
 * Returns:: current or future state
 */
TptBlueprintState
tpt_blueprint_get_state (TptBlueprint *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), 0);

  return (TptBlueprintState)tpt_node_get_enum_field (TPT_NODE (self), PROP_STATE);
}

/**
 * tpt_blueprint_get_based_on:
 * @self: a #TptBlueprint
 *
 * Returns: (transfer none): the id of the blueprint this one was made from
 */
const char *
tpt_blueprint_get_based_on (TptBlueprint *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_BASED_ON);
}

void
tpt_blueprint_set_title (TptBlueprint *self,
                         const char *title)
{
  g_return_if_fail (TPT_IS_BLUEPRINT (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_TITLE, title);
}

void
tpt_blueprint_set_state (TptBlueprint *self,
                         TptBlueprintState state)
{
  g_return_if_fail (TPT_IS_BLUEPRINT (self));

  tpt_node_set_enum_field (TPT_NODE (self), PROP_STATE, state);
}

void
tpt_blueprint_set_based_on (TptBlueprint *self,
                            const char *based_on)
{
  g_return_if_fail (TPT_IS_BLUEPRINT (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_BASED_ON, based_on);
}

/**
 * tpt_blueprint_get_lanes:
 * @self: a #TptBlueprint
 *
 * Returns: (transfer none): a #GListModel of #TptLane
 */
GListModel *
tpt_blueprint_get_lanes (TptBlueprint *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), NULL);

  return G_LIST_MODEL (self->lanes);
}

/**
 * tpt_blueprint_get_stages:
 * @self: a #TptBlueprint
 *
 * Returns: (transfer none): a #GListModel of #TptStage
 */
GListModel *
tpt_blueprint_get_stages (TptBlueprint *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), NULL);

  return G_LIST_MODEL (self->stages);
}

/**
 * tpt_blueprint_get_cards:
 * @self: a #TptBlueprint
 *
 * Returns: (transfer none): a #GListModel of #TptCard
 */
GListModel *
tpt_blueprint_get_cards (TptBlueprint *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), NULL);

  return G_LIST_MODEL (self->cards);
}

/**
 * tpt_blueprint_get_flows:
 * @self: a #TptBlueprint
 *
 * Returns: (transfer none): a #GListModel of #TptFlow
 */
GListModel *
tpt_blueprint_get_flows (TptBlueprint *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), NULL);

  return G_LIST_MODEL (self->flows);
}

/**
 * tpt_blueprint_get_emotions:
 * @self: a #TptBlueprint
 *
 * Returns: (transfer none): a #GListModel of #TptEmotion
 */
GListModel *
tpt_blueprint_get_emotions (TptBlueprint *self)
{
  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), NULL);

  return G_LIST_MODEL (self->emotions);
}

/* Structure edits -----------------------------------------------------------
 *
 * Each operation opens its own transaction, labelled for the user, so that
 * calling one alone makes one undo step and calling several inside a larger
 * transaction folds them into it. Deletions take along everything that would
 * otherwise point at nothing. */

static TptDocument *
document_of (TptBlueprint *self)
{
  return tpt_node_get_document (TPT_NODE (self));
}

static void
begin (TptBlueprint *self,
       const char   *label)
{
  TptDocument *document = document_of (self);

  if (document != NULL && tpt_node_is_attached (TPT_NODE (self)))
    tpt_document_begin (document, label);
}

static void
end (TptBlueprint *self)
{
  TptDocument *document = document_of (self);

  if (document != NULL && tpt_node_is_attached (TPT_NODE (self)))
    tpt_document_end (document);
}

static const char *
id_of (gpointer node)
{
  return tpt_node_get_id (TPT_NODE (node));
}

void
tpt_blueprint_insert_lane (TptBlueprint *self,
                           guint         position,
                           TptLane      *lane)
{
  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_LANE (lane));

  begin (self, _("Add Lane"));
  tpt_node_insert_child (TPT_NODE (self), self->lanes, position, TPT_NODE (lane));
  end (self);
}

static void
remove_emotions_where (TptBlueprint *self,
                       const char   *lane_id,
                       const char   *step_id)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->emotions)); i > 0; i--)
    {
      g_autoptr(TptEmotion) emotion = g_list_model_get_item (G_LIST_MODEL (self->emotions), i - 1);

      if ((lane_id == NULL || g_strcmp0 (tpt_emotion_get_lane (emotion), lane_id) == 0) &&
          (step_id == NULL || g_strcmp0 (tpt_emotion_get_step (emotion), step_id) == 0))
        tpt_node_remove_child (TPT_NODE (self), self->emotions, TPT_NODE (emotion));
    }
}

/**
 * tpt_blueprint_remove_lane:
 * @self: a #TptBlueprint
 * @lane: one of its lanes
 *
 * Deletes @lane with its cards (and their flows) and emotion values.
 */
void
tpt_blueprint_remove_lane (TptBlueprint *self,
                           TptLane      *lane)
{
  const char *lane_id;

  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_LANE (lane));

  lane_id = id_of (lane);

  begin (self, _("Delete Lane"));

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->cards)); i > 0; i--)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i - 1);

      if (g_strcmp0 (tpt_card_get_lane (card), lane_id) == 0)
        tpt_blueprint_remove_card (self, card);
    }
  remove_emotions_where (self, lane_id, NULL);
  tpt_node_remove_child (TPT_NODE (self), self->lanes, TPT_NODE (lane));

  end (self);
}

void
tpt_blueprint_move_lane (TptBlueprint *self,
                         TptLane      *lane,
                         guint         position)
{
  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_LANE (lane));

  begin (self, _("Move Lane"));
  tpt_node_move_child (TPT_NODE (self), self->lanes, TPT_NODE (lane), position);
  end (self);
}

void
tpt_blueprint_insert_stage (TptBlueprint *self,
                            guint         position,
                            TptStage     *stage)
{
  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_STAGE (stage));

  begin (self, _("Add Stage"));
  tpt_node_insert_child (TPT_NODE (self), self->stages, position, TPT_NODE (stage));
  end (self);
}

/**
 * tpt_blueprint_remove_stage:
 * @self: a #TptBlueprint
 * @stage: one of its stages
 *
 * Deletes @stage and its steps, with what tpt_blueprint_remove_step() takes,
 * and the slides that show the stage.
 */
void
tpt_blueprint_remove_stage (TptBlueprint *self,
                            TptStage     *stage)
{
  GListModel *steps;

  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_STAGE (stage));

  steps = tpt_stage_get_steps (stage);

  begin (self, _("Delete Stage"));
  while (g_list_model_get_n_items (steps) > 0)
    {
      g_autoptr(TptStep) step = g_list_model_get_item (steps, 0);

      tpt_blueprint_remove_step (self, step);
    }
  if (document_of (self) != NULL && tpt_node_is_attached (TPT_NODE (self)))
    tpt_document_remove_slides_of (document_of (self), TPT_NODE (stage));
  tpt_node_remove_child (TPT_NODE (self), self->stages, TPT_NODE (stage));
  end (self);
}

void
tpt_blueprint_move_stage (TptBlueprint *self,
                          TptStage     *stage,
                          guint         position)
{
  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_STAGE (stage));

  begin (self, _("Move Stage"));
  tpt_node_move_child (TPT_NODE (self), self->stages, TPT_NODE (stage), position);
  end (self);
}

/**
 * tpt_blueprint_list_steps:
 * @self: a #TptBlueprint
 *
 * Returns: (transfer container) (element-type TptStep): every step, stage
 *   by stage, left to right
 */
GPtrArray *
tpt_blueprint_list_steps (TptBlueprint *self)
{
  GPtrArray *steps = g_ptr_array_new ();
  guint n_stages;

  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), steps);

  n_stages = g_list_model_get_n_items (G_LIST_MODEL (self->stages));
  for (guint s = 0; s < n_stages; s++)
    {
      g_autoptr(TptStage) stage = g_list_model_get_item (G_LIST_MODEL (self->stages), s);
      GListModel *stage_steps = tpt_stage_get_steps (stage);
      guint n = g_list_model_get_n_items (stage_steps);

      for (guint i = 0; i < n; i++)
        {
          TptStep *step = g_list_model_get_item (stage_steps, i);

          /* The stage holds the step; the array borrows it. */
          g_ptr_array_add (steps, step);
          g_object_unref (step);
        }
    }

  return steps;
}

/**
 * tpt_blueprint_get_step_index:
 * @self: a #TptBlueprint
 * @step_id: the id of a step
 *
 * Returns: the column of the step, counted from 0 across stages, or -1
 */
int
tpt_blueprint_get_step_index (TptBlueprint *self,
                              const char   *step_id)
{
  g_autoptr(GPtrArray) steps = NULL;

  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), -1);

  steps = tpt_blueprint_list_steps (self);
  for (guint i = 0; i < steps->len; i++)
    if (g_strcmp0 (id_of (g_ptr_array_index (steps, i)), step_id) == 0)
      return (int)i;

  return -1;
}

/**
 * tpt_blueprint_get_stage_of:
 * @self: a #TptBlueprint
 * @step: a step
 *
 * Returns: (nullable) (transfer none): the stage of @self holding @step
 */
TptStage *
tpt_blueprint_get_stage_of (TptBlueprint *self,
                            TptStep      *step)
{
  guint n_stages;

  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), NULL);
  g_return_val_if_fail (TPT_IS_STEP (step), NULL);

  n_stages = g_list_model_get_n_items (G_LIST_MODEL (self->stages));
  for (guint s = 0; s < n_stages; s++)
    {
      g_autoptr(TptStage) stage = g_list_model_get_item (G_LIST_MODEL (self->stages), s);

      if (g_list_store_find (G_LIST_STORE (tpt_stage_get_steps (stage)), step, NULL))
        return stage;
    }

  return NULL;
}

void
tpt_blueprint_insert_step (TptBlueprint *self,
                           TptStage     *stage,
                           guint         position,
                           TptStep      *step)
{
  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_STAGE (stage));
  g_return_if_fail (TPT_IS_STEP (step));

  begin (self, _("Add Step"));
  tpt_node_insert_child (TPT_NODE (stage), G_LIST_STORE (tpt_stage_get_steps (stage)),
                         position, TPT_NODE (step));
  end (self);
}

/**
 * tpt_blueprint_remove_step:
 * @self: a #TptBlueprint
 * @step: one of its steps
 *
 * Deletes @step. Cards that start at it go (with their flows), cards that
 * span across it become one step narrower, and its emotion values go.
 */
void
tpt_blueprint_remove_step (TptBlueprint *self,
                           TptStep      *step)
{
  TptStage *stage;
  const char *step_id;
  int index;
  g_autoptr(GPtrArray) steps = NULL;

  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_STEP (step));

  stage = tpt_blueprint_get_stage_of (self, step);
  g_return_if_fail (stage != NULL);

  step_id = id_of (step);
  index = tpt_blueprint_get_step_index (self, step_id);
  steps = tpt_blueprint_list_steps (self);

  begin (self, _("Delete Step"));

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->cards)); i > 0; i--)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i - 1);
      int start = tpt_blueprint_get_step_index (self, tpt_card_get_step (card));
      int span = tpt_card_get_span (card);

      if (start == index)
        tpt_blueprint_remove_card (self, card);
      else if (start >= 0 && start < index && start + span > index)
        tpt_card_set_span (card, span - 1);
    }
  remove_emotions_where (self, NULL, step_id);
  tpt_node_remove_child (TPT_NODE (stage), G_LIST_STORE (tpt_stage_get_steps (stage)),
                         TPT_NODE (step));

  end (self);
}

/**
 * tpt_blueprint_move_step:
 * @self: a #TptBlueprint
 * @step: one of its steps
 * @stage: the stage to move it to, possibly its own
 * @position: the position in @stage's steps, counted before the move
 *
 * Moves a step, with its cards, to another place.
 */
void
tpt_blueprint_move_step (TptBlueprint *self,
                         TptStep      *step,
                         TptStage     *stage,
                         guint         position)
{
  TptStage *from;

  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_STEP (step));
  g_return_if_fail (TPT_IS_STAGE (stage));

  from = tpt_blueprint_get_stage_of (self, step);
  g_return_if_fail (from != NULL);

  begin (self, _("Move Step"));
  if (from == stage)
    {
      tpt_node_move_child (TPT_NODE (stage), G_LIST_STORE (tpt_stage_get_steps (stage)),
                           TPT_NODE (step), position);
    }
  else
    {
      /* Outside a document nothing else holds the step between the two. */
      g_object_ref (step);
      tpt_node_remove_child (TPT_NODE (from), G_LIST_STORE (tpt_stage_get_steps (from)),
                             TPT_NODE (step));
      tpt_node_insert_child (TPT_NODE (stage), G_LIST_STORE (tpt_stage_get_steps (stage)),
                             MIN (position, g_list_model_get_n_items (tpt_stage_get_steps (stage))),
                             TPT_NODE (step));
      g_object_unref (step);
    }
  end (self);
}

/* Cards ------------------------------------------------------------------- */

/**
 * tpt_blueprint_list_cards_in:
 * @self: a #TptBlueprint
 * @lane_id: the id of a lane
 * @step_id: the id of a step
 *
 * Returns: (transfer container) (element-type TptCard): the cards that start
 *   in that cell, in order
 */
GPtrArray *
tpt_blueprint_list_cards_in (TptBlueprint *self,
                             const char   *lane_id,
                             const char   *step_id)
{
  GPtrArray *cards = g_ptr_array_new ();
  guint n;

  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), cards);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->cards));
  for (guint i = 0; i < n; i++)
    {
      TptCard *card = g_list_model_get_item (G_LIST_MODEL (self->cards), i);

      g_object_unref (card);
      if (g_strcmp0 (tpt_card_get_lane (card), lane_id) == 0 &&
          g_strcmp0 (tpt_card_get_step (card), step_id) == 0)
        g_ptr_array_add (cards, card);
    }

  return cards;
}

/* Where in the list of cards a card goes so that it is the @index_in_cell-th
 * card of the cell (lane, step), leaving @card itself out of the count. */
static guint
position_in_cell (TptBlueprint *self,
                  TptCard      *card,
                  const char   *lane_id,
                  const char   *step_id,
                  guint         index_in_cell)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->cards));
  guint seen = 0;
  int last = -1;

  /* "Last in its cell" goes right after the cell's last card: search from
   * the end, where cards being added one after another are found at once. */
  if (index_in_cell == G_MAXUINT)
    {
      for (guint i = n; i > 0; i--)
        {
          g_autoptr(TptCard) other = g_list_model_get_item (G_LIST_MODEL (self->cards), i - 1);

          if (other != card &&
              g_strcmp0 (tpt_card_get_lane (other), lane_id) == 0 &&
              g_strcmp0 (tpt_card_get_step (other), step_id) == 0)
            return i;
        }
      return n;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptCard) other = g_list_model_get_item (G_LIST_MODEL (self->cards), i);

      if (other == card ||
          g_strcmp0 (tpt_card_get_lane (other), lane_id) != 0 ||
          g_strcmp0 (tpt_card_get_step (other), step_id) != 0)
        continue;

      if (seen++ == index_in_cell)
        return i;
      last = (int)i;
    }

  return last >= 0 ? (guint)last + 1 : n;
}

/**
 * tpt_blueprint_add_card:
 * @self: a #TptBlueprint
 * @card: a new card
 * @lane: the lane to put it in
 * @step: the step to put it at
 * @index_in_cell: its place among the cards of that cell; %G_MAXUINT for last
 *
 * Adds @card to the cell (@lane, @step).
 */
void
tpt_blueprint_add_card (TptBlueprint *self,
                        TptCard      *card,
                        TptLane      *lane,
                        TptStep      *step,
                        guint         index_in_cell)
{
  guint position;

  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_CARD (card));
  g_return_if_fail (TPT_IS_LANE (lane));
  g_return_if_fail (TPT_IS_STEP (step));
  g_return_if_fail (!tpt_node_is_attached (TPT_NODE (card)));

  /* The card is not in the tree yet, so setting its cell is not recorded;
   * the insertion is, and undoing it takes the card out whole. */
  tpt_card_set_lane (card, id_of (lane));
  tpt_card_set_step (card, id_of (step));
  position = position_in_cell (self, card, id_of (lane), id_of (step), index_in_cell);

  begin (self, _("Add Card"));
  tpt_node_insert_child (TPT_NODE (self), self->cards, position, TPT_NODE (card));
  end (self);
}

/**
 * tpt_blueprint_move_card:
 * @self: a #TptBlueprint
 * @card: one of its cards
 * @lane: the lane to move it to
 * @step: the step to move it to
 * @index_in_cell: its place among the other cards of that cell; %G_MAXUINT
 *   for last
 *
 * Moves @card to another cell, or to another place in its own.
 */
void
tpt_blueprint_move_card (TptBlueprint *self,
                         TptCard      *card,
                         TptLane      *lane,
                         TptStep      *step,
                         guint         index_in_cell)
{
  guint old_position;
  guint position;

  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_CARD (card));
  g_return_if_fail (TPT_IS_LANE (lane));
  g_return_if_fail (TPT_IS_STEP (step));
  g_return_if_fail (g_list_store_find (self->cards, card, &old_position));

  position = position_in_cell (self, card, id_of (lane), id_of (step), index_in_cell);

  begin (self, _("Move Card"));
  tpt_card_set_lane (card, id_of (lane));
  tpt_card_set_step (card, id_of (step));
  /* position_in_cell counted positions with the card still in the list. */
  tpt_node_move_child (TPT_NODE (self), self->cards, TPT_NODE (card), position);
  end (self);
}

/**
 * tpt_blueprint_remove_card:
 * @self: a #TptBlueprint
 * @card: one of its cards
 *
 * Deletes @card and the flows to and from it.
 */
void
tpt_blueprint_remove_card (TptBlueprint *self,
                           TptCard      *card)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();

  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_CARD (card));

  g_ptr_array_add (cards, card);
  tpt_blueprint_remove_cards (self, cards);
}

/**
 * tpt_blueprint_remove_cards:
 * @self: a #TptBlueprint
 * @cards: (element-type TptCard): cards of @self
 *
 * Removes @cards and the flows to and from them, as one step. One pass
 * over the flows and one over the cards, from the end so positions stay
 * true: deleting all 5,000 cards of a big blueprint is as quick as the
 * history can record it, not a search of every list for every card.
 */
void
tpt_blueprint_remove_cards (TptBlueprint *self,
                            GPtrArray    *cards)
{
  g_autoptr(GHashTable) ids = NULL;

  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (cards != NULL);

  if (cards->len == 0)
    return;
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < cards->len; i++)
    {
      g_return_if_fail (TPT_IS_CARD (cards->pdata[i]));
      g_hash_table_add (ids, (gpointer) id_of (cards->pdata[i]));
    }

  begin (self, cards->len == 1 ? _("Delete Card") : _("Delete Cards"));
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->flows)); i > 0; i--)
    {
      g_autoptr(TptFlow) flow = g_list_model_get_item (G_LIST_MODEL (self->flows), i - 1);
      const char *from = tpt_flow_get_from (flow);
      const char *to = tpt_flow_get_to (flow);

      if ((from != NULL && g_hash_table_contains (ids, from)) ||
          (to != NULL && g_hash_table_contains (ids, to)))
        tpt_node_remove_child_at (TPT_NODE (self), self->flows, i - 1);
    }
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->cards)); i > 0; i--)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (G_LIST_MODEL (self->cards), i - 1);

      if (g_hash_table_contains (ids, id_of (card)))
        tpt_node_remove_child_at (TPT_NODE (self), self->cards, i - 1);
    }
  end (self);
}

/* Flows ------------------------------------------------------------------- */

/**
 * tpt_blueprint_add_flow:
 * @self: a #TptBlueprint
 * @from: a card of @self
 * @to: another card of @self
 * @arrow: single or double
 *
 * Returns: (transfer none): the new flow
 */
TptFlow *
tpt_blueprint_add_flow (TptBlueprint *self,
                        TptCard      *from,
                        TptCard      *to,
                        TptArrow      arrow)
{
  g_autoptr(TptFlow) flow = NULL;

  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), NULL);
  g_return_val_if_fail (TPT_IS_CARD (from), NULL);
  g_return_val_if_fail (TPT_IS_CARD (to), NULL);
  g_return_val_if_fail (from != to, NULL);

  flow = tpt_flow_new (document_of (self));
  tpt_flow_set_from (flow, id_of (from));
  tpt_flow_set_to (flow, id_of (to));
  tpt_flow_set_arrow (flow, arrow);

  begin (self, _("Add Flow"));
  tpt_node_append_child (TPT_NODE (self), self->flows, TPT_NODE (flow));
  end (self);

  return flow;
}

void
tpt_blueprint_remove_flow (TptBlueprint *self,
                           TptFlow      *flow)
{
  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_FLOW (flow));

  begin (self, _("Delete Flow"));
  tpt_node_remove_child (TPT_NODE (self), self->flows, TPT_NODE (flow));
  end (self);
}

/* Emotions ---------------------------------------------------------------- */

static TptEmotion *
find_emotion (TptBlueprint *self,
              const char   *lane_id,
              const char   *step_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->emotions));

  for (guint i = 0; i < n; i++)
    {
      TptEmotion *emotion = g_list_model_get_item (G_LIST_MODEL (self->emotions), i);

      g_object_unref (emotion);
      if (g_strcmp0 (tpt_emotion_get_lane (emotion), lane_id) == 0 &&
          g_strcmp0 (tpt_emotion_get_step (emotion), step_id) == 0)
        return emotion;
    }

  return NULL;
}

/**
 * tpt_blueprint_get_emotion:
 * @self: a #TptBlueprint
 * @lane_id: the id of an emotion lane
 * @step_id: the id of a step
 * @value: (out) (optional): the value, -2 to 2
 *
 * Returns: %TRUE if the emotion lane has a value at that step
 */
gboolean
tpt_blueprint_get_emotion (TptBlueprint *self,
                           const char   *lane_id,
                           const char   *step_id,
                           int          *value)
{
  TptEmotion *emotion;

  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), FALSE);

  emotion = find_emotion (self, lane_id, step_id);
  if (emotion == NULL)
    return FALSE;
  if (value != NULL)
    *value = tpt_emotion_get_value (emotion);
  return TRUE;
}

void
tpt_blueprint_set_emotion (TptBlueprint *self,
                           TptLane      *lane,
                           TptStep      *step,
                           int           value)
{
  TptEmotion *emotion;

  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_LANE (lane));
  g_return_if_fail (TPT_IS_STEP (step));
  g_return_if_fail (value >= -2 && value <= 2);

  emotion = find_emotion (self, id_of (lane), id_of (step));

  begin (self, _("Set Emotion"));
  if (emotion != NULL)
    {
      tpt_emotion_set_value (emotion, value);
    }
  else
    {
      g_autoptr(TptEmotion) fresh = tpt_emotion_new (document_of (self));

      tpt_emotion_set_lane (fresh, id_of (lane));
      tpt_emotion_set_step (fresh, id_of (step));
      tpt_emotion_set_value (fresh, value);
      tpt_node_append_child (TPT_NODE (self), self->emotions, TPT_NODE (fresh));
    }
  end (self);
}

void
tpt_blueprint_clear_emotion (TptBlueprint *self,
                             TptLane      *lane,
                             TptStep      *step)
{
  TptEmotion *emotion;

  g_return_if_fail (TPT_IS_BLUEPRINT (self));
  g_return_if_fail (TPT_IS_LANE (lane));
  g_return_if_fail (TPT_IS_STEP (step));

  emotion = find_emotion (self, id_of (lane), id_of (step));
  if (emotion == NULL)
    return;

  begin (self, _("Clear Emotion"));
  tpt_node_remove_child (TPT_NODE (self), self->emotions, TPT_NODE (emotion));
  end (self);
}

/* Copying ----------------------------------------------------------------- */

static TptNode *
copy_node (TptNode     *source,
           TptDocument *document,
           GHashTable  *ids)
{
  TptNode *copy = tpt_node_new_in (G_OBJECT_TYPE (source), document);

  tpt_node_copy_fields (copy, source);
  if (tpt_node_get_id (source) != NULL)
    g_hash_table_insert (ids, (gpointer)tpt_node_get_id (source), (gpointer)tpt_node_get_id (copy));
  return copy;
}

static const char *
map_id (GHashTable *ids,
        const char *id)
{
  const char *mapped = g_hash_table_lookup (ids, id);

  return mapped != NULL ? mapped : id;
}

/* Copies the nodes of @from into @to, the list of @owner that matches it. */
static void
copy_list (TptNode     *owner,
           GListStore  *to,
           GListModel  *from,
           TptDocument *document,
           GHashTable  *ids)
{
  guint n = g_list_model_get_n_items (from);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptNode) source = g_list_model_get_item (from, i);
      g_autoptr(TptNode) node = copy_node (source, document, ids);

      /* Steps belong to their copied stage, not to the blueprint. */
      if (TPT_IS_STAGE (node))
        copy_list (node, G_LIST_STORE (tpt_stage_get_steps (TPT_STAGE (node))),
                   tpt_stage_get_steps (TPT_STAGE (source)), document, ids);
      tpt_node_insert_child_raw (owner, to, i, node);
    }
}

/*
 * tpt_blueprint_copy:
 * @self: a blueprint
 * @document: the document that hands out the copy's ids
 *
 * Copies @self and everything in it with fresh ids, with the copy's cards,
 * flows and emotions pointing at the copy's lanes, steps and cards. The copy
 * is not in the document yet; insert_child_raw only sets parents while the
 * copy is new, and each copied step's parent is its copied stage.
 *
 * Returns: (transfer full): the copy
 */
TptBlueprint *
tpt_blueprint_copy (TptBlueprint *self,
                    TptDocument  *document)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  TptBlueprint *copy;
  guint n;

  g_return_val_if_fail (TPT_IS_BLUEPRINT (self), NULL);

  copy = TPT_BLUEPRINT (copy_node (TPT_NODE (self), document, ids));
  copy_list (TPT_NODE (copy), copy->lanes, G_LIST_MODEL (self->lanes), document, ids);
  copy_list (TPT_NODE (copy), copy->stages, G_LIST_MODEL (self->stages), document, ids);
  copy_list (TPT_NODE (copy), copy->cards, G_LIST_MODEL (self->cards), document, ids);
  copy_list (TPT_NODE (copy), copy->flows, G_LIST_MODEL (self->flows), document, ids);
  copy_list (TPT_NODE (copy), copy->emotions, G_LIST_MODEL (self->emotions), document, ids);

  n = g_list_model_get_n_items (G_LIST_MODEL (copy->cards));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (G_LIST_MODEL (copy->cards), i);

      tpt_card_set_lane (card, map_id (ids, tpt_card_get_lane (card)));
      tpt_card_set_step (card, map_id (ids, tpt_card_get_step (card)));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (copy->flows));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptFlow) flow = g_list_model_get_item (G_LIST_MODEL (copy->flows), i);

      tpt_flow_set_from (flow, map_id (ids, tpt_flow_get_from (flow)));
      tpt_flow_set_to (flow, map_id (ids, tpt_flow_get_to (flow)));
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (copy->emotions));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptEmotion) emotion = g_list_model_get_item (G_LIST_MODEL (copy->emotions), i);

      tpt_emotion_set_lane (emotion, map_id (ids, tpt_emotion_get_lane (emotion)));
      tpt_emotion_set_step (emotion, map_id (ids, tpt_emotion_get_step (emotion)));
    }

  return copy;
}
