/* mulu-value.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-value"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "mulu-error.h"
#include "mulu-json-out.h"
#include "mulu-value.h"

const GVariantType *
mulu_value_type_for (MuluFieldType type)
{
  switch (type)
    {
    case MULU_FIELD_TEXT:
    case MULU_FIELD_DATE:
      return G_VARIANT_TYPE_STRING;
    case MULU_FIELD_INT:
    case MULU_FIELD_REF:
      return G_VARIANT_TYPE_INT64;
    case MULU_FIELD_REAL:
      return G_VARIANT_TYPE_DOUBLE;
    case MULU_FIELD_BOOL:
      return G_VARIANT_TYPE_BOOLEAN;
    case MULU_FIELD_LIST:
      return G_VARIANT_TYPE_STRING_ARRAY;
    default:
      g_assert_not_reached ();
    }
  return NULL;
}

gboolean
mulu_date_is_valid (const char *s)
{
  int y, m, d;

  if (s == NULL || strlen (s) != 10 || s[4] != '-' || s[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (s[i]))
      return FALSE;
  y = atoi (s);
  m = atoi (s + 5);
  d = atoi (s + 8);
  return g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y) && y >= 1900;
}

/* Accepts 2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日 and 20240301; returns
 * YYYY-MM-DD or NULL when the text is not one calendar date. */
char *
mulu_date_normalize (const char *text)
{
  g_autofree char *s = NULL;
  g_auto(GStrv) parts = NULL;
  guint64 y, m, d;

  if (text == NULL)
    return NULL;
  s = g_strstrip (g_strdup (text));

  if (strlen (s) == 8 && strspn (s, "0123456789") == 8)
    {
      y = g_ascii_strtoull (s, NULL, 10) / 10000;
      m = g_ascii_strtoull (s, NULL, 10) / 100 % 100;
      d = g_ascii_strtoull (s, NULL, 10) % 100;
    }
  else
    {
      GString *g = g_string_new (NULL);
      for (const char *p = s; *p; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          if (c == '/' || c == '.' || c == 0x5E74 /* 年 */ || c == 0x6708 /* 月 */)
            g_string_append_c (g, '-');
          else if (c == 0x65E5 /* 日 */ && p[3] == '\0')
            ;
          else
            g_string_append_unichar (g, c);
        }
      parts = g_strsplit (g->str, "-", -1);
      g_string_free (g, TRUE);
      if (g_strv_length (parts) != 3)
        return NULL;
      for (int i = 0; i < 3; i++)
        if (parts[i][0] == '\0' || strspn (parts[i], "0123456789") != strlen (parts[i]) || strlen (parts[i]) > 4)
          return NULL;
      if (strlen (parts[0]) != 4 || strlen (parts[1]) > 2 || strlen (parts[2]) > 2)
        return NULL;
      y = g_ascii_strtoull (parts[0], NULL, 10);
      m = g_ascii_strtoull (parts[1], NULL, 10);
      d = g_ascii_strtoull (parts[2], NULL, 10);
    }

  if (y < 1900 || y > 9999 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", (guint) y, (guint) m, (guint) d);
}

static gboolean
parse_number (const char *s,
              gboolean    integer,
              GVariant  **out,
              GError    **error)
{
  char *end = NULL;
  g_autofree char *clean = NULL;

  /* Thousands separators are a display habit, not a unit: accept 1,234. */
  clean = g_strdup (s);
  {
    char *w = clean;
    for (const char *r = s; *r; r++)
      if (*r != ',')
        *w++ = *r;
    *w = '\0';
  }

  errno = 0;
  if (integer)
    {
      gint64 v = g_ascii_strtoll (clean, &end, 10);
      if (end != clean && *end == '\0' && errno == 0)
        {
          *out = g_variant_new_int64 (v);
          return TRUE;
        }
      /* "12.0" is still an integer; "12.5" is not. */
      {
        double dv = g_ascii_strtod (clean, &end);
        if (end != clean && *end == '\0' && isfinite (dv) && dv == floor (dv) && fabs (dv) < 9e15)
          {
            *out = g_variant_new_int64 ((gint64) dv);
            return TRUE;
          }
        if (end != clean && *end == '\0')
          {
            g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                         _("“%s” is not a whole number; enter a whole number such as 120."), s);
            return FALSE;
          }
      }
    }
  else
    {
      double v = g_ascii_strtod (clean, &end);
      if (end != clean && *end == '\0' && errno == 0 && isfinite (v))
        {
          *out = g_variant_new_double (v);
          return TRUE;
        }
    }

  g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
               _("“%s” is not a number; enter digits only, without units or words (for “100万条” enter 1000000)."), s);
  return FALSE;
}

gboolean
mulu_value_parse (MuluFieldType type,
                  const char   *text,
                  GVariant    **out_value,
                  GError      **error)
{
  g_autofree char *s = NULL;

  g_return_val_if_fail (out_value != NULL, FALSE);

  *out_value = NULL;
  if (text == NULL)
    return TRUE;

  s = g_strstrip (g_strdup (text));
  if (*s == '\0')
    return TRUE;

  switch (type)
    {
    case MULU_FIELD_TEXT:
      /* Keep the text exactly as typed (minus surrounding blanks). */
      *out_value = g_variant_ref_sink (g_variant_new_string (s));
      return TRUE;

    case MULU_FIELD_DATE:
      {
        g_autofree char *d = mulu_date_normalize (s);
        if (d == NULL)
          {
            g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                         _("“%s” is not a date; write it as 2024-03-01 or 2024/3/1."), s);
            return FALSE;
          }
        *out_value = g_variant_ref_sink (g_variant_new_string (d));
        return TRUE;
      }

    case MULU_FIELD_INT:
    case MULU_FIELD_REAL:
      {
        GVariant *v = NULL;
        if (!parse_number (s, type == MULU_FIELD_INT, &v, error))
          return FALSE;
        *out_value = g_variant_ref_sink (v);
        return TRUE;
      }

    case MULU_FIELD_BOOL:
      if (g_str_equal (s, "是") || g_ascii_strcasecmp (s, "true") == 0 || g_str_equal (s, "1") ||
          g_ascii_strcasecmp (s, "yes") == 0)
        *out_value = g_variant_ref_sink (g_variant_new_boolean (TRUE));
      else if (g_str_equal (s, "否") || g_ascii_strcasecmp (s, "false") == 0 || g_str_equal (s, "0") ||
               g_ascii_strcasecmp (s, "no") == 0)
        *out_value = g_variant_ref_sink (g_variant_new_boolean (FALSE));
      else
        {
          g_set_error (error, MULU_ERROR, MULU_ERROR_INVALID,
                       _("“%s” is neither yes nor no; choose 是 or 否."), s);
          return FALSE;
        }
      return TRUE;

    case MULU_FIELD_LIST:
      {
        /* One entry per line, or separated by commas, semicolons or the
         * Chinese enumeration comma. */
        g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
        g_auto(GStrv) parts = g_regex_split_simple ("[,;\\n\\x{3001}\\x{FF0C}\\x{FF1B}]+", s, 0, 0);
        for (guint i = 0; parts[i]; i++)
          {
            char *p = g_strstrip (parts[i]);
            if (*p)
              g_ptr_array_add (items, g_strdup (p));
          }
        if (items->len == 0)
          return TRUE;
        *out_value = g_variant_ref_sink (g_variant_new_strv ((const char * const *) items->pdata, items->len));
        return TRUE;
      }

    case MULU_FIELD_REF:
      {
        GVariant *v = NULL;
        if (!parse_number (s, TRUE, &v, error))
          return FALSE;
        *out_value = g_variant_ref_sink (v);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
  return FALSE;
}

char *
mulu_value_to_text (GVariant *value)
{
  if (value == NULL)
    return g_strdup ("");

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_variant_dup_string (value, NULL);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    {
      GString *out = g_string_new (NULL);
      mulu_json_append_double (out, g_variant_get_double (value));
      return g_string_free (out, FALSE);
    }
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_strdup (g_variant_get_boolean (value) ? "是" : "否");
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING_ARRAY))
    {
      g_autofree const char **v = g_variant_get_strv (value, NULL);
      return g_strjoinv ("、", (char **) v);
    }
  return g_variant_print (value, FALSE);
}

gboolean
mulu_value_equal (GVariant *a,
                  GVariant *b)
{
  if (a == NULL || b == NULL)
    return a == b;
  return g_variant_equal (a, b);
}
