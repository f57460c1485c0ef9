/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nicks of these enums (the lower-case tail of each name) are the words the
 * file format uses, so the reader and writer convert through GEnumValue nicks. */

typedef enum
{
  TPT_LANE_KIND_EVIDENCE,
  TPT_LANE_KIND_CUSTOMER,
  TPT_LANE_KIND_FRONTSTAGE,
  TPT_LANE_KIND_BACKSTAGE,
  TPT_LANE_KIND_SUPPORT,
  TPT_LANE_KIND_EMOTION,
  TPT_LANE_KIND_PAIN,
  TPT_LANE_KIND_OPPORTUNITY,
  TPT_LANE_KIND_METRIC,
  TPT_LANE_KIND_POLICY,
  TPT_LANE_KIND_CUSTOM,
} TptLaneKind;

typedef enum
{
  TPT_CARD_KIND_ACTION,
  TPT_CARD_KIND_DECISION,
  TPT_CARD_KIND_FAIL,
  TPT_CARD_KIND_WAIT,
  TPT_CARD_KIND_NOTE,
  TPT_CARD_KIND_METRIC,
  TPT_CARD_KIND_PAIN,
  TPT_CARD_KIND_OPPORTUNITY,
} TptCardKind;

typedef enum
{
  TPT_OFFICE_NONE,
  TPT_OFFICE_FRONT,
  TPT_OFFICE_MIDDLE,
  TPT_OFFICE_BACK,
} TptOffice;

typedef enum
{
  TPT_BLUEPRINT_STATE_CURRENT,
  TPT_BLUEPRINT_STATE_FUTURE,
} TptBlueprintState;

typedef enum
{
  TPT_ARROW_SINGLE,
  TPT_ARROW_DOUBLE,
} TptArrow;

/* The artefacts of a document: what the window shows, export and print
 * write and slides present (tpt-artefact.h says what each is). The nicks
 * are the words files and the command line use, "needs-matrix" among them. */
typedef enum
{
  TPT_ARTEFACT_COVER,
  TPT_ARTEFACT_BLUEPRINT,
  TPT_ARTEFACT_STAGE,
  TPT_ARTEFACT_PERSONA,
  TPT_ARTEFACT_NEEDS_MATRIX,
  TPT_ARTEFACT_COVERAGE,
  TPT_ARTEFACT_PERSONAS,
  TPT_ARTEFACT_JOURNEYS,
  TPT_ARTEFACT_CASE_FOR_CHANGE,
} TptArtefactKind;

/* Which way a metric card's number gets better (TptCard "direction"). */
typedef enum
{
  TPT_DIRECTION_NONE,
  TPT_DIRECTION_HIGHER,
  TPT_DIRECTION_LOWER,
} TptDirection;

/* Whose voice a metric is (TptCard "source"): what customers say or do,
 * what staff say, or what the process logs. */
typedef enum
{
  TPT_VOICE_NONE,
  TPT_VOICE_CUSTOMER,
  TPT_VOICE_EMPLOYEE,
  TPT_VOICE_PROCESS,
} TptVoice;

/* How a number stands against its target (tpt-kpi.h); computed, never
 * stored. */
typedef enum
{
  TPT_KPI_UNKNOWN,
  TPT_KPI_MET,
  TPT_KPI_AT_RISK,
  TPT_KPI_MISSED,
} TptKpiStatus;

const char *tpt_enum_to_nick   (GType        enum_type,
                                int          value);
gboolean    tpt_enum_from_nick (GType        enum_type,
                                const char  *nick,
                                int         *value);

G_END_DECLS
