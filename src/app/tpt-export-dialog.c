/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "tpt-export-dialog.h"

#include "tpt-artefact-drawing.h"
#include "tpt-export-plan.h"
#include "tpt-format.h"
#include "tpt-page-size.h"
#include "tpt-print.h"
#include "tpt-start-folder.h"
#include "tpt-text.h"

#include <math.h>

/* The Export dialog: every option of `touchpoint --export`, with a preview
 * that pages through every page the export will have, as the export plan
 * (tpt-export-plan.c) lays them out, and says how many there are. In
 * Print Poster mode the same options lay out a poster for the printer
 * instead of a file, since the print portal can't show options of ours. */

static const char *paper_names[] = {
  "A4", "A3", "A2", "A1", "A0", "Letter", "Legal", "Tabloid", "ARCH-C", "ARCH-D", "ARCH-E",
};

/* What the Content list offers besides blueprints, in its order: the
 * artefacts of the whole document, by the names `--artefact` knows. */
static const TptArtefactKind document_artefacts[] = {
  TPT_ARTEFACT_PERSONAS, TPT_ARTEFACT_NEEDS_MATRIX, TPT_ARTEFACT_COVERAGE,
  TPT_ARTEFACT_JOURNEYS, TPT_ARTEFACT_CASE_FOR_CHANGE, TPT_ARTEFACT_COVER,
};

/* A poster shows one of these. */
static const TptArtefactKind poster_artefacts[] = {
  TPT_ARTEFACT_NEEDS_MATRIX, TPT_ARTEFACT_PERSONAS,
};

typedef enum
{
  SIZE_BY_SCALE,
  SIZE_BY_SHEETS,
  SIZE_BY_WIDTH,
} SizeBy;

struct _TptExportDialog
{
  AdwWindow            parent_instance;

  /* template children */
  AdwToastOverlay     *toasts;
  GtkButton           *action_button;
  GtkSpinner          *spinner;
  AdwComboRow         *format_row;
  AdwComboRow         *content_row;
  AdwComboRow         *page_row;
  AdwActionRow        *landscape_row;
  GtkSwitch           *landscape_switch;
  AdwComboRow         *theme_row;
  AdwActionRow        *dpi_row;
  GtkSpinButton       *dpi_spin;
  AdwActionRow        *transparent_row;
  GtkSwitch           *transparent_switch;
  AdwActionRow        *changes_row;
  GtkSwitch           *changes_switch;
  AdwExpanderRow      *poster_row;
  AdwComboRow         *paper_row;
  AdwComboRow         *size_row;
  AdwActionRow        *scale_row;
  GtkSpinButton       *scale_spin;
  AdwActionRow        *sheets_row;
  GtkSpinButton       *sheets_spin;
  AdwActionRow        *width_row;
  GtkSpinButton       *width_spin;
  GtkSpinButton       *overlap_spin;
  GtkSwitch           *marks_switch;
  GtkDrawingArea      *preview;
  GtkButton           *previous_button;
  GtkButton           *next_button;
  GtkLabel            *page_label;
  GtkLabel            *caption;
  GtkLabel            *problem;

  /* owned */
  TptDocument         *document;
  GFile               *document_file;
  GPtrArray           *blueprints;
  GSettings           *settings;
  PangoContext        *context;
  GtkFileChooserNative *chooser;
  GCancellable        *cancellable;
  TptExportPlan       *plan;          /* the pages of a PDF, NULL until asked */
  TptArtefactDrawing  *image;         /* what an SVG or PNG shows */
  GError              *plan_error;    /* why there is no plan */
  gboolean             planned;
  gboolean             ready;         /* set up: option changes update */
  guint                page;          /* the page the preview shows */
  TptBlueprint        *filter_blueprint; /* what the window's matrix is for */
  TptPersona          *filter_persona;
  char                *filter_segment;
  TptDocument         *changes_since; /* Compare with…'s older version */
  char                *changes_since_name;

  TptExportDialogMode  mode;
};

G_DEFINE_FINAL_TYPE (TptExportDialog, tpt_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_export (TptExportDialog *self)
{
  return self->mode == TPT_EXPORT_DIALOG_EXPORT;
}

/* The Content list: in export mode the whole document, the blueprints,
 * the document's other artefacts and the slides; for a poster, the
 * blueprints, the needs matrix and the persona gallery. */
static guint
n_others (TptExportDialog *self)
{
  return is_export (self) ? G_N_ELEMENTS (document_artefacts) + 1
                          : G_N_ELEMENTS (poster_artefacts);
}

static guint
first_blueprint_row (TptExportDialog *self)
{
  return is_export (self) ? 1 : 0;
}

static TptBlueprint *
selected_blueprint (TptExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->content_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < first_blueprint_row (self))
    return NULL;
  selected -= first_blueprint_row (self);
  return selected < self->blueprints->len ? self->blueprints->pdata[selected] : NULL;
}

/* The artefact chosen besides the blueprints, by its `--artefact` name,
 * or "slides". */
static const char *
selected_other (TptExportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->content_row);
  guint first = first_blueprint_row (self) + self->blueprints->len;

  if (selected == GTK_INVALID_LIST_POSITION || selected < first)
    return NULL;
  selected -= first;
  if (is_export (self))
    {
      if (selected < G_N_ELEMENTS (document_artefacts))
        return tpt_artefact_kind_get_name (document_artefacts[selected]);
      return selected == G_N_ELEMENTS (document_artefacts) ? "slides" : NULL;
    }
  return selected < G_N_ELEMENTS (poster_artefacts)
         ? tpt_artefact_kind_get_name (poster_artefacts[selected]) : NULL;
}

static TptExportFormat
selected_format (TptExportDialog *self)
{
  if (!is_export (self))
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

static gboolean
is_slides (TptExportDialog *self)
{
  return g_strcmp0 (selected_other (self), "slides") == 0;
}

static gboolean
is_copy (TptExportDialog *self)
{
  return is_export (self) && adw_combo_row_get_selected (self->format_row) == 3;
}

static gboolean
is_poster (TptExportDialog *self)
{
  if (!is_export (self))
    return TRUE;
  return selected_format (self) == TPT_EXPORT_PDF && !is_copy (self) &&
         (selected_blueprint (self) != NULL ||
          g_strcmp0 (selected_other (self), "needs-matrix") == 0 ||
          g_strcmp0 (selected_other (self), "personas") == 0) &&
         adw_expander_row_get_enable_expansion (self->poster_row);
}

/* The needs matrix and coverage are exported for what the window shows
 * them for. */
static gboolean
takes_filter (TptExportDialog *self)
{
  return g_strcmp0 (selected_other (self), "needs-matrix") == 0 ||
         g_strcmp0 (selected_other (self), "coverage") == 0;
}

/* "Changes since …" pages go in a PDF of the whole document. */
static gboolean
offers_changes (TptExportDialog *self)
{
  return self->changes_since != NULL && is_export (self) &&
         selected_format (self) == TPT_EXPORT_PDF && !is_copy (self) && !is_poster (self) &&
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
  if (takes_filter (self))
    {
      options->blueprint = self->filter_blueprint != NULL
                           ? tpt_node_get_id (TPT_NODE (self->filter_blueprint)) : NULL;
      options->persona = self->filter_persona != NULL
                         ? tpt_node_get_id (TPT_NODE (self->filter_persona)) : NULL;
      options->segment = self->filter_segment;
    }
  options->dpi = gtk_spin_button_get_value (self->dpi_spin);
  options->transparent = options->format == TPT_EXPORT_PNG &&
                         gtk_switch_get_active (self->transparent_switch);

  if (is_poster (self))
    {
      options->poster = paper_names[MIN (paper, G_N_ELEMENTS (paper_names) - 1)];
      options->landscape = gtk_switch_get_active (self->landscape_switch);
      options->overlap_mm = gtk_spin_button_get_value (self->overlap_spin);
      options->no_marks = !gtk_switch_get_active (self->marks_switch);
      switch ((SizeBy) adw_combo_row_get_selected (self->size_row))
        {
        case SIZE_BY_SHEETS:
          options->sheets_wide = (guint) gtk_spin_button_get_value_as_int (self->sheets_spin);
          break;
        case SIZE_BY_WIDTH:
          options->poster_width_mm = gtk_spin_button_get_value (self->width_spin);
          break;
        case SIZE_BY_SCALE:
        default:
          options->poster_scale = gtk_spin_button_get_value (self->scale_spin);
          break;
        }
    }
  else if (options->format == TPT_EXPORT_PDF && !is_slides (self))
    {
      if (offers_changes (self) && gtk_switch_get_active (self->changes_switch))
        {
          options->changes_since = self->changes_since;
          options->changes_since_name = self->changes_since_name;
        }
      /* Row 0 fits pages to their content; the others name the paper. */
      options->page_size = page == 0 ? "fit"
                                     : paper_names[MIN (page - 1, G_N_ELEMENTS (paper_names) - 1)];
      if (page > 0)
        options->landscape = gtk_switch_get_active (self->landscape_switch);
    }
}

/* The plan of the chosen export, made when first needed after a change. */
static void
ensure_plan (TptExportDialog *self)
{
  TptExportOptions options;

  if (self->planned)
    return;
  self->planned = TRUE;
  g_clear_pointer (&self->plan, tpt_export_plan_free);
  g_clear_pointer (&self->image, tpt_artefact_drawing_unref);
  g_clear_error (&self->plan_error);
  if (is_copy (self))
    return;

  tpt_export_dialog_get_options (self, &options);
  if (options.format == TPT_EXPORT_PDF)
    self->plan = tpt_export_plan_new (self->document, self->context, &options,
                                      &self->plan_error);
  else if (!is_slides (self))
    {
      TptArtefactKind kind = TPT_ARTEFACT_BLUEPRINT;
      TptNode *target = NULL;
      TptCoverageFilter filter = { NULL, NULL, NULL };

      if (options.artefact == NULL && self->blueprints->len == 1)
        target = self->blueprints->pdata[0];
      else if (options.artefact == NULL)
        g_set_error_literal (&self->plan_error, TPT_EXPORT_ERROR, TPT_EXPORT_ERROR_NO_ARTEFACT,
                             _("An image shows one artefact: choose it under Content"));
      if (self->plan_error == NULL &&
          tpt_export_plan_resolve_options (self->document, &options, &kind, &target, &filter,
                                           &self->plan_error))
        self->image = tpt_artefact_drawing_new_filtered (kind, self->document, target,
                                                         self->context, &filter);
    }

  if (self->plan != NULL)
    self->page = MIN (self->page, tpt_export_plan_get_n_pages (self->plan) - 1);
  else
    self->page = 0;
}

static void
invalidate (TptExportDialog *self)
{
  self->planned = FALSE;
}

/**
 * tpt_export_dialog_get_n_pages:
 * @self: a #TptExportDialog
 *
 * Returns: how many pages the export will have, as the preview pages
 *   through them; 1 for an image, 0 when the options make none
 */
guint
tpt_export_dialog_get_n_pages (TptExportDialog *self)
{
  g_return_val_if_fail (TPT_IS_EXPORT_DIALOG (self), 0);

  ensure_plan (self);
  if (self->plan != NULL)
    return tpt_export_plan_get_n_pages (self->plan);
  return self->image != NULL ? 1 : 0;
}

/**
 * tpt_export_dialog_set_preview_page:
 * @self: a #TptExportDialog
 * @page: the page to show, from 0
 */
void
tpt_export_dialog_set_preview_page (TptExportDialog *self,
                                    guint            page)
{
  guint n;

  g_return_if_fail (TPT_IS_EXPORT_DIALOG (self));

  n = tpt_export_dialog_get_n_pages (self);
  self->page = n > 0 ? MIN (page, n - 1) : 0;
  gtk_widget_set_sensitive (GTK_WIDGET (self->previous_button), self->page > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->next_button), self->page + 1 < n);
  if (n > 0)
    {
      /* Translators: the page the export preview shows, "Page 3 of 12". */
      g_autofree char *label = g_strdup_printf (_("Page %u of %u"), self->page + 1, n);

      gtk_label_set_label (self->page_label, label);
    }
  else
    gtk_label_set_label (self->page_label, "");
  gtk_widget_queue_draw (GTK_WIDGET (self->preview));
}

static void
previous_clicked_cb (TptExportDialog *self)
{
  if (self->page > 0)
    tpt_export_dialog_set_preview_page (self, self->page - 1);
}

static void
next_clicked_cb (TptExportDialog *self)
{
  tpt_export_dialog_set_preview_page (self, self->page + 1);
}

static void
preview_action_cb (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  TptExportDialog *self = TPT_EXPORT_DIALOG (widget);

  if (g_str_equal (action, "preview.next"))
    next_clicked_cb (self);
  else
    previous_clicked_cb (self);
}

/**
 * tpt_export_dialog_dup_summary:
 * @self: a #TptExportDialog
 *
 * Returns: (transfer full): what the export will make, e.g. “12 sheets
 *   (4 × 3) of …”, as the caption under the preview says
 */
char *
tpt_export_dialog_dup_summary (TptExportDialog *self)
{
  TptExportOptions options;

  g_return_val_if_fail (TPT_IS_EXPORT_DIALOG (self), NULL);

  if (is_copy (self))
    return g_strdup (_("A copy of the document, in Touchpoint’s own format"));

  tpt_export_dialog_get_options (self, &options);
  if (is_slides (self) && options.format != TPT_EXPORT_PDF)
    return g_strdup (_("Slides export to PDF only: choose PDF as the format"));

  ensure_plan (self);
  if (self->plan_error != NULL)
    return g_strdup (self->plan_error->message);

  if (options.format == TPT_EXPORT_PNG && self->image != NULL)
    return g_strdup_printf (_("An image of %d × %d pixels at %.0f dpi"),
                            (int) ceil (self->image->bounds.width * options.dpi / 72.0),
                            (int) ceil (self->image->bounds.height * options.dpi / 72.0),
                            options.dpi);
  if (options.format == TPT_EXPORT_SVG)
    return g_strdup (_("A drawing that scales to any size, its text kept as text"));
  if (self->plan == NULL)
    return g_strdup ("");

  {
    g_autofree char *summary = tpt_export_plan_dup_summary (self->plan);
    const char * const *notes = tpt_export_plan_get_notes (self->plan);
    const char * const *warnings = tpt_export_plan_get_warnings (self->plan);
    g_autoptr(GString) text = g_string_new (summary);

    if (is_slides (self))
      {
        g_autoptr(GPtrArray) slides = tpt_slides_list_for_showing (self->document);

        g_string_printf (text, ngettext ("%u slide, on %u 16:9 pages (a tall one in parts)",
                                         "%u slides, on %u 16:9 pages (a tall one in parts)",
                                         slides->len),
                         slides->len, tpt_export_plan_get_n_pages (self->plan));
        return g_string_free (g_steal_pointer (&text), FALSE);
      }
    for (guint i = 0; notes[i] != NULL; i++)
      g_string_append_printf (text, "\n%s", notes[i]);
    for (guint i = 0; warnings[i] != NULL; i++)
      g_string_append_printf (text, "\n%s", warnings[i]);
    return g_string_free (g_steal_pointer (&text), FALSE);
  }
}

/**
 * tpt_export_dialog_draw_preview:
 * @self: a #TptExportDialog
 * @cr: where to draw
 * @width: the area's width
 * @height: the area's height
 *
 * Draws the page the preview is at, as the export will have it, scaled
 * into the area on a shadowed sheet; or the image an SVG or PNG will be.
 */
void
tpt_export_dialog_draw_preview (TptExportDialog *self,
                                cairo_t         *cr,
                                int              width,
                                int              height)
{
  TptExportOptions options;
  const TptTheme *theme;
  double page_width, page_height, scale, x0, y0;

  g_return_if_fail (TPT_IS_EXPORT_DIALOG (self));

  ensure_plan (self);
  tpt_export_dialog_get_options (self, &options);
  theme = tpt_theme_get (options.theme);

  if (self->plan != NULL)
    {
      const TptPlanPage *page = tpt_export_plan_get_page (self->plan, self->page);

      page_width = page->width;
      page_height = page->height;
    }
  else if (self->image != NULL)
    {
      page_width = self->image->bounds.width;
      page_height = self->image->bounds.height;
    }
  else
    return;

  scale = MIN ((width - 24.0) / page_width, (height - 24.0) / page_height);
  x0 = (width - page_width * scale) / 2;
  y0 = (height - page_height * scale) / 2;

  /* The paper, with a shadow. */
  cairo_set_source_rgba (cr, 0, 0, 0, 0.2);
  cairo_rectangle (cr, x0 + 2, y0 + 3, page_width * scale, page_height * scale);
  cairo_fill (cr);

  cairo_save (cr);
  cairo_rectangle (cr, x0, y0, page_width * scale, page_height * scale);
  cairo_clip (cr);
  cairo_translate (cr, x0, y0);
  cairo_scale (cr, scale, scale);
  if (self->plan != NULL)
    tpt_export_plan_render_page (self->plan, self->page, cr, theme);
  else
    {
      if (!options.transparent)
        {
          tpt_color_set_source (cr, &theme->paper);
          cairo_paint (cr);
        }
      tpt_artefact_drawing_render (self->image, cr, theme);
    }
  cairo_restore (cr);
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
  gboolean slides = is_slides (self);
  gboolean can_poster = selected_blueprint (self) != NULL ||
                        g_strcmp0 (selected_other (self), "needs-matrix") == 0 ||
                        g_strcmp0 (selected_other (self), "personas") == 0;
  SizeBy size_by = (SizeBy) adw_combo_row_get_selected (self->size_row);
  g_autofree char *summary = NULL;

  if (!self->ready)
    return;

  /* Show an option only where it applies. */
  gtk_widget_set_visible (GTK_WIDGET (self->format_row), is_export (self));
  gtk_widget_set_visible (GTK_WIDGET (self->content_row), !copy);
  gtk_widget_set_visible (GTK_WIDGET (self->page_row),
                          !copy && format == TPT_EXPORT_PDF && !poster && !slides);
  gtk_widget_set_visible (GTK_WIDGET (self->landscape_row),
                          poster || (!copy && format == TPT_EXPORT_PDF && !slides &&
                                     adw_combo_row_get_selected (self->page_row) > 0));
  gtk_widget_set_visible (GTK_WIDGET (self->theme_row), !copy);
  gtk_widget_set_visible (GTK_WIDGET (self->dpi_row), !copy && format == TPT_EXPORT_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->transparent_row), !copy && format == TPT_EXPORT_PNG);
  gtk_widget_set_visible (GTK_WIDGET (self->changes_row), offers_changes (self));
  gtk_widget_set_visible (GTK_WIDGET (self->poster_row),
                          !is_export (self) || (!copy && format == TPT_EXPORT_PDF && can_poster));
  gtk_widget_set_visible (GTK_WIDGET (self->scale_row), size_by == SIZE_BY_SCALE);
  gtk_widget_set_visible (GTK_WIDGET (self->sheets_row), size_by == SIZE_BY_SHEETS);
  gtk_widget_set_visible (GTK_WIDGET (self->width_row), size_by == SIZE_BY_WIDTH);

  /* Slides are pages: there is nothing to export them to as one picture. */
  if (!gtk_spinner_get_spinning (self->spinner))
    gtk_widget_set_sensitive (GTK_WIDGET (self->action_button),
                              !slides || format == TPT_EXPORT_PDF);

  invalidate (self);
  summary = tpt_export_dialog_dup_summary (self);
  gtk_label_set_label (self->caption, summary);
  gtk_label_set_label (self->problem, "");
  tpt_export_dialog_set_preview_page (self, self->page);
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
 * @self: a #TptExportDialog
 * @artefact: what to export, as `--artefact` names it: "slides", "cover",
 *   "personas", "needs-matrix", "coverage" or a blueprint's id
 *
 * Returns: whether the Content list offers @artefact
 */
gboolean
tpt_export_dialog_set_content (TptExportDialog *self,
                               const char      *artefact)
{
  guint first;

  g_return_val_if_fail (TPT_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (artefact != NULL, FALSE);

  for (guint i = 0; i < self->blueprints->len; i++)
    if (g_strcmp0 (tpt_node_get_id (self->blueprints->pdata[i]), artefact) == 0)
      {
        adw_combo_row_set_selected (self->content_row, first_blueprint_row (self) + i);
        return TRUE;
      }
  first = first_blueprint_row (self) + self->blueprints->len;
  for (guint i = 0; i < n_others (self); i++)
    {
      guint saved = adw_combo_row_get_selected (self->content_row);

      adw_combo_row_set_selected (self->content_row, first + i);
      if (g_strcmp0 (selected_other (self), artefact) == 0)
        return TRUE;
      adw_combo_row_set_selected (self->content_row, saved);
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
 * file chooser, but synchronously. A failed export leaves no file, and a
 * drawing is never written over the document's own file.
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

  if (!tpt_export_check_target (self->document_file, file, is_copy (self), error))
    return FALSE;
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
  GFile            *file;
  TptExportOptions  options;
  char             *artefact;
  char             *page_size;
  char             *poster;
  GBytes           *since_bytes;  /* the older version, for changes pages */
  char             *since_name;
  gboolean          copy;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_clear_object (&job->file);
  g_free (job->artefact);
  g_free (job->page_size);
  g_free (job->poster);
  g_clear_pointer (&job->since_bytes, g_bytes_unref);
  g_free (job->since_name);
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
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ExportJob *job;

  if (!tpt_export_check_target (self->document_file, file, is_copy (self), &error))
    {
      gtk_label_set_label (self->problem, error->message);
      return;
    }

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  job = g_new0 (ExportJob, 1);
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
  g_settings_set_boolean (self->settings, "export-landscape",
                          gtk_switch_get_active (self->landscape_switch));
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

  tpt_export_dialog_get_options (self, &options);
  remember_choices (self);

  /* Options that make nothing say so before anything else happens. */
  ensure_plan (self);
  if (self->plan_error != NULL)
    {
      gtk_label_set_label (self->problem, self->plan_error->message);
      return;
    }

  if (!is_export (self))
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      tpt_print_poster (parent, self->document, NULL, &options, self->document_file);
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

static GListModel *
string_list (const char * const *items,
             guint               n_items)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n_items; i++)
    gtk_string_list_append (list, items[i]);
  return G_LIST_MODEL (list);
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
setup (TptExportDialog *self,
       TptBlueprint    *preselect)
{
  g_autoptr(GPtrArray) contents = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) pages = g_ptr_array_new ();
  g_autoptr(GListModel) content_model = NULL;
  g_autoptr(GListModel) page_model = NULL;
  g_autoptr(GListModel) paper_model = NULL;
  g_autofree char *theme = g_settings_get_string (self->settings, "export-theme");
  g_autofree char *page = g_settings_get_string (self->settings, "export-page-size");
  g_autofree char *paper = g_settings_get_string (self->settings, "poster-paper");
  gboolean export_mode = is_export (self);

  if (export_mode)
    g_ptr_array_add (contents, g_strdup (_("Whole Document")));
  for (guint i = 0; i < self->blueprints->len; i++)
    g_ptr_array_add (contents, g_strdup (tpt_blueprint_get_title (self->blueprints->pdata[i])));
  if (export_mode)
    {
      for (guint i = 0; i < G_N_ELEMENTS (document_artefacts); i++)
        g_ptr_array_add (contents, g_strdup (tpt_artefact_kind_get_title (document_artefacts[i])));
      g_ptr_array_add (contents, g_strdup (_("Slides (16:9)")));
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (poster_artefacts); i++)
      g_ptr_array_add (contents, g_strdup (tpt_artefact_kind_get_title (poster_artefacts[i])));
  content_model = string_list ((const char * const *) contents->pdata, contents->len);
  adw_combo_row_set_model (self->content_row, content_model);

  g_ptr_array_add (pages, (gpointer) _("Fit to Content"));
  for (guint i = 0; i < G_N_ELEMENTS (paper_names); i++)
    g_ptr_array_add (pages, (gpointer) paper_names[i]);
  page_model = string_list ((const char * const *) pages->pdata, pages->len);
  adw_combo_row_set_model (self->page_row, page_model);
  paper_model = string_list (paper_names, G_N_ELEMENTS (paper_names));
  adw_combo_row_set_model (self->paper_row, paper_model);

  gtk_window_set_title (GTK_WINDOW (self), export_mode ? _("Export") : _("Print Poster"));
  gtk_button_set_label (self->action_button, export_mode ? _("_Export…") : _("_Print…"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->content_row),
                                 export_mode ? _("Content") : _("Artefact"));
  adw_expander_row_set_show_enable_switch (self->poster_row, export_mode);
  adw_expander_row_set_enable_expansion (self->poster_row, !export_mode);
  adw_expander_row_set_expanded (self->poster_row, !export_mode);

  /* Start from the last choices. */
  adw_combo_row_set_selected (self->theme_row, g_str_equal (theme, "dark") ? 1
                                               : g_str_equal (theme, "print") ? 2
                                               : g_str_equal (theme, "projector") ? 3 : 0);
  adw_combo_row_set_selected (self->page_row, g_ascii_strcasecmp (page, "fit") == 0
                                              ? 0 : 1 + paper_index (page));
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
        adw_combo_row_set_selected (self->content_row, first_blueprint_row (self) + i);

  gtk_drawing_area_set_draw_func (self->preview, draw_preview_cb, self, NULL);
  self->ready = TRUE;
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
  g_clear_pointer (&self->plan, tpt_export_plan_free);
  g_clear_pointer (&self->image, tpt_artefact_drawing_unref);
  g_clear_error (&self->plan_error);
  g_clear_object (&self->document);
  g_clear_object (&self->document_file);
  g_clear_object (&self->changes_since);
  g_clear_pointer (&self->changes_since_name, g_free);
  g_clear_object (&self->filter_blueprint);
  g_clear_object (&self->filter_persona);
  g_clear_pointer (&self->filter_segment, g_free);
  g_clear_pointer (&self->blueprints, g_ptr_array_unref);
  g_clear_object (&self->settings);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TPT_TYPE_EXPORT_DIALOG);

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/touchpoint/Touchpoint/"
                                               "tpt-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, toasts);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, action_button);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, content_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, page_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, landscape_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, landscape_switch);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, dpi_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, dpi_spin);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, transparent_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, transparent_switch);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, changes_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, changes_switch);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, poster_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, paper_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, sheets_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, sheets_spin);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, width_row);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, overlap_spin);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, marks_switch);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, preview);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, previous_button);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, next_button);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, page_label);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, caption);
  gtk_widget_class_bind_template_child (widget_class, TptExportDialog, problem);
  gtk_widget_class_bind_template_callback (widget_class, update);
  gtk_widget_class_bind_template_callback (widget_class, action_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, previous_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, gtk_window_close);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "preview.previous", NULL);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, preview_action_cb);
  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, preview_action_cb);
}

static void
tpt_export_dialog_init (TptExportDialog *self)
{
  self->settings = g_settings_new (APPLICATION_ID);
  self->context = tpt_text_context_new ();
  self->cancellable = g_cancellable_new ();
  self->blueprints = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * tpt_export_dialog_new:
 * @parent: the document's window
 * @document: the document
 * @blueprint: (nullable): the blueprint to start with
 * @document_file: (nullable): the document's file, to name the export after
 *   and never to write a drawing over
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

  self = g_object_new (TPT_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->mode = mode;
  g_set_object (&self->document_file, document_file);
  blueprints = tpt_document_get_blueprints (document);
  for (guint i = 0; i < g_list_model_get_n_items (blueprints); i++)
    g_ptr_array_add (self->blueprints, g_list_model_get_item (blueprints, i));
  setup (self, blueprint);

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
  g_return_if_fail (TPT_IS_EXPORT_DIALOG (self));
  g_return_if_fail (older == NULL || (TPT_IS_DOCUMENT (older) && name != NULL));

  g_set_object (&self->changes_since, older);
  g_free (self->changes_since_name);
  self->changes_since_name = g_strdup (name);
  if (older != NULL)
    {
      /* Translators: an export option; %s names the version compared
       * with, e.g. “the saved file”. */
      g_autofree char *title = g_strdup_printf (_("Changes Since %s"), name);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->changes_row), title);
    }
  update (self);
}

/**
 * tpt_export_dialog_set_filter:
 * @self: a #TptExportDialog
 * @filter: (nullable): the state and persona or segment the window's
 *   needs matrix and coverage are for
 *
 * Exports the needs matrix and coverage for them, as the window shows
 * them; %NULL for the defaults.
 */
void
tpt_export_dialog_set_filter (TptExportDialog         *self,
                              const TptCoverageFilter *filter)
{
  TptBlueprint *blueprint = filter != NULL ? filter->blueprint : NULL;
  TptPersona *persona = filter != NULL ? filter->persona : NULL;

  g_return_if_fail (TPT_IS_EXPORT_DIALOG (self));

  g_set_object (&self->filter_blueprint, blueprint);
  g_set_object (&self->filter_persona, persona);
  g_free (self->filter_segment);
  self->filter_segment = g_strdup (filter != NULL ? filter->segment : NULL);
  update (self);
}
