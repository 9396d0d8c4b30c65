/* mulu-paste-dialog.h — how pasted rows will be read, before they are added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"
#include "mulu-tsv.h"

G_BEGIN_DECLS

#define MULU_TYPE_PASTE_DIALOG (mulu_paste_dialog_get_type ())
G_DECLARE_FINAL_TYPE (MuluPasteDialog, mulu_paste_dialog, MULU, PASTE_DIALOG, AdwWindow)

MuluPasteDialog *mulu_paste_dialog_new        (MuluTsvResult   *result,
                                               MuluCodes       *codes);
MuluTsvResult   *mulu_paste_dialog_get_result (MuluPasteDialog *self);
MuluTsvRole      mulu_paste_dialog_get_role   (MuluPasteDialog *self,
                                               guint            column);
void             mulu_paste_dialog_set_role   (MuluPasteDialog *self,
                                               guint            column,
                                               MuluTsvRole      role);
void             mulu_paste_dialog_set_has_header (MuluPasteDialog *self,
                                                   gboolean         has_header);

G_END_DECLS
