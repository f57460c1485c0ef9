/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib.h>

#include "tpt-enums.h"

G_BEGIN_DECLS

typedef struct
{
  double red;
  double green;
  double blue;
} TptColor;

/**
 * TptThemeKind:
 * @TPT_THEME_LIGHT: for the screen, light style
 * @TPT_THEME_DARK: for the screen, dark style
 * @TPT_THEME_PRINT: white paper, high contrast, readable in greyscale
 * @TPT_THEME_PROJECTOR: for slides on a projector: black ink on white,
 *   saturated colours and tints strong enough to survive a washed-out beam
 */
typedef enum
{
  TPT_THEME_LIGHT,
  TPT_THEME_DARK,
  TPT_THEME_PRINT,
  TPT_THEME_PROJECTOR,
} TptThemeKind;

#define TPT_N_LANE_KINDS (TPT_LANE_KIND_CUSTOM + 1)
#define TPT_N_CARD_KINDS (TPT_CARD_KIND_OPPORTUNITY + 1)
#define TPT_N_OFFICES    (TPT_OFFICE_BACK + 1)
#define TPT_N_KPI_STATUSES (TPT_KPI_MISSED + 1)

/**
 * TptTheme:
 *
 * The colours of a drawing. Hue never carries meaning alone: fail and wait
 * points carry lettered badges, and the three lines differ in dash style,
 * so the print theme still reads when photocopied in grey.
 */
typedef struct
{
  TptThemeKind kind;
  const char  *name;

  TptColor paper;
  TptColor ink;
  TptColor muted;
  TptColor grid;
  TptColor header_fill;
  TptColor stage_fill;
  TptColor stage_ink;
  TptColor lane_fill[TPT_N_LANE_KINDS];
  TptColor card_fill[TPT_N_CARD_KINDS];
  TptColor card_accent[TPT_N_CARD_KINDS];
  TptColor card_border;
  TptColor card_ink;
  TptColor card_muted;
  TptColor badge_fail;
  TptColor badge_fail_ink;
  TptColor badge_wait;
  TptColor badge_wait_ink;
  TptColor flow;
  TptColor line_interaction;
  TptColor line_visibility;
  TptColor line_internal;
  TptColor office_fill[TPT_N_OFFICES];
  TptColor office_ink;
  TptColor emotion;
  TptColor emotion_zero;
  /* Persona cards and the needs matrix. The heat of a matrix cell is
   * @heat over @paper at up to @heat_max opacity; @warning marks needs
   * that nothing serves, always together with bold text. */
  TptColor warning;
  TptColor heat;
  double   heat_max;
  /* The status of a metric against its target, by TptKpiStatus: a pill
   * in @kpi_fill with its word in @kpi_ink. The word carries the meaning;
   * the fills differ in lightness too, so greyscale prints keep them
   * apart. */
  TptColor kpi_fill[TPT_N_KPI_STATUSES];
  TptColor kpi_ink[TPT_N_KPI_STATUSES];
} TptTheme;

const TptTheme *tpt_theme_get              (TptThemeKind    kind);
gboolean        tpt_theme_kind_from_name   (const char     *name,
                                            TptThemeKind   *kind);
void            tpt_theme_set_no_paper     (cairo_t        *cr,
                                            gboolean        no_paper);
gboolean        tpt_theme_get_no_paper     (cairo_t        *cr);
void            tpt_color_set_source       (cairo_t        *cr,
                                            const TptColor *color);
gboolean        tpt_color_parse            (const char     *text,
                                            TptColor       *color);

G_END_DECLS
