/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-serializer"

#include "config.h"

#include "tpt-serializer.h"

#include "tpt-fact.h"
#include "tpt-format-private.h"
#include "tpt-step.h"

/* Writes a document in slices of a few milliseconds between the main
 * loop's other work, so saving a big document never freezes the window.
 *
 * The model lives on the main thread, so the walk over it does too; what
 * it produces is a list of immutable pieces that a worker thread writes
 * out. Each item of the file (a card, a persona with its facts, the opening
 * of a blueprint; see tpt_writer_walk_step()) is written once and kept
 * until its node changes, so the next save only writes what changed.
 *
 * Between two slices the user may edit. A change of a field leaves the
 * walk going: an item written before the change is marked and written
 * again when the walk ends, an item not reached yet is written as it is
 * then. A node gained or lost makes the walk start over, reusing the
 * items it kept. Either way the pieces handed out, at the end of the last
 * slice, are the document as it is at that moment. */

struct _TptSerializer
{
  GObject        parent_instance;

  /* borrowed: the document owns us */
  TptDocument   *document;

  /* owned: TptNode (a ref) → GBytes, the text of each item last written */
  GHashTable    *cache;
  GBytes        *meta;      /* the document's own item, which isn't ref'd */

  /* The walk under way, if any. */
  TptWriterWalk  walk;
  TptWriterOut   out;
  GPtrArray     *chunks;    /* GBytes */
  GHashTable    *slots;     /* TptNode → its index in @chunks, plus one */
  GHashTable    *dirty;     /* TptNode: items changed since they were written */
  GArray        *funcs;     /* TptWriteFunc of each item in @chunks */
  GArray        *requests;  /* Request */
  guint          idle_id;
  guint          next_request;
  gint64         slice;
  guint          n_restarts;
  guint          walk_restarts;   /* of the walk the requests wait for */
  gint64         asked;           /* when the oldest request waiting came */

  guint          walking : 1;
  guint          restart : 1;
};

typedef struct
{
  guint             id;
  TptSerializerFunc func;
  gpointer          user_data;
  GDestroyNotify    notify;
} Request;

G_DEFINE_FINAL_TYPE (TptSerializer, tpt_serializer, G_TYPE_OBJECT)

/* How long a walk may be kept waiting before it is finished in one go. */
#define MAX_WAIT (2 * G_USEC_PER_SEC)

static GQuark serializer_quark;

/* The node whose item holds @node's fields: a fact is written inside its
 * persona, a step inside its stage. */
static TptNode *
item_of (TptNode *node)
{
  if (TPT_IS_FACT (node) || TPT_IS_STEP (node))
    return tpt_node_get_parent (node);
  return node;
}

static void
forget_item (TptSerializer *self,
             TptNode       *item)
{
  if (item == NULL)
    return;

  if (TPT_IS_DOCUMENT (item))
    g_clear_pointer (&self->meta, g_bytes_unref);
  else
    g_hash_table_remove (self->cache, item);

  if (self->walking && g_hash_table_contains (self->slots, item))
    g_hash_table_add (self->dirty, item);
}

static void
node_changed_cb (TptSerializer *self,
                 TptNode       *node)
{
  forget_item (self, item_of (node));
}

static void
children_changed_cb (TptSerializer *self,
                     TptNode       *node)
{
  /* A persona's facts and a stage's steps are in its item; the lists of
   * the document and of a blueprint only hold items. */
  if (!TPT_IS_DOCUMENT (node) && !TPT_IS_BLUEPRINT (node))
    forget_item (self, node);
  if (self->walking)
    self->restart = TRUE;
}

static void
flush_text (TptSerializer *self)
{
  GString *text = self->out.text;

  if (text->len == 0)
    return;
  g_ptr_array_add (self->chunks, g_bytes_new (text->str, text->len));
  g_string_truncate (text, 0);
}

static GBytes *
render_item (TptNode      *node,
             TptWriteFunc  func)
{
  GString *text = g_string_new (NULL);

  func (text, node);
  return g_string_free_to_bytes (text);
}

static GBytes *
lookup_item (TptSerializer *self,
             TptNode       *node,
             TptWriteFunc   func)
{
  GBytes *bytes;

  if (TPT_IS_DOCUMENT (node))
    {
      if (self->meta == NULL)
        self->meta = render_item (node, func);
      return self->meta;
    }

  bytes = g_hash_table_lookup (self->cache, node);
  if (bytes == NULL)
    {
      bytes = render_item (node, func);
      g_hash_table_insert (self->cache, g_object_ref (node), bytes);
    }
  return bytes;
}

static void
item_cb (TptWriterOut *out,
         TptNode      *node,
         TptWriteFunc  func)
{
  TptSerializer *self = (TptSerializer *) ((char *) out - G_STRUCT_OFFSET (TptSerializer, out));
  GBytes *bytes;

  flush_text (self);
  bytes = lookup_item (self, node, func);
  g_ptr_array_add (self->chunks, g_bytes_ref (bytes));
  g_hash_table_insert (self->slots, node, GUINT_TO_POINTER (self->chunks->len));
  /* The function too, to write the item again if it changes. */
  g_array_set_size (self->funcs, self->chunks->len);
  g_array_index (self->funcs, TptWriteFunc, self->chunks->len - 1) = func;
}

static void
begin_walk (TptSerializer *self)
{
  g_clear_pointer (&self->chunks, g_ptr_array_unref);
  self->chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_hash_table_remove_all (self->slots);
  g_hash_table_remove_all (self->dirty);
  g_array_set_size (self->funcs, 0);
  g_string_truncate (self->out.text, 0);
  tpt_writer_walk_init (&self->walk, self->document);
  self->walking = TRUE;
  self->restart = FALSE;
}

/* Drops the items of nodes the walk no longer met: removed ones. */
static void
prune_cache (TptSerializer *self)
{
  GHashTableIter iter;
  gpointer node;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, &node, NULL))
    if (!g_hash_table_contains (self->slots, node))
      g_hash_table_iter_remove (&iter);
}

static void
finish_walk (TptSerializer *self)
{
  g_autoptr(GPtrArray) chunks = NULL;
  g_autoptr(GArray) requests = NULL;
  GHashTableIter iter;
  gpointer node;

  flush_text (self);

  /* What changed after it was written is written again, as it is now. */
  g_hash_table_iter_init (&iter, self->dirty);
  while (g_hash_table_iter_next (&iter, &node, NULL))
    {
      guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (self->slots, node));
      TptWriteFunc func;
      GBytes *bytes;

      g_assert (slot > 0);
      func = g_array_index (self->funcs, TptWriteFunc, slot - 1);
      bytes = lookup_item (self, node, func);
      g_bytes_unref (g_ptr_array_index (self->chunks, slot - 1));
      g_ptr_array_index (self->chunks, slot - 1) = g_bytes_ref (bytes);
    }

  prune_cache (self);
  chunks = g_steal_pointer (&self->chunks);
  g_hash_table_remove_all (self->slots);
  g_hash_table_remove_all (self->dirty);
  g_array_set_size (self->funcs, 0);
  self->walking = FALSE;
  self->walk_restarts = 0;

  requests = g_steal_pointer (&self->requests);
  self->requests = g_array_new (FALSE, FALSE, sizeof (Request));
  for (guint i = 0; i < requests->len; i++)
    {
      Request *request = &g_array_index (requests, Request, i);

      request->func (self, chunks, request->user_data);
      if (request->notify != NULL)
        request->notify (request->user_data);
    }
}

/* Walks on until @deadline (a monotonic time, 0 for none); returns TRUE
 * when the walk is complete. */
static gboolean
walk_until (TptSerializer *self,
            gint64         deadline)
{
  if (!self->walking || self->restart)
    {
      if (self->restart)
        {
          self->n_restarts++;
          self->walk_restarts++;
        }
      begin_walk (self);
    }

  while (tpt_writer_walk_step (&self->walk, &self->out))
    if (deadline > 0 && g_get_monotonic_time () >= deadline)
      return FALSE;

  return TRUE;
}

static gboolean
slice_cb (gpointer user_data)
{
  TptSerializer *self = user_data;
  /* Someone adding node after node (a key held down) would restart the
   * walk for ever: each restart doubles the slices, up to four times. And
   * a walk kept waiting long (a main loop never idle) is finished at once:
   * a recovery copy must not wait for ever. */
  gint64 slice = self->slice << MIN (self->walk_restarts, 2);
  gboolean overdue = g_get_monotonic_time () - self->asked > MAX_WAIT;

  if (!walk_until (self, overdue ? 0 : g_get_monotonic_time () + slice))
    return G_SOURCE_CONTINUE;

  self->idle_id = 0;
  finish_walk (self);
  return G_SOURCE_REMOVE;
}

static void
tpt_serializer_dispose (GObject *object)
{
  TptSerializer *self = TPT_SERIALIZER (object);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  if (self->requests != NULL)
    for (guint i = 0; i < self->requests->len; i++)
      {
        Request *request = &g_array_index (self->requests, Request, i);

        if (request->notify != NULL)
          request->notify (request->user_data);
      }
  g_clear_pointer (&self->requests, g_array_unref);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  self->document = NULL;
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->meta, g_bytes_unref);
  g_clear_pointer (&self->chunks, g_ptr_array_unref);
  g_clear_pointer (&self->slots, g_hash_table_unref);
  g_clear_pointer (&self->dirty, g_hash_table_unref);
  g_clear_pointer (&self->funcs, g_array_unref);

  G_OBJECT_CLASS (tpt_serializer_parent_class)->dispose (object);
}

static void
tpt_serializer_finalize (GObject *object)
{
  TptSerializer *self = TPT_SERIALIZER (object);

  g_string_free (self->out.text, TRUE);

  G_OBJECT_CLASS (tpt_serializer_parent_class)->finalize (object);
}

static void
tpt_serializer_class_init (TptSerializerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tpt_serializer_dispose;
  object_class->finalize = tpt_serializer_finalize;
}

static void
tpt_serializer_init (TptSerializer *self)
{
  self->cache = g_hash_table_new_full (NULL, NULL, g_object_unref,
                                       (GDestroyNotify) g_bytes_unref);
  self->slots = g_hash_table_new (NULL, NULL);
  self->dirty = g_hash_table_new (NULL, NULL);
  self->funcs = g_array_new (FALSE, TRUE, sizeof (TptWriteFunc));
  self->requests = g_array_new (FALSE, FALSE, sizeof (Request));
  self->out.text = g_string_new (NULL);
  self->out.item = item_cb;
  self->slice = TPT_SERIALIZER_DEFAULT_SLICE;
}

/**
 * tpt_serializer_get_for_document:
 * @document: a document
 *
 * Returns: (transfer none): the serializer of @document, which lives as
 *   long as it does
 */
TptSerializer *
tpt_serializer_get_for_document (TptDocument *document)
{
  TptSerializer *self;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  if (serializer_quark == 0)
    serializer_quark = g_quark_from_static_string ("tpt-serializer");

  self = g_object_get_qdata (G_OBJECT (document), serializer_quark);
  if (self != NULL)
    return self;

  self = g_object_new (TPT_TYPE_SERIALIZER, NULL);
  self->document = document;
  g_signal_connect_swapped (document, "node-changed", G_CALLBACK (node_changed_cb), self);
  g_signal_connect_swapped (document, "children-changed", G_CALLBACK (children_changed_cb),
                            self);
  g_object_set_qdata_full (G_OBJECT (document), serializer_quark, self, g_object_unref);

  return self;
}

/**
 * tpt_serializer_request:
 * @self: a #TptSerializer
 * @func: called with the pieces when they are complete
 * @user_data: for @func
 * @notify: (nullable): frees @user_data, after @func or on cancelling
 *
 * Asks for the document's file, written in slices from the main loop.
 * Requests made while a walk is under way share it.
 *
 * Returns: an id for tpt_serializer_cancel()
 */
guint
tpt_serializer_request (TptSerializer     *self,
                        TptSerializerFunc  func,
                        gpointer           user_data,
                        GDestroyNotify     notify)
{
  Request request;

  g_return_val_if_fail (TPT_IS_SERIALIZER (self), 0);
  g_return_val_if_fail (func != NULL, 0);

  request.id = ++self->next_request;
  request.func = func;
  request.user_data = user_data;
  request.notify = notify;
  g_array_append_val (self->requests, request);

  /* After GTK's layout and drawing, before other idle work. */
  if (self->idle_id == 0)
    {
      self->asked = g_get_monotonic_time ();
      self->idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, slice_cb, self, NULL);
    }

  return request.id;
}

/**
 * tpt_serializer_cancel:
 * @self: a #TptSerializer
 * @request: an id from tpt_serializer_request()
 *
 * Forgets a request that is not complete yet.
 */
void
tpt_serializer_cancel (TptSerializer *self,
                       guint          request)
{
  g_return_if_fail (TPT_IS_SERIALIZER (self));

  for (guint i = 0; i < self->requests->len; i++)
    {
      Request *r = &g_array_index (self->requests, Request, i);

      if (r->id != request)
        continue;
      if (r->notify != NULL)
        r->notify (r->user_data);
      g_array_remove_index (self->requests, i);
      break;
    }

  if (self->requests->len == 0)
    g_clear_handle_id (&self->idle_id, g_source_remove);
}

/**
 * tpt_serializer_run:
 * @self: a #TptSerializer
 *
 * Writes the document at once, finishing the walk under way if there is
 * one (whose requests are answered too).
 *
 * Returns: (transfer full) (element-type GBytes): the file, in pieces
 */
GPtrArray *
tpt_serializer_run (TptSerializer *self)
{
  g_autoptr(GPtrArray) chunks = NULL;

  g_return_val_if_fail (TPT_IS_SERIALIZER (self), NULL);

  g_clear_handle_id (&self->idle_id, g_source_remove);
  walk_until (self, 0);
  chunks = g_ptr_array_ref (self->chunks);
  finish_walk (self);

  return g_steal_pointer (&chunks);
}

/**
 * tpt_serializer_set_slice:
 * @self: a #TptSerializer
 * @usec: how long one slice may take, in microseconds
 */
void
tpt_serializer_set_slice (TptSerializer *self,
                          gint64         usec)
{
  g_return_if_fail (TPT_IS_SERIALIZER (self));
  g_return_if_fail (usec > 0);

  self->slice = usec;
}

/**
 * tpt_serializer_get_n_restarts:
 * @self: a #TptSerializer
 *
 * Returns: how many walks started over because the document gained or lost
 *   a node, for benchmarks
 */
guint
tpt_serializer_get_n_restarts (TptSerializer *self)
{
  g_return_val_if_fail (TPT_IS_SERIALIZER (self), 0);

  return self->n_restarts;
}

/**
 * tpt_serializer_join:
 * @chunks: (element-type GBytes): pieces
 *
 * Returns: (transfer full): the pieces one after the other
 */
GBytes *
tpt_serializer_join (GPtrArray *chunks)
{
  GByteArray *all;
  gsize size = 0;

  g_return_val_if_fail (chunks != NULL, NULL);

  for (guint i = 0; i < chunks->len; i++)
    size += g_bytes_get_size (g_ptr_array_index (chunks, i));

  all = g_byte_array_sized_new ((guint) size);
  for (guint i = 0; i < chunks->len; i++)
    {
      gsize n;
      const guint8 *data = g_bytes_get_data (g_ptr_array_index (chunks, i), &n);

      g_byte_array_append (all, data, (guint) n);
    }

  return g_byte_array_free_to_bytes (all);
}
