/* mulu-tsv-columns.c — which column of a pasted block holds what
 *
 * By the header row when there is one ("信息项名称", "字段类型"), by the look
 * of the values when there is not, and saying so when it is a guess.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-tsv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mulu-tsv-private.h"

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
  g_autofree char *folded = mulu_tsv_fold (cell);
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

/* — Columns by their values ——————————————————————————————————————————— */

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
      if (mulu_tsv_code_value (codes, "share_type", cell))
        stats->n_share++;
      if (mulu_tsv_code_value (codes, "open_type", cell))
        stats->n_open++;
      if (mulu_tsv_has_cjk (cell))
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
      else if (*first[c] && (mulu_tsv_data_type_from_text (first[c], codes, NULL) || mulu_tsv_looks_like_integer (first[c])))
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
 * mulu_tsv_assign_roles:
 * @self: a result whose cells are split
 * @codes: the catalog's code tables
 *
 * Decides whether the first row is a header and gives every column a role:
 * by its heading where it has a known one, by the look of its values
 * otherwise. Sets @self->has_header, @self->roles and, when the mapping is a
 * guess, @self->ambiguous.
 */
void
mulu_tsv_assign_roles (MuluTsvResult *self,
                       MuluCodes     *codes)
{
  g_autofree int *roles = g_new (int, self->n_columns);

  for (guint c = 0; c < self->n_columns; c++)
    roles[c] = -1;
  self->has_header = detect_header (self, roles, codes);
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
}
