/* mulu-export-page.h — step 7: the census workbook, and packages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_EXPORT_PAGE (mulu_export_page_get_type ())
G_DECLARE_FINAL_TYPE (MuluExportPage, mulu_export_page, MULU, EXPORT_PAGE, AdwBin)

GtkWidget  *mulu_export_page_new             (void);
/* "national", "flat" or a template file's path. */
void        mulu_export_page_set_template    (MuluExportPage *self,
                                              const char     *template_name);
const char *mulu_export_page_get_template    (MuluExportPage *self);
void        mulu_export_page_set_destination (MuluExportPage *self,
                                              const char     *path);
const char *mulu_export_page_get_destination (MuluExportPage *self);
void        mulu_export_page_set_draft       (MuluExportPage *self,
                                              gboolean        draft);
gboolean    mulu_export_page_get_draft       (MuluExportPage *self);
/* Whether a submission may be chosen: no error remains. */
gboolean    mulu_export_page_can_submit      (MuluExportPage *self);
gboolean    mulu_export_page_is_running      (MuluExportPage *self);

G_END_DECLS
