/* mulu-package-reader-private.h — shared by the importer's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "mulu-package.h"

G_BEGIN_DECLS

typedef struct _MuluImport
{
  MuluCatalog      *catalog;
  sqlite3          *db;
  MuluImportReport *report;
  char             *display;     /* the package's name, for messages */
  guint64           line;
  JsonParser       *parser;
  sqlite3_stmt     *insert[MULU_N_ENTITIES];
  sqlite3_stmt     *zombie_stmt;
  sqlite3_stmt     *review_stmt;
  GHashTable       *ids[MULU_N_ENTITIES]; /* package id → row id; not for items */
  GHashTable       *known_keys[MULU_N_ENTITIES];
  gint64            max_item_before;
  char             *last_resource_uid; /* items follow their resource: skip the lookup */
  gint64            last_resource_id;
  gboolean          seen_header;
  /* The last submission or reopening in the package's history, which
   * decides whether the catalog arrives submitted. */
  char             *state_op;
  char             *state_who;
  char             *state_at;
} Import;

/* Every fatal message has the same shape: where, what, and what to do. */
G_GNUC_PRINTF (4, 5)
gboolean    mulu_import_fatal             (Import          *im,
                                           GError         **error,
                                           const char      *field,
                                           const char      *format,
                                           ...);
/* Takes message. */
void        mulu_import_warn              (Import          *im,
                                           const char      *field,
                                           char            *message);

const char *mulu_import_node_type_name    (JsonNode        *node);
gboolean    mulu_import_is_value_of       (JsonNode        *node,
                                           GType            type);
gboolean    mulu_import_bind_field        (Import          *im,
                                           sqlite3_stmt    *stmt,
                                           int              index,
                                           const MuluField *field,
                                           const char      *key,
                                           JsonNode        *node,
                                           GError         **error);
gboolean    mulu_import_bind_group_member (Import          *im,
                                           sqlite3_stmt    *stmt,
                                           int              index,
                                           const MuluField *field,
                                           JsonNode        *group,
                                           GError         **error);
gboolean    mulu_import_zombie_review     (Import          *im,
                                           gint64           system_id,
                                           JsonNode        *node,
                                           GError         **error);
gboolean    mulu_import_review            (Import          *im,
                                           MuluEntity       entity,
                                           gint64           id,
                                           JsonNode        *node,
                                           GError         **error);

G_END_DECLS
