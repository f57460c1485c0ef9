/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-gallery"

#include "config.h"

#include <adwaita.h>
#include <cairo.h>
#include <glib/gstdio.h>

#include "app-fixtures.h"
#include "tpt-application.h"
#include "tpt-fact.h"
#include "tpt-format.h"
#include "tpt-gallery-page.h"
#include "tpt-persona-renderer.h"
#include "tpt-text.h"
#include "tpt-window-private.h"

/* The persona gallery as an editing canvas: selecting, adding,
 * duplicating, deleting, reordering by drag and keys, editing fields in
 * place, and photos dropped on a card, each checked in the model and
 * against undo. */

static TptApplication *app;

typedef struct
{
  TptWindow        *window;
  TptDocument      *document;
  TptGalleryPage *canvas;
  PangoContext     *context;
  GArray           *parts;      /* where the view put cards and fields */
  char             *original;   /* the document's bytes before the test */
  char             *scratch;    /* a folder for image files */
} Fixture;

static void
relayout (Fixture *fixture)
{
  app_iterate ();
  tpt_persona_gallery_collect_parts (fixture->context, fixture->document, fixture->parts);
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = app_example_file ();
  g_autoptr(TptPersona) first = NULL;

  fixture->window = tpt_application_open_file (app, file);
  g_assert_nonnull (fixture->window);
  fixture->document = g_object_ref (tpt_window_get_document (fixture->window));
  fixture->canvas = TPT_GALLERY_PAGE (tpt_pages_get_page (fixture->window->pages, TPT_ARTEFACT_PERSONAS));
  fixture->context = tpt_text_context_new ();
  fixture->parts = g_array_new (FALSE, FALSE, sizeof (TptPersonaPart));
  fixture->scratch = g_dir_make_tmp ("test-app-gallery-XXXXXX", NULL);
  gtk_window_present (GTK_WINDOW (fixture->window));
  first = g_list_model_get_item (tpt_document_get_personas (fixture->document), 0);
  tpt_window_select (fixture->window, TPT_NODE (first));
  relayout (fixture);
  fixture->original = app_document_bytes (fixture->document);
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
  g_clear_pointer (&fixture->parts, g_array_unref);
  g_clear_pointer (&fixture->original, g_free);
  if (fixture->scratch != NULL)
    {
      g_autoptr(GDir) dir = g_dir_open (fixture->scratch, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (fixture->scratch, name, NULL);

          g_remove (path);
        }
      g_rmdir (fixture->scratch);
      g_clear_pointer (&fixture->scratch, g_free);
    }
}

static GListModel *
personas (Fixture *fixture)
{
  return tpt_document_get_personas (fixture->document);
}

static TptPersona *
nth (Fixture *fixture,
     guint    n)
{
  TptPersona *persona = g_list_model_get_item (personas (fixture), n);

  g_object_unref (persona);
  return persona;
}

static const TptPersonaPart *
part (Fixture         *fixture,
      guint            persona,
      TptPersonaField  field)
{
  for (guint i = 0; i < fixture->parts->len; i++)
    {
      const TptPersonaPart *p = &g_array_index (fixture->parts, TptPersonaPart, i);

      if (p->persona == persona && p->field == field)
        return p;
    }
  g_assert_not_reached ();
}

static void
centre (const TptPersonaPart *p,
        double               *x,
        double               *y)
{
  *x = p->rect.x + p->rect.width / 2;
  *y = p->rect.y + p->rect.height / 2;
}

static guint
history_length (Fixture *fixture)
{
  return tpt_history_get_position (tpt_document_get_history (fixture->document));
}

static void
undo_all (Fixture *fixture)
{
  app_undo_all_and_compare (fixture->document, fixture->original);
}

static void
press (Fixture         *fixture,
       guint            keyval,
       GdkModifierType  state)
{
  g_assert_true (app_key (fixture->canvas, keyval, state));
  relayout (fixture);
}

/* A key pressed in the field editor, as its key controller sees it. */
static void
editor_key (Fixture         *fixture,
            guint            keyval,
            GdkModifierType  state)
{
  GtkWidget *editor = tpt_canvas_get_editor ((TptCanvas *) fixture->canvas);
  g_autoptr(GListModel) controllers = NULL;
  GtkEventController *keys = NULL;
  gboolean handled = FALSE;

  g_assert_nonnull (editor);
  controllers = gtk_widget_observe_controllers (editor);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller) &&
          gtk_event_controller_get_propagation_phase (controller) == GTK_PHASE_CAPTURE)
        keys = controller;
    }
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, state, &handled);
  g_assert_true (handled);
  relayout (fixture);
}

static void
set_editor_text (Fixture    *fixture,
                 const char *text)
{
  GtkWidget *editor = tpt_canvas_get_editor ((TptCanvas *) fixture->canvas);

  g_assert_nonnull (editor);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor)), text, -1);
}

static char *
editor_text (Fixture *fixture)
{
  GtkWidget *editor = tpt_canvas_get_editor ((TptCanvas *) fixture->canvas);
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_assert_nonnull (editor);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (editor));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The rendered cards are where the canvas takes clicks; the outline and
 * inspector follow. */
static void
test_select (Fixture       *fixture,
             gconstpointer  data)
{
  double x, y;

  g_assert_true (tpt_gallery_page_get_selected (fixture->canvas) == nth (fixture, 0));

  centre (part (fixture, 2, TPT_PERSONA_FIELD_CARD), &x, &y);
  app_click (fixture->canvas, x, y, 1, 0);
  app_iterate ();
  g_assert_true (tpt_gallery_page_get_selected (fixture->canvas) == nth (fixture, 2));
  g_assert_true (tpt_outline_get_selected (fixture->window->outline) == TPT_NODE (nth (fixture, 2)));

  press (fixture, GDK_KEY_Left, 0);
  g_assert_true (tpt_gallery_page_get_selected (fixture->canvas) == nth (fixture, 1));
  press (fixture, GDK_KEY_Home, 0);
  g_assert_true (tpt_gallery_page_get_selected (fixture->canvas) == nth (fixture, 0));
  press (fixture, GDK_KEY_End, 0);
  g_assert_true (tpt_gallery_page_get_selected (fixture->canvas) == nth (fixture, 2));

  /* Chosen in the outline, selected on the gallery. */
  tpt_window_select (fixture->window, TPT_NODE (nth (fixture, 1)));
  app_iterate ();
  g_assert_true (tpt_gallery_page_get_selected (fixture->canvas) == nth (fixture, 1));

  /* Selecting changes nothing in the document. */
  g_assert_cmpuint (history_length (fixture), ==, 0);
}

static void
test_add_duplicate_delete (Fixture       *fixture,
                           gconstpointer  data)
{
  guint n = g_list_model_get_n_items (personas (fixture));
  TptPersona *copy;

  /* Insert adds after the selection and opens the name. */
  press (fixture, GDK_KEY_Insert, 0);
  g_assert_cmpuint (g_list_model_get_n_items (personas (fixture)), ==, n + 1);
  g_assert_true (tpt_gallery_page_get_selected (fixture->canvas) == nth (fixture, 1));
  g_assert_nonnull (tpt_canvas_get_editor ((TptCanvas *) fixture->canvas));
  set_editor_text (fixture, "Priya Shah");
  editor_key (fixture, GDK_KEY_Return, 0);
  g_assert_null (tpt_canvas_get_editor ((TptCanvas *) fixture->canvas));
  g_assert_cmpstr (tpt_persona_get_name (nth (fixture, 1)), ==, "Priya Shah");
  g_assert_cmpstr (tpt_history_get_undo_label (tpt_document_get_history (fixture->document)), ==,
                   "Rename Persona");

  /* Ctrl+D copies the persona, facts and all, after it. */
  tpt_window_select (fixture->window, TPT_NODE (nth (fixture, 0)));
  app_iterate ();
  press (fixture, GDK_KEY_d, GDK_CONTROL_MASK);
  copy = nth (fixture, 1);
  g_assert_true (tpt_gallery_page_get_selected (fixture->canvas) == copy);
  g_assert_cmpuint (g_list_model_get_n_items (tpt_persona_get_facts (copy)), ==,
                    g_list_model_get_n_items (tpt_persona_get_facts (nth (fixture, 0))));
  g_assert_true (g_str_has_prefix (tpt_persona_get_name (copy),
                                   tpt_persona_get_name (nth (fixture, 0))));
  g_assert_cmpstr (tpt_history_get_undo_label (tpt_document_get_history (fixture->document)), ==,
                   "Duplicate Persona");

  /* Delete deletes it, in one step, and selects the card in its place. */
  press (fixture, GDK_KEY_Delete, 0);
  g_assert_cmpuint (g_list_model_get_n_items (personas (fixture)), ==, n + 1);
  g_assert_true (tpt_gallery_page_get_selected (fixture->canvas) == nth (fixture, 1));
  g_assert_true (tpt_history_undo (tpt_document_get_history (fixture->document)));
  app_iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (personas (fixture)), ==, n + 2);

  undo_all (fixture);
}

/* Each field edits in place from a double click on it, and Tab walks on
 * to the next one; every kept field is one undo step. */
static void
test_edit_fields (Fixture       *fixture,
                  gconstpointer  data)
{
  TptPersona *persona = nth (fixture, 1);
  const char * const *goals;
  GListModel *facts;
  guint before;
  double x, y;

  centre (part (fixture, 1, TPT_PERSONA_FIELD_ROLE), &x, &y);
  app_click (fixture->canvas, x, y, 2, 0);
  {
    g_autofree char *text = editor_text (fixture);

    g_assert_cmpstr (text, ==, tpt_persona_get_role (persona));
  }

  /* Tab keeps the role and goes on to the segment. */
  before = history_length (fixture);
  set_editor_text (fixture, "Retired teacher");
  editor_key (fixture, GDK_KEY_Tab, 0);
  g_assert_cmpstr (tpt_persona_get_role (persona), ==, "Retired teacher");
  g_assert_cmpuint (history_length (fixture), ==, before + 1);
  {
    g_autofree char *text = editor_text (fixture);

    g_assert_cmpstr (text, ==, tpt_persona_get_segment (persona));
  }

  /* Opening another field from the menu keeps the one being edited. */
  set_editor_text (fixture, "Loyal customer");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tpt_pages_get_visible_page (fixture->window->pages)), "gallery.edit-field",
                                             "i", TPT_PERSONA_FIELD_GOALS));
  app_iterate ();
  g_assert_cmpstr (tpt_persona_get_segment (persona), ==, "Loyal customer");

  /* Lists are one item per line; empty lines are dropped. */
  set_editor_text (fixture, "Know what is covered\n\n  Talk to one person  \n");
  editor_key (fixture, GDK_KEY_Return, 0);
  goals = tpt_persona_get_goals (persona);
  g_assert_cmpuint (g_strv_length ((GStrv) goals), ==, 2);
  g_assert_cmpstr (goals[1], ==, "Talk to one person");
  g_assert_cmpstr (tpt_history_get_undo_label (tpt_document_get_history (fixture->document)), ==,
                   "Edit Goals");

  /* Facts are "Label: value" lines; the first facts keep their ids. */
  facts = tpt_persona_get_facts (persona);
  {
    g_autoptr(TptFact) first = g_list_model_get_item (facts, 0);
    g_autofree char *id = g_strdup (tpt_node_get_id (TPT_NODE (first)));
    g_autoptr(TptFact) kept = NULL;
    g_autoptr(TptFact) added = NULL;

    tpt_gallery_page_edit (fixture->canvas, TPT_PERSONA_FIELD_FACTS);
    set_editor_text (fixture, "Age: 72\nPets: two cats\nNote without colon");
    editor_key (fixture, GDK_KEY_Return, 0);
    g_assert_cmpuint (g_list_model_get_n_items (facts), ==, 3);
    kept = g_list_model_get_item (facts, 0);
    added = g_list_model_get_item (facts, 1);
    g_assert_cmpstr (tpt_node_get_id (TPT_NODE (kept)), ==, id);
    g_assert_cmpstr (tpt_fact_get_value (kept), ==, "72");
    g_assert_cmpstr (tpt_fact_get_label (added), ==, "Pets");
    g_assert_cmpstr (tpt_fact_get_value (added), ==, "two cats");
  }

  /* An emptied name is not kept: a persona always has one. */
  before = history_length (fixture);
  tpt_gallery_page_edit (fixture->canvas, TPT_PERSONA_FIELD_NAME);
  set_editor_text (fixture, "   ");
  editor_key (fixture, GDK_KEY_Return, 0);
  g_assert_cmpuint (history_length (fixture), ==, before);
  g_assert_cmpstr (tpt_persona_get_name (persona), !=, "");

  /* Escape drops what was typed. */
  tpt_gallery_page_edit (fixture->canvas, TPT_PERSONA_FIELD_QUOTE);
  set_editor_text (fixture, "Dropped");
  editor_key (fixture, GDK_KEY_Escape, 0);
  g_assert_null (tpt_canvas_get_editor ((TptCanvas *) fixture->canvas));
  g_assert_cmpstr (tpt_persona_get_quote (persona), !=, "Dropped");
  g_assert_cmpuint (history_length (fixture), ==, before);

  undo_all (fixture);
}

static void
test_reorder (Fixture       *fixture,
              gconstpointer  data)
{
  TptPersona *first = nth (fixture, 0);
  TptPersona *last = nth (fixture, 2);
  const TptPersonaPart *target;
  double x, y;
  guint before = history_length (fixture);

  /* Drag the first card past the right half of the last: it goes last. */
  centre (part (fixture, 0, TPT_PERSONA_FIELD_CARD), &x, &y);
  target = part (fixture, 2, TPT_PERSONA_FIELD_CARD);
  g_assert_true (app_drag (fixture->canvas, x, y, tpt_rect_right (&target->rect) - 10, y, 0));
  relayout (fixture);
  g_assert_true (nth (fixture, 2) == first);
  g_assert_true (nth (fixture, 1) == last);
  g_assert_cmpuint (history_length (fixture), ==, before + 1);
  g_assert_true (tpt_gallery_page_get_selected (fixture->canvas) == first);

  /* A press that hardly moves is a click, not a move. */
  centre (part (fixture, 1, TPT_PERSONA_FIELD_CARD), &x, &y);
  app_click (fixture->canvas, x + 1, y + 1, 1, 0);
  relayout (fixture);
  g_assert_cmpuint (history_length (fixture), ==, before + 1);

  /* Alt+Left moves the selected persona back one place. */
  tpt_window_select (fixture->window, TPT_NODE (first));
  app_iterate ();
  press (fixture, GDK_KEY_Left, GDK_ALT_MASK);
  g_assert_true (nth (fixture, 1) == first);
  /* The outline's label for the same move. */
  g_assert_cmpstr (tpt_history_get_undo_label (tpt_document_get_history (fixture->document)), ==,
                   "Move Up");

  undo_all (fixture);
}

static GFile *
write_png (Fixture *fixture,
           int      width,
           int      height)
{
  g_autofree char *path = g_build_filename (fixture->scratch, "photo.png", NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, 0.2, 0.5, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

static void
test_photo_drop (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *bogus_path = g_build_filename (fixture->scratch, "bogus.png", NULL);
  g_autoptr(GFile) bogus = g_file_new_for_path (bogus_path);
  g_autoptr(GFile) large = NULL;
  g_autoptr(GError) error = NULL;
  TptPersona *persona = nth (fixture, 2);
  guint before = history_length (fixture);
  double x, y;

  /* A file that only claims to be a PNG is refused and changes nothing. */
  g_assert_true (g_file_set_contents (bogus_path, "\x89PNG\r\n\x1a\nnot really", -1, NULL));
  centre (part (fixture, 2, TPT_PERSONA_FIELD_AVATAR), &x, &y);
  g_assert_false (tpt_gallery_page_drop_photo (fixture->canvas, bogus, x, y, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (tpt_persona_get_photo (persona));
  g_assert_cmpuint (history_length (fixture), ==, before);

  /* Off the cards, nothing takes it. */
  g_assert_false (tpt_gallery_page_drop_photo (fixture->canvas, bogus, -50, -50, &error));
  g_clear_error (&error);

  /* A real photo is scaled down to fit and embedded, in one step. */
  large = write_png (fixture, 1600, 1200);
  g_assert_true (tpt_gallery_page_drop_photo (fixture->canvas, large, x, y, &error));
  g_assert_no_error (error);
  g_assert_nonnull (tpt_persona_get_photo (persona));
  g_assert_cmpuint (history_length (fixture), ==, before + 1);
  g_assert_true (tpt_gallery_page_get_selected (fixture->canvas) == persona);
  {
    g_autoptr(GInputStream) stream =
      g_memory_input_stream_new_from_bytes (tpt_persona_get_photo (persona));
    g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new_from_stream (stream, NULL, NULL);

    g_assert_nonnull (pixbuf);
    g_assert_cmpint (gdk_pixbuf_get_width (pixbuf), ==, 800);
    g_assert_cmpint (gdk_pixbuf_get_height (pixbuf), ==, 600);
  }

  /* The context menu's Remove Photo takes it off again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tpt_pages_get_visible_page (fixture->window->pages)),
                                             "gallery.remove-photo", NULL));
  g_assert_null (tpt_persona_get_photo (persona));

  undo_all (fixture);
}

static void
test_colour (Fixture       *fixture,
             gconstpointer  data)
{
  TptPersona *persona = nth (fixture, 0);
  GtkWidget *dialog = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint before = history_length (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (tpt_pages_get_visible_page (fixture->window->pages)),
                                             "gallery.choose-colour", NULL));
  app_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_COLOR_CHOOSER (window))
        dialog = window;
    }
  g_assert_nonnull (dialog);
  gtk_color_chooser_set_rgba (GTK_COLOR_CHOOSER (dialog), &(GdkRGBA) { 0.8, 0.2, 0.4, 1 });
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_OK);
  app_iterate ();

  g_assert_cmpstr (tpt_persona_get_color (persona), ==, "#cc3366");
  g_assert_cmpuint (history_length (fixture), ==, before + 1);
  g_assert_cmpstr (tpt_history_get_undo_label (tpt_document_get_history (fixture->document)), ==,
                   "Edit Colour");
  undo_all (fixture);
}

int
main (int   argc,
      char *argv[])
{
  app = app_test_init (&argc, &argv);

  g_test_add ("/tpt/app/gallery/select", Fixture, NULL, fixture_setup, test_select,
              fixture_teardown);
  g_test_add ("/tpt/app/gallery/add-duplicate-delete", Fixture, NULL, fixture_setup,
              test_add_duplicate_delete, fixture_teardown);
  g_test_add ("/tpt/app/gallery/edit-fields", Fixture, NULL, fixture_setup, test_edit_fields,
              fixture_teardown);
  g_test_add ("/tpt/app/gallery/reorder", Fixture, NULL, fixture_setup, test_reorder,
              fixture_teardown);
  g_test_add ("/tpt/app/gallery/photo-drop", Fixture, NULL, fixture_setup, test_photo_drop,
              fixture_teardown);
  g_test_add ("/tpt/app/gallery/colour", Fixture, NULL, fixture_setup, test_colour,
              fixture_teardown);

  return g_test_run ();
}
