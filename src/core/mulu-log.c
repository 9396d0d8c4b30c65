/* mulu-log.c — appending to the hash-chained change log, reading it, and
 * writing it into packages
 *
 * An entry's hash is SHA-256 over a fixed serialisation of its number, its
 * content and the previous entry's hash (docs/change-log.md). There is no
 * secret key: anyone who knows the format can rebuild a whole chain, so
 * the chain shows that history was rewritten by hand (with the sqlite3
 * shell, a hex editor), not that it could not have been. The catalog's end
 * marker (change_log_head) lets a check notice entries cut off the end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-log"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-json-out.h"
#include "mulu-log-private.h"

#define LOG_COLUMNS "id, at, who, op, entity, record_uid, field, old_value, new_value, details, prev_hash, hash"

void
mulu_log_entry_free (MuluLogEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->who);
  g_free (entry->op);
  g_free (entry->entity);
  g_free (entry->record_uid);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry->details);
  g_free (entry->hash);
  g_free (entry);
}

void
mulu_log_break_free (MuluLogBreak *brk)
{
  if (brk == NULL)
    return;
  g_free (brk->message);
  g_free (brk);
}

/* Each part is written as its length in bytes, a colon and its bytes, or a
 * lone "-" for NULL, so that no two different entries serialise alike (an
 * empty text is not NULL, and no text can pass for a separator). */
static void
hash_part (GChecksum  *sum,
           const char *text)
{
  char prefix[32];

  if (text == NULL)
    {
      g_checksum_update (sum, (const guchar *) "-\n", 2);
      return;
    }
  g_snprintf (prefix, sizeof prefix, "%" G_GSIZE_FORMAT ":", strlen (text));
  g_checksum_update (sum, (const guchar *) prefix, -1);
  g_checksum_update (sum, (const guchar *) text, -1);
  g_checksum_update (sum, (const guchar *) "\n", 1);
}

char *
mulu_log_hash (gint64              id,
               const char * const  texts[MULU_LOG_N_TEXTS],
               const char         *prev_hash)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  char number[32];

  g_checksum_update (sum, (const guchar *) "mulu-change-log-1\n", -1);
  g_snprintf (number, sizeof number, "%" G_GINT64_FORMAT, id);
  hash_part (sum, number);
  for (guint i = 0; i < MULU_LOG_N_TEXTS; i++)
    hash_part (sum, texts[i]);
  hash_part (sum, prev_hash);
  return g_strdup (g_checksum_get_string (sum));
}

/* mulu_log_hash (id, at, who, op, entity, record_uid, field, old_value,
 * new_value, details, prev_hash) */
static void
sql_log_hash (sqlite3_context *context,
              int              argc,
              sqlite3_value  **argv)
{
  const char *texts[MULU_LOG_N_TEXTS];
  char *hash;

  g_assert (argc == MULU_LOG_N_TEXTS + 2);
  for (guint i = 0; i < MULU_LOG_N_TEXTS; i++)
    texts[i] = (const char *) sqlite3_value_text (argv[i + 1]);
  hash = mulu_log_hash (sqlite3_value_int64 (argv[0]), texts, (const char *) sqlite3_value_text (argv[argc - 1]));
  sqlite3_result_text (context, hash, -1, g_free);
}

gboolean
mulu_log_register_functions (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "mulu_log_hash", MULU_LOG_N_TEXTS + 2,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, sql_log_hash, NULL, NULL, NULL) == SQLITE_OK;
}

gboolean
mulu_log_append (MuluCatalog        *catalog,
                 const char * const  texts[MULU_LOG_N_TEXTS],
                 GError            **error)
{
  const char *t[MULU_LOG_N_TEXTS];
  g_autofree char *now = NULL;
  g_autofree char *prev = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 1;
  int rc;

  memcpy (t, texts, sizeof t);
  if (t[MULU_LOG_AT] == NULL)
    t[MULU_LOG_AT] = now = mulu_now_iso8601 ();
  if (t[MULU_LOG_WHO] == NULL)
    t[MULU_LOG_WHO] = mulu_catalog_get_user (catalog);

  stmt = mulu_catalog_prepare_cached (catalog, "SELECT id, hash FROM change_log ORDER BY id DESC LIMIT 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0) + 1;
      prev = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);

  hash = mulu_log_hash (id, t, prev);
  stmt = mulu_catalog_prepare_cached (catalog, "INSERT INTO change_log (" LOG_COLUMNS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  for (guint i = 0; i < MULU_LOG_N_TEXTS; i++)
    sqlite3_bind_text (stmt, (int) i + 2, t[i], -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, MULU_LOG_N_TEXTS + 2, prev, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, MULU_LOG_N_TEXTS + 3, hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);

  stmt = mulu_catalog_prepare_cached (catalog, "INSERT OR REPLACE INTO change_log_head (one, id, hash) VALUES (1, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_text (stmt, 2, hash, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);
  return TRUE;
}

static MuluLogEntry *
read_entry (sqlite3_stmt *stmt)
{
  MuluLogEntry *e = g_new0 (MuluLogEntry, 1);
  char **texts[MULU_LOG_N_TEXTS] = {
    &e->at, &e->who, &e->op, &e->entity, &e->record_uid, &e->field, &e->old_value, &e->new_value, &e->details,
  };

  e->id = sqlite3_column_int64 (stmt, 0);
  for (guint i = 0; i < MULU_LOG_N_TEXTS; i++)
    *texts[i] = g_strdup ((const char *) sqlite3_column_text (stmt, (int) i + 1));
  e->hash = g_strdup ((const char *) sqlite3_column_text (stmt, MULU_LOG_N_TEXTS + 2));
  return e;
}

GPtrArray *
mulu_log_list (MuluCatalog *catalog,
               const char  *record_uid,
               GError     **error)
{
  const char *sql = record_uid
    ? "SELECT " LOG_COLUMNS " FROM change_log WHERE record_uid = ?1 OR " MULU_LOG_ITEM_OF_RESOURCE_SQL " ORDER BY id"
    : "SELECT " LOG_COLUMNS " FROM change_log ORDER BY id";
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) mulu_log_entry_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), NULL);

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      mulu_catalog_sql_error (catalog, error);
      return NULL;
    }
  if (record_uid)
    sqlite3_bind_text (stmt, 1, record_uid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (entries, read_entry (stmt));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      mulu_catalog_sql_error (catalog, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}

gint64
mulu_log_count (MuluCatalog *catalog,
                GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), -1);

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), "SELECT COUNT(*) FROM change_log", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  else
    mulu_catalog_sql_error (catalog, error);
  sqlite3_finalize (stmt);
  return n;
}

/* --- packages ------------------------------------------------------------ */

static gboolean
collect_uids (MuluCatalog *catalog,
              const char  *sql,
              const char  *kind,
              GHashTable  *into,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
      g_hash_table_add (into, g_strconcat (kind, ":", (const char *) sqlite3_column_text (stmt, 0), NULL));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? TRUE : mulu_catalog_sql_error (catalog, error);
}

/* "resource:r7", "item:i93": the records whose history stays in the file,
 * because a 涉密 resource leaves only its existence (domain.md §6). A
 * resource counts if it is secret now or ever was, by the log; an item if
 * its resource does, or if the log cannot tell whose item it was. */
GHashTable *
mulu_log_secret_uids (MuluCatalog *catalog,
                      GError     **error)
{
  g_autoptr(GHashTable) secret = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) resources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!collect_uids (catalog, "SELECT uid FROM resources WHERE secrecy = '涉密'", "resource", resources, error) ||
      !collect_uids (catalog,
                     "SELECT record_uid FROM change_log WHERE entity = 'resource' AND ("
                     " (field = 'secrecy' AND '涉密' IN (old_value, new_value)) OR"
                     " (op IN ('add', 'restore', 'delete') AND"
                     "  CASE WHEN json_valid (COALESCE (new_value, old_value))"
                     "       THEN json_extract (COALESCE (new_value, old_value), '$.secrecy') END = '涉密'))",
                     "resource", resources, error))
    return NULL;
  if (g_hash_table_size (resources) == 0)
    return NULL;

  /* Every item the log mentions, with its resource where that is known. */
  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                          "SELECT DISTINCT c.record_uid, COALESCE ("
                          "  (SELECT r.uid FROM items i JOIN resources r ON r.id = i.resource_id WHERE i.uid = c.record_uid),"
                          "  (SELECT CASE WHEN json_valid (COALESCE (s.new_value, s.old_value))"
                          "               THEN json_extract (COALESCE (s.new_value, s.old_value), '$.resource') END"
                          "     FROM change_log s WHERE s.entity = 'item' AND s.record_uid = c.record_uid"
                          "      AND s.op IN ('add', 'restore', 'delete') LIMIT 1))"
                          " FROM change_log c WHERE c.entity = 'item' AND c.record_uid IS NOT NULL",
                          -1, &stmt, NULL) != SQLITE_OK)
    {
      mulu_catalog_sql_error (catalog, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *item = (const char *) sqlite3_column_text (stmt, 0);
      const char *resource = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *key = resource ? g_strconcat ("resource:", resource, NULL) : NULL;

      if (resource == NULL || g_hash_table_contains (resources, key))
        g_hash_table_add (secret, g_strconcat ("item:", item, NULL));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      mulu_catalog_sql_error (catalog, error);
      return NULL;
    }

  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, resources);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_hash_table_add (secret, g_strdup (key));
  }
  return g_steal_pointer (&secret);
}

static const char * const package_keys[MULU_LOG_N_TEXTS] = {
  "at", "who", "op", "entity", "record", "field", "old", "new", "details",
};

gboolean
mulu_log_export_lines (MuluCatalog  *catalog,
                       MuluLineFunc  emit,
                       gpointer      data,
                       GError      **error)
{
  g_autoptr(GHashTable) secret = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;
  int rc;

  secret = mulu_log_secret_uids (catalog, &local_error);
  if (local_error)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), "SELECT " LOG_COLUMNS " FROM change_log ORDER BY id",
                          -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean first = TRUE;

      if (secret && sqlite3_column_type (stmt, 1 + MULU_LOG_RECORD_UID) != SQLITE_NULL)
        {
          g_autofree char *key = g_strconcat ((const char *) sqlite3_column_text (stmt, 1 + MULU_LOG_ENTITY), ":",
                                              (const char *) sqlite3_column_text (stmt, 1 + MULU_LOG_RECORD_UID), NULL);
          if (g_hash_table_contains (secret, key))
            continue;
        }

      g_string_truncate (line, 0);
      g_string_append_c (line, '{');
      mulu_json_append_key (line, &first, "kind");
      mulu_json_append_string (line, "change");
      for (guint i = 0; i < MULU_LOG_N_TEXTS; i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, (int) i + 1);
          if (text == NULL)
            continue;
          mulu_json_append_key (line, &first, package_keys[i]);
          mulu_json_append_string (line, text);
        }
      g_string_append_c (line, '}');
      ok = emit (line->str, line->len, data, error);
    }
  if (ok && rc != SQLITE_DONE)
    ok = mulu_catalog_sql_error (catalog, error);
  sqlite3_finalize (stmt);
  return ok;
}

gboolean
mulu_log_texts_from_json (JsonObject  *o,
                          const char  *texts[MULU_LOG_N_TEXTS],
                          const char **bad_key)
{
  for (guint i = 0; i < MULU_LOG_N_TEXTS; i++)
    {
      JsonNode *m = json_object_get_member (o, package_keys[i]);
      gboolean required = i == MULU_LOG_AT || i == MULU_LOG_WHO || i == MULU_LOG_OP;

      texts[i] = NULL;
      if (m == NULL || JSON_NODE_HOLDS_NULL (m))
        {
          if (required)
            {
              *bad_key = package_keys[i];
              return FALSE;
            }
          continue;
        }
      if (!JSON_NODE_HOLDS_VALUE (m) || json_node_get_value_type (m) != G_TYPE_STRING ||
          (required && *json_node_get_string (m) == '\0'))
        {
          *bad_key = package_keys[i];
          return FALSE;
        }
      texts[i] = json_node_get_string (m);
    }
  return TRUE;
}
