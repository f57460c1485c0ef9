/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-slides"

#include "config.h"

#include <adwaita.h>

#include "app-fixtures.h"
#include "tpt-application.h"
#include "tpt-format.h"
#include "tpt-blueprint-page.h"
#include "tpt-gallery-page.h"
#include "tpt-persona-renderer.h"
#include "tpt-region-capture.h"
#include "tpt-slide-edits.h"
#include "tpt-text.h"
#include "tpt-window-private.h"

#include <math.h>

/* The slide list in the window: the outline's Slides row and its edits,
 * the inspector's slide fields, new slides from a region dragged out on
 * the view, and the list through saving, loading and undo. */

static TptApplication *app;

typedef struct
{
  TptWindow   *window;
  TptDocument *document;
  GListModel  *slides;       /* the document's */
  char        *original;     /* the document's bytes before the test */
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = app_example_file ();

  fixture->window = tpt_application_open_file (app, file);
  g_assert_nonnull (fixture->window);
  fixture->document = g_object_ref (tpt_window_get_document (fixture->window));
  fixture->slides = tpt_document_get_slides (fixture->document);
  gtk_window_present (GTK_WINDOW (fixture->window));
  app_iterate ();
  app_wait_frames (fixture->window, 3);
  fixture->original = app_document_bytes (fixture->document);
  /* The example has no slide list of its own: each test builds one. */
  g_assert_cmpuint (g_list_model_get_n_items (fixture->slides), ==, 0);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Leave without the unsaved-changes question. */
  tpt_history_mark_saved (tpt_document_get_history (fixture->document));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  app_iterate ();
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->original, g_free);
}

static TptHistory *
history (Fixture *fixture)
{
  return tpt_document_get_history (fixture->document);
}

static guint
history_length (Fixture *fixture)
{
  return tpt_history_get_position (history (fixture));
}

static void
undo_all (Fixture *fixture)
{
  app_undo_all_and_compare (fixture->document, fixture->original);
}

static TptSlide *
nth_slide (Fixture *fixture,
           guint    n)
{
  g_autoptr(TptSlide) slide = g_list_model_get_item (fixture->slides, n);

  g_assert_nonnull (slide);
  return slide;
}

/* The slides the outline shows, in its order. */
static GPtrArray *
outline_slides (Fixture *fixture)
{
  GListModel *rows = tpt_outline_get_rows (fixture->window->outline);
  GPtrArray *slides = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (TPT_IS_SLIDE (item))
        g_ptr_array_add (slides, item);
    }
  return slides;
}

static void
assert_outline_matches (Fixture *fixture)
{
  g_autoptr(GPtrArray) shown = NULL;

  app_iterate ();
  shown = outline_slides (fixture);
  g_assert_cmpuint (shown->len, ==, g_list_model_get_n_items (fixture->slides));
  for (guint i = 0; i < shown->len; i++)
    g_assert_true (shown->pdata[i] == nth_slide (fixture, i));
}

static void
activate (Fixture    *fixture,
          GtkWidget  *widget,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (widget, action, NULL));
  app_iterate ();
}

static void
add_defaults (Fixture *fixture)
{
  g_autoptr(GPtrArray) expected = tpt_slides_new_default (fixture->document);

  activate (fixture, GTK_WIDGET (fixture->window->outline), "outline.add-default-slides");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->slides), ==, expected->len);
  g_assert_cmpuint (expected->len, >, 3);
}

static void
test_defaults (Fixture       *fixture,
               gconstpointer  data)
{
  TptOutline *outline = fixture->window->outline;
  guint before = history_length (fixture);
  g_autoptr(GPtrArray) expected = tpt_slides_new_default (fixture->document);

  /* With no slides, the Slides row is there to start a list from. */
  tpt_outline_select_group (outline, TPT_OUTLINE_GROUP_SLIDES);
  g_assert_cmpint (tpt_outline_get_selected_group (outline), ==, TPT_OUTLINE_GROUP_SLIDES);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (outline)));

  add_defaults (fixture);
  g_assert_cmpuint (history_length (fixture), ==, before + 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Add Default Slides");
  for (guint i = 0; i < expected->len; i++)
    {
      TptSlide *want = expected->pdata[i];
      TptSlide *got = nth_slide (fixture, i);

      g_assert_cmpstr (tpt_slide_get_title (got), ==, tpt_slide_get_title (want));
      g_assert_cmpint (tpt_slide_get_artefact (got), ==, tpt_slide_get_artefact (want));
    }
  /* The first is selected, so its row and all the others are shown. */
  g_assert_true (tpt_outline_get_selected (outline) == TPT_NODE (nth_slide (fixture, 0)));
  assert_outline_matches (fixture);

  /* There is a list now: the defaults would be added twice. */
  gtk_widget_activate_action (GTK_WIDGET (outline), "outline.add-default-slides", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->slides), ==, expected->len);

  /* One undo takes them all, and the rows with them. */
  tpt_history_undo (history (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->slides), ==, 0);
  assert_outline_matches (fixture);
  tpt_history_redo (history (fixture));
  assert_outline_matches (fixture);
  undo_all (fixture);
}

static void
test_outline_edits (Fixture       *fixture,
                    gconstpointer  data)
{
  TptOutline *outline = fixture->window->outline;
  GtkWidget *widget = GTK_WIDGET (outline);
  g_autoptr(TptSlide) first = NULL;
  g_autoptr(TptSlide) second = NULL;
  guint n;

  add_defaults (fixture);
  n = g_list_model_get_n_items (fixture->slides);
  first = g_object_ref (nth_slide (fixture, 0));
  second = g_object_ref (nth_slide (fixture, 1));

  /* F2 renames a slide's title. */
  tpt_outline_set_selected (outline, TPT_NODE (first));
  g_assert_true (tpt_outline_rename_selected (outline, "Opening"));
  g_assert_cmpstr (tpt_slide_get_title (first), ==, "Opening");
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Rename Slide");

  /* Alt+Down, Alt+Up: one place, counting the list before the move. */
  activate (fixture, widget, "outline.move-down");
  g_assert_true (nth_slide (fixture, 0) == second);
  g_assert_true (nth_slide (fixture, 1) == first);
  g_assert_true (tpt_outline_get_selected (outline) == TPT_NODE (first));
  assert_outline_matches (fixture);
  activate (fixture, widget, "outline.move-up");
  g_assert_true (nth_slide (fixture, 0) == first);
  assert_outline_matches (fixture);

  /* Ctrl+D copies it after itself, notes and all. */
  tpt_slide_set_notes (first, "Welcome everyone");
  activate (fixture, widget, "outline.duplicate");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->slides), ==, n + 1);
  g_assert_cmpstr (tpt_slide_get_title (nth_slide (fixture, 1)), ==, "Opening (copy)");
  g_assert_cmpstr (tpt_slide_get_notes (nth_slide (fixture, 1)), ==, "Welcome everyone");
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Duplicate Slide");
  assert_outline_matches (fixture);

  /* Delete takes the copy, which is selected, and offers Undo. */
  activate (fixture, widget, "outline.delete");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->slides), ==, n);
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Delete Slide");
  assert_outline_matches (fixture);
  tpt_history_undo (history (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->slides), ==, n + 1);
  assert_outline_matches (fixture);

  /* The last one cannot go further down. */
  tpt_outline_set_selected (outline, TPT_NODE (nth_slide (fixture, n)));
  activate (fixture, widget, "outline.move-down");
  g_assert_true (tpt_outline_get_selected (outline) == TPT_NODE (nth_slide (fixture, n)));

  undo_all (fixture);
  assert_outline_matches (fixture);
}

/* The row the outline shows @item in, while it is on screen. */
static GtkWidget *
find_row_widget (GtkWidget *widget,
                 gpointer   item)
{
  GtkListItem *list_item = g_object_get_data (G_OBJECT (widget), "tpt-list-item");

  if (list_item != NULL && gtk_list_item_get_item (list_item) != NULL)
    {
      g_autoptr(GObject) shown = gtk_tree_list_row_get_item (gtk_list_item_get_item (list_item));

      if (shown == item)
        return widget;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_widget (child, item);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Drops @slide on the row of @onto, in its upper or lower half, as a drag
 * from the outline ends. */
static gboolean
drop_on_row (Fixture  *fixture,
             TptSlide *slide,
             gpointer  onto,
             gboolean  lower)
{
  GtkWidget *row = find_row_widget (GTK_WIDGET (fixture->window->outline), onto);
  g_autoptr(GListModel) controllers = NULL;
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;

  g_assert_nonnull (row);
  controllers = gtk_widget_observe_controllers (row);
  g_value_init (&value, TPT_TYPE_SLIDE);
  g_value_set_object (&value, slide);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        g_signal_emit_by_name (controller, "drop", &value, 10.0,
                               lower ? gtk_widget_get_height (row) - 2.0 : 2.0, &handled);
    }
  app_iterate ();
  return handled;
}

static void
test_drag_reorder (Fixture       *fixture,
                   gconstpointer  data)
{
  TptOutline *outline = fixture->window->outline;
  g_autoptr(TptSlide) first = NULL;
  g_autoptr(TptSlide) fourth = NULL;
  g_autoptr(GObject) heading = NULL;
  guint before;

  add_defaults (fixture);
  first = g_object_ref (nth_slide (fixture, 0));
  fourth = g_object_ref (nth_slide (fixture, 3));
  before = history_length (fixture);

  /* Onto the lower half of the first row: second. */
  g_assert_true (drop_on_row (fixture, fourth, first, TRUE));
  g_assert_true (nth_slide (fixture, 1) == fourth);
  g_assert_cmpuint (history_length (fixture), ==, before + 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Move Slide");
  g_assert_true (tpt_outline_get_selected (outline) == TPT_NODE (fourth));
  assert_outline_matches (fixture);

  /* Onto its own place: nothing. */
  g_assert_true (drop_on_row (fixture, fourth, first, TRUE));
  g_assert_cmpuint (history_length (fixture), ==, before + 1);

  /* Onto the upper half of the first row, then onto the Slides row: first. */
  g_assert_true (drop_on_row (fixture, fourth, first, FALSE));
  g_assert_true (nth_slide (fixture, 0) == fourth);
  tpt_history_undo (history (fixture));
  g_assert_true (nth_slide (fixture, 0) == first);
  /* The Slides row is the one just above the first slide's. */
  {
    GListModel *rows = tpt_outline_get_rows (outline);

    for (guint i = 1; i < g_list_model_get_n_items (rows) && heading == NULL; i++)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
        g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

        if (item == G_OBJECT (first))
          {
            g_autoptr(GtkTreeListRow) above = g_list_model_get_item (rows, i - 1);

            heading = gtk_tree_list_row_get_item (above);
          }
      }
  }
  g_assert_false (TPT_IS_NODE (heading));
  g_assert_true (drop_on_row (fixture, fourth, heading, TRUE));
  g_assert_true (nth_slide (fixture, 0) == fourth);
  assert_outline_matches (fixture);

  undo_all (fixture);
}

/* A slide selected in the outline shows its artefact, framed as it will
 * be presented, and its fields in the inspector; the outline keeps it. */
static void
test_select_frames (Fixture       *fixture,
                    gconstpointer  data)
{
  TptPages *view = fixture->window->pages;
  g_autoptr(TptBlueprint) blueprint =
    g_list_model_get_item (tpt_document_get_blueprints (fixture->document), 0);
  g_autoptr(TptStage) stage = g_list_model_get_item (tpt_blueprint_get_stages (blueprint), 1);
  const TptRect region = { 300, 120, 200, 100 };
  TptSlide *slide;
  double x0, y0, x1, y1;
  int width = gtk_widget_get_width (GTK_WIDGET (view));
  int height = gtk_widget_get_height (GTK_WIDGET (view));

  g_assert_cmpint (width, >, 100);

  slide = tpt_slide_edits_add (fixture->document, 0, TPT_ARTEFACT_STAGE, TPT_NODE (stage),
                               "A stage", NULL);
  tpt_outline_set_selected (fixture->window->outline, TPT_NODE (slide));
  app_iterate ();
  g_assert_cmpint (tpt_pages_get_visible_kind (view), ==, TPT_ARTEFACT_BLUEPRINT);
  g_assert_true (tpt_pages_get_blueprint (view) == blueprint);
  g_assert_true (tpt_outline_get_selected (fixture->window->outline) == TPT_NODE (slide));
  g_assert_true (tpt_inspector_get_node (fixture->window->inspector) == TPT_NODE (slide));

  /* A region fills the view, centred. */
  slide = tpt_slide_edits_add (fixture->document, 1, TPT_ARTEFACT_BLUEPRINT,
                               TPT_NODE (blueprint), "A region", &region);
  tpt_outline_set_selected (fixture->window->outline, TPT_NODE (slide));
  app_iterate ();
  tpt_canvas_to_view (tpt_pages_get_visible_page (view), region.x, region.y, &x0, &y0);
  tpt_canvas_to_view (tpt_pages_get_visible_page (view), tpt_rect_right (&region), tpt_rect_bottom (&region),
                                       &x1, &y1);
  g_assert_cmpfloat (x0, >=, -1);
  g_assert_cmpfloat (y0, >=, -1);
  g_assert_cmpfloat (x1, <=, width + 1);
  g_assert_cmpfloat (y1, <=, height + 1);
  /* It fills one direction, less the margins. */
  g_assert_true (x1 - x0 > width - 60 || y1 - y0 > height - 60);
  g_assert_cmpfloat (fabs ((x0 + x1) / 2 - width / 2.0), <, 2);
  g_assert_cmpfloat (fabs ((y0 + y1) / 2 - height / 2.0), <, 2);
  g_assert_true (tpt_outline_get_selected (fixture->window->outline) == TPT_NODE (slide));

  /* The needs matrix is shown for its slide. */
  slide = tpt_slide_edits_add (fixture->document, 2, TPT_ARTEFACT_NEEDS_MATRIX, NULL,
                               "Matrix", NULL);
  tpt_outline_set_selected (fixture->window->outline, TPT_NODE (slide));
  app_iterate ();
  g_assert_cmpint (tpt_pages_get_visible_kind (view), ==, TPT_ARTEFACT_NEEDS_MATRIX);

  undo_all (fixture);
}

static void
test_capture_blueprint (Fixture       *fixture,
                        gconstpointer  data)
{
  TptPages *view = fixture->window->pages;
  TptRegionCapture *capture =
    tpt_canvas_get_region_capture (tpt_pages_get_page (view, TPT_ARTEFACT_BLUEPRINT));
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(TptBlueprint) blueprint =
    g_list_model_get_item (tpt_document_get_blueprints (fixture->document), 0);
  guint before;
  double cx0, cy0, cx1, cy1, wx0, wy0, wx1, wy1, x, y, width, height;
  TptSlide *slide;

  tpt_window_select (fixture->window, TPT_NODE (blueprint));
  app_iterate ();
  app_wait_frames (tpt_pages_get_visible_page (view), 3);
  before = history_length (fixture);

  /* Ctrl+Shift+N enters the mode, opening a stage collapsed on screen,
   * since the slide shows every step; asked again, it leaves it. */
  {
    g_autoptr(TptStage) stage = g_list_model_get_item (tpt_blueprint_get_stages (blueprint), 0);

    tpt_blueprint_page_set_stage_collapsed (TPT_BLUEPRINT_PAGE (tpt_pages_get_page (view, TPT_ARTEFACT_BLUEPRINT)), stage, TRUE);
    app_iterate ();
    activate (fixture, window, "win.add-slide");
    g_assert_false (tpt_blueprint_page_get_stage_collapsed (TPT_BLUEPRINT_PAGE (tpt_pages_get_page (view, TPT_ARTEFACT_BLUEPRINT)), stage));
  }
  g_assert_true (tpt_region_capture_get_active (capture));
  activate (fixture, window, "win.add-slide");
  g_assert_false (tpt_region_capture_get_active (capture));

  /* A click is no region, and leaves the mode with nothing made. */
  activate (fixture, window, "win.add-slide");
  g_assert_false (tpt_region_capture_finish (capture, 100, 100, 102, 101));
  g_assert_false (tpt_region_capture_get_active (capture));
  /* So does Escape. */
  activate (fixture, window, "win.add-slide");
  tpt_region_capture_cancel (capture);
  g_assert_false (tpt_region_capture_get_active (capture));
  /* Finishing outside the mode does nothing. */
  g_assert_false (tpt_region_capture_finish (capture, 100, 100, 300, 300));
  g_assert_cmpuint (history_length (fixture), ==, before);
  g_assert_cmpuint (g_list_model_get_n_items (fixture->slides), ==, 0);

  /* A drag, from the bottom right to the top left, makes a slide of the
   * blueprint cropped to the band, in the drawing's coordinates. */
  activate (fixture, window, "win.add-slide");
  tpt_canvas_get_content_size (tpt_pages_get_visible_page (view), &width, &height);
  tpt_canvas_to_view (tpt_pages_get_visible_page (view), width * 0.2, height * 0.3, &wx0, &wy0);
  tpt_canvas_to_view (tpt_pages_get_visible_page (view), width * 0.6, height * 0.7, &wx1, &wy1);
  /* Whole pixels, as a pointer gives, and a drag of some size. */
  wx0 = round (wx0), wy0 = round (wy0), wx1 = round (wx1), wy1 = round (wy1);
  g_assert_cmpfloat (wx1 - wx0, >, 20);
  g_assert_cmpfloat (wy1 - wy0, >, 20);
  tpt_canvas_to_content (tpt_pages_get_visible_page (view), wx0, wy0, &cx0, &cy0);
  tpt_canvas_to_content (tpt_pages_get_visible_page (view), wx1, wy1, &cx1, &cy1);
  g_assert_true (tpt_region_capture_finish (capture, wx1, wy1, wx0, wy0));
  app_iterate ();
  g_assert_false (tpt_region_capture_get_active (capture));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->slides), ==, 1);
  g_assert_cmpuint (history_length (fixture), ==, before + 1);
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Add Slide");
  slide = nth_slide (fixture, 0);
  g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_BLUEPRINT);
  g_assert_true (tpt_slide_get_target_node (slide) == TPT_NODE (blueprint));
  g_assert_cmpstr (tpt_slide_get_title (slide), ==, tpt_blueprint_get_title (blueprint));
  g_assert_true (tpt_slide_get_region (slide, &x, &y, &width, &height));
  g_assert_cmpfloat_with_epsilon (x, cx0, 0.01);
  g_assert_cmpfloat_with_epsilon (y, cy0, 0.01);
  g_assert_cmpfloat_with_epsilon (width, cx1 - cx0, 0.02);
  g_assert_cmpfloat_with_epsilon (height, cy1 - cy0, 0.02);
  /* It is selected, to be named. */
  g_assert_true (tpt_outline_get_selected (fixture->window->outline) == TPT_NODE (slide));
  assert_outline_matches (fixture);

  /* The next goes after it; undo takes it away again. */
  tpt_canvas_zoom_to_fit (tpt_pages_get_visible_page (view));
  activate (fixture, window, "win.add-slide");
  g_assert_true (tpt_region_capture_finish (capture, wx0, wy0, wx1, wy0 + 30));
  app_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (fixture->slides), ==, 2);
  g_assert_true (tpt_outline_get_selected (fixture->window->outline) ==
                 TPT_NODE (nth_slide (fixture, 1)));
  tpt_history_undo (history (fixture));
  g_assert_cmpuint (g_list_model_get_n_items (fixture->slides), ==, 1);
  assert_outline_matches (fixture);

  undo_all (fixture);
}

/* Where persona number @index's card is on the gallery, as the view lays
 * it out. */
static TptRect
persona_card (Fixture *fixture,
              guint    index)
{
  PangoContext *context = tpt_text_context_new ();
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (TptPersonaPart));
  TptRect card = { 0 };

  tpt_persona_gallery_collect_parts (context, fixture->document, parts);
  g_object_unref (context);
  for (guint i = 0; i < parts->len; i++)
    {
      const TptPersonaPart *part = &g_array_index (parts, TptPersonaPart, i);

      if (part->persona == index && part->field == TPT_PERSONA_FIELD_CARD)
        card = part->rect;
    }
  g_assert_cmpfloat (card.width, >, 100);
  return card;
}

static void
test_capture_other_views (Fixture       *fixture,
                          gconstpointer  data)
{
  TptPages *view = fixture->window->pages;
  GtkWidget *window = GTK_WIDGET (fixture->window);
  g_autoptr(TptPersona) persona =
    g_list_model_get_item (tpt_document_get_personas (fixture->document), 1);
  TptGalleryPage *gallery = TPT_GALLERY_PAGE (tpt_pages_get_page (view, TPT_ARTEFACT_PERSONAS));
  double wx = 0, wy = 0, x, y, x1, y1, rx, ry, rw, rh;
  TptRect card;
  guint index = G_MAXUINT;
  gboolean found = FALSE;
  TptSlide *slide;

  /* On the gallery, a band inside a card makes a slide of that persona. */
  tpt_outline_select_group (fixture->window->outline, TPT_OUTLINE_GROUP_PERSONAS);
  app_iterate ();
  app_wait_frames (tpt_pages_get_visible_page (view), 3);
  g_assert_cmpint (tpt_pages_get_visible_kind (view), ==, TPT_ARTEFACT_PERSONAS);
  for (wy = 40; wy < gtk_widget_get_height (GTK_WIDGET (view)) && !found; wy += 4)
    for (wx = 40; wx < gtk_widget_get_width (GTK_WIDGET (view)) && !found; wx += 4)
      {
        tpt_canvas_to_content (tpt_pages_get_visible_page (view), wx, wy, &x, &y);
        found = tpt_gallery_page_persona_at (gallery, x, y, &index) && index == 1;
      }
  g_assert_true (found);
  card = persona_card (fixture, 1);
  /* A band from just inside the card's top left corner. */
  tpt_canvas_to_view (tpt_pages_get_visible_page (view), card.x + 20, card.y + 30, &wx, &wy);
  wx = round (wx), wy = round (wy);
  tpt_canvas_to_content (tpt_pages_get_visible_page (view), wx, wy, &x, &y);
  tpt_canvas_to_content (tpt_pages_get_visible_page (view), wx + 40, wy + 50, &x1, &y1);
  activate (fixture, window, "win.add-slide");
  g_assert_true (tpt_region_capture_finish (tpt_canvas_get_region_capture (tpt_pages_get_visible_page (view)), wx, wy, wx + 40, wy + 50));
  app_iterate ();
  slide = nth_slide (fixture, 0);
  g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_PERSONA);
  g_assert_true (tpt_slide_get_target_node (slide) == TPT_NODE (persona));
  g_assert_cmpstr (tpt_slide_get_title (slide), ==, tpt_persona_get_name (persona));
  /* The region is on the card's own drawing, with its paper round it. */
  g_assert_true (tpt_slide_get_region (slide, &rx, &ry, &rw, &rh));
  g_assert_cmpfloat_with_epsilon (rx, x - card.x + TPT_SLIDE_CARD_PAPER, 0.01);
  g_assert_cmpfloat_with_epsilon (ry, y - card.y + TPT_SLIDE_CARD_PAPER, 0.01);
  g_assert_cmpfloat_with_epsilon (rw, x1 - x, 0.02);
  g_assert_cmpfloat_with_epsilon (rh, y1 - y, 0.02);

  /* A band over all of the card, and more, is a slide of the whole card,
   * laid out to suit the slide. */
  tpt_canvas_zoom_to_fit (tpt_pages_get_visible_page (view));
  tpt_canvas_to_view (tpt_pages_get_visible_page (view), card.x - 5, card.y - 5, &wx, &wy);
  tpt_canvas_to_view (tpt_pages_get_visible_page (view), card.x + card.width / 2, card.y + card.height / 2,
                                       &x, &y);
  tpt_canvas_to_view (tpt_pages_get_visible_page (view), tpt_rect_right (&card) + 5,
                                       tpt_rect_bottom (&card) + 5, &x1, &y1);
  g_assert_cmpfloat (x1, <, gtk_widget_get_width (GTK_WIDGET (view)));
  g_assert_cmpfloat (y1, <, gtk_widget_get_height (GTK_WIDGET (view)));
  activate (fixture, window, "win.add-slide");
  g_assert_true (tpt_region_capture_finish (tpt_canvas_get_region_capture (tpt_pages_get_visible_page (view)), wx, wy, x1, y1));
  app_iterate ();
  slide = nth_slide (fixture, 1);
  g_assert_true (tpt_slide_get_target_node (slide) == TPT_NODE (persona));
  g_assert_false (tpt_slide_get_region (slide, NULL, NULL, NULL, NULL));
  tpt_history_undo (history (fixture));
  slide = nth_slide (fixture, 0);

  /* The whole needs matrix, after the slide selected. */
  tpt_outline_select_group (fixture->window->outline, TPT_OUTLINE_GROUP_NEEDS);
  tpt_outline_set_selected (fixture->window->outline, TPT_NODE (slide));
  tpt_pages_show (view, TPT_ARTEFACT_NEEDS_MATRIX, NULL);
  activate (fixture, window, "win.add-slide-whole");
  g_assert_cmpuint (g_list_model_get_n_items (fixture->slides), ==, 2);
  slide = nth_slide (fixture, 1);
  g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_NEEDS_MATRIX);
  g_assert_false (tpt_slide_get_region (slide, NULL, NULL, NULL, NULL));
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Add Slide");

  /* A region of the coverage report. */
  tpt_pages_show (view, TPT_ARTEFACT_COVERAGE, NULL);
  app_iterate ();
  app_wait_frames (tpt_pages_get_visible_page (view), 3);
  activate (fixture, window, "win.add-slide");
  g_assert_true (tpt_region_capture_finish (tpt_canvas_get_region_capture (tpt_pages_get_visible_page (view)), 60, 60, 300, 200));
  app_iterate ();
  slide = nth_slide (fixture, 2);
  g_assert_cmpint (tpt_slide_get_artefact (slide), ==, TPT_ARTEFACT_COVERAGE);
  g_assert_true (tpt_slide_get_region (slide, NULL, NULL, NULL, NULL));

  undo_all (fixture);
}

static void
test_inspector (Fixture       *fixture,
                gconstpointer  data)
{
  TptInspector *inspector = fixture->window->inspector;
  g_autoptr(TptBlueprint) blueprint =
    g_list_model_get_item (tpt_document_get_blueprints (fixture->document), 0);
  const TptRect region = { 10, 20, 300, 150 };
  GtkWidget *clear;
  TptSlide *slide;
  guint before;

  slide = tpt_slide_edits_add (fixture->document, 0, TPT_ARTEFACT_BLUEPRINT,
                               TPT_NODE (blueprint), "Claims", &region);
  tpt_outline_set_selected (fixture->window->outline, TPT_NODE (slide));
  app_iterate ();
  g_assert_true (tpt_inspector_get_node (inspector) == TPT_NODE (slide));
  g_assert_true (ADW_IS_ENTRY_ROW (tpt_inspector_get_editor (inspector, "title")));
  g_assert_true (GTK_IS_TEXT_VIEW (tpt_inspector_get_editor (inspector, "notes")));
  before = history_length (fixture);

  g_assert_true (tpt_inspector_commit_text (inspector, "title", "Where claims stall", NULL));
  g_assert_cmpstr (tpt_slide_get_title (slide), ==, "Where claims stall");
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Rename Slide");
  g_assert_true (tpt_inspector_commit_text (inspector, "notes", "Start here.\nThen the wait.",
                                            NULL));
  g_assert_cmpstr (tpt_slide_get_notes (slide), ==, "Start here.\nThen the wait.");
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Edit Slide Notes");
  g_assert_cmpuint (history_length (fixture), ==, before + 2);
  /* What it shows is not typed in. */
  g_assert_false (tpt_inspector_commit_text (inspector, "artefact", "cover", NULL));
  g_assert_false (tpt_inspector_commit_text (inspector, "target", "b1", NULL));

  clear = tpt_inspector_get_editor (inspector, "region");
  g_assert_true (GTK_IS_BUTTON (clear));
  g_assert_true (gtk_widget_get_visible (clear));
  g_signal_emit_by_name (clear, "clicked");
  app_iterate ();
  g_assert_false (tpt_slide_get_region (slide, NULL, NULL, NULL, NULL));
  g_assert_cmpstr (tpt_history_get_undo_label (history (fixture)), ==, "Clear Region");
  g_assert_cmpuint (history_length (fixture), ==, before + 3);
  clear = tpt_inspector_get_editor (inspector, "region");
  g_assert_false (gtk_widget_get_visible (clear));

  undo_all (fixture);
}

/* The list a user builds is the document's: it is saved, read back the
 * same, and undone to the bytes it started from. */
static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TptBlueprint) blueprint =
    g_list_model_get_item (tpt_document_get_blueprints (fixture->document), 0);
  g_autoptr(GBytes) saved = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autoptr(TptDocument) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  GListModel *loaded_slides;
  double width, height, x0, y0, x1, y1;

  add_defaults (fixture);
  /* The second default slide is the first blueprint, whole: selected, the
   * view shows it, and a region of it goes in after it. */
  g_assert_cmpint (tpt_slide_get_artefact (nth_slide (fixture, 1)), ==,
                   TPT_ARTEFACT_BLUEPRINT);
  tpt_outline_set_selected (fixture->window->outline, TPT_NODE (nth_slide (fixture, 1)));
  app_iterate ();
  g_assert_true (tpt_pages_get_blueprint (fixture->window->pages) == blueprint);
  tpt_canvas_get_content_size (tpt_pages_get_visible_page (fixture->window->pages), &width, &height);
  tpt_canvas_to_view (tpt_pages_get_visible_page (fixture->window->pages), width / 3, height / 3, &x0, &y0);
  tpt_canvas_to_view (tpt_pages_get_visible_page (fixture->window->pages), width / 2, height / 2, &x1, &y1);
  activate (fixture, GTK_WIDGET (fixture->window), "win.add-slide");
  g_assert_true (tpt_region_capture_finish (tpt_canvas_get_region_capture (tpt_pages_get_visible_page (fixture->window->pages)), x0, y0, x1, y1));
  app_iterate ();
  g_assert_true (tpt_slide_get_region (nth_slide (fixture, 2), NULL, NULL, NULL, NULL));
  tpt_outline_set_selected (fixture->window->outline, TPT_NODE (nth_slide (fixture, 0)));
  app_iterate ();
  g_assert_true (tpt_outline_rename_selected (fixture->window->outline, "Welcome"));
  tpt_slide_set_notes (nth_slide (fixture, 0), "Say hello & <why> we are here");
  gtk_widget_activate_action (GTK_WIDGET (fixture->window->outline), "outline.move-down", NULL);

  saved = tpt_document_serialize (fixture->document);
  text = g_strndup (g_bytes_get_data (saved, NULL), g_bytes_get_size (saved));
  g_assert_nonnull (strstr (text, "<slides>"));
  loaded = tpt_document_load_bytes (saved, &error);
  g_assert_no_error (error);
  loaded_slides = tpt_document_get_slides (loaded);
  g_assert_cmpuint (g_list_model_get_n_items (loaded_slides), ==,
                    g_list_model_get_n_items (fixture->slides));
  for (guint i = 0; i < g_list_model_get_n_items (loaded_slides); i++)
    {
      g_autoptr(TptSlide) a = g_list_model_get_item (loaded_slides, i);
      TptSlide *b = nth_slide (fixture, i);
      double ax = 0, ay = 0, aw = 0, ah = 0, bx = 0, by = 0, bw = 0, bh = 0;

      g_assert_cmpstr (tpt_slide_get_title (a), ==, tpt_slide_get_title (b));
      g_assert_cmpstr (tpt_slide_get_notes (a), ==, tpt_slide_get_notes (b));
      g_assert_cmpint (tpt_slide_get_artefact (a), ==, tpt_slide_get_artefact (b));
      g_assert_cmpstr (tpt_slide_get_target (a), ==, tpt_slide_get_target (b));
      g_assert_cmpint (tpt_slide_get_region (a, &ax, &ay, &aw, &ah), ==,
                       tpt_slide_get_region (b, &bx, &by, &bw, &bh));
      g_assert_cmpfloat (ax, ==, bx);
      g_assert_cmpfloat (ay, ==, by);
      g_assert_cmpfloat (aw, ==, bw);
      g_assert_cmpfloat (ah, ==, bh);
    }
  g_assert_cmpstr (tpt_slide_get_title (nth_slide (fixture, 1)), ==, "Welcome");
  g_assert_true (tpt_slide_get_region (nth_slide (fixture, 2), NULL, NULL, NULL, NULL));
  again = tpt_document_serialize (loaded);
  g_assert_true (g_bytes_equal (saved, again));

  undo_all (fixture);
}

int
main (int   argc,
      char *argv[])
{
  app = app_test_init (&argc, &argv);

  g_test_add ("/tpt/app/slides/defaults", Fixture, NULL, fixture_setup, test_defaults,
              fixture_teardown);
  g_test_add ("/tpt/app/slides/outline-edits", Fixture, NULL, fixture_setup,
              test_outline_edits, fixture_teardown);
  g_test_add ("/tpt/app/slides/drag-reorder", Fixture, NULL, fixture_setup,
              test_drag_reorder, fixture_teardown);
  g_test_add ("/tpt/app/slides/select-frames", Fixture, NULL, fixture_setup,
              test_select_frames, fixture_teardown);
  g_test_add ("/tpt/app/slides/capture-blueprint", Fixture, NULL, fixture_setup,
              test_capture_blueprint, fixture_teardown);
  g_test_add ("/tpt/app/slides/capture-other-views", Fixture, NULL, fixture_setup,
              test_capture_other_views, fixture_teardown);
  g_test_add ("/tpt/app/slides/inspector", Fixture, NULL, fixture_setup, test_inspector,
              fixture_teardown);
  g_test_add ("/tpt/app/slides/round-trip", Fixture, NULL, fixture_setup, test_round_trip,
              fixture_teardown);

  return g_test_run ();
}
