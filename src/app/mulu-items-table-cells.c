/* mulu-items-table-cells.c — the cells of the items table
 *
 * Every cell is an editable label or a dropdown bound to one field of one
 * item; an edit is committed as one step of the history. The focus moves
 * from cell to cell with Tab and Enter, waiting for rows that are not laid
 * out yet.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-items-table"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-items-table-private.h"
#include "mulu-tsv.h"

static const guint column_fields[N_COLUMNS] = {
  MULU_ITEM_NAME, MULU_ITEM_DATA_TYPE, MULU_ITEM_LENGTH, MULU_ITEM_SHARE_TYPE, MULU_ITEM_OPEN_TYPE, MULU_ITEM_REMARKS,
};

static const char *
column_label (Column column)
{
  return mulu_field_get_label (&mulu_entity_get_info (MULU_ENTITY_ITEM)->fields[column_fields[column]]);
}

/* — Cells ——————————————————————————————————————————————————————————— */

Cell *
mulu_items_cell_from_widget (GtkWidget *widget)
{
  return widget ? g_object_get_data (G_OBJECT (widget), "mulu-cell") : NULL;
}

guint
mulu_items_cell_position (Cell *cell)
{
  return gtk_list_item_get_position (cell->list_item);
}

gboolean
mulu_items_cell_is_editing (Cell *cell)
{
  return cell && IS_TEXT_COLUMN (cell->column) && gtk_editable_label_get_editing (GTK_EDITABLE_LABEL (cell->widget));
}

static void
cell_update_accessible (Cell *cell)
{
  guint position = mulu_items_cell_position (cell);
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
  guint position = mulu_items_cell_position (cell);
  guint field = column_fields[cell->column];
  g_autoptr(GVariant) owned = value ? g_variant_ref_sink (value) : NULL;
  g_autoptr(MuluRecord) current = NULL;
  g_autoptr(MuluRecord) changed = NULL;
  g_autoptr(GError) error = NULL;

  if (!mulu_items_table_can_edit (self) || position == GTK_INVALID_LIST_POSITION)
    return;
  current = g_list_model_get_item (G_LIST_MODEL (self->rows), position);
  if (current == NULL || mulu_value_equal (mulu_record_get_value (current, field), owned))
    return;

  changed = mulu_record_copy (current);
  mulu_record_set_value (changed, field, owned);
  if (!mulu_history_update (self->history, changed, &error))
    {
      mulu_items_table_show_message (self, error->message);
      cell_show (cell, current);
      return;
    }
  mulu_items_table_hide_message (self);
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
          g_autoptr(MuluRecord) current = g_list_model_get_item (G_LIST_MODEL (self->rows), mulu_items_cell_position (cell));
          /* TRANSLATORS: "Row 3: “100万” is not a number; … The length was not changed." */
          g_autofree char *message = g_strdup_printf (_("Row %u: %s The length was not changed."),
                                                      mulu_items_cell_position (cell) + 1, error->message);
          mulu_items_table_show_message (self, message);
          cell_show (cell, current);
          return;
        }
      if (length > 0)
        value = g_variant_ref_sink (g_variant_new_int64 (length));
    }
  else if (!mulu_value_parse (MULU_FIELD_TEXT, text, &value, &error))
    {
      mulu_items_table_show_message (self, error->message);
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
  guint position = mulu_items_cell_position (cell);

  if (position != GTK_INVALID_LIST_POSITION &&
      !gtk_selection_model_is_selected (GTK_SELECTION_MODEL (self->selection), position))
    gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
}

/* GTK 4.8's GtkEditableLabel, on losing the focus, looks at its focus
 * controller 100 ms later without holding a reference to it; a label that
 * is destroyed in between (its row deleted while it had the focus, the
 * window closed) is read after it is freed. Holding the label a little
 * longer than that keeps it and its controllers alive. The hold ends at a
 * lower priority than GTK's timeout: on a busy machine both are overdue
 * together, and the main loop then runs GTK's first. */
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
    g_timeout_add_full (G_PRIORITY_LOW, 250, release_label_cb, g_object_ref (cell->widget), NULL);
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
  Cell *cell = mulu_items_cell_from_widget (gtk_list_item_get_child (list_item));

  cell_show (cell, gtk_list_item_get_item (list_item));
  cell_update_accessible (cell);
}

static void
cell_teardown_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  MuluItemsTable           *self)
{
  Cell *cell = mulu_items_cell_from_widget (gtk_list_item_get_child (list_item));

  if (cell == NULL)
    return;
  g_signal_handlers_disconnect_by_func (list_item, on_position_changed, cell);
  g_ptr_array_remove_fast (self->cells, cell);
}

GtkListItemFactory *
mulu_items_table_cell_factory (MuluItemsTable *self,
                               Column          column)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_object_set_data (G_OBJECT (factory), "mulu-column", GUINT_TO_POINTER (column));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (cell_teardown_cb), self);
  return factory;
}

/* The stable list says rows changed in place: show their new values. */
void
mulu_items_table_rows_updated (gpointer data,
                               guint    position,
                               guint    n_items)
{
  MuluItemsTable *self = data;

  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (self->cells, i);
      guint p = mulu_items_cell_position (cell);

      if (p != GTK_INVALID_LIST_POSITION && p >= position && p < position + n_items)
        {
          g_autoptr(MuluRecord) record = g_list_model_get_item (G_LIST_MODEL (self->rows), p);
          cell_show (cell, record);
        }
    }
}

/* — Focus ——————————————————————————————————————————————————————————— */

Cell *
mulu_items_table_find_cell (MuluItemsTable *self,
                            guint           position,
                            Column          column)
{
  for (guint i = 0; i < self->cells->len; i++)
    {
      Cell *cell = g_ptr_array_index (self->cells, i);
      if (cell->column == column && mulu_items_cell_position (cell) == position)
        return cell;
    }
  return NULL;
}

/* The cell holding the keyboard focus; none while a dropdown's list is
 * open, whose keys are its own. */
Cell *
mulu_items_table_focused_cell (MuluItemsTable *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *widget = root ? gtk_root_get_focus (root) : NULL;

  for (; widget && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    {
      Cell *cell;
      if (GTK_IS_POPOVER (widget))
        return NULL;
      if ((cell = mulu_items_cell_from_widget (widget)) != NULL)
        return cell;
    }
  return NULL;
}

void
mulu_items_table_scroll_to (MuluItemsTable *self,
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
  Cell *cell = mulu_items_table_find_cell (self, self->pending_position, self->pending_column);

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
      if (mulu_items_table_find_cell (self, self->pending_position, self->pending_column) == NULL)
        mulu_items_table_scroll_to (self, self->pending_position);
      return G_SOURCE_CONTINUE;
    }
  self->pending_focus = FALSE;
  self->focus_tick = 0;
  return G_SOURCE_REMOVE;
}

/* Moves the focus to a cell, starting an edit of a text cell if @edit. A
 * row that is new or out of view gets it once it is laid out. */
void
mulu_items_table_focus_cell (MuluItemsTable *self,
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
  if (mulu_items_table_find_cell (self, position, column) == NULL)
    mulu_items_table_scroll_to (self, position);
  self->focus_frames = 0;
  if (self->focus_tick == 0)
    self->focus_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), focus_tick_cb, NULL, NULL);
}

void
mulu_items_cell_stop_editing (Cell *cell)
{
  if (mulu_items_cell_is_editing (cell))
    gtk_editable_label_stop_editing (GTK_EDITABLE_LABEL (cell->widget), TRUE);
}

/* Tab and Shift+Tab go from cell to cell, row after row. */
gboolean
mulu_items_table_move_focus (MuluItemsTable *self,
                             Cell           *cell,
                             gboolean        backward)
{
  guint position = mulu_items_cell_position (cell);
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
      if (position + 1 >= mulu_items_table_n_rows (self))
        return FALSE;
      position++;
      column = 0;
    }
  mulu_items_cell_stop_editing (cell);
  mulu_items_table_focus_cell (self, position, (Column) column, TRUE);
  return TRUE;
}
