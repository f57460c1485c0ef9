/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-pdf-amend"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "tpt-pdf-amend.h"

#include <errno.h>
#include <gio/gio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What cairo 1.16 cannot write into a PDF, added after it has: links
 * between pages (its own link tags to later pages damage the file), trim
 * boxes, and the viewer preference that asks printers not to scale. They
 * go in as an incremental update, the way PDF editors amend a file: new
 * versions of the objects they change and a new cross-reference section,
 * appended, so the bytes cairo wrote stay as they are. */

struct _TptPdfAmend
{
  GArray   *links;        /* TptPdfLink */
  GArray   *boxes;        /* TptPdfBox */
  gboolean  no_scaling;
};

TptPdfAmend *
tpt_pdf_amend_new (void)
{
  TptPdfAmend *self = g_new0 (TptPdfAmend, 1);

  self->links = g_array_new (FALSE, FALSE, sizeof (TptPdfLink));
  self->boxes = g_array_new (FALSE, FALSE, sizeof (TptPdfBox));
  return self;
}

void
tpt_pdf_amend_free (TptPdfAmend *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->links);
  g_array_unref (self->boxes);
  g_free (self);
}

/**
 * tpt_pdf_amend_add_link:
 * @self: the amendments
 * @page: the page the link is on, from 0
 * @rect: where, in points from the page's top left corner
 * @target: the page it goes to, from 0
 */
void
tpt_pdf_amend_add_link (TptPdfAmend   *self,
                        guint          page,
                        const TptRect *rect,
                        guint          target)
{
  TptPdfLink link = { page, *rect, target };

  g_return_if_fail (self != NULL);
  g_array_append_val (self->links, link);
}

/**
 * tpt_pdf_amend_set_trim_box:
 * @self: the amendments
 * @page: the page, from 0
 * @rect: the finished page after trimming, in points from its top left
 */
void
tpt_pdf_amend_set_trim_box (TptPdfAmend   *self,
                            guint          page,
                            const TptRect *rect)
{
  TptPdfBox box = { page, *rect };

  g_return_if_fail (self != NULL);
  g_array_append_val (self->boxes, box);
}

/**
 * tpt_pdf_amend_set_no_print_scaling:
 * @self: the amendments
 *
 * Asks printing readers to print at actual size (/PrintScaling /None),
 * as a poster's sheets must be.
 */
void
tpt_pdf_amend_set_no_print_scaling (TptPdfAmend *self)
{
  g_return_if_fail (self != NULL);
  self->no_scaling = TRUE;
}

gboolean
tpt_pdf_amend_is_empty (TptPdfAmend *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->links->len == 0 && self->boxes->len == 0 && !self->no_scaling;
}

/* Reading the file cairo wrote ------------------------------------------- */

typedef struct
{
  const char *data;
  gsize       size;
  GArray     *offsets;    /* gsize, by object number; 0 for none */
  guint       n_objects;  /* the trailer's /Size */
  guint       root;
  guint       info;
  gsize       xref;
} Pdf;

static const char *
find_last (const Pdf  *pdf,
           const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = pdf->size >= n ? pdf->size - n + 1 : 0; i > 0; i--)
    if (memcmp (pdf->data + i - 1, needle, n) == 0)
      return pdf->data + i - 1;
  return NULL;
}

static guint
number_after (const char *start,
              const char *end,
              const char *key)
{
  gsize n = strlen (key);

  for (const char *p = start; p + n < end; p++)
    if (memcmp (p, key, n) == 0 && !g_ascii_isalnum (p[n]))
      return (guint) strtoul (p + n, NULL, 10);
  return 0;
}

static gboolean
read_xref (Pdf *pdf)
{
  const char *p, *end = pdf->data + pdf->size;
  const char *startxref = find_last (pdf, "startxref");
  const char *trailer = find_last (pdf, "trailer");

  if (startxref == NULL || trailer == NULL)
    return FALSE;
  pdf->xref = strtoul (startxref + strlen ("startxref"), NULL, 10);
  pdf->n_objects = number_after (trailer, end, "/Size");
  pdf->root = number_after (trailer, end, "/Root");
  pdf->info = number_after (trailer, end, "/Info");
  if (pdf->xref + 4 > pdf->size || memcmp (pdf->data + pdf->xref, "xref", 4) != 0 ||
      pdf->n_objects == 0 || pdf->root == 0)
    return FALSE;

  g_array_set_size (pdf->offsets, pdf->n_objects);
  p = pdf->data + pdf->xref + 4;
  while (p < trailer)
    {
      char *next;
      gulong first = strtoul (p, &next, 10);
      gulong count;

      if (next == p)
        break;
      count = strtoul (next, &next, 10);
      p = next;
      for (gulong i = 0; i < count && p < trailer; i++)
        {
          gulong offset = strtoul (p, &next, 10);
          const char *type;

          strtoul (next, &next, 10);
          type = next;
          while (type < trailer && g_ascii_isspace (*type))
            type++;
          if (first + i < pdf->n_objects && *type == 'n')
            g_array_index (pdf->offsets, gsize, first + i) = offset;
          p = type + 1;
        }
    }
  return TRUE;
}

/* The dictionary of object @number, from its "<<" to its last ">>". */
static gboolean
object_dict (const Pdf   *pdf,
             guint        number,
             const char **start,
             const char **end)
{
  gsize offset;
  const char *obj, *stop;
  g_autofree char *head = g_strdup_printf ("%u 0 obj", number);

  if (number >= pdf->offsets->len || (offset = g_array_index (pdf->offsets, gsize, number)) == 0 ||
      offset + strlen (head) > pdf->size || memcmp (pdf->data + offset, head, strlen (head)) != 0)
    return FALSE;
  obj = pdf->data + offset + strlen (head);
  stop = g_strstr_len (obj, pdf->data + pdf->size - obj, "endobj");
  if (stop == NULL)
    return FALSE;
  *start = g_strstr_len (obj, stop - obj, "<<");
  if (*start == NULL)
    return FALSE;
  for (*end = stop; *end > *start + 2; (*end)--)
    if ((*end)[-1] == '>' && (*end)[-2] == '>')
      break;
  return *end > *start + 2;
}

/* The page objects, in order, from the catalog's flat page tree. */
static gboolean
read_pages (const Pdf *pdf,
            GArray    *pages)
{
  const char *start, *end, *kids;
  guint tree;

  if (!object_dict (pdf, pdf->root, &start, &end) ||
      (tree = number_after (start, end, "/Pages")) == 0 ||
      !object_dict (pdf, tree, &start, &end) ||
      (kids = g_strstr_len (start, end - start, "/Kids")) == NULL)
    return FALSE;

  kids = strchr (kids, '[');
  if (kids == NULL || kids > end)
    return FALSE;
  for (const char *p = kids + 1; p < end && *p != ']';)
    {
      char *next;
      gulong number = strtoul (p, &next, 10);

      if (next == p)
        {
          p++;
          continue;
        }
      strtoul (next, &next, 10);
      while (next < end && (g_ascii_isspace (*next) || *next == 'R'))
        next++;
      g_array_append_val (pages, number);
      p = next;
    }
  return pages->len > 0;
}

static double
page_height (const Pdf *pdf,
             guint      number)
{
  const char *start, *end, *box;
  double v[4] = { 0, 0, 0, 0 };

  if (!object_dict (pdf, number, &start, &end) ||
      (box = g_strstr_len (start, end - start, "/MediaBox")) == NULL ||
      (box = strchr (box, '[')) == NULL)
    return 0;
  box++;
  for (guint i = 0; i < 4; i++)
    {
      char *next;

      v[i] = g_ascii_strtod (box, &next);
      box = next;
    }
  return v[3] - v[1];
}

/* Writing the update ------------------------------------------------------ */

static void
append_rect (GString       *out,
             const TptRect *rect,
             double         height)
{
  g_autofree char *x0 = g_strdup_printf ("%.2f", rect->x);
  g_autofree char *y0 = g_strdup_printf ("%.2f", height - tpt_rect_bottom (rect));
  g_autofree char *x1 = g_strdup_printf ("%.2f", tpt_rect_right (rect));
  g_autofree char *y1 = g_strdup_printf ("%.2f", height - rect->y);

  /* Decimal points whatever the locale. */
  g_strdelimit (x0, ",", '.');
  g_strdelimit (y0, ",", '.');
  g_strdelimit (x1, ",", '.');
  g_strdelimit (y1, ",", '.');
  g_string_append_printf (out, "[%s %s %s %s]", x0, y0, x1, y1);
}

typedef struct
{
  guint number;
  gsize offset;
} Entry;

static void
begin_object (GString *out,
              GArray  *entries,
              gsize    base,
              guint    number)
{
  Entry entry = { number, base + out->len };

  g_array_append_val (entries, entry);
  g_string_append_printf (out, "%u 0 obj\n", number);
}

/* A new version of object @number: its dictionary with @extra first. */
static gboolean
amend_object (const Pdf  *pdf,
              GString    *out,
              GArray     *entries,
              gsize       base,
              guint       number,
              const char *extra)
{
  const char *start, *end;

  if (!object_dict (pdf, number, &start, &end))
    return FALSE;
  begin_object (out, entries, base, number);
  g_string_append (out, "<< ");
  g_string_append (out, extra);
  g_string_append_c (out, '\n');
  g_string_append_len (out, start + 2, end - start - 2);
  g_string_append (out, "\nendobj\n");
  return TRUE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        size,
           GError     **error)
{
  while (size > 0)
    {
      gssize n = write (fd, data, size);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved = n < 0 ? errno : ENOSPC;

          g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved),
                               g_strerror (saved));
          return FALSE;
        }
      data += n;
      size -= (gsize) n;
    }
  return TRUE;
}

static gboolean
build_update (TptPdfAmend *self,
              const Pdf   *pdf,
              GString     *out)
{
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (gulong));
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  guint next = pdf->n_objects;
  gsize xref;

  if (!read_pages (pdf, pages))
    return FALSE;

  g_string_append_c (out, '\n');

  if (self->no_scaling &&
      !amend_object (pdf, out, entries, pdf->size, pdf->root,
                     "/ViewerPreferences << /PrintScaling /None >>"))
    return FALSE;

  for (guint p = 0; p < pages->len; p++)
    {
      guint number = (guint) g_array_index (pages, gulong, p);
      double height = page_height (pdf, number);
      g_autoptr(GString) extra = g_string_new (NULL);
      guint first_link = next;

      for (guint i = 0; i < self->boxes->len; i++)
        {
          const TptPdfBox *box = &g_array_index (self->boxes, TptPdfBox, i);

          if (box->page == p)
            {
              g_string_append (extra, "/TrimBox ");
              append_rect (extra, &box->rect, height);
              g_string_append_c (extra, ' ');
            }
        }
      for (guint i = 0; i < self->links->len; i++)
        if (g_array_index (self->links, TptPdfLink, i).page == p)
          next++;
      if (next > first_link)
        {
          g_string_append (extra, "/Annots [");
          for (guint n = first_link; n < next; n++)
            g_string_append_printf (extra, " %u 0 R", n);
          g_string_append (extra, " ]");
        }
      if (extra->len == 0)
        continue;
      if (!amend_object (pdf, out, entries, pdf->size, number, extra->str))
        return FALSE;

      for (guint i = 0, n = first_link; i < self->links->len; i++)
        {
          const TptPdfLink *link = &g_array_index (self->links, TptPdfLink, i);

          if (link->page != p || link->target >= pages->len)
            continue;
          begin_object (out, entries, pdf->size, n++);
          g_string_append (out, "<< /Type /Annot /Subtype /Link /Border [0 0 0] /Rect ");
          append_rect (out, &link->rect, height);
          g_string_append_printf (out, " /Dest [%lu 0 R /XYZ null null null] >>\nendobj\n",
                                  g_array_index (pages, gulong, link->target));
        }
    }

  xref = pdf->size + out->len;
  g_string_append (out, "xref\n");
  for (guint i = 0; i < entries->len; i++)
    {
      const Entry *entry = &g_array_index (entries, Entry, i);

      g_string_append_printf (out, "%u 1\n%010" G_GSIZE_FORMAT " 00000 n \n", entry->number,
                              entry->offset);
    }
  g_string_append_printf (out, "trailer\n<< /Size %u /Root %u 0 R", next, pdf->root);
  if (pdf->info > 0)
    g_string_append_printf (out, " /Info %u 0 R", pdf->info);
  g_string_append_printf (out, " /Prev %" G_GSIZE_FORMAT " >>\nstartxref\n%" G_GSIZE_FORMAT
                          "\n%%%%EOF\n", pdf->xref, xref);
  return TRUE;
}

/**
 * tpt_pdf_amend_apply:
 * @self: the amendments
 * @fd: the PDF cairo wrote, open for reading and writing
 * @error: the place for an error
 *
 * Appends the amendments to the PDF as an incremental update.
 *
 * Returns: %TRUE on success; on failure the file may have a partial
 *   update at its end, and is to be thrown away
 */
gboolean
tpt_pdf_amend_apply (TptPdfAmend  *self,
                     int           fd,
                     GError      **error)
{
  g_autoptr(GString) update = g_string_new (NULL);
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  Pdf pdf = { 0 };
  guint8 buffer[65536];
  gssize n;

  g_return_val_if_fail (self != NULL, FALSE);

  if (tpt_pdf_amend_is_empty (self))
    return TRUE;

  if (lseek (fd, 0, SEEK_SET) < 0)
    goto io_error;
  while ((n = read (fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        goto io_error;
      g_byte_array_append (bytes, buffer, (guint) n);
    }

  pdf.data = (const char *) bytes->data;
  pdf.size = bytes->len;
  pdf.offsets = g_array_new (FALSE, TRUE, sizeof (gsize));
  if (!read_xref (&pdf) || !build_update (self, &pdf, update))
    {
      g_array_unref (pdf.offsets);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The PDF could not be finished: its structure is not as expected"));
      return FALSE;
    }
  g_array_unref (pdf.offsets);

  if (lseek (fd, 0, SEEK_END) < 0)
    goto io_error;
  return write_all (fd, update->str, update->len, error);

io_error:
  {
    int saved = errno;

    g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (saved), g_strerror (saved));
    return FALSE;
  }
}
