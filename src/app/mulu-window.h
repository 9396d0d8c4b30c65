/* mulu-window.h — one catalog, its guided steps
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_WINDOW (mulu_window_get_type ())
G_DECLARE_FINAL_TYPE (MuluWindow, mulu_window, MULU, WINDOW, AdwApplicationWindow)

MuluWindow  *mulu_window_new           (MuluApplication *app);
gboolean     mulu_window_open_file     (MuluWindow      *self,
                                        GFile           *file);
gboolean     mulu_window_open_catalog  (MuluWindow      *self,
                                        const char      *path,
                                        GError         **error);
gboolean     mulu_window_import_package (MuluWindow     *self,
                                        const char      *path);
MuluCatalog *mulu_window_get_catalog   (MuluWindow      *self);
MuluHistory *mulu_window_get_history   (MuluWindow      *self);
void         mulu_window_show_step     (MuluWindow      *self,
                                        guint            step);
void         mulu_window_show_overview (MuluWindow      *self);
void         mulu_window_show_review   (MuluWindow      *self);
void         mulu_window_show_record   (MuluWindow      *self,
                                        MuluEntity       entity,
                                        gint64           id,
                                        const char      *field);
void         mulu_window_toast         (MuluWindow      *self,
                                        const char      *message);
void         mulu_window_ask_user_name (MuluWindow      *self);

G_END_DECLS
