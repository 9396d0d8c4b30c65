/* mulu-workbook-review.c — the review sheet (审核意见), for templates that ask
 *
 * The superior office's verdict travels with the workbook: who submitted
 * and when, the counts per review state, and one row per department,
 * system and resource with its decision, reviewer, date and comment. A
 * 涉密 resource keeps its name (which the secrecy rule lets out) but not
 * the reviewer's comment, which could quote what it may not show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-workbook"

#include "config.h"

#include "mulu-review.h"
#include "mulu-workbook-private.h"

/* The workbook is in Chinese whatever the clerk's locale. */
static const char * const state_zh[] = { "未提交", "未审核", "已通过", "已退回" };
static const char * const entity_zh[] = { "部门", "信息系统", "信息资源", "信息项" };

static gboolean
is_secret (MuluWriter *w,
           MuluReview *r)
{
  sqlite3_stmt *stmt = NULL;
  gboolean secret = FALSE;

  if (r->entity != MULU_ENTITY_RESOURCE)
    return FALSE;
  if (sqlite3_prepare_v2 (w->db, "SELECT secrecy = '涉密' FROM resources WHERE id = ?", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_int64 (stmt, 1, r->record_id);
      secret = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0);
    }
  sqlite3_finalize (stmt);
  return secret;
}

gboolean
mulu_writer_review (MuluWriter        *w,
                    MuluTemplateSheet *sheet)
{
  static const char * const headers[] = { "序号", "对象类型", "编号", "名称", "审核结论", "审核人", "审核时间", "审核意见", "提交后有改动" };
  static const double widths[] = { 6, 10, 16, 36, 10, 10, 20, 60, 12 };
  static const MuluEntity entities[] = { MULU_ENTITY_DEPARTMENT, MULU_ENTITY_SYSTEM, MULU_ENTITY_RESOURCE };
  g_autoptr(MuluReviewSummary) summary = NULL;
  g_autofree char *status = NULL;
  lxw_worksheet *ws;
  lxw_row_t row;
  guint n = 0;

  if ((summary = mulu_review_summary (w->catalog, &w->error)) == NULL)
    return FALSE;
  if ((ws = mulu_writer_add_sheet (w, sheet, "审核意见", headers, widths, G_N_ELEMENTS (headers))) == NULL)
    return FALSE;

  /* The state of the review, above the table: the header row moves down. */
  status = summary->submitted || summary->submitted_by
    ? g_strdup_printf ("提交人：%s　提交时间：%s　未审核 %" G_GUINT64_FORMAT " 条，已通过 %" G_GUINT64_FORMAT
                       " 条，已退回 %" G_GUINT64_FORMAT " 条，提交后有改动 %" G_GUINT64_FORMAT " 条",
                       summary->submitted_by ? summary->submitted_by : "", summary->submitted_at ? summary->submitted_at : "",
                       summary->counts[MULU_REVIEW_SUBMITTED], summary->counts[MULU_REVIEW_APPROVED],
                       summary->counts[MULU_REVIEW_RETURNED], summary->changed)
    : g_strdup ("本目录尚未提交审核。");
  row = 2;

  for (guint e = 0; e < G_N_ELEMENTS (entities); e++)
    {
      g_autoptr(GPtrArray) reviews = mulu_review_list (w->catalog, entities[e], MULU_REVIEW_FILTER_ALL, &w->error);

      if (reviews == NULL)
        return FALSE;
      for (guint i = 0; i < reviews->len; i++)
        {
          MuluReview *r = g_ptr_array_index (reviews, i);
          gboolean secret = is_secret (w, r);
          const char *comment = r->comment;

          if (secret && w->tpl->omit_secret)
            continue;
          if (secret && comment)
            comment = "（涉密信息资源，审核意见见本单位目录）";
          n++;
          if (!mulu_writer_check (w, worksheet_write_number (ws, row, 0, n, NULL), sheet->name) ||
              !mulu_writer_check (w, worksheet_write_string (ws, row, 1, entity_zh[r->entity], NULL), sheet->name) ||
              !mulu_writer_check (w, worksheet_write_string (ws, row, 2, r->uid ? r->uid : "", NULL), sheet->name) ||
              !mulu_writer_check (w, worksheet_write_string (ws, row, 3, r->name ? r->name : "", NULL), sheet->name) ||
              !mulu_writer_check (w, worksheet_write_string (ws, row, 4, state_zh[r->state], NULL), sheet->name) ||
              (r->reviewer && !mulu_writer_check (w, worksheet_write_string (ws, row, 5, r->reviewer, NULL), sheet->name)) ||
              (r->at && !mulu_writer_check (w, worksheet_write_string (ws, row, 6, r->at, NULL), sheet->name)) ||
              (comment && !mulu_writer_check (w, worksheet_write_string (ws, row, 7, comment, w->f_wrap), sheet->name)) ||
              !mulu_writer_check (w, worksheet_write_string (ws, row, 8, r->changed ? "是" : "否", NULL), sheet->name))
            return FALSE;
          row++;
        }
    }
  worksheet_autofilter (ws, 1, 0, row > 2 ? row - 1 : 1, G_N_ELEMENTS (headers) - 1);
  /* The summary goes below the table: libxlsxwriter's constant-memory mode
   * writes rows in order, so it cannot go above once the table is out. */
  return mulu_writer_check (w, worksheet_write_string (ws, row + 1, 1, status, NULL), sheet->name);
}
