/* mulu-tsv.c — splitting a pasted block and turning its rows into items
 *
 * How each column is read is decided in mulu-tsv-columns.c, and how a
 * cell's text becomes a code or a length in mulu-tsv-values.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-tsv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mulu-error.h"
#include "mulu-tsv-private.h"
#include "mulu-value.h"

/* — Splitting ——————————————————————————————————————————————————————— */

static gboolean
is_blank_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 /* ideographic space */ || c == 0xA0 || c == 0xFEFF;
}

char *
mulu_tsv_trim_cell (const char *s,
                    gsize       len)
{
  const char *start = s;
  const char *end = s + len;

  while (start < end && is_blank_char (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      if (!is_blank_char (g_utf8_get_char (prev)))
        break;
      end = prev;
    }
  return g_strndup (start, end - start);
}

static gboolean
is_row_end (const char *p)
{
  return *p == '\n' || *p == '\r' || *p == '\0';
}

/* Where a quoted cell starting at the opening quote @p ends: the quote that
 * is not doubled and is followed by the separator or the end of a row.
 * Excel quotes a cell holding a tab, a line break or a quote; a cell that
 * merely begins with a quote is written as it is, so without such a closing
 * quote the cell is read literally. */
static const char *
find_closing_quote (const char *p,
                    char        sep)
{
  for (p = p + 1; *p; p++)
    {
      if (*p != '"')
        continue;
      if (p[1] == '"')
        {
          p++;
          continue;
        }
      if (p[1] == sep || is_row_end (p + 1))
        return p;
    }
  return NULL;
}

static gboolean
row_is_blank (GPtrArray *row)
{
  for (guint i = 0; i < row->len; i++)
    if (*(const char *) g_ptr_array_index (row, i) != '\0')
      return FALSE;
  return TRUE;
}

/**
 * mulu_tsv_split:
 * @text: text copied from a spreadsheet
 *
 * Splits @text into rows of cells: tab-separated, or comma-separated when
 * it holds no tab. Cells are trimmed, blank rows left out and every row
 * padded to the width of the widest; columns empty in every row at the
 * right edge are dropped.
 *
 * Returns: (transfer full): a #GPtrArray of #GStrv
 */
GPtrArray *
mulu_tsv_split (const char *text)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) row = NULL;
  char sep;
  guint width = 0;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  sep = strchr (text, '\t') ? '\t' : strchr (text, ',') ? ',' : '\0';
  /* A UTF-8 byte order mark from a CSV file is not part of the first cell. */
  p = g_str_has_prefix (text, "\xEF\xBB\xBF") ? text + 3 : text;

  while (*p)
    {
      g_autoptr(GString) cell = g_string_new (NULL);
      const char *close;

      if (row == NULL)
        row = g_ptr_array_new_with_free_func (g_free);

      if (*p == '"' && (close = find_closing_quote (p, sep)) != NULL)
        {
          for (const char *q = p + 1; q < close; q++)
            {
              g_string_append_c (cell, *q);
              if (*q == '"')
                q++;
            }
          p = close + 1;
        }
      else
        {
          const char *start = p;
          while (!(sep && *p == sep) && !is_row_end (p))
            p++;
          g_string_append_len (cell, start, p - start);
        }
      g_ptr_array_add (row, mulu_tsv_trim_cell (cell->str, cell->len));

      if (sep && *p == sep)
        {
          p++;
          if (*p == '\0')
            g_ptr_array_add (row, g_strdup (""));
          continue;
        }

      /* The end of a row: \n, \r\n or a lone \r. */
      if (*p == '\r')
        p++;
      if (*p == '\n')
        p++;
      if (!row_is_blank (row))
        {
          width = MAX (width, row->len);
          g_ptr_array_add (row, NULL);
          g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
        }
      g_clear_pointer (&row, g_ptr_array_unref);
    }
  if (row != NULL && !row_is_blank (row))
    {
      width = MAX (width, row->len);
      g_ptr_array_add (row, NULL);
      g_ptr_array_add (rows, g_ptr_array_steal (row, NULL));
    }

  /* Drop columns at the right edge that are empty everywhere. */
  for (; width > 0; width--)
    {
      gboolean empty = TRUE;
      for (guint r = 0; r < rows->len && empty; r++)
        {
          char **cells = g_ptr_array_index (rows, r);
          empty = g_strv_length (cells) < width || *cells[width - 1] == '\0';
        }
      if (!empty)
        break;
    }

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = g_ptr_array_index (rows, r);
      guint n = g_strv_length (cells);
      char **fitted = g_new0 (char *, width + 1);

      for (guint c = 0; c < width; c++)
        fitted[c] = g_strdup (c < n ? cells[c] : "");
      g_ptr_array_index (rows, r) = fitted;
      g_strfreev (cells);
    }

  return g_steal_pointer (&rows);
}

/* — Mapping ——————————————————————————————————————————————————————————— */

static void
row_free (MuluTsvRow *row)
{
  g_free (row->name);
  g_free (row->data_type);
  g_free (row->share_type);
  g_free (row->open_type);
  g_free (row->remarks);
  g_free (row);
}

static void
problem_free (MuluTsvProblem *problem)
{
  g_free (problem->message);
  g_free (problem);
}

const char *
mulu_tsv_role_get_label (MuluTsvRole role)
{
  static const int fields[] = {
    [MULU_TSV_ROLE_NAME] = MULU_ITEM_NAME,
    [MULU_TSV_ROLE_DATA_TYPE] = MULU_ITEM_DATA_TYPE,
    [MULU_TSV_ROLE_LENGTH] = MULU_ITEM_LENGTH,
    [MULU_TSV_ROLE_SHARE_TYPE] = MULU_ITEM_SHARE_TYPE,
    [MULU_TSV_ROLE_OPEN_TYPE] = MULU_ITEM_OPEN_TYPE,
    [MULU_TSV_ROLE_REMARKS] = MULU_ITEM_REMARKS,
  };

  g_return_val_if_fail (role < MULU_TSV_N_ROLES, NULL);

  if (role == MULU_TSV_ROLE_IGNORE)
    return _("Ignore");
  return mulu_field_get_label (&mulu_entity_get_info (MULU_ENTITY_ITEM)->fields[fields[role]]);
}

static const char *
column_title (MuluTsvResult *self,
              guint          column)
{
  if (self->has_header && self->cells->len > 0)
    {
      char **header = g_ptr_array_index (self->cells, 0);
      if (*header[column] != '\0')
        return header[column];
    }
  return mulu_tsv_role_get_label (self->roles[column]);
}

G_GNUC_PRINTF (5, 6)
static void
add_problem (MuluTsvResult *self,
             guint          source_row,
             int            column,
             MuluTsvRole    role,
             const char    *format,
             ...)
{
  MuluTsvProblem *problem = g_new0 (MuluTsvProblem, 1);
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  problem->source_row = source_row;
  problem->column = column;
  problem->role = role;
  if (source_row > 0 && column >= 0)
    /* TRANSLATORS: "Row 3, column “长度”: “100万” is not a number; …" */
    problem->message = g_strdup_printf (_("Row %u, column “%s”: %s"), source_row, column_title (self, column), detail);
  else
    problem->message = g_steal_pointer (&detail);
  g_ptr_array_add (self->problems, problem);
}

static char *
list_values (MuluCodes  *codes,
             const char *table)
{
  GPtrArray *entries = mulu_codes_list (codes, table, NULL);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; entries && i < entries->len; i++)
    {
      const MuluCodeEntry *e = g_ptr_array_index (entries, i);
      if (i > 0)
        g_string_append (s, "、");
      g_string_append (s, e->value);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
map_rows (MuluTsvResult *self,
          MuluCodes     *codes)
{
  int column_of[MULU_TSV_N_ROLES];

  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->problems, 0);

  for (guint r = 0; r < MULU_TSV_N_ROLES; r++)
    column_of[r] = -1;
  for (guint c = 0; c < self->n_columns; c++)
    if (self->roles[c] != MULU_TSV_ROLE_IGNORE && column_of[self->roles[c]] < 0)
      column_of[self->roles[c]] = (int) c;

  if (column_of[MULU_TSV_ROLE_NAME] < 0)
    {
      add_problem (self, 0, -1, MULU_TSV_ROLE_NAME, "%s",
                   _("No column holds the item names; mark one column as the item name."));
      return;
    }

  for (guint r = self->has_header ? 1 : 0; r < self->cells->len; r++)
    {
      char **cells = g_ptr_array_index (self->cells, r);
      MuluTsvRow *row = g_new0 (MuluTsvRow, 1);
      gint64 type_length = -1;
      int c;

      row->source_row = r + 1;
      row->length = -1;

      c = column_of[MULU_TSV_ROLE_NAME];
      if (*cells[c] != '\0')
        row->name = g_strdup (cells[c]);

      if ((c = column_of[MULU_TSV_ROLE_DATA_TYPE]) >= 0 && *cells[c] != '\0')
        {
          const char *code = mulu_tsv_data_type_from_text (cells[c], codes, &type_length);
          if (code)
            row->data_type = g_strdup (code);
          else
            add_problem (self, row->source_row, c, MULU_TSV_ROLE_DATA_TYPE,
                         _("“%s” is not a data type; use one of C 字符型, N 数值型, D 日期型 … or a database type such as VARCHAR(50)."),
                         cells[c]);
        }

      if ((c = column_of[MULU_TSV_ROLE_LENGTH]) >= 0 && *cells[c] != '\0')
        {
          g_autoptr(GError) error = NULL;
          if (!mulu_tsv_parse_length (cells[c], &row->length, &error))
            {
              row->length = -1;
              add_problem (self, row->source_row, c, MULU_TSV_ROLE_LENGTH, "%s", error->message);
            }
        }
      if (row->length < 0 && type_length > 0)
        row->length = type_length;

      if ((c = column_of[MULU_TSV_ROLE_SHARE_TYPE]) >= 0 && *cells[c] != '\0')
        {
          const char *value = mulu_tsv_code_value (codes, "share_type", cells[c]);
          if (value)
            row->share_type = g_strdup (value);
          else
            {
              g_autofree char *values = list_values (codes, "share_type");
              add_problem (self, row->source_row, c, MULU_TSV_ROLE_SHARE_TYPE,
                           _("“%s” is not a sharing type; use one of %s, or leave it empty."), cells[c], values);
            }
        }

      if ((c = column_of[MULU_TSV_ROLE_OPEN_TYPE]) >= 0 && *cells[c] != '\0')
        {
          const char *value = mulu_tsv_code_value (codes, "open_type", cells[c]);
          if (value)
            row->open_type = g_strdup (value);
          else
            {
              g_autofree char *values = list_values (codes, "open_type");
              add_problem (self, row->source_row, c, MULU_TSV_ROLE_OPEN_TYPE,
                           _("“%s” is not an open type; use one of %s, or leave it empty."), cells[c], values);
            }
        }

      if ((c = column_of[MULU_TSV_ROLE_REMARKS]) >= 0 && *cells[c] != '\0')
        row->remarks = g_strdup (cells[c]);

      if (row->name == NULL)
        {
          add_problem (self, row->source_row, -1, MULU_TSV_ROLE_NAME,
                       _("Row %u has no item name and is left out; fill in the name and paste again."),
                       row->source_row);
          row_free (row);
          continue;
        }
      g_ptr_array_add (self->rows, row);
    }
}
/**
 * mulu_tsv_parse_items:
 * @text: rows copied from Excel or WPS, or CSV text
 * @codes: the catalog's code tables
 * @error: set when @text holds no rows at all
 *
 * Returns: (transfer full): the rows and how they were read, or %NULL
 */
MuluTsvResult *
mulu_tsv_parse_items (const char  *text,
                      MuluCodes   *codes,
                      GError     **error)
{
  g_autoptr(MuluTsvResult) self = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (MULU_IS_CODES (codes), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (MuluTsvResult, 1);
  self->cells = mulu_tsv_split (text);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  self->n_columns = self->cells->len > 0 ? g_strv_length (g_ptr_array_index (self->cells, 0)) : 0;

  if (self->n_columns == 0)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                   _("The pasted text holds no rows; select the data items’ cells in the spreadsheet, copy them and paste again."));
      return NULL;
    }

  mulu_tsv_assign_roles (self, codes);
  if (self->has_header && self->cells->len == 1)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                   _("The pasted text holds only a header row; copy the data items’ rows with it and paste again."));
      return NULL;
    }
  map_rows (self, codes);

  return g_steal_pointer (&self);
}

/**
 * mulu_tsv_result_remap:
 * @self: a result
 * @roles: one role for each of the @self->n_columns columns
 * @has_header: whether the first row is a header
 * @codes: the catalog's code tables
 *
 * Reads the rows again with the columns a person chose. The mapping is no
 * longer a guess. Of two columns given the same role the first is used.
 */
void
mulu_tsv_result_remap (MuluTsvResult     *self,
                       const MuluTsvRole *roles,
                       gboolean           has_header,
                       MuluCodes         *codes)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (roles != NULL);
  g_return_if_fail (MULU_IS_CODES (codes));

  for (guint c = 0; c < self->n_columns; c++)
    {
      g_return_if_fail (roles[c] < MULU_TSV_N_ROLES);
      self->roles[c] = roles[c];
    }
  self->has_header = has_header;
  self->ambiguous = FALSE;
  g_clear_pointer (&self->ambiguous_reason, g_free);
  map_rows (self, codes);
}

void
mulu_tsv_result_free (MuluTsvResult *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_free (self->roles);
  g_free (self->ambiguous_reason);
  g_free (self);
}

/**
 * mulu_tsv_row_to_item:
 * @row: a row of a result
 * @resource_id: the resource the item belongs to
 *
 * Returns: (transfer full): a new, unsaved data item
 */
MuluRecord *
mulu_tsv_row_to_item (const MuluTsvRow *row,
                      gint64            resource_id)
{
  MuluRecord *item;

  g_return_val_if_fail (row != NULL, NULL);

  item = mulu_record_new (MULU_ENTITY_ITEM);
  mulu_record_set_int (item, MULU_ITEM_RESOURCE, resource_id);
  if (row->name)
    mulu_record_set_string (item, MULU_ITEM_NAME, row->name);
  if (row->data_type)
    mulu_record_set_string (item, MULU_ITEM_DATA_TYPE, row->data_type);
  if (row->length >= 0)
    mulu_record_set_int (item, MULU_ITEM_LENGTH, row->length);
  if (row->share_type)
    mulu_record_set_string (item, MULU_ITEM_SHARE_TYPE, row->share_type);
  if (row->open_type)
    mulu_record_set_string (item, MULU_ITEM_OPEN_TYPE, row->open_type);
  if (row->remarks)
    mulu_record_set_string (item, MULU_ITEM_REMARKS, row->remarks);
  return item;
}
