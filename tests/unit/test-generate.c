/* test-generate.c — synthetic catalogs: deterministic, valid, sized
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "mulu-catalog-private.h"
#include "mulu-test-util.h"

static MuluCatalog *
generate (guint32 seed,
          double  secret)
{
  g_autofree char *path = mulu_test_path ("gen.mulu");
  g_autoptr(GError) error = NULL;
  MuluCatalog *catalog = mulu_catalog_create (path, &error);
  MuluGenerateOptions o;

  g_assert_no_error (error);
  mulu_generate_options_init (&o);
  o.departments = 4;
  o.systems = 5;
  o.resources = 30;
  o.items = 7;
  o.seed = seed;
  o.secret_share = secret;
  g_assert_true (mulu_generate (catalog, &o, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return catalog;
}

static void
test_counts (void)
{
  g_autoptr(MuluCatalog) catalog = generate (1, 0.0);

  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_DEPARTMENT, NULL), ==, 4);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_SYSTEM, NULL), ==, 20);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_RESOURCE, NULL), ==, 120);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL), ==, 840);
}

static void
test_same_seed_same_catalog (void)
{
  g_autoptr(MuluCatalog) a = generate (42, 0.1);
  g_autoptr(MuluCatalog) b = generate (42, 0.1);
  g_autoptr(MuluCatalog) c = generate (43, 0.1);
  g_autofree char *da = mulu_test_dump (a);
  g_autofree char *db = mulu_test_dump (b);
  g_autofree char *dc = mulu_test_dump (c);
  g_auto(GStrv) la = g_strsplit (da, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (db, "\n", -1);

  /* Everything but the creation time in meta. */
  g_assert_cmpuint (g_strv_length (la), ==, g_strv_length (lb));
  for (guint i = 0; la[i]; i++)
    if (!g_str_has_prefix (la[i], "created"))
      g_assert_cmpstr (la[i], ==, lb[i]);
  g_assert_cmpstr (da, !=, dc);
}

static void
test_values_are_valid (void)
{
  g_autoptr(MuluCatalog) catalog = generate (7, 0.05);
  g_autoptr(MuluRecordList) depts = mulu_record_list_new (catalog, MULU_ENTITY_DEPARTMENT);
  g_autoptr(MuluRecordList) resources = mulu_record_list_new (catalog, MULU_ENTITY_RESOURCE);
  g_autoptr(GHashTable) codes_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  MuluCodes *codes = mulu_catalog_get_codes (catalog);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (depts)); i++)
    {
      g_autoptr(MuluRecord) d = g_list_model_get_item (G_LIST_MODEL (depts), i);
      const char *uscc = mulu_record_get_string (d, MULU_DEPARTMENT_USCC);
      MuluUsccResult r;

      g_assert_cmpint (mulu_uscc_check (uscc, &r), ==, MULU_USCC_VALID);
      g_assert_true (r.org_code_ok);
      g_assert_true (strncmp (uscc + 2, mulu_record_get_string (d, MULU_DEPARTMENT_REGION_CODE), 6) == 0);
      g_assert_true (g_str_has_prefix (uscc, "11"));
    }

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (resources)); i++)
    {
      g_autoptr(MuluRecord) r = g_list_model_get_item (G_LIST_MODEL (resources), i);
      const MuluEntityInfo *info = mulu_record_get_info (r);
      const char *code = mulu_record_get_string (r, MULU_RESOURCE_CODE);
      g_autofree char *class_path = g_strjoin ("/", mulu_record_get_string (r, MULU_RESOURCE_CLASS_1),
                                                mulu_record_get_string (r, MULU_RESOURCE_CLASS_2),
                                                mulu_record_get_string (r, MULU_RESOURCE_CLASS_3), NULL);

      g_assert_true (g_hash_table_add (codes_seen, g_strdup (code)));
      g_assert_nonnull (mulu_codes_lookup_path (codes, "classification", class_path));
      g_assert_cmpint (code[0], ==, mulu_record_get_string (r, MULU_RESOURCE_CLASS_1)[0]);

      /* Every enumerated value comes from its code table. */
      for (guint f = 0; f < info->n_fields; f++)
        {
          const char *v = info->fields[f].code_table && info->fields[f].type == MULU_FIELD_TEXT
                          ? mulu_record_get_string (r, f) : NULL;
          if (v == NULL || g_str_equal (info->fields[f].code_table, "format") || g_str_equal (info->fields[f].code_table, "share_method"))
            continue;
          g_assert_nonnull (mulu_codes_lookup (codes, info->fields[f].code_table, NULL, v));
        }
      if (mulu_record_get_string (r, MULU_RESOURCE_FORMAT_TYPE))
        g_assert_nonnull (mulu_codes_lookup (codes, "format", mulu_record_get_string (r, MULU_RESOURCE_FORMAT_CATEGORY),
                                             mulu_record_get_string (r, MULU_RESOURCE_FORMAT_TYPE)));
      if (g_strcmp0 (mulu_record_get_string (r, MULU_RESOURCE_SECRECY), "涉密") == 0)
        g_assert_false (mulu_record_is_set (r, MULU_RESOURCE_SUMMARY));
    }
}

static void
test_one_log_entry (void)
{
  g_autoptr(MuluCatalog) catalog = generate (3, 0.0);
  sqlite3_stmt *stmt = NULL;

  sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), "SELECT op, details FROM change_log WHERE op <> 'create'", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "generate");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==,
                   "{\"seed\":3,\"departments\":4,\"systems\":20,\"resources\":120,\"items\":840}");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/generate/counts-per-parent", test_counts);
  g_test_add_func ("/generate/same-seed-same-catalog", test_same_seed_same_catalog);
  g_test_add_func ("/generate/values-are-valid", test_values_are_valid);
  g_test_add_func ("/generate/one-log-entry", test_one_log_entry);
  return g_test_run ();
}
