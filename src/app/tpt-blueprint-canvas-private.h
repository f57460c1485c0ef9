/* SPDX-License-Identifier: GPL-3.0-or-later */

#pragma once

#include "tpt-blueprint-canvas.h"

G_BEGIN_DECLS

/* The canvas's state, shared by the files that make it up: gestures and
 * drawing (tpt-blueprint-canvas.c), edits and the clipboard (-edit.c), the
 * in-place text editor (-editor.c), and actions and the context menu
 * (-actions.c). */

typedef enum
{
  DRAG_NONE,
  DRAG_PENDING,     /* pressed, not yet moved far enough */
  DRAG_MOVE,        /* moving the selected cards */
  DRAG_BAND,        /* selecting with a rubber band */
  DRAG_HEADER,      /* moving a lane, step or stage by its header */
  DRAG_FLOW,        /* drawing a flow from a card's handle */
  DRAG_SPAN,        /* stretching a card over more or fewer steps */
  DRAG_EMOTION,     /* setting a step's emotion on the curve */
} DragMode;

struct _TptBlueprintCanvas
{
  GObject             parent_instance;

  TptArtefactView    *view;         /* unowned: the view owns us */
  TptDocument        *document;
  TptBlueprintLayout *layout;
  GHashTable         *card_index;   /* TptCard → index + 1 into layout->cards */
  GPtrArray          *selection;    /* TptCard, in the order they were chosen */
  GSimpleActionGroup *actions;

  /* The keyboard cursor: a cell, which the selection's card sits in or
   * which is empty. */
  gboolean            has_cursor;
  guint               cursor_lane;
  guint               cursor_step;

  TptCard            *hover;
  TptCard            *pressed;      /* a selected card pressed without modifiers */

  DragMode            drag_mode;
  GdkModifierType     drag_state;
  double              drag_x0;
  double              drag_y0;
  double              drag_x;
  double              drag_y;
  GPtrArray          *band_base;    /* the selection a Shift/Ctrl band adds to */
  gboolean            drop_valid;
  guint               drop_lane;
  guint               drop_step;
  guint               drop_index;
  double              drop_y;

  /* In-place text editing: over a card, or over an empty place of a cell
   * for a card that only exists once the text is committed. */
  GtkWidget          *editor;
  GtkCssProvider     *editor_css;   /* its type size, which follows the zoom */
  TptCard            *editing;
  guint               edit_lane;
  guint               edit_step;
  TptRect             edit_rect;


  /* Set while following a selection made elsewhere, which must not be
   * echoed back. */
  gboolean            following;

  /* Instead of cards, a lane, step or stage can be selected by its
   * header, or a flow. */
  TptNode            *header;
  TptFlow            *flow;

  /* What a drag that is not a move works on. */
  TptCard            *drag_card;
  TptNode            *drag_header;
  guint               drag_lane;
  guint               drag_step;
  int                 drag_value;
  guint               drag_span;
  guint               drag_target;
  gboolean            drag_target_valid;

  /* Set while Shift+arrows add to the selection. */
  gboolean            extending;

  /* Structure just added, to rename in place once it is laid out. */
  TptNode            *pending_rename;
  /* The lane, step or stage being renamed in place. */
  TptNode            *editing_header;
};

const TptLayoutCard  *tpt_canvas_layout_card               (TptBlueprintCanvas *self,
                                                            TptCard            *card);
guint                 tpt_canvas_n_lanes                   (TptBlueprintCanvas *self);
guint                 tpt_canvas_n_steps                   (TptBlueprintCanvas *self);
gboolean              tpt_canvas_lane_takes_cards          (TptBlueprintCanvas *self,
                                                            guint              lane);
gboolean              tpt_canvas_cell_takes_cards          (TptBlueprintCanvas *self,
                                                            guint               lane,
                                                            guint               step);
TptNode              *tpt_canvas_column_node               (TptBlueprintCanvas *self,
                                                            guint               column);
TptRect               tpt_canvas_cell_rect                 (TptBlueprintCanvas *self,
                                                            guint              lane,
                                                            guint              step);
GPtrArray            *tpt_canvas_cards_in_cell             (TptBlueprintCanvas *self,
                                                            guint              lane,
                                                            guint              step,
                                                            GPtrArray          *skip);
TptLane              *tpt_canvas_lane_object               (TptBlueprintCanvas *self,
                                                            guint              lane);
TptStep              *tpt_canvas_step_object               (TptBlueprintCanvas *self,
                                                            guint              step);
void                  tpt_canvas_selection_changed         (TptBlueprintCanvas *self);
void                  tpt_canvas_select_only               (TptBlueprintCanvas *self,
                                                            TptCard * const    *cards,
                                                            guint              n_cards);
void                  tpt_canvas_select_card               (TptBlueprintCanvas *self,
                                                            TptCard            *card);
GPtrArray            *tpt_canvas_selection_in_order        (TptBlueprintCanvas *self);
TptCard              *tpt_canvas_primary_card              (TptBlueprintCanvas *self);
TptBlueprint         *tpt_canvas_blueprint                 (TptBlueprintCanvas *self);
void                  tpt_canvas_delete_selection          (TptBlueprintCanvas *self,
                                                            gboolean           cut);
void                  tpt_canvas_set_kind                  (TptBlueprintCanvas *self,
                                                            TptCardKind        kind);
void                  tpt_canvas_move_selection_to         (TptBlueprintCanvas *self,
                                                            guint              lane,
                                                            guint              step,
                                                            guint              index);
void                  tpt_canvas_nudge_selection           (TptBlueprintCanvas *self,
                                                            int                dx,
                                                            int                dy);
gboolean              tpt_canvas_insertion_point           (TptBlueprintCanvas *self,
                                                            guint              *lane,
                                                            guint              *step,
                                                            guint              *index);
void                  tpt_canvas_duplicate_selection       (TptBlueprintCanvas *self);
void                  tpt_canvas_copy_selection            (TptBlueprintCanvas *self);
void                  tpt_canvas_paste                     (TptBlueprintCanvas *self);
void                  tpt_canvas_commit_editor             (TptBlueprintCanvas *self);
void                  tpt_canvas_cancel_editor             (TptBlueprintCanvas *self);
void                  tpt_canvas_open_editor               (TptBlueprintCanvas *self,
                                                            TptCard            *card,
                                                            guint              lane,
                                                            guint              step);
void                  tpt_canvas_edit_selection_or_cell    (TptBlueprintCanvas *self);
void                  tpt_canvas_update_actions            (TptBlueprintCanvas *self);
void                  tpt_canvas_popup_menu                (TptBlueprintCanvas *self,
                                                            double             x,
                                                            double             y);
void                  tpt_canvas_popup_menu_at_selection   (TptBlueprintCanvas *self);
void                  tpt_canvas_clear_selection           (TptBlueprintCanvas *self);
TptNode              *tpt_canvas_header_at                 (TptBlueprintCanvas *self,
                                                            double              x,
                                                            double              y);
gboolean              tpt_canvas_header_rect               (TptBlueprintCanvas *self,
                                                            TptNode            *node,
                                                            TptRect            *rect);
void                  tpt_canvas_select_header             (TptBlueprintCanvas *self,
                                                            TptNode            *node);
TptFlow              *tpt_canvas_flow_at                   (TptBlueprintCanvas *self,
                                                            double              x,
                                                            double              y);
void                  tpt_canvas_select_flow               (TptBlueprintCanvas *self,
                                                            TptFlow            *flow);
gboolean              tpt_canvas_handle_hit                (TptBlueprintCanvas *self,
                                                            double              x,
                                                            double              y,
                                                            TptCard           **card);
gboolean              tpt_canvas_span_edge_hit             (TptBlueprintCanvas *self,
                                                            double              x,
                                                            double              y,
                                                            TptCard           **card);
const TptLayoutEmotion *tpt_canvas_emotion_of_lane         (TptBlueprintCanvas *self,
                                                            guint               lane);
int                   tpt_canvas_emotion_value_at          (const TptLayoutEmotion *emotion,
                                                            double              y);
void                  tpt_canvas_structure_drag_update     (TptBlueprintCanvas *self);
void                  tpt_canvas_structure_drag_end        (TptBlueprintCanvas *self);
void                  tpt_canvas_structure_draw            (TptBlueprintCanvas *self,
                                                            cairo_t            *cr,
                                                            const GdkRGBA      *accent,
                                                            double              px);
gboolean              tpt_canvas_structure_key             (TptBlueprintCanvas *self,
                                                            guint               keyval,
                                                            gboolean            alt);
void                  tpt_canvas_add_lane                  (TptBlueprintCanvas *self,
                                                            gboolean            after);
void                  tpt_canvas_add_step                  (TptBlueprintCanvas *self,
                                                            gboolean            after);
void                  tpt_canvas_add_stage                 (TptBlueprintCanvas *self,
                                                            gboolean            after);
void                  tpt_canvas_move_header               (TptBlueprintCanvas *self,
                                                            int                 delta);
void                  tpt_canvas_set_emotion               (TptBlueprintCanvas *self,
                                                            guint               lane,
                                                            guint               step,
                                                            int                 value,
                                                            gboolean            clear);
void                  tpt_canvas_change_span               (TptBlueprintCanvas *self,
                                                            int                 delta);
void                  tpt_canvas_open_header_editor        (TptBlueprintCanvas *self,
                                                            TptNode            *node);
void                  tpt_canvas_add_actions               (TptBlueprintCanvas *self);
void                  tpt_canvas_add_link_target           (TptBlueprintCanvas *self);
gboolean              tpt_canvas_kind_for_key              (guint              keyval,
                                                            TptCardKind        *kind);

G_END_DECLS
