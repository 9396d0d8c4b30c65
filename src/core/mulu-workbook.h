/* mulu-workbook.h — the census workbook (.xlsx), written by libxlsxwriter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "mulu-catalog.h"
#include "mulu-package.h"

G_BEGIN_DECLS

typedef struct {
  const char *template_name;  /* "national", "flat" or a template file; NULL = national */
  gboolean    draft;          /* write even while errors remain, marked 草稿 */
  guint32     max_rows;       /* rows per sheet before a continuation sheet; 0 = Excel's 1,048,576 */
} MuluWorkbookOptions;

/* Progress reports a fraction of -1 for the final, indeterminate phase
 * (compressing the file), which takes most of the time on big catalogs. */
gboolean mulu_workbook_export (MuluCatalog               *catalog,
                               const char                *path,
                               const MuluWorkbookOptions *options,
                               GCancellable              *cancellable,
                               MuluProgressFunc           progress,
                               gpointer                   progress_data,
                               GError                   **error);

G_END_DECLS
