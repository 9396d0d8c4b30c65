/* mulu-application.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-types.h"

G_BEGIN_DECLS

#define MULU_TYPE_APPLICATION (mulu_application_get_type ())
G_DECLARE_FINAL_TYPE (MuluApplication, mulu_application, MULU, APPLICATION, AdwApplication)

MuluApplication *mulu_application_new (void);

G_END_DECLS
