/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <pango/pango.h>

#include "tpt-document.h"
#include "tpt-geometry.h"
#include "tpt-text.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

/**
 * TptLineKind:
 * @TPT_LINE_INTERACTION: between the customer and the frontstage
 * @TPT_LINE_VISIBILITY: between the frontstage and the backstage
 * @TPT_LINE_INTERNAL: between the backstage and the support processes
 */
typedef enum
{
  TPT_LINE_INTERACTION,
  TPT_LINE_VISIBILITY,
  TPT_LINE_INTERNAL,
  TPT_N_LINES,
} TptLineKind;

/* A piece of text placed in a box; the layout is measured to fit @rect. */
typedef struct
{
  TptRect      rect;
  PangoLayout *layout;
} TptLayoutText;

typedef struct
{
  TptCard      *card;
  TptCardKind   kind;
  guint         lane;
  guint         step;
  guint         span;
  TptRect       rect;
  TptLayoutText text;
  TptLayoutText meta;       /* owner and channel; layout may be NULL */
  TptRect       badge;      /* zero-sized unless a fail or wait point */
  gboolean      rtl;        /* written right to left: stripe on the right */
  /* A metric's status against its target: the word in a pill, then the
   * value and target. Layouts are NULL for cards without either. */
  TptKpiStatus  kpi_status;
  TptRect       kpi_pill;
  TptLayoutText kpi_word;
  TptLayoutText kpi_detail;
} TptLayoutCard;

typedef struct
{
  TptLane      *lane;
  TptLaneKind   kind;
  TptOffice     office;
  TptRect       rect;       /* the whole row, header included */
  TptRect       header;
  TptLayoutText title;
  TptLayoutText subtitle;
} TptLayoutLane;

/* A step's column. In a collapsed stage one column stands for all its
 * steps: @step is %NULL and the title says how many are hidden. */
typedef struct
{
  TptStep      *step;
  TptStage     *collapsed;  /* the stage this column stands for, or NULL */
  guint         n_hidden;
  TptRect       column;     /* from the step header down to the last lane */
  TptRect       header;
  TptLayoutText title;
  TptLayoutText duration;   /* layout may be NULL */
} TptLayoutStep;

typedef struct
{
  TptStage     *stage;
  TptRect       rect;
  TptLayoutText title;
} TptLayoutStage;

typedef struct
{
  TptLineKind   kind;
  guint         below_lane; /* the line is the top edge of this lane */
  double        y;
  double        x0;
  double        x1;
  TptLayoutText label;
} TptLayoutLine;

typedef struct
{
  TptOffice     office;
  TptRect       rect;
  TptLayoutText label;      /* laid out along the band, drawn rotated */
} TptLayoutOffice;

typedef struct
{
  TptFlow      *flow;
  TptArrow      arrow;
  guint         from;       /* indices into cards */
  guint         to;
  GArray       *points;     /* TptPoint, orthogonal polyline */
} TptLayoutFlow;

typedef struct
{
  guint         lane;
  TptRect       plot;
  double        zero_y;
  TptColor      color;      /* the persona's, if has_color */
  gboolean      has_color;
  GArray       *points;     /* TptPoint, one per step with a value */
  GArray       *controls;   /* TptPoint, two cubic controls per segment */
} TptLayoutEmotion;

typedef enum
{
  TPT_LEGEND_CARD,
  TPT_LEGEND_FLOW,
  TPT_LEGEND_LINE,
  TPT_LEGEND_EMOTION,
  TPT_LEGEND_NOTE,          /* a line of text, with no swatch */
} TptLegendItemKind;

typedef struct
{
  TptLegendItemKind kind;
  int               value;  /* a card kind, arrow or line kind */
  TptRect           swatch;
  TptLayoutText     label;
} TptLayoutLegendItem;

/**
 * TptBlueprintLayout:
 * @bounds: the whole drawing, margins included, from (0, 0)
 * @grid: the lanes × steps area, headers excluded
 * @cards: (element-type TptLayoutCard): lane by lane, left to right, each
 *   cell's cards in document order
 * @flows: (element-type TptLayoutFlow): the flows whose cards were laid out
 *
 * The geometry of one blueprint: plain structs, so the renderer draws them,
 * the app hit-tests them and tests check them. Model objects are
 * referenced, so a layout stays valid while the document changes; it just
 * no longer matches it.
 */
typedef struct
{
  TptBlueprint  *blueprint;
  TptRect        bounds;
  TptRect        grid;
  TptLayoutText  title;
  TptLayoutText  subtitle;
  GArray        *lanes;     /* TptLayoutLane */
  GArray        *stages;    /* TptLayoutStage */
  GArray        *steps;     /* TptLayoutStep */
  GArray        *cards;     /* TptLayoutCard */
  GArray        *flows;     /* TptLayoutFlow */
  GArray        *lines;     /* TptLayoutLine */
  GArray        *offices;   /* TptLayoutOffice */
  GArray        *emotions;  /* TptLayoutEmotion */
  GArray        *legend;    /* TptLayoutLegendItem */
  TptRect        legend_rect;
  PangoLayout   *badge_text[2];      /* "F" and "W" */
  PangoLayout   *emotion_scale[3];   /* "+2", "0", "−2" */
} TptBlueprintLayout;

#define TPT_TYPE_BLUEPRINT_LAYOUT (tpt_blueprint_layout_get_type ())

GType               tpt_blueprint_layout_get_type     (void) G_GNUC_CONST;
TptBlueprintLayout *tpt_blueprint_layout_new          (TptDocument        *document,
                                                       TptBlueprint       *blueprint,
                                                       PangoContext       *context);
TptBlueprintLayout *tpt_blueprint_layout_new_cached   (TptDocument        *document,
                                                       TptBlueprint       *blueprint,
                                                       TptTextCache       *cache);
TptBlueprintLayout *tpt_blueprint_layout_new_full     (TptDocument        *document,
                                                       TptBlueprint       *blueprint,
                                                       TptTextCache       *cache,
                                                       GHashTable         *collapsed);
TptBlueprintLayout *tpt_blueprint_layout_new_stage    (TptDocument        *document,
                                                       TptBlueprint       *blueprint,
                                                       TptStage           *stage,
                                                       TptTextCache       *cache,
                                                       gboolean            fold_empty);
TptBlueprintLayout *tpt_blueprint_layout_ref          (TptBlueprintLayout *self);
void                tpt_blueprint_layout_unref        (TptBlueprintLayout *self);
const TptLayoutCard *tpt_blueprint_layout_card_at     (TptBlueprintLayout *self,
                                                       double              x,
                                                       double              y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TptBlueprintLayout, tpt_blueprint_layout_unref)

G_END_DECLS
