/* mulu-uscc.c — check and complete unified social credit codes
 *
 * The 31-symbol alphabet leaves out I, O, Z, S and V so that no symbol can be
 * misread as a digit; lower case is accepted because clerks type it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-uscc"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "mulu-uscc.h"

static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int weights[17] = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };
static const int org_weights[8] = { 3, 7, 9, 10, 5, 8, 4, 2 };

static int
symbol_value (char c)
{
  const char *p;

  c = g_ascii_toupper (c);
  if (c == '\0')
    return -1;
  p = strchr (alphabet, c);
  return p ? (int) (p - alphabet) : -1;
}

char
mulu_uscc_compute_check (const char *first17)
{
  int sum = 0;

  g_return_val_if_fail (first17 != NULL, 0);

  for (int i = 0; i < 17; i++)
    {
      int v = symbol_value (first17[i]);
      if (v < 0)
        return 0;
      sum += v * weights[i];
    }
  return alphabet[(31 - sum % 31) % 31];
}

/* GB 11714: the organisation code's eight body characters are digits or
 * capital letters (A=10 … Z=35), the ninth is a check digit or X. */
char
mulu_uscc_compute_org_check (const char *first8)
{
  int sum = 0, c;

  g_return_val_if_fail (first8 != NULL, 0);

  for (int i = 0; i < 8; i++)
    {
      char ch = g_ascii_toupper (first8[i]);
      int v;
      if (g_ascii_isdigit (ch))
        v = ch - '0';
      else if (ch >= 'A' && ch <= 'Z')
        v = ch - 'A' + 10;
      else
        return 0;
      sum += v * org_weights[i];
    }
  c = 11 - sum % 11;
  if (c == 10)
    return 'X';
  if (c == 11)
    return '0';
  return (char) ('0' + c);
}

MuluUsccStatus
mulu_uscc_check (const char     *code,
                 MuluUsccResult *result)
{
  MuluUsccResult r = { 0 };
  glong len;

  if (code == NULL || *code == '\0')
    {
      r.status = MULU_USCC_EMPTY;
      goto out;
    }

  if (!g_utf8_validate (code, -1, NULL))
    {
      r.status = MULU_USCC_BAD_CHARACTER;
      r.position = 1;
      goto out;
    }

  /* Report a bad character before a bad length: "the 9th character is O"
   * helps more than "17 characters" when both are wrong. */
  {
    const char *p = code;
    guint pos = 1;
    for (; *p && pos <= 18; p = g_utf8_next_char (p), pos++)
      {
        gunichar ch = g_utf8_get_char (p);
        if (ch > 0x7f || symbol_value ((char) ch) < 0)
          {
            r.status = MULU_USCC_BAD_CHARACTER;
            r.position = pos;
            r.found = ch;
            goto out;
          }
      }
  }

  len = g_utf8_strlen (code, -1);
  if (len != 18)
    {
      r.status = MULU_USCC_BAD_LENGTH;
      r.position = (guint) len;
      goto out;
    }

  r.expected_check = mulu_uscc_compute_check (code);
  {
    char org8[9];
    for (int i = 0; i < 8; i++)
      org8[i] = g_ascii_toupper (code[8 + i]);
    org8[8] = 0;
    r.org_code_ok = mulu_uscc_compute_org_check (org8) == g_ascii_toupper (code[16]);
  }

  if (g_ascii_toupper (code[17]) != r.expected_check)
    {
      r.status = MULU_USCC_BAD_CHECK;
      r.position = 18;
      r.found = (gunichar) g_ascii_toupper (code[17]);
      goto out;
    }

  r.status = MULU_USCC_VALID;

out:
  if (result)
    *result = r;
  return r.status;
}

char *
mulu_uscc_describe (const MuluUsccResult *r)
{
  g_return_val_if_fail (r != NULL, NULL);

  switch (r->status)
    {
    case MULU_USCC_VALID:
      return g_strdup (_("The code is valid."));
    case MULU_USCC_EMPTY:
      return g_strdup (_("Enter the 18-character unified social credit code."));
    case MULU_USCC_BAD_LENGTH:
      return g_strdup_printf (_("The code has %u characters; it must have 18."), r->position);
    case MULU_USCC_BAD_CHARACTER:
      {
        char buf[8] = { 0 };
        if (r->found)
          g_unichar_to_utf8 (r->found, buf);
        if (r->found == 'O' || r->found == 'o')
          return g_strdup_printf (_("Character %u is the letter “O”, which a credit code never uses; did you mean the digit 0?"), r->position);
        if (r->found == 'I' || r->found == 'i')
          return g_strdup_printf (_("Character %u is the letter “I”, which a credit code never uses; did you mean the digit 1?"), r->position);
        return g_strdup_printf (_("Character %u (“%s”) cannot appear in a credit code; only digits and the capital letters A–Y except I, O, S, V and Z are allowed."),
                                r->position, buf);
      }
    case MULU_USCC_BAD_CHECK:
      return g_strdup_printf (_("The check character (the 18th) is “%c” but should be “%c”; check the first 17 characters, or correct the last one."),
                              (char) r->found, r->expected_check);
    default:
      g_assert_not_reached ();
    }
  return NULL;
}
