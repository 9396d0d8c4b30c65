/* mulu-history.h — undo and redo of the edits made in one session
 *
 * Every change made through a MuluHistory is committed to the catalog at
 * once (as through MuluCatalog) and remembered, so that it can be undone
 * and redone. A deletion remembers what the database removes or re-points
 * with it (a resource's items, the resources of a deleted system), so undo
 * brings everything back as it was, with the same ids.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-catalog.h"

G_BEGIN_DECLS

#define MULU_TYPE_HISTORY (mulu_history_get_type ())
G_DECLARE_FINAL_TYPE (MuluHistory, mulu_history, MULU, HISTORY, GObject)

MuluHistory *mulu_history_new            (MuluCatalog  *catalog);
MuluCatalog *mulu_history_get_catalog    (MuluHistory  *self);

gboolean     mulu_history_add            (MuluHistory  *self,
                                          MuluRecord   *record,
                                          GError      **error);
gboolean     mulu_history_update         (MuluHistory  *self,
                                          MuluRecord   *record,
                                          GError      **error);
gboolean     mulu_history_delete         (MuluHistory  *self,
                                          MuluEntity    entity,
                                          gint64        id,
                                          GError      **error);
/* A zombie decision, as mulu_zombie_set_review(): undo puts back the
 * decision it replaced (or none). */
gboolean     mulu_history_set_zombie_review (MuluHistory *self,
                                          gint64        system_id,
                                          const char   *decision,
                                          const char   *disposition,
                                          const char   *planned_date,
                                          const char   *note,
                                          GError      **error);

/* Several changes undone as one (a paste of twenty items, a bulk edit).
 * Groups nest; the label of the outermost names the step. */
void         mulu_history_begin_group    (MuluHistory  *self,
                                          const char   *label);
gboolean     mulu_history_end_group      (MuluHistory  *self,
                                          GError      **error);

gboolean     mulu_history_can_undo       (MuluHistory  *self);
gboolean     mulu_history_can_redo       (MuluHistory  *self);
/* "Undo: change 系统名称" — for menus and toasts; NULL when nothing. */
const char  *mulu_history_get_undo_label (MuluHistory  *self);
const char  *mulu_history_get_redo_label (MuluHistory  *self);
gboolean     mulu_history_undo           (MuluHistory  *self,
                                          GError      **error);
gboolean     mulu_history_redo           (MuluHistory  *self,
                                          GError      **error);
void         mulu_history_clear          (MuluHistory  *self);

G_END_DECLS
