/* mulu-uscc.h — unified social credit code (GB 32100-2015)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  MULU_USCC_VALID,
  MULU_USCC_EMPTY,
  MULU_USCC_BAD_LENGTH,      /* not 18 characters */
  MULU_USCC_BAD_CHARACTER,   /* a character outside the 31-symbol alphabet */
  MULU_USCC_BAD_CHECK,       /* the 18th character does not match */
} MuluUsccStatus;

typedef struct {
  MuluUsccStatus status;
  guint          position;       /* 1-based position of the first bad character */
  gunichar       found;          /* the bad character, or the check character given */
  char           expected_check; /* the check character for the first 17, when computable */
  gboolean       org_code_ok;    /* positions 9–17 pass GB 11714 (a warning only) */
} MuluUsccResult;

MuluUsccStatus mulu_uscc_check            (const char     *code,
                                           MuluUsccResult *result);
char           mulu_uscc_compute_check    (const char     *first17);
char           mulu_uscc_compute_org_check (const char    *first8);
char          *mulu_uscc_describe         (const MuluUsccResult *result);

G_END_DECLS
