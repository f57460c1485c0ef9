/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-blueprint-legend"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-blueprint-layout-private.h"
#include "tpt-notation.h"
#include "tpt-text.h"

/* Lays the legend out in rows from (@x0, @y), wrapping at @right, and
 * returns its bottom. */
double
tpt_blueprint_layout_add_legend (TptBlueprintLayout *self,
                                 PangoContext       *context,
                                 double              x0,
                                 double              right,
                                 double              y)
{
  double x = x0, row_h = 16, bottom = y, top = y;
  static const struct { TptLegendItemKind kind; int value; const char *label; } items[] = {
    { TPT_LEGEND_CARD, TPT_CARD_KIND_ACTION, NULL },
    { TPT_LEGEND_CARD, TPT_CARD_KIND_DECISION, NULL },
    { TPT_LEGEND_CARD, TPT_CARD_KIND_FAIL, NULL },
    { TPT_LEGEND_CARD, TPT_CARD_KIND_WAIT, NULL },
    { TPT_LEGEND_CARD, TPT_CARD_KIND_NOTE, NULL },
    { TPT_LEGEND_CARD, TPT_CARD_KIND_METRIC, NULL },
    { TPT_LEGEND_CARD, TPT_CARD_KIND_PAIN, NULL },
    { TPT_LEGEND_CARD, TPT_CARD_KIND_OPPORTUNITY, NULL },
    { TPT_LEGEND_FLOW, TPT_ARROW_SINGLE, N_("Flow") },
    { TPT_LEGEND_FLOW, TPT_ARROW_DOUBLE, N_("Two-way flow") },
    { TPT_LEGEND_LINE, TPT_LINE_INTERACTION, NULL },
    { TPT_LEGEND_LINE, TPT_LINE_VISIBILITY, NULL },
    { TPT_LEGEND_LINE, TPT_LINE_INTERNAL, NULL },
    { TPT_LEGEND_EMOTION, 0, N_("Emotion (−2 to +2)") },
  };

  gboolean used[G_N_ELEMENTS (items)] = { FALSE, };

  /* Only the notation the blueprint uses. */
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      switch (items[i].kind)
        {
        case TPT_LEGEND_CARD:
          for (guint k = 0; k < self->cards->len && !used[i]; k++)
            used[i] = (int) g_array_index (self->cards, TptLayoutCard, k).kind == items[i].value;
          break;
        case TPT_LEGEND_FLOW:
          for (guint k = 0; k < self->flows->len && !used[i]; k++)
            used[i] = (int) g_array_index (self->flows, TptLayoutFlow, k).arrow == items[i].value;
          break;
        case TPT_LEGEND_LINE:
          for (guint k = 0; k < self->lines->len && !used[i]; k++)
            used[i] = (int) g_array_index (self->lines, TptLayoutLine, k).kind == items[i].value;
          break;
        case TPT_LEGEND_EMOTION:
        case TPT_LEGEND_NOTE:
        default:
          used[i] = self->emotions->len > 0;
          break;
        }
    }

  /* A blueprint with nothing on it says so, rather than explaining
   * notation it does not use. */
  if (self->cards->len == 0)
    {
      TptLayoutLegendItem item = { TPT_LEGEND_NOTE, 0, { x0, y, 0, 0 }, { { 0 }, NULL } };
      double w, h;

      item.label.layout = tpt_text_layout_new (context, TPT_TEXT_BODY,
                                               _("This blueprint has no cards yet."), -1);
      tpt_text_layout_size (item.label.layout, &w, &h);
      item.label.rect = (TptRect) { x0, y, w, h };
      g_array_append_val (self->legend, item);
      y += h + 8;
      bottom = y;
      self->legend_rect.width = w;
    }

  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      TptLayoutLegendItem item = { 0 };
      const char *label = items[i].label != NULL ? _(items[i].label)
                        : items[i].kind == TPT_LEGEND_CARD ? tpt_notation_card_kind (items[i].value)
                        : tpt_notation_line (items[i].value);
      double swatch_w = items[i].kind == TPT_LEGEND_CARD ? 22 : 34;
      double w, h;

      if (!used[i])
        continue;
      item.kind = items[i].kind;
      item.value = items[i].value;
      item.label.layout = tpt_text_layout_new (context, TPT_TEXT_SMALL, label, -1);
      tpt_text_layout_size (item.label.layout, &w, &h);
      if (x > x0 && x + swatch_w + 6 + w > right)
        {
          x = x0;
          y += row_h + 8;
        }
      item.swatch = (TptRect) { x, y + 1, swatch_w, 14 };
      item.label.rect = (TptRect) { x + swatch_w + 6, y + (16 - h) / 2, w, h };
      x += swatch_w + 6 + w + 18;
      bottom = MAX (bottom, y + row_h);
      self->legend_rect.width = MAX (self->legend_rect.width, x - 18 - x0);
      g_array_append_val (self->legend, item);
    }

  self->legend_rect.x = x0;
  self->legend_rect.y = top;
  self->legend_rect.height = bottom - top;
  return bottom;
}
