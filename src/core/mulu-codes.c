/* mulu-codes.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-codes"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "mulu-codes.h"
#include "mulu-error.h"

#define CODES_RESOURCE_PATH "/io/github/mulu/Mulu/codes/"

typedef struct
{
  char       *id;
  char       *title;
  GPtrArray  *roots;   /* of MuluCodeEntry */
  GHashTable *by_path; /* path → MuluCodeEntry (borrowed) */
} CodeTable;

struct _MuluCodes
{
  GObject     parent_instance;
  char       *version;
  GPtrArray  *order;   /* table ids in index order */
  GHashTable *tables;  /* id → CodeTable */
};

G_DEFINE_FINAL_TYPE (MuluCodes, mulu_codes, G_TYPE_OBJECT)

static void
code_entry_free (gpointer data)
{
  MuluCodeEntry *e = data;

  g_free (e->value);
  g_free (e->label);
  g_free (e->path);
  g_ptr_array_unref (e->children);
  g_free (e);
}

static void
code_table_free (gpointer data)
{
  CodeTable *t = data;

  g_free (t->id);
  g_free (t->title);
  g_hash_table_unref (t->by_path);
  g_ptr_array_unref (t->roots);
  g_free (t);
}

static CodeTable *
code_table_new (const char *id,
                const char *title)
{
  CodeTable *t = g_new0 (CodeTable, 1);

  t->id = g_strdup (id);
  t->title = g_strdup (title ? title : id);
  t->roots = g_ptr_array_new_with_free_func (code_entry_free);
  t->by_path = g_hash_table_new (g_str_hash, g_str_equal);
  return t;
}

static MuluCodeEntry *
code_table_add (CodeTable     *t,
                MuluCodeEntry *parent,
                const char    *value,
                const char    *label)
{
  MuluCodeEntry *e = g_new0 (MuluCodeEntry, 1);

  e->value = g_strdup (value);
  e->label = g_strdup (label && *label ? label : value);
  e->path = parent ? g_strconcat (parent->path, "/", value, NULL) : g_strdup (value);
  e->parent = parent;
  e->children = g_ptr_array_new_with_free_func (code_entry_free);
  g_ptr_array_add (parent ? parent->children : t->roots, e);
  g_hash_table_insert (t->by_path, e->path, e);
  return e;
}

static void
mulu_codes_finalize (GObject *object)
{
  MuluCodes *self = MULU_CODES (object);

  g_free (self->version);
  g_ptr_array_unref (self->order);
  g_hash_table_unref (self->tables);
  G_OBJECT_CLASS (mulu_codes_parent_class)->finalize (object);
}

static void
mulu_codes_class_init (MuluCodesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = mulu_codes_finalize;
}

static void
mulu_codes_init (MuluCodes *self)
{
  self->order = g_ptr_array_new_with_free_func (g_free);
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, code_table_free);
}

static void
add_table (MuluCodes *self,
           CodeTable *t)
{
  g_ptr_array_add (self->order, g_strdup (t->id));
  g_hash_table_replace (self->tables, t->id, t);
}

static gboolean
load_entries (CodeTable     *t,
              MuluCodeEntry *parent,
              JsonArray     *values,
              const char    *file,
              GError       **error)
{
  for (guint i = 0; i < json_array_get_length (values); i++)
    {
      JsonNode *node = json_array_get_element (values, i);
      JsonObject *o;
      const char *value;
      MuluCodeEntry *e;

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          (value = json_object_get_string_member_with_default (o = json_node_get_object (node), "value", NULL)) == NULL)
        {
          g_set_error (error, MULU_ERROR, MULU_ERROR_FAILED,
                       _("Code table %s: entry %u has no “value”."), file, i + 1);
          return FALSE;
        }
      e = code_table_add (t, parent, value, json_object_get_string_member_with_default (o, "label", NULL));
      if (json_object_has_member (o, "children"))
        {
          JsonArray *children = json_object_get_array_member (o, "children");
          if (children == NULL || !load_entries (t, e, children, file, error))
            return FALSE;
        }
    }
  return TRUE;
}

static JsonNode *
parse_resource (const char *path,
                GError    **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, error);
  g_autoptr(JsonParser) parser = NULL;

  if (bytes == NULL)
    return NULL;
  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), (gssize) g_bytes_get_size (bytes), error))
    return NULL;
  return json_parser_steal_root (parser);
}

MuluCodes *
mulu_codes_new_builtin (GError **error)
{
  g_autoptr(MuluCodes) self = g_object_new (MULU_TYPE_CODES, NULL);
  g_autoptr(JsonNode) index = NULL;
  JsonObject *io;
  JsonArray *tables;

  index = parse_resource (CODES_RESOURCE_PATH "index.json", error);
  if (index == NULL)
    return NULL;
  io = json_node_get_object (index);
  self->version = g_strdup (json_object_get_string_member_with_default (io, "version", "0"));
  tables = json_object_get_array_member (io, "tables");

  for (guint i = 0; tables && i < json_array_get_length (tables); i++)
    {
      const char *id = json_array_get_string_element (tables, i);
      g_autofree char *path = g_strconcat (CODES_RESOURCE_PATH, id, ".json", NULL);
      g_autoptr(JsonNode) root = parse_resource (path, error);
      JsonObject *o;
      CodeTable *t;

      if (root == NULL)
        return NULL;
      o = json_node_get_object (root);
      t = code_table_new (id, json_object_get_string_member_with_default (o, "title", id));
      add_table (self, t);
      if (!json_object_has_member (o, "values") ||
          !load_entries (t, NULL, json_object_get_array_member (o, "values"), path, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

static gboolean
sql_error (sqlite3 *db,
           GError **error)
{
  g_set_error (error, MULU_ERROR, MULU_ERROR_DATABASE,
               _("The catalog’s code tables could not be read or written: %s"), sqlite3_errmsg (db));
  return FALSE;
}

gboolean
mulu_codes_save_to_db (MuluCodes *self,
                       sqlite3   *db,
                       GError   **error)
{
  sqlite3_stmt *tstmt = NULL, *cstmt = NULL;
  gboolean ok = FALSE;

  if (sqlite3_exec (db, "DELETE FROM codes; DELETE FROM code_tables;", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO code_tables (id, title, position) VALUES (?, ?, ?)", -1, &tstmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "INSERT INTO codes (table_id, path, parent, value, label, position) VALUES (?, ?, ?, ?, ?, ?)", -1, &cstmt, NULL) != SQLITE_OK)
    {
      sql_error (db, error);
      goto out;
    }

  for (guint i = 0; i < self->order->len; i++)
    {
      CodeTable *t = g_hash_table_lookup (self->tables, g_ptr_array_index (self->order, i));
      g_autoptr(GPtrArray) stack = g_ptr_array_new ();
      int position = 0;

      sqlite3_bind_text (tstmt, 1, t->id, -1, SQLITE_STATIC);
      sqlite3_bind_text (tstmt, 2, t->title, -1, SQLITE_STATIC);
      sqlite3_bind_int (tstmt, 3, (int) i);
      if (sqlite3_step (tstmt) != SQLITE_DONE)
        {
          sql_error (db, error);
          goto out;
        }
      sqlite3_reset (tstmt);

      /* Depth first, so that parents precede children and positions keep
       * the file's order when loaded back. */
      for (guint r = t->roots->len; r > 0; r--)
        g_ptr_array_add (stack, g_ptr_array_index (t->roots, r - 1));
      while (stack->len > 0)
        {
          MuluCodeEntry *e = g_ptr_array_steal_index (stack, stack->len - 1);

          sqlite3_bind_text (cstmt, 1, t->id, -1, SQLITE_STATIC);
          sqlite3_bind_text (cstmt, 2, e->path, -1, SQLITE_STATIC);
          if (e->parent)
            sqlite3_bind_text (cstmt, 3, e->parent->path, -1, SQLITE_STATIC);
          else
            sqlite3_bind_null (cstmt, 3);
          sqlite3_bind_text (cstmt, 4, e->value, -1, SQLITE_STATIC);
          sqlite3_bind_text (cstmt, 5, e->label, -1, SQLITE_STATIC);
          sqlite3_bind_int (cstmt, 6, position++);
          if (sqlite3_step (cstmt) != SQLITE_DONE)
            {
              sql_error (db, error);
              goto out;
            }
          sqlite3_reset (cstmt);
          for (guint c = e->children->len; c > 0; c--)
            g_ptr_array_add (stack, g_ptr_array_index (e->children, c - 1));
        }
    }
  ok = TRUE;

out:
  sqlite3_finalize (tstmt);
  sqlite3_finalize (cstmt);
  return ok;
}

MuluCodes *
mulu_codes_new_from_db (sqlite3 *db,
                        GError **error)
{
  g_autoptr(MuluCodes) self = g_object_new (MULU_TYPE_CODES, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (db, "SELECT value FROM meta WHERE key = 'code_tables_version'", -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_error (db, error);
      return NULL;
    }
  if (sqlite3_step (stmt) == SQLITE_ROW)
    self->version = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (db, "SELECT id, title FROM code_tables ORDER BY position", -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_error (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    add_table (self, code_table_new ((const char *) sqlite3_column_text (stmt, 0),
                                     (const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (db, error), NULL;

  if (sqlite3_prepare_v2 (db, "SELECT table_id, parent, value, label FROM codes ORDER BY table_id, position", -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_error (db, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      CodeTable *t = g_hash_table_lookup (self->tables, sqlite3_column_text (stmt, 0));
      const char *parent_path = (const char *) sqlite3_column_text (stmt, 1);
      MuluCodeEntry *parent = NULL;

      if (t == NULL)
        continue;
      if (parent_path && (parent = g_hash_table_lookup (t->by_path, parent_path)) == NULL)
        continue;
      code_table_add (t, parent, (const char *) sqlite3_column_text (stmt, 2),
                      (const char *) sqlite3_column_text (stmt, 3));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sql_error (db, error), NULL;

  if (self->version == NULL)
    self->version = g_strdup ("0");
  return g_steal_pointer (&self);
}

const char *
mulu_codes_get_version (MuluCodes *self)
{
  g_return_val_if_fail (MULU_IS_CODES (self), NULL);
  return self->version;
}

gboolean
mulu_codes_has_table (MuluCodes  *self,
                      const char *table)
{
  g_return_val_if_fail (MULU_IS_CODES (self), FALSE);
  return table && g_hash_table_contains (self->tables, table);
}

const char *
mulu_codes_get_title (MuluCodes  *self,
                      const char *table)
{
  CodeTable *t = g_hash_table_lookup (self->tables, table);

  return t ? t->title : NULL;
}

/* Returns the entries under parent_path (the roots when NULL), borrowed. */
GPtrArray *
mulu_codes_list (MuluCodes  *self,
                 const char *table,
                 const char *parent_path)
{
  CodeTable *t;
  MuluCodeEntry *parent;

  g_return_val_if_fail (MULU_IS_CODES (self), NULL);

  if ((t = g_hash_table_lookup (self->tables, table)) == NULL)
    return NULL;
  if (parent_path == NULL)
    return t->roots;
  parent = g_hash_table_lookup (t->by_path, parent_path);
  return parent ? parent->children : NULL;
}

const MuluCodeEntry *
mulu_codes_lookup_path (MuluCodes  *self,
                        const char *table,
                        const char *path)
{
  CodeTable *t;

  g_return_val_if_fail (MULU_IS_CODES (self), NULL);

  if (path == NULL || (t = g_hash_table_lookup (self->tables, table)) == NULL)
    return NULL;
  return g_hash_table_lookup (t->by_path, path);
}

const MuluCodeEntry *
mulu_codes_lookup (MuluCodes  *self,
                   const char *table,
                   const char *parent_path,
                   const char *value)
{
  g_autofree char *path = NULL;

  if (value == NULL)
    return NULL;
  path = parent_path ? g_strconcat (parent_path, "/", value, NULL) : g_strdup (value);
  return mulu_codes_lookup_path (self, table, path);
}

char **
mulu_codes_dup_table_ids (MuluCodes *self)
{
  GStrvBuilder *b = g_strv_builder_new ();
  char **ret;

  for (guint i = 0; i < self->order->len; i++)
    g_strv_builder_add (b, g_ptr_array_index (self->order, i));
  ret = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return ret;
}
