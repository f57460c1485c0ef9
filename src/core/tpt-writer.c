/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tpt-format-private.h"

#include "tpt-enum-types.h"
#include "tpt-node-private.h"
#include "tpt-photo.h"
#include "tpt-temp-file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

/* The .touchpoint writer.
 *
 * The output is canonical: the same document always gives the same bytes.
 * Elements and attributes come in the order of the format contract (and of
 * data/touchpoint.rng), two spaces indent each level, lines end in "\n".
 * Optional things are left out when empty: <author>, <description>, <role>,
 * <segment>, <quote>, <photo>, <serves>, <concerns>, and the attributes
 * based-on, office, persona (of a lane), duration, span (when 1), owner,
 * channel, importance and satisfaction (when unset), and of a slide its
 * <notes>, target (of the cover, the needs matrix and coverage) and region
 * (when it shows the whole artefact); so are <personas>, <needs>, <matrix>
 * and <slides> when they would have no children. Elements that the
 * format requires, such as a title, are written even when empty, as
 * <title></title>.
 *
 * Text is written as it is in the model, escaped. XML 1.0 cannot carry
 * every character a string can hold: control characters other than tab, line
 * feed and carriage return, and U+FFFE and U+FFFF, are left out, and bytes
 * that are not UTF-8 become U+FFFD, so that whatever the model holds, the
 * file is well-formed. Carriage returns, and in attributes tabs and line
 * feeds, are written as character references so that reading gives them
 * back unchanged.
 *
 * The writer builds the file in one GString, appending runs of text that need
 * no escaping in one go; it does not go through a DOM or libxml2's writer. */

static const char spaces[] = "                                ";

static inline void
indent (GString *out,
        guint    level)
{
  g_assert (level * 2 < sizeof spaces);
  g_string_append_len (out, spaces, level * 2);
}

static void
append_escaped (GString    *out,
                const char *text,
                gboolean    attribute)
{
  const char *p = text;
  const char *run = text;

  while (*p != '\0')
    {
      guchar c = (guchar)*p;
      const char *replacement;
      gsize skip = 1;

      if (c >= 0x20 && c < 0x80 && c != '&' && c != '<' && c != '>' && c != '"')
        {
          p++;
          continue;
        }

      switch (c)
        {
        case '&': replacement = "&amp;"; break;
        case '<': replacement = "&lt;"; break;
        case '>': replacement = "&gt;"; break;
        case '"': replacement = attribute ? "&quot;" : NULL; break;
        case '\r': replacement = "&#13;"; break;
        case '\n': replacement = attribute ? "&#10;" : NULL; break;
        case '\t': replacement = attribute ? "&#9;" : NULL; break;
        default:
          if (c < 0x20)
            {
              /* Not a character XML 1.0 has. */
              replacement = "";
            }
          else
            {
              gunichar ch = g_utf8_get_char_validated (p, -1);

              if (ch == (gunichar)-1 || ch == (gunichar)-2)
                replacement = "\xef\xbf\xbd";   /* U+FFFD for a bad byte */
              else
                {
                  skip = g_utf8_skip[c];
                  replacement = (ch == 0xfffe || ch == 0xffff) ? "" : NULL;
                }
            }
          break;
        }

      if (replacement == NULL)
        {
          p += skip;
          continue;
        }

      g_string_append_len (out, run, p - run);
      g_string_append (out, replacement);
      p += skip;
      run = p;
    }

  g_string_append_len (out, run, p - run);
}

static inline void
open_start (GString    *out,
            guint       level,
            const char *name)
{
  indent (out, level);
  g_string_append_c (out, '<');
  g_string_append (out, name);
}

static inline void
attribute (GString    *out,
           const char *name,
           const char *value)
{
  g_string_append_c (out, ' ');
  g_string_append (out, name);
  g_string_append (out, "=\"");
  append_escaped (out, value, TRUE);
  g_string_append_c (out, '"');
}

static inline void
optional_attribute (GString    *out,
                    const char *name,
                    const char *value)
{
  if (value != NULL && value[0] != '\0')
    attribute (out, name, value);
}

static inline void
int_attribute (GString    *out,
               const char *name,
               int         value)
{
  g_string_append_printf (out, " %s=\"%d\"", name, value);
}

static inline void
enum_attribute (GString    *out,
                const char *name,
                GType       type,
                int         value)
{
  const char *nick = tpt_enum_to_nick (type, value);

  g_assert (nick != NULL);
  attribute (out, name, nick);
}

/* <name>text</name>, on a line of its own when @level is not 0. */
static void
leaf (GString    *out,
      guint       level,
      const char *name,
      const char *text)
{
  if (level > 0)
    indent (out, level);
  g_string_append_c (out, '<');
  g_string_append (out, name);
  g_string_append_c (out, '>');
  append_escaped (out, text, FALSE);
  g_string_append (out, "</");
  g_string_append (out, name);
  g_string_append_c (out, '>');
  if (level > 0)
    g_string_append_c (out, '\n');
}

static inline void
optional_leaf (GString    *out,
               guint       level,
               const char *name,
               const char *text)
{
  if (text != NULL && text[0] != '\0')
    leaf (out, level, name, text);
}

static void
close_element (GString    *out,
               guint       level,
               const char *name)
{
  indent (out, level);
  g_string_append (out, "</");
  g_string_append (out, name);
  g_string_append (out, ">\n");
}

static void
id_list (GString            *out,
         guint               level,
         const char         *name,
         const char * const *ids)
{
  if (ids == NULL || ids[0] == NULL)
    return;

  indent (out, level);
  g_string_append_c (out, '<');
  g_string_append (out, name);
  g_string_append_c (out, '>');
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      append_escaped (out, ids[i], FALSE);
    }
  g_string_append (out, "</");
  g_string_append (out, name);
  g_string_append (out, ">\n");
}

static void
base64 (GString *out,
        GBytes  *bytes)
{
  gsize size;
  const guchar *data = g_bytes_get_data (bytes, &size);
  gsize start = out->len;
  gsize written;
  int state = 0;
  int save = 0;

  /* What g_base64_encode_step() and _close() may write at most. */
  g_string_set_size (out, start + (size / 3 + 1) * 4 + 4 + 5);
  written = g_base64_encode_step (data, size, FALSE, out->str + start, &state, &save);
  written += g_base64_encode_close (FALSE, out->str + start + written, &state, &save);
  g_string_truncate (out, start + written);
}

static void
write_list (GString            *out,
            const char         *name,
            const char * const *items)
{
  for (guint i = 0; items[i] != NULL; i++)
    leaf (out, 3, name, items[i]);
}

static void
write_persona (GString  *out,
               gpointer  item)
{
  TptPersona *persona = item;
  GBytes *photo = tpt_persona_get_photo (persona);
  GListModel *facts = tpt_persona_get_facts (persona);
  guint n_facts = g_list_model_get_n_items (facts);

  open_start (out, 2, TPT_E_PERSONA);
  attribute (out, TPT_A_ID, tpt_node_get_id (TPT_NODE (persona)));
  attribute (out, TPT_A_COLOR, tpt_persona_get_color (persona));
  g_string_append (out, ">\n");

  leaf (out, 3, TPT_E_NAME, tpt_persona_get_name (persona));
  optional_leaf (out, 3, TPT_E_ROLE, tpt_persona_get_role (persona));
  optional_leaf (out, 3, TPT_E_SEGMENT, tpt_persona_get_segment (persona));
  optional_leaf (out, 3, TPT_E_QUOTE, tpt_persona_get_quote (persona));

  if (photo != NULL && g_bytes_get_size (photo) > 0)
    {
      const char *type = tpt_persona_get_photo_type (persona);

      /* A photo without a type gets the one its magic says. */
      if (type[0] == '\0')
        type = tpt_photo_sniff_type (g_bytes_get_data (photo, NULL), g_bytes_get_size (photo));
      if (type == NULL)
        type = TPT_PHOTO_TYPE_PNG;

      open_start (out, 3, TPT_E_PHOTO);
      attribute (out, TPT_A_TYPE, type);
      g_string_append_c (out, '>');
      base64 (out, photo);
      g_string_append (out, "</" TPT_E_PHOTO ">\n");
    }

  write_list (out, TPT_E_GOAL, tpt_persona_get_goals (persona));
  write_list (out, TPT_E_FRUSTRATION, tpt_persona_get_frustrations (persona));
  write_list (out, TPT_E_BEHAVIOUR, tpt_persona_get_behaviours (persona));
  write_list (out, TPT_E_CHANNEL, tpt_persona_get_channels (persona));

  for (guint i = 0; i < n_facts; i++)
    {
      g_autoptr(TptFact) fact = g_list_model_get_item (facts, i);

      open_start (out, 3, TPT_E_FACT);
      attribute (out, TPT_A_LABEL, tpt_fact_get_label (fact));
      g_string_append_c (out, '>');
      append_escaped (out, tpt_fact_get_value (fact), FALSE);
      g_string_append (out, "</" TPT_E_FACT ">\n");
    }

  close_element (out, 2, TPT_E_PERSONA);
}

static void
write_need (GString  *out,
            gpointer  item)
{
  TptNeed *need = item;
  open_start (out, 2, TPT_E_NEED);
  attribute (out, TPT_A_ID, tpt_node_get_id (TPT_NODE (need)));
  g_string_append (out, ">\n");
  leaf (out, 3, TPT_E_TITLE, tpt_need_get_title (need));
  optional_leaf (out, 3, TPT_E_DESCRIPTION, tpt_need_get_description (need));
  close_element (out, 2, TPT_E_NEED);
}

static void
write_rating (GString  *out,
              gpointer  item)
{
  TptRating *rating = item;
  int importance = tpt_rating_get_importance (rating);
  int satisfaction = tpt_rating_get_satisfaction (rating);

  open_start (out, 2, TPT_E_RATING);
  attribute (out, TPT_A_PERSONA, tpt_rating_get_persona (rating));
  attribute (out, TPT_A_NEED, tpt_rating_get_need (rating));
  if (importance >= 0)
    int_attribute (out, TPT_A_IMPORTANCE, importance);
  if (satisfaction >= 0)
    int_attribute (out, TPT_A_SATISFACTION, satisfaction);
  g_string_append (out, "/>\n");
}

static void
write_lane (GString  *out,
            gpointer  item)
{
  TptLane *lane = item;
  TptOffice office = tpt_lane_get_office (lane);

  open_start (out, 2, TPT_E_LANE);
  attribute (out, TPT_A_ID, tpt_node_get_id (TPT_NODE (lane)));
  enum_attribute (out, TPT_A_KIND, TPT_TYPE_LANE_KIND, tpt_lane_get_kind (lane));
  if (office != TPT_OFFICE_NONE)
    enum_attribute (out, TPT_A_OFFICE, TPT_TYPE_OFFICE, office);
  optional_attribute (out, TPT_A_PERSONA, tpt_lane_get_persona (lane));
  g_string_append_c (out, '>');
  leaf (out, 0, TPT_E_TITLE, tpt_lane_get_title (lane));
  g_string_append (out, "</" TPT_E_LANE ">\n");
}

static void
write_stage (GString  *out,
             gpointer  item)
{
  TptStage *stage = item;
  GListModel *steps = tpt_stage_get_steps (stage);
  guint n = g_list_model_get_n_items (steps);

  open_start (out, 2, TPT_E_STAGE);
  attribute (out, TPT_A_ID, tpt_node_get_id (TPT_NODE (stage)));
  g_string_append (out, ">\n");
  leaf (out, 3, TPT_E_TITLE, tpt_stage_get_title (stage));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptStep) step = g_list_model_get_item (steps, i);

      open_start (out, 3, TPT_E_STEP);
      attribute (out, TPT_A_ID, tpt_node_get_id (TPT_NODE (step)));
      optional_attribute (out, TPT_A_DURATION, tpt_step_get_duration (step));
      g_string_append_c (out, '>');
      leaf (out, 0, TPT_E_TITLE, tpt_step_get_title (step));
      g_string_append (out, "</" TPT_E_STEP ">\n");
    }

  close_element (out, 2, TPT_E_STAGE);
}

/**
 * tpt_writer_append_card:
 * @out: where to write
 * @card: the card
 * @level: its indentation
 * @in_blueprint: whether to write its id, lane and step, which only mean
 *   something in its own blueprint; a clipboard fragment leaves them out
 *
 * Writes one <card> element, as the file and the clipboard both hold it.
 */
void
tpt_writer_append_card (GString *out,
                        TptCard *card,
                        guint    level,
                        gboolean in_blueprint)
{
  int span = tpt_card_get_span (card);

  open_start (out, level, TPT_E_CARD);
  if (in_blueprint)
    {
      attribute (out, TPT_A_ID, tpt_node_get_id (TPT_NODE (card)));
      attribute (out, TPT_A_LANE, tpt_card_get_lane (card));
      attribute (out, TPT_A_STEP, tpt_card_get_step (card));
    }
  enum_attribute (out, TPT_A_KIND, TPT_TYPE_CARD_KIND, tpt_card_get_kind (card));
  if (span != 1)
    int_attribute (out, TPT_A_SPAN, span);
  optional_attribute (out, TPT_A_OWNER, tpt_card_get_owner (card));
  optional_attribute (out, TPT_A_CHANNEL, tpt_card_get_channel (card));
  g_string_append (out, ">\n");

  leaf (out, level + 1, TPT_E_TEXT, tpt_card_get_text (card));
  id_list (out, level + 1, TPT_E_SERVES, tpt_card_get_serves (card));
  id_list (out, level + 1, TPT_E_CONCERNS, tpt_card_get_concerns (card));

  close_element (out, level, TPT_E_CARD);
}

static void
write_card (GString  *out,
            gpointer  item)
{
  tpt_writer_append_card (out, item, 2, TRUE);
}

static void
write_flow (GString  *out,
            gpointer  item)
{
  TptFlow *flow = item;
  open_start (out, 2, TPT_E_FLOW);
  attribute (out, TPT_A_ID, tpt_node_get_id (TPT_NODE (flow)));
  attribute (out, TPT_A_FROM, tpt_flow_get_from (flow));
  attribute (out, TPT_A_TO, tpt_flow_get_to (flow));
  enum_attribute (out, TPT_A_ARROW, TPT_TYPE_ARROW, tpt_flow_get_arrow (flow));
  g_string_append (out, "/>\n");
}

static void
write_emotion (GString  *out,
               gpointer  item)
{
  TptEmotion *emotion = item;
  open_start (out, 2, TPT_E_EMOTION);
  attribute (out, TPT_A_LANE, tpt_emotion_get_lane (emotion));
  attribute (out, TPT_A_STEP, tpt_emotion_get_step (emotion));
  int_attribute (out, TPT_A_VALUE, tpt_emotion_get_value (emotion));
  g_string_append (out, "/>\n");
}

/* A coordinate of a slide's region: the model keeps them to hundredths,
 * so two decimals at most give the number back exactly; trailing zeros
 * are dropped so that whole numbers read as such. */
static void
coordinate_attribute (GString    *out,
                      const char *name,
                      double      value)
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
  attribute (out, name, buffer);
}

static void
write_slide (GString  *out,
             gpointer  item)
{
  TptSlide *slide = item;
  double x, y, width, height;

  open_start (out, 2, TPT_E_SLIDE);
  attribute (out, TPT_A_ID, tpt_node_get_id (TPT_NODE (slide)));
  enum_attribute (out, TPT_A_ARTEFACT, TPT_TYPE_ARTEFACT_KIND, tpt_slide_get_artefact (slide));
  optional_attribute (out, TPT_A_TARGET, tpt_slide_get_target (slide));
  if (tpt_slide_get_region (slide, &x, &y, &width, &height))
    {
      coordinate_attribute (out, TPT_A_X, x);
      coordinate_attribute (out, TPT_A_Y, y);
      coordinate_attribute (out, TPT_A_WIDTH, width);
      coordinate_attribute (out, TPT_A_HEIGHT, height);
    }
  g_string_append (out, ">\n");
  leaf (out, 3, TPT_E_TITLE, tpt_slide_get_title (slide));
  optional_leaf (out, 3, TPT_E_NOTES, tpt_slide_get_notes (slide));
  close_element (out, 2, TPT_E_SLIDE);
}

typedef void (*WriteFunc) (GString *out,
                           gpointer node);

static void
write_all (GString    *out,
           GListModel *model,
           WriteFunc   func)
{
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) node = g_list_model_get_item (model, i);

      func (out, node);
    }
}

/* A wrapper element, left out when it would be empty. */
static void
write_section (GString    *out,
               const char *name,
               GListModel *model,
               WriteFunc   func)
{
  if (g_list_model_get_n_items (model) == 0)
    return;

  open_start (out, 1, name);
  g_string_append (out, ">\n");
  write_all (out, model, func);
  close_element (out, 1, name);
}

static void
write_blueprint (GString  *out,
                 gpointer  item)
{
  TptBlueprint *blueprint = item;
  open_start (out, 1, TPT_E_BLUEPRINT);
  attribute (out, TPT_A_ID, tpt_node_get_id (TPT_NODE (blueprint)));
  enum_attribute (out, TPT_A_STATE, TPT_TYPE_BLUEPRINT_STATE, tpt_blueprint_get_state (blueprint));
  optional_attribute (out, TPT_A_BASED_ON, tpt_blueprint_get_based_on (blueprint));
  g_string_append (out, ">\n");

  leaf (out, 2, TPT_E_TITLE, tpt_blueprint_get_title (blueprint));
  write_all (out, tpt_blueprint_get_lanes (blueprint), write_lane);
  write_all (out, tpt_blueprint_get_stages (blueprint), write_stage);
  write_all (out, tpt_blueprint_get_cards (blueprint), write_card);
  write_all (out, tpt_blueprint_get_flows (blueprint), write_flow);
  write_all (out, tpt_blueprint_get_emotions (blueprint), write_emotion);

  close_element (out, 1, TPT_E_BLUEPRINT);
}

/**
 * tpt_document_serialize:
 * @self: a #TptDocument
 *
 * Writes @self in the .touchpoint format. The result is canonical: equal
 * documents give equal bytes, so files diff well and a load followed by a
 * save changes nothing.
 *
 * Returns: (transfer full): the file's contents
 */
/* A generous guess at the size of the file, so that the string is not
 * copied over and over as it grows: cards are most of a big document. */
static gsize
estimate_size (TptDocument *self)
{
  GListModel *blueprints = tpt_document_get_blueprints (self);
  GListModel *personas = tpt_document_get_personas (self);
  guint n_blueprints = g_list_model_get_n_items (blueprints);
  guint n_personas = g_list_model_get_n_items (personas);
  gsize size = 64 * 1024;

  for (guint i = 0; i < n_blueprints; i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);

      size += 320 * (gsize)g_list_model_get_n_items (tpt_blueprint_get_cards (blueprint));
      size += 80 * (gsize)g_list_model_get_n_items (tpt_blueprint_get_flows (blueprint));
      size += 64 * (gsize)g_list_model_get_n_items (tpt_blueprint_get_emotions (blueprint));
    }

  for (guint i = 0; i < n_personas; i++)
    {
      g_autoptr(TptPersona) persona = g_list_model_get_item (personas, i);
      GBytes *photo = tpt_persona_get_photo (persona);

      if (photo != NULL)
        size += g_bytes_get_size (photo) / 3 * 4 + 64;
    }

  return size;
}

GBytes *
tpt_document_serialize (TptDocument *self)
{
  GString *out;

  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);

  out = g_string_sized_new (estimate_size (self));

  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (out, "<" TPT_E_TOUCHPOINT " " TPT_A_FORMAT "=\"%d\">\n",
                          TPT_FORMAT_VERSION);

  open_start (out, 1, TPT_E_META);
  g_string_append (out, ">\n");
  leaf (out, 2, TPT_E_TITLE, tpt_document_get_title (self));
  optional_leaf (out, 2, TPT_E_AUTHOR, tpt_document_get_author (self));
  optional_leaf (out, 2, TPT_E_DESCRIPTION, tpt_document_get_description (self));
  close_element (out, 1, TPT_E_META);

  write_section (out, TPT_E_PERSONAS, tpt_document_get_personas (self), write_persona);
  write_section (out, TPT_E_NEEDS, tpt_document_get_needs (self), write_need);
  write_section (out, TPT_E_MATRIX, tpt_document_get_ratings (self), write_rating);
  write_all (out, tpt_document_get_blueprints (self), write_blueprint);
  write_section (out, TPT_E_SLIDES, tpt_document_get_slides (self), write_slide);

  g_string_append (out, "</" TPT_E_TOUCHPOINT ">\n");

  return g_string_free_to_bytes (out);
}

/* Saving ---------------------------------------------------------------------- */

/* The temporary file a save writes first, beside the target: hidden, and
 * named so that one left by a crash is recognised and cleaned up
 * (tpt_document_clean_stale_saves()). */
#define SAVE_INFIX ".tpt-save-"

/* Writes a local file through a temporary file in the same folder, flushed
 * and renamed over the old one, so the old file stays whole until the new
 * one is. A symbolic link is followed, so the link stays a link. */
static gboolean
save_local (const char  *path,
            const char  *data,
            gsize        size,
            GError     **error)
{
  g_autofree char *target = realpath (path, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  GStatBuf st;
  int mode;
  int fd;
  gsize written = 0;

  if (target == NULL)
    target = g_strdup (path);

  dir = g_path_get_dirname (target);
  base = g_path_get_basename (target);
  temp = g_strdup_printf ("%s/.%s" SAVE_INFIX "XXXXXX", dir, base);

  /* Keep the permissions of the file being replaced; a new file gets the
   * usual ones, minus the umask. */
  if (g_stat (target, &st) == 0)
    mode = st.st_mode & 0777;
  else
    {
      mode_t mask = umask (0);

      umask (mask);
      mode = 0666 & ~mask;
    }

  fd = tpt_temp_file_make (temp, O_WRONLY | O_CLOEXEC, mode);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }
  fchmod (fd, mode);

  while (written < size)
    {
      gssize n = write (fd, data + written, size - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      written += (gsize) n;
    }

  if (written < size || fsync (fd) != 0 || close (fd) != 0 || g_rename (temp, target) != 0)
    {
      int saved_errno = errno;

      if (written < size)
        close (fd);
      g_unlink (temp);
      tpt_temp_file_untrack (temp);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "%s", g_strerror (saved_errno));
      return FALSE;
    }

  tpt_temp_file_untrack (temp);
  return TRUE;
}

/**
 * tpt_document_save_file:
 * @self: a #TptDocument
 * @file: where to save
 * @error: return location for a #TPT_ERROR
 *
 * Saves @self atomically: afterwards @file holds either its old contents or
 * the whole new document, never a mixture. Only a save that succeeds marks
 * the history as saved.
 *
 * Returns: %TRUE if @file was saved
 */
gboolean
tpt_document_save_file (TptDocument  *self,
                        GFile        *file,
                        GError      **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *path;
  const char *data;
  gsize size;
  gboolean ok;

  g_return_val_if_fail (TPT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = tpt_document_serialize (self);
  data = g_bytes_get_data (bytes, &size);

  path = g_file_peek_path (file);
  if (path != NULL)
    ok = save_local (path, data, size, &local_error);
  else
    ok = g_file_replace_contents (file, data, size, NULL, FALSE, G_FILE_CREATE_NONE,
                                  NULL, NULL, &local_error);

  if (!ok)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, TPT_ERROR, TPT_ERROR_IO,
                   _("Could not save “%s”: %s"), name, local_error->message);
      return FALSE;
    }

  tpt_history_mark_saved (tpt_document_get_history (self));
  return TRUE;
}

/**
 * tpt_document_clean_stale_saves:
 * @file: a document's file
 *
 * Removes the temporary files that saves of @file interrupted by a crash
 * left beside it (“.NAME.tpt-save-XXXXXX”). One older than a minute belongs
 * to no save still running.
 */
void
tpt_document_clean_stale_saves (GFile *file)
{
  g_autoptr(GFile) parent = NULL;
  g_autoptr(GFileEnumerator) children = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *prefix = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  g_return_if_fail (G_IS_FILE (file));

  parent = g_file_get_parent (file);
  basename = g_file_get_basename (file);
  if (parent == NULL || basename == NULL || !g_file_is_native (file))
    return;
  prefix = g_strconcat (".", basename, SAVE_INFIX, NULL);

  children = g_file_enumerate_children (parent,
                                        G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                        G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                        G_FILE_ATTRIBUTE_TIME_MODIFIED,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL)
    {
      GFileInfo *info;
      GFile *child;
      const char *name;
      gboolean temporary;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;

      name = g_file_info_get_name (info);
      temporary = g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
                  g_str_has_prefix (name, prefix) && strlen (name) == strlen (prefix) + 6;

      if (temporary &&
          (gint64) g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_TIME_MODIFIED) <
          now - 60)
        g_file_delete (child, NULL, NULL);
    }
}
