/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

/* Coverage ties back-office work to customer outcomes (DESIGN.md, "Coverage"):
 * which cards serve a need, which needs nothing serves, and which backstage
 * or support work serves no need at all. Every query takes an optional
 * blueprint; %NULL asks across all the blueprints of the document. */

/**
 * TPT_COVERAGE_IMPORTANT:
 *
 * The default importance, on the 0–10 scale of the needs matrix, from which
 * a need that no card serves is flagged.
 */
#define TPT_COVERAGE_IMPORTANT 7

GPtrArray *tpt_coverage_cards_serving            (TptDocument  *document,
                                                  TptBlueprint *blueprint,
                                                  TptNeed      *need);
GPtrArray *tpt_coverage_unserved_needs           (TptDocument  *document,
                                                  TptBlueprint *blueprint);
GPtrArray *tpt_coverage_important_unserved_needs (TptDocument  *document,
                                                  TptBlueprint *blueprint,
                                                  int           threshold);
GPtrArray *tpt_coverage_unlinked_back_cards      (TptDocument  *document,
                                                  TptBlueprint *blueprint);
int        tpt_coverage_need_importance          (TptDocument  *document,
                                                  TptNeed      *need);
void       tpt_coverage_compare                  (TptDocument  *document,
                                                  TptBlueprint *current,
                                                  TptBlueprint *future,
                                                  GPtrArray   **closed,
                                                  GPtrArray   **opened,
                                                  GPtrArray   **remaining);

/**
 * TptCoverageFilter:
 * @blueprint: (nullable): the blueprint whose cards count, or %NULL for
 *   tpt_coverage_default_blueprint()
 * @persona: (nullable): only this persona's needs and the cards that
 *   concern it, or %NULL for every persona
 * @segment: (nullable): only the personas of this segment, or %NULL for
 *   every segment
 *
 * What coverage is computed for: one blueprint, which is one state of a
 * service, so that a card of another state never counts as serving a need
 * in this one; and optionally a persona or a segment. With a persona or a
 * segment, the needs are those its personas rated, their importance is
 * the highest those personas give, and a card serves them when it
 * concerns one of those personas or concerns no persona in particular.
 * Backstage and support work that serves no need does not depend on the
 * persona. A %NULL filter is the same as one with every field %NULL.
 */
typedef struct
{
  TptBlueprint *blueprint;
  TptPersona   *persona;
  const char   *segment;
} TptCoverageFilter;

TptBlueprint *tpt_coverage_default_blueprint      (TptDocument             *document);
TptBlueprint *tpt_coverage_filter_get_blueprint   (TptDocument             *document,
                                                   const TptCoverageFilter *filter);
gboolean      tpt_coverage_filter_is_set          (const TptCoverageFilter *filter);
gboolean      tpt_coverage_filter_has_persona     (TptDocument             *document,
                                                   const TptCoverageFilter *filter,
                                                   TptPersona              *persona);
gboolean      tpt_coverage_filter_has_need        (TptDocument             *document,
                                                   const TptCoverageFilter *filter,
                                                   TptNeed                 *need);
gboolean      tpt_coverage_filter_has_card        (TptDocument             *document,
                                                   const TptCoverageFilter *filter,
                                                   TptCard                 *card);
char         *tpt_coverage_filter_describe        (TptDocument             *document,
                                                   const TptCoverageFilter *filter);
GPtrArray    *tpt_coverage_filter_needs           (TptDocument             *document,
                                                   const TptCoverageFilter *filter);
GPtrArray    *tpt_coverage_filter_cards_serving   (TptDocument             *document,
                                                   const TptCoverageFilter *filter,
                                                   TptNeed                 *need);
int           tpt_coverage_filter_need_importance (TptDocument             *document,
                                                   const TptCoverageFilter *filter,
                                                   TptNeed                 *need);
GPtrArray    *tpt_coverage_filter_unserved_needs  (TptDocument             *document,
                                                   const TptCoverageFilter *filter,
                                                   int                      threshold);
GPtrArray    *tpt_coverage_filter_unlinked_back_cards (TptDocument             *document,
                                                       const TptCoverageFilter *filter);

G_END_DECLS
