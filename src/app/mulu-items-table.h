/* mulu-items-table.h — the data items (信息项) of one resource, as a table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"
#include "mulu-history.h"

G_BEGIN_DECLS

#define MULU_TYPE_ITEMS_TABLE (mulu_items_table_get_type ())
G_DECLARE_FINAL_TYPE (MuluItemsTable, mulu_items_table, MULU, ITEMS_TABLE, GtkWidget)

GtkWidget   *mulu_items_table_new             (void);
MuluCatalog *mulu_items_table_get_catalog     (MuluItemsTable *self);
void         mulu_items_table_set_catalog     (MuluItemsTable *self,
                                               MuluCatalog    *catalog);
MuluHistory *mulu_items_table_get_history     (MuluItemsTable *self);
void         mulu_items_table_set_history     (MuluItemsTable *self,
                                               MuluHistory    *history);
gint64       mulu_items_table_get_resource_id (MuluItemsTable *self);
void         mulu_items_table_set_resource_id (MuluItemsTable *self,
                                               gint64          resource_id);
void         mulu_items_table_paste_text      (MuluItemsTable *self,
                                               const char     *text);

G_END_DECLS
