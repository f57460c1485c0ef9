/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-notation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-notation.h"

/* The names of the service blueprint notation, as drawings show them: in
 * lane headers, beside the lines and in the legend. */

const char *
tpt_notation_lane_kind (TptLaneKind kind)
{
  switch (kind)
    {
    case TPT_LANE_KIND_EVIDENCE: return _("Physical evidence");
    case TPT_LANE_KIND_CUSTOMER: return _("Customer actions");
    case TPT_LANE_KIND_FRONTSTAGE: return _("Frontstage actions");
    case TPT_LANE_KIND_BACKSTAGE: return _("Backstage actions");
    case TPT_LANE_KIND_SUPPORT: return _("Support processes");
    case TPT_LANE_KIND_EMOTION: return _("Emotion");
    case TPT_LANE_KIND_PAIN: return _("Pain points");
    case TPT_LANE_KIND_OPPORTUNITY: return _("Opportunities");
    case TPT_LANE_KIND_METRIC: return _("Metrics");
    case TPT_LANE_KIND_POLICY: return _("Policies");
    case TPT_LANE_KIND_CUSTOM: default: return _("Custom");
    }
}

const char *
tpt_notation_office (TptOffice office)
{
  switch (office)
    {
    case TPT_OFFICE_FRONT: return _("Front office");
    case TPT_OFFICE_MIDDLE: return _("Middle office");
    case TPT_OFFICE_BACK: return _("Back office");
    case TPT_OFFICE_NONE: default: return "";
    }
}

const char *
tpt_notation_line (TptLineKind kind)
{
  switch (kind)
    {
    case TPT_LINE_INTERACTION: return _("Line of interaction");
    case TPT_LINE_VISIBILITY: return _("Line of visibility");
    case TPT_LINE_INTERNAL: default: return _("Line of internal interaction");
    }
}

const char *
tpt_notation_card_kind (TptCardKind kind)
{
  switch (kind)
    {
    case TPT_CARD_KIND_ACTION: return _("Action");
    case TPT_CARD_KIND_DECISION: return _("Decision");
    case TPT_CARD_KIND_FAIL: return _("Fail point");
    case TPT_CARD_KIND_WAIT: return _("Wait point");
    case TPT_CARD_KIND_NOTE: return _("Note");
    case TPT_CARD_KIND_METRIC: return _("Metric");
    case TPT_CARD_KIND_PAIN: return _("Pain point");
    case TPT_CARD_KIND_OPPORTUNITY: default: return _("Opportunity");
    }
}
