/* test-overview-page.c — the overview of the sample catalog, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-overview-page.h"
#include "mulu-test-util.h"
#include "mulu-ui-test-util.h"

static void
test_counts_and_charts (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(MuluRecord) r1 = NULL;
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());
  GtkWidget *scroller;
  MuluOverviewPage *page = MULU_OVERVIEW_PAGE (mulu_overview_page_new ());
  const char *sharing;

  mulu_test_validate (catalog);
  gtk_window_set_default_size (window, 1000, 760);
  gtk_window_set_child (window, GTK_WIDGET (page));
  scroller = adw_bin_get_child (ADW_BIN (page));
  mulu_overview_page_set_document (page, catalog);
  gtk_window_present (window);

  g_assert_cmpstr (mulu_overview_page_get_count (page, 0), ==, "12");
  g_assert_cmpstr (mulu_overview_page_get_count (page, 1), ==, "62");
  g_assert_cmpstr (mulu_overview_page_get_count (page, 2), ==, "661");
  g_assert_cmpstr (mulu_overview_page_get_count (page, 3), ==, "3");

  /* The charts say in words what they draw. */
  sharing = mulu_overview_page_get_chart_description (page, 0);
  g_assert_true (g_str_has_prefix (sharing, "无条件共享: 36 ("));
  g_assert_nonnull (strstr (sharing, "有条件共享: 20"));
  g_assert_nonnull (strstr (sharing, "不予共享: 6"));
  g_assert_nonnull (strstr (mulu_overview_page_get_chart_description (page, 2), "Not decided"));

  mulu_ui_test_spin (300);
  mulu_ui_test_screenshot (GTK_WIDGET (page), "overview");
  {
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v));
    mulu_ui_test_spin (200);
    mulu_ui_test_screenshot (scroller, "overview-charts");
  }

  /* An edit shows once the changes settle. */
  r1 = mulu_test_get_by_uid (catalog, "r1");
  mulu_record_set_string (r1, MULU_RESOURCE_SHARE_TYPE, "不予共享");
  g_assert_true (mulu_catalog_update (catalog, r1, NULL));
  WAIT_UNTIL (strstr (mulu_overview_page_get_chart_description (page, 0), "不予共享: 7") != NULL);
  g_assert_nonnull (strstr (mulu_overview_page_get_chart_description (page, 0), "无条件共享: 35"));

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  mulu_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/overview/counts-and-charts-follow-the-catalog", test_counts_and_charts);
  return g_test_run ();
}
