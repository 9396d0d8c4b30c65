/* mulu-department-page.h — step 1: the department's identity
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_DEPARTMENT_PAGE (mulu_department_page_get_type ())
G_DECLARE_FINAL_TYPE (MuluDepartmentPage, mulu_department_page, MULU, DEPARTMENT_PAGE, AdwBin)

GtkWidget *mulu_department_page_new          (void);
void       mulu_department_page_set_document (MuluDepartmentPage *self,
                                              MuluCatalog        *catalog,
                                              MuluHistory        *history);
void       mulu_department_page_focus_field  (MuluDepartmentPage *self,
                                              const char         *field);

G_END_DECLS
