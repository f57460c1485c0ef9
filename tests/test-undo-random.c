/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tpt-blueprint-private.h"
#include "tpt-document.h"
#include "tpt-format.h"
#include "tpt-history-journal-private.h"
#include "tpt-node-private.h"
#include "tpt-serializer.h"
#include "tpt-values.h"

#include "test-utils.h"

/* The property test of the history: a seeded random sequence of edits across
 * every artefact, each in its own transaction (sometimes several in one,
 * sometimes nested, sometimes typing that merges, sometimes cancelled, now
 * and then an undo or redo in the middle). The document's state after every
 * history position is recorded, as a canonical dump (every property of
 * every node, ids and node identity included) and as the bytes the file
 * format writes. Then undoing everything, one entry at a time, must pass
 * back through exactly those states to the start; redoing everything must
 * pass forward through them to the end; jumping to a random middle position
 * and back must land on them too.
 *
 * Reproduce a failure with `test-undo-random --seed N` or TPT_SEED=N; the
 * seed is in every failure message. TPT_EDITS=N changes the number of
 * edits; `-m slow` runs more seeds, longer. */

/* Six seeds of 1200 edits by default; `-m slow` adds six more and makes
 * every run 2.5 times longer. */
static const guint default_seeds[] = {
  1, 2, 3, 42, 2024, 31337,
  7, 1234, 4242, 65535, 99991, 123456,
};

#define DEFAULT_EDITS 1200

/* Edits of one kind each, on nodes picked at random. */
enum
{
  K_PERSONA, K_FACT, K_NEED, K_RATING, K_BLUEPRINT, K_LANE, K_STAGE, K_STEP, K_CARD, K_FLOW,
  K_EMOTION, K_SLIDE, N_KINDS
};

typedef struct
{
  guint        seed;
  GRand       *rand;
  TptDocument *doc;
  TptHistory  *history;
  guint        serial;        /* makes texts and labels unique */
  GPtrArray   *nodes[N_KINDS];
  guint        n_edits;       /* edits that went through the model */
  guint        max_nodes;
  guint        counts[32];    /* how often each kind of edit ran */
  guint        n_journals;    /* journals restored into a document read back */
} Ctx;

/* The dump is kept whole, to show what differs; the file bytes as a
 * checksum, which is enough to tell whether they differ. */
typedef struct
{
  char *dump;
  char *bytes_sum;
} Snapshot;

/* Reporting ------------------------------------------------------------------ */

#define FAIL(ctx, ...) \
  G_STMT_START { \
    g_autofree char *what_ = g_strdup_printf (__VA_ARGS__); \
    g_autofree char *message_ = g_strdup_printf ("seed %u: %s\n(reproduce with --seed %u)", \
                                                 (ctx)->seed, what_, (ctx)->seed); \
    g_test_message ("%s", message_); \
    g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message_); \
  } G_STMT_END

#define CHECK(ctx, cond, ...) \
  G_STMT_START { \
    if (G_UNLIKELY (!(cond))) \
      FAIL (ctx, __VA_ARGS__); \
  } G_STMT_END

static void
check_same_text (Ctx        *ctx,
                 const char *what,
                 const char *expected,
                 const char *actual)
{
  if (strcmp (expected, actual) != 0)
    {
      g_autofree char *difference = tpt_test_first_difference (expected, actual);

      FAIL (ctx, "%s differs at %s", what, difference);
    }
}

static char *
serialize (TptDocument *doc)
{
  g_autoptr(GBytes) bytes = tpt_document_serialize (doc);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return g_strndup (data, size);
}

static void
snapshot_take (Ctx      *ctx,
               Snapshot *snapshot)
{
  g_autoptr(GBytes) bytes = tpt_document_serialize (ctx->doc);

  g_free (snapshot->dump);
  g_free (snapshot->bytes_sum);
  snapshot->dump = tpt_test_dump (ctx->doc, TRUE);
  snapshot->bytes_sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

static void
snapshot_clear (gpointer data)
{
  Snapshot *snapshot = data;

  g_clear_pointer (&snapshot->dump, g_free);
  g_clear_pointer (&snapshot->bytes_sum, g_free);
}

/* Checks that the document is in the state @expected recorded, at history
 * position @position. */
static void
check_snapshot (Ctx            *ctx,
                const Snapshot *expected,
                guint           position,
                const char     *doing)
{
  Snapshot now = { NULL, NULL };
  const char *label = NULL;

  snapshot_take (ctx, &now);
  if (position < g_list_model_get_n_items (G_LIST_MODEL (ctx->history)))
    {
      g_autoptr(TptHistoryEntry) entry = g_list_model_get_item (G_LIST_MODEL (ctx->history),
                                                                position);

      label = tpt_history_entry_get_label (entry);
    }

  if (!g_str_equal (now.dump, expected->dump))
    {
      g_autofree char *difference = tpt_test_first_difference (expected->dump, now.dump);

      FAIL (ctx, "%s: at position %u (before entry “%s”) the tree is not what it was, at %s",
            doing, position, label ? label : "", difference);
    }
  CHECK (ctx, g_str_equal (now.bytes_sum, expected->bytes_sum),
         "%s: at position %u (before entry “%s”) the file bytes are not what they were", doing,
         position, label ? label : "");
  snapshot_clear (&now);
}

/* Random choices ---------------------------------------------------------- */

static guint
rnd (Ctx   *ctx,
     guint  n)
{
  g_assert (n > 0);
  return (guint)g_rand_int_range (ctx->rand, 0, (gint32)n);
}

static gboolean
chance (Ctx    *ctx,
        double  p)
{
  return g_rand_double (ctx->rand) < p;
}

static gpointer
pick (Ctx  *ctx,
      guint kind)
{
  GPtrArray *nodes = ctx->nodes[kind];

  return nodes->len > 0 ? g_ptr_array_index (nodes, rnd (ctx, nodes->len)) : NULL;
}

static const char *words[] = {
  "claim", "policy", "Dana", "waits", "on hold", "phone", "app", "café", "naïve", "日本語",
  "&amp;", "<b>", "\"quoted\"", "it's", "tab\there", "line\nbreak", "  spaced  ", "🚗",
  "]]>", "a > b", "100%", "\\", "ümlaut",
};

static char *
random_text (Ctx *ctx)
{
  GString *text = g_string_new (NULL);
  guint n = 1 + rnd (ctx, 3);

  for (guint i = 0; i < n; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? " " : "", words[rnd (ctx, G_N_ELEMENTS (words))]);
  g_string_append_printf (text, " %u", ++ctx->serial);
  return g_string_free (text, FALSE);
}

/* Text for a field: mostly new text, sometimes nothing. */
static char *
random_field (Ctx *ctx)
{
  return chance (ctx, 0.1) ? NULL : random_text (ctx);
}

static GStrv
random_strv (Ctx *ctx)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = rnd (ctx, 4);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = random_text (ctx);

      g_strv_builder_add (builder, text);
    }
  return g_strv_builder_end (builder);
}

/* A subset of the ids of the nodes of @kind, each at most once. */
static GStrv
random_ids (Ctx   *ctx,
            guint  kind)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GPtrArray *nodes = ctx->nodes[kind];

  for (guint i = 0; i < nodes->len; i++)
    if (chance (ctx, 0.3))
      g_strv_builder_add (builder, tpt_node_get_id (g_ptr_array_index (nodes, i)));
  return g_strv_builder_end (builder);
}

static const char *
random_color (Ctx *ctx)
{
  static const char *colors[] = {
    "#3584e4", "#e66100", "#2ec27e", "#C01C28", "#9141ac", "#000000",
  };

  return colors[rnd (ctx, G_N_ELEMENTS (colors))];
}

static const char *
random_duration (Ctx *ctx)
{
  static const char *durations[] = {
    NULL, "", "PT15M", "P2D", "P1DT2H30M", "PT0S", "P2W", "P1Y2M",
  };

  return durations[rnd (ctx, G_N_ELEMENTS (durations))];
}

static GBytes *
random_photo (Ctx *ctx)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 16, 0, 0, 0, 16, 8, 6, 0, 0, 0,
  };
  GByteArray *array = g_byte_array_new ();
  guint n = 8 + rnd (ctx, 200);

  g_byte_array_append (array, png, sizeof png);
  for (guint i = 0; i < n; i++)
    {
      guint8 byte = (guint8)rnd (ctx, 256);

      g_byte_array_append (array, &byte, 1);
    }
  return g_byte_array_free_to_bytes (array);
}

static guint
n_items (GListModel *model)
{
  return g_list_model_get_n_items (model);
}

static TptBlueprint *
blueprint_of (gpointer node)
{
  TptNode *p = TPT_NODE (node);

  while (p != NULL && !TPT_IS_BLUEPRINT (p))
    p = tpt_node_get_parent (p);
  return p != NULL ? TPT_BLUEPRINT (p) : NULL;
}

/* Nodes of @kind in @blueprint. */
static GPtrArray *
nodes_in (Ctx          *ctx,
          guint         kind,
          TptBlueprint *blueprint)
{
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < ctx->nodes[kind]->len; i++)
    if (blueprint_of (g_ptr_array_index (ctx->nodes[kind], i)) == blueprint)
      g_ptr_array_add (found, g_ptr_array_index (ctx->nodes[kind], i));
  return found;
}

static void
collect_cb (TptNode  *node,
            gpointer  user_data)
{
  Ctx *ctx = user_data;
  guint kind;

  if (TPT_IS_PERSONA (node))
    kind = K_PERSONA;
  else if (TPT_IS_FACT (node))
    kind = K_FACT;
  else if (TPT_IS_NEED (node))
    kind = K_NEED;
  else if (TPT_IS_RATING (node))
    kind = K_RATING;
  else if (TPT_IS_BLUEPRINT (node))
    kind = K_BLUEPRINT;
  else if (TPT_IS_LANE (node))
    kind = K_LANE;
  else if (TPT_IS_STAGE (node))
    kind = K_STAGE;
  else if (TPT_IS_STEP (node))
    kind = K_STEP;
  else if (TPT_IS_CARD (node))
    kind = K_CARD;
  else if (TPT_IS_FLOW (node))
    kind = K_FLOW;
  else if (TPT_IS_EMOTION (node))
    kind = K_EMOTION;
  else if (TPT_IS_SLIDE (node))
    kind = K_SLIDE;
  else
    return;

  g_ptr_array_add (ctx->nodes[kind], node);
}

/* What is in the document now; the arrays borrow the nodes. */
static void
collect (Ctx *ctx)
{
  for (guint k = 0; k < N_KINDS; k++)
    g_ptr_array_set_size (ctx->nodes[k], 0);
  tpt_node_foreach_descendant (TPT_NODE (ctx->doc), collect_cb, ctx);
}

static guint
total_nodes (Ctx *ctx)
{
  guint total = 0;

  for (guint k = 0; k < N_KINDS; k++)
    total += ctx->nodes[k]->len;
  return total;
}

/* Edits ---------------------------------------------------------------------
 *
 * Each returns FALSE when it has nothing to work on, so another is tried.
 * Field setters run inside the transaction the caller opened; structure
 * edits open their own, which folds into the caller's. */

static gboolean
edit_metadata (Ctx *ctx)
{
  g_autofree char *text = random_field (ctx);

  switch (rnd (ctx, 3))
    {
    case 0: tpt_document_set_title (ctx->doc, text); break;
    case 1: tpt_document_set_author (ctx->doc, text); break;
    default: tpt_document_set_description (ctx->doc, text); break;
    }
  return TRUE;
}

static gboolean
add_persona (Ctx *ctx)
{
  g_autoptr(TptPersona) persona = tpt_persona_new (ctx->doc);
  g_autofree char *name = random_text (ctx);
  g_autofree char *role = random_field (ctx);
  g_auto(GStrv) goals = random_strv (ctx);

  if (ctx->nodes[K_PERSONA]->len >= 8)
    return FALSE;

  tpt_persona_set_name (persona, name);
  tpt_persona_set_role (persona, role);
  tpt_persona_set_color (persona, random_color (ctx));
  tpt_persona_set_goals (persona, (const char * const *)goals);
  if (chance (ctx, 0.3))
    {
      g_autoptr(GBytes) photo = random_photo (ctx);

      tpt_persona_set_photo (persona, photo, "image/png");
    }
  if (chance (ctx, 0.5))
    {
      g_autoptr(TptFact) fact = tpt_fact_new (ctx->doc);
      g_autofree char *value = random_text (ctx);

      tpt_fact_set_label (fact, "Age");
      tpt_fact_set_value (fact, value);
      tpt_persona_insert_fact (persona, 0, fact);
    }
  tpt_document_insert_persona (ctx->doc, rnd (ctx, ctx->nodes[K_PERSONA]->len + 1), persona);
  return TRUE;
}

static gboolean
remove_persona (Ctx *ctx)
{
  TptPersona *persona = pick (ctx, K_PERSONA);

  if (persona == NULL)
    return FALSE;
  tpt_document_remove_persona (ctx->doc, persona);
  return TRUE;
}

static gboolean
move_persona (Ctx *ctx)
{
  TptPersona *persona = pick (ctx, K_PERSONA);

  if (persona == NULL)
    return FALSE;
  tpt_document_move_persona (ctx->doc, persona, rnd (ctx, ctx->nodes[K_PERSONA]->len + 1));
  return TRUE;
}

static gboolean
edit_persona (Ctx *ctx)
{
  TptPersona *persona = pick (ctx, K_PERSONA);
  g_autofree char *text = random_field (ctx);
  g_auto(GStrv) list = random_strv (ctx);

  if (persona == NULL)
    return FALSE;

  switch (rnd (ctx, 11))
    {
    case 0: tpt_persona_set_name (persona, text); break;
    case 1: tpt_persona_set_role (persona, text); break;
    case 2: tpt_persona_set_segment (persona, text); break;
    case 3: tpt_persona_set_quote (persona, text); break;
    case 4: tpt_persona_set_color (persona, random_color (ctx)); break;
    case 5: tpt_persona_set_goals (persona, (const char * const *)list); break;
    case 6: tpt_persona_set_frustrations (persona, (const char * const *)list); break;
    case 7: tpt_persona_set_behaviours (persona, (const char * const *)list); break;
    case 8: tpt_persona_set_channels (persona, (const char * const *)list); break;
    case 9:
      {
        g_autoptr(GBytes) photo = random_photo (ctx);

        tpt_persona_set_photo (persona, photo, chance (ctx, 0.5) ? "image/png" : "image/jpeg");
      }
      break;
    default:
      tpt_persona_set_photo (persona, NULL, NULL);
      break;
    }
  return TRUE;
}

static gboolean
edit_facts (Ctx *ctx)
{
  TptPersona *persona = pick (ctx, K_PERSONA);
  GListModel *facts;
  guint n;

  if (persona == NULL)
    return FALSE;

  facts = tpt_persona_get_facts (persona);
  n = n_items (facts);

  if (n == 0 || (n < 6 && chance (ctx, 0.4)))
    {
      g_autoptr(TptFact) fact = tpt_fact_new (ctx->doc);
      g_autofree char *label = random_text (ctx);
      g_autofree char *value = random_field (ctx);

      tpt_fact_set_label (fact, label);
      tpt_fact_set_value (fact, value);
      tpt_persona_insert_fact (persona, rnd (ctx, n + 1), fact);
    }
  else
    {
      g_autoptr(TptFact) fact = g_list_model_get_item (facts, rnd (ctx, n));
      g_autofree char *text = random_field (ctx);

      switch (rnd (ctx, 4))
        {
        case 0: tpt_persona_remove_fact (persona, fact); break;
        case 1: tpt_persona_move_fact (persona, fact, rnd (ctx, n + 1)); break;
        case 2: tpt_fact_set_label (fact, text); break;
        default: tpt_fact_set_value (fact, text); break;
        }
    }
  return TRUE;
}

static gboolean
add_need (Ctx *ctx)
{
  g_autoptr(TptNeed) need = tpt_need_new (ctx->doc);
  g_autofree char *title = random_text (ctx);
  g_autofree char *description = random_field (ctx);

  if (ctx->nodes[K_NEED]->len >= 10)
    return FALSE;

  tpt_need_set_title (need, title);
  tpt_need_set_description (need, description);
  tpt_document_insert_need (ctx->doc, rnd (ctx, ctx->nodes[K_NEED]->len + 1), need);
  return TRUE;
}

static gboolean
edit_need (Ctx *ctx)
{
  TptNeed *need = pick (ctx, K_NEED);
  g_autofree char *text = random_field (ctx);

  if (need == NULL)
    return FALSE;

  switch (rnd (ctx, 4))
    {
    case 0: tpt_document_remove_need (ctx->doc, need); break;
    case 1: tpt_document_move_need (ctx->doc, need, rnd (ctx, ctx->nodes[K_NEED]->len + 1)); break;
    case 2: tpt_need_set_title (need, text); break;
    default: tpt_need_set_description (need, text); break;
    }
  return TRUE;
}

static gboolean
edit_rating (Ctx *ctx)
{
  TptPersona *persona = pick (ctx, K_PERSONA);
  TptNeed *need = pick (ctx, K_NEED);
  TptRating *rating = pick (ctx, K_RATING);

  if (rating != NULL && chance (ctx, 0.3))
    {
      /* The rating's own setters; never both unset, which only
       * tpt_document_set_rating() may do, by removing the cell. */
      if (chance (ctx, 0.5))
        tpt_rating_set_importance (rating, (int)rnd (ctx, 11));
      else
        tpt_rating_set_satisfaction (rating, (int)rnd (ctx, 11));
      return TRUE;
    }

  if (persona == NULL || need == NULL)
    return FALSE;

  tpt_document_set_rating (ctx->doc, persona, need,
                           (int)rnd (ctx, 12) - 1, (int)rnd (ctx, 12) - 1);
  return TRUE;
}

static gboolean
add_blueprint (Ctx *ctx)
{
  g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (ctx->doc);
  g_autofree char *title = random_text (ctx);

  if (ctx->nodes[K_BLUEPRINT]->len >= 4)
    return FALSE;

  tpt_blueprint_set_title (blueprint, title);
  if (chance (ctx, 0.7))
    {
      /* Built while new, then inserted whole. */
      g_autoptr(TptLane) lane = tpt_lane_new (ctx->doc);
      g_autoptr(TptStage) stage = tpt_stage_new (ctx->doc);
      g_autoptr(TptStep) step = tpt_step_new (ctx->doc);
      g_autoptr(TptCard) card = tpt_card_new (ctx->doc);

      tpt_lane_set_kind (lane, TPT_LANE_KIND_CUSTOMER);
      tpt_blueprint_insert_lane (blueprint, 0, lane);
      tpt_blueprint_insert_stage (blueprint, 0, stage);
      tpt_blueprint_insert_step (blueprint, stage, 0, step);
      tpt_card_set_text (card, title);
      tpt_blueprint_add_card (blueprint, card, lane, step, 0);
    }
  tpt_document_insert_blueprint (ctx->doc, rnd (ctx, ctx->nodes[K_BLUEPRINT]->len + 1),
                                 blueprint);
  return TRUE;
}

static gboolean
edit_blueprint (Ctx *ctx)
{
  TptBlueprint *blueprint = pick (ctx, K_BLUEPRINT);
  TptBlueprint *other = pick (ctx, K_BLUEPRINT);
  g_autofree char *title = random_field (ctx);

  if (blueprint == NULL)
    return FALSE;

  switch (rnd (ctx, 6))
    {
    case 0:
      if (ctx->nodes[K_BLUEPRINT]->len < 2 || chance (ctx, 0.5))
        return FALSE;
      tpt_document_remove_blueprint (ctx->doc, blueprint);
      break;
    case 1:
      tpt_document_move_blueprint (ctx->doc, blueprint,
                                   rnd (ctx, ctx->nodes[K_BLUEPRINT]->len + 1));
      break;
    case 2:
      tpt_blueprint_set_title (blueprint, title);
      break;
    case 3:
      tpt_blueprint_set_state (blueprint, chance (ctx, 0.5) ? TPT_BLUEPRINT_STATE_FUTURE
                                                           : TPT_BLUEPRINT_STATE_CURRENT);
      break;
    case 4:
      tpt_blueprint_set_based_on (blueprint, other != blueprint ? tpt_node_get_id (TPT_NODE (other))
                                                                : NULL);
      break;
    default:
      {
        g_autoptr(GPtrArray) cards = nodes_in (ctx, K_CARD, blueprint);

        if (ctx->nodes[K_BLUEPRINT]->len >= 4 || total_nodes (ctx) > 350 || cards->len > 40)
          return FALSE;
        tpt_document_duplicate_as_future (ctx->doc, blueprint);
      }
      break;
    }
  return TRUE;
}

static gboolean
edit_lane (Ctx *ctx)
{
  TptBlueprint *blueprint = pick (ctx, K_BLUEPRINT);
  TptLane *lane = pick (ctx, K_LANE);
  TptPersona *persona = pick (ctx, K_PERSONA);
  g_autofree char *title = random_field (ctx);
  guint action = rnd (ctx, 7);

  if (blueprint == NULL)
    return FALSE;

  if (lane == NULL || action == 0)
    {
      g_autoptr(TptLane) fresh = tpt_lane_new (ctx->doc);

      if (n_items (tpt_blueprint_get_lanes (blueprint)) >= 8)
        return FALSE;
      tpt_lane_set_kind (fresh, (TptLaneKind)rnd (ctx, TPT_LANE_KIND_CUSTOM + 1));
      tpt_lane_set_office (fresh, (TptOffice)rnd (ctx, TPT_OFFICE_BACK + 1));
      tpt_lane_set_title (fresh, title);
      if (persona != NULL && chance (ctx, 0.3))
        tpt_lane_set_persona (fresh, tpt_node_get_id (TPT_NODE (persona)));
      tpt_blueprint_insert_lane (blueprint,
                                 rnd (ctx, n_items (tpt_blueprint_get_lanes (blueprint)) + 1),
                                 fresh);
      return TRUE;
    }

  blueprint = blueprint_of (lane);
  switch (action)
    {
    case 1:
      if (chance (ctx, 0.6))
        return FALSE;
      tpt_blueprint_remove_lane (blueprint, lane);
      break;
    case 2:
      tpt_blueprint_move_lane (blueprint, lane,
                               rnd (ctx, n_items (tpt_blueprint_get_lanes (blueprint)) + 1));
      break;
    case 3: tpt_lane_set_title (lane, title); break;
    case 4: tpt_lane_set_kind (lane, (TptLaneKind)rnd (ctx, TPT_LANE_KIND_CUSTOM + 1)); break;
    case 5: tpt_lane_set_office (lane, (TptOffice)rnd (ctx, TPT_OFFICE_BACK + 1)); break;
    default:
      tpt_lane_set_persona (lane, persona != NULL && chance (ctx, 0.7)
                                    ? tpt_node_get_id (TPT_NODE (persona)) : NULL);
      break;
    }
  return TRUE;
}

static gboolean
edit_stage (Ctx *ctx)
{
  TptBlueprint *blueprint = pick (ctx, K_BLUEPRINT);
  TptStage *stage = pick (ctx, K_STAGE);
  g_autofree char *title = random_field (ctx);
  guint action = rnd (ctx, 4);

  if (blueprint == NULL)
    return FALSE;

  if (stage == NULL || action == 0)
    {
      g_autoptr(TptStage) fresh = tpt_stage_new (ctx->doc);

      if (n_items (tpt_blueprint_get_stages (blueprint)) >= 4)
        return FALSE;
      tpt_stage_set_title (fresh, title);
      if (chance (ctx, 0.5))
        {
          g_autoptr(TptStep) step = tpt_step_new (ctx->doc);

          tpt_blueprint_insert_step (blueprint, fresh, 0, step);
        }
      tpt_blueprint_insert_stage (blueprint,
                                  rnd (ctx, n_items (tpt_blueprint_get_stages (blueprint)) + 1),
                                  fresh);
      return TRUE;
    }

  blueprint = blueprint_of (stage);
  switch (action)
    {
    case 1:
      /* Rarely: it takes a lot with it. */
      if (chance (ctx, 0.7))
        return FALSE;
      tpt_blueprint_remove_stage (blueprint, stage);
      break;
    case 2:
      tpt_blueprint_move_stage (blueprint, stage,
                                rnd (ctx, n_items (tpt_blueprint_get_stages (blueprint)) + 1));
      break;
    default:
      tpt_stage_set_title (stage, title);
      break;
    }
  return TRUE;
}

static gboolean
edit_step (Ctx *ctx)
{
  TptStage *stage = pick (ctx, K_STAGE);
  TptStep *step = pick (ctx, K_STEP);
  g_autofree char *title = random_field (ctx);
  guint action = rnd (ctx, 5);
  TptBlueprint *blueprint;

  if (stage == NULL)
    return FALSE;

  if (step == NULL || action == 0)
    {
      g_autoptr(TptStep) fresh = tpt_step_new (ctx->doc);
      GListModel *steps = tpt_stage_get_steps (stage);

      if (n_items (steps) >= 5)
        return FALSE;
      tpt_step_set_title (fresh, title);
      tpt_step_set_duration (fresh, random_duration (ctx));
      tpt_blueprint_insert_step (blueprint_of (stage), stage, rnd (ctx, n_items (steps) + 1),
                                 fresh);
      return TRUE;
    }

  blueprint = blueprint_of (step);
  switch (action)
    {
    case 1:
      if (chance (ctx, 0.6))
        return FALSE;
      tpt_blueprint_remove_step (blueprint, step);
      break;
    case 2:
      {
        /* Within its stage or to another of the same blueprint. */
        g_autoptr(GPtrArray) stages = nodes_in (ctx, K_STAGE, blueprint);
        TptStage *to = g_ptr_array_index (stages, rnd (ctx, stages->len));

        tpt_blueprint_move_step (blueprint, step, to,
                                 rnd (ctx, n_items (tpt_stage_get_steps (to)) + 1));
      }
      break;
    case 3:
      tpt_step_set_title (step, title);
      break;
    default:
      tpt_step_set_duration (step, random_duration (ctx));
      break;
    }
  return TRUE;
}

static guint
random_index_in_cell (Ctx *ctx)
{
  return chance (ctx, 0.2) ? G_MAXUINT : rnd (ctx, 4);
}

static gboolean
add_card (Ctx *ctx)
{
  TptLane *lane = pick (ctx, K_LANE);
  TptBlueprint *blueprint;
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(TptCard) card = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) serves = NULL;
  g_auto(GStrv) concerns = NULL;

  if (lane == NULL || ctx->nodes[K_CARD]->len >= 80)
    return FALSE;
  blueprint = blueprint_of (lane);
  steps = tpt_blueprint_list_steps (blueprint);
  if (steps->len == 0)
    return FALSE;

  card = tpt_card_new (ctx->doc);
  text = random_text (ctx);
  serves = random_ids (ctx, K_NEED);
  concerns = random_ids (ctx, K_PERSONA);
  tpt_card_set_text (card, text);
  tpt_card_set_kind (card, (TptCardKind)rnd (ctx, TPT_CARD_KIND_OPPORTUNITY + 1));
  tpt_card_set_span (card, 1 + (int)rnd (ctx, 3));
  tpt_card_set_serves (card, (const char * const *)serves);
  tpt_card_set_concerns (card, (const char * const *)concerns);
  tpt_blueprint_add_card (blueprint, card, lane, g_ptr_array_index (steps, rnd (ctx, steps->len)),
                          random_index_in_cell (ctx));
  return TRUE;
}

static gboolean
edit_card (Ctx *ctx)
{
  TptCard *card = pick (ctx, K_CARD);
  TptBlueprint *blueprint;
  g_autofree char *text = random_field (ctx);

  if (card == NULL)
    return FALSE;
  blueprint = blueprint_of (card);

  switch (rnd (ctx, 10))
    {
    case 0:
      tpt_blueprint_remove_card (blueprint, card);
      break;
    case 1:
    case 2:
      {
        g_autoptr(GPtrArray) lanes = nodes_in (ctx, K_LANE, blueprint);
        g_autoptr(GPtrArray) steps = tpt_blueprint_list_steps (blueprint);

        /* Often within its own cell, to shuffle cards that share one. */
        if (chance (ctx, 0.3))
          tpt_blueprint_move_card (blueprint, card,
                                   tpt_document_lookup_typed (ctx->doc, tpt_card_get_lane (card),
                                                              TPT_TYPE_LANE),
                                   tpt_document_lookup_typed (ctx->doc, tpt_card_get_step (card),
                                                              TPT_TYPE_STEP),
                                   random_index_in_cell (ctx));
        else
          tpt_blueprint_move_card (blueprint, card,
                                   g_ptr_array_index (lanes, rnd (ctx, lanes->len)),
                                   g_ptr_array_index (steps, rnd (ctx, steps->len)),
                                   random_index_in_cell (ctx));
      }
      break;
    case 3: tpt_card_set_kind (card, (TptCardKind)rnd (ctx, TPT_CARD_KIND_OPPORTUNITY + 1)); break;
    case 4: tpt_card_set_span (card, 1 + (int)rnd (ctx, 4)); break;
    case 5: tpt_card_set_text (card, text); break;
    case 6: tpt_card_set_owner (card, text); break;
    case 7: tpt_card_set_channel (card, text); break;
    case 8:
      {
        g_auto(GStrv) serves = random_ids (ctx, K_NEED);

        tpt_card_set_serves (card, (const char * const *)serves);
      }
      break;
    default:
      {
        g_auto(GStrv) concerns = random_ids (ctx, K_PERSONA);

        tpt_card_set_concerns (card, (const char * const *)concerns);
      }
      break;
    }
  return TRUE;
}

static gboolean
edit_flow (Ctx *ctx)
{
  TptFlow *flow = pick (ctx, K_FLOW);
  TptCard *from = pick (ctx, K_CARD);

  if (flow != NULL && chance (ctx, 0.4))
    {
      if (chance (ctx, 0.5))
        tpt_blueprint_remove_flow (blueprint_of (flow), flow);
      else
        tpt_flow_set_arrow (flow, chance (ctx, 0.5) ? TPT_ARROW_SINGLE : TPT_ARROW_DOUBLE);
      return TRUE;
    }

  if (from != NULL && ctx->nodes[K_FLOW]->len < 40)
    {
      TptBlueprint *blueprint = blueprint_of (from);
      g_autoptr(GPtrArray) cards = nodes_in (ctx, K_CARD, blueprint);
      TptCard *to = g_ptr_array_index (cards, rnd (ctx, cards->len));

      if (to == from)
        return FALSE;
      tpt_blueprint_add_flow (blueprint, from, to,
                              chance (ctx, 0.5) ? TPT_ARROW_SINGLE : TPT_ARROW_DOUBLE);
      return TRUE;
    }

  return FALSE;
}

static gboolean
edit_emotion (Ctx *ctx)
{
  TptLane *lane = pick (ctx, K_LANE);
  TptBlueprint *blueprint;
  g_autoptr(GPtrArray) steps = NULL;
  TptStep *step;

  if (lane == NULL)
    return FALSE;
  blueprint = blueprint_of (lane);
  steps = tpt_blueprint_list_steps (blueprint);
  if (steps->len == 0)
    return FALSE;
  step = g_ptr_array_index (steps, rnd (ctx, steps->len));

  if (chance (ctx, 0.25))
    tpt_blueprint_clear_emotion (blueprint, lane, step);
  else
    tpt_blueprint_set_emotion (blueprint, lane, step, (int)rnd (ctx, 5) - 2);
  return TRUE;
}

/* A slide of a random artefact; %NULL if the document has none of the
 * kind drawn. Slides of stages and personas are what deleting those
 * takes along, and what undoing that must bring back. */
static TptSlide *
random_slide (Ctx *ctx)
{
  static const guint kinds[] = {
    [TPT_ARTEFACT_BLUEPRINT] = K_BLUEPRINT,
    [TPT_ARTEFACT_STAGE] = K_STAGE,
    [TPT_ARTEFACT_PERSONA] = K_PERSONA,
  };
  TptArtefactKind  artefact = rnd (ctx, TPT_ARTEFACT_COVERAGE + 1);
  TptNode *target = NULL;

  if (tpt_artefact_kind_get_target_type (artefact) != G_TYPE_NONE &&
      (target = pick (ctx, kinds[artefact])) == NULL)
    return NULL;

  return tpt_slide_new (ctx->doc, artefact, target);
}

static gboolean
add_slide (Ctx *ctx)
{
  g_autoptr(TptSlide) slide = NULL;
  g_autofree char *title = random_field (ctx);

  if (ctx->nodes[K_SLIDE]->len >= 12 || (slide = random_slide (ctx)) == NULL)
    return FALSE;

  tpt_slide_set_title (slide, title);
  if (chance (ctx, 0.3))
    tpt_slide_set_region (slide, g_rand_double_range (ctx->rand, -100, 3000),
                          g_rand_double_range (ctx->rand, -100, 2000),
                          g_rand_double_range (ctx->rand, 1, 2000),
                          g_rand_double_range (ctx->rand, 1, 1000));
  tpt_document_insert_slide (ctx->doc, rnd (ctx, ctx->nodes[K_SLIDE]->len + 1), slide);
  return TRUE;
}

static gboolean
edit_slide (Ctx *ctx)
{
  TptSlide *slide = pick (ctx, K_SLIDE);
  g_autofree char *text = random_field (ctx);

  if (slide == NULL)
    return FALSE;

  switch (rnd (ctx, 7))
    {
    case 0: tpt_document_remove_slide (ctx->doc, slide); break;
    case 1: tpt_document_move_slide (ctx->doc, slide, rnd (ctx, ctx->nodes[K_SLIDE]->len + 1));
      break;
    case 2: tpt_slide_set_title (slide, text); break;
    case 3: tpt_slide_set_notes (slide, text); break;
    case 4:
      tpt_slide_set_region (slide, g_rand_double_range (ctx->rand, -100, 3000),
                            g_rand_double_range (ctx->rand, -100, 2000),
                            g_rand_double_range (ctx->rand, 1, 2000),
                            g_rand_double_range (ctx->rand, 1, 1000));
      break;
    case 5: tpt_slide_clear_region (slide); break;
    default:
      {
        g_autoptr(TptSlide) other = random_slide (ctx);

        if (other == NULL)
          return FALSE;
        tpt_slide_set_artefact (slide, tpt_slide_get_artefact (other),
                                tpt_slide_get_target_node (other));
      }
      break;
    }
  return TRUE;
}

typedef gboolean (*EditFunc) (Ctx *ctx);

static const struct
{
  EditFunc func;
  guint    weight;
} edits[] = {
  { edit_metadata, 3 },
  { add_persona, 3 },
  { remove_persona, 1 },
  { move_persona, 2 },
  { edit_persona, 6 },
  { edit_facts, 4 },
  { add_need, 3 },
  { edit_need, 5 },
  { edit_rating, 6 },
  { add_blueprint, 1 },
  { edit_blueprint, 3 },
  { edit_lane, 6 },
  { edit_stage, 3 },
  { edit_step, 7 },
  { add_card, 14 },
  { edit_card, 16 },
  { edit_flow, 6 },
  { edit_emotion, 5 },
  { add_slide, 2 },
  { edit_slide, 4 },
};

/* One edit through the model, whatever applies. */
static void
random_edit (Ctx *ctx)
{
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    total += edits[i].weight;

  collect (ctx);
  for (;;)
    {
      guint r = rnd (ctx, total);
      guint i = 0;

      while (r >= edits[i].weight)
        r -= edits[i++].weight;
      if (edits[i].func (ctx))
        {
          ctx->counts[i]++;
          break;
        }
    }
  ctx->n_edits++;
  ctx->max_nodes = MAX (ctx->max_nodes, total_nodes (ctx));
}

/* A run of typing in one text field of one node: each keystroke is its
 * own typing transaction, and they all merge into one entry. */
static gboolean
random_typing (Ctx *ctx)
{
  TptNode *node = NULL;
  const char *property = NULL;
  guint n = 2 + rnd (ctx, 5);
  g_autofree char *text = NULL;

  collect (ctx);
  switch (rnd (ctx, 4))
    {
    case 0: node = TPT_NODE (ctx->doc); property = "title"; break;
    case 1: node = pick (ctx, K_CARD); property = "text"; break;
    case 2: node = pick (ctx, K_PERSONA); property = "name"; break;
    default: node = pick (ctx, K_NEED); property = "title"; break;
    }
  if (node == NULL)
    return FALSE;

  g_object_get (node, property, &text, NULL);
  for (guint i = 0; i < n; i++)
    {
      char *longer = g_strdup_printf ("%s%c", text ? text : "", 'a' + (char)rnd (ctx, 26));

      g_free (text);
      text = longer;

      tpt_history_begin_full (ctx->history, "Typing", TPT_TRANSACTION_MERGE);
      if (TPT_IS_DOCUMENT (node))
        tpt_document_set_title (TPT_DOCUMENT (node), text);
      else if (TPT_IS_CARD (node))
        tpt_card_set_text (TPT_CARD (node), text);
      else if (TPT_IS_PERSONA (node))
        tpt_persona_set_name (TPT_PERSONA (node), text);
      else
        tpt_need_set_title (TPT_NEED (node), text);
      tpt_history_end (ctx->history);
      ctx->n_edits++;
    }
  return TRUE;
}

/* The test ------------------------------------------------------------------ */

static void
begin (Ctx *ctx)
{
  g_autofree char *label = g_strdup_printf ("Edit %u", ++ctx->serial);

  tpt_document_begin (ctx->doc, label);
}

/* The serializer, walking in slices between the edits, must hand out the
 * document as it is at the moment it finishes. */
typedef struct
{
  Ctx   *ctx;
  guint  pending : 1;
  guint  done;
} SerializerCheck;

static void
serialized_cb (TptSerializer *serializer,
               GPtrArray     *chunks,
               gpointer       user_data)
{
  SerializerCheck *check = user_data;
  g_autoptr(GBytes) joined = tpt_serializer_join (chunks);
  g_autofree char *expected = serialize (check->ctx->doc);
  g_autofree char *actual = g_strndup (g_bytes_get_data (joined, NULL),
                                       g_bytes_get_size (joined));

  check_same_text (check->ctx, "the serializer's file", expected, actual);
  check->pending = FALSE;
  check->done++;
}

static void
check_bytes (Ctx            *ctx,
             TptDocument    *document,
             const Snapshot *expected,
             guint           position,
             const char     *doing)
{
  g_autoptr(GBytes) bytes = tpt_document_serialize (document);
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

  CHECK (ctx, g_str_equal (sum, expected->bytes_sum),
         "%s: at position %u the file bytes are not what they were", doing, position);
}

/* The journal, written at @position and read back into a fresh copy of
 * the document as it is there, gives the same history: undoing and
 * redoing the copy passes through the recorded states. */
static void
check_journal (Ctx    *ctx,
               GArray *snapshots,
               guint   position,
               guint   n_entries)
{
  g_autoptr(GVariant) journal = NULL;
  g_autoptr(GVariant) reread = NULL;
  g_autoptr(GBytes) journal_bytes = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(TptDocument) copy = NULL;
  g_autoptr(GError) error = NULL;
  TptHistory *history;

  tpt_history_jump (ctx->history, position);
  journal = tpt_history_dup_journal (ctx->history);
  journal_bytes = g_variant_get_data_as_bytes (journal);
  reread = g_variant_ref_sink (g_variant_new_from_bytes (g_variant_get_type (journal),
                                                         journal_bytes, FALSE));
  bytes = tpt_document_serialize (ctx->doc);
  /* Random edits reach states the strict reader refuses (a span past the
   * last step), so the copy is made node for node when the file does not
   * load. */
  copy = tpt_document_load_bytes (bytes, NULL);
  if (copy == NULL)
    copy = tpt_journal_clone_document (ctx->doc);
  else
    ctx->n_journals++;
  history = tpt_document_get_history (copy);
  tpt_history_set_max_entries (history, 1000000);

  CHECK (ctx, tpt_history_restore_journal (history, copy, reread, &error),
         "the journal at position %u does not restore: %s", position,
         error != NULL ? error->message : "");
  CHECK (ctx, tpt_history_get_position (history) == position, "restored at %u, not %u",
         tpt_history_get_position (history), position);
  CHECK (ctx, g_list_model_get_n_items (G_LIST_MODEL (history)) == n_entries,
         "restored %u entries, not %u", g_list_model_get_n_items (G_LIST_MODEL (history)),
         n_entries);
  CHECK (ctx, tpt_history_get_modified (history), "a restored history is saved");

  for (guint p = position; p > 0; p--)
    {
      CHECK (ctx, tpt_history_undo (history), "restored undo %u failed", p);
      check_bytes (ctx, copy, &g_array_index (snapshots, Snapshot, p - 1), p - 1,
                   "undoing the restored history");
    }
  for (guint p = 0; p < n_entries; p++)
    {
      CHECK (ctx, tpt_history_redo (history), "restored redo %u failed", p);
      check_bytes (ctx, copy, &g_array_index (snapshots, Snapshot, p + 1), p + 1,
                   "redoing the restored history");
    }
  tpt_test_check_integrity (copy);
  g_assert_finalize_object (g_steal_pointer (&copy));
  tpt_history_jump (ctx->history, n_entries);
}

static void
run_seed (gconstpointer data)
{
  guint seed = GPOINTER_TO_UINT (data);
  const char *edits_env = g_getenv ("TPT_EDITS");
  guint n_target = edits_env != NULL ? (guint)g_ascii_strtoull (edits_env, NULL, 10)
                                     : g_test_slow () ? DEFAULT_EDITS * 5 / 2 : DEFAULT_EDITS;
  g_autoptr(GArray) snapshots = g_array_new (FALSE, TRUE, sizeof (Snapshot));
  g_autofree char *start_dump = NULL;
  g_autofree char *start_bytes = NULL;
  g_autofree char *end_dump = NULL;
  g_autofree char *end_bytes = NULL;
  guint n_entries;
  guint events = 0;
  guint merged_runs = 0;
  guint cancels = 0;
  guint mid;
  Ctx ctx = { 0 };
  SerializerCheck serializer_check = { &ctx, FALSE, 0 };
  TptSerializer *serializer;

  g_test_message ("seed %u, %u edits (reproduce with --seed %u)", seed, n_target, seed);
  {
    g_autofree char *context = g_strdup_printf ("seed %u (reproduce with --seed %u)", seed, seed);

    tpt_test_set_context (context);
  }
  g_array_set_clear_func (snapshots, snapshot_clear);

  ctx.seed = seed;
  ctx.rand = g_rand_new_with_seed (seed);
  ctx.doc = tpt_document_new ();
  ctx.history = tpt_document_get_history (ctx.doc);
  for (guint k = 0; k < N_KINDS; k++)
    ctx.nodes[k] = g_ptr_array_new ();
  tpt_history_set_max_entries (ctx.history, 1000000);
  tpt_history_set_journaling (ctx.history, TRUE);
  serializer = tpt_serializer_get_for_document (ctx.doc);

  start_dump = tpt_test_dump (ctx.doc, TRUE);
  start_bytes = serialize (ctx.doc);
  g_array_set_size (snapshots, 1);
  snapshot_take (&ctx, &g_array_index (snapshots, Snapshot, 0));

  while (ctx.n_edits < n_target)
    {
      guint position = tpt_history_get_position (ctx.history);
      guint before = position;
      guint mode = rnd (&ctx, 100);
      gboolean changes_expected = TRUE;
      Snapshot *here;

      events++;

      if (mode < 55)
        {
          begin (&ctx);
          random_edit (&ctx);
          tpt_document_end (ctx.doc);
        }
      else if (mode < 70)
        {
          /* Several edits, one step. */
          guint n = 2 + rnd (&ctx, 4);

          begin (&ctx);
          for (guint i = 0; i < n; i++)
            random_edit (&ctx);
          tpt_document_end (ctx.doc);
        }
      else if (mode < 80)
        {
          /* Nested transactions fold into the outermost. */
          begin (&ctx);
          random_edit (&ctx);
          begin (&ctx);
          random_edit (&ctx);
          begin (&ctx);
          random_edit (&ctx);
          tpt_document_end (ctx.doc);
          tpt_document_end (ctx.doc);
          random_edit (&ctx);
          tpt_document_end (ctx.doc);
        }
      else if (mode < 90)
        {
          tpt_history_break_merge (ctx.history);
          if (!random_typing (&ctx))
            continue;
          CHECK (&ctx, tpt_history_get_position (ctx.history) == position + 1,
                 "a run of typing made %d entries, not one",
                 (int)tpt_history_get_position (ctx.history) - (int)position);
          merged_runs++;
        }
      else if (mode < 94)
        {
          /* Cancelled: nothing happened. */
          Snapshot saved = { NULL, NULL };
          guint n = 1 + rnd (&ctx, 3);

          snapshot_take (&ctx, &saved);
          begin (&ctx);
          for (guint i = 0; i < n; i++)
            random_edit (&ctx);
          tpt_history_cancel (ctx.history);
          check_snapshot (&ctx, &saved, position, "cancelling");
          snapshot_clear (&saved);
          cancels++;
          changes_expected = FALSE;
        }
      else if (mode < 97)
        {
          /* Some undo in the middle; the next edit drops the redo tail. */
          guint n = 1 + rnd (&ctx, 3);

          for (guint i = 0; i < n && tpt_history_undo (ctx.history); i++)
            ;
          position = tpt_history_get_position (ctx.history);
          check_snapshot (&ctx, &g_array_index (snapshots, Snapshot, position), position,
                          "undoing midway");
          changes_expected = FALSE;
        }
      else
        {
          guint n = 1 + rnd (&ctx, 3);

          for (guint i = 0; i < n && tpt_history_redo (ctx.history); i++)
            ;
          position = tpt_history_get_position (ctx.history);
          check_snapshot (&ctx, &g_array_index (snapshots, Snapshot, position), position,
                          "redoing midway");
          changes_expected = FALSE;
        }

      CHECK (&ctx, !tpt_history_in_transaction (ctx.history), "a transaction was left open");
      tpt_test_check_integrity (ctx.doc);

      position = tpt_history_get_position (ctx.history);
      CHECK (&ctx, g_list_model_get_n_items (G_LIST_MODEL (ctx.history)) >= position,
             "position %u beyond the entries", position);

      /* Edits make one entry or none; one that recorded nothing must have
       * changed nothing. */
      if (changes_expected)
        {
          CHECK (&ctx, position == before || position == before + 1,
                 "one transaction made %d entries", (int)position - (int)before);
          if (position == before)
            check_snapshot (&ctx, &g_array_index (snapshots, Snapshot, position), position,
                            "an edit that recorded nothing");
          else
            CHECK (&ctx, g_list_model_get_n_items (G_LIST_MODEL (ctx.history)) == position,
                   "a new entry left a redo tail");
        }

      if (position >= snapshots->len)
        g_array_set_size (snapshots, position + 1);
      here = &g_array_index (snapshots, Snapshot, position);
      snapshot_take (&ctx, here);

      /* A slice of the serializer's walk between two edits. */
      if (!serializer_check.pending && chance (&ctx, 0.2))
        {
          /* Slices of a few items, or now and then all at once. */
          tpt_serializer_set_slice (serializer, chance (&ctx, 0.2) ? G_USEC_PER_SEC
                                                                   : 1 + rnd (&ctx, 200));
          serializer_check.pending = TRUE;
          tpt_serializer_request (serializer, serialized_cb, &serializer_check, NULL);
        }
      g_main_context_iteration (NULL, FALSE);
    }
  while (serializer_check.pending)
    g_main_context_iteration (NULL, TRUE);
  g_test_message ("seed %u: %u serializations, %u restarts", seed, serializer_check.done,
                  tpt_serializer_get_n_restarts (serializer));
  CHECK (&ctx, serializer_check.done > 0, "no serialization finished");

  n_entries = g_list_model_get_n_items (G_LIST_MODEL (ctx.history));
  CHECK (&ctx, tpt_history_get_position (ctx.history) <= n_entries, "position beyond the end");
  /* Finish at the end of the history, so that undoing all undoes all. */
  tpt_history_jump (ctx.history, n_entries);
  check_snapshot (&ctx, &g_array_index (snapshots, Snapshot, n_entries), n_entries,
                  "going to the end");
  g_test_message ("seed %u: %u events, %u edits, %u entries, %u typing runs, %u cancelled, "
                  "%u nodes at the end", seed, events, ctx.n_edits, n_entries, merged_runs, cancels,
                  (collect (&ctx), total_nodes (&ctx)));
  CHECK (&ctx, n_entries > n_target / 4, "only %u entries for %u edits", n_entries, ctx.n_edits);
  {
    g_autoptr(GString) counts = g_string_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
      g_string_append_printf (counts, " %u", ctx.counts[i]);
    g_test_message ("seed %u: at most %u nodes; edits by kind:%s", seed, ctx.max_nodes,
                    counts->str);
  }

  /* The journal, at the end, at the start and somewhere between. */
  check_journal (&ctx, snapshots, n_entries, n_entries);
  check_journal (&ctx, snapshots, 0, n_entries);
  check_journal (&ctx, snapshots, rnd (&ctx, n_entries + 1), n_entries);

  end_dump = tpt_test_dump (ctx.doc, TRUE);
  end_bytes = serialize (ctx.doc);

  /* Undo all, one entry at a time, through every recorded state. */
  for (guint p = n_entries; p > 0; p--)
    {
      CHECK (&ctx, tpt_history_undo (ctx.history), "undo %u failed", p);
      check_snapshot (&ctx, &g_array_index (snapshots, Snapshot, p - 1), p - 1, "undoing all");
      if (p % 16 == 0)
        tpt_test_check_integrity (ctx.doc);
    }
  CHECK (&ctx, !tpt_history_get_can_undo (ctx.history), "can still undo at the start");
  {
    g_autofree char *dump = tpt_test_dump (ctx.doc, TRUE);
    g_autofree char *bytes = serialize (ctx.doc);

    check_same_text (&ctx, "after undoing all, the dump", start_dump, dump);
    check_same_text (&ctx, "after undoing all, the file", start_bytes, bytes);
  }

  /* Redo all, through every recorded state. */
  for (guint p = 0; p < n_entries; p++)
    {
      CHECK (&ctx, tpt_history_redo (ctx.history), "redo %u failed", p);
      check_snapshot (&ctx, &g_array_index (snapshots, Snapshot, p + 1), p + 1, "redoing all");
      if (p % 16 == 0)
        tpt_test_check_integrity (ctx.doc);
    }
  CHECK (&ctx, !tpt_history_get_can_redo (ctx.history), "can still redo at the end");
  {
    g_autofree char *dump = tpt_test_dump (ctx.doc, TRUE);
    g_autofree char *bytes = serialize (ctx.doc);

    check_same_text (&ctx, "after redoing all, the dump", end_dump, dump);
    check_same_text (&ctx, "after redoing all, the file", end_bytes, bytes);
  }

  /* Jump to the middle and back, a few times. */
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *dump = NULL;
      g_autofree char *bytes = NULL;

      mid = rnd (&ctx, n_entries + 1);
      tpt_history_jump (ctx.history, mid);
      check_snapshot (&ctx, &g_array_index (snapshots, Snapshot, mid), mid,
                      "jumping to the middle");
      tpt_test_check_integrity (ctx.doc);
      tpt_history_jump (ctx.history, n_entries);
      dump = tpt_test_dump (ctx.doc, TRUE);
      bytes = serialize (ctx.doc);
      check_same_text (&ctx, "after jumping back, the dump", end_dump, dump);
      check_same_text (&ctx, "after jumping back, the file", end_bytes, bytes);
    }
  tpt_test_check_integrity (ctx.doc);

  for (guint k = 0; k < N_KINDS; k++)
    g_ptr_array_unref (ctx.nodes[k]);
  g_rand_free (ctx.rand);
  g_assert_finalize_object (ctx.doc);
  tpt_test_set_context (NULL);
}

/* Takes "--seed N" or "--seed=N" (N a number; GLib's own --seed takes
 * "R02S…" strings) out of the arguments before GLib sees them. */
static gboolean
take_seed_argument (int   *argc,
                    char **argv,
                    guint *seed)
{
  gboolean found = FALSE;
  int out = 1;

  for (int i = 1; i < *argc; i++)
    {
      const char *value = NULL;
      gboolean two = FALSE;

      if (g_str_has_prefix (argv[i], "--seed="))
        value = argv[i] + strlen ("--seed=");
      else if (g_str_equal (argv[i], "--seed") && i + 1 < *argc)
        {
          value = argv[i + 1];
          two = TRUE;
        }

      if (value != NULL && value[0] != '\0' && strspn (value, "0123456789") == strlen (value))
        {
          *seed = (guint)g_ascii_strtoull (value, NULL, 10);
          found = TRUE;
          i += two ? 1 : 0;
          continue;
        }
      argv[out++] = argv[i];
    }
  *argc = out;
  argv[out] = NULL;
  return found;
}

typedef struct
{
  const guint *seeds;
  guint        n_seeds;
} Seeds;

/* All the seeds in one test case: GLib keeps the user dirs of every
 * isolated test case alive, which LeakSanitizer can only suppress with
 * the slow unwinder, far too slow for this test. */
static void
test_seeds (gconstpointer data)
{
  const Seeds *seeds = data;

  for (guint i = 0; i < seeds->n_seeds; i++)
    run_seed (GUINT_TO_POINTER (seeds->seeds[i]));
}

int
main (int   argc,
      char *argv[])
{
  guint seed = 0;
  gboolean one_seed = take_seed_argument (&argc, argv, &seed);
  Seeds seeds = { default_seeds, 6 };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  if (g_test_slow ())
    seeds.n_seeds = G_N_ELEMENTS (default_seeds);

  if (!one_seed && g_getenv ("TPT_SEED") != NULL)
    {
      seed = (guint)g_ascii_strtoull (g_getenv ("TPT_SEED"), NULL, 10);
      one_seed = TRUE;
    }

  if (one_seed)
    {
      seeds.seeds = &seed;
      seeds.n_seeds = 1;
    }

  g_test_add_data_func ("/tpt/undo-random/seeds", &seeds, test_seeds);

  return g_test_run ();
}
