/* test-history.c — undo and redo put the catalog back exactly: the same
 * rows with the same ids, the same findings, the references the database
 * had cleared; a step that cannot be replayed changes nothing
 *
 * Catalogs are compared with mulu_test_dump() (every table but the change
 * log) and a snapshot of the findings and suggestions, which the dump
 * leaves out. Today is 2026-11-22 (MULU_TODAY).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-catalog-private.h"
#include "mulu-history.h"
#include "mulu-test-util.h"

#define TODAY "2026-11-22"

/* — Helpers ——————————————————————————————————————————————————— */

static MuluRecord *
get (MuluCatalog *catalog,
     MuluEntity   entity,
     const char  *uid)
{
  g_autoptr(GError) error = NULL;
  MuluRecord *record = mulu_catalog_get_by_uid (catalog, entity, uid, &error);

  g_assert_no_error (error);
  return record;
}

static gint64
id_of (MuluCatalog *catalog,
       MuluEntity   entity,
       const char  *uid)
{
  g_autoptr(MuluRecord) record = get (catalog, entity, uid);
  return mulu_record_get_id (record);
}

static gboolean
exists (MuluCatalog *catalog,
        MuluEntity   entity,
        gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) record = mulu_catalog_get (catalog, entity, id, &error);

  if (record == NULL)
    g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND);
  return record != NULL;
}

static gint64
query_int (MuluCatalog *catalog,
           const char  *sql,
           gint64       param)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static char *
query_text (MuluCatalog *catalog,
            const char  *sql,
            gint64       param)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return text;
}

static void
exec_sql (MuluCatalog *catalog,
          const char  *sql)
{
  g_assert_cmpint (sqlite3_exec (mulu_catalog_get_db (catalog), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static gint64
log_size (MuluCatalog *catalog)
{
  return query_int (catalog, "SELECT COUNT(*) FROM change_log", 0);
}

/* The findings and suggestions, one sorted line per row, without the
 * findings' own row ids. */
static char *
findings (MuluCatalog *catalog)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
    "SELECT 'finding', rule, severity, entity, record_id, coalesce (field, '-'), coalesce (group_key, '-'), message FROM findings"
    " UNION ALL SELECT 'suggestion', resource_id, state, categories, items, condition, coalesce (decided_by, '-'), '' FROM suggestions"
    " ORDER BY 1, 2, 3, 4, 5, 6, 7, 8", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        g_string_append_printf (out, "%s%s", c ? "|" : "", (const char *) sqlite3_column_text (stmt, c));
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static void
validate (MuluCatalog *catalog)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_validate_catalog (catalog, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static MuluCatalog *
sample (void)
{
  MuluCatalog *catalog = mulu_test_sample_catalog ();

  validate (catalog);
  return catalog;
}

static void
undo (MuluHistory *history)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_history_undo (history, &error));
  g_assert_no_error (error);
}

static void
redo (MuluHistory *history)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_history_redo (history, &error));
  g_assert_no_error (error);
}

static void
history_update (MuluHistory *history,
                MuluRecord  *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_history_update (history, record, &error));
  g_assert_no_error (error);
}

static void
history_delete (MuluHistory *history,
                MuluEntity   entity,
                gint64       id)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_history_delete (history, entity, id, &error));
  g_assert_no_error (error);
}

static MuluRecord *
new_item (gint64      resource_id,
          const char *name)
{
  MuluRecord *item = mulu_record_new (MULU_ENTITY_ITEM);

  mulu_record_set_int (item, MULU_ITEM_RESOURCE, resource_id);
  if (name)
    mulu_record_set_string (item, MULU_ITEM_NAME, name);
  mulu_record_set_string (item, MULU_ITEM_DATA_TYPE, "C");
  return item;
}

/* One item added through the history; returns its row id. */
static gint64
history_add_item (MuluHistory *history,
                  gint64       resource_id,
                  const char  *name)
{
  g_autoptr(MuluRecord) item = new_item (resource_id, name);
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_history_add (history, item, &error));
  g_assert_no_error (error);
  return mulu_record_get_id (item);
}

/* A catalog with department d1 and one resource r1 of it. */
static MuluCatalog *
catalog_with_resource (gint64 *out_resource_id)
{
  MuluCatalog *catalog = mulu_test_new_catalog ();
  g_autoptr(MuluRecord) resource = mulu_record_new (MULU_ENTITY_RESOURCE);
  g_autoptr(GError) error = NULL;

  mulu_record_set_int (resource, MULU_RESOURCE_DEPARTMENT, id_of (catalog, MULU_ENTITY_DEPARTMENT, "d1"));
  mulu_record_set_string (resource, MULU_RESOURCE_NAME, "不动产登记簿");
  mulu_record_set_uid (resource, "r1");
  g_assert_true (mulu_catalog_add (catalog, resource, &error));
  g_assert_no_error (error);
  *out_resource_id = mulu_record_get_id (resource);
  return catalog;
}

/* — Add ——————————————————————————————————————————————————————— */

static void
test_add_undo_redo (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(MuluRecord) system = mulu_record_new (MULU_ENTITY_SYSTEM);
  g_autoptr(MuluRecord) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *dump_added = NULL;
  g_autofree char *dump_again = NULL;
  g_autofree char *last_op = NULL;
  gint64 id;

  g_assert_true (mulu_history_get_catalog (history) == catalog);
  g_assert_false (mulu_history_can_undo (history));
  g_assert_false (mulu_history_can_redo (history));

  mulu_record_set_int (system, MULU_SYSTEM_DEPARTMENT, id_of (catalog, MULU_ENTITY_DEPARTMENT, "d1"));
  mulu_record_set_string (system, MULU_SYSTEM_NAME, "不动产登记信息管理平台");
  mulu_record_set_double (system, MULU_SYSTEM_CONSTRUCTION_COST, 612.5);
  g_assert_true (mulu_history_add (history, system, &error));
  g_assert_no_error (error);
  id = mulu_record_get_id (system);
  uid = g_strdup (mulu_record_get_uid (system));
  g_assert_cmpint (id, >, 0);
  dump_added = mulu_test_dump (catalog);
  g_assert_true (mulu_history_can_undo (history));
  g_assert_false (mulu_history_can_redo (history));

  undo (history);
  g_assert_false (exists (catalog, MULU_ENTITY_SYSTEM, id));
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_SYSTEM, NULL), ==, 0);
  g_assert_false (mulu_history_can_undo (history));
  g_assert_true (mulu_history_can_redo (history));

  redo (history);
  back = get (catalog, MULU_ENTITY_SYSTEM, uid);
  g_assert_cmpint (mulu_record_get_id (back), ==, id);
  g_assert_cmpstr (mulu_record_get_name (back), ==, "不动产登记信息管理平台");
  g_assert_cmpfloat (mulu_record_get_double (back, MULU_SYSTEM_CONSTRUCTION_COST), ==, 612.5);
  dump_again = mulu_test_dump (catalog);
  g_assert_cmpstr (dump_again, ==, dump_added);
  g_assert_true (mulu_history_can_undo (history));
  g_assert_false (mulu_history_can_redo (history));

  /* The log tells the story: add, delete (undo), restore (redo). */
  last_op = query_text (catalog, "SELECT group_concat (op, ' ') FROM (SELECT op FROM change_log WHERE record_uid = (SELECT uid FROM systems WHERE id = ?1) ORDER BY id)", id);
  g_assert_cmpstr (last_op, ==, "add delete restore");
}

/* — Update ———————————————————————————————————————————————————— */

static void
test_update_undo_redo_exact (void)
{
  g_autoptr(MuluCatalog) catalog = sample ();
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(MuluRecord) record = get (catalog, MULU_ENTITY_RESOURCE, "r1");
  g_autoptr(MuluRecord) back = NULL;
  g_autofree char *dump_before = mulu_test_dump (catalog);
  g_autofree char *findings_before = findings (catalog);
  g_autofree char *dump_after = NULL;
  g_autofree char *findings_after = NULL;
  g_autofree char *now = NULL;
  const char *codes[] = { "201003/00002", "201003/00003", NULL };
  gint64 log0 = log_size (catalog);

  g_assert_cmpstr (mulu_record_get_name (record), ==, "政府信息主动公开目录信息");
  g_assert_cmpfloat (mulu_record_get_double (record, MULU_RESOURCE_VOLUME_STORAGE_GB), ==, 2.4);
  g_assert_cmpstr (mulu_record_get_string (record, MULU_RESOURCE_FORMAT_TYPE), ==, "达梦");
  g_assert_false (mulu_record_is_set (record, MULU_RESOURCE_RELATED_CODES));

  /* Four fields: a text, a list, a number and a required one cleared. */
  mulu_record_set_string (record, MULU_RESOURCE_NAME, "政府信息公开目录");
  mulu_record_set_value (record, MULU_RESOURCE_RELATED_CODES, g_variant_new_strv (codes, -1));
  mulu_record_set_double (record, MULU_RESOURCE_VOLUME_STORAGE_GB, 3.75);
  mulu_record_set_value (record, MULU_RESOURCE_FORMAT_CATEGORY, NULL);
  history_update (history, record);
  g_assert_cmpint (log_size (catalog), ==, log0 + 4);
  dump_after = mulu_test_dump (catalog);
  findings_after = findings (catalog);
  g_assert_cmpstr (findings_after, !=, findings_before);

  undo (history);
  g_assert_cmpint (log_size (catalog), ==, log0 + 8);
  back = get (catalog, MULU_ENTITY_RESOURCE, "r1");
  g_assert_cmpstr (mulu_record_get_name (back), ==, "政府信息主动公开目录信息");
  g_assert_false (mulu_record_is_set (back, MULU_RESOURCE_RELATED_CODES));
  g_assert_cmpfloat (mulu_record_get_double (back, MULU_RESOURCE_VOLUME_STORAGE_GB), ==, 2.4);
  g_assert_cmpstr (mulu_record_get_string (back, MULU_RESOURCE_FORMAT_CATEGORY), ==, "数据库");
  now = mulu_test_dump (catalog);
  g_assert_cmpstr (now, ==, dump_before);
  g_clear_pointer (&now, g_free);
  now = findings (catalog);
  g_assert_cmpstr (now, ==, findings_before);
  g_clear_pointer (&now, g_free);
  g_clear_object (&back);

  redo (history);
  g_assert_cmpint (log_size (catalog), ==, log0 + 12);
  back = get (catalog, MULU_ENTITY_RESOURCE, "r1");
  g_assert_cmpstr (mulu_record_get_name (back), ==, "政府信息公开目录");
  {
    g_autofree const char **got = g_variant_get_strv (mulu_record_get_value (back, MULU_RESOURCE_RELATED_CODES), NULL);
    g_assert_cmpstrv (got, codes);
  }
  g_assert_cmpfloat (mulu_record_get_double (back, MULU_RESOURCE_VOLUME_STORAGE_GB), ==, 3.75);
  g_assert_false (mulu_record_is_set (back, MULU_RESOURCE_FORMAT_CATEGORY));
  now = mulu_test_dump (catalog);
  g_assert_cmpstr (now, ==, dump_after);
  g_clear_pointer (&now, g_free);
  now = findings (catalog);
  g_assert_cmpstr (now, ==, findings_after);
}

/* Undo sets back only the fields the step changed: an edit made since to
 * another field (outside the history) stays. */
static void
test_update_undo_keeps_other_fields (void)
{
  g_autoptr(MuluCatalog) catalog = sample ();
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(MuluRecord) record = get (catalog, MULU_ENTITY_SYSTEM, "s1");
  g_autoptr(MuluRecord) back = NULL;
  g_autoptr(GError) error = NULL;

  mulu_record_set_int (record, MULU_SYSTEM_USER_COUNT, 450);
  history_update (history, record);
  mulu_record_set_string (record, MULU_SYSTEM_BUILDER, "厦门市信息中心");
  g_assert_true (mulu_catalog_update (catalog, record, &error));
  g_assert_no_error (error);

  undo (history);
  back = get (catalog, MULU_ENTITY_SYSTEM, "s1");
  g_assert_cmpint (mulu_record_get_int (back, MULU_SYSTEM_USER_COUNT), ==, 420);
  g_assert_cmpstr (mulu_record_get_string (back, MULU_SYSTEM_BUILDER), ==, "厦门市信息中心");
}

static void
test_update_without_change_is_no_step (void)
{
  g_autoptr(MuluCatalog) catalog = sample ();
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(MuluRecord) record = get (catalog, MULU_ENTITY_SYSTEM, "s1");
  gint64 log0 = log_size (catalog);

  history_update (history, record);
  g_assert_false (mulu_history_can_undo (history));
  g_assert_cmpint (log_size (catalog), ==, log0);
}

/* — Delete ———————————————————————————————————————————————————— */

static void
test_delete_resource_restores_items (void)
{
  g_autoptr(MuluCatalog) catalog = sample ();
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(GError) error = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *findings_before = NULL;
  g_autofree char *now = NULL;
  g_autofree char *state = NULL;
  g_autofree char *sql = NULL;
  gint64 r6 = id_of (catalog, MULU_ENTITY_RESOURCE, "r6");
  gint64 first_item = query_int (catalog, "SELECT min (id) FROM items WHERE resource_id = ?1", r6);

  /* A decided suggestion and reviews go with the resource and must come
   * back as they were, not as a fresh suggestion. */
  state = query_text (catalog, "SELECT state FROM suggestions WHERE resource_id = ?1", r6);
  g_assert_cmpstr (state, ==, "suggested");
  g_assert_true (mulu_suggestion_dismiss (catalog, r6, &error));
  g_assert_no_error (error);
  sql = g_strdup_printf ("INSERT INTO reviews VALUES ('resource', %" G_GINT64_FORMAT ", 'approved', '王芳', NULL, '2026-11-21T10:00:00+08:00');"
                         "INSERT INTO reviews VALUES ('item', %" G_GINT64_FORMAT ", 'returned', '王芳', '长度有误', '2026-11-21T10:05:00+08:00');",
                         r6, first_item);
  exec_sql (catalog, sql);

  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM items WHERE resource_id = ?1", r6), ==, 11);
  dump_before = mulu_test_dump (catalog);
  findings_before = findings (catalog);

  history_delete (history, MULU_ENTITY_RESOURCE, r6);
  g_assert_false (exists (catalog, MULU_ENTITY_RESOURCE, r6));
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM items WHERE resource_id = ?1", r6), ==, 0);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM reviews", 0), ==, 0);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM suggestions WHERE resource_id = ?1", r6), ==, 0);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL), ==, 661 - 11);

  undo (history);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM items WHERE resource_id = ?1", r6), ==, 11);
  g_assert_cmpint (query_int (catalog, "SELECT min (id) FROM items WHERE resource_id = ?1", r6), ==, first_item);
  g_clear_pointer (&state, g_free);
  state = query_text (catalog, "SELECT state FROM suggestions WHERE resource_id = ?1", r6);
  g_assert_cmpstr (state, ==, "dismissed");
  now = mulu_test_dump (catalog);
  g_assert_cmpstr (now, ==, dump_before);
  g_clear_pointer (&now, g_free);
  now = findings (catalog);
  g_assert_cmpstr (now, ==, findings_before);
  g_clear_pointer (&now, g_free);

  /* Redo captures again, so a second undo is as good as the first. */
  redo (history);
  g_assert_false (exists (catalog, MULU_ENTITY_RESOURCE, r6));
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL), ==, 661 - 11);
  undo (history);
  now = mulu_test_dump (catalog);
  g_assert_cmpstr (now, ==, dump_before);
  g_clear_pointer (&now, g_free);
  now = findings (catalog);
  g_assert_cmpstr (now, ==, findings_before);
}

static void
test_delete_system_restores_references (void)
{
  g_autoptr(MuluCatalog) catalog = sample ();
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(MuluRecord) s11 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *findings_before = NULL;
  g_autofree char *now = NULL;
  g_autofree char *decision = NULL;
  gint64 s4 = id_of (catalog, MULU_ENTITY_SYSTEM, "s4");

  /* s11 is replaced by s4; r18–r22 are held by it. */
  s11 = get (catalog, MULU_ENTITY_SYSTEM, "s11");
  g_assert_cmpint (mulu_record_get_int (s11, MULU_SYSTEM_REPLACED_BY), ==, s4);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM resources WHERE system_id = ?1", s4), ==, 5);
  g_assert_true (mulu_zombie_set_review (catalog, s4, "confirmed", "整合", "2027-06-30", NULL, &error));
  g_assert_no_error (error);
  dump_before = mulu_test_dump (catalog);
  findings_before = findings (catalog);

  history_delete (history, MULU_ENTITY_SYSTEM, s4);
  g_assert_false (exists (catalog, MULU_ENTITY_SYSTEM, s4));
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM resources WHERE system_id IS NULL", 0), ==, 4 + 5);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM systems WHERE replaced_by_id IS NOT NULL", 0), ==, 0);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM zombie_reviews WHERE system_id = ?1", s4), ==, 0);

  undo (history);
  g_clear_object (&s11);
  s11 = get (catalog, MULU_ENTITY_SYSTEM, "s11");
  g_assert_cmpint (mulu_record_get_int (s11, MULU_SYSTEM_REPLACED_BY), ==, s4);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM resources WHERE system_id = ?1", s4), ==, 5);
  decision = query_text (catalog, "SELECT decision || ' ' || disposition || ' ' || planned_date FROM zombie_reviews WHERE system_id = ?1", s4);
  g_assert_cmpstr (decision, ==, "confirmed 整合 2027-06-30");
  now = mulu_test_dump (catalog);
  g_assert_cmpstr (now, ==, dump_before);
  g_clear_pointer (&now, g_free);
  now = findings (catalog);
  g_assert_cmpstr (now, ==, findings_before);
}

/* The whole sample, plus what points into it from outside: a department
 * under it, a system replaced by one of its systems, a resource held by
 * one; and inside it a system replaced by a later one. */
static void
test_delete_department_restores_everything (void)
{
  g_autoptr(MuluCatalog) catalog = sample ();
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(MuluRecord) d2 = mulu_record_new (MULU_ENTITY_DEPARTMENT);
  g_autoptr(MuluRecord) s13 = mulu_record_new (MULU_ENTITY_SYSTEM);
  g_autoptr(MuluRecord) r63 = mulu_record_new (MULU_ENTITY_RESOURCE);
  g_autoptr(MuluRecord) s3 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *findings_before = NULL;
  g_autofree char *now = NULL;
  gint64 d1 = id_of (catalog, MULU_ENTITY_DEPARTMENT, "d1");
  gint64 s1 = id_of (catalog, MULU_ENTITY_SYSTEM, "s1");
  gint64 s2 = id_of (catalog, MULU_ENTITY_SYSTEM, "s2");
  gint64 s12 = id_of (catalog, MULU_ENTITY_SYSTEM, "s12");

  mulu_record_set_uid (d2, "d2");
  mulu_record_set_string (d2, MULU_DEPARTMENT_NAME, "厦门市测绘与基础地理信息中心");
  mulu_record_set_int (d2, MULU_DEPARTMENT_PARENT, d1);
  g_assert_true (mulu_catalog_add (catalog, d2, &error));
  g_assert_no_error (error);
  mulu_record_set_uid (s13, "s13");
  mulu_record_set_int (s13, MULU_SYSTEM_DEPARTMENT, mulu_record_get_id (d2));
  mulu_record_set_string (s13, MULU_SYSTEM_NAME, "基础测绘成果服务系统");
  mulu_record_set_int (s13, MULU_SYSTEM_REPLACED_BY, s1);
  g_assert_true (mulu_catalog_add (catalog, s13, &error));
  g_assert_no_error (error);
  mulu_record_set_uid (r63, "r63");
  mulu_record_set_int (r63, MULU_RESOURCE_DEPARTMENT, mulu_record_get_id (d2));
  mulu_record_set_int (r63, MULU_RESOURCE_SYSTEM, s2);
  mulu_record_set_string (r63, MULU_RESOURCE_NAME, "基础地理信息数据");
  g_assert_true (mulu_catalog_add (catalog, r63, &error));
  g_assert_no_error (error);
  s3 = get (catalog, MULU_ENTITY_SYSTEM, "s3");
  mulu_record_set_int (s3, MULU_SYSTEM_REPLACED_BY, s12);
  g_assert_true (mulu_catalog_update (catalog, s3, &error));
  g_assert_no_error (error);
  exec_sql (catalog, "INSERT INTO reviews SELECT 'item', id, 'approved', '王芳', NULL, NULL FROM items WHERE id % 7 = 0");
  validate (catalog);

  dump_before = mulu_test_dump (catalog);
  findings_before = findings (catalog);

  history_delete (history, MULU_ENTITY_DEPARTMENT, d1);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_DEPARTMENT, NULL), ==, 1);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_SYSTEM, NULL), ==, 1);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_RESOURCE, NULL), ==, 1);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL), ==, 0);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM departments WHERE parent_id IS NULL", 0), ==, 1);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM systems WHERE replaced_by_id IS NULL", 0), ==, 1);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM resources WHERE system_id IS NULL", 0), ==, 1);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM reviews", 0), ==, 0);

  undo (history);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL), ==, 661);
  now = mulu_test_dump (catalog);
  g_assert_cmpstr (now, ==, dump_before);
  g_clear_pointer (&now, g_free);
  now = findings (catalog);
  g_assert_cmpstr (now, ==, findings_before);
  g_clear_pointer (&now, g_free);

  redo (history);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_SYSTEM, NULL), ==, 1);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL), ==, 0);
  undo (history);
  now = mulu_test_dump (catalog);
  g_assert_cmpstr (now, ==, dump_before);
  g_clear_pointer (&now, g_free);
  now = findings (catalog);
  g_assert_cmpstr (now, ==, findings_before);
}

/* — Findings ———————————————————————————————————————————————————— */

/* Each change is undone at once and the findings compared with those
 * before it: an item that triggers a suggestion, a sharing type that
 * breaks a rule, a duplicate name (a group finding), a deleted item. */
static void
test_findings_after_undo_equal_before (void)
{
  g_autoptr(MuluCatalog) catalog = sample ();
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(MuluRecord) r1 = get (catalog, MULU_ENTITY_RESOURCE, "r1");
  g_autoptr(MuluRecord) r2 = get (catalog, MULU_ENTITY_RESOURCE, "r2");
  g_autofree char *before = findings (catalog);
  g_autofree char *during = NULL;
  g_autofree char *now = NULL;

  history_add_item (history, mulu_record_get_id (r1), "公民身份号码");
  during = findings (catalog);
  g_assert_cmpstr (during, !=, before);
  undo (history);
  now = findings (catalog);
  g_assert_cmpstr (now, ==, before);
  g_clear_pointer (&now, g_free);
  redo (history);
  now = findings (catalog);
  g_assert_cmpstr (now, ==, during);
  g_clear_pointer (&now, g_free);
  undo (history);
  g_clear_pointer (&during, g_free);

  mulu_record_set_string (r1, MULU_RESOURCE_SHARE_TYPE, "不予共享");
  history_update (history, r1);
  during = findings (catalog);
  g_assert_cmpstr (during, !=, before);
  undo (history);
  now = findings (catalog);
  g_assert_cmpstr (now, ==, before);
  g_clear_pointer (&now, g_free);
  g_clear_pointer (&during, g_free);

  mulu_record_set_string (r2, MULU_RESOURCE_NAME, mulu_record_get_name (r1));
  mulu_record_set_string (r2, MULU_RESOURCE_CODE, mulu_record_get_string (r1, MULU_RESOURCE_CODE));
  history_update (history, r2);
  during = findings (catalog);
  g_assert_cmpstr (during, !=, before);
  undo (history);
  now = findings (catalog);
  g_assert_cmpstr (now, ==, before);
  g_clear_pointer (&now, g_free);
  g_clear_pointer (&during, g_free);

  history_delete (history, MULU_ENTITY_ITEM, id_of (catalog, MULU_ENTITY_ITEM, "i1"));
  undo (history);
  now = findings (catalog);
  g_assert_cmpstr (now, ==, before);
}

/* — Groups and the stacks —————————————————————————————————————— */

static void
test_group_is_one_step (void)
{
  gint64 resource_id;
  g_autoptr(MuluCatalog) catalog = catalog_with_resource (&resource_id);
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(GError) error = NULL;
  g_autofree char *dump_pasted = NULL;
  g_autofree char *now = NULL;
  gint64 ids[5];

  /* Groups nest; the outermost names the step. */
  mulu_history_begin_group (history, "paste 5 data items");
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("字段%u", i + 1);
      ids[i] = history_add_item (history, resource_id, name);
    }
  mulu_history_begin_group (history, "inner");
  for (guint i = 2; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("字段%u", i + 1);
      ids[i] = history_add_item (history, resource_id, name);
    }
  g_assert_true (mulu_history_end_group (history, &error));
  g_assert_no_error (error);
  g_assert_false (mulu_history_can_undo (history));
  g_assert_true (mulu_history_end_group (history, &error));
  g_assert_no_error (error);
  g_assert_true (mulu_history_can_undo (history));
  g_assert_cmpstr (mulu_history_get_undo_label (history), ==, "Undo: paste 5 data items");
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL), ==, 5);
  dump_pasted = mulu_test_dump (catalog);

  undo (history);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL), ==, 0);
  g_assert_false (mulu_history_can_undo (history));
  g_assert_cmpstr (mulu_history_get_redo_label (history), ==, "Redo: paste 5 data items");

  redo (history);
  for (guint i = 0; i < 5; i++)
    g_assert_true (exists (catalog, MULU_ENTITY_ITEM, ids[i]));
  now = mulu_test_dump (catalog);
  g_assert_cmpstr (now, ==, dump_pasted);
  g_assert_false (mulu_history_can_redo (history));

  /* An empty group leaves no step. */
  undo (history);
  mulu_history_begin_group (history, "nothing");
  g_assert_true (mulu_history_end_group (history, &error));
  g_assert_no_error (error);
  g_assert_false (mulu_history_can_undo (history));
  g_assert_true (mulu_history_can_redo (history));
}

static void
test_new_change_clears_redo (void)
{
  gint64 resource_id;
  g_autoptr(MuluCatalog) catalog = catalog_with_resource (&resource_id);
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(GError) error = NULL;

  history_add_item (history, resource_id, "宗地代码");
  undo (history);
  g_assert_true (mulu_history_can_redo (history));
  history_add_item (history, resource_id, "不动产单元号");
  g_assert_false (mulu_history_can_redo (history));
  g_assert_null (mulu_history_get_redo_label (history));
  g_assert_false (mulu_history_redo (history, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL), ==, 1);
}

static void
test_failure_leaves_stacks_unchanged (void)
{
  gint64 resource_id;
  g_autoptr(MuluCatalog) catalog = catalog_with_resource (&resource_id);
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(MuluRecord) intruder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *now = NULL;
  g_autofree char *uid = NULL;
  gint64 a, b, x;

  /* Undo: the group's later change is undone first, then the earlier one
   * fails; the first must be rolled back with it. */
  mulu_history_begin_group (history, "paste 2 data items");
  a = history_add_item (history, resource_id, "宗地代码");
  b = history_add_item (history, resource_id, "不动产单元号");
  g_assert_true (mulu_history_end_group (history, &error));
  g_assert_true (mulu_catalog_delete (catalog, MULU_ENTITY_ITEM, a, &error));
  g_assert_no_error (error);
  dump = mulu_test_dump (catalog);

  g_assert_false (mulu_history_undo (history, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (exists (catalog, MULU_ENTITY_ITEM, b));
  now = mulu_test_dump (catalog);
  g_assert_cmpstr (now, ==, dump);
  g_clear_pointer (&now, g_free);
  g_assert_true (mulu_history_can_undo (history));
  g_assert_false (mulu_history_can_redo (history));
  g_assert_cmpstr (mulu_history_get_undo_label (history), ==, "Undo: paste 2 data items");

  /* Redo: the id and uid of the undone item were taken meanwhile. */
  mulu_history_clear (history);
  g_assert_false (mulu_history_can_undo (history));
  x = history_add_item (history, resource_id, "权利人名称");
  uid = mulu_catalog_dup_uid (catalog, MULU_ENTITY_ITEM, x);
  undo (history);
  intruder = new_item (resource_id, "权利类型");
  mulu_record_set_uid (intruder, uid);
  g_assert_true (mulu_catalog_add (catalog, intruder, &error));
  g_assert_no_error (error);
  g_clear_pointer (&dump, g_free);
  dump = mulu_test_dump (catalog);

  g_assert_false (mulu_history_redo (history, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_EXISTS);
  g_clear_error (&error);
  now = mulu_test_dump (catalog);
  g_assert_cmpstr (now, ==, dump);
  g_assert_false (mulu_history_can_undo (history));
  g_assert_true (mulu_history_can_redo (history));
  g_assert_cmpstr (mulu_history_get_redo_label (history), ==, "Redo: add 权利人名称");
}

/* A failed change is not remembered, and leaves the redo stack alone. */
static void
test_failed_change_is_not_remembered (void)
{
  gint64 resource_id;
  g_autoptr(MuluCatalog) catalog = catalog_with_resource (&resource_id);
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(MuluRecord) orphan = new_item (0, "宗地代码");
  g_autoptr(GError) error = NULL;

  history_add_item (history, resource_id, "宗地代码");
  undo (history);
  g_assert_false (mulu_history_add (history, orphan, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mulu_history_delete (history, MULU_ENTITY_ITEM, 999, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND);
  g_assert_false (mulu_history_can_undo (history));
  g_assert_true (mulu_history_can_redo (history));
}

/* — Labels and properties ——————————————————————————————————————— */

typedef struct {
  guint can_undo;
  guint can_redo;
  guint undo_label;
  guint redo_label;
} Notified;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           Notified   *n)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "can-undo"))
    n->can_undo++;
  else if (g_str_equal (name, "can-redo"))
    n->can_redo++;
  else if (g_str_equal (name, "undo-label"))
    n->undo_label++;
  else if (g_str_equal (name, "redo-label"))
    n->redo_label++;
}

#define assert_notified(n, cu, cr, ul, rl) \
  G_STMT_START { \
    g_assert_cmpuint ((n)->can_undo, ==, cu); \
    g_assert_cmpuint ((n)->can_redo, ==, cr); \
    g_assert_cmpuint ((n)->undo_label, ==, ul); \
    g_assert_cmpuint ((n)->redo_label, ==, rl); \
  } G_STMT_END

static void
test_labels_and_notify (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(MuluRecord) system = mulu_record_new (MULU_ENTITY_SYSTEM);
  g_autoptr(GError) error = NULL;
  g_autofree char *bound = NULL;
  Notified n = { 0 };
  gboolean can_undo = TRUE;
  gint64 resource_id;

  g_signal_connect (history, "notify", G_CALLBACK (on_notify), &n);
  g_assert_null (mulu_history_get_undo_label (history));
  g_assert_null (mulu_history_get_redo_label (history));

  mulu_record_set_int (system, MULU_SYSTEM_DEPARTMENT, id_of (catalog, MULU_ENTITY_DEPARTMENT, "d1"));
  mulu_record_set_string (system, MULU_SYSTEM_NAME, "不动产登记信息管理平台");
  g_assert_true (mulu_history_add (history, system, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (mulu_history_get_undo_label (history), ==, "Undo: add 不动产登记信息管理平台");
  assert_notified (&n, 1, 0, 1, 0);

  mulu_record_set_string (system, MULU_SYSTEM_NAME, "不动产登记平台");
  history_update (history, system);
  g_assert_cmpstr (mulu_history_get_undo_label (history), ==, "Undo: change System name");
  assert_notified (&n, 1, 0, 2, 0);

  mulu_record_set_string (system, MULU_SYSTEM_FUNCTION, "不动产登记受理、审核、登簿");
  mulu_record_set_string (system, MULU_SYSTEM_BUILDER, "厦门市不动产登记中心");
  history_update (history, system);
  g_assert_cmpstr (mulu_history_get_undo_label (history), ==, "Undo: edit 不动产登记平台");
  assert_notified (&n, 1, 0, 3, 0);

  /* The same label again: no notification. */
  mulu_record_set_string (system, MULU_SYSTEM_FUNCTION, "不动产登记受理、审核、登簿、发证");
  mulu_record_set_string (system, MULU_SYSTEM_BUILDER, "厦门市信息中心");
  history_update (history, system);
  assert_notified (&n, 1, 0, 3, 0);

  undo (history);
  g_assert_cmpstr (mulu_history_get_undo_label (history), ==, "Undo: edit 不动产登记平台");
  g_assert_cmpstr (mulu_history_get_redo_label (history), ==, "Redo: edit 不动产登记平台");
  assert_notified (&n, 1, 1, 3, 1);

  history_delete (history, MULU_ENTITY_SYSTEM, mulu_record_get_id (system));
  g_assert_cmpstr (mulu_history_get_undo_label (history), ==, "Undo: delete 不动产登记平台");
  g_assert_null (mulu_history_get_redo_label (history));
  assert_notified (&n, 1, 2, 4, 2);

  undo (history);
  g_assert_cmpstr (mulu_history_get_redo_label (history), ==, "Redo: delete 不动产登记平台");
  assert_notified (&n, 1, 3, 5, 3);

  /* A record without a name is named by its kind. */
  {
    g_autoptr(MuluRecord) resource = mulu_record_new (MULU_ENTITY_RESOURCE);
    mulu_record_set_int (resource, MULU_RESOURCE_DEPARTMENT, id_of (catalog, MULU_ENTITY_DEPARTMENT, "d1"));
    g_assert_true (mulu_catalog_add (catalog, resource, &error));
    g_assert_no_error (error);
    resource_id = mulu_record_get_id (resource);
  }
  history_add_item (history, resource_id, NULL);
  g_assert_cmpstr (mulu_history_get_undo_label (history), ==, "Undo: add data item");

  /* A group without a label, by its size; with one change, by the change. */
  mulu_history_begin_group (history, NULL);
  history_add_item (history, resource_id, "宗地代码");
  history_add_item (history, resource_id, "不动产单元号");
  g_assert_true (mulu_history_end_group (history, &error));
  g_assert_cmpstr (mulu_history_get_undo_label (history), ==, "Undo: 2 changes");
  mulu_history_begin_group (history, NULL);
  history_add_item (history, resource_id, "权利人名称");
  g_assert_true (mulu_history_end_group (history, &error));
  g_assert_cmpstr (mulu_history_get_undo_label (history), ==, "Undo: add 权利人名称");

  /* The properties read the same, so actions can bind to them. */
  g_object_get (history, "can-undo", &can_undo, "undo-label", &bound, NULL);
  g_assert_true (can_undo);
  g_assert_cmpstr (bound, ==, "Undo: add 权利人名称");

  mulu_history_clear (history);
  g_assert_false (mulu_history_can_undo (history));
  g_assert_false (mulu_history_can_redo (history));
  g_assert_null (mulu_history_get_undo_label (history));
  g_assert_null (mulu_history_get_redo_label (history));
}

/* — Limit ——————————————————————————————————————————————————————— */

static void
test_keeps_last_thousand_steps (void)
{
  gint64 resource_id;
  g_autoptr(MuluCatalog) catalog = catalog_with_resource (&resource_id);
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autoptr(MuluRecord) item = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = history_add_item (history, resource_id, "宗地代码");
  guint n_undone = 0;

  /* One transaction around it all: a commit per edit would sync 2000
   * times. The history's own transactions nest inside. */
  g_assert_true (mulu_catalog_begin (catalog, &error));
  item = mulu_catalog_get (catalog, MULU_ENTITY_ITEM, id, &error);
  g_assert_no_error (error);
  for (gint64 length = 1; length <= 1005; length++)
    {
      mulu_record_set_int (item, MULU_ITEM_LENGTH, length);
      history_update (history, item);
    }
  while (mulu_history_can_undo (history))
    {
      undo (history);
      n_undone++;
    }
  g_assert_true (mulu_catalog_commit (catalog, &error));
  g_assert_no_error (error);

  /* The add and the first five edits were forgotten. */
  g_assert_cmpuint (n_undone, ==, 1000);
  g_clear_object (&item);
  item = mulu_catalog_get (catalog, MULU_ENTITY_ITEM, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (mulu_record_get_int (item, MULU_ITEM_LENGTH), ==, 5);
}

/* — Zombie decisions ——————————————————————————————————————————— */

static void
set_review (MuluHistory *history,
            gint64       system,
            const char  *decision,
            const char  *disposition,
            const char  *planned_date,
            const char  *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_history_set_zombie_review (history, system, decision, disposition, planned_date, note, &error));
  g_assert_no_error (error);
}

static void
test_zombie_decision_undo_redo (void)
{
  g_autoptr(MuluCatalog) catalog = sample ();
  g_autoptr(MuluHistory) history = mulu_history_new (catalog);
  g_autofree char *dump_before = mulu_test_dump (catalog);
  g_autofree char *findings_before = findings (catalog);
  g_autofree char *findings_confirmed = NULL;
  g_autofree char *findings_again = NULL;
  g_autofree char *dump_confirmed = NULL;
  g_autofree char *dump_again = NULL;
  g_autofree char *dump_undone = NULL;
  g_autofree char *findings_undone = NULL;
  g_autoptr(MuluZombieReview) review = NULL;
  gint64 s10 = id_of (catalog, MULU_ENTITY_SYSTEM, "s10");

  /* Confirmed without a disposition: S2 until the second decision. */
  set_review (history, s10, "confirmed", NULL, NULL, NULL);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM findings WHERE rule = 'S2' AND record_id = ?1", s10), ==, 1);
  g_assert_cmpstr (mulu_history_get_undo_label (history), ==, "Undo: zombie decision on 土地市场动态监测与监管系统");
  set_review (history, s10, "confirmed", "关停下线", "2027-06-30", "业务已改在部级系统填报");
  findings_confirmed = findings (catalog);
  dump_confirmed = mulu_test_dump (catalog);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM findings WHERE rule = 'S2' AND record_id = ?1", s10), ==, 0);

  /* The same decision again is no step. */
  set_review (history, s10, "confirmed", "关停下线", "2027-06-30", "业务已改在部级系统填报");

  undo (history);
  review = mulu_zombie_get_review (catalog, s10);
  g_assert_cmpstr (review->decision, ==, "confirmed");
  g_assert_null (review->disposition);
  g_assert_null (review->planned_date);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM findings WHERE rule = 'S2' AND record_id = ?1", s10), ==, 1);

  /* Back to undecided, the row exactly as the import left it; Z1 is back. */
  undo (history);
  g_assert_false (mulu_history_can_undo (history));
  dump_undone = mulu_test_dump (catalog);
  findings_undone = findings (catalog);
  g_assert_cmpstr (dump_undone, ==, dump_before);
  g_assert_cmpstr (findings_undone, ==, findings_before);
  g_assert_cmpint (query_int (catalog, "SELECT COUNT(*) FROM findings WHERE rule = 'Z1' AND record_id = ?1", s10), ==, 1);

  redo (history);
  redo (history);
  dump_again = mulu_test_dump (catalog);
  g_assert_cmpstr (dump_again, ==, dump_confirmed);
  g_clear_pointer (&review, mulu_zombie_review_free);
  review = mulu_zombie_get_review (catalog, s10);
  g_assert_cmpstr (review->decision, ==, "confirmed");
  g_assert_cmpstr (review->disposition, ==, "关停下线");
  g_assert_cmpstr (review->planned_date, ==, "2027-06-30");
  g_assert_cmpstr (review->note, ==, "业务已改在部级系统填报");
  findings_again = findings (catalog);
  g_assert_cmpstr (findings_again, ==, findings_confirmed);
  g_assert_false (mulu_history_can_redo (history));
}

int
main (int argc, char **argv)
{
  g_setenv ("MULU_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/history/add/undo-removes-redo-restores-same-id-and-uid", test_add_undo_redo);
  g_test_add_func ("/core/history/update/undo-redo-restore-exact-values-and-log", test_update_undo_redo_exact);
  g_test_add_func ("/core/history/update/undo-keeps-fields-the-step-did-not-change", test_update_undo_keeps_other_fields);
  g_test_add_func ("/core/history/update/no-change-is-no-step", test_update_without_change_is_no_step);
  g_test_add_func ("/core/history/delete/resource-comes-back-with-its-items", test_delete_resource_restores_items);
  g_test_add_func ("/core/history/delete/system-references-re-pointed", test_delete_system_restores_references);
  g_test_add_func ("/core/history/delete/department-comes-back-whole", test_delete_department_restores_everything);
  g_test_add_func ("/core/history/findings/after-undo-equal-before", test_findings_after_undo_equal_before);
  g_test_add_func ("/core/history/group/nested-changes-are-one-step", test_group_is_one_step);
  g_test_add_func ("/core/history/stacks/new-change-clears-redo", test_new_change_clears_redo);
  g_test_add_func ("/core/history/stacks/failure-leaves-them-unchanged", test_failure_leaves_stacks_unchanged);
  g_test_add_func ("/core/history/stacks/failed-change-not-remembered", test_failed_change_is_not_remembered);
  g_test_add_func ("/core/history/labels/name-the-step-and-notify-on-change", test_labels_and_notify);
  g_test_add_func ("/core/history/limit/keeps-last-thousand-steps", test_keeps_last_thousand_steps);
  g_test_add_func ("/core/history/zombie/decision-undo-redo-exact", test_zombie_decision_undo_redo);

  return g_test_run ();
}
