/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-blueprint-page-private.h"

#include "tpt-fragment.h"

/* ------------------------------------------------------------------ */
/* Edits: each is one transaction, labelled for the undo menu          */

/* Deletes the selected cards; @cut labels the step as a cut. */
void
tpt_blueprint_page_delete_selection (TptBlueprintPage *self,
                  gboolean            cut)
{
  g_autoptr(GPtrArray) cards = tpt_blueprint_page_selection_in_order (self);
  const char *label;

  if (cards->len == 0)
    return;

  if (cut)
    label = cards->len == 1 ? _("Cut Card") : _("Cut Cards");
  else
    label = cards->len == 1 ? _("Delete Card") : _("Delete Cards");
  tpt_document_begin (self->document, label);
  tpt_blueprint_remove_cards (self->blueprint, cards);
  tpt_document_end (self->document);

  tpt_blueprint_page_select_card (self, NULL);
}

void
tpt_blueprint_page_set_kind (TptBlueprintPage *self,
          TptCardKind         kind)
{
  gboolean change = FALSE;

  for (guint i = 0; i < self->selection->len; i++)
    change |= tpt_card_get_kind (g_ptr_array_index (self->selection, i)) != kind;
  if (!change)
    return;

  tpt_document_begin (self->document, _("Change Card Kind"));
  for (guint i = 0; i < self->selection->len; i++)
    tpt_card_set_kind (g_ptr_array_index (self->selection, i), kind);
  tpt_document_end (self->document);
}

/* Moves the selected cards into a cell, from @index on among its other
 * cards, keeping their reading order. */
void
tpt_blueprint_page_move_selection_to (TptBlueprintPage *self,
                   guint               lane,
                   guint               step,
                   guint               index)
{
  g_autoptr(GPtrArray) cards = tpt_blueprint_page_selection_in_order (self);

  if (cards->len == 0 || !tpt_blueprint_page_cell_takes_cards (self, lane, step))
    return;

  tpt_document_begin (self->document, cards->len == 1 ? _("Move Card") : _("Move Cards"));
  for (guint i = 0; i < cards->len; i++)
    tpt_blueprint_move_card (self->blueprint, g_ptr_array_index (cards, i),
                             tpt_blueprint_page_lane_object (self, lane), tpt_blueprint_page_step_object (self, step), index + i);
  tpt_document_end (self->document);
}

/* [ and ]: the keyboard's way to stretch cards over more or fewer steps,
 * never past the last. */
void
tpt_blueprint_page_change_span (TptBlueprintPage *self,
                        int                 delta)
{
  g_autoptr(GPtrArray) cards = tpt_blueprint_page_selection_in_order (self);
  gboolean change = FALSE;

  for (guint i = 0; i < cards->len; i++)
    {
      const TptLayoutCard *placed = tpt_blueprint_page_layout_card (self, g_ptr_array_index (cards, i));
      int span = placed != NULL ? (int) placed->span + delta : 0;

      change |= placed != NULL && span >= 1 && placed->step + span <= tpt_blueprint_page_n_steps (self);
    }
  if (!change)
    return;

  tpt_document_begin (self->document, _("Change Card Span"));
  for (guint i = 0; i < cards->len; i++)
    {
      const TptLayoutCard *placed = tpt_blueprint_page_layout_card (self, g_ptr_array_index (cards, i));
      int span = placed != NULL ? (int) placed->span + delta : 0;

      if (placed != NULL && span >= 1 && placed->step + span <= tpt_blueprint_page_n_steps (self))
        tpt_card_set_span (placed->card, span);
    }
  tpt_document_end (self->document);
}

/* Alt+arrows: the keyboard's drag. Left and right move to the next step,
 * up and down move within the cell, and past its ends to the next lane
 * that takes cards. */
void
tpt_blueprint_page_nudge_selection (TptBlueprintPage *self,
                 int                 dx,
                 int                 dy)
{
  TptCard *card = tpt_blueprint_page_primary_card (self);
  const TptLayoutCard *placed = tpt_blueprint_page_layout_card (self, card);
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GPtrArray) here = NULL;
  guint position = 0;
  int lane, step;

  if (placed == NULL)
    return;

  lane = placed->lane;
  step = placed->step;
  here = tpt_blueprint_page_cards_in_cell (self, lane, step, NULL);
  for (guint i = 0; i < here->len; i++)
    if (((const TptLayoutCard *) g_ptr_array_index (here, i))->card == card)
      position = i;

  if (dx != 0)
    {
      step += dx;
      if (step < 0 || step >= (int) tpt_blueprint_page_n_steps (self))
        return;
      others = tpt_blueprint_page_cards_in_cell (self, lane, step, self->selection);
      tpt_blueprint_page_move_selection_to (self, lane, step, MIN (position, others->len));
      return;
    }

  if ((dy < 0 && position > 0) || (dy > 0 && position + 1 < here->len))
    {
      tpt_blueprint_page_move_selection_to (self, lane, step, position + dy);
      return;
    }

  do
    lane += dy;
  while (lane >= 0 && lane < (int) tpt_blueprint_page_n_lanes (self) && !tpt_blueprint_page_lane_takes_cards (self, lane));
  if (lane < 0 || lane >= (int) tpt_blueprint_page_n_lanes (self))
    return;
  others = tpt_blueprint_page_cards_in_cell (self, lane, step, self->selection);
  tpt_blueprint_page_move_selection_to (self, lane, step, dy < 0 ? others->len : 0);
}

/* Where new cards go: after the selected card, or at the end of the
 * cursor's cell. */
gboolean
tpt_blueprint_page_insertion_point (TptBlueprintPage *self,
                 guint              *lane,
                 guint              *step,
                 guint              *index)
{
  const TptLayoutCard *placed = tpt_blueprint_page_layout_card (self, tpt_blueprint_page_primary_card (self));

  if (placed != NULL)
    {
      g_autoptr(GPtrArray) here = tpt_blueprint_page_cards_in_cell (self, placed->lane, placed->step, NULL);

      *lane = placed->lane;
      *step = placed->step;
      *index = here->len;
      for (guint i = 0; i < here->len; i++)
        if (g_ptr_array_index (here, i) == placed)
          *index = i + 1;
      return TRUE;
    }

  if (!self->has_cursor || !tpt_blueprint_page_cell_takes_cards (self, self->cursor_lane, self->cursor_step))
    return FALSE;

  *lane = self->cursor_lane;
  *step = self->cursor_step;
  *index = G_MAXUINT;
  return TRUE;
}

/* Adds @cards (new, unattached) at the insertion point in one step, and
 * selects them. */
static gboolean
insert_cards (TptBlueprintPage *self,
              GPtrArray          *cards,
              const char         *label)
{
  guint lane, step, index;

  if (cards->len == 0 || !tpt_blueprint_page_insertion_point (self, &lane, &step, &index))
    return FALSE;

  tpt_document_begin (self->document, label);
  for (guint i = 0; i < cards->len; i++)
    tpt_blueprint_add_card (self->blueprint, g_ptr_array_index (cards, i),
                            tpt_blueprint_page_lane_object (self, lane), tpt_blueprint_page_step_object (self, step),
                            index == G_MAXUINT ? G_MAXUINT : index + i);
  tpt_document_end (self->document);

  /* The layout catches up at the next relayout; select by identity. */
  tpt_blueprint_page_select_only (self, (TptCard **) cards->pdata, cards->len);
  return TRUE;
}

void
tpt_blueprint_page_duplicate_selection (TptBlueprintPage *self)
{
  g_autoptr(GPtrArray) cards = tpt_blueprint_page_selection_in_order (self);
  g_autofree char *fragment = NULL;
  g_autoptr(GPtrArray) copies = NULL;

  if (cards->len == 0)
    return;

  fragment = tpt_fragment_write_cards (cards);
  copies = tpt_fragment_read_cards (self->document, fragment, -1, NULL);
  if (copies != NULL)
    insert_cards (self, copies, copies->len == 1 ? _("Duplicate Card") : _("Duplicate Cards"));
}

static void
show_message (TptBlueprintPage *self,
              const char       *message)
{
  tpt_canvas_toast (TPT_CANVAS (self), message, FALSE);
}

/* ------------------------------------------------------------------ */
/* Clipboard: a format-1 fragment for Touchpoint, and plain text, one
 * card per line, for everything else.                                 */

void
tpt_blueprint_page_copy_selection (TptBlueprintPage *self)
{
  g_autoptr(GPtrArray) cards = tpt_blueprint_page_selection_in_order (self);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GBytes) fragment_bytes = NULL;
  g_autoptr(GBytes) text_bytes = NULL;
  GdkContentProvider *providers[2];
  g_autoptr(GdkContentProvider) provider = NULL;
  char *fragment;

  if (cards->len == 0)
    return;

  for (guint i = 0; i < cards->len; i++)
    {
      g_autofree char *line = g_strdup (tpt_card_get_text (g_ptr_array_index (cards, i)));

      /* One line per card, so pasting the text back gives the same cards. */
      g_strdelimit (line, "\r\n", ' ');
      g_string_append_printf (text, "%s\n", line);
    }
  fragment = tpt_fragment_write_cards (cards);
  fragment_bytes = g_bytes_new_take (fragment, strlen (fragment));
  text_bytes = g_bytes_new (text->str, text->len);

  providers[0] = gdk_content_provider_new_for_bytes (TPT_FRAGMENT_MIME_TYPE, fragment_bytes);
  providers[1] = gdk_content_provider_new_for_bytes ("text/plain;charset=utf-8", text_bytes);
  provider = gdk_content_provider_new_union (providers, 2);
  gdk_clipboard_set_content (gtk_widget_get_clipboard (GTK_WIDGET (self)), provider);
}

/* Makes cards from what was pasted: the fragment if it is one, or else one
 * card per non-empty line. Bad input changes nothing and says why. */
static void
paste_data (TptBlueprintPage *self,
            const char         *mime_type,
            GBytes             *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if (g_str_equal (mime_type, TPT_FRAGMENT_MIME_TYPE))
    cards = tpt_fragment_read_cards (self->document, data, size, &error);
  else
    cards = tpt_fragment_cards_from_text (self->document, data, size, &error);

  if (cards == NULL)
    {
      show_message (self, error->message);
      return;
    }
  if (!insert_cards (self, cards, cards->len == 1 ? _("Paste Card") : _("Paste Cards")))
    show_message (self, _("Choose a cell to paste into first"));
}

/* A paste being read from the clipboard, a chunk at a time: the other end
 * of the pipe may be this very process, which writes it from the main
 * loop, so reading must never block. */
typedef struct
{
  TptBlueprintPage *canvas;
  GByteArray         *data;
  char               *mime_type;
} PasteRead;

static void
paste_read_free (PasteRead *read)
{
  g_object_unref (read->canvas);
  g_byte_array_unref (read->data);
  g_free (read->mime_type);
  g_free (read);
}

static void
paste_chunk_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PasteRead *read = user_data;
  TptBlueprintPage *self = read->canvas;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);
  if (chunk == NULL)
    {
      show_message (self, error->message);
      paste_read_free (read);
      return;
    }

  if (g_bytes_get_size (chunk) > 0)
    {
      /* A clipboard can hold anything; read no more than a paste may. */
      g_byte_array_append (read->data, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      if (read->data->len > TPT_FRAGMENT_MAX_SIZE)
        {
          show_message (self, _("The clipboard holds too much to paste as cards"));
          paste_read_free (read);
          return;
        }
      g_input_stream_read_bytes_async (G_INPUT_STREAM (source), 65536, G_PRIORITY_DEFAULT,
                                       NULL, paste_chunk_cb, read);
      return;
    }

  if (self->layout != NULL && self->document != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (read->data->data, read->data->len);

      paste_data (self, read->mime_type, bytes);
    }
  paste_read_free (read);
}

static void
paste_read_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(TptBlueprintPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  const char *mime_type = NULL;
  PasteRead *read;

  stream = gdk_clipboard_read_finish (GDK_CLIPBOARD (source), result, &mime_type, &error);
  if (stream == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_message (self, _("The clipboard holds nothing that can be pasted as cards"));
      return;
    }

  read = g_new0 (PasteRead, 1);
  read->canvas = g_object_ref (self);
  read->data = g_byte_array_new ();
  read->mime_type = g_strdup (mime_type);
  g_input_stream_read_bytes_async (stream, 65536, G_PRIORITY_DEFAULT, NULL,
                                   paste_chunk_cb, read);
}

void
tpt_blueprint_page_paste (TptBlueprintPage *self)
{
  static const char *mime_types[] = { TPT_FRAGMENT_MIME_TYPE, "text/plain;charset=utf-8",
                                      "text/plain", NULL };

  gdk_clipboard_read_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), mime_types,
                            G_PRIORITY_DEFAULT, NULL, paste_read_cb, g_object_ref (self));
}

