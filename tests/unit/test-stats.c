/* test-stats.c — the overview's counts on the sample catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-test-util.h"

static guint64
table_total (MuluStatsTable *table)
{
  guint64 total = 0;

  for (guint b = 0; b < table->bars->len; b++)
    {
      MuluStatsBar *bar = g_ptr_array_index (table->bars, b);
      guint64 sum = 0;

      for (guint s = 0; s < table->series->len; s++)
        sum += bar->counts[s];
      g_assert_cmpuint (sum, ==, bar->total);
      total += bar->total;
    }
  return total;
}

static MuluStatsBar *
bar_named (MuluStatsTable *table,
           const char     *group)
{
  for (guint b = 0; b < table->bars->len; b++)
    {
      MuluStatsBar *bar = g_ptr_array_index (table->bars, b);
      if (g_strcmp0 (bar->group, group) == 0)
        return bar;
    }
  g_error ("no bar %s", group);
}

static guint
series_named (MuluStatsTable *table,
              const char     *name)
{
  for (guint s = 0; s < table->series->len; s++)
    if (g_strcmp0 (g_ptr_array_index (table->series, s), name) == 0)
      return s;
  g_error ("no series %s", name);
}

/* What a record list filtered on the same fields counts: another road. */
static guint
count_where (MuluCatalog *catalog,
             guint        field_a,
             const char  *a,
             guint        field_b,
             const char  *b)
{
  g_autoptr(MuluRecordList) list = mulu_record_list_new (catalog, MULU_ENTITY_RESOURCE);

  mulu_record_list_set_filter (list, field_a, g_variant_new_string (a));
  if (b)
    mulu_record_list_set_filter (list, field_b, g_variant_new_string (b));
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

static void
test_resources_by_sharing (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(MuluStatsTable) table = mulu_stats_resources_by_sharing (catalog, NULL);
  static const char * const shares[] = { "无条件共享", "有条件共享", "不予共享" };
  static const char * const opens[] = { "无条件开放", "有条件开放", "不予开放" };

  g_assert_nonnull (table);
  g_assert_cmpuint (table_total (table), ==, 62);
  /* Bars and series in the code tables' order. */
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpstr (((MuluStatsBar *) g_ptr_array_index (table->bars, i))->group, ==, shares[i]);
      g_assert_cmpstr (g_ptr_array_index (table->series, i), ==, opens[i]);
    }
  for (guint i = 0; i < 3; i++)
    for (guint j = 0; j < 3; j++)
      g_assert_cmpuint (bar_named (table, shares[i])->counts[series_named (table, opens[j])], ==,
                        count_where (catalog, MULU_RESOURCE_SHARE_TYPE, shares[i], MULU_RESOURCE_OPEN_TYPE, opens[j]));
}

static void
test_resources_by_category (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(MuluStatsTable) table = mulu_stats_resources_by_category (catalog, NULL);
  g_autoptr(MuluRecord) r1 = mulu_test_get_by_uid (catalog, "r1");
  MuluCodes *codes = mulu_catalog_get_codes (catalog);
  const MuluCodeEntry *category = mulu_codes_lookup (codes, "classification", NULL,
                                                     mulu_record_get_string (r1, MULU_RESOURCE_CLASS_1));

  g_assert_nonnull (table);
  g_assert_cmpuint (table->series->len, ==, 1);
  g_assert_cmpuint (table_total (table), ==, 62);
  g_assert_cmpuint (bar_named (table, category->label)->total, ==,
                    count_where (catalog, MULU_RESOURCE_CLASS_1, category->value, 0, NULL));
}

static void
test_systems_by_status_and_decision (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(MuluStatsTable) before = mulu_stats_systems_by_status (catalog, NULL);
  g_autoptr(MuluStatsTable) after = NULL;
  g_autoptr(MuluRecord) s10 = mulu_test_get_by_uid (catalog, "s10");
  const char *status = mulu_record_get_string (s10, MULU_SYSTEM_STATUS);
  guint confirmed;

  g_assert_cmpuint (table_total (before), ==, 12);
  confirmed = series_named (before, "确认为僵尸系统");
  g_assert_cmpuint (bar_named (before, status)->counts[confirmed], ==, 0);

  g_assert_true (mulu_zombie_set_review (catalog, mulu_record_get_id (s10), "confirmed", "关停下线",
                                         "2027-03-31", "三年无人登录", NULL));
  after = mulu_stats_systems_by_status (catalog, NULL);
  g_assert_cmpuint (table_total (after), ==, 12);
  g_assert_cmpuint (bar_named (after, status)->counts[series_named (after, "确认为僵尸系统")], ==, 1);
}

static void
test_summary (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  MuluStatsSummary summary;
  guint64 findings[MULU_N_SEVERITIES];

  mulu_test_validate (catalog);
  g_assert_true (mulu_stats_summarize (catalog, &summary, NULL));
  g_assert_cmpuint (summary.systems, ==, 12);
  g_assert_cmpuint (summary.resources, ==, 62);
  g_assert_cmpuint (summary.items, ==, 661);
  g_assert_cmpuint (summary.systems_with_errors, ==, 0);
  g_assert_cmpuint (summary.resources_with_errors, ==, 3);
  g_assert_cmpuint (summary.unclassified, ==, 0);
  /* The sample's zombies are s10, s11 and s12, none decided yet. */
  g_assert_cmpuint (summary.suspected_zombies, ==, 3);
  g_assert_cmpuint (summary.decided_zombies, ==, 0);
  g_assert_true (mulu_findings_count (catalog, findings, NULL));
  g_assert_cmpuint (summary.findings[MULU_SEVERITY_ERROR], ==, findings[MULU_SEVERITY_ERROR]);
  g_assert_cmpuint (summary.findings[MULU_SEVERITY_WARNING], ==, findings[MULU_SEVERITY_WARNING]);

  g_assert_true (mulu_zombie_set_review (catalog, mulu_test_id_of (catalog, "s11"), "rejected", NULL, NULL,
                                         "仍在使用，只是登录统计缺失", NULL));
  g_assert_true (mulu_stats_summarize (catalog, &summary, NULL));
  g_assert_cmpuint (summary.suspected_zombies, ==, 3);
  g_assert_cmpuint (summary.decided_zombies, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stats/summary", test_summary);
  g_test_add_func ("/stats/resources-by-sharing-and-open-type", test_resources_by_sharing);
  g_test_add_func ("/stats/resources-by-category", test_resources_by_category);
  g_test_add_func ("/stats/systems-by-status-and-zombie-decision", test_systems_by_status_and_decision);
  return g_test_run ();
}
