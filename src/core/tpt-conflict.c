/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-conflict"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-conflict-private.h"

#include "tpt-document.h"
#include "tpt-enum-types.h"
#include "tpt-field.h"
#include "tpt-node-private.h"

/* What a three-way merge (tpt-merge.h) could not decide: both sides changed
 * one field of one node differently, or one side deleted a node the other
 * changed. The merged document holds our side's value (or, for a deletion,
 * the node as the side that kept it has it) and this record of all three
 * values, so that nothing either side did is lost; the designer settles it
 * with tpt_conflict_resolve(), as one undoable step.
 *
 * A conflict is about a node with an id (target), a rating (target the
 * persona, partner the need), an emotion point (target the lane, partner
 * the step) or, with neither, the document's own metadata. Its values are
 * field items (tpt-field.h). */
struct _TptConflict
{
  TptNode parent_instance;
};

G_DEFINE_FINAL_TYPE (TptConflict, tpt_conflict, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TARGET,
  PROP_PARTNER,
  PROP_FIELD,
  PROP_BASE,
  PROP_OURS,
  PROP_THEIRS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tpt_conflict_class_init (TptConflictClass *klass)
{
  TptNodeClass *node_class = TPT_NODE_CLASS (klass);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       TPT_TYPE_CONFLICT_KIND, TPT_CONFLICT_KIND_EDIT,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PARTNER] =
    g_param_spec_string ("partner", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_BASE] =
    g_param_spec_boxed ("base", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_OURS] =
    g_param_spec_boxed ("ours", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_THEIRS] =
    g_param_spec_boxed ("theirs", NULL, NULL, G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, NULL, N_PROPS, properties);
}

static void
tpt_conflict_init (TptConflict *self)
{
}

/**
 * tpt_conflict_new:
 *
 * Returns: (transfer full): a new conflict, about the document's metadata
 *   until its target is set
 */
TptConflict *
tpt_conflict_new (void)
{
  return TPT_CONFLICT (tpt_node_new_in (TPT_TYPE_CONFLICT, NULL));
}

TptConflictKind
tpt_conflict_get_kind (TptConflict *self)
{
  g_return_val_if_fail (TPT_IS_CONFLICT (self), TPT_CONFLICT_KIND_EDIT);

  return (TptConflictKind)tpt_node_get_enum_field (TPT_NODE (self), PROP_KIND);
}

/**
 * tpt_conflict_get_target:
 * @self: a #TptConflict
 *
 * Returns: the id of the node the conflict is about; for a rating its
 *   persona's, for an emotion point its lane's; "" for the document
 */
const char *
tpt_conflict_get_target (TptConflict *self)
{
  g_return_val_if_fail (TPT_IS_CONFLICT (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_TARGET);
}

/**
 * tpt_conflict_get_partner:
 * @self: a #TptConflict
 *
 * Returns: for a rating the id of its need, for an emotion point its
 *   step's; "" otherwise
 */
const char *
tpt_conflict_get_partner (TptConflict *self)
{
  g_return_val_if_fail (TPT_IS_CONFLICT (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_PARTNER);
}

/**
 * tpt_conflict_get_field:
 * @self: a #TptConflict
 *
 * Returns: the name of the field (tpt-field.h), #TPT_CONFLICT_FIELD_POSITION
 *   or #TPT_CONFLICT_FIELD_STAGE for an edit; "" for a deletion
 */
const char *
tpt_conflict_get_field (TptConflict *self)
{
  g_return_val_if_fail (TPT_IS_CONFLICT (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_FIELD);
}

/**
 * tpt_conflict_get_base:
 * @self: a #TptConflict
 *
 * Returns: (transfer none): the value both sides started from, as items
 */
const char * const *
tpt_conflict_get_base (TptConflict *self)
{
  g_return_val_if_fail (TPT_IS_CONFLICT (self), NULL);

  return tpt_node_get_strv_field (TPT_NODE (self), PROP_BASE);
}

/**
 * tpt_conflict_get_ours:
 * @self: a #TptConflict
 *
 * Returns: (transfer none): our side's value, which the document holds
 */
const char * const *
tpt_conflict_get_ours (TptConflict *self)
{
  g_return_val_if_fail (TPT_IS_CONFLICT (self), NULL);

  return tpt_node_get_strv_field (TPT_NODE (self), PROP_OURS);
}

/**
 * tpt_conflict_get_theirs:
 * @self: a #TptConflict
 *
 * Returns: (transfer none): their side's value
 */
const char * const *
tpt_conflict_get_theirs (TptConflict *self)
{
  g_return_val_if_fail (TPT_IS_CONFLICT (self), NULL);

  return tpt_node_get_strv_field (TPT_NODE (self), PROP_THEIRS);
}

void
tpt_conflict_set_kind (TptConflict     *self,
                       TptConflictKind  kind)
{
  g_return_if_fail (TPT_IS_CONFLICT (self));

  tpt_node_set_enum_field (TPT_NODE (self), PROP_KIND, kind);
}

void
tpt_conflict_set_target (TptConflict *self,
                         const char  *target,
                         const char  *partner)
{
  g_return_if_fail (TPT_IS_CONFLICT (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_TARGET, target);
  tpt_node_set_string_field (TPT_NODE (self), PROP_PARTNER, partner);
}

void
tpt_conflict_set_field (TptConflict *self,
                        const char  *field)
{
  g_return_if_fail (TPT_IS_CONFLICT (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_FIELD, field);
}

void
tpt_conflict_set_values (TptConflict        *self,
                         const char * const *base,
                         const char * const *ours,
                         const char * const *theirs)
{
  g_return_if_fail (TPT_IS_CONFLICT (self));

  tpt_node_set_strv_field (TPT_NODE (self), PROP_BASE, base);
  tpt_node_set_strv_field (TPT_NODE (self), PROP_OURS, ours);
  tpt_node_set_strv_field (TPT_NODE (self), PROP_THEIRS, theirs);
}

/* Finding what it is about ------------------------------------------------------ */

static TptBlueprint *
blueprint_of (TptNode *node)
{
  while (node != NULL && !TPT_IS_BLUEPRINT (node))
    node = tpt_node_get_parent (node);
  return node != NULL ? TPT_BLUEPRINT (node) : NULL;
}

static TptEmotion *
find_emotion (TptDocument *document,
              TptLane     *lane,
              const char  *step_id)
{
  TptBlueprint *blueprint = blueprint_of (TPT_NODE (lane));
  GListModel *emotions;
  guint n;

  if (blueprint == NULL)
    return NULL;

  emotions = tpt_blueprint_get_emotions (blueprint);
  n = g_list_model_get_n_items (emotions);
  for (guint i = 0; i < n; i++)
    {
      TptEmotion *emotion = g_list_model_get_item (emotions, i);

      /* The blueprint holds it; we borrow it. */
      g_object_unref (emotion);
      if (g_strcmp0 (tpt_emotion_get_lane (emotion), tpt_node_get_id (TPT_NODE (lane))) == 0 &&
          g_strcmp0 (tpt_emotion_get_step (emotion), step_id) == 0)
        return emotion;
    }
  return NULL;
}

/*
 * tpt_conflict_lookup_target:
 * @document: a document
 * @target: (nullable): an id, or a persona's or a lane's
 * @partner: (nullable): a need's or a step's id, or nothing
 *
 * Returns: (nullable) (transfer none): the node a conflict with this target
 *   and partner is about, if @document has it
 */
TptNode *
tpt_conflict_lookup_target (TptDocument *document,
                            const char  *target,
                            const char  *partner)
{
  TptNode *node;

  if (target == NULL || target[0] == '\0')
    return partner == NULL || partner[0] == '\0' ? TPT_NODE (document) : NULL;

  node = tpt_document_lookup (document, target);
  if (node == NULL || partner == NULL || partner[0] == '\0')
    return node;

  if (TPT_IS_PERSONA (node))
    {
      TptNeed *need = tpt_document_lookup_typed (document, partner, TPT_TYPE_NEED);

      return need != NULL ? (TptNode *)tpt_document_get_rating (document, TPT_PERSONA (node), need)
                          : NULL;
    }
  if (TPT_IS_LANE (node))
    return (TptNode *)find_emotion (document, TPT_LANE (node), partner);

  return NULL;
}

/**
 * tpt_conflict_find_target:
 * @self: a #TptConflict
 * @document: the document it is in
 *
 * Returns: (nullable) (transfer none): the node the conflict is about: the
 *   document itself for its metadata
 */
TptNode *
tpt_conflict_find_target (TptConflict *self,
                          TptDocument *document)
{
  g_return_val_if_fail (TPT_IS_CONFLICT (self), NULL);
  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  return tpt_conflict_lookup_target (document, tpt_conflict_get_target (self),
                                     tpt_conflict_get_partner (self));
}

/* In words ------------------------------------------------------------------------ */

static char *
describe_position (TptDocument        *document,
                   const char * const *items)
{
  TptNode *anchor;
  g_autofree char *name = NULL;

  if (items == NULL || items[0] == NULL)
    return g_strdup (_("first"));

  anchor = tpt_document_lookup (document, items[0]);
  name = anchor != NULL ? tpt_field_describe_node (anchor) : g_strdup (items[0]);
  /* Translators: where a node is in its list, e.g. "after card “Calls”". */
  return g_strdup_printf (_("after %s"), name);
}

static char *
describe_values (TptConflict        *self,
                 TptDocument        *document,
                 TptNode            *target,
                 const char * const *items)
{
  const char *field_name = tpt_conflict_get_field (self);
  const TptField *field;

  if (strcmp (field_name, TPT_CONFLICT_FIELD_POSITION) == 0)
    return describe_position (document, items);
  if (strcmp (field_name, TPT_CONFLICT_FIELD_STAGE) == 0)
    return items != NULL && items[0] != NULL ? tpt_field_name_of (document, items[0])
                                             : g_strdup (_("none"));

  field = tpt_field_find (G_OBJECT_TYPE (target), field_name);
  g_assert (field != NULL);
  return tpt_field_describe_value (field, G_OBJECT_TYPE (target), items, document, 60);
}

/**
 * tpt_conflict_describe:
 * @self: a #TptConflict in a document
 *
 * Returns: (transfer full): the conflict in a designer's words, e.g. card
 *   “Calls” (Customer, Reports the accident): text — ours “…”, theirs “…”,
 *   base “…”
 */
char *
tpt_conflict_describe (TptConflict *self)
{
  TptDocument *document;
  TptNode *target;
  g_autofree char *what = NULL;

  g_return_val_if_fail (TPT_IS_CONFLICT (self), NULL);

  document = tpt_node_get_document (TPT_NODE (self));
  g_return_val_if_fail (document != NULL, NULL);

  target = tpt_conflict_find_target (self, document);
  if (target == NULL)
    return g_strdup (_("a conflict about something no longer in the document"));
  what = tpt_field_describe_node (target);

  switch (tpt_conflict_get_kind (self))
    {
    case TPT_CONFLICT_KIND_DELETED_BY_OURS:
      /* Translators: %s is a node, e.g. card “Calls” (Customer, Reports). */
      return g_strdup_printf (_("%s: deleted on our side but changed on theirs; kept"), what);

    case TPT_CONFLICT_KIND_DELETED_BY_THEIRS:
      return g_strdup_printf (_("%s: changed on our side but deleted on theirs; kept"), what);

    case TPT_CONFLICT_KIND_EDIT:
    default:
      {
        const char *field_name = tpt_conflict_get_field (self);
        const TptField *field = tpt_field_find (G_OBJECT_TYPE (target), field_name);
        g_autofree char *ours = describe_values (self, document, target,
                                                 tpt_conflict_get_ours (self));
        g_autofree char *theirs = describe_values (self, document, target,
                                                   tpt_conflict_get_theirs (self));
        g_autofree char *base = describe_values (self, document, target,
                                                 tpt_conflict_get_base (self));
        const char *label;

        if (field != NULL)
          label = _(field->label);
        else if (strcmp (field_name, TPT_CONFLICT_FIELD_STAGE) == 0)
          label = _("stage");
        else
          label = _("place");

        /* Translators: a merge conflict: the node, the field, our value,
         * their value and the value both started from. */
        return g_strdup_printf (_("%s: %s — ours %s, theirs %s, base %s"),
                                what, label, ours, theirs, base);
      }
    }
}

/**
 * tpt_conflict_describe_subject:
 * @self: a #TptConflict in a document
 *
 * What a list of conflicts shows as the heading of one: where it is.
 *
 * Returns: (transfer full): the node, and the field for an edit, e.g.
 *   card “Calls” (Customer, Reports the accident): text
 */
char *
tpt_conflict_describe_subject (TptConflict *self)
{
  TptDocument *document;
  TptNode *target;
  g_autofree char *what = NULL;
  const char *field_name;
  const TptField *field;
  const char *label;

  g_return_val_if_fail (TPT_IS_CONFLICT (self), NULL);

  document = tpt_node_get_document (TPT_NODE (self));
  g_return_val_if_fail (document != NULL, NULL);

  target = tpt_conflict_find_target (self, document);
  if (target == NULL)
    return g_strdup (_("a conflict about something no longer in the document"));
  what = tpt_field_describe_node (target);
  if (tpt_conflict_get_kind (self) != TPT_CONFLICT_KIND_EDIT)
    return g_steal_pointer (&what);

  field_name = tpt_conflict_get_field (self);
  field = tpt_field_find (G_OBJECT_TYPE (target), field_name);
  if (field != NULL)
    label = _(field->label);
  else if (strcmp (field_name, TPT_CONFLICT_FIELD_STAGE) == 0)
    label = _("stage");
  else
    label = _("place");
  /* Translators: where a merge conflict is: a node and one of its fields,
   * e.g. card “Calls” (Customer, Reports the accident): text. */
  return g_strdup_printf (_("%s: %s"), what, label);
}

/**
 * tpt_conflict_describe_choice:
 * @self: a #TptConflict in a document
 * @choice: one side
 *
 * What choosing @choice would give, in a designer's words: the side's
 * value of the field, e.g. “Calls the hotline”; for a node one side
 * deleted, "Delete it" or "Keep it".
 *
 * Returns: (transfer full): the side's value
 */
char *
tpt_conflict_describe_choice (TptConflict       *self,
                              TptConflictChoice  choice)
{
  TptDocument *document;
  TptNode *target;
  TptConflictKind kind;
  const char * const *items;

  g_return_val_if_fail (TPT_IS_CONFLICT (self), NULL);

  document = tpt_node_get_document (TPT_NODE (self));
  g_return_val_if_fail (document != NULL, NULL);

  target = tpt_conflict_find_target (self, document);
  kind = tpt_conflict_get_kind (self);
  if (kind == TPT_CONFLICT_KIND_DELETED_BY_OURS || kind == TPT_CONFLICT_KIND_DELETED_BY_THEIRS)
    {
      if ((kind == TPT_CONFLICT_KIND_DELETED_BY_OURS && choice == TPT_CONFLICT_CHOOSE_OURS) ||
          (kind == TPT_CONFLICT_KIND_DELETED_BY_THEIRS && choice == TPT_CONFLICT_CHOOSE_THEIRS))
        /* Translators: what one side of a merge conflict did to a node. */
        return g_strdup (_("Delete it"));
      /* Translators: what the other side did: changed it, so keep it. */
      return g_strdup (_("Keep it"));
    }
  if (target == NULL)
    return g_strdup (_("none"));

  switch (choice)
    {
    case TPT_CONFLICT_CHOOSE_THEIRS: items = tpt_conflict_get_theirs (self); break;
    case TPT_CONFLICT_CHOOSE_BASE:   items = tpt_conflict_get_base (self); break;
    case TPT_CONFLICT_CHOOSE_OURS:
    default:                         items = tpt_conflict_get_ours (self); break;
    }
  return describe_values (self, document, target, items);
}

/* Resolving ------------------------------------------------------------------------ */

/* Deletes @node through the model's API, with what goes with it. */
static void
delete_node (TptDocument *document,
             TptNode     *node)
{
  TptBlueprint *blueprint = blueprint_of (node);

  if (TPT_IS_PERSONA (node))
    tpt_document_remove_persona (document, TPT_PERSONA (node));
  else if (TPT_IS_NEED (node))
    tpt_document_remove_need (document, TPT_NEED (node));
  else if (TPT_IS_RATING (node))
    {
      TptRating *rating = TPT_RATING (node);

      tpt_document_set_rating (document,
                               tpt_document_lookup_typed (document,
                                                          tpt_rating_get_persona (rating),
                                                          TPT_TYPE_PERSONA),
                               tpt_document_lookup_typed (document,
                                                          tpt_rating_get_need (rating),
                                                          TPT_TYPE_NEED),
                               -1, -1);
    }
  else if (TPT_IS_BLUEPRINT (node))
    tpt_document_remove_blueprint (document, TPT_BLUEPRINT (node));
  else if (TPT_IS_LANE (node))
    tpt_blueprint_remove_lane (blueprint, TPT_LANE (node));
  else if (TPT_IS_STAGE (node))
    tpt_blueprint_remove_stage (blueprint, TPT_STAGE (node));
  else if (TPT_IS_STEP (node))
    tpt_blueprint_remove_step (blueprint, TPT_STEP (node));
  else if (TPT_IS_CARD (node))
    tpt_blueprint_remove_card (blueprint, TPT_CARD (node));
  else if (TPT_IS_FLOW (node))
    tpt_blueprint_remove_flow (blueprint, TPT_FLOW (node));
  else if (TPT_IS_EMOTION (node))
    {
      TptEmotion *emotion = TPT_EMOTION (node);

      tpt_blueprint_clear_emotion (blueprint,
                                   tpt_document_lookup_typed (document,
                                                              tpt_emotion_get_lane (emotion),
                                                              TPT_TYPE_LANE),
                                   tpt_document_lookup_typed (document,
                                                              tpt_emotion_get_step (emotion),
                                                              TPT_TYPE_STEP));
    }
  else if (TPT_IS_SLIDE (node))
    tpt_document_remove_slide (document, TPT_SLIDE (node));
  else
    g_assert_not_reached ();
}

static GListStore *
store_of (TptNode *node,
          guint   *position)
{
  TptNode *parent = tpt_node_get_parent (node);
  GListStore *const *stores;
  guint n_stores;

  if (parent == NULL)
    return NULL;

  stores = tpt_node_get_child_stores (parent, &n_stores);
  for (guint i = 0; i < n_stores; i++)
    if (g_list_model_get_item_type (G_LIST_MODEL (stores[i])) == G_OBJECT_TYPE (node) &&
        g_list_store_find (stores[i], node, position))
      return stores[i];
  return NULL;
}

/* Moves @node to right after @anchor_id in its list, or first in it when
 * @anchor_id is no node of that list; a card among the cards of its cell. */
static void
move_after (TptDocument *document,
            TptNode     *node,
            const char  *anchor_id)
{
  TptNode *anchor = anchor_id != NULL ? tpt_document_lookup (document, anchor_id) : NULL;
  TptBlueprint *blueprint = blueprint_of (node);
  guint anchor_position = 0;
  guint position;
  GListStore *store = store_of (node, &position);

  if (anchor != NULL && (store_of (anchor, &anchor_position) != store))
    anchor = NULL;

  if (TPT_IS_CARD (node))
    {
      TptCard *card = TPT_CARD (node);
      g_autoptr(GPtrArray) cell = tpt_blueprint_list_cards_in (blueprint, tpt_card_get_lane (card),
                                                               tpt_card_get_step (card));
      guint index = 0;

      g_ptr_array_remove (cell, card);
      if (anchor != NULL && g_ptr_array_find (cell, anchor, &index))
        index++;
      else
        index = 0;
      tpt_blueprint_move_card (blueprint, card,
                               tpt_document_lookup_typed (document, tpt_card_get_lane (card),
                                                          TPT_TYPE_LANE),
                               tpt_document_lookup_typed (document, tpt_card_get_step (card),
                                                          TPT_TYPE_STEP),
                               index);
      return;
    }

  position = anchor != NULL ? anchor_position + 1 : 0;

  if (TPT_IS_STEP (node))
    tpt_blueprint_move_step (blueprint, TPT_STEP (node), TPT_STAGE (tpt_node_get_parent (node)),
                             position);
  else if (TPT_IS_LANE (node))
    tpt_blueprint_move_lane (blueprint, TPT_LANE (node), position);
  else if (TPT_IS_STAGE (node))
    tpt_blueprint_move_stage (blueprint, TPT_STAGE (node), position);
  else if (TPT_IS_PERSONA (node))
    tpt_document_move_persona (document, TPT_PERSONA (node), position);
  else if (TPT_IS_NEED (node))
    tpt_document_move_need (document, TPT_NEED (node), position);
  else if (TPT_IS_BLUEPRINT (node))
    tpt_document_move_blueprint (document, TPT_BLUEPRINT (node), position);
  else if (TPT_IS_SLIDE (node))
    tpt_document_move_slide (document, TPT_SLIDE (node), position);
}

static gboolean
move_to_stage (TptDocument         *document,
               TptNode             *node,
               const char * const  *items,
               GError             **error)
{
  TptStage *stage;

  if (!TPT_IS_STEP (node) || items == NULL || items[0] == NULL ||
      (stage = tpt_document_lookup_typed (document, items[0], TPT_TYPE_STAGE)) == NULL ||
      blueprint_of (TPT_NODE (stage)) != blueprint_of (node))
    {
      g_set_error (error, TPT_ERROR, TPT_ERROR_BROKEN_REFERENCE,
                   _("That stage is no longer in the blueprint"));
      return FALSE;
    }

  tpt_blueprint_move_step (blueprint_of (node), TPT_STEP (node), stage,
                           g_list_model_get_n_items (tpt_stage_get_steps (stage)));
  return TRUE;
}

/**
 * tpt_conflict_resolve:
 * @self: a #TptConflict in a document
 * @choice: which side's value to keep
 * @error: return location for a #TPT_ERROR
 *
 * Settles the conflict, as one undoable step labelled "Resolve Conflict":
 * gives the field the chosen value (or, for a deletion, deletes the node
 * if the deleting side is chosen) and takes the conflict out of the
 * document. If the chosen value no longer fits — it refers to something
 * deleted since — nothing changes and @error says why.
 *
 * Returns: %TRUE if the conflict was resolved
 */
gboolean
tpt_conflict_resolve (TptConflict        *self,
                      TptConflictChoice   choice,
                      GError            **error)
{
  TptDocument *document;
  TptNode *target;
  TptConflictKind kind;
  gboolean ok = TRUE;

  g_return_val_if_fail (TPT_IS_CONFLICT (self), FALSE);
  g_return_val_if_fail (tpt_node_is_attached (TPT_NODE (self)), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  document = tpt_node_get_document (TPT_NODE (self));
  target = tpt_conflict_find_target (self, document);
  kind = tpt_conflict_get_kind (self);

  /* Keep the conflict alive while it takes itself out of the document. */
  g_object_ref (self);
  tpt_document_begin (document, _("Resolve Conflict"));

  if (target == NULL)
    {
      /* Nothing to decide any more; just let it go. */
    }
  else if (kind == TPT_CONFLICT_KIND_DELETED_BY_OURS ||
           kind == TPT_CONFLICT_KIND_DELETED_BY_THEIRS)
    {
      if ((kind == TPT_CONFLICT_KIND_DELETED_BY_OURS && choice == TPT_CONFLICT_CHOOSE_OURS) ||
          (kind == TPT_CONFLICT_KIND_DELETED_BY_THEIRS && choice == TPT_CONFLICT_CHOOSE_THEIRS))
        delete_node (document, target);
    }
  else
    {
      const char *field_name = tpt_conflict_get_field (self);
      const char * const *items;

      switch (choice)
        {
        case TPT_CONFLICT_CHOOSE_THEIRS: items = tpt_conflict_get_theirs (self); break;
        case TPT_CONFLICT_CHOOSE_BASE:   items = tpt_conflict_get_base (self); break;
        case TPT_CONFLICT_CHOOSE_OURS:
        default:                         items = tpt_conflict_get_ours (self); break;
        }

      if (strcmp (field_name, TPT_CONFLICT_FIELD_POSITION) == 0)
        move_after (document, target, items[0]);
      else if (strcmp (field_name, TPT_CONFLICT_FIELD_STAGE) == 0)
        ok = move_to_stage (document, target, items, error);
      else
        {
          const TptField *field = tpt_field_find (G_OBJECT_TYPE (target), field_name);

          g_assert (field != NULL);
          ok = tpt_field_set (target, field, items, error);
        }
    }

  /* A field that takes a value it refuses changes nothing, so leaving the
   * transaction empty leaves no undo step either. */
  if (ok && tpt_node_is_attached (TPT_NODE (self)))
    tpt_node_remove_child (TPT_NODE (document),
                           G_LIST_STORE (tpt_document_get_conflicts (document)),
                           TPT_NODE (self));

  tpt_document_end (document);
  g_object_unref (self);

  return ok;
}

/*
 * tpt_document_drop_stale_conflicts:
 * @document: a document in a transaction
 *
 * Takes out the conflicts whose node is no longer in the document, inside
 * the open transaction, so that undoing the deletion brings them back too
 * and the file never holds a conflict about nothing.
 */
void
tpt_document_drop_stale_conflicts (TptDocument *document)
{
  GListModel *conflicts = tpt_document_get_conflicts (document);

  for (guint i = g_list_model_get_n_items (conflicts); i > 0; i--)
    {
      g_autoptr(TptConflict) conflict = g_list_model_get_item (conflicts, i - 1);

      if (tpt_conflict_find_target (conflict, document) == NULL)
        tpt_node_remove_child (TPT_NODE (document), G_LIST_STORE (conflicts),
                               TPT_NODE (conflict));
    }
}

/**
 * tpt_conflict_resolve_all:
 * @document: a document with conflicts, outside any transaction
 * @choice: which side to keep, in every conflict
 * @error: return location for a #TPT_ERROR
 *
 * Settles every conflict of @document as tpt_conflict_resolve() would,
 * all in one undoable step labelled "Resolve All Conflicts". If one of
 * them cannot be (its value refers to something since deleted), nothing
 * changes and @error says which.
 *
 * Returns: %TRUE if all were resolved
 */
gboolean
tpt_conflict_resolve_all (TptDocument        *document,
                          TptConflictChoice   choice,
                          GError            **error)
{
  GListModel *conflicts;
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  TptHistory *history;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (!tpt_history_in_transaction (tpt_document_get_history (document)), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  conflicts = tpt_document_get_conflicts (document);
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    g_ptr_array_add (all, g_list_model_get_item (conflicts, i));
  if (all->len == 0)
    return TRUE;

  history = tpt_document_get_history (document);
  tpt_document_begin (document, _("Resolve All Conflicts"));
  for (guint i = 0; i < all->len; i++)
    {
      TptConflict *conflict = g_ptr_array_index (all, i);
      g_autoptr(GError) local_error = NULL;

      if (!tpt_conflict_resolve (conflict, choice, &local_error))
        {
          g_autofree char *what = tpt_conflict_describe_subject (conflict);

          tpt_history_cancel (history);
          /* Translators: a conflict that could not be resolved, and why. */
          g_set_error (error, TPT_ERROR, local_error->code, _("%s: %s"), what,
                       local_error->message);
          return FALSE;
        }
    }
  tpt_document_end (document);

  return TRUE;
}
