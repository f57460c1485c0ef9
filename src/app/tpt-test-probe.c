/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "tpt-test-probe"

#include "config.h"

#include <cairo-pdf.h>
#include <string.h>

#include "tpt-test-probe.h"

#include "tpt-canvas.h"
#include "tpt-format.h"
#include "tpt-history.h"
#include "tpt-inspector.h"
#include "tpt-kpi.h"
#include "tpt-kpi-pill.h"
#include "tpt-outline.h"
#include "tpt-pages.h"
#include "tpt-presentation-window.h"
#include "tpt-presenter-console.h"
#include "tpt-slide-view.h"
#include "tpt-window.h"

/* What the real-input tests (tests/input/) ask the running app: where a
 * node is drawn on screen, where a button or menu item is, and what the
 * window's state is. It only answers; the input itself comes from the X
 * server (xdotool), as a person's does. It is on the application's own
 * D-Bus connection, and only when TPT_TEST_PROBE is set, so that a
 * user's session never has it. Coordinates are in the pixels of the
 * window's surface, which is where xdotool points on X11. */

#define PROBE_INTERFACE "io.github.touchpoint.TestProbe"

static const char introspection[] =
  "<node>"
  "  <interface name='" PROBE_INTERFACE "'>"
  "    <method name='Locate'>"
  "      <arg type='s' name='id' direction='in'/>"
  "      <arg type='s' name='part' direction='in'/>"
  "      <arg type='(biiii)' name='rect' direction='out'/>"
  "    </method>"
  "    <method name='LocateWidget'>"
  "      <arg type='s' name='query' direction='in'/>"
  "      <arg type='(biiii)' name='rect' direction='out'/>"
  "    </method>"
  "    <method name='Pick'>"
  "      <arg type='i' name='x' direction='in'/>"
  "      <arg type='i' name='y' direction='in'/>"
  "      <arg type='s' name='type' direction='out'/>"
  "    </method>"
  "    <method name='State'>"
  "      <arg type='s' name='json' direction='out'/>"
  "    </method>"
  "    <method name='Presentation'>"
  "      <arg type='s' name='json' direction='out'/>"
  "    </method>"
  "    <method name='Document'>"
  "      <arg type='s' name='xml' direction='out'/>"
  "    </method>"
  "    <method name='DrawPage'>"
  "      <arg type='s' name='path' direction='in'/>"
  "      <arg type='b' name='drawn' direction='out'/>"
  "    </method>"
  "  </interface>"
  "</node>";

static TptWindow *
probe_window (GtkApplication *application)
{
  GtkWindow *window = gtk_application_get_active_window (application);

  if (TPT_IS_WINDOW (window))
    return TPT_WINDOW (window);
  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (TPT_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

/* A widget's rectangle in the surface of the window it is in, and that
 * surface's offset from the main window's, for popovers. */
static gboolean
widget_rect (GtkWidget      *widget,
             GtkWindow      *main_window,
             graphene_rect_t *rect)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_rect_t bounds;
  double sx, sy;

  if (native == NULL || !gtk_widget_compute_bounds (widget, GTK_WIDGET (native), &bounds))
    return FALSE;
  gtk_native_get_surface_transform (native, &sx, &sy);
  bounds.origin.x += sx;
  bounds.origin.y += sy;

  /* A popover's surface sits at an offset from its parent's. */
  while (GTK_IS_POPOVER (native))
    {
      GdkSurface *surface = gtk_native_get_surface (native);
      GtkWidget *parent = gtk_widget_get_parent (GTK_WIDGET (native));
      GtkNative *parent_native = parent != NULL ? gtk_widget_get_native (parent) : NULL;
      double px, py;

      if (parent_native == NULL || !GDK_IS_POPUP (surface))
        return FALSE;
      bounds.origin.x += gdk_popup_get_position_x (GDK_POPUP (surface));
      bounds.origin.y += gdk_popup_get_position_y (GDK_POPUP (surface));
      gtk_native_get_surface_transform (parent_native, &px, &py);
      native = parent_native;
    }
  if (GTK_WIDGET (native) != GTK_WIDGET (main_window))
    return FALSE;
  *rect = bounds;
  return TRUE;
}

static GVariant *
rect_variant (gboolean               found,
              const graphene_rect_t *rect)
{
  if (!found)
    return g_variant_new ("((biiii))", FALSE, 0, 0, 0, 0);
  return g_variant_new ("((biiii))", TRUE, (int) rect->origin.x, (int) rect->origin.y,
                        (int) rect->size.width, (int) rect->size.height);
}

static GVariant *
locate (GtkApplication *application,
        const char     *id,
        const char     *part)
{
  TptWindow *window = probe_window (application);
  TptCanvas *page;
  TptNode *node;
  TptRect content, view;
  graphene_rect_t bounds;
  graphene_point_t origin;

  if (window == NULL)
    return rect_variant (FALSE, NULL);
  node = tpt_document_lookup (tpt_window_get_document (window), id);
  page = tpt_pages_get_visible_page (tpt_window_get_pages (window));
  if (node == NULL || !tpt_canvas_locate (page, node, *part != '\0' ? part : NULL, &content))
    return rect_variant (FALSE, NULL);

  view = tpt_viewport_rect_to_view (tpt_canvas_get_viewport (page), &content);
  if (!widget_rect (GTK_WIDGET (page), GTK_WINDOW (window), &bounds))
    return rect_variant (FALSE, NULL);
  origin = bounds.origin;
  bounds = GRAPHENE_RECT_INIT (origin.x + view.x, origin.y + view.y, view.width, view.height);
  return rect_variant (TRUE, &bounds);
}

/* Finds a visible widget in @root that @query names: "action:NAME" for a
 * button or menu item of that action, "label:TEXT" for one labelled so,
 * "text:PART" for a label whose text holds PART, "tooltip:TEXT",
 * "type:GTypeName" for the first of a type. */
static GtkWidget *
find_widget (GtkWidget  *root,
             const char *query)
{
  if (!gtk_widget_get_mapped (root))
    return NULL;

  if (g_str_has_prefix (query, "action:") && GTK_IS_ACTIONABLE (root))
    {
      const char *name = gtk_actionable_get_action_name (GTK_ACTIONABLE (root));
      GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));
      g_autofree char *detailed = name != NULL ? g_action_print_detailed_name (name, target) : NULL;

      if (detailed != NULL && g_str_equal (detailed, query + strlen ("action:")))
        return root;
    }
  if (g_str_has_prefix (query, "label:"))
    {
      const char *text = NULL;

      if (GTK_IS_LABEL (root))
        text = gtk_label_get_text (GTK_LABEL (root));
      else if (GTK_IS_BUTTON (root))
        text = gtk_button_get_label (GTK_BUTTON (root));
      if (text != NULL && g_str_equal (text, query + strlen ("label:")))
        return root;
    }
  if (g_str_has_prefix (query, "text:") && GTK_IS_LABEL (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), query + strlen ("text:")) != NULL)
    return root;
  if (g_str_has_prefix (query, "tooltip:") && gtk_widget_get_tooltip_text (root) != NULL &&
      g_str_equal (gtk_widget_get_tooltip_text (root), query + strlen ("tooltip:")))
    return root;
  if (g_str_has_prefix (query, "name:") &&
      g_str_equal (gtk_widget_get_name (root), query + strlen ("name:")))
    return root;
  if (g_str_has_prefix (query, "type:") &&
      g_str_equal (G_OBJECT_TYPE_NAME (root), query + strlen ("type:")))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, query);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The visible toplevel titled @title: a dialog the app opened. */
static GtkWindow *
find_toplevel (const char *title,
               gsize       length)
{
  g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);
      const char *t = gtk_window_get_title (window);

      if (gtk_widget_get_visible (GTK_WIDGET (window)) && t != NULL &&
          strlen (t) == length && strncmp (t, title, length) == 0)
        return window;
    }
  return NULL;
}

/* "window:TITLE>QUERY" looks in the toplevel of that title, and the
 * rectangle is in its surface; anything else looks in the main window. */
static GVariant *
locate_widget (GtkApplication *application,
               const char     *query)
{
  GtkWindow *window = GTK_WINDOW (probe_window (application));
  GtkWidget *widget;
  graphene_rect_t bounds;

  if (g_str_has_prefix (query, "window:") && strchr (query, '>') != NULL)
    {
      const char *title = query + strlen ("window:");
      const char *end = strchr (title, '>');

      window = find_toplevel (title, end - title);
      query = end + 1;
    }
  /* "field:NAME": the inspector's editor of that field. */
  if (window != NULL && g_str_has_prefix (query, "field:"))
    {
      GtkWidget *inspector = find_widget (GTK_WIDGET (window), "type:TptInspector");

      widget = inspector != NULL ? tpt_inspector_get_editor (TPT_INSPECTOR (inspector),
                                                             query + strlen ("field:"))
                                 : NULL;
      if (widget == NULL || !widget_rect (widget, window, &bounds))
        return rect_variant (FALSE, NULL);
      return rect_variant (TRUE, &bounds);
    }
  if (window == NULL || (widget = find_widget (GTK_WIDGET (window), query)) == NULL ||
      !widget_rect (widget, window, &bounds))
    return rect_variant (FALSE, NULL);
  return rect_variant (TRUE, &bounds);
}

/* @value as a JSON string. */
static void
append_json_string (GString    *json,
                    const char *value)
{
  g_string_append_c (json, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (json, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (json, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (json, *p);
    }
  g_string_append_c (json, '"');
}

static void
add_string (GString    *json,
            const char *key,
            const char *value)
{
  g_string_append_printf (json, "\"%s\":", key);
  if (value == NULL)
    g_string_append (json, "null");
  else
    append_json_string (json, value);
  g_string_append_c (json, ',');
}

static GVariant *
state (GtkApplication *application)
{
  TptWindow *window = probe_window (application);
  g_autoptr(GString) json = g_string_new ("{");
  TptSelection *selection;
  TptPages *pages;
  TptCanvas *page;
  TptHistory *history;
  GtkWidget *focus;
  GPtrArray *nodes;
  double x, y;

  if (window == NULL)
    return g_variant_new ("(s)", "{}");

  selection = tpt_window_get_selection (window);
  pages = tpt_window_get_pages (window);
  page = tpt_pages_get_visible_page (pages);
  history = tpt_document_get_history (tpt_window_get_document (window));
  focus = gtk_root_get_focus (GTK_ROOT (window));

  add_string (json, "page", tpt_artefact_kind_get_name (tpt_pages_get_visible_kind (pages)));
  add_string (json, "blueprint", tpt_pages_get_blueprint (pages) != NULL
                                 ? tpt_node_get_id (TPT_NODE (tpt_pages_get_blueprint (pages)))
                                 : NULL);
  add_string (json, "primary", tpt_selection_get_primary (selection) != NULL
                               ? tpt_node_get_id (tpt_selection_get_primary (selection)) : NULL);
  g_string_append (json, "\"selection\":[");
  nodes = tpt_selection_get_nodes (selection);
  for (guint i = 0; i < nodes->len; i++)
    g_string_append_printf (json, "%s\"%s\"", i > 0 ? "," : "",
                            tpt_node_get_id (g_ptr_array_index (nodes, i)) != NULL
                            ? tpt_node_get_id (g_ptr_array_index (nodes, i)) : "");
  g_string_append (json, "],");
  add_string (json, "focus", focus != NULL ? G_OBJECT_TYPE_NAME (focus) : NULL);
  g_string_append_printf (json, "\"focus_visible\":%s,",
                          gtk_window_get_focus_visible (GTK_WINDOW (window)) ? "true" : "false");
  /* Which of the window's panes holds the focus. */
  {
    const char *pane = NULL;

    for (GtkWidget *w = focus; w != NULL && pane == NULL; w = gtk_widget_get_parent (w))
      if (g_str_equal (G_OBJECT_TYPE_NAME (w), "TptOutline"))
        pane = "outline";
      else if (g_str_equal (G_OBJECT_TYPE_NAME (w), "TptInspector"))
        pane = "inspector";
      else if (TPT_IS_CANVAS (w))
        pane = "page";
    add_string (json, "pane", pane);
  }
  /* The inspector field the focus is in, by its property's name. */
  {
    GParamSpec *field = NULL;

    for (GtkWidget *w = focus; w != NULL && field == NULL; w = gtk_widget_get_parent (w))
      field = g_object_get_data (G_OBJECT (w), "tpt-pspec");
    add_string (json, "field", field != NULL ? field->name : NULL);
  }
  /* The outline's rows, as [id, parent's id], for the nodes it lists. */
  {
    GtkWidget *outline = find_widget (GTK_WIDGET (window), "type:TptOutline");
    GListModel *rows = outline != NULL ? tpt_outline_get_rows (TPT_OUTLINE (outline)) : NULL;
    gboolean first = TRUE;

    g_string_append (json, "\"outline\":[");
    for (guint i = 0; rows != NULL && i < g_list_model_get_n_items (rows); i++)
      {
        g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
        g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
        g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);
        g_autoptr(GObject) parent_item = parent != NULL ? gtk_tree_list_row_get_item (parent)
                                                        : NULL;

        if (!TPT_IS_NODE (item) || tpt_node_get_id (TPT_NODE (item)) == NULL)
          continue;
        g_string_append (json, first ? "[" : ",[");
        first = FALSE;
        append_json_string (json, tpt_node_get_id (TPT_NODE (item)));
        g_string_append_c (json, ',');
        if (TPT_IS_NODE (parent_item) && tpt_node_get_id (TPT_NODE (parent_item)) != NULL)
          append_json_string (json, tpt_node_get_id (TPT_NODE (parent_item)));
        else
          g_string_append (json, "null");
        g_string_append_c (json, ']');
      }
    g_string_append (json, "],");
  }
  {
    GtkWidget *inspector = find_widget (GTK_WIDGET (window), "type:TptInspector");
    TptNode *inspected = inspector != NULL ? tpt_inspector_get_node (TPT_INSPECTOR (inspector))
                                           : NULL;

    add_string (json, "inspected", inspected != NULL ? tpt_node_get_id (inspected) : NULL);
  }
  /* The status pill the inspector shows, by its word in reports. */
  {
    GtkWidget *pill = find_widget (GTK_WIDGET (window), "type:TptKpiPill");
    TptKpiStatus status = pill != NULL ? tpt_kpi_pill_get_status (TPT_KPI_PILL (pill))
                                       : TPT_KPI_UNKNOWN;

    add_string (json, "kpi", pill != NULL ? tpt_kpi_status_to_nick (status) : NULL);
    add_string (json, "kpi_text", pill != NULL ? tpt_kpi_pill_get_text (TPT_KPI_PILL (pill))
                                               : NULL);
  }
  g_string_append_printf (json, "\"editing\":%s,", tpt_canvas_is_editing (page) ? "true" : "false");
  if (tpt_canvas_is_editing (page))
    {
      g_autofree char *text =
        tpt_inplace_editor_dup_text (TPT_INPLACE_EDITOR (tpt_canvas_get_editor (page)));

      add_string (json, "edit_text", text);
    }
  g_string_append_printf (json, "\"menu\":%s,", tpt_canvas_get_menu (page) != NULL ? "true" : "false");
  /* What the page says instead of an artefact with nothing in it. */
  {
    const char *title = NULL, *body = NULL;

    if (TPT_CANVAS_GET_CLASS (page)->get_placeholder == NULL ||
        !TPT_CANVAS_GET_CLASS (page)->get_placeholder (page, &title, &body))
      title = NULL;
    add_string (json, "placeholder", title);
  }
  g_string_append_printf (json, "\"marked\":%u,", tpt_canvas_get_n_marked (page));
  g_string_append_printf (json, "\"zoom\":%.4f,", tpt_canvas_get_zoom (page));
  tpt_canvas_get_scroll (page, &x, &y);
  g_string_append_printf (json, "\"scroll\":[%.1f,%.1f],", x, y);
  add_string (json, "undo", tpt_history_get_undo_label (history));
  g_string_append_printf (json, "\"position\":%u,", tpt_history_get_position (history));
  g_string_append_printf (json, "\"entries\":%u,", g_list_model_get_n_items (G_LIST_MODEL (history)));
  g_string_append_printf (json, "\"modified\":%s,",
                          tpt_history_get_modified (history) ? "true" : "false");
  g_string_append_printf (json, "\"windows\":%u,",
                          g_list_length (gtk_application_get_windows (application)));
  /* Every toplevel shown, dialogs too, by title. */
  g_string_append (json, "\"toplevels\":[");
  {
    g_autoptr(GListModel) toplevels = g_object_ref (gtk_window_get_toplevels ());
    gboolean first = TRUE;

    for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
      {
        g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

        if (!gtk_widget_get_visible (GTK_WIDGET (w)))
          continue;
        if (!first)
          g_string_append_c (json, ',');
        append_json_string (json, gtk_window_get_title (w) != NULL ? gtk_window_get_title (w) : "");
        first = FALSE;
      }
  }
  g_string_append (json, "]}");
  return g_variant_new ("(s)", json->str);
}

/* ------------------------------------------------------------------ */
/* The presentation under way                                          */

static void
add_monitor (GString    *json,
             const char *key,
             GdkMonitor *monitor)
{
  add_string (json, key, monitor != NULL ? gdk_monitor_get_connector (monitor) : NULL);
}

static void
add_window (GString    *json,
            const char *key,
            GtkWindow  *window)
{
  GdkSurface *surface = window != NULL && gtk_widget_get_realized (GTK_WIDGET (window))
                        ? gtk_native_get_surface (GTK_NATIVE (window)) : NULL;
  GdkMonitor *monitor = surface != NULL
                        ? gdk_display_get_monitor_at_surface (gdk_surface_get_display (surface),
                                                              surface)
                        : NULL;

  if (window == NULL)
    {
      g_string_append_printf (json, "\"%s\":null,", key);
      return;
    }
  g_string_append_printf (json, "\"%s\":{", key);
  add_string (json, "title", gtk_window_get_title (window));
  add_monitor (json, "monitor", monitor);
  g_string_append_printf (json, "\"active\":%s,\"fullscreen\":%s,\"width\":%d,\"height\":%d}",
                          gtk_window_is_active (window) ? "true" : "false",
                          gtk_window_is_fullscreen (window) ? "true" : "false",
                          gtk_widget_get_width (GTK_WIDGET (window)),
                          gtk_widget_get_height (GTK_WIDGET (window)));
  g_string_append_c (json, ',');
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  g_autofree char *query = g_strconcat ("name:", name, NULL);
  GtkWidget *widget = root != NULL ? find_widget (root, query) : NULL;

  return GTK_IS_LABEL (widget) ? gtk_label_get_text (GTK_LABEL (widget)) : NULL;
}

/* The show as the tests see it: which slide each view shows, which
 * monitor each window is on and which has the keys, what the console
 * says. */
static GVariant *
presentation_state (GtkApplication *application)
{
  static const char *const blanks[] = { "none", "black", "white" };
  static const char *const levels[] = { "none", "ok", "amber", "red", "over" };
  TptPresentationWindow *show = NULL;
  TptWindow *window = probe_window (application);
  g_autoptr(GString) json = g_string_new ("{");
  GListModel *monitors;
  TptPresentation *presentation;
  GtkWidget *console;

  for (GList *l = gtk_application_get_windows (application); l != NULL; l = l->next)
    if (TPT_IS_PRESENTATION_WINDOW (l->data))
      show = l->data;

  monitors = gdk_display_get_monitors (gdk_display_get_default ());
  g_string_append (json, "\"monitors\":[");
  for (guint i = 0; i < g_list_model_get_n_items (monitors); i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      g_string_append_printf (json, "%s{", i > 0 ? "," : "");
      add_string (json, "connector", gdk_monitor_get_connector (monitor));
      g_string_append_printf (json, "\"x\":%d,\"y\":%d,\"width\":%d,\"height\":%d}",
                              geometry.x, geometry.y, geometry.width, geometry.height);
    }
  g_string_append (json, "],");
  add_window (json, "main", GTK_WINDOW (window));
  g_string_append_printf (json, "\"running\":%s", show != NULL ? "true" : "false");
  if (show == NULL)
    {
      g_string_append_c (json, '}');
      return g_variant_new ("(s)", json->str);
    }

  presentation = tpt_presentation_window_get_presentation (show);
  console = tpt_presentation_window_get_console_widget (show);
  g_string_append_c (json, ',');
  g_string_append_printf (json, "\"rehearsal\":%s,\"inhibited\":%s,",
                          tpt_presentation_window_is_rehearsal (show) ? "true" : "false",
                          tpt_presentation_window_is_inhibiting (show) ? "true" : "false");
  g_string_append_printf (json, "\"index\":%u,\"n\":%u,",
                          tpt_presentation_get_index (presentation),
                          tpt_presentation_get_n_slides (presentation));
  add_string (json, "blank", blanks[tpt_presentation_get_blank (presentation)]);
  add_string (json, "typed", tpt_presentation_get_typed (presentation));
  add_string (json, "level", levels[tpt_presentation_get_timer_level (presentation)]);
  add_window (json, "show", GTK_WINDOW (show));
  {
    GtkWidget *view = tpt_presentation_window_get_view (show);
    g_autoptr(GdkCursor) cursor = NULL;

    g_string_append_printf (json, "\"audience\":{\"shown\":%d,\"visible\":%s,\"highlight\":%s,",
                            tpt_slide_view_get_shown (TPT_SLIDE_VIEW (view)),
                            gtk_widget_get_mapped (view) ? "true" : "false",
                            tpt_slide_view_get_highlight (TPT_SLIDE_VIEW (view)) ? "true" : "false");
    cursor = gtk_widget_get_cursor (view) != NULL ? g_object_ref (gtk_widget_get_cursor (view)) : NULL;
    add_string (json, "cursor", cursor != NULL ? gdk_cursor_get_name (cursor) : NULL);
    g_string_truncate (json, json->len - 1);
    g_string_append (json, "},");
  }
  add_window (json, "console_window", tpt_presentation_window_get_console (show));
  if (console != NULL)
    {
      TptPresenterConsole *c = TPT_PRESENTER_CONSOLE (console);
      g_autofree char *notes = tpt_presenter_console_dup_notes (c);
      glong length = g_utf8_strlen (notes, -1);
      g_autofree char *start = g_utf8_substring (notes, 0, MIN (length, 200));

      g_string_append_printf (json, "\"console\":{\"current\":%d,\"next\":%d,\"mapped\":%s,",
                              tpt_slide_view_get_shown (TPT_SLIDE_VIEW (tpt_presenter_console_get_current_view (c))),
                              tpt_slide_view_get_shown (TPT_SLIDE_VIEW (tpt_presenter_console_get_next_view (c))),
                              gtk_widget_get_mapped (console) ? "true" : "false");
      add_string (json, "position", label_text (console, "position"));
      add_string (json, "elapsed", label_text (console, "elapsed"));
      add_string (json, "left", label_text (console, "left"));
      add_string (json, "clock", label_text (console, "clock"));
      add_string (json, "notes", start);
      g_string_append_printf (json, "\"notes_length\":%ld}", length);
    }
  else
    g_string_append (json, "\"console\":null");
  g_string_append_c (json, '}');
  return g_variant_new ("(s)", json->str);
}

/* Draws what the visible page draws, as its tiles have it, into a PDF at
 * @path, for the tests to read its words back (pdftotext): what the page
 * shows, not what an export of the same artefact would. */
static gboolean
draw_page (GtkApplication *application,
           const char     *path)
{
  TptWindow *window = probe_window (application);
  TptCanvas *page;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  gboolean ok;

  if (window == NULL)
    return FALSE;
  page = tpt_pages_get_visible_page (tpt_window_get_pages (window));
  tpt_canvas_get_content_size (page, &width, &height);
  if (width <= 0 || height <= 0)
    return FALSE;
  surface = cairo_pdf_surface_create (path, width, height);
  cr = cairo_create (surface);
  TPT_CANVAS_GET_CLASS (page)->draw (page, cr, tpt_canvas_get_theme (page));
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy (surface);
  return ok;
}

static void
method_call_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *object_path,
                const char            *interface_name,
                const char            *method_name,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  GtkApplication *application = user_data;

  if (g_str_equal (method_name, "Locate"))
    {
      const char *id, *part;

      g_variant_get (parameters, "(&s&s)", &id, &part);
      g_dbus_method_invocation_return_value (invocation, locate (application, id, part));
    }
  else if (g_str_equal (method_name, "LocateWidget"))
    {
      const char *query;

      g_variant_get (parameters, "(&s)", &query);
      g_dbus_method_invocation_return_value (invocation, locate_widget (application, query));
    }
  else if (g_str_equal (method_name, "Pick"))
    {
      TptWindow *window = probe_window (application);
      GtkWidget *picked = NULL;
      double sx = 0, sy = 0;
      int x, y;

      g_variant_get (parameters, "(ii)", &x, &y);
      if (window != NULL)
        {
          gtk_native_get_surface_transform (GTK_NATIVE (window), &sx, &sy);
          picked = gtk_widget_pick (GTK_WIDGET (window), x - sx, y - sy, GTK_PICK_DEFAULT);
        }
      {
        g_autoptr(GString) chain = g_string_new (NULL);

        /* The widget and its ancestors, innermost first. */
        for (GtkWidget *w = picked; w != NULL; w = gtk_widget_get_parent (w))
          {
            graphene_rect_t b = { 0 };
            int min_width = 0;

            if (!gtk_widget_compute_bounds (w, GTK_WIDGET (window), &b))
              b = GRAPHENE_RECT_INIT (0, 0, 0, 0);
            gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
            g_string_append_printf (chain, "%s%s[%.0f,%.0f %.0fx%.0f min %d]%s%s",
                                    chain->len > 0 ? " < " : "", G_OBJECT_TYPE_NAME (w),
                                    b.origin.x, b.origin.y, b.size.width, b.size.height, min_width,
                                    GTK_IS_LABEL (w) ? " " : "",
                                    GTK_IS_LABEL (w) ? gtk_label_get_text (GTK_LABEL (w)) : "");
          }
        g_dbus_method_invocation_return_value (invocation, g_variant_new ("(s)", chain->str));
      }
    }
  else if (g_str_equal (method_name, "State"))
    g_dbus_method_invocation_return_value (invocation, state (application));
  else if (g_str_equal (method_name, "Presentation"))
    g_dbus_method_invocation_return_value (invocation, presentation_state (application));
  else if (g_str_equal (method_name, "Document"))
    {
      TptWindow *window = probe_window (application);
      g_autoptr(GBytes) bytes = window != NULL
                                ? tpt_document_serialize (tpt_window_get_document (window)) : NULL;
      g_autofree char *xml = bytes != NULL ? g_strndup (g_bytes_get_data (bytes, NULL),
                                                        g_bytes_get_size (bytes))
                                           : g_strdup ("");

      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(s)", xml));
    }
  else if (g_str_equal (method_name, "DrawPage"))
    {
      const char *path;

      g_variant_get (parameters, "(&s)", &path);
      g_dbus_method_invocation_return_value (invocation,
                                             g_variant_new ("(b)", draw_page (application, path)));
    }
  else
    g_dbus_method_invocation_return_error (invocation, G_DBUS_ERROR, G_DBUS_ERROR_UNKNOWN_METHOD,
                                           "No method %s", method_name);
}

static const GDBusInterfaceVTable vtable = { method_call_cb, NULL, NULL, { NULL } };

/**
 * tpt_test_probe_install:
 * @application: the running application, registered on the session bus
 *
 * Answers the real-input tests, when TPT_TEST_PROBE is set.
 */
void
tpt_test_probe_install (GtkApplication *application)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (application));
  g_autoptr(GDBusNodeInfo) info = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (g_getenv ("TPT_TEST_PROBE") == NULL || connection == NULL)
    return;

  info = g_dbus_node_info_new_for_xml (introspection, NULL);
  path = g_strconcat (g_application_get_dbus_object_path (G_APPLICATION (application)),
                      "/TestProbe", NULL);
  if (g_dbus_connection_register_object (connection, path, info->interfaces[0], &vtable,
                                         application, NULL, &error) == 0)
    g_warning ("The test probe could not be registered: %s", error->message);
}
