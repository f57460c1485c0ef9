/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-history"

#include "config.h"

#include "tpt-history-entry-private.h"
#include "tpt-history-journal-private.h"
#include "tpt-history-private.h"

/* The undo history of one document.
 *
 * Entries are labelled transactions; @position counts the entries that are
 * applied, so entries at and after it form the redo tail. A new transaction
 * drops the redo tail. @saved is the position the file on disk matches, or -1
 * when that state can no longer be reached (it was in a dropped redo tail or
 * fell off the bounded front), so undoing back to a save makes the document
 * clean again, but nothing else does. Modelled on GtkTextHistory. */
struct _TptHistory
{
  GObject          parent_instance;

  GPtrArray       *entries;
  TptHistoryEntry *open;

  guint            position;
  int              saved;
  guint            depth;
  guint            max_entries;
  /* How many entries ever fell off the front, and how many times the
   * history was cleared: what a TptHistoryMark is checked against. */
  guint64          n_trimmed;
  guint64          epoch;

  guint            applying : 1;
  guint            merge_barrier : 1;
  guint            journaling : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TptHistory, tpt_history, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  PROP_POSITION,
  PROP_MODIFIED,
  PROP_MAX_ENTRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What the properties looked like before an operation, so that afterwards we
 * notify exactly the ones that changed. */
typedef struct
{
  gboolean    can_undo;
  gboolean    can_redo;
  gboolean    modified;
  guint       position;
  const char *undo_label;
  const char *redo_label;
} State;

static void
state_take (TptHistory *self,
            State      *state)
{
  state->can_undo = tpt_history_get_can_undo (self);
  state->can_redo = tpt_history_get_can_redo (self);
  state->modified = tpt_history_get_modified (self);
  state->position = self->position;
  state->undo_label = tpt_history_get_undo_label (self);
  state->redo_label = tpt_history_get_redo_label (self);
}

static void
state_notify (TptHistory  *self,
              const State *before)
{
  State after;

  state_take (self, &after);

  g_object_freeze_notify (G_OBJECT (self));
  if (before->can_undo != after.can_undo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (before->can_redo != after.can_redo)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  if (before->modified != after.modified)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (before->position != after.position)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  /* Labels are compared by pointer on purpose: a different entry with the same
   * label is still a different thing to undo. */
  if (before->undo_label != after.undo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  if (before->redo_label != after.redo_label)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
  g_object_thaw_notify (G_OBJECT (self));
}

static GType
tpt_history_get_item_type (GListModel *model)
{
  return TPT_TYPE_HISTORY_ENTRY;
}

static guint
tpt_history_get_n_items (GListModel *model)
{
  return TPT_HISTORY (model)->entries->len;
}

static gpointer
tpt_history_get_item (GListModel *model,
                      guint       position)
{
  TptHistory *self = TPT_HISTORY (model);

  if (position >= self->entries->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->entries, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = tpt_history_get_item_type;
  iface->get_n_items = tpt_history_get_n_items;
  iface->get_item = tpt_history_get_item;
}

static void
tpt_history_finalize (GObject *object)
{
  TptHistory *self = (TptHistory *)object;

  g_clear_object (&self->open);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  G_OBJECT_CLASS (tpt_history_parent_class)->finalize (object);
}

static void
tpt_history_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TptHistory *self = TPT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tpt_history_get_can_undo (self));
      break;

    case PROP_CAN_REDO:
      g_value_set_boolean (value, tpt_history_get_can_redo (self));
      break;

    case PROP_UNDO_LABEL:
      g_value_set_string (value, tpt_history_get_undo_label (self));
      break;

    case PROP_REDO_LABEL:
      g_value_set_string (value, tpt_history_get_redo_label (self));
      break;

    case PROP_POSITION:
      g_value_set_uint (value, tpt_history_get_position (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, tpt_history_get_modified (self));
      break;

    case PROP_MAX_ENTRIES:
      g_value_set_uint (value, tpt_history_get_max_entries (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_history_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TptHistory *self = TPT_HISTORY (object);

  switch (prop_id)
    {
    case PROP_MAX_ENTRIES:
      tpt_history_set_max_entries (self, g_value_get_uint (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_history_class_init (TptHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tpt_history_finalize;
  object_class->get_property = tpt_history_get_property;
  object_class->set_property = tpt_history_set_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_MAX_ENTRIES] =
    g_param_spec_uint ("max-entries", NULL, NULL,
                       1, G_MAXUINT, TPT_HISTORY_DEFAULT_MAX_ENTRIES,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tpt_history_init (TptHistory *self)
{
  self->entries = g_ptr_array_new_with_free_func (g_object_unref);
  self->max_entries = TPT_HISTORY_DEFAULT_MAX_ENTRIES;
}

/**
 * tpt_history_new:
 *
 * Returns: (transfer full): a new, empty history
 */
TptHistory *
tpt_history_new (void)
{
  return g_object_new (TPT_TYPE_HISTORY, NULL);
}

/**
 * tpt_history_begin_full:
 * @self: a #TptHistory
 * @label: what the user did, e.g. "Move Card"
 * @flags: #TptTransactionFlags
 *
 * Opens a transaction. Transactions nest; the nested ones fold into the
 * outermost, whose label and flags win. Every begin needs an end.
 */
void
tpt_history_begin_full (TptHistory          *self,
                        const char          *label,
                        TptTransactionFlags  flags)
{
  g_return_if_fail (TPT_IS_HISTORY (self));
  g_return_if_fail (label != NULL);
  g_return_if_fail (!self->applying);

  if (self->depth++ > 0)
    return;

  g_assert (self->open == NULL);
  self->open = tpt_history_entry_new (label,
                                      (flags & TPT_TRANSACTION_MERGE) ?
                                        TPT_HISTORY_ENTRY_MERGEABLE : 0);
}

void
tpt_history_begin (TptHistory *self,
                   const char *label)
{
  tpt_history_begin_full (self, label, TPT_TRANSACTION_NONE);
}

static void
drop_redo_tail (TptHistory *self)
{
  guint removed = self->entries->len - self->position;

  if (removed == 0)
    return;

  if (self->saved > (int)self->position)
    self->saved = -1;

  g_ptr_array_remove_range (self->entries, self->position, removed);
  g_list_model_items_changed (G_LIST_MODEL (self), self->position, removed, 0);
}

static void
enforce_bound (TptHistory *self)
{
  guint excess;

  if (self->entries->len <= self->max_entries)
    return;

  /* Never drop the redo tail to make room: only the oldest undo entries. */
  excess = MIN (self->entries->len - self->max_entries, self->position);
  if (excess == 0)
    return;

  g_ptr_array_remove_range (self->entries, 0, excess);
  self->position -= excess;
  self->n_trimmed += excess;
  if (self->saved >= 0)
    self->saved = self->saved >= (int)excess ? self->saved - (int)excess : -1;

  g_list_model_items_changed (G_LIST_MODEL (self), 0, excess, 0);
}

/**
 * tpt_history_end:
 * @self: a #TptHistory
 *
 * Closes a transaction. Closing the outermost commits it as one entry, unless
 * it recorded nothing, or it merged into the previous entry.
 */
void
tpt_history_end (TptHistory *self)
{
  g_autoptr(TptHistoryEntry) entry = NULL;
  State before;

  g_return_if_fail (TPT_IS_HISTORY (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth > 0)
    return;

  entry = g_steal_pointer (&self->open);
  if (tpt_history_entry_get_n_changes (entry) == 0)
    return;

  state_take (self, &before);

  drop_redo_tail (self);

  /* The saved position is a barrier: merging into the entry that made the
   * saved state would leave no way back to it. */
  if (self->position > 0 && !self->merge_barrier &&
      self->saved != (int)self->position &&
      tpt_history_entry_try_merge (g_ptr_array_index (self->entries, self->position - 1),
                                   entry))
    {
      state_notify (self, &before);
      return;
    }

  g_ptr_array_add (self->entries, g_steal_pointer (&entry));
  self->position++;
  self->merge_barrier = FALSE;
  g_list_model_items_changed (G_LIST_MODEL (self), self->position - 1, 0, 1);

  enforce_bound (self);
  state_notify (self, &before);
}

/**
 * tpt_history_cancel:
 * @self: a #TptHistory
 *
 * Reverts everything the open outermost transaction recorded and closes it,
 * e.g. when the user presses Escape in the middle of a drag.
 */
void
tpt_history_cancel (TptHistory *self)
{
  g_autoptr(TptHistoryEntry) entry = NULL;

  g_return_if_fail (TPT_IS_HISTORY (self));
  g_return_if_fail (self->depth == 1);

  entry = g_steal_pointer (&self->open);
  self->depth = 0;

  self->applying = TRUE;
  tpt_history_entry_revert (entry);
  self->applying = FALSE;
}

gboolean
tpt_history_in_transaction (TptHistory *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY (self), FALSE);

  return self->depth > 0;
}

/**
 * tpt_history_is_applying:
 * @self: a #TptHistory
 *
 * Returns: %TRUE while an undo, redo or cancel replays changes
 */
gboolean
tpt_history_is_applying (TptHistory *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY (self), FALSE);

  return self->applying;
}

/*
 * tpt_history_push:
 * @self: a #TptHistory
 * @change: (transfer full): a change
 *
 * Applies @change and records it in the open transaction. Recording outside
 * a transaction, or while undoing (say, from a signal handler reacting to an
 * undo), is a programming error: the change is dropped and a critical raised.
 */
void
tpt_history_push (TptHistory *self,
                  TptChange  *change)
{
  g_autoptr(TptChange) owned = change;

  g_return_if_fail (TPT_IS_HISTORY (self));
  g_return_if_fail (change != NULL);

  if (self->applying)
    {
      g_critical ("A %s change was made while undoing or redoing; it is ignored",
                  change->klass->name);
      return;
    }

  if (self->depth == 0)
    {
      g_critical ("A %s change was made outside a transaction; it is ignored",
                  change->klass->name);
      return;
    }

  /* Record before applying: a handler reacting to this change may push
   * changes of its own, which happen after this one starts, so they must
   * come after it in the entry for undo to revert them first. The journal
   * too describes the change against the document as it is before. */
  tpt_history_entry_add (self->open, g_steal_pointer (&owned));
  if (self->journaling)
    tpt_history_entry_add_record (self->open, tpt_journal_record_change (change));
  tpt_change_apply (change);
}

gboolean
tpt_history_get_can_undo (TptHistory *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY (self), FALSE);

  return self->position > 0;
}

gboolean
tpt_history_get_can_redo (TptHistory *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY (self), FALSE);

  return self->position < self->entries->len;
}

/**
 * tpt_history_get_undo_label:
 * @self: a #TptHistory
 *
 * Returns: (nullable) (transfer none): the label of what undo would revert
 */
const char *
tpt_history_get_undo_label (TptHistory *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY (self), NULL);

  if (self->position == 0)
    return NULL;

  return tpt_history_entry_get_label (g_ptr_array_index (self->entries, self->position - 1));
}

/**
 * tpt_history_get_redo_label:
 * @self: a #TptHistory
 *
 * Returns: (nullable) (transfer none): the label of what redo would apply
 */
const char *
tpt_history_get_redo_label (TptHistory *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY (self), NULL);

  if (self->position >= self->entries->len)
    return NULL;

  return tpt_history_entry_get_label (g_ptr_array_index (self->entries, self->position));
}

static void
step_back (TptHistory *self)
{
  g_assert (self->position > 0);

  self->applying = TRUE;
  tpt_history_entry_revert (g_ptr_array_index (self->entries, self->position - 1));
  self->applying = FALSE;
  self->position--;
}

static void
step_forward (TptHistory *self)
{
  g_assert (self->position < self->entries->len);

  self->applying = TRUE;
  tpt_history_entry_apply (g_ptr_array_index (self->entries, self->position));
  self->applying = FALSE;
  self->position++;
}

gboolean
tpt_history_undo (TptHistory *self)
{
  State before;

  g_return_val_if_fail (TPT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);
  g_return_val_if_fail (!self->applying, FALSE);

  if (self->position == 0)
    return FALSE;

  state_take (self, &before);
  step_back (self);
  self->merge_barrier = TRUE;
  state_notify (self, &before);
  return TRUE;
}

gboolean
tpt_history_redo (TptHistory *self)
{
  State before;

  g_return_val_if_fail (TPT_IS_HISTORY (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);
  g_return_val_if_fail (!self->applying, FALSE);

  if (self->position >= self->entries->len)
    return FALSE;

  state_take (self, &before);
  step_forward (self);
  self->merge_barrier = TRUE;
  state_notify (self, &before);
  return TRUE;
}

/**
 * tpt_history_get_position:
 * @self: a #TptHistory
 *
 * Returns: how many entries are applied; 0 is the state before all of them
 */
guint
tpt_history_get_position (TptHistory *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY (self), 0);

  return self->position;
}

/**
 * tpt_history_jump:
 * @self: a #TptHistory
 * @position: how many entries should be applied, at most the number of entries
 *
 * Undoes or redoes until @position entries are applied, e.g. when the user
 * clicks an entry in the history panel.
 */
void
tpt_history_jump (TptHistory *self,
                  guint       position)
{
  State before;

  g_return_if_fail (TPT_IS_HISTORY (self));
  g_return_if_fail (self->depth == 0);
  g_return_if_fail (!self->applying);
  g_return_if_fail (position <= self->entries->len);

  if (position == self->position)
    return;

  state_take (self, &before);
  while (self->position > position)
    step_back (self);
  while (self->position < position)
    step_forward (self);
  self->merge_barrier = TRUE;
  state_notify (self, &before);
}

/**
 * tpt_history_break_merge:
 * @self: a #TptHistory
 *
 * Stops the next transaction from merging into the last one, e.g. when the
 * focus leaves a text field.
 */
void
tpt_history_break_merge (TptHistory *self)
{
  g_return_if_fail (TPT_IS_HISTORY (self));

  self->merge_barrier = TRUE;
}

gboolean
tpt_history_get_modified (TptHistory *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY (self), FALSE);

  return self->saved != (int)self->position;
}

/**
 * tpt_history_mark_saved:
 * @self: a #TptHistory
 *
 * Records that the document as it is now is what the file on disk holds.
 */
void
tpt_history_mark_saved (TptHistory *self)
{
  State before;

  g_return_if_fail (TPT_IS_HISTORY (self));

  state_take (self, &before);
  self->saved = (int)self->position;
  self->merge_barrier = TRUE;
  state_notify (self, &before);
}

/**
 * tpt_history_mark_unsaved:
 * @self: a #TptHistory
 *
 * Records that no state the history can reach is what the file on disk
 * holds, as for a document restored from a recovery copy: it is modified
 * until it is saved, whatever is undone.
 */
void
tpt_history_mark_unsaved (TptHistory *self)
{
  State before;

  g_return_if_fail (TPT_IS_HISTORY (self));

  state_take (self, &before);
  self->saved = -1;
  state_notify (self, &before);
}

guint
tpt_history_get_max_entries (TptHistory *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY (self), 0);

  return self->max_entries;
}

/**
 * tpt_history_set_max_entries:
 * @self: a #TptHistory
 * @max_entries: how many entries to keep, at least 1
 *
 * Bounds the history; the oldest entries go first.
 */
void
tpt_history_set_max_entries (TptHistory *self,
                             guint       max_entries)
{
  State before;

  g_return_if_fail (TPT_IS_HISTORY (self));
  g_return_if_fail (max_entries > 0);

  if (self->max_entries == max_entries)
    return;

  state_take (self, &before);
  self->max_entries = max_entries;
  enforce_bound (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_ENTRIES]);
  state_notify (self, &before);
}

/**
 * tpt_history_clear:
 * @self: a #TptHistory
 *
 * Forgets every entry and takes the document as it is now as saved, e.g.
 * after loading or reverting a file.
 */
void
tpt_history_clear (TptHistory *self)
{
  State before;
  guint removed;

  g_return_if_fail (TPT_IS_HISTORY (self));
  g_return_if_fail (self->depth == 0);

  state_take (self, &before);
  removed = self->entries->len;
  g_ptr_array_set_size (self->entries, 0);
  self->position = 0;
  self->saved = 0;
  self->epoch++;
  self->merge_barrier = FALSE;
  if (removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, 0);
  state_notify (self, &before);
}

/* Marks ------------------------------------------------------------------- */

/* The entry is held weakly: a save may outlive its document, whose
 * entries point at nodes that go with it. */
struct _TptHistoryMark
{
  GWeakRef         entry;     /* the last entry applied; unset at 0 */
  gboolean         at_start;
  guint64          n_trimmed;
  guint64          epoch;
};

/**
 * tpt_history_get_mark:
 * @self: a #TptHistory
 *
 * Remembers the state the document is in now, for a save that writes it
 * while the user goes on editing: tpt_history_mark_saved_at() then marks
 * that state as the saved one. Also stops the next edit from merging into
 * the last entry, which would change that state.
 *
 * Returns: (transfer full): the mark
 */
TptHistoryMark *
tpt_history_get_mark (TptHistory *self)
{
  TptHistoryMark *mark;

  g_return_val_if_fail (TPT_IS_HISTORY (self), NULL);

  mark = g_new0 (TptHistoryMark, 1);
  g_weak_ref_init (&mark->entry, self->position > 0 ?
                                 g_ptr_array_index (self->entries, self->position - 1) : NULL);
  mark->at_start = self->position == 0;
  mark->n_trimmed = self->n_trimmed;
  mark->epoch = self->epoch;
  self->merge_barrier = TRUE;

  return mark;
}

void
tpt_history_mark_free (TptHistoryMark *mark)
{
  if (mark == NULL)
    return;

  g_weak_ref_clear (&mark->entry);
  g_free (mark);
}

/**
 * tpt_history_mark_saved_at:
 * @self: a #TptHistory
 * @mark: a mark from tpt_history_get_mark()
 *
 * Records that the state @mark remembers is what the file on disk holds.
 * If that state can no longer be reached (its entry was dropped), no state
 * is the saved one.
 */
void
tpt_history_mark_saved_at (TptHistory     *self,
                           TptHistoryMark *mark)
{
  State before;
  int saved = -1;

  g_return_if_fail (TPT_IS_HISTORY (self));
  g_return_if_fail (mark != NULL);

  if (mark->epoch == self->epoch)
    {
      if (mark->at_start)
        saved = mark->n_trimmed == self->n_trimmed ? 0 : -1;
      else
        {
          g_autoptr(TptHistoryEntry) entry = g_weak_ref_get (&mark->entry);
          guint index;

          if (entry != NULL && g_ptr_array_find (self->entries, entry, &index))
            saved = (int) index + 1;
        }
    }

  state_take (self, &before);
  self->saved = saved;
  if (saved == (int) self->position)
    self->merge_barrier = TRUE;
  state_notify (self, &before);
}

/* The journal (tpt-history-journal.c) ------------------------------------- */

/**
 * tpt_history_set_journaling:
 * @self: a #TptHistory
 * @journaling: whether to keep a journal
 *
 * With a journal, every change is also described as it is made, so that
 * tpt_history_dup_journal() can write the history out and a copy of the
 * document (a recovery copy) can have it back. Entries begun before the
 * journal was turned on are not in it.
 */
void
tpt_history_set_journaling (TptHistory *self,
                            gboolean    journaling)
{
  g_return_if_fail (TPT_IS_HISTORY (self));

  self->journaling = !!journaling;
}

gboolean
tpt_history_get_journaling (TptHistory *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY (self), FALSE);

  return self->journaling;
}

GPtrArray *
tpt_history_peek_entries (TptHistory *self)
{
  g_assert (TPT_IS_HISTORY (self));

  return self->entries;
}

/* Puts @entries, rebuilt from a journal, in place of an empty history,
 * @position of them applied; no state of them is the saved one. */
void
tpt_history_install (TptHistory *self,
                     GPtrArray  *entries,
                     guint       position)
{
  State before;

  g_assert (TPT_IS_HISTORY (self));
  g_assert (self->entries->len == 0 && self->depth == 0);
  g_assert (position <= entries->len);

  state_take (self, &before);
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (self->entries, g_object_ref (g_ptr_array_index (entries, i)));
  self->position = position;
  self->saved = -1;
  self->merge_barrier = TRUE;
  if (entries->len > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, 0, entries->len);
  enforce_bound (self);
  state_notify (self, &before);
}
