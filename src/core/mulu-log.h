/* mulu-log.h — the change log: what changed, who changed it, and proof
 * that nobody rewrote the record afterwards
 *
 * Every entry (a changed field, an added or deleted record, an import, a
 * submission, a review decision) carries a SHA-256 over its own content and
 * the previous entry's hash, so an entry altered or deleted outside Mulu
 * breaks the chain at that entry. The format of what is hashed is in
 * docs/change-log.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-catalog.h"

G_BEGIN_DECLS

typedef struct {
  gint64  id;          /* 1-based, consecutive: "entry 12" */
  char   *at;          /* ISO 8601 with offset */
  char   *who;
  char   *op;          /* create, add, update, delete, restore, import,
                        * generate, settings, submit, reopen, review */
  char   *entity;      /* package kind, or NULL for the whole catalog */
  char   *record_uid;  /* the record's package id, or NULL */
  char   *field;       /* package key (column inside a group), or NULL */
  char   *old_value;
  char   *new_value;
  char   *details;     /* JSON text, or NULL */
  char   *hash;        /* hex SHA-256 */
} MuluLogEntry;

void       mulu_log_entry_free (MuluLogEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluLogEntry, mulu_log_entry_free)

/* The whole log, oldest first; or, with record_uid, the entries about that
 * record (of any kind with that id) and, for a resource, about its data
 * items. */
GPtrArray *mulu_log_list       (MuluCatalog  *catalog,
                                const char   *record_uid,
                                GError      **error);

typedef enum {
  MULU_LOG_ALTERED,     /* an entry's content no longer matches its hash */
  MULU_LOG_DELETED,     /* entries are missing from the middle of the log */
  MULU_LOG_UNLINKED,    /* an entry does not follow the one before it */
  MULU_LOG_TRUNCATED,   /* the last entries are gone */
  MULU_LOG_DISAGREES,   /* the log and the catalog's data disagree */
} MuluLogProblem;

typedef struct {
  MuluLogProblem problem;
  gint64         entry;     /* the first broken entry's number (0: none) */
  char          *message;   /* a sentence naming it, translated */
} MuluLogBreak;

void       mulu_log_break_free (MuluLogBreak *brk);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluLogBreak, mulu_log_break_free)

/* Checks the chain from the first entry to the last, then that the log
 * agrees with the data (see mulu-log-verify.c for what is compared).
 * Returns FALSE only when the check could not run; *out_break is NULL when
 * everything is intact, else the first problem found. */
gboolean   mulu_catalog_verify (MuluCatalog   *catalog,
                                MuluLogBreak **out_break,
                                GError       **error);
gint64     mulu_log_count      (MuluCatalog   *catalog,
                                GError       **error);

G_END_DECLS
