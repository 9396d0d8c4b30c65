/* mulu-stable-list.h — a record list whose updated rows stay in place
 *
 * The catalog re-reads a record after each change, and the record list
 * reports an update as the row being replaced — which would make a view
 * throw away the row's widgets, and the focus with them, after every cell
 * edit. A MuluStableList shows the same rows, except that a row replaced by
 * the same record is reported to a callback instead, to refresh in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_STABLE_LIST (mulu_stable_list_get_type ())
G_DECLARE_FINAL_TYPE (MuluStableList, mulu_stable_list, MULU, STABLE_LIST, GObject)

typedef void (*MuluStableListUpdated) (gpointer data,
                                       guint    position,
                                       guint    n_items);

MuluStableList *mulu_stable_list_new (MuluRecordList        *list,
                                      MuluStableListUpdated  updated,
                                      gpointer               data);

G_END_DECLS
