/* mulu-step-row.h — one step of the guided flow in the sidebar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_STEP_ROW (mulu_step_row_get_type ())
G_DECLARE_FINAL_TYPE (MuluStepRow, mulu_step_row, MULU, STEP_ROW, GtkListBoxRow)

MuluStepRow *mulu_step_row_new          (guint        number,
                                         const char  *title,
                                         const char  *page_name);
void         mulu_step_row_set_icon      (MuluStepRow *self,
                                         const char  *icon_name);
const char  *mulu_step_row_get_page_name (MuluStepRow *self);
const char  *mulu_step_row_get_progress (MuluStepRow *self);
void         mulu_step_row_set_progress (MuluStepRow *self,
                                         const char  *progress,
                                         guint        n_errors,
                                         guint        n_warnings);

G_END_DECLS
