/* mulu-columns.h — column view columns over the core's record lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

GtkColumnViewColumn *mulu_text_column_new (MuluEntity  entity,
                                           const char *property,
                                           const char *title,
                                           int         width);

G_END_DECLS
