/* mulu-store.h — SQL for the record tables (internal to the core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "mulu-record.h"

G_BEGIN_DECLS

/* "id, uid, name, …, extra" — the columns a row is read with. */
const char *mulu_store_select_columns (MuluEntity    entity);
char       *mulu_store_select_columns_prefixed (MuluEntity  entity,
                                               const char *alias);
/* "INSERT INTO t (uid, name, …, extra) VALUES (?1, ?2, …)"; an item's
 * insert also sets its sensitivity from the bound name. */
const char *mulu_store_insert_sql     (MuluEntity    entity);
/* "INSERT INTO t (uid, name, …, extra, id) VALUES (?1, ?2, …, ?N)": the
 * insert above with the row id bound last, at mulu_store_insert_with_id_index() */
const char *mulu_store_insert_with_id_sql   (MuluEntity  entity);
int         mulu_store_insert_with_id_index (MuluEntity  entity);
/* "UPDATE t SET name = ?2, … , extra = ?N WHERE id = ?1" */
const char *mulu_store_update_sql     (MuluEntity    entity);

MuluRecord *mulu_store_read_row       (MuluEntity    entity,
                                       sqlite3_stmt *stmt);
void        mulu_store_bind_value     (sqlite3_stmt *stmt,
                                       int           index,
                                       const MuluField *field,
                                       GVariant     *value);
/* Binds uid, the fields and extra from index 1 (insert) or 2 (update). */
void        mulu_store_bind_record    (sqlite3_stmt *stmt,
                                       MuluRecord   *record,
                                       int           first);
GVariant   *mulu_store_column_value   (sqlite3_stmt *stmt,
                                       int           column,
                                       const MuluField *field);
char       *mulu_store_list_to_json   (GVariant     *list);
GVariant   *mulu_store_list_from_json (const char   *json);

G_END_DECLS
