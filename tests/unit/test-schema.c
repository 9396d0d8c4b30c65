/* test-schema.c — file format versions and what is not a catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sqlite3.h>

#include "mulu-catalog-private.h"
#include "mulu-log-private.h"
#include "mulu-schema.h"
#include "mulu-suggest.h"
#include "mulu-text.h"
#include "mulu-test-util.h"

/* A file as Mulu 0.1 with format version 1 wrote it. */
static char *
make_version_1_file (void)
{
  char *path = mulu_test_path ("v1.mulu");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1297435733; BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (mulu_schema_upgrade (db, 0, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO meta VALUES ('code_tables_version', '2026.1');"
                                 "INSERT INTO departments (uid, name) VALUES ('d1', '某局');"
                                 "INSERT INTO systems (uid, department_id, name) VALUES ('s1', 1, '旧系统');"
                                 "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

static void
test_upgrade_from_version_1 (void)
{
  g_autofree char *path = make_version_1_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = mulu_catalog_open (path, &error);
  g_autoptr(MuluRecord) system = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (mulu_catalog_get_schema_version (catalog), ==, MULU_SCHEMA_VERSION);
  system = mulu_catalog_get_by_uid (catalog, MULU_ENTITY_SYSTEM, "s1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mulu_record_get_name (system), ==, "旧系统");
  /* Version 2's tables work. */
  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                                       "INSERT INTO zombie_reviews (system_id, decision) VALUES (1, 'confirmed')",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

/* A file as format version 3 left it: items without a stored sensitivity. */
static char *
make_version_3_file (void)
{
  char *path = mulu_test_path ("v3.mulu");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (mulu_text_register_functions (db));
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1297435733; BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (mulu_schema_upgrade (db, 0, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO meta VALUES ('code_tables_version', '2026.1');"
                                 "INSERT INTO departments (uid, name) VALUES ('d1', '某局');"
                                 "INSERT INTO resources (uid, department_id, name, share_type, open_type)"
                                 "  VALUES ('r1', 1, '不动产登记信息', '无条件共享', '无条件开放');"
                                 "INSERT INTO items (uid, resource_id, name) VALUES ('i1', 1, '权利人姓名'), ('i2', 1, '公民身份号码'),"
                                 "  ('i3', 1, '不动产单元号');"
                                 "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

/* Each item's stored mask, "-" for none, in uid order. */
static char *
item_masks (MuluCatalog *catalog)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), "SELECT uid, sensitivity FROM items ORDER BY uid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        g_string_append_printf (out, "%s%s=-", out->len ? " " : "", sqlite3_column_text (stmt, 0));
      else
        g_string_append_printf (out, "%s%s=%d", out->len ? " " : "", sqlite3_column_text (stmt, 0), sqlite3_column_int (stmt, 1));
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static char *
expected_masks (const char *const *names)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; names[i]; i++)
    {
      guint mask = mulu_suggest_classify_item (names[i]);
      if (mask)
        g_string_append_printf (out, "%si%u=%u", out->len ? " " : "", i + 1, mask);
      else
        g_string_append_printf (out, "%si%u=-", out->len ? " " : "", i + 1);
    }
  return g_string_free (out, FALSE);
}

static void
test_upgrade_from_version_3 (void)
{
  static const char * const names[] = { "权利人姓名", "公民身份号码", "不动产单元号", NULL };
  g_autofree char *path = make_version_3_file ();
  g_autofree char *expected = expected_masks (names);
  g_autofree char *masks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = mulu_catalog_open (path, &error);
  g_autoptr(GPtrArray) findings = NULL;
  gboolean suggested = FALSE;

  g_assert_no_error (error);
  g_assert_cmpint (mulu_catalog_get_schema_version (catalog), ==, MULU_SCHEMA_VERSION);
  g_assert_true (mulu_suggest_item_masks_are_current (mulu_catalog_get_db (catalog)));
  masks = item_masks (catalog);
  g_assert_cmpstr (masks, ==, expected);
  g_assert_cmpuint (mulu_suggest_classify_item ("不动产单元号"), ==, 0);

  /* The full run reads them: the ID number suggests conditional sharing. */
  g_assert_true (mulu_validate_catalog (catalog, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  findings = mulu_findings_list (catalog, MULU_SEVERITY_HINT, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < findings->len; i++)
    suggested |= g_str_equal (((MuluFinding *) g_ptr_array_index (findings, i))->rule, "SG1");
  g_assert_true (suggested);
}

/* The triggers keep the mask through adds and renames. */
static void
test_item_masks_follow_edits (void)
{
  static const char * const renamed[] = { "联系电话", "备注", "不动产单元号", "家庭住址", NULL };
  g_autofree char *path = make_version_3_file ();
  g_autofree char *expected = expected_masks (renamed);
  g_autofree char *masks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = mulu_catalog_open (path, &error);
  g_autoptr(MuluRecord) item = NULL;

  g_assert_no_error (error);
  item = mulu_catalog_get_by_uid (catalog, MULU_ENTITY_ITEM, "i1", &error);
  mulu_record_set_string (item, MULU_ITEM_NAME, "联系电话");
  g_assert_true (mulu_catalog_update (catalog, item, &error));
  g_clear_object (&item);
  item = mulu_catalog_get_by_uid (catalog, MULU_ENTITY_ITEM, "i2", &error);
  mulu_record_set_string (item, MULU_ITEM_NAME, "备注");
  g_assert_true (mulu_catalog_update (catalog, item, &error));
  g_clear_object (&item);
  item = mulu_record_new (MULU_ENTITY_ITEM);
  mulu_record_set_uid (item, "i4");
  mulu_record_set_int (item, MULU_ITEM_RESOURCE, 1);
  mulu_record_set_string (item, MULU_ITEM_NAME, "家庭住址");
  g_assert_true (mulu_catalog_add (catalog, item, &error));
  g_assert_no_error (error);
  masks = item_masks (catalog);
  g_assert_cmpstr (masks, ==, expected);
}

/* Masks stored by a Mulu with other sensitive categories are redone when
 * this one opens the file. */
static void
test_item_masks_redone_for_other_categories (void)
{
  static const char * const names[] = { "权利人姓名", "公民身份号码", "不动产单元号", NULL };
  g_autofree char *path = make_version_3_file ();
  g_autofree char *expected = expected_masks (names);
  g_autofree char *masks = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = mulu_catalog_open (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (mulu_catalog_get_db (catalog),
                                 "UPDATE items SET sensitivity = CASE uid WHEN 'i3' THEN 4 ELSE NULL END;"
                                 "UPDATE meta SET value = 'another' WHERE key = 'item_sensitivity'", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_false (mulu_suggest_item_masks_are_current (mulu_catalog_get_db (catalog)));
  g_assert_true (mulu_catalog_close (catalog, &error));
  g_clear_object (&catalog);

  catalog = mulu_catalog_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (mulu_suggest_item_masks_are_current (mulu_catalog_get_db (catalog)));
  masks = item_masks (catalog);
  g_assert_cmpstr (masks, ==, expected);
}

static void
test_failed_upgrade_leaves_version (void)
{
  g_autofree char *path = make_version_1_file ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = NULL;
  sqlite3 *db = NULL;

  /* Something in the way of step 2. */
  sqlite3_open (path, &db);
  sqlite3_exec (db, "CREATE TABLE reviews (x)", NULL, NULL, NULL);
  sqlite3_close (db);

  catalog = mulu_catalog_open (path, &error);
  g_assert_null (catalog);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_DATABASE);
  g_assert_nonnull (strstr (error->message, "version 2"));

  sqlite3_open (path, &db);
  g_assert_cmpint (mulu_schema_get_version (db), ==, 1);
  {
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (db, "SELECT COUNT(*) FROM sqlite_schema WHERE name = 'zombie_reviews'", -1, &stmt, NULL);
    sqlite3_step (stmt);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
    sqlite3_finalize (stmt);
  }
  sqlite3_close (db);
}

/* A file as Mulu wrote it at format version 3, before the change log was
 * chained: a few entries, none with a hash. */
static char *
make_version_3_file_with_log (void)
{
  char *path = mulu_test_path ("v3.mulu");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (mulu_text_register_functions (db));
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA application_id = 1297435733; BEGIN", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (mulu_schema_upgrade (db, 0, 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO meta VALUES ('code_tables_version', '2026.1');"
                                 "INSERT INTO departments (uid, name) VALUES ('d1', '某局');"
                                 "INSERT INTO systems (uid, department_id, name) VALUES ('s1', 1, '新系统');"
                                 "INSERT INTO change_log (at, who, op) VALUES ('2026-01-05T09:00:00+08:00', '张三', 'create');"
                                 "INSERT INTO change_log (at, who, op, entity, record_uid, new_value)"
                                 "  VALUES ('2026-01-05T09:01:00+08:00', '张三', 'add', 'system', 's1', '{\"kind\":\"system\"}');"
                                 "INSERT INTO change_log (at, who, op, entity, record_uid, field, old_value, new_value)"
                                 "  VALUES ('2026-01-05T09:02:00+08:00', '张三', 'update', 'system', 's1', 'name', '旧系统', '新系统');"
                                 "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return path;
}

static void
test_upgrade_from_version_3_chains_log (void)
{
  g_autofree char *path = make_version_3_file_with_log ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = mulu_catalog_open (path, &error);
  g_autoptr(GPtrArray) log = NULL;
  g_autoptr(MuluLogBreak) brk = NULL;
  g_autoptr(MuluRecord) system = NULL;
  g_autofree char *prev = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (mulu_catalog_get_schema_version (catalog), ==, MULU_SCHEMA_VERSION);

  /* The old entries are chained, in order, exactly as new ones are. */
  log = mulu_log_list (catalog, NULL, &error);
  g_assert_cmpuint (log->len, ==, 3);
  for (guint i = 0; i < log->len; i++)
    {
      MuluLogEntry *e = g_ptr_array_index (log, i);
      const char *texts[MULU_LOG_N_TEXTS] = { e->at, e->who, e->op, e->entity, e->record_uid, e->field,
                                              e->old_value, e->new_value, e->details };
      g_autofree char *hash = mulu_log_hash (e->id, texts, prev);

      g_assert_cmpstr (e->hash, ==, hash);
      g_free (prev);
      prev = g_strdup (e->hash);
    }
  g_assert_true (mulu_catalog_verify (catalog, &brk, &error));
  g_assert_no_error (error);
  g_assert_null (brk);

  /* New entries continue the chain. */
  system = mulu_catalog_get_by_uid (catalog, MULU_ENTITY_SYSTEM, "s1", &error);
  mulu_record_set_string (system, MULU_SYSTEM_FUNCTION, "不动产登记");
  g_assert_true (mulu_catalog_update (catalog, system, &error));
  g_assert_no_error (error);
  g_assert_true (mulu_catalog_verify (catalog, &brk, &error));
  g_assert_null (brk);
  g_assert_cmpint (mulu_log_count (catalog, NULL), ==, 4);
}

static void
test_newer_file_refused (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autofree char *path = g_strdup (mulu_catalog_get_path (catalog));
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) again = NULL;

  sqlite3_exec (mulu_catalog_get_db (catalog), "PRAGMA user_version = 99", NULL, NULL, NULL);
  mulu_catalog_close (catalog, NULL);
  again = mulu_catalog_open (path, &error);
  g_assert_null (again);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "99"));
}

static void
test_not_a_catalog (void)
{
  g_autofree char *text = mulu_test_write_file ("notes.mulu", "部门信息\n", -1);
  g_autofree char *other = mulu_test_path ("other.sqlite");
  g_autofree char *missing = mulu_test_path ("missing.mulu");
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_assert_null (mulu_catalog_open (text, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_A_CATALOG);
  g_clear_error (&error);

  sqlite3_open (other, &db);
  sqlite3_exec (db, "CREATE TABLE t (x)", NULL, NULL, NULL);
  sqlite3_close (db);
  g_assert_null (mulu_catalog_open (other, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_A_CATALOG);
  g_clear_error (&error);

  g_assert_null (mulu_catalog_open (missing, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (mulu_catalog_open (mulu_test_tmpdir (), &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_A_CATALOG);
}

static void
test_every_field_has_a_column (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();

  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    {
      const MuluEntityInfo *info = mulu_entity_get_info (e);
      for (guint i = 0; i < info->n_fields; i++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s", info->fields[i].column, info->table);
          sqlite3_stmt *stmt = NULL;
          g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL), ==, SQLITE_OK);
          sqlite3_finalize (stmt);
          if (info->fields[i].code_table)
            g_assert_true (mulu_codes_has_table (mulu_catalog_get_codes (catalog), info->fields[i].code_table));
        }
    }
}

static void
test_codes_kept_in_file (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autofree char *path = g_strdup (mulu_catalog_get_path (catalog));
  g_autoptr(GError) error = NULL;
  MuluCodes *codes;
  const MuluCodeEntry *e;

  mulu_catalog_close (catalog, NULL);
  g_clear_object (&catalog);
  catalog = mulu_catalog_open (path, &error);
  g_assert_no_error (error);
  codes = mulu_catalog_get_codes (catalog);
  g_assert_cmpstr (mulu_codes_get_version (codes), ==, "2026.1");
  e = mulu_codes_lookup (codes, "classification", "3/01", "002");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->path, ==, "3/01/002");
  g_assert_cmpstr (e->parent->parent->value, ==, "3");
  g_assert_nonnull (mulu_codes_lookup (codes, "format", "数据库", "达梦"));
  g_assert_null (mulu_codes_lookup (codes, "format", "电子表格", "达梦"));
  g_assert_cmpstr (mulu_codes_lookup (codes, "data_type", NULL, "C")->label, ==, "字符型");
  g_assert_cmpuint (mulu_codes_list (codes, "share_type", NULL)->len, ==, 3);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schema/upgrade-from-version-1", test_upgrade_from_version_1);
  g_test_add_func ("/schema/upgrade-from-version-3-chains-log", test_upgrade_from_version_3_chains_log);
  g_test_add_func ("/schema/upgrade-from-version-3-sets-item-masks", test_upgrade_from_version_3);
  g_test_add_func ("/schema/item-masks-follow-edits", test_item_masks_follow_edits);
  g_test_add_func ("/schema/item-masks-redone-for-other-categories", test_item_masks_redone_for_other_categories);
  g_test_add_func ("/schema/failed-upgrade-leaves-version", test_failed_upgrade_leaves_version);
  g_test_add_func ("/schema/newer-file-refused", test_newer_file_refused);
  g_test_add_func ("/schema/not-a-catalog-refused", test_not_a_catalog);
  g_test_add_func ("/schema/every-field-has-a-column", test_every_field_has_a_column);
  g_test_add_func ("/schema/code-tables-kept-in-file", test_codes_kept_in_file);
  return g_test_run ();
}
