/* mulu-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "mulu-error.h"

G_DEFINE_QUARK (mulu-error-quark, mulu_error)
