/* test-package.c — packages: round trips, import rules, what export writes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#ifdef G_OS_UNIX
#include <unistd.h>
#endif

#include "mulu-catalog-private.h"
#include "mulu-test-util.h"

#define HEADER "{\"kind\":\"mulu-package\",\"version\":1,\"generator\":\"test\",\"created\":\"2026-11-22T10:00:00+08:00\"}"
#define EXPORT_HEADER_START "{\"kind\":\"mulu-package\",\"version\":1,\"generator\":\"mulu " PACKAGE_VERSION "\",\"created\":\""

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    const char *h_ = (haystack), *n_ = (needle); \
    if (strstr (h_, n_) == NULL) \
      { \
        g_autofree char *m_ = g_strdup_printf ("“%s” does not contain “%s”", h_, n_); \
        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, m_); \
      } \
  } G_STMT_END

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

static void
assert_counts (MuluCatalog *catalog,
               gint64       departments,
               gint64       systems,
               gint64       resources,
               gint64       items)
{
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_DEPARTMENT, NULL), ==, departments);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_SYSTEM, NULL), ==, systems);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_RESOURCE, NULL), ==, resources);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL), ==, items);
}

static void
assert_report_counts (MuluImportReport *report,
                      guint64           departments,
                      guint64           systems,
                      guint64           resources,
                      guint64           items)
{
  g_assert_cmpuint (report->counts[MULU_ENTITY_DEPARTMENT], ==, departments);
  g_assert_cmpuint (report->counts[MULU_ENTITY_SYSTEM], ==, systems);
  g_assert_cmpuint (report->counts[MULU_ENTITY_RESOURCE], ==, resources);
  g_assert_cmpuint (report->counts[MULU_ENTITY_ITEM], ==, items);
}

/* A catalog with no records at all (mulu_test_new_catalog adds one). */
static MuluCatalog *
empty_catalog (void)
{
  g_autofree char *path = mulu_test_path ("empty.mulu");
  g_autoptr(GError) error = NULL;
  MuluCatalog *catalog = mulu_catalog_create (path, &error);

  g_assert_no_error (error);
  return catalog;
}


/* A package body: one line per record. */
static char *
join_lines (const char * const *records)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; records[i]; i++)
    g_string_append_printf (text, "%s\n", records[i]);
  return g_strdup (text->str);
}

/* The header line, then one line per record. */
static char *
write_package (const char         *name,
               const char * const *records)
{
  g_autofree char *body = join_lines (records);
  g_autofree char *text = g_strconcat (HEADER "\n", body, NULL);

  return mulu_test_write_file (name, text, -1);
}

static MuluImportReport *
import_ok (MuluCatalog *catalog,
           const char  *path)
{
  MuluImportReport *report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_package_import (catalog, path, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static char *
export_ok (MuluCatalog *catalog,
           const char  *name)
{
  char *path = mulu_test_path (name);
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_package_export (catalog, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

/* The record lines of a package: without the header, which carries the
 * time of export, and without the history, which grows with every round
 * trip (each catalog logs its own creation and import). */
static char *
records_of (const char *contents)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", -1);
  GString *out = g_string_new (NULL);

  g_assert_true (g_str_has_prefix (contents, EXPORT_HEADER_START));
  for (guint i = 1; lines[i]; i++)
    if (*lines[i] && !g_str_has_prefix (lines[i], "{\"kind\":\"change\""))
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (out, FALSE);
}

static char *
export_body (MuluCatalog *catalog)
{
  g_autofree char *path = export_ok (catalog, "export.jsonl");
  g_autofree char *contents = mulu_test_read_file (path);

  return records_of (contents);
}

/* The dump without the two meta rows that say when and by whom the
 * catalog file was made. */
static char *
dump_without_creation (MuluCatalog *catalog)
{
  g_autofree char *dump = mulu_test_dump (catalog);
  g_auto(GStrv) lines = g_strsplit (dump, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i]; i++)
    if (!g_str_has_prefix (lines[i], "created|") && !g_str_has_prefix (lines[i], "created_by|"))
      g_string_append_printf (out, "%s\n", lines[i]);
  return g_string_free (out, FALSE);
}

/* Like g_assert_cmpstr, but names the first line that differs instead of
 * printing two whole dumps. */
#define assert_same_lines(a, b) assert_same_lines_ (a, b, __FILE__, __LINE__, G_STRFUNC)

static void
assert_same_lines_ (const char *a,
                    const char *b,
                    const char *file,
                    int         line,
                    const char *func)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);
  guint i;

  for (i = 0; la[i] && lb[i]; i++)
    if (!g_str_equal (la[i], lb[i]))
      break;
  if (la[i] || lb[i])
    {
      g_autofree char *m = g_strdup_printf ("line %u differs: «%s» vs «%s»", i + 1,
                                            la[i] ? la[i] : "(end)", lb[i] ? lb[i] : "(end)");
      g_assertion_message (G_LOG_DOMAIN, file, line, func, m);
    }
}

static JsonObject *
parse_object (const char *line)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, line, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static MuluRecord *
get_by_uid (MuluCatalog *catalog,
            MuluEntity   entity,
            const char  *uid)
{
  g_autoptr(GError) error = NULL;
  MuluRecord *record = mulu_catalog_get_by_uid (catalog, entity, uid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

/* --- round trips --------------------------------------------------------- */

static void
test_round_trip_sample (void)
{
  g_autoptr(MuluCatalog) a = mulu_test_sample_catalog ();
  g_autoptr(MuluCatalog) b = empty_catalog ();
  g_autoptr(MuluImportReport) report = NULL;
  g_autofree char *path_a = export_ok (a, "a.jsonl");
  g_autofree char *contents_a = NULL, *body_a = NULL, *body_b = NULL, *dump_a = NULL, *dump_b = NULL;

  assert_counts (a, 1, 12, 62, 661);

  report = import_ok (b, path_a);
  assert_report_counts (report, 1, 12, 62, 661);
  /* The records, and the history of a: its creation and the import. */
  g_assert_cmpuint (report->lines, ==, 737 + 2);
  g_assert_cmpuint (report->changes, ==, 2);
  g_assert_cmpuint (report->n_warnings, ==, 0);
  assert_counts (b, 1, 12, 62, 661);

  contents_a = mulu_test_read_file (path_a);
  g_assert_true (g_str_has_prefix (contents_a, EXPORT_HEADER_START));
  body_a = records_of (contents_a);
  body_b = export_body (b);
  assert_same_lines (body_a, body_b);

  dump_a = dump_without_creation (a);
  dump_b = dump_without_creation (b);
  assert_same_lines (dump_a, dump_b);
}

static void
test_round_trip_generated (void)
{
  g_autoptr(MuluCatalog) a = empty_catalog ();
  g_autoptr(MuluCatalog) b = empty_catalog ();
  g_autoptr(MuluImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path_a = NULL, *contents_a = NULL, *body_a = NULL, *body_b = NULL, *dump_a = NULL, *dump_b = NULL;
  MuluGenerateOptions options;

  mulu_generate_options_init (&options);
  options.departments = 3;
  options.systems = 4;
  options.resources = 15;
  options.items = 6;
  options.seed = 42;
  g_assert_true (mulu_generate (a, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_counts (a, 3, 12, 45, 270);

  path_a = export_ok (a, "generated.jsonl");
  report = import_ok (b, path_a);
  assert_report_counts (report, 3, 12, 45, 270);
  g_assert_cmpuint (report->lines, ==, 1 + 3 + 12 + 45 + 270 + 2);
  g_assert_cmpuint (report->n_warnings, ==, 0);

  contents_a = mulu_test_read_file (path_a);
  body_a = records_of (contents_a);
  body_b = export_body (b);
  assert_same_lines (body_a, body_b);

  dump_a = dump_without_creation (a);
  dump_b = dump_without_creation (b);
  assert_same_lines (dump_a, dump_b);
}

/* --- import -------------------------------------------------------------- */

static void
test_import_unknown_keys_kept (void)
{
  const char * const records[] = {
    "{\"kind\":\"department\",\"id\":\"d1\",\"name\":\"某市自然资源和规划局\"}",
    "{\"kind\":\"resource\",\"id\":\"r1\",\"department\":\"d1\",\"name\":\"土地供应信息\",\"foo\":{\"a\":1}}",
    "{\"kind\":\"item\",\"id\":\"i1\",\"resource\":\"r1\",\"name\":\"宗地编号\",\"data_type\":\"C\",\"bar\":\"x\"}",
    NULL
  };
  g_autofree char *path = write_package ("unknown-keys.jsonl", records);
  g_autofree char *expected = join_lines (records);
  g_autofree char *body = NULL;
  g_autoptr(MuluCatalog) catalog = empty_catalog ();
  g_autoptr(MuluImportReport) report = import_ok (catalog, path);
  g_autoptr(MuluRecord) resource = NULL;
  g_autoptr(MuluRecord) item = NULL;
  MuluImportIssue *issue;

  assert_report_counts (report, 1, 0, 1, 1);
  g_assert_cmpuint (report->n_warnings, ==, 2);
  g_assert_cmpuint (report->warnings->len, ==, 2);

  issue = g_ptr_array_index (report->warnings, 0);
  g_assert_cmpuint (issue->line, ==, 3);
  g_assert_cmpstr (issue->field, ==, "foo");
  assert_contains (issue->message, "Line 3: the key “foo” is not a field of a");
  assert_contains (issue->message, "it was kept as it is.");

  issue = g_ptr_array_index (report->warnings, 1);
  g_assert_cmpuint (issue->line, ==, 4);
  g_assert_cmpstr (issue->field, ==, "bar");
  assert_contains (issue->message, "Line 4: the key “bar” is not a field of a");

  resource = get_by_uid (catalog, MULU_ENTITY_RESOURCE, "r1");
  g_assert_cmpstr (mulu_record_get_extra (resource), ==, "{\"foo\":{\"a\":1}}");
  item = get_by_uid (catalog, MULU_ENTITY_ITEM, "i1");
  g_assert_cmpstr (mulu_record_get_extra (item), ==, "{\"bar\":\"x\"}");

  body = export_body (catalog);
  g_assert_cmpstr (body, ==, expected);
}

static void
test_import_nulls_and_absent (void)
{
  const char * const records[] = {
    "{\"kind\":\"department\",\"id\":\"d1\",\"name\":\"某局\",\"uscc\":\"\",\"region_code\":null,\"parent\":null}",
    "{\"kind\":\"system\",\"id\":\"s1\",\"department\":\"d1\",\"name\":\"某系统\",\"function\":null,\"builder\":\"\","
    "\"approval_date\":\"\",\"user_count\":null,\"construction_cost\":null,\"sharing_platform_connected\":null,"
    "\"replaced_by\":null,\"zombie_review\":null,\"review\":null}",
    "{\"kind\":\"resource\",\"id\":\"r1\",\"department\":\"d1\",\"system\":null,\"name\":\"某资源\",\"summary\":\"\","
    "\"classification\":null,\"related_codes\":[],\"volume\":{\"records\":null,\"storage_gb\":null}}",
    "{\"kind\":\"item\",\"id\":\"i1\",\"resource\":\"r1\",\"name\":\"字段\",\"length\":null,\"remarks\":\"\"}",
    "{\"kind\":\"resource\",\"id\":\"r2\",\"department\":\"d1\",\"name\":\"另一资源\",\"classification\":[\"3\",\"01\",\"\",null],\"volume\":{}}",
    NULL
  };
  const char * const exported[] = {
    "{\"kind\":\"department\",\"id\":\"d1\",\"name\":\"某局\"}",
    "{\"kind\":\"system\",\"id\":\"s1\",\"department\":\"d1\",\"name\":\"某系统\"}",
    "{\"kind\":\"resource\",\"id\":\"r1\",\"department\":\"d1\",\"name\":\"某资源\"}",
    "{\"kind\":\"item\",\"id\":\"i1\",\"resource\":\"r1\",\"name\":\"字段\"}",
    "{\"kind\":\"resource\",\"id\":\"r2\",\"department\":\"d1\",\"name\":\"另一资源\",\"classification\":[\"3\",\"01\"]}",
    NULL
  };
  g_autofree char *path = write_package ("nulls.jsonl", records);
  g_autofree char *expected = join_lines (exported);
  g_autofree char *body = NULL;
  g_autoptr(MuluCatalog) catalog = empty_catalog ();
  g_autoptr(MuluImportReport) report = import_ok (catalog, path);
  g_autoptr(MuluRecord) department = get_by_uid (catalog, MULU_ENTITY_DEPARTMENT, "d1");
  g_autoptr(MuluRecord) system = get_by_uid (catalog, MULU_ENTITY_SYSTEM, "s1");
  g_autoptr(MuluRecord) r1 = get_by_uid (catalog, MULU_ENTITY_RESOURCE, "r1");
  g_autoptr(MuluRecord) r2 = get_by_uid (catalog, MULU_ENTITY_RESOURCE, "r2");
  g_autoptr(MuluRecord) item = get_by_uid (catalog, MULU_ENTITY_ITEM, "i1");

  assert_report_counts (report, 1, 1, 2, 1);
  g_assert_cmpuint (report->n_warnings, ==, 0);

  g_assert_false (mulu_record_is_set (department, MULU_DEPARTMENT_USCC));
  g_assert_false (mulu_record_is_set (department, MULU_DEPARTMENT_REGION_CODE));
  g_assert_false (mulu_record_is_set (department, MULU_DEPARTMENT_PARENT));
  g_assert_false (mulu_record_is_set (system, MULU_SYSTEM_FUNCTION));
  g_assert_false (mulu_record_is_set (system, MULU_SYSTEM_BUILDER));
  g_assert_false (mulu_record_is_set (system, MULU_SYSTEM_APPROVAL_DATE));
  g_assert_false (mulu_record_is_set (system, MULU_SYSTEM_USER_COUNT));
  g_assert_false (mulu_record_is_set (system, MULU_SYSTEM_CONSTRUCTION_COST));
  g_assert_false (mulu_record_is_set (system, MULU_SYSTEM_SHARING_PLATFORM_CONNECTED));
  g_assert_false (mulu_record_is_set (system, MULU_SYSTEM_REPLACED_BY));
  g_assert_false (mulu_record_is_set (system, MULU_SYSTEM_CONTRACTOR));
  g_assert_false (mulu_record_is_set (r1, MULU_RESOURCE_SYSTEM));
  g_assert_false (mulu_record_is_set (r1, MULU_RESOURCE_SUMMARY));
  g_assert_false (mulu_record_is_set (r1, MULU_RESOURCE_CLASS_1));
  g_assert_false (mulu_record_is_set (r1, MULU_RESOURCE_RELATED_CODES));
  g_assert_false (mulu_record_is_set (r1, MULU_RESOURCE_VOLUME_RECORDS));
  g_assert_false (mulu_record_is_set (r1, MULU_RESOURCE_VOLUME_STORAGE_GB));
  g_assert_false (mulu_record_is_set (item, MULU_ITEM_LENGTH));
  g_assert_false (mulu_record_is_set (item, MULU_ITEM_REMARKS));
  g_assert_false (mulu_record_is_set (item, MULU_ITEM_DATA_TYPE));
  g_assert_cmpstr (mulu_record_get_string (r2, MULU_RESOURCE_CLASS_1), ==, "3");
  g_assert_cmpstr (mulu_record_get_string (r2, MULU_RESOURCE_CLASS_2), ==, "01");
  g_assert_false (mulu_record_is_set (r2, MULU_RESOURCE_CLASS_3));
  g_assert_false (mulu_record_is_set (r2, MULU_RESOURCE_CLASS_4));
  g_assert_null (mulu_record_get_extra (system));
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM zombie_reviews"), ==, 0);
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM reviews"), ==, 0);

  body = export_body (catalog);
  g_assert_cmpstr (body, ==, expected);
}

static void
test_import_one_log_entry (void)
{
  g_autoptr(MuluCatalog) catalog = empty_catalog ();
  g_autofree char *package = mulu_test_sample_package ();
  g_autofree char *contents = NULL, *sha256 = NULL;
  g_autoptr(MuluImportReport) report = NULL;
  g_autoptr(JsonObject) details = NULL;
  sqlite3_stmt *stmt = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (package, &contents, &length, NULL));
  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);

  report = import_ok (catalog, package);
  g_assert_cmpstr (report->sha256, ==, sha256);
  g_assert_cmpuint (report->lines, ==, 737);

  /* The catalog's own “create” entry, then the import: one row for 736
   * records. */
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM change_log"), ==, 2);
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM change_log WHERE op = 'import'"), ==, 1);
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM change_log WHERE op = 'create'"), ==, 1);

  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                                       "SELECT entity, record_uid, field, old_value, new_value, details"
                                       " FROM change_log WHERE op = 'import'", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  for (int c = 0; c < 5; c++)
    g_assert_cmpint (sqlite3_column_type (stmt, c), ==, SQLITE_NULL);
  details = parse_object ((const char *) sqlite3_column_text (stmt, 5));
  sqlite3_finalize (stmt);

  g_assert_cmpuint (json_object_get_size (details), ==, 6);
  g_assert_cmpstr (json_object_get_string_member (details, "package"), ==, "natural-resources.jsonl");
  g_assert_cmpstr (json_object_get_string_member (details, "sha256"), ==, sha256);
  g_assert_cmpint (json_object_get_int_member (details, "departments"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (details, "systems"), ==, 12);
  g_assert_cmpint (json_object_get_int_member (details, "resources"), ==, 62);
  g_assert_cmpint (json_object_get_int_member (details, "items"), ==, 661);
}

static void
test_import_into_existing_refused (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autofree char *package = mulu_test_sample_package ();
  g_autofree char *before = mulu_test_dump (catalog);
  g_autofree char *after = NULL;
  g_autoptr(MuluImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 log_before = count_rows (catalog, "SELECT COUNT(*) FROM change_log");

  g_assert_false (mulu_package_import (catalog, package, &report, NULL, NULL, NULL, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_PACKAGE);
  g_assert_null (report);
  g_assert_cmpstr (error->message, ==,
                   "natural-resources.jsonl, line 2, field “id”: the catalog already holds a department with id “d1”. "
                   "Import this package into a new catalog, or merge it instead. Nothing was imported.");

  after = mulu_test_dump (catalog);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM change_log"), ==, log_before);
  assert_counts (catalog, 1, 12, 62, 661);
}

static void
test_import_review_and_zombie_kept (void)
{
  /* Written in the order and form export uses, so the body must come back
   * byte for byte. */
  const char * const records[] = {
    "{\"kind\":\"department\",\"id\":\"d1\",\"name\":\"某市自然资源和规划局\","
    "\"review\":{\"state\":\"submitted\",\"reviewer\":\"陈晓玲\",\"at\":\"2026-11-20T09:30:00+08:00\"}}",
    "{\"kind\":\"system\",\"id\":\"s1\",\"department\":\"d1\",\"name\":\"土地市场动态监测系统\",\"status\":\"停用\","
    "\"zombie_review\":{\"decision\":\"confirmed\",\"disposition\":\"关停下线\",\"planned_date\":\"2027-06-30\","
    "\"note\":\"功能已并入国土空间基础信息平台，2027年6月前完成数据迁移\"}}",
    "{\"kind\":\"system\",\"id\":\"s2\",\"department\":\"d1\",\"name\":\"地质灾害群测群防系统\","
    "\"zombie_review\":{\"decision\":null,\"disposition\":null,\"planned_date\":null,\"note\":\"待评估\"}}",
    "{\"kind\":\"resource\",\"id\":\"r1\",\"department\":\"d1\",\"system\":\"s1\",\"name\":\"土地供应信息\","
    "\"review\":{\"state\":\"returned\",\"reviewer\":\"王芳\",\"comment\":\"请补充共享条件\",\"at\":\"2026-11-21T15:30:00+08:00\"}}",
    "{\"kind\":\"item\",\"id\":\"i1\",\"resource\":\"r1\",\"name\":\"宗地编号\",\"data_type\":\"C\",\"length\":20,"
    "\"review\":{\"state\":\"approved\",\"reviewer\":\"李明\"}}",
    NULL
  };
  g_autofree char *path = write_package ("reviews.jsonl", records);
  g_autofree char *expected = join_lines (records);
  g_autofree char *body = NULL;
  g_autoptr(MuluCatalog) catalog = empty_catalog ();
  g_autoptr(MuluImportReport) report = import_ok (catalog, path);

  assert_report_counts (report, 1, 2, 1, 1);
  g_assert_cmpuint (report->n_warnings, ==, 0);
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM zombie_reviews"), ==, 2);
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM zombie_reviews WHERE decision = 'confirmed'"
                                        " AND disposition = '关停下线' AND planned_date = '2027-06-30'"), ==, 1);
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM reviews"), ==, 3);
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM reviews WHERE entity = 'resource' AND state = 'returned'"
                                        " AND reviewer = '王芳' AND comment = '请补充共享条件'"), ==, 1);

  body = export_body (catalog);
  g_assert_cmpstr (body, ==, expected);
}

/* --- export -------------------------------------------------------------- */

static const char * const secret_markers[] = {
  "机密摘要XYZ", "机密共享条件XYZ", "机密格式说明XYZ", "机密关联XYZ", "机密附注XYZ",
  "机密字段甲XYZ", "机密字段乙XYZ", "机密备注XYZ",
  "机密摘要二XYZ", "机密附加XYZ", "机密评语XYZ", "机密字段丙XYZ",
};

static void
add_secret_item (MuluCatalog *catalog,
                 gint64       resource_id,
                 const char  *name)
{
  g_autoptr(MuluRecord) item = mulu_record_new (MULU_ENTITY_ITEM);
  g_autoptr(GError) error = NULL;

  mulu_record_set_int (item, MULU_ITEM_RESOURCE, resource_id);
  mulu_record_set_string (item, MULU_ITEM_NAME, name);
  mulu_record_set_string (item, MULU_ITEM_DATA_TYPE, "C");
  mulu_record_set_string (item, MULU_ITEM_REMARKS, "机密备注XYZ");
  g_assert_true (mulu_catalog_add (catalog, item, &error));
  g_assert_no_error (error);
}

static void
test_export_secret_resources (void)
{
  /* Its existence, provider and classification, and why it is not shared
   * (the fields marked SECRET_SAFE in mulu-entity.h). */
  static const char * const allowed[] = {
    "kind", "id", "department", "name", "code", "classification", "share_type",
    "share_basis_type", "share_basis", "open_type", "secrecy", "secret_level", NULL
  };
  /* A package may bring a 涉密 resource carrying more than may leave. */
  const char * const incoming[] = {
    "{\"kind\":\"department\",\"id\":\"xd1\",\"name\":\"某市国家保密局\"}",
    "{\"kind\":\"system\",\"id\":\"xs1\",\"department\":\"xd1\",\"name\":\"涉密业务系统\"}",
    "{\"kind\":\"resource\",\"id\":\"xr1\",\"department\":\"xd1\",\"system\":\"xs1\",\"name\":\"重要目标信息\","
    "\"code\":\"399/00001\",\"classification\":[\"3\",\"99\"],\"summary\":\"机密摘要二XYZ\",\"share_type\":\"不予共享\","
    "\"share_basis_type\":\"法律\",\"share_basis\":\"《中华人民共和国保守国家秘密法》\",\"open_type\":\"不予开放\",\"secrecy\":\"涉密\","
    "\"secret_level\":\"机密\",\"volume\":{\"records\":77},\"memo\":\"机密附加XYZ\","
    "\"review\":{\"state\":\"returned\",\"reviewer\":\"王芳\",\"comment\":\"机密评语XYZ\"}}",
    "{\"kind\":\"item\",\"id\":\"xi1\",\"resource\":\"xr1\",\"name\":\"机密字段丙XYZ\",\"data_type\":\"C\"}",
    NULL
  };
  g_autoptr(MuluCatalog) catalog = empty_catalog ();
  g_autoptr(MuluRecord) resource = NULL;
  g_autoptr(MuluImportReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) secret_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *package = NULL, *path = NULL, *contents = NULL;
  g_auto(GStrv) lines = NULL;
  MuluGenerateOptions options;
  gint64 n_secret, n_items_out, first_secret;
  guint secret_lines = 0, item_lines = 0;

  mulu_generate_options_init (&options);
  options.departments = 1;
  options.systems = 4;
  options.resources = 20;
  options.items = 3;
  options.seed = 7;
  options.secret_share = 0.3;
  g_assert_true (mulu_generate (catalog, &options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM resources WHERE secrecy = '涉密'"), >=, 2);

  /* A clerk fills in what a 涉密 resource must not carry out of the file. */
  first_secret = count_rows (catalog, "SELECT MIN(id) FROM resources WHERE secrecy = '涉密'");
  resource = mulu_catalog_get (catalog, MULU_ENTITY_RESOURCE, first_secret, &error);
  g_assert_no_error (error);
  mulu_record_set_string (resource, MULU_RESOURCE_SUMMARY, "机密摘要XYZ");
  mulu_record_set_string (resource, MULU_RESOURCE_SHARE_CONDITION, "机密共享条件XYZ");
  mulu_record_set_string (resource, MULU_RESOURCE_FORMAT_CATEGORY, "数据库");
  mulu_record_set_string (resource, MULU_RESOURCE_FORMAT_NOTE, "机密格式说明XYZ");
  mulu_record_set_int (resource, MULU_RESOURCE_SYSTEM, count_rows (catalog, "SELECT MIN(id) FROM systems"));
  mulu_record_set_int (resource, MULU_RESOURCE_VOLUME_RECORDS, 4242);
  g_assert_true (mulu_record_set_text (resource, MULU_RESOURCE_RELATED_CODES, "机密关联XYZ", &error));
  g_assert_no_error (error);
  mulu_record_set_extra (resource, "{\"memo\":\"机密附注XYZ\"}");
  g_assert_true (mulu_catalog_update (catalog, resource, &error));
  g_assert_no_error (error);
  add_secret_item (catalog, first_secret, "机密字段甲XYZ");
  add_secret_item (catalog, first_secret, "机密字段乙XYZ");

  package = write_package ("secret.jsonl", incoming);
  report = import_ok (catalog, package);
  g_assert_cmpuint (report->n_warnings, ==, 1);

  n_secret = count_rows (catalog, "SELECT COUNT(*) FROM resources WHERE secrecy = '涉密'");
  n_items_out = count_rows (catalog, "SELECT COUNT(*) FROM items JOIN resources ON resources.id = items.resource_id"
                                     " WHERE resources.secrecy IS NOT '涉密'");
  g_assert_cmpint (count_rows (catalog, "SELECT COUNT(*) FROM items"), ==, n_items_out + 3);

  path = export_ok (catalog, "secret-export.jsonl");
  contents = mulu_test_read_file (path);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 1; lines[i] && *lines[i]; i++)
    {
      g_autoptr(JsonObject) o = parse_object (lines[i]);
      const char *kind = json_object_get_string_member (o, "kind");

      if (g_str_equal (kind, "resource") && g_strcmp0 (json_object_get_string_member_with_default (o, "secrecy", NULL), "涉密") == 0)
        {
          g_autoptr(GList) members = json_object_get_members (o);
          for (GList *l = members; l; l = l->next)
            if (!g_strv_contains (allowed, l->data))
              {
                g_autofree char *m = g_strdup_printf ("line %u, a 涉密 resource, carries “%s”: %s",
                                                      i + 1, (const char *) l->data, lines[i]);
                g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, m);
              }
          g_hash_table_add (secret_ids, g_strdup (json_object_get_string_member (o, "id")));
          secret_lines++;
        }
    }
  for (guint i = 1; lines[i] && *lines[i]; i++)
    {
      g_autoptr(JsonObject) o = parse_object (lines[i]);

      if (!g_str_equal (json_object_get_string_member (o, "kind"), "item"))
        continue;
      g_assert_false (g_hash_table_contains (secret_ids, json_object_get_string_member (o, "resource")));
      item_lines++;
    }

  g_assert_cmpuint (secret_lines, ==, n_secret);
  g_assert_cmpuint (item_lines, ==, n_items_out);
  g_assert_true (g_hash_table_contains (secret_ids, "xr1"));
  assert_contains (contents, "\n{\"kind\":\"resource\",\"id\":\"xr1\",\"department\":\"xd1\",\"name\":\"重要目标信息\","
                             "\"code\":\"399/00001\",\"classification\":[\"3\",\"99\"],\"share_type\":\"不予共享\","
                             "\"share_basis_type\":\"法律\",\"share_basis\":\"《中华人民共和国保守国家秘密法》\","
                             "\"open_type\":\"不予开放\",\"secrecy\":\"涉密\",\"secret_level\":\"机密\"}\n");
  for (guint i = 0; i < G_N_ELEMENTS (secret_markers); i++)
    g_assert_null (strstr (contents, secret_markers[i]));
  g_assert_null (strstr (contents, "XYZ"));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char **
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);
}

static void
test_export_atomic_missing_folder (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autofree char *folder = mulu_test_path ("no-such-folder");
  g_autofree char *target = g_build_filename (folder, "out.jsonl", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (mulu_package_export (catalog, target, NULL, NULL, NULL, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_IO);
  assert_contains (error->message, target);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
}

static void
test_export_atomic_read_only_folder (void)
{
#ifdef G_OS_UNIX
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autofree char *folder = mulu_test_path ("read-only");
  g_autofree char *target = g_build_filename (folder, "catalog.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *records = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (target, "old contents\n", -1, NULL));
  g_assert_cmpint (g_chmod (folder, 0555), ==, 0);
  /* Root writes anyway, so there is nothing to test. */
  if (access (folder, W_OK) == 0)
    {
      g_chmod (folder, 0755);
      g_test_skip ("the folder is writable despite its mode (running as root?)");
      return;
    }

  ok = mulu_package_export (catalog, target, NULL, NULL, NULL, &error);
  g_chmod (folder, 0755);
  g_assert_false (ok);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_IO);
  assert_contains (error->message, target);

  contents = mulu_test_read_file (target);
  g_assert_cmpstr (contents, ==, "old contents\n");
  names = list_dir (folder);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "catalog.jsonl");
#else
  g_test_skip ("folder modes are a Unix matter");
#endif
}

static void
test_export_atomic_replaces (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autofree char *folder = mulu_test_path ("exports");
  g_autofree char *target = g_build_filename (folder, "catalog.jsonl", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *records = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (g_file_set_contents (target, "old contents\n", -1, NULL));

  g_assert_true (mulu_package_export (catalog, target, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  contents = mulu_test_read_file (target);
  g_assert_true (g_str_has_prefix (contents, EXPORT_HEADER_START));
  records = records_of (contents);
  g_assert_cmpstr (records, ==,
                   "{\"kind\":\"department\",\"id\":\"d1\",\"name\":\"厦门市自然资源和规划局\",\"uscc\":\"11350200003629170E\"}\n");
  names = list_dir (folder);
  g_assert_cmpuint (g_strv_length (names), ==, 1);
  g_assert_cmpstr (names[0], ==, "catalog.jsonl");
}

static MuluRecord *
add_record (MuluCatalog *catalog,
            MuluEntity   entity,
            const char  *uid,
            const char  *name,
            gint64       parent_id)
{
  MuluRecord *record = mulu_record_new (entity);
  g_autoptr(GError) error = NULL;
  const MuluEntityInfo *info = mulu_entity_get_info (entity);

  mulu_record_set_uid (record, uid);
  mulu_record_set_string (record, (guint) info->name_field, name);
  if (parent_id > 0)
    mulu_record_set_int (record, (guint) info->parent_field, parent_id);
  g_assert_true (mulu_catalog_add (catalog, record, &error));
  g_assert_no_error (error);
  return record;
}

/* A package refers only to earlier lines, whatever order the records were
 * made in. */
static void
test_export_referents_first (void)
{
  const char * const expected[] = {
    "{\"kind\":\"department\",\"id\":\"d2\",\"name\":\"厦门市人民政府\"}",
    "{\"kind\":\"department\",\"id\":\"d1\",\"name\":\"厦门市自然资源和规划局\",\"uscc\":\"11350200003629170E\",\"parent\":\"d2\"}",
    "{\"kind\":\"system\",\"id\":\"s-new\",\"department\":\"d1\",\"name\":\"国土空间基础信息平台\"}",
    "{\"kind\":\"system\",\"id\":\"s-old\",\"department\":\"d1\",\"name\":\"土地市场动态监测系统\",\"replaced_by\":\"s-new\"}",
    NULL
  };
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autoptr(MuluCatalog) copy = empty_catalog ();
  g_autoptr(MuluRecord) d1 = get_by_uid (catalog, MULU_ENTITY_DEPARTMENT, "d1");
  g_autoptr(MuluRecord) d2 = add_record (catalog, MULU_ENTITY_DEPARTMENT, "d2", "厦门市人民政府", 0);
  g_autoptr(MuluRecord) old = add_record (catalog, MULU_ENTITY_SYSTEM, "s-old", "土地市场动态监测系统", mulu_record_get_id (d1));
  g_autoptr(MuluRecord) new = add_record (catalog, MULU_ENTITY_SYSTEM, "s-new", "国土空间基础信息平台", mulu_record_get_id (d1));
  g_autoptr(MuluImportReport) report = NULL;
  g_autoptr(MuluRecord) imported = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *want = join_lines (expected);
  g_autofree char *path = NULL, *contents = NULL, *body = NULL, *replacement = NULL;

  g_assert_cmpint (mulu_record_get_id (old), <, mulu_record_get_id (new));
  mulu_record_set_int (old, MULU_SYSTEM_REPLACED_BY, mulu_record_get_id (new));
  g_assert_true (mulu_catalog_update (catalog, old, &error));
  g_assert_no_error (error);
  mulu_record_set_int (d1, MULU_DEPARTMENT_PARENT, mulu_record_get_id (d2));
  g_assert_true (mulu_catalog_update (catalog, d1, &error));
  g_assert_no_error (error);

  path = export_ok (catalog, "referents.jsonl");
  contents = mulu_test_read_file (path);
  body = records_of (contents);
  g_assert_cmpstr (body, ==, want);

  report = import_ok (copy, path);
  assert_report_counts (report, 2, 2, 0, 0);
  imported = get_by_uid (copy, MULU_ENTITY_SYSTEM, "s-old");
  replacement = mulu_catalog_dup_uid (copy, MULU_ENTITY_SYSTEM, mulu_record_get_int (imported, MULU_SYSTEM_REPLACED_BY));
  g_assert_cmpstr (replacement, ==, "s-new");
  g_free (body);
  body = export_body (copy);
  g_assert_cmpstr (body, ==, want);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/package/round-trip/sample", test_round_trip_sample);
  g_test_add_func ("/package/round-trip/generated", test_round_trip_generated);
  g_test_add_func ("/package/import/unknown-keys-kept", test_import_unknown_keys_kept);
  g_test_add_func ("/package/import/nulls-and-absent", test_import_nulls_and_absent);
  g_test_add_func ("/package/import/one-log-entry", test_import_one_log_entry);
  g_test_add_func ("/package/import/into-existing-refused", test_import_into_existing_refused);
  g_test_add_func ("/package/import/review-and-zombie-kept", test_import_review_and_zombie_kept);
  g_test_add_func ("/package/export/secret-resources", test_export_secret_resources);
  g_test_add_func ("/package/export/atomic/missing-folder", test_export_atomic_missing_folder);
  g_test_add_func ("/package/export/atomic/read-only-folder", test_export_atomic_read_only_folder);
  g_test_add_func ("/package/export/atomic/replaces-without-leftovers", test_export_atomic_replaces);
  g_test_add_func ("/package/export/referents-first", test_export_referents_first);

  return g_test_run ();
}
