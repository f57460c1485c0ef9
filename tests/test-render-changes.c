/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>

#include "tpt-blueprint-layout.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-changes-overlay.h"
#include "tpt-changes-renderer.h"
#include "tpt-export.h"
#include "tpt-format.h"
#include "tpt-page-size.h"
#include "tpt-text.h"

#include "render-fixtures.h"

#include <sys/wait.h>

/* The "Changes since …" pages of a review PDF, read back with pdfinfo and
 * pdftotext: after the cover and in its contents, every line of the diff
 * there, a long list split over pages, and bad options refused. */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("tpt-changes-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
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

static char *
source_path (const char *first,
             ...)
{
  const char *root = g_getenv ("TPT_SOURCE_ROOT");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static TptDocument *
load (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

static TptDocument *
golden (const char *name)
{
  g_autofree char *path = source_path ("tests", "golden", "diff", name, NULL);

  return load (path);
}

static char *
export_pdf (Fixture                *fixture,
            TptDocument            *document,
            const char             *name,
            const TptExportOptions *options)
{
  char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_true (tpt_export (document, file, options, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static gboolean
have_poppler (void)
{
  g_autofree char *found = g_find_program_in_path ("pdftotext");

  if (found == NULL)
    g_test_skip ("pdftotext is not installed (build-aux/install-deps)");
  return found != NULL;
}

static char *
page_text (const char *path,
           guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);

  /* As laid out, so that a wrapped line's second half comes after its
   * first, not after the signs of the lines below. */
  return render_run_tool ((const char *[]) { "pdftotext", "-layout", "-enc", "UTF-8",
                                             "-f", number, "-l", number, path, "-", NULL });
}

static guint
n_pages (const char *path)
{
  g_autofree char *info = render_run_tool ((const char *[]) { "pdfinfo", path, NULL });
  const char *pages = info != NULL ? strstr (info, "Pages:") : NULL;

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

/* Each line of the diff is on one of pages @first to @last. */
static void
assert_lines_on (TptDiff    *diff,
                 const char *path,
                 guint       first,
                 guint       last)
{
  g_autoptr(GPtrArray) lines = tpt_diff_list_lines (diff);
  g_autoptr(GString) all = g_string_new (NULL);
  g_autofree char *squeezed = NULL;

  for (guint page = first; page <= last; page++)
    {
      g_autofree char *text = page_text (path, page);

      g_string_append (all, text);
    }
  squeezed = render_squeeze (all->str);
  for (guint i = 0; i < lines->len; i++)
    {
      const TptDiffLine *line = g_ptr_array_index (lines, i);
      g_autofree char *want = render_squeeze (line->text);

      if (strstr (squeezed, want) == NULL)
        g_error ("the line “%s” is not on pages %u–%u", line->text, first, last);
    }
}

static void
test_pages (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(TptDocument) old_document = golden ("old.touchpoint");
  g_autoptr(TptDocument) new_document = golden ("new.touchpoint");
  g_autoptr(TptDiff) diff = tpt_diff_new (old_document, new_document);
  g_autofree char *plain = NULL;
  g_autofree char *path = NULL;
  g_autofree char *cover = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *next = NULL;
  g_autofree char *info = NULL;
  TptExportOptions options;

  if (!have_poppler ())
    return;

  /* Without: cover, personas, matrix, coverage, journey numbers, the
   * blueprint. */
  tpt_export_options_init (&options);
  options.page_size = "A4";
  plain = export_pdf (fixture, new_document, "plain.pdf", &options);
  g_assert_cmpuint (n_pages (plain), ==, 6);

  /* With: one page more, second, and named in the contents. */
  options.changes_since = old_document;
  options.changes_since_name = "the March review";
  path = export_pdf (fixture, new_document, "review.pdf", &options);
  g_assert_cmpuint (n_pages (path), ==, 7);
  cover = page_text (path, 1);
  g_assert_nonnull (strstr (cover, "Changes since the March review"));
  changes = page_text (path, 2);
  g_assert_true (g_str_has_prefix (g_strchug (changes), "Changes since the March review\n"));
  g_assert_nonnull (strstr (changes, "4 added · 2 removed · 9 changed · 0 moved"));
  g_assert_nonnull (strstr (changes, "Blueprint “Claims — current state”:"));
  g_assert_nonnull (strstr (changes, "+"));
  g_assert_nonnull (strstr (changes, "−"));
  assert_lines_on (diff, path, 2, 2);
  next = page_text (path, 3);
  g_assert_null (strstr (next, "Changes since"));

  info = render_run_tool ((const char *[]) { "pdfinfo", "-f", "2", "-l", "2", path, NULL });
  g_assert_nonnull (strstr (info, "Page    2 size:  595.276 x 841.89 pts (A4)"));
}

/* Nothing changed: the page says so. */
static void
test_nothing (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TptDocument) document = golden ("old.touchpoint");
  g_autoptr(TptDocument) same = golden ("old.touchpoint");
  g_autofree char *path = NULL;
  g_autofree char *changes = NULL;
  TptExportOptions options;

  if (!have_poppler ())
    return;

  tpt_export_options_init (&options);
  options.changes_since = same;
  options.changes_since_name = "the saved file";
  path = export_pdf (fixture, document, "same.pdf", &options);
  changes = page_text (path, 2);
  g_assert_nonnull (strstr (changes, "Changes since the saved file"));
  g_assert_nonnull (strstr (changes, "Nothing changed."));
}

/* A long list goes on over pages of a named size, line by line, and on
 * one page fitted to it without one. */
static void
test_long (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(TptDocument) old_document = golden ("old.touchpoint");
  g_autofree char *example = source_path ("data", "examples", "motor-insurance.touchpoint",
                                          NULL);
  g_autoptr(TptDocument) document = load (example);
  g_autoptr(TptDiff) diff = tpt_diff_new (old_document, document);
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) lines = tpt_diff_list_lines (diff);
  PangoContext *context = tpt_text_context_new ();
  g_autofree char *plain = NULL;
  g_autofree char *path = NULL;
  g_autofree char *fitted = NULL;
  g_autofree char *fitted_plain = NULL;
  TptExportOptions options;
  double width, height, scale, a4_width, a4_height;
  const double margins = 2 * 10 * 72.0 / 25.4;
  guint pages, pages_plain;

  if (!have_poppler ())
    {
      g_object_unref (context);
      return;
    }

  /* Rows: the title, the counts, then a row per line. */
  /* As the export splits it: A4 inside margins of 10 mm. */
  g_assert_true (tpt_page_size_lookup ("A4", &a4_width, &a4_height));
  scale = tpt_changes_report_paginate (context, diff, "v1", a4_width - margins,
                                       a4_height - margins, breaks);
  tpt_changes_report_measure (context, diff, "v1", &width, &height);
  g_assert_cmpfloat_with_epsilon (scale, (a4_width - margins) / width, 1e-9);
  g_assert_cmpuint (breaks->len, >, 2);
  g_assert_cmpuint (g_array_index (breaks, guint, 0), ==, 0);
  g_assert_cmpuint (g_array_index (breaks, guint, 1), >, 2);
  for (guint i = 1; i < breaks->len; i++)
    {
      guint start = g_array_index (breaks, guint, i);
      const TptDiffLine *before = g_ptr_array_index (lines, start - 1 - 2);

      g_assert_cmpuint (start, >, g_array_index (breaks, guint, i - 1));
      g_assert_cmpuint (start, <, lines->len + 2);
      /* A page never ends with a heading. */
      g_assert_false (before->heading);
    }

  tpt_export_options_init (&options);
  options.page_size = "A4";
  plain = export_pdf (fixture, document, "plain.pdf", &options);
  pages_plain = n_pages (plain);
  options.changes_since = old_document;
  options.changes_since_name = "v1";
  path = export_pdf (fixture, document, "long.pdf", &options);
  pages = n_pages (path);
  g_assert_cmpuint (pages, ==, pages_plain + breaks->len);
  assert_lines_on (diff, path, 2, 1 + breaks->len);

  /* Fitted pages: the list on one page of its own length. */
  options.page_size = "fit";
  options.changes_since = NULL;
  fitted_plain = export_pdf (fixture, document, "fitted-plain.pdf", &options);
  options.changes_since = old_document;
  fitted = export_pdf (fixture, document, "fitted.pdf", &options);
  g_assert_cmpuint (n_pages (fitted), ==, n_pages (fitted_plain) + 1);
  g_assert_cmpfloat (height, >, 842 * 2);
  {
    g_autofree char *info = render_run_tool ((const char *[]) { "pdfinfo", "-f", "2", "-l", "2",
                                                                fitted, NULL });
    g_autofree char *want = g_strdup_printf ("Page    2 size:  %g x %g pts", ceil (width),
                                         ceil (height));

    g_assert_nonnull (strstr (info, want));
  }
  assert_lines_on (diff, fitted, 2, 2);

  g_object_unref (context);
}

/* The pixel at (@x, @y) of @surface, as drawn at scale 1. */
static void
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y,
          TptColor        *color)
{
  const guint8 *data;
  guint32 argb;
  int stride;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  argb = *(const guint32 *)(gconstpointer)(data + (int)y * stride + (int)x * 4);
  color->red = ((argb >> 16) & 0xff) / 255.0;
  color->green = ((argb >> 8) & 0xff) / 255.0;
  color->blue = (argb & 0xff) / 255.0;
}

static gboolean
near (const TptColor *a,
      const TptColor *b)
{
  return fabs (a->red - b->red) < 0.02 && fabs (a->green - b->green) < 0.02 &&
         fabs (a->blue - b->blue) < 0.02;
}

/* What changed is marked on the blueprint where it is: a ring and a
 * badge in the colour of what happened, nothing on what did not. */
static void
test_overlay (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(TptDocument) old_document = golden ("old.touchpoint");
  g_autoptr(TptDocument) new_document = golden ("new.touchpoint");
  g_autoptr(TptDiff) diff = tpt_diff_new (old_document, new_document);
  g_autoptr(TptDiff) none = tpt_diff_new (new_document, new_document);
  TptBlueprint *blueprint = tpt_document_lookup_typed (new_document, "b1", TPT_TYPE_BLUEPRINT);
  PangoContext *context = tpt_text_context_new ();
  g_autoptr(TptBlueprintLayout) layout = tpt_blueprint_layout_new (new_document, blueprint,
                                                                   context);
  const TptTheme *theme = tpt_theme_get (TPT_THEME_PRINT);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                         (int)ceil (layout->bounds.width),
                                                         (int)ceil (layout->bounds.height));
  cairo_t *cr = cairo_create (surface);
  const TptLayoutCard *added = NULL, *changed = NULL, *same = NULL;
  TptColor color;

  for (guint i = 0; i < layout->cards->len; i++)
    {
      const TptLayoutCard *card = &g_array_index (layout->cards, TptLayoutCard, i);
      const char *id = tpt_node_get_id (TPT_NODE (card->card));

      if (g_strcmp0 (id, "c4") == 0)
        added = card;
      else if (g_strcmp0 (id, "c2") == 0)
        changed = card;
      else if (g_strcmp0 (id, "c1") == 0)
        same = card;
    }
  g_assert_nonnull (added);
  g_assert_nonnull (changed);
  g_assert_nonnull (same);

  tpt_color_set_source (cr, &theme->paper);
  cairo_paint (cr);
  tpt_blueprint_render (cr, layout, theme);
  g_assert_cmpuint (tpt_changes_overlay_render (cr, layout, none, theme), ==, 0);
  /* The added card, the changed card and the renamed stage. */
  g_assert_cmpuint (tpt_changes_overlay_render (cr, layout, diff, theme), ==, 3);

  /* Each badge sits on its ring's top right corner, in its colour (the
   * centre has the sign, so a point just inside the disc). */
  pixel_at (surface, added->rect.x + added->rect.width + 2.5, added->rect.y - 2.5 + 5, &color);
  g_assert_true (near (&color, &theme->card_accent[TPT_CARD_KIND_OPPORTUNITY]));
  pixel_at (surface, changed->rect.x + changed->rect.width + 2.5, changed->rect.y - 2.5 + 5,
            &color);
  g_assert_true (near (&color, &theme->ink));
  /* Nothing on an unchanged card's corner. */
  pixel_at (surface, same->rect.x + same->rect.width + 2.5, same->rect.y - 2.5 + 5, &color);
  g_assert_false (near (&color, &theme->ink));
  g_assert_false (near (&color, &theme->card_accent[TPT_CARD_KIND_OPPORTUNITY]));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_unref (context);
}

static void
test_bad_options (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(TptDocument) old_document = golden ("old.touchpoint");
  g_autoptr(TptDocument) document = golden ("new.touchpoint");
  g_autofree char *path = g_build_filename (fixture->dir, "out.svg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptExportOptions options;

  tpt_export_options_init (&options);
  options.changes_since = old_document;
  options.changes_since_name = "v1";
  options.format = TPT_EXPORT_SVG;
  g_assert_false (tpt_export (document, file, &options, NULL, &error));
  g_assert_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  options.format = TPT_EXPORT_PDF;
  options.artefact = "b1";
  g_assert_false (tpt_export (document, file, &options, NULL, &error));
  g_assert_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* touchpoint --export OUT.pdf --changes-since OLD IN */
static int
run (const char * const *args,
     char              **err)
{
  const char *builddir = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *binary = g_build_filename (builddir != NULL ? builddir : ".", "..", "src",
                                              "touchpoint", NULL);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_strv_builder_add (builder, binary);
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *old_path = source_path ("tests", "golden", "diff", "old.touchpoint", NULL);
  g_autofree char *new_path = source_path ("tests", "golden", "diff", "new.touchpoint", NULL);
  g_autofree char *missing = g_build_filename (fixture->dir, "missing.touchpoint", NULL);
  g_autofree char *broken = g_build_filename (fixture->dir, "broken.touchpoint", NULL);
  g_autofree char *out = g_build_filename (fixture->dir, "review.pdf", NULL);
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.touchpoint", NULL);
  g_autofree char *changes = NULL;
  g_autofree char *squeezed = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_poppler ())
    return;
  g_file_set_contents (broken, "<?xml version=\"1.0\"?>\n<touchpoint format=\"1\">\n<x/>\n", -1,
                       &error);
  g_assert_no_error (error);

  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run ((const char *[]) { "--export", out, "--changes-since", old_path,
                                             new_path, NULL }, &err), ==, 0);
    changes = page_text (out, 2);
    squeezed = render_squeeze (changes);
    g_assert_nonnull (strstr (squeezed, "Changessinceold.touchpoint"));
    g_assert_nonnull (strstr (squeezed, "kindaction→failpoint"));
    g_unlink (out);
  }

  /* A missing or broken older version: named, status 2, nothing written. */
  {
    const char *bad[] = { missing, broken };

    for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
      {
        g_autofree char *err = NULL;

        g_assert_cmpint (run ((const char *[]) { "--export", out, "--changes-since", bad[i],
                                                 new_path, NULL }, &err), ==, 2);
        g_assert_nonnull (strstr (err, bad[i]));
        g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
      }
  }
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run ((const char *[]) { "--export", out, "--changes-since", broken,
                                             new_path, NULL }, &err), ==, 2);
    g_assert_nonnull (strstr (err, ":3:"));
  }

  /* Only for a PDF of the whole document, and only with --export. */
  {
    g_autofree char *err = NULL;

    g_assert_cmpint (run ((const char *[]) { "--export", copy, "--changes-since", old_path,
                                             new_path, NULL }, &err), ==, 2);
    g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run ((const char *[]) { "--export", out, "--artefact", "b1",
                                             "--changes-since", old_path, new_path, NULL },
                          &err), ==, 2);
    g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run ((const char *[]) { "--changes-since", old_path, new_path, NULL },
                          &err), ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/tpt/render-changes/pages", Fixture, NULL, fixture_set_up, test_pages,
              fixture_tear_down);
  g_test_add ("/tpt/render-changes/nothing", Fixture, NULL, fixture_set_up, test_nothing,
              fixture_tear_down);
  g_test_add ("/tpt/render-changes/long", Fixture, NULL, fixture_set_up, test_long,
              fixture_tear_down);
  g_test_add ("/tpt/render-changes/overlay", Fixture, NULL, fixture_set_up, test_overlay,
              fixture_tear_down);
  g_test_add ("/tpt/render-changes/bad-options", Fixture, NULL, fixture_set_up, test_bad_options,
              fixture_tear_down);
  g_test_add ("/tpt/render-changes/cli", Fixture, NULL, fixture_set_up, test_cli,
              fixture_tear_down);

  return g_test_run ();
}
