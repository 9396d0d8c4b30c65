/* bench-validate.c — how the validation engine compares with one SQL scan
 *
 * The project's targets: a full validation run (mulu_validate_catalog) takes
 * at most 2× the time of the simplest read of the same catalog — one
 * `SELECT *` over each of its four tables, stepped to the end with every
 * value read — and re-checking one changed record (mulu_validate_record)
 * takes well under a millisecond for a typical record.
 *
 * Each measured step runs in a child process (this same binary, re-run with
 * the hidden --step option) on the same catalog file, so a step's peak RSS is
 * its own. The child prints "result KEY=VALUE" lines; the parent collects
 * them and prints the table. The scan and the full run are repeated --runs
 * times, alternately, and their medians compared.
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
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench-util.h"
#include "mulu-core.h"

#define SECRET_SHARE             0.01
#define TODAY                    "2026-11-22"
#define TARGET_RATIO             2.0
#define TARGET_RECORD_MS         1.0

/* The connection settings Mulu's catalogs use (mulu-catalog.c), so that the
 * scan has the same page cache. */
#define MULU_LIKE_PRAGMAS \
  "PRAGMA temp_store = MEMORY;" \
  "PRAGMA cache_size = -32768;"

typedef enum {
  STEP_GENERATE,
  STEP_SCAN,
  STEP_VALIDATE,
  STEP_UPDATE,
  STEP_RECORD,
  N_STEPS
} Step;

static const char * const step_names[N_STEPS] = { "generate", "scan", "validate", "update", "record" };

/* What a child reports: "result KEY=VALUE" lines, all numbers. */
typedef GHashTable Result;  /* char * → double * */

static int    opt_resources = 100000;
static int    opt_items = 20;
static int    opt_runs = 3;
static int    opt_edits = 1000;
static char  *opt_workdir = NULL;
static char  *opt_step = NULL;

static GOptionEntry entries[] = {
  { "resources", 0, 0, G_OPTION_ARG_INT, &opt_resources,
    "Information resources in the generated catalog (100 per department; default 100000)", "N" },
  { "items-per-resource", 0, 0, G_OPTION_ARG_INT, &opt_items,
    "Data items per resource (default 20)", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs,
    "Times the scan and the full run are repeated; their medians are compared (default 3)", "N" },
  { "edits", 0, 0, G_OPTION_ARG_INT, &opt_edits,
    "Resources and items edited one by one in the incremental steps (default 1000 of each)", "N" },
  { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &opt_workdir,
    "Folder for the files; kept afterwards (default: a temporary folder, removed)", "DIR" },
  { "step", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_step,
    "Run one step in this process: generate, scan, validate, update or record", "STEP" },
  { NULL }
};



static void
layout (MuluGenerateOptions *o)
{
  mulu_bench_layout (o, opt_resources, opt_items);
  o->secret_share = SECRET_SHARE;
}

static char *
work_path (const char *name)
{
  return g_build_filename (opt_workdir, name, NULL);
}


static void
put (const char *key,
     double      value)
{
  printf ("result %s=%.9g\n", key, value);
}

/* ---- the steps, each run in its own child ------------------------------ */

static gboolean
step_generate (GError **error)
{
  g_autofree char *path = work_path ("gen.mulu");
  g_autoptr(MuluCatalog) catalog = NULL;
  MuluGenerateOptions o;
  gint64 start;

  mulu_bench_remove_db (path);
  layout (&o);
  start = g_get_monotonic_time ();
  if ((catalog = mulu_catalog_create (path, error)) == NULL ||
      !mulu_generate (catalog, &o, NULL, NULL, NULL, error))
    return FALSE;
  put ("seconds", mulu_bench_seconds_since (start));
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    {
      g_autofree char *key = g_strdup_printf ("count_%s", mulu_entity_get_info (e)->kind);
      gint64 n = mulu_catalog_count (catalog, e, error);
      if (n < 0)
        return FALSE;
      put (key, (double) n);
    }
  return mulu_catalog_close (catalog, error);
}

static gboolean
sql_failed (sqlite3  *db,
            GError  **error)
{
  g_set_error (error, MULU_ERROR, MULU_ERROR_DATABASE, "scan: %s", sqlite3_errmsg (db));
  return FALSE;
}

/* The baseline: every row of every table, every column read by its type
 * (text as text, so the strings are materialised), in one read transaction. */
static gboolean
step_scan (GError **error)
{
  g_autofree char *path = work_path ("gen.mulu");
  sqlite3 *db = NULL;
  guint64 rows = 0, cells = 0, bytes = 0, checksum = 0;
  gboolean ok = FALSE;
  gint64 start;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_exec (db, MULU_LIKE_PRAGMAS, NULL, NULL, NULL) != SQLITE_OK)
    {
      sql_failed (db, error);
      goto out;
    }

  start = g_get_monotonic_time ();
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
    {
      sql_failed (db, error);
      goto out;
    }
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", mulu_entity_get_info (e)->table);
      sqlite3_stmt *stmt = NULL;
      int rc, n;

      if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
        {
          sql_failed (db, error);
          goto out;
        }
      n = sqlite3_column_count (stmt);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          rows++;
          for (int c = 0; c < n; c++)
            {
              switch (sqlite3_column_type (stmt, c))
                {
                case SQLITE_INTEGER:
                  checksum += (guint64) sqlite3_column_int64 (stmt, c);
                  break;
                case SQLITE_FLOAT:
                  checksum += (guint64) sqlite3_column_double (stmt, c);
                  break;
                case SQLITE_TEXT:
                case SQLITE_BLOB:
                  {
                    const unsigned char *t = sqlite3_column_text (stmt, c);
                    int len = sqlite3_column_bytes (stmt, c);
                    bytes += (guint64) len;
                    checksum += len > 0 ? t[len - 1] : 0;
                  }
                  break;
                default:
                  break;
                }
              cells++;
            }
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        {
          sql_failed (db, error);
          goto out;
        }
    }
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  put ("seconds", mulu_bench_seconds_since (start));
  put ("rows", (double) rows);
  put ("cells", (double) cells);
  put ("text_bytes", (double) bytes);
  put ("checksum", (double) (checksum & 0xffff));
  ok = TRUE;

out:
  sqlite3_close (db);
  return ok;
}

static gboolean
step_validate (GError **error)
{
  g_autofree char *path = work_path ("gen.mulu");
  g_autoptr(MuluCatalog) catalog = NULL;
  guint64 counts[MULU_N_SEVERITIES];
  gint64 start;

  if ((catalog = mulu_catalog_open (path, error)) == NULL)
    return FALSE;
  start = g_get_monotonic_time ();
  if (!mulu_validate_catalog (catalog, NULL, NULL, NULL, error))
    return FALSE;
  put ("seconds", mulu_bench_seconds_since (start));
  if (!mulu_findings_count (catalog, counts, error))
    return FALSE;
  put ("errors", (double) counts[MULU_SEVERITY_ERROR]);
  put ("warnings", (double) counts[MULU_SEVERITY_WARNING]);
  put ("hints", (double) counts[MULU_SEVERITY_HINT]);
  start = g_get_monotonic_time ();
  if (!mulu_catalog_close (catalog, error))
    return FALSE;
  put ("close_seconds", mulu_bench_seconds_since (start));
  return TRUE;
}

/* -- the incremental steps -- */

/* n ids spread evenly over the query's result (a typical record: not 涉密). */
static GArray *
pick_ids (const char *path,
          const char *sql,
          guint       n,
          GError    **error)
{
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      sql_failed (db, error);
      sqlite3_close (db);
      g_array_unref (out);
      return NULL;
    }
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (all, id);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  n = MIN (n, all->len);
  for (guint k = 0; k < n; k++)
    g_array_append_val (out, g_array_index (all, gint64, (guint64) k * all->len / n));
  return out;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* Median, 99th percentile (nearest rank), mean and max of the per-edit times. */
static void
put_stats (const char *prefix,
           GArray     *ms)
{
  g_autofree char *k_median = g_strdup_printf ("%s_median_ms", prefix);
  g_autofree char *k_p99 = g_strdup_printf ("%s_p99_ms", prefix);
  g_autofree char *k_mean = g_strdup_printf ("%s_mean_ms", prefix);
  g_autofree char *k_max = g_strdup_printf ("%s_max_ms", prefix);
  g_autofree char *k_n = g_strdup_printf ("%s_n", prefix);
  double sum = 0;
  guint n = ms->len;

  if (n == 0)
    return;
  g_array_sort (ms, compare_doubles);
  for (guint i = 0; i < n; i++)
    sum += g_array_index (ms, double, i);
  put (k_n, n);
  put (k_median, n % 2 ? g_array_index (ms, double, n / 2)
                       : (g_array_index (ms, double, n / 2 - 1) + g_array_index (ms, double, n / 2)) / 2);
  put (k_p99, g_array_index (ms, double, MIN (n - 1, (guint) ((n * 99 + 99) / 100) - 1)));
  put (k_mean, sum / n);
  put (k_max, g_array_index (ms, double, n - 1));
}

typedef struct {
  MuluEntity  entity;
  guint       field;
  const char *prefix;
  const char *ids_sql;
} EditKind;

static const EditKind edit_kinds[] = {
  { MULU_ENTITY_RESOURCE, MULU_RESOURCE_SUMMARY, "resource",
    "SELECT id FROM resources WHERE coalesce(secrecy, '') <> '涉密' ORDER BY id" },
  { MULU_ENTITY_ITEM, MULU_ITEM_NAME, "item",
    "SELECT i.id FROM items i JOIN resources r ON r.id = i.resource_id WHERE coalesce(r.secrecy, '') <> '涉密' ORDER BY i.id" },
};

/* update: the whole edit as the window makes it (mulu_catalog_update: read,
 * compare, log, UPDATE, mulu_validate_record, COMMIT with fsync).
 * record: mulu_validate_record alone, inside a transaction that is rolled
 * back afterwards (outside one, each of its statements would be its own
 * fsync'ed commit, which no caller does). */
static gboolean
step_edits (gboolean whole_update,
            GError **error)
{
  g_autofree char *path = work_path ("gen.mulu");
  g_autoptr(MuluCatalog) catalog = NULL;

  if ((catalog = mulu_catalog_open (path, error)) == NULL)
    return FALSE;

  for (guint k = 0; k < G_N_ELEMENTS (edit_kinds); k++)
    {
      const EditKind *kind = &edit_kinds[k];
      g_autoptr(GArray) ids = pick_ids (path, kind->ids_sql, (guint) opt_edits, error);
      g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));

      if (ids == NULL)
        return FALSE;
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(MuluRecord) before = mulu_catalog_get (catalog, kind->entity, g_array_index (ids, gint64, i), error);
          g_autoptr(MuluRecord) after = NULL;
          g_autofree char *text = NULL;
          gint64 start;
          double elapsed;

          if (before == NULL)
            return FALSE;
          after = mulu_record_copy (before);
          text = g_strdup_printf ("%s（修订 %u）", mulu_record_get_string (before, kind->field) ? mulu_record_get_string (before, kind->field) : "", i + 1);
          mulu_record_set_string (after, kind->field, text);

          if (whole_update)
            {
              start = g_get_monotonic_time ();
              if (!mulu_catalog_update (catalog, after, error))
                return FALSE;
              elapsed = mulu_bench_seconds_since (start) * 1000;
            }
          else
            {
              gboolean ok;

              if (!mulu_catalog_begin (catalog, error))
                return FALSE;
              start = g_get_monotonic_time ();
              ok = mulu_validate_record (catalog, kind->entity, before, after, error);
              elapsed = mulu_bench_seconds_since (start) * 1000;
              mulu_catalog_rollback (catalog);
              if (!ok)
                return FALSE;
            }
          g_array_append_val (ms, elapsed);
        }
      put_stats (kind->prefix, ms);
    }
  return mulu_catalog_close (catalog, error);
}

static int
run_step (const char *name)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (name, "generate"))
    ok = step_generate (&error);
  else if (g_str_equal (name, "scan"))
    ok = step_scan (&error);
  else if (g_str_equal (name, "validate"))
    ok = step_validate (&error);
  else if (g_str_equal (name, "update"))
    ok = step_edits (TRUE, &error);
  else if (g_str_equal (name, "record"))
    ok = step_edits (FALSE, &error);
  else
    {
      g_printerr ("bench-validate: unknown step “%s”; use generate, scan, validate, update or record.\n", name);
      return 2;
    }
  if (!ok)
    {
      g_printerr ("bench-validate: step %s failed: %s\n", name, error ? error->message : "(no message)");
      return 1;
    }
  printf ("result hwm_kib=%" G_GINT64_FORMAT "\n", mulu_bench_peak_rss_kib ());
  fflush (stdout);
  return 0;
}

/* ---- the parent: run the children, print the table --------------------- */


static Result *
run_child (const char *self,
           Step        step,
           GError    **error)
{
  g_autofree char *resources = g_strdup_printf ("%d", opt_resources);
  g_autofree char *items = g_strdup_printf ("%d", opt_items);
  g_autofree char *edits = g_strdup_printf ("%d", opt_edits);
  const char *argv[] = {
    self, "--step", step_names[step], "--workdir", opt_workdir,
    "--resources", resources, "--items-per-resource", items, "--edits", edits, NULL
  };
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  Result *r;
  int status;

  /* stderr is inherited, so a child's messages reach the terminal. */
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, error))
    return NULL;
  if (!g_spawn_check_wait_status (status, error))
    {
      g_prefix_error (error, "step %s: ", step_names[step]);
      return NULL;
    }

  r = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      const char *l = lines[i], *eq;
      double v;

      if (!g_str_has_prefix (l, "result ") || (eq = strchr (l, '=')) == NULL)
        continue;
      l += strlen ("result ");
      v = g_ascii_strtod (eq + 1, NULL);
      g_hash_table_insert (r, g_strndup (l, (gsize) (eq - l)), g_memdup2 (&v, sizeof v));
    }
  return r;
}

static double
get (Result     *r,
     const char *key)
{
  double *v = r ? g_hash_table_lookup (r, key) : NULL;
  return v ? *v : -1;
}

static double
median (GArray *values)
{
  g_autoptr(GArray) v = g_array_copy (values);
  guint n = v->len;

  if (n == 0)
    return 0;
  g_array_sort (v, compare_doubles);
  return n % 2 ? g_array_index (v, double, n / 2)
               : (g_array_index (v, double, n / 2 - 1) + g_array_index (v, double, n / 2)) / 2;
}


static char *
format_seconds (double seconds)
{
  return g_strdup_printf (seconds < 10 ? "%.2f s" : "%.1f s", seconds);
}

static char *
format_rss (double kib)
{
  if (kib < 0)
    return g_strdup ("n/a");
  return g_strdup_printf ("%.0f MiB", (kib + 1023) / 1024);
}

static char *
format_runs (GArray *values)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < values->len; i++)
    g_string_append_printf (s, "%s%.2f", i ? " " : "", g_array_index (values, double, i));
  return g_string_free (s, FALSE);
}

static void
print_edits (const char *title,
             Result     *r,
             const char *prefix,
             const char *note)
{
  g_autofree char *k_median = g_strdup_printf ("%s_median_ms", prefix);
  g_autofree char *k_p99 = g_strdup_printf ("%s_p99_ms", prefix);
  g_autofree char *k_mean = g_strdup_printf ("%s_mean_ms", prefix);
  g_autofree char *k_max = g_strdup_printf ("%s_max_ms", prefix);
  g_autofree char *k_n = g_strdup_printf ("%s_n", prefix);

  printf ("%-18s median %7.3f ms   p99 %7.3f ms   mean %7.3f ms   max %7.2f ms   (%.0f edits; %s)\n",
          title, get (r, k_median), get (r, k_p99), get (r, k_mean), get (r, k_max), get (r, k_n), note);
}


static Result *
run_timed (const char *self,
           Step        step,
           const char *label,
           GError    **error)
{
  gint64 start = g_get_monotonic_time ();
  Result *r;

  printf ("  %-12s … ", label);
  fflush (stdout);
  if ((r = run_child (self, step, error)) == NULL)
    {
      printf ("failed\n");
      return NULL;
    }
  printf ("%.2f s (child process, wall)\n", mulu_bench_seconds_since (start));
  fflush (stdout);
  return r;
}

static int
run_all (const char *argv0)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = mulu_bench_self_path (argv0);
  g_autofree char *catalog = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GArray) scan_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) validate_s = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) validate_rss = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) scan_rss = g_array_new (FALSE, FALSE, sizeof (double));
  Result *gen, *scan = NULL, *validate = NULL, *update, *record;
  MuluGenerateOptions o;
  gboolean temporary = FALSE;
  GStatBuf st;
  double scan_median, validate_median, ratio, records = 0;
  double findings;
  int status = 1;

  if (opt_workdir == NULL)
    {
      if ((opt_workdir = g_dir_make_tmp ("mulu-bench-XXXXXX", &error)) == NULL)
        {
          g_printerr ("bench-validate: %s\n", error->message);
          return 1;
        }
      temporary = TRUE;
    }
  else if (g_mkdir_with_parents (opt_workdir, 0700) != 0)
    {
      g_printerr ("bench-validate: cannot create %s: %s\n", opt_workdir, g_strerror (errno));
      return 1;
    }

  layout (&o);
  printf ("Mulu validation benchmark: %u departments × (%u systems + %u resources × (1 + %u items)), "
          "%.0f%% 涉密, MULU_TODAY=%s, in %s\n",
          o.departments, o.systems, o.resources, o.items, o.secret_share * 100, TODAY, opt_workdir);
  fflush (stdout);

#define RUN(var, step, label) \
  G_STMT_START { \
    if ((var = run_timed (self, step, label, &error)) == NULL) \
      { \
        g_printerr ("bench-validate: %s\n", error->message); \
        goto out; \
      } \
    g_ptr_array_add (results, var); \
  } G_STMT_END

  RUN (gen, STEP_GENERATE, "generate");
  for (int run = 0; run < opt_runs; run++)
    {
      g_autofree char *l_scan = g_strdup_printf ("scan %d", run + 1);
      g_autofree char *l_validate = g_strdup_printf ("validate %d", run + 1);
      double v;

      RUN (scan, STEP_SCAN, l_scan);
      v = get (scan, "seconds");
      g_array_append_val (scan_s, v);
      v = get (scan, "hwm_kib");
      g_array_append_val (scan_rss, v);
      RUN (validate, STEP_VALIDATE, l_validate);
      v = get (validate, "seconds");
      g_array_append_val (validate_s, v);
      v = get (validate, "hwm_kib");
      g_array_append_val (validate_rss, v);
    }
  /* After the full run, as in the window: the findings are there. */
  RUN (update, STEP_UPDATE, "update");
  RUN (record, STEP_RECORD, "record");
#undef RUN

  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    {
      g_autofree char *key = g_strdup_printf ("count_%s", mulu_entity_get_info (e)->kind);
      records += get (gen, key);
    }
  scan_median = median (scan_s);
  validate_median = median (validate_s);
  ratio = scan_median > 0 ? validate_median / scan_median : 0;
  findings = get (validate, "errors") + get (validate, "warnings") + get (validate, "hints");
  catalog = work_path ("gen.mulu");

  printf ("\n");
  {
    g_autofree char *n_records = mulu_bench_format_count ((guint64) records);
    g_autofree char *n_rows = mulu_bench_format_count ((guint64) get (scan, "rows"));
    g_autofree char *n_cells = mulu_bench_format_count ((guint64) get (scan, "cells"));
    g_autofree char *n_findings = mulu_bench_format_count ((guint64) findings);
    g_autofree char *n_e = mulu_bench_format_count ((guint64) get (validate, "errors"));
    g_autofree char *n_w = mulu_bench_format_count ((guint64) get (validate, "warnings"));
    g_autofree char *n_h = mulu_bench_format_count ((guint64) get (validate, "hints"));
    g_autofree char *gen_s = format_seconds (get (gen, "seconds"));
    g_autofree char *gen_rss = format_rss (get (gen, "hwm_kib"));
    g_autofree char *scan_t = format_seconds (scan_median);
    g_autofree char *scan_m = format_rss (median (scan_rss));
    g_autofree char *val_t = format_seconds (validate_median);
    g_autofree char *val_m = format_rss (median (validate_rss));
    g_autofree char *scan_runs = format_runs (scan_s);
    g_autofree char *val_runs = format_runs (validate_s);

    printf ("%-18s %s (%s cells read by the scan)\n", "records", n_records, n_cells);
    if (g_stat (catalog, &st) == 0)
      printf ("%-18s %.0f MiB (after the runs, findings included)\n", "catalog", (double) st.st_size / (1024.0 * 1024.0));
    printf ("%-18s %-9s peak RSS %s\n", "generate", gen_s, gen_rss);
    printf ("%-18s %-9s peak RSS %-8s %s rows; runs: %s s\n", "sql scan", scan_t, scan_m, n_rows, scan_runs);
    printf ("%-18s %-9s peak RSS %-8s %s findings (%s errors, %s warnings, %s hints); runs: %s s\n",
            "validate (full)", val_t, val_m, n_findings, n_e, n_w, n_h, val_runs);
    printf ("%-18s %.2f×   (median of %d runs each; target ≤ %.1f×)\n", "ratio", ratio, opt_runs, TARGET_RATIO);
    print_edits ("resource check", record, "resource", "mulu_validate_record, summary changed");
    print_edits ("item check", record, "item", "mulu_validate_record, name changed");
    print_edits ("resource update", update, "resource", "mulu_catalog_update: SQL, change log, fsync'ed commit");
    print_edits ("item update", update, "item", "mulu_catalog_update: SQL, change log, fsync'ed commit");
  }
  printf ("\n");

  printf ("%s: a full validation takes %.2f× the SQL scan (target ≤ %.1f×)\n",
          ratio <= TARGET_RATIO ? "TARGET MET" : "TARGET MISSED", ratio, TARGET_RATIO);
  for (guint k = 0; k < G_N_ELEMENTS (edit_kinds); k++)
    {
      g_autofree char *key = g_strdup_printf ("%s_median_ms", edit_kinds[k].prefix);
      g_autofree char *p99 = g_strdup_printf ("%s_p99_ms", edit_kinds[k].prefix);
      double m = get (record, key);
      printf ("%s: re-checking a changed %s takes %.3f ms (median; p99 %.3f ms; target well under %.0f ms)\n",
              m >= 0 && m < TARGET_RECORD_MS ? "TARGET MET" : "TARGET MISSED", edit_kinds[k].prefix,
              m, get (record, p99), TARGET_RECORD_MS);
    }
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

  context = g_option_context_new ("- time the validation engine against a plain SQL scan");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-validate: %s\n", error->message);
      return 2;
    }
  if (opt_resources < 1 || opt_items < 0 || opt_runs < 1 || opt_edits < 1)
    {
      g_printerr ("bench-validate: --resources, --runs and --edits must be at least 1 and --items-per-resource at least 0.\n");
      return 2;
    }
  /* The date rules count from a fixed day, so every run finds the same. */
  g_setenv ("MULU_TODAY", TODAY, TRUE);

  if (opt_step)
    {
      if (opt_workdir == NULL)
        {
          g_printerr ("bench-validate: --step needs --workdir.\n");
          return 2;
        }
      return run_step (opt_step);
    }
  return run_all (argv[0]);
}
