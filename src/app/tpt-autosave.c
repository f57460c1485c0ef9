/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-autosave"

#include "config.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <unistd.h>

#include "tpt-autosave.h"

#include "tpt-format.h"
#include "tpt-serializer.h"

/* Keeps a recovery copy of one open document while it has changes no file
 * holds, so a crash loses at most the last few seconds of work; removes it
 * once the document is saved, discarded, or undone back to what is on
 * disk. It never touches the user's own file. See tpt-recovery.c for the
 * directory.
 *
 * The copy is written at most @delay seconds after the first change it
 * lacks, and so at least every @delay seconds while changes go on: a
 * change does not push the next copy back. The document is written in
 * slices on the main loop (TptSerializer) and the files in a worker
 * thread, so a copy never freezes the window. Each copy has a number;
 * a write that finds a newer copy (a flush) or a removal after it was
 * taken writes nothing, so copies never go back in time.
 *
 * Beside the copy goes the history's journal (<id>.history), so the
 * recovered document has its Undo and Redo; the key file says which copy
 * the journal belongs to. */

/* A write takes about as long as the last one did, and must be done by the
 * time the copy is due: it starts that much earlier, within these bounds,
 * in microseconds. */
#define MIN_LEAD (150 * 1000)
#define MAX_LEAD_FRACTION 2

/* What the main thread and the writing thread share. */
typedef struct
{
  gatomicrefcount ref_count;
  GMutex          lock;
  /* The number of the newest copy on disk, or of the last removal. */
  guint64         newest;
} Disk;

struct _TptAutosave
{
  GObject      parent_instance;

  /* owned */
  TptDocument *document;
  GFile       *directory;
  GFile       *file;
  char        *id;
  Disk        *disk;

  guint        delay;
  guint        timeout_id;
  guint        request;
  guint64      serial;           /* the number of the last copy taken */
  gint64       dirty_since;      /* when the first change the copy lacks was made */
  gint64       lead;             /* how early to start a write, in µs */
  gint64       started;          /* when the write under way began */

  /* Whether a copy is on disk now, or being written. */
  guint        written : 1;
  guint        dirty : 1;
  guint        writing : 1;
};

enum {
  PROP_0,
  PROP_DELAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  WRITTEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TptAutosave, tpt_autosave, G_TYPE_OBJECT)

static Disk *
disk_ref (Disk *disk)
{
  g_atomic_ref_count_inc (&disk->ref_count);
  return disk;
}

static void
disk_unref (Disk *disk)
{
  if (g_atomic_ref_count_dec (&disk->ref_count))
    {
      g_mutex_clear (&disk->lock);
      g_free (disk);
    }
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Disk, disk_unref)

static GFile *
child_file (GFile      *directory,
            const char *id,
            const char *suffix)
{
  g_autofree char *name = g_strconcat (id, suffix, NULL);

  return g_file_get_child (directory, name);
}

static char *
dup_boot_id (void)
{
  char *boot = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot, NULL, NULL))
    return g_strdup ("");
  return g_strstrip (boot);
}

/* One copy, as taken on the main thread, to be written anywhere. */
typedef struct
{
  Disk      *disk;
  guint64    serial;
  GFile     *directory;
  char      *id;
  GPtrArray *chunks;      /* the document, in pieces */
  GVariant  *journal;
  GKeyFile  *info;
} Copy;

static void
copy_free (Copy *copy)
{
  g_clear_pointer (&copy->disk, disk_unref);
  g_clear_object (&copy->directory);
  g_free (copy->id);
  g_clear_pointer (&copy->chunks, g_ptr_array_unref);
  g_clear_pointer (&copy->journal, g_variant_unref);
  g_clear_pointer (&copy->info, g_key_file_unref);
  g_free (copy);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Copy, copy_free)

static Copy *
take_copy (TptAutosave *self,
           GPtrArray   *chunks)
{
  Copy *copy = g_new0 (Copy, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *written = g_date_time_format_iso8601 (now);
  g_autofree char *uri = self->file != NULL ? g_file_get_uri (self->file) : NULL;
  g_autofree char *boot = dup_boot_id ();
  g_autofree char *program = NULL;
  const char *title = tpt_document_get_title (self->document);

  copy->disk = disk_ref (self->disk);
  copy->serial = ++self->serial;
  copy->directory = g_object_ref (self->directory);
  copy->id = g_strdup (self->id);
  copy->chunks = g_ptr_array_ref (chunks);
  copy->journal = tpt_history_dup_journal (tpt_document_get_history (self->document));
  copy->info = g_key_file_new ();

  program = g_path_get_basename (g_get_prgname () != NULL ? g_get_prgname () : "touchpoint");
  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      g_key_file_set_string (copy->info, "Recovery", "Title", basename);
    }
  else
    g_key_file_set_string (copy->info, "Recovery", "Title", title != NULL ? title : "");
  g_key_file_set_string (copy->info, "Recovery", "File", uri != NULL ? uri : "");
  g_key_file_set_string (copy->info, "Recovery", "Written", written);
  g_key_file_set_int64 (copy->info, "Recovery", "Pid", getpid ());
  g_key_file_set_string (copy->info, "Recovery", "Boot", boot);
  g_key_file_set_string (copy->info, "Recovery", "Program", program);
  g_key_file_set_integer (copy->info, "Recovery", "Format", 1);

  /* The copy is as recent as the document now. */
  self->dirty = FALSE;
  return copy;
}

static gboolean
write_file (GFile       *file,
            const void  *data,
            gsize        size,
            GError     **error)
{
  return g_file_set_contents_full (g_file_peek_path (file), data, (gssize) size,
                                   G_FILE_SET_CONTENTS_CONSISTENT, 0600, error);
}

/* Writes @copy's files unless a newer copy, or a removal, came first.
 * Any thread. */
static gboolean
write_copy (Copy    *copy,
            GError **error)
{
  g_autoptr(GBytes) bytes = tpt_serializer_join (copy->chunks);
  g_autoptr(GBytes) journal = g_variant_get_data_as_bytes (copy->journal);
  g_autoptr(GFile) document_file = child_file (copy->directory, copy->id, ".touchpoint");
  g_autoptr(GFile) history_file = child_file (copy->directory, copy->id, ".history");
  g_autoptr(GFile) info_file = child_file (copy->directory, copy->id, ".recovery");
  g_autofree char *sum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *history_name = g_file_get_basename (history_file);
  g_autofree char *info = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  gsize length;

  g_key_file_set_string (copy->info, "Recovery", "History", history_name);
  g_key_file_set_string (copy->info, "Recovery", "HistoryFor", sum);
  info = g_key_file_to_data (copy->info, &length, NULL);

  locker = g_mutex_locker_new (&copy->disk->lock);
  if (copy->serial <= copy->disk->newest)
    return TRUE;

  if (g_mkdir_with_parents (g_file_peek_path (copy->directory), 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Could not create %s: %s", g_file_peek_path (copy->directory),
                   g_strerror (saved_errno));
      return FALSE;
    }

  /* The key file last: until it is there, the copy is never offered. */
  if (!write_file (document_file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                   error) ||
      !write_file (history_file, g_bytes_get_data (journal, NULL), g_bytes_get_size (journal),
                   error) ||
      !write_file (info_file, info, length, error))
    return FALSE;

  copy->disk->newest = copy->serial;
  return TRUE;
}

static void
remove_copy (TptAutosave *self)
{
  g_autoptr(GFile) info = child_file (self->directory, self->id, ".recovery");
  g_autoptr(GFile) copy = child_file (self->directory, self->id, ".touchpoint");
  g_autoptr(GFile) history = child_file (self->directory, self->id, ".history");
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&self->disk->lock);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->request != 0)
    tpt_serializer_cancel (tpt_serializer_get_for_document (self->document), self->request);
  self->request = 0;
  self->dirty = FALSE;

  /* A write under way, taken before now, must not bring it back. */
  self->disk->newest = ++self->serial;
  g_file_delete (info, NULL, NULL);
  g_file_delete (copy, NULL, NULL);
  g_file_delete (history, NULL, NULL);
  self->written = FALSE;
}

static void schedule (TptAutosave *self);

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  GError *error = NULL;

  if (!write_copy (task_data, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  TptAutosave *self = TPT_AUTOSAVE (object);
  g_autoptr(GError) error = NULL;

  self->writing = FALSE;
  self->lead = CLAMP (g_get_monotonic_time () - self->started, MIN_LEAD,
                      (gint64) self->delay * G_USEC_PER_SEC / MAX_LEAD_FRACTION);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    /* A failure is no reason to stop the user working; the next change
     * tries again. */
    g_message ("Could not write the recovery copy: %s", error->message);
  else if (tpt_history_get_modified (tpt_document_get_history (self->document)))
    {
      self->written = TRUE;
      g_signal_emit (self, signals[WRITTEN], 0);
    }

  schedule (self);
}

static void
serialized_cb (TptSerializer *serializer,
               GPtrArray     *chunks,
               gpointer       user_data)
{
  TptAutosave *self = user_data;
  g_autoptr(GTask) task = NULL;

  self->request = 0;
  task = g_task_new (self, NULL, written_cb, NULL);
  g_task_set_source_tag (task, serialized_cb);
  g_task_set_task_data (task, take_copy (self, chunks), (GDestroyNotify) copy_free);
  g_task_run_in_thread (task, write_thread);
}

static gboolean
timeout_cb (gpointer user_data)
{
  TptAutosave *self = user_data;

  self->timeout_id = 0;
  if (!tpt_history_get_modified (tpt_document_get_history (self->document)))
    return G_SOURCE_REMOVE;

  self->writing = TRUE;
  self->started = g_get_monotonic_time ();
  self->request = tpt_serializer_request (tpt_serializer_get_for_document (self->document),
                                          serialized_cb, self, NULL);
  return G_SOURCE_REMOVE;
}

/* Arms the timer for the next copy, if one is due and none is under way:
 * it must be on disk @delay seconds after the first change it lacks. */
static void
schedule (TptAutosave *self)
{
  gint64 due, wait;

  if (!self->dirty || self->writing || self->timeout_id != 0)
    return;

  due = self->dirty_since + (gint64) self->delay * G_USEC_PER_SEC - self->lead;
  wait = MAX (0, due - g_get_monotonic_time ());
  /* Not g_timeout_add_seconds(): its whole-second rounding could double a
   * short delay. */
  self->timeout_id = g_timeout_add ((guint) (wait / 1000), timeout_cb, self);
}

/**
 * tpt_autosave_flush:
 * @self: a #TptAutosave
 * @error: return location for a #GError
 *
 * Writes the recovery copy now, on this thread, if the document has
 * unsaved changes, or removes it if it has none; as before quitting on a
 * signal.
 *
 * Returns: %FALSE if the copy could not be written
 */
gboolean
tpt_autosave_flush (TptAutosave  *self,
                    GError      **error)
{
  g_autoptr(GPtrArray) chunks = NULL;
  g_autoptr(Copy) copy = NULL;

  g_return_val_if_fail (TPT_IS_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (!tpt_history_get_modified (tpt_document_get_history (self->document)))
    {
      if (self->written || self->writing)
        remove_copy (self);
      return TRUE;
    }

  chunks = tpt_serializer_run (tpt_serializer_get_for_document (self->document));
  copy = take_copy (self, chunks);
  if (!write_copy (copy, error))
    return FALSE;

  self->written = TRUE;
  g_signal_emit (self, signals[WRITTEN], 0);
  return TRUE;
}

static void
changed_cb (TptAutosave *self)
{
  TptHistory *history = tpt_document_get_history (self->document);

  /* Back at the saved state: nothing to recover. */
  if (!tpt_history_get_modified (history))
    {
      if (self->written || self->writing || self->dirty)
        remove_copy (self);
      return;
    }

  if (!self->dirty)
    {
      self->dirty = TRUE;
      self->dirty_since = g_get_monotonic_time ();
    }
  schedule (self);
}

static void
tpt_autosave_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TptAutosave *self = TPT_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_DELAY:
      g_value_set_uint (value, self->delay);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_autosave_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TptAutosave *self = TPT_AUTOSAVE (object);

  switch (prop_id)
    {
    case PROP_DELAY:
      tpt_autosave_set_delay (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_autosave_dispose (GObject *object)
{
  TptAutosave *self = TPT_AUTOSAVE (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->document != NULL)
    {
      if (self->request != 0)
        tpt_serializer_cancel (tpt_serializer_get_for_document (self->document), self->request);
      self->request = 0;
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (tpt_document_get_history (self->document), self);
    }
  g_clear_object (&self->document);
  g_clear_object (&self->directory);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (tpt_autosave_parent_class)->dispose (object);
}

static void
tpt_autosave_finalize (GObject *object)
{
  TptAutosave *self = TPT_AUTOSAVE (object);

  g_free (self->id);
  g_clear_pointer (&self->disk, disk_unref);

  G_OBJECT_CLASS (tpt_autosave_parent_class)->finalize (object);
}

static void
tpt_autosave_class_init (TptAutosaveClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tpt_autosave_dispose;
  object_class->finalize = tpt_autosave_finalize;
  object_class->get_property = tpt_autosave_get_property;
  object_class->set_property = tpt_autosave_set_property;

  properties[PROP_DELAY] =
    g_param_spec_uint ("delay", NULL, NULL, 1, 3600, 5,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TptAutosave::written:
   *
   * Emitted after a recovery copy was written.
   */
  signals[WRITTEN] =
    g_signal_new ("written", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
tpt_autosave_init (TptAutosave *self)
{
  self->delay = 5;
  self->lead = MIN_LEAD;
  self->id = g_uuid_string_random ();
  self->disk = g_new0 (Disk, 1);
  g_atomic_ref_count_init (&self->disk->ref_count);
  g_mutex_init (&self->disk->lock);
}

/**
 * tpt_autosave_new:
 * @document: the open document
 * @directory: (nullable): the recovery directory, or %NULL for the default
 *
 * Starts keeping a recovery copy of @document, and a journal of its
 * history to go with it.
 *
 * Returns: (transfer full): an autosave watching @document
 */
TptAutosave *
tpt_autosave_new (TptDocument *document,
                  GFile       *directory)
{
  TptAutosave *self;
  TptHistory *history;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  self = g_object_new (TPT_TYPE_AUTOSAVE, NULL);
  self->document = g_object_ref (document);
  self->directory = directory != NULL ? g_object_ref (directory) : tpt_recovery_get_directory ();
  history = tpt_document_get_history (document);
  tpt_history_set_journaling (history, TRUE);

  /* Typing merges into one history entry without moving the position, so
   * field changes count as changes too. */
  g_signal_connect_swapped (history, "notify::position", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (history, "notify::modified", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (document, "node-changed", G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (document, "children-changed", G_CALLBACK (changed_cb), self);

  /* A recovered document is modified from the start. */
  if (tpt_history_get_modified (history))
    changed_cb (self);

  return self;
}

guint
tpt_autosave_get_delay (TptAutosave *self)
{
  g_return_val_if_fail (TPT_IS_AUTOSAVE (self), 0);

  return self->delay;
}

void
tpt_autosave_set_delay (TptAutosave *self,
                        guint        seconds)
{
  g_return_if_fail (TPT_IS_AUTOSAVE (self));
  g_return_if_fail (seconds >= 1);

  if (self->delay == seconds)
    return;

  self->delay = seconds;
  self->lead = MIN (self->lead, (gint64) seconds * G_USEC_PER_SEC / MAX_LEAD_FRACTION);
  /* The copy that is due is due sooner, or later. */
  if (self->timeout_id != 0)
    {
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      schedule (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAY]);
}

/**
 * tpt_autosave_set_file:
 * @self: a #TptAutosave
 * @file: (nullable): the file the document is saved as
 *
 * Records which file the document belongs to, so a recovered copy can be
 * saved back there.
 */
void
tpt_autosave_set_file (TptAutosave *self,
                       GFile       *file)
{
  g_return_if_fail (TPT_IS_AUTOSAVE (self));

  g_set_object (&self->file, file);
}

/**
 * tpt_autosave_adopt:
 * @self: a #TptAutosave
 * @entry: the recovery entry the document was restored from
 *
 * Keeps writing to @entry's copy, so it is only removed once the restored
 * document is saved or discarded.
 */
void
tpt_autosave_adopt (TptAutosave      *self,
                    TptRecoveryEntry *entry)
{
  g_autofree char *name = NULL;

  g_return_if_fail (TPT_IS_AUTOSAVE (self));
  g_return_if_fail (entry != NULL);

  if (self->written || self->writing)
    remove_copy (self);

  name = g_file_get_basename (entry->info_file);
  g_free (self->id);
  self->id = g_strndup (name, strlen (name) - strlen (".recovery"));
  g_set_object (&self->directory, g_file_get_parent (entry->info_file));
  g_object_unref (self->directory);
  self->written = TRUE;

  /* Claim it for this process at once. */
  if (tpt_history_get_modified (tpt_document_get_history (self->document)))
    tpt_autosave_flush (self, NULL);
}

/**
 * tpt_autosave_get_copy:
 * @self: a #TptAutosave
 *
 * Returns: (transfer full): where the recovery copy is written
 */
GFile *
tpt_autosave_get_copy (TptAutosave *self)
{
  g_return_val_if_fail (TPT_IS_AUTOSAVE (self), NULL);

  return child_file (self->directory, self->id, ".touchpoint");
}

/**
 * tpt_autosave_saved:
 * @self: a #TptAutosave
 *
 * The document was saved: its copy is no longer needed, unless it was
 * changed again while it was being saved.
 */
void
tpt_autosave_saved (TptAutosave *self)
{
  g_return_if_fail (TPT_IS_AUTOSAVE (self));

  if (!tpt_history_get_modified (tpt_document_get_history (self->document)))
    remove_copy (self);
}

/**
 * tpt_autosave_discard:
 * @self: a #TptAutosave
 *
 * The user threw the changes away: so is the copy.
 */
void
tpt_autosave_discard (TptAutosave *self)
{
  g_return_if_fail (TPT_IS_AUTOSAVE (self));

  remove_copy (self);
}
