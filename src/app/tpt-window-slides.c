/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-window"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-window-private.h"

#include "tpt-blueprint-page.h"
#include "tpt-case-for-change.h"
#include "tpt-gallery-page.h"
#include "tpt-persona-renderer.h"
#include "tpt-region-capture.h"
#include "tpt-slide-edits.h"
#include "tpt-text.h"

/* The window's slide actions: a new slide of a region dragged out on the
 * artefact shown, or of all of it. A region is in the drawing the view
 * shows, as the file format has it (data/touchpoint.rng), with two
 * exceptions:
 *
 * - a slide shows one persona's card, not the gallery: a region there
 *   picks the card (the one under its centre, else under a corner) and is
 *   cut to it and moved into the card's own drawing; one over all of the
 *   card makes a slide of the whole card, laid out to suit the slide;
 * - the cover is laid out for the slide's frame, not the page drawn here,
 *   so its slide is always the whole cover. */

static TptPersona *
persona_in (TptWindow     *self,
            const TptRect *region,
            guint         *index)
{
  TptGalleryPage *gallery = TPT_GALLERY_PAGE (tpt_pages_get_page (self->pages, TPT_ARTEFACT_PERSONAS));
  const double points[][2] = {
    { region->x + region->width / 2, region->y + region->height / 2 },
    { region->x, region->y },
    { tpt_rect_right (region), region->y },
    { region->x, tpt_rect_bottom (region) },
    { tpt_rect_right (region), tpt_rect_bottom (region) },
  };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    if (tpt_gallery_page_persona_at (gallery, points[i][0], points[i][1], index))
      return g_list_model_get_item (tpt_document_get_personas (self->document), *index);

  return NULL;
}

/* Cuts @region of the gallery to the card of persona number @index and
 * moves it into the card's drawing; %FALSE if it covers all of the card. */
static gboolean
region_on_card (TptDocument *document,
                guint        index,
                TptRect     *region)
{
  PangoContext *context = tpt_text_context_new ();
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (TptPersonaPart));
  double left, top, right, bottom;

  /* Measured as the view measures them, with a context of its kind. */
  tpt_persona_gallery_collect_parts (context, document, parts);
  g_object_unref (context);
  for (guint i = 0; i < parts->len; i++)
    {
      const TptPersonaPart *part = &g_array_index (parts, TptPersonaPart, i);
      const TptRect *card = &part->rect;

      if (part->persona != index || part->field != TPT_PERSONA_FIELD_CARD)
        continue;

      left = MAX (region->x, card->x);
      top = MAX (region->y, card->y);
      right = MIN (tpt_rect_right (region), tpt_rect_right (card));
      bottom = MIN (tpt_rect_bottom (region), tpt_rect_bottom (card));
      /* Within a point of the whole card is the whole card. */
      if (right - left < 1 || bottom - top < 1 ||
          (left - card->x < 1 && top - card->y < 1 &&
           tpt_rect_right (card) - right < 1 && tpt_rect_bottom (card) - bottom < 1))
        return FALSE;

      *region = (TptRect) { left - card->x + TPT_SLIDE_CARD_PAPER,
                            top - card->y + TPT_SLIDE_CARD_PAPER,
                            right - left, bottom - top };
      return TRUE;
    }

  return FALSE;
}

/* The persona a slide of the whole gallery shows: the one chosen, else the
 * first. */
static TptPersona *
chosen_persona (TptWindow *self)
{
  TptPersona *persona =
    tpt_gallery_page_get_selected (TPT_GALLERY_PAGE (tpt_pages_get_page (self->pages,
                                                                         TPT_ARTEFACT_PERSONAS)));

  if (persona != NULL)
    return g_object_ref (persona);
  return g_list_model_get_item (tpt_document_get_personas (self->document), 0);
}

/* Adds a slide of what the view shows, or of @region of it, after the
 * slide selected; then selects it, to be named. */
static void
add_slide (TptWindow     *self,
           const TptRect *region)
{
  TptBlueprint *blueprint = tpt_pages_get_blueprint (self->pages);
  g_autoptr(TptPersona) persona = NULL;
  g_autoptr(GPtrArray) futures = NULL;
  TptRect on_card;
  guint index = 0;
  TptArtefactKind  artefact;
  TptNode *target = NULL;
  const char *title;
  TptSlide *slide;
  guint position;

  switch (tpt_pages_get_visible_kind (self->pages))
    {
    case TPT_ARTEFACT_BLUEPRINT:
      artefact = TPT_ARTEFACT_BLUEPRINT;
      target = TPT_NODE (blueprint);
      title = tpt_blueprint_get_title (blueprint);
      break;

    case TPT_ARTEFACT_PERSONAS:
      persona = region != NULL ? persona_in (self, region, &index) : chosen_persona (self);
      if (persona == NULL)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          tpt_window_show_toast (self, region != NULL ? _("Drag over a persona’s card")
                                                      : _("Add a persona first"), FALSE);
          return;
        }
      artefact = TPT_ARTEFACT_PERSONA;
      target = TPT_NODE (persona);
      title = tpt_persona_get_name (persona);
      if (region != NULL)
        {
          on_card = *region;
          region = region_on_card (self->document, index, &on_card) ? &on_card : NULL;
        }
      break;

    case TPT_ARTEFACT_NEEDS_MATRIX:
      artefact = TPT_ARTEFACT_NEEDS_MATRIX;
      title = _("Needs Matrix");
      break;

    case TPT_ARTEFACT_COVERAGE:
      artefact = TPT_ARTEFACT_COVERAGE;
      title = _("Coverage");
      break;

    /* The case of the first future state, whole: a region of the page
     * is not one of the drawing a slide shows. */
    case TPT_ARTEFACT_CASE_FOR_CHANGE:
      futures = tpt_case_for_change_list_futures (self->document);
      if (futures->len == 0)
        {
          gtk_widget_error_bell (GTK_WIDGET (self));
          tpt_window_show_toast (self, _("Duplicate a blueprint as a future state first"),
                                 FALSE);
          return;
        }
      artefact = TPT_ARTEFACT_CASE_FOR_CHANGE;
      target = g_ptr_array_index (futures, 0);
      title = tpt_artefact_kind_get_title (artefact);
      region = NULL;
      break;

    case TPT_ARTEFACT_JOURNEYS:
      gtk_widget_error_bell (GTK_WIDGET (self));
      tpt_window_show_toast (self, _("The journey numbers are a page of the PDF, not a slide"),
                             FALSE);
      return;

    case TPT_ARTEFACT_COVER:
    default:
      artefact = TPT_ARTEFACT_COVER;
      title = tpt_document_get_title (self->document);
      if (title[0] == '\0')
        title = _("Cover");
      region = NULL;
      break;
    }

  position = tpt_slide_edits_position_after (self->document,
                                             tpt_selection_get_primary (self->selection));
  slide = tpt_slide_edits_add (self->document, position, artefact, target, title,
                               region != NULL ? &(TptSlideRegion) { region->x, region->y,
                                                                    region->width,
                                                                    region->height }
                                              : NULL);
  if (slide == NULL)
    return;

  tpt_outline_set_selected (self->outline, TPT_NODE (slide));
  gtk_widget_activate_action (GTK_WIDGET (self->outline), "outline.rename", NULL);
}

static void
captured_cb (TptRegionCapture *capture,
             double            x,
             double            y,
             double            width,
             double            height,
             TptWindow        *self)
{
  TptRect region = { x, y, width, height };

  add_slide (self, &region);
}

/* A slide shows every step: a stage collapsed on screen would put what is
 * dragged over somewhere else on it. So the stages open first. */
static void
expand_stages (TptWindow *self)
{
  TptBlueprint *blueprint = tpt_pages_get_blueprint (self->pages);
  GListModel *stages;

  if (tpt_pages_get_visible_kind (self->pages) != TPT_ARTEFACT_BLUEPRINT || blueprint == NULL)
    return;

  stages = tpt_blueprint_get_stages (blueprint);
  for (guint i = 0; i < g_list_model_get_n_items (stages); i++)
    {
      g_autoptr(TptStage) stage = g_list_model_get_item (stages, i);

      tpt_blueprint_page_set_stage_collapsed (TPT_BLUEPRINT_PAGE (tpt_pages_get_page (self->pages, TPT_ARTEFACT_BLUEPRINT)),
                                              stage, FALSE);
    }
}

static void
add_slide_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  TptWindow *self = TPT_WINDOW (widget);
  TptRegionCapture *capture = tpt_canvas_get_region_capture (tpt_pages_get_visible_page (self->pages));

  if (g_str_equal (action_name, "win.add-slide-whole"))
    {
      tpt_region_capture_cancel (capture);
      add_slide (self, NULL);
    }
  /* Asked for again while picking, it stops, as Escape does. */
  else if (tpt_region_capture_get_active (capture))
    tpt_region_capture_cancel (capture);
  else
    {
      expand_stages (self);
      tpt_region_capture_begin (capture);
    }
}

void
tpt_window_slides_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-slide", NULL, add_slide_action);
  gtk_widget_class_install_action (widget_class, "win.add-slide-whole", NULL, add_slide_action);
}

void
tpt_window_slides_init (TptWindow *self)
{
  /* Each page picks regions of its own artefact. */
  for (guint i = 0; i < TPT_ARTEFACT_N_KINDS; i++)
    if (tpt_pages_get_page (self->pages, i) != NULL)
      g_signal_connect_object (tpt_canvas_get_region_capture (tpt_pages_get_page (self->pages, i)),
                               "captured", G_CALLBACK (captured_cb), self, 0);
}
