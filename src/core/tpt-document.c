/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-document"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-blueprint-private.h"
#include "tpt-card-private.h"
#include "tpt-document-private.h"
#include "tpt-enum-types.h"
#include "tpt-history-private.h"
#include "tpt-lane-private.h"
#include "tpt-node-private.h"
#include "tpt-rating-private.h"
#include "tpt-slide.h"

/* The root of the model: metadata, the document-wide lists (personas, needs,
 * the needs matrix, blueprints, slides), the id registry and the undo
 * history. */
struct _TptDocument
{
  TptNode     parent_instance;

  /* Keep these together: they are the child stores, in document order. */
  GListStore *personas;
  GListStore *needs;
  GListStore *ratings;
  GListStore *blueprints;
  GListStore *slides;

  TptHistory *history;
  GHashTable *nodes;      /* id → TptNode, borrowed: the tree holds them */
  GHashTable *counters;   /* id prefix → the highest number handed out */

  guint       loading : 1;
};

G_DEFINE_FINAL_TYPE (TptDocument, tpt_document, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_AUTHOR,
  PROP_DESCRIPTION,
  N_PROPS
};

enum {
  NODE_CHANGED,
  CHILDREN_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GListStore *const *
tpt_document_get_child_stores (TptNode *node,
                               guint   *n_stores)
{
  TptDocument *self = TPT_DOCUMENT (node);

  *n_stores = 5;
  return &self->personas;
}

static void
tpt_document_dispose (GObject *object)
{
  TptDocument *self = (TptDocument *)object;

  /* The history first: its changes point at nodes in the stores. Someone
   * (a history panel) may hold it longer than we live, and its changes point
   * at us without holding us, so empty it rather than only letting go. */
  if (self->history != NULL && !tpt_history_in_transaction (self->history))
    tpt_history_clear (self->history);
  g_clear_object (&self->history);
  g_clear_object (&self->slides);
  g_clear_object (&self->blueprints);
  g_clear_object (&self->ratings);
  g_clear_object (&self->needs);
  g_clear_object (&self->personas);

  G_OBJECT_CLASS (tpt_document_parent_class)->dispose (object);
}

static void
tpt_document_finalize (GObject *object)
{
  TptDocument *self = (TptDocument *)object;

  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_pointer (&self->counters, g_hash_table_unref);

  G_OBJECT_CLASS (tpt_document_parent_class)->finalize (object);
}

static void
tpt_document_class_init (TptDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TptNodeClass *node_class = TPT_NODE_CLASS (klass);

  object_class->dispose = tpt_document_dispose;
  object_class->finalize = tpt_document_finalize;
  node_class->get_child_stores = tpt_document_get_child_stores;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_AUTHOR] =
    g_param_spec_string ("author", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, NULL, N_PROPS, properties);

  /**
   * TptDocument::node-changed:
   * @self: the document
   * @node: the node whose field changed
   * @pspec: the field
   *
   * Emitted after any field of any node in the document changed, including
   * during undo and redo. Lists report their changes as items-changed.
   */
  signals[NODE_CHANGED] =
    g_signal_new ("node-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, TPT_TYPE_NODE, G_TYPE_PARAM);

  /**
   * TptDocument::children-changed:
   * @self: the document
   * @node: the node one of whose lists gained or lost a child
   *
   * Emitted after any list of any node in the document changed, including
   * during undo and redo, after the list's own items-changed. One signal
   * for every list, for observers of the whole tree (the serializer).
   */
  signals[CHILDREN_CHANGED] =
    g_signal_new ("children-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 1, TPT_TYPE_NODE);
}

static void
tpt_document_init (TptDocument *self)
{
  self->personas = g_list_store_new (TPT_TYPE_PERSONA);
  self->needs = g_list_store_new (TPT_TYPE_NEED);
  self->ratings = g_list_store_new (TPT_TYPE_RATING);
  self->blueprints = g_list_store_new (TPT_TYPE_BLUEPRINT);
  self->slides = g_list_store_new (TPT_TYPE_SLIDE);
  self->history = tpt_history_new ();
  self->nodes = g_hash_table_new (g_str_hash, g_str_equal);
  self->counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The document is the root: always in its own tree. */
  tpt_node_set_document (TPT_NODE (self), self);
  tpt_node_set_state (TPT_NODE (self), TPT_NODE_ATTACHED);
}

/**
 * tpt_document_new:
 *
 * Returns: (transfer full): a new, empty document
 */
TptDocument *
tpt_document_new (void)
{
  return g_object_new (TPT_TYPE_DOCUMENT, NULL);
}

/**
 * tpt_document_get_history:
 * @self: a #TptDocument
 *
 * Returns: (transfer none): the undo history
 */
TptHistory *
tpt_document_get_history (TptDocument *self)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);

  return self->history;
}

/**
 * tpt_document_begin:
 * @self: a #TptDocument
 * @label: what the user is doing, e.g. "Move Card"
 *
 * Opens a transaction in the history; see tpt_history_begin().
 */
void
tpt_document_begin (TptDocument *self,
                    const char  *label)
{
  g_return_if_fail (TPT_IS_DOCUMENT (self));

  tpt_history_begin (self->history, label);
}

void
tpt_document_end (TptDocument *self)
{
  g_return_if_fail (TPT_IS_DOCUMENT (self));

  tpt_history_end (self->history);
}

const char *
tpt_document_get_title (TptDocument *self)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_TITLE);
}

void
tpt_document_set_title (TptDocument *self,
                        const char  *title)
{
  g_return_if_fail (TPT_IS_DOCUMENT (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_TITLE, title);
}

const char *
tpt_document_get_author (TptDocument *self)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_AUTHOR);
}

void
tpt_document_set_author (TptDocument *self,
                         const char  *author)
{
  g_return_if_fail (TPT_IS_DOCUMENT (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_AUTHOR, author);
}

const char *
tpt_document_get_description (TptDocument *self)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_DESCRIPTION);
}

void
tpt_document_set_description (TptDocument *self,
                              const char  *description)
{
  g_return_if_fail (TPT_IS_DOCUMENT (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_DESCRIPTION, description);
}

/**
 * tpt_document_get_personas:
 * @self: a #TptDocument
 *
 * Returns: (transfer none): a #GListModel of #TptPersona
 */
GListModel *
tpt_document_get_personas (TptDocument *self)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->personas);
}

/**
 * tpt_document_get_needs:
 * @self: a #TptDocument
 *
 * Returns: (transfer none): a #GListModel of #TptNeed
 */
GListModel *
tpt_document_get_needs (TptDocument *self)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->needs);
}

/**
 * tpt_document_get_ratings:
 * @self: a #TptDocument
 *
 * Returns: (transfer none): a #GListModel of #TptRating, the needs matrix
 */
GListModel *
tpt_document_get_ratings (TptDocument *self)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->ratings);
}

/**
 * tpt_document_get_blueprints:
 * @self: a #TptDocument
 *
 * Returns: (transfer none): a #GListModel of #TptBlueprint
 */
GListModel *
tpt_document_get_blueprints (TptDocument *self)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->blueprints);
}

/**
 * tpt_document_get_slides:
 * @self: a #TptDocument
 *
 * The slide list the user built. When it is empty, the document is
 * presented with tpt_slides_new_default() instead.
 *
 * Returns: (transfer none): a #GListModel of #TptSlide, in showing order
 */
GListModel *
tpt_document_get_slides (TptDocument *self)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);

  return G_LIST_MODEL (self->slides);
}

/**
 * tpt_document_lookup:
 * @self: a #TptDocument
 * @id: an id
 *
 * Returns: (nullable) (transfer none): the node in the document with @id
 */
TptNode *
tpt_document_lookup (TptDocument *self,
                     const char  *id)
{
  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);

  if (id == NULL)
    return NULL;

  return g_hash_table_lookup (self->nodes, id);
}

/**
 * tpt_document_lookup_typed:
 * @self: a #TptDocument
 * @id: an id
 * @type: the type the node must have
 *
 * Returns: (nullable) (transfer none): the node with @id if it is a @type
 */
gpointer
tpt_document_lookup_typed (TptDocument *self,
                           const char  *id,
                           GType        type)
{
  TptNode *node = tpt_document_lookup (self, id);

  if (node == NULL || !G_TYPE_CHECK_INSTANCE_TYPE (node, type))
    return NULL;

  return node;
}

/* Registry and ids --------------------------------------------------------- */

gboolean
tpt_document_is_loading (TptDocument *self)
{
  g_assert (TPT_IS_DOCUMENT (self));

  return self->loading;
}

/* While loading, edits to the document build it without recording them. */
void
tpt_document_set_loading (TptDocument *self,
                          gboolean     loading)
{
  g_assert (TPT_IS_DOCUMENT (self));

  self->loading = !!loading;
}

void
tpt_document_register_node (TptDocument *self,
                            TptNode     *node)
{
  const char *id = tpt_node_get_id (node);

  g_assert (TPT_IS_DOCUMENT (self));

  if (id == NULL)
    return;

  if (g_hash_table_contains (self->nodes, id))
    g_critical ("Two nodes in the document have the id “%s”", id);
  g_hash_table_insert (self->nodes, (gpointer)id, node);
  tpt_document_reserve_id (self, id);
}

void
tpt_document_unregister_node (TptDocument *self,
                              TptNode     *node)
{
  const char *id = tpt_node_get_id (node);

  g_assert (TPT_IS_DOCUMENT (self));

  if (id != NULL && g_hash_table_lookup (self->nodes, id) == node)
    g_hash_table_remove (self->nodes, id);
}

void
tpt_document_emit_node_changed (TptDocument *self,
                                TptNode     *node,
                                GParamSpec  *pspec)
{
  g_assert (TPT_IS_DOCUMENT (self));

  g_signal_emit (self, signals[NODE_CHANGED], g_param_spec_get_name_quark (pspec), node, pspec);
}

void
tpt_document_emit_children_changed (TptDocument *self,
                                    TptNode     *node)
{
  g_assert (TPT_IS_DOCUMENT (self));

  if (!self->loading)
    g_signal_emit (self, signals[CHILDREN_CHANGED], 0, node);
}

static gboolean
split_id (const char  *id,
          char       **prefix,
          guint64     *number)
{
  gsize len = strlen (id);
  gsize digits = len;

  while (digits > 0 && g_ascii_isdigit (id[digits - 1]))
    digits--;
  if (digits == len || len - digits > 9)
    return FALSE;

  *prefix = g_strndup (id, digits);
  *number = g_ascii_strtoull (id + digits, NULL, 10);
  return TRUE;
}

/* Remembers that @id is taken, so generated ids never repeat it. */
void
tpt_document_reserve_id (TptDocument *self,
                         const char  *id)
{
  g_autofree char *prefix = NULL;
  guint64 number;
  gpointer counter;

  g_assert (TPT_IS_DOCUMENT (self));

  if (!split_id (id, &prefix, &number))
    return;

  counter = g_hash_table_lookup (self->counters, prefix);
  if (number > GPOINTER_TO_UINT (counter))
    g_hash_table_insert (self->counters, g_steal_pointer (&prefix),
                         GUINT_TO_POINTER ((guint)number));
}

/* Hands out the next id with @prefix. The counters only grow, even on undo,
 * so an id is never reused within a document's life. */
char *
tpt_document_allocate_id (TptDocument *self,
                          const char  *prefix)
{
  guint counter;

  g_assert (TPT_IS_DOCUMENT (self));

  counter = GPOINTER_TO_UINT (g_hash_table_lookup (self->counters, prefix));
  for (;;)
    {
      char *id = g_strdup_printf ("%s%u", prefix, ++counter);

      if (!g_hash_table_contains (self->nodes, id))
        {
          g_hash_table_insert (self->counters, g_strdup (prefix), GUINT_TO_POINTER (counter));
          return id;
        }
      g_free (id);
    }
}

/* Personas ----------------------------------------------------------------- */

static void
insert_into (TptDocument *self,
             GListStore  *store,
             guint        position,
             TptNode     *node,
             const char  *label)
{
  tpt_document_begin (self, label);
  tpt_node_insert_child (TPT_NODE (self), store, position, node);
  tpt_document_end (self);
}

static void
move_within (TptDocument *self,
             GListStore  *store,
             TptNode     *node,
             guint        position,
             const char  *label)
{
  tpt_document_begin (self, label);
  tpt_node_move_child (TPT_NODE (self), store, node, position);
  tpt_document_end (self);
}

/* Takes every rating whose @field (persona or need) is @id out of the matrix. */
static void
remove_ratings_of (TptDocument *self,
                   const char  *id,
                   gboolean     persona)
{
  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->ratings)); i > 0; i--)
    {
      g_autoptr(TptRating) rating = g_list_model_get_item (G_LIST_MODEL (self->ratings), i - 1);
      const char *ref = persona ? tpt_rating_get_persona (rating) : tpt_rating_get_need (rating);

      if (g_strcmp0 (ref, id) == 0)
        tpt_node_remove_child (TPT_NODE (self), self->ratings, TPT_NODE (rating));
    }
}

/* A copy of @strv without @id. */
static GStrv
strv_without (const char * const *strv,
              const char         *id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; strv[i] != NULL; i++)
    if (g_strcmp0 (strv[i], id) != 0)
      g_strv_builder_add (builder, strv[i]);

  return g_strv_builder_end (builder);
}

/**
 * tpt_document_insert_persona:
 * @self: a #TptDocument
 * @position: where in the list of personas
 * @persona: a new persona
 *
 * Adds @persona, as one undoable step.
 */
void
tpt_document_insert_persona (TptDocument *self,
                             guint        position,
                             TptPersona  *persona)
{
  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (TPT_IS_PERSONA (persona));

  insert_into (self, self->personas, position, TPT_NODE (persona), _("Add Persona"));
}

/**
 * tpt_document_remove_persona:
 * @self: a #TptDocument
 * @persona: a persona in @self
 *
 * Deletes @persona with every reference to it (cards that concern it, the
 * emotion lanes that follow it, its ratings, the slides that show it), as
 * one undoable step.
 */
void
tpt_document_remove_persona (TptDocument *self,
                             TptPersona  *persona)
{
  const char *id;
  guint n_blueprints;

  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (TPT_IS_PERSONA (persona));

  id = tpt_node_get_id (TPT_NODE (persona));
  n_blueprints = g_list_model_get_n_items (G_LIST_MODEL (self->blueprints));

  tpt_document_begin (self, _("Delete Persona"));

  for (guint b = 0; b < n_blueprints; b++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (G_LIST_MODEL (self->blueprints), b);
      GListModel *lanes = tpt_blueprint_get_lanes (blueprint);
      GListModel *cards = tpt_blueprint_get_cards (blueprint);

      for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
        {
          g_autoptr(TptLane) lane = g_list_model_get_item (lanes, i);

          if (g_strcmp0 (tpt_lane_get_persona (lane), id) == 0)
            tpt_lane_set_persona (lane, NULL);
        }

      for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
        {
          g_autoptr(TptCard) card = g_list_model_get_item (cards, i);
          const char * const *concerns = tpt_card_get_concerns (card);

          if (tpt_strv_contains (concerns, id))
            {
              g_auto(GStrv) rest = strv_without (concerns, id);

              tpt_card_set_concerns (card, (const char * const *)rest);
            }
        }
    }

  remove_ratings_of (self, id, TRUE);
  tpt_document_remove_slides_of (self, TPT_NODE (persona));
  tpt_node_remove_child (TPT_NODE (self), self->personas, TPT_NODE (persona));

  tpt_document_end (self);
}

void
tpt_document_move_persona (TptDocument *self,
                           TptPersona  *persona,
                           guint        position)
{
  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (TPT_IS_PERSONA (persona));

  move_within (self, self->personas, TPT_NODE (persona), position, _("Move Persona"));
}

/* Needs --------------------------------------------------------------------- */

void
tpt_document_insert_need (TptDocument *self,
                          guint        position,
                          TptNeed     *need)
{
  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (TPT_IS_NEED (need));

  insert_into (self, self->needs, position, TPT_NODE (need), _("Add Need"));
}

/**
 * tpt_document_remove_need:
 * @self: a #TptDocument
 * @need: a need in @self
 *
 * Deletes @need, unlinks the cards that serve it and drops its ratings, as
 * one undoable step.
 */
void
tpt_document_remove_need (TptDocument *self,
                          TptNeed     *need)
{
  const char *id;
  guint n_blueprints;

  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (TPT_IS_NEED (need));

  id = tpt_node_get_id (TPT_NODE (need));
  n_blueprints = g_list_model_get_n_items (G_LIST_MODEL (self->blueprints));

  tpt_document_begin (self, _("Delete Need"));

  for (guint b = 0; b < n_blueprints; b++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (G_LIST_MODEL (self->blueprints), b);
      GListModel *cards = tpt_blueprint_get_cards (blueprint);

      for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
        {
          g_autoptr(TptCard) card = g_list_model_get_item (cards, i);
          const char * const *serves = tpt_card_get_serves (card);

          if (tpt_strv_contains (serves, id))
            {
              g_auto(GStrv) rest = strv_without (serves, id);

              tpt_card_set_serves (card, (const char * const *)rest);
            }
        }
    }

  remove_ratings_of (self, id, FALSE);
  tpt_node_remove_child (TPT_NODE (self), self->needs, TPT_NODE (need));

  tpt_document_end (self);
}

void
tpt_document_move_need (TptDocument *self,
                        TptNeed     *need,
                        guint        position)
{
  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (TPT_IS_NEED (need));

  move_within (self, self->needs, TPT_NODE (need), position, _("Move Need"));
}

/* The needs matrix ------------------------------------------------------------ */

/**
 * tpt_document_get_rating:
 * @self: a #TptDocument
 * @persona: a persona
 * @need: a need
 *
 * Returns: (nullable) (transfer none): the rating of @need for @persona
 */
TptRating *
tpt_document_get_rating (TptDocument *self,
                         TptPersona  *persona,
                         TptNeed     *need)
{
  const char *persona_id;
  const char *need_id;
  guint n;

  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (TPT_IS_PERSONA (persona), NULL);
  g_return_val_if_fail (TPT_IS_NEED (need), NULL);

  persona_id = tpt_node_get_id (TPT_NODE (persona));
  need_id = tpt_node_get_id (TPT_NODE (need));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->ratings));

  for (guint i = 0; i < n; i++)
    {
      TptRating *rating = g_list_model_get_item (G_LIST_MODEL (self->ratings), i);

      /* The store keeps the rating alive; we only borrow it. */
      g_object_unref (rating);
      if (g_strcmp0 (tpt_rating_get_persona (rating), persona_id) == 0 &&
          g_strcmp0 (tpt_rating_get_need (rating), need_id) == 0)
        return rating;
    }

  return NULL;
}

/**
 * tpt_document_set_rating:
 * @self: a #TptDocument
 * @persona: a persona in @self
 * @need: a need in @self
 * @importance: 0 to 10, or -1 for unset
 * @satisfaction: 0 to 10, or -1 for unset
 *
 * Rates @need for @persona, as one undoable step. A cell with neither value
 * set leaves the matrix.
 */
void
tpt_document_set_rating (TptDocument *self,
                         TptPersona  *persona,
                         TptNeed     *need,
                         int          importance,
                         int          satisfaction)
{
  TptRating *rating;

  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (TPT_IS_PERSONA (persona));
  g_return_if_fail (TPT_IS_NEED (need));
  g_return_if_fail (importance >= -1 && importance <= 10);
  g_return_if_fail (satisfaction >= -1 && satisfaction <= 10);

  rating = tpt_document_get_rating (self, persona, need);

  if (rating == NULL && importance < 0 && satisfaction < 0)
    return;

  tpt_document_begin (self, _("Rate Need"));

  if (rating == NULL)
    {
      g_autoptr(TptRating) fresh = tpt_rating_new (self);

      tpt_rating_set_persona (fresh, tpt_node_get_id (TPT_NODE (persona)));
      tpt_rating_set_need (fresh, tpt_node_get_id (TPT_NODE (need)));
      tpt_rating_set_importance (fresh, importance);
      tpt_rating_set_satisfaction (fresh, satisfaction);
      tpt_node_append_child (TPT_NODE (self), self->ratings, TPT_NODE (fresh));
    }
  else if (importance < 0 && satisfaction < 0)
    {
      tpt_node_remove_child (TPT_NODE (self), self->ratings, TPT_NODE (rating));
    }
  else
    {
      tpt_rating_set_importance (rating, importance);
      tpt_rating_set_satisfaction (rating, satisfaction);
    }

  tpt_document_end (self);
}

/* Blueprints -------------------------------------------------------------- */

void
tpt_document_insert_blueprint (TptDocument  *self,
                               guint         position,
                               TptBlueprint *blueprint)
{
  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (TPT_IS_BLUEPRINT (blueprint));

  insert_into (self, self->blueprints, position, TPT_NODE (blueprint), _("Add Blueprint"));
}

/**
 * tpt_document_remove_blueprint:
 * @self: a #TptDocument
 * @blueprint: a blueprint in @self
 *
 * Deletes @blueprint with everything in it and the slides that show it or
 * its stages; blueprints based on it forget that they were. One undoable
 * step.
 */
void
tpt_document_remove_blueprint (TptDocument  *self,
                               TptBlueprint *blueprint)
{
  const char *id;
  guint n;

  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (TPT_IS_BLUEPRINT (blueprint));

  id = tpt_node_get_id (TPT_NODE (blueprint));
  n = g_list_model_get_n_items (G_LIST_MODEL (self->blueprints));

  tpt_document_begin (self, _("Delete Blueprint"));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptBlueprint) other = g_list_model_get_item (G_LIST_MODEL (self->blueprints), i);

      if (g_strcmp0 (tpt_blueprint_get_based_on (other), id) == 0)
        tpt_blueprint_set_based_on (other, NULL);
    }
  tpt_document_remove_slides_of (self, TPT_NODE (blueprint));
  tpt_node_remove_child (TPT_NODE (self), self->blueprints, TPT_NODE (blueprint));

  tpt_document_end (self);
}

void
tpt_document_move_blueprint (TptDocument  *self,
                             TptBlueprint *blueprint,
                             guint         position)
{
  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (TPT_IS_BLUEPRINT (blueprint));

  move_within (self, self->blueprints, TPT_NODE (blueprint), position, _("Move Blueprint"));
}

/**
 * tpt_document_duplicate_as_future:
 * @self: a #TptDocument
 * @blueprint: a blueprint in @self
 *
 * Copies @blueprint, with fresh ids, as a future state based on it, and puts
 * the copy right after it. One undoable step.
 *
 * Returns: (transfer none): the copy
 */
TptBlueprint *
tpt_document_duplicate_as_future (TptDocument  *self,
                                  TptBlueprint *blueprint)
{
  g_autoptr(TptBlueprint) copy = NULL;
  g_autofree char *title = NULL;
  guint position;

  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (TPT_IS_BLUEPRINT (blueprint), NULL);
  g_return_val_if_fail (g_list_store_find (self->blueprints, blueprint, &position), NULL);

  copy = tpt_blueprint_copy (blueprint, self);
  /* Translators: the title of a blueprint copied as the future state of the
   * blueprint titled %s. */
  title = g_strdup_printf (_("%s — future state"), tpt_blueprint_get_title (blueprint));
  tpt_blueprint_set_title (copy, title);
  tpt_blueprint_set_state (copy, TPT_BLUEPRINT_STATE_FUTURE);
  tpt_blueprint_set_based_on (copy, tpt_node_get_id (TPT_NODE (blueprint)));

  insert_into (self, self->blueprints, position + 1, TPT_NODE (copy), _("Duplicate as Future State"));

  return copy;
}

/**
 * tpt_document_duplicate_blueprint:
 * @self: a #TptDocument
 * @blueprint: a blueprint in @self
 *
 * Copies @blueprint, with fresh ids and the same state, and puts the copy
 * right after it. One undoable step.
 *
 * Returns: (transfer none): the copy
 */
TptBlueprint *
tpt_document_duplicate_blueprint (TptDocument  *self,
                                  TptBlueprint *blueprint)
{
  g_autoptr(TptBlueprint) copy = NULL;
  g_autofree char *title = NULL;
  guint position;

  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (TPT_IS_BLUEPRINT (blueprint), NULL);
  g_return_val_if_fail (g_list_store_find (self->blueprints, blueprint, &position), NULL);

  copy = tpt_blueprint_copy (blueprint, self);
  /* Translators: the title of a copy of the blueprint titled %s. */
  title = g_strdup_printf (_("%s (copy)"), tpt_blueprint_get_title (blueprint));
  tpt_blueprint_set_title (copy, title);

  insert_into (self, self->blueprints, position + 1, TPT_NODE (copy), _("Duplicate Blueprint"));

  return copy;
}

/* Slides ------------------------------------------------------------------ */

/**
 * tpt_document_insert_slide:
 * @self: a #TptDocument
 * @position: where in the slide list
 * @slide: a new slide, made for @self, whose target is in @self
 *
 * Adds @slide to the slide list, as one undoable step.
 */
void
tpt_document_insert_slide (TptDocument *self,
                           guint        position,
                           TptSlide    *slide)
{
  GType type;

  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (TPT_IS_SLIDE (slide));

  /* A slide that pointed at nothing would dangle from the start. */
  type = tpt_artefact_kind_get_target_type (tpt_slide_get_artefact (slide));
  g_return_if_fail (type == G_TYPE_NONE ||
                    tpt_document_lookup_typed (self, tpt_slide_get_target (slide), type) != NULL);

  insert_into (self, self->slides, position, TPT_NODE (slide), _("Add Slide"));
}

/**
 * tpt_document_remove_slide:
 * @self: a #TptDocument
 * @slide: a slide in @self
 *
 * Deletes @slide from the slide list, as one undoable step. What it shows
 * stays.
 */
void
tpt_document_remove_slide (TptDocument *self,
                           TptSlide    *slide)
{
  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (TPT_IS_SLIDE (slide));

  tpt_document_begin (self, _("Delete Slide"));
  tpt_node_remove_child (TPT_NODE (self), self->slides, TPT_NODE (slide));
  tpt_document_end (self);
}

/**
 * tpt_document_move_slide:
 * @self: a #TptDocument
 * @slide: a slide in @self
 * @position: its new position, counted in the list as it is before the
 *   move, as tpt_document_move_need() counts
 *
 * Moves @slide within the slide list, as one undoable step.
 */
void
tpt_document_move_slide (TptDocument *self,
                         TptSlide    *slide,
                         guint        position)
{
  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (TPT_IS_SLIDE (slide));

  move_within (self, self->slides, TPT_NODE (slide), position, _("Move Slide"));
}

static void
collect_id_cb (TptNode  *node,
               gpointer  user_data)
{
  const char *id = tpt_node_get_id (node);

  if (id != NULL)
    g_hash_table_add (user_data, (gpointer)id);
}

/*
 * tpt_document_remove_slides_of:
 * @self: a #TptDocument
 * @node: a node about to be deleted
 *
 * Takes the slides that show @node, or anything inside it (the stages of a
 * blueprint), out of the slide list, inside the caller's transaction, so
 * that deleting what a slide shows never leaves it pointing at nothing and
 * undoing the deletion brings the slides back where they were.
 */
void
tpt_document_remove_slides_of (TptDocument *self,
                               TptNode     *node)
{
  g_autoptr(GHashTable) ids = NULL;

  g_assert (TPT_IS_DOCUMENT (self));
  g_assert (TPT_IS_NODE (node));

  if (g_list_model_get_n_items (G_LIST_MODEL (self->slides)) == 0)
    return;

  ids = g_hash_table_new (g_str_hash, g_str_equal);
  tpt_node_foreach_descendant (node, collect_id_cb, ids);

  for (guint i = g_list_model_get_n_items (G_LIST_MODEL (self->slides)); i > 0; i--)
    {
      g_autoptr(TptSlide) slide = g_list_model_get_item (G_LIST_MODEL (self->slides), i - 1);

      if (g_hash_table_contains (ids, tpt_slide_get_target (slide)))
        tpt_node_remove_child (TPT_NODE (self), self->slides, TPT_NODE (slide));
    }
}

typedef struct
{
  guint lanes, stages, steps, cards, flows, facts;
} Counts;

static void
count_cb (TptNode  *node,
          gpointer  user_data)
{
  Counts *counts = user_data;

  if (TPT_IS_LANE (node))
    counts->lanes++;
  else if (TPT_IS_STAGE (node))
    counts->stages++;
  else if (TPT_IS_STEP (node))
    counts->steps++;
  else if (TPT_IS_CARD (node))
    counts->cards++;
  else if (TPT_IS_FLOW (node))
    counts->flows++;
}

/**
 * tpt_document_summarize:
 * @self: a #TptDocument
 *
 * Returns: (transfer full): a one-line summary of what the document holds,
 *   as `touchpoint --check` prints it
 */
char *
tpt_document_summarize (TptDocument *self)
{
  Counts counts = { 0 };
  char *parts[8];
  char *summary;
  guint blueprints, personas, needs, ratings;

  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);

  tpt_node_foreach_descendant (TPT_NODE (self), count_cb, &counts);

  /* Each count is its own phrase so that every language gets its plural
   * forms right; the phrases are then joined the same way everywhere. */
  blueprints = g_list_model_get_n_items (G_LIST_MODEL (self->blueprints));
  personas = g_list_model_get_n_items (G_LIST_MODEL (self->personas));
  needs = g_list_model_get_n_items (G_LIST_MODEL (self->needs));
  ratings = g_list_model_get_n_items (G_LIST_MODEL (self->ratings));

  parts[0] = g_strdup_printf (ngettext ("%u blueprint", "%u blueprints", blueprints), blueprints);
  parts[1] = g_strdup_printf (ngettext ("%u lane", "%u lanes", counts.lanes), counts.lanes);
  parts[2] = g_strdup_printf (ngettext ("%u step", "%u steps", counts.steps), counts.steps);
  parts[3] = g_strdup_printf (ngettext ("%u card", "%u cards", counts.cards), counts.cards);
  parts[4] = g_strdup_printf (ngettext ("%u flow", "%u flows", counts.flows), counts.flows);
  parts[5] = g_strdup_printf (ngettext ("%u persona", "%u personas", personas), personas);
  parts[6] = g_strdup_printf (ngettext ("%u need", "%u needs", needs), needs);
  parts[7] = g_strdup_printf (ngettext ("%u rating", "%u ratings", ratings), ratings);

  /* Translators: a summary of a document, e.g. "2 blueprints (26 lanes,
   * 28 steps, 151 cards, 33 flows), 3 personas, 10 needs, 30 ratings". */
  summary = g_strdup_printf (_("%s (%s, %s, %s, %s), %s, %s, %s"),
                             parts[0], parts[1], parts[2], parts[3],
                             parts[4], parts[5], parts[6], parts[7]);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    g_free (parts[i]);

  return summary;
}
