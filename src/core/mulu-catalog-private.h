/* mulu-catalog-private.h — for the core's own bulk code (packages, generator)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "mulu-catalog.h"

G_BEGIN_DECLS

sqlite3   *mulu_catalog_get_db          (MuluCatalog *self);
sqlite3_stmt *mulu_catalog_prepare_cached (MuluCatalog *self,
                                         const char  *sql,
                                         GError     **error);
gboolean   mulu_catalog_sql_error       (MuluCatalog *self,
                                         GError     **error);
gboolean   mulu_catalog_log             (MuluCatalog *self,
                                         const char  *op,
                                         const char  *entity,
                                         const char  *record_uid,
                                         const char  *field,
                                         const char  *old_value,
                                         const char  *new_value,
                                         const char  *details,
                                         GError     **error);
/* Inserts a deleted record again with its row id and uid (undo), logged
 * as "restore", checked and announced like mulu_catalog_add(). */
gboolean   mulu_catalog_restore         (MuluCatalog *self,
                                         MuluRecord  *record,
                                         GError     **error);
void       mulu_catalog_emit_changed    (MuluCatalog *self,
                                         MuluEntity   entity,
                                         gint64       id,
                                         MuluChange   change);
char      *mulu_now_iso8601             (void);
/* Fails with MULU_ERROR_SUBMITTED while the catalog is submitted
 * (mulu-review.c). */
gboolean   mulu_catalog_ensure_editable (MuluCatalog *self,
                                         GError     **error);
/* A field's value as the change log writes it: references by package id,
 * lists as JSON, booleans as true/false. */
char      *mulu_catalog_log_text        (MuluCatalog     *self,
                                         const MuluField *field,
                                         GVariant        *value);

G_END_DECLS
