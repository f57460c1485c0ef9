/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-pages"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-pages.h"

#include "tpt-blueprint-page.h"
#include "tpt-cover-page.h"
#include "tpt-coverage-page.h"
#include "tpt-gallery-page.h"
#include "tpt-matrix-page.h"
#include "tpt-report-page.h"
#include "tpt-slide.h"
#include "tpt-slide-edits.h"

/* The centre of a window: one page per artefact that has one (see the
 * artefact table), each in its scrolled window, in a stack that shows the
 * page of whatever the window's selection holds. The pages share the
 * window's document and selection; which one shows is the only state
 * here. */

struct _TptPages
{
  GtkWidget        parent_instance;

  GtkWidget       *stack;
  TptCanvas       *pages[TPT_ARTEFACT_N_KINDS];   /* NULL for kinds without a page */
  TptSelection    *selection;
  TptArtefactKind  visible;
};

enum {
  PROP_0,
  PROP_VISIBLE_PAGE,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TptPages, tpt_pages, GTK_TYPE_WIDGET)

static GtkWidget *
new_page (TptArtefactKind kind)
{
  switch (kind)
    {
    case TPT_ARTEFACT_BLUEPRINT:
      return tpt_blueprint_page_new ();
    case TPT_ARTEFACT_PERSONAS:
      return tpt_gallery_page_new ();
    case TPT_ARTEFACT_NEEDS_MATRIX:
      return tpt_matrix_page_new ();
    case TPT_ARTEFACT_COVERAGE:
      return tpt_coverage_page_new ();
    case TPT_ARTEFACT_COVER:
      return tpt_cover_page_new ();
    case TPT_ARTEFACT_STAGE:
    case TPT_ARTEFACT_PERSONA:
    case TPT_ARTEFACT_JOURNEYS:
    case TPT_ARTEFACT_CASE_FOR_CHANGE:
    default:
      /* Any other report is drawn through the renderer table. */
      g_return_val_if_fail (tpt_artefact_kind_has_flags (kind, TPT_ARTEFACT_FLAG_REPORT), NULL);
      return tpt_report_page_new (kind);
    }
}

/**
 * tpt_pages_show:
 * @self: the pages
 * @kind: an artefact with a page of its own
 * @blueprint: (nullable): the blueprint, for %TPT_ARTEFACT_BLUEPRINT
 *
 * Shows the page of @kind. A different artefact starts at a zoom that
 * fits it.
 */
void
tpt_pages_show (TptPages        *self,
                TptArtefactKind  kind,
                TptBlueprint    *blueprint)
{
  TptCanvas *page;
  gboolean changed;

  g_return_if_fail (TPT_IS_PAGES (self));
  g_return_if_fail (tpt_artefact_kind_has_flags (kind, TPT_ARTEFACT_FLAG_PAGE));
  g_return_if_fail (kind != TPT_ARTEFACT_BLUEPRINT || TPT_IS_BLUEPRINT (blueprint));

  page = self->pages[kind];
  changed = kind != self->visible;
  if (kind == TPT_ARTEFACT_BLUEPRINT &&
      tpt_blueprint_page_get_blueprint (TPT_BLUEPRINT_PAGE (page)) != blueprint)
    {
      tpt_blueprint_page_set_blueprint (TPT_BLUEPRINT_PAGE (page), blueprint);
      changed = TRUE;
    }
  if (!changed)
    return;

  if (kind != self->visible)
    {
      tpt_canvas_end_edit (self->pages[self->visible], TPT_EDITOR_END_COMMIT);
      tpt_canvas_close_menu (self->pages[self->visible]);
    }
  self->visible = kind;
  gtk_stack_set_visible_child (GTK_STACK (self->stack),
                               gtk_widget_get_parent (GTK_WIDGET (page)));
  tpt_canvas_zoom_to_fit (page);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* What is selected anywhere is shown where it lives; an empty selection
 * keeps the page that shows. */
static void
selection_changed_cb (TptPages *self)
{
  TptNode *node = tpt_selection_get_primary (self->selection);
  TptBlueprint *blueprint;
  TptArtefactKind kind;

  if (node == NULL)
    return;
  kind = tpt_artefact_kind_for_node (node, &blueprint);
  if (kind == TPT_ARTEFACT_BLUEPRINT && blueprint == NULL)
    return;
  tpt_pages_show (self, kind, blueprint);
  if (TPT_IS_SLIDE (node))
    tpt_pages_frame_slide (self, TPT_SLIDE (node));
}

/* The blueprint shown may have gone (deleted, or its creation undone):
 * the cover is always there. */
static void
blueprint_gone_cb (TptPages *self)
{
  TptBlueprintPage *page = TPT_BLUEPRINT_PAGE (self->pages[TPT_ARTEFACT_BLUEPRINT]);

  if (self->visible == TPT_ARTEFACT_BLUEPRINT && tpt_blueprint_page_get_blueprint (page) == NULL)
    tpt_pages_show (self, TPT_ARTEFACT_COVER, NULL);
  else
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

void
tpt_pages_set_document (TptPages    *self,
                        TptDocument *document)
{
  g_return_if_fail (TPT_IS_PAGES (self));

  for (guint i = 0; i < TPT_ARTEFACT_N_KINDS; i++)
    if (self->pages[i] != NULL)
      tpt_canvas_set_document (self->pages[i], document);
  self->visible = TPT_ARTEFACT_COVER;
  gtk_stack_set_visible_child (GTK_STACK (self->stack),
                               gtk_widget_get_parent (GTK_WIDGET (self->pages[TPT_ARTEFACT_COVER])));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VISIBLE_PAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * tpt_pages_set_selection:
 * @self: the pages
 * @selection: the window's selection, which every page shows and changes
 */
void
tpt_pages_set_selection (TptPages     *self,
                         TptSelection *selection)
{
  g_return_if_fail (TPT_IS_PAGES (self));
  g_return_if_fail (TPT_IS_SELECTION (selection));

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_set_object (&self->selection, selection);
  /* Before the pages: the page that shows a node knows its artefact. */
  g_signal_connect_object (selection, "changed", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  for (guint i = 0; i < TPT_ARTEFACT_N_KINDS; i++)
    if (self->pages[i] != NULL)
      tpt_canvas_set_selection (self->pages[i], selection);
}

TptArtefactKind
tpt_pages_get_visible_kind (TptPages *self)
{
  g_return_val_if_fail (TPT_IS_PAGES (self), TPT_ARTEFACT_COVER);

  return self->visible;
}

/**
 * tpt_pages_get_visible_page:
 *
 * Returns: (transfer none): the page that shows
 */
TptCanvas *
tpt_pages_get_visible_page (TptPages *self)
{
  g_return_val_if_fail (TPT_IS_PAGES (self), NULL);

  return self->pages[self->visible];
}

/**
 * tpt_pages_get_page:
 * @self: the pages
 * @kind: an artefact with a page of its own
 *
 * Returns: (transfer none): its page
 */
TptCanvas *
tpt_pages_get_page (TptPages        *self,
                    TptArtefactKind  kind)
{
  g_return_val_if_fail (TPT_IS_PAGES (self), NULL);
  g_return_val_if_fail ((guint) kind < TPT_ARTEFACT_N_KINDS, NULL);

  return self->pages[kind];
}

/**
 * tpt_pages_get_blueprint:
 *
 * Returns: (nullable) (transfer none): the blueprint shown, if the
 *   blueprint page shows
 */
TptBlueprint *
tpt_pages_get_blueprint (TptPages *self)
{
  g_return_val_if_fail (TPT_IS_PAGES (self), NULL);

  if (self->visible != TPT_ARTEFACT_BLUEPRINT)
    return NULL;
  return tpt_blueprint_page_get_blueprint (TPT_BLUEPRINT_PAGE (self->pages[TPT_ARTEFACT_BLUEPRINT]));
}

/**
 * tpt_pages_get_title:
 *
 * Returns: what shows: the blueprint's title, or the artefact's name
 */
const char *
tpt_pages_get_title (TptPages *self)
{
  TptBlueprint *blueprint;

  g_return_val_if_fail (TPT_IS_PAGES (self), NULL);

  blueprint = tpt_pages_get_blueprint (self);
  if (blueprint != NULL)
    return tpt_blueprint_get_title (blueprint);
  return tpt_artefact_kind_get_title (self->visible);
}

/* Where @slide's stage or persona card is drawn on its page, or the
 * report of its blueprint on the report's, if it has one. */
static gboolean
slide_target_rect (TptPages *self,
                   TptSlide *slide,
                   TptRect  *rect)
{
  TptNode *target = tpt_slide_get_target_node (slide);

  if (TPT_IS_STAGE (target))
    return tpt_canvas_locate (self->pages[TPT_ARTEFACT_BLUEPRINT], target, "body", rect);
  if (TPT_IS_PERSONA (target))
    return tpt_canvas_locate (self->pages[TPT_ARTEFACT_PERSONAS], target, "card", rect);
  if (target != NULL && TPT_IS_REPORT_PAGE (self->pages[self->visible]))
    return tpt_canvas_locate (self->pages[self->visible], target, "section", rect);
  return FALSE;
}

/**
 * tpt_pages_frame_slide:
 * @self: the pages
 * @slide: a slide of the document
 *
 * Shows what @slide shows as it will be presented: its region, its stage
 * or persona card, or the whole artefact.
 */
void
tpt_pages_frame_slide (TptPages *self,
                       TptSlide *slide)
{
  TptCanvas *page;
  TptRect rect, card;

  g_return_if_fail (TPT_IS_PAGES (self));
  g_return_if_fail (TPT_IS_SLIDE (slide));

  page = self->pages[self->visible];
  /* An edit just before may have queued a layout; frame the current one. */
  tpt_canvas_relayout_now (page);

  /* A cover slide is laid out afresh for the slide: its region, if any,
   * is not on the page drawn here. */
  if (tpt_slide_get_artefact (slide) == TPT_ARTEFACT_COVER)
    {
      tpt_canvas_zoom_to_fit (page);
      return;
    }

  /* A report's page has the drawings of every target, one under the
   * other: the page fits the view, as it does when it shows, and the
   * slide's drawing is brought into sight. */
  if (TPT_IS_REPORT_PAGE (page))
    {
      tpt_canvas_zoom_to_fit (page);
      if (slide_target_rect (self, slide, &rect))
        tpt_canvas_scroll_to (page, &(TptRect) { rect.x, rect.y, rect.width,
                                                 MIN (rect.height, 100) });
      return;
    }

  /* A persona's region is in the drawing of its card alone. */
  if (tpt_slide_get_artefact (slide) == TPT_ARTEFACT_PERSONA &&
      slide_target_rect (self, slide, &card))
    {
      if (tpt_slide_get_region (slide, &rect.x, &rect.y, &rect.width, &rect.height))
        {
          rect.x += card.x - TPT_SLIDE_CARD_PAPER;
          rect.y += card.y - TPT_SLIDE_CARD_PAPER;
        }
      else
        rect = card;
      tpt_canvas_zoom_to_rect (page, &rect);
    }
  else if (tpt_slide_get_region (slide, &rect.x, &rect.y, &rect.width, &rect.height) ||
           slide_target_rect (self, slide, &rect))
    tpt_canvas_zoom_to_rect (page, &rect);
  else
    tpt_canvas_zoom_to_fit (page);
}

static void
tpt_pages_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TptPages *self = TPT_PAGES (object);

  switch (prop_id)
    {
    case PROP_VISIBLE_PAGE:
      g_value_set_object (value, tpt_pages_get_visible_page (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, tpt_pages_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_pages_dispose (GObject *object)
{
  TptPages *self = TPT_PAGES (object);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  g_clear_pointer (&self->stack, gtk_widget_unparent);
  memset (self->pages, 0, sizeof self->pages);

  G_OBJECT_CLASS (tpt_pages_parent_class)->dispose (object);
}

static void
tpt_pages_class_init (TptPagesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tpt_pages_dispose;
  object_class->get_property = tpt_pages_get_property;

  properties[PROP_VISIBLE_PAGE] =
    g_param_spec_object ("visible-page", NULL, NULL, TPT_TYPE_CANVAS,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "pages");
}

static void
tpt_pages_init (TptPages *self)
{
  self->stack = gtk_stack_new ();
  gtk_widget_set_parent (self->stack, GTK_WIDGET (self));
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self), TRUE);

  for (guint i = 0; i < TPT_ARTEFACT_N_KINDS; i++)
    {
      const TptArtefactInfo *info = tpt_artefact_kind_get_info (i);
      GtkWidget *scroller;

      if (!(info->flags & TPT_ARTEFACT_FLAG_PAGE))
        continue;
      self->pages[i] = TPT_CANVAS (new_page (i));
      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->pages[i]));
      gtk_stack_add_named (GTK_STACK (self->stack), scroller, info->name);
    }
  self->visible = TPT_ARTEFACT_COVER;
  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "cover");

  g_signal_connect_object (self->pages[TPT_ARTEFACT_BLUEPRINT], "notify::document",
                           G_CALLBACK (blueprint_gone_cb), self, G_CONNECT_SWAPPED);
}

GtkWidget *
tpt_pages_new (void)
{
  return g_object_new (TPT_TYPE_PAGES, NULL);
}
