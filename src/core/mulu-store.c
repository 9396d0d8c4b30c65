/* mulu-store.c — the record tables' SQL, derived from mulu-entity.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-store"

#include "config.h"

#include <json-glib/json-glib.h>

#include "mulu-store.h"

typedef struct
{
  char *select_columns;
  char *insert_sql;
  char *insert_with_id_sql;
  char *update_sql;
} EntitySql;

static EntitySql *
entity_sql (MuluEntity entity)
{
  static EntitySql sql[MULU_N_ENTITIES];
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint e = 0; e < MULU_N_ENTITIES; e++)
        {
          const MuluEntityInfo *info = mulu_entity_get_info (e);
          GString *cols = g_string_new ("id, uid");
          GString *ins = g_string_new (NULL);
          GString *ins_id = g_string_new (NULL);
          GString *vals = g_string_new ("?1");
          GString *upd = g_string_new (NULL);

          g_string_printf (ins, "INSERT INTO %s (uid", info->table);
          g_string_printf (ins_id, "INSERT INTO %s (uid", info->table);
          g_string_printf (upd, "UPDATE %s SET ", info->table);
          for (guint i = 0; i < info->n_fields; i++)
            {
              g_string_append_printf (cols, ", %s", info->fields[i].column);
              g_string_append_printf (ins, ", %s", info->fields[i].column);
              g_string_append_printf (ins_id, ", %s", info->fields[i].column);
              g_string_append_printf (vals, ", ?%u", i + 2);
              g_string_append_printf (upd, "%s%s = ?%u", i ? ", " : "", info->fields[i].column, i + 2);
            }
          g_string_append (cols, ", extra");
          /* The row id last, so that mulu_store_bind_record() serves both
           * inserts. */
          if (e == MULU_ENTITY_ITEM)
            {
              /* An item's sensitive categories (SG1) are set as it is
               * written: a full validation reads only the items that have
               * some, and a bulk load writes no row twice for them. */
              g_string_append_printf (vals, ", ?%u, nullif (mulu_item_sensitivity (?%u), 0)",
                                      info->n_fields + 2, MULU_ITEM_NAME + 2);
              g_string_append (ins, ", extra, sensitivity) VALUES (");
              g_string_append_printf (ins_id, ", extra, sensitivity, id) VALUES (%s, ?%u)", vals->str, info->n_fields + 3);
            }
          else
            {
              g_string_append_printf (vals, ", ?%u", info->n_fields + 2);
              g_string_append (ins, ", extra) VALUES (");
              g_string_append_printf (ins_id, ", extra, id) VALUES (%s, ?%u)", vals->str, info->n_fields + 3);
            }
          g_string_append_printf (ins, "%s)", vals->str);
          g_string_append_printf (upd, ", extra = ?%u WHERE id = ?1", info->n_fields + 2);

          sql[e].select_columns = g_string_free (cols, FALSE);
          sql[e].insert_sql = g_string_free (ins, FALSE);
          sql[e].insert_with_id_sql = g_string_free (ins_id, FALSE);
          sql[e].update_sql = g_string_free (upd, FALSE);
          g_string_free (vals, TRUE);
        }
      g_once_init_leave (&done, 1);
    }
  return &sql[entity];
}

const char *
mulu_store_select_columns (MuluEntity entity)
{
  return entity_sql (entity)->select_columns;
}

/* "s.id, s.uid, s.name, …, s.extra", for joins. */
char *
mulu_store_select_columns_prefixed (MuluEntity  entity,
                                    const char *alias)
{
  const MuluEntityInfo *info = mulu_entity_get_info (entity);
  GString *cols = g_string_new (NULL);

  g_string_printf (cols, "%s.id, %s.uid", alias, alias);
  for (guint i = 0; i < info->n_fields; i++)
    g_string_append_printf (cols, ", %s.%s", alias, info->fields[i].column);
  g_string_append_printf (cols, ", %s.extra", alias);
  return g_string_free (cols, FALSE);
}

const char *
mulu_store_insert_sql (MuluEntity entity)
{
  return entity_sql (entity)->insert_sql;
}

const char *
mulu_store_insert_with_id_sql (MuluEntity entity)
{
  return entity_sql (entity)->insert_with_id_sql;
}

int
mulu_store_insert_with_id_index (MuluEntity entity)
{
  return (int) mulu_entity_get_info (entity)->n_fields + 3;
}

const char *
mulu_store_update_sql (MuluEntity entity)
{
  return entity_sql (entity)->update_sql;
}

char *
mulu_store_list_to_json (GVariant *list)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonNode) root = NULL;
  GVariantIter iter;
  const char *s;

  json_builder_begin_array (b);
  g_variant_iter_init (&iter, list);
  while (g_variant_iter_next (&iter, "&s", &s))
    json_builder_add_string_value (b, s);
  json_builder_end_array (b);
  root = json_builder_get_root (b);
  return json_to_string (root, FALSE);
}

GVariant *
mulu_store_list_from_json (const char *json)
{
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;

  if (json == NULL || (node = json_from_string (json, NULL)) == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  array = json_node_get_array (node);
  items = g_ptr_array_new ();
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *s = json_array_get_string_element (array, i);
      if (s)
        g_ptr_array_add (items, (gpointer) s);
    }
  if (items->len == 0)
    return NULL;
  return g_variant_ref_sink (g_variant_new_strv ((const char * const *) items->pdata, items->len));
}

GVariant *
mulu_store_column_value (sqlite3_stmt    *stmt,
                         int              col,
                         const MuluField *f)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;

  switch (f->type)
    {
    case MULU_FIELD_TEXT:
    case MULU_FIELD_DATE:
      return g_variant_ref_sink (g_variant_new_string ((const char *) sqlite3_column_text (stmt, col)));
    case MULU_FIELD_INT:
    case MULU_FIELD_REF:
      return g_variant_ref_sink (g_variant_new_int64 (sqlite3_column_int64 (stmt, col)));
    case MULU_FIELD_REAL:
      return g_variant_ref_sink (g_variant_new_double (sqlite3_column_double (stmt, col)));
    case MULU_FIELD_BOOL:
      return g_variant_ref_sink (g_variant_new_boolean (sqlite3_column_int (stmt, col) != 0));
    case MULU_FIELD_LIST:
      return mulu_store_list_from_json ((const char *) sqlite3_column_text (stmt, col));
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

MuluRecord *
mulu_store_read_row (MuluEntity    entity,
                     sqlite3_stmt *stmt)
{
  const MuluEntityInfo *info = mulu_entity_get_info (entity);
  MuluRecord *record = mulu_record_new (entity);

  g_object_freeze_notify (G_OBJECT (record));
  mulu_record_set_id (record, sqlite3_column_int64 (stmt, 0));
  mulu_record_set_uid (record, (const char *) sqlite3_column_text (stmt, 1));
  for (guint i = 0; i < info->n_fields; i++)
    {
      GVariant *v = mulu_store_column_value (stmt, (int) i + 2, &info->fields[i]);
      if (v)
        {
          mulu_record_set_value (record, i, v);
          g_variant_unref (v);
        }
    }
  mulu_record_set_extra (record, (const char *) sqlite3_column_text (stmt, (int) info->n_fields + 2));
  g_object_thaw_notify (G_OBJECT (record));
  return record;
}

void
mulu_store_bind_value (sqlite3_stmt    *stmt,
                       int              index,
                       const MuluField *f,
                       GVariant        *v)
{
  if (v == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }

  switch (f->type)
    {
    case MULU_FIELD_TEXT:
    case MULU_FIELD_DATE:
      {
        gsize len;
        const char *s = g_variant_get_string (v, &len);
        sqlite3_bind_text (stmt, index, s, (int) len, SQLITE_TRANSIENT);
      }
      break;
    case MULU_FIELD_INT:
    case MULU_FIELD_REF:
      sqlite3_bind_int64 (stmt, index, g_variant_get_int64 (v));
      break;
    case MULU_FIELD_REAL:
      sqlite3_bind_double (stmt, index, g_variant_get_double (v));
      break;
    case MULU_FIELD_BOOL:
      sqlite3_bind_int (stmt, index, g_variant_get_boolean (v) ? 1 : 0);
      break;
    case MULU_FIELD_LIST:
      sqlite3_bind_text (stmt, index, mulu_store_list_to_json (v), -1, g_free);
      break;
    default:
      g_assert_not_reached ();
    }
}

void
mulu_store_bind_record (sqlite3_stmt *stmt,
                        MuluRecord   *record,
                        int           first)
{
  const MuluEntityInfo *info = mulu_record_get_info (record);

  /* Insert binds uid at ?1; update binds the row id at ?1 instead. */
  if (first == 1)
    sqlite3_bind_text (stmt, 1, mulu_record_get_uid (record), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, mulu_record_get_id (record));

  for (guint i = 0; i < info->n_fields; i++)
    mulu_store_bind_value (stmt, (int) i + 2, &info->fields[i], mulu_record_get_value (record, i));

  if (mulu_record_get_extra (record))
    sqlite3_bind_text (stmt, (int) info->n_fields + 2, mulu_record_get_extra (record), -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, (int) info->n_fields + 2);
}
