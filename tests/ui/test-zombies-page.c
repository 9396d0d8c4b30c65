/* test-zombies-page.c — step 5 in the real window, under Xvfb
 *
 * The sample catalog's suspected zombies are s10, s11 and s12
 * (data/samples/README.md); today is 2026-11-22 (MULU_TODAY). Each test
 * opens a copy of the sample in a window, decides the way a clerk would
 * (typing in the fields, pressing the buttons) and reads the catalog back.
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
  char            *path;
  MuluWindow      *window;
  MuluCatalog     *catalog;
  MuluZombiesPage *page;
} Fixture;

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(GError) error = NULL;

  mulu_test_validate (catalog);
  fx->path = g_strdup (mulu_catalog_get_path (catalog));
  mulu_catalog_close (catalog, NULL);

  fx->window = mulu_window_new (NULL);
  g_assert_true (mulu_window_open_catalog (fx->window, fx->path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (fx->window));
  fx->catalog = mulu_window_get_catalog (fx->window);
  fx->page = MULU_ZOMBIES_PAGE (fx->window->step_pages[4]);
  mulu_window_show_step (fx->window, 4);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fx->page)));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fx->window));
  mulu_ui_test_spin (20);
  g_free (fx->path);
}

static gint64
id_of (Fixture    *fx,
       const char *uid)
{
  return mulu_test_id_of (fx->catalog, uid);
}

/* The package ids of the systems shown, "s10 s11 s12". */
static char *
shown (Fixture *fx)
{
  g_autoptr(GArray) ids = mulu_zombies_page_dup_shown (fx->page);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autofree char *uid = mulu_catalog_dup_uid (fx->catalog, MULU_ENTITY_SYSTEM, g_array_index (ids, gint64, i));
      g_string_append_printf (out, "%s%s", i ? " " : "", uid);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
shown_is (Fixture    *fx,
          const char *expected)
{
  g_autofree char *now = shown (fx);
  return g_strcmp0 (now, expected) == 0;
}

static GtkWidget *
control (Fixture    *fx,
         const char *uid,
         const char *name)
{
  GtkWidget *widget = mulu_zombies_page_get_control (fx->page, id_of (fx, uid), name);

  g_assert_nonnull (widget);
  return widget;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* Types into an entry row and presses Enter in it. */
static void
type_and_enter (GtkWidget  *row,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (row)), "activate");
}

static const char *
message (Fixture    *fx,
         const char *uid)
{
  GtkWidget *label = control (fx, uid, "message");

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static gboolean
message_has (Fixture    *fx,
             const char *uid,
             const char *part)
{
  const char *m = message (fx, uid);
  return m && strstr (m, part) != NULL;
}

static MuluZombieReview *
stored (Fixture    *fx,
        const char *uid)
{
  return mulu_zombie_get_review (fx->catalog, id_of (fx, uid));
}

static gboolean
decision_is (Fixture    *fx,
             const char *uid,
             const char *decision)
{
  g_autoptr(MuluZombieReview) r = stored (fx, uid);
  return g_strcmp0 (r->decision, decision) == 0;
}

static const char *
step_progress (Fixture *fx)
{
  return mulu_step_row_get_progress (fx->window->step_rows[4]);
}

static GtkWidget *
first_button (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = GTK_IS_BUTTON (child) && gtk_widget_get_visible (child) ? child : first_button (child);
      if (found)
        return found;
    }
  return NULL;
}

/* Chooses a disposition by its label. */
static void
choose (GtkWidget  *combo,
        const char *label)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      if (g_str_equal (gtk_string_object_get_string (item), label))
        {
          adw_combo_row_set_selected (ADW_COMBO_ROW (combo), i);
          return;
        }
    }
  g_error ("no disposition “%s”", label);
}

/* — Tests —————————————————————————————————————————————————————————— */

static void
test_lists_suspects_with_reasons (Fixture       *fx,
                                  gconstpointer  data)
{
  g_autofree char *s10 = NULL;
  g_autofree char *s11 = NULL;
  g_autofree char *s12 = NULL;

  WAIT_UNTIL (shown_is (fx, "s10 s11 s12"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_first_child (adw_bin_get_child (ADW_BIN (fx->page))))), ==, "list");
  s10 = mulu_zombies_page_dup_evidence (fx->page, id_of (fx, "s10"));
  s11 = mulu_zombies_page_dup_evidence (fx->page, id_of (fx, "s11"));
  s12 = mulu_zombies_page_dup_evidence (fx->page, id_of (fx, "s12"));
  g_assert_cmpstr (s10, ==,
                   "Disconnected from the business: last business use 2024-01-15, 34 months ago; the clerk says it no longer supports current duties\n"
                   "Resources idle: last login 2024-01-15, no one has logged in for 34 months; resource utilisation 2 %, below 5 %\n");
  g_assert_cmpstr (s11, ==, "Function replaceable: its function is covered by “国土空间规划“一张图”实施监督系统”\n");
  g_assert_cmpstr (s12, ==,
                   "Maintenance stopped: O&M contract ended 2023-06-30; last updated 2022-08-15, 51 months ago; annual O&M cost is 0\n"
                   "Few users, rarely used: 4 users, used 每季度\n");
  /* The step's row says how many wait for a decision. */
  WAIT_UNTIL (g_strcmp0 (step_progress (fx), "3 to decide") == 0);

  /* Nothing decided yet. */
  mulu_zombies_page_set_filter (fx->page, MULU_ZOMBIES_CONFIRMED);
  g_assert_true (shown_is (fx, ""));
  mulu_zombies_page_set_filter (fx->page, MULU_ZOMBIES_REJECTED);
  g_assert_true (shown_is (fx, ""));
}

static void
test_confirm_needs_disposition_and_date (Fixture       *fx,
                                         gconstpointer  data)
{
  g_autoptr(MuluZombieReview) r = NULL;

  WAIT_UNTIL (shown_is (fx, "s10 s11 s12"));
  g_assert_null (message (fx, "s10"));
  g_assert_false (gtk_widget_get_visible (control (fx, "s10", "disposition")));

  type_and_enter (control (fx, "s10", "note"), "业务已改在部级系统填报");
  click (control (fx, "s10", "confirm"));
  g_assert_true (decision_is (fx, "s10", "confirmed"));
  /* The keyboard goes on to what a confirmed zombie needs next. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fx->window)) == control (fx, "s10", "disposition"));
  /* The card stays among those to decide, now asking for what S2 wants. */
  WAIT_UNTIL (message_has (fx, "s10", "no disposition or planned date"));
  g_assert_true (shown_is (fx, "s10 s11 s12"));
  g_assert_true (gtk_widget_get_visible (control (fx, "s10", "disposition")));
  g_assert_true (gtk_widget_get_visible (control (fx, "s10", "date")));
  g_assert_false (gtk_widget_is_sensitive (control (fx, "s10", "confirm")));
  WAIT_UNTIL (mulu_step_row_get_progress (fx->window->step_rows[4]) &&
              g_strcmp0 (step_progress (fx), "2 to decide") == 0);
  g_assert_cmpuint (mulu_zombies_page_get_n_errors (fx->page), ==, 1);

  /* A disposition alone is not enough. */
  choose (control (fx, "s10", "disposition"), "关停下线");
  WAIT_UNTIL (message_has (fx, "s10", "no disposition or planned date"));
  {
    g_autoptr(MuluZombieReview) half = stored (fx, "s10");
    g_assert_cmpstr (half->disposition, ==, "关停下线");
    g_assert_null (half->planned_date);
  }

  /* Not a date: said under the field, nothing stored. */
  type_and_enter (control (fx, "s10", "date"), "明年六月");
  WAIT_UNTIL (message_has (fx, "s10", "is not a date"));

  /* The date the way clerks type it. */
  type_and_enter (control (fx, "s10", "date"), "2027/6/30");
  WAIT_UNTIL (message (fx, "s10") == NULL);
  r = stored (fx, "s10");
  g_assert_cmpstr (r->decision, ==, "confirmed");
  g_assert_cmpstr (r->disposition, ==, "关停下线");
  g_assert_cmpstr (r->planned_date, ==, "2027-06-30");
  g_assert_cmpstr (r->note, ==, "业务已改在部级系统填报");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (control (fx, "s10", "date"))), ==, "2027-06-30");
  WAIT_UNTIL (mulu_zombies_page_get_n_errors (fx->page) == 0);

  /* Chosen again, the filter shows it among the confirmed only. */
  mulu_zombies_page_set_filter (fx->page, MULU_ZOMBIES_PENDING);
  g_assert_true (shown_is (fx, "s11 s12"));
  mulu_zombies_page_set_filter (fx->page, MULU_ZOMBIES_CONFIRMED);
  g_assert_true (shown_is (fx, "s10"));
}

static void
test_postponed_needs_reason (Fixture       *fx,
                             gconstpointer  data)
{
  WAIT_UNTIL (shown_is (fx, "s10 s11 s12"));
  click (control (fx, "s12", "confirm"));
  choose (control (fx, "s12", "disposition"), "暂缓");
  type_and_enter (control (fx, "s12", "date"), "2027-12-31");
  WAIT_UNTIL (message_has (fx, "s12", "without a reason"));
  type_and_enter (control (fx, "s12", "note"), "等待执法数据迁移到省级平台");
  WAIT_UNTIL (message (fx, "s12") == NULL);
}

static void
test_reject_with_note (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(MuluZombieReview) r = NULL;

  WAIT_UNTIL (shown_is (fx, "s10 s11 s12"));
  type_and_enter (control (fx, "s11", "note"), "仍用于历史规划数据查询，暂不替代");
  click (control (fx, "s11", "reject"));
  g_assert_true (decision_is (fx, "s11", "rejected"));
  r = stored (fx, "s11");
  g_assert_cmpstr (r->note, ==, "仍用于历史规划数据查询，暂不替代");
  g_assert_null (r->disposition);
  WAIT_UNTIL (!gtk_widget_is_sensitive (control (fx, "s11", "reject")));
  /* A rejected system asks for no disposition. */
  g_assert_false (gtk_widget_get_visible (control (fx, "s11", "disposition")));

  mulu_zombies_page_set_filter (fx->page, MULU_ZOMBIES_REJECTED);
  g_assert_true (shown_is (fx, "s11"));
  mulu_zombies_page_set_filter (fx->page, MULU_ZOMBIES_PENDING);
  g_assert_true (shown_is (fx, "s10 s12"));
}

static void
test_undo_a_decision (Fixture       *fx,
                      gconstpointer  data)
{
  WAIT_UNTIL (shown_is (fx, "s10 s11 s12"));
  click (control (fx, "s12", "confirm"));
  choose (control (fx, "s12", "disposition"), "整合");
  g_assert_true (decision_is (fx, "s12", "confirmed"));
  WAIT_UNTIL (gtk_widget_get_visible (control (fx, "s12", "disposition")));

  /* Ctrl+Z takes back the disposition, then the decision. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.undo", NULL));
  {
    g_autoptr(MuluZombieReview) r = stored (fx, "s12");
    g_assert_cmpstr (r->decision, ==, "confirmed");
    g_assert_null (r->disposition);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.undo", NULL));
  g_assert_true (decision_is (fx, "s12", NULL));
  WAIT_UNTIL (gtk_widget_is_sensitive (control (fx, "s12", "confirm")) &&
              !gtk_widget_get_visible (control (fx, "s12", "disposition")));
  WAIT_UNTIL (g_strcmp0 (step_progress (fx), "3 to decide") == 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.redo", NULL));
  g_assert_true (decision_is (fx, "s12", "confirmed"));
  WAIT_UNTIL (gtk_widget_get_visible (control (fx, "s12", "disposition")));
}

static void
test_shared_resources_pointed_out (Fixture       *fx,
                                   gconstpointer  data)
{
  g_autoptr(MuluRecordList) resources = mulu_record_list_new (fx->catalog, MULU_ENTITY_RESOURCE);
  g_autoptr(MuluRecord) resource = NULL;
  g_autoptr(GError) error = NULL;
  gint64 s10 = id_of (fx, "s10");
  GtkWidget *shared;

  /* One of s10's resources made 无条件共享 (the sample has none). */
  for (guint i = 0; resource == NULL && i < g_list_model_get_n_items (G_LIST_MODEL (resources)); i++)
    {
      g_autoptr(MuluRecord) r = g_list_model_get_item (G_LIST_MODEL (resources), i);
      if (mulu_record_get_int (r, MULU_RESOURCE_SYSTEM) == s10)
        resource = g_steal_pointer (&r);
    }
  g_assert_nonnull (resource);
  mulu_record_set_string (resource, MULU_RESOURCE_SHARE_TYPE, "无条件共享");
  mulu_record_set_string (resource, MULU_RESOURCE_SHARE_CONDITION, NULL);
  mulu_record_set_string (resource, MULU_RESOURCE_OPEN_TYPE, "不予开放");
  g_assert_true (mulu_history_update (mulu_window_get_history (fx->window), resource, &error));
  g_assert_no_error (error);

  WAIT_UNTIL (shown_is (fx, "s10 s11 s12"));
  shared = control (fx, "s10", "shared");
  g_assert_false (gtk_widget_get_visible (shared));
  click (control (fx, "s10", "confirm"));
  WAIT_UNTIL (gtk_widget_get_visible (shared));
  g_assert_cmpuint (mulu_zombies_page_get_n_warnings (fx->page), ==, 1);

  /* Its open button leads to the resource, in step 3. */
  click (first_button (shared));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fx->window->pages), ==, "resources");
}

static void
test_open_record (Fixture       *fx,
                  gconstpointer  data)
{
  WAIT_UNTIL (shown_is (fx, "s10 s11 s12"));
  click (control (fx, "s11", "open"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (fx->window->pages), ==, "systems");
}

static void
test_empty_when_none_suspected (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_new_catalog ();
  g_autofree char *path = g_strdup (mulu_catalog_get_path (catalog));
  g_autoptr(GError) error = NULL;
  MuluWindow *window;
  MuluZombiesPage *page;

  mulu_test_validate (catalog);
  mulu_catalog_close (catalog, NULL);
  window = mulu_window_new (NULL);
  g_assert_true (mulu_window_open_catalog (window, path, &error));
  g_assert_no_error (error);
  gtk_window_present (GTK_WINDOW (window));
  mulu_window_show_step (window, 4);
  page = MULU_ZOMBIES_PAGE (window->step_pages[4]);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (gtk_widget_get_first_child (adw_bin_get_child (ADW_BIN (page))))), ==, "empty");
  g_assert_cmpstr (mulu_zombies_page_get_progress (page), ==, "None suspected");
  WAIT_UNTIL (g_strcmp0 (mulu_step_row_get_progress (window->step_rows[4]), "None suspected") == 0);
  gtk_window_destroy (GTK_WINDOW (window));
  mulu_ui_test_spin (20);
}

/* — Screenshots (docs/screenshots), taken only when asked ———————————— */

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
test_screenshots (Fixture       *fx,
                  gconstpointer  data)
{
  const char *dir = g_getenv ("MULU_SCREENSHOT_DIR");
  g_autofree char *zombies = NULL;
  g_autofree char *prefs_path = NULL;
  MuluPreferencesWindow *prefs = NULL;
  GListModel *toplevels;

  if (dir == NULL)
    {
      g_test_skip ("MULU_SCREENSHOT_DIR is not set");
      return;
    }
  gtk_window_set_default_size (GTK_WINDOW (fx->window), 1180, 860);
  WAIT_UNTIL (shown_is (fx, "s10 s11 s12"));
  type_and_enter (control (fx, "s10", "note"), "业务已改在部级系统填报，本系统停止录入");
  click (control (fx, "s10", "confirm"));
  choose (control (fx, "s10", "disposition"), "关停下线");
  WAIT_UNTIL (message (fx, "s10") != NULL && gtk_widget_get_visible (control (fx, "s10", "date")));
  mulu_ui_test_spin (600);
  zombies = g_build_filename (dir, "zombies.png", NULL);
  save_png (GTK_WIDGET (fx->window), zombies);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->window), "win.zombie-thresholds", NULL));
  toplevels = gtk_window_get_toplevels ();
  for (guint i = 0; prefs == NULL && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) w = g_list_model_get_item (toplevels, i);
      if (MULU_IS_PREFERENCES_WINDOW (w))
        prefs = MULU_PREFERENCES_WINDOW (w);
    }
  g_assert_nonnull (prefs);
  gtk_window_set_default_size (GTK_WINDOW (prefs), 640, 760);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (prefs)));
  mulu_ui_test_spin (600);
  prefs_path = g_build_filename (dir, "preferences.png", NULL);
  save_png (GTK_WIDGET (prefs), prefs_path);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "general");
  mulu_ui_test_spin (600);
  g_free (prefs_path);
  prefs_path = g_build_filename (dir, "preferences-general.png", NULL);
  save_png (GTK_WIDGET (prefs), prefs_path);
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* The confirmed ones, one with a resource still shared (S6). */
  {
    g_autoptr(MuluRecordList) resources = mulu_record_list_new (fx->catalog, MULU_ENTITY_RESOURCE);
    g_autoptr(GError) error = NULL;
    g_autofree char *confirmed = g_build_filename (dir, "zombies-confirmed.png", NULL);
    gint64 s12 = id_of (fx, "s12");

    for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (resources)); i++)
      {
        g_autoptr(MuluRecord) r = g_list_model_get_item (G_LIST_MODEL (resources), i);
        if (mulu_record_get_int (r, MULU_RESOURCE_SYSTEM) != s12)
          continue;
        mulu_record_set_string (r, MULU_RESOURCE_SHARE_TYPE, "无条件共享");
        mulu_record_set_string (r, MULU_RESOURCE_SHARE_CONDITION, NULL);
        g_assert_true (mulu_catalog_update (fx->catalog, r, &error));
        g_assert_no_error (error);
        break;
      }
    click (control (fx, "s12", "confirm"));
    choose (control (fx, "s12", "disposition"), "整合");
    type_and_enter (control (fx, "s12", "date"), "2027/3/31");
    type_and_enter (control (fx, "s10", "date"), "2027-06-30");
    mulu_zombies_page_set_filter (fx->page, MULU_ZOMBIES_CONFIRMED);
    WAIT_UNTIL (gtk_widget_get_visible (control (fx, "s12", "shared")));
    mulu_ui_test_spin (600);
    save_png (GTK_WIDGET (fx->window), confirmed);
  }
}

int
main (int argc, char **argv)
{
  /* Chinese when the screenshots are taken under a Chinese locale. */
  mulu_i18n_init ();
  mulu_ui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/ui/zombies/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("lists-exactly-the-suspects-with-their-reasons", test_lists_suspects_with_reasons);
  ADD ("confirmed-shows-S2-until-disposition-and-date", test_confirm_needs_disposition_and_date);
  ADD ("postponed-needs-a-reason", test_postponed_needs_reason);
  ADD ("reject-with-a-note", test_reject_with_note);
  ADD ("undo-and-redo-a-decision", test_undo_a_decision);
  ADD ("shared-resources-of-a-confirmed-zombie-pointed-out", test_shared_resources_pointed_out);
  ADD ("open-the-system-record", test_open_record);
  ADD ("screenshots", test_screenshots);
#undef ADD
  g_test_add_func ("/ui/zombies/empty-when-none-suspected", test_empty_when_none_suspected);

  return g_test_run ();
}
