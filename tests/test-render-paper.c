/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Paper and projector: what leaves the app, checked by its properties.
 * Every kind of artefact draws through the renderer table on the screen,
 * in an export, in print and on a slide; write errors, signals and a
 * target that is the document itself leave nothing behind; posters have
 * no blank sheet; handouts and slides stay readable; SVG keeps its text,
 * PNG its resolution. */
#define G_LOG_DOMAIN "test-render-paper"

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "render-fixtures.h"
#include "tpt-artefact-drawing.h"
#include "tpt-artefact-renderer.h"
#include "tpt-export-plan.h"
#include "tpt-format.h"
#include "tpt-persona-renderer.h"
#include "tpt-slide-renderer.h"
#include "tpt-text.h"

#include <math.h>

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

static char *
source_path (const char *first,
             ...)
{
  va_list args;
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;

  g_ptr_array_add (parts, (gpointer) g_getenv ("TPT_SOURCE_ROOT"));
  va_start (args, first);
  for (part = first; part != NULL; part = va_arg (args, const char *))
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
load_example (void)
{
  g_autofree char *path = source_path ("data", "examples", "motor-insurance.touchpoint", NULL);

  return load (path);
}

/* A synthetic blueprint of @steps × @lanes cards, two lines of text each,
 * every text different, a stage every ten steps, and a flow along each
 * lane: the shape of ../shared/bench/gen_peers.py's. */
static char *
big_document_xml (guint steps,
                  guint lanes)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<touchpoint format=\"1\">\n"
                               "  <meta><title>Synthetic</title><author>Tests</author></meta>\n"
                               "  <blueprint id=\"b1\" state=\"current\">\n"
                               "    <title>Synthetic blueprint</title>\n");
  static const char * const kinds[] = { "evidence", "customer", "frontstage", "backstage",
                                        "support" };

  for (guint l = 0; l < lanes; l++)
    g_string_append_printf (xml, "    <lane id=\"l%u\" kind=\"%s\"><title>Lane %u</title></lane>\n",
                            l, kinds[MIN (l, G_N_ELEMENTS (kinds) - 1)], l);
  for (guint s = 0; s < steps; s++)
    {
      if (s % 10 == 0)
        g_string_append_printf (xml, "%s    <stage id=\"s%u\"><title>Stage %u</title>\n",
                                s > 0 ? "    </stage>\n" : "", s / 10, s / 10);
      g_string_append_printf (xml, "      <step id=\"t%u\"><title>Step %u</title></step>\n", s, s);
    }
  g_string_append (xml, "    </stage>\n");
  for (guint l = 0; l < lanes; l++)
    for (guint s = 0; s < steps; s++)
      g_string_append_printf (xml, "    <card id=\"c%u_%u\" lane=\"l%u\" step=\"t%u\" kind=\"action\">"
                              "<text>Card %u in lane %u, with a second line of text %u</text></card>\n",
                              l, s, l, s, s, l, s * lanes + l);
  for (guint l = 0; l < lanes; l++)
    for (guint s = 0; s + 1 < steps; s += 3)
      g_string_append_printf (xml, "    <flow id=\"f%u_%u\" from=\"c%u_%u\" to=\"c%u_%u\" "
                              "arrow=\"single\"/>\n", l, s, l, s, l, s + 1);
  g_string_append (xml, "  </blueprint>\n</touchpoint>\n");
  return g_string_free (xml, FALSE);
}

static TptDocument *
big_document (guint steps,
              guint lanes)
{
  char *xml = big_document_xml (steps, lanes);
  gsize length = strlen (xml);
  g_autoptr(GBytes) bytes = g_bytes_new_take (xml, length);
  g_autoptr(GError) error = NULL;
  TptDocument *document;

  document = tpt_document_load_bytes (bytes, &error);
  g_assert_no_error (error);
  return document;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tpt-paper-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
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

static gboolean
has_temporary (const char *path,
               const char *prefix)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return TRUE;
  return FALSE;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }
  g_rmdir (path);
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

/* Runs @argv; returns the wait status, with its output in @out and @err. */
static int
run (const char * const *argv,
     char              **out,
     char              **err)
{
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  return status;
}

/* How many pixels of @area of @surface differ from @paper. */
static guint
inked (cairo_surface_t *surface,
       guint32          paper,
       int              x0,
       int              y0,
       int              x1,
       int              y1)
{
  const guint8 *data;
  int stride;
  guint n = 0;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  x1 = MIN (x1, cairo_image_surface_get_width (surface));
  y1 = MIN (y1, cairo_image_surface_get_height (surface));
  for (int y = MAX (y0, 0); y < y1; y++)
    for (int x = MAX (x0, 0); x < x1; x++)
      {
        guint32 p = *(const guint32 *) (gconstpointer) (data + y * stride + 4 * x) & 0xffffff;
        int d = ABS ((int) (p >> 16) - (int) (paper >> 16)) +
                ABS ((int) ((p >> 8) & 0xff) - (int) ((paper >> 8) & 0xff)) +
                ABS ((int) (p & 0xff) - (int) (paper & 0xff));

        n += d > 12;
      }
  return n;
}

static guint32
rgb (const TptColor *c)
{
  return (guint32) lround (c->red * 255) << 16 | (guint32) lround (c->green * 255) << 8 |
         (guint32) lround (c->blue * 255);
}

/* The renderer table ---------------------------------------------------- */

static TptNode *
target_for (TptDocument     *document,
            TptArtefactKind  kind)
{
  GType type = tpt_artefact_kind_get_target_type (kind);

  if (type == TPT_TYPE_BLUEPRINT)
    return tpt_document_lookup (document, "b1");
  if (type == TPT_TYPE_STAGE)
    return tpt_document_lookup (document, "s3");
  if (type == TPT_TYPE_PERSONA)
    return tpt_document_lookup (document, "p1");
  return NULL;
}

/* Every kind of artefact in the core's table has a row in the renderer
 * table, and draws on the screen, exports, prints and (if slides show it)
 * is a slide, in every theme. A kind left out of the table fails here. */
static void
test_table (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autoptr(GArray) kinds = tpt_artefact_renderer_document_kinds ();
  static const TptThemeKind themes[] = { TPT_THEME_LIGHT, TPT_THEME_DARK, TPT_THEME_PRINT,
                                         TPT_THEME_PROJECTOR };
  g_autofree char *dir = temp_dir ();

  /* The whole document's artefacts, in order: cover first, blueprints
   * last. */
  g_assert_cmpuint (kinds->len, >=, 5);
  g_assert_cmpint (g_array_index (kinds, TptArtefactKind, 0), ==, TPT_ARTEFACT_COVER);
  g_assert_cmpint (g_array_index (kinds, TptArtefactKind, kinds->len - 1), ==,
                   TPT_ARTEFACT_BLUEPRINT);

  for (guint k = 0; k < TPT_ARTEFACT_N_KINDS; k++)
    {
      TptArtefactKind kind = k;
      const TptArtefactRenderer *renderer = tpt_artefact_renderer_get (kind);
      TptNode *target = target_for (document, kind);
      g_autoptr(TptArtefactDrawing) drawing = NULL;
      const char *name = target != NULL ? tpt_node_get_id (target)
                                        : tpt_artefact_kind_get_name (kind);

      g_assert_cmpint (renderer->kind, ==, kind);
      g_assert_nonnull (renderer->prepare);
      g_assert_nonnull (renderer->render);
      g_assert_true (renderer->paginate == NULL || renderer->render_part != NULL);
      drawing = tpt_artefact_drawing_new (kind, document, target, PANGO_CONTEXT (context));
      g_assert_cmpfloat (drawing->bounds.width, >, 0);
      g_assert_cmpfloat (drawing->bounds.height, >, 0);
      g_assert_cmpfloat (drawing->ink.width, >, 0);

      for (guint t = 0; t < G_N_ELEMENTS (themes); t++)
        {
          const TptTheme *theme = tpt_theme_get (themes[t]);
          double scale = MIN (1.0, 800 / MAX (drawing->bounds.width, drawing->bounds.height));
          int w = (int) ceil (drawing->bounds.width * scale);
          int h = (int) ceil (drawing->bounds.height * scale);
          g_autoptr(cairo_surface_t) surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                                           w, h);
          g_autoptr(cairo_t) cr = cairo_create (surface);
          g_autoptr(GError) error = NULL;
          g_autofree char *pdf = g_strdup_printf ("%s/%s-%u.pdf", dir, name, t);
          g_autoptr(GFile) file = g_file_new_for_path (pdf);
          g_autoptr(TptExportPlan) print = NULL;
          TptExportOptions options;

          g_test_message ("%s in the %s theme", tpt_artefact_kind_get_name (kind), theme->name);

          /* The screen. */
          tpt_color_set_source (cr, &theme->paper);
          cairo_paint (cr);
          cairo_scale (cr, scale, scale);
          tpt_artefact_drawing_render (drawing, cr, theme);
          g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpuint (inked (surface, rgb (&theme->paper), 0, 0, w, h), >, 50);

          /* An export of it alone. */
          tpt_export_options_init (&options);
          options.artefact = name;
          options.theme = themes[t];
          g_assert_true (tpt_export (document, file, &options, NULL, &error));
          g_assert_no_error (error);
          g_assert_cmpuint (render_pdf_pages (pdf), >=, 1);
          g_unlink (pdf);

          /* Print: on A4, each page drawn. */
          options.page_size = "A4";
          print = tpt_export_plan_new (document, PANGO_CONTEXT (context), &options, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (tpt_export_plan_get_n_pages (print), >=, 1);
          for (guint i = 0; i < tpt_export_plan_get_n_pages (print); i++)
            {
              g_autoptr(cairo_surface_t) page = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                                            60, 85);
              g_autoptr(cairo_t) pcr = cairo_create (page);

              cairo_scale (pcr, 0.1, 0.1);
              tpt_export_plan_render_page (print, i, pcr, theme);
              g_assert_cmpint (cairo_status (pcr), ==, CAIRO_STATUS_SUCCESS);
            }

          /* A slide, if slides show it. */
          if (tpt_artefact_kind_has_flags (kind, TPT_ARTEFACT_FLAG_SLIDE))
            {
              g_autoptr(TptSlide) slide = tpt_slide_new (document, kind, target);
              g_autoptr(cairo_surface_t) frame = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                                             480, 270);
              g_autoptr(cairo_t) scr = cairo_create (frame);
              guint parts = tpt_slide_count_parts (PANGO_CONTEXT (context), document, slide);

              g_assert_cmpuint (parts, >=, 1);
              for (guint p = 0; p < parts; p++)
                {
                  tpt_slide_render_part (scr, PANGO_CONTEXT (context), document, slide, theme,
                                         480, 270, p, 1, 1, NULL);
                  g_assert_cmpint (cairo_status (scr), ==, CAIRO_STATUS_SUCCESS);
                  g_assert_cmpuint (inked (frame, rgb (&theme->paper), 0, 60, 480, 270), >, 50);
                }
            }
        }
    }
  remove_dir (dir);
}

/* Write errors ---------------------------------------------------------- */

/* Past a file size limit (as with a full disk) every format fails with a
 * message, and leaves neither the file nor a temporary one. cairo 1.16
 * used to assert in its PDF writer. */
static void
test_write_error (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TptDocument) document = load_example ();
      g_autofree char *dir = temp_dir ();
      struct rlimit limit = { 16 * 1024, 16 * 1024 };
      static const struct { const char *name; const char *artefact; const char *poster; } cases[] = {
        { "whole.pdf", NULL, NULL }, { "poster.pdf", "b1", "A4" }, { "b1.svg", "b1", NULL },
        { "b1.png", "b1", NULL }, { "matrix.pdf", "needs-matrix", NULL },
        { "slides.pdf", "slides", NULL },
      };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
        {
          g_autofree char *path = g_build_filename (dir, cases[i].name, NULL);
          g_autoptr(GFile) file = g_file_new_for_path (path);
          g_autoptr(GError) error = NULL;
          TptExportOptions options;

          tpt_export_options_init (&options);
          g_assert_true (tpt_export_format_for_path (path, &options.format));
          options.artefact = cases[i].artefact;
          options.poster = cases[i].poster;
          options.dpi = 300;
          g_assert_false (tpt_export (document, file, &options, NULL, &error));
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, !=, "");
          g_test_message ("%s: %s", cases[i].name, error->message);
          g_assert_cmpuint (count_files (dir), ==, 0);
        }
      remove_dir (dir);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The command line says so and exits 1. */
static void
test_cli_write_error (void)
{
  g_autofree char *binary = touchpoint_binary ();
  g_autofree char *example = source_path ("data", "examples", "motor-insurance.touchpoint", NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *out = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *command = NULL;
  g_autofree char *err = NULL;
  int status;

  if (binary == NULL)
    return;
  command = g_strdup_printf ("ulimit -f 32; exec '%s' --export '%s' '%s'", binary, out, example);
  status = run ((const char *[]) { "/bin/sh", "-c", command, NULL }, NULL, &err);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_nonnull (strstr (err, out));
  g_assert_cmpuint (count_files (dir), ==, 0);
  remove_dir (dir);
}

/* Ctrl+C, SIGTERM and SIGHUP during an export remove its temporary file. */
static void
test_cli_signals (void)
{
  g_autofree char *binary = touchpoint_binary ();
  g_autoptr(TptDocument) document = big_document (200, 12);
  g_autofree char *dir = temp_dir ();
  g_autofree char *input = g_build_filename (dir, "big.touchpoint", NULL);
  g_autoptr(GFile) input_file = g_file_new_for_path (input);
  g_autofree char *out = g_build_filename (dir, "big.pdf", NULL);
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
  g_autoptr(GError) error = NULL;
  guint killed = 0;

  if (binary == NULL)
    return;
  g_assert_true (tpt_document_save_file (document, input_file, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      const char *argv[] = { binary, "--export", out, "--page-size", "fit", input, NULL };
      GPid pid;
      int status = 0;
      gboolean seen = FALSE;

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                                    G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pid, &error));
      /* Wait for the temporary file, then end the process. */
      for (guint tries = 0; tries < 20000 && !seen; tries++)
        {
          seen = count_files (dir) > 1;
          if (!seen)
            g_usleep (500);
        }
      g_assert_true (seen);
      kill (pid, signals[i]);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      /* It ends as the signal ends it (unless it had finished), and no
       * temporary file is left. */
      if (WIFSIGNALED (status))
        {
          g_assert_cmpint (WTERMSIG (status), ==, signals[i]);
          killed++;
        }
      g_assert_false (has_temporary (dir, "big.pdf."));
      g_unlink (out);
    }
  g_assert_cmpuint (killed, >, 0);
  remove_dir (dir);
}

/* A drawing is never written over the document it comes from, nor
 * through a link to it; a Touchpoint copy may be, and says what its
 * canonical form drops. */
static void
test_cli_self (void)
{
  g_autofree char *binary = touchpoint_binary ();
  g_autofree char *example = source_path ("data", "examples", "motor-insurance.touchpoint", NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *plan = g_build_filename (dir, "plan.pdf", NULL);
  g_autofree char *link = g_build_filename (dir, "link.pdf", NULL);
  g_autofree char *doc = g_build_filename (dir, "doc.touchpoint", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gsize length;
  int status;

  if (binary == NULL)
    return;
  g_assert_true (g_file_get_contents (example, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (plan, contents, (gssize) length, NULL));
  g_assert_cmpint (symlink ("plan.pdf", link), ==, 0);

  status = run ((const char *[]) { binary, "--export", plan, plan, NULL }, NULL, &err);
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_nonnull (strstr (err, "document itself"));
  g_clear_pointer (&err, g_free);
  status = run ((const char *[]) { binary, "--export", link, plan, NULL }, NULL, &err);
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_assert_true (g_file_get_contents (plan, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, contents);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  g_assert_cmpuint (count_files (dir), ==, 2);

  /* Rewritten in its canonical form, with a word on what that drops. */
  before = g_strconcat ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- a comment -->\n",
                        strstr (contents, "<touchpoint"), NULL);
  g_assert_true (g_file_set_contents (doc, before, -1, NULL));
  status = run ((const char *[]) { binary, "--export", doc, doc, NULL }, &out, NULL);
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_nonnull (strstr (out, "canonical"));
  g_assert_nonnull (strstr (out, "1 comments"));
  g_clear_pointer (&after, g_free);
  g_assert_true (g_file_get_contents (doc, &after, NULL, NULL));
  g_assert_null (strstr (after, "<!--"));
  remove_dir (dir);
}

/* Handouts and fitted pages ------------------------------------------- */

/* On A4 the motor blueprints are split by stage rather than shrunk:
 * every page A4, no text below 5 pt, lane headers on every page, and the
 * command line says so. */
static void
test_handout (void)
{
  g_autofree char *binary = touchpoint_binary ();
  g_autofree char *example = source_path ("data", "examples", "motor-insurance.touchpoint", NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "handout.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *out = NULL;
  static const char * const orientations[] = { NULL, "--landscape" };

  if (binary == NULL)
    return;
  for (guint o = 0; o < G_N_ELEMENTS (orientations); o++)
    {
      const char *argv[] = { binary, "--export", pdf, "--artefact", "b1", "--page-size", "A4",
                             orientations[o], example, NULL };
      guint pages, with_lanes = 0;
      int status;

      if (orientations[o] == NULL)
        argv[7] = example, argv[8] = NULL;
      g_clear_pointer (&out, g_free);
      status = run (argv, &out, NULL);
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_assert_nonnull (strstr (out, "split over"));
      g_assert_nonnull (strstr (out, "by stage"));

      g_clear_pointer (&info, g_free);
      info = render_run_tool ((const char *[]) { "pdfinfo", "-f", "1", "-l", "99", pdf, NULL });
      if (info == NULL)
        break;
      pages = render_pdf_pages (pdf);
      g_assert_cmpuint (pages, >, 1);
      for (guint p = 1; p <= pages; p++)
        {
          g_autofree char *key = g_strdup_printf ("Page %4u size:", p);
          g_autofree char *first = g_strdup_printf ("%u", p);
          g_autofree char *text = render_run_tool ((const char *[]) { "pdftotext", "-f", first,
                                                                      "-l", first, pdf, "-",
                                                                      NULL });
          const char *line = strstr (info, key);

          g_assert_nonnull (line);
          g_assert_nonnull (strstr (line, "(A4)"));
          /* Each page names the blueprint and its stages, and its lanes. */
          g_assert_nonnull (strstr (text, "Motor policy"));
          g_assert_true (strstr (text, "Customer actions") != NULL ||
                         strstr (text, "How Dana feels") != NULL ||
                         strstr (text, "Pain points") != NULL ||
                         strstr (text, "Metrics") != NULL ||
                         strstr (text, "Policies") != NULL ||
                         strstr (text, "Systems, finance") != NULL ||
                         strstr (text, "Third parties") != NULL);
          with_lanes += strstr (text, "Customer actions") != NULL;
        }
      /* The stages' pages each repeat the lane headers. */
      g_assert_cmpuint (with_lanes, >=, 4);
      g_assert_cmpfloat (render_pdf_smallest_font (pdf, 1, 0), >=, 5.0 - 0.01);
      g_test_message ("A4%s handout: %u pages, smallest text %.1f pt",
                      orientations[o] != NULL ? " landscape" : "", pages,
                      render_pdf_smallest_font (pdf, 1, 0));
    }
  remove_dir (dir);
}

/* Fitted pages are never shrunk: a blueprint longer than readers allow a
 * page to be goes on over several pages at its own size. */
static void
test_fitted_long (void)
{
  g_autoptr(TptDocument) document = big_document (120, 4);
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autoptr(GError) error = NULL;
  g_autoptr(TptExportPlan) plan = NULL;
  TptExportOptions options;

  tpt_export_options_init (&options);
  options.artefact = "b1";
  plan = tpt_export_plan_new (document, PANGO_CONTEXT (context), &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tpt_export_plan_get_n_pages (plan), >, 1);
  for (guint i = 0; i < tpt_export_plan_get_n_pages (plan); i++)
    {
      const TptPlanPage *page = tpt_export_plan_get_page (plan, i);

      g_assert_cmpfloat (page->scale, ==, 1.0);
      g_assert_cmpfloat (page->width, <=, 200 * 72);
    }
  g_assert_cmpfloat (tpt_export_plan_get_smallest_text (plan), >=, 7.5);
}

/* Posters --------------------------------------------------------------- */

/* Whether each sheet of a poster's plan has something of its own on it:
 * its part of the drawing, less the strips its neighbours repeat. */
static guint
blank_sheets (TptExportPlan *plan)
{
  const TptPosterPlan *poster = tpt_export_plan_get_poster (plan);
  guint blank = 0;

  g_assert_nonnull (poster);
  for (guint i = 0; i < tpt_export_plan_get_n_pages (plan); i++)
    {
      const TptPlanPage *page = tpt_export_plan_get_page (plan, i);
      double s = 0.25, m = poster->margin, ov = poster->overlap;
      g_autoptr(cairo_surface_t) surface = NULL;
      g_autoptr(cairo_t) cr = NULL;
      const TptTheme *theme = tpt_theme_get (TPT_THEME_LIGHT);

      if (page->kind != TPT_PLAN_PAGE_SHEET)
        continue;
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (page->width * s),
                                            (int) ceil (page->height * s));
      cr = cairo_create (surface);
      cairo_scale (cr, s, s);
      tpt_export_plan_render_page (plan, i, cr, theme);
      if (inked (surface, rgb (&theme->paper),
                 (int) ((m + (page->column > 0 ? ov : 0)) * s) + 1,
                 (int) ((m + (page->row > 0 ? ov : 0)) * s) + 1,
                 (int) ((page->width - m - (page->column + 1 < poster->columns ? ov : 0)) * s) - 1,
                 (int) ((page->height - m - (page->row + 1 < poster->rows ? ov : 0)) * s) - 1) == 0)
        blank++;
    }
  return blank;
}

static TptExportPlan *
poster_plan (TptDocument *document,
             const char  *artefact,
             const char  *paper,
             double       scale)
{
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autoptr(GError) error = NULL;
  TptExportOptions options;
  TptExportPlan *plan;

  tpt_export_options_init (&options);
  options.artefact = artefact;
  options.poster = paper;
  options.poster_scale = scale;
  plan = tpt_export_plan_new (document, PANGO_CONTEXT (context), &options, &error);
  g_assert_no_error (error);
  return plan;
}

/* The three posters the issue names: no sheet without something of its
 * own (a large synthetic blueprint on A4, the motor future state on A3 at
 * 80 %, a hotel on A4 at 150 %). */
static void
test_poster_no_blank (void)
{
  g_autoptr(TptDocument) big = big_document (60, 10);
  g_autoptr(TptDocument) motor = load_example ();
  g_autofree char *hotel_path = source_path ("tests", "posters", "hotel-stay.touchpoint", NULL);
  g_autoptr(TptDocument) hotel = load (hotel_path);
  struct { TptDocument *document; const char *artefact, *paper; double scale; } cases[] = {
    { big, "b1", "A4", 0 }, { motor, "b2", "A3", 80 }, { hotel, "b1", "A4", 150 },
    { motor, "needs-matrix", "A4", 0 }, { motor, "personas", "A3", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(TptExportPlan) plan = poster_plan (cases[i].document, cases[i].artefact,
                                                   cases[i].paper, cases[i].scale);
      const TptPosterPlan *poster = tpt_export_plan_get_poster (plan);

      g_test_message ("%s on %s at %.0f%%: %u × %u sheets, %u left out as blank",
                      cases[i].artefact, cases[i].paper, cases[i].scale, poster->columns,
                      poster->rows, poster->n_blank);
      g_assert_cmpuint (blank_sheets (plan), ==, 0);
      g_assert_cmpuint (tpt_poster_count_printed (poster), >=, 1);
    }
}

/* The command line's poster: its size and smallest text said on stdout
 * and on the assembly page, a warning below 6 pt, a finished width, and
 * chosen sheets alone. */
static void
test_cli_poster (void)
{
  g_autofree char *binary = touchpoint_binary ();
  g_autofree char *example = source_path ("data", "examples", "motor-insurance.touchpoint", NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *pdf = g_build_filename (dir, "poster.pdf", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *text = NULL;
  int status;

  if (binary == NULL)
    return;
  status = run ((const char *[]) { binary, "--export", pdf, "--artefact", "b1", "--poster", "A4",
                                   "--poster-width", "2000mm", example, NULL }, &out, &err);
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_nonnull (strstr (out, "finished size 2000 ×"));
  g_assert_nonnull (strstr (out, "smallest text"));
  text = render_run_tool ((const char *[]) { "pdftotext", "-l", "1", pdf, "-", NULL });
  if (text != NULL)
    g_assert_nonnull (strstr (text, "Finished size 2000 ×"));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  status = run ((const char *[]) { binary, "--export", pdf, "--artefact", "b1", "--poster", "A4",
                                   "--scale", "40", example, NULL }, &out, &err);
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_nonnull (strstr (err, "warning"));
  g_assert_nonnull (strstr (err, "6 pt"));

  g_clear_pointer (&out, g_free);
  status = run ((const char *[]) { binary, "--export", pdf, "--artefact", "b1", "--poster", "A4",
                                   "--sheets", "A2,A1", example, NULL }, &out, NULL);
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_assert_cmpuint (render_pdf_pages (pdf), ==, 2);

  status = run ((const char *[]) { binary, "--export", pdf, "--artefact", "b1", "--poster", "A4",
                                   "--sheets", "Q99", example, NULL }, NULL, NULL);
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  status = run ((const char *[]) { binary, "--export", pdf, "--artefact", "b1", "--poster", "A4",
                                   "--poster-width", "2 miles", example, NULL }, NULL, NULL);
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  remove_dir (dir);
}

/* Slides -------------------------------------------------------------- */

typedef struct
{
  double card;
  double smallest;
} Sizes;

static void
sizes_cb (cairo_t     *cr,
          PangoLayout *layout,
          gpointer     data)
{
  Sizes *sizes = data;
  const PangoFontDescription *desc = pango_layout_get_font_description (layout);
  cairo_matrix_t m;
  double natural, size;

  if (desc == NULL || pango_layout_get_character_count (layout) == 0)
    return;
  cairo_get_matrix (cr, &m);
  natural = (double) pango_font_description_get_size (desc) / PANGO_SCALE;
  size = natural * sqrt (fabs (m.xx * m.yy - m.xy * m.yx));
  sizes->smallest = MIN (sizes->smallest, size);
  if (fabs (natural - tpt_text_style_get_size (TPT_TEXT_BODY)) < 0.01)
    sizes->card = MIN (sizes->card, size);
}

/* On the example's default slides, drawn 1920 × 1080, card text is at
 * least 18 pixels: a stage is zoomed to itself, and split when its lanes
 * make it too tall. */
static void
test_slides_readable (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GPtrArray) slides = tpt_slides_new_default (document);
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  const TptTheme *theme = tpt_theme_get (TPT_THEME_PROJECTOR);
  double least = G_MAXDOUBLE;

  for (guint i = 0; i < slides->len; i++)
    {
      TptSlide *slide = g_ptr_array_index (slides, i);
      guint parts = tpt_slide_count_parts (PANGO_CONTEXT (context), document, slide);

      for (guint p = 0; p < parts; p++)
        {
          cairo_rectangle_t extents = { 0, 0, 1920, 1080 };
          g_autoptr(cairo_surface_t) surface =
            cairo_recording_surface_create (CAIRO_CONTENT_COLOR, &extents);
          g_autoptr(cairo_t) cr = cairo_create (surface);
          Sizes sizes = { G_MAXDOUBLE, G_MAXDOUBLE };

          tpt_text_set_sink (cr, sizes_cb, &sizes);
          tpt_slide_render_part (cr, PANGO_CONTEXT (context), document, slide, theme, 1920, 1080,
                                 p, i + 1, slides->len, NULL);
          g_test_message ("slide %u.%u: card text %.1f px, smallest %.1f px", i + 1, p + 1,
                          sizes.card < G_MAXDOUBLE ? sizes.card : 0, sizes.smallest);
          if (sizes.card < G_MAXDOUBLE)
            {
              g_assert_cmpfloat (sizes.card, >=, 18 - 0.01);
              least = MIN (least, sizes.card);
            }
          g_assert_cmpfloat (sizes.smallest, >=, 14);
        }
    }
  g_assert_cmpfloat (least, <, G_MAXDOUBLE);
}

/* SVG and PNG ----------------------------------------------------------- */

static void
test_svg_text (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autofree char *dir = temp_dir ();
  static const char * const artefacts[] = { "b1", "needs-matrix", "p1" };

  for (guint i = 0; i < G_N_ELEMENTS (artefacts); i++)
    {
      g_autofree char *name = g_strconcat (artefacts[i], ".svg", NULL);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *png = g_build_filename (dir, "svg.png", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *svg = NULL;
      g_autofree char *converted = NULL;
      TptExportOptions options;

      tpt_export_options_init (&options);
      options.format = TPT_EXPORT_SVG;
      options.artefact = artefacts[i];
      g_assert_true (tpt_export (document, file, &options, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));

      /* Text as text, in a named font, under a title. */
      g_assert_nonnull (strstr (svg, "<title>"));
      g_assert_nonnull (strstr (svg, "<text"));
      g_assert_nonnull (strstr (svg, "<tspan"));
      g_assert_nonnull (strstr (svg, "font-family=\""));
      g_assert_null (strstr (svg, "<symbol"));
      if (i == 0)
        {
          g_assert_nonnull (strstr (svg, "<title>Motor policy — current state</title>"));
          g_assert_nonnull (strstr (svg, "<g id=\"lane-l2\">"));
          g_assert_nonnull (strstr (svg, "<g id=\"card-c1\">"));
          g_assert_nonnull (strstr (svg, "<g id=\"flow-f1\">"));
          g_assert_nonnull (strstr (svg, "<g id=\"stage-s1\">"));
          g_assert_nonnull (strstr (svg, ">Compares prices</tspan>"));
        }

      /* Another program draws it. */
      converted = render_run_tool ((const char *[]) { "rsvg-convert", "-o", png, path, NULL });
      if (converted != NULL)
        g_assert_true (g_file_test (png, G_FILE_TEST_IS_REGULAR));
    }
  remove_dir (dir);
}

/* Finds a chunk of @type in a PNG; its data and length. */
static const guint8 *
png_chunk (const guint8 *data,
           gsize         length,
           const char   *type,
           guint32      *chunk_length)
{
  for (gsize p = 8; p + 12 <= length;)
    {
      guint32 n = (guint32) data[p] << 24 | (guint32) data[p + 1] << 16 |
                  (guint32) data[p + 2] << 8 | data[p + 3];

      if (memcmp (data + p + 4, type, 4) == 0)
        {
          *chunk_length = n;
          return data + p + 8;
        }
      p += 12 + n;
    }
  return NULL;
}

static void
test_png_resolution (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "b1.png", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *data = NULL;
  g_autoptr(cairo_surface_t) image = NULL;
  const guint8 *phys, *ihdr;
  guint32 n = 0;
  gsize length;
  TptExportOptions options;

  tpt_export_options_init (&options);
  options.format = TPT_EXPORT_PNG;
  options.artefact = "b1";
  options.dpi = 300;
  g_assert_true (tpt_export (document, file, &options, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));

  /* 300 dpi is 11811 pixels a metre, both ways; and the colours are sRGB. */
  phys = png_chunk (data, length, "pHYs", &n);
  g_assert_nonnull (phys);
  g_assert_cmpuint (n, ==, 9);
  g_assert_cmpuint ((guint32) phys[0] << 24 | phys[1] << 16 | phys[2] << 8 | phys[3], ==, 11811);
  g_assert_cmpuint ((guint32) phys[4] << 24 | phys[5] << 16 | phys[6] << 8 | phys[7], ==, 11811);
  g_assert_cmpuint (phys[8], ==, 1);
  g_assert_nonnull (png_chunk (data, length, "sRGB", &n));
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);

  /* A transparent background is RGBA, with no paper in the corner. */
  g_clear_pointer (&data, g_free);
  options.transparent = TRUE;
  options.dpi = 72;
  g_assert_true (tpt_export (document, file, &options, NULL, &error));
  g_assert_true (g_file_get_contents (path, (char **) &data, &length, NULL));
  ihdr = png_chunk (data, length, "IHDR", &n);
  g_assert_cmpuint (ihdr[9], ==, 6);
  g_clear_pointer (&image, cairo_surface_destroy);
  image = cairo_image_surface_create_from_png (path);
  cairo_surface_flush (image);
  g_assert_cmpuint (*(const guint32 *) (gconstpointer) cairo_image_surface_get_data (image) >> 24,
                    ==, 0);
  remove_dir (dir);
}

/* PDF details ------------------------------------------------------------- */

/* Title, author, subject and keywords on every kind of PDF. */
static void
test_metadata (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autofree char *dir = temp_dir ();
  static const struct { const char *artefact, *poster; } cases[] = {
    { NULL, NULL }, { "needs-matrix", NULL }, { "personas", NULL }, { "coverage", NULL },
    { "b1", "A3" }, { "slides", NULL }, { "p1", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename (dir, "meta.pdf", NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;
      g_autofree char *info = NULL;
      TptExportOptions options;

      tpt_export_options_init (&options);
      options.artefact = cases[i].artefact;
      options.poster = cases[i].poster;
      g_assert_true (tpt_export (document, file, &options, NULL, &error));
      g_assert_no_error (error);
      info = render_run_tool ((const char *[]) { "pdfinfo", path, NULL });
      if (info == NULL)
        break;
      g_assert_nonnull (strstr (info, "Title:           Motor insurance — policy to claim"));
      g_assert_nonnull (strstr (info, "Author:          Northgate Mutual"));
      g_assert_nonnull (strstr (info, "Subject:         How a private"));
      g_assert_nonnull (strstr (info, "Keywords:        service design"));
    }
  remove_dir (dir);
}

/* Each entry of the cover's contents is a link to its page. */
static void
test_contents_links (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autoptr(TptExportPlan) plan = NULL;
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "links.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  TptExportOptions options;
  guint n_links = 0, n_entries = 0;

  tpt_export_options_init (&options);
  plan = tpt_export_plan_new (document, PANGO_CONTEXT (context), &options, &error);
  g_assert_no_error (error);
  /* The cover lists every page with a title but itself. */
  for (guint i = 1; i < tpt_export_plan_get_n_pages (plan); i++)
    n_entries += tpt_export_plan_get_page (plan, i)->title != NULL;
  g_assert_true (tpt_export (document, file, &options, NULL, &error));
  g_assert_no_error (error);

  json = render_run_tool ((const char *[]) { "qpdf", "--json", "--json-key=qpdf", path, NULL });
  if (json != NULL)
    {
      for (const char *p = json; (p = strstr (p, "\"/Subtype\": \"/Link\"")) != NULL; p++)
        n_links++;
      g_assert_cmpuint (n_entries, >=, 5);
      g_assert_cmpuint (n_links, ==, n_entries);
      g_assert_nonnull (strstr (json, "\"/Dest\""));
    }
  remove_dir (dir);
}

/* The legend lists only the notation the blueprint uses; an empty
 * blueprint says it is empty. */
static void
test_legend_used (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<touchpoint format=\"1\"><meta><title>Legend</title></meta>\n"
    "  <blueprint id=\"b1\" state=\"current\"><title>Used</title>\n"
    "    <lane id=\"l1\" kind=\"customer\"><title>Customer</title></lane>\n"
    "    <lane id=\"l2\" kind=\"frontstage\"><title>Desk</title></lane>\n"
    "    <stage id=\"s1\"><title>Go</title><step id=\"t1\"><title>Step</title></step></stage>\n"
    "    <card id=\"c1\" lane=\"l1\" step=\"t1\" kind=\"action\"><text>Asks</text></card>\n"
    "    <card id=\"c2\" lane=\"l2\" step=\"t1\" kind=\"fail\"><text>Fails</text></card>\n"
    "  </blueprint>\n"
    "  <blueprint id=\"b2\" state=\"current\"><title>Empty</title></blueprint>\n"
    "</touchpoint>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = tpt_document_load_bytes (bytes, &error);
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autoptr(TptBlueprintLayout) used = NULL;
  g_autoptr(TptBlueprintLayout) empty = NULL;
  guint cards = 0, lines = 0;

  g_assert_no_error (error);
  used = tpt_blueprint_layout_new (document, TPT_BLUEPRINT (tpt_document_lookup (document, "b1")),
                                   PANGO_CONTEXT (context));
  for (guint i = 0; i < used->legend->len; i++)
    {
      const TptLayoutLegendItem *item = &g_array_index (used->legend, TptLayoutLegendItem, i);

      g_assert_cmpint (item->kind, !=, TPT_LEGEND_FLOW);
      g_assert_cmpint (item->kind, !=, TPT_LEGEND_EMOTION);
      g_assert_cmpint (item->kind, !=, TPT_LEGEND_NOTE);
      if (item->kind == TPT_LEGEND_CARD)
        {
          g_assert_true (item->value == TPT_CARD_KIND_ACTION || item->value == TPT_CARD_KIND_FAIL);
          cards++;
        }
      lines += item->kind == TPT_LEGEND_LINE;
    }
  g_assert_cmpuint (cards, ==, 2);
  g_assert_cmpuint (lines, ==, 1);

  empty = tpt_blueprint_layout_new (document, TPT_BLUEPRINT (tpt_document_lookup (document, "b2")),
                                    PANGO_CONTEXT (context));
  g_assert_cmpuint (empty->legend->len, ==, 1);
  g_assert_cmpint (g_array_index (empty->legend, TptLayoutLegendItem, 0).kind, ==,
                   TPT_LEGEND_NOTE);
}

/* A persona written right to left has its avatar, quote bar and bullets
 * on the right. */
static void
test_rtl_persona (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(TptPersona) persona = tpt_persona_new (document);
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  const char *goals[] = { "إنهاء المطالبة عبر الهاتف", NULL };
  const TptTheme *theme = tpt_theme_get (TPT_THEME_LIGHT);
  double width = TPT_PERSONA_CARD_WIDTH, height;
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;

  tpt_document_begin (document, "Add");
  tpt_persona_set_name (persona, "ليلى حداد");
  tpt_persona_set_quote (persona, "أريد أن أعرف أين وصلت مطالبتي");
  tpt_persona_set_goals (persona, goals);
  tpt_persona_set_color (persona, "#ff0000");
  tpt_document_insert_persona (document, 0, persona);
  tpt_document_end (document);

  height = tpt_persona_card_measure (PANGO_CONTEXT (context), persona, width);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) width, (int) height);
  cr = cairo_create (surface);
  tpt_persona_card_render (cr, PANGO_CONTEXT (context), persona, theme, width);
  /* Below the top stripe, the persona's red is on the right: the avatar
   * and the quote bar; none down the left edge. */
  cairo_surface_flush (surface);
  {
    guint reds = 0;
    const guint8 *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);

    for (int y = 8; y < (int) height; y++)
      for (int x = (int) width - 40; x < (int) width; x++)
        reds += (*(const guint32 *) (gconstpointer) (data + y * stride + 4 * x) & 0xffffff)
                == 0xff0000;
    g_assert_cmpuint (reds, >, 50);
  }
  {
    guint left_reds = 0;
    const guint8 *data = cairo_image_surface_get_data (surface);
    int stride = cairo_image_surface_get_stride (surface);

    for (int y = 8; y < (int) height; y++)
      for (int x = 0; x < 40; x++)
        left_reds += (*(const guint32 *) (gconstpointer) (data + y * stride + 4 * x) & 0xffffff)
                     == 0xff0000;
    g_assert_cmpuint (left_reds, ==, 0);
  }
}

/* Two flows between the same two cards, one each way, are drawn apart. */
static void
test_parallel_flows (void)
{
  static const char xml[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<touchpoint format=\"1\"><meta><title>Flows</title></meta>\n"
    "  <blueprint id=\"b1\" state=\"current\"><title>Flows</title>\n"
    "    <lane id=\"l1\" kind=\"customer\"><title>Customer</title></lane>\n"
    "    <stage id=\"s1\"><title>Go</title><step id=\"t1\"><title>One</title></step>\n"
    "      <step id=\"t2\"><title>Two</title></step></stage>\n"
    "    <card id=\"c1\" lane=\"l1\" step=\"t1\" kind=\"action\"><text>Asks</text></card>\n"
    "    <card id=\"c2\" lane=\"l1\" step=\"t2\" kind=\"action\"><text>Answers</text></card>\n"
    "    <flow id=\"f1\" from=\"c1\" to=\"c2\" arrow=\"single\"/>\n"
    "    <flow id=\"f2\" from=\"c2\" to=\"c1\" arrow=\"single\"/>\n"
    "    <flow id=\"f3\" from=\"c1\" to=\"c2\" arrow=\"double\"/>\n"
    "  </blueprint>\n"
    "</touchpoint>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (xml, sizeof xml - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = tpt_document_load_bytes (bytes, &error);
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  g_autoptr(TptBlueprintLayout) layout = NULL;

  g_assert_no_error (error);
  layout = tpt_blueprint_layout_new (document, TPT_BLUEPRINT (tpt_document_lookup (document, "b1")),
                                     PANGO_CONTEXT (context));
  g_assert_cmpuint (layout->flows->len, ==, 3);
  for (guint i = 0; i < layout->flows->len; i++)
    for (guint j = i + 1; j < layout->flows->len; j++)
      {
        const TptLayoutFlow *a = &g_array_index (layout->flows, TptLayoutFlow, i);
        const TptLayoutFlow *b = &g_array_index (layout->flows, TptLayoutFlow, j);
        const TptPoint *pa = &g_array_index (a->points, TptPoint, 0);
        const TptPoint *pb = &g_array_index (b->points, TptPoint, 0);
        const TptPoint *qb = &g_array_index (b->points, TptPoint, b->points->len - 1);

        /* Apart where they leave the first card, whichever way they go. */
        g_assert_cmpfloat (MIN (fabs (pa->y - pb->y), fabs (pa->y - qb->y)) +
                           MIN (fabs (pa->x - pb->x), fabs (pa->x - qb->x)), >=, 3);
      }
}

/* Characters no installed font can draw are reported, once. */
static void
test_missing_glyphs (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "missing.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptCard *card = TPT_CARD (tpt_document_lookup (document, "c1"));
  TptExportResult result;
  TptExportOptions options;
  guint mentions = 0;

  tpt_document_begin (document, "Edit");
  tpt_card_set_text (card, "A card with \xf4\x8f\xbf\xbd in it, twice \xf4\x8f\xbf\xbd");
  tpt_document_end (document);
  tpt_export_options_init (&options);
  g_assert_true (tpt_export_full (document, file, &options, &result, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; result.warnings[i] != NULL; i++)
    mentions += strstr (result.warnings[i], "U+10FFFD") != NULL;
  g_assert_cmpuint (mentions, ==, 1);
  tpt_export_result_clear (&result);
  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/render/paper/table", test_table);
  g_test_add_func ("/tpt/render/paper/write-error", test_write_error);
  g_test_add_func ("/tpt/render/paper/cli-write-error", test_cli_write_error);
  g_test_add_func ("/tpt/render/paper/cli-signals", test_cli_signals);
  g_test_add_func ("/tpt/render/paper/cli-self", test_cli_self);
  g_test_add_func ("/tpt/render/paper/handout", test_handout);
  g_test_add_func ("/tpt/render/paper/fitted-long", test_fitted_long);
  g_test_add_func ("/tpt/render/paper/poster-no-blank", test_poster_no_blank);
  g_test_add_func ("/tpt/render/paper/cli-poster", test_cli_poster);
  g_test_add_func ("/tpt/render/paper/slides-readable", test_slides_readable);
  g_test_add_func ("/tpt/render/paper/svg-text", test_svg_text);
  g_test_add_func ("/tpt/render/paper/png-resolution", test_png_resolution);
  g_test_add_func ("/tpt/render/paper/metadata", test_metadata);
  g_test_add_func ("/tpt/render/paper/contents-links", test_contents_links);
  g_test_add_func ("/tpt/render/paper/legend-used", test_legend_used);
  g_test_add_func ("/tpt/render/paper/rtl-persona", test_rtl_persona);
  g_test_add_func ("/tpt/render/paper/parallel-flows", test_parallel_flows);
  g_test_add_func ("/tpt/render/paper/missing-glyphs", test_missing_glyphs);

  return g_test_run ();
}
