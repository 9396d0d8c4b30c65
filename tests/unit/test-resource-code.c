/* test-resource-code.c — the next free resource code
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-catalog-private.h"
#include "mulu-resource-code.h"
#include "mulu-test-util.h"

static void
add_resource (MuluCatalog *catalog,
              const char  *name,
              const char  *code)
{
  g_autoptr(MuluRecord) r = mulu_record_new (MULU_ENTITY_RESOURCE);
  g_autoptr(GError) error = NULL;

  mulu_record_set_int (r, MULU_RESOURCE_DEPARTMENT, 1);
  mulu_record_set_string (r, MULU_RESOURCE_NAME, name);
  mulu_record_set_string (r, MULU_RESOURCE_CODE, code);
  mulu_catalog_add (catalog, r, &error);
  g_assert_no_error (error);
}

/* The form rule R14 checks, as mulu_code_is_well_formed() in SQL. */
static void
test_well_formed (void)
{
  static const char * const good[] = { "301002/00001", "1010010/7", "2990009999/12345" };
  static const char * const bad[] = {
    "", "301002", "301002/", "/00001", "30100/00001", "401002/00001", "001002/00001",
    "301002/0000A", "301002/00/001", "301002/00001 ", " 301002/00001", "３01002/00001", "301002／00001",
  };
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  sqlite3_stmt *stmt = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    g_assert_true (mulu_resource_code_is_well_formed (good[i]));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    g_assert_false (mulu_resource_code_is_well_formed (bad[i]));
  g_assert_false (mulu_resource_code_is_well_formed (NULL));

  /* In SQL, NULL stays NULL as a GLOB would leave it. */
  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                                       "SELECT mulu_code_is_well_formed ('301002/00001'), mulu_code_is_well_formed ('301002'),"
                                       " mulu_code_is_well_formed (NULL) IS NULL", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 0);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  sqlite3_finalize (stmt);
}

static void
test_front_pads_missing_subitem (void)
{
  g_autofree char *a = mulu_resource_code_front ("3", "01", "002", NULL);
  g_autofree char *b = mulu_resource_code_front ("3", "01", NULL, NULL);
  g_autofree char *c = mulu_resource_code_front ("3", "01", "", NULL);

  g_assert_cmpstr (a, ==, "301002");
  g_assert_cmpstr (b, ==, "301000");
  g_assert_cmpstr (c, ==, "301000");
}

static void
test_next_after_highest (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  /* The sample holds 201003/00001 to 201003/00003. */
  code = mulu_resource_next_code (catalog, "2", "01", "003", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "201003/00004");
}

static void
test_first_in_empty_segment (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  code = mulu_resource_next_code (catalog, "3", "01", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "301000/00001");
}

static void
test_counts_only_its_own_segment (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  add_resource (catalog, "甲", "301002/00007");
  add_resource (catalog, "乙", "301002/00012");
  add_resource (catalog, "丙", "301003/00040");     /* another 目 */
  add_resource (catalog, "丁", "3010021/00090");    /* a 细目 below it */
  add_resource (catalog, "戊", "301002/0009x");     /* malformed: R14's business */
  add_resource (catalog, "己", "301002/00050/1");   /* malformed */

  code = mulu_resource_next_code (catalog, "3", "01", "002", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (code, ==, "301002/00013");
}

static void
test_refuses_missing_item (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  code = mulu_resource_next_code (catalog, "3", NULL, NULL, &error);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_assert_null (code);
}

static void
test_refuses_malformed_classification (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;

  code = mulu_resource_next_code (catalog, "3", "1", "002", &error);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_assert_null (code);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/resource-code/well-formed", test_well_formed);
  g_test_add_func ("/core/resource-code/front-pads-missing-subitem", test_front_pads_missing_subitem);
  g_test_add_func ("/core/resource-code/next-after-highest", test_next_after_highest);
  g_test_add_func ("/core/resource-code/first-in-empty-segment", test_first_in_empty_segment);
  g_test_add_func ("/core/resource-code/counts-only-its-own-segment", test_counts_only_its_own_segment);
  g_test_add_func ("/core/resource-code/refuses-missing-item", test_refuses_missing_item);
  g_test_add_func ("/core/resource-code/refuses-malformed-classification", test_refuses_malformed_classification);

  return g_test_run ();
}
