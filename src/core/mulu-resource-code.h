/* mulu-resource-code.h — the next free resource code for a classification
 *
 * A resource code is written front/back: the front segment is the
 * classification (类 1 digit, 项 2, 目 3, "000" while 目 is unset), the back
 * segment a sequence number within that front segment (five digits).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "mulu-catalog.h"

G_BEGIN_DECLS

gboolean mulu_resource_code_is_well_formed     (const char *code);
gboolean mulu_resource_code_register_functions (sqlite3    *db);

char *mulu_resource_code_front (const char   *class1,
                                const char   *class2,
                                const char   *class3,
                                GError      **error);
char *mulu_resource_next_code  (MuluCatalog  *catalog,
                                const char   *class1,
                                const char   *class2,
                                const char   *class3,
                                GError      **error);

G_END_DECLS
