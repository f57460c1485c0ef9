/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-app-kpi"

#include "config.h"

#include <adwaita.h>

#include "app-fixtures.h"
#include "tpt-application.h"
#include "tpt-kpi.h"
#include "tpt-kpi-pill.h"
#include "tpt-values.h"
#include "tpt-window-private.h"

/* A metric's target in the inspector: its fields, checked as they are
 * typed, and the status pill beside them, which is core's status of the
 * card or step as it is now, and reads as a word. */

static TptApplication *app;

typedef struct
{
  TptWindow    *window;
  TptDocument  *document;
  TptInspector *inspector;
  char         *original;
} Fixture;

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = app_example_file ();

  fixture->window = tpt_application_open_file (app, file);
  g_assert_nonnull (fixture->window);
  fixture->document = g_object_ref (tpt_window_get_document (fixture->window));
  fixture->inspector = fixture->window->inspector;
  fixture->original = app_document_bytes (fixture->document);
  gtk_window_present (GTK_WINDOW (fixture->window));
  app_iterate ();
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  tpt_history_mark_saved (tpt_document_get_history (fixture->document));
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  app_iterate ();
  g_clear_object (&fixture->document);
  g_clear_pointer (&fixture->original, g_free);
}

static TptKpiPill *
inspect (Fixture    *fixture,
         const char *id)
{
  TptNode *node = tpt_document_lookup (fixture->document, id);
  GtkWidget *pill;

  g_assert_nonnull (node);
  tpt_window_select (fixture->window, node);
  app_iterate ();
  g_assert_true (tpt_inspector_get_node (fixture->inspector) == node);
  pill = tpt_inspector_get_editor (fixture->inspector, "status");
  g_assert_true (pill == NULL || TPT_IS_KPI_PILL (pill));
  return pill != NULL ? TPT_KPI_PILL (pill) : NULL;
}

static void
assert_pill (TptKpiPill *pill,
             TptKpiStatus status)
{
  g_assert_nonnull (pill);
  g_assert_cmpint (tpt_kpi_pill_get_status (pill), ==, status);
  g_assert_cmpstr (tpt_kpi_pill_get_text (pill), ==, tpt_kpi_status_to_string (status));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (pill),
                                           tpt_kpi_status_to_nick (status)));
}

/* c12: checkout abandonment, 38 % against a target of at most 15 %. */
static void
test_card_status (Fixture       *fixture,
                  gconstpointer  data)
{
  TptKpiPill *pill = inspect (fixture, "c12");
  TptCard *card = TPT_CARD (tpt_kpi_pill_get_node (pill));
  TptHistory *history = tpt_document_get_history (fixture->document);
  g_autoptr(GError) error = NULL;
  g_autofree char *long_unit = g_strnfill (TPT_UNIT_MAX_LENGTH + 1, 'x');

  assert_pill (pill, TPT_KPI_MISSED);
  g_assert_cmpint (tpt_kpi_card_status (card), ==, TPT_KPI_MISSED);
  g_assert_nonnull (tpt_inspector_get_editor (fixture->inspector, "target"));
  g_assert_nonnull (tpt_inspector_get_editor (fixture->inspector, "actual"));
  g_assert_nonnull (tpt_inspector_get_editor (fixture->inspector, "unit"));

  /* Within a tenth of the target: at risk; on it: met. */
  g_assert_true (tpt_inspector_commit_text (fixture->inspector, "actual", "16", NULL));
  assert_pill (pill, TPT_KPI_AT_RISK);
  g_assert_true (tpt_inspector_commit_text (fixture->inspector, "actual", " 15 ", NULL));
  g_assert_cmpstr (tpt_card_get_actual (card), ==, "15");
  assert_pill (pill, TPT_KPI_MET);
  /* A decimal comma is a point in the file. */
  g_assert_true (tpt_inspector_commit_text (fixture->inspector, "actual", "15,5", NULL));
  g_assert_cmpstr (tpt_card_get_actual (card), ==, "15.5");
  assert_pill (pill, TPT_KPI_AT_RISK);
  /* No actual value: unknown, never met. */
  g_assert_true (tpt_inspector_commit_text (fixture->inspector, "actual", "", NULL));
  assert_pill (pill, TPT_KPI_UNKNOWN);
  g_assert_cmpuint (tpt_history_get_position (history), ==, 4);

  /* What is no number, and a unit of a paragraph, are refused. */
  g_assert_false (tpt_inspector_commit_text (fixture->inspector, "actual", "lots", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_false (tpt_inspector_commit_text (fixture->inspector, "target", "1e", &error));
  g_clear_error (&error);
  g_assert_false (tpt_inspector_commit_text (fixture->inspector, "unit", long_unit, &error));
  g_clear_error (&error);
  g_assert_cmpuint (tpt_history_get_position (history), ==, 4);
  assert_pill (pill, TPT_KPI_UNKNOWN);

  /* Undo restores the card and its status with it. */
  for (guint i = 0; i < 4; i++)
    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo", NULL);
  app_iterate ();
  pill = inspect (fixture, "c12");
  assert_pill (pill, TPT_KPI_MISSED);
  {
    g_autofree char *bytes = app_document_bytes (fixture->document);

    g_assert_cmpstr (bytes, ==, fixture->original);
  }
}

/* A step's time target: t7 takes 45 min against 20. */
static void
test_step_status (Fixture       *fixture,
                  gconstpointer  data)
{
  TptKpiPill *pill = inspect (fixture, "t7");

  assert_pill (pill, TPT_KPI_MISSED);
  g_assert_true (tpt_inspector_commit_text (fixture->inspector, "duration", "20 min", NULL));
  assert_pill (pill, TPT_KPI_MET);
  g_assert_true (tpt_inspector_commit_text (fixture->inspector, "target", "", NULL));
  assert_pill (pill, TPT_KPI_UNKNOWN);
  g_assert_false (tpt_inspector_commit_text (fixture->inspector, "target", "soon", NULL));
  g_assert_true (tpt_inspector_commit_text (fixture->inspector, "target", "1 h", NULL));
  assert_pill (pill, TPT_KPI_MET);
  g_assert_cmpstr (tpt_step_get_target (TPT_STEP (tpt_kpi_pill_get_node (pill))), ==, "PT1H");
}

/* A card that is no metric has no target to show; made one, it has. */
static void
test_card_becomes_metric (Fixture       *fixture,
                          gconstpointer  data)
{
  TptKpiPill *pill = inspect (fixture, "c31");
  GtkWidget *kind;

  g_assert_null (pill);
  g_assert_null (tpt_inspector_get_editor (fixture->inspector, "target"));
  kind = tpt_inspector_get_editor (fixture->inspector, "kind");
  g_assert_true (ADW_IS_COMBO_ROW (kind));
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind), TPT_CARD_KIND_METRIC);
  app_iterate ();
  g_assert_cmpint (tpt_card_get_kind (TPT_CARD (tpt_document_lookup (fixture->document, "c31"))),
                   ==, TPT_CARD_KIND_METRIC);
  pill = TPT_KPI_PILL (tpt_inspector_get_editor (fixture->inspector, "status"));
  assert_pill (pill, TPT_KPI_UNKNOWN);
  g_assert_nonnull (tpt_inspector_get_editor (fixture->inspector, "target"));
  g_assert_true (tpt_inspector_commit_text (fixture->inspector, "target", "3", NULL));
  g_assert_true (tpt_inspector_commit_text (fixture->inspector, "actual", "2", NULL));
  /* Which way is better is not said yet. */
  assert_pill (pill, TPT_KPI_UNKNOWN);
  adw_combo_row_set_selected (ADW_COMBO_ROW (tpt_inspector_get_editor (fixture->inspector,
                                                                       "direction")),
                              TPT_DIRECTION_HIGHER);
  app_iterate ();
  assert_pill (TPT_KPI_PILL (tpt_inspector_get_editor (fixture->inspector, "status")),
               TPT_KPI_MISSED);
}

int
main (int   argc,
      char *argv[])
{
  app = app_test_init (&argc, &argv);

  g_test_add ("/tpt/app/kpi/card-status", Fixture, NULL, fixture_setup, test_card_status,
              fixture_teardown);
  g_test_add ("/tpt/app/kpi/step-status", Fixture, NULL, fixture_setup, test_step_status,
              fixture_teardown);
  g_test_add ("/tpt/app/kpi/card-becomes-metric", Fixture, NULL, fixture_setup,
              test_card_becomes_metric, fixture_teardown);

  return g_test_run ();
}
