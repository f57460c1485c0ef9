/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-fragment"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "tpt-fragment.h"
#include "tpt-values.h"

#include "tpt-enum-types.h"
#include "tpt-error.h"
#include "tpt-format-private.h"
#include "tpt-need.h"
#include "tpt-persona.h"

/* Cards on the clipboard. The fragment holds <card> elements written by
 * the format-1 writer itself, less what only makes sense in their own
 * blueprint: ids, lanes and steps. Links to needs and personas are kept,
 * and on pasting only those that name a need or persona of the target
 * document survive, so a paste never makes a broken reference. */

/**
 * tpt_fragment_write_cards:
 * @cards: (element-type TptCard): the cards, in the order to paste them
 *
 * Returns: (transfer full): the fragment, UTF-8 XML
 */
char *
tpt_fragment_write_cards (GPtrArray *cards)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<touchpoint-fragment format=\"1\">\n");

  g_return_val_if_fail (cards != NULL, NULL);

  /* The card elements of format 1, less what only means something in
   * their own blueprint. */
  for (guint i = 0; i < cards->len; i++)
    tpt_writer_append_card (out, g_ptr_array_index (cards, i), 1, FALSE);
  g_string_append (out, "</touchpoint-fragment>\n");

  return g_string_free (out, FALSE);
}

typedef struct
{
  TptDocument *document;
  GPtrArray   *cards;
  TptCard     *card;       /* the one being read */
  GString     *text;
  GPtrArray   *serves;
  GPtrArray   *concerns;
  gboolean     in_root;
  gboolean     collecting;
} Reader;

/**
 * tpt_fragment_clean_text:
 * @text: UTF-8 text from the clipboard
 *
 * Drops what a file cannot hold: control characters other than tab, line
 * feed and carriage return, and U+FFFE and U+FFFF. The writer leaves them
 * out too; taken out when pasted, what the screen shows is what is saved.
 *
 * Returns: (transfer full): @text without them
 */
char *
tpt_fragment_clean_text (const char *text)
{
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xfffe || c == 0xffff)
        continue;
      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

static gboolean
fail (GError    **error,
      const char *message)
{
  g_set_error_literal (error, TPT_ERROR, TPT_ERROR_INVALID, message);
  return FALSE;
}

#define OPTIONAL_STRING (G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL)

static void
start_element (GMarkupParseContext  *context,
               const char           *name,
               const char          **attribute_names,
               const char          **attribute_values,
               gpointer              user_data,
               GError              **error)
{
  Reader *reader = user_data;

  if (!reader->in_root)
    {
      const char *format = NULL;

      if (!g_str_equal (name, "touchpoint-fragment"))
        {
          fail (error, _("The clipboard does not hold Touchpoint cards"));
          return;
        }
      if (!g_markup_collect_attributes (name, attribute_names, attribute_values, error,
                                        G_MARKUP_COLLECT_STRING, "format", &format,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      if (!g_str_equal (format, "1"))
        {
          g_set_error_literal (error, TPT_ERROR, TPT_ERROR_NEWER_FORMAT,
                               _("The cards come from a newer version of Touchpoint"));
          return;
        }
      reader->in_root = TRUE;
      return;
    }

  if (g_str_equal (name, "card") && reader->card == NULL)
    {
      const char *kind = NULL, *span = NULL, *owner = NULL, *channel = NULL;
      const char *target = NULL, *actual = NULL, *unit = NULL, *direction = NULL;
      const char *source = NULL;
      int kind_value = TPT_CARD_KIND_ACTION;
      int direction_value = TPT_DIRECTION_NONE;
      int source_value = TPT_VOICE_NONE;
      guint64 span_value = 1;

      if (reader->cards->len >= TPT_FRAGMENT_MAX_CARDS)
        {
          g_set_error_literal (error, TPT_ERROR, TPT_ERROR_TOO_LARGE,
                               _("The clipboard holds too many cards to paste"));
          return;
        }
      if (!g_markup_collect_attributes (name, attribute_names, attribute_values, error,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "kind", &kind,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "span", &span,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "owner", &owner,
                                        G_MARKUP_COLLECT_STRING | G_MARKUP_COLLECT_OPTIONAL, "channel", &channel,
                                        OPTIONAL_STRING, "target", &target,
                                        OPTIONAL_STRING, "actual", &actual,
                                        OPTIONAL_STRING, "unit", &unit,
                                        OPTIONAL_STRING, "direction", &direction,
                                        OPTIONAL_STRING, "source", &source,
                                        G_MARKUP_COLLECT_INVALID))
        return;
      if ((target != NULL && !tpt_number_parse (target, NULL)) ||
          (actual != NULL && !tpt_number_parse (actual, NULL)) ||
          (unit != NULL && !tpt_unit_is_valid (unit)) ||
          (direction != NULL &&
           (!tpt_enum_from_nick (TPT_TYPE_DIRECTION, direction, &direction_value) ||
            direction_value == TPT_DIRECTION_NONE)) ||
          (source != NULL &&
           (!tpt_enum_from_nick (TPT_TYPE_VOICE, source, &source_value) ||
            source_value == TPT_VOICE_NONE)))
        {
          fail (error, _("A metric on the clipboard has a target, value or unit Touchpoint "
                         "cannot read"));
          return;
        }
      if ((kind != NULL && !tpt_enum_from_nick (TPT_TYPE_CARD_KIND, kind, &kind_value)) ||
          (span != NULL && (!g_ascii_string_to_unsigned (span, 10, 1, 1000, &span_value, NULL))))
        {
          fail (error, _("A card on the clipboard has a kind or span Touchpoint does not know"));
          return;
        }
      reader->card = tpt_card_new (reader->document);
      tpt_card_set_kind (reader->card, kind_value);
      tpt_card_set_span (reader->card, (int) span_value);
      {
        g_autofree char *clean_owner = owner != NULL ? tpt_fragment_clean_text (owner) : NULL;
        g_autofree char *clean_channel = channel != NULL ? tpt_fragment_clean_text (channel)
                                                         : NULL;
        g_autofree char *clean_unit = unit != NULL ? tpt_fragment_clean_text (unit) : NULL;

        tpt_card_set_owner (reader->card, clean_owner);
        tpt_card_set_channel (reader->card, clean_channel);
        tpt_card_set_target (reader->card, target);
        tpt_card_set_actual (reader->card, actual);
        tpt_card_set_unit (reader->card, clean_unit);
        tpt_card_set_direction (reader->card, direction_value);
        tpt_card_set_source (reader->card, source_value);
      }
      return;
    }

  if (reader->card != NULL && !reader->collecting &&
      (g_str_equal (name, "text") || g_str_equal (name, "serves") || g_str_equal (name, "concerns")))
    {
      g_string_truncate (reader->text, 0);
      reader->collecting = TRUE;
      return;
    }

  fail (error, _("The cards on the clipboard are not in a form Touchpoint can read"));
}

static void
end_element (GMarkupParseContext  *context,
             const char           *name,
             gpointer              user_data,
             GError              **error)
{
  Reader *reader = user_data;

  if (reader->collecting)
    {
      reader->collecting = FALSE;
      if (g_str_equal (name, "text"))
        {
          g_autofree char *clean = tpt_fragment_clean_text (reader->text->str);

          tpt_card_set_text (reader->card, clean);
        }
      else
        {
          /* As in format 1, a list of ids separated by spaces. */
          gboolean serves = g_str_equal (name, "serves");
          g_auto(GStrv) ids = g_strsplit_set (reader->text->str, " \t\r\n", -1);

          for (guint i = 0; ids[i] != NULL; i++)
            if (*ids[i] != '\0' &&
                tpt_document_lookup_typed (reader->document, ids[i],
                                           serves ? TPT_TYPE_NEED : TPT_TYPE_PERSONA))
              g_ptr_array_add (serves ? reader->serves : reader->concerns, g_strdup (ids[i]));
        }
      return;
    }

  if (g_str_equal (name, "card") && reader->card != NULL)
    {
      g_ptr_array_add (reader->serves, NULL);
      g_ptr_array_add (reader->concerns, NULL);
      tpt_card_set_serves (reader->card, (const char * const *) reader->serves->pdata);
      tpt_card_set_concerns (reader->card, (const char * const *) reader->concerns->pdata);
      g_ptr_array_set_size (reader->serves, 0);
      g_ptr_array_set_size (reader->concerns, 0);
      g_ptr_array_add (reader->cards, g_steal_pointer (&reader->card));
    }
}

static void
text (GMarkupParseContext  *context,
      const char           *data,
      gsize                 size,
      gpointer              user_data,
      GError              **error)
{
  Reader *reader = user_data;

  if (reader->collecting)
    g_string_append_len (reader->text, data, size);
}

static const GMarkupParser parser = { start_element, end_element, text, NULL, NULL };

static gboolean
check_size (gsize    size,
            GError **error)
{
  if (size > TPT_FRAGMENT_MAX_SIZE)
    {
      g_set_error_literal (error, TPT_ERROR, TPT_ERROR_TOO_LARGE,
                           _("The clipboard holds too much to paste as cards"));
      return FALSE;
    }
  return TRUE;
}

/**
 * tpt_fragment_read_cards:
 * @document: the document the cards are for
 * @data: a fragment from tpt_fragment_write_cards()
 * @size: its length, or -1 if nul-terminated
 * @error: where to say what is wrong with it
 *
 * Returns: (transfer full) (element-type TptCard) (nullable): new cards of
 *   @document, in no blueprint yet, or %NULL if @data is not a fragment
 *   Touchpoint can read or holds no card
 */
GPtrArray *
tpt_fragment_read_cards (TptDocument  *document,
                         const char   *data,
                         gssize        size,
                         GError      **error)
{
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) serves = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) concerns = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) buffer = g_string_new (NULL);
  Reader reader = { document, cards, NULL, buffer, serves, concerns, FALSE, FALSE };
  gboolean ok;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (data != NULL, NULL);

  if (size < 0)
    size = strlen (data);
  if (!check_size (size, error))
    return NULL;

  context = g_markup_parse_context_new (&parser, G_MARKUP_PREFIX_ERROR_POSITION, &reader, NULL);
  ok = g_markup_parse_context_parse (context, data, size, error) &&
       g_markup_parse_context_end_parse (context, error);
  g_clear_object (&reader.card);
  if (!ok)
    {
      /* GMarkup's own messages speak of XML; say what it means here. */
      if (error != NULL && *error != NULL && (*error)->domain == G_MARKUP_ERROR)
        {
          g_autoptr(GError) markup = g_steal_pointer (error);

          g_set_error (error, TPT_ERROR, TPT_ERROR_MALFORMED,
                       _("The cards on the clipboard are damaged: %s"), markup->message);
        }
      return NULL;
    }
  if (cards->len == 0)
    {
      fail (error, _("The clipboard holds no cards"));
      return NULL;
    }

  return g_steal_pointer (&cards);
}

/**
 * tpt_fragment_cards_from_text:
 * @document: the document the cards are for
 * @text: plain text, from another program
 * @size: its length, or -1 if nul-terminated
 * @error: where to say what is wrong with it
 *
 * Makes one action card per non-empty line, as a list pasted from notes or
 * a spreadsheet column becomes cards on a wall.
 *
 * Returns: (transfer full) (element-type TptCard) (nullable): new cards,
 *   or %NULL if @text has none or is not UTF-8
 */
GPtrArray *
tpt_fragment_cards_from_text (TptDocument  *document,
                              const char   *text,
                              gssize        size,
                              GError      **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *copy = NULL;
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  if (size < 0)
    size = strlen (text);
  if (!check_size (size, error))
    return NULL;
  if (!g_utf8_validate_len (text, size, NULL))
    {
      g_set_error_literal (error, TPT_ERROR, TPT_ERROR_MALFORMED,
                           _("The text on the clipboard is not valid UTF-8"));
      return NULL;
    }

  {
    g_autofree char *whole = g_strndup (text, size);

    copy = tpt_fragment_clean_text (whole);
  }
  lines = g_strsplit_set (copy, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      TptCard *card;

      if (*line == '\0')
        continue;
      if (cards->len >= TPT_FRAGMENT_MAX_CARDS)
        {
          g_set_error_literal (error, TPT_ERROR, TPT_ERROR_TOO_LARGE,
                               _("The clipboard holds too many cards to paste"));
          return NULL;
        }
      card = tpt_card_new (document);
      tpt_card_set_text (card, line);
      g_ptr_array_add (cards, card);
    }

  if (cards->len == 0)
    {
      g_set_error_literal (error, TPT_ERROR, TPT_ERROR_INVALID,
                           _("The clipboard holds no text to make cards of"));
      return NULL;
    }

  return g_steal_pointer (&cards);
}
