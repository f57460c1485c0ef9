/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "tpt-artefact.h"
#include "tpt-enum-types.h"
#include "tpt-format.h"
#include "tpt-blueprint.h"
#include "tpt-document.h"
#include "tpt-need.h"
#include "tpt-persona.h"
#include "tpt-slide.h"
#include "tpt-stage.h"

#include <string.h>

/* Every kind has its row, in order, and the words files use for it are
 * the enum's nicks, which the reader and writer go by. */
static void
test_table (void)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (TPT_TYPE_ARTEFACT_KIND);

  g_assert_cmpuint (klass->n_values, ==, TPT_ARTEFACT_N_KINDS);
  for (guint i = 0; i < klass->n_values; i++)
    {
      TptArtefactKind kind = klass->values[i].value;
      const TptArtefactInfo *info = tpt_artefact_kind_get_info (kind);
      TptArtefactKind found;

      g_assert_cmpint (info->kind, ==, kind);
      g_assert_cmpstr (info->name, ==, klass->values[i].value_nick);
      g_assert_true (tpt_artefact_kind_from_name (info->name, &found));
      g_assert_cmpint (found, ==, kind);
      g_assert_nonnull (tpt_artefact_kind_get_title (kind));
      g_assert_cmpstr (tpt_artefact_kind_get_title (kind), !=, "");
      /* What shows it has a page of its own, and shows itself. */
      g_assert_true (tpt_artefact_kind_has_flags (info->page, TPT_ARTEFACT_FLAG_PAGE));
      g_assert_cmpint (tpt_artefact_kind_get_page (info->page), ==, info->page);
      /* An artefact of a node is shown on another's page, but for a
       * report, whose page has those of every node. */
      if (tpt_artefact_kind_get_target_type (kind) != G_TYPE_NONE &&
          kind != TPT_ARTEFACT_BLUEPRINT &&
          !tpt_artefact_kind_has_flags (kind, TPT_ARTEFACT_FLAG_REPORT))
        g_assert_false (tpt_artefact_kind_has_flags (kind, TPT_ARTEFACT_FLAG_PAGE));
      /* A report has a page of its own. */
      if (tpt_artefact_kind_has_flags (kind, TPT_ARTEFACT_FLAG_REPORT))
        g_assert_cmpint (info->page, ==, kind);
    }
  g_assert_false (tpt_artefact_kind_from_name ("matrix", NULL));
  g_assert_false (tpt_artefact_kind_from_name ("", NULL));
}

static TptDocument *
load_example (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("TPT_SOURCE_ROOT"), "data", "examples",
                                            "motor-insurance.touchpoint", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  TptDocument *document = tpt_document_load_file (file, NULL, &error);

  g_assert_no_error (error);
  return document;
}

/* Each node is shown on the page of the artefact it belongs to. */
static void
test_for_node (void)
{
  g_autoptr(TptDocument) document = load_example ();
  g_autoptr(TptBlueprint) blueprint =
    g_list_model_get_item (tpt_document_get_blueprints (document), 0);
  g_autoptr(TptPersona) persona = g_list_model_get_item (tpt_document_get_personas (document), 0);
  g_autoptr(TptNeed) need = g_list_model_get_item (tpt_document_get_needs (document), 0);
  g_autoptr(TptStage) stage = g_list_model_get_item (tpt_blueprint_get_stages (blueprint), 0);
  g_autoptr(TptSlide) slide = tpt_slide_new (document, TPT_ARTEFACT_STAGE, TPT_NODE (stage));
  TptBlueprint *future = tpt_document_lookup_typed (document, "b2", TPT_TYPE_BLUEPRINT);
  g_autoptr(TptSlide) change = tpt_slide_new (document, TPT_ARTEFACT_CASE_FOR_CHANGE,
                                              TPT_NODE (future));
  TptBlueprint *found;

  g_assert_cmpint (tpt_artefact_kind_for_node (TPT_NODE (stage), &found), ==,
                   TPT_ARTEFACT_BLUEPRINT);
  g_assert_true (found == blueprint);
  g_assert_cmpint (tpt_artefact_kind_for_node (TPT_NODE (slide), &found), ==,
                   TPT_ARTEFACT_BLUEPRINT);
  g_assert_true (found == blueprint);
  /* A slide of the case for change shows on that report's page. */
  g_assert_cmpint (tpt_artefact_kind_for_node (TPT_NODE (change), &found), ==,
                   TPT_ARTEFACT_CASE_FOR_CHANGE);
  g_assert_null (found);
  g_assert_cmpint (tpt_artefact_kind_for_node (TPT_NODE (persona), &found), ==,
                   TPT_ARTEFACT_PERSONAS);
  g_assert_null (found);
  g_assert_cmpint (tpt_artefact_kind_for_node (TPT_NODE (need), NULL), ==,
                   TPT_ARTEFACT_NEEDS_MATRIX);
  g_assert_cmpint (tpt_artefact_kind_for_node (TPT_NODE (document), NULL), ==,
                   TPT_ARTEFACT_COVER);
  g_assert_cmpint (tpt_artefact_kind_for_node (NULL, NULL), ==, TPT_ARTEFACT_COVER);
}

/* The gallery as a whole is no slide's artefact, in a file or through
 * the API. */
static void
test_no_gallery_slide (void)
{
  static const char text[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<touchpoint format=\"1\">\n"
    "  <meta><title>T</title></meta>\n"
    "  <slides>\n"
    "    <slide id=\"sl1\" artefact=\"personas\"/>\n"
    "  </slides>\n"
    "</touchpoint>\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (text, sizeof text - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(TptDocument) document = tpt_document_load_bytes (bytes, &error);

  g_assert_null (document);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "personas"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/core/artefact/table", test_table);
  g_test_add_func ("/tpt/core/artefact/for-node", test_for_node);
  g_test_add_func ("/tpt/core/artefact/no-gallery-slide", test_no_gallery_slide);

  return g_test_run ();
}
