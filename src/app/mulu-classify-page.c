/* mulu-classify-page.c — step 4: sharing type, open attribute and secrecy
 *
 * The resources in one table, filtered in SQL by state, system and
 * category, so a clerk can work through "未分类" or "有建议" without
 * opening each resource. A selection of many rows is classified in one
 * history group: one Ctrl+Z takes the whole batch back. Mulu's suggestion
 * for the resource in focus is shown beside the table with the data items
 * that triggered it; nothing is applied until the clerk accepts it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-classify-page"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-classify-page.h"
#include "mulu-columns.h"
#include "mulu-step-page.h"
#include "mulu-window.h"

struct _MuluClassifyPage
{
  AdwBin           parent_instance;

  MuluCatalog     *catalog;
  MuluHistory     *history;
  MuluRecordList  *list;
  GArray          *system_ids;     /* gint64 per system_filter position − 1 */
  GPtrArray       *class_values;   /* char * per class_filter position − 1 */
  GPtrArray       *choice_values[3]; /* share, open, secrecy: char * per position − 1 */
  gint64           shown_id;       /* the resource in the detail panel */
  guint            refresh_idle;

  GtkSearchEntry  *search;
  GtkDropDown     *state_filter;
  GtkDropDown     *system_filter;
  GtkDropDown     *class_filter;
  GtkStack        *list_stack;
  GtkColumnView   *view;
  GtkMultiSelection *selection;
  AdwStatusPage   *empty;
  GtkLabel        *selected_label;
  GtkButton       *apply;
  GtkDropDown     *share_choice;
  GtkDropDown     *open_choice;
  GtkDropDown     *secrecy_choice;
  GtkStack        *detail_stack;
  GtkLabel        *resource_title;
  GtkLabel        *resource_summary;
  AdwPreferencesGroup *suggestion_group;
  AdwActionRow    *categories_row;
  AdwActionRow    *items_row;
  AdwActionRow    *advice_row;
  GtkWidget       *condition_label;
  GtkWidget       *condition_frame;
  GtkTextView     *condition_view;
  GtkWidget       *decision_box;
  GtkWidget       *accept;
  GtkWidget       *dismiss;
  GtkLabel        *suggestion_state;
};

static void mulu_classify_page_step_page_init (MuluStepPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluClassifyPage, mulu_classify_page, ADW_TYPE_BIN,
                               G_IMPLEMENT_INTERFACE (MULU_TYPE_STEP_PAGE, mulu_classify_page_step_page_init))

/* The classification fields set in bulk, in the order of choice_values. */
static const struct {
  guint       field;
  const char *table;
  const char *keep;    /* N_(): the first entry, leaving the field alone */
} choices[3] = {
  { MULU_RESOURCE_SHARE_TYPE, "share_type", N_("Sharing type: keep") },
  { MULU_RESOURCE_OPEN_TYPE, "open_type", N_("Open attribute: keep") },
  { MULU_RESOURCE_SECRECY, "secrecy", N_("Secrecy: keep") },
};

static const char * const state_labels[] = {
  N_("All resources"),
  N_("Unclassified"),
  N_("With a suggestion"),
  N_("With errors"),
};

static GtkDropDown *
choice_dropdown (MuluClassifyPage *self,
                 guint             c)
{
  GtkDropDown *dropdowns[3] = { self->share_choice, self->open_choice, self->secrecy_choice };

  return dropdowns[c];
}

/* — Filters ———————————————————————————————————————————————————————— */

static void
fill_code_dropdown (GtkDropDown *dropdown,
                    MuluCodes   *codes,
                    const char  *table,
                    const char  *first,
                    GPtrArray   *values)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GPtrArray *entries = codes ? mulu_codes_list (codes, table, NULL) : NULL;  /* borrowed */

  g_ptr_array_set_size (values, 0);
  gtk_string_list_append (strings, first);
  for (guint i = 0; entries && i < entries->len; i++)
    {
      const MuluCodeEntry *entry = g_ptr_array_index (entries, i);

      gtk_string_list_append (strings, entry->label);
      g_ptr_array_add (values, g_strdup (entry->value));
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (dropdown, 0);
}

static void
fill_system_filter (MuluClassifyPage *self)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  gint64 chosen = 0;
  guint selected = gtk_drop_down_get_selected (self->system_filter);
  guint keep = 0;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 && selected - 1 < self->system_ids->len)
    chosen = g_array_index (self->system_ids, gint64, selected - 1);
  g_array_set_size (self->system_ids, 0);
  gtk_string_list_append (strings, _("All systems"));
  if (self->catalog)
    {
      g_autoptr(MuluRecordList) systems = mulu_record_list_new (self->catalog, MULU_ENTITY_SYSTEM);
      guint n = g_list_model_get_n_items (G_LIST_MODEL (systems));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(MuluRecord) system = g_list_model_get_item (G_LIST_MODEL (systems), i);
          const char *name = mulu_record_get_name (system);
          gint64 id = mulu_record_get_id (system);

          gtk_string_list_append (strings, name && *name ? name : _("(unnamed system)"));
          g_array_append_val (self->system_ids, id);
          if (id == chosen)
            keep = i + 1;
        }
    }
  /* Refilling is not a choice of the clerk's: keep theirs. */
  g_signal_handlers_block_matched (self->system_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_drop_down_set_model (self->system_filter, G_LIST_MODEL (strings));
  gtk_drop_down_set_selected (self->system_filter, keep);
  g_signal_handlers_unblock_matched (self->system_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
update_empty (MuluClassifyPage *self)
{
  gboolean none = self->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->list)) == 0;
  gboolean filtered = gtk_drop_down_get_selected (self->state_filter) > 0 ||
                      gtk_drop_down_get_selected (self->system_filter) > 0 ||
                      gtk_drop_down_get_selected (self->class_filter) > 0 ||
                      *gtk_editable_get_text (GTK_EDITABLE (self->search)) != '\0';

  if (!none)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }
  if (filtered)
    {
      adw_status_page_set_title (self->empty, _("Nothing left here"));
      adw_status_page_set_description (self->empty, _("No resource matches these filters. When the state filter is “Unclassified” or “With errors”, an empty list means the work is done."));
    }
  else
    {
      adw_status_page_set_title (self->empty, _("No resources yet"));
      adw_status_page_set_description (self->empty, _("Catalog the resources of each system in step 3 first; they are classified here."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
on_filters_changed (MuluClassifyPage *self)
{
  guint state = gtk_drop_down_get_selected (self->state_filter);
  guint system = gtk_drop_down_get_selected (self->system_filter);
  guint klass = gtk_drop_down_get_selected (self->class_filter);

  if (self->list == NULL)
    return;
  mulu_record_list_set_search (self->list, gtk_editable_get_text (GTK_EDITABLE (self->search)));
  mulu_record_list_set_state (self->list, state == GTK_INVALID_LIST_POSITION ? MULU_RECORD_STATE_ANY : (MuluRecordState) state);
  mulu_record_list_set_filter (self->list, MULU_RESOURCE_SYSTEM,
                               system > 0 && system != GTK_INVALID_LIST_POSITION && system - 1 < self->system_ids->len
                                 ? g_variant_new_int64 (g_array_index (self->system_ids, gint64, system - 1)) : NULL);
  mulu_record_list_set_filter (self->list, MULU_RESOURCE_CLASS_1,
                               klass > 0 && klass != GTK_INVALID_LIST_POSITION && klass - 1 < self->class_values->len
                                 ? g_variant_new_string (g_ptr_array_index (self->class_values, klass - 1)) : NULL);
  update_empty (self);
}

/* — The detail panel —————————————————————————————————————————————— */

static const char *
or_not_set (const char *value)
{
  return value ? value : _("not set");
}

static void
show_detail (MuluClassifyPage *self,
             gint64            id)
{
  g_autoptr(MuluRecord) resource = NULL;
  g_autoptr(MuluSuggestion) suggestion = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *advice = NULL;
  gboolean pending;

  self->shown_id = id;
  if (self->catalog == NULL || id <= 0 ||
      (resource = mulu_catalog_get (self->catalog, MULU_ENTITY_RESOURCE, id, NULL)) == NULL)
    {
      self->shown_id = 0;
      gtk_stack_set_visible_child_name (self->detail_stack, "none");
      return;
    }

  gtk_label_set_text (self->resource_title, mulu_record_get_name (resource));
  summary = g_strdup_printf (_("Sharing type: %s · Open attribute: %s · Secrecy: %s"),
                             or_not_set (mulu_record_get_string (resource, MULU_RESOURCE_SHARE_TYPE)),
                             or_not_set (mulu_record_get_string (resource, MULU_RESOURCE_OPEN_TYPE)),
                             or_not_set (mulu_record_get_string (resource, MULU_RESOURCE_SECRECY)));
  gtk_label_set_text (self->resource_summary, summary);

  suggestion = mulu_suggestion_get (self->catalog, id);
  gtk_widget_set_visible (GTK_WIDGET (self->suggestion_group), suggestion != NULL);
  pending = suggestion && g_strcmp0 (suggestion->state, "suggested") == 0;
  gtk_widget_set_visible (self->condition_label, pending);
  gtk_widget_set_visible (self->condition_frame, pending);
  gtk_widget_set_visible (self->decision_box, pending);
  if (suggestion)
    {
      /* TRANSLATORS: separates the names in a list, as in "name, phone" */
      const char *separator = _(", ");
      g_autofree char *categories = g_strjoinv (separator, suggestion->categories);
      g_autofree char *items = g_strjoinv (separator, suggestion->items);

      adw_action_row_set_subtitle (self->categories_row, categories);
      adw_action_row_set_subtitle (self->items_row, items);
      /* The stored values themselves: they are the census's words. */
      advice = g_strdup_printf ("%s · %s", "有条件共享", "不予开放");
      adw_action_row_set_subtitle (self->advice_row, advice);
      if (pending)
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->condition_view),
                                  suggestion->condition ? suggestion->condition : "", -1);
    }

  if (suggestion == NULL)
    gtk_label_set_text (self->suggestion_state, _("No suggestion: none of the data items’ names looks like personal or sensitive content."));
  else if (g_strcmp0 (suggestion->state, "accepted") == 0)
    gtk_label_set_text (self->suggestion_state, _("Suggestion accepted. Change the classification in step 3 if it needs more."));
  else if (g_strcmp0 (suggestion->state, "dismissed") == 0)
    gtk_label_set_text (self->suggestion_state, _("Suggestion dismissed: the classification stays as the clerk set it."));
  else
    gtk_label_set_text (self->suggestion_state, _("Accepting sets 有条件共享 with the condition above and 不予开放; a resource already 不予共享 stays so."));

  gtk_stack_set_visible_child_name (self->detail_stack, "detail");
}

static gint64
id_at (MuluClassifyPage *self,
       guint             position)
{
  return self->list ? mulu_record_list_get_id_at (self->list, position) : 0;
}

static void
update_selection (MuluClassifyPage *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  guint64 n = gtk_bitset_get_size (selected);
  gboolean chosen = FALSE;
  g_autofree char *text = NULL;

  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    chosen |= gtk_drop_down_get_selected (choice_dropdown (self, c)) > 0;

  if (n == 0)
    text = g_strdup (_("Select resources to classify them together"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u resource selected", "%u resources selected", (gulong) n), (guint) n);
  gtk_label_set_text (self->selected_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->apply), n > 0 && chosen);

  show_detail (self, n > 0 ? id_at (self, gtk_bitset_get_minimum (selected)) : 0);
}

static void
on_selection_changed (MuluClassifyPage *self)
{
  update_selection (self);
}

static void
on_choice_changed (MuluClassifyPage *self)
{
  update_selection (self);
}

/* — Commands ——————————————————————————————————————————————————————— */

static void
show_message (MuluClassifyPage *self,
              const char       *message)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  if (MULU_IS_WINDOW (root))
    mulu_window_toast (MULU_WINDOW (root), message);
  else
    g_message ("%s", message);
}

/**
 * mulu_classify_page_apply:
 *
 * Sets the chosen sharing type, open attribute and secrecy on every
 * selected resource, as one change to undo.
 *
 * Returns: how many resources were changed
 */
guint
mulu_classify_page_apply (MuluClassifyPage *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *done = NULL;
  const char *values[3] = { NULL, NULL, NULL };
  GtkBitsetIter iter;
  guint position, changed = 0;

  g_return_val_if_fail (MULU_IS_CLASSIFY_PAGE (self), 0);

  if (self->history == NULL)
    return 0;
  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    {
      guint chosen = gtk_drop_down_get_selected (choice_dropdown (self, c));

      if (chosen > 0 && chosen != GTK_INVALID_LIST_POSITION && chosen - 1 < self->choice_values[c]->len)
        values[c] = g_ptr_array_index (self->choice_values[c], chosen - 1);
    }
  if (!values[0] && !values[1] && !values[2])
    return 0;

  /* The ids first: each update may reorder or refilter the list. */
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean more = gtk_bitset_iter_init_first (&iter, selected, &position); more;
       more = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = id_at (self, position);
      g_array_append_val (ids, id);
    }
  if (ids->len == 0)
    return 0;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Classify %u resource", "Classify %u resources", ids->len), ids->len);
  mulu_history_begin_group (self->history, label);
  for (guint i = 0; i < ids->len && error == NULL; i++)
    {
      g_autoptr(MuluRecord) resource = mulu_catalog_get (self->catalog, MULU_ENTITY_RESOURCE,
                                                         g_array_index (ids, gint64, i), &error);
      gboolean differs = FALSE;

      if (resource == NULL)
        break;
      for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
        if (values[c] && g_strcmp0 (mulu_record_get_string (resource, choices[c].field), values[c]) != 0)
          {
            mulu_record_set_string (resource, choices[c].field, values[c]);
            differs = TRUE;
          }
      if (differs && mulu_history_update (self->history, resource, &error))
        changed++;
    }
  if (!mulu_history_end_group (self->history, error ? NULL : &error) || error)
    {
      show_message (self, error ? error->message : _("The resources could not be classified."));
      return 0;
    }
  done = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Classified %u resource", "Classified %u resources", changed), changed);
  show_message (self, done);
  return changed;
}

static void
on_apply_clicked (MuluClassifyPage *self)
{
  mulu_classify_page_apply (self);
}

static void
apply_activated (GtkWidget  *widget,
                 const char *action,
                 GVariant   *param)
{
  MuluClassifyPage *self = MULU_CLASSIFY_PAGE (widget);

  if (gtk_widget_get_sensitive (GTK_WIDGET (self->apply)))
    mulu_classify_page_apply (self);
}

static void
on_accept_clicked (MuluClassifyPage *self)
{
  g_autoptr(GError) error = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->condition_view);
  GtkTextIter start, end;
  g_autofree char *condition = NULL;

  if (self->catalog == NULL || self->shown_id <= 0)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  condition = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
  if (!mulu_suggestion_accept (self->catalog, self->shown_id, condition, &error))
    show_message (self, error->message);
  else
    show_message (self, _("Suggestion accepted"));
  show_detail (self, self->shown_id);
}

static void
on_dismiss_clicked (MuluClassifyPage *self)
{
  g_autoptr(GError) error = NULL;

  if (self->catalog == NULL || self->shown_id <= 0)
    return;
  if (!mulu_suggestion_dismiss (self->catalog, self->shown_id, &error))
    show_message (self, error->message);
  else
    show_message (self, _("Suggestion dismissed"));
  show_detail (self, self->shown_id);
}

static void
open_resource (MuluClassifyPage *self,
               gint64            id)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));

  if (id > 0 && MULU_IS_WINDOW (root))
    mulu_window_show_record (MULU_WINDOW (root), MULU_ENTITY_RESOURCE, id, "share_type");
}

static void
on_open_resource_clicked (MuluClassifyPage *self)
{
  open_resource (self, self->shown_id);
}

static void
on_view_activate (MuluClassifyPage *self,
                  guint             position)
{
  open_resource (self, id_at (self, position));
}

/* — The catalog ———————————————————————————————————————————————————— */

static gboolean
refresh_idle_cb (gpointer data)
{
  MuluClassifyPage *self = data;

  self->refresh_idle = 0;
  fill_system_filter (self);
  update_empty (self);
  if (self->shown_id > 0)
    show_detail (self, self->shown_id);
  return G_SOURCE_REMOVE;
}

/* The list follows the catalog by itself; the system filter, the empty
 * state and the detail panel are refreshed once the edits settle. */
static void
on_catalog_changed (MuluClassifyPage *self)
{
  if (self->refresh_idle == 0)
    self->refresh_idle = g_idle_add (refresh_idle_cb, self);
}

void
mulu_classify_page_set_document (MuluClassifyPage *self,
                                 MuluCatalog      *catalog,
                                 MuluHistory      *history)
{
  MuluCodes *codes;

  g_return_if_fail (MULU_IS_CLASSIFY_PAGE (self));

  if (self->catalog)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_set_object (&self->catalog, catalog);
  g_set_object (&self->history, history);
  g_clear_object (&self->list);
  self->shown_id = 0;

  codes = catalog ? mulu_catalog_get_codes (catalog) : NULL;
  g_signal_handlers_block_matched (self->class_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  fill_code_dropdown (self->class_filter, codes, "classification", _("All categories"), self->class_values);
  g_signal_handlers_unblock_matched (self->class_filter, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    fill_code_dropdown (choice_dropdown (self, c), codes, choices[c].table, _(choices[c].keep), self->choice_values[c]);
  fill_system_filter (self);

  if (catalog)
    {
      self->list = mulu_record_list_new (catalog, MULU_ENTITY_RESOURCE);
      g_signal_connect_object (catalog, "changed", G_CALLBACK (on_catalog_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->list, "items-changed", G_CALLBACK (update_empty), self, G_CONNECT_SWAPPED);
    }
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->list));
  on_filters_changed (self);
  update_empty (self);
  update_selection (self);
}

/**
 * mulu_classify_page_select_all:
 *
 * Selects every resource the filters show, for a classification in one go.
 */
void
mulu_classify_page_select_all (MuluClassifyPage *self)
{
  g_return_if_fail (MULU_IS_CLASSIFY_PAGE (self));
  gtk_selection_model_select_all (GTK_SELECTION_MODEL (self->selection));
}

/**
 * mulu_classify_page_set_state_filter:
 *
 * Shows the resources in one state, as the state dropdown does.
 */
void
mulu_classify_page_set_state_filter (MuluClassifyPage *self,
                                     MuluRecordState   state)
{
  g_return_if_fail (MULU_IS_CLASSIFY_PAGE (self));
  gtk_drop_down_set_selected (self->state_filter, state);
}

/* — GObject ———————————————————————————————————————————————————————— */

static void
mulu_classify_page_step_page_set_document (MuluStepPage *page,
                                           MuluCatalog  *catalog,
                                           MuluHistory  *history)
{
  mulu_classify_page_set_document (MULU_CLASSIFY_PAGE (page), catalog, history);
}

static void
mulu_classify_page_step_page_init (MuluStepPageInterface *iface)
{
  iface->set_document = mulu_classify_page_step_page_set_document;
}

static void
mulu_classify_page_dispose (GObject *object)
{
  MuluClassifyPage *self = MULU_CLASSIFY_PAGE (object);

  if (self->catalog)
    g_signal_handlers_disconnect_by_data (self->catalog, self);
  g_clear_handle_id (&self->refresh_idle, g_source_remove);
  g_clear_object (&self->list);
  g_clear_object (&self->history);
  g_clear_object (&self->catalog);
  gtk_widget_dispose_template (GTK_WIDGET (self), MULU_TYPE_CLASSIFY_PAGE);

  G_OBJECT_CLASS (mulu_classify_page_parent_class)->dispose (object);
}

static void
mulu_classify_page_finalize (GObject *object)
{
  MuluClassifyPage *self = MULU_CLASSIFY_PAGE (object);

  g_array_unref (self->system_ids);
  g_ptr_array_unref (self->class_values);
  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    g_ptr_array_unref (self->choice_values[c]);

  G_OBJECT_CLASS (mulu_classify_page_parent_class)->finalize (object);
}

static void
mulu_classify_page_class_init (MuluClassifyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mulu_classify_page_dispose;
  object_class->finalize = mulu_classify_page_finalize;

  g_type_ensure (MULU_TYPE_RECORD);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-classify-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, search);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, system_filter);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, class_filter);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, view);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, selection);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, empty);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, selected_label);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, apply);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, share_choice);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, open_choice);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, secrecy_choice);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, resource_title);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, resource_summary);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, suggestion_group);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, categories_row);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, items_row);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, advice_row);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, condition_label);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, condition_frame);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, condition_view);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, decision_box);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, accept);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, dismiss);
  gtk_widget_class_bind_template_child (widget_class, MuluClassifyPage, suggestion_state);
  gtk_widget_class_bind_template_callback (widget_class, on_filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_choice_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_accept_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_dismiss_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_open_resource_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_view_activate);

  gtk_widget_class_install_action (widget_class, "classify.apply", NULL, apply_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "classify.apply", NULL);
}

static void
mulu_classify_page_init (MuluClassifyPage *self)
{
  static const struct { const char *property; const char *title; int width; } columns[] = {
    { "name", N_("Resource name"), 220 },
    { "share-type", N_("Sharing type"), 100 },
    { "open-type", N_("Open to the public"), 100 },
    { "secrecy", N_("Secrecy"), 70 },
  };
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);

  self->system_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->class_values = g_ptr_array_new_with_free_func (g_free);
  for (guint c = 0; c < G_N_ELEMENTS (choices); c++)
    self->choice_values[c] = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (state_labels); i++)
    gtk_string_list_append (states, _(state_labels[i]));
  gtk_drop_down_set_model (self->state_filter, G_LIST_MODEL (states));
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = mulu_text_column_new (MULU_ENTITY_RESOURCE, columns[i].property,
                                                                    _(columns[i].title), columns[i].width);
      gtk_column_view_column_set_expand (column, i == 0);
      gtk_column_view_append_column (self->view, column);
    }
  mulu_classify_page_set_document (self, NULL, NULL);
}

GtkWidget *
mulu_classify_page_new (void)
{
  return g_object_new (MULU_TYPE_CLASSIFY_PAGE, NULL);
}
