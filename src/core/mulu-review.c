/* mulu-review.c — submission, reopening and review decisions
 *
 * The catalog's own state is kept in meta (review.state, review.by,
 * review.at) and each record's in the reviews table; every change to
 * either is an entry of the change log, which is what the chain protects
 * and what "changed after submission" is computed from.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-review"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-json-out.h"
#include "mulu-log-private.h"
#include "mulu-review.h"
#include "mulu-rules.h"

static const char * const state_names[MULU_N_REVIEW_STATES] = { "draft", "submitted", "approved", "returned" };
static const char * const state_labels[MULU_N_REVIEW_STATES] = {
  /* Translators: review state of a record never submitted */
  N_("Draft"),
  /* Translators: review state: submitted, no decision yet (未审核) */
  N_("Not reviewed"),
  N_("Approved"),
  N_("Returned"),
};
static const MuluEntity reviewable[] = { MULU_ENTITY_DEPARTMENT, MULU_ENTITY_SYSTEM, MULU_ENTITY_RESOURCE };

const char *
mulu_review_state_to_string (MuluReviewState state)
{
  g_return_val_if_fail (state < MULU_N_REVIEW_STATES, NULL);
  return state_names[state];
}

gboolean
mulu_review_state_from_string (const char      *text,
                               MuluReviewState *state)
{
  for (guint s = 0; text && s < MULU_N_REVIEW_STATES; s++)
    if (g_str_equal (text, state_names[s]))
      {
        *state = s;
        return TRUE;
      }
  return FALSE;
}

const char *
mulu_review_state_get_label (MuluReviewState state)
{
  g_return_val_if_fail (state < MULU_N_REVIEW_STATES, NULL);
  return g_dgettext (GETTEXT_PACKAGE, state_labels[state]);
}

gboolean
mulu_review_is_reviewable (MuluEntity entity)
{
  return entity == MULU_ENTITY_DEPARTMENT || entity == MULU_ENTITY_SYSTEM || entity == MULU_ENTITY_RESOURCE;
}

void
mulu_review_free (MuluReview *review)
{
  if (review == NULL)
    return;
  g_free (review->uid);
  g_free (review->name);
  g_free (review->reviewer);
  g_free (review->comment);
  g_free (review->at);
  g_free (review);
}

void
mulu_review_summary_free (MuluReviewSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->submitted_by);
  g_free (summary->submitted_at);
  g_clear_pointer (&summary->comments, g_ptr_array_unref);
  g_free (summary);
}

/* --- the catalog's state ------------------------------------------------- */

gboolean
mulu_catalog_is_submitted (MuluCatalog *catalog)
{
  g_autofree char *state = NULL;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);

  state = mulu_catalog_dup_meta (catalog, "review.state");
  return g_strcmp0 (state, "submitted") == 0;
}

gboolean
mulu_catalog_ensure_editable (MuluCatalog *self,
                              GError     **error)
{
  g_autofree char *by = NULL;
  g_autofree char *at = NULL;

  if (!mulu_catalog_is_submitted (self))
    return TRUE;
  by = mulu_catalog_dup_meta (self, "review.by");
  at = mulu_catalog_dup_meta (self, "review.at");
  g_set_error (error, MULU_ERROR, MULU_ERROR_SUBMITTED,
               _("This catalog was submitted by %s on %.10s and is frozen for review; reopen it before changing anything."),
               by ? by : "?", at ? at : "?");
  return FALSE;
}

static gboolean
append (MuluCatalog *catalog,
        const char  *at,
        const char  *op,
        const char  *entity,
        const char  *uid,
        const char  *old_value,
        const char  *new_value,
        const char  *details,
        GError     **error)
{
  const char *texts[MULU_LOG_N_TEXTS] = {
    at, NULL, op, entity, uid, uid ? "review" : NULL, old_value, new_value, details,
  };

  return mulu_log_append (catalog, texts, error);
}

/* "kind:uid" → the number of the last entry that matters for it. */
static GHashTable *
last_entries (MuluCatalog *catalog,
              const char  *sql,
              GError     **error)
{
  g_autoptr(GHashTable) last = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      mulu_catalog_sql_error (catalog, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *key;
      gint64 id = sqlite3_column_int64 (stmt, 2);
      gint64 *seen;

      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL)
        continue;
      key = g_strconcat ((const char *) sqlite3_column_text (stmt, 0), ":", (const char *) sqlite3_column_text (stmt, 1), NULL);
      seen = g_hash_table_lookup (last, key);
      if (seen && *seen >= id)
        g_free (key);
      else
        g_hash_table_insert (last, key, g_memdup2 (&id, sizeof id));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      mulu_catalog_sql_error (catalog, error);
      return NULL;
    }
  return g_steal_pointer (&last);
}

/* What "changed after submission" is computed from: the last edit of each
 * record (a resource's data items count as the resource), its last
 * decision, and the first submission. */
typedef struct {
  GHashTable *edits;
  GHashTable *decisions;
  gint64      first_submit;
} Changes;

static void
changes_clear (Changes *c)
{
  g_clear_pointer (&c->edits, g_hash_table_unref);
  g_clear_pointer (&c->decisions, g_hash_table_unref);
}

static gboolean
changes_load (MuluCatalog *catalog,
              Changes     *c,
              GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  c->first_submit = 0;
  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), "SELECT MIN(id) FROM change_log WHERE op = 'submit'",
                          -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (catalog, error);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    c->first_submit = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  c->edits = last_entries (catalog,
    "SELECT entity, record_uid, MAX(id) FROM change_log"
    " WHERE op IN " MULU_LOG_EDIT_OPS_SQL " AND entity IN ('department', 'system', 'resource') GROUP BY entity, record_uid"
    " UNION ALL "
    "SELECT 'resource', COALESCE ("
    "  CASE WHEN c.op IN ('add', 'restore') AND json_valid (c.new_value) THEN json_extract (c.new_value, '$.resource')"
    "       WHEN c.op = 'delete' AND json_valid (c.old_value) THEN json_extract (c.old_value, '$.resource') END,"
    "  (SELECT r.uid FROM items i JOIN resources r ON r.id = i.resource_id WHERE i.uid = c.record_uid)), MAX(c.id)"
    " FROM change_log c WHERE c.op IN " MULU_LOG_EDIT_OPS_SQL " AND c.entity = 'item' GROUP BY 2", error);
  if (c->edits == NULL)
    return FALSE;
  c->decisions = last_entries (catalog,
    "SELECT entity, record_uid, MAX(id) FROM change_log WHERE op = 'review' GROUP BY entity, record_uid", error);
  return c->decisions != NULL;
}

static gboolean
changes_has_changed (Changes    *c,
                     MuluEntity  entity,
                     const char *uid)
{
  g_autofree char *key = g_strconcat (mulu_entity_get_info (entity)->kind, ":", uid, NULL);
  gint64 *edit = g_hash_table_lookup (c->edits, key);
  gint64 *decision = g_hash_table_lookup (c->decisions, key);

  if (c->first_submit <= 0 || edit == NULL)
    return FALSE;
  return *edit > (decision ? *decision : c->first_submit);
}

static gint64
count_rows (MuluCatalog *catalog,
            const char  *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/* Approved records edited since their approval go back to the reviewer. */
static gboolean
reset_changed_approvals (MuluCatalog *catalog,
                         GError     **error)
{
  Changes c = { 0 };
  gboolean ok = TRUE;

  if (!changes_load (catalog, &c, error))
    {
      changes_clear (&c);
      return FALSE;
    }
  for (guint k = 0; ok && k < G_N_ELEMENTS (reviewable); k++)
    {
      const MuluEntityInfo *info = mulu_entity_get_info (reviewable[k]);
      g_autofree char *sql = g_strdup_printf ("SELECT t.id, t.uid FROM %s t JOIN reviews v ON v.entity = '%s' AND v.record_id = t.id"
                                              " WHERE v.state = 'approved'", info->table, info->kind);
      sqlite3_stmt *stmt = NULL, *upd = NULL;

      if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL) != SQLITE_OK ||
          sqlite3_prepare_v2 (mulu_catalog_get_db (catalog),
                              "UPDATE reviews SET state = 'submitted' WHERE entity = ? AND record_id = ?", -1, &upd, NULL) != SQLITE_OK)
        ok = mulu_catalog_sql_error (catalog, error);
      while (ok && sqlite3_step (stmt) == SQLITE_ROW)
        {
          if (!changes_has_changed (&c, reviewable[k], (const char *) sqlite3_column_text (stmt, 1)))
            continue;
          sqlite3_reset (upd);
          sqlite3_bind_text (upd, 1, info->kind, -1, SQLITE_STATIC);
          sqlite3_bind_int64 (upd, 2, sqlite3_column_int64 (stmt, 0));
          if (sqlite3_step (upd) != SQLITE_DONE)
            ok = mulu_catalog_sql_error (catalog, error);
        }
      sqlite3_finalize (stmt);
      sqlite3_finalize (upd);
    }
  changes_clear (&c);
  return ok;
}

gboolean
mulu_catalog_submit (MuluCatalog *catalog,
                     GError     **error)
{
  guint64 counts[MULU_N_SEVERITIES];
  g_autofree char *now = mulu_now_iso8601 ();
  g_autoptr(GString) details = g_string_new ("{");
  gboolean first = TRUE;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);

  if (mulu_catalog_is_submitted (catalog))
    return mulu_catalog_ensure_editable (catalog, error);

  /* Domain rule: an error blocks a submission. */
  if (!mulu_findings_are_current (catalog) && !mulu_validate_catalog (catalog, NULL, NULL, NULL, error))
    return FALSE;
  if (!mulu_findings_count (catalog, counts, error))
    return FALSE;
  if (counts[MULU_SEVERITY_ERROR] > 0)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%llu validation error remains; fix it before submitting (the validation list shows where).",
                                "%llu validation errors remain; fix them before submitting (the validation list shows where).",
                                counts[MULU_SEVERITY_ERROR]),
                   (unsigned long long) counts[MULU_SEVERITY_ERROR]);
      return FALSE;
    }

  if (!mulu_catalog_begin (catalog, error))
    return FALSE;
  if (!reset_changed_approvals (catalog, error))
    goto fail;
  for (guint k = 0; k < G_N_ELEMENTS (reviewable); k++)
    {
      const MuluEntityInfo *info = mulu_entity_get_info (reviewable[k]);
      g_autofree char *sql = g_strdup_printf (
        "INSERT INTO reviews (entity, record_id, state) SELECT '%s', t.id, 'submitted' FROM %s t"
        " WHERE NOT EXISTS (SELECT 1 FROM reviews v WHERE v.entity = '%s' AND v.record_id = t.id);"
        "UPDATE reviews SET state = 'submitted' WHERE entity = '%s' AND state IN ('draft', 'returned');",
        info->kind, info->table, info->kind, info->kind);
      g_autofree char *count_sql = g_strdup_printf ("SELECT COUNT(*) FROM %s", info->table);

      if (sqlite3_exec (mulu_catalog_get_db (catalog), sql, NULL, NULL, NULL) != SQLITE_OK)
        {
          mulu_catalog_sql_error (catalog, error);
          goto fail;
        }
      mulu_json_append_key (details, &first, info->table);
      g_string_append_printf (details, "%" G_GINT64_FORMAT, count_rows (catalog, count_sql));
    }
  g_string_append_c (details, '}');

  if (!append (catalog, now, "submit", NULL, NULL, NULL, NULL, details->str, error) ||
      !mulu_catalog_set_meta (catalog, "review.state", "submitted", error) ||
      !mulu_catalog_set_meta (catalog, "review.by", mulu_catalog_get_user (catalog), error) ||
      !mulu_catalog_set_meta (catalog, "review.at", now, error) ||
      !mulu_catalog_commit (catalog, error))
    goto fail;

  for (guint k = 0; k < G_N_ELEMENTS (reviewable); k++)
    mulu_catalog_emit_changed (catalog, reviewable[k], 0, MULU_CHANGE_RESET);
  return TRUE;

fail:
  mulu_catalog_rollback (catalog);
  return FALSE;
}

gboolean
mulu_catalog_reopen (MuluCatalog *catalog,
                     const char  *note,
                     GError     **error)
{
  g_autoptr(GString) details = NULL;
  gboolean first = TRUE;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);

  if (!mulu_catalog_is_submitted (catalog))
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                   _("This catalog is not submitted, so there is nothing to reopen; it can be changed as it is."));
      return FALSE;
    }
  if (note && *note)
    {
      details = g_string_new ("{");
      mulu_json_append_key (details, &first, "note");
      mulu_json_append_string (details, note);
      g_string_append_c (details, '}');
    }
  if (!mulu_catalog_begin (catalog, error))
    return FALSE;
  if (!append (catalog, NULL, "reopen", NULL, NULL, NULL, NULL, details ? details->str : NULL, error) ||
      !mulu_catalog_set_meta (catalog, "review.state", "draft", error) ||
      !mulu_catalog_commit (catalog, error))
    {
      mulu_catalog_rollback (catalog);
      return FALSE;
    }
  return TRUE;
}

/* --- decisions ----------------------------------------------------------- */

/* Did who change this record (or, for a resource, one of its data items)? */
static gboolean
edited_by (MuluCatalog *catalog,
           MuluEntity   entity,
           const char  *uid,
           const char  *who,
           gboolean    *edited,
           GError     **error)
{
  sqlite3_stmt *stmt = mulu_catalog_prepare_cached (catalog,
    "SELECT EXISTS (SELECT 1 FROM change_log WHERE who = ?2 AND op IN " MULU_LOG_EDIT_OPS_SQL
    " AND ((entity = ?3 AND record_uid = ?1) OR (?3 = 'resource' AND " MULU_LOG_ITEM_OF_RESOURCE_SQL ")))", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, who, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, mulu_entity_get_info (entity)->kind, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *edited = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  return rc == SQLITE_ROW ? TRUE : mulu_catalog_sql_error (catalog, error);
}

static gboolean
decide (MuluCatalog     *catalog,
        MuluEntity       entity,
        gint64           id,
        MuluReviewState  state,
        const char      *comment,
        GError         **error)
{
  const char *kind;
  const char *who = mulu_catalog_get_user (catalog);
  g_autoptr(MuluRecord) record = NULL;
  MuluReviewState before = MULU_REVIEW_DRAFT;
  g_autofree char *now = mulu_now_iso8601 ();
  g_autofree char *text = comment ? g_strstrip (g_strdup (comment)) : NULL;
  g_autoptr(GString) details = NULL;
  gboolean first = TRUE;
  sqlite3_stmt *stmt;

  if (!mulu_review_is_reviewable (entity))
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                   _("A data item is reviewed with its resource; approve or return the resource instead."));
      return FALSE;
    }
  kind = mulu_entity_get_info (entity)->kind;
  if ((record = mulu_catalog_get (catalog, entity, id, error)) == NULL)
    return FALSE;
  if (!mulu_catalog_is_submitted (catalog))
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_NOT_PERMITTED,
                   _("This catalog is not submitted; records are reviewed once the clerk has submitted it."));
      return FALSE;
    }
  if (text && *text == '\0')
    g_clear_pointer (&text, g_free);
  if (state == MULU_REVIEW_RETURNED && text == NULL)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                   _("Say why the %s “%s” is returned: returning needs a comment."),
                   mulu_entity_get_label (entity), mulu_record_get_name (record) ? mulu_record_get_name (record) : mulu_record_get_uid (record));
      return FALSE;
    }
  if (state == MULU_REVIEW_APPROVED)
    {
      gboolean edited = FALSE;

      if (!edited_by (catalog, entity, mulu_record_get_uid (record), who, &edited, error))
        return FALSE;
      if (edited)
        {
          g_set_error (error, MULU_ERROR, MULU_ERROR_NOT_PERMITTED,
                       _("%s changed the %s “%s” (id %s), so %s cannot approve it: another reviewer must."),
                       who, mulu_entity_get_label (entity),
                       mulu_record_get_name (record) ? mulu_record_get_name (record) : "",
                       mulu_record_get_uid (record), who);
          return FALSE;
        }
    }
  stmt = mulu_catalog_prepare_cached (catalog, "SELECT state FROM reviews WHERE entity = ? AND record_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    mulu_review_state_from_string ((const char *) sqlite3_column_text (stmt, 0), &before);
  sqlite3_reset (stmt);

  if (text)
    {
      details = g_string_new ("{");
      mulu_json_append_key (details, &first, "comment");
      mulu_json_append_string (details, text);
      g_string_append_c (details, '}');
    }

  if (!mulu_catalog_begin (catalog, error))
    return FALSE;
  if (!append (catalog, now, "review", kind, mulu_record_get_uid (record),
               mulu_review_state_to_string (before), mulu_review_state_to_string (state),
               details ? details->str : NULL, error))
    goto fail;
  stmt = mulu_catalog_prepare_cached (catalog,
    "INSERT OR REPLACE INTO reviews (entity, record_id, state, reviewer, comment, at) VALUES (?, ?, ?, ?, ?, ?)", error);
  if (stmt == NULL)
    goto fail;
  sqlite3_bind_text (stmt, 1, kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, id);
  sqlite3_bind_text (stmt, 3, mulu_review_state_to_string (state), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, who, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, text, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      mulu_catalog_sql_error (catalog, error);
      sqlite3_reset (stmt);
      goto fail;
    }
  sqlite3_reset (stmt);
  if (!mulu_catalog_commit (catalog, error))
    goto fail;
  mulu_catalog_emit_changed (catalog, entity, id, MULU_CHANGE_UPDATED);
  return TRUE;

fail:
  mulu_catalog_rollback (catalog);
  return FALSE;
}

gboolean
mulu_review_approve (MuluCatalog *catalog,
                     MuluEntity   entity,
                     gint64       id,
                     const char  *comment,
                     GError     **error)
{
  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (entity < MULU_N_ENTITIES, FALSE);

  return decide (catalog, entity, id, MULU_REVIEW_APPROVED, comment, error);
}

gboolean
mulu_review_approve_all (MuluCatalog  *catalog,
                         MuluEntity    entity,
                         const gint64 *ids,
                         gsize         n_ids,
                         const char   *comment,
                         GError      **error)
{
  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (entity < MULU_N_ENTITIES, FALSE);
  g_return_val_if_fail (ids != NULL || n_ids == 0, FALSE);

  if (!mulu_catalog_begin (catalog, error))
    return FALSE;
  for (gsize i = 0; i < n_ids; i++)
    if (!decide (catalog, entity, ids[i], MULU_REVIEW_APPROVED, comment, error))
      {
        mulu_catalog_rollback (catalog);
        return FALSE;
      }
  return mulu_catalog_commit (catalog, error);
}

gboolean
mulu_review_return (MuluCatalog *catalog,
                    MuluEntity   entity,
                    gint64       id,
                    const char  *comment,
                    GError     **error)
{
  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (entity < MULU_N_ENTITIES, FALSE);

  return decide (catalog, entity, id, MULU_REVIEW_RETURNED, comment, error);
}

/* --- reading ------------------------------------------------------------- */

static MuluReview *
read_review (MuluEntity    entity,
             sqlite3_stmt *stmt)
{
  MuluReview *r = g_new0 (MuluReview, 1);

  r->entity = entity;
  r->record_id = sqlite3_column_int64 (stmt, 0);
  r->uid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  r->name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  if (!mulu_review_state_from_string ((const char *) sqlite3_column_text (stmt, 3), &r->state))
    r->state = MULU_REVIEW_DRAFT;
  r->reviewer = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  r->comment = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
  r->at = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  return r;
}

static char *
review_sql (MuluEntity  entity,
            const char *where)
{
  const MuluEntityInfo *info = mulu_entity_get_info (entity);

  return g_strdup_printf ("SELECT t.id, t.uid, t.name, v.state, v.reviewer, v.comment, v.at FROM %s t"
                          " LEFT JOIN reviews v ON v.entity = '%s' AND v.record_id = t.id%s ORDER BY t.id",
                          info->table, info->kind, where);
}

MuluReview *
mulu_review_get (MuluCatalog *catalog,
                 MuluEntity   entity,
                 gint64       id,
                 GError     **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt = NULL;
  MuluReview *review = NULL;
  Changes c = { 0 };
  int rc;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (entity < MULU_N_ENTITIES, NULL);

  sql = review_sql (entity, " WHERE t.id = ?");
  if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      mulu_catalog_sql_error (catalog, error);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    review = read_review (entity, stmt);
  else if (rc == SQLITE_DONE)
    g_set_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND,
                 _("There is no %s number %lld in this catalog."), mulu_entity_get_label (entity), (long long) id);
  else
    mulu_catalog_sql_error (catalog, error);
  sqlite3_finalize (stmt);
  if (review == NULL)
    return NULL;

  if (!changes_load (catalog, &c, error))
    {
      changes_clear (&c);
      mulu_review_free (review);
      return NULL;
    }
  review->changed = changes_has_changed (&c, entity, review->uid);
  changes_clear (&c);
  return review;
}

static gboolean
matches (MuluReview      *r,
         MuluReviewFilter filter)
{
  switch (filter)
    {
    case MULU_REVIEW_FILTER_ALL:
      return TRUE;
    case MULU_REVIEW_FILTER_UNREVIEWED:
      return r->state == MULU_REVIEW_SUBMITTED || r->state == MULU_REVIEW_DRAFT;
    case MULU_REVIEW_FILTER_RETURNED:
      return r->state == MULU_REVIEW_RETURNED;
    case MULU_REVIEW_FILTER_APPROVED:
      return r->state == MULU_REVIEW_APPROVED;
    case MULU_REVIEW_FILTER_CHANGED:
      return r->changed;
    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

GPtrArray *
mulu_review_list (MuluCatalog     *catalog,
                  MuluEntity       entity,
                  MuluReviewFilter filter,
                  GError         **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) mulu_review_free);
  Changes c = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), NULL);
  g_return_val_if_fail (entity <= MULU_N_ENTITIES, NULL);

  if (!changes_load (catalog, &c, error))
    {
      changes_clear (&c);
      return NULL;
    }
  for (guint k = 0; ok && k < G_N_ELEMENTS (reviewable); k++)
    {
      g_autofree char *sql = NULL;
      sqlite3_stmt *stmt = NULL;
      int rc;

      if (entity != MULU_N_ENTITIES && entity != reviewable[k])
        continue;
      sql = review_sql (reviewable[k], "");
      if (sqlite3_prepare_v2 (mulu_catalog_get_db (catalog), sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          ok = mulu_catalog_sql_error (catalog, error);
          break;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          MuluReview *r = read_review (reviewable[k], stmt);

          r->changed = changes_has_changed (&c, reviewable[k], r->uid);
          if (matches (r, filter))
            g_ptr_array_add (out, r);
          else
            mulu_review_free (r);
        }
      if (rc != SQLITE_DONE)
        ok = mulu_catalog_sql_error (catalog, error);
      sqlite3_finalize (stmt);
    }
  changes_clear (&c);
  return ok ? g_steal_pointer (&out) : NULL;
}

MuluReviewSummary *
mulu_review_summary (MuluCatalog *catalog,
                     GError     **error)
{
  g_autoptr(MuluReviewSummary) summary = g_new0 (MuluReviewSummary, 1);
  g_autoptr(GPtrArray) all = NULL;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), NULL);

  if ((all = mulu_review_list (catalog, MULU_N_ENTITIES, MULU_REVIEW_FILTER_ALL, error)) == NULL)
    return NULL;
  summary->submitted = mulu_catalog_is_submitted (catalog);
  summary->submitted_by = mulu_catalog_dup_meta (catalog, "review.by");
  summary->submitted_at = mulu_catalog_dup_meta (catalog, "review.at");
  summary->comments = g_ptr_array_new_with_free_func ((GDestroyNotify) mulu_review_free);
  for (guint i = 0; i < all->len; i++)
    {
      MuluReview *r = g_ptr_array_index (all, i);

      summary->counts[r->state]++;
      if (r->changed)
        summary->changed++;
      /* Moved, not copied; the list frees what is left. */
      if (r->comment)
        {
          g_ptr_array_add (summary->comments, r);
          g_ptr_array_index (all, i) = NULL;
        }
    }
  return g_steal_pointer (&summary);
}
