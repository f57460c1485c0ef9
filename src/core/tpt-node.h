/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tpt-types.h"

G_BEGIN_DECLS

#define TPT_TYPE_NODE (tpt_node_get_type ())

G_DECLARE_DERIVABLE_TYPE (TptNode, tpt_node, TPT, NODE, GObject)

/**
 * TptNodeClass:
 *
 * The base of every model object. A node keeps its fields as GObject
 * properties that are readable from outside but change only through the
 * typed setters of its class, which record every change in the document's
 * history. Nodes in a document know their document and parent.
 */
struct _TptNodeClass
{
  GObjectClass parent_class;

  /*< private >*/
  const char  *id_prefix;
  GParamSpec **fields;
  guint        n_fields;

  GListStore *const *(*get_child_stores) (TptNode *self,
                                          guint   *n_stores);

  gpointer padding[8];
};

const char  *tpt_node_get_id       (TptNode *self);
TptNode     *tpt_node_get_parent   (TptNode *self);
TptDocument *tpt_node_get_document (TptNode *self);
gboolean     tpt_node_is_attached  (TptNode *self);
gboolean     tpt_node_set_value    (TptNode      *self,
                                    const char   *name,
                                    const GValue *value);

G_END_DECLS
