/* mulu-package-writer.c — export a catalog as a package
 *
 * Streams: one record in memory at a time, written in 1 MiB chunks to a
 * temporary file that replaces the target only once it is complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-json-out.h"
#include "mulu-log-private.h"
#include "mulu-package.h"
#include "mulu-store.h"

typedef char *(*RefResolver) (gpointer   data,
                              MuluEntity entity,
                              gint64     id);

gboolean
mulu_record_is_secret (MuluRecord *record)
{
  return mulu_record_get_entity (record) == MULU_ENTITY_RESOURCE &&
         g_strcmp0 (mulu_record_get_string (record, MULU_RESOURCE_SECRECY), "涉密") == 0;
}

gboolean
mulu_secrecy_field_may_leave (MuluEntity       entity,
                              const MuluField *field)
{
  /* What may be said of a 涉密 resource: its own name, code and
   * classification, and who provides it (the department's name and code).
   * Its system and its data items never leave. */
  if (entity != MULU_ENTITY_RESOURCE && entity != MULU_ENTITY_DEPARTMENT)
    return FALSE;
  return (field->flags & MULU_FIELD_FLAG_SECRET_SAFE) != 0;
}

static void
append_value (GString         *out,
              const MuluField *f,
              GVariant        *v,
              RefResolver      resolve,
              gpointer         data)
{
  switch (f->type)
    {
    case MULU_FIELD_TEXT:
    case MULU_FIELD_DATE:
      mulu_json_append_string (out, g_variant_get_string (v, NULL));
      break;
    case MULU_FIELD_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, g_variant_get_int64 (v));
      break;
    case MULU_FIELD_REAL:
      mulu_json_append_double (out, g_variant_get_double (v));
      break;
    case MULU_FIELD_BOOL:
      g_string_append (out, g_variant_get_boolean (v) ? "true" : "false");
      break;
    case MULU_FIELD_LIST:
      {
        GVariantIter iter;
        const char *s;
        gboolean first = TRUE;

        g_string_append_c (out, '[');
        g_variant_iter_init (&iter, v);
        while (g_variant_iter_next (&iter, "&s", &s))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            mulu_json_append_string (out, s);
          }
        g_string_append_c (out, ']');
      }
      break;
    case MULU_FIELD_REF:
      {
        g_autofree char *uid = resolve (data, f->ref, g_variant_get_int64 (v));
        if (uid)
          mulu_json_append_string (out, uid);
        else
          g_string_append (out, "null");
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Appends one package line (without the newline). The extra_json objects
 * (zombie review, review) are appended verbatim when given. */
static void
append_record (GString    *out,
               MuluRecord *record,
               RefResolver resolve,
               gpointer    data,
               const char *zombie_json,
               const char *review_json)
{
  const MuluEntityInfo *info = mulu_record_get_info (record);
  gboolean secret = mulu_record_is_secret (record);
  gboolean first = TRUE;
  const char *extra;

  g_string_append_c (out, '{');
  mulu_json_append_key (out, &first, "kind");
  mulu_json_append_string (out, info->kind);
  mulu_json_append_key (out, &first, "id");
  mulu_json_append_string (out, mulu_record_get_uid (record));

  for (guint i = 0; i < info->n_fields; i++)
    {
      const MuluField *f = &info->fields[i];

      if (secret && !mulu_secrecy_field_may_leave (info->entity, f))
        continue;

      if (f->group == NULL)
        {
          GVariant *v = mulu_record_get_value (record, i);
          if (v == NULL)
            continue;
          mulu_json_append_key (out, &first, f->key);
          append_value (out, f, v, resolve, data);
          continue;
        }

      /* A group is written once, at its first member. */
      if (i > 0 && g_strcmp0 (info->fields[i - 1].group, f->group) == 0)
        continue;
      {
        gboolean is_array = g_str_equal (f->group, "classification");
        guint end = i, last_set = G_MAXUINT;
        gboolean member_first = TRUE;

        while (end < info->n_fields && g_strcmp0 (info->fields[end].group, f->group) == 0)
          {
            if (mulu_record_get_value (record, end) &&
                !(secret && !mulu_secrecy_field_may_leave (info->entity, &info->fields[end])))
              last_set = end;
            end++;
          }
        if (last_set == G_MAXUINT)
          continue;

        mulu_json_append_key (out, &first, f->group);
        g_string_append_c (out, is_array ? '[' : '{');
        for (guint j = i; j <= last_set; j++)
          {
            GVariant *v = mulu_record_get_value (record, j);
            if (is_array)
              {
                if (j > i)
                  g_string_append_c (out, ',');
                if (v)
                  append_value (out, &info->fields[j], v, resolve, data);
                else
                  g_string_append (out, "\"\"");
              }
            else if (v)
              {
                mulu_json_append_key (out, &member_first, info->fields[j].key);
                append_value (out, &info->fields[j], v, resolve, data);
              }
          }
        g_string_append_c (out, is_array ? ']' : '}');
      }
    }

  if (zombie_json && !secret)
    {
      mulu_json_append_key (out, &first, "zombie_review");
      g_string_append (out, zombie_json);
    }
  /* A review comment is free text about the record: for a 涉密 record it
   * could say anything, so it stays with the record. */
  if (review_json && !secret)
    {
      mulu_json_append_key (out, &first, "review");
      g_string_append (out, review_json);
    }

  /* Keys this Mulu did not know, kept from the package they came in. */
  extra = mulu_record_get_extra (record);
  if (extra && !secret)
    {
      const char *open = strchr (extra, '{');
      const char *close = strrchr (extra, '}');
      if (open && close && close > open + 1)
        {
          g_string_append_c (out, ',');
          g_string_append_len (out, open + 1, close - open - 1);
        }
    }
  g_string_append_c (out, '}');
}

static char *
resolve_by_query (gpointer   data,
                  MuluEntity entity,
                  gint64     id)
{
  return mulu_catalog_dup_uid (MULU_CATALOG (data), entity, id);
}

char *
mulu_package_record_to_json (MuluCatalog *catalog,
                             MuluRecord  *record)
{
  GString *out = g_string_new (NULL);

  append_record (out, record, resolve_by_query, catalog, NULL, NULL);
  return g_string_free (out, FALSE);
}

/* --- export ------------------------------------------------------------ */

typedef struct
{
  MuluCatalog       *catalog;
  sqlite3           *db;
  GOutputStream     *stream;
  GString           *buf;
  GHashTable        *uids[MULU_N_ENTITIES]; /* rowid → uid, for references */
  sqlite3_stmt      *zombie_stmt;
  sqlite3_stmt      *review_stmt;
  gboolean           has_reviews;
  GCancellable      *cancellable;
  MuluProgressFunc   progress;
  gpointer           progress_data;
  guint64            done;
  guint64            total;
} Export;

static char *
resolve_from_maps (gpointer   data,
                   MuluEntity entity,
                   gint64     id)
{
  Export *x = data;
  const char *uid = x->uids[entity] ? g_hash_table_lookup (x->uids[entity], &id) : NULL;

  return g_strdup (uid);
}

static gboolean
flush_buf (Export  *x,
           gboolean force,
           GError **error)
{
  if (x->buf->len == 0 || (!force && x->buf->len < (1 << 20)))
    return TRUE;
  if (!g_output_stream_write_all (x->stream, x->buf->str, x->buf->len, NULL, x->cancellable, error))
    return FALSE;
  g_string_truncate (x->buf, 0);
  return TRUE;
}

static gboolean
load_uids (Export    *x,
           MuluEntity entity,
           GError   **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, uid FROM %s", mulu_entity_get_info (entity)->table);
  sqlite3_stmt *stmt = NULL;
  int rc;

  x->uids[entity] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (sqlite3_prepare_v2 (x->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (x->catalog, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (x->uids[entity], g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  return rc == SQLITE_DONE ? TRUE : mulu_catalog_sql_error (x->catalog, error);
}

/* Row ids in an order where every record comes after the record its
 * self-reference (parent department, replaced-by system) points to, since a
 * package may only refer to earlier lines. */
static GArray *
referents_first (Export     *x,
                 MuluEntity  entity,
                 const char *ref_column,
                 GError    **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT id, %s FROM %s ORDER BY id", ref_column, mulu_entity_get_info (entity)->table);
  g_autoptr(GHashTable) ref_of = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  g_autoptr(GHashTable) placed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *order = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (x->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      mulu_catalog_sql_error (x->catalog, error);
      g_array_unref (order);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        g_hash_table_insert (ref_of, g_memdup2 (&id, sizeof id),
                             g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 1) }, sizeof (gint64)));
    }
  sqlite3_finalize (stmt);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GArray) chain = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 id = g_array_index (ids, gint64, i);

      /* Walk up to the first placed referent (the catalog refuses loops,
       * and the length bound guards against one made outside Mulu). */
      while (!g_hash_table_contains (placed, &id) && chain->len <= ids->len)
        {
          gint64 *ref = g_hash_table_lookup (ref_of, &id);
          g_array_append_val (chain, id);
          if (ref == NULL)
            break;
          id = *ref;
        }
      for (guint j = chain->len; j > 0; j--)
        {
          gint64 c = g_array_index (chain, gint64, j - 1);
          if (g_hash_table_add (placed, g_memdup2 (&c, sizeof c)))
            g_array_append_val (order, c);
        }
    }
  return order;
}

static char *
zombie_json_for (Export *x,
                 gint64  system_id)
{
  static const char * const keys[] = { "decision", "disposition", "planned_date", "note" };
  GString *out;
  gboolean first = TRUE;

  sqlite3_reset (x->zombie_stmt);
  sqlite3_bind_int64 (x->zombie_stmt, 1, system_id);
  if (sqlite3_step (x->zombie_stmt) != SQLITE_ROW)
    return NULL;
  out = g_string_new ("{");
  for (int i = 0; i < 4; i++)
    {
      mulu_json_append_key (out, &first, keys[i]);
      if (sqlite3_column_type (x->zombie_stmt, i) == SQLITE_NULL)
        g_string_append (out, "null");
      else
        mulu_json_append_string (out, (const char *) sqlite3_column_text (x->zombie_stmt, i));
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static char *
review_json_for (Export     *x,
                 MuluEntity  entity,
                 gint64      id)
{
  static const char * const keys[] = { "state", "reviewer", "comment", "at" };
  GString *out;
  gboolean first = TRUE;

  if (!x->has_reviews)
    return NULL;
  sqlite3_reset (x->review_stmt);
  sqlite3_bind_text (x->review_stmt, 1, mulu_entity_get_info (entity)->kind, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (x->review_stmt, 2, id);
  if (sqlite3_step (x->review_stmt) != SQLITE_ROW)
    return NULL;
  out = g_string_new ("{");
  for (int i = 0; i < 4; i++)
    {
      if (sqlite3_column_type (x->review_stmt, i) == SQLITE_NULL)
        continue;
      mulu_json_append_key (out, &first, keys[i]);
      mulu_json_append_string (out, (const char *) sqlite3_column_text (x->review_stmt, i));
    }
  g_string_append_c (out, '}');
  return g_string_free (out, FALSE);
}

static gboolean
write_record (Export     *x,
              MuluRecord *record,
              GError    **error)
{
  MuluEntity entity = mulu_record_get_entity (record);
  g_autofree char *zombie = NULL;
  g_autofree char *review = NULL;

  if (entity == MULU_ENTITY_SYSTEM)
    zombie = zombie_json_for (x, mulu_record_get_id (record));
  review = review_json_for (x, entity, mulu_record_get_id (record));

  append_record (x->buf, record, resolve_from_maps, x, zombie, review);
  g_string_append_c (x->buf, '\n');

  x->done++;
  if (x->progress && (x->done & 0xffff) == 0)
    x->progress ((double) x->done / (double) MAX (x->total, 1), _("Writing the package"), x->progress_data);
  if ((x->done & 0xfff) == 0 && g_cancellable_set_error_if_cancelled (x->cancellable, error))
    return FALSE;
  return flush_buf (x, FALSE, error);
}

static gboolean
write_change (const char *line,
              gsize       length,
              gpointer    data,
              GError    **error)
{
  Export *x = data;

  g_string_append_len (x->buf, line, (gssize) length);
  g_string_append_c (x->buf, '\n');
  return flush_buf (x, FALSE, error);
}

static gboolean
write_in_order (Export    *x,
                MuluEntity entity,
                GArray    *order,
                GError   **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM %s WHERE id = ?",
                                          mulu_store_select_columns (entity), mulu_entity_get_info (entity)->table);
  sqlite3_stmt *stmt = NULL;
  gboolean ok = TRUE;

  if (sqlite3_prepare_v2 (x->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (x->catalog, error);
  for (guint i = 0; ok && i < order->len; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, g_array_index (order, gint64, i));
      if (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(MuluRecord) record = mulu_store_read_row (entity, stmt);
          ok = write_record (x, record, error);
        }
    }
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
write_resources (Export  *x,
                 GError **error)
{
  g_autofree char *rsql = g_strdup_printf ("SELECT %s FROM resources ORDER BY id", mulu_store_select_columns (MULU_ENTITY_RESOURCE));
  g_autofree char *isql = g_strdup_printf ("SELECT %s FROM items WHERE resource_id = ? ORDER BY id", mulu_store_select_columns (MULU_ENTITY_ITEM));
  sqlite3_stmt *rstmt = NULL, *istmt = NULL;
  gboolean ok = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (x->db, rsql, -1, &rstmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (x->db, isql, -1, &istmt, NULL) != SQLITE_OK)
    {
      sqlite3_finalize (rstmt);
      return mulu_catalog_sql_error (x->catalog, error);
    }

  while (ok && (rc = sqlite3_step (rstmt)) == SQLITE_ROW)
    {
      g_autoptr(MuluRecord) resource = mulu_store_read_row (MULU_ENTITY_RESOURCE, rstmt);

      ok = write_record (x, resource, error);
      /* A 涉密 resource leaves only its existence; its items stay. */
      if (!ok || mulu_record_is_secret (resource))
        continue;

      sqlite3_reset (istmt);
      sqlite3_bind_int64 (istmt, 1, mulu_record_get_id (resource));
      while (ok && sqlite3_step (istmt) == SQLITE_ROW)
        {
          g_autoptr(MuluRecord) item = mulu_store_read_row (MULU_ENTITY_ITEM, istmt);
          ok = write_record (x, item, error);
        }
    }
  if (ok && rc != SQLITE_DONE)
    ok = mulu_catalog_sql_error (x->catalog, error);
  sqlite3_finalize (rstmt);
  sqlite3_finalize (istmt);
  return ok;
}

gboolean
mulu_package_export (MuluCatalog      *catalog,
                     const char       *path,
                     GCancellable     *cancellable,
                     MuluProgressFunc  progress,
                     gpointer          progress_data,
                     GError          **error)
{
  Export x = { 0 };
  g_autofree char *dir = NULL, *base = NULL, *tmp = NULL, *display = NULL, *now = NULL;
  g_autoptr(GFile) tmp_file = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFileOutputStream) fstream = NULL;
  g_autoptr(GArray) departments = NULL;
  g_autoptr(GArray) systems = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean in_read_tx = FALSE;
  gboolean ok = FALSE;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  x.catalog = catalog;
  x.db = mulu_catalog_get_db (catalog);
  x.cancellable = cancellable;
  x.progress = progress;
  x.progress_data = progress_data;
  x.buf = g_string_sized_new (1 << 21);

  display = g_filename_display_name (path);
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.%08x.tmp", dir, G_DIR_SEPARATOR, base, g_random_int ());
  tmp_file = g_file_new_for_path (tmp);
  target = g_file_new_for_path (path);

  fstream = g_file_create (tmp_file, G_FILE_CREATE_PRIVATE, cancellable, &local_error);
  if (fstream == NULL)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_IO,
                   _("Cannot write “%s”: %s. Check that the folder exists and that you may write in it."),
                   display, local_error->message);
      g_string_free (x.buf, TRUE);
      return FALSE;
    }
  x.stream = G_OUTPUT_STREAM (fstream);

  /* One read transaction: the package is a snapshot even if the catalog
   * changes meanwhile on another connection. */
  if (sqlite3_get_autocommit (x.db))
    in_read_tx = sqlite3_exec (x.db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;

  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    {
      gint64 n = mulu_catalog_count (catalog, e, &local_error);
      if (n < 0)
        goto out;
      x.total += (guint64) n;
    }

  if (!load_uids (&x, MULU_ENTITY_DEPARTMENT, &local_error) ||
      !load_uids (&x, MULU_ENTITY_SYSTEM, &local_error) ||
      !load_uids (&x, MULU_ENTITY_RESOURCE, &local_error))
    goto out;

  if (sqlite3_prepare_v2 (x.db, "SELECT decision, disposition, planned_date, note FROM zombie_reviews WHERE system_id = ?",
                          -1, &x.zombie_stmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (x.db, "SELECT state, reviewer, comment, at FROM reviews WHERE entity = ? AND record_id = ?",
                          -1, &x.review_stmt, NULL) != SQLITE_OK)
    {
      mulu_catalog_sql_error (catalog, &local_error);
      goto out;
    }
  {
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2 (x.db, "SELECT EXISTS (SELECT 1 FROM reviews)", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step (stmt) == SQLITE_ROW)
      x.has_reviews = sqlite3_column_int (stmt, 0) != 0;
    sqlite3_finalize (stmt);
  }

  now = mulu_now_iso8601 ();
  g_string_append_printf (x.buf, "{\"kind\":\"mulu-package\",\"version\":%d,\"generator\":\"mulu %s\",\"created\":\"%s\"}\n",
                          MULU_PACKAGE_VERSION, PACKAGE_VERSION, now);

  if ((departments = referents_first (&x, MULU_ENTITY_DEPARTMENT, "parent_id", &local_error)) == NULL ||
      !write_in_order (&x, MULU_ENTITY_DEPARTMENT, departments, &local_error) ||
      (systems = referents_first (&x, MULU_ENTITY_SYSTEM, "replaced_by_id", &local_error)) == NULL ||
      !write_in_order (&x, MULU_ENTITY_SYSTEM, systems, &local_error) ||
      !write_resources (&x, &local_error) ||
      /* The history last: it names records of every kind, and a reader
       * that does not know "change" lines skips them with a warning. */
      !mulu_log_export_lines (catalog, write_change, &x, &local_error) ||
      !flush_buf (&x, TRUE, &local_error) ||
      !g_output_stream_close (x.stream, cancellable, &local_error))
    goto out;

  if (!g_file_move (tmp_file, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    NULL, NULL, NULL, &local_error))
    goto out;

  if (progress)
    progress (1.0, _("Package written"), progress_data);
  ok = TRUE;

out:
  if (in_read_tx)
    sqlite3_exec (x.db, "COMMIT", NULL, NULL, NULL);
  sqlite3_finalize (x.zombie_stmt);
  sqlite3_finalize (x.review_stmt);
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    g_clear_pointer (&x.uids[e], g_hash_table_unref);
  g_string_free (x.buf, TRUE);
  if (!ok)
    {
      g_output_stream_close (G_OUTPUT_STREAM (fstream), NULL, NULL);
      g_unlink (tmp);
      if (local_error && local_error->domain == MULU_ERROR)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (local_error && g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_set_error (error, MULU_ERROR, MULU_ERROR_CANCELLED, _("The export was cancelled; “%s” was not changed."), display);
      else
        g_set_error (error, MULU_ERROR, MULU_ERROR_IO,
                     _("Cannot write “%s”: %s. The previous file, if any, is unchanged."),
                     display, local_error ? local_error->message : _("unknown error"));
    }
  return ok;
}
