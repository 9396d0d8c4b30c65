/* mulu-catalog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-catalog"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-lock.h"
#include "mulu-log-private.h"
#include "mulu-package.h"
#include "mulu-resource-code.h"
#include "mulu-schema.h"
#include "mulu-store.h"
#include "mulu-suggest.h"
#include "mulu-text.h"
#include "mulu-value.h"

struct _MuluCatalog
{
  GObject    parent_instance;
  char      *path;
  sqlite3   *db;
  MuluLock  *lock;
  MuluCodes *codes;
  char      *user;
  guint      depth;
  GHashTable *statements; /* SQL → sqlite3_stmt, finalized before close */
};

G_DEFINE_FINAL_TYPE (MuluCatalog, mulu_catalog, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
mulu_catalog_dispose (GObject *object)
{
  MuluCatalog *self = MULU_CATALOG (object);

  if (self->db)
    mulu_catalog_close (self, NULL);
  g_clear_object (&self->codes);

  G_OBJECT_CLASS (mulu_catalog_parent_class)->dispose (object);
}

static void
mulu_catalog_finalize (GObject *object)
{
  MuluCatalog *self = MULU_CATALOG (object);

  g_free (self->path);
  g_free (self->user);
  g_hash_table_unref (self->statements);

  G_OBJECT_CLASS (mulu_catalog_parent_class)->finalize (object);
}

static void
mulu_catalog_class_init (MuluCatalogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = mulu_catalog_dispose;
  object_class->finalize = mulu_catalog_finalize;

  /**
   * MuluCatalog::changed:
   * @entity: the MuluEntity that changed
   * @id: the record's row id (0 for MULU_CHANGE_RESET)
   * @change: a MuluChange
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                   G_TYPE_UINT, G_TYPE_INT64, G_TYPE_UINT);
}

static void
mulu_catalog_init (MuluCatalog *self)
{
  const char *named = g_getenv ("MULU_USER");
  const char *real = g_get_real_name ();

  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) sqlite3_finalize);

  /* Who is working, until the window sets the name from its preferences:
   * MULU_USER (scripts, tests, mulu-cli --as), else the account's name. */
  if (named && *named)
    self->user = g_strdup (named);
  else
    self->user = g_strdup (real && *real && g_strcmp0 (real, "Unknown") != 0 ? real : g_get_user_name ());
}

char *
mulu_now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
}

sqlite3 *
mulu_catalog_get_db (MuluCatalog *self)
{
  return self->db;
}

/* A statement prepared once per catalog, reset and unbound for reuse. */
sqlite3_stmt *
mulu_catalog_prepare_cached (MuluCatalog *self,
                             const char  *sql,
                             GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
    {
      mulu_catalog_sql_error (self, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

gboolean
mulu_catalog_sql_error (MuluCatalog *self,
                        GError     **error)
{
  int code = sqlite3_errcode (self->db);

  if (code == SQLITE_FULL)
    g_set_error (error, MULU_ERROR, MULU_ERROR_IO,
                 _("The disk holding “%s” is full; free some space and try again. Nothing was changed."), self->path);
  else if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
    g_set_error (error, MULU_ERROR, MULU_ERROR_LOCKED,
                 _("“%s” is busy in another program; try again in a moment. Nothing was changed."), self->path);
  else if (code == SQLITE_READONLY)
    g_set_error (error, MULU_ERROR, MULU_ERROR_IO,
                 _("“%s” cannot be written (read-only file or folder); save a copy elsewhere."), self->path);
  else
    g_set_error (error, MULU_ERROR, MULU_ERROR_DATABASE,
                 _("The catalog “%s” reported an error: %s"), self->path, sqlite3_errmsg (self->db));
  return FALSE;
}

static gboolean
exec (MuluCatalog *self,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (self, error);
  return TRUE;
}

static int
pragma_int (sqlite3    *db,
            const char *pragma)
{
  sqlite3_stmt *stmt = NULL;
  int value = -1;

  if (sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static gboolean
configure_connection (MuluCatalog *self,
                      GError     **error)
{
  sqlite3_busy_timeout (self->db, 5000);
  if (!mulu_text_register_functions (self->db) ||
      !mulu_log_register_functions (self->db) ||
      !mulu_resource_code_register_functions (self->db) ||
      !mulu_suggest_register_functions (self->db))
    return mulu_catalog_sql_error (self, error);
  sqlite3_extended_result_codes (self->db, 0);
  /* WAL: a crash mid-write leaves the last committed state; FULL syncs each
   * commit so that an edit the window showed as saved survives power loss. */
  return exec (self, "PRAGMA journal_mode = WAL;"
                     "PRAGMA synchronous = FULL;"
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA temp_store = MEMORY;"
                     "PRAGMA cache_size = -32768;", error);
}

static gboolean
open_db (MuluCatalog *self,
         int          flags,
         GError     **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  if (sqlite3_open_v2 (self->path, &self->db, flags, NULL) != SQLITE_OK)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_IO,
                   _("Cannot open “%s”: %s."), display, self->db ? sqlite3_errmsg (self->db) : g_strerror (ENOMEM));
      return FALSE;
    }
  return TRUE;
}

static void
close_db (MuluCatalog *self)
{
  g_hash_table_remove_all (self->statements);
  if (self->db)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->lock, mulu_lock_release);
}

MuluCatalog *
mulu_catalog_create (const char *path,
                     GError    **error)
{
  g_autoptr(MuluCatalog) self = NULL;
  g_autofree char *display = NULL;
  g_autofree char *now = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  /* Create the file ourselves so that it is private to the user from the
   * first byte; SQLite gives its -wal and -shm files the same mode. */
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL, 0600);
  if (fd < 0)
    {
      int saved = errno;
      if (saved == EEXIST)
        g_set_error (error, MULU_ERROR, MULU_ERROR_EXISTS,
                     _("“%s” already exists; choose another name or open it instead."), display);
      else
        g_set_error (error, MULU_ERROR, MULU_ERROR_IO,
                     _("Cannot create “%s”: %s."), display, g_strerror (saved));
      return NULL;
    }
  g_close (fd, NULL);

  self = g_object_new (MULU_TYPE_CATALOG, NULL);
  self->path = g_strdup (path);

  if ((self->lock = mulu_lock_acquire (path, error)) == NULL ||
      !open_db (self, SQLITE_OPEN_READWRITE, error))
    goto fail;

  {
    g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", MULU_APPLICATION_ID);
    if (!exec (self, app_id, error) || !configure_connection (self, error))
      goto fail;
  }

  if ((self->codes = mulu_codes_new_builtin (error)) == NULL)
    goto fail;

  now = mulu_now_iso8601 ();
  if (!mulu_catalog_begin (self, error))
    goto fail;
  if (!mulu_schema_upgrade (self->db, 0, MULU_SCHEMA_VERSION, error) ||
      !mulu_suggest_update_item_masks (self->db, error) ||
      !mulu_codes_save_to_db (self->codes, self->db, error) ||
      !mulu_catalog_set_meta (self, "created", now, error) ||
      !mulu_catalog_set_meta (self, "created_by", self->user, error) ||
      !mulu_catalog_set_meta (self, "generator", "mulu " PACKAGE_VERSION, error) ||
      !mulu_catalog_set_meta (self, "code_tables_version", mulu_codes_get_version (self->codes), error) ||
      !mulu_catalog_log (self, "create", NULL, NULL, NULL, NULL, NULL, NULL, error) ||
      !mulu_catalog_commit (self, error))
    {
      mulu_catalog_rollback (self);
      goto fail;
    }

  return g_steal_pointer (&self);

fail:
  close_db (self);
  g_unlink (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  return NULL;
}

MuluCatalog *
mulu_catalog_open (const char *path,
                   GError    **error)
{
  g_autoptr(MuluCatalog) self = NULL;
  g_autofree char *display = NULL;
  int app_id, version;

  g_return_val_if_fail (path != NULL, NULL);

  display = g_filename_display_name (path);
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_NOT_FOUND,
                   _("“%s” does not exist; check the name, or create a new catalog."), display);
      return NULL;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_NOT_A_CATALOG,
                   _("“%s” is a folder, not a catalog file."), display);
      return NULL;
    }

  self = g_object_new (MULU_TYPE_CATALOG, NULL);
  self->path = g_strdup (path);

  if ((self->lock = mulu_lock_acquire (path, error)) == NULL ||
      !open_db (self, SQLITE_OPEN_READWRITE, error))
    goto fail;

  app_id = pragma_int (self->db, "PRAGMA application_id");
  if (app_id != MULU_APPLICATION_ID)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_NOT_A_CATALOG,
                   _("“%s” is not a Mulu catalog. To bring in a package (.jsonl), use Import."), display);
      goto fail;
    }

  version = mulu_schema_get_version (self->db);
  if (version > MULU_SCHEMA_VERSION)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_TOO_NEW,
                   _("“%s” was made by a newer version of Mulu (file format %d, this Mulu reads up to %d); update Mulu to open it."),
                   display, version, MULU_SCHEMA_VERSION);
      goto fail;
    }

  if (!configure_connection (self, error))
    goto fail;

  if (version < MULU_SCHEMA_VERSION)
    {
      if (!mulu_catalog_begin (self, error))
        goto fail;
      if (!mulu_schema_upgrade (self->db, version, MULU_SCHEMA_VERSION, error) ||
          !mulu_catalog_commit (self, error))
        {
          mulu_catalog_rollback (self);
          goto fail;
        }
    }

  /* After the upgrade that adds them, or when this Mulu's sensitive
   * categories differ from those of the Mulu that last wrote the file, the
   * stored item masks are redone once, so that a full run can trust them. */
  if (!mulu_suggest_item_masks_are_current (self->db))
    {
      if (!mulu_catalog_begin (self, error))
        goto fail;
      if (!mulu_suggest_update_item_masks (self->db, error) ||
          !mulu_catalog_commit (self, error))
        {
          mulu_catalog_rollback (self);
          goto fail;
        }
    }

  if ((self->codes = mulu_codes_new_from_db (self->db, error)) == NULL)
    goto fail;

  return g_steal_pointer (&self);

fail:
  close_db (self);
  return NULL;
}

/**
 * mulu_catalog_open_worker:
 * @self: an open catalog
 *
 * A second connection to @self's file, for one GTask thread (a full
 * validation, an export) while the window keeps working on @self. It takes
 * no lock of its own: @self's lock already keeps other programs out, and a
 * second one would refuse us. Close it before @self, from its thread.
 */
MuluCatalog *
mulu_catalog_open_worker (MuluCatalog *self,
                          GError     **error)
{
  g_autoptr(MuluCatalog) worker = NULL;

  g_return_val_if_fail (MULU_IS_CATALOG (self) && self->db, NULL);

  worker = g_object_new (MULU_TYPE_CATALOG, NULL);
  worker->path = g_strdup (self->path);
  g_free (worker->user);
  worker->user = g_strdup (self->user);
  if (!open_db (worker, SQLITE_OPEN_READWRITE, error) ||
      !configure_connection (worker, error) ||
      (worker->codes = mulu_codes_new_from_db (worker->db, error)) == NULL)
    {
      close_db (worker);
      return NULL;
    }
  return g_steal_pointer (&worker);
}

gboolean
mulu_catalog_close (MuluCatalog *self,
                    GError     **error)
{
  g_return_val_if_fail (MULU_IS_CATALOG (self), FALSE);

  if (self->db == NULL)
    return TRUE;
  g_hash_table_remove_all (self->statements);
  if (self->depth > 0)
    {
      g_warning ("Closing %s inside a transaction; rolling back", self->path);
      mulu_catalog_rollback (self);
    }
  /* Fold the WAL back into the file so that the .mulu alone is the whole
   * catalog when the clerk sends it. */
  sqlite3_exec (self->db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
  if (sqlite3_close (self->db) != SQLITE_OK)
    {
      mulu_catalog_sql_error (self, error);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
      g_clear_pointer (&self->lock, mulu_lock_release);
      return FALSE;
    }
  self->db = NULL;
  g_clear_pointer (&self->lock, mulu_lock_release);
  return TRUE;
}

gboolean
mulu_catalog_is_open (MuluCatalog *self)
{
  return self->db != NULL;
}

const char *
mulu_catalog_get_path (MuluCatalog *self)
{
  g_return_val_if_fail (MULU_IS_CATALOG (self), NULL);
  return self->path;
}

MuluCodes *
mulu_catalog_get_codes (MuluCatalog *self)
{
  g_return_val_if_fail (MULU_IS_CATALOG (self), NULL);
  return self->codes;
}

int
mulu_catalog_get_schema_version (MuluCatalog *self)
{
  g_return_val_if_fail (MULU_IS_CATALOG (self), -1);
  return mulu_schema_get_version (self->db);
}

const char *
mulu_catalog_get_user (MuluCatalog *self)
{
  return self->user;
}

void
mulu_catalog_set_user (MuluCatalog *self,
                       const char  *user)
{
  g_return_if_fail (MULU_IS_CATALOG (self));
  if (user && *user)
    {
      g_free (self->user);
      self->user = g_strdup (user);
    }
}

char *
mulu_catalog_dup_meta (MuluCatalog *self,
                       const char  *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_return_val_if_fail (MULU_IS_CATALOG (self), NULL);

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM meta WHERE key = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return value;
}

gboolean
mulu_catalog_set_meta (MuluCatalog *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (self->db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (self, error);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  return ok ? TRUE : mulu_catalog_sql_error (self, error);
}

/* Transactions nest: the outermost is BEGIN IMMEDIATE (take the write lock
 * now rather than fail half-way), inner ones are savepoints. */
gboolean
mulu_catalog_begin (MuluCatalog *self,
                    GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (MULU_IS_CATALOG (self) && self->db, FALSE);

  sql = self->depth == 0 ? g_strdup ("BEGIN IMMEDIATE") : g_strdup_printf ("SAVEPOINT s%u", self->depth);
  if (!exec (self, sql, error))
    return FALSE;
  self->depth++;
  return TRUE;
}

gboolean
mulu_catalog_commit (MuluCatalog *self,
                     GError     **error)
{
  g_autofree char *sql = NULL;

  g_return_val_if_fail (self->depth > 0, FALSE);

  sql = self->depth == 1 ? g_strdup ("COMMIT") : g_strdup_printf ("RELEASE s%u", self->depth - 1);
  if (!exec (self, sql, error))
    return FALSE;
  self->depth--;
  return TRUE;
}

void
mulu_catalog_rollback (MuluCatalog *self)
{
  g_return_if_fail (self->depth > 0);

  if (self->depth == 1)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  else
    {
      g_autofree char *sql = g_strdup_printf ("ROLLBACK TO s%u; RELEASE s%u", self->depth - 1, self->depth - 1);
      sqlite3_exec (self->db, sql, NULL, NULL, NULL);
    }
  self->depth--;
  /* Whatever a listener saw during the transaction is gone. */
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    mulu_catalog_emit_changed (self, e, 0, MULU_CHANGE_RESET);
}

void
mulu_catalog_emit_changed (MuluCatalog *self,
                           MuluEntity   entity,
                           gint64       id,
                           MuluChange   change)
{
  g_signal_emit (self, signals[CHANGED], 0, (guint) entity, id, (guint) change);
}

/* Every edit passes through here, whichever path it took, so this is also
 * where a submitted catalog refuses the ones that got past their own
 * check. Only the review's own steps may be logged while submitted. */
gboolean
mulu_catalog_log (MuluCatalog *self,
                  const char  *op,
                  const char  *entity,
                  const char  *record_uid,
                  const char  *field,
                  const char  *old_value,
                  const char  *new_value,
                  const char  *details,
                  GError     **error)
{
  const char *texts[MULU_LOG_N_TEXTS] = {
    NULL, NULL, op, entity, record_uid, field, old_value, new_value, details,
  };
  static const char * const review_ops[] = { "create", "submit", "reopen", "review", NULL };

  if (!g_strv_contains (review_ops, op) && !mulu_catalog_ensure_editable (self, error))
    return FALSE;
  return mulu_log_append (self, texts, error);
}

gboolean
mulu_catalog_save_copy (MuluCatalog *self,
                        const char  *path,
                        GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *base = NULL;
  g_autofree char *display = NULL;
  g_autoptr(GFile) src = NULL;
  g_autoptr(GFile) dst = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (MULU_IS_CATALOG (self) && self->db, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  display = g_filename_display_name (path);
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.%08x.tmp", dir, G_DIR_SEPARATOR, base, g_random_int ());

  /* VACUUM INTO writes a consistent snapshot, compacted, without the WAL. */
  if (sqlite3_prepare_v2 (self->db, "VACUUM INTO ?", -1, &stmt, NULL) != SQLITE_OK)
    return mulu_catalog_sql_error (self, error);
  sqlite3_bind_text (stmt, 1, tmp, -1, SQLITE_STATIC);
  ok = sqlite3_step (stmt) == SQLITE_DONE;
  sqlite3_finalize (stmt);
  if (!ok)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_IO,
                   _("Cannot write a copy to “%s”: %s. Check that the folder exists, is writable and has free space."),
                   display, sqlite3_errmsg (self->db));
      g_unlink (tmp);
      return FALSE;
    }
  g_chmod (tmp, 0600);

  src = g_file_new_for_path (tmp);
  dst = g_file_new_for_path (path);
  if (!g_file_move (src, dst, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL, NULL, NULL, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  return TRUE;
}
