/* mulu-resource-code.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-resource-code"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "mulu-catalog-private.h"
#include "mulu-error.h"
#include "mulu-resource-code.h"

static gboolean
is_digits (const char *s,
           gsize       n)
{
  if (s == NULL || strlen (s) != n)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* Six or more digits, the first 1–3 (类), a slash and one or more digits:
 * what rule R14 accepts. */
gboolean
mulu_resource_code_is_well_formed (const char *code)
{
  const char *p = code;

  if (code == NULL || *p < '1' || *p > '3')
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (p - code < 6 || *p++ != '/' || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return *p == '\0';
}

static void
sql_code_is_well_formed (sqlite3_context *context,
                         int              argc,
                         sqlite3_value  **argv)
{
  const char *code = (const char *) sqlite3_value_text (argv[0]);

  if (code == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_int (context, mulu_resource_code_is_well_formed (code));
}

/* One call instead of the three GLOB patterns the same test takes in SQL,
 * for every resource of a full validation. */
gboolean
mulu_resource_code_register_functions (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "mulu_code_is_well_formed", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, sql_code_is_well_formed, NULL, NULL, NULL) == SQLITE_OK;
}

/* "3", "01", "002" → "301002"; "3", "01", NULL → "301000". */
char *
mulu_resource_code_front (const char  *class1,
                          const char  *class2,
                          const char  *class3,
                          GError     **error)
{
  if (class3 != NULL && *class3 == '\0')
    class3 = NULL;

  if (class1 == NULL || *class1 == '\0' || class2 == NULL || *class2 == '\0')
    {
      g_set_error_literal (error, MULU_ERROR, MULU_ERROR_INVALID,
                           _("Choose the resource’s category (类) and item (项) first; the code is made from them."));
      return NULL;
    }
  if (!is_digits (class1, 1) || !is_digits (class2, 2) || (class3 && !is_digits (class3, 3)))
    {
      g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                   _("The classification %s/%s/%s cannot make a code: 类 is one digit, 项 two and 目 three; choose them from the list."),
                   class1, class2, class3 ? class3 : "");
      return NULL;
    }
  return g_strconcat (class1, class2, class3 ? class3 : "000", NULL);
}

char *
mulu_resource_next_code (MuluCatalog *catalog,
                         const char  *class1,
                         const char  *class2,
                         const char  *class3,
                         GError     **error)
{
  /* Only codes whose back segment is all digits count; a malformed code is
   * R14's business, not a sequence number. */
  static const char sql[] =
    "SELECT MAX(CAST(substr(code, ?2) AS INTEGER)) FROM resources"
    " WHERE code GLOB ?1 || '/[0-9]*' AND substr(code, ?2) NOT GLOB '*[^0-9]*'";
  g_autofree char *front = NULL;
  sqlite3_stmt *stmt;
  gint64 last = 0;

  g_return_val_if_fail (MULU_IS_CATALOG (catalog) && mulu_catalog_is_open (catalog), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if ((front = mulu_resource_code_front (class1, class2, class3, error)) == NULL)
    return NULL;

  if ((stmt = mulu_catalog_prepare_cached (catalog, sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, front, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, (int) strlen (front) + 2);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      mulu_catalog_sql_error (catalog, error);
      sqlite3_reset (stmt);
      return NULL;
    }
  if (sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    last = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return g_strdup_printf ("%s/%05" G_GINT64_FORMAT, front, MAX (last, 0) + 1);
}
