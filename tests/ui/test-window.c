/* test-window.c — the window on a real catalog, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "mulu-test-util.h"
#include "mulu-ui-test-util.h"
#include "mulu-window-private.h"

/* A copy of the sample, closed so the window can open it. */
static char *
sample_path (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  char *path = g_strdup (mulu_catalog_get_path (catalog));

  g_assert_true (mulu_validate_catalog (catalog, NULL, NULL, NULL, NULL));
  mulu_catalog_close (catalog, NULL);
  return path;
}

static MuluWindow *
open_window (const char *path)
{
  MuluWindow *window = mulu_window_new (NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (mulu_window_open_catalog (window, path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static void
test_shows_catalog_and_progress (void)
{
  g_autofree char *path = sample_path ();
  MuluWindow *window = open_window (path);

  g_assert_true (g_str_has_prefix (gtk_window_get_title (GTK_WINDOW (window)), "厦门市自然资源和规划局 — "));
  /* Systems: none has an error; resources: the sample's three errors. */
  WAIT_UNTIL (g_strcmp0 (mulu_step_row_get_progress (window->step_rows[1]), "12/12 complete") == 0);
  g_assert_cmpstr (mulu_step_row_get_progress (window->step_rows[2]), ==, "59/62 complete");
  g_assert_cmpstr (mulu_step_row_get_progress (window->step_rows[5]), ==, "3 errors");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_add_system_then_undo (void)
{
  g_autofree char *path = sample_path ();
  MuluWindow *window = open_window (path);
  MuluCatalog *catalog = mulu_window_get_catalog (window);

  mulu_window_show_step (window, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->pages), ==, "systems");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.add-record", NULL));
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_SYSTEM, NULL), ==, 13);
  /* The new, empty system lacks its census fields. */
  WAIT_UNTIL (g_strcmp0 (mulu_step_row_get_progress (window->step_rows[1]), "12/13 complete") == 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL));
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_SYSTEM, NULL), ==, 12);
  WAIT_UNTIL (g_strcmp0 (mulu_step_row_get_progress (window->step_rows[1]), "12/12 complete") == 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL));
  g_assert_cmpint (mulu_catalog_count (catalog, MULU_ENTITY_SYSTEM, NULL), ==, 13);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_steps_by_keyboard (void)
{
  g_autofree char *path = sample_path ();
  MuluWindow *window = open_window (path);
  static const char * const pages[] = { "department", "systems", "resources", "classify", "zombies", "validation", "export" };

  for (int s = 7; s >= 1; s--)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.step", "i", s));
      g_assert_cmpstr (gtk_stack_get_visible_child_name (window->pages), ==, pages[s - 1]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_edits_survive_reopening (void)
{
  g_autofree char *path = sample_path ();
  MuluWindow *window = open_window (path);
  MuluCatalog *catalog = mulu_window_get_catalog (window);
  g_autoptr(MuluRecord) s1 = mulu_catalog_get_by_uid (catalog, MULU_ENTITY_SYSTEM, "s1", NULL);
  g_autoptr(GError) error = NULL;

  mulu_record_set_string (s1, MULU_SYSTEM_NAME, "办公自动化系统（二期）");
  g_assert_true (mulu_history_update (mulu_window_get_history (window), s1, &error));
  g_assert_no_error (error);
  /* No save step: closing the window closes the catalog. */
  gtk_window_close (GTK_WINDOW (window));
  WAIT_UNTIL (TRUE);

  window = open_window (path);
  g_clear_object (&s1);
  s1 = mulu_catalog_get_by_uid (mulu_window_get_catalog (window), MULU_ENTITY_SYSTEM, "s1", NULL);
  g_assert_cmpstr (mulu_record_get_name (s1), ==, "办公自动化系统（二期）");
  gtk_window_destroy (GTK_WINDOW (window));
}

static char *
menu_target (GMenuModel *menu,
             int         i)
{
  g_autoptr(GVariant) target = g_menu_model_get_item_attribute_value (menu, i, G_MENU_ATTRIBUTE_TARGET, G_VARIANT_TYPE_STRING);

  return target ? g_variant_dup_string (target, NULL) : NULL;
}

static void
test_recent_catalogs_menu (void)
{
  g_autofree char *first = sample_path ();
  g_autofree char *second = sample_path ();
  g_autofree char *gone = sample_path ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MuluWindow *window = NULL;
  GMenuModel *recent = NULL;
  g_autofree char *target = NULL;

  /* Earlier tests in this process opened catalogs too. */
  g_settings_reset (settings, "recent-files");
  window = open_window (gone);
  recent = G_MENU_MODEL (window->recent_menu);

  g_assert_true (mulu_window_open_catalog (window, first, NULL));
  g_assert_true (mulu_window_open_catalog (window, second, NULL));
  g_assert_cmpint (g_unlink (gone), ==, 0);
  mulu_window_update_recent (window);

  /* The open catalog and the deleted one are not offered. */
  g_assert_cmpint (g_menu_model_get_n_items (recent), ==, 1);
  target = menu_target (recent, 0);
  g_assert_cmpstr (target, ==, first);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", first));
  g_assert_cmpstr (mulu_catalog_get_path (mulu_window_get_catalog (window)), ==, first);
  g_clear_pointer (&target, g_free);
  target = menu_target (recent, 0);
  g_assert_cmpstr (target, ==, second);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_package_dropped_is_imported (void)
{
  g_autoptr(MuluCatalog) empty = mulu_test_new_catalog ();
  g_autofree char *path = g_strdup (mulu_catalog_get_path (empty));
  g_autofree char *package = mulu_test_write_file ("drop.jsonl",
    "{\"kind\":\"mulu-package\",\"version\":1}\n"
    "{\"kind\":\"department\",\"id\":\"dx\",\"name\":\"另一个局\"}\n"
    "{\"kind\":\"system\",\"id\":\"sx\",\"department\":\"dx\",\"name\":\"新系统\"}\n", -1);
  MuluWindow *window;
  g_autoptr(GFile) file = g_file_new_for_path (package);

  mulu_catalog_close (empty, NULL);
  window = open_window (path);
  g_assert_true (mulu_window_open_file (window, file));
  g_assert_cmpint (mulu_catalog_count (mulu_window_get_catalog (window), MULU_ENTITY_SYSTEM, NULL), ==, 1);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int    argc,
      char **argv)
{
  mulu_ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/window/shows-catalog-and-step-progress", test_shows_catalog_and_progress);
  g_test_add_func ("/ui/window/add-system-undo-redo", test_add_system_then_undo);
  g_test_add_func ("/ui/window/steps-by-keyboard-actions", test_steps_by_keyboard);
  g_test_add_func ("/ui/window/edits-survive-reopening", test_edits_survive_reopening);
  g_test_add_func ("/ui/window/recent-catalogs-menu", test_recent_catalogs_menu);
  g_test_add_func ("/ui/window/package-dropped-is-imported", test_package_dropped_is_imported);
  return g_test_run ();
}
