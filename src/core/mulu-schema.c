/* mulu-schema.c — one function per schema version
 *
 * A new catalog is made by running every step from 0; an older catalog runs
 * the steps it lacks when it is opened. A step never changes once released:
 * a later change is a new step, with its own test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-schema"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-error.h"
#include "mulu-schema.h"

/* Version 1: the census entities, the code tables, the change log. */
static const char step_1_sql[] =
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT"
  ") WITHOUT ROWID;"

  "CREATE TABLE code_tables ("
  "  id TEXT PRIMARY KEY NOT NULL,"
  "  title TEXT NOT NULL,"
  "  position INTEGER NOT NULL"
  ") WITHOUT ROWID;"

  "CREATE TABLE codes ("
  "  table_id TEXT NOT NULL REFERENCES code_tables (id) ON DELETE CASCADE,"
  "  path TEXT NOT NULL,"
  "  parent TEXT,"
  "  value TEXT NOT NULL,"
  "  label TEXT NOT NULL,"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (table_id, path)"
  ") WITHOUT ROWID;"

  "CREATE TABLE departments ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  name TEXT, uscc TEXT, region_code TEXT, contact_name TEXT, contact_phone TEXT,"
  "  parent_id INTEGER REFERENCES departments (id) ON DELETE SET NULL,"
  "  extra TEXT"
  ") STRICT;"

  "CREATE TABLE systems ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  department_id INTEGER NOT NULL REFERENCES departments (id) ON DELETE CASCADE,"
  "  name TEXT, function TEXT, usage_scope TEXT, usage_frequency TEXT,"
  "  approval_department TEXT, approval_date TEXT, funding_source TEXT,"
  "  builder TEXT, contractor TEXT, maintainer TEXT,"
  "  go_live_date TEXT, om_contract_end TEXT,"
  "  construction_cost REAL, annual_om_cost REAL,"
  "  construction_mode TEXT, om_mode TEXT, layer TEXT, status TEXT, network TEXT,"
  "  hosting TEXT, protection_level TEXT, secrecy TEXT,"
  "  user_count INTEGER, user_group TEXT, sharing_platform_connected INTEGER,"
  "  replaced_by_id INTEGER REFERENCES systems (id) ON DELETE SET NULL,"
  "  supports_current_duties INTEGER, last_business_use TEXT, last_login TEXT,"
  "  utilization_percent REAL, last_update TEXT, remarks TEXT,"
  "  extra TEXT"
  ") STRICT;"
  "CREATE INDEX systems_department ON systems (department_id);"

  "CREATE TABLE resources ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL UNIQUE,"
  "  department_id INTEGER NOT NULL REFERENCES departments (id) ON DELETE CASCADE,"
  "  system_id INTEGER REFERENCES systems (id) ON DELETE SET NULL,"
  "  name TEXT, code TEXT,"
  "  class_1 TEXT, class_2 TEXT, class_3 TEXT, class_4 TEXT,"
  "  summary TEXT, format_category TEXT, format_type TEXT, format_note TEXT,"
  "  share_type TEXT, share_condition TEXT, share_basis_type TEXT, share_basis TEXT,"
  "  share_method_category TEXT, share_method_type TEXT, share_method_reason TEXT,"
  "  open_type TEXT, open_condition TEXT, update_cycle TEXT, publish_date TEXT,"
  "  related_codes TEXT, secrecy TEXT, secret_level TEXT,"
  "  volume_records INTEGER, volume_storage_gb REAL, volume_structured_gb REAL,"
  "  volume_unstructured_gb REAL, volume_shared_records INTEGER, volume_opened_records INTEGER,"
  "  extra TEXT"
  ") STRICT;"
  "CREATE INDEX resources_department ON resources (department_id);"
  "CREATE INDEX resources_system ON resources (system_id);"

  /* The item indexes are named, not inline, so that a bulk load into an
   * empty catalog can build them once at the end (see mulu_schema_*_item_indexes). */
  "CREATE TABLE items ("
  "  id INTEGER PRIMARY KEY,"
  "  uid TEXT NOT NULL,"
  "  resource_id INTEGER NOT NULL REFERENCES resources (id) ON DELETE CASCADE,"
  "  name TEXT, data_type TEXT, length INTEGER, share_type TEXT, open_type TEXT, remarks TEXT,"
  "  extra TEXT"
  ") STRICT;"
  "CREATE UNIQUE INDEX items_uid ON items (uid);"
  "CREATE INDEX items_resource ON items (resource_id);"

  /* One row per changed field; a bulk operation is one row whose details
   * name the package, its SHA-256 and the record counts. */
  "CREATE TABLE change_log ("
  "  id INTEGER PRIMARY KEY,"
  "  at TEXT NOT NULL,"
  "  who TEXT NOT NULL,"
  "  op TEXT NOT NULL,"
  "  entity TEXT,"
  "  record_uid TEXT,"
  "  field TEXT,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  details TEXT"
  ") STRICT;";

/* Version 2: the zombie decision per system and the review state per record.
 * Both are kept apart from the entity rows so that deciding or reviewing
 * never rewrites what the clerk entered. */
static const char step_2_sql[] =
  "CREATE TABLE zombie_reviews ("
  "  system_id INTEGER PRIMARY KEY REFERENCES systems (id) ON DELETE CASCADE,"
  "  decision TEXT,"
  "  disposition TEXT,"
  "  planned_date TEXT,"
  "  note TEXT,"
  "  decided_by TEXT,"
  "  decided_at TEXT"
  ") STRICT;"

  "CREATE TABLE reviews ("
  "  entity TEXT NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  state TEXT NOT NULL,"
  "  reviewer TEXT,"
  "  comment TEXT,"
  "  at TEXT,"
  "  PRIMARY KEY (entity, record_id)"
  ") STRICT, WITHOUT ROWID;"
  "CREATE TRIGGER departments_review_gone AFTER DELETE ON departments BEGIN"
  "  DELETE FROM reviews WHERE entity = 'department' AND record_id = old.id; END;"
  "CREATE TRIGGER systems_review_gone AFTER DELETE ON systems BEGIN"
  "  DELETE FROM reviews WHERE entity = 'system' AND record_id = old.id; END;"
  "CREATE TRIGGER resources_review_gone AFTER DELETE ON resources BEGIN"
  "  DELETE FROM reviews WHERE entity = 'resource' AND record_id = old.id; END;"
  "CREATE TRIGGER items_review_gone AFTER DELETE ON items BEGIN"
  "  DELETE FROM reviews WHERE entity = 'item' AND record_id = old.id; END;";

/* The duplicate-name key of a resource, kept on insert and on rename. A
 * bulk load sets them all at the end instead (mulu_schema_end_bulk_load). */
#define NAME_KEY_INDEXES \
  "CREATE INDEX resources_name_key ON resources (department_id, name_key);" \
  /* R17 re-checks one group of look-alike names by this key. */ \
  "CREATE INDEX resources_name_group ON resources (department_id || ':' || name_key);"
#define NAME_KEY_INSERT_TRIGGER \
  "CREATE TRIGGER resources_name_key_insert AFTER INSERT ON resources BEGIN" \
  "  UPDATE resources SET name_key = mulu_name_key (new.name) WHERE id = new.id; END;"

/* Version 3: validation. Findings are stored so the window can count them
 * per step and per rule without re-running anything; name_key holds a
 * resource name normalised for R17 (NFKC, no spaces or punctuation, no
 * trailing drag-filled number), kept by a trigger through the
 * mulu_name_key() SQL function every Mulu connection registers. */
static const char step_3_sql[] =
  "CREATE TABLE findings ("
  "  id INTEGER PRIMARY KEY,"
  "  rule TEXT NOT NULL,"
  "  severity INTEGER NOT NULL,"
  "  entity TEXT NOT NULL,"
  "  record_id INTEGER NOT NULL,"
  "  field TEXT,"
  "  group_key TEXT,"
  "  message TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX findings_record ON findings (entity, record_id);"
  "CREATE INDEX findings_rule ON findings (rule, severity);"
  "CREATE INDEX findings_group ON findings (rule, group_key) WHERE group_key IS NOT NULL;"

  "CREATE TABLE suggestions ("
  "  resource_id INTEGER PRIMARY KEY REFERENCES resources (id) ON DELETE CASCADE,"
  "  state TEXT NOT NULL,"
  "  categories TEXT NOT NULL,"
  "  items TEXT NOT NULL,"
  "  condition TEXT,"
  "  decided_by TEXT,"
  "  decided_at TEXT"
  ") STRICT;"

  "ALTER TABLE resources ADD COLUMN name_key TEXT;"
  "UPDATE resources SET name_key = mulu_name_key (name);"
  NAME_KEY_INDEXES
  "CREATE INDEX resources_code ON resources (code);"
  NAME_KEY_INSERT_TRIGGER
  "CREATE TRIGGER resources_name_key_update AFTER UPDATE OF name ON resources BEGIN"
  "  UPDATE resources SET name_key = mulu_name_key (new.name) WHERE id = new.id; END;"

  "CREATE TRIGGER departments_findings_gone AFTER DELETE ON departments BEGIN"
  "  DELETE FROM findings WHERE entity = 'department' AND record_id = old.id; END;"
  "CREATE TRIGGER systems_findings_gone AFTER DELETE ON systems BEGIN"
  "  DELETE FROM findings WHERE entity = 'system' AND record_id = old.id; END;"
  "CREATE TRIGGER resources_findings_gone AFTER DELETE ON resources BEGIN"
  "  DELETE FROM findings WHERE entity = 'resource' AND record_id = old.id; END;"
  "CREATE TRIGGER items_findings_gone AFTER DELETE ON items BEGIN"
  "  DELETE FROM findings WHERE entity = 'item' AND record_id = old.id; END;";

/* Version 4: the change log becomes a hash chain (mulu-log.c). Each entry
 * keeps the previous entry's hash beside its own, so a check can tell an
 * altered entry (its own hash is wrong) from a deleted one (the next entry
 * names a hash that is not there); change_log_head remembers the last
 * entry, so that cutting entries off the end shows too. The entries an
 * older Mulu wrote are chained here, in order, with mulu_log_hash(), which
 * every Mulu connection registers. Self-contained: nothing else in this
 * file knows about it. */
#define LOG_HASH_ARGS(t) \
  t "id, " t "at, " t "who, " t "op, " t "entity, " t "record_uid, " t "field, " \
  t "old_value, " t "new_value, " t "details"
static const char step_4_sql[] =
  "ALTER TABLE change_log ADD COLUMN prev_hash TEXT;"
  "ALTER TABLE change_log ADD COLUMN hash TEXT;"
  "CREATE INDEX change_log_record ON change_log (record_uid);"
  "CREATE TABLE change_log_head ("
  "  one INTEGER PRIMARY KEY CHECK (one = 1),"
  "  id INTEGER NOT NULL,"
  "  hash TEXT NOT NULL"
  ") STRICT;"

  "CREATE TEMP TABLE log_order (n INTEGER PRIMARY KEY, id INTEGER NOT NULL);"
  "INSERT INTO temp.log_order (n, id) SELECT ROW_NUMBER () OVER (ORDER BY id), id FROM change_log;"
  "CREATE TEMP TABLE log_chain (id INTEGER PRIMARY KEY, prev_hash TEXT, hash TEXT);"
  "WITH RECURSIVE chain (n, id, prev_hash, hash) AS ("
  "  SELECT o.n, c.id, NULL, mulu_log_hash (" LOG_HASH_ARGS ("c.") ", NULL)"
  "    FROM temp.log_order o JOIN change_log c ON c.id = o.id WHERE o.n = 1"
  "  UNION ALL"
  "  SELECT o.n, c.id, chain.hash, mulu_log_hash (" LOG_HASH_ARGS ("c.") ", chain.hash)"
  "    FROM chain JOIN temp.log_order o ON o.n = chain.n + 1 JOIN change_log c ON c.id = o.id)"
  " INSERT INTO temp.log_chain (id, prev_hash, hash) SELECT id, prev_hash, hash FROM chain;"
  "UPDATE change_log SET prev_hash = (SELECT t.prev_hash FROM temp.log_chain t WHERE t.id = change_log.id),"
  "                      hash = (SELECT t.hash FROM temp.log_chain t WHERE t.id = change_log.id);"
  "INSERT INTO change_log_head (one, id, hash) SELECT 1, id, hash FROM temp.log_chain ORDER BY id DESC LIMIT 1;"
  "DROP TABLE temp.log_chain;"
  "DROP TABLE temp.log_order;";
#undef LOG_HASH_ARGS

/* Version 5: each data item's sensitive categories (SG1), as the bit mask
 * mulu_item_sensitivity() computes from its name, NULL for none. A full
 * validation then reads the few items it concerns by the partial index,
 * in the order of the items of each resource, instead of every item's
 * name. The store's INSERT sets the mask (mulu_store_insert_sql), so a
 * bulk load writes no row twice; the trigger keeps it through renames.
 * The masks of the items already there are set by the next
 * mulu_catalog_open, which also redoes them when Mulu's categories change
 * (mulu_suggest_update_item_masks). */
static const char step_5_sql[] =
  "ALTER TABLE items ADD COLUMN sensitivity INTEGER;"
  "CREATE INDEX items_sensitive ON items (resource_id, id, sensitivity, name, share_type, open_type)"
  "  WHERE sensitivity IS NOT NULL;"
  "CREATE TRIGGER items_sensitivity_rename AFTER UPDATE OF name ON items"
  "  WHEN new.name IS NOT old.name BEGIN"
  "  UPDATE items SET sensitivity = nullif (mulu_item_sensitivity (new.name), 0) WHERE id = new.id; END;";

static const char * const steps[MULU_SCHEMA_VERSION] = {
  step_1_sql,
  step_2_sql,
  step_3_sql,
  step_4_sql,
  step_5_sql,
};

int
mulu_schema_get_version (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  int version = -1;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

/* Runs inside the caller's transaction, so a failed step leaves the file at
 * the version it had. */
gboolean
mulu_schema_upgrade (sqlite3 *db,
                     int      from,
                     int      to,
                     GError **error)
{
  g_return_val_if_fail (from >= 0 && to <= MULU_SCHEMA_VERSION && from <= to, FALSE);

  for (int v = from + 1; v <= to; v++)
    {
      g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", v);
      char *msg = NULL;

      if (sqlite3_exec (db, steps[v - 1], NULL, NULL, &msg) != SQLITE_OK ||
          sqlite3_exec (db, set_version, NULL, NULL, &msg) != SQLITE_OK)
        {
          g_set_error (error, MULU_ERROR, MULU_ERROR_DATABASE,
                       _("The catalog could not be upgraded to format version %d: %s"), v, msg);
          sqlite3_free (msg);
          return FALSE;
        }
    }
  return TRUE;
}

/* Two million random ids inserted one by one into a unique index thrash the
 * page cache, and a trigger rewriting each new resource to set its name
 * key doubles the resource writes; a bulk load into a catalog without items
 * builds all of it once at the end instead. Inside the caller's
 * transaction. */
gboolean
mulu_schema_begin_bulk_load (sqlite3 *db,
                             GError **error)
{
  if (sqlite3_exec (db, "DROP INDEX items_uid; DROP INDEX items_resource;"
                        "DROP INDEX resources_name_key; DROP INDEX resources_name_group;"
                        "DROP TRIGGER resources_name_key_insert;", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_DATABASE, "Cannot prepare the bulk load: %s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

/* Fails with MULU_ERROR_EXISTS when two items share an id. */
gboolean
mulu_schema_end_bulk_load (sqlite3 *db,
                           GError **error)
{
  int rc;

  /* Sorting two million keys in memory would double the import's peak. */
  sqlite3_exec (db, "PRAGMA temp_store = FILE", NULL, NULL, NULL);
  rc = sqlite3_exec (db, "CREATE UNIQUE INDEX items_uid ON items (uid);"
                         "CREATE INDEX items_resource ON items (resource_id);", NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "UPDATE resources SET name_key = mulu_name_key (name) WHERE name_key IS NULL AND name IS NOT NULL;"
                           NAME_KEY_INDEXES NAME_KEY_INSERT_TRIGGER, NULL, NULL, NULL);
  sqlite3_exec (db, "PRAGMA temp_store = MEMORY", NULL, NULL, NULL);
  if (rc == SQLITE_CONSTRAINT)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_EXISTS, "Two data items have the same id");
      return FALSE;
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_DATABASE, "Cannot index the catalog: %s", sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}
