/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-field"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-field.h"

#include "tpt-card-private.h"
#include "tpt-enum-types.h"
#include "tpt-flow-private.h"
#include "tpt-node-private.h"
#include "tpt-persona-private.h"
#include "tpt-photo.h"
#include "tpt-slide-private.h"
#include "tpt-values.h"

/* The tables ----------------------------------------------------------------- */

static const TptField document_fields[] = {
  { "title", N_("title"), TPT_FIELD_TEXT, "title" },
  { "author", N_("author"), TPT_FIELD_TEXT, "author" },
  { "description", N_("description"), TPT_FIELD_TEXT, "description" },
};

static const TptField persona_fields[] = {
  { "name", N_("name"), TPT_FIELD_TEXT, "name" },
  { "role", N_("role"), TPT_FIELD_TEXT, "role" },
  { "segment", N_("segment"), TPT_FIELD_TEXT, "segment" },
  { "quote", N_("quote"), TPT_FIELD_TEXT, "quote" },
  { "color", N_("colour"), TPT_FIELD_COLOR, "color" },
  { "photo", N_("photo"), TPT_FIELD_PHOTO },
  { "goals", N_("goal"), TPT_FIELD_TEXTS, "goals" },
  { "frustrations", N_("frustration"), TPT_FIELD_TEXTS, "frustrations" },
  { "behaviours", N_("behaviour"), TPT_FIELD_TEXTS, "behaviours" },
  { "channels", N_("channel"), TPT_FIELD_TEXTS, "channels" },
  { "facts", N_("fact"), TPT_FIELD_FACTS },
};

static const TptField need_fields[] = {
  { "title", N_("title"), TPT_FIELD_TEXT, "title" },
  { "description", N_("description"), TPT_FIELD_TEXT, "description" },
};

static const TptField rating_fields[] = {
  { "importance", N_("importance"), TPT_FIELD_SCORE, "importance" },
  { "satisfaction", N_("satisfaction"), TPT_FIELD_SCORE, "satisfaction" },
};

static const TptField blueprint_fields[] = {
  { "title", N_("title"), TPT_FIELD_TEXT, "title" },
  { "state", N_("state"), TPT_FIELD_ENUM, "state" },
  { "based-on", N_("based on"), TPT_FIELD_REF, "based-on", tpt_blueprint_get_type },
};

static const TptField lane_fields[] = {
  { "title", N_("title"), TPT_FIELD_TEXT, "title" },
  { "kind", N_("kind"), TPT_FIELD_ENUM, "kind" },
  { "office", N_("office"), TPT_FIELD_ENUM, "office" },
  { "persona", N_("persona"), TPT_FIELD_REF, "persona", tpt_persona_get_type },
};

static const TptField stage_fields[] = {
  { "title", N_("title"), TPT_FIELD_TEXT, "title" },
};

static const TptField step_fields[] = {
  { "title", N_("title"), TPT_FIELD_TEXT, "title" },
  { "duration", N_("duration"), TPT_FIELD_DURATION, "duration" },
  { "target", N_("time target"), TPT_FIELD_DURATION, "target" },
};

static const TptField card_fields[] = {
  { "text", N_("text"), TPT_FIELD_TEXT, "text" },
  { "cell", N_("cell"), TPT_FIELD_CELL },
  { "kind", N_("kind"), TPT_FIELD_ENUM, "kind" },
  { "span", N_("span"), TPT_FIELD_NUMBER, "span" },
  { "owner", N_("owner"), TPT_FIELD_TEXT, "owner" },
  { "channel", N_("channel"), TPT_FIELD_TEXT, "channel" },
  { "serves", N_("serves"), TPT_FIELD_REFS, "serves", tpt_need_get_type },
  { "concerns", N_("concerns"), TPT_FIELD_REFS, "concerns", tpt_persona_get_type },
  /* A metric's number (tpt-kpi.h). */
  { "target", N_("target"), TPT_FIELD_TEXT, "target" },
  { "actual", N_("actual value"), TPT_FIELD_TEXT, "actual" },
  { "unit", N_("unit"), TPT_FIELD_TEXT, "unit" },
  { "direction", N_("direction"), TPT_FIELD_ENUM, "direction" },
  { "source", N_("source"), TPT_FIELD_ENUM, "source" },
};

static const TptField flow_fields[] = {
  { "ends", N_("cards"), TPT_FIELD_ENDS },
  { "arrow", N_("arrow"), TPT_FIELD_ENUM, "arrow" },
};

static const TptField emotion_fields[] = {
  { "value", N_("value"), TPT_FIELD_NUMBER, "value" },
};

static const TptField slide_fields[] = {
  { "title", N_("title"), TPT_FIELD_TEXT, "title" },
  { "notes", N_("notes"), TPT_FIELD_TEXT, "notes" },
  { "shows", N_("shows"), TPT_FIELD_SHOWS },
  { "region", N_("region"), TPT_FIELD_REGION },
};

typedef struct
{
  GType         (*type) (void);
  const char     *name;
  const TptField *fields;
  guint           n_fields;
} Kind;

#define KIND(t, n, f) { t, n, f, G_N_ELEMENTS (f) }

static const Kind kinds[] = {
  KIND (tpt_document_get_type, "document", document_fields),
  KIND (tpt_persona_get_type, "persona", persona_fields),
  KIND (tpt_need_get_type, "need", need_fields),
  KIND (tpt_rating_get_type, "rating", rating_fields),
  KIND (tpt_blueprint_get_type, "blueprint", blueprint_fields),
  KIND (tpt_lane_get_type, "lane", lane_fields),
  KIND (tpt_stage_get_type, "stage", stage_fields),
  KIND (tpt_step_get_type, "step", step_fields),
  KIND (tpt_card_get_type, "card", card_fields),
  KIND (tpt_flow_get_type, "flow", flow_fields),
  KIND (tpt_emotion_get_type, "emotion", emotion_fields),
  KIND (tpt_slide_get_type, "slide", slide_fields),
};

#undef KIND

static const Kind *
find_kind (GType type)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].type () == type)
      return &kinds[i];
  return NULL;
}

/**
 * tpt_field_list:
 * @type: a node type
 * @n_fields: (out): how many
 *
 * Returns: (array length=n_fields) (transfer none) (nullable): the fields
 *   of @type, in the order the file writes them
 */
const TptField *
tpt_field_list (GType  type,
                guint *n_fields)
{
  const Kind *kind = find_kind (type);

  *n_fields = kind != NULL ? kind->n_fields : 0;
  return kind != NULL ? kind->fields : NULL;
}

const TptField *
tpt_field_find (GType       type,
                const char *name)
{
  guint n;
  const TptField *fields = tpt_field_list (type, &n);

  if (name == NULL)
    return NULL;

  for (guint i = 0; i < n; i++)
    if (strcmp (fields[i].name, name) == 0)
      return &fields[i];
  return NULL;
}

/**
 * tpt_field_index:
 * @type: a node type
 * @name: the name of one of its fields
 *
 * Returns: the field's place in tpt_field_list()
 */
guint
tpt_field_index (GType       type,
                 const char *name)
{
  guint n;
  const TptField *fields = tpt_field_list (type, &n);
  const TptField *field = tpt_field_find (type, name);

  g_assert (field != NULL);
  return (guint)(field - fields);
}

/**
 * tpt_field_kind_name:
 * @type: a node type
 *
 * Returns: (nullable): the element name the file gives nodes of @type
 */
const char *
tpt_field_kind_name (GType type)
{
  const Kind *kind = find_kind (type);

  return kind != NULL ? kind->name : NULL;
}

/* Properties ----------------------------------------------------------------- */

static GParamSpec *
find_pspec (TptNode    *node,
            const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (node), property);

  g_assert (pspec != NULL);
  return pspec;
}

static const GValue *
property_value (TptNode    *node,
                const char *property)
{
  return tpt_node_get_field (node, find_pspec (node, property)->param_id);
}

static const char *
string_property (TptNode    *node,
                 const char *property)
{
  const char *str = g_value_get_string (property_value (node, property));

  return str != NULL ? str : "";
}

static void
set_property_value (TptNode      *node,
                    const char   *property,
                    const GValue *value)
{
  tpt_node_set_field (node, find_pspec (node, property)->param_id, value);
}

static void
set_string_property (TptNode    *node,
                     const char *property,
                     const char *str)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, str);
  set_property_value (node, property, &value);
}

/* Reading ---------------------------------------------------------------------- */

static void
add_unless_empty (GStrvBuilder *builder,
                  const char   *str)
{
  if (str != NULL && str[0] != '\0')
    g_strv_builder_add (builder, str);
}

/* g_strv_builder_take() is newer than GLib 2.74. */
static void
builder_take (GStrvBuilder *builder,
              char         *str)
{
  g_strv_builder_add (builder, str);
  g_free (str);
}

/* Two decimals at most, trailing zeros dropped, as the writer writes them. */
static char *
format_coordinate (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  gsize len;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", value);
  len = strlen (buffer);
  while (len > 0 && buffer[len - 1] == '0')
    buffer[--len] = '\0';
  if (len > 0 && buffer[len - 1] == '.')
    buffer[--len] = '\0';
  if (strcmp (buffer, "-0") == 0)
    strcpy (buffer, "0");
  return g_strdup (buffer);
}

/**
 * tpt_field_get:
 * @node: a node
 * @field: one of the fields of its type
 *
 * Returns: (transfer full): the field's value as items
 */
GStrv
tpt_field_get (TptNode        *node,
               const TptField *field)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (TPT_IS_NODE (node), NULL);
  g_return_val_if_fail (field != NULL, NULL);

  switch (field->shape)
    {
    case TPT_FIELD_TEXT:
    case TPT_FIELD_DURATION:
    case TPT_FIELD_COLOR:
    case TPT_FIELD_REF:
      add_unless_empty (builder, string_property (node, field->property));
      break;

    case TPT_FIELD_TEXTS:
    case TPT_FIELD_REFS:
      {
        const char * const *strv = g_value_get_boxed (property_value (node, field->property));

        if (strv != NULL)
          g_strv_builder_addv (builder, (const char **)strv);
      }
      break;

    case TPT_FIELD_ENUM:
      {
        const GValue *value = property_value (node, field->property);

        g_strv_builder_add (builder, tpt_enum_to_nick (G_VALUE_TYPE (value),
                                                       g_value_get_enum (value)));
      }
      break;

    case TPT_FIELD_NUMBER:
    case TPT_FIELD_SCORE:
      {
        int number = g_value_get_int (property_value (node, field->property));

        if (field->shape == TPT_FIELD_NUMBER || number >= 0)
          builder_take (builder, g_strdup_printf ("%d", number));
      }
      break;

    case TPT_FIELD_CELL:
      g_strv_builder_add (builder, tpt_card_get_lane (TPT_CARD (node)));
      g_strv_builder_add (builder, tpt_card_get_step (TPT_CARD (node)));
      break;

    case TPT_FIELD_ENDS:
      g_strv_builder_add (builder, tpt_flow_get_from (TPT_FLOW (node)));
      g_strv_builder_add (builder, tpt_flow_get_to (TPT_FLOW (node)));
      break;

    case TPT_FIELD_SHOWS:
      {
        TptSlide *slide = TPT_SLIDE (node);

        g_strv_builder_add (builder, tpt_enum_to_nick (TPT_TYPE_ARTEFACT_KIND,
                                                       tpt_slide_get_artefact (slide)));
        add_unless_empty (builder, tpt_slide_get_target (slide));
      }
      break;

    case TPT_FIELD_REGION:
      {
        double region[4];

        if (tpt_slide_get_region (TPT_SLIDE (node), &region[0], &region[1], &region[2],
                                  &region[3]))
          for (guint i = 0; i < G_N_ELEMENTS (region); i++)
            builder_take (builder, format_coordinate (region[i]));
      }
      break;

    case TPT_FIELD_PHOTO:
      {
        TptPersona *persona = TPT_PERSONA (node);
        GBytes *photo = tpt_persona_get_photo (persona);

        if (photo != NULL && g_bytes_get_size (photo) > 0)
          {
            gsize size;
            const guchar *data = g_bytes_get_data (photo, &size);
            const char *type = tpt_persona_get_photo_type (persona);

            if (type[0] == '\0')
              type = tpt_photo_sniff_type (data, size);
            g_strv_builder_add (builder, type != NULL ? type : TPT_PHOTO_TYPE_PNG);
            builder_take (builder, g_base64_encode (data, size));
          }
      }
      break;

    case TPT_FIELD_FACTS:
      {
        GListModel *facts = tpt_persona_get_facts (TPT_PERSONA (node));
        guint n = g_list_model_get_n_items (facts);

        for (guint i = 0; i < n; i++)
          {
            g_autoptr(TptFact) fact = g_list_model_get_item (facts, i);

            g_strv_builder_add (builder, tpt_fact_get_label (fact));
            g_strv_builder_add (builder, tpt_fact_get_value (fact));
          }
      }
      break;

    default:
      g_assert_not_reached ();
    }

  return g_strv_builder_end (builder);
}

gboolean
tpt_field_items_equal (const char * const *a,
                       const char * const *b)
{
  static const char * const empty[] = { NULL };

  return g_strv_equal ((const char **)(a != NULL ? a : empty),
                       (const char **)(b != NULL ? b : empty));
}

/* References --------------------------------------------------------------------- */

/**
 * tpt_field_foreach_ref:
 * @field: a field
 * @items: a value of it
 * @func: called with each id the value refers to and the type it must have
 * @user_data: for @func
 *
 * Lists the references in a value, so that a merge can tell which nodes a
 * value needs.
 */
void
tpt_field_foreach_ref (const TptField     *field,
                       const char * const *items,
                       TptFieldRefFunc     func,
                       gpointer            user_data)
{
  guint n = items != NULL ? g_strv_length ((char **)items) : 0;

  switch (field->shape)
    {
    case TPT_FIELD_REF:
    case TPT_FIELD_REFS:
      for (guint i = 0; i < n; i++)
        func (items[i], field->ref_type (), user_data);
      break;

    case TPT_FIELD_CELL:
      if (n == 2)
        {
          func (items[0], TPT_TYPE_LANE, user_data);
          func (items[1], TPT_TYPE_STEP, user_data);
        }
      break;

    case TPT_FIELD_ENDS:
      for (guint i = 0; i < n; i++)
        func (items[i], TPT_TYPE_CARD, user_data);
      break;

    case TPT_FIELD_SHOWS:
      if (n == 2)
        {
          int artefact;

          if (tpt_enum_from_nick (TPT_TYPE_ARTEFACT_KIND, items[0], &artefact) &&
              tpt_artefact_kind_get_target_type (artefact) != G_TYPE_NONE)
            func (items[1], tpt_artefact_kind_get_target_type (artefact), user_data);
        }
      break;

    default:
      break;
    }
}

/* Writing ---------------------------------------------------------------------- */

static gboolean
bad_value (GError     **error,
           const char  *what)
{
  g_set_error (error, TPT_ERROR, TPT_ERROR_INVALID,
               /* Translators: %s is the name of a field, e.g. "kind". */
               _("That is not a valid value for the %s"), what);
  return FALSE;
}

static gboolean
parse_int (const char *text,
           int         min,
           int         max,
           int        *value)
{
  gint64 number;

  if (!g_ascii_string_to_signed (text, 10, min, max, &number, NULL))
    return FALSE;
  *value = (int)number;
  return TRUE;
}

/* A node of @type with @id in @node's document, when @node is in one; a
 * node being built refers to nodes that are not there yet. */
static gboolean
check_ref (TptNode     *node,
           const char  *id,
           GType        type,
           GError     **error)
{
  TptDocument *document = tpt_node_get_document (node);

  if (!tpt_id_is_valid (id))
    return bad_value (error, _("reference"));
  if (!tpt_node_is_attached (node) || document == NULL)
    return TRUE;
  if (tpt_document_lookup_typed (document, id, type) == NULL)
    {
      g_set_error (error, TPT_ERROR, TPT_ERROR_BROKEN_REFERENCE,
                   _("“%s” is no longer in the document"), id);
      return FALSE;
    }
  return TRUE;
}

static TptBlueprint *
blueprint_of (TptNode *node)
{
  while (node != NULL && !TPT_IS_BLUEPRINT (node))
    node = tpt_node_get_parent (node);
  return node != NULL ? TPT_BLUEPRINT (node) : NULL;
}

static gboolean
set_cell (TptCard             *card,
          const char * const  *items,
          guint                n,
          GError             **error)
{
  TptNode *node = TPT_NODE (card);

  if (n != 2 ||
      !check_ref (node, items[0], TPT_TYPE_LANE, error) ||
      !check_ref (node, items[1], TPT_TYPE_STEP, error))
    return error == NULL || *error != NULL ? FALSE : bad_value (error, _("cell"));

  if (tpt_node_is_attached (node))
    {
      TptDocument *document = tpt_node_get_document (node);
      TptBlueprint *blueprint = blueprint_of (node);
      TptLane *lane = tpt_document_lookup_typed (document, items[0], TPT_TYPE_LANE);
      TptStep *step = tpt_document_lookup_typed (document, items[1], TPT_TYPE_STEP);
      g_autoptr(GPtrArray) steps = tpt_blueprint_list_steps (blueprint);
      int index = tpt_blueprint_get_step_index (blueprint, items[1]);

      if (blueprint_of (TPT_NODE (lane)) != blueprint || index < 0)
        {
          g_set_error (error, TPT_ERROR, TPT_ERROR_BROKEN_REFERENCE,
                       _("That cell is in another blueprint"));
          return FALSE;
        }
      if ((guint)index + (guint)tpt_card_get_span (card) > steps->len)
        tpt_card_set_span (card, (int)steps->len - index);
      tpt_blueprint_move_card (blueprint, card, lane, step, G_MAXUINT);
    }
  else
    {
      tpt_card_set_lane (card, items[0]);
      tpt_card_set_step (card, items[1]);
    }
  return TRUE;
}

static gboolean
set_shows (TptSlide            *slide,
           const char * const  *items,
           guint                n,
           GError             **error)
{
  TptNode *node = TPT_NODE (slide);
  int artefact;
  GType type;

  if (n < 1 || n > 2 || !tpt_enum_from_nick (TPT_TYPE_ARTEFACT_KIND, items[0], &artefact) ||
      !tpt_artefact_kind_has_flags (artefact, TPT_ARTEFACT_FLAG_SLIDE))
    return bad_value (error, _("artefact"));

  type = tpt_artefact_kind_get_target_type (artefact);
  if ((type == G_TYPE_NONE) != (n == 1))
    return bad_value (error, _("artefact"));
  if (n == 2 && !check_ref (node, items[1], type, error))
    return FALSE;

  if (tpt_node_is_attached (node))
    tpt_slide_set_artefact (slide, artefact,
                            n == 2 ? tpt_document_lookup (tpt_node_get_document (node), items[1])
                                   : NULL);
  else
    tpt_slide_set_reference (slide, artefact, n == 2 ? items[1] : NULL);
  return TRUE;
}

static gboolean
set_region (TptSlide            *slide,
            const char * const  *items,
            guint                n,
            GError             **error)
{
  double region[4];

  if (n == 0)
    {
      tpt_slide_clear_region (slide);
      return TRUE;
    }
  if (n != 4)
    return bad_value (error, _("region"));

  for (guint i = 0; i < 4; i++)
    {
      char *end = NULL;

      region[i] = g_ascii_strtod (items[i], &end);
      if (end == items[i] || *end != '\0' ||
          !(region[i] >= -TPT_SLIDE_MAX_COORDINATE && region[i] <= TPT_SLIDE_MAX_COORDINATE) ||
          (i >= 2 && region[i] <= 0))
        return bad_value (error, _("region"));
    }

  tpt_slide_set_region (slide, region[0], region[1], region[2], region[3]);
  return TRUE;
}

static gboolean
set_photo (TptPersona          *persona,
           const char * const  *items,
           guint                n,
           GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  guchar *data;
  gsize size;

  if (n == 0)
    {
      tpt_persona_set_photo (persona, NULL, NULL);
      return TRUE;
    }
  if (n != 2)
    return bad_value (error, _("photo"));

  data = g_base64_decode (items[1], &size);
  bytes = g_bytes_new_take (data, size);
  if (size == 0 || !tpt_photo_check (bytes, items[0], error))
    return error == NULL || *error != NULL ? FALSE : bad_value (error, _("photo"));

  tpt_persona_set_photo (persona, bytes, items[0]);
  return TRUE;
}

static gboolean
set_facts (TptPersona          *persona,
           const char * const  *items,
           guint                n)
{
  GListModel *facts = tpt_persona_get_facts (persona);

  while (g_list_model_get_n_items (facts) > 0)
    {
      g_autoptr(TptFact) fact = g_list_model_get_item (facts, 0);

      tpt_persona_remove_fact (persona, fact);
    }

  for (guint i = 0; i + 1 < n; i += 2)
    {
      g_autoptr(TptFact) fact = tpt_fact_new (NULL);

      tpt_fact_set_label (fact, items[i]);
      tpt_fact_set_value (fact, items[i + 1]);
      tpt_persona_insert_fact (persona, i / 2, fact);
    }
  return TRUE;
}

static gboolean
set_score (TptNode             *node,
           const TptField      *field,
           const char * const  *items,
           guint                n,
           GError             **error)
{
  TptRating *rating = TPT_RATING (node);
  int score = -1;

  if (n > 1 || (n == 1 && !parse_int (items[0], 0, 10, &score)))
    return bad_value (error, _(field->label));

  /* In a document a rating with neither score leaves the matrix, so the
   * document sets it. */
  if (tpt_node_is_attached (node))
    {
      TptDocument *document = tpt_node_get_document (node);
      TptPersona *persona = tpt_document_lookup_typed (document, tpt_rating_get_persona (rating),
                                                       TPT_TYPE_PERSONA);
      TptNeed *need = tpt_document_lookup_typed (document, tpt_rating_get_need (rating),
                                                 TPT_TYPE_NEED);
      gboolean importance = strcmp (field->name, "importance") == 0;

      g_assert (persona != NULL && need != NULL);
      tpt_document_set_rating (document, persona, need,
                               importance ? score : tpt_rating_get_importance (rating),
                               importance ? tpt_rating_get_satisfaction (rating) : score);
    }
  else if (strcmp (field->name, "importance") == 0)
    tpt_rating_set_importance (rating, score);
  else
    tpt_rating_set_satisfaction (rating, score);
  return TRUE;
}

/**
 * tpt_field_set:
 * @node: a node
 * @field: one of the fields of its type
 * @items: the new value
 * @error: return location for a #TPT_ERROR
 *
 * Gives a field a value, after checking it. A node in a document changes
 * through the model's API and so through its history, inside the caller's
 * transaction; the ids a value refers to must then be in the document, and
 * a card's cell in its blueprint. A node being built just changes.
 *
 * Returns: %TRUE if the value was set, %FALSE with @error and nothing
 *   changed if it does not fit
 */
gboolean
tpt_field_set (TptNode             *node,
               const TptField      *field,
               const char * const  *items,
               GError             **error)
{
  static const char * const empty[] = { NULL };
  guint n;

  g_return_val_if_fail (TPT_IS_NODE (node), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  if (items == NULL)
    items = empty;
  n = g_strv_length ((char **)items);

  switch (field->shape)
    {
    case TPT_FIELD_TEXT:
      if (n > 1)
        return bad_value (error, _(field->label));
      set_string_property (node, field->property, n == 1 ? items[0] : NULL);
      return TRUE;

    case TPT_FIELD_DURATION:
      if (n > 1 || (n == 1 && !tpt_duration_parse (items[0], NULL)))
        return bad_value (error, _(field->label));
      set_string_property (node, field->property, n == 1 ? items[0] : NULL);
      return TRUE;

    case TPT_FIELD_COLOR:
      if (n != 1 || !tpt_color_is_valid (items[0]))
        return bad_value (error, _(field->label));
      set_string_property (node, field->property, items[0]);
      return TRUE;

    case TPT_FIELD_REF:
      if (n > 1 || (n == 1 && !check_ref (node, items[0], field->ref_type (), error)))
        return error == NULL || *error != NULL ? FALSE : bad_value (error, _(field->label));
      if (n == 1 && TPT_IS_BLUEPRINT (node) &&
          g_strcmp0 (items[0], tpt_node_get_id (node)) == 0)
        return bad_value (error, _(field->label));
      set_string_property (node, field->property, n == 1 ? items[0] : NULL);
      return TRUE;

    case TPT_FIELD_TEXTS:
    case TPT_FIELD_REFS:
      {
        g_auto(GValue) value = G_VALUE_INIT;

        for (guint i = 0; field->shape == TPT_FIELD_REFS && i < n; i++)
          if (!check_ref (node, items[i], field->ref_type (), error) ||
              g_strv_contains (items + i + 1, items[i]))
            return error == NULL || *error != NULL ? FALSE : bad_value (error, _(field->label));

        g_value_init (&value, G_TYPE_STRV);
        g_value_set_boxed (&value, items);
        set_property_value (node, field->property, &value);
      }
      return TRUE;

    case TPT_FIELD_ENUM:
      {
        GParamSpec *pspec = find_pspec (node, field->property);
        g_auto(GValue) value = G_VALUE_INIT;
        int number;

        if (n != 1 || !tpt_enum_from_nick (pspec->value_type, items[0], &number))
          return bad_value (error, _(field->label));
        g_value_init (&value, pspec->value_type);
        g_value_set_enum (&value, number);
        set_property_value (node, field->property, &value);
      }
      return TRUE;

    case TPT_FIELD_NUMBER:
      {
        GParamSpecInt *pspec = G_PARAM_SPEC_INT (find_pspec (node, field->property));
        g_auto(GValue) value = G_VALUE_INIT;
        int number;

        if (n != 1 || !parse_int (items[0], pspec->minimum, pspec->maximum, &number))
          return bad_value (error, _(field->label));

        if (TPT_IS_CARD (node) && tpt_node_is_attached (node))
          {
            TptBlueprint *blueprint = blueprint_of (node);
            g_autoptr(GPtrArray) steps = tpt_blueprint_list_steps (blueprint);
            int index = tpt_blueprint_get_step_index (blueprint,
                                                      tpt_card_get_step (TPT_CARD (node)));

            if (index < 0 || (guint)(index + number) > steps->len)
              return bad_value (error, _(field->label));
          }

        if (TPT_IS_EMOTION (node) && tpt_node_is_attached (node))
          {
            TptDocument *document = tpt_node_get_document (node);
            TptEmotion *emotion = TPT_EMOTION (node);

            tpt_blueprint_set_emotion (blueprint_of (node),
                                       tpt_document_lookup_typed (document,
                                                                  tpt_emotion_get_lane (emotion),
                                                                  TPT_TYPE_LANE),
                                       tpt_document_lookup_typed (document,
                                                                  tpt_emotion_get_step (emotion),
                                                                  TPT_TYPE_STEP),
                                       number);
            return TRUE;
          }

        g_value_init (&value, G_TYPE_INT);
        g_value_set_int (&value, number);
        set_property_value (node, field->property, &value);
      }
      return TRUE;

    case TPT_FIELD_SCORE:
      return set_score (node, field, items, n, error);

    case TPT_FIELD_CELL:
      return set_cell (TPT_CARD (node), items, n, error);

    case TPT_FIELD_ENDS:
      if (n != 2 || strcmp (items[0], items[1]) == 0 ||
          !check_ref (node, items[0], TPT_TYPE_CARD, error) ||
          !check_ref (node, items[1], TPT_TYPE_CARD, error))
        return error == NULL || *error != NULL ? FALSE : bad_value (error, _(field->label));
      if (tpt_node_is_attached (node))
        {
          if (g_strcmp0 (items[0], tpt_flow_get_from (TPT_FLOW (node))) == 0 &&
              g_strcmp0 (items[1], tpt_flow_get_to (TPT_FLOW (node))) == 0)
            return TRUE;
          g_set_error (error, TPT_ERROR, TPT_ERROR_INVALID,
                       _("A flow cannot change its cards; delete it and draw another"));
          return FALSE;
        }
      tpt_flow_set_from (TPT_FLOW (node), items[0]);
      tpt_flow_set_to (TPT_FLOW (node), items[1]);
      return TRUE;

    case TPT_FIELD_SHOWS:
      return set_shows (TPT_SLIDE (node), items, n, error);

    case TPT_FIELD_REGION:
      return set_region (TPT_SLIDE (node), items, n, error);

    case TPT_FIELD_PHOTO:
      return set_photo (TPT_PERSONA (node), items, n, error);

    case TPT_FIELD_FACTS:
      if (n % 2 != 0)
        return bad_value (error, _(field->label));
      return set_facts (TPT_PERSONA (node), items, n);

    default:
      g_assert_not_reached ();
    }
}

/* Words -------------------------------------------------------------------------- */

/**
 * tpt_field_enum_label:
 * @field: an enum field
 * @node_type: the type of node it belongs to
 * @nick: a value of it, as the file writes it
 *
 * Returns: (transfer full): the value in a designer's words, e.g. "fail
 *   point" for a card kind "fail"
 */
char *
tpt_field_enum_label (const TptField *field,
                      GType           node_type,
                      const char     *nick)
{
  static const struct
  {
    GType     (*type) (void);
    const char *nick;
    const char *label;
  } labels[] = {
    { tpt_card_kind_get_type, "action", N_("action") },
    { tpt_card_kind_get_type, "decision", N_("decision") },
    { tpt_card_kind_get_type, "fail", N_("fail point") },
    { tpt_card_kind_get_type, "wait", N_("wait point") },
    { tpt_card_kind_get_type, "note", N_("note") },
    { tpt_card_kind_get_type, "metric", N_("metric") },
    { tpt_card_kind_get_type, "pain", N_("pain point") },
    { tpt_card_kind_get_type, "opportunity", N_("opportunity") },
    { tpt_lane_kind_get_type, "evidence", N_("physical evidence") },
    { tpt_lane_kind_get_type, "customer", N_("customer actions") },
    { tpt_lane_kind_get_type, "frontstage", N_("frontstage") },
    { tpt_lane_kind_get_type, "backstage", N_("backstage") },
    { tpt_lane_kind_get_type, "support", N_("support processes") },
    { tpt_lane_kind_get_type, "emotion", N_("emotion") },
    { tpt_lane_kind_get_type, "pain", N_("pain points") },
    { tpt_lane_kind_get_type, "opportunity", N_("opportunities") },
    { tpt_lane_kind_get_type, "metric", N_("metrics") },
    { tpt_lane_kind_get_type, "policy", N_("policies") },
    { tpt_lane_kind_get_type, "custom", N_("custom") },
    { tpt_office_get_type, "none", N_("no office") },
    { tpt_office_get_type, "front", N_("front office") },
    { tpt_office_get_type, "middle", N_("middle office") },
    { tpt_office_get_type, "back", N_("back office") },
    { tpt_blueprint_state_get_type, "current", N_("current state") },
    { tpt_blueprint_state_get_type, "future", N_("future state") },
    { tpt_arrow_get_type, "single", N_("one-way") },
    { tpt_arrow_get_type, "double", N_("two-way") },
    { tpt_artefact_kind_get_type, "cover", N_("the cover") },
    { tpt_artefact_kind_get_type, "blueprint", N_("a blueprint") },
    { tpt_artefact_kind_get_type, "stage", N_("a stage") },
    { tpt_artefact_kind_get_type, "persona", N_("a persona") },
    { tpt_artefact_kind_get_type, "needs-matrix", N_("the needs matrix") },
    { tpt_artefact_kind_get_type, "coverage", N_("coverage") },
  };
  GType enum_type;

  g_return_val_if_fail (nick != NULL, NULL);

  if (field->shape == TPT_FIELD_SHOWS)
    enum_type = TPT_TYPE_ARTEFACT_KIND;
  else
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (node_type);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), field->property);

      enum_type = pspec->value_type;
    }

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (labels[i].type () == enum_type && strcmp (labels[i].nick, nick) == 0)
      return g_strdup (_(labels[i].label));

  return g_strdup (nick);
}

/**
 * tpt_field_abbreviate:
 * @text: any text
 * @max_chars: the most characters to keep, or 0 for all
 *
 * Returns: (transfer full): @text on one line (line breaks become spaces),
 *   cut after a word and ended with “…” if it is longer than @max_chars
 */
char *
tpt_field_abbreviate (const char *text,
                      guint       max_chars)
{
  g_autofree char *line = g_strdup (text != NULL ? text : "");
  glong length;
  const char *end;
  const char *cut;

  for (char *p = line; *p != '\0'; p++)
    if (*p == '\n' || *p == '\r' || *p == '\t')
      *p = ' ';

  length = g_utf8_strlen (line, -1);
  if (max_chars == 0 || length <= (glong)max_chars)
    return g_steal_pointer (&line);

  end = g_utf8_offset_to_pointer (line, max_chars - 1);
  cut = end;
  /* Back to the end of a word, unless that loses more than a third. */
  while (cut > line && *cut != ' ')
    cut = g_utf8_prev_char (cut);
  if (cut - line < (end - line) * 2 / 3)
    cut = end;
  while (cut > line && cut[-1] == ' ')
    cut--;

  {
    g_autofree char *head = g_strndup (line, cut - line);

    return g_strconcat (head, "…", NULL);
  }
}

static char *
quoted (const char *text,
        guint       max_chars)
{
  g_autofree char *short_text = tpt_field_abbreviate (text, max_chars);

  /* Translators: a quoted text, as in card “Calls the hotline”. */
  return g_strdup_printf (_("“%s”"), short_text);
}

static const char *
untitled (const char *title)
{
  return title != NULL && title[0] != '\0' ? title : _("untitled");
}

/**
 * tpt_field_name_of:
 * @document: a document
 * @id: the id of one of its nodes
 *
 * Returns: (transfer full): what a designer calls the node: a persona's
 *   name, a need's or a blueprint's title in quotes, a card's text; @id
 *   itself if the document has no such node
 */
char *
tpt_field_name_of (TptDocument *document,
                   const char  *id)
{
  TptNode *node = tpt_document_lookup (document, id);

  if (node == NULL)
    return g_strdup (id);
  if (TPT_IS_PERSONA (node))
    return g_strdup (untitled (tpt_persona_get_name (TPT_PERSONA (node))));
  if (TPT_IS_NEED (node))
    return quoted (untitled (tpt_need_get_title (TPT_NEED (node))), 40);
  if (TPT_IS_BLUEPRINT (node))
    return quoted (untitled (tpt_blueprint_get_title (TPT_BLUEPRINT (node))), 40);
  if (TPT_IS_LANE (node))
    return tpt_field_abbreviate (untitled (tpt_lane_get_title (TPT_LANE (node))), 30);
  if (TPT_IS_STAGE (node))
    return tpt_field_abbreviate (untitled (tpt_stage_get_title (TPT_STAGE (node))), 30);
  if (TPT_IS_STEP (node))
    return tpt_field_abbreviate (untitled (tpt_step_get_title (TPT_STEP (node))), 30);
  if (TPT_IS_CARD (node))
    return quoted (untitled (tpt_card_get_text (TPT_CARD (node))), 40);
  if (TPT_IS_SLIDE (node))
    return quoted (untitled (tpt_slide_get_title (TPT_SLIDE (node))), 40);
  return g_strdup (id);
}

/* "Call centre, Reports the accident": where a card or an emotion point is. */
static char *
cell_name (TptDocument *document,
           const char  *lane_id,
           const char  *step_id)
{
  g_autofree char *lane = tpt_field_name_of (document, lane_id);
  g_autofree char *step = tpt_field_name_of (document, step_id);

  /* Translators: a cell of a blueprint: its lane, then its step. */
  return g_strdup_printf (_("%s, %s"), lane, step);
}

/**
 * tpt_field_describe_node:
 * @node: a node in a document
 *
 * Returns: (transfer full): the node in a designer's words, e.g. card
 *   “Agent cannot find the policy” (Call centre, Reports the accident)
 */
char *
tpt_field_describe_node (TptNode *node)
{
  TptDocument *document;

  g_return_val_if_fail (TPT_IS_NODE (node), NULL);

  document = tpt_node_get_document (node);

  if (TPT_IS_DOCUMENT (node))
    return g_strdup (_("the document"));

  if (TPT_IS_RATING (node))
    {
      TptRating *rating = TPT_RATING (node);
      g_autofree char *persona = tpt_field_name_of (document, tpt_rating_get_persona (rating));
      g_autofree char *need = tpt_field_name_of (document, tpt_rating_get_need (rating));

      /* Translators: a cell of the needs matrix: a persona, then a need. */
      return g_strdup_printf (_("rating %s × %s"), persona, need);
    }

  if (TPT_IS_EMOTION (node))
    {
      TptEmotion *emotion = TPT_EMOTION (node);
      g_autofree char *cell = cell_name (document, tpt_emotion_get_lane (emotion),
                                         tpt_emotion_get_step (emotion));

      return g_strdup_printf (_("emotion (%s)"), cell);
    }

  if (TPT_IS_FLOW (node))
    {
      TptFlow *flow = TPT_FLOW (node);
      g_autofree char *from = tpt_field_name_of (document, tpt_flow_get_from (flow));
      g_autofree char *to = tpt_field_name_of (document, tpt_flow_get_to (flow));

      return g_strdup_printf (_("flow %s → %s"), from, to);
    }

  if (TPT_IS_FACT (node))
    return g_strdup_printf (_("fact “%s”"), tpt_fact_get_label (TPT_FACT (node)));

  {
    g_autofree char *name = tpt_field_name_of (document, tpt_node_get_id (node));

    if (TPT_IS_PERSONA (node))
      return g_strdup_printf (_("persona %s"), name);
    if (TPT_IS_NEED (node))
      return g_strdup_printf (_("need %s"), name);
    if (TPT_IS_BLUEPRINT (node))
      return g_strdup_printf (_("blueprint %s"), name);
    if (TPT_IS_LANE (node))
      return g_strdup_printf (_("lane “%s”"), name);
    if (TPT_IS_STAGE (node))
      return g_strdup_printf (_("stage “%s”"), name);
    if (TPT_IS_STEP (node))
      {
        TptNode *stage = tpt_node_get_parent (node);
        TptNode *blueprint = stage != NULL ? tpt_node_get_parent (stage) : NULL;
        int index = blueprint != NULL
                      ? tpt_blueprint_get_step_index (TPT_BLUEPRINT (blueprint),
                                                      tpt_node_get_id (node))
                      : -1;

        if (index >= 0)
          /* Translators: a step of a blueprint: its column, then its title. */
          return g_strdup_printf (_("step %d “%s”"), index + 1, name);
        return g_strdup_printf (_("step “%s”"), name);
      }
    if (TPT_IS_CARD (node))
      {
        TptCard *card = TPT_CARD (node);
        g_autofree char *cell = cell_name (document, tpt_card_get_lane (card),
                                           tpt_card_get_step (card));

        return g_strdup_printf (_("card %s (%s)"), name, cell);
      }
    if (TPT_IS_SLIDE (node))
      {
        guint position = 0;

        if (document != NULL)
          g_list_store_find (G_LIST_STORE (tpt_document_get_slides (document)), node, &position);
        return g_strdup_printf (_("slide %u %s"), position + 1, name);
      }
    return g_strdup (name);
  }
}

static char *
join_names (TptDocument        *document,
            const char * const *ids,
            guint               n)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = tpt_field_name_of (document, ids[i]);

      if (i > 0)
        g_string_append (out, _(", "));
      g_string_append (out, name);
    }
  return g_string_free (out, FALSE);
}

/**
 * tpt_field_describe_value:
 * @field: a field
 * @node_type: the type of node it is of
 * @items: a value of it
 * @document: (nullable): where to look up the names of what ids refer to
 * @max_chars: how long a text may be before it is abbreviated, or 0
 *
 * Returns: (transfer full): the value in a designer's words: a text in
 *   quotes, a kind by its name, a need by its title, "unset"…
 */
char *
tpt_field_describe_value (const TptField     *field,
                          GType               node_type,
                          const char * const *items,
                          TptDocument        *document,
                          guint               max_chars)
{
  static const char * const empty[] = { NULL };
  guint n;

  g_return_val_if_fail (field != NULL, NULL);

  if (items == NULL)
    items = empty;
  n = g_strv_length ((char **)items);

  switch (field->shape)
    {
    case TPT_FIELD_TEXT:
    case TPT_FIELD_DURATION:
    case TPT_FIELD_COLOR:
      return n > 0 ? quoted (items[0], max_chars) : g_strdup (_("nothing"));

    case TPT_FIELD_TEXTS:
      {
        GString *out = g_string_new (NULL);

        for (guint i = 0; i < n; i++)
          {
            g_autofree char *item = quoted (items[i], max_chars);

            if (i > 0)
              g_string_append (out, _(", "));
            g_string_append (out, item);
          }
        if (n == 0)
          g_string_append (out, _("nothing"));
        return g_string_free (out, FALSE);
      }

    case TPT_FIELD_ENUM:
      return n > 0 ? tpt_field_enum_label (field, node_type, items[0]) : g_strdup ("");

    case TPT_FIELD_NUMBER:
      return g_strdup (n > 0 ? items[0] : "");

    case TPT_FIELD_SCORE:
      return g_strdup (n > 0 ? items[0] : _("unset"));

    case TPT_FIELD_REF:
      if (n == 0)
        return g_strdup (_("none"));
      return document != NULL ? tpt_field_name_of (document, items[0]) : g_strdup (items[0]);

    case TPT_FIELD_REFS:
      if (n == 0)
        return g_strdup (_("nothing"));
      return document != NULL ? join_names (document, items, n) : g_strjoinv (" ", (char **)items);

    case TPT_FIELD_CELL:
      if (n != 2)
        return g_strdup ("");
      return document != NULL ? cell_name (document, items[0], items[1])
                              : g_strdup_printf (_("%s, %s"), items[0], items[1]);

    case TPT_FIELD_ENDS:
      {
        g_autofree char *from = n > 0 && document != NULL ? tpt_field_name_of (document, items[0])
                                                          : g_strdup (n > 0 ? items[0] : "");
        g_autofree char *to = n > 1 && document != NULL ? tpt_field_name_of (document, items[1])
                                                        : g_strdup (n > 1 ? items[1] : "");

        return g_strdup_printf (_("%s → %s"), from, to);
      }

    case TPT_FIELD_SHOWS:
      {
        g_autofree char *what = n > 0 ? tpt_field_enum_label (field, node_type, items[0])
                                      : g_strdup ("");
        g_autofree char *target = NULL;

        if (n < 2)
          return g_steal_pointer (&what);
        target = document != NULL ? tpt_field_name_of (document, items[1]) : g_strdup (items[1]);
        /* Translators: what a slide shows: "a blueprint “Claims”". */
        return g_strdup_printf (_("%s %s"), what, target);
      }

    case TPT_FIELD_REGION:
      if (n != 4)
        return g_strdup (_("all of it"));
      /* Translators: a region of a slide: its corner, then its size, in points. */
      return g_strdup_printf (_("%s, %s, %s × %s"), items[0], items[1], items[2], items[3]);

    case TPT_FIELD_PHOTO:
      if (n != 2)
        return g_strdup (_("no photo"));
      {
        gsize length = strlen (items[1]) / 4 * 3;

        /* Translators: a photo, by its type and size, e.g. "image/png, 12 kB". */
        return g_strdup_printf (_("%s, %u kB"), items[0], (guint)((length + 1023) / 1024));
      }

    case TPT_FIELD_FACTS:
      {
        GString *out = g_string_new (NULL);

        for (guint i = 0; i + 1 < n; i += 2)
          {
            g_autofree char *value = tpt_field_abbreviate (items[i + 1], max_chars);

            if (i > 0)
              g_string_append (out, _(", "));
            /* Translators: a persona's fact, as in "Age: 42". */
            g_string_append_printf (out, _("%s: %s"), items[i], value);
          }
        if (n == 0)
          g_string_append (out, _("nothing"));
        return g_string_free (out, FALSE);
      }

    default:
      g_assert_not_reached ();
    }
}
