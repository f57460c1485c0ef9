/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export checked by the tools people will open the files with: pdfinfo for
 * pages and sizes, pdftotext for searchable text, qpdf for the outline,
 * rsvg-convert for the SVG, and the PNG header for the image size. Bad
 * options and documents must leave no file behind. */
#define G_LOG_DOMAIN "test-render-export"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "render-fixtures.h"
#include "tpt-blueprint-layout.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-artefact-drawing.h"
#include "tpt-export.h"
#include "tpt-format.h"
#include "tpt-page-size.h"
#include "tpt-poster.h"
#include "tpt-matrix-renderer.h"
#include "tpt-persona-renderer.h"
#include "tpt-text.h"

#include <math.h>

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tpt-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static guint
count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
export (TptDocument      *document,
        const char       *dir,
        const char       *name,
        TptExportOptions *options)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (tpt_export_format_for_path (path, &options->format));
  tpt_export (document, file, options, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
assert_page_size (const char *info,
                  guint       page,
                  double      width,
                  double      height)
{
  g_autofree char *key = g_strdup_printf ("Page %4u size:", page);
  const char *line = strstr (info, key);
  double w, h;

  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line + strlen (key), " %lf x %lf", &w, &h), ==, 2);
  g_assert_cmpfloat_with_epsilon (w, width, 0.01);
  g_assert_cmpfloat_with_epsilon (h, height, 0.01);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  GListModel *blueprints = tpt_document_get_blueprints (document);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 14, 12, 0, 0);
  TptExportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autofree char *json = NULL;
  g_autofree char *links = NULL;
  g_autofree char *map = NULL;
  PangoContext *context = tpt_text_context_new ();
  guint n_pages;

  tpt_export_options_init (&options);
  options.date = date;
  path = export (document, fixture->dir, "claims.pdf", &options);

  info = render_run_tool ((const char *[]) { "pdfinfo", "-f", "1", "-l", "99", path, NULL });
  if (info == NULL)
    goto out;
  /* The pages the plan has, every one A4 landscape: the whole document
   * prints on one paper size. */
  n_pages = render_plan_pages (document, &options);
  g_assert_cmpuint (render_pdf_pages (path), ==, n_pages);
  g_assert_cmpuint (n_pages, >=, 4);
  for (guint i = 1; i <= n_pages; i++)
    assert_page_size (info, i, 841.89, 595.28);
  /* Title, author, subject and keywords. */
  g_assert_nonnull (strstr (info, "Title:           Motor claims\n"));
  g_assert_nonnull (strstr (info, "Author:          Service design team\n"));
  g_assert_nonnull (strstr (info, "Subject:"));
  g_assert_nonnull (strstr (info, "Keywords:        service design, Claims — current state"));
  /* Nothing prints below 5 pt. */
  g_assert_cmpfloat (render_pdf_smallest_font (path, 1, 0), >=, 5.0 - 0.01);

  /* The contents are links, each to its artefact's first page. */
  links = render_run_tool ((const char *[]) { "mutool", "show", path,
                                              "trailer/Root/Pages/Kids/1/Annots/*/Dest", NULL });
  map = render_run_tool ((const char *[]) { "mutool", "show", path, "pages", NULL });
  if (links != NULL && map != NULL)
    {
      g_auto(GStrv) dests = g_strsplit (g_strstrip (links), "\n", -1);
      g_autofree char *second = NULL;
      const char *entry;

      /* Personas, the journey numbers, the future state's case for change,
       * then the two blueprints. */
      g_assert_cmpuint (g_strv_length (dests), ==, 5);
      entry = strstr (map, "page 2 = ");
      g_assert_nonnull (entry);
      second = g_strndup (entry + strlen ("page 2 = "),
                          strchr (entry, '\n') - entry - strlen ("page 2 = "));
      g_assert_true (g_str_has_prefix (g_strchug (dests[0] + 1), second));
    }

  /* Text stays text: every card can be found, and the cover's date. */
  text = render_run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  squeezed = render_squeeze (text);
  g_assert_nonnull (strstr (text, "14 March 2026"));
  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);
      GListModel *cards = tpt_blueprint_get_cards (blueprint);

      for (guint k = 0; k < g_list_model_get_n_items (cards); k++)
        {
          g_autoptr(TptCard) card = g_list_model_get_item (cards, k);
          g_autofree char *wanted = render_squeeze (tpt_card_get_text (card));

          if (strstr (squeezed, wanted) == NULL)
            g_error ("card text “%s” not in the PDF", tpt_card_get_text (card));
        }
    }

  /* The outline names each blueprint, read by a tool other than poppler. */
  json = render_run_tool ((const char *[]) { "qpdf", "--json", "--json-key=outlines", path, NULL });
  if (json == NULL)
    goto out;
  g_assert_nonnull (strstr (json, "\"title\": \"Claims — current state\""));
  g_assert_nonnull (strstr (json, "\"title\": \"Claims — current state — future state\""));
  g_assert_nonnull (strstr (json, "\"title\": \"Personas\""));
  g_assert_nonnull (strstr (json, "\"title\": \"Journey Numbers\""));
  g_assert_nonnull (strstr (json, "\"title\": \"The Case for Change: Claims — current state — "
                                  "future state\""));
  g_assert_nonnull (strstr (json, "\"title\": \"Cover\""));
  g_assert_null (strstr (json, "\"title\": \"Needs Matrix\""));

out:
  g_object_unref (context);
}

/* Forty blueprints, one untitled: a page each, an outline entry each, and
 * contents that go on onto a second page instead of running off the
 * cover or being cut short. */
static void
test_pdf_many (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  TptExportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *second = NULL;
  g_autofree char *json = NULL;
  g_autofree char *links = NULL;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(TptBlueprint) blueprint = tpt_blueprint_new (document);
      g_autofree char *title = g_strdup_printf ("Blueprint %u", i + 1);

      if (i > 0)
        tpt_blueprint_set_title (blueprint, title);
      tpt_document_insert_blueprint (document, i, blueprint);
    }

  tpt_export_options_init (&options);
  path = export (document, fixture->dir, "many.pdf", &options);
  info = render_run_tool ((const char *[]) { "pdfinfo", path, NULL });
  if (info == NULL)
    return;
  /* Two pages of cover and contents, then a page a blueprint. */
  g_assert_nonnull (strstr (info, "Pages:           42\n"));
  cover = render_run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", "-l", "1", path, "-", NULL });
  g_assert_nonnull (strstr (cover, "Untitled blueprint"));
  g_assert_null (strstr (cover, "more"));
  g_assert_null (strstr (cover, "Blueprint 40"));
  second = render_run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", "-f", "2", "-l", "2",
                                               path, "-", NULL });
  g_assert_nonnull (strstr (second, "Contents (continued)"));
  g_assert_nonnull (strstr (second, "Blueprint 40"));
  g_assert_nonnull (strstr (second, "42"));
  /* The entries on the second page are links too. */
  links = render_run_tool ((const char *[]) { "mutool", "show", path,
                                              "trailer/Root/Pages/Kids/2/Annots", NULL });
  if (links != NULL)
    g_assert_nonnull (strstr (links, " 0 R"));
  json = render_run_tool ((const char *[]) { "qpdf", "--json", "--json-key=outlines", path, NULL });
  if (json == NULL)
    return;
  g_assert_nonnull (strstr (json, "\"title\": \"Blueprint 40\""));
  g_assert_nonnull (strstr (json, "\"title\": \"Untitled blueprint\""));
  g_assert_nonnull (strstr (json, "\"title\": \"Cover\""));
}

static void
test_pdf_page_size (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  TptExportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;

  tpt_export_options_init (&options);
  options.page_size = "a3";
  options.landscape = TRUE;
  options.artefact = "b1";
  options.theme = TPT_THEME_PRINT;
  path = export (document, fixture->dir, "a3.pdf", &options);

  info = render_run_tool ((const char *[]) { "pdfinfo", "-f", "1", "-l", "9", path, NULL });
  if (info == NULL)
    return;
  /* One artefact: no cover, one page. */
  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  assert_page_size (info, 1, 1190.55, 841.89);
}

static void
test_svg (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  TptExportOptions options;
  g_autofree char *path = NULL;
  g_autofree char *png = g_build_filename (fixture->dir, "from-svg.png", NULL);
  g_autofree char *out = NULL;
  g_autofree char *contents = NULL;

  tpt_export_options_init (&options);
  options.artefact = "b1";
  options.theme = TPT_THEME_DARK;
  path = export (document, fixture->dir, "claims.svg", &options);

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));
  g_assert_nonnull (strstr (contents, "<svg"));

  out = render_run_tool ((const char *[]) { "rsvg-convert", "-o", png, path, NULL });
  if (out == NULL)
    return;
  g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
}

static void
read_png_size (const char *path,
               guint      *width,
               guint      *height)
{
  static const guchar signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  g_autofree guchar *data = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, (char **) &data, &len, NULL));
  g_assert_cmpuint (len, >, 24);
  g_assert_cmpmem (data, sizeof signature, signature, sizeof signature);
  g_assert_cmpmem (data + 12, 4, "IHDR", 4);
  *width = (guint) data[16] << 24 | (guint) data[17] << 16 | (guint) data[18] << 8 | data[19];
  *height = (guint) data[20] << 24 | (guint) data[21] << 16 | (guint) data[22] << 8 | data[23];
}

static void
test_png (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  g_autoptr(TptBlueprint) blueprint =
    g_list_model_get_item (tpt_document_get_blueprints (document), 1);
  PangoContext *context = tpt_text_context_new ();
  g_autoptr(TptBlueprintLayout) layout = tpt_blueprint_layout_new (document, blueprint, context);
  TptExportOptions options;
  g_autofree char *path = NULL;
  guint width, height;

  tpt_export_options_init (&options);
  options.artefact = tpt_node_get_id (TPT_NODE (blueprint));
  options.dpi = 144;
  path = export (document, fixture->dir, "future.png", &options);

  read_png_size (path, &width, &height);
  g_assert_cmpuint (width, ==, (guint) ceil (layout->bounds.width * 2));
  g_assert_cmpuint (height, ==, (guint) ceil (layout->bounds.height * 2));
  g_object_unref (context);
}

static void
assert_fails (TptDocument            *document,
              const char             *dir,
              const char             *name,
              const TptExportOptions *options,
              GQuark                  domain,
              int                     code)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptExportOptions copy = *options;

  g_assert_true (tpt_export_format_for_path (path, &copy.format));
  g_assert_false (tpt_export (document, file, &copy, NULL, &error));
  g_assert_error (error, domain, code);
  g_assert_cmpstr (error->message, !=, "");
}

static void
test_bad (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  g_autoptr(TptDocument) empty = tpt_document_new ();
  g_autofree char *existing = g_build_filename (fixture->dir, "existing.pdf", NULL);
  g_autofree char *contents = NULL;
  TptExportOptions options;

  tpt_export_options_init (&options);

  /* Two blueprints and no --artefact: an image holds one. */
  assert_fails (document, fixture->dir, "a.png", &options,
                TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT);
  assert_fails (empty, fixture->dir, "a.svg", &options,
                TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT);

  options.artefact = "nope";
  assert_fails (document, fixture->dir, "a.pdf", &options,
                TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT);
  /* A lane is part of a blueprint, not an artefact of its own. */
  options.artefact = "l1";
  assert_fails (document, fixture->dir, "a.pdf", &options,
                TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT);

  options.artefact = "b1";
  options.page_size = "A9";
  assert_fails (document, fixture->dir, "a.pdf", &options,
                TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION);
  options.page_size = "A4";
  assert_fails (document, fixture->dir, "a.png", &options,
                TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION);
  options.page_size = NULL;
  options.landscape = TRUE;
  assert_fails (document, fixture->dir, "a.pdf", &options,
                TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION);
  options.landscape = FALSE;
  options.dpi = 5;
  assert_fails (document, fixture->dir, "a.png", &options,
                TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION);
  options.dpi = 1200;
  assert_fails (document, fixture->dir, "a.png", &options,
                TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_TOO_LARGE);
  g_assert_cmpuint (count_files (fixture->dir), ==, 0);

  /* A failed export leaves an existing file as it was. */
  g_assert_true (g_file_set_contents (existing, "old", -1, NULL));
  options.dpi = 96;
  options.page_size = "A9";
  assert_fails (document, fixture->dir, "existing.pdf", &options,
                TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION);
  g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");

  /* A failure while writing removes the temporary file and keeps the old
   * one: here the export is cancelled before it starts writing. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GFile) file = g_file_new_for_path (existing);
    g_autoptr(GError) error = NULL;

    g_cancellable_cancel (cancellable);
    options.page_size = NULL;
    options.format = TPT_EXPORT_PDF;
    g_assert_false (tpt_export (document, file, &options, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_pointer (&contents, g_free);
    g_assert_true (g_file_get_contents (existing, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "old");
    g_assert_cmpuint (count_files (fixture->dir), ==, 1);
  }

  /* Nor does a directory that does not exist leave anything behind. */
  options.page_size = NULL;
  assert_fails (document, fixture->dir, "missing/a.pdf", &options,
                G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpuint (count_files (fixture->dir), ==, 1);
}

/* Draws the claims blueprint in each theme and checks what matters about
 * each: print is pure grey (it must survive a monochrome printer), light is
 * light, dark is dark, and a clip limits the drawing to itself. */
static void
test_themes (void)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  g_autoptr(TptBlueprint) blueprint =
    g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  PangoContext *context = tpt_text_context_new ();
  g_autoptr(TptBlueprintLayout) layout = tpt_blueprint_layout_new (document, blueprint, context);
  static const TptThemeKind kinds[] = { TPT_THEME_LIGHT, TPT_THEME_DARK, TPT_THEME_PRINT };
  int width = (int) ceil (layout->bounds.width), height = (int) ceil (layout->bounds.height);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
      cairo_t *cr = cairo_create (surface);
      const guchar *data;
      int stride;
      double sum = 0;
      guint coloured = 0;

      tpt_blueprint_render (cr, layout, tpt_theme_get (kinds[k]));
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);
      stride = cairo_image_surface_get_stride (surface);
      for (int y = 0; y < height; y++)
        for (int x = 0; x < width; x++)
          {
            const guint32 pixel = *(const guint32 *) (gconstpointer) (data + y * stride + 4 * x);
            int r = pixel >> 16 & 0xff, g = pixel >> 8 & 0xff, b = pixel & 0xff;

            sum += (r + g + b) / (3 * 255.0);
            coloured += MAX (ABS (r - g), MAX (ABS (g - b), ABS (r - b))) > 3;
          }
      sum /= (double) width * height;

      if (kinds[k] == TPT_THEME_PRINT)
        g_assert_cmpuint (coloured, ==, 0);
      else
        g_assert_cmpuint (coloured, >, 0);
      if (kinds[k] == TPT_THEME_DARK)
        g_assert_cmpfloat (sum, <, 0.35);
      else
        g_assert_cmpfloat (sum, >, 0.75);

      /* Clipped to one card, the drawing leaves the rest as it was. */
      {
        const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, 0);
        guint32 corner;

        cairo_set_source_rgb (cr, 1, 0, 1);
        cairo_paint (cr);
        cairo_rectangle (cr, card->rect.x, card->rect.y, card->rect.width, card->rect.height);
        cairo_clip (cr);
        tpt_blueprint_render (cr, layout, tpt_theme_get (kinds[k]));
        cairo_surface_flush (surface);
        corner = *(const guint32 *) (gconstpointer) data;
        g_assert_cmphex (corner & 0xffffff, ==, 0xff00ff);
      }

      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }

  g_object_unref (context);
}

static void
test_poster_plan (void)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  g_autoptr(TptBlueprint) blueprint =
    g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  PangoContext *context = tpt_text_context_new ();
  g_autoptr(TptArtefactDrawing) drawing =
    tpt_artefact_drawing_new (TPT_ARTEFACT_BLUEPRINT, document, TPT_NODE (blueprint), context);
  static const struct { guint row, column; const char *label; } labels[] = {
    { 0, 0, "A1" }, { 1, 2, "B3" }, { 25, 0, "Z1" }, { 26, 0, "AA1" }, { 27, 9, "AB10" },
  };
  static const double scales[] = { 50, 100, 150, 400 };
  const TptRect *ink = &drawing->ink;
  g_autoptr(GError) error = NULL;
  g_autofree TptPosterPlan *plan = g_new0 (TptPosterPlan, 1);
  g_autoptr(GArray) sheets = g_array_new (FALSE, FALSE, sizeof (guint));
  double w, h, width_mm, height_mm;

  /* The drawn area is inside the padded bounds. */
  g_assert_cmpfloat (ink->x, >, 0);
  g_assert_cmpfloat (tpt_rect_right (ink), <, drawing->bounds.width);

  g_assert_true (tpt_page_size_lookup ("A4", &w, &h));
  for (guint i = 0; i < G_N_ELEMENTS (scales); i++)
    {
      double overlap = 10 * 72 / 25.4 / (scales[i] / 100);
      TptPosterSize size = { scales[i], 0, 0, 10 };

      g_assert_true (tpt_poster_plan (ink, w, h, &size, plan, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat_with_epsilon (plan->scale, scales[i] / 100, 1e-9);

      for (guint r = 0; r < plan->rows; r++)
        for (guint c = 0; c < plan->columns; c++)
          {
            TptRect tile = tpt_poster_tile (plan, r, c);

            /* Neighbours share exactly the overlap, in drawing units. */
            if (c > 0)
              {
                TptRect left = tpt_poster_tile (plan, r, c - 1);

                g_assert_cmpfloat_with_epsilon (tpt_rect_right (&left) - tile.x, overlap, 1e-6);
              }
            if (r > 0)
              {
                TptRect above = tpt_poster_tile (plan, r - 1, c);

                g_assert_cmpfloat_with_epsilon (tpt_rect_bottom (&above) - tile.y, overlap,
                                                1e-6);
              }
          }

      /* The sheets cover the drawn area from its corner; the last column
       * and row each add more than the overlap, so no sheet only repeats
       * its neighbour's. */
      {
        TptRect first = tpt_poster_tile (plan, 0, 0);
        TptRect last = tpt_poster_tile (plan, plan->rows - 1, plan->columns - 1);

        g_assert_cmpfloat_with_epsilon (first.x, ink->x, 1e-6);
        g_assert_cmpfloat_with_epsilon (first.y, ink->y, 1e-6);
        g_assert_cmpfloat (tpt_rect_right (&last), >=, tpt_rect_right (ink));
        g_assert_cmpfloat (tpt_rect_bottom (&last), >=, tpt_rect_bottom (ink));
        g_assert_cmpfloat (last.x + overlap, <, tpt_rect_right (ink));
        g_assert_cmpfloat (last.y + overlap, <, tpt_rect_bottom (ink));
      }
    }

  /* N sheets wide is N sheets wide. */
  g_assert_true (tpt_poster_plan (ink, w, h, &(TptPosterSize) { 0, 3, 0, 10 }, plan, &error));
  g_assert_cmpuint (plan->columns, ==, 3);

  /* A finished width is that width. */
  g_assert_true (tpt_poster_plan (ink, w, h, &(TptPosterSize) { 0, 0, 2000, 10 }, plan, &error));
  tpt_poster_get_finished_size (plan, &width_mm, &height_mm);
  g_assert_cmpfloat_with_epsilon (width_mm, 2000, 1e-6);
  g_assert_cmpfloat_with_epsilon (height_mm / width_mm, ink->height / ink->width, 1e-9);

  /* Sheets named to reprint; a name that is not a sheet is refused. */
  tpt_poster_find_blank (plan, drawing, tpt_theme_get (TPT_THEME_PRINT));
  g_assert_true (tpt_poster_parse_sheets (plan, "A2, a1", sheets, &error));
  g_assert_cmpuint (sheets->len, ==, 2);
  g_assert_cmpuint (g_array_index (sheets, guint, 0), ==, 1);
  g_assert_cmpuint (g_array_index (sheets, guint, 1), ==, 0);
  g_assert_false (tpt_poster_parse_sheets (plan, "Z99", sheets, &error));
  g_assert_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION);
  g_clear_error (&error);

  g_assert_false (tpt_poster_plan (ink, w, h, &(TptPosterSize) { 100, 3, 0, 10 }, plan, &error));
  g_assert_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION);
  g_clear_error (&error);
  g_assert_false (tpt_poster_plan (ink, w, h, &(TptPosterSize) { 100, 0, 0, 500 }, plan, &error));
  g_assert_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION);
  g_clear_error (&error);
  /* A 5,000-card blueprint at 200% would take over a thousand sheets. */
  g_assert_false (tpt_poster_plan (&(TptRect) { 0, 0, 44000, 3000 }, w, h,
                                   &(TptPosterSize) { 200, 0, 0, 10 }, plan, &error));
  g_assert_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_TOO_LARGE);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      g_autofree char *label = tpt_poster_tile_label (labels[i].row, labels[i].column);

      g_assert_cmpstr (label, ==, labels[i].label);
    }

  g_object_unref (context);
}

static void
test_poster_pdf (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  g_autoptr(TptBlueprint) blueprint =
    g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  PangoContext *context = tpt_text_context_new ();
  g_autoptr(TptArtefactDrawing) drawing =
    tpt_artefact_drawing_new (TPT_ARTEFACT_BLUEPRINT, document, TPT_NODE (blueprint), context);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 14, 12, 0, 0);
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *boxes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *json = NULL;
  g_autofree char *pages = NULL;
  g_autofree char *scaling = NULL;
  g_autofree TptPosterPlan *plan = g_new0 (TptPosterPlan, 1);
  TptExportOptions options;
  guint n_printed, n_assembly;
  double w, h;

  g_assert_true (tpt_page_size_lookup ("A4", &w, &h));
  g_assert_true (tpt_poster_plan (&drawing->ink, w, h, &(TptPosterSize) { 150, 0, 0, 10 }, plan,
                                  NULL));
  tpt_poster_find_blank (plan, drawing, tpt_theme_get (TPT_THEME_LIGHT));
  n_printed = tpt_poster_count_printed (plan);
  n_assembly = tpt_poster_count_assembly_pages (plan);
  g_assert_cmpuint (n_printed, >, 1);

  tpt_export_options_init (&options);
  options.artefact = "b1";
  options.poster = "A4";
  options.poster_scale = 150;
  options.date = date;
  path = export (document, fixture->dir, "poster.pdf", &options);

  info = render_run_tool ((const char *[]) { "pdfinfo", "-f", "1", "-l", "1", path, NULL });
  if (info == NULL)
    goto out;
  /* The assembly page, then one page a sheet that is printed. */
  pages = g_strdup_printf ("Pages:           %u\n", n_assembly + n_printed);
  g_assert_nonnull (strstr (info, pages));
  assert_page_size (info, 1, w, h);

  /* Every sheet has a trim box at its crop marks; the file asks to be
   * printed at actual size. */
  boxes = render_run_tool ((const char *[]) { "pdfinfo", "-box", "-f", "2", "-l", "2", path,
                                              NULL });
  g_assert_nonnull (strstr (boxes, "TrimBox:      34.02    34.02   561.26   807.87"));
  scaling = render_run_tool ((const char *[]) { "mutool", "show", path,
                                                "trailer/Root/ViewerPreferences", NULL });
  if (scaling != NULL)
    g_assert_nonnull (strstr (scaling, "/PrintScaling /None"));

  text = render_run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  g_assert_nonnull (strstr (text, "Finished size"));
  g_assert_nonnull (strstr (text, "crop marks"));
  g_assert_nonnull (strstr (text, "glue strip"));
  g_assert_nonnull (strstr (text, "100 mm"));
  g_assert_nonnull (strstr (text, "2026-03-14"));
  json = render_run_tool ((const char *[]) { "qpdf", "--json", "--json-key=outlines", path, NULL });
  for (guint r = 0; r < plan->rows; r++)
    for (guint c = 0; c < plan->columns; c++)
      {
        g_autofree char *label = tpt_poster_tile_label (r, c);
        g_autofree char *entry = g_strdup_printf ("\"title\": \"%s\"", label);
        g_autofree char *sheet = g_strdup_printf ("sheet %s of %u × %u", label, plan->columns,
                                                  plan->rows);

        if (tpt_poster_is_blank (plan, r, c))
          continue;
        g_assert_nonnull (strstr (text, sheet));
        if (json != NULL)
          g_assert_nonnull (strstr (json, entry));
      }

out:
  g_object_unref (context);
}

static char *
touchpoint_binary (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL
                                              ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                            "..", "src", "touchpoint", NULL);

  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip_printf ("no touchpoint binary at %s", path);
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* Runs `touchpoint ARGS…` and returns its exit status. */
static int
run_touchpoint (const char         *binary,
                const char * const *args)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_strv_builder_add (builder, binary);
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *binary = touchpoint_binary ();
  g_autofree char *example = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                               "motor-insurance.touchpoint", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "bad.touchpoint", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "example.pdf", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "example.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "example.svg", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "out.pdf", NULL);
  g_autofree char *poster = g_build_filename (fixture->dir, "poster.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *blueprints;
  guint width, height;

  if (binary == NULL)
    return;

  g_assert_cmpint (run_touchpoint (binary, (const char *[]) { "--export", pdf, example, NULL }),
                   ==, 0);
  g_assert_cmpint (run_touchpoint (binary, (const char *[]) { "--export", svg, "--artefact", "b1",
                                                              "--theme", "dark", example, NULL }),
                   ==, 0);
  g_assert_cmpint (run_touchpoint (binary, (const char *[]) { "--export", png, "--artefact", "b2",
                                                              "--dpi", "36", "--theme", "print",
                                                              example, NULL }),
                   ==, 0);
  g_assert_cmpint (run_touchpoint (binary, (const char *[]) { "--export", poster, "--artefact",
                                                              "b1", "--poster", "A3",
                                                              "--landscape", "--sheets-wide", "3",
                                                              example, NULL }),
                   ==, 0);
  g_assert_true (g_file_test (poster, G_FILE_TEST_IS_REGULAR));
  read_png_size (png, &width, &height);
  g_assert_cmpuint (width, >, 100);
  g_assert_cmpuint (height, >, 100);
  g_assert_true (g_file_test (svg, G_FILE_TEST_IS_REGULAR));

  /* Every card of every blueprint of the example is in the PDF as text. */
  file = g_file_new_for_path (example);
  document = tpt_document_load_file (file, NULL, &error);
  g_assert_no_error (error);
  blueprints = tpt_document_get_blueprints (document);
  info = render_run_tool ((const char *[]) { "pdfinfo", pdf, NULL });
  if (info == NULL)
    return;
  /* What the plan has: cover, personas, needs matrix, coverage, journey
   * numbers, the case for change and the two blueprints, split for A4
   * landscape. */
  {
    TptExportOptions options;

    tpt_export_options_init (&options);
    g_assert_cmpuint (render_pdf_pages (pdf), ==, render_plan_pages (document, &options));
    g_assert_nonnull (strstr (info, "(A4)"));
  }
  text = render_run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL });
  squeezed = render_squeeze (text);
  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);
      GListModel *cards = tpt_blueprint_get_cards (blueprint);

      for (guint k = 0; k < g_list_model_get_n_items (cards); k++)
        {
          g_autoptr(TptCard) card = g_list_model_get_item (cards, k);
          g_autofree char *wanted = render_squeeze (tpt_card_get_text (card));

          if (strstr (squeezed, wanted) == NULL)
            g_error ("card text “%s” not in the PDF", tpt_card_get_text (card));
        }
    }

  /* A bad document fails with 1, bad arguments with 2; neither leaves a
   * file behind. */
  g_assert_true (g_file_set_contents (bad, "<touchpoint format=\"1\"><meta>", -1, NULL));
  g_assert_cmpint (run_touchpoint (binary, (const char *[]) { "--export", out, bad, NULL }), ==, 1);
  g_assert_cmpint (run_touchpoint (binary, (const char *[]) { "--export", out, "--page-size", "A9",
                                                              example, NULL }), ==, 2);
  g_assert_cmpint (run_touchpoint (binary, (const char *[]) { "--export", out, "--dpi", "96",
                                                              example, NULL }), ==, 2);
  g_assert_cmpint (run_touchpoint (binary, (const char *[]) { "--export", out, "--theme", "sepia",
                                                              example, NULL }), ==, 2);
  g_assert_cmpint (run_touchpoint (binary, (const char *[]) { "--export", png, "--dpi", "ten",
                                                              example, NULL }), ==, 2);
  g_assert_cmpint (run_touchpoint (binary, (const char *[]) { "--export", out, "--artefact", "zz",
                                                              example, NULL }), ==, 2);
  g_assert_cmpint (run_touchpoint (binary, (const char *[]) { "--theme", "dark", example, NULL }),
                   ==, 2);
  g_assert_cmpint (run_touchpoint (binary, (const char *[]) { "--export", out, "--scale", "50",
                                                              "--artefact", "b1", example, NULL }),
                   ==, 2);
  g_assert_cmpint (run_touchpoint (binary, (const char *[]) { "--export", out, "--poster", "A4",
                                                              example, NULL }),
                   ==, 2);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  /* The files from before are still there, and nothing else. */
  g_assert_cmpuint (count_files (fixture->dir), ==, 5);
}

/* On A4, a long needs matrix goes on over several pages, each with its
 * header row, and no need is lost or cut in two. */
/* Nine personas with long lists do not fit one A4 sheet at a readable
 * size: the gallery goes on over pages, cards whole. */
static void
test_gallery_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *example = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                               "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (example);
  g_autoptr(TptDocument) document = tpt_document_load_file (source, NULL, NULL);
  GListModel *personas = tpt_document_get_personas (document);
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  TptExportOptions options;

  g_assert_nonnull (document);
  tpt_document_begin (document, "Add Personas");
  for (guint i = 0; i < 9; i++)
    {
      g_autoptr(TptPersona) persona = tpt_persona_new (document);
      g_autofree char *name = g_strdup_printf ("Extra persona %u", i);
      g_auto(GStrv) goals = g_new0 (char *, 9);

      for (guint k = 0; k < 8; k++)
        goals[k] = g_strdup_printf ("A goal long enough to wrap over two lines of the card, %u", k);
      tpt_persona_set_name (persona, name);
      tpt_persona_set_goals (persona, (const char * const *) goals);
      tpt_document_insert_persona (document, g_list_model_get_n_items (personas), persona);
    }
  tpt_document_end (document);

  tpt_persona_gallery_paginate (PANGO_CONTEXT (context), document, 595 - 56, 842 - 56, breaks);
  g_assert_cmpuint (breaks->len, >=, 2);
  g_assert_cmpuint (g_array_index (breaks, guint, 0), ==, 0);
  for (guint i = 1; i < breaks->len; i++)
    g_assert_cmpuint (g_array_index (breaks, guint, i), >, g_array_index (breaks, guint, i - 1));

  tpt_export_options_init (&options);
  options.page_size = "A4";
  path = export (document, fixture->dir, "gallery.pdf", &options);
  info = render_run_tool ((const char *[]) { "pdfinfo", path, NULL });
  if (info != NULL)
    {
      /* As the plan has them: the gallery over several pages, each A4. */
      g_assert_cmpuint (render_pdf_pages (path), ==, render_plan_pages (document, &options));
      /* Cover, gallery, matrix, coverage, journey numbers, the case for
       * change of the future state and the two blueprints. */
      g_assert_cmpuint (render_pdf_pages (path), >=, 1 + breaks->len + 1 + 1 + 1 + 1 + 2);
      g_assert_nonnull (strstr (info, "(A4)"));
    }
  text = render_run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  if (text != NULL)
    {
      g_autofree char *squeezed = render_squeeze (text);
      g_autofree char *continued = render_squeeze ("Personas (continued)");

      g_assert_nonnull (strstr (squeezed, continued));
      for (guint i = 0; i < 9; i++)
        {
          g_autofree char *name = g_strdup_printf ("Extra persona %u", i);
          g_autofree char *want = render_squeeze (name);

          g_assert_nonnull (strstr (squeezed, want));
        }
    }
}

static void
test_matrix_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *example = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                               "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (example);
  g_autoptr(TptDocument) document = tpt_document_load_file (source, NULL, NULL);
  GListModel *needs = tpt_document_get_needs (document);
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  TptExportOptions options;

  g_assert_nonnull (document);
  tpt_document_begin (document, "Add Needs");
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(TptNeed) need = tpt_need_new (document);
      g_autofree char *title = g_strdup_printf ("Extra need number %u", i);

      tpt_need_set_title (need, title);
      tpt_need_set_description (need, "A need added to make the matrix longer than a page");
      tpt_document_insert_need (document, g_list_model_get_n_items (needs), need);
    }
  tpt_document_end (document);

  tpt_matrix_paginate (PANGO_CONTEXT (context), document, 595 - 56, 842 - 56, breaks);
  g_assert_cmpuint (breaks->len, >=, 3);
  g_assert_cmpuint (g_array_index (breaks, guint, 0), ==, 0);
  for (guint i = 1; i < breaks->len; i++)
    g_assert_cmpuint (g_array_index (breaks, guint, i), >, g_array_index (breaks, guint, i - 1));

  tpt_export_options_init (&options);
  options.page_size = "A4";
  path = export (document, fixture->dir, "long.pdf", &options);
  info = render_run_tool ((const char *[]) { "pdfinfo", path, NULL });
  if (info != NULL)
    {
      /* The matrix over as many pages as it needs, as the plan has them. */
      g_assert_cmpuint (render_pdf_pages (path), ==, render_plan_pages (document, &options));
      /* Cover, gallery, the matrix's pages, coverage, journey numbers, the
       * case for change and the two blueprints. */
      g_assert_cmpuint (render_pdf_pages (path), >=, 1 + 1 + breaks->len + 1 + 1 + 1 + 2);
    }
  text = render_run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", path, "-", NULL });
  if (text != NULL)
    {
      g_autofree char *squeezed = render_squeeze (text);

      g_assert_nonnull (strstr (squeezed, "continued"));
      for (guint i = 0; i < 60; i++)
        {
          g_autofree char *title = g_strdup_printf ("Extra need number %u", i);
          g_autofree char *want = render_squeeze (title);

          g_assert_nonnull (strstr (squeezed, want));
        }
    }
}

/* Every artefact, not only blueprints, exports on its own: the cover, the
 * persona gallery, one persona's card and the needs matrix. */
static void
test_other_artefacts (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *example = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                               "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) source = g_file_new_for_path (example);
  g_autoptr(TptDocument) document = tpt_document_load_file (source, NULL, NULL);
  g_autoptr(TptNeed) need = g_list_model_get_item (tpt_document_get_needs (document), 0);
  PangoContext *context = tpt_text_context_new ();
  const char *names[] = { "cover", "personas", "needs-matrix", "coverage", "p1" };
  TptExportOptions options;
  double width, height;
  guint png_width, png_height;

  g_assert_nonnull (document);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *png_name = g_strconcat (names[i], ".png", NULL);
      g_autofree char *svg_name = g_strconcat (names[i], ".svg", NULL);
      g_autofree char *path = NULL;
      g_autofree char *svg = NULL;
      g_autofree char *contents = NULL;

      tpt_export_options_init (&options);
      options.artefact = names[i];
      options.dpi = 72;
      path = export (document, fixture->dir, png_name, &options);
      read_png_size (path, &png_width, &png_height);
      g_assert_cmpuint (png_width, >, 200);
      g_assert_cmpuint (png_height, >, 200);

      tpt_export_options_init (&options);
      options.artefact = names[i];
      svg = export (document, fixture->dir, svg_name, &options);
      g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, "<svg"));
    }

  /* The matrix image is the matrix's own size. */
  tpt_matrix_measure (context, document, &width, &height);
  {
    g_autofree char *matrix = g_build_filename (fixture->dir, "needs-matrix.png", NULL);

    read_png_size (matrix, &png_width, &png_height);
  }
  g_assert_cmpuint (png_width, ==, (guint) ceil (width));
  g_assert_cmpuint (png_height, ==, (guint) ceil (height));

  /* On a named page, one page, text kept as text. */
  {
    g_autofree char *pdf = NULL;
    g_autofree char *text = NULL;

    tpt_export_options_init (&options);
    options.artefact = "needs-matrix";
    options.page_size = "A4";
    options.landscape = TRUE;
    pdf = export (document, fixture->dir, "matrix.pdf", &options);
    text = render_run_tool ((const char *[]) { "pdftotext", pdf, "-", NULL });
    if (text != NULL)
      {
        g_autofree char *squeezed = render_squeeze (text);
        g_autofree char *title = render_squeeze (tpt_need_get_title (need));

        g_assert_nonnull (strstr (squeezed, title));
      }
  }

  /* A name that is nothing, or a poster of the cover, is refused and
   * writes nothing. */
  {
    g_autofree char *bad = g_build_filename (fixture->dir, "bad.png", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (bad);
    g_autoptr(GError) error = NULL;
    guint before = count_files (fixture->dir);

    tpt_export_options_init (&options);
    options.format = TPT_EXPORT_PNG;
    options.artefact = "nothing-here";
    g_assert_false (tpt_export (document, file, &options, NULL, &error));
    g_assert_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT);
    g_clear_error (&error);

    options.format = TPT_EXPORT_PDF;
    options.artefact = "cover";
    options.poster = "A4";
    g_assert_false (tpt_export (document, file, &options, NULL, &error));
    g_assert_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION);
    g_assert_cmpuint (count_files (fixture->dir), ==, before);
  }

  g_object_unref (context);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/tpt/render/export/gallery-pages", Fixture, NULL,
              fixture_setup, test_gallery_pages, fixture_teardown);
  g_test_add ("/tpt/render/export/matrix-pages", Fixture, NULL,
              fixture_setup, test_matrix_pages, fixture_teardown);
  g_test_add ("/tpt/render/export/other-artefacts", Fixture, NULL,
              fixture_setup, test_other_artefacts, fixture_teardown);

  g_test_add_func ("/tpt/render/draw/themes", test_themes);
  g_test_add ("/tpt/render/export/pdf", Fixture, NULL,
              fixture_setup, test_pdf, fixture_teardown);
  g_test_add ("/tpt/render/export/pdf-many", Fixture, NULL,
              fixture_setup, test_pdf_many, fixture_teardown);
  g_test_add ("/tpt/render/export/pdf-page-size", Fixture, NULL,
              fixture_setup, test_pdf_page_size, fixture_teardown);
  g_test_add_func ("/tpt/render/poster/plan", test_poster_plan);
  g_test_add ("/tpt/render/poster/pdf", Fixture, NULL,
              fixture_setup, test_poster_pdf, fixture_teardown);
  g_test_add ("/tpt/render/export/svg", Fixture, NULL,
              fixture_setup, test_svg, fixture_teardown);
  g_test_add ("/tpt/render/export/png", Fixture, NULL,
              fixture_setup, test_png, fixture_teardown);
  g_test_add ("/tpt/render/export/bad", Fixture, NULL,
              fixture_setup, test_bad, fixture_teardown);
  g_test_add ("/tpt/render/export/cli", Fixture, NULL,
              fixture_setup, test_cli, fixture_teardown);

  return g_test_run ();
}
