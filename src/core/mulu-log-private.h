/* mulu-log-private.h — appending to the change log, and its place in
 * packages (internal to the core)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "mulu-log.h"

G_BEGIN_DECLS

/* The hashed content of an entry, in hashing order. */
enum {
  MULU_LOG_AT,
  MULU_LOG_WHO,
  MULU_LOG_OP,
  MULU_LOG_ENTITY,
  MULU_LOG_RECORD_UID,
  MULU_LOG_FIELD,
  MULU_LOG_OLD_VALUE,
  MULU_LOG_NEW_VALUE,
  MULU_LOG_DETAILS,
  MULU_LOG_N_TEXTS
};

/* A condition on change_log: the entry is about a data item of the
 * resource whose package id is ?1 — one it holds now, or one whose
 * snapshot (added, restored, deleted) names it. CASE keeps json_extract()
 * away from values that are not JSON. */
#define MULU_LOG_ITEM_OF_RESOURCE_SQL \
  "(entity = 'item' AND (record_uid IN (SELECT i.uid FROM items i JOIN resources r ON r.id = i.resource_id WHERE r.uid = ?1)" \
  " OR CASE WHEN op IN ('add', 'restore') AND json_valid (new_value) THEN json_extract (new_value, '$.resource')" \
  "         WHEN op = 'delete' AND json_valid (old_value) THEN json_extract (old_value, '$.resource') END = ?1))"

/* The ops that change records, as opposed to the review's own steps and
 * whole-catalog operations. */
#define MULU_LOG_EDIT_OPS_SQL "('add', 'update', 'restore', 'delete')"

/* Registers mulu_log_hash() with every Mulu connection: the schema step
 * that chains an older catalog's entries calls it from SQL. */
gboolean  mulu_log_register_functions (sqlite3            *db);

char     *mulu_log_hash               (gint64              id,
                                       const char * const  texts[MULU_LOG_N_TEXTS],
                                       const char         *prev_hash);

/* Appends one entry, chained to the last. at NULL means now. */
gboolean  mulu_log_append             (MuluCatalog        *catalog,
                                       const char * const  texts[MULU_LOG_N_TEXTS],
                                       GError            **error);

/* The entries about records whose details may not leave the file (涉密
 * resources and their items) are left out; NULL when all may leave. */
GHashTable *mulu_log_secret_uids      (MuluCatalog        *catalog,
                                       GError            **error);

typedef gboolean (*MuluLineFunc) (const char *line,
                                  gsize       length,
                                  gpointer    data,
                                  GError    **error);

/* Writes the log as package lines {"kind":"change",…}, oldest first, each
 * without its newline. */
gboolean  mulu_log_export_lines       (MuluCatalog        *catalog,
                                       MuluLineFunc        emit,
                                       gpointer            data,
                                       GError            **error);

/* Reads one {"kind":"change",…} line into the texts of an entry (borrowed
 * from o); on a wrong type, returns FALSE and names the key in *bad_key. */
gboolean  mulu_log_texts_from_json    (JsonObject         *o,
                                       const char         *texts[MULU_LOG_N_TEXTS],
                                       const char        **bad_key);

G_END_DECLS
