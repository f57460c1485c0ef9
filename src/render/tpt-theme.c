/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-theme"

#include "config.h"

#include "tpt-theme.h"

#define HEX(v) { ((v) >> 16 & 0xff) / 255., ((v) >> 8 & 0xff) / 255., ((v) & 0xff) / 255. }

/* Colours from the GNOME palette, so the screen themes sit well beside
 * libadwaita. Lane bands are faint tints; the kind of a card shows in its
 * fill and in the accent stripe on its left edge. */
static const TptTheme light = {
  .kind = TPT_THEME_LIGHT,
  .name = "light",
  .paper = HEX (0xffffff),
  .ink = HEX (0x241f31),
  .muted = HEX (0x5e5c64),
  .grid = HEX (0xdeddda),
  .header_fill = HEX (0xf6f5f4),
  .stage_fill = HEX (0x3d3846),
  .stage_ink = HEX (0xffffff),
  .lane_fill = {
    [TPT_LANE_KIND_EVIDENCE] = HEX (0xf6f5f4),
    [TPT_LANE_KIND_CUSTOMER] = HEX (0xeaf2fc),
    [TPT_LANE_KIND_FRONTSTAGE] = HEX (0xeaf7ef),
    [TPT_LANE_KIND_BACKSTAGE] = HEX (0xfdf7e4),
    [TPT_LANE_KIND_SUPPORT] = HEX (0xf3eefa),
    [TPT_LANE_KIND_EMOTION] = HEX (0xfffaf5),
    [TPT_LANE_KIND_PAIN] = HEX (0xfcefee),
    [TPT_LANE_KIND_OPPORTUNITY] = HEX (0xedf8f1),
    [TPT_LANE_KIND_METRIC] = HEX (0xeef3f8),
    [TPT_LANE_KIND_POLICY] = HEX (0xf4f3f1),
    [TPT_LANE_KIND_CUSTOM] = HEX (0xfafafa),
  },
  .card_fill = {
    [TPT_CARD_KIND_ACTION] = HEX (0xffffff),
    [TPT_CARD_KIND_DECISION] = HEX (0xf6effa),
    [TPT_CARD_KIND_FAIL] = HEX (0xfde4e4),
    [TPT_CARD_KIND_WAIT] = HEX (0xfff3d1),
    [TPT_CARD_KIND_NOTE] = HEX (0xfffbe0),
    [TPT_CARD_KIND_METRIC] = HEX (0xe7f0fb),
    [TPT_CARD_KIND_PAIN] = HEX (0xfce8ee),
    [TPT_CARD_KIND_OPPORTUNITY] = HEX (0xe4f6ea),
  },
  .card_accent = {
    [TPT_CARD_KIND_ACTION] = HEX (0x3584e4),
    [TPT_CARD_KIND_DECISION] = HEX (0x9141ac),
    [TPT_CARD_KIND_FAIL] = HEX (0xe01b24),
    [TPT_CARD_KIND_WAIT] = HEX (0xe5a50a),
    [TPT_CARD_KIND_NOTE] = HEX (0xc0bfbc),
    [TPT_CARD_KIND_METRIC] = HEX (0x1c71d8),
    [TPT_CARD_KIND_PAIN] = HEX (0xc01c28),
    [TPT_CARD_KIND_OPPORTUNITY] = HEX (0x26a269),
  },
  .card_border = HEX (0xc0bfbc),
  .card_ink = HEX (0x241f31),
  .card_muted = HEX (0x5e5c64),
  .badge_fail = HEX (0xe01b24),
  .badge_fail_ink = HEX (0xffffff),
  .badge_wait = HEX (0xf5c211),
  .badge_wait_ink = HEX (0x241f31),
  .flow = HEX (0x3d3846),
  .line_interaction = HEX (0x1a5fb4),
  .line_visibility = HEX (0xc01c28),
  .line_internal = HEX (0x613583),
  .office_fill = {
    [TPT_OFFICE_NONE] = HEX (0xffffff),
    [TPT_OFFICE_FRONT] = HEX (0x99c1f1),
    [TPT_OFFICE_MIDDLE] = HEX (0xf9f06b),
    [TPT_OFFICE_BACK] = HEX (0xdc8add),
  },
  .office_ink = HEX (0x241f31),
  .emotion = HEX (0xe66100),
  .emotion_zero = HEX (0x9a9996),
  .warning = HEX (0xc01c28),
  .heat = HEX (0x1c71d8),
  .heat_max = 0.55,
  .kpi_fill = {
    [TPT_KPI_UNKNOWN] = HEX (0xdeddda),
    [TPT_KPI_MET] = HEX (0x8ff0a4),
    [TPT_KPI_AT_RISK] = HEX (0xf9f06b),
    [TPT_KPI_MISSED] = HEX (0xc01c28),
  },
  .kpi_ink = {
    [TPT_KPI_UNKNOWN] = HEX (0x241f31),
    [TPT_KPI_MET] = HEX (0x241f31),
    [TPT_KPI_AT_RISK] = HEX (0x241f31),
    [TPT_KPI_MISSED] = HEX (0xffffff),
  },
};

static const TptTheme dark = {
  .kind = TPT_THEME_DARK,
  .name = "dark",
  .paper = HEX (0x1e1e1e),
  .ink = HEX (0xffffff),
  .muted = HEX (0xc0bfbc),
  .grid = HEX (0x3d3d3d),
  .header_fill = HEX (0x2a2a2a),
  .stage_fill = HEX (0x4a4654),
  .stage_ink = HEX (0xffffff),
  .lane_fill = {
    [TPT_LANE_KIND_EVIDENCE] = HEX (0x262626),
    [TPT_LANE_KIND_CUSTOMER] = HEX (0x1f2833),
    [TPT_LANE_KIND_FRONTSTAGE] = HEX (0x1f2d25),
    [TPT_LANE_KIND_BACKSTAGE] = HEX (0x2e2a1e),
    [TPT_LANE_KIND_SUPPORT] = HEX (0x2a2431),
    [TPT_LANE_KIND_EMOTION] = HEX (0x2a241f),
    [TPT_LANE_KIND_PAIN] = HEX (0x332223),
    [TPT_LANE_KIND_OPPORTUNITY] = HEX (0x1f2e26),
    [TPT_LANE_KIND_METRIC] = HEX (0x22272e),
    [TPT_LANE_KIND_POLICY] = HEX (0x282828),
    [TPT_LANE_KIND_CUSTOM] = HEX (0x242424),
  },
  .card_fill = {
    [TPT_CARD_KIND_ACTION] = HEX (0x3a3a3a),
    [TPT_CARD_KIND_DECISION] = HEX (0x3e3446),
    [TPT_CARD_KIND_FAIL] = HEX (0x4a2a2c),
    [TPT_CARD_KIND_WAIT] = HEX (0x483d22),
    [TPT_CARD_KIND_NOTE] = HEX (0x45422e),
    [TPT_CARD_KIND_METRIC] = HEX (0x2a3a4e),
    [TPT_CARD_KIND_PAIN] = HEX (0x472b34),
    [TPT_CARD_KIND_OPPORTUNITY] = HEX (0x26412f),
  },
  .card_accent = {
    [TPT_CARD_KIND_ACTION] = HEX (0x62a0ea),
    [TPT_CARD_KIND_DECISION] = HEX (0xc061cb),
    [TPT_CARD_KIND_FAIL] = HEX (0xf66151),
    [TPT_CARD_KIND_WAIT] = HEX (0xf8e45c),
    [TPT_CARD_KIND_NOTE] = HEX (0x9a9996),
    [TPT_CARD_KIND_METRIC] = HEX (0x99c1f1),
    [TPT_CARD_KIND_PAIN] = HEX (0xed333b),
    [TPT_CARD_KIND_OPPORTUNITY] = HEX (0x57e389),
  },
  .card_border = HEX (0x5e5c64),
  .card_ink = HEX (0xffffff),
  .card_muted = HEX (0xc0bfbc),
  .badge_fail = HEX (0xe01b24),
  .badge_fail_ink = HEX (0xffffff),
  .badge_wait = HEX (0xf5c211),
  .badge_wait_ink = HEX (0x241f31),
  .flow = HEX (0xdeddda),
  .line_interaction = HEX (0x62a0ea),
  .line_visibility = HEX (0xf66151),
  .line_internal = HEX (0xc061cb),
  .office_fill = {
    [TPT_OFFICE_NONE] = HEX (0x1e1e1e),
    [TPT_OFFICE_FRONT] = HEX (0x1a5fb4),
    [TPT_OFFICE_MIDDLE] = HEX (0x9c6e03),
    [TPT_OFFICE_BACK] = HEX (0x613583),
  },
  .office_ink = HEX (0xffffff),
  .emotion = HEX (0xffa348),
  .emotion_zero = HEX (0x77767b),
  .warning = HEX (0xff7b63),
  .heat = HEX (0x3584e4),
  .heat_max = 0.6,
  .kpi_fill = {
    [TPT_KPI_UNKNOWN] = HEX (0x5e5c64),
    [TPT_KPI_MET] = HEX (0x26a269),
    [TPT_KPI_AT_RISK] = HEX (0xf6d32d),
    [TPT_KPI_MISSED] = HEX (0xed333b),
  },
  .kpi_ink = {
    [TPT_KPI_UNKNOWN] = HEX (0xffffff),
    [TPT_KPI_MET] = HEX (0xffffff),
    [TPT_KPI_AT_RISK] = HEX (0x241f31),
    [TPT_KPI_MISSED] = HEX (0xffffff),
  },
};

/* Greys only where meaning lives; the accents still differ in lightness so
 * kinds stay apart on a monochrome printer. */
static const TptTheme print = {
  .kind = TPT_THEME_PRINT,
  .name = "print",
  .paper = HEX (0xffffff),
  .ink = HEX (0x000000),
  .muted = HEX (0x3a3a3a),
  .grid = HEX (0xb0b0b0),
  .header_fill = HEX (0xeeeeee),
  .stage_fill = HEX (0x1a1a1a),
  .stage_ink = HEX (0xffffff),
  .lane_fill = {
    [TPT_LANE_KIND_EVIDENCE] = HEX (0xf4f4f4),
    [TPT_LANE_KIND_CUSTOMER] = HEX (0xffffff),
    [TPT_LANE_KIND_FRONTSTAGE] = HEX (0xf4f4f4),
    [TPT_LANE_KIND_BACKSTAGE] = HEX (0xffffff),
    [TPT_LANE_KIND_SUPPORT] = HEX (0xf4f4f4),
    [TPT_LANE_KIND_EMOTION] = HEX (0xffffff),
    [TPT_LANE_KIND_PAIN] = HEX (0xf4f4f4),
    [TPT_LANE_KIND_OPPORTUNITY] = HEX (0xffffff),
    [TPT_LANE_KIND_METRIC] = HEX (0xf4f4f4),
    [TPT_LANE_KIND_POLICY] = HEX (0xffffff),
    [TPT_LANE_KIND_CUSTOM] = HEX (0xf4f4f4),
  },
  .card_fill = {
    [TPT_CARD_KIND_ACTION] = HEX (0xffffff),
    [TPT_CARD_KIND_DECISION] = HEX (0xffffff),
    [TPT_CARD_KIND_FAIL] = HEX (0xe6e6e6),
    [TPT_CARD_KIND_WAIT] = HEX (0xf2f2f2),
    [TPT_CARD_KIND_NOTE] = HEX (0xffffff),
    [TPT_CARD_KIND_METRIC] = HEX (0xffffff),
    [TPT_CARD_KIND_PAIN] = HEX (0xe6e6e6),
    [TPT_CARD_KIND_OPPORTUNITY] = HEX (0xffffff),
  },
  .card_accent = {
    [TPT_CARD_KIND_ACTION] = HEX (0x000000),
    [TPT_CARD_KIND_DECISION] = HEX (0x555555),
    [TPT_CARD_KIND_FAIL] = HEX (0x000000),
    [TPT_CARD_KIND_WAIT] = HEX (0x777777),
    [TPT_CARD_KIND_NOTE] = HEX (0xbbbbbb),
    [TPT_CARD_KIND_METRIC] = HEX (0x555555),
    [TPT_CARD_KIND_PAIN] = HEX (0x000000),
    [TPT_CARD_KIND_OPPORTUNITY] = HEX (0x999999),
  },
  .card_border = HEX (0x000000),
  .card_ink = HEX (0x000000),
  .card_muted = HEX (0x3a3a3a),
  .badge_fail = HEX (0x000000),
  .badge_fail_ink = HEX (0xffffff),
  .badge_wait = HEX (0xffffff),
  .badge_wait_ink = HEX (0x000000),
  .flow = HEX (0x000000),
  .line_interaction = HEX (0x000000),
  .line_visibility = HEX (0x000000),
  .line_internal = HEX (0x000000),
  .office_fill = {
    [TPT_OFFICE_NONE] = HEX (0xffffff),
    [TPT_OFFICE_FRONT] = HEX (0xdddddd),
    [TPT_OFFICE_MIDDLE] = HEX (0xbbbbbb),
    [TPT_OFFICE_BACK] = HEX (0x999999),
  },
  .office_ink = HEX (0x000000),
  .emotion = HEX (0x000000),
  .emotion_zero = HEX (0x777777),
  .warning = HEX (0x000000),
  .heat = HEX (0x000000),
  .heat_max = 0.4,
  .kpi_fill = {
    [TPT_KPI_UNKNOWN] = HEX (0xffffff),
    [TPT_KPI_MET] = HEX (0xffffff),
    [TPT_KPI_AT_RISK] = HEX (0xbfbfbf),
    [TPT_KPI_MISSED] = HEX (0x000000),
  },
  .kpi_ink = {
    [TPT_KPI_UNKNOWN] = HEX (0x000000),
    [TPT_KPI_MET] = HEX (0x000000),
    [TPT_KPI_AT_RISK] = HEX (0x000000),
    [TPT_KPI_MISSED] = HEX (0xffffff),
  },
};

/* Projectors wash out pale tints and thin grey lines, and rooms are
 * rarely dark: black ink on white, lane tints several times stronger than
 * the light theme's, fully saturated accents, and no mid-grey text. */
static const TptTheme projector = {
  .kind = TPT_THEME_PROJECTOR,
  .name = "projector",
  .paper = HEX (0xffffff),
  .ink = HEX (0x000000),
  .muted = HEX (0x241f31),
  .grid = HEX (0x77767b),
  .header_fill = HEX (0xdeddda),
  .stage_fill = HEX (0x000000),
  .stage_ink = HEX (0xffffff),
  .lane_fill = {
    [TPT_LANE_KIND_EVIDENCE] = HEX (0xe6e5e2),
    [TPT_LANE_KIND_CUSTOMER] = HEX (0xc8ddf7),
    [TPT_LANE_KIND_FRONTSTAGE] = HEX (0xc6ebd2),
    [TPT_LANE_KIND_BACKSTAGE] = HEX (0xfaeab0),
    [TPT_LANE_KIND_SUPPORT] = HEX (0xe1d3f4),
    [TPT_LANE_KIND_EMOTION] = HEX (0xffe8d1),
    [TPT_LANE_KIND_PAIN] = HEX (0xf8cfcc),
    [TPT_LANE_KIND_OPPORTUNITY] = HEX (0xc9efd6),
    [TPT_LANE_KIND_METRIC] = HEX (0xd3e2f2),
    [TPT_LANE_KIND_POLICY] = HEX (0xe6e5e2),
    [TPT_LANE_KIND_CUSTOM] = HEX (0xeeeeee),
  },
  .card_fill = {
    [TPT_CARD_KIND_ACTION] = HEX (0xffffff),
    [TPT_CARD_KIND_DECISION] = HEX (0xf3e6fa),
    [TPT_CARD_KIND_FAIL] = HEX (0xffd6d6),
    [TPT_CARD_KIND_WAIT] = HEX (0xffeaa6),
    [TPT_CARD_KIND_NOTE] = HEX (0xfff7c2),
    [TPT_CARD_KIND_METRIC] = HEX (0xdbe9fb),
    [TPT_CARD_KIND_PAIN] = HEX (0xfbd9e3),
    [TPT_CARD_KIND_OPPORTUNITY] = HEX (0xd4f4de),
  },
  .card_accent = {
    [TPT_CARD_KIND_ACTION] = HEX (0x0b5cd6),
    [TPT_CARD_KIND_DECISION] = HEX (0x7d1fa3),
    [TPT_CARD_KIND_FAIL] = HEX (0xd10000),
    [TPT_CARD_KIND_WAIT] = HEX (0xd18700),
    [TPT_CARD_KIND_NOTE] = HEX (0x5e5c64),
    [TPT_CARD_KIND_METRIC] = HEX (0x004fb0),
    [TPT_CARD_KIND_PAIN] = HEX (0xa3001a),
    [TPT_CARD_KIND_OPPORTUNITY] = HEX (0x00803a),
  },
  .card_border = HEX (0x000000),
  .card_ink = HEX (0x000000),
  .card_muted = HEX (0x241f31),
  .badge_fail = HEX (0xd10000),
  .badge_fail_ink = HEX (0xffffff),
  .badge_wait = HEX (0xffb800),
  .badge_wait_ink = HEX (0x000000),
  .flow = HEX (0x000000),
  .line_interaction = HEX (0x0b5cd6),
  .line_visibility = HEX (0xd10000),
  .line_internal = HEX (0x7d1fa3),
  .office_fill = {
    [TPT_OFFICE_NONE] = HEX (0xffffff),
    [TPT_OFFICE_FRONT] = HEX (0x62a0ea),
    [TPT_OFFICE_MIDDLE] = HEX (0xf6d32d),
    [TPT_OFFICE_BACK] = HEX (0xc061cb),
  },
  .office_ink = HEX (0x000000),
  .emotion = HEX (0xd14d00),
  .emotion_zero = HEX (0x5e5c64),
  .warning = HEX (0xd10000),
  .heat = HEX (0x0b5cd6),
  .heat_max = 0.7,
  .kpi_fill = {
    [TPT_KPI_UNKNOWN] = HEX (0xc0bfbc),
    [TPT_KPI_MET] = HEX (0x2ec27e),
    [TPT_KPI_AT_RISK] = HEX (0xf5c211),
    [TPT_KPI_MISSED] = HEX (0xe01b24),
  },
  .kpi_ink = {
    [TPT_KPI_UNKNOWN] = HEX (0x000000),
    [TPT_KPI_MET] = HEX (0x000000),
    [TPT_KPI_AT_RISK] = HEX (0x000000),
    [TPT_KPI_MISSED] = HEX (0xffffff),
  },
};

/**
 * tpt_theme_get:
 * @kind: which theme
 *
 * Returns: (transfer none): the theme, static
 */
const TptTheme *
tpt_theme_get (TptThemeKind kind)
{
  switch (kind)
    {
    case TPT_THEME_DARK:
      return &dark;
    case TPT_THEME_PRINT:
      return &print;
    case TPT_THEME_PROJECTOR:
      return &projector;
    case TPT_THEME_LIGHT:
    default:
      return &light;
    }
}

/**
 * tpt_theme_kind_from_name:
 * @name: "light", "dark", "print" or "projector"
 * @kind: (out): the theme kind
 *
 * Returns: %TRUE if @name names a theme
 */
gboolean
tpt_theme_kind_from_name (const char   *name,
                          TptThemeKind *kind)
{
  static const TptThemeKind kinds[] = {
    TPT_THEME_LIGHT, TPT_THEME_DARK, TPT_THEME_PRINT, TPT_THEME_PROJECTOR,
  };

  g_return_val_if_fail (kind != NULL, FALSE);

  for (guint i = 0; name != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_ascii_strcasecmp (name, tpt_theme_get (kinds[i])->name) == 0)
      {
        *kind = kinds[i];
        return TRUE;
      }

  return FALSE;
}

void
tpt_color_set_source (cairo_t        *cr,
                      const TptColor *color)
{
  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

/**
 * tpt_color_parse:
 * @text: a colour as "#rrggbb", as documents store them
 * @color: (out): the colour
 *
 * Returns: %TRUE if @text was a colour
 */
gboolean
tpt_color_parse (const char *text,
                 TptColor   *color)
{
  guint64 value;
  char *end = NULL;

  if (text == NULL || text[0] != '#' || strlen (text) != 7)
    return FALSE;

  value = g_ascii_strtoull (text + 1, &end, 16);
  if (end == NULL || *end != '\0')
    return FALSE;

  *color = (TptColor) HEX ((guint) value);
  return TRUE;
}

static const cairo_user_data_key_t no_paper_key;

/**
 * tpt_theme_set_no_paper:
 * @cr: a context
 * @no_paper: whether drawings on @cr leave out the paper under them, for
 *   an image with a transparent background
 */
void
tpt_theme_set_no_paper (cairo_t  *cr,
                        gboolean  no_paper)
{
  g_return_if_fail (cr != NULL);

  cairo_set_user_data (cr, &no_paper_key, GINT_TO_POINTER (no_paper), NULL);
}

/**
 * tpt_theme_get_no_paper:
 * @cr: a context
 *
 * Returns: whether renderers are to leave out the paper on @cr
 */
gboolean
tpt_theme_get_no_paper (cairo_t *cr)
{
  g_return_val_if_fail (cr != NULL, FALSE);

  return GPOINTER_TO_INT (cairo_get_user_data (cr, &no_paper_key));
}
