/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-fragment"

#include "config.h"

#include "tpt-error.h"
#include "tpt-format.h"
#include "tpt-fragment.h"

/* Cards on the clipboard: a fragment written from one document reads
 * back as the same cards into another, links to needs and personas the
 * target lacks are dropped, and anything else is refused with a message. */

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

static void
test_round_trip (void)
{
  g_autoptr(TptDocument) source = load_example ();
  g_autoptr(TptDocument) empty = tpt_document_new ();
  g_autoptr(TptBlueprint) blueprint = g_list_model_get_item (tpt_document_get_blueprints (source), 0);
  GListModel *cards = tpt_blueprint_get_cards (blueprint);
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) same = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autofree char *fragment = NULL;
  g_autoptr(GError) error = NULL;
  guint with_links = 0;

  for (guint i = 0; i < g_list_model_get_n_items (cards); i++)
    {
      g_autoptr(TptCard) card = g_list_model_get_item (cards, i);

      if (tpt_card_get_serves (card) != NULL && tpt_card_get_serves (card)[0] != NULL)
        with_links++;
      g_ptr_array_add (chosen, g_steal_pointer (&card));
    }
  g_assert_cmpuint (with_links, >, 0);

  fragment = tpt_fragment_write_cards (chosen);
  same = tpt_fragment_read_cards (source, fragment, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (same->len, ==, chosen->len);
  for (guint i = 0; i < same->len; i++)
    {
      TptCard *a = g_ptr_array_index (chosen, i);
      TptCard *b = g_ptr_array_index (same, i);

      g_assert_cmpstr (tpt_card_get_text (a), ==, tpt_card_get_text (b));
      g_assert_cmpint (tpt_card_get_kind (a), ==, tpt_card_get_kind (b));
      g_assert_cmpint (tpt_card_get_span (a), ==, tpt_card_get_span (b));
      g_assert_cmpstr (tpt_card_get_owner (a), ==, tpt_card_get_owner (b));
      g_assert_cmpstr (tpt_card_get_channel (a), ==, tpt_card_get_channel (b));
      g_assert_cmpstrv (tpt_card_get_serves (a), tpt_card_get_serves (b));
      g_assert_cmpstrv (tpt_card_get_concerns (a), tpt_card_get_concerns (b));
      /* New cards, with ids of their own. */
      g_assert_false (tpt_node_is_attached (TPT_NODE (b)));
    }

  /* Into a document without those needs and personas: no broken links. */
  other = tpt_fragment_read_cards (empty, fragment, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (other->len, ==, chosen->len);
  for (guint i = 0; i < other->len; i++)
    {
      const char * const *serves = tpt_card_get_serves (g_ptr_array_index (other, i));
      const char * const *concerns = tpt_card_get_concerns (g_ptr_array_index (other, i));

      g_assert_true (serves == NULL || serves[0] == NULL);
      g_assert_true (concerns == NULL || concerns[0] == NULL);
    }
}

static void
test_text (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  cards = tpt_fragment_cards_from_text (document, "First\r\n\n   \n  Second line  \nThird", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 3);
  g_assert_cmpstr (tpt_card_get_text (g_ptr_array_index (cards, 1)), ==, "Second line");

  g_clear_pointer (&cards, g_ptr_array_unref);
  cards = tpt_fragment_cards_from_text (document, " \n\n", -1, &error);
  g_assert_null (cards);
  g_assert_error (error, TPT_ERROR, TPT_ERROR_INVALID);
  g_clear_error (&error);

  cards = tpt_fragment_cards_from_text (document, "caf\xc3", -1, &error);
  g_assert_null (cards);
  g_assert_error (error, TPT_ERROR, TPT_ERROR_MALFORMED);
}

/* Control characters a file can't hold are gone when pasted, so the card
 * on screen is the card that is saved. */
static void
test_control_characters (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *fragment = NULL;
  g_autofree char *clean = tpt_fragment_clean_text ("a\x01" "b\x1b" "c\td\xef\xbf\xbe\x7f");

  g_assert_cmpstr (clean, ==, "abc\td\x7f");

  cards = tpt_fragment_cards_from_text (document, "Bell\x07 rings\nEsc\x1b[0m done\n", -1,
                                        &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, ==, 2);
  g_assert_cmpstr (tpt_card_get_text (g_ptr_array_index (cards, 0)), ==, "Bell rings");
  g_assert_cmpstr (tpt_card_get_text (g_ptr_array_index (cards, 1)), ==, "Esc[0m done");

  /* Between windows, a fragment holding them (as another program might
   * write one) gives the same. */
  fragment = g_strdup ("<touchpoint-fragment format=\"1\"><card kind=\"note\" "
                       "owner=\"Desk\x02\"><text>Tab\there\x03!</text></card>"
                       "</touchpoint-fragment>");
  again = tpt_fragment_read_cards (document, fragment, -1, &error);
  if (again != NULL)
    {
      g_assert_cmpstr (tpt_card_get_text (g_ptr_array_index (again, 0)), ==, "Tab\there!");
      g_assert_cmpstr (tpt_card_get_owner (g_ptr_array_index (again, 0)), ==, "Desk");
    }
  else
    /* GMarkup may refuse them outright, which pastes nothing. */
    g_assert_error (error, TPT_ERROR, TPT_ERROR_MALFORMED);
}

static void
test_refused (void)
{
  static const struct
  {
    const char *data;
    int         code;
  } bad[] = {
    { "", TPT_ERROR_MALFORMED },
    { "<touchpoint-fragment format=\"1\">", TPT_ERROR_MALFORMED },
    { "<touchpoint format=\"1\"/>", TPT_ERROR_INVALID },
    { "<touchpoint-fragment format=\"2\"><card/></touchpoint-fragment>", TPT_ERROR_NEWER_FORMAT },
    { "<touchpoint-fragment format=\"1\"></touchpoint-fragment>", TPT_ERROR_INVALID },
    { "<touchpoint-fragment format=\"1\"><card kind=\"sticky\"/></touchpoint-fragment>", TPT_ERROR_INVALID },
    { "<touchpoint-fragment format=\"1\"><card span=\"0\"/></touchpoint-fragment>", TPT_ERROR_INVALID },
    { "<touchpoint-fragment format=\"1\"><card span=\"-3\"/></touchpoint-fragment>", TPT_ERROR_INVALID },
    { "<touchpoint-fragment format=\"1\"><card><lane>l1</lane></card></touchpoint-fragment>", TPT_ERROR_INVALID },
    { "<touchpoint-fragment format=\"1\"><card><text>a</text></card><script/></touchpoint-fragment>", TPT_ERROR_INVALID },
    { "<!DOCTYPE x [<!ENTITY a \"b\">]><touchpoint-fragment format=\"1\"><card><text>&a;</text></card></touchpoint-fragment>", TPT_ERROR_MALFORMED },
    { "<touchpoint-fragment format=\"1\"><card><text>\xff</text></card></touchpoint-fragment>", TPT_ERROR_MALFORMED },
  };
  g_autoptr(TptDocument) document = tpt_document_new ();

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) cards = tpt_fragment_read_cards (document, bad[i].data, -1, &error);
      /* Escaped: the log is UTF-8, and some cases are not. */
      g_autofree char *shown = g_strescape (bad[i].data, NULL);

      g_test_message ("case %u: %s", i, shown);
      g_assert_null (cards);
      g_assert_error (error, TPT_ERROR, bad[i].code);
      g_assert_nonnull (error->message);
    }
}

static void
test_too_large (void)
{
  g_autoptr(TptDocument) document = tpt_document_new ();
  g_autoptr(GString) big = g_string_new ("<touchpoint-fragment format=\"1\">");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  for (guint i = 0; i <= TPT_FRAGMENT_MAX_CARDS; i++)
    g_string_append (big, "<card/>");
  g_string_append (big, "</touchpoint-fragment>");
  cards = tpt_fragment_read_cards (document, big->str, big->len, &error);
  g_assert_null (cards);
  g_assert_error (error, TPT_ERROR, TPT_ERROR_TOO_LARGE);
  g_clear_error (&error);

  g_string_set_size (big, TPT_FRAGMENT_MAX_SIZE + 1);
  memset (big->str, 'a', big->len);
  cards = tpt_fragment_cards_from_text (document, big->str, big->len, &error);
  g_assert_null (cards);
  g_assert_error (error, TPT_ERROR, TPT_ERROR_TOO_LARGE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/tpt/fragment/round-trip", test_round_trip);
  g_test_add_func ("/tpt/fragment/text", test_text);
  g_test_add_func ("/tpt/fragment/control-characters", test_control_characters);
  g_test_add_func ("/tpt/fragment/refused", test_refused);
  g_test_add_func ("/tpt/fragment/too-large", test_too_large);

  return g_test_run ();
}
