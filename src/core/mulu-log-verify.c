/* mulu-log-verify.c — is the change log intact, and does it agree with
 * the data?
 *
 * The chain: each entry's hash is recomputed from its content and the
 * previous-hash it names; that previous-hash must be the hash of the entry
 * before, entry numbers run without gaps, and the end marker names the
 * last entry. The first failure is reported, with its entry number.
 *
 * Agreement, checked when the chain is intact (an unbroken log can still
 * be contradicted by data edited outside Mulu):
 * - every field's last logged value (the newest "update" of that record
 *   and field, when no later add, restore or delete replaced the record)
 *   equals the field's current value, written the way the log writes it;
 *   a reference the database cleared because its target was deleted
 *   counts as agreeing;
 * - every record's last review decision matches its review row (state,
 *   reviewer, comment, time), or the row says "submitted" because the
 *   catalog was submitted again after that decision;
 * - the catalog is submitted exactly when its last submit/reopen entry is
 *   a submission.
 * Not checked: records whose history is one bulk entry (an import, a
 * generated catalog) and records deleted by cascade, which the log does
 * not list one by one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-log"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-log-private.h"
#include "mulu-review.h"

G_GNUC_PRINTF (4, 5)
static void
set_break (MuluLogBreak  **out,
           MuluLogProblem  problem,
           gint64          entry,
           const char     *format,
           ...)
{
  va_list args;

  *out = g_new0 (MuluLogBreak, 1);
  (*out)->problem = problem;
  (*out)->entry = entry;
  va_start (args, format);
  (*out)->message = g_strdup_vprintf (format, args);
  va_end (args);
}

static gboolean
check_chain (MuluCatalog   *catalog,
             MuluLogBreak **out,
             GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *prev_hash = NULL;
  gint64 prev_id = 0;
  int rc;

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                          "SELECT id, at, who, op, entity, record_uid, field, old_value, new_value, details, prev_hash, hash"
                          " FROM change_log ORDER BY id", -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *texts[MULU_LOG_N_TEXTS];
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *stored_prev = (const char *) sqlite3_column_text (stmt, MULU_LOG_N_TEXTS + 1);
      const char *stored_hash = (const char *) sqlite3_column_text (stmt, MULU_LOG_N_TEXTS + 2);
      g_autofree char *hash = NULL;

      for (guint i = 0; i < MULU_LOG_N_TEXTS; i++)
        texts[i] = (const char *) sqlite3_column_text (stmt, (int) i + 1);
      hash = mulu_log_hash (id, texts, stored_prev);

      if (stored_hash == NULL)
        set_break (out, MULU_LOG_ALTERED, id,
                   _("Entry %lld of the change log has no fingerprint: it was added outside Mulu."), (long long) id);
      else if (!g_str_equal (hash, stored_hash))
        set_break (out, MULU_LOG_ALTERED, id,
                   _("Entry %lld of the change log was altered after it was written."), (long long) id);
      else if (id > prev_id + 1 && id == prev_id + 2)
        set_break (out, MULU_LOG_DELETED, prev_id + 1,
                   _("Entry %lld of the change log was deleted."), (long long) prev_id + 1);
      else if (id > prev_id + 1)
        set_break (out, MULU_LOG_DELETED, prev_id + 1,
                   _("Entries %lld to %lld of the change log were deleted."), (long long) prev_id + 1, (long long) id - 1);
      else if (g_strcmp0 (stored_prev, prev_hash) != 0)
        set_break (out, MULU_LOG_UNLINKED, id,
                   _("Entry %lld of the change log does not follow entry %lld: one of them was replaced."),
                   (long long) id, (long long) prev_id);
      if (*out)
        break;
      prev_id = id;
      g_free (prev_hash);
      prev_hash = g_strdup (stored_hash);
    }
  sqlite3_finalize (stmt);
  if (*out)
    return TRUE;
  if (rc != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), "SELECT id, hash FROM change_log_head", -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      gint64 head = sqlite3_column_int64 (stmt, 0);
      const char *head_hash = (const char *) sqlite3_column_text (stmt, 1);

      if (head > prev_id)
        set_break (out, MULU_LOG_TRUNCATED, prev_id + 1,
                   _("The change log ends at entry %lld, but it had reached entry %lld: the last entries were deleted."),
                   (long long) prev_id, (long long) head);
      else if (head < prev_id || g_strcmp0 (head_hash, prev_hash) != 0)
        set_break (out, MULU_LOG_UNLINKED, prev_id,
                   _("Entry %lld, the last of the change log, is not the one Mulu wrote last."), (long long) prev_id);
    }
  else if (rc == SQLITE_DONE && prev_id > 0)
    set_break (out, MULU_LOG_TRUNCATED, prev_id,
               _("The change log's end marker is missing, so entries cut off after entry %lld could not be noticed."),
               (long long) prev_id);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);
  return TRUE;
}

static const char *
or_empty (const char *text)
{
  return text && *text ? text : _("(empty)");
}

static gboolean
check_catalog_state (MuluCatalog   *catalog,
                     MuluLogBreak **out,
                     GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean submitted = mulu_catalog_is_submitted (catalog);
  gint64 id = 0;
  gboolean logged_submitted = FALSE;
  int rc;

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                          "SELECT id, op FROM change_log WHERE op IN ('submit', 'reopen') ORDER BY id DESC LIMIT 1",
                          -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      logged_submitted = g_str_equal ((const char *) sqlite3_column_text (stmt, 1), "submit");
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);

  if (submitted == logged_submitted)
    return TRUE;
  if (id == 0)
    set_break (out, MULU_LOG_DISAGREES, 0,
               _("The catalog is marked as submitted, but the change log records no submission."));
  else if (logged_submitted)
    set_break (out, MULU_LOG_DISAGREES, id,
               _("Entry %lld records the catalog’s submission, and no reopening follows, but the catalog is not marked as submitted."),
               (long long) id);
  else
    set_break (out, MULU_LOG_DISAGREES, id,
               _("Entry %lld records that the catalog was reopened, but the catalog is marked as submitted."), (long long) id);
  return TRUE;
}

/* The current value of a logged field, as the log writes it; FALSE when
 * the record or field no longer exists, so nothing can be compared. */
static gboolean
current_text (MuluCatalog          *catalog,
              const MuluEntityInfo *info,
              const char           *uid,
              const char           *field,
              const char           *logged,
              char                **out_text,
              const char          **out_label)
{
  g_autoptr(MuluRecord) record = NULL;
  const MuluField *f;
  GVariant *value;
  int i;

  if (info->entity == MULU_ENTITY_SYSTEM && g_str_has_prefix (field, "zombie_review."))
    {
      static const char * const keys[] = { "decision", "disposition", "planned_date", "note" };
      const char *key = field + strlen ("zombie_review.");
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;

      if (!g_strv_contains (keys, key))
        return FALSE;
      sql = g_strdup_printf ("SELECT z.%s FROM zombie_reviews z JOIN systems s ON s.id = z.system_id WHERE s.uid = ?", key);
      if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL) != SQLITE_OK)
        return FALSE;
      sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
      *out_text = sqlite3_step (stmt) == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
      sqlite3_finalize (stmt);
      *out_label = field;
      return TRUE;
    }

  if ((i = mulu_entity_find_field (info->entity, field)) < 0 ||
      (record = mulu_catalog_get_by_uid (catalog, info->entity, uid, NULL)) == NULL)
    return FALSE;
  f = &info->fields[i];
  value = mulu_record_get_value (record, (guint) i);
  *out_label = mulu_field_get_label (f);
  *out_text = mulu_catalog_log_text (catalog, f, value);

  /* ON DELETE SET NULL clears a reference without a log entry. */
  if (f->type == MULU_FIELD_REF && value == NULL && logged)
    {
      g_autoptr(MuluRecord) target = mulu_catalog_get_by_uid (catalog, f->ref, logged, NULL);
      if (target == NULL)
        return FALSE;
    }
  return TRUE;
}

static gboolean
check_fields (MuluCatalog   *catalog,
              MuluLogBreak **out,
              GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = SQLITE_DONE;

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                          "SELECT c.id, c.entity, c.record_uid, c.field, c.new_value FROM change_log c"
                          " WHERE c.id IN (SELECT MAX(id) FROM change_log WHERE op = 'update' AND record_uid IS NOT NULL"
                          "                AND field IS NOT NULL GROUP BY entity, record_uid, field)"
                          "   AND NOT EXISTS (SELECT 1 FROM change_log l WHERE l.record_uid = c.record_uid AND l.entity = c.entity"
                          "                   AND l.op IN ('add', 'restore', 'delete') AND l.id > c.id)"
                          " ORDER BY c.id", -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);

  while (*out == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const MuluEntityInfo *info = mulu_entity_from_kind ((const char *) sqlite3_column_text (stmt, 1));
      const char *uid = (const char *) sqlite3_column_text (stmt, 2);
      const char *field = (const char *) sqlite3_column_text (stmt, 3);
      const char *logged = (const char *) sqlite3_column_text (stmt, 4);
      g_autofree char *now = NULL;
      const char *label = NULL;

      if (info == NULL || !current_text (catalog, info, uid, field, logged, &now, &label))
        continue;
      if (g_strcmp0 (now, logged) != 0)
        set_break (out, MULU_LOG_DISAGREES, sqlite3_column_int64 (stmt, 0),
                   _("Entry %lld sets “%s” of the %s “%s” to “%s”, but the catalog holds “%s”: the data was changed outside Mulu."),
                   (long long) sqlite3_column_int64 (stmt, 0), label, mulu_entity_get_label (info->entity), uid,
                   or_empty (logged), or_empty (now));
    }
  sqlite3_finalize (stmt);
  if (*out == NULL && rc != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);
  return TRUE;
}

static char *
comment_of (const char *details)
{
  g_autoptr(JsonNode) node = details ? json_from_string (details, NULL) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  return g_strdup (json_object_get_string_member_with_default (json_node_get_object (node), "comment", NULL));
}

static gboolean
check_reviews (MuluCatalog   *catalog,
               MuluLogBreak **out,
               GError       **error)
{
  sqlite3_stmt *stmt = NULL, *row = NULL;
  gint64 last_submit = 0;
  int rc = SQLITE_DONE;

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), "SELECT MAX(id) FROM change_log WHERE op = 'submit'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    last_submit = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                          "SELECT c.id, c.entity, c.record_uid, c.new_value, c.who, c.at, c.details FROM change_log c"
                          " WHERE c.id IN (SELECT MAX(id) FROM change_log WHERE op = 'review' GROUP BY entity, record_uid)"
                          " ORDER BY c.id", -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);

  while (*out == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const MuluEntityInfo *info = mulu_entity_from_kind ((const char *) sqlite3_column_text (stmt, 1));
      const char *uid = (const char *) sqlite3_column_text (stmt, 2);
      const char *state = (const char *) sqlite3_column_text (stmt, 3);
      g_autofree char *comment = comment_of ((const char *) sqlite3_column_text (stmt, 6));
      g_autofree char *sql = NULL;
      gboolean agrees;

      if (info == NULL || uid == NULL)
        continue;
      sql = g_strdup_printf ("SELECT v.state, v.reviewer, v.comment, v.at, t.id FROM %s t"
                             " LEFT JOIN reviews v ON v.entity = '%s' AND v.record_id = t.id WHERE t.uid = ?",
                             info->table, info->kind);
      if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &row, NULL) != SQLITE_OK)
        {
          sqlite3_finalize (stmt);
          return mulu_catalog_sql_error (catalog, error);
        }
      sqlite3_bind_text (row, 1, uid, -1, SQLITE_STATIC);
      if (sqlite3_step (row) != SQLITE_ROW)
        {
          /* The record is gone; its review went with it. */
          sqlite3_finalize (row);
          continue;
        }
      {
        const char *now = (const char *) sqlite3_column_text (row, 0);

        if (g_strcmp0 (now, state) == 0)
          agrees = g_strcmp0 ((const char *) sqlite3_column_text (row, 1), (const char *) sqlite3_column_text (stmt, 4)) == 0 &&
                   g_strcmp0 ((const char *) sqlite3_column_text (row, 2), comment) == 0 &&
                   g_strcmp0 ((const char *) sqlite3_column_text (row, 3), (const char *) sqlite3_column_text (stmt, 5)) == 0;
        else
          agrees = g_strcmp0 (now, "submitted") == 0 && last_submit > id;
        if (!agrees)
          set_break (out, MULU_LOG_DISAGREES, id,
                     _("Entry %lld records the review of the %s “%s” (%s by %s), but the catalog’s review of it says otherwise: it was changed outside Mulu."),
                     (long long) id, mulu_entity_get_label (info->entity), uid, state,
                     (const char *) sqlite3_column_text (stmt, 4));
      }
      sqlite3_finalize (row);
    }
  sqlite3_finalize (stmt);
  if (*out == NULL && rc != SQLITE_DONE)
    return mulu_catalog_sql_error (catalog, error);
  return TRUE;
}

gboolean
mulu_catalog_verify (MuluCatalog   *catalog,
                     MuluLogBreak **out_break,
                     GError       **error)
{
  g_autoptr(MuluLogBreak) brk = NULL;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (out_break != NULL && *out_break == NULL, FALSE);

  if (!check_chain (catalog, &brk, error))
    return FALSE;
  if (brk == NULL && !check_catalog_state (catalog, &brk, error))
    return FALSE;
  if (brk == NULL && !check_fields (catalog, &brk, error))
    return FALSE;
  if (brk == NULL && !check_reviews (catalog, &brk, error))
    return FALSE;
  *out_break = g_steal_pointer (&brk);
  return TRUE;
}
