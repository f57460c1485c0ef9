/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/**
 * TptTextStyle:
 *
 * The type sizes of a drawing. Sizes are in points, and the Pango context
 * from tpt_text_context_new() measures in points too.
 */
typedef enum
{
  TPT_TEXT_BODY,
  TPT_TEXT_SMALL,
  TPT_TEXT_HEADING,
  TPT_TEXT_SUBHEADING,
  TPT_TEXT_TITLE,
  TPT_TEXT_BADGE,
  TPT_TEXT_COVER_TITLE,
  TPT_N_TEXT_STYLES,
} TptTextStyle;

/**
 * TptTextSink:
 * @cr: the context the text was to be drawn on, with its current point
 *   where the layout's top left corner goes
 * @layout: the text
 * @data: the sink's data
 *
 * Takes text instead of drawing it, as an SVG writer that keeps text as
 * text does.
 */
typedef void (*TptTextSink) (cairo_t     *cr,
                             PangoLayout *layout,
                             gpointer     data);

PangoContext *tpt_text_context_new  (void);
double        tpt_text_style_get_size (TptTextStyle style);
void          tpt_text_show         (cairo_t      *cr,
                                     PangoLayout  *layout);
void          tpt_text_set_greeked  (cairo_t      *cr,
                                     gboolean      greeked);
void          tpt_text_set_sink     (cairo_t      *cr,
                                     TptTextSink   sink,
                                     gpointer      data);
void          tpt_text_set_missing  (cairo_t      *cr,
                                     GHashTable   *missing);
gboolean      tpt_text_collect_missing (PangoLayout *layout,
                                        GHashTable  *missing);
PangoLayout  *tpt_text_layout_new   (PangoContext *context,
                                     TptTextStyle  style,
                                     const char   *text,
                                     double        width);
char         *tpt_text_tame         (const char   *text,
                                     gboolean      wrapped);
void          tpt_text_layout_size  (PangoLayout  *layout,
                                     double       *width,
                                     double       *height);

/**
 * TptTextCache:
 *
 * Laid-out texts by style, width and content. Blueprints repeat texts
 * ("Call centre", "Updates CRM record"…), and a canvas lays a blueprint out
 * again after every edit: measuring each distinct text once is most of the
 * time a layout takes. The layouts handed out are shared and must not be
 * changed.
 */
typedef struct _TptTextCache TptTextCache;

TptTextCache *tpt_text_cache_new    (PangoContext *context);
void          tpt_text_cache_free   (TptTextCache *cache);
PangoContext *tpt_text_cache_get_context (TptTextCache *cache);
PangoLayout  *tpt_text_cache_lookup (TptTextCache *cache,
                                     TptTextStyle  style,
                                     const char   *text,
                                     double        width);
void          tpt_text_cache_trim   (TptTextCache *cache);
guint         tpt_text_cache_get_size (TptTextCache *cache);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptTextCache, tpt_text_cache_free)

G_END_DECLS
