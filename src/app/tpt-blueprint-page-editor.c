/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-blueprint-page-private.h"

#include "tpt-node-edits.h"

/* ------------------------------------------------------------------ */
/* Writing in place: a card's text, a new card's, a header's name      */

static void
clear_editing (TptBlueprintPage *self)
{
  g_clear_object (&self->editing);
  g_clear_object (&self->editing_header);
}

static void
header_done (TptCanvas    *canvas,
             const char   *text,
             TptEditorEnd  end,
             gpointer      data)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (canvas);
  g_autoptr(TptNode) node = g_steal_pointer (&self->editing_header);
  const char *current = NULL;

  clear_editing (self);
  if (end == TPT_EDITOR_END_CANCEL || node == NULL || !tpt_node_is_attached (node) ||
      *text == '\0')
    return;

  if (TPT_IS_LANE (node))
    current = tpt_lane_get_title (TPT_LANE (node));
  else if (TPT_IS_STEP (node))
    current = tpt_step_get_title (TPT_STEP (node));
  else if (TPT_IS_STAGE (node))
    current = tpt_stage_get_title (TPT_STAGE (node));
  if (g_strcmp0 (text, current) != 0)
    tpt_node_edits_set_name (self->document, node, text);
}

/* The kind a card typed into a lane gets: the lane's own, for the lanes
 * that are about one kind of thing. */
static TptCardKind
kind_for_lane (TptLane *lane)
{
  switch (tpt_lane_get_kind (lane))
    {
    case TPT_LANE_KIND_PAIN:
      return TPT_CARD_KIND_PAIN;
    case TPT_LANE_KIND_OPPORTUNITY:
      return TPT_CARD_KIND_OPPORTUNITY;
    case TPT_LANE_KIND_METRIC:
      return TPT_CARD_KIND_METRIC;
    case TPT_LANE_KIND_POLICY:
      return TPT_CARD_KIND_NOTE;
    case TPT_LANE_KIND_EVIDENCE:
    case TPT_LANE_KIND_CUSTOMER:
    case TPT_LANE_KIND_FRONTSTAGE:
    case TPT_LANE_KIND_BACKSTAGE:
    case TPT_LANE_KIND_SUPPORT:
    case TPT_LANE_KIND_EMOTION:
    case TPT_LANE_KIND_CUSTOM:
    default:
      return TPT_CARD_KIND_ACTION;
    }
}

static void
card_done (TptCanvas    *canvas,
           const char   *text,
           TptEditorEnd  end,
           gpointer      data)
{
  TptBlueprintPage *self = TPT_BLUEPRINT_PAGE (canvas);
  g_autoptr(TptCard) editing = g_steal_pointer (&self->editing);

  clear_editing (self);
  if (end == TPT_EDITOR_END_CANCEL || self->document == NULL)
    return;

  if (editing != NULL)
    {
      if (tpt_node_is_attached (TPT_NODE (editing)) &&
          g_strcmp0 (text, tpt_card_get_text (editing)) != 0)
        {
          tpt_document_begin (self->document, _("Edit Card Text"));
          tpt_card_set_text (editing, text);
          tpt_document_end (self->document);
        }
    }
  else if (*text != '\0' && tpt_blueprint_page_cell_takes_cards (self, self->edit_lane,
                                                                 self->edit_step))
    {
      /* The card comes into being with its text: one step to undo. */
      TptLane *lane = tpt_blueprint_page_lane_object (self, self->edit_lane);
      g_autoptr(TptCard) card = tpt_card_new (self->document);

      tpt_card_set_text (card, text);
      tpt_card_set_kind (card, kind_for_lane (lane));
      tpt_document_begin (self->document, _("Add Card"));
      tpt_blueprint_add_card (self->blueprint, card, lane,
                              tpt_blueprint_page_step_object (self, self->edit_step), G_MAXUINT);
      tpt_document_end (self->document);
      tpt_blueprint_page_select_card (self, card);
    }
}

/* Opens the editor over @card, or for a new card at the end of a cell. */
void
tpt_blueprint_page_open_editor (TptBlueprintPage *self,
                                TptCard          *card,
                                guint             lane,
                                guint             step)
{
  const TptLayoutCard *placed = tpt_blueprint_page_layout_card (self, card);
  TptRect rect;

  tpt_canvas_end_edit (TPT_CANVAS (self), TPT_EDITOR_END_COMMIT);
  if (self->layout == NULL)
    return;

  if (placed != NULL)
    {
      rect = placed->rect;
      self->edit_lane = placed->lane;
      self->edit_step = placed->step;
    }
  else
    {
      g_autoptr(GPtrArray) here = NULL;
      TptRect cell;
      double y;

      if (!tpt_blueprint_page_cell_takes_cards (self, lane, step))
        return;
      cell = tpt_blueprint_page_cell_rect (self, lane, step);
      here = tpt_blueprint_page_cards_in_cell (self, lane, step, NULL);
      y = here->len > 0
          ? tpt_rect_bottom (&((const TptLayoutCard *) g_ptr_array_index (here, here->len - 1))->rect) + 6
          : cell.y + 6;
      rect = (TptRect) { cell.x + 6, MIN (y, tpt_rect_bottom (&cell) - 30), cell.width - 12, 44 };
      self->edit_lane = lane;
      self->edit_step = step;
    }

  clear_editing (self);
  g_set_object (&self->editing, card);
  tpt_canvas_edit (TPT_CANVAS (self), &rect, card != NULL ? tpt_card_get_text (card) : NULL,
                   card != NULL ? _("Card text") : _("New card text"), TRUE, FALSE,
                   card_done, NULL, NULL);
}

/* Opens the editor over a lane's, step's or stage's header to rename it. */
void
tpt_blueprint_page_open_header_editor (TptBlueprintPage *self,
                                       TptNode          *node)
{
  const char *title = NULL;
  TptRect rect;

  tpt_canvas_end_edit (TPT_CANVAS (self), TPT_EDITOR_END_COMMIT);
  if (!tpt_blueprint_page_header_rect (self, node, &rect))
    return;

  if (TPT_IS_LANE (node))
    title = tpt_lane_get_title (TPT_LANE (node));
  else if (TPT_IS_STEP (node))
    title = tpt_step_get_title (TPT_STEP (node));
  else if (TPT_IS_STAGE (node))
    title = tpt_stage_get_title (TPT_STAGE (node));
  clear_editing (self);
  g_set_object (&self->editing_header, node);
  /* A name is typed over, as when renaming a file. */
  tpt_canvas_edit (TPT_CANVAS (self), &rect, title, tpt_node_edits_rename_label (node), FALSE,
                   TRUE, header_done, NULL, NULL);
}

void
tpt_blueprint_page_edit_selection_or_cell (TptBlueprintPage *self)
{
  TptCard *card = tpt_blueprint_page_primary_card (self);

  if (self->header != NULL)
    tpt_blueprint_page_open_header_editor (self, self->header);
  else if (card != NULL && tpt_blueprint_page_layout_card (self, card) != NULL)
    tpt_blueprint_page_open_editor (self, card, 0, 0);
  else if (self->has_cursor)
    tpt_blueprint_page_open_editor (self, NULL, self->cursor_lane, self->cursor_step);
}
