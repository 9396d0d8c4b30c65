/* test-record-list.c — the lazy list views bind to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-test-util.h"

typedef struct { guint position, removed, added, calls; } Changed;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changed    *c)
{
  c->position = position;
  c->removed = removed;
  c->added = added;
  c->calls++;
}

static void
test_lists_sample (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(MuluRecordList) list = mulu_record_list_new (catalog, MULU_ENTITY_RESOURCE);
  g_autoptr(MuluRecord) first = NULL;
  g_autoptr(MuluRecord) last = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 62);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == MULU_TYPE_RECORD);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  last = g_list_model_get_item (G_LIST_MODEL (list), 61);
  g_assert_cmpstr (mulu_record_get_uid (first), ==, "r1");
  g_assert_cmpstr (mulu_record_get_uid (last), ==, "r62");
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 62));
}

static void
test_items_of_one_resource (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(MuluRecordList) list = mulu_record_list_new (catalog, MULU_ENTITY_ITEM);
  g_autoptr(MuluRecord) r1 = mulu_catalog_get_by_uid (catalog, MULU_ENTITY_RESOURCE, "r1", NULL);
  guint n;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 661);
  mulu_record_list_set_parent (list, mulu_record_get_id (r1));
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MuluRecord) item = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpint (mulu_record_get_int (item, MULU_ITEM_RESOURCE), ==, mulu_record_get_id (r1));
    }
}

static void
test_search_and_sort (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(MuluRecordList) list = mulu_record_list_new (catalog, MULU_ENTITY_SYSTEM);
  g_autoptr(MuluRecord) a = NULL, b = NULL;
  guint n;

  mulu_record_list_set_search (list, "不动产");
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, ==, 1);
  mulu_record_list_set_search (list, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 12);

  mulu_record_list_set_sort (list, MULU_SYSTEM_USER_COUNT, TRUE);
  a = g_list_model_get_item (G_LIST_MODEL (list), 0);
  b = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_cmpint (mulu_record_get_int (a, MULU_SYSTEM_USER_COUNT), >=, mulu_record_get_int (b, MULU_SYSTEM_USER_COUNT));
  g_assert_cmpstr (mulu_record_get_uid (a), ==, "s2");
}

static void
test_pages_beyond_the_first (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(MuluRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  MuluGenerateOptions o;

  mulu_generate_options_init (&o);
  o.departments = 2;
  o.systems = 3;
  o.resources = 20;
  o.items = 30;
  g_assert_true (mulu_generate (catalog, &o, NULL, NULL, NULL, &error));
  list = mulu_record_list_new (catalog, MULU_ENTITY_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1200);
  /* Out of order, across pages, and back: positions map to ids in order. */
  for (guint k = 0; k < 3; k++)
    {
      guint positions[] = { 1199, 0, 640, 129, 128, 127, 777 };
      for (guint i = 0; i < G_N_ELEMENTS (positions); i++)
        {
          g_autoptr(MuluRecord) item = g_list_model_get_item (G_LIST_MODEL (list), positions[i]);
          g_assert_cmpint (mulu_record_get_id (item), ==, mulu_record_list_get_id_at (list, positions[i]));
          g_assert_cmpint (mulu_record_get_id (item), ==, (gint64) positions[i] + 1);
        }
    }
}

static void
test_follows_changes (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(MuluRecordList) list = mulu_record_list_new (catalog, MULU_ENTITY_SYSTEM);
  g_autoptr(MuluRecord) s5 = mulu_catalog_get_by_uid (catalog, MULU_ENTITY_SYSTEM, "s5", NULL);
  g_autoptr(MuluRecord) added = mulu_record_new (MULU_ENTITY_SYSTEM);
  g_autoptr(MuluRecord) shown = NULL;
  g_autoptr(GError) error = NULL;
  Changed c = { 0 };
  guint pos = mulu_record_list_find (list, mulu_record_get_id (s5));

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &c);

  mulu_record_set_string (s5, MULU_SYSTEM_NAME, "建设用地审批系统（新）");
  g_assert_true (mulu_catalog_update (catalog, s5, &error));
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_cmpuint (c.position, ==, pos);
  g_assert_cmpuint (c.removed, ==, 1);
  g_assert_cmpuint (c.added, ==, 1);
  shown = g_list_model_get_item (G_LIST_MODEL (list), pos);
  g_assert_cmpstr (mulu_record_get_name (shown), ==, "建设用地审批系统（新）");

  mulu_record_set_int (added, MULU_SYSTEM_DEPARTMENT, 1);
  mulu_record_set_string (added, MULU_SYSTEM_NAME, "新增系统");
  g_assert_true (mulu_catalog_add (catalog, added, &error));
  g_assert_cmpuint (c.calls, ==, 2);
  g_assert_cmpuint (c.position, ==, 12);
  g_assert_cmpuint (c.removed, ==, 0);
  g_assert_cmpuint (c.added, ==, 1);

  g_assert_true (mulu_catalog_delete (catalog, MULU_ENTITY_SYSTEM, mulu_record_get_id (s5), &error));
  g_assert_cmpuint (c.calls, ==, 3);
  g_assert_cmpuint (c.position, ==, pos);
  g_assert_cmpuint (c.removed, ==, 1);
  g_assert_cmpuint (c.added, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 12);
}

static GPtrArray *
uids_of (MuluRecordList *list)
{
  GPtrArray *uids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(MuluRecord) record = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_ptr_array_add (uids, g_strdup (mulu_record_get_uid (record)));
    }
  return uids;
}

static gboolean
has_uid (GPtrArray  *uids,
         const char *uid)
{
  return g_ptr_array_find_with_equal_func (uids, uid, g_str_equal, NULL);
}

static void
test_filters_and_states (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(MuluRecordList) list = mulu_record_list_new (catalog, MULU_ENTITY_RESOURCE);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(GPtrArray) uids = NULL;
  g_autoptr(MuluRecord) r9 = NULL;
  gint64 s1 = mulu_test_id_of (catalog, "s1");
  guint n_s1;

  mulu_test_validate (catalog);

  /* The sample's resources with errors: R2 r36, R3 r52, R7 r6 (data/samples/README.md). */
  mulu_record_list_set_state (list, MULU_RECORD_STATE_WITH_ERRORS);
  uids = uids_of (list);
  g_assert_cmpuint (uids->len, ==, 3);
  g_assert_cmpuint (mulu_catalog_count_in_state (catalog, MULU_ENTITY_RESOURCE, MULU_RECORD_STATE_WITH_ERRORS), ==, 3);
  g_assert_true (has_uid (uids, "r6") && has_uid (uids, "r36") && has_uid (uids, "r52"));
  g_clear_pointer (&uids, g_ptr_array_unref);

  /* Every resource listed as suggested has a pending suggestion. */
  mulu_record_list_set_state (list, MULU_RECORD_STATE_SUGGESTED);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(MuluRecord) r = g_list_model_get_item (model, i);
      g_autoptr(MuluSuggestion) suggestion = mulu_suggestion_get (catalog, mulu_record_get_id (r));
      g_assert_nonnull (suggestion);
      g_assert_cmpstr (suggestion->state, ==, "suggested");
    }

  /* A resource without a sharing type is unclassified, and only it. */
  mulu_record_list_set_state (list, MULU_RECORD_STATE_UNCLASSIFIED);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  r9 = mulu_test_get_by_uid (catalog, "r9");
  mulu_record_set_value (r9, MULU_RESOURCE_SHARE_TYPE, NULL);
  g_assert_true (mulu_catalog_update (catalog, r9, NULL));
  uids = uids_of (list);
  g_assert_cmpuint (uids->len, ==, 1);
  g_assert_cmpuint (mulu_catalog_count_in_state (catalog, MULU_ENTITY_RESOURCE, MULU_RECORD_STATE_UNCLASSIFIED), ==, 1);
  g_assert_cmpstr (g_ptr_array_index (uids, 0), ==, "r9");
  g_clear_pointer (&uids, g_ptr_array_unref);

  /* Field filters: one system's resources; two filters add up. */
  mulu_record_list_set_state (list, MULU_RECORD_STATE_ANY);
  mulu_record_list_set_filter (list, MULU_RESOURCE_SYSTEM, g_variant_new_int64 (s1));
  n_s1 = g_list_model_get_n_items (model);
  g_assert_cmpuint (n_s1, >, 0);
  g_assert_cmpuint (n_s1, <, 62);
  for (guint i = 0; i < n_s1; i++)
    {
      g_autoptr(MuluRecord) r = g_list_model_get_item (model, i);
      g_assert_cmpint (mulu_record_get_int (r, MULU_RESOURCE_SYSTEM), ==, s1);
    }
  mulu_record_list_set_filter (list, MULU_RESOURCE_SHARE_TYPE, g_variant_new_string ("no-such-type"));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  mulu_record_list_set_filter (list, MULU_RESOURCE_SHARE_TYPE, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, n_s1);
  mulu_record_list_set_filter (list, MULU_RESOURCE_SYSTEM, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 62);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/record-list/lists-sample-in-order", test_lists_sample);
  g_test_add_func ("/record-list/items-of-one-resource", test_items_of_one_resource);
  g_test_add_func ("/record-list/search-and-sort", test_search_and_sort);
  g_test_add_func ("/record-list/pages-beyond-the-first", test_pages_beyond_the_first);
  g_test_add_func ("/record-list/filters-and-states", test_filters_and_states);
  g_test_add_func ("/record-list/follows-changes", test_follows_changes);
  return g_test_run ();
}
