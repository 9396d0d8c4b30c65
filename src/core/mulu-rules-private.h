/* mulu-rules-private.h — how a rule is written down (internal)
 *
 * A SQL rule is a candidate set (from), a condition (where) and a message:
 *
 *   INSERT INTO findings … SELECT <own>, printf (<message>, <name>, <detail>)
 *   FROM <from> WHERE (<where>) AND (<scope>)
 *
 * The scope is "1" for a full run, or restricts the candidates to the
 * records one change affects: the record itself (<own> = :id), the items of
 * a resource (by_resource), the resources of a system (by_system), or the
 * members of a group (<group> = :key) for rules that compare records with
 * each other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "mulu-rules.h"

G_BEGIN_DECLS

typedef struct _MuluRuleRun MuluRuleRun;

/* A rule written in C, for what SQL cannot say (checksums, criteria).
 * scope_entity is MULU_N_ENTITIES for a full run. */
typedef gboolean (*MuluRuleFunc) (MuluRuleRun *run,
                                  MuluEntity   scope_entity,
                                  gint64       scope_id,
                                  GError     **error);

typedef struct {
  const char   *id;
  MuluSeverity  severity;
  MuluEntity    entity;
  const char   *field;       /* package key the finding points at, or NULL */
  const char   *message;     /* N_(): printf format, %s name then %s detail */
  const char   *from;
  const char   *own;         /* the finding's record id, "r.id" */
  const char   *name;        /* "r.name" */
  const char   *where;
  const char   *detail;      /* SQL expression or NULL */
  const char   *group;       /* SQL expression: a group rule, or NULL */
  const char   *by_resource; /* "i.resource_id" */
  const char   *by_system;   /* "r.system_id" */
  MuluRuleFunc  func;        /* instead of the SQL */
  /* Optional: a cheaper condition that every row matching where also
   * matches, for the full run's single pass over the table. */
  const char   *prefilter;
} MuluRule;

extern const MuluRule mulu_rules[];
extern const guint    mulu_n_rules;

/* For rules written in C. */
MuluCatalog *mulu_rule_run_get_catalog (MuluRuleRun *run);
const char  *mulu_rule_run_get_today   (MuluRuleRun *run);
gboolean     mulu_rule_run_add         (MuluRuleRun *run,
                                        const char  *rule,
                                        MuluSeverity severity,
                                        MuluEntity   entity,
                                        gint64       record_id,
                                        const char  *field,
                                        const char  *message,
                                        GError     **error);

gboolean mulu_rule_uscc        (MuluRuleRun *run, MuluEntity scope_entity, gint64 scope_id, GError **error);
gboolean mulu_rule_zombie      (MuluRuleRun *run, MuluEntity scope_entity, gint64 scope_id, GError **error);
gboolean mulu_rule_suggestions (MuluRuleRun *run, MuluEntity scope_entity, gint64 scope_id, GError **error);

G_END_DECLS
