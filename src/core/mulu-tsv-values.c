/* mulu-tsv-values.c — what a pasted cell says: a data type, a code, a length
 *
 * Clerks paste what their spreadsheets and database dictionaries hold
 * ("varchar2(50)", "有条件", "1,234"), not Mulu's codes; this reads those.
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

char *
mulu_tsv_fold (const char *text)
{
  g_autofree char *nfkc = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autofree char *trimmed = NULL;

  if (nfkc == NULL)
    return g_strdup ("");
  trimmed = mulu_tsv_trim_cell (nfkc, strlen (nfkc));
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
  folded = mulu_tsv_fold (text);
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

const char *
mulu_tsv_code_value (MuluCodes  *codes,
                     const char *table,
                     const char *text)
{
  GPtrArray *entries = mulu_codes_list (codes, table, NULL);
  g_autofree char *folded = mulu_tsv_fold (text);
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

gboolean
mulu_tsv_looks_like_integer (const char *text)
{
  gint64 n;

  return mulu_tsv_parse_length (text, &n, NULL) && n > 0;
}

gboolean
mulu_tsv_has_cjk (const char *text)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        return TRUE;
    }
  return FALSE;
}
