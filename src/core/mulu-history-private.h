/* mulu-history-private.h — shared by the history's two files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-history.h"

G_BEGIN_DECLS

typedef struct _MuluRemoval MuluRemoval;

MuluRemoval *mulu_removal_capture  (MuluCatalog *catalog,
                                    MuluEntity   entity,
                                    gint64       id,
                                    GError     **error);
gboolean     mulu_removal_put_back (MuluCatalog *catalog,
                                    MuluRemoval *removal,
                                    GError     **error);
void         mulu_removal_free     (MuluRemoval *removal);
/* The record whose deletion this is. */
MuluRecord  *mulu_removal_get_record (MuluRemoval *removal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluRemoval, mulu_removal_free)

G_END_DECLS
