/* mulu-catalog-records.c — adding, changing, reading and deleting records
 *
 * Each change is its own transaction (a savepoint inside a caller's) and
 * leaves one change-log entry per changed field; references are logged by
 * package id so that history reads the same after a package round trip.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-catalog"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-package.h"
#include "mulu-rules.h"
#include "mulu-store.h"
#include "mulu-value.h"

gint64
mulu_catalog_count (MuluCatalog *self,
                    MuluEntity   entity,
                    GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_return_val_if_fail (MULU_IS_CATALOG (self) && mulu_catalog_get_db (self), -1);
  g_return_val_if_fail (entity < MULU_N_ENTITIES, -1);

  sql = g_strdup_printf ("SELECT COUNT(*) FROM %s", mulu_entity_get_info (entity)->table);
  if (sqlite3_prepare_v2 (mulu_catalog_get_db (self), sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    mulu_catalog_sql_error (self, error);
  sqlite3_finalize (stmt);
  return n;
}

static MuluRecord *
get_where (MuluCatalog *self,
           MuluEntity   entity,
           const char  *where,
           gint64       id,
           const char  *uid,
           GError     **error)
{
  const MuluEntityInfo *info = mulu_entity_get_info (entity);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s", mulu_store_select_columns (entity), info->table, where);
  sqlite3_stmt *stmt = NULL;
  MuluRecord *record = NULL;
  int rc;

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      mulu_catalog_sql_error (self, error);
      return NULL;
    }
  if (uid)
    sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  else
    sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    record = mulu_store_read_row (entity, stmt);
  else if (rc == SQLITE_DONE)
    {
      if (uid)
        g_set_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND,
                     _("There is no %s with id “%s” in this catalog."), mulu_entity_get_label (entity), uid);
      else
        g_set_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND,
                     _("There is no %s number %lld in this catalog."), mulu_entity_get_label (entity), (long long) id);
    }
  else
    mulu_catalog_sql_error (self, error);
  sqlite3_finalize (stmt);
  return record;
}

MuluRecord *
mulu_catalog_get (MuluCatalog *self,
                  MuluEntity   entity,
                  gint64       id,
                  GError     **error)
{
  g_return_val_if_fail (MULU_IS_CATALOG (self) && mulu_catalog_get_db (self), NULL);
  g_return_val_if_fail (entity < MULU_N_ENTITIES, NULL);

  return get_where (self, entity, "id = ?1", id, NULL, error);
}

MuluRecord *
mulu_catalog_get_by_uid (MuluCatalog *self,
                         MuluEntity   entity,
                         const char  *uid,
                         GError     **error)
{
  g_return_val_if_fail (MULU_IS_CATALOG (self) && mulu_catalog_get_db (self), NULL);
  g_return_val_if_fail (uid != NULL, NULL);

  return get_where (self, entity, "uid = ?1", 0, uid, error);
}

char *
mulu_catalog_dup_uid (MuluCatalog *self,
                      MuluEntity   entity,
                      gint64       id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uid FROM %s WHERE id = ?", mulu_entity_get_info (entity)->table);
  sqlite3_stmt *stmt = NULL;
  char *uid = NULL;

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (self), sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        uid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return uid;
}

/* The change log names referenced records by their package id, so that a
 * history still reads right after a package round trip. */
char *
mulu_catalog_log_text (MuluCatalog     *self,
                       const MuluField *f,
                       GVariant        *value)
{
  if (value == NULL)
    return NULL;
  switch (f->type)
    {
    case MULU_FIELD_REF:
      return mulu_catalog_dup_uid (self, f->ref, g_variant_get_int64 (value));
    case MULU_FIELD_LIST:
      return mulu_store_list_to_json (value);
    case MULU_FIELD_BOOL:
      return g_strdup (g_variant_get_boolean (value) ? "true" : "false");
    default:
      return mulu_value_to_text (value);
    }
}

/* Checks what SQL constraints would refuse less helpfully, and what they
 * cannot express (a chain of replacements that loops). */
static gboolean
check_record (MuluCatalog *self,
              MuluRecord  *record,
              GError     **error)
{
  const MuluEntityInfo *info = mulu_record_get_info (record);

  if (info->parent_field >= 0 && !mulu_record_is_set (record, (guint) info->parent_field))
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                   _("A %s must belong to a %s; choose one first."),
                   mulu_entity_get_label (info->entity),
                   mulu_entity_get_label (info->fields[info->parent_field].ref));
      return FALSE;
    }

  for (guint i = 0; i < info->n_fields; i++)
    {
      const MuluField *f = &info->fields[i];
      gint64 target, seen = 0;

      if (f->type != MULU_FIELD_REF || f->ref != info->entity || !mulu_record_is_set (record, i))
        continue;
      /* Follow replaced_by / parent from the target; reaching this record
       * again means a loop. */
      target = mulu_record_get_int (record, i);
      while (target > 0 && seen++ < 100000)
        {
          g_autoptr(MuluRecord) next = NULL;
          if (target == mulu_record_get_id (record))
            {
              g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                           _("“%s” cannot be set to “%s”: that would make a loop."),
                           mulu_field_get_label (f), mulu_record_get_name (record) ? mulu_record_get_name (record) : "");
              return FALSE;
            }
          if ((next = mulu_catalog_get (self, info->entity, target, NULL)) == NULL)
            break;
          target = mulu_record_get_int (next, i);
        }
    }
  return TRUE;
}

static gboolean
constraint_error (MuluCatalog *self,
                  MuluRecord  *record,
                  GError     **error)
{
  int ext = sqlite3_extended_errcode (mulu_catalog_get_db (self));

  if (ext == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                   _("This %s refers to a record that does not exist (it may have been deleted)."),
                   mulu_entity_get_label (mulu_record_get_entity (record)));
      return FALSE;
    }
  if (ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_EXISTS,
                   _("A %s with id “%s” already exists in this catalog."),
                   mulu_entity_get_label (mulu_record_get_entity (record)), mulu_record_get_uid (record));
      return FALSE;
    }
  return mulu_catalog_sql_error (self, error);
}

static gboolean
step_statement (MuluCatalog  *self,
                MuluRecord   *record,
                sqlite3_stmt *stmt,
                GError      **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc == SQLITE_CONSTRAINT)
    return constraint_error (self, record, error);
  return mulu_catalog_sql_error (self, error);
}

gboolean
mulu_catalog_add (MuluCatalog *self,
                  MuluRecord  *record,
                  GError     **error)
{
  MuluEntity entity;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *snapshot = NULL;
  gboolean ok;

  g_return_val_if_fail (MULU_IS_CATALOG (self) && mulu_catalog_get_db (self), FALSE);
  g_return_val_if_fail (MULU_IS_RECORD (record), FALSE);
  g_return_val_if_fail (mulu_record_get_id (record) == 0, FALSE);

  if (!mulu_catalog_ensure_editable (self, error))
    return FALSE;
  entity = mulu_record_get_entity (record);
  if (mulu_record_get_uid (record) == NULL)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      mulu_record_set_uid (record, uuid);
    }
  if (!check_record (self, record, error))
    return FALSE;

  if (!mulu_catalog_begin (self, error))
    return FALSE;
  if (sqlite3_prepare_v2 (mulu_catalog_get_db (self), mulu_store_insert_sql (entity), -1, &stmt, NULL) != SQLITE_OK)
    {
      mulu_catalog_sql_error (self, error);
      mulu_catalog_rollback (self);
      return FALSE;
    }
  mulu_store_bind_record (stmt, record, 1);
  ok = step_statement (self, record, stmt, error);
  sqlite3_finalize (stmt);
  if (!ok)
    {
      mulu_catalog_rollback (self);
      return FALSE;
    }
  mulu_record_set_id (record, sqlite3_last_insert_rowid (mulu_catalog_get_db (self)));

  snapshot = mulu_package_record_to_json (self, record);
  if (!mulu_catalog_log (self, "add", mulu_entity_get_info (entity)->kind, mulu_record_get_uid (record),
                         NULL, NULL, snapshot, NULL, error) ||
      !mulu_validate_record (self, entity, NULL, record, error) ||
      !mulu_catalog_commit (self, error))
    {
      mulu_catalog_rollback (self);
      mulu_record_set_id (record, 0);
      return FALSE;
    }

  mulu_catalog_emit_changed (self, entity, mulu_record_get_id (record), MULU_CHANGE_ADDED);
  return TRUE;
}

/* Puts back a record that was deleted, with the row id and uid it had, so
 * that what referred to it (its children, a history step) finds it again. */
gboolean
mulu_catalog_restore (MuluCatalog *self,
                      MuluRecord  *record,
                      GError     **error)
{
  MuluEntity entity;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *snapshot = NULL;
  gboolean ok;

  g_return_val_if_fail (MULU_IS_CATALOG (self) && mulu_catalog_get_db (self), FALSE);
  g_return_val_if_fail (MULU_IS_RECORD (record), FALSE);
  g_return_val_if_fail (mulu_record_get_id (record) > 0, FALSE);
  g_return_val_if_fail (mulu_record_get_uid (record) != NULL, FALSE);

  if (!mulu_catalog_ensure_editable (self, error))
    return FALSE;
  entity = mulu_record_get_entity (record);
  if (!check_record (self, record, error))
    return FALSE;

  if (!mulu_catalog_begin (self, error))
    return FALSE;
  if (sqlite3_prepare_v2 (mulu_catalog_get_db (self), mulu_store_insert_with_id_sql (entity), -1, &stmt, NULL) != SQLITE_OK)
    {
      mulu_catalog_sql_error (self, error);
      mulu_catalog_rollback (self);
      return FALSE;
    }
  mulu_store_bind_record (stmt, record, 1);
  sqlite3_bind_int64 (stmt, mulu_store_insert_with_id_index (entity), mulu_record_get_id (record));
  ok = step_statement (self, record, stmt, error);
  sqlite3_finalize (stmt);
  if (!ok)
    {
      mulu_catalog_rollback (self);
      return FALSE;
    }

  snapshot = mulu_package_record_to_json (self, record);
  if (!mulu_catalog_log (self, "restore", mulu_entity_get_info (entity)->kind, mulu_record_get_uid (record),
                         NULL, NULL, snapshot, NULL, error) ||
      !mulu_validate_record (self, entity, NULL, record, error) ||
      !mulu_catalog_commit (self, error))
    {
      mulu_catalog_rollback (self);
      return FALSE;
    }

  mulu_catalog_emit_changed (self, entity, mulu_record_get_id (record), MULU_CHANGE_ADDED);
  return TRUE;
}

gboolean
mulu_catalog_update (MuluCatalog *self,
                     MuluRecord  *record,
                     GError     **error)
{
  const MuluEntityInfo *info;
  g_autoptr(MuluRecord) stored = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n_changed = 0;
  gboolean ok;

  g_return_val_if_fail (MULU_IS_CATALOG (self) && mulu_catalog_get_db (self), FALSE);
  g_return_val_if_fail (MULU_IS_RECORD (record), FALSE);

  if (!mulu_catalog_ensure_editable (self, error))
    return FALSE;
  info = mulu_record_get_info (record);
  if ((stored = mulu_catalog_get (self, info->entity, mulu_record_get_id (record), error)) == NULL)
    return FALSE;
  if (!check_record (self, record, error))
    return FALSE;

  if (!mulu_catalog_begin (self, error))
    return FALSE;

  for (guint i = 0; i < info->n_fields; i++)
    {
      GVariant *old = mulu_record_get_value (stored, i);
      GVariant *new = mulu_record_get_value (record, i);
      g_autofree char *old_text = NULL, *new_text = NULL;

      if (mulu_value_equal (old, new))
        continue;
      n_changed++;
      old_text = mulu_catalog_log_text (self, &info->fields[i], old);
      new_text = mulu_catalog_log_text (self, &info->fields[i], new);
      if (!mulu_catalog_log (self, "update", info->kind, mulu_record_get_uid (stored),
                             info->fields[i].group ? info->fields[i].column : info->fields[i].key,
                             old_text, new_text, NULL, error))
        {
          mulu_catalog_rollback (self);
          return FALSE;
        }
    }

  if (n_changed == 0 && g_strcmp0 (mulu_record_get_extra (stored), mulu_record_get_extra (record)) == 0)
    return mulu_catalog_commit (self, error);

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (self), mulu_store_update_sql (info->entity), -1, &stmt, NULL) != SQLITE_OK)
    {
      mulu_catalog_sql_error (self, error);
      mulu_catalog_rollback (self);
      return FALSE;
    }
  mulu_store_bind_record (stmt, record, 2);
  ok = step_statement (self, record, stmt, error);
  sqlite3_finalize (stmt);
  if (!ok ||
      !mulu_validate_record (self, info->entity, stored, record, error) ||
      !mulu_catalog_commit (self, error))
    {
      mulu_catalog_rollback (self);
      return FALSE;
    }

  mulu_catalog_emit_changed (self, info->entity, mulu_record_get_id (record), MULU_CHANGE_UPDATED);
  return TRUE;
}

static gboolean
collect_dependents (MuluCatalog *self,
                    const char  *sql,
                    MuluEntity   entity,
                    gint64       id,
                    GArray      *out,
                    GError     **error)
{
  sqlite3_stmt *stmt = mulu_catalog_prepare_cached (self, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 pair[2] = { entity, sqlite3_column_int64 (stmt, 0) };
      g_array_append_val (out, pair);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
revalidate_dependents (MuluCatalog *self,
                       GArray      *dependents,
                       GError     **error)
{
  for (guint i = 0; dependents && i < dependents->len; i++)
    {
      gint64 *pair = &g_array_index (dependents, gint64, 2 * i);
      g_autoptr(MuluRecord) now = mulu_catalog_get (self, (MuluEntity) pair[0], pair[1], error);
      if (now == NULL || !mulu_validate_record (self, (MuluEntity) pair[0], now, now, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
mulu_catalog_delete (MuluCatalog *self,
                     MuluEntity   entity,
                     gint64       id,
                     GError     **error)
{
  const MuluEntityInfo *info;
  g_autoptr(MuluRecord) stored = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *snapshot = NULL;
  g_autoptr(GArray) dependents = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (MULU_IS_CATALOG (self) && mulu_catalog_get_db (self), FALSE);
  g_return_val_if_fail (entity < MULU_N_ENTITIES, FALSE);

  if (!mulu_catalog_ensure_editable (self, error))
    return FALSE;
  info = mulu_entity_get_info (entity);
  if ((stored = mulu_catalog_get (self, entity, id, error)) == NULL)
    return FALSE;

  /* The database re-points these (ON DELETE SET NULL) without the rules
   * seeing it: remember them to check them again afterwards. */
  if (entity == MULU_ENTITY_SYSTEM)
    {
      dependents = g_array_new (FALSE, FALSE, sizeof (gint64[2]));
      if (!collect_dependents (self, "SELECT id FROM resources WHERE system_id = ?", MULU_ENTITY_RESOURCE, id, dependents, error) ||
          !collect_dependents (self, "SELECT id FROM systems WHERE replaced_by_id = ?", MULU_ENTITY_SYSTEM, id, dependents, error))
        return FALSE;
    }

  if (!mulu_catalog_begin (self, error))
    return FALSE;

  /* The log keeps the whole record, so a deletion can be undone and a
   * reviewer can see what was there. */
  snapshot = mulu_package_record_to_json (self, stored);
  sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", info->table);
  if (!mulu_catalog_log (self, "delete", info->kind, mulu_record_get_uid (stored), NULL, snapshot, NULL, NULL, error) ||
      sqlite3_prepare_v2 (mulu_catalog_get_db (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      if (stmt == NULL && !(error && *error))
        mulu_catalog_sql_error (self, error);
      mulu_catalog_rollback (self);
      return FALSE;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    {
      mulu_catalog_sql_error (self, error);
      mulu_catalog_rollback (self);
      return FALSE;
    }
  if (!mulu_validate_record (self, entity, stored, NULL, error) ||
      !revalidate_dependents (self, dependents, error) ||
      !mulu_catalog_commit (self, error))
    {
      mulu_catalog_rollback (self);
      return FALSE;
    }

  mulu_catalog_emit_changed (self, entity, id, MULU_CHANGE_REMOVED);
  /* Deleting a parent cascades; lists of children must reload. */
  for (guint e = entity + 1; e < MULU_N_ENTITIES; e++)
    mulu_catalog_emit_changed (self, e, 0, MULU_CHANGE_RESET);
  return TRUE;
}
