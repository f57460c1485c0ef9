/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

gboolean  tpt_document_is_loading         (TptDocument *self);
void      tpt_document_set_loading        (TptDocument *self,
                                           gboolean     loading);
void      tpt_document_register_node      (TptDocument *self,
                                           TptNode     *node);
void      tpt_document_unregister_node    (TptDocument *self,
                                           TptNode     *node);
void      tpt_document_emit_node_changed  (TptDocument *self,
                                           TptNode     *node,
                                           GParamSpec  *pspec);
void      tpt_document_emit_children_changed (TptDocument *self,
                                              TptNode     *node);
char     *tpt_document_allocate_id        (TptDocument *self,
                                           const char  *prefix);
void      tpt_document_reserve_id         (TptDocument *self,
                                           const char  *id);
void      tpt_document_remove_slides_of   (TptDocument *self,
                                           TptNode     *node);

G_END_DECLS
