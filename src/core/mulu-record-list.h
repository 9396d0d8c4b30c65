/* mulu-record-list.h — a lazy list of records for list views
 *
 * Holds only the row ids of the rows it shows (8 bytes a row) and reads the
 * records themselves from SQLite a page at a time, when a view asks for
 * them. Filtering and sorting happen in SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mulu-catalog.h"

G_BEGIN_DECLS

#define MULU_MAX_FILTERS 4

typedef enum {
  MULU_RECORD_STATE_ANY,
  MULU_RECORD_STATE_UNCLASSIFIED,
  MULU_RECORD_STATE_SUGGESTED,
  MULU_RECORD_STATE_WITH_ERRORS,
} MuluRecordState;

#define MULU_TYPE_RECORD_LIST (mulu_record_list_get_type ())
G_DECLARE_FINAL_TYPE (MuluRecordList, mulu_record_list, MULU, RECORD_LIST, GObject)

MuluRecordList *mulu_record_list_new          (MuluCatalog    *catalog,
                                               MuluEntity      entity);
MuluEntity      mulu_record_list_get_entity   (MuluRecordList *self);
void            mulu_record_list_set_parent   (MuluRecordList *self,
                                               gint64          parent_id);
gint64          mulu_record_list_get_parent   (MuluRecordList *self);
void            mulu_record_list_set_search   (MuluRecordList *self,
                                               const char     *text);
void            mulu_record_list_set_sort     (MuluRecordList *self,
                                               int             field,
                                               gboolean        descending);
void            mulu_record_list_set_filter   (MuluRecordList *self,
                                               guint           field,
                                               GVariant       *value);
void            mulu_record_list_set_state    (MuluRecordList *self,
                                               MuluRecordState state);
guint           mulu_catalog_count_in_state   (MuluCatalog    *catalog,
                                               MuluEntity      entity,
                                               MuluRecordState state);
guint           mulu_record_list_find         (MuluRecordList *self,
                                               gint64          id);
gint64          mulu_record_list_get_id_at    (MuluRecordList *self,
                                               guint           position);

G_END_DECLS
