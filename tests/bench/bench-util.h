/* bench-util.h — shared by the benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "mulu-generate.h"

G_BEGIN_DECLS

double  mulu_bench_seconds_since (gint64      start);
/* VmHWM: the most resident memory this process has had (KiB), or -1. */
gint64  mulu_bench_peak_rss_kib  (void);
/* A catalog file and SQLite's and Mulu's files beside it. */
void    mulu_bench_remove_db     (const char *path);
char   *mulu_bench_self_path     (const char *argv0);
char   *mulu_bench_format_count  (guint64     n);
void    mulu_bench_remove_tree   (const char *path);
/* The benchmarks' catalog: departments of 100 resources and 10 systems,
 * as many as the resources need, items_per_resource data items each. */
void    mulu_bench_layout        (MuluGenerateOptions *o,
                                  int                  resources,
                                  int                  items_per_resource);

G_END_DECLS
