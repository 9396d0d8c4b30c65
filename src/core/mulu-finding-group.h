/* mulu-finding-group.h — the findings of one rule at one severity
 *
 * The validation step lists groups ("R2 · 12") that open into their
 * findings. A group's findings are a MuluFindingList made on first use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mulu-finding-list.h"

G_BEGIN_DECLS

#define MULU_TYPE_FINDING_GROUP (mulu_finding_group_get_type ())
G_DECLARE_FINAL_TYPE (MuluFindingGroup, mulu_finding_group, MULU, FINDING_GROUP, GObject)

MuluFindingGroup *mulu_finding_group_new          (MuluCatalog      *catalog,
                                                   MuluSeverity      severity,
                                                   const char       *rule,
                                                   guint64           count);
MuluSeverity      mulu_finding_group_get_severity (MuluFindingGroup *self);
const char       *mulu_finding_group_get_rule     (MuluFindingGroup *self);
guint64           mulu_finding_group_get_count    (MuluFindingGroup *self);
MuluFindingList  *mulu_finding_group_get_findings (MuluFindingGroup *self);

/* Brings a GListStore of groups in line with the findings stored now, for
 * the severities in severity_mask (1 << MuluSeverity): groups that remain
 * are kept (with their count updated and their findings refreshed), so
 * views keep them open; others come and go. Ordered by severity, then in
 * the engine's order of rules. */
gboolean          mulu_finding_groups_update      (GListStore       *groups,
                                                   MuluCatalog      *catalog,
                                                   guint             severity_mask,
                                                   GError          **error);

G_END_DECLS
