/* test-catalog.c — the store: records, constraints, transactions, log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "mulu-catalog-private.h"
#include "mulu-schema.h"
#include "mulu-test-util.h"

static gint64
count_rows (MuluCatalog *catalog,
            const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static MuluRecord *
add_system (MuluCatalog *catalog,
            const char  *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) dept = mulu_catalog_get_by_uid (catalog, MULU_ENTITY_DEPARTMENT, "d1", &error);
  MuluRecord *system = mulu_record_new (MULU_ENTITY_SYSTEM);

  g_assert_no_error (error);
  mulu_record_set_int (system, MULU_SYSTEM_DEPARTMENT, mulu_record_get_id (dept));
  mulu_record_set_string (system, MULU_SYSTEM_NAME, name);
  g_assert_true (mulu_catalog_add (catalog, system, &error));
  g_assert_no_error (error);
  return system;
}

static void
test_create_sets_pragmas (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();

  g_assert_cmpint (count_rows (catalog, "PRAGMA application_id"), ==, 0x4D554C55);
  g_assert_cmpint (count_rows (catalog, "PRAGMA user_version"), ==, MULU_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (catalog, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM code_tables"), ==, 22);
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM meta WHERE key = 'code_tables_version' AND value = '2026.1'"), ==, 1);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), "PRAGMA journal_mode", -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
    sqlite3_finalize (stmt);
  }
#ifdef G_OS_UNIX
  {
    GStatBuf st;
    g_assert_cmpint (g_stat (mulu_catalog_get_path (catalog), &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  }
#endif
}

static void
test_create_refuses_existing (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_strdup (mulu_catalog_get_path (catalog));
  g_autoptr(MuluCatalog) again = NULL;

  mulu_catalog_close (catalog, NULL);
  again = mulu_catalog_create (path, &error);
  g_assert_null (again);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_EXISTS);
  /* … and did not touch it. */
  g_clear_error (&error);
  g_clear_object (&catalog);
  catalog = mulu_catalog_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_DEPARTMENT, NULL), ==, 1);
}

static void
test_crud_round_trip (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) system = add_system (catalog, "不动产登记信息管理平台");
  g_autoptr(MuluRecord) got = NULL;
  g_autofree char *path = g_strdup (mulu_catalog_get_path (catalog));
  gint64 id = mulu_record_get_id (system);

  g_assert_cmpint (id, >, 0);
  g_assert_nonnull (mulu_record_get_uid (system));
  g_assert_cmpint (strlen (mulu_record_get_uid (system)), ==, 36);

  mulu_record_set_double (system, MULU_SYSTEM_ANNUAL_OM_COST, 168.5);
  mulu_record_set_string (system, MULU_SYSTEM_APPROVAL_DATE, "2017-06-20");
  mulu_record_set_boolean (system, MULU_SYSTEM_SHARING_PLATFORM_CONNECTED, TRUE);
  mulu_record_set_int (system, MULU_SYSTEM_USER_COUNT, 680);
  g_assert_true (mulu_catalog_update (catalog, system, &error));
  g_assert_no_error (error);

  /* Closed and reopened: everything is on disk. */
  g_assert_true (mulu_catalog_close (catalog, &error));
  g_clear_object (&catalog);
  catalog = mulu_catalog_open (path, &error);
  g_assert_no_error (error);
  got = mulu_catalog_get (catalog, MULU_ENTITY_SYSTEM, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mulu_record_get_name (got), ==, "不动产登记信息管理平台");
  g_assert_cmpfloat (mulu_record_get_double (got, MULU_SYSTEM_ANNUAL_OM_COST), ==, 168.5);
  g_assert_cmpstr (mulu_record_get_string (got, MULU_SYSTEM_APPROVAL_DATE), ==, "2017-06-20");
  g_assert_true (mulu_record_get_boolean (got, MULU_SYSTEM_SHARING_PLATFORM_CONNECTED));
  g_assert_cmpint (mulu_record_get_int (got, MULU_SYSTEM_USER_COUNT), ==, 680);
  g_assert_false (mulu_record_is_set (got, MULU_SYSTEM_CONSTRUCTION_COST));
  g_assert_cmpstr (mulu_record_get_uid (got), ==, mulu_record_get_uid (system));

  g_clear_object (&got);
  got = mulu_catalog_get_by_uid (catalog, MULU_ENTITY_SYSTEM, mulu_record_get_uid (system), &error);
  g_assert_no_error (error);
  g_assert_cmpint (mulu_record_get_id (got), ==, id);

  g_assert_true (mulu_catalog_delete (catalog, MULU_ENTITY_SYSTEM, id, &error));
  g_assert_no_error (error);
  g_clear_object (&got);
  got = mulu_catalog_get (catalog, MULU_ENTITY_SYSTEM, id, &error);
  g_assert_null (got);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND);
}

static void
test_parent_required (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) item = mulu_record_new (MULU_ENTITY_ITEM);

  mulu_record_set_string (item, MULU_ITEM_NAME, "不动产单元号");
  g_assert_false (mulu_catalog_add (catalog, item, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_assert_cmpint (mulu_record_get_id (item), ==, 0);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL), ==, 0);
}

static void
test_reference_must_exist (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) item = mulu_record_new (MULU_ENTITY_ITEM);

  mulu_record_set_int (item, MULU_ITEM_RESOURCE, 4242);
  g_assert_false (mulu_catalog_add (catalog, item, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM change_log WHERE op = 'add' AND entity = 'item'"), ==, 0);
}

static void
test_duplicate_uid_refused (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) dept = mulu_record_new (MULU_ENTITY_DEPARTMENT);

  mulu_record_set_uid (dept, "d1");
  g_assert_false (mulu_catalog_add (catalog, dept, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_EXISTS);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_DEPARTMENT, NULL), ==, 1);
}

static void
test_replacement_loop_refused (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) a = add_system (catalog, "甲系统");
  g_autoptr(MuluRecord) b = add_system (catalog, "乙系统");

  mulu_record_set_int (a, MULU_SYSTEM_REPLACED_BY, mulu_record_get_id (b));
  g_assert_true (mulu_catalog_update (catalog, a, &error));
  g_assert_no_error (error);
  mulu_record_set_int (b, MULU_SYSTEM_REPLACED_BY, mulu_record_get_id (a));
  g_assert_false (mulu_catalog_update (catalog, b, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_clear_error (&error);
  mulu_record_set_int (b, MULU_SYSTEM_REPLACED_BY, mulu_record_get_id (b));
  g_assert_false (mulu_catalog_update (catalog, b, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
}

static void
test_change_log_per_field (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) system = add_system (catalog, "旧名称");
  g_autoptr(MuluRecord) other = add_system (catalog, "新系统");
  sqlite3_stmt *stmt = NULL;

  mulu_catalog_set_user (catalog, "张三");
  mulu_record_set_string (system, MULU_SYSTEM_NAME, "新名称");
  mulu_record_set_int (system, MULU_SYSTEM_USER_COUNT, 12);
  mulu_record_set_int (system, MULU_SYSTEM_REPLACED_BY, mulu_record_get_id (other));
  g_assert_true (mulu_catalog_update (catalog, system, &error));

  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM change_log WHERE op = 'update'"), ==, 3);
  sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                      "SELECT who, entity, record_uid, field, old_value, new_value FROM change_log WHERE op = 'update' ORDER BY id",
                      -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "张三");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 1), ==, "system");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 2), ==, mulu_record_get_uid (system));
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "name");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 4), ==, "旧名称");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 5), ==, "新名称");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "user_count");
  g_assert_null (sqlite3_column_text (stmt, 4));
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 5), ==, "12");
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  /* References are logged by package id, not row id. */
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 3), ==, "replaced_by");
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 5), ==, mulu_record_get_uid (other));
  sqlite3_finalize (stmt);

  /* Storing an unchanged record logs nothing. */
  g_assert_true (mulu_catalog_update (catalog, system, &error));
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM change_log WHERE op = 'update'"), ==, 3);
}

static void
test_delete_logs_snapshot_and_cascades (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) r1 = mulu_catalog_get_by_uid (catalog, MULU_ENTITY_RESOURCE, "r1", &error);
  gint64 items_before = mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL);
  gint64 r1_items = count_rows (catalog, "SELECT COUNT(*) FROM items i JOIN resources r ON r.id = i.resource_id WHERE r.uid = 'r1'");
  g_autofree char *old = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (r1_items, >, 0);
  g_assert_true (mulu_catalog_delete (catalog, MULU_ENTITY_RESOURCE, mulu_record_get_id (r1), &error));
  g_assert_no_error (error);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL), ==, items_before - r1_items);

  sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                      "SELECT old_value FROM change_log WHERE op = 'delete' AND record_uid = 'r1'", -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  old = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_true (g_str_has_prefix (old, "{\"kind\":\"resource\",\"id\":\"r1\",\"department\":\"d1\""));
  g_assert_nonnull (strstr (old, mulu_record_get_name (r1)));
}

static void
test_nested_transaction_rollback (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = mulu_test_dump (catalog);
  g_autofree char *after = NULL;
  g_autoptr(MuluRecord) s1 = mulu_catalog_get_by_uid (catalog, MULU_ENTITY_SYSTEM, "s1", &error);

  g_assert_true (mulu_catalog_begin (catalog, &error));
  mulu_record_set_string (s1, MULU_SYSTEM_NAME, "改名");
  g_assert_true (mulu_catalog_update (catalog, s1, &error));
  g_assert_true (mulu_catalog_delete (catalog, MULU_ENTITY_RESOURCE, 3, &error));
  g_assert_no_error (error);
  mulu_catalog_rollback (catalog);

  after = mulu_test_dump (catalog);
  g_assert_cmpstr (before, ==, after);
}

static void
record_change (MuluCatalog *catalog,
               guint        entity,
               gint64       id,
               guint        change,
               GString     *log)
{
  g_string_append_printf (log, "%u:%u ", entity, change);
}

static void
test_changed_signal (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) system = NULL;
  g_autoptr(GString) log = g_string_new (NULL);

  g_signal_connect (catalog, "changed", G_CALLBACK (record_change), log);
  system = add_system (catalog, "信号测试");
  mulu_record_set_string (system, MULU_SYSTEM_NAME, "信号测试二");
  g_assert_true (mulu_catalog_update (catalog, system, &error));
  g_assert_true (mulu_catalog_delete (catalog, MULU_ENTITY_SYSTEM, mulu_record_get_id (system), &error));
  /* system added, updated, removed; then resources and items reload. */
  g_assert_cmpstr (log->str, ==, "1:0 1:1 1:2 2:3 3:3 ");
}

static void
test_save_copy_is_consistent (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(MuluCatalog) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = mulu_test_path ("copy.mulu");
  g_autofree char *a = NULL, *b = NULL;

  g_assert_true (mulu_catalog_save_copy (catalog, path, &error));
  g_assert_no_error (error);
  /* Saving again over the copy replaces it. */
  g_assert_true (mulu_catalog_save_copy (catalog, path, &error));
  g_assert_no_error (error);
  copy = mulu_catalog_open (path, &error);
  g_assert_no_error (error);
  a = mulu_test_dump (catalog);
  b = mulu_test_dump (copy);
  g_assert_cmpstr (a, ==, b);
}

/* A worker thread's connection: it shares the document's lock instead of
 * being refused by it, sees the same data, and its writes are the main
 * connection's to read. */
static void
test_worker_connection (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(MuluCatalog) worker = NULL;
  g_autoptr(MuluCatalog) other = NULL;
  g_autoptr(GError) error = NULL;
  guint64 counts[MULU_N_SEVERITIES];

  worker = mulu_catalog_open_worker (catalog, &error);
  g_assert_no_error (error);
  g_assert_nonnull (worker);
  g_assert_cmpstr (mulu_catalog_get_path (worker), ==, mulu_catalog_get_path (catalog));
  g_assert_cmpstr (mulu_catalog_get_user (worker), ==, mulu_catalog_get_user (catalog));
  g_assert_cmpint (mulu_catalog_count (worker, MULU_ENTITY_RESOURCE, NULL), ==, 62);

  g_assert_true (mulu_validate_catalog (worker, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mulu_findings_count (catalog, counts, &error));
  g_assert_cmpuint (counts[MULU_SEVERITY_ERROR], ==, 3);
  g_assert_true (mulu_catalog_close (worker, &error));
  g_assert_no_error (error);

  /* The document still holds the lock. */
  other = mulu_catalog_open (mulu_catalog_get_path (catalog), &error);
  g_assert_null (other);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_LOCKED);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_RESOURCE, NULL), ==, 62);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/catalog/create/sets-pragmas-and-private-mode", test_create_sets_pragmas);
  g_test_add_func ("/catalog/create/refuses-existing-file", test_create_refuses_existing);
  g_test_add_func ("/catalog/records/add-update-get-delete", test_crud_round_trip);
  g_test_add_func ("/catalog/records/parent-required", test_parent_required);
  g_test_add_func ("/catalog/records/reference-must-exist", test_reference_must_exist);
  g_test_add_func ("/catalog/records/duplicate-id-refused", test_duplicate_uid_refused);
  g_test_add_func ("/catalog/records/replacement-loop-refused", test_replacement_loop_refused);
  g_test_add_func ("/catalog/log/one-entry-per-changed-field", test_change_log_per_field);
  g_test_add_func ("/catalog/log/delete-keeps-snapshot-and-cascades", test_delete_logs_snapshot_and_cascades);
  g_test_add_func ("/catalog/transactions/nested-rollback-restores", test_nested_transaction_rollback);
  g_test_add_func ("/catalog/signals/changed", test_changed_signal);
  g_test_add_func ("/catalog/save-copy/consistent-snapshot", test_save_copy_is_consistent);
  g_test_add_func ("/catalog/worker-connection", test_worker_connection);
  return g_test_run ();
}
