/* mulu-finding-list.h — a lazy list of stored findings for list views
 *
 * Like MuluRecordList: holds the row ids of the findings it shows and reads
 * the findings themselves a page at a time, when a view asks. The ids are
 * read on first use, so a list nobody has opened costs nothing; refresh()
 * re-reads them after the catalog changed and tells views only the span
 * that differs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mulu-finding-object.h"

G_BEGIN_DECLS

#define MULU_TYPE_FINDING_LIST (mulu_finding_list_get_type ())
G_DECLARE_FINAL_TYPE (MuluFindingList, mulu_finding_list, MULU, FINDING_LIST, GObject)

/* severity MULU_N_SEVERITIES and rule NULL mean any. */
MuluFindingList *mulu_finding_list_new          (MuluCatalog     *catalog,
                                                 MuluSeverity     severity,
                                                 const char      *rule);
MuluSeverity     mulu_finding_list_get_severity (MuluFindingList *self);
const char      *mulu_finding_list_get_rule     (MuluFindingList *self);
void             mulu_finding_list_refresh      (MuluFindingList *self);

G_END_DECLS
