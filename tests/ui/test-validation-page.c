/* test-validation-page.c — step 6 on the sample catalog, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-catalog-private.h"
#include "mulu-test-util.h"
#include "mulu-ui-test-util.h"
#include "mulu-validation-page.h"
#include "mulu-window-private.h"

#define VALIDATION 5

static char *
closed_copy (MuluCatalog *catalog)
{
  char *path = g_strdup (mulu_catalog_get_path (catalog));

  g_assert_true (mulu_validate_catalog (catalog, NULL, NULL, NULL, NULL));
  mulu_catalog_close (catalog, NULL);
  return path;
}

static char *
sample_path (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();

  return closed_copy (catalog);
}

/* Big enough that a full validation takes a while (to cancel it). */
static char *
big_path (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  MuluGenerateOptions o;

  mulu_generate_options_init (&o);
  o.departments = 1;
  o.systems = 20;
  o.resources = 200;
  o.items = 5;
  g_assert_true (mulu_generate (catalog, &o, NULL, NULL, NULL, NULL));
  return closed_copy (catalog);
}

static MuluWindow *
open_window (const char *path)
{
  MuluWindow *window = mulu_window_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_window_open_catalog (window, path, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  gtk_window_present (GTK_WINDOW (window));
  mulu_window_show_step (window, VALIDATION);
  return window;
}

static MuluValidationPage *
page_of (MuluWindow *window)
{
  return MULU_VALIDATION_PAGE (window->step_pages[VALIDATION]);
}

static GListModel *
rows_of (MuluWindow *window)
{
  GtkListView *view = GTK_LIST_VIEW (mulu_ui_test_find (GTK_WIDGET (page_of (window)), GTK_TYPE_LIST_VIEW, NULL));

  return G_LIST_MODEL (gtk_list_view_get_model (view));
}

/* "error R2 1, …" for the rows shown, groups and open findings alike. */
static char *
describe (MuluWindow *window)
{
  GListModel *rows = rows_of (window);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rows); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);

      if (i)
        g_string_append (s, ", ");
      if (MULU_IS_FINDING_GROUP (item))
        g_string_append_printf (s, "%s %s %" G_GUINT64_FORMAT,
                                mulu_severity_to_string (mulu_finding_group_get_severity (MULU_FINDING_GROUP (item))),
                                mulu_finding_group_get_rule (MULU_FINDING_GROUP (item)),
                                mulu_finding_group_get_count (MULU_FINDING_GROUP (item)));
      else
        g_string_append_printf (s, "[%s]", mulu_finding_object_get_uid (MULU_FINDING_OBJECT (item)));
    }
  return g_string_free (s, FALSE);
}

static gboolean
describes (MuluWindow *window,
           const char *expected)
{
  g_autofree char *text = describe (window);

  return g_strcmp0 (text, expected) == 0;
}

static gboolean
starts (MuluWindow *window,
        const char *prefix)
{
  g_autofree char *text = describe (window);

  return g_str_has_prefix (text, prefix);
}

#define SAMPLE_GROUPS \
  "error R2 1, error R3 1, error R7 1, " \
  "warning R5 1, warning R13 1, warning R17 2, warning R18 1, warning S7 2, " \
  "hint Z1 3, hint SG1 1"

static void
test_groups_with_counts (void)
{
  g_autofree char *path = sample_path ();
  MuluWindow *window = open_window (path);
  MuluValidationPage *page = page_of (window);
  GtkWidget *warnings = mulu_ui_test_find (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, "show_warnings");
  GtkWidget *hints = mulu_ui_test_find (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON, "show_hints");
  GtkStack *stack = GTK_STACK (mulu_ui_test_find (GTK_WIDGET (page), GTK_TYPE_STACK, "stack"));
  g_autofree char *shown = describe (window);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->pages), ==, "validation");
  g_assert_cmpstr (shown, ==, SAMPLE_GROUPS);
  g_assert_false (mulu_validation_page_is_ready (page));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "list");

  /* Errors only. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (warnings), FALSE);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hints), FALSE);
  g_assert_true (describes (window, "error R2 1, error R3 1, error R7 1"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (hints), TRUE);
  g_assert_true (describes (window, "error R2 1, error R3 1, error R7 1, hint Z1 3, hint SG1 1"));

  /* As the clerk sees it, with two groups open. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (warnings), TRUE);
  {
    GListModel *rows = rows_of (window);
    g_autoptr(GtkTreeListRow) r17 = g_list_model_get_item (rows, 5);
    g_autoptr(GtkTreeListRow) r2 = g_list_model_get_item (rows, 0);

    gtk_tree_list_row_set_expanded (r17, TRUE);
    gtk_tree_list_row_set_expanded (r2, TRUE);
  }
  g_assert_true (starts (window, "error R2 1, [r36], error R3 1, error R7 1, warning R5 1, warning R13 1, warning R17 2, [r"));
  mulu_ui_test_screenshot (GTK_WIDGET (window), "validation");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gint64
selected_resource (MuluWindow *window)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (mulu_ui_test_find (window->step_pages[2], GTK_TYPE_COLUMN_VIEW, NULL));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (view));
  MuluRecord *record = gtk_single_selection_get_selected_item (selection);

  return record ? mulu_record_get_id (record) : 0;
}

/* Activating a finding opens its record; fixing it takes it off the list,
 * and "ready to submit" shows once the last error is gone. */
static void
test_activate_fix_until_ready (void)
{
  g_autofree char *path = sample_path ();
  MuluWindow *window = open_window (path);
  MuluValidationPage *page = page_of (window);
  MuluCatalog *catalog = mulu_window_get_catalog (window);
  GtkListView *view = GTK_LIST_VIEW (mulu_ui_test_find (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, NULL));
  GtkRevealer *ready = GTK_REVEALER (mulu_ui_test_find (GTK_WIDGET (page), GTK_TYPE_REVEALER, "ready_revealer"));
  g_autoptr(MuluRecord) r36 = mulu_test_get_by_uid (catalog, "r36");
  g_autoptr(GError) error = NULL;

  /* Enter on a group opens it; on a finding, opens the record. */
  g_signal_emit_by_name (view, "activate", 0);
  g_assert_true (describes (window, "error R2 1, [r36], error R3 1, error R7 1, "
                                    "warning R5 1, warning R13 1, warning R17 2, warning R18 1, warning S7 2, "
                                    "hint Z1 3, hint SG1 1"));
  g_signal_emit_by_name (view, "activate", 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->pages), ==, "resources");
  g_assert_cmpint (selected_resource (window), ==, mulu_record_get_id (r36));

  mulu_record_set_string (r36, MULU_RESOURCE_SHARE_CONDITION, "仅限自然资源执法使用，不得转授第三方");
  g_assert_true (mulu_history_update (mulu_window_get_history (window), r36, &error));
  g_assert_no_error (error);
  /* Back to the list, as the clerk goes back after each fix. */
  mulu_window_show_step (window, VALIDATION);
  WAIT_UNTIL (describes (window, "error R3 1, error R7 1, "
                                 "warning R5 1, warning R13 1, warning R17 2, warning R18 1, warning S7 2, "
                                 "hint Z1 3, hint SG1 1"));
  g_assert_false (mulu_validation_page_is_ready (page));
  g_assert_false (gtk_revealer_get_reveal_child (ready));

  g_assert_true (mulu_catalog_delete (catalog, MULU_ENTITY_RESOURCE, mulu_test_id_of (catalog, "r52"), &error));
  WAIT_UNTIL (starts (window, "error R7 1, warning"));
  g_assert_false (mulu_validation_page_is_ready (page));
  g_assert_true (mulu_catalog_delete (catalog, MULU_ENTITY_RESOURCE, mulu_test_id_of (catalog, "r6"), &error));
  g_assert_no_error (error);
  WAIT_UNTIL (mulu_validation_page_is_ready (page));
  g_assert_true (starts (window, "warning R5 1"));
  g_assert_true (gtk_revealer_get_reveal_child (ready));
  mulu_ui_test_screenshot (GTK_WIDGET (window), "validation-ready");

  /* Ready: the page leads on to the export. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "validation.go-export", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->pages), ==, "export");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_empty_catalog_is_ready (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autofree char *path = NULL;
  MuluWindow *window;
  GtkStack *stack;

  /* The test catalog's department lacks fields; remove it to have nothing. */
  g_assert_true (mulu_catalog_delete (catalog, MULU_ENTITY_DEPARTMENT, 1, NULL));
  path = closed_copy (catalog);
  window = open_window (path);
  stack = GTK_STACK (mulu_ui_test_find (GTK_WIDGET (page_of (window)), GTK_TYPE_STACK, "stack"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (mulu_validation_page_is_ready (page_of (window)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint64
count_findings (MuluCatalog *catalog)
{
  guint64 counts[MULU_N_SEVERITIES];

  g_assert_true (mulu_findings_count (catalog, counts, NULL));
  return counts[0] + counts[1] + counts[2];
}

/* A full run on its own thread: the findings an outside change removed
 * come back, and the list shows them without anyone asking. */
static void
test_revalidate_in_background (void)
{
  g_autofree char *path = sample_path ();
  MuluWindow *window = open_window (path);
  MuluValidationPage *page = page_of (window);
  MuluCatalog *catalog = mulu_window_get_catalog (window);
  GtkRevealer *progress = GTK_REVEALER (mulu_ui_test_find (GTK_WIDGET (page), GTK_TYPE_REVEALER, "progress_revealer"));

  g_assert_cmpint (sqlite3_exec (mulu_catalog_get_db (catalog), "DELETE FROM findings WHERE rule = 'R17'", NULL, NULL, NULL), ==, SQLITE_OK);
  mulu_validation_page_refresh (page);
  g_assert_false (describes (window, SAMPLE_GROUPS));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "validation.revalidate", NULL));
  g_assert_true (mulu_validation_page_is_running (page));
  g_assert_true (gtk_revealer_get_reveal_child (progress));
  WAIT_UNTIL (!mulu_validation_page_is_running (page));
  g_assert_true (describes (window, SAMPLE_GROUPS));
  g_assert_cmpuint (count_findings (catalog), ==, 14);
  g_assert_false (gtk_revealer_get_reveal_child (progress));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cancel_revalidation (void)
{
  g_autofree char *path = big_path ();
  MuluWindow *window = open_window (path);
  MuluValidationPage *page = page_of (window);
  MuluCatalog *catalog = mulu_window_get_catalog (window);
  guint64 before;

  g_assert_cmpint (sqlite3_exec (mulu_catalog_get_db (catalog),
                                 "INSERT INTO findings (rule, severity, entity, record_id, message) VALUES ('R1', 0, 'resource', 1, 'x')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  before = count_findings (catalog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "validation.revalidate", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "validation.cancel", NULL));
  WAIT_UNTIL (!mulu_validation_page_is_running (page));
  /* Cancelled: the run was rolled back, the planted finding is still there. */
  g_assert_cmpuint (count_findings (catalog), ==, before);
  g_assert_true (gtk_widget_is_sensitive (mulu_ui_test_find (GTK_WIDGET (page), GTK_TYPE_BUTTON, "revalidate_button")));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  /* As the window does: the screenshots for the docs are taken in Chinese. */
  mulu_i18n_init ();
  mulu_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/validation/groups-with-counts", test_groups_with_counts);
  g_test_add_func ("/ui/validation/activate-fix-until-ready", test_activate_fix_until_ready);
  g_test_add_func ("/ui/validation/empty-catalog-is-ready", test_empty_catalog_is_ready);
  g_test_add_func ("/ui/validation/revalidate-in-background", test_revalidate_in_background);
  g_test_add_func ("/ui/validation/cancel-revalidation", test_cancel_revalidation);
  return g_test_run ();
}
