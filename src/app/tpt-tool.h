/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef struct _TptCanvas TptCanvas;

#define TPT_TYPE_TOOL (tpt_tool_get_type ())

G_DECLARE_DERIVABLE_TYPE (TptTool, tpt_tool, TPT, TOOL, GObject)

/**
 * TptToolClass:
 * @create_controller: makes the one event controller the tool listens
 *   with; it is added to the canvas the tool is added to
 * @draw: draws what the tool is doing over the artefact, in the
 *   artefact's units; @px is one screen pixel in them
 * @snapshot: draws what the tool is doing as native nodes, in widget
 *   coordinates, over everything else
 * @reset: stops whatever the tool is doing, as Escape or a new document
 *   does
 * @busy: whether the tool is doing something Escape would stop; while one
 *   is, the page's hover is left alone
 *
 * A gesture on a canvas: one object, one controller, and the drawing of
 * what it is doing. A tool that takes a press claims its sequence, and one
 * that does not take it denies it, so one press has one owner.
 */
struct _TptToolClass
{
  GObjectClass parent_class;

  GtkEventController *(*create_controller) (TptTool   *self);
  void                (*draw)              (TptTool   *self,
                                            cairo_t   *cr,
                                            double     px);
  void                (*snapshot)          (TptTool     *self,
                                            GtkSnapshot *snapshot);
  void                (*reset)             (TptTool   *self);
  gboolean            (*busy)              (TptTool   *self);
};

TptCanvas          *tpt_tool_get_canvas     (TptTool   *self);
GtkEventController *tpt_tool_get_controller (TptTool   *self);
void                tpt_tool_attach         (TptTool   *self,
                                             TptCanvas *canvas);
void                tpt_tool_draw           (TptTool   *self,
                                             cairo_t   *cr,
                                             double     px);
void                tpt_tool_snapshot       (TptTool     *self,
                                             GtkSnapshot *snapshot);
void                tpt_tool_reset          (TptTool   *self);
gboolean            tpt_tool_is_busy        (TptTool   *self);

G_END_DECLS
