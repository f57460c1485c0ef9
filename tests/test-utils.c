/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "test-utils.h"

#include "tpt-node-private.h"
#include "tpt-values.h"

/* A canonical dump -----------------------------------------------------------
 *
 * Every node in document order, indented by its depth in the tree, with
 * every property read through g_object_get_property(), ids included. Two
 * dumps of one document are equal exactly when the tree holds the same
 * nodes, in the same order, with the same values. With @identity the dump
 * also names each node object, so that undo must bring back the very nodes
 * it took away, not copies. */

static int
compare_pspecs (gconstpointer a,
                gconstpointer b)
{
  GParamSpec *pa = *(GParamSpec **)a;
  GParamSpec *pb = *(GParamSpec **)b;

  return strcmp (pa->name, pb->name);
}

/* The properties of @type, sorted by name. Kept for the life of the
 * process: dumps are taken thousands of times, and under a sanitizer with
 * the slow unwinder every allocation counts. */
static GPtrArray *
sorted_pspecs (GType type)
{
  static GHashTable *cache;
  GPtrArray *sorted;

  if (cache == NULL)
    cache = g_hash_table_new (NULL, NULL);

  sorted = g_hash_table_lookup (cache, GSIZE_TO_POINTER (type));
  if (sorted == NULL)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (type);
      g_autofree GParamSpec **pspecs = NULL;
      guint n_pspecs;

      pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
      sorted = g_ptr_array_new ();
      for (guint i = 0; i < n_pspecs; i++)
        g_ptr_array_add (sorted, pspecs[i]);
      g_ptr_array_sort (sorted, compare_pspecs);
      g_hash_table_insert (cache, GSIZE_TO_POINTER (type), sorted);
    }

  return sorted;
}

/* Appends @str quoted, with backslashes, quotes and control characters
 * escaped, so that every value stays on its line. */
static void
append_quoted (GString    *out,
               const char *str)
{
  const char *run = str;

  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;

      g_string_append_len (out, run, p - run);
      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default:
          {
            char octal[8];

            g_snprintf (octal, sizeof octal, "\\%03o", c);
            g_string_append (out, octal);
          }
          break;
        }
      run = p + 1;
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

static void
append_number (GString *out,
               gint64   number)
{
  char buffer[32];

  g_snprintf (buffer, sizeof buffer, "%" G_GINT64_FORMAT, number);
  g_string_append (out, buffer);
}

static void
append_value (GString      *out,
              const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *str = g_value_get_string (value);

      if (str == NULL)
        g_string_append (out, "(null)");
      else
        append_quoted (out, str);
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      if (strv == NULL)
        g_string_append (out, "(null)");
      else
        {
          g_string_append_c (out, '[');
          for (guint i = 0; strv[i] != NULL; i++)
            {
              if (i > 0)
                g_string_append_c (out, ',');
              append_quoted (out, strv[i]);
            }
          g_string_append_c (out, ']');
        }
    }
  else if (type == G_TYPE_BYTES)
    {
      GBytes *bytes = g_value_get_boxed (value);

      if (bytes == NULL)
        g_string_append (out, "(null)");
      else
        {
          g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);

          g_string_append (out, "bytes:");
          append_number (out, (gint64)g_bytes_get_size (bytes));
          g_string_append_c (out, ':');
          g_string_append (out, sum);
        }
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));

      if (ev != NULL)
        g_string_append (out, ev->value_nick);
      else
        {
          g_string_append (out, "enum:");
          append_number (out, g_value_get_enum (value));
        }
    }
  else if (type == G_TYPE_INT)
    append_number (out, g_value_get_int (value));
  else if (type == G_TYPE_UINT)
    append_number (out, g_value_get_uint (value));
  else if (type == G_TYPE_BOOLEAN)
    g_string_append (out, g_value_get_boolean (value) ? "true" : "false");
  else if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];

      /* Every bit, so that undo must restore the very number. */
      g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer, g_value_get_double (value)));
    }
  else
    {
      g_autofree char *contents = g_strdup_value_contents (value);

      g_string_append (out, contents);
    }
}

typedef struct
{
  GString  *out;
  gboolean  identity;
} DumpData;

static void
dump_cb (TptNode  *node,
         gpointer  user_data)
{
  DumpData *data = user_data;
  GPtrArray *pspecs = sorted_pspecs (G_OBJECT_TYPE (node));

  for (TptNode *p = tpt_node_get_parent (node); p != NULL; p = tpt_node_get_parent (p))
    g_string_append (data->out, "  ");
  g_string_append (data->out, G_OBJECT_TYPE_NAME (node));
  if (data->identity)
    {
      char pointer[32];

      g_snprintf (pointer, sizeof pointer, " @%p", (gpointer)node);
      g_string_append (data->out, pointer);
    }

  for (guint i = 0; i < pspecs->len; i++)
    {
      GParamSpec *pspec = g_ptr_array_index (pspecs, i);
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (G_OBJECT (node), pspec->name, &value);
      g_string_append_c (data->out, ' ');
      g_string_append (data->out, pspec->name);
      g_string_append_c (data->out, '=');
      append_value (data->out, &value);
    }
  g_string_append_c (data->out, '\n');
}

/**
 * tpt_test_dump:
 * @document: a document
 * @identity: whether to name each node object too
 *
 * Returns: (transfer full): the dump
 */
char *
tpt_test_dump (TptDocument *document,
               gboolean     identity)
{
  DumpData data = { g_string_sized_new (64 * 1024), identity };

  tpt_node_foreach_descendant (TPT_NODE (document), dump_cb, &data);

  return g_string_free (data.out, FALSE);
}

/* Returns the first line where @a and @b differ, for assertion messages. */
char *
tpt_test_first_difference (const char *a,
                           const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  guint i;

  for (i = 0; la[i] != NULL && lb[i] != NULL; i++)
    if (strcmp (la[i], lb[i]) != 0)
      break;

  if (la[i] == NULL && lb[i] == NULL)
    return g_strdup ("no difference");

  return g_strdup_printf ("line %u:\n  - %s\n  + %s", i + 1,
                          la[i] != NULL ? la[i] : "(end)",
                          lb[i] != NULL ? lb[i] : "(end)");
}

/* Integrity ---------------------------------------------------------------
 *
 * What must hold after every operation of the model's API: each node is
 * attached, registered under its id and knows its parent; ids are unique;
 * every reference resolves to a node of the right type in the right place;
 * cells of the matrix and of emotion lanes are unique; spans are at least 1. */

typedef struct
{
  TptDocument *document;
  GHashTable  *ids;
} CheckData;

static char *failure_context;

/* Sets what failures of the integrity check say first, such as the seed of
 * a random test, so that the message alone is enough to reproduce them. */
void
tpt_test_set_context (const char *context)
{
  g_free (failure_context);
  failure_context = g_strdup (context);
}

G_GNUC_PRINTF (3, 4)
static void
fail (const char *file,
      int         line,
      const char *format,
      ...)
{
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  message = g_strdup_printf ("%s%sintegrity: %s", failure_context ? failure_context : "",
                             failure_context ? ": " : "", what);
  g_assertion_message (NULL, file, line, "tpt_test_check_integrity", message);
}

#define FAIL(...) fail (__FILE__, __LINE__, __VA_ARGS__)
#define CHECK(cond) \
  G_STMT_START { if (G_UNLIKELY (!(cond))) FAIL ("%s", #cond); } G_STMT_END

static gpointer
resolve (TptDocument *document,
         const char  *id,
         GType        type)
{
  gpointer node = tpt_document_lookup_typed (document, id, type);

  if (node == NULL)
    FAIL ("“%s” does not resolve to a %s", id, g_type_name (type));
  return node;
}

static void
check_ids (TptDocument        *document,
           const char * const *ids,
           GType               type)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; ids[i] != NULL; i++)
    {
      resolve (document, ids[i], type);
      if (!g_hash_table_add (seen, (gpointer)ids[i]))
        FAIL ("“%s” is listed twice", ids[i]);
    }
}

static void
check_blueprint (TptDocument  *document,
                 TptBlueprint *blueprint)
{
  GListModel *cards = tpt_blueprint_get_cards (blueprint);
  GListModel *flows = tpt_blueprint_get_flows (blueprint);
  GListModel *emotions = tpt_blueprint_get_emotions (blueprint);
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (tpt_blueprint_get_based_on (blueprint)[0] != '\0')
    resolve (document, tpt_blueprint_get_based_on (blueprint), TPT_TYPE_BLUEPRINT);

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (cards, i);
      TptLane *lane = resolve (document, tpt_card_get_lane (card), TPT_TYPE_LANE);
      TptStep *step = resolve (document, tpt_card_get_step (card), TPT_TYPE_STEP);

      CHECK (tpt_node_get_parent (TPT_NODE (lane)) == TPT_NODE (blueprint));
      CHECK (tpt_node_get_parent (tpt_node_get_parent (TPT_NODE (step))) ==
                     TPT_NODE (blueprint));
      CHECK (tpt_card_get_span (card) >= 1);
      check_ids (document, tpt_card_get_serves (card), TPT_TYPE_NEED);
      check_ids (document, tpt_card_get_concerns (card), TPT_TYPE_PERSONA);
    }

  for (guint i = 0; i < g_list_model_get_n_items (flows); i++)
    {
      g_autoptr(TptFlow) flow = g_list_model_get_item (flows, i);
      TptCard *from = resolve (document, tpt_flow_get_from (flow), TPT_TYPE_CARD);
      TptCard *to = resolve (document, tpt_flow_get_to (flow), TPT_TYPE_CARD);

      CHECK (tpt_node_get_parent (TPT_NODE (from)) == TPT_NODE (blueprint));
      CHECK (tpt_node_get_parent (TPT_NODE (to)) == TPT_NODE (blueprint));
      CHECK (from != to);
    }

  for (guint i = 0; i < g_list_model_get_n_items (emotions); i++)
    {
      g_autoptr(TptEmotion) emotion = g_list_model_get_item (emotions, i);
      TptLane *lane = resolve (document, tpt_emotion_get_lane (emotion), TPT_TYPE_LANE);
      TptStep *step = resolve (document, tpt_emotion_get_step (emotion), TPT_TYPE_STEP);
      char *cell = g_strdup_printf ("%s %s", tpt_emotion_get_lane (emotion),
                                    tpt_emotion_get_step (emotion));

      CHECK (tpt_node_get_parent (TPT_NODE (lane)) == TPT_NODE (blueprint));
      CHECK (tpt_node_get_parent (tpt_node_get_parent (TPT_NODE (step))) ==
                     TPT_NODE (blueprint));
      if (!g_hash_table_add (cells, cell))
        FAIL ("Two emotions in cell %s", cell);
    }
}

static void
check_node (TptNode   *node,
            CheckData *data)
{
  const char *id = tpt_node_get_id (node);
  GListStore *const *stores;
  guint n_stores;

  CHECK (tpt_node_is_attached (node));
  CHECK (tpt_node_get_document (node) == data->document);

  if (id != NULL)
    {
      CHECK (tpt_id_is_valid (id));
      if (!g_hash_table_add (data->ids, (gpointer)id))
        FAIL ("Two nodes have the id “%s”", id);
      CHECK (tpt_document_lookup (data->document, id) == node);
    }

  if (TPT_IS_LANE (node) && tpt_lane_get_persona (TPT_LANE (node))[0] != '\0')
    resolve (data->document, tpt_lane_get_persona (TPT_LANE (node)), TPT_TYPE_PERSONA);
  if (TPT_IS_PERSONA (node))
    CHECK (tpt_color_is_valid (tpt_persona_get_color (TPT_PERSONA (node))));
  if (TPT_IS_STEP (node) && tpt_step_get_duration (TPT_STEP (node))[0] != '\0')
    CHECK (tpt_duration_parse (tpt_step_get_duration (TPT_STEP (node)), NULL));
  if (TPT_IS_BLUEPRINT (node))
    check_blueprint (data->document, TPT_BLUEPRINT (node));
  if (TPT_IS_SLIDE (node))
    {
      TptSlide *slide = TPT_SLIDE (node);
      GType type = tpt_artefact_kind_get_target_type (tpt_slide_get_artefact (slide));

      if (type == G_TYPE_NONE)
        CHECK (tpt_slide_get_target (slide)[0] == '\0');
      else
        resolve (data->document, tpt_slide_get_target (slide), type);
    }

  stores = tpt_node_get_child_stores (node, &n_stores);
  for (guint s = 0; s < n_stores; s++)
    {
      GListModel *model = G_LIST_MODEL (stores[s]);

      for (guint i = 0; i < g_list_model_get_n_items (model); i++)
        {
          g_autoptr(TptNode) child = g_list_model_get_item (model, i);

          CHECK (tpt_node_get_parent (child) == node);
          check_node (child, data);
        }
    }
}

void
tpt_test_check_integrity (TptDocument *document)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *ratings = tpt_document_get_ratings (document);
  CheckData data = { document, ids };

  CHECK (tpt_node_get_parent (TPT_NODE (document)) == NULL);
  check_node (TPT_NODE (document), &data);

  for (guint i = 0; i < g_list_model_get_n_items (ratings); i++)
    {
      g_autoptr(TptRating) rating = g_list_model_get_item (ratings, i);
      char *cell = g_strdup_printf ("%s %s", tpt_rating_get_persona (rating),
                                    tpt_rating_get_need (rating));

      resolve (document, tpt_rating_get_persona (rating), TPT_TYPE_PERSONA);
      resolve (document, tpt_rating_get_need (rating), TPT_TYPE_NEED);
      CHECK (tpt_rating_get_importance (rating) >= 0 ||
                     tpt_rating_get_satisfaction (rating) >= 0);
      if (!g_hash_table_add (cells, cell))
        FAIL ("Two ratings in cell %s", cell);
    }
}

/* items-changed logs ------------------------------------------------------ */

static void
items_changed_cb (GListModel     *model,
                  guint           position,
                  guint           removed,
                  guint           added,
                  TptTestListLog *self)
{
  g_string_append_printf (self->log, "(%u,%u,%u)", position, removed, added);
}

void
tpt_test_list_log_start (TptTestListLog *self,
                         GListModel     *model)
{
  self->model = model;
  self->log = g_string_new (NULL);
  self->handler = g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), self);
}

/* Returns what was logged since the last call, and starts afresh. */
char *
tpt_test_list_log_take (TptTestListLog *self)
{
  char *log = g_strdup (self->log->str);

  g_string_truncate (self->log, 0);
  return log;
}

void
tpt_test_list_log_stop (TptTestListLog *self)
{
  g_clear_signal_handler (&self->handler, self->model);
  g_string_free (self->log, TRUE);
  self->log = NULL;
}
