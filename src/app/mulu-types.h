/* mulu-types.h — the window's types, declared once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "mulu-core.h"
#include "mulu-history.h"

G_BEGIN_DECLS

typedef struct _MuluApplication    MuluApplication;
typedef struct _MuluWindow         MuluWindow;
typedef struct _MuluRecordsPage    MuluRecordsPage;
typedef struct _MuluDepartmentPage MuluDepartmentPage;
typedef struct _MuluStepRow        MuluStepRow;

G_END_DECLS
