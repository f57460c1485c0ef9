/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-export-dialog.h"

#include "tpt-blueprint-layout.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-cover.h"
#include "tpt-format.h"
#include "tpt-coverage-renderer.h"
#include "tpt-slide-renderer.h"
#include "tpt-matrix-renderer.h"
#include "tpt-page-size.h"
#include "tpt-persona-renderer.h"
#include "tpt-poster.h"
#include "tpt-print.h"
#include "tpt-start-folder.h"
#include "tpt-text.h"

/* The Export dialog: every option of `touchpoint --export`, with a preview
 * of the first page or of the poster's sheets. In Print Poster mode the
 * same options lay out a poster for the printer instead of a file, since
 * the print portal can't show options of ours. */

static const char *paper_names[] = {
  "A4", "A3", "A2", "A1", "A0", "Letter", "Legal", "Tabloid", "ARCH-C", "ARCH-D", "ARCH-E",
};

struct _TptExportDialog
{
  AdwWindow            parent_instance;

  /* children */
  AdwComboRow         *format_row;
  AdwComboRow         *content_row;
  AdwComboRow         *page_row;
  AdwActionRow        *landscape_row;
  GtkSwitch           *landscape_switch;
  AdwComboRow         *theme_row;
  AdwActionRow        *dpi_row;
  GtkSpinButton       *dpi_spin;
  AdwExpanderRow      *poster_row;
  AdwComboRow         *paper_row;
  AdwActionRow        *scale_row;
  GtkSpinButton       *scale_spin;
  AdwActionRow        *sheets_row;
  GtkSpinButton       *sheets_spin;
  GtkSpinButton       *overlap_spin;
  GtkSwitch           *marks_switch;
  AdwActionRow        *changes_row;
  GtkSwitch           *changes_switch;
  GtkDrawingArea      *preview;
  GtkLabel            *caption;
  GtkLabel            *problem;
  GtkButton           *action_button;
  GtkSpinner          *spinner;
  GPtrArray           *slides;        /* what "Slides" exports, listed once */
  AdwToastOverlay     *toasts;

  /* owned */
  TptDocument         *document;
  GFile               *document_file;
  GPtrArray           *blueprints;
  GSettings           *settings;
  PangoContext        *context;
  TptBlueprintLayout  *layout;
  GtkFileChooserNative *chooser;
  GCancellable        *cancellable;
  TptDocument         *changes_since;   /* Compare with…'s older version */
  char                *changes_since_name;

  TptExportDialogMode  mode;
};

G_DEFINE_FINAL_TYPE (TptExportDialog, tpt_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static TptBlueprint *
selected_blueprint (TptExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->content_row);

  /* Row 0 is the whole document, in export mode. */
  if (self->mode == TPT_EXPORT_DIALOG_EXPORT)
    {
      if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
        return NULL;
      selected--;
    }
  return selected < self->blueprints->len ? self->blueprints->pdata[selected] : NULL;
}

/* After the blueprints, the Content list offers the artefacts that are not
 * blueprints, by the names `--artefact` knows them by. */
static const char *other_artefacts[] = { "personas", "needs-matrix", "coverage", "cover", "slides" };

static const char *
selected_other (TptExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->content_row);

  if (self->mode != TPT_EXPORT_DIALOG_EXPORT || selected == GTK_INVALID_LIST_POSITION ||
      selected < 1 + self->blueprints->len)
    return NULL;
  selected -= 1 + self->blueprints->len;
  return selected < G_N_ELEMENTS (other_artefacts) ? other_artefacts[selected] : NULL;
}

static TptExportFormat
selected_format (TptExportDialog *self)
{
  if (self->mode == TPT_EXPORT_DIALOG_PRINT_POSTER)
    return TPT_EXPORT_PDF;
  switch (adw_combo_row_get_selected (self->format_row))
    {
    case 1:
      return TPT_EXPORT_SVG;
    case 2:
      return TPT_EXPORT_PNG;
    default:
      return TPT_EXPORT_PDF;
    }
}

/* The dialog is modal, so the document keeps its slides while it is
 * open: they are listed once, not at every preview. */
static GPtrArray *
dialog_slides (TptExportDialog *self)
{
  if (self->slides == NULL)
    self->slides = tpt_slides_list_for_showing (self->document);
  return self->slides;
}

/* The slides, 16:9 pages of the presentation. */
static gboolean
is_slides (TptExportDialog *self)
{
  const char *other = selected_other (self);

  return other != NULL && g_str_equal (other, "slides");
}

static gboolean
is_copy (TptExportDialog *self)
{
  return self->mode == TPT_EXPORT_DIALOG_EXPORT &&
         adw_combo_row_get_selected (self->format_row) == 3;
}

static gboolean
is_poster (TptExportDialog *self)
{
  return self->mode == TPT_EXPORT_DIALOG_PRINT_POSTER ||
         (selected_format (self) == TPT_EXPORT_PDF && !is_copy (self) &&
          selected_blueprint (self) != NULL && adw_expander_row_get_enable_expansion (self->poster_row));
}

/* "Changes since …" pages go in a PDF of the whole document. */
static gboolean
offers_changes (TptExportDialog *self)
{
  return self->changes_since != NULL && self->mode == TPT_EXPORT_DIALOG_EXPORT &&
         selected_format (self) == TPT_EXPORT_PDF && !is_copy (self) &&
         selected_blueprint (self) == NULL && selected_other (self) == NULL;
}

/**
 * tpt_export_dialog_get_options:
 * @self: a #TptExportDialog
 * @options: (out caller-allocates): the options chosen; strings point into
 *   the dialog and live as long as it does
 */
void
tpt_export_dialog_get_options (TptExportDialog  *self,
                               TptExportOptions *options)
{
  TptBlueprint *blueprint = selected_blueprint (self);
  guint page = adw_combo_row_get_selected (self->page_row);
  guint paper = adw_combo_row_get_selected (self->paper_row);

  g_return_if_fail (TPT_IS_EXPORT_DIALOG (self));

  tpt_export_options_init (options);
  options->format = selected_format (self);
  options->artefact = blueprint != NULL ? tpt_node_get_id (TPT_NODE (blueprint))
                                         : selected_other (self);
  options->theme = (TptThemeKind) adw_combo_row_get_selected (self->theme_row);
  options->dpi = gtk_spin_button_get_value (self->dpi_spin);
  if (offers_changes (self) && gtk_switch_get_active (self->changes_switch))
    {
      options->changes_since = self->changes_since;
      options->changes_since_name = self->changes_since_name;
    }

  if (is_poster (self))
    {
      options->poster = paper_names[MIN (paper, G_N_ELEMENTS (paper_names) - 1)];
      options->landscape = gtk_switch_get_active (self->landscape_switch);
      options->overlap_mm = gtk_spin_button_get_value (self->overlap_spin);
      options->no_marks = !gtk_switch_get_active (self->marks_switch);
      if (gtk_spin_button_get_value_as_int (self->sheets_spin) > 0)
        options->sheets_wide = (guint) gtk_spin_button_get_value_as_int (self->sheets_spin);
      else
        options->poster_scale = gtk_spin_button_get_value (self->scale_spin);
    }
  else if (options->format == TPT_EXPORT_PDF && page > 0 && !is_slides (self))
    {
      options->page_size = paper_names[MIN (page - 1, G_N_ELEMENTS (paper_names) - 1)];
      options->landscape = gtk_switch_get_active (self->landscape_switch);
    }
}

static void
ensure_layout (TptExportDialog *self)
{
  TptBlueprint *blueprint = selected_blueprint (self);

  if (self->layout != NULL && self->layout->blueprint == blueprint)
    return;

  g_clear_pointer (&self->layout, tpt_blueprint_layout_unref);
  if (blueprint != NULL)
    self->layout = tpt_blueprint_layout_new (self->document, blueprint, self->context);
}

static gboolean
sheet_size (const TptExportOptions *options,
            double                 *width,
            double                 *height)
{
  const char *name = options->poster != NULL ? options->poster : options->page_size;

  if (name == NULL || !tpt_page_size_lookup (name, width, height))
    return FALSE;
  if (options->landscape)
    {
      double w = *width;

      *width = *height;
      *height = w;
    }
  return TRUE;
}

/* Plans the poster the options describe; FALSE with @error if they make
 * none (too many sheets, say). */
static gboolean
plan_poster (TptExportDialog        *self,
             const TptExportOptions *options,
             TptPosterPlan          *plan,
             GError                **error)
{
  double width, height;

  ensure_layout (self);
  if (self->layout == NULL || !sheet_size (options, &width, &height))
    return FALSE;

  return tpt_poster_plan (&self->layout->bounds, width, height, options->poster_scale,
                          options->sheets_wide, options->overlap_mm, plan, error);
}

/**
 * tpt_export_dialog_dup_summary:
 * @self: a #TptExportDialog
 *
 * Returns: (transfer full): what the export will make, e.g. “12 sheets
 *   (4 × 3) of A4”, as the caption under the preview says
 */
char *
tpt_export_dialog_dup_summary (TptExportDialog *self)
{
  TptExportOptions options;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TPT_IS_EXPORT_DIALOG (self), NULL);

  tpt_export_dialog_get_options (self, &options);

  if (is_copy (self))
    return g_strdup (_("A copy of the document, in Touchpoint’s own format"));

  if (options.poster != NULL)
    {
      TptPosterPlan plan;

      if (!plan_poster (self, &options, &plan, &error))
        return g_strdup (error != NULL ? error->message : "");
      /* Translators: a poster: “12 sheets (4 × 3) of A4, landscape”. */
      return g_strdup_printf (ngettext ("%u sheet (%u × %u) of %s%s, and an assembly page",
                                        "%u sheets (%u × %u) of %s%s, and an assembly page",
                                        plan.columns * plan.rows),
                              plan.columns * plan.rows, plan.columns, plan.rows, options.poster,
                              options.landscape ? _(", landscape") : "");
    }

  if (is_slides (self))
    {
      GPtrArray *slides = dialog_slides (self);

      if (options.format != TPT_EXPORT_PDF)
        return g_strdup (_("Slides export to PDF only: choose PDF as the format"));
      return g_strdup_printf (ngettext ("%u slide, on a 16:9 page",
                                        "%u slides, each on a 16:9 page", slides->len),
                              slides->len);
    }

  if (options.format == TPT_EXPORT_PNG)
    {
      ensure_layout (self);
      if (self->layout == NULL)
        return g_strdup (_("An image at the chosen resolution"));
      return g_strdup_printf (_("An image of %d × %d pixels"),
                              (int) ceil (self->layout->bounds.width * options.dpi / 72.0),
                              (int) ceil (self->layout->bounds.height * options.dpi / 72.0));
    }
  if (options.format == TPT_EXPORT_SVG)
    return g_strdup (_("A drawing that scales to any size"));

  if (selected_other (self) != NULL)
    return g_strdup_printf (_("One page, %s"), options.page_size != NULL
                                               ? options.page_size : _("fitted to its content"));

  if (options.artefact == NULL)
    {
      guint n_personas = g_list_model_get_n_items (tpt_document_get_personas (self->document));
      guint n_needs = g_list_model_get_n_items (tpt_document_get_needs (self->document));
      /* As tpt-export.c lays the document out: the cover, the gallery,
       * the matrix, coverage, the analysis, then the blueprints. */
      guint pages = 1 + self->blueprints->len + (n_personas > 0) +
                    (n_needs > 0 && n_personas > 0) + (n_needs > 0 && self->blueprints->len > 0) +
                    tpt_export_count_analysis_pages (self->document);

      return g_strdup_printf (ngettext ("%u page: the cover and contents, then each artefact, %s",
                                        "%u pages: the cover and contents, then each artefact, %s",
                                        pages),
                              pages, options.page_size != NULL ? options.page_size
                                                               : _("each fitted to its content"));
    }
  return g_strdup_printf (_("One page, %s"), options.page_size != NULL
                                             ? options.page_size : _("fitted to the blueprint"));
}

/**
 * tpt_export_dialog_draw_preview:
 * @self: a #TptExportDialog
 * @cr: where to draw
 * @width: the area's width
 * @height: the area's height
 *
 * Draws the first page, or the poster's sheets over a miniature of the
 * blueprint, scaled into the area.
 */
void
tpt_export_dialog_draw_preview (TptExportDialog *self,
                                cairo_t         *cr,
                                int              width,
                                int              height)
{
  const TptTheme *theme;
  TptExportOptions options;
  TptPosterPlan plan;
  double page_width, page_height, scale, x0, y0;
  double other_width = 0, other_height = 0;
  const char *other;
  gboolean poster;

  g_return_if_fail (TPT_IS_EXPORT_DIALOG (self));

  tpt_export_dialog_get_options (self, &options);
  theme = tpt_theme_get (options.theme);
  poster = options.poster != NULL && plan_poster (self, &options, &plan, NULL);
  ensure_layout (self);

  if (is_copy (self))
    return;

  if (is_slides (self))
    {
      GPtrArray *slides = dialog_slides (self);

      scale = MIN ((width - 24.0) / TPT_SLIDE_WIDTH, (height - 24.0) / TPT_SLIDE_HEIGHT);
      cairo_translate (cr, (width - TPT_SLIDE_WIDTH * scale) / 2,
                       (height - TPT_SLIDE_HEIGHT * scale) / 2);
      cairo_scale (cr, scale, scale);
      if (slides->len > 0)
        tpt_slide_render (cr, self->context, self->document, g_ptr_array_index (slides, 0),
                          theme, TPT_SLIDE_WIDTH, TPT_SLIDE_HEIGHT, 1, slides->len);
      return;
    }

  other = selected_other (self);
  if (other != NULL && g_str_equal (other, "personas"))
    tpt_persona_gallery_measure (self->context, self->document, &other_width, &other_height);
  else if (other != NULL && g_str_equal (other, "needs-matrix"))
    tpt_matrix_measure (self->context, self->document, &other_width, &other_height);
  else if (other != NULL && g_str_equal (other, "coverage"))
    tpt_coverage_report_measure (self->context, self->document, &other_width, &other_height);

  if (other_width > 0 && !sheet_size (&options, &page_width, &page_height))
    {
      page_width = other_width;
      page_height = other_height;
    }
  else if (poster)
    {
      page_width = plan.columns * (plan.sheet_width - 2 * plan.margin - plan.overlap) + plan.overlap;
      page_height = plan.rows * (plan.sheet_height - 2 * plan.margin - plan.overlap) + plan.overlap;
    }
  else if (self->layout != NULL && !sheet_size (&options, &page_width, &page_height))
    {
      page_width = self->layout->bounds.width;
      page_height = self->layout->bounds.height;
    }
  else if (self->layout == NULL && !sheet_size (&options, &page_width, &page_height))
    {
      page_width = 297 * 72.0 / 25.4;
      page_height = 210 * 72.0 / 25.4;
    }

  scale = MIN ((width - 24.0) / page_width, (height - 24.0) / page_height);
  x0 = (width - page_width * scale) / 2;
  y0 = (height - page_height * scale) / 2;

  /* The paper, with a shadow. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.2);
  cairo_rectangle (cr, x0 + 2, y0 + 3, page_width * scale, page_height * scale);
  cairo_fill (cr);
  tpt_color_set_source (cr, &theme->paper);
  cairo_rectangle (cr, x0, y0, page_width * scale, page_height * scale);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, page_width * scale, page_height * scale);
  cairo_clip (cr);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, scale, scale);

  if (other_width > 0)
    {
      double fit = MIN (page_width / other_width, page_height / other_height);

      cairo_translate (cr, (page_width - other_width * fit) / 2,
                       (page_height - other_height * fit) / 2);
      cairo_scale (cr, fit, fit);
      if (g_str_equal (other, "personas"))
        tpt_persona_gallery_render (cr, self->context, self->document, theme);
      else if (g_str_equal (other, "coverage"))
        tpt_coverage_report_render (cr, self->context, self->document, theme);
      else
        tpt_matrix_render (cr, self->context, self->document, theme);
    }
  else if (self->layout != NULL)
    {
      double fit = poster ? plan.scale
                          : MIN (1.0, MIN (page_width / self->layout->bounds.width,
                                           page_height / self->layout->bounds.height));

      cairo_save (cr);
      if (!poster)
        cairo_translate (cr, (page_width - self->layout->bounds.width * fit) / 2,
                         (page_height - self->layout->bounds.height * fit) / 2);
      cairo_scale (cr, fit, fit);
      tpt_blueprint_render (cr, self->layout, theme);
      cairo_restore (cr);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      tpt_cover_render (cr, self->context, self->document, theme, page_width, page_height, now,
                        NULL, 0);
    }
  cairo_restore (cr);

  /* The sheets of a poster, labelled as on the wall. */
  if (poster)
    {
      double step_x = (plan.sheet_width - 2 * plan.margin - plan.overlap) * scale;
      double step_y = (plan.sheet_height - 2 * plan.margin - plan.overlap) * scale;
      g_autoptr(PangoLayout) label = pango_layout_new (self->context);
      PangoFontDescription *font = pango_font_description_from_string ("Sans Bold 9");

      pango_layout_set_font_description (label, font);
      pango_font_description_free (font);
      cairo_set_line_width (cr, 1);
      for (guint r = 0; r < plan.rows; r++)
        for (guint c = 0; c < plan.columns; c++)
          {
            g_autofree char *name = tpt_poster_tile_label (r, c);
            double x = x0 + c * step_x, y = y0 + r * step_y;

            cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 0.08);
            cairo_rectangle (cr, x, y, step_x + plan.overlap * scale, step_y + plan.overlap * scale);
            cairo_fill_preserve (cr);
            cairo_set_source_rgba (cr, 0.11, 0.44, 0.85, 0.9);
            cairo_stroke (cr);
            pango_layout_set_text (label, name, -1);
            cairo_move_to (cr, x + 4, y + 3);
            pango_cairo_show_layout (cr, label);
          }
    }
}

static void
draw_preview_cb (GtkDrawingArea *area,
                 cairo_t        *cr,
                 int             width,
                 int             height,
                 gpointer        user_data)
{
  tpt_export_dialog_draw_preview (TPT_EXPORT_DIALOG (user_data), cr, width, height);
}

static void
update (TptExportDialog *self)
{
  TptExportFormat format = selected_format (self);
  gboolean copy = is_copy (self);
  gboolean poster = is_poster (self);
  gboolean has_blueprint = selected_blueprint (self) != NULL;
  gboolean slides = is_slides (self);
  gboolean use_sheets = gtk_spin_button_get_value_as_int (self->sheets_spin) > 0;
  g_autofree char *summary = NULL;

  /* Show an option only where it applies. */
  gtk_widget_set_visible (GTK_WIDGET (self->content_row), !copy);
  gtk_widget_set_visible (GTK_WIDGET (self->page_row),
                          !copy && format == TPT_EXPORT_PDF && !poster && !slides);
  gtk_widget_set_visible (GTK_WIDGET (self->landscape_row),
                          poster || (!copy && format == TPT_EXPORT_PDF && !slides &&
                                     adw_combo_row_get_selected (self->page_row) > 0));
  gtk_widget_set_visible (GTK_WIDGET (self->theme_row), !copy);
  gtk_widget_set_visible (GTK_WIDGET (self->dpi_row), !copy && format == TPT_EXPORT_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->poster_row),
                          self->mode == TPT_EXPORT_DIALOG_EXPORT && !copy &&
                          format == TPT_EXPORT_PDF && has_blueprint);
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), !use_sheets);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_row), offers_changes (self));

  /* Slides are pages: there is nothing to export them to as one picture. */
  if (!gtk_spinner_get_spinning (self->spinner))
    gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), !slides || format == TPT_EXPORT_PDF);
  summary = tpt_export_dialog_dup_summary (self);
  gtk_label_set_label (self->caption, summary);
  gtk_label_set_label (self->problem, "");
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

void
tpt_export_dialog_set_format (TptExportDialog *self,
                              TptExportFormat  format)
{
  g_return_if_fail (TPT_IS_EXPORT_DIALOG (self));

  adw_combo_row_set_selected (self->format_row, (guint) format);
}

/**
 * tpt_export_dialog_set_content:
 * @self: a #TptExportDialog in export mode
 * @artefact: what to export, as `--artefact` names it: "slides", "cover",
 *   "personas", "needs-matrix", "coverage" or a blueprint's id
 *
 * Returns: whether the Content list offers @artefact
 */
gboolean
tpt_export_dialog_set_content (TptExportDialog *self,
                               const char      *artefact)
{
  g_return_val_if_fail (TPT_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (artefact != NULL, FALSE);

  if (self->mode != TPT_EXPORT_DIALOG_EXPORT)
    return FALSE;
  for (guint i = 0; i < self->blueprints->len; i++)
    if (g_strcmp0 (tpt_node_get_id (self->blueprints->pdata[i]), artefact) == 0)
      {
        adw_combo_row_set_selected (self->content_row, i + 1);
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (other_artefacts); i++)
    if (g_str_equal (other_artefacts[i], artefact))
      {
        adw_combo_row_set_selected (self->content_row, 1 + self->blueprints->len + i);
        return TRUE;
      }
  return FALSE;
}

void
tpt_export_dialog_set_poster (TptExportDialog *self,
                              gboolean         poster)
{
  g_return_if_fail (TPT_IS_EXPORT_DIALOG (self));

  adw_expander_row_set_enable_expansion (self->poster_row, poster);
  adw_expander_row_set_expanded (self->poster_row, poster);
}

/* Exporting */

static const char *
extension (TptExportDialog *self)
{
  if (is_copy (self))
    return ".touchpoint";
  switch (selected_format (self))
    {
    case TPT_EXPORT_SVG:
      return ".svg";
    case TPT_EXPORT_PNG:
      return ".png";
    case TPT_EXPORT_PDF:
    default:
      return ".pdf";
    }
}

/**
 * tpt_export_dialog_export_to:
 * @self: a #TptExportDialog
 * @file: where to write
 * @error: return location for a #GError
 *
 * Exports with the chosen options, as the Export button does after the
 * file chooser, but synchronously. A failed export leaves no file.
 *
 * Returns: whether it was exported
 */
gboolean
tpt_export_dialog_export_to (TptExportDialog  *self,
                             GFile            *file,
                             GError          **error)
{
  TptExportOptions options;

  g_return_val_if_fail (TPT_IS_EXPORT_DIALOG (self), FALSE);

  if (is_copy (self))
    {
      g_autoptr(TptDocument) copy = NULL;
      g_autoptr(GBytes) bytes = tpt_document_serialize (self->document);

      /* Saved through a copy, so the open document stays unsaved. */
      copy = tpt_document_load_bytes (bytes, error);
      return copy != NULL && tpt_document_save_file (copy, file, error);
    }

  tpt_export_dialog_get_options (self, &options);
  return tpt_export (self->document, file, &options, NULL, error);
}

typedef struct
{
  GBytes           *bytes;
  GBytes           *since_bytes;  /* the older version, for changes pages */
  char             *since_name;
  GFile            *file;
  TptExportOptions  options;
  char             *artefact;
  char             *page_size;
  char             *poster;
  gboolean          copy;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_pointer (&job->since_bytes, g_bytes_unref);
  g_free (job->since_name);
  g_clear_object (&job->file);
  g_free (job->artefact);
  g_free (job->page_size);
  g_free (job->poster);
  g_free (job);
}

/* Runs in a thread on a private copy of the document, so the window stays
 * responsive and nobody edits what is being exported. */
static void
export_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(TptDocument) since = NULL;
  GError *error = NULL;

  /* The older version too is a copy of its own, read here. */
  if (job->since_bytes != NULL)
    {
      since = tpt_document_load_bytes (job->since_bytes, &error);
      if (since == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      job->options.changes_since = since;
      job->options.changes_since_name = job->since_name;
    }

  document = tpt_document_load_bytes (job->bytes, &error);
  if (document == NULL ||
      !(job->copy ? tpt_document_save_file (document, job->file, &error)
                  : tpt_export (document, job->file, &job->options, cancellable, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TptExportDialog *self = TPT_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  gtk_spinner_stop (self->spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        gtk_label_set_label (self->problem, error->message);
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, job->file);
  gtk_window_close (GTK_WINDOW (self));
}

static void
start_export (TptExportDialog *self,
              GFile           *file)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  ExportJob *job = g_new0 (ExportJob, 1);

  tpt_export_dialog_get_options (self, &job->options);
  job->bytes = tpt_document_serialize (self->document);
  job->file = g_object_ref (file);
  job->copy = is_copy (self);
  job->artefact = g_strdup (job->options.artefact);
  job->page_size = g_strdup (job->options.page_size);
  job->poster = g_strdup (job->options.poster);
  job->options.artefact = job->artefact;
  job->options.page_size = job->page_size;
  job->options.poster = job->poster;
  if (job->options.changes_since != NULL)
    {
      job->since_bytes = tpt_document_serialize (job->options.changes_since);
      job->since_name = g_strdup (job->options.changes_since_name);
      job->options.changes_since = NULL;
      job->options.changes_since_name = NULL;
    }

  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  gtk_spinner_start (self->spinner);
  gtk_widget_set_sensitive (GTK_WIDGET (self->action_button), FALSE);
  gtk_label_set_label (self->problem, "");
  g_task_run_in_thread (task, export_thread);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     TptExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      start_export (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
remember_choices (TptExportDialog *self)
{
  TptExportOptions options;

  tpt_export_dialog_get_options (self, &options);
  if (options.page_size != NULL)
    g_settings_set_string (self->settings, "export-page-size", options.page_size);
  g_settings_set_boolean (self->settings, "export-landscape", options.landscape);
  g_settings_set_string (self->settings, "export-theme",
                         options.theme == TPT_THEME_DARK ? "dark"
                         : options.theme == TPT_THEME_PRINT ? "print"
                         : options.theme == TPT_THEME_PROJECTOR ? "projector" : "light");
  g_settings_set_uint (self->settings, "export-dpi", (guint) options.dpi);
  if (options.poster != NULL)
    {
      g_settings_set_string (self->settings, "poster-paper", options.poster);
      g_settings_set_double (self->settings, "poster-overlap-mm", options.overlap_mm);
      if (options.poster_scale > 0)
        g_settings_set_uint (self->settings, "poster-scale-percent", (guint) options.poster_scale);
    }
}

static void
action_clicked_cb (TptExportDialog *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GFile) folder = NULL;
  TptExportOptions options;
  g_autoptr(GError) error = NULL;

  tpt_export_dialog_get_options (self, &options);
  remember_choices (self);

  /* A poster that can't be made says so before anything else happens. */
  if (options.poster != NULL)
    {
      TptPosterPlan plan;

      if (!plan_poster (self, &options, &plan, &error))
        {
          gtk_label_set_label (self->problem, error != NULL ? error->message : "");
          return;
        }
    }

  if (self->mode == TPT_EXPORT_DIALOG_PRINT_POSTER)
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      tpt_print_poster (parent, self->document, selected_blueprint (self), &options,
                        self->document_file);
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  if (self->document_file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (self->document_file);
      char *dot = strrchr (basename, '.');

      if (dot != NULL)
        *dot = '\0';
      base = g_steal_pointer (&basename);
    }
  else
    base = g_strdup (tpt_document_get_title (self->document) != NULL &&
                     *tpt_document_get_title (self->document) != '\0'
                     ? tpt_document_get_title (self->document) : _("Untitled Document"));
  if (selected_blueprint (self) != NULL)
    {
      g_autofree char *with = g_strdup_printf ("%s — %s", base,
                                               tpt_blueprint_get_title (selected_blueprint (self)));

      g_free (base);
      base = g_steal_pointer (&with);
    }
  name = g_strconcat (base, extension (self), NULL);
  g_strdelimit (name, "/\\", '-');

  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_filter_add_suffix (filter, extension (self) + 1);
  gtk_file_filter_set_name (filter, extension (self));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  folder = tpt_start_folder_for (self->document_file);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect (self->chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* Building */

static AdwComboRow *
combo_row (const char  *title,
           const char **items,
           guint        n_items)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());

  for (guint i = 0; i < n_items; i++)
    gtk_string_list_append (list, items[i]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (row, G_LIST_MODEL (list));
  return row;
}

static AdwActionRow *
spin_row (const char     *title,
          const char     *subtitle,
          double          min,
          double          max,
          double          step,
          GtkSpinButton **spin)
{
  AdwActionRow *row = ADW_ACTION_ROW (adw_action_row_new ());

  *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (min, max, step));
  gtk_widget_set_valign (GTK_WIDGET (*spin), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (row, subtitle);
  adw_action_row_add_suffix (row, GTK_WIDGET (*spin));
  adw_action_row_set_activatable_widget (row, GTK_WIDGET (*spin));
  return row;
}

static guint
paper_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (paper_names); i++)
    if (g_ascii_strcasecmp (paper_names[i], name) == 0)
      return i;
  return 0;
}

static void
build (TptExportDialog *self,
       TptBlueprint    *preselect)
{
  const char *formats[] = { _("PDF Document"), _("SVG Drawing"), _("PNG Image"),
                            _("Touchpoint Document (a copy)") };
  const char *themes[] = { _("Light"), _("Dark"), _("Print (high contrast on white)"),
                           _("Projector (bold, high contrast)") };
  g_autofree const char **pages = g_new0 (const char *, G_N_ELEMENTS (paper_names) + 2);
  g_autofree const char **contents = g_new0 (const char *, self->blueprints->len + 7);
  g_autofree char *theme = g_settings_get_string (self->settings, "export-theme");
  g_autofree char *page = g_settings_get_string (self->settings, "export-page-size");
  g_autofree char *paper = g_settings_get_string (self->settings, "poster-paper");
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *prefs = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *side = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  AdwActionRow *overlap_row;
  guint n_contents = 0;
  gboolean export_mode = self->mode == TPT_EXPORT_DIALOG_EXPORT;

  pages[0] = _("Fit to Content");
  for (guint i = 0; i < G_N_ELEMENTS (paper_names); i++)
    pages[i + 1] = paper_names[i];
  if (export_mode)
    contents[n_contents++] = _("Whole Document");
  for (guint i = 0; i < self->blueprints->len; i++)
    contents[n_contents++] = tpt_blueprint_get_title (self->blueprints->pdata[i]);
  if (export_mode)
    {
      contents[n_contents++] = _("Persona Gallery");
      contents[n_contents++] = _("Needs Matrix");
      contents[n_contents++] = _("Coverage");
      contents[n_contents++] = _("Cover");
      contents[n_contents++] = _("Slides (16:9)");
    }

  gtk_window_set_title (GTK_WINDOW (self), export_mode ? _("Export") : _("Print Poster"));
  gtk_window_set_default_size (GTK_WINDOW (self), 900, 620);

  self->action_button = GTK_BUTTON (gtk_button_new_with_mnemonic (export_mode ? _("_Export…")
                                                                              : _("_Print…")));
  gtk_widget_add_css_class (GTK_WIDGET (self->action_button), "suggested-action");
  g_signal_connect_swapped (self->action_button, "clicked", G_CALLBACK (action_clicked_cb), self);
  g_signal_connect_swapped (cancel, "clicked", G_CALLBACK (gtk_window_close), self);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->action_button));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (toolbar), header);

  self->format_row = combo_row (_("Format"), formats, G_N_ELEMENTS (formats));
  self->content_row = combo_row (export_mode ? _("Content") : _("Blueprint"), contents, n_contents);
  self->page_row = combo_row (_("Page Size"), pages, G_N_ELEMENTS (paper_names) + 1);
  self->landscape_row = ADW_ACTION_ROW (adw_action_row_new ());
  self->landscape_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->landscape_switch), GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->landscape_row), _("Landscape"));
  adw_action_row_add_suffix (self->landscape_row, GTK_WIDGET (self->landscape_switch));
  adw_action_row_set_activatable_widget (self->landscape_row, GTK_WIDGET (self->landscape_switch));
  self->theme_row = combo_row (_("Colours"), themes, G_N_ELEMENTS (themes));
  self->dpi_row = spin_row (_("Resolution"), _("Dots per inch"), TPT_EXPORT_MIN_DPI,
                            TPT_EXPORT_MAX_DPI, 10, &self->dpi_spin);

  self->poster_row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->poster_row), _("Wall Poster"));
  adw_expander_row_set_subtitle (self->poster_row, _("Tile the blueprint over several sheets"));
  adw_expander_row_set_show_enable_switch (self->poster_row, export_mode);
  adw_expander_row_set_enable_expansion (self->poster_row, !export_mode);
  adw_expander_row_set_expanded (self->poster_row, !export_mode);
  self->paper_row = combo_row (_("Paper"), paper_names, G_N_ELEMENTS (paper_names));
  self->scale_row = spin_row (_("Scale"), _("Percent of the blueprint’s size"), 5, 1000, 5,
                              &self->scale_spin);
  self->sheets_row = spin_row (_("Sheets Wide"), _("Fit the width to this many sheets; 0 uses the scale"),
                               0, 50, 1, &self->sheets_spin);
  overlap_row = spin_row (_("Overlap"), _("Millimetres each sheet shares with the next, for gluing"),
                          0, 50, 1, &self->overlap_spin);
  adw_expander_row_add_row (self->poster_row, GTK_WIDGET (self->paper_row));
  adw_expander_row_add_row (self->poster_row, GTK_WIDGET (self->scale_row));
  adw_expander_row_add_row (self->poster_row, GTK_WIDGET (self->sheets_row));
  adw_expander_row_add_row (self->poster_row, GTK_WIDGET (overlap_row));
  {
    AdwActionRow *marks_row = ADW_ACTION_ROW (adw_action_row_new ());

    self->marks_switch = GTK_SWITCH (gtk_switch_new ());
    gtk_switch_set_active (self->marks_switch, TRUE);
    gtk_widget_set_valign (GTK_WIDGET (self->marks_switch), GTK_ALIGN_CENTER);
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (marks_row), _("Cut and Assembly Marks"));
    adw_action_row_set_subtitle (marks_row, _("Crop marks and overlap ticks in each sheet’s margin"));
    adw_action_row_add_suffix (marks_row, GTK_WIDGET (self->marks_switch));
    adw_action_row_set_activatable_widget (marks_row, GTK_WIDGET (self->marks_switch));
    adw_expander_row_add_row (self->poster_row, GTK_WIDGET (marks_row));
  }
  /* Shown once tpt_export_dialog_set_changes_since() gives a version. */
  self->changes_row = ADW_ACTION_ROW (adw_action_row_new ());
  self->changes_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_switch_set_active (self->changes_switch, TRUE);
  gtk_widget_set_valign (GTK_WIDGET (self->changes_switch), GTK_ALIGN_CENTER);
  adw_action_row_set_subtitle (self->changes_row,
                               _("Pages after the cover that list what changed, and marks on "
                                 "the blueprints"));
  adw_action_row_add_suffix (self->changes_row, GTK_WIDGET (self->changes_switch));
  adw_action_row_set_activatable_widget (self->changes_row, GTK_WIDGET (self->changes_switch));
  gtk_widget_set_visible (GTK_WIDGET (self->changes_row), FALSE);

  if (export_mode)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->format_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->content_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->page_row));
  if (export_mode)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->changes_row));
  if (!export_mode)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->poster_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->landscape_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->theme_row));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->dpi_row));
  if (export_mode)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->poster_row));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (prefs), ADW_PREFERENCES_GROUP (group));
  gtk_widget_set_size_request (prefs, 380, -1);

  self->preview = GTK_DRAWING_AREA (gtk_drawing_area_new ());
  gtk_drawing_area_set_draw_func (self->preview, draw_preview_cb, self, NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->preview), TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->preview), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->preview), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Preview"), -1);
  self->caption = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->caption, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->caption), "dim-label");
  self->problem = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problem, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problem), "error");
  gtk_widget_set_margin_start (side, 12);
  gtk_widget_set_margin_end (side, 12);
  gtk_widget_set_margin_top (side, 12);
  gtk_widget_set_margin_bottom (side, 12);
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->preview));
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->caption));
  gtk_box_append (GTK_BOX (side), GTK_WIDGET (self->problem));
  gtk_widget_add_css_class (side, "view");

  gtk_box_append (GTK_BOX (body), prefs);
  gtk_box_append (GTK_BOX (body), side);
  gtk_widget_set_vexpand (body, TRUE);
  gtk_box_append (GTK_BOX (toolbar), body);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, toolbar);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toasts));

  /* Start from the last choices. */
  adw_combo_row_set_selected (self->theme_row, g_str_equal (theme, "dark") ? 1
                                               : g_str_equal (theme, "print") ? 2
                                               : g_str_equal (theme, "projector") ? 3 : 0);
  adw_combo_row_set_selected (self->page_row, 0);
  gtk_switch_set_active (self->landscape_switch,
                         g_settings_get_boolean (self->settings, "export-landscape"));
  gtk_spin_button_set_value (self->dpi_spin, g_settings_get_uint (self->settings, "export-dpi"));
  adw_combo_row_set_selected (self->paper_row, paper_index (paper));
  gtk_spin_button_set_value (self->scale_spin,
                             g_settings_get_uint (self->settings, "poster-scale-percent"));
  gtk_spin_button_set_value (self->overlap_spin,
                             g_settings_get_double (self->settings, "poster-overlap-mm"));
  if (preselect != NULL)
    for (guint i = 0; i < self->blueprints->len; i++)
      if (self->blueprints->pdata[i] == preselect)
        adw_combo_row_set_selected (self->content_row, export_mode ? i + 1 : i);
  (void) page;

  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->content_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->page_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->landscape_switch, "notify::active", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->theme_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->dpi_spin, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->poster_row, "notify::enable-expansion", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->paper_row, "notify::selected", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->scale_spin, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->sheets_spin, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->overlap_spin, "value-changed", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->marks_switch, "notify::active", G_CALLBACK (update), self);
  g_signal_connect_swapped (self->changes_switch, "notify::active", G_CALLBACK (update), self);
  update (self);
}

static void
tpt_export_dialog_dispose (GObject *object)
{
  TptExportDialog *self = TPT_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->layout, tpt_blueprint_layout_unref);
  g_clear_pointer (&self->slides, g_ptr_array_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->document_file);
  g_clear_pointer (&self->blueprints, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->changes_since);
  g_clear_pointer (&self->changes_since_name, g_free);

  G_OBJECT_CLASS (tpt_export_dialog_parent_class)->dispose (object);
}

static void
tpt_export_dialog_class_init (TptExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tpt_export_dialog_dispose;

  /**
   * TptExportDialog::exported:
   * @self: the dialog
   * @file: the file written
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tpt_export_dialog_init (TptExportDialog *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  self->context = tpt_text_context_new ();
  self->cancellable = g_cancellable_new ();
  self->blueprints = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * tpt_export_dialog_new:
 * @parent: the document's window
 * @document: the document
 * @blueprint: (nullable): the blueprint to start with
 * @document_file: (nullable): the document's file, to name the export after
 * @mode: export, or print a poster
 *
 * Returns: (transfer none): a new dialog, not yet shown
 */
TptExportDialog *
tpt_export_dialog_new (GtkWindow           *parent,
                       TptDocument         *document,
                       TptBlueprint        *blueprint,
                       GFile               *document_file,
                       TptExportDialogMode  mode)
{
  TptExportDialog *self;
  GListModel *blueprints;

  g_return_val_if_fail (TPT_IS_DOCUMENT (document), NULL);

  self = g_object_new (TPT_TYPE_EXPORT_DIALOG, "modal", TRUE, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->mode = mode;
  g_set_object (&self->document_file, document_file);
  blueprints = tpt_document_get_blueprints (document);
  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    g_ptr_array_add (self->blueprints, g_list_model_get_item (blueprints, i));
  build (self, blueprint);

  return self;
}

/**
 * tpt_export_dialog_set_changes_since:
 * @self: a #TptExportDialog
 * @older: (nullable): an older version of the document, e.g. the one the
 *   window compares with
 * @name: (nullable): what to call it, needed with @older
 *
 * Offers, for a PDF of the whole document, "Changes since …" pages after
 * the cover and marks on the blueprints (on by default); %NULL takes the
 * offer back.
 */
void
tpt_export_dialog_set_changes_since (TptExportDialog *self,
                                     TptDocument     *older,
                                     const char      *name)
{
  g_autofree char *title = NULL;

  g_return_if_fail (TPT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (older == NULL || (TPT_IS_DOCUMENT (older) && name != NULL));

  g_set_object (&self->changes_since, older);
  g_free (self->changes_since_name);
  self->changes_since_name = g_strdup (name);
  if (older != NULL)
    {
      /* Translators: an export option; %s names the version compared
       * with, e.g. “the saved file”. */
      title = g_strdup_printf (_("Changes Since %s"), name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->changes_row), title);
    }
  update (self);
}
