/* test-items-table.c — the data items table with real widgets, under Xvfb
 *
 * Each test makes a catalog with one resource, shows its items table in a
 * window, pastes, adds, edits and deletes the way a clerk would, and reads
 * the catalog back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "mulu-items-table.h"
#include "mulu-paste-dialog.h"
#include "mulu-test-util.h"
#include "mulu-ui-test-util.h"

typedef struct {
  MuluCatalog    *catalog;
  MuluHistory    *history;
  GtkWindow      *window;
  MuluItemsTable *table;
  gint64          resource_id;
  GPtrArray      *toasts;  /* AdwToast *, as the table handed them out */
} Fixture;

/* — Looking at the catalog and the widgets ———————————————————————— */

static GPtrArray *
items_of (Fixture *fx)
{
  g_autoptr(MuluRecordList) list = mulu_record_list_new (fx->catalog, MULU_ENTITY_ITEM);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  mulu_record_list_set_parent (list, fx->resource_id);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (list), i));
  return items;
}

static guint
n_items (Fixture *fx)
{
  g_autoptr(GPtrArray) items = items_of (fx);
  return items->len;
}

static MuluRecord *
item_at (Fixture *fx,
         guint    i)
{
  g_autoptr(GPtrArray) items = items_of (fx);
  g_assert_cmpuint (i, <, items->len);
  return g_object_ref (g_ptr_array_index (items, i));
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

/* Widgets of @type under @widget, in the order they are drawn: cell by
 * cell, row after row. */
static GPtrArray *
find_all (GtkWidget *widget,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();
  collect (widget, type, found);
  return found;
}

static guint
count_all (GtkWidget *widget,
           GType      type)
{
  g_autoptr(GPtrArray) found = find_all (widget, type);
  return found->len;
}

static GtkWidget *
find_one (GtkWidget *widget,
          GType      type)
{
  g_autoptr(GPtrArray) found = find_all (widget, type);
  g_assert_cmpuint (found->len, >, 0);
  return g_ptr_array_index (found, 0);
}

static GtkColumnView *
column_view (Fixture *fx)
{
  return GTK_COLUMN_VIEW (find_one (GTK_WIDGET (fx->table), GTK_TYPE_COLUMN_VIEW));
}

/* The editable label cells of the table: name, length, remarks per row. */
static GtkEditableLabel *
text_cell (Fixture *fx,
           guint    row,
           guint    which)
{
  g_autoptr(GPtrArray) labels = find_all (GTK_WIDGET (column_view (fx)), GTK_TYPE_EDITABLE_LABEL);
  g_assert_cmpuint (row * 3 + which, <, labels->len);
  return g_ptr_array_index (labels, row * 3 + which);
}

/* The dropdown cells: data type, sharing type, open type per row. */
static GtkDropDown *
dropdown_cell (Fixture *fx,
               guint    row,
               guint    which)
{
  g_autoptr(GPtrArray) dropdowns = find_all (GTK_WIDGET (column_view (fx)), GTK_TYPE_DROP_DOWN);
  g_assert_cmpuint (row * 3 + which, <, dropdowns->len);
  return g_ptr_array_index (dropdowns, row * 3 + which);
}

static const char *
visible_page (Fixture *fx)
{
  GtkStack *stack = GTK_STACK (find_one (GTK_WIDGET (fx->table), GTK_TYPE_STACK));
  return gtk_stack_get_visible_child_name (stack);
}

static MuluPasteDialog *
paste_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);
      if (MULU_IS_PASTE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return MULU_PASTE_DIALOG (window);
    }
  return NULL;
}

static const char *
last_toast (Fixture *fx)
{
  if (fx->toasts->len == 0)
    return NULL;
  return adw_toast_get_title (g_ptr_array_index (fx->toasts, fx->toasts->len - 1));
}

static GtkWidget *
focus_widget (Fixture *fx)
{
  return gtk_root_get_focus (GTK_ROOT (fx->window));
}

/* — Fixture ———————————————————————————————————————————————————————— */

static void
on_toast (MuluItemsTable *table,
          AdwToast       *toast,
          Fixture        *fx)
{
  g_ptr_array_add (fx->toasts, g_object_ref (toast));
}

static void
fixture_setup (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(MuluRecord) department = NULL;
  g_autoptr(MuluRecord) resource = NULL;
  g_autoptr(GError) error = NULL;

  fx->catalog = mulu_test_new_catalog ();
  department = mulu_catalog_get_by_uid (fx->catalog, MULU_ENTITY_DEPARTMENT, "d1", &error);
  g_assert_no_error (error);
  resource = mulu_record_new (MULU_ENTITY_RESOURCE);
  mulu_record_set_int (resource, MULU_RESOURCE_DEPARTMENT, mulu_record_get_id (department));
  mulu_record_set_string (resource, MULU_RESOURCE_NAME, "不动产登记簿信息");
  mulu_catalog_add (fx->catalog, resource, &error);
  g_assert_no_error (error);
  fx->resource_id = mulu_record_get_id (resource);
  fx->history = mulu_history_new (fx->catalog);
  fx->toasts = g_ptr_array_new_with_free_func (g_object_unref);

  fx->table = MULU_ITEMS_TABLE (mulu_items_table_new ());
  g_object_set (fx->table, "catalog", fx->catalog, "history", fx->history, NULL);
  mulu_items_table_set_resource_id (fx->table, fx->resource_id);
  g_signal_connect (fx->table, "toast", G_CALLBACK (on_toast), fx);

  fx->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fx->window, 1000, 520);
  gtk_window_set_child (fx->window, GTK_WIDGET (fx->table));
  gtk_window_present (fx->window);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (fx->table)));
}

static void
fixture_teardown (Fixture       *fx,
                  gconstpointer  data)
{
  MuluPasteDialog *dialog;

  while ((dialog = paste_dialog ()) != NULL)
    gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (fx->window);
  mulu_ui_test_spin (20);
  g_ptr_array_unref (fx->toasts);
  g_clear_object (&fx->history);
  mulu_catalog_close (fx->catalog, NULL);
  g_clear_object (&fx->catalog);
}

static void
put_on_clipboard (Fixture    *fx,
                  const char *text)
{
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (fx->table)), text);
}

static void
paste (Fixture    *fx,
       const char *text)
{
  put_on_clipboard (fx, text);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->table), "items.paste", NULL));
}

static const char three_items[] =
  "信息项名称\t数据类型\t长度\t共享类型\t备注\r\n"
  "不动产单元号\tC 字符型\t28\t无条件共享\t\r\n"
  "权利人名称\tvarchar2(200)\t\t有条件共享\t自然人或法人\r\n"
  "登记日期\tdate\t\t\t\r\n";

/* — Tests ——————————————————————————————————————————————————————————— */

static void
test_empty_state (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GPtrArray) buttons = NULL;
  guint add = 0, paste_buttons = 0;

  g_assert_cmpstr (visible_page (fx), ==, "empty");
  g_assert_true (gtk_widget_is_visible (find_one (GTK_WIDGET (fx->table), ADW_TYPE_STATUS_PAGE)));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (find_one (GTK_WIDGET (fx->table), ADW_TYPE_STATUS_PAGE))),
                   ==, "No Data Items Yet");
  buttons = find_all (find_one (GTK_WIDGET (fx->table), ADW_TYPE_STATUS_PAGE), GTK_TYPE_BUTTON);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *action = gtk_actionable_get_action_name (g_ptr_array_index (buttons, i));
      add += g_strcmp0 (action, "items.add") == 0;
      paste_buttons += g_strcmp0 (action, "items.paste") == 0;
    }
  g_assert_cmpuint (add, ==, 1);
  g_assert_cmpuint (paste_buttons, ==, 1);
  g_assert_true (gtk_widget_is_sensitive (g_ptr_array_index (buttons, 0)));
  gtk_test_accessible_assert_property (g_ptr_array_index (buttons, 0), GTK_ACCESSIBLE_PROPERTY_LABEL, "Add Data Item");
  gtk_test_accessible_assert_property (g_ptr_array_index (buttons, 1), GTK_ACCESSIBLE_PROPERTY_LABEL, "Paste");
  mulu_ui_test_spin (100);
  mulu_ui_test_screenshot (GTK_WIDGET (fx->window), "items-table-empty");
}

static void
test_paste_adds_rows_in_one_step (Fixture       *fx,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) first = NULL;
  g_autoptr(MuluRecord) second = NULL;
  g_autoptr(MuluRecord) third = NULL;

  paste (fx, three_items);
  WAIT_UNTIL (n_items (fx) == 3);
  g_assert_null (paste_dialog ());

  first = item_at (fx, 0);
  second = item_at (fx, 1);
  third = item_at (fx, 2);
  g_assert_cmpstr (mulu_record_get_name (first), ==, "不动产单元号");
  g_assert_cmpstr (mulu_record_get_string (first, MULU_ITEM_DATA_TYPE), ==, "C");
  g_assert_cmpint (mulu_record_get_int (first, MULU_ITEM_LENGTH), ==, 28);
  g_assert_cmpstr (mulu_record_get_string (first, MULU_ITEM_SHARE_TYPE), ==, "无条件共享");
  g_assert_cmpstr (mulu_record_get_name (second), ==, "权利人名称");
  g_assert_cmpint (mulu_record_get_int (second, MULU_ITEM_LENGTH), ==, 200);
  g_assert_cmpstr (mulu_record_get_string (second, MULU_ITEM_REMARKS), ==, "自然人或法人");
  g_assert_cmpstr (mulu_record_get_string (third, MULU_ITEM_DATA_TYPE), ==, "D");
  g_assert_false (mulu_record_is_set (third, MULU_ITEM_LENGTH));

  g_assert_cmpstr (last_toast (fx), ==, "Pasted 3 data items");
  g_assert_cmpstr (adw_toast_get_button_label (g_ptr_array_index (fx->toasts, 0)), ==, "_Undo");
  WAIT_UNTIL (g_strcmp0 (visible_page (fx), "table") == 0);
  WAIT_UNTIL (count_all (GTK_WIDGET (column_view (fx)), GTK_TYPE_EDITABLE_LABEL) >= 9);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text_cell (fx, 1, 0))), ==, "权利人名称");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (text_cell (fx, 1, 1))), ==, "200");
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (dropdown_cell (fx, 0, 0))),
                   ==, "C 字符型");
  gtk_test_accessible_assert_property (text_cell (fx, 1, 0), GTK_ACCESSIBLE_PROPERTY_LABEL, "Item name, row 2");
  gtk_test_accessible_assert_property (dropdown_cell (fx, 2, 0), GTK_ACCESSIBLE_PROPERTY_LABEL, "Data type, row 3");
  gtk_test_accessible_assert_property (text_cell (fx, 0, 1), GTK_ACCESSIBLE_PROPERTY_LABEL, "Length, row 1");
  WAIT_UNTIL (!gtk_stack_get_transition_running (GTK_STACK (find_one (GTK_WIDGET (fx->table), GTK_TYPE_STACK))));
  mulu_ui_test_spin (100);
  mulu_ui_test_screenshot (GTK_WIDGET (fx->window), "items-table");

  /* One undo takes back the whole paste. */
  g_assert_true (mulu_history_undo (fx->history, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (n_items (fx) == 0);
  WAIT_UNTIL (g_strcmp0 (visible_page (fx), "empty") == 0);

  /* And the toast's Undo does the same. */
  g_assert_true (mulu_history_redo (fx->history, &error));
  g_assert_cmpuint (n_items (fx), ==, 3);
  g_signal_emit_by_name (g_ptr_array_index (fx->toasts, 0), "button-clicked");
  g_assert_cmpuint (n_items (fx), ==, 0);
}

static void
test_ambiguous_paste_opens_preview (Fixture       *fx,
                                    gconstpointer  data)
{
  MuluPasteDialog *dialog;
  MuluTsvResult *result;
  g_autoptr(MuluRecord) first = NULL;
  g_autoptr(MuluRecord) second = NULL;
  g_autoptr(GError) error = NULL;

  /* Two columns of whole numbers: which is the length? */
  paste (fx, "姓名\tC\t3\t50\n地址\tC\t7\t200\n");
  WAIT_UNTIL (paste_dialog () != NULL);
  dialog = paste_dialog ();
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  g_assert_cmpuint (n_items (fx), ==, 0);

  g_assert_cmpint (mulu_paste_dialog_get_role (dialog, 0), ==, MULU_TSV_ROLE_NAME);
  g_assert_cmpint (mulu_paste_dialog_get_role (dialog, 1), ==, MULU_TSV_ROLE_DATA_TYPE);
  g_assert_cmpint (mulu_paste_dialog_get_role (dialog, 2), ==, MULU_TSV_ROLE_LENGTH);
  g_assert_cmpint (mulu_paste_dialog_get_role (dialog, 3), ==, MULU_TSV_ROLE_IGNORE);

  /* The clerk says the last column is the length: the third gives it up. */
  mulu_paste_dialog_set_role (dialog, 3, MULU_TSV_ROLE_LENGTH);
  g_assert_cmpint (mulu_paste_dialog_get_role (dialog, 2), ==, MULU_TSV_ROLE_IGNORE);
  result = mulu_paste_dialog_get_result (dialog);
  g_assert_false (result->ambiguous);
  g_assert_cmpint (((MuluTsvRow *) g_ptr_array_index (result->rows, 1))->length, ==, 200);
  mulu_ui_test_spin (100);
  mulu_ui_test_screenshot (GTK_WIDGET (dialog), "paste-dialog");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "paste.add", NULL));
  WAIT_UNTIL (n_items (fx) == 2);
  WAIT_UNTIL (paste_dialog () == NULL);
  first = item_at (fx, 0);
  second = item_at (fx, 1);
  g_assert_cmpstr (mulu_record_get_name (first), ==, "姓名");
  g_assert_cmpint (mulu_record_get_int (first, MULU_ITEM_LENGTH), ==, 50);
  g_assert_cmpstr (mulu_record_get_name (second), ==, "地址");
  g_assert_cmpint (mulu_record_get_int (second, MULU_ITEM_LENGTH), ==, 200);
  g_assert_cmpstr (last_toast (fx), ==, "Pasted 2 data items");

  g_assert_true (mulu_history_undo (fx->history, &error));
  g_assert_cmpuint (n_items (fx), ==, 0);
}

static void
test_problems_shown_and_cancel (Fixture       *fx,
                                gconstpointer  data)
{
  MuluPasteDialog *dialog;
  g_autoptr(GPtrArray) labels = NULL;
  gboolean listed = FALSE;

  paste (fx, "信息项名称\t数据类型\t长度\n姓名\tC\t50\n简介\tC\t100万\n");
  WAIT_UNTIL (paste_dialog () != NULL);
  dialog = paste_dialog ();
  labels = find_all (GTK_WIDGET (dialog), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    listed |= g_str_has_prefix (gtk_label_get_label (g_ptr_array_index (labels, i)),
                                "Row 3, column “长度”: “100万” is not a number");
  g_assert_true (listed);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (dialog)));
  mulu_ui_test_spin (100);
  mulu_ui_test_screenshot (GTK_WIDGET (dialog), "paste-problems");

  /* Cancel adds nothing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  WAIT_UNTIL (paste_dialog () == NULL);
  mulu_ui_test_spin (50);
  g_assert_cmpuint (n_items (fx), ==, 0);
  g_assert_false (mulu_history_can_undo (fx->history));

  /* Added anyway, the refused length is left empty, never 100. */
  paste (fx, "信息项名称\t数据类型\t长度\n姓名\tC\t50\n简介\tC\t100万\n");
  WAIT_UNTIL (paste_dialog () != NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (paste_dialog ()), "paste.add", NULL));
  WAIT_UNTIL (n_items (fx) == 2);
  {
    g_autoptr(MuluRecord) second = item_at (fx, 1);
    g_assert_cmpstr (mulu_record_get_name (second), ==, "简介");
    g_assert_false (mulu_record_is_set (second, MULU_ITEM_LENGTH));
  }
}

static void
test_add_focuses_new_name (Fixture       *fx,
                           gconstpointer  data)
{
  GtkWidget *focus;
  GtkWidget *label;
  g_autoptr(MuluRecord) item = NULL;
  g_autoptr(GError) error = NULL;

  paste (fx, three_items);
  WAIT_UNTIL (n_items (fx) == 3);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->table), "items.add", NULL));
  WAIT_UNTIL (n_items (fx) == 4);
  /* The focus is in the name cell of the new, fourth row, editing it. */
  WAIT_UNTIL ((focus = focus_widget (fx)) != NULL &&
              gtk_widget_get_ancestor (focus, GTK_TYPE_EDITABLE_LABEL) == GTK_WIDGET (text_cell (fx, 3, 0)));
  label = GTK_WIDGET (text_cell (fx, 3, 0));
  g_assert_true (gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (label)));

  gtk_editable_set_text (GTK_EDITABLE (label), "  宗地面积 ");
  gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (label), TRUE);
  item = item_at (fx, 3);
  g_assert_cmpstr (mulu_record_get_name (item), ==, "宗地面积");
  g_assert_cmpint (mulu_record_get_int (item, MULU_ITEM_RESOURCE), ==, fx->resource_id);

  /* The edit is its own step; the row's widgets stay, showing the value. */
  g_assert_true (mulu_history_undo (fx->history, &error));
  g_clear_object (&item);
  item = item_at (fx, 3);
  g_assert_null (mulu_record_get_name (item));
  g_assert_true (GTK_WIDGET (text_cell (fx, 3, 0)) == label);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (label)), ==, "");
}

static void
test_cell_edits_commit (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(MuluRecord) item = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  GtkEditableLabel *length;
  GtkDropDown *type;
  GtkDropDown *share;
  GtkRevealer *revealer;
  GtkLabel *message = NULL;

  paste (fx, three_items);
  WAIT_UNTIL (n_items (fx) == 3);
  WAIT_UNTIL (count_all (GTK_WIDGET (column_view (fx)), GTK_TYPE_DROP_DOWN) >= 9);

  /* The data type of row 3: D 日期型 → N 数值型 (the fourth code). */
  type = dropdown_cell (fx, 2, 0);
  g_assert_cmpstr (gtk_string_object_get_string (gtk_drop_down_get_selected_item (type)), ==, "D 日期型");
  gtk_drop_down_set_selected (type, 2);
  item = item_at (fx, 2);
  g_assert_cmpstr (mulu_record_get_string (item, MULU_ITEM_DATA_TYPE), ==, "N");
  g_clear_object (&item);

  /* The sharing type back to "same as the resource". */
  share = dropdown_cell (fx, 0, 1);
  gtk_drop_down_set_selected (share, 0);
  item = item_at (fx, 0);
  g_assert_false (mulu_record_is_set (item, MULU_ITEM_SHARE_TYPE));
  g_clear_object (&item);

  /* A length with a unit is refused, with a message; digits are taken. */
  length = text_cell (fx, 0, 1);
  gtk_editable_label_start_editing (length);
  gtk_editable_set_text (GTK_EDITABLE (length), "100万");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (length), "error"));
  gtk_editable_label_stop_editing (length, TRUE);
  item = item_at (fx, 0);
  g_assert_cmpint (mulu_record_get_int (item, MULU_ITEM_LENGTH), ==, 28);
  g_clear_object (&item);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (length)), ==, "28");
  revealer = GTK_REVEALER (find_one (GTK_WIDGET (fx->table), GTK_TYPE_REVEALER));
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  labels = find_all (GTK_WIDGET (revealer), GTK_TYPE_LABEL);
  message = g_ptr_array_index (labels, 0);
  g_assert_cmpstr (gtk_label_get_label (message), ==,
                   "Row 1: “100万” is not a number; enter digits only, without units or words "
                   "(for “100万条” enter 1000000). The length was not changed.");

  gtk_editable_label_start_editing (length);
  gtk_editable_set_text (GTK_EDITABLE (length), "64");
  gtk_editable_label_stop_editing (length, TRUE);
  item = item_at (fx, 0);
  g_assert_cmpint (mulu_record_get_int (item, MULU_ITEM_LENGTH), ==, 64);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));
  g_clear_object (&item);

  /* Remarks, and each edit one step of the history. */
  gtk_editable_label_start_editing (text_cell (fx, 2, 2));
  gtk_editable_set_text (GTK_EDITABLE (text_cell (fx, 2, 2)), "登簿日期");
  gtk_editable_label_stop_editing (text_cell (fx, 2, 2), TRUE);
  item = item_at (fx, 2);
  g_assert_cmpstr (mulu_record_get_string (item, MULU_ITEM_REMARKS), ==, "登簿日期");
  g_clear_object (&item);
  g_assert_cmpstr (mulu_history_get_undo_label (fx->history), ==, "Undo: change Remarks");
}

static void
test_delete_selected_and_undo (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) left = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkSelectionModel *selection;

  paste (fx, three_items);
  WAIT_UNTIL (n_items (fx) == 3);
  before = mulu_test_dump (fx->catalog);

  selection = gtk_column_view_get_model (column_view (fx));
  gtk_selection_model_select_item (selection, 0, TRUE);
  gtk_selection_model_select_item (selection, 2, FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fx->table), "items.delete", NULL));
  WAIT_UNTIL (n_items (fx) == 1);
  left = item_at (fx, 0);
  g_assert_cmpstr (mulu_record_get_name (left), ==, "权利人名称");
  g_assert_cmpstr (last_toast (fx), ==, "Deleted 2 data items");
  g_assert_cmpstr (adw_toast_get_button_label (g_ptr_array_index (fx->toasts, fx->toasts->len - 1)), ==, "_Undo");

  /* Undo brings both back, as they were, with their ids. */
  g_assert_true (mulu_history_undo (fx->history, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (n_items (fx) == 3);
  after = mulu_test_dump (fx->catalog);
  g_assert_cmpstr (after, ==, before);
}

static void
test_large_paste (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new ("信息项名称\t数据类型\t长度\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluRecord) last = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  gboolean counted = FALSE;

  for (guint i = 1; i <= 240; i++)
    g_string_append_printf (text, "字段%03u\tvarchar(%u)\t\n", i, i);
  paste (fx, text->str);
  WAIT_UNTIL (n_items (fx) == 240);
  last = item_at (fx, 239);
  g_assert_cmpstr (mulu_record_get_name (last), ==, "字段240");
  g_assert_cmpint (mulu_record_get_int (last, MULU_ITEM_LENGTH), ==, 240);
  WAIT_UNTIL (g_strcmp0 (visible_page (fx), "table") == 0);
  labels = find_all (GTK_WIDGET (fx->table), GTK_TYPE_LABEL);
  for (guint i = 0; i < labels->len; i++)
    counted |= g_strcmp0 (gtk_label_get_label (g_ptr_array_index (labels, i)), "240 data items") == 0;
  g_assert_true (counted);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view (fx)))), ==, 240);

  g_assert_true (mulu_history_undo (fx->history, &error));
  g_assert_no_error (error);
  WAIT_UNTIL (n_items (fx) == 0);
  WAIT_UNTIL (g_strcmp0 (visible_page (fx), "empty") == 0);
}

/* The table's own key handler, as GTK calls it for a key pressed inside. */
static gboolean
press_key (Fixture         *fx,
           guint            keyval,
           GdkModifierType  state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (fx->table));
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);
      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        {
          g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
          return handled;
        }
    }
  g_assert_not_reached ();
  return FALSE;
}

static gboolean
focus_is_in (Fixture *fx,
             gpointer widget)
{
  GtkWidget *focus = focus_widget (fx);
  return focus && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
test_keyboard (Fixture       *fx,
               gconstpointer  data)
{
  GtkEditableLabel *name;
  g_autoptr(MuluRecord) item = NULL;

  paste (fx, three_items);
  WAIT_UNTIL (n_items (fx) == 3);
  WAIT_UNTIL (count_all (GTK_WIDGET (column_view (fx)), GTK_TYPE_DROP_DOWN) >= 9);
  WAIT_UNTIL (gtk_widget_get_mapped (GTK_WIDGET (text_cell (fx, 2, 0))));

  /* Tab ends the edit, keeps what was typed and goes to the next cell. */
  name = text_cell (fx, 2, 0);
  gtk_widget_grab_focus (GTK_WIDGET (name));
  gtk_editable_label_start_editing (name);
  gtk_editable_set_text (GTK_EDITABLE (name), "登簿日期");
  g_assert_true (press_key (fx, GDK_KEY_Tab, 0));
  item = item_at (fx, 2);
  g_assert_cmpstr (mulu_record_get_name (item), ==, "登簿日期");
  g_clear_object (&item);
  WAIT_UNTIL (focus_is_in (fx, dropdown_cell (fx, 2, 0)));
  g_assert_false (gtk_editable_label_get_editing (name));
  /* The row is selected with the cell. */
  g_assert_true (gtk_selection_model_is_selected (gtk_column_view_get_model (column_view (fx)), 2));

  /* Shift+Tab goes back and edits; Shift+Tab from a row's first cell to
   * the last cell of the row before. */
  g_assert_true (press_key (fx, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  WAIT_UNTIL (focus_is_in (fx, name) && gtk_editable_label_get_editing (name));
  g_assert_true (press_key (fx, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK));
  WAIT_UNTIL (focus_is_in (fx, text_cell (fx, 1, 2)) && gtk_editable_label_get_editing (text_cell (fx, 1, 2)));
  g_assert_true (press_key (fx, GDK_KEY_Tab, 0));
  WAIT_UNTIL (focus_is_in (fx, name));

  /* Enter on the last row adds a row and edits its name. */
  g_assert_true (press_key (fx, GDK_KEY_Return, 0));
  WAIT_UNTIL (n_items (fx) == 4);
  WAIT_UNTIL (count_all (GTK_WIDGET (column_view (fx)), GTK_TYPE_EDITABLE_LABEL) >= 12 &&
              focus_is_in (fx, text_cell (fx, 3, 0)) && gtk_editable_label_get_editing (text_cell (fx, 3, 0)));

  /* Ctrl+V of one cell pastes into the cell being edited… */
  put_on_clipboard (fx, "宗地代码\r\n");
  g_assert_true (press_key (fx, GDK_KEY_v, GDK_CONTROL_MASK));
  WAIT_UNTIL (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (text_cell (fx, 3, 0))), "宗地代码") == 0);
  g_assert_cmpuint (n_items (fx), ==, 4);
  /* …Ctrl+Enter adds a row whatever the focus… */
  g_assert_true (press_key (fx, GDK_KEY_Return, GDK_CONTROL_MASK));
  WAIT_UNTIL (n_items (fx) == 5);
  item = item_at (fx, 3);
  g_assert_cmpstr (mulu_record_get_name (item), ==, "宗地代码");
  g_clear_object (&item);
  WAIT_UNTIL (count_all (GTK_WIDGET (column_view (fx)), GTK_TYPE_EDITABLE_LABEL) >= 15 &&
              focus_is_in (fx, text_cell (fx, 4, 0)));

  /* …and Delete deletes the selected rows, but not while editing. */
  g_assert_false (press_key (fx, GDK_KEY_Delete, 0));
  g_assert_cmpuint (n_items (fx), ==, 5);
  gtk_editable_label_stop_editing (text_cell (fx, 4, 0), FALSE);
  g_assert_true (press_key (fx, GDK_KEY_Delete, 0));
  WAIT_UNTIL (n_items (fx) == 4);
  g_assert_cmpstr (last_toast (fx), ==, "Deleted 1 data item");

  /* Ctrl+V of several cells pastes rows. */
  put_on_clipboard (fx, "宗地面积\tN\t15\n宗地用途\tC\t20\n");
  g_assert_true (press_key (fx, GDK_KEY_v, GDK_CONTROL_MASK));
  WAIT_UNTIL (n_items (fx) == 6);
  mulu_ui_test_spin (300);
}

static void
test_toast_goes_to_overlay (Fixture       *fx,
                            gconstpointer  data)
{
  AdwToastOverlay *overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());

  g_object_ref (fx->table);
  gtk_window_set_child (fx->window, NULL);
  adw_toast_overlay_set_child (overlay, GTK_WIDGET (fx->table));
  gtk_window_set_child (fx->window, GTK_WIDGET (overlay));
  g_object_unref (fx->table);

  paste (fx, three_items);
  WAIT_UNTIL (n_items (fx) == 3);
  mulu_ui_test_spin (50);
  /* Inside an overlay, the toast is shown there, not handed out. */
  g_assert_cmpuint (fx->toasts->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  /* Accessible names are checked in the test backend; the end-to-end
   * tests read them over AT-SPI. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  mulu_ui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/ui/items-table/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("empty-state", test_empty_state);
  ADD ("paste-adds-rows-in-one-step", test_paste_adds_rows_in_one_step);
  ADD ("ambiguous-paste-opens-preview", test_ambiguous_paste_opens_preview);
  ADD ("problems-shown-and-cancel", test_problems_shown_and_cancel);
  ADD ("add-focuses-new-name", test_add_focuses_new_name);
  ADD ("cell-edits-commit", test_cell_edits_commit);
  ADD ("delete-selected-and-undo", test_delete_selected_and_undo);
  ADD ("large-paste", test_large_paste);
  ADD ("keyboard", test_keyboard);
  ADD ("toast-goes-to-overlay", test_toast_goes_to_overlay);
#undef ADD

  return g_test_run ();
}
