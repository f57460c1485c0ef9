/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-autosave"

#include "config.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <unistd.h>

#include "tpt-autosave.h"

#include "tpt-format.h"

/* Writes a recovery copy of one open document a few seconds after its last
 * change, while it has changes no file holds; removes the copy once the
 * document is saved, discarded, or undone back to what is on disk. It never
 * touches the user's own file. See tpt-recovery.c for the directory. */

struct _TptAutosave
{
  GObject      parent_instance;

  /* owned */
  TptDocument *document;
  GFile       *directory;
  GFile       *file;
  char        *id;

  guint        delay;
  guint        timeout_id;
  /* Whether a copy is on disk now. */
  gboolean     written;
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

static GFile *
child_file (TptAutosave *self,
            const char  *suffix)
{
  g_autofree char *name = g_strconcat (self->id, suffix, NULL);

  return g_file_get_child (self->directory, name);
}

static void
remove_copy (TptAutosave *self)
{
  g_autoptr(GFile) info = child_file (self, ".recovery");
  g_autoptr(GFile) copy = child_file (self, ".touchpoint");

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_file_delete (info, NULL, NULL);
  g_file_delete (copy, NULL, NULL);
  self->written = FALSE;
}

static char *
dup_boot_id (void)
{
  char *boot = NULL;

  if (!g_file_get_contents ("/proc/sys/kernel/random/boot_id", &boot, NULL, NULL))
    return g_strdup ("");
  return g_strstrip (boot);
}

/**
 * tpt_autosave_flush:
 * @self: a #TptAutosave
 * @error: return location for a #GError
 *
 * Writes the recovery copy now if the document has unsaved changes, or
 * removes it if it has none.
 *
 * Returns: %FALSE if the copy could not be written
 */
gboolean
tpt_autosave_flush (TptAutosave  *self,
                    GError      **error)
{
  g_autoptr(GKeyFile) info = g_key_file_new ();
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) copy = NULL;
  g_autoptr(GFile) info_file = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *written = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *data = NULL;
  g_autofree char *boot = NULL;
  g_autofree char *program = NULL;
  const char *title;
  gsize length;

  g_return_val_if_fail (TPT_IS_AUTOSAVE (self), FALSE);

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (!tpt_history_get_modified (tpt_document_get_history (self->document)))
    {
      if (self->written)
        remove_copy (self);
      return TRUE;
    }

  if (g_mkdir_with_parents (g_file_peek_path (self->directory), 0700) != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   "Could not create %s: %s", g_file_peek_path (self->directory),
                   g_strerror (errno));
      return FALSE;
    }

  copy = child_file (self, ".touchpoint");
  info_file = child_file (self, ".recovery");
  bytes = tpt_document_serialize (self->document);
  if (!g_file_set_contents_full (g_file_peek_path (copy), g_bytes_get_data (bytes, NULL),
                                 (gssize) g_bytes_get_size (bytes),
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  title = tpt_document_get_title (self->document);
  uri = self->file != NULL ? g_file_get_uri (self->file) : NULL;
  written = g_date_time_format_iso8601 (now);
  boot = dup_boot_id ();
  program = g_path_get_basename (g_get_prgname () != NULL ? g_get_prgname () : "touchpoint");
  if (self->file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->file);

      g_key_file_set_string (info, "Recovery", "Title", basename);
    }
  else
    g_key_file_set_string (info, "Recovery", "Title", title != NULL ? title : "");
  g_key_file_set_string (info, "Recovery", "File", uri != NULL ? uri : "");
  g_key_file_set_string (info, "Recovery", "Written", written);
  g_key_file_set_int64 (info, "Recovery", "Pid", getpid ());
  g_key_file_set_string (info, "Recovery", "Boot", boot);
  g_key_file_set_string (info, "Recovery", "Program", program);
  g_key_file_set_integer (info, "Recovery", "Format", 1);
  data = g_key_file_to_data (info, &length, NULL);
  if (!g_file_set_contents_full (g_file_peek_path (info_file), data, (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return FALSE;

  self->written = TRUE;
  g_signal_emit (self, signals[WRITTEN], 0);
  return TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  TptAutosave *self = user_data;
  g_autoptr(GError) error = NULL;

  self->timeout_id = 0;
  /* A failure is no reason to stop the user working; the next change
   * tries again. */
  if (!tpt_autosave_flush (self, &error))
    g_message ("Could not write the recovery copy: %s", error->message);

  return G_SOURCE_REMOVE;
}

static void
changed_cb (TptAutosave *self)
{
  TptHistory *history = tpt_document_get_history (self->document);

  /* Back at the saved state: nothing to recover. */
  if (!tpt_history_get_modified (history))
    {
      if (self->written)
        remove_copy (self);
      g_clear_handle_id (&self->timeout_id, g_source_remove);
      return;
    }

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* Not g_timeout_add_seconds(): its whole-second rounding could double a
   * short delay. */
  self->timeout_id = g_timeout_add (self->delay * 1000, timeout_cb, self);
}

static void
node_changed_cb (TptAutosave *self)
{
  changed_cb (self);
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
  self->id = g_uuid_string_random ();
}

/**
 * tpt_autosave_new:
 * @document: the open document
 * @directory: (nullable): the recovery directory, or %NULL for the default
 *
 * Returns: (transfer full): an autosave watching @document
 */
TptAutosave *
tpt_autosave_new (TptDocument *document,
                  GFile       *directory)
{
  TptAutosave *self;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  self = g_object_new (TPT_TYPE_AUTOSAVE, NULL);
  self->document = g_object_ref (document);
  self->directory = directory != NULL ? g_object_ref (directory) : tpt_recovery_get_directory ();

  /* Typing merges into one history entry without moving the position, so
   * field changes count as changes too. */
  g_signal_connect_swapped (tpt_document_get_history (document), "notify::position",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (tpt_document_get_history (document), "notify::modified",
                            G_CALLBACK (changed_cb), self);
  g_signal_connect_swapped (document, "node-changed", G_CALLBACK (node_changed_cb), self);

  /* A recovered document is modified from the start. */
  if (tpt_history_get_modified (tpt_document_get_history (document)))
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

  if (self->written)
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

  return child_file (self, ".touchpoint");
}

/**
 * tpt_autosave_saved:
 * @self: a #TptAutosave
 *
 * The document was saved: its copy is no longer needed.
 */
void
tpt_autosave_saved (TptAutosave *self)
{
  g_return_if_fail (TPT_IS_AUTOSAVE (self));

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
