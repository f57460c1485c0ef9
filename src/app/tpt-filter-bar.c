/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-filter-bar"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-filter-bar.h"

#include "tpt-blueprint.h"
#include "tpt-persona.h"

/* What the needs matrix and coverage are for: the state whose cards count
 * as serving needs (a card of the future state never serves a need
 * today), and everyone's needs, one persona's or one segment's. Two drop
 * downs over the page; they follow the document's blueprints, personas
 * and segments, and keep their choice while it exists. */

struct _TptFilterBar
{
  GtkWidget     parent_instance;

  /* template children */
  GtkWidget    *box;
  GtkDropDown  *state_dropdown;
  GtkDropDown  *who_dropdown;

  /* owned */
  TptDocument  *document;
  GPtrArray    *states;      /* TptBlueprint, as the first drop down lists them */
  GPtrArray    *personas;    /* TptPersona or NULL, as the second lists them … */
  GPtrArray    *segments;    /* … or char *, NULL but for a segment's entry */
  TptBlueprint *blueprint;   /* the choice; NULL for the default state */
  TptPersona   *persona;
  char         *segment;
  guint         rebuild_id;
  gboolean      rebuilding;
};

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (TptFilterBar, tpt_filter_bar, GTK_TYPE_WIDGET)

static void
unref_if_set (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

/* Long titles end in an ellipsis rather than widen the bar. */
static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (item, label);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (string));
}

static void
rebuild (TptFilterBar *self)
{
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) who = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *blueprints, *personas;
  TptBlueprint *fallback;
  guint state = 0, chosen = 0;
  gboolean found = FALSE;

  g_ptr_array_set_size (self->states, 0);
  g_ptr_array_set_size (self->personas, 0);
  g_ptr_array_set_size (self->segments, 0);
  if (self->document == NULL)
    {
      self->rebuilding = TRUE;
      gtk_drop_down_set_model (self->state_dropdown, NULL);
      gtk_drop_down_set_model (self->who_dropdown, NULL);
      self->rebuilding = FALSE;
      return;
    }

  blueprints = tpt_document_get_blueprints (self->document);
  fallback = tpt_coverage_default_blueprint (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);
      const char *title = tpt_blueprint_get_title (blueprint);

      gtk_string_list_append (states, title != NULL && *title ? title : _("Untitled blueprint"));
      if (blueprint == self->blueprint || (self->blueprint == NULL && blueprint == fallback))
        state = i;
      g_ptr_array_add (self->states, g_object_ref (blueprint));
    }
  /* A chosen state that has gone gives way to the default. */
  if (self->blueprint != NULL && !g_ptr_array_find (self->states, self->blueprint, NULL))
    {
      g_clear_object (&self->blueprint);
      g_ptr_array_find (self->states, fallback, &state);
    }

  gtk_string_list_append (who, _("Everyone’s Needs"));
  g_ptr_array_add (self->personas, NULL);
  g_ptr_array_add (self->segments, NULL);
  personas = tpt_document_get_personas (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(TptPersona) persona = g_list_model_get_item (personas, i);

      gtk_string_list_append (who, tpt_persona_get_name (persona));
      if (persona == self->persona)
        {
          chosen = self->personas->len;
          found = TRUE;
        }
      g_ptr_array_add (self->personas, g_object_ref (persona));
      g_ptr_array_add (self->segments, NULL);
    }
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(TptPersona) persona = g_list_model_get_item (personas, i);
      const char *segment = tpt_persona_get_segment (persona);
      g_autofree char *entry = NULL;

      if (segment == NULL || *segment == '\0' || !g_hash_table_add (seen, (char *) segment))
        continue;
      /* Translators: an entry of the matrix's "whose needs" choice. */
      entry = g_strdup_printf (_("Segment “%s”"), segment);
      gtk_string_list_append (who, entry);
      if (g_strcmp0 (segment, self->segment) == 0)
        {
          chosen = self->personas->len;
          found = TRUE;
        }
      g_ptr_array_add (self->personas, NULL);
      g_ptr_array_add (self->segments, g_strdup (segment));
    }
  if (!found)
    {
      g_clear_object (&self->persona);
      g_clear_pointer (&self->segment, g_free);
    }

  self->rebuilding = TRUE;
  gtk_drop_down_set_model (self->state_dropdown, G_LIST_MODEL (states));
  gtk_drop_down_set_selected (self->state_dropdown, state);
  gtk_drop_down_set_model (self->who_dropdown, G_LIST_MODEL (who));
  gtk_drop_down_set_selected (self->who_dropdown, chosen);
  self->rebuilding = FALSE;
}

static gboolean
rebuild_cb (gpointer user_data)
{
  TptFilterBar *self = user_data;
  TptBlueprint *blueprint = self->blueprint;
  TptPersona *persona = self->persona;
  g_autofree char *segment = g_strdup (self->segment);

  self->rebuild_id = 0;
  rebuild (self);
  /* What was chosen may have gone with what changed. */
  if (blueprint != self->blueprint || persona != self->persona ||
      g_strcmp0 (segment, self->segment) != 0)
    g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

/* Titles, names and segments change a keystroke at a time, and a gesture
 * may add or remove many: the lists are made again once it is over. */
static void
queue_rebuild (TptFilterBar *self)
{
  if (self->rebuild_id == 0)
    self->rebuild_id = g_idle_add (rebuild_cb, self);
}

static void
node_changed_cb (TptFilterBar *self,
                 TptNode      *node)
{
  if (TPT_IS_BLUEPRINT (node) || TPT_IS_PERSONA (node))
    queue_rebuild (self);
}

static void
state_selected_cb (TptFilterBar *self)
{
  guint selected = gtk_drop_down_get_selected (self->state_dropdown);

  if (self->rebuilding || selected >= self->states->len)
    return;
  g_set_object (&self->blueprint, g_ptr_array_index (self->states, selected));
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
who_selected_cb (TptFilterBar *self)
{
  guint selected = gtk_drop_down_get_selected (self->who_dropdown);

  if (self->rebuilding || selected >= self->personas->len)
    return;
  g_set_object (&self->persona, g_ptr_array_index (self->personas, selected));
  g_free (self->segment);
  self->segment = g_strdup (g_ptr_array_index (self->segments, selected));
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Watches @document for what the lists show. */
static void
follow_document (TptFilterBar *self,
                 TptDocument  *document)
{
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (tpt_document_get_blueprints (self->document), self);
      g_signal_handlers_disconnect_by_data (tpt_document_get_personas (self->document), self);
    }
  g_set_object (&self->document, document);
  g_clear_object (&self->blueprint);
  g_clear_object (&self->persona);
  g_clear_pointer (&self->segment, g_free);
  if (document != NULL)
    {
      g_signal_connect_object (document, "node-changed", G_CALLBACK (node_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (tpt_document_get_blueprints (document), "items-changed",
                               G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (tpt_document_get_personas (document), "items-changed",
                               G_CALLBACK (queue_rebuild), self, G_CONNECT_SWAPPED);
    }
  g_clear_handle_id (&self->rebuild_id, g_source_remove);
}

/**
 * tpt_filter_bar_set_document:
 * @self: a #TptFilterBar
 * @document: (nullable): the window's document
 *
 * Lists @document's states, personas and segments; the choice goes back
 * to the default state and everyone's needs.
 */
void
tpt_filter_bar_set_document (TptFilterBar *self,
                             TptDocument  *document)
{
  g_return_if_fail (TPT_IS_FILTER_BAR (self));
  g_return_if_fail (document == NULL || TPT_IS_DOCUMENT (document));

  follow_document (self, document);
  rebuild (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * tpt_filter_bar_get_filter:
 * @self: a #TptFilterBar
 * @filter: (out caller-allocates): the choice, borrowed from the bar; its
 *   blueprint %NULL for the default state
 */
void
tpt_filter_bar_get_filter (TptFilterBar      *self,
                           TptCoverageFilter *filter)
{
  g_return_if_fail (TPT_IS_FILTER_BAR (self));
  g_return_if_fail (filter != NULL);

  filter->blueprint = self->blueprint;
  filter->persona = self->persona;
  filter->segment = self->segment;
}

static void
tpt_filter_bar_dispose (GObject *object)
{
  TptFilterBar *self = TPT_FILTER_BAR (object);

  follow_document (self, NULL);
  g_clear_pointer (&self->states, g_ptr_array_unref);
  g_clear_pointer (&self->personas, g_ptr_array_unref);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TPT_TYPE_FILTER_BAR);

  G_OBJECT_CLASS (tpt_filter_bar_parent_class)->dispose (object);
}

static void
tpt_filter_bar_class_init (TptFilterBarClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tpt_filter_bar_dispose;

  /**
   * TptFilterBar::changed:
   *
   * The choice changed, by the user or because what was chosen went.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/"
                                               "tpt-filter-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, TptFilterBar, box);
  gtk_widget_class_bind_template_child (widget_class, TptFilterBar, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, TptFilterBar, who_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, state_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, who_selected_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "filterbar");
}

static void
tpt_filter_bar_init (TptFilterBar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->states = g_ptr_array_new_with_free_func (g_object_unref);
  self->personas = g_ptr_array_new_with_free_func (unref_if_set);
  self->segments = g_ptr_array_new_with_free_func (g_free);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item_cb), NULL);
  gtk_drop_down_set_factory (self->state_dropdown, factory);
  gtk_drop_down_set_factory (self->who_dropdown, factory);
  g_object_unref (factory);
}

GtkWidget *
tpt_filter_bar_new (void)
{
  return g_object_new (TPT_TYPE_FILTER_BAR, NULL);
}
