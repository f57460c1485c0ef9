/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-inspector"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "tpt-inspector.h"

#include "tpt-duration-label.h"
#include "tpt-enum-types.h"
#include "tpt-format.h"
#include "tpt-kpi-pill.h"
#include "tpt-photo-import.h"
#include "tpt-slide-edits.h"
#include "tpt-values.h"

#include <string.h>

/* The inspector: every field of the selected node, editable. It is built
 * from the node's own list of fields (TptNodeClass), so a field added to
 * the model shows up here; what it needs to know per field is only a label
 * and how to edit it. Each commit is one labelled undo step; text commits
 * on Enter or when the editor loses focus, never per keystroke. */

/* Photos larger than this a side are scaled down before they are embedded:
 * a persona card shows them a few centimetres wide. */

typedef enum
{
  EDIT_LINE,      /* one line of text */
  EDIT_TEXT,      /* several lines */
  EDIT_LIST,      /* a list of strings, one per line */
  EDIT_ENUM,
  EDIT_INT,
  EDIT_COLOR,
  EDIT_DURATION,
  EDIT_NUMBER,    /* a number, kept as typed once it reads as one */
  EDIT_UNIT,      /* a metric's unit, kept as typed while it is short */
  EDIT_PERSONA,   /* the id of a persona, or none */
  EDIT_NEEDS,     /* ids of needs */
  EDIT_PERSONAS,  /* ids of personas */
  EDIT_PHOTO,
  EDIT_READ_ONLY, /* structure, changed on the canvas */
  EDIT_SLIDE_SHOWS,  /* what a slide shows */
  EDIT_SLIDE_REGION, /* the part of it, which can be cleared */
  EDIT_HIDDEN,
} EditKind;

typedef struct
{
  const char *name;
  const char *label;
  EditKind    kind;
} FieldInfo;

/* Fields by name; a name means the same in every node that has it, except
 * where the type is given first ("TptLane:persona"). */
static const FieldInfo field_infos[] = {
  { "title", N_("Title"), EDIT_LINE },
  { "author", N_("Author"), EDIT_LINE },
  { "description", N_("Description"), EDIT_TEXT },
  { "text", N_("Text"), EDIT_TEXT },
  { "name", N_("Name"), EDIT_LINE },
  { "role", N_("Role"), EDIT_LINE },
  { "segment", N_("Segment"), EDIT_LINE },
  { "quote", N_("Quote"), EDIT_TEXT },
  { "goals", N_("Goals"), EDIT_LIST },
  { "frustrations", N_("Frustrations"), EDIT_LIST },
  { "behaviours", N_("Behaviours"), EDIT_LIST },
  { "channels", N_("Channels"), EDIT_LIST },
  { "color", N_("Colour"), EDIT_COLOR },
  { "photo", N_("Photo"), EDIT_PHOTO },
  { "photo-type", NULL, EDIT_HIDDEN },
  { "owner", N_("Owner"), EDIT_LINE },
  { "channel", N_("Channel"), EDIT_LINE },
  { "kind", N_("Kind"), EDIT_ENUM },
  { "office", N_("Office"), EDIT_ENUM },
  { "state", N_("State"), EDIT_ENUM },
  { "arrow", N_("Arrow Heads"), EDIT_ENUM },
  { "span", N_("Spans Steps"), EDIT_INT },
  { "importance", N_("Importance"), EDIT_INT },
  { "satisfaction", N_("Satisfaction"), EDIT_INT },
  { "value", N_("Value"), EDIT_LINE },
  { "label", N_("Label"), EDIT_LINE },
  { "duration", N_("Duration"), EDIT_DURATION },
  /* A metric card's target and a step's service level. */
  { "TptCard:target", N_("Target"), EDIT_NUMBER },
  { "TptCard:actual", N_("Actual Value"), EDIT_NUMBER },
  { "TptCard:unit", N_("Unit"), EDIT_UNIT },
  { "TptCard:direction", N_("Better When"), EDIT_ENUM },
  { "TptCard:source", N_("Source"), EDIT_ENUM },
  { "TptStep:target", N_("Time Target"), EDIT_DURATION },
  { "serves", N_("Serves Needs"), EDIT_NEEDS },
  { "concerns", N_("Concerns Personas"), EDIT_PERSONAS },
  { "TptLane:persona", N_("Emotions Of"), EDIT_PERSONA },
  { "persona", N_("Persona"), EDIT_READ_ONLY },
  { "need", N_("Need"), EDIT_READ_ONLY },
  { "lane", N_("Lane"), EDIT_READ_ONLY },
  { "step", N_("Step"), EDIT_READ_ONLY },
  { "from", N_("From"), EDIT_READ_ONLY },
  { "to", N_("To"), EDIT_READ_ONLY },
  { "based-on", N_("Based On"), EDIT_READ_ONLY },
  { "notes", N_("Presenter Notes"), EDIT_TEXT },
  /* A slide is made from a view; what it shows is not retyped here. */
  { "TptSlide:artefact", N_("Shows"), EDIT_SLIDE_SHOWS },
  { "TptSlide:width", N_("Region"), EDIT_SLIDE_REGION },
  { "TptSlide:target", NULL, EDIT_HIDDEN },
  { "TptSlide:x", NULL, EDIT_HIDDEN },
  { "TptSlide:y", NULL, EDIT_HIDDEN },
  { "TptSlide:height", NULL, EDIT_HIDDEN },
};

/* Emotion values are numbers in the file but an int field here. */
static const FieldInfo emotion_value = { "value", N_("Feeling"), EDIT_INT };

struct _TptInspector
{
  GtkWidget    parent_instance;

  /* children: a page rebuilt for each node */
  GtkWidget   *page;

  /* owned */
  TptDocument *document;
  TptNode     *node;
  /* field name → its editor, for the current page */
  GHashTable  *editors;

  /* Set while the inspector itself changes the model, so the notification
   * that follows doesn't rebuild the editor being typed in. */
  gboolean     committing;
  /* Set while the page is replaced: editors losing focus then must not
   * commit what they showed. */
  gboolean     rebuilding;
  guint        rebuild_id;

  /* Text reaches the document as it is typed, a moment after the last
   * key, folded into one undo step per visit to the field: so recovery
   * has it, and Ctrl+Z after leaving the field takes the visit back. */
  GtkWidget   *typing_editor;
  guint        typing_id;

  /* What the page shows (compared, not owned) and, while it is rebuilt,
   * where it was scrolled to. */
  TptNode     *page_node;
  double       restore_scroll;
};

enum {
  PROP_0,
  PROP_NODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How long after the last key typed text goes into the document. */
#define TYPING_COMMIT_MS 400

enum {
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TptInspector, tpt_inspector, GTK_TYPE_WIDGET)

static void     rebuild    (TptInspector *self);
static gboolean rebuild_cb (gpointer      user_data);

static const FieldInfo *
field_info (TptNode    *node,
            GParamSpec *pspec)
{
  g_autofree char *qualified = g_strdup_printf ("%s:%s", G_OBJECT_TYPE_NAME (node), pspec->name);

  if (TPT_IS_EMOTION (node) && g_str_equal (pspec->name, "value"))
    return &emotion_value;

  for (guint i = 0; i < G_N_ELEMENTS (field_infos); i++)
    if (g_str_equal (field_infos[i].name, qualified))
      return &field_infos[i];
  for (guint i = 0; i < G_N_ELEMENTS (field_infos); i++)
    if (g_str_equal (field_infos[i].name, pspec->name))
      return &field_infos[i];

  return NULL;
}

static const char *
kind_title (TptNode *node)
{
  if (TPT_IS_DOCUMENT (node))
    return _("Document");
  if (TPT_IS_BLUEPRINT (node))
    return _("Blueprint");
  if (TPT_IS_STAGE (node))
    return _("Stage");
  if (TPT_IS_STEP (node))
    return _("Step");
  if (TPT_IS_LANE (node))
    return _("Lane");
  if (TPT_IS_CARD (node))
    return _("Card");
  if (TPT_IS_FLOW (node))
    return _("Flow");
  if (TPT_IS_EMOTION (node))
    return _("Emotion");
  if (TPT_IS_PERSONA (node))
    return _("Persona");
  if (TPT_IS_FACT (node))
    return _("Fact");
  if (TPT_IS_NEED (node))
    return _("Need");
  if (TPT_IS_RATING (node))
    return _("Rating");
  if (TPT_IS_SLIDE (node))
    return _("Slide");
  return _("Item");
}

/* The label of an enum value, for a designer. */
static const char *
enum_label (GType type,
            int   value)
{
  if (type == TPT_TYPE_LANE_KIND)
    {
      static const char *labels[] = {
        N_("Physical evidence"), N_("Customer actions"), N_("Frontstage"), N_("Backstage"),
        N_("Support processes"), N_("Emotions"), N_("Pain points"), N_("Opportunities"),
        N_("Metrics"), N_("Policies"), N_("Custom"),
      };
      if (value >= 0 && value < (int) G_N_ELEMENTS (labels))
        return _(labels[value]);
    }
  else if (type == TPT_TYPE_CARD_KIND)
    {
      static const char *labels[] = {
        N_("Action"), N_("Decision"), N_("Fail point"), N_("Wait point"), N_("Note"),
        N_("Metric"), N_("Pain point"), N_("Opportunity"),
      };
      if (value >= 0 && value < (int) G_N_ELEMENTS (labels))
        return _(labels[value]);
    }
  else if (type == TPT_TYPE_OFFICE)
    {
      static const char *labels[] = {
        N_("None"), N_("Front office"), N_("Middle office"), N_("Back office"),
      };
      if (value >= 0 && value < (int) G_N_ELEMENTS (labels))
        return _(labels[value]);
    }
  else if (type == TPT_TYPE_BLUEPRINT_STATE)
    {
      static const char *labels[] = { N_("Current state"), N_("Future state") };
      if (value >= 0 && value < (int) G_N_ELEMENTS (labels))
        return _(labels[value]);
    }
  else if (type == TPT_TYPE_DIRECTION)
    {
      static const char *labels[] = { N_("Not said"), N_("Higher"), N_("Lower") };
      if (value >= 0 && value < (int) G_N_ELEMENTS (labels))
        return _(labels[value]);
    }
  else if (type == TPT_TYPE_VOICE)
    {
      static const char *labels[] = {
        N_("Not said"), N_("Voice of the customer"), N_("Voice of the employee"),
        N_("Voice of the process"),
      };
      if (value >= 0 && value < (int) G_N_ELEMENTS (labels))
        return _(labels[value]);
    }
  else if (type == TPT_TYPE_ARROW)
    {
      static const char *labels[] = { N_("One arrow head"), N_("Arrow heads at both ends") };
      if (value >= 0 && value < (int) G_N_ELEMENTS (labels))
        return _(labels[value]);
    }

  {
    g_autoptr(GEnumClass) klass = g_type_class_ref (type);
    GEnumValue *enum_value = g_enum_get_value (klass, value);

    return enum_value != NULL ? enum_value->value_nick : "";
  }
}

static char *
dup_node_name (TptNode *node)
{
  const char *props[] = { "title", "name", "text", "label" };

  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    if (g_object_class_find_property (G_OBJECT_GET_CLASS (node), props[i]) != NULL)
      {
        g_autofree char *value = NULL;

        g_object_get (node, props[i], &value, NULL);
        if (value != NULL && *value != '\0')
          return g_steal_pointer (&value);
      }

  return g_strdup (kind_title (node));
}

/* Committing */

static const char *
edit_label (TptNode    *node,
            GParamSpec *pspec)
{
  if (TPT_IS_CARD (node) && g_str_equal (pspec->name, "text"))
    return _("Edit Card Text");
  if (TPT_IS_CARD (node) && g_str_equal (pspec->name, "kind"))
    return _("Change Card Kind");
  if (TPT_IS_LANE (node) && g_str_equal (pspec->name, "kind"))
    return _("Change Lane Kind");
  if (TPT_IS_SLIDE (node) && g_str_equal (pspec->name, "title"))
    return _("Rename Slide");
  if (TPT_IS_SLIDE (node) && g_str_equal (pspec->name, "notes"))
    return _("Edit Slide Notes");
  if (g_str_equal (pspec->name, "title") || g_str_equal (pspec->name, "name"))
    return _("Rename");
  if (g_str_equal (pspec->name, "serves"))
    return _("Change Needs Served");
  if (g_str_equal (pspec->name, "concerns"))
    return _("Change Personas Concerned");
  if (g_str_equal (pspec->name, "duration"))
    return _("Change Duration");
  if (g_str_equal (pspec->name, "color"))
    return _("Change Colour");
  /* Translators: an undo label, %s is a field, e.g. “Edit Owner”. */
  return NULL;
}

static void
commit_node_value (TptInspector        *self,
                   TptNode             *node,
                   GParamSpec          *pspec,
                   const GValue        *value,
                   TptTransactionFlags  flags)
{
  g_auto(GValue) current = G_VALUE_INIT;
  g_autofree char *label = NULL;
  const char *fixed;
  const FieldInfo *info;

  if (node == NULL || !tpt_node_is_attached (node))
    return;

  g_value_init (&current, pspec->value_type);
  g_object_get_property (G_OBJECT (node), pspec->name, &current);
  if (g_param_values_cmp (pspec, &current, value) == 0)
    return;

  fixed = edit_label (node, pspec);
  info = field_info (node, pspec);
  /* Translators: an undo label; %s is the field, e.g. “Edit Owner”. */
  label = fixed != NULL ? g_strdup (fixed)
                        : g_strdup_printf (_("Edit %s"), info != NULL ? _(info->label) : pspec->name);

  self->committing = TRUE;
  tpt_history_begin_full (tpt_document_get_history (self->document), label, flags);
  tpt_node_set_value (node, pspec->name, value);
  tpt_document_end (self->document);
  self->committing = FALSE;

  /* A card made a metric gains its target's fields, the keys staying on
   * the kind. */
  if (TPT_IS_CARD (node) && g_str_equal (pspec->name, "kind") && self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

/* Whether the text being committed is typing, to fold into the step this
 * visit to the field began. */
static TptTransactionFlags
typing_flags (TptInspector *self)
{
  return self->typing_editor != NULL ? TPT_TRANSACTION_MERGE : TPT_TRANSACTION_NONE;
}

static void
commit_value (TptInspector *self,
              GParamSpec   *pspec,
              const GValue *value)
{
  commit_node_value (self, self->node, pspec, value, typing_flags (self));
}

static void
commit_string (TptInspector *self,
               GParamSpec   *pspec,
               const char   *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  commit_value (self, pspec, &value);
}

static void
commit_strv (TptInspector *self,
             GParamSpec   *pspec,
             const char   *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) items = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  /* One item per line; blank lines are no items. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        g_strv_builder_add (builder, lines[i]);
    }
  items = g_strv_builder_end (builder);

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, items);
  commit_value (self, pspec, &value);
}

/**
 * tpt_inspector_commit_text:
 * @self: a #TptInspector
 * @field: a field of the inspected node
 * @text: the text an editor holds
 * @error: return location for a #GError
 *
 * Commits an editor's text to the model as the editor does when it loses
 * focus: one undoable step, none if nothing changed, and nothing at all if
 * the text is not a valid value (a duration, a colour).
 *
 * Returns: %FALSE if the text was refused
 */
gboolean
tpt_inspector_commit_text (TptInspector  *self,
                           const char    *field,
                           const char    *text,
                           GError       **error)
{
  GParamSpec *pspec;
  const FieldInfo *info;

  g_return_val_if_fail (TPT_IS_INSPECTOR (self), FALSE);

  if (self->node == NULL)
    return FALSE;

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->node), field);
  info = pspec != NULL ? field_info (self->node, pspec) : NULL;
  if (info == NULL)
    return FALSE;

  switch (info->kind)
    {
    case EDIT_LINE:
    case EDIT_TEXT:
      commit_string (self, pspec, text);
      return TRUE;

    case EDIT_LIST:
      commit_strv (self, pspec, text);
      return TRUE;

    case EDIT_DURATION:
      {
        g_autofree char *iso = NULL;

        if (!tpt_duration_parse_text (text, &iso))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("“%s” is not a duration. Try “15 min”, “2 hours” or “3 days”."),
                         text);
            return FALSE;
          }
        commit_string (self, pspec, iso);
        return TRUE;
      }

    case EDIT_NUMBER:
      {
        g_autofree char *number = g_strstrip (g_strdup (text));

        /* A decimal comma, as much of Europe writes it, is the file's
         * point. */
        if (strchr (number, ',') != NULL && strchr (number, '.') == NULL &&
            strchr (number, ',') == strrchr (number, ','))
          *strchr (number, ',') = '.';
        if (*number != '\0' && !tpt_number_parse (number, NULL))
          {
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("“%s” is not a number. Try “15”, “4.5” or “-2”."), number);
            return FALSE;
          }
        commit_string (self, pspec, number);
        return TRUE;
      }

    case EDIT_UNIT:
      if (!tpt_unit_is_valid (text))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("A unit is a word or two, at most %d characters: “%%”, “days”."),
                       TPT_UNIT_MAX_LENGTH);
          return FALSE;
        }
      commit_string (self, pspec, text);
      return TRUE;

    case EDIT_COLOR:
      if (!tpt_color_is_valid (text))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a colour."), text);
          return FALSE;
        }
      commit_string (self, pspec, text);
      return TRUE;

    case EDIT_ENUM:
    case EDIT_INT:
    case EDIT_PERSONA:
    case EDIT_NEEDS:
    case EDIT_PERSONAS:
    case EDIT_PHOTO:
    case EDIT_READ_ONLY:
    case EDIT_HIDDEN:
    default:
      return FALSE;
    }
}

/* Editors */

/* Rows and their subtitles parse markup by default; what the inspector
 * shows there is the document's text — a need called "Fees & charges", a
 * persona named "<b>Sam</b>" — so each row takes its text as it is, from
 * before its first title is set. */
static void
set_row_title (gpointer    row,
               const char *title)
{
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
}


static void
show_problem (GtkWidget  *editor,
              const char *message)
{
  if (message != NULL)
    {
      gtk_widget_add_css_class (editor, "error");
      gtk_widget_set_tooltip_text (editor, message);
    }
  else
    {
      gtk_widget_remove_css_class (editor, "error");
      gtk_widget_set_tooltip_text (editor, NULL);
    }
}

/* The text an entry row or a text view holds. */
static char *
editor_dup_text (GtkWidget *editor)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  if (GTK_IS_EDITABLE (editor))
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (editor)));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
editor_commit (TptInspector *self,
               GtkWidget    *editor,
               gboolean      announce)
{
  GParamSpec *pspec = g_object_get_data (G_OBJECT (editor), "tpt-pspec");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (self->rebuilding)
    return;
  text = editor_dup_text (editor);
  if (!tpt_inspector_commit_text (self, pspec->name, text, &error))
    {
      show_problem (editor, error != NULL ? error->message : NULL);
      /* The red field alone does not say what it wants. */
      if (announce && error != NULL)
        g_signal_emit (self, signals[TOAST], 0, error->message, FALSE);
    }
  else
    show_problem (editor, NULL);
}

static gboolean
typing_commit_cb (gpointer user_data)
{
  TptInspector *self = user_data;

  self->typing_id = 0;
  if (self->typing_editor != NULL)
    editor_commit (self, self->typing_editor, FALSE);
  return G_SOURCE_REMOVE;
}

/* Commits what was typed and not yet committed, before the editors go. */
static void
flush_typing (TptInspector *self)
{
  if (self->typing_id == 0 || self->typing_editor == NULL)
    return;
  g_clear_handle_id (&self->typing_id, g_source_remove);
  editor_commit (self, self->typing_editor, FALSE);
}

/* A key typed into a field whose text needs no checking: the document
 * gets it a moment after the last key. */
static void
typing_changed (TptInspector *self,
                GtkWidget    *editor)
{
  if (self->rebuilding || self->committing || editor != self->typing_editor)
    return;
  g_clear_handle_id (&self->typing_id, g_source_remove);
  self->typing_id = g_timeout_add (TYPING_COMMIT_MS, typing_commit_cb, self);
}

static void
typing_entry_changed_cb (GtkEditable  *editable,
                         TptInspector *self)
{
  typing_changed (self, GTK_WIDGET (editable));
}

static void
typing_buffer_changed_cb (GtkTextBuffer *buffer,
                          GtkWidget     *view)
{
  TptInspector *self = TPT_INSPECTOR (gtk_widget_get_ancestor (view, TPT_TYPE_INSPECTOR));

  if (self != NULL)
    typing_changed (self, view);
}

/* A visit to a field begins: what is typed until it ends is one step. */
static void
typing_enter_cb (GtkEventControllerFocus *controller,
                 TptInspector            *self)
{
  GtkWidget *editor = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if (self->rebuilding || self->document == NULL)
    return;
  tpt_history_break_merge (tpt_document_get_history (self->document));
  self->typing_editor = editor;
}

/* Leaving the field commits what is left, and ends the visit. */
static void
typing_leave_cb (GtkEventControllerFocus *controller,
                 TptInspector            *self)
{
  GtkWidget *editor = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  g_clear_handle_id (&self->typing_id, g_source_remove);
  /* Typed text that must be checked (a number) says what is wrong with it
   * once the field is left. */
  editor_commit (self, editor, TRUE);
  if (self->typing_editor == editor)
    self->typing_editor = NULL;
  if (self->document != NULL)
    tpt_history_break_merge (tpt_document_get_history (self->document));
}

/* Fields whose text is checked (a duration, a colour) commit when left or
 * applied, and say what is wrong. */
static void
entry_apply_cb (AdwEntryRow  *row,
                TptInspector *self)
{
  editor_commit (self, GTK_WIDGET (row), TRUE);
}

static void
entry_focus_leave_cb (GtkEventControllerFocus *controller,
                      TptInspector            *self)
{
  editor_commit (self, gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), TRUE);
}

static void
watch_typing (TptInspector *self,
              GtkWidget    *editor)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect (focus, "enter", G_CALLBACK (typing_enter_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (typing_leave_cb), self);
  gtk_widget_add_controller (editor, focus);
}

/* @checked: the text must be valid to be kept, so it is committed when
 * left or applied; otherwise it is committed as it is typed. */
static GtkWidget *
make_entry_row (TptInspector *self,
                GParamSpec   *pspec,
                const char   *label,
                const char   *text,
                gboolean      checked)
{
  GtkWidget *row = adw_entry_row_new ();

  set_row_title (row, label);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_object_set_data (G_OBJECT (row), "tpt-pspec", pspec);
  if (checked)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
      g_signal_connect (row, "apply", G_CALLBACK (entry_apply_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (entry_focus_leave_cb), self);
      gtk_widget_add_controller (row, focus);
    }
  else
    {
      g_signal_connect (row, "changed", G_CALLBACK (typing_entry_changed_cb), self);
      watch_typing (self, row);
    }

  return row;
}

static GtkWidget *
make_text_group (TptInspector *self,
                 GParamSpec   *pspec,
                 const char   *label,
                 const char   *text,
                 const char   *hint)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), label);
  if (hint != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), hint);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  /* What the field shows to begin with is not something to undo. */
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, text != NULL ? text : "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  /* Tab leaves the field, as everywhere else in the inspector: a tab
   * character in a card's text is never what was meant. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_size_request (view, -1, 64);
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (view), "tpt-pspec", pspec);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (typing_buffer_changed_cb), view, 0);
  watch_typing (self, view);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), frame);
  g_hash_table_insert (self->editors, (gpointer) pspec->name, view);

  return group;
}

static void
combo_selected_cb (AdwComboRow  *row,
                   GParamSpec   *notify_pspec,
                   TptInspector *self)
{
  GParamSpec *pspec = g_object_get_data (G_OBJECT (row), "tpt-pspec");
  guint selected = adw_combo_row_get_selected (row);
  g_auto(GValue) value = G_VALUE_INIT;

  if (selected == GTK_INVALID_LIST_POSITION)
    return;

  if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;

      g_value_init (&value, pspec->value_type);
      g_value_set_enum (&value, klass->values[selected].value);
    }
  else
    {
      /* A persona reference: row 0 is “None”. */
      GListModel *personas = tpt_document_get_personas (self->document);

      g_value_init (&value, G_TYPE_STRING);
      if (selected == 0)
        g_value_set_string (&value, "");
      else
        {
          g_autoptr(TptNode) persona = g_list_model_get_item (personas, selected - 1);

          g_value_set_string (&value, tpt_node_get_id (persona));
        }
    }
  commit_value (self, pspec, &value);
}

static GtkWidget *
make_enum_row (TptInspector *self,
               GParamSpec   *pspec,
               const char   *label)
{
  GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();
  int current;
  guint selected = 0;

  g_object_get (self->node, pspec->name, &current, NULL);
  for (guint i = 0; i < klass->n_values; i++)
    {
      gtk_string_list_append (names, enum_label (pspec->value_type, klass->values[i].value));
      if (klass->values[i].value == current)
        selected = i;
    }

  set_row_title (row, label);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data (G_OBJECT (row), "tpt-pspec", pspec);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), self);

  return row;
}

static GtkWidget *
make_persona_row (TptInspector *self,
                  GParamSpec   *pspec,
                  const char   *label)
{
  GListModel *personas = tpt_document_get_personas (self->document);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *current = NULL;
  GtkWidget *row = adw_combo_row_new ();
  guint selected = 0;

  g_object_get (self->node, pspec->name, &current, NULL);
  gtk_string_list_append (names, _("Nobody in particular"));
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(TptPersona) persona = g_list_model_get_item (personas, i);

      gtk_string_list_append (names, tpt_persona_get_name (persona));
      if (g_strcmp0 (current, tpt_node_get_id (TPT_NODE (persona))) == 0)
        selected = i + 1;
    }

  set_row_title (row, label);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (names));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), selected);
  g_object_set_data (G_OBJECT (row), "tpt-pspec", pspec);
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), self);

  return row;
}

static void
spin_changed_cb (GtkSpinButton *spin,
                 TptInspector  *self)
{
  GParamSpec *pspec = g_object_get_data (G_OBJECT (spin), "tpt-pspec");
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, gtk_spin_button_get_value_as_int (spin));
  commit_value (self, pspec, &value);
}

static GtkWidget *
make_int_row (TptInspector *self,
              GParamSpec   *pspec,
              const char   *label)
{
  GParamSpecInt *spec = G_PARAM_SPEC_INT (pspec);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (spec->minimum, MIN (spec->maximum, 10000), 1);
  int current;

  g_object_get (self->node, pspec->name, &current, NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), current);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  set_row_title (row, label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_object_set_data (G_OBJECT (spin), "tpt-pspec", pspec);
  g_signal_connect (spin, "value-changed", G_CALLBACK (spin_changed_cb), self);
  g_hash_table_insert (self->editors, (gpointer) pspec->name, spin);

  return row;
}

static void
color_set_cb (GtkColorButton *button,
              TptInspector   *self)
{
  GParamSpec *pspec = g_object_get_data (G_OBJECT (button), "tpt-pspec");
  GdkRGBA rgba;
  g_autofree char *text = NULL;

  gtk_color_chooser_get_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  text = g_strdup_printf ("#%02x%02x%02x", (int) (rgba.red * 255 + 0.5),
                          (int) (rgba.green * 255 + 0.5), (int) (rgba.blue * 255 + 0.5));
  tpt_inspector_commit_text (self, pspec->name, text, NULL);
}

static GtkWidget *
make_color_row (TptInspector *self,
                GParamSpec   *pspec,
                const char   *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_color_button_new ();
  g_autofree char *current = NULL;
  GdkRGBA rgba;

  g_object_get (self->node, pspec->name, &current, NULL);
  if (current != NULL && gdk_rgba_parse (&rgba, current))
    gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (button), &rgba);
  gtk_color_chooser_set_use_alpha (GTK_COLOR_CHOOSER (button), FALSE);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  set_row_title (row, label);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (button), "tpt-pspec", pspec);
  g_signal_connect (button, "color-set", G_CALLBACK (color_set_cb), self);

  return row;
}

static void
check_toggled_cb (GtkCheckButton *check,
                  TptInspector   *self)
{
  GParamSpec *pspec = g_object_get_data (G_OBJECT (check), "tpt-pspec");
  const char *id = g_object_get_data (G_OBJECT (check), "tpt-id");
  g_auto(GStrv) current = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) ids = NULL;
  g_auto(GValue) value = G_VALUE_INIT;

  g_object_get (self->node, pspec->name, &current, NULL);
  for (guint i = 0; current != NULL && current[i] != NULL; i++)
    if (!g_str_equal (current[i], id))
      g_strv_builder_add (builder, current[i]);
  if (gtk_check_button_get_active (check))
    g_strv_builder_add (builder, id);
  ids = g_strv_builder_end (builder);

  g_value_init (&value, G_TYPE_STRV);
  g_value_set_boxed (&value, ids);
  commit_value (self, pspec, &value);
}

static GtkWidget *
make_links_group (TptInspector *self,
                  GParamSpec   *pspec,
                  const char   *label,
                  GListModel   *targets)
{
  GtkWidget *group = adw_preferences_group_new ();
  g_auto(GStrv) current = NULL;
  guint n = g_list_model_get_n_items (targets);

  g_object_get (self->node, pspec->name, &current, NULL);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), label);
  if (n == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("Add needs and personas from the outline to link "
                                             "this card to them."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptNode) target = g_list_model_get_item (targets, i);
      g_autofree char *name = dup_node_name (target);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *id = tpt_node_get_id (target);

      set_row_title (row, name);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   current != NULL && g_strv_contains ((const char * const *) current, id));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (check), "tpt-pspec", pspec);
      g_object_set_data_full (G_OBJECT (check), "tpt-id", g_strdup (id), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), self);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

/* Photos */

/**
 * tpt_inspector_set_photo_from_file:
 * @self: a #TptInspector showing a persona
 * @file: an image file
 * @error: return location for a #GError
 *
 * Embeds @file as the persona's photo, scaled down when it is large. A file
 * that is not a sound PNG or JPEG, or is too large, is refused with a
 * message and changes nothing.
 *
 * Returns: whether the photo was set
 */
gboolean
tpt_inspector_set_photo_from_file (TptInspector  *self,
                                   GFile         *file,
                                   GError       **error)
{
  g_return_val_if_fail (TPT_IS_INSPECTOR (self), FALSE);
  g_return_val_if_fail (TPT_IS_PERSONA (self->node), FALSE);

  /* The change notifies the persona, and the editors are rebuilt. */
  return tpt_photo_import_file (self->document, TPT_PERSONA (self->node), file, error);
}

static void
choose_photo_cb (TptInspector *self)
{
  if (TPT_IS_PERSONA (self->node))
    tpt_photo_import_choose (GTK_WIDGET (self), self->document, TPT_PERSONA (self->node),
                             NULL, NULL);
}

static void
remove_photo_cb (TptInspector *self)
{
  if (TPT_IS_PERSONA (self->node))
    tpt_photo_import_remove (self->document, TPT_PERSONA (self->node));
}

static GtkWidget *
make_photo_row (TptInspector *self,
                GParamSpec   *pspec,
                const char   *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *choose = gtk_button_new_with_mnemonic (_("C_hoose…"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gboolean has_photo = tpt_persona_get_photo (TPT_PERSONA (self->node)) != NULL;

  set_row_title (row, label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               has_photo ? _("A photo is embedded in the document")
                                         : _("None: the card shows initials"));
  gtk_widget_set_valign (choose, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Photo"));
  gtk_widget_set_sensitive (remove, has_photo);
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_swapped (choose, "clicked", G_CALLBACK (choose_photo_cb), self);
  g_signal_connect_swapped (remove, "clicked", G_CALLBACK (remove_photo_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), choose);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

/* Facts: a persona's label/value pairs (“Age: 34”), edited in place. */

static void
fact_commit_cb (GtkWidget    *row,
                TptInspector *self)
{
  TptNode *fact = g_object_get_data (G_OBJECT (row), "tpt-fact");
  const char *field = g_object_get_data (G_OBJECT (row), "tpt-field");
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (fact), field);
  g_auto(GValue) value = G_VALUE_INIT;

  if (self->rebuilding || pspec == NULL)
    return;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, gtk_editable_get_text (GTK_EDITABLE (row)));
  commit_node_value (self, fact, pspec, &value, TPT_TRANSACTION_NONE);
}

static void
fact_focus_leave_cb (GtkEventControllerFocus *controller,
                     TptInspector            *self)
{
  fact_commit_cb (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)), self);
}

static GtkWidget *
make_fact_entry (TptInspector *self,
                 TptFact      *fact,
                 const char   *field,
                 const char   *title,
                 const char   *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();

  set_row_title (row, title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "tpt-fact", g_object_ref (fact), g_object_unref);
  g_object_set_data (G_OBJECT (row), "tpt-field", (gpointer) field);
  g_signal_connect (row, "apply", G_CALLBACK (fact_commit_cb), self);
  g_signal_connect (focus, "leave", G_CALLBACK (fact_focus_leave_cb), self);
  gtk_widget_add_controller (row, focus);

  return row;
}

static void
remove_fact_cb (GtkButton    *button,
                TptInspector *self)
{
  TptFact *fact = g_object_get_data (G_OBJECT (button), "tpt-fact");

  if (!TPT_IS_PERSONA (self->node))
    return;

  self->committing = TRUE;
  tpt_document_begin (self->document, _("Delete Fact"));
  tpt_persona_remove_fact (TPT_PERSONA (self->node), fact);
  tpt_document_end (self->document);
  self->committing = FALSE;
  rebuild (self);
}

/**
 * tpt_inspector_add_fact:
 * @self: a #TptInspector showing a persona
 *
 * Adds a fact to the persona, as the Add Fact button does.
 */
void
tpt_inspector_add_fact (TptInspector *self)
{
  g_autoptr(TptFact) fact = NULL;
  GListModel *facts;

  g_return_if_fail (TPT_IS_INSPECTOR (self));

  if (!TPT_IS_PERSONA (self->node))
    return;

  facts = tpt_persona_get_facts (TPT_PERSONA (self->node));
  fact = tpt_fact_new (self->document);
  tpt_fact_set_label (fact, _("New fact"));
  self->committing = TRUE;
  tpt_document_begin (self->document, _("Add Fact"));
  tpt_persona_insert_fact (TPT_PERSONA (self->node), g_list_model_get_n_items (facts), fact);
  tpt_document_end (self->document);
  self->committing = FALSE;
  rebuild (self);
}

static GtkWidget *
make_facts_group (TptInspector *self)
{
  GListModel *facts = tpt_persona_get_facts (TPT_PERSONA (self->node));
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Facts"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Short facts for the card, such as “Age: 34”"));
  gtk_widget_set_tooltip_text (add, _("Add Fact"));
  gtk_widget_add_css_class (add, "flat");
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (tpt_inspector_add_fact), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  for (guint i = 0; i < g_list_model_get_n_items (facts); i++)
    {
      g_autoptr(TptFact) fact = g_list_model_get_item (facts, i);
      g_autofree char *title = g_strdup_printf ("%s: %s", tpt_fact_get_label (fact),
                                                tpt_fact_get_value (fact));
      GtkWidget *expander = adw_expander_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      set_row_title (expander, title);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Delete Fact"));
      g_object_set_data_full (G_OBJECT (remove), "tpt-fact", g_object_ref (fact), g_object_unref);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_fact_cb), self);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), remove);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                make_fact_entry (self, fact, "label", _("Label"),
                                                 tpt_fact_get_label (fact)));
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                make_fact_entry (self, fact, "value", _("Value"),
                                                 tpt_fact_get_value (fact)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), expander);
    }

  return group;
}

static char *
rating_number (int value)
{
  /* Unset, or unknown for want of a satisfaction: never shown as zero. */
  return value >= 0 ? g_strdup_printf ("%d", value) : g_strdup ("–");
}

/* A need's ratings, one row per persona, as the matrix has them; they are
 * typed on the matrix, so here they are read, not edited. */
static GtkWidget *
make_ratings_group (TptInspector *self)
{
  GListModel *personas = tpt_document_get_personas (self->document);
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Ratings"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Rate on the needs matrix"));
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(TptPersona) persona = g_list_model_get_item (personas, i);
      TptRating *rating = tpt_document_get_rating (self->document, persona,
                                                   TPT_NEED (self->node));
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      if (rating != NULL)
        {
          g_autofree char *importance = rating_number (tpt_rating_get_importance (rating));
          g_autofree char *satisfaction = rating_number (tpt_rating_get_satisfaction (rating));
          g_autofree char *opportunity = rating_number (tpt_rating_get_opportunity (rating));
          GtkWidget *score = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
          GtkWidget *caption = gtk_label_new (_("Opportunity"));
          GtkWidget *number = gtk_label_new (opportunity);

          /* Translators: each %s is a number from 0 to 10, or – when unset. */
          subtitle = g_strdup_printf (_("Importance %s · Satisfaction %s"),
                                      importance, satisfaction);
          /* The score, as large as on the matrix, to the right. */
          gtk_widget_set_valign (score, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (caption, "caption");
          gtk_widget_add_css_class (caption, "dim-label");
          gtk_widget_add_css_class (number, "title-3");
          gtk_widget_add_css_class (number, "numeric");
          gtk_box_append (GTK_BOX (score), caption);
          gtk_box_append (GTK_BOX (score), number);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), score);
        }
      set_row_title (row, tpt_persona_get_name (persona));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   subtitle != NULL ? subtitle : _("Not rated"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  return group;
}

static char *
dup_reference_name (TptInspector *self,
                    const char   *id)
{
  TptNode *target = id != NULL && *id != '\0' ? tpt_document_lookup (self->document, id) : NULL;

  if (target == NULL)
    return g_strdup (_("None"));
  return dup_node_name (target);
}

static void
clear_region_cb (TptInspector *self)
{
  if (!TPT_IS_SLIDE (self->node) || !tpt_node_is_attached (self->node))
    return;

  tpt_document_begin (self->document, _("Clear Region"));
  tpt_slide_clear_region (TPT_SLIDE (self->node));
  tpt_document_end (self->document);
}

/* The region a slide crops its artefact to, in points, and a button that
 * shows all of the artefact again. */
static GtkWidget *
make_region_row (TptInspector *self,
                 const char   *label)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("C_lear Region"));
  double x, y, width, height;

  set_row_title (row, label);
  gtk_widget_add_css_class (row, "property");
  if (tpt_slide_get_region (TPT_SLIDE (self->node), &x, &y, &width, &height))
    {
      /* Translators: a slide's region: its size, then where its top left
       * corner is, in points (1/72 inch) of the artefact's drawing. */
      g_autofree char *text = g_strdup_printf (_("%.0f × %.0f pt at %.0f, %.0f"),
                                               width, height, x, y);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("All of it"));
      gtk_widget_set_visible (clear, FALSE);
    }
  gtk_widget_set_valign (clear, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (clear, "clicked", G_CALLBACK (clear_region_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), clear);
  g_hash_table_insert (self->editors, (gpointer) "region", clear);

  return row;
}

/* Building the page */

static void
add_field (TptInspector *self,
           GtkWidget    *details,
           GParamSpec   *pspec)
{
  const FieldInfo *info = field_info (self->node, pspec);
  const char *label;
  GtkWidget *row = NULL;

  if (info == NULL || info->kind == EDIT_HIDDEN)
    return;
  label = _(info->label);

  switch (info->kind)
    {
    case EDIT_LINE:
      {
        g_autofree char *text = NULL;

        g_object_get (self->node, pspec->name, &text, NULL);
        row = make_entry_row (self, pspec, label, text, FALSE);
        g_hash_table_insert (self->editors, (gpointer) pspec->name, row);
      }
      break;

    case EDIT_DURATION:
      {
        g_autofree char *iso = NULL;
        g_autofree char *text = NULL;

        g_object_get (self->node, pspec->name, &iso, NULL);
        text = iso != NULL && *iso != '\0' ? tpt_duration_label (iso) : g_strdup ("");
        row = make_entry_row (self, pspec,
                              g_str_equal (pspec->name, "duration")
                              ? _("Duration (e.g. 15 min, 2 days)")
                              : _("Time Target (e.g. 20 min, 3 days)"),
                              text, TRUE);
        g_hash_table_insert (self->editors, (gpointer) pspec->name, row);
      }
      break;

    /* Checked, but typed: the status beside them follows the keys. */
    case EDIT_NUMBER:
    case EDIT_UNIT:
      {
        g_autofree char *text = NULL;

        g_object_get (self->node, pspec->name, &text, NULL);
        row = make_entry_row (self, pspec, label, text, FALSE);
        g_hash_table_insert (self->editors, (gpointer) pspec->name, row);
      }
      break;

    case EDIT_TEXT:
    case EDIT_LIST:
      {
        g_autofree char *text = NULL;
        GtkWidget *group;

        if (info->kind == EDIT_LIST)
          {
            g_auto(GStrv) items = NULL;

            g_object_get (self->node, pspec->name, &items, NULL);
            text = items != NULL ? g_strjoinv ("\n", items) : g_strdup ("");
          }
        else
          g_object_get (self->node, pspec->name, &text, NULL);

        group = make_text_group (self, pspec, label, text,
                                 info->kind == EDIT_LIST ? _("One per line") : NULL);
        adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                                  ADW_PREFERENCES_GROUP (group));
      }
      return;

    case EDIT_ENUM:
      row = make_enum_row (self, pspec, label);
      g_hash_table_insert (self->editors, (gpointer) pspec->name, row);
      break;

    case EDIT_INT:
      row = make_int_row (self, pspec, label);
      break;

    case EDIT_COLOR:
      row = make_color_row (self, pspec, label);
      break;

    case EDIT_PERSONA:
      row = make_persona_row (self, pspec, label);
      break;

    case EDIT_PHOTO:
      row = make_photo_row (self, pspec, label);
      break;

    case EDIT_NEEDS:
    case EDIT_PERSONAS:
      {
        GtkWidget *group = make_links_group (self, pspec, label,
                                             info->kind == EDIT_NEEDS
                                             ? tpt_document_get_needs (self->document)
                                             : tpt_document_get_personas (self->document));

        adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                                  ADW_PREFERENCES_GROUP (group));
      }
      return;

    case EDIT_READ_ONLY:
      {
        g_autofree char *id = NULL;
        g_autofree char *name = NULL;

        g_object_get (self->node, pspec->name, &id, NULL);
        if (id == NULL || *id == '\0')
          return;
        name = dup_reference_name (self, id);
        row = adw_action_row_new ();
        set_row_title (row, label);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), name);
        gtk_widget_add_css_class (row, "property");
      }
      break;

    case EDIT_SLIDE_SHOWS:
      {
        g_autofree char *shows = tpt_slide_edits_describe (TPT_SLIDE (self->node));

        row = adw_action_row_new ();
        set_row_title (row, label);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shows);
        gtk_widget_add_css_class (row, "property");
      }
      break;

    case EDIT_SLIDE_REGION:
      row = make_region_row (self, label);
      break;

    case EDIT_HIDDEN:
    default:
      return;
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (details), row);
}

/* The editor of @field (and of link @id, for the check boxes of links)
 * in the page under @widget. */
static GtkWidget *
find_editor (GtkWidget  *widget,
             const char *field,
             const char *id)
{
  GParamSpec *pspec = g_object_get_data (G_OBJECT (widget), "tpt-pspec");

  if (pspec != NULL && g_str_equal (pspec->name, field) &&
      g_strcmp0 (g_object_get_data (G_OBJECT (widget), "tpt-id"), id) == 0 &&
      gtk_widget_get_focusable (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_editor (child, field, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkAdjustment *
page_adjustment (GtkWidget *widget)
{
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkAdjustment *found = page_adjustment (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The page rebuilt for the same node scrolls back to where it was, once it
 * is tall enough to. */
static void
restore_scroll_cb (GtkAdjustment *adjustment,
                   TptInspector  *self)
{
  double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (upper <= 0)
    return;
  gtk_adjustment_set_value (adjustment, MIN (self->restore_scroll, upper));
  g_signal_handlers_disconnect_by_func (adjustment, restore_scroll_cb, self);
}

static void build_page (TptInspector *self);

/* Replaces the page with one for the node as it is now. When it is the
 * same node (an undo, a change made on the canvas), the keyboard stays in
 * the field it was in and the page where it was scrolled to, instead of
 * jumping to the top. */
static void
rebuild (TptInspector *self)
{
  gboolean same = self->page != NULL && self->page_node == self->node;
  GtkWidget *focus = gtk_widget_get_root (GTK_WIDGET (self)) != NULL
                     ? gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))) : NULL;
  g_autofree char *focus_field = NULL;
  g_autofree char *focus_id = NULL;
  GtkAdjustment *adjustment;

  if (same && focus != NULL && gtk_widget_is_ancestor (focus, self->page))
    for (GtkWidget *w = focus; w != NULL && w != self->page; w = gtk_widget_get_parent (w))
      {
        GParamSpec *pspec = g_object_get_data (G_OBJECT (w), "tpt-pspec");

        if (pspec != NULL)
          {
            focus_field = g_strdup (pspec->name);
            focus_id = g_strdup (g_object_get_data (G_OBJECT (w), "tpt-id"));
            break;
          }
      }
  adjustment = same ? page_adjustment (self->page) : NULL;
  self->restore_scroll = adjustment != NULL ? gtk_adjustment_get_value (adjustment) : 0;

  build_page (self);
  self->page_node = self->node;

  if (self->page == NULL)
    return;
  if (focus_field != NULL)
    {
      GtkWidget *editor = find_editor (self->page, focus_field, focus_id);

      if (editor != NULL)
        gtk_widget_grab_focus (editor);
    }
  if (self->restore_scroll > 0 && (adjustment = page_adjustment (self->page)) != NULL)
    g_signal_connect_object (adjustment, "changed", G_CALLBACK (restore_scroll_cb), self, 0);
}

/* Whether @pspec is of a metric's target or a step's service level, which
 * have a group of their own, under the status they make. */
static gboolean
is_kpi_field (TptNode    *node,
              GParamSpec *pspec)
{
  static const char * const card_fields[] = {
    "target", "actual", "unit", "direction", "source", NULL,
  };

  if (TPT_IS_CARD (node))
    return g_strv_contains (card_fields, pspec->name);
  return TPT_IS_STEP (node) && g_str_equal (pspec->name, "target");
}

/* A metric card's target, or any step's: its status, then its fields.
 * Another card has the group only if it has a target of its own (from a
 * file, or made a metric and back). */
static GtkWidget *
make_kpi_group (TptInspector *self)
{
  GtkWidget *group;
  GtkWidget *row;
  GtkWidget *pill;

  if (TPT_IS_CARD (self->node))
    {
      TptCard *card = TPT_CARD (self->node);

      if (tpt_card_get_kind (card) != TPT_CARD_KIND_METRIC &&
          tpt_card_get_target (card)[0] == '\0' && tpt_card_get_actual (card)[0] == '\0' &&
          tpt_card_get_unit (card)[0] == '\0' &&
          tpt_card_get_direction (card) == TPT_DIRECTION_NONE &&
          tpt_card_get_source (card) == TPT_VOICE_NONE)
        return NULL;
    }
  else if (!TPT_IS_STEP (self->node))
    return NULL;

  group = adw_preferences_group_new ();
  if (TPT_IS_CARD (self->node))
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Target"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
        _("Met, at risk (short of the target by a tenth at most) or missed; unknown "
          "until the target, the actual value and which way is better are set."));
    }
  else
    {
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Service Level"));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
        _("Met when the step takes no longer than its time target."));
    }

  row = adw_action_row_new ();
  set_row_title (row, _("Status"));
  pill = tpt_kpi_pill_new (self->node);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pill);
  g_hash_table_insert (self->editors, (gpointer) "status", pill);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  return group;
}

static void
build_page (TptInspector *self)
{
  GtkWidget *details;
  GtkWidget *kpi;
  GtkWidget *header;
  GtkWidget *icon;
  GtkWidget *title;
  g_autofree char *name = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  if (self->node != NULL && tpt_node_is_attached (self->node))
    flush_typing (self);
  g_clear_handle_id (&self->typing_id, g_source_remove);
  self->typing_editor = NULL;
  g_hash_table_remove_all (self->editors);

  self->rebuilding = TRUE;
  g_clear_pointer (&self->page, gtk_widget_unparent);
  self->rebuilding = FALSE;

  if (self->node == NULL)
    return;

  self->page = adw_preferences_page_new ();
  gtk_widget_set_parent (self->page, GTK_WIDGET (self));

  /* What is selected, as a heading. */
  header = adw_preferences_group_new ();
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
    GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
    GtkWidget *kind = gtk_label_new (kind_title (self->node));

    name = dup_node_name (self->node);
    icon = gtk_image_new_from_icon_name (TPT_IS_PERSONA (self->node) ? "tpt-persona-symbolic"
                                         : TPT_IS_CARD (self->node) ? "tpt-card-symbolic"
                                         : TPT_IS_BLUEPRINT (self->node) ? "tpt-blueprint-symbolic"
                                         : TPT_IS_LANE (self->node) ? "tpt-lane-symbolic"
                                         : TPT_IS_STEP (self->node) ? "tpt-step-symbolic"
                                         : TPT_IS_FLOW (self->node) ? "tpt-flow-symbolic"
                                         : TPT_IS_SLIDE (self->node)
                                         ? "x-office-presentation-symbolic"
                                         : "document-properties-symbolic");
    gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
    title = gtk_label_new (name);
    gtk_label_set_xalign (GTK_LABEL (title), 0);
    gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
    gtk_widget_add_css_class (title, "title-4");
    gtk_label_set_xalign (GTK_LABEL (kind), 0);
    gtk_widget_add_css_class (kind, "dim-label");
    gtk_widget_add_css_class (kind, "caption-heading");
    gtk_box_append (GTK_BOX (labels), kind);
    gtk_box_append (GTK_BOX (labels), title);
    gtk_box_append (GTK_BOX (box), icon);
    gtk_box_append (GTK_BOX (box), labels);
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (header), box);
  }
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (header));

  details = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (details), _("Details"));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (details));

  kpi = make_kpi_group (self);
  if (kpi != NULL)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), ADW_PREFERENCES_GROUP (kpi));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self->node), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    if (!is_kpi_field (self->node, pspecs[i]))
      add_field (self, details, pspecs[i]);
    else if (kpi != NULL)
      add_field (self, kpi, pspecs[i]);

  if (TPT_IS_PERSONA (self->node))
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                              ADW_PREFERENCES_GROUP (make_facts_group (self)));
  if (TPT_IS_NEED (self->node) && self->document != NULL &&
      g_list_model_get_n_items (tpt_document_get_personas (self->document)) > 0)
    adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page),
                              ADW_PREFERENCES_GROUP (make_ratings_group (self)));
}

static gboolean
rebuild_cb (gpointer user_data)
{
  TptInspector *self = user_data;

  self->rebuild_id = 0;
  rebuild (self);
  return G_SOURCE_REMOVE;
}

static void
node_notify_cb (TptInspector *self)
{
  /* Our own commits leave the editors as they are; changes from elsewhere
   * (undo, the canvas) show up. */
  if (self->committing || self->rebuild_id != 0)
    return;
  self->rebuild_id = g_idle_add (rebuild_cb, self);
}

static void
history_changed_cb (TptInspector *self)
{
  /* The node went away (deleted, or its creation undone). */
  if (self->node != NULL && !tpt_node_is_attached (self->node))
    {
      tpt_inspector_set_node (self, TPT_NODE (self->document));
      return;
    }

  /* Undo and redo may have changed what the node's editors show of other
   * nodes: its facts, the names of the needs it serves. */
  node_notify_cb (self);
}

/**
 * tpt_inspector_get_editor:
 * @self: a #TptInspector
 * @field: a field name
 *
 * Returns: (transfer none) (nullable): the widget editing @field
 */
GtkWidget *
tpt_inspector_get_editor (TptInspector *self,
                          const char   *field)
{
  g_return_val_if_fail (TPT_IS_INSPECTOR (self), NULL);

  return g_hash_table_lookup (self->editors, field);
}

void
tpt_inspector_set_node (TptInspector *self,
                        TptNode      *node)
{
  g_return_if_fail (TPT_IS_INSPECTOR (self));
  g_return_if_fail (node == NULL || TPT_IS_NODE (node));

  if (node == NULL && self->document != NULL)
    node = TPT_NODE (self->document);
  if (self->node == node)
    return;

  if (self->node != NULL && tpt_node_is_attached (self->node))
    flush_typing (self);
  if (self->node != NULL)
    g_signal_handlers_disconnect_by_data (self->node, self);
  g_set_object (&self->node, node);
  self->page_node = NULL;
  if (node != NULL)
    g_signal_connect_swapped (node, "notify", G_CALLBACK (node_notify_cb), self);

  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NODE]);
}

TptNode *
tpt_inspector_get_node (TptInspector *self)
{
  g_return_val_if_fail (TPT_IS_INSPECTOR (self), NULL);

  return self->node;
}

void
tpt_inspector_set_document (TptInspector *self,
                            TptDocument  *document)
{
  g_return_if_fail (TPT_IS_INSPECTOR (self));
  g_return_if_fail (document == NULL || TPT_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (tpt_document_get_history (self->document), self);
      g_signal_handlers_disconnect_by_data (self->document, self);
    }
  tpt_inspector_set_node (self, NULL);
  g_set_object (&self->document, document);
  if (document != NULL)
    {
      g_signal_connect_swapped (tpt_document_get_history (document), "notify::position",
                                G_CALLBACK (history_changed_cb), self);
      /* Names of needs and personas appear in a card's links. */
      g_signal_connect_swapped (tpt_document_get_needs (document), "items-changed",
                                G_CALLBACK (node_notify_cb), self);
      g_signal_connect_swapped (tpt_document_get_personas (document), "items-changed",
                                G_CALLBACK (node_notify_cb), self);
    }
  tpt_inspector_set_node (self, document != NULL ? TPT_NODE (document) : NULL);
}

static void
tpt_inspector_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TptInspector *self = TPT_INSPECTOR (object);

  switch (prop_id)
    {
    case PROP_NODE:
      g_value_set_object (value, self->node);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_inspector_dispose (GObject *object)
{
  TptInspector *self = TPT_INSPECTOR (object);

  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (tpt_document_get_history (self->document), self);
      g_signal_handlers_disconnect_by_data (tpt_document_get_needs (self->document), self);
      g_signal_handlers_disconnect_by_data (tpt_document_get_personas (self->document), self);
    }
  if (self->node != NULL)
    g_signal_handlers_disconnect_by_data (self->node, self);
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
  g_clear_handle_id (&self->typing_id, g_source_remove);
  self->typing_editor = NULL;
  self->rebuilding = TRUE;
  g_clear_pointer (&self->page, gtk_widget_unparent);
  g_clear_object (&self->node);
  g_clear_object (&self->document);
  g_clear_pointer (&self->editors, g_hash_table_unref);

  G_OBJECT_CLASS (tpt_inspector_parent_class)->dispose (object);
}

static void
tpt_inspector_class_init (TptInspectorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tpt_inspector_dispose;
  object_class->get_property = tpt_inspector_get_property;

  properties[PROP_NODE] =
    g_param_spec_object ("node", NULL, NULL, TPT_TYPE_NODE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * TptInspector::toast:
   * @self: the inspector
   * @title: a message for the user
   * @undoable: whether to offer Undo
   */
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "inspector");
}

static void
tpt_inspector_init (TptInspector *self)
{
  self->editors = g_hash_table_new (g_str_hash, g_str_equal);
}

GtkWidget *
tpt_inspector_new (void)
{
  return g_object_new (TPT_TYPE_INSPECTOR, NULL);
}
