/* mulu-items-table.c — the data items (信息项) of one resource, as a table
 *
 * A column view over the resource's items, read lazily from the catalog.
 * Every cell can be edited in place and each edit is one step of the
 * MuluHistory; a paste of rows from a spreadsheet and a deletion of several
 * rows are one step each, and the toast that reports them can undo them.
 *
 * The catalog re-reads a record after each change, and the record list
 * reports an update as the row being replaced — which would make the view
 * throw away the row's widgets, and the focus with them, after every cell
 * edit. So the view is given a MuluStableList: the same rows, except that
 * a row replaced by the same item is refreshed in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-items-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mulu-items-table.h"
#include "mulu-paste-dialog.h"
#include "mulu-tsv.h"

typedef enum {
  COLUMN_NAME,
  COLUMN_DATA_TYPE,
  COLUMN_LENGTH,
  COLUMN_SHARE_TYPE,
  COLUMN_OPEN_TYPE,
  COLUMN_REMARKS,
  N_COLUMNS
} Column;

static const guint column_fields[N_COLUMNS] = {
  MULU_ITEM_NAME, MULU_ITEM_DATA_TYPE, MULU_ITEM_LENGTH, MULU_ITEM_SHARE_TYPE, MULU_ITEM_OPEN_TYPE, MULU_ITEM_REMARKS,
};

#define IS_TEXT_COLUMN(c) ((c) == COLUMN_NAME || (c) == COLUMN_LENGTH || (c) == COLUMN_REMARKS)

/* — MuluStableList ————————————————————————————————————————————————— */

#define MULU_TYPE_STABLE_LIST (mulu_stable_list_get_type ())
G_DECLARE_FINAL_TYPE (MuluStableList, mulu_stable_list, MULU, STABLE_LIST, GObject)

typedef void (*MuluStableListUpdated) (gpointer data,
                                       guint    position,
                                       guint    n_items);

struct _MuluStableList
{
  GObject                parent_instance;
  MuluRecordList        *list;
  GArray                *ids;     /* gint64, the ids the view was last told of */
  MuluStableListUpdated  updated;
  gpointer               data;
};

static void stable_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MuluStableList, mulu_stable_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, stable_list_model_init))

static GType
stable_list_get_item_type (GListModel *model)
{
  return MULU_TYPE_RECORD;
}

static guint
stable_list_get_n_items (GListModel *model)
{
  return MULU_STABLE_LIST (model)->ids->len;
}

static gpointer
stable_list_get_item (GListModel *model,
                      guint       position)
{
  MuluStableList *self = MULU_STABLE_LIST (model);

  if (position >= self->ids->len)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->list), position);
}

static void
stable_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = stable_list_get_item_type;
  iface->get_n_items = stable_list_get_n_items;
  iface->get_item = stable_list_get_item;
}

static void
on_list_items_changed (GListModel     *list,
                       guint           position,
                       guint           removed,
                       guint           added,
                       MuluStableList *self)
{
  if (removed == added && position + removed <= self->ids->len)
    {
      gboolean same = TRUE;

      for (guint i = 0; i < added && same; i++)
        same = g_array_index (self->ids, gint64, position + i) == mulu_record_list_get_id_at (self->list, position + i);
      if (same)
        {
          if (self->updated)
            self->updated (self->data, position, added);
          return;
        }
    }

  g_array_remove_range (self->ids, position, MIN (removed, self->ids->len - position));
  for (guint i = 0; i < added; i++)
    {
      gint64 id = mulu_record_list_get_id_at (self->list, position + i);
      g_array_insert_val (self->ids, position + i, id);
    }
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
}

static void
mulu_stable_list_dispose (GObject *object)
{
  MuluStableList *self = MULU_STABLE_LIST (object);

  if (self->list)
    g_signal_handlers_disconnect_by_func (self->list, on_list_items_changed, self);
  g_clear_object (&self->list);

  G_OBJECT_CLASS (mulu_stable_list_parent_class)->dispose (object);
}

static void
mulu_stable_list_finalize (GObject *object)
{
  g_array_unref (MULU_STABLE_LIST (object)->ids);

  G_OBJECT_CLASS (mulu_stable_list_parent_class)->finalize (object);
}

static void
mulu_stable_list_class_init (MuluStableListClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = mulu_stable_list_dispose;
  G_OBJECT_CLASS (klass)->finalize = mulu_stable_list_finalize;
}

static void
mulu_stable_list_init (MuluStableList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static MuluStableList *
mulu_stable_list_new (MuluRecordList        *list,
                      MuluStableListUpdated  updated,
                      gpointer               data)
{
  MuluStableList *self = g_object_new (MULU_TYPE_STABLE_LIST, NULL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  self->list = g_object_ref (list);
  self->updated = updated;
  self->data = data;
  for (guint i = 0; i < n; i++)
    {
      gint64 id = mulu_record_list_get_id_at (list, i);
      g_array_append_val (self->ids, id);
    }
  g_signal_connect (list, "items-changed", G_CALLBACK (on_list_items_changed), self);
  return self;
}

/* — MuluItemsTable ————————————————————————————————————————————————— */

typedef struct {
  MuluItemsTable *table;
  GtkListItem    *list_item;
  Column          column;
  GtkWidget      *widget;  /* GtkEditableLabel or GtkDropDown */
  GtkStringList  *choices; /* dropdowns: the table's choices, and the stored value if it is none of them */
  guint           choices_serial; /* the table's choices_serial when they were put in */
  guint           binding;
} Cell;

struct _MuluItemsTable
{
  GtkWidget            parent_instance;

  MuluCatalog         *catalog;
  MuluHistory         *history;
  gint64               resource_id;
  MuluRecordList      *list;
  MuluStableList      *rows;
  GPtrArray           *cells;               /* Cell *, every cell widget alive */
  GStrv                values[N_COLUMNS];   /* dropdown columns: the stored values, "" first for none */
  GStrv                labels[N_COLUMNS];   /* …and what the dropdown shows for each */
  guint                choices_serial;      /* changes with values and labels */

  gboolean             pending_focus;
  guint                pending_position;
  Column               pending_column;
  gboolean             pending_edit;
  guint                focus_tick;
  guint                focus_frames;
  char                *toast_undo_label;    /* the history step the last toast can undo */

  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkColumnView       *column_view;
  GtkMultiSelection   *selection;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *data_type_column;
  GtkColumnViewColumn *length_column;
  GtkColumnViewColumn *share_type_column;
  GtkColumnViewColumn *open_type_column;
  GtkColumnViewColumn *remarks_column;
  GtkLabel            *count_label;
  GtkRevealer         *message_revealer;
  GtkLabel            *message_label;
};

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

static const char *
column_label (Column column)
{
  return mulu_field_get_label (&mulu_entity_get_info (MULU_ENTITY_ITEM)->fields[column_fields[column]]);
}

static guint
n_rows (MuluItemsTable *self)
{
  return self->rows ? g_list_model_get_n_items (G_LIST_MODEL (self->rows)) : 0;
}

/* — Messages and toasts ——————————————————————————————————————————— */

static void
show_message (MuluItemsTable *self,
              const char     *message)
{
  gtk_label_set_label (self->message_label, message);
  gtk_revealer_set_reveal_child (self->message_revealer, TRUE);
}

static void
hide_message (MuluItemsTable *self)
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
    show_message (self, error->message);
  g_clear_pointer (&self->toast_undo_label, g_free);
}

/* Shows @title in the nearest toast overlay, or hands the toast to whoever
 * listens to ::toast when the table is not inside one. */
static void
show_toast (MuluItemsTable *self,
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

static gboolean
can_edit (MuluItemsTable *self)
{
  return self->history != NULL && self->catalog != NULL && self->rows != NULL;
}

static void
update_actions (MuluItemsTable *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.add", can_edit (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.paste", can_edit (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "items.delete", can_edit (self) && !gtk_bitset_is_empty (selected));
}

static void
update_state (MuluItemsTable *self)
{
  guint n = n_rows (self);
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

/* — Cells ——————————————————————————————————————————————————————————— */

static Cell *
cell_from_widget (GtkWidget *widget)
{
  return widget ? g_object_get_data (G_OBJECT (widget), "mulu-cell") : NULL;
}

static guint
cell_position (Cell *cell)
{
  return gtk_list_item_get_position (cell->list_item);
}

static gboolean
cell_is_editing (Cell *cell)
{
  return cell && IS_TEXT_COLUMN (cell->column) && gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell->widget));
}

static void
cell_update_accessible (Cell *cell)
{
  guint position = cell_position (cell);
  g_autofree char *label = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  /* TRANSLATORS: a cell of the items table: "Item name, row 3" */
  label = g_strdup_printf (_("%s, row %u"), column_label (cell->column), position + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell->widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Shows the stored value of @record; a cell being edited keeps what the
 * clerk is typing. */
static void
cell_show (Cell       *cell,
           MuluRecord *record)
{
  MuluItemsTable *self = cell->table;
  guint field = column_fields[cell->column];

  cell->binding++;
  if (IS_TEXT_COLUMN (cell->column))
    {
      g_autofree char *text = record ? mulu_record_dup_text (record, field) : NULL;

      if (!gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell->widget)))
        {
          gtk_editable_set_text (GTK_EDITABLE (cell->widget), text ? text : "");
          gtk_widget_remove_css_class (cell->widget, "error");
        }
    }
  else
    {
      const char *value = record ? mulu_record_get_string (record, field) : NULL;
      GStrv values = self->values[cell->column];
      guint n = g_strv_length (values);
      guint have = g_list_model_get_n_items (G_LIST_MODEL (cell->choices));
      const char *extra = NULL;
      guint selected = 0;

      if (value && *value)
        {
          for (selected = 1; selected < n && !g_str_equal (values[selected], value); selected++)
            ;
          /* A value from an import that is no longer in the code table is
           * shown as it is, not as "none". */
          if (selected == n)
            extra = value;
        }
      /* The table's choices go in once; only a stored value that is none of
       * them comes and goes. Rebuilding every dropdown's list each time a
       * row is bound to another item made scrolling the table stall. */
      if (cell->choices_serial != self->choices_serial)
        {
          gtk_string_list_splice (cell->choices, 0, have, (const char * const *) self->labels[cell->column]);
          cell->choices_serial = self->choices_serial;
          have = n;
        }
      if (extra == NULL && have > n)
        gtk_string_list_splice (cell->choices, n, have - n, NULL);
      else if (extra && (have == n || g_strcmp0 (gtk_string_list_get_string (cell->choices, n), extra) != 0))
        gtk_string_list_splice (cell->choices, n, have - n, (const char * const[]) { extra, NULL });
      gtk_drop_down_set_selected (GTK_DROP_DOWN (cell->widget), selected);
    }
  cell->binding--;
}

static void
cell_commit (Cell     *cell,
             GVariant *value)
{
  MuluItemsTable *self = cell->table;
  guint position = cell_position (cell);
  guint field = column_fields[cell->column];
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  g_autoptr(MuluRecord) current = NULL;
  g_autoptr(MuluRecord) changed = NULL;
  g_autoptr(GError) error = NULL;

  if (!can_edit (self) || position == GTK_INVALID_LIST_POSITION)
    return;
  current = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  if (current == NULL || mulu_value_equal (mulu_record_get_value (current, field), owned))
    return;

  changed = mulu_record_copy (current);
  mulu_record_set_value (changed, field, owned);
  if (!mulu_history_update (self->history, changed, &error))
    {
      show_message (self, error->message);
      cell_show (cell, current);
      return;
    }
  hide_message (self);
}

static void
on_label_editing (GtkEditableLabel *label,
                  GParamSpec       *pspec,
                  Cell             *cell)
{
  MuluItemsTable *self = cell->table;
  const char *text;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) value = NULL;

  if (cell->binding || gtk_editable_label_get_editing (label))
    return;

  text = gtk_editable_get_text (GTK_EDITABLE (label));
  gtk_widget_remove_css_class (cell->widget, "error");
  if (cell->column == COLUMN_LENGTH)
    {
      gint64 length = -1;

      if (!mulu_tsv_parse_length (text, &length, &error))
        {
          g_autoptr(MuluRecord) current = g_list_model_get_item (G_LIST_MODEL (self->rows), cell_position (cell));
          /* TRANSLATORS: "Row 3: “100万” is not a number; … The length was not changed." */
          g_autofree char *message = g_strdup_printf (_("Row %u: %s The length was not changed."),
                                                      cell_position (cell) + 1, error->message);
          show_message (self, message);
          cell_show (cell, current);
          return;
        }
      if (length > 0)
        value = g_variant_ref_sink (g_variant_new_int64 (length));
    }
  else if (!mulu_value_parse (MULU_FIELD_TEXT, text, &value, &error))
    {
      show_message (self, error->message);
      return;
    }
  cell_commit (cell, g_steal_pointer (&value));
}

/* The length cell refuses what is not a number as it is typed, and says
 * why when the edit ends. */
static void
on_length_changed (GtkEditable *editable,
                   Cell        *cell)
{
  const char *text = gtk_editable_get_text (editable);
  gint64 length;

  if (cell->binding)
    return;
  if (mulu_tsv_parse_length (text, &length, NULL))
    gtk_widget_remove_css_class (cell->widget, "error");
  else
    gtk_widget_add_css_class (cell->widget, "error");
}

static void
on_dropdown_selected (GtkDropDown *dropdown,
                      GParamSpec  *pspec,
                      Cell        *cell)
{
  GStrv values = cell->table->values[cell->column];
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (cell->binding || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected == 0)
    cell_commit (cell, NULL);
  else if (selected < g_strv_length (values))
    cell_commit (cell, g_variant_new_string (values[selected]));
  /* else: the stored value that is not in the table, unchanged */
}

/* A cell that takes the focus selects its row, so Delete deletes the row
 * the clerk is on; a row already among the selected keeps the selection. */
static void
on_cell_focus_enter (GtkEventControllerFocus *controller,
                     Cell                    *cell)
{
  MuluItemsTable *self = cell->table;
  guint position = cell_position (cell);

  if (position != GTK_INVALID_LIST_POSITION &&
      !gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

/* GTK 4.8's GtkEditableLabel, on losing the focus, looks at its focus
 * controller 100 ms later without holding a reference to it; a label that
 * is destroyed in between (its row deleted while it had the focus, the
 * window closed) is read after it is freed. Holding the label a little
 * longer than that keeps it and its controllers alive. */
static gboolean
release_label_cb (gpointer data)
{
  g_object_unref (data);
  return G_SOURCE_REMOVE;
}

static void
on_cell_focus_leave (GtkEventControllerFocus *controller,
                     Cell                    *cell)
{
  if (IS_TEXT_COLUMN (cell->column))
    g_timeout_add (250, release_label_cb, g_object_ref (cell->widget));
}

static void
on_position_changed (GtkListItem *list_item,
                     GParamSpec  *pspec,
                     Cell        *cell)
{
  cell_update_accessible (cell);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               MuluItemsTable           *self)
{
  Cell *cell = g_new0 (Cell, 1);
  GtkEventController *focus;

  cell->table = self;
  cell->list_item = list_item;
  cell->column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "mulu-column"));

  if (IS_TEXT_COLUMN (cell->column))
    {
      cell->widget = gtk_editable_label_new ("");
      g_signal_connect (cell->widget, "notify::editing", G_CALLBACK (on_label_editing), cell);
      if (cell->column == COLUMN_LENGTH)
        {
          gtk_editable_set_alignment (GTK_EDITABLE (cell->widget), 1.0);
          g_signal_connect (cell->widget, "changed", G_CALLBACK (on_length_changed), cell);
        }
    }
  else
    {
      cell->choices = gtk_string_list_new (NULL);
      cell->widget = gtk_drop_down_new (G_LIST_MODEL (cell->choices), NULL);
      g_signal_connect (cell->widget, "notify::selected", G_CALLBACK (on_dropdown_selected), cell);
    }
  gtk_widget_add_css_class (cell->widget, "mulu-cell");

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter), cell);
  g_signal_connect (focus, "leave", G_CALLBACK (on_cell_focus_leave), cell);
  gtk_widget_add_controller (cell->widget, focus);

  g_object_set_data_full (G_OBJECT (cell->widget), "mulu-cell", cell, g_free);
  g_signal_connect (list_item, "notify::position", G_CALLBACK (on_position_changed), cell);
  gtk_list_item_set_child (list_item, cell->widget);
  g_ptr_array_add (self->cells, cell);
}

static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              MuluItemsTable           *self)
{
  Cell *cell = cell_from_widget (gtk_list_item_get_child (list_item));

  cell_show (cell, gtk_list_item_get_item (list_item));
  cell_update_accessible (cell);
}

static void
cell_teardown_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  MuluItemsTable           *self)
{
  Cell *cell = cell_from_widget (gtk_list_item_get_child (list_item));

  if (cell == NULL)
    return;
  g_signal_handlers_disconnect_by_func (list_item, on_position_changed, cell);
  g_ptr_array_remove_fast (self->cells, cell);
}

/* The stable list says rows changed in place: show their new values. */
static void
rows_updated (gpointer data,
              guint    position,
              guint    n_items)
{
  MuluItemsTable *self = data;

  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (self->cells, i);
      guint p = cell_position (cell);

      if (p != GTK_INVALID_LIST_POSITION && p >= position && p < position + n_items)
        {
          g_autoptr(MuluRecord) record = g_list_model_get_item (G_LIST_MODEL (self->rows), p);
          cell_show (cell, record);
        }
    }
}

/* — Focus ——————————————————————————————————————————————————————————— */

static Cell *
find_cell (MuluItemsTable *self,
           guint           position,
           Column          column)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (self->cells, i);
      if (cell->column == column && cell_position (cell) == position)
        return cell;
    }
  return NULL;
}

/* The cell holding the keyboard focus; none while a dropdown's list is
 * open, whose keys are its own. */
static Cell *
focused_cell (MuluItemsTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *widget = root ? gtk_root_get_focus (root) : NULL;

  for (; widget && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    {
      Cell *cell;
      if (GTK_IS_POPOVER (widget))
        return NULL;
      if ((cell = cell_from_widget (widget)) != NULL)
        return cell;
    }
  return NULL;
}

static void
scroll_to (MuluItemsTable *self,
           guint           position)
{
  /* The list's own action scrolls it; any widget inside can reach it. */
  if (self->cells->len > 0)
    {
      Cell *any = g_ptr_array_index (self->cells, 0);
      gtk_widget_activate_action (any->widget, "list.scroll-to-item", "u", position);
    }
}

static gboolean
try_pending_focus (MuluItemsTable *self)
{
  Cell *cell = find_cell (self, self->pending_position, self->pending_column);

  if (cell == NULL || !gtk_widget_get_mapped (cell->widget))
    return FALSE;
  self->pending_focus = FALSE;
  gtk_widget_grab_focus (cell->widget);
  if (self->pending_edit && IS_TEXT_COLUMN (cell->column))
    gtk_editable_label_start_editing (GTK_EDITABLE_LABEL (cell->widget));
  return TRUE;
}

#define FOCUS_FRAMES 60

static gboolean
focus_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       data)
{
  MuluItemsTable *self = MULU_ITEMS_TABLE (widget);

  if (self->pending_focus && !try_pending_focus (self) && ++self->focus_frames < FOCUS_FRAMES)
    {
      if (find_cell (self, self->pending_position, self->pending_column) == NULL)
        scroll_to (self, self->pending_position);
      return G_SOURCE_CONTINUE;
    }
  self->pending_focus = FALSE;
  self->focus_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Moves the focus to a cell, starting an edit of a text cell if @edit. A
 * row that is new or out of view gets it once it is laid out. */
static void
focus_cell (MuluItemsTable *self,
            guint           position,
            Column          column,
            gboolean        edit)
{
  self->pending_focus = TRUE;
  self->pending_position = position;
  self->pending_column = column;
  self->pending_edit = edit;
  if (try_pending_focus (self))
    return;
  if (find_cell (self, position, column) == NULL)
    scroll_to (self, position);
  self->focus_frames = 0;
  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb, NULL, NULL);
}

static void
stop_editing (Cell *cell)
{
  if (cell_is_editing (cell))
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (cell->widget), TRUE);
}

/* Tab and Shift+Tab go from cell to cell, row after row. */
static gboolean
move_focus (MuluItemsTable *self,
            Cell           *cell,
            gboolean        backward)
{
  guint position = cell_position (cell);
  int column = (int) cell->column + (backward ? -1 : 1);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  if (column < 0)
    {
      if (position == 0)
        return FALSE;
      position--;
      column = N_COLUMNS - 1;
    }
  else if (column >= N_COLUMNS)
    {
      if (position + 1 >= n_rows (self))
        return FALSE;
      position++;
      column = 0;
    }
  stop_editing (cell);
  focus_cell (self, position, (Column) column, TRUE);
  return TRUE;
}

/* — Adding, pasting, deleting ——————————————————————————————————————— */

static void
add_item (MuluItemsTable *self)
{
  g_autoptr(MuluRecord) item = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  if (!can_edit (self))
    return;

  item = mulu_record_new (MULU_ENTITY_ITEM);
  mulu_record_set_int (item, MULU_ITEM_RESOURCE, self->resource_id);
  if (!mulu_history_add (self->history, item, &error))
    {
      show_message (self, error->message);
      return;
    }
  hide_message (self);

  position = mulu_record_list_find (self->list, mulu_record_get_id (item));
  if (position == G_MAXUINT)
    return;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  focus_cell (self, position, COLUMN_NAME, TRUE);
}

static void rebuild_model   (MuluItemsTable *self);
static void on_rows_changed (GListModel     *model,
                             guint           position,
                             guint           removed,
                             guint           added,
                             MuluItemsTable *self);

/* Past this many rows a paste detaches the view, which would otherwise
 * re-read the list after every row, and reads the list once at the end. */
#define DETACH_ROWS 50

static void
add_rows (MuluItemsTable *self,
          MuluTsvResult  *result)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *title = NULL;
  guint n = result->rows->len;
  guint added = 0;
  guint first = n_rows (self);

  if (!can_edit (self) || n == 0)
    return;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Paste %u data item", "Paste %u data items", n), n);
  if (n > DETACH_ROWS)
    {
      gtk_multi_selection_set_model (self->selection, NULL);
      g_signal_handlers_disconnect_by_func (self->rows, on_rows_changed, self);
      g_clear_object (&self->rows);
      g_clear_object (&self->list);
    }
  mulu_history_begin_group (self->history, label);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MuluRecord) item = mulu_tsv_row_to_item (g_ptr_array_index (result->rows, i), self->resource_id);
      if (!mulu_history_add (self->history, item, &error))
        break;
      added++;
    }
  mulu_history_end_group (self->history, error ? NULL : &error);
  if (n > DETACH_ROWS)
    rebuild_model (self);
  if (error)
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was pasted: %s"), error ? error->message : "");
      /* A paste is all or nothing: take back the rows that went in. */
      if (added > 0)
        mulu_history_undo (self->history, NULL);
      show_message (self, message);
      return;
    }
  hide_message (self);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Pasted %u data item", "Pasted %u data items", n), n);
  show_toast (self, title, TRUE);
  if (first < n_rows (self))
    scroll_to (self, first);
}

static void
on_paste_confirmed (MuluPasteDialog *dialog,
                    MuluItemsTable  *self)
{
  add_rows (self, mulu_paste_dialog_get_result (dialog));
}

/**
 * mulu_items_table_paste_text:
 * @self: a table
 * @text: rows copied from a spreadsheet
 *
 * Adds the rows of @text as data items of the resource, in one step of the
 * history, when they can be read for certain; otherwise shows how they
 * would be read and asks.
 */
void
mulu_items_table_paste_text (MuluItemsTable *self,
                             const char     *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluTsvResult) result = NULL;
  MuluCodes *codes;
  MuluPasteDialog *dialog;
  GtkRoot *root;

  g_return_if_fail (MULU_IS_ITEMS_TABLE (self));
  g_return_if_fail (text != NULL);

  if (!can_edit (self))
    return;
  codes = mulu_catalog_get_codes (self->catalog);
  if ((result = mulu_tsv_parse_items (text, codes, &error)) == NULL)
    {
      show_toast (self, error->message, FALSE);
      return;
    }
  if (!result->ambiguous && result->problems->len == 0)
    {
      add_rows (self, result);
      return;
    }

  dialog = mulu_paste_dialog_new (g_steal_pointer (&result), codes);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (root));
  g_signal_connect_object (dialog, "confirmed", G_CALLBACK (on_paste_confirmed), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  MuluItemsTable *self;
  guint           position; /* of the cell being edited when Ctrl+V was pressed */
  Column          column;
} PasteRequest;

static void
on_clipboard_text (GObject      *source,
                   GAsyncResult *res,
                   gpointer      data)
{
  PasteRequest *request = data;
  g_autoptr(MuluItemsTable) self = request->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), res, &error);
  Cell *cell = request->position != GTK_INVALID_LIST_POSITION
               ? find_cell (self, request->position, request->column) : NULL;

  g_free (request);

  if (text == NULL || text[strspn (text, " \t\r\n")] == '\0')
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_toast (self, _("The clipboard holds no text; copy the data items’ cells in the spreadsheet first."), FALSE);
      return;
    }

  /* Ctrl+V in a cell being edited pastes into the cell, unless the
   * clipboard holds several cells: those are rows for the table. */
  if (cell_is_editing (cell))
    {
      g_autofree char *one = g_strdup (text);
      gsize len = strlen (one);

      while (len > 0 && (one[len - 1] == '\n' || one[len - 1] == '\r'))
        one[--len] = '\0';
      if (strpbrk (one, "\t\n\r") == NULL)
        {
          int pos;
          gtk_editable_delete_selection (GTK_EDITABLE (cell->widget));
          pos = gtk_editable_get_position (GTK_EDITABLE (cell->widget));
          gtk_editable_insert_text (GTK_EDITABLE (cell->widget), one, -1, &pos);
          gtk_editable_set_position (GTK_EDITABLE (cell->widget), pos);
          return;
        }
      stop_editing (cell);
    }
  mulu_items_table_paste_text (self, text);
}

static void
paste_clipboard (MuluItemsTable *self,
                 Cell           *editing)
{
  PasteRequest *request = g_new0 (PasteRequest, 1);

  request->self = g_object_ref (self);
  request->position = editing ? cell_position (editing) : GTK_INVALID_LIST_POSITION;
  request->column = editing ? editing->column : COLUMN_NAME;
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL, on_clipboard_text, request);
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

  if (!can_edit (self) || gtk_bitset_is_empty (selected))
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
      show_message (self, error ? error->message : _("The data items could not be deleted."));
      return;
    }
  hide_message (self);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Deleted %u data item", "Deleted %u data items", n), n);
  show_toast (self, title, TRUE);
}

/* — Actions and keys ———————————————————————————————————————————————— */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MuluItemsTable *self = MULU_ITEMS_TABLE (widget);

  stop_editing (focused_cell (self));
  add_item (self);
}

static void
paste_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  paste_clipboard (MULU_ITEMS_TABLE (widget), NULL);
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
  hide_message (MULU_ITEMS_TABLE (widget));
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
  Cell *cell = focused_cell (self);
  gboolean editing = cell_is_editing (cell);

  if (enter && mods == GDK_CONTROL_MASK)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "items.add", NULL);
      return TRUE;
    }

  if ((keyval == GDK_KEY_v || keyval == GDK_KEY_V) && mods == GDK_CONTROL_MASK)
    {
      if (!can_edit (self))
        return FALSE;
      paste_clipboard (self, editing ? cell : NULL);
      return TRUE;
    }

  if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab || keyval == GDK_KEY_ISO_Left_Tab) &&
      cell != NULL && (mods & ~GDK_SHIFT_MASK) == 0)
    return move_focus (self, cell, keyval == GDK_KEY_ISO_Left_Tab || (mods & GDK_SHIFT_MASK));

  /* Enter ends an edit and goes down a row; on the last row it adds one. */
  if (enter && mods == 0 && editing)
    {
      guint position = cell_position (cell);
      Column column = cell->column;

      stop_editing (cell);
      if (position + 1 >= n_rows (self))
        add_item (self);
      else
        focus_cell (self, position + 1, column, TRUE);
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
  focus_cell (self, position, COLUMN_NAME, TRUE);
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

static void
rebuild_model (MuluItemsTable *self)
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
      self->rows = mulu_stable_list_new (self->list, rows_updated, self);
      g_signal_connect (self->rows, "items-changed", G_CALLBACK (on_rows_changed), self);
    }
  gtk_multi_selection_set_model (self->selection, G_LIST_MODEL (self->rows));
  hide_message (self);
  update_state (self);
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
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_object_set_data (G_OBJECT (factory), "mulu-column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
      g_signal_connect (factory, "teardown", G_CALLBACK (cell_teardown_cb), self);
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
  rebuild_model (self);
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
  rebuild_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOURCE_ID]);
}
