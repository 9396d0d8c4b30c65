/* mulu-history-removal.c — what a deletion takes with it, and putting it back
 *
 * Captured just before the delete: the cascaded children, the rows of the
 * side tables that triggers and cascades remove (reviews, zombie reviews,
 * suggestions), and the records whose references the database sets to
 * NULL. Findings are not captured: putting the records back re-checks them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-history"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-history-private.h"
#include "mulu-rules.h"
#include "mulu-store.h"
#include "mulu-value.h"

/* A row of a table that is not a record (zombie_reviews, reviews,
 * suggestions), copied column by column. */
typedef struct {
  char       *table;
  GStrv       columns;
  GPtrArray  *values;   /* sqlite3_value *, protected copies */
} Row;

/* A reference the database set to NULL, and what it pointed to. */
typedef struct {
  MuluRecord *before;
  guint       field;
} Repoint;

struct _MuluRemoval {
  GPtrArray *restore;     /* MuluRecord *, parents first */
  GPtrArray *repoint;     /* Repoint * */
  GPtrArray *rows;        /* Row * */
  GPtrArray *recheck;     /* MuluRecord *: rules read their side rows */
};


/* — Captured state ———————————————————————————————————————————— */

static void
row_free (Row *row)
{
  g_free (row->table);
  g_strfreev (row->columns);
  g_ptr_array_unref (row->values);
  g_free (row);
}

static void
repoint_free (Repoint *repoint)
{
  g_object_unref (repoint->before);
  g_free (repoint);
}

void
mulu_removal_free (MuluRemoval *removal)
{
  if (removal == NULL)
    return;
  g_ptr_array_unref (removal->restore);
  g_ptr_array_unref (removal->repoint);
  g_ptr_array_unref (removal->rows);
  g_ptr_array_unref (removal->recheck);
  g_free (removal);
}


static MuluRemoval *
mulu_removal_new (void)
{
  MuluRemoval *removal = g_new0 (MuluRemoval, 1);

  removal->restore = g_ptr_array_new_with_free_func (g_object_unref);
  removal->repoint = g_ptr_array_new_with_free_func ((GDestroyNotify) repoint_free);
  removal->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  removal->recheck = g_ptr_array_new_with_free_func (g_object_unref);
  return removal;
}


/* Reads the records a WHERE clause with one parameter (?1) selects. */
static gboolean
read_records (MuluCatalog *catalog,
              MuluEntity   entity,
              const char  *where,
              gint64       id,
              GPtrArray   *out,
              GError     **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE %s ORDER BY id", mulu_store_select_columns (entity),
                                          mulu_entity_get_info (entity)->table, where);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);
  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, mulu_store_read_row (entity, stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);
  return TRUE;
}

/* Copies the rows a query selects; ?1 is the record id, ?2 its kind. */
static gboolean
capture_rows (MuluCatalog *catalog,
              const char  *table,
              const char  *sql,
              MuluRecord  *record,
              MuluRemoval     *removal,
              GError     **error)
{
  sqlite3_stmt *stmt = mulu_catalog_prepare_cached (catalog, sql, error);
  gboolean found = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mulu_record_get_id (record));
  if (sqlite3_bind_parameter_count (stmt) > 1)
    sqlite3_bind_text (stmt, 2, mulu_record_get_info (record)->kind, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row *row = g_new0 (Row, 1);
      int n = sqlite3_column_count (stmt);

      row->table = g_strdup (table);
      row->columns = g_new0 (char *, n + 1);
      row->values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);
      for (int c = 0; c < n; c++)
        {
          row->columns[c] = g_strdup (sqlite3_column_name (stmt, c));
          g_ptr_array_add (row->values, sqlite3_value_dup (sqlite3_column_value (stmt, c)));
        }
      g_ptr_array_add (removal->rows, row);
      found = TRUE;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);
  if (found && !g_str_equal (table, "reviews"))
    g_ptr_array_add (removal->recheck, g_object_ref (record));
  return TRUE;
}

static gboolean
capture_side_rows (MuluCatalog *catalog,
                   MuluRecord  *record,
                   MuluRemoval     *removal,
                   GError     **error)
{
  MuluEntity entity = mulu_record_get_entity (record);

  if (!capture_rows (catalog, "reviews", "SELECT * FROM reviews WHERE record_id = ?1 AND entity = ?2",
                     record, removal, error))
    return FALSE;
  if (entity == MULU_ENTITY_SYSTEM)
    return capture_rows (catalog, "zombie_reviews", "SELECT * FROM zombie_reviews WHERE system_id = ?1",
                         record, removal, error);
  if (entity == MULU_ENTITY_RESOURCE)
    return capture_rows (catalog, "suggestions", "SELECT * FROM suggestions WHERE resource_id = ?1",
                         record, removal, error);
  return TRUE;
}

static gboolean
capture_repoints (MuluCatalog *catalog,
                  MuluEntity   entity,
                  guint        field,
                  const char  *where,
                  gint64       id,
                  MuluRemoval     *removal,
                  GError     **error)
{
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);

  if (!read_records (catalog, entity, where, id, records, error))
    return FALSE;
  for (guint i = 0; i < records->len; i++)
    {
      Repoint *repoint = g_new0 (Repoint, 1);
      repoint->before = g_object_ref (g_ptr_array_index (records, i));
      repoint->field = field;
      g_ptr_array_add (removal->repoint, repoint);
    }
  return TRUE;
}

/* Everything deleting the record takes with it or re-points, in an order
 * it can be put back in: parents before children. */
MuluRemoval *
mulu_removal_capture (MuluCatalog *catalog,
                 MuluEntity   entity,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(MuluRemoval) removal = mulu_removal_new ();
  g_autoptr(GHashTable) systems = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  MuluRecord *root;

  if ((root = mulu_catalog_get (catalog, entity, id, error)) == NULL)
    return NULL;
  g_ptr_array_add (removal->restore, root);

  switch (entity)
    {
    case MULU_ENTITY_DEPARTMENT:
      if (!read_records (catalog, MULU_ENTITY_SYSTEM, "department_id = ?1", id, removal->restore, error) ||
          !read_records (catalog, MULU_ENTITY_RESOURCE, "department_id = ?1", id, removal->restore, error) ||
          !read_records (catalog, MULU_ENTITY_ITEM, "resource_id IN (SELECT id FROM resources WHERE department_id = ?1)",
                         id, removal->restore, error) ||
          !capture_repoints (catalog, MULU_ENTITY_DEPARTMENT, MULU_DEPARTMENT_PARENT, "parent_id = ?1", id, removal, error) ||
          !capture_repoints (catalog, MULU_ENTITY_SYSTEM, MULU_SYSTEM_REPLACED_BY,
                             "department_id <> ?1 AND replaced_by_id IN (SELECT id FROM systems WHERE department_id = ?1)",
                             id, removal, error) ||
          !capture_repoints (catalog, MULU_ENTITY_RESOURCE, MULU_RESOURCE_SYSTEM,
                             "department_id <> ?1 AND system_id IN (SELECT id FROM systems WHERE department_id = ?1)",
                             id, removal, error))
        return NULL;
      break;
    case MULU_ENTITY_SYSTEM:
      if (!capture_repoints (catalog, MULU_ENTITY_SYSTEM, MULU_SYSTEM_REPLACED_BY, "replaced_by_id = ?1", id, removal, error) ||
          !capture_repoints (catalog, MULU_ENTITY_RESOURCE, MULU_RESOURCE_SYSTEM, "system_id = ?1", id, removal, error))
        return NULL;
      break;
    case MULU_ENTITY_RESOURCE:
      if (!read_records (catalog, MULU_ENTITY_ITEM, "resource_id = ?1", id, removal->restore, error))
        return NULL;
      break;
    case MULU_ENTITY_ITEM:
      break;
    default:
      g_assert_not_reached ();
    }

  for (guint i = 0; i < removal->restore->len; i++)
    {
      MuluRecord *record = g_ptr_array_index (removal->restore, i);
      gint64 rid = mulu_record_get_id (record);

      if (mulu_record_get_entity (record) == MULU_ENTITY_SYSTEM)
        g_hash_table_add (systems, g_memdup2 (&rid, sizeof rid));
      if (!capture_side_rows (catalog, record, removal, error))
        return NULL;
    }

  /* A system replaced by another of the same department cannot be put
   * back before its replacement exists: it goes back without, and the
   * reference follows with the others. */
  for (guint i = 0; i < removal->restore->len; i++)
    {
      MuluRecord *record = g_ptr_array_index (removal->restore, i);
      gint64 target;
      Repoint *repoint;

      if (mulu_record_get_entity (record) != MULU_ENTITY_SYSTEM ||
          (target = mulu_record_get_int (record, MULU_SYSTEM_REPLACED_BY)) <= 0 ||
          !g_hash_table_contains (systems, &target))
        continue;
      repoint = g_new0 (Repoint, 1);
      repoint->before = record; /* the list's reference */
      repoint->field = MULU_SYSTEM_REPLACED_BY;
      g_ptr_array_add (removal->repoint, repoint);
      record = mulu_record_copy (record);
      mulu_record_set_value (record, MULU_SYSTEM_REPLACED_BY, NULL);
      g_ptr_array_index (removal->restore, i) = record;
    }

  return g_steal_pointer (&removal);
}


static gboolean
insert_row (MuluCatalog *catalog,
            Row         *row,
            GError     **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *columns = g_strjoinv (", ", row->columns);
  sqlite3_stmt *stmt;

  g_string_printf (sql, "INSERT OR REPLACE INTO %s (%s) VALUES (", row->table, columns);
  for (guint c = 0; c < row->values->len; c++)
    g_string_append (sql, c ? ", ?" : "?");
  g_string_append_c (sql, ')');
  if ((stmt = mulu_catalog_prepare_cached (catalog, sql->str, error)) == NULL)
    return FALSE;
  for (guint c = 0; c < row->values->len; c++)
    sqlite3_bind_value (stmt, (int) c + 1, g_ptr_array_index (row->values, c));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      mulu_catalog_sql_error (catalog, error);
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  return TRUE;
}

/* Undoes a deletion: the records with their ids, then the side rows, then
 * the references the database had cleared. */
gboolean
mulu_removal_put_back (MuluCatalog *catalog,
          MuluRemoval     *removal,
          GError     **error)
{
  for (guint i = 0; i < removal->restore->len; i++)
    if (!mulu_catalog_restore (catalog, g_ptr_array_index (removal->restore, i), error))
      return FALSE;

  for (guint i = 0; i < removal->rows->len; i++)
    if (!insert_row (catalog, g_ptr_array_index (removal->rows, i), error))
      return FALSE;

  for (guint i = 0; i < removal->repoint->len; i++)
    {
      Repoint *repoint = g_ptr_array_index (removal->repoint, i);
      g_autoptr(MuluRecord) current = mulu_catalog_get (catalog, mulu_record_get_entity (repoint->before),
                                                        mulu_record_get_id (repoint->before), error);
      if (current == NULL)
        return FALSE;
      mulu_record_set_value (current, repoint->field, mulu_record_get_value (repoint->before, repoint->field));
      if (!mulu_catalog_update (catalog, current, error))
        return FALSE;
    }

  /* The rules that read a zombie review or a suggestion ran before it was
   * back. */
  for (guint i = 0; i < removal->recheck->len; i++)
    {
      MuluRecord *record = g_ptr_array_index (removal->recheck, i);
      MuluEntity entity = mulu_record_get_entity (record);
      g_autoptr(MuluRecord) current = mulu_catalog_get (catalog, entity, mulu_record_get_id (record), error);

      if (current == NULL || !mulu_validate_record (catalog, entity, current, current, error))
        return FALSE;
    }
  return TRUE;
}

MuluRecord *
mulu_removal_get_record (MuluRemoval *removal)
{
  return g_ptr_array_index (removal->restore, 0);
}
