/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "tpt-geometry.h"

G_BEGIN_DECLS

/**
 * TptPdfLink:
 * @page: the page the link is on, from 0
 * @rect: where, in points from the page's top left corner
 * @target: the page it goes to, from 0
 */
typedef struct
{
  guint   page;
  TptRect rect;
  guint   target;
} TptPdfLink;

/**
 * TptPdfBox:
 * @page: the page, from 0
 * @rect: the trim box, in points from the page's top left corner
 */
typedef struct
{
  guint   page;
  TptRect rect;
} TptPdfBox;

typedef struct _TptPdfAmend TptPdfAmend;

TptPdfAmend *tpt_pdf_amend_new                (void);
void         tpt_pdf_amend_free               (TptPdfAmend   *self);
void         tpt_pdf_amend_add_link           (TptPdfAmend   *self,
                                               guint          page,
                                               const TptRect *rect,
                                               guint          target);
void         tpt_pdf_amend_set_trim_box       (TptPdfAmend   *self,
                                               guint          page,
                                               const TptRect *rect);
void         tpt_pdf_amend_set_no_print_scaling (TptPdfAmend *self);
gboolean     tpt_pdf_amend_is_empty           (TptPdfAmend   *self);
gboolean     tpt_pdf_amend_apply              (TptPdfAmend   *self,
                                               int            fd,
                                               GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptPdfAmend, tpt_pdf_amend_free)

G_END_DECLS
