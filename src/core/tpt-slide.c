/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-slide"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-slide-private.h"
#include "tpt-case-for-change.h"
#include "tpt-document.h"
#include "tpt-enum-types.h"
#include "tpt-node-private.h"

#include <math.h>

/* One slide of a presentation: a saved view of an artefact (the cover, a
 * blueprint or one of its stages, a persona's card, the needs matrix or
 * the coverage report), optionally cropped to a region of its drawing,
 * with a title and notes for the presenter. The target is held by id, as
 * cards hold the needs they serve, so the slide outlives neither its
 * target nor an undo that brings both back. */
struct _TptSlide
{
  TptNode     parent_instance;
};

G_DEFINE_FINAL_TYPE (TptSlide, tpt_slide, TPT_TYPE_NODE)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_NOTES,
  PROP_ARTEFACT,
  PROP_TARGET,
  PROP_X,
  PROP_Y,
  PROP_WIDTH,
  PROP_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tpt_slide_class_init (TptSlideClass *klass)
{
  TptNodeClass *node_class = TPT_NODE_CLASS (klass);

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ARTEFACT] =
    g_param_spec_enum ("artefact", NULL, NULL,
                       TPT_TYPE_ARTEFACT_KIND, TPT_ARTEFACT_COVER,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TARGET] =
    g_param_spec_string ("target", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  /* A region of zero width means none: the slide shows the whole artefact. */
  properties[PROP_X] =
    g_param_spec_double ("x", NULL, NULL,
                         -TPT_SLIDE_MAX_COORDINATE, TPT_SLIDE_MAX_COORDINATE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_Y] =
    g_param_spec_double ("y", NULL, NULL,
                         -TPT_SLIDE_MAX_COORDINATE, TPT_SLIDE_MAX_COORDINATE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_WIDTH] =
    g_param_spec_double ("width", NULL, NULL,
                         0, TPT_SLIDE_MAX_COORDINATE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_HEIGHT] =
    g_param_spec_double ("height", NULL, NULL,
                         0, TPT_SLIDE_MAX_COORDINATE, 0,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  tpt_node_class_install_fields (node_class, "sl", N_PROPS, properties);
}

static void
tpt_slide_init (TptSlide *self)
{
}

/**
 * tpt_slide_round_coordinate:
 * @value: a coordinate in points
 *
 * Regions are kept to a hundredth of a point, far finer than any eye or
 * pointer, so that the file writes them as short decimals that read back
 * to the very same numbers.
 *
 * Returns: @value rounded to a hundredth
 */
double
tpt_slide_round_coordinate (double value)
{
  gint64 hundredths;

  /* Within the range first, so that the integer below cannot overflow;
   * rounded half away from zero without libm, which core does not link. */
  value = CLAMP (value, -TPT_SLIDE_MAX_COORDINATE, TPT_SLIDE_MAX_COORDINATE);
  hundredths = (gint64) (value * 100 + (value >= 0 ? 0.5 : -0.5));

  /* Dividing an integer gives the double nearest the decimal, the same
   * one reading it back gives; and there is no "-0". */
  return hundredths == 0 ? 0 : (double) hundredths / 100;
}

static gboolean
target_fits (TptArtefactKind   artefact,
             TptNode          *target)
{
  GType type = tpt_artefact_kind_get_target_type (artefact);

  if (!tpt_artefact_kind_has_flags (artefact, TPT_ARTEFACT_FLAG_SLIDE))
    return FALSE;
  if (type == G_TYPE_NONE)
    return target == NULL;
  return target != NULL && G_TYPE_CHECK_INSTANCE_TYPE (target, type) &&
         tpt_node_get_id (target) != NULL;
}

/**
 * tpt_slide_new:
 * @document: (nullable): the document it will belong to, which gives it an id
 * @artefact: what it shows
 * @target: (nullable): the blueprint, stage or persona it shows, as
 *   @artefact says; %NULL for the cover, the needs matrix and coverage
 *
 * Returns: (transfer full): a new slide of the whole artefact, untitled,
 *   not yet in @document
 */
TptSlide *
tpt_slide_new (TptDocument      *document,
               TptArtefactKind   artefact,
               TptNode          *target)
{
  TptSlide *self;

  g_return_val_if_fail (target_fits (artefact, target), NULL);

  self = TPT_SLIDE (tpt_node_new_in (TPT_TYPE_SLIDE, document));
  tpt_node_set_enum_field (TPT_NODE (self), PROP_ARTEFACT, artefact);
  tpt_node_set_string_field (TPT_NODE (self), PROP_TARGET,
                             target != NULL ? tpt_node_get_id (target) : NULL);

  return self;
}

/**
 * tpt_slide_get_title:
 * @self: a #TptSlide
 *
 * Returns: (transfer none): the title shown above the artefact; may be
 *   empty, and then views show the artefact's own name
 */
const char *
tpt_slide_get_title (TptSlide *self)
{
  g_return_val_if_fail (TPT_IS_SLIDE (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_TITLE);
}

/**
 * tpt_slide_get_notes:
 * @self: a #TptSlide
 *
 * Returns: (transfer none): the presenter's notes, possibly several lines
 */
const char *
tpt_slide_get_notes (TptSlide *self)
{
  g_return_val_if_fail (TPT_IS_SLIDE (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_NOTES);
}

/**
 * tpt_slide_get_artefact:
 * @self: a #TptSlide
 *
 * Returns: what the slide shows
 */
TptArtefactKind
tpt_slide_get_artefact (TptSlide *self)
{
  g_return_val_if_fail (TPT_IS_SLIDE (self), TPT_ARTEFACT_COVER);

  return tpt_node_get_enum_field (TPT_NODE (self), PROP_ARTEFACT);
}

/**
 * tpt_slide_get_target:
 * @self: a #TptSlide
 *
 * Returns: (transfer none): the id of the blueprint, stage or persona the
 *   slide shows, or "" for the document's own artefacts
 */
const char *
tpt_slide_get_target (TptSlide *self)
{
  g_return_val_if_fail (TPT_IS_SLIDE (self), NULL);

  return tpt_node_get_string_field (TPT_NODE (self), PROP_TARGET);
}

/**
 * tpt_slide_get_target_node:
 * @self: a #TptSlide
 *
 * Returns: (nullable) (transfer none): the node the slide shows, looked up
 *   in its document; %NULL for the document's own artefacts, or for a
 *   slide that is in no document
 */
TptNode *
tpt_slide_get_target_node (TptSlide *self)
{
  TptDocument *document;
  GType type;

  g_return_val_if_fail (TPT_IS_SLIDE (self), NULL);

  document = tpt_node_get_document (TPT_NODE (self));
  type = tpt_artefact_kind_get_target_type (tpt_slide_get_artefact (self));
  if (document == NULL || type == G_TYPE_NONE)
    return NULL;

  return tpt_document_lookup_typed (document, tpt_slide_get_target (self), type);
}

/**
 * tpt_slide_get_region:
 * @self: a #TptSlide
 * @x: (out) (optional): the left edge, in the artefact's drawing, in points
 * @y: (out) (optional): the top edge
 * @width: (out) (optional): the width, more than 0
 * @height: (out) (optional): the height, more than 0
 *
 * Returns: %TRUE if the slide shows a region of its artefact, %FALSE if it
 *   shows all of it (and then the outs are left alone)
 */
gboolean
tpt_slide_get_region (TptSlide *self,
                      double   *x,
                      double   *y,
                      double   *width,
                      double   *height)
{
  TptNode *node = TPT_NODE (self);

  g_return_val_if_fail (TPT_IS_SLIDE (self), FALSE);

  if (tpt_node_get_double_field (node, PROP_WIDTH) <= 0 ||
      tpt_node_get_double_field (node, PROP_HEIGHT) <= 0)
    return FALSE;

  if (x != NULL)
    *x = tpt_node_get_double_field (node, PROP_X);
  if (y != NULL)
    *y = tpt_node_get_double_field (node, PROP_Y);
  if (width != NULL)
    *width = tpt_node_get_double_field (node, PROP_WIDTH);
  if (height != NULL)
    *height = tpt_node_get_double_field (node, PROP_HEIGHT);
  return TRUE;
}

/* Edits -----------------------------------------------------------------------
 *
 * Like the blueprint's structure edits, each opens its own labelled
 * transaction while the slide is in a document, so that it is one undo
 * step alone and folds into a larger transaction around it (typing in the
 * notes, wrapped in a merging transaction by the editor, is one step); a
 * slide still being built just changes. */

static void
begin (TptSlide   *self,
       const char *label)
{
  TptDocument *document = tpt_node_get_document (TPT_NODE (self));

  if (document != NULL && tpt_node_is_attached (TPT_NODE (self)))
    tpt_document_begin (document, label);
}

static void
end (TptSlide *self)
{
  TptDocument *document = tpt_node_get_document (TPT_NODE (self));

  if (document != NULL && tpt_node_is_attached (TPT_NODE (self)))
    tpt_document_end (document);
}

/**
 * tpt_slide_set_title:
 * @self: a #TptSlide
 * @title: (nullable): the title shown above the artefact; empty for the
 *   artefact's own name
 *
 * Retitles the slide, as one undoable step.
 */
void
tpt_slide_set_title (TptSlide   *self,
                     const char *title)
{
  g_return_if_fail (TPT_IS_SLIDE (self));

  begin (self, _("Rename Slide"));
  tpt_node_set_string_field (TPT_NODE (self), PROP_TITLE, title);
  end (self);
}

/**
 * tpt_slide_set_notes:
 * @self: a #TptSlide
 * @notes: (nullable): what the presenter wants to say, any number of lines
 *
 * Sets the presenter's notes, as one undoable step. An editor that sets
 * them on every keystroke wraps each call in a merging transaction
 * (tpt_history_begin_full() with %TPT_TRANSACTION_MERGE), so that typing
 * is one step.
 */
void
tpt_slide_set_notes (TptSlide   *self,
                     const char *notes)
{
  g_return_if_fail (TPT_IS_SLIDE (self));

  begin (self, _("Edit Slide Notes"));
  tpt_node_set_string_field (TPT_NODE (self), PROP_NOTES, notes);
  end (self);
}

/**
 * tpt_slide_set_artefact:
 * @self: a #TptSlide
 * @artefact: what the slide is to show
 * @target: (nullable): the blueprint, stage or persona, as @artefact
 *   needs; %NULL for the cover, the needs matrix and coverage
 *
 * Points the slide at another artefact, as one undoable step. The region
 * is kept: it is the caller's to clear if it means nothing there.
 */
void
tpt_slide_set_artefact (TptSlide         *self,
                        TptArtefactKind   artefact,
                        TptNode          *target)
{
  g_return_if_fail (TPT_IS_SLIDE (self));
  g_return_if_fail (target_fits (artefact, target));

  begin (self, _("Change Slide Artefact"));
  tpt_node_set_enum_field (TPT_NODE (self), PROP_ARTEFACT, artefact);
  tpt_node_set_string_field (TPT_NODE (self), PROP_TARGET,
                             target != NULL ? tpt_node_get_id (target) : NULL);
  end (self);
}

void
tpt_slide_set_reference (TptSlide         *self,
                         TptArtefactKind   artefact,
                         const char       *target)
{
  g_return_if_fail (TPT_IS_SLIDE (self));

  begin (self, _("Change Slide Artefact"));
  tpt_node_set_enum_field (TPT_NODE (self), PROP_ARTEFACT, artefact);
  tpt_node_set_string_field (TPT_NODE (self), PROP_TARGET, target);
  end (self);
}

/**
 * tpt_slide_set_region:
 * @self: a #TptSlide
 * @x: the left edge, in the artefact's drawing, in points
 * @y: the top edge
 * @width: the width, at least a hundredth of a point
 * @height: the height, at least a hundredth of a point
 *
 * Crops the slide to a region of its artefact, as one undoable step. The
 * numbers are rounded to hundredths of a point (see
 * tpt_slide_round_coordinate()) and clamped to ±%TPT_SLIDE_MAX_COORDINATE.
 */
void
tpt_slide_set_region (TptSlide *self,
                      double    x,
                      double    y,
                      double    width,
                      double    height)
{
  TptNode *node = TPT_NODE (self);

  g_return_if_fail (TPT_IS_SLIDE (self));
  g_return_if_fail (isfinite (x) && isfinite (y) && isfinite (width) && isfinite (height));
  g_return_if_fail (tpt_slide_round_coordinate (width) > 0);
  g_return_if_fail (tpt_slide_round_coordinate (height) > 0);

  begin (self, _("Crop Slide"));
  tpt_node_set_double_field (node, PROP_X, tpt_slide_round_coordinate (x));
  tpt_node_set_double_field (node, PROP_Y, tpt_slide_round_coordinate (y));
  tpt_node_set_double_field (node, PROP_WIDTH, tpt_slide_round_coordinate (width));
  tpt_node_set_double_field (node, PROP_HEIGHT, tpt_slide_round_coordinate (height));
  end (self);
}

/**
 * tpt_slide_clear_region:
 * @self: a #TptSlide
 *
 * Shows the whole artefact again, as one undoable step.
 */
void
tpt_slide_clear_region (TptSlide *self)
{
  TptNode *node = TPT_NODE (self);

  g_return_if_fail (TPT_IS_SLIDE (self));

  begin (self, _("Show Whole Artefact"));
  tpt_node_set_double_field (node, PROP_X, 0);
  tpt_node_set_double_field (node, PROP_Y, 0);
  tpt_node_set_double_field (node, PROP_WIDTH, 0);
  tpt_node_set_double_field (node, PROP_HEIGHT, 0);
  end (self);
}

/* The default presentation --------------------------------------------------- */

static void
add_slide (GPtrArray        *slides,
           TptDocument      *document,
           TptArtefactKind   artefact,
           TptNode          *target,
           const char       *title)
{
  TptSlide *slide = tpt_slide_new (document, artefact, target);

  tpt_slide_set_title (slide, title);
  g_ptr_array_add (slides, slide);
}

/**
 * tpt_slides_new_default:
 * @document: a document
 *
 * Makes the slides a document is presented with when it has no slide list
 * of its own: the cover; each blueprint whole, then one slide a stage;
 * each persona's card; the needs matrix when there are needs and personas
 * to rate them; the coverage report when there are needs and blueprints
 * whose work may serve them; and the case for change of each future state
 * based on another blueprint. Titles come from what each slide shows.
 *
 * Returns: (transfer container) (element-type TptSlide): new slides, not
 *   in @document; insert them with tpt_document_insert_slide() to make
 *   them the document's own list
 */
GPtrArray *
tpt_slides_new_default (TptDocument *document)
{
  g_autoptr(GPtrArray) slides = NULL;
  GListModel *blueprints;
  GListModel *personas;
  guint n_blueprints, n_personas, n_needs;
  const char *title;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  slides = g_ptr_array_new_with_free_func (g_object_unref);
  blueprints = tpt_document_get_blueprints (document);
  personas = tpt_document_get_personas (document);
  n_blueprints = g_list_model_get_n_items (blueprints);
  n_personas = g_list_model_get_n_items (personas);
  n_needs = g_list_model_get_n_items (tpt_document_get_needs (document));
  title = tpt_document_get_title (document);

  add_slide (slides, document, TPT_ARTEFACT_COVER, NULL,
             title[0] != '\0' ? title : _("Cover"));

  for (guint b = 0; b < n_blueprints; b++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, b);
      GListModel *stages = tpt_blueprint_get_stages (blueprint);
      guint n_stages = g_list_model_get_n_items (stages);

      add_slide (slides, document, TPT_ARTEFACT_BLUEPRINT, TPT_NODE (blueprint),
                 tpt_blueprint_get_title (blueprint));
      for (guint s = 0; s < n_stages; s++)
        {
          g_autoptr(TptStage) stage = g_list_model_get_item (stages, s);

          add_slide (slides, document, TPT_ARTEFACT_STAGE, TPT_NODE (stage),
                     tpt_stage_get_title (stage));
        }
    }

  for (guint p = 0; p < n_personas; p++)
    {
      g_autoptr(TptPersona) persona = g_list_model_get_item (personas, p);

      add_slide (slides, document, TPT_ARTEFACT_PERSONA, TPT_NODE (persona),
                 tpt_persona_get_name (persona));
    }

  if (n_needs > 0 && n_personas > 0)
    add_slide (slides, document, TPT_ARTEFACT_NEEDS_MATRIX, NULL, _("Needs Matrix"));
  if (n_needs > 0 && n_blueprints > 0)
    add_slide (slides, document, TPT_ARTEFACT_COVERAGE, NULL, _("Coverage"));

  {
    g_autoptr(GPtrArray) futures = tpt_case_for_change_list_futures (document);

    for (guint i = 0; i < futures->len; i++)
      {
        TptBlueprint *future = g_ptr_array_index (futures, i);
        g_autofree char *name = futures->len == 1
                                ? g_strdup (_("The Case for Change"))
                                /* Translators: a slide's title; %s is a future state's. */
                                : g_strdup_printf (_("The Case for Change: %s"),
                                                   tpt_blueprint_get_title (future));

        add_slide (slides, document, TPT_ARTEFACT_CASE_FOR_CHANGE, TPT_NODE (future), name);
      }
  }

  return g_steal_pointer (&slides);
}

/**
 * tpt_slides_list_for_showing:
 * @document: a document
 *
 * The slides to present or export: the document's own list, or the
 * default set (tpt_slides_new_default()) while that is empty.
 *
 * Returns: (transfer container) (element-type TptSlide): the slides
 */
GPtrArray *
tpt_slides_list_for_showing (TptDocument *document)
{
  GListModel *own;
  GPtrArray *slides;
  guint n;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  own = tpt_document_get_slides (document);
  n = g_list_model_get_n_items (own);
  if (n == 0)
    return tpt_slides_new_default (document);

  slides = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (slides, g_list_model_get_item (own, i));
  return slides;
}
