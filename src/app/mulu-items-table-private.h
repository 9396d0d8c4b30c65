/* mulu-items-table-private.h — shared by the files of the items table
 *
 * mulu-items-table.c is the widget, its state, actions and keys;
 * mulu-items-table-cells.c the cells (showing, editing, focus);
 * mulu-items-table-paste.c pasting rows from the clipboard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-items-table.h"
#include "mulu-stable-list.h"

G_BEGIN_DECLS

typedef enum {
  COLUMN_NAME,
  COLUMN_DATA_TYPE,
  COLUMN_LENGTH,
  COLUMN_SHARE_TYPE,
  COLUMN_OPEN_TYPE,
  COLUMN_REMARKS,
  N_COLUMNS
} Column;

#define IS_TEXT_COLUMN(c) ((c) == COLUMN_NAME || (c) == COLUMN_LENGTH || (c) == COLUMN_REMARKS)

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

/* mulu-items-table.c */
guint     mulu_items_table_n_rows          (MuluItemsTable *self);
gboolean  mulu_items_table_can_edit        (MuluItemsTable *self);
void      mulu_items_table_show_message    (MuluItemsTable *self,
                                            const char     *message);
void      mulu_items_table_hide_message    (MuluItemsTable *self);
void      mulu_items_table_show_toast      (MuluItemsTable *self,
                                            const char     *title,
                                            gboolean        undoable);
void      mulu_items_table_detach_model    (MuluItemsTable *self);
void      mulu_items_table_rebuild_model   (MuluItemsTable *self);

/* mulu-items-table-cells.c */
GtkListItemFactory *mulu_items_table_cell_factory (MuluItemsTable *self,
                                                   Column          column);
Cell     *mulu_items_cell_from_widget      (GtkWidget      *widget);
guint     mulu_items_cell_position         (Cell           *cell);
gboolean  mulu_items_cell_is_editing       (Cell           *cell);
void      mulu_items_cell_stop_editing     (Cell           *cell);
void      mulu_items_table_rows_updated    (gpointer        data,
                                            guint           position,
                                            guint           n_items);
Cell     *mulu_items_table_find_cell       (MuluItemsTable *self,
                                            guint           position,
                                            Column          column);
Cell     *mulu_items_table_focused_cell    (MuluItemsTable *self);
void      mulu_items_table_scroll_to       (MuluItemsTable *self,
                                            guint           position);
void      mulu_items_table_focus_cell      (MuluItemsTable *self,
                                            guint           position,
                                            Column          column,
                                            gboolean        edit);
gboolean  mulu_items_table_move_focus      (MuluItemsTable *self,
                                            Cell           *cell,
                                            gboolean        backward);

/* mulu-items-table-paste.c */
void      mulu_items_table_paste_clipboard (MuluItemsTable *self,
                                            Cell           *editing);

G_END_DECLS
