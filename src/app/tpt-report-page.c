/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-report-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-report-page.h"

#include "tpt-artefact-renderer.h"
#include "tpt-enum-types.h"
#include "tpt-link.h"

/* A report the document's numbers make (the journey numbers, the case for
 * change) as a page: drawn through the renderer table as export draws it,
 * one drawing for each target the table lists for the kind (the document,
 * or each future state), one under the other. Every node a drawing names
 * is a link: a click, or Enter on the one the keyboard is on, selects it,
 * and the window shows it where it lives; Tab and the arrows walk the
 * links. Another kind of report is a row in the tables, not a page of its
 * own. */

/* Room between two drawings, in points, with a rule across it. */
#define SECTION_GAP 24.0

typedef struct
{
  TptArtefactDrawing *drawing;
  double              y;
} Section;

struct _TptReportPage
{
  TptCanvas        parent_instance;

  TptArtefactKind  kind;
  GArray          *sections;  /* Section */
  GArray          *links;     /* TptLink, in the page's points */
  int              focus;     /* the link the keyboard is on, or −1 */
  double           width;
  double           height;
  /* The document changed while the page was hidden: it is laid out when
   * it shows, not on every edit made elsewhere. */
  gboolean         stale;
};

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (TptReportPage, tpt_report_page, TPT_TYPE_CANVAS)

/* What each report's page says while it has nothing to show. */
static const struct
{
  TptArtefactKind  kind;
  const char      *title;
  const char      *body;
} placeholders[] = {
  { TPT_ARTEFACT_JOURNEYS, N_("No Journey Numbers Yet"),
    N_("Journey numbers come from a blueprint’s steps: how long each takes, where the "
       "customer waits, where the service can fail and how often work changes hands. "
       "Add stages and steps to a blueprint.") },
  { TPT_ARTEFACT_CASE_FOR_CHANGE, N_("No Case for Change Yet"),
    N_("The case for change compares a future state with the blueprint it is based on. "
       "Duplicate a blueprint as a future state from its menu in the outline.") },
};

static void
section_clear (gpointer data)
{
  g_clear_pointer (&((Section *) data)->drawing, tpt_artefact_drawing_unref);
}

static const TptLink *
focused_link (TptReportPage *self)
{
  if (self->focus < 0 || (guint) self->focus >= self->links->len)
    return NULL;
  return &g_array_index (self->links, TptLink, self->focus);
}

static void
follow (TptReportPage *self,
        const TptLink *link)
{
  if (link != NULL && tpt_node_is_attached (link->node))
    tpt_selection_select (tpt_canvas_get_selection (TPT_CANVAS (self)), link->node);
}

/* What the keyboard is on, for a screen reader. */
static void
describe (TptReportPage *self)
{
  const TptLink *link = focused_link (self);
  TptNode *node = link != NULL ? link->node : NULL;
  g_autofree char *description = NULL;

  if (TPT_IS_CARD (node))
    /* Translators: a card named on a report; Enter shows it. */
    description = g_strdup_printf (_("Card: %s"), tpt_card_get_text (TPT_CARD (node)));
  else if (TPT_IS_NEED (node))
    description = g_strdup_printf (_("Need: %s"), tpt_need_get_title (TPT_NEED (node)));
  else if (TPT_IS_STEP (node))
    /* Translators: a step named on a report; Enter shows it. */
    description = g_strdup_printf (_("Step: %s"), tpt_step_get_title (TPT_STEP (node)));
  else if (TPT_IS_STAGE (node))
    /* Translators: a stage named on a report; Enter shows it. */
    description = g_strdup_printf (_("Stage: %s"), tpt_stage_get_title (TPT_STAGE (node)));
  else if (TPT_IS_BLUEPRINT (node))
    /* Translators: a blueprint named on a report; Enter shows it. */
    description = g_strdup_printf (_("Blueprint: %s"),
                                   tpt_blueprint_get_title (TPT_BLUEPRINT (node)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description
                                                      : tpt_artefact_kind_get_title (self->kind),
                                  -1);
}

/* Makes a drawing of each target, one under the other, and notes where
 * they name nodes. */
static void
lay_out (TptReportPage *self)
{
  TptCanvas *canvas = TPT_CANVAS (self);
  TptDocument *document = tpt_canvas_get_document (canvas);
  PangoContext *context = tpt_canvas_get_text_context (canvas);
  const TptArtefactRenderer *renderer = tpt_artefact_renderer_get (self->kind);
  g_autoptr(GPtrArray) targets = g_ptr_array_new ();
  double y = 0;

  g_array_set_size (self->sections, 0);
  g_array_set_size (self->links, 0);
  self->width = self->height = 0;
  g_assert (renderer->list_targets != NULL);
  renderer->list_targets (document, targets);

  for (guint i = 0; i < targets->len; i++)
    {
      Section section = { NULL, y };
      g_autoptr(GArray) regions = g_array_new (FALSE, FALSE, sizeof (TptHitRegion));

      section.drawing = tpt_artefact_drawing_new (self->kind, document, targets->pdata[i],
                                                  context);
      tpt_artefact_drawing_collect_regions (section.drawing, NULL, regions);
      for (guint r = 0; r < regions->len; r++)
        {
          TptHitRegion *region = &g_array_index (regions, TptHitRegion, r);

          if (region->kind != TPT_HIT_LINK || region->node == NULL)
            continue;
          region->rect.y += y;
          tpt_link_add (self->links, &region->rect, region->node);
        }
      self->width = MAX (self->width, section.drawing->bounds.width);
      y += section.drawing->bounds.height + (i + 1 < targets->len ? SECTION_GAP : 0);
      g_array_append_val (self->sections, section);
    }
  self->height = y;
}

static void
tpt_report_page_relayout (TptCanvas *canvas,
                          double    *width,
                          double    *height)
{
  TptReportPage *self = TPT_REPORT_PAGE (canvas);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      lay_out (self);
      self->stale = FALSE;
      if (self->focus >= (int) self->links->len)
        self->focus = -1;
      describe (self);
    }
  else
    {
      /* Nothing of the document as it was stays. */
      g_array_set_size (self->sections, 0);
      g_array_set_size (self->links, 0);
      self->focus = -1;
      self->stale = TRUE;
    }
  *width = self->width;
  *height = self->height;
}

static void
tpt_report_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (tpt_report_page_parent_class)->map (widget);

  /* Before the window fits the page to its view. */
  if (TPT_REPORT_PAGE (widget)->stale)
    tpt_canvas_relayout_now (TPT_CANVAS (widget));
}

static void
tpt_report_page_draw (TptCanvas      *canvas,
                      cairo_t        *cr,
                      const TptTheme *theme)
{
  TptReportPage *self = TPT_REPORT_PAGE (canvas);

  for (guint i = 0; i < self->sections->len; i++)
    {
      const Section *section = &g_array_index (self->sections, Section, i);

      if (i > 0)
        {
          tpt_color_set_source (cr, &theme->grid);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, 36, section->y - SECTION_GAP / 2);
          cairo_line_to (cr, self->width - 36, section->y - SECTION_GAP / 2);
          cairo_stroke (cr);
        }
      cairo_save (cr);
      cairo_translate (cr, 0, section->y);
      tpt_artefact_drawing_render (section->drawing, cr, theme);
      cairo_restore (cr);
    }
}

static void
tpt_report_page_draw_overlay (TptCanvas *canvas,
                              cairo_t   *cr,
                              double     px)
{
  TptReportPage *self = TPT_REPORT_PAGE (canvas);
  const TptLink *link = focused_link (self);
  GdkRGBA accent;

  if (link == NULL || !gtk_widget_has_focus (GTK_WIDGET (self)))
    return;
  tpt_canvas_get_accent (canvas, &accent);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2 * px);
  cairo_rectangle (cr, link->rect.x - 2 * px, link->rect.y - 2 * px, link->rect.width + 4 * px,
                   link->rect.height + 4 * px);
  cairo_stroke (cr);
}

static gboolean
tpt_report_page_get_placeholder (TptCanvas   *canvas,
                                 const char **title,
                                 const char **body)
{
  TptReportPage *self = TPT_REPORT_PAGE (canvas);

  if (self->sections->len > 0)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (placeholders[i].kind == self->kind)
      {
        *title = _(placeholders[i].title);
        *body = _(placeholders[i].body);
        return TRUE;
      }
  *title = tpt_artefact_kind_get_title (self->kind);
  *body = "";
  return TRUE;
}

static void
tpt_report_page_press (TptCanvas       *canvas,
                       double           x,
                       double           y,
                       int              n_press,
                       guint            button,
                       GdkModifierType  state)
{
  TptReportPage *self = TPT_REPORT_PAGE (canvas);

  if (button == GDK_BUTTON_PRIMARY && n_press == 1)
    follow (self, tpt_link_at (self->links, x, y));
}

static void
tpt_report_page_hover (TptCanvas *canvas,
                       double     x,
                       double     y,
                       gboolean   inside)
{
  TptReportPage *self = TPT_REPORT_PAGE (canvas);

  if (!tpt_canvas_is_panning (canvas))
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                     inside && tpt_link_at (self->links, x, y) != NULL
                                     ? "pointer" : NULL);
}

static gboolean
tpt_report_page_primary_pans (TptCanvas *canvas,
                              double     x,
                              double     y)
{
  return tpt_link_at (TPT_REPORT_PAGE (canvas)->links, x, y) == NULL;
}

/* Where @node is named first; with @part "section", the drawing made for
 * it (a future state's case for change). */
static gboolean
tpt_report_page_locate (TptCanvas  *canvas,
                        TptNode    *node,
                        const char *part,
                        TptRect    *rect)
{
  TptReportPage *self = TPT_REPORT_PAGE (canvas);

  if (g_strcmp0 (part, "section") == 0)
    {
      for (guint i = 0; i < self->sections->len; i++)
        {
          const Section *section = &g_array_index (self->sections, Section, i);

          if (section->drawing->target == node)
            {
              *rect = section->drawing->ink;
              rect->y += section->y;
              return TRUE;
            }
        }
      return FALSE;
    }
  for (guint i = 0; i < self->links->len; i++)
    if (g_array_index (self->links, TptLink, i).node == node)
      {
        *rect = g_array_index (self->links, TptLink, i).rect;
        return TRUE;
      }
  return FALSE;
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TptReportPage *self = TPT_REPORT_PAGE (widget);
  int n = self->links->len;

  if (n == 0)
    return;
  if (g_str_equal (action_name, "report.follow"))
    {
      follow (self, focused_link (self));
      return;
    }
  /* The links in reading order, round again past the ends. */
  self->focus = self->focus < 0 ? (g_variant_get_int32 (parameter) > 0 ? 0 : n - 1)
                                : (self->focus + g_variant_get_int32 (parameter) + n) % n;
  tpt_canvas_scroll_to (TPT_CANVAS (self), &focused_link (self)->rect);
  describe (self);
  gtk_widget_queue_draw (widget);
}

static void
tpt_report_page_constructed (GObject *object)
{
  TptReportPage *self = TPT_REPORT_PAGE (object);

  G_OBJECT_CLASS (tpt_report_page_parent_class)->constructed (object);

  g_return_if_fail (tpt_artefact_kind_has_flags (self->kind, TPT_ARTEFACT_FLAG_REPORT));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  tpt_artefact_kind_get_title (self->kind), -1);
  describe (self);
}

static void
tpt_report_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TptReportPage *self = TPT_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, tpt_report_page_get_kind (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_report_page_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TptReportPage *self = TPT_REPORT_PAGE (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tpt_report_page_dispose (GObject *object)
{
  TptReportPage *self = TPT_REPORT_PAGE (object);

  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->sections, g_array_unref);

  G_OBJECT_CLASS (tpt_report_page_parent_class)->dispose (object);
}

static void
tpt_report_page_class_init (TptReportPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TptCanvasClass *canvas_class = TPT_CANVAS_CLASS (klass);

  object_class->constructed = tpt_report_page_constructed;
  object_class->dispose = tpt_report_page_dispose;
  object_class->get_property = tpt_report_page_get_property;
  object_class->set_property = tpt_report_page_set_property;
  widget_class->map = tpt_report_page_map;
  canvas_class->relayout = tpt_report_page_relayout;
  canvas_class->draw = tpt_report_page_draw;
  canvas_class->draw_overlay = tpt_report_page_draw_overlay;
  canvas_class->get_placeholder = tpt_report_page_get_placeholder;
  canvas_class->press = tpt_report_page_press;
  canvas_class->hover = tpt_report_page_hover;
  canvas_class->primary_pans = tpt_report_page_primary_pans;
  canvas_class->locate = tpt_report_page_locate;

  /**
   * TptReportPage:kind:
   *
   * The report the page shows: a kind of artefact the artefact table
   * marks %TPT_ARTEFACT_FLAG_REPORT.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TPT_TYPE_ARTEFACT_KIND, TPT_ARTEFACT_JOURNEYS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "report.next", "i", link_action);
  gtk_widget_class_install_action (widget_class, "report.follow", NULL, link_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "report.next", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK,
                                       "report.next", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "report.next", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "report.next", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "report.follow", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "report.follow", NULL);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tpt_report_page_init (TptReportPage *self)
{
  self->sections = g_array_new (FALSE, TRUE, sizeof (Section));
  g_array_set_clear_func (self->sections, section_clear);
  self->links = tpt_link_array_new ();
  self->focus = -1;
}

/**
 * tpt_report_page_new:
 * @kind: a report: a kind the artefact table marks
 *   %TPT_ARTEFACT_FLAG_REPORT and the renderer table lists targets for
 *
 * Returns: (transfer floating): a page that shows the report
 */
GtkWidget *
tpt_report_page_new (TptArtefactKind kind)
{
  return g_object_new (TPT_TYPE_REPORT_PAGE, "kind", kind, NULL);
}

TptArtefactKind
tpt_report_page_get_kind (TptReportPage *self)
{
  g_return_val_if_fail (TPT_IS_REPORT_PAGE (self), TPT_ARTEFACT_JOURNEYS);

  return self->kind;
}
