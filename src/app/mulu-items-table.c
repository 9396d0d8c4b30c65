/* mulu-items-table.c — the data items (信息项) of one resource, as a table
 *
 * A column view over the resource's items, read lazily from the catalog.
 * Every cell can be edited in place and each edit is one step of the
 * MuluHistory; a paste of rows from a spreadsheet and a deletion of several
 * rows are one step each, and the toast that reports them can undo them.
 *
 * The view is given a MuluStableList (mulu-stable-list.h), so that a cell
 * edit refreshes its row in place and the focus stays. The cells live in
 * mulu-items-table-cells.c, pasting in mulu-items-table-paste.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-items-table"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-items-table-private.h"

G_DEFINE_FINAL_TYPE (MuluItemsTable, mulu_items_table, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CATALOG,
  PROP_HISTORY,
  PROP_RESOURCE_ID,
  N_PROPS
};
static GParamSpec *properties[N_PROPS];

enum { TOAST, N_SIGNALS };
static guint signals[N_SIGNALS];

guint
mulu_items_table_n_rows (MuluItemsTable *self)
{
  return self->rows ? g_list_model_get_n_items (G_LIST_MODEL (self->rows)) : 0;
}

/* — Messages and toasts ——————————————————————————————————————————— */

void
mulu_items_table_show_message (MuluItemsTable *self,
                               const char     *message)
{
  gtk_label_set_label (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

void
mulu_items_table_hide_message (MuluItemsTable *self)
{
  gtk_revealer_set_reveal_child (self->message_revealer, FALSE);
}

static void
on_toast_undo (AdwToast       *toast,
               MuluItemsTable *self)
{
  g_autoptr(GError) error = NULL;

  /* Only the step the toast reported: something done since is not undone
   * from a toast still on screen. */
  if (self->history == NULL || !mulu_history_can_undo (self->history) ||
      g_strcmp0 (mulu_history_get_undo_label (self->history), self->toast_undo_label) != 0)
    return;
  if (!mulu_history_undo (self->history, &error))
    mulu_items_table_show_message (self, error->message);
  g_clear_pointer (&self->toast_undo_label, g_free);
}

/* Shows @title in the nearest toast overlay, or hands the toast to whoever
 * listens to ::toast when the table is not inside one. */
void
mulu_items_table_show_toast (MuluItemsTable *self,
                             const char     *title,
                             gboolean        undoable)
{
  AdwToast *toast = adw_toast_new (title);
  GtkWidget *overlay;

  if (undoable && self->history)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      g_free (self->toast_undo_label);
      self->toast_undo_label = g_strdup (mulu_history_get_undo_label (self->history));
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (on_toast_undo), self, 0);
    }

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_signal_emit (self, signals[TOAST], 0, toast);
      g_object_unref (toast);
    }
}

/* — State —————————————————————————————————————————————————————————— */

gboolean
mulu_items_table_can_edit (MuluItemsTable *self)
{
  return self->history != NULL && self->catalog != NULL && self->rows != NULL;
}

static void
update_actions (MuluItemsTable *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.add", mulu_items_table_can_edit (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.paste", mulu_items_table_can_edit (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.delete", mulu_items_table_can_edit (self) && !gtk_bitset_is_empty (selected));
}

static void
update_state (MuluItemsTable *self)
{
  guint n = mulu_items_table_n_rows (self);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u data item", "%u data items", n), n);

  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, n > 0 ? "table" : "empty");
  update_actions (self);
}

static void
build_choices (MuluItemsTable *self)
{
  static const struct { Column column; const char *table; } dropdowns[] = {
    { COLUMN_DATA_TYPE, "data_type" }, { COLUMN_SHARE_TYPE, "share_type" }, { COLUMN_OPEN_TYPE, "open_type" },
  };
  MuluCodes *codes = self->catalog ? mulu_catalog_get_codes (self->catalog) : NULL;

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      Column column = dropdowns[i].column;
      GPtrArray *entries = codes ? mulu_codes_list (codes, dropdowns[i].table, NULL) : NULL;
      g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
      g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

      /* An item's sharing and open types are optional: without one, the
       * resource's apply. A data type is required; none shows as a dash. */
      g_strv_builder_add (values, "");
      g_strv_builder_add (labels, column == COLUMN_DATA_TYPE ? "—" : _("As resource"));
      for (guint e = 0; entries && e < entries->len; e++)
        {
          const MuluCodeEntry *entry = g_ptr_array_index (entries, e);
          g_autofree char *label = NULL;

          if (column == COLUMN_DATA_TYPE && g_strcmp0 (entry->label, entry->value) != 0)
            label = g_strdup_printf ("%s %s", entry->value, entry->label);
          else
            label = g_strdup (entry->label);
          g_strv_builder_add (values, entry->value);
          g_strv_builder_add (labels, label);
        }
      g_strfreev (self->values[column]);
      g_strfreev (self->labels[column]);
      self->values[column] = g_strv_builder_end (values);
      self->labels[column] = g_strv_builder_end (labels);
    }
  self->choices_serial++;
}

/* — Adding, pasting, deleting ——————————————————————————————————————— */

static void
add_item (MuluItemsTable *self)
{
  g_autoptr(MuluRecord) item = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  if (!mulu_items_table_can_edit (self))
    return;

  item = mulu_record_new (MULU_ENTITY_ITEM);
  mulu_record_set_int (item, MULU_ITEM_RESOURCE, self->resource_id);
  if (!mulu_history_add (self->history, item, &error))
    {
      mulu_items_table_show_message (self, error->message);
      return;
    }
  mulu_items_table_hide_message (self);

  position = mulu_record_list_find (self->list, mulu_record_get_id (item));
  if (position == G_MAXUINT)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  mulu_items_table_focus_cell (self, position, COLUMN_NAME, TRUE);
}

static void
delete_selected (MuluItemsTable *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  GtkBitsetIter iter;
  guint position;
  guint n;

  if (!mulu_items_table_can_edit (self) || gtk_bitset_is_empty (selected))
    return;

  /* Ids first: each deletion moves the positions after it. */
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position); ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = mulu_record_list_get_id_at (self->list, position);
      if (id > 0)
        g_array_append_val (ids, id);
    }
  n = ids->len;
  if (n == 0)
    return;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Delete %u data item", "Delete %u data items", n), n);
  mulu_history_begin_group (self->history, label);
  for (guint i = 0; i < n && error == NULL; i++)
    mulu_history_delete (self->history, MULU_ENTITY_ITEM, g_array_index (ids, gint64, i), &error);
  if (!mulu_history_end_group (self->history, error ? NULL : &error) || error)
    {
      mulu_items_table_show_message (self, error ? error->message : _("The data items could not be deleted."));
      return;
    }
  mulu_items_table_hide_message (self);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u data item", "Deleted %u data items", n), n);
  mulu_items_table_show_toast (self, title, TRUE);
}

/* — Actions and keys ———————————————————————————————————————————————— */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MuluItemsTable *self = MULU_ITEMS_TABLE (widget);

  mulu_items_cell_stop_editing (mulu_items_table_focused_cell (self));
  add_item (self);
}

static void
paste_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  mulu_items_table_paste_clipboard (MULU_ITEMS_TABLE (widget), NULL);
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  delete_selected (MULU_ITEMS_TABLE (widget));
}

static void
dismiss_message_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  mulu_items_table_hide_message (MULU_ITEMS_TABLE (widget));
}

static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                MuluItemsTable        *self)
{
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();
  gboolean enter = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter;
  Cell *cell = mulu_items_table_focused_cell (self);
  gboolean editing = mulu_items_cell_is_editing (cell);

  if (enter && mods == GDK_CONTROL_MASK)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "items.add", NULL);
      return TRUE;
    }

  if ((keyval == GDK_KEY_v || keyval == GDK_KEY_V) && mods == GDK_CONTROL_MASK)
    {
      if (!mulu_items_table_can_edit (self))
        return FALSE;
      mulu_items_table_paste_clipboard (self, editing ? cell : NULL);
      return TRUE;
    }

  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab) &&
      cell != NULL && (mods & ~GDK_SHIFT_MASK) == 0)
    return mulu_items_table_move_focus (self, cell, keyval == GDK_KEY_ISO_Left_Tab || (mods & GDK_SHIFT_MASK));

  /* Enter ends an edit and goes down a row; on the last row it adds one. */
  if (enter && mods == 0 && editing)
    {
      guint position = mulu_items_cell_position (cell);
      Column column = cell->column;

      mulu_items_cell_stop_editing (cell);
      if (position + 1 >= mulu_items_table_n_rows (self))
        add_item (self);
      else
        mulu_items_table_focus_cell (self, position + 1, column, TRUE);
      return TRUE;
    }

  if ((keyval == GDK_KEY_Delete || keyval == GDK_KEY_KP_Delete) && mods == 0 && !editing)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;

      if (focus && (GTK_IS_TEXT (focus) || gtk_widget_get_ancestor (focus, GTK_TYPE_POPOVER)))
        return FALSE;
      gtk_widget_activate_action (GTK_WIDGET (self), "items.delete", NULL);
      return TRUE;
    }

  return FALSE;
}

/* Enter on a row (not in one of its cells): edit its name. */
static void
on_row_activated (GtkColumnView  *view,
                  guint           position,
                  MuluItemsTable *self)
{
  mulu_items_table_focus_cell (self, position, COLUMN_NAME, TRUE);
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      MuluItemsTable    *self)
{
  update_actions (self);
}

static void
on_rows_changed (GListModel     *model,
                 guint           position,
                 guint           removed,
                 guint           added,
                 MuluItemsTable *self)
{
  update_state (self);
}

/* — The model ————————————————————————————————————————————————————— */

void
mulu_items_table_rebuild_model (MuluItemsTable *self)
{
  if (self->rows)
    g_signal_handlers_disconnect_by_func (self->rows, on_rows_changed, self);
  gtk_multi_selection_set_model (self->selection, NULL);
  g_clear_object (&self->rows);
  g_clear_object (&self->list);
  self->pending_focus = FALSE;

  /* Without a resource the list would hold every item of the catalog. */
  if (self->catalog && self->resource_id > 0)
    {
      self->list = mulu_record_list_new (self->catalog, MULU_ENTITY_ITEM);
      mulu_record_list_set_parent (self->list, self->resource_id);
      self->rows = mulu_stable_list_new (self->list, mulu_items_table_rows_updated, self);
      g_signal_connect (self->rows, "items-changed", G_CALLBACK (on_rows_changed), self);
    }
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->rows));
  mulu_items_table_hide_message (self);
  update_state (self);
}

/* A paste of many rows goes on without the view, which would otherwise
 * re-read the list after every row; rebuilding the model ends it. */
void
mulu_items_table_detach_model (MuluItemsTable *self)
{
  gtk_multi_selection_set_model (self->selection, NULL);
  g_signal_handlers_disconnect_by_func (self->rows, on_rows_changed, self);
  g_clear_object (&self->rows);
  g_clear_object (&self->list);
}

/* — GObject ————————————————————————————————————————————————————————— */

static void
mulu_items_table_dispose (GObject *object)
{
  MuluItemsTable *self = MULU_ITEMS_TABLE (object);

  if (self->focus_tick)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->focus_tick);
  self->focus_tick = 0;
  if (self->rows)
    g_signal_handlers_disconnect_by_func (self->rows, on_rows_changed, self);
  if (self->selection)
    gtk_multi_selection_set_model (self->selection, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MULU_TYPE_ITEMS_TABLE);
  g_clear_object (&self->rows);
  g_clear_object (&self->list);
  g_clear_object (&self->history);
  g_clear_object (&self->catalog);

  G_OBJECT_CLASS (mulu_items_table_parent_class)->dispose (object);
}

static void
mulu_items_table_finalize (GObject *object)
{
  MuluItemsTable *self = MULU_ITEMS_TABLE (object);

  g_ptr_array_unref (self->cells);
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_strfreev (self->values[c]);
      g_strfreev (self->labels[c]);
    }
  g_free (self->toast_undo_label);

  G_OBJECT_CLASS (mulu_items_table_parent_class)->finalize (object);
}

static void
mulu_items_table_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MuluItemsTable *self = MULU_ITEMS_TABLE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      g_value_set_object (value, self->catalog);
      break;
    case PROP_HISTORY:
      g_value_set_object (value, self->history);
      break;
    case PROP_RESOURCE_ID:
      g_value_set_int64 (value, self->resource_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mulu_items_table_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MuluItemsTable *self = MULU_ITEMS_TABLE (object);

  switch (prop_id)
    {
    case PROP_CATALOG:
      mulu_items_table_set_catalog (self, g_value_get_object (value));
      break;
    case PROP_HISTORY:
      mulu_items_table_set_history (self, g_value_get_object (value));
      break;
    case PROP_RESOURCE_ID:
      mulu_items_table_set_resource_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
mulu_items_table_class_init (MuluItemsTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = mulu_items_table_dispose;
  object_class->finalize = mulu_items_table_finalize;
  object_class->get_property = mulu_items_table_get_property;
  object_class->set_property = mulu_items_table_set_property;

  properties[PROP_CATALOG] =
    g_param_spec_object ("catalog", NULL, NULL, MULU_TYPE_CATALOG,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_HISTORY] =
    g_param_spec_object ("history", NULL, NULL, MULU_TYPE_HISTORY,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_RESOURCE_ID] =
    g_param_spec_int64 ("resource-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MuluItemsTable::toast:
   * @toast: an #AdwToast
   *
   * Emitted for a toast when the table is not inside an #AdwToastOverlay.
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/mulu/Mulu/mulu-items-table.ui");
  gtk_widget_class_bind_template_child (widget_class, MuluItemsTable, stack);
  gtk_widget_class_bind_template_child (widget_class, MuluItemsTable, empty_page);
  gtk_widget_class_bind_template_child (widget_class, MuluItemsTable, column_view);
  gtk_widget_class_bind_template_child (widget_class, MuluItemsTable, selection);
  gtk_widget_class_bind_template_child (widget_class, MuluItemsTable, name_column);
  gtk_widget_class_bind_template_child (widget_class, MuluItemsTable, data_type_column);
  gtk_widget_class_bind_template_child (widget_class, MuluItemsTable, length_column);
  gtk_widget_class_bind_template_child (widget_class, MuluItemsTable, share_type_column);
  gtk_widget_class_bind_template_child (widget_class, MuluItemsTable, open_type_column);
  gtk_widget_class_bind_template_child (widget_class, MuluItemsTable, remarks_column);
  gtk_widget_class_bind_template_child (widget_class, MuluItemsTable, count_label);
  gtk_widget_class_bind_template_child (widget_class, MuluItemsTable, message_revealer);
  gtk_widget_class_bind_template_child (widget_class, MuluItemsTable, message_label);

  gtk_widget_class_install_action (widget_class, "items.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "items.paste", NULL, paste_activated);
  gtk_widget_class_install_action (widget_class, "items.delete", NULL, delete_activated);
  gtk_widget_class_install_action (widget_class, "items.dismiss-message", NULL, dismiss_message_activated);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
  gtk_widget_class_set_css_name (widget_class, "mulu-items-table");
}

static void
mulu_items_table_init (MuluItemsTable *self)
{
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkEventController *keys;

  self->cells = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  columns[COLUMN_NAME] = self->name_column;
  columns[COLUMN_DATA_TYPE] = self->data_type_column;
  columns[COLUMN_LENGTH] = self->length_column;
  columns[COLUMN_SHARE_TYPE] = self->share_type_column;
  columns[COLUMN_OPEN_TYPE] = self->open_type_column;
  columns[COLUMN_REMARKS] = self->remarks_column;
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(GtkListItemFactory) factory = mulu_items_table_cell_factory (self, (Column) c);

      gtk_column_view_column_set_factory (columns[c], factory);
    }

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect (self->column_view, "activate", G_CALLBACK (on_row_activated), self);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Data items"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Data items"), -1);

  build_choices (self);
  update_state (self);
}

GtkWidget *
mulu_items_table_new (void)
{
  return g_object_new (MULU_TYPE_ITEMS_TABLE, NULL);
}

MuluCatalog *
mulu_items_table_get_catalog (MuluItemsTable *self)
{
  g_return_val_if_fail (MULU_IS_ITEMS_TABLE (self), NULL);
  return self->catalog;
}

void
mulu_items_table_set_catalog (MuluItemsTable *self,
                              MuluCatalog    *catalog)
{
  g_return_if_fail (MULU_IS_ITEMS_TABLE (self));
  g_return_if_fail (catalog == NULL || MULU_IS_CATALOG (catalog));

  if (!g_set_object (&self->catalog, catalog))
    return;
  build_choices (self);
  mulu_items_table_rebuild_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATALOG]);
}

MuluHistory *
mulu_items_table_get_history (MuluItemsTable *self)
{
  g_return_val_if_fail (MULU_IS_ITEMS_TABLE (self), NULL);
  return self->history;
}

void
mulu_items_table_set_history (MuluItemsTable *self,
                              MuluHistory    *history)
{
  g_return_if_fail (MULU_IS_ITEMS_TABLE (self));
  g_return_if_fail (history == NULL || MULU_IS_HISTORY (history));

  if (!g_set_object (&self->history, history))
    return;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HISTORY]);
}

gint64
mulu_items_table_get_resource_id (MuluItemsTable *self)
{
  g_return_val_if_fail (MULU_IS_ITEMS_TABLE (self), 0);
  return self->resource_id;
}

/* Shows the items of the resource with rowid @resource_id; 0 for none. */
void
mulu_items_table_set_resource_id (MuluItemsTable *self,
                                  gint64          resource_id)
{
  g_return_if_fail (MULU_IS_ITEMS_TABLE (self));
  g_return_if_fail (resource_id >= 0);

  if (self->resource_id == resource_id)
    return;
  self->resource_id = resource_id;
  mulu_items_table_rebuild_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOURCE_ID]);
}
