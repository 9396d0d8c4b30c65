/* mulu-text.h — comparing names the way a reviewer does
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

char    *mulu_name_key                (const char *name);
char    *mulu_name_key_exact          (const char *name);
gboolean mulu_text_register_functions (sqlite3    *db);

G_END_DECLS
