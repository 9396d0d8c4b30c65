/* test-rules-incremental.c — the findings a change leaves behind equal a
 * full run's
 *
 * mulu-rules.h promises that every change made through MuluCatalog
 * re-checks the records it affects, so that the stored findings always
 * match the data. Each edit below is followed by a snapshot of the findings
 * (and suggestions) table, a full validation and a second snapshot; the two
 * must be identical. Timing is not asserted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-test-util.h"

typedef struct {
  MuluCatalog *catalog;
  GRand       *rand;
  GString     *disagreements;
  guint        n_edits;
  /* Records an edit leaves for a later one to fix. */
  char        *resource;
  char        *other;
  char        *system;
  char        *saved;
} Run;

/* — Helpers ——————————————————————————————————————————————————— */

static GPtrArray *
query_strings (MuluCatalog *catalog,
               const char  *sql)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      GString *row = g_string_new (NULL);
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *v = (const char *) sqlite3_column_text (stmt, c);
          g_string_append_printf (row, "%s%s", c ? " | " : "", v ? v : "∅");
        }
      g_ptr_array_add (out, g_string_free (row, FALSE));
    }
  sqlite3_finalize (stmt);
  return out;
}

/* A uid the query finds, chosen by the run's seeded generator. */
static char *
pick (Run        *run,
      const char *sql)
{
  g_autofree char *ordered = g_strdup_printf ("SELECT * FROM (%s) ORDER BY 1", sql);
  g_autoptr(GPtrArray) uids = query_strings (run->catalog, ordered);

  g_assert_cmpuint (uids->len, >, 0);
  return g_strdup (g_ptr_array_index (uids, g_rand_int_range (run->rand, 0, uids->len)));
}

static char *
query_one (MuluCatalog *catalog,
           const char  *sql)
{
  g_autoptr(GPtrArray) rows = query_strings (catalog, sql);

  g_assert_cmpuint (rows->len, ==, 1);
  return g_strdup (g_ptr_array_index (rows, 0));
}

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

static void
store (MuluCatalog *catalog,
       MuluRecord  *record)
{
  g_autoptr(GError) error = NULL;

  if (mulu_record_get_id (record) == 0)
    g_assert_true (mulu_catalog_add (catalog, record, &error));
  else
    g_assert_true (mulu_catalog_update (catalog, record, &error));
  g_assert_no_error (error);
}

static void
set_string (MuluCatalog *catalog,
            MuluEntity   entity,
            const char  *uid,
            guint        field,
            const char  *value)
{
  g_autoptr(MuluRecord) record = get (catalog, entity, uid);

  mulu_record_set_string (record, field, value);
  store (catalog, record);
}

static void
delete_record (MuluCatalog *catalog,
               MuluEntity   entity,
               const char  *uid)
{
  g_autoptr(MuluRecord) record = get (catalog, entity, uid);
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_catalog_delete (catalog, entity, mulu_record_get_id (record), &error));
  g_assert_no_error (error);
}

static char *
add_item (MuluCatalog *catalog,
          const char  *resource_uid,
          const char  *name,
          gint64       length)
{
  g_autoptr(MuluRecord) resource = get (catalog, MULU_ENTITY_RESOURCE, resource_uid);
  g_autoptr(MuluRecord) item = mulu_record_new (MULU_ENTITY_ITEM);

  mulu_record_set_int (item, MULU_ITEM_RESOURCE, mulu_record_get_id (resource));
  mulu_record_set_string (item, MULU_ITEM_NAME, name);
  mulu_record_set_string (item, MULU_ITEM_DATA_TYPE, "C");
  mulu_record_set_int (item, MULU_ITEM_LENGTH, length);
  store (catalog, item);
  return g_strdup (mulu_record_get_uid (item));
}

/* The findings and suggestions tables, one sorted line per row. */
static char *
snapshot (MuluCatalog *catalog)
{
  g_autoptr(GPtrArray) rows = query_strings (catalog,
    "SELECT 'finding', rule, severity, entity, record_id, coalesce (field, '-'), message FROM findings"
    " UNION ALL SELECT 'suggestion', resource_id, state, categories, items, condition, '' FROM suggestions"
    " ORDER BY 1, 2, 3, 4, 5, 6, 7");

  g_ptr_array_add (rows, NULL);
  return g_strjoinv ("\n", (char **) rows->pdata);
}

static void
append_only_in (GString    *out,
                const char *label,
                const char *a,
                const char *b)
{
  g_auto(GStrv) la = g_strsplit (a, "\n", -1);
  g_auto(GStrv) lb = g_strsplit (b, "\n", -1);

  for (guint i = 0; la[i]; i++)
    if (*la[i] && !g_strv_contains ((const char * const *) lb, la[i]))
      g_string_append_printf (out, "    %s: %s\n", label, la[i]);
}

/* After an edit: the stored findings must be what a full run finds. */
static void
check (Run        *run,
       const char *edit)
{
  g_autofree char *incremental = snapshot (run->catalog);
  g_autofree char *full = NULL;
  g_autoptr(GError) error = NULL;

  run->n_edits++;
  g_assert_true (mulu_validate_catalog (run->catalog, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  full = snapshot (run->catalog);
  g_test_message ("edit %u: %s", run->n_edits, edit);
  if (g_str_equal (incremental, full))
    return;
  g_string_append_printf (run->disagreements, "  after edit %u (%s):\n", run->n_edits, edit);
  append_only_in (run->disagreements, "only incremental", incremental, full);
  append_only_in (run->disagreements, "only full run", full, incremental);
}

/* — The edits —————————————————————————————————————————————————— */

#define OPEN_RESOURCE "SELECT uid FROM resources WHERE coalesce (secrecy, '') <> '涉密'"

static void
edit_share_conditions (Run *run)
{
  g_autofree char *desc = NULL;

  g_free (run->resource);
  run->resource = pick (run, OPEN_RESOURCE " AND share_type = '有条件共享'");
  set_string (run->catalog, MULU_ENTITY_RESOURCE, run->resource, MULU_RESOURCE_SHARE_CONDITION, NULL);
  desc = g_strdup_printf ("blank the share condition of %s", run->resource);
  check (run, desc);

  set_string (run->catalog, MULU_ENTITY_RESOURCE, run->resource, MULU_RESOURCE_SHARE_CONDITION, "仅供审批核验使用");
  check (run, "give it a condition again");

  set_string (run->catalog, MULU_ENTITY_RESOURCE, run->resource, MULU_RESOURCE_SHARE_TYPE, "不予共享");
  check (run, "make it 不予共享 (condition kept, basis missing)");
  set_string (run->catalog, MULU_ENTITY_RESOURCE, run->resource, MULU_RESOURCE_SHARE_TYPE, "无条件共享");
  check (run, "make it 无条件共享 with the condition still set");
}

static void
edit_duplicate_names (Run *run)
{
  g_autoptr(MuluRecord) a = NULL;
  g_autofree char *name = NULL;
  g_autofree char *item = NULL;
  g_autofree char *sql = NULL;

  g_free (run->resource);
  g_free (run->other);
  run->resource = pick (run, OPEN_RESOURCE " AND EXISTS (SELECT 1 FROM items WHERE resource_id = resources.id)");
  sql = g_strdup_printf (OPEN_RESOURCE " AND uid <> '%s' AND department_id = (SELECT department_id FROM resources WHERE uid = '%s')",
                         run->resource, run->resource);
  run->other = pick (run, sql);
  a = get (run->catalog, MULU_ENTITY_RESOURCE, run->resource);
  g_free (run->saved);
  run->saved = g_strdup (mulu_record_get_name (a));
  {
    g_autoptr(MuluRecord) b = get (run->catalog, MULU_ENTITY_RESOURCE, run->other);
    name = g_strdup_printf ("%s 2", mulu_record_get_name (b));
  }
  set_string (run->catalog, MULU_ENTITY_RESOURCE, run->resource, MULU_RESOURCE_NAME, name);
  check (run, "name a resource like another of its department plus a drag-filled “ 2” (R17)");

  item = add_item (run->catalog, run->resource, "备注说明", 200);
  check (run, "add a data item to the renamed duplicate");
  delete_record (run->catalog, MULU_ENTITY_ITEM, item);
  check (run, "delete that data item again");

  set_string (run->catalog, MULU_ENTITY_RESOURCE, run->resource, MULU_RESOURCE_NAME, run->saved);
  check (run, "restore the resource's own name");
}

static void
edit_duplicate_codes (Run *run)
{
  g_autoptr(MuluRecord) b = get (run->catalog, MULU_ENTITY_RESOURCE, run->other);
  g_autoptr(MuluRecord) a = get (run->catalog, MULU_ENTITY_RESOURCE, run->resource);

  g_free (run->saved);
  run->saved = g_strdup (mulu_record_get_string (a, MULU_RESOURCE_CODE));
  mulu_record_set_string (a, MULU_RESOURCE_CODE, mulu_record_get_string (b, MULU_RESOURCE_CODE));
  store (run->catalog, a);
  check (run, "give a resource another's code (R14 on both)");

  delete_record (run->catalog, MULU_ENTITY_RESOURCE, run->other);
  check (run, "delete the other holder of the code");

  set_string (run->catalog, MULU_ENTITY_RESOURCE, run->resource, MULU_RESOURCE_CODE, "3019");
  check (run, "malform the code");
  set_string (run->catalog, MULU_ENTITY_RESOURCE, run->resource, MULU_RESOURCE_CODE, run->saved);
  check (run, "restore the code");
}

static void
edit_related_codes (Run *run)
{
  g_autofree char *target = pick (run, OPEN_RESOURCE " AND code IS NOT NULL");
  g_autofree char *referrer = NULL;
  g_autofree char *code = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT code FROM resources WHERE uid = '%s'", target);
  g_autoptr(MuluRecord) r = NULL;
  const char *codes[2] = { NULL, NULL };

  code = query_one (run->catalog, sql);
  g_free (sql);
  sql = g_strdup_printf (OPEN_RESOURCE " AND uid <> '%s'", target);
  referrer = pick (run, sql);
  r = get (run->catalog, MULU_ENTITY_RESOURCE, referrer);
  codes[0] = code;
  mulu_record_set_value (r, MULU_RESOURCE_RELATED_CODES, g_variant_new_strv (codes, 1));
  store (run->catalog, r);
  check (run, "relate a resource to another's code (resolves)");

  set_string (run->catalog, MULU_ENTITY_RESOURCE, target, MULU_RESOURCE_CODE, "309999/99999");
  check (run, "change the related resource's code (R15 on the referrer)");

  set_string (run->catalog, MULU_ENTITY_RESOURCE, target, MULU_RESOURCE_CODE, code);
  check (run, "change it back (R15 resolves again)");

  delete_record (run->catalog, MULU_ENTITY_RESOURCE, target);
  check (run, "delete the related resource (R15 on the referrer)");
}

static void
edit_items (Run *run)
{
  g_autofree char *resource = pick (run, OPEN_RESOURCE " AND format_category = '数据库'"
                                    " AND EXISTS (SELECT 1 FROM items WHERE resource_id = resources.id)");
  g_autofree char *sql = g_strdup_printf ("SELECT i.uid FROM items i JOIN resources r ON r.id = i.resource_id WHERE r.uid = '%s'",
                                          resource);
  g_autoptr(GPtrArray) items = query_strings (run->catalog, sql);
  g_autofree char *zero = NULL;

  for (guint i = 0; i < items->len; i++)
    delete_record (run->catalog, MULU_ENTITY_ITEM, g_ptr_array_index (items, i));
  check (run, "delete every data item of a database resource (R11)");

  zero = add_item (run->catalog, resource, "图斑编号", 0);
  check (run, "add a data item of length 0 (R19)");

  /* Opened to the public, so that sensitive items call for a suggestion. */
  set_string (run->catalog, MULU_ENTITY_RESOURCE, resource, MULU_RESOURCE_SHARE_TYPE, "无条件共享");
  set_string (run->catalog, MULU_ENTITY_RESOURCE, resource, MULU_RESOURCE_SHARE_CONDITION, NULL);
  set_string (run->catalog, MULU_ENTITY_RESOURCE, resource, MULU_RESOURCE_OPEN_TYPE, "无条件开放");
  check (run, "share it unconditionally and open it to the public");

  g_free (run->saved);
  run->saved = add_item (run->catalog, resource, "公民身份号码", 18);
  check (run, "add a 公民身份号码 data item (SG1)");

  /* The full run reads the stored sensitivity a rename must keep. */
  set_string (run->catalog, MULU_ENTITY_ITEM, run->saved, MULU_ITEM_NAME, "证照编号");
  check (run, "rename it to something not sensitive (SG1 withdrawn)");
  set_string (run->catalog, MULU_ENTITY_ITEM, zero, MULU_ITEM_NAME, "家庭住址");
  check (run, "rename the other data item to 家庭住址 (SG1 again)");
  set_string (run->catalog, MULU_ENTITY_ITEM, zero, MULU_ITEM_NAME, "户籍所在地");
  check (run, "rename it within the same category (SG1 unchanged but for the item)");
}

static void
edit_systems (Run *run)
{
  g_autofree char *sql = NULL;
  g_autofree char *resource_name = NULL;
  g_autofree char *old_name = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *target = NULL;

  g_free (run->system);
  run->system = pick (run, "SELECT uid FROM systems s WHERE (SELECT COUNT(*) FROM resources r WHERE r.system_id = s.id) >= 2");
  sql = g_strdup_printf ("SELECT s.name FROM systems s WHERE s.uid = '%s'", run->system);
  old_name = query_one (run->catalog, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT r.name FROM resources r JOIN systems s ON s.id = r.system_id WHERE s.uid = '%s' ORDER BY r.id LIMIT 1",
                         run->system);
  resource_name = query_one (run->catalog, sql);
  set_string (run->catalog, MULU_ENTITY_SYSTEM, run->system, MULU_SYSTEM_NAME, resource_name);
  check (run, "rename a system to the name of one of its resources (R18)");

  g_free (sql);
  sql = g_strdup_printf ("SELECT r.uid FROM resources r JOIN systems s ON s.id = r.system_id WHERE s.uid = '%s'", run->system);
  moved = pick (run, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT uid FROM systems WHERE uid <> '%s'", run->system);
  target = pick (run, sql);
  {
    g_autoptr(MuluRecord) r = get (run->catalog, MULU_ENTITY_RESOURCE, moved);
    g_autoptr(MuluRecord) s = get (run->catalog, MULU_ENTITY_SYSTEM, target);
    mulu_record_set_int (r, MULU_RESOURCE_SYSTEM, mulu_record_get_id (s));
    store (run->catalog, r);
  }
  check (run, "move one of its resources to another system");

  set_string (run->catalog, MULU_ENTITY_SYSTEM, run->system, MULU_SYSTEM_NAME, old_name);
  check (run, "rename the system back");

  set_string (run->catalog, MULU_ENTITY_SYSTEM, run->system, MULU_SYSTEM_NAME, resource_name);
  check (run, "rename it to its resource's name again (R18)");
  delete_record (run->catalog, MULU_ENTITY_SYSTEM, run->system);
  check (run, "delete that system (its resources lose their system: S7, and R18 no longer applies)");
}

static void
edit_zombies (Run *run)
{
  g_autofree char *sql = NULL;
  g_autofree char *replaced = NULL;
  g_autoptr(MuluRecord) s = NULL;
  g_autoptr(MuluRecord) by = NULL;
  g_autoptr(GError) error = NULL;

  g_free (run->system);
  run->system = pick (run, "SELECT uid FROM systems s WHERE EXISTS (SELECT 1 FROM resources r WHERE r.system_id = s.id)"
                           " AND replaced_by_id IS NULL");
  set_string (run->catalog, MULU_ENTITY_SYSTEM, run->system, MULU_SYSTEM_LAST_LOGIN, "2023-01-01");
  check (run, "a system nobody has logged in to since 2023 (Z1)");

  s = get (run->catalog, MULU_ENTITY_SYSTEM, run->system);
  g_assert_true (mulu_zombie_set_review (run->catalog, mulu_record_get_id (s), "confirmed", "关停下线", "2027-06-30", NULL, &error));
  g_assert_no_error (error);
  check (run, "confirm it as a zombie to shut down");

  sql = g_strdup_printf ("SELECT r.uid FROM resources r JOIN systems s ON s.id = r.system_id WHERE s.uid = '%s'", run->system);
  g_free (run->resource);
  run->resource = pick (run, sql);
  set_string (run->catalog, MULU_ENTITY_RESOURCE, run->resource, MULU_RESOURCE_SHARE_TYPE, "无条件共享");
  set_string (run->catalog, MULU_ENTITY_RESOURCE, run->resource, MULU_RESOURCE_SHARE_CONDITION, NULL);
  check (run, "share one of its resources unconditionally (S6)");

  /* A system whose work another took over, then that other renamed and deleted. */
  g_free (sql);
  sql = g_strdup_printf ("SELECT uid FROM systems WHERE uid <> '%s' AND replaced_by_id IS NULL", run->system);
  replaced = pick (run, sql);
  g_clear_object (&s);
  s = get (run->catalog, MULU_ENTITY_SYSTEM, replaced);
  by = get (run->catalog, MULU_ENTITY_SYSTEM, run->system);
  mulu_record_set_int (s, MULU_SYSTEM_REPLACED_BY, mulu_record_get_id (by));
  store (run->catalog, s);
  check (run, "mark another system as replaced by it (Z1 names the replacement)");

  set_string (run->catalog, MULU_ENTITY_SYSTEM, run->system, MULU_SYSTEM_NAME, "综合业务管理平台（新）");
  check (run, "rename the replacing system");

  delete_record (run->catalog, MULU_ENTITY_SYSTEM, run->system);
  check (run, "delete the replacing system (replaced_by becomes empty)");

  g_clear_object (&s);
  s = get (run->catalog, MULU_ENTITY_SYSTEM, replaced);
  g_assert_true (mulu_zombie_set_review (run->catalog, mulu_record_get_id (s), "rejected", NULL, NULL, "仍在使用", &error));
  g_assert_no_error (error);
  check (run, "reject the other as a zombie");
}

static void
edit_department_and_secrets (Run *run)
{
  g_autofree char *dept = pick (run, "SELECT uid FROM departments");
  g_autoptr(MuluRecord) d = get (run->catalog, MULU_ENTITY_DEPARTMENT, dept);
  g_autofree char *uscc = g_strdup (mulu_record_get_string (d, MULU_DEPARTMENT_USCC));
  g_autofree char *bad = g_strdup (uscc);
  g_autofree char *secret = pick (run, "SELECT uid FROM resources WHERE secrecy = '涉密'");

  bad[17] = bad[17] == '0' ? '1' : '0';
  set_string (run->catalog, MULU_ENTITY_DEPARTMENT, dept, MULU_DEPARTMENT_USCC, bad);
  check (run, "a department's credit code with a wrong check character (R16)");
  set_string (run->catalog, MULU_ENTITY_DEPARTMENT, dept, MULU_DEPARTMENT_USCC, uscc);
  check (run, "restore the credit code");

  set_string (run->catalog, MULU_ENTITY_RESOURCE, secret, MULU_RESOURCE_SUMMARY, "控制点坐标成果");
  check (run, "give a 涉密 resource a summary (R10)");
  set_string (run->catalog, MULU_ENTITY_RESOURCE, secret, MULU_RESOURCE_SUMMARY, NULL);
  check (run, "clear the summary again");
}

static void
test_incremental_equals_full (void)
{
  g_autofree char *path = mulu_test_path ("incremental.mulu");
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluCatalog) catalog = mulu_catalog_create (path, &error);
  MuluGenerateOptions o;
  Run run = { 0 };

  g_assert_no_error (error);
  mulu_generate_options_init (&o);
  o.departments = 3;
  o.systems = 6;
  o.resources = 40;
  o.items = 8;
  o.seed = 5;
  o.secret_share = 0.1;
  g_assert_true (mulu_generate (catalog, &o, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (mulu_validate_catalog (catalog, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  run.catalog = catalog;
  run.rand = g_rand_new_with_seed (5);
  run.disagreements = g_string_new (NULL);

  edit_share_conditions (&run);
  edit_duplicate_names (&run);
  edit_duplicate_codes (&run);
  edit_related_codes (&run);
  edit_items (&run);
  edit_systems (&run);
  edit_zombies (&run);
  edit_department_and_secrets (&run);

  g_assert_cmpuint (run.n_edits, >=, 30);
  if (run.disagreements->len)
    g_test_message ("incremental and full runs disagree:\n%s", run.disagreements->str);
  g_assert_cmpstr (run.disagreements->str, ==, "");

  g_rand_free (run.rand);
  g_string_free (run.disagreements, TRUE);
  g_free (run.resource);
  g_free (run.other);
  g_free (run.system);
  g_free (run.saved);
}

/* — A fix clears its finding at once ——————————————————————————— */

static MuluCatalog *
import_base (void)
{
  g_autofree char *path = mulu_test_path ("base.mulu");
  g_autofree char *package = mulu_test_fixture ("rules/base.jsonl");
  g_autoptr(GError) error = NULL;
  MuluCatalog *catalog = mulu_catalog_create (path, &error);

  g_assert_no_error (error);
  g_assert_true (mulu_package_import (catalog, package, NULL, NULL, NULL, NULL, &error));
  g_assert_true (mulu_validate_catalog (catalog, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return catalog;
}

/* The rules of one record's findings, sorted, without a full run. */
static char *
rules_of (MuluCatalog *catalog,
          MuluEntity   entity,
          const char  *uid)
{
  g_autoptr(MuluRecord) record = get (catalog, entity, uid);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mulu_findings_for_record (catalog, entity, mulu_record_get_id (record), &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      MuluFinding *f = g_ptr_array_index (list, i);
      g_string_append_printf (out, "%s%s", out->len ? " " : "", f->rule);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define ASSERT_RULES(catalog, entity, uid, expected) \
  G_STMT_START { g_autofree char *_r = rules_of (catalog, entity, uid); g_assert_cmpstr (_r, ==, expected); } G_STMT_END

static void
test_fix_clears_at_once (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();

  set_string (catalog, MULU_ENTITY_RESOURCE, "r1", MULU_RESOURCE_SHARE_CONDITION, NULL);
  ASSERT_RULES (catalog, MULU_ENTITY_RESOURCE, "r1", "R2");
  set_string (catalog, MULU_ENTITY_RESOURCE, "r1", MULU_RESOURCE_SHARE_CONDITION, "仅供审批核验使用");
  ASSERT_RULES (catalog, MULU_ENTITY_RESOURCE, "r1", "");

  set_string (catalog, MULU_ENTITY_SYSTEM, "s1", MULU_SYSTEM_FUNCTION, NULL);
  ASSERT_RULES (catalog, MULU_ENTITY_SYSTEM, "s1", "S1");
  set_string (catalog, MULU_ENTITY_SYSTEM, "s1", MULU_SYSTEM_FUNCTION, "建设用地审批");
  ASSERT_RULES (catalog, MULU_ENTITY_SYSTEM, "s1", "");

  set_string (catalog, MULU_ENTITY_ITEM, "i9", MULU_ITEM_DATA_TYPE, NULL);
  ASSERT_RULES (catalog, MULU_ENTITY_ITEM, "i9", "R11");
  set_string (catalog, MULU_ENTITY_ITEM, "i9", MULU_ITEM_DATA_TYPE, "I");
  ASSERT_RULES (catalog, MULU_ENTITY_ITEM, "i9", "");
}

/* Group rules: fixing one member clears the finding of the other too. */
static void
test_fix_clears_group_at_once (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();

  set_string (catalog, MULU_ENTITY_RESOURCE, "r7", MULU_RESOURCE_CODE, "301005/00002");
  ASSERT_RULES (catalog, MULU_ENTITY_RESOURCE, "r7", "R14");
  ASSERT_RULES (catalog, MULU_ENTITY_RESOURCE, "r8", "R14");
  set_string (catalog, MULU_ENTITY_RESOURCE, "r7", MULU_RESOURCE_CODE, "301005/00001");
  ASSERT_RULES (catalog, MULU_ENTITY_RESOURCE, "r7", "");
  ASSERT_RULES (catalog, MULU_ENTITY_RESOURCE, "r8", "");

  set_string (catalog, MULU_ENTITY_RESOURCE, "r8", MULU_RESOURCE_NAME, "测绘成果目录信息 2");
  ASSERT_RULES (catalog, MULU_ENTITY_RESOURCE, "r7", "R17");
  ASSERT_RULES (catalog, MULU_ENTITY_RESOURCE, "r8", "R17");
  delete_record (catalog, MULU_ENTITY_RESOURCE, "r8");
  ASSERT_RULES (catalog, MULU_ENTITY_RESOURCE, "r7", "");
}

/* Renaming a system re-checks its resources (R18) without a full run. */
static void
test_system_rename_rechecks_resources (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();

  set_string (catalog, MULU_ENTITY_SYSTEM, "s2", MULU_SYSTEM_NAME, "测绘成果目录");
  ASSERT_RULES (catalog, MULU_ENTITY_RESOURCE, "r7", "R18");
  set_string (catalog, MULU_ENTITY_SYSTEM, "s2", MULU_SYSTEM_NAME, "地理信息公共服务平台");
  ASSERT_RULES (catalog, MULU_ENTITY_RESOURCE, "r7", "");
}

int
main (int argc, char **argv)
{
  g_setenv ("MULU_TODAY", "2026-11-22", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules-incremental/edits-agree-with-full-run", test_incremental_equals_full);
  g_test_add_func ("/rules-incremental/fix-clears-finding-at-once", test_fix_clears_at_once);
  g_test_add_func ("/rules-incremental/fix-clears-group-finding-at-once", test_fix_clears_group_at_once);
  g_test_add_func ("/rules-incremental/system-rename-rechecks-its-resources", test_system_rename_rechecks_resources);

  return g_test_run ();
}
