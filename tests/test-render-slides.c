/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Slides: the 16:9 PDF checked with pdfinfo and pdftotext, the command
 * line, and single slides drawn on image surfaces and checked by their
 * properties (where the band is, that the artefact is there and inside its
 * box), not pixel by pixel. */
#define G_LOG_DOMAIN "test-render-slides"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/wait.h>

#include "render-fixtures.h"
#include "tpt-blueprint-layout.h"
#include "tpt-export.h"
#include "tpt-format.h"
#include "tpt-slide-renderer.h"
#include "tpt-text.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

static TptDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                            "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tpt-slides-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static gboolean
export_slides (TptDocument   *document,
               const char    *path,
               TptThemeKind   theme,
               GError       **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GDateTime) date = g_date_time_new_utc (2026, 3, 14, 12, 0, 0);
  TptExportOptions options;

  tpt_export_options_init (&options);
  options.date = date;
  g_assert_true (tpt_export_format_for_path (path, &options.format));
  options.artefact = "slides";
  options.theme = theme;
  return tpt_export (document, file, &options, NULL, error);
}

static guint
pdf_pages (const char *info)
{
  const char *line = strstr (info, "Pages:");
  guint pages = 0;

  g_assert_nonnull (line);
  g_assert_cmpint (sscanf (line, "Pages: %u", &pages), ==, 1);
  return pages;
}

static void
assert_pages_16_9 (const char *info,
                   guint       n)
{
  for (guint page = 1; page <= n; page++)
    {
      g_autofree char *key = g_strdup_printf ("Page %4u size:", page);
      const char *line = strstr (info, key);
      double w, h;

      g_assert_nonnull (line);
      g_assert_cmpint (sscanf (line + strlen (key), " %lf x %lf", &w, &h), ==, 2);
      g_assert_cmpfloat_with_epsilon (w, TPT_SLIDE_WIDTH, 0.01);
      g_assert_cmpfloat_with_epsilon (h, TPT_SLIDE_HEIGHT, 0.01);
    }
}

/* With no slide list, the default presentation: one page a slide, each
 * 16:9, numbered out of the total, titled after what it shows. */
static void
test_pdf_default (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GPtrArray) slides = tpt_slides_new_default (document);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "slides.pdf", NULL);
  g_autofree char *last = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (export_slides (document, path, TPT_THEME_PROJECTOR, &error));
  g_assert_no_error (error);

  last = g_strdup_printf ("%u", slides->len);
  info = render_run_tool ((const char *[]) { "pdfinfo", "-f", "1", "-l", last, path, NULL });
  if (info == NULL)
    {
      remove_dir (dir);
      return;
    }
  /* A page a slide, or a part of one when it is too big to read whole. */
  {
    g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
    guint parts = 0;

    for (guint i = 0; i < slides->len; i++)
      parts += tpt_slide_count_parts (PANGO_CONTEXT (context), document,
                                      g_ptr_array_index (slides, i));
    g_assert_cmpuint (parts, >=, slides->len);
    g_assert_cmpuint (pdf_pages (info), ==, parts);
  }
  assert_pages_16_9 (info, slides->len);

  text = render_run_tool ((const char *[]) { "pdftotext", "-layout", path, "-", NULL });
  if (text != NULL)
    {
      g_autofree char *first = g_strdup_printf ("1/%u", slides->len);
      g_autofree char *final = g_strdup_printf ("%u/%u", slides->len, slides->len);

      squeezed = render_squeeze (text);
      g_assert_nonnull (strstr (squeezed, first));
      g_assert_nonnull (strstr (squeezed, final));
      g_assert_nonnull (strstr (squeezed, "NeedsMatrix"));
      /* The cover has the export's date, not today's. */
      g_assert_nonnull (strstr (squeezed, "14March2026"));
      g_assert_nonnull (strstr (squeezed, "Coverage"));
      for (guint i = 0; i < slides->len; i++)
        {
          g_autofree char *title = render_squeeze (tpt_slide_get_title (g_ptr_array_index (slides,
                                                                                           i)));

          g_assert_nonnull (strstr (squeezed, title));
        }
    }

  /* The document was not touched: the default slides are not its own. */
  g_assert_cmpuint (g_list_model_get_n_items (tpt_document_get_slides (document)), ==, 0);
  g_assert_false (tpt_history_get_can_undo (tpt_document_get_history (document)));
  remove_dir (dir);
}

/* The document's own list wins over the defaults, in its order. */
static void
test_pdf_own_list (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GPtrArray) defaults = tpt_slides_new_default (document);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "own.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GError) error = NULL;
  TptSlide *cropped = g_ptr_array_index (defaults, 2);
  TptSlide *persona = NULL;
  const char *p1, *p2;

  for (guint i = 0; i < defaults->len && persona == NULL; i++)
    if (tpt_slide_get_artefact (g_ptr_array_index (defaults, i)) == TPT_ARTEFACT_PERSONA)
      persona = g_ptr_array_index (defaults, i);

  tpt_slide_set_title (persona, "Who we serve");
  tpt_slide_set_notes (persona, "Not shown on the slide");
  tpt_slide_set_title (cropped, "A closer look");
  tpt_slide_set_region (cropped, 100, 100, 400, 225);
  tpt_document_insert_slide (document, 0, persona);
  tpt_document_insert_slide (document, 1, cropped);

  g_assert_true (export_slides (document, path, TPT_THEME_LIGHT, &error));
  g_assert_no_error (error);

  info = render_run_tool ((const char *[]) { "pdfinfo", "-f", "1", "-l", "2", path, NULL });
  if (info == NULL)
    {
      remove_dir (dir);
      return;
    }
  g_assert_cmpuint (pdf_pages (info), ==, 2);
  assert_pages_16_9 (info, 2);

  text = render_run_tool ((const char *[]) { "pdftotext", path, "-", NULL });
  p1 = strstr (text, "Who we serve");
  p2 = strstr (text, "A closer look");
  g_assert_nonnull (p1);
  g_assert_nonnull (p2);
  g_assert_true (p1 < p2);
  g_assert_null (strstr (text, "Not shown on the slide"));
  squeezed = render_squeeze (text);
  g_assert_nonnull (strstr (squeezed, "2/2"));
  remove_dir (dir);
}

/* A slide list is pages: no image of it, no other page size; and a
 * refused export leaves nothing behind. */
static void
test_refused (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *png = g_build_filename (dir, "slides.png", NULL);
  g_autofree char *svg = g_build_filename (dir, "slides.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "slides.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (pdf);
  g_autoptr(GError) error = NULL;
  TptExportOptions options;

  g_assert_false (export_slides (document, png, TPT_THEME_LIGHT, &error));
  g_assert_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT);
  g_assert_nonnull (strstr (error->message, ".pdf"));
  g_clear_error (&error);
  g_assert_false (export_slides (document, svg, TPT_THEME_LIGHT, &error));
  g_assert_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT);
  g_clear_error (&error);

  tpt_export_options_init (&options);
  options.artefact = "slides";
  options.page_size = "A4";
  g_assert_false (tpt_export (document, file, &options, NULL, &error));
  g_assert_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION);
  g_clear_error (&error);

  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (svg, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

static int
run_touchpoint (const char * const *args)
{
  g_autofree char *binary = g_build_filename (g_getenv ("G_TEST_BUILDDIR") != NULL
                                                ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                              "..", "src", "touchpoint", NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!g_file_test (binary, G_FILE_TEST_IS_EXECUTABLE))
    return -1;

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
test_cli (void)
{
  g_autofree char *example = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "tests", "golden",
                                               "slides.touchpoint", NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "slides.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "slides.png", NULL);
  g_autofree char *info = NULL;
  int status;

  status = run_touchpoint ((const char *[]) { "--export", pdf, "--artefact", "slides",
                                              "--theme", "projector", example, NULL });
  if (status < 0)
    {
      g_test_skip ("no touchpoint binary");
      remove_dir (dir);
      return;
    }
  g_assert_cmpint (status, ==, 0);
  /* The golden file has six slides of its own. */
  info = render_run_tool ((const char *[]) { "pdfinfo", pdf, NULL });
  if (info != NULL)
    {
      g_autofree char *text = NULL;

      g_assert_cmpuint (pdf_pages (info), ==, 6);
      /* The cover slide's own title is the cover's. */
      text = render_run_tool ((const char *[]) { "pdftotext", "-f", "1", "-l", "1", pdf, "-",
                                                 NULL });
      g_assert_nonnull (strstr (text, "Motor claims, 2025 review"));
    }

  g_assert_cmpint (run_touchpoint ((const char *[]) { "--export", png, "--artefact", "slides",
                                                      example, NULL }), !=, 0);
  g_assert_false (g_file_test (png, G_FILE_TEST_EXISTS));
  remove_dir (dir);
}

/* Pictures ---------------------------------------------------------------------- */

static guint32
pixel_at (cairo_surface_t *image,
          int              x,
          int              y)
{
  const guchar *data = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);

  return *(const guint32 *) (data + y * stride + x * 4) & 0xffffff;
}

static guint32
rgb (const TptColor *color)
{
  return ((guint32) (color->red * 255 + 0.5) << 16) | ((guint32) (color->green * 255 + 0.5) << 8) |
         (guint32) (color->blue * 255 + 0.5);
}

/* How many pixels in the rectangle are not @paper. */
static guint
inked (cairo_surface_t *image,
       guint32          paper,
       int              x0,
       int              y0,
       int              x1,
       int              y1)
{
  guint n = 0;

  for (int y = y0; y < y1; y++)
    for (int x = x0; x < x1; x++)
      n += pixel_at (image, x, y) != paper;
  return n;
}

static cairo_surface_t *
draw_slide (TptDocument    *document,
            TptSlide       *slide,
            const TptTheme *theme,
            int             width,
            int             height)
{
  g_autoptr(GObject) context_object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (context_object);
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  g_autoptr(cairo_t) cr = cairo_create (image);

  tpt_slide_render (cr, context, document, slide, theme, width, height, 3, 7);
  cairo_surface_flush (image);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  return image;
}

/* A stage slide at projector size: the band on top in the theme's colour,
 * the artefact below it and inside the side margins, the bottom margin
 * clear; its bounds are the stage's columns of the blueprint. */
static void
test_picture_stage (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GPtrArray) slides = tpt_slides_new_default (document);
  g_autoptr(GObject) context_object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (context_object);
  const TptTheme *theme = tpt_theme_get (TPT_THEME_PROJECTOR);
  TptSlide *stage_slide = g_ptr_array_index (slides, 2);
  TptStage *stage = TPT_STAGE (tpt_slide_get_target_node (stage_slide));
  TptBlueprint *blueprint = TPT_BLUEPRINT (tpt_node_get_parent (TPT_NODE (stage)));
  g_autoptr(TptBlueprintLayout) layout = tpt_blueprint_layout_new (document, blueprint, context);
  g_autoptr(cairo_surface_t) image = NULL;
  guint32 paper = rgb (&theme->paper);
  TptRect bounds, content;
  int w = 1920, h = 1080;

  g_assert_cmpint (tpt_slide_get_artefact (stage_slide), ==, TPT_ARTEFACT_STAGE);

  g_assert_true (tpt_slide_get_bounds (context, document, stage_slide, &bounds));
  for (guint i = 0; i < layout->stages->len; i++)
    {
      const TptLayoutStage *ls = &g_array_index (layout->stages, TptLayoutStage, i);

      if (ls->stage == stage)
        {
          g_assert_cmpfloat_with_epsilon (bounds.x, ls->rect.x, 0.01);
          g_assert_cmpfloat (bounds.width, >=, ls->rect.width);
          g_assert_cmpfloat (bounds.width, <=, ls->rect.width + 8);
        }
    }
  g_assert_cmpfloat (tpt_rect_bottom (&bounds), >=, tpt_rect_bottom (&layout->grid));

  image = draw_slide (document, stage_slide, theme, w, h);
  tpt_slide_get_content_rect (stage_slide, w, h, &content);

  /* The band: the theme's colour at both ends, the title's ink in it. */
  g_assert_cmphex (pixel_at (image, 4, 4), ==, rgb (&theme->stage_fill));
  g_assert_cmphex (pixel_at (image, w - 4, 4), ==, rgb (&theme->stage_fill));
  g_assert_cmpuint (inked (image, rgb (&theme->stage_fill), 0, 0, w / 2, (int) content.y - 30),
                    >, 500);
  /* The number at the band's right end. */
  g_assert_cmpuint (inked (image, rgb (&theme->stage_fill), w - w / 6, 0, w,
                           (int) content.y - 30), >, 50);

  /* The stage fills the content's height, and nothing spills outside it. */
  g_assert_cmpuint (inked (image, paper, (int) content.x, (int) content.y,
                           (int) tpt_rect_right (&content), (int) tpt_rect_bottom (&content)),
                    >, (guint) (content.width * content.height / 20));
  g_assert_cmpuint (inked (image, paper, 0, (int) tpt_rect_bottom (&content) + 1, w, h), ==, 0);
  g_assert_cmpuint (inked (image, paper, 0, (int) content.y, (int) content.x - 1, h), ==, 0);
  g_assert_cmpuint (inked (image, paper, (int) tpt_rect_right (&content) + 1, (int) content.y,
                           w, h), ==, 0);
  /* Fitted by height: its top and bottom rows are inked. */
  g_assert_cmpuint (inked (image, paper, 0, (int) content.y + 2, w, (int) content.y + 4), >, 0);
  g_assert_cmpuint (inked (image, paper, 0, (int) tpt_rect_bottom (&content) - 4, w,
                           (int) tpt_rect_bottom (&content) - 2), >, 0);
}

/* Every slide of the default presentation, in every theme, keeps its
 * artefact inside the box below the band: nothing overflows into the
 * margins, whatever its shape. */
static void
test_picture_all_fit (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GPtrArray) slides = tpt_slides_new_default (document);
  static const TptThemeKind kinds[] = {
    TPT_THEME_LIGHT, TPT_THEME_DARK, TPT_THEME_PRINT, TPT_THEME_PROJECTOR,
  };
  int w = 960, h = 540;

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint i = 1; i < slides->len; i++)
      {
        const TptTheme *theme = tpt_theme_get (kinds[k]);
        TptSlide *slide = g_ptr_array_index (slides, i);
        g_autoptr(cairo_surface_t) image = draw_slide (document, slide, theme, w, h);
        guint32 paper = rgb (&theme->paper);
        TptRect c;

        tpt_slide_get_content_rect (slide, w, h, &c);
        g_test_message ("slide %u, %s theme", i + 1, theme->name);
        g_assert_cmpuint (inked (image, paper, 0, (int) c.y, (int) c.x - 1, h), ==, 0);
        g_assert_cmpuint (inked (image, paper, (int) tpt_rect_right (&c) + 1, (int) c.y, w, h),
                          ==, 0);
        g_assert_cmpuint (inked (image, paper, 0, (int) tpt_rect_bottom (&c) + 1, w, h), ==, 0);
        g_assert_cmpuint (inked (image, paper, 0, (int) c.y, w, (int) tpt_rect_bottom (&c)),
                          >, 1000);
      }
}

/* Any size: a 4:3 frame letterboxes the 16:9 slide in paper. */
static void
test_picture_letterbox (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GPtrArray) slides = tpt_slides_new_default (document);
  const TptTheme *theme = tpt_theme_get (TPT_THEME_DARK);
  g_autoptr(cairo_surface_t) image = draw_slide (document, g_ptr_array_index (slides, 1), theme,
                                                 800, 600);
  int band_top = (600 - 450) / 2;

  g_assert_cmpuint (inked (image, rgb (&theme->paper), 0, 0, 800, band_top - 1), ==, 0);
  g_assert_cmphex (pixel_at (image, 4, band_top + 4), ==, rgb (&theme->stage_fill));
  g_assert_cmpuint (inked (image, rgb (&theme->paper), 0, 600 - band_top + 1, 800, 600), ==, 0);
}

/* A region shows that rectangle of the drawing; a slide whose artefact is
 * gone says so instead of drawing nothing. */
static void
test_region_and_missing (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GObject) context_object = G_OBJECT (tpt_text_context_new ());
  PangoContext *context = PANGO_CONTEXT (context_object);
  GListModel *personas = tpt_document_get_personas (document);
  g_autoptr(TptPersona) persona = g_list_model_get_item (personas, 0);
  g_autoptr(TptSlide) slide = tpt_slide_new (document, TPT_ARTEFACT_PERSONA,
                                             TPT_NODE (persona));
  g_autoptr(TptSlide) gone = tpt_slide_new (document, TPT_ARTEFACT_PERSONA,
                                            TPT_NODE (persona));
  const TptTheme *theme = tpt_theme_get (TPT_THEME_LIGHT);
  g_autoptr(cairo_surface_t) image = NULL;
  g_autofree char *title = NULL;
  TptRect bounds, content;

  tpt_slide_set_region (slide, 10, 20, 160, 90);
  g_assert_true (tpt_slide_get_bounds (context, document, slide, &bounds));
  g_assert_cmpfloat (bounds.x, ==, 10);
  g_assert_cmpfloat (bounds.y, ==, 20);
  g_assert_cmpfloat (bounds.width, ==, 160);
  g_assert_cmpfloat (bounds.height, ==, 90);

  /* The region is fitted into the content box and centred: ink inside the
   * fitted box, none beside it. */
  image = draw_slide (document, slide, theme, 960, 540);
  tpt_slide_get_content_rect (slide, 960, 540, &content);
  {
    double scale = MIN (content.width / 160, content.height / 90);
    int left = (int) (content.x + (content.width - 160 * scale) / 2);
    int right = (int) (content.x + (content.width + 160 * scale) / 2);

    g_assert_cmpfloat (scale, >, 3);
    g_assert_cmpuint (inked (image, rgb (&theme->paper), left, (int) content.y, right,
                             (int) tpt_rect_bottom (&content)), >, 1000);
    g_assert_cmpuint (inked (image, rgb (&theme->paper), 0, (int) content.y, left - 1, 540), ==, 0);
    g_assert_cmpuint (inked (image, rgb (&theme->paper), right + 1, (int) content.y, 960, 540),
                      ==, 0);
  }
  g_clear_pointer (&image, cairo_surface_destroy);

  /* An untitled slide is titled after what it shows. */
  title = tpt_slide_dup_display_title (document, slide);
  g_assert_cmpstr (title, ==, tpt_persona_get_name (persona));

  /* Deleting the persona from under an unattached slide. */
  tpt_document_remove_persona (document, persona);
  g_assert_false (tpt_slide_get_bounds (context, document, gone, &bounds));
  image = draw_slide (document, gone, theme, 960, 540);
  g_assert_cmpuint (inked (image, rgb (&theme->paper), 0, 200, 960, 400), >, 100);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/render/slides/pdf/default", test_pdf_default);
  g_test_add_func ("/tpt/render/slides/pdf/own-list", test_pdf_own_list);
  g_test_add_func ("/tpt/render/slides/pdf/refused", test_refused);
  g_test_add_func ("/tpt/render/slides/cli", test_cli);
  g_test_add_func ("/tpt/render/slides/picture/stage", test_picture_stage);
  g_test_add_func ("/tpt/render/slides/picture/all-fit", test_picture_all_fit);
  g_test_add_func ("/tpt/render/slides/picture/letterbox", test_picture_letterbox);
  g_test_add_func ("/tpt/render/slides/picture/region-and-missing", test_region_and_missing);

  return g_test_run ();
}
