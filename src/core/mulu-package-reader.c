/* mulu-package-reader.c — import a package, all or nothing
 *
 * Lines are read in 1 MiB blocks and parsed one at a time with json-glib, so
 * memory stays bounded whatever the package's size. Everything happens in
 * one transaction: the first fatal problem rolls back and the catalog is
 * exactly as it was. Records are bound straight from the parsed JSON into
 * prepared statements; no record objects are built on this path.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-json-out.h"
#include "mulu-log-private.h"
#include "mulu-package.h"
#include "mulu-package-reader-private.h"
#include "mulu-schema.h"
#include "mulu-store.h"
#include "mulu-value.h"

#define BLOCK_SIZE (1 << 20)
#define MAX_LINE (16 << 20)


void
mulu_import_report_free (MuluImportReport *report)
{
  if (report == NULL)
    return;
  g_free (report->path);
  g_free (report->sha256);
  g_clear_pointer (&report->warnings, g_ptr_array_unref);
  g_free (report);
}

static void
issue_free (gpointer data)
{
  MuluImportIssue *issue = data;

  g_free (issue->field);
  g_free (issue->message);
  g_free (issue);
}

void
mulu_import_warn (Import     *im,
      const char *field,
      char       *message)
{
  im->report->n_warnings++;
  if (im->report->warnings->len < MULU_IMPORT_MAX_WARNINGS)
    {
      MuluImportIssue *issue = g_new0 (MuluImportIssue, 1);
      issue->line = im->line;
      issue->field = g_strdup (field);
      issue->message = message;
      g_ptr_array_add (im->report->warnings, issue);
    }
  else
    g_free (message);
}

/* Every fatal message has the same shape: where, what, and what to do. */
gboolean
mulu_import_fatal (Import     *im,
       GError    **error,
       const char *field,
       const char *format,
       ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (field)
    g_set_error (error, MULU_ERROR, MULU_ERROR_PACKAGE,
                 _("%s, line %llu, field “%s”: %s Nothing was imported."),
                 im->display, (unsigned long long) im->line, field, what);
  else
    g_set_error (error, MULU_ERROR, MULU_ERROR_PACKAGE,
                 _("%s, line %llu: %s Nothing was imported."),
                 im->display, (unsigned long long) im->line, what);
  return FALSE;
}

static gboolean
duplicate_id (Import     *im,
              MuluEntity  entity,
              const char *uid,
              GError    **error)
{
  const MuluEntityInfo *info = mulu_entity_get_info (entity);
  g_autofree char *sql = g_strdup_printf ("SELECT id FROM %s WHERE uid = ?", info->table);
  sqlite3_stmt *stmt = NULL;
  gboolean in_package = FALSE;

  if (entity != MULU_ENTITY_ITEM)
    in_package = g_hash_table_contains (im->ids[entity], uid);
  else if (sqlite3_prepare_v2 (im->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        in_package = sqlite3_column_int64 (stmt, 0) > im->max_item_before;
      sqlite3_finalize (stmt);
    }

  if (in_package)
    return mulu_import_fatal (im, error, "id", _("the %s id “%s” is used twice in this package; every record needs its own id."),
                  mulu_entity_get_label (entity), uid);
  return mulu_import_fatal (im, error, "id",
                _("the catalog already holds a %s with id “%s”. Import this package into a new catalog, or merge it instead."),
                mulu_entity_get_label (entity), uid);
}

/* Keys the entity does not know are kept on the record (and written back on
 * export) and reported as warnings. */
static char *
collect_unknown_keys (Import     *im,
                      MuluEntity  entity,
                      JsonObject *o)
{
  g_autoptr(JsonNode) extra_node = NULL;
  JsonObject *extra = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  json_object_iter_init (&iter, o);
  while (json_object_iter_next (&iter, &name, &member))
    {
      if (g_hash_table_contains (im->known_keys[entity], name))
        continue;
      if (extra == NULL)
        extra = json_object_new ();
      json_object_set_member (extra, name, json_node_copy (member));
      mulu_import_warn (im, name, g_strdup_printf (_("Line %llu: the key “%s” is not a field of a %s record; it was kept as it is."),
                                       (unsigned long long) im->line, name, mulu_entity_get_label (entity)));
    }
  if (extra == NULL)
    return NULL;
  extra_node = json_node_init_object (json_node_alloc (), extra);
  json_object_unref (extra);
  return json_to_string (extra_node, FALSE);
}

/* A line of the package's history: appended to this catalog's log, in
 * order, with its time and author as they were (docs/package-format.md). */
static gboolean
import_change (Import     *im,
               JsonObject *o,
               GError    **error)
{
  static const char * const known[] = { "kind", "at", "who", "op", "entity", "record", "field", "old", "new", "details", NULL };
  const char *texts[MULU_LOG_N_TEXTS];
  const char *bad_key = NULL;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  if (!mulu_log_texts_from_json (o, texts, &bad_key))
    return mulu_import_fatal (im, error, bad_key,
                              _("a change needs \"at\", \"who\" and \"op\" as text, and text or null for its other keys."));
  json_object_iter_init (&iter, o);
  while (json_object_iter_next (&iter, &name, &member))
    if (!g_strv_contains (known, name))
      mulu_import_warn (im, name, g_strdup_printf (_("Line %llu: the key “%s” is not part of a change; it was left out."),
                                                   (unsigned long long) im->line, name));
  if (!mulu_log_append (im->catalog, texts, error))
    return FALSE;
  im->report->changes++;
  if (g_str_equal (texts[MULU_LOG_OP], "submit") || g_str_equal (texts[MULU_LOG_OP], "reopen"))
    {
      g_free (im->state_op);
      g_free (im->state_who);
      g_free (im->state_at);
      im->state_op = g_strdup (texts[MULU_LOG_OP]);
      im->state_who = g_strdup (texts[MULU_LOG_WHO]);
      im->state_at = g_strdup (texts[MULU_LOG_AT]);
    }
  return TRUE;
}

static gboolean
import_record (Import     *im,
               JsonObject *o,
               GError    **error)
{
  const MuluEntityInfo *info;
  JsonNode *kind_node, *id_node;
  const char *kind, *uid;
  sqlite3_stmt *stmt;
  guint n_known = 2; /* kind, id */
  gint64 rowid;
  int rc;

  kind_node = json_object_get_member (o, "kind");
  if (kind_node == NULL || !mulu_import_is_value_of (kind_node, G_TYPE_STRING))
    return mulu_import_fatal (im, error, "kind", _("every line needs a \"kind\": department, system, resource or item."));
  kind = json_node_get_string (kind_node);
  info = mulu_entity_from_kind (kind);
  if (info == NULL && g_str_equal (kind, "change"))
    return import_change (im, o, error);
  if (info == NULL)
    {
      if (g_str_equal (kind, "mulu-package"))
        return mulu_import_fatal (im, error, "kind", _("a second header line; a package has one header, on line 1."));
      mulu_import_warn (im, "kind", g_strdup_printf (_("Line %llu: records of kind “%s” are not known to this Mulu and were skipped."),
                                         (unsigned long long) im->line, kind));
      return TRUE;
    }

  id_node = json_object_get_member (o, "id");
  if (id_node == NULL || !mulu_import_is_value_of (id_node, G_TYPE_STRING) || *json_node_get_string (id_node) == '\0')
    return mulu_import_fatal (im, error, "id", _("every record needs an \"id\" as text, unique among the package’s records of its kind."));
  uid = json_node_get_string (id_node);

  stmt = im->insert[info->entity];
  sqlite3_reset (stmt);
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_STATIC);

  for (guint i = 0; i < info->n_fields; i++)
    {
      const MuluField *f = &info->fields[i];
      gboolean ok;

      if (f->group)
        {
          JsonNode *group = json_object_get_member (o, f->group);
          if (group && (i == 0 || g_strcmp0 (info->fields[i - 1].group, f->group) != 0))
            n_known++;
          ok = mulu_import_bind_group_member (im, stmt, (int) i + 2, f, group, error);
        }
      else
        {
          JsonNode *node = json_object_get_member (o, f->key);
          if (node)
            n_known++;
          ok = mulu_import_bind_field (im, stmt, (int) i + 2, f, f->key, node, error);
        }
      if (!ok)
        return FALSE;
    }

  if (json_object_has_member (o, "review"))
    n_known++;
  if (info->entity == MULU_ENTITY_SYSTEM && json_object_has_member (o, "zombie_review"))
    n_known++;

  if (n_known < json_object_get_size (o))
    sqlite3_bind_text (stmt, (int) info->n_fields + 2, collect_unknown_keys (im, info->entity, o), -1, g_free);
  else
    sqlite3_bind_null (stmt, (int) info->n_fields + 2);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT)
    return duplicate_id (im, info->entity, uid, error);
  if (rc != SQLITE_DONE)
    return mulu_catalog_sql_error (im->catalog, error);
  rowid = sqlite3_last_insert_rowid (im->db);

  if (info->entity != MULU_ENTITY_ITEM)
    {
      g_hash_table_insert (im->ids[info->entity], g_strdup (uid), g_memdup2 (&rowid, sizeof rowid));
    }
  im->report->counts[info->entity]++;

  if (info->entity == MULU_ENTITY_SYSTEM &&
      !mulu_import_zombie_review (im, rowid, json_object_get_member (o, "zombie_review"), error))
    return FALSE;
  if (!mulu_import_review (im, info->entity, rowid, json_object_get_member (o, "review"), error))
    return FALSE;
  return TRUE;
}

static gboolean
import_header (Import     *im,
               JsonObject *o,
               GError    **error)
{
  JsonNode *kind = json_object_get_member (o, "kind");
  JsonNode *version = json_object_get_member (o, "version");

  if (kind == NULL || !mulu_import_is_value_of (kind, G_TYPE_STRING) || !g_str_equal (json_node_get_string (kind), "mulu-package"))
    return mulu_import_fatal (im, error, NULL,
                  _("the first line must be the package header {\"kind\":\"mulu-package\",\"version\":1,…}; this file does not start with one, so it is not a Mulu package."));
  if (version == NULL || !mulu_import_is_value_of (version, G_TYPE_INT64))
    return mulu_import_fatal (im, error, "version", _("the header needs a \"version\" number."));
  if (json_node_get_int (version) != MULU_PACKAGE_VERSION)
    return mulu_import_fatal (im, error, "version",
                  _("this package has format version %lld, but this Mulu reads version %d. Update Mulu, or ask the sender for a version %d package."),
                  (long long) json_node_get_int (version), MULU_PACKAGE_VERSION, MULU_PACKAGE_VERSION);
  im->seen_header = TRUE;
  return TRUE;
}

static gboolean
import_line (Import     *im,
             char       *line,
             gsize       len,
             GError    **error)
{
  g_autoptr(GError) parse_error = NULL;
  const char *bad = NULL;
  JsonNode *root;

  if (len > 0 && line[len - 1] == '\r')
    line[--len] = '\0';
  if (len == 0 || strspn (line, " \t") == len)
    return TRUE;

  /* json-glib refuses text that is not UTF-8; only then is it worth
   * finding the bad byte for the message. */
  if (!json_parser_load_from_data (im->parser, line, (gssize) len, &parse_error))
    {
      if (!g_utf8_validate_len (line, len, &bad))
        return mulu_import_fatal (im, error, NULL,
                      _("the text is not UTF-8 (at byte %llu of the line). Save the package as UTF-8 and import it again."),
                      (unsigned long long) (bad - line) + 1);
      return mulu_import_fatal (im, error, NULL, _("this line is not valid JSON (%s). Each line must be one complete JSON object."),
                    parse_error->message);
    }
  root = json_parser_get_root (im->parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return mulu_import_fatal (im, error, NULL, _("this line is %s, not a JSON object. Each line must be one object in braces {…}."),
                  root ? mulu_import_node_type_name (root) : _("empty"));

  if (!im->seen_header)
    return import_header (im, json_node_get_object (root), error);
  return import_record (im, json_node_get_object (root), error);
}

static void
build_known_keys (Import *im)
{
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    {
      const MuluEntityInfo *info = mulu_entity_get_info (e);
      im->known_keys[e] = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_add (im->known_keys[e], (gpointer) "kind");
      g_hash_table_add (im->known_keys[e], (gpointer) "id");
      g_hash_table_add (im->known_keys[e], (gpointer) "review");
      if (e == MULU_ENTITY_SYSTEM)
        g_hash_table_add (im->known_keys[e], (gpointer) "zombie_review");
      for (guint i = 0; i < info->n_fields; i++)
        g_hash_table_add (im->known_keys[e], (gpointer) (info->fields[i].group ? info->fields[i].group : info->fields[i].key));
    }
}

static gboolean
prepare (Import  *im,
         GError **error)
{
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    if (sqlite3_prepare_v2 (im->db, mulu_store_insert_sql (e), -1, &im->insert[e], NULL) != SQLITE_OK)
      return mulu_catalog_sql_error (im->catalog, error);
  if (sqlite3_prepare_v2 (im->db, "INSERT INTO zombie_reviews (system_id, decision, disposition, planned_date, note) VALUES (?, ?, ?, ?, ?)",
                          -1, &im->zombie_stmt, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (im->db, "INSERT INTO reviews (entity, record_id, state, reviewer, comment, at) VALUES (?, ?, ?, ?, ?, ?)",
                          -1, &im->review_stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (im->catalog, error);
  {
    sqlite3_stmt *stmt = NULL;
    if (sqlite3_prepare_v2 (im->db, "SELECT COALESCE(MAX(id), 0) FROM items", -1, &stmt, NULL) == SQLITE_OK &&
        sqlite3_step (stmt) == SQLITE_ROW)
      im->max_item_before = sqlite3_column_int64 (stmt, 0);
    sqlite3_finalize (stmt);
  }
  return TRUE;
}

/* Reading and hashing the package happen on a thread of their own, a few
 * blocks ahead of the parser: SHA-256 of a 400 MB package is about a second
 * that the import would otherwise wait for. */
typedef struct
{
  char  *data;
  gssize len;    /* 0 at the end, -1 after an error */
} Block;

typedef struct
{
  GInputStream *in;
  GChecksum    *sha;
  GCancellable *cancellable;
  GAsyncQueue  *full;
  GAsyncQueue  *empty;
  GError       *error;
  int           stop;
  Block         blocks[4];
} Reader;

static gpointer
reader_thread (gpointer data)
{
  Reader *r = data;

  for (;;)
    {
      Block *b = g_async_queue_pop (r->empty);

      if (g_atomic_int_get (&r->stop))
        break;
      b->len = g_input_stream_read (r->in, b->data, BLOCK_SIZE, r->cancellable, &r->error);
      if (b->len > 0)
        g_checksum_update (r->sha, (const guchar *) b->data, b->len);
      g_async_queue_push (r->full, b);
      if (b->len <= 0)
        break;
    }
  return NULL;
}

static gboolean
read_lines (Import           *im,
            GInputStream     *in,
            goffset           size,
            GChecksum        *sha,
            GCancellable     *cancellable,
            MuluProgressFunc  progress,
            gpointer          progress_data,
            GError          **error)
{
  Reader r = { in, sha, cancellable, g_async_queue_new (), g_async_queue_new (), NULL, 0, { { 0 } } };
  GByteArray *carry = g_byte_array_new ();
  GThread *thread;
  goffset consumed = 0;
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (r.blocks); i++)
    {
      r.blocks[i].data = g_malloc (BLOCK_SIZE);
      g_async_queue_push (r.empty, &r.blocks[i]);
    }
  thread = g_thread_new ("mulu-package-reader", reader_thread, &r);

  for (;;)
    {
      Block *block = g_async_queue_pop (r.full);
      char *p, *end, *nl;

      if (block->len < 0)
        {
          g_propagate_error (error, g_steal_pointer (&r.error));
          ok = FALSE;
          break;
        }
      if (block->len == 0)
        break;
      consumed += block->len;

      p = block->data;
      end = block->data + block->len;
      while (ok && (nl = memchr (p, '\n', (gsize) (end - p))) != NULL)
        {
          im->line++;
          if (carry->len > 0)
            {
              if (carry->len + (gsize) (nl - p) > MAX_LINE)
                {
                  ok = mulu_import_fatal (im, error, NULL, _("this line is longer than 16 MB; each line must hold one record."));
                  break;
                }
              g_byte_array_append (carry, (const guint8 *) p, (guint) (nl - p));
              g_byte_array_append (carry, (const guint8 *) "", 1);
              ok = import_line (im, (char *) carry->data, carry->len - 1, error);
              g_byte_array_set_size (carry, 0);
            }
          else
            {
              *nl = '\0';
              ok = import_line (im, p, (gsize) (nl - p), error);
            }
          p = nl + 1;

          if (ok && (im->line & 0xfff) == 0)
            {
              if (g_cancellable_is_cancelled (cancellable))
                {
                  g_set_error (error, MULU_ERROR, MULU_ERROR_CANCELLED,
                               _("The import of %s was cancelled; nothing was imported."), im->display);
                  ok = FALSE;
                }
              else if (progress && (im->line & 0xffff) == 0)
                progress (size > 0 ? (double) consumed / (double) size : 0.0, _("Reading the package"), progress_data);
            }
        }
      if (ok && p < end)
        {
          if (carry->len + (end - p) > MAX_LINE)
            {
              im->line++;
              ok = mulu_import_fatal (im, error, NULL, _("this line is longer than 16 MB; each line must hold one record."));
            }
          else
            g_byte_array_append (carry, (const guint8 *) p, (guint) (end - p));
        }
      g_async_queue_push (r.empty, block);
      if (!ok)
        break;
    }

  /* Stop the reader wherever it is, then wait for it. */
  g_atomic_int_set (&r.stop, 1);
  g_async_queue_push (r.empty, &r.blocks[0]);
  g_thread_join (thread);
  g_clear_error (&r.error);
  for (guint i = 0; i < G_N_ELEMENTS (r.blocks); i++)
    g_free (r.blocks[i].data);
  g_async_queue_unref (r.full);
  g_async_queue_unref (r.empty);

  /* The last line may lack its newline. */
  if (ok && carry->len > 0)
    {
      im->line++;
      g_byte_array_append (carry, (const guint8 *) "", 1);
      ok = import_line (im, (char *) carry->data, carry->len - 1, error);
    }
  g_byte_array_unref (carry);
  return ok;
}

/* With the item index built at the end, a repeated item id shows up only
 * then: find it, and the line where it is repeated, so the message is as
 * exact as it would have been line by line. */
static gboolean
duplicate_item_after_load (Import     *im,
                           const char *path,
                           GError    **error)
{
  g_autofree char *uid = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) fin = NULL;
  g_autoptr(GDataInputStream) in = NULL;
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  sqlite3_stmt *stmt = NULL;
  guint seen = 0;
  char *line;
  gsize len;

  if (sqlite3_prepare_v2 (im->db, "SELECT uid FROM items GROUP BY uid HAVING COUNT(*) > 1 LIMIT 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    uid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (uid == NULL || (fin = g_file_read (file, NULL, NULL)) == NULL)
    {
      im->line = 0;
      return mulu_import_fatal (im, error, "id", _("two data items have the same id; every record needs its own id."));
    }

  in = g_data_input_stream_new (G_INPUT_STREAM (fin));
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (in), BLOCK_SIZE);
  im->line = 0;
  while ((line = g_data_input_stream_read_line (in, &len, NULL, NULL)) != NULL)
    {
      im->line++;
      if (strstr (line, uid) != NULL && json_parser_load_from_data (parser, line, (gssize) len, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          JsonObject *o = json_node_get_object (json_parser_get_root (parser));
          if (g_strcmp0 (json_object_get_string_member_with_default (o, "kind", NULL), "item") == 0 &&
              g_strcmp0 (json_object_get_string_member_with_default (o, "id", NULL), uid) == 0 &&
              ++seen == 2)
            {
              g_free (line);
              break;
            }
        }
      g_free (line);
    }
  return mulu_import_fatal (im, error, "id", _("the %s id “%s” is used twice in this package; every record needs its own id."),
                mulu_entity_get_label (MULU_ENTITY_ITEM), uid);
}

gboolean
mulu_package_import (MuluCatalog       *catalog,
                     const char        *path,
                     MuluImportReport **out_report,
                     GCancellable      *cancellable,
                     MuluProgressFunc   progress,
                     gpointer           progress_data,
                     GError           **error)
{
  Import im = { 0 };
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileInfo) finfo = NULL;
  g_autoptr(GChecksum) sha = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(MuluImportReport) report = NULL;
  gboolean ok = FALSE;
  gboolean began = FALSE;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!mulu_catalog_ensure_editable (catalog, error))
    return FALSE;

  report = g_new0 (MuluImportReport, 1);
  report->path = g_strdup (path);
  report->warnings = g_ptr_array_new_with_free_func (issue_free);

  im.catalog = catalog;
  im.db = mulu_catalog_get_db (catalog);
  im.report = report;
  im.display = g_filename_display_basename (path);

  file = g_file_new_for_path (path);
  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_IO, _("Cannot read the package %s: %s"), im.display, local_error->message);
      g_free (im.display);
      return FALSE;
    }
  finfo = g_file_input_stream_query_info (in, G_FILE_ATTRIBUTE_STANDARD_SIZE, NULL, NULL);

  im.parser = json_parser_new_immutable ();
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    im.ids[e] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  build_known_keys (&im);
  sha = g_checksum_new (G_CHECKSUM_SHA256);

  /* References are resolved here, line by line, so the per-row foreign key
   * checks would only repeat that work; they must be switched outside a
   * transaction. */
  sqlite3_exec (im.db, "PRAGMA foreign_keys = OFF", NULL, NULL, NULL);
  if (!mulu_catalog_begin (catalog, error))
    goto out;
  began = TRUE;
  if (!prepare (&im, error))
    goto out;
  if (im.max_item_before == 0 && !mulu_schema_begin_bulk_load (im.db, error))
    goto out;

  if (!read_lines (&im, G_INPUT_STREAM (in), finfo ? g_file_info_get_size (finfo) : 0, sha,
                   cancellable, progress, progress_data, error))
    goto out;

  if (!im.seen_header)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_PACKAGE,
                   _("%s is empty; a package starts with a header line. Nothing was imported."), im.display);
      goto out;
    }

  if (im.max_item_before == 0)
    {
      g_autoptr(GError) index_error = NULL;
      guint64 lines = im.line;

      if (progress)
        progress (1.0, _("Indexing the data items"), progress_data);
      if (!mulu_schema_end_bulk_load (im.db, &index_error))
        {
          if (g_error_matches (index_error, MULU_ERROR, MULU_ERROR_EXISTS))
            duplicate_item_after_load (&im, path, error);
          else
            g_propagate_error (error, g_steal_pointer (&index_error));
          goto out;
        }
      im.line = lines;
    }

  report->lines = im.line;
  report->sha256 = g_strdup (g_checksum_get_string (sha));
  {
    /* One log entry for the whole import: which package, its fingerprint
     * and what it brought. */
    g_autoptr(GString) details = g_string_new ("{");
    gboolean first = TRUE;

    mulu_json_append_key (details, &first, "package");
    mulu_json_append_string (details, im.display);
    mulu_json_append_key (details, &first, "sha256");
    mulu_json_append_string (details, report->sha256);
    for (guint e = 0; e < MULU_N_ENTITIES; e++)
      {
        mulu_json_append_key (details, &first, mulu_entity_get_info (e)->table);
        g_string_append_printf (details, "%" G_GUINT64_FORMAT, report->counts[e]);
      }
    if (report->changes > 0)
      {
        mulu_json_append_key (details, &first, "changes");
        g_string_append_printf (details, "%" G_GUINT64_FORMAT, report->changes);
      }
    g_string_append_c (details, '}');
    if (!mulu_catalog_log (catalog, "import", NULL, NULL, NULL, NULL, NULL, details->str, error))
      goto out;
    /* A package submitted and not reopened arrives submitted, as its
     * history says, so its reviewer finds it frozen. */
    if (g_strcmp0 (im.state_op, "submit") == 0 &&
        (!mulu_catalog_set_meta (catalog, "review.state", "submitted", error) ||
         !mulu_catalog_set_meta (catalog, "review.by", im.state_who, error) ||
         !mulu_catalog_set_meta (catalog, "review.at", im.state_at, error)))
      goto out;
    if (!mulu_catalog_set_meta (catalog, "findings_current", "0", error))
      goto out;
  }

  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    g_clear_pointer (&im.insert[e], sqlite3_finalize);
  g_clear_pointer (&im.zombie_stmt, sqlite3_finalize);
  g_clear_pointer (&im.review_stmt, sqlite3_finalize);

  if (!mulu_catalog_commit (catalog, error))
    goto out;
  began = FALSE;
  ok = TRUE;
  if (progress)
    progress (1.0, _("Package imported"), progress_data);

out:
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    {
      g_clear_pointer (&im.insert[e], sqlite3_finalize);
      g_clear_pointer (&im.ids[e], g_hash_table_unref);
      g_clear_pointer (&im.known_keys[e], g_hash_table_unref);
    }
  g_clear_pointer (&im.zombie_stmt, sqlite3_finalize);
  g_clear_pointer (&im.review_stmt, sqlite3_finalize);
  if (began)
    mulu_catalog_rollback (catalog);
  sqlite3_exec (im.db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  g_clear_object (&im.parser);
  g_free (im.last_resource_uid);
  g_free (im.display);
  g_free (im.state_op);
  g_free (im.state_who);
  g_free (im.state_at);

  if (ok)
    {
      for (guint e = 0; e < MULU_N_ENTITIES; e++)
        mulu_catalog_emit_changed (catalog, e, 0, MULU_CHANGE_RESET);
      if (out_report)
        *out_report = g_steal_pointer (&report);
    }
  return ok;
}
