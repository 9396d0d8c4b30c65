/* mulu-validation-page.h — step 6: every finding, grouped by rule
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_VALIDATION_PAGE (mulu_validation_page_get_type ())
G_DECLARE_FINAL_TYPE (MuluValidationPage, mulu_validation_page, MULU, VALIDATION_PAGE, AdwBin)

GtkWidget *mulu_validation_page_new          (void);
/* No error remains in the catalog (warnings and hints may). */
gboolean   mulu_validation_page_is_ready     (MuluValidationPage *self);
/* A full validation is running on its own thread. */
gboolean   mulu_validation_page_is_running   (MuluValidationPage *self);
/* Reads the findings again now rather than at the next idle moment. */
void       mulu_validation_page_refresh      (MuluValidationPage *self);

G_END_DECLS
