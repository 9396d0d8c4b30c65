/* mulu-workbook-sheets.c — the issues (校验问题) and summary (汇总) sheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-workbook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-rules.h"
#include "mulu-workbook-private.h"

#define NOT_SECRET "coalesce (secrecy, '') <> '涉密'"

/* The workbook is in Chinese whatever the clerk's locale: it goes to a
 * Chinese superior office. */
static const char * const severity_zh[] = { "错误", "警告", "提示" };
static const char * const entity_zh[] = { "部门", "信息系统", "信息资源", "信息项" };

/* A sheet of the writer's own making: a title row (marked 草稿 in a
 * draft), a header row, widths, and the print set-up of every sheet. */
lxw_worksheet *
mulu_writer_add_sheet (MuluWriter        *w,
                       MuluTemplateSheet *sheet,
                       const char        *title,
                       const char * const *headers,
                       const double       *widths,
                       guint               n)
{
  lxw_worksheet *ws = workbook_add_worksheet (w->wb, sheet->name);
  g_autofree char *text = w->options->draft ? g_strdup_printf ("【草稿】%s", title) : g_strdup (title);

  if (ws == NULL)
    {
      g_set_error (&w->error, MULU_ERROR, MULU_ERROR_FAILED, _("The sheet “%s” could not be added."), sheet->name);
      return NULL;
    }
  for (guint k = 0; k < n; k++)
    worksheet_set_column (ws, (lxw_col_t) k, (lxw_col_t) k, widths[k], NULL);
  if (n > 1)
    worksheet_merge_range (ws, 0, 0, 0, (lxw_col_t) n - 1, text, w->f_title);
  else
    worksheet_write_string (ws, 0, 0, text, w->f_title);
  for (guint k = 0; headers && k < n; k++)
    if (!mulu_writer_check (w, worksheet_write_string (ws, 1, (lxw_col_t) k, headers[k], w->f_header), sheet->name))
      return NULL;
  mulu_writer_sheet_setup (w, ws, 1, n);
  return ws;
}

/* A 涉密 record's findings say only that something is wrong; the message
 * could quote what it may not show. Items of 涉密 resources are left out. */
gboolean
mulu_writer_issues (MuluWriter        *w,
                    MuluTemplateSheet *sheet)
{
  static const char * const headers[] = { "序号", "规则", "严重程度", "对象类型", "编号", "名称", "字段", "问题说明" };
  static const double widths[] = { 6, 8, 10, 10, 20, 36, 18, 90 };
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GHashTable) secret = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) secret_items = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) headers_by_field = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  lxw_worksheet *ws;
  sqlite3_stmt *stmt = NULL;
  lxw_row_t row = 2;
  guint n = 0;

  if ((ws = mulu_writer_add_sheet (w, sheet, "校验问题", headers, widths, G_N_ELEMENTS (headers))) == NULL)
    return FALSE;
  if ((findings = mulu_findings_list (w->catalog, MULU_SEVERITY_HINT, &w->error)) == NULL)
    return FALSE;

  if (sqlite3_prepare_v2 (w->db, "SELECT id FROM resources WHERE secrecy = '涉密'", -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        gint64 id = sqlite3_column_int64 (stmt, 0);
        g_hash_table_add (secret, g_memdup2 (&id, sizeof id));
      }
  sqlite3_finalize (stmt);
  if (g_hash_table_size (secret) > 0 &&
      sqlite3_prepare_v2 (w->db, "SELECT i.id FROM items i JOIN resources r ON r.id = i.resource_id WHERE r.secrecy = '涉密'",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_hash_table_add (secret_items, g_memdup2 (&id, sizeof id));
        }
      sqlite3_finalize (stmt);
    }

  /* Name a finding's field by the template's own header for it, which is
   * what the reader of the workbook sees. */
  for (guint t = 0; t < w->tpl->sheets->len; t++)
    {
      MuluTemplateSheet *ts = g_ptr_array_index (w->tpl->sheets, t);
      for (guint k = 0; ts->kind == MULU_SHEET_RECORDS && k < ts->columns->len; k++)
        {
          MuluTemplateColumn *c = g_ptr_array_index (ts->columns, k);
          const MuluField *f;
          if (c->source_kind != MULU_SOURCE_FIELD)
            continue;
          f = &mulu_entity_get_info (c->entity)->fields[c->field];
          g_hash_table_insert (headers_by_field,
                               g_strdup_printf ("%d:%s", c->entity, f->group ? f->group : f->key), c->header);
        }
    }

  for (guint i = 0; i < findings->len; i++)
    {
      MuluFinding *f = g_ptr_array_index (findings, i);
      g_autofree char *message = NULL;
      g_autofree char *key = g_strdup_printf ("%d:%s", f->entity, f->field ? f->field : "");
      const char *field_label = g_hash_table_lookup (headers_by_field, key);
      int field;

      if (f->entity == MULU_ENTITY_ITEM && g_hash_table_contains (secret_items, &f->record_id))
        continue;
      if (f->entity == MULU_ENTITY_RESOURCE && g_hash_table_contains (secret, &f->record_id) && w->tpl->omit_secret)
        continue;
      if (f->entity == MULU_ENTITY_RESOURCE && g_hash_table_contains (secret, &f->record_id))
        message = g_strdup_printf ("涉密信息资源“%s”不符合规则 %s，请在本单位目录中核查处理。", f->name ? f->name : "", f->rule);
      else
        message = g_strdup (f->message);
      if (field_label == NULL && f->field && (field = mulu_entity_find_field (f->entity, f->field)) >= 0)
        field_label = mulu_field_get_label (&mulu_entity_get_info (f->entity)->fields[field]);
      if (field_label == NULL)
        field_label = f->field;

      n++;
      if (!mulu_writer_check (w, worksheet_write_number (ws, row, 0, n, NULL), sheet->name) ||
          !mulu_writer_check (w, worksheet_write_string (ws, row, 1, f->rule, NULL), sheet->name) ||
          !mulu_writer_check (w, worksheet_write_string (ws, row, 2, severity_zh[f->severity], NULL), sheet->name) ||
          !mulu_writer_check (w, worksheet_write_string (ws, row, 3, entity_zh[f->entity], NULL), sheet->name) ||
          !mulu_writer_check (w, worksheet_write_string (ws, row, 4, f->uid ? f->uid : "", NULL), sheet->name) ||
          !mulu_writer_check (w, worksheet_write_string (ws, row, 5, f->name ? f->name : "", NULL), sheet->name) ||
          (field_label && !mulu_writer_check (w, worksheet_write_string (ws, row, 6, field_label, NULL), sheet->name)) ||
          !mulu_writer_check (w, worksheet_write_string (ws, row, 7, message, w->f_wrap), sheet->name))
        return FALSE;
      row++;
    }
  if (n == 0 && !mulu_writer_check (w, worksheet_write_string (ws, row++, 1, "未发现问题。", NULL), sheet->name))
    return FALSE;
  worksheet_autofilter (ws, 1, 0, row > 2 ? row - 1 : 1, G_N_ELEMENTS (headers) - 1);
  return TRUE;
}

static gint64
count (MuluWriter *w,
       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (sqlite3_prepare_v2 (w->db, sql, -1, &stmt, NULL) == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

typedef struct
{
  char  *label;
  gint64 count;
} Count;

static void
count_clear (gpointer data)
{
  g_free (((Count *) data)->label);
}

/* Counts of one grouping, in the order of the code table, then anything
 * else found, then the unfilled. */
static GArray *
grouped_counts (MuluWriter *w,
                const char *sql,
                const char *table,
                int         level)
{
  GArray *out = g_array_new (FALSE, TRUE, sizeof (Count));
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt = NULL;
  gint64 blank = 0;

  g_array_set_clear_func (out, count_clear);

  if (sqlite3_prepare_v2 (w->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      {
        const char *v = (const char *) sqlite3_column_text (stmt, 0);
        gint64 n = sqlite3_column_int64 (stmt, 1);
        if (v == NULL || *v == '\0')
          blank += n;
        else
          g_hash_table_insert (counts, g_strdup (v), g_memdup2 (&n, sizeof n));
      }
  sqlite3_finalize (stmt);

  if (table)
    {
      GPtrArray *entries = mulu_codes_list (w->codes, table, NULL);
      for (guint i = 0; entries && i < entries->len && level == 0; i++)
        {
          MuluCodeEntry *e = g_ptr_array_index (entries, i);
          gint64 *n = g_hash_table_lookup (counts, e->value);
          Count c = { e->label && !g_str_equal (e->label, e->value) ? g_strdup_printf ("%s %s", e->value, e->label)
                                                                    : g_strdup (e->value), n ? *n : 0 };
          g_array_append_val (out, c);
          g_hash_table_remove (counts, e->value);
        }
    }
  {
    GHashTableIter iter;
    gpointer k, v;
    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &k, &v))
      {
        Count c = { g_strdup (k), *(gint64 *) v };
        g_array_append_val (out, c);
      }
  }
  if (blank > 0)
    {
      Count c = { g_strdup ("（未填写）"), blank };
      g_array_append_val (out, c);
    }
  return out;
}

static gboolean
write_table (MuluWriter    *w,
             lxw_worksheet *ws,
             const char    *sheet_name,
             lxw_row_t     *row,
             const char    *title,
             const char    *what,
             GArray        *counts,
             lxw_chart_type chart_type)
{
  lxw_row_t first;
  gint64 total = 0;

  if (!mulu_writer_check (w, worksheet_write_string (ws, *row, 0, title, w->f_bold), sheet_name))
    return FALSE;
  (*row)++;
  if (!mulu_writer_check (w, worksheet_write_string (ws, *row, 0, what, w->f_header), sheet_name) ||
      !mulu_writer_check (w, worksheet_write_string (ws, *row, 1, "数量", w->f_header), sheet_name))
    return FALSE;
  (*row)++;
  first = *row;
  for (guint i = 0; i < counts->len; i++)
    {
      Count *c = &g_array_index (counts, Count, i);
      if (!mulu_writer_check (w, worksheet_write_string (ws, *row, 0, c->label, NULL), sheet_name) ||
          !mulu_writer_check (w, worksheet_write_number (ws, *row, 1, (double) c->count, NULL), sheet_name))
        return FALSE;
      total += c->count;
      (*row)++;
    }
  if (!mulu_writer_check (w, worksheet_write_string (ws, *row, 0, "合计", w->f_bold), sheet_name) ||
      !mulu_writer_check (w, worksheet_write_number (ws, *row, 1, (double) total, w->f_bold), sheet_name))
    return FALSE;

  if (counts->len > 0 && chart_type != LXW_CHART_NONE)
    {
      lxw_chart *chart = workbook_add_chart (w->wb, chart_type);
      g_autofree char *cats = g_strdup_printf ("='%s'!$A$%u:$A$%u", sheet_name, first + 1, first + counts->len);
      g_autofree char *vals = g_strdup_printf ("='%s'!$B$%u:$B$%u", sheet_name, first + 1, first + counts->len);
      lxw_chart_series *series = chart_add_series (chart, cats, vals);
      lxw_chart_options opt = { .x_offset = 10, .y_offset = 0, .x_scale = 1.0, .y_scale = 0.9 };

      chart_series_set_name (series, title);
      chart_title_set_name (chart, title);
      if (chart_type != LXW_CHART_PIE)
        chart_legend_set_position (chart, LXW_CHART_LEGEND_NONE);
      else
        chart_series_set_labels (series);
      worksheet_insert_chart_opt (ws, first - 2, 3, chart, &opt);
    }
  *row += 2;
  /* Leave room for the chart beside a short table. */
  if (counts->len < 14 && chart_type != LXW_CHART_NONE)
    *row += 14 - counts->len;
  return TRUE;
}

gboolean
mulu_writer_summary (MuluWriter        *w,
                     MuluTemplateSheet *sheet)
{
  static const double widths[] = { 30, 12 };
  lxw_worksheet *ws = mulu_writer_add_sheet (w, sheet, "汇总", NULL, widths, 2);
  lxw_row_t row = 2;
  gint64 n[MULU_N_ENTITIES];
  static const char * const totals[] = { "部门数", "信息系统数", "信息资源数", "信息项数" };
  g_autoptr(GArray) cross = NULL;

  if (ws == NULL)
    return FALSE;

  /* The summary may not say more than the sheets: a 涉密 resource's items
   * and format are not counted, and with "secret": "omit" nor is it. */
  n[MULU_ENTITY_DEPARTMENT] = count (w, "SELECT COUNT(*) FROM departments");
  n[MULU_ENTITY_SYSTEM] = count (w, "SELECT COUNT(*) FROM systems");
  n[MULU_ENTITY_RESOURCE] = count (w, w->tpl->omit_secret ? "SELECT COUNT(*) FROM resources WHERE " NOT_SECRET
                                                          : "SELECT COUNT(*) FROM resources");
  n[MULU_ENTITY_ITEM] = count (w, "SELECT COUNT(*) FROM items i JOIN resources r ON r.id = i.resource_id WHERE "
                                  "coalesce (r.secrecy, '') <> '涉密'");
  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    {
      if (!mulu_writer_check (w, worksheet_write_string (ws, row, 0, totals[e], w->f_bold), sheet->name) ||
          !mulu_writer_check (w, worksheet_write_number (ws, row, 1, (double) MAX (n[e], 0), NULL), sheet->name))
        return FALSE;
      row++;
    }
  row++;

  /* Sharing type × open type: one row per pair present. */
  {
    const char *shown = w->tpl->omit_secret ? " WHERE " NOT_SECRET : "";
    g_autofree char *cross_sql = g_strdup_printf ("SELECT coalesce(share_type, '（未填写）') || ' × ' || coalesce(open_type, '（未填写）'),"
                                                  " COUNT(*) FROM resources%s GROUP BY 1 ORDER BY 1", shown);
    g_autofree char *share_sql = g_strdup_printf ("SELECT share_type, COUNT(*) FROM resources%s GROUP BY 1", shown);
    g_autofree char *open_sql = g_strdup_printf ("SELECT open_type, COUNT(*) FROM resources%s GROUP BY 1", shown);
    g_autofree char *cls_sql = g_strdup_printf ("SELECT class_1, COUNT(*) FROM resources%s GROUP BY 1", shown);
    g_autoptr(GArray) share = grouped_counts (w, share_sql, "share_type", 0);
    g_autoptr(GArray) open = grouped_counts (w, open_sql, "open_type", 0);
    g_autoptr(GArray) cls = grouped_counts (w, cls_sql, "classification", 0);
    g_autoptr(GArray) format = grouped_counts (w, "SELECT format_category, COUNT(*) FROM resources WHERE " NOT_SECRET
                                                  " GROUP BY 1", "format", 0);
    g_autoptr(GArray) status = grouped_counts (w, "SELECT status, COUNT(*) FROM systems GROUP BY 1", "status", 0);
    g_autoptr(GArray) zombies = grouped_counts (w, "SELECT z.disposition, COUNT(*) FROM zombie_reviews z"
                                                   " WHERE z.decision = 'confirmed' GROUP BY 1", "zombie_disposition", 0);

    if (!write_table (w, ws, sheet->name, &row, "信息资源按共享类型统计", "共享类型", share, LXW_CHART_PIE) ||
        !write_table (w, ws, sheet->name, &row, "信息资源按开放类型统计", "开放类型", open, LXW_CHART_PIE) ||
        !write_table (w, ws, sheet->name, &row, "信息资源按共享类型和开放类型统计", "共享类型 × 开放类型",
                      (cross = grouped_counts (w, cross_sql, NULL, 0)), LXW_CHART_BAR) ||
        !write_table (w, ws, sheet->name, &row, "信息资源按分类（类）统计", "类", cls, LXW_CHART_COLUMN) ||
        !write_table (w, ws, sheet->name, &row, "信息资源按格式统计", "格式分类", format, LXW_CHART_COLUMN) ||
        !write_table (w, ws, sheet->name, &row, "信息系统按运行状态统计", "运行状态", status, LXW_CHART_COLUMN) ||
        !write_table (w, ws, sheet->name, &row, "僵尸系统按处置方式统计", "处置方式", zombies, LXW_CHART_COLUMN))
      return FALSE;
  }
  return TRUE;
}
