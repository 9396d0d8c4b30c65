/* mulu-text.c — name keys for duplicate detection (rule R17)
 *
 * Spreadsheet habits make one name look like several: full-width letters
 * and digits, stray spaces, different brackets, and Excel's drag-fill
 * appending 1, 2, 3. The key folds all of these away: NFKC (full-width →
 * half-width), case folding, no spaces or punctuation, and no trailing
 * number.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-text"

#include "config.h"

#include "mulu-text.h"

static char *
fold (const char *name,
      gboolean    strip_number)
{
  g_autofree char *nfkc = NULL;
  g_autofree char *folded = NULL;
  GString *out;

  if (name == NULL)
    return NULL;
  nfkc = g_utf8_normalize (name, -1, G_NORMALIZE_NFKC);
  if (nfkc == NULL)
    return NULL;
  folded = g_utf8_casefold (nfkc, -1);

  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType t = g_unichar_type (c);

      if (g_unichar_isspace (c) || g_unichar_ispunct (c) ||
          t == G_UNICODE_FORMAT || t == G_UNICODE_CONTROL ||
          t == G_UNICODE_MATH_SYMBOL || t == G_UNICODE_OTHER_SYMBOL || t == G_UNICODE_MODIFIER_SYMBOL)
        continue;
      g_string_append_unichar (out, c);
    }

  if (strip_number)
    {
      gsize len = out->len;
      while (len > 0 && g_ascii_isdigit (out->str[len - 1]))
        len--;
      /* A name that is only a number keeps it. */
      if (len > 0)
        g_string_truncate (out, len);
    }
  return g_string_free (out, FALSE);
}

char *
mulu_name_key (const char *name)
{
  return fold (name, TRUE);
}

char *
mulu_name_key_exact (const char *name)
{
  return fold (name, FALSE);
}

static void
sql_name_key (sqlite3_context *context,
              int              argc,
              sqlite3_value  **argv)
{
  const char *name = (const char *) sqlite3_value_text (argv[0]);
  char *key = name ? mulu_name_key (name) : NULL;

  if (key)
    sqlite3_result_text (context, key, -1, g_free);
  else
    sqlite3_result_null (context);
}

gboolean
mulu_text_register_functions (sqlite3 *db)
{
  return sqlite3_create_function_v2 (db, "mulu_name_key", 1,
                                     SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                     NULL, sql_name_key, NULL, NULL, NULL) == SQLITE_OK;
}
