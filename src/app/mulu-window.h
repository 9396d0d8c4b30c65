/* mulu-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_WINDOW (mulu_window_get_type ())
G_DECLARE_FINAL_TYPE (MuluWindow, mulu_window, MULU, WINDOW, AdwApplicationWindow)

MuluWindow *mulu_window_new       (MuluApplication *app);
void        mulu_window_open_file (MuluWindow      *self,
                                   GFile           *file);

G_END_DECLS
