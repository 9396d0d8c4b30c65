/* test-zombie.c — the five criteria at their thresholds, the thresholds
 * stored in the catalog, and the clerk's review (S2, Z1)
 *
 * Today is 2026-11-22 (MULU_TODAY). System s1 of
 * tests/fixtures/rules/base.jsonl meets no criterion; each case changes one
 * piece of its evidence.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-test-util.h"

#define TODAY "2026-11-22"

static MuluCatalog *
import_base_at (const char *path)
{
  g_autofree char *package = mulu_test_fixture ("rules/base.jsonl");
  g_autoptr(GError) error = NULL;
  MuluCatalog *catalog = mulu_catalog_create (path, &error);

  g_assert_no_error (error);
  g_assert_true (mulu_package_import (catalog, package, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  mulu_test_validate (catalog);
  return catalog;
}

static MuluCatalog *
import_base (void)
{
  g_autofree char *path = mulu_test_path ("zombie.mulu");
  return import_base_at (path);
}

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

static GPtrArray *
assess (MuluCatalog          *catalog,
        const char           *uid,
        MuluZombieThresholds *custom)
{
  g_autoptr(MuluRecord) system = mulu_test_get_by_uid (catalog, uid);
  MuluZombieThresholds t;
  GPtrArray *hits;

  mulu_zombie_thresholds_defaults (&t);
  hits = mulu_zombie_assess (catalog, system, custom ? custom : &t, TODAY);
  mulu_zombie_thresholds_clear (&t);
  return hits;
}

/* The rules of a system's stored findings, e.g. "S2 S6", without a run. */
static char *
rules_of (MuluCatalog *catalog,
          const char  *uid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = mulu_findings_for_record (catalog, mulu_test_entity_of_uid (uid), mulu_test_id_of (catalog, uid), &error);
  g_autoptr(GString) out = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    g_string_append_printf (out, "%s%s", out->len ? " " : "", ((MuluFinding *) g_ptr_array_index (list, i))->rule);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char *
message_of (MuluCatalog *catalog,
            const char  *uid,
            const char  *rule,
            GPtrArray  **keep)
{
  *keep = mulu_findings_for_record (catalog, mulu_test_entity_of_uid (uid), mulu_test_id_of (catalog, uid), NULL);
  for (guint i = 0; i < (*keep)->len; i++)
    {
      MuluFinding *f = g_ptr_array_index (*keep, i);
      if (g_str_equal (f->rule, rule))
        return f->message;
    }
  return NULL;
}

#define ASSERT_RULES(catalog, uid, expected) \
  G_STMT_START { g_autofree char *_r = rules_of (catalog, uid); g_assert_cmpstr (_r, ==, expected); } G_STMT_END

/* — The criteria at their boundaries ————————————————————————————— */

typedef struct {
  const char *path;
  const char *key;
  const char *value;
  const char *key2;            /* a second field, or NULL */
  const char *value2;
  int         criterion;       /* MuluZombieCriterion, or -1 for no hit */
  const char *reason;          /* the whole reason */
} Boundary;

static const Boundary boundaries[] = {
  { "/zombie/idle/login-exactly-6-months-ago-hits", "last_login", "2026-05-22", NULL, NULL,
    MULU_ZOMBIE_IDLE, "last login 2026-05-22, no one has logged in for 6 months" },
  { "/zombie/idle/login-a-day-under-6-months-passes", "last_login", "2026-05-23", NULL, NULL, -1, NULL },
  { "/zombie/idle/utilisation-5-passes", "utilization_percent", "5", NULL, NULL, -1, NULL },
  { "/zombie/idle/utilisation-4.9-hits", "utilization_percent", "4.9", NULL, NULL,
    MULU_ZOMBIE_IDLE, "resource utilisation 4.9 %, below 5 %" },
  { "/zombie/disconnected/business-use-exactly-12-months-ago-hits", "last_business_use", "2025-11-22", NULL, NULL,
    MULU_ZOMBIE_DISCONNECTED, "last business use 2025-11-22, 12 months ago" },
  { "/zombie/disconnected/business-use-a-day-under-12-months-passes", "last_business_use", "2025-11-23", NULL, NULL, -1, NULL },
  { "/zombie/disconnected/no-longer-supports-duties-hits", "supports_current_duties", "否", NULL, NULL,
    MULU_ZOMBIE_DISCONNECTED, "the clerk says it no longer supports current duties" },
  { "/zombie/unmaintained/update-exactly-24-months-ago-hits", "last_update", "2024-11-22", NULL, NULL,
    MULU_ZOMBIE_UNMAINTAINED, "last updated 2024-11-22, 24 months ago" },
  { "/zombie/unmaintained/update-a-day-under-24-months-passes", "last_update", "2024-11-23", NULL, NULL, -1, NULL },
  { "/zombie/unmaintained/contract-ended-yesterday-hits", "om_contract_end", "2026-11-21", NULL, NULL,
    MULU_ZOMBIE_UNMAINTAINED, "O&M contract ended 2026-11-21" },
  { "/zombie/unmaintained/contract-ending-today-passes", "om_contract_end", "2026-11-22", NULL, NULL, -1, NULL },
  { "/zombie/unmaintained/no-om-cost-hits", "annual_om_cost", "0", NULL, NULL,
    MULU_ZOMBIE_UNMAINTAINED, "annual O&M cost is 0" },
  { "/zombie/narrow/5-users-monthly-hits", "user_count", "5", "usage_frequency", "每月",
    MULU_ZOMBIE_NARROW, "5 users, used 每月" },
  { "/zombie/narrow/6-users-monthly-passes", "user_count", "6", "usage_frequency", "每月", -1, NULL },
  { "/zombie/narrow/5-users-weekly-passes", "user_count", "5", "usage_frequency", "每周", -1, NULL },
  { "/zombie/narrow/1-user-rarely-hits", "user_count", "1", "usage_frequency", "极少使用",
    MULU_ZOMBIE_NARROW, "1 users, used 极少使用" },
  { "/zombie/replaceable/replaced-by-set-hits", "replaced_by", "s2", NULL, NULL,
    MULU_ZOMBIE_REPLACEABLE, "its function is covered by “地理信息公共服务平台”" },
};

static void
test_boundary (gconstpointer data)
{
  const Boundary *b = data;
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) keep = NULL;
  const char *z1;

  set_field (catalog, "s1", b->key, b->value);
  if (b->key2)
    set_field (catalog, "s1", b->key2, b->value2);
  hits = assess (catalog, "s1", NULL);
  mulu_test_validate (catalog);
  z1 = message_of (catalog, "s1", "Z1", &keep);

  if (b->criterion < 0)
    {
      g_assert_cmpuint (hits->len, ==, 0);
      g_assert_null (z1);
      return;
    }
  g_assert_cmpuint (hits->len, ==, 1);
  g_assert_cmpint (((MuluZombieHit *) g_ptr_array_index (hits, 0))->criterion, ==, b->criterion);
  g_assert_cmpstr (((MuluZombieHit *) g_ptr_array_index (hits, 0))->reason, ==, b->reason);
  /* The hint names the criterion and carries the evidence. */
  g_assert_nonnull (z1);
  g_assert_nonnull (strstr (z1, mulu_zombie_criterion_label (b->criterion)));
  g_assert_nonnull (strstr (z1, b->reason));
}

/* Every criterion met is listed, each once, with all its reasons. */
static void
test_every_reason_listed (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) keep = NULL;
  MuluZombieHit *h;

  set_field (catalog, "s1", "last_login", "2025-01-10");
  set_field (catalog, "s1", "utilization_percent", "2");
  set_field (catalog, "s1", "user_count", "3");
  set_field (catalog, "s1", "usage_frequency", "每季度");
  hits = assess (catalog, "s1", NULL);
  g_assert_cmpuint (hits->len, ==, 2);
  h = g_ptr_array_index (hits, 0);
  g_assert_cmpint (h->criterion, ==, MULU_ZOMBIE_IDLE);
  g_assert_cmpstr (h->reason, ==, "last login 2025-01-10, no one has logged in for 22 months; resource utilisation 2 %, below 5 %");
  h = g_ptr_array_index (hits, 1);
  g_assert_cmpint (h->criterion, ==, MULU_ZOMBIE_NARROW);
  g_assert_cmpstr (h->reason, ==, "3 users, used 每季度");
  g_assert_cmpstr (message_of (catalog, "s1", "Z1", &keep), ==,
                   "System “建设用地审批管理系统” may be a zombie: Resources idle（last login 2025-01-10, no one has logged in for"
                   " 22 months; resource utilisation 2 %, below 5 %）; Few users, rarely used（3 users, used 每季度）."
                   " Confirm or reject it.");
}

/* — Thresholds ——————————————————————————————————————————————— */

static void
test_thresholds_persist (void)
{
  g_autofree char *path = mulu_test_path ("thresholds.mulu");
  g_autoptr(MuluCatalog) catalog = import_base_at (path);
  g_autoptr(GError) error = NULL;
  MuluZombieThresholds t;

  set_field (catalog, "s1", "last_login", "2026-08-22");
  ASSERT_RULES (catalog, "s1", "");
  ASSERT_RULES (catalog, "s2", "");

  mulu_zombie_thresholds_load (catalog, &t);
  g_assert_cmpint (t.login_idle_months, ==, 6);
  t.login_idle_months = 3;
  t.min_utilization = 40;
  g_free (t.rare_frequencies);
  t.rare_frequencies = g_strdup ("每周,每月");
  t.max_users = 100;
  g_assert_true (mulu_zombie_thresholds_save (catalog, &t, &error));
  g_assert_no_error (error);
  mulu_zombie_thresholds_clear (&t);

  {
    sqlite3_stmt *stmt = NULL;
    g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), "SELECT COUNT(*) FROM change_log"
                                         " WHERE op = 'settings' AND field = 'zombie_thresholds'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
    sqlite3_finalize (stmt);
  }
  /* Saving re-checks at once: s1 is now idle (3 months), s2 is idle
   * (38.5 % < 40 %) and narrow (85 users ≤ 100, weekly). */
  ASSERT_RULES (catalog, "s1", "Z1");
  ASSERT_RULES (catalog, "s2", "Z1");
  g_assert_true (mulu_catalog_close (catalog, &error));
  g_assert_no_error (error);
  g_clear_object (&catalog);

  catalog = mulu_catalog_open (path, &error);
  g_assert_no_error (error);
  mulu_zombie_thresholds_load (catalog, &t);
  g_assert_cmpint (t.business_idle_months, ==, 12);
  g_assert_cmpint (t.login_idle_months, ==, 3);
  g_assert_cmpfloat (t.min_utilization, ==, 40.0);
  g_assert_cmpint (t.update_idle_months, ==, 24);
  g_assert_cmpint (t.max_users, ==, 100);
  g_assert_cmpstr (t.rare_frequencies, ==, "每周,每月");
  {
    g_autoptr(GPtrArray) hits = assess (catalog, "s2", &t);
    g_assert_cmpuint (hits->len, ==, 2);
    g_assert_cmpstr (((MuluZombieHit *) g_ptr_array_index (hits, 0))->reason, ==, "resource utilisation 38.5 %, below 40 %");
    g_assert_cmpstr (((MuluZombieHit *) g_ptr_array_index (hits, 1))->reason, ==, "85 users, used 每周");
  }
  mulu_zombie_thresholds_clear (&t);
  mulu_test_validate (catalog);
  ASSERT_RULES (catalog, "s1", "Z1");
  ASSERT_RULES (catalog, "s2", "Z1");

  /* Back to the defaults: nothing is a zombie any more. */
  mulu_zombie_thresholds_defaults (&t);
  g_assert_true (mulu_zombie_thresholds_save (catalog, &t, &error));
  g_assert_no_error (error);
  mulu_zombie_thresholds_clear (&t);
  ASSERT_RULES (catalog, "s1", "");
  ASSERT_RULES (catalog, "s2", "");
}

/* — The clerk's review ——————————————————————————————————————————— */

static void
review (MuluCatalog *catalog,
        const char  *uid,
        const char  *decision,
        const char  *disposition,
        const char  *planned_date,
        const char  *note)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_zombie_set_review (catalog, mulu_test_id_of (catalog, uid), decision, disposition, planned_date, note, &error));
  g_assert_no_error (error);
}

/* s1 idle, and none of its resources shared unconditionally (no S6). */
static MuluCatalog *
suspected (void)
{
  MuluCatalog *catalog = import_base ();

  set_field (catalog, "s1", "last_login", "2024-01-15");
  for (guint i = 2; i <= 4; i++)
    {
      g_autofree char *uid = g_strdup_printf ("r%u", i);
      g_autoptr(GError) error = NULL;
      g_assert_true (mulu_catalog_delete (catalog, MULU_ENTITY_RESOURCE, mulu_test_id_of (catalog, uid), &error));
      g_assert_no_error (error);
    }
  ASSERT_RULES (catalog, "s1", "Z1");
  return catalog;
}

static void
test_confirm_without_disposition (void)
{
  g_autoptr(MuluCatalog) catalog = suspected ();
  g_autoptr(GPtrArray) keep = NULL;

  review (catalog, "s1", "confirmed", NULL, NULL, NULL);
  ASSERT_RULES (catalog, "s1", "S2");
  g_assert_cmpstr (message_of (catalog, "s1", "S2", &keep), ==,
                   "System “建设用地审批管理系统” is confirmed as a zombie but has no disposition or planned date;"
                   " choose 整合, 迁移, 关停下线 or 暂缓 and the date.");
  review (catalog, "s1", "confirmed", "关停下线", NULL, NULL);
  ASSERT_RULES (catalog, "s1", "S2");
  mulu_test_validate (catalog);
  ASSERT_RULES (catalog, "s1", "S2");
}

static void
test_confirm_with_disposition (void)
{
  g_autoptr(MuluCatalog) catalog = suspected ();
  g_autoptr(MuluZombieReview) r = NULL;

  review (catalog, "s1", "confirmed", "关停下线", "2027-06-30", NULL);
  ASSERT_RULES (catalog, "s1", "");
  mulu_test_validate (catalog);
  ASSERT_RULES (catalog, "s1", "");
  r = mulu_zombie_get_review (catalog, mulu_test_id_of (catalog, "s1"));
  g_assert_cmpstr (r->decision, ==, "confirmed");
  g_assert_cmpstr (r->disposition, ==, "关停下线");
  g_assert_cmpstr (r->planned_date, ==, "2027-06-30");
  g_assert_null (r->note);
  g_assert_cmpstr (r->decided_by, ==, mulu_catalog_get_user (catalog));
  g_assert_nonnull (r->decided_at);
}

static void
test_postpone_needs_note (void)
{
  g_autoptr(MuluCatalog) catalog = suspected ();
  g_autoptr(GPtrArray) keep = NULL;

  review (catalog, "s1", "confirmed", "暂缓", "2027-12-31", NULL);
  ASSERT_RULES (catalog, "s1", "S2");
  g_assert_nonnull (strstr (message_of (catalog, "s1", "S2", &keep), "postponed (暂缓)"));
  review (catalog, "s1", "confirmed", "暂缓", "2027-12-31", "   ");
  mulu_test_validate (catalog);
  ASSERT_RULES (catalog, "s1", "S2");
  review (catalog, "s1", "confirmed", "暂缓", "2027-12-31", "待省级统建系统上线后迁移数据再关停");
  ASSERT_RULES (catalog, "s1", "");
}

static void
test_confirm_without_criterion (void)
{
  g_autoptr(MuluCatalog) catalog = suspected ();
  g_autoptr(GPtrArray) keep = NULL;

  set_field (catalog, "s1", "last_login", "2026-11-20");
  ASSERT_RULES (catalog, "s1", "");
  review (catalog, "s1", "confirmed", "整合", "2027-06-30", NULL);
  ASSERT_RULES (catalog, "s1", "S2");
  g_assert_nonnull (strstr (message_of (catalog, "s1", "S2", &keep), "meets none of the five criteria"));
  mulu_test_validate (catalog);
  ASSERT_RULES (catalog, "s1", "S2");
  /* Recording the evidence settles it. */
  set_field (catalog, "s1", "replaced_by", "s2");
  ASSERT_RULES (catalog, "s1", "");
}

static void
test_rejected_has_no_z1 (void)
{
  g_autoptr(MuluCatalog) catalog = suspected ();

  review (catalog, "s1", "rejected", NULL, NULL, "登录日志迁移遗漏，系统仍每日使用");
  ASSERT_RULES (catalog, "s1", "");
  mulu_test_validate (catalog);
  ASSERT_RULES (catalog, "s1", "");
  /* Clearing the decision makes it a suspect again. */
  review (catalog, "s1", NULL, NULL, NULL, NULL);
  ASSERT_RULES (catalog, "s1", "Z1");
}

static void
test_review_refuses_nonsense (void)
{
  g_autoptr(MuluCatalog) catalog = suspected ();
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluZombieReview) r = NULL;

  g_assert_false (mulu_zombie_set_review (catalog, mulu_test_id_of (catalog, "s1"), "maybe", NULL, NULL, NULL, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (mulu_zombie_set_review (catalog, mulu_test_id_of (catalog, "s1"), "confirmed", "关停下线", "明年六月", NULL, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  r = mulu_zombie_get_review (catalog, mulu_test_id_of (catalog, "s1"));
  g_assert_null (r->decision);
  ASSERT_RULES (catalog, "s1", "Z1");
}

static char *
review_log (MuluCatalog *catalog)
{
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);

  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                                       "SELECT op, entity, record_uid, field, old_value, new_value, who FROM change_log"
                                       " WHERE field LIKE 'zombie_review.%' ORDER BY id", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 7; c++)
        {
          const char *v = (const char *) sqlite3_column_text (stmt, c);
          g_string_append_printf (out, "%s%s", c ? " " : "", v ? v : "∅");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static void
test_review_logged (void)
{
  g_autoptr(MuluCatalog) catalog = suspected ();
  g_autofree char *log = NULL;
  g_autofree char *expected = NULL;
  const char *who;

  mulu_catalog_set_user (catalog, "陈晓玲");
  who = mulu_catalog_get_user (catalog);
  review (catalog, "s1", "confirmed", "暂缓", "2027-12-31", "等待数据迁移");
  review (catalog, "s1", "rejected", "暂缓", "2027-12-31", "等待数据迁移");
  review (catalog, "s1", "rejected", "暂缓", "2027-12-31", "等待数据迁移");
  log = review_log (catalog);
  expected = g_strdup_printf ("update system s1 zombie_review.decision ∅ confirmed %s\n"
                              "update system s1 zombie_review.disposition ∅ 暂缓 %s\n"
                              "update system s1 zombie_review.planned_date ∅ 2027-12-31 %s\n"
                              "update system s1 zombie_review.note ∅ 等待数据迁移 %s\n"
                              "update system s1 zombie_review.decision confirmed rejected %s\n",
                              who, who, who, who, who);
  g_assert_cmpstr (log, ==, expected);
}

/* S6 names the resources to revisit: those still shared unconditionally. */
static void
test_shared_resources_listed (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(GArray) s1 = NULL;
  g_autoptr(GArray) s2 = NULL;
  g_autoptr(GError) error = NULL;

  s1 = mulu_zombie_list_shared_resources (catalog, mulu_test_id_of (catalog, "s1"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s1->len, ==, 3);
  g_assert_cmpint (g_array_index (s1, gint64, 0), ==, mulu_test_id_of (catalog, "r2"));
  g_assert_cmpint (g_array_index (s1, gint64, 1), ==, mulu_test_id_of (catalog, "r3"));
  g_assert_cmpint (g_array_index (s1, gint64, 2), ==, mulu_test_id_of (catalog, "r4"));
  /* r8, not shared, is left out. */
  s2 = mulu_zombie_list_shared_resources (catalog, mulu_test_id_of (catalog, "s2"), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (s2->len, ==, 3);
}

static void
on_changed (MuluCatalog *catalog,
            guint        entity,
            gint64       id,
            guint        change,
            guint       *resets)
{
  if (entity == MULU_ENTITY_SYSTEM && change == MULU_CHANGE_RESET)
    (*resets)++;
}

/* Any system may become or stop being a suspect: listeners re-read them. */
static void
test_thresholds_save_announces_reset (void)
{
  g_autoptr(MuluCatalog) catalog = import_base ();
  g_autoptr(GError) error = NULL;
  MuluZombieThresholds t;
  guint resets = 0;

  g_signal_connect (catalog, "changed", G_CALLBACK (on_changed), &resets);
  mulu_zombie_thresholds_load (catalog, &t);
  t.max_users = 3;
  g_assert_true (mulu_zombie_thresholds_save (catalog, &t, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (resets, ==, 1);
  mulu_zombie_thresholds_clear (&t);
}

int
main (int argc, char **argv)
{
  g_setenv ("MULU_TODAY", TODAY, TRUE);
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (boundaries); i++)
    g_test_add_data_func (boundaries[i].path, &boundaries[i], test_boundary);
  g_test_add_func ("/zombie/every-criterion-and-reason-listed", test_every_reason_listed);
  g_test_add_func ("/zombie/thresholds/saved-persist-across-reopen-and-change-result", test_thresholds_persist);
  g_test_add_func ("/zombie/review/confirmed-without-disposition-is-S2", test_confirm_without_disposition);
  g_test_add_func ("/zombie/review/confirmed-with-disposition-and-date-passes", test_confirm_with_disposition);
  g_test_add_func ("/zombie/review/postponed-needs-note", test_postpone_needs_note);
  g_test_add_func ("/zombie/review/confirmed-without-criterion-is-S2", test_confirm_without_criterion);
  g_test_add_func ("/zombie/review/rejected-has-no-Z1", test_rejected_has_no_z1);
  g_test_add_func ("/zombie/review/refuses-unknown-decision-and-bad-date", test_review_refuses_nonsense);
  g_test_add_func ("/zombie/review/changes-logged", test_review_logged);
  g_test_add_func ("/zombie/S6/shared-resources-listed", test_shared_resources_listed);
  g_test_add_func ("/zombie/thresholds/save-announces-reset", test_thresholds_save_announces_reset);

  return g_test_run ();
}
