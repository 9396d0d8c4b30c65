/* test-finding-list.c — the validation step's groups and lazy finding lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mulu-test-util.h"

#define ALL_SEVERITIES ((1u << MULU_N_SEVERITIES) - 1)

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

/* "error R2 1, …" for the whole store, to compare in one assertion. */
static char *
describe (GListStore *groups)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (groups)); i++)
    {
      g_autoptr(MuluFindingGroup) g = g_list_model_get_item (G_LIST_MODEL (groups), i);
      g_string_append_printf (s, "%s%s %s %" G_GUINT64_FORMAT, i ? ", " : "",
                              mulu_severity_to_string (mulu_finding_group_get_severity (g)),
                              mulu_finding_group_get_rule (g), mulu_finding_group_get_count (g));
    }
  return g_string_free (s, FALSE);
}

static MuluCatalog *
validated_sample (void)
{
  MuluCatalog *catalog = mulu_test_sample_catalog ();

  mulu_test_validate (catalog);
  return catalog;
}

static void
test_groups_of_sample (void)
{
  g_autoptr(MuluCatalog) catalog = validated_sample ();
  g_autoptr(GListStore) groups = g_list_store_new (MULU_TYPE_FINDING_GROUP);
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  g_autofree char *errors = NULL;

  g_assert_true (mulu_finding_groups_update (groups, catalog, ALL_SEVERITIES, &error));
  g_assert_no_error (error);
  all = describe (groups);
  g_assert_cmpstr (all, ==,
                   "error R2 1, error R3 1, error R7 1, "
                   "warning R5 1, warning R13 1, warning R17 2, warning R18 1, warning S7 2, "
                   "hint Z1 3, hint SG1 1");

  g_assert_true (mulu_finding_groups_update (groups, catalog, 1u << MULU_SEVERITY_ERROR, &error));
  errors = describe (groups);
  g_assert_cmpstr (errors, ==, "error R2 1, error R3 1, error R7 1");
}

static void
test_findings_of_a_group (void)
{
  g_autoptr(MuluCatalog) catalog = validated_sample ();
  g_autoptr(MuluFindingList) list = mulu_finding_list_new (catalog, MULU_SEVERITY_WARNING, "S7");
  g_autoptr(MuluFindingList) r2 = mulu_finding_list_new (catalog, MULU_SEVERITY_ERROR, "R2");
  g_autoptr(MuluFindingList) every = mulu_finding_list_new (catalog, MULU_N_SEVERITIES, NULL);
  g_autoptr(MuluFindingObject) f = NULL;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == MULU_TYPE_FINDING_OBJECT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (every)), ==, 14);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (r2)), ==, 1);
  f = g_list_model_get_item (G_LIST_MODEL (r2), 0);
  g_assert_cmpstr (mulu_finding_object_get_rule (f), ==, "R2");
  g_assert_cmpint (mulu_finding_object_get_severity (f), ==, MULU_SEVERITY_ERROR);
  g_assert_cmpint (mulu_finding_object_get_entity (f), ==, MULU_ENTITY_RESOURCE);
  g_assert_cmpint (mulu_finding_object_get_record_id (f), ==, mulu_test_id_of (catalog, "r36"));
  g_assert_cmpstr (mulu_finding_object_get_uid (f), ==, "r36");
  g_assert_cmpstr (mulu_finding_object_get_name (f), ==, "矿山地质环境恢复治理信息");
  g_assert_cmpstr (mulu_finding_object_get_field (f), ==, "share_condition");
  g_assert_nonnull (strstr (mulu_finding_object_get_message (f), "矿山地质环境恢复治理信息"));
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (r2), 1));
}

/* The clerk fixes R2 on r36: its group goes, the others stay the same
 * objects (so an open group stays open), and an open list says exactly
 * which row went. */
static void
test_follows_a_fix (void)
{
  g_autoptr(MuluCatalog) catalog = validated_sample ();
  g_autoptr(GListStore) groups = g_list_store_new (MULU_TYPE_FINDING_GROUP);
  g_autoptr(MuluFindingGroup) r3_before = NULL, r3_after = NULL;
  g_autoptr(MuluRecord) r36 = mulu_test_get_by_uid (catalog, "r36");
  g_autoptr(MuluFindingList) errors = mulu_finding_list_new (catalog, MULU_SEVERITY_ERROR, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *after = NULL;
  Changed c = { 0 };

  g_assert_true (mulu_finding_groups_update (groups, catalog, ALL_SEVERITIES, &error));
  r3_before = g_list_model_get_item (G_LIST_MODEL (groups), 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (errors)), ==, 3);
  g_signal_connect (errors, "items-changed", G_CALLBACK (on_items_changed), &c);

  mulu_record_set_string (r36, MULU_RESOURCE_SHARE_CONDITION, "仅限自然资源执法使用，不得转授第三方");
  g_assert_true (mulu_catalog_update (catalog, r36, &error));
  g_assert_no_error (error);

  g_assert_true (mulu_finding_groups_update (groups, catalog, ALL_SEVERITIES, &error));
  after = describe (groups);
  g_assert_true (g_str_has_prefix (after, "error R3 1, error R7 1, warning R5 1"));
  r3_after = g_list_model_get_item (G_LIST_MODEL (groups), 0);
  g_assert_true (r3_before == r3_after);

  mulu_finding_list_refresh (errors);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (errors)), ==, 2);
  g_assert_cmpuint (c.calls, ==, 1);
  g_assert_cmpuint (c.removed, ==, 1);
  g_assert_cmpuint (c.added, ==, 0);
}

static void
count_notify (guint *n)
{
  (*n)++;
}

/* An open group's list is refreshed by the update, with its count. */
static void
test_update_refreshes_open_groups (void)
{
  g_autoptr(MuluCatalog) catalog = validated_sample ();
  g_autoptr(GListStore) groups = g_list_store_new (MULU_TYPE_FINDING_GROUP);
  g_autoptr(MuluFindingGroup) s7 = NULL;
  g_autoptr(MuluRecord) system = mulu_record_new (MULU_ENTITY_SYSTEM);
  g_autoptr(MuluRecord) dept = mulu_test_get_by_uid (catalog, "d1");
  g_autoptr(GError) error = NULL;
  MuluFindingList *list;
  guint n_notify = 0;

  g_assert_true (mulu_finding_groups_update (groups, catalog, 1u << MULU_SEVERITY_WARNING, &error));
  s7 = g_list_model_get_item (G_LIST_MODEL (groups), 4);
  g_assert_cmpstr (mulu_finding_group_get_rule (s7), ==, "S7");
  list = mulu_finding_group_get_findings (s7);
  g_assert_true (list == mulu_finding_group_get_findings (s7));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_signal_connect_swapped (s7, "notify::count", G_CALLBACK (count_notify), &n_notify);

  /* A system with no resources is one more S7. */
  mulu_record_set_string (system, MULU_SYSTEM_NAME, "测试系统");
  mulu_record_set_int (system, MULU_SYSTEM_DEPARTMENT, mulu_record_get_id (dept));
  g_assert_true (mulu_catalog_add (catalog, system, &error));
  g_assert_no_error (error);
  g_assert_true (mulu_finding_groups_update (groups, catalog, 1u << MULU_SEVERITY_WARNING, &error));
  g_assert_cmpuint (mulu_finding_group_get_count (s7), ==, 3);
  g_assert_cmpuint (n_notify, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

static void
test_many_findings_by_page (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(MuluFindingList) list = NULL;
  g_autoptr(GError) error = NULL;
  MuluGenerateOptions o;
  guint n;
  gint64 last = 0;

  mulu_generate_options_init (&o);
  o.departments = 1;
  o.systems = 5;
  /* Resources without data items: every database or spreadsheet among
   * them is an R11 error. */
  o.resources = 200;
  o.items = 0;
  g_assert_true (mulu_generate (catalog, &o, NULL, NULL, NULL, &error));
  mulu_test_validate (catalog);
  list = mulu_finding_list_new (catalog, MULU_N_SEVERITIES, NULL);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n, >, 128);
  /* Across pages and back; a record's findings stay together. */
  for (guint k = 0; k < 2; k++)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(MuluFindingObject) f = g_list_model_get_item (G_LIST_MODEL (list), k ? n - 1 - i : i);
        g_assert_nonnull (f);
        g_assert_nonnull (mulu_finding_object_get_message (f));
        if (k == 0)
          {
            g_assert_cmpint (mulu_finding_object_get_id (f), !=, last);
            last = mulu_finding_object_get_id (f);
          }
      }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/core/finding-list/groups-of-sample", test_groups_of_sample);
  g_test_add_func ("/core/finding-list/findings-of-a-group", test_findings_of_a_group);
  g_test_add_func ("/core/finding-list/follows-a-fix", test_follows_a_fix);
  g_test_add_func ("/core/finding-list/update-refreshes-open-groups", test_update_refreshes_open_groups);
  g_test_add_func ("/core/finding-list/many-findings-by-page", test_many_findings_by_page);
  return g_test_run ();
}
