/* mulu-review-page.h — submitting a catalog, approving and returning records
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_REVIEW_PAGE (mulu_review_page_get_type ())
G_DECLARE_FINAL_TYPE (MuluReviewPage, mulu_review_page, MULU, REVIEW_PAGE, AdwBin)

GtkWidget *mulu_review_page_new              (void);
void       mulu_review_page_set_document     (MuluReviewPage   *self,
                                              MuluCatalog      *catalog);
void       mulu_review_page_refresh          (MuluReviewPage   *self);
void       mulu_review_page_set_filter       (MuluReviewPage   *self,
                                              MuluEntity        entity,
                                              MuluReviewFilter  filter);
gboolean   mulu_review_page_approve_selected (MuluReviewPage   *self);
gboolean   mulu_review_page_return_selected  (MuluReviewPage   *self,
                                              const char       *comment);

G_END_DECLS
