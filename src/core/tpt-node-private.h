/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-change-private.h"
#include "tpt-node.h"

G_BEGIN_DECLS

/* How a node's edits are treated:
 * - NEW: built outside any document (or being built by the loader); edits
 *   apply at once and are not recorded.
 * - ATTACHED: in a document's tree; edits are recorded in its history and
 *   must happen inside a transaction.
 * - REMOVED: taken out of the tree; it lives on in the history only so undo
 *   can put it back, and editing it is a programming error. */
typedef enum
{
  TPT_NODE_NEW,
  TPT_NODE_ATTACHED,
  TPT_NODE_REMOVED,
} TptNodeState;

typedef void (*TptNodeFunc) (TptNode  *node,
                             gpointer  user_data);

TptNode      *tpt_node_new_in               (GType           type,
                                             TptDocument    *document);
void          tpt_node_class_install_fields (TptNodeClass   *klass,
                                             const char     *id_prefix,
                                             guint           n_fields,
                                             GParamSpec    **fields);

void          tpt_node_set_id               (TptNode        *self,
                                             const char     *id);
void          tpt_node_set_document         (TptNode        *self,
                                             TptDocument    *document);
TptNodeState  tpt_node_get_state            (TptNode        *self);
void          tpt_node_set_state            (TptNode        *self,
                                             TptNodeState    state);
void          tpt_node_foreach_descendant   (TptNode        *self,
                                             TptNodeFunc     func,
                                             gpointer        user_data);
GListStore *const *tpt_node_get_child_stores (TptNode       *self,
                                             guint          *n_stores);

const GValue *tpt_node_get_field            (TptNode        *self,
                                             guint           prop_id);
const char   *tpt_node_get_string_field     (TptNode        *self,
                                             guint           prop_id);
int           tpt_node_get_int_field        (TptNode        *self,
                                             guint           prop_id);
int           tpt_node_get_enum_field       (TptNode        *self,
                                             guint           prop_id);
double        tpt_node_get_double_field     (TptNode        *self,
                                             guint           prop_id);
const char * const *tpt_node_get_strv_field (TptNode        *self,
                                             guint           prop_id);
GBytes       *tpt_node_get_bytes_field      (TptNode        *self,
                                             guint           prop_id);

void          tpt_node_set_field            (TptNode        *self,
                                             guint           prop_id,
                                             const GValue   *value);
void          tpt_node_set_string_field     (TptNode        *self,
                                             guint           prop_id,
                                             const char     *value);
void          tpt_node_set_int_field        (TptNode        *self,
                                             guint           prop_id,
                                             int             value);
void          tpt_node_set_enum_field       (TptNode        *self,
                                             guint           prop_id,
                                             int             value);
void          tpt_node_set_double_field     (TptNode        *self,
                                             guint           prop_id,
                                             double          value);
void          tpt_node_set_strv_field       (TptNode        *self,
                                             guint           prop_id,
                                             const char * const *value);
void          tpt_node_set_bytes_field      (TptNode        *self,
                                             guint           prop_id,
                                             GBytes         *value);
void          tpt_node_set_field_raw        (TptNode        *self,
                                             guint           prop_id,
                                             const GValue   *value);
void          tpt_node_copy_fields          (TptNode        *self,
                                             TptNode        *source);

void          tpt_node_insert_child         (TptNode        *self,
                                             GListStore     *store,
                                             guint           position,
                                             TptNode        *child);
void          tpt_node_append_child         (TptNode        *self,
                                             GListStore     *store,
                                             TptNode        *child);
void          tpt_node_remove_child         (TptNode        *self,
                                             GListStore     *store,
                                             TptNode        *child);
void          tpt_node_remove_child_at      (TptNode        *self,
                                             GListStore     *store,
                                             guint           position);
void          tpt_node_move_child           (TptNode        *self,
                                             GListStore     *store,
                                             TptNode        *child,
                                             guint           position);
void          tpt_node_insert_child_raw     (TptNode        *self,
                                             GListStore     *store,
                                             guint           position,
                                             TptNode        *child);
void          tpt_node_remove_child_raw     (TptNode        *self,
                                             GListStore     *store,
                                             guint           position,
                                             TptNode        *child);

gboolean      tpt_strv_contains             (const char * const *strv,
                                             const char     *str);

G_END_DECLS
