/* test-suggest.c — SG1: sensitive data items suggest 有条件共享 + 不予开放
 *
 * Resources of tests/fixtures/rules/base.jsonl: r2 is 无条件共享 and
 * 无条件开放 (a database), r1 is already 有条件共享 + 不予开放, r3 is
 * 无条件共享 + 有条件开放 with an open condition.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-test-util.h"

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
resource_id (MuluCatalog *catalog,
             const char  *uid)
{
  g_autoptr(MuluRecord) record = get (catalog, MULU_ENTITY_RESOURCE, uid);
  return mulu_record_get_id (record);
}

static void
validate (MuluCatalog *catalog)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_validate_catalog (catalog, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static MuluCatalog *
import (const char *package)
{
  g_autofree char *path = mulu_test_path ("suggest.mulu");
  g_autoptr(GError) error = NULL;
  MuluCatalog *catalog = mulu_catalog_create (path, &error);

  g_assert_no_error (error);
  g_assert_true (mulu_package_import (catalog, package, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  validate (catalog);
  return catalog;
}

static MuluCatalog *
import_base (void)
{
  g_autofree char *package = mulu_test_fixture ("rules/base.jsonl");
  return import (package);
}

static void
add_item (MuluCatalog *catalog,
          const char  *resource_uid,
          const char  *name)
{
  g_autoptr(MuluRecord) item = mulu_record_new (MULU_ENTITY_ITEM);
  g_autoptr(GError) error = NULL;

  mulu_record_set_int (item, MULU_ITEM_RESOURCE, resource_id (catalog, resource_uid));
  mulu_record_set_string (item, MULU_ITEM_NAME, name);
  mulu_record_set_string (item, MULU_ITEM_DATA_TYPE, "C");
  mulu_record_set_int (item, MULU_ITEM_LENGTH, 50);
  g_assert_true (mulu_catalog_add (catalog, item, &error));
  g_assert_no_error (error);
}

static void
set_string (MuluCatalog *catalog,
            const char  *uid,
            guint        field,
            const char  *value)
{
  g_autoptr(MuluRecord) r = get (catalog, MULU_ENTITY_RESOURCE, uid);
  g_autoptr(GError) error = NULL;

  mulu_record_set_string (r, field, value);
  g_assert_true (mulu_catalog_update (catalog, r, &error));
  g_assert_no_error (error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* "rule uid" of every finding, sorted: the whole table, not one record. */
static char *
findings_text (MuluCatalog *catalog)
{
  g_autoptr(GPtrArray) list = mulu_findings_list (catalog, MULU_SEVERITY_HINT, NULL);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < list->len; i++)
    {
      MuluFinding *f = g_ptr_array_index (list, i);
      g_ptr_array_add (lines, g_strdup_printf ("%s %s", f->rule, f->uid));
    }
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

#define ASSERT_FINDINGS(catalog, expected) \
  G_STMT_START { g_autofree char *_f = findings_text (catalog); g_assert_cmpstr (_f, ==, expected); } G_STMT_END

static char *
joined (char **strv)
{
  return g_strjoinv (", ", strv);
}

/* — Categories ——————————————————————————————————————————————— */

typedef struct {
  const char *path;
  const char *items[3];
  const char *categories;   /* joined, as mulu_suggestion_get gives them */
  const char *triggers;     /* the items that triggered it, joined */
} Sensitive;

static const Sensitive sensitive[] = {
  { "/suggest/category/citizen-id-number", { "公民身份号码" }, "citizen ID numbers", "公民身份号码" },
  { "/suggest/category/home-address", { "家庭住址" }, "home addresses", "家庭住址" },
  { "/suggest/category/bank-account", { "银行账号" }, "bank accounts", "银行账号" },
  { "/suggest/category/medical-record", { "病历摘要" }, "health information", "病历摘要" },
  { "/suggest/category/religion", { "宗教信仰" }, "religious belief", "宗教信仰" },
  { "/suggest/category/ethnicity", { "民族" }, "ethnicity", "民族" },
  { "/suggest/category/fingerprint", { "指纹信息" }, "biometric data", "指纹信息" },
  { "/suggest/category/name-and-phone", { "姓名", "联系电话" }, "personal contact details", "联系电话" },
  { "/suggest/category/several-at-once", { "身份证号", "住址", "开户银行" },
    "citizen ID numbers, home addresses, bank accounts", "身份证号, 住址, 开户银行" },
};

static void
test_sensitive (gconstpointer data)
{
  const Sensitive *s = data;
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(MuluSuggestion) suggestion = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *categories = NULL;
  g_autofree char *triggers = NULL;
  g_autofree char *message = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (s->items) && s->items[i]; i++)
    add_item (catalog, "r2", s->items[i]);
  ASSERT_FINDINGS (catalog, "SG1 r2");
  validate (catalog);
  ASSERT_FINDINGS (catalog, "SG1 r2");

  suggestion = mulu_suggestion_get (catalog, resource_id (catalog, "r2"));
  g_assert_nonnull (suggestion);
  g_assert_cmpstr (suggestion->state, ==, "suggested");
  categories = joined (suggestion->categories);
  g_assert_cmpstr (categories, ==, s->categories);
  triggers = joined (suggestion->items);
  g_assert_cmpstr (triggers, ==, s->triggers);
  g_assert_nonnull (strstr (suggestion->condition, s->categories));

  list = mulu_findings_list (catalog, MULU_SEVERITY_HINT, NULL);
  message = g_strdup_printf ("Resource “建设用地审批事项办理信息” has data items with %s; suggested:"
                             " share it with conditions and do not open it to the public.", s->categories);
  g_assert_cmpstr (((MuluFinding *) g_ptr_array_index (list, 0))->message, ==, message);
  g_assert_cmpstr (((MuluFinding *) g_ptr_array_index (list, 0))->field, ==, "share_type");
  g_assert_cmpint (((MuluFinding *) g_ptr_array_index (list, 0))->severity, ==, MULU_SEVERITY_HINT);
}

static void
test_phone_alone_is_not_personal (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();

  add_item (catalog, "r2", "联系电话");
  add_item (catalog, "r2", "办公电话");
  validate (catalog);
  ASSERT_FINDINGS (catalog, "");
  g_assert_null (mulu_suggestion_get (catalog, resource_id (catalog, "r2")));
  g_assert_cmpuint (mulu_suggest_classify_item ("联系电话"), !=, 0);
  g_assert_cmpuint (mulu_suggest_classify_item ("批准书编号"), ==, 0);
}

static void
test_already_classified (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();

  add_item (catalog, "r1", "公民身份号码");
  add_item (catalog, "r1", "家庭住址");
  ASSERT_FINDINGS (catalog, "");
  validate (catalog);
  ASSERT_FINDINGS (catalog, "");
  g_assert_null (mulu_suggestion_get (catalog, resource_id (catalog, "r1")));
}

static void
test_secret_gets_none (void)
{
  g_autofree char *package = mulu_test_write_file ("secret.jsonl",
    "{\"kind\":\"mulu-package\",\"version\":1}\n"
    "{\"kind\":\"department\",\"id\":\"d1\",\"name\":\"厦门市自然资源和规划局\",\"uscc\":\"11350200003629170E\","
    "\"region_code\":\"350200\",\"contact_name\":\"林志远\",\"contact_phone\":\"0592-5073001\"}\n"
    "{\"kind\":\"resource\",\"id\":\"x1\",\"department\":\"d1\",\"name\":\"涉密人员身份信息\",\"code\":\"301005/00003\","
    "\"classification\":[\"3\",\"01\",\"005\"],\"secrecy\":\"涉密\",\"secret_level\":\"机密\",\"share_type\":\"无条件共享\","
    "\"open_type\":\"无条件开放\"}\n"
    "{\"kind\":\"item\",\"id\":\"i1\",\"resource\":\"x1\",\"name\":\"公民身份号码\",\"data_type\":\"C\",\"length\":18}\n"
    "{\"kind\":\"item\",\"id\":\"i2\",\"resource\":\"x1\",\"name\":\"指纹信息\",\"data_type\":\"G\"}\n", -1);
  g_autoptr(MuluCatalog) catalog = import (package);
  g_autoptr(GPtrArray) list = mulu_findings_list (catalog, MULU_SEVERITY_HINT, NULL);

  /* It breaks R10 thrice (share type, opening, items), but is no SG1 case. */
  for (guint i = 0; i < list->len; i++)
    g_assert_cmpstr (((MuluFinding *) g_ptr_array_index (list, i))->rule, ==, "R10");
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_null (mulu_suggestion_get (catalog, resource_id (catalog, "x1")));
}

/* — Accepting and dismissing ——————————————————————————————————————— */

static char *
resource_log (MuluCatalog *catalog,
              const char  *uid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT field, old_value, new_value FROM change_log"
                                          " WHERE op = 'update' AND entity = 'resource' AND record_uid = '%s' ORDER BY id", uid);
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *old = (const char *) sqlite3_column_text (stmt, 1);
      const char *new = (const char *) sqlite3_column_text (stmt, 2);
      g_string_append_printf (out, "%s: %s → %s\n", sqlite3_column_text (stmt, 0), old ? old : "∅", new ? new : "∅");
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static void
test_accept_default_condition (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(MuluSuggestion) before = NULL;
  g_autoptr(MuluSuggestion) after = NULL;
  g_autoptr(MuluRecord) r2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  g_autofree char *expected_log = NULL;

  add_item (catalog, "r2", "公民身份号码");
  before = mulu_suggestion_get (catalog, resource_id (catalog, "r2"));
  g_assert_true (mulu_suggestion_accept (catalog, resource_id (catalog, "r2"), NULL, &error));
  g_assert_no_error (error);

  r2 = get (catalog, MULU_ENTITY_RESOURCE, "r2");
  g_assert_cmpstr (mulu_record_get_string (r2, MULU_RESOURCE_SHARE_TYPE), ==, "有条件共享");
  g_assert_cmpstr (mulu_record_get_string (r2, MULU_RESOURCE_SHARE_CONDITION), ==, before->condition);
  g_assert_cmpstr (mulu_record_get_string (r2, MULU_RESOURCE_OPEN_TYPE), ==, "不予开放");
  g_assert_null (mulu_record_get_string (r2, MULU_RESOURCE_OPEN_CONDITION));
  after = mulu_suggestion_get (catalog, resource_id (catalog, "r2"));
  g_assert_cmpstr (after->state, ==, "accepted");

  log = resource_log (catalog, "r2");
  expected_log = g_strdup_printf ("suggestion: suggested → accepted\nshare_type: 无条件共享 → 有条件共享\n"
                                  "share_condition: ∅ → %s\nopen_type: 无条件开放 → 不予开放\n",
                                  before->condition);
  g_assert_cmpstr (log, ==, expected_log);
  ASSERT_FINDINGS (catalog, "");
  validate (catalog);
  ASSERT_FINDINGS (catalog, "");
  g_clear_pointer (&after, mulu_suggestion_free);
  after = mulu_suggestion_get (catalog, resource_id (catalog, "r2"));
  g_assert_cmpstr (after->state, ==, "accepted");
}

static void
test_accept_edited_condition (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(MuluRecord) r3 = NULL;
  g_autoptr(MuluSuggestion) s = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;
  const char *condition = "仅供公安机关依法核验身份使用，不得对外提供";

  add_item (catalog, "r3", "银行账号");
  g_assert_true (mulu_suggestion_accept (catalog, resource_id (catalog, "r3"), condition, &error));
  g_assert_no_error (error);

  r3 = get (catalog, MULU_ENTITY_RESOURCE, "r3");
  g_assert_cmpstr (mulu_record_get_string (r3, MULU_RESOURCE_SHARE_TYPE), ==, "有条件共享");
  g_assert_cmpstr (mulu_record_get_string (r3, MULU_RESOURCE_SHARE_CONDITION), ==, condition);
  g_assert_cmpstr (mulu_record_get_string (r3, MULU_RESOURCE_OPEN_TYPE), ==, "不予开放");
  g_assert_null (mulu_record_get_string (r3, MULU_RESOURCE_OPEN_CONDITION));
  s = mulu_suggestion_get (catalog, resource_id (catalog, "r3"));
  g_assert_cmpstr (s->state, ==, "accepted");
  log = resource_log (catalog, "r3");
  g_assert_cmpstr (log, ==, "suggestion: suggested → accepted\n"
                   "share_type: 无条件共享 → 有条件共享\n"
                            "share_condition: ∅ → 仅供公安机关依法核验身份使用，不得对外提供\n"
                            "open_type: 有条件开放 → 不予开放\n"
                            "open_condition: 经市政府批准公布后向社会开放汇总数据，不开放地块明细 → ∅\n");
  ASSERT_FINDINGS (catalog, "");
}

/* 不予共享 is stricter than the suggestion and stays. */
static void
test_accept_keeps_not_shared (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(MuluRecord) r8 = NULL;
  g_autoptr(GError) error = NULL;

  set_string (catalog, "r8", MULU_RESOURCE_OPEN_TYPE, "有条件开放");
  set_string (catalog, "r8", MULU_RESOURCE_OPEN_CONDITION, "隐去个人信息后开放");
  add_item (catalog, "r8", "家庭住址");
  ASSERT_FINDINGS (catalog, "R7 r8\nSG1 r8");
  g_assert_true (mulu_suggestion_accept (catalog, resource_id (catalog, "r8"), NULL, &error));
  g_assert_no_error (error);
  r8 = get (catalog, MULU_ENTITY_RESOURCE, "r8");
  g_assert_cmpstr (mulu_record_get_string (r8, MULU_RESOURCE_SHARE_TYPE), ==, "不予共享");
  g_assert_null (mulu_record_get_string (r8, MULU_RESOURCE_SHARE_CONDITION));
  g_assert_cmpstr (mulu_record_get_string (r8, MULU_RESOURCE_OPEN_TYPE), ==, "不予开放");
  ASSERT_FINDINGS (catalog, "");
}

static void
test_dismiss_stays (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(MuluSuggestion) s = NULL;
  g_autoptr(MuluRecord) r2 = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  add_item (catalog, "r2", "公民身份号码");
  ASSERT_FINDINGS (catalog, "SG1 r2");
  g_assert_true (mulu_suggestion_dismiss (catalog, resource_id (catalog, "r2"), &error));
  g_assert_no_error (error);
  ASSERT_FINDINGS (catalog, "");
  s = mulu_suggestion_get (catalog, resource_id (catalog, "r2"));
  g_assert_cmpstr (s->state, ==, "dismissed");
  log = resource_log (catalog, "r2");
  g_assert_cmpstr (log, ==, "suggestion: suggested → dismissed\n");
  r2 = get (catalog, MULU_ENTITY_RESOURCE, "r2");
  g_assert_cmpstr (mulu_record_get_string (r2, MULU_RESOURCE_SHARE_TYPE), ==, "无条件共享");

  validate (catalog);
  ASSERT_FINDINGS (catalog, "");
  g_clear_pointer (&s, mulu_suggestion_free);
  s = mulu_suggestion_get (catalog, resource_id (catalog, "r2"));
  g_assert_cmpstr (s->state, ==, "dismissed");

  /* More of the same kind changes nothing; a new kind asks again. */
  add_item (catalog, "r2", "证件号码");
  validate (catalog);
  ASSERT_FINDINGS (catalog, "");
  add_item (catalog, "r2", "银行账号");
  ASSERT_FINDINGS (catalog, "SG1 r2");
  g_clear_pointer (&s, mulu_suggestion_free);
  s = mulu_suggestion_get (catalog, resource_id (catalog, "r2"));
  g_assert_cmpstr (s->state, ==, "suggested");
}

static void
test_nothing_to_decide (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(GError) error = NULL;

  g_assert_false (mulu_suggestion_accept (catalog, resource_id (catalog, "r2"), NULL, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (mulu_suggestion_dismiss (catalog, resource_id (catalog, "r2"), &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND);
}

/* An open suggestion disappears when its items do. */
static void
test_removing_items_withdraws (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) item = mulu_record_new (MULU_ENTITY_ITEM);

  mulu_record_set_int (item, MULU_ITEM_RESOURCE, resource_id (catalog, "r2"));
  mulu_record_set_string (item, MULU_ITEM_NAME, "指纹信息");
  mulu_record_set_string (item, MULU_ITEM_DATA_TYPE, "G");
  g_assert_true (mulu_catalog_add (catalog, item, &error));
  ASSERT_FINDINGS (catalog, "SG1 r2");
  g_assert_true (mulu_catalog_delete (catalog, MULU_ENTITY_ITEM, mulu_record_get_id (item), &error));
  g_assert_no_error (error);
  ASSERT_FINDINGS (catalog, "");
  g_assert_null (mulu_suggestion_get (catalog, resource_id (catalog, "r2")));
}

/* data/samples/README.md: r57 and r58 hold 当事人证件号码 marked 有条件共享 +
 * 不予开放 on the item itself and open the rest with a condition that hides
 * it — handled correctly. Only r6 (the deliberate R7 mistake) opens ID
 * numbers, addresses and phones of named people. */
static void
test_sample_suggestions (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GString) sg1 = g_string_new (NULL);

  validate (catalog);
  list = mulu_findings_list (catalog, MULU_SEVERITY_HINT, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      MuluFinding *f = g_ptr_array_index (list, i);
      if (g_str_equal (f->rule, "SG1"))
        g_string_append_printf (sg1, "%s%s", sg1->len ? " " : "", f->uid);
    }
  g_assert_cmpstr (sg1->str, ==, "r6");
}

int
main (int argc, char **argv)
{
  g_setenv ("MULU_TODAY", "2026-11-22", TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sensitive); i++)
    g_test_add_data_func (sensitive[i].path, &sensitive[i], test_sensitive);
  g_test_add_func ("/suggest/category/phone-alone-is-not-personal", test_phone_alone_is_not_personal);
  g_test_add_func ("/suggest/already-conditional-and-not-opened-gets-none", test_already_classified);
  g_test_add_func ("/suggest/secret-resource-gets-none", test_secret_gets_none);
  g_test_add_func ("/suggest/accept/applies-default-condition-through-change-log", test_accept_default_condition);
  g_test_add_func ("/suggest/accept/applies-edited-condition", test_accept_edited_condition);
  g_test_add_func ("/suggest/accept/keeps-not-shared", test_accept_keeps_not_shared);
  g_test_add_func ("/suggest/dismiss/stays-dismissed-after-full-run", test_dismiss_stays);
  g_test_add_func ("/suggest/nothing-to-accept-or-dismiss", test_nothing_to_decide);
  g_test_add_func ("/suggest/removing-items-withdraws-open-suggestion", test_removing_items_withdraws);
  g_test_add_func ("/suggest/sample/items-restricted-per-item-need-no-suggestion", test_sample_suggestions);

  return g_test_run ();
}
