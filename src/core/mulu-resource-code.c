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
