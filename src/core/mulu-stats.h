/* mulu-stats.h — counts for the overview's charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-catalog.h"

G_BEGIN_DECLS

/* One bar of a chart: a group and its count per series. */
typedef struct {
  char    *group;     /* e.g. a sharing type; NULL when not filled in */
  guint64 *counts;    /* one per series of the MuluStatsTable */
  guint64  total;
} MuluStatsBar;

typedef struct {
  GPtrArray *series;  /* char *: the series' names; a NULL entry is "not filled in" */
  GPtrArray *bars;    /* MuluStatsBar *, in the order of the code table */
} MuluStatsTable;

/* The catalog at a glance. */
typedef struct {
  guint64 systems;
  guint64 resources;
  guint64 items;
  guint64 systems_with_errors;
  guint64 resources_with_errors;   /* their own or their data items' */
  guint64 unclassified;            /* resources lacking sharing, open or secrecy */
  guint64 suggestions;             /* pending sensitive-content suggestions */
  guint64 suspected_zombies;
  guint64 decided_zombies;         /* suspected systems confirmed or rejected */
  guint64 findings[3];             /* per MuluSeverity */
} MuluStatsSummary;

gboolean        mulu_stats_summarize             (MuluCatalog      *catalog,
                                                  MuluStatsSummary *summary,
                                                  GError          **error);
void            mulu_stats_table_free            (MuluStatsTable *table);
MuluStatsTable *mulu_stats_resources_by_sharing  (MuluCatalog    *catalog,
                                                  GError        **error);
MuluStatsTable *mulu_stats_resources_by_category (MuluCatalog    *catalog,
                                                  GError        **error);
MuluStatsTable *mulu_stats_systems_by_status     (MuluCatalog    *catalog,
                                                  GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluStatsTable, mulu_stats_table_free)

G_END_DECLS
