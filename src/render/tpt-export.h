/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "tpt-document.h"
#include "tpt-theme.h"

G_BEGIN_DECLS

#define TPT_EXPORT_ERROR (tpt_export_error_quark ())

/**
 * TptExportError:
 * @TPT_EXPORT_ERROR_BAD_OPTION: an option is out of range or does not apply
 * @TPT_EXPORT_ERROR_NO_ARTEFACT: the artefact to export is missing or
 *   cannot be exported to this format
 * @TPT_EXPORT_ERROR_TOO_LARGE: the image would be too large
 * @TPT_EXPORT_ERROR_FAILED: drawing or writing failed
 */
typedef enum
{
  TPT_EXPORT_ERROR_BAD_OPTION,
  TPT_EXPORT_ERROR_NO_ARTEFACT,
  TPT_EXPORT_ERROR_TOO_LARGE,
  TPT_EXPORT_ERROR_FAILED,
} TptExportError;

typedef enum
{
  TPT_EXPORT_PDF,
  TPT_EXPORT_SVG,
  TPT_EXPORT_PNG,
} TptExportFormat;

/**
 * TptExportOptions:
 * @format: what to write
 * @artefact: (nullable): the id of the artefact to export; %NULL for the
 *   whole document (PDF) or its only blueprint (SVG, PNG); "slides" for
 *   the slide list, or the default slides while it is empty, on 16:9
 *   pages (PDF only)
 * @page_size: (nullable): a paper size for PDF pages, see
 *   tpt_page_size_lookup(); %NULL to fit each page to its content
 * @landscape: turn named pages to landscape
 * @dpi: the resolution of PNG images
 * @theme: the colours
 * @date: (nullable): the date on the cover; %NULL for today
 * @poster: (nullable): a paper size to tile one blueprint over, as a wall
 *   poster (PDF only); %NULL for none
 * @poster_scale: the poster's print scale in percent, or 0
 * @sheets_wide: how many sheets the poster spans across, or 0
 * @overlap_mm: the strip neighbouring poster sheets share, in millimetres
 * @no_marks: leave the crop marks and overlap ticks off poster sheets
 * @poster_width_mm: the poster's finished width in millimetres, or 0
 * @sheets: (nullable): the poster sheets to print, such as "B2,C3"; %NULL
 *   for all of them and the assembly page
 * @paper_width: paper in points that overrides @page_size or @poster
 *   (printing, where the print dialog chose it), or 0
 * @paper_height: likewise
 * @transparent: PNG only: no paper behind the drawing
 * @min_text: the smallest text size, in points, a page may print; an
 *   artefact that would be smaller is split over pages; 0 for 5
 * @blueprint: (nullable): with the artefact "needs-matrix", "coverage" or
 *   "case-for-change", the id of the blueprint it is for: the state whose
 *   cards count as serving needs, or the future state to make the case
 *   for; %NULL for the default (the first current state, or the first
 *   future state based on another)
 * @persona: (nullable): with the artefact "needs-matrix" or "coverage",
 *   the id of the persona whose needs and cards they show; %NULL for all
 * @segment: (nullable): the same for the personas of one segment, by its
 *   name; not with @persona
 * @changes_since: (nullable): an older version of the document: a whole-
 *   document PDF then has "Changes since …" pages after the cover, listing
 *   what changed from it (tpt_diff_new())
 * @changes_since_name: what those pages call the older version, e.g. its
 *   file name or "the saved file"; needed with @changes_since
 *
 * A page size of "fit" sizes each page to its content (the default when
 * one artefact is exported); the whole document goes on A4 landscape
 * unless told otherwise.
 */
typedef struct
{
  TptExportFormat  format;
  const char      *artefact;
  const char      *page_size;
  gboolean         landscape;
  double           dpi;
  TptThemeKind     theme;
  GDateTime       *date;
  const char      *poster;
  double           poster_scale;
  guint            sheets_wide;
  double           overlap_mm;
  gboolean         no_marks;
  double           poster_width_mm;
  const char      *sheets;
  double           paper_width;
  double           paper_height;
  gboolean         transparent;
  double           min_text;
  const char      *blueprint;
  const char      *persona;
  const char      *segment;
  TptDocument     *changes_since;
  const char      *changes_since_name;
} TptExportOptions;

/**
 * TptExportResult:
 * @n_pages: the pages or images written
 * @smallest_text: the smallest text, in points as printed (or, for
 *   slides, in points of the 960-point-wide slide)
 * @notes: (array zero-terminated=1): what the export did that the user
 *   should know: artefacts split over pages, a poster's size, characters
 *   no font could draw
 * @warnings: (array zero-terminated=1): what may go wrong with it: text
 *   too small to read
 */
typedef struct
{
  guint   n_pages;
  double  smallest_text;
  GStrv   notes;
  GStrv   warnings;
} TptExportResult;

void     tpt_export_result_clear     (TptExportResult   *result);

#define TPT_EXPORT_MIN_DPI     10
#define TPT_EXPORT_MAX_DPI     1200
#define TPT_EXPORT_MAX_PIXELS  (16384 * 16384)
#define TPT_EXPORT_MIN_TEXT    5.0

GQuark   tpt_export_error_quark      (void);
void     tpt_export_options_init     (TptExportOptions  *options);
gboolean tpt_export_format_for_path  (const char        *path,
                                      TptExportFormat   *format);
gboolean tpt_export_full             (TptDocument       *document,
                                      GFile             *file,
                                      const TptExportOptions *options,
                                      TptExportResult   *result,
                                      GCancellable      *cancellable,
                                      GError           **error);
gboolean tpt_export_check_target     (GFile             *source,
                                      GFile             *target,
                                      gboolean           touchpoint,
                                      GError           **error);
gboolean tpt_export                  (TptDocument       *document,
                                      GFile             *file,
                                      const TptExportOptions *options,
                                      GCancellable      *cancellable,
                                      GError           **error);

G_END_DECLS
