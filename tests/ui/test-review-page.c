/* test-review-page.c — submission, approval and return on one file, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-records-page.h"
#include "mulu-review-page.h"
#include "mulu-test-util.h"
#include "mulu-ui-test-util.h"

static gpointer
child (MuluReviewPage *page,
       const char     *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (page), MULU_TYPE_REVIEW_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static guint
n_rows (MuluReviewPage *page)
{
  return g_list_model_get_n_items (G_LIST_MODEL (child (page, "selection")));
}

static void
set_text (MuluCatalog *catalog,
          const char  *uid,
          guint        field,
          const char  *value)
{
  g_autoptr(MuluRecord) r = mulu_test_get_by_uid (catalog, uid);

  mulu_record_set_string (r, field, value);
  g_assert_true (mulu_catalog_update (catalog, r, NULL));
}

/* The sample's three deliberate errors fixed, as a clerk would. */
static void
fix_sample (MuluCatalog *catalog)
{
  set_text (catalog, "r36", MULU_RESOURCE_SHARE_CONDITION, "仅用于本市生态修复项目审批");
  set_text (catalog, "r52", MULU_RESOURCE_SHARE_BASIS_TYPE, "法律");
  set_text (catalog, "r52", MULU_RESOURCE_SHARE_BASIS, "《中华人民共和国保守国家秘密法》");
  set_text (catalog, "r6", MULU_RESOURCE_OPEN_TYPE, "不予开放");
}

static void
test_submit_approve_return (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  MuluReviewPage *page = MULU_REVIEW_PAGE (mulu_review_page_new ());
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluReview) returned = NULL;
  g_autoptr(MuluRecord) third = NULL;
  GtkSelectionModel *selection = child (page, "selection");

  mulu_test_validate (catalog);
  gtk_window_set_default_size (window, 1000, 700);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  mulu_catalog_set_user (catalog, "张三");
  mulu_review_page_set_document (page, catalog);
  g_assert_cmpstr (gtk_label_get_text (child (page, "status_title")), ==, "Not submitted yet");
  g_assert_true (gtk_widget_get_visible (child (page, "submit")));

  /* Errors block a submission; fixed, it goes through and freezes. */
  g_assert_false (mulu_catalog_submit (catalog, &error));
  g_clear_error (&error);
  fix_sample (catalog);
  g_assert_true (mulu_catalog_submit (catalog, &error));
  g_assert_no_error (error);
  mulu_review_page_refresh (page);
  g_assert_cmpstr (gtk_label_get_text (child (page, "status_title")), ==, "Submitted for review");
  g_assert_true (gtk_widget_get_visible (child (page, "reopen")));

  /* The reviewer: the resources not reviewed yet. */
  mulu_catalog_set_user (catalog, "李四");
  mulu_review_page_set_filter (page, MULU_ENTITY_RESOURCE, MULU_REVIEW_FILTER_UNREVIEWED);
  g_assert_cmpuint (n_rows (page), ==, 62);
  gtk_selection_model_select_range (selection, 0, 2, TRUE);
  g_assert_cmpstr (gtk_label_get_text (child (page, "selected_label")), ==, "2 records selected");
  g_assert_false (gtk_widget_get_sensitive (child (page, "return_button")));
  g_assert_true (mulu_review_page_approve_selected (page));
  g_assert_cmpuint (n_rows (page), ==, 60);

  /* Returning needs a comment. */
  gtk_selection_model_select_item (selection, 0, TRUE);
  third = mulu_catalog_get (catalog, MULU_ENTITY_RESOURCE, mulu_test_id_of (catalog, "r3"), NULL);
  g_assert_false (mulu_review_page_return_selected (page, ""));
  g_assert_true (mulu_review_page_return_selected (page, "摘要过于简单，请写明数据内容和用途"));
  g_assert_cmpuint (n_rows (page), ==, 59);
  returned = mulu_review_get (catalog, MULU_ENTITY_RESOURCE, mulu_record_get_id (third), NULL);
  g_assert_cmpint (returned->state, ==, MULU_REVIEW_RETURNED);
  g_assert_cmpstr (returned->reviewer, ==, "李四");

  /* The clerk sees it under "Returned", with the comment. */
  mulu_catalog_set_user (catalog, "张三");
  g_assert_true (mulu_catalog_reopen (catalog, "补充摘要", NULL));
  mulu_review_page_set_filter (page, MULU_ENTITY_RESOURCE, MULU_REVIEW_FILTER_RETURNED);
  g_assert_cmpuint (n_rows (page), ==, 1);
  g_assert_cmpstr (gtk_label_get_text (child (page, "status_title")), ==, "Returned for changes");
  mulu_ui_test_spin (200);
  mulu_ui_test_screenshot (GTK_WIDGET (page), "review");

  /* And on the record itself, above its fields. */
  {
    g_autoptr(MuluHistory) history = mulu_history_new (catalog);
    MuluRecordsPage *records = MULU_RECORDS_PAGE (mulu_records_page_new (MULU_ENTITY_RESOURCE));
    GtkWidget *note;

    gtk_window_set_child (window, GTK_WIDGET (records));
    mulu_records_page_set_document (records, catalog, history);
    mulu_records_page_select (records, mulu_record_get_id (third), NULL);
    note = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (records), MULU_TYPE_RECORDS_PAGE, "review_note"));
    g_assert_true (gtk_widget_get_visible (note));
    g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_template_child (GTK_WIDGET (records), MULU_TYPE_RECORDS_PAGE, "review_label"))),
                              "摘要过于简单"));
    mulu_records_page_select (records, mulu_test_id_of (catalog, "r1"), NULL);
    g_assert_false (gtk_widget_get_visible (note));
  }

  gtk_window_destroy (window);

}

int
main (int   argc,
      char *argv[])
{
  mulu_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/review/submit-approve-return-between-two-people", test_submit_approve_return);
  return g_test_run ();
}
