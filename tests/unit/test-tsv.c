/* test-tsv.c — data items pasted from Excel, WPS and CSV files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-test-util.h"
#include "mulu-tsv.h"

static MuluCodes *codes;

static MuluTsvResult *
parse (const char *text)
{
  g_autoptr(GError) error = NULL;
  MuluTsvResult *result = mulu_tsv_parse_items (text, codes, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
}

static const MuluTsvRow *
row_at (MuluTsvResult *result,
        guint          i)
{
  g_assert_cmpuint (i, <, result->rows->len);
  return g_ptr_array_index (result->rows, i);
}

static void
assert_row (MuluTsvResult *result,
            guint          i,
            const char    *name,
            const char    *data_type,
            gint64         length,
            const char    *share_type,
            const char    *open_type,
            const char    *remarks)
{
  const MuluTsvRow *row = row_at (result, i);

  g_assert_cmpstr (row->name, ==, name);
  g_assert_cmpstr (row->data_type, ==, data_type);
  g_assert_cmpint (row->length, ==, length);
  g_assert_cmpstr (row->share_type, ==, share_type);
  g_assert_cmpstr (row->open_type, ==, open_type);
  g_assert_cmpstr (row->remarks, ==, remarks);
}

static void
assert_roles (MuluTsvResult     *result,
              guint              n,
              const MuluTsvRole *roles)
{
  g_assert_cmpuint (result->n_columns, ==, n);
  for (guint c = 0; c < n; c++)
    g_assert_cmpint (result->roles[c], ==, roles[c]);
}

static void
test_excel_with_chinese_header (void)
{
  /* As Excel puts a selection on the clipboard: CRLF after every row. */
  g_autoptr(MuluTsvResult) r = parse ("序号\t信息项名称\t数据类型\t长度\t共享类型\t开放类型\t备注\r\n"
                                      "1\t不动产单元号\tC\t28\t无条件共享\t不予开放\t\r\n"
                                      "2\t登记日期\tD\t\t有条件共享\t\t按年度\r\n"
                                      "3\t宗地面积\tN\t15\t\t\t单位：平方米\r\n");
  const MuluTsvRole roles[] = {
    MULU_TSV_ROLE_IGNORE, MULU_TSV_ROLE_NAME, MULU_TSV_ROLE_DATA_TYPE, MULU_TSV_ROLE_LENGTH,
    MULU_TSV_ROLE_SHARE_TYPE, MULU_TSV_ROLE_OPEN_TYPE, MULU_TSV_ROLE_REMARKS,
  };

  g_assert_true (r->has_header);
  g_assert_false (r->ambiguous);
  g_assert_null (r->ambiguous_reason);
  assert_roles (r, G_N_ELEMENTS (roles), roles);
  g_assert_cmpuint (r->problems->len, ==, 0);
  g_assert_cmpuint (r->rows->len, ==, 3);
  assert_row (r, 0, "不动产单元号", "C", 28, "无条件共享", "不予开放", NULL);
  assert_row (r, 1, "登记日期", "D", -1, "有条件共享", NULL, "按年度");
  assert_row (r, 2, "宗地面积", "N", 15, NULL, NULL, "单位：平方米");
  g_assert_cmpuint (row_at (r, 0)->source_row, ==, 2);
  g_assert_cmpuint (row_at (r, 2)->source_row, ==, 4);
}

static void
test_header_synonyms (void)
{
  /* A database dictionary: 字段名 is the identifier, 中文名称 the name. */
  g_autoptr(MuluTsvResult) r = parse ("字段名\t中文名称\t字段类型\t数据长度(字节)\t说明\n"
                                      "xm\t姓名\tvarchar2\t50\t\n"
                                      "csrq\t出生日期\tdate\t\t公历\n");
  const MuluTsvRole roles[] = {
    MULU_TSV_ROLE_IGNORE, MULU_TSV_ROLE_NAME, MULU_TSV_ROLE_DATA_TYPE, MULU_TSV_ROLE_LENGTH,
    MULU_TSV_ROLE_REMARKS,
  };

  g_assert_true (r->has_header);
  g_assert_false (r->ambiguous);
  assert_roles (r, G_N_ELEMENTS (roles), roles);
  assert_row (r, 0, "姓名", "C", 50, NULL, NULL, NULL);
  assert_row (r, 1, "出生日期", "D", -1, NULL, NULL, "公历");
}

static void
test_header_marks_and_unknown_columns (void)
{
  /* "*名称" marks a required column; "是否主键" is no field of an item and
   * is left out, not taken as the remarks. */
  g_autoptr(MuluTsvResult) r = parse ("*名称\t*类型\t长度\t是否主键\n"
                                      "证件号码\tC\t18\t是\n");

  g_assert_true (r->has_header);
  g_assert_false (r->ambiguous);
  g_assert_cmpint (r->roles[0], ==, MULU_TSV_ROLE_NAME);
  g_assert_cmpint (r->roles[1], ==, MULU_TSV_ROLE_DATA_TYPE);
  g_assert_cmpint (r->roles[2], ==, MULU_TSV_ROLE_LENGTH);
  g_assert_cmpint (r->roles[3], ==, MULU_TSV_ROLE_IGNORE);
  assert_row (r, 0, "证件号码", "C", 18, NULL, NULL, NULL);
}

static void
test_without_header (void)
{
  g_autoptr(MuluTsvResult) r = parse ("不动产单元号\tC\t28\n"
                                      "权利人名称\tC\t100\n"
                                      "登记日期\tD\t\n");
  const MuluTsvRole roles[] = { MULU_TSV_ROLE_NAME, MULU_TSV_ROLE_DATA_TYPE, MULU_TSV_ROLE_LENGTH };

  g_assert_false (r->has_header);
  g_assert_false (r->ambiguous);
  assert_roles (r, G_N_ELEMENTS (roles), roles);
  g_assert_cmpuint (r->rows->len, ==, 3);
  assert_row (r, 0, "不动产单元号", "C", 28, NULL, NULL, NULL);
  assert_row (r, 1, "权利人名称", "C", 100, NULL, NULL, NULL);
  assert_row (r, 2, "登记日期", "D", -1, NULL, NULL, NULL);
  g_assert_cmpuint (row_at (r, 0)->source_row, ==, 1);
}

static void
test_without_header_numbered_with_remarks (void)
{
  /* Columns in another order, a numbering column, the sharing type by its
   * values, and a remarks column. */
  g_autoptr(MuluTsvResult) r = parse ("1\t32\t字符型\t统一社会信用代码\t无条件共享\t18位\n"
                                      "2\t\t日期型\t成立日期\t有条件共享\t\n");
  const MuluTsvRole roles[] = {
    MULU_TSV_ROLE_IGNORE, MULU_TSV_ROLE_LENGTH, MULU_TSV_ROLE_DATA_TYPE, MULU_TSV_ROLE_NAME,
    MULU_TSV_ROLE_SHARE_TYPE, MULU_TSV_ROLE_REMARKS,
  };

  g_assert_false (r->has_header);
  g_assert_false (r->ambiguous);
  assert_roles (r, G_N_ELEMENTS (roles), roles);
  assert_row (r, 0, "统一社会信用代码", "C", 32, "无条件共享", NULL, "18位");
  assert_row (r, 1, "成立日期", "D", -1, "有条件共享", NULL, NULL);
}

static void
test_types_as_codes_labels_and_both (void)
{
  g_autoptr(MuluTsvResult) r = parse ("甲\tc\n乙\t数值型\n丙\tC 字符型\n丁\tT-日期时间型\n"
                                      "戊\t逻辑型(L)\n己\tＩ\n庚\t整数\n辛\t  D  \n");

  g_assert_false (r->ambiguous);
  g_assert_cmpuint (r->problems->len, ==, 0);
  g_assert_cmpuint (r->rows->len, ==, 8);
  assert_row (r, 0, "甲", "C", -1, NULL, NULL, NULL);
  assert_row (r, 1, "乙", "N", -1, NULL, NULL, NULL);
  assert_row (r, 2, "丙", "C", -1, NULL, NULL, NULL);
  assert_row (r, 3, "丁", "T", -1, NULL, NULL, NULL);
  assert_row (r, 4, "戊", "L", -1, NULL, NULL, NULL);
  assert_row (r, 5, "己", "I", -1, NULL, NULL, NULL);
  assert_row (r, 6, "庚", "I", -1, NULL, NULL, NULL);
  assert_row (r, 7, "辛", "D", -1, NULL, NULL, NULL);
}

static void
test_database_types (void)
{
  const struct { const char *text; const char *code; gint64 length; } cases[] = {
    { "varchar2(50)", "C", 50 }, { "VARCHAR(255)", "C", 255 }, { "nvarchar2(20 char)", "C", 20 },
    { "char(18)", "C", 18 }, { "character varying(64)", "C", 64 },
    { "number(10,2)", "N", 10 }, { "NUMBER", "N", -1 }, { "decimal(18, 4)", "N", 18 },
    { "date", "D", -1 }, { "DATE", "D", -1 },
    { "datetime", "T", -1 }, { "timestamp", "T", -1 }, { "timestamp(6)", "T", -1 },
    { "TIMESTAMP(6) WITH TIME ZONE", "T", -1 },
    { "int", "I", -1 }, { "integer", "I", -1 }, { "bigint", "I", -1 }, { "int(11) unsigned", "I", 11 },
    { "text", "M", -1 }, { "clob", "M", -1 }, { "longtext", "M", -1 },
    { "blob", "G", -1 }, { "double precision", "B", -1 }, { "float", "F", -1 },
    { "boolean", "L", -1 }, { "money", "Y", -1 },
    { "C", "C", -1 }, { "字符型", "C", -1 },
    { "geometry", NULL, -1 }, { "", NULL, -1 }, { "100万", NULL, -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 length = 0;
      const char *code = mulu_tsv_data_type_from_text (cases[i].text, codes, &length);
      g_test_message ("%s", cases[i].text);
      g_assert_cmpstr (code, ==, cases[i].code);
      g_assert_cmpint (length, ==, cases[i].length);
    }
}

static void
test_database_dictionary_rows (void)
{
  /* The type column gives the length when there is no length column. */
  g_autoptr(MuluTsvResult) r = parse ("姓名\tvarchar2(50)\n金额\tnumber(10,2)\n出生日期\tdate\n"
                                      "登记时间\tdatetime\n更新时间\ttimestamp\n人数\tint\n年龄\tinteger\n"
                                      "简介\ttext\n全文\tclob\n");

  g_assert_false (r->ambiguous);
  g_assert_cmpuint (r->problems->len, ==, 0);
  g_assert_cmpuint (r->rows->len, ==, 9);
  assert_row (r, 0, "姓名", "C", 50, NULL, NULL, NULL);
  assert_row (r, 1, "金额", "N", 10, NULL, NULL, NULL);
  assert_row (r, 2, "出生日期", "D", -1, NULL, NULL, NULL);
  assert_row (r, 3, "登记时间", "T", -1, NULL, NULL, NULL);
  assert_row (r, 4, "更新时间", "T", -1, NULL, NULL, NULL);
  assert_row (r, 5, "人数", "I", -1, NULL, NULL, NULL);
  assert_row (r, 6, "年龄", "I", -1, NULL, NULL, NULL);
  assert_row (r, 7, "简介", "M", -1, NULL, NULL, NULL);
  assert_row (r, 8, "全文", "M", -1, NULL, NULL, NULL);
}

static void
test_length_column_wins_over_type (void)
{
  g_autoptr(MuluTsvResult) r = parse ("名称\t类型\t长度\n姓名\tvarchar2(50)\t30\n地址\tvarchar2(200)\t\n");

  assert_row (r, 0, "姓名", "C", 30, NULL, NULL, NULL);
  assert_row (r, 1, "地址", "C", 200, NULL, NULL, NULL);
}

static void
test_line_endings (void)
{
  g_autoptr(MuluTsvResult) crlf = parse ("甲\tC\t10\r\n乙\tN\t5\r\n\r\n");
  g_autoptr(MuluTsvResult) lf = parse ("甲\tC\t10\n\n乙\tN\t5");
  g_autoptr(MuluTsvResult) cr = parse ("甲\tC\t10\r乙\tN\t5\r");

  g_assert_cmpuint (crlf->rows->len, ==, 2);
  g_assert_cmpuint (lf->rows->len, ==, 2);
  g_assert_cmpuint (cr->rows->len, ==, 2);
  assert_row (crlf, 1, "乙", "N", 5, NULL, NULL, NULL);
  assert_row (lf, 1, "乙", "N", 5, NULL, NULL, NULL);
  assert_row (cr, 1, "乙", "N", 5, NULL, NULL, NULL);
  /* Blank rows are skipped; the source row counts only non-blank rows. */
  g_assert_cmpuint (row_at (lf, 1)->source_row, ==, 2);
}

static void
test_quoted_cells (void)
{
  /* Excel quotes a cell holding a line break, a tab or a quote, and
   * doubles the quotes inside. A quote inside an unquoted cell is text. */
  g_autoptr(MuluTsvResult) r = parse ("信息项名称\t数据类型\t备注\r\n"
                                      "\"地址\"\tC\t\"第一行\r\n第二行\"\r\n"
                                      "\"所谓\"\"代码\"\"\"\tC\t\"含\t制表符\"\r\n"
                                      "5\"寸照片\tG\t\"未闭合\r\n");

  g_assert_cmpuint (r->rows->len, ==, 3);
  g_assert_cmpuint (r->problems->len, ==, 0);
  assert_row (r, 0, "地址", "C", -1, NULL, NULL, "第一行\r\n第二行");
  assert_row (r, 1, "所谓\"代码\"", "C", -1, NULL, NULL, "含\t制表符");
  assert_row (r, 2, "5\"寸照片", "G", -1, NULL, NULL, "\"未闭合");
}

static void
test_csv (void)
{
  g_autoptr(MuluTsvResult) r = parse ("\xEF\xBB\xBF" "名称,类型,长度,备注\n"
                                      "姓名,C,50,\n"
                                      "\"地址,含逗号\",C,200,\"说明,\"\"引号\"\"\"\n"
                                      "金额,N,\"1,000\",\n");

  g_assert_true (r->has_header);
  g_assert_cmpuint (r->n_columns, ==, 4);
  g_assert_cmpuint (r->problems->len, ==, 0);
  assert_row (r, 0, "姓名", "C", 50, NULL, NULL, NULL);
  assert_row (r, 1, "地址,含逗号", "C", 200, NULL, NULL, "说明,\"引号\"");
  assert_row (r, 2, "金额", "N", 1000, NULL, NULL, NULL);
}

static void
test_length_with_units_refused (void)
{
  g_autoptr(MuluTsvResult) r = parse ("信息项名称\t数据类型\t长度\n"
                                      "姓名\tC\t50\n"
                                      "简介\tC\t100万\n"
                                      "金额\tN\t10,2\n"
                                      "备用\tC\t-3\n");
  const MuluTsvProblem *p;

  g_assert_cmpuint (r->rows->len, ==, 4);
  assert_row (r, 0, "姓名", "C", 50, NULL, NULL, NULL);
  /* Never 100: the cell is left empty and the clerk told. */
  assert_row (r, 1, "简介", "C", -1, NULL, NULL, NULL);
  /* Precision and scale, as dictionaries write a decimal: the precision. */
  assert_row (r, 2, "金额", "N", 10, NULL, NULL, NULL);
  assert_row (r, 3, "备用", "C", -1, NULL, NULL, NULL);

  g_assert_cmpuint (r->problems->len, ==, 2);
  p = g_ptr_array_index (r->problems, 0);
  g_assert_cmpuint (p->source_row, ==, 3);
  g_assert_cmpint (p->column, ==, 2);
  g_assert_cmpint (p->role, ==, MULU_TSV_ROLE_LENGTH);
  g_assert_cmpstr (p->message, ==,
                   "Row 3, column “长度”: “100万” is not a number; enter digits only, without units or words "
                   "(for “100万条” enter 1000000).");
  p = g_ptr_array_index (r->problems, 1);
  g_assert_cmpuint (p->source_row, ==, 5);
  g_assert_cmpstr (p->message, ==, "Row 5, column “长度”: “-3” is not a length; a length is a whole number above zero.");
}

static void
test_length_with_units_without_header (void)
{
  /* "100万" among whole numbers does not make the length column text. */
  g_autoptr(MuluTsvResult) r = parse ("姓名\tC\t50\n简介\tC\t100万\n代码\tC\t18\n");
  const MuluTsvProblem *p;

  g_assert_cmpint (r->roles[2], ==, MULU_TSV_ROLE_LENGTH);
  g_assert_false (r->ambiguous);
  assert_row (r, 1, "简介", "C", -1, NULL, NULL, NULL);
  g_assert_cmpuint (r->problems->len, ==, 1);
  p = g_ptr_array_index (r->problems, 0);
  g_assert_cmpstr (p->message, ==,
                   "Row 2, column “Length”: “100万” is not a number; enter digits only, without units or words "
                   "(for “100万条” enter 1000000).");
}

static void
test_bad_values_reported (void)
{
  g_autoptr(MuluTsvResult) r = parse ("名称\t类型\t共享类型\t开放类型\n"
                                      "姓名\tgeometry\t有条件\t开放\n"
                                      "\tC\t\t\n");
  const MuluTsvProblem *p;

  g_assert_cmpuint (r->rows->len, ==, 1);
  /* "有条件" is short for 有条件共享; "开放" could be two open types. */
  assert_row (r, 0, "姓名", NULL, -1, "有条件共享", NULL, NULL);
  g_assert_cmpuint (r->problems->len, ==, 3);
  p = g_ptr_array_index (r->problems, 0);
  g_assert_cmpstr (p->message, ==, "Row 2, column “类型”: “geometry” is not a data type; use one of C 字符型, N 数值型, "
                                   "D 日期型 … or a database type such as VARCHAR(50).");
  p = g_ptr_array_index (r->problems, 1);
  g_assert_cmpstr (p->message, ==, "Row 2, column “开放类型”: “开放” is not an open type; use one of "
                                   "无条件开放、有条件开放、不予开放, or leave it empty.");
  p = g_ptr_array_index (r->problems, 2);
  g_assert_cmpuint (p->source_row, ==, 3);
  g_assert_cmpint (p->column, ==, -1);
  g_assert_cmpstr (p->message, ==, "Row 3 has no item name and is left out; fill in the name and paste again.");
}

static void
test_ambiguous_two_integer_columns (void)
{
  g_autoptr(MuluTsvResult) r = parse ("姓名\tC\t50\t3\n地址\tC\t200\t7\n");

  g_assert_true (r->ambiguous);
  g_assert_cmpstr (r->ambiguous_reason, ==, "Several columns hold whole numbers; check which one is the length.");
  /* The guess is still made, for the preview. */
  g_assert_cmpint (r->roles[2], ==, MULU_TSV_ROLE_LENGTH);
  g_assert_cmpint (r->roles[3], ==, MULU_TSV_ROLE_IGNORE);
}

static void
test_ambiguous_no_type_column (void)
{
  g_autoptr(MuluTsvResult) r = parse ("姓名\t公民的姓名\n地址\t户籍地址\n");

  g_assert_true (r->ambiguous);
  g_assert_cmpstr (r->ambiguous_reason, ==,
                   "No column looks like a data type (C 字符型, VARCHAR …); check which column holds what.");
  g_assert_cmpint (r->roles[0], ==, MULU_TSV_ROLE_NAME);
  g_assert_cmpint (r->roles[1], ==, MULU_TSV_ROLE_REMARKS);
}

static void
test_ambiguous_identifier_column (void)
{
  g_autoptr(MuluTsvResult) r = parse ("xm\t姓名\tC\t50\ndz\t地址\tC\t200\n");

  g_assert_true (r->ambiguous);
  g_assert_cmpint (r->roles[0], ==, MULU_TSV_ROLE_IGNORE);
  g_assert_cmpint (r->roles[1], ==, MULU_TSV_ROLE_NAME);
  assert_row (r, 0, "姓名", "C", 50, NULL, NULL, NULL);
}

static void
test_ambiguous_header_without_name (void)
{
  g_autoptr(MuluTsvResult) r = parse ("英文名\t数据类型\t长度\txx\nxm\tC\t50\t姓名\n");

  g_assert_true (r->has_header);
  g_assert_true (r->ambiguous);
  g_assert_cmpint (r->roles[3], ==, MULU_TSV_ROLE_NAME);
}

static void
test_single_column_of_names (void)
{
  g_autoptr(MuluTsvResult) r = parse ("姓名\n性别\n出生日期\n");

  g_assert_false (r->ambiguous);
  g_assert_cmpuint (r->n_columns, ==, 1);
  g_assert_cmpuint (r->rows->len, ==, 3);
  assert_row (r, 2, "出生日期", NULL, -1, NULL, NULL, NULL);
}

static void
test_trailing_empty_columns_dropped (void)
{
  g_autoptr(MuluTsvResult) r = parse ("姓名\tC\t50\t\t\n地址\tC\t200\t\t\n");

  g_assert_cmpuint (r->n_columns, ==, 3);
  g_assert_false (r->ambiguous);
}

static void
test_remap (void)
{
  g_autoptr(MuluTsvResult) r = parse ("姓名\tC\t50\t3\n地址\tC\t200\t7\n");
  const MuluTsvRole roles[] = {
    MULU_TSV_ROLE_NAME, MULU_TSV_ROLE_DATA_TYPE, MULU_TSV_ROLE_IGNORE, MULU_TSV_ROLE_LENGTH,
  };
  const MuluTsvRole none[] = {
    MULU_TSV_ROLE_REMARKS, MULU_TSV_ROLE_DATA_TYPE, MULU_TSV_ROLE_IGNORE, MULU_TSV_ROLE_LENGTH,
  };

  g_assert_true (r->ambiguous);
  mulu_tsv_result_remap (r, roles, FALSE, codes);
  g_assert_false (r->ambiguous);
  g_assert_null (r->ambiguous_reason);
  g_assert_cmpuint (r->problems->len, ==, 0);
  assert_row (r, 0, "姓名", "C", 3, NULL, NULL, NULL);
  assert_row (r, 1, "地址", "C", 7, NULL, NULL, NULL);

  /* The first row as a header: one row left. */
  mulu_tsv_result_remap (r, roles, TRUE, codes);
  g_assert_cmpuint (r->rows->len, ==, 1);
  assert_row (r, 0, "地址", "C", 7, NULL, NULL, NULL);

  mulu_tsv_result_remap (r, none, FALSE, codes);
  g_assert_cmpuint (r->rows->len, ==, 0);
  g_assert_cmpuint (r->problems->len, ==, 1);
  g_assert_cmpstr (((MuluTsvProblem *) g_ptr_array_index (r->problems, 0))->message, ==,
                   "No column holds the item names; mark one column as the item name.");
}

static void
test_nothing_to_paste (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MuluTsvResult) empty = mulu_tsv_parse_items (" \r\n\t\n", codes, &error);
  g_autoptr(MuluTsvResult) header = NULL;

  g_assert_null (empty);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
  g_clear_error (&error);
  header = mulu_tsv_parse_items ("信息项名称\t数据类型\t长度\n", codes, &error);
  g_assert_null (header);
  g_assert_error (error, MULU_ERROR, MULU_ERROR_INVALID);
}

static void
test_row_to_item (void)
{
  g_autoptr(MuluTsvResult) r = parse ("名称\t类型\t长度\t共享类型\t备注\n姓名\tC\t50\t无条件共享\t户籍\n代码\t\t\t\t\n");
  g_autoptr(MuluRecord) full = mulu_tsv_row_to_item (row_at (r, 0), 7);
  g_autoptr(MuluRecord) bare = mulu_tsv_row_to_item (row_at (r, 1), 7);

  g_assert_cmpint (mulu_record_get_int (full, MULU_ITEM_RESOURCE), ==, 7);
  g_assert_cmpstr (mulu_record_get_string (full, MULU_ITEM_NAME), ==, "姓名");
  g_assert_cmpstr (mulu_record_get_string (full, MULU_ITEM_DATA_TYPE), ==, "C");
  g_assert_cmpint (mulu_record_get_int (full, MULU_ITEM_LENGTH), ==, 50);
  g_assert_cmpstr (mulu_record_get_string (full, MULU_ITEM_SHARE_TYPE), ==, "无条件共享");
  g_assert_false (mulu_record_is_set (full, MULU_ITEM_OPEN_TYPE));
  g_assert_cmpstr (mulu_record_get_string (full, MULU_ITEM_REMARKS), ==, "户籍");
  g_assert_cmpstr (mulu_record_get_string (bare, MULU_ITEM_NAME), ==, "代码");
  g_assert_false (mulu_record_is_set (bare, MULU_ITEM_DATA_TYPE));
  g_assert_false (mulu_record_is_set (bare, MULU_ITEM_LENGTH));
}

static void
test_rows_added_to_catalog (void)
{
  g_autoptr(MuluCatalog) catalog = mulu_test_sample_catalog ();
  g_autoptr(MuluRecord) resource = mulu_catalog_get_by_uid (catalog, MULU_ENTITY_RESOURCE, "r1", NULL);
  g_autoptr(MuluRecordList) list = mulu_record_list_new (catalog, MULU_ENTITY_ITEM);
  g_autoptr(MuluTsvResult) r = NULL;
  g_autoptr(GError) error = NULL;
  guint before;

  r = mulu_tsv_parse_items ("新增甲\tvarchar(20)\n新增乙\tdate\n", mulu_catalog_get_codes (catalog), &error);
  g_assert_no_error (error);
  mulu_record_list_set_parent (list, mulu_record_get_id (resource));
  before = g_list_model_get_n_items (G_LIST_MODEL (list));
  for (guint i = 0; i < r->rows->len; i++)
    {
      g_autoptr(MuluRecord) item = mulu_tsv_row_to_item (row_at (r, i), mulu_record_get_id (resource));
      mulu_catalog_add (catalog, item, &error);
      g_assert_no_error (error);
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, before + 2);
  {
    g_autoptr(MuluRecord) last = g_list_model_get_item (G_LIST_MODEL (list), before + 1);
    g_assert_cmpstr (mulu_record_get_name (last), ==, "新增乙");
    g_assert_cmpstr (mulu_record_get_string (last, MULU_ITEM_DATA_TYPE), ==, "D");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);
  codes = mulu_codes_new_builtin (&error);
  g_assert_no_error (error);

  g_test_add_func ("/core/tsv/excel-with-chinese-header", test_excel_with_chinese_header);
  g_test_add_func ("/core/tsv/header-synonyms-prefer-chinese-name", test_header_synonyms);
  g_test_add_func ("/core/tsv/header-marks-and-unknown-columns", test_header_marks_and_unknown_columns);
  g_test_add_func ("/core/tsv/without-header", test_without_header);
  g_test_add_func ("/core/tsv/without-header-numbered-with-remarks", test_without_header_numbered_with_remarks);
  g_test_add_func ("/core/tsv/types-as-codes-labels-and-both", test_types_as_codes_labels_and_both);
  g_test_add_func ("/core/tsv/database-types", test_database_types);
  g_test_add_func ("/core/tsv/database-dictionary-rows", test_database_dictionary_rows);
  g_test_add_func ("/core/tsv/length-column-wins-over-type", test_length_column_wins_over_type);
  g_test_add_func ("/core/tsv/line-endings", test_line_endings);
  g_test_add_func ("/core/tsv/quoted-cells", test_quoted_cells);
  g_test_add_func ("/core/tsv/csv", test_csv);
  g_test_add_func ("/core/tsv/length-with-units-refused", test_length_with_units_refused);
  g_test_add_func ("/core/tsv/length-with-units-without-header", test_length_with_units_without_header);
  g_test_add_func ("/core/tsv/bad-values-reported", test_bad_values_reported);
  g_test_add_func ("/core/tsv/ambiguous/two-integer-columns", test_ambiguous_two_integer_columns);
  g_test_add_func ("/core/tsv/ambiguous/no-type-column", test_ambiguous_no_type_column);
  g_test_add_func ("/core/tsv/ambiguous/identifier-column", test_ambiguous_identifier_column);
  g_test_add_func ("/core/tsv/ambiguous/header-without-name", test_ambiguous_header_without_name);
  g_test_add_func ("/core/tsv/single-column-of-names", test_single_column_of_names);
  g_test_add_func ("/core/tsv/trailing-empty-columns-dropped", test_trailing_empty_columns_dropped);
  g_test_add_func ("/core/tsv/remap", test_remap);
  g_test_add_func ("/core/tsv/nothing-to-paste", test_nothing_to_paste);
  g_test_add_func ("/core/tsv/row-to-item", test_row_to_item);
  g_test_add_func ("/core/tsv/rows-added-to-catalog", test_rows_added_to_catalog);

  ret = g_test_run ();
  g_clear_object (&codes);
  return ret;
}
