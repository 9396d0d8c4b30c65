/* mulu-rules.h — the validation engine (domain.md §3: R1–R19, S1–S7)
 *
 * Findings are stored in the catalog. A full run replaces them all; every
 * change made through MuluCatalog re-checks just the records it affects,
 * in the same transaction, so the stored findings always match the data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-catalog.h"
#include "mulu-package.h"

G_BEGIN_DECLS

typedef enum {
  MULU_SEVERITY_ERROR,    /* blocks a submission export */
  MULU_SEVERITY_WARNING,  /* shown, and listed in the workbook's issues sheet */
  MULU_SEVERITY_HINT,     /* advice */
  MULU_N_SEVERITIES
} MuluSeverity;

typedef struct {
  char        *rule;       /* "R2" */
  MuluSeverity severity;
  MuluEntity   entity;
  gint64       record_id;
  char        *uid;        /* the record's package id */
  char        *name;       /* the record's name */
  char        *field;      /* package key, or NULL */
  char        *message;
} MuluFinding;

void         mulu_finding_free          (MuluFinding *finding);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluFinding, mulu_finding_free)

const char  *mulu_severity_to_string    (MuluSeverity  severity);
gboolean     mulu_severity_from_string  (const char   *text,
                                         MuluSeverity *severity);

/* Every rule id the engine knows, in order, and its severity. */
const char * const *mulu_rules_get_ids  (void);
MuluSeverity mulu_rules_get_severity    (const char   *rule);

gboolean     mulu_validate_catalog      (MuluCatalog      *catalog,
                                         GCancellable     *cancellable,
                                         MuluProgressFunc  progress,
                                         gpointer          progress_data,
                                         GError          **error);
gboolean     mulu_validate_record       (MuluCatalog      *catalog,
                                         MuluEntity        entity,
                                         MuluRecord       *before,
                                         MuluRecord       *after,
                                         GError          **error);

gboolean     mulu_findings_are_current  (MuluCatalog      *catalog);
gboolean     mulu_findings_count        (MuluCatalog      *catalog,
                                         guint64           counts[MULU_N_SEVERITIES],
                                         GError          **error);
/* Per entity: findings by severity, and how many records have an error. */
gboolean     mulu_findings_count_by_entity (MuluCatalog *catalog,
                                            guint64      counts[MULU_N_ENTITIES][MULU_N_SEVERITIES],
                                            guint64      records_with_errors[MULU_N_ENTITIES],
                                            GError     **error);
GPtrArray   *mulu_findings_list         (MuluCatalog      *catalog,
                                         MuluSeverity      worst_shown,
                                         GError          **error);
GPtrArray   *mulu_findings_for_record   (MuluCatalog      *catalog,
                                         MuluEntity        entity,
                                         gint64            record_id,
                                         GError          **error);

/* The date rules and the zombie criteria count from: today, unless the
 * MULU_TODAY environment variable (YYYY-MM-DD) says otherwise, which tests
 * and reproducible reports use. */
char        *mulu_rules_dup_today       (void);

G_END_DECLS
