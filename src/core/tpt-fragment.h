/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-card.h"
#include "tpt-document.h"

G_BEGIN_DECLS

/* What the clipboard carries between Touchpoint windows: cards as they are
 * written in format 1, inside a <touchpoint-fragment format="1"> root. */
#define TPT_FRAGMENT_MIME_TYPE "application/x-touchpoint-fragment+xml"

/* A paste larger than this, or of more cards, is refused. */
#define TPT_FRAGMENT_MAX_SIZE  (4 * 1024 * 1024)
#define TPT_FRAGMENT_MAX_CARDS 10000

char      *tpt_fragment_clean_text      (const char   *text);
char      *tpt_fragment_write_cards     (GPtrArray    *cards);
GPtrArray *tpt_fragment_read_cards      (TptDocument  *document,
                                         const char   *data,
                                         gssize        size,
                                         GError      **error);
GPtrArray *tpt_fragment_cards_from_text (TptDocument  *document,
                                         const char   *text,
                                         gssize        size,
                                         GError      **error);

G_END_DECLS
