/* mulu-error.h — the MULU_ERROR domain shared by the whole core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MULU_ERROR (mulu_error_quark ())

typedef enum {
  MULU_ERROR_FAILED,
  MULU_ERROR_IO,              /* the file could not be read or written */
  MULU_ERROR_NOT_A_CATALOG,   /* the file is not a Mulu catalog */
  MULU_ERROR_TOO_NEW,         /* made by a newer Mulu */
  MULU_ERROR_LOCKED,          /* another program has the catalog open */
  MULU_ERROR_EXISTS,          /* the target already exists */
  MULU_ERROR_NOT_FOUND,       /* no such record */
  MULU_ERROR_INVALID,         /* a value breaks a constraint */
  MULU_ERROR_PACKAGE,         /* a package line is refused */
  MULU_ERROR_CANCELLED,
  MULU_ERROR_DATABASE,        /* SQLite reported something unexpected */
  MULU_ERROR_SUBMITTED,       /* the catalog is submitted: reopen it before editing */
  MULU_ERROR_NOT_PERMITTED,   /* the review's rules forbid it (self-approval, …) */
} MuluErrorCode;

GQuark mulu_error_quark (void);

G_END_DECLS
