/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tpt-coverage.h"
#include "tpt-document.h"
#include "tpt-need-order.h"
#include "tpt-node-private.h"
#include "tpt-values.h"

#include "test-utils.h"

/* Unit tests of the document model: every mutation and query of the public
 * API, with the signals it must emit and the single undo step it must make,
 * checked on a small hand-made document whose every figure is known. */

/* The fixture -----------------------------------------------------------------
 *
 * One blueprint, "Claims":
 *
 *             | Report              | Settle
 *             | t1        t2        | t3       t4
 *   evidence  |                     |
 *   customer  | call      wait      |
 *   front     | agent (span 2) ···· |
 *   back      |           log       | check
 *   support   | sys (span 4) ······ | ········ pay
 *   emotion   | -1        -2        |          +1     (follows Dana)
 *
 * call → agent (single), agent → log (double), log → check (single).
 * agent serves status, concerns Dana and Sam; log serves status; call
 * concerns Dana. Ratings: Dana/status 9,3; Dana/speed 8,unset; Sam/status
 * 6,8; Sam/fair 5,5. */

typedef struct
{
  TptDocument  *doc;
  TptHistory   *history;
  TptBlueprint *bp;
  TptLane      *evidence, *customer, *front, *back, *support, *emotion;
  TptStage     *report, *settle;
  TptStep      *t1, *t2, *t3, *t4;
  TptCard      *call, *wait, *agent, *log, *check, *sys, *pay;
  TptFlow      *f_call_agent, *f_agent_log, *f_log_check;
  TptPersona   *dana, *sam;
  TptNeed      *status, *speed, *fair;
} Fixture;

static TptLane *
add_lane (Fixture     *f,
          TptLaneKind  kind,
          TptOffice    office,
          const char  *title)
{
  g_autoptr(TptLane) lane = tpt_lane_new (f->doc);
  GListModel *lanes = tpt_blueprint_get_lanes (f->bp);

  tpt_lane_set_kind (lane, kind);
  tpt_lane_set_office (lane, office);
  tpt_lane_set_title (lane, title);
  tpt_blueprint_insert_lane (f->bp, g_list_model_get_n_items (lanes), lane);
  return lane;
}

static TptStage *
add_stage (Fixture    *f,
           const char *title)
{
  g_autoptr(TptStage) stage = tpt_stage_new (f->doc);
  GListModel *stages = tpt_blueprint_get_stages (f->bp);

  tpt_stage_set_title (stage, title);
  tpt_blueprint_insert_stage (f->bp, g_list_model_get_n_items (stages), stage);
  return stage;
}

static TptStep *
add_step (Fixture    *f,
          TptStage   *stage,
          const char *title)
{
  g_autoptr(TptStep) step = tpt_step_new (f->doc);

  tpt_step_set_title (step, title);
  tpt_blueprint_insert_step (f->bp, stage, g_list_model_get_n_items (tpt_stage_get_steps (stage)),
                             step);
  return step;
}

static TptCard *
add_card (Fixture     *f,
          TptLane     *lane,
          TptStep     *step,
          TptCardKind  kind,
          int          span,
          const char  *text)
{
  g_autoptr(TptCard) card = tpt_card_new (f->doc);

  tpt_card_set_kind (card, kind);
  tpt_card_set_span (card, span);
  tpt_card_set_text (card, text);
  tpt_blueprint_add_card (f->bp, card, lane, step, G_MAXUINT);
  return card;
}

static TptPersona *
add_persona (Fixture    *f,
             const char *name,
             const char *color)
{
  g_autoptr(TptPersona) persona = tpt_persona_new (f->doc);
  GListModel *personas = tpt_document_get_personas (f->doc);

  tpt_persona_set_name (persona, name);
  tpt_persona_set_color (persona, color);
  tpt_document_insert_persona (f->doc, g_list_model_get_n_items (personas), persona);
  return persona;
}

static TptNeed *
add_need (Fixture    *f,
          const char *title)
{
  g_autoptr(TptNeed) need = tpt_need_new (f->doc);
  GListModel *needs = tpt_document_get_needs (f->doc);

  tpt_need_set_title (need, title);
  tpt_document_insert_need (f->doc, g_list_model_get_n_items (needs), need);
  return need;
}

static const char *
id_of (gpointer node)
{
  return tpt_node_get_id (TPT_NODE (node));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TptBlueprint) bp = NULL;

  f->doc = tpt_document_new ();
  f->history = tpt_document_get_history (f->doc);

  tpt_document_begin (f->doc, "Set Up");

  tpt_document_set_title (f->doc, "Motor claims");
  f->dana = add_persona (f, "Dana Ortiz", "#3584e4");
  f->sam = add_persona (f, "Sam Lee", "#e66100");
  f->status = add_need (f, "Know my claim's status without calling");
  f->speed = add_need (f, "Get paid quickly");
  f->fair = add_need (f, "Be treated fairly");
  tpt_document_set_rating (f->doc, f->dana, f->status, 9, 3);
  tpt_document_set_rating (f->doc, f->dana, f->speed, 8, -1);
  tpt_document_set_rating (f->doc, f->sam, f->status, 6, 8);
  tpt_document_set_rating (f->doc, f->sam, f->fair, 5, 5);

  bp = tpt_blueprint_new (f->doc);
  tpt_blueprint_set_title (bp, "Claims");
  tpt_document_insert_blueprint (f->doc, 0, bp);
  f->bp = bp;

  f->evidence = add_lane (f, TPT_LANE_KIND_EVIDENCE, TPT_OFFICE_NONE, "Physical evidence");
  f->customer = add_lane (f, TPT_LANE_KIND_CUSTOMER, TPT_OFFICE_NONE, "Customer");
  f->front = add_lane (f, TPT_LANE_KIND_FRONTSTAGE, TPT_OFFICE_FRONT, "Call centre");
  f->back = add_lane (f, TPT_LANE_KIND_BACKSTAGE, TPT_OFFICE_MIDDLE, "Claims handling");
  f->support = add_lane (f, TPT_LANE_KIND_SUPPORT, TPT_OFFICE_BACK, "Systems");
  f->emotion = add_lane (f, TPT_LANE_KIND_EMOTION, TPT_OFFICE_NONE, "How Dana feels");
  tpt_lane_set_persona (f->emotion, id_of (f->dana));

  f->report = add_stage (f, "Report");
  f->settle = add_stage (f, "Settle");
  f->t1 = add_step (f, f->report, "Reports the accident");
  f->t2 = add_step (f, f->report, "Gets a claim number");
  f->t3 = add_step (f, f->settle, "Assessment");
  f->t4 = add_step (f, f->settle, "Payout");

  f->call = add_card (f, f->customer, f->t1, TPT_CARD_KIND_ACTION, 1, "Calls the hotline");
  f->wait = add_card (f, f->customer, f->t2, TPT_CARD_KIND_WAIT, 1, "Waits on hold");
  f->agent = add_card (f, f->front, f->t1, TPT_CARD_KIND_FAIL, 2, "Agent cannot find the policy");
  f->log = add_card (f, f->back, f->t2, TPT_CARD_KIND_ACTION, 1, "Logs the claim");
  f->check = add_card (f, f->back, f->t3, TPT_CARD_KIND_DECISION, 1, "Checks cover");
  f->sys = add_card (f, f->support, f->t1, TPT_CARD_KIND_ACTION, 4, "Claims system");
  f->pay = add_card (f, f->support, f->t4, TPT_CARD_KIND_ACTION, 1, "Pays out");

  {
    const char *status[] = { id_of (f->status), NULL };
    const char *dana[] = { id_of (f->dana), NULL };
    const char *both[] = { id_of (f->dana), id_of (f->sam), NULL };

    tpt_card_set_serves (f->agent, status);
    tpt_card_set_serves (f->log, status);
    tpt_card_set_concerns (f->call, dana);
    tpt_card_set_concerns (f->agent, both);
  }

  f->f_call_agent = tpt_blueprint_add_flow (f->bp, f->call, f->agent, TPT_ARROW_SINGLE);
  f->f_agent_log = tpt_blueprint_add_flow (f->bp, f->agent, f->log, TPT_ARROW_DOUBLE);
  f->f_log_check = tpt_blueprint_add_flow (f->bp, f->log, f->check, TPT_ARROW_SINGLE);

  tpt_blueprint_set_emotion (f->bp, f->emotion, f->t1, -1);
  tpt_blueprint_set_emotion (f->bp, f->emotion, f->t2, -2);
  tpt_blueprint_set_emotion (f->bp, f->emotion, f->t4, 1);

  tpt_document_end (f->doc);

  g_assert_cmpuint (tpt_history_get_position (f->history), ==, 1);
  tpt_history_clear (f->history);
  tpt_test_check_integrity (f->doc);
}

static void
add_weak_pointer_cb (TptNode  *node,
                     gpointer  user_data)
{
  GPtrArray *weak = user_data;
  gpointer *slot = g_new (gpointer, 1);

  *slot = node;
  g_object_add_weak_pointer (G_OBJECT (node), slot);
  g_ptr_array_add (weak, slot);
}

/* Finalizes the document and checks that every node it held went with it:
 * a node kept alive would be a leak or a reference cycle. */
static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) weak = g_ptr_array_new_with_free_func (g_free);

  g_assert_false (tpt_history_in_transaction (f->history));
  tpt_test_check_integrity (f->doc);
  tpt_node_foreach_descendant (TPT_NODE (f->doc), add_weak_pointer_cb, weak);

  g_assert_finalize_object (f->doc);

  for (guint i = 0; i < weak->len; i++)
    {
      gpointer *slot = g_ptr_array_index (weak, i);

      /* The document itself was checked above and cleared its slot. */
      g_assert_null (*slot);
    }
}

/* Checking one undo step -------------------------------------------------------- */

static char *
dump (Fixture *f)
{
  return tpt_test_dump (f->doc, TRUE);
}

/* Checks that what happened since @before (a dump at position @position) is
 * exactly one history entry labelled @label, that undoing it brings back
 * @before exactly, and that redoing it brings back the state after. */
static void
check_one_step (Fixture    *f,
                guint       position,
                const char *label,
                const char *before)
{
  g_autofree char *after = dump (f);
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;

  tpt_test_check_integrity (f->doc);
  g_assert_cmpuint (tpt_history_get_position (f->history), ==, position + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (f->history)), ==, position + 1);
  g_assert_cmpstr (tpt_history_get_undo_label (f->history), ==, label);
  g_assert_cmpstr (after, !=, before);

  g_assert_true (tpt_history_undo (f->history));
  undone = dump (f);
  g_assert_cmpstr (undone, ==, before);
  tpt_test_check_integrity (f->doc);

  g_assert_true (tpt_history_redo (f->history));
  redone = dump (f);
  g_assert_cmpstr (redone, ==, after);
  tpt_test_check_integrity (f->doc);
}

/* Runs @code and checks that it made one undo step labelled @label. */
#define ONE_STEP(f, label, code) \
  G_STMT_START { \
    g_autofree char *before_ = dump (f); \
    guint position_ = tpt_history_get_position ((f)->history); \
    code; \
    check_one_step ((f), position_, (label), before_); \
  } G_STMT_END

/* Runs @code and checks that it recorded nothing and changed nothing. */
#define NO_STEP(f, code) \
  G_STMT_START { \
    g_autofree char *before_ = dump (f); \
    g_autofree char *after_ = NULL; \
    guint n_ = g_list_model_get_n_items (G_LIST_MODEL ((f)->history)); \
    code; \
    after_ = dump (f); \
    g_assert_cmpstr (after_, ==, before_); \
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL ((f)->history)), ==, n_); \
  } G_STMT_END

#define EDIT(f, code) \
  G_STMT_START { \
    tpt_document_begin ((f)->doc, "Edit"); \
    code; \
    tpt_document_end ((f)->doc); \
  } G_STMT_END

#define EXPECT_CRITICAL(domain, code) \
  G_STMT_START { \
    g_test_expect_message ((domain), G_LOG_LEVEL_CRITICAL, "*assertion*failed*"); \
    code; \
    g_test_assert_expected_messages (); \
  } G_STMT_END

static char *
titles_of_cards (GPtrArray *cards)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                            tpt_card_get_text (g_ptr_array_index (cards, i)));
  return g_string_free (out, FALSE);
}

static char *
cards_in (Fixture *f,
          TptLane *lane,
          TptStep *step)
{
  g_autoptr(GPtrArray) cards = tpt_blueprint_list_cards_in (f->bp, id_of (lane), id_of (step));

  return titles_of_cards (cards);
}

static char *
all_cards (TptBlueprint *bp)
{
  GListModel *model = tpt_blueprint_get_cards (bp);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (cards, g_list_model_get_item (model, i));
  return titles_of_cards (cards);
}

/* The text of a list of nodes, through one property. */
static char *
list_text (GListModel *model,
           const char *property)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *text = NULL;

      g_object_get (item, property, &text, NULL);
      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", text ? text : "");
    }
  return g_string_free (out, FALSE);
}

static char *
strv_text (const char * const *strv)
{
  return g_strjoinv (",", (char **)strv);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          guint      *count)
{
  (*count)++;
}

typedef struct
{
  guint       count;
  TptNode    *node;
  const char *name;
} NodeChanged;

static void
node_changed_cb (TptDocument *document,
                 TptNode     *node,
                 GParamSpec  *pspec,
                 NodeChanged *seen)
{
  seen->count++;
  seen->node = node;
  seen->name = pspec->name;
}

/* ids ------------------------------------------------------------------------- */

static void
test_ids_fresh (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TptCard) first = tpt_card_new (f->doc);
  g_autoptr(TptCard) second = NULL;
  g_autoptr(TptCard) third = NULL;
  g_autoptr(TptCard) orphan = tpt_card_new (NULL);
  g_autoptr(TptFact) fact = tpt_fact_new (f->doc);
  g_autoptr(TptRating) rating = tpt_rating_new (f->doc);
  g_autoptr(TptEmotion) emotion = tpt_emotion_new (f->doc);
  g_autofree char *first_id = NULL;

  /* Every kind of node that has an id gets one with its own prefix. */
  g_assert_cmpstr (id_of (f->dana), ==, "p1");
  g_assert_cmpstr (id_of (f->sam), ==, "p2");
  g_assert_cmpstr (id_of (f->status), ==, "n1");
  g_assert_cmpstr (id_of (f->bp), ==, "b1");
  g_assert_cmpstr (id_of (f->evidence), ==, "l1");
  g_assert_cmpstr (id_of (f->emotion), ==, "l6");
  g_assert_cmpstr (id_of (f->report), ==, "s1");
  g_assert_cmpstr (id_of (f->t4), ==, "t4");
  g_assert_cmpstr (id_of (f->call), ==, "c1");
  g_assert_cmpstr (id_of (f->pay), ==, "c7");
  g_assert_cmpstr (id_of (f->f_log_check), ==, "f3");
  g_assert_cmpstr (id_of (first), ==, "c8");
  g_assert_null (id_of (orphan));
  g_assert_null (id_of (fact));
  g_assert_null (id_of (rating));
  g_assert_null (id_of (emotion));
  g_assert_null (id_of (f->doc));

  /* Deleted, then undone, then a new one: never the same id. */
  first_id = g_strdup (id_of (first));
  tpt_blueprint_add_card (f->bp, first, f->evidence, f->t1, 0);
  g_assert_true (tpt_document_lookup (f->doc, first_id) == TPT_NODE (first));
  g_assert_true (tpt_document_lookup_typed (f->doc, first_id, TPT_TYPE_CARD) == first);
  g_assert_null (tpt_document_lookup_typed (f->doc, first_id, TPT_TYPE_LANE));

  tpt_blueprint_remove_card (f->bp, first);
  g_assert_null (tpt_document_lookup (f->doc, first_id));
  second = tpt_card_new (f->doc);
  g_assert_cmpstr (id_of (second), ==, "c9");

  g_assert_true (tpt_history_undo (f->history));
  g_assert_true (tpt_document_lookup (f->doc, first_id) == TPT_NODE (first));
  g_assert_true (tpt_history_undo (f->history));
  g_assert_null (tpt_document_lookup (f->doc, first_id));
  third = tpt_card_new (f->doc);
  g_assert_cmpstr (id_of (third), ==, "c10");
  tpt_blueprint_add_card (f->bp, third, f->evidence, f->t1, 0);
  tpt_blueprint_add_card (f->bp, second, f->evidence, f->t1, 0);
  g_assert_cmpstr (id_of (first), ==, first_id);

  /* Lookups of nothing. */
  g_assert_null (tpt_document_lookup (f->doc, NULL));
  g_assert_null (tpt_document_lookup (f->doc, "c1000"));
  g_assert_null (tpt_document_lookup_typed (f->doc, "nope", TPT_TYPE_CARD));

  g_clear_object (&first);
}

/* Nodes and their place in the tree. */
static void
test_node_tree (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(TptNeed) need = tpt_need_new (f->doc);

  g_assert_false (tpt_node_is_attached (TPT_NODE (need)));
  g_assert_null (tpt_node_get_parent (TPT_NODE (need)));
  g_assert_true (tpt_node_get_document (TPT_NODE (need)) == f->doc);

  tpt_document_insert_need (f->doc, 0, need);
  g_assert_true (tpt_node_is_attached (TPT_NODE (need)));
  g_assert_true (tpt_node_get_parent (TPT_NODE (need)) == TPT_NODE (f->doc));

  g_assert_true (tpt_node_is_attached (TPT_NODE (f->doc)));
  g_assert_null (tpt_node_get_parent (TPT_NODE (f->doc)));
  g_assert_true (tpt_node_get_document (TPT_NODE (f->doc)) == f->doc);
  g_assert_true (tpt_node_get_parent (TPT_NODE (f->t3)) == TPT_NODE (f->settle));
  g_assert_true (tpt_node_get_parent (TPT_NODE (f->settle)) == TPT_NODE (f->bp));
  g_assert_true (tpt_node_get_parent (TPT_NODE (f->bp)) == TPT_NODE (f->doc));
  g_assert_true (tpt_node_get_document (TPT_NODE (f->call)) == f->doc);

  tpt_history_undo (f->history);
  g_assert_false (tpt_node_is_attached (TPT_NODE (need)));
  g_assert_null (tpt_node_get_parent (TPT_NODE (need)));
}

/* Document ---------------------------------------------------------------------- */

static void
test_document_metadata (Fixture       *f,
                        gconstpointer  data)
{
  NodeChanged changed = { 0 };
  NodeChanged title_changed = { 0 };
  guint notified = 0;

  g_signal_connect (f->doc, "notify::title", G_CALLBACK (count_cb), &notified);
  g_signal_connect (f->doc, "node-changed", G_CALLBACK (node_changed_cb), &changed);
  g_signal_connect (f->doc, "node-changed::title", G_CALLBACK (node_changed_cb), &title_changed);

  g_assert_cmpstr (tpt_document_get_title (f->doc), ==, "Motor claims");
  g_assert_cmpstr (tpt_document_get_author (f->doc), ==, "");
  g_assert_cmpstr (tpt_document_get_description (f->doc), ==, "");

  ONE_STEP (f, "Edit", EDIT (f, tpt_document_set_title (f->doc, "Motor claims 2024")));
  g_assert_cmpstr (tpt_document_get_title (f->doc), ==, "Motor claims 2024");
  /* Once for the edit, once for its undo, once for its redo. */
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpuint (title_changed.count, ==, 3);
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_true (changed.node == TPT_NODE (f->doc));
  g_assert_cmpstr (changed.name, ==, "title");

  ONE_STEP (f, "Edit", EDIT (f, tpt_document_set_author (f->doc, "Service design team")));
  g_assert_cmpstr (tpt_document_get_author (f->doc), ==, "Service design team");
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpuint (title_changed.count, ==, 3);
  g_assert_cmpuint (changed.count, ==, 6);
  g_assert_cmpstr (changed.name, ==, "author");

  ONE_STEP (f, "Edit", EDIT (f, tpt_document_set_description (f->doc, "Line one\nline two")));
  g_assert_cmpstr (tpt_document_get_description (f->doc), ==, "Line one\nline two");

  /* The same value again is no change at all. */
  NO_STEP (f, EDIT (f, tpt_document_set_title (f->doc, "Motor claims 2024")));
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpuint (changed.count, ==, 9);

  /* NULL and "" are one value. */
  ONE_STEP (f, "Edit", EDIT (f, tpt_document_set_author (f->doc, NULL)));
  g_assert_cmpstr (tpt_document_get_author (f->doc), ==, "");
  NO_STEP (f, EDIT (f, tpt_document_set_author (f->doc, "")));

  g_signal_handlers_disconnect_by_data (f->doc, &notified);
  g_signal_handlers_disconnect_by_data (f->doc, &changed);
  g_signal_handlers_disconnect_by_data (f->doc, &title_changed);
}

static void
test_document_personas (Fixture       *f,
                        gconstpointer  data)
{
  GListModel *personas = tpt_document_get_personas (f->doc);
  g_autoptr(TptPersona) kim = tpt_persona_new (f->doc);
  TptTestListLog log;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *l3 = NULL;
  g_autofree char *l4 = NULL;
  g_autofree char *l5 = NULL;
  g_autofree char *names = NULL;

  g_assert_true (g_list_model_get_item_type (personas) == TPT_TYPE_PERSONA);
  tpt_persona_set_name (kim, "Kim");
  tpt_test_list_log_start (&log, personas);

  ONE_STEP (f, "Add Persona", tpt_document_insert_persona (f->doc, 1, kim));
  l1 = tpt_test_list_log_take (&log);
  /* Insert, then undo, then redo. */
  g_assert_cmpstr (l1, ==, "(1,0,1)(1,1,0)(1,0,1)");
  names = list_text (personas, "name");
  g_assert_cmpstr (names, ==, "Dana Ortiz|Kim|Sam Lee");
  g_clear_pointer (&names, g_free);

  ONE_STEP (f, "Move Persona", tpt_document_move_persona (f->doc, f->dana, 3));
  l2 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l2, ==, "(0,1,0)(2,0,1)" "(2,1,0)(0,0,1)" "(0,1,0)(2,0,1)");
  names = list_text (personas, "name");
  g_assert_cmpstr (names, ==, "Kim|Sam Lee|Dana Ortiz");
  g_clear_pointer (&names, g_free);

  ONE_STEP (f, "Move Persona", tpt_document_move_persona (f->doc, f->dana, 0));
  l3 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l3, ==, "(2,1,0)(0,0,1)" "(0,1,0)(2,0,1)" "(2,1,0)(0,0,1)");

  /* Moving to where it is, or just after, is no move. */
  NO_STEP (f, tpt_document_move_persona (f->doc, f->dana, 0));
  NO_STEP (f, tpt_document_move_persona (f->doc, f->dana, 1));
  l4 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l4, ==, "");

  ONE_STEP (f, "Delete Persona", tpt_document_remove_persona (f->doc, kim));
  l5 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l5, ==, "(1,1,0)(1,0,1)(1,1,0)");
  names = list_text (personas, "name");
  g_assert_cmpstr (names, ==, "Dana Ortiz|Sam Lee");

  tpt_test_list_log_stop (&log);
}

static void
test_document_needs (Fixture       *f,
                     gconstpointer  data)
{
  GListModel *needs = tpt_document_get_needs (f->doc);
  g_autoptr(TptNeed) need = tpt_need_new (f->doc);
  TptTestListLog log;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *l3 = NULL;
  g_autofree char *titles = NULL;

  g_assert_true (g_list_model_get_item_type (needs) == TPT_TYPE_NEED);
  tpt_need_set_title (need, "Talk to a person");
  tpt_need_set_description (need, "When it matters");
  g_assert_cmpstr (tpt_need_get_description (need), ==, "When it matters");
  tpt_test_list_log_start (&log, needs);

  ONE_STEP (f, "Add Need", tpt_document_insert_need (f->doc, 0, need));
  l1 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l1, ==, "(0,0,1)(0,1,0)(0,0,1)");

  ONE_STEP (f, "Move Need", tpt_document_move_need (f->doc, need, 4));
  l2 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l2, ==, "(0,1,0)(3,0,1)(3,1,0)(0,0,1)(0,1,0)(3,0,1)");
  titles = list_text (needs, "title");
  g_assert_cmpstr (titles, ==, "Know my claim's status without calling|Get paid quickly|"
                               "Be treated fairly|Talk to a person");

  ONE_STEP (f, "Edit", EDIT (f, tpt_need_set_title (need, "Talk to someone")));
  g_assert_cmpstr (tpt_need_get_title (need), ==, "Talk to someone");
  ONE_STEP (f, "Edit", EDIT (f, tpt_need_set_description (need, NULL)));
  g_assert_cmpstr (tpt_need_get_description (need), ==, "");

  ONE_STEP (f, "Delete Need", tpt_document_remove_need (f->doc, need));
  l3 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l3, ==, "(3,1,0)(3,0,1)(3,1,0)");

  tpt_test_list_log_stop (&log);
}

static void
test_document_remove_persona_cascade (Fixture       *f,
                                      gconstpointer  data)
{
  GListModel *ratings = tpt_document_get_ratings (f->doc);
  g_autofree char *concerns = NULL;

  ONE_STEP (f, "Delete Persona", tpt_document_remove_persona (f->doc, f->dana));

  /* Cards no longer concern her, the emotion lane follows nobody, her ratings
   * are gone and Sam's stay. */
  g_assert_cmpuint (g_strv_length ((char **)tpt_card_get_concerns (f->call)), ==, 0);
  concerns = strv_text (tpt_card_get_concerns (f->agent));
  g_assert_cmpstr (concerns, ==, id_of (f->sam));
  g_assert_cmpstr (tpt_lane_get_persona (f->emotion), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (ratings), ==, 2);
  g_assert_null (tpt_document_get_rating (f->doc, f->dana, f->status));
  g_assert_nonnull (tpt_document_get_rating (f->doc, f->sam, f->status));
  g_assert_nonnull (tpt_document_get_rating (f->doc, f->sam, f->fair));
  g_assert_null (tpt_document_lookup (f->doc, "p1"));

  /* The emotion curve stays: it is the lane's, not the persona's. */
  g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_emotions (f->bp)), ==, 3);
}

static void
test_document_remove_need_cascade (Fixture       *f,
                                   gconstpointer  data)
{
  GListModel *ratings = tpt_document_get_ratings (f->doc);

  ONE_STEP (f, "Delete Need", tpt_document_remove_need (f->doc, f->status));

  g_assert_cmpuint (g_strv_length ((char **)tpt_card_get_serves (f->agent)), ==, 0);
  g_assert_cmpuint (g_strv_length ((char **)tpt_card_get_serves (f->log)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (ratings), ==, 2);
  g_assert_nonnull (tpt_document_get_rating (f->doc, f->dana, f->speed));
  g_assert_nonnull (tpt_document_get_rating (f->doc, f->sam, f->fair));
  /* Cards that served other needs keep those. */
  {
    const char *both[] = { id_of (f->speed), id_of (f->fair), NULL };
    g_autofree char *serves = NULL;

    EDIT (f, tpt_card_set_serves (f->check, both));
    ONE_STEP (f, "Delete Need", tpt_document_remove_need (f->doc, f->speed));
    serves = strv_text (tpt_card_get_serves (f->check));
    g_assert_cmpstr (serves, ==, id_of (f->fair));
  }
}

/* Sorting the needs: by the highest importance, by the highest known
 * opportunity (unknown last), by coverage (fewest serving cards first, the
 * more important of equal gaps first); each sort one undo step, none when
 * the needs are in order already, and ties keep their document order.
 * Figures: status 9/3 and 6/8 (importance 9, opportunity 15, two cards);
 * speed 8/unset (8, unknown, none); fair 5/5 (5, 5, none). */
static void
test_need_order (Fixture       *f,
                 gconstpointer  data)
{
  GListModel *needs = tpt_document_get_needs (f->doc);
  g_autoptr(GPtrArray) sorted = NULL;
  g_autoptr(TptNeed) person = tpt_need_new (f->doc);
  g_autofree char *t1 = NULL;
  g_autofree char *t2 = NULL;
  g_autofree char *t3 = NULL;
  g_autofree char *t4 = NULL;
  g_autofree char *t5 = NULL;

  g_assert_cmpint (tpt_need_order_opportunity (f->doc, f->status), ==, 15);
  g_assert_cmpint (tpt_need_order_opportunity (f->doc, f->speed), ==, -1);
  g_assert_cmpint (tpt_need_order_opportunity (f->doc, f->fair), ==, 5);

  sorted = tpt_need_order_sorted (f->doc, TPT_NEED_ORDER_IMPORTANCE);
  g_assert_cmpuint (sorted->len, ==, 3);
  g_assert_true (g_ptr_array_index (sorted, 0) == f->status);
  g_assert_true (g_ptr_array_index (sorted, 1) == f->speed);
  g_assert_true (g_ptr_array_index (sorted, 2) == f->fair);
  NO_STEP (f, g_assert_false (tpt_need_order_apply (f->doc, TPT_NEED_ORDER_IMPORTANCE)));

  ONE_STEP (f, "Sort Needs by Opportunity",
            g_assert_true (tpt_need_order_apply (f->doc, TPT_NEED_ORDER_OPPORTUNITY)));
  t1 = list_text (needs, "title");
  g_assert_cmpstr (t1, ==, "Know my claim's status without calling|Be treated fairly|"
                           "Get paid quickly");

  ONE_STEP (f, "Sort Needs by Coverage",
            g_assert_true (tpt_need_order_apply (f->doc, TPT_NEED_ORDER_COVERAGE)));
  t2 = list_text (needs, "title");
  g_assert_cmpstr (t2, ==, "Get paid quickly|Be treated fairly|"
                           "Know my claim's status without calling");

  ONE_STEP (f, "Sort Needs by Importance",
            g_assert_true (tpt_need_order_apply (f->doc, TPT_NEED_ORDER_IMPORTANCE)));
  t3 = list_text (needs, "title");
  g_assert_cmpstr (t3, ==, "Know my claim's status without calling|Get paid quickly|"
                           "Be treated fairly");

  /* A need nobody rated and nothing serves, first in the list: its unknown
   * opportunity ties with speed's and keeps its place before it; as a gap
   * it follows the rated gaps. */
  tpt_need_set_title (person, "Talk to a person");
  tpt_document_insert_need (f->doc, 0, person);
  ONE_STEP (f, "Sort Needs by Opportunity",
            tpt_need_order_apply (f->doc, TPT_NEED_ORDER_OPPORTUNITY));
  t4 = list_text (needs, "title");
  g_assert_cmpstr (t4, ==, "Know my claim's status without calling|Be treated fairly|"
                           "Talk to a person|Get paid quickly");
  ONE_STEP (f, "Sort Needs by Coverage", tpt_need_order_apply (f->doc, TPT_NEED_ORDER_COVERAGE));
  t5 = list_text (needs, "title");
  g_assert_cmpstr (t5, ==, "Get paid quickly|Be treated fairly|Talk to a person|"
                           "Know my claim's status without calling");
}

static void
test_document_ratings (Fixture       *f,
                       gconstpointer  data)
{
  GListModel *ratings = tpt_document_get_ratings (f->doc);
  TptRating *rating;
  TptTestListLog log;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *l3 = NULL;
  guint notified = 0;

  g_assert_true (g_list_model_get_item_type (ratings) == TPT_TYPE_RATING);
  tpt_test_list_log_start (&log, ratings);

  /* The fixture's figures and their opportunity scores. */
  rating = tpt_document_get_rating (f->doc, f->dana, f->status);
  g_assert_cmpstr (tpt_rating_get_persona (rating), ==, id_of (f->dana));
  g_assert_cmpstr (tpt_rating_get_need (rating), ==, id_of (f->status));
  g_assert_cmpint (tpt_rating_get_importance (rating), ==, 9);
  g_assert_cmpint (tpt_rating_get_satisfaction (rating), ==, 3);
  g_assert_cmpint (tpt_rating_get_opportunity (rating), ==, 15);
  rating = tpt_document_get_rating (f->doc, f->sam, f->status);
  g_assert_cmpint (tpt_rating_get_opportunity (rating), ==, 6);
  rating = tpt_document_get_rating (f->doc, f->dana, f->speed);
  g_assert_cmpint (tpt_rating_get_satisfaction (rating), ==, -1);
  g_assert_cmpint (tpt_rating_get_opportunity (rating), ==, -1);
  rating = tpt_document_get_rating (f->doc, f->sam, f->fair);
  g_assert_cmpint (tpt_rating_get_opportunity (rating), ==, 5);
  g_assert_null (tpt_document_get_rating (f->doc, f->sam, f->speed));

  /* A new cell is appended to the matrix. */
  ONE_STEP (f, "Rate Need", tpt_document_set_rating (f->doc, f->sam, f->speed, -1, 4));
  l1 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l1, ==, "(4,0,1)(4,1,0)(4,0,1)");
  rating = tpt_document_get_rating (f->doc, f->sam, f->speed);
  g_assert_cmpint (tpt_rating_get_importance (rating), ==, -1);
  g_assert_cmpint (tpt_rating_get_satisfaction (rating), ==, 4);
  g_assert_cmpint (tpt_rating_get_opportunity (rating), ==, -1);

  /* Updating a cell changes the rating in place. */
  g_signal_connect (rating, "notify::importance", G_CALLBACK (count_cb), &notified);
  ONE_STEP (f, "Rate Need", tpt_document_set_rating (f->doc, f->sam, f->speed, 10, 0));
  g_assert_true (tpt_document_get_rating (f->doc, f->sam, f->speed) == rating);
  g_assert_cmpint (tpt_rating_get_opportunity (rating), ==, 20);
  g_assert_cmpuint (notified, ==, 3);
  l2 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l2, ==, "");
  g_signal_handlers_disconnect_by_data (rating, &notified);
  NO_STEP (f, tpt_document_set_rating (f->doc, f->sam, f->speed, 10, 0));

  ONE_STEP (f, "Rate Need", tpt_document_set_rating (f->doc, f->sam, f->speed, 0, 0));
  g_assert_cmpint (tpt_rating_get_opportunity (rating), ==, 0);

  /* Unsetting both takes the cell out of the matrix. */
  ONE_STEP (f, "Rate Need", tpt_document_set_rating (f->doc, f->dana, f->status, -1, -1));
  g_assert_null (tpt_document_get_rating (f->doc, f->dana, f->status));
  l3 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l3, ==, "(0,1,0)(0,0,1)(0,1,0)");
  NO_STEP (f, tpt_document_set_rating (f->doc, f->dana, f->status, -1, -1));

  NO_STEP (f, EXPECT_CRITICAL ("tpt-document",
                               tpt_document_set_rating (f->doc, f->sam, f->fair, 11, 0)));
  NO_STEP (f, EXPECT_CRITICAL ("tpt-document",
                               tpt_document_set_rating (f->doc, f->sam, f->fair, 5, -2)));

  /* The rating setters on their own. */
  rating = tpt_document_get_rating (f->doc, f->sam, f->fair);
  ONE_STEP (f, "Edit", EDIT (f, tpt_rating_set_importance (rating, 7)));
  ONE_STEP (f, "Edit", EDIT (f, tpt_rating_set_satisfaction (rating, 2)));
  g_assert_cmpint (tpt_rating_get_opportunity (rating), ==, 12);

  tpt_test_list_log_stop (&log);
}

static void
test_document_blueprints (Fixture       *f,
                          gconstpointer  data)
{
  GListModel *blueprints = tpt_document_get_blueprints (f->doc);
  g_autoptr(TptBlueprint) second = tpt_blueprint_new (f->doc);
  g_autoptr(TptBlueprint) third = tpt_blueprint_new (f->doc);
  TptTestListLog log;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *titles = NULL;

  g_assert_true (g_list_model_get_item_type (blueprints) == TPT_TYPE_BLUEPRINT);
  tpt_blueprint_set_title (second, "Renewals");
  tpt_blueprint_set_title (third, "Cancellations");
  tpt_test_list_log_start (&log, blueprints);

  ONE_STEP (f, "Add Blueprint", tpt_document_insert_blueprint (f->doc, 0, second));
  ONE_STEP (f, "Add Blueprint", tpt_document_insert_blueprint (f->doc, 2, third));
  l1 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l1, ==, "(0,0,1)(0,1,0)(0,0,1)" "(2,0,1)(2,1,0)(2,0,1)");
  titles = list_text (blueprints, "title");
  g_assert_cmpstr (titles, ==, "Renewals|Claims|Cancellations");
  g_clear_pointer (&titles, g_free);

  ONE_STEP (f, "Move Blueprint", tpt_document_move_blueprint (f->doc, second, 3));
  titles = list_text (blueprints, "title");
  g_assert_cmpstr (titles, ==, "Claims|Cancellations|Renewals");
  g_clear_pointer (&titles, g_free);
  g_free (tpt_test_list_log_take (&log));

  /* Blueprints based on a deleted one forget it, in the same step. */
  tpt_document_begin (f->doc, "Base");
  tpt_blueprint_set_state (third, TPT_BLUEPRINT_STATE_FUTURE);
  tpt_document_end (f->doc);
  g_assert_cmpint (tpt_blueprint_get_state (third), ==, TPT_BLUEPRINT_STATE_FUTURE);
  {
    TptBlueprint *future = tpt_document_duplicate_as_future (f->doc, f->bp);

    g_assert_cmpstr (tpt_blueprint_get_based_on (future), ==, id_of (f->bp));
    ONE_STEP (f, "Delete Blueprint", tpt_document_remove_blueprint (f->doc, f->bp));
    g_assert_cmpstr (tpt_blueprint_get_based_on (future), ==, "");
    g_assert_null (tpt_document_lookup (f->doc, id_of (f->call)));
    l2 = tpt_test_list_log_take (&log);
    /* The duplicate went in after Claims; then Claims went, came back, went. */
    g_assert_cmpstr (l2, ==, "(1,0,1)" "(0,1,0)(0,0,1)(0,1,0)");
  }
  g_assert_true (tpt_history_undo (f->history));

  tpt_test_list_log_stop (&log);
}

/* Describes a blueprint with every reference written as an index within it,
 * so that a copy with fresh ids describes the same. */
static int
index_in (GListModel *model,
          const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(TptNode) node = g_list_model_get_item (model, i);

      if (g_strcmp0 (tpt_node_get_id (node), id) == 0)
        return (int)i;
    }
  return -1;
}

static char *
describe_blueprint (TptBlueprint *bp)
{
  GListModel *lanes = tpt_blueprint_get_lanes (bp);
  GListModel *stages = tpt_blueprint_get_stages (bp);
  GListModel *cards = tpt_blueprint_get_cards (bp);
  GListModel *flows = tpt_blueprint_get_flows (bp);
  GListModel *emotions = tpt_blueprint_get_emotions (bp);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (lanes); i++)
    {
      g_autoptr(TptLane) lane = g_list_model_get_item (lanes, i);

      g_string_append_printf (out, "lane %d %d %s %s\n", tpt_lane_get_kind (lane),
                              tpt_lane_get_office (lane), tpt_lane_get_persona (lane),
                              tpt_lane_get_title (lane));
    }
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(TptStage) stage = g_list_model_get_item (stages, i);
      GListModel *steps = tpt_stage_get_steps (stage);

      g_string_append_printf (out, "stage %s\n", tpt_stage_get_title (stage));
      for (guint j = 0; j < g_list_model_get_n_items (steps); j++)
        {
          g_autoptr(TptStep) step = g_list_model_get_item (steps, j);

          g_string_append_printf (out, "  step %s %s\n", tpt_step_get_duration (step),
                                  tpt_step_get_title (step));
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (cards, i);
      g_autofree char *serves = strv_text (tpt_card_get_serves (card));
      g_autofree char *concerns = strv_text (tpt_card_get_concerns (card));

      g_string_append_printf (out, "card lane#%d step#%d kind=%d span=%d %s/%s/%s [%s] [%s]\n",
                              index_in (lanes, tpt_card_get_lane (card)),
                              tpt_blueprint_get_step_index (bp, tpt_card_get_step (card)),
                              tpt_card_get_kind (card), tpt_card_get_span (card),
                              tpt_card_get_text (card), tpt_card_get_owner (card),
                              tpt_card_get_channel (card), serves, concerns);
    }
  for (guint i = 0; i < g_list_model_get_n_items (flows); i++)
    {
      g_autoptr(TptFlow) flow = g_list_model_get_item (flows, i);

      g_string_append_printf (out, "flow #%d → #%d arrow=%d\n",
                              index_in (cards, tpt_flow_get_from (flow)),
                              index_in (cards, tpt_flow_get_to (flow)),
                              tpt_flow_get_arrow (flow));
    }
  for (guint i = 0; i < g_list_model_get_n_items (emotions); i++)
    {
      g_autoptr(TptEmotion) emotion = g_list_model_get_item (emotions, i);

      g_string_append_printf (out, "emotion lane#%d step#%d %d\n",
                              index_in (lanes, tpt_emotion_get_lane (emotion)),
                              tpt_blueprint_get_step_index (bp, tpt_emotion_get_step (emotion)),
                              tpt_emotion_get_value (emotion));
    }

  g_assert_null (strstr (out->str, "#-1"));
  return g_string_free (out, FALSE);
}

static void
collect_ids_cb (TptNode  *node,
                gpointer  user_data)
{
  if (tpt_node_get_id (node) != NULL)
    g_hash_table_add (user_data, g_strdup (tpt_node_get_id (node)));
}

static void
test_document_duplicate (Fixture       *f,
                         gconstpointer  data)
{
  GListModel *blueprints = tpt_document_get_blueprints (f->doc);
  g_autoptr(GHashTable) before_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) copy_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(TptBlueprint) other = tpt_blueprint_new (f->doc);
  g_autofree char *original = NULL;
  g_autofree char *copied = NULL;
  g_autofree char *first_dump = NULL;
  g_autofree char *redo_dump = NULL;
  TptBlueprint *copy = NULL;
  GHashTableIter iter;
  gpointer id;

  tpt_blueprint_set_title (other, "Renewals");
  tpt_document_insert_blueprint (f->doc, 1, other);
  EDIT (f, tpt_step_set_duration (f->t1, "PT15M"));
  EDIT (f, tpt_card_set_owner (f->agent, "Call centre"));
  EDIT (f, tpt_card_set_channel (f->agent, "phone"));
  tpt_node_foreach_descendant (TPT_NODE (f->doc), collect_ids_cb, before_ids);
  original = describe_blueprint (f->bp);

  ONE_STEP (f, "Duplicate as Future State",
            copy = tpt_document_duplicate_as_future (f->doc, f->bp));

  /* Right after the original, titled and marked as its future. */
  g_assert_cmpuint (g_list_model_get_n_items (blueprints), ==, 3);
  {
    g_autoptr(TptBlueprint) at1 = g_list_model_get_item (blueprints, 1);
    g_autoptr(TptBlueprint) at2 = g_list_model_get_item (blueprints, 2);

    g_assert_true (at1 == copy);
    g_assert_true (at2 == other);
  }
  g_assert_cmpstr (tpt_blueprint_get_title (copy), ==, "Claims — future state");
  g_assert_cmpint (tpt_blueprint_get_state (copy), ==, TPT_BLUEPRINT_STATE_FUTURE);
  g_assert_cmpint (tpt_blueprint_get_state (f->bp), ==, TPT_BLUEPRINT_STATE_CURRENT);
  g_assert_cmpstr (tpt_blueprint_get_based_on (copy), ==, id_of (f->bp));
  g_assert_cmpstr (tpt_blueprint_get_title (f->bp), ==, "Claims");

  /* The same structure, every reference pointing into the copy. */
  copied = describe_blueprint (copy);
  g_assert_cmpstr (copied, ==, original);

  /* Fresh ids everywhere, none seen before. */
  tpt_node_foreach_descendant (TPT_NODE (copy), collect_ids_cb, copy_ids);
  g_assert_cmpuint (g_hash_table_size (copy_ids), ==, 1 + 6 + 2 + 4 + 7 + 3);
  g_hash_table_iter_init (&iter, copy_ids);
  while (g_hash_table_iter_next (&iter, &id, NULL))
    g_assert_false (g_hash_table_contains (before_ids, id));

  /* Undo takes the copy out whole; redo brings the same copy back. */
  first_dump = dump (f);
  g_assert_true (tpt_history_undo (f->history));
  g_assert_false (tpt_node_is_attached (TPT_NODE (copy)));
  g_assert_true (tpt_history_redo (f->history));
  redo_dump = dump (f);
  g_assert_cmpstr (redo_dump, ==, first_dump);

  /* The copy is independent of the original. */
  {
    TptCard *copied_agent = tpt_document_lookup_typed (f->doc, tpt_flow_get_to (f->f_call_agent),
                                                       TPT_TYPE_CARD);
    g_autoptr(TptCard) first_copied = g_list_model_get_item (tpt_blueprint_get_cards (copy), 0);

    g_assert_true (copied_agent == f->agent);
    EDIT (f, tpt_card_set_text (first_copied, "Uses the app"));
    g_assert_cmpstr (tpt_card_get_text (f->call), ==, "Calls the hotline");
  }

  /* A copy of the copy is based on the copy. */
  {
    TptBlueprint *again = tpt_document_duplicate_as_future (f->doc, copy);

    g_assert_cmpstr (tpt_blueprint_get_based_on (again), ==, id_of (copy));
    g_assert_cmpstr (tpt_blueprint_get_title (again), ==,
                     "Claims — future state — future state");
  }
}

/* Fields by name go through the history like the typed setters. */
static void
test_node_set_value (Fixture       *f,
                     gconstpointer  data)
{
  g_auto(GValue) text = G_VALUE_INIT;
  g_auto(GValue) span = G_VALUE_INIT;
  g_auto(GValue) wrong = G_VALUE_INIT;
  g_autofree char *original = g_strdup (tpt_card_get_text (f->call));

  g_value_init (&text, G_TYPE_STRING);
  g_value_set_string (&text, "Calls the claims line");
  ONE_STEP (f, "Edit Card Text",
            tpt_document_begin (f->doc, "Edit Card Text");
            g_assert_true (tpt_node_set_value (TPT_NODE (f->call), "text", &text));
            tpt_document_end (f->doc));
  g_assert_cmpstr (tpt_card_get_text (f->call), ==, "Calls the claims line");

  g_value_init (&span, G_TYPE_INT);
  g_value_set_int (&span, 3);
  ONE_STEP (f, "Span",
            tpt_document_begin (f->doc, "Span");
            g_assert_true (tpt_node_set_value (TPT_NODE (f->call), "span", &span));
            tpt_document_end (f->doc));
  g_assert_cmpint (tpt_card_get_span (f->call), ==, 3);

  /* No such field, not a field, or a value of another type: refused. */
  g_value_init (&wrong, G_TYPE_BOOLEAN);
  tpt_document_begin (f->doc, "Nothing");
  g_assert_false (tpt_node_set_value (TPT_NODE (f->call), "colour", &text));
  g_assert_false (tpt_node_set_value (TPT_NODE (f->call), "id", &text));
  g_assert_false (tpt_node_set_value (TPT_NODE (f->call), "text", &wrong));
  tpt_document_end (f->doc);
  g_assert_cmpstr (tpt_card_get_text (f->call), ==, "Calls the claims line");

  /* The empty transaction recorded nothing: two steps undo it all. */
  g_assert_true (tpt_history_undo (f->history));
  g_assert_true (tpt_history_undo (f->history));
  g_assert_cmpstr (tpt_card_get_text (f->call), ==, original);
}

/* A plain duplicate keeps the state, copies the structure and is one step. */
static void
test_document_duplicate_plain (Fixture       *f,
                               gconstpointer  data)
{
  GListModel *blueprints = tpt_document_get_blueprints (f->doc);
  g_autofree char *original = describe_blueprint (f->bp);
  g_autofree char *copied = NULL;
  TptBlueprint *copy = NULL;
  guint before = g_list_model_get_n_items (blueprints);

  ONE_STEP (f, "Duplicate Blueprint", copy = tpt_document_duplicate_blueprint (f->doc, f->bp));

  g_assert_cmpuint (g_list_model_get_n_items (blueprints), ==, before + 1);
  g_assert_cmpstr (tpt_blueprint_get_title (copy), ==, "Claims (copy)");
  g_assert_cmpint (tpt_blueprint_get_state (copy), ==, tpt_blueprint_get_state (f->bp));
  copied = describe_blueprint (copy);
  g_assert_cmpstr (copied, ==, original);

  g_assert_true (tpt_history_undo (f->history));
  g_assert_cmpuint (g_list_model_get_n_items (blueprints), ==, before);
}

static void
test_document_summarize (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *summary = tpt_document_summarize (f->doc);
  g_autofree char *empty_summary = NULL;
  TptDocument *empty = tpt_document_new ();

  g_assert_cmpstr (summary, ==,
                   "1 blueprint (6 lanes, 4 steps, 7 cards, 3 flows), 2 personas, 3 needs, "
                   "4 ratings");
  empty_summary = tpt_document_summarize (empty);
  g_assert_cmpstr (empty_summary, ==,
                   "0 blueprints (0 lanes, 0 steps, 0 cards, 0 flows), 0 personas, 0 needs, "
                   "0 ratings");
  g_assert_finalize_object (empty);
}

/* Blueprints ----------------------------------------------------------------------- */

static void
test_blueprint_fields (Fixture       *f,
                       gconstpointer  data)
{
  guint notified = 0;

  g_signal_connect (f->bp, "notify::title", G_CALLBACK (count_cb), &notified);
  g_assert_cmpstr (tpt_blueprint_get_title (f->bp), ==, "Claims");
  g_assert_cmpint (tpt_blueprint_get_state (f->bp), ==, TPT_BLUEPRINT_STATE_CURRENT);
  g_assert_cmpstr (tpt_blueprint_get_based_on (f->bp), ==, "");

  ONE_STEP (f, "Edit", EDIT (f, tpt_blueprint_set_title (f->bp, "Claims today")));
  g_assert_cmpstr (tpt_blueprint_get_title (f->bp), ==, "Claims today");
  g_assert_cmpuint (notified, ==, 3);
  ONE_STEP (f, "Edit", EDIT (f, tpt_blueprint_set_state (f->bp, TPT_BLUEPRINT_STATE_FUTURE)));
  g_assert_cmpint (tpt_blueprint_get_state (f->bp), ==, TPT_BLUEPRINT_STATE_FUTURE);
  NO_STEP (f, EDIT (f, tpt_blueprint_set_state (f->bp, TPT_BLUEPRINT_STATE_FUTURE)));

  g_signal_handlers_disconnect_by_data (f->bp, &notified);
}

static void
test_blueprint_lanes (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *lanes = tpt_blueprint_get_lanes (f->bp);
  g_autoptr(TptLane) pain = tpt_lane_new (f->doc);
  TptTestListLog log;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *titles = NULL;

  g_assert_true (g_list_model_get_item_type (lanes) == TPT_TYPE_LANE);
  tpt_lane_set_kind (pain, TPT_LANE_KIND_PAIN);
  tpt_lane_set_title (pain, "Pain points");
  tpt_test_list_log_start (&log, lanes);

  ONE_STEP (f, "Add Lane", tpt_blueprint_insert_lane (f->bp, 2, pain));
  ONE_STEP (f, "Move Lane", tpt_blueprint_move_lane (f->bp, pain, 7));
  l1 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l1, ==, "(2,0,1)(2,1,0)(2,0,1)" "(2,1,0)(6,0,1)(6,1,0)(2,0,1)(2,1,0)(6,0,1)");
  titles = list_text (lanes, "title");
  g_assert_cmpstr (titles, ==, "Physical evidence|Customer|Call centre|Claims handling|Systems|"
                               "How Dana feels|Pain points");
  ONE_STEP (f, "Delete Lane", tpt_blueprint_remove_lane (f->bp, pain));
  l2 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l2, ==, "(6,1,0)(6,0,1)(6,1,0)");
  tpt_test_list_log_stop (&log);
}

static void
test_blueprint_remove_lane_cascade (Fixture       *f,
                                    gconstpointer  data)
{
  GListModel *cards = tpt_blueprint_get_cards (f->bp);
  GListModel *flows = tpt_blueprint_get_flows (f->bp);
  TptTestListLog card_log;
  TptTestListLog flow_log;
  g_autofree char *card_changes = NULL;
  g_autofree char *flow_changes = NULL;
  g_autofree char *texts = NULL;

  tpt_test_list_log_start (&card_log, cards);
  tpt_test_list_log_start (&flow_log, flows);

  /* Its cards go, and the flows to and from them, in one step; undo puts
   * them back where they were, last taken first back. */
  ONE_STEP (f, "Delete Lane", tpt_blueprint_remove_lane (f->bp, f->back));
  texts = all_cards (f->bp);
  g_assert_cmpstr (texts, ==, "Calls the hotline|Waits on hold|Agent cannot find the policy|"
                              "Claims system|Pays out");
  g_assert_cmpuint (g_list_model_get_n_items (flows), ==, 1);
  g_assert_false (tpt_node_is_attached (TPT_NODE (f->log)));
  g_assert_false (tpt_node_is_attached (TPT_NODE (f->f_agent_log)));
  g_assert_true (tpt_node_is_attached (TPT_NODE (f->f_call_agent)));
  g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_emotions (f->bp)), ==, 3);

  card_changes = tpt_test_list_log_take (&card_log);
  g_assert_cmpstr (card_changes, ==,
                   "(4,1,0)(3,1,0)" "(3,0,1)(4,0,1)" "(4,1,0)(3,1,0)");
  flow_changes = tpt_test_list_log_take (&flow_log);
  g_assert_cmpstr (flow_changes, ==,
                   "(2,1,0)(1,1,0)" "(1,0,1)(2,0,1)" "(2,1,0)(1,1,0)");
  tpt_test_list_log_stop (&card_log);
  tpt_test_list_log_stop (&flow_log);

  /* An emotion lane takes its curve with it. */
  ONE_STEP (f, "Delete Lane", tpt_blueprint_remove_lane (f->bp, f->emotion));
  g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_emotions (f->bp)), ==, 0);
}

static void
test_blueprint_stages (Fixture       *f,
                       gconstpointer  data)
{
  GListModel *stages = tpt_blueprint_get_stages (f->bp);
  g_autoptr(TptStage) claim = tpt_stage_new (f->doc);
  TptTestListLog log;
  g_autofree char *l1 = NULL;
  g_autofree char *titles = NULL;
  g_autofree char *texts = NULL;
  int value;

  g_assert_true (g_list_model_get_item_type (stages) == TPT_TYPE_STAGE);
  tpt_stage_set_title (claim, "Claim");
  tpt_test_list_log_start (&log, stages);

  ONE_STEP (f, "Add Stage", tpt_blueprint_insert_stage (f->bp, 1, claim));
  ONE_STEP (f, "Move Stage", tpt_blueprint_move_stage (f->bp, claim, 0));
  ONE_STEP (f, "Edit", EDIT (f, tpt_stage_set_title (claim, "Make a claim")));
  l1 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l1, ==, "(1,0,1)(1,1,0)(1,0,1)" "(1,1,0)(0,0,1)(0,1,0)(1,0,1)(1,1,0)(0,0,1)");
  titles = list_text (stages, "title");
  g_assert_cmpstr (titles, ==, "Make a claim|Report|Settle");
  ONE_STEP (f, "Delete Stage", tpt_blueprint_remove_stage (f->bp, claim));
  tpt_test_list_log_stop (&log);

  /* A stage takes its steps, the cards that start at them (with their
   * flows) and the emotions at them; a card starting before it would
   * shrink, but none does here. */
  ONE_STEP (f, "Delete Stage", tpt_blueprint_remove_stage (f->bp, f->report));
  texts = all_cards (f->bp);
  g_assert_cmpstr (texts, ==, "Checks cover|Pays out");
  g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_flows (f->bp)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_emotions (f->bp)), ==, 1);
  g_assert_true (tpt_blueprint_get_emotion (f->bp, id_of (f->emotion), id_of (f->t4), &value));
  g_assert_cmpint (value, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (stages), ==, 1);
  g_assert_null (tpt_document_lookup (f->doc, id_of (f->t1)));
}

static char *
step_titles (TptBlueprint *bp)
{
  g_autoptr(GPtrArray) steps = tpt_blueprint_list_steps (bp);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < steps->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                            tpt_step_get_title (g_ptr_array_index (steps, i)));
  return g_string_free (out, FALSE);
}

static void
test_blueprint_steps (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *report_steps = tpt_stage_get_steps (f->report);
  GListModel *settle_steps = tpt_stage_get_steps (f->settle);
  g_autoptr(TptStep) decide = tpt_step_new (f->doc);
  TptTestListLog report_log;
  TptTestListLog settle_log;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *titles = NULL;

  g_assert_true (g_list_model_get_item_type (report_steps) == TPT_TYPE_STEP);
  titles = step_titles (f->bp);
  g_assert_cmpstr (titles, ==, "Reports the accident|Gets a claim number|Assessment|Payout");
  g_clear_pointer (&titles, g_free);
  g_assert_cmpint (tpt_blueprint_get_step_index (f->bp, id_of (f->t1)), ==, 0);
  g_assert_cmpint (tpt_blueprint_get_step_index (f->bp, id_of (f->t3)), ==, 2);
  g_assert_cmpint (tpt_blueprint_get_step_index (f->bp, "t99"), ==, -1);
  g_assert_cmpint (tpt_blueprint_get_step_index (f->bp, id_of (f->call)), ==, -1);
  g_assert_true (tpt_blueprint_get_stage_of (f->bp, f->t2) == f->report);
  g_assert_true (tpt_blueprint_get_stage_of (f->bp, f->t4) == f->settle);
  g_assert_null (tpt_blueprint_get_stage_of (f->bp, decide));

  tpt_test_list_log_start (&report_log, report_steps);
  tpt_test_list_log_start (&settle_log, settle_steps);
  tpt_step_set_title (decide, "Decision");

  ONE_STEP (f, "Add Step", tpt_blueprint_insert_step (f->bp, f->settle, 1, decide));
  titles = step_titles (f->bp);
  g_assert_cmpstr (titles, ==, "Reports the accident|Gets a claim number|Assessment|Decision|"
                               "Payout");
  g_clear_pointer (&titles, g_free);

  /* Within a stage. */
  ONE_STEP (f, "Move Step", tpt_blueprint_move_step (f->bp, decide, f->settle, 0));
  titles = step_titles (f->bp);
  g_assert_cmpstr (titles, ==, "Reports the accident|Gets a claim number|Decision|Assessment|"
                               "Payout");
  g_clear_pointer (&titles, g_free);

  /* Across stages; the position is in the new stage. */
  ONE_STEP (f, "Move Step", tpt_blueprint_move_step (f->bp, decide, f->report, 1));
  titles = step_titles (f->bp);
  g_assert_cmpstr (titles, ==, "Reports the accident|Decision|Gets a claim number|Assessment|"
                               "Payout");
  g_clear_pointer (&titles, g_free);
  g_assert_true (tpt_blueprint_get_stage_of (f->bp, decide) == f->report);
  g_assert_true (tpt_node_get_parent (TPT_NODE (decide)) == TPT_NODE (f->report));

  /* Across stages, past the end: at the end. */
  ONE_STEP (f, "Move Step", tpt_blueprint_move_step (f->bp, f->t1, f->settle, 99));
  titles = step_titles (f->bp);
  g_assert_cmpstr (titles, ==, "Decision|Gets a claim number|Assessment|Payout|"
                               "Reports the accident");
  g_clear_pointer (&titles, g_free);
  g_assert_true (tpt_history_undo (f->history));

  l1 = tpt_test_list_log_take (&report_log);
  g_assert_cmpstr (l1, ==,
                   /* move across: out of settle, into report; undo; redo */
                   "(1,0,1)(1,1,0)(1,0,1)"
                   /* t1 out to settle; undo; redo; undo */
                   "(0,1,0)(0,0,1)(0,1,0)(0,0,1)");
  l2 = tpt_test_list_log_take (&settle_log);
  g_assert_cmpstr (l2, ==,
                   "(1,0,1)(1,1,0)(1,0,1)"
                   "(1,1,0)(0,0,1)(0,1,0)(1,0,1)(1,1,0)(0,0,1)"
                   "(0,1,0)(0,0,1)(0,1,0)"
                   "(2,0,1)(2,1,0)(2,0,1)(2,1,0)");
  tpt_test_list_log_stop (&report_log);
  tpt_test_list_log_stop (&settle_log);

  ONE_STEP (f, "Edit", EDIT (f, tpt_step_set_title (decide, "Decides")));
  g_assert_cmpstr (tpt_step_get_title (decide), ==, "Decides");
  ONE_STEP (f, "Delete Step", tpt_blueprint_remove_step (f->bp, decide));
}

static void
test_blueprint_remove_step_cascade (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *texts = NULL;
  int value;

  /* Cards starting at t2 go, with their flows; cards spanning across it
   * shrink by one; its emotion goes. */
  ONE_STEP (f, "Delete Step", tpt_blueprint_remove_step (f->bp, f->t2));
  texts = all_cards (f->bp);
  g_assert_cmpstr (texts, ==, "Calls the hotline|Agent cannot find the policy|Checks cover|"
                              "Claims system|Pays out");
  g_assert_cmpint (tpt_card_get_span (f->agent), ==, 1);
  g_assert_cmpint (tpt_card_get_span (f->sys), ==, 3);
  g_assert_cmpint (tpt_card_get_span (f->call), ==, 1);
  g_assert_cmpint (tpt_card_get_span (f->check), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_flows (f->bp)), ==, 1);
  g_assert_false (tpt_blueprint_get_emotion (f->bp, id_of (f->emotion), id_of (f->t2), NULL));
  g_assert_true (tpt_blueprint_get_emotion (f->bp, id_of (f->emotion), id_of (f->t1), &value));
  g_assert_cmpint (value, ==, -1);

  /* The last step of a wide card's span. */
  ONE_STEP (f, "Delete Step", tpt_blueprint_remove_step (f->bp, f->t4));
  g_assert_cmpint (tpt_card_get_span (f->sys), ==, 2);
  g_assert_false (tpt_node_is_attached (TPT_NODE (f->pay)));
}

static void
test_blueprint_cards (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *cards = tpt_blueprint_get_cards (f->bp);
  g_autoptr(TptCard) a = tpt_card_new (f->doc);
  g_autoptr(TptCard) b = tpt_card_new (f->doc);
  g_autoptr(TptCard) c = tpt_card_new (f->doc);
  TptTestListLog log;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *cell = NULL;

  g_assert_true (g_list_model_get_item_type (cards) == TPT_TYPE_CARD);
  tpt_card_set_text (a, "A");
  tpt_card_set_text (b, "B");
  tpt_card_set_text (c, "C");
  tpt_test_list_log_start (&log, cards);

  /* Into an empty cell: at the end of the list. */
  ONE_STEP (f, "Add Card", tpt_blueprint_add_card (f->bp, a, f->evidence, f->t3, 0));
  g_assert_cmpstr (tpt_card_get_lane (a), ==, id_of (f->evidence));
  g_assert_cmpstr (tpt_card_get_step (a), ==, id_of (f->t3));
  /* Last in the cell. */
  ONE_STEP (f, "Add Card", tpt_blueprint_add_card (f->bp, b, f->evidence, f->t3, G_MAXUINT));
  /* First in the cell: before A in the list. */
  ONE_STEP (f, "Add Card", tpt_blueprint_add_card (f->bp, c, f->evidence, f->t3, 0));
  cell = cards_in (f, f->evidence, f->t3);
  g_assert_cmpstr (cell, ==, "C|A|B");
  g_clear_pointer (&cell, g_free);
  l1 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l1, ==, "(7,0,1)(7,1,0)(7,0,1)" "(8,0,1)(8,1,0)(8,0,1)"
                           "(7,0,1)(7,1,0)(7,0,1)");

  /* Within the cell, index_in_cell is the place among the others. */
  ONE_STEP (f, "Move Card", tpt_blueprint_move_card (f->bp, c, f->evidence, f->t3, 1));
  cell = cards_in (f, f->evidence, f->t3);
  g_assert_cmpstr (cell, ==, "A|C|B");
  g_clear_pointer (&cell, g_free);
  ONE_STEP (f, "Move Card", tpt_blueprint_move_card (f->bp, c, f->evidence, f->t3, G_MAXUINT));
  cell = cards_in (f, f->evidence, f->t3);
  g_assert_cmpstr (cell, ==, "A|B|C");
  g_clear_pointer (&cell, g_free);
  ONE_STEP (f, "Move Card", tpt_blueprint_move_card (f->bp, b, f->evidence, f->t3, 0));
  cell = cards_in (f, f->evidence, f->t3);
  g_assert_cmpstr (cell, ==, "B|A|C");
  g_clear_pointer (&cell, g_free);
  /* To where it is: nothing. */
  NO_STEP (f, tpt_blueprint_move_card (f->bp, a, f->evidence, f->t3, 1));
  NO_STEP (f, tpt_blueprint_move_card (f->bp, c, f->evidence, f->t3, 2));
  NO_STEP (f, tpt_blueprint_move_card (f->bp, c, f->evidence, f->t3, G_MAXUINT));

  /* Across cells: the card takes its new lane and step. */
  ONE_STEP (f, "Move Card", tpt_blueprint_move_card (f->bp, a, f->customer, f->t1, 0));
  g_assert_cmpstr (tpt_card_get_lane (a), ==, id_of (f->customer));
  g_assert_cmpstr (tpt_card_get_step (a), ==, id_of (f->t1));
  cell = cards_in (f, f->customer, f->t1);
  g_assert_cmpstr (cell, ==, "A|Calls the hotline");
  g_clear_pointer (&cell, g_free);
  cell = cards_in (f, f->evidence, f->t3);
  g_assert_cmpstr (cell, ==, "B|C");
  g_clear_pointer (&cell, g_free);
  ONE_STEP (f, "Move Card", tpt_blueprint_move_card (f->bp, f->call, f->back, f->t2, 1));
  cell = cards_in (f, f->back, f->t2);
  g_assert_cmpstr (cell, ==, "Logs the claim|Calls the hotline");
  g_clear_pointer (&cell, g_free);
  /* Into an empty cell. */
  ONE_STEP (f, "Move Card", tpt_blueprint_move_card (f->bp, f->pay, f->evidence, f->t1, 5));
  cell = cards_in (f, f->evidence, f->t1);
  g_assert_cmpstr (cell, ==, "Pays out");
  g_clear_pointer (&cell, g_free);
  cell = cards_in (f, f->support, f->t4);
  g_assert_cmpstr (cell, ==, "");
  g_clear_pointer (&cell, g_free);
  g_free (tpt_test_list_log_take (&log));

  /* Deleting takes the flows to and from the card along, in one step. */
  ONE_STEP (f, "Delete Card", tpt_blueprint_remove_card (f->bp, f->log));
  g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_flows (f->bp)), ==, 1);
  g_assert_true (tpt_node_is_attached (TPT_NODE (f->f_call_agent)));
  l2 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l2, ==, "(3,1,0)(3,0,1)(3,1,0)");

  tpt_test_list_log_stop (&log);

  /* Many at once, as Ctrl+A then Delete does: one step, their flows along,
   * and undo brings back the very document (check_one_step). */
  {
    g_autoptr(GPtrArray) doomed = g_ptr_array_new ();
    guint n_cards = g_list_model_get_n_items (tpt_blueprint_get_cards (f->bp));

    g_ptr_array_add (doomed, f->call);
    g_ptr_array_add (doomed, f->pay);
    ONE_STEP (f, "Delete Cards", tpt_blueprint_remove_cards (f->bp, doomed));
    g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_cards (f->bp)), ==,
                      n_cards - 2);
    g_assert_false (tpt_node_is_attached (TPT_NODE (f->call)));
    g_assert_false (tpt_node_is_attached (TPT_NODE (f->f_call_agent)));
    g_assert_cmpuint (g_list_model_get_n_items (tpt_blueprint_get_flows (f->bp)), ==, 0);
    g_assert_true (tpt_history_undo (f->history));
    g_assert_true (tpt_node_is_attached (TPT_NODE (f->f_call_agent)));
  }
}

static void
test_blueprint_flows (Fixture       *f,
                      gconstpointer  data)
{
  GListModel *flows = tpt_blueprint_get_flows (f->bp);
  TptFlow *flow = NULL;
  TptTestListLog log;
  g_autofree char *l1 = NULL;

  g_assert_true (g_list_model_get_item_type (flows) == TPT_TYPE_FLOW);
  g_assert_cmpstr (tpt_flow_get_from (f->f_agent_log), ==, id_of (f->agent));
  g_assert_cmpstr (tpt_flow_get_to (f->f_agent_log), ==, id_of (f->log));
  g_assert_cmpint (tpt_flow_get_arrow (f->f_agent_log), ==, TPT_ARROW_DOUBLE);
  tpt_test_list_log_start (&log, flows);

  ONE_STEP (f, "Add Flow",
            flow = tpt_blueprint_add_flow (f->bp, f->check, f->pay, TPT_ARROW_DOUBLE));
  g_assert_cmpstr (id_of (flow), ==, "f4");
  g_assert_cmpstr (tpt_flow_get_from (flow), ==, id_of (f->check));
  g_assert_cmpstr (tpt_flow_get_to (flow), ==, id_of (f->pay));
  g_assert_cmpint (tpt_flow_get_arrow (flow), ==, TPT_ARROW_DOUBLE);
  ONE_STEP (f, "Edit", EDIT (f, tpt_flow_set_arrow (flow, TPT_ARROW_SINGLE)));
  g_assert_cmpint (tpt_flow_get_arrow (flow), ==, TPT_ARROW_SINGLE);
  ONE_STEP (f, "Delete Flow", tpt_blueprint_remove_flow (f->bp, f->f_call_agent));
  l1 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l1, ==, "(3,0,1)(3,1,0)(3,0,1)" "(0,1,0)(0,0,1)(0,1,0)");

  NO_STEP (f, EXPECT_CRITICAL ("tpt-blueprint",
                               flow = tpt_blueprint_add_flow (f->bp, f->call, f->call,
                                                              TPT_ARROW_SINGLE)));
  g_assert_null (flow);
  tpt_test_list_log_stop (&log);
}

static void
test_blueprint_emotions (Fixture       *f,
                         gconstpointer  data)
{
  GListModel *emotions = tpt_blueprint_get_emotions (f->bp);
  g_autoptr(TptEmotion) at_t1 = g_list_model_get_item (emotions, 0);
  TptTestListLog log;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  guint notified = 0;
  int value = 99;

  g_assert_true (g_list_model_get_item_type (emotions) == TPT_TYPE_EMOTION);
  g_assert_cmpstr (tpt_emotion_get_lane (at_t1), ==, id_of (f->emotion));
  g_assert_cmpstr (tpt_emotion_get_step (at_t1), ==, id_of (f->t1));
  g_assert_cmpint (tpt_emotion_get_value (at_t1), ==, -1);
  g_assert_false (tpt_blueprint_get_emotion (f->bp, id_of (f->emotion), id_of (f->t3), &value));
  g_assert_cmpint (value, ==, 99);
  g_assert_true (tpt_blueprint_get_emotion (f->bp, id_of (f->emotion), id_of (f->t2), NULL));

  tpt_test_list_log_start (&log, emotions);
  g_signal_connect (at_t1, "notify::value", G_CALLBACK (count_cb), &notified);

  /* A new value is appended; an existing one changes in place. */
  ONE_STEP (f, "Set Emotion", tpt_blueprint_set_emotion (f->bp, f->emotion, f->t3, 2));
  g_assert_true (tpt_blueprint_get_emotion (f->bp, id_of (f->emotion), id_of (f->t3), &value));
  g_assert_cmpint (value, ==, 2);
  ONE_STEP (f, "Set Emotion", tpt_blueprint_set_emotion (f->bp, f->emotion, f->t1, 0));
  g_assert_cmpint (tpt_emotion_get_value (at_t1), ==, 0);
  g_assert_cmpuint (notified, ==, 3);
  NO_STEP (f, tpt_blueprint_set_emotion (f->bp, f->emotion, f->t1, 0));
  l1 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l1, ==, "(3,0,1)(3,1,0)(3,0,1)");

  ONE_STEP (f, "Clear Emotion", tpt_blueprint_clear_emotion (f->bp, f->emotion, f->t2));
  g_assert_false (tpt_blueprint_get_emotion (f->bp, id_of (f->emotion), id_of (f->t2), NULL));
  NO_STEP (f, tpt_blueprint_clear_emotion (f->bp, f->emotion, f->t2));
  l2 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l2, ==, "(1,1,0)(1,0,1)(1,1,0)");

  NO_STEP (f, EXPECT_CRITICAL ("tpt-blueprint",
                               tpt_blueprint_set_emotion (f->bp, f->emotion, f->t1, 3)));
  NO_STEP (f, EXPECT_CRITICAL ("tpt-blueprint",
                               tpt_blueprint_set_emotion (f->bp, f->emotion, f->t1, -3)));

  g_signal_handlers_disconnect_by_data (at_t1, &notified);
  tpt_test_list_log_stop (&log);
}

/* Cards, personas, steps, lanes, facts ----------------------------------------------- */

static void
test_card_fields (Fixture       *f,
                  gconstpointer  data)
{
  const char *serves[] = { "n2", "n3", NULL };
  const char *concerns[] = { "p2", NULL };
  const char *none[] = { NULL };
  NodeChanged changed = { 0 };
  guint notified = 0;
  g_autofree char *text = NULL;

  g_signal_connect (f->call, "notify::text", G_CALLBACK (count_cb), &notified);
  g_signal_connect (f->doc, "node-changed::text", G_CALLBACK (node_changed_cb), &changed);

  g_assert_cmpstr (tpt_card_get_lane (f->call), ==, id_of (f->customer));
  g_assert_cmpstr (tpt_card_get_step (f->call), ==, id_of (f->t1));
  g_assert_cmpint (tpt_card_get_kind (f->agent), ==, TPT_CARD_KIND_FAIL);
  g_assert_cmpint (tpt_card_get_span (f->agent), ==, 2);
  g_assert_cmpstr (tpt_card_get_owner (f->call), ==, "");
  g_assert_cmpstr (tpt_card_get_channel (f->call), ==, "");

  ONE_STEP (f, "Edit", EDIT (f, tpt_card_set_text (f->call, "Calls from the roadside")));
  g_assert_cmpstr (tpt_card_get_text (f->call), ==, "Calls from the roadside");
  g_assert_cmpuint (notified, ==, 3);
  g_assert_cmpuint (changed.count, ==, 3);
  g_assert_true (changed.node == TPT_NODE (f->call));

  ONE_STEP (f, "Edit", EDIT (f, tpt_card_set_kind (f->call, TPT_CARD_KIND_WAIT)));
  g_assert_cmpint (tpt_card_get_kind (f->call), ==, TPT_CARD_KIND_WAIT);
  ONE_STEP (f, "Edit", EDIT (f, tpt_card_set_span (f->call, 3)));
  g_assert_cmpint (tpt_card_get_span (f->call), ==, 3);
  ONE_STEP (f, "Edit", EDIT (f, tpt_card_set_owner (f->call, "Customer")));
  g_assert_cmpstr (tpt_card_get_owner (f->call), ==, "Customer");
  ONE_STEP (f, "Edit", EDIT (f, tpt_card_set_channel (f->call, "phone")));
  g_assert_cmpstr (tpt_card_get_channel (f->call), ==, "phone");
  ONE_STEP (f, "Edit", EDIT (f, tpt_card_set_serves (f->call, serves)));
  text = strv_text (tpt_card_get_serves (f->call));
  g_assert_cmpstr (text, ==, "n2,n3");
  g_clear_pointer (&text, g_free);
  ONE_STEP (f, "Edit", EDIT (f, tpt_card_set_concerns (f->call, concerns)));
  text = strv_text (tpt_card_get_concerns (f->call));
  g_assert_cmpstr (text, ==, "p2");
  g_clear_pointer (&text, g_free);
  NO_STEP (f, EDIT (f, tpt_card_set_concerns (f->call, concerns)));

  /* An empty list and no list are one value, read as an empty list. */
  ONE_STEP (f, "Edit", EDIT (f, tpt_card_set_serves (f->call, none)));
  g_assert_nonnull (tpt_card_get_serves (f->call));
  g_assert_null (tpt_card_get_serves (f->call)[0]);
  NO_STEP (f, EDIT (f, tpt_card_set_serves (f->call, NULL)));

  /* A span is at least one step. */
  NO_STEP (f, EDIT (f, EXPECT_CRITICAL ("tpt-card", tpt_card_set_span (f->call, 0))));
  NO_STEP (f, EDIT (f, EXPECT_CRITICAL ("tpt-card", tpt_card_set_span (f->call, -4))));
  g_assert_cmpint (tpt_card_get_span (f->call), ==, 3);

  g_signal_handlers_disconnect_by_data (f->call, &notified);
  g_signal_handlers_disconnect_by_data (f->doc, &changed);
}

static void
test_lane_fields (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_cmpstr (tpt_lane_get_title (f->front), ==, "Call centre");
  g_assert_cmpint (tpt_lane_get_kind (f->front), ==, TPT_LANE_KIND_FRONTSTAGE);
  g_assert_cmpint (tpt_lane_get_office (f->front), ==, TPT_OFFICE_FRONT);
  g_assert_cmpstr (tpt_lane_get_persona (f->front), ==, "");
  g_assert_cmpstr (tpt_lane_get_persona (f->emotion), ==, id_of (f->dana));

  ONE_STEP (f, "Edit", EDIT (f, tpt_lane_set_title (f->front, "Agents")));
  g_assert_cmpstr (tpt_lane_get_title (f->front), ==, "Agents");
  ONE_STEP (f, "Edit", EDIT (f, tpt_lane_set_kind (f->front, TPT_LANE_KIND_POLICY)));
  g_assert_cmpint (tpt_lane_get_kind (f->front), ==, TPT_LANE_KIND_POLICY);
  ONE_STEP (f, "Edit", EDIT (f, tpt_lane_set_office (f->front, TPT_OFFICE_NONE)));
  g_assert_cmpint (tpt_lane_get_office (f->front), ==, TPT_OFFICE_NONE);
  ONE_STEP (f, "Edit", EDIT (f, tpt_lane_set_persona (f->emotion, id_of (f->sam))));
  g_assert_cmpstr (tpt_lane_get_persona (f->emotion), ==, id_of (f->sam));
}

static void
test_step_duration (Fixture       *f,
                    gconstpointer  data)
{
  static const char *invalid[] = { "15 minutes", "P", "PT", "15M", "P1.5D", "PTM", "p2d" };

  g_assert_cmpstr (tpt_step_get_duration (f->t1), ==, "");
  ONE_STEP (f, "Edit", EDIT (f, tpt_step_set_duration (f->t1, "PT15M")));
  g_assert_cmpstr (tpt_step_get_duration (f->t1), ==, "PT15M");
  ONE_STEP (f, "Edit", EDIT (f, tpt_step_set_duration (f->t1, "P1DT2H30M")));
  ONE_STEP (f, "Edit", EDIT (f, tpt_step_set_duration (f->t1, "")));
  g_assert_cmpstr (tpt_step_get_duration (f->t1), ==, "");
  ONE_STEP (f, "Edit", EDIT (f, tpt_step_set_duration (f->t1, "P2W")));
  ONE_STEP (f, "Edit", EDIT (f, tpt_step_set_duration (f->t1, NULL)));
  g_assert_cmpstr (tpt_step_get_duration (f->t1), ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    NO_STEP (f, EDIT (f, EXPECT_CRITICAL ("tpt-step",
                                          tpt_step_set_duration (f->t1, invalid[i]))));

  /* A step still being built refuses them too. */
  {
    g_autoptr(TptStep) step = tpt_step_new (NULL);

    EXPECT_CRITICAL ("tpt-step", tpt_step_set_duration (step, "PT"));
    g_assert_cmpstr (tpt_step_get_duration (step), ==, "");
    tpt_step_set_duration (step, "PT0S");
    g_assert_cmpstr (tpt_step_get_duration (step), ==, "PT0S");
  }
}

static void
test_persona_fields (Fixture       *f,
                     gconstpointer  data)
{
  static const char *bad_colors[] = { "blue", "#12345", "#1234567", "#12345g", "3584e4", "" };
  const char *goals[] = { "Sort it out at 11 pm", "Never call", NULL };
  const char *one[] = { "Online", NULL };
  g_autofree char *text = NULL;

  g_assert_cmpstr (tpt_persona_get_name (f->dana), ==, "Dana Ortiz");
  g_assert_cmpstr (tpt_persona_get_color (f->dana), ==, "#3584e4");
  g_assert_cmpstr (tpt_persona_get_role (f->dana), ==, "");
  g_assert_null (tpt_persona_get_photo (f->dana));
  g_assert_cmpstr (tpt_persona_get_photo_type (f->dana), ==, "");
  g_assert_null (tpt_persona_get_goals (f->dana)[0]);

  ONE_STEP (f, "Edit", EDIT (f, tpt_persona_set_name (f->dana, "Dana")));
  g_assert_cmpstr (tpt_persona_get_name (f->dana), ==, "Dana");
  ONE_STEP (f, "Edit", EDIT (f, tpt_persona_set_role (f->dana, "Builder")));
  g_assert_cmpstr (tpt_persona_get_role (f->dana), ==, "Builder");
  ONE_STEP (f, "Edit", EDIT (f, tpt_persona_set_segment (f->dana, "Self-directed")));
  g_assert_cmpstr (tpt_persona_get_segment (f->dana), ==, "Self-directed");
  ONE_STEP (f, "Edit", EDIT (f, tpt_persona_set_quote (f->dana, "Let me sort it out.")));
  g_assert_cmpstr (tpt_persona_get_quote (f->dana), ==, "Let me sort it out.");
  ONE_STEP (f, "Edit", EDIT (f, tpt_persona_set_goals (f->dana, goals)));
  text = strv_text (tpt_persona_get_goals (f->dana));
  g_assert_cmpstr (text, ==, "Sort it out at 11 pm,Never call");
  g_clear_pointer (&text, g_free);
  ONE_STEP (f, "Edit", EDIT (f, tpt_persona_set_frustrations (f->dana, one)));
  g_assert_cmpstr (tpt_persona_get_frustrations (f->dana)[0], ==, "Online");
  ONE_STEP (f, "Edit", EDIT (f, tpt_persona_set_behaviours (f->dana, one)));
  g_assert_cmpstr (tpt_persona_get_behaviours (f->dana)[0], ==, "Online");
  ONE_STEP (f, "Edit", EDIT (f, tpt_persona_set_channels (f->dana, one)));
  g_assert_cmpstr (tpt_persona_get_channels (f->dana)[0], ==, "Online");

  ONE_STEP (f, "Edit", EDIT (f, tpt_persona_set_color (f->dana, "#C01C28")));
  g_assert_cmpstr (tpt_persona_get_color (f->dana), ==, "#C01C28");
  for (guint i = 0; i < G_N_ELEMENTS (bad_colors); i++)
    NO_STEP (f, EDIT (f, EXPECT_CRITICAL ("tpt-persona",
                                          tpt_persona_set_color (f->dana, bad_colors[i]))));
  NO_STEP (f, EDIT (f, EXPECT_CRITICAL ("tpt-persona", tpt_persona_set_color (f->dana, NULL))));
  g_assert_cmpstr (tpt_persona_get_color (f->dana), ==, "#C01C28");
}

static GBytes *
make_photo (guint8 tail)
{
  static const guint8 png[] = {
    0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
    0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0,
    0x1f, 0x15, 0xc4, 0x89,
  };
  GByteArray *array = g_byte_array_new ();

  g_byte_array_append (array, png, sizeof png);
  g_byte_array_append (array, &tail, 1);
  return g_byte_array_free_to_bytes (array);
}

static void
test_persona_photo (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) photo = make_photo (1);
  g_autoptr(GBytes) other = make_photo (2);
  g_autoptr(GBytes) nothing = g_bytes_new (NULL, 0);
  g_autoptr(TptHistoryEntry) entry = NULL;
  g_autoptr(TptPersona) loose = tpt_persona_new (f->doc);

  ONE_STEP (f, "Change Photo", tpt_persona_set_photo (f->dana, photo, "image/png"));
  g_assert_true (g_bytes_equal (tpt_persona_get_photo (f->dana), photo));
  g_assert_cmpstr (tpt_persona_get_photo_type (f->dana), ==, "image/png");
  /* Two changes, the bytes and the type, in one step. */
  entry = g_list_model_get_item (G_LIST_MODEL (f->history), 0);
  g_assert_cmpuint (tpt_history_entry_get_n_changes (entry), ==, 2);
  g_clear_object (&entry);

  /* The same image with another type is one change. */
  ONE_STEP (f, "Change Photo", tpt_persona_set_photo (f->dana, photo, "image/jpeg"));
  entry = g_list_model_get_item (G_LIST_MODEL (f->history), 1);
  g_assert_cmpuint (tpt_history_entry_get_n_changes (entry), ==, 1);
  g_clear_object (&entry);
  ONE_STEP (f, "Change Photo", tpt_persona_set_photo (f->dana, other, "image/png"));
  NO_STEP (f, tpt_persona_set_photo (f->dana, other, "image/png"));

  ONE_STEP (f, "Remove Photo", tpt_persona_set_photo (f->dana, NULL, NULL));
  g_assert_null (tpt_persona_get_photo (f->dana));
  g_assert_cmpstr (tpt_persona_get_photo_type (f->dana), ==, "");
  NO_STEP (f, tpt_persona_set_photo (f->dana, nothing, "image/png"));

  /* Inside a larger transaction it folds in. */
  tpt_document_begin (f->doc, "Import Persona");
  tpt_persona_set_photo (f->dana, photo, "image/png");
  tpt_persona_set_name (f->dana, "Dana O.");
  tpt_document_end (f->doc);
  g_assert_cmpstr (tpt_history_get_undo_label (f->history), ==, "Import Persona");

  /* A photo needs its type. */
  NO_STEP (f, EXPECT_CRITICAL ("tpt-persona", tpt_persona_set_photo (f->sam, photo, NULL)));
  NO_STEP (f, EXPECT_CRITICAL ("tpt-persona", tpt_persona_set_photo (f->sam, photo, "")));

  /* A persona not in the document yet just changes. */
  NO_STEP (f, tpt_persona_set_photo (loose, photo, "image/png"));
  g_assert_true (tpt_persona_get_photo (loose) == photo);
}

static void
test_persona_facts (Fixture       *f,
                    gconstpointer  data)
{
  GListModel *facts = tpt_persona_get_facts (f->dana);
  g_autoptr(TptFact) age = tpt_fact_new (f->doc);
  g_autoptr(TptFact) city = tpt_fact_new (f->doc);
  g_autoptr(TptFact) pets = tpt_fact_new (f->doc);
  g_autoptr(TptPersona) loose = tpt_persona_new (f->doc);
  g_autoptr(TptFact) loose_fact = tpt_fact_new (f->doc);
  TptTestListLog log;
  g_autofree char *l1 = NULL;
  g_autofree char *l2 = NULL;
  g_autofree char *labels = NULL;

  g_assert_true (g_list_model_get_item_type (facts) == TPT_TYPE_FACT);
  tpt_fact_set_label (age, "Age");
  tpt_fact_set_value (age, "42");
  tpt_fact_set_label (city, "Lives in");
  tpt_fact_set_value (city, "Leeds");
  tpt_fact_set_label (pets, "Pets");
  g_assert_cmpstr (tpt_fact_get_label (age), ==, "Age");
  g_assert_cmpstr (tpt_fact_get_value (age), ==, "42");
  g_assert_cmpstr (tpt_fact_get_value (pets), ==, "");
  tpt_test_list_log_start (&log, facts);

  ONE_STEP (f, "Add Fact", tpt_persona_insert_fact (f->dana, 0, age));
  ONE_STEP (f, "Add Fact", tpt_persona_insert_fact (f->dana, 0, city));
  ONE_STEP (f, "Add Fact", tpt_persona_insert_fact (f->dana, 2, pets));
  g_assert_true (tpt_node_get_parent (TPT_NODE (age)) == TPT_NODE (f->dana));
  labels = list_text (facts, "label");
  g_assert_cmpstr (labels, ==, "Lives in|Age|Pets");
  g_clear_pointer (&labels, g_free);

  ONE_STEP (f, "Move Fact", tpt_persona_move_fact (f->dana, city, 3));
  labels = list_text (facts, "label");
  g_assert_cmpstr (labels, ==, "Age|Pets|Lives in");
  g_clear_pointer (&labels, g_free);
  NO_STEP (f, tpt_persona_move_fact (f->dana, city, 3));
  NO_STEP (f, tpt_persona_move_fact (f->dana, city, 2));
  l1 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l1, ==, "(0,0,1)(0,1,0)(0,0,1)" "(0,0,1)(0,1,0)(0,0,1)"
                           "(2,0,1)(2,1,0)(2,0,1)"
                           "(0,1,0)(2,0,1)(2,1,0)(0,0,1)(0,1,0)(2,0,1)");

  ONE_STEP (f, "Edit", EDIT (f, tpt_fact_set_value (pets, "A dog")));
  g_assert_cmpstr (tpt_fact_get_value (pets), ==, "A dog");
  ONE_STEP (f, "Edit", EDIT (f, tpt_fact_set_label (pets, "Animals")));
  g_assert_cmpstr (tpt_fact_get_label (pets), ==, "Animals");

  ONE_STEP (f, "Delete Fact", tpt_persona_remove_fact (f->dana, age));
  labels = list_text (facts, "label");
  g_assert_cmpstr (labels, ==, "Animals|Lives in");
  l2 = tpt_test_list_log_take (&log);
  g_assert_cmpstr (l2, ==, "(0,1,0)(0,0,1)(0,1,0)");
  NO_STEP (f, EXPECT_CRITICAL ("tpt-persona", tpt_persona_insert_fact (f->dana, 5, age)));

  /* Facts go with their persona, and come back with it. */
  ONE_STEP (f, "Delete Persona", tpt_document_remove_persona (f->doc, f->dana));
  g_assert_false (tpt_node_is_attached (TPT_NODE (pets)));
  g_assert_true (tpt_history_undo (f->history));
  g_assert_true (tpt_node_is_attached (TPT_NODE (pets)));

  /* A persona still being built takes facts without history. */
  NO_STEP (f, tpt_persona_insert_fact (loose, 0, loose_fact));
  g_assert_cmpuint (g_list_model_get_n_items (tpt_persona_get_facts (loose)), ==, 1);
  NO_STEP (f, tpt_persona_remove_fact (loose, loose_fact));
  g_assert_cmpuint (g_list_model_get_n_items (tpt_persona_get_facts (loose)), ==, 0);

  tpt_test_list_log_stop (&log);
}

/* Values ------------------------------------------------------------------------- */

static void
test_values_duration (void)
{
  static const struct { const char *text; gint64 seconds; } valid[] = {
    { "PT15M", 15 * 60 },
    { "P2D", 2 * 86400 },
    { "P1DT2H30M", 86400 + 2 * 3600 + 30 * 60 },
    { "PT0S", 0 },
    { "P2W", 14 * 86400 },
    { "P1Y2M", 365 * 86400 + 2 * 30 * 86400 },
    { "PT1H", 3600 },
    { "PT36H", 36 * 3600 },
    { "P1Y2M3DT4H5M6S", 365 * 86400 + 60 * 86400 + 3 * 86400 + 4 * 3600 + 5 * 60 + 6 },
    { "PT90S", 90 },
  };
  static const char *invalid[] = {
    "", "P", "PT", "15M", "P1.5D", "PT1H2D", "P2W1D", "PTM",
    "T15M", "P-1D", "P1D2Y", "PT1M1H", "P1DT", "P D", "PT15M ", " PT15M", "P1H", "PT1D",
    "P1W2D", "P1234567890D", "pt15m", "P15",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      gint64 seconds = -1;

      g_test_message ("valid: %s", valid[i].text);
      g_assert_true (tpt_duration_parse (valid[i].text, &seconds));
      g_assert_cmpint (seconds, ==, valid[i].seconds);
      g_assert_true (tpt_duration_parse (valid[i].text, NULL));
    }

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      gint64 seconds = -1;

      g_test_message ("invalid: “%s”", invalid[i]);
      g_assert_false (tpt_duration_parse (invalid[i], &seconds));
      g_assert_cmpint (seconds, ==, -1);
    }
  g_assert_false (tpt_duration_parse (NULL, NULL));

  /* Formatting gives the shortest duration that parses back. */
  {
    static const struct { gint64 seconds; const char *text; } formats[] = {
      { 0, "PT0S" }, { 59, "PT59S" }, { 900, "PT15M" }, { 3600, "PT1H" },
      { 86400, "P1D" }, { 86400 + 9000, "P1DT2H30M" }, { 90061, "P1DT1H1M1S" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        g_autofree char *text = tpt_duration_format (formats[i].seconds);
        gint64 back = -1;

        g_assert_cmpstr (text, ==, formats[i].text);
        g_assert_true (tpt_duration_parse (text, &back));
        g_assert_cmpint (back, ==, formats[i].seconds);
      }
  }
}

static void
test_values_color (void)
{
  static const char *valid[] = { "#3584e4", "#000000", "#FFFFFF", "#aBcDeF", "#c01c28" };
  static const char *invalid[] = {
    "", "#", "3584e4", "#3584e", "#3584e4f", "#3584g4", "#35 84e", "blue", "##3584e",
    "#3584e4\n", "rgb(1,2,3)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (tpt_color_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (tpt_color_is_valid (invalid[i]));
  g_assert_false (tpt_color_is_valid (NULL));
}

static void
test_values_id (void)
{
  static const char *valid[] = {
    "p1", "c123", "_x", "a", "Card-1.2_b",
    "a234567890123456789012345678901234567890123456789012345678901234",
  };
  static const char *invalid[] = {
    "", "1c", "-a", ".a", "c 1", "c1 c2", "c#1", "é1", "c1\n",
    "a2345678901234567890123456789012345678901234567890123456789012345",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    g_assert_true (tpt_id_is_valid (valid[i]));
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    g_assert_false (tpt_id_is_valid (invalid[i]));
  g_assert_false (tpt_id_is_valid (NULL));
}

static void
test_values_opportunity (void)
{
  g_assert_cmpint (tpt_opportunity_score (9, 3), ==, 15);
  g_assert_cmpint (tpt_opportunity_score (6, 8), ==, 6);
  g_assert_cmpint (tpt_opportunity_score (10, 0), ==, 20);
  g_assert_cmpint (tpt_opportunity_score (0, 10), ==, 0);
  g_assert_cmpint (tpt_opportunity_score (7, 7), ==, 7);
  g_assert_cmpint (tpt_opportunity_score (8, -1), ==, -1);
  g_assert_cmpint (tpt_opportunity_score (-1, 5), ==, -1);
  g_assert_cmpint (tpt_opportunity_score (-1, -1), ==, -1);
}

/* Coverage ------------------------------------------------------------------------- */

static char *
titles_of_needs (GPtrArray *needs)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < needs->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                            tpt_need_get_title (g_ptr_array_index (needs, i)));
  return g_string_free (out, FALSE);
}

#define ASSERT_CARDS(call, expected) \
  G_STMT_START { \
    g_autoptr(GPtrArray) cards_ = (call); \
    g_autofree char *text_ = titles_of_cards (cards_); \
    g_assert_cmpstr (text_, ==, (expected)); \
  } G_STMT_END

#define ASSERT_NEEDS(call, expected) \
  G_STMT_START { \
    g_autoptr(GPtrArray) needs_ = (call); \
    g_autofree char *text_ = titles_of_needs (needs_); \
    g_assert_cmpstr (text_, ==, (expected)); \
  } G_STMT_END

static void
test_coverage (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(TptBlueprint) future = NULL;
  g_autoptr(TptLane) lane = NULL;
  g_autoptr(TptStage) stage = NULL;
  g_autoptr(TptStep) step = NULL;
  g_autoptr(TptCard) fast = NULL;
  g_autoptr(TptCard) idle = NULL;
  const char *speed[] = { "n2", NULL };

  ASSERT_CARDS (tpt_coverage_cards_serving (f->doc, NULL, f->status),
                "Agent cannot find the policy|Logs the claim");
  ASSERT_CARDS (tpt_coverage_cards_serving (f->doc, f->bp, f->status),
                "Agent cannot find the policy|Logs the claim");
  ASSERT_CARDS (tpt_coverage_cards_serving (f->doc, NULL, f->speed), "");
  ASSERT_NEEDS (tpt_coverage_unserved_needs (f->doc, NULL),
                "Get paid quickly|Be treated fairly");
  /* Dana rates speed 8; fairness is rated 5 at most. */
  ASSERT_NEEDS (tpt_coverage_important_unserved_needs (f->doc, NULL, TPT_COVERAGE_IMPORTANT),
                "Get paid quickly");
  ASSERT_NEEDS (tpt_coverage_important_unserved_needs (f->doc, NULL, 8), "Get paid quickly");
  ASSERT_NEEDS (tpt_coverage_important_unserved_needs (f->doc, NULL, 9), "");
  ASSERT_NEEDS (tpt_coverage_important_unserved_needs (f->doc, NULL, 5),
                "Get paid quickly|Be treated fairly");
  ASSERT_NEEDS (tpt_coverage_important_unserved_needs (f->doc, NULL, 0),
                "Get paid quickly|Be treated fairly");
  /* Backstage and support work that serves nothing; not the customer's or
   * the front stage's. */
  ASSERT_CARDS (tpt_coverage_unlinked_back_cards (f->doc, NULL),
                "Checks cover|Claims system|Pays out");

  /* A future state in which a new support card serves speed. */
  future = tpt_blueprint_new (f->doc);
  lane = tpt_lane_new (f->doc);
  stage = tpt_stage_new (f->doc);
  step = tpt_step_new (f->doc);
  fast = tpt_card_new (f->doc);
  idle = tpt_card_new (f->doc);
  tpt_lane_set_kind (lane, TPT_LANE_KIND_SUPPORT);
  tpt_card_set_text (fast, "Auto-approves small claims");
  tpt_card_set_serves (fast, speed);
  tpt_card_set_text (idle, "Archives");
  tpt_blueprint_insert_lane (future, 0, lane);
  tpt_blueprint_insert_stage (future, 0, stage);
  tpt_blueprint_insert_step (future, stage, 0, step);
  tpt_blueprint_add_card (future, fast, lane, step, 0);
  tpt_blueprint_add_card (future, idle, lane, step, 1);
  tpt_document_insert_blueprint (f->doc, 1, future);

  ASSERT_CARDS (tpt_coverage_cards_serving (f->doc, NULL, f->speed),
                "Auto-approves small claims");
  ASSERT_CARDS (tpt_coverage_cards_serving (f->doc, f->bp, f->speed), "");
  ASSERT_CARDS (tpt_coverage_cards_serving (f->doc, future, f->speed),
                "Auto-approves small claims");
  ASSERT_CARDS (tpt_coverage_cards_serving (f->doc, future, f->status), "");
  ASSERT_NEEDS (tpt_coverage_unserved_needs (f->doc, NULL), "Be treated fairly");
  ASSERT_NEEDS (tpt_coverage_unserved_needs (f->doc, f->bp),
                "Get paid quickly|Be treated fairly");
  ASSERT_NEEDS (tpt_coverage_unserved_needs (f->doc, future),
                "Know my claim's status without calling|Be treated fairly");
  ASSERT_NEEDS (tpt_coverage_important_unserved_needs (f->doc, NULL, TPT_COVERAGE_IMPORTANT), "");
  ASSERT_NEEDS (tpt_coverage_important_unserved_needs (f->doc, future, TPT_COVERAGE_IMPORTANT),
                "Know my claim's status without calling");
  ASSERT_CARDS (tpt_coverage_unlinked_back_cards (f->doc, NULL),
                "Checks cover|Claims system|Pays out|Archives");
  ASSERT_CARDS (tpt_coverage_unlinked_back_cards (f->doc, future), "Archives");

  /* The future state closes the speed gap, opens the status one, and
   * leaves fairness; by hand from the links above. */
  {
    g_autoptr(GPtrArray) closed = NULL;
    g_autoptr(GPtrArray) opened = NULL;
    g_autoptr(GPtrArray) remaining = NULL;
    g_autofree char *closed_text = NULL;
    g_autofree char *opened_text = NULL;
    g_autofree char *remaining_text = NULL;

    tpt_coverage_compare (f->doc, f->bp, future, &closed, &opened, &remaining);
    closed_text = titles_of_needs (closed);
    opened_text = titles_of_needs (opened);
    remaining_text = titles_of_needs (remaining);
    g_assert_cmpstr (closed_text, ==, "Get paid quickly");
    g_assert_cmpstr (opened_text, ==, "Know my claim's status without calling");
    g_assert_cmpstr (remaining_text, ==, "Be treated fairly");
  }
  /* Dana rates speed 8, the highest; fairness is rated 5 at most. */
  g_assert_cmpint (tpt_coverage_need_importance (f->doc, f->speed), ==, 8);

  /* The queries follow the model: link the check, move the system to the
   * front stage, delete the need the log served. */
  EDIT (f, tpt_card_set_serves (f->check, speed));
  tpt_blueprint_move_card (f->bp, f->sys, f->front, f->t1, G_MAXUINT);
  ASSERT_CARDS (tpt_coverage_unlinked_back_cards (f->doc, f->bp), "Pays out");
  tpt_document_remove_need (f->doc, f->status);
  ASSERT_CARDS (tpt_coverage_unlinked_back_cards (f->doc, f->bp), "Logs the claim|Pays out");
  tpt_history_undo (f->history);
  ASSERT_CARDS (tpt_coverage_unlinked_back_cards (f->doc, f->bp), "Pays out");
  EDIT (f, tpt_lane_set_kind (f->front, TPT_LANE_KIND_BACKSTAGE));
  ASSERT_CARDS (tpt_coverage_unlinked_back_cards (f->doc, f->bp), "Claims system|Pays out");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/tpt/model/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("ids/fresh", test_ids_fresh);
  ADD ("node/tree", test_node_tree);
  ADD ("document/metadata", test_document_metadata);
  ADD ("document/personas", test_document_personas);
  ADD ("document/needs", test_document_needs);
  ADD ("document/remove-persona", test_document_remove_persona_cascade);
  ADD ("document/remove-need", test_document_remove_need_cascade);
  ADD ("document/need-order", test_need_order);
  ADD ("document/ratings", test_document_ratings);
  ADD ("document/blueprints", test_document_blueprints);
  ADD ("document/duplicate-as-future", test_document_duplicate);
  ADD ("document/duplicate", test_document_duplicate_plain);
  ADD ("node/set-value", test_node_set_value);
  ADD ("document/summarize", test_document_summarize);
  ADD ("blueprint/fields", test_blueprint_fields);
  ADD ("blueprint/lanes", test_blueprint_lanes);
  ADD ("blueprint/remove-lane", test_blueprint_remove_lane_cascade);
  ADD ("blueprint/stages", test_blueprint_stages);
  ADD ("blueprint/steps", test_blueprint_steps);
  ADD ("blueprint/remove-step", test_blueprint_remove_step_cascade);
  ADD ("blueprint/cards", test_blueprint_cards);
  ADD ("blueprint/flows", test_blueprint_flows);
  ADD ("blueprint/emotions", test_blueprint_emotions);
  ADD ("card/fields", test_card_fields);
  ADD ("lane/fields", test_lane_fields);
  ADD ("step/duration", test_step_duration);
  ADD ("persona/fields", test_persona_fields);
  ADD ("persona/photo", test_persona_photo);
  ADD ("persona/facts", test_persona_facts);
  ADD ("coverage/queries", test_coverage);

#undef ADD

  g_test_add_func ("/tpt/model/values/duration", test_values_duration);
  g_test_add_func ("/tpt/model/values/color", test_values_color);
  g_test_add_func ("/tpt/model/values/id", test_values_id);
  g_test_add_func ("/tpt/model/values/opportunity", test_values_opportunity);

  return g_test_run ();
}
