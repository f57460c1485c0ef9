/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tpt-document.h"

G_BEGIN_DECLS

#define TPT_TYPE_SELECTION (tpt_selection_get_type ())

G_DECLARE_FINAL_TYPE (TptSelection, tpt_selection, TPT, SELECTION, GObject)

TptSelection *tpt_selection_new          (void);
void          tpt_selection_set_document (TptSelection     *self,
                                          TptDocument      *document);
TptDocument  *tpt_selection_get_document (TptSelection     *self);
TptNode      *tpt_selection_get_primary  (TptSelection     *self);
GPtrArray    *tpt_selection_get_nodes    (TptSelection     *self);
guint         tpt_selection_get_n_nodes  (TptSelection     *self);
gboolean      tpt_selection_contains     (TptSelection     *self,
                                          TptNode          *node);
void          tpt_selection_set          (TptSelection     *self,
                                          TptNode * const  *nodes,
                                          guint             n_nodes);
void          tpt_selection_select       (TptSelection     *self,
                                          TptNode          *node);
void          tpt_selection_add          (TptSelection     *self,
                                          TptNode          *node);
void          tpt_selection_toggle       (TptSelection     *self,
                                          TptNode          *node);
void          tpt_selection_clear        (TptSelection     *self);

G_END_DECLS
