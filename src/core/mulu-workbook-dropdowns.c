/* mulu-workbook-dropdowns.c — the dropdowns that keep a workbook valid in Excel
 *
 * Each enumerated column gets a data-validation list of its code table's
 * values, written as the cells are (so "C 字符型" where cells say so).
 * Lists too long for Excel's 255-character inline limit go to a hidden
 * dictionary sheet the validation points at.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-workbook"

#include "config.h"

#include <string.h>

#include "mulu-workbook-private.h"

#define EXCEL_MAX_ROWS 1048576u

/* Which level of a code table a field holds: 0 for the first field of the
 * entity using that table (a format category), 1 for the next (its type). */
static int
code_level (const MuluTemplateColumn *c)
{
  const MuluEntityInfo *info;
  int level = 0;

  if (c->source_kind != MULU_SOURCE_FIELD)
    return 0;
  info = mulu_entity_get_info (c->entity);
  if (info->fields[c->field].group)
    return info->fields[c->field].sub;
  for (int i = 0; i < c->field; i++)
    if (g_strcmp0 (info->fields[i].code_table, info->fields[c->field].code_table) == 0)
      level++;
  return level;
}

static void
collect_level (GPtrArray  *entries,
               int         level,
               GPtrArray  *out,
               GHashTable *seen)
{
  for (guint i = 0; entries && i < entries->len; i++)
    {
      MuluCodeEntry *e = g_ptr_array_index (entries, i);
      if (level == 0)
        {
          if (g_hash_table_add (seen, e->value))
            g_ptr_array_add (out, e->value);
        }
      else
        collect_level (e->children, level - 1, out, seen);
    }
}

static char *
column_letter (guint col)
{
  char buf[8];

  lxw_col_to_name (buf, (lxw_col_t) col, FALSE);
  return g_strdup (buf);
}

void
mulu_writer_add_dropdown (MuluWriter               *w,
              lxw_worksheet            *ws,
              guint                     first_row,
              guint                     col,
              const MuluTemplateColumn *c)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autoptr(GPtrArray) owned = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *key = g_strdup_printf ("%s:%d:%d", c->codes ? c->codes : "bool", code_level (c), c->render);
  lxw_data_validation dv = { 0 };
  const char *formula;
  gsize total = 0;

  if (c->codes)
    collect_level (mulu_codes_list (w->codes, c->codes, NULL), code_level (c), values, seen);
  else
    {
      /* 是/否 columns. */
      g_ptr_array_add (values, (gpointer) "是");
      g_ptr_array_add (values, (gpointer) "否");
    }
  if (values->len == 0)
    return;
  /* The list offers what the cells show: "C 字符型" when cells are written so. */
  if (c->render == MULU_RENDER_LABEL || c->render == MULU_RENDER_CODE_LABEL)
    for (guint i = 0; i < values->len; i++)
      {
        const MuluCodeEntry *e = mulu_codes_lookup (w->codes, c->codes, NULL, g_ptr_array_index (values, i));
        if (e && !g_str_equal (e->label, e->value))
          {
            char *text = c->render == MULU_RENDER_LABEL ? g_strdup (e->label) : g_strdup_printf ("%s %s", e->value, e->label);
            g_ptr_array_add (owned, text);
            values->pdata[i] = text;
          }
      }
  for (guint i = 0; i < values->len; i++)
    total += strlen (g_ptr_array_index (values, i)) + 1;

  dv.validate = LXW_VALIDATION_TYPE_LIST;
  dv.ignore_blank = LXW_VALIDATION_ON;
  dv.show_error = LXW_VALIDATION_ON;
  dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
  dv.error_title = (char *) "请从下拉列表中选择";
  dv.error_message = (char *) "此列只能填写代码表中的值，请从下拉列表中选择。";

  /* Excel keeps an inline list to 255 characters; longer lists live in the
   * hidden dictionary sheet. */
  if (total < 200)
    {
      g_ptr_array_add (values, NULL);
      dv.value_list = (char **) values->pdata;
      worksheet_data_validation_range (ws, (lxw_row_t) first_row, (lxw_col_t) col,
                                       EXCEL_MAX_ROWS - 1, (lxw_col_t) col, &dv);
      return;
    }

  formula = g_hash_table_lookup (w->dict_ranges, key);
  if (formula == NULL)
    {
      GPtrArray *copy = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *letter = column_letter (w->dict_lists->len);

      for (guint i = 0; i < values->len; i++)
        g_ptr_array_add (copy, g_strdup (g_ptr_array_index (values, i)));
      g_ptr_array_add (w->dict_lists, copy);
      g_ptr_array_add (w->dict_titles, g_strdup_printf ("%s%s", mulu_codes_get_title (w->codes, c->codes) ? mulu_codes_get_title (w->codes, c->codes) : c->header,
                                                      code_level (c) ? "（下级）" : ""));
      formula = g_strdup_printf ("='%s'!$%s$2:$%s$%u", w->dict_name, letter, letter, copy->len + 1);
      g_hash_table_insert (w->dict_ranges, g_steal_pointer (&key), (gpointer) formula);
    }
  dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  dv.value_formula = (char *) formula;
  worksheet_data_validation_range (ws, (lxw_row_t) first_row, (lxw_col_t) col,
                                   EXCEL_MAX_ROWS - 1, (lxw_col_t) col, &dv);
}

gboolean
mulu_writer_write_dictionary (MuluWriter *w)
{
  lxw_worksheet *ws;
  guint longest = 0;

  if (w->dict_lists->len == 0)
    return TRUE;
  ws = workbook_add_worksheet (w->wb, w->dict_name);
  for (guint c = 0; c < w->dict_lists->len; c++)
    {
      longest = MAX (longest, ((GPtrArray *) g_ptr_array_index (w->dict_lists, c))->len);
      if (!mulu_writer_check (w, worksheet_write_string (ws, 0, (lxw_col_t) c, g_ptr_array_index (w->dict_titles, c), w->f_bold),
                              w->dict_name))
        return FALSE;
    }
  for (guint r = 0; r < longest; r++)
    for (guint c = 0; c < w->dict_lists->len; c++)
      {
        GPtrArray *list = g_ptr_array_index (w->dict_lists, c);
        if (r < list->len &&
            !mulu_writer_check (w, worksheet_write_string (ws, (lxw_row_t) r + 1, (lxw_col_t) c, g_ptr_array_index (list, r), NULL),
                                w->dict_name))
          return FALSE;
      }
  worksheet_hide (ws);
  return TRUE;
}
