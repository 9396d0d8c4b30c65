/* mulu-placeholder-page.h — a step that arrives later, saying what it will do
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_PLACEHOLDER_PAGE (mulu_placeholder_page_get_type ())
G_DECLARE_FINAL_TYPE (MuluPlaceholderPage, mulu_placeholder_page, MULU, PLACEHOLDER_PAGE, AdwBin)

GtkWidget *mulu_placeholder_page_new (const char *icon_name,
                                      const char *title,
                                      const char *description);

G_END_DECLS
