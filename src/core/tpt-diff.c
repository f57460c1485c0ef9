/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-diff"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-diff.h"

#include "tpt-field.h"
#include "tpt-node-private.h"
#include "tpt-snapshot.h"

/* What changed between two documents, node by node, matched by key
 * (tpt-snapshot.h), grouped by artefact and said as a designer would: the
 * document's metadata, the personas and needs field by field, the needs
 * matrix cell by cell, each blueprint's lanes, stages, steps, cards, flows
 * and emotion points, the slides, and the conflicts a merge recorded or
 * that were resolved.
 *
 * A node that changed place is "moved" only if it is outside a longest run
 * of its list that kept its order, so that adding one card does not move
 * all the others. What goes with a deleted node (the cards of a deleted
 * lane, the ratings of a deleted persona) is counted with it rather than
 * listed. */

struct _TptDiff
{
  GObject      parent_instance;

  TptSnapshot *old_snapshot;
  TptSnapshot *new_snapshot;
  GPtrArray   *items;           /* TptDiffItem, owned */
  GHashTable  *actions;         /* key → TptDiffAction, made when first asked */
};

G_DEFINE_FINAL_TYPE (TptDiff, tpt_diff, G_TYPE_OBJECT)

/* Long texts are shown around what changed, and cut to this. */
#define MAX_TEXT 60
#define CONTEXT  16

typedef struct
{
  const char *artefact;
  const char *id;
  const char *title;
} Context;

static void
item_free (gpointer data)
{
  TptDiffItem *item = data;

  g_free (item->artefact_id);
  g_free (item->artefact_title);
  g_free (item->key);
  g_free (item->label);
  g_strfreev (item->old_value);
  g_strfreev (item->new_value);
  g_free (item->text);
  g_free (item);
}

static void
tpt_diff_finalize (GObject *object)
{
  TptDiff *self = (TptDiff *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_hash_table_unref);
  g_clear_pointer (&self->old_snapshot, tpt_snapshot_free);
  g_clear_pointer (&self->new_snapshot, tpt_snapshot_free);

  G_OBJECT_CLASS (tpt_diff_parent_class)->finalize (object);
}

static void
tpt_diff_class_init (TptDiffClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tpt_diff_finalize;
}

static void
tpt_diff_init (TptDiff *self)
{
  self->items = g_ptr_array_new_with_free_func (item_free);
}

static TptDiffItem *
add_item (TptDiff         *self,
          const Context   *context,
          TptDiffAction    action,
          TptSnapshotItem *node,
          char            *text)
{
  TptDiffItem *item = g_new0 (TptDiffItem, 1);

  item->action = action;
  item->artefact = context->artefact;
  item->artefact_id = g_strdup (context->id);
  item->artefact_title = g_strdup (context->title);
  item->kind = tpt_field_kind_name (node->type);
  item->key = g_strdup (node->key);
  item->label = TPT_IS_DOCUMENT (node->node) ? g_strdup ("") : tpt_field_describe_node (node->node);
  item->text = text;
  g_ptr_array_add (self->items, item);
  return item;
}

/* Texts ---------------------------------------------------------------------------- */

/* Part of @text, characters @start to @end, with “…” where it was cut. */
static char *
excerpt (const gunichar *text,
         glong           length,
         glong           start,
         glong           end)
{
  g_autofree char *middle = g_ucs4_to_utf8 (text + start, end - start, NULL, NULL, NULL);
  g_autofree char *shown = tpt_field_abbreviate (middle, MAX_TEXT);

  /* Translators: a quoted part of a long text, as in “…the policy…”. */
  return g_strdup_printf (_("“%s%s%s”"), start > 0 ? "…" : "", shown, end < length ? "…" : "");
}

/* “old” → “new”; for long texts only the part around what changed. */
static char *
text_change (const char *old_text,
             const char *new_text)
{
  g_autofree gunichar *a = NULL;
  g_autofree gunichar *b = NULL;
  glong la, lb, prefix = 0, suffix = 0;
  g_autofree char *old_part = NULL;
  g_autofree char *new_part = NULL;

  a = g_utf8_to_ucs4_fast (old_text, -1, &la);
  b = g_utf8_to_ucs4_fast (new_text, -1, &lb);

  if (la > MAX_TEXT || lb > MAX_TEXT)
    {
      while (prefix < la && prefix < lb && a[prefix] == b[prefix])
        prefix++;
      while (suffix < la - prefix && suffix < lb - prefix &&
             a[la - 1 - suffix] == b[lb - 1 - suffix])
        suffix++;
    }

  old_part = excerpt (a, la, MAX (prefix - CONTEXT, 0), la - MAX (suffix - CONTEXT, 0));
  new_part = excerpt (b, lb, MAX (prefix - CONTEXT, 0), lb - MAX (suffix - CONTEXT, 0));
  return g_strdup_printf (_("%s → %s"), old_part, new_part);
}

static char *
value_words (const TptField     *field,
             GType               type,
             const char * const *items,
             TptDocument        *document)
{
  return tpt_field_describe_value (field, type, items, document, MAX_TEXT);
}

static gboolean
is_empty (const char * const *items)
{
  return items == NULL || items[0] == NULL;
}

static void
append_part (GString    *out,
             const char *part)
{
  if (out->len > 0)
    g_string_append (out, _("; "));
  g_string_append (out, part);
}

/* Items of @a that @b has not. */
static GPtrArray *
missing_from (const char * const *a,
              const char * const *b)
{
  GPtrArray *missing = g_ptr_array_new ();

  for (guint i = 0; a != NULL && a[i] != NULL; i++)
    if (b == NULL || !g_strv_contains (b, a[i]))
      g_ptr_array_add (missing, (gpointer)a[i]);
  return missing;
}

static void
list_change (GString            *out,
             const TptField     *field,
             const char * const *old_items,
             const char * const *new_items)
{
  g_autoptr(GPtrArray) added = missing_from (new_items, old_items);
  g_autoptr(GPtrArray) removed = missing_from (old_items, new_items);
  const char *label = _(field->label);

  for (guint i = 0; i < added->len; i++)
    {
      g_autofree char *quoted = tpt_field_abbreviate (g_ptr_array_index (added, i), MAX_TEXT);
      g_autofree char *part = NULL;

      /* Translators: e.g. goal added: “Sort it out at night”. */
      part = g_strdup_printf (_("%s added: “%s”"), label, quoted);
      append_part (out, part);
    }
  for (guint i = 0; i < removed->len; i++)
    {
      g_autofree char *quoted = tpt_field_abbreviate (g_ptr_array_index (removed, i), MAX_TEXT);
      g_autofree char *part = NULL;

      part = g_strdup_printf (_("%s removed: “%s”"), label, quoted);
      append_part (out, part);
    }
  if (added->len == 0 && removed->len == 0)
    {
      g_autofree char *part = g_strdup_printf (_("%s order changed"), label);

      append_part (out, part);
    }
}

static void
refs_change (GString            *out,
             const TptField     *field,
             const char * const *old_items,
             const char * const *new_items,
             TptDocument        *old_document,
             TptDocument        *new_document)
{
  g_autoptr(GPtrArray) added = missing_from (new_items, old_items);
  g_autoptr(GPtrArray) removed = missing_from (old_items, new_items);
  gboolean serves = strcmp (field->name, "serves") == 0;

  for (guint i = 0; i < added->len; i++)
    {
      g_autofree char *name = tpt_field_name_of (new_document, g_ptr_array_index (added, i));
      g_autofree char *part = NULL;

      /* Translators: a card now serves a need, e.g. now serves “Know my claim's status”. */
      part = g_strdup_printf (serves ? _("now serves %s") : _("now concerns %s"), name);
      append_part (out, part);
    }
  for (guint i = 0; i < removed->len; i++)
    {
      g_autofree char *name = tpt_field_name_of (old_document, g_ptr_array_index (removed, i));
      g_autofree char *part = NULL;

      part = g_strdup_printf (serves ? _("no longer serves %s") : _("no longer concerns %s"),
                              name);
      append_part (out, part);
    }
  if (added->len == 0 && removed->len == 0)
    append_part (out, serves ? _("needs reordered") : _("personas reordered"));
}

static void
facts_change (GString            *out,
              const char * const *old_items,
              const char * const *new_items)
{
  guint n_old = old_items != NULL ? g_strv_length ((char **)old_items) : 0;
  guint n_new = new_items != NULL ? g_strv_length ((char **)new_items) : 0;
  gboolean any = FALSE;

  for (guint i = 0; i + 1 < n_new; i += 2)
    {
      const char *old_value = NULL;
      g_autofree char *part = NULL;

      for (guint j = 0; j + 1 < n_old; j += 2)
        if (strcmp (old_items[j], new_items[i]) == 0)
          old_value = old_items[j + 1];

      if (old_value == NULL)
        {
          g_autofree char *value = tpt_field_abbreviate (new_items[i + 1], MAX_TEXT);

          /* Translators: a persona's fact, e.g. fact “Age” added: 42. */
          part = g_strdup_printf (_("fact “%s” added: %s"), new_items[i], value);
        }
      else if (strcmp (old_value, new_items[i + 1]) != 0)
        {
          g_autofree char *change = text_change (old_value, new_items[i + 1]);

          part = g_strdup_printf (_("fact “%s” changed: %s"), new_items[i], change);
        }
      if (part != NULL)
        {
          append_part (out, part);
          any = TRUE;
        }
    }

  for (guint j = 0; j + 1 < n_old; j += 2)
    {
      gboolean kept = FALSE;

      for (guint i = 0; i + 1 < n_new; i += 2)
        kept = kept || strcmp (old_items[j], new_items[i]) == 0;
      if (!kept)
        {
          g_autofree char *part = g_strdup_printf (_("fact “%s” removed"), old_items[j]);

          append_part (out, part);
          any = TRUE;
        }
    }

  if (!any)
    append_part (out, _("facts reordered"));
}

static char *
cell_change (const char * const *old_items,
             const char * const *new_items,
             TptDocument        *old_document,
             TptDocument        *new_document)
{
  if (g_strcmp0 (old_items[0], new_items[0]) == 0)
    {
      g_autofree char *from = tpt_field_name_of (old_document, old_items[1]);
      g_autofree char *to = tpt_field_name_of (new_document, new_items[1]);
      TptNode *old_step = tpt_document_lookup (old_document, old_items[1]);
      TptNode *new_step = tpt_document_lookup (new_document, new_items[1]);
      TptNode *old_stage = old_step != NULL ? tpt_node_get_parent (old_step) : NULL;
      TptNode *old_blueprint = old_stage != NULL ? tpt_node_get_parent (old_stage) : NULL;
      TptNode *new_stage = new_step != NULL ? tpt_node_get_parent (new_step) : NULL;
      TptNode *new_blueprint = new_stage != NULL ? tpt_node_get_parent (new_stage) : NULL;

      if (old_blueprint != NULL && new_blueprint != NULL)
        /* Translators: a card moved to another step of its lane: the old
         * step's column and title, then the new one's. */
        return g_strdup_printf (_("moved from step %d (%s) to step %d (%s)"),
                                tpt_blueprint_get_step_index (TPT_BLUEPRINT (old_blueprint),
                                                              old_items[1]) + 1, from,
                                tpt_blueprint_get_step_index (TPT_BLUEPRINT (new_blueprint),
                                                              new_items[1]) + 1, to);
      return g_strdup_printf (_("moved from %s to %s"), from, to);
    }

  if (g_strcmp0 (old_items[1], new_items[1]) == 0)
    {
      g_autofree char *from = tpt_field_name_of (old_document, old_items[0]);
      g_autofree char *to = tpt_field_name_of (new_document, new_items[0]);

      /* Translators: a card moved to another lane at its step. */
      return g_strdup_printf (_("moved from lane %s to lane %s"), from, to);
    }

  {
    g_autofree char *from_lane = tpt_field_name_of (old_document, old_items[0]);
    g_autofree char *from_step = tpt_field_name_of (old_document, old_items[1]);
    g_autofree char *to_lane = tpt_field_name_of (new_document, new_items[0]);
    g_autofree char *to_step = tpt_field_name_of (new_document, new_items[1]);

    /* Translators: a card moved to another cell: lane and step before, then after. */
    return g_strdup_printf (_("moved from %s, %s to %s, %s"), from_lane, from_step, to_lane,
                            to_step);
  }
}

/* The words for a change of one field, or NULL if it did not change. */
static char *
field_change (TptDiff            *self,
              const TptField     *field,
              GType               type,
              const char * const *old_items,
              const char * const *new_items)
{
  TptDocument *old_document = self->old_snapshot->document;
  TptDocument *new_document = self->new_snapshot->document;
  const char *label = _(field->label);
  g_autoptr(GString) out = NULL;

  if (tpt_field_items_equal (old_items, new_items))
    return NULL;

  switch (field->shape)
    {
    case TPT_FIELD_TEXT:
    case TPT_FIELD_DURATION:
    case TPT_FIELD_COLOR:
      if (is_empty (old_items))
        {
          g_autofree char *text = tpt_field_abbreviate (new_items[0], MAX_TEXT);

          /* Translators: e.g. owner set to “Call centre”. */
          return g_strdup_printf (_("%s set to “%s”"), label, text);
        }
      if (is_empty (new_items))
        {
          g_autofree char *text = tpt_field_abbreviate (old_items[0], MAX_TEXT);

          /* Translators: e.g. owner cleared (was “Call centre”). */
          return g_strdup_printf (_("%s cleared (was “%s”)"), label, text);
        }
      {
        g_autofree char *change = text_change (old_items[0], new_items[0]);

        /* Translators: e.g. text changed: “Calls” → “Calls the hotline”. */
        return g_strdup_printf (_("%s changed: %s"), label, change);
      }

    case TPT_FIELD_TEXTS:
      out = g_string_new (NULL);
      list_change (out, field, old_items, new_items);
      return g_strdup (out->str);

    case TPT_FIELD_REFS:
      out = g_string_new (NULL);
      refs_change (out, field, old_items, new_items, old_document, new_document);
      return g_strdup (out->str);

    case TPT_FIELD_FACTS:
      out = g_string_new (NULL);
      facts_change (out, old_items, new_items);
      return g_strdup (out->str);

    case TPT_FIELD_CELL:
      return cell_change (old_items, new_items, old_document, new_document);

    case TPT_FIELD_PHOTO:
      if (is_empty (old_items))
        return g_strdup (_("photo added"));
      if (is_empty (new_items))
        return g_strdup (_("photo removed"));
      return g_strdup (_("photo changed"));

    case TPT_FIELD_REGION:
      if (is_empty (new_items))
        return g_strdup (_("now shows all of its artefact"));
      if (is_empty (old_items))
        return g_strdup (_("now shows a region of its artefact"));
      return g_strdup (_("region changed"));

    case TPT_FIELD_SHOWS:
      {
        g_autofree char *words = value_words (field, type, new_items, new_document);

        /* Translators: what a slide shows, e.g. now shows a blueprint “Claims”. */
        return g_strdup_printf (_("now shows %s"), words);
      }

    case TPT_FIELD_ENUM:
    case TPT_FIELD_NUMBER:
    case TPT_FIELD_SCORE:
    case TPT_FIELD_REF:
    case TPT_FIELD_ENDS:
    default:
      {
        g_autofree char *from = value_words (field, type, old_items, old_document);
        g_autofree char *to = value_words (field, type, new_items, new_document);

        /* Translators: a field and its old and new value, e.g. kind action → fail point. */
        return g_strdup_printf (_("%s %s → %s"), label, from, to);
      }
    }
}

/* Comparing -------------------------------------------------------------------------- */

static void
compare_fields (TptDiff         *self,
                const Context   *context,
                TptSnapshotItem *old_item,
                TptSnapshotItem *new_item)
{
  const TptField *fields;
  guint n_fields;

  fields = tpt_field_list (new_item->type, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const char * const *old_items = (const char * const *)old_item->values[i];
      const char * const *new_items = (const char * const *)new_item->values[i];
      char *text = field_change (self, &fields[i], new_item->type, old_items, new_items);
      TptDiffItem *item;

      if (text == NULL)
        continue;

      item = add_item (self, context, TPT_DIFF_CHANGED, new_item, text);
      item->field = fields[i].name;
      item->old_value = g_strdupv ((char **)old_items);
      item->new_value = g_strdupv ((char **)new_items);
    }
}

static int
place_in_cell (TptCard *card)
{
  TptBlueprint *blueprint = TPT_BLUEPRINT (tpt_node_get_parent (TPT_NODE (card)));
  g_autoptr(GPtrArray) cell = tpt_blueprint_list_cards_in (blueprint, tpt_card_get_lane (card),
                                                           tpt_card_get_step (card));
  guint index = 0;

  g_ptr_array_find (cell, card, &index);
  return (int)index + 1;
}

static int
column_of (TptNode *step)
{
  TptNode *blueprint = tpt_node_get_parent (tpt_node_get_parent (step));

  return tpt_blueprint_get_step_index (TPT_BLUEPRINT (blueprint), tpt_node_get_id (step)) + 1;
}

static void
compare_place (TptDiff         *self,
               const Context   *context,
               TptSnapshotItem *old_item,
               TptSnapshotItem *new_item,
               GHashTable      *moved)
{
  TptDiffItem *item;
  char *text;
  int from, to;

  if (new_item->type == TPT_TYPE_RATING || new_item->type == TPT_TYPE_FLOW ||
      new_item->type == TPT_TYPE_EMOTION)
    return;

  if (new_item->type == TPT_TYPE_STEP && g_strcmp0 (old_item->parent, new_item->parent) != 0)
    {
      g_autofree char *stage = tpt_field_name_of (self->new_snapshot->document, new_item->parent);

      from = column_of (old_item->node);
      to = column_of (new_item->node);
      /* Translators: a step moved to another stage, and so another column. */
      text = g_strdup_printf (_("moved to stage “%s”, from column %d to %d"), stage, from, to);
    }
  else if (!g_hash_table_contains (moved, new_item->key))
    return;
  else if (new_item->type == TPT_TYPE_CARD)
    {
      /* A card that changed cell has said so. */
      guint cell = tpt_field_index (TPT_TYPE_CARD, "cell");

      if (!tpt_field_items_equal ((const char * const *)old_item->values[cell],
                                  (const char * const *)new_item->values[cell]))
        return;
      from = place_in_cell (TPT_CARD (old_item->node));
      to = place_in_cell (TPT_CARD (new_item->node));
      if (from == to)
        return;
      /* Translators: a card changed place among the cards of its cell. */
      text = g_strdup_printf (_("moved within its cell from place %d to %d"), from, to);
    }
  else if (new_item->type == TPT_TYPE_STEP)
    {
      from = column_of (old_item->node);
      to = column_of (new_item->node);
      if (from == to)
        return;
      text = g_strdup_printf (_("moved from column %d to %d"), from, to);
    }
  else
    {
      from = (int)old_item->index + 1;
      to = (int)new_item->index + 1;
      if (from == to)
        return;
      /* Translators: a node changed place in its list, e.g. a lane from row 2 to 4. */
      text = g_strdup_printf (_("moved from place %d to %d"), from, to);
    }

  item = add_item (self, context, TPT_DIFF_MOVED, new_item, text);
  item->from = from;
  item->to = to;
}

/* Whether a removed node went because something it needs went. */
typedef gboolean (*GoneWithFunc) (TptDiff         *self,
                                  TptSnapshotItem *old_item);

static gboolean
gone (TptDiff    *self,
      const char *key)
{
  return key != NULL && tpt_snapshot_lookup (self->new_snapshot, key) == NULL;
}

static gboolean
gone_with_something (TptDiff         *self,
                     TptSnapshotItem *old_item)
{
  if (old_item->part1 != NULL)
    return gone (self, old_item->part1) || gone (self, old_item->part2);
  if (old_item->type == TPT_TYPE_CARD || old_item->type == TPT_TYPE_FLOW)
    {
      GStrv ends = old_item->values[tpt_field_index (old_item->type, old_item->type == TPT_TYPE_CARD
                                                                       ? "cell" : "ends")];

      return gone (self, ends[0]) || gone (self, ends[1]);
    }
  if (old_item->type == TPT_TYPE_STEP)
    return gone (self, old_item->parent);
  return FALSE;
}

static guint
count_gone_with (TptDiff         *self,
                 TptSnapshotItem *old_item,
                 GType            type)
{
  guint count = 0;
  guint cell = tpt_field_index (TPT_TYPE_CARD, "cell");

  for (guint i = 0; i < self->old_snapshot->items->len; i++)
    {
      TptSnapshotItem *other = g_ptr_array_index (self->old_snapshot->items, i);

      if (other->type != type || !gone (self, other->key))
        continue;
      if (type == TPT_TYPE_CARD &&
          (g_strcmp0 (other->values[cell][0], old_item->key) == 0 ||
           g_strcmp0 (other->values[cell][1], old_item->key) == 0))
        count++;
      else if (type == TPT_TYPE_STEP && g_strcmp0 (other->parent, old_item->key) == 0)
        count++;
    }
  return count;
}

static char *
removal_text (TptDiff         *self,
              TptSnapshotItem *old_item)
{
  guint cards = 0, steps = 0;

  if (old_item->type == TPT_TYPE_LANE || old_item->type == TPT_TYPE_STEP)
    cards = count_gone_with (self, old_item, TPT_TYPE_CARD);
  if (old_item->type == TPT_TYPE_STAGE)
    steps = count_gone_with (self, old_item, TPT_TYPE_STEP);

  if (cards > 0)
    /* Translators: a lane or step removed with the cards in it. */
    return g_strdup_printf (ngettext ("removed, with %u card", "removed, with %u cards", cards),
                            cards);
  if (steps > 0)
    return g_strdup_printf (ngettext ("removed, with %u step", "removed, with %u steps", steps),
                            steps);
  return g_strdup (_("removed"));
}

static void
compare_list (TptDiff      *self,
              const Context *context,
              const char   *list,
              GoneWithFunc  gone_with)
{
  GPtrArray *old_list = tpt_snapshot_get_list (self->old_snapshot, list);
  GPtrArray *new_list = tpt_snapshot_get_list (self->new_snapshot, list);
  g_autoptr(GHashTable) moved = tpt_snapshot_moved (old_list, new_list);

  for (guint i = 0; new_list != NULL && i < new_list->len; i++)
    {
      TptSnapshotItem *new_item = g_ptr_array_index (new_list, i);
      TptSnapshotItem *old_item = tpt_snapshot_lookup (self->old_snapshot, new_item->key);

      if (old_item == NULL || old_item->type != new_item->type)
        {
          add_item (self, context, TPT_DIFF_ADDED, new_item, g_strdup (_("added")));
          continue;
        }
      compare_fields (self, context, old_item, new_item);
      compare_place (self, context, old_item, new_item, moved);
    }

  for (guint i = 0; old_list != NULL && i < old_list->len; i++)
    {
      TptSnapshotItem *old_item = g_ptr_array_index (old_list, i);
      TptSnapshotItem *new_item = tpt_snapshot_lookup (self->new_snapshot, old_item->key);

      if (new_item != NULL && new_item->type == old_item->type)
        continue;
      if (gone_with != NULL && gone_with (self, old_item))
        continue;
      add_item (self, context, TPT_DIFF_REMOVED, old_item, removal_text (self, old_item));
    }
}

static char *
blueprint_summary (TptBlueprint *blueprint)
{
  g_autoptr(GPtrArray) steps = tpt_blueprint_list_steps (blueprint);
  guint lanes = g_list_model_get_n_items (tpt_blueprint_get_lanes (blueprint));
  guint cards = g_list_model_get_n_items (tpt_blueprint_get_cards (blueprint));
  g_autofree char *lanes_text = g_strdup_printf (ngettext ("%u lane", "%u lanes", lanes), lanes);
  g_autofree char *steps_text = g_strdup_printf (ngettext ("%u step", "%u steps", steps->len),
                                                 steps->len);
  g_autofree char *cards_text = g_strdup_printf (ngettext ("%u card", "%u cards", cards), cards);

  /* Translators: a blueprint's size, e.g. 5 lanes, 8 steps, 31 cards. */
  return g_strdup_printf (_("%s, %s, %s"), lanes_text, steps_text, cards_text);
}

static void
compare_blueprint (TptDiff         *self,
                   TptSnapshotItem *old_item,
                   TptSnapshotItem *new_item)
{
  TptSnapshotItem *item = new_item != NULL ? new_item : old_item;
  Context context = { "blueprint", item->key, NULL };
  g_autofree char *title = g_strdup (tpt_blueprint_get_title (TPT_BLUEPRINT (item->node)));
  g_autofree char *summary = blueprint_summary (TPT_BLUEPRINT (item->node));
  GListModel *stages;

  context.title = title;

  if (old_item == NULL)
    {
      /* Translators: a blueprint added, with its size. */
      add_item (self, &context, TPT_DIFF_ADDED, new_item,
                g_strdup_printf (_("added (%s)"), summary));
      return;
    }
  if (new_item == NULL)
    {
      add_item (self, &context, TPT_DIFF_REMOVED, old_item,
                g_strdup_printf (_("removed (%s)"), summary));
      return;
    }

  compare_fields (self, &context, old_item, new_item);

  for (guint store = 0; store < 5; store++)
    {
      g_autofree char *list = tpt_snapshot_list_name (new_item->key, store);

      compare_list (self, &context, list, gone_with_something);

      /* Each stage's steps come right after the stages. */
      if (store != 1)
        continue;
      stages = tpt_blueprint_get_stages (TPT_BLUEPRINT (new_item->node));
      for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
        {
          g_autoptr(TptNode) stage = g_list_model_get_item (stages, i);
          g_autofree char *steps = tpt_snapshot_list_name (tpt_node_get_id (stage), 0);

          compare_list (self, &context, steps, gone_with_something);
        }
      /* The steps of stages that are gone went with them. */
    }
}

static void
compare_conflicts (TptDiff *self)
{
  static const Context context = { "conflicts", NULL, NULL };
  GListModel *lists[2] = {
    tpt_document_get_conflicts (self->old_snapshot->document),
    tpt_document_get_conflicts (self->new_snapshot->document),
  };
  GHashTable *keys[2] = { NULL, NULL };

  for (guint side = 0; side < 2; side++)
    {
      keys[side] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < g_list_model_get_n_items (lists[side]); i++)
        {
          g_autoptr(TptConflict) conflict = g_list_model_get_item (lists[side], i);

          g_hash_table_add (keys[side], g_strdup_printf ("%s %s %s",
                                                         tpt_conflict_get_target (conflict),
                                                         tpt_conflict_get_partner (conflict),
                                                         tpt_conflict_get_field (conflict)));
        }
    }

  for (guint side = 0; side < 2; side++)
    for (guint i = 0; i < g_list_model_get_n_items (lists[side]); i++)
      {
        g_autoptr(TptConflict) conflict = g_list_model_get_item (lists[side], i);
        g_autofree char *key = g_strdup_printf ("%s %s %s", tpt_conflict_get_target (conflict),
                                                tpt_conflict_get_partner (conflict),
                                                tpt_conflict_get_field (conflict));
        g_autofree char *words = NULL;
        TptDiffItem *item;

        if (g_hash_table_contains (keys[1 - side], key))
          continue;

        words = tpt_conflict_describe (conflict);
        item = g_new0 (TptDiffItem, 1);
        item->action = side == 0 ? TPT_DIFF_REMOVED : TPT_DIFF_ADDED;
        item->artefact = context.artefact;
        item->kind = "conflict";
        item->key = g_steal_pointer (&key);
        item->label = g_strdup ("");
        item->field = NULL;
        /* Translators: a merge conflict that the second document no longer
         * has, or that it has newly; %s describes it. */
        item->text = g_strdup_printf (side == 0 ? _("resolved: %s") : _("recorded: %s"), words);
        g_ptr_array_add (self->items, item);
      }

  g_hash_table_unref (keys[0]);
  g_hash_table_unref (keys[1]);
}

static gboolean
rating_gone_with (TptDiff         *self,
                  TptSnapshotItem *old_item)
{
  return gone (self, old_item->part1) || gone (self, old_item->part2);
}

/**
 * tpt_diff_new:
 * @old_document: a document
 * @new_document: another version of it
 *
 * Compares two documents (neither changes; both are kept alive by the
 * diff, which names nodes by looking them up).
 *
 * Returns: (transfer full): what changed from @old_document to @new_document
 */
TptDiff *
tpt_diff_new (TptDocument *old_document,
              TptDocument *new_document)
{
  TptDiff *self;
  TptSnapshotItem *old_meta, *new_meta;
  static const Context document_context = { "document", NULL, NULL };
  static const Context personas_context = { "personas", NULL, NULL };
  static const Context needs_context = { "needs", NULL, NULL };
  static const Context matrix_context = { "matrix", NULL, NULL };
  static const Context slides_context = { "slides", NULL, NULL };
  GPtrArray *old_blueprints, *new_blueprints;

  g_return_val_if_fail (TPT_IS_DOCUMENT (old_document), NULL);
  g_return_val_if_fail (TPT_IS_DOCUMENT (new_document), NULL);

  self = g_object_new (TPT_TYPE_DIFF, NULL);
  self->old_snapshot = tpt_snapshot_new (old_document, NULL);
  self->new_snapshot = tpt_snapshot_new (new_document, NULL);

  old_meta = tpt_snapshot_lookup (self->old_snapshot, "");
  new_meta = tpt_snapshot_lookup (self->new_snapshot, "");
  compare_fields (self, &document_context, old_meta, new_meta);

  compare_list (self, &personas_context, "/0", NULL);
  compare_list (self, &needs_context, "/1", NULL);
  compare_list (self, &matrix_context, "/2", rating_gone_with);

  new_blueprints = tpt_snapshot_get_list (self->new_snapshot, "/3");
  old_blueprints = tpt_snapshot_get_list (self->old_snapshot, "/3");
  for (guint i = 0; new_blueprints != NULL && i < new_blueprints->len; i++)
    {
      TptSnapshotItem *new_item = g_ptr_array_index (new_blueprints, i);
      TptSnapshotItem *old_item = tpt_snapshot_lookup (self->old_snapshot, new_item->key);

      if (old_item != NULL && old_item->type != new_item->type)
        old_item = NULL;
      compare_blueprint (self, old_item, new_item);
    }
  for (guint i = 0; old_blueprints != NULL && i < old_blueprints->len; i++)
    {
      TptSnapshotItem *old_item = g_ptr_array_index (old_blueprints, i);
      TptSnapshotItem *new_item = tpt_snapshot_lookup (self->new_snapshot, old_item->key);

      if (new_item == NULL || new_item->type != old_item->type)
        compare_blueprint (self, old_item, NULL);
    }
  {
    /* The order of the blueprints themselves. */
    g_autoptr(GHashTable) moved = tpt_snapshot_moved (old_blueprints, new_blueprints);

    for (guint i = 0; new_blueprints != NULL && i < new_blueprints->len; i++)
      {
        TptSnapshotItem *new_item = g_ptr_array_index (new_blueprints, i);
        TptSnapshotItem *old_item = tpt_snapshot_lookup (self->old_snapshot, new_item->key);
        Context context = { "blueprint", new_item->key,
                            tpt_blueprint_get_title (TPT_BLUEPRINT (new_item->node)) };

        if (old_item != NULL && old_item->type == new_item->type)
          compare_place (self, &context, old_item, new_item, moved);
      }
  }

  compare_list (self, &slides_context, "/4", NULL);
  compare_conflicts (self);

  return self;
}

guint
tpt_diff_get_n_items (TptDiff *self)
{
  g_return_val_if_fail (TPT_IS_DIFF (self), 0);

  return self->items->len;
}

/**
 * tpt_diff_get_item:
 * @self: a #TptDiff
 * @index: which
 *
 * Returns: (transfer none): the change, in the order the text lists them
 */
const TptDiffItem *
tpt_diff_get_item (TptDiff *self,
                   guint    index)
{
  g_return_val_if_fail (TPT_IS_DIFF (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);

  return g_ptr_array_index (self->items, index);
}

gboolean
tpt_diff_is_empty (TptDiff *self)
{
  g_return_val_if_fail (TPT_IS_DIFF (self), TRUE);

  return self->items->len == 0;
}

/**
 * tpt_diff_lookup:
 * @self: a #TptDiff
 * @key: a node's key (#TptDiffItem), e.g. a card's id
 * @action: (out) (optional): what happened to it: added or removed if so,
 *   else its first change
 *
 * What happened to one node, in constant time, for a canvas that colours
 * what changed.
 *
 * Returns: whether anything happened to the node
 */
gboolean
tpt_diff_lookup (TptDiff       *self,
                 const char    *key,
                 TptDiffAction *action)
{
  gpointer value;

  g_return_val_if_fail (TPT_IS_DIFF (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (self->actions == NULL)
    {
      self->actions = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->items->len; i++)
        {
          const TptDiffItem *item = g_ptr_array_index (self->items, i);
          gboolean whole = item->action == TPT_DIFF_ADDED || item->action == TPT_DIFF_REMOVED;

          /* Stored plus one, so that added (0) is told from absent. */
          if (whole || !g_hash_table_contains (self->actions, item->key))
            g_hash_table_insert (self->actions, item->key, GINT_TO_POINTER (item->action + 1));
        }
    }

  if (!g_hash_table_lookup_extended (self->actions, key, NULL, &value))
    return FALSE;
  if (action != NULL)
    *action = (TptDiffAction)(GPOINTER_TO_INT (value) - 1);
  return TRUE;
}

/* Text ---------------------------------------------------------------------------------- */

static char *
heading (const TptDiffItem *item)
{
  if (strcmp (item->artefact, "blueprint") == 0)
    {
      g_autofree char *title = tpt_field_abbreviate (item->artefact_title, 60);

      /* Translators: the heading of the changes to one blueprint. */
      return g_strdup_printf (_("Blueprint “%s”:"), title);
    }
  if (strcmp (item->artefact, "document") == 0)
    return g_strdup (_("Document:"));
  if (strcmp (item->artefact, "personas") == 0)
    return g_strdup (_("Personas:"));
  if (strcmp (item->artefact, "needs") == 0)
    return g_strdup (_("Needs:"));
  if (strcmp (item->artefact, "matrix") == 0)
    return g_strdup (_("Needs matrix:"));
  if (strcmp (item->artefact, "slides") == 0)
    return g_strdup (_("Slides:"));
  return g_strdup (_("Merge conflicts:"));
}

static gboolean
same_artefact (const TptDiffItem *a,
               const TptDiffItem *b)
{
  return strcmp (a->artefact, b->artefact) == 0 && g_strcmp0 (a->artefact_id, b->artefact_id) == 0;
}

static void
diff_line_free (gpointer data)
{
  TptDiffLine *line = data;

  g_free (line->text);
  g_free (line);
}

static TptDiffLine *
diff_line_new (gboolean           heading,
               const TptDiffItem *item,
               char              *text)
{
  TptDiffLine *line = g_new0 (TptDiffLine, 1);

  line->heading = heading;
  line->action = item->action;
  line->artefact = item->artefact;
  line->artefact_id = item->artefact_id;
  line->key = heading ? NULL : item->key;
  line->text = text;
  return line;
}

/**
 * tpt_diff_list_lines:
 * @self: a #TptDiff
 *
 * The changes as lines a designer reads: a heading per artefact ("Needs
 * matrix:"), then a line per node saying everything that happened to it,
 * e.g. card “Agent cannot find the policy” (Call centre, Reports the
 * accident): text changed: “…” → “…”; kind action → fail point. What
 * tpt_diff_to_text() prints, and a "Changes since …" page draws.
 *
 * Returns: (transfer container) (element-type TptDiffLine): the lines,
 *   none when nothing changed
 */
GPtrArray *
tpt_diff_list_lines (TptDiff *self)
{
  GPtrArray *lines;
  const TptDiffItem *previous = NULL;
  const TptDiffItem *first = NULL;    /* of the node's line */
  GString *text = NULL;

  g_return_val_if_fail (TPT_IS_DIFF (self), NULL);

  lines = g_ptr_array_new_with_free_func (diff_line_free);
  for (guint i = 0; i < self->items->len; i++)
    {
      const TptDiffItem *item = g_ptr_array_index (self->items, i);

      if (previous != NULL && same_artefact (previous, item) &&
          strcmp (previous->key, item->key) == 0 && strcmp (item->kind, "conflict") != 0)
        {
          g_string_append (text, _("; "));
          g_string_append (text, item->text);
          previous = item;
          continue;
        }

      if (text != NULL)
        g_ptr_array_add (lines, diff_line_new (FALSE, first, g_string_free (text, FALSE)));
      if (previous == NULL || !same_artefact (previous, item))
        g_ptr_array_add (lines, diff_line_new (TRUE, item, heading (item)));

      text = g_string_new (NULL);
      if (item->label[0] != '\0')
        {
          g_string_append (text, item->label);
          g_string_append (text, _(": "));
        }
      g_string_append (text, item->text);
      previous = first = item;
    }
  if (text != NULL)
    g_ptr_array_add (lines, diff_line_new (FALSE, first, g_string_free (text, FALSE)));

  return lines;
}

/**
 * tpt_diff_to_text:
 * @self: a #TptDiff
 *
 * The lines of tpt_diff_list_lines(), a node's indented by two spaces:
 *
 *     Blueprint “Claims — current state”:
 *       card “Agent cannot find the policy” (Call centre, Reports the
 *       accident): text changed: “…” → “…”; kind action → fail point
 *
 * Returns: (transfer full): the text, "" when nothing changed
 */
char *
tpt_diff_to_text (TptDiff *self)
{
  g_autoptr(GPtrArray) lines = NULL;
  GString *out;

  g_return_val_if_fail (TPT_IS_DIFF (self), NULL);

  lines = tpt_diff_list_lines (self);
  out = g_string_new (NULL);
  for (guint i = 0; i < lines->len; i++)
    {
      const TptDiffLine *line = g_ptr_array_index (lines, i);

      if (!line->heading)
        g_string_append (out, "  ");
      g_string_append (out, line->text);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

/* JSON ------------------------------------------------------------------------------------ */

static void
json_string (GString    *out,
             const char *str)
{
  if (str == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = str; *p != '\0'; p++)
    {
      guchar c = (guchar)*p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char)c);
        }
    }
  g_string_append_c (out, '"');
}

static void
json_items (GString            *out,
            const char * const *items)
{
  g_string_append_c (out, '[');
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      json_string (out, items[i]);
    }
  g_string_append_c (out, ']');
}

/**
 * tpt_diff_to_json:
 * @self: a #TptDiff
 *
 * The changes for tools: an object with "equal" and "changes", a list of
 * objects with "change" (added, removed, changed, moved), "artefact"
 * ({"kind", "id", "title"}), "kind", "id", "label", "text", and for a
 * change "field", "old" and "new" (lists of field items, tpt-field.h), for
 * a move "from" and "to".
 *
 * Returns: (transfer full): the JSON text, ending in a line feed
 */
char *
tpt_diff_to_json (TptDiff *self)
{
  static const char * const actions[] = { "added", "removed", "changed", "moved" };
  GString *out;

  g_return_val_if_fail (TPT_IS_DIFF (self), NULL);

  out = g_string_new ("{\n");
  g_string_append_printf (out, "  \"equal\": %s,\n  \"changes\": [",
                          self->items->len == 0 ? "true" : "false");

  for (guint i = 0; i < self->items->len; i++)
    {
      const TptDiffItem *item = g_ptr_array_index (self->items, i);

      g_string_append (out, i > 0 ? ",\n    {" : "\n    {");
      g_string_append_printf (out, "\"change\": \"%s\", \"artefact\": {\"kind\": ",
                              actions[item->action]);
      json_string (out, item->artefact);
      g_string_append (out, ", \"id\": ");
      json_string (out, item->artefact_id);
      g_string_append (out, ", \"title\": ");
      json_string (out, item->artefact_title);
      g_string_append (out, "}, \"kind\": ");
      json_string (out, item->kind);
      g_string_append (out, ", \"id\": ");
      json_string (out, item->key);
      g_string_append (out, ", \"label\": ");
      json_string (out, item->label);
      if (item->action == TPT_DIFF_CHANGED)
        {
          g_string_append (out, ", \"field\": ");
          json_string (out, item->field);
          g_string_append (out, ", \"old\": ");
          json_items (out, (const char * const *)item->old_value);
          g_string_append (out, ", \"new\": ");
          json_items (out, (const char * const *)item->new_value);
        }
      else if (item->action == TPT_DIFF_MOVED)
        g_string_append_printf (out, ", \"from\": %d, \"to\": %d", item->from, item->to);
      g_string_append (out, ", \"text\": ");
      json_string (out, item->text);
      g_string_append_c (out, '}');
    }

  g_string_append (out, self->items->len > 0 ? "\n  ]\n}\n" : "]\n}\n");
  return g_string_free (out, FALSE);
}

/* Outline ------------------------------------------------------------------------------- */

/* What an outline line is about; its title, text or name follows among
 * its fields. */
static char *
outline_label (TptSnapshotItem *item,
               TptDocument     *document)
{
  if (TPT_IS_PERSONA (item->node))
    return g_strdup (_("persona"));
  if (TPT_IS_NEED (item->node))
    return g_strdup (_("need"));
  if (TPT_IS_BLUEPRINT (item->node))
    return g_strdup (_("blueprint"));
  if (TPT_IS_LANE (item->node))
    return g_strdup (_("lane"));
  if (TPT_IS_STAGE (item->node))
    return g_strdup (_("stage"));
  if (TPT_IS_STEP (item->node))
    return g_strdup (_("step"));
  if (TPT_IS_CARD (item->node))
    {
      guint cell = tpt_field_index (TPT_TYPE_CARD, "cell");
      g_autofree char *where = tpt_field_describe_value (
        tpt_field_find (TPT_TYPE_CARD, "cell"), TPT_TYPE_CARD,
        (const char * const *)item->values[cell], document, 0);

      /* Translators: a card in the outline, by its cell: card in Customer, Reports. */
      return g_strdup_printf (_("card in %s"), where);
    }
  return tpt_field_describe_node (item->node);
}

static void
outline_node (GString         *out,
              const char      *prefix,
              TptSnapshotItem *item,
              TptDocument     *document)
{
  const TptField *fields;
  guint n_fields;
  gboolean first = TRUE;

  g_string_append (out, prefix);
  if (!TPT_IS_DOCUMENT (item->node))
    {
      g_autofree char *label = outline_label (item, document);

      if (prefix[0] != '\0')
        g_string_append (out, _(": "));
      g_string_append (out, label);
    }

  fields = tpt_field_list (item->type, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const char * const *items = (const char * const *)item->values[i];
      g_autofree char *words = NULL;

      /* Where a card is and which cards a flow joins is in its label; a
       * card spans one step unless it says otherwise, as in the file, and
       * a choice left unmade (a card's direction, a lane's office) is
       * left out as the file leaves it out. */
      if (is_empty (items) || fields[i].shape == TPT_FIELD_CELL ||
          fields[i].shape == TPT_FIELD_ENDS ||
          (fields[i].shape == TPT_FIELD_ENUM && strcmp (items[0], "none") == 0) ||
          (TPT_IS_CARD (item->node) && strcmp (fields[i].name, "span") == 0 &&
           strcmp (items[0], "1") == 0))
        continue;

      words = tpt_field_describe_value (&fields[i], item->type, items, document, 0);
      g_string_append (out, first ? _(": ") : _("; "));
      /* Translators: a field and its value in the outline git diffs, e.g. kind fail point. */
      g_string_append_printf (out, _("%s %s"), _(fields[i].label), words);
      first = FALSE;
    }
  g_string_append_c (out, '\n');
}

/**
 * tpt_diff_outline:
 * @document: a document
 *
 * The document as lines of text, a node per line with every field that
 * has a value, each line saying where it is: what `git log -p` compares
 * when Touchpoint is the text conversion of *.touchpoint files, so that a
 * line diff of two outlines reads as what changed.
 *
 * Returns: (transfer full): the outline
 */
char *
tpt_diff_outline (TptDocument *document)
{
  g_autoptr(TptSnapshot) snapshot = NULL;
  GString *out;
  GListModel *conflicts;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  snapshot = tpt_snapshot_new (document, NULL);
  out = g_string_new (NULL);

  for (guint i = 0; i < snapshot->items->len; i++)
    {
      TptSnapshotItem *item = g_ptr_array_index (snapshot->items, i);
      g_autofree char *prefix = NULL;

      if (TPT_IS_DOCUMENT (item->node))
        prefix = g_strdup (_("Document"));
      else if (item->blueprint != NULL && !TPT_IS_BLUEPRINT (item->node))
        {
          TptBlueprint *blueprint = tpt_document_lookup_typed (document, item->blueprint,
                                                               TPT_TYPE_BLUEPRINT);
          g_autofree char *title = tpt_field_abbreviate (tpt_blueprint_get_title (blueprint), 40);

          prefix = g_strdup_printf (_("Blueprint “%s”"), title);
        }
      else
        prefix = g_strdup ("");

      outline_node (out, prefix, item, document);
    }

  conflicts = tpt_document_get_conflicts (document);
  for (guint i = 0; i < g_list_model_get_n_items (conflicts); i++)
    {
      g_autoptr(TptConflict) conflict = g_list_model_get_item (conflicts, i);
      g_autofree char *words = tpt_conflict_describe (conflict);

      /* Translators: a merge conflict in the outline; %s describes it. */
      g_string_append_printf (out, _("Unresolved conflict: %s\n"), words);
    }

  return g_string_free (out, FALSE);
}
