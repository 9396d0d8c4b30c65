/* mulu-records-page.h — step 2 (systems) and step 3 (resources and items)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_RECORDS_PAGE (mulu_records_page_get_type ())
G_DECLARE_FINAL_TYPE (MuluRecordsPage, mulu_records_page, MULU, RECORDS_PAGE, AdwBin)

GtkWidget  *mulu_records_page_new           (MuluEntity       entity);
MuluEntity  mulu_records_page_get_entity    (MuluRecordsPage *self);
void        mulu_records_page_set_document  (MuluRecordsPage *self,
                                             MuluCatalog     *catalog,
                                             MuluHistory     *history);
void        mulu_records_page_add_record    (MuluRecordsPage *self);
void        mulu_records_page_delete_selected (MuluRecordsPage *self);
void        mulu_records_page_focus_search  (MuluRecordsPage *self);
void        mulu_records_page_select        (MuluRecordsPage *self,
                                             gint64           id,
                                             const char      *field);

G_END_DECLS
