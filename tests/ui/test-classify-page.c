/* test-classify-page.c — step 4 on the sample catalog, under Xvfb
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-classify-page.h"
#include "mulu-test-util.h"
#include "mulu-ui-test-util.h"

typedef struct
{
  MuluCatalog      *catalog;
  MuluHistory      *history;
  GtkWindow        *window;
  MuluClassifyPage *page;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->catalog = mulu_test_sample_catalog ();
  mulu_test_validate (f->catalog);
  f->history = mulu_history_new (f->catalog);
  f->page = MULU_CLASSIFY_PAGE (mulu_classify_page_new ());
  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 700);
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  mulu_classify_page_set_document (f->page, f->catalog, f->history);
  gtk_window_present (f->window);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  g_clear_object (&f->history);
  mulu_catalog_close (f->catalog, NULL);
  g_clear_object (&f->catalog);
}

static gpointer
child (Fixture    *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (f->page), MULU_TYPE_CLASSIFY_PAGE, name);

  g_assert_nonnull (object);
  return object;
}

static guint
n_rows (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (child (f, "selection")));
}

/* Picks value in the dropdown of a classification field, as a click would. */
static void
choose (GtkDropDown *dropdown,
        const char  *value)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), value) == 0)
      {
        gtk_drop_down_set_selected (dropdown, i);
        return;
      }
  g_error ("no %s in the dropdown", value);
}

static void
test_state_filters (Fixture       *f,
                    gconstpointer  data)
{
  GtkStack *list_stack = child (f, "list_stack");

  g_assert_cmpuint (n_rows (f), ==, 62);

  mulu_classify_page_set_state_filter (f->page, MULU_RECORD_STATE_WITH_ERRORS);
  g_assert_cmpuint (n_rows (f), ==, 3);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "list");

  /* Every resource of the sample is classified: nothing left to do. */
  mulu_classify_page_set_state_filter (f->page, MULU_RECORD_STATE_UNCLASSIFIED);
  g_assert_cmpuint (n_rows (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (list_stack), ==, "empty");
  g_assert_cmpstr (adw_status_page_get_title (child (f, "empty")), ==, "Nothing left here");

  /* The system filter lists the sample's twelve systems after "All". */
  mulu_classify_page_set_state_filter (f->page, MULU_RECORD_STATE_ANY);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (child (f, "system_filter"))), ==, 13);
  gtk_drop_down_set_selected (child (f, "system_filter"), 1);
  g_assert_cmpuint (n_rows (f), >, 0);
  g_assert_cmpuint (n_rows (f), <, 62);
}

static void
test_bulk_classify_and_undo (Fixture       *f,
                             gconstpointer  data)
{
  GtkSelectionModel *selection = child (f, "selection");
  gint64 ids[3];

  for (guint i = 0; i < 3; i++)
    ids[i] = mulu_test_id_of (f->catalog, (const char *[]) { "r1", "r2", "r3" }[i]);

  /* Nothing chosen yet: nothing to apply. */
  gtk_selection_model_select_range (selection, 0, 3, TRUE);
  g_assert_false (gtk_widget_get_sensitive (child (f, "apply")));
  g_assert_cmpstr (gtk_label_get_text (child (f, "selected_label")), ==, "3 resources selected");

  choose (child (f, "share_choice"), "不予共享");
  choose (child (f, "open_choice"), "不予开放");
  g_assert_true (gtk_widget_get_sensitive (child (f, "apply")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "classify.apply", NULL));

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(MuluRecord) r = mulu_catalog_get (f->catalog, MULU_ENTITY_RESOURCE, ids[i], NULL);
      g_assert_cmpstr (mulu_record_get_string (r, MULU_RESOURCE_SHARE_TYPE), ==, "不予共享");
      g_assert_cmpstr (mulu_record_get_string (r, MULU_RESOURCE_OPEN_TYPE), ==, "不予开放");
      /* Secrecy was left as it was. */
      g_assert_cmpstr (mulu_record_get_string (r, MULU_RESOURCE_SECRECY), ==, "非涉密");
    }
  /* 不予共享 without a basis is an error the validation step will show. */
  g_assert_cmpuint (mulu_catalog_count_in_state (f->catalog, MULU_ENTITY_RESOURCE, MULU_RECORD_STATE_WITH_ERRORS), >=, 3);

  /* One Ctrl+Z takes the whole batch back. */
  g_assert_cmpstr (mulu_history_get_undo_label (f->history), ==, "Undo: Classify 3 resources");
  g_assert_true (mulu_history_undo (f->history, NULL));
  {
    g_autoptr(MuluRecord) r1 = mulu_catalog_get (f->catalog, MULU_ENTITY_RESOURCE, ids[0], NULL);
    g_autoptr(MuluRecord) r3 = mulu_catalog_get (f->catalog, MULU_ENTITY_RESOURCE, ids[2], NULL);
    g_assert_cmpstr (mulu_record_get_string (r1, MULU_RESOURCE_SHARE_TYPE), ==, "无条件共享");
    g_assert_cmpstr (mulu_record_get_string (r3, MULU_RESOURCE_OPEN_TYPE), ==, "有条件开放");
  }
  g_assert_false (mulu_history_can_undo (f->history));
}

static void
test_accept_suggestion (Fixture       *f,
                        gconstpointer  data)
{
  GtkSelectionModel *selection = child (f, "selection");
  g_autoptr(MuluRecord) shown = NULL;
  g_autoptr(MuluRecord) after = NULL;
  g_autoptr(MuluSuggestion) suggestion = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (child (f, "condition_view"));
  guint pending;

  mulu_classify_page_set_state_filter (f->page, MULU_RECORD_STATE_SUGGESTED);
  pending = n_rows (f);
  g_assert_cmpuint (pending, >, 0);
  gtk_selection_model_select_item (selection, 0, TRUE);
  shown = g_list_model_get_item (G_LIST_MODEL (selection), 0);

  /* The panel names the resource and the items behind the suggestion. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (f, "detail_stack")), ==, "detail");
  g_assert_cmpstr (gtk_label_get_text (child (f, "resource_title")), ==, mulu_record_get_name (shown));
  g_assert_cmpstr (adw_action_row_get_subtitle (child (f, "items_row")), !=, "");
  g_assert_true (gtk_widget_get_visible (child (f, "decision_box")));

  /* The clerk edits the condition text before accepting. */
  gtk_text_buffer_set_text (buffer, "仅限本市民政部门核验身份使用", -1);
  g_signal_emit_by_name (child (f, "accept"), "clicked");

  after = mulu_catalog_get (f->catalog, MULU_ENTITY_RESOURCE, mulu_record_get_id (shown), NULL);
  g_assert_cmpstr (mulu_record_get_string (after, MULU_RESOURCE_OPEN_TYPE), ==, "不予开放");
  if (g_strcmp0 (mulu_record_get_string (shown, MULU_RESOURCE_SHARE_TYPE), "不予共享") != 0)
    {
      g_assert_cmpstr (mulu_record_get_string (after, MULU_RESOURCE_SHARE_TYPE), ==, "有条件共享");
      g_assert_cmpstr (mulu_record_get_string (after, MULU_RESOURCE_SHARE_CONDITION), ==, "仅限本市民政部门核验身份使用");
    }
  suggestion = mulu_suggestion_get (f->catalog, mulu_record_get_id (shown));
  g_assert_cmpstr (suggestion->state, ==, "accepted");
  /* It leaves the "with a suggestion" list. */
  WAIT_UNTIL (n_rows (f) == pending - 1);
}

static void
test_dismiss_suggestion (Fixture       *f,
                         gconstpointer  data)
{
  GtkSelectionModel *selection = child (f, "selection");
  g_autoptr(MuluRecord) shown = NULL;
  g_autoptr(MuluRecord) after = NULL;
  g_autoptr(MuluSuggestion) suggestion = NULL;

  mulu_classify_page_set_state_filter (f->page, MULU_RECORD_STATE_SUGGESTED);
  gtk_selection_model_select_item (selection, 0, TRUE);
  shown = g_list_model_get_item (G_LIST_MODEL (selection), 0);
  g_signal_emit_by_name (child (f, "dismiss"), "clicked");

  suggestion = mulu_suggestion_get (f->catalog, mulu_record_get_id (shown));
  g_assert_cmpstr (suggestion->state, ==, "dismissed");
  after = mulu_catalog_get (f->catalog, MULU_ENTITY_RESOURCE, mulu_record_get_id (shown), NULL);
  g_assert_cmpstr (mulu_record_get_string (after, MULU_RESOURCE_SHARE_TYPE), ==,
                   mulu_record_get_string (shown, MULU_RESOURCE_SHARE_TYPE));
  g_assert_false (gtk_widget_get_visible (child (f, "decision_box")));
}

int
main (int   argc,
      char *argv[])
{
  mulu_ui_test_init (&argc, &argv);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/ui/classify/state-and-system-filters", test_state_filters);
  ADD ("/ui/classify/bulk-classify-is-one-undo", test_bulk_classify_and_undo);
  ADD ("/ui/classify/accept-suggestion-with-edited-condition", test_accept_suggestion);
  ADD ("/ui/classify/dismiss-suggestion-keeps-classification", test_dismiss_suggestion);
  return g_test_run ();
}
