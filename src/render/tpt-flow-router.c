/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-flow-router"

#include "config.h"

#include "tpt-blueprint-layout-private.h"

#include <math.h>
#include <string.h>

/* Routes flows orthogonally from card edge to card edge. The layout leaves
 * free gutters between columns and along the top of every lane, so a route
 * that bends in a column gutter and travels along a lane's top gutter never
 * crosses a card (a card spanning several steps is the one exception: it
 * covers the gutters between its steps). Simpler routes with fewer bends are
 * tried first and kept when no card is in their way. */

typedef struct
{
  TptBlueprintLayout *layout;
  GPtrArray          *columns;     /* per column, GArray of card indices covering it */
  guint               n_columns;
} Router;

static double
gutter_x (Router *r,
          guint   boundary)
{
  const TptRect *grid = &r->layout->grid;

  if (boundary == 0)
    return grid->x + TPT_LAYOUT_CELL_PAD / 2;
  if (boundary >= r->n_columns)
    return tpt_rect_right (grid) - TPT_LAYOUT_CELL_PAD / 2;
  return grid->x + boundary * TPT_LAYOUT_COLUMN_W;
}

static const TptLayoutCard *
card_at (Router *r,
         guint   index)
{
  return &g_array_index (r->layout->cards, TptLayoutCard, index);
}

/* Whether a card other than @a and @b lies across the segment from (x0, y0)
 * to (x1, y1), which is horizontal or vertical. */
static gboolean
blocked (Router *r,
         double  x0,
         double  y0,
         double  x1,
         double  y1,
         guint   a,
         guint   b)
{
  TptRect seg = { MIN (x0, x1) - 0.5, MIN (y0, y1) - 0.5,
                  fabs (x1 - x0) + 1, fabs (y1 - y0) + 1 };
  int first = (int) floor ((seg.x - r->layout->grid.x) / TPT_LAYOUT_COLUMN_W);
  int last = (int) floor ((tpt_rect_right (&seg) - r->layout->grid.x) / TPT_LAYOUT_COLUMN_W);

  for (int c = MAX (first, 0); c <= last && c < (int) r->n_columns; c++)
    {
      GArray *column = g_ptr_array_index (r->columns, c);

      for (guint k = 0; k < column->len; k++)
        {
          guint index = g_array_index (column, guint, k);

          if (index != a && index != b && tpt_rect_intersects (&card_at (r, index)->rect, &seg))
            return TRUE;
        }
    }

  return FALSE;
}

static void
add_point (GArray *points,
           double  x,
           double  y)
{
  TptPoint p = { x, y };

  g_array_append_val (points, p);
}

/* Drops repeated points and the middle of three collinear ones, so a
 * route whose bends fall together becomes the straight line it is. */
static void
simplify (GArray *points)
{
  guint out = 0;

  for (guint i = 0; i < points->len; i++)
    {
      TptPoint p = g_array_index (points, TptPoint, i);

      if (out > 0)
        {
          TptPoint *q = &g_array_index (points, TptPoint, out - 1);

          if (fabs (q->x - p.x) < 1e-6 && fabs (q->y - p.y) < 1e-6)
            continue;
          if (out > 1)
            {
              TptPoint *o = &g_array_index (points, TptPoint, out - 2);

              if ((fabs (o->x - q->x) < 1e-6 && fabs (q->x - p.x) < 1e-6) ||
                  (fabs (o->y - q->y) < 1e-6 && fabs (q->y - p.y) < 1e-6))
                {
                  *q = p;
                  continue;
                }
            }
        }
      g_array_index (points, TptPoint, out++) = p;
    }
  g_array_set_size (points, out);
}

/* Whether the polyline @points (@n of them) is clear of every card but
 * its own two, and how long it is. */
static gboolean
clear_route (Router         *r,
             const TptPoint *points,
             guint           n,
             guint           ia,
             guint           ib,
             double         *length)
{
  *length = 0;
  for (guint k = 0; k + 1 < n; k++)
    {
      if (blocked (r, points[k].x, points[k].y, points[k + 1].x, points[k + 1].y, ia, ib))
        return FALSE;
      *length += fabs (points[k + 1].x - points[k].x) + fabs (points[k + 1].y - points[k].y);
    }
  return TRUE;
}

/* The last resort before crossing a card: out of @a into any column
 * gutter, along the top of any lane, down any gutter into @b, keeping the
 * shortest such route that no card is in the way of. Cards spanning several
 * steps cover the gutters between them, so the gutters next to the two
 * cards are not always free. */
static gboolean
route_around (Router *r,
              guint   ia,
              guint   ib,
              GArray *points)
{
  const TptLayoutCard *a = card_at (r, ia), *b = card_at (r, ib);
  double ay = a->rect.y + a->rect.height / 2;
  double by = b->rect.y + b->rect.height / 2;
  TptPoint best[6];
  double best_length = G_MAXDOUBLE;

  for (guint l = 0; l < r->layout->lanes->len; l++)
    {
      const TptLayoutLane *lane = &g_array_index (r->layout->lanes, TptLayoutLane, l);
      double cy = lane->rect.y + TPT_LAYOUT_LANE_PAD / 2;

      for (guint g1 = 0; g1 <= r->n_columns; g1++)
        for (guint g2 = 0; g2 <= r->n_columns; g2++)
          {
            double x1 = gutter_x (r, g1), x2 = gutter_x (r, g2), length;
            TptPoint route[6];

            /* Leave and enter through the sides facing the gutters. */
            if (x1 > a->rect.x && x1 < tpt_rect_right (&a->rect))
              continue;
            if (x2 > b->rect.x && x2 < tpt_rect_right (&b->rect))
              continue;
            route[0] = (TptPoint) { x1 >= tpt_rect_right (&a->rect) ? tpt_rect_right (&a->rect)
                                                                    : a->rect.x, ay };
            route[1] = (TptPoint) { x1, ay };
            route[2] = (TptPoint) { x1, cy };
            route[3] = (TptPoint) { x2, cy };
            route[4] = (TptPoint) { x2, by };
            route[5] = (TptPoint) { x2 >= tpt_rect_right (&b->rect) ? tpt_rect_right (&b->rect)
                                                                    : b->rect.x, by };
            if (clear_route (r, route, 6, ia, ib, &length) && length < best_length)
              {
                best_length = length;
                memcpy (best, route, sizeof best);
              }
          }
    }

  if (best_length == G_MAXDOUBLE)
    return FALSE;

  for (guint k = 0; k < 6; k++)
    add_point (points, best[k].x, best[k].y);
  return TRUE;
}

/* @b lies in columns wholly right of @a's (@dir = 1) or left (@dir = -1). */
static void
route_sideways (Router *r,
                guint   ia,
                guint   ib,
                int     dir,
                GArray *points)
{
  const TptLayoutCard *a = card_at (r, ia), *b = card_at (r, ib);
  double ay = a->rect.y + a->rect.height / 2;
  double by = b->rect.y + b->rect.height / 2;
  double ax = dir > 0 ? tpt_rect_right (&a->rect) : a->rect.x;
  double bx = dir > 0 ? b->rect.x : tpt_rect_right (&b->rect);
  /* The gutters next to @b and next to @a, on the side facing the other. */
  double gb = gutter_x (r, dir > 0 ? b->step : b->step + b->span);
  double ga = gutter_x (r, dir > 0 ? a->step + a->span : a->step);
  const TptLayoutLane *lane = &g_array_index (r->layout->lanes, TptLayoutLane, b->lane);
  double corridor = lane->rect.y + TPT_LAYOUT_LANE_PAD / 2;

  if (!blocked (r, ax, ay, gb, ay, ia, ib) && !blocked (r, gb, ay, gb, by, ia, ib))
    {
      add_point (points, ax, ay);
      add_point (points, gb, ay);
      add_point (points, gb, by);
    }
  else if (!blocked (r, ga, by, bx, by, ia, ib) && !blocked (r, ga, ay, ga, by, ia, ib))
    {
      add_point (points, ax, ay);
      add_point (points, ga, ay);
      add_point (points, ga, by);
    }
  else if (route_around (r, ia, ib, points))
    return;
  else
    {
      add_point (points, ax, ay);
      add_point (points, ga, ay);
      add_point (points, ga, corridor);
      add_point (points, gb, corridor);
      add_point (points, gb, by);
    }
  add_point (points, bx, by);
}

/* @a and @b share a column; @b is below (@dir = 1) or above (@dir = -1). */
static void
route_vertically (Router *r,
                  guint   ia,
                  guint   ib,
                  int     dir,
                  GArray *points)
{
  const TptLayoutCard *a = card_at (r, ia), *b = card_at (r, ib);
  double left = MAX (a->rect.x, b->rect.x);
  double right = MIN (tpt_rect_right (&a->rect), tpt_rect_right (&b->rect));
  double x = (left + right) / 2;
  double ay = dir > 0 ? tpt_rect_bottom (&a->rect) : a->rect.y;
  double by = dir > 0 ? b->rect.y : tpt_rect_bottom (&b->rect);

  add_point (points, x, ay);
  if (blocked (r, x, ay, x, by, ia, ib))
    {
      /* Step out into the gap beside @a, down the column gutter, and back
       * in through the gap beside @b; both gaps are free of other cards
       * across the columns the two cards share. */
      double gx = gutter_x (r, MAX (a->step, b->step));
      double ya = ay + dir * TPT_LAYOUT_CARD_GAP / 2;
      double yb = by - dir * TPT_LAYOUT_CARD_GAP / 2;

      add_point (points, x, ya);
      add_point (points, gx, ya);
      add_point (points, gx, yb);
      add_point (points, x, yb);
    }
  add_point (points, x, by);
}

typedef enum { SIDE_LEFT, SIDE_RIGHT, SIDE_TOP, SIDE_BOTTOM, N_SIDES } Side;

typedef struct
{
  guint  flow;
  gboolean at_end;
  double order;        /* where the flow heads, along the side */
} Port;

static Side
side_of (const TptRect  *rect,
         const TptPoint *p)
{
  if (fabs (p->x - rect->x) < 1e-6)
    return SIDE_LEFT;
  if (fabs (p->x - tpt_rect_right (rect)) < 1e-6)
    return SIDE_RIGHT;
  if (fabs (p->y - rect->y) < 1e-6)
    return SIDE_TOP;
  return SIDE_BOTTOM;
}

static int
compare_ports (gconstpointer a,
               gconstpointer b)
{
  const Port *x = a, *y = b;

  return (x->order > y->order) - (x->order < y->order);
}

/* Moves one end of a flow (and the bend next to it, so the route stays
 * orthogonal) to @pos along its side; kept only if no card is in the way. */
static void
move_port (Router        *r,
           TptLayoutFlow *flow,
           gboolean       at_end,
           Side           side,
           double         pos)
{
  GArray *points = flow->points;
  guint end = at_end ? points->len - 1 : 0;
  guint next = at_end ? points->len - 2 : 1;
  guint after = at_end ? points->len - 3 : 2;
  TptPoint *p = &g_array_index (points, TptPoint, end);
  TptPoint *q = &g_array_index (points, TptPoint, next);
  TptPoint old_p = *p, old_q = *q;
  const TptPoint *o;

  /* A route needs a bend to move; a straight line keeps its ends. */
  if (points->len < 3)
    return;
  o = &g_array_index (points, TptPoint, after);

  if (side == SIDE_LEFT || side == SIDE_RIGHT)
    p->y = q->y = pos;
  else
    p->x = q->x = pos;

  if (blocked (r, p->x, p->y, q->x, q->y, flow->from, flow->to) ||
      blocked (r, q->x, q->y, o->x, o->y, flow->from, flow->to))
    {
      *p = old_p;
      *q = old_q;
    }
}

/* Several flows leaving or entering one side of a card would share one
 * point and hide each other; spread them evenly over the side instead,
 * ordered by where each is heading so that they do not cross. */
static void
spread_ports (Router *r)
{
  TptBlueprintLayout *self = r->layout;
  g_autoptr(GHashTable) sides = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                                      (GDestroyNotify) g_array_unref);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < self->flows->len; i++)
    {
      TptLayoutFlow *flow = &g_array_index (self->flows, TptLayoutFlow, i);

      for (guint e = 0; e < 2; e++)
        {
          guint card = e ? flow->to : flow->from;
          const TptLayoutCard *c = card_at (r, card);
          const TptPoint *p = &g_array_index (flow->points, TptPoint,
                                              e ? flow->points->len - 1 : 0);
          const TptPoint *q = &g_array_index (flow->points, TptPoint,
                                              e ? flow->points->len - 2 : 1);
          Side side = side_of (&c->rect, p);
          gpointer k = GUINT_TO_POINTER (card * N_SIDES + side + 1);
          GArray *ports = g_hash_table_lookup (sides, k);
          Port port = { i, e, side == SIDE_LEFT || side == SIDE_RIGHT ? q->y : q->x };

          if (ports == NULL)
            {
              ports = g_array_new (FALSE, FALSE, sizeof (Port));
              g_hash_table_insert (sides, k, ports);
            }
          g_array_append_val (ports, port);
        }
    }

  g_hash_table_iter_init (&iter, sides);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GArray *ports = value;
      guint k = GPOINTER_TO_UINT (key) - 1;
      const TptRect *rect = &card_at (r, k / N_SIDES)->rect;
      Side side = k % N_SIDES;
      gboolean vertical = side == SIDE_LEFT || side == SIDE_RIGHT;
      /* The middle of the side, clear of the rounded corners. */
      double start = vertical ? rect->y + TPT_LAYOUT_CORNER : rect->x + 2 * TPT_LAYOUT_CORNER;
      double length = (vertical ? rect->height - 2 * TPT_LAYOUT_CORNER
                                : rect->width - 4 * TPT_LAYOUT_CORNER);

      if (ports->len < 2)
        continue;
      g_array_sort (ports, compare_ports);
      for (guint i = 0; i < ports->len; i++)
        {
          const Port *port = &g_array_index (ports, Port, i);

          move_port (r, &g_array_index (self->flows, TptLayoutFlow, port->flow), port->at_end,
                     side, start + length * (i + 1) / (ports->len + 1));
        }
    }
}

/* Whether two routes are the same line, either way round. */
static gboolean
same_route (const GArray *a,
            const GArray *b)
{
  if (a->len != b->len)
    return FALSE;
  for (guint dir = 0; dir < 2; dir++)
    {
      gboolean same = TRUE;

      for (guint k = 0; k < a->len && same; k++)
        {
          const TptPoint *p = &g_array_index (a, TptPoint, k);
          const TptPoint *q = &g_array_index (b, TptPoint, dir ? b->len - 1 - k : k);

          same = fabs (p->x - q->x) < 0.5 && fabs (p->y - q->y) < 0.5;
        }
      if (same)
        return TRUE;
    }
  return FALSE;
}

/* Moves a route sideways by @d: its bends both ways, its ends along the
 * sides of their cards, so it stays orthogonal and on the cards. */
static void
offset_route (Router        *r,
              TptLayoutFlow *flow,
              double         d)
{
  GArray *points = flow->points;

  for (guint k = 0; k < points->len; k++)
    {
      TptPoint *p = &g_array_index (points, TptPoint, k);

      if (k == 0 || k + 1 == points->len)
        {
          const TptLayoutCard *card = card_at (r, k == 0 ? flow->from : flow->to);
          Side side = side_of (&card->rect, p);

          if (side == SIDE_LEFT || side == SIDE_RIGHT)
            p->y = CLAMP (p->y + d, card->rect.y + 2, tpt_rect_bottom (&card->rect) - 2);
          else
            p->x = CLAMP (p->x + d, card->rect.x + 2, tpt_rect_right (&card->rect) - 2);
        }
      else
        {
          p->x += d;
          p->y += d;
        }
    }
}

/* Flows between the same two cards that took the same route (one each
 * way, say) are drawn side by side, not one over the other. */
static void
separate_parallel (Router *r)
{
  TptBlueprintLayout *self = r->layout;
  g_autofree guint8 *done = g_new0 (guint8, MAX (self->flows->len, 1));

  for (guint i = 0; i < self->flows->len; i++)
    {
      TptLayoutFlow *a = &g_array_index (self->flows, TptLayoutFlow, i);
      g_autoptr(GArray) group = g_array_new (FALSE, FALSE, sizeof (guint));

      if (done[i])
        continue;
      g_array_append_val (group, i);
      for (guint j = i + 1; j < self->flows->len; j++)
        {
          TptLayoutFlow *b = &g_array_index (self->flows, TptLayoutFlow, j);

          if (!done[j] && ((a->from == b->from && a->to == b->to) ||
                           (a->from == b->to && a->to == b->from)) &&
              same_route (a->points, b->points))
            {
              g_array_append_val (group, j);
              done[j] = TRUE;
            }
        }
      for (guint k = 0; group->len > 1 && k < group->len; k++)
        offset_route (r, &g_array_index (self->flows, TptLayoutFlow,
                                         g_array_index (group, guint, k)),
                      (k - (group->len - 1) / 2.0) * 6.0);
    }
}

void
tpt_blueprint_layout_route_flows (TptBlueprintLayout *self)
{
  GListModel *flows = tpt_blueprint_get_flows (self->blueprint);
  guint n = g_list_model_get_n_items (flows);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  Router r = { self, columns, self->steps->len };

  for (guint c = 0; c < r.n_columns; c++)
    g_ptr_array_add (columns, g_array_new (FALSE, FALSE, sizeof (guint)));

  for (guint i = 0; i < self->cards->len; i++)
    {
      const TptLayoutCard *card = card_at (&r, i);

      g_hash_table_insert (by_id, (gpointer) tpt_node_get_id (TPT_NODE (card->card)),
                           GUINT_TO_POINTER (i + 1));
      for (guint c = card->step; c < card->step + card->span; c++)
        g_array_append_val (g_ptr_array_index (columns, c), i);
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptFlow) flow = g_list_model_get_item (flows, i);
      guint from = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, tpt_flow_get_from (flow)));
      guint to = GPOINTER_TO_UINT (g_hash_table_lookup (by_id, tpt_flow_get_to (flow)));
      TptLayoutFlow entry = { 0 };
      const TptLayoutCard *a, *b;

      if (from == 0 || to == 0 || from == to)
        continue;

      entry.flow = g_steal_pointer (&flow);
      entry.arrow = tpt_flow_get_arrow (entry.flow);
      entry.from = from - 1;
      entry.to = to - 1;
      entry.points = g_array_new (FALSE, FALSE, sizeof (TptPoint));
      a = card_at (&r, entry.from);
      b = card_at (&r, entry.to);

      if (b->step >= a->step + a->span)
        route_sideways (&r, entry.from, entry.to, 1, entry.points);
      else if (b->step + b->span <= a->step)
        route_sideways (&r, entry.from, entry.to, -1, entry.points);
      else
        route_vertically (&r, entry.from, entry.to, b->rect.y > a->rect.y ? 1 : -1,
                          entry.points);

      simplify (entry.points);
      g_array_append_val (self->flows, entry);
    }

  spread_ports (&r);
  separate_parallel (&r);
}
