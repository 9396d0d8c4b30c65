/* test-log.c — the hash-chained change log: tampering found at the exact
 * entry, agreement with the data, history through a package
 *
 * Tampering is done the way someone would do it: with the sqlite3 shell
 * on the closed file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-catalog-private.h"
#include "mulu-log-private.h"
#include "mulu-test-util.h"

/* The package id of the resource edited_catalog() changes. */
static char *r1;

/* A small generated catalog that validates clean (so it can be
 * submitted), and four edits of its first resource. */
static MuluCatalog *
edited_catalog (void)
{
  g_autofree char *path = mulu_test_path ("log.mulu");
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) r = NULL;
  MuluCatalog *catalog = mulu_catalog_create (path, &error);               /* 1 create */
  MuluGenerateOptions o;

  g_assert_no_error (error);
  mulu_catalog_set_user (catalog, "张三");
  mulu_generate_options_init (&o);
  o.departments = 1;
  o.systems = 2;
  o.resources = 3;
  o.items = 2;
  o.zombie_share = 0;
  g_assert_true (mulu_generate (catalog, &o, NULL, NULL, NULL, &error));   /* 2 generate */
  g_assert_no_error (error);

  r = mulu_catalog_get (catalog, MULU_ENTITY_RESOURCE, 1, &error);
  g_free (r1);
  r1 = g_strdup (mulu_record_get_uid (r));
  mulu_record_set_string (r, MULU_RESOURCE_NAME, "土地供应信息");
  g_assert_true (mulu_catalog_update (catalog, r, &error));               /* 3 */
  mulu_record_set_string (r, MULU_RESOURCE_NAME, "土地供应结果信息");
  mulu_record_set_string (r, MULU_RESOURCE_SUMMARY, "宗地位置、面积和用途。");
  g_assert_true (mulu_catalog_update (catalog, r, &error));               /* 4 name, 5 summary */
  mulu_record_set_string (r, MULU_RESOURCE_UPDATE_CYCLE, "每月");
  g_assert_true (mulu_catalog_update (catalog, r, &error));               /* 6 */
  g_assert_no_error (error);
  g_assert_cmpint (mulu_log_count (catalog, NULL), ==, 6);
  return catalog;
}

static MuluLogBreak *
verify (MuluCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  MuluLogBreak *brk = NULL;

  g_assert_true (mulu_catalog_verify (catalog, &brk, &error));
  g_assert_no_error (error);
  return brk;
}

/* Closes the catalog, runs sql in the sqlite3 shell, opens it again. */
static MuluCatalog *
tamper (MuluCatalog *catalog,
        const char  *sql)
{
  g_autofree char *path = g_strdup (mulu_catalog_get_path (catalog));
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_nonnull (sqlite3);
  g_assert_true (mulu_catalog_close (catalog, &error));
  g_object_unref (catalog);
  {
    const char *argv[] = { sqlite3, path, sql, NULL };
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }
  catalog = mulu_catalog_open (path, &error);
  g_assert_no_error (error);
  return catalog;
}

static gboolean
have_sqlite3 (void)
{
  g_autofree char *sqlite3 = g_find_program_in_path ("sqlite3");

  if (sqlite3 == NULL)
    g_test_skip ("the sqlite3 shell is not installed");
  return sqlite3 != NULL;
}

static void
test_chain_intact_after_edits (void)
{
  g_autoptr(MuluCatalog) catalog = edited_catalog ();
  g_autoptr(MuluLogBreak) brk = verify (catalog);
  g_autoptr(GPtrArray) log = mulu_log_list (catalog, NULL, NULL);

  g_assert_null (brk);
  g_assert_cmpuint (log->len, ==, 6);
  for (guint i = 0; i < log->len; i++)
    {
      MuluLogEntry *e = g_ptr_array_index (log, i);
      g_assert_cmpint (e->id, ==, i + 1);
      g_assert_cmpuint (strlen (e->hash), ==, 64);
    }
  /* Each entry's hash covers the one before. */
  {
    MuluLogEntry *e4 = g_ptr_array_index (log, 3);
    MuluLogEntry *e3 = g_ptr_array_index (log, 2);
    const char *texts[MULU_LOG_N_TEXTS] = { e4->at, e4->who, e4->op, e4->entity, e4->record_uid, e4->field,
                                            e4->old_value, e4->new_value, e4->details };
    g_autofree char *hash = mulu_log_hash (4, texts, e3->hash);
    g_autofree char *other = mulu_log_hash (4, texts, e4->hash);

    g_assert_cmpstr (e4->op, ==, "update");
    g_assert_cmpstr (e4->who, ==, "张三");
    g_assert_cmpstr (e4->entity, ==, "resource");
    g_assert_cmpstr (e4->record_uid, ==, r1);
    g_assert_cmpstr (e4->field, ==, "name");
    g_assert_cmpstr (e4->old_value, ==, "土地供应信息");
    g_assert_cmpstr (e4->new_value, ==, "土地供应结果信息");
    g_assert_cmpstr (hash, ==, e4->hash);
    g_assert_cmpstr (other, !=, e4->hash);
  }
}

static void
test_altered_entry_caught (void)
{
  MuluCatalog *catalog;
  g_autoptr(MuluLogBreak) brk = NULL;

  if (!have_sqlite3 ())
    return;
  catalog = tamper (edited_catalog (), "UPDATE change_log SET old_value = '土地出让信息' WHERE id = 4");
  brk = verify (catalog);
  g_assert_nonnull (brk);
  g_assert_cmpint (brk->problem, ==, MULU_LOG_ALTERED);
  g_assert_cmpint (brk->entry, ==, 4);
  g_assert_cmpstr (brk->message, ==, "Entry 4 of the change log was altered after it was written.");
  g_object_unref (catalog);
}

static void
test_deleted_entry_caught (void)
{
  MuluCatalog *catalog;
  g_autoptr(MuluLogBreak) brk = NULL;

  if (!have_sqlite3 ())
    return;
  catalog = tamper (edited_catalog (), "DELETE FROM change_log WHERE id = 3");
  brk = verify (catalog);
  g_assert_nonnull (brk);
  g_assert_cmpint (brk->problem, ==, MULU_LOG_DELETED);
  g_assert_cmpint (brk->entry, ==, 3);
  g_assert_cmpstr (brk->message, ==, "Entry 3 of the change log was deleted.");
  g_object_unref (catalog);
}

static void
test_last_entries_deleted_caught (void)
{
  MuluCatalog *catalog;
  g_autoptr(MuluLogBreak) brk = NULL;

  if (!have_sqlite3 ())
    return;
  catalog = tamper (edited_catalog (), "DELETE FROM change_log WHERE id >= 5");
  brk = verify (catalog);
  g_assert_nonnull (brk);
  g_assert_cmpint (brk->problem, ==, MULU_LOG_TRUNCATED);
  g_assert_cmpint (brk->entry, ==, 5);
  g_object_unref (catalog);
}

/* Someone who knows the format can give an altered entry a fitting hash;
 * the next entry still names the old one. */
static void
test_rehashed_entry_caught (void)
{
  g_autoptr(MuluCatalog) catalog = edited_catalog ();
  g_autoptr(MuluLogBreak) brk = NULL;

  g_assert_cmpint (sqlite3_exec (mulu_catalog_get_db (catalog),
                                 "UPDATE change_log SET who = '王五',"
                                 " hash = mulu_log_hash (id, at, '王五', op, entity, record_uid, field, old_value, new_value, details, prev_hash)"
                                 " WHERE id = 4", NULL, NULL, NULL), ==, SQLITE_OK);
  brk = verify (catalog);
  g_assert_nonnull (brk);
  g_assert_cmpint (brk->problem, ==, MULU_LOG_UNLINKED);
  g_assert_cmpint (brk->entry, ==, 5);
}

static void
test_data_changed_outside_caught (void)
{
  MuluCatalog *catalog;
  g_autoptr(MuluLogBreak) brk = NULL;
  g_autofree char *sql = NULL;

  if (!have_sqlite3 ())
    return;
  catalog = edited_catalog ();
  sql = g_strdup_printf ("UPDATE resources SET update_cycle = '每年' WHERE uid = '%s'", r1);
  catalog = tamper (catalog, sql);
  brk = verify (catalog);
  g_assert_nonnull (brk);
  g_assert_cmpint (brk->problem, ==, MULU_LOG_DISAGREES);
  g_assert_cmpint (brk->entry, ==, 6);
  g_assert_nonnull (strstr (brk->message, "“每月”"));
  g_assert_nonnull (strstr (brk->message, "“每年”"));
  g_object_unref (catalog);
}

static void
test_submitted_state_agrees (void)
{
  MuluCatalog *catalog = edited_catalog ();
  g_autoptr(MuluLogBreak) brk = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_sqlite3 ())
    {
      g_object_unref (catalog);
      return;
    }
  /* Unfreezing by hand, without the recorded reopening. */
  g_assert_true (mulu_catalog_submit (catalog, &error));
  g_assert_no_error (error);
  catalog = tamper (catalog, "UPDATE meta SET value = 'draft' WHERE key = 'review.state'");
  g_assert_false (mulu_catalog_is_submitted (catalog));
  brk = verify (catalog);
  g_assert_nonnull (brk);
  g_assert_cmpint (brk->problem, ==, MULU_LOG_DISAGREES);
  g_assert_cmpint (brk->entry, ==, 7);
  g_object_unref (catalog);
}

static void
test_history_survives_package_round_trip (void)
{
  g_autoptr(MuluCatalog) a = edited_catalog ();
  g_autoptr(MuluCatalog) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) log_a = NULL;
  g_autoptr(GPtrArray) log_b = NULL;
  g_autoptr(GPtrArray) r1_b = NULL;
  g_autoptr(MuluImportReport) report = NULL;
  g_autoptr(MuluReview) review = NULL;
  g_autoptr(MuluLogBreak) brk = NULL;
  g_autofree char *package = mulu_test_path ("history.jsonl");
  g_autofree char *path_b = mulu_test_path ("b.mulu");
  g_autoptr(MuluRecord) resource = mulu_catalog_get_by_uid (a, MULU_ENTITY_RESOURCE, r1, NULL);

  /* A submitted catalog with one decision, sent on as a package. */
  g_assert_true (mulu_catalog_submit (a, &error));
  mulu_catalog_set_user (a, "李四");
  g_assert_true (mulu_review_return (a, MULU_ENTITY_RESOURCE, mulu_record_get_id (resource), "摘要请写明数据项", &error));
  g_assert_true (mulu_package_export (a, package, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  log_a = mulu_log_list (a, NULL, &error);
  g_assert_cmpuint (log_a->len, ==, 8);

  b = mulu_catalog_create (path_b, &error);
  g_assert_no_error (error);
  g_assert_true (mulu_package_import (b, package, &report, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report->changes, ==, 8);

  /* b's own creation, then a's history as it was, then the import. */
  log_b = mulu_log_list (b, NULL, &error);
  g_assert_cmpuint (log_b->len, ==, 1 + 8 + 1);
  g_assert_cmpstr (((MuluLogEntry *) g_ptr_array_index (log_b, 0))->op, ==, "create");
  for (guint i = 0; i < log_a->len; i++)
    {
      MuluLogEntry *ea = g_ptr_array_index (log_a, i);
      MuluLogEntry *eb = g_ptr_array_index (log_b, i + 1);
      g_assert_cmpstr (eb->at, ==, ea->at);
      g_assert_cmpstr (eb->who, ==, ea->who);
      g_assert_cmpstr (eb->op, ==, ea->op);
      g_assert_cmpstr (eb->entity, ==, ea->entity);
      g_assert_cmpstr (eb->record_uid, ==, ea->record_uid);
      g_assert_cmpstr (eb->field, ==, ea->field);
      g_assert_cmpstr (eb->old_value, ==, ea->old_value);
      g_assert_cmpstr (eb->new_value, ==, ea->new_value);
      g_assert_cmpstr (eb->details, ==, ea->details);
    }
  g_assert_cmpstr (((MuluLogEntry *) g_ptr_array_index (log_b, 9))->op, ==, "import");
  g_assert_nonnull (strstr (((MuluLogEntry *) g_ptr_array_index (log_b, 9))->details, "\"changes\":8"));

  /* One record's history, the review that travelled with it, and the
   * catalog still submitted, as its history says. */
  r1_b = mulu_log_list (b, r1, &error);
  g_assert_cmpuint (r1_b->len, ==, 5);   /* name, name, summary, update cycle, review */
  g_clear_object (&resource);
  resource = mulu_catalog_get_by_uid (b, MULU_ENTITY_RESOURCE, r1, &error);
  review = mulu_review_get (b, MULU_ENTITY_RESOURCE, mulu_record_get_id (resource), &error);
  g_assert_cmpint (review->state, ==, MULU_REVIEW_RETURNED);
  g_assert_cmpstr (review->comment, ==, "摘要请写明数据项");
  g_assert_cmpstr (review->reviewer, ==, "李四");
  g_assert_true (mulu_catalog_is_submitted (b));
  brk = verify (b);
  g_assert_null (brk);
}

static void
test_secret_history_stays (void)
{
  g_autoptr(MuluCatalog) catalog = edited_catalog ();
  g_autoptr(MuluRecord) r = mulu_catalog_get_by_uid (catalog, MULU_ENTITY_RESOURCE, r1, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *package = mulu_test_path ("secret.jsonl");
  g_autofree char *contents = NULL;
  g_autofree char *named = g_strdup_printf ("\"record\":\"%s\"", r1);

  mulu_record_set_string (r, MULU_RESOURCE_SECRECY, "涉密");
  mulu_record_set_string (r, MULU_RESOURCE_SHARE_TYPE, "不予共享");
  g_assert_true (mulu_catalog_update (catalog, r, &error));
  g_assert_true (mulu_package_export (catalog, package, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  contents = mulu_test_read_file (package);
  g_assert_nonnull (strstr (contents, "{\"kind\":\"change\""));
  g_assert_null (strstr (contents, named));
  g_assert_null (strstr (contents, "宗地位置"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Generated dates are checked against this day. */
  g_setenv ("MULU_TODAY", "2026-11-22", TRUE);
  g_test_add_func ("/core/log/chain-intact-after-edits", test_chain_intact_after_edits);
  g_test_add_func ("/core/log/altered-entry-caught", test_altered_entry_caught);
  g_test_add_func ("/core/log/deleted-entry-caught", test_deleted_entry_caught);
  g_test_add_func ("/core/log/last-entries-deleted-caught", test_last_entries_deleted_caught);
  g_test_add_func ("/core/log/rehashed-entry-caught", test_rehashed_entry_caught);
  g_test_add_func ("/core/log/data-changed-outside-caught", test_data_changed_outside_caught);
  g_test_add_func ("/core/log/submitted-state-agrees", test_submitted_state_agrees);
  g_test_add_func ("/core/log/history-survives-package-round-trip", test_history_survives_package_round_trip);
  g_test_add_func ("/core/log/secret-history-stays", test_secret_history_stays);
  {
    int status = g_test_run ();
    g_free (r1);
    return status;
  }
}
