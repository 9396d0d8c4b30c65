/* mulu-tsv-private.h — shared by the files of the paste reader (internal)
 *
 * mulu-tsv.c splits the block and maps rows, mulu-tsv-columns.c decides
 * what each column holds, mulu-tsv-values.c reads single cells; the first
 * two both read cells, and all three trim and fold text the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-tsv.h"

G_BEGIN_DECLS

/* A cell without the blanks around it, ideographic space included. */
char       *mulu_tsv_trim_cell          (const char    *s,
                                         gsize          len);
/* Trimmed, NFKC-normalised and lower-cased, for comparing with words. */
char       *mulu_tsv_fold               (const char    *text);
/* The value of @table's entry @text names, by value, label or a unique
 * prefix of the value; NULL when it names none. */
const char *mulu_tsv_code_value         (MuluCodes     *codes,
                                         const char    *table,
                                         const char    *text);
gboolean    mulu_tsv_looks_like_integer (const char    *text);
gboolean    mulu_tsv_has_cjk            (const char    *text);

void        mulu_tsv_assign_roles       (MuluTsvResult *self,
                                         MuluCodes     *codes);

G_END_DECLS
