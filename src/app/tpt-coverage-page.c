/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-coverage-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-coverage-page.h"

#include "tpt-coverage-renderer.h"
#include "tpt-link.h"

/* The coverage report as a page: drawn as export draws it, with every
 * card and need it names a link. A click on one, or Enter on the one the
 * keyboard is on, selects it, and the window shows it where it lives;
 * Tab and the arrows walk the links. */

struct _TptCoveragePage
{
  TptCanvas  parent_instance;

  GArray    *links;         /* TptLink */
  int        focus;         /* the link the keyboard is on, or −1 */
};

G_DEFINE_FINAL_TYPE (TptCoveragePage, tpt_coverage_page, TPT_TYPE_CANVAS)

static void
follow (TptCoveragePage *self,
        const TptLink   *link)
{
  if (link != NULL && tpt_node_is_attached (link->node))
    tpt_selection_select (tpt_canvas_get_selection (TPT_CANVAS (self)), link->node);
}

static void
describe (TptCoveragePage *self)
{
  const TptLink *link = self->focus >= 0 && (guint) self->focus < self->links->len
                        ? &g_array_index (self->links, TptLink, self->focus) : NULL;
  g_autofree char *description = NULL;

  if (link != NULL && TPT_IS_CARD (link->node))
    /* Translators: a card named on the coverage report; Enter shows it. */
    description = g_strdup_printf (_("Card: %s"), tpt_card_get_text (TPT_CARD (link->node)));
  else if (link != NULL && TPT_IS_NEED (link->node))
    description = g_strdup_printf (_("Need: %s"), tpt_need_get_title (TPT_NEED (link->node)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("Coverage report"), -1);
}

static void
tpt_coverage_page_relayout (TptCanvas *canvas,
                            double    *width,
                            double    *height)
{
  TptCoveragePage *self = TPT_COVERAGE_PAGE (canvas);
  TptDocument *document = tpt_canvas_get_document (canvas);
  PangoContext *context = tpt_canvas_get_text_context (canvas);
  const TptCoverageFilter *filter = tpt_canvas_get_filter (canvas);

  g_array_set_size (self->links, 0);
  tpt_coverage_report_measure_filtered (context, document, filter, width, height);
  tpt_coverage_report_collect_links_filtered (context, document, filter, self->links);
  if (self->focus >= (int) self->links->len)
    self->focus = -1;
  describe (self);
}

static void
tpt_coverage_page_draw (TptCanvas      *canvas,
                        cairo_t        *cr,
                        const TptTheme *theme)
{
  tpt_coverage_report_render_filtered (cr, tpt_canvas_get_text_context (canvas),
                                       tpt_canvas_get_document (canvas), theme,
                                       tpt_canvas_get_filter (canvas));
}

static void
tpt_coverage_page_draw_overlay (TptCanvas *canvas,
                                cairo_t   *cr,
                                double     px)
{
  TptCoveragePage *self = TPT_COVERAGE_PAGE (canvas);
  const TptLink *link;
  GdkRGBA accent;

  if (self->focus < 0 || !gtk_widget_has_focus (GTK_WIDGET (self)))
    return;
  link = &g_array_index (self->links, TptLink, self->focus);
  tpt_canvas_get_accent (canvas, &accent);
  gdk_cairo_set_source_rgba (cr, &accent);
  cairo_set_line_width (cr, 2 * px);
  cairo_rectangle (cr, link->rect.x - 2 * px, link->rect.y - 2 * px, link->rect.width + 4 * px,
                   link->rect.height + 4 * px);
  cairo_stroke (cr);
}

static gboolean
tpt_coverage_page_get_placeholder (TptCanvas   *canvas,
                                   const char **title,
                                   const char **body)
{
  TptDocument *document = tpt_canvas_get_document (canvas);

  if (g_list_model_get_n_items (tpt_document_get_needs (document)) > 0 &&
      g_list_model_get_n_items (tpt_document_get_blueprints (document)) > 0)
    return FALSE;
  *title = _("No Coverage Yet");
  *body = _("Coverage shows which customer needs the work in each blueprint serves. "
            "Add needs from the outline, and link cards to them in the inspector.");
  return TRUE;
}

static void
tpt_coverage_page_press (TptCanvas       *canvas,
                         double           x,
                         double           y,
                         int              n_press,
                         guint            button,
                         GdkModifierType  state)
{
  TptCoveragePage *self = TPT_COVERAGE_PAGE (canvas);

  if (button == GDK_BUTTON_PRIMARY && n_press == 1)
    follow (self, tpt_link_at (self->links, x, y));
}

static void
tpt_coverage_page_hover (TptCanvas *canvas,
                         double     x,
                         double     y,
                         gboolean   inside)
{
  TptCoveragePage *self = TPT_COVERAGE_PAGE (canvas);

  if (!tpt_canvas_is_panning (canvas))
    gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                     inside && tpt_link_at (self->links, x, y) != NULL
                                     ? "pointer" : NULL);
}

static gboolean
tpt_coverage_page_primary_pans (TptCanvas *canvas,
                                double     x,
                                double     y)
{
  return tpt_link_at (TPT_COVERAGE_PAGE (canvas)->links, x, y) == NULL;
}

static gboolean
tpt_coverage_page_locate (TptCanvas  *canvas,
                          TptNode    *node,
                          const char *part,
                          TptRect    *rect)
{
  TptCoveragePage *self = TPT_COVERAGE_PAGE (canvas);

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
  TptCoveragePage *self = TPT_COVERAGE_PAGE (widget);
  int n = self->links->len;

  if (n == 0)
    return;
  if (g_str_equal (action_name, "coverage.follow"))
    {
      if (self->focus >= 0)
        follow (self, &g_array_index (self->links, TptLink, self->focus));
      return;
    }
  /* The links in reading order, round again past the ends. */
  self->focus = self->focus < 0 ? (g_variant_get_int32 (parameter) > 0 ? 0 : n - 1)
                                : (self->focus + g_variant_get_int32 (parameter) + n) % n;
  tpt_canvas_scroll_to (TPT_CANVAS (self), &g_array_index (self->links, TptLink, self->focus).rect);
  describe (self);
  gtk_widget_queue_draw (widget);
}

static void
tpt_coverage_page_dispose (GObject *object)
{
  g_clear_pointer (&TPT_COVERAGE_PAGE (object)->links, g_array_unref);

  G_OBJECT_CLASS (tpt_coverage_page_parent_class)->dispose (object);
}

static void
tpt_coverage_page_class_init (TptCoveragePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  TptCanvasClass *canvas_class = TPT_CANVAS_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = tpt_coverage_page_dispose;
  canvas_class->relayout = tpt_coverage_page_relayout;
  canvas_class->draw = tpt_coverage_page_draw;
  canvas_class->draw_overlay = tpt_coverage_page_draw_overlay;
  canvas_class->get_placeholder = tpt_coverage_page_get_placeholder;
  canvas_class->press = tpt_coverage_page_press;
  canvas_class->hover = tpt_coverage_page_hover;
  canvas_class->primary_pans = tpt_coverage_page_primary_pans;
  canvas_class->locate = tpt_coverage_page_locate;

  gtk_widget_class_install_action (widget_class, "coverage.next", "i", link_action);
  gtk_widget_class_install_action (widget_class, "coverage.follow", NULL, link_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Tab, 0, "coverage.next", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK,
                                       "coverage.next", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "coverage.next", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "coverage.next", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "coverage.follow", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "coverage.follow", NULL);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tpt_coverage_page_init (TptCoveragePage *self)
{
  self->links = tpt_link_array_new ();
  self->focus = -1;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Coverage"), -1);
}

GtkWidget *
tpt_coverage_page_new (void)
{
  return g_object_new (TPT_TYPE_COVERAGE_PAGE, NULL);
}
