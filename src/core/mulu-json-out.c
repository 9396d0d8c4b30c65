/* mulu-json-out.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "mulu-json-out.h"

void
mulu_json_append_string (GString    *out,
                         const char *s)
{
  const char *run = s;

  g_string_append_c (out, '"');
  for (const char *p = s; *p; p++)
    {
      unsigned char c = (unsigned char) *p;
      const char *esc = NULL;
      char buf[8];

      if (c >= 0x20 && c != '"' && c != '\\')
        continue;
      switch (c)
        {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default:
          g_snprintf (buf, sizeof buf, "\\u%04x", c);
          esc = buf;
        }
      g_string_append_len (out, run, p - run);
      g_string_append (out, esc);
      run = p + 1;
    }
  g_string_append (out, run);
  g_string_append_c (out, '"');
}

/* The shortest decimal that reads back as the same double, so that export
 * then import gives the same number. */
void
mulu_json_append_double (GString *out,
                         double   d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  char fmt[8];

  /* Whole numbers as clerks write them: 1260, not 1.26e+03. */
  if (d == (double) (gint64) d && d > -1e15 && d < 1e15)
    {
      g_string_append_printf (out, "%" G_GINT64_FORMAT, (gint64) d);
      return;
    }
  for (int prec = 1; prec <= 17; prec++)
    {
      g_snprintf (fmt, sizeof fmt, "%%.%dg", prec);
      g_ascii_formatd (buf, sizeof buf, fmt, d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }
  g_string_append (out, buf);
}

void
mulu_json_append_key (GString    *out,
                      gboolean   *first,
                      const char *key)
{
  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;
  mulu_json_append_string (out, key);
  g_string_append_c (out, ':');
}
