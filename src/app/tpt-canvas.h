/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "tpt-artefact.h"
#include "tpt-coverage.h"
#include "tpt-diff.h"
#include "tpt-document.h"
#include "tpt-geometry.h"
#include "tpt-inplace-editor.h"
#include "tpt-selection.h"
#include "tpt-text.h"
#include "tpt-theme.h"
#include "tpt-tool.h"
#include "tpt-viewport.h"

G_BEGIN_DECLS

#define TPT_CANVAS_MIN_ZOOM 0.05
#define TPT_CANVAS_MAX_ZOOM 8.0

#define TPT_TYPE_CANVAS (tpt_canvas_get_type ())

G_DECLARE_DERIVABLE_TYPE (TptCanvas, tpt_canvas, TPT, CANVAS, GtkWidget)

/**
 * TptCanvasClass:
 * @relayout: lays the artefact out afresh for the document, and gives its
 *   size in its own units (points); it may say which parts of the drawing
 *   changed with tpt_canvas_invalidate(), or else all of it is redrawn
 * @draw: draws the artefact in its own units, as for export: what the
 *   tiles hold
 * @draw_overlay: draws what changes with the selection and gestures over
 *   the artefact, in its units; @px is one screen pixel in them
 * @get_placeholder: says what to show instead of an artefact with nothing
 *   in it yet
 * @locate: where @node (or a @part of it, such as "handle") is drawn
 * @press: a button went down at (@x, @y), in the artefact's units
 * @release: and came up again without a drag taking the press
 * @hover: the pointer is over (@x, @y), or has left when @inside is FALSE
 * @primary_pans: whether a primary-button drag from (@x, @y) pans, because
 *   nothing there can be dragged
 * @selection_changed: the window's selection changed, from anywhere
 * @reset: lets go of what the page is doing, for another document
 *
 * A canvas shows one artefact, zoomed and scrolled: the viewport, the
 * drawing in cached texture tiles, the tools that turn input into
 * gestures, the one in-place editor and the context menu are here, once;
 * each artefact's page is a subclass that lays out, draws, hit-tests and
 * edits.
 */
struct _TptCanvasClass
{
  GtkWidgetClass parent_class;

  void     (*relayout)          (TptCanvas       *self,
                                 double          *width,
                                 double          *height);
  void     (*draw)              (TptCanvas       *self,
                                 cairo_t         *cr,
                                 const TptTheme  *theme);
  void     (*draw_overlay)      (TptCanvas       *self,
                                 cairo_t         *cr,
                                 double           px);
  gboolean (*get_placeholder)   (TptCanvas       *self,
                                 const char     **title,
                                 const char     **body);
  gboolean (*locate)            (TptCanvas       *self,
                                 TptNode         *node,
                                 const char      *part,
                                 TptRect         *rect);
  void     (*press)             (TptCanvas       *self,
                                 double           x,
                                 double           y,
                                 int              n_press,
                                 guint            button,
                                 GdkModifierType  state);
  void     (*release)           (TptCanvas       *self,
                                 double           x,
                                 double           y,
                                 int              n_press,
                                 guint            button,
                                 GdkModifierType  state);
  void     (*hover)             (TptCanvas       *self,
                                 double           x,
                                 double           y,
                                 gboolean         inside);
  gboolean (*primary_pans)      (TptCanvas       *self,
                                 double           x,
                                 double           y);
  void     (*selection_changed) (TptCanvas       *self);
  void     (*reset)             (TptCanvas       *self);
};

/**
 * TptCanvasEditFunc:
 * @canvas: the canvas the edit was on
 * @text: the text typed, trimmed
 * @end: how the edit ended: %TPT_EDITOR_END_CANCEL drops @text
 * @data: what was given with the edit
 *
 * Keeps (or drops) an in-place edit; called once, after the editor has
 * gone, so it may open another.
 */
typedef void (*TptCanvasEditFunc) (TptCanvas    *canvas,
                                   const char   *text,
                                   TptEditorEnd  end,
                                   gpointer      data);

TptDocument       *tpt_canvas_get_document        (TptCanvas         *self);
void               tpt_canvas_set_document        (TptCanvas         *self,
                                                   TptDocument       *document);
TptSelection      *tpt_canvas_get_selection       (TptCanvas         *self);
void               tpt_canvas_set_selection       (TptCanvas         *self,
                                                   TptSelection      *selection);
const TptViewport *tpt_canvas_get_viewport        (TptCanvas         *self);
PangoContext      *tpt_canvas_get_text_context    (TptCanvas         *self);
TptTextCache      *tpt_canvas_get_text_cache      (TptCanvas         *self);
const TptTheme    *tpt_canvas_get_theme           (TptCanvas         *self);
void               tpt_canvas_get_accent          (TptCanvas         *self,
                                                   GdkRGBA           *color);
void               tpt_canvas_set_filter          (TptCanvas         *self,
                                                   const TptCoverageFilter *filter);
const TptCoverageFilter *tpt_canvas_get_filter    (TptCanvas         *self);

void               tpt_canvas_set_changes         (TptCanvas         *self,
                                                   TptDiff           *changes);
TptDiff           *tpt_canvas_get_changes         (TptCanvas         *self);
void               tpt_canvas_mark_change         (TptCanvas         *self,
                                                   cairo_t           *cr,
                                                   const TptRect     *rect,
                                                   const char        *key);
void               tpt_canvas_add_marked          (TptCanvas         *self,
                                                   guint              n);
guint              tpt_canvas_get_n_marked        (TptCanvas         *self);

void               tpt_canvas_to_content          (TptCanvas         *self,
                                                   double             x,
                                                   double             y,
                                                   double            *content_x,
                                                   double            *content_y);
void               tpt_canvas_to_view             (TptCanvas         *self,
                                                   double             x,
                                                   double             y,
                                                   double            *view_x,
                                                   double            *view_y);
void               tpt_canvas_get_content_size    (TptCanvas         *self,
                                                   double            *width,
                                                   double            *height);

double             tpt_canvas_get_zoom            (TptCanvas         *self);
void               tpt_canvas_set_zoom            (TptCanvas         *self,
                                                   double             zoom);
void               tpt_canvas_zoom_at             (TptCanvas         *self,
                                                   double             zoom,
                                                   double             view_x,
                                                   double             view_y);
void               tpt_canvas_zoom_in             (TptCanvas         *self);
void               tpt_canvas_zoom_out            (TptCanvas         *self);
void               tpt_canvas_zoom_to_fit         (TptCanvas         *self);
void               tpt_canvas_zoom_to_rect        (TptCanvas         *self,
                                                   const TptRect     *rect);
void               tpt_canvas_scroll_to           (TptCanvas         *self,
                                                   const TptRect     *rect);
void               tpt_canvas_scroll_by           (TptCanvas         *self,
                                                   double             dx,
                                                   double             dy);
void               tpt_canvas_get_scroll          (TptCanvas         *self,
                                                   double            *x,
                                                   double            *y);
void               tpt_canvas_set_scroll          (TptCanvas         *self,
                                                   double             x,
                                                   double             y);

void               tpt_canvas_queue_relayout      (TptCanvas         *self);
void               tpt_canvas_relayout_now        (TptCanvas         *self);
void               tpt_canvas_invalidate          (TptCanvas         *self,
                                                   const TptRect     *rect);

void               tpt_canvas_add_tool            (TptCanvas         *self,
                                                   TptTool           *tool);
typedef struct _TptRegionCapture TptRegionCapture;

TptRegionCapture  *tpt_canvas_get_region_capture  (TptCanvas         *self);
GPtrArray         *tpt_canvas_get_tools           (TptCanvas         *self);
void               tpt_canvas_reset_tools         (TptCanvas         *self);
gboolean           tpt_canvas_cancel_tools        (TptCanvas         *self);
gboolean           tpt_canvas_is_panning          (TptCanvas         *self);
void               tpt_canvas_set_panning         (TptCanvas         *self,
                                                   gboolean           panning);
gboolean           tpt_canvas_primary_pans        (TptCanvas         *self,
                                                   double             x,
                                                   double             y);
void               tpt_canvas_press               (TptCanvas         *self,
                                                   double             x,
                                                   double             y,
                                                   int                n_press,
                                                   guint              button,
                                                   GdkModifierType    state);
void               tpt_canvas_release             (TptCanvas         *self,
                                                   double             x,
                                                   double             y,
                                                   int                n_press,
                                                   guint              button,
                                                   GdkModifierType    state);

gboolean           tpt_canvas_get_pointer         (TptCanvas         *self,
                                                   double            *x,
                                                   double            *y);
gboolean           tpt_canvas_locate              (TptCanvas         *self,
                                                   TptNode           *node,
                                                   const char        *part,
                                                   TptRect           *rect);

void               tpt_canvas_edit                (TptCanvas         *self,
                                                   const TptRect     *rect,
                                                   const char        *text,
                                                   const char        *label,
                                                   gboolean           multiline,
                                                   gboolean           select_all,
                                                   TptCanvasEditFunc  done,
                                                   gpointer           data,
                                                   GDestroyNotify     destroy);
gboolean           tpt_canvas_is_editing          (TptCanvas         *self);
GtkWidget         *tpt_canvas_get_editor          (TptCanvas         *self);
void               tpt_canvas_set_edit_rect       (TptCanvas         *self,
                                                   const TptRect     *rect);
void               tpt_canvas_end_edit            (TptCanvas         *self,
                                                   TptEditorEnd       end);

void               tpt_canvas_popup_menu          (TptCanvas         *self,
                                                   GMenuModel        *model,
                                                   double             x,
                                                   double             y);
void               tpt_canvas_close_menu          (TptCanvas         *self);
GtkWidget         *tpt_canvas_get_menu            (TptCanvas         *self);

void               tpt_canvas_toast               (TptCanvas         *self,
                                                   const char        *title,
                                                   gboolean           undoable);

G_END_DECLS
