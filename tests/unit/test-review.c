/* test-review.c — submission, the reviewer's pass, and who may decide
 *
 * The catalog is passed between people the way a file is: closed by one,
 * opened by the other under their own name.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-catalog-private.h"
#include "mulu-test-util.h"

/* A small generated catalog that validates without errors: 1 department,
 * 2 systems, 3 resources with 2 data items each. */
static MuluCatalog *
clean_catalog (const char *user)
{
  g_autofree char *path = mulu_test_path ("review.mulu");
  g_autoptr(GError) error = NULL;
  MuluCatalog *catalog = mulu_catalog_create (path, &error);
  MuluGenerateOptions o;

  g_assert_no_error (error);
  mulu_catalog_set_user (catalog, user);
  mulu_generate_options_init (&o);
  o.departments = 1;
  o.systems = 2;
  o.resources = 3;
  o.items = 2;
  o.seed = 7;
  o.zombie_share = 0;
  g_assert_true (mulu_generate (catalog, &o, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return catalog;
}

/* Closes the catalog and opens the same file as someone else. */
static MuluCatalog *
pass_to (MuluCatalog *catalog,
         const char  *user)
{
  g_autofree char *path = g_strdup (mulu_catalog_get_path (catalog));
  g_autoptr(GError) error = NULL;
  MuluCatalog *other;

  g_assert_true (mulu_catalog_close (catalog, &error));
  g_assert_no_error (error);
  g_object_unref (catalog);
  other = mulu_catalog_open (path, &error);
  g_assert_no_error (error);
  mulu_catalog_set_user (other, user);
  return other;
}

static gint64
nth_id (MuluCatalog *catalog,
        MuluEntity   entity,
        int          n)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s ORDER BY id LIMIT 1 OFFSET %d", mulu_entity_get_info (entity)->table, n);
  sqlite3_stmt *stmt = NULL;
  gint64 id;

  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return id;
}

static void
submit_ok (MuluCatalog *catalog)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_catalog_submit (catalog, &error));
  g_assert_no_error (error);
  g_assert_true (mulu_catalog_is_submitted (catalog));
}

static void
rename_record (MuluCatalog *catalog,
               MuluEntity   entity,
               gint64       id,
               guint        field,
               const char  *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) r = mulu_catalog_get (catalog, entity, id, &error);

  g_assert_no_error (error);
  mulu_record_set_string (r, field, value);
  g_assert_true (mulu_catalog_update (catalog, r, &error));
  g_assert_no_error (error);
}

static MuluReviewState
state_of (MuluCatalog *catalog,
          MuluEntity   entity,
          gint64       id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluReview) review = mulu_review_get (catalog, entity, id, &error);

  g_assert_no_error (error);
  return review->state;
}

static void
assert_intact (MuluCatalog *catalog)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluLogBreak) brk = NULL;

  g_assert_true (mulu_catalog_verify (catalog, &brk, &error));
  g_assert_no_error (error);
  if (brk)
    g_error ("the log is broken: %s", brk->message);
}

static void
test_submission_freezes_edits (void)
{
  MuluCatalog *catalog = clean_catalog ("张三");
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) resource = NULL;
  g_autoptr(MuluRecord) stored = NULL;
  g_autoptr(MuluRecord) added = NULL;
  g_autofree char *package = mulu_test_sample_package ();
  gint64 r1 = nth_id (catalog, MULU_ENTITY_RESOURCE, 0);
  gint64 s1 = nth_id (catalog, MULU_ENTITY_SYSTEM, 0);
  gint64 before = mulu_log_count (catalog, NULL);

  submit_ok (catalog);
  g_assert_cmpint (mulu_log_count (catalog, NULL), ==, before + 1);

  /* Every kind of edit is refused, and says what to do. */
  resource = mulu_catalog_get (catalog, MULU_ENTITY_RESOURCE, r1, &error);
  mulu_record_set_string (resource, MULU_RESOURCE_NAME, "改过的名称");
  g_assert_false (mulu_catalog_update (catalog, resource, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_SUBMITTED);
  g_assert_nonnull (strstr (error->message, "张三"));
  g_assert_nonnull (strstr (error->message, "reopen"));
  g_clear_error (&error);

  added = mulu_record_new (MULU_ENTITY_SYSTEM);
  mulu_record_set_int (added, MULU_SYSTEM_DEPARTMENT, nth_id (catalog, MULU_ENTITY_DEPARTMENT, 0));
  g_assert_false (mulu_catalog_add (catalog, added, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_SUBMITTED);
  g_clear_error (&error);
  g_assert_false (mulu_catalog_delete (catalog, MULU_ENTITY_RESOURCE, r1, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_SUBMITTED);
  g_clear_error (&error);
  g_assert_false (mulu_zombie_set_review (catalog, s1, "rejected", NULL, NULL, "仍在使用", &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_SUBMITTED);
  g_clear_error (&error);
  g_assert_false (mulu_package_import (catalog, package, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_SUBMITTED);
  g_clear_error (&error);
  g_assert_false (mulu_catalog_submit (catalog, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_SUBMITTED);
  g_clear_error (&error);
  g_assert_cmpint (mulu_log_count (catalog, NULL), ==, before + 1);

  /* Frozen in the file, not in this object. */
  catalog = pass_to (catalog, "张三");
  g_assert_true (mulu_catalog_is_submitted (catalog));
  g_assert_false (mulu_catalog_update (catalog, resource, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_SUBMITTED);
  g_clear_error (&error);
  stored = mulu_catalog_get (catalog, MULU_ENTITY_RESOURCE, r1, &error);
  g_assert_cmpstr (mulu_record_get_name (stored), !=, "改过的名称");

  /* An explicit, recorded reopening lifts it. */
  g_assert_true (mulu_catalog_reopen (catalog, "补充摘要", &error));
  g_assert_no_error (error);
  g_assert_false (mulu_catalog_is_submitted (catalog));
  g_assert_true (mulu_catalog_update (catalog, resource, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) log = mulu_log_list (catalog, NULL, &error);
    MuluLogEntry *reopen = g_ptr_array_index (log, log->len - 2);

    g_assert_cmpstr (reopen->op, ==, "reopen");
    g_assert_cmpstr (reopen->who, ==, "张三");
    g_assert_cmpstr (reopen->details, ==, "{\"note\":\"补充摘要\"}");
  }
  g_assert_false (mulu_catalog_reopen (catalog, NULL, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  assert_intact (catalog);
  g_object_unref (catalog);
}

static void
test_submission_refused_with_errors (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(GError) error = NULL;
  gint64 before = mulu_log_count (catalog, NULL);

  g_assert_false (mulu_catalog_submit (catalog, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "3 validation errors remain; fix them before submitting (the validation list shows where).");
  g_assert_false (mulu_catalog_is_submitted (catalog));
  g_assert_cmpint (mulu_log_count (catalog, NULL), ==, before);
}

static void
test_return_with_comment_round_trip (void)
{
  MuluCatalog *catalog = clean_catalog ("张三");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) returned = NULL;
  g_autoptr(GPtrArray) changed = NULL;
  g_autoptr(GPtrArray) waiting = NULL;
  g_autoptr(MuluReviewSummary) summary = NULL;
  g_autoptr(MuluReview) review = NULL;
  gint64 d1 = nth_id (catalog, MULU_ENTITY_DEPARTMENT, 0);
  gint64 s[2] = { nth_id (catalog, MULU_ENTITY_SYSTEM, 0), nth_id (catalog, MULU_ENTITY_SYSTEM, 1) };
  gint64 r[3] = { nth_id (catalog, MULU_ENTITY_RESOURCE, 0), nth_id (catalog, MULU_ENTITY_RESOURCE, 1),
                  nth_id (catalog, MULU_ENTITY_RESOURCE, 2) };
  const char *comment = "摘要过于简单，请写明包含哪些数据。";

  /* The clerk submits. */
  submit_ok (catalog);
  g_assert_cmpint (state_of (catalog, MULU_ENTITY_RESOURCE, r[1]), ==, MULU_REVIEW_SUBMITTED);

  /* The reviewer returns one resource and approves the rest. */
  catalog = pass_to (catalog, "李四");
  g_assert_true (mulu_review_return (catalog, MULU_ENTITY_RESOURCE, r[1], comment, &error));
  g_assert_no_error (error);
  g_assert_true (mulu_review_approve (catalog, MULU_ENTITY_DEPARTMENT, d1, NULL, &error));
  g_assert_true (mulu_review_approve_all (catalog, MULU_ENTITY_SYSTEM, s, 2, NULL, &error));
  g_assert_true (mulu_review_approve (catalog, MULU_ENTITY_RESOURCE, r[0], NULL, &error));
  g_assert_true (mulu_review_approve (catalog, MULU_ENTITY_RESOURCE, r[2], "很好", &error));
  g_assert_no_error (error);

  /* The clerk sees the comment on its record and a "returned" filter. */
  catalog = pass_to (catalog, "张三");
  summary = mulu_review_summary (catalog, &error);
  g_assert_no_error (error);
  g_assert_true (summary->submitted);
  g_assert_cmpstr (summary->submitted_by, ==, "张三");
  g_assert_cmpuint (summary->counts[MULU_REVIEW_APPROVED], ==, 5);
  g_assert_cmpuint (summary->counts[MULU_REVIEW_RETURNED], ==, 1);
  g_assert_cmpuint (summary->counts[MULU_REVIEW_SUBMITTED], ==, 0);
  g_assert_cmpuint (summary->changed, ==, 0);
  g_assert_cmpuint (summary->comments->len, ==, 2);
  returned = mulu_review_list (catalog, MULU_N_ENTITIES, MULU_REVIEW_FILTER_RETURNED, &error);
  g_assert_cmpuint (returned->len, ==, 1);
  review = g_ptr_array_steal_index (returned, 0);
  g_assert_cmpint (review->record_id, ==, r[1]);
  g_assert_cmpstr (review->comment, ==, comment);
  g_assert_cmpstr (review->reviewer, ==, "李四");
  g_assert_false (review->changed);

  /* Fixing needs a reopening; the fix shows as changed after submission. */
  g_assert_true (mulu_catalog_reopen (catalog, NULL, &error));
  rename_record (catalog, MULU_ENTITY_RESOURCE, r[1], MULU_RESOURCE_SUMMARY, "各宗地的坐标、面积、用途和供地方式。");
  changed = mulu_review_list (catalog, MULU_ENTITY_RESOURCE, MULU_REVIEW_FILTER_CHANGED, &error);
  g_assert_cmpuint (changed->len, ==, 1);
  g_assert_cmpint (((MuluReview *) g_ptr_array_index (changed, 0))->record_id, ==, r[1]);
  submit_ok (catalog);
  g_assert_cmpint (state_of (catalog, MULU_ENTITY_RESOURCE, r[1]), ==, MULU_REVIEW_SUBMITTED);
  g_assert_cmpint (state_of (catalog, MULU_ENTITY_RESOURCE, r[0]), ==, MULU_REVIEW_APPROVED);
  g_clear_pointer (&review, mulu_review_free);
  review = mulu_review_get (catalog, MULU_ENTITY_RESOURCE, r[1], &error);
  g_assert_cmpstr (review->comment, ==, comment);   /* kept for the reviewer */
  g_assert_true (review->changed);

  /* The reviewer finds only the fixed record waiting, and approves it. */
  catalog = pass_to (catalog, "李四");
  waiting = mulu_review_list (catalog, MULU_N_ENTITIES, MULU_REVIEW_FILTER_UNREVIEWED, &error);
  g_assert_cmpuint (waiting->len, ==, 1);
  g_assert_cmpint (((MuluReview *) g_ptr_array_index (waiting, 0))->record_id, ==, r[1]);
  g_assert_true (mulu_review_approve (catalog, MULU_ENTITY_RESOURCE, r[1], NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&summary, mulu_review_summary_free);
  summary = mulu_review_summary (catalog, &error);
  g_assert_cmpuint (summary->counts[MULU_REVIEW_APPROVED], ==, 6);
  g_assert_cmpuint (summary->changed, ==, 0);

  assert_intact (catalog);
  g_object_unref (catalog);
}

static void
test_no_self_approval (void)
{
  MuluCatalog *catalog = clean_catalog ("张三");
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) resource = NULL;
  gint64 r[3] = { nth_id (catalog, MULU_ENTITY_RESOURCE, 0), nth_id (catalog, MULU_ENTITY_RESOURCE, 1),
                  nth_id (catalog, MULU_ENTITY_RESOURCE, 2) };
  gint64 item_of_r3;
  g_autofree char *message = NULL;

  submit_ok (catalog);

  /* The reviewer fixes a name and a data item themselves. */
  catalog = pass_to (catalog, "李四");
  g_assert_true (mulu_catalog_reopen (catalog, "审核人直接修改", &error));
  rename_record (catalog, MULU_ENTITY_RESOURCE, r[0], MULU_RESOURCE_NAME, "土地供应结果信息");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM items WHERE resource_id = %" G_GINT64_FORMAT " LIMIT 1", r[2]);
    sqlite3_stmt *stmt = NULL;
    sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    item_of_r3 = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
  }
  rename_record (catalog, MULU_ENTITY_ITEM, item_of_r3, MULU_ITEM_NAME, "宗地编码");
  submit_ok (catalog);

  /* Their edits are recorded as theirs. */
  resource = mulu_catalog_get (catalog, MULU_ENTITY_RESOURCE, r[0], &error);
  {
    g_autoptr(GPtrArray) log = mulu_log_list (catalog, mulu_record_get_uid (resource), &error);
    MuluLogEntry *last = g_ptr_array_index (log, log->len - 1);
    g_assert_cmpstr (last->op, ==, "update");
    g_assert_cmpstr (last->who, ==, "李四");
  }

  g_assert_false (mulu_review_approve (catalog, MULU_ENTITY_RESOURCE, r[0], NULL, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_PERMITTED);
  message = g_strdup_printf ("李四 changed the information resource “土地供应结果信息” (id %s), so 李四 cannot approve it: another reviewer must.",
                             mulu_record_get_uid (resource));
  g_assert_cmpstr (error->message, ==, message);
  g_clear_error (&error);
  /* A resource's data items are part of it. */
  g_assert_false (mulu_review_approve (catalog, MULU_ENTITY_RESOURCE, r[2], NULL, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  /* A bulk approval with one of them approves nothing. */
  g_assert_false (mulu_review_approve_all (catalog, MULU_ENTITY_RESOURCE, r, 3, NULL, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  g_assert_cmpint (state_of (catalog, MULU_ENTITY_RESOURCE, r[1]), ==, MULU_REVIEW_SUBMITTED);
  /* Returning one's own edit is allowed; approving what others made too. */
  g_assert_true (mulu_review_return (catalog, MULU_ENTITY_RESOURCE, r[0], "请处室确认新名称", &error));
  g_assert_true (mulu_review_approve (catalog, MULU_ENTITY_RESOURCE, r[1], NULL, &error));
  g_assert_no_error (error);

  /* Another reviewer may approve what 李四 changed. */
  catalog = pass_to (catalog, "王五");
  g_assert_true (mulu_review_approve (catalog, MULU_ENTITY_RESOURCE, r[2], NULL, &error));
  g_assert_no_error (error);
  assert_intact (catalog);
  g_object_unref (catalog);
}

static void
test_return_needs_comment (void)
{
  g_autoptr(MuluCatalog) catalog = clean_catalog ("张三");
  g_autoptr(GError) error = NULL;
  gint64 r1 = nth_id (catalog, MULU_ENTITY_RESOURCE, 0);

  submit_ok (catalog);
  mulu_catalog_set_user (catalog, "李四");
  g_assert_false (mulu_review_return (catalog, MULU_ENTITY_RESOURCE, r1, NULL, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "needs a comment"));
  g_clear_error (&error);
  g_assert_false (mulu_review_return (catalog, MULU_ENTITY_RESOURCE, r1, "  \n", &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (state_of (catalog, MULU_ENTITY_RESOURCE, r1), ==, MULU_REVIEW_SUBMITTED);
}

static void
test_decisions_need_submission (void)
{
  g_autoptr(MuluCatalog) catalog = clean_catalog ("张三");
  g_autoptr(GError) error = NULL;

  mulu_catalog_set_user (catalog, "李四");
  g_assert_false (mulu_review_approve (catalog, MULU_ENTITY_RESOURCE, nth_id (catalog, MULU_ENTITY_RESOURCE, 0), NULL, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_NOT_PERMITTED);
  g_clear_error (&error);
  g_assert_cmpint (state_of (catalog, MULU_ENTITY_RESOURCE, nth_id (catalog, MULU_ENTITY_RESOURCE, 0)), ==, MULU_REVIEW_DRAFT);

  submit_ok (catalog);
  g_assert_false (mulu_review_approve (catalog, MULU_ENTITY_ITEM, nth_id (catalog, MULU_ENTITY_ITEM, 0), NULL, &error));
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  /* Generated dates are checked against this day. */
  g_setenv ("MULU_TODAY", "2026-11-22", TRUE);
  g_test_add_func ("/core/review/submission-freezes-edits", test_submission_freezes_edits);
  g_test_add_func ("/core/review/submission-refused-with-errors", test_submission_refused_with_errors);
  g_test_add_func ("/core/review/return-with-comment-round-trip", test_return_with_comment_round_trip);
  g_test_add_func ("/core/review/no-self-approval", test_no_self_approval);
  g_test_add_func ("/core/review/return-needs-comment", test_return_needs_comment);
  g_test_add_func ("/core/review/decisions-need-submission", test_decisions_need_submission);
  return g_test_run ();
}
