/* mulu-schema.h — the catalog file's tables and their versions
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* "MULU" — lets `file` and Mulu tell a catalog from any other SQLite file. */
#define MULU_APPLICATION_ID 0x4D554C55
#define MULU_SCHEMA_VERSION 5

int      mulu_schema_get_version (sqlite3 *db);
gboolean mulu_schema_upgrade     (sqlite3 *db,
                                  int      from,
                                  int      to,
                                  GError **error);

gboolean mulu_schema_begin_bulk_load (sqlite3 *db,
                                     GError **error);
gboolean mulu_schema_end_bulk_load   (sqlite3 *db,
                                     GError **error);

G_END_DECLS
