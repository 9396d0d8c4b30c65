/* test-rules.c — every rule of the validation engine, broken and kept
 *
 * Each case imports tests/fixtures/rules/base.jsonl (a clean package),
 * changes records through the API, runs a full validation and compares the
 * whole findings table, as "rule severity entity uid field" lines, with
 * the expected set: a case proves both that its rule fires and that nothing
 * else does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mulu-test-util.h"

/* — Helpers ——————————————————————————————————————————————————— */

/* d… departments, s… systems, i… items, anything else resources. */

static MuluCatalog *
import_base (void)
{
  g_autofree char *path = mulu_test_path ("rules.mulu");
  g_autofree char *package = mulu_test_fixture ("rules/base.jsonl");
  g_autoptr(GError) error = NULL;
  MuluCatalog *catalog = mulu_catalog_create (path, &error);

  g_assert_no_error (error);
  g_assert_true (mulu_package_import (catalog, package, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  mulu_test_validate (catalog);
  return catalog;
}

/* Sets one field from text, as a clerk types it; a REF takes a uid. */
static void
set_field (MuluCatalog *catalog,
           const char  *uid,
           const char  *key,
           const char  *value)
{
  g_autoptr(MuluRecord) record = mulu_test_get_by_uid (catalog, uid);
  g_autoptr(GError) error = NULL;
  MuluEntity entity = mulu_record_get_entity (record);
  int f = mulu_entity_find_field (entity, key);

  g_assert_cmpint (f, >=, 0);
  if (mulu_entity_get_info (entity)->fields[f].type == MULU_FIELD_REF)
    mulu_record_set_int (record, f, value ? mulu_test_id_of (catalog, value) : 0);
  else
    g_assert_true (mulu_record_set_text (record, f, value, &error));
  g_assert_no_error (error);
  g_assert_true (mulu_catalog_update (catalog, record, &error));
  g_assert_no_error (error);
}

static void
delete_record (MuluCatalog *catalog,
               const char  *uid)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_catalog_delete (catalog, mulu_test_entity_of_uid (uid), mulu_test_id_of (catalog, uid), &error));
  g_assert_no_error (error);
}

static void
add_item (MuluCatalog *catalog,
          const char  *resource_uid,
          const char  *uid,
          const char  *name)
{
  g_autoptr(MuluRecord) item = mulu_record_new (MULU_ENTITY_ITEM);
  g_autoptr(GError) error = NULL;

  mulu_record_set_uid (item, uid);
  mulu_record_set_int (item, MULU_ITEM_RESOURCE, mulu_test_id_of (catalog, resource_uid));
  mulu_record_set_string (item, MULU_ITEM_NAME, name);
  mulu_record_set_string (item, MULU_ITEM_DATA_TYPE, "C");
  mulu_record_set_int (item, MULU_ITEM_LENGTH, 18);
  g_assert_true (mulu_catalog_add (catalog, item, &error));
  g_assert_no_error (error);
}

/* A copy of an existing record under a new uid, changed by the caller. */
static MuluRecord *
copy_as (MuluCatalog *catalog,
         const char  *uid,
         const char  *new_uid)
{
  g_autoptr(MuluRecord) original = mulu_test_get_by_uid (catalog, uid);
  MuluRecord *copy = mulu_record_copy (original);

  mulu_record_set_id (copy, 0);
  mulu_record_set_uid (copy, new_uid);
  return copy;
}

static void
add (MuluCatalog *catalog,
     MuluRecord  *record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_catalog_add (catalog, record, &error));
  g_assert_no_error (error);
}

static void
review (MuluCatalog *catalog,
        const char  *system_uid,
        const char  *decision,
        const char  *disposition,
        const char  *planned_date,
        const char  *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_zombie_set_review (catalog, mulu_test_id_of (catalog, system_uid), decision, disposition, planned_date, note, &error));
  g_assert_no_error (error);
}

/* A credit code with a valid check character for region 350200; the
 * organisation code's own check character is right unless told otherwise. */
static char *
make_uscc (const char *org8,
           gboolean    org_ok)
{
  char org_check = mulu_uscc_compute_org_check (org8);
  g_autofree char *first17 = NULL;

  if (!org_ok)
    org_check = org_check == '1' ? '2' : '1';
  first17 = g_strdup_printf ("11350200%s%c", org8, org_check);
  return g_strdup_printf ("%s%c", first17, mulu_uscc_compute_check (first17));
}

static char *
format_finding (const MuluFinding *f)
{
  return g_strdup_printf ("%s %s %s %s %s", f->rule, mulu_severity_to_string (f->severity),
                          mulu_entity_get_info (f->entity)->kind, f->uid ? f->uid : "?", f->field ? f->field : "-");
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
join_sorted (GPtrArray *lines)
{
  g_ptr_array_sort (lines, compare_strings);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

/* Every finding down to hints, one sorted line each. */
static char *
findings_text (MuluCatalog *catalog,
               MuluSeverity worst)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mulu_findings_list (catalog, worst, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_ptr_array_add (lines, format_finding (g_ptr_array_index (list, i)));
  return join_sorted (lines);
}

static char *
expected_text (const char * const *expected)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; expected[i]; i++)
    g_ptr_array_add (lines, g_strdup (expected[i]));
  return join_sorted (lines);
}

static gboolean
some_message_has (MuluCatalog *catalog,
                  const char  *rule,
                  const char  *text)
{
  g_autoptr(GPtrArray) list = mulu_findings_list (catalog, MULU_SEVERITY_HINT, NULL);

  for (guint i = 0; i < list->len; i++)
    {
      MuluFinding *f = g_ptr_array_index (list, i);
      if (g_str_equal (f->rule, rule) && strstr (f->message, text))
        return TRUE;
    }
  return FALSE;
}

/* — Preparations a table entry cannot spell as field edits ———————————— */

static void
add_secret (MuluCatalog *catalog)
{
  g_autoptr(MuluRecord) r = mulu_record_new (MULU_ENTITY_RESOURCE);

  mulu_record_set_uid (r, "x1");
  mulu_record_set_int (r, MULU_RESOURCE_DEPARTMENT, mulu_test_id_of (catalog, "d1"));
  mulu_record_set_string (r, MULU_RESOURCE_NAME, "城市高程控制网测量成果（涉密）");
  mulu_record_set_string (r, MULU_RESOURCE_CODE, "301005/00003");
  mulu_record_set_string (r, MULU_RESOURCE_CLASS_1, "3");
  mulu_record_set_string (r, MULU_RESOURCE_CLASS_2, "01");
  mulu_record_set_string (r, MULU_RESOURCE_CLASS_3, "005");
  mulu_record_set_string (r, MULU_RESOURCE_SECRECY, "涉密");
  mulu_record_set_string (r, MULU_RESOURCE_SECRET_LEVEL, "秘密");
  mulu_record_set_string (r, MULU_RESOURCE_SHARE_TYPE, "不予共享");
  mulu_record_set_string (r, MULU_RESOURCE_SHARE_BASIS_TYPE, "法律");
  mulu_record_set_string (r, MULU_RESOURCE_SHARE_BASIS, "《中华人民共和国保守国家秘密法》");
  mulu_record_set_string (r, MULU_RESOURCE_OPEN_TYPE, "不予开放");
  add (catalog, r);
}

static void
add_secret_with_item (MuluCatalog *catalog)
{
  add_secret (catalog);
  add_item (catalog, "x1", "i90", "控制点编号");
}

/* Blanks as a pasted cell holds them, past the trimming of set_text. */
static void
set_raw_condition (MuluCatalog *catalog,
                   const char  *blank)
{
  g_autoptr(MuluRecord) r = mulu_test_get_by_uid (catalog, "r1");
  g_autoptr(GError) error = NULL;

  mulu_record_set_string (r, MULU_RESOURCE_SHARE_CONDITION, blank);
  g_assert_true (mulu_catalog_update (catalog, r, &error));
  g_assert_no_error (error);
}

static void spaces_condition (MuluCatalog *catalog) { set_raw_condition (catalog, "   "); }
static void wide_space_condition (MuluCatalog *catalog) { set_raw_condition (catalog, "\u3000\u3000\t"); }
static void indented_condition (MuluCatalog *catalog) { set_raw_condition (catalog, "\u3000\t仅供审批核验使用"); }
static void comma_condition (MuluCatalog *catalog) { set_raw_condition (catalog, "\u3001"); }

static void
delete_items (MuluCatalog *catalog,
              guint        first)
{
  for (guint i = first; i < first + 4; i++)
    {
      g_autofree char *uid = g_strdup_printf ("i%u", i);
      delete_record (catalog, uid);
    }
}

static void delete_items_of_r1 (MuluCatalog *catalog) { delete_items (catalog, 1); }
static void delete_items_of_r7 (MuluCatalog *catalog) { delete_items (catalog, 25); }

static void
set_uscc (MuluCatalog *catalog,
          gboolean     org_ok)
{
  g_autofree char *uscc = make_uscc ("00362918", org_ok);
  set_field (catalog, "d1", "uscc", uscc);
}

static void uscc_org_mismatch (MuluCatalog *catalog) { set_uscc (catalog, FALSE); }
static void uscc_other_valid (MuluCatalog *catalog) { set_uscc (catalog, TRUE); }

/* A second department with a system and a resource named like r7. */
static void
add_second_department (MuluCatalog *catalog)
{
  g_autoptr(MuluRecord) d2 = copy_as (catalog, "d1", "d2");
  g_autoptr(MuluRecord) s9 = copy_as (catalog, "s2", "s9");
  g_autoptr(MuluRecord) r90 = copy_as (catalog, "r7", "r90");
  g_autofree char *uscc = make_uscc ("00362918", TRUE);

  mulu_record_set_string (d2, MULU_DEPARTMENT_NAME, "厦门市住房和建设局");
  mulu_record_set_string (d2, MULU_DEPARTMENT_USCC, uscc);
  add (catalog, d2);
  mulu_record_set_int (s9, MULU_SYSTEM_DEPARTMENT, mulu_record_get_id (d2));
  mulu_record_set_string (s9, MULU_SYSTEM_NAME, "住房建设信息平台");
  add (catalog, s9);
  mulu_record_set_int (r90, MULU_RESOURCE_DEPARTMENT, mulu_record_get_id (d2));
  mulu_record_set_int (r90, MULU_RESOURCE_SYSTEM, mulu_record_get_id (s9));
  mulu_record_set_string (r90, MULU_RESOURCE_CODE, "301005/00009");
  add (catalog, r90);
}

static void
add_empty_system (MuluCatalog *catalog)
{
  g_autoptr(MuluRecord) s3 = copy_as (catalog, "s2", "s3");

  mulu_record_set_string (s3, MULU_SYSTEM_NAME, "国土调查成果管理系统");
  add (catalog, s3);
}

static void s1_idle (MuluCatalog *catalog) { set_field (catalog, "s1", "last_login", "2024-01-15"); }
static void s1_confirmed_undisposed (MuluCatalog *catalog) { s1_idle (catalog); review (catalog, "s1", "confirmed", NULL, NULL, NULL); }
static void s1_confirmed_shut_down (MuluCatalog *catalog) { s1_idle (catalog); review (catalog, "s1", "confirmed", "关停下线", "2027-06-30", NULL); }

static void
s1_confirmed_without_unconditional (MuluCatalog *catalog)
{
  delete_record (catalog, "r2");
  delete_record (catalog, "r3");
  delete_record (catalog, "r4");
  s1_confirmed_shut_down (catalog);
}

static void
s2_rejected (MuluCatalog *catalog)
{
  set_field (catalog, "s2", "last_login", "2026-05-01");
  review (catalog, "s2", "rejected", NULL, NULL, "平台改版后登录日志迁移，实际每日使用");
}

static void sensitive_item_on_r2 (MuluCatalog *catalog) { add_item (catalog, "r2", "i90", "公民身份号码"); }
static void sensitive_item_on_r1 (MuluCatalog *catalog) { add_item (catalog, "r1", "i90", "公民身份号码"); }

/* — The cases ———————————————————————————————————————————————— */

typedef struct {
  const char *uid;
  const char *key;
  const char *value;   /* NULL clears the field */
} Edit;

typedef struct {
  const char *path;
  void      (*prepare) (MuluCatalog *catalog);
  Edit        edits[4];
  const char *expected[5];   /* "rule severity entity uid field" */
  const char *message_has;   /* in some finding of the path's rule */
} RuleCase;

#define COND "供规划、住建部门编制规划和审批项目时查阅，不得对外提供或用于其他用途"
#define BASIS "《中华人民共和国测绘法》第三十四条"
#define S1_CASE(field) \
  { "/rules/S1/census-field-" field "-required", NULL, { { "s1", field, NULL } }, { "S1 error system s1 " field } }

static const RuleCase cases[] = {
  { "/rules/R1/missing-share-type-is-error", NULL, { { "r7", "share_type", NULL } }, { "R1 error resource r7 share_type" } },
  { "/rules/R1/unlisted-share-type-is-error", NULL, { { "r7", "share_type", "部分共享" } }, { "R1 error resource r7 share_type" } },
  { "/rules/R1/listed-share-type-passes", NULL, { { "r7", "share_type", "有条件共享" }, { "r7", "share_condition", COND } }, { NULL } },

  { "/rules/R2/conditional-sharing-needs-condition", NULL, { { "r7", "share_type", "有条件共享" } }, { "R2 error resource r7 share_condition" } },
  { "/rules/R2/blank-condition-is-no-condition", spaces_condition, { { NULL } }, { "R2 error resource r1 share_condition" } },
  { "/rules/R2/ideographic-space-is-no-condition", wide_space_condition, { { NULL } }, { "R2 error resource r1 share_condition" } },
  { "/rules/R2/condition-after-leading-spaces-passes", indented_condition, { { NULL } }, { NULL } },
  { "/rules/R2/ideographic-comma-is-not-blank", comma_condition, { { NULL } }, { NULL } },
  { "/rules/R2/condition-given-passes", NULL, { { "r7", "share_condition", COND }, { "r7", "share_type", "有条件共享" } }, { NULL } },

  { "/rules/R3/not-shared-needs-basis", NULL, { { "r8", "share_basis", NULL } }, { "R3 error resource r8 share_basis" } },
  { "/rules/R3/not-shared-needs-basis-type", NULL, { { "r8", "share_basis_type", NULL } }, { "R3 error resource r8 share_basis" } },
  { "/rules/R3/basis-type-must-be-listed", NULL, { { "r8", "share_basis_type", "部门规章" } }, { "R3 error resource r8 share_basis" } },
  { "/rules/R3/basis-and-type-given-passes", NULL,
    { { "r7", "share_type", "不予共享" }, { "r7", "share_basis_type", "法律" }, { "r7", "share_basis", BASIS } }, { NULL } },

  { "/rules/R4/unconditional-sharing-with-condition-warns", NULL, { { "r2", "share_condition", "仅供政务部门内部使用" } },
    { "R4 warning resource r2 share_condition" }, "仅供政务部门内部使用" },
  { "/rules/R4/condition-other-than-wu-tiao-jian-warns", NULL, { { "r2", "share_condition", "无条件共享" } },
    { "R4 warning resource r2 share_condition" } },
  { "/rules/R4/condition-wu-tiao-jian-accepted", NULL, { { "r2", "share_condition", "无条件" } }, { NULL } },

  { "/rules/R5/basic-resource-shared-with-conditions-warns", NULL,
    { { "r4", "share_type", "有条件共享" }, { "r4", "share_condition", COND } }, { "R5 warning resource r4 share_type" } },
  { "/rules/R5/basic-resource-not-shared-warns", NULL,
    { { "r4", "share_type", "不予共享" }, { "r4", "share_basis_type", "法律" }, { "r4", "share_basis", BASIS } },
    { "R5 warning resource r4 share_type" } },
  { "/rules/R5/department-resource-with-conditions-passes", NULL,
    { { "r7", "share_type", "有条件共享" }, { "r7", "share_condition", COND } }, { NULL } },

  { "/rules/R6/mail-or-media-needs-reason", NULL,
    { { "r7", "share_method_type", NULL }, { "r7", "share_method_category", "邮件或介质" } }, { "R6 warning resource r7 share_method_reason" } },
  { "/rules/R6/mail-or-media-with-reason-passes", NULL,
    { { "r7", "share_method_type", NULL }, { "r7", "share_method_category", "邮件或介质" },
      { "r7", "share_method_reason", "成果须加盖印章后以光盘报送" } }, { NULL } },

  { "/rules/R7/not-shared-cannot-open-with-conditions", NULL,
    { { "r8", "open_condition", "经审批后提供" }, { "r8", "open_type", "有条件开放" } }, { "R7 error resource r8 open_type" } },
  { "/rules/R7/not-shared-cannot-open-unconditionally", NULL, { { "r8", "open_type", "无条件开放" } },
    { "R7 error resource r8 open_type", "R9 error resource r8 open_type" } },
  { "/rules/R7/not-shared-not-opened-passes", NULL,
    { { "r7", "share_type", "不予共享" }, { "r7", "share_basis_type", "法律" }, { "r7", "share_basis", BASIS } }, { NULL } },

  { "/rules/R8/conditional-opening-needs-condition", NULL, { { "r3", "open_condition", NULL } }, { "R8 error resource r3 open_condition" } },
  { "/rules/R8/open-condition-given-passes", NULL,
    { { "r7", "open_condition", "仅开放成果名称和比例尺" }, { "r7", "open_type", "有条件开放" } }, { NULL } },

  { "/rules/R9/unconditional-opening-needs-unconditional-sharing", NULL, { { "r1", "open_type", "无条件开放" } },
    { "R9 error resource r1 open_type" } },
  { "/rules/R9/unconditional-sharing-may-open-unconditionally", NULL, { { "r7", "open_type", "无条件开放" } }, { NULL } },

  { "/rules/R10/minimal-secret-resource-passes", add_secret, { { NULL } }, { NULL } },
  { "/rules/R10/secret-never-shared-with-conditions", add_secret, { { "x1", "share_type", "有条件共享" } },
    { "R10 error resource x1 share_type" } },
  { "/rules/R10/secret-never-shared-unconditionally", add_secret, { { "x1", "share_type", "无条件共享" } },
    { "R10 error resource x1 share_type" } },
  { "/rules/R10/secret-never-opened", add_secret, { { "x1", "open_type", "有条件开放" } },
    { "R10 error resource x1 open_type", "R7 error resource x1 open_type", "R8 error resource x1 open_condition" } },
  { "/rules/R10/secret-needs-level", add_secret, { { "x1", "secret_level", NULL } }, { "R10 error resource x1 secret_level" } },
  { "/rules/R10/secret-level-must-be-listed", add_secret, { { "x1", "secret_level", "内部" } },
    { "R10 error resource x1 secret_level" } },
  { "/rules/R10/secret-holds-no-summary", add_secret, { { "x1", "summary", "全市高程控制点成果" } },
    { "R10 error resource x1 -" }, "holds more than" },
  { "/rules/R10/secret-holds-no-system", add_secret, { { "x1", "system", "s2" } }, { "R10 error resource x1 -" }, "holds more than" },
  { "/rules/R10/secret-lists-no-items", add_secret_with_item, { { NULL } }, { "R10 error resource x1 -" }, "lists data items" },

  { "/rules/R11/database-needs-data-items", delete_items_of_r1, { { NULL } }, { "R11 error resource r1 -" } },
  { "/rules/R11/spreadsheet-item-needs-data-type", NULL, { { "i9", "data_type", NULL } }, { "R11 error item i9 data_type" } },
  { "/rules/R11/item-data-type-must-be-listed", NULL, { { "i9", "data_type", "字符" } }, { "R11 error item i9 data_type" } },
  { "/rules/R11/file-resource-needs-no-items", delete_items_of_r7, { { NULL } }, { NULL } },

  { "/rules/R12/format-other-needs-description", NULL, { { "r5", "format_note", NULL } }, { "R12 error resource r5 format_note" } },
  { "/rules/R12/format-type-other-needs-description", NULL, { { "r7", "format_type", "其他" } }, { "R12 error resource r7 format_note" } },
  { "/rules/R12/described-other-format-passes", NULL,
    { { "r7", "format_type", "其他" }, { "r7", "format_note", "CEB 版式文件" } }, { NULL } },

  { "/rules/R13/file-shared-by-interface-warns", NULL, { { "r7", "share_method_type", "接口" } },
    { "R13 warning resource r7 share_method_type" }, "电子文件 / 接口" },
  { "/rules/R13/database-shared-as-file-warns", NULL, { { "r1", "share_method_type", "文件" } },
    { "R13 warning resource r1 share_method_type" }, "数据库 / 文件" },
  { "/rules/R13/database-shared-by-database-passes", NULL, { { "r1", "share_method_type", "数据库" } }, { NULL } },
  { "/rules/R13/quiet-without-sharing-method", NULL,
    { { "r7", "share_method_type", NULL }, { "r7", "share_method_category", NULL },
      { "r1", "share_method_type", NULL }, { "r1", "share_method_category", NULL } }, { NULL } },

  { "/rules/R14/code-required", NULL, { { "r7", "code", NULL } }, { "R14 error resource r7 code" }, "has no code" },
  { "/rules/R14/code-without-slash-is-malformed", NULL, { { "r7", "code", "30100200001" } },
    { "R14 error resource r7 code" }, "malformed code “30100200001”" },
  { "/rules/R14/code-without-sequence-is-malformed", NULL, { { "r7", "code", "301002/" } },
    { "R14 error resource r7 code" }, "malformed code “301002/”" },
  { "/rules/R14/code-with-unknown-class-is-malformed", NULL, { { "r7", "code", "4010020/001" } },
    { "R14 error resource r7 code" }, "malformed code “4010020/001”" },
  { "/rules/R14/code-with-short-front-is-malformed", NULL, { { "r7", "code", "30100/00003" } },
    { "R14 error resource r7 code" }, "malformed code “30100/00003”" },
  { "/rules/R14/code-with-two-slashes-is-malformed", NULL, { { "r7", "code", "301005/00/003" } },
    { "R14 error resource r7 code" }, "malformed code “301005/00/003”" },
  { "/rules/R14/code-with-letters-is-malformed", NULL, { { "r7", "code", "301005/0000A" } },
    { "R14 error resource r7 code" }, "malformed code “301005/0000A”" },
  { "/rules/R14/code-must-match-classification", NULL, { { "r7", "code", "301006/00003" } },
    { "R14 error resource r7 code" }, "does not match its classification" },
  { "/rules/R14/duplicate-code-reports-both", NULL, { { "r7", "code", "301005/00002" } },
    { "R14 error resource r7 code", "R14 error resource r8 code" }, "another resource also has" },
  { "/rules/R14/unique-well-formed-code-passes", NULL, { { "r7", "code", "301005/00003" } }, { NULL } },

  { "/rules/R15/unresolved-related-codes-listed", NULL, { { "r3", "related_codes", "301003/00001, 309999/00001, 309999/00002" } },
    { "R15 warning resource r3 related_codes" }, "(309999/00001、309999/00002)" },
  { "/rules/R15/resolved-related-codes-pass", NULL, { { "r7", "related_codes", "301003/00001, 103001/00001" } }, { NULL } },

  { "/rules/R16/invalid-check-character-is-error", NULL, { { "d1", "uscc", "11350200003629170F" } },
    { "R16 error department d1 uscc" }, "not valid" },
  { "/rules/R16/missing-code-is-error", NULL, { { "d1", "uscc", NULL } }, { "R16 error department d1 uscc" } },
  { "/rules/R16/org-code-mismatch-is-warning", uscc_org_mismatch, { { NULL } }, { "R16 warning department d1 uscc" }, "organisation code" },
  { "/rules/R16/valid-code-passes", uscc_other_valid, { { NULL } }, { NULL } },

  { "/rules/R17/full-width-letters-are-duplicates", NULL, { { "r7", "name", "ABC信息" }, { "r8", "name", "ＡＢＣ信息" } },
    { "R17 warning resource r7 name", "R17 warning resource r8 name" }, "“ＡＢＣ信息”" },
  { "/rules/R17/spaces-are-ignored", NULL, { { "r8", "name", "测绘成果 目录 信息" } },
    { "R17 warning resource r7 name", "R17 warning resource r8 name" } },
  { "/rules/R17/punctuation-is-ignored", NULL, { { "r7", "name", "「测绘成果」目录信息" }, { "r8", "name", "测绘成果目录(信息)" } },
    { "R17 warning resource r7 name", "R17 warning resource r8 name" } },
  { "/rules/R17/drag-filled-number-is-ignored", NULL, { { "r7", "name", "耕地信息" }, { "r8", "name", "耕地信息 2" } },
    { "R17 warning resource r7 name", "R17 warning resource r8 name" }, "“耕地信息 2”" },
  { "/rules/R17/different-names-pass", NULL, { { "r8", "name", "测绘成果目录数据" } }, { NULL } },
  { "/rules/R17/other-department-is-not-duplicate", add_second_department, { { NULL } }, { NULL } },

  { "/rules/R18/name-equal-to-system-warns", NULL, { { "r7", "name", "地理信息公共服务平台" } }, { "R18 warning resource r7 name" } },
  { "/rules/R18/system-name-plus-data-warns", NULL, { { "r7", "name", "地理信息公共服务平台数据" } }, { "R18 warning resource r7 name" } },
  { "/rules/R18/system-name-plus-information-warns", NULL, { { "r7", "name", "地理信息公共服务平台 信息" } },
    { "R18 warning resource r7 name" } },
  { "/rules/R18/name-of-the-information-passes", NULL, { { "r7", "name", "地理信息公共服务平台访问统计信息" } }, { NULL } },
  { "/rules/R18/another-systems-name-passes", NULL, { { "r7", "name", "建设用地审批管理系统" } }, { NULL } },

  { "/rules/R19/negative-volume-is-error", NULL, { { "r1", "volume_records", "-1" } }, { "R19 error resource r1 -" } },
  { "/rules/R19/utilisation-over-100-is-error", NULL, { { "s1", "utilization_percent", "101" } },
    { "R19 error system s1 utilization_percent" }, "101" },
  { "/rules/R19/item-length-zero-is-error", NULL, { { "i1", "length", "0" } }, { "R19 error item i1 length" } },
  { "/rules/R19/negative-cost-is-error", NULL, { { "s1", "annual_om_cost", "-5" } }, { "R19 error system s1 -" } },
  { "/rules/R19/boundary-values-pass", NULL,
    { { "s1", "utilization_percent", "100" }, { "r1", "volume_records", "0" }, { "i1", "length", NULL } }, { NULL } },

  { "/rules/C1/update-cycle-outside-table", NULL, { { "r7", "update_cycle", "每两年" } },
    { "C1 error resource r7 update_cycle" }, "“每两年”" },
  { "/rules/C1/funding-source-outside-table-warns", NULL, { { "s1", "funding_source", "上级补助资金" } },
    { "C1 warning system s1 funding_source" } },
  { "/rules/C1/format-type-of-another-category", NULL, { { "r7", "format_type", "jpg" } }, { "C1 error resource r7 format_type" } },
  { "/rules/C1/item-share-type-outside-table", NULL, { { "i1", "share_type", "部分共享" } }, { "C1 error item i1 share_type" } },
  { "/rules/C1/listed-values-pass", NULL,
    { { "r7", "update_cycle", "每年" }, { "s1", "funding_source", "中央财政资金" }, { "i1", "share_type", "有条件共享" } }, { NULL } },

  { "/rules/C2/resource-summary-required", NULL, { { "r7", "summary", NULL } }, { "C2 error resource r7 summary" } },
  { "/rules/C2/resource-open-type-required", NULL, { { "r7", "open_type", NULL } }, { "C2 error resource r7 open_type" } },
  { "/rules/C2/department-contact-required", NULL, { { "d1", "contact_phone", NULL } }, { "C2 error department d1 contact_phone" } },
  { "/rules/C2/item-name-required", NULL, { { "i25", "name", NULL } }, { "C2 error item i25 name" } },
  { "/rules/C2/secret-resource-needs-no-summary", add_secret, { { NULL } }, { NULL } },

  S1_CASE ("name"), S1_CASE ("function"), S1_CASE ("usage_scope"), S1_CASE ("usage_frequency"),
  S1_CASE ("approval_department"), S1_CASE ("approval_date"), S1_CASE ("funding_source"),
  { "/rules/S1/census-fields-present-pass", NULL, { { "s1", "builder", NULL }, { "s1", "remarks", "无" } }, { NULL } },

  { "/rules/S2/confirmed-zombie-needs-disposition", s1_confirmed_undisposed, { { NULL } },
    { "S2 error system s1 zombie_review", "S6 warning system s1 -" }, "no disposition" },
  { "/rules/S2/confirmed-zombie-with-disposition-passes", s1_confirmed_shut_down, { { NULL } }, { "S6 warning system s1 -" } },

  { "/rules/S3/go-live-before-approval-warns", NULL, { { "s1", "go_live_date", "2019-01-01" } },
    { "S3 warning system s1 go_live_date" }, "before it was approved" },
  { "/rules/S3/future-go-live-warns", NULL, { { "s1", "go_live_date", "2026-11-23" } },
    { "S3 warning system s1 go_live_date" }, "in the future (2026-11-23)" },
  { "/rules/S3/future-approval-warns", NULL, { { "s1", "go_live_date", NULL }, { "s1", "approval_date", "2026-12-01" } },
    { "S3 warning system s1 approval_date" }, "in the future (2026-12-01)" },
  { "/rules/S3/approved-and-live-today-passes", NULL,
    { { "s1", "approval_date", "2026-11-22" }, { "s1", "go_live_date", "2026-11-22" } }, { NULL } },

  { "/rules/S4/internal-system-on-private-network-hint", NULL, { { "s1", "network", "部门业务专网" } },
    { "S4 hint system s1 network" }, "部门业务专网" },
  { "/rules/S4/internal-system-on-internet-hint", NULL, { { "s1", "network", "互联网" } }, { "S4 hint system s1 network" } },
  { "/rules/S4/public-system-on-internet-passes", NULL, { { "s1", "usage_scope", "社会公众" }, { "s1", "network", "互联网" } }, { NULL } },

  { "/rules/S5/ungraded-system-warns", NULL, { { "s1", "protection_level", "未定级" } }, { "S5 warning system s1 protection_level" } },
  { "/rules/S5/grading-in-progress-passes", NULL, { { "s1", "protection_level", "定级中" } }, { NULL } },

  { "/rules/S6/confirmed-zombie-sharing-unconditionally-warns", s1_confirmed_shut_down, { { NULL } },
    { "S6 warning system s1 -" }, "but 3 of its resources" },
  { "/rules/S6/suspected-zombie-does-not-warn", s1_idle, { { NULL } }, { "Z1 hint system s1 zombie_review" } },
  { "/rules/S6/confirmed-zombie-without-unconditional-resources-passes", s1_confirmed_without_unconditional, { { NULL } }, { NULL } },

  { "/rules/S7/resource-without-system-warns", NULL, { { "r7", "system", NULL } }, { "S7 warning resource r7 system" } },
  { "/rules/S7/system-without-resources-warns", add_empty_system, { { NULL } }, { "S7 warning system s3 -" } },
  { "/rules/S7/secret-resource-without-system-passes", add_secret, { { NULL } }, { NULL } },

  { "/rules/Z1/suspected-zombie-hint", NULL, { { "s2", "last_login", "2026-05-01" } }, { "Z1 hint system s2 zombie_review" }, "2026-05-01" },
  { "/rules/Z1/rejected-zombie-passes", s2_rejected, { { NULL } }, { NULL } },

  { "/rules/SG1/sensitive-item-suggests-conditions", sensitive_item_on_r2, { { NULL } }, { "SG1 hint resource r2 share_type" },
    "citizen ID numbers" },
  { "/rules/SG1/classified-as-suggested-passes", sensitive_item_on_r1, { { NULL } }, { NULL } },
};

static const char *
rule_of_path (const char *path,
              char        buf[16])
{
  const char *start = path + strlen ("/rules/");
  const char *end = strchr (start, '/');

  g_assert_nonnull (end);
  g_assert_cmpint (end - start, <, 16);
  memcpy (buf, start, end - start);
  buf[end - start] = '\0';
  return buf;
}

static gboolean
case_violates (const RuleCase *c,
               const char     *rule)
{
  g_autofree char *prefix = g_strconcat (rule, " ", NULL);

  for (guint i = 0; c->expected[i]; i++)
    if (g_str_has_prefix (c->expected[i], prefix))
      return TRUE;
  return FALSE;
}

static void
test_rule_case (gconstpointer data)
{
  const RuleCase *c = data;
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autofree char *before = findings_text (catalog, MULU_SEVERITY_HINT);
  g_autofree char *found = NULL;
  g_autofree char *expected = expected_text (c->expected);
  char rule[16];

  g_assert_cmpstr (before, ==, "");
  if (c->prepare)
    c->prepare (catalog);
  for (guint i = 0; i < G_N_ELEMENTS (c->edits) && c->edits[i].uid; i++)
    set_field (catalog, c->edits[i].uid, c->edits[i].key, c->edits[i].value);
  mulu_test_validate (catalog);
  found = findings_text (catalog, MULU_SEVERITY_HINT);
  g_assert_cmpstr (found, ==, expected);
  if (c->message_has)
    g_assert_true (some_message_has (catalog, rule_of_path (c->path, rule), c->message_has));
}

/* — Tests that are not field edits ——————————————————————————————— */

static void
test_base_is_clean (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(GError) error = NULL;
  guint64 counts[MULU_N_SEVERITIES];

  g_assert_true (mulu_findings_count (catalog, counts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (counts[MULU_SEVERITY_ERROR], ==, 0);
  g_assert_cmpuint (counts[MULU_SEVERITY_WARNING], ==, 0);
  g_assert_cmpuint (counts[MULU_SEVERITY_HINT], ==, 0);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_SYSTEM, NULL), ==, 2);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_RESOURCE, NULL), ==, 8);
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_ITEM, NULL), ==, 32);
}

static void
test_ids_and_severities (void)
{
  /* In the engine's order; e error, w warning, h hint (domain.md §3). */
  static const char order[] =
    "R1e R2e R3e R4w R5w R6w R7e R8e R9e R10e R11e R12e R13w R14e R15w R16e R17w R18w R19e "
    "C1e C2e S1e S2e S3w S4h S5w S6w S7w Z1h SG1h";
  g_auto(GStrv) rules = g_strsplit (order, " ", -1);
  const char * const *ids = mulu_rules_get_ids ();

  g_assert_cmpuint (g_strv_length ((char **) ids), ==, g_strv_length (rules));
  for (guint i = 0; rules[i]; i++)
    {
      gsize n = strlen (rules[i]) - 1;
      char s = rules[i][n];

      rules[i][n] = '\0';
      g_assert_cmpstr (ids[i], ==, rules[i]);
      g_assert_cmpint (mulu_rules_get_severity (ids[i]), ==,
                       s == 'e' ? MULU_SEVERITY_ERROR : s == 'w' ? MULU_SEVERITY_WARNING : MULU_SEVERITY_HINT);
    }
}

/* Every id the engine knows has a case that breaks it and one that keeps it. */
static void
test_every_rule_has_cases (void)
{
  const char * const *ids = mulu_rules_get_ids ();

  for (guint i = 0; ids[i]; i++)
    {
      gboolean broken = FALSE, kept = FALSE;
      char rule[16];

      for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
        {
          if (!g_str_equal (rule_of_path (cases[c].path, rule), ids[i]))
            continue;
          if (case_violates (&cases[c], ids[i]))
            broken = TRUE;
          else
            kept = TRUE;
        }
      if (!broken || !kept)
        g_error ("rule %s lacks a %s case", ids[i], broken ? "satisfying" : "violating");
    }
}

static void
test_finding_names_the_record (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(GPtrArray) list = NULL;
  MuluFinding *f;

  set_field (catalog, "r7", "share_type", "有条件共享");
  mulu_test_validate (catalog);
  list = mulu_findings_list (catalog, MULU_SEVERITY_HINT, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  f = g_ptr_array_index (list, 0);
  g_assert_cmpstr (f->rule, ==, "R2");
  g_assert_cmpint (f->severity, ==, MULU_SEVERITY_ERROR);
  g_assert_cmpint (f->entity, ==, MULU_ENTITY_RESOURCE);
  g_assert_cmpint (f->record_id, ==, mulu_test_id_of (catalog, "r7"));
  g_assert_cmpstr (f->uid, ==, "r7");
  g_assert_cmpstr (f->name, ==, "测绘成果目录信息");
  g_assert_cmpstr (f->field, ==, "share_condition");
  g_assert_cmpstr (f->message, ==, "Resource “测绘成果目录信息” is shared with conditions but states none; "
                                   "write the condition and what the data may be used for.");
}

/* R19: text with units never reaches the catalog, so never gets truncated. */
static void
test_units_in_numbers_refused (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(MuluRecord) r1 = mulu_test_get_by_uid (catalog, "r1");
  g_autoptr(MuluRecord) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (mulu_record_set_text (r1, MULU_RESOURCE_VOLUME_RECORDS, "100万条", &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "“100万条” is not a number"));
  g_assert_cmpint (mulu_record_get_int (r1, MULU_RESOURCE_VOLUME_RECORDS), ==, 8640);
  stored = mulu_test_get_by_uid (catalog, "r1");
  g_assert_cmpint (mulu_record_get_int (stored, MULU_RESOURCE_VOLUME_RECORDS), ==, 8640);
}

/* S3 counts from MULU_TODAY, not the machine's clock. */
static void
test_future_is_relative_to_today (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autofree char *found = NULL;

  set_field (catalog, "s1", "go_live_date", "2026-11-23");
  mulu_test_validate (catalog);
  found = findings_text (catalog, MULU_SEVERITY_HINT);
  g_assert_cmpstr (found, ==, "S3 warning system s1 go_live_date");
  g_setenv ("MULU_TODAY", "2026-11-23", TRUE);
  mulu_test_validate (catalog);
  g_setenv ("MULU_TODAY", "2026-11-22", TRUE);
  g_clear_pointer (&found, g_free);
  found = findings_text (catalog, MULU_SEVERITY_HINT);
  g_assert_cmpstr (found, ==, "");
}

/* data/samples/README.md lists the sample's deliberate mistakes. */
static void
test_sample_mistakes (void)
{
  static const char * const expected[] = {
    "R2 error resource r36 share_condition", "R3 error resource r52 share_basis", "R5 warning resource r9 share_type",
    "R7 error resource r6 open_type", "R13 warning resource r42 share_method_type", "R17 warning resource r28 name",
    "R17 warning resource r29 name", "R18 warning resource r32 name", "S7 warning resource r61 system",
    "S7 warning resource r62 system", NULL
  };
  static const char * const hints[] = {
    "Z1 hint system s10 zombie_review", "Z1 hint system s11 zombie_review", "Z1 hint system s12 zombie_review", NULL
  };
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) hint_lines = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *found = NULL;
  g_autofree char *want = expected_text (expected);
  g_autofree char *found_hints = NULL;
  g_autofree char *want_hints = expected_text (hints);

  mulu_test_validate (catalog);
  found = findings_text (catalog, MULU_SEVERITY_WARNING);
  g_assert_cmpstr (found, ==, want);

  /* Other hints (SG1) are test-suggest's business. */
  list = mulu_findings_list (catalog, MULU_SEVERITY_HINT, NULL);
  for (guint i = 0; i < list->len; i++)
    {
      MuluFinding *f = g_ptr_array_index (list, i);
      if (g_str_equal (f->rule, "Z1"))
        g_ptr_array_add (hint_lines, format_finding (f));
    }
  found_hints = join_sorted (hint_lines);
  g_assert_cmpstr (found_hints, ==, want_hints);
  g_assert_true (some_message_has (catalog, "Z1", "last login 2024-01-15"));
}

int
main (int argc, char **argv)
{
  g_setenv ("MULU_TODAY", "2026-11-22", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/rules/base/clean-package-has-no-findings", test_base_is_clean);
  g_test_add_func ("/rules/ids/list-and-severities", test_ids_and_severities);
  g_test_add_func ("/rules/ids/every-rule-has-violating-and-satisfying-cases", test_every_rule_has_cases);
  g_test_add_func ("/rules/finding/names-rule-record-and-field", test_finding_names_the_record);
  g_test_add_func ("/rules/R19/text-with-units-refused", test_units_in_numbers_refused);
  g_test_add_func ("/rules/S3/future-is-relative-to-mulu-today", test_future_is_relative_to_today);
  g_test_add_func ("/rules/sample/deliberate-mistakes-found", test_sample_mistakes);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], test_rule_case);

  return g_test_run ();
}
