/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-history"

#include "config.h"

#include "tpt-history-entry-private.h"
#include "tpt-history-journal-private.h"

/* One labelled transaction in the history: the changes one user gesture made,
 * in the order they were applied. */
struct _TptHistoryEntry
{
  GObject              parent_instance;

  char                *label;
  GPtrArray           *changes;
  /* The journal: one record per change, made as it was pushed (see
   * tpt-history-journal.c); NULL when the history kept none. */
  GPtrArray           *records;
  GVariant            *journal;   /* the entry's own record, cached */
  TptHistoryEntryFlags flags;
};

G_DEFINE_FINAL_TYPE (TptHistoryEntry, tpt_history_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tpt_history_entry_finalize (GObject *object)
{
  TptHistoryEntry *self = (TptHistoryEntry *)object;

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->changes, g_ptr_array_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  g_clear_pointer (&self->journal, g_variant_unref);

  G_OBJECT_CLASS (tpt_history_entry_parent_class)->finalize (object);
}

static void
tpt_history_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TptHistoryEntry *self = TPT_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, tpt_history_entry_get_label (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_history_entry_class_init (TptHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tpt_history_entry_finalize;
  object_class->get_property = tpt_history_entry_get_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tpt_history_entry_init (TptHistoryEntry *self)
{
  self->changes = g_ptr_array_new_with_free_func ((GDestroyNotify)tpt_change_free);
}

TptHistoryEntry *
tpt_history_entry_new (const char           *label,
                       TptHistoryEntryFlags  flags)
{
  TptHistoryEntry *self = g_object_new (TPT_TYPE_HISTORY_ENTRY, NULL);

  self->label = g_strdup (label);
  self->flags = flags;
  return self;
}

/**
 * tpt_history_entry_get_label:
 * @self: a #TptHistoryEntry
 *
 * Returns: (transfer none): the label the user sees, e.g. "Move Card"
 */
const char *
tpt_history_entry_get_label (TptHistoryEntry *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY_ENTRY (self), NULL);

  return self->label;
}

guint
tpt_history_entry_get_n_changes (TptHistoryEntry *self)
{
  g_return_val_if_fail (TPT_IS_HISTORY_ENTRY (self), 0);

  return self->changes->len;
}

TptHistoryEntryFlags
tpt_history_entry_get_flags (TptHistoryEntry *self)
{
  g_assert (TPT_IS_HISTORY_ENTRY (self));

  return self->flags;
}

void
tpt_history_entry_add (TptHistoryEntry *self,
                       TptChange       *change)
{
  g_assert (TPT_IS_HISTORY_ENTRY (self));
  g_assert (change != NULL);

  g_ptr_array_add (self->changes, change);
}

TptChange *
tpt_history_entry_get_change (TptHistoryEntry *self,
                              guint            index)
{
  g_assert (TPT_IS_HISTORY_ENTRY (self));
  g_assert (index < self->changes->len);

  return g_ptr_array_index (self->changes, index);
}

/* Typing in one field makes one entry, not one per keystroke: a mergeable
 * entry of a single change absorbs the next one when the change allows it. */
gboolean
tpt_history_entry_try_merge (TptHistoryEntry *self,
                             TptHistoryEntry *next)
{
  g_assert (TPT_IS_HISTORY_ENTRY (self));
  g_assert (TPT_IS_HISTORY_ENTRY (next));

  if (!(self->flags & TPT_HISTORY_ENTRY_MERGEABLE) ||
      !(next->flags & TPT_HISTORY_ENTRY_MERGEABLE) ||
      self->changes->len != 1 || next->changes->len != 1 ||
      g_strcmp0 (self->label, next->label) != 0)
    return FALSE;

  if (!tpt_change_merge (g_ptr_array_index (self->changes, 0),
                         g_ptr_array_index (next->changes, 0)))
    return FALSE;

  /* The journal follows: the merged change keeps its old value and takes
   * the next one's new value. */
  g_clear_pointer (&self->journal, g_variant_unref);
  if (self->records != NULL && self->records->len == 1 &&
      next->records != NULL && next->records->len == 1)
    {
      GVariant *merged = tpt_journal_merge_records (g_ptr_array_index (self->records, 0),
                                                    g_ptr_array_index (next->records, 0));

      g_ptr_array_set_size (self->records, 0);
      g_ptr_array_add (self->records, merged);
    }
  else
    g_clear_pointer (&self->records, g_ptr_array_unref);

  return TRUE;
}

/* Records @record, the journal's account of the change just added;
 * sinks a floating reference. */
void
tpt_history_entry_add_record (TptHistoryEntry *self,
                              GVariant        *record)
{
  g_autoptr(GVariant) owned = g_variant_ref_sink (record);

  g_assert (TPT_IS_HISTORY_ENTRY (self));

  g_clear_pointer (&self->journal, g_variant_unref);
  if (self->records == NULL)
    {
      /* Journaling began after this entry's first changes: it can't be
       * told, so it is never recorded. */
      if (self->changes->len != 1)
        return;
      self->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
    }
  if (self->records->len + 1 != self->changes->len)
    {
      g_clear_pointer (&self->records, g_ptr_array_unref);
      return;
    }
  g_ptr_array_add (self->records, g_steal_pointer (&owned));
}

/* The entry as the journal holds it, "(suav)": label, flags, records;
 * NULL if it was not journaled whole. */
GVariant *
tpt_history_entry_get_journal (TptHistoryEntry *self)
{
  g_assert (TPT_IS_HISTORY_ENTRY (self));

  if (self->records == NULL || self->records->len != self->changes->len)
    return NULL;

  if (self->journal == NULL)
    {
      g_autofree GVariant **boxed = g_new (GVariant *, self->records->len + 1);
      GVariant *records;

      for (guint i = 0; i < self->records->len; i++)
        boxed[i] = g_variant_new_variant (g_ptr_array_index (self->records, i));
      records = g_variant_new_array (G_VARIANT_TYPE_VARIANT, boxed, self->records->len);
      self->journal = g_variant_ref_sink (g_variant_new ("(su@av)", self->label,
                                                         (guint32) self->flags, records));
    }

  return self->journal;
}

/* Takes the records of an entry rebuilt from a journal. */
void
tpt_history_entry_set_records (TptHistoryEntry *self,
                               GPtrArray       *records)
{
  g_assert (TPT_IS_HISTORY_ENTRY (self));

  g_clear_pointer (&self->journal, g_variant_unref);
  g_clear_pointer (&self->records, g_ptr_array_unref);
  self->records = records != NULL ? g_ptr_array_ref (records) : NULL;
}

void
tpt_history_entry_apply (TptHistoryEntry *self)
{
  g_assert (TPT_IS_HISTORY_ENTRY (self));

  for (guint i = 0; i < self->changes->len; i++)
    tpt_change_apply (g_ptr_array_index (self->changes, i));
}

void
tpt_history_entry_revert (TptHistoryEntry *self)
{
  g_assert (TPT_IS_HISTORY_ENTRY (self));

  for (guint i = self->changes->len; i > 0; i--)
    tpt_change_revert (g_ptr_array_index (self->changes, i - 1));
}
