/* mulu-file-chooser.h — asking for a file, as GTK 4.8 allows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

/* Called with the widget that asked and the file chosen; not called when
 * the person cancels. */
typedef void (*MuluFileChosenFunc) (GtkWidget *owner,
                                    GFile     *file);

void mulu_choose_file (GtkWidget            *owner,
                       GtkFileChooserAction  action,
                       const char           *title,
                       const char           *accept,
                       const char           *pattern,
                       const char           *pattern_name,
                       const char           *current,
                       MuluFileChosenFunc    func);

G_END_DECLS
