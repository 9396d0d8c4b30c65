/* mulu-codes.h — code tables: classification tree, formats, data types…
 *
 * The built-in tables are JSON files in data/codes/ compiled into the
 * GResource. A catalog copies them into its own file when it is created, so
 * a catalog keeps reading the values it was made with.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

typedef struct _MuluCodeEntry MuluCodeEntry;

struct _MuluCodeEntry
{
  char          *value;    /* stored value: "有条件共享", "C", "03" */
  char          *label;    /* display text; equals value when the file has none */
  char          *path;     /* values from the root joined by '/': "3/01/002" */
  MuluCodeEntry *parent;
  GPtrArray     *children; /* of MuluCodeEntry, may be empty */
};

#define MULU_TYPE_CODES (mulu_codes_get_type ())
G_DECLARE_FINAL_TYPE (MuluCodes, mulu_codes, MULU, CODES, GObject)

MuluCodes           *mulu_codes_new_builtin  (GError      **error);
MuluCodes           *mulu_codes_new_from_db  (sqlite3      *db,
                                              GError      **error);
gboolean             mulu_codes_save_to_db   (MuluCodes    *self,
                                              sqlite3      *db,
                                              GError      **error);
const char          *mulu_codes_get_version  (MuluCodes    *self);
gboolean             mulu_codes_has_table    (MuluCodes    *self,
                                              const char   *table);
const char          *mulu_codes_get_title    (MuluCodes    *self,
                                              const char   *table);
GPtrArray           *mulu_codes_list         (MuluCodes    *self,
                                              const char   *table,
                                              const char   *parent_path);
const MuluCodeEntry *mulu_codes_lookup       (MuluCodes    *self,
                                              const char   *table,
                                              const char   *parent_path,
                                              const char   *value);
const MuluCodeEntry *mulu_codes_lookup_path  (MuluCodes    *self,
                                              const char   *table,
                                              const char   *path);
char               **mulu_codes_dup_table_ids (MuluCodes   *self);

G_END_DECLS
