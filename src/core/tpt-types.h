/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _TptBlueprint      TptBlueprint;
typedef struct _TptCard           TptCard;
typedef struct _TptConflict       TptConflict;
typedef struct _TptDocument       TptDocument;
typedef struct _TptEmotion        TptEmotion;
typedef struct _TptFact           TptFact;
typedef struct _TptFlow           TptFlow;
typedef struct _TptHistory        TptHistory;
typedef struct _TptHistoryEntry   TptHistoryEntry;
typedef struct _TptLane           TptLane;
typedef struct _TptNeed           TptNeed;
typedef struct _TptNode           TptNode;
typedef struct _TptPersona        TptPersona;
typedef struct _TptRating         TptRating;
typedef struct _TptSlide          TptSlide;
typedef struct _TptStage          TptStage;
typedef struct _TptStep           TptStep;

G_END_DECLS
