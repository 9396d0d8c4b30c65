/* mulu-core.h — everything the CLI and the window use from the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-catalog.h"
#include "mulu-codes.h"
#include "mulu-entity.h"
#include "mulu-error.h"
#include "mulu-finding-group.h"
#include "mulu-finding-list.h"
#include "mulu-finding-object.h"
#include "mulu-generate.h"
#include "mulu-history.h"
#include "mulu-i18n.h"
#include "mulu-log.h"
#include "mulu-package.h"
#include "mulu-record.h"
#include "mulu-record-list.h"
#include "mulu-stats.h"
#include "mulu-resource-code.h"
#include "mulu-review.h"
#include "mulu-rules.h"
#include "mulu-suggest.h"
#include "mulu-uscc.h"
#include "mulu-template.h"
#include "mulu-tsv.h"
#include "mulu-value.h"
#include "mulu-workbook.h"
#include "mulu-zombie.h"
