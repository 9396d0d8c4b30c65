/* mulu-bar-chart.h — a stacked bar chart of a MuluStatsTable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_BAR_CHART (mulu_bar_chart_get_type ())
G_DECLARE_FINAL_TYPE (MuluBarChart, mulu_bar_chart, MULU, BAR_CHART, GtkWidget)

GtkWidget  *mulu_bar_chart_new             (const char     *title);
void        mulu_bar_chart_set_table       (MuluBarChart   *self,
                                            MuluStatsTable *table,
                                            const char     *empty_series);
const char *mulu_bar_chart_get_description (MuluBarChart   *self);

G_END_DECLS
