/* test-preferences.c — the preferences window on a real catalog, under Xvfb
 *
 * Thresholds live in the catalog (a reviewer elsewhere sees the same
 * suspects); your name and the template in GSettings (memory backend).
 * Today is 2026-11-22 (MULU_TODAY).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-preferences-window.h"
#include "mulu-test-util.h"
#include "mulu-ui-test-util.h"
#include "mulu-window-private.h"
#include "mulu-zombies-page.h"

typedef struct {
  char       *path;
  MuluWindow *window;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  g_settings_reset (settings, "user-name");
  g_settings_reset (settings, "default-template");
  mulu_test_validate (catalog);
  fx->path = g_strdup (mulu_catalog_get_path (catalog));
  mulu_catalog_close (catalog, NULL);

  fx->window = mulu_window_new (NULL);
  g_assert_true (mulu_window_open_catalog (fx->window, fx->path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (fx->window));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  if (fx->window)
    gtk_window_destroy (GTK_WINDOW (fx->window));
  mulu_ui_test_spin (20);
  g_free (fx->path);
}

/* The preferences window the action opened. */
static MuluPreferencesWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (MULU_IS_PREFERENCES_WINDOW (w) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return MULU_PREFERENCES_WINDOW (w);
    }
  return NULL;
}

static MuluPreferencesWindow *
open_preferences (Fixture    *fx,
                  const char *action)
{
  MuluPreferencesWindow *prefs;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), action, NULL));
  prefs = find_preferences ();
  g_assert_nonnull (prefs);
  return prefs;
}

static char *
shown (MuluZombiesPage *page,
       MuluCatalog     *catalog)
{
  g_autoptr(GArray) ids = mulu_zombies_page_dup_shown (page);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *uid = mulu_catalog_dup_uid (catalog, MULU_ENTITY_SYSTEM, g_array_index (ids, gint64, i));
      g_string_append_printf (out, "%s%s", i ? " " : "", uid);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
shown_is (MuluZombiesPage *page,
          MuluCatalog     *catalog,
          const char      *expected)
{
  g_autofree char *now = shown (page, catalog);
  return g_strcmp0 (now, expected) == 0;
}

static int
stored_max_users (MuluCatalog *catalog)
{
  MuluZombieThresholds t;
  int n;

  mulu_zombie_thresholds_load (catalog, &t);
  n = t.max_users;
  mulu_zombie_thresholds_clear (&t);
  return n;
}

/* Whether the evidence shown for a system mentions part. */
static gboolean
evidence_has (MuluZombiesPage *page,
              MuluCatalog     *catalog,
              const char      *uid,
              const char      *part)
{
  g_autofree char *e = mulu_zombies_page_dup_evidence (page, mulu_test_id_of (catalog, uid));
  return e && strstr (e, part) != NULL;
}

static void
test_threshold_changes_suspects_and_is_stored (Fixture       *fx,
                                               gconstpointer  data)
{
  MuluZombiesPage *page = MULU_ZOMBIES_PAGE (fx->window->step_pages[4]);
  MuluCatalog *catalog = mulu_window_get_catalog (fx->window);
  MuluPreferencesWindow *prefs;
  GtkSpinButton *update;
  MuluZombieThresholds t;
  g_autoptr(GError) error = NULL;

  mulu_window_show_step (fx->window, 4);
  WAIT_UNTIL (shown_is (page, catalog, "s10 s11 s12"));

  /* The page's button opens the thresholds. */
  prefs = open_preferences (fx, "win.zombie-thresholds");
  g_assert_cmpstr (adw_preferences_page_get_name (adw_preferences_window_get_visible_page (ADW_PREFERENCES_WINDOW (prefs))), ==, "thresholds");
  update = GTK_SPIN_BUTTON (mulu_preferences_window_get_control (prefs, "update_idle_months"));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (update), ==, 24);
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (update)));

  /* s12 stays suspected for its expired contract, but with at most 3
   * users its 4 users are no longer "few". */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (mulu_preferences_window_get_control (prefs, "max_users")), 3);
  /* s10: no login for 34 months — with 36 months it is only disconnected. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (mulu_preferences_window_get_control (prefs, "login_idle_months")), 36);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (mulu_preferences_window_get_control (prefs, "min_utilization")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (mulu_preferences_window_get_control (prefs, "business_idle_months")), 36);
  /* Stored after the pause; s10 keeps only the clerk's own word. */
  mulu_zombie_thresholds_load (catalog, &t);
  g_assert_cmpint (t.max_users, ==, 5);
  mulu_zombie_thresholds_clear (&t);
  WAIT_UNTIL (stored_max_users (catalog) == 3);
  {
    g_autofree char *s10 = NULL;
    g_autofree char *s12 = NULL;

    WAIT_UNTIL (!evidence_has (page, catalog, "s12", "Few users"));
    s10 = mulu_zombies_page_dup_evidence (page, mulu_test_id_of (catalog, "s10"));
    s12 = mulu_zombies_page_dup_evidence (page, mulu_test_id_of (catalog, "s12"));
    g_assert_cmpstr (s10, ==, "Disconnected from the business: the clerk says it no longer supports current duties\n");
    g_assert_cmpstr (s12, ==, "Maintenance stopped: O&M contract ended 2023-06-30; last updated 2022-08-15, 51 months ago; annual O&M cost is 0\n");
  }

  /* Utilisation below 40 % now counts as idle: s7 (35 %) joins the suspects. */
  gtk_spin_button_set_value (update, 60);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (mulu_preferences_window_get_control (prefs, "min_utilization")), 40);
  g_assert_true (mulu_preferences_window_flush (prefs, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (evidence_has (page, catalog, "s7", "below 40 %"));
  g_assert_true (shown_is (page, catalog, "s7 s10 s11 s12"));
  gtk_window_close (GTK_WINDOW (prefs));

  /* Reopened (as a reviewer would on another machine), the catalog keeps them. */
  gtk_window_destroy (GTK_WINDOW (fx->window));
  mulu_ui_test_spin (20);
  fx->window = NULL;
  {
    g_autoptr(MuluCatalog) again = mulu_catalog_open (fx->path, &error);
    g_autoptr(MuluRecord) s12 = NULL;
    g_autoptr(GPtrArray) hits = NULL;
    g_autofree char *today = mulu_rules_dup_today ();

    g_assert_no_error (error);
    mulu_zombie_thresholds_load (again, &t);
    g_assert_cmpint (t.max_users, ==, 3);
    g_assert_cmpint (t.login_idle_months, ==, 36);
    g_assert_cmpint (t.business_idle_months, ==, 36);
    g_assert_cmpint (t.update_idle_months, ==, 60);
    g_assert_cmpfloat (t.min_utilization, ==, 40.0);
    s12 = mulu_catalog_get_by_uid (again, MULU_ENTITY_SYSTEM, "s12", &error);
    hits = mulu_zombie_assess (again, s12, &t, today);
    /* Maintenance stopped (its contract ended) and, at 9 %, idle; no
     * longer "few users". */
    g_assert_cmpuint (hits->len, ==, 2);
    mulu_zombie_thresholds_clear (&t);
    mulu_catalog_close (again, NULL);
  }
}

static void
test_rare_frequencies_choose_who_is_suspected (Fixture       *fx,
                                               gconstpointer  data)
{
  MuluZombiesPage *page = MULU_ZOMBIES_PAGE (fx->window->step_pages[4]);
  MuluCatalog *catalog = mulu_window_get_catalog (fx->window);
  MuluPreferencesWindow *prefs = open_preferences (fx, "win.zombie-thresholds");
  g_autoptr(GError) error = NULL;

  mulu_window_show_step (fx->window, 4);
  WAIT_UNTIL (shown_is (page, catalog, "s10 s11 s12"));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (mulu_preferences_window_get_control (prefs, "rare:每季度")), FALSE);
  g_assert_true (mulu_preferences_window_flush (prefs, &error));
  g_assert_no_error (error);
  {
    g_autofree char *rare = mulu_catalog_dup_meta (catalog, "zombie.rare_frequencies");
    g_assert_cmpstr (rare, ==, "每月,每年,极少使用");
  }
  WAIT_UNTIL (!evidence_has (page, catalog, "s12", "Few users"));

  /* Restoring the defaults brings the hit back. */
  g_signal_emit_by_name (mulu_preferences_window_get_control (prefs, "defaults"), "clicked");
  g_assert_true (mulu_preferences_window_flush (prefs, &error));
  WAIT_UNTIL (evidence_has (page, catalog, "s12", "Few users"));
  gtk_window_close (GTK_WINDOW (prefs));
}

static void
test_thresholds_disabled_without_catalog (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MuluPreferencesWindow *prefs = mulu_preferences_window_new (NULL, settings, NULL);

  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_false (gtk_widget_is_sensitive (mulu_preferences_window_get_control (prefs, "max_users")));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (mulu_preferences_window_get_control (prefs, "max_users"))), ==, 5);
  gtk_window_destroy (GTK_WINDOW (prefs));
  mulu_ui_test_spin (20);
}

static void
test_user_name_reaches_change_log (Fixture       *fx,
                                   gconstpointer  data)
{
  MuluCatalog *catalog = mulu_window_get_catalog (fx->window);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MuluPreferencesWindow *prefs;
  GtkWidget *name;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  sqlite3_stmt *stmt = NULL;

  /* Ctrl+, opens the preferences. */
  prefs = open_preferences (fx, "win.preferences");
  name = mulu_preferences_window_get_control (prefs, "user-name");
  gtk_editable_set_text (GTK_EDITABLE (name), "  陈晓玲 ");
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (name)), "activate");
  stored = g_settings_get_string (settings, "user-name");
  g_assert_cmpstr (stored, ==, "陈晓玲");
  g_assert_cmpstr (mulu_catalog_get_user (catalog), ==, "陈晓玲");
  gtk_window_close (GTK_WINDOW (prefs));

  /* The next change is recorded as theirs. */
  g_assert_true (mulu_history_set_zombie_review (mulu_window_get_history (fx->window), mulu_test_id_of (catalog, "s11"),
                                                 "rejected", NULL, NULL, "仍在使用", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                                       "SELECT who FROM change_log ORDER BY id DESC LIMIT 1", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "陈晓玲");
  sqlite3_finalize (stmt);

  /* A catalog opened later is written under the same name. */
  {
    g_autoptr(MuluCatalog) other = mulu_test_sample_catalog ();
    g_autofree char *other_path = g_strdup (mulu_catalog_get_path (other));

    mulu_catalog_close (other, NULL);
    g_assert_true (mulu_window_open_catalog (fx->window, other_path, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (mulu_catalog_get_user (mulu_window_get_catalog (fx->window)), ==, "陈晓玲");
  }
}

static void
test_default_template (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  MuluPreferencesWindow *prefs = open_preferences (fx, "win.preferences");
  AdwComboRow *template = ADW_COMBO_ROW (mulu_preferences_window_get_control (prefs, "template"));
  g_autofree char *value = NULL;

  g_assert_cmpuint (adw_combo_row_get_selected (template), ==, 0);
  adw_combo_row_set_selected (template, 1);
  value = g_settings_get_string (settings, "default-template");
  g_assert_cmpstr (value, ==, "flat");
  gtk_window_close (GTK_WINDOW (prefs));
}

static void
test_asks_for_name_once (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "user-name-asked");
  mulu_window_ask_user_name (fx->window);
  g_assert_true (g_settings_get_boolean (settings, "user-name-asked"));
  /* Once is enough. */
  g_settings_set_string (settings, "user-name", "");
  mulu_window_ask_user_name (fx->window);
  g_assert_true (g_settings_get_boolean (settings, "user-name-asked"));
}

int
main (int argc, char **argv)
{
  mulu_ui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/ui/preferences/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("threshold-changes-who-is-suspected-and-is-stored-in-the-catalog", test_threshold_changes_suspects_and_is_stored);
  ADD ("rare-frequencies-choose-who-is-suspected", test_rare_frequencies_choose_who_is_suspected);
  ADD ("user-name-reaches-the-change-log", test_user_name_reaches_change_log);
  ADD ("default-template-is-remembered", test_default_template);
  ADD ("asks-for-the-name-once", test_asks_for_name_once);
#undef ADD
  g_test_add_func ("/ui/preferences/thresholds-disabled-without-a-catalog", test_thresholds_disabled_without_catalog);

  return g_test_run ();
}
