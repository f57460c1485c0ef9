/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-cover-page"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-cover-page.h"

#include "tpt-cover.h"

/* The document's cover as a page: its title, author and description with
 * the contents of the exported PDF, laid out as export lays it out. It
 * edits nothing; the inspector edits what it shows. */

struct _TptCoverPage
{
  TptCanvas parent_instance;
};

G_DEFINE_FINAL_TYPE (TptCoverPage, tpt_cover_page, TPT_TYPE_CANVAS)

static void
tpt_cover_page_relayout (TptCanvas *canvas,
                         double    *width,
                         double    *height)
{
  *width = TPT_COVER_PAGE_WIDTH;
  *height = TPT_COVER_PAGE_HEIGHT;
}

static void
tpt_cover_page_draw (TptCanvas      *canvas,
                     cairo_t        *cr,
                     const TptTheme *theme)
{
  TptDocument *document = tpt_canvas_get_document (canvas);
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (TptCoverEntry));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GListModel *blueprints = tpt_document_get_blueprints (document);
  guint n = g_list_model_get_n_items (blueprints);
  guint n_personas = g_list_model_get_n_items (tpt_document_get_personas (document));
  guint n_needs = g_list_model_get_n_items (tpt_document_get_needs (document));
  int page = 2;

  /* The contents of the exported PDF, in its order. */
  if (n_personas > 0)
    {
      TptCoverEntry entry = { tpt_artefact_kind_get_title (TPT_ARTEFACT_PERSONAS), page++ };

      g_array_append_val (entries, entry);
      if (n_needs > 0)
        {
          TptCoverEntry matrix = { tpt_artefact_kind_get_title (TPT_ARTEFACT_NEEDS_MATRIX),
                                   page++ };

          g_array_append_val (entries, matrix);
        }
    }
  if (n_needs > 0 && n > 0)
    {
      TptCoverEntry coverage = { tpt_artefact_kind_get_title (TPT_ARTEFACT_COVERAGE), page++ };

      g_array_append_val (entries, coverage);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);
      TptCoverEntry entry = { tpt_blueprint_get_title (blueprint), page++ };

      g_array_append_val (entries, entry);
    }

  tpt_cover_render (cr, tpt_canvas_get_text_context (canvas), document, theme,
                    TPT_COVER_PAGE_WIDTH, TPT_COVER_PAGE_HEIGHT, now,
                    (const TptCoverEntry *) (gpointer) entries->data, entries->len);
}

static void
tpt_cover_page_class_init (TptCoverPageClass *klass)
{
  TptCanvasClass *canvas_class = TPT_CANVAS_CLASS (klass);

  canvas_class->relayout = tpt_cover_page_relayout;
  canvas_class->draw = tpt_cover_page_draw;
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tpt_cover_page_init (TptCoverPage *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Cover"), -1);
}

GtkWidget *
tpt_cover_page_new (void)
{
  return g_object_new (TPT_TYPE_COVER_PAGE, NULL);
}
