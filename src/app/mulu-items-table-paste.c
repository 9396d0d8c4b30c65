/* mulu-items-table-paste.c — rows pasted from a spreadsheet
 *
 * A block copied from Excel or WPS becomes data items in one step of the
 * history, at once when its columns can be read for certain, after the
 * paste dialog otherwise. Ctrl+V in a cell being edited pastes text into
 * the cell, unless the clipboard holds several cells.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-items-table"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mulu-items-table-private.h"
#include "mulu-paste-dialog.h"
#include "mulu-tsv.h"

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
  guint first = mulu_items_table_n_rows (self);

  if (!mulu_items_table_can_edit (self) || n == 0)
    return;

  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Paste %u data item", "Paste %u data items", n), n);
  if (n > DETACH_ROWS)
    mulu_items_table_detach_model (self);
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
    mulu_items_table_rebuild_model (self);
  if (error)
    {
      g_autofree char *message = g_strdup_printf (_("Nothing was pasted: %s"), error ? error->message : "");
      /* A paste is all or nothing: take back the rows that went in. */
      if (added > 0)
        mulu_history_undo (self->history, NULL);
      mulu_items_table_show_message (self, message);
      return;
    }
  mulu_items_table_hide_message (self);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Pasted %u data item", "Pasted %u data items", n), n);
  mulu_items_table_show_toast (self, title, TRUE);
  if (first < mulu_items_table_n_rows (self))
    mulu_items_table_scroll_to (self, first);
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

  if (!mulu_items_table_can_edit (self))
    return;
  codes = mulu_catalog_get_codes (self->catalog);
  if ((result = mulu_tsv_parse_items (text, codes, &error)) == NULL)
    {
      mulu_items_table_show_toast (self, error->message, FALSE);
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
               ? mulu_items_table_find_cell (self, request->position, request->column) : NULL;

  g_free (request);

  if (text == NULL || text[strspn (text, " \t\r\n")] == '\0')
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        mulu_items_table_show_toast (self, _("The clipboard holds no text; copy the data items’ cells in the spreadsheet first."), FALSE);
      return;
    }

  /* Ctrl+V in a cell being edited pastes into the cell, unless the
   * clipboard holds several cells: those are rows for the table. */
  if (mulu_items_cell_is_editing (cell))
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
      mulu_items_cell_stop_editing (cell);
    }
  mulu_items_table_paste_text (self, text);
}

void
mulu_items_table_paste_clipboard (MuluItemsTable *self,
                                  Cell           *editing)
{
  PasteRequest *request = g_new0 (PasteRequest, 1);

  request->self = g_object_ref (self);
  request->position = editing ? mulu_items_cell_position (editing) : GTK_INVALID_LIST_POSITION;
  request->column = editing ? editing->column : COLUMN_NAME;
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (self)), NULL, on_clipboard_text, request);
}
