/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The persona gallery and the needs matrix: as pages of the whole-document
 * PDF (found by pdfinfo, pdftotext and qpdf), and the persona card's
 * measuring, drawn on plain cairo surfaces. */
#define G_LOG_DOMAIN "test-render-artefacts"

#include "config.h"

#include <glib/gstdio.h>

#include "render-fixtures.h"
#include "tpt-export.h"
#include "tpt-fact.h"
#include "tpt-format.h"
#include "tpt-matrix-renderer.h"
#include "tpt-need.h"
#include "tpt-persona-renderer.h"
#include "tpt-artefact-drawing.h"
#include "tpt-poster.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <stdlib.h>
#include "tpt-text.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

/* Exports @document as a whole-document PDF into a new temporary
 * directory; returns the file's path, and the directory in @dir. */
static char *
export_pdf (TptDocument  *document,
            TptThemeKind  theme,
            char        **dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  TptExportOptions options;
  char *path;

  *dir = g_dir_make_tmp ("tpt-artefacts-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (*dir, "out.pdf", NULL);
  file = g_file_new_for_path (path);
  tpt_export_options_init (&options);
  options.theme = theme;
  /* Each artefact on a page of its own size, so each is on one page. */
  options.page_size = "fit";
  tpt_export (document, file, &options, NULL, &error);
  g_assert_no_error (error);
  return path;
}

static void
remove_pdf (char *path,
            char *dir)
{
  g_unlink (path);
  g_rmdir (dir);
  g_free (path);
  g_free (dir);
}

/* Like squeeze(), taking ownership of @text. */
static char *
squeeze_take (char *text)
{
  g_autofree char *owned = text;

  return owned != NULL ? render_squeeze (owned) : NULL;
}

static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  return render_run_tool ((const char *[]) { "pdftotext", "-enc", "UTF-8", "-f", number, "-l", number,
                                 path, "-", NULL });
}

static void
test_example (void)
{
  g_autofree char *example = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                               "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (example);
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = tpt_document_load_file (file, NULL, &error);
  GListModel *personas, *needs;
  guint n_blueprints;
  char *dir = NULL;
  char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *wanted_pages = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *gallery = NULL;
  g_autofree char *matrix = NULL;
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  personas = tpt_document_get_personas (document);
  needs = tpt_document_get_needs (document);
  n_blueprints = g_list_model_get_n_items (tpt_document_get_blueprints (document));
  g_assert_cmpuint (g_list_model_get_n_items (personas), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (needs), >, 0);

  path = export_pdf (document, TPT_THEME_PRINT, &dir);
  info = render_run_tool ((const char *[]) { "pdfinfo", path, NULL });
  if (info == NULL)
    goto out;
  /* Cover, personas, needs matrix, coverage, journey numbers, the case
   * for change, then the blueprints. */
  wanted_pages = g_strdup_printf ("Pages:           %u\n", 6 + n_blueprints);
  g_assert_nonnull (strstr (info, wanted_pages));

  cover = page_text (path, 1);
  g_assert_nonnull (strstr (cover, "Personas"));
  g_assert_nonnull (strstr (cover, "Needs Matrix"));
  g_assert_nonnull (strstr (cover, "Coverage"));

  /* The coverage page names the need the current state leaves unserved
   * and the future state serves (n5 in the example). */
  {
    g_autofree char *coverage = squeeze_take (page_text (path, 4));
    TptNeed *n5 = tpt_document_lookup_typed (document, "n5", TPT_TYPE_NEED);
    g_autofree char *wanted = render_squeeze (tpt_need_get_title (n5));
    g_autofree char *closes = render_squeeze ("Gaps it closes");

    g_assert_nonnull (strstr (coverage, "Coverage"));
    g_assert_nonnull (strstr (coverage, wanted));
    g_assert_nonnull (strstr (coverage, closes));
    g_assert_true (strstr (strstr (coverage, closes), wanted) != NULL);
  }

  gallery = squeeze_take (page_text (path, 2));
  g_assert_nonnull (strstr (gallery, "Personas"));
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(TptPersona) persona = g_list_model_get_item (personas, i);
      g_autofree char *wanted = render_squeeze (tpt_persona_get_name (persona));

      if (strstr (gallery, wanted) == NULL)
        g_error ("persona “%s” not on the gallery page", tpt_persona_get_name (persona));
    }

  matrix = squeeze_take (page_text (path, 3));
  g_assert_nonnull (strstr (matrix, "Needsmatrix"));
  for (guint i = 0; i < g_list_model_get_n_items (needs); i++)
    {
      g_autoptr(TptNeed) need = g_list_model_get_item (needs, i);
      g_autofree char *wanted = render_squeeze (tpt_need_get_title (need));

      if (strstr (matrix, wanted) == NULL)
        g_error ("need “%s” not on the matrix page", tpt_need_get_title (need));
    }
  for (guint i = 0; i < g_list_model_get_n_items (personas); i++)
    {
      g_autoptr(TptPersona) persona = g_list_model_get_item (personas, i);
      g_autofree char *wanted = render_squeeze (tpt_persona_get_name (persona));

      g_assert_nonnull (strstr (matrix, wanted));
    }

  json = render_run_tool ((const char *[]) { "qpdf", "--json", "--json-key=outlines", path, NULL });
  if (json == NULL)
    goto out;
  g_assert_nonnull (strstr (json, "\"title\": \"Personas\""));
  g_assert_nonnull (strstr (json, "\"title\": \"Needs Matrix\""));

out:
  remove_pdf (path, dir);
}

/* Two personas, two needs: n1 served by a frontstage card, n2 by nothing;
 * a support card that serves no need; p1 and p2 rate n2 without a
 * satisfaction, so its opportunities are unknown; p2 leaves n1 unrated. */
static const char small_document[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<touchpoint format=\"1\">\n"
  "  <meta><title>Small</title></meta>\n"
  "  <personas>\n"
  "    <persona id=\"p1\" color=\"#3584e4\"><name>Ada Quill</name></persona>\n"
  "    <persona id=\"p2\" color=\"#e66100\"><name>Bo Fenn</name></persona>\n"
  "  </personas>\n"
  "  <needs>\n"
  "    <need id=\"n1\"><title>Pay in one step</title></need>\n"
  "    <need id=\"n2\"><title>Hear back within a day</title></need>\n"
  "  </needs>\n"
  "  <matrix>\n"
  "    <rating persona=\"p1\" need=\"n1\" importance=\"9\" satisfaction=\"2\"/>\n"
  "    <rating persona=\"p1\" need=\"n2\" importance=\"6\"/>\n"
  "    <rating persona=\"p2\" need=\"n2\" importance=\"8\"/>\n"
  "  </matrix>\n"
  "  <blueprint id=\"b1\" state=\"current\">\n"
  "    <title>Small blueprint</title>\n"
  "    <lane id=\"l1\" kind=\"frontstage\" office=\"front\"><title>Desk</title></lane>\n"
  "    <lane id=\"l2\" kind=\"support\" office=\"back\"><title>Systems</title></lane>\n"
  "    <stage id=\"s1\"><title>Pay</title>\n"
  "      <step id=\"t1\"><title>Pays</title></step>\n"
  "    </stage>\n"
  "    <card id=\"c1\" lane=\"l1\" step=\"t1\" kind=\"action\">\n"
  "      <text>Clerk takes the payment</text>\n"
  "      <serves>n1</serves>\n"
  "    </card>\n"
  "    <card id=\"c2\" lane=\"l2\" step=\"t1\" kind=\"action\">\n"
  "      <text>Nightly batch reconciles ledgers</text>\n"
  "    </card>\n"
  "  </blueprint>\n"
  "</touchpoint>\n";

static void
test_small (gconstpointer data)
{
  TptThemeKind theme = GPOINTER_TO_INT (data);
  g_autoptr(GBytes) bytes = g_bytes_new_static (small_document, sizeof small_document - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = tpt_document_load_bytes (bytes, &error);
  char *dir = NULL;
  char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  const char *flag, *served;
  g_auto(GStrv) lines = NULL;
  guint zeros = 0;

  g_assert_no_error (error);
  path = export_pdf (document, theme, &dir);
  text = page_text (path, 3);
  if (text == NULL)
    goto out;
  squeezed = render_squeeze (text);

  g_assert_nonnull (strstr (squeezed, "Needsmatrix"));
  g_assert_nonnull (strstr (squeezed, "Payinonestep"));
  g_assert_nonnull (strstr (squeezed, "Hearbackwithinaday"));
  /* The served need lists its card under its lane kind and office; the
   * unserved one is flagged, once. */
  served = strstr (squeezed, "Clerktakesthepayment");
  g_assert_nonnull (served);
  g_assert_nonnull (strstr (squeezed, "Frontstageactions·Frontoffice"));
  flag = strstr (squeezed, "Notservedbyanycard");
  g_assert_nonnull (flag);
  g_assert_null (strstr (flag + 1, "Notservedbyanycard"));
  /* Bo Fenn rates it 8: it is flagged as important too. */
  g_assert_nonnull (strstr (squeezed, "Important:rated8of10"));
  /* The support card that serves nothing is listed below the matrix. */
  g_assert_nonnull (strstr (squeezed, "Nightlybatchreconcilesledgers"));
  /* Scores: 9 + (9 − 2) = 16; the unset satisfaction and the unknown
   * opportunity are "–", never 0. */
  g_assert_nonnull (strstr (squeezed, "I9·S2"));
  g_assert_nonnull (strstr (text, "\n16\n"));
  g_assert_nonnull (strstr (squeezed, "–I6·S–"));
  g_assert_null (strstr (squeezed, "I6·S0"));
  /* The only "0" standing alone is the legend's importance swatch. */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    zeros += strcmp (g_strstrip (lines[i]), "0") == 0;
  g_assert_cmpuint (zeros, ==, 1);
  /* Bo Fenn did not rate n1. */
  g_assert_nonnull (strstr (squeezed, "notrated"));

out:
  remove_pdf (path, dir);
}

/* The width the ink of @persona's card reaches when drawn @width wide. */
static double
card_ink_width (TptPersona   *persona,
                PangoContext *context,
                double        width,
                double       *height)
{
  g_autoptr(cairo_surface_t) surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA,
                                                                       NULL);
  g_autoptr(cairo_t) cr = cairo_create (surface);
  double x, y, w, h;

  *height = tpt_persona_card_render (cr, context, persona, tpt_theme_get (TPT_THEME_LIGHT),
                                     width);
  cairo_recording_surface_ink_extents (surface, &x, &y, &w, &h);
  g_assert_cmpfloat (x, >=, -0.01);
  g_assert_cmpfloat (y, >=, -0.01);
  g_assert_cmpfloat (y + h, <=, *height + 0.01);
  return x + w;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
test_persona_card (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(TptPersona) persona = tpt_persona_new (document);
  g_autoptr(TptFact) fact = tpt_fact_new (document);
  PangoContext *context = tpt_text_context_new ();
  const char *goals[] = { "Keep every van on the road", NULL };
  const char *long_goals[] = {
    "Keep every van on the road",
    "Supercalifragilisticexpialidocious­unbreakable­words­that­never­end­at­all­ever",
    "تجديد الوثيقة دون مكالمة هاتفية", "保険の更新を電話なしで済ませたい",
    NULL,
  };
  double h[6], ink;

  tpt_document_begin (document, "Build");
  tpt_document_insert_persona (document, 0, persona);
  tpt_persona_set_name (persona, "Dana Ortiz");
  ink = card_ink_width (persona, context, TPT_PERSONA_CARD_WIDTH, &h[0]);
  g_assert_cmpfloat (ink, <=, TPT_PERSONA_CARD_WIDTH + 0.01);
  g_assert_cmpfloat (h[0], ==, tpt_persona_card_measure (context, persona,
                                                          TPT_PERSONA_CARD_WIDTH));

  /* Each addition makes the card taller, and nothing runs outside it. */
  tpt_persona_set_quote (persona, "Let me sort it out at 11 pm without calling anyone.");
  card_ink_width (persona, context, TPT_PERSONA_CARD_WIDTH, &h[1]);
  tpt_persona_set_goals (persona, goals);
  card_ink_width (persona, context, TPT_PERSONA_CARD_WIDTH, &h[2]);
  tpt_persona_set_goals (persona, long_goals);
  card_ink_width (persona, context, TPT_PERSONA_CARD_WIDTH, &h[3]);
  tpt_persona_set_channels (persona, goals);
  card_ink_width (persona, context, TPT_PERSONA_CARD_WIDTH, &h[4]);
  tpt_fact_set_label (fact, "Age");
  tpt_fact_set_value (fact, "42");
  tpt_persona_insert_fact (persona, 0, fact);
  ink = card_ink_width (persona, context, TPT_PERSONA_CARD_WIDTH, &h[5]);
  g_assert_cmpfloat (ink, <=, TPT_PERSONA_CARD_WIDTH + 0.01);
  for (guint i = 1; i < G_N_ELEMENTS (h); i++)
    g_assert_cmpfloat (h[i], >, h[i - 1]);

  /* Narrower, the same card wraps into more lines, and still fits. */
  {
    double narrow_h;

    ink = card_ink_width (persona, context, 160, &narrow_h);
    g_assert_cmpfloat (ink, <=, 160 + 0.01);
    g_assert_cmpfloat (narrow_h, >, h[5]);
  }

  /* A PNG photo fills the avatar circle: a red photo, a red centre. */
  {
    g_autoptr(cairo_surface_t) red = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 8, 8);
    g_autoptr(cairo_t) red_cr = cairo_create (red);
    g_autoptr(GByteArray) png = g_byte_array_new ();
    g_autoptr(GBytes) photo = NULL;
    g_autoptr(cairo_surface_t) image = NULL;
    g_autoptr(cairo_t) cr = NULL;
    guint32 pixel;

    cairo_set_source_rgb (red_cr, 1, 0, 0);
    cairo_paint (red_cr);
    cairo_surface_flush (red);
    g_assert_cmpint (cairo_surface_write_to_png_stream (red, append_cb, png), ==,
                     CAIRO_STATUS_SUCCESS);
    photo = g_bytes_new (png->data, png->len);
    tpt_persona_set_photo (persona, photo, "image/png");

    image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 250, 120);
    cr = cairo_create (image);
    tpt_persona_card_render (cr, context, persona, tpt_theme_get (TPT_THEME_LIGHT), 250);
    cairo_surface_flush (image);
    /* The avatar's centre: the card's padding plus half the avatar. */
    pixel = *(guint32 *) (cairo_image_surface_get_data (image) +
                          46 * cairo_image_surface_get_stride (image) + 42 * 4);
    g_assert_cmphex (pixel & 0xffffff, ==, 0xff0000);
  }

  tpt_document_end (document);
  g_object_unref (context);
}

/* Reference renderings: small pictures of the example, kept in
 * tests/reference/, that exports must still look like. They are compared
 * by tolerance, not pixel by pixel, so antialiasing and hinting may change;
 * a missing lane, a wrong colour or a moved card may not.
 * TPT_UPDATE_REFERENCES=1 writes them anew (look at them before you
 * commit them). */
static void
compare_with_reference (gconstpointer data)
{
  const char *artefact = data;
  g_autofree char *example = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                               "motor-insurance.touchpoint", NULL);
  g_autofree char *name = g_strconcat (artefact, ".png", NULL);
  g_autofree char *reference = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "tests",
                                                 "reference", name, NULL);
  g_autofree char *dir = g_dir_make_tmp ("tpt-reference-XXXXXX", NULL);
  g_autofree char *rendered = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) source = g_file_new_for_path (example);
  g_autoptr(GFile) out = g_file_new_for_path (rendered);
  g_autoptr(TptDocument) document = tpt_document_load_file (source, NULL, NULL);
  g_autoptr(cairo_surface_t) want = NULL;
  g_autoptr(cairo_surface_t) got = NULL;
  g_autoptr(GError) error = NULL;
  TptExportOptions options;
  const guint8 *a, *b;
  int width, height, stride_a, stride_b;
  guint64 total = 0, differing = 0;
  double mean, share;

  g_assert_nonnull (document);
  tpt_export_options_init (&options);
  options.format = TPT_EXPORT_PNG;
  options.artefact = artefact;
  options.theme = TPT_THEME_PRINT;
  options.dpi = 24;
  g_assert_true (tpt_export (document, out, &options, NULL, &error));
  g_assert_no_error (error);

  if (g_strcmp0 (g_getenv ("TPT_UPDATE_REFERENCES"), "1") == 0)
    {
      g_autoptr(GFile) dest = g_file_new_for_path (reference);

      g_assert_true (g_file_copy (out, dest, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
    }

  want = cairo_image_surface_create_from_png (reference);
  got = cairo_image_surface_create_from_png (rendered);
  g_unlink (rendered);
  g_rmdir (dir);
  g_assert_cmpint (cairo_surface_status (want), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_surface_status (got), ==, CAIRO_STATUS_SUCCESS);

  /* The layout is the same size: same cards, same text measured alike. */
  width = cairo_image_surface_get_width (want);
  height = cairo_image_surface_get_height (want);
  g_assert_cmpint (abs (cairo_image_surface_get_width (got) - width), <=, 2);
  g_assert_cmpint (abs (cairo_image_surface_get_height (got) - height), <=, 2);
  width = MIN (width, cairo_image_surface_get_width (got));
  height = MIN (height, cairo_image_surface_get_height (got));

  a = cairo_image_surface_get_data (want);
  b = cairo_image_surface_get_data (got);
  stride_a = cairo_image_surface_get_stride (want);
  stride_b = cairo_image_surface_get_stride (got);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint diff = 0;

        for (int c = 0; c < 3; c++)
          diff += abs (a[y * stride_a + x * 4 + c] - b[y * stride_b + x * 4 + c]);
        total += diff;
        if (diff > 3 * 64)
          differing++;
      }

  mean = (double) total / (3.0 * width * height);
  share = (double) differing / ((double) width * height);
  g_test_message ("%s: mean difference %.2f, %.2f %% of pixels differ", artefact, mean,
                  share * 100);
  g_assert_cmpfloat (mean, <, 4.0);
  g_assert_cmpfloat (share, <, 0.02);
}

/* How many pixels of a persona card are pure green. */
static guint
green_pixels (TptPersona *persona)
{
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  double height = tpt_persona_card_measure (PANGO_CONTEXT (context), persona,
                                            TPT_PERSONA_CARD_WIDTH);
  g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                                   (int) TPT_PERSONA_CARD_WIDTH,
                                                                   (int) ceil (height));
  g_autoptr(cairo_t) cr = cairo_create (surface);
  const guint8 *data;
  int stride;
  guint green = 0;

  tpt_persona_card_render (cr, PANGO_CONTEXT (context), persona, tpt_theme_get (TPT_THEME_LIGHT),
                           TPT_PERSONA_CARD_WIDTH);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
      {
        const guint8 *p = data + y * stride + x * 4;

        /* B, G, R in memory on little-endian machines. */
        if (p[1] > 200 && p[0] < 60 && p[2] < 60)
          green++;
      }
  return green;
}

/* A JPEG photo shows in the avatar, decoded by gdk-pixbuf. */
static void
test_jpeg_photo (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(TptPersona) persona = tpt_persona_new (document);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 96, 64);
  g_autofree char *jpeg = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize size;

  tpt_persona_set_name (persona, "Dana Ortiz");
  tpt_persona_set_color (persona, "#1c71d8");
  g_assert_cmpuint (green_pixels (persona), <, 10);

  gdk_pixbuf_fill (pixbuf, 0x00ff00ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &size, "jpeg", NULL, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&jpeg), size);
  tpt_persona_set_photo (persona, bytes, "image/jpeg");
  g_assert_cmpuint (green_pixels (persona), >, 500);

  /* A damaged JPEG falls back to the initials, quietly. */
  {
    g_autoptr(GBytes) head = g_bytes_new_from_bytes (bytes, 0, 200);

    tpt_persona_set_photo (persona, head, "image/jpeg");
    g_assert_cmpuint (green_pixels (persona), <, 10);
  }
}

/* How much ink is in the sheet's margin, outside the drawing. */
static guint
margin_ink (const TptPosterPlan *plan,
            gboolean             marks)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autoptr(TptArtefactDrawing) drawing =
    tpt_artefact_drawing_new (TPT_ARTEFACT_BLUEPRINT, document, TPT_NODE (blueprint),
                              PANGO_CONTEXT (context));
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  g_autofree TptPosterPlan *sheet = g_memdup2 (plan, sizeof *plan);
  const guint8 *data;
  guint ink = 0;
  int stride, width, height, margin;

  sheet->no_marks = !marks;
  width = (int) sheet->sheet_width;
  height = (int) sheet->sheet_height;
  margin = (int) sheet->margin - 2;
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cr = cairo_create (surface);
  tpt_poster_render_sheet (cr, PANGO_CONTEXT (context), drawing, tpt_theme_get (TPT_THEME_PRINT),
                           sheet, 0, 0, NULL);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  /* The right-hand margin: labels are along the top and the foot, marks
   * at corners. */
  for (int y = margin; y < height - margin; y++)
    for (int x = width - margin; x < width; x++)
      if (data[y * stride + x * 4 + 1] < 128)
        ink++;
  return ink;
}

/* Marks can be left out of a poster's sheets. */
static void
test_poster_marks (void)
{
  g_autoptr(TptDocument) document = render_fixture_claims ();
  g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autoptr(TptArtefactDrawing) drawing =
    tpt_artefact_drawing_new (TPT_ARTEFACT_BLUEPRINT, document, TPT_NODE (blueprint),
                              PANGO_CONTEXT (context));
  g_autoptr(GError) error = NULL;
  TptPosterSize size = { 0, 3, 0, 10 };
  g_autofree TptPosterPlan *plan = g_new0 (TptPosterPlan, 1);

  g_assert_true (tpt_poster_plan (&drawing->ink, 595, 842, &size, plan, &error));
  g_assert_no_error (error);
  g_assert_false (plan->no_marks);
  g_assert_cmpuint (margin_ink (plan, TRUE), >, 0);
  g_assert_cmpuint (margin_ink (plan, FALSE), ==, 0);
}

/* The matrix says where each need's row and row header are, as well as
 * its rating cells: one of each per need, in order, the header and the
 * cells inside the row, and the rows stacked without overlapping. */
static void
test_matrix_rows (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (small_document, sizeof small_document - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = tpt_document_load_bytes (bytes, &error);
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autoptr(GArray) cells = g_array_new (FALSE, FALSE, sizeof (TptMatrixCell));
  guint n_needs = g_list_model_get_n_items (tpt_document_get_needs (document));
  guint n_personas = g_list_model_get_n_items (tpt_document_get_personas (document));
  double last_bottom = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (n_needs, >, 1);
  tpt_matrix_collect_links (PANGO_CONTEXT (context), document, NULL, cells);
  g_assert_cmpuint (cells->len, ==, n_needs * (n_personas + 2));

  for (guint need = 0; need < n_needs; need++)
    {
      const TptMatrixCell *header = NULL, *row = NULL;
      guint n_ratings = 0;

      for (guint i = 0; i < cells->len; i++)
        {
          const TptMatrixCell *cell = &g_array_index (cells, TptMatrixCell, i);

          if (cell->need != need)
            continue;
          if (cell->kind == TPT_MATRIX_CELL_NEED)
            header = cell;
          else if (cell->kind == TPT_MATRIX_CELL_ROW)
            row = cell;
          else
            n_ratings++;
        }
      g_assert_nonnull (header);
      g_assert_nonnull (row);
      g_assert_cmpuint (n_ratings, ==, n_personas);
      g_assert_cmpfloat (header->rect.width, >, 50);
      g_assert_cmpfloat (header->rect.y, ==, row->rect.y);
      g_assert_cmpfloat (header->rect.height, ==, row->rect.height);
      g_assert_cmpfloat (row->rect.width, >, header->rect.width);
      g_assert_cmpfloat (row->rect.y, >=, last_bottom);
      last_bottom = row->rect.y + row->rect.height;
      for (guint i = 0; i < cells->len; i++)
        {
          const TptMatrixCell *cell = &g_array_index (cells, TptMatrixCell, i);

          if (cell->need == need && cell->kind == TPT_MATRIX_CELL_RATING)
            {
              g_assert_cmpfloat (cell->rect.x, >=, header->rect.x + header->rect.width);
              g_assert_cmpfloat (cell->rect.y, ==, row->rect.y);
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tpt/render/artefacts/example", test_example);
  g_test_add_func ("/tpt/render/artefacts/poster-marks", test_poster_marks);
  g_test_add_func ("/tpt/render/artefacts/jpeg-photo", test_jpeg_photo);
  g_test_add_data_func ("/tpt/render/artefacts/reference/blueprint", "b1", compare_with_reference);
  g_test_add_data_func ("/tpt/render/artefacts/reference/personas", "personas",
                        compare_with_reference);
  g_test_add_data_func ("/tpt/render/artefacts/reference/matrix", "needs-matrix",
                        compare_with_reference);
  g_test_add_data_func ("/tpt/render/artefacts/matrix-print", GINT_TO_POINTER (TPT_THEME_PRINT),
                        test_small);
  g_test_add_data_func ("/tpt/render/artefacts/matrix-dark", GINT_TO_POINTER (TPT_THEME_DARK),
                        test_small);
  g_test_add_func ("/tpt/render/artefacts/persona-card", test_persona_card);
  g_test_add_func ("/tpt/render/artefacts/matrix-rows", test_matrix_rows);

  return g_test_run ();
}
