/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tpt-document.h"

G_BEGIN_DECLS

#define TPT_TYPE_SERIALIZER (tpt_serializer_get_type ())

G_DECLARE_FINAL_TYPE (TptSerializer, tpt_serializer, TPT, SERIALIZER, GObject)

/**
 * TptSerializerFunc:
 * @self: the serializer
 * @chunks: (element-type GBytes): the file, in pieces, as the document is
 *   at this moment; immutable, so they may be written from any thread
 * @user_data: what was given to tpt_serializer_request()
 *
 * Called on the main thread the moment a serialization is complete, so the
 * caller can take whatever else must match it (the history's position)
 * before anything else changes the document.
 */
typedef void (*TptSerializerFunc) (TptSerializer *self,
                                   GPtrArray     *chunks,
                                   gpointer       user_data);

/* How long one slice of work may keep the main loop, in microseconds. */
#define TPT_SERIALIZER_DEFAULT_SLICE 4000

TptSerializer *tpt_serializer_get_for_document (TptDocument       *document);
guint          tpt_serializer_request          (TptSerializer     *self,
                                                TptSerializerFunc  func,
                                                gpointer           user_data,
                                                GDestroyNotify     notify);
void           tpt_serializer_cancel           (TptSerializer     *self,
                                                guint              request);
GPtrArray     *tpt_serializer_run              (TptSerializer     *self);
void           tpt_serializer_set_slice        (TptSerializer     *self,
                                                gint64             usec);
guint          tpt_serializer_get_n_restarts   (TptSerializer     *self);
GBytes        *tpt_serializer_join             (GPtrArray         *chunks);

G_END_DECLS
