/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-reader"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-format-private.h"

#include "tpt-blueprint-private.h"
#include "tpt-card-private.h"
#include "tpt-document-private.h"
#include "tpt-emotion-private.h"
#include "tpt-enum-types.h"
#include "tpt-flow-private.h"
#include "tpt-lane-private.h"
#include "tpt-node-private.h"
#include "tpt-persona-private.h"
#include "tpt-photo.h"
#include "tpt-rating-private.h"
#include "tpt-slide-private.h"
#include "tpt-values.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>

/* The .touchpoint reader.
 *
 * Reading is strict and safe. Before libxml2 sees a byte, the whole input is
 * checked to be UTF-8 without NUL, the prolog is scanned for a document type
 * declaration, so a DTD (and with it every entity, internal or external) is
 * refused before it is parsed, and start tags are checked not to have more
 * attributes than libxml2 2.9 handles in reasonable time. libxml2 then parses
 * the buffer with SAX callbacks (no tree is built), with no network access,
 * no DTD loading, no entity substitution and no XInclude, reporting its
 * errors to us instead of stderr; we stop it at our first error. Elements are
 * checked against a table of what may contain what, in which order and how
 * often, the same structure as data/touchpoint.rng. Nodes are built outside
 * the document; only when every reference resolves are they attached to it,
 * so a failed load never returns, or leaves behind, a half-built document. */

typedef enum
{
  EL_NONE,
  EL_TOUCHPOINT,
  EL_META,
  EL_META_TITLE,
  EL_META_AUTHOR,
  EL_META_DESCRIPTION,
  EL_PERSONAS,
  EL_PERSONA,
  EL_PERSONA_NAME,
  EL_PERSONA_ROLE,
  EL_PERSONA_SEGMENT,
  EL_PERSONA_QUOTE,
  EL_PERSONA_PHOTO,
  EL_PERSONA_GOAL,
  EL_PERSONA_FRUSTRATION,
  EL_PERSONA_BEHAVIOUR,
  EL_PERSONA_CHANNEL,
  EL_PERSONA_FACT,
  EL_NEEDS,
  EL_NEED,
  EL_NEED_TITLE,
  EL_NEED_DESCRIPTION,
  EL_MATRIX,
  EL_RATING,
  EL_BLUEPRINT,
  EL_BLUEPRINT_TITLE,
  EL_LANE,
  EL_LANE_TITLE,
  EL_STAGE,
  EL_STAGE_TITLE,
  EL_STEP,
  EL_STEP_TITLE,
  EL_CARD,
  EL_CARD_TEXT,
  EL_CARD_SERVES,
  EL_CARD_CONCERNS,
  EL_FLOW,
  EL_EMOTION,
  EL_SLIDES,
  EL_SLIDE,
  EL_SLIDE_TITLE,
  EL_SLIDE_NOTES,
  N_ELS
} El;

#define MAX_ATTRS    12    /* of any element in the format */

/* More attributes than any element of the format has, with room for the
 * mistakes the reader reports one by one. */
#define MAX_TAG_ATTRIBUTES 32
#define MAX_CHILDREN 10

typedef struct
{
  El     el;
  guint8 min;
  guint8 max;   /* 0: any number */
} ChildRule;

/* What an element may hold. Children must come in the order of the table,
 * which is also the order the writer uses. */
typedef struct
{
  const char *name;
  gboolean    text;
  const char *attrs[MAX_ATTRS + 1];
  ChildRule   children[MAX_CHILDREN + 1];
} Rule;

#define ONE(e)      { e, 1, 1 }
#define OPTIONAL(e) { e, 0, 1 }
#define ANY(e)      { e, 0, 0 }

static const Rule rules[N_ELS] = {
  [EL_TOUCHPOINT] = { TPT_E_TOUCHPOINT, FALSE, { TPT_A_FORMAT },
                      { ONE (EL_META), OPTIONAL (EL_PERSONAS), OPTIONAL (EL_NEEDS),
                        OPTIONAL (EL_MATRIX), ANY (EL_BLUEPRINT), OPTIONAL (EL_SLIDES) } },
  [EL_META] = { TPT_E_META, FALSE, { NULL },
                { ONE (EL_META_TITLE), OPTIONAL (EL_META_AUTHOR),
                  OPTIONAL (EL_META_DESCRIPTION) } },
  [EL_META_TITLE] = { TPT_E_TITLE, TRUE },
  [EL_META_AUTHOR] = { TPT_E_AUTHOR, TRUE },
  [EL_META_DESCRIPTION] = { TPT_E_DESCRIPTION, TRUE },
  [EL_PERSONAS] = { TPT_E_PERSONAS, FALSE, { NULL }, { ANY (EL_PERSONA) } },
  [EL_PERSONA] = { TPT_E_PERSONA, FALSE, { TPT_A_ID, TPT_A_COLOR },
                   { ONE (EL_PERSONA_NAME), OPTIONAL (EL_PERSONA_ROLE),
                     OPTIONAL (EL_PERSONA_SEGMENT), OPTIONAL (EL_PERSONA_QUOTE),
                     OPTIONAL (EL_PERSONA_PHOTO), ANY (EL_PERSONA_GOAL),
                     ANY (EL_PERSONA_FRUSTRATION), ANY (EL_PERSONA_BEHAVIOUR),
                     ANY (EL_PERSONA_CHANNEL), ANY (EL_PERSONA_FACT) } },
  [EL_PERSONA_NAME] = { TPT_E_NAME, TRUE },
  [EL_PERSONA_ROLE] = { TPT_E_ROLE, TRUE },
  [EL_PERSONA_SEGMENT] = { TPT_E_SEGMENT, TRUE },
  [EL_PERSONA_QUOTE] = { TPT_E_QUOTE, TRUE },
  [EL_PERSONA_PHOTO] = { TPT_E_PHOTO, TRUE, { TPT_A_TYPE } },
  [EL_PERSONA_GOAL] = { TPT_E_GOAL, TRUE },
  [EL_PERSONA_FRUSTRATION] = { TPT_E_FRUSTRATION, TRUE },
  [EL_PERSONA_BEHAVIOUR] = { TPT_E_BEHAVIOUR, TRUE },
  [EL_PERSONA_CHANNEL] = { TPT_E_CHANNEL, TRUE },
  [EL_PERSONA_FACT] = { TPT_E_FACT, TRUE, { TPT_A_LABEL } },
  [EL_NEEDS] = { TPT_E_NEEDS, FALSE, { NULL }, { ANY (EL_NEED) } },
  [EL_NEED] = { TPT_E_NEED, FALSE, { TPT_A_ID },
                { ONE (EL_NEED_TITLE), OPTIONAL (EL_NEED_DESCRIPTION) } },
  [EL_NEED_TITLE] = { TPT_E_TITLE, TRUE },
  [EL_NEED_DESCRIPTION] = { TPT_E_DESCRIPTION, TRUE },
  [EL_MATRIX] = { TPT_E_MATRIX, FALSE, { NULL }, { ANY (EL_RATING) } },
  [EL_RATING] = { TPT_E_RATING, FALSE,
                  { TPT_A_PERSONA, TPT_A_NEED, TPT_A_IMPORTANCE, TPT_A_SATISFACTION } },
  [EL_BLUEPRINT] = { TPT_E_BLUEPRINT, FALSE, { TPT_A_ID, TPT_A_STATE, TPT_A_BASED_ON },
                     { ONE (EL_BLUEPRINT_TITLE), ANY (EL_LANE), ANY (EL_STAGE),
                       ANY (EL_CARD), ANY (EL_FLOW), ANY (EL_EMOTION) } },
  [EL_BLUEPRINT_TITLE] = { TPT_E_TITLE, TRUE },
  [EL_LANE] = { TPT_E_LANE, FALSE, { TPT_A_ID, TPT_A_KIND, TPT_A_OFFICE, TPT_A_PERSONA },
                { ONE (EL_LANE_TITLE) } },
  [EL_LANE_TITLE] = { TPT_E_TITLE, TRUE },
  [EL_STAGE] = { TPT_E_STAGE, FALSE, { TPT_A_ID },
                 { ONE (EL_STAGE_TITLE), ANY (EL_STEP) } },
  [EL_STAGE_TITLE] = { TPT_E_TITLE, TRUE },
  [EL_STEP] = { TPT_E_STEP, FALSE, { TPT_A_ID, TPT_A_DURATION, TPT_A_TARGET },
                { ONE (EL_STEP_TITLE) } },
  [EL_STEP_TITLE] = { TPT_E_TITLE, TRUE },
  [EL_CARD] = { TPT_E_CARD, FALSE,
                { TPT_A_ID, TPT_A_LANE, TPT_A_STEP, TPT_A_KIND, TPT_A_SPAN, TPT_A_OWNER,
                  TPT_A_CHANNEL, TPT_A_TARGET, TPT_A_ACTUAL, TPT_A_UNIT, TPT_A_DIRECTION,
                  TPT_A_SOURCE },
                { ONE (EL_CARD_TEXT), OPTIONAL (EL_CARD_SERVES), OPTIONAL (EL_CARD_CONCERNS) } },
  [EL_CARD_TEXT] = { TPT_E_TEXT, TRUE },
  [EL_CARD_SERVES] = { TPT_E_SERVES, TRUE },
  [EL_CARD_CONCERNS] = { TPT_E_CONCERNS, TRUE },
  [EL_FLOW] = { TPT_E_FLOW, FALSE, { TPT_A_ID, TPT_A_FROM, TPT_A_TO, TPT_A_ARROW } },
  [EL_EMOTION] = { TPT_E_EMOTION, FALSE, { TPT_A_LANE, TPT_A_STEP, TPT_A_VALUE } },
  [EL_SLIDES] = { TPT_E_SLIDES, FALSE, { NULL }, { ANY (EL_SLIDE) } },
  [EL_SLIDE] = { TPT_E_SLIDE, FALSE,
                 { TPT_A_ID, TPT_A_ARTEFACT, TPT_A_TARGET, TPT_A_X, TPT_A_Y, TPT_A_WIDTH,
                   TPT_A_HEIGHT },
                 { ONE (EL_SLIDE_TITLE), OPTIONAL (EL_SLIDE_NOTES) } },
  [EL_SLIDE_TITLE] = { TPT_E_TITLE, TRUE },
  [EL_SLIDE_NOTES] = { TPT_E_NOTES, TRUE },
};

#undef ONE
#undef OPTIONAL
#undef ANY

typedef struct
{
  El       el;
  int      line;
  int      last_rank;                /* of the last child, -1 before any */
  guint    counts[MAX_CHILDREN];
  TptNode *node;                     /* borrowed: the node it builds */
} Frame;

/* Where an id was defined. */
typedef struct
{
  TptNode      *node;                /* borrowed */
  TptBlueprint *blueprint;           /* borrowed; NULL outside blueprints */
  int           line;
} IdEntry;

/* Persona lists, in the order of the persona's children. */
enum {
  LIST_GOALS,
  LIST_FRUSTRATIONS,
  LIST_BEHAVIOURS,
  LIST_CHANNELS,
  N_LISTS
};

typedef struct
{
  xmlParserCtxtPtr  ctxt;
  GError           *error;

  TptDocument      *document;
  GPtrArray        *personas;        /* owned nodes, not yet in the document */
  GPtrArray        *needs;
  GPtrArray        *ratings;
  GPtrArray        *blueprints;
  GPtrArray        *slides;
  GHashTable       *ids;             /* id (owned by its node) → IdEntry */
  GHashTable       *lines;           /* TptNode → line of its element */

  Frame             stack[TPT_MAX_DEPTH];
  guint             depth;
  guint             n_elements;

  /* The attributes of the element being started, as written. */
  char             *attr_names[MAX_TAG_ATTRIBUTES];
  char             *attr_values[MAX_TAG_ATTRIBUTES];
  guint             n_attrs;

  /* The text of the leaf element being read, and its attribute. */
  GString          *text;
  char             *leaf_attr;

  TptPersona       *persona;         /* borrowed: the one being read */
  guint64           photo_pixels;    /* of all the photos so far */
  GPtrArray        *lists[N_LISTS];
  TptBlueprint     *blueprint;
  TptStage         *stage;
} Loader;

/* Errors ------------------------------------------------------------------- */

static void fail (Loader     *self,
                  int         line,
                  TptError    code,
                  const char *format,
                  ...) G_GNUC_PRINTF (4, 5);

/* Keeps the first error only: later ones are usually its consequences. */
static void
fail (Loader     *self,
      int         line,
      TptError    code,
      const char *format,
      ...)
{
  va_list args;

  if (self->error != NULL)
    return;

  va_start (args, format);
  self->error = g_error_new_valist (TPT_ERROR, code, format, args);
  va_end (args);
  tpt_error_set_line (self->error, line);
}

static int
count_lines (const char *data,
             gsize       end)
{
  int line = 1;

  for (gsize i = 0; i < end; i++)
    if (data[i] == '\n')
      line++;
  return line;
}

/* What a message quotes from the file is cut short, so that a hostile file
 * cannot make a message of megabytes. */
static char *
shorten (const char *text)
{
  g_autofree char *start = NULL;

  if (strlen (text) <= 40)
    return g_strdup (text);

  start = g_utf8_substring (text, 0, 40);
  return g_strconcat (start, "…", NULL);
}

/* libxml2 reports here instead of on stderr. */
static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  xml_error)
{
  Loader *self = user_data;
  g_autofree char *message = NULL;

  if (xml_error == NULL || xml_error->level == XML_ERR_WARNING || xml_error->level == XML_ERR_NONE)
    return;

  /* Only the first error is kept. libxml2 goes on after most errors and may
   * report millions more (one for each "--" in a long comment), so it is
   * stopped right away: once stopped, it reports nothing more. */
  if (self->error == NULL)
    {
      switch (xml_error->code)
        {
        case XML_ERR_UNDECLARED_ENTITY:
        case XML_WAR_UNDECLARED_ENTITY:
        case XML_ERR_ENTITY_LOOP:
        case XML_ERR_ENTITY_PE_INTERNAL:
        case XML_ERR_EXT_ENTITY_STANDALONE:
          message = shorten (xml_error->str1 != NULL ? xml_error->str1 : "…");
          fail (self, xml_error->line, TPT_ERROR_FORBIDDEN,
                _("Entity references such as “&%s;” are not allowed"), message);
          break;

        case XML_ERR_DOCUMENT_EMPTY:
          /* libxml2 says "Document is empty" for any text without a root. */
          fail (self, MAX (xml_error->line, 1), TPT_ERROR_MALFORMED,
                _("The file is not XML: it has no root element"));
          break;

        default:
          message = g_strstrip (g_strdup (xml_error->message != NULL ? xml_error->message : "?"));
          fail (self, MAX (xml_error->line, 1), TPT_ERROR_MALFORMED,
                _("The file is not well-formed XML: %s"), message);
          break;
        }
    }

  if (self->ctxt != NULL)
    xmlStopParser (self->ctxt);
}

/* Checks before parsing ------------------------------------------------------ */

static gboolean
check_utf8 (Loader     *self,
            const char *data,
            gsize       size)
{
  const char *end = NULL;

  if (g_utf8_validate_len (data, size, &end))
    return TRUE;

  if (*end == '\0')
    fail (self, count_lines (data, end - data), TPT_ERROR_MALFORMED,
          _("The file contains a null character, which XML does not allow"));
  else
    fail (self, count_lines (data, end - data), TPT_ERROR_MALFORMED,
          _("The file is not valid UTF-8 text"));
  return FALSE;
}

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static gboolean
has_prefix (const char *p,
            const char *end,
            const char *prefix)
{
  gsize len = strlen (prefix);

  return (gsize)(end - p) >= len && memcmp (p, prefix, len) == 0;
}

/* Finds the encoding pseudo-attribute of an XML declaration. */
static char *
declared_encoding (const char *decl,
                   const char *end)
{
  const char *p = decl;

  while (p < end && (p = memchr (p, 'e', end - p)) != NULL)
    {
      if (has_prefix (p, end, "encoding") && p > decl && is_xml_space (p[-1]))
        {
          const char *q = p + strlen ("encoding");
          char quote;
          const char *close;

          while (q < end && is_xml_space (*q))
            q++;
          if (q >= end || *q != '=')
            return NULL;
          q++;
          while (q < end && is_xml_space (*q))
            q++;
          if (q >= end || (*q != '"' && *q != '\''))
            return NULL;
          quote = *q++;
          close = memchr (q, quote, end - q);
          if (close == NULL)
            return NULL;
          return g_strndup (q, close - q);
        }
      p++;
    }

  return NULL;
}

/* A document type declaration can only stand in the prolog: after the XML
 * declaration, comments, processing instructions and white space, before the
 * root element. Looking for it there, before libxml2 parses anything, means
 * no declaration of an entity, let alone an expansion, ever happens. */
static gboolean
check_prolog (Loader     *self,
              const char *data,
              gsize       size)
{
  const char *p = data;
  const char *end = data + size;

  if (has_prefix (p, end, "\xef\xbb\xbf"))
    p += 3;

  if (has_prefix (p, end, "<?xml") && p + 5 < end && is_xml_space (p[5]))
    {
      const char *close = g_strstr_len (p, end - p, "?>");
      g_autofree char *encoding = NULL;
      guint quotes[2] = { 0, 0 };

      if (close == NULL)
        return TRUE;   /* libxml2 will say what is wrong */

      /* Values in a declaration cannot hold "?>", so an odd quote means
       * the declaration does not end where it seems to. */
      for (const char *q = p; q < close; q++)
        quotes[*q == '"' ? 0 : 1] += (*q == '"' || *q == '\'');
      if (quotes[0] % 2 != 0 || quotes[1] % 2 != 0)
        {
          fail (self, 1, TPT_ERROR_MALFORMED,
                _("The file is not well-formed XML: its XML declaration is broken"));
          return FALSE;
        }

      encoding = declared_encoding (p, close);
      if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
        {
          fail (self, count_lines (data, p - data), TPT_ERROR_MALFORMED,
                _("The file says it is in the “%s” encoding; Touchpoint files are UTF-8"),
                encoding);
          return FALSE;
        }
      p = close + 2;
    }

  for (const char *q = p; q < end && is_xml_space (*q); q++)
    if (q + 1 == end)
      {
        fail (self, 1, TPT_ERROR_MALFORMED, _("The file is empty"));
        return FALSE;
      }

  while (p < end)
    {
      const char *close;

      if (is_xml_space (*p))
        p++;
      else if (has_prefix (p, end, "<!--"))
        {
          close = g_strstr_len (p + 4, end - p - 4, "-->");
          if (close == NULL)
            return TRUE;
          p = close + 3;
        }
      else if (has_prefix (p, end, "<?"))
        {
          close = g_strstr_len (p + 2, end - p - 2, "?>");
          if (close == NULL)
            return TRUE;
          p = close + 2;
        }
      else if (has_prefix (p, end, "<!DOCTYPE"))
        {
          fail (self, count_lines (data, p - data), TPT_ERROR_FORBIDDEN,
                _("Document type declarations are not allowed"));
          return FALSE;
        }
      else
        break;
    }

  /* What follows the prolog must be the root element. Refusing anything
   * else here means libxml2 can never see a prolog we did not check. */
  if (p < end &&
      !(p[0] == '<' && p + 1 < end &&
        (g_ascii_isalpha (p[1]) || p[1] == '_' || p[1] == ':' || (guchar)p[1] >= 0x80)))
    {
      fail (self, count_lines (data, p - data), TPT_ERROR_MALFORMED,
            _("The file is not XML: it has no root element"));
      return FALSE;
    }

  return TRUE;
}

static const char *
skip_past (const char *p,
           const char *end,
           const char *terminator)
{
  const char *found = g_strstr_len (p, end - p, terminator);

  return found != NULL ? found + strlen (terminator) : end;
}

/* libxml2 2.9 checks each attribute of a start tag against all the ones
 * before it, so a tag with a hundred thousand attributes takes minutes. No
 * element of ours has more than seven, so tags are counted here, in one
 * linear pass, before libxml2 is given the file. */
static gboolean
check_tags (Loader     *self,
            const char *data,
            gsize       size)
{
  const char *end = data + size;
  const char *p = data;

  while ((p = memchr (p, '<', end - p)) != NULL)
    {
      const char *tag = p;
      guint n_attributes = 0;
      char quote = 0;

      if (has_prefix (p, end, "<!--"))
        p = skip_past (p + 4, end, "-->");
      else if (has_prefix (p, end, "<![CDATA["))
        p = skip_past (p + 9, end, "]]>");
      else if (has_prefix (p, end, "<?"))
        p = skip_past (p + 2, end, "?>");
      else if (has_prefix (p, end, "<!") || has_prefix (p, end, "</"))
        p += 2;
      else
        {
          for (p++; p < end; p++)
            {
              if (quote != 0)
                {
                  if (*p == quote)
                    quote = 0;
                }
              else if (*p == '"' || *p == '\'')
                quote = *p;
              else if (*p == '=')
                n_attributes++;
              else if (*p == '>' || *p == '<')
                break;
            }

          if (n_attributes > MAX_TAG_ATTRIBUTES)
            {
              gsize name_len = 0;
              g_autofree char *name = NULL;

              /* The data need not end in a NUL, so no strcspn(). */
              while (tag + 1 + name_len < end && name_len < 64 &&
                     strchr (" \t\r\n/>=", tag[1 + name_len]) == NULL)
                name_len++;
              name = g_utf8_make_valid (tag + 1, name_len);

              fail (self, count_lines (data, tag - data), TPT_ERROR_INVALID,
                    _("Element <%s> has more than %d attributes"), name, MAX_TAG_ATTRIBUTES);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* Values --------------------------------------------------------------------- */

static const char *
get_attr (Loader     *self,
          const char *name)
{
  for (guint i = 0; i < self->n_attrs; i++)
    if (strcmp (self->attr_names[i], name) == 0)
      return (const char *)self->attr_values[i];
  return NULL;
}

static const char *
require_attr (Loader     *self,
              const char *element,
              const char *name,
              int         line)
{
  const char *value = get_attr (self, name);

  if (value == NULL)
    fail (self, line, TPT_ERROR_INVALID,
          _("Element <%s> has no “%s” attribute"), element, name);
  return value;
}

/* An optional whole number: a minus sign and at most nine digits, nothing
 * else, so that the writer's form is the only one there is. */
static gboolean
parse_int (Loader     *self,
           const char *element,
           const char *name,
           const char *text,
           int         min,
           int         max,
           int        *value,
           int         line)
{
  const char *p = text;
  gint64 n = 0;
  guint digits = 0;
  gboolean negative = FALSE;

  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  for (; g_ascii_isdigit (*p) && digits <= 9; p++, digits++)
    n = n * 10 + (*p - '0');

  if (*p != '\0' || digits == 0 || digits > 9)
    {
      g_autofree char *quoted = shorten (text);

      fail (self, line, TPT_ERROR_INVALID,
            _("The “%s” of <%s> must be a whole number, not “%s”"), name, element, quoted);
      return FALSE;
    }
  if (negative)
    n = -n;
  if (n < min || n > max)
    {
      fail (self, line, TPT_ERROR_INVALID,
            _("The “%s” of <%s> must be from %d to %d, not %s"), name, element, min, max, text);
      return FALSE;
    }

  *value = (int)n;
  return TRUE;
}

static gboolean
parse_enum (Loader     *self,
            const char *element,
            const char *name,
            const char *text,
            GType       type,
            int         skip,
            int        *value,
            int         line)
{
  g_autoptr(GEnumClass) klass = NULL;
  g_autoptr(GString) allowed = NULL;
  g_autofree char *quoted = NULL;

  if (tpt_enum_from_nick (type, text, value) && *value != skip)
    return TRUE;

  klass = g_type_class_ref (type);
  allowed = g_string_new (NULL);
  for (guint i = 0; i < klass->n_values; i++)
    {
      if (klass->values[i].value == skip)
        continue;
      if (allowed->len > 0)
        g_string_append (allowed, ", ");
      g_string_append (allowed, klass->values[i].value_nick);
    }

  quoted = shorten (text);
  fail (self, line, TPT_ERROR_INVALID,
        _("“%s” is not a valid “%s” for <%s>; use one of: %s"),
        quoted, name, element, allowed->str);
  return FALSE;
}

static gboolean
check_id_syntax (Loader     *self,
                 const char *id,
                 int         line)
{
  g_autofree char *quoted = NULL;

  if (tpt_id_is_valid (id))
    return TRUE;

  quoted = shorten (id);
  fail (self, line, TPT_ERROR_INVALID,
        _("“%s” is not a valid id: an id starts with a letter or “_”, has only letters, "
          "digits, “_”, “-” and “.”, and is at most 64 characters long"), quoted);
  return FALSE;
}

/* Reads the id attribute of an element that defines one. */
static const char *
require_id (Loader     *self,
            const char *element,
            int         line)
{
  const char *id = require_attr (self, element, TPT_A_ID, line);
  IdEntry *entry;

  if (id == NULL || !check_id_syntax (self, id, line))
    return NULL;

  entry = g_hash_table_lookup (self->ids, id);
  if (entry != NULL)
    {
      fail (self, line, TPT_ERROR_DUPLICATE_ID,
            _("The id “%s” is used twice; it was first used on line %d"), id, entry->line);
      return NULL;
    }

  return id;
}

static void
remember_line (Loader  *self,
               TptNode *node,
               int      line)
{
  g_hash_table_insert (self->lines, node, GINT_TO_POINTER (line));
}

static int
line_of (Loader  *self,
         TptNode *node)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (self->lines, node));
}

/* Makes a node of @type with the id from the file. */
static TptNode *
new_node (Loader     *self,
          GType       type,
          const char *id,
          int         line)
{
  TptNode *node = g_object_new (type, NULL);

  if (id != NULL)
    {
      IdEntry *entry = g_new0 (IdEntry, 1);

      tpt_node_set_id (node, id);
      entry->node = node;
      entry->blueprint = self->blueprint;
      entry->line = line;
      /* The key is the node's own copy, which lives as long as the node. */
      g_hash_table_insert (self->ids, (gpointer)tpt_node_get_id (node), entry);
    }
  remember_line (self, node, line);

  return node;
}

static void
append_child (TptNode    *parent,
              GListModel *store,
              TptNode    *child)
{
  tpt_node_insert_child_raw (parent, G_LIST_STORE (store), g_list_model_get_n_items (store), child);
}

/* Splits a space-separated list of ids. Lists are short, so duplicates are
 * found by looking back rather than with a hash table. */
static GStrv
parse_id_list (Loader     *self,
               const char *element,
               const char *text,
               int         line)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n", -1);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (!check_id_syntax (self, words[i], line))
        return NULL;
      for (guint j = 0; j < ids->len; j++)
        if (strcmp (g_ptr_array_index (ids, j), words[i]) == 0)
          {
            fail (self, line, TPT_ERROR_INVALID,
                  _("Element <%s> lists “%s” more than once"), element, words[i]);
            return NULL;
          }
      g_ptr_array_add (ids, words[i]);
    }

  g_ptr_array_add (ids, NULL);
  return g_strdupv ((char **)ids->pdata);
}

/* Decodes base64 strictly: only the base64 alphabet, white space anywhere,
 * "=" only as padding at the end. GLib's decoder skips anything else, which
 * would let garbage through. */
static GBytes *
decode_base64 (Loader     *self,
               const char *text,
               gsize       len,
               const char *persona_id,
               int         line)
{
  g_autofree char *compact = g_malloc (len + 1);
  gsize n = 0;
  gsize padding = 0;
  gsize out_len;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (is_xml_space (c))
        continue;
      if (c == '=')
        padding++;
      else if (padding > 0 || !(g_ascii_isalnum (c) || c == '+' || c == '/'))
        {
          fail (self, line, TPT_ERROR_INVALID,
                _("The photo of persona “%s” is not valid base64"), persona_id);
          return NULL;
        }
      compact[n++] = c;
    }
  compact[n] = '\0';

  if (n % 4 != 0 || padding > 2)
    {
      fail (self, line, TPT_ERROR_INVALID,
            _("The photo of persona “%s” is not valid base64"), persona_id);
      return NULL;
    }

  /* Check the size before allocating anything for the result. */
  if (n / 4 * 3 - padding > TPT_MAX_PHOTO_BYTES)
    {
      fail (self, line, TPT_ERROR_TOO_LARGE,
            _("The photo of persona “%s” is larger than %d MB, the most a photo may have"),
            persona_id, TPT_MAX_PHOTO_BYTES / (1024 * 1024));
      return NULL;
    }

  if (n == 0)
    return g_bytes_new (NULL, 0);

  g_base64_decode_inplace (compact, &out_len);
  return g_bytes_new_take (g_realloc (g_steal_pointer (&compact), out_len), out_len);
}

static void
check_photo (Loader     *self,
             GBytes     *photo,
             const char *type,
             const char *persona_id,
             int         line)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (photo, &size);
  const char *actual = NULL;
  guint32 width = 0;
  guint32 height = 0;

  switch (tpt_photo_inspect (data, size, type, &actual, &width, &height))
    {
    case TPT_PHOTO_OK:
      /* Each photo is decoded to be drawn: together they are capped too. */
      self->photo_pixels += (guint64) width * height;
      if (self->photo_pixels > TPT_MAX_TOTAL_PHOTO_PIXELS)
        fail (self, line, TPT_ERROR_TOO_LARGE,
              _("The photos of this document have more than %d million pixels together, "
                "the most a document may have; the photo of persona “%s” goes past it. "
                "Use smaller photos"),
              TPT_MAX_TOTAL_PHOTO_PIXELS / 1000000, persona_id);
      break;

    case TPT_PHOTO_NOT_AN_IMAGE:
      fail (self, line, TPT_ERROR_BAD_PHOTO,
            _("The photo of persona “%s” is not a PNG or JPEG image"), persona_id);
      break;

    case TPT_PHOTO_DAMAGED:
      fail (self, line, TPT_ERROR_BAD_PHOTO,
            _("The photo of persona “%s” is damaged: its image header cannot be read"),
            persona_id);
      break;

    case TPT_PHOTO_WRONG_TYPE:
      fail (self, line, TPT_ERROR_BAD_PHOTO,
            _("The photo of persona “%s” is marked as “%s” but is a %s image"),
            persona_id, type, g_strcmp0 (actual, TPT_PHOTO_TYPE_PNG) == 0 ? "PNG" : "JPEG");
      break;

    case TPT_PHOTO_UNKNOWN_TYPE:
      fail (self, line, TPT_ERROR_BAD_PHOTO,
            _("The photo of persona “%s” has the type “%s”; photos must be image/png or "
              "image/jpeg"), persona_id, type);
      break;

    case TPT_PHOTO_TOO_MANY_PIXELS:
      fail (self, line, TPT_ERROR_BAD_PHOTO,
            _("The photo of persona “%s” is %u × %u pixels; a photo may have at most "
              "%d million pixels"),
            persona_id, width, height, TPT_MAX_PHOTO_PIXELS / 1000000);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Starting elements ----------------------------------------------------------- */

static gboolean
check_format (Loader *self,
              int     line)
{
  const char *format = get_attr (self, TPT_A_FORMAT);
  guint64 version = 0;
  gsize len;

  if (format == NULL)
    {
      fail (self, line, TPT_ERROR_INVALID,
            _("Element <%s> has no “%s” attribute"), TPT_E_TOUCHPOINT, TPT_A_FORMAT);
      return FALSE;
    }

  len = strlen (format);
  if (len > 0 && len <= 9 && strspn (format, "0123456789") == len)
    version = g_ascii_strtoull (format, NULL, 10);

  if (version == 0)
    {
      g_autofree char *quoted = shorten (format);

      fail (self, line, TPT_ERROR_INVALID,
            _("“%s” is not a format version; this version of Touchpoint reads format %d"),
            quoted, TPT_FORMAT_VERSION);
      return FALSE;
    }
  if (version > TPT_FORMAT_VERSION)
    {
      fail (self, line, TPT_ERROR_NEWER_FORMAT,
            _("This file was written by a newer version of Touchpoint (format %s); "
              "this version reads format %d"),
            format, TPT_FORMAT_VERSION);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_known_element (const char *name)
{
  for (guint i = 1; i < N_ELS; i++)
    if (strcmp (rules[i].name, name) == 0)
      return TRUE;
  return FALSE;
}

/* Finds which child of @parent an element called @name is, and checks that
 * it may stand where it does. */
static El
find_child (Loader     *self,
            Frame      *parent,
            const char *name,
            int         line)
{
  const Rule *rule = &rules[parent->el];
  int rank;

  if (rule->text)
    {
      fail (self, line, TPT_ERROR_INVALID,
            _("Element <%s> holds only text, but has an element <%s> in it"),
            rule->name, name);
      return EL_NONE;
    }

  for (rank = 0; rule->children[rank].el != EL_NONE; rank++)
    if (strcmp (rules[rule->children[rank].el].name, name) == 0)
      break;

  if (rule->children[rank].el == EL_NONE)
    {
      if (is_known_element (name))
        fail (self, line, TPT_ERROR_INVALID,
              _("Element <%s> is not allowed in <%s>"), name, rule->name);
      else
        fail (self, line, TPT_ERROR_INVALID,
              _("Unknown element <%s> in <%s>"), name, rule->name);
      return EL_NONE;
    }

  if (rank < parent->last_rank)
    {
      fail (self, line, TPT_ERROR_INVALID,
            _("Element <%s> is out of order in <%s>: it must come before <%s>"),
            name, rule->name, rules[rule->children[parent->last_rank].el].name);
      return EL_NONE;
    }

  if (rule->children[rank].max > 0 && parent->counts[rank] >= rule->children[rank].max)
    {
      fail (self, line, TPT_ERROR_INVALID,
            _("Element <%s> may have only one <%s>"), rule->name, name);
      return EL_NONE;
    }

  parent->last_rank = rank;
  parent->counts[rank]++;

  return rule->children[rank].el;
}

static void
clear_attributes (Loader *self)
{
  for (guint i = 0; i < self->n_attrs; i++)
    {
      g_clear_pointer (&self->attr_names[i], g_free);
      g_clear_pointer (&self->attr_values[i], g_free);
    }
  self->n_attrs = 0;
}

static gboolean
check_attributes (Loader *self,
                  El      el,
                  int     line)
{
  const Rule *rule = &rules[el];

  for (guint a = 0; a < self->n_attrs; a++)
    {
      guint i;

      for (i = 0; rule->attrs[i] != NULL; i++)
        if (strcmp (rule->attrs[i], self->attr_names[a]) == 0)
          break;

      if (rule->attrs[i] == NULL)
        {
          fail (self, line, TPT_ERROR_INVALID,
                _("Element <%s> has an unknown attribute “%s”"), rule->name,
                self->attr_names[a]);
          return FALSE;
        }
    }

  return TRUE;
}

static void
start_persona (Loader *self,
               Frame  *frame)
{
  const char *id = require_id (self, TPT_E_PERSONA, frame->line);
  const char *color;
  TptPersona *persona;

  if (id == NULL)
    return;

  color = require_attr (self, TPT_E_PERSONA, TPT_A_COLOR, frame->line);
  if (color == NULL)
    return;
  if (!tpt_color_is_valid (color))
    {
      g_autofree char *quoted = shorten (color);

      fail (self, frame->line, TPT_ERROR_INVALID,
            _("“%s” is not a colour; write colours as # and six hexadecimal digits, "
              "such as #3584e4"), quoted);
      return;
    }

  persona = TPT_PERSONA (new_node (self, TPT_TYPE_PERSONA, id, frame->line));
  g_ptr_array_add (self->personas, persona);
  tpt_persona_set_color (persona, color);

  frame->node = TPT_NODE (persona);
  self->persona = persona;
  for (guint i = 0; i < N_LISTS; i++)
    g_ptr_array_set_size (self->lists[i], 0);
}

static void
end_persona (Loader *self)
{
  void (*setters[N_LISTS]) (TptPersona *, const char * const *) = {
    tpt_persona_set_goals, tpt_persona_set_frustrations,
    tpt_persona_set_behaviours, tpt_persona_set_channels,
  };

  for (guint i = 0; i < N_LISTS; i++)
    {
      g_ptr_array_add (self->lists[i], NULL);
      setters[i] (self->persona, (const char * const *)self->lists[i]->pdata);
      g_ptr_array_set_size (self->lists[i], 0);
    }
  self->persona = NULL;
}

static void
start_need (Loader *self,
            Frame  *frame)
{
  const char *id = require_id (self, TPT_E_NEED, frame->line);
  TptNode *need;

  if (id == NULL)
    return;

  need = new_node (self, TPT_TYPE_NEED, id, frame->line);
  g_ptr_array_add (self->needs, need);
  frame->node = need;
}

static gboolean
parse_score (Loader     *self,
             const char *name,
             int        *value,
             int         line)
{
  const char *text = get_attr (self, name);

  *value = -1;
  return text == NULL || parse_int (self, TPT_E_RATING, name, text, 0, 10, value, line);
}

static void
start_rating (Loader *self,
              Frame  *frame)
{
  const char *persona_id;
  const char *need_id;
  int importance;
  int satisfaction;
  TptRating *rating;

  if ((persona_id = require_attr (self, TPT_E_RATING, TPT_A_PERSONA, frame->line)) == NULL ||
      !check_id_syntax (self, persona_id, frame->line) ||
      (need_id = require_attr (self, TPT_E_RATING, TPT_A_NEED, frame->line)) == NULL ||
      !check_id_syntax (self, need_id, frame->line) ||
      !parse_score (self, TPT_A_IMPORTANCE, &importance, frame->line) ||
      !parse_score (self, TPT_A_SATISFACTION, &satisfaction, frame->line))
    return;

  rating = TPT_RATING (new_node (self, TPT_TYPE_RATING, NULL, frame->line));
  g_ptr_array_add (self->ratings, rating);
  tpt_rating_set_persona (rating, persona_id);
  tpt_rating_set_need (rating, need_id);
  tpt_rating_set_importance (rating, importance);
  tpt_rating_set_satisfaction (rating, satisfaction);
  frame->node = TPT_NODE (rating);
}

static void
start_blueprint (Loader *self,
                 Frame  *frame)
{
  const char *id = require_id (self, TPT_E_BLUEPRINT, frame->line);
  const char *state_text;
  const char *based_on;
  int state;
  TptBlueprint *blueprint;

  if (id == NULL ||
      (state_text = require_attr (self, TPT_E_BLUEPRINT, TPT_A_STATE, frame->line)) == NULL ||
      !parse_enum (self, TPT_E_BLUEPRINT, TPT_A_STATE, state_text, TPT_TYPE_BLUEPRINT_STATE,
                   -1, &state, frame->line))
    return;

  based_on = get_attr (self, TPT_A_BASED_ON);
  if (based_on != NULL && !check_id_syntax (self, based_on, frame->line))
    return;

  blueprint = TPT_BLUEPRINT (new_node (self, TPT_TYPE_BLUEPRINT, id, frame->line));
  g_ptr_array_add (self->blueprints, blueprint);
  tpt_blueprint_set_state (blueprint, state);
  tpt_blueprint_set_based_on (blueprint, based_on);

  frame->node = TPT_NODE (blueprint);
  self->blueprint = blueprint;
}

static void
start_lane (Loader *self,
            Frame  *frame)
{
  const char *id = require_id (self, TPT_E_LANE, frame->line);
  const char *kind_text;
  const char *office_text;
  const char *persona_id;
  int kind;
  int office = TPT_OFFICE_NONE;
  TptLane *lane;

  if (id == NULL ||
      (kind_text = require_attr (self, TPT_E_LANE, TPT_A_KIND, frame->line)) == NULL ||
      !parse_enum (self, TPT_E_LANE, TPT_A_KIND, kind_text, TPT_TYPE_LANE_KIND, -1, &kind,
                   frame->line))
    return;

  /* No office is written as no attribute, so "none" is not a value. */
  office_text = get_attr (self, TPT_A_OFFICE);
  if (office_text != NULL &&
      !parse_enum (self, TPT_E_LANE, TPT_A_OFFICE, office_text, TPT_TYPE_OFFICE,
                   TPT_OFFICE_NONE, &office, frame->line))
    return;

  persona_id = get_attr (self, TPT_A_PERSONA);
  if (persona_id != NULL && !check_id_syntax (self, persona_id, frame->line))
    return;

  lane = TPT_LANE (new_node (self, TPT_TYPE_LANE, id, frame->line));
  tpt_lane_set_kind (lane, kind);
  tpt_lane_set_office (lane, office);
  tpt_lane_set_persona (lane, persona_id);
  append_child (TPT_NODE (self->blueprint), tpt_blueprint_get_lanes (self->blueprint),
                TPT_NODE (lane));
  g_object_unref (lane);

  frame->node = TPT_NODE (lane);
}

static void
start_stage (Loader *self,
             Frame  *frame)
{
  const char *id = require_id (self, TPT_E_STAGE, frame->line);
  TptNode *stage;

  if (id == NULL)
    return;

  stage = new_node (self, TPT_TYPE_STAGE, id, frame->line);
  append_child (TPT_NODE (self->blueprint), tpt_blueprint_get_stages (self->blueprint), stage);
  g_object_unref (stage);

  frame->node = stage;
  self->stage = TPT_STAGE (stage);
}

/* A step's duration and time target: ISO 8601, never negative. */
static gboolean
check_duration (Loader     *self,
                const char *text,
                int         line)
{
  g_autofree char *quoted = NULL;

  if (text == NULL || tpt_duration_parse (text, NULL))
    return TRUE;

  quoted = shorten (text);
  fail (self, line, TPT_ERROR_INVALID,
        _("“%s” is not a duration; write durations in ISO 8601, such as PT15M or P2D"),
        quoted);
  return FALSE;
}

static void
start_step (Loader *self,
            Frame  *frame)
{
  const char *id = require_id (self, TPT_E_STEP, frame->line);
  const char *duration;
  const char *target;
  TptStep *step;

  if (id == NULL)
    return;

  duration = get_attr (self, TPT_A_DURATION);
  if (!check_duration (self, duration, frame->line))
    return;
  target = get_attr (self, TPT_A_TARGET);
  if (!check_duration (self, target, frame->line))
    return;

  step = TPT_STEP (new_node (self, TPT_TYPE_STEP, id, frame->line));
  tpt_step_set_duration (step, duration);
  tpt_step_set_target (step, target);
  append_child (TPT_NODE (self->stage), tpt_stage_get_steps (self->stage), TPT_NODE (step));
  g_object_unref (step);

  frame->node = TPT_NODE (step);
}

/* The most steps a card may span, as the model's field allows. */
static int
span_maximum (void)
{
  static gsize maximum;

  if (g_once_init_enter (&maximum))
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (TPT_TYPE_CARD);
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), "span");

      g_once_init_leave (&maximum, (gsize)G_PARAM_SPEC_INT (pspec)->maximum);
    }

  return (int)maximum;
}

/* What a metric card measures: its target and actual value are numbers,
 * its unit a short line of text, its direction and source words. */
static gboolean
check_metric (Loader *self,
              int     line,
              int    *direction,
              int    *source)
{
  static const char * const numbers[] = { TPT_A_TARGET, TPT_A_ACTUAL };
  const char *unit = get_attr (self, TPT_A_UNIT);
  const char *text;

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      text = get_attr (self, numbers[i]);
      if (text != NULL && !tpt_number_parse (text, NULL))
        {
          g_autofree char *quoted = shorten (text);

          fail (self, line, TPT_ERROR_INVALID,
                _("The “%s” of <%s> must be a number such as 15 or -2.5, not “%s”"),
                numbers[i], TPT_E_CARD, quoted);
          return FALSE;
        }
    }

  if (unit != NULL && !tpt_unit_is_valid (unit))
    {
      glong length = g_utf8_strlen (unit, -1);

      if (length > TPT_UNIT_MAX_LENGTH)
        fail (self, line, TPT_ERROR_INVALID,
              _("The “%s” of <%s> may have at most %d characters, not %ld"),
              TPT_A_UNIT, TPT_E_CARD, TPT_UNIT_MAX_LENGTH, length);
      else
        fail (self, line, TPT_ERROR_INVALID,
              _("The “%s” of <%s> must be one line of text"), TPT_A_UNIT, TPT_E_CARD);
      return FALSE;
    }

  if ((text = get_attr (self, TPT_A_DIRECTION)) != NULL &&
      !parse_enum (self, TPT_E_CARD, TPT_A_DIRECTION, text, TPT_TYPE_DIRECTION,
                   TPT_DIRECTION_NONE, direction, line))
    return FALSE;
  if ((text = get_attr (self, TPT_A_SOURCE)) != NULL &&
      !parse_enum (self, TPT_E_CARD, TPT_A_SOURCE, text, TPT_TYPE_VOICE, TPT_VOICE_NONE,
                   source, line))
    return FALSE;

  return TRUE;
}

static void
start_card (Loader *self,
            Frame  *frame)
{
  const char *id = require_id (self, TPT_E_CARD, frame->line);
  const char *lane_id;
  const char *step_id;
  const char *kind_text;
  const char *span_text;
  int kind;
  int span = 1;
  int direction = TPT_DIRECTION_NONE;
  int source = TPT_VOICE_NONE;
  TptCard *card;

  if (id == NULL ||
      (lane_id = require_attr (self, TPT_E_CARD, TPT_A_LANE, frame->line)) == NULL ||
      !check_id_syntax (self, lane_id, frame->line) ||
      (step_id = require_attr (self, TPT_E_CARD, TPT_A_STEP, frame->line)) == NULL ||
      !check_id_syntax (self, step_id, frame->line) ||
      (kind_text = require_attr (self, TPT_E_CARD, TPT_A_KIND, frame->line)) == NULL ||
      !parse_enum (self, TPT_E_CARD, TPT_A_KIND, kind_text, TPT_TYPE_CARD_KIND, -1, &kind,
                   frame->line))
    return;

  span_text = get_attr (self, TPT_A_SPAN);
  if (span_text != NULL &&
      !parse_int (self, TPT_E_CARD, TPT_A_SPAN, span_text, 1, span_maximum (), &span,
                  frame->line))
    return;

  if (!check_metric (self, frame->line, &direction, &source))
    return;

  card = TPT_CARD (new_node (self, TPT_TYPE_CARD, id, frame->line));
  tpt_card_set_lane (card, lane_id);
  tpt_card_set_step (card, step_id);
  tpt_card_set_kind (card, kind);
  tpt_card_set_span (card, span);
  tpt_card_set_owner (card, get_attr (self, TPT_A_OWNER));
  tpt_card_set_channel (card, get_attr (self, TPT_A_CHANNEL));
  tpt_card_set_target (card, get_attr (self, TPT_A_TARGET));
  tpt_card_set_actual (card, get_attr (self, TPT_A_ACTUAL));
  tpt_card_set_unit (card, get_attr (self, TPT_A_UNIT));
  tpt_card_set_direction (card, direction);
  tpt_card_set_source (card, source);
  append_child (TPT_NODE (self->blueprint), tpt_blueprint_get_cards (self->blueprint),
                TPT_NODE (card));
  g_object_unref (card);

  frame->node = TPT_NODE (card);
}

static void
start_flow (Loader *self,
            Frame  *frame)
{
  const char *id = require_id (self, TPT_E_FLOW, frame->line);
  const char *from;
  const char *to;
  const char *arrow_text;
  int arrow;
  TptFlow *flow;

  if (id == NULL ||
      (from = require_attr (self, TPT_E_FLOW, TPT_A_FROM, frame->line)) == NULL ||
      !check_id_syntax (self, from, frame->line) ||
      (to = require_attr (self, TPT_E_FLOW, TPT_A_TO, frame->line)) == NULL ||
      !check_id_syntax (self, to, frame->line) ||
      (arrow_text = require_attr (self, TPT_E_FLOW, TPT_A_ARROW, frame->line)) == NULL ||
      !parse_enum (self, TPT_E_FLOW, TPT_A_ARROW, arrow_text, TPT_TYPE_ARROW, -1, &arrow,
                   frame->line))
    return;

  flow = TPT_FLOW (new_node (self, TPT_TYPE_FLOW, id, frame->line));
  tpt_flow_set_from (flow, from);
  tpt_flow_set_to (flow, to);
  tpt_flow_set_arrow (flow, arrow);
  append_child (TPT_NODE (self->blueprint), tpt_blueprint_get_flows (self->blueprint),
                TPT_NODE (flow));
  g_object_unref (flow);

  frame->node = TPT_NODE (flow);
}

static void
start_emotion (Loader *self,
               Frame  *frame)
{
  const char *lane_id;
  const char *step_id;
  const char *value_text;
  int value;
  TptEmotion *emotion;

  if ((lane_id = require_attr (self, TPT_E_EMOTION, TPT_A_LANE, frame->line)) == NULL ||
      !check_id_syntax (self, lane_id, frame->line) ||
      (step_id = require_attr (self, TPT_E_EMOTION, TPT_A_STEP, frame->line)) == NULL ||
      !check_id_syntax (self, step_id, frame->line) ||
      (value_text = require_attr (self, TPT_E_EMOTION, TPT_A_VALUE, frame->line)) == NULL ||
      !parse_int (self, TPT_E_EMOTION, TPT_A_VALUE, value_text, -2, 2, &value, frame->line))
    return;

  emotion = TPT_EMOTION (new_node (self, TPT_TYPE_EMOTION, NULL, frame->line));
  tpt_emotion_set_lane (emotion, lane_id);
  tpt_emotion_set_step (emotion, step_id);
  tpt_emotion_set_value (emotion, value);
  append_child (TPT_NODE (self->blueprint), tpt_blueprint_get_emotions (self->blueprint),
                TPT_NODE (emotion));
  g_object_unref (emotion);

  frame->node = TPT_NODE (emotion);
}

/* A coordinate of a slide's region, as the writer writes it: an optional
 * minus sign, at most seven digits, and at most two decimals; no
 * exponent, no "inf" or "nan", nothing else. */
static gboolean
parse_coordinate (Loader     *self,
                  const char *name,
                  const char *text,
                  double      min,
                  double     *value,
                  int         line)
{
  const char *p = text;
  guint digits = 0, decimals = 0;
  double number;

  if (*p == '-')
    p++;
  for (; g_ascii_isdigit (*p); p++)
    digits++;
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      decimals++;

  if (*p != '\0' || digits == 0 || digits > 7 || decimals > 2 || p[-1] == '.')
    {
      g_autofree char *quoted = shorten (text);

      fail (self, line, TPT_ERROR_INVALID,
            _("The “%s” of <%s> must be a number of points with at most two decimals, "
              "such as 12.5, not “%s”"), name, TPT_E_SLIDE, quoted);
      return FALSE;
    }

  number = g_ascii_strtod (text, NULL);
  if (number < min || number > TPT_SLIDE_MAX_COORDINATE ||
      (min == 0 && tpt_slide_round_coordinate (number) <= 0))
    {
      int max = (int) TPT_SLIDE_MAX_COORDINATE;

      if (min == 0)
        fail (self, line, TPT_ERROR_INVALID,
              _("The “%s” of <%s> must be more than 0 and at most %d, not %s"),
              name, TPT_E_SLIDE, max, text);
      else
        fail (self, line, TPT_ERROR_INVALID,
              _("The “%s” of <%s> must be from %d to %d, not %s"),
              name, TPT_E_SLIDE, -max, max, text);
      return FALSE;
    }

  *value = tpt_slide_round_coordinate (number);
  return TRUE;
}

static void
start_slide (Loader *self,
             Frame  *frame)
{
  static const char * const region_names[] = { TPT_A_X, TPT_A_Y, TPT_A_WIDTH, TPT_A_HEIGHT };
  const char *id = require_id (self, TPT_E_SLIDE, frame->line);
  const char *artefact_text;
  const char *target;
  double region[G_N_ELEMENTS (region_names)];
  guint n_region = 0;
  int artefact;
  TptSlide *slide;

  /* The gallery as a whole is the one artefact no slide shows: a slide
   * shows each persona. */
  g_assert (!tpt_artefact_kind_has_flags (TPT_ARTEFACT_PERSONAS, TPT_ARTEFACT_FLAG_SLIDE));

  if (id == NULL ||
      (artefact_text = require_attr (self, TPT_E_SLIDE, TPT_A_ARTEFACT, frame->line)) == NULL ||
      !parse_enum (self, TPT_E_SLIDE, TPT_A_ARTEFACT, artefact_text,
                   TPT_TYPE_ARTEFACT_KIND, TPT_ARTEFACT_PERSONAS, &artefact, frame->line))
    return;

  /* Whether the target has the right type is checked once every id is
   * known; here only whether the artefact takes one at all. */
  target = get_attr (self, TPT_A_TARGET);
  if (tpt_artefact_kind_get_target_type (artefact) == G_TYPE_NONE)
    {
      if (target != NULL)
        {
          /* Translators: the first %s is a slide's id, the second what it
           * shows as the file names it (cover, needs-matrix or coverage),
           * the third an attribute name. */
          fail (self, frame->line, TPT_ERROR_INVALID,
                _("Slide “%s” shows the %s, which takes no “%s” attribute"),
                id, artefact_text, TPT_A_TARGET);
          return;
        }
    }
  else if ((target = require_attr (self, TPT_E_SLIDE, TPT_A_TARGET, frame->line)) == NULL ||
           !check_id_syntax (self, target, frame->line))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (region_names); i++)
    {
      const char *text = get_attr (self, region_names[i]);

      if (text == NULL)
        continue;
      if (!parse_coordinate (self, region_names[i], text, i < 2 ? -TPT_SLIDE_MAX_COORDINATE : 0,
                             &region[i], frame->line))
        return;
      n_region++;
    }
  if (n_region != 0 && n_region != G_N_ELEMENTS (region_names))
    {
      fail (self, frame->line, TPT_ERROR_INVALID,
            _("Slide “%s” has part of a region; give all of x, y, width and height, or none "
              "to show the whole artefact"), id);
      return;
    }

  slide = TPT_SLIDE (new_node (self, TPT_TYPE_SLIDE, id, frame->line));
  g_ptr_array_add (self->slides, slide);
  tpt_slide_set_reference (slide, artefact, target);
  if (n_region > 0)
    tpt_slide_set_region (slide, region[0], region[1], region[2], region[3]);
  frame->node = TPT_NODE (slide);
}

static void
start_leaf (Loader *self,
            Frame  *frame)
{
  g_string_truncate (self->text, 0);
  g_clear_pointer (&self->leaf_attr, g_free);

  if (frame->el == EL_PERSONA_PHOTO)
    {
      const char *type = require_attr (self, TPT_E_PHOTO, TPT_A_TYPE, frame->line);

      if (type == NULL)
        return;
      if (g_strcmp0 (type, TPT_PHOTO_TYPE_PNG) != 0 && g_strcmp0 (type, TPT_PHOTO_TYPE_JPEG) != 0)
        {
          g_autofree char *quoted = shorten (type);

          fail (self, frame->line, TPT_ERROR_BAD_PHOTO,
                _("The photo of persona “%s” has the type “%s”; photos must be image/png or "
                  "image/jpeg"),
                tpt_node_get_id (TPT_NODE (self->persona)), quoted);
          return;
        }
      self->leaf_attr = g_strdup (type);
    }
  else if (frame->el == EL_PERSONA_FACT)
    {
      const char *label = require_attr (self, TPT_E_FACT, TPT_A_LABEL, frame->line);

      if (label == NULL)
        return;
      self->leaf_attr = g_strdup (label);
    }
}

/* Starts an element whose attributes are in self->attr_names and
 * self->attr_values. */
static void
start_element (Loader     *self,
               const char *name,
               int         line)
{
  Frame *frame;
  El el;

  if (++self->n_elements > TPT_MAX_ELEMENTS)
    {
      fail (self, line, TPT_ERROR_TOO_LARGE,
            _("The file has more than %d elements, the most Touchpoint opens"),
            TPT_MAX_ELEMENTS);
      return;
    }
  if (self->depth >= TPT_MAX_DEPTH)
    {
      fail (self, line, TPT_ERROR_TOO_LARGE,
            _("Elements are nested more than %d deep"), TPT_MAX_DEPTH);
      return;
    }

  if (self->depth == 0)
    {
      if (strcmp (name, TPT_E_TOUCHPOINT) != 0)
        {
          fail (self, line, TPT_ERROR_NOT_TOUCHPOINT,
                _("This is not a Touchpoint document: its root element is <%s>, "
                  "not <%s>"), name, TPT_E_TOUCHPOINT);
          return;
        }
      if (!check_format (self, line))
        return;
      el = EL_TOUCHPOINT;
    }
  else
    {
      el = find_child (self, &self->stack[self->depth - 1], name, line);
      if (el == EL_NONE)
        return;
    }

  if (!check_attributes (self, el, line))
    return;

  frame = &self->stack[self->depth++];
  memset (frame, 0, sizeof *frame);
  frame->el = el;
  frame->line = line;
  frame->last_rank = -1;

  switch (el)
    {
    case EL_PERSONA:   start_persona (self, frame); break;
    case EL_NEED:      start_need (self, frame); break;
    case EL_RATING:    start_rating (self, frame); break;
    case EL_BLUEPRINT: start_blueprint (self, frame); break;
    case EL_LANE:      start_lane (self, frame); break;
    case EL_STAGE:     start_stage (self, frame); break;
    case EL_STEP:      start_step (self, frame); break;
    case EL_CARD:      start_card (self, frame); break;
    case EL_FLOW:      start_flow (self, frame); break;
    case EL_EMOTION:   start_emotion (self, frame); break;
    case EL_SLIDE:     start_slide (self, frame); break;
    default:
      if (rules[el].text)
        start_leaf (self, frame);
      break;
    }
}

/* Ending elements ----------------------------------------------------------- */

static void
end_photo (Loader *self,
           Frame  *frame)
{
  const char *persona_id = tpt_node_get_id (TPT_NODE (self->persona));
  g_autoptr(GBytes) photo = NULL;

  photo = decode_base64 (self, self->text->str, self->text->len, persona_id, frame->line);
  if (photo == NULL)
    return;

  check_photo (self, photo, self->leaf_attr, persona_id, frame->line);
  if (self->error != NULL)
    return;

  tpt_persona_set_photo (self->persona, photo, self->leaf_attr);
}

static void
end_leaf (Loader *self,
          Frame  *frame)
{
  TptNode *parent = self->stack[self->depth - 2].node;
  const char *text = self->text->str;

  switch (frame->el)
    {
    case EL_META_TITLE:
      tpt_document_set_title (self->document, text);
      break;
    case EL_META_AUTHOR:
      tpt_document_set_author (self->document, text);
      break;
    case EL_META_DESCRIPTION:
      tpt_document_set_description (self->document, text);
      break;

    case EL_PERSONA_NAME:
      tpt_persona_set_name (TPT_PERSONA (parent), text);
      break;
    case EL_PERSONA_ROLE:
      tpt_persona_set_role (TPT_PERSONA (parent), text);
      break;
    case EL_PERSONA_SEGMENT:
      tpt_persona_set_segment (TPT_PERSONA (parent), text);
      break;
    case EL_PERSONA_QUOTE:
      tpt_persona_set_quote (TPT_PERSONA (parent), text);
      break;
    case EL_PERSONA_PHOTO:
      end_photo (self, frame);
      break;
    case EL_PERSONA_GOAL:
    case EL_PERSONA_FRUSTRATION:
    case EL_PERSONA_BEHAVIOUR:
    case EL_PERSONA_CHANNEL:
      g_ptr_array_add (self->lists[frame->el - EL_PERSONA_GOAL], g_strdup (text));
      break;
    case EL_PERSONA_FACT:
      {
        TptFact *fact = TPT_FACT (new_node (self, TPT_TYPE_FACT, NULL, frame->line));

        tpt_fact_set_label (fact, self->leaf_attr);
        tpt_fact_set_value (fact, text);
        append_child (parent, tpt_persona_get_facts (TPT_PERSONA (parent)), TPT_NODE (fact));
        g_object_unref (fact);
      }
      break;

    case EL_NEED_TITLE:
      tpt_need_set_title (TPT_NEED (parent), text);
      break;
    case EL_NEED_DESCRIPTION:
      tpt_need_set_description (TPT_NEED (parent), text);
      break;

    case EL_BLUEPRINT_TITLE:
      tpt_blueprint_set_title (TPT_BLUEPRINT (parent), text);
      break;
    case EL_LANE_TITLE:
      tpt_lane_set_title (TPT_LANE (parent), text);
      break;
    case EL_STAGE_TITLE:
      tpt_stage_set_title (TPT_STAGE (parent), text);
      break;
    case EL_STEP_TITLE:
      tpt_step_set_title (TPT_STEP (parent), text);
      break;

    case EL_CARD_TEXT:
      tpt_card_set_text (TPT_CARD (parent), text);
      break;

    case EL_SLIDE_TITLE:
      tpt_slide_set_title (TPT_SLIDE (parent), text);
      break;
    case EL_SLIDE_NOTES:
      tpt_slide_set_notes (TPT_SLIDE (parent), text);
      break;
    case EL_CARD_SERVES:
    case EL_CARD_CONCERNS:
      {
        g_auto(GStrv) ids = parse_id_list (self, rules[frame->el].name, text, frame->line);

        if (ids == NULL)
          break;
        if (frame->el == EL_CARD_SERVES)
          tpt_card_set_serves (TPT_CARD (parent), (const char * const *)ids);
        else
          tpt_card_set_concerns (TPT_CARD (parent), (const char * const *)ids);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
end_element (Loader *self)
{
  Frame *frame;
  const Rule *rule;

  g_assert (self->depth > 0);

  frame = &self->stack[self->depth - 1];
  rule = &rules[frame->el];

  for (guint rank = 0; rule->children[rank].el != EL_NONE; rank++)
    if (frame->counts[rank] < rule->children[rank].min)
      {
        fail (self, frame->line, TPT_ERROR_INVALID,
              _("Element <%s> has no <%s>"), rule->name, rules[rule->children[rank].el].name);
        return;
      }

  if (rule->text)
    end_leaf (self, frame);
  else if (frame->el == EL_PERSONA)
    end_persona (self);
  else if (frame->el == EL_BLUEPRINT)
    self->blueprint = NULL;
  else if (frame->el == EL_STAGE)
    self->stage = NULL;

  self->depth--;
}

/* Takes a piece of text; libxml2 may cut one text into several. */
static void
text_node (Loader     *self,
           const char *text,
           gsize       len)
{
  Frame *frame;

  if (self->depth == 0)
    return;

  frame = &self->stack[self->depth - 1];
  if (rules[frame->el].text)
    {
      g_string_append_len (self->text, text, len);
      return;
    }

  for (gsize i = 0; i < len; i++)
    if (!is_xml_space (text[i]))
      {
        g_autofree char *rest = g_utf8_make_valid (text + i, MIN (len - i, 120));
        g_autofree char *excerpt = g_utf8_substring (rest, 0, MIN (g_utf8_strlen (rest, -1), 30));
        int line = xmlSAX2GetLineNumber (self->ctxt);

        /* The parser is at the end of the text; count back to the line of
         * its first word. */
        for (gsize j = i; j < len; j++)
          if (text[j] == '\n')
            line--;
        line = MAX (line, frame->line);

        g_strstrip (excerpt);
        fail (self, line, TPT_ERROR_INVALID,
              _("Element <%s> holds only elements, but has the text “%s” in it"),
              rules[frame->el].name, excerpt);
        return;
      }
}

/* References ----------------------------------------------------------------- */

typedef enum
{
  HOLDER_RATING,
  HOLDER_BLUEPRINT,
  HOLDER_LANE,
  HOLDER_CARD,
  HOLDER_FLOW,
  HOLDER_EMOTION,
  HOLDER_SLIDE,
} Holder;

static char *
describe_holder (Holder      holder,
                 TptNode    *node)
{
  const char *id = tpt_node_get_id (node);

  switch (holder)
    {
    case HOLDER_RATING:    return g_strdup (_("A rating"));
    case HOLDER_BLUEPRINT: return g_strdup_printf (_("Blueprint “%s”"), id);
    case HOLDER_LANE:      return g_strdup_printf (_("Lane “%s”"), id);
    case HOLDER_CARD:      return g_strdup_printf (_("Card “%s”"), id);
    case HOLDER_FLOW:      return g_strdup_printf (_("Flow “%s”"), id);
    case HOLDER_EMOTION:   return g_strdup (_("An emotion point"));
    case HOLDER_SLIDE:     return g_strdup_printf (_("Slide “%s”"), id);
    default:               g_assert_not_reached ();
    }
}

/* Checks that @id names a node of @type, in @blueprint unless that is NULL.
 * @role is an untranslated noun ("lane") for the message. */
static TptNode *
resolve (Loader       *self,
         Holder        holder,
         TptNode      *node,
         const char   *role,
         const char   *id,
         GType         type,
         TptBlueprint *blueprint)
{
  IdEntry *entry = g_hash_table_lookup (self->ids, id);
  g_autofree char *who = NULL;

  if (entry != NULL && G_TYPE_CHECK_INSTANCE_TYPE (entry->node, type) &&
      (blueprint == NULL || entry->blueprint == blueprint))
    return entry->node;

  who = describe_holder (holder, node);
  if (entry == NULL)
    fail (self, line_of (self, node), TPT_ERROR_BROKEN_REFERENCE,
          _("%s refers to %s “%s”, which does not exist"), who, _(role), id);
  else if (!G_TYPE_CHECK_INSTANCE_TYPE (entry->node, type))
    fail (self, line_of (self, node), TPT_ERROR_BROKEN_REFERENCE,
          _("%s refers to %s “%s”, but “%s” is not a %s"), who, _(role), id, id, _(role));
  else
    fail (self, line_of (self, node), TPT_ERROR_BROKEN_REFERENCE,
          _("%s refers to %s “%s”, which is in another blueprint"), who, _(role), id);
  return NULL;
}

static gboolean
resolve_list (Loader             *self,
              TptNode            *node,
              const char         *role,
              const char * const *ids,
              GType               type)
{
  for (guint i = 0; ids[i] != NULL; i++)
    if (resolve (self, HOLDER_CARD, node, role, ids[i], type, NULL) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
resolve_ratings (Loader *self)
{
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < self->ratings->len; i++)
    {
      TptRating *rating = g_ptr_array_index (self->ratings, i);
      const char *persona_id = tpt_rating_get_persona (rating);
      const char *need_id = tpt_rating_get_need (rating);

      if (resolve (self, HOLDER_RATING, TPT_NODE (rating), N_("persona"), persona_id,
                   TPT_TYPE_PERSONA, NULL) == NULL ||
          resolve (self, HOLDER_RATING, TPT_NODE (rating), N_("need"), need_id,
                   TPT_TYPE_NEED, NULL) == NULL)
        return FALSE;

      /* Ids cannot hold spaces, so a space separates them unambiguously. */
      if (!g_hash_table_add (cells, g_strconcat (persona_id, " ", need_id, NULL)))
        {
          fail (self, line_of (self, TPT_NODE (rating)), TPT_ERROR_INVALID,
                _("Persona “%s” rates need “%s” more than once"), persona_id, need_id);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
resolve_blueprint (Loader       *self,
                   TptBlueprint *blueprint)
{
  TptNode *node = TPT_NODE (blueprint);
  const char *based_on = tpt_blueprint_get_based_on (blueprint);
  g_autoptr(GPtrArray) steps = tpt_blueprint_list_steps (blueprint);
  g_autoptr(GHashTable) step_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) cells = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *lanes = tpt_blueprint_get_lanes (blueprint);
  GListModel *cards = tpt_blueprint_get_cards (blueprint);
  GListModel *flows = tpt_blueprint_get_flows (blueprint);
  GListModel *emotions = tpt_blueprint_get_emotions (blueprint);
  guint n;

  if (based_on[0] != '\0')
    {
      if (resolve (self, HOLDER_BLUEPRINT, node, N_("blueprint"), based_on,
                   TPT_TYPE_BLUEPRINT, NULL) == NULL)
        return FALSE;
      if (strcmp (based_on, tpt_node_get_id (node)) == 0)
        {
          fail (self, line_of (self, node), TPT_ERROR_BROKEN_REFERENCE,
                _("Blueprint “%s” is based on itself"), based_on);
          return FALSE;
        }
    }

  for (guint i = 0; i < steps->len; i++)
    g_hash_table_insert (step_index, (gpointer)tpt_node_get_id (g_ptr_array_index (steps, i)),
                         GUINT_TO_POINTER (i));

  n = g_list_model_get_n_items (lanes);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptLane) lane = g_list_model_get_item (lanes, i);
      const char *persona_id = tpt_lane_get_persona (lane);

      if (persona_id[0] != '\0' &&
          resolve (self, HOLDER_LANE, TPT_NODE (lane), N_("persona"), persona_id,
                   TPT_TYPE_PERSONA, NULL) == NULL)
        return FALSE;
    }

  n = g_list_model_get_n_items (cards);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (cards, i);
      guint index;

      if (resolve (self, HOLDER_CARD, TPT_NODE (card), N_("lane"), tpt_card_get_lane (card),
                   TPT_TYPE_LANE, blueprint) == NULL ||
          resolve (self, HOLDER_CARD, TPT_NODE (card), N_("step"), tpt_card_get_step (card),
                   TPT_TYPE_STEP, blueprint) == NULL ||
          !resolve_list (self, TPT_NODE (card), N_("need"), tpt_card_get_serves (card),
                         TPT_TYPE_NEED) ||
          !resolve_list (self, TPT_NODE (card), N_("persona"), tpt_card_get_concerns (card),
                         TPT_TYPE_PERSONA))
        return FALSE;

      index = GPOINTER_TO_UINT (g_hash_table_lookup (step_index, tpt_card_get_step (card)));
      if (index + (guint)tpt_card_get_span (card) > steps->len)
        {
          fail (self, line_of (self, TPT_NODE (card)), TPT_ERROR_INVALID,
                _("Card “%s” spans %d steps from step “%s”, past the last step of its "
                  "blueprint"),
                tpt_node_get_id (TPT_NODE (card)), tpt_card_get_span (card),
                tpt_card_get_step (card));
          return FALSE;
        }
    }

  n = g_list_model_get_n_items (flows);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptFlow) flow = g_list_model_get_item (flows, i);

      if (resolve (self, HOLDER_FLOW, TPT_NODE (flow), N_("card"), tpt_flow_get_from (flow),
                   TPT_TYPE_CARD, blueprint) == NULL ||
          resolve (self, HOLDER_FLOW, TPT_NODE (flow), N_("card"), tpt_flow_get_to (flow),
                   TPT_TYPE_CARD, blueprint) == NULL)
        return FALSE;

      if (strcmp (tpt_flow_get_from (flow), tpt_flow_get_to (flow)) == 0)
        {
          fail (self, line_of (self, TPT_NODE (flow)), TPT_ERROR_INVALID,
                _("Flow “%s” goes from card “%s” to itself"),
                tpt_node_get_id (TPT_NODE (flow)), tpt_flow_get_from (flow));
          return FALSE;
        }
    }

  n = g_list_model_get_n_items (emotions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptEmotion) emotion = g_list_model_get_item (emotions, i);
      const char *lane_id = tpt_emotion_get_lane (emotion);
      const char *step_id = tpt_emotion_get_step (emotion);

      if (resolve (self, HOLDER_EMOTION, TPT_NODE (emotion), N_("lane"), lane_id,
                   TPT_TYPE_LANE, blueprint) == NULL ||
          resolve (self, HOLDER_EMOTION, TPT_NODE (emotion), N_("step"), step_id,
                   TPT_TYPE_STEP, blueprint) == NULL)
        return FALSE;

      if (!g_hash_table_add (cells, g_strconcat (lane_id, " ", step_id, NULL)))
        {
          fail (self, line_of (self, TPT_NODE (emotion)), TPT_ERROR_INVALID,
                _("Lane “%s” has more than one emotion point at step “%s”"), lane_id, step_id);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
resolve_slides (Loader *self)
{
  /* The nouns for the messages, by artefact. */
  static const char * const roles[] = {
    [TPT_ARTEFACT_BLUEPRINT] = N_("blueprint"),
    /* Translators: a stage of a blueprint, as in "Slide “sl2” refers to
     * stage “s9”, which does not exist". */
    [TPT_ARTEFACT_STAGE] = N_("stage"),
    [TPT_ARTEFACT_PERSONA] = N_("persona"),
    [TPT_ARTEFACT_CASE_FOR_CHANGE] = N_("blueprint"),
  };

  for (guint i = 0; i < self->slides->len; i++)
    {
      TptSlide *slide = g_ptr_array_index (self->slides, i);
      TptArtefactKind  artefact = tpt_slide_get_artefact (slide);
      GType type = tpt_artefact_kind_get_target_type (artefact);

      if (type != G_TYPE_NONE &&
          resolve (self, HOLDER_SLIDE, TPT_NODE (slide), roles[artefact],
                   tpt_slide_get_target (slide), type, NULL) == NULL)
        return FALSE;
    }

  return TRUE;
}

static gboolean
resolve_all (Loader *self)
{
  if (!resolve_ratings (self))
    return FALSE;

  for (guint i = 0; i < self->blueprints->len; i++)
    if (!resolve_blueprint (self, g_ptr_array_index (self->blueprints, i)))
      return FALSE;

  if (!resolve_slides (self))
    return FALSE;

  return TRUE;
}

/* Puts everything that was read into the document, which registers the ids. */
static void
attach_all (Loader *self)
{
  TptNode *root = TPT_NODE (self->document);
  GPtrArray *lists[] = {
    self->personas, self->needs, self->ratings, self->blueprints, self->slides,
  };
  GListModel *stores[] = {
    tpt_document_get_personas (self->document),
    tpt_document_get_needs (self->document),
    tpt_document_get_ratings (self->document),
    tpt_document_get_blueprints (self->document),
    tpt_document_get_slides (self->document),
  };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      tpt_node_insert_child_raw (root, G_LIST_STORE (stores[l]), i,
                                 g_ptr_array_index (lists[l], i));
}

/* Reading ---------------------------------------------------------------------- */

static void
loader_init (Loader *self)
{
  memset (self, 0, sizeof *self);
  self->document = tpt_document_new ();
  self->personas = g_ptr_array_new_with_free_func (g_object_unref);
  self->needs = g_ptr_array_new_with_free_func (g_object_unref);
  self->ratings = g_ptr_array_new_with_free_func (g_object_unref);
  self->blueprints = g_ptr_array_new_with_free_func (g_object_unref);
  self->slides = g_ptr_array_new_with_free_func (g_object_unref);
  self->ids = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->lines = g_hash_table_new (NULL, NULL);
  self->text = g_string_new (NULL);
  for (guint i = 0; i < N_LISTS; i++)
    self->lists[i] = g_ptr_array_new_with_free_func (g_free);
}

static void
loader_clear (Loader *self)
{
  clear_attributes (self);
  if (self->ctxt != NULL && self->ctxt->myDoc != NULL)
    g_clear_pointer (&self->ctxt->myDoc, xmlFreeDoc);
  g_clear_pointer (&self->ctxt, xmlFreeParserCtxt);
  /* The tables borrow ids and nodes, so they go before the nodes. */
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->lines, g_hash_table_unref);
  g_clear_pointer (&self->personas, g_ptr_array_unref);
  g_clear_pointer (&self->needs, g_ptr_array_unref);
  g_clear_pointer (&self->ratings, g_ptr_array_unref);
  g_clear_pointer (&self->blueprints, g_ptr_array_unref);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_string_free (self->text, TRUE);
  g_clear_pointer (&self->leaf_attr, g_free);
  for (guint i = 0; i < N_LISTS; i++)
    g_clear_pointer (&self->lists[i], g_ptr_array_unref);
  g_clear_error (&self->error);
}

/* SAX callbacks ----------------------------------------------------------------- */

/* Stops libxml2 as soon as we have an error, so nothing after it is read. */
static void
stop_on_error (Loader *self)
{
  if (self->error != NULL)
    xmlStopParser (self->ctxt);
}

/* Without entity substitution, libxml2 hands over attribute values with every
 * "&" written as "&#38;" (so that a tree builder could parse them again) and
 * everything else decoded; this undoes that. */
static char *
decode_attribute (const xmlChar *value,
                  const xmlChar *end)
{
  gsize len = end - value;
  char *out = g_malloc (len + 1);
  gsize n = 0;

  for (gsize i = 0; i < len; i++)
    {
      out[n++] = (char)value[i];
      if (value[i] == '&' && i + 5 <= len && memcmp (value + i + 1, "#38;", 4) == 0)
        i += 4;
    }
  out[n] = '\0';

  return out;
}

static gboolean
add_attribute (Loader     *self,
               const char *element,
               char       *name,
               char       *value,
               int         line)
{
  if (self->n_attrs == MAX_TAG_ATTRIBUTES)
    {
      fail (self, line, TPT_ERROR_INVALID,
            _("Element <%s> has more than %d attributes"), element, MAX_TAG_ATTRIBUTES);
      g_free (name);
      g_free (value);
      return FALSE;
    }

  /* Likewise for attribute names. */
  if (strlen (name) > 40)
    {
      char *short_name = shorten (name);

      g_free (name);
      name = short_name;
    }

  self->attr_names[self->n_attrs] = name;
  self->attr_values[self->n_attrs] = value;
  self->n_attrs++;
  return TRUE;
}

static void
start_element_ns_cb (void           *user_data,
                     const xmlChar  *localname,
                     const xmlChar  *prefix,
                     const xmlChar  *uri,
                     int             n_namespaces,
                     const xmlChar **namespaces,
                     int             n_attributes,
                     int             n_defaulted,
                     const xmlChar **attributes)
{
  Loader *self = user_data;
  g_autofree char *qname = NULL;
  const char *name = (const char *)localname;
  int line;

  if (self->error != NULL)
    return;

  line = xmlSAX2GetLineNumber (self->ctxt);
  if (prefix != NULL)
    name = qname = g_strconcat ((const char *)prefix, ":", (const char *)localname, NULL);
  /* No element of ours has a long name; a long one only goes into a message. */
  if (strlen (name) > 40)
    {
      char *short_name = shorten (name);

      g_free (qname);
      name = qname = short_name;
    }

  /* The format has no namespaces, so a declaration is just an attribute
   * that no element allows. */
  clear_attributes (self);
  for (int i = 0; i < n_namespaces; i++)
    {
      const char *ns_prefix = (const char *)namespaces[2 * i];
      const char *ns_uri = (const char *)namespaces[2 * i + 1];

      if (!add_attribute (self, name,
                          ns_prefix != NULL ? g_strconcat ("xmlns:", ns_prefix, NULL)
                                            : g_strdup ("xmlns"),
                          g_strdup (ns_uri != NULL ? ns_uri : ""), line))
        goto out;
    }
  for (int i = 0; i < n_attributes; i++)
    {
      const xmlChar **attribute = attributes + 5 * i;
      char *attr_name = attribute[1] != NULL
        ? g_strconcat ((const char *)attribute[1], ":", (const char *)attribute[0], NULL)
        : g_strdup ((const char *)attribute[0]);

      if (!add_attribute (self, name, attr_name, decode_attribute (attribute[3], attribute[4]), line))
        goto out;
    }

  if (self->depth == 0 &&
      g_strcmp0 ((const char *)self->ctxt->version, "1.0") != 0)
    fail (self, 1, TPT_ERROR_MALFORMED, _("Touchpoint files are XML version 1.0"));
  else
    start_element (self, name, line);

out:
  clear_attributes (self);
  stop_on_error (self);
}

static void
end_element_ns_cb (void          *user_data,
                   const xmlChar *localname,
                   const xmlChar *prefix,
                   const xmlChar *uri)
{
  Loader *self = user_data;

  if (self->error != NULL)
    return;

  end_element (self);
  stop_on_error (self);
}

/* Text, white space and CDATA sections alike. */
static void
characters_cb (void          *user_data,
               const xmlChar *text,
               int            len)
{
  Loader *self = user_data;

  if (self->error != NULL || len <= 0)
    return;

  text_node (self, (const char *)text, (gsize)len);
  stop_on_error (self);
}

/* check_prolog() refuses document type declarations before parsing; these
 * make sure that nothing from one is ever used if it were seen anyway. */
static void
internal_subset_cb (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  Loader *self = user_data;

  fail (self, xmlSAX2GetLineNumber (self->ctxt), TPT_ERROR_FORBIDDEN,
        _("Document type declarations are not allowed"));
  xmlStopParser (self->ctxt);
}

static void
entity_decl_cb (void          *user_data,
                const xmlChar *name,
                int            type,
                const xmlChar *public_id,
                const xmlChar *system_id,
                xmlChar       *content)
{
  Loader *self = user_data;

  fail (self, xmlSAX2GetLineNumber (self->ctxt), TPT_ERROR_FORBIDDEN,
        _("Document type declarations are not allowed"));
  xmlStopParser (self->ctxt);
}

static xmlParserInputPtr
resolve_entity_cb (void          *user_data,
                   const xmlChar *public_id,
                   const xmlChar *system_id)
{
  /* Never load anything from anywhere. */
  return NULL;
}

static void
parse (Loader     *self,
       const char *data,
       gsize       size)
{
  static gsize initialized;
  xmlSAXHandler sax;

  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }

  /* Only what we handle is set: no document is built, entities are never
   * looked up or resolved, comments and processing instructions are
   * dropped, and errors come to us rather than going to stderr. */
  memset (&sax, 0, sizeof sax);
  sax.initialized = XML_SAX2_MAGIC;
  sax.startElementNs = start_element_ns_cb;
  sax.endElementNs = end_element_ns_cb;
  sax.characters = characters_cb;
  sax.ignorableWhitespace = characters_cb;
  sax.cdataBlock = characters_cb;
  sax.internalSubset = internal_subset_cb;
  sax.externalSubset = internal_subset_cb;
  sax.entityDecl = entity_decl_cb;
  sax.resolveEntity = resolve_entity_cb;
  sax.serror = structured_error_cb;

  /* libxml2 parses the whole buffer in one pass (pull mode). Its push mode,
   * which xmlTextReader uses, takes quadratic time on long tags, comments
   * and CDATA sections in libxml2 2.9, a denial of service.
   *
   * No XML_PARSE_NOENT (substitution), XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR
   * or XML_PARSE_XINCLUDE. XML_PARSE_HUGE lifts libxml2's limit on the
   * length of one text node (10 MB), which a photo near our own cap needs;
   * our caps on size, depth and element count apply instead. */
  self->ctxt = xmlCreateMemoryParserCtxt (data, (int)size);
  if (self->ctxt == NULL)
    {
      fail (self, 0, TPT_ERROR_MALFORMED, _("The file could not be read as XML"));
      return;
    }
  xmlCtxtUseOptions (self->ctxt,
                     XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_IGNORE_ENC |
                     XML_PARSE_HUGE);
  memcpy (self->ctxt->sax, &sax, sizeof sax);
  self->ctxt->userData = self;

  xmlParseDocument (self->ctxt);

  if (self->error == NULL && !self->ctxt->wellFormed)
    fail (self, xmlSAX2GetLineNumber (self->ctxt), TPT_ERROR_MALFORMED,
          _("The file is not well-formed XML"));
}

/**
 * tpt_document_load_bytes:
 * @bytes: the contents of a .touchpoint file
 * @error: return location for a #TPT_ERROR
 *
 * Reads a document, strictly: anything the format does not allow, any
 * reference that does not resolve and anything over the caps in
 * tpt-format.h is an error, whose line tpt_error_get_line() gives. No DTD,
 * entity, XInclude or network access is ever processed.
 *
 * Returns: (transfer full) (nullable): the document, with a clean history,
 *   or %NULL and @error set
 */
TptDocument *
tpt_document_load_bytes (GBytes  *bytes,
                         GError **error)
{
  Loader self;
  const char *data;
  gsize size;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  data = g_bytes_get_data (bytes, &size);

  loader_init (&self);
  tpt_document_set_loading (self.document, TRUE);

  if (size > TPT_MAX_FILE_SIZE)
    fail (&self, 0, TPT_ERROR_TOO_LARGE,
          _("The file is larger than %d MB, the most Touchpoint opens"),
          TPT_MAX_FILE_SIZE / (1024 * 1024));
  else if (size == 0)
    fail (&self, 1, TPT_ERROR_MALFORMED, _("The file is empty"));
  else if (check_utf8 (&self, data, size) &&
           check_prolog (&self, data, size) &&
           check_tags (&self, data, size))
    parse (&self, data, size);

  if (self.error == NULL)
    resolve_all (&self);

  if (self.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self.error));
      loader_clear (&self);
      return NULL;
    }

  attach_all (&self);
  tpt_document_set_loading (self.document, FALSE);
  tpt_history_clear (tpt_document_get_history (self.document));

  {
    TptDocument *document = g_steal_pointer (&self.document);

    loader_clear (&self);
    return document;
  }
}

/**
 * tpt_document_load_file:
 * @file: a .touchpoint file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #TPT_ERROR
 *
 * Reads @file, refusing it before reading if it is over TPT_MAX_FILE_SIZE,
 * and loads it with tpt_document_load_bytes().
 *
 * Returns: (transfer full) (nullable): the document, or %NULL and @error set
 */
TptDocument *
tpt_document_load_file (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = NULL;
  g_autofree guint8 *buffer = NULL;
  gsize capacity;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_get_parse_name (file);

  stream = g_file_read (file, cancellable, &local_error);
  if (stream != NULL)
    info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                           cancellable, &local_error);
  if (info == NULL)
    {
      g_set_error (error, TPT_ERROR, TPT_ERROR_IO,
                   _("Could not open “%s”: %s"), name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_size (info) > TPT_MAX_FILE_SIZE)
    {
      g_set_error (error, TPT_ERROR, TPT_ERROR_TOO_LARGE,
                   _("“%s” is larger than %d MB, the most Touchpoint opens"),
                   name, TPT_MAX_FILE_SIZE / (1024 * 1024));
      return NULL;
    }

  /* The size is a hint (files grow, and some report 0), so the reading is
   * capped too: one byte over the cap is enough to know. */
  capacity = MAX (g_file_info_get_size (info), 4096);
  capacity = MIN (capacity + 1, (gsize)TPT_MAX_FILE_SIZE + 1);
  buffer = g_malloc (capacity);

  for (;;)
    {
      gsize n_read = 0;

      if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer + length,
                                    capacity - length, &n_read, cancellable, &local_error))
        {
          g_set_error (error, TPT_ERROR, TPT_ERROR_IO,
                       _("Could not read “%s”: %s"), name, local_error->message);
          return NULL;
        }
      length += n_read;

      if (length > TPT_MAX_FILE_SIZE)
        {
          g_set_error (error, TPT_ERROR, TPT_ERROR_TOO_LARGE,
                       _("“%s” is larger than %d MB, the most Touchpoint opens"),
                       name, TPT_MAX_FILE_SIZE / (1024 * 1024));
          return NULL;
        }
      if (length < capacity)
        break;

      capacity = MIN (capacity * 2, (gsize)TPT_MAX_FILE_SIZE + 1);
      buffer = g_realloc (buffer, capacity);
    }

  bytes = g_bytes_new_take (g_steal_pointer (&buffer), length);
  return tpt_document_load_bytes (bytes, error);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  TptDocument *document = tpt_document_load_file (task_data, cancellable, &error);

  if (document == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, document, g_object_unref);
}

/**
 * tpt_document_load_file_async:
 * @file: a .touchpoint file
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the document is read
 * @user_data: for @callback
 *
 * Reads and loads @file as tpt_document_load_file() does, in a worker
 * thread, so a big file or a slow shared drive does not stop the window.
 * The document is made there and handed over whole; nothing else sees it
 * before tpt_document_load_file_finish() returns it on the caller's
 * thread.
 */
void
tpt_document_load_file_async (GFile               *file,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, tpt_document_load_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

/**
 * tpt_document_load_file_finish:
 * @result: the result given to the callback
 * @error: return location for a #TPT_ERROR
 *
 * Returns: (transfer full) (nullable): the document, or %NULL and @error set
 */
TptDocument *
tpt_document_load_file_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
