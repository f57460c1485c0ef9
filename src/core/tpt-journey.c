/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-journey"

#include "config.h"

#include "tpt-journey.h"

#include "tpt-kpi.h"
#include "tpt-values.h"

#include <string.h>

/* The most flow steps the search for bounces takes in one blueprint. Real
 * blueprints take a few hundred; a tangle of thousands of crossing flows
 * could take forever, and is then searched no further. */
#define MAX_BOUNCE_VISITS 1000000

G_DEFINE_BOXED_TYPE (TptJourney, tpt_journey, tpt_journey_ref, tpt_journey_unref)

/* One card of the blueprint, with what the numbers need to know of it. */
typedef struct
{
  TptCard    *card;       /* borrowed from the blueprint's list */
  TptLane    *lane;       /* borrowed; NULL if the lane is gone */
  int         first;      /* the first step's index, or -1 */
  guint       span;       /* steps covered, from @first, within the blueprint */
  int         stage;      /* the stage of @first, or -1 */
  const char *team;       /* interned; NULL for the customer and evidence */
  GArray     *out;        /* guint: indices of flows starting here */
  GArray     *in;         /* guint: indices of flows ending here */
} Node;

typedef struct
{
  TptFlow *flow;
  guint    from;
  guint    to;
} Edge;

typedef struct
{
  TptDocument  *document;
  TptBlueprint *blueprint;
  GPtrArray    *steps;        /* TptStep, borrowed */
  int          *step_stage;   /* step index → stage index */
  gint64       *seconds;      /* step index → duration, or -1 when unknown */
  GArray       *nodes;        /* Node */
  GArray       *edges;        /* Edge */
  GHashTable   *teams;        /* team name → itself; owns the names */
  GHashTable   *team_names;   /* team → what to call it */
} Graph;

static void
time_add (TptJourneyTime *time,
          gint64          seconds)
{
  time->n_steps++;
  if (seconds < 0)
    time->n_unknown++;
  else
    time->known_seconds += seconds;
}

static void
handoff_clear (gpointer data)
{
  TptJourneyHandoff *handoff = data;

  g_clear_object (&handoff->flow);
  g_clear_object (&handoff->from);
  g_clear_object (&handoff->to);
}

static void
bounce_clear (gpointer data)
{
  TptJourneyBounce *bounce = data;

  g_clear_object (&bounce->flow);
  g_clear_pointer (&bounce->team, g_free);
  g_clear_pointer (&bounce->via, g_free);
}

static void
fail_point_clear (gpointer data)
{
  TptJourneyFailPoint *point = data;

  g_clear_object (&point->card);
  g_clear_pointer (&point->upstream, g_ptr_array_unref);
  g_clear_pointer (&point->owners, g_ptr_array_unref);
}

static void
work_clear (gpointer data)
{
  TptJourneyWork *work = data;

  g_clear_pointer (&work->name, g_free);
}

static void
metric_clear (gpointer data)
{
  TptJourneyMetric *metric = data;

  g_clear_object (&metric->card);
  g_clear_object (&metric->step);
}

static void
stage_clear (gpointer data)
{
  TptJourneyStage *stage = data;

  g_clear_object (&stage->stage);
}

static gboolean
is_staff_lane (TptLane *lane)
{
  TptLaneKind kind;

  if (lane == NULL)
    return FALSE;
  kind = tpt_lane_get_kind (lane);
  return kind == TPT_LANE_KIND_FRONTSTAGE || kind == TPT_LANE_KIND_BACKSTAGE ||
         kind == TPT_LANE_KIND_SUPPORT || tpt_lane_get_office (lane) != TPT_OFFICE_NONE;
}

/* Builds the cards, their steps and teams, and the flows between them. */
static void
graph_init (Graph        *graph,
            TptDocument  *document,
            TptBlueprint *blueprint)
{
  GListModel *stages = tpt_blueprint_get_stages (blueprint);
  GListModel *cards = tpt_blueprint_get_cards (blueprint);
  GListModel *flows = tpt_blueprint_get_flows (blueprint);
  g_autoptr(GHashTable) step_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) card_index = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_cards = g_list_model_get_n_items (cards);
  guint n_flows = g_list_model_get_n_items (flows);
  guint s = 0;

  graph->document = document;
  graph->blueprint = blueprint;
  graph->steps = tpt_blueprint_list_steps (blueprint);
  graph->step_stage = g_new0 (int, MAX (graph->steps->len, 1));
  graph->seconds = g_new0 (gint64, MAX (graph->steps->len, 1));
  graph->nodes = g_array_sized_new (FALSE, TRUE, sizeof (Node), n_cards);
  graph->edges = g_array_sized_new (FALSE, TRUE, sizeof (Edge), n_flows);
  graph->teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  graph->team_names = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint st = 0; st < g_list_model_get_n_items (stages); st++)
    {
      g_autoptr(TptStage) stage = g_list_model_get_item (stages, st);
      guint n = g_list_model_get_n_items (tpt_stage_get_steps (stage));

      for (guint i = 0; i < n; i++, s++)
        graph->step_stage[s] = (int) st;
    }

  for (guint i = 0; i < graph->steps->len; i++)
    {
      TptStep *step = g_ptr_array_index (graph->steps, i);
      gint64 seconds;

      g_hash_table_insert (step_index, (gpointer) tpt_node_get_id (TPT_NODE (step)),
                           GUINT_TO_POINTER (i + 1));
      graph->seconds[i] = tpt_duration_parse (tpt_step_get_duration (step), &seconds)
                          ? seconds : -1;
    }

  for (guint i = 0; i < n_cards; i++)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (cards, i);
      Node node = { card, NULL, -1, 0, -1, NULL, NULL, NULL };
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (step_index,
                                                           tpt_card_get_step (card)));
      const char *owner = tpt_card_get_owner (card);
      char *key = NULL;

      node.lane = tpt_document_lookup_typed (document, tpt_card_get_lane (card), TPT_TYPE_LANE);
      if (first > 0)
        {
          node.first = (int) first - 1;
          node.span = MIN ((guint) MAX (tpt_card_get_span (card), 1),
                           graph->steps->len - (guint) node.first);
          node.stage = graph->step_stage[node.first];
        }

      /* A team is an owner; cards nobody owns belong to their lane's
       * team. The customer is nobody's team. */
      if (owner[0] != '\0')
        key = g_strconcat ("o:", owner, NULL);
      else if (node.lane != NULL && tpt_lane_get_kind (node.lane) != TPT_LANE_KIND_CUSTOMER &&
               tpt_lane_get_kind (node.lane) != TPT_LANE_KIND_EVIDENCE)
        key = g_strconcat ("l:", tpt_node_get_id (TPT_NODE (node.lane)), NULL);
      if (key != NULL)
        {
          const char *interned = g_hash_table_lookup (graph->teams, key);

          if (interned == NULL)
            {
              interned = key;
              g_hash_table_insert (graph->teams, key, key);
              g_hash_table_insert (graph->team_names, key,
                                   (gpointer) (owner[0] != '\0'
                                               ? owner : tpt_lane_get_title (node.lane)));
            }
          else
            g_free (key);
          node.team = interned;
        }

      node.out = g_array_new (FALSE, FALSE, sizeof (guint));
      node.in = g_array_new (FALSE, FALSE, sizeof (guint));
      /* The blueprint's list holds the card; the node borrows it. */
      g_array_append_val (graph->nodes, node);
      g_hash_table_insert (card_index, (gpointer) tpt_node_get_id (TPT_NODE (card)),
                           GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < n_flows; i++)
    {
      g_autoptr(TptFlow) flow = g_list_model_get_item (flows, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (card_index, tpt_flow_get_from (flow)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (card_index, tpt_flow_get_to (flow)));
      Edge edge = { flow, from - 1, to - 1 };
      guint e = graph->edges->len;

      if (from == 0 || to == 0)
        continue;
      g_array_append_val (graph->edges, edge);
      g_array_append_val (g_array_index (graph->nodes, Node, from - 1).out, e);
      g_array_append_val (g_array_index (graph->nodes, Node, to - 1).in, e);
    }
}

static void
graph_clear (Graph *graph)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      Node *node = &g_array_index (graph->nodes, Node, i);

      g_array_unref (node->out);
      g_array_unref (node->in);
    }
  g_clear_pointer (&graph->nodes, g_array_unref);
  g_clear_pointer (&graph->edges, g_array_unref);
  g_clear_pointer (&graph->steps, g_ptr_array_unref);
  g_clear_pointer (&graph->step_stage, g_free);
  g_clear_pointer (&graph->seconds, g_free);
  g_clear_pointer (&graph->team_names, g_hash_table_unref);
  g_clear_pointer (&graph->teams, g_hash_table_unref);
}

static inline Node *
node_at (Graph *graph,
         guint  index)
{
  return &g_array_index (graph->nodes, Node, index);
}

/* Time, waits and fail points ---------------------------------------------- */

static void
count_time (TptJourney *self,
            Graph      *graph)
{
  g_autofree gboolean *waited = g_new0 (gboolean, MAX (graph->steps->len, 1));

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      Node *node = node_at (graph, i);
      TptCardKind kind = tpt_card_get_kind (node->card);

      if (kind == TPT_CARD_KIND_WAIT)
        {
          self->n_wait_points++;
          if (node->stage >= 0)
            g_array_index (self->stages, TptJourneyStage, node->stage).n_wait_points++;
          for (guint s = 0; s < node->span; s++)
            waited[node->first + s] = TRUE;
        }
      else if (kind == TPT_CARD_KIND_FAIL)
        {
          self->n_fail_points++;
          if (node->stage >= 0)
            g_array_index (self->stages, TptJourneyStage, node->stage).n_fail_points++;
        }
    }

  for (guint s = 0; s < graph->steps->len; s++)
    {
      TptJourneyStage *stage = &g_array_index (self->stages, TptJourneyStage,
                                               graph->step_stage[s]);

      time_add (&self->time, graph->seconds[s]);
      time_add (&stage->time, graph->seconds[s]);
      if (waited[s])
        {
          time_add (&self->waiting, graph->seconds[s]);
          time_add (&stage->waiting, graph->seconds[s]);
        }
    }
}

/* Handoffs ------------------------------------------------------------------ */

static void
count_handoffs (TptJourney *self,
                Graph      *graph)
{
  for (guint e = 0; e < graph->edges->len; e++)
    {
      Edge *edge = &g_array_index (graph->edges, Edge, e);
      Node *from = node_at (graph, edge->from);
      Node *to = node_at (graph, edge->to);
      const char *from_owner = tpt_card_get_owner (from->card);
      const char *to_owner = tpt_card_get_owner (to->card);
      TptOffice from_office = from->lane != NULL ? tpt_lane_get_office (from->lane)
                                                 : TPT_OFFICE_NONE;
      TptOffice to_office = to->lane != NULL ? tpt_lane_get_office (to->lane) : TPT_OFFICE_NONE;
      TptJourneyHandoff handoff = { 0 };

      handoff.owner_changes = from_owner[0] != '\0' && to_owner[0] != '\0' &&
                              strcmp (from_owner, to_owner) != 0;
      handoff.lane_changes = from->lane != to->lane;
      handoff.office_changes = from_office != TPT_OFFICE_NONE && to_office != TPT_OFFICE_NONE &&
                               from_office != to_office;
      if (!handoff.owner_changes && !handoff.lane_changes)
        continue;

      handoff.flow = g_object_ref (edge->flow);
      handoff.from = g_object_ref (from->card);
      handoff.to = g_object_ref (to->card);
      handoff.stage = from->stage;
      self->n_office_handoffs += handoff.office_changes;
      self->n_owner_handoffs += handoff.owner_changes;
      if (handoff.stage >= 0)
        g_array_index (self->stages, TptJourneyStage, handoff.stage).n_handoffs++;
      g_array_append_val (self->handoffs, handoff);
    }
}

/* Bounces ------------------------------------------------------------------- */

typedef struct
{
  Graph      *graph;
  gboolean   *on_path;     /* card index → on the current path */
  GHashTable *team_count;  /* team → how many cards of the path are its */
  gboolean   *bounced;     /* edge index → found to bring work back */
  guint      *via;         /* edge index → a card the work came back from */
  guint       visits;
} Search;

static void
walk (Search *search,
      guint   index)
{
  Node *node = node_at (search->graph, index);

  search->on_path[index] = TRUE;
  if (node->team != NULL)
    g_hash_table_insert (search->team_count, (gpointer) node->team,
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (
                           g_hash_table_lookup (search->team_count, node->team)) + 1));

  for (guint i = 0; i < node->out->len && search->visits < MAX_BOUNCE_VISITS; i++)
    {
      guint e = g_array_index (node->out, guint, i);
      Edge *edge = &g_array_index (search->graph->edges, Edge, e);
      Node *next = node_at (search->graph, edge->to);

      search->visits++;
      if (next->team != NULL && next->team != node->team &&
          g_hash_table_lookup (search->team_count, next->team) != NULL && !search->bounced[e])
        {
          search->bounced[e] = TRUE;
          search->via[e] = index;
        }
      if (!search->on_path[edge->to])
        walk (search, edge->to);
    }

  if (node->team != NULL)
    {
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (search->team_count, node->team));

      if (count <= 1)
        g_hash_table_remove (search->team_count, node->team);
      else
        g_hash_table_insert (search->team_count, (gpointer) node->team,
                             GUINT_TO_POINTER (count - 1));
    }
  search->on_path[index] = FALSE;
}

/* Marks what @index leads to, so that loops nothing enters get a start. */
static void
mark_reached (Graph    *graph,
              gboolean *reached,
              guint     index)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_append_val (stack, index);
  while (stack->len > 0)
    {
      guint i = g_array_index (stack, guint, stack->len - 1);
      Node *node = node_at (graph, i);

      g_array_set_size (stack, stack->len - 1);
      if (reached[i])
        continue;
      reached[i] = TRUE;
      for (guint k = 0; k < node->out->len; k++)
        {
          Edge *edge = &g_array_index (graph->edges, Edge, g_array_index (node->out, guint, k));

          if (!reached[edge->to])
            g_array_append_val (stack, edge->to);
        }
    }
}

static void
count_bounces (TptJourney *self,
               Graph      *graph)
{
  guint n = graph->nodes->len;
  g_autofree gboolean *reached = g_new0 (gboolean, MAX (n, 1));
  g_autofree gboolean *on_path = g_new0 (gboolean, MAX (n, 1));
  g_autofree gboolean *bounced = g_new0 (gboolean, MAX (graph->edges->len, 1));
  g_autofree guint *via = g_new0 (guint, MAX (graph->edges->len, 1));
  g_autoptr(GHashTable) team_count = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  Search search = { graph, on_path, team_count, bounced, via, 0 };

  if (graph->edges->len == 0)
    return;

  /* Paths start where no flow leads in; then at the first card of each
   * loop that nothing leads into. */
  for (guint i = 0; i < n; i++)
    if (node_at (graph, i)->in->len == 0 && node_at (graph, i)->out->len > 0)
      {
        g_array_append_val (starts, i);
        mark_reached (graph, reached, i);
      }
  for (guint i = 0; i < n; i++)
    if (!reached[i] && node_at (graph, i)->out->len > 0)
      {
        g_array_append_val (starts, i);
        mark_reached (graph, reached, i);
      }

  for (guint i = 0; i < starts->len && search.visits < MAX_BOUNCE_VISITS; i++)
    walk (&search, g_array_index (starts, guint, i));
  self->bounces_exact = search.visits < MAX_BOUNCE_VISITS;

  for (guint e = 0; e < graph->edges->len; e++)
    {
      Edge *edge;
      TptJourneyBounce bounce;

      if (!bounced[e])
        continue;
      edge = &g_array_index (graph->edges, Edge, e);
      bounce.flow = g_object_ref (edge->flow);
      bounce.stage = node_at (graph, edge->from)->stage;
      bounce.team = g_strdup (g_hash_table_lookup (graph->team_names,
                                                   node_at (graph, edge->to)->team));
      bounce.via = g_strdup (node_at (graph, via[e])->team != NULL
                             ? g_hash_table_lookup (graph->team_names,
                                                    node_at (graph, via[e])->team)
                             : NULL);
      if (bounce.stage >= 0)
        g_array_index (self->stages, TptJourneyStage, bounce.stage).n_bounces++;
      g_array_append_val (self->bounces, bounce);
    }
}

/* Fail points and what they depend on ---------------------------------------- */

static int
compare_indices (gconstpointer a,
                 gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static gboolean
is_customer_facing (TptLane *lane)
{
  return lane != NULL && (tpt_lane_get_kind (lane) == TPT_LANE_KIND_CUSTOMER ||
                          tpt_lane_get_kind (lane) == TPT_LANE_KIND_FRONTSTAGE);
}

static gboolean
is_back (TptLane *lane)
{
  return lane != NULL && (tpt_lane_get_kind (lane) == TPT_LANE_KIND_BACKSTAGE ||
                          tpt_lane_get_kind (lane) == TPT_LANE_KIND_SUPPORT);
}

/* Every card upstream of @index: its flows' sources, theirs, and so on,
 * each once however the flows loop; a double arrow leads both ways. Adds
 * their indices to @found, sorted; @seen is all FALSE before and after. */
static void
collect_upstream (Graph    *graph,
                  guint     index,
                  gboolean *seen,
                  GArray   *found)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint));

  g_array_set_size (found, 0);
  g_array_append_val (stack, index);
  seen[index] = TRUE;
  while (stack->len > 0)
    {
      guint i = g_array_index (stack, guint, stack->len - 1);
      Node *node = node_at (graph, i);

      g_array_set_size (stack, stack->len - 1);
      for (guint k = 0; k < node->in->len; k++)
        {
          Edge *edge = &g_array_index (graph->edges, Edge, g_array_index (node->in, guint, k));

          if (!seen[edge->from])
            {
              seen[edge->from] = TRUE;
              g_array_append_val (stack, edge->from);
              g_array_append_val (found, edge->from);
            }
        }
      for (guint k = 0; k < node->out->len; k++)
        {
          Edge *edge = &g_array_index (graph->edges, Edge, g_array_index (node->out, guint, k));

          if (tpt_flow_get_arrow (edge->flow) == TPT_ARROW_DOUBLE && !seen[edge->to])
            {
              seen[edge->to] = TRUE;
              g_array_append_val (stack, edge->to);
              g_array_append_val (found, edge->to);
            }
        }
    }

  seen[index] = FALSE;
  for (guint k = 0; k < found->len; k++)
    seen[g_array_index (found, guint, k)] = FALSE;
  /* Document order: card indices are in the blueprint's order. */
  g_array_sort (found, compare_indices);
}

static void
collect_fail_points (TptJourney *self,
                     Graph      *graph)
{
  g_autofree gboolean *seen = g_new0 (gboolean, MAX (graph->nodes->len, 1));
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      Node *node = node_at (graph, i);
      TptJourneyFailPoint point = { 0 };

      if (tpt_card_get_kind (node->card) != TPT_CARD_KIND_FAIL)
        continue;

      point.card = g_object_ref (node->card);
      point.stage = node->stage;
      point.customer_facing = is_customer_facing (node->lane);
      point.upstream = g_ptr_array_new_with_free_func (g_object_unref);
      point.owners = g_ptr_array_new_with_free_func (g_free);
      if (point.customer_facing)
        {
          collect_upstream (graph, i, seen, found);
          for (guint k = 0; k < found->len; k++)
            {
              Node *up = node_at (graph, g_array_index (found, guint, k));
              const char *owner = tpt_card_get_owner (up->card);

              if (!is_back (up->lane))
                continue;
              g_ptr_array_add (point.upstream, g_object_ref (up->card));
              if (owner[0] != '\0' &&
                  !g_ptr_array_find_with_equal_func (point.owners, owner, g_str_equal, NULL))
                g_ptr_array_add (point.owners, g_strdup (owner));
            }
        }
      g_array_append_val (self->fail_points, point);
    }
}

/* Work by owner and office ---------------------------------------------------- */

typedef struct
{
  guint     n_cards;
  gboolean *steps;
  guint     n_steps;
} Tally;

static void
tally_free (gpointer data)
{
  Tally *tally = data;

  g_free (tally->steps);
  g_free (tally);
}

static void
tally_add (Tally *tally,
           Node  *node)
{
  tally->n_cards++;
  for (guint s = 0; s < node->span; s++)
    if (!tally->steps[node->first + s])
      {
        tally->steps[node->first + s] = TRUE;
        tally->n_steps++;
      }
}

static int
compare_work (gconstpointer a,
              gconstpointer b)
{
  const TptJourneyWork *wa = a, *wb = b;

  if ((wa->name == NULL) != (wb->name == NULL))
    return wa->name == NULL ? 1 : -1;
  if (wa->n_cards != wb->n_cards)
    return wa->n_cards > wb->n_cards ? -1 : 1;
  return g_strcmp0 (wa->name, wb->name);
}

static void
count_work (TptJourney *self,
            Graph      *graph)
{
  g_autoptr(GHashTable) by_owner = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                          tally_free);
  Tally offices[TPT_OFFICE_BACK + 1] = { { 0 } };
  Tally unowned = { 0 };
  guint n_steps = MAX (graph->steps->len, 1);
  GHashTableIter iter;
  gpointer key, value;

  for (guint o = 0; o <= TPT_OFFICE_BACK; o++)
    offices[o].steps = g_new0 (gboolean, n_steps);
  unowned.steps = g_new0 (gboolean, n_steps);

  for (guint i = 0; i < graph->nodes->len; i++)
    {
      Node *node = node_at (graph, i);
      const char *owner = tpt_card_get_owner (node->card);

      if (owner[0] != '\0')
        {
          Tally *tally = g_hash_table_lookup (by_owner, owner);

          if (tally == NULL)
            {
              tally = g_new0 (Tally, 1);
              tally->steps = g_new0 (gboolean, n_steps);
              g_hash_table_insert (by_owner, (gpointer) owner, tally);
            }
          tally_add (tally, node);
        }
      else if (is_staff_lane (node->lane))
        tally_add (&unowned, node);

      if (node->lane != NULL && tpt_lane_get_office (node->lane) != TPT_OFFICE_NONE)
        tally_add (&offices[tpt_lane_get_office (node->lane)], node);
    }

  g_hash_table_iter_init (&iter, by_owner);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Tally *tally = value;
      TptJourneyWork work = { g_strdup (key), TPT_OFFICE_NONE, tally->n_cards, tally->n_steps };

      g_array_append_val (self->owners, work);
    }
  if (unowned.n_cards > 0)
    {
      TptJourneyWork work = { NULL, TPT_OFFICE_NONE, unowned.n_cards, unowned.n_steps };

      g_array_append_val (self->owners, work);
    }
  g_array_sort (self->owners, compare_work);

  for (guint o = TPT_OFFICE_FRONT; o <= TPT_OFFICE_BACK; o++)
    {
      TptJourneyWork work = { NULL, o, offices[o].n_cards, offices[o].n_steps };

      g_array_append_val (self->offices, work);
    }

  for (guint o = 0; o <= TPT_OFFICE_BACK; o++)
    g_free (offices[o].steps);
  g_free (unowned.steps);
}

/* Metrics ---------------------------------------------------------------------- */

static void
count_status (TptJourney       *self,
              TptJourneyMetric *metric,
              int               stage)
{
  self->n_met += metric->status == TPT_KPI_MET;
  self->n_at_risk += metric->status == TPT_KPI_AT_RISK;
  self->n_missed += metric->status == TPT_KPI_MISSED;
  if (stage >= 0)
    {
      TptJourneyStage *s = &g_array_index (self->stages, TptJourneyStage, stage);

      s->n_metrics++;
      s->n_met += metric->status == TPT_KPI_MET;
    }
}

static void
collect_metrics (TptJourney *self,
                 Graph      *graph)
{
  for (guint i = 0; i < graph->nodes->len; i++)
    {
      Node *node = node_at (graph, i);
      TptJourneyMetric metric = { 0 };

      if (tpt_card_get_kind (node->card) != TPT_CARD_KIND_METRIC ||
          !tpt_card_get_target_value (node->card, NULL) || node->first < 0)
        continue;
      metric.card = g_object_ref (node->card);
      metric.step = g_object_ref (g_ptr_array_index (graph->steps, node->first));
      metric.status = tpt_kpi_card_status (node->card);
      count_status (self, &metric, node->stage);
      g_array_append_val (self->metrics, metric);
    }

  for (guint s = 0; s < graph->steps->len; s++)
    {
      TptStep *step = g_ptr_array_index (graph->steps, s);
      TptJourneyMetric metric = { 0 };

      if (!tpt_duration_parse (tpt_step_get_target (step), NULL))
        continue;
      metric.step = g_object_ref (step);
      metric.status = tpt_kpi_step_status (step);
      count_status (self, &metric, graph->step_stage[s]);
      g_array_append_val (self->metrics, metric);
    }
}

/* The journey -------------------------------------------------------------------- */

/**
 * tpt_journey_new:
 * @document: a #TptDocument
 * @blueprint: one of its blueprints
 *
 * Computes the numbers of @blueprint's journey.
 *
 * Returns: (transfer full): the numbers
 */
TptJourney *
tpt_journey_new (TptDocument  *document,
                 TptBlueprint *blueprint)
{
  TptJourney *self;
  GListModel *stages;
  Graph graph;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (TPT_IS_BLUEPRINT (blueprint), NULL);

  self = g_new0 (TptJourney, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->blueprint = g_object_ref (blueprint);
  self->bounces_exact = TRUE;
  self->stages = g_array_new (FALSE, TRUE, sizeof (TptJourneyStage));
  g_array_set_clear_func (self->stages, stage_clear);
  self->handoffs = g_array_new (FALSE, TRUE, sizeof (TptJourneyHandoff));
  g_array_set_clear_func (self->handoffs, handoff_clear);
  self->bounces = g_array_new (FALSE, TRUE, sizeof (TptJourneyBounce));
  g_array_set_clear_func (self->bounces, bounce_clear);
  self->fail_points = g_array_new (FALSE, TRUE, sizeof (TptJourneyFailPoint));
  g_array_set_clear_func (self->fail_points, fail_point_clear);
  self->owners = g_array_new (FALSE, TRUE, sizeof (TptJourneyWork));
  g_array_set_clear_func (self->owners, work_clear);
  self->offices = g_array_new (FALSE, TRUE, sizeof (TptJourneyWork));
  g_array_set_clear_func (self->offices, work_clear);
  self->metrics = g_array_new (FALSE, TRUE, sizeof (TptJourneyMetric));
  g_array_set_clear_func (self->metrics, metric_clear);

  graph_init (&graph, document, blueprint);
  self->n_steps = graph.steps->len;

  stages = tpt_blueprint_get_stages (blueprint);
  for (guint st = 0, first = 0; st < g_list_model_get_n_items (stages); st++)
    {
      TptJourneyStage stage = { 0 };

      stage.stage = g_list_model_get_item (stages, st);
      stage.first_step = first;
      first += g_list_model_get_n_items (tpt_stage_get_steps (stage.stage));
      g_array_append_val (self->stages, stage);
    }

  count_time (self, &graph);
  count_handoffs (self, &graph);
  count_bounces (self, &graph);
  collect_fail_points (self, &graph);
  count_work (self, &graph);
  collect_metrics (self, &graph);

  graph_clear (&graph);
  return self;
}

/**
 * tpt_journey_ref:
 * @self: a #TptJourney
 *
 * Returns: (transfer full): @self
 */
TptJourney *
tpt_journey_ref (TptJourney *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

/**
 * tpt_journey_unref:
 * @self: (transfer full): a #TptJourney
 */
void
tpt_journey_unref (TptJourney *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->stages, g_array_unref);
  g_clear_pointer (&self->handoffs, g_array_unref);
  g_clear_pointer (&self->bounces, g_array_unref);
  g_clear_pointer (&self->fail_points, g_array_unref);
  g_clear_pointer (&self->owners, g_array_unref);
  g_clear_pointer (&self->offices, g_array_unref);
  g_clear_pointer (&self->metrics, g_array_unref);
  g_clear_object (&self->blueprint);
  g_free (self);
}

/**
 * tpt_journey_count_customer_facing_fail_points:
 * @self: a #TptJourney
 *
 * Returns: how many fail points are in a customer or frontstage lane
 */
guint
tpt_journey_count_customer_facing_fail_points (TptJourney *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->fail_points->len; i++)
    n += g_array_index (self->fail_points, TptJourneyFailPoint, i).customer_facing;
  return n;
}
