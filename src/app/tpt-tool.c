/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-tool"

#include "config.h"

#include "tpt-tool.h"

#include "tpt-canvas.h"

typedef struct
{
  TptCanvas          *canvas;      /* unowned: the canvas owns its tools */
  GtkEventController *controller;  /* owned by the canvas once added */
} TptToolPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (TptTool, tpt_tool, G_TYPE_OBJECT)

/**
 * tpt_tool_get_canvas:
 *
 * Returns: (nullable) (transfer none): the canvas the tool works on
 */
TptCanvas *
tpt_tool_get_canvas (TptTool *self)
{
  TptToolPrivate *priv = tpt_tool_get_instance_private (self);

  g_return_val_if_fail (TPT_IS_TOOL (self), NULL);

  return priv->canvas;
}

/**
 * tpt_tool_get_controller:
 *
 * Returns: (nullable) (transfer none): the tool's event controller
 */
GtkEventController *
tpt_tool_get_controller (TptTool *self)
{
  TptToolPrivate *priv = tpt_tool_get_instance_private (self);

  g_return_val_if_fail (TPT_IS_TOOL (self), NULL);

  return priv->controller;
}

/**
 * tpt_tool_attach:
 * @self: a tool
 * @canvas: (nullable): the canvas it is added to, or %NULL as the canvas
 *   goes
 *
 * Called by tpt_canvas_add_tool(): the tool's controller goes on @canvas.
 */
void
tpt_tool_attach (TptTool   *self,
                 TptCanvas *canvas)
{
  TptToolPrivate *priv = tpt_tool_get_instance_private (self);

  g_return_if_fail (TPT_IS_TOOL (self));

  if (canvas == NULL)
    {
      priv->canvas = NULL;
      priv->controller = NULL;
      return;
    }

  g_return_if_fail (priv->canvas == NULL);
  priv->canvas = canvas;
  priv->controller = TPT_TOOL_GET_CLASS (self)->create_controller (self);
  if (priv->controller != NULL)
    gtk_widget_add_controller (GTK_WIDGET (canvas), priv->controller);
}

/**
 * tpt_tool_draw:
 * @self: a tool
 * @cr: drawing in the artefact's units
 * @px: one screen pixel, in those units
 */
void
tpt_tool_draw (TptTool *self,
               cairo_t *cr,
               double   px)
{
  g_return_if_fail (TPT_IS_TOOL (self));

  if (TPT_TOOL_GET_CLASS (self)->draw != NULL)
    TPT_TOOL_GET_CLASS (self)->draw (self, cr, px);
}

void
tpt_tool_snapshot (TptTool     *self,
                   GtkSnapshot *snapshot)
{
  g_return_if_fail (TPT_IS_TOOL (self));

  if (TPT_TOOL_GET_CLASS (self)->snapshot != NULL)
    TPT_TOOL_GET_CLASS (self)->snapshot (self, snapshot);
}

gboolean
tpt_tool_is_busy (TptTool *self)
{
  g_return_val_if_fail (TPT_IS_TOOL (self), FALSE);

  return TPT_TOOL_GET_CLASS (self)->busy != NULL && TPT_TOOL_GET_CLASS (self)->busy (self);
}

void
tpt_tool_reset (TptTool *self)
{
  g_return_if_fail (TPT_IS_TOOL (self));

  if (TPT_TOOL_GET_CLASS (self)->reset != NULL)
    TPT_TOOL_GET_CLASS (self)->reset (self);
}

static void
tpt_tool_class_init (TptToolClass *klass)
{
}

static void
tpt_tool_init (TptTool *self)
{
}
