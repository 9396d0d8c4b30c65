/* mulu-workbook.c — write the census workbook from a template
 *
 * libxlsxwriter in constant-memory mode, one SQL query per records sheet
 * streamed row by row (../shared/xlsx-notes.md): memory stays flat whatever
 * the catalog's size. The column expressions of those queries are built in
 * one place, column_sql(), which is also where 涉密 resources lose every
 * cell they may not show. The file appears under its name only when it is
 * complete.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-workbook"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-rules.h"
#include "mulu-store.h"
#include "mulu-workbook-private.h"

#define EXCEL_MAX_ROWS 1048576u
#define FIRST_COLUMN 3 /* in a sheet query, after group, item and secrecy */

static const char * const aliases[MULU_N_ENTITIES] = { "d", "s", "r", "i" };

gboolean
mulu_writer_check (MuluWriter *w,
                   lxw_error   err,
                   const char *sheet)
{
  if (err == LXW_NO_ERROR || w->error)
    return w->error == NULL;
  g_set_error (&w->error, MULU_ERROR, MULU_ERROR_FAILED,
               _("Writing the sheet “%s” failed: %s."), sheet, lxw_strerror (err));
  return FALSE;
}

/* --- formats and dropdowns ------------------------------------------------ */

static void
make_formats (MuluWriter *w)
{
  w->f_title = workbook_add_format (w->wb);
  format_set_bold (w->f_title);
  format_set_font_size (w->f_title, 14);
  format_set_align (w->f_title, LXW_ALIGN_CENTER);
  format_set_align (w->f_title, LXW_ALIGN_VERTICAL_CENTER);

  w->f_header = workbook_add_format (w->wb);
  format_set_bold (w->f_header);
  format_set_text_wrap (w->f_header);
  format_set_align (w->f_header, LXW_ALIGN_CENTER);
  format_set_align (w->f_header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (w->f_header, LXW_BORDER_THIN);
  format_set_bg_color (w->f_header, 0xDDEBF7);

  /* Required columns: the same header on a warmer ground, as the forms do. */
  w->f_header_required = workbook_add_format (w->wb);
  format_set_bold (w->f_header_required);
  format_set_text_wrap (w->f_header_required);
  format_set_align (w->f_header_required, LXW_ALIGN_CENTER);
  format_set_align (w->f_header_required, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (w->f_header_required, LXW_BORDER_THIN);
  format_set_bg_color (w->f_header_required, 0xFCE4D6);

  w->f_text = NULL;
  w->f_wrap = workbook_add_format (w->wb);
  format_set_text_wrap (w->f_wrap);
  format_set_align (w->f_wrap, LXW_ALIGN_VERTICAL_TOP);

  w->f_date = workbook_add_format (w->wb);
  format_set_num_format (w->f_date, "yyyy-mm-dd");

  w->f_number = workbook_add_format (w->wb);
  format_set_num_format (w->f_number, "General");

  w->f_blank_required = workbook_add_format (w->wb);
  format_set_bg_color (w->f_blank_required, 0xFFF2CC);

  w->f_bold = workbook_add_format (w->wb);
  format_set_bold (w->f_bold);
}

/* --- page set-up ----------------------------------------------------------- */

void
mulu_writer_sheet_setup (MuluWriter    *w,
                         lxw_worksheet *ws,
                         guint          header_row,
                         guint          n_columns)
{
  g_autofree char *header = NULL;

  worksheet_freeze_panes (ws, (lxw_row_t) header_row + 1, 0);
  worksheet_set_landscape (ws);
  /* Census forms are wide: past a dozen columns A4 would shrink the text
   * below reading size, so those sheets print on A3 as offices do. */
  worksheet_set_paper (ws, n_columns > 12 ? 8 : 9);
  worksheet_fit_to_pages (ws, 1, 0);
  worksheet_repeat_rows (ws, 0, (lxw_row_t) header_row);
  worksheet_set_footer (ws, "&C第 &P 页，共 &N 页");
  /* The export date as written in the titles, not Excel's locale-dependent &D. */
  if (w->options->draft)
    header = g_strdup_printf ("&L&\"-,Bold\"草稿　不得报送&R%s", w->date);
  else
    header = g_strdup_printf ("&L%s&R%s", w->tpl->title, w->date);
  worksheet_set_header (ws, header);
}

/* --- records sheets -------------------------------------------------------- */

/* The SQL expression of one column, and the one place where a 涉密
 * resource's cells are blanked: a column may show a 涉密 resource only
 * what mulu_secrecy_field_may_leave() allows. */
static char *
column_sql (const MuluTemplateSheet  *sheet,
            const MuluTemplateColumn *c)
{
  const MuluField *f;
  g_autofree char *expr = NULL;
  gboolean touches_resource;

  if (c->source_kind != MULU_SOURCE_FIELD)
    return g_strdup ("NULL");
  f = &mulu_entity_get_info (c->entity)->fields[c->field];
  if (f->type == MULU_FIELD_REF)
    expr = g_strdup_printf ("(SELECT name FROM %s WHERE id = %s.%s)",
                            mulu_entity_get_info (f->ref)->table, aliases[c->entity], f->column);
  else
    expr = g_strdup_printf ("%s.%s", aliases[c->entity], f->column);

  touches_resource = sheet->entity == MULU_ENTITY_RESOURCE || sheet->entity == MULU_ENTITY_ITEM;
  if (touches_resource && !mulu_secrecy_field_may_leave (c->entity, f))
    return g_strdup_printf ("CASE WHEN r.secrecy = '涉密' THEN NULL ELSE %s END", expr);
  return g_steal_pointer (&expr);
}

static char *
sheet_sql (MuluWriter        *w,
           MuluTemplateSheet *sheet)
{
  GString *sql = g_string_new ("SELECT ");
  const char *not_secret = "coalesce(r.secrecy, '') <> '涉密'";

  switch (sheet->entity)
    {
    /* The group (the record, or an item's resource), the item, and whether
     * the row belongs to a 涉密 resource; then one column per template column. */
    case MULU_ENTITY_DEPARTMENT: g_string_append (sql, "d.id, NULL, 0"); break;
    case MULU_ENTITY_SYSTEM: g_string_append (sql, "s.id, NULL, 0"); break;
    case MULU_ENTITY_RESOURCE: g_string_append (sql, "r.id, NULL, r.secrecy = '涉密'"); break;
    case MULU_ENTITY_ITEM: g_string_append (sql, "r.id, i.id, r.secrecy = '涉密'"); break;
    default: g_assert_not_reached ();
    }
  for (guint k = 0; k < sheet->columns->len; k++)
    {
      g_autofree char *expr = column_sql (sheet, g_ptr_array_index (sheet->columns, k));
      g_string_append_printf (sql, ", %s", expr);
    }

  switch (sheet->entity)
    {
    case MULU_ENTITY_DEPARTMENT:
      g_string_append (sql, " FROM departments d ORDER BY d.id");
      break;
    case MULU_ENTITY_SYSTEM:
      g_string_append (sql, " FROM systems s LEFT JOIN departments d ON d.id = s.department_id");
      if (sheet->zombies_only)
        g_string_append (sql, " JOIN zombie_reviews z ON z.system_id = s.id AND z.decision = 'confirmed'");
      g_string_append (sql, " ORDER BY s.id");
      break;
    case MULU_ENTITY_RESOURCE:
      g_string_append (sql, " FROM resources r LEFT JOIN departments d ON d.id = r.department_id"
                            " LEFT JOIN systems s ON s.id = r.system_id");
      if (w->tpl->omit_secret)
        g_string_append_printf (sql, " WHERE %s", not_secret);
      g_string_append (sql, " ORDER BY r.id");
      break;
    case MULU_ENTITY_ITEM:
      /* Driven by the resources, so rows come grouped by resource. A 涉密
       * resource's items are never joined. */
      if (sheet->resource_items)
        {
          g_string_append_printf (sql, " FROM resources r LEFT JOIN items i ON i.resource_id = r.id AND %s", not_secret);
          g_string_append (sql, " LEFT JOIN departments d ON d.id = r.department_id LEFT JOIN systems s ON s.id = r.system_id");
          if (w->tpl->omit_secret)
            g_string_append_printf (sql, " WHERE %s", not_secret);
        }
      else
        g_string_append_printf (sql, " FROM resources r JOIN items i ON i.resource_id = r.id"
                                     " LEFT JOIN departments d ON d.id = r.department_id LEFT JOIN systems s ON s.id = r.system_id"
                                     " WHERE %s", not_secret);
      g_string_append (sql, " ORDER BY r.id, i.id");
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free (sql, FALSE);
}

static void
substitute (GString    *s,
            const char *token,
            const char *value)
{
  char *at;

  while ((at = strstr (s->str, token)) != NULL)
    {
      gsize pos = (gsize) (at - s->str);
      g_string_erase (s, (gssize) pos, (gssize) strlen (token));
      g_string_insert (s, (gssize) pos, value ? value : "");
    }
}

typedef struct
{
  MuluTemplateSheet *sheet;
  lxw_worksheet     *ws;
  guint              part;        /* 1, then 2… for continuation sheets */
  guint              header_row;
  guint              row;         /* next row to write */
  guint              first_data_row;
} SheetState;

static gboolean
start_sheet (MuluWriter *w,
             SheetState *st)
{
  MuluTemplateSheet *sheet = st->sheet;
  g_autofree char *name = NULL;
  guint n_columns = sheet->columns->len;
  guint r = 0;

  if (st->part == 1)
    name = g_strdup (sheet->name);
  else
    {
      /* "信息项 (2)": shortened if needed to stay within 31 characters. */
      g_autofree char *suffix = g_strdup_printf (" (%u)", st->part);
      glong keep = MIN (g_utf8_strlen (sheet->name, -1), 31 - (glong) strlen (suffix));
      g_autofree char *base = g_utf8_substring (sheet->name, 0, keep);
      name = g_strconcat (base, suffix, NULL);
    }
  st->ws = workbook_add_worksheet (w->wb, name);
  if (st->ws == NULL)
    {
      g_set_error (&w->error, MULU_ERROR, MULU_ERROR_FAILED, _("The sheet “%s” could not be added."), name);
      return FALSE;
    }

  for (guint k = 0; k < n_columns; k++)
    {
      MuluTemplateColumn *c = g_ptr_array_index (sheet->columns, k);
      MuluField const *f = c->source_kind == MULU_SOURCE_FIELD ? &mulu_entity_get_info (c->entity)->fields[c->field] : NULL;
      lxw_format *fmt = (f && (f->flags & MULU_FIELD_FLAG_MULTILINE)) ? w->f_wrap : NULL;
      worksheet_set_column (st->ws, (lxw_col_t) k, (lxw_col_t) k, c->width, fmt);
    }

  for (guint t = 0; sheet->title && sheet->title[t]; t++, r++)
    {
      g_autoptr(GString) text = g_string_new (sheet->title[t]);
      substitute (text, "{department}", w->department);
      substitute (text, "{date}", w->date);
      substitute (text, "{template}", w->tpl->title);
      if (t == 0 && w->options->draft)
        g_string_prepend (text, "【草稿】");
      if (st->part > 1 && t == 0)
        g_string_append_printf (text, "（续 %u）", st->part - 1);
      if (n_columns > 1)
        worksheet_merge_range (st->ws, (lxw_row_t) r, 0, (lxw_row_t) r, (lxw_col_t) n_columns - 1, text->str,
                               t == 0 ? w->f_title : NULL);
      else if (!mulu_writer_check (w, worksheet_write_string (st->ws, (lxw_row_t) r, 0, text->str, w->f_title), name))
        return FALSE;
    }
  st->header_row = r;
  worksheet_set_row (st->ws, (lxw_row_t) r, 32, NULL);
  for (guint k = 0; k < n_columns; k++)
    {
      MuluTemplateColumn *c = g_ptr_array_index (sheet->columns, k);
      if (!mulu_writer_check (w, worksheet_write_string (st->ws, (lxw_row_t) r, (lxw_col_t) k, c->header,
                                                        c->required ? w->f_header_required : w->f_header), name))
        return FALSE;
      if (c->codes || c->render == MULU_RENDER_BOOL ||
          (c->render == MULU_RENDER_DEFAULT && c->source_kind == MULU_SOURCE_FIELD &&
           mulu_entity_get_info (c->entity)->fields[c->field].type == MULU_FIELD_BOOL))
        mulu_writer_add_dropdown (w, st->ws, r + 1, k, c);
    }
  mulu_writer_sheet_setup (w, st->ws, st->header_row, n_columns);
  st->row = r + 1;
  st->first_data_row = r + 1;
  return TRUE;
}

static void
finish_sheet (SheetState *st)
{
  guint last = st->row > st->first_data_row ? st->row - 1 : st->header_row;

  worksheet_autofilter (st->ws, (lxw_row_t) st->header_row, 0, (lxw_row_t) last,
                        (lxw_col_t) st->sheet->columns->len - 1);
}

static const char *
code_label (MuluWriter               *w,
            const MuluTemplateColumn *c,
            const char               *value)
{
  const MuluCodeEntry *e = mulu_codes_lookup (w->codes, c->codes, NULL, value);

  return e ? e->label : value;
}

static gboolean
write_text_cell (MuluWriter *w,
                 SheetState *st,
                 guint       col,
                 const char *text)
{
  return mulu_writer_check (w, worksheet_write_string (st->ws, (lxw_row_t) st->row, (lxw_col_t) col, text, NULL),
                            st->sheet->name);
}

static gboolean
write_cell (MuluWriter               *w,
            SheetState               *st,
            guint                     col,
            const MuluTemplateColumn *c,
            sqlite3_stmt             *stmt,
            int                       sql_col,
            gboolean                  secret)
{
  const MuluField *f = &mulu_entity_get_info (c->entity)->fields[c->field];
  MuluRender render = c->render;
  const char *text;

  if (sqlite3_column_type (stmt, sql_col) == SQLITE_NULL)
    {
      /* A cell blanked for secrecy is not a missing value. */
      if (c->required && !secret)
        return mulu_writer_check (w, worksheet_write_blank (st->ws, (lxw_row_t) st->row, (lxw_col_t) col, w->f_blank_required),
                                  st->sheet->name);
      return TRUE;
    }

  if (render == MULU_RENDER_DEFAULT)
    switch (f->type)
      {
      case MULU_FIELD_INT:
      case MULU_FIELD_REAL: render = MULU_RENDER_NUMBER; break;
      case MULU_FIELD_DATE: render = MULU_RENDER_DATE; break;
      case MULU_FIELD_BOOL: render = MULU_RENDER_BOOL; break;
      case MULU_FIELD_LIST: render = MULU_RENDER_LIST; break;
      default: render = MULU_RENDER_TEXT; break;
      }

  switch (render)
    {
    case MULU_RENDER_NUMBER:
      if (f->type == MULU_FIELD_INT || f->type == MULU_FIELD_REAL || f->type == MULU_FIELD_BOOL)
        return mulu_writer_check (w, worksheet_write_number (st->ws, (lxw_row_t) st->row, (lxw_col_t) col,
                                                             sqlite3_column_double (stmt, sql_col), NULL), st->sheet->name);
      break;
    case MULU_RENDER_DATE:
      text = (const char *) sqlite3_column_text (stmt, sql_col);
      if (text && strlen (text) == 10)
        {
          lxw_datetime dt = { atoi (text), atoi (text + 5), atoi (text + 8), 0, 0, 0 };
          if (dt.year >= 1900 && dt.month >= 1 && dt.month <= 12 && dt.day >= 1 && dt.day <= 31)
            return mulu_writer_check (w, worksheet_write_datetime (st->ws, (lxw_row_t) st->row, (lxw_col_t) col, &dt, w->f_date),
                                      st->sheet->name);
        }
      break;
    case MULU_RENDER_BOOL:
      return write_text_cell (w, st, col, sqlite3_column_int (stmt, sql_col) ? "是" : "否");
    case MULU_RENDER_LIST:
      {
        g_autoptr(GVariant) list = mulu_store_list_from_json ((const char *) sqlite3_column_text (stmt, sql_col));
        if (list)
          {
            g_autofree const char **v = g_variant_get_strv (list, NULL);
            g_autofree char *joined = g_strjoinv ("、", (char **) v);
            return write_text_cell (w, st, col, joined);
          }
        return TRUE;
      }
    case MULU_RENDER_LABEL:
      return write_text_cell (w, st, col, code_label (w, c, (const char *) sqlite3_column_text (stmt, sql_col)));
    case MULU_RENDER_CODE_LABEL:
      {
        const char *value = (const char *) sqlite3_column_text (stmt, sql_col);
        const char *label = code_label (w, c, value);
        g_autofree char *both = g_strcmp0 (label, value) == 0 ? g_strdup (value) : g_strdup_printf ("%s %s", value, label);
        return write_text_cell (w, st, col, both);
      }
    default:
      break;
    }
  return write_text_cell (w, st, col, (const char *) sqlite3_column_text (stmt, sql_col));
}

/* The workbook goes to a Chinese office whatever the clerk's locale: the
 * criteria are named as 国办发〔2017〕39号 names them. */
static const char * const criteria_zh[MULU_N_ZOMBIE_CRITERIA] = {
  "与业务脱节", "功能可替代", "资源闲置", "运维停止", "范围小、频度低",
};

static char *
zombie_text (MuluWriter               *w,
             const MuluTemplateColumn *c,
             gint64                    system_id,
             MuluZombieReview        **review_cache,
             GPtrArray               **hits_cache)
{
  if (*review_cache == NULL)
    {
      g_autoptr(MuluRecord) system = mulu_catalog_get (w->catalog, MULU_ENTITY_SYSTEM, system_id, NULL);
      *review_cache = mulu_zombie_get_review (w->catalog, system_id);
      *hits_cache = system ? mulu_zombie_assess (w->catalog, system, &w->thresholds, w->today)
                           : g_ptr_array_new ();
    }
  if (g_str_equal (c->zombie, "criteria") || g_str_equal (c->zombie, "reasons"))
    {
      GString *s = g_string_new (NULL);
      for (guint i = 0; i < (*hits_cache)->len; i++)
        {
          MuluZombieHit *h = g_ptr_array_index (*hits_cache, i);
          g_string_append_printf (s, "%s%s", i ? "；" : "",
                                  g_str_equal (c->zombie, "criteria") ? criteria_zh[h->criterion] : h->reason);
        }
      return g_string_free (s, FALSE);
    }
  if (g_str_equal (c->zombie, "decision"))
    return g_strdup (g_strcmp0 ((*review_cache)->decision, "confirmed") == 0 ? "确认为僵尸系统"
                     : g_strcmp0 ((*review_cache)->decision, "rejected") == 0 ? "排除" : "");
  if (g_str_equal (c->zombie, "disposition"))
    return g_strdup ((*review_cache)->disposition);
  if (g_str_equal (c->zombie, "planned_date"))
    return g_strdup ((*review_cache)->planned_date);
  if (g_str_equal (c->zombie, "note"))
    return g_strdup ((*review_cache)->note);
  return NULL;
}

static gboolean
report_progress (MuluWriter *w)
{
  w->rows_done++;
  if ((w->rows_done & 0x3fff) == 0)
    {
      if (g_cancellable_is_cancelled (w->cancellable))
        {
          g_set_error (&w->error, MULU_ERROR, MULU_ERROR_CANCELLED, _("The export was cancelled."));
          return FALSE;
        }
      if (w->progress)
        w->progress (MIN (0.99, (double) w->rows_done / (double) MAX (w->rows_total, 1)), _("Writing the workbook"),
                     w->progress_data);
    }
  return TRUE;
}

static gboolean
write_records (MuluWriter        *w,
               MuluTemplateSheet *sheet)
{
  g_autofree char *sql = sheet_sql (w, sheet);
  SheetState st = { sheet, NULL, 1, 0, 0, 0 };
  sqlite3_stmt *stmt = NULL;
  gint64 last_group = 0;
  guint64 row_number = 0;
  gboolean ok = TRUE;
  int rc;

  if (sqlite3_prepare_v2 (w->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      g_set_error (&w->error, MULU_ERROR, MULU_ERROR_DATABASE, "Sheet %s: %s", sheet->name, sqlite3_errmsg (w->db));
      return FALSE;
    }
  if (!start_sheet (w, &st))
    {
      sqlite3_finalize (stmt);
      return FALSE;
    }

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 group = sqlite3_column_int64 (stmt, 0);
      /* For resource-items, the resource's own cells go on its first row. */
      gboolean first_of_group = group != last_group;
      gboolean secret = sqlite3_column_int (stmt, 2) != 0;
      g_autoptr(MuluZombieReview) review = NULL;
      g_autoptr(GPtrArray) hits = NULL;

      if (st.row >= w->max_rows)
        {
          finish_sheet (&st);
          st.part++;
          if (!start_sheet (w, &st))
            {
              ok = FALSE;
              break;
            }
        }
      if (!sheet->resource_items || first_of_group)
        row_number++;

      for (guint k = 0; ok && k < sheet->columns->len; k++)
        {
          MuluTemplateColumn *c = g_ptr_array_index (sheet->columns, k);

          if (sheet->resource_items && !first_of_group &&
              (c->source_kind == MULU_SOURCE_ROW || (c->source_kind == MULU_SOURCE_FIELD && c->entity != MULU_ENTITY_ITEM)))
            continue;
          switch (c->source_kind)
            {
            case MULU_SOURCE_ROW:
              ok = mulu_writer_check (w, worksheet_write_number (st.ws, (lxw_row_t) st.row, (lxw_col_t) k, (double) row_number, NULL),
                                      sheet->name);
              break;
            case MULU_SOURCE_ZOMBIE:
              {
                g_autofree char *text = zombie_text (w, c, group, &review, &hits);
                if (text && *text)
                  {
                    if (g_str_equal (c->zombie, "planned_date") && strlen (text) == 10)
                      {
                        lxw_datetime dt = { atoi (text), atoi (text + 5), atoi (text + 8), 0, 0, 0 };
                        ok = mulu_writer_check (w, worksheet_write_datetime (st.ws, (lxw_row_t) st.row, (lxw_col_t) k, &dt, w->f_date),
                                                sheet->name);
                      }
                    else
                      ok = write_text_cell (w, &st, k, text);
                  }
              }
              break;
            case MULU_SOURCE_FIELD:
              ok = write_cell (w, &st, k, c, stmt, (int) k + FIRST_COLUMN, secret);
              break;
            default:
              break;
            }
        }
      last_group = group;
      st.row++;
      ok = ok && report_progress (w);
    }
  if (ok && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      g_set_error (&w->error, MULU_ERROR, MULU_ERROR_DATABASE, "Sheet %s: %s", sheet->name, sqlite3_errmsg (w->db));
      ok = FALSE;
    }
  sqlite3_finalize (stmt);
  if (ok)
    finish_sheet (&st);
  return ok;
}

static gboolean
write_instructions (MuluWriter        *w,
                    MuluTemplateSheet *sheet)
{
  lxw_worksheet *ws = workbook_add_worksheet (w->wb, sheet->name);
  g_autofree char *title = w->options->draft ? g_strdup_printf ("【草稿】%s", w->tpl->title) : g_strdup (w->tpl->title);
  lxw_row_t r = 0;

  worksheet_set_column (ws, 0, 0, 110, w->f_wrap);
  if (!mulu_writer_check (w, worksheet_write_string (ws, r++, 0, title, w->f_title), sheet->name))
    return FALSE;
  if (!mulu_writer_check (w, worksheet_write_string (ws, r++, 0, w->department, NULL), sheet->name))
    return FALSE;
  r++;
  for (guint i = 0; w->tpl->instructions && w->tpl->instructions[i]; i++)
    if (!mulu_writer_check (w, worksheet_write_string (ws, r++, 0, w->tpl->instructions[i], w->f_wrap), sheet->name))
      return FALSE;
  mulu_writer_sheet_setup (w, ws, 0, 1);
  worksheet_set_portrait (ws);
  return TRUE;
}

/* --- the file -------------------------------------------------------------- */

static char *
first_department_name (MuluWriter *w)
{
  sqlite3_stmt *stmt = NULL;
  char *name = NULL;

  if (sqlite3_prepare_v2 (w->db, "SELECT name FROM departments ORDER BY id LIMIT 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return name ? name : g_strdup ("");
}

static guint64
count_rows (MuluWriter *w)
{
  guint64 total = 0;

  for (guint e = 0; e < MULU_N_ENTITIES; e++)
    total += (guint64) MAX (mulu_catalog_count (w->catalog, e, NULL), 0);
  return total;
}

static gboolean
check_target (const char *path,
              GError    **error)
{
  g_autofree char *display = g_filename_display_name (path);
  g_autofree char *dir = g_path_get_dirname (path);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *ddir = g_filename_display_name (dir);
      g_set_error (error, MULU_ERROR, MULU_ERROR_IO,
                   _("Cannot write “%s”: the folder “%s” does not exist. Choose an existing folder."), display, ddir);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS) && !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_IO,
                   _("Cannot write “%s”: it is not a regular file. Choose another name."), display);
      return FALSE;
    }
  return TRUE;
}

static char *
describe_close_error (lxw_error   err,
                      const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFileInfo) fs = g_file_query_filesystem_info (folder, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, NULL, NULL);
  guint64 free_bytes = fs ? g_file_info_get_attribute_uint64 (fs, G_FILE_ATTRIBUTE_FILESYSTEM_FREE) : G_MAXUINT64;

  if (free_bytes < 16 * 1024 * 1024)
    return g_strdup (_("the disk is full; free some space and export again"));
  switch (err)
    {
    case LXW_ERROR_CREATING_XLSX_FILE:
      return g_strdup (_("the file cannot be created there (no permission, or the folder is read-only)"));
    case LXW_ERROR_CREATING_TMPFILE:
      return g_strdup (_("temporary files cannot be created in the folder (no permission, or the disk is full)"));
    default:
      return g_strdup_printf (_("writing failed (%s); check that the disk has room"), lxw_strerror (err));
    }
}

gboolean
mulu_workbook_export (MuluCatalog               *catalog,
                      const char                *path,
                      const MuluWorkbookOptions *options,
                      GCancellable              *cancellable,
                      MuluProgressFunc           progress,
                      gpointer                   progress_data,
                      GError                   **error)
{
  MuluWorkbookOptions defaults = { 0 };
  MuluWriter w = { 0 };
  g_autoptr(MuluTemplate) tpl = NULL;
  g_autofree char *dir = NULL, *base = NULL, *tmp = NULL, *display = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  lxw_workbook_options wbo = { 0 };
  lxw_doc_properties props = { 0 };
  guint64 counts[MULU_N_SEVERITIES];
  lxw_error err;
  gboolean ok = TRUE;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (options == NULL)
    options = &defaults;
  display = g_filename_display_name (path);
  if (!check_target (path, error))
    return FALSE;

  tpl = mulu_template_load (options->template_name ? options->template_name : "national",
                            mulu_catalog_get_codes (catalog), error);
  if (tpl == NULL)
    return FALSE;

  /* The issues sheet and the submission check need current findings. */
  if (progress)
    progress (0.0, _("Checking the rules"), progress_data);
  if ((!mulu_findings_are_current (catalog) && !mulu_validate_catalog (catalog, cancellable, NULL, NULL, error)) ||
      !mulu_findings_count (catalog, counts, error))
    return FALSE;
  if (counts[MULU_SEVERITY_ERROR] > 0 && !options->draft)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                   _("The catalog still has %llu errors, so it cannot be submitted. Fix them (see “mulu-cli validate”), or export a draft."),
                   (unsigned long long) counts[MULU_SEVERITY_ERROR]);
      return FALSE;
    }

  w.catalog = catalog;
  w.db = mulu_catalog_get_db (catalog);
  w.codes = mulu_catalog_get_codes (catalog);
  w.tpl = tpl;
  w.options = options;
  w.max_rows = options->max_rows > 0 ? MIN (options->max_rows, EXCEL_MAX_ROWS) : EXCEL_MAX_ROWS;
  w.cancellable = cancellable;
  w.progress = progress;
  w.progress_data = progress_data;
  w.dict_lists = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  w.dict_titles = g_ptr_array_new_with_free_func (g_free);
  w.dict_ranges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  w.dict_name = g_strdup ("代码表");
  w.department = first_department_name (&w);
  w.date = g_date_time_format (now, "%Y-%m-%d");
  w.today = mulu_rules_dup_today ();
  w.rows_total = count_rows (&w);
  mulu_zombie_thresholds_load (catalog, &w.thresholds);

  /* Beside the target, so the final rename stays on one disk; libxlsxwriter
   * puts its own temporary files there too (its default, tmpfile(), fails
   * on Windows without administrator rights). */
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  tmp = g_strdup_printf ("%s%c.%s.%08x.tmp", dir, G_DIR_SEPARATOR, base, g_random_int ());
  wbo.constant_memory = LXW_TRUE;
  wbo.tmpdir = dir;
  wbo.use_zip64 = LXW_TRUE;
  w.wb = workbook_new_opt (tmp, &wbo);
  if (w.wb == NULL)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_IO, _("Cannot write “%s”: the workbook could not be started."), display);
      ok = FALSE;
      goto out;
    }
  make_formats (&w);

  for (guint i = 0; ok && i < tpl->sheets->len; i++)
    {
      MuluTemplateSheet *sheet = g_ptr_array_index (tpl->sheets, i);

      while (g_hash_table_contains (w.dict_ranges, sheet->name) || g_str_equal (w.dict_name, sheet->name))
        {
          g_free (w.dict_name);
          w.dict_name = g_strdup ("代码表（下拉选项）");
        }
      switch (sheet->kind)
        {
        case MULU_SHEET_INSTRUCTIONS: ok = write_instructions (&w, sheet); break;
        case MULU_SHEET_RECORDS: ok = write_records (&w, sheet); break;
        case MULU_SHEET_ISSUES: ok = mulu_writer_issues (&w, sheet); break;
        case MULU_SHEET_REVIEW: ok = mulu_writer_review (&w, sheet); break;
        case MULU_SHEET_SUMMARY: ok = mulu_writer_summary (&w, sheet); break;
        default: break;
        }
    }
  ok = ok && mulu_writer_write_dictionary (&w);

  props.title = tpl->title;
  props.subject = options->draft ? "草稿" : "报送";
  props.author = w.department;
  props.company = w.department;
  props.comments = "Mulu " PACKAGE_VERSION;
  props.created = time (NULL);
  workbook_set_properties (w.wb, &props);

  /* libxlsxwriter 1.1.4 does not check writes to its per-sheet temporary
   * files, so a full disk would give a truncated workbook and no error. */
  if (ok)
    {
      lxw_worksheet *sheet;
      LXW_FOREACH_WORKSHEET (sheet, w.wb)
        if (sheet->optimize_tmpfile && (fflush (sheet->optimize_tmpfile) != 0 || ferror (sheet->optimize_tmpfile)))
          {
            int saved = errno;
            g_set_error (&w.error, MULU_ERROR, MULU_ERROR_IO,
                         _("the sheet “%s” could not be written (%s); free some space and export again. The previous file, if any, is unchanged"),
                         sheet->name, g_strerror (saved));
            ok = FALSE;
            break;
          }
    }
  if (ok && progress)
    progress (-1.0, _("Compressing the workbook"), progress_data);
  /* Closing is also what writes the file: it must happen even after a
   * failure, to release libxlsxwriter's temporary files. */
  err = workbook_close (w.wb);
  w.wb = NULL;
  if (!ok)
    goto out;
  if (err != LXW_NO_ERROR)
    {
      g_autofree char *why = describe_close_error (err, dir);
      g_set_error (error, MULU_ERROR, MULU_ERROR_IO, _("Cannot write “%s”: %s. The previous file, if any, is unchanged."), display, why);
      ok = FALSE;
      goto out;
    }

  g_chmod (tmp, 0600);
  {
    g_autoptr(GFile) src = g_file_new_for_path (tmp);
    g_autoptr(GFile) dst = g_file_new_for_path (path);
    g_autoptr(GError) move_error = NULL;
    if (!g_file_move (src, dst, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE, NULL, NULL, NULL, &move_error))
      {
        g_set_error (error, MULU_ERROR, MULU_ERROR_IO,
                     _("Cannot replace “%s”: %s. It may be open in another program (Excel, WPS); close it there and export again. The previous file is unchanged."),
                     display, move_error->message);
        ok = FALSE;
        goto out;
      }
  }
  if (progress)
    progress (1.0, _("Workbook written"), progress_data);

out:
  if (!ok && w.error && error && *error == NULL)
    {
      g_prefix_error (&w.error, _("Cannot write “%s”: "), display);
      g_propagate_error (error, g_steal_pointer (&w.error));
    }
  g_clear_error (&w.error);
  if (!ok)
    g_unlink (tmp);
  g_clear_pointer (&w.dict_lists, g_ptr_array_unref);
  g_clear_pointer (&w.dict_titles, g_ptr_array_unref);
  g_clear_pointer (&w.dict_ranges, g_hash_table_unref);
  g_free (w.dict_name);
  g_free (w.department);
  g_free (w.date);
  g_free (w.today);
  mulu_zombie_thresholds_clear (&w.thresholds);
  return ok;
}
