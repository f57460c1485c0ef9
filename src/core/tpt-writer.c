/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-writer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "tpt-format-private.h"

#include "tpt-enum-types.h"
#include "tpt-node-private.h"
#include "tpt-photo.h"
#include "tpt-safe-replace.h"
#include "tpt-serializer.h"
#include "tpt-values.h"

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
 * based-on, office, persona (of a lane), duration and target (of a step),
 * span (when 1), owner, channel, target, actual, unit, direction and source
 * (of a card), importance and satisfaction (when unset), and of a slide its
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
      if (tpt_duration_parse (tpt_step_get_target (step), NULL))
        attribute (out, TPT_A_TARGET, tpt_step_get_target (step));
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
  TptDirection direction = tpt_card_get_direction (card);
  TptVoice source = tpt_card_get_source (card);

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
  /* The setters refuse what the reader would; a value that got past them
   * anyway (a generic editor) is left out rather than written into a file
   * that could then not be opened. */
  if (tpt_card_get_target_value (card, NULL))
    attribute (out, TPT_A_TARGET, tpt_card_get_target (card));
  if (tpt_card_get_actual_value (card, NULL))
    attribute (out, TPT_A_ACTUAL, tpt_card_get_actual (card));
  if (tpt_card_get_unit (card)[0] != '\0' && tpt_unit_is_valid (tpt_card_get_unit (card)))
    attribute (out, TPT_A_UNIT, tpt_card_get_unit (card));
  if (direction != TPT_DIRECTION_NONE)
    enum_attribute (out, TPT_A_DIRECTION, TPT_TYPE_DIRECTION, direction);
  if (source != TPT_VOICE_NONE)
    enum_attribute (out, TPT_A_SOURCE, TPT_TYPE_VOICE, source);
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

/* The walk ----------------------------------------------------------------
 *
 * The file is written as a walk over the document that emits, one step at a
 * time, literal text (wrappers such as <personas>) and items: the parts of
 * the file that each depend on one node and its own descendants only (the
 * meta block, a persona with its facts, a stage with its steps, a card, the
 * opening of a blueprint…). tpt_document_serialize() walks in one go;
 * TptSerializer walks in slices between other work, keeping each item's
 * text until its node changes. Both write the same bytes. */

enum {
  PHASE_HEAD,
  PHASE_PERSONAS,
  PHASE_NEEDS,
  PHASE_MATRIX,
  PHASE_BLUEPRINTS,
  PHASE_SLIDES,
  PHASE_TAIL,
  PHASE_DONE,
};

/* The parts of one blueprint, in file order. */
enum {
  PART_HEAD,
  PART_LANES,
  PART_STAGES,
  PART_CARDS,
  PART_FLOWS,
  PART_EMOTIONS,
  PART_CLOSE,
};

static void
write_meta (GString  *out,
            gpointer  item)
{
  TptDocument *self = item;

  open_start (out, 1, TPT_E_META);
  g_string_append (out, ">\n");
  leaf (out, 2, TPT_E_TITLE, tpt_document_get_title (self));
  optional_leaf (out, 2, TPT_E_AUTHOR, tpt_document_get_author (self));
  optional_leaf (out, 2, TPT_E_DESCRIPTION, tpt_document_get_description (self));
  close_element (out, 1, TPT_E_META);
}

static void
write_blueprint_head (GString  *out,
                      gpointer  item)
{
  TptBlueprint *blueprint = item;

  open_start (out, 1, TPT_E_BLUEPRINT);
  attribute (out, TPT_A_ID, tpt_node_get_id (TPT_NODE (blueprint)));
  enum_attribute (out, TPT_A_STATE, TPT_TYPE_BLUEPRINT_STATE, tpt_blueprint_get_state (blueprint));
  optional_attribute (out, TPT_A_BASED_ON, tpt_blueprint_get_based_on (blueprint));
  g_string_append (out, ">\n");
  leaf (out, 2, TPT_E_TITLE, tpt_blueprint_get_title (blueprint));
}

void
tpt_writer_walk_init (TptWriterWalk *walk,
                      TptDocument   *document)
{
  *walk = (TptWriterWalk) { .document = document, .phase = PHASE_HEAD };
}

static inline void
emit_item (TptWriterOut *out,
           TptNode      *node,
           TptWriteFunc  func)
{
  if (out->item != NULL)
    out->item (out, node, func);
  else
    func (out->text, node);
}

/* One wrapper element and its items, one item a step; left out when it
 * would be empty. Returns TRUE when the section is done. */
static gboolean
step_section (TptWriterWalk *walk,
              TptWriterOut  *out,
              const char    *name,
              GListModel    *model,
              TptWriteFunc   func)
{
  guint n = g_list_model_get_n_items (model);
  g_autoptr(TptNode) node = NULL;

  if (n == 0)
    return TRUE;

  if (walk->index == 0)
    {
      open_start (out->text, 1, name);
      g_string_append (out->text, ">\n");
    }
  if (walk->index < n)
    {
      node = g_list_model_get_item (model, walk->index++);
      emit_item (out, node, func);
    }
  if (walk->index < n)
    return FALSE;

  close_element (out->text, 1, name);
  return TRUE;
}

static void
step_blueprint (TptWriterWalk *walk,
                TptWriterOut  *out,
                TptBlueprint  *blueprint)
{
  static const TptWriteFunc funcs[] = {
    [PART_LANES] = write_lane,
    [PART_STAGES] = write_stage,
    [PART_CARDS] = write_card,
    [PART_FLOWS] = write_flow,
    [PART_EMOTIONS] = write_emotion,
  };
  GListModel *models[] = {
    [PART_LANES] = tpt_blueprint_get_lanes (blueprint),
    [PART_STAGES] = tpt_blueprint_get_stages (blueprint),
    [PART_CARDS] = tpt_blueprint_get_cards (blueprint),
    [PART_FLOWS] = tpt_blueprint_get_flows (blueprint),
    [PART_EMOTIONS] = tpt_blueprint_get_emotions (blueprint),
  };

  if (walk->part == PART_HEAD)
    {
      emit_item (out, TPT_NODE (blueprint), write_blueprint_head);
      walk->part++;
      walk->index = 0;
      return;
    }

  while (walk->part < PART_CLOSE)
    {
      GListModel *model = models[walk->part];

      if (walk->index < g_list_model_get_n_items (model))
        {
          g_autoptr(TptNode) node = g_list_model_get_item (model, walk->index++);

          emit_item (out, node, funcs[walk->part]);
          return;
        }
      walk->part++;
      walk->index = 0;
    }

  close_element (out->text, 1, TPT_E_BLUEPRINT);
  walk->blueprint++;
  walk->part = PART_HEAD;
  walk->index = 0;
}

/*
 * tpt_writer_walk_step:
 * @walk: a walk begun with tpt_writer_walk_init()
 * @out: where the step goes
 *
 * Writes the next item of the file, with the literal text around it. The
 * document must not change structure (gain or lose nodes) between the
 * steps of one walk; fields may change, since an item is written whole.
 *
 * Returns: %FALSE once the whole file is written
 */
gboolean
tpt_writer_walk_step (TptWriterWalk *walk,
                      TptWriterOut  *out)
{
  TptDocument *self = walk->document;
  gboolean done;

  switch (walk->phase)
    {
    case PHASE_HEAD:
      g_string_append (out->text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      g_string_append_printf (out->text, "<" TPT_E_TOUCHPOINT " " TPT_A_FORMAT "=\"%d\">\n",
                              TPT_FORMAT_VERSION);
      emit_item (out, TPT_NODE (self), write_meta);
      done = TRUE;
      break;
    case PHASE_PERSONAS:
      done = step_section (walk, out, TPT_E_PERSONAS, tpt_document_get_personas (self),
                           write_persona);
      break;
    case PHASE_NEEDS:
      done = step_section (walk, out, TPT_E_NEEDS, tpt_document_get_needs (self), write_need);
      break;
    case PHASE_MATRIX:
      done = step_section (walk, out, TPT_E_MATRIX, tpt_document_get_ratings (self),
                           write_rating);
      break;
    case PHASE_BLUEPRINTS:
      {
        GListModel *blueprints = tpt_document_get_blueprints (self);

        done = walk->blueprint >= g_list_model_get_n_items (blueprints);
        if (!done)
          {
            g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints,
                                                                       walk->blueprint);

            step_blueprint (walk, out, blueprint);
            return TRUE;
          }
      }
      break;
    case PHASE_SLIDES:
      done = step_section (walk, out, TPT_E_SLIDES, tpt_document_get_slides (self), write_slide);
      break;
    case PHASE_TAIL:
      g_string_append (out->text, "</" TPT_E_TOUCHPOINT ">\n");
      done = TRUE;
      break;
    case PHASE_DONE:
    default:
      return FALSE;
    }

  if (done)
    {
      walk->phase++;
      walk->index = 0;
    }

  return walk->phase != PHASE_DONE;
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
  TptWriterWalk walk;
  TptWriterOut out = { 0 };

  g_return_val_if_fail (TPT_IS_DOCUMENT (self), NULL);

  out.text = g_string_sized_new (estimate_size (self));
  tpt_writer_walk_init (&walk, self);
  while (tpt_writer_walk_step (&walk, &out))
    ;

  return g_string_free_to_bytes (out.text);
}

/* Saving ---------------------------------------------------------------------- */

/* The temporary file a save writes first, beside the target
 * (tpt-safe-replace.c): hidden, and named so that one left by a crash is
 * recognised and cleaned up (tpt_document_clean_stale_saves()). */
#define SAVE_INFIX ".tpt-save-"

/* Gives an error from writing the file the message a save shows, keeping
 * its code, which tells the window what to offer. */
void
tpt_writer_prefix_save_error (GError **error,
                              GFile   *file,
                              GError  *local_error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  int code = local_error->domain == TPT_ERROR ? local_error->code : TPT_ERROR_IO;

  if (code == TPT_ERROR_IO)
    g_set_error (error, TPT_ERROR, code, _("Could not save “%s”: %s"), name,
                 local_error->message);
  else
    g_set_error_literal (error, TPT_ERROR, code, local_error->message);
}

/**
 * tpt_document_save_file:
 * @self: a #TptDocument
 * @file: where to save
 * @error: return location for a #TPT_ERROR
 *
 * Saves @self safely (#TptSafeReplace): afterwards @file holds either its
 * old contents or the whole new document, never a mixture, with its owner,
 * group, mode and links. Only a save that succeeds marks the history as
 * saved. A file the user may not change is refused with
 * %TPT_ERROR_NOT_WRITABLE, a folder that is gone with
 * %TPT_ERROR_FOLDER_GONE.
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

  g_return_val_if_fail (TPT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = tpt_document_serialize (self);
  if (!tpt_safe_replace_contents (file, &bytes, 1, &local_error))
    {
      tpt_writer_prefix_save_error (error, file, local_error);
      return FALSE;
    }

  tpt_history_mark_saved (tpt_document_get_history (self));
  return TRUE;
}

/* Saving without stopping the window ------------------------------------ */

typedef struct
{
  GFile          *file;
  char           *expected_etag;
  GPtrArray      *chunks;
  TptHistoryMark *mark;
  char           *etag;
  guint           request;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_free (data->expected_etag);
  g_clear_pointer (&data->chunks, g_ptr_array_unref);
  g_clear_pointer (&data->mark, tpt_history_mark_free);
  g_free (data->etag);
  g_free (data);
}

static char *
query_etag (GFile *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  return info != NULL ? g_strdup (g_file_info_get_etag (info)) : NULL;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(GError) local_error = NULL;
  GError *error = NULL;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* Another program's newer file is not overwritten unasked. */
  if (data->expected_etag != NULL)
    {
      g_autofree char *etag = query_etag (data->file);

      if (etag != NULL && g_strcmp0 (etag, data->expected_etag) != 0)
        {
          g_autofree char *name = g_file_get_parse_name (data->file);

          g_task_return_new_error (task, TPT_ERROR, TPT_ERROR_CHANGED_ON_DISK,
                                   _("“%s” was changed by another program since it was "
                                     "opened"), name);
          return;
        }
    }

  if (!tpt_safe_replace_contents (data->file, (GBytes * const *) data->chunks->pdata,
                                  data->chunks->len, &local_error))
    {
      tpt_writer_prefix_save_error (&error, data->file, local_error);
      g_task_return_error (task, error);
      return;
    }

  data->etag = query_etag (data->file);
  g_task_return_boolean (task, TRUE);
}

static void
save_serialized_cb (TptSerializer *serializer,
                    GPtrArray     *chunks,
                    gpointer       user_data)
{
  GTask *task = user_data;
  SaveData *data = g_task_get_task_data (task);
  TptDocument *self = g_task_get_source_object (task);

  data->request = 0;
  data->chunks = g_ptr_array_ref (chunks);
  /* The state these pieces are of, whatever is edited while they are
   * written. */
  data->mark = tpt_history_get_mark (tpt_document_get_history (self));
  g_task_run_in_thread (task, save_thread);
}

/**
 * tpt_document_save_async:
 * @self: a #TptDocument
 * @file: where to save
 * @expected_etag: (nullable): the entity tag @file had when it was read or
 *   last saved; if it has another one now, nothing is written and the save
 *   fails with %TPT_ERROR_CHANGED_ON_DISK. %NULL not to check.
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the save is done
 * @user_data: for @callback
 *
 * Saves @self as tpt_document_save_file() does, without keeping the main
 * loop: the document is written in slices of a few milliseconds
 * (#TptSerializer), and the file written in a worker thread. The user may
 * go on editing meanwhile; what is saved is the document as it was when
 * the writing began, and that state is the one marked as saved.
 */
void
tpt_document_save_async (TptDocument         *self,
                         GFile               *file,
                         const char          *expected_etag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data;

  g_return_if_fail (TPT_IS_DOCUMENT (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, tpt_document_save_async);
  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file);
  data->expected_etag = g_strdup (expected_etag);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);

  data->request = tpt_serializer_request (tpt_serializer_get_for_document (self),
                                          save_serialized_cb, g_steal_pointer (&task),
                                          g_object_unref);
}

/**
 * tpt_document_save_finish:
 * @self: a #TptDocument
 * @result: the result given to the callback
 * @etag: (out) (optional) (transfer full): the file's entity tag after the
 *   save, to recognise our own write when the file is watched
 * @error: return location for a #TPT_ERROR
 *
 * Finishes a save, and marks the state it wrote as saved.
 *
 * Returns: %TRUE if the file was saved
 */
gboolean
tpt_document_save_finish (TptDocument   *self,
                          GAsyncResult  *result,
                          char         **etag,
                          GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (TPT_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  tpt_history_mark_saved_at (tpt_document_get_history (self), data->mark);
  if (etag != NULL)
    *etag = g_strdup (data->etag);
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
