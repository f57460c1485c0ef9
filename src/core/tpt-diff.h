/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

#define TPT_TYPE_DIFF (tpt_diff_get_type ())

G_DECLARE_FINAL_TYPE (TptDiff, tpt_diff, TPT, DIFF, GObject)

/**
 * TptDiffAction:
 * @TPT_DIFF_ADDED: the new document has a node the old one had not
 * @TPT_DIFF_REMOVED: the old document had a node the new one has not
 * @TPT_DIFF_CHANGED: a field of a node changed
 * @TPT_DIFF_MOVED: a node changed place in its list
 */
typedef enum
{
  TPT_DIFF_ADDED,
  TPT_DIFF_REMOVED,
  TPT_DIFF_CHANGED,
  TPT_DIFF_MOVED,
} TptDiffAction;

/**
 * TptDiffItem:
 * @action: what happened
 * @artefact: where, as a word: "document" (the metadata), "personas",
 *   "needs", "matrix", "blueprint", "slides" or "conflicts"
 * @artefact_id: (nullable): the blueprint's id, for @artefact "blueprint"
 * @artefact_title: (nullable): the blueprint's title
 * @kind: the node's kind as the file names it: "card", "lane"…
 * @key: the node's key: its id; a rating's persona and need ids, an emotion
 *   point's lane and step ids, with a space between; "" for the document
 * @label: the node in a designer's words, e.g. card “Calls the hotline”
 *   (Customer, Reports the accident)
 * @field: (nullable): for a change, the field (tpt-field.h)
 * @old_value: (nullable): for a change, the old value as field items
 * @new_value: (nullable): for a change, the new value
 * @from: for a move, the old place, counted from 1: a step's column, a
 *   card's place in its cell, another node's place in its list
 * @to: for a move, the new place
 * @text: what happened in a designer's words, e.g. kind action → fail
 *   point
 *
 * One change between two documents.
 */
typedef struct
{
  TptDiffAction  action;
  const char    *artefact;
  char          *artefact_id;
  char          *artefact_title;
  const char    *kind;
  char          *key;
  char          *label;
  const char    *field;
  GStrv          old_value;
  GStrv          new_value;
  int            from;
  int            to;
  char          *text;
} TptDiffItem;

/**
 * TptDiffLine:
 * @heading: whether the line heads an artefact's changes
 * @action: for a node's line, its first change; for a heading, that of the
 *   first change under it
 * @artefact: the artefact, as #TptDiffItem has it
 * @artefact_id: (nullable): the blueprint's id, for @artefact "blueprint"
 * @key: (nullable): for a node's line, the node's key (#TptDiffItem)
 * @text: the line, without indentation
 *
 * A line of tpt_diff_list_lines(); @artefact, @artefact_id and @key belong
 * to the #TptDiff, and live as long as it does.
 */
typedef struct
{
  gboolean       heading;
  TptDiffAction  action;
  const char    *artefact;
  const char    *artefact_id;
  const char    *key;
  char          *text;
} TptDiffLine;

TptDiff           *tpt_diff_new          (TptDocument *old_document,
                                          TptDocument *new_document);
guint              tpt_diff_get_n_items  (TptDiff     *self);
const TptDiffItem *tpt_diff_get_item     (TptDiff     *self,
                                          guint        index);
gboolean           tpt_diff_is_empty     (TptDiff     *self);
gboolean           tpt_diff_lookup       (TptDiff       *self,
                                          const char    *key,
                                          TptDiffAction *action);
GPtrArray         *tpt_diff_list_lines   (TptDiff     *self);
char              *tpt_diff_to_text      (TptDiff     *self);
char              *tpt_diff_to_json      (TptDiff     *self);

char              *tpt_diff_outline      (TptDocument *document);

G_END_DECLS
