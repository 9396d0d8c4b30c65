/* mulu-package.h — catalogs as JSON Lines (../shared/package-format.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "mulu-catalog.h"

G_BEGIN_DECLS

#define MULU_PACKAGE_VERSION 1

/* Called now and then from the thread doing the work. */
typedef void (*MuluProgressFunc) (double      fraction,
                                  const char *message,
                                  gpointer    user_data);

typedef struct {
  guint64 line;     /* 1-based; 0 when the issue concerns the whole package */
  char   *field;    /* may be NULL */
  char   *message;  /* a sentence for the clerk */
} MuluImportIssue;

typedef struct {
  char      *path;
  char      *sha256;
  guint64    lines;
  guint64    counts[MULU_N_ENTITIES];
  GPtrArray *warnings;        /* of MuluImportIssue, at most MULU_IMPORT_MAX_WARNINGS */
  guint64    n_warnings;      /* all of them, including those not kept */
  guint64    changes;         /* change-log entries the package brought */
} MuluImportReport;

#define MULU_IMPORT_MAX_WARNINGS 1000

void      mulu_import_report_free   (MuluImportReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (MuluImportReport, mulu_import_report_free)

gboolean  mulu_package_import       (MuluCatalog       *catalog,
                                     const char        *path,
                                     MuluImportReport **report,
                                     GCancellable      *cancellable,
                                     MuluProgressFunc   progress,
                                     gpointer           progress_data,
                                     GError           **error);
gboolean  mulu_package_export       (MuluCatalog       *catalog,
                                     const char        *path,
                                     GCancellable      *cancellable,
                                     MuluProgressFunc   progress,
                                     gpointer           progress_data,
                                     GError           **error);
char     *mulu_package_record_to_json (MuluCatalog     *catalog,
                                       MuluRecord      *record);

/* Secrecy, in one place: may this field of a 涉密 record leave the file? */
gboolean  mulu_secrecy_field_may_leave (MuluEntity       entity,
                                        const MuluField *field);
gboolean  mulu_record_is_secret        (MuluRecord      *record);

G_END_DECLS
