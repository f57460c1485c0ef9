/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "tpt-blueprint-page.h"
#include "tpt-selection.h"

G_BEGIN_DECLS

/* The page's state, shared by the files that make it up: selection,
 * navigation and drawing (tpt-blueprint-page.c), edits and the clipboard
 * (-edit.c), the in-place editor (-editor.c), actions, keys and the
 * context menu (-actions.c), lanes, steps, stages, flows and emotions
 * (-structure.c) and links dropped from the outline (-links.c). The drag
 * gestures are tools of their own (tpt-*-tool.c), which use what is
 * declared here. */

/* What a press at a point would take hold of, in the order that wins
 * when several are there: each drag tool takes one kind. */
typedef enum
{
  TPT_BLUEPRINT_HIT_NONE,
  TPT_BLUEPRINT_HIT_HANDLE,     /* a card's flow handle: draw a flow */
  TPT_BLUEPRINT_HIT_SPAN_EDGE,  /* a card's right edge: stretch it */
  TPT_BLUEPRINT_HIT_HEADER,     /* a lane's, step's or stage's header: move it */
  TPT_BLUEPRINT_HIT_EMOTION,    /* an emotion lane's cell: set the point */
  TPT_BLUEPRINT_HIT_CARD,       /* a selected card: move the selection */
  TPT_BLUEPRINT_HIT_PAPER,      /* anything else: select with a band */
} TptBlueprintHit;

struct _TptBlueprintPage
{
  TptCanvas           parent_instance;

  /* owned */
  TptBlueprint       *blueprint;
  TptBlueprintLayout *layout;
  GHashTable         *card_index;   /* TptCard → index + 1 into layout->cards */
  GHashTable         *collapsed;    /* ids of stages shown collapsed */
  /* The window's selection as this page sees it: its cards, in the order
   * chosen; or a lane, step or stage by its header; or a flow. */
  GPtrArray          *selection;
  TptNode            *header;
  TptFlow            *flow;

  /* borrowed: the canvas's */
  TptDocument        *document;

  /* The keyboard cursor: a cell, which the selection's card sits in or
   * which is empty. */
  gboolean            has_cursor;
  guint               cursor_lane;
  guint               cursor_step;

  TptCard            *hover;
  TptCard            *pressed;      /* a selected card pressed without modifiers */
  guint               dragging;     /* drag tools under way */

  /* In-place text editing: over a card, or over an empty place of a cell
   * for a card that only exists once the text is committed; or over a
   * lane's, step's or stage's header. */
  TptCard            *editing;
  guint               edit_lane;
  guint               edit_step;
  TptNode            *editing_header;

  /* Set while Shift+arrows add to the selection. */
  gboolean            extending;

  /* Structure just added, to rename in place once it is laid out. */
  TptNode            *pending_rename;
};

/* Geometry of the layout drawn, in its units (tpt-blueprint-page.c) */
const TptLayoutCard    *tpt_blueprint_page_layout_card        (TptBlueprintPage       *self,
                                                               TptCard                *card);
guint                   tpt_blueprint_page_n_lanes            (TptBlueprintPage       *self);
guint                   tpt_blueprint_page_n_steps            (TptBlueprintPage       *self);
gboolean                tpt_blueprint_page_lane_takes_cards   (TptBlueprintPage       *self,
                                                               guint                   lane);
gboolean                tpt_blueprint_page_cell_takes_cards   (TptBlueprintPage       *self,
                                                               guint                   lane,
                                                               guint                   step);
TptNode                *tpt_blueprint_page_column_node        (TptBlueprintPage       *self,
                                                               guint                   column);
TptRect                 tpt_blueprint_page_cell_rect          (TptBlueprintPage       *self,
                                                               guint                   lane,
                                                               guint                   step);
gboolean                tpt_blueprint_page_cell_at            (TptBlueprintPage       *self,
                                                               double                  x,
                                                               double                  y,
                                                               guint                  *lane,
                                                               guint                  *step);
TptCard                *tpt_blueprint_page_card_at            (TptBlueprintPage       *self,
                                                               double                  x,
                                                               double                  y);
GPtrArray              *tpt_blueprint_page_cards_in_cell      (TptBlueprintPage       *self,
                                                               guint                   lane,
                                                               guint                   step,
                                                               GPtrArray              *skip);
TptLane                *tpt_blueprint_page_lane_object        (TptBlueprintPage       *self,
                                                               guint                   lane);
TptStep                *tpt_blueprint_page_step_object        (TptBlueprintPage       *self,
                                                               guint                   step);
TptBlueprintHit         tpt_blueprint_page_hit                (TptBlueprintPage       *self,
                                                               double                  x,
                                                               double                  y,
                                                               GdkModifierType         state);
void                    tpt_blueprint_page_begin_drag         (TptBlueprintPage       *self);
void                    tpt_blueprint_page_end_drag           (TptBlueprintPage       *self);
void                    tpt_blueprint_page_rounded_rect       (cairo_t                *cr,
                                                               const TptRect          *rect,
                                                               double                  radius);

/* The selection, which is the window's (tpt-blueprint-page.c) */
void                    tpt_blueprint_page_select_only        (TptBlueprintPage       *self,
                                                               TptCard * const        *cards,
                                                               guint                   n_cards);
void                    tpt_blueprint_page_select_card        (TptBlueprintPage       *self,
                                                               TptCard                *card);
void                    tpt_blueprint_page_select_header      (TptBlueprintPage       *self,
                                                               TptNode                *node);
void                    tpt_blueprint_page_select_flow        (TptBlueprintPage       *self,
                                                               TptFlow                *flow);
GPtrArray              *tpt_blueprint_page_selection_in_order (TptBlueprintPage       *self);
TptCard                *tpt_blueprint_page_primary_card       (TptBlueprintPage       *self);
void                    tpt_blueprint_page_navigate           (TptBlueprintPage       *self,
                                                               int                     dx,
                                                               int                     dy,
                                                               gboolean                extend);
void                    tpt_blueprint_page_walk               (TptBlueprintPage       *self,
                                                               int                     direction);

/* Edits, each one undo step (tpt-blueprint-page-edit.c) */
void                    tpt_blueprint_page_delete_selection   (TptBlueprintPage       *self,
                                                               gboolean                cut);
void                    tpt_blueprint_page_set_kind           (TptBlueprintPage       *self,
                                                               TptCardKind             kind);
void                    tpt_blueprint_page_move_selection_to  (TptBlueprintPage       *self,
                                                               guint                   lane,
                                                               guint                   step,
                                                               guint                   index);
void                    tpt_blueprint_page_nudge_selection    (TptBlueprintPage       *self,
                                                               int                     dx,
                                                               int                     dy);
gboolean                tpt_blueprint_page_insertion_point    (TptBlueprintPage       *self,
                                                               guint                  *lane,
                                                               guint                  *step,
                                                               guint                  *index);
void                    tpt_blueprint_page_duplicate_selection (TptBlueprintPage      *self);
void                    tpt_blueprint_page_copy_selection     (TptBlueprintPage       *self);
void                    tpt_blueprint_page_paste              (TptBlueprintPage       *self);
void                    tpt_blueprint_page_change_span        (TptBlueprintPage       *self,
                                                               int                     delta);

/* Writing in place (tpt-blueprint-page-editor.c) */
void                    tpt_blueprint_page_open_editor        (TptBlueprintPage       *self,
                                                               TptCard                *card,
                                                               guint                   lane,
                                                               guint                   step);
void                    tpt_blueprint_page_open_header_editor (TptBlueprintPage       *self,
                                                               TptNode                *node);
void                    tpt_blueprint_page_edit_selection_or_cell (TptBlueprintPage   *self);

/* Actions, keys and the context menu (tpt-blueprint-page-actions.c) */
void                    tpt_blueprint_page_class_add_actions  (GtkWidgetClass         *widget_class);
void                    tpt_blueprint_page_update_actions     (TptBlueprintPage       *self);
void                    tpt_blueprint_page_popup_menu         (TptBlueprintPage       *self,
                                                               double                  x,
                                                               double                  y);
void                    tpt_blueprint_page_popup_menu_at_selection (TptBlueprintPage  *self);

/* Lanes, steps, stages, flows and emotions (tpt-blueprint-page-structure.c) */
TptNode                *tpt_blueprint_page_header_at          (TptBlueprintPage       *self,
                                                               double                  x,
                                                               double                  y);
gboolean                tpt_blueprint_page_header_rect        (TptBlueprintPage       *self,
                                                               TptNode                *node,
                                                               TptRect                *rect);
int                     tpt_blueprint_page_index_of_lane      (TptBlueprintPage       *self,
                                                               TptNode                *node);
int                     tpt_blueprint_page_index_of_step      (TptBlueprintPage       *self,
                                                               TptNode                *node);
int                     tpt_blueprint_page_index_of_stage     (TptBlueprintPage       *self,
                                                               TptNode                *node);
TptFlow                *tpt_blueprint_page_flow_at            (TptBlueprintPage       *self,
                                                               double                  x,
                                                               double                  y);
gboolean                tpt_blueprint_page_handle_of          (TptBlueprintPage       *self,
                                                               TptCard                *card,
                                                               TptPoint               *centre);
gboolean                tpt_blueprint_page_handle_hit         (TptBlueprintPage       *self,
                                                               double                  x,
                                                               double                  y,
                                                               TptCard               **card);
gboolean                tpt_blueprint_page_span_edge_hit      (TptBlueprintPage       *self,
                                                               double                  x,
                                                               double                  y,
                                                               TptCard               **card);
const TptLayoutEmotion *tpt_blueprint_page_emotion_of_lane    (TptBlueprintPage       *self,
                                                               guint                   lane);
int                     tpt_blueprint_page_emotion_value_at   (const TptLayoutEmotion *emotion,
                                                               double                  y);
void                    tpt_blueprint_page_structure_draw     (TptBlueprintPage       *self,
                                                               cairo_t                *cr,
                                                               const GdkRGBA          *accent,
                                                               double                  px);
void                    tpt_blueprint_page_navigate_headers   (TptBlueprintPage       *self,
                                                               int                     dx,
                                                               int                     dy);
gboolean                tpt_blueprint_page_emotion_key        (TptBlueprintPage       *self,
                                                               int                     delta,
                                                               gboolean                clear);
void                    tpt_blueprint_page_add_lane           (TptBlueprintPage       *self,
                                                               gboolean                after);
void                    tpt_blueprint_page_add_step           (TptBlueprintPage       *self,
                                                               gboolean                after);
void                    tpt_blueprint_page_add_stage          (TptBlueprintPage       *self,
                                                               gboolean                after);
void                    tpt_blueprint_page_move_header        (TptBlueprintPage       *self,
                                                               int                     delta);
void                    tpt_blueprint_page_move_header_to     (TptBlueprintPage       *self,
                                                               TptNode                *node,
                                                               guint                   target);
void                    tpt_blueprint_page_set_emotion        (TptBlueprintPage       *self,
                                                               guint                   lane,
                                                               guint                   step,
                                                               int                     value,
                                                               gboolean                clear);
void                    tpt_blueprint_page_delete_node        (TptBlueprintPage       *self,
                                                               TptNode                *node);

G_END_DECLS
