/* test-record-editor.c — the record editor with real widgets, under Xvfb
 *
 * Each test opens the sample catalog, shows one record in an editor in a
 * window, changes it the way a clerk would (choosing from a list, typing and
 * pressing Enter, pausing) and reads the catalog back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "mulu-record-editor-private.h"
#include "mulu-resource-code.h"
#include "mulu-test-util.h"
#include "mulu-ui-test-util.h"

typedef struct {
  MuluCatalog      *catalog;
  MuluHistory      *history;
  GtkWindow        *window;
  MuluRecordEditor *editor;
  MuluEntity        entity;
  gint64            id;
} Fixture;

typedef struct {
  MuluEntity  entity;
  const char *uid;
} Subject;

static const Subject resource_r1 = { MULU_ENTITY_RESOURCE, "r1" };
static const Subject system_s2 = { MULU_ENTITY_SYSTEM, "s2" };
static const Subject department_d1 = { MULU_ENTITY_DEPARTMENT, "d1" };

/* — Fixture ———————————————————————————————————————————————————————— */

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  const Subject *subject = data;
  g_autoptr(MuluRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  fx->catalog = mulu_test_sample_catalog ();
  fx->history = mulu_history_new (fx->catalog);
  fx->entity = subject->entity;
  record = mulu_catalog_get_by_uid (fx->catalog, subject->entity, subject->uid, &error);
  g_assert_no_error (error);
  fx->id = mulu_record_get_id (record);

  fx->editor = MULU_RECORD_EDITOR (mulu_record_editor_new (subject->entity));
  mulu_record_editor_set_catalog (fx->editor, fx->catalog);
  mulu_record_editor_set_history (fx->editor, fx->history);

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, 760, 900);
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->editor));
  gtk_window_present (fx->window);

  mulu_record_editor_set_record_id (fx->editor, fx->id);
  g_assert_cmpint (mulu_record_editor_get_record_id (fx->editor), ==, fx->id);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fx->editor)));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  gtk_window_destroy (fx->window);
  mulu_ui_test_spin (20);
  g_clear_object (&fx->history);
  mulu_catalog_close (fx->catalog, NULL);
  g_clear_object (&fx->catalog);
}

static MuluFieldRow *
row_for (Fixture    *fx,
         const char *key)
{
  MuluFieldRow *row = mulu_record_editor_get_row (fx->editor, key);

  g_assert_nonnull (row);
  return row;
}

/* The stored value of one field, as text ("" when unset). */
static char *
stored (Fixture *fx,
        guint    field)
{
  g_autoptr(MuluRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  record = mulu_catalog_get (fx->catalog, fx->entity, fx->id, &error);
  g_assert_no_error (error);
  return mulu_record_dup_text (record, field);
}

static gboolean
stored_is (Fixture    *fx,
           guint       field,
           const char *text)
{
  g_autofree char *value = stored (fx, field);
  return g_strcmp0 (value, text) == 0;
}

static gboolean
message_contains (MuluFieldRow *row,
                  const char   *part)
{
  const char *message = mulu_field_row_get_message (row);
  return message && strstr (message, part) != NULL;
}

/* Types into a one-line field and presses Enter in it. */
static void
type_and_enter (MuluFieldRow *row,
                const char   *text)
{
  GtkWidget *entry = mulu_field_row_get_control (row);

  g_assert_true (ADW_IS_ENTRY_ROW (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  /* What Enter does in the entry's text. */
  g_signal_emit_by_name (gtk_editable_get_delegate (GTK_EDITABLE (entry)), "activate");
}

static const char *
entry_text (MuluFieldRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (mulu_field_row_get_control (row)));
}

static GtkTextBuffer *
text_buffer (MuluFieldRow *row)
{
  GtkWidget *view = mulu_field_row_get_control (row);

  g_assert_true (GTK_IS_TEXT_VIEW (view));
  return gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
}

static AdwComboRow *
combo (MuluFieldRow *row)
{
  GtkWidget *control = mulu_field_row_get_control (row);

  g_assert_true (ADW_IS_COMBO_ROW (control));
  return ADW_COMBO_ROW (control);
}

static char *
combo_label (AdwComboRow *c,
             guint        position)
{
  g_autoptr(GtkStringObject) item = g_list_model_get_item (adw_combo_row_get_model (c), position);

  return item ? g_strdup (gtk_string_object_get_string (item)) : NULL;
}

static const char *
selected_label (AdwComboRow *c)
{
  GtkStringObject *item = adw_combo_row_get_selected_item (c);

  return item ? gtk_string_object_get_string (item) : NULL;
}

/* Chooses the entry whose label is text, or else starts with it. */
static void
choose (MuluFieldRow *row,
        const char   *text)
{
  AdwComboRow *c = combo (row);
  GListModel *model = adw_combo_row_get_model (c);

  for (int exact = 1; exact >= 0; exact--)
    for (guint i = 0; i < g_list_model_get_n_items (model); i++)
      {
        g_autofree char *label = combo_label (c, i);
        if (exact ? g_str_equal (label, text) : g_str_has_prefix (label, text))
          {
            adw_combo_row_set_selected (c, i);
            return;
          }
      }
  g_error ("“%s” offers no “%s”", mulu_field_get_label (mulu_field_row_get_info (row)), text);
}

/* — Tests —————————————————————————————————————————————————————————— */

static void
test_conditional_sharing_asks_for_condition (Fixture       *fx,
                                             gconstpointer  data)
{
  MuluFieldRow *share_type = row_for (fx, "share_type");
  MuluFieldRow *condition = row_for (fx, "share_condition");
  const char *text = "供市大数据局用于政务服务事项办理，不得向第三方提供";

  /* r1 is shared unconditionally: no condition asked. */
  g_assert_cmpstr (selected_label (combo (share_type)), ==, "无条件共享");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (condition)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row_for (fx, "share_basis"))));

  choose (share_type, "有条件共享");
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (condition)) && mulu_field_row_get_message (condition));
  g_assert_true (stored_is (fx, MULU_RESOURCE_SHARE_TYPE, "有条件共享"));
  g_assert_true (message_contains (condition, "states none"));
  g_assert_cmpint (mulu_field_row_get_severity (condition), ==, MULU_SEVERITY_ERROR);
  /* R9 speaks under the open type, not under the condition. */
  g_assert_true (message_contains (row_for (fx, "open_type"), "opened unconditionally"));

  /* Typing, then a pause: the condition is stored and R2 is satisfied. */
  gtk_text_buffer_set_text (text_buffer (condition), text, -1);
  WAIT_UNTIL (stored_is (fx, MULU_RESOURCE_SHARE_CONDITION, text));
  WAIT_UNTIL (mulu_field_row_get_message (condition) == NULL);
  g_assert_cmpint (mulu_field_row_get_severity (condition), ==, MULU_N_SEVERITIES);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (condition)));
}

static void
test_refusal_not_sharing_shows_basis (Fixture       *fx,
                                      gconstpointer  data)
{
  MuluFieldRow *basis_type = row_for (fx, "share_basis_type");
  MuluFieldRow *basis = row_for (fx, "share_basis");

  choose (row_for (fx, "share_type"), "不予共享");
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (basis)) && gtk_widget_get_visible (GTK_WIDGET (basis_type)));
  g_assert_true (message_contains (basis, "cites no basis"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (row_for (fx, "share_condition"))));
  /* The first entry leaves the choice open. */
  g_assert_cmpuint (adw_combo_row_get_selected (combo (basis_type)), ==, 0);
  g_assert_cmpstr (selected_label (combo (basis_type)), ==, "Not selected");
}

static void
test_number_refuses_units (Fixture       *fx,
                           gconstpointer  data)
{
  MuluFieldRow *records = row_for (fx, "volume_records");
  MuluFieldRow *date = row_for (fx, "publish_date");

  g_assert_cmpstr (entry_text (records), ==, "18650");

  type_and_enter (records, "100万条");
  g_assert_true (message_contains (records, "not a number"));
  g_assert_cmpint (mulu_field_row_get_severity (records), ==, MULU_SEVERITY_ERROR);
  g_assert_true (gtk_widget_has_css_class (mulu_field_row_get_control (records), "error"));
  g_assert_true (stored_is (fx, MULU_RESOURCE_VOLUME_RECORDS, "18650"));

  /* Neither the pause nor another field's commit (and the reload after it)
   * stores it or takes it away. */
  type_and_enter (date, "2024/3/1");
  WAIT_UNTIL (stored_is (fx, MULU_RESOURCE_PUBLISH_DATE, "2024-03-01"));
  mulu_ui_test_spin (800);
  g_assert_true (stored_is (fx, MULU_RESOURCE_VOLUME_RECORDS, "18650"));
  g_assert_cmpstr (entry_text (records), ==, "100万条");
  g_assert_true (message_contains (records, "not a number"));

  /* Corrected, it is stored and the message goes. */
  type_and_enter (records, "1000000");
  g_assert_true (stored_is (fx, MULU_RESOURCE_VOLUME_RECORDS, "1000000"));
  g_assert_null (mulu_field_row_get_message (records));
  g_assert_false (gtk_widget_has_css_class (mulu_field_row_get_control (records), "error"));
}

static void
test_date_is_normalised (Fixture       *fx,
                         gconstpointer  data)
{
  MuluFieldRow *date = row_for (fx, "publish_date");

  g_assert_cmpstr (entry_text (date), ==, "2019-05-10");
  type_and_enter (date, "2024/3/1");
  g_assert_true (stored_is (fx, MULU_RESOURCE_PUBLISH_DATE, "2024-03-01"));
  g_assert_cmpstr (entry_text (date), ==, "2024-03-01");

  type_and_enter (date, "2024年3月2日");
  g_assert_true (stored_is (fx, MULU_RESOURCE_PUBLISH_DATE, "2024-03-02"));
  g_assert_cmpstr (entry_text (date), ==, "2024-03-02");

  type_and_enter (date, "3月2日");
  g_assert_true (message_contains (date, "not a date"));
  g_assert_true (stored_is (fx, MULU_RESOURCE_PUBLISH_DATE, "2024-03-02"));
  g_assert_cmpstr (entry_text (date), ==, "3月2日");
}

static void
test_text_commits_after_pause (Fixture       *fx,
                               gconstpointer  data)
{
  MuluFieldRow *name = row_for (fx, "name");
  GtkWidget *entry = mulu_field_row_get_control (name);

  gtk_editable_set_text (GTK_EDITABLE (entry), "政府信息主动公开目录");
  /* Not at once: the clerk may still be typing. */
  mulu_ui_test_spin (200);
  g_assert_true (stored_is (fx, MULU_RESOURCE_NAME, "政府信息主动公开目录信息"));
  g_assert_true (mulu_field_row_has_pending_edit (name));
  WAIT_UNTIL (stored_is (fx, MULU_RESOURCE_NAME, "政府信息主动公开目录"));
  g_assert_false (mulu_field_row_has_pending_edit (name));
}

static void
test_reload_keeps_typing (Fixture       *fx,
                          gconstpointer  data)
{
  MuluFieldRow *name = row_for (fx, "name");
  GtkWidget *entry = mulu_field_row_get_control (name);

  /* Typing in one field while another is stored and the editor reloads. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "政府信息主动公开目录（新）");
  choose (row_for (fx, "update_cycle"), "每日");
  WAIT_UNTIL (stored_is (fx, MULU_RESOURCE_UPDATE_CYCLE, "每日"));
  mulu_ui_test_spin (50);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "政府信息主动公开目录（新）");
  WAIT_UNTIL (stored_is (fx, MULU_RESOURCE_NAME, "政府信息主动公开目录（新）"));

  /* Switching records commits what is typed to the record it belongs to. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "政府信息主动公开目录（再）");
  mulu_record_editor_set_record_id (fx->editor, fx->id + 1);
  g_assert_true (stored_is (fx, MULU_RESOURCE_NAME, "政府信息主动公开目录（再）"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), !=, "政府信息主动公开目录（再）");
}

static void
test_classification_cascades (Fixture       *fx,
                              gconstpointer  data)
{
  MuluFieldRow *class1 = row_for (fx, "class_1");
  MuluFieldRow *class2 = row_for (fx, "class_2");
  MuluFieldRow *class3 = row_for (fx, "class_3");
  MuluCodes *codes = mulu_catalog_get_codes (fx->catalog);
  GPtrArray *items = mulu_codes_list (codes, "classification", "1");
  GListModel *model;

  g_assert_true (g_str_has_prefix (selected_label (combo (class1)), "2 "));
  g_assert_true (g_str_has_prefix (selected_label (combo (class2)), "01 "));
  g_assert_true (g_str_has_prefix (selected_label (combo (class3)), "003 "));

  choose (class1, "1 ");
  WAIT_UNTIL (stored_is (fx, MULU_RESOURCE_CLASS_1, "1"));
  /* Another 类: its 项 and 目 no longer mean anything. */
  g_assert_true (stored_is (fx, MULU_RESOURCE_CLASS_2, ""));
  g_assert_true (stored_is (fx, MULU_RESOURCE_CLASS_3, ""));

  /* 项 offers exactly the children of 类 1, after "not selected". */
  model = adw_combo_row_get_model (combo (class2));
  WAIT_UNTIL (g_list_model_get_n_items (model) == items->len + 1);
  g_assert_cmpuint (adw_combo_row_get_selected (combo (class2)), ==, 0);
  for (guint i = 0; i < items->len; i++)
    {
      const MuluCodeEntry *e = g_ptr_array_index (items, i);
      g_autofree char *expected = g_strdup_printf ("%s %s", e->value, e->label);
      g_autofree char *label = combo_label (combo (class2), i + 1);
      g_assert_cmpstr (label, ==, expected);
    }
  /* 目 waits for 项. */
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (class3)));

  adw_combo_row_set_selected (combo (class2), 1);
  WAIT_UNTIL (stored_is (fx, MULU_RESOURCE_CLASS_2, ((MuluCodeEntry *) g_ptr_array_index (items, 0))->value));
  WAIT_UNTIL (gtk_widget_get_sensitive (GTK_WIDGET (class3)));
}

/* The titles of the history group's rows, newest first. */
static char *
history_titles (Fixture *fx)
{
  GString *titles = g_string_new (NULL);

  for (guint i = 0; i < fx->editor->history_rows->len; i++)
    g_string_append_printf (titles, "%s\n",
                            adw_preferences_row_get_title (g_ptr_array_index (fx->editor->history_rows, i)));
  return g_string_free (titles, FALSE);
}

static void
test_history_follows_edits (Fixture       *fx,
                            gconstpointer  data)
{
  MuluFieldRow *date = row_for (fx, "publish_date");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  mulu_catalog_set_user (fx->catalog, "林晓");
  before = history_titles (fx);
  type_and_enter (date, "2024/3/1");
  WAIT_UNTIL (stored_is (fx, MULU_RESOURCE_PUBLISH_DATE, "2024-03-01"));
  WAIT_UNTIL (fx->editor->history_rows->len > 0 &&
              g_str_has_prefix (adw_preferences_row_get_title (g_ptr_array_index (fx->editor->history_rows, 0)),
                                "Publish date: 2019-05-10 → 2024-03-01"));
  g_assert_true (g_str_has_suffix (adw_action_row_get_subtitle (g_ptr_array_index (fx->editor->history_rows, 0)), " · 林晓"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fx->editor->history_group)));
  after = history_titles (fx);
  /* The rest is as it was, one line lower. */
  g_assert_true (g_str_has_suffix (after, before));
}

static void
test_undo_shows_old_value (Fixture       *fx,
                           gconstpointer  data)
{
  MuluFieldRow *date = row_for (fx, "publish_date");
  MuluFieldRow *class1 = row_for (fx, "class_1");
  MuluFieldRow *class2 = row_for (fx, "class_2");
  g_autoptr(GError) error = NULL;

  type_and_enter (date, "2024/3/1");
  g_assert_true (stored_is (fx, MULU_RESOURCE_PUBLISH_DATE, "2024-03-01"));
  choose (class1, "3 ");
  WAIT_UNTIL (stored_is (fx, MULU_RESOURCE_CLASS_1, "3"));
  WAIT_UNTIL (adw_combo_row_get_selected (combo (class2)) == 0);

  /* One step: the 类 and the 项 and 目 it cleared come back together. */
  mulu_history_undo (fx->history, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (g_str_has_prefix (selected_label (combo (class1)), "2 "));
  WAIT_UNTIL (g_str_has_prefix (selected_label (combo (class2)), "01 "));
  g_assert_true (stored_is (fx, MULU_RESOURCE_CLASS_3, "003"));

  mulu_history_undo (fx->history, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (g_strcmp0 (entry_text (date), "2019-05-10") == 0);
  g_assert_true (stored_is (fx, MULU_RESOURCE_PUBLISH_DATE, "2019-05-10"));

  mulu_history_redo (fx->history, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (g_strcmp0 (entry_text (date), "2024-03-01") == 0);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_generate_code (Fixture       *fx,
                    gconstpointer  data)
{
  MuluFieldRow *code = row_for (fx, "code");
  GtkWidget *button = find_button (GTK_WIDGET (code), "Generate code");
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (button);
  expected = mulu_resource_next_code (fx->catalog, "2", "01", "003", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (expected, ==, "201003/00004");

  g_signal_emit_by_name (button, "clicked");
  g_assert_true (stored_is (fx, MULU_RESOURCE_CODE, "201003/00004"));
  g_assert_cmpstr (entry_text (code), ==, "201003/00004");

  /* Without 项 there is no code to make. */
  choose (row_for (fx, "class_1"), "3 ");
  WAIT_UNTIL (!gtk_widget_get_sensitive (button));
}

static void
test_focus_field (Fixture       *fx,
                  gconstpointer  data)
{
  MuluFieldRow *condition = row_for (fx, "share_condition");

  /* The issues list asks for a field that the choices so far hide. */
  g_assert_true (mulu_record_editor_focus_field (fx->editor, "share_condition"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (condition)));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (fx->window)) == mulu_field_row_get_control (condition));

  g_assert_true (mulu_record_editor_focus_field (fx->editor, "classification"));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fx->window)),
                                         GTK_WIDGET (row_for (fx, "class_1"))) ||
                 gtk_root_get_focus (GTK_ROOT (fx->window)) == mulu_field_row_get_control (row_for (fx, "class_1")));
  g_assert_false (mulu_record_editor_focus_field (fx->editor, "no_such_field"));
}

static void
test_record_removed (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  mulu_history_delete (fx->history, fx->entity, fx->id, &error);
  g_assert_no_error (error);
  /* Gone: the editor shows no fields. */
  WAIT_UNTIL (!gtk_widget_get_mapped (GTK_WIDGET (row_for (fx, "name"))));

  mulu_history_undo (fx->history, &error);
  g_assert_no_error (error);
  WAIT_UNTIL (g_strcmp0 (entry_text (row_for (fx, "name")), "政府信息主动公开目录信息") == 0);
}

static void
test_edit_right_after_undo (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  type_and_enter (row_for (fx, "publish_date"), "2024/3/1");
  g_assert_true (stored_is (fx, MULU_RESOURCE_PUBLISH_DATE, "2024-03-01"));

  /* The undo reaches the rows only when the main loop runs; an edit made
   * before that must not write the undone date back. */
  mulu_history_undo (fx->history, &error);
  g_assert_no_error (error);
  type_and_enter (row_for (fx, "volume_records"), "5");
  g_assert_true (stored_is (fx, MULU_RESOURCE_VOLUME_RECORDS, "5"));
  g_assert_true (stored_is (fx, MULU_RESOURCE_PUBLISH_DATE, "2019-05-10"));
  WAIT_UNTIL (g_strcmp0 (entry_text (row_for (fx, "publish_date")), "2019-05-10") == 0);
}

static AdwPreferencesRow *
find_row_titled (GtkWidget  *root,
                 const char *part)
{
  if (ADW_IS_ACTION_ROW (root) && gtk_widget_get_visible (root) &&
      strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), part))
    return ADW_PREFERENCES_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesRow *found = find_row_titled (child, part);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_classified_resource (Fixture       *fx,
                          gconstpointer  data)
{
  MuluFieldRow *level = row_for (fx, "secret_level");

  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (level)));
  g_assert_null (find_row_titled (GTK_WIDGET (fx->editor), "holds more than"));

  choose (row_for (fx, "secrecy"), "涉密");
  WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (level)));
  g_assert_true (message_contains (level, "choose its secret level"));
  /* What the record holds beyond name, provider and classification is a
   * finding about the record as a whole, listed above the sections. */
  g_assert_nonnull (find_row_titled (GTK_WIDGET (fx->editor), "holds more than"));

  choose (level, "秘密");
  WAIT_UNTIL (stored_is (fx, MULU_RESOURCE_SECRET_LEVEL, "秘密"));
  WAIT_UNTIL (mulu_field_row_get_message (level) == NULL);
}

static void
test_system_sections (Fixture       *fx,
                      gconstpointer  data)
{
  MuluFieldRow *department = row_for (fx, "department");
  MuluFieldRow *connected = row_for (fx, "sharing_platform_connected");
  MuluFieldRow *cost = row_for (fx, "construction_cost");
  MuluFieldRow *replaced_by = row_for (fx, "replaced_by");

  g_assert_true (mulu_field_row_get_read_only (department));
  g_assert_true (ADW_IS_ACTION_ROW (mulu_field_row_get_control (department)));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (mulu_field_row_get_control (department))),
                   ==, "厦门市自然资源和规划局");

  /* Yes, no, and unknown. */
  g_assert_cmpstr (selected_label (combo (connected)), ==, "Yes");
  choose (connected, "Not filled in");
  WAIT_UNTIL (stored_is (fx, MULU_SYSTEM_SHARING_PLATFORM_CONNECTED, ""));
  choose (connected, "No");
  WAIT_UNTIL (stored_is (fx, MULU_SYSTEM_SHARING_PLATFORM_CONNECTED, "否"));

  /* A system cannot be replaced by itself. */
  g_assert_cmpstr (selected_label (combo (replaced_by)), ==, "None");
  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (combo (replaced_by))); i++)
    {
      g_autofree char *label = combo_label (combo (replaced_by), i);
      g_assert_cmpstr (label, !=, "不动产登记信息管理平台");
    }

  type_and_enter (cost, "1,300.5");
  g_assert_true (stored_is (fx, MULU_SYSTEM_CONSTRUCTION_COST, "1300.5"));
  g_assert_cmpstr (entry_text (cost), ==, "1300.5");
  type_and_enter (cost, "1300万元");
  g_assert_true (message_contains (cost, "not a number"));
  g_assert_true (stored_is (fx, MULU_SYSTEM_CONSTRUCTION_COST, "1300.5"));
}

static void
test_department_fields (Fixture       *fx,
                        gconstpointer  data)
{
  MuluFieldRow *parent = row_for (fx, "parent");
  MuluFieldRow *uscc = row_for (fx, "uscc");

  g_assert_cmpstr (selected_label (combo (parent)), ==, "None");
  g_assert_cmpstr (entry_text (uscc), ==, "11350200003629170E");
  type_and_enter (row_for (fx, "contact_phone"), "0592-5073217");
  g_assert_true (stored_is (fx, MULU_DEPARTMENT_CONTACT_PHONE, "0592-5073217"));
}

static void
test_credit_code_checked_while_typing (Fixture       *fx,
                                       gconstpointer  data)
{
  MuluFieldRow *uscc = row_for (fx, "uscc");
  GtkEditable *entry = GTK_EDITABLE (mulu_field_row_get_control (uscc));

  /* A letter O at position 8 is named before the code is complete. */
  gtk_editable_set_text (entry, "9135010O");
  g_assert_cmpint (mulu_field_row_get_severity (uscc), ==, MULU_SEVERITY_ERROR);
  g_assert_nonnull (strstr (mulu_field_row_get_message (uscc), "Character 8"));

  /* Still typing: only how far along it is. */
  gtk_editable_set_text (entry, "91350100M0");
  g_assert_cmpint (mulu_field_row_get_severity (uscc), ==, MULU_SEVERITY_HINT);
  g_assert_cmpstr (mulu_field_row_get_message (uscc), ==, "10 of 18 characters");

  /* All 18: the check character is verified and the right one named. */
  gtk_editable_set_text (entry, "91350100M000100Y44");
  g_assert_cmpint (mulu_field_row_get_severity (uscc), ==, MULU_SEVERITY_ERROR);
  g_assert_nonnull (strstr (mulu_field_row_get_message (uscc), "should be “3”"));

  gtk_editable_set_text (entry, "91110108551385082Q");
  g_assert_cmpint (mulu_field_row_get_severity (uscc), ==, MULU_SEVERITY_HINT);
  g_assert_cmpstr (mulu_field_row_get_message (uscc), ==, "The code is valid.");
  type_and_enter (uscc, "91110108551385082Q");
  g_assert_true (stored_is (fx, MULU_DEPARTMENT_USCC, "91110108551385082Q"));
}

/* — Screenshot ——————————————————————————————————————————————————————— */

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;

  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  /* The editor draws on the window's background, which is not part of it. */
  cairo_set_source_rgb (cr, 0xfa / 255.0, 0xfa / 255.0, 0xfa / 255.0);
  cairo_paint (cr);
  gsk_render_node_draw (node, cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_test_message ("screenshot: %s", path);
}

static char *
screenshot_path (const char *name)
{
  const char *dir = g_getenv ("MESON_BUILD_ROOT");

  return g_build_filename (dir ? dir : g_get_tmp_dir (), name, NULL);
}

static GtkWidget *
find_viewport (GtkWidget *root)
{
  if (GTK_IS_VIEWPORT (root) && gtk_widget_get_mapped (root))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_viewport (child);
      if (found)
        return found;
    }
  return NULL;
}

static void
test_screenshot (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  GtkWidget *viewport;
  GtkWidget *content;

  if (fx->entity == MULU_ENTITY_RESOURCE)
    {
      /* With a condition asked for and a refused number on show. */
      choose (row_for (fx, "share_type"), "有条件共享");
      type_and_enter (row_for (fx, "volume_records"), "100万条");
      WAIT_UNTIL (gtk_widget_get_visible (GTK_WIDGET (row_for (fx, "share_condition"))));
    }
  mulu_ui_test_spin (300);

  /* The whole page, not just what the window shows of it: the viewport's
   * child is allocated its full height. */
  viewport = find_viewport (GTK_WIDGET (fx->editor));
  g_assert_nonnull (viewport);
  content = gtk_viewport_get_child (GTK_VIEWPORT (viewport));
  g_assert_cmpint (gtk_widget_get_height (content), >, gtk_widget_get_height (GTK_WIDGET (fx->editor)));

  path = screenshot_path (fx->entity == MULU_ENTITY_RESOURCE ? "mulu-record-editor-resource.png"
                                                              : "mulu-record-editor-system.png");
  save_png (content, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  mulu_ui_test_init (&argc, &argv);

#define ADD(path, subject, func) \
  g_test_add (path, Fixture, subject, fixture_setup, func, fixture_teardown)

  ADD ("/ui/record-editor/conditional-sharing-asks-for-condition", &resource_r1, test_conditional_sharing_asks_for_condition);
  ADD ("/ui/record-editor/not-sharing-asks-for-basis", &resource_r1, test_refusal_not_sharing_shows_basis);
  ADD ("/ui/record-editor/number-refuses-units", &resource_r1, test_number_refuses_units);
  ADD ("/ui/record-editor/date-is-normalised", &resource_r1, test_date_is_normalised);
  ADD ("/ui/record-editor/text-commits-after-pause", &resource_r1, test_text_commits_after_pause);
  ADD ("/ui/record-editor/reload-keeps-typing", &resource_r1, test_reload_keeps_typing);
  ADD ("/ui/record-editor/classification-cascades", &resource_r1, test_classification_cascades);
  ADD ("/ui/record-editor/undo-shows-old-value", &resource_r1, test_undo_shows_old_value);
  ADD ("/ui/record-editor/history-follows-edits", &resource_r1, test_history_follows_edits);
  ADD ("/ui/record-editor/generate-code", &resource_r1, test_generate_code);
  ADD ("/ui/record-editor/focus-field", &resource_r1, test_focus_field);
  ADD ("/ui/record-editor/record-removed", &resource_r1, test_record_removed);
  ADD ("/ui/record-editor/edit-right-after-undo", &resource_r1, test_edit_right_after_undo);
  ADD ("/ui/record-editor/classified-resource", &resource_r1, test_classified_resource);
  ADD ("/ui/record-editor/system-sections", &system_s2, test_system_sections);
  ADD ("/ui/record-editor/department-fields", &department_d1, test_department_fields);
  ADD ("/ui/record-editor/credit-code-checked-while-typing", &department_d1, test_credit_code_checked_while_typing);
  ADD ("/ui/record-editor/screenshot-resource", &resource_r1, test_screenshot);
  ADD ("/ui/record-editor/screenshot-system", &system_s2, test_screenshot);

#undef ADD

  return g_test_run ();
}
