/* mulu-overview-page.h — counts, progress and charts of the open catalog
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_OVERVIEW_PAGE (mulu_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (MuluOverviewPage, mulu_overview_page, MULU, OVERVIEW_PAGE, AdwBin)

GtkWidget  *mulu_overview_page_new                   (void);
void        mulu_overview_page_set_document          (MuluOverviewPage *self,
                                                      MuluCatalog      *catalog);
/* 0 systems, 1 resources, 2 data items, 3 suspected zombies */
const char *mulu_overview_page_get_count             (MuluOverviewPage *self,
                                                      guint             tile);
/* 0 sharing × open, 1 categories, 2 systems by status */
const char *mulu_overview_page_get_chart_description (MuluOverviewPage *self,
                                                      guint             chart);

G_END_DECLS
