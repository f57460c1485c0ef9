/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-persona"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-persona-private.h"
#include "tpt-document.h"
#include "tpt-fact.h"
#include "tpt-enum-types.h"
#include "tpt-node-private.h"
#include "tpt-values.h"

/* A persona: who a service is for, as a card a team can picture. */
struct _TptPersona
{
  TptNode     parent_instance;

  GListStore *facts;
};

G_DEFINE_FINAL_TYPE (TptPersona, tpt_persona, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_SEGMENT,
  PROP_QUOTE,
  PROP_COLOR,
  PROP_PHOTO,
  PROP_PHOTO_TYPE,
  PROP_GOALS,
  PROP_FRUSTRATIONS,
  PROP_BEHAVIOURS,
  PROP_CHANNELS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GListStore *const *
tpt_persona_get_child_stores (TptNode *node,
                              guint   *n_stores)
{
  TptPersona *self = TPT_PERSONA (node);

  *n_stores = 1;
  return &self->facts;
}

static void
tpt_persona_dispose (GObject *object)
{
  TptPersona *self = (TptPersona *)object;

  g_clear_object (&self->facts);

  G_OBJECT_CLASS (tpt_persona_parent_class)->dispose (object);
}

static void
tpt_persona_class_init (TptPersonaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  TptNodeClass *node_class = TPT_NODE_CLASS (klass);

  object_class->dispose = tpt_persona_dispose;
  node_class->get_child_stores = tpt_persona_get_child_stores;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_string ("role", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_SEGMENT] =
    g_param_spec_string ("segment", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_QUOTE] =
    g_param_spec_string ("quote", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_COLOR] =
    g_param_spec_string ("color", NULL, NULL,
                         "#3584e4",
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PHOTO] =
    g_param_spec_boxed ("photo", NULL, NULL,
                        G_TYPE_BYTES,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PHOTO_TYPE] =
    g_param_spec_string ("photo-type", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_GOALS] =
    g_param_spec_boxed ("goals", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_FRUSTRATIONS] =
    g_param_spec_boxed ("frustrations", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_BEHAVIOURS] =
    g_param_spec_boxed ("behaviours", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHANNELS] =
    g_param_spec_boxed ("channels", NULL, NULL,
                        G_TYPE_STRV,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, "p", N_PROPS, properties);
}

static void
tpt_persona_init (TptPersona *self)
{
  self->facts = g_list_store_new (TPT_TYPE_FACT);
}

/**
 * tpt_persona_new:
 * @document: (nullable): the document it will belong to, which gives it an id
 *
 * Returns: (transfer full): a new persona, not yet in @document
 */
TptPersona *
tpt_persona_new (TptDocument *document)
{
  return TPT_PERSONA (tpt_node_new_in (TPT_TYPE_PERSONA, document));
}

/**
 * tpt_persona_get_name:
 * @self: a #TptPersona
 *
 * Returns: (transfer none): the persona's name
 */
const char *
tpt_persona_get_name (TptPersona *self)
{
  g_return_val_if_fail (TPT_IS_PERSONA (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_NAME);
}

/**
 * tpt_persona_get_role:
 * @self: a #TptPersona
 *
 * Returns: (transfer none): what they do, e.g. "Owner of a small construction company"
 */
const char *
tpt_persona_get_role (TptPersona *self)
{
  g_return_val_if_fail (TPT_IS_PERSONA (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_ROLE);
}

/**
 * tpt_persona_get_segment:
 * @self: a #TptPersona
 *
 * Returns: (transfer none): the needs-based segment they stand for
 */
const char *
tpt_persona_get_segment (TptPersona *self)
{
  g_return_val_if_fail (TPT_IS_PERSONA (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_SEGMENT);
}

/**
 * tpt_persona_get_quote:
 * @self: a #TptPersona
 *
 * Returns: (transfer none): something they would say
 */
const char *
tpt_persona_get_quote (TptPersona *self)
{
  g_return_val_if_fail (TPT_IS_PERSONA (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_QUOTE);
}

/**
 * tpt_persona_get_color:
 * @self: a #TptPersona
 *
 * Returns: (transfer none): their colour, as "#rrggbb"
 */
const char *
tpt_persona_get_color (TptPersona *self)
{
  g_return_val_if_fail (TPT_IS_PERSONA (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_COLOR);
}

/**
 * tpt_persona_get_photo:
 * @self: a #TptPersona
 *
 * Returns: (transfer none) (nullable): the photo's encoded bytes, PNG or JPEG
 */
GBytes *
tpt_persona_get_photo (TptPersona *self)
{
  g_return_val_if_fail (TPT_IS_PERSONA (self), NULL);

  return tpt_node_get_bytes_field (TPT_NODE (self), PROP_PHOTO);
}

/**
 * tpt_persona_get_photo_type:
 * @self: a #TptPersona
 *
 * Returns: (transfer none): the photo's MIME type
 */
const char *
tpt_persona_get_photo_type (TptPersona *self)
{
  g_return_val_if_fail (TPT_IS_PERSONA (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_PHOTO_TYPE);
}

/**
 * tpt_persona_get_goals:
 * @self: a #TptPersona
 *
 * Returns: (transfer none): what they want to achieve
 */
const char * const *
tpt_persona_get_goals (TptPersona *self)
{
  g_return_val_if_fail (TPT_IS_PERSONA (self), NULL);

  return tpt_node_get_strv_field (TPT_NODE (self), PROP_GOALS);
}

/**
 * tpt_persona_get_frustrations:
 * @self: a #TptPersona
 *
 * Returns: (transfer none): what gets in their way
 */
const char * const *
tpt_persona_get_frustrations (TptPersona *self)
{
  g_return_val_if_fail (TPT_IS_PERSONA (self), NULL);

  return tpt_node_get_strv_field (TPT_NODE (self), PROP_FRUSTRATIONS);
}

/**
 * tpt_persona_get_behaviours:
 * @self: a #TptPersona
 *
 * Returns: (transfer none): how they behave
 */
const char * const *
tpt_persona_get_behaviours (TptPersona *self)
{
  g_return_val_if_fail (TPT_IS_PERSONA (self), NULL);

  return tpt_node_get_strv_field (TPT_NODE (self), PROP_BEHAVIOURS);
}

/**
 * tpt_persona_get_channels:
 * @self: a #TptPersona
 *
 * Returns: (transfer none): the channels they prefer
 */
const char * const *
tpt_persona_get_channels (TptPersona *self)
{
  g_return_val_if_fail (TPT_IS_PERSONA (self), NULL);

  return tpt_node_get_strv_field (TPT_NODE (self), PROP_CHANNELS);
}

void
tpt_persona_set_name (TptPersona *self,
                      const char *name)
{
  g_return_if_fail (TPT_IS_PERSONA (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_NAME, name);
}

void
tpt_persona_set_role (TptPersona *self,
                      const char *role)
{
  g_return_if_fail (TPT_IS_PERSONA (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_ROLE, role);
}

void
tpt_persona_set_segment (TptPersona *self,
                         const char *segment)
{
  g_return_if_fail (TPT_IS_PERSONA (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_SEGMENT, segment);
}

void
tpt_persona_set_quote (TptPersona *self,
                       const char *quote)
{
  g_return_if_fail (TPT_IS_PERSONA (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_QUOTE, quote);
}

/**
 * tpt_persona_set_color:
 * @self: a #TptPersona
 * @color: "#" and six hexadecimal digits, such as "#3584e4"
 *
 * Sets the colour the persona is drawn in. Anything that is not such a
 * colour is refused.
 */
void
tpt_persona_set_color (TptPersona *self,
                       const char *color)
{
  g_return_if_fail (TPT_IS_PERSONA (self));
  g_return_if_fail (tpt_color_is_valid (color));

  tpt_node_set_string_field (TPT_NODE (self), PROP_COLOR, color);
}

/* Structure edits ------------------------------------------------------------
 *
 * Like the blueprint's, each opens its own labelled transaction while the
 * persona is in a document, so that it is one undo step alone and folds into
 * a larger transaction around it; a persona still being built just changes. */

static void
begin (TptPersona *self,
       const char *label)
{
  TptDocument *document = tpt_node_get_document (TPT_NODE (self));

  if (document != NULL && tpt_node_is_attached (TPT_NODE (self)))
    tpt_document_begin (document, label);
}

static void
end (TptPersona *self)
{
  TptDocument *document = tpt_node_get_document (TPT_NODE (self));

  if (document != NULL && tpt_node_is_attached (TPT_NODE (self)))
    tpt_document_end (document);
}

/**
 * tpt_persona_set_photo:
 * @self: a #TptPersona
 * @photo: (nullable): the encoded image, or %NULL to remove the photo
 * @mime_type: (nullable): the image's MIME type, "image/png" or
 *   "image/jpeg"; required with a @photo, ignored without one
 *
 * Sets the photo and its MIME type together, as one undoable step. Check
 * images from outside with tpt_photo_check() first.
 */
void
tpt_persona_set_photo (TptPersona *self,
                       GBytes     *photo,
                       const char *mime_type)
{
  gboolean removing;

  g_return_if_fail (TPT_IS_PERSONA (self));

  removing = photo == NULL || g_bytes_get_size (photo) == 0;
  g_return_if_fail (removing || (mime_type != NULL && mime_type[0] != '\0'));

  begin (self, removing ? _("Remove Photo") : _("Change Photo"));
  tpt_node_set_bytes_field (TPT_NODE (self), PROP_PHOTO, removing ? NULL : photo);
  tpt_node_set_string_field (TPT_NODE (self), PROP_PHOTO_TYPE, removing ? NULL : mime_type);
  end (self);
}

void
tpt_persona_set_photo_type (TptPersona *self,
                            const char *photo_type)
{
  g_return_if_fail (TPT_IS_PERSONA (self));

  tpt_node_set_string_field (TPT_NODE (self), PROP_PHOTO_TYPE, photo_type);
}

void
tpt_persona_set_goals (TptPersona *self,
                       const char *const *goals)
{
  g_return_if_fail (TPT_IS_PERSONA (self));

  tpt_node_set_strv_field (TPT_NODE (self), PROP_GOALS, goals);
}

void
tpt_persona_set_frustrations (TptPersona *self,
                              const char *const *frustrations)
{
  g_return_if_fail (TPT_IS_PERSONA (self));

  tpt_node_set_strv_field (TPT_NODE (self), PROP_FRUSTRATIONS, frustrations);
}

void
tpt_persona_set_behaviours (TptPersona *self,
                            const char *const *behaviours)
{
  g_return_if_fail (TPT_IS_PERSONA (self));

  tpt_node_set_strv_field (TPT_NODE (self), PROP_BEHAVIOURS, behaviours);
}

void
tpt_persona_set_channels (TptPersona *self,
                          const char *const *channels)
{
  g_return_if_fail (TPT_IS_PERSONA (self));

  tpt_node_set_strv_field (TPT_NODE (self), PROP_CHANNELS, channels);
}

/**
 * tpt_persona_get_facts:
 * @self: a #TptPersona
 *
 * Returns: (transfer none): a #GListModel of #TptFact
 */
GListModel *
tpt_persona_get_facts (TptPersona *self)
{
  g_return_val_if_fail (TPT_IS_PERSONA (self), NULL);

  return G_LIST_MODEL (self->facts);
}

/**
 * tpt_persona_insert_fact:
 * @self: a #TptPersona
 * @position: where in the list of facts, at most its length
 * @fact: a new fact
 *
 * Adds @fact, as one undoable step.
 */
void
tpt_persona_insert_fact (TptPersona *self,
                         guint       position,
                         TptFact    *fact)
{
  g_return_if_fail (TPT_IS_PERSONA (self));
  g_return_if_fail (TPT_IS_FACT (fact));
  g_return_if_fail (position <= g_list_model_get_n_items (G_LIST_MODEL (self->facts)));

  begin (self, _("Add Fact"));
  tpt_node_insert_child (TPT_NODE (self), self->facts, position, TPT_NODE (fact));
  end (self);
}

/**
 * tpt_persona_remove_fact:
 * @self: a #TptPersona
 * @fact: one of its facts
 *
 * Deletes @fact, as one undoable step.
 */
void
tpt_persona_remove_fact (TptPersona *self,
                         TptFact    *fact)
{
  g_return_if_fail (TPT_IS_PERSONA (self));
  g_return_if_fail (TPT_IS_FACT (fact));

  begin (self, _("Delete Fact"));
  tpt_node_remove_child (TPT_NODE (self), self->facts, TPT_NODE (fact));
  end (self);
}

/**
 * tpt_persona_move_fact:
 * @self: a #TptPersona
 * @fact: one of its facts
 * @position: its new position, counted in the list as it is before the move
 *
 * Moves @fact within the list, as one undoable step.
 */
void
tpt_persona_move_fact (TptPersona *self,
                       TptFact    *fact,
                       guint       position)
{
  g_return_if_fail (TPT_IS_PERSONA (self));
  g_return_if_fail (TPT_IS_FACT (fact));

  begin (self, _("Move Fact"));
  tpt_node_move_child (TPT_NODE (self), self->facts, TPT_NODE (fact), position);
  end (self);
}
