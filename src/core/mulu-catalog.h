/* mulu-catalog.h — one catalog file (.mulu), the document a clerk opens
 *
 * Every change is committed to the file at once, inside a transaction, and
 * logged (who, when, record, field, old, new). Only one program may have a
 * catalog open at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mulu-codes.h"
#include "mulu-record.h"

G_BEGIN_DECLS

typedef enum {
  MULU_CHANGE_ADDED,
  MULU_CHANGE_UPDATED,
  MULU_CHANGE_REMOVED,
  MULU_CHANGE_RESET,   /* many records changed: reload */
} MuluChange;

#define MULU_TYPE_CATALOG (mulu_catalog_get_type ())
G_DECLARE_FINAL_TYPE (MuluCatalog, mulu_catalog, MULU, CATALOG, GObject)

MuluCatalog *mulu_catalog_create          (const char   *path,
                                           GError      **error);
MuluCatalog *mulu_catalog_open            (const char   *path,
                                           GError      **error);
gboolean     mulu_catalog_close           (MuluCatalog  *self,
                                           GError      **error);
MuluCatalog *mulu_catalog_open_worker     (MuluCatalog  *self,
                                           GError      **error);
gboolean     mulu_catalog_is_open         (MuluCatalog  *self);
const char  *mulu_catalog_get_path        (MuluCatalog  *self);
MuluCodes   *mulu_catalog_get_codes       (MuluCatalog  *self);
int          mulu_catalog_get_schema_version (MuluCatalog *self);

const char  *mulu_catalog_get_user        (MuluCatalog  *self);
void         mulu_catalog_set_user        (MuluCatalog  *self,
                                           const char   *user);

char        *mulu_catalog_dup_meta        (MuluCatalog  *self,
                                           const char   *key);
gboolean     mulu_catalog_set_meta        (MuluCatalog  *self,
                                           const char   *key,
                                           const char   *value,
                                           GError      **error);

gboolean     mulu_catalog_begin           (MuluCatalog  *self,
                                           GError      **error);
gboolean     mulu_catalog_commit          (MuluCatalog  *self,
                                           GError      **error);
void         mulu_catalog_rollback        (MuluCatalog  *self);

gint64       mulu_catalog_count           (MuluCatalog  *self,
                                           MuluEntity    entity,
                                           GError      **error);
gboolean     mulu_catalog_add             (MuluCatalog  *self,
                                           MuluRecord   *record,
                                           GError      **error);
gboolean     mulu_catalog_update          (MuluCatalog  *self,
                                           MuluRecord   *record,
                                           GError      **error);
gboolean     mulu_catalog_delete          (MuluCatalog  *self,
                                           MuluEntity    entity,
                                           gint64        id,
                                           GError      **error);
MuluRecord  *mulu_catalog_get             (MuluCatalog  *self,
                                           MuluEntity    entity,
                                           gint64        id,
                                           GError      **error);
MuluRecord  *mulu_catalog_get_by_uid      (MuluCatalog  *self,
                                           MuluEntity    entity,
                                           const char   *uid,
                                           GError      **error);
char        *mulu_catalog_dup_uid         (MuluCatalog  *self,
                                           MuluEntity    entity,
                                           gint64        id);
gboolean     mulu_catalog_save_copy       (MuluCatalog  *self,
                                           const char   *path,
                                           GError      **error);

G_END_DECLS
