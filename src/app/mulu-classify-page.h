/* mulu-classify-page.h — step 4: classify many resources at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_CLASSIFY_PAGE (mulu_classify_page_get_type ())
G_DECLARE_FINAL_TYPE (MuluClassifyPage, mulu_classify_page, MULU, CLASSIFY_PAGE, AdwBin)

GtkWidget *mulu_classify_page_new              (void);
void       mulu_classify_page_set_document     (MuluClassifyPage *self,
                                                MuluCatalog      *catalog,
                                                MuluHistory      *history);
void       mulu_classify_page_set_state_filter (MuluClassifyPage *self,
                                                MuluRecordState   state);
void       mulu_classify_page_select_all       (MuluClassifyPage *self);
guint      mulu_classify_page_apply            (MuluClassifyPage *self);

G_END_DECLS
