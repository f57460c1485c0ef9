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

G_END_DECLS
