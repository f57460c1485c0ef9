/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "tpt-document.h"

G_BEGIN_DECLS

/* The fields of each kind of node as comparing and merging documents see
 * them: what a designer edits as one thing. Most are one property of the
 * node; a few are several taken together (a card's cell is its lane and its
 * step, a persona's photo is its bytes and their type, a slide's region its
 * four numbers) or a list of child nodes (a persona's facts).
 *
 * A field's value is a list of strings, its "items", in the words of the
 * file format: free text as it is, an enum by its nick, a number in decimal,
 * ids as ids, a photo as its type and base64. Empty text, an unset score, no
 * reference, no photo and no region are no items at all, so two values are
 * equal exactly when their items are. Conflict records keep values in this
 * form (data/touchpoint.rng, <conflict>). */

/**
 * TptFieldShape:
 * @TPT_FIELD_TEXT: free text; one item, none when empty
 * @TPT_FIELD_TEXTS: a list of free texts, an item each
 * @TPT_FIELD_ENUM: one enum nick
 * @TPT_FIELD_NUMBER: one whole number
 * @TPT_FIELD_SCORE: a needs-matrix score; one number, none when unset
 * @TPT_FIELD_DURATION: an ISO 8601 duration; none when there is none
 * @TPT_FIELD_COLOR: a colour, #rrggbb
 * @TPT_FIELD_REF: the id of another node; none when empty
 * @TPT_FIELD_REFS: ids of other nodes
 * @TPT_FIELD_CELL: a card's lane and step
 * @TPT_FIELD_ENDS: a flow's cards, from and to
 * @TPT_FIELD_SHOWS: a slide's artefact, and its target if it takes one
 * @TPT_FIELD_REGION: a slide's x, y, width and height; none for all of it
 * @TPT_FIELD_PHOTO: a persona's photo: its type and base64; none without
 * @TPT_FIELD_FACTS: a persona's facts: label, value, label, value…
 */
typedef enum
{
  TPT_FIELD_TEXT,
  TPT_FIELD_TEXTS,
  TPT_FIELD_ENUM,
  TPT_FIELD_NUMBER,
  TPT_FIELD_SCORE,
  TPT_FIELD_DURATION,
  TPT_FIELD_COLOR,
  TPT_FIELD_REF,
  TPT_FIELD_REFS,
  TPT_FIELD_CELL,
  TPT_FIELD_ENDS,
  TPT_FIELD_SHOWS,
  TPT_FIELD_REGION,
  TPT_FIELD_PHOTO,
  TPT_FIELD_FACTS,
} TptFieldShape;

typedef struct
{
  const char    *name;            /* in conflicts and JSON: "text", "cell"… */
  const char    *label;           /* for sentences, marked for gettext but kept untranslated */
  TptFieldShape  shape;
  const char    *property;        /* the node's property, for one-property shapes */
  GType        (*ref_type) (void);  /* REF and REFS: the kind referred to */
} TptField;

typedef void (*TptFieldRefFunc) (const char *id,
                                 GType       type,
                                 gpointer    user_data);

const TptField *tpt_field_list           (GType               type,
                                          guint              *n_fields);
const TptField *tpt_field_find           (GType               type,
                                          const char         *name);
guint           tpt_field_index          (GType               type,
                                          const char         *name);

GStrv           tpt_field_get            (TptNode            *node,
                                          const TptField     *field);
gboolean        tpt_field_set            (TptNode            *node,
                                          const TptField     *field,
                                          const char * const *items,
                                          GError            **error);
void            tpt_field_foreach_ref    (const TptField     *field,
                                          const char * const *items,
                                          TptFieldRefFunc     func,
                                          gpointer            user_data);
gboolean        tpt_field_items_equal    (const char * const *a,
                                          const char * const *b);

const char     *tpt_field_kind_name      (GType               type);
char           *tpt_field_abbreviate     (const char         *text,
                                          guint               max_chars);
char           *tpt_field_name_of        (TptDocument        *document,
                                          const char         *id);
char           *tpt_field_describe_node  (TptNode            *node);
char           *tpt_field_describe_value (const TptField     *field,
                                          GType               node_type,
                                          const char * const *items,
                                          TptDocument        *document,
                                          guint               max_chars);
char           *tpt_field_enum_label     (const TptField     *field,
                                          GType               node_type,
                                          const char         *nick);

G_END_DECLS
