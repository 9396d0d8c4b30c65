/* mulu-lock.h — one writer per catalog file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _MuluLock MuluLock;

MuluLock *mulu_lock_acquire (const char *catalog_path,
                             GError    **error);
void      mulu_lock_release (MuluLock   *lock);
char     *mulu_lock_path_for (const char *catalog_path);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluLock, mulu_lock_release)

G_END_DECLS
