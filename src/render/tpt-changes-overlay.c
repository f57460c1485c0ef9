/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-changes-overlay"

#include "config.h"

#include <math.h>

#include "tpt-changes-overlay.h"

#include "tpt-node.h"

/* What changed since another version, marked on a drawn blueprint: each
 * added, changed or moved card, step, stage and lane gets a ring in the
 * colour of what happened and a badge with its sign (+ added, ~ changed,
 * ↕ moved), so that the marks read in grey too. Drawn over
 * tpt_blueprint_render(), in the layout's coordinates; a canvas draws it
 * on screen (Compare with…) and a review PDF on its blueprint pages.
 * Removed nodes are not in the drawing; the list of changes names them. */

#define RING    2.0
#define GAP     2.5
#define BADGE   6.5
#define STROKE  1.6

static const TptColor *
color_of (const TptTheme *theme,
          TptDiffAction   action)
{
  switch (action)
    {
    case TPT_DIFF_ADDED:   return &theme->card_accent[TPT_CARD_KIND_OPPORTUNITY];
    case TPT_DIFF_REMOVED: return &theme->warning;
    case TPT_DIFF_MOVED:   return &theme->muted;
    case TPT_DIFF_CHANGED:
    default:               return &theme->ink;
    }
}

static void
rounded_rect (cairo_t       *cr,
              const TptRect *r,
              double         radius)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, r->x + r->width - radius, r->y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, r->x + r->width - radius, r->y + r->height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, r->x + radius, r->y + r->height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, r->x + radius, r->y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* The sign, drawn as strokes centred on (x, y), so it needs no font. */
static void
sign_path (cairo_t       *cr,
           TptDiffAction  action,
           double         x,
           double         y)
{
  const double s = BADGE * 0.55;

  switch (action)
    {
    case TPT_DIFF_ADDED:
      cairo_move_to (cr, x - s, y);
      cairo_line_to (cr, x + s, y);
      cairo_move_to (cr, x, y - s);
      cairo_line_to (cr, x, y + s);
      break;
    case TPT_DIFF_REMOVED:
      cairo_move_to (cr, x - s, y);
      cairo_line_to (cr, x + s, y);
      break;
    case TPT_DIFF_MOVED:
      cairo_move_to (cr, x, y - s);
      cairo_line_to (cr, x, y + s);
      cairo_move_to (cr, x - s * 0.6, y - s * 0.4);
      cairo_line_to (cr, x, y - s);
      cairo_line_to (cr, x + s * 0.6, y - s * 0.4);
      cairo_move_to (cr, x - s * 0.6, y + s * 0.4);
      cairo_line_to (cr, x, y + s);
      cairo_line_to (cr, x + s * 0.6, y + s * 0.4);
      break;
    case TPT_DIFF_CHANGED:
    default:
      cairo_move_to (cr, x - s, y + s * 0.2);
      cairo_curve_to (cr, x - s * 0.5, y - s * 0.7, x, y - s * 0.1, x, y);
      cairo_curve_to (cr, x, y + s * 0.1, x + s * 0.5, y + s * 0.7, x + s, y - s * 0.2);
      break;
    }
}

static void
mark (cairo_t        *cr,
      const TptRect  *rect,
      TptDiffAction   action,
      const TptTheme *theme)
{
  TptRect ring = { rect->x - GAP, rect->y - GAP, rect->width + 2 * GAP,
                   rect->height + 2 * GAP };
  double bx = ring.x + ring.width;
  double by = ring.y;

  tpt_color_set_source (cr, color_of (theme, action));
  rounded_rect (cr, &ring, 5);
  cairo_set_line_width (cr, RING);
  if (action == TPT_DIFF_MOVED)
    {
      const double dashes[] = { 4, 3 };

      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
    }
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);

  cairo_arc (cr, bx, by, BADGE, 0, 2 * G_PI);
  cairo_fill (cr);
  tpt_color_set_source (cr, &theme->paper);
  sign_path (cr, action, bx, by);
  cairo_set_line_width (cr, STROKE);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static gboolean
lookup (TptDiff       *diff,
        gpointer       node,
        TptDiffAction *action)
{
  return node != NULL && tpt_diff_lookup (diff, tpt_node_get_id (TPT_NODE (node)), action);
}

/**
 * tpt_changes_overlay_render:
 * @cr: where the blueprint was drawn, in the layout's coordinates
 * @layout: the blueprint's layout
 * @diff: what changed, from the older version to the document @layout
 *   was made of
 * @theme: the colours the blueprint was drawn in
 *
 * Marks what changed over a blueprint drawn with tpt_blueprint_render().
 *
 * Returns: how many nodes were marked
 */
guint
tpt_changes_overlay_render (cairo_t                  *cr,
                            const TptBlueprintLayout *layout,
                            TptDiff                  *diff,
                            const TptTheme           *theme)
{
  TptDiffAction action;
  guint n = 0;

  g_return_val_if_fail (cr != NULL, 0);
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (TPT_IS_DIFF (diff), 0);
  g_return_val_if_fail (theme != NULL, 0);

  cairo_save (cr);
  for (guint i = 0; i < layout->lanes->len; i++)
    {
      const TptLayoutLane *lane = &g_array_index (layout->lanes, TptLayoutLane, i);

      if (lookup (diff, lane->lane, &action))
        {
          mark (cr, &lane->header, action, theme);
          n++;
        }
    }
  for (guint i = 0; i < layout->stages->len; i++)
    {
      const TptLayoutStage *stage = &g_array_index (layout->stages, TptLayoutStage, i);

      if (lookup (diff, stage->stage, &action))
        {
          mark (cr, &stage->rect, action, theme);
          n++;
        }
    }
  for (guint i = 0; i < layout->steps->len; i++)
    {
      const TptLayoutStep *step = &g_array_index (layout->steps, TptLayoutStep, i);

      if (lookup (diff, step->step, &action))
        {
          mark (cr, &step->header, action, theme);
          n++;
        }
    }
  for (guint i = 0; i < layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, i);

      if (lookup (diff, card->card, &action))
        {
          mark (cr, &card->rect, action, theme);
          n++;
        }
    }
  cairo_restore (cr);

  return n;
}

/**
 * tpt_changes_overlay_mark_key:
 * @cr: where the artefact was drawn
 * @rect: where the node is drawn, in @cr's units
 * @diff: what changed
 * @key: the node's key in @diff: its id, or a rating's persona and need
 *   ids with a space between
 * @theme: the colours the artefact was drawn in
 *
 * Marks one node of another artefact (a persona's card, a need, a
 * rating) as tpt_changes_overlay_render() marks a blueprint's, if @diff
 * has it.
 *
 * Returns: whether it was marked
 */
gboolean
tpt_changes_overlay_mark_key (cairo_t        *cr,
                              const TptRect  *rect,
                              TptDiff        *diff,
                              const char     *key,
                              const TptTheme *theme)
{
  TptDiffAction action;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);
  g_return_val_if_fail (TPT_IS_DIFF (diff), FALSE);
  g_return_val_if_fail (theme != NULL, FALSE);

  if (key == NULL || !tpt_diff_lookup (diff, key, &action))
    return FALSE;
  cairo_save (cr);
  mark (cr, rect, action, theme);
  cairo_restore (cr);
  return TRUE;
}
