/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-reports"

#include "config.h"

#include <adwaita.h>

#include "app-fixtures.h"
#include "tpt-application.h"
#include "tpt-case-renderer.h"
#include "tpt-format.h"
#include "tpt-journey-renderer.h"
#include "tpt-link.h"
#include "tpt-report-page.h"
#include "tpt-slide-edits.h"
#include "tpt-text.h"
#include "tpt-window-private.h"

/* The report pages, the journey numbers and the case for change: reached
 * from the outline's rows, drawn as export draws them, their names links
 * that select what they name, by click and by key, following edits made
 * anywhere, and saying so when there is nothing to show. */

static TptApplication *app;

typedef struct
{
  TptWindow    *window;
  TptDocument  *document;
  PangoContext *context;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = app_example_file ();

  fixture->window = tpt_application_open_file (app, file);
  g_assert_nonnull (fixture->window);
  fixture->document = g_object_ref (tpt_window_get_document (fixture->window));
  fixture->context = tpt_text_context_new ();
  gtk_window_present (GTK_WINDOW (fixture->window));
  app_iterate ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  tpt_history_mark_saved (tpt_document_get_history (fixture->document));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  app_iterate ();
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->context);
}

static TptCanvas *
show_report (Fixture         *fixture,
             TptArtefactKind  kind)
{
  TptArtefactKind shown = TPT_ARTEFACT_COVER;
  TptCanvas *page;

  tpt_outline_select_page (fixture->window->outline, kind);
  app_iterate ();
  g_assert_true (tpt_outline_get_selected_page (fixture->window->outline, &shown));
  g_assert_cmpint (shown, ==, kind);
  g_assert_cmpint (tpt_pages_get_visible_kind (fixture->window->pages), ==, kind);
  g_assert_null (tpt_selection_get_primary (tpt_window_get_selection (fixture->window)));
  page = tpt_pages_get_visible_page (fixture->window->pages);
  g_assert_true (TPT_IS_REPORT_PAGE (page));
  g_assert_cmpint (tpt_report_page_get_kind (TPT_REPORT_PAGE (page)), ==, kind);
  return page;
}

static TptNode *
lookup (Fixture    *fixture,
        const char *id)
{
  TptNode *node = tpt_document_lookup (fixture->document, id);

  g_assert_nonnull (node);
  return node;
}

/* The page names what the report names, where it names it; a click on a
 * name selects it, and the window shows it on its own page. */
static void
test_journeys_links (Fixture       *fixture,
                     gconstpointer  data)
{
  TptCanvas *page = show_report (fixture, TPT_ARTEFACT_JOURNEYS);
  g_autoptr(GArray) links = tpt_link_array_new ();
  TptNode *fail = lookup (fixture, "c31");
  TptSelection *selection = tpt_window_get_selection (fixture->window);
  const TptLink *link = NULL;
  TptRect rect;

  tpt_journey_report_collect_links (fixture->context, fixture->document, links);
  for (guint i = 0; i < links->len && link == NULL; i++)
    if (g_array_index (links, TptLink, i).node == fail)
      link = &g_array_index (links, TptLink, i);
  g_assert_nonnull (link);
  g_assert_true (tpt_canvas_locate (page, fail, NULL, &rect));
  g_assert_cmpfloat_with_epsilon (rect.x, link->rect.x, 0.01);
  g_assert_cmpfloat_with_epsilon (rect.y, link->rect.y, 0.01);

  app_click (page, rect.x + 3, rect.y + rect.height / 2, 1, 0);
  g_assert_true (tpt_selection_get_primary (selection) == fail);
  g_assert_cmpint (tpt_pages_get_visible_kind (fixture->window->pages), ==,
                   TPT_ARTEFACT_BLUEPRINT);
  g_assert_true (tpt_outline_get_selected (fixture->window->outline) == fail);
  /* Nothing but the view changed. */
  g_assert_cmpuint (tpt_history_get_position (tpt_document_get_history (fixture->document)), ==,
                    0);

  /* Off the names, a click is no link. */
  page = show_report (fixture, TPT_ARTEFACT_JOURNEYS);
  app_click (page, 2, 2, 1, 0);
  g_assert_cmpint (tpt_pages_get_visible_kind (fixture->window->pages), ==,
                   TPT_ARTEFACT_JOURNEYS);
}

/* Tab and the arrows walk the names in reading order, round past the
 * ends; Enter follows the one the keyboard is on. */
static void
test_journeys_keys (Fixture       *fixture,
                    gconstpointer  data)
{
  TptCanvas *page = show_report (fixture, TPT_ARTEFACT_JOURNEYS);
  TptSelection *selection = tpt_window_get_selection (fixture->window);
  g_autoptr(GArray) links = tpt_link_array_new ();

  tpt_journey_report_collect_links (fixture->context, fixture->document, links);
  g_assert_cmpuint (links->len, >, 3);
  gtk_widget_grab_focus (GTK_WIDGET (page));
  /* The first name is the first blueprint's title; then its first stage. */
  g_assert_true (app_key (page, GDK_KEY_Tab, 0));
  g_assert_true (app_key (page, GDK_KEY_Down, 0));
  g_assert_true (app_key (page, GDK_KEY_Up, 0));
  g_assert_true (app_key (page, GDK_KEY_Return, 0));
  g_assert_true (tpt_selection_get_primary (selection) == g_array_index (links, TptLink, 0).node);
  g_assert_true (TPT_IS_BLUEPRINT (tpt_selection_get_primary (selection)));

  page = show_report (fixture, TPT_ARTEFACT_JOURNEYS);
  gtk_widget_grab_focus (GTK_WIDGET (page));
  /* Back past the start is the last name. */
  g_assert_true (app_key (page, GDK_KEY_Tab, 0));
  g_assert_true (app_key (page, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (app_key (page, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  g_assert_true (app_key (page, GDK_KEY_Return, 0));
  g_assert_true (tpt_selection_get_primary (selection) ==
                 g_array_index (links, TptLink, links->len - 1).node);
}

/* An edit anywhere, shown or hidden, is on the page when it shows, and
 * so is its undo. */
static void
test_journeys_follow_edits (Fixture       *fixture,
                            gconstpointer  data)
{
  TptCanvas *page = show_report (fixture, TPT_ARTEFACT_JOURNEYS);
  TptNode *fail = lookup (fixture, "c31");
  TptBlueprint *blueprint = TPT_BLUEPRINT (tpt_node_get_parent (fail));
  TptRect rect;

  g_assert_true (tpt_canvas_locate (page, fail, NULL, &rect));
  g_object_ref (fail);
  tpt_document_begin (fixture->document, "Delete Card");
  tpt_blueprint_remove_card (blueprint, TPT_CARD (fail));
  tpt_document_end (fixture->document);
  app_iterate ();
  g_assert_false (tpt_canvas_locate (page, fail, NULL, &rect));

  /* Undone while another page shows. */
  tpt_window_select (fixture->window, TPT_NODE (blueprint));
  app_iterate ();
  g_assert_cmpint (tpt_pages_get_visible_kind (fixture->window->pages), ==,
                   TPT_ARTEFACT_BLUEPRINT);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  app_iterate ();
  page = show_report (fixture, TPT_ARTEFACT_JOURNEYS);
  g_assert_true (tpt_canvas_locate (page, fail, NULL, &rect));
  g_object_unref (fail);
}

/* Every future state's case, one under the other; a slide of one shows
 * it on the page; its needs and blueprints are links. */
static void
test_case_page (Fixture       *fixture,
                gconstpointer  data)
{
  TptCanvas *page = show_report (fixture, TPT_ARTEFACT_CASE_FOR_CHANGE);
  TptNode *future = lookup (fixture, "b2");
  TptNode *need = lookup (fixture, "n5");
  TptSlide *slide;
  TptRect section, rect;

  g_assert_true (tpt_canvas_locate (page, future, "section", &section));
  g_assert_false (tpt_canvas_locate (page, lookup (fixture, "b1"), "section", &rect));
  g_assert_true (tpt_canvas_locate (page, need, NULL, &rect));
  g_assert_true (tpt_rect_contains_point (&section, rect.x + 1, rect.y + 1));

  app_click (page, rect.x + 3, rect.y + rect.height / 2, 1, 0);
  g_assert_cmpint (tpt_pages_get_visible_kind (fixture->window->pages), ==,
                   TPT_ARTEFACT_NEEDS_MATRIX);
  g_assert_true (tpt_selection_get_primary (tpt_window_get_selection (fixture->window)) == need);

  slide = tpt_slide_edits_add (fixture->document, 0, TPT_ARTEFACT_CASE_FOR_CHANGE, future,
                               "Why change", NULL);
  g_assert_nonnull (slide);
  tpt_window_select (fixture->window, TPT_NODE (slide));
  app_iterate ();
  g_assert_cmpint (tpt_pages_get_visible_kind (fixture->window->pages), ==,
                   TPT_ARTEFACT_CASE_FOR_CHANGE);
}

/* A slide of all of the case page is the case of the first future
 * state; the journey numbers make none, and say so. */
static void
test_add_slide (Fixture       *fixture,
                gconstpointer  data)
{
  GListModel *slides = tpt_document_get_slides (fixture->document);
  guint n = g_list_model_get_n_items (slides);
  TptSlide *slide;

  show_report (fixture, TPT_ARTEFACT_JOURNEYS);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-slide-whole", NULL);
  app_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (slides), ==, n);

  show_report (fixture, TPT_ARTEFACT_CASE_FOR_CHANGE);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-slide-whole", NULL);
  app_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (slides), ==, n + 1);
  slide = TPT_SLIDE (tpt_outline_get_selected (fixture->window->outline));
  g_assert_nonnull (slide);
  g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_CASE_FOR_CHANGE);
  g_assert_true (tpt_slide_get_target_node (slide) == lookup (fixture, "b2"));
  g_assert_false (tpt_slide_get_region (slide, NULL, NULL, NULL, NULL));
}

/* With no blueprint of steps, and no future state based on another, the
 * pages say what they would show and how to get it. */
static void
test_placeholders (void)
{
  TptWindow *window = tpt_window_new (GTK_APPLICATION (app), NULL, NULL);
  static const struct
  {
    TptArtefactKind kind;
    const char     *title;
  } reports[] = {
    { TPT_ARTEFACT_JOURNEYS, "No Journey Numbers Yet" },
    { TPT_ARTEFACT_CASE_FOR_CHANGE, "No Case for Change Yet" },
  };

  gtk_window_present (GTK_WINDOW (window));
  app_iterate ();
  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      TptCanvas *page;
      const char *title = NULL, *body = NULL;

      tpt_outline_select_page (window->outline, reports[i].kind);
      app_iterate ();
      page = tpt_pages_get_visible_page (window->pages);
      g_assert_true (TPT_IS_REPORT_PAGE (page));
      g_assert_true (TPT_CANVAS_GET_CLASS (page)->get_placeholder (page, &title, &body));
      g_assert_cmpstr (title, ==, reports[i].title);
      g_assert_cmpstr (body, !=, "");
    }
  gtk_window_destroy (GTK_WINDOW (window));
  app_iterate ();
}

int
main (int   argc,
      char *argv[])
{
  app = app_test_init (&argc, &argv);

  g_test_add ("/tpt/app/reports/journeys/links", Fixture, NULL, fixture_setup,
              test_journeys_links, fixture_teardown);
  g_test_add ("/tpt/app/reports/journeys/keys", Fixture, NULL, fixture_setup,
              test_journeys_keys, fixture_teardown);
  g_test_add ("/tpt/app/reports/journeys/follow-edits", Fixture, NULL, fixture_setup,
              test_journeys_follow_edits, fixture_teardown);
  g_test_add ("/tpt/app/reports/case", Fixture, NULL, fixture_setup, test_case_page,
              fixture_teardown);
  g_test_add ("/tpt/app/reports/add-slide", Fixture, NULL, fixture_setup, test_add_slide,
              fixture_teardown);
  g_test_add_func ("/tpt/app/reports/placeholders", test_placeholders);

  return g_test_run ();
}
