/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-card.h"
#include "tpt-format.h"

G_BEGIN_DECLS

/* The element and attribute names of the .touchpoint format, shared by the
 * reader and the writer so that the two cannot drift apart. They are string
 * literals, so the writer can paste them into its templates at compile time.
 * DESIGN.md ("File format contract") and data/touchpoint.rng are the
 * authority; these must match them. */

#define TPT_E_TOUCHPOINT   "touchpoint"
#define TPT_E_META         "meta"
#define TPT_E_TITLE        "title"
#define TPT_E_AUTHOR       "author"
#define TPT_E_DESCRIPTION  "description"
#define TPT_E_PERSONAS     "personas"
#define TPT_E_PERSONA      "persona"
#define TPT_E_NAME         "name"
#define TPT_E_ROLE         "role"
#define TPT_E_SEGMENT      "segment"
#define TPT_E_QUOTE        "quote"
#define TPT_E_PHOTO        "photo"
#define TPT_E_GOAL         "goal"
#define TPT_E_FRUSTRATION  "frustration"
#define TPT_E_BEHAVIOUR    "behaviour"
#define TPT_E_CHANNEL      "channel"
#define TPT_E_FACT         "fact"
#define TPT_E_NEEDS        "needs"
#define TPT_E_NEED         "need"
#define TPT_E_MATRIX       "matrix"
#define TPT_E_RATING       "rating"
#define TPT_E_BLUEPRINT    "blueprint"
#define TPT_E_LANE         "lane"
#define TPT_E_STAGE        "stage"
#define TPT_E_STEP         "step"
#define TPT_E_CARD         "card"
#define TPT_E_TEXT         "text"
#define TPT_E_SERVES       "serves"
#define TPT_E_CONCERNS     "concerns"
#define TPT_E_FLOW         "flow"
#define TPT_E_EMOTION      "emotion"
#define TPT_E_SLIDES       "slides"
#define TPT_E_SLIDE        "slide"
#define TPT_E_NOTES        "notes"

#define TPT_A_FORMAT       "format"
#define TPT_A_ID           "id"
#define TPT_A_COLOR        "color"
#define TPT_A_TYPE         "type"
#define TPT_A_LABEL        "label"
#define TPT_A_PERSONA      "persona"
#define TPT_A_NEED         "need"
#define TPT_A_IMPORTANCE   "importance"
#define TPT_A_SATISFACTION "satisfaction"
#define TPT_A_STATE        "state"
#define TPT_A_BASED_ON     "based-on"
#define TPT_A_KIND         "kind"
#define TPT_A_OFFICE       "office"
#define TPT_A_DURATION     "duration"
#define TPT_A_LANE         "lane"
#define TPT_A_STEP         "step"
#define TPT_A_SPAN         "span"
#define TPT_A_OWNER        "owner"
#define TPT_A_CHANNEL      "channel"
#define TPT_A_FROM         "from"
#define TPT_A_TO           "to"
#define TPT_A_ARROW        "arrow"
#define TPT_A_VALUE        "value"
#define TPT_A_ARTEFACT     "artefact"
#define TPT_A_TARGET       "target"
#define TPT_A_X            "x"
#define TPT_A_Y            "y"
#define TPT_A_WIDTH        "width"
#define TPT_A_HEIGHT       "height"
#define TPT_A_ACTUAL       "actual"
#define TPT_A_UNIT         "unit"
#define TPT_A_DIRECTION    "direction"
#define TPT_A_SOURCE       "source"

/* The writer's walk over a document (tpt-writer.c). */
typedef void (*TptWriteFunc) (GString  *out,
                              gpointer  node);

typedef struct _TptWriterOut TptWriterOut;
struct _TptWriterOut
{
  /* Where literal text goes, and items too when @item is NULL. */
  GString *text;
  /* Called for each item instead of writing it to @text. */
  void   (*item) (TptWriterOut *out,
                  TptNode      *node,
                  TptWriteFunc  func);
};

typedef struct
{
  TptDocument *document;
  guint        phase;
  guint        blueprint;
  guint        part;
  guint        index;
} TptWriterWalk;

void     tpt_writer_walk_init (TptWriterWalk *walk,
                               TptDocument   *document);
gboolean tpt_writer_walk_step (TptWriterWalk *walk,
                               TptWriterOut  *out);

void tpt_writer_prefix_save_error (GError **error,
                                   GFile   *file,
                                   GError  *local_error);

void tpt_writer_append_card (GString *out,
                             TptCard *card,
                             guint    level,
                             gboolean in_blueprint);

G_END_DECLS
