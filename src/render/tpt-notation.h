/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-blueprint-layout.h"

G_BEGIN_DECLS

const char *tpt_notation_lane_kind (TptLaneKind kind);
const char *tpt_notation_card_kind (TptCardKind kind);
const char *tpt_notation_office    (TptOffice   office);
const char *tpt_notation_line      (TptLineKind kind);

G_END_DECLS
