/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-text"

#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "tpt-blueprint-layout.h"
#include "tpt-blueprint-renderer.h"
#include "tpt-export.h"
#include "tpt-format.h"
#include "tpt-text.h"

/* Hostile text: how long a document whose card, persona, need or title
 * holds one huge string takes to load, lay out, draw and export. A pasted
 * hash or base64 blob is one unbreakable run; the target is under a second
 * for 200,000 characters, and no single layout over 100 ms (the longest
 * the window's main loop may be kept).
 *
 *   _build/tests/bench-text [--max N]
 *
 * Prints figures; not a test. */

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* N characters as a pasted blob: a long hash, letters and digits, no
 * break opportunity anywhere (base64's "+" and "/" would give some). */
static char *
blob (guint n)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789ab";
  char *text = g_malloc (n + 1);
  guint32 seed = 12345;

  for (guint i = 0; i < n; i++)
    {
      seed = seed * 1103515245 + 12345;
      text[i] = alphabet[(seed >> 16) % 64];
    }
  text[n] = '\0';
  return text;
}

/* N characters of words, as a long pasted text. */
static char *
words (guint n)
{
  static const char *list[] = { "claim ", "policy ", "waits ", "on ", "hold ", "customer ",
                                "agent ", "portal ", "refund ", "status " };
  GString *text = g_string_sized_new (n + 16);
  guint i = 0;

  while (text->len < n)
    g_string_append (text, list[i++ % G_N_ELEMENTS (list)]);
  g_string_truncate (text, n);
  return g_string_free (text, FALSE);
}

typedef enum
{
  WHERE_CARD,
  WHERE_PERSONA,
  WHERE_NEED,
  WHERE_TITLES,
} Where;

static GBytes *
document_with (const char *text,
               Where       where)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<touchpoint format=\"1\">\n  <meta>\n    <title>");

  g_string_append (out, where == WHERE_TITLES ? text : "Hostile text");
  g_string_append (out, "</title>\n  </meta>\n");
  if (where == WHERE_PERSONA)
    {
      g_string_append (out, "  <personas>\n    <persona id=\"p1\" color=\"#3584e4\">\n"
                            "      <name>");
      g_string_append (out, text);
      g_string_append (out, "</name>\n      <quote>");
      g_string_append (out, text);
      g_string_append (out, "</quote>\n      <goal>");
      g_string_append (out, text);
      g_string_append (out, "</goal>\n    </persona>\n  </personas>\n");
    }
  if (where == WHERE_NEED)
    {
      g_string_append (out, "  <needs>\n    <need id=\"n1\">\n      <title>");
      g_string_append (out, text);
      g_string_append (out, "</title>\n      <description>");
      g_string_append (out, text);
      g_string_append (out, "</description>\n    </need>\n  </needs>\n");
    }
  g_string_append (out, "  <blueprint id=\"b1\" state=\"current\">\n    <title>");
  g_string_append (out, where == WHERE_TITLES ? text : "Claims");
  g_string_append (out, "</title>\n    <lane id=\"l1\" kind=\"customer\"><title>");
  g_string_append (out, where == WHERE_TITLES ? text : "Customer");
  g_string_append (out, "</title></lane>\n    <stage id=\"s1\">\n      <title>");
  g_string_append (out, where == WHERE_TITLES ? text : "Report");
  g_string_append (out, "</title>\n      <step id=\"t1\"><title>");
  g_string_append (out, where == WHERE_TITLES ? text : "Calls");
  g_string_append (out, "</title></step>\n    </stage>\n"
                        "    <card id=\"c1\" lane=\"l1\" step=\"t1\" kind=\"action\">\n"
                        "      <text>");
  g_string_append (out, where == WHERE_CARD ? text : "Calls the hotline");
  g_string_append (out, "</text>\n");
  if (where == WHERE_NEED)
    g_string_append (out, "      <serves>n1</serves>\n");
  g_string_append (out, "    </card>\n  </blueprint>\n</touchpoint>\n");

  return g_string_free_to_bytes (out);
}

static void
bench (const char *what,
       const char *text,
       Where       where,
       const char *dir)
{
  g_autoptr(GBytes) bytes = document_with (text, where);
  g_autoptr(TptDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) context = G_OBJECT (tpt_text_context_new ());
  PangoContext *pango = PANGO_CONTEXT (context);
  g_autoptr(TptBlueprintLayout) layout = NULL;
  g_autoptr(TptBlueprint) blueprint = NULL;
  g_autofree char *path = g_build_filename (dir, "hostile.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  cairo_surface_t *surface;
  cairo_t *cr;
  TptExportOptions options;
  double start, load_ms, layout_ms, draw_ms, export_ms;

  start = now_ms ();
  document = tpt_document_load_bytes (bytes, &error);
  if (document == NULL)
    g_error ("%s: %s", what, error->message);
  load_ms = now_ms () - start;

  blueprint = g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  start = now_ms ();
  layout = tpt_blueprint_layout_new (document, blueprint, pango);
  layout_ms = now_ms () - start;

  start = now_ms ();
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cr = cairo_create (surface);
  cairo_scale (cr, MIN (1.0, 1920 / MAX (layout->bounds.width, 1.0)),
               MIN (1.0, 1080 / MAX (layout->bounds.height, 1.0)));
  tpt_blueprint_render (cr, layout, tpt_theme_get (TPT_THEME_LIGHT));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  draw_ms = now_ms () - start;

  /* The whole document: cover, blueprint, personas, matrix, coverage. */
  tpt_export_options_init (&options);
  options.format = TPT_EXPORT_PDF;
  start = now_ms ();
  if (!tpt_export (document, file, &options, NULL, &error))
    g_error ("%s: %s", what, error->message);
  export_ms = now_ms () - start;
  g_unlink (path);

  printf ("%-40s load %7.1f   layout %7.1f   draw %7.1f   export %7.1f   all %7.1f ms"
          "   (blueprint %.0f × %.0f pt)\n",
          what, load_ms, layout_ms, draw_ms, export_ms,
          load_ms + layout_ms + draw_ms + export_ms,
          layout->bounds.width, layout->bounds.height);
}

int
main (int   argc,
      char *argv[])
{
  static const guint sizes[] = { 10000, 40000, 200000 };
  g_autofree char *dir = g_dir_make_tmp ("bench-text-XXXXXX", NULL);
  guint max = 200000;

  if (argc == 3 && g_str_equal (argv[1], "--max"))
    max = (guint) g_ascii_strtoull (argv[2], NULL, 10);

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree char *text = blob (sizes[i]);
      g_autofree char *what = g_strdup_printf ("card, %u-char unbreakable run", sizes[i]);

      if (sizes[i] > max)
        continue;
      bench (what, text, WHERE_CARD, dir);
    }

  if (max >= 200000)
    {
      g_autofree char *text = blob (200000);
      g_autofree char *prose = words (200000);

      bench ("card, 200000 chars of words", prose, WHERE_CARD, dir);
      bench ("persona name/quote/goal, 200000-char run", text, WHERE_PERSONA, dir);
      bench ("need title/description, 200000-char run", text, WHERE_NEED, dir);
      bench ("titles of all kinds, 200000-char run", text, WHERE_TITLES, dir);
    }

  g_rmdir (dir);
  return 0;
}
