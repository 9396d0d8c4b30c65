/* mulu-step-page.h — what every page of the census steps can be told
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_STEP_PAGE (mulu_step_page_get_type ())
G_DECLARE_INTERFACE (MuluStepPage, mulu_step_page, MULU, STEP_PAGE, GtkWidget)

struct _MuluStepPageInterface
{
  GTypeInterface parent_iface;

  /* The window's catalog and session history, or NULLs when none is open.
   * Every edit a page makes goes through the catalog (one transaction) and
   * is recorded in the history, so Ctrl+Z takes it back. */
  void (*set_document) (MuluStepPage *self,
                        MuluCatalog  *catalog,
                        MuluHistory  *history);
};

void mulu_step_page_set_document (MuluStepPage *self,
                                  MuluCatalog  *catalog,
                                  MuluHistory  *history);

G_END_DECLS
