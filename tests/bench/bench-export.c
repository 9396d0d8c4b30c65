/* bench-export.c — how the census workbook export compares with bare writers
 *
 * The project's targets: mulu_workbook_export (template "national") takes at
 * most 1.2× the time of the simplest C program that writes the same cells
 * from the same catalog with libxlsxwriter in constant-memory mode, is at
 * least 3× faster than Python's XlsxWriter (also constant-memory) doing the
 * same, and its peak RSS stays at or under 64 MiB.
 *
 * Each measured step runs in a child process (this same binary, re-run with
 * the hidden --step option, or python3 running bench_export_xlsxwriter.py),
 * so a step's peak RSS is its own. A child prints "result KEY=VALUE" lines;
 * the parent collects them and prints the table. With --runs N the timed
 * steps are repeated, in turn, and the medians compared.
 *
 * This is a measuring tool, not a test: it exits 0 whatever the figures, and
 * 1 only when a step could not run at all. A missing python3-xlsxwriter
 * shows as n/a.
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
#include <string.h>
#include <xlsxwriter.h>

#include "bench-util.h"
#include "mulu-core.h"

#define TODAY                    "2026-11-22"
#define EXCEL_MAX_ROWS           1048576u
#define TARGET_RATIO_BARE        1.2
#define TARGET_RATIO_PYTHON      3.0
#define TARGET_RSS_MIB           64

#ifndef BENCH_EXPORT_SCRIPT
#define BENCH_EXPORT_SCRIPT "bench_export_xlsxwriter.py"
#endif

/* The page cache Mulu's catalogs use (mulu-catalog.c). */
#define MULU_LIKE_PRAGMAS \
  "PRAGMA temp_store = MEMORY;" \
  "PRAGMA cache_size = -32768;"

typedef enum {
  STEP_GENERATE,
  STEP_VALIDATE,
  STEP_EXPORT,
  STEP_BARE,
  STEP_PYTHON,
  N_STEPS
} Step;

static const char * const step_names[N_STEPS] = { "generate", "validate", "export", "bare", "python" };

typedef GHashTable Result;  /* char * → double *, from "result KEY=VALUE" lines */

static int    opt_resources = 100000;
static int    opt_items = 20;
static int    opt_runs = 1;
static char  *opt_workdir = NULL;
static char  *opt_step = NULL;
static char  *opt_python = NULL;
static char  *opt_script = NULL;

static GOptionEntry entries[] = {
  { "resources", 0, 0, G_OPTION_ARG_INT, &opt_resources,
    "Information resources in the generated catalog (100 per department; default 100000)", "N" },
  { "items-per-resource", 0, 0, G_OPTION_ARG_INT, &opt_items,
    "Data items per resource (default 20)", "N" },
  { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs,
    "Times each timed step is repeated; medians are compared (default 1)", "N" },
  { "python", 0, 0, G_OPTION_ARG_FILENAME, &opt_python,
    "Python interpreter for the XlsxWriter step (default /usr/bin/python3); \"none\" skips it", "PATH" },
  { "script", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &opt_script,
    "The XlsxWriter script (default: the one in the source tree)", "PATH" },
  { "workdir", 0, 0, G_OPTION_ARG_FILENAME, &opt_workdir,
    "Folder for the files; kept afterwards (default: a temporary folder, removed)", "DIR" },
  { "step", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_step,
    "Run one step in this process: generate, validate, export or bare", "STEP" },
  { NULL }
};



static void
layout (MuluGenerateOptions *o)
{
  mulu_bench_layout (o, opt_resources, opt_items);
  o->secret_share = 0.0;
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

static void
put_file_size (const char *path)
{
  GStatBuf st;

  if (g_stat (path, &st) == 0)
    put ("file_bytes", (double) st.st_size);
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

/* What the export does first, alone: its share of the export's time. */
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
  put ("findings", (double) (counts[0] + counts[1] + counts[2]));
  return mulu_catalog_close (catalog, error);
}

typedef struct {
  gint64 start;
  gint64 compress;  /* when the export said it started compressing */
} ExportClock;

static void
export_progress (double      fraction,
                 const char *text,
                 gpointer    data)
{
  ExportClock *clock = data;

  if (fraction < 0 && clock->compress == 0)
    clock->compress = g_get_monotonic_time ();
}

static gboolean
step_export (GError **error)
{
  g_autofree char *path = work_path ("gen.mulu");
  g_autofree char *out = work_path ("mulu.xlsx");
  g_autoptr(MuluCatalog) catalog = NULL;
  MuluWorkbookOptions options = { "national", TRUE, 0 };
  ExportClock clock = { 0 };
  double seconds;

  g_unlink (out);
  if ((catalog = mulu_catalog_open (path, error)) == NULL)
    return FALSE;
  clock.start = g_get_monotonic_time ();
  if (!mulu_workbook_export (catalog, out, &options, NULL, export_progress, &clock, error))
    return FALSE;
  seconds = mulu_bench_seconds_since (clock.start);
  put ("seconds", seconds);
  if (clock.compress > 0)
    put ("close_seconds", seconds - (double) (clock.compress - clock.start) / G_USEC_PER_SEC);
  put_file_size (out);
  return mulu_catalog_close (catalog, error);
}

/* -- the bare loop -- */

/* The cells the national template writes (data/templates/national.json),
 * read with plain SELECTs: column 0 is the row number, then one cell per
 * column, a number for SQL numbers, a string for text, nothing for NULL.
 * Codes are rendered as Mulu renders them (data type "C 字符型", lists joined
 * with "、", booleans 是/否). bench_export_xlsxwriter.py has the same list;
 * keep the two alike. The small sheets (instructions, zombies, summary,
 * code lists) are left out: they are a few hundred cells. */
typedef struct {
  const char *name;
  const char *sql;
} BareSheet;

static const BareSheet bare_sheets[] = {
  { "部门信息",
    "SELECT name, uscc, region_code, contact_name, contact_phone FROM departments ORDER BY id" },
  { "政务信息系统",
    "SELECT s.name, s.function, s.usage_scope, s.usage_frequency, s.approval_department, s.approval_date,"
    " s.funding_source, s.builder, s.contractor, s.maintainer, s.go_live_date, s.om_contract_end,"
    " s.construction_cost, s.annual_om_cost, s.construction_mode, s.om_mode, s.layer, s.status, s.network,"
    " s.hosting, s.protection_level, s.secrecy, s.user_count, s.user_group,"
    " CASE s.sharing_platform_connected WHEN 1 THEN '是' WHEN 0 THEN '否' END,"
    " CASE s.supports_current_duties WHEN 1 THEN '是' WHEN 0 THEN '否' END,"
    " s.last_business_use, s.last_login, s.utilization_percent, s.last_update, s.remarks"
    " FROM systems s ORDER BY s.id" },
  { "政务信息资源目录",
    "SELECT r.class_1, r.class_2, r.class_3, r.name, r.code, d.name, d.uscc, s.name, r.summary,"
    " r.format_category, r.format_type, r.format_note, r.share_type, r.share_condition, r.share_basis_type,"
    " r.share_basis, r.share_method_category, r.share_method_type, r.share_method_reason, r.open_type,"
    " r.open_condition, r.update_cycle, r.publish_date,"
    " (SELECT group_concat(j.value, '、') FROM json_each(r.related_codes) j),"
    " r.secrecy, r.secret_level, r.volume_records, r.volume_storage_gb, r.volume_structured_gb,"
    " r.volume_unstructured_gb, r.volume_shared_records, r.volume_opened_records"
    " FROM resources r LEFT JOIN departments d ON d.id = r.department_id LEFT JOIN systems s ON s.id = r.system_id"
    " ORDER BY r.id" },
  { "信息项",
    "SELECT r.code, r.name, i.name,"
    " CASE WHEN c.label IS NULL OR c.label = i.data_type THEN i.data_type ELSE i.data_type || ' ' || c.label END,"
    " i.length, i.share_type, i.open_type, i.remarks"
    " FROM resources r JOIN items i ON i.resource_id = r.id"
    " LEFT JOIN codes c ON c.table_id = 'data_type' AND c.path = i.data_type"
    " ORDER BY r.id, i.id" },
  { "校验问题",
    "SELECT f.rule, CASE f.severity WHEN 0 THEN '错误' WHEN 1 THEN '警告' ELSE '提示' END,"
    " CASE f.entity WHEN 'department' THEN '部门' WHEN 'system' THEN '信息系统' WHEN 'resource' THEN '信息资源' ELSE '信息项' END,"
    " CASE f.entity WHEN 'department' THEN (SELECT uid FROM departments WHERE id = f.record_id)"
    "  WHEN 'system' THEN (SELECT uid FROM systems WHERE id = f.record_id)"
    "  WHEN 'resource' THEN (SELECT uid FROM resources WHERE id = f.record_id)"
    "  ELSE (SELECT uid FROM items WHERE id = f.record_id) END,"
    " CASE f.entity WHEN 'department' THEN (SELECT name FROM departments WHERE id = f.record_id)"
    "  WHEN 'system' THEN (SELECT name FROM systems WHERE id = f.record_id)"
    "  WHEN 'resource' THEN (SELECT name FROM resources WHERE id = f.record_id)"
    "  ELSE (SELECT name FROM items WHERE id = f.record_id) END,"
    " f.field, f.message"
    " FROM findings f ORDER BY f.severity, f.rule, f.entity, f.record_id, f.id" },
};

static gboolean
bare_sql_failed (sqlite3  *db,
                 GError  **error)
{
  g_set_error (error, MULU_ERROR, MULU_ERROR_DATABASE, "bare loop: %s", sqlite3_errmsg (db));
  return FALSE;
}

static gboolean
bare_check (lxw_error   err,
            const char *sheet,
            GError    **error)
{
  if (err == LXW_NO_ERROR)
    return TRUE;
  g_set_error (error, MULU_ERROR, MULU_ERROR_FAILED, "bare loop: sheet %s: %s", sheet, lxw_strerror (err));
  return FALSE;
}

static lxw_worksheet *
bare_add_sheet (lxw_workbook  *wb,
                const char    *name,
                guint          part,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autofree char *title = part == 1 ? g_strdup (name) : g_strdup_printf ("%s (%u)", name, part);
  lxw_worksheet *ws = workbook_add_worksheet (wb, title);

  if (ws == NULL)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_FAILED, "bare loop: cannot add the sheet %s", title);
      return NULL;
    }
  /* A header row: the column names. */
  if (!bare_check (worksheet_write_string (ws, 0, 0, "序号", NULL), title, error))
    return NULL;
  for (int c = 0; c < sqlite3_column_count (stmt); c++)
    if (!bare_check (worksheet_write_string (ws, 0, (lxw_col_t) c + 1, sqlite3_column_name (stmt, c), NULL), title, error))
      return NULL;
  return ws;
}

static gboolean
bare_sheet (lxw_workbook    *wb,
            sqlite3         *db,
            const BareSheet *sheet,
            guint64         *rows,
            guint64         *cells,
            GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  lxw_worksheet *ws;
  guint part = 1;
  lxw_row_t row = 1;
  guint64 number = 0;
  gboolean ok = TRUE;
  int rc, n;

  if (sqlite3_prepare_v2 (db, sheet->sql, -1, &stmt, NULL) != SQLITE_OK)
    return bare_sql_failed (db, error);
  n = sqlite3_column_count (stmt);
  if ((ws = bare_add_sheet (wb, sheet->name, part, stmt, error)) == NULL)
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (row >= EXCEL_MAX_ROWS)
        {
          if ((ws = bare_add_sheet (wb, sheet->name, ++part, stmt, error)) == NULL)
            {
              ok = FALSE;
              break;
            }
          row = 1;
        }
      ok = bare_check (worksheet_write_number (ws, row, 0, (double) ++number, NULL), sheet->name, error);
      (*cells)++;
      for (int c = 0; ok && c < n; c++)
        {
          switch (sqlite3_column_type (stmt, c))
            {
            case SQLITE_INTEGER:
            case SQLITE_FLOAT:
              ok = bare_check (worksheet_write_number (ws, row, (lxw_col_t) c + 1, sqlite3_column_double (stmt, c), NULL),
                               sheet->name, error);
              (*cells)++;
              break;
            case SQLITE_TEXT:
              ok = bare_check (worksheet_write_string (ws, row, (lxw_col_t) c + 1, (const char *) sqlite3_column_text (stmt, c), NULL),
                               sheet->name, error);
              (*cells)++;
              break;
            default:
              break;
            }
        }
      row++;
      (*rows)++;
    }
  if (ok && rc != SQLITE_DONE)
    ok = bare_sql_failed (db, error);
  sqlite3_finalize (stmt);
  return ok;
}

static gboolean
step_bare (GError **error)
{
  g_autofree char *path = work_path ("gen.mulu");
  g_autofree char *out = work_path ("bare.xlsx");
  lxw_workbook_options wbo = { 0 };
  lxw_workbook *wb = NULL;
  sqlite3 *db = NULL;
  guint64 rows = 0, cells = 0;
  gboolean ok = FALSE;
  gint64 start, close_start;
  lxw_error err;

  g_unlink (out);
  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
      sqlite3_exec (db, MULU_LIKE_PRAGMAS, NULL, NULL, NULL) != SQLITE_OK)
    {
      bare_sql_failed (db, error);
      goto out;
    }

  start = g_get_monotonic_time ();
  /* As Mulu's writer: constant memory, temporary files beside the output. */
  wbo.constant_memory = LXW_TRUE;
  wbo.tmpdir = opt_workdir;
  wbo.use_zip64 = LXW_TRUE;
  if ((wb = workbook_new_opt (out, &wbo)) == NULL)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_IO, "bare loop: cannot start %s", out);
      goto out;
    }
  ok = TRUE;
  for (guint s = 0; ok && s < G_N_ELEMENTS (bare_sheets); s++)
    ok = bare_sheet (wb, db, &bare_sheets[s], &rows, &cells, error);
  close_start = g_get_monotonic_time ();
  err = workbook_close (wb);
  if (ok && err != LXW_NO_ERROR)
    ok = bare_check (err, "(closing)", error);
  if (!ok)
    goto out;
  put ("seconds", mulu_bench_seconds_since (start));
  put ("close_seconds", mulu_bench_seconds_since (close_start));
  put ("rows", (double) rows);
  put ("cells", (double) cells);
  put_file_size (out);

out:
  sqlite3_close (db);
  return ok;
}

static int
run_step (const char *name)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_str_equal (name, "generate"))
    ok = step_generate (&error);
  else if (g_str_equal (name, "validate"))
    ok = step_validate (&error);
  else if (g_str_equal (name, "export"))
    ok = step_export (&error);
  else if (g_str_equal (name, "bare"))
    ok = step_bare (&error);
  else
    {
      g_printerr ("bench-export: unknown step “%s”; use generate, validate, export or bare.\n", name);
      return 2;
    }
  if (!ok)
    {
      g_printerr ("bench-export: step %s failed: %s\n", name, error ? error->message : "(no message)");
      return 1;
    }
  printf ("result hwm_kib=%" G_GINT64_FORMAT "\n", mulu_bench_peak_rss_kib ());
  fflush (stdout);
  return 0;
}

/* ---- the parent: run the children, print the table --------------------- */


static Result *
parse_results (const char *out)
{
  g_auto(GStrv) lines = g_strsplit (out ? out : "", "\n", -1);
  Result *r = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

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

/* NULL with *error unset: the step was skipped (no Python XlsxWriter). */
static Result *
run_child (const char *self,
           Step        step,
           GError    **error)
{
  g_autofree char *resources = g_strdup_printf ("%d", opt_resources);
  g_autofree char *items = g_strdup_printf ("%d", opt_items);
  g_autofree char *catalog = work_path ("gen.mulu");
  g_autofree char *python_out = work_path ("python.xlsx");
  const char *argv[] = {
    self, "--step", step_names[step], "--workdir", opt_workdir,
    "--resources", resources, "--items-per-resource", items, NULL
  };
  const char *python_argv[] = {
    opt_python, opt_script, catalog, python_out, opt_workdir, NULL
  };
  g_autofree char *out = NULL;
  int status;

  /* stderr is inherited, so a child's messages reach the terminal. */
  if (!g_spawn_sync (NULL, step == STEP_PYTHON ? (char **) python_argv : (char **) argv, NULL,
                     G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, error))
    return NULL;
  if (!g_spawn_check_wait_status (status, error))
    {
      /* Exit status 3: the script found no xlsxwriter module. */
      if (step == STEP_PYTHON && g_error_matches (*error, G_SPAWN_EXIT_ERROR, 3))
        g_clear_error (error);
      else
        g_prefix_error (error, "step %s: ", step_names[step]);
      return NULL;
    }
  return parse_results (out);
}

static double
get (Result     *r,
     const char *key)
{
  double *v = r ? g_hash_table_lookup (r, key) : NULL;
  return v ? *v : -1;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The median over the runs of one key (-1 when no run reported it). */
static double
median_of (GPtrArray  *runs,
           const char *key)
{
  g_autoptr(GArray) v = g_array_new (FALSE, FALSE, sizeof (double));
  guint n;

  for (guint i = 0; runs && i < runs->len; i++)
    {
      double x = get (g_ptr_array_index (runs, i), key);
      if (x >= 0)
        g_array_append_val (v, x);
    }
  if ((n = v->len) == 0)
    return -1;
  g_array_sort (v, compare_doubles);
  return n % 2 ? g_array_index (v, double, n / 2)
               : (g_array_index (v, double, n / 2 - 1) + g_array_index (v, double, n / 2)) / 2;
}

static char *
list_of (GPtrArray  *runs,
         const char *key)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; runs && i < runs->len; i++)
    g_string_append_printf (s, "%s%.1f", i ? " " : "", get (g_ptr_array_index (runs, i), key));
  return g_string_free (s, FALSE);
}


static char *
format_seconds (double seconds)
{
  if (seconds < 0)
    return g_strdup ("n/a");
  return g_strdup_printf (seconds < 10 ? "%.2f s" : "%.1f s", seconds);
}

static char *
format_rss (double kib)
{
  if (kib < 0)
    return g_strdup ("n/a");
  return g_strdup_printf ("%.0f MiB", (kib + 1023) / 1024);
}

static void
print_row (const char *title,
           GPtrArray  *runs,
           const char *note)
{
  g_autofree char *secs = format_seconds (median_of (runs, "seconds"));
  g_autofree char *rss = format_rss (median_of (runs, "hwm_kib"));
  g_autofree char *close = format_seconds (median_of (runs, "close_seconds"));
  g_autofree char *all = list_of (runs, "seconds");
  double bytes = median_of (runs, "file_bytes");

  printf ("%-18s %-9s peak RSS %-8s", title, secs, rss);
  if (median_of (runs, "close_seconds") >= 0)
    printf ("  closing/compressing %-8s", close);
  if (bytes >= 0)
    printf ("  file %.0f MiB", bytes / (1024.0 * 1024.0));
  if (runs && runs->len > 1)
    printf ("  runs: %s s", all);
  if (note)
    printf ("  %s", note);
  printf ("\n");
}


static void
verdict (gboolean    known,
         gboolean    met,
         const char *text)
{
  printf ("%s: %s\n", !known ? "TARGET UNKNOWN" : met ? "TARGET MET" : "TARGET MISSED", text);
}

static int
run_all (const char *argv0)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *self = mulu_bench_self_path (argv0);
  GPtrArray *runs[N_STEPS] = { NULL };
  MuluGenerateOptions o;
  gboolean temporary = FALSE, python = TRUE;
  double mulu_s, bare_s, python_s, validate_s, mulu_rss, records = 0;
  int status = 1;

  if (opt_workdir == NULL)
    {
      if ((opt_workdir = g_dir_make_tmp ("mulu-bench-XXXXXX", &error)) == NULL)
        {
          g_printerr ("bench-export: %s\n", error->message);
          return 1;
        }
      temporary = TRUE;
    }
  else if (g_mkdir_with_parents (opt_workdir, 0700) != 0)
    {
      g_printerr ("bench-export: cannot create %s: %s\n", opt_workdir, g_strerror (errno));
      return 1;
    }
  if (g_str_equal (opt_python, "none"))
    python = FALSE;
  else if (!g_file_test (opt_python, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_printerr ("bench-export: %s is not there; the XlsxWriter step is skipped.\n", opt_python);
      python = FALSE;
    }
  else if (!g_file_test (opt_script, G_FILE_TEST_EXISTS))
    {
      g_printerr ("bench-export: %s is missing; the XlsxWriter step is skipped.\n", opt_script);
      python = FALSE;
    }

  layout (&o);
  printf ("Mulu export benchmark: %u departments × (%u systems + %u resources × (1 + %u items)), "
          "template national (draft), in %s\n",
          o.departments, o.systems, o.resources, o.items, opt_workdir);
  fflush (stdout);

  for (Step s = 0; s < N_STEPS; s++)
    runs[s] = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  for (int run = 0; run < opt_runs; run++)
    for (Step s = run == 0 ? STEP_GENERATE : STEP_VALIDATE; s < N_STEPS; s++)
      {
        gint64 start = g_get_monotonic_time ();
        Result *r;

        if (s == STEP_PYTHON && !python)
          continue;
        printf ("  %-8s %d … ", step_names[s], run + 1);
        fflush (stdout);
        if ((r = run_child (self, s, &error)) == NULL)
          {
            if (error == NULL)
              {
                printf ("skipped (no xlsxwriter module for %s; apt-get install python3-xlsxwriter)\n", opt_python);
                python = FALSE;
                continue;
              }
            printf ("failed\n");
            g_printerr ("bench-export: %s\n", error->message);
            goto out;
          }
        g_ptr_array_add (runs[s], r);
        printf ("%.2f s (child process, wall)\n", mulu_bench_seconds_since (start));
        fflush (stdout);
      }

  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    {
      g_autofree char *key = g_strdup_printf ("count_%s", mulu_entity_get_info (e)->kind);
      records += median_of (runs[STEP_GENERATE], key);
    }
  mulu_s = median_of (runs[STEP_EXPORT], "seconds");
  bare_s = median_of (runs[STEP_BARE], "seconds");
  python_s = median_of (runs[STEP_PYTHON], "seconds");
  validate_s = median_of (runs[STEP_VALIDATE], "seconds");
  mulu_rss = median_of (runs[STEP_EXPORT], "hwm_kib");

  printf ("\n");
  {
    g_autofree char *n_records = mulu_bench_format_count ((guint64) records);
    g_autofree char *n_rows = mulu_bench_format_count ((guint64) median_of (runs[STEP_BARE], "rows"));
    g_autofree char *n_cells = mulu_bench_format_count ((guint64) median_of (runs[STEP_BARE], "cells"));
    g_autofree char *n_findings = mulu_bench_format_count ((guint64) median_of (runs[STEP_VALIDATE], "findings"));
    g_autofree char *without = format_seconds (mulu_s - validate_s);
    g_autofree char *note = g_strdup_printf ("(%s findings)", n_findings);
    g_autofree char *rest = g_strdup_printf ("(without validation: %s)", without);

    printf ("%-18s %s; the bare loop wrote %s rows, %s cells\n", "records", n_records, n_rows, n_cells);
    print_row ("generate", runs[STEP_GENERATE], NULL);
    print_row ("validate alone", runs[STEP_VALIDATE], note);
    print_row ("mulu export", runs[STEP_EXPORT], rest);
    print_row ("bare libxlsxwriter", runs[STEP_BARE], NULL);
    print_row ("python xlsxwriter", python ? runs[STEP_PYTHON] : NULL, NULL);
    if (bare_s > 0)
      printf ("%-18s %.2f× the bare loop (%.2f× without validation)\n", "mulu / bare", mulu_s / bare_s, (mulu_s - validate_s) / bare_s);
    if (python_s > 0 && mulu_s > 0)
      printf ("%-18s %.2f× faster than python xlsxwriter\n", "python / mulu", python_s / mulu_s);
    if (opt_runs > 1)
      printf ("%-18s medians of %d runs\n", "", opt_runs);
  }
  printf ("\n");

  {
    g_autofree char *t1 = g_strdup_printf ("the export takes %.2f× the bare libxlsxwriter loop (target ≤ %.1f×)",
                                           bare_s > 0 ? mulu_s / bare_s : 0, TARGET_RATIO_BARE);
    g_autofree char *t2 = python_s > 0
      ? g_strdup_printf ("the export is %.2f× faster than python xlsxwriter (target ≥ %.1f×)", python_s / mulu_s, TARGET_RATIO_PYTHON)
      : g_strdup_printf ("python xlsxwriter did not run (target ≥ %.1f× faster)", TARGET_RATIO_PYTHON);
    g_autofree char *rss = format_rss (mulu_rss);
    g_autofree char *t3 = g_strdup_printf ("export peak RSS %s (target ≤ %d MiB)", rss, TARGET_RSS_MIB);

    verdict (bare_s > 0, mulu_s <= TARGET_RATIO_BARE * bare_s, t1);
    verdict (python_s > 0, python_s >= TARGET_RATIO_PYTHON * mulu_s, t2);
    verdict (mulu_rss >= 0, mulu_rss <= TARGET_RSS_MIB * 1024.0, t3);
  }
  status = 0;

out:
  for (Step s = 0; s < N_STEPS; s++)
    g_clear_pointer (&runs[s], g_ptr_array_unref);
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

  context = g_option_context_new ("- time the workbook export against bare xlsx writers");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-export: %s\n", error->message);
      return 2;
    }
  if (opt_resources < 1 || opt_items < 0 || opt_runs < 1)
    {
      g_printerr ("bench-export: --resources and --runs must be at least 1 and --items-per-resource at least 0.\n");
      return 2;
    }
  if (opt_python == NULL)
    opt_python = g_strdup ("/usr/bin/python3");
  if (opt_script == NULL)
    opt_script = g_strdup (BENCH_EXPORT_SCRIPT);
  /* The date rules count from a fixed day, so every run finds the same. */
  g_setenv ("MULU_TODAY", TODAY, TRUE);

  if (opt_step)
    {
      if (opt_workdir == NULL)
        {
          g_printerr ("bench-export: --step needs --workdir.\n");
          return 2;
        }
      return run_step (opt_step);
    }
  return run_all (argv[0]);
}
