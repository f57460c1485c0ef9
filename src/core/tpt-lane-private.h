/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-lane.h"

G_BEGIN_DECLS

/* Setters of references and of fields that only the model may change. */


G_END_DECLS
