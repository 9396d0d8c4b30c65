/* bench-import.c — how a package import compares with the bare loop
 *
 * The project's target: importing a package takes at most 1.5× the time of
 * the simplest program that could load the same file into SQLite (read a
 * line, parse it with json-glib, bind its values, step; one transaction), and
 * the import's peak memory stays under 256 MiB whatever the package's size.
 *
 * Each measured step runs in a child process (this same binary, re-run with
 * the hidden --step option), so a step's peak RSS is its own and not the
 * generator's or the previous step's. The child prints "result KEY=VALUE"
 * lines; the parent collects them and prints the table.
 *
 * This is a measuring tool, not a test: it exits 0 whatever the figures, and
 * 1 only when a step could not run at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-bench"

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "bench-util.h"
#include "mulu-core.h"

#define BLOCK_SIZE               (1 << 20)
#define TARGET_RATIO             1.5
#define TARGET_RSS_MIB           256

/* The connection settings Mulu's catalogs use (mulu-catalog.c), so that the
 * bare loop pays for the same durability and the same page cache. */
#define MULU_LIKE_PRAGMAS \
  "PRAGMA journal_mode = WAL;" \
  "PRAGMA synchronous = FULL;" \
  "PRAGMA temp_store = MEMORY;" \
  "PRAGMA cache_size = -32768;"

typedef enum {
  STEP_GENERATE,
  STEP_EXPORT,
  STEP_IMPORT,
  STEP_BARE,
  N_STEPS
} Step;

static const char * const step_names[N_STEPS] = { "generate", "export", "import", "bare" };
static const char * const step_titles[N_STEPS] = { "generate", "export", "mulu import", "bare loop" };

typedef struct {
  double  seconds;        /* the measured work, commit included */
  double  close_seconds;  /* closing the file: WAL checkpoint, fsync */
  guint64 rows;           /* records written or read */
  guint64 lines;          /* package lines, header included */
  gint64  hwm_kib;        /* the child's peak RSS; -1 when not known */
} StepResult;

static int    opt_resources = 100000;
static int    opt_items = 20;
static char  *opt_workdir = NULL;
static char  *opt_step = NULL;

static GOptionEntry entries[] = {
  { "resources", 0, 0, G_OPTION_ARG_INT, &opt_resources,
    "Information resources in the generated catalog (100 per department; default 100000)", "N" },
  { "items-per-resource", 0, 0, G_OPTION_ARG_INT, &opt_items,
    "Data items per resource (default 20)", "N" },
  { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &opt_workdir,
    "Folder for the files; kept afterwards (default: a temporary folder, removed)", "DIR" },
  { "step", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_step,
    "Run one step in this process: generate, export, import or bare", "STEP" },
  { NULL }
};



static char *
work_path (const char *name)
{
  return g_build_filename (opt_workdir, name, NULL);
}


static gboolean
count_records (MuluCatalog *catalog,
               guint64     *total,
               GError     **error)
{
  *total = 0;
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    {
      gint64 n = mulu_catalog_count (catalog, e, error);
      if (n < 0)
        return FALSE;
      *total += (guint64) n;
    }
  return TRUE;
}

/* ---- the steps, each run in its own child ------------------------------ */

static gboolean
step_generate (StepResult *r,
               GError    **error)
{
  g_autofree char *path = work_path ("gen.mulu");
  g_autoptr(MuluCatalog) catalog = NULL;
  MuluGenerateOptions o;
  gint64 start;

  mulu_bench_remove_db (path);
  mulu_bench_layout (&o, opt_resources, opt_items);
  start = g_get_monotonic_time ();
  if ((catalog = mulu_catalog_create (path, error)) == NULL ||
      !mulu_generate (catalog, &o, NULL, NULL, NULL, error))
    return FALSE;
  r->seconds = mulu_bench_seconds_since (start);
  if (!count_records (catalog, &r->rows, error))
    return FALSE;
  r->lines = r->rows + 1;

  start = g_get_monotonic_time ();
  if (!mulu_catalog_close (catalog, error))
    return FALSE;
  r->close_seconds = mulu_bench_seconds_since (start);
  return TRUE;
}

static gboolean
step_export (StepResult *r,
             GError    **error)
{
  g_autofree char *path = work_path ("gen.mulu");
  g_autofree char *package = work_path ("gen.jsonl");
  g_autoptr(MuluCatalog) catalog = NULL;
  gint64 start;

  g_unlink (package);
  if ((catalog = mulu_catalog_open (path, error)) == NULL)
    return FALSE;
  start = g_get_monotonic_time ();
  if (!mulu_package_export (catalog, package, NULL, NULL, NULL, error))
    return FALSE;
  r->seconds = mulu_bench_seconds_since (start);
  if (!count_records (catalog, &r->rows, error))
    return FALSE;
  r->lines = r->rows + 1;
  return mulu_catalog_close (catalog, error);
}

static gboolean
step_import (StepResult *r,
             GError    **error)
{
  g_autofree char *package = work_path ("gen.jsonl");
  g_autofree char *path = work_path ("imported.mulu");
  g_autoptr(MuluCatalog) catalog = NULL;
  g_autoptr(MuluImportReport) report = NULL;
  gint64 start;

  mulu_bench_remove_db (path);
  if ((catalog = mulu_catalog_create (path, error)) == NULL)
    return FALSE;

  start = g_get_monotonic_time ();
  if (!mulu_package_import (catalog, package, &report, NULL, NULL, NULL, error))
    return FALSE;
  r->seconds = mulu_bench_seconds_since (start);

  r->lines = report->lines;
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    r->rows += report->counts[e];
  if (report->n_warnings > 0)
    g_printerr ("bench-import: the import reported %" G_GUINT64_FORMAT " warnings\n", report->n_warnings);

  start = g_get_monotonic_time ();
  if (!mulu_catalog_close (catalog, error))
    return FALSE;
  r->close_seconds = mulu_bench_seconds_since (start);
  return TRUE;
}

/* -- the bare loop -- */

typedef struct {
  sqlite3          *db;
  JsonParser       *parser;
  sqlite3_stmt     *insert[MULU_N_ENTITIES];
  guint64           lines;
  guint64           rows;
} Bare;

static gboolean
sql_failed (sqlite3  *db,
            GError  **error)
{
  g_set_error (error, MULU_ERROR, MULU_ERROR_DATABASE, "bare loop: %s", sqlite3_errmsg (db));
  return FALSE;
}

static const char *
bare_column_type (const MuluField *f)
{
  switch (f->type)
    {
    case MULU_FIELD_INT:
    case MULU_FIELD_BOOL:
      return "INTEGER";
    case MULU_FIELD_REAL:
      return "REAL";
    case MULU_FIELD_TEXT:
    case MULU_FIELD_DATE:
    case MULU_FIELD_LIST:
    case MULU_FIELD_REF:   /* the package's id, kept as text: nothing is resolved */
    default:
      return "TEXT";
    }
}

/* Mulu's columns, with no constraint, no index and no foreign key. */
static gboolean
bare_prepare (Bare    *b,
              GError **error)
{
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    {
      const MuluEntityInfo *info = mulu_entity_get_info (e);
      g_autoptr(GString) create = g_string_new (NULL);
      g_autoptr(GString) insert = g_string_new (NULL);
      g_autoptr(GString) values = g_string_new ("?1");

      g_string_printf (create, "CREATE TABLE %s (id INTEGER PRIMARY KEY, uid TEXT", info->table);
      g_string_printf (insert, "INSERT INTO %s (uid", info->table);
      for (guint i = 0; i < info->n_fields; i++)
        {
          g_string_append_printf (create, ", %s %s", info->fields[i].column, bare_column_type (&info->fields[i]));
          g_string_append_printf (insert, ", %s", info->fields[i].column);
          g_string_append_printf (values, ", ?%u", i + 2);
        }
      g_string_append (create, ", extra TEXT)");
      g_string_append_printf (insert, ", extra) VALUES (%s, NULL)", values->str);

      if (sqlite3_exec (b->db, create->str, NULL, NULL, NULL) != SQLITE_OK ||
          sqlite3_prepare_v2 (b->db, insert->str, -1, &b->insert[e], NULL) != SQLITE_OK)
        return sql_failed (b->db, error);
    }
  return TRUE;
}

/* By the value's own JSON type; the parser keeps the strings alive until the
 * next line, after the step, so they need no copy. */
static void
bare_bind (sqlite3_stmt *stmt,
           int           index,
           JsonNode     *node)
{
  if (node == NULL)
    {
      sqlite3_bind_null (stmt, index);
      return;
    }
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          sqlite3_bind_text (stmt, index, json_node_get_string (node), -1, SQLITE_STATIC);
          return;
        case G_TYPE_INT64:
          sqlite3_bind_int64 (stmt, index, json_node_get_int (node));
          return;
        case G_TYPE_DOUBLE:
          sqlite3_bind_double (stmt, index, json_node_get_double (node));
          return;
        case G_TYPE_BOOLEAN:
          sqlite3_bind_int (stmt, index, json_node_get_boolean (node) ? 1 : 0);
          return;
        default:
          break;
        }
      break;
    case JSON_NODE_ARRAY:
    case JSON_NODE_OBJECT:
      sqlite3_bind_text (stmt, index, json_to_string (node, FALSE), -1, g_free);
      return;
    case JSON_NODE_NULL:
    default:
      break;
    }
  sqlite3_bind_null (stmt, index);
}

/* The member a field reads: "classification"[sub] or "volume".key for the
 * grouped fields, the key itself for the others. */
static JsonNode *
bare_member (JsonObject      *o,
             const MuluField *f)
{
  JsonNode *group;

  if (f->group == NULL)
    return json_object_get_member (o, f->key);
  group = json_object_get_member (o, f->group);
  if (group == NULL)
    return NULL;
  if (JSON_NODE_HOLDS_ARRAY (group))
    {
      JsonArray *a = json_node_get_array (group);
      return (guint) f->sub < json_array_get_length (a) ? json_array_get_element (a, (guint) f->sub) : NULL;
    }
  if (JSON_NODE_HOLDS_OBJECT (group))
    return json_object_get_member (json_node_get_object (group), f->key);
  return NULL;
}

static gboolean
bare_line (Bare    *b,
           char    *line,
           gsize    len,
           GError **error)
{
  const MuluEntityInfo *info = NULL;
  JsonObject *o;
  const char *kind;
  sqlite3_stmt *stmt;

  b->lines++;
  if (len == 0)
    return TRUE;
  if (!json_parser_load_from_data (b->parser, line, (gssize) len, error))
    return FALSE;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (b->parser)))
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_PACKAGE, "line %" G_GUINT64_FORMAT " is not an object", b->lines);
      return FALSE;
    }
  o = json_node_get_object (json_parser_get_root (b->parser));
  kind = json_object_get_string_member_with_default (o, "kind", "");
  for (guint e = 0; e < MULU_N_ENTITIES && info == NULL; e++)
    if (strcmp (kind, mulu_entity_get_info (e)->kind) == 0)
      info = mulu_entity_get_info (e);
  if (info == NULL)
    return TRUE;  /* the header */

  stmt = b->insert[info->entity];
  sqlite3_reset (stmt);
  bare_bind (stmt, 1, json_object_get_member (o, "id"));
  for (guint i = 0; i < info->n_fields; i++)
    bare_bind (stmt, (int) i + 2, bare_member (o, &info->fields[i]));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return sql_failed (b->db, error);
  b->rows++;
  return TRUE;
}

/* 1 MiB blocks split at '\n', like the importer reads. */
static gboolean
bare_read (Bare       *b,
           const char *path,
           GError    **error)
{
  g_autofree char *block = g_malloc (BLOCK_SIZE);
  g_autoptr(GByteArray) carry = g_byte_array_new ();
  FILE *in = g_fopen (path, "rb");
  gboolean ok = TRUE;
  size_t n;

  if (in == NULL)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), "%s: %s", path, g_strerror (saved));
      return FALSE;
    }
  while (ok && (n = fread (block, 1, BLOCK_SIZE, in)) > 0)
    {
      char *p = block, *end = block + n, *nl;

      while (ok && (nl = memchr (p, '\n', (size_t) (end - p))) != NULL)
        {
          if (carry->len > 0)
            {
              g_byte_array_append (carry, (const guint8 *) p, (guint) (nl - p));
              ok = bare_line (b, (char *) carry->data, carry->len, error);
              g_byte_array_set_size (carry, 0);
            }
          else
            ok = bare_line (b, p, (gsize) (nl - p), error);
          p = nl + 1;
        }
      if (p < end)
        g_byte_array_append (carry, (const guint8 *) p, (guint) (end - p));
    }
  if (ok && ferror (in))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "%s: read error", path);
      ok = FALSE;
    }
  if (ok && carry->len > 0)
    ok = bare_line (b, (char *) carry->data, carry->len, error);
  fclose (in);
  return ok;
}

static gboolean
step_bare (StepResult *r,
           GError    **error)
{
  g_autofree char *package = work_path ("gen.jsonl");
  g_autofree char *path = work_path ("bare.db");
  Bare b = { 0 };
  gboolean ok = FALSE;
  gint64 start;

  mulu_bench_remove_db (path);
  if (sqlite3_open_v2 (path, &b.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
    {
      sql_failed (b.db, error);
      goto out;
    }
  if (sqlite3_exec (b.db, MULU_LIKE_PRAGMAS, NULL, NULL, NULL) != SQLITE_OK)
    {
      sql_failed (b.db, error);
      goto out;
    }
  b.parser = json_parser_new_immutable ();
  if (!bare_prepare (&b, error))
    goto out;

  start = g_get_monotonic_time ();
  if (sqlite3_exec (b.db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      sql_failed (b.db, error);
      goto out;
    }
  if (!bare_read (&b, package, error))
    {
      sqlite3_exec (b.db, "ROLLBACK", NULL, NULL, NULL);
      goto out;
    }
  if (sqlite3_exec (b.db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      sql_failed (b.db, error);
      goto out;
    }
  r->seconds = mulu_bench_seconds_since (start);
  r->rows = b.rows;
  r->lines = b.lines;
  ok = TRUE;

out:
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    g_clear_pointer (&b.insert[e], sqlite3_finalize);
  g_clear_object (&b.parser);
  if (b.db)
    {
      /* The same close as Mulu's: fold the WAL back into the file. */
      start = g_get_monotonic_time ();
      if (ok)
        sqlite3_exec (b.db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL);
      sqlite3_close (b.db);
      r->close_seconds = mulu_bench_seconds_since (start);
    }
  return ok;
}

static int
run_step (const char *name)
{
  g_autoptr(GError) error = NULL;
  StepResult r = { 0 };
  gboolean ok;

  if (g_str_equal (name, "generate"))
    ok = step_generate (&r, &error);
  else if (g_str_equal (name, "export"))
    ok = step_export (&r, &error);
  else if (g_str_equal (name, "import"))
    ok = step_import (&r, &error);
  else if (g_str_equal (name, "bare"))
    ok = step_bare (&r, &error);
  else
    {
      g_printerr ("bench-import: unknown step “%s”; use generate, export, import or bare.\n", name);
      return 2;
    }
  if (!ok)
    {
      g_printerr ("bench-import: step %s failed: %s\n", name, error ? error->message : "(no message)");
      return 1;
    }

  printf ("result seconds=%.6f\n", r.seconds);
  printf ("result close_seconds=%.6f\n", r.close_seconds);
  printf ("result rows=%" G_GUINT64_FORMAT "\n", r.rows);
  printf ("result lines=%" G_GUINT64_FORMAT "\n", r.lines);
  printf ("result hwm_kib=%" G_GINT64_FORMAT "\n", mulu_bench_peak_rss_kib ());
  fflush (stdout);
  return 0;
}

/* ---- the parent: run the children, print the table --------------------- */


static gboolean
run_child (const char *self,
           Step        step,
           StepResult *r,
           GError    **error)
{
  g_autofree char *resources = g_strdup_printf ("%d", opt_resources);
  g_autofree char *items = g_strdup_printf ("%d", opt_items);
  const char *argv[] = {
    self, "--step", step_names[step], "--workdir", opt_workdir,
    "--resources", resources, "--items-per-resource", items, NULL
  };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status;

  /* stderr is inherited, so a child's messages reach the terminal. */
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "step %s: ", step_names[step]);
      return FALSE;
    }

  r->hwm_kib = -1;
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i];
      if (!g_str_has_prefix (l, "result "))
        continue;
      l += strlen ("result ");
      if (g_str_has_prefix (l, "seconds="))
        r->seconds = g_ascii_strtod (l + strlen ("seconds="), NULL);
      else if (g_str_has_prefix (l, "close_seconds="))
        r->close_seconds = g_ascii_strtod (l + strlen ("close_seconds="), NULL);
      else if (g_str_has_prefix (l, "rows="))
        r->rows = g_ascii_strtoull (l + strlen ("rows="), NULL, 10);
      else if (g_str_has_prefix (l, "lines="))
        r->lines = g_ascii_strtoull (l + strlen ("lines="), NULL, 10);
      else if (g_str_has_prefix (l, "hwm_kib="))
        r->hwm_kib = g_ascii_strtoll (l + strlen ("hwm_kib="), NULL, 10);
    }
  return TRUE;
}


/* Two decimals for short steps, so a quick run still shows a ratio's parts. */
static char *
format_seconds (double seconds)
{
  return g_strdup_printf (seconds < 10 ? "%.2f s" : "%.1f s", seconds);
}

static char *
format_rss (gint64 kib)
{
  if (kib < 0)
    return g_strdup ("n/a");
  return g_strdup_printf ("%" G_GINT64_FORMAT " MiB", (kib + 1023) / 1024);
}

static char *
format_rate (const StepResult *r)
{
  g_autofree char *n = mulu_bench_format_count (r->seconds > 0 ? (guint64) (r->rows / r->seconds) : 0);
  return g_strdup_printf ("%s rows/s", n);
}

static void
print_row (const char       *title,
           const StepResult *r,
           gboolean          with_rate)
{
  g_autofree char *rate = with_rate ? format_rate (r) : g_strdup ("");
  g_autofree char *rss = format_rss (r->hwm_kib);
  g_autofree char *secs = format_seconds (r->seconds);

  printf ("%-16s %-9s %-18s peak RSS %s", title, secs, rate, rss);
  if (r->close_seconds > 0)
    {
      g_autofree char *close = format_seconds (r->close_seconds);
      printf ("   (then closing the file: %s)", close);
    }
  printf ("\n");
}


static int
run_all (const char *argv0)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = mulu_bench_self_path (argv0);
  g_autofree char *package = NULL;
  g_autofree char *n_lines = NULL;
  g_autofree char *n_rows = NULL;
  g_autofree char *import_rss = NULL;
  StepResult r[N_STEPS] = { { 0 } };
  MuluGenerateOptions o;
  gboolean temporary = FALSE;
  GStatBuf st;
  double ratio;
  gboolean ratio_met, rss_known, rss_met;
  int status = 1;

  if (opt_workdir == NULL)
    {
      if ((opt_workdir = g_dir_make_tmp ("mulu-bench-XXXXXX", &error)) == NULL)
        {
          g_printerr ("bench-import: %s\n", error->message);
          return 1;
        }
      temporary = TRUE;
    }
  else if (g_mkdir_with_parents (opt_workdir, 0700) != 0)
    {
      g_printerr ("bench-import: cannot create %s: %s\n", opt_workdir, g_strerror (errno));
      return 1;
    }

  mulu_bench_layout (&o, opt_resources, opt_items);
  printf ("Mulu import benchmark: %u departments × (%u systems + %u resources × (1 + %u items)), in %s\n",
          o.departments, o.systems, o.resources, o.items, opt_workdir);
  fflush (stdout);

  for (Step s = 0; s < N_STEPS; s++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autofree char *wall = NULL;

      printf ("  %-9s … ", step_names[s]);
      fflush (stdout);
      if (!run_child (self, s, &r[s], &error))
        {
          printf ("failed\n");
          g_printerr ("bench-import: %s\n", error->message);
          goto out;
        }
      wall = format_seconds (mulu_bench_seconds_since (start));
      printf ("%s (child process, wall)\n", wall);
      fflush (stdout);
    }

  if (r[STEP_IMPORT].rows != r[STEP_BARE].rows || r[STEP_IMPORT].lines != r[STEP_BARE].lines)
    g_printerr ("bench-import: the import read %" G_GUINT64_FORMAT " records on %" G_GUINT64_FORMAT " lines but the bare loop %"
                G_GUINT64_FORMAT " on %" G_GUINT64_FORMAT "; the comparison is unfair.\n",
                r[STEP_IMPORT].rows, r[STEP_IMPORT].lines, r[STEP_BARE].rows, r[STEP_BARE].lines);

  package = work_path ("gen.jsonl");
  n_lines = mulu_bench_format_count (r[STEP_IMPORT].lines);
  n_rows = mulu_bench_format_count (r[STEP_IMPORT].rows);
  ratio = r[STEP_BARE].seconds > 0 ? r[STEP_IMPORT].seconds / r[STEP_BARE].seconds : 0;
  import_rss = format_rss (r[STEP_IMPORT].hwm_kib);

  printf ("\n");
  printf ("%-16s %s\n", "lines", n_lines);
  printf ("%-16s %s\n", "records", n_rows);
  if (g_stat (package, &st) == 0)
    printf ("%-16s %.0f MiB\n", "package", (double) st.st_size / (1024.0 * 1024.0));
  print_row (step_titles[STEP_GENERATE], &r[STEP_GENERATE], FALSE);
  print_row (step_titles[STEP_EXPORT], &r[STEP_EXPORT], TRUE);
  print_row (step_titles[STEP_IMPORT], &r[STEP_IMPORT], TRUE);
  print_row (step_titles[STEP_BARE], &r[STEP_BARE], TRUE);
  printf ("%-16s %.2f×   (target ≤ %.1f×, peak RSS ≤ %d MiB)\n", "ratio", ratio, TARGET_RATIO, TARGET_RSS_MIB);
  printf ("\n");

  ratio_met = ratio <= TARGET_RATIO;
  printf ("%s: import takes %.2f× the bare loop (target ≤ %.1f×)\n",
          ratio_met ? "TARGET MET" : "TARGET MISSED", ratio, TARGET_RATIO);
  rss_known = r[STEP_IMPORT].hwm_kib >= 0;
  rss_met = rss_known && r[STEP_IMPORT].hwm_kib <= (gint64) TARGET_RSS_MIB * 1024;
  if (rss_known)
    printf ("%s: import peak RSS %s (target ≤ %d MiB)\n",
            rss_met ? "TARGET MET" : "TARGET MISSED", import_rss, TARGET_RSS_MIB);
  else
    printf ("TARGET UNKNOWN: import peak RSS n/a on this system (target ≤ %d MiB)\n", TARGET_RSS_MIB);
  status = 0;

out:
  if (temporary)
    mulu_bench_remove_tree (opt_workdir);
  return status;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = g_option_context_new ("- time a package import against the bare loop");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-import: %s\n", error->message);
      return 2;
    }
  if (opt_resources < 1 || opt_items < 0)
    {
      g_printerr ("bench-import: --resources must be at least 1 and --items-per-resource at least 0.\n");
      return 2;
    }

  if (opt_step)
    {
      if (opt_workdir == NULL)
        {
          g_printerr ("bench-import: --step needs --workdir.\n");
          return 2;
        }
      return run_step (opt_step);
    }
  return run_all (argv[0]);
}
