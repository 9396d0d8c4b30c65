/* mulu-tsv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-tsv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mulu-error.h"
#include "mulu-tsv.h"
#include "mulu-value.h"

/* — Splitting ——————————————————————————————————————————————————————— */

static gboolean
is_blank_char (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000 /* ideographic space */ || c == 0xA0 || c == 0xFEFF;
}

static char *
trim_cell (const char *s,
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
      g_ptr_array_add (row, trim_cell (cell->str, cell->len));

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

/* — Recognising values ———————————————————————————————————————————————— */

static char *
fold (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *trimmed = NULL;

  if (nfkc == NULL)
    return g_strdup ("");
  trimmed = trim_cell (nfkc, strlen (nfkc));
  return g_utf8_strdown (trimmed, -1);
}

typedef struct { const char *name; const char *code; } TypeAlias;

/* Column types of the databases and spreadsheets clerks copy from, and the
 * Chinese words people write instead of the labels. */
static const TypeAlias type_aliases[] = {
  { "long raw", "G" }, { "double precision", "B" }, { "character varying", "C" },
  { "char", "C" }, { "character", "C" }, { "varchar", "C" }, { "varchar2", "C" },
  { "nvarchar", "C" }, { "nvarchar2", "C" }, { "nchar", "C" }, { "string", "C" },
  { "uuid", "C" }, { "enum", "C" },
  { "number", "N" }, { "numeric", "N" }, { "decimal", "N" }, { "dec", "N" },
  { "money", "Y" }, { "smallmoney", "Y" }, { "currency", "Y" },
  { "date", "D" },
  { "datetime", "T" }, { "datetime2", "T" }, { "smalldatetime", "T" }, { "timestamp", "T" },
  { "timestamptz", "T" }, { "time", "T" },
  { "bool", "L" }, { "boolean", "L" }, { "bit", "L" }, { "logical", "L" },
  { "text", "M" }, { "ntext", "M" }, { "clob", "M" }, { "nclob", "M" }, { "longtext", "M" },
  { "mediumtext", "M" }, { "tinytext", "M" }, { "memo", "M" }, { "long", "M" }, { "json", "M" },
  { "jsonb", "M" }, { "xml", "M" },
  { "blob", "G" }, { "longblob", "G" }, { "mediumblob", "G" }, { "tinyblob", "G" },
  { "binary", "G" }, { "varbinary", "G" }, { "image", "G" }, { "bytea", "G" }, { "raw", "G" },
  { "bfile", "G" }, { "general", "G" },
  { "double", "B" }, { "float8", "B" }, { "binary_double", "B" },
  { "float", "F" }, { "float4", "F" }, { "real", "F" }, { "binary_float", "F" },
  { "int", "I" }, { "integer", "I" }, { "bigint", "I" }, { "smallint", "I" }, { "tinyint", "I" },
  { "mediumint", "I" }, { "int2", "I" }, { "int4", "I" }, { "int8", "I" }, { "serial", "I" },
  { "bigserial", "I" }, { "smallserial", "I" }, { "pls_integer", "I" }, { "binary_integer", "I" },
  { "字符", "C" }, { "字符串", "C" }, { "文本", "C" },
  { "数值", "N" }, { "数字", "N" }, { "小数", "N" },
  { "货币", "Y" }, { "金额", "Y" },
  { "日期", "D" },
  { "日期时间", "T" }, { "时间", "T" }, { "时间戳", "T" },
  { "逻辑", "L" }, { "布尔", "L" }, { "布尔型", "L" },
  { "备注", "M" }, { "长文本", "M" }, { "大文本", "M" },
  { "通用", "G" }, { "二进制", "G" },
  { "双精度", "B" },
  { "整数", "I" }, { "整形", "I" },
  { "浮点", "F" }, { "浮点数", "F" },
};

static const MuluCodeEntry *
lookup_code_by_value_or_label (GPtrArray  *entries,
                               const char *folded)
{
  for (guint i = 0; entries && i < entries->len; i++)
    {
      const MuluCodeEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *value = g_utf8_strdown (e->value, -1);
      if (g_str_equal (folded, value) || g_str_equal (folded, e->label))
        return e;
    }
  return NULL;
}

/**
 * mulu_tsv_data_type_from_text:
 * @text: a cell: "C", "字符型", "C 字符型", "varchar2(50)", "整数"…
 * @codes: the catalog's code tables
 * @out_length: (out) (optional): the length the text gives ("varchar2(50)"
 *   gives 50), or -1
 *
 * Returns: the code of the data type (a string owned by @codes or a
 *   static string), or %NULL when @text names none
 */
const char *
mulu_tsv_data_type_from_text (const char *text,
                              MuluCodes  *codes,
                              gint64     *out_length)
{
  GPtrArray *entries;
  g_autofree char *folded = NULL;
  g_autofree char *compact = NULL;
  g_autofree char *base = NULL;
  const MuluCodeEntry *entry;
  const char *paren;
  const char *code = NULL;
  gint64 arg = -1;

  if (out_length)
    *out_length = -1;
  if (text == NULL || codes == NULL)
    return NULL;
  entries = mulu_codes_list (codes, "data_type", NULL);
  folded = fold (text);
  if (*folded == '\0')
    return NULL;

  /* "C", "字符型" */
  if ((entry = lookup_code_by_value_or_label (entries, folded)) != NULL)
    return entry->value;

  /* "C 字符型", "C-字符型", "字符型(C)", "C：字符型" (NFKC has made the
   * full-width punctuation ASCII) */
  {
    GString *s = g_string_new (NULL);
    for (const char *p = folded; *p; p = g_utf8_next_char (p))
      {
        gunichar c = g_utf8_get_char (p);
        gboolean separator = c == 0x3001 /* 、 */ || (c < 128 && (g_ascii_isspace (c) || strchr ("-:()/.", (int) c)));
        if (!separator)
          g_string_append_unichar (s, c);
      }
    compact = g_string_free (s, FALSE);
  }
  for (guint i = 0; entries && i < entries->len; i++)
    {
      const MuluCodeEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *value = g_utf8_strdown (e->value, -1);
      g_autofree char *before = g_strconcat (value, e->label, NULL);
      g_autofree char *after = g_strconcat (e->label, value, NULL);
      if (g_str_equal (compact, before) || g_str_equal (compact, after))
        return e->value;
    }

  /* "varchar2(50)", "number(10,2)", "int(11) unsigned", "timestamp with time zone" */
  paren = strchr (folded, '(');
  base = g_strndup (folded, paren ? (gsize) (paren - folded) : strlen (folded));
  g_strstrip (base);
  if (paren)
    {
      const char *p = paren + 1;
      while (*p == ' ')
        p++;
      if (g_ascii_isdigit (*p))
        arg = g_ascii_strtoll (p, NULL, 10);
    }
  for (guint i = 0; i < G_N_ELEMENTS (type_aliases) && code == NULL; i++)
    if (g_str_equal (base, type_aliases[i].name))
      code = type_aliases[i].code;
  if (code == NULL)
    {
      /* The first word: "timestamp with time zone", "int unsigned". */
      g_autofree char *word = g_strndup (base, strcspn (base, " "));
      if (!g_str_equal (word, base))
        for (guint i = 0; i < G_N_ELEMENTS (type_aliases) && code == NULL; i++)
          if (g_str_equal (word, type_aliases[i].name))
            code = type_aliases[i].code;
    }
  if (code == NULL)
    return NULL;

  /* Only the text and number types carry a length in parentheses; the
   * figure after timestamp( is a precision of seconds. */
  if (out_length && arg > 0 && (g_str_equal (code, "C") || g_str_equal (code, "N") || g_str_equal (code, "I")))
    *out_length = arg;

  /* The built-in table holds every alias target; a catalog whose table
   * lacks one does not get a code it cannot show. */
  entry = mulu_codes_lookup (codes, "data_type", NULL, code);
  return entry ? entry->value : NULL;
}

static const char *
code_value_from_text (MuluCodes  *codes,
                      const char *table,
                      const char *text)
{
  GPtrArray *entries = mulu_codes_list (codes, table, NULL);
  g_autofree char *folded = fold (text);
  const MuluCodeEntry *entry;
  const char *prefix_match = NULL;
  guint n_prefix = 0;

  if (*folded == '\0')
    return NULL;
  if ((entry = lookup_code_by_value_or_label (entries, folded)) != NULL)
    return entry->value;
  /* "有条件" for 有条件共享 */
  if (g_utf8_strlen (folded, -1) >= 2)
    for (guint i = 0; entries && i < entries->len; i++)
      {
        const MuluCodeEntry *e = g_ptr_array_index (entries, i);
        if (g_str_has_prefix (e->value, folded))
          {
            prefix_match = e->value;
            n_prefix++;
          }
      }
  return n_prefix == 1 ? prefix_match : NULL;
}

/**
 * mulu_tsv_parse_length:
 * @text: a length as a clerk writes it
 * @out_length: (out): the length, or -1 when @text is empty
 * @error: set when @text is not a length
 *
 * A length is a whole number above zero. "10,2" (precision and scale, as
 * database dictionaries write a decimal's size) is a length of 10; "1,234"
 * has a thousands separator; "100万" is refused, never read as 100.
 */
gboolean
mulu_tsv_parse_length (const char  *text,
                       gint64      *out_length,
                       GError     **error)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autoptr(GVariant) value = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  static GRegex *precision_scale;

  if (g_once_init_enter (&precision_scale))
    g_once_init_leave (&precision_scale, g_regex_new ("^\\s*([0-9]+)\\s*,\\s*[0-9]{1,2}\\s*$", G_REGEX_OPTIMIZE, 0, NULL));

  if (nfkc == NULL)
    nfkc = g_strdup (text);
  if (g_regex_match (precision_scale, nfkc, 0, &match))
    {
      g_autofree char *digits = g_match_info_fetch (match, 1);
      *out_length = g_ascii_strtoll (digits, NULL, 10);
    }
  else
    {
      if (!mulu_value_parse (MULU_FIELD_INT, nfkc, &value, error))
        return FALSE;
      if (value == NULL)
        {
          *out_length = -1;
          return TRUE;
        }
      *out_length = g_variant_get_int64 (value);
    }
  if (*out_length <= 0)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                   _("“%s” is not a length; a length is a whole number above zero."), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
looks_like_integer (const char *text)
{
  gint64 n;

  return mulu_tsv_parse_length (text, &n, NULL) && n > 0;
}

static gboolean
has_cjk (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        return TRUE;
    }
  return FALSE;
}

/* — Headers ——————————————————————————————————————————————————————————— */

typedef struct { const char *text; MuluTsvRole role; } HeaderWord;

/* In order of preference: of two columns both headed as names, the one
 * earlier in this list is the name ("中文名称" beats "字段名", which in a
 * database dictionary is the column's English identifier). */
static const HeaderWord header_words[] = {
  { "信息项名称", MULU_TSV_ROLE_NAME }, { "信息项名", MULU_TSV_ROLE_NAME },
  { "数据项名称", MULU_TSV_ROLE_NAME }, { "中文名称", MULU_TSV_ROLE_NAME },
  { "字段中文名称", MULU_TSV_ROLE_NAME }, { "字段中文名", MULU_TSV_ROLE_NAME },
  { "中文名", MULU_TSV_ROLE_NAME }, { "信息项", MULU_TSV_ROLE_NAME }, { "数据项", MULU_TSV_ROLE_NAME },
  { "名称", MULU_TSV_ROLE_NAME }, { "元素名称", MULU_TSV_ROLE_NAME }, { "字段名称", MULU_TSV_ROLE_NAME },
  { "字段名", MULU_TSV_ROLE_NAME }, { "列名", MULU_TSV_ROLE_NAME }, { "字段", MULU_TSV_ROLE_NAME },
  { "item name", MULU_TSV_ROLE_NAME }, { "name", MULU_TSV_ROLE_NAME }, { "field name", MULU_TSV_ROLE_NAME },
  { "column name", MULU_TSV_ROLE_NAME }, { "field", MULU_TSV_ROLE_NAME },

  { "数据类型", MULU_TSV_ROLE_DATA_TYPE }, { "信息项类型", MULU_TSV_ROLE_DATA_TYPE },
  { "字段类型", MULU_TSV_ROLE_DATA_TYPE }, { "类型", MULU_TSV_ROLE_DATA_TYPE },
  { "数据格式", MULU_TSV_ROLE_DATA_TYPE }, { "data type", MULU_TSV_ROLE_DATA_TYPE },
  { "datatype", MULU_TSV_ROLE_DATA_TYPE }, { "type", MULU_TSV_ROLE_DATA_TYPE },

  { "长度", MULU_TSV_ROLE_LENGTH }, { "数据长度", MULU_TSV_ROLE_LENGTH }, { "字段长度", MULU_TSV_ROLE_LENGTH },
  { "信息项长度", MULU_TSV_ROLE_LENGTH }, { "宽度", MULU_TSV_ROLE_LENGTH }, { "length", MULU_TSV_ROLE_LENGTH },
  { "size", MULU_TSV_ROLE_LENGTH },

  { "共享类型", MULU_TSV_ROLE_SHARE_TYPE }, { "共享属性", MULU_TSV_ROLE_SHARE_TYPE },
  { "share type", MULU_TSV_ROLE_SHARE_TYPE }, { "sharing type", MULU_TSV_ROLE_SHARE_TYPE },

  { "开放类型", MULU_TSV_ROLE_OPEN_TYPE }, { "开放属性", MULU_TSV_ROLE_OPEN_TYPE },
  { "是否向社会开放", MULU_TSV_ROLE_OPEN_TYPE }, { "是否开放", MULU_TSV_ROLE_OPEN_TYPE },
  { "open type", MULU_TSV_ROLE_OPEN_TYPE },

  { "备注", MULU_TSV_ROLE_REMARKS }, { "说明", MULU_TSV_ROLE_REMARKS }, { "描述", MULU_TSV_ROLE_REMARKS },
  { "备注说明", MULU_TSV_ROLE_REMARKS }, { "字段说明", MULU_TSV_ROLE_REMARKS }, { "字段描述", MULU_TSV_ROLE_REMARKS },
  { "remarks", MULU_TSV_ROLE_REMARKS }, { "remark", MULU_TSV_ROLE_REMARKS }, { "notes", MULU_TSV_ROLE_REMARKS },
  { "note", MULU_TSV_ROLE_REMARKS }, { "comment", MULU_TSV_ROLE_REMARKS }, { "comments", MULU_TSV_ROLE_REMARKS },
  { "description", MULU_TSV_ROLE_REMARKS },

  /* Known, and not for a data item. */
  { "序号", MULU_TSV_ROLE_IGNORE }, { "编号", MULU_TSV_ROLE_IGNORE }, { "行号", MULU_TSV_ROLE_IGNORE },
  { "英文名称", MULU_TSV_ROLE_IGNORE }, { "英文名", MULU_TSV_ROLE_IGNORE }, { "no", MULU_TSV_ROLE_IGNORE },
  { "#", MULU_TSV_ROLE_IGNORE },
};

/* The index of @cell in header_words, or -1. Marks of a required column
 * ("*名称") and explanations in parentheses ("长度(字节)") are left aside. */
static int
match_header (const char *cell)
{
  g_autofree char *folded = fold (cell);
  char *paren;
  char *text = folded;

  while (*text == '*')
    text++;
  if ((paren = strchr (text, '(')) != NULL && paren != text)
    *paren = '\0';
  g_strstrip (text);
  {
    gsize len = strlen (text);
    while (len > 0 && (text[len - 1] == '*' || text[len - 1] == '.' || text[len - 1] == ':'))
      text[--len] = '\0';
  }
  for (guint i = 0; i < G_N_ELEMENTS (header_words); i++)
    if (g_str_equal (text, header_words[i].text))
      return (int) i;
  return -1;
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
          const char *value = code_value_from_text (codes, "share_type", cells[c]);
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
          const char *value = code_value_from_text (codes, "open_type", cells[c]);
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

typedef struct {
  guint    n_values;
  guint    n_types;
  guint    n_integers;
  guint    n_share;
  guint    n_open;
  guint    n_cjk;
  gboolean sequence; /* 1, 2, 3 … in every row */
} ColumnStats;

static void
column_stats (MuluTsvResult *self,
              guint          column,
              MuluCodes     *codes,
              ColumnStats   *stats)
{
  guint first = self->has_header ? 1 : 0;

  memset (stats, 0, sizeof *stats);
  stats->sequence = self->cells->len - first >= 2;
  for (guint r = first; r < self->cells->len; r++)
    {
      const char *cell = ((char **) g_ptr_array_index (self->cells, r))[column];
      gint64 n = -1;

      if (*cell == '\0')
        {
          stats->sequence = FALSE;
          continue;
        }
      stats->n_values++;
      if (mulu_tsv_data_type_from_text (cell, codes, NULL))
        stats->n_types++;
      if (mulu_tsv_parse_length (cell, &n, NULL) && n > 0)
        stats->n_integers++;
      if (n != (gint64) (r - first + 1))
        stats->sequence = FALSE;
      if (code_value_from_text (codes, "share_type", cell))
        stats->n_share++;
      if (code_value_from_text (codes, "open_type", cell))
        stats->n_open++;
      if (has_cjk (cell))
        stats->n_cjk++;
    }
}

static void
set_ambiguous (MuluTsvResult *self,
               const char    *reason)
{
  if (self->ambiguous)
    return;
  self->ambiguous = TRUE;
  self->ambiguous_reason = g_strdup (reason);
}

/* Gives a role to each column still marked -1 (no recognised header) by
 * the look of its values. Under a header that names the item names, an
 * unknown heading ("是否主键") is more likely something else than remarks,
 * so text columns are then left out rather than guessed at. */
static void
infer_roles (MuluTsvResult *self,
             int           *roles,
             MuluCodes     *codes,
             gboolean       guess_text)
{
  g_autofree ColumnStats *stats = g_new0 (ColumnStats, self->n_columns);
  gboolean taken[MULU_TSV_N_ROLES] = { FALSE, };
  g_autoptr(GArray) text_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) integer_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  int type_column = -1;
  guint n_candidates;

  for (guint c = 0; c < self->n_columns; c++)
    {
      if (roles[c] >= 0)
        taken[roles[c]] = TRUE;
      else
        column_stats (self, c, codes, &stats[c]);
    }
  taken[MULU_TSV_ROLE_IGNORE] = FALSE;

  for (guint c = 0; c < self->n_columns; c++)
    if (roles[c] < 0 && stats[c].n_values == 0)
      roles[c] = MULU_TSV_ROLE_IGNORE;

  /* The data type: every value a type, or failing that most of them (the
   * others are reported one by one). */
  if (!taken[MULU_TSV_ROLE_DATA_TYPE])
    {
      for (int strict = 1; strict >= 0 && type_column < 0; strict--)
        {
          n_candidates = 0;
          for (guint c = 0; c < self->n_columns; c++)
            {
              ColumnStats *s = &stats[c];
              if (roles[c] >= 0 || s->n_types == 0)
                continue;
              if (strict ? s->n_types == s->n_values : s->n_types * 2 > s->n_values)
                {
                  if (n_candidates++ == 0)
                    type_column = (int) c;
                }
            }
          if (n_candidates > 1)
            set_ambiguous (self, _("Several columns look like data types; check which one is the data type."));
        }
      if (type_column >= 0)
        {
          roles[type_column] = MULU_TSV_ROLE_DATA_TYPE;
          taken[MULU_TSV_ROLE_DATA_TYPE] = TRUE;
        }
    }

  /* The sharing and open types, by their values. */
  for (guint c = 0; c < self->n_columns; c++)
    {
      ColumnStats *s = &stats[c];
      if (roles[c] >= 0)
        continue;
      if (!taken[MULU_TSV_ROLE_SHARE_TYPE] && s->n_share * 2 > s->n_values)
        {
          roles[c] = MULU_TSV_ROLE_SHARE_TYPE;
          taken[MULU_TSV_ROLE_SHARE_TYPE] = TRUE;
        }
      else if (!taken[MULU_TSV_ROLE_OPEN_TYPE] && s->n_open * 2 > s->n_values)
        {
          roles[c] = MULU_TSV_ROLE_OPEN_TYPE;
          taken[MULU_TSV_ROLE_OPEN_TYPE] = TRUE;
        }
    }

  /* The length: whole numbers (most of them; "100万" among them is
   * reported, not read as text). A 1, 2, 3 … column at the left edge is
   * the rows' numbering. */
  for (guint c = 0; c < self->n_columns; c++)
    {
      ColumnStats *s = &stats[c];
      if (roles[c] >= 0)
        continue;
      if (s->sequence && c == 0)
        roles[c] = MULU_TSV_ROLE_IGNORE;
      else if (s->n_integers * 2 > s->n_values)
        g_array_append_val (integer_columns, c);
    }
  for (guint i = 0; i < integer_columns->len; i++)
    {
      guint c = g_array_index (integer_columns, guint, i);
      if (!taken[MULU_TSV_ROLE_LENGTH])
        {
          roles[c] = MULU_TSV_ROLE_LENGTH;
          taken[MULU_TSV_ROLE_LENGTH] = TRUE;
        }
      else
        roles[c] = MULU_TSV_ROLE_IGNORE;
    }
  if (integer_columns->len > 1)
    set_ambiguous (self, _("Several columns hold whole numbers; check which one is the length."));

  /* What is left is text: the first column is the name, a further one the
   * remarks. A column of identifiers (xm, zjhm) beside one of Chinese
   * names is a database dictionary: the Chinese one is the name. */
  for (guint c = 0; c < self->n_columns; c++)
    if (roles[c] < 0)
      {
        if (guess_text)
          g_array_append_val (text_columns, c);
        else
          roles[c] = MULU_TSV_ROLE_IGNORE;
      }

  if (!taken[MULU_TSV_ROLE_NAME] && text_columns->len > 0)
    {
      guint pick = 0;
      guint first = g_array_index (text_columns, guint, 0);

      if (stats[first].n_cjk == 0)
        for (guint i = 1; i < text_columns->len; i++)
          if (stats[g_array_index (text_columns, guint, i)].n_cjk > 0)
            {
              pick = i;
              set_ambiguous (self, _("One column holds identifiers and another Chinese names; the Chinese names are taken as the item names."));
              break;
            }
      roles[g_array_index (text_columns, guint, pick)] = MULU_TSV_ROLE_NAME;
      taken[MULU_TSV_ROLE_NAME] = TRUE;
      /* The identifiers before the names are not remarks either. */
      for (guint i = 0; i < pick; i++)
        roles[g_array_index (text_columns, guint, i)] = MULU_TSV_ROLE_IGNORE;
      g_array_remove_range (text_columns, 0, pick + 1);
    }
  if (text_columns->len > 0 && !taken[MULU_TSV_ROLE_REMARKS])
    {
      guint last = text_columns->len - 1;
      roles[g_array_index (text_columns, guint, last)] = MULU_TSV_ROLE_REMARKS;
      taken[MULU_TSV_ROLE_REMARKS] = TRUE;
      g_array_remove_index (text_columns, last);
      if (text_columns->len > 0)
        set_ambiguous (self, _("Several columns hold text; check which one holds the item names and which the remarks."));
    }
  for (guint i = 0; i < text_columns->len; i++)
    roles[g_array_index (text_columns, guint, i)] = MULU_TSV_ROLE_IGNORE;

  if (!taken[MULU_TSV_ROLE_NAME])
    set_ambiguous (self, _("No column looks like the item names; choose the column that holds them."));
  else if (!taken[MULU_TSV_ROLE_DATA_TYPE] && self->n_columns > 1 && !self->has_header)
    set_ambiguous (self, _("No column looks like a data type (C 字符型, VARCHAR …); check which column holds what."));
}

static gboolean
detect_header (MuluTsvResult *self,
               int           *roles,
               MuluCodes     *codes)
{
  char **first = g_ptr_array_index (self->cells, 0);
  guint matched = 0;
  gboolean values = FALSE;
  int best[MULU_TSV_N_ROLES];
  g_autofree int *word = g_new (int, self->n_columns);

  for (guint c = 0; c < self->n_columns; c++)
    {
      word[c] = match_header (first[c]);
      if (word[c] >= 0)
        matched++;
      else if (*first[c] && (mulu_tsv_data_type_from_text (first[c], codes, NULL) || looks_like_integer (first[c])))
        values = TRUE;
    }
  if (matched == 0 || (matched == 1 && values && self->n_columns > 1))
    return FALSE;

  /* Of two columns headed alike, the better word wins; the other is left out. */
  for (guint r = 0; r < MULU_TSV_N_ROLES; r++)
    best[r] = -1;
  for (guint c = 0; c < self->n_columns; c++)
    {
      MuluTsvRole role;
      if (word[c] < 0)
        continue;
      role = header_words[word[c]].role;
      if (role != MULU_TSV_ROLE_IGNORE && (best[role] < 0 || word[c] < word[best[role]]))
        best[role] = (int) c;
    }
  for (guint c = 0; c < self->n_columns; c++)
    {
      if (word[c] < 0)
        roles[c] = -1;
      else if (header_words[word[c]].role == MULU_TSV_ROLE_IGNORE || best[header_words[word[c]].role] != (int) c)
        roles[c] = MULU_TSV_ROLE_IGNORE;
      else
        roles[c] = header_words[word[c]].role;
    }
  return TRUE;
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
  g_autofree int *roles = NULL;

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

  roles = g_new (int, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    roles[c] = -1;
  self->has_header = detect_header (self, roles, codes);
  if (self->has_header && self->cells->len == 1)
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                   _("The pasted text holds only a header row; copy the data items’ rows with it and paste again."));
      return NULL;
    }
  if (self->has_header)
    {
      gboolean named = FALSE;
      gboolean guessed = FALSE;

      for (guint c = 0; c < self->n_columns; c++)
        named |= roles[c] == MULU_TSV_ROLE_NAME;
      if (!named)
        set_ambiguous (self, _("No column is headed as the item name (信息项名称); check which column holds the names."));
      infer_roles (self, roles, codes, !named);
      for (guint c = 0; c < self->n_columns; c++)
        guessed |= match_header (((char **) g_ptr_array_index (self->cells, 0))[c]) < 0 && roles[c] != MULU_TSV_ROLE_IGNORE;
      if (guessed)
        set_ambiguous (self, _("Some column headings are not known; their columns were read by their values. Check them."));
    }
  else
    infer_roles (self, roles, codes, TRUE);

  self->roles = g_new (MuluTsvRole, self->n_columns);
  for (guint c = 0; c < self->n_columns; c++)
    self->roles[c] = (MuluTsvRole) roles[c];
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
