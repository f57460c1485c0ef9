/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-export.h"
#include "tpt-artefact-drawing.h"
#include "tpt-export-plan.h"
#include "tpt-error.h"
#include "tpt-pdf-amend.h"
#include "tpt-persona-renderer.h"
#include "tpt-safe-replace.h"
#include "tpt-svg-writer.h"
#include "tpt-text.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (tpt-export-error-quark, tpt_export_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_surface_t, cairo_surface_destroy)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (cairo_t, cairo_destroy)

/* Cairo writes through this into the output stream. cairo 1.16 does not
 * survive a failed write everywhere (the PDF surface asserts, or crashes
 * in cairo_surface_finish()), so a failure is kept, every later write is
 * swallowed as if it had worked, and the error is reported once cairo is
 * done. */
typedef struct
{
  GOutputStream *stream;
  GCancellable  *cancellable;
  GError        *error;
  /* A PNG gets its resolution and colour space after its header. */
  gsize          written;
  double         dpi;
} Sink;

/* The PNG signature and its IHDR chunk. */
#define PNG_HEADER_SIZE (8 + 4 + 4 + 13 + 4)

static guint32
crc32_update (guint32       crc,
              const guint8 *data,
              gsize         length)
{
  static guint32 table[256];
  static gsize made = 0;

  if (g_once_init_enter (&made))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (guint k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
          table[n] = c;
        }
      g_once_init_leave (&made, 1);
    }
  crc ^= 0xffffffffu;
  for (gsize i = 0; i < length; i++)
    crc = table[(crc ^ data[i]) & 0xff] ^ (crc >> 8);
  return crc ^ 0xffffffffu;
}

static void
put_u32 (guint8  *out,
         guint32  value)
{
  out[0] = value >> 24;
  out[1] = value >> 16;
  out[2] = value >> 8;
  out[3] = value;
}

/* A PNG chunk: length, type, data, CRC of type and data. */
static gsize
png_chunk (guint8       *out,
           const char   *type,
           const guint8 *data,
           guint32       length)
{
  put_u32 (out, length);
  memcpy (out + 4, type, 4);
  memcpy (out + 8, data, length);
  put_u32 (out + 8 + length, crc32_update (0, out + 4, 4 + length));
  return 12 + length;
}

static gboolean
sink_put (Sink         *sink,
          const guint8 *data,
          gsize         length)
{
  if (sink->error != NULL)
    return FALSE;
  return g_output_stream_write_all (sink->stream, data, length, NULL, sink->cancellable,
                                    &sink->error);
}

static cairo_status_t
sink_write_cb (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Sink *sink = closure;
  gsize head = 0;

  if (sink->error != NULL)
    return CAIRO_STATUS_SUCCESS;

  /* The pHYs chunk (pixels per metre) and sRGB, right after IHDR, so
   * layout programs place a 300 dpi image at its size. */
  if (sink->dpi > 0 && sink->written < PNG_HEADER_SIZE &&
      sink->written + length >= PNG_HEADER_SIZE)
    {
      guint8 chunks[64], phys[9], srgb[1] = { 0 };
      guint32 ppm = (guint32) lround (sink->dpi / 0.0254);
      gsize n;

      head = PNG_HEADER_SIZE - sink->written;
      put_u32 (phys, ppm);
      put_u32 (phys + 4, ppm);
      phys[8] = 1;
      n = png_chunk (chunks, "pHYs", phys, sizeof phys);
      n += png_chunk (chunks + n, "sRGB", srgb, sizeof srgb);
      if (!sink_put (sink, data, head) || !sink_put (sink, chunks, n))
        return CAIRO_STATUS_SUCCESS;
    }
  sink_put (sink, data + head, length - head);
  sink->written += length;
  return CAIRO_STATUS_SUCCESS;
}

void
tpt_export_options_init (TptExportOptions *options)
{
  g_return_if_fail (options != NULL);

  *options = (TptExportOptions) {
    .format = TPT_EXPORT_PDF,
    .dpi = 96,
    .theme = TPT_THEME_LIGHT,
    .overlap_mm = 10,
  };
}

/**
 * tpt_export_result_clear:
 * @result: a result
 *
 * Frees what tpt_export_full() put in @result.
 */
void
tpt_export_result_clear (TptExportResult *result)
{
  g_return_if_fail (result != NULL);

  g_clear_pointer (&result->notes, g_strfreev);
  g_clear_pointer (&result->warnings, g_strfreev);
  *result = (TptExportResult) { 0 };
}

/**
 * tpt_export_format_for_path:
 * @path: a file name
 * @format: (out): the format its extension names
 *
 * Returns: %TRUE for ".pdf", ".svg" and ".png", in any case
 */
gboolean
tpt_export_format_for_path (const char      *path,
                            TptExportFormat *format)
{
  static const struct { const char *ext; TptExportFormat format; } formats[] = {
    { ".pdf", TPT_EXPORT_PDF }, { ".svg", TPT_EXPORT_SVG }, { ".png", TPT_EXPORT_PNG },
  };
  const char *dot;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  dot = strrchr (path, '.');
  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (formats); i++)
    if (g_ascii_strcasecmp (dot, formats[i].ext) == 0)
      {
        *format = formats[i].format;
        return TRUE;
      }

  return FALSE;
}

static gboolean
sink_ok (cairo_surface_t  *surface,
         Sink             *sink,
         GError          **error)
{
  cairo_status_t status = surface != NULL ? cairo_surface_status (surface)
                                          : CAIRO_STATUS_SUCCESS;
  const char *failure = surface != NULL ? tpt_persona_render_get_failure (surface) : NULL;

  if (sink->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&sink->error));
      return FALSE;
    }
  /* A photo that could not be decoded is not left out silently. */
  if (failure != NULL)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_FAILED, failure);
      return FALSE;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_FAILED,
                   _("Drawing failed: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Title, author, subject and keywords, the same on every export. */
static void
set_metadata (cairo_surface_t *surface,
              TptDocument     *document,
              const char      *what)
{
  const char *title = tpt_document_get_title (document);
  const char *author = tpt_document_get_author (document);
  const char *description = tpt_document_get_description (document);
  g_autoptr(GString) keywords = g_string_new (_("service design"));
  GListModel *blueprints = tpt_document_get_blueprints (document);
  g_autofree char *full_title = NULL;
  g_autofree char *subject = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    {
      g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (blueprints, i);

      g_string_append_printf (keywords, ", %s", tpt_blueprint_get_title (blueprint));
    }
  if (g_list_model_get_n_items (blueprints) > 0)
    g_string_append_printf (keywords, ", %s", _("service blueprint"));
  if (g_list_model_get_n_items (tpt_document_get_personas (document)) > 0)
    g_string_append_printf (keywords, ", %s", _("personas"));
  if (g_list_model_get_n_items (tpt_document_get_needs (document)) > 0)
    g_string_append_printf (keywords, ", %s", _("needs matrix"));

  if (title == NULL || *title == '\0')
    title = _("Untitled document");
  full_title = what != NULL ? g_strdup_printf ("%s — %s", title, what) : g_strdup (title);
  subject = description != NULL && *description != '\0'
            ? g_strdup (description)
            /* Translators: a PDF's subject when the document has no description. */
            : g_strdup_printf (_("Service blueprints, personas and customer needs: %s"), title);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, full_title);
  if (author != NULL && *author != '\0')
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, keywords->str);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Touchpoint " PACKAGE_VERSION);
}

static gboolean
write_pdf (TptDocument             *document,
           TptExportPlan           *plan,
           const TptExportOptions  *options,
           GHashTable              *missing,
           Sink                    *sink,
           GError                 **error)
{
  const TptTheme *theme = tpt_theme_get (options->theme);
  TptArtefactDrawing *one = tpt_export_plan_get_drawing (plan);
  g_autofree char *what = one != NULL ? tpt_artefact_drawing_dup_title (one) : NULL;
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  guint n = tpt_export_plan_get_n_pages (plan);

  surface = cairo_pdf_surface_create_for_stream (sink_write_cb, sink, 595, 842);
  cairo_pdf_surface_restrict_to_version (surface, CAIRO_PDF_VERSION_1_5);
  set_metadata (surface, document,
                g_strcmp0 (options->artefact, "slides") == 0 ? _("Slides") : what);
  cr = cairo_create (surface);
  tpt_text_set_missing (cr, missing);

  for (guint i = 0; i < n; i++)
    {
      const TptPlanPage *page = tpt_export_plan_get_page (plan, i);

      cairo_pdf_surface_set_size (surface, page->width, page->height);
      if (page->title != NULL)
        {
          g_autofree char *link = g_strdup_printf ("page=%u", i + 1);

          cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, page->title, link, 0);
        }
      tpt_export_plan_render_page (plan, i, cr, theme);
      cairo_show_page (cr);

      if (sink->error == NULL &&
          g_cancellable_set_error_if_cancelled (sink->cancellable, &sink->error))
        break;
    }

  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_finish (surface);
  return sink_ok (surface, sink, error);
}

static gboolean
write_svg (TptArtefactDrawing      *drawing,
           const TptExportOptions  *options,
           GHashTable              *missing,
           Sink                    *sink,
           GError                 **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!tpt_svg_write (drawing, tpt_theme_get (options->theme), sink->stream, missing,
                      sink->cancellable, &local_error))
    {
      if (sink->error == NULL)
        sink->error = g_steal_pointer (&local_error);
    }
  return sink_ok (NULL, sink, error);
}

static gboolean
write_png (TptArtefactDrawing      *drawing,
           const TptExportOptions  *options,
           GHashTable              *missing,
           Sink                    *sink,
           GError                 **error)
{
  double scale = options->dpi / 72.0;
  double width = ceil (drawing->bounds.width * scale);
  double height = ceil (drawing->bounds.height * scale);
  const TptTheme *theme = tpt_theme_get (options->theme);
  g_autoptr(cairo_surface_t) surface = NULL;
  g_autoptr(cairo_t) cr = NULL;
  cairo_status_t status;

  surface = cairo_image_surface_create (options->transparent ? CAIRO_FORMAT_ARGB32
                                                             : CAIRO_FORMAT_RGB24,
                                        (int) width, (int) height);
  cr = cairo_create (surface);
  tpt_text_set_missing (cr, missing);
  tpt_theme_set_no_paper (cr, options->transparent);
  if (!options->transparent)
    {
      tpt_color_set_source (cr, &theme->paper);
      cairo_paint (cr);
    }
  cairo_scale (cr, scale, scale);
  tpt_artefact_drawing_render (drawing, cr, theme);
  g_clear_pointer (&cr, cairo_destroy);
  cairo_surface_flush (surface);
  if (!sink_ok (surface, sink, error))
    return FALSE;

  sink->dpi = options->dpi;
  status = cairo_surface_write_to_png_stream (surface, sink_write_cb, sink);
  if (!sink_ok (NULL, sink, error))
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_FAILED,
                   _("Writing the image failed: %s"), cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_image_size (TptArtefactDrawing      *drawing,
                  const TptExportOptions  *options,
                  GError                 **error)
{
  double scale = options->dpi / 72.0;
  double width = ceil (drawing->bounds.width * scale);
  double height = ceil (drawing->bounds.height * scale);
  double fits = options->dpi * MIN (32767 / width,
                                    MIN (sqrt (TPT_EXPORT_MAX_PIXELS / (width * height)),
                                         32767 / height));

  if (fits >= options->dpi)
    return TRUE;

  g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_TOO_LARGE,
               _("At %g dpi the image would be %.0f × %.0f pixels, too large; "
                 "%d dpi or less fits"),
               options->dpi, width, height, MAX ((int) floor (fits), 1));
  return FALSE;
}

/* What an SVG or PNG shows: the artefact named, or the only blueprint. */
static TptArtefactDrawing *
image_drawing (TptDocument             *document,
               PangoContext            *context,
               const TptExportOptions  *options,
               GError                 **error)
{
  TptArtefactKind kind = TPT_ARTEFACT_BLUEPRINT;
  TptNode *target = NULL;
  TptCoverageFilter filter = { NULL, NULL, NULL };

  if (g_strcmp0 (options->artefact, "slides") == 0)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                           _("Slides export to PDF, a page a slide; export them to a .pdf file"));
      return NULL;
    }
  if (!tpt_export_plan_resolve_options (document, options, &kind, &target, &filter, error))
    return NULL;
  if (options->artefact == NULL)
    {
      GListModel *all = tpt_document_get_blueprints (document);
      guint n = g_list_model_get_n_items (all);
      g_autoptr(GString) ids = g_string_new (NULL);

      if (n == 1)
        {
          g_autoptr(GObject) only = g_list_model_get_item (all, 0);

          return tpt_artefact_drawing_new (kind, document, TPT_NODE (only), context);
        }
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (all, i);

          g_string_append_printf (ids, "%s%s", i > 0 ? ", " : "",
                                  tpt_node_get_id (TPT_NODE (blueprint)));
        }
      if (n == 0)
        g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                             _("The document has no blueprint to export"));
      else
        g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                     _("An image holds one artefact; choose one of %s, or cover, personas, "
                       "needs-matrix, coverage, journeys, case-for-change or a persona’s id, "
                       "with --artefact"), ids->str);
      return NULL;
    }
  return tpt_artefact_drawing_new_filtered (kind, document, target, context, &filter);
}

static gboolean
check_options (const TptExportOptions  *options,
               GError                 **error)
{
  if (options->changes_since != NULL &&
      (options->format != TPT_EXPORT_PDF || options->artefact != NULL || options->poster != NULL))
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("The pages of changes go in a PDF of the whole document; export "
                             "it to a .pdf file, without an artefact or poster"));
      return FALSE;
    }
  if (options->format != TPT_EXPORT_PDF &&
      (options->poster != NULL || options->page_size != NULL || options->landscape))
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           options->poster != NULL
                           ? _("A poster is a PDF; export it to a .pdf file")
                           : _("A page size applies to PDF only"));
      return FALSE;
    }
  if (options->format != TPT_EXPORT_PDF &&
      (options->poster_scale > 0 || options->sheets_wide > 0 || options->poster_width_mm > 0 ||
       options->sheets != NULL))
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("A scale, a width, a number of sheets or a choice of sheets "
                             "applies to a poster only"));
      return FALSE;
    }
  if (options->format == TPT_EXPORT_PNG &&
      !(options->dpi >= TPT_EXPORT_MIN_DPI && options->dpi <= TPT_EXPORT_MAX_DPI))
    {
      g_set_error (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                   _("The resolution must be between %d and %d dpi"),
                   TPT_EXPORT_MIN_DPI, TPT_EXPORT_MAX_DPI);
      return FALSE;
    }
  if (options->transparent && options->format != TPT_EXPORT_PNG)
    {
      g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                           _("A transparent background applies to PNG images only"));
      return FALSE;
    }
  return TRUE;
}

static int
compare_chars (gconstpointer a,
               gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (a), y = GPOINTER_TO_UINT (b);

  return (x > y) - (x < y);
}

/* The characters no installed font has, named once. */
static char *
describe_missing (GHashTable *missing)
{
  g_autoptr(GList) chars = g_hash_table_get_keys (missing);
  g_autoptr(GString) list = g_string_new (NULL);
  guint n = 0;

  chars = g_list_sort (chars, compare_chars);
  for (GList *l = chars; l != NULL && n < 12; l = l->next, n++)
    {
      gunichar ch = GPOINTER_TO_UINT (l->data);
      char utf8[8] = { 0 };

      g_unichar_to_utf8 (ch, utf8);
      g_string_append_printf (list, "%s%s (U+%04X)", n > 0 ? ", " : "", utf8, ch);
    }
  if (g_hash_table_size (missing) > n)
    g_string_append_printf (list, ", …");
  return g_strdup_printf (ngettext ("no installed font can draw %s; it shows as a box",
                                    "no installed font can draw %s; they show as boxes",
                                    g_hash_table_size (missing)),
                          list->str);
}

/* The data goes to a temporary file beside @file that takes its place
 * only when complete, keeping its mode and owner and following a link
 * (tpt-safe-replace.c): GIO's own replace writes a new file in place,
 * which a failure would leave half written. The temporary file is removed
 * on failure, and by tpt_temp_file_remove_all() if a signal ends the
 * process meanwhile. */
static gboolean
write_file (TptDocument             *document,
            GFile                   *file,
            const TptExportOptions  *options,
            TptExportPlan           *plan,
            TptArtefactDrawing      *drawing,
            GHashTable              *missing,
            GCancellable            *cancellable,
            GError                 **error)
{
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GFile) tmp = NULL;
  g_autoptr(TptSafeReplace) replace = NULL;
  g_autoptr(GError) local_error = NULL;
  Sink sink = { 0 };
  gboolean ok = FALSE;

  if (!g_file_is_native (file))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Can only export to a local file"));
      return FALSE;
    }
  replace = tpt_safe_replace_new (file, &local_error);
  if (replace == NULL)
    {
      g_autofree char *display = g_file_get_parse_name (file);
      int code = local_error->code == TPT_ERROR_NOT_WRITABLE ? G_IO_ERROR_PERMISSION_DENIED :
                 local_error->code == TPT_ERROR_FOLDER_GONE ? G_IO_ERROR_NOT_FOUND :
                 G_IO_ERROR_FAILED;

      g_set_error (error, G_IO_ERROR, code, _("Could not write “%s”: %s"), display,
                   local_error->message);
      return FALSE;
    }
  tmp = tpt_safe_replace_get_temp (replace);

  stream = g_file_append_to (tmp, G_FILE_CREATE_NONE, cancellable, error);
  if (stream != NULL)
    {
      sink.stream = G_OUTPUT_STREAM (stream);
      sink.cancellable = cancellable;

      switch (options->format)
        {
        case TPT_EXPORT_PDF:
          ok = write_pdf (document, plan, options, missing, &sink, error);
          break;
        case TPT_EXPORT_SVG:
          ok = write_svg (drawing, options, missing, &sink, error);
          break;
        case TPT_EXPORT_PNG:
        default:
          ok = write_png (drawing, options, missing, &sink, error);
          break;
        }

      if (ok)
        ok = g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, error);
      else
        g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
    }

  /* What cairo cannot write into a PDF is appended to it. */
  if (ok && plan != NULL)
    {
      g_autoptr(TptPdfAmend) amend = tpt_pdf_amend_new ();
      g_autofree char *tmp_path = g_file_get_path (tmp);
      int fd = g_open (tmp_path, O_RDWR | O_CLOEXEC, 0);

      if (fd < 0)
        {
          int errsv = errno;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                               g_strerror (errsv));
          ok = FALSE;
        }
      else
        {
          tpt_export_plan_amend (plan, amend);
          ok = tpt_pdf_amend_apply (amend, fd, error);
          if (!g_close (fd, ok ? error : NULL))
            ok = FALSE;
        }
    }

  if (ok && !tpt_safe_replace_commit (replace, &local_error))
    {
      g_autofree char *display = g_file_get_parse_name (file);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), display,
                   local_error->message);
      ok = FALSE;
    }

  return ok;
}

/**
 * tpt_export_full:
 * @document: the document
 * @file: where to write
 * @options: what to write
 * @result: (out caller-allocates) (optional): what was written, for the
 *   caller to report; free with tpt_export_result_clear()
 * @cancellable: (nullable): a cancellable
 * @error: the place for an error
 *
 * Exports @document, or the artefact @options names, to @file, which must
 * be local. Everything that can be checked is checked before anything is
 * written; the data goes to a temporary file beside @file that replaces it
 * only once complete, so a failure (a full disk, a file size limit) leaves
 * @file as it was, or absent, and no temporary file.
 *
 * Returns: %TRUE on success
 */
gboolean
tpt_export_full (TptDocument             *document,
                 GFile                   *file,
                 const TptExportOptions  *options,
                 TptExportResult         *result,
                 GCancellable            *cancellable,
                 GError                 **error)
{
  g_autoptr(GObject) context = NULL;
  g_autoptr(TptExportPlan) plan = NULL;
  g_autoptr(TptArtefactDrawing) drawing = NULL;
  g_autoptr(GHashTable) missing = g_hash_table_new (NULL, NULL);
  g_autoptr(GStrvBuilder) notes = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) warnings = g_strv_builder_new ();

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);
  g_return_val_if_fail (options->changes_since == NULL ||
                        (TPT_IS_DOCUMENT (options->changes_since) &&
                         options->changes_since_name != NULL), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (result != NULL)
    *result = (TptExportResult) { 0 };
  if (!check_options (options, error))
    return FALSE;

  context = G_OBJECT (tpt_text_context_new ());
  if (options->format == TPT_EXPORT_PDF)
    {
      plan = tpt_export_plan_new (document, PANGO_CONTEXT (context), options, error);
      if (plan == NULL)
        return FALSE;
      g_strv_builder_addv (notes, (const char **) tpt_export_plan_get_notes (plan));
      g_strv_builder_addv (warnings, (const char **) tpt_export_plan_get_warnings (plan));
    }
  else
    {
      drawing = image_drawing (document, PANGO_CONTEXT (context), options, error);
      if (drawing == NULL)
        return FALSE;
      if (options->format == TPT_EXPORT_PNG && !check_image_size (drawing, options, error))
        return FALSE;
    }

  if (!write_file (document, file, options, plan, drawing, missing, cancellable, error))
    return FALSE;

  if (g_hash_table_size (missing) > 0)
    {
      g_autofree char *line = describe_missing (missing);

      g_strv_builder_add (warnings, line);
    }
  if (result != NULL)
    {
      result->n_pages = plan != NULL ? tpt_export_plan_get_n_pages (plan) : 1;
      result->smallest_text = plan != NULL ? tpt_export_plan_get_smallest_text (plan)
                                           : tpt_artefact_drawing_get_smallest_text (drawing);
      result->notes = g_strv_builder_end (notes);
      result->warnings = g_strv_builder_end (warnings);
    }
  return TRUE;
}

/**
 * tpt_export:
 * @document: the document
 * @file: where to write
 * @options: what to write
 * @cancellable: (nullable): a cancellable
 * @error: the place for an error
 *
 * Exports as tpt_export_full() does, without a report.
 *
 * Returns: %TRUE on success
 */
gboolean
tpt_export (TptDocument             *document,
            GFile                   *file,
            const TptExportOptions  *options,
            GCancellable            *cancellable,
            GError                 **error)
{
  return tpt_export_full (document, file, options, NULL, cancellable, error);
}

/**
 * tpt_export_check_target:
 * @source: (nullable): the document's own file
 * @target: where an export is to go
 * @touchpoint: whether the export is a Touchpoint document
 * @error: the place for an error
 *
 * Refuses an export that would replace the document it comes from with a
 * drawing: @target is @source, or the same file through a link. A
 * Touchpoint export may go there.
 *
 * Returns: whether exporting to @target is fine
 */
gboolean
tpt_export_check_target (GFile     *source,
                         GFile     *target,
                         gboolean   touchpoint,
                         GError   **error)
{
  g_autofree char *source_path = source != NULL ? g_file_get_path (source) : NULL;
  g_autofree char *target_path = g_file_get_path (target);
  GStatBuf a, b;

  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  if (touchpoint || source_path == NULL || target_path == NULL)
    return TRUE;
  if (g_stat (source_path, &a) != 0 || g_stat (target_path, &b) != 0)
    return TRUE;
  if (a.st_dev != b.st_dev || a.st_ino != b.st_ino)
    return TRUE;

  g_set_error_literal (error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_BAD_OPTION,
                       _("That is the document itself; exporting to it would replace it with a "
                         "drawing. Choose another file"));
  return FALSE;
}
