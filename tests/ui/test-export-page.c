/* test-export-page.c — step 7 on the sample catalog, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "mulu-export-page.h"
#include "mulu-test-util.h"
#include "mulu-ui-test-util.h"
#include "mulu-window-private.h"

#define EXPORT 6

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

static MuluWindow *
open_window (const char *path)
{
  MuluWindow *window = mulu_window_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_window_open_catalog (window, path, &error));
  g_assert_no_error (error);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  mulu_window_show_step (window, EXPORT);
  return window;
}

static MuluExportPage *
page_of (MuluWindow *window)
{
  return MULU_EXPORT_PAGE (window->step_pages[EXPORT]);
}

static gboolean
is_zip (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  return g_file_get_contents (path, &contents, &length, NULL) && length > 4 && memcmp (contents, "PK\x03\x04", 4) == 0;
}

/* Any file of the folder besides the catalog and its lock: a leftover
 * temporary file would show here. */
static guint
count_other_files (const char *dir,
                   const char *catalog)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autofree char *base = g_path_get_basename (catalog);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)))
    if (!g_str_has_prefix (name, base))
      n++;
  return n;
}

static char *
fresh_dir (void)
{
  g_autofree char *dir = mulu_test_path ("exports-XXXXXX");
  char *made = g_mkdtemp (g_steal_pointer (&dir));

  g_assert_nonnull (made);
  return made;
}

static void
test_suggests_name_and_default_template (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = sample_path ();
  MuluWindow *window;
  MuluExportPage *page;
  g_autofree char *base = NULL;
  g_autofree char *expected = NULL;

  g_settings_set_string (settings, "default-template", "flat");
  window = open_window (path);
  page = page_of (window);
  g_assert_cmpstr (mulu_export_page_get_template (page), ==, "flat");
  /* Errors remain: a draft, named after the department. */
  g_assert_false (mulu_export_page_can_submit (page));
  g_assert_true (mulu_export_page_get_draft (page));
  base = g_path_get_basename (mulu_export_page_get_destination (page));
  expected = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "%s census workbook (draft)"), "厦门市自然资源和规划局");
  g_assert_true (g_str_has_prefix (base, expected));
  g_assert_true (g_str_has_suffix (base, ".xlsx"));
  g_assert_false (gtk_widget_get_sensitive (mulu_ui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "submission_row")));
  g_assert_true (gtk_widget_get_visible (mulu_ui_test_find (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, "blocked_row")));

  /* Choosing a template remembers it for next time. */
  mulu_export_page_set_template (page, "national");
  g_clear_pointer (&expected, g_free);
  expected = g_settings_get_string (settings, "default-template");
  g_assert_cmpstr (expected, ==, "national");
  mulu_ui_test_screenshot (GTK_WIDGET (window), "export");

  /* The blocked row leads to the validation step. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "export.go-validation", NULL));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->pages), ==, "validation");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_draft_is_written (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *dir = fresh_dir ();
  g_autofree char *target = g_build_filename (dir, "草稿.xlsx", NULL);
  MuluWindow *window = open_window (path);
  MuluExportPage *page = page_of (window);

  mulu_export_page_set_destination (page, target);
  mulu_export_page_set_draft (page, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "export.run", NULL));
  g_assert_true (mulu_export_page_is_running (page));
  WAIT_UNTIL (!mulu_export_page_is_running (page));
  g_assert_true (g_file_test (target, G_FILE_TEST_IS_REGULAR));
  g_assert_true (is_zip (target));
  g_assert_cmpuint (count_other_files (dir, target), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (ADW_IS_MESSAGE_DIALOG (w))
        return ADW_MESSAGE_DIALOG (w);
    }
  return NULL;
}

/* Were submission chosen while errors remain (they came back after the
 * choice), the core refuses and its message is shown. */
static void
test_submission_refused_with_errors (void)
{
  g_autofree char *path = sample_path ();
  g_autofree char *dir = fresh_dir ();
  g_autofree char *target = g_build_filename (dir, "submission.xlsx", NULL);
  MuluWindow *window = open_window (path);
  MuluExportPage *page = page_of (window);
  AdwMessageDialog *dialog;

  mulu_export_page_set_destination (page, target);
  mulu_export_page_set_draft (page, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "export.run", NULL));
  WAIT_UNTIL (!mulu_export_page_is_running (page));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  WAIT_UNTIL (find_dialog () != NULL);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The workbook was not written");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "3 errors"));
  /* Refused for its errors, the submission is switched back to a draft,
   * and the dialog leads to the errors. */
  g_assert_true (mulu_export_page_get_draft (page));
  g_assert_true (adw_message_dialog_has_response (dialog, "validation"));
  adw_message_dialog_response (dialog, "validation");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->pages), ==, "validation");
  /* Only a click on a button closes it. */
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* With no error left, submission is offered and chosen. */
static void
test_submission_when_no_error (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autofree char *path = NULL;
  g_autofree char *dir = fresh_dir ();
  g_autofree char *target = g_build_filename (dir, "submission.xlsx", NULL);
  MuluWindow *window;
  MuluExportPage *page;
  const char *errors[] = { "r36", "r52", "r6" };

  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    g_assert_true (mulu_catalog_delete (catalog, MULU_ENTITY_RESOURCE, mulu_test_id_of (catalog, errors[i]), NULL));
  path = closed_copy (catalog);
  window = open_window (path);
  page = page_of (window);
  g_assert_true (mulu_export_page_can_submit (page));
  g_assert_false (mulu_export_page_get_draft (page));
  mulu_export_page_set_destination (page, target);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "export.run", NULL));
  WAIT_UNTIL (!mulu_export_page_is_running (page));
  g_assert_true (is_zip (target));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Opened with errors, the page offers a draft; once the last error is
 * fixed it chooses the submission by itself, unless the clerk chose a
 * draft while a submission was possible. */
static void
test_submission_chosen_once_errors_are_fixed (void)
{
  g_autofree char *path = sample_path ();
  MuluWindow *window = open_window (path);
  MuluExportPage *page = page_of (window);
  MuluCatalog *catalog = mulu_window_get_catalog (window);
  const char *errors[] = { "r36", "r52", "r6" };

  g_assert_true (mulu_export_page_get_draft (page));
  for (guint i = 0; i < G_N_ELEMENTS (errors); i++)
    g_assert_true (mulu_catalog_delete (catalog, MULU_ENTITY_RESOURCE, mulu_test_id_of (catalog, errors[i]), NULL));
  mulu_window_show_step (window, 6);
  WAIT_UNTIL (mulu_export_page_can_submit (page));
  WAIT_UNTIL (!mulu_export_page_get_draft (page));

  /* The clerk's own draft stays a draft. */
  mulu_export_page_set_draft (page, TRUE);
  mulu_ui_test_spin (300);
  g_assert_true (mulu_export_page_get_draft (page));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_cancel_leaves_no_file (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autofree char *path = NULL;
  g_autofree char *dir = fresh_dir ();
  g_autofree char *target = g_build_filename (dir, "cancelled.xlsx", NULL);
  MuluWindow *window;
  MuluExportPage *page;
  MuluGenerateOptions o;

  mulu_generate_options_init (&o);
  o.departments = 1;
  /* The core looks at the cancellable every 16,384 rows. */
  o.systems = 10;
  o.resources = 1000;
  o.items = 20;
  g_assert_true (mulu_generate (catalog, &o, NULL, NULL, NULL, NULL));
  path = closed_copy (catalog);
  window = open_window (path);
  page = page_of (window);
  mulu_export_page_set_destination (page, target);
  mulu_export_page_set_draft (page, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "export.run", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "export.cancel", NULL));
  WAIT_UNTIL (!mulu_export_page_is_running (page));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_other_files (dir, target), ==, 0);
  if (find_dialog ())
    g_error ("%s", adw_message_dialog_get_body (find_dialog ()));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  /* As the window does: the screenshots for the docs are taken in Chinese. */
  mulu_i18n_init ();
  mulu_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/export/suggests-name-and-default-template", test_suggests_name_and_default_template);
  g_test_add_func ("/ui/export/draft-is-written", test_draft_is_written);
  g_test_add_func ("/ui/export/submission-refused-with-errors", test_submission_refused_with_errors);
  g_test_add_func ("/ui/export/submission-when-no-error", test_submission_when_no_error);
  g_test_add_func ("/ui/export/submission-chosen-once-errors-are-fixed", test_submission_chosen_once_errors_are_fixed);
  g_test_add_func ("/ui/export/cancel-leaves-no-file", test_cancel_leaves_no_file);
  return g_test_run ();
}
