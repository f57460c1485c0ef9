/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "tpt-document.h"

G_BEGIN_DECLS

/**
 * TptPresentationBlank:
 * @TPT_PRESENTATION_BLANK_NONE: the slide shows
 * @TPT_PRESENTATION_BLANK_BLACK: the screen is black, to talk without it
 * @TPT_PRESENTATION_BLANK_WHITE: the screen is white
 */
typedef enum
{
  TPT_PRESENTATION_BLANK_NONE,
  TPT_PRESENTATION_BLANK_BLACK,
  TPT_PRESENTATION_BLANK_WHITE,
} TptPresentationBlank;

/**
 * TptTimerLevel:
 * @TPT_TIMER_NONE: no meeting slot is set
 * @TPT_TIMER_OK: plenty of the slot is left
 * @TPT_TIMER_AMBER: the last fifth of the slot
 * @TPT_TIMER_RED: the last fifteenth of the slot (a minute of fifteen)
 * @TPT_TIMER_OVER: the slot is over
 */
typedef enum
{
  TPT_TIMER_NONE,
  TPT_TIMER_OK,
  TPT_TIMER_AMBER,
  TPT_TIMER_RED,
  TPT_TIMER_OVER,
} TptTimerLevel;

#define TPT_TYPE_PRESENTATION (tpt_presentation_get_type ())

G_DECLARE_FINAL_TYPE (TptPresentation, tpt_presentation, TPT, PRESENTATION, GObject)

TptPresentation     *tpt_presentation_new          (TptDocument     *document,
                                                    GPtrArray       *slides,
                                                    guint            first);
TptDocument         *tpt_presentation_get_document (TptPresentation *self);
guint                tpt_presentation_get_n_slides (TptPresentation *self);
TptSlide            *tpt_presentation_get_slide    (TptPresentation *self,
                                                    guint            index);
guint                tpt_presentation_get_index    (TptPresentation *self);
gboolean             tpt_presentation_go_to        (TptPresentation *self,
                                                    guint            index);
gboolean             tpt_presentation_next         (TptPresentation *self);
gboolean             tpt_presentation_previous     (TptPresentation *self);
TptPresentationBlank tpt_presentation_get_blank    (TptPresentation *self);
void                 tpt_presentation_toggle_blank (TptPresentation *self,
                                                    TptPresentationBlank blank);
const char          *tpt_presentation_get_typed    (TptPresentation *self);
gint64               tpt_presentation_get_elapsed  (TptPresentation *self);
void                 tpt_presentation_set_elapsed  (TptPresentation *self,
                                                    gint64           elapsed);
gint64               tpt_presentation_get_slot     (TptPresentation *self);
void                 tpt_presentation_set_slot     (TptPresentation *self,
                                                    gint64           slot);
gint64               tpt_presentation_get_remaining (TptPresentation *self);
TptTimerLevel        tpt_presentation_get_timer_level (TptPresentation *self);
TptTimerLevel        tpt_presentation_timer_level  (gint64           slot,
                                                    gint64           elapsed);
gboolean             tpt_presentation_key          (TptPresentation *self,
                                                    guint            keyval,
                                                    guint            state);
guint                tpt_presentation_find_slide_for (TptDocument   *document,
                                                      GPtrArray     *slides,
                                                      TptNode       *node);

G_END_DECLS
