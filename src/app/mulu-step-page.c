/* mulu-step-page.c
 *
 * The window hands each step's page the open catalog through this one
 * interface, so a new step is a new page class and a line in the window's
 * table of steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "mulu-step-page"

#include "config.h"

#include "mulu-step-page.h"

G_DEFINE_INTERFACE (MuluStepPage, mulu_step_page, GTK_TYPE_WIDGET)

static void
mulu_step_page_default_init (MuluStepPageInterface *iface)
{
}

void
mulu_step_page_set_document (MuluStepPage *self,
                             MuluCatalog  *catalog,
                             MuluHistory  *history)
{
  g_return_if_fail (MULU_IS_STEP_PAGE (self));

  MULU_STEP_PAGE_GET_IFACE (self)->set_document (self, catalog, history);
}
